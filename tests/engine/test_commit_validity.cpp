// commit_validity and commit_once on their own, fed trace events by hand: a commit is valid only
// after a commit vote from every participant, whatever the number of participants (the vote table
// keeps one bit per participant in as many bytes as they need, and counts the first 64); a node
// applies a commit once, whatever its id (nodes 0-7 in one byte per transaction, others apart).
#include <gtest/gtest.h>

#include <vector>

#include "check/atomic_commit.hpp"

namespace cs {
namespace {

constexpr std::uint16_t kCommit = 3;      // the COMMIT state's key
constexpr std::uint16_t kVoteCommit = 5;  // the VOTE_COMMIT message's key

// A trace event of `kind` with `key` at `node` for `txn` (and `peer`, for a message).
TraceEvent event(TraceKind kind, std::uint16_t key, NodeId node, TxnId txn, NodeId peer = kNoNode) {
  TraceEvent ev;
  ev.kind = kind;
  ev.key = key;
  ev.node = node;
  ev.peer = peer;
  ev.txn = txn;
  return ev;
}

TraceEvent vote(NodeId from, TxnId txn) { return event(TraceKind::Send, kVoteCommit, from, txn, 0); }

TraceEvent commit(NodeId at, TxnId txn) { return event(TraceKind::State, kCommit, at, txn); }

// Participants 1..n (node 0 is the coordinator).
std::vector<NodeId> participants(int n) {
  std::vector<NodeId> out;
  for (int i = 1; i <= n; ++i) out.push_back(i);
  return out;
}

TEST(CommitValidity, HoldsWhenEveryParticipantVotedAndBreaksWhenOneDidNotWhateverTheirNumber) {
  for (const int n : {1, 5, 8, 9, 16, 17, 63, 64}) {
    SCOPED_TRACE(n);
    CommitValidityInvariant all(kCommit, kVoteCommit, participants(n));
    // Transaction 1000 first, then 7: the table grows to an id, then is read below it.
    for (const TxnId txn : {TxnId{1000}, TxnId{7}}) {
      for (int p = 1; p <= n; ++p) all.observe(vote(p, txn));
      all.observe(commit(0, txn));
    }
    EXPECT_TRUE(all.held());

    // Every participant but one votes; each one in turn is the one missing.
    for (int missing = 1; missing <= n; ++missing) {
      CommitValidityInvariant inv(kCommit, kVoteCommit, participants(n));
      for (int p = 1; p <= n; ++p)
        if (p != missing) inv.observe(vote(p, 42));
      inv.observe(vote(missing, 43));  // a vote for another transaction counts for nothing here
      EXPECT_TRUE(inv.held());
      inv.observe(commit(missing, 42));
      ASSERT_FALSE(inv.held()) << "participant " << missing << " of " << n << " did not vote";
      EXPECT_EQ(inv.first_violation().txn, 42u);
    }
  }
}

TEST(CommitValidity, CountsTheFirst64ParticipantsAndIgnoresVotesFromOtherNodes) {
  // As before the table was made of bytes: with more than 64 participants, the first 64 must vote.
  CommitValidityInvariant inv(kCommit, kVoteCommit, participants(70));
  for (int p = 1; p <= 64; ++p) inv.observe(vote(p, 1));
  inv.observe(commit(0, 1));
  EXPECT_TRUE(inv.held());

  CommitValidityInvariant others(kCommit, kVoteCommit, participants(3));
  others.observe(vote(1, 1));
  others.observe(vote(2, 1));
  others.observe(vote(0, 1));   // the coordinator is no participant
  others.observe(vote(9, 1));   // nor is a node the run does not have
  others.observe(vote(-1, 1));  // nor "no node"
  others.observe(commit(1, 1));
  EXPECT_FALSE(others.held());
}

TEST(CommitOnce, ASecondApplyAtTheSameNodeBreaksItWhateverTheNodeAndOthersDoNot) {
  constexpr std::uint16_t kCommitRecord = 2;
  const auto applied = [](NodeId node, TxnId txn) { return event(TraceKind::LogAppend, kCommitRecord, node, txn); };
  for (const NodeId twice : {0, 1, 7, 8, 9, 40}) {
    SCOPED_TRACE(twice);
    CommitOnceInvariant inv(kCommitRecord);
    for (NodeId n = 0; n <= 40; ++n) inv.observe(applied(n, 500));  // every node once: fine
    for (NodeId n = 0; n <= 40; ++n) inv.observe(applied(n, 3));
    TraceEvent other = applied(twice, 500);
    other.key = kCommitRecord + 1;  // another record type is not a commit
    inv.observe(other);
    EXPECT_TRUE(inv.held());
    inv.observe(applied(twice, 3));
    ASSERT_FALSE(inv.held());
    EXPECT_EQ(inv.first_violation().node, twice);
    EXPECT_EQ(inv.first_violation().txn, 3u);
  }
}

}  // namespace
}  // namespace cs
