#include "sim/event_queue.hpp"

#include <algorithm>
#include <functional>

namespace cs {

void EventQueue::place(std::size_t i, const QueuedEvent& e) {
  heap_[i] = e;
  if (e.kind == EventKind::Timer) timer_pos_[e.idx] = static_cast<std::uint32_t>(i);
}

void EventQueue::sift_up(std::size_t i, QueuedEvent e) {
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!(e < heap_[parent])) break;
    place(i, heap_[parent]);
    i = parent;
  }
  place(i, e);
}

void EventQueue::sift_down(std::size_t i, QueuedEvent e) {
  const std::size_t n = heap_.size();
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n) break;
    std::size_t best = first;
    const std::size_t end = std::min(first + 4, n);
    for (std::size_t c = first + 1; c < end; ++c)
      if (heap_[c] < heap_[best]) best = c;
    if (!(heap_[best] < e)) break;
    place(i, heap_[best]);
    i = best;
  }
  place(i, e);
}

void EventQueue::push(const QueuedEvent& e) {
  if (e.kind == EventKind::Timer && e.idx >= timer_pos_.size())
    timer_pos_.resize(std::max<std::size_t>(e.idx + 1, 2 * timer_pos_.size()), kNotQueued);
  heap_.push_back(e);
  sift_up(heap_.size() - 1, e);
}

void EventQueue::pop() {
  if (heap_.front().kind == EventKind::Timer) timer_pos_[heap_.front().idx] = kNotQueued;
  const QueuedEvent last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) sift_down(0, last);
}

void EventQueue::remove_timer(std::uint32_t timer_id) {
  if (timer_id >= timer_pos_.size() || timer_pos_[timer_id] == kNotQueued) return;
  const std::size_t i = timer_pos_[timer_id];
  timer_pos_[timer_id] = kNotQueued;
  cancelled_.push_back(Key{heap_[i].time, heap_[i].seq});
  std::push_heap(cancelled_.begin(), cancelled_.end(), std::greater<Key>{});
  if (cancelled_.size() >= cancelled_compact_at_) compact_cancelled();

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
  if (heap_.empty()) {
    cancelled_.clear();  // a prune that empties the queue skips every cancelled timer
    return;
  }
  frontier_ = Key{heap_.front().time, heap_.front().seq};
}

void EventQueue::forget_cancelled_before_frontier() {
  while (!cancelled_.empty() && cancelled_.front() < frontier_) {
    std::pop_heap(cancelled_.begin(), cancelled_.end(), std::greater<Key>{});
    cancelled_.pop_back();
  }
}

void EventQueue::compact_cancelled() {
  // Bounds memory: linear in the keys kept, run when their number has doubled (amortised O(1)).
  const Key f = frontier_;
  cancelled_.erase(std::remove_if(cancelled_.begin(), cancelled_.end(), [&](const Key& k) { return k < f; }),
                   cancelled_.end());
  std::make_heap(cancelled_.begin(), cancelled_.end(), std::greater<Key>{});
  cancelled_compact_at_ = std::max(kMinCompaction, 2 * cancelled_.size());
}

bool EventQueue::counts_at_least(std::size_t n) {
  if (heap_.size() + cancelled_.size() < n) return false;  // an upper bound suffices
  forget_cancelled_before_frontier();
  return heap_.size() + cancelled_.size() >= n;
}

}  // namespace cs
