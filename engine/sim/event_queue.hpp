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

struct QueuedEvent {
  Time time;
  std::uint64_t seq;
  std::uint32_t idx;  // into the simulator's message, timer, fault or client table, by kind
  EventKind kind;
  bool operator<(const QueuedEvent& o) const { return time != o.time ? time < o.time : seq < o.seq; }
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
  bool counts_at_least(std::size_t n);

 private:
  static constexpr std::uint32_t kNotQueued = 0xFFFFFFFF;

  struct Key {
    Time time;
    std::uint64_t seq;
    bool operator<(const Key& o) const { return time != o.time ? time < o.time : seq < o.seq; }
    // Reversed, for the std heap algorithms (which build max-heaps): the smallest key on top.
    bool operator>(const Key& o) const { return o < *this; }
  };

  void place(std::size_t i, const QueuedEvent& e);
  void sift_up(std::size_t i, QueuedEvent e);
  void sift_down(std::size_t i, QueuedEvent e);
  void forget_cancelled_before_frontier();
  void compact_cancelled();

  std::vector<QueuedEvent> heap_;
  std::vector<std::uint32_t> timer_pos_;  // by timer id: index in heap_, or kNotQueued

  // Keys of cancelled timers taken out of the heap, as a min-heap. Cancelled timers due before the
  // frontier (the top after the last prune) no longer count; they are dropped lazily, in bulk.
  std::vector<Key> cancelled_;
  std::size_t cancelled_compact_at_ = kMinCompaction;
  Key frontier_{INT64_MIN, 0};
  static constexpr std::size_t kMinCompaction = 1024;
};

}  // namespace cs
