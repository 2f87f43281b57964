// Helpers for the saga and outbox tests: scenarios built in code and trace queries.
#pragma once

#include <string>
#include <vector>

#include "sim_test_support.hpp"

namespace cs::testing {

inline Scenario scenario_of(std::string protocol, nlohmann::json params, std::uint64_t seed = 1, Time until = ms(5000)) {
  Scenario s;
  s.protocol = std::move(protocol);
  s.seed = seed;
  s.until = until;
  s.params = std::move(params);
  return s;
}

inline std::int64_t metric(const Simulation& s, const std::string& key) {
  for (const auto& m : s.protocol().metrics())
    if (m.key == key) return m.value;
  ADD_FAILURE() << "no metric " << key;
  return -1;
}

inline const Invariant* invariant(const Simulation& s, const std::string& key) {
  for (const auto& inv : s.invariants())
    if (inv->key() == key) return inv.get();
  return nullptr;
}

inline void expect_all_hold(const Simulation& s) {
  for (const auto& inv : s.invariants())
    EXPECT_TRUE(inv->held()) << inv->key() << ": " << inv->violation() << " at seq " << inv->first_violation().seq;
}

// Message types sent by `node` for transaction `txn` (0 = any), in order.
inline std::vector<std::uint16_t> sent_by(const Simulator& sim, NodeId node, TxnId txn = 0) {
  std::vector<std::uint16_t> out;
  for (const auto& e : sim.trace())
    if (e.kind == TraceKind::Send && e.node == node && (txn == 0 || e.txn == txn)) out.push_back(e.key);
  return out;
}

inline int count_txn(const Simulator& sim, TraceKind kind, std::uint16_t key, TxnId txn, NodeId node = kNoNode) {
  int n = 0;
  for (const auto& e : sim.trace())
    if (e.kind == kind && e.key == key && e.txn == txn && (node == kNoNode || e.node == node)) ++n;
  return n;
}

inline FaultAction drop_next(NodeId a, NodeId b) { return FaultAction{FaultKind::DropNext, a, b, {}, {}}; }
inline FaultAction duplicate_next(NodeId a, NodeId b) { return FaultAction{FaultKind::DuplicateNext, a, b, {}, {}}; }

// Whether two runs recorded identical traces (every field of every event); cheaper than comparing
// fingerprint() strings over thousands of runs. Returns the index of the first difference, or -1.
inline long first_trace_difference(const Simulator& a, const Simulator& b) {
  const auto& x = a.trace();
  const auto& y = b.trace();
  const std::size_t n = std::min(x.size(), y.size());
  for (std::size_t i = 0; i < n; ++i) {
    const TraceEvent& e = x[i];
    const TraceEvent& f = y[i];
    if (e.seq != f.seq || e.time != f.time || e.kind != f.kind || e.node != f.node || e.peer != f.peer ||
        e.key != f.key || e.txn != f.txn || e.msg != f.msg || e.value != f.value || e.reason != f.reason)
      return static_cast<long>(i);
  }
  return x.size() == y.size() ? -1 : static_cast<long>(n);
}

// Repairs everything (all nodes up, links healed, no random loss or duplication) and runs on.
inline void repair_and_finish(Simulation& s, Time run_for = ms(20'000)) {
  for (int round = 0; round < 8; ++round) {
    s.sim().apply_now(heal_all());
    for (NodeId n = 0; n < static_cast<NodeId>(s.sim().nodes().size()); ++n) s.sim().apply_now(restart(n));
    FaultAction calm{FaultKind::SetNetwork, kNoNode, kNoNode, {}, s.sim().network().settings()};
    calm.network.loss = Ratio{0, 1};
    calm.network.duplicate = Ratio{0, 1};
    s.sim().apply_now(calm);
    s.sim().run_until(s.sim().now() + run_for);
    bool all_up = true;
    for (const auto& n : s.sim().nodes()) all_up = all_up && n.up;
    if (all_up && !s.sim().would_change(heal_all())) return;
  }
}

// A random fault schedule over `nodes` nodes; state triggers pick from `states`, sent triggers from
// `messages` message types.
inline std::vector<Fault> random_faults(Rng& r, int nodes, const std::vector<std::pair<NodeId, std::uint16_t>>& states,
                                        int messages, Time horizon) {
  const auto node = [&] { return static_cast<NodeId>(r.below(static_cast<std::uint64_t>(nodes))); };
  const auto link = [&](FaultKind k) {
    const NodeId a = node();
    NodeId b = node();
    if (b == a) b = (a + 1) % nodes;
    return FaultAction{k, a, b, {}, {}};
  };
  std::vector<Fault> out;
  const int n_faults = static_cast<int>(r.below(8));
  for (int i = 0; i < n_faults; ++i) {
    Fault f;
    switch (r.below(9)) {
      case 0:
      case 1:
      case 2: f.action = crash(node()); break;
      case 3: f.action = restart(node()); break;
      case 4: f.action = link(FaultKind::Cut); break;
      case 5: f.action = link(FaultKind::Heal); break;
      case 6: {
        std::vector<NodeId> side;
        for (NodeId n = 0; n < nodes; ++n)
          if (r.chance(Ratio{1, 2})) side.push_back(n);
        f.action = partition({side});
        break;
      }
      case 7: f.action = link(FaultKind::DropNext); break;
      default: f.action = link(FaultKind::DuplicateNext); break;
    }
    switch (r.below(3)) {
      case 0: {
        const auto& [n, st] = states[r.below(states.size())];
        f.trigger.kind = TriggerKind::OnState;
        f.trigger.node = n;
        f.trigger.state = st;
        break;
      }
      case 1:
        f.trigger.kind = TriggerKind::OnSent;
        f.trigger.msg_type = static_cast<std::uint16_t>(r.below(static_cast<std::uint64_t>(messages)));
        f.trigger.nth = 1 + r.below(4);
        break;
      default:
        f.trigger.kind = TriggerKind::AtTime;
        f.trigger.time = r.between(0, horizon);
        break;
    }
    out.push_back(f);
  }
  return out;
}

}  // namespace cs::testing
