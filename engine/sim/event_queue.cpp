#include "sim/event_queue.hpp"

#include <algorithm>
#include <functional>

namespace cs {

void EventQueue::place(std::size_t i, const QueuedEvent& e) {
  heap_[i] = e;
  // A removed lane front has no slot any more (kNotQueued, maybe dropped from the table).
  if (e.kind == EventKind::Timer && !(e.lane & QueuedEvent::kRemovedFront)) timer_slot(e.idx) = static_cast<std::uint32_t>(i);
}

void EventQueue::sift_up(std::size_t i, QueuedEvent e) {
  const Key key = e.order();
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!(key < heap_[parent].order())) break;
    place(i, heap_[parent]);
    i = parent;
  }
  place(i, e);
}

void EventQueue::sift_down(std::size_t i, QueuedEvent e) {
  const std::size_t n = heap_.size();
  const Key key = e.order();
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    Key best_key = heap_[first].order();
    const std::size_t end = std::min(first + 4, n);
    for (std::size_t c = first + 1; c < end; ++c) {
      const Key k = heap_[c].order();
      const bool less = k < best_key;
      best = less ? c : best;
      best_key = less ? k : best_key;
    }
    if (!(best_key < key)) break;
    place(i, heap_[best]);
    i = best;
  }
  place(i, e);
}

void EventQueue::make_timer_slot(std::uint32_t timer_id) {
  if (timer_id < timer_pos_base_) {  // not the simulator's order (ids only grow); kept correct anyway
    timer_pos_.insert(timer_pos_.begin(), timer_pos_base_ - timer_id, kNotQueued);
    timer_pos_base_ = timer_id;
  }
  if (timer_id - timer_pos_base_ < timer_pos_.size()) return;
  // At the end of the table: drop the leading entries no longer queued, then grow by doubling what
  // is left. Linear in what is left, once per as many new ids: amortised O(1).
  const auto live = std::find_if(timer_pos_.begin(), timer_pos_.end(), [](std::uint32_t p) { return p != kNotQueued; });
  timer_pos_base_ += static_cast<std::uint32_t>(live - timer_pos_.begin());
  timer_pos_.erase(timer_pos_.begin(), live);
  if (timer_pos_.empty()) timer_pos_base_ = timer_id;
  const std::size_t need = timer_id - timer_pos_base_ + 1;
  if (need > timer_pos_.size()) timer_pos_.resize(std::max(need, 2 * timer_pos_.size()), kNotQueued);
}

void EventQueue::heap_push(const QueuedEvent& e) {
  heap_.push_back(e);
  sift_up(heap_.size() - 1, e);
}

void EventQueue::push_slow(const QueuedEvent& e, std::uint16_t timer_kind) {
  if (e.kind != EventKind::Timer) return heap_push(e);
  make_timer_slot(e.idx);
  if (timer_kind < kTimerLanes) {
    TimerLane& lane = timer_lanes_[timer_kind];
    if (!lane.active) {  // the lane's front: into the heap, marked as the lane's
      lane.active = true;
      lane.last = e.order();
      QueuedEvent front = e;
      front.lane = static_cast<std::uint8_t>(timer_kind + 1);
      return heap_push(front);
    }
    if (lane.last < e.order()) {
      lane.last = e.order();
      lane.rest.push_back(e);
      ++in_timer_lanes_;
      timer_slot(e.idx) = kInLane;
      return;
    }
  }
  QueuedEvent alone = e;  // overtakes its lane (or has none): a heap entry of its own
  alone.lane = 0;
  heap_push(alone);
}

bool EventQueue::next_of_lane(std::size_t l, QueuedEvent& out) {
  TimerLane& lane = timer_lanes_[l];
  while (!lane.rest.empty()) {
    const QueuedEvent e = lane.rest.front();
    lane.rest.pop_front();
    --in_timer_lanes_;
    if (!has_timer_slot(e.idx) || timer_slot(e.idx) != kInLane) {
      note_cancelled(e.order());  // cancelled while it waited: skipped, counted until it is due
      continue;
    }
    out = e;
    out.lane = static_cast<std::uint8_t>(l + 1);
    return true;
  }
  lane.active = false;
  return false;
}

void EventQueue::pop_heap_top() {
  const QueuedEvent top = heap_.front();
  if (top.kind == EventKind::Timer && !(top.lane & QueuedEvent::kRemovedFront)) timer_slot(top.idx) = kNotQueued;
  const unsigned lane = top.lane & ~QueuedEvent::kRemovedFront & 0xFFu;
  QueuedEvent next;
  if (lane != 0 && next_of_lane(lane - 1u, next)) {
    sift_down(0, next);  // the lane's next timer takes the top's place (it comes after the top)
    return;
  }
  const QueuedEvent last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(0, last);
}

void EventQueue::note_cancelled(Key k) {
  cancelled_.push_back(k);
  if (cancelled_is_heap_) std::push_heap(cancelled_.begin(), cancelled_.end(), std::greater<Key>{});
  if (cancelled_.size() >= cancelled_compact_at_) compact_cancelled();
}

void EventQueue::remove_timer(std::uint32_t timer_id) {
  if (!has_timer_slot(timer_id)) return;
  std::uint32_t& slot = timer_slot(timer_id);
  if (slot == kNotQueued) return;
  if (slot == kInLane) {
    slot = kNotQueued;  // stays in its lane, counted, until it would become the lane's front
    return;
  }
  const std::size_t i = slot;
  slot = kNotQueued;
  if (heap_[i].lane != 0) {  // a lane's front: stays, counted, until it is the top (top_removed())
    heap_[i].lane |= QueuedEvent::kRemovedFront;
    return;
  }
  note_cancelled(heap_[i].order());
  const QueuedEvent last = heap_.back();
  heap_.pop_back();
  if (i == heap_.size()) return;  // it was the last entry
  // The entry moved into the hole may belong above it or below it.
  if (i > 0 && last < heap_[(i - 1) / 4])
    sift_up(i, last);
  else
    sift_down(i, last);
}

void EventQueue::mark_pruned() {
  if (empty()) {
    cancelled_.clear();  // a prune that empties the queue skips every cancelled timer
    return;
  }
  frontier_ = top().order();
}

void EventQueue::forget_cancelled_before_frontier() {
  if (!cancelled_is_heap_) {
    std::make_heap(cancelled_.begin(), cancelled_.end(), std::greater<Key>{});
    cancelled_is_heap_ = true;
  }
  while (!cancelled_.empty() && cancelled_.front() < frontier_) {
    std::pop_heap(cancelled_.begin(), cancelled_.end(), std::greater<Key>{});
    cancelled_.pop_back();
  }
}

void EventQueue::compact_cancelled() {
  // Bounds memory: linear in the keys kept, run when their number has doubled (amortised O(1)).
  const Key f = frontier_;
  cancelled_.erase(std::remove_if(cancelled_.begin(), cancelled_.end(), [&](Key k) { return k < f; }), cancelled_.end());
  if (cancelled_is_heap_) std::make_heap(cancelled_.begin(), cancelled_.end(), std::greater<Key>{});
  cancelled_compact_at_ = std::max(kMinCompaction, 2 * cancelled_.size());
}

bool EventQueue::counts_exactly_at_least(std::size_t n) {
  forget_cancelled_before_frontier();
  return heap_.size() + lane_.size() + in_timer_lanes_ + cancelled_.size() >= n;
}

}  // namespace cs
