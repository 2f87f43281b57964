// Property test: over 1,000 seeds with random workloads, crashes, restarts, message loss and
// duplication — but no cuts or partitions, which 3PC does not tolerate (see the pinned split test) —
// the invariants hold after every event, every transaction ends once everything is repaired, and each
// seed run twice gives the identical trace.
//
// 3PC's timeouts stand for crash detection, so the generator keeps them well above the network's
// worst round trip (the protocol's synchrony assumption) and loss low enough that re-asked questions
// get through.
//
// The fault schedules come from the harness every property test shares (random_faults() in
// sim_test_support.hpp: every fault kind and trigger kind), narrowed only where this file says why.
#include <gtest/gtest.h>

#include "protocols/three_phase_commit/three_phase_commit.hpp"
#include "sim/rng.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

constexpr Time kRepairAt = ms(2000);

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  const int participants = 2 + static_cast<int>(r.below(4));
  const int nodes = participants + 1;
  const Time lat_lo = ms(r.between(1, 10));
  const Time lat_hi = lat_lo + ms(r.between(0, 20));
  // Timeouts at least 6 worst-case latencies: a silent node is then a crashed node.
  const std::int64_t min_timeout = std::max<std::int64_t>(60, 6 * lat_hi / kMicrosPerMs);
  Scenario sc;
  sc.protocol = "3pc";
  sc.seed = seed;
  sc.until = kRepairAt;
  sc.params = {{"participants", participants},
               {"transactions", 1 + r.below(6)},
               {"interval_ms", r.between(0, 40)},
               {"work_ms", r.between(0, 20)},
               {"timeout_ms", r.between(min_timeout, min_timeout + 200)},
               {"resources", 1 + r.below(4)},
               {"abort_probability", r.chance(Ratio{1, 4}) ? 0.2 : 0.0}};
  sc.network.latency_lo = lat_lo;
  sc.network.latency_hi = lat_hi;
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(50)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};

  // No cuts or partitions (3PC does not tolerate them), and a new network never breaks the
  // synchrony assumption: its latency stays within this scenario's worst case.
  FaultPlan plan;
  plan.nodes = nodes;
  plan.mix = FaultMix::without_splits();
  plan.mix.crash = 3;
  plan.network.max_latency = lat_hi;
  plan.network.max_loss_permille = 50;
  plan.states = states_of(0, 1, {tpc3::WAIT, tpc3::PRECOMMIT, tpc3::COMMIT});
  for (const auto& st : states_of(1, static_cast<NodeId>(nodes), {tpc3::INIT, tpc3::READY, tpc3::PRECOMMIT, tpc3::COMMIT}))
    plan.states.push_back(st);
  plan.messages = 10;
  sc.faults = random_faults(r, plan);
  return sc;
}


}  // namespace

TEST(ThreePhaseCommitProperty, InvariantsHoldAndEverythingEndsWithoutPartitions) {
  int committed = 0, aborted = 0, crashes = 0;
  std::int64_t elected = 0, in_doubt = 0;
  FaultTally tally;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->sim().run_until(kRepairAt - 1);
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
    for (const auto& m : s->protocol().metrics()) {
      if (m.key == "elected_commits" || m.key == "elected_aborts") elected += m.value;
      if (m.key == "in_doubt_recoveries") in_doubt += m.value;
    }
    for (const auto& n : s->sim().nodes()) crashes += static_cast<int>(n.crashes);
  }
  tally.expect_covers(FaultMix::without_splits(), scaled_floor(20));
  EXPECT_GT(committed, scaled_floor(300));
  EXPECT_GT(aborted, scaled_floor(300));
  EXPECT_GT(crashes, scaled_floor(300));
  EXPECT_GT(elected, scaled_floor(50)) << "the termination protocol must actually decide in some runs";
  EXPECT_GT(in_doubt, scaled_floor(50));
}

TEST(ThreePhaseCommitProperty, EachSeedRunTwiceGivesTheSameTrace) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto a = build(sc);
    auto b = build(sc);
    repair_and_finish(*a);
    repair_and_finish(*b);
    ASSERT_EQ(fingerprint(a->sim()), fingerprint(b->sim())) << "seed " << seed;
  }
}
