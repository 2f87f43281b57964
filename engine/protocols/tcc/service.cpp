// TCC services: reservations (TRY), confirm, cancel, expiry, empty cancel and anti-hanging, all
// idempotent; the log is the service's database and its balances are rebuilt from it on restart.
#include "protocols/tcc/tcc.hpp"

namespace cs::tcc {

void TryConfirmCancel::svc_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to) {
  SvcTxn& x = svc(node).txns[txn];
  const std::uint16_t from = x.state == kUnknown ? std::uint16_t{TRYING} : std::uint16_t{x.state};
  x.state = to;
  sim.set_state(node, txn, from, to);
}

void TryConfirmCancel::svc_report(Simulator& sim, NodeId node, TxnId txn) {
  // After every change of the balance, for charts and for the conservation invariant. A node that
  // crashed inside this handler reports nothing: its change never reached its database.
  if (!sim.is_up(node)) return;
  sim.note(node, txn, N_FROZEN, svc(node).frozen);
  sim.note(node, txn, N_AVAILABLE, svc(node).available);
}

void TryConfirmCancel::svc_finish_try(Simulator& sim, NodeId node, TxnId txn, NodeId reply_to) {
  Service& s = svc(node);
  SvcTxn& x = s.txns[txn];
  x.timer = 0;
  if (x.state != TRYING) {
    // A CANCEL overtook this TRY while it was being processed: it must not reserve (anti-hanging).
    ++late_tries_;
    sim.note(node, txn, N_LATE_TRY_REFUSED);
    sim.send(node, reply_to, TRY_FAILED, txn);
    return;
  }
  if (s.available < x.amount) {
    sim.log_append(node, REC_REJECT, txn, x.amount);
    ++rejections_;
    sim.note(node, txn, N_TRY_REJECTED, s.available);
    svc_set_state(sim, node, txn, REJECTED);
    sim.send(node, reply_to, TRY_FAILED, txn);
    return;
  }
  sim.log_append(node, REC_TRY, txn, x.amount);
  s.available -= x.amount;
  s.frozen += x.amount;
  ++s.held;
  sim.lock_event(TraceKind::LockAcquire, node, txn, static_cast<std::int64_t>(txn));
  svc_set_state(sim, node, txn, RESERVED);
  svc_report(sim, node, txn);
  x.timer = sim.set_timer(node, p_.reservation, T_EXPIRE, txn);
  sim.send(node, reply_to, TRY_OK, txn);
}

void TryConfirmCancel::svc_release(Simulator& sim, NodeId node, TxnId txn, std::uint16_t rec, std::uint8_t to) {
  Service& s = svc(node);
  SvcTxn& x = s.txns[txn];
  sim.cancel_timer(x.timer);
  x.timer = 0;
  sim.log_append(node, rec, txn, x.amount);
  s.frozen -= x.amount;
  --s.held;
  (rec == REC_CONFIRM ? s.consumed : s.available) += x.amount;
  sim.lock_event(TraceKind::LockRelease, node, txn, static_cast<std::int64_t>(txn));
  svc_set_state(sim, node, txn, to);
  svc_report(sim, node, txn);
}

void TryConfirmCancel::svc_on_message(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  const TxnId txn = m.txn;
  SvcTxn& x = svc(me).txns[txn];
  const auto duplicate = [&] {
    ++duplicates_;
    sim.note(me, txn, N_DUPLICATE);
  };
  switch (m.type) {
    case TRY:
      if (x.state == kUnknown) {
        x.amount = m.a;
        svc_set_state(sim, me, txn, TRYING);
        if (p_.try_ms == 0)
          svc_finish_try(sim, me, txn, m.from);
        else
          x.timer = sim.set_timer(me, p_.try_ms, T_TRY_DONE, txn, m.from);
      } else if (x.state == CANCELLED && x.empty_cancel) {
        // The cancel came first and was recorded: this TRY is late and must not freeze anything.
        ++late_tries_;
        sim.note(me, txn, N_LATE_TRY_REFUSED);
        sim.send(me, m.from, TRY_FAILED, txn);
      } else if (x.state == TRYING) {
        duplicate();  // the answer is coming
      } else {
        duplicate();
        sim.send(me, m.from, (x.state == RESERVED || x.state == CONFIRMED) ? TRY_OK : TRY_FAILED, txn);
      }
      break;
    case CONFIRM:
      if (x.state == RESERVED) {
        svc_release(sim, me, txn, REC_CONFIRM, CONFIRMED);
        sim.send(me, m.from, CONFIRM_OK, txn);
      } else if (x.state == CONFIRMED) {
        duplicate();
        sim.send(me, m.from, CONFIRM_OK, txn);
      } else {
        // Typically EXPIRED: the funds were released, so the confirm cannot be honoured. Reported.
        ++confirms_refused_;
        sim.note(me, txn, N_CONFIRM_REFUSED, x.state == kUnknown ? -1 : x.state);
        sim.send(me, m.from, CONFIRM_FAILED, txn);
      }
      break;
    case CANCEL:
      if (x.state == kUnknown || x.state == TRYING) {
        // Empty cancel: nothing reserved yet. Recorded durably so the TRY, if it ever comes (or
        // finishes), is refused instead of freezing funds nobody will release.
        x.empty_cancel = true;
        ++empty_cancels_;
        sim.log_append(me, REC_EMPTY_CANCEL, txn);
        sim.note(me, txn, N_EMPTY_CANCEL);
        svc_set_state(sim, me, txn, CANCELLED);
        sim.send(me, m.from, CANCEL_OK, txn);
      } else if (x.state == RESERVED) {
        svc_release(sim, me, txn, REC_CANCEL, CANCELLED);
        sim.send(me, m.from, CANCEL_OK, txn);
      } else if (x.state != CONFIRMED) {
        if (x.state == CANCELLED) duplicate();
        sim.send(me, m.from, CANCEL_OK, txn);  // REJECTED or EXPIRED: nothing is frozen
      }
      // CONFIRMED: a TM never cancels what it decided to confirm; nothing to answer.
      break;
    default: break;
  }
}

void TryConfirmCancel::svc_on_timer(Simulator& sim, const TimerRec& t) {
  SvcTxn& x = svc(t.node).txns[t.txn];
  if (t.kind == T_TRY_DONE) {
    svc_finish_try(sim, t.node, t.txn, static_cast<NodeId>(t.value));
  } else if (t.kind == T_EXPIRE && x.state == RESERVED) {
    ++expirations_;
    sim.note(t.node, t.txn, N_EXPIRED, x.amount);
    svc_release(sim, t.node, t.txn, REC_EXPIRE, EXPIRED);
  }
}

void TryConfirmCancel::svc_replay(Simulator& sim, NodeId node, std::vector<Time>* reserved_at) {
  Service& s = svc(node);
  s.available = p_.capacity[static_cast<std::size_t>(node)];
  s.frozen = s.consumed = s.held = 0;
  for (const LogRecord& r : sim.log(node)) {
    SvcTxn& x = s.txns[r.txn];
    switch (r.type) {
      case REC_TRY:
        x.state = RESERVED;
        x.amount = r.value;
        if (reserved_at) (*reserved_at)[r.txn] = r.time;
        s.available -= r.value;
        s.frozen += r.value;
        ++s.held;
        break;
      case REC_REJECT:
        x.state = REJECTED;
        x.amount = r.value;
        break;
      case REC_CONFIRM:
      case REC_CANCEL:
      case REC_EXPIRE:
        x.state = r.type == REC_CONFIRM ? CONFIRMED : r.type == REC_CANCEL ? CANCELLED : EXPIRED;
        s.frozen -= r.value;
        --s.held;
        (r.type == REC_CONFIRM ? s.consumed : s.available) += r.value;
        break;
      case REC_EMPTY_CANCEL:
        x.state = CANCELLED;
        x.empty_cancel = true;
        break;
      default: break;
    }
  }
}

void TryConfirmCancel::svc_recover(Simulator& sim, NodeId node) {
  Service& s = svc(node);
  std::vector<Time> reserved_at(s.txns.size(), 0);
  svc_replay(sim, node, &reserved_at);
  sim.note(node, 0, N_RECOVERED);
  svc_report(sim, node, 0);
  for (TxnId txn = 1; txn < s.txns.size(); ++txn) {
    SvcTxn& x = s.txns[txn];
    if (x.state != RESERVED) continue;
    sim.lock_event(TraceKind::LockAcquire, node, txn, static_cast<std::int64_t>(txn));
    sim.set_state(node, txn, RESERVED, RESERVED);
    // The expiry deadline is durable (the reservation's time is in the log): the clock ran on.
    const Time left = reserved_at[txn] + p_.reservation - sim.now();
    x.timer = sim.set_timer(node, left, T_EXPIRE, txn);
  }
}

}  // namespace cs::tcc
