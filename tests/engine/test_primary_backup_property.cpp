// Property test: over 1,000 seeds with random crashes, restarts, cuts, partitions, loss and
// duplication, primary/backup with fencing never accepts split-brain writes (checked after every
// event), every write ends once everything is repaired, and one primary is left. Without fencing the
// same schedules do produce split-brain (pinned in test_primary_backup.cpp; here only counted). Each
// seed run twice gives the identical trace.
//
// The fault schedules come from the harness every property test shares (random_faults() in
// sim_test_support.hpp: every fault kind and trigger kind), narrowed only where this file says why.
#include <gtest/gtest.h>

#include "cap_test_support.hpp"
#include "protocols/primary_backup.hpp"
#include "sim/rng.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

constexpr Time kHealAt = ms(2000);

Scenario random_scenario(std::uint64_t seed, bool fencing, bool token = false) {
  Rng r = make_stream(seed, Stream::Faults);
  const int servers = 2 + static_cast<int>(r.below(4));
  const int clients = 1 + static_cast<int>(r.below(3));
  const std::int64_t failover = r.between(60, 300);
  nlohmann::json p = {{"fencing", fencing},
                      {"fencing_token", token},
                      {"servers", servers},
                      {"clients", clients},
                      {"writes", 5 + r.below(26)},
                      {"interval_ms", r.between(0, 60)},
                      {"heartbeat_ms", r.between(10, 60)},
                      {"failover_ms", failover},
                      {"lease_ms", r.between(20, failover)},
                      {"client_timeout_ms", r.between(40, 200)},
                      {"client_retry_ms", r.between(10, 80)}};
  Scenario sc = scenario_of("primary-backup", p, seed, kHealAt);
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  FaultPlan plan;
  plan.nodes = servers + clients + (token ? 1 : 0);  // STORAGE crashes and is cut off too
  plan.mix.cut = 2;  // a cut between primary and backup is what makes a second primary
  plan.max_faults = 7;
  plan.states = states_of(0, static_cast<NodeId>(servers), {pb::PRIMARY, fencing || token ? pb::CANDIDATE : pb::BACKUP});
  for (const auto& st : states_of(static_cast<NodeId>(servers), static_cast<NodeId>(servers + clients), {pb::WAITING}))
    plan.states.push_back(st);
  plan.messages = 8;
  plan.max_nth = 6;
  plan.horizon = ms(1800);
  sc.faults = random_faults(r, plan);
  return sc;
}

void check_ends_with_one_primary(Simulation& s, std::uint64_t seed) {
  repair_and_finish(s, ms(3000));
  ASSERT_EQ(s.sim().halted(), HaltReason::None) << "seed " << seed;
  for (const auto& t : s.protocol().transactions())
    ASSERT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted)
        << "seed " << seed << ": write " << t.id << " is " << txn_outcome_key(t.outcome);
  const auto& pbp = dynamic_cast<const pb::PrimaryBackup&>(s.protocol());
  ASSERT_EQ(pbp.primaries(), 1) << "seed " << seed;
}

}  // namespace

TEST(PrimaryBackupProperty, FencingNeverAcceptsSplitBrainWritesOverAThousandSeeds) {
  std::int64_t ok = 0, failovers = 0, refused = 0, crashes = 0;
  FaultTally tally;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    auto s = build(random_scenario(seed, true));
    ASSERT_TRUE(s);
    s->run();
    check_ends_with_one_primary(*s, seed);
    tally.add(s->sim());
    for (const auto& inv : s->invariants())
      ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation() << " (trace seq "
                               << inv->first_violation().seq << ")";
    ASSERT_EQ(metric(*s, "conflicting_writes"), 0) << "seed " << seed;
    ok += metric(*s, "writes_ok");
    failovers += metric(*s, "failovers");
    refused += metric(*s, "writes_refused");
    for (const auto& n : s->sim().nodes()) crashes += n.crashes;
  }
  tally.expect_covers(FaultMix{}, scaled_floor(20));
  EXPECT_GT(ok, scaled_floor(5000));
  EXPECT_GT(failovers, scaled_floor(300));
  EXPECT_GT(refused, scaled_floor(300));
  EXPECT_GT(crashes, scaled_floor(300));
}

// A fencing token checked by STORAGE, without leases: old primaries do go on forwarding writes (so
// STORAGE rejects some), yet no write of an older term is ever accepted after a newer one.
TEST(PrimaryBackupProperty, AFencingTokenAloneNeverAcceptsSplitBrainWritesOverAThousandSeeds) {
  std::int64_t ok = 0, stale = 0;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    auto s = build(random_scenario(seed, false, true));
    ASSERT_TRUE(s);
    s->run();
    check_ends_with_one_primary(*s, seed);
    for (const auto& inv : s->invariants())
      ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation();
    ASSERT_EQ(metric(*s, "conflicting_writes"), 0) << "seed " << seed;
    ok += metric(*s, "writes_ok");
    stale += metric(*s, "stale_writes_rejected");
  }
  EXPECT_GT(ok, scaled_floor(5000));
  EXPECT_GT(stale, scaled_floor(5));
}

TEST(PrimaryBackupProperty, WithoutFencingTheSameSchedulesProduceSplitBrain) {
  int violated = 0;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(300); ++seed) {
    auto s = build(random_scenario(seed, false));
    ASSERT_TRUE(s);
    s->run();
    check_ends_with_one_primary(*s, seed);
    violated += !s->invariants_hold();
  }
  EXPECT_GT(violated, scaled_floor(10));
}

TEST(PrimaryBackupProperty, EachSeedRunTwiceGivesTheSameTrace) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(1000); ++seed) {
    const Scenario sc = random_scenario(seed, seed % 3 != 0, seed % 5 == 0);
    auto a = build(sc);
    auto b = build(sc);
    a->run();
    b->run();
    repair_and_finish(*a, ms(400));
    repair_and_finish(*b, ms(400));
    ASSERT_EQ(a->sim().trace().size(), b->sim().trace().size()) << "seed " << seed;
    ASSERT_EQ(trace_digest(a->sim()), trace_digest(b->sim())) << "seed " << seed;
  }
}
