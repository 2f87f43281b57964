// Helpers shared by the cap-register and primary-backup tests.
#pragma once

#include <string>

#include "check/linearizability.hpp"
#include "sim_test_support.hpp"

namespace cs::testing {

inline Scenario scenario_of(std::string protocol, nlohmann::json params, std::uint64_t seed = 1, Time until = ms(3000)) {
  Scenario s;
  s.protocol = std::move(protocol);
  s.seed = seed;
  s.until = until;
  s.params = std::move(params);
  return s;
}

inline std::int64_t metric(const Simulation& s, std::string_view key, NodeId node = kNoNode) {
  for (const auto& m : s.protocol().metrics())
    if (m.key == key && m.node == node) return m.value;
  ADD_FAILURE() << "no metric " << key << " for node " << node;
  return -1;
}

inline const Invariant* invariant(const Simulation& s, std::string_view key) {
  for (const auto& inv : s.invariants())
    if (inv->key() == key) return inv.get();
  return nullptr;
}

inline bool holds(const Simulation& s, std::string_view key) {
  const Invariant* inv = invariant(s, key);
  EXPECT_NE(inv, nullptr) << key;
  return inv && inv->held();
}

// A 64-bit digest of every field of every trace event: a cheaper stand-in for comparing fingerprints.
inline std::uint64_t trace_digest(const Simulator& sim) {
  std::uint64_t h = 1469598103934665603ull;
  const auto mix = [&](std::uint64_t v) { h = (h ^ v) * 1099511628211ull; };
  for (const auto& e : sim.trace()) {
    mix(e.seq);
    mix(static_cast<std::uint64_t>(e.time));
    mix(static_cast<std::uint64_t>(e.value));
    mix(e.txn);
    mix(e.msg);
    mix(static_cast<std::uint64_t>(e.node) << 32 | static_cast<std::uint32_t>(e.peer));
    mix(std::uint64_t{e.key} << 16 | std::uint64_t{static_cast<std::uint8_t>(e.kind)} << 8 | static_cast<std::uint8_t>(e.reason));
  }
  return h ^ sim.trace().size();
}

// Repairs everything (all nodes up, links healed, no more random loss) and runs on, until nothing is
// down or cut (a triggered fault may still fire after a repair).
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

}  // namespace cs::testing
