// Saga, choreographed: no orchestrator. Services react to events on a broker "BROKER":
// ORDER creates the order and publishes ORDER_CREATED; PAYMENT charges on it and publishes
// PAYMENT_CHARGED (or PAYMENT_FAILED); INVENTORY reserves on that (STOCK_RESERVED / STOCK_UNAVAILABLE);
// SHIPPING ships (SHIPPED / SHIPPING_FAILED); ORDER approves the order on the last success event.
// A failure event makes the previous service compensate and publish its compensation event
// (STOCK_RELEASED, PAYMENT_REFUNDED), so compensations flow backwards to ORDER, which cancels the order.
//
// Delivery is at-least-once: the broker logs every event (EVENT_STORED) and redelivers it every
// `redeliver_ms` until its subscriber acknowledges it (EVENT_ACKED). A service handles an event in one
// local transaction: it records the event id in its idempotency table (PROCESSED), applies the effect
// and records the event it will publish (EVENT_OUT), then acknowledges; it re-publishes until the
// broker acknowledges (EVENT_PUBLISHED). A duplicate (redelivery, network copy) is acknowledged and
// changes nothing. Every message carries the saga id as correlation id (Message::txn); event id =
// saga × 16 + event type (Message::a).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/saga/common.hpp"
#include "sim/diagnostic.hpp"
#include "sim/protocol.hpp"
#include "sim/simulator.hpp"

namespace cs::saga_chor {

enum State : std::uint16_t { NONE, DONE, FAILED, COMPENSATED, COMPLETED, kStateCount };
// Events (used as message types both for publishing to and delivering from the broker), then acks.
enum Msg : std::uint16_t {
  ORDER_CREATED, PAYMENT_CHARGED, STOCK_RESERVED, SHIPPED,
  PAYMENT_FAILED, STOCK_UNAVAILABLE, SHIPPING_FAILED,
  PAYMENT_REFUNDED, STOCK_RELEASED,
  PUBLISH_ACK, DELIVERY_ACK,
  kEventCount = PUBLISH_ACK
};
constexpr std::uint16_t ok_ev(int k) { return static_cast<std::uint16_t>(k); }          // step k succeeded
constexpr std::uint16_t fail_ev(int k) { return static_cast<std::uint16_t>(3 + k); }    // k = 1..3
constexpr std::uint16_t comp_ev(int k) { return static_cast<std::uint16_t>(6 + k); }    // k = 1..2
constexpr std::int64_t event_id(TxnId saga, std::uint16_t ev) { return static_cast<std::int64_t>(saga) * 16 + ev; }

enum Rec : std::uint16_t {
  REC_EVENT_STORED, REC_EVENT_ACKED,                                                  // broker
  REC_PROCESSED, REC_APPLIED, REC_REJECTED, REC_COMPENSATED, REC_ORDER_APPROVED,      // services
  REC_EVENT_OUT, REC_EVENT_PUBLISHED
};
enum TimerKind : std::uint16_t { T_REDELIVER, T_REPUBLISH };
enum Note : std::uint16_t {
  N_CLIENT_RETRY, N_STEP_APPLIED, N_STEP_FAILED, N_STEP_COMPENSATED, N_ORDER_APPROVED, N_DUPLICATE_SUPPRESSED,
  N_DUPLICATE_PUBLISH, N_REDELIVERY, N_REPUBLISH, N_COMPENSATION_FAILED, N_RECOVERED
};

struct Params {
  saga::Workload w;
  Time redeliver = ms(200);
  Time republish = ms(200);
};

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe();

class SagaChoreography final : public Protocol {
 public:
  explicit SagaChoreography(Params p);

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
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<SagaChoreography>(*this); }
  std::vector<Metric> metrics() const override;

  const Params& params() const { return p_; }
  static ProtocolInfo make_info();

 private:
  struct BSaga {  // the broker's volatile view of one saga's events (bit = event type)
    std::uint16_t stored = 0;
    std::uint16_t acked = 0;
  };
  struct SSaga {  // one service's volatile view of one saga
    std::uint8_t state = NONE;
    std::uint8_t comp_failures = 0;
    std::uint16_t processed = 0;  // idempotency table: events consumed
    std::uint16_t out = 0;        // events this service must publish
    std::uint16_t published = 0;  // ... and the broker has acknowledged
  };

  static constexpr NodeId kBroker = 0;
  NodeId node_of(int step) const { return saga::step_node(step); }
  NodeId subscriber(std::uint16_t ev) const;

  void b_on_publish(Simulator& sim, const Message& m);
  void b_deliver(Simulator& sim, TxnId saga, std::uint16_t ev);
  void b_recover(Simulator& sim);

  void s_on_event(Simulator& sim, NodeId node, TxnId saga, std::uint16_t ev);
  void s_publish(Simulator& sim, NodeId node, TxnId saga, std::uint16_t ev);
  void s_set_state(Simulator& sim, NodeId node, TxnId saga, std::uint8_t to);
  void s_recover(Simulator& sim, NodeId node);
  SSaga& sx(NodeId node, TxnId saga) { return svcs_[static_cast<std::size_t>(node - 1)][saga]; }

  void book_end(Simulator& sim, TxnId saga, TxnOutcome outcome);

  Params p_;
  ProtocolInfo info_;
  std::vector<BSaga> broker_;              // index = saga id
  std::vector<std::vector<SSaga>> svcs_;   // [step][saga]
  saga::Ledger ledger_;
  std::vector<std::int8_t> plan_;
  std::int64_t published_ = 0, stored_ = 0, acked_ = 0, deliveries_ = 0, redeliveries_ = 0, republishes_ = 0,
               dup_publishes_ = 0, duplicates_ = 0, undone_ = 0, comp_failures_ = 0;
};

}  // namespace cs::saga_chor
