// The explorer over scenarios (engine/explore/scenario_explorer.hpp): what each protocol can and
// cannot do within a small fault budget, and that every counterexample replays as a scenario.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "explore/scenario_explorer.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"
#include "scenario/simulation.hpp"

using namespace cs;
using namespace cs::explore;

namespace {

Scenario load(const std::string& name) {
  std::ifstream in(std::string(COMMITSCOPE_SOURCE_DIR) + "/tests/explore/" + name, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const LoadResult r = load_scenario(buf.str(), name);
  EXPECT_TRUE(r.scenario.has_value()) << name << ": " << (r.diagnostics.empty() ? "" : r.diagnostics.front().message);
  return r.scenario.value_or(Scenario{});
}

ScenarioResult search(const Scenario& s, FaultBudget b, std::uint64_t max_states = 200'000) {
  ScenarioResult r;
  std::string error;
  ScenarioLimits limits;
  limits.max_states = max_states;
  EXPECT_TRUE(explore_scenario(s, b, limits, r, error)) << error;
  return r;
}

bool violated(const ScenarioResult& r, const std::string& key) {
  for (const auto& v : r.violations)
    if (v.invariant == key) return true;
  return false;
}

// Writes the finding as scenario text, loads it back and runs it as `commitscope-cli run` does.
std::unique_ptr<Simulation> replay(const Scenario& base, const Finding& f) {
  Diagnostics d;
  const auto protocol = find_protocol(base.protocol)->create(base.params, d);
  const std::string text = scenario_to_text(path_scenario(base, f.path, "replay"), *protocol);
  const LoadResult loaded = load_scenario(text, "replay.json");
  EXPECT_TRUE(loaded.scenario.has_value()) << text << (loaded.diagnostics.empty() ? "" : loaded.diagnostics.front().message);
  if (!loaded.scenario) return nullptr;
  auto run = Simulation::create(*loaded.scenario, d);
  EXPECT_NE(run, nullptr);
  if (!run) return nullptr;
  run->run();
  EXPECT_EQ(run->schedule_replayed(), loaded.scenario->schedule.size()) << text;
  return run;
}

void expect_findings_replay(const Scenario& base, const ScenarioResult& r) {
  for (const auto& v : r.violations) {
    auto run = replay(base, v);
    ASSERT_NE(run, nullptr);
    bool same = false;
    for (const auto& inv : run->invariants()) same = same || (!inv->held() && inv->key() == v.invariant);
    EXPECT_TRUE(same) << v.invariant << " does not replay";
  }
  for (const auto& b : r.blocking_examples) {
    Diagnostics d;
    const auto protocol = find_protocol(base.protocol)->create(base.params, d);
    const LoadResult loaded =
        load_scenario(scenario_to_text(path_scenario(base, b.path, "block"), *protocol), "block.json");
    ASSERT_TRUE(loaded.scenario.has_value());
    bool known = false;
    EXPECT_TRUE(ends_blocked(*loaded.scenario, known));
    EXPECT_TRUE(known);
  }
}

}  // namespace

// Complete searches need small scenarios: every subset of the messages in flight is a state, so
// three participants with a crash are millions of states. Where the search is bounded (kBounded
// distinct states), the test says so in its name: nothing was found among those states.
constexpr std::uint64_t kBounded = 20'000;

TEST(ExploreScenarios, TwoPcWithOneParticipantAndOneCrashKeepsAtomicityAndCanBlock) {
  const Scenario s = load("2pc-1p.json");
  const auto r = search(s, {.crashes = 1});
  EXPECT_TRUE(r.complete) << r.stopped_by;
  EXPECT_TRUE(r.exact);
  EXPECT_TRUE(r.violations.empty());
  EXPECT_GT(r.blocking_count, 0u);
  ASSERT_FALSE(r.blocking_examples.empty());
  expect_findings_replay(s, r);
}

// Bounded, so no blocking state can be certain here (a state whose future was not searched may
// still decide): blocking is what the complete one-participant search above shows.
TEST(ExploreScenarios, TwoPcWithThreeParticipantsAndOneCrashKeepsAtomicityWithinTheBound) {
  const auto r = search(load("2pc-3p.json"), {.crashes = 1}, kBounded);
  EXPECT_FALSE(r.complete);
  EXPECT_TRUE(r.violations.empty()) << r.violations.front().invariant;
}

TEST(ExploreScenarios, TwoPcWithoutFaultsNeverBlocks) {
  const auto r = search(load("2pc-1p.json"), {});
  EXPECT_TRUE(r.complete);
  EXPECT_GT(r.distinct_states, 10u);
  EXPECT_TRUE(r.violations.empty());
  EXPECT_EQ(r.blocking_count, 0u);
}

TEST(ExploreScenarios, ThreePcWithOnePartitionBreaksAgreement) {
  const Scenario s = load("3pc-1p.json");
  const auto r = search(s, {.partitions = 1});
  EXPECT_TRUE(violated(r, "agreement"));
  expect_findings_replay(s, r);
}

TEST(ExploreScenarios, ThreePcWithThreeParticipantsAndOneCrashNeverBlocksWithinTheBound) {
  const auto r = search(load("3pc-3p.json"), {.crashes = 1}, kBounded);
  EXPECT_EQ(r.blocking_count, 0u);
}

TEST(ExploreScenarios, OutboxNeverLosesOrDoublesAnEffectWithinOneCrashOneDropAndTheBound) {
  const auto r = search(load("outbox-1.json"), {.crashes = 1, .drops = 1}, kBounded);
  EXPECT_TRUE(r.violations.empty()) << r.violations.front().invariant;
}

TEST(ExploreScenarios, DualWriteLosesAnEffect) {
  const Scenario s = load("dual-write-1.json");
  const auto r = search(s, {.crashes = 1, .drops = 1}, kBounded);
  EXPECT_TRUE(violated(r, "exactly_once_effect"));
  expect_findings_replay(s, r);
}

TEST(ExploreScenarios, CpRegisterStaysLinearizableWithinTheBound) {
  const auto r = search(load("cap-cp.json"), {}, kBounded);
  EXPECT_FALSE(violated(r, "linearizable"));
}

// Seed 6 draws a write (K1 at R1) then a read (K2 at R2): the read can complete with the old value
// after the write completed. Without anti-entropy (sync_interval_ms 0) the space is finite, so the
// search is complete; with it the periodic gossip timer makes it unbounded (the violation is still
// found at depth 6, but only a bounded search can run).
TEST(ExploreScenarios, ApRegisterIsNotLinearizable) {
  const Scenario s = load("cap-ap.json");
  const auto r = search(s, {}, 100'000);
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(violated(r, "linearizable"));
  EXPECT_TRUE(violated(r, "no_stale_read"));
  for (const auto& f : r.violations) EXPECT_EQ(f.depth, 6) << f.invariant;
  expect_findings_replay(s, r);
}

TEST(ExploreScenarios, PaxosCommitWithOneCrashNeitherBlocksNorBreaksWithinTheBound) {
  const auto r = search(load("paxos-commit-f1.json"), {.crashes = 1}, kBounded);
  EXPECT_TRUE(r.violations.empty()) << r.violations.front().invariant;
  EXPECT_EQ(r.blocking_count, 0u);
}

TEST(ExploreScenarios, StateLimitStopsTheSearchWithAReason) {
  const auto r = search(load("2pc-3p.json"), {.crashes = 1}, 50);
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(r.stopped_by, "max_states");
}

// The lab plays a counterexample on its timeline with step() and run_until() (Simulator::set_script):
// the same events in the same order as the schedule's replay, one per virtual millisecond, ending in
// the same violation.
TEST(ExploreScenarios, AScriptedRunStepsThroughACounterexampleAsItsReplayDoes) {
  const Scenario base = load("3pc-1p.json");
  const auto r = search(base, {.partitions = 1});
  ASSERT_FALSE(r.violations.empty());
  const Scenario s = path_scenario(base, r.violations.front().path, "scripted");
  Diagnostics d;
  auto replayed = Simulation::create(s, d);
  auto scripted = Simulation::create(s, d);
  ASSERT_TRUE(replayed && scripted);
  replayed->run();
  scripted->sim().set_script(s.schedule);
  EXPECT_EQ(scripted->sim().next_event_time(), std::optional<Time>(ms(1)));
  ASSERT_TRUE(scripted->sim().step());
  EXPECT_EQ(scripted->sim().now(), ms(1));
  // Playback moves the clock part of the way to the next step: the step stays where it was.
  scripted->sim().run_until(ms(1) + ms(1) / 2);
  EXPECT_EQ(scripted->sim().events_dispatched(), 1u);
  EXPECT_EQ(scripted->sim().next_event_time(), std::optional<Time>(ms(2)));
  scripted->sim().run_until(ms(static_cast<std::int64_t>(s.schedule.size()) + 5));
  EXPECT_EQ(scripted->sim().script_position(), s.schedule.size());
  EXPECT_EQ(scripted->sim().events_dispatched(), replayed->sim().events_dispatched());
  EXPECT_EQ(scripted->sim().trace().size(), replayed->sim().trace().size());
  EXPECT_FALSE(scripted->invariants_hold());
  EXPECT_FALSE(scripted->sim().step());  // the script is over: nothing else happens
  EXPECT_FALSE(scripted->sim().next_event_time().has_value());
}
