// Property test: over 1,000 seeds with random workloads, networks and fault schedules, the CP register
// stays linearizable (checked after every operation) with no stale read, and every operation ends
// once everything is repaired. AP runs are allowed to break linearizability (that is the lesson) but
// must converge after healing and, with vector clocks, never lose an update. Each seed run twice
// gives the identical trace.
//
// The fault schedules come from the harness every property test shares (random_faults() in
// sim_test_support.hpp: every fault kind and trigger kind), narrowed only where this file says why.
#include <gtest/gtest.h>

#include "cap_test_support.hpp"
#include "protocols/cap_register.hpp"
#include "sim/rng.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

constexpr Time kHealAt = ms(1500);

Scenario random_scenario(std::uint64_t seed, bool ap) {
  Rng r = make_stream(seed, Stream::Faults);
  const nlohmann::json p = random_register_params(r, ap, 21);
  const int replicas = p["replicas"].get<int>(), clients = p["clients"].get<int>();
  Scenario sc = scenario_of("cap-register", p, seed, kHealAt);
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};

  FaultPlan plan;
  plan.nodes = replicas + clients;
  plan.mix.partition = 2;  // the lesson of this protocol
  plan.states = ap ? states_of(0, static_cast<NodeId>(replicas), {cap::DONE})
                   : states_of(0, static_cast<NodeId>(replicas), {cap::QUERYING, cap::STORING});
  for (const auto& st : states_of(static_cast<NodeId>(replicas), static_cast<NodeId>(plan.nodes), {cap::WAITING}))
    plan.states.push_back(st);
  plan.messages = 11;
  plan.max_nth = 6;
  plan.horizon = ms(1200);
  sc.faults = random_faults(r, plan);
  return sc;
}

void expect_everything_ended(const Simulation& s, std::uint64_t seed) {
  for (const auto& t : s.protocol().transactions())
    ASSERT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted)
        << "seed " << seed << ": operation " << t.id << " is " << txn_outcome_key(t.outcome);
}

}  // namespace

TEST(CapRegisterProperty, CpIsLinearizableAndEveryOperationEndsOverAThousandSeeds) {
  std::int64_t ok = 0, errors = 0, timeouts = 0, crashes = 0;
  int unknown = 0;
  FaultTally tally;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    auto s = build(random_scenario(seed, false));
    ASSERT_TRUE(s);
    s->run();
    repair_and_finish(*s, ms(3000));
    tally.add(s->sim());
    for (const auto& inv : s->invariants())
      ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation() << " (trace seq "
                               << inv->first_violation().seq << ")";
    ASSERT_EQ(s->sim().halted(), HaltReason::None) << "seed " << seed;
    expect_everything_ended(*s, seed);
    unknown += dynamic_cast<const lin::LinearizabilityInvariant*>(invariant(*s, "linearizable"))->unknown();
    ok += metric(*s, "ops_ok");
    errors += metric(*s, "errors");
    timeouts += metric(*s, "timeouts");
    EXPECT_EQ(metric(*s, "stale_reads"), 0) << "seed " << seed;
    for (const auto& n : s->sim().nodes()) crashes += n.crashes;
  }
  // The schedules must exercise both the happy path and refusals.
  tally.expect_covers(FaultMix{}, scaled_floor(20));
  EXPECT_GT(ok, scaled_floor(5000));
  EXPECT_GT(errors, scaled_floor(200));
  EXPECT_GT(timeouts, scaled_floor(200));
  EXPECT_GT(crashes, scaled_floor(300));
  EXPECT_EQ(unknown, 0);
}

TEST(CapRegisterProperty, ApConvergesAfterHealingAndVectorClocksLoseNothing) {
  int not_linearizable = 0, lww_lost = 0;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(300); ++seed) {
    const Scenario sc = random_scenario(seed, true);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->run();
    repair_and_finish(*s, ms(5000));
    ASSERT_EQ(s->sim().halted(), HaltReason::None) << "seed " << seed;
    expect_everything_ended(*s, seed);
    const auto& reg = dynamic_cast<const cap::CapRegister&>(s->protocol());
    for (int key = 0; key < reg.params().keys; ++key)
      for (NodeId r = 1; r < reg.params().replicas; ++r)
        ASSERT_EQ(reg.values_at(r, key), reg.values_at(0, key)) << "seed " << seed << " key " << key << " R" << r + 1;
    if (reg.params().conflict == cap::Conflict::Vector)
      ASSERT_TRUE(holds(*s, "no_lost_update")) << "seed " << seed;
    else
      lww_lost += !holds(*s, "no_lost_update");
    not_linearizable += !holds(*s, "linearizable");
  }
  EXPECT_GT(not_linearizable, scaled_floor(30));
  EXPECT_GT(lww_lost, scaled_floor(5));
}

TEST(CapRegisterProperty, EachSeedRunTwiceGivesTheSameTrace) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed, seed % 4 == 0);
    auto a = build(sc);
    auto b = build(sc);
    a->run();
    b->run();
    repair_and_finish(*a, ms(1000));
    repair_and_finish(*b, ms(1000));
    ASSERT_EQ(a->sim().trace().size(), b->sim().trace().size()) << "seed " << seed;
    ASSERT_EQ(trace_digest(a->sim()), trace_digest(b->sim())) << "seed " << seed;
  }
}
