#include <gtest/gtest.h>

#include "cap_test_support.hpp"
#include "protocols/primary_backup.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::pb;

namespace {
constexpr NodeId N1 = 0, N2 = 1, N3 = 2, K1 = 3, K2 = 4;

Scenario pbs(bool fencing, nlohmann::json extra = nlohmann::json::object(), std::uint64_t seed = 1, Time until = ms(3000)) {
  nlohmann::json p = {{"fencing", fencing}, {"writes", 100}, {"interval_ms", 20}};
  for (const auto& [k, v] : extra.items()) p[k] = v;
  return scenario_of("primary-backup", p, seed, until);
}

const PrimaryBackup& proto(const Simulation& s) { return dynamic_cast<const PrimaryBackup&>(s.protocol()); }

// The old primary N1 and client K1 on one side, the backups and K2 on the other.
void split(Scenario& sc, Time from, Time to) {
  sc.faults.push_back(at(from, partition({{N1, K1}, {N2, N3, K2}})));
  sc.faults.push_back(at(to, FaultAction{FaultKind::HealPartition, kNoNode, kNoNode, {}, {}}));
}

int accepts(const Simulation& s, NodeId node, std::int64_t term) {
  int n = 0;
  for (const auto& e : s.sim().trace())
    if (e.kind == TraceKind::LogAppend && e.key == REC_ACCEPT && e.node == node && e.value == term) ++n;
  return n;
}
}  // namespace

TEST(PrimaryBackup, WithoutFaultsTheFirstPrimaryAcceptsEveryWrite) {
  for (bool fencing : {false, true}) {
    auto s = build(pbs(fencing));
    s->run();
    EXPECT_EQ(metric(*s, "writes_ok"), 100) << fencing;
    EXPECT_EQ(metric(*s, "writes_accepted", N1), 100) << fencing;
    EXPECT_EQ(metric(*s, "failovers"), 0) << fencing;
    EXPECT_EQ(metric(*s, "replicated", N2), 100) << fencing;
    EXPECT_EQ(state_of(*s, N1), PRIMARY);
    EXPECT_EQ(state_of(*s, N2), BACKUP);
    EXPECT_TRUE(s->invariants_hold());
  }
}

TEST(PrimaryBackup, PrimaryCrashFailsOverToABackup) {
  for (bool fencing : {false, true}) {
    Scenario sc = pbs(fencing);
    sc.faults.push_back(at(ms(500), crash(N1)));
    auto s = build(sc);
    s->run();
    EXPECT_EQ(proto(*s).primaries(), 1) << fencing;
    EXPECT_EQ(state_of(*s, N2), PRIMARY) << fencing;  // the first in rank
    EXPECT_EQ(proto(*s).term_of(N2), 2) << fencing;
    EXPECT_EQ(metric(*s, "failovers", N2), 1) << fencing;
    EXPECT_GT(accepts(*s, N2, 2), 50) << fencing;
    EXPECT_GT(metric(*s, "retries"), 0) << fencing;
    EXPECT_EQ(metric(*s, "writes_failed"), 0) << fencing;
    EXPECT_TRUE(s->invariants_hold()) << fencing;
    if (fencing) {
      EXPECT_GT(count(s->sim(), TraceKind::Send, VOTE_REQUEST), 0);
    }
  }
}

TEST(PrimaryBackup, WithoutFencingAPartitionGivesTwoPrimariesAcceptingWrites) {
  // The lesson's failure, pinned: both sides accept writes, and the invariant catches it.
  Scenario sc = pbs(false);
  split(sc, ms(300), ms(1500));
  auto s = build(sc);
  s->sim().run_until(ms(1400));
  EXPECT_EQ(proto(*s).primaries(), 2);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_TWO_PRIMARIES), 0);
  EXPECT_GT(accepts(*s, N1, 1), 20);  // the old primary, still serving K1
  EXPECT_GT(accepts(*s, N2, 2), 10);  // the new one, serving K2
  EXPECT_GT(metric(*s, "conflicting_writes"), 0);
  const Invariant* inv = invariant(*s, "one_primary_per_term");
  ASSERT_NE(inv, nullptr);
  EXPECT_FALSE(inv->held());
  EXPECT_EQ(inv->first_violation().kind, TraceKind::LogAppend);
  EXPECT_EQ(inv->first_violation().node, N1);
  EXPECT_NE(inv->violation().find("split-brain"), std::string::npos) << inv->violation();
  // Healing ends it: the old primary hears the newer term and steps down.
  s->run();
  EXPECT_EQ(proto(*s).primaries(), 1);
  EXPECT_EQ(state_of(*s, N1), BACKUP);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_STEP_DOWN, N1), 0);
}

TEST(PrimaryBackup, WithFencingTheSamePartitionNeverAcceptsSplitBrainWrites) {
  Scenario sc = pbs(true);
  split(sc, ms(300), ms(1500));
  auto s = build(sc);
  s->sim().run_until(ms(1400));
  // N1 still believes it is primary but has no majority lease: it refuses.
  EXPECT_EQ(state_of(*s, N1), PRIMARY);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_NO_LEASE, N1), 5);
  EXPECT_EQ(state_of(*s, N2), PRIMARY);
  EXPECT_GT(accepts(*s, N2, 2), 10);
  // Every accept by N1 happened before the partition's lease ran out (300 ms + lease).
  for (const auto& e : s->sim().trace()) {
    if (e.kind == TraceKind::LogAppend && e.key == REC_ACCEPT && e.node == N1) {
      EXPECT_LT(e.time, ms(300) + ms(150));
    }
  }
  s->run();
  EXPECT_TRUE(s->invariants_hold());
  EXPECT_EQ(metric(*s, "conflicting_writes"), 0);
  EXPECT_EQ(proto(*s).primaries(), 1);
}

TEST(PrimaryBackup, CutHeartbeatLinksAloneMakeTwoPrimariesWithoutFencing) {
  Scenario sc = pbs(false);
  sc.faults.push_back(at(ms(300), cut(N1, N2)));
  sc.faults.push_back(at(ms(300), cut(N1, N3)));
  auto s = build(sc);
  s->sim().run_until(ms(1000));
  EXPECT_EQ(proto(*s).primaries(), 2);
  // With fencing the cut-off primary loses its lease and the backups elect a new one.
  Scenario fenced = pbs(true);
  fenced.faults = sc.faults;
  auto f = build(fenced);
  f->run();
  EXPECT_TRUE(f->invariants_hold());
  EXPECT_GT(count(f->sim(), TraceKind::Note, N_NO_LEASE, N1), 0);
}

TEST(PrimaryBackup, ARestartedServerKeepsItsTermAndHonoursTheLeaseItMayHaveGranted) {
  Scenario sc = pbs(true);
  sc.faults.push_back(at(ms(500), crash(N1)));
  sc.faults.push_back(at(ms(1200), crash(N2)));
  sc.faults.push_back(at(ms(1210), restart(N2)));
  auto s = build(sc);
  s->sim().run_until(ms(1211));
  EXPECT_EQ(proto(*s).term_of(N2), 2);  // from its log
  EXPECT_EQ(state_of(*s, N2), BACKUP);
  s->run();
  EXPECT_TRUE(s->invariants_hold());
  EXPECT_EQ(proto(*s).primaries(), 1);
  // Term 2 died with N2's crash; whoever leads now was elected in a later term.
  const NodeId leader = state_of(*s, N2) == PRIMARY ? N2 : N3;
  EXPECT_EQ(state_of(*s, leader), PRIMARY);
  EXPECT_GE(proto(*s).term_of(leader), 3);
}

TEST(PrimaryBackup, ClientsGiveUpAfterMaxAttempts) {
  Scenario sc = pbs(true, {{"writes", 4}, {"max_attempts", 3}});
  for (NodeId n : {N1, N2, N3}) sc.faults.push_back(at(0, crash(n)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(metric(*s, "writes_failed"), 4);
  for (const auto& t : s->protocol().transactions()) EXPECT_EQ(t.outcome, TxnOutcome::Aborted);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, WRITE, K1), 6);  // 2 writes x 3 attempts
}

TEST(PrimaryBackup, ParametersAreValidated) {
  Diagnostics errors;
  EXPECT_EQ(Simulation::create(scenario_of("primary-backup", {{"fencing", "yes"}, {"servers", 9}}), errors), nullptr);
  std::string all;
  for (const auto& e : errors) all += e.path + "\n";
  EXPECT_NE(all.find("params.fencing"), std::string::npos) << all;
  EXPECT_NE(all.find("params.servers"), std::string::npos) << all;
  (void)K2;
}

// ---------------------------------------------------------------------------------------------
// fencing_token: a STORAGE node (node 5 here) checks every write's term.

namespace {
constexpr NodeId kStorage = 5;

Scenario token_run(bool fencing, std::uint64_t seed = 1) {
  Scenario sc = pbs(fencing, {{"fencing_token", true}}, seed);
  // The old primary keeps its link to STORAGE and to both clients; only the backups lose it.
  sc.faults.push_back(at(ms(300), cut(N1, N2)));
  sc.faults.push_back(at(ms(300), cut(N1, N3)));
  sc.faults.push_back(at(ms(1500), FaultAction{FaultKind::HealAll, kNoNode, kNoNode, {}, {}}));
  return sc;
}
}  // namespace

TEST(PrimaryBackupToken, WithoutFaultsEveryWriteIsStoredWithTokenOne) {
  auto s = build(pbs(false, {{"fencing_token", true}}));
  s->run();
  ASSERT_EQ(s->sim().nodes().size(), 6u);
  EXPECT_EQ(s->sim().nodes()[kStorage].name, "STORAGE");
  EXPECT_EQ(metric(*s, "writes_ok"), 100);
  EXPECT_EQ(accepts(*s, kStorage, 1), 100);
  EXPECT_EQ(accepts(*s, N1, 1), 0);  // the servers no longer hold the data
  EXPECT_EQ(metric(*s, "storage_token", kStorage), 1);
  EXPECT_EQ(metric(*s, "stale_writes_rejected"), 0);
  EXPECT_TRUE(s->invariants_hold());
}

TEST(PrimaryBackupToken, StorageRejectsTheDeposedPrimarysWrite) {
  // No leases: N1, cut off from the backups, still believes it is primary and still forwards writes.
  // N2 is elected in term 2 and claims STORAGE with token 2; N1's next STORE (token 1) is rejected,
  // N1 learns term 2 from the rejection and steps down, and the client retries elsewhere.
  auto s = build(token_run(false));
  s->sim().run_until(ms(1400));
  EXPECT_EQ(proto(*s).term_of(N2), 2);
  EXPECT_EQ(metric(*s, "storage_token", kStorage), 2);
  EXPECT_GT(count(s->sim(), TraceKind::Send, STORE, N1), 0);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_STALE_TOKEN, kStorage), 0);
  EXPECT_GT(count(s->sim(), TraceKind::Send, STORE_REJECTED, kStorage), 0);
  EXPECT_GT(metric(*s, "stale_writes_rejected"), 0);
  EXPECT_GT(accepts(*s, kStorage, 2), 10);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_STEP_DOWN, N1), 0);
  // Every rejected write had token 1; none was accepted after token 2 was seen.
  for (const auto& e : s->sim().trace())
    if (e.kind == TraceKind::Note && e.key == N_STALE_TOKEN) {
      EXPECT_EQ(e.value, 1);
    }
  s->run();
  EXPECT_TRUE(s->invariants_hold());
  EXPECT_EQ(metric(*s, "conflicting_writes"), 0);
  EXPECT_EQ(metric(*s, "writes_failed"), 0);
}

TEST(PrimaryBackupToken, TheSameCutWithoutTheTokenIsSplitBrain) {
  // K2 also loses N1, so it takes its writes to the new primary while K1 stays with the old one.
  Scenario sc = token_run(false);
  sc.faults.push_back(at(ms(300), cut(K2, N1)));
  sc.params["fencing_token"] = false;
  auto s = build(sc);
  s->run();
  EXPECT_FALSE(s->invariants_hold());
  EXPECT_GT(metric(*s, "conflicting_writes"), 0);
  // With the token, the same schedule: STORAGE takes K2's writes from N2 and rejects N1's.
  sc.params["fencing_token"] = true;
  auto t = build(sc);
  t->run();
  EXPECT_TRUE(t->invariants_hold());
  EXPECT_GT(metric(*t, "stale_writes_rejected"), 0);
  EXPECT_GT(accepts(*t, kStorage, 2), 10);
}

TEST(PrimaryBackupToken, StorageRemembersItsHighestTokenAcrossACrash) {
  Scenario sc = token_run(false);
  sc.faults.push_back(at(ms(700), crash(kStorage)));
  sc.faults.push_back(at(ms(760), restart(kStorage)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(metric(*s, "storage_token", kStorage), proto(*s).term_of(N2));
  EXPECT_TRUE(s->invariants_hold());
}

TEST(PrimaryBackupToken, DefaultsLeaveTheOldModesUntouched) {
  // Without fencing_token there is no STORAGE node and no token traffic.
  auto s = build(pbs(true));
  s->run();
  EXPECT_EQ(s->sim().nodes().size(), 5u);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, STORE), 0);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, NEW_TOKEN), 0);
}
