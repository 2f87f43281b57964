// 3PC participants: voting, PRECOMMIT, decisions, the termination protocol run by operational
// participants when C falls silent, and recovery from the log.
//
// Termination (Skeen): a participant in READY or PRECOMMIT that times out asks C and every other
// participant for its state (STATE_REQUEST), re-asking the silent ones twice within `window`.
//  - any COMMIT or ABORT reply: adopt it;
//  - C answered (it is alive): keep waiting for C;
//  - otherwise the operational participant with the lowest id among those that answered is the new
//    coordinator. If it is not me, I wait and try again later. If it is me: any PRECOMMIT (mine
//    included) → send PRECOMMIT to those in READY, collect ACK_PRECOMMIT (or time out), then COMMIT;
//    everyone in READY → ABORT. The decision goes to C and every participant.
// A participant restored from its log is "recovering": it never leads and is not counted, it only
// asks until somebody tells it the outcome (3PC's recovery rule).
#include "protocols/three_phase_commit/three_phase_commit.hpp"

#include <algorithm>
#include <bit>

namespace cs::tpc3 {

namespace {
constexpr NodeId kCoordinator = 0;
constexpr int kGatherTicks = 3;  // one ask and two re-asks per round
bool uncertain(std::uint8_t s) { return s == READY || s == PRECOMMIT; }
}  // namespace

void ThreePhaseCommit::part_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to) {
  PartTxn& x = ptx(node, txn);
  const std::uint16_t from = x.state == kUnknown ? std::uint16_t{INIT} : std::uint16_t{x.state};
  x.state = to;
  sim.set_state(node, txn, from, to);
}

void ThreePhaseCommit::part_join(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  part_set_state(sim, node, txn, INIT);
  parts_[static_cast<std::size_t>(node - 1)].locks.acquire(sim, node, txn, x.lock);
  x.timer = sim.set_timer(node, p_.timeout, T_PREPARE_TIMEOUT, txn);
}

void ThreePhaseCommit::part_arm_doubt(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  sim.cancel_timer(x.timer);
  x.timer = sim.set_timer(node, p_.timeout, T_DOUBT_TIMEOUT, txn);
}

void ThreePhaseCommit::part_vote(Simulator& sim, NodeId node, TxnId txn) {
  // Write-ahead: READY is durable before the vote leaves.
  sim.log_append(node, REC_READY, txn, ptx(node, txn).lock.resource);
  part_set_state(sim, node, txn, READY);
  sim.send(node, kCoordinator, VOTE_COMMIT, txn);
  part_arm_doubt(sim, node, txn);
}

void ThreePhaseCommit::part_precommit(Simulator& sim, NodeId node, TxnId txn, NodeId from) {
  PartTxn& x = ptx(node, txn);
  if (x.gathering && from == kCoordinator) x.c_alive = true;
  if (x.state == READY) {
    sim.log_append(node, REC_PRECOMMIT, txn);
    part_set_state(sim, node, txn, PRECOMMIT);
    sim.send(node, from, ACK_PRECOMMIT, txn);
    if (!x.gathering && !x.leading) part_arm_doubt(sim, node, txn);
  } else if (x.state == PRECOMMIT || x.state == COMMIT) {
    sim.send(node, from, ACK_PRECOMMIT, txn);  // a duplicate, or a re-send that crossed our ACK
  } else if (x.state == ABORT) {
    sim.send(node, from, STATE_REPLY, txn, ABORT, 0);  // someone already aborted: tell the sender
  }
}

void ThreePhaseCommit::part_decide(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision) {
  PartTxn& x = ptx(node, txn);
  sim.cancel_timer(x.timer);
  x.timer = 0;
  x.gathering = x.leading = x.blocked = x.prepare_pending = false;
  sim.log_append(node, decision == COMMIT ? REC_COMMIT : REC_ABORT, txn);
  book_decision(sim, node, txn, decision);
  part_release(sim, node, txn);
  part_set_state(sim, node, txn, decision);
}

void ThreePhaseCommit::part_on_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t d, NodeId from, bool ack) {
  PartTxn& x = ptx(node, txn);
  if (x.state == d) {
    if (ack) {
      ++duplicates_;
      sim.note(node, txn, N_DUPLICATE_DECISION);
      sim.send(node, from, ACK, txn);
    }
    return;
  }
  if (x.state == COMMIT || x.state == ABORT) {
    // The other side of a partition decided the other way: there is nothing left to do but say so.
    ++conflicts_;
    sim.note(node, txn, N_CONFLICTING_DECISION, from);
    if (ack) sim.send(node, from, ACK, txn);
    return;
  }
  // A commit can only concern a participant that voted yes; anything else was never ours to commit.
  if (d == COMMIT && !uncertain(x.state)) return;
  part_decide(sim, node, txn, d);
  if (ack) sim.send(node, from, ACK, txn);
}

void ThreePhaseCommit::part_abort_unvoted(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  const bool asked = x.prepare_pending;  // C asked for the vote while we waited for the lock
  sim.note(node, txn, N_UNILATERAL_ABORT);
  part_decide(sim, node, txn, ABORT);
  if (asked) sim.send(node, kCoordinator, VOTE_ABORT, txn);
}

void ThreePhaseCommit::part_on_message(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  const TxnId txn = m.txn;
  PartTxn& x = ptx(me, txn);
  switch (m.type) {
    case CAN_COMMIT:
      if (x.state == kUnknown) {
        // Never joined, or forgot it in a crash before voting: it cannot commit this transaction.
        part_decide(sim, me, txn, ABORT);
        sim.send(me, kCoordinator, VOTE_ABORT, txn);
      } else if (x.state == INIT) {
        if (x.prepare_pending) break;  // a duplicate; the vote comes with the lock
        if (x.vote_abort) {
          part_decide(sim, me, txn, ABORT);
          sim.send(me, kCoordinator, VOTE_ABORT, txn);
        } else if (x.lock.waiting) {
          x.prepare_pending = true;
        } else {
          part_vote(sim, me, txn);
        }
      } else if (x.state == ABORT) {
        sim.send(me, kCoordinator, VOTE_ABORT, txn);
      } else if (x.state == READY) {
        sim.send(me, kCoordinator, VOTE_COMMIT, txn);
      }
      break;
    case MSG_PRECOMMIT: part_precommit(sim, me, txn, m.from); break;
    case GLOBAL_COMMIT:
    case GLOBAL_ABORT: part_on_decision(sim, me, txn, m.type == GLOBAL_COMMIT ? COMMIT : ABORT, m.from, true); break;
    case ACK_PRECOMMIT:
      if (x.leading && x.state == PRECOMMIT) {
        x.acks |= 1u << m.from;
        if ((x.acks & x.need_acks) == x.need_acks) part_lead_commit(sim, me, txn);
      }
      break;
    case STATE_REQUEST:
      if (x.state == kUnknown || x.state == INIT) {
        // Has not voted: it may abort on its own, which also answers the question.
        part_abort_unvoted(sim, me, txn);
        sim.send(me, m.from, STATE_REPLY, txn, ABORT, 0);
      } else {
        sim.send(me, m.from, STATE_REPLY, txn, x.state, x.recovering ? 1 : 0);
      }
      break;
    case STATE_REPLY:
      if (m.a == COMMIT || m.a == ABORT) {
        part_on_decision(sim, me, txn, static_cast<std::uint8_t>(m.a), m.from, false);
      } else if (x.gathering) {
        const std::uint32_t bit = 1u << m.from;
        x.replied |= bit;
        if (m.from == kCoordinator) {
          if (m.b == 0) x.c_alive = true;  // a recovering C in doubt is no coordinator
        } else if (m.b == 0 && uncertain(static_cast<std::uint8_t>(m.a))) {
          x.operational |= bit;
          if (m.a == PRECOMMIT) x.precommitted |= bit;
        }
      }
      break;
    default: break;
  }
}

void ThreePhaseCommit::part_on_timer(Simulator& sim, const TimerRec& t) {
  const NodeId me = t.node;
  const TxnId txn = t.txn;
  PartTxn& x = ptx(me, txn);
  switch (t.kind) {
    case T_PREPARE_TIMEOUT:
      if (x.state == INIT) part_abort_unvoted(sim, me, txn);
      break;
    case T_DOUBT_TIMEOUT:
      if (!uncertain(x.state)) break;
      if (x.recovering) {
        if (!x.blocked) {
          x.blocked = true;
          sim.note(me, txn, N_IN_DOUBT);
        }
        part_ask(sim, me, txn, false);
        part_arm_doubt(sim, me, txn);
      } else if (!x.gathering && !x.leading) {
        part_start_round(sim, me, txn);
      }
      break;
    case T_GATHER:
      if (!x.gathering) break;
      if (++x.tick < kGatherTicks) {
        part_ask(sim, me, txn, true);
        x.timer = sim.set_timer(me, p_.window / kGatherTicks, T_GATHER, txn);
      } else {
        part_end_round(sim, me, txn);
      }
      break;
    case T_LEAD_TIMEOUT:
      // Those that did not acknowledge are presumed crashed; they learn the outcome on recovery.
      if (x.leading && x.state == PRECOMMIT) part_lead_commit(sim, me, txn);
      break;
    default: break;
  }
}

void ThreePhaseCommit::part_ask(Simulator& sim, NodeId node, TxnId txn, bool only_silent) {
  const PartTxn& x = ptx(node, txn);
  for (NodeId i = 0; i < nodes(); ++i) {
    if (i == node || (only_silent && (x.replied & (1u << i)))) continue;
    if (i == kCoordinator && only_silent && x.c_alive) continue;
    sim.send(node, i, STATE_REQUEST, txn);
  }
}

void ThreePhaseCommit::part_start_round(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  ++rounds_;
  sim.note(node, txn, N_TERMINATION_STARTED);
  x.gathering = true;
  x.c_alive = false;
  x.tick = 0;
  x.replied = x.operational = x.precommitted = 0;
  part_ask(sim, node, txn, false);
  sim.cancel_timer(x.timer);
  x.timer = sim.set_timer(node, p_.window / kGatherTicks, T_GATHER, txn);
}

void ThreePhaseCommit::part_end_round(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  x.gathering = false;
  if (!uncertain(x.state)) return;
  if (x.c_alive) {
    sim.note(node, txn, N_COORDINATOR_ALIVE);
    part_arm_doubt(sim, node, txn);
    return;
  }
  const std::uint32_t candidates = x.operational | (1u << node);
  const NodeId leader = static_cast<NodeId>(std::countr_zero(candidates));
  if (leader != node) {
    sim.note(node, txn, N_WAITING_FOR_LEADER, leader);
    part_arm_doubt(sim, node, txn);
    return;
  }
  sim.note(node, txn, N_ELECTED);
  if (x.state == PRECOMMIT || x.precommitted != 0) {
    // Commit, but only once everyone reachable is at least in PRECOMMIT: should I crash after
    // committing, whoever terminates next still sees a PRECOMMIT and cannot abort.
    if (x.state == READY) {
      sim.log_append(node, REC_PRECOMMIT, txn);
      part_set_state(sim, node, txn, PRECOMMIT);
    }
    x.need_acks = x.operational & ~x.precommitted;
    x.acks = 0;
    if (x.need_acks == 0) {
      part_lead_commit(sim, node, txn);
      return;
    }
    x.leading = true;
    for (NodeId i = 1; i < nodes(); ++i)
      if (x.need_acks & (1u << i)) sim.send(node, i, MSG_PRECOMMIT, txn);
    sim.cancel_timer(x.timer);
    x.timer = sim.set_timer(node, p_.window, T_LEAD_TIMEOUT, txn);
    return;
  }
  // Every operational participant is READY: nobody can have committed, so abort.
  ++elected_aborts_;
  part_decide(sim, node, txn, ABORT);
  for (NodeId i = 0; i < nodes(); ++i)
    if (i != node) sim.send(node, i, GLOBAL_ABORT, txn);
}

void ThreePhaseCommit::part_lead_commit(Simulator& sim, NodeId node, TxnId txn) {
  ++elected_commits_;
  part_decide(sim, node, txn, COMMIT);
  for (NodeId i = 0; i < nodes(); ++i)
    if (i != node) sim.send(node, i, GLOBAL_COMMIT, txn);
}

void ThreePhaseCommit::part_release(Simulator& sim, NodeId node, TxnId txn) {
  parts_[static_cast<std::size_t>(node - 1)].locks.release_and_resume(
      sim, node, txn, ptx(node, txn).lock, [&](TxnId t) -> PartTxn& { return ptx(node, t); },
      [&](TxnId t) { part_vote(sim, node, t); });
}

void ThreePhaseCommit::part_recover(Simulator& sim, NodeId node) {
  Participant& part = parts_[static_cast<std::size_t>(node - 1)];
  for (const LogRecord& r : sim.log(node)) {
    PartTxn& x = part.txns[r.txn];
    switch (r.type) {
      case REC_READY:
        x.state = READY;
        x.lock.resource = r.value;
        break;
      case REC_PRECOMMIT: x.state = PRECOMMIT; break;
      case REC_COMMIT: x.state = COMMIT; break;
      case REC_ABORT: x.state = ABORT; break;
      default: break;
    }
  }
  sim.note(node, 0, N_RECOVERED);
  for (TxnId txn = 1; txn < part.txns.size(); ++txn) {
    PartTxn& x = part.txns[txn];
    if (!uncertain(x.state)) continue;
    // In doubt: take the lock back (the vote promised to keep it) and ask until somebody knows.
    x.recovering = true;
    ++in_doubt_recoveries_;
    part.locks.restore(sim, node, txn, x.lock);
    sim.set_state(node, txn, x.state, x.state);
    part_ask(sim, node, txn, false);
    x.timer = sim.set_timer(node, p_.timeout, T_DOUBT_TIMEOUT, txn);
  }
}

}  // namespace cs::tpc3
