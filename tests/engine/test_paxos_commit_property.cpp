// Property tests of Paxos Commit over 1,000 seeds each.
//
// Safety: with every fault the harness has — crashes and restarts of any node, drops, duplicates,
// loss, cuts and partitions (Paxos is safe without any timing assumption, unlike 3PC) — the
// invariants hold after every event, and once everything is repaired every transaction ends.
// Liveness without C: the leader crashes for good and up to F acceptors with it, messages are dropped
// and lost; no one restarts, and every transaction still ends with one outcome at every RM.
// Determinism: each seed run twice gives the identical trace.
#include <gtest/gtest.h>

#include "protocols/paxos_commit/paxos_commit.hpp"
#include "sim/rng.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

constexpr Time kRepairAt = ms(2000);

struct Shape {
  int participants = 3;
  int faults = 1;
  int nodes() const { return 1 + participants + 2 * faults + 1; }
};

Scenario base_scenario(std::uint64_t seed, Rng& r, Shape& shape) {
  shape.participants = 2 + static_cast<int>(r.below(3));
  shape.faults = 1 + static_cast<int>(r.below(2));
  Scenario sc;
  sc.protocol = "paxos-commit";
  sc.seed = seed;
  sc.until = kRepairAt;
  sc.params = {{"participants", shape.participants},
               {"faults", shape.faults},
               {"transactions", 1 + r.below(5)},
               {"interval_ms", r.between(0, 40)},
               {"work_ms", r.between(0, 20)},
               {"timeout_ms", r.between(40, 300)},
               {"resources", 1 + r.below(4)},
               {"abort_probability", r.chance(Ratio{1, 4}) ? 0.2 : 0.0}};
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(50)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  return sc;
}

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  Shape shape;
  Scenario sc = base_scenario(seed, r, shape);
  FaultPlan plan;
  plan.nodes = shape.nodes();
  plan.mix.crash = 3;
  plan.states = states_of(0, 1, {paxos::WAIT, paxos::COMMIT});
  for (const auto& st : states_of(1, static_cast<NodeId>(plan.nodes), {paxos::PREPARED, paxos::ACCEPTED, paxos::LEADING}))
    plan.states.push_back(st);
  plan.messages = 7;
  sc.faults = random_faults(r, plan);
  return sc;
}

// C down for good at a random moment, up to F acceptors down for good, dropped messages on top of
// the random loss; nothing restarts.
Scenario leader_loss_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  Shape shape;
  Scenario sc = base_scenario(seed, r, shape);
  sc.until = ms(60'000);
  sc.faults.push_back(r.chance(Ratio{1, 2}) ? on_state(0, paxos::WAIT, crash(0)) : at(ms(r.between(0, 200)), crash(0)));
  const auto down = static_cast<int>(r.below(static_cast<std::uint64_t>(shape.faults) + 1));
  for (int k = 0; k < down; ++k) {
    const auto a = static_cast<NodeId>(1 + shape.participants + static_cast<int>(r.below(static_cast<std::uint64_t>(2 * shape.faults + 1))));
    sc.faults.push_back(at(ms(r.between(0, 400)), crash(a)));
  }
  for (int i = 0, n = static_cast<int>(r.below(6)); i < n; ++i) {
    Fault f = at(ms(r.between(0, 600)), FaultAction{FaultKind::DropNext, kNoNode, kNoNode, {}, {}});
    f.action.a = static_cast<NodeId>(1 + r.below(static_cast<std::uint64_t>(shape.nodes() - 1)));
    f.action.b = static_cast<NodeId>(1 + r.below(static_cast<std::uint64_t>(shape.nodes() - 1)));
    if (f.action.a == f.action.b) f.action.b = f.action.a == 1 ? 2 : 1;
    sc.faults.push_back(std::move(f));
  }
  return sc;
}

void expect_invariants(const Simulation& s, std::uint64_t seed) {
  for (const auto& inv : s.invariants())
    ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation() << " (trace seq "
                             << inv->first_violation().seq << ")";
}

}  // namespace

TEST(PaxosCommitProperty, InvariantsHoldUnderEveryFaultAndEverythingEndsOnceRepaired) {
  int committed = 0, aborted = 0, crashes = 0;
  std::int64_t backups = 0;
  FaultTally tally;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->sim().run_until(kRepairAt - 1);
    repair_and_finish(*s);
    tally.add(s->sim());
    expect_invariants(*s, seed);
    ASSERT_EQ(s->sim().halted(), HaltReason::None) << "seed " << seed;
    for (const auto& t : s->protocol().transactions()) {
      ASSERT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted)
          << "seed " << seed << ": transaction " << t.id << " is " << txn_outcome_key(t.outcome);
      committed += t.outcome == TxnOutcome::Committed;
      aborted += t.outcome == TxnOutcome::Aborted;
    }
    for (const auto& m : s->protocol().metrics())
      if (m.key == "backup_decisions") backups += m.value;
    for (const auto& n : s->sim().nodes()) crashes += static_cast<int>(n.crashes);
  }
  tally.expect_covers(FaultMix{}, scaled_floor(20));
  EXPECT_GT(committed, scaled_floor(300));
  EXPECT_GT(aborted, scaled_floor(300));
  EXPECT_GT(crashes, scaled_floor(300));
  EXPECT_GT(backups, scaled_floor(50)) << "backup leaders must actually decide in some runs";
}

TEST(PaxosCommitProperty, WithoutTheLeaderAndFAcceptorsEveryRmStillDecides) {
  int committed = 0;
  std::int64_t backups = 0;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = leader_loss_scenario(seed);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->run();
    expect_invariants(*s, seed);
    ASSERT_FALSE(s->sim().is_up(0)) << "seed " << seed;
    for (const auto& t : s->protocol().transactions()) {
      if (t.outcome == TxnOutcome::Pending) continue;  // C was down before the client reached it
      ASSERT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted)
          << "seed " << seed << ": transaction " << t.id << " is " << txn_outcome_key(t.outcome);
      committed += t.outcome == TxnOutcome::Committed;
    }
    for (const auto& m : s->protocol().metrics())
      if (m.key == "backup_decisions") backups += m.value;
  }
  EXPECT_GT(committed, scaled_floor(300));
  EXPECT_GT(backups, scaled_floor(300));
}

TEST(PaxosCommitProperty, EachSeedRunTwiceGivesTheSameTrace) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto a = build(sc);
    auto b = build(sc);
    repair_and_finish(*a);
    repair_and_finish(*b);
    ASSERT_EQ(fingerprint(a->sim()), fingerprint(b->sim())) << "seed " << seed;
  }
}
