// 3PC: the happy path, every failure lesson 11 shows (crashes of C before/while/after sending
// PRECOMMIT do not block the survivors), recovery, duplicates and loss, and the pinned partition
// split that violates agreement.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "protocols/three_phase_commit/three_phase_commit.hpp"
#include "scenario/loader.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::tpc3;

namespace {
constexpr NodeId C = 0, P1 = 1, P2 = 2, P3 = 3;

Scenario three_pc(nlohmann::json params, std::uint64_t seed = 1, Time until = ms(5000)) {
  Scenario s;
  s.protocol = "3pc";
  s.seed = seed;
  s.until = until;
  s.params = std::move(params);
  return s;
}

void expect_all_hold(const Simulation& s) {
  for (const auto& inv : s.invariants())
    EXPECT_TRUE(inv->held()) << inv->key() << ": " << inv->violation() << " at seq " << inv->first_violation().seq;
}

const Invariant* find_invariant(const Simulation& s, const std::string& key) {
  for (const auto& inv : s.invariants())
    if (inv->key() == key) return inv.get();
  return nullptr;
}

std::int64_t metric(const Simulation& s, const std::string& key) {
  for (const auto& m : s.protocol().metrics())
    if (m.key == key) return m.value;
  ADD_FAILURE() << "no metric " << key;
  return -1;
}

int log_count(const Simulation& s, NodeId n, std::uint16_t rec) {
  int k = 0;
  for (const auto& r : s.sim().log(n)) k += r.type == rec;
  return k;
}
}  // namespace

TEST(ThreePhaseCommit, AllVoteCommitThenPrecommitThenCommit) {
  auto s = build(three_pc({{"participants", 3}}));
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), COMMIT) << n;
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  expect_all_hold(*s);
  const auto& log = s->sim().log(C);
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].type, REC_BEGIN);
  EXPECT_EQ(log[1].type, REC_PRECOMMIT);
  EXPECT_EQ(log[2].type, REC_COMMIT);
  EXPECT_EQ(log[3].type, REC_END);
  for (NodeId p : {P1, P2, P3}) {
    ASSERT_EQ(s->sim().log(p).size(), 3u);
    EXPECT_EQ(s->sim().log(p)[0].type, REC_READY);
    EXPECT_EQ(s->sim().log(p)[1].type, REC_PRECOMMIT);
    EXPECT_EQ(s->sim().log(p)[2].type, REC_COMMIT);
  }
  EXPECT_EQ(count(s->sim(), TraceKind::Send, MSG_PRECOMMIT), 3);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, ACK_PRECOMMIT), 3);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, STATE_REQUEST), 0);
  // GLOBAL_COMMIT only goes out after every ACK_PRECOMMIT came back.
  std::uint64_t last_ack = 0, first_commit = ~0ull;
  for (const auto& e : s->sim().trace()) {
    if (e.kind == TraceKind::Deliver && e.key == ACK_PRECOMMIT) last_ack = e.seq;
    if (e.kind == TraceKind::Send && e.key == GLOBAL_COMMIT && first_commit == ~0ull) first_commit = e.seq;
  }
  EXPECT_LT(last_ack, first_commit);
  EXPECT_EQ(metric(*s, "txns_committed"), 1);
}

TEST(ThreePhaseCommit, OneAbortVoteAbortsEveryoneWithoutPrecommit) {
  auto s = build(three_pc({{"participants", 3}, {"votes", {{"P3", "abort"}}}}));
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), ABORT) << n;
  EXPECT_EQ(count(s->sim(), TraceKind::Send, MSG_PRECOMMIT), 0);
  for (NodeId p : {P1, P2, P3}) EXPECT_TRUE(s->sim().node_view(p).locks.empty());
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, CoordinatorCrashInWaitDoesNotBlock) {
  // The 2PC lesson's crash: in 3PC the survivors elect P1, see everyone READY and abort without C.
  Scenario sc = three_pc({{"participants", 3}, {"timeout_ms", 200}});
  sc.faults.push_back(on_state(C, WAIT, crash(C)));
  sc.faults.push_back(at(ms(3000), restart(C)));
  auto s = build(sc);
  s->sim().run_until(ms(1000));
  for (NodeId p : {P1, P2, P3}) {
    EXPECT_EQ(state_of(*s, p), ABORT) << p;
    EXPECT_FALSE(s->sim().node_view(p).blocked);
    EXPECT_TRUE(s->sim().node_view(p).locks.empty());
  }
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_ELECTED, P1), 0);
  EXPECT_EQ(metric(*s, "elected_aborts"), 1);
  s->run();  // C comes back: BEGIN without PRECOMMIT in its log, so it aborts too
  EXPECT_EQ(state_of(*s, C), ABORT);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, CoordinatorCrashAfterLoggingPrecommitSentToNobodyAborts) {
  // C logs PRECOMMIT and crashes before sending any: everyone is READY, so the survivors abort.
  Scenario sc = three_pc({{"participants", 3}, {"timeout_ms", 200}});
  sc.faults.push_back(on_state(C, PRECOMMIT, crash(C)));
  sc.faults.push_back(at(ms(2000), restart(C)));
  auto s = build(sc);
  s->sim().run_until(ms(1500));
  EXPECT_EQ(count(s->sim(), TraceKind::Send, MSG_PRECOMMIT, C), 0);
  for (NodeId p : {P1, P2, P3}) EXPECT_EQ(state_of(*s, p), ABORT) << p;
  // C restarts in doubt (PRECOMMIT logged) and learns the survivors' decision instead of committing.
  s->run();
  EXPECT_EQ(state_of(*s, C), ABORT);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_IN_DOUBT, C), 0);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, CoordinatorCrashAfterOnePrecommitCommitsWithoutIt) {
  // Only P1 received PRECOMMIT: it is the lowest operational id, leads, pushes PRECOMMIT to P2 and
  // P3 and commits. Nobody blocks; C is still down.
  Scenario sc = three_pc({{"participants", 3}, {"timeout_ms", 200}});
  sc.faults.push_back(on_sent(MSG_PRECOMMIT, C, 1, crash(C)));
  auto s = build(sc);
  s->run();
  EXPECT_FALSE(s->sim().is_up(C));
  for (NodeId p : {P1, P2, P3}) {
    EXPECT_EQ(state_of(*s, p), COMMIT) << p;
    EXPECT_FALSE(s->sim().node_view(p).blocked);
  }
  EXPECT_EQ(metric(*s, "elected_commits"), 1);
  EXPECT_GT(count(s->sim(), TraceKind::Send, MSG_PRECOMMIT, P1), 0);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, CoordinatorCrashAfterAllPrecommitsCommitsWithoutIt) {
  Scenario sc = three_pc({{"participants", 3}, {"timeout_ms", 200}});
  sc.faults.push_back(on_sent(MSG_PRECOMMIT, C, 3, crash(C)));
  sc.faults.push_back(at(ms(2000), restart(C)));
  auto s = build(sc);
  s->sim().run_until(ms(1500));
  for (NodeId p : {P1, P2, P3}) EXPECT_EQ(state_of(*s, p), COMMIT) << p;
  s->run();
  EXPECT_EQ(state_of(*s, C), COMMIT);  // in doubt after restart, it learns COMMIT
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, SurvivorsTerminateWhereverCCrashes) {
  // A single crash of C at each message it sends: the participants always decide while C is down.
  for (std::uint16_t msg : {CAN_COMMIT, MSG_PRECOMMIT, GLOBAL_COMMIT}) {
    for (std::uint64_t nth = 1; nth <= 3; ++nth) {
      Scenario sc = three_pc({{"participants", 3}, {"timeout_ms", 200}});
      sc.faults.push_back(on_sent(msg, C, nth, crash(C)));
      auto s = build(sc);
      s->run();
      for (NodeId p : {P1, P2, P3}) {
        const auto st = state_of(*s, p);
        EXPECT_TRUE(st == COMMIT || st == ABORT) << "msg " << msg << " nth " << nth << " P" << p;
        EXPECT_FALSE(s->sim().node_view(p).blocked);
      }
      expect_all_hold(*s);
    }
  }
}

TEST(ThreePhaseCommit, ParticipantCrashAfterPrecommitRecoversAndLearns) {
  Scenario sc = three_pc({{"participants", 3}});
  sc.faults.push_back(on_state(P2, PRECOMMIT, crash(P2)));
  sc.faults.push_back(at(ms(1500), restart(P2)));
  auto s = build(sc);
  s->sim().run_until(ms(1400));
  EXPECT_EQ(state_of(*s, C), COMMIT);  // C commits after its PRECOMMIT retries (P2's ACK never came)
  EXPECT_GT(metric(*s, "commits_without_acks"), 0);
  s->run();
  EXPECT_EQ(state_of(*s, P2), COMMIT);
  EXPECT_EQ(log_count(*s, P2, REC_COMMIT), 1);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, ParticipantCrashBeforeVotingAborts) {
  Scenario sc = three_pc({{"participants", 3}, {"timeout_ms", 100}});
  sc.faults.push_back(on_state(P3, INIT, crash(P3)));
  auto s = build(sc);
  s->run();
  for (NodeId n : {C, P1, P2}) EXPECT_EQ(state_of(*s, n), ABORT) << n;
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, TotalFailureIsResolvedOnceEveryoneIsBack) {
  // Everyone crashes after C logged PRECOMMIT and P1 got it. Recovering nodes never lead; C, in
  // doubt, hears every participant say "recovering, undecided", so nobody decided: C commits.
  Scenario sc = three_pc({{"participants", 2}, {"timeout_ms", 100}});
  sc.faults.push_back(on_state(P1, PRECOMMIT, crash(P1)));
  sc.faults.push_back(on_state(P1, PRECOMMIT, crash(C)));
  sc.faults.push_back(on_state(P1, PRECOMMIT, crash(P2)));
  sc.faults.push_back(at(ms(500), restart(P1)));
  sc.faults.push_back(at(ms(600), restart(P2)));
  sc.faults.push_back(at(ms(1000), restart(C)));
  auto s = build(sc);
  s->sim().run_until(ms(900));
  EXPECT_EQ(state_of(*s, P1), PRECOMMIT);
  EXPECT_TRUE(s->sim().node_view(P1).blocked);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Blocked);  // 3PC blocks on a total failure
  s->run();
  for (NodeId n : {C, P1, P2}) EXPECT_EQ(state_of(*s, n), COMMIT) << n;
  EXPECT_EQ(count(s->sim(), TraceKind::Note, N_TOTAL_FAILURE_DECISION, C), 1);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, DuplicatedMessagesAreHarmless) {
  Scenario sc = three_pc({{"participants", 3}});
  sc.network.duplicate = Ratio{1, 1};
  auto s = build(sc);
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), COMMIT);
  EXPECT_GT(metric(*s, "duplicate_decisions"), 0);
  for (NodeId p : {P1, P2, P3}) EXPECT_EQ(log_count(*s, p, REC_COMMIT), 1);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, LostPrecommitIsResent) {
  Scenario sc = three_pc({{"participants", 3}, {"timeout_ms", 300}, {"ack_timeout_ms", 50}});
  // Cutting C-P2 right after the PRECOMMIT to P2 leaves loses it in flight; the link heals at once.
  sc.faults.push_back(on_sent(MSG_PRECOMMIT, C, 2, cut(C, P2)));
  sc.faults.push_back(on_sent(MSG_PRECOMMIT, C, 3, heal(C, P2)));
  auto s = build(sc);
  s->run();
  EXPECT_GT(metric(*s, "precommit_retries"), 0);
  EXPECT_EQ(metric(*s, "commits_without_acks"), 0);
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), COMMIT);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, SlowCoordinatorIsNotReplacedWhileItAnswers) {
  // C is alive but its PRECOMMIT to P1 is lost and C does not re-send it soon: P1's termination
  // round hears C (which answers with PRECOMMIT), so P1 follows C instead of electing a new one.
  Scenario sc = three_pc({{"participants", 2}, {"timeout_ms", 100}, {"ack_timeout_ms", 400}, {"precommit_retries", 0}});
  sc.faults.push_back(on_sent(MSG_PRECOMMIT, C, 1, cut(C, P1)));
  sc.faults.push_back(on_sent(MSG_PRECOMMIT, C, 2, heal(C, P1)));
  auto s = build(sc);
  s->run();
  EXPECT_GT(metric(*s, "termination_rounds"), 0);
  EXPECT_EQ(metric(*s, "elected_commits") + metric(*s, "elected_aborts"), 0);
  for (NodeId n : {C, P1, P2}) EXPECT_EQ(state_of(*s, n), COMMIT);
  EXPECT_EQ(metric(*s, "commits_without_acks"), 0);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, PartitionAfterOnePrecommitSplitsTheDecision) {
  // Pinned: 3PC's assumption is that a timeout means a crash. C sends PRECOMMIT to P1, then the
  // network splits into {C, P1} and {P2, P3}. C times out waiting for ACK_PRECOMMIT and commits
  // (with P1); P2 and P3, both READY and unable to reach C or P1, elect P2, which aborts.
  Scenario sc = three_pc({{"participants", 3}, {"timeout_ms", 300}});
  sc.faults.push_back(on_sent(MSG_PRECOMMIT, C, 1, partition({{C, P1}, {P2, P3}})));
  sc.faults.push_back(at(ms(3000), FaultAction{FaultKind::HealPartition, kNoNode, kNoNode, {}, {}}));
  auto s = build(sc);
  s->sim().run_until(ms(2900));
  EXPECT_EQ(state_of(*s, C), COMMIT);
  EXPECT_EQ(state_of(*s, P1), COMMIT);
  EXPECT_EQ(state_of(*s, P2), ABORT);
  EXPECT_EQ(state_of(*s, P3), ABORT);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_ELECTED, P2), 0);
  const Invariant* agreement = find_invariant(*s, "agreement");
  ASSERT_NE(agreement, nullptr);
  EXPECT_FALSE(agreement->held());
  EXPECT_EQ(agreement->first_violation().kind, TraceKind::State);
  // The others still hold: everyone voted yes, and nobody applied a commit twice.
  EXPECT_TRUE(find_invariant(*s, "commit_validity")->held());
  EXPECT_TRUE(find_invariant(*s, "commit_once")->held());
  // After healing, C's re-sent GLOBAL_COMMIT meets an ABORT: reported, and acknowledged so C can stop.
  s->run();
  EXPECT_GT(metric(*s, "conflicting_decisions"), 0);
  EXPECT_EQ(s->sim().log(C).back().type, REC_END);
}

TEST(ThreePhaseCommit, ShippedPartitionScenarioViolatesAgreement) {
  std::ifstream in(std::string(COMMITSCOPE_SOURCE_DIR) + "/resources/scenarios/3pc-partition-split.json");
  std::stringstream buf;
  buf << in.rdbuf();
  const LoadResult r = load_scenario(buf.str(), "3pc-partition-split.json");
  ASSERT_TRUE(r.scenario) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  auto s = build(*r.scenario);
  s->run();
  const Invariant* agreement = find_invariant(*s, "agreement");
  ASSERT_NE(agreement, nullptr);
  EXPECT_FALSE(agreement->held());
}

TEST(ThreePhaseCommit, ManyTransactionsContendForLocks) {
  Scenario sc = three_pc({{"participants", 3}, {"transactions", 200}, {"interval_ms", 20}, {"resources", 10}}, 9, ms(60000));
  sc.network.loss = Ratio{1, 100};
  auto s = build(sc);
  s->run();
  int committed = 0;
  for (const auto& t : s->protocol().transactions()) {
    EXPECT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted) << t.id;
    committed += t.outcome == TxnOutcome::Committed;
  }
  EXPECT_GT(committed, 100);
  EXPECT_EQ(metric(*s, "locks_held"), 0);
  EXPECT_EQ(metric(*s, "txns_committed"), committed);
  EXPECT_GT(metric(*s, "latency_avg_us"), 0);
  expect_all_hold(*s);
}

TEST(ThreePhaseCommit, BadParamsAreReportedWithTheirPath) {
  Diagnostics d;
  EXPECT_EQ(tpc3::create({{"participants", 17}, {"votes", {{"P9", "maybe"}}}, {"window_ms", 0}}, d), nullptr);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].path, "params.participants");
  EXPECT_EQ(d[1].path, "params.window_ms");
  EXPECT_EQ(d[2].path, "params.votes.P9");
}
