// What the explorer's tests share: a scenario from tests/explore/ loaded as the CLI loads it, and a
// search that reports the explorer's refusal as a test failure.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "explore/scenario_explorer.hpp"
#include "scenario/loader.hpp"

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

}  // namespace explore_test
