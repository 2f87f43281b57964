// Paxos Commit's resource managers: each proposes its own vote in ballot 0 of its instance, straight
// to the acceptors, and applies the outcome any leader announces.
#include "protocols/paxos_commit/paxos_commit.hpp"

namespace cs::paxos {

void PaxosCommit::part_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to) {
  PartTxn& x = ptx(node, txn);
  const std::uint16_t from = x.state == kUnknown ? std::uint16_t{INIT} : std::uint16_t{x.state};
  x.state = to;
  sim.set_state(node, txn, from, to);
}

void PaxosCommit::part_join(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  part_set_state(sim, node, txn, INIT);
  parts_[static_cast<std::size_t>(node - 1)].locks.acquire(sim, node, txn, x.lock);
  x.timer = sim.set_timer(node, p_.timeout, T_PREPARE_TIMEOUT, txn);
}

// Phase 2a of ballot 0: the RM is the leader of its own instance's first ballot.
void PaxosCommit::part_vote(Simulator& sim, NodeId node, TxnId txn, std::uint8_t value) {
  to_acceptors(sim, node, PHASE2A, txn, pack_vote(node, value), 0);
}

bool PaxosCommit::logged_prepared(const Simulator& sim, NodeId node, TxnId txn) {
  for (const LogRecord& r : sim.log(node))
    if (r.txn == txn && r.type == REC_PREPARED) return true;
  return false;
}

void PaxosCommit::part_on_message(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  PartTxn& x = ptx(me, m.txn);
  switch (m.type) {
    case PREPARE:
      if (x.state == kUnknown) {
        // Never joined, or forgot it in a crash before voting: it can only vote aborted.
        sim.log_append(me, REC_ABORT, m.txn);
        book_decision(sim, me, m.txn, ABORT);
        part_set_state(sim, me, m.txn, ABORT);
        part_vote(sim, me, m.txn, V_ABORTED);
      } else if (x.state == INIT) {
        if (x.prepare_pending) break;
        if (x.vote_abort) {
          part_abort_local(sim, me, m.txn);
          part_vote(sim, me, m.txn, V_ABORTED);
        } else if (x.lock.waiting) {
          x.prepare_pending = true;  // votes once the lock is granted (or aborts at its timeout)
        } else {
          part_prepare(sim, me, m.txn);
        }
      } else if (x.state == PREPARED || x.state == ABORT) {
        // A PREPARE again (a re-send or a duplicate): the RM proposes in ballot 0 what it proposed
        // before, never a second value. An RM in ABORT that had voted prepared (its PREPARED record
        // is in the log, written before that vote left) and then learned the abort used to answer
        // "aborted": two values in one ballot, which the explorer's sent-set search found
        // (tests/explore/paxos-commit-f1-duplicate-prepare.json). One in ABORT without that record
        // never proposed prepared, so "aborted" is its one proposal.
        part_vote(sim, me, m.txn, x.state == PREPARED || logged_prepared(sim, me, m.txn) ? V_PREPARED : V_ABORTED);
      }
      break;
    case MSG_COMMIT: part_apply_decision(sim, me, m.txn, COMMIT); break;
    case MSG_ABORT: part_apply_decision(sim, me, m.txn, ABORT); break;
    default: break;
  }
}

void PaxosCommit::part_on_timer(Simulator& sim, const TimerRec& t) {
  PartTxn& x = ptx(t.node, t.txn);
  if (t.kind == T_PREPARE_TIMEOUT && x.state == INIT) {
    // Not yet prepared: it may abort on its own, and proposes "aborted" so the instance is decided.
    sim.note(t.node, t.txn, N_UNILATERAL_ABORT);
    part_abort_local(sim, t.node, t.txn);
    part_vote(sim, t.node, t.txn, V_ABORTED);
  } else if (t.kind == T_DECISION_TIMEOUT && x.state == PREPARED) {
    // Still no outcome: propose the vote again; an acceptor that knows the outcome answers with it,
    // and the others watch the transaction with their takeover timers.
    part_vote(sim, t.node, t.txn, V_PREPARED);
    x.timer = sim.set_timer(t.node, p_.timeout, T_DECISION_TIMEOUT, t.txn);
  }
}

void PaxosCommit::part_prepare(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  sim.cancel_timer(x.timer);
  // Write-ahead: PREPARED is durable before the vote leaves, so the RM never proposes anything else.
  sim.log_append(node, REC_PREPARED, txn, x.lock.resource);
  book_[txn].prepared |= 1u << node;
  part_set_state(sim, node, txn, PREPARED);
  part_vote(sim, node, txn, V_PREPARED);
  x.timer = sim.set_timer(node, p_.timeout, T_DECISION_TIMEOUT, txn);
}

void PaxosCommit::part_abort_local(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  sim.cancel_timer(x.timer);
  x.timer = 0;
  x.prepare_pending = false;
  sim.log_append(node, REC_ABORT, txn);
  book_decision(sim, node, txn, ABORT);
  part_release(sim, node, txn);
  part_set_state(sim, node, txn, ABORT);
}

void PaxosCommit::part_apply_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t d) {
  PartTxn& x = ptx(node, txn);
  if (x.state == PREPARED) {
    sim.cancel_timer(x.timer);
    x.timer = 0;
    sim.log_append(node, d == COMMIT ? REC_COMMIT : REC_ABORT, txn);
    book_decision(sim, node, txn, d);
    part_release(sim, node, txn);
    part_set_state(sim, node, txn, d);
  } else if (x.state == d) {
    sim.note(node, txn, N_DUPLICATE_DECISION);
  } else if (d == ABORT && x.state == INIT) {
    part_abort_local(sim, node, txn);
  } else if (d == ABORT && x.state == kUnknown) {
    sim.log_append(node, REC_ABORT, txn);
    book_decision(sim, node, txn, ABORT);
    part_set_state(sim, node, txn, ABORT);
  }
  // COMMIT for an instance this RM never prepared cannot be chosen; the invariants would say so.
}

void PaxosCommit::part_release(Simulator& sim, NodeId node, TxnId txn) {
  parts_[static_cast<std::size_t>(node - 1)].locks.release_and_resume(
      sim, node, txn, ptx(node, txn).lock, [&](TxnId t) -> PartTxn& { return ptx(node, t); },
      [&](TxnId t) { part_prepare(sim, node, t); });
}

void PaxosCommit::part_recover(Simulator& sim, NodeId node) {
  Participant& part = parts_[static_cast<std::size_t>(node - 1)];
  for (const LogRecord& r : sim.log(node)) {
    PartTxn& x = part.txns[r.txn];
    if (r.type == REC_PREPARED) {
      x.state = PREPARED;
      x.lock.resource = r.value;
    }
    if (r.type == REC_COMMIT) x.state = COMMIT;
    if (r.type == REC_ABORT) x.state = ABORT;
  }
  sim.note(node, 0, N_RECOVERED);
  for (TxnId txn = 1; txn < part.txns.size(); ++txn) {
    PartTxn& x = part.txns[txn];
    if (x.state != PREPARED) continue;
    // Prepared: take the locks back (the vote promised to keep them) and propose the vote again.
    part.locks.restore(sim, node, txn, x.lock);
    sim.set_state(node, txn, PREPARED, PREPARED);
    part_vote(sim, node, txn, V_PREPARED);
    x.timer = sim.set_timer(node, p_.timeout, T_DECISION_TIMEOUT, txn);
  }
}

}  // namespace cs::paxos
