#include "protocols/outbox.hpp"

#include <algorithm>
#include <string>

#include "check/saga.hpp"
#include "protocols/params.hpp"

namespace cs::outbox {

namespace {
constexpr std::uint16_t kClientStart = 0;

void erase(std::vector<TxnId>& v, TxnId t) { v.erase(std::remove(v.begin(), v.end(), t), v.end()); }

constexpr RoleSpec kOutboxRoles[] = {
    {.key = "order_service", .naming = "ORDER_SVC", .coordinates = true,
     .help = "commits the order and its outbox row in one local transaction"},
    {.key = "relay", .naming = "RELAY", .help = "polls the outbox and publishes what it finds, at least once"},
    {.key = "broker", .naming = "BROKER", .help = "stores events and redelivers until acknowledged"},
    {.key = "consumer", .naming = "CONSUMER, or CONSUMER1…CONSUMERn", .count = "consumers", .worker = true,
     .help = "a downstream service: applies each event's effect"},
};
constexpr RoleSpec kDualWriteRoles[] = {
    {.key = "order_service", .naming = "ORDER_SVC", .coordinates = true,
     .help = "commits the order, then publishes the event itself (two writes, no transaction spans both)"},
    {.key = "broker", .naming = "BROKER", .help = "stores events and redelivers until acknowledged"},
    {.key = "consumer", .naming = "CONSUMER, or CONSUMER1…CONSUMERn", .count = "consumers", .worker = true,
     .help = "a downstream service: applies each event's effect"},
};
constexpr StateSpec kStates[] = {{"NONE", StateClass::Initial},      {"COMMITTED", StateClass::Committed},
                                 {"PUBLISHING", StateClass::Working}, {"PUBLISHED", StateClass::Done},
                                 {"STORED", StateClass::Done},        {"DELIVERED", StateClass::Done},
                                 {"APPLIED", StateClass::Done}};
constexpr MessageSpec kMessages[] = {
    {"POLL", MessageFamily::Request},     {"OUTBOX_ROWS", MessageFamily::Success}, {"PUBLISH", MessageFamily::Event},
    {"PUBLISH_ACK", MessageFamily::Ack},  {"MARK_SENT", MessageFamily::Request},   {"DELIVER", MessageFamily::Event},
    {"ACK", MessageFamily::Ack}};
constexpr std::string_view kLogRecords[] = {"ORDER", "OUTBOX", "OUTBOX_SENT", "EVENT_STORED", "EVENT_ACKED", "PROCESSED", "APPLIED"};
constexpr std::string_view kTimers[] = {"poll", "publish_timeout", "redeliver", "publish_delay"};
constexpr std::string_view kNotes[] = {"client_retry", "republish", "redelivery", "duplicate_suppressed",
                                       "duplicate_effect", "event_lost", "recovered"};
constexpr MetricSpec kMetrics[] = {
    {.key = "orders_committed", .sense = MetricSense::Good},
    {.key = "events_published"},
    {.key = "events_stored"},
    {.key = "effects_applied", .sense = MetricSense::Good, .shown_by_default = true},
    {.key = "lost_events", .sense = MetricSense::Bad, .shown_by_default = true},
    {.key = "duplicate_effects", .sense = MetricSense::Anomaly, .shown_by_default = true},
    {.key = "duplicates_suppressed"},
    {.key = "pending_events", .level = true},
    {.key = "outbox_unsent", .level = true},
    {.key = "republishes"},
    {.key = "redeliveries"},
    {.key = "latency_avg_us", .unit = MetricUnit::Micros},
    {.key = "latency_max_us", .unit = MetricUnit::Micros},
};
constexpr InvariantSpec kInvariants[] = {
    {"exactly_once_effect", "Every effect is applied exactly once: duplicates change nothing and no event is lost."},
    {"effect_after_commit", "An event's effect is applied only for a transaction its source committed."},
};
constexpr ParamSpec kOrders{.key = "orders", .kind = ParamKind::Integer, .def = 1, .lo = 1, .hi = 100'000,
                            .help = "orders the client places", .starter = true, .starter_json = "5"};
constexpr ParamSpec kInterval{.key = "interval_ms", .kind = ParamKind::DurationMs, .def = 20, .lo = 0, .hi = 3'600'000,
                              .unit = "ms", .help = "between orders"};
constexpr ParamSpec kClientRetry{.key = "client_retry_ms", .kind = ParamKind::DurationMs, .def = 100, .lo = 1,
                                 .hi = 3'600'000, .unit = "ms", .help = "client retry while ORDER_SVC is down"};
constexpr ParamSpec kPublishTimeout{.key = "publish_timeout_ms", .kind = ParamKind::DurationMs, .def = 100, .lo = 1,
                                    .hi = 3'600'000, .unit = "ms", .help = "re-publish without PUBLISH_ACK"};
constexpr ParamSpec kRedeliver{.key = "redeliver_ms", .kind = ParamKind::DurationMs, .def = 200, .lo = 1,
                               .hi = 3'600'000, .unit = "ms", .help = "broker redelivery period"};
// 32 bits of acknowledgements per offset; eight downstream services are plenty for a lesson.
constexpr ParamSpec kConsumers{.key = "consumers", .kind = ParamKind::Integer, .def = 1, .lo = 1, .hi = 8,
                               .unit = "nodes",
                               .help = "downstream services that each receive and apply every order's event (CONSUMER, "
                                       "or CONSUMER1…CONSUMERn); an order is done when all of them applied it"};
constexpr ParamSpec kOutboxParams[] = {
    kOrders, kInterval, kClientRetry,
    {.key = "poll_ms", .kind = ParamKind::DurationMs, .def = 50, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "relay polling period", .starter = true},
    {.key = "batch", .kind = ParamKind::Integer, .def = 10, .lo = 1, .hi = 10'000, .help = "rows per poll"},
    kPublishTimeout, kRedeliver,
    {.key = "idempotent_consumer", .kind = ParamKind::Boolean, .def = 1, .lo = 0, .hi = 1,
     .help = "the consumer keeps a table of processed events and skips duplicates"},
    kConsumers,
};
constexpr ParamSpec kDualWriteParams[] = {
    kOrders, kInterval, kClientRetry,
    {.key = "publish_delay_ms", .kind = ParamKind::DurationMs, .def = 2, .lo = 0, .hi = 3'600'000, .unit = "ms",
     .help = "time between the commit and the publish (a crash there loses the event)"},
    {.key = "publish_timeout_ms", .kind = ParamKind::DurationMs, .def = 100, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "re-publish without PUBLISH_ACK", .starter = true},
    kRedeliver,
    {.key = "idempotent_consumer", .kind = ParamKind::Boolean, .def = 0, .lo = 0, .hi = 1,
     .help = "the consumer keeps a table of processed events and skips duplicates"},
    kConsumers,
};
constexpr VariantSpec kVariants[] = {
    {.id = "idempotent=off", .label = "Without an idempotent consumer", .tag = "not idempotent", .key = "idempotent_consumer",
     .value = "false", .when_key = "idempotent_consumer", .when_value = "true"},
    {.id = "idempotent=on", .label = "With an idempotent consumer", .tag = "idempotent", .key = "idempotent_consumer",
     .value = "true", .when_key = "idempotent_consumer", .when_value = "false"},
};
constexpr ProtocolDescriptor kOutbox{
    .name = "outbox",
    .title = "Transactional outbox",
    .summary = "Transactional outbox: ORDER_SVC writes row + outbox row atomically; RELAY publishes; CONSUMER deduplicates",
    .roles = kOutboxRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = kInvariants, .params = kOutboxParams, .variants = kVariants,
    .workload = {.transactions = "orders", .interval = "interval_ms"}};
constexpr ProtocolDescriptor kDualWrite{
    .name = "dual-write",
    .title = "Dual write",
    .summary = "Dual write: ORDER_SVC commits, then publishes to BROKER itself; events get lost or duplicated",
    .roles = kDualWriteRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = kInvariants, .params = kDualWriteParams, .variants = kVariants,
    .workload = {.transactions = "orders", .interval = "interval_ms"}};

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out, bool outbox) {
  ParamReader r(params, out, (outbox ? kOutbox : kDualWrite).params);
  Params p;
  p.outbox = outbox;
  p.orders = static_cast<int>(r.integer("orders"));
  p.interval = r.duration("interval_ms");
  p.client_retry = r.duration("client_retry_ms");
  if (outbox) {
    p.poll = r.duration("poll_ms");
    p.batch = static_cast<int>(r.integer("batch"));
  } else {
    p.publish_delay = r.duration("publish_delay_ms");
  }
  p.publish_timeout = r.duration("publish_timeout_ms");
  p.redeliver = r.duration("redeliver_ms");
  p.idempotent_consumer = r.boolean("idempotent_consumer");
  p.consumers = static_cast<int>(r.integer("consumers"));
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<Outbox>(std::move(p));
}
}  // namespace

std::unique_ptr<Protocol> create_outbox(const nlohmann::json& params, Diagnostics& out) {
  return create(params, out, true);
}
std::unique_ptr<Protocol> create_dual_write(const nlohmann::json& params, Diagnostics& out) {
  return create(params, out, false);
}
const ProtocolDescriptor& describe_outbox() { return kOutbox; }
const ProtocolDescriptor& describe_dual_write() { return kDualWrite; }

ProtocolInfo Outbox::make_info(bool outbox) {
  ProtocolInfo i = make_protocol_info(outbox ? kOutbox : kDualWrite);
  i.roles.push_back(RoleMachine{"order_service",
                                {NONE, COMMITTED, PUBLISHED},
                                {{NONE, COMMITTED, outbox ? "order/ORDER+OUTBOX" : "order/ORDER"},
                                 {COMMITTED, PUBLISHED, outbox ? "MARK_SENT" : "PUBLISH_ACK"}}});
  if (outbox)
    i.roles.push_back(RoleMachine{"relay",
                                  {NONE, PUBLISHING, PUBLISHED},
                                  {{NONE, PUBLISHING, "OUTBOX_ROWS/PUBLISH"}, {PUBLISHING, PUBLISHED, "PUBLISH_ACK/MARK_SENT"}}});
  i.roles.push_back(RoleMachine{"broker", {NONE, STORED, DELIVERED}, {{NONE, STORED, "PUBLISH/DELIVER"}, {STORED, DELIVERED, "ACK"}}});
  i.roles.push_back(RoleMachine{"consumer", {NONE, APPLIED}, {{NONE, APPLIED, "DELIVER/ACK"}}});
  return i;
}

Outbox::Outbox(Params p) : p_(std::move(p)), info_(make_info(p_.outbox)) {
  const auto n = static_cast<std::size_t>(p_.orders) + 1;
  const auto consumers = static_cast<std::size_t>(p_.consumers);
  state_.assign(static_cast<std::size_t>(consumer()) + consumers, std::vector<std::uint8_t>(n, NONE));
  processed_.assign(consumers, std::vector<std::uint8_t>(n, 0));
  Book fresh;
  fresh.applied.assign(consumers, 0);
  book_.assign(n, fresh);
}

bool Outbox::Book::complete() const {
  return std::all_of(applied.begin(), applied.end(), [](int a) { return a > 0; });
}

int Outbox::consumer_index(NodeId node) const {
  const int k = node - consumer();
  return k >= 0 && k < p_.consumers ? k : -1;
}

std::vector<NodeSpec> Outbox::node_specs() const {
  std::vector<NodeSpec> out{{"ORDER_SVC", "order_service"}};
  if (p_.outbox) out.push_back({"RELAY", "relay"});
  out.push_back({"BROKER", "broker"});
  for (int k = 1; k <= p_.consumers; ++k)
    out.push_back({p_.consumers == 1 ? std::string("CONSUMER") : "CONSUMER" + std::to_string(k), "consumer"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> Outbox::make_invariants() const {
  std::vector<std::unique_ptr<Invariant>> out;
  // Per node: each consumer applies each order's effect exactly once.
  out.push_back(std::make_unique<ExactlyOnceEffectInvariant>(std::vector<std::uint16_t>{REC_APPLIED}, N_EVENT_LOST));
  // Only consumers log APPLIED: with several, any node but the service is a sink.
  out.push_back(std::make_unique<EffectAfterCommitInvariant>(svc(), REC_ORDER, p_.consumers == 1 ? consumer() : kNoNode,
                                                             REC_APPLIED));
  return out;
}

void Outbox::set(Simulator& sim, NodeId node, TxnId order, std::uint8_t to) {
  std::uint8_t& s = state_[static_cast<std::size_t>(node)][order];
  if (s == to) return;
  const std::uint16_t from = s;
  s = to;
  sim.set_state(node, order, from, to);
}

// ---------------------------------------------------------------------------------------------
// Workload and dispatch

void Outbox::start(Simulator& sim) {
  sim.schedule_client(0, kClientStart, 1, 1);
  if (p_.outbox) sim.set_timer(relay(), p_.poll, T_POLL, 0);
}

void Outbox::on_client(Simulator& sim, std::uint16_t, TxnId order, std::int64_t arrival) {
  if (arrival == 1 && order < static_cast<TxnId>(p_.orders)) sim.schedule_client(p_.interval, kClientStart, order + 1, 1);
  if (!sim.is_up(svc())) {
    sim.note(svc(), order, N_CLIENT_RETRY);
    sim.schedule_client(p_.client_retry, kClientStart, order, 0);
    return;
  }
  Book& b = book_[order];
  b.started = sim.now();
  ++committed_;
  sim.txn_start(svc(), order);
  sim.log_append(svc(), REC_ORDER, order);
  if (p_.outbox) {
    // The same local transaction: the event is owed as soon as the order exists.
    sim.log_append(svc(), REC_OUTBOX, order, order);
    unsent_.push_back(order);
    set(sim, svc(), order, COMMITTED);
    return;
  }
  set(sim, svc(), order, COMMITTED);
  // Dual write: the publish is a second, separate step; only memory remembers that it is owed.
  if (p_.publish_delay == 0)
    svc_publish(sim, order);
  else
    sim.set_timer(svc(), p_.publish_delay, T_PUBLISH_DELAY, order);
}

void Outbox::on_message(Simulator& sim, const Message& m) {
  if (m.txn > static_cast<TxnId>(p_.orders)) return;
  const NodeId to = m.to;
  if (to == svc()) {
    if (m.type == POLL) {
      if (unsent_.empty()) return;
      const std::size_t n = std::min(unsent_.size(), static_cast<std::size_t>(p_.batch));
      std::vector<std::int64_t> rows(unsent_.begin(), unsent_.begin() + static_cast<std::ptrdiff_t>(n));
      sim.send(svc(), m.from, OUTBOX_ROWS, 0, static_cast<std::int64_t>(n), 0, std::move(rows));
    } else if (m.type == MARK_SENT && state_[0][m.txn] == COMMITTED && p_.outbox) {
      sim.log_append(svc(), REC_OUTBOX_SENT, m.txn);
      erase(unsent_, m.txn);
      set(sim, svc(), m.txn, PUBLISHED);
    } else if (m.type == PUBLISH_ACK && !p_.outbox && state_[0][m.txn] == COMMITTED) {
      set(sim, svc(), m.txn, PUBLISHED);
    }
  } else if (to == relay()) {
    if (m.type == OUTBOX_ROWS) {
      relay_on_rows(sim, m);
    } else if (m.type == PUBLISH_ACK && state_[1][m.txn] == PUBLISHING) {
      erase(relay_inflight_, m.txn);
      set(sim, relay(), m.txn, PUBLISHED);
      sim.send(relay(), svc(), MARK_SENT, m.txn);
    }
  } else if (to == broker()) {
    if (m.type == PUBLISH) {
      // Every publish is a new message (offset): the broker does not deduplicate.
      const auto offset = static_cast<std::int64_t>(offsets_.size());
      sim.log_append(broker(), REC_EVENT_STORED, m.txn, offset);
      if (!sim.is_up(broker())) return;
      offsets_.push_back(Offset{m.txn, 0});
      ++stored_;
      book_[m.txn].stored = true;
      set(sim, broker(), m.txn, STORED);
      sim.send(broker(), m.from, PUBLISH_ACK, m.txn, m.a);
      for (int k = 0; k < p_.consumers; ++k) broker_deliver(sim, static_cast<std::size_t>(offset), k);
    } else if (m.type == ACK && consumer_index(m.from) >= 0) {
      broker_on_ack(sim, m, consumer_index(m.from));
    }
  } else if (consumer_index(to) >= 0 && m.type == DELIVER) {
    consumer_on_deliver(sim, m, consumer_index(to));
  }
}

void Outbox::on_timer(Simulator& sim, const TimerRec& t) {
  switch (t.kind) {
    case T_POLL:
      // Poll only when idle: rows still waiting for PUBLISH_ACK are the publish timeout's business.
      if (relay_inflight_.empty()) sim.send(relay(), svc(), POLL, 0);
      sim.set_timer(relay(), p_.poll, T_POLL, 0);
      break;
    case T_PUBLISH_TIMEOUT:
      if (t.node == relay() && state_[1][t.txn] == PUBLISHING) {
        ++republishes_;
        ++published_;
        sim.note(relay(), t.txn, N_REPUBLISH);
        sim.send(relay(), broker(), PUBLISH, t.txn, t.txn);
        sim.set_timer(relay(), p_.publish_timeout, T_PUBLISH_TIMEOUT, t.txn);
      } else if (t.node == svc() && state_[0][t.txn] == COMMITTED) {
        ++republishes_;
        sim.note(svc(), t.txn, N_REPUBLISH);
        svc_publish(sim, t.txn);
      }
      break;
    case T_REDELIVER: {
      const auto offset = static_cast<std::size_t>(t.value % kConsumerStride);
      const auto k = static_cast<int>(t.value / kConsumerStride);
      if (offset < offsets_.size() && !(offsets_[offset].acked & (1u << k))) {
        ++redeliveries_;
        sim.note(broker(), t.txn, N_REDELIVERY, static_cast<std::int64_t>(offset));
        broker_deliver(sim, offset, k);
      }
      break;
    }
    case T_PUBLISH_DELAY:
      if (state_[0][t.txn] == COMMITTED) svc_publish(sim, t.txn);
      break;
    default: break;
  }
}

// ---------------------------------------------------------------------------------------------
// Roles

void Outbox::svc_publish(Simulator& sim, TxnId order) {
  ++published_;
  sim.send(svc(), broker(), PUBLISH, order, order);
  sim.set_timer(svc(), p_.publish_timeout, T_PUBLISH_TIMEOUT, order);
}

void Outbox::relay_on_rows(Simulator& sim, const Message& m) {
  for (const std::int64_t row : m.extra) {
    const auto order = static_cast<TxnId>(row);
    if (order == 0 || order > static_cast<TxnId>(p_.orders)) continue;
    const std::uint8_t st = state_[1][order];
    if (st == PUBLISHING) continue;
    if (st == PUBLISHED) {
      sim.send(relay(), svc(), MARK_SENT, order);  // published already; only the mark was lost
      continue;
    }
    relay_inflight_.push_back(order);
    set(sim, relay(), order, PUBLISHING);
    ++published_;
    sim.send(relay(), broker(), PUBLISH, order, order);
    sim.set_timer(relay(), p_.publish_timeout, T_PUBLISH_TIMEOUT, order);
  }
}

void Outbox::broker_deliver(Simulator& sim, std::size_t offset, int k) {
  const Offset& o = offsets_[offset];
  const auto at = static_cast<std::int64_t>(offset);
  sim.send(broker(), consumer(k), DELIVER, o.order, o.order, at);
  sim.set_timer(broker(), p_.redeliver, T_REDELIVER, o.order, at + k * kConsumerStride);
}

// The log value says which consumer acknowledged (offset, plus k strides), so a restarted broker
// redelivers only to those that have not.
void Outbox::broker_on_ack(Simulator& sim, const Message& m, int k) {
  if (m.b < 0 || static_cast<std::size_t>(m.b) >= offsets_.size()) return;
  Offset& o = offsets_[static_cast<std::size_t>(m.b)];
  if (o.acked & (1u << k)) return;
  sim.log_append(broker(), REC_EVENT_ACKED, m.txn, m.b + k * kConsumerStride);
  o.acked |= 1u << k;
  if (o.acked == all_consumers()) set(sim, broker(), m.txn, DELIVERED);
}

void Outbox::end_order(Simulator& sim, TxnId order) {
  Book& b = book_[order];
  ++applied_;
  b.ended = sim.now();
  latency_sum_ += b.ended - b.started;
  latency_max_ = std::max<std::int64_t>(latency_max_, b.ended - b.started);
  sim.txn_end(order, TxnOutcome::Committed);
}

void Outbox::consumer_on_deliver(Simulator& sim, const Message& m, int k) {
  const TxnId order = m.txn;
  const NodeId c = consumer(k);
  auto& processed = processed_[static_cast<std::size_t>(k)];
  if (p_.idempotent_consumer && processed[order]) {
    ++dup_suppressed_;
    sim.note(c, order, N_DUPLICATE_SUPPRESSED, m.b);
    sim.send(c, broker(), ACK, order, m.a, m.b);
    return;
  }
  // One local transaction: the idempotency row (if kept) and the effect.
  if (p_.idempotent_consumer) sim.log_append(c, REC_PROCESSED, order, m.a);
  sim.log_append(c, REC_APPLIED, order);
  if (!sim.is_up(c)) return;
  processed[order] = 1;
  Book& b = book_[order];
  int& mine = b.applied[static_cast<std::size_t>(k)];
  ++mine;
  if (mine > 1) {
    ++dup_effects_;
    sim.note(c, order, N_DUPLICATE_EFFECT, mine);
  } else if (b.complete()) {
    end_order(sim, order);  // the last consumer to apply it
  }
  set(sim, c, order, APPLIED);
  sim.send(c, broker(), ACK, order, m.a, m.b);
}

// ---------------------------------------------------------------------------------------------
// Crash and recovery

void Outbox::on_crash(Simulator& sim, NodeId node) {
  auto& st = state_[static_cast<std::size_t>(node)];
  if (node == svc() && !p_.outbox) {
    // Without an outbox nothing durable says an event is owed: every unacknowledged one is orphaned,
    // and one that was never even sent is certainly lost.
    for (TxnId order = 1; order < st.size(); ++order) {
      if (st[order] != COMMITTED) continue;
      Book& b = book_[order];
      b.orphaned = true;
      bool sent = false;
      for (std::uint32_t id : sim.in_flight()) {
        const Message& msg = sim.message(id);
        if (msg.type == PUBLISH && msg.txn == order) sent = true;
      }
      if (!b.stored && !sent && !b.lost_noted) {
        b.lost_noted = true;
        sim.note(svc(), order, N_EVENT_LOST);
      }
    }
  }
  std::fill(st.begin(), st.end(), std::uint8_t{NONE});
  if (node == svc()) unsent_.clear();
  if (node == relay()) relay_inflight_.clear();
  if (node == broker()) offsets_.clear();
  if (const int k = consumer_index(node); k >= 0) {
    auto& processed = processed_[static_cast<std::size_t>(k)];
    std::fill(processed.begin(), processed.end(), std::uint8_t{0});
  }
}

void Outbox::on_restart(Simulator& sim, NodeId node) {
  if (node == svc()) recover_svc(sim);
  if (node == relay()) {
    sim.note(node, 0, N_RECOVERED);
    sim.set_timer(relay(), p_.poll, T_POLL, 0);  // stateless: the outbox tells it what is owed
  }
  if (node == broker()) recover_broker(sim);
  if (const int k = consumer_index(node); k >= 0) recover_consumer(sim, k);
}

void Outbox::recover_svc(Simulator& sim) {
  auto& st = state_[0];
  for (const LogRecord& r : sim.log(svc())) {
    // Dual write: the row says nothing about the event, so the order just stays COMMITTED; nobody
    // will publish it again.
    if (r.type == REC_ORDER) st[r.txn] = COMMITTED;
    if (r.type == REC_OUTBOX) unsent_.push_back(r.txn);
    if (r.type == REC_OUTBOX_SENT) {
      st[r.txn] = PUBLISHED;
      erase(unsent_, r.txn);
    }
  }
  sim.note(svc(), 0, N_RECOVERED);
}

void Outbox::recover_broker(Simulator& sim) {
  for (const LogRecord& r : sim.log(broker())) {
    if (r.type == REC_EVENT_STORED) {
      offsets_.push_back(Offset{r.txn, 0});
      state_[static_cast<std::size_t>(broker())][r.txn] = STORED;
    }
    if (r.type == REC_EVENT_ACKED) {
      Offset& o = offsets_[static_cast<std::size_t>(r.value % kConsumerStride)];
      o.acked |= 1u << static_cast<int>(r.value / kConsumerStride);
      if (o.acked == all_consumers()) state_[static_cast<std::size_t>(broker())][r.txn] = DELIVERED;
    }
  }
  sim.note(broker(), 0, N_RECOVERED);
  for (std::size_t i = 0; i < offsets_.size(); ++i)
    for (int k = 0; k < p_.consumers; ++k)
      if (!(offsets_[i].acked & (1u << k))) {
        ++redeliveries_;
        sim.note(broker(), offsets_[i].order, N_REDELIVERY, static_cast<std::int64_t>(i));
        broker_deliver(sim, i, k);
      }
}

void Outbox::recover_consumer(Simulator& sim, int k) {
  const NodeId c = consumer(k);
  auto& processed = processed_[static_cast<std::size_t>(k)];
  for (const LogRecord& r : sim.log(c)) {
    if (r.type == REC_PROCESSED) processed[r.txn] = 1;
    if (r.type == REC_APPLIED) {
      state_[static_cast<std::size_t>(c)][r.txn] = APPLIED;
      if (!p_.idempotent_consumer) processed[r.txn] = 1;
    }
  }
  sim.note(c, 0, N_RECOVERED);
}

// ---------------------------------------------------------------------------------------------
// Views

NodeView Outbox::live_view(NodeId node) const {
  NodeView v;
  v.state = NONE;
  // The oldest order still in flight at this node, else the latest it handled.
  const std::uint8_t busy = node == svc() ? COMMITTED : node == relay() ? PUBLISHING : node == broker() ? STORED : 0xFF;
  const auto& st = state_[static_cast<std::size_t>(node)];
  for (TxnId t = 1; t < st.size(); ++t) {
    if (st[t] == NONE) continue;
    v.state = st[t];
    v.txn = t;
    if (st[t] == busy) break;
  }
  return v;
}

std::vector<TxnView> Outbox::transactions() const {
  std::vector<TxnView> out;
  out.reserve(book_.size());
  for (TxnId t = 1; t < book_.size(); ++t) {
    const Book& b = book_[t];
    TxnView v{t, TxnOutcome::Pending, b.started, b.ended};
    if (b.complete())
      v.outcome = TxnOutcome::Committed;
    else if (b.started >= 0)
      v.outcome = TxnOutcome::InProgress;
    out.push_back(v);
  }
  return out;
}

std::vector<Metric> Outbox::metrics() const {
  std::int64_t lost = 0, pending = 0;
  for (TxnId t = 1; t < book_.size(); ++t) {
    const Book& b = book_[t];
    if (b.started < 0 || b.complete()) continue;
    if (b.orphaned && !b.stored)
      ++lost;
    else
      ++pending;
  }
  return {
      {"orders_committed", kNoNode, committed_},
      {"events_published", kNoNode, published_},
      {"events_stored", kNoNode, stored_},
      {"effects_applied", kNoNode, applied_},
      {"duplicate_effects", kNoNode, dup_effects_},
      {"duplicates_suppressed", kNoNode, dup_suppressed_},
      {"lost_events", kNoNode, lost},
      {"pending_events", kNoNode, pending},
      {"outbox_unsent", svc(), static_cast<std::int64_t>(unsent_.size())},
      {"republishes", kNoNode, republishes_},
      {"redeliveries", kNoNode, redeliveries_},
      {"latency_avg_us", kNoNode, applied_ > 0 ? latency_sum_ / applied_ : 0},
      {"latency_max_us", kNoNode, latency_max_},
  };
}

}  // namespace cs::outbox

namespace cs::outbox {

std::int64_t Outbox::rounds(const Simulator& sim) const {
  std::vector<std::int64_t> stored(book_.size(), 0);
  std::int64_t top = 0;
  for (const LogRecord& r : sim.log(broker()))
    if (r.type == REC_EVENT_STORED && r.txn < stored.size()) top = std::max(top, ++stored[r.txn]);
  return top;
}

// The explorer's canonical state: the nodes' volatile tables, and of the book what decides a later
// trace note the invariant reads (applied, stored, orphaned, lost_noted); no times, no figures.
bool Outbox::encode_state(const Simulator&, std::vector<std::int64_t>& out) const {
  for (const auto& node : state_) out.insert(out.end(), node.begin(), node.end());
  out.push_back(static_cast<std::int64_t>(unsent_.size()));
  out.insert(out.end(), unsent_.begin(), unsent_.end());
  out.push_back(static_cast<std::int64_t>(relay_inflight_.size()));
  out.insert(out.end(), relay_inflight_.begin(), relay_inflight_.end());
  out.push_back(static_cast<std::int64_t>(offsets_.size()));
  for (const Offset& o : offsets_) out.push_back(o.order * 2 + o.acked);
  for (const auto& table : processed_) out.insert(out.end(), table.begin(), table.end());
  for (const Book& b : book_) {
    out.push_back(b.applied.front() * 16 + b.stored + b.orphaned * 2 + b.lost_noted * 4 + (b.started >= 0) * 8);
    out.insert(out.end(), b.applied.begin() + 1, b.applied.end());
  }
  return true;
}

}  // namespace cs::outbox
