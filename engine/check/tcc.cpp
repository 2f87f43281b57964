#include "check/tcc.hpp"

#include <algorithm>
#include <string>

namespace cs {

namespace {
std::string txn_text(TxnId t) { return "transaction " + std::to_string(t); }
}  // namespace

int TccKeys::service_index(NodeId n) const {
  for (std::size_t i = 0; i < services.size(); ++i)
    if (services[i] == n) return static_cast<int>(i);
  return -1;
}

ConfirmXorCancelInvariant::ConfirmXorCancelInvariant(TccKeys k)
    : Invariant("confirm_xor_cancel", "No service both confirms and cancels (or expires) one transaction."),
      k_(std::move(k)) {}

void ConfirmXorCancelInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::LogAppend || k_.service_index(ev.node) < 0) return;
  std::uint8_t bit = 0;
  if (ev.key == k_.rec_confirm) bit = 1;
  if (ev.key == k_.rec_cancel || ev.key == k_.rec_expire || ev.key == k_.rec_empty_cancel) bit = 2;
  if (bit == 0) return;
  std::uint8_t& s = seen_[{ev.node, ev.txn}];
  s |= bit;
  if (s == 3) violate(ev, "a service both confirmed and cancelled " + txn_text(ev.txn));
}

AllOrNothingInvariant::AllOrNothingInvariant(TccKeys k)
    : Invariant("all_or_nothing",
                "No transaction is confirmed at one service and cancelled, expired or rejected at another."),
      k_(std::move(k)) {}

void AllOrNothingInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::State || k_.service_index(ev.node) < 0) return;
  std::uint8_t bit = 0;
  if (ev.key == k_.st_confirmed) bit = 1;
  if (std::find(k_.st_undone.begin(), k_.st_undone.end(), ev.key) != k_.st_undone.end()) bit = 2;
  if (bit == 0) return;
  if (seen_.size() <= ev.txn) seen_.resize(ev.txn + 1 + seen_.size() / 2, 0);
  seen_[ev.txn] |= bit;
  if (seen_[ev.txn] == 3) violate(ev, txn_text(ev.txn) + " is confirmed at one service and undone at another");
}

ConservationInvariant::ConservationInvariant(TccKeys k)
    : Invariant("conservation",
                "At every service, available + frozen + consumed equals the capacity; nothing is released twice."),
      k_(std::move(k)),
      ledgers_(k_.services.size()) {}

void ConservationInvariant::observe(const TraceEvent& ev) {
  const int si = k_.service_index(ev.node);
  if (si < 0) return;
  Ledger& l = ledgers_[static_cast<std::size_t>(si)];
  const std::int64_t cap = k_.capacity[static_cast<std::size_t>(si)];
  if (ev.kind == TraceKind::LogAppend) {
    const auto key = std::make_pair(ev.node, ev.txn);
    if (ev.key == k_.rec_try) {
      if (open_.count(key)) return violate(ev, "funds reserved twice for " + txn_text(ev.txn));
      open_[key] = ev.value;
      l.frozen += ev.value;
    } else if (ev.key == k_.rec_confirm || ev.key == k_.rec_cancel || ev.key == k_.rec_expire) {
      auto it = open_.find(key);
      if (it == open_.end() || it->second < 0)
        return violate(ev, "funds of " + txn_text(ev.txn) + " released without an open reservation (double spend)");
      if (it->second != ev.value) return violate(ev, "released amount differs from the reservation of " + txn_text(ev.txn));
      l.frozen -= ev.value;
      if (ev.key == k_.rec_confirm) l.consumed += ev.value;
      it->second = -1;  // closed
    } else {
      return;
    }
    if (l.frozen < 0 || l.consumed < 0 || l.frozen + l.consumed > cap)
      violate(ev, "the balance of a service went negative");
    return;
  }
  if (ev.kind != TraceKind::Note) return;
  if (ev.key == k_.note_frozen && ev.value != l.frozen)
    violate(ev, "a service reports " + std::to_string(ev.value) + " frozen; its records say " + std::to_string(l.frozen));
  if (ev.key == k_.note_available && ev.value != cap - l.frozen - l.consumed)
    violate(ev, "a service reports " + std::to_string(ev.value) + " available; its records say " +
                    std::to_string(cap - l.frozen - l.consumed));
}

ConfirmOnceInvariant::ConfirmOnceInvariant(TccKeys k)
    : Invariant("confirm_once", "Each service applies a transaction's confirm at most once."), k_(std::move(k)) {}

void ConfirmOnceInvariant::observe(const TraceEvent& ev) {
  if (ev.kind != TraceKind::LogAppend || ev.key != k_.rec_confirm || k_.service_index(ev.node) < 0) return;
  if (++applied_[{ev.node, ev.txn}] > 1) violate(ev, "a service applied the confirm of " + txn_text(ev.txn) + " twice");
}

}  // namespace cs
