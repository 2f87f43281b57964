// Property test: over 1,000 seeds with random workloads, failure plans, networks and fault schedules
// (including crashes of the broker and of every service), the saga invariants hold after every event,
// every saga ends once everything is repaired, and each seed run twice gives the same trace.
//
// The fault schedules come from the harness every property test shares (random_faults() in
// sim_test_support.hpp: every fault kind and trigger kind), narrowed only where this file says why.
#include <gtest/gtest.h>

#include "protocols/saga/choreography.hpp"
#include "saga_test_support.hpp"
#include "sim/rng.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::saga_chor;

namespace {
constexpr Time kHealAt = ms(2000);

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  const int steps = 2 + static_cast<int>(r.below(3));
  static constexpr const char* kFail[] = {"none", "order", "payment", "inventory", "shipping"};
  nlohmann::json p{{"sagas", 1 + r.below(6)},
                   {"steps", steps},
                   {"interval_ms", r.between(0, 40)},
                   {"fail_step", kFail[r.below(static_cast<std::uint64_t>(steps) + 1)]},
                   {"fail_probability", r.chance(Ratio{1, 2}) ? 1.0 : 0.5},
                   {"compensation_failures", r.below(3)},
                   {"redeliver_ms", r.between(30, 300)},
                   {"republish_ms", r.between(30, 300)}};
  Scenario sc = scenario_of("saga-choreography", p, seed, kHealAt);
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  const int nodes = steps + 1;
  std::vector<std::pair<NodeId, std::uint16_t>> states;
  for (NodeId n = 1; n < nodes; ++n) {
    states.push_back({n, DONE});
    states.push_back({n, COMPENSATED});
  }
  FaultPlan plan;
  plan.nodes = nodes;
  plan.mix.crash = 3;
  plan.max_faults = 7;
  plan.states = states;
  plan.messages = DELIVERY_ACK + 1;
  sc.faults = random_faults(r, plan);
  return sc;
}
}  // namespace

TEST(SagaChoreographyProperty, InvariantsHoldAndEverySagaEndsOverAThousandSeeds) {
  int completed = 0, compensated = 0, crashes = 0, broker_crashes = 0, suppressed = 0;
  FaultTally tally;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->sim().run_until(kHealAt - 1);
    repair_and_finish(*s);
    tally.add(s->sim());
    for (const auto& inv : s->invariants())
      ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation() << " (trace seq "
                               << inv->first_violation().seq << ")";
    ASSERT_EQ(s->sim().halted(), HaltReason::None) << "seed " << seed;
    for (const auto& t : s->protocol().transactions()) {
      ASSERT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted)
          << "seed " << seed << ": saga " << t.id << " is " << txn_outcome_key(t.outcome);
      completed += t.outcome == TxnOutcome::Committed;
      compensated += t.outcome == TxnOutcome::Aborted;
    }
    ASSERT_EQ(metric(*s, "events_pending"), 0) << "seed " << seed;
    for (const auto& n : s->sim().nodes()) crashes += static_cast<int>(n.crashes);
    broker_crashes += s->sim().nodes()[0].crashes > 0;
    suppressed += static_cast<int>(metric(*s, "duplicates_suppressed"));
  }
  tally.expect_covers(FaultMix{}, scaled_floor(20));
  EXPECT_GT(completed, scaled_floor(300));
  EXPECT_GT(compensated, scaled_floor(300));
  EXPECT_GT(crashes, scaled_floor(300));
  EXPECT_GT(broker_crashes, scaled_floor(50));
  EXPECT_GT(suppressed, scaled_floor(300));
}

TEST(SagaChoreographyProperty, EachSeedRunTwiceGivesTheSameTrace) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto a = build(sc);
    auto b = build(sc);
    for (auto* s : {a.get(), b.get()}) {
      s->sim().run_until(kHealAt - 1);
      repair_and_finish(*s);
    }
    ASSERT_EQ(first_trace_difference(a->sim(), b->sim()), -1) << "seed " << seed;
  }
}
