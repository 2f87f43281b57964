#include "run_snapshots.hpp"

#include <algorithm>

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

// What a copy of the run holds: the accountant's count (trace records, messages, logs, protocol
// state), plus the event queue and a floor for what it does not count.
std::size_t estimateBytes(const cs::Simulation& run) {
  return run.sim().memory_used() + (64u << 10);
}

}  // namespace

void RunSnapshots::reset(const cs::Scenario& scenario, const cs::RunLimits& limits) {
  scenario_ = scenario;
  limits_ = limits;
  snaps_.clear();
  spacing_ = kFirstSpacing;
  bytes_ = 0;
  cloneable_ = true;
}

bool RunSnapshots::matches(const cs::Scenario& s, const cs::RunLimits& l) const {
  return s.protocol == scenario_.protocol && s.seed == scenario_.seed && s.params == scenario_.params &&
         s.network == scenario_.network && s.scheduled == scenario_.scheduled && s.schedule == scenario_.schedule &&
         sameFaults(s.faults, scenario_.faults) && l.trace_limit == limits_.trace_limit &&
         l.queue_limit == limits_.queue_limit && l.memory_limit == limits_.memory_limit &&
         l.count_unkept == limits_.count_unkept;
}

void RunSnapshots::offer(const cs::Simulation& run) {
  if (!cloneable_) return;
  const std::uint64_t event = run.sim().events_dispatched();
  const std::uint64_t slot = event / spacing_;
  if (slot == 0) return;  // replaying the first spacing from zero is as fast as restoring
  const auto at = std::lower_bound(snaps_.begin(), snaps_.end(), event,
                                   [](const Snapshot& s, std::uint64_t e) { return s.event < e; });
  // Covered when a snapshot already lies in this slot (before or after this event).
  if (at != snaps_.end() && at->event / spacing_ == slot) return;
  if (at != snaps_.begin() && std::prev(at)->event / spacing_ == slot) return;
  const std::size_t bytes = estimateBytes(run);
  if (bytes > kMaxBytes / 2) return;  // one copy may not take most of the budget
  auto copy = run.clone();
  if (!copy) {
    cloneable_ = false;
    return;
  }
  bytes_ += bytes;
  snaps_.insert(at, Snapshot{event, run.sim().now(), bytes, std::move(copy)});
  while (snaps_.size() > kMaxCount || bytes_ > kMaxBytes) thin();
}

void RunSnapshots::thin() {
  spacing_ *= 2;
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

std::unique_ptr<cs::Simulation> RunSnapshots::restore(std::uint64_t event, cs::Time clock) const {
  for (auto it = snaps_.rbegin(); it != snaps_.rend(); ++it)
    if (it->event <= event && it->clock <= clock) return it->run->clone();
  return nullptr;
}
