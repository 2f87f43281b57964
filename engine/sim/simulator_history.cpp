// The run's history (trace records, messages) as something a caller can bound and hand between
// copies of one run: the window keeps the last part of a long run's trace, and its snapshots are
// copies without history that take it back from the live run when restored (issue 18). Kept apart
// from the dispatch code: nothing here runs while events are dispatched.
#include <algorithm>
#include <iterator>
#include <utility>

#include "sim/simulator.hpp"

namespace cs {

void Simulator::forget_trace_before(std::uint64_t seq) {
  const std::uint64_t base = trace_base();
  if (seq <= base) return;
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(seq - base, trace_.size()));
  // Moves the records kept to the front: the vector keeps its room (reserved once, never regrown).
  trace_.erase(trace_.begin(), trace_.begin() + static_cast<std::ptrdiff_t>(n));
}

void Simulator::forget_messages_before(std::uint32_t id) {
  while (!messages_.empty() && messages_base_ < id && messages_.front().status != MsgStatus::InFlight) {
    messages_.pop_front();
    ++messages_base_;
  }
  if (first_in_flight_ < messages_base_) first_in_flight_ = messages_base_;
}

std::unique_ptr<Simulator> Simulator::clone_without_history_for(Protocol& protocol) const {
  // The copy constructor (shared with clone_for(), so that no list of members is kept twice) would
  // copy the history too: it is lent out of this run while the copy is made, and given back.
  auto& self = const_cast<Simulator&>(*this);
  struct Lent {
    Simulator& sim;
    std::vector<TraceEvent> trace;
    Simulator::MessageTable messages;  // moved out with its allocator (this run's pool) and back
    explicit Lent(Simulator& s) : sim(s), trace(std::move(s.trace_)), messages(std::move(s.messages_)) {
      s.trace_.clear();
      s.messages_.clear();
    }
    ~Lent() {
      sim.trace_ = std::move(trace);
      sim.messages_ = std::move(messages);
    }
  } lent(self);
  // The first message still in flight: it and every later one are the copy's.
  std::size_t first = std::max<std::size_t>(first_in_flight_, messages_base_);
  const std::size_t end = messages_base_ + lent.messages.size();
  while (first < end && lent.messages[first - messages_base_].status != MsgStatus::InFlight) ++first;
  // The trace's record count stays: trace_base() of the copy is then its record count (none kept).
  std::unique_ptr<Simulator> copy(new Simulator(*this));
  copy->protocol_ = &protocol;
  copy->sink_ = nullptr;
  for (auto& fan : copy->observers_) fan = {};
  copy->messages_.assign(lent.messages.begin() + static_cast<std::ptrdiff_t>(first - messages_base_), lent.messages.end());
  copy->messages_base_ = static_cast<std::uint32_t>(first);
  copy->first_in_flight_ = first;
  return copy;
}

bool Simulator::take_history_from(Simulator& later) {
  if (later.trace_count_ < trace_count_ || later.messages_sent() < messages_sent()) return false;
  // The trace: later's records before this run's count (a vector cut back keeps its room).
  const std::uint64_t later_base = later.trace_base();
  const std::size_t kept = trace_.size();  // records this run made since it was copied
  if (kept == 0) {
    trace_ = std::move(later.trace_);
    later.trace_.clear();
    if (trace_count_ <= later_base) trace_.clear();
    else trace_.resize(static_cast<std::size_t>(trace_count_ - later_base));
  }
  // The messages: later's up to the first this run holds, then this run's own (their state here).
  if (later.messages_base_ <= messages_base_) {
    // Built in this run's own memory (a copy's table is on the heap, ChunkAllocator): later's table
    // lives in later's pool, which goes with later, and the allocator propagates on a move, so
    // moving later's table in would leave this run pointing into freed blocks. Its elements move.
    MessageTable all(messages_.get_allocator());
    const auto earlier = static_cast<std::ptrdiff_t>(messages_base_ - later.messages_base_);
    all.insert(all.end(), std::make_move_iterator(later.messages_.begin()),
               std::make_move_iterator(later.messages_.begin() + earlier));
    later.messages_.clear();
    for (Message& m : messages_) all.push_back(std::move(m));
    messages_ = std::move(all);
    messages_base_ = later.messages_base_;
  }
  return true;
}

}  // namespace cs
