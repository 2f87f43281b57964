// Paxos Commit's own invariants, fed trace events directly: chosen_once counts acceptances per
// (ballot, value), so a ballot whose acceptors accepted different values chose nothing, and the
// checkers declare the trace keys they read.
#include <gtest/gtest.h>

#include "check/invariant.hpp"
#include "protocols/paxos_commit/paxos_commit.hpp"

using namespace cs;
using namespace cs::paxos;

namespace {
// 2 RMs, F = 1: C = 0, P1 = 1, P2 = 2, A1..A3 = 3..5; a quorum is 2.
constexpr NodeId A1 = 3, A2 = 4, A3 = 5;

std::vector<std::unique_ptr<Invariant>> invariants() {
  Diagnostics diag;
  auto p = create(nlohmann::json{{"participants", 2}, {"faults", 1}}, diag);
  EXPECT_TRUE(p) << (diag.empty() ? "" : diag.front().message);
  return p ? p->make_invariants() : std::vector<std::unique_ptr<Invariant>>{};
}

Invariant& chosen_once(std::vector<std::unique_ptr<Invariant>>& all) {
  for (auto& inv : all)
    if (inv->key() == "chosen_once") return *inv;
  ADD_FAILURE() << "no chosen_once";
  return *all.front();
}

// Acceptor `node` logs accepting `value` for RM 1's instance (instance 0) in `ballot`, txn 1.
void accept(Invariant& inv, NodeId node, std::int64_t ballot, std::uint8_t value) {
  TraceEvent ev;
  ev.kind = TraceKind::LogAppend;
  ev.key = REC_ACCEPTED;
  ev.node = node;
  ev.txn = 1;
  ev.value = pack_accepted(ballot, 0, value);
  inv.observe(ev);
}
}  // namespace

// Ballot 0: A1 accepted "prepared", A2 "aborted" (a leader that proposed two values): two
// acceptors, but no quorum for either value, so nothing was chosen in ballot 0. Ballot 1 then
// chooses "prepared" (A1, A3): the first value chosen, not a second one.
TEST(PaxosCommitInvariants, AQuorumSplitBetweenTwoValuesInOneBallotChoosesNeither) {
  auto all = invariants();
  Invariant& inv = chosen_once(all);
  accept(inv, A1, 0, V_PREPARED);
  accept(inv, A2, 0, V_ABORTED);
  EXPECT_TRUE(inv.held());
  accept(inv, A1, 1, V_PREPARED);
  accept(inv, A3, 1, V_PREPARED);
  EXPECT_TRUE(inv.held()) << inv.violation();
}

// One acceptor that switches value across its own accepts in one ballot does not move the
// quorum that chose the first value over to the second.
TEST(PaxosCommitInvariants, AnAcceptorSwitchingValueInOneBallotDoesNotChooseTheNewValue) {
  auto all = invariants();
  Invariant& inv = chosen_once(all);
  accept(inv, A1, 0, V_PREPARED);
  accept(inv, A2, 0, V_PREPARED);  // chosen: prepared
  accept(inv, A1, 0, V_ABORTED);   // A1 alone for aborted: not chosen
  EXPECT_TRUE(inv.held()) << inv.violation();
  accept(inv, A3, 0, V_ABORTED);   // now A1 and A3 accepted aborted in ballot 0: chosen too
  EXPECT_FALSE(inv.held());
}

// Two quorums for two values in two ballots is Paxos's safety broken, and is reported.
TEST(PaxosCommitInvariants, TwoValuesChosenInTwoBallotsBreakChosenOnce) {
  auto all = invariants();
  Invariant& inv = chosen_once(all);
  accept(inv, A1, 0, V_PREPARED);
  accept(inv, A2, 0, V_PREPARED);
  accept(inv, A2, 1, V_ABORTED);
  EXPECT_TRUE(inv.held());
  accept(inv, A3, 1, V_ABORTED);
  EXPECT_FALSE(inv.held());
}

// Every Paxos Commit checker says which trace keys it reads (TraceObserver::keys), as the 2PC/3PC
// checkers do, so the simulator does not call it for every log record or state change.
TEST(PaxosCommitInvariants, EveryCheckerDeclaresTheTraceKeysItReads) {
  for (const auto& inv : invariants())
    for (TraceKind k : {TraceKind::LogAppend, TraceKind::State})
      if (inv->kinds() & trace_kind_bit(k)) EXPECT_NE(inv->keys(k), kAllTraceKeys) << inv->key();
}
