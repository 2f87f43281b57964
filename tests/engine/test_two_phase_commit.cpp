#include <gtest/gtest.h>

#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::tpc;

namespace {
constexpr NodeId C = 0, P1 = 1, P2 = 2, P3 = 3;

void expect_all_hold(const Simulation& s) {
  for (const auto& inv : s.invariants())
    EXPECT_TRUE(inv->held()) << inv->key() << ": " << inv->violation() << " at seq " << inv->first_violation().seq;
}
}  // namespace

TEST(TwoPhaseCommit, AllVoteCommitAndEveryoneCommits) {
  auto s = build(two_pc({{"participants", 3}}));
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), COMMIT) << n;
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  expect_all_hold(*s);
  // Write-ahead: every participant's READY record precedes its VOTE_COMMIT.
  for (NodeId p : {P1, P2, P3}) {
    std::uint64_t ready_seq = ~0ull, vote_seq = 0;
    for (const auto& e : s->sim().trace()) {
      if (e.kind == TraceKind::LogAppend && e.node == p && e.key == REC_READY) ready_seq = e.seq;
      if (e.kind == TraceKind::Send && e.node == p && e.key == VOTE_COMMIT) vote_seq = e.seq;
    }
    EXPECT_LT(ready_seq, vote_seq);
  }
  // The coordinator forces its decision before sending it, and logs END after all ACKs.
  const auto& log = s->sim().log(C);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].type, REC_BEGIN);
  EXPECT_EQ(log[1].type, REC_COMMIT);
  EXPECT_EQ(log[2].type, REC_END);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, GLOBAL_COMMIT), 3);
}

TEST(TwoPhaseCommit, OneAbortVoteAbortsEveryone) {
  auto s = build(two_pc({{"participants", 3}, {"votes", {{"P2", "abort"}}}}));
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), ABORT) << n;
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, VOTE_ABORT, P2), 1);
  expect_all_hold(*s);
  // Locks are released by the abort.
  for (NodeId p : {P1, P2, P3}) EXPECT_TRUE(s->sim().node_view(p).locks.empty());
}

TEST(TwoPhaseCommit, CoordinatorCrashInWaitBlocksParticipantsUntilItRestarts) {
  Scenario sc = two_pc({{"participants", 3}, {"timeout_ms", 200}});
  sc.faults.push_back(on_state(C, WAIT, crash(C)));
  sc.faults.push_back(at(ms(2000), restart(C)));
  auto s = build(sc);
  s->sim().run_until(ms(1500));
  // Everyone voted and sits in READY, holding its lock, asking around, and nobody can decide.
  for (NodeId p : {P1, P2, P3}) {
    const NodeView v = s->sim().node_view(p);
    EXPECT_EQ(v.state, READY) << p;
    EXPECT_TRUE(v.blocked) << p;
    ASSERT_EQ(v.locks.size(), 1u);
    EXPECT_EQ(v.locks[0].holder, 1u);
  }
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Blocked);
  EXPECT_GT(count(s->sim(), TraceKind::Send, DECISION_REQUEST), 6);
  EXPECT_FALSE(s->sim().is_up(C));
  // The coordinator comes back, finds BEGIN without a decision in its log, and aborts.
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), ABORT) << n;
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, CoordinatorCrashAfterLoggingCommitFinishesTheCommitOnRestart) {
  // Crash C right after the first GLOBAL_COMMIT leaves: the decision is in its log.
  Scenario sc = two_pc({{"participants", 3}});
  sc.faults.push_back(on_sent(GLOBAL_COMMIT, C, 1, crash(C)));
  sc.faults.push_back(at(ms(1000), restart(C)));
  auto s = build(sc);
  s->sim().run_until(ms(60));
  EXPECT_EQ(state_of(*s, P2), READY);  // never told
  EXPECT_EQ(state_of(*s, P3), READY);
  // P1 knows the outcome: cooperative termination unblocks P2 and P3 while C is still down
  // (their DECISION_REQUEST to P1 is answered with GLOBAL_COMMIT).
  s->sim().run_until(ms(900));
  EXPECT_FALSE(s->sim().is_up(C));
  EXPECT_EQ(state_of(*s, P1), COMMIT);
  EXPECT_EQ(state_of(*s, P2), COMMIT);
  EXPECT_EQ(state_of(*s, P3), COMMIT);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_TERMINATION_HELP, P1), 0);
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), COMMIT) << n;
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, CoordinatorDecisionSurvivesCrashWhenNobodyElseKnows) {
  // Crash C the moment it enters COMMIT (logged, nothing sent): only its log knows.
  Scenario sc = two_pc({{"participants", 2}});
  sc.faults.push_back(on_state(C, COMMIT, crash(C)));
  sc.faults.push_back(at(ms(1500), restart(C)));
  auto s = build(sc);
  s->sim().run_until(ms(1400));
  EXPECT_EQ(state_of(*s, P1), READY);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Blocked);
  s->run();
  for (NodeId n : {C, P1, P2}) EXPECT_EQ(state_of(*s, n), COMMIT) << n;
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, ParticipantCrashAfterVotingRecoversFromItsLog) {
  Scenario sc = two_pc({{"participants", 3}});
  sc.faults.push_back(on_sent(VOTE_COMMIT, P2, 1, crash(P2)));  // the vote is out, then P2 dies
  sc.faults.push_back(at(ms(800), restart(P2)));
  auto s = build(sc);
  s->sim().run_until(ms(700));
  EXPECT_FALSE(s->sim().is_up(P2));
  EXPECT_EQ(state_of(*s, P1), COMMIT);  // its vote counted: C committed
  ASSERT_FALSE(s->sim().log(P2).empty());
  EXPECT_EQ(s->sim().log(P2).back().type, REC_READY);  // the READY record survived
  s->run();
  EXPECT_EQ(state_of(*s, P2), COMMIT);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, ParticipantCrashOnEnteringReadySuppressesItsVote) {
  // The READY record is written, then the node dies before the vote leaves: C times out and aborts;
  // after restart the participant finds READY in its log, asks, and learns ABORT.
  Scenario sc = two_pc({{"participants", 3}, {"timeout_ms", 100}});
  sc.faults.push_back(on_state(P2, READY, crash(P2)));
  sc.faults.push_back(at(ms(800), restart(P2)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(count(s->sim(), TraceKind::Send, VOTE_COMMIT, P2), 0);
  EXPECT_EQ(state_of(*s, P2), ABORT);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, ParticipantCrashBeforeVotingLeadsToAbort) {
  Scenario sc = two_pc({{"participants", 3}, {"timeout_ms", 100}});
  sc.faults.push_back(on_state(P3, INIT, crash(P3)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_of(*s, C), ABORT);  // no vote from P3: the coordinator times out
  EXPECT_EQ(state_of(*s, P1), ABORT);
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, ParticipantInInitTimesOutAndAbortsAlone) {
  // PREPAREs never arrive (C crashes before sending): participants abort after their timeout.
  Scenario sc = two_pc({{"participants", 2}, {"work_ms", 50}, {"timeout_ms", 100}});
  sc.faults.push_back(at(ms(10), crash(C)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_of(*s, P1), ABORT);
  EXPECT_EQ(state_of(*s, P2), ABORT);
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, DuplicatedDecisionIsHarmless) {
  Scenario sc = two_pc({{"participants", 2}});
  sc.network.duplicate = Ratio{1, 1};  // every message arrives twice
  auto s = build(sc);
  s->run();
  for (NodeId n : {C, P1, P2}) EXPECT_EQ(state_of(*s, n), COMMIT);
  EXPECT_GT(count(s->sim(), TraceKind::Note, N_DUPLICATE_DECISION), 0);
  // Exactly one COMMIT record per participant, whatever arrived twice.
  for (NodeId p : {P1, P2}) {
    int commits = 0;
    for (const auto& r : s->sim().log(p)) commits += r.type == REC_COMMIT;
    EXPECT_EQ(commits, 1);
  }
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, LostDecisionIsResentUntilAcknowledged) {
  Scenario sc = two_pc({{"participants", 2}, {"timeout_ms", 100}});
  // Drop the first GLOBAL_COMMIT to P2 by cutting C-P2 right after C sends it, then heal.
  sc.faults.push_back(on_sent(GLOBAL_COMMIT, C, 2, cut(C, P2)));
  sc.faults.push_back(at(ms(150), heal(C, P2)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_of(*s, P2), COMMIT);
  EXPECT_GE(count(s->sim(), TraceKind::Send, GLOBAL_COMMIT), 3);
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, LostVoteMakesTheCoordinatorAbortAtItsTimeout) {
  Scenario sc = two_pc({{"participants", 2}, {"timeout_ms", 100}});
  sc.faults.push_back(on_sent(VOTE_COMMIT, P1, 1, cut(C, P1)));
  sc.faults.push_back(at(ms(400), heal_all()));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_of(*s, C), ABORT);
  EXPECT_EQ(state_of(*s, P1), ABORT);
  EXPECT_EQ(state_of(*s, P2), ABORT);
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, PartitionedParticipantInReadyWaitsThenLearnsTheOutcome) {
  Scenario sc = two_pc({{"participants", 3}, {"timeout_ms", 100}});
  sc.faults.push_back(on_sent(GLOBAL_COMMIT, C, 1, partition({{C, P1}, {P2, P3}})));
  sc.faults.push_back(at(ms(1000), FaultAction{FaultKind::HealPartition, kNoNode, kNoNode, {}, {}}));
  auto s = build(sc);
  s->sim().run_until(ms(900));
  EXPECT_EQ(state_of(*s, P2), READY);
  EXPECT_TRUE(s->sim().node_view(P2).blocked);
  s->run();
  EXPECT_EQ(state_of(*s, P2), COMMIT);
  EXPECT_EQ(state_of(*s, P3), COMMIT);
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, DiskLatencyDelaysVotesButNotCorrectness) {
  auto fast = build(two_pc({{"participants", 3}}));
  auto slow = build(two_pc({{"participants", 3}, {"disk_ms", 30}}));
  fast->run();
  slow->run();
  EXPECT_EQ(outcome(*slow, 1), TxnOutcome::Committed);
  EXPECT_GT(slow->protocol().transactions()[0].ended, fast->protocol().transactions()[0].ended + ms(50));
  expect_all_hold(*slow);
}

TEST(TwoPhaseCommit, ManyTransactionsContendForLocks) {
  auto s = build(two_pc({{"participants", 3}, {"transactions", 300}, {"interval_ms", 1}, {"resources", 5}}, 9, ms(60000)));
  s->run();
  int committed = 0, waits = 0;
  for (const auto& t : s->protocol().transactions()) {
    EXPECT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted) << t.id;
    committed += t.outcome == TxnOutcome::Committed;
  }
  for (const auto& e : s->sim().trace()) waits += e.kind == TraceKind::LockWait;
  EXPECT_GT(committed, 0);
  EXPECT_GT(waits, 0) << "with 5 resources and 300 transactions, some must wait for locks";
  // A lock is never held by two transactions at once on one participant.
  std::map<std::pair<NodeId, std::int64_t>, TxnId> holder;
  for (const auto& e : s->sim().trace()) {
    const auto k = std::make_pair(e.node, e.value);
    if (e.kind == TraceKind::LockAcquire) {
      EXPECT_EQ(holder[k], 0u) << "resource " << e.value << " at node " << e.node;
      holder[k] = e.txn;
    } else if (e.kind == TraceKind::LockRelease) {
      EXPECT_EQ(holder[k], e.txn);
      holder[k] = 0;
    }
  }
  expect_all_hold(*s);
}

TEST(TwoPhaseCommit, ClientRetriesWhileCoordinatorIsDown) {
  Scenario sc = two_pc({{"participants", 2}, {"client_retry_ms", 50}});
  sc.faults.push_back(at(0, crash(C)));
  sc.faults.push_back(at(ms(120), restart(C)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_GE(s->protocol().transactions()[0].started, ms(120));
}

TEST(TwoPhaseCommit, BadParamsAreReportedWithTheirPath) {
  Diagnostics d;
  EXPECT_EQ(tpc::create({{"participants", 0}, {"votes", {{"P9", "abort"}}}, {"colour", 1}}, d), nullptr);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].path, "params.participants");
  EXPECT_EQ(d[1].path, "params.votes.P9");
  EXPECT_EQ(d[2].path, "params.colour");
}

namespace {
std::int64_t metric(const Simulation& s, const std::string& key, NodeId node = kNoNode) {
  for (const auto& m : s.protocol().metrics())
    if (m.key == key && m.node == node) return m.value;
  ADD_FAILURE() << "no metric " << key;
  return -1;
}
}  // namespace

TEST(TwoPhaseCommit, MetricsFollowTheRunWhileTheCoordinatorIsDown) {
  Scenario sc = two_pc({{"participants", 3}, {"timeout_ms", 200}});
  sc.faults.push_back(on_state(C, WAIT, crash(C)));
  sc.faults.push_back(at(ms(2000), restart(C)));
  auto s = build(sc);
  s->sim().run_until(ms(1500));
  // Blocked: every participant holds its lock, nobody has ended the transaction.
  EXPECT_EQ(metric(*s, "blocked_participants"), 3);
  EXPECT_EQ(metric(*s, "locks_held"), 3);
  EXPECT_EQ(metric(*s, "locks_held", P2), 1);
  EXPECT_EQ(metric(*s, "txns_committed") + metric(*s, "txns_aborted"), 0);
  s->run();
  EXPECT_EQ(metric(*s, "blocked_participants"), 0);
  EXPECT_EQ(metric(*s, "locks_held"), 0);
  EXPECT_EQ(metric(*s, "txns_aborted"), 1);
  // The transaction's latency spans the outage: it ended only after the restart at 2000 ms.
  EXPECT_GE(metric(*s, "latency_max_us"), ms(2000) - ms(100));
  EXPECT_EQ(metric(*s, "latency_avg_us"), metric(*s, "latency_max_us"));
}

// The simulator, not the protocol, keeps what a crashed node showed: the state at the crash, with
// no locks and not blocked (its memory is gone), until it restarts and shows its recovered state.
TEST(TwoPhaseCommit, ACrashedNodeShowsItsStateAtTheCrashUntilItRestarts) {
  Scenario sc = two_pc({{"participants", 3}, {"timeout_ms", 200}});
  sc.faults.push_back(on_state(C, WAIT, crash(C)));
  sc.faults.push_back(at(ms(600), crash(P2)));
  sc.faults.push_back(at(ms(2000), restart(C)));
  sc.faults.push_back(at(ms(2500), restart(P2)));
  auto s = build(sc);
  s->sim().run_until(ms(700));
  const NodeView down = s->sim().node_view(P2);
  EXPECT_FALSE(s->sim().is_up(P2));
  EXPECT_EQ(down.state, READY);  // it was READY and blocked, holding its lock, when it crashed
  EXPECT_EQ(down.txn, 1u);
  EXPECT_TRUE(down.locks.empty());
  EXPECT_FALSE(down.blocked);
  EXPECT_EQ(s->sim().node_view(C).state, WAIT);  // the coordinator crashed in WAIT
  // The live view of the wiped node is not what views are shown.
  EXPECT_NE(s->protocol().live_view(P2).state, READY);
  s->sim().run_until(ms(3000));
  for (NodeId n : {C, P1, P2, P3}) {
    EXPECT_TRUE(s->sim().is_up(n));
    EXPECT_EQ(s->sim().node_view(n).state, ABORT) << n;
  }
}
