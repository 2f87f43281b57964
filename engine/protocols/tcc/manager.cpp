// TCC transaction manager: TRY to every service, then CONFIRM or CANCEL, re-sent until acknowledged;
// its log is persisted and it resumes after a crash.
#include "protocols/tcc/tcc.hpp"

#include <algorithm>

namespace cs::tcc {

namespace {
constexpr NodeId kTm = 0;
constexpr std::uint16_t kClientStart = 0;
}  // namespace

void TryConfirmCancel::tm_set_state(Simulator& sim, TxnId txn, std::uint8_t to) {
  TmTxn& t = tm_[txn];
  const std::uint16_t from = t.state == kUnknown ? std::uint16_t{TRYING} : std::uint16_t{t.state};
  t.state = to;
  sim.set_state(kTm, txn, from, to);
}

void TryConfirmCancel::tm_start(Simulator& sim, TxnId txn) {
  // Draw the workload first, whatever happens next, so a crash does not shift later draws.
  const std::int64_t amount =
      p_.amount_max > p_.amount ? sim.workload_rng().between(p_.amount, p_.amount_max) : p_.amount;
  if (!sim.is_up(kTm)) {
    sim.note(kTm, txn, N_CLIENT_RETRY);
    sim.schedule_client(p_.client_retry, kClientStart, txn);
    return;
  }
  if (book_[txn].started < 0) book_[txn].started = sim.now();
  sim.txn_start(kTm, txn);
  TmTxn& t = tm_[txn];
  t = TmTxn{};
  t.amount = amount;
  // BEGIN is durable before any TRY leaves: a TM that crashes from here on cancels on restart.
  sim.log_append(kTm, REC_BEGIN, txn, amount);
  tm_set_state(sim, txn, TRYING);
  for (NodeId s = 1; s < nodes(); ++s) sim.send(kTm, s, TRY, txn, amount);
  t.timer = sim.set_timer(kTm, p_.try_timeout, T_TRY_TIMEOUT, txn);
}

void TryConfirmCancel::tm_decide(Simulator& sim, TxnId txn, std::uint8_t decision) {
  TmTxn& t = tm_[txn];
  sim.cancel_timer(t.timer);
  t.acked = 0;
  // The decision is durable before it is sent, so a restarted TM carries on with the same one.
  sim.log_append(kTm, decision == CONFIRMING ? REC_CONFIRM : REC_CANCEL, txn, t.amount);
  tm_set_state(sim, txn, decision);
  tm_send_decision(sim, txn, false);
}

void TryConfirmCancel::tm_send_decision(Simulator& sim, TxnId txn, bool only_unacked) {
  TmTxn& t = tm_[txn];
  const std::uint16_t msg = t.state == CONFIRMING ? CONFIRM : CANCEL;
  for (NodeId s = 1; s < nodes(); ++s)
    if (!only_unacked || !(t.acked & (1u << s))) sim.send(kTm, s, msg, txn, t.amount);
  t.timer = sim.set_timer(kTm, p_.retry, T_RETRY, txn);
}

void TryConfirmCancel::tm_finish(Simulator& sim, TxnId txn) {
  TmTxn& t = tm_[txn];
  sim.cancel_timer(t.timer);
  t.ended = true;
  const bool confirmed = t.state == CONFIRMING;
  sim.log_append(kTm, REC_END, txn);
  tm_set_state(sim, txn, confirmed ? CONFIRMED : CANCELLED);
  Book& b = book_[txn];
  if (b.ended >= 0) return;
  b.ended = sim.now();
  b.confirmed = confirmed;
  (confirmed ? confirmed_ : cancelled_) += 1;
  const Time latency = b.ended - b.started;
  latency_sum_ += latency;
  latency_max_ = std::max(latency_max_, latency);
  sim.txn_end(txn, confirmed ? TxnOutcome::Committed : TxnOutcome::Aborted);
}

void TryConfirmCancel::tm_on_timer(Simulator& sim, const TimerRec& tr) {
  TmTxn& t = tm_[tr.txn];
  if (tr.kind == T_TRY_TIMEOUT && t.state == TRYING) {
    tm_decide(sim, tr.txn, CANCELLING);  // a TRY or its answer is lost or late: give up
  } else if (tr.kind == T_RETRY && (t.state == CONFIRMING || t.state == CANCELLING) && !t.ended) {
    ++retries_;
    sim.note(kTm, tr.txn, N_RETRY);
    tm_send_decision(sim, tr.txn, true);
  }
}

void TryConfirmCancel::tm_on_message(Simulator& sim, const Message& m) {
  const TxnId txn = m.txn;
  TmTxn& t = tm_[txn];
  const std::uint32_t bit = 1u << m.from;
  switch (m.type) {
    case TRY_OK:
      if (t.state != TRYING) break;  // already cancelling: the CANCEL on its way releases it
      t.ok |= bit;
      if (t.ok == all_services()) tm_decide(sim, txn, CONFIRMING);
      break;
    case TRY_FAILED:
      if (t.state == TRYING) tm_decide(sim, txn, CANCELLING);
      break;
    case CONFIRM_OK:
    case CONFIRM_FAILED:  // the reservation had expired: nothing more the TM can do (reported)
      if (t.state != CONFIRMING || t.ended) break;
      t.acked |= bit;
      if (t.acked == all_services()) tm_finish(sim, txn);
      break;
    case CANCEL_OK:
      if (t.state != CANCELLING || t.ended) break;
      t.acked |= bit;
      if (t.acked == all_services()) tm_finish(sim, txn);
      break;
    default: break;
  }
}

void TryConfirmCancel::tm_recover(Simulator& sim) {
  for (const LogRecord& r : sim.log(kTm)) {
    TmTxn& t = tm_[r.txn];
    switch (r.type) {
      case REC_BEGIN:
        t.state = TRYING;
        t.amount = r.value;
        break;
      case REC_CONFIRM: t.state = CONFIRMING; break;
      case REC_CANCEL: t.state = CANCELLING; break;
      case REC_END:
        t.ended = true;
        t.state = t.state == CONFIRMING ? CONFIRMED : CANCELLED;
        break;
      default: break;
    }
  }
  sim.note(kTm, 0, N_RECOVERED);
  for (TxnId txn = 1; txn < tm_.size(); ++txn) {
    TmTxn& t = tm_[txn];
    if (t.state == kUnknown || t.ended) continue;
    sim.set_state(kTm, txn, t.state, t.state);
    if (t.state == TRYING)
      tm_decide(sim, txn, CANCELLING);  // the TRY answers are lost with the crash: cancel everywhere
    else
      tm_send_decision(sim, txn, false);
  }
}

}  // namespace cs::tcc
