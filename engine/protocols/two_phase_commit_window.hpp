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
// and the one that changes it (a late ACK at C) writes it back with store(). The entries' chunks come
// from the protocol's ChunkPool (sim/chunk_pool.hpp); a copy of a window uses the heap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "sim/chunk_pool.hpp"
#include "sim/types.hpp"

namespace cs::tpc {

template <class T>
class TxnWindow {
 public:
  using Summary = decltype(std::declval<const T&>().pack());
  TxnWindow() : done_{T{}.pack()}, base_(1) {}  // id 0 names no transaction
  // Entries in chunks from `pool`, which must outlive the window.
  explicit TxnWindow(ChunkPool* pool) : live_(ChunkAllocator<T>(pool)), done_{T{}.pack()}, base_(1) {}
  T& operator[](TxnId t) {
    if (t < base_) return scratch_ = T::unpack(done_[t]);
    const std::size_t i = t - base_;
    if (i >= live_.size()) live_.resize(i + 1);
    return live_[i];
  }
  const T& operator[](TxnId t) const {
    if (t < base_) return scratch_ = T::unpack(done_[t]);
    const std::size_t i = t - base_;
    static const T kUntouched{};
    return i < live_.size() ? live_[i] : kUntouched;
  }
  // Writes back the copy operator[] gave for a summarised `t` (it must still be packable).
  void store(TxnId t) {
    if (t < base_) done_[t] = scratch_.pack();
  }
  // Entries below base() are summaries; end() is one past the last entry touched.
  TxnId base() const { return base_; }
  // For loops written over a vector (any_undecided): ids 0 .. end() - 1.
  std::size_t size() const { return end(); }
  TxnId end() const { return base_ + static_cast<TxnId>(live_.size()); }

  // Summarises the leading entries that are packable, each first given to `gone`. Returns how many.
  template <class Gone>
  std::size_t forget_finished(Gone&& gone) {
    std::size_t n = 0;
    while (!live_.empty() && live_.front().packable()) {
      gone(live_.front());
      done_.push_back(live_.front().pack());
      live_.pop_front();
      ++base_;
      ++n;
    }
    return n;
  }
  // A crash: every entry held in full is forgotten (the summaries are the durable checkpoint, kept;
  // `recovered(summary)` is what a restart would rebuild from the truncated log records).
  template <class Recovered>
  void crash(Recovered&& recovered) {
    for (T& x : live_) x = T{};
    for (Summary& s : done_) s = recovered(s);
  }
  // Iteration over the entries held in full, with their ids.
  template <class F>
  void each_live(F&& f) const {
    for (std::size_t i = 0; i < live_.size(); ++i) f(static_cast<TxnId>(base_ + i), live_[i]);
  }
  template <class F>
  void each_summary(F&& f) const {
    for (std::size_t i = 0; i < done_.size(); ++i) f(static_cast<TxnId>(i), T::unpack(done_[i]));
  }

 private:
  std::deque<T, ChunkAllocator<T>> live_;  // ids base_ .. base_ + size - 1
  std::vector<Summary> done_;        // ids 0 .. base_ - 1
  TxnId base_ = 0;
  mutable T scratch_;
};

}  // namespace cs::tpc
