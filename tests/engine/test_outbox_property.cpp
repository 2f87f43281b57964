// Property test: over 1,000 seeds with random workloads, networks and fault schedules (crashes of the
// order service, the relay between publishing and marking, the broker and the consumer; cuts,
// partitions, loss, duplication), the outbox keeps every effect exactly once, every order's effect
// is applied once everything is repaired, and each seed run twice gives the same trace.
//
// The fault schedules come from the harness every property test shares (random_faults() in
// sim_test_support.hpp: every fault kind and trigger kind), narrowed only where this file says why.
#include <gtest/gtest.h>

#include "protocols/outbox.hpp"
#include "saga_test_support.hpp"
#include "sim/rng.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::outbox;

namespace {
constexpr Time kHealAt = ms(2000);
// Long enough for every retry and redelivery chain to finish; the relay polls all along, so not more.
constexpr Time kRepairRun = ms(3000);

FaultPlan fault_plan(int nodes, std::vector<std::pair<NodeId, std::uint16_t>> states) {
  FaultPlan plan;
  plan.nodes = nodes;
  plan.mix.crash = 3;
  plan.max_faults = 7;
  plan.states = std::move(states);
  plan.messages = ACK + 1;
  return plan;
}

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  nlohmann::json p{{"orders", 1 + r.below(8)},
                   {"interval_ms", r.between(0, 40)},
                   {"poll_ms", r.between(10, 100)},
                   {"batch", 1 + r.below(4)},
                   {"publish_timeout_ms", r.between(20, 200)},
                   {"redeliver_ms", r.between(30, 300)}};
  Scenario sc = scenario_of("outbox", p, seed, kHealAt);
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  const std::vector<std::pair<NodeId, std::uint16_t>> states{{0, COMMITTED}, {0, PUBLISHED}, {1, PUBLISHING},
                                                             {1, PUBLISHED}, {2, STORED},    {3, APPLIED}};
  sc.faults = random_faults(r, fault_plan(4, states));
  return sc;
}
}  // namespace

TEST(OutboxProperty, ExactlyOnceHoldsAndEveryOrderArrivesOverAThousandSeeds) {
  int orders = 0, crashes = 0, relay_crashes = 0, suppressed = 0;
  FaultTally tally;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->sim().run_until(kHealAt - 1);
    repair_and_finish(*s, kRepairRun);
    tally.add(s->sim());
    for (const auto& inv : s->invariants())
      ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation() << " (trace seq "
                               << inv->first_violation().seq << ")";
    ASSERT_EQ(s->sim().halted(), HaltReason::None) << "seed " << seed;
    for (const auto& t : s->protocol().transactions()) {
      ASSERT_EQ(t.outcome, TxnOutcome::Committed) << "seed " << seed << ": order " << t.id;
      ++orders;
    }
    for (const auto& n : s->sim().nodes()) crashes += static_cast<int>(n.crashes);
    relay_crashes += s->sim().nodes()[1].crashes > 0;
    suppressed += static_cast<int>(metric(*s, "duplicates_suppressed"));
  }
  tally.expect_covers(FaultMix{}, scaled_floor(20));
  EXPECT_GT(orders, scaled_floor(3000));
  EXPECT_GT(crashes, scaled_floor(300));
  EXPECT_GT(relay_crashes, scaled_floor(100));
  EXPECT_GT(suppressed, scaled_floor(200));
}

TEST(OutboxProperty, EachSeedRunTwiceGivesTheSameTrace) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto a = build(sc);
    auto b = build(sc);
    for (auto* s : {a.get(), b.get()}) {
      s->sim().run_until(kHealAt - 1);
      repair_and_finish(*s, kRepairRun);
    }
    ASSERT_EQ(first_trace_difference(a->sim(), b->sim()), -1) << "seed " << seed;
  }
}

TEST(OutboxProperty, DualWriteUnderTheSameFaultsLosesOrDuplicates) {
  // The contrast, measured: the same kind of schedules on the dual write break exactly-once often.
  int broken = 0, lost = 0, doubled = 0;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(300); ++seed) {
    Scenario sc = random_scenario(seed);
    sc.protocol = "dual-write";
    sc.params.erase("poll_ms");
    sc.params.erase("batch");
    sc.faults.clear();
    Rng r = make_stream(seed, Stream::Faults);
    sc.faults = random_faults(r, fault_plan(3, {{0, COMMITTED}, {0, PUBLISHED}, {1, STORED}, {2, APPLIED}}));
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->sim().run_until(kHealAt - 1);
    repair_and_finish(*s, kRepairRun);
    broken += !invariant(*s, "exactly_once_effect")->held();
    lost += static_cast<int>(metric(*s, "lost_events"));
    doubled += static_cast<int>(metric(*s, "duplicate_effects"));
  }
  EXPECT_GT(broken, scaled_floor(20));
  EXPECT_GT(lost, scaled_floor(5));
  EXPECT_GT(doubled, scaled_floor(5));
}
