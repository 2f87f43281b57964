// 2PC's per-transaction state at one node, for transaction ids 0..n: entries are made as they are
// first touched (a run of 1,000,000 transactions allocates nothing up front), and, in a run that
// forgets finished transactions (SimConfig::forget_finished, the CLI's --long-run), the leading
// finished ones are replaced by a one-byte summary holding everything the protocol still reads of
// them: a late vote, ACK or DECISION_REQUEST, recovery after a crash. So memory follows the
// transactions in progress, not the run's length.
//
// T provides `bool packable() const` (the entry is finished and its summary loses nothing that is
// read again), `pack() const` (a small integer) and `static T unpack(summary)`. The reference
// operator[] gives for an id below base() is a rebuilt copy: handlers only read a finished entry,
// and the one that changes it (a late ACK at C) writes it back with store().
//
// Entries live in chunks of a power-of-two number of ids, found by shifting the id (a handler looks
// its transaction up several times per message: a std::deque's index arithmetic was ~5 % of a run).
// Chunks never move, so a reference stays valid while other entries are made. They come from the
// protocol's ChunkPool (sim/chunk_pool.hpp); a copy of a window uses the heap.
#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>
#include <vector>

#include "sim/chunk_pool.hpp"
#include "sim/types.hpp"

namespace cs::tpc {

template <class T>
class TxnWindow {
  static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>, "entries are copied as bytes");

 public:
  using Summary = decltype(std::declval<const T&>().pack());
  TxnWindow() : done_{T{}.pack()} {}  // id 0 names no transaction
  // Entries in chunks from `pool`, which must outlive the window.
  explicit TxnWindow(ChunkPool* pool) : alloc_(pool), done_{T{}.pack()} {}
  TxnWindow(const TxnWindow& o)
      : done_(o.done_), base_(o.base_), end_(o.end_), first_chunk_(o.first_chunk_), dead_chunks_(o.dead_chunks_), scratch_(o.scratch_) {
    chunks_.reserve(o.chunks_.size());
    for (const T* c : o.chunks_) {
      T* mine = c ? new_chunk() : nullptr;
      if (c) std::copy(c, c + kChunk, mine);
      chunks_.push_back(mine);
    }
  }
  TxnWindow(TxnWindow&& o) noexcept { swap(o); }
  // By value: a copy (on the heap) or a move (with its pool), then swapped in.
  TxnWindow& operator=(TxnWindow o) noexcept {
    swap(o);
    return *this;
  }
  ~TxnWindow() {
    for (T* c : chunks_)
      if (c) alloc_.deallocate(c, kChunk);
  }

  T& operator[](TxnId t) {
    if (t < base_) return scratch_ = T::unpack(done_[t]);
    if (t >= end_) extend(t);
    return entry(t);
  }
  const T& operator[](TxnId t) const {
    if (t < base_) return scratch_ = T::unpack(done_[t]);
    static const T kUntouched{};
    return t < end_ ? entry(t) : kUntouched;
  }
  // Writes back the copy operator[] gave for a summarised `t` (it must still be packable).
  void store(TxnId t) {
    if (t < base_) done_[t] = scratch_.pack();
  }
  // Entries below base() are summaries; end() is one past the last entry touched.
  TxnId base() const { return base_; }
  // For loops written over a vector (any_undecided): ids 0 .. end() - 1.
  std::size_t size() const { return end(); }
  TxnId end() const { return end_; }

  // Summarises the leading entries that are packable, each first given to `gone`. Returns how many.
  template <class Gone>
  std::size_t forget_finished(Gone&& gone) {
    std::size_t n = 0;
    while (base_ < end_ && entry(base_).packable()) {
      gone(entry(base_));
      done_.push_back(entry(base_).pack());
      ++base_;
      ++n;
      if ((base_ & kMask) == 0) free_chunk_below_base();
    }
    return n;
  }
  // A crash: every entry held in full is forgotten (the summaries are the durable checkpoint, kept;
  // `recovered(summary)` is what a restart would rebuild from the truncated log records).
  template <class Recovered>
  void crash(Recovered&& recovered) {
    for (TxnId t = base_; t < end_; ++t) entry(t) = T{};
    for (Summary& s : done_) s = recovered(s);
  }
  // Iteration over the entries held in full, with their ids.
  template <class F>
  void each_live(F&& f) const {
    for (TxnId t = base_; t < end_; ++t) f(t, entry(t));
  }
  template <class F>
  void each_summary(F&& f) const {
    for (std::size_t i = 0; i < done_.size(); ++i) f(static_cast<TxnId>(i), T::unpack(done_[i]));
  }

 private:
  // As many entries as fit one pool slot, a power of two.
  static constexpr std::size_t kChunk = std::bit_floor(std::max<std::size_t>(1, ChunkPool::kSlotBytes / sizeof(T)));
  static constexpr unsigned kShift = std::countr_zero(kChunk);
  static constexpr TxnId kMask = static_cast<TxnId>(kChunk - 1);

  T& entry(TxnId t) const { return chunks_[(t >> kShift) - first_chunk_][t & kMask]; }
  T* new_chunk() {
    T* c = alloc_.allocate(kChunk);
    std::fill(c, c + kChunk, T{});
    return c;
  }
  // Makes entries up to t (untouched ones as T{}).
  void extend(TxnId t) {
    const std::size_t need = (t >> kShift) - first_chunk_ + 1;
    while (chunks_.size() < need) chunks_.push_back(new_chunk());
    end_ = t + 1;
  }
  // The chunk just below base_ holds only summarised ids: it goes, and the table's leading empty
  // places with it once they are half of it.
  void free_chunk_below_base() {
    T*& c = chunks_[(base_ >> kShift) - 1 - first_chunk_];
    if (!c) return;
    alloc_.deallocate(c, kChunk);
    c = nullptr;
    if (++dead_chunks_ * 2 > chunks_.size()) {
      chunks_.erase(chunks_.begin(), chunks_.begin() + static_cast<std::ptrdiff_t>(dead_chunks_));
      first_chunk_ += dead_chunks_;
      dead_chunks_ = 0;
    }
  }
  void swap(TxnWindow& o) noexcept {
    std::swap(alloc_, o.alloc_);
    chunks_.swap(o.chunks_);
    done_.swap(o.done_);
    std::swap(base_, o.base_);
    std::swap(end_, o.end_);
    std::swap(first_chunk_, o.first_chunk_);
    std::swap(dead_chunks_, o.dead_chunks_);
    std::swap(scratch_, o.scratch_);
  }

  ChunkAllocator<T> alloc_;
  std::vector<T*> chunks_;           // chunk first_chunk_ + i holds ids from (first_chunk_ + i) * kChunk
  std::vector<Summary> done_;        // ids 0 .. base_ - 1
  TxnId base_ = 1;
  TxnId end_ = 1;
  std::size_t first_chunk_ = 0;
  std::size_t dead_chunks_ = 0;      // leading chunks_ entries already freed
  mutable T scratch_{};
};

}  // namespace cs::tpc
