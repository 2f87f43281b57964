// Try-Confirm/Cancel: a transaction manager "TM" and services (ACCOUNT, INVENTORY, ...), each with a
// pool of a resource (funds, stock) of limited capacity.
//
// Per transaction the TM sends TRY to every service; a service that can, freezes the amount (a
// reservation) and answers TRY_OK, otherwise TRY_FAILED. All TRY_OK → the TM logs CONFIRM and sends
// CONFIRM (frozen funds are consumed); any TRY_FAILED or the try timeout → it logs CANCEL and sends
// CANCEL (frozen funds are released). Both are re-sent until acknowledged and are idempotent.
// A reservation expires after `reservation_ms`: the service releases it on its own and refuses a
// later CONFIRM. A CANCEL for a TRY never seen is an "empty cancel": recorded durably, so that the
// late TRY is refused (anti-hanging). Every service's log is its database: balances are rebuilt from
// it after a crash.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/diagnostic.hpp"
#include "protocols/descriptor.hpp"
#include "sim/protocol.hpp"
#include "sim/simulator.hpp"

namespace cs::tcc {

enum State : std::uint16_t {
  TRYING,      // TM: waiting for TRY replies; service: TRY being processed (try_ms), nothing frozen yet
  CONFIRMING,  // TM
  CANCELLING,  // TM
  RESERVED,    // service: the amount is frozen
  REJECTED,    // service: TRY refused (not enough available)
  EXPIRED,     // service: the reservation timed out and was released by the service itself
  CONFIRMED,   // both
  CANCELLED,   // both (service: released, or an empty cancel)
  kStateCount
};
enum Msg : std::uint16_t { TRY, TRY_OK, TRY_FAILED, CONFIRM, CONFIRM_OK, CONFIRM_FAILED, CANCEL, CANCEL_OK };
enum Rec : std::uint16_t { REC_BEGIN, REC_TRY, REC_REJECT, REC_CONFIRM, REC_CANCEL, REC_EMPTY_CANCEL, REC_EXPIRE, REC_END };
enum TimerKind : std::uint16_t { T_TRY_TIMEOUT, T_RETRY, T_TRY_DONE, T_EXPIRE };
enum Note : std::uint16_t {
  N_FROZEN,
  N_AVAILABLE,
  N_EXPIRED,
  N_EMPTY_CANCEL,
  N_LATE_TRY_REFUSED,
  N_CONFIRM_REFUSED,
  N_DUPLICATE,
  N_TRY_REJECTED,
  N_RETRY,
  N_CLIENT_RETRY,
  N_RECOVERED,
};

struct Params {
  int services = 2;
  int transactions = 1;
  Time interval = ms(10);
  std::int64_t amount = 100;      // per transaction and service (amount_max > amount: drawn uniformly)
  std::int64_t amount_max = 100;
  std::vector<std::int64_t> capacity;  // index = service number (1-based)
  Time try_ms = 0;                 // a service's local work on TRY (state TRYING)
  Time try_timeout = ms(300);      // TM waiting for TRY replies
  Time retry = ms(200);            // TM re-sends CONFIRM/CANCEL to those that have not acknowledged
  Time reservation = ms(5000);     // a reservation expires this long after it was made
  Time client_retry = ms(100);
};

// Service node names, in order ("ACCOUNT", "INVENTORY", ...).
std::vector<std::string> service_names(int count);
std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe();

class TryConfirmCancel final : public Protocol {
 public:
  explicit TryConfirmCancel(Params p);

  const ProtocolInfo& info() const override { return info_; }
  std::vector<NodeSpec> node_specs() const override;
  void start(Simulator& sim) override;
  void on_message(Simulator& sim, const Message& msg) override;
  void on_timer(Simulator& sim, const TimerRec& timer) override;
  void on_client(Simulator& sim, std::uint16_t kind, TxnId txn, std::int64_t value) override;
  void on_crash(Simulator& sim, NodeId node) override;
  void on_restart(Simulator& sim, NodeId node) override;
  NodeView live_view(NodeId node) const override;
  std::vector<TxnView> transactions() const override;
  std::vector<std::unique_ptr<Invariant>> make_invariants() const override;
  // Every node's state is plain values: a copy is the whole protocol (snapshots for scrubbing, the explorer).
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<TryConfirmCancel>(*this); }
  std::vector<Metric> metrics() const override;

  const Params& params() const { return p_; }
  static ProtocolInfo make_info();

 private:
  static constexpr std::uint8_t kUnknown = 0xFF;

  struct TmTxn {
    std::uint8_t state = kUnknown;
    std::int64_t amount = 0;
    std::uint32_t ok = 0;     // TRY_OK received (bit = node id)
    std::uint32_t acked = 0;  // CONFIRM_OK / CONFIRM_FAILED / CANCEL_OK received
    std::uint32_t timer = 0;
    bool ended = false;
  };
  struct SvcTxn {
    std::uint8_t state = kUnknown;
    bool empty_cancel = false;  // cancelled before any TRY: a late TRY is refused
    std::int64_t amount = 0;
    std::uint32_t timer = 0;  // try work or expiry
  };
  struct Service {
    std::vector<SvcTxn> txns;  // index = txn id
    // The service's database, rebuilt from its log on restart.
    std::int64_t available = 0;
    std::int64_t frozen = 0;
    std::int64_t consumed = 0;
    std::int64_t held = 0;  // reservations currently RESERVED
  };
  struct Book {
    Time started = -1;
    Time ended = -1;
    bool confirmed = false;
  };

  int nodes() const { return p_.services + 1; }
  std::uint32_t all_services() const { return ((1u << p_.services) - 1u) << 1; }

  // Transaction manager (manager.cpp).
  void tm_start(Simulator& sim, TxnId txn);
  void tm_on_message(Simulator& sim, const Message& m);
  void tm_on_timer(Simulator& sim, const TimerRec& t);
  void tm_decide(Simulator& sim, TxnId txn, std::uint8_t decision);
  void tm_send_decision(Simulator& sim, TxnId txn, bool only_unacked);
  void tm_finish(Simulator& sim, TxnId txn);
  void tm_recover(Simulator& sim);
  void tm_set_state(Simulator& sim, TxnId txn, std::uint8_t to);

  // Services (service.cpp).
  void svc_on_message(Simulator& sim, const Message& m);
  void svc_on_timer(Simulator& sim, const TimerRec& t);
  void svc_finish_try(Simulator& sim, NodeId node, TxnId txn, NodeId reply_to);
  void svc_release(Simulator& sim, NodeId node, TxnId txn, std::uint16_t rec, std::uint8_t to);
  void svc_report(Simulator& sim, NodeId node, TxnId txn);
  void svc_recover(Simulator& sim, NodeId node);
  // Rebuilds the transaction states and balances from the log (times of open reservations too).
  void svc_replay(Simulator& sim, NodeId node, std::vector<Time>* reserved_at);
  void svc_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to);
  Service& svc(NodeId node) { return svcs_[static_cast<std::size_t>(node - 1)]; }
  const Service& svc(NodeId node) const { return svcs_[static_cast<std::size_t>(node - 1)]; }

  Params p_;
  ProtocolInfo info_;
  std::vector<TmTxn> tm_;
  std::vector<Service> svcs_;
  std::vector<Book> book_;

  // Measurements for metrics(); never consulted by decisions, and kept across crashes.
  std::int64_t confirmed_ = 0;
  std::int64_t cancelled_ = 0;
  std::int64_t expirations_ = 0;
  std::int64_t empty_cancels_ = 0;
  std::int64_t late_tries_ = 0;
  std::int64_t confirms_refused_ = 0;
  std::int64_t duplicates_ = 0;
  std::int64_t rejections_ = 0;
  std::int64_t retries_ = 0;
  std::int64_t latency_sum_ = 0;
  std::int64_t latency_max_ = 0;
};

}  // namespace cs::tcc
