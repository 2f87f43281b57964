// The simulator's pending events, in (time, sequence) order:
//  - a 4-ary min-heap that can take a timer out when it is cancelled, so cancelled timers do not sit
//    in it (and slow every push and pop) until they come due;
//  - a FIFO lane for message deliveries that arrive in order: a fixed latency (the rule in
//    benchmarks and most lessons) makes every delivery due no earlier than the one queued before
//    it, so most deliveries are a ring append and a ring pop instead of a sift up and a sift down;
//  - FIFO lanes for timers, one per timer kind (the simulator's hint): timers of one kind are
//    usually set with one delay, hence due in the order they are set. Only a lane's front is in the
//    heap; the rest wait in the lane. A cancelled timer in a lane is only marked: behind the front it
//    is skipped when it would become the front; as the front, it stays in the heap until it is the
//    top, and the caller skips it (top_removed()) as it skips a timer voided by a crash. Most timers
//    are cancelled (a vote arrives before its timeout), and a mark costs less than a heap removal.
// An event that would overtake its lane's last entry goes to the heap. The top is the smaller of the
// delivery lane's front and the heap's top, so the order is exactly that of one heap.
//
// The queue limit keeps counting a cancelled timer until the moment it would have been skipped had it
// stayed in the heap (as it used to): see counts_at_least(). Runs that reach the limit therefore halt
// at exactly the same event as before.
#pragma once

#include <array>
#include <cstdint>
#include <cstddef>
#include <vector>

#include "sim/ring_table.hpp"
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
  // In the heap: 1 + the timer lane whose front this is, else 0; plus kRemovedFront once the timer
  // was cancelled (remove_timer()) and left in place.
  std::uint8_t lane = 0;
  static constexpr std::uint8_t kRemovedFront = 0x80;
  EventOrder order() const { return {time, seq}; }
  bool operator<(const QueuedEvent& o) const { return order() < o.order(); }
};

class EventQueue {
 public:
  // Timer kinds from this on have no lane of their own (their timers go to the heap).
  static constexpr std::size_t kTimerLanes = 8;

  bool empty() const { return heap_.empty() && lane_.empty(); }
  const QueuedEvent& top() const { return lane_first() ? lane_.front() : heap_.front(); }
  // `timer_kind`: for a timer, the lane it goes to if it is due after the lane's last entry.
  void push(const QueuedEvent& e, std::uint16_t timer_kind = 0) {
    if (e.kind == EventKind::Deliver && (lane_.empty() || lane_.back() < e)) {
      lane_.push_back(e);
      return;
    }
    push_slow(e, timer_kind);
  }
  void pop() {
    if (lane_first()) {
      lane_.pop_front();
      return;
    }
    pop_heap_top();
  }

  // Takes timer `timer_id` out of the queue if it is there (its key is kept for the limit count).
  // A lane's front is only marked: it is still the top when its time comes (top_removed()).
  void remove_timer(std::uint32_t timer_id);
  // Whether the top is a timer taken out by remove_timer() and kept in place: the caller pops it
  // without dispatching it, as it pops a dead timer (before mark_pruned()).
  bool top_removed() const { return (top().lane & QueuedEvent::kRemovedFront) != 0; }

  // Tells the queue that every dead event before the current top has been skipped (the simulator's
  // prune): cancelled timers due before the top stop counting towards the limit.
  void mark_pruned();

  // Whether the events the queue limit counts (pending events, plus cancelled timers not yet due
  // as of the last prune) number at least n.
  bool counts_at_least(std::size_t n) {
    // An upper bound suffices (the rule): cancelled timers still in lanes are pending events here.
    if (heap_.size() + lane_.size() + in_timer_lanes_ + cancelled_.size() < n) return false;
    return counts_exactly_at_least(n);
  }

 private:
  static constexpr std::uint32_t kNotQueued = 0xFFFFFFFF;
  static constexpr std::uint32_t kInLane = 0xFFFFFFFE;  // waiting in a timer lane, behind its front
  using Key = EventOrder;

  // A timer lane: its front is in the heap (`active`), the timers after it wait in `rest`, and `last`
  // is the key of the latest one pushed (what a new one must come after).
  struct TimerLane {
    RingTable<QueuedEvent> rest;
    Key last{INT64_MIN, 0};
    bool active = false;
  };

  // Whether the next event is the delivery lane's front (keys are unique: seq).
  bool lane_first() const { return !lane_.empty() && (heap_.empty() || lane_.front() < heap_.front()); }
  void push_slow(const QueuedEvent& e, std::uint16_t timer_kind);
  void pop_heap_top();
  // The next timer of lane `l` that is still queued, taken out of `rest` (the cancelled ones before
  // it are skipped, their keys kept for the limit count); false, the lane inactive, if none is left.
  bool next_of_lane(std::size_t l, QueuedEvent& out);
  void heap_push(const QueuedEvent& e);
  void place(std::size_t i, const QueuedEvent& e);
  void sift_up(std::size_t i, QueuedEvent e);
  void sift_down(std::size_t i, QueuedEvent e);
  std::uint32_t& timer_slot(std::uint32_t timer_id) { return timer_pos_[timer_id - timer_pos_base_]; }
  bool has_timer_slot(std::uint32_t timer_id) const {
    return timer_id >= timer_pos_base_ && timer_id - timer_pos_base_ < timer_pos_.size();
  }
  void make_timer_slot(std::uint32_t timer_id);
  void note_cancelled(Key k);
  bool counts_exactly_at_least(std::size_t n);
  void forget_cancelled_before_frontier();
  void compact_cancelled();

  std::vector<QueuedEvent> heap_;
  // Deliveries in key order (never timers: those can be taken out). Its ring is reused: no
  // allocation once it has reached the number of messages in flight.
  RingTable<QueuedEvent> lane_;
  std::array<TimerLane, kTimerLanes> timer_lanes_;
  std::size_t in_timer_lanes_ = 0;  // timers in the lanes' `rest`, cancelled ones not yet skipped included
  // By timer id from timer_pos_base_ on: index in heap_, kInLane, or kNotQueued. Timer ids only grow
  // and a timer is queued once, so the leading entries that are no longer queued are dropped when the
  // table would grow: it spans the live timers, not every timer ever set.
  std::vector<std::uint32_t> timer_pos_;
  std::uint32_t timer_pos_base_ = 0;

  // Keys of cancelled timers taken out of the heap or skipped in a lane. Cancelled timers due before
  // the frontier (the top after the last prune) no longer count. Kept unsorted while the limit is far
  // (a push_back per cancel); made a min-heap, and their forgetting exact, only when a count needs it.
  std::vector<Key> cancelled_;
  bool cancelled_is_heap_ = false;
  std::size_t cancelled_compact_at_ = kMinCompaction;
  Key frontier_{INT64_MIN, 0};  // the lowest key: nothing is before it
  static constexpr std::size_t kMinCompaction = 1024;
};

}  // namespace cs
