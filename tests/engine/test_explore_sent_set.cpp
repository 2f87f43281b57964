// The explorer's sent-set mode (ScenarioLimits::sent_set, docs/explorer.md "The sent set"): the
// TLA+ specifications' network, where a message once sent stays in flight and may arrive any number
// of times. An over-approximation of the exact search for the safety verdict: it must find every
// violation the exact search finds (no later), and every violation it reports must replay as a real
// run, which says how many duplicates it needs.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "explore/scenario_explorer.hpp"
#include "explore_test_support.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"
#include "scenario/simulation.hpp"

using namespace cs;
using namespace cs::explore;

namespace {

using explore_test::load;
using explore_test::search;

// Writes the finding as scenario text, loads it back and runs it as `commitscope-cli run` does:
// whether it ends with `f.invariant` violated, and how many duplicate steps its schedule has.
bool replays_as_scenario(const Scenario& base, const Finding& f, int& duplicates) {
  const std::optional<Scenario> loaded = explore_test::finding_as_scenario(base, f);
  if (!loaded) return false;
  duplicates = static_cast<int>(std::count_if(loaded->schedule.begin(), loaded->schedule.end(),
                                              [](const ScheduledStep& s) { return s.kind == EventStepKind::Duplicate; }));
  return explore_test::ends_violating(*loaded, f.invariant);
}

std::set<std::string> violated(const ScenarioResult& r) {
  std::set<std::string> out;
  for (const auto& v : r.violations) out.insert(v.invariant);
  return out;
}

int depth_of(const ScenarioResult& r, const std::string& key) {
  for (const auto& v : r.violations)
    if (v.invariant == key) return v.depth;
  return -1;
}

struct Case {
  const char* file;
  FaultBudget budget;
  bool symmetry = false;
  std::int64_t max_rounds = 0;
};

}  // namespace

// On every scenario small enough for a complete exact search: the sent set finds each invariant the
// exact search finds violated, at a depth no greater, and nothing else (none of these needs more
// duplicates than the exact budget to break something the exact search does not). Each finding is
// a real run with the duplicates it reports, and replays through the loader.
TEST(ExploreSentSet, FindsEveryViolationTheExactSearchFindsAndEachReplays) {
  const Case cases[] = {
      {"2pc-1p.json", {}},
      {"2pc-1p.json", {.crashes = 1}},
      {"2pc-1p.json", {.crashes = 1, .drops = 1, .partitions = 1}},
#if !defined(__SANITIZE_ADDRESS__)  // 82,139 classes in the exact search
      {"2pc-2p.json", {.crashes = 1}, true},
#endif
      {"3pc-1p.json", {.crashes = 1}},
      {"3pc-1p.json", {.partitions = 1}},
#if !defined(__SANITIZE_ADDRESS__)  // 51,779 states in the exact search
      {"3pc-1p.json", {.drops = 1, .duplicates = 1}},
#endif
      {"outbox-1.json", {.crashes = 1, .drops = 1}, false, 1},
      {"cap-ap.json", {}},
  };
  int with_violations = 0;
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.file) + " crashes " + std::to_string(c.budget.crashes) + " drops " +
                 std::to_string(c.budget.drops) + " dups " + std::to_string(c.budget.duplicates) + " partitions " +
                 std::to_string(c.budget.partitions));
    const Scenario s = load(c.file);
    ScenarioLimits limits;
    limits.max_states = 2'000'000;
    limits.symmetry = c.symmetry;
    limits.max_rounds = c.max_rounds;
    const ScenarioResult exact = search(s, c.budget, limits);
    limits.sent_set = true;
    const ScenarioResult sent = search(s, c.budget, limits);
    ASSERT_TRUE(exact.complete && sent.complete);
    EXPECT_TRUE(sent.sent_set);
    EXPECT_FALSE(sent.blocking_checked);
    EXPECT_EQ(violated(sent), violated(exact));
    for (const Finding& f : exact.violations) EXPECT_LE(depth_of(sent, f.invariant), f.depth) << f.invariant;
    for (const Finding& f : sent.violations) {
      EXPECT_TRUE(f.replays) << f.invariant;
      EXPECT_GE(f.duplicates, 0);
      int duplicates = -1;
      EXPECT_TRUE(replays_as_scenario(s, f, duplicates)) << f.invariant;
      EXPECT_EQ(duplicates, f.duplicates) << f.invariant;
    }
    with_violations += !exact.violations.empty();
  }
  EXPECT_GE(with_violations, 3);  // the comparison covers findings, not only "nothing found"
}

// Where the sent set has no end: the CP register serves a request again at every re-delivery (a
// STORE is logged again, a READ after its answer runs a new quorum read), so every state has a
// successor with a longer log: the longest encoding grows at every depth, and no bound ends it.
// Its exact search is finite (391,679 states: ExploreScenarios.CpRegisterStaysLinearizableInEveryState);
// here only a bounded search, which finds nothing either.
TEST(ExploreSentSet, HasNoEndForACpRegisterThatLogsEveryRedeliveredStore) {
  ScenarioLimits limits;
  limits.max_states = 20'000;
  limits.sent_set = true;
  limits.profile = true;
  const ScenarioResult r = search(load("cap-cp.json"), {}, limits);
  EXPECT_FALSE(r.complete);
  EXPECT_TRUE(r.violations.empty()) << r.violations.front().invariant;
  const auto& depths = r.profile.depths;
  ASSERT_GE(depths.size(), 8u);
  for (std::size_t d = 3; d + 1 < depths.size(); ++d) EXPECT_GT(depths[d].max_words, depths[d - 1].max_words) << d;
}

// Issue 16's "2PC with three participants and one crash never violates atomicity", as a complete
// search: the sent set (with symmetry) ends, and no invariant of 2PC (agreement, commit_validity,
// commit_once) is violated in any state. The exact search could not end (3.17 million classes at
// depth 33 with --prune-covered); every one of its runs, with any drops and duplicates, is a run of
// this one. The symmetric count stands for 714,478 states, what the sent set without symmetry
// counts too. Under the sanitizers (a state costs ~20x), two participants: 3,052 classes.
TEST(ExploreSentSet, TwoPcWithThreeParticipantsAndOneCrashNeverViolatesAtomicityCompleteSearch) {
#if defined(__SANITIZE_ADDRESS__)
  const char* file = "2pc-2p.json";
  constexpr std::uint64_t kClasses = 3'052, kStates = 5'978;
#else
  const char* file = "2pc-3p.json";
  constexpr std::uint64_t kClasses = 122'249, kStates = 714'478;
#endif
  ScenarioLimits limits;
  limits.max_states = 1'000'000;
  limits.symmetry = true;
  limits.sent_set = true;
  const ScenarioResult r = search(load(file), {.crashes = 1}, limits);
  EXPECT_TRUE(r.complete) << r.stopped_by;
  EXPECT_TRUE(r.violations.empty()) << r.violations.front().invariant;
  EXPECT_EQ(r.symmetry_reduced_states, kClasses);
  EXPECT_EQ(r.distinct_states, kStates);
  EXPECT_FALSE(r.blocking_checked);
}

// Paxos Commit, two RMs, F = 1: the sent set found, at depth 12 of a search from the start (2.5
// million states, minutes), that a second copy of PREPARE reaching P1 after C decided ABORT made P1
// propose "aborted" in ballot 0 of its own instance, where it had proposed (and a majority accepted)
// "prepared": chosen_once was violated, in a real run with one duplicate and no crash
// (paxos-commit-f1-duplicate-prepare.json). The RM now repeats what it proposed (rm.cpp: its
// PREPARED record says so). From the same point (tests/explore/paxos-commit-f1-aborted.json, nine
// steps in, a copy of PREPARE still in flight) the sent set finds no violation in its first 5,000
// states (5 and more steps deep; the timers keep it from ending), and the run that broke chosen_once
// replays without breaking anything.
TEST(ExploreSentSet, AFindingFixedPaxosCommitsRmRepeatsItsBallotZeroVoteToADuplicatedPrepare) {
  ScenarioLimits limits;
  limits.max_states = 5'000;
  limits.sent_set = true;
  const Scenario s = load("paxos-commit-f1-aborted.json");
  const ScenarioResult r = search(s, {}, limits);
  EXPECT_GE(r.max_depth, 5);  // past depth 3, where the second value was proposed
  EXPECT_TRUE(violated(r).empty()) << *violated(r).begin();

  const Scenario whole = load("paxos-commit-f1-duplicate-prepare.json");
  EXPECT_EQ(std::count_if(whole.schedule.begin(), whole.schedule.end(),
                          [](const ScheduledStep& st) { return st.kind == EventStepKind::Duplicate; }),
            1);
  Diagnostics d;
  auto run = Simulation::create(whole, d);
  ASSERT_NE(run, nullptr);
  run->run();
  for (const auto& inv : run->invariants()) EXPECT_TRUE(inv->held()) << inv->key();
}
