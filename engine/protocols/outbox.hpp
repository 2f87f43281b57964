// The transactional outbox and its foil, the dual write.
//
// "outbox": ORDER_SVC writes the order row and the outbox row in ONE local transaction (two log
// records appended together: nothing can happen between them). RELAY polls the outbox (POLL /
// OUTBOX_ROWS), publishes each row to BROKER, and after BROKER's PUBLISH_ACK tells ORDER_SVC to mark
// it sent (MARK_SENT → OUTBOX_SENT). A relay that crashes between publishing and marking publishes
// the row again after its restart (at-least-once). BROKER logs every published message (a new offset
// each time, duplicates included) and redelivers it to CONSUMER until acknowledged. CONSUMER keeps an
// idempotency table (PROCESSED, in the same local transaction as the effect) and applies each event
// once. With `consumers` above 1 the order's event fans out to that many downstream services
// (CONSUMER1…CONSUMERn, each subscribed to the topic with its own idempotency table): BROKER delivers
// every offset to each until that one acknowledges it, and an order is done once every consumer has
// applied it. This is how `compare` maps "worker k" onto the outbox (docs/protocols.md).
//
// "dual-write": no outbox and no relay. ORDER_SVC commits the order row, then (a separate step,
// `publish_delay_ms` later) publishes to BROKER itself and re-publishes if no PUBLISH_ACK arrives in
// `publish_timeout_ms`. A crash between the two steps loses the event (nothing durable says it is
// owed); a retry after a lost or slow acknowledgement duplicates it, and the consumer, without an
// idempotency table by default, applies it twice.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/diagnostic.hpp"
#include "protocols/descriptor.hpp"
#include "sim/protocol.hpp"
#include "sim/network_blind.hpp"
#include "sim/rounds.hpp"
#include "sim/simulator.hpp"

namespace cs::outbox {

enum State : std::uint16_t { NONE, COMMITTED, PUBLISHING, PUBLISHED, STORED, DELIVERED, APPLIED, kStateCount };
enum Msg : std::uint16_t { POLL, OUTBOX_ROWS, PUBLISH, PUBLISH_ACK, MARK_SENT, DELIVER, ACK };
enum Rec : std::uint16_t { REC_ORDER, REC_OUTBOX, REC_OUTBOX_SENT, REC_EVENT_STORED, REC_EVENT_ACKED, REC_PROCESSED, REC_APPLIED };
enum TimerKind : std::uint16_t { T_POLL, T_PUBLISH_TIMEOUT, T_REDELIVER, T_PUBLISH_DELAY };
enum Note : std::uint16_t {
  N_CLIENT_RETRY, N_REPUBLISH, N_REDELIVERY, N_DUPLICATE_SUPPRESSED, N_DUPLICATE_EFFECT, N_EVENT_LOST, N_RECOVERED
};

struct Params {
  bool outbox = true;  // false: dual-write
  int orders = 1;
  Time interval = ms(20);
  Time client_retry = ms(100);
  Time poll = ms(50);
  int batch = 10;
  Time publish_timeout = ms(100);
  Time publish_delay = ms(2);
  Time redeliver = ms(200);
  bool idempotent_consumer = true;
  int consumers = 1;  // downstream services that each apply every order's event
};

std::unique_ptr<Protocol> create_outbox(const nlohmann::json& params, Diagnostics& out);
std::unique_ptr<Protocol> create_dual_write(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe_outbox();
const ProtocolDescriptor& describe_dual_write();

class Outbox final : public Protocol, public RoundedProtocol, public NetworkBlindProtocol {
 public:
  explicit Outbox(Params p);
  // With its outbox nothing reads the network; dual write's crash handler does (on_crash: whether a
  // PUBLISH is in flight decides the "event lost" note that exactly_once_effect reads).
  bool network_blind() const override { return p_.outbox; }

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
  std::vector<Metric> metrics() const override;
  bool encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const override;
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<Outbox>(*this); }
  // The most times the broker stored one order's event (its log's EVENT_STORED records): a publish
  // timeout can fire while PUBLISH_ACK is on its way, again and again, and every PUBLISH the broker
  // receives is a new offset (docs/explorer.md, --max-rounds).
  std::int64_t rounds(const Simulator& sim) const override;

  const Params& params() const { return p_; }
  static ProtocolInfo make_info(bool outbox);

  NodeId svc() const { return 0; }
  NodeId relay() const { return p_.outbox ? 1 : kNoNode; }
  NodeId broker() const { return p_.outbox ? 2 : 1; }
  NodeId consumer(int k = 0) const { return (p_.outbox ? 3 : 2) + k; }  // k: 0-based
  int consumer_index(NodeId node) const;  // -1: not a consumer

  // A redelivery timer's value: the offset, and which consumer (0 keeps a single consumer's value).
  static constexpr std::int64_t kConsumerStride = std::int64_t{1} << 32;

 private:
  struct Offset {
    TxnId order = 0;
    std::uint32_t acked = 0;  // bit k: consumer k acknowledged it
  };
  struct Book {
    Time started = -1;
    Time ended = -1;
    std::vector<int> applied;  // times each consumer applied the effect
    bool stored = false;    // the broker holds the event
    bool orphaned = false;  // dual-write: the service crashed before the event was acknowledged
    bool lost_noted = false;
    bool complete() const;  // every consumer applied it
  };

  void set(Simulator& sim, NodeId node, TxnId order, std::uint8_t to);
  void svc_publish(Simulator& sim, TxnId order);  // dual-write
  void relay_on_rows(Simulator& sim, const Message& m);
  void broker_deliver(Simulator& sim, std::size_t offset, int k);
  void broker_on_ack(Simulator& sim, const Message& m, int k);
  void consumer_on_deliver(Simulator& sim, const Message& m, int k);
  void end_order(Simulator& sim, TxnId order);
  std::uint32_t all_consumers() const { return p_.consumers >= 32 ? ~0u : (1u << p_.consumers) - 1; }
  void recover_svc(Simulator& sim);
  void recover_broker(Simulator& sim);
  void recover_consumer(Simulator& sim, int k);

  Params p_;
  ProtocolInfo info_;
  std::vector<std::vector<std::uint8_t>> state_;  // [node][order], volatile
  std::vector<TxnId> unsent_;                     // ORDER_SVC: outbox rows not marked sent, oldest first
  std::vector<TxnId> relay_inflight_;             // RELAY: published, waiting for PUBLISH_ACK
  std::vector<Offset> offsets_;                   // BROKER: every stored message
  std::vector<std::vector<std::uint8_t>> processed_;  // [consumer][order]: idempotency tables
  std::vector<Book> book_;
  std::int64_t committed_ = 0, published_ = 0, stored_ = 0, applied_ = 0, dup_effects_ = 0, dup_suppressed_ = 0,
               republishes_ = 0, redeliveries_ = 0, latency_sum_ = 0, latency_max_ = 0;
};

}  // namespace cs::outbox
