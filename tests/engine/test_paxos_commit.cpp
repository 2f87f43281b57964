// Paxos Commit: the happy path, an abort vote, the coordinator crash that blocks 2PC (a backup leader
// finishes without C), the leader and F acceptors down for good, lost decisions, and C's recovery.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "protocols/paxos_commit/paxos_commit.hpp"
#include "scenario/loader.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::paxos;

namespace {
constexpr NodeId C = 0, P1 = 1, P2 = 2, P3 = 3, A1 = 4, A2 = 5, A3 = 6;

Scenario paxos_commit(nlohmann::json params, std::uint64_t seed = 1, Time until = ms(5000)) {
  Scenario s;
  s.protocol = "paxos-commit";
  s.seed = seed;
  s.until = until;
  s.params = std::move(params);
  return s;
}

void expect_all_hold(const Simulation& s) {
  for (const auto& inv : s.invariants())
    EXPECT_TRUE(inv->held()) << inv->key() << ": " << inv->violation() << " at seq " << inv->first_violation().seq;
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

Scenario load_file(const std::string& name) {
  std::ifstream in(std::string(COMMITSCOPE_SOURCE_DIR) + "/resources/scenarios/" + name);
  std::stringstream buf;
  buf << in.rdbuf();
  const LoadResult r = load_scenario(buf.str(), name);
  EXPECT_TRUE(r.scenario) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  return r.scenario.value_or(Scenario{});
}
}  // namespace

TEST(PaxosCommit, NodesAreTheLeaderTheRmsAndTwoFPlusOneAcceptors) {
  auto s = build(paxos_commit({{"participants", 2}, {"faults", 2}}));
  const auto specs = s->protocol().node_specs();
  ASSERT_EQ(specs.size(), 1u + 2u + 5u);
  EXPECT_EQ(specs[0].name, "C");
  EXPECT_EQ(specs[0].role, "coordinator");
  EXPECT_EQ(specs[2].name, "P2");
  EXPECT_EQ(specs[3].name, "A1");
  EXPECT_EQ(specs[7].name, "A5");
  EXPECT_EQ(specs[7].role, "acceptor");
}

TEST(PaxosCommit, AllPrepareThenEveryInstanceIsChosenAndCCommits) {
  auto s = build(paxos_commit({{"participants", 3}}));
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), COMMIT) << n;
  for (NodeId a : {A1, A2, A3}) EXPECT_EQ(state_of(*s, a), COMMIT) << a;  // they learned it from C
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  expect_all_hold(*s);
  // Each RM proposes its vote to every acceptor; each acceptor logs it and answers C.
  EXPECT_EQ(count(s->sim(), TraceKind::Send, PHASE2A), 3 * 3);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, PHASE2B), 3 * 3);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, PHASE1A), 0);
  for (NodeId a : {A1, A2, A3}) EXPECT_EQ(log_count(*s, a, REC_ACCEPTED), 3) << a;
  for (NodeId p : {P1, P2, P3}) {
    EXPECT_EQ(log_count(*s, p, REC_PREPARED), 1);
    EXPECT_EQ(log_count(*s, p, REC_COMMIT), 1);
  }
  EXPECT_EQ(metric(*s, "txns_committed"), 1);
  EXPECT_EQ(metric(*s, "higher_ballots"), 0);
  EXPECT_EQ(metric(*s, "locks_held"), 0);
}

TEST(PaxosCommit, OneAbortedVoteAbortsEveryone) {
  auto s = build(paxos_commit({{"participants", 3}, {"votes", {{"P2", "abort"}}}}));
  s->run();
  for (NodeId n : {C, P1, P2, P3}) EXPECT_EQ(state_of(*s, n), ABORT) << n;
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  EXPECT_EQ(log_count(*s, P2, REC_PREPARED), 0);
  expect_all_hold(*s);
}

// The fault of 2pc-coordinator-crash.json, without the restart: 2PC's participants stay READY and
// blocked, Paxos Commit's RMs all commit while C is still down.
TEST(PaxosCommit, TheCoordinatorCrashThatBlocksTwoPhaseCommitIsFinishedByABackupLeader) {
  Scenario two = load_file("2pc-coordinator-crash.json");
  two.faults.resize(1);  // the crash only: C never comes back
  ASSERT_EQ(two.faults[0].action.kind, FaultKind::Crash);
  auto blocked = build(two);
  blocked->run();
  for (NodeId p : {P1, P2, P3}) {
    EXPECT_EQ(state_of(*blocked, p), tpc::READY) << p;
    EXPECT_TRUE(blocked->sim().node_view(p).blocked) << p;
  }
  EXPECT_NE(outcome(*blocked, 1), TxnOutcome::Committed);

  const Scenario paxos = load_file("paxos-commit-coordinator-crash.json");
  ASSERT_EQ(paxos.faults.size(), 1u);
  EXPECT_EQ(paxos.faults[0].trigger.kind, two.faults[0].trigger.kind);
  EXPECT_EQ(paxos.faults[0].action.kind, FaultKind::Crash);
  auto s = build(paxos);
  s->run();
  EXPECT_FALSE(s->sim().is_up(C));
  EXPECT_EQ(s->sim().nodes()[C].crashes, 1u);
  const std::uint16_t decision = state_of(*s, P1);
  EXPECT_TRUE(decision == COMMIT || decision == ABORT);
  for (NodeId p : {P1, P2, P3}) EXPECT_EQ(state_of(*s, p), decision) << p;
  EXPECT_EQ(decision, COMMIT) << "every RM prepared, so the backup leader must find prepared chosen";
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_GE(metric(*s, "higher_ballots"), 1);
  EXPECT_EQ(metric(*s, "backup_decisions"), 1);
  expect_all_hold(*s);
}

TEST(PaxosCommit, LeaderAndFAcceptorsDownForGoodStillDecide) {
  for (int f : {1, 2}) {
    Scenario sc = paxos_commit({{"participants", 3}, {"faults", f}}, 5);
    sc.faults.push_back(on_state(C, WAIT, crash(C)));
    for (int k = 1; k <= f; ++k) sc.faults.push_back(at(ms(1), crash(static_cast<NodeId>(3 + k))));
    auto s = build(sc);
    s->run();
    for (NodeId p : {P1, P2, P3}) EXPECT_EQ(state_of(*s, p), COMMIT) << "F=" << f << " P" << p;
    EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed) << f;
    expect_all_hold(*s);
  }
}

// More than F acceptors down: no majority, so nobody may decide; the RMs wait, they do not guess.
TEST(PaxosCommit, WithoutAMajorityOfAcceptorsNothingIsDecided) {
  Scenario sc = paxos_commit({{"participants", 3}, {"faults", 1}}, 5, ms(3000));
  sc.faults.push_back(at(ms(1), crash(A1)));
  sc.faults.push_back(at(ms(1), crash(A2)));
  auto s = build(sc);
  s->run();
  for (NodeId p : {P1, P2, P3}) EXPECT_EQ(state_of(*s, p), PREPARED) << p;
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::InProgress);
  expect_all_hold(*s);
}

// C decides and crashes before its COMMIT reaches anyone but P1: the others re-propose their votes,
// and the acceptors (which learned nothing either) take over and announce the same outcome.
TEST(PaxosCommit, ALostDecisionIsRecoveredFromTheAcceptors) {
  Scenario sc = paxos_commit({{"participants", 3}}, 2);
  sc.faults.push_back(on_sent(MSG_COMMIT, C, 1, crash(C)));
  auto s = build(sc);
  s->run();
  for (NodeId p : {P1, P2, P3}) EXPECT_EQ(state_of(*s, p), COMMIT) << p;
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  expect_all_hold(*s);
}

// C restarts with BEGIN and no decision: it runs a higher ballot of its own and learns the outcome.
TEST(PaxosCommit, ARestartedCoordinatorFinishesWithAHigherBallot) {
  Scenario sc = paxos_commit({{"participants", 2}, {"timeout_ms", 1000}}, 4);
  sc.faults.push_back(on_state(C, WAIT, crash(C)));
  sc.faults.push_back(at(ms(100), restart(C)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_of(*s, C), COMMIT);
  for (NodeId p : {P1, P2}) EXPECT_EQ(state_of(*s, p), COMMIT) << p;
  EXPECT_EQ(log_count(*s, C, REC_COMMIT), 1);
  EXPECT_EQ(metric(*s, "backup_decisions"), 0) << "C finished before any acceptor took over";
  expect_all_hold(*s);
}

// An RM that never received PREPARE aborts at its timeout and proposes "aborted".
TEST(PaxosCommit, AnRmThatHearsNothingAbortsAndTheInstanceChoosesAborted) {
  Scenario sc = paxos_commit({{"participants", 2}}, 6);
  sc.faults.push_back(Fault{});
  sc.faults.back().trigger.kind = TriggerKind::AtTime;
  sc.faults.back().trigger.time = 0;
  sc.faults.back().action = FaultAction{FaultKind::DropNext, C, P2, {}, {}};
  auto s = build(sc);
  s->run();
  for (NodeId n : {C, P1, P2}) EXPECT_EQ(state_of(*s, n), ABORT) << n;
  expect_all_hold(*s);
}

TEST(PaxosCommit, RunsUseOnlyTheDeclaredRoleStates) {
  const ProtocolInfo info = PaxosCommit::make_info();
  ASSERT_EQ(info.states.size(), static_cast<std::size_t>(kStateCount));
  EXPECT_EQ(info.messages[PHASE2A], "phase2a");
  EXPECT_EQ(info.messages[PHASE1B], "phase1b");
  EXPECT_EQ(info.messages[MSG_COMMIT], "COMMIT");
  EXPECT_NE(info.role("acceptor"), nullptr);
}
