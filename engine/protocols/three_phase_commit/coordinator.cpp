// 3PC coordinator: CAN_COMMIT, votes, PRECOMMIT round, decision, recovery from its log.
#include "protocols/three_phase_commit/three_phase_commit.hpp"

namespace cs::tpc3 {

namespace {
constexpr NodeId kCoordinator = 0;
constexpr std::uint16_t kClientStart = 0;
std::uint16_t decision_msg(std::uint8_t state) { return state == COMMIT ? GLOBAL_COMMIT : GLOBAL_ABORT; }
bool decided(std::uint8_t s) { return s == COMMIT || s == ABORT; }
}  // namespace

void ThreePhaseCommit::coord_set_state(Simulator& sim, TxnId txn, std::uint8_t to) {
  CoordTxn& c = coord_[txn];
  const std::uint16_t from = c.state == kUnknown ? std::uint16_t{INIT} : std::uint16_t{c.state};
  c.state = to;
  sim.set_state(kCoordinator, txn, from, to);
}

void ThreePhaseCommit::coord_start(Simulator& sim, TxnId txn) {
  // Drawn first, whatever happens next, so that a crash does not shift later draws.
  const TxnDraw draw = draw_transaction(p_, txn, sim.workload_rng());
  if (!sim.is_up(kCoordinator)) {
    sim.note(kCoordinator, txn, N_CLIENT_RETRY);
    sim.schedule_client(p_.client_retry, kClientStart, txn);
    return;
  }
  if (book_[txn].started < 0) book_[txn].started = sim.now();
  sim.txn_start(kCoordinator, txn);
  coord_[txn] = CoordTxn{};
  // BEGIN is durable before anyone joins: after a crash C knows it owes this transaction an outcome.
  sim.log_append(kCoordinator, REC_BEGIN, txn, p_.participants);
  coord_set_state(sim, txn, INIT);
  for (int i = 1; i <= p_.participants; ++i) {
    if (!sim.is_up(i)) continue;
    PartTxn& x = ptx(i, txn);
    if (x.state != kUnknown) continue;
    x.lock.resource = draw.resource[static_cast<std::size_t>(i)];
    x.vote_abort = draw.vote_abort[static_cast<std::size_t>(i)];
    part_join(sim, i, txn);
  }
  if (p_.work == 0)
    coord_send_can_commit(sim, txn);
  else
    sim.set_timer(kCoordinator, p_.work, T_WORK_DONE, txn);
}

void ThreePhaseCommit::coord_send_can_commit(Simulator& sim, TxnId txn) {
  for (int i = 1; i <= p_.participants; ++i) sim.send(kCoordinator, i, CAN_COMMIT, txn);
  coord_set_state(sim, txn, WAIT);
  coord_[txn].timer = sim.set_timer(kCoordinator, p_.timeout, T_VOTE_TIMEOUT, txn);
}

void ThreePhaseCommit::coord_precommit(Simulator& sim, TxnId txn) {
  CoordTxn& c = coord_[txn];
  sim.cancel_timer(c.timer);
  c.acked = 0;
  c.retries = 0;
  // Logged before it is sent: a restarted C that finds PRECOMMIT cannot abort alone any more.
  sim.log_append(kCoordinator, REC_PRECOMMIT, txn);
  coord_set_state(sim, txn, PRECOMMIT);
  for (int i = 1; i <= p_.participants; ++i) sim.send(kCoordinator, i, MSG_PRECOMMIT, txn);
  c.timer = sim.set_timer(kCoordinator, p_.ack_timeout, T_ACK_TIMEOUT, txn);
}

void ThreePhaseCommit::coord_decide(Simulator& sim, TxnId txn, std::uint8_t decision) {
  CoordTxn& c = coord_[txn];
  sim.cancel_timer(c.timer);
  c.in_doubt = false;
  c.acked = 0;
  sim.log_append(kCoordinator, decision == COMMIT ? REC_COMMIT : REC_ABORT, txn);
  book_decision(sim, kCoordinator, txn, decision);
  coord_set_state(sim, txn, decision);
  coord_broadcast(sim, txn, false);
}

void ThreePhaseCommit::coord_broadcast(Simulator& sim, TxnId txn, bool only_unacked) {
  CoordTxn& c = coord_[txn];
  for (int i = 1; i <= p_.participants; ++i)
    if (!only_unacked || !(c.acked & (1u << i))) sim.send(kCoordinator, i, decision_msg(c.state), txn);
  c.timer = sim.set_timer(kCoordinator, p_.ack_timeout, T_ACK_TIMEOUT, txn);
}

void ThreePhaseCommit::coord_poll(Simulator& sim, TxnId txn) {
  for (int i = 1; i <= p_.participants; ++i) sim.send(kCoordinator, i, STATE_REQUEST, txn);
  coord_[txn].timer = sim.set_timer(kCoordinator, p_.timeout, T_ACK_TIMEOUT, txn);
}

void ThreePhaseCommit::coord_on_timer(Simulator& sim, const TimerRec& t) {
  const TxnId txn = t.txn;
  CoordTxn& c = coord_[txn];
  switch (t.kind) {
    case T_WORK_DONE:
      if (c.state == INIT) coord_send_can_commit(sim, txn);
      break;
    case T_VOTE_TIMEOUT:
      if (c.state == WAIT) coord_decide(sim, txn, ABORT);
      break;
    case T_ACK_TIMEOUT:
      if (c.in_doubt) {
        coord_poll(sim, txn);
      } else if (c.state == PRECOMMIT) {
        if (c.retries < p_.precommit_retries) {
          ++c.retries;
          ++precommit_retries_;
          sim.note(kCoordinator, txn, N_PRECOMMIT_RETRY, c.retries);
          for (int i = 1; i <= p_.participants; ++i)
            if (!(c.acked & (1u << i))) sim.send(kCoordinator, i, MSG_PRECOMMIT, txn);
          c.timer = sim.set_timer(kCoordinator, p_.ack_timeout, T_ACK_TIMEOUT, txn);
        } else {
          // Everyone voted yes; a participant that never acknowledged is presumed crashed and will
          // learn the outcome when it recovers (3PC's timeout rule for the coordinator).
          ++commits_without_acks_;
          sim.note(kCoordinator, txn, N_COMMIT_WITHOUT_ACKS);
          coord_decide(sim, txn, COMMIT);
        }
      } else if (decided(c.state) && !c.ended) {
        coord_broadcast(sim, txn, true);
      }
      break;
    default: break;
  }
}

void ThreePhaseCommit::coord_on_message(Simulator& sim, const Message& m) {
  const TxnId txn = m.txn;
  CoordTxn& c = coord_[txn];
  const std::uint32_t bit = 1u << m.from;
  const auto adopt = [&](std::uint8_t decision) {
    if (!decided(c.state) && c.state != kUnknown) {
      coord_decide(sim, txn, decision);
    } else if (decided(c.state) && c.state != decision) {
      ++conflicts_;
      sim.note(kCoordinator, txn, N_CONFLICTING_DECISION, m.from);
    }
  };
  switch (m.type) {
    case VOTE_COMMIT:
      if (c.in_doubt) break;
      if (c.state == WAIT) {
        c.voted_commit |= bit;
        if (c.voted_commit == all_parts()) coord_precommit(sim, txn);
      } else if (c.state == PRECOMMIT && !(c.acked & bit)) {
        sim.send(kCoordinator, m.from, MSG_PRECOMMIT, txn);
      } else if (decided(c.state) && !(c.acked & bit)) {
        sim.send(kCoordinator, m.from, decision_msg(c.state), txn);
      } else if (c.state == kUnknown) {
        sim.send(kCoordinator, m.from, GLOBAL_ABORT, txn);  // never started here: presumed abort
      }
      break;
    case VOTE_ABORT:
      if (c.state == WAIT && !c.in_doubt) coord_decide(sim, txn, ABORT);
      break;
    case ACK_PRECOMMIT:
      if (c.state != PRECOMMIT || c.in_doubt) break;
      c.acked |= bit;
      if (c.acked == all_parts()) coord_decide(sim, txn, COMMIT);
      break;
    case ACK:
      if (!decided(c.state)) break;
      c.acked |= bit;
      if (c.acked == all_parts() && !c.ended) {
        c.ended = true;
        sim.cancel_timer(c.timer);
        sim.log_append(kCoordinator, REC_END, txn);
      }
      break;
    case STATE_REQUEST:
      // An operational C answers with what it knows: "still collecting votes" means "I am alive, wait".
      if (c.state == kUnknown)
        sim.send(kCoordinator, m.from, GLOBAL_ABORT, txn);
      else if (decided(c.state))
        sim.send(kCoordinator, m.from, decision_msg(c.state), txn);
      else if (c.in_doubt)
        sim.send(kCoordinator, m.from, STATE_REPLY, txn, PRECOMMIT, 1);
      else if (c.state == PRECOMMIT)
        sim.send(kCoordinator, m.from, MSG_PRECOMMIT, txn);
      else
        sim.send(kCoordinator, m.from, STATE_REPLY, txn, WAIT, 0);
      break;
    case STATE_REPLY:
      if (m.a == COMMIT || m.a == ABORT) {
        adopt(static_cast<std::uint8_t>(m.a));
      } else if (c.in_doubt && m.b == 1) {
        // Total failure: when every participant has recovered and none knows the outcome, nobody
        // can have decided (a decision is logged first), so C may decide. All voted yes: commit.
        c.doubt_replies |= bit;
        if (c.doubt_replies == all_parts()) {
          sim.note(kCoordinator, txn, N_TOTAL_FAILURE_DECISION);
          coord_decide(sim, txn, COMMIT);
        }
      }
      break;
    case GLOBAL_COMMIT:
    case GLOBAL_ABORT:
      adopt(m.type == GLOBAL_COMMIT ? COMMIT : ABORT);  // from a participant elected by the termination protocol
      break;
    default: break;
  }
}

void ThreePhaseCommit::coord_recover(Simulator& sim) {
  for (const LogRecord& r : sim.log(kCoordinator)) {
    CoordTxn& c = coord_[r.txn];
    switch (r.type) {
      case REC_BEGIN: c.state = WAIT; break;
      case REC_PRECOMMIT: c.state = PRECOMMIT; break;
      case REC_COMMIT: c.state = COMMIT; break;
      case REC_ABORT: c.state = ABORT; break;
      case REC_END: c.ended = true; break;
      default: break;
    }
  }
  sim.note(kCoordinator, 0, N_RECOVERED);
  for (TxnId txn = 1; txn < coord_.size(); ++txn) {
    CoordTxn& c = coord_[txn];
    if (c.state == kUnknown || c.ended) continue;
    if (c.state == WAIT) {
      // No PRECOMMIT was logged, so none was sent: no participant can be beyond READY. Abort.
      sim.set_state(kCoordinator, txn, WAIT, WAIT);
      coord_decide(sim, txn, ABORT);
    } else if (c.state == PRECOMMIT) {
      // The survivors may have terminated either way while C was down: learn, do not decide.
      c.in_doubt = true;
      ++in_doubt_recoveries_;
      sim.set_state(kCoordinator, txn, PRECOMMIT, PRECOMMIT);
      sim.note(kCoordinator, txn, N_IN_DOUBT);
      coord_poll(sim, txn);
    } else {
      coord_broadcast(sim, txn, false);
    }
  }
}

}  // namespace cs::tpc3
