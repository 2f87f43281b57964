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


}  // namespace cs::testing
