#include "scenario/condition.hpp"

#include <algorithm>

namespace cs {
namespace {

bool within(const Condition& c, std::int64_t v) {
  return (!c.at_least || v >= *c.at_least) && (!c.at_most || v <= *c.at_most);
}

}  // namespace

bool evaluate(const Condition& c, const Simulation& run) {
  const Simulator& sim = run.sim();
  switch (c.kind) {
    case ConditionKind::All:
      return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return evaluate(x, run); });
    case ConditionKind::Any:
      return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return evaluate(x, run); });
    case ConditionKind::Not: return !c.children.empty() && !evaluate(c.children.front(), run);
    case ConditionKind::NodeState: return run.sim().node_view(c.node).state == c.code;
    case ConditionKind::NodeUp: return sim.is_up(c.node) == c.flag;
    case ConditionKind::NodeBlocked: return run.sim().node_view(c.node).blocked == c.flag;
    case ConditionKind::LinkCut: return sim.network().is_cut(c.node, c.peer) == c.flag;
    case ConditionKind::Partitioned: return sim.network().partitioned(c.node, c.peer);
    case ConditionKind::TxnOutcome: {
      for (const auto& t : run.protocol().transactions())
        if (t.id == c.txn) return t.outcome == c.outcome;
      return false;
    }
    case ConditionKind::Invariant: {
      for (const auto& inv : run.invariants())
        if (inv->key() == c.key) return inv->held() == c.flag;
      return false;
    }
    case ConditionKind::Log: {
      const auto& log = sim.log(c.node);
      return std::any_of(log.begin(), log.end(),
                         [&](const LogRecord& r) { return r.type == c.code && (c.txn == 0 || r.txn == c.txn); });
    }
    case ConditionKind::MessagesSent: {
      // Counts Send records, so network duplicates (Duplicate records) are not counted.
      std::int64_t n = 0;
      for (const auto& ev : sim.trace())
        if (ev.kind == TraceKind::Send && ev.key == c.code && (c.node == kNoNode || ev.node == c.node) &&
            (c.peer == kNoNode || ev.peer == c.peer))
          ++n;
      return within(c, n);
    }
    case ConditionKind::MessagesDropped: {
      // Drop records: node = the intended receiver, peer = the sender.
      std::int64_t n = 0;
      for (const auto& ev : sim.trace())
        if (ev.kind == TraceKind::Drop && (c.any_code || ev.key == c.code) && (c.node == kNoNode || ev.peer == c.node) &&
            (c.peer == kNoNode || ev.node == c.peer) && (!c.reason || ev.reason == *c.reason))
          ++n;
      return within(c, n);
    }
    case ConditionKind::Crashes: {
      std::int64_t n = 0;
      for (const auto& ev : sim.trace())
        if (ev.kind == TraceKind::Crash && ev.node == c.node) ++n;
      return within(c, n);
    }
    case ConditionKind::TimeAtLeast: return sim.now() >= c.time;
    case ConditionKind::Metric: {
      std::int64_t v = 0;
      for (const auto& m : run.protocol().metrics())
        if (m.key == c.key && m.node == c.node) v += m.value;
      return within(c, v);
    }
    case ConditionKind::Note: {
      const auto& tr = sim.trace();
      return std::any_of(tr.begin(), tr.end(), [&](const TraceEvent& ev) {
        return ev.kind == TraceKind::Note && ev.key == c.code && (c.node == kNoNode || ev.node == c.node) &&
               (c.txn == 0 || ev.txn == c.txn);
      });
    }
    case ConditionKind::LocksHeld:
    case ConditionKind::LockWaiters: {
      std::int64_t n = 0;
      // A crashed node's locks are gone (its view is frozen without them).
      if (sim.is_up(c.node)) {
        for (const auto& l : run.sim().node_view(c.node).locks)
          n += c.kind == ConditionKind::LocksHeld ? (l.holder != 0 ? 1 : 0) : static_cast<std::int64_t>(l.waiters.size());
      }
      return within(c, n);
    }
  }
  return false;
}

}  // namespace cs
