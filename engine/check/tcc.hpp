// Invariants of Try-Confirm/Cancel, checked on every trace event from the durable-log records and
// state changes of the services (the transaction manager's own records are not counted).
#pragma once

#include <memory>

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "check/invariant.hpp"
#include "sim/types.hpp"

namespace cs {

// Which node is a service, which record, state and note keys mean what.
struct TccKeys {
  std::vector<NodeId> services;
  std::vector<std::int64_t> capacity;  // per service, same order as `services`
  // Log records (value = amount where it moves funds).
  std::uint16_t rec_try = 0;      // funds reserved (frozen)
  std::uint16_t rec_confirm = 0;  // reserved funds consumed
  std::uint16_t rec_cancel = 0;   // reserved funds released
  std::uint16_t rec_expire = 0;   // reserved funds released by the service on its own
  std::uint16_t rec_empty_cancel = 0;  // cancel without a reservation (anti-hanging marker)
  // States.
  std::uint16_t st_confirmed = 0;
  std::vector<std::uint16_t> st_undone;  // CANCELLED, EXPIRED, REJECTED: "nothing taken"
  // Notes the services emit after every change of their balance (value = the figure).
  std::uint16_t note_frozen = 0;
  std::uint16_t note_available = 0;

  int service_index(NodeId n) const;
};

// No service both confirms and cancels (or lets expire, or empty-cancels) one transaction.
class ConfirmXorCancelInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<ConfirmXorCancelInvariant>(*this); }
  explicit ConfirmXorCancelInvariant(TccKeys k);
  void observe(const TraceEvent& ev) override;

 private:
  TccKeys k_;
  std::map<std::pair<NodeId, TxnId>, std::uint8_t> seen_;  // bit 0 confirmed, bit 1 cancelled
};

// All or nothing: no transaction has one service CONFIRMED and another CANCELLED, EXPIRED or
// REJECTED. Confirm and cancel are both final, so once broken it stays broken.
class AllOrNothingInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<AllOrNothingInvariant>(*this); }
  explicit AllOrNothingInvariant(TccKeys k);
  void observe(const TraceEvent& ev) override;

 private:
  TccKeys k_;
  std::vector<std::uint8_t> seen_;  // per txn: bit 0 some service confirmed, bit 1 some undone
};

// Conservation (no double spend): per service, available + frozen + consumed == capacity after
// every event, none negative, each reservation released (confirmed, cancelled or expired) exactly
// once and for the amount reserved; the figures the service reports match this ledger.
class ConservationInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<ConservationInvariant>(*this); }
  explicit ConservationInvariant(TccKeys k);
  void observe(const TraceEvent& ev) override;

 private:
  struct Ledger {
    std::int64_t frozen = 0;
    std::int64_t consumed = 0;
  };
  TccKeys k_;
  std::vector<Ledger> ledgers_;
  std::map<std::pair<NodeId, TxnId>, std::int64_t> open_;  // reservation amount
};

// Each service applies a transaction's confirm at most once, whatever is re-sent or duplicated.
class ConfirmOnceInvariant final : public Invariant {
 public:
  std::unique_ptr<Invariant> clone() const override { return std::make_unique<ConfirmOnceInvariant>(*this); }
  explicit ConfirmOnceInvariant(TccKeys k);
  void observe(const TraceEvent& ev) override;

 private:
  TccKeys k_;
  std::map<std::pair<NodeId, TxnId>, int> applied_;
};

}  // namespace cs
