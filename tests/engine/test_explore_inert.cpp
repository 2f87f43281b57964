// The explorer's inert messages (ScenarioLimits::inert_messages, docs/explorer.md "Inert messages"):
// a message whose delivery the protocol says changes nothing now or later is left out of the state.
// A quotient, not an approximation: on every scenario small enough for the search without it to be
// complete, the search with it must find the same invariants violated at the same shortest depths,
// the same blocking verdict, and findings that replay; and the protocol's claims are checked at
// every state (ScenarioLimits::check_inert).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "explore/scenario_explorer.hpp"
#include "explore_test_support.hpp"
#include "protocols/paxos_commit/paxos_commit.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"
#include "scenario/simulation.hpp"

using namespace cs;
using namespace cs::explore;

namespace {

using explore_test::load;
using explore_test::search;

// The finding written as scenario text, loaded back and run as `commitscope-cli run` runs it: does
// it end with the invariant violated (a violation) or blocked (a blocking state)?
bool replays(const Scenario& base, const Finding& f) {
  const std::optional<Scenario> loaded = explore_test::finding_as_scenario(base, f);
  if (!loaded) return false;
  if (f.invariant.empty()) {
    bool known = false;
    return ends_blocked(*loaded, known) && known;
  }
  return explore_test::ends_violating(*loaded, f.invariant);
}

std::set<std::pair<std::string, int>> violations(const ScenarioResult& r) {
  std::set<std::pair<std::string, int>> out;
  for (const auto& v : r.violations) out.insert({v.invariant, v.depth});
  return out;
}

struct Case {
  Scenario scenario;
  FaultBudget budget;
  std::int64_t max_rounds = 0;
  const char* what;
};

// The committed Paxos Commit scenario with C's COMMIT to A3 delivered too.
Scenario paxos_all_acceptors_told() {
  Scenario s = load("paxos-commit-1rm-f1-committed.json");
  constexpr NodeId C = 0, A3 = 4;  // one RM: C, P1, A1..A3
  s.schedule.push_back(ScheduledStep{EventStepKind::Deliver, C, A3, paxos::MSG_COMMIT, 1, 0, 0, {}});
  return s;
}

}  // namespace

TEST(ExploreInert, FindsWhatTheFullSearchFindsWithFewerStates) {
  std::vector<Case> cases = {
      {load("3pc-1p.json"), {.partitions = 1}, 0, "3PC, 1 participant, 1 partition"},
      {load("paxos-commit-1rm-f1-committed.json"), {}, 1, "Paxos Commit after the decision"},
      {paxos_all_acceptors_told(), {.crashes = 1}, 1, "Paxos Commit after the decision, 1 crash"},
  };
#ifndef __SANITIZE_ADDRESS__  // 37,731 and 51,779 states without the reduction: ~20 times slower there
  cases.push_back({load("3pc-1p.json"), {.crashes = 1}, 0, "3PC, 1 participant, 1 crash"});
  cases.push_back({load("3pc-1p.json"), {.drops = 1, .duplicates = 1}, 0, "3PC, 1 participant, 1 drop, 1 duplicate"});
#endif
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    ScenarioLimits full;
    full.max_rounds = c.max_rounds;
    ScenarioLimits inert = full;
    inert.inert_messages = true;
    inert.check_inert = true;
    const ScenarioResult a = search(c.scenario, c.budget, full);
    const ScenarioResult b = search(c.scenario, c.budget, inert);
    ASSERT_TRUE(a.complete);
    ASSERT_TRUE(b.complete);
    EXPECT_FALSE(a.inert_messages);
    EXPECT_TRUE(b.inert_messages);
    EXPECT_LT(b.distinct_states, a.distinct_states);
    EXPECT_EQ(violations(b), violations(a));
    EXPECT_EQ(b.blocking_count > 0, a.blocking_count > 0);
    EXPECT_GT(b.inert_checks, 0u);
    EXPECT_EQ(b.inert_claims_broken, 0u);
    for (const Finding& f : b.violations) EXPECT_TRUE(replays(c.scenario, f)) << f.invariant;
    for (const Finding& f : b.blocking_examples) EXPECT_TRUE(replays(c.scenario, f)) << "blocking at depth " << f.depth;
  }
}

// The largest comparison: Paxos Commit after the decision with one crash (any node, C included) is
// 379,772 states without the reduction (~16 s of CPU) and 26,906 with it; both find no violation and
// no blocking state, and no inert claim breaks. Not under the sanitizers (~20 times slower there).
#ifndef __SANITIZE_ADDRESS__
TEST(ExploreInert, PaxosCommitAfterTheDecisionWithOneCrashAgreesWithTheFullSearch) {
  const Scenario s = load("paxos-commit-1rm-f1-committed.json");
  ScenarioLimits full;
  full.max_rounds = 1;
  full.max_states = 1'000'000;
  ScenarioLimits inert = full;
  inert.inert_messages = true;
  inert.check_inert = true;
  const ScenarioResult a = search(s, {.crashes = 1}, full);
  const ScenarioResult b = search(s, {.crashes = 1}, inert);
  ASSERT_TRUE(a.complete);
  ASSERT_TRUE(b.complete);
  EXPECT_EQ(a.distinct_states, 379'772u);
  EXPECT_EQ(b.distinct_states, 26'906u);
  EXPECT_TRUE(a.violations.empty());
  EXPECT_TRUE(b.violations.empty());
  EXPECT_EQ(a.blocking_count, 0u);
  EXPECT_EQ(b.blocking_count, 0u);
  EXPECT_GT(b.inert_checks, 0u);
  EXPECT_EQ(b.inert_claims_broken, 0u);
}
#endif

// The counts this reduction gives on those scenarios (docs/explorer.md's table).
TEST(ExploreInert, StateCountsOfTheValidatedScenarios) {
  ScenarioLimits inert;
  inert.inert_messages = true;
  EXPECT_EQ(search(load("3pc-1p.json"), {.crashes = 1}, inert).distinct_states, 12'049u);     // 37,731 without
  EXPECT_EQ(search(load("3pc-1p.json"), {.partitions = 1}, inert).distinct_states, 4'742u);  // 10,661 without
  inert.max_rounds = 1;
  EXPECT_EQ(search(load("paxos-commit-1rm-f1-committed.json"), {}, inert).distinct_states, 150u);  // 849 without
  EXPECT_EQ(search(paxos_all_acceptors_told(), {.crashes = 1}, inert).distinct_states, 3'115u);   // 20,203 without
}

// A protocol that does not say which messages are inert is refused, not searched as if it had none.
TEST(ExploreInert, IsRefusedForAProtocolThatDoesNotSayWhichMessagesAreInert) {
  ScenarioLimits limits;
  limits.inert_messages = true;
  ScenarioResult r;
  std::string error;
  EXPECT_FALSE(explore_scenario(load("2pc-1p.json"), {}, limits, r, error));
  EXPECT_NE(error.find("inert"), std::string::npos) << error;
}
