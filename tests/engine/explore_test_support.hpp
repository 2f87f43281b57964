// What the explorer's tests share: a scenario from tests/explore/ loaded as the CLI loads it, and a
// search that reports the explorer's refusal as a test failure.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "explore/scenario_explorer.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"
#include "scenario/simulation.hpp"

namespace explore_test {

inline cs::Scenario load(const std::string& name) {
  std::ifstream in(std::string(COMMITSCOPE_SOURCE_DIR) + "/tests/explore/" + name, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const cs::LoadResult r = cs::load_scenario(buf.str(), name);
  EXPECT_TRUE(r.scenario.has_value()) << name << ": " << (r.diagnostics.empty() ? "" : r.diagnostics.front().message);
  return r.scenario.value_or(cs::Scenario{});
}

inline cs::explore::ScenarioResult search(const cs::Scenario& s, cs::explore::FaultBudget b, cs::explore::ScenarioLimits limits) {
  cs::explore::ScenarioResult r;
  std::string error;
  EXPECT_TRUE(cs::explore::explore_scenario(s, b, limits, r, error)) << error;
  return r;
}

// A finding written as scenario text and loaded back, as `commitscope-cli run` would read it.
inline std::optional<cs::Scenario> finding_as_scenario(const cs::Scenario& base, const cs::explore::Finding& f) {
  cs::Diagnostics d;
  const auto protocol = cs::find_protocol(base.protocol)->create(base.params, d);
  const cs::LoadResult loaded =
      cs::load_scenario(cs::scenario_to_text(cs::explore::path_scenario(base, f.path, "replay"), *protocol), "replay.json");
  return loaded.scenario;
}

// Runs `s` to its end: did it replay its whole schedule and end with `invariant` violated?
inline bool ends_violating(const cs::Scenario& s, const std::string& invariant) {
  cs::Diagnostics d;
  auto run = cs::Simulation::create(s, d);
  if (!run) return false;
  run->run();
  if (run->schedule_replayed() != s.schedule.size()) return false;
  for (const auto& inv : run->invariants())
    if (!inv->held() && inv->key() == invariant) return true;
  return false;
}

}  // namespace explore_test
