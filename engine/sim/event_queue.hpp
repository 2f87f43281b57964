// The simulator's pending events: a 4-ary min-heap on (time, sequence) that can also take a timer
// out when it is cancelled, so cancelled timers no longer sit in the heap (and slow every push and
// pop) until they come due.
//
// The queue limit keeps counting a cancelled timer until the moment it would have been skipped had it
// stayed in the heap (as it used to): see counts_at_least(). Runs that reach the limit therefore halt
// at exactly the same event as before.
#pragma once

#include <cstdint>
#include <cstddef>
#include <vector>

#include "sim/types.hpp"

namespace cs {

enum class EventKind : std::uint8_t { Deliver, Timer, Fault, Client };

// The order of events: by time, then by sequence number. Written without a branch on equal times,
// which are the rule (a fixed latency makes whole waves of events due at the same microsecond), so
// that the heap's comparisons do not mispredict.
struct EventOrder {
  Time time;
  std::uint64_t seq;
  bool operator<(const EventOrder& o) const {
    return static_cast<bool>(static_cast<int>(time < o.time) | (static_cast<int>(time == o.time) & static_cast<int>(seq < o.seq)));
  }
  bool operator>(const EventOrder& o) const { return o < *this; }  // for the std heap algorithms
};

struct QueuedEvent {
  Time time;
  std::uint64_t seq;
  std::uint32_t idx;  // into the simulator's message, timer, fault or client table, by kind
  EventKind kind;
  EventOrder order() const { return {time, seq}; }
  bool operator<(const QueuedEvent& o) const { return order() < o.order(); }
};

class EventQueue {
 public:
  bool empty() const { return heap_.empty(); }
  const QueuedEvent& top() const { return heap_.front(); }
  void push(const QueuedEvent& e);
  void pop();

  // Takes timer `timer_id` out of the queue if it is there (its key is kept for the limit count).
  void remove_timer(std::uint32_t timer_id);

  // Tells the queue that every dead event before the current top has been skipped (the simulator's
  // prune): cancelled timers due before the top stop counting towards the limit.
  void mark_pruned();

  // Whether the events the queue limit counts (pending events, plus cancelled timers not yet due
  // as of the last prune) number at least n.
  bool counts_at_least(std::size_t n) {
    if (heap_.size() + cancelled_.size() < n) return false;  // an upper bound suffices (the rule)
    return counts_exactly_at_least(n);
  }

 private:
  static constexpr std::uint32_t kNotQueued = 0xFFFFFFFF;
  using Key = EventOrder;

  void place(std::size_t i, const QueuedEvent& e);
  void sift_up(std::size_t i, QueuedEvent e);
  void sift_down(std::size_t i, QueuedEvent e);
  std::uint32_t& timer_slot(std::uint32_t timer_id) { return timer_pos_[timer_id - timer_pos_base_]; }
  void make_timer_slot(std::uint32_t timer_id);
  bool counts_exactly_at_least(std::size_t n);
  void forget_cancelled_before_frontier();
  void compact_cancelled();

  std::vector<QueuedEvent> heap_;
  // By timer id from timer_pos_base_ on: index in heap_, or kNotQueued. Timer ids only grow and a
  // timer is queued once, so the leading entries that are no longer queued are dropped when the table
  // would grow: it spans the live timers, not every timer ever set.
  std::vector<std::uint32_t> timer_pos_;
  std::uint32_t timer_pos_base_ = 0;

  // Keys of cancelled timers taken out of the heap. Cancelled timers due before the frontier (the
  // top after the last prune) no longer count. Kept unsorted while the limit is far (a push_back per
  // cancel); made a min-heap, and their forgetting exact, only when a count needs it.
  std::vector<Key> cancelled_;
  bool cancelled_is_heap_ = false;
  std::size_t cancelled_compact_at_ = kMinCompaction;
  Key frontier_{INT64_MIN, 0};  // the lowest key: nothing is before it
  static constexpr std::size_t kMinCompaction = 1024;
};

}  // namespace cs
