#include "run_snapshots.hpp"

#include <algorithm>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

bool sameFaults(const std::vector<cs::Fault>& x, const std::vector<cs::Fault>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const cs::FaultTrigger& a = x[i].trigger;
    const cs::FaultTrigger& b = y[i].trigger;
    if (a.kind != b.kind || a.time != b.time || a.node != b.node || a.state != b.state || a.txn != b.txn ||
        a.msg_type != b.msg_type || a.nth != b.nth)
      return false;
    const cs::FaultAction& p = x[i].action;
    const cs::FaultAction& q = y[i].action;
    if (p.kind != q.kind || p.a != q.a || p.b != q.b || p.groups != q.groups || !(p.network == q.network))
      return false;
  }
  return true;
}

// What a copy without history holds: the accountant's count (logs, protocol state, messages) less
// what it counted for the history the copy leaves out (trace records, messages no longer in
// flight), plus the event queue and a floor for what it does not count.
std::size_t estimateBytes(const cs::Simulation& copy) {
  const cs::Simulator& sim = copy.sim();
  std::size_t history = (sim.messages_sent() - sim.messages().size()) * (sizeof(cs::Message) + 16);
  if (sim.counts_trace()) history += sim.trace_records() * sizeof(cs::TraceEvent);
  const std::size_t used = sim.memory_used();
  return (used > history ? used - history : 0) + (64u << 10);
}

// The bytes the heap has handed out (glibc), to measure what a copy really takes: the accountant's
// estimate above missed what it does not count (the checkers' and the protocol's tables by
// transaction, the client records), about half of a long 2PC run's snapshot. 0 elsewhere.
std::size_t heapInUse() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
  return mallinfo2().uordblks;
#else
  return 0;
#endif
}

}  // namespace

void RunSnapshots::reset(const cs::Scenario& scenario, const cs::RunLimits& limits) {
  scenario_ = scenario;
  limits_ = limits;
  snaps_.clear();
  furthest_ = {};
  spacing_ = kFirstSpacing;
  bytes_ = 0;
  cloneable_ = true;
}

bool RunSnapshots::matches(const cs::Scenario& s, const cs::RunLimits& l) const {
  return s.protocol == scenario_.protocol && s.seed == scenario_.seed && s.params == scenario_.params &&
         s.network == scenario_.network && s.scheduled == scenario_.scheduled && s.schedule == scenario_.schedule &&
         sameFaults(s.faults, scenario_.faults) && l.trace_limit == limits_.trace_limit &&
         l.queue_limit == limits_.queue_limit && l.memory_limit == limits_.memory_limit &&
         l.count_unkept == limits_.count_unkept && l.forget_finished == limits_.forget_finished &&
         l.trace_windowed == limits_.trace_windowed;
}

void RunSnapshots::reached(const cs::Simulation& run) {
  const cs::Simulator& sim = run.sim();
  if (sim.events_dispatched() < furthest_.event || (sim.events_dispatched() == furthest_.event && sim.now() <= furthest_.clock))
    return;
  furthest_ = {sim.events_dispatched(), sim.now(), sim.memory_used(), sim.halted() != cs::HaltReason::None};
}

void RunSnapshots::offer(const cs::Simulation& run) {
  reached(run);
  if (!cloneable_) return;
  const std::uint64_t event = run.sim().events_dispatched();
  const std::uint64_t slot = event / spacing_;
  if (slot == 0) return;  // replaying the first spacing from zero is as fast as restoring
  const auto at = std::lower_bound(snaps_.begin(), snaps_.end(), event,
                                   [](const Snapshot& s, std::uint64_t e) { return s.event < e; });
  // Covered when a snapshot already lies in this slot (before or after this event).
  if (at != snaps_.end() && at->event / spacing_ == slot) return;
  if (at != snaps_.begin() && std::prev(at)->event / spacing_ == slot) return;
  const std::size_t heapBefore = heapInUse();
  auto copy = run.clone_without_history();
  if (!copy) {
    cloneable_ = false;
    return;
  }
  // Measured where the heap says (other threads allocate little meanwhile), never below the estimate.
  const std::size_t heapAfter = heapInUse();
  const std::size_t measured = heapAfter > heapBefore ? heapAfter - heapBefore : 0;
  const std::size_t bytes = std::max(estimateBytes(*copy), measured);
  if (bytes > max_bytes_ / 2) return;  // one copy may not take most of the budget
  bytes_ += bytes;
  snaps_.insert(at, Snapshot{event, run.sim().now(), bytes, std::move(copy)});
  while (snaps_.size() > kMaxCount || bytes_ > max_bytes_) thin();
}

void RunSnapshots::thin() {
  // By half, not doubled: the snapshots of a long run cost more the further they are (tables by
  // transaction), so halving their number at the bound left the budget half used for long stretches.
  spacing_ += spacing_ / 2;
  std::vector<Snapshot> kept;
  std::uint64_t last_slot = 0;
  for (auto& s : snaps_) {
    const std::uint64_t slot = s.event / spacing_;
    if (slot == 0 || (!kept.empty() && slot == last_slot)) {
      bytes_ -= s.bytes;
      continue;
    }
    last_slot = slot;
    kept.push_back(std::move(s));
  }
  snaps_ = std::move(kept);
}

std::unique_ptr<cs::Simulation> RunSnapshots::restore(std::uint64_t event, cs::Time clock, cs::Simulation& live,
                                                     std::size_t headroom) const {
  for (auto it = snaps_.rbegin(); it != snaps_.rend(); ++it) {
    if (it->event > event || it->clock > clock) continue;
    if (it->bytes > headroom) return nullptr;
    auto copy = it->run->clone();
    // Never fails for a later point of the same run; if it did, the copy would only lack history.
    if (copy) copy->take_history_from(live);
    return copy;
  }
  return nullptr;
}

std::unique_ptr<cs::Simulation> RunSnapshots::restoreAhead(std::uint64_t event, cs::Time clock, const cs::Simulation& live,
                                                          cs::Time lead, std::uint64_t gain, std::uint64_t records,
                                                          std::size_t limit) const {
  // The memory rule (restoreAhead() in the header): the target (at most `event` events, those due
  // by `clock`) must lie at or before the furthest point, else it is reached by running on.
  if (furthest_.halted || (event > furthest_.event && clock > furthest_.clock)) return nullptr;
  for (auto it = snaps_.rbegin(); it != snaps_.rend(); ++it) {
    if (it->event > event || it->clock > clock - lead) continue;
    // The live run about as near (it keeps its history), or the straight way there keeps as little.
    if (it->event < live.sim().events_dispatched() + gain ||
        it->run->sim().trace_records() < live.sim().trace_records() + records)
      return nullptr;
    if (furthest_.memory > limit || it->bytes > limit - furthest_.memory) return nullptr;
    return it->run->clone();
  }
  return nullptr;
}
