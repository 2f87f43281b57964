// 2PC's optional connection pool and janitor: a transaction holds one of a participant's sessions
// from its join until READY (PREPARE TRANSACTION detaches it) or until the decision; a join that
// finds the pool full fails; a janitor rolls back a transaction left READY for janitor_ms, which is
// a heuristic decision and can break `agreement`. Both are off by default.
#include <gtest/gtest.h>

#include "sim/rng.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::tpc;

namespace {
constexpr NodeId C = 0, P1 = 1, P2 = 2, P3 = 3;

// A per-node figure as the protocol reports it (the node cards show these), or -1 when not reported.
std::int64_t figure(const Simulation& s, NodeId n, const std::string& key) {
  for (const Metric& m : s.protocol().metrics())
    if (m.node == n && m.key == key) return m.value;
  return -1;
}

bool held(const Simulation& s, const std::string& key) {
  for (const auto& inv : s.invariants())
    if (inv->key() == key) return inv->held();
  ADD_FAILURE() << "no invariant " << key;
  return false;
}

void fixed(Scenario& sc, Time latency) {
  sc.network.latency_lo = latency;
  sc.network.latency_hi = latency;
  sc.network.loss = Ratio{0, 1};
  sc.network.duplicate = Ratio{0, 1};
}

int notes(const Simulator& sim, std::uint16_t key, NodeId node) { return count(sim, TraceKind::Note, key, node); }

// C logs COMMIT, its GLOBAL_COMMIT to P2 is lost, then C crashes: P2 stays READY. With fixed 10 ms
// latency: PREPARE arrives at 10, the votes at 20, C decides at 20, the other decisions arrive at 30.
Scenario commit_then_crash(nlohmann::json extra) {
  nlohmann::json params = {{"participants", 3}, {"timeout_ms", 300}};
  params.update(extra);
  Scenario sc = two_pc(params, 1, ms(3000));
  fixed(sc, ms(10));
  sc.faults.push_back(on_state(C, COMMIT, FaultAction{FaultKind::DropNext, C, P2, {}, {}}));
  sc.faults.push_back(at(ms(25), crash(C)));
  // P2 alone: it cannot learn the outcome from P1 or P3 either.
  sc.faults.push_back(at(ms(25), partition({{P2}})));
  return sc;
}
}  // namespace

TEST(TwoPhaseCommitJanitor, RollsBackAnOrphanedReadyTransactionAfterJanitorMs) {
  Scenario sc = two_pc({{"participants", 2}, {"timeout_ms", 200}, {"janitor_ms", 500}}, 1, ms(2000));
  fixed(sc, ms(10));
  sc.faults.push_back(on_state(C, WAIT, crash(C)));  // the votes are lost: P1 and P2 stay READY
  auto s = build(sc);
  s->sim().run_until(ms(400));
  EXPECT_EQ(state_of(*s, P1), READY);
  EXPECT_TRUE(s->sim().node_view(P1).blocked);
  EXPECT_EQ(notes(s->sim(), N_JANITOR_ROLLBACK, kNoNode), 0);
  s->sim().run_until(ms(1000));
  // READY at 10 ms, so the janitor acts at 510 ms: locks freed, a HEURISTIC_ABORT record, a note.
  for (NodeId p : {P1, P2}) {
    EXPECT_EQ(state_of(*s, p), ABORT) << p;
    EXPECT_EQ(notes(s->sim(), N_JANITOR_ROLLBACK, p), 1) << p;
    EXPECT_EQ(s->sim().log(p).back().type, REC_HEURISTIC_ABORT) << p;
    EXPECT_TRUE(s->sim().node_view(p).locks.empty()) << p;
    EXPECT_FALSE(s->sim().node_view(p).blocked) << p;
    EXPECT_EQ(figure(*s, p, "janitor_rollbacks"), 1);
  }
  for (const auto& e : s->sim().trace()) {
    if (e.kind == TraceKind::Note && e.key == N_JANITOR_ROLLBACK) {
      EXPECT_EQ(e.time, ms(510));
    }
  }
  // C never decided: this guess happens to agree with what C will do, so no invariant breaks.
  EXPECT_TRUE(held(*s, "agreement"));
}

TEST(TwoPhaseCommitJanitor, OffByDefaultTheReadyParticipantWaitsAndReportsNoPoolOrJanitor) {
  Scenario sc = two_pc({{"participants", 2}, {"timeout_ms", 200}}, 1, ms(3000));
  fixed(sc, ms(10));
  sc.faults.push_back(on_state(C, WAIT, crash(C)));
  auto s = build(sc);
  s->sim().run_until(ms(3000));
  EXPECT_EQ(state_of(*s, P1), READY);
  EXPECT_EQ(notes(s->sim(), N_JANITOR_ROLLBACK, kNoNode), 0);
  for (const Metric& m : s->protocol().metrics()) {
    EXPECT_NE(m.key, "sessions_in_use");
    EXPECT_NE(m.key, "janitor_rollbacks");
    EXPECT_NE(m.key, "pool_size");
  }
}

TEST(TwoPhaseCommitJanitor, CommitLoggedDecisionLostCrashThenJanitorBreaksAgreement) {
  auto s = build(commit_then_crash({{"janitor_ms", 400}}));
  s->sim().run_until(ms(300));
  EXPECT_EQ(state_of(*s, P1), COMMIT);
  EXPECT_EQ(state_of(*s, P3), COMMIT);
  EXPECT_EQ(state_of(*s, P2), READY);
  EXPECT_TRUE(held(*s, "agreement"));
  s->sim().run_until(ms(1000));
  // READY at 10 ms, janitor at 410 ms: P2 aborts what C, P1 and P3 committed.
  EXPECT_EQ(state_of(*s, P2), ABORT);
  EXPECT_EQ(notes(s->sim(), N_JANITOR_ROLLBACK, P2), 1);
  EXPECT_FALSE(held(*s, "agreement"));
  for (const auto& inv : s->invariants()) {
    if (inv->key() == "agreement") {
      EXPECT_EQ(inv->first_violation().time, ms(410));
    }
  }
}

TEST(TwoPhaseCommitJanitor, TheRestartedCoordinatorResendsCommitAndMeetsTheHeuristicAbort) {
  Scenario sc = commit_then_crash({{"janitor_ms", 400}});
  sc.faults.push_back(at(ms(1000), heal_all()));
  sc.faults.push_back(at(ms(1000), restart(C)));
  auto s = build(sc);
  s->run();
  // C's log says COMMIT: on restart it re-sends GLOBAL_COMMIT to everyone that has not acknowledged.
  int resent_to_p2 = 0;
  for (const auto& e : s->sim().trace())
    if (e.kind == TraceKind::Send && e.node == C && e.key == GLOBAL_COMMIT && e.time >= ms(1000) && e.peer == P2)
      ++resent_to_p2;
  EXPECT_GE(resent_to_p2, 1);
  // P2 cannot undo its guess: it reports the conflict, stays aborted, stays silent to peers.
  EXPECT_EQ(notes(s->sim(), N_HEURISTIC_CONFLICT, P2), 1);
  EXPECT_EQ(state_of(*s, P2), ABORT);
  EXPECT_FALSE(held(*s, "agreement"));
  EXPECT_EQ(count(s->sim(), TraceKind::Send, GLOBAL_ABORT, P2), 0) << "a guess is not passed on";
}

TEST(TwoPhaseCommitJanitor, WithoutTheJanitorTheSameScheduleEndsInAgreement) {
  Scenario sc = commit_then_crash(nlohmann::json::object());
  sc.faults.push_back(at(ms(1000), heal_all()));
  sc.faults.push_back(at(ms(1000), restart(C)));
  auto s = build(sc);
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), COMMIT) << n;
  for (const auto& inv : s->invariants()) EXPECT_TRUE(inv->held()) << inv->key();
}

TEST(TwoPhaseCommitPool, AJoinThatFindsThePoolFullFailsAtOnceAndVotesAbort) {
  // One resource, so each later transaction queues for the lock while holding a session.
  Scenario sc = two_pc({{"participants", 1},
                        {"transactions", 6},
                        {"interval_ms", 10},
                        {"work_ms", 1000},
                        {"resources", 1},
                        {"timeout_ms", 5000},
                        {"pool_size", 3}},
                       1, ms(200));
  fixed(sc, ms(5));
  auto s = build(sc);
  s->sim().run_until(ms(55));
  // Joins at 0, 10, 20 take the three sessions; 30, 40, 50 find none and fail at once.
  EXPECT_EQ(figure(*s, P1, "sessions_in_use"), 3);
  EXPECT_EQ(figure(*s, P1, "pool_size"), 3);
  EXPECT_EQ(notes(s->sim(), N_POOL_EXHAUSTED, P1), 3);
  int aborted_at_join = 0;
  for (const auto& r : s->sim().log(P1)) aborted_at_join += r.type == REC_ABORT;
  EXPECT_EQ(aborted_at_join, 3);
}

TEST(TwoPhaseCommitPool, ReadyReleasesTheSessionUnderPrepareButHoldsItUntilTheDecisionOtherwise) {
  for (const char* release : {"prepare", "decision"}) {
    Scenario sc = two_pc({{"participants", 2}, {"timeout_ms", 200}, {"pool_size", 2}, {"pool_release", release}}, 1,
                         ms(2000));
    fixed(sc, ms(10));
    sc.faults.push_back(on_state(C, WAIT, crash(C)));  // READY, undecided, for as long as C is down
    auto s = build(sc);
    s->sim().run_until(ms(5));
    EXPECT_EQ(figure(*s, P1, "sessions_in_use"), 1) << release << ": joined, working";
    s->sim().run_until(ms(500));
    ASSERT_EQ(state_of(*s, P1), READY);
    const bool detaches = std::string(release) == "prepare";
    EXPECT_EQ(figure(*s, P1, "sessions_in_use"), detaches ? 0 : 1) << release;
    EXPECT_EQ(s->sim().node_view(P1).locks.size(), 1u) << release << ": the locks stay either way";
  }
}

TEST(TwoPhaseCommitPool, ACrashClosesTheSessionsSoTheNextTransactionFindsOne) {
  // Pool of one; transaction 2 holds P2's session during its 50 ms of work when P2 crashes.
  Scenario sc = two_pc({{"participants", 2}, {"transactions", 3}, {"interval_ms", 100}, {"work_ms", 50}, {"pool_size", 1}},
                       1, ms(2000));
  fixed(sc, ms(10));
  sc.faults.push_back(at(ms(120), crash(P2)));
  sc.faults.push_back(at(ms(130), restart(P2)));
  auto s = build(sc);
  s->sim().run_until(ms(110));
  EXPECT_EQ(figure(*s, P2, "sessions_in_use"), 1);
  s->sim().run_until(ms(140));
  EXPECT_EQ(figure(*s, P2, "sessions_in_use"), 0) << "the crash closed it";
  s->run();
  EXPECT_EQ(notes(s->sim(), N_POOL_EXHAUSTED, kNoNode), 0);
  EXPECT_EQ(outcome(*s, 2), TxnOutcome::Aborted) << "P2 forgot it in the crash and votes abort";
  EXPECT_EQ(outcome(*s, 3), TxnOutcome::Committed);
  for (NodeId p : {P1, P2}) EXPECT_EQ(figure(*s, p, "sessions_in_use"), 0) << p;
}

// Over many seeds, with a pool and faults but the janitor off, 2PC keeps every invariant and every
// transaction ends once the faults are repaired.
TEST(TwoPhaseCommitPool, InvariantsHoldOverManySeedsWithAPoolAndNoJanitor) {
  int exhausted = 0, committed = 0;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(300); ++seed) {
    Rng r = make_stream(seed, Stream::Faults);
    const int participants = 2 + static_cast<int>(r.below(3));
    Scenario sc = two_pc({{"participants", participants},
                          {"transactions", 1 + r.below(8)},
                          {"interval_ms", r.between(0, 30)},
                          {"work_ms", r.between(0, 30)},
                          {"timeout_ms", r.between(40, 300)},
                          {"resources", 1 + r.below(3)},
                          {"pool_size", 1 + r.below(3)},
                          {"pool_release", r.chance(Ratio{1, 2}) ? "prepare" : "decision"}},
                         seed, ms(2000));
    FaultPlan plan;
    plan.nodes = participants + 1;
    plan.states = {{0, WAIT}, {0, COMMIT}};
    for (const auto& st : states_of(1, static_cast<NodeId>(participants), {INIT, READY})) plan.states.push_back(st);
    plan.messages = 7;
    sc.faults = random_faults(r, plan);
    auto s = build(sc);
    ASSERT_TRUE(s);
    s->sim().run_until(ms(2000) - 1);
    repair_and_finish(*s);
    for (const auto& inv : s->invariants())
      ASSERT_TRUE(inv->held()) << "seed " << seed << ": " << inv->key() << ": " << inv->violation();
    for (const auto& t : s->protocol().transactions()) {
      ASSERT_TRUE(t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted) << "seed " << seed;
      committed += t.outcome == TxnOutcome::Committed;
    }
    exhausted += notes(s->sim(), N_POOL_EXHAUSTED, kNoNode);
    EXPECT_EQ(notes(s->sim(), N_JANITOR_ROLLBACK, kNoNode), 0);
    for (NodeId p = 1; p <= participants; ++p) {
      if (s->sim().is_up(p)) {
        EXPECT_EQ(figure(*s, p, "sessions_in_use"), 0) << "seed " << seed << " P" << p;
      }
    }
  }
  EXPECT_GT(exhausted, scaled_floor(20)) << "the pool limit must actually be reached";
  EXPECT_GT(committed, scaled_floor(50));
}
