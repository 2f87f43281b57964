// The shipped saga and outbox scenarios show what their descriptions say.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "protocols/outbox.hpp"
#include "protocols/saga/choreography.hpp"
#include "protocols/saga/orchestration.hpp"
#include "saga_test_support.hpp"
#include "scenario/loader.hpp"

using namespace cs;
using namespace cs::testing;

namespace {
std::unique_ptr<Simulation> run_file(const std::string& name) {
  std::ifstream in(std::string(COMMITSCOPE_SOURCE_DIR) + "/resources/scenarios/" + name, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  LoadResult r = load_scenario(buf.str(), name);
  if (!r.scenario) {
    ADD_FAILURE() << name << " does not load";
    return nullptr;
  }
  auto s = build(*r.scenario);
  if (s) s->run();
  return s;
}

bool holds(const Simulation& s, const char* key) {
  const Invariant* inv = invariant(s, key);
  return inv && inv->held();
}
}  // namespace

TEST(SagaScenarios, Orchestration) {
  auto happy = run_file("saga-orchestration-happy.json");
  ASSERT_TRUE(happy);
  EXPECT_EQ(outcome(*happy, 1), TxnOutcome::Committed);
  expect_all_hold(*happy);

  for (const char* f : {"saga-orchestration-shipping-fails.json", "saga-orchestration-timeout.json",
                        "saga-orchestration-orchestrator-crash.json"}) {
    auto s = run_file(f);
    ASSERT_TRUE(s);
    EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted) << f;
    EXPECT_EQ(metric(*s, "compensations"), f == std::string("saga-orchestration-timeout.json") ? 2 : 3) << f;
    expect_all_hold(*s);
  }

  auto load = run_file("saga-orchestration-workload.json");
  ASSERT_TRUE(load);
  EXPECT_EQ(metric(*load, "sagas_running"), 0);
  EXPECT_GT(metric(*load, "sagas_compensated"), 20);
  EXPECT_GT(metric(*load, "compensation_failures"), 100);
  expect_all_hold(*load);
}

TEST(SagaScenarios, Isolation) {
  auto dirty = run_file("saga-orchestration-isolation-dirty-read.json");
  ASSERT_TRUE(dirty);
  EXPECT_EQ(metric(*dirty, "dirty_reads"), 1);
  EXPECT_FALSE(holds(*dirty, "no_dirty_read"));
  EXPECT_TRUE(holds(*dirty, "all_or_compensated"));
  auto locked = run_file("saga-orchestration-isolation-semantic-lock.json");
  ASSERT_TRUE(locked);
  EXPECT_EQ(metric(*locked, "dirty_reads"), 0);
  EXPECT_EQ(outcome(*locked, 2), TxnOutcome::Committed);
  expect_all_hold(*locked);
}

TEST(SagaScenarios, Choreography) {
  auto happy = run_file("saga-choreography-happy.json");
  ASSERT_TRUE(happy);
  EXPECT_EQ(outcome(*happy, 1), TxnOutcome::Committed);
  expect_all_hold(*happy);
  auto comp = run_file("saga-choreography-compensation.json");
  ASSERT_TRUE(comp);
  EXPECT_EQ(outcome(*comp, 1), TxnOutcome::Aborted);
  expect_all_hold(*comp);
  auto lost = run_file("saga-choreography-lost-event.json");
  ASSERT_TRUE(lost);
  EXPECT_EQ(outcome(*lost, 1), TxnOutcome::Committed);
  EXPECT_EQ(metric(*lost, "redeliveries"), 1);
  expect_all_hold(*lost);
  auto crash = run_file("saga-choreography-subscriber-crash.json");
  ASSERT_TRUE(crash);
  EXPECT_EQ(outcome(*crash, 1), TxnOutcome::Aborted);
  EXPECT_GE(metric(*crash, "duplicates_suppressed"), 1);
  expect_all_hold(*crash);
}

TEST(SagaScenarios, OutboxAndDualWrite) {
  auto happy = run_file("outbox-happy.json");
  ASSERT_TRUE(happy);
  EXPECT_EQ(metric(*happy, "effects_applied"), 5);
  expect_all_hold(*happy);
  auto relay = run_file("outbox-relay-crash.json");
  ASSERT_TRUE(relay);
  EXPECT_EQ(metric(*relay, "duplicates_suppressed"), 1);
  EXPECT_EQ(metric(*relay, "effects_applied"), 1);
  expect_all_hold(*relay);
  auto lost = run_file("dual-write-lost-event.json");
  ASSERT_TRUE(lost);
  EXPECT_EQ(metric(*lost, "lost_events"), 1);
  EXPECT_EQ(metric(*lost, "effects_applied"), 2);
  EXPECT_FALSE(holds(*lost, "exactly_once_effect"));
  auto dup = run_file("dual-write-duplicate.json");
  ASSERT_TRUE(dup);
  EXPECT_EQ(metric(*dup, "duplicate_effects"), 1);
  EXPECT_FALSE(holds(*dup, "exactly_once_effect"));
}
