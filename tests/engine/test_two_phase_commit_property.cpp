// Property test: over 1,000 seeds with random workloads, networks and fault schedules, 2PC's
// invariants hold after every event, every transaction ends once all nodes are up and the network is
// healed, and each seed run twice gives an identical trace.
//
// The fault schedules come from the harness every property test shares (random_faults() in
// sim_test_support.hpp: every fault kind and trigger kind), narrowed only where this file says why.
#include <gtest/gtest.h>

#include "sim/rng.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

constexpr Time kHealAt = ms(2000);

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  const int participants = 2 + static_cast<int>(r.below(4));
  const int nodes = participants + 1;
  Scenario sc = two_pc({{"participants", participants},
                        {"transactions", 1 + r.below(6)},
                        {"interval_ms", r.between(0, 40)},
                        {"work_ms", r.between(0, 20)},
                        {"timeout_ms", r.between(40, 300)},
                        {"disk_ms", r.chance(Ratio{1, 3}) ? r.between(1, 15) : 0},
                        {"resources", 1 + r.below(4)},
                        {"abort_probability", r.chance(Ratio{1, 4}) ? 0.2 : 0.0}},
                       seed, kHealAt);
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};

  FaultPlan plan;
  plan.nodes = nodes;
  plan.states = {{0, tpc::WAIT}, {0, tpc::COMMIT}};
  for (const auto& st : states_of(1, static_cast<NodeId>(nodes), {tpc::INIT, tpc::READY})) plan.states.push_back(st);
  plan.messages = 7;
  sc.faults = random_faults(r, plan);
  return sc;
}


}  // namespace

TEST(TwoPhaseCommitProperty, InvariantsHoldAndEverythingEndsOverAThousandSeeds) {
  int committed = 0, aborted = 0, blocked_seen = 0, crashes = 0;
  FaultTally tally;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->sim().run_until(kHealAt - 1);
    for (const auto& t : s->protocol().transactions()) blocked_seen += t.outcome == TxnOutcome::Blocked;
    repair_and_finish(*s);
    tally.add(s->sim());
    for (const auto& inv : s->invariants())
      ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation() << " (trace seq "
                               << inv->first_violation().seq << ")";
    ASSERT_EQ(s->sim().halted(), HaltReason::None) << "seed " << seed;
    for (const auto& t : s->protocol().transactions()) {
      ASSERT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted)
          << "seed " << seed << ": transaction " << t.id << " is " << txn_outcome_key(t.outcome);
      committed += t.outcome == TxnOutcome::Committed;
      aborted += t.outcome == TxnOutcome::Aborted;
    }
    for (const auto& n : s->sim().nodes()) crashes += static_cast<int>(n.crashes);
  }
  // The schedules must actually exercise both outcomes and the failure paths.
  tally.expect_covers(FaultMix{}, scaled_floor(20));
  EXPECT_GT(committed, scaled_floor(300));
  EXPECT_GT(aborted, scaled_floor(300));
  EXPECT_GT(blocked_seen, scaled_floor(10));
  EXPECT_GT(crashes, scaled_floor(300));
}

TEST(TwoPhaseCommitProperty, EachSeedRunTwiceGivesTheSameTrace) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto a = build(sc);
    auto b = build(sc);
    repair_and_finish(*a);
    repair_and_finish(*b);
    ASSERT_EQ(fingerprint(a->sim()), fingerprint(b->sim())) << "seed " << seed;
  }
}

TEST(TwoPhaseCommitProperty, ReplayToAnEarlierPointMatchesThePrefix) {
  // Rewind is "replay from the start": the trace up to event n is a prefix of the full trace.
  for (std::uint64_t seed = 1; seed <= scaled_seeds(50); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto full = build(sc);
    full->run();
    auto part = build(sc);
    const std::uint64_t n = full->sim().events_dispatched() / 2;
    part->sim().run_until_event(n);
    const auto& t1 = full->sim().trace();
    const auto& t2 = part->sim().trace();
    ASSERT_LE(t2.size(), t1.size());
    for (std::size_t i = 0; i < t2.size(); ++i) {
      ASSERT_EQ(t1[i].time, t2[i].time) << "seed " << seed << " event " << i;
      ASSERT_EQ(t1[i].kind, t2[i].kind) << "seed " << seed << " event " << i;
      ASSERT_EQ(t1[i].msg, t2[i].msg) << "seed " << seed << " event " << i;
    }
  }
}
