// What the atomic-commit protocols (2PC, 3PC, Paxos Commit) ask of their per-transaction books in
// common: whether a transaction is still undecided somewhere it matters. Kept in one place so the
// explorer's blocking-state test means the same thing for each of them.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/protocol.hpp"
#include "sim/simulator.hpp"
#include "sim/types.hpp"

namespace cs {

// True when some transaction that started and has not ended is undecided at a node that is up:
// `knows(node, txn)` (the node took part: C began it, a participant joined it) and the book has no
// decision logged by that node (`committed` / `aborted`, bit = node id). Nodes first..last.
// `book` is indexed by txn id, with size() one past the last (a vector, or 2PC's TxnWindow).
template <class Books, class Knows>
bool any_undecided(const Simulator& sim, const Books& book, NodeId first, NodeId last, Knows&& knows) {
  for (TxnId t = 1; t < book.size(); ++t) {
    const auto& b = book[t];
    if (b.started < 0 || b.ended >= 0) continue;
    const std::uint32_t decided = b.committed | b.aborted;
    for (NodeId n = first; n <= last; ++n)
      if (sim.is_up(n) && !(decided >> n & 1u) && knows(n, t)) return true;
  }
  return false;
}

// A transaction as its book reads (2PC, 3PC): ended -> committed when C's bit is set, else aborted;
// started -> blocked when `blocked()` says a node waits for the decision, else in progress.
template <class Book, class Blocked>
TxnView book_view(TxnId t, const Book& b, Blocked&& blocked) {
  TxnView v{t, TxnOutcome::Pending, b.started, b.ended};
  if (b.ended >= 0) {
    v.outcome = (b.committed & 1u) ? TxnOutcome::Committed : TxnOutcome::Aborted;
  } else if (b.started >= 0) {
    v.outcome = blocked() ? TxnOutcome::Blocked : TxnOutcome::InProgress;
  }
  return v;
}

}  // namespace cs
