// Helpers shared by the cap-register and primary-backup tests.
#pragma once

#include <string>

#include "check/linearizability.hpp"
#include "sim/rng.hpp"
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

// Random parameters of a register with 3-5 replicas and 2-4 clients (5 to 4 + `ops_spread` operations),
// with conflict handling and clock skews when `ap`; the draws' order is fixed (seeds keep their runs).
inline nlohmann::json random_register_params(Rng& r, bool ap, std::uint64_t ops_spread) {
  const int replicas = 3 + static_cast<int>(r.below(3));
  const int clients = 2 + static_cast<int>(r.below(3));
  nlohmann::json p = {{"mode", ap ? "ap" : "cp"},
                      {"replicas", replicas},
                      {"clients", clients},
                      {"operations", 5 + r.below(ops_spread)},
                      {"interval_ms", r.between(0, 40)},
                      {"keys", 1 + r.below(2)},
                      {"quorum_timeout_ms", r.between(50, 300)},
                      {"op_timeout_ms", r.between(100, 500)}};
  if (ap) {
    p["conflict"] = r.chance(Ratio{1, 2}) ? "lww" : "vector";
    p["sync_interval_ms"] = r.between(50, 300);
    nlohmann::json skew = nlohmann::json::object();
    for (int i = 1; i <= replicas; ++i)
      if (r.chance(Ratio{1, 3})) skew["R" + std::to_string(i)] = r.between(-200, 200);
    p["clock_skew_ms"] = skew;
  }
  return p;
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


}  // namespace cs::testing
