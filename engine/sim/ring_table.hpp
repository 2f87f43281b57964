// A FIFO table of trivially copyable records in one power-of-two ring that grows by doubling and
// never shrinks: appending at the back and dropping from the front reuse the same memory, so a table
// that holds a sliding window (the simulator's live timers) allocates nothing once it has reached the
// window's size. std::deque, its predecessor, took a 512-byte block from malloc every ten records and
// gave one back as often.
#pragma once

#include <cstddef>
#include <type_traits>
#include <vector>

namespace cs {

template <class T>
class RingTable {
  static_assert(std::is_trivially_copyable_v<T>, "records are moved by copying");

 public:
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](std::size_t i) { return slots_[(head_ + i) & mask()]; }
  const T& operator[](std::size_t i) const { return slots_[(head_ + i) & mask()]; }
  T& front() { return slots_[head_]; }
  const T& front() const { return slots_[head_]; }
  const T& back() const { return slots_[(head_ + size_ - 1) & mask()]; }

  T& push_back(const T& v) {
    if (size_ == slots_.size()) grow();
    T& slot = slots_[(head_ + size_) & mask()];
    slot = v;
    ++size_;
    return slot;
  }
  void pop_front() {
    head_ = (head_ + 1) & mask();
    --size_;
  }

  // Front to back, for range-for.
  class const_iterator {
   public:
    const_iterator(const RingTable* t, std::size_t i) : t_(t), i_(i) {}
    const T& operator*() const { return (*t_)[i_]; }
    const T* operator->() const { return &(*t_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }

   private:
    const RingTable* t_;
    std::size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size_}; }

 private:
  std::size_t mask() const { return slots_.size() - 1; }
  void grow() {
    std::vector<T> bigger(slots_.empty() ? 16 : 2 * slots_.size());
    for (std::size_t i = 0; i < size_; ++i) bigger[i] = (*this)[i];
    slots_.swap(bigger);
    head_ = 0;
  }

  std::vector<T> slots_;  // size: a power of two, or empty
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace cs
