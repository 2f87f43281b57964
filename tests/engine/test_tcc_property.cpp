// Property test: over 1,000 seeds with random workloads, crashes, restarts, cuts, partitions, loss
// and duplication, TCC's invariants hold after every event and every transaction ends once repaired;
// each seed run twice gives the identical trace.
//
// all_or_nothing depends on reservations outliving the TM's outages: for seeds whose reservations
// are long it must hold; for seeds with short reservations it may break, but only through a CONFIRM
// refused after an expiry (the pinned lesson), never otherwise.
//
// The fault schedules come from the harness every property test shares (random_faults() in
// sim_test_support.hpp: every fault kind and trigger kind), narrowed only where this file says why.
#include <gtest/gtest.h>

#include "protocols/tcc/tcc.hpp"
#include "sim/rng.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

constexpr Time kRepairAt = ms(2000);
constexpr Time kLongReservation = ms(6000);

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  const int services = 1 + static_cast<int>(r.below(4));
  const int nodes = services + 1;
  const bool short_reservation = r.chance(Ratio{1, 3});
  Scenario sc;
  sc.protocol = "tcc";
  sc.seed = seed;
  sc.until = kRepairAt;
  sc.params = {{"services", services},
               {"transactions", 1 + r.below(8)},
               {"interval_ms", r.between(0, 40)},
               {"amount", 50},
               {"amount_max", 50 + r.below(100)},
               {"capacity", 100 + r.below(400)},
               {"try_ms", r.chance(Ratio{1, 3}) ? r.between(1, 60) : 0},
               {"try_timeout_ms", r.between(40, 300)},
               {"retry_ms", r.between(40, 300)},
               {"reservation_ms", short_reservation ? r.between(50, 1000) : r.between(6000, 10000)}};
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(50)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};

  FaultPlan plan;
  plan.nodes = nodes;
  plan.network.max_loss_permille = 50;  // as the scenario's own loss
  plan.states = states_of(0, 1, {tcc::TRYING, tcc::CONFIRMING, tcc::CANCELLING});
  for (const auto& st : states_of(1, static_cast<NodeId>(nodes), {tcc::TRYING, tcc::RESERVED, tcc::CONFIRMED, tcc::CANCELLED}))
    plan.states.push_back(st);
  plan.messages = 8;
  sc.faults = random_faults(r, plan);
  return sc;
}

// Repairs in short steps (heal everything, restart every node, stop random loss), so that a crash
// triggered during the repair keeps a node down for at most one step: outages stay far shorter
// than a long reservation.
void repair_in_short_steps(Simulation& s) {
  for (int step = 0; step < 60; ++step) {
    s.sim().apply_now(heal_all());
    for (NodeId n = 0; n < static_cast<NodeId>(s.sim().nodes().size()); ++n) s.sim().apply_now(restart(n));
    FaultAction calm{FaultKind::SetNetwork, kNoNode, kNoNode, {}, s.sim().network().settings()};
    calm.network.loss = Ratio{0, 1};
    calm.network.duplicate = Ratio{0, 1};
    s.sim().apply_now(calm);
    s.sim().run_until(s.sim().now() + ms(500));
  }
}

std::int64_t metric(const Simulation& s, const std::string& key) {
  for (const auto& m : s.protocol().metrics())
    if (m.key == key && m.node == kNoNode) return m.value;
  return -1;
}

}  // namespace

TEST(TccProperty, InvariantsHoldAndEverythingEndsOverAThousandSeeds) {
  int confirmed = 0, cancelled = 0, crashes = 0, explained_breaks = 0;
  std::int64_t expirations = 0, empty_cancels = 0, late_tries = 0, duplicates = 0;
  FaultTally tally;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->sim().run_until(kRepairAt - 1);
    repair_in_short_steps(*s);
    tally.add(s->sim());
    const bool long_reservation = sc.params["reservation_ms"].get<std::int64_t>() >= kLongReservation / kMicrosPerMs;
    for (const auto& inv : s->invariants()) {
      if (inv->key() == "all_or_nothing" && !inv->held() && !long_reservation) {
        ASSERT_GT(metric(*s, "confirms_refused"), 0) << "seed " << seed << ": all_or_nothing broken without an expiry";
        ++explained_breaks;
        continue;
      }
      ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation() << " (trace seq "
                               << inv->first_violation().seq << ")";
    }
    ASSERT_EQ(s->sim().halted(), HaltReason::None) << "seed " << seed;
    for (const auto& t : s->protocol().transactions()) {
      ASSERT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted)
          << "seed " << seed << ": transaction " << t.id << " is " << txn_outcome_key(t.outcome);
      confirmed += t.outcome == TxnOutcome::Committed;
      cancelled += t.outcome == TxnOutcome::Aborted;
    }
    ASSERT_EQ(metric(*s, "reservations_held"), 0) << "seed " << seed << ": funds left frozen";
    expirations += metric(*s, "expirations");
    empty_cancels += metric(*s, "empty_cancels");
    late_tries += metric(*s, "late_tries_refused");
    duplicates += metric(*s, "duplicates_ignored");
    for (const auto& n : s->sim().nodes()) crashes += static_cast<int>(n.crashes);
  }
  tally.expect_covers(FaultMix{}, scaled_floor(20));
  EXPECT_GT(confirmed, scaled_floor(300));
  EXPECT_GT(cancelled, scaled_floor(300));
  EXPECT_GT(crashes, scaled_floor(300));
  EXPECT_GT(expirations, scaled_floor(20));
  EXPECT_GT(empty_cancels, scaled_floor(50));
  EXPECT_GT(late_tries, scaled_floor(5));
  EXPECT_GT(duplicates, scaled_floor(50));
  EXPECT_GT(explained_breaks, scaled_floor(0)) << "short reservations should sometimes lose a confirm";
}

TEST(TccProperty, EachSeedRunTwiceGivesTheSameTrace) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto a = build(sc);
    auto b = build(sc);
    repair_in_short_steps(*a);
    repair_in_short_steps(*b);
    ASSERT_EQ(fingerprint(a->sim()), fingerprint(b->sim())) << "seed " << seed;
  }
}
