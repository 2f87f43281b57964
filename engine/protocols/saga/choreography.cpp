#include "protocols/saga/choreography.hpp"

#include <algorithm>
#include <string>

#include "check/saga.hpp"
#include "protocols/params.hpp"

namespace cs::saga_chor {

namespace {
constexpr std::uint16_t kClientStart = 0;
constexpr std::uint16_t bit(std::uint16_t ev) { return static_cast<std::uint16_t>(1u << ev); }
}  // namespace

// ---------------------------------------------------------------------------------------------
// Parameters and description

namespace {
namespace sps = saga::param_specs;

constexpr RoleSpec kRoles[] = {
    {.key = "broker", .naming = "BROKER", .help = "stores events and delivers them at least once"},
    {.key = "order", .naming = "ORDER", .worker = true,
     .help = "creates the order (the saga's first step) and approves or cancels it"},
    {.key = "service", .naming = "PAYMENT, INVENTORY, SHIPPING", .count = "steps", .worker = true,
     .help = "reacts to the previous step's event with its local step and publishes the next event"},
};
constexpr StateSpec kStates[] = {{"NONE", StateClass::Initial},       {"DONE", StateClass::Done},
                                 {"FAILED", StateClass::Failed},      {"COMPENSATED", StateClass::Compensated},
                                 {"COMPLETED", StateClass::Committed}};
constexpr MessageSpec kMessages[] = {
    {"ORDER_CREATED", MessageFamily::Success},       {"PAYMENT_CHARGED", MessageFamily::Success},
    {"STOCK_RESERVED", MessageFamily::Success},      {"SHIPPED", MessageFamily::Success},
    {"PAYMENT_FAILED", MessageFamily::Failure},    {"STOCK_UNAVAILABLE", MessageFamily::Failure},
    {"SHIPPING_FAILED", MessageFamily::Failure},   {"PAYMENT_REFUNDED", MessageFamily::Compensation},
    {"STOCK_RELEASED", MessageFamily::Compensation}, {"PUBLISH_ACK", MessageFamily::Ack},
    {"DELIVERY_ACK", MessageFamily::Ack}};
constexpr std::string_view kLogRecords[] = {"EVENT_STORED",   "EVENT_ACKED", "PROCESSED", "APPLIED", "REJECTED", "COMPENSATED",
                                            "ORDER_APPROVED", "EVENT_OUT",   "EVENT_PUBLISHED"};
constexpr std::string_view kTimers[] = {"redeliver", "republish"};
constexpr std::string_view kNotes[] = {"client_retry",     "step_applied",         "step_failed",       "step_compensated",
                                       "order_approved",   "duplicate_suppressed", "duplicate_publish", "redelivery",
                                       "republish",        "compensation_failed",  "recovered"};
constexpr MetricSpec kMetrics[] = {
    sps::kStarted, sps::kCompleted, sps::kCompensated, sps::kRunning, sps::kLatencyAvg, sps::kLatencyMax,
    {.key = "compensations", .sense = MetricSense::Anomaly, .shown_by_default = true},
    {.key = "compensation_failures", .sense = MetricSense::Bad},
    {.key = "events_published"},
    {.key = "events_stored"},
    {.key = "events_pending", .level = true},
    {.key = "deliveries"},
    {.key = "redeliveries"},
    {.key = "republishes"},
    {.key = "duplicate_publishes", .sense = MetricSense::Anomaly},
    {.key = "duplicates_suppressed"},
};
constexpr InvariantSpec kInvariants[] = {
    sps::kAllOrCompensated, sps::kCompensationOrder, sps::kExactlyOnceEffect,
};
constexpr std::string_view kFailModes[] = {"business"};
constexpr ParamSpec kParams[] = {
    sps::kSagas, sps::kSteps, sps::kInterval, sps::kClientRetry, sps::kFailStep,
    {.key = "fail_mode", .kind = ParamKind::Choice,
     .help = "only \"business\": a choreographed step has no deadline to miss", .def_choice = "business",
     .choices = kFailModes},
    sps::kFailProbability, sps::kCompensationFailures, sps::kFailSagas,
    {.key = "redeliver_ms", .kind = ParamKind::DurationMs, .def = 200, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "the broker's redelivery period without DELIVERY_ACK"},
    {.key = "republish_ms", .kind = ParamKind::DurationMs, .def = 200, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "a service re-publishes its event without PUBLISH_ACK"},
};
constexpr ProtocolDescriptor kDescriptor{
    .name = "saga-choreography",
    .title = "Saga, choreographed",
    .summary = "Saga, choreographed: services react to events on BROKER (at-least-once, idempotent consumers)",
    .roles = kRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = kInvariants, .params = kParams, .variants = {},
    .workload = {.transactions = "sagas", .interval = "interval_ms", .refusal = RefusalForm::FailStep}};
}  // namespace

const ProtocolDescriptor& describe() { return kDescriptor; }

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out) {
  ParamReader r(params, out, kDescriptor.params);
  Params p;
  p.w = saga::read_workload(r);
  p.redeliver = r.duration("redeliver_ms");
  p.republish = r.duration("republish_ms");
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<SagaChoreography>(std::move(p));
}

ProtocolInfo SagaChoreography::make_info() {
  ProtocolInfo i = make_protocol_info(kDescriptor);
  i.roles = {
      RoleMachine{"broker", {}, {}},
      RoleMachine{"order",
                  {NONE, DONE, FAILED, COMPLETED, COMPENSATED},
                  {{NONE, DONE, "order/ORDER_CREATED"},
                   {NONE, FAILED, "order rejected"},
                   {DONE, COMPLETED, "SHIPPED"},
                   {DONE, COMPENSATED, "PAYMENT_FAILED|PAYMENT_REFUNDED"}}},
      RoleMachine{"service",
                  {NONE, DONE, FAILED, COMPENSATED},
                  {{NONE, DONE, "event/success event"},
                   {NONE, FAILED, "event/failure event"},
                   {DONE, COMPENSATED, "failure or compensation event/compensation event"}}},
  };
  return i;
}

SagaChoreography::SagaChoreography(Params p) : p_(std::move(p)), info_(make_info()) {
  const auto n = static_cast<std::size_t>(p_.w.sagas) + 1;
  broker_.assign(n, BSaga{});
  svcs_.assign(static_cast<std::size_t>(p_.w.steps), std::vector<SSaga>(n, SSaga{}));
  ledger_ = saga::Ledger(p_.w.sagas);
  plan_.assign(n, -1);
}

std::vector<NodeSpec> SagaChoreography::node_specs() const {
  std::vector<NodeSpec> out{{"BROKER", "broker"}};
  for (int k = 0; k < p_.w.steps; ++k)
    out.push_back({std::string(saga::kServiceNames[static_cast<std::size_t>(k)]), k == 0 ? "order" : "service"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> SagaChoreography::make_invariants() const {
  return saga::make_invariants(p_.w.steps, REC_APPLIED, REC_COMPENSATED, {REC_APPLIED, REC_COMPENSATED, REC_ORDER_APPROVED});
}

// Each event has one subscriber: the next service for a success, the previous one for a failure or
// a compensation, and ORDER for the last success.
NodeId SagaChoreography::subscriber(std::uint16_t ev) const {
  const int last = p_.w.steps - 1;
  if (ev <= SHIPPED) return ev == last ? node_of(0) : node_of(ev + 1);
  if (ev <= SHIPPING_FAILED) return node_of(ev - 3 - 1);
  return node_of(ev - 6 - 1);
}

// ---------------------------------------------------------------------------------------------
// Workload and dispatch

void SagaChoreography::start(Simulator& sim) { sim.schedule_client(0, kClientStart, 1, 1); }

void SagaChoreography::on_client(Simulator& sim, std::uint16_t, TxnId saga, std::int64_t arrival) {
  if (arrival == 1) {
    if (saga < static_cast<TxnId>(p_.w.sagas)) sim.schedule_client(p_.w.interval, kClientStart, saga + 1, 1);
    plan_[saga] = static_cast<std::int8_t>(saga::draw_failure(p_.w, sim.workload_rng(), saga));
  }
  const NodeId order = node_of(0);
  if (!sim.is_up(order)) {
    sim.note(order, saga, N_CLIENT_RETRY);
    sim.schedule_client(p_.w.client_retry, kClientStart, saga, 0);
    return;
  }
  if (sx(order, saga).state != NONE) return;
  ledger_.start(saga, sim.now());
  sim.txn_start(order, saga);
  if (plan_[saga] == 0) {
    sim.log_append(order, REC_REJECTED, saga, 0);
    sim.note(order, saga, N_STEP_FAILED, 0);
    book_end(sim, saga, TxnOutcome::Aborted);
    s_set_state(sim, order, saga, FAILED);
    return;
  }
  // One local transaction: the order row and the event to publish (a small outbox).
  sim.log_append(order, REC_APPLIED, saga, 0);
  sim.log_append(order, REC_EVENT_OUT, saga, event_id(saga, ORDER_CREATED));
  sx(order, saga).out |= bit(ORDER_CREATED);
  sim.note(order, saga, N_STEP_APPLIED, 0);
  s_set_state(sim, order, saga, DONE);
  s_publish(sim, order, saga, ORDER_CREATED);
}

void SagaChoreography::on_message(Simulator& sim, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.w.sagas)) return;
  const TxnId saga = m.txn;
  if (m.to == kBroker) {
    if (m.type < kEventCount) {
      b_on_publish(sim, m);
    } else if (m.type == DELIVERY_ACK) {
      const auto ev = static_cast<std::uint16_t>(m.a % 16);
      BSaga& b = broker_[saga];
      if ((b.stored & bit(ev)) && !(b.acked & bit(ev))) {
        sim.log_append(kBroker, REC_EVENT_ACKED, saga, m.a);
        b.acked |= bit(ev);
        ++acked_;
      }
    }
    return;
  }
  if (m.type == PUBLISH_ACK) {
    const auto ev = static_cast<std::uint16_t>(m.a % 16);
    SSaga& x = sx(m.to, saga);
    if ((x.out & bit(ev)) && !(x.published & bit(ev))) {
      sim.log_append(m.to, REC_EVENT_PUBLISHED, saga, m.a);
      x.published |= bit(ev);
    }
    return;
  }
  if (m.type < kEventCount) s_on_event(sim, m.to, saga, m.type);
}

void SagaChoreography::on_timer(Simulator& sim, const TimerRec& t) {
  const auto ev = static_cast<std::uint16_t>(t.value);
  if (t.kind == T_REDELIVER) {
    const BSaga& b = broker_[t.txn];
    if (!(b.stored & bit(ev)) || (b.acked & bit(ev))) return;
    ++redeliveries_;
    sim.note(kBroker, t.txn, N_REDELIVERY, ev);
    b_deliver(sim, t.txn, ev);
  } else if (t.kind == T_REPUBLISH) {
    const SSaga& x = sx(t.node, t.txn);
    if (!(x.out & bit(ev)) || (x.published & bit(ev))) return;
    ++republishes_;
    sim.note(t.node, t.txn, N_REPUBLISH, ev);
    s_publish(sim, t.node, t.txn, ev);
  }
}

// ---------------------------------------------------------------------------------------------
// Broker

void SagaChoreography::b_on_publish(Simulator& sim, const Message& m) {
  BSaga& b = broker_[m.txn];
  const auto ev = m.type;
  if (b.stored & bit(ev)) {
    ++dup_publishes_;
    sim.note(kBroker, m.txn, N_DUPLICATE_PUBLISH, ev);  // already stored: acknowledge again
  } else {
    // Persist before acknowledging: once the publisher hears PUBLISH_ACK, the event survives crashes.
    sim.log_append(kBroker, REC_EVENT_STORED, m.txn, m.a);
    if (!sim.is_up(kBroker)) return;
    b.stored |= bit(ev);
    ++stored_;
    b_deliver(sim, m.txn, ev);
  }
  sim.send(kBroker, m.from, PUBLISH_ACK, m.txn, m.a);
}

void SagaChoreography::b_deliver(Simulator& sim, TxnId saga, std::uint16_t ev) {
  ++deliveries_;
  sim.send(kBroker, subscriber(ev), ev, saga, event_id(saga, ev));
  sim.set_timer(kBroker, p_.redeliver, T_REDELIVER, saga, ev);
}

void SagaChoreography::b_recover(Simulator& sim) {
  for (const LogRecord& r : sim.log(kBroker)) {
    const auto ev = static_cast<std::uint16_t>(r.value % 16);
    if (r.type == REC_EVENT_STORED) broker_[r.txn].stored |= bit(ev);
    if (r.type == REC_EVENT_ACKED) broker_[r.txn].acked |= bit(ev);
  }
  sim.note(kBroker, 0, N_RECOVERED);
  for (TxnId saga = 1; saga < broker_.size(); ++saga) {
    const std::uint16_t open = broker_[saga].stored & static_cast<std::uint16_t>(~broker_[saga].acked);
    for (std::uint16_t ev = 0; ev < kEventCount; ++ev)
      if (open & bit(ev)) {
        ++redeliveries_;
        sim.note(kBroker, saga, N_REDELIVERY, ev);
        b_deliver(sim, saga, ev);
      }
  }
}

// ---------------------------------------------------------------------------------------------
// Services

void SagaChoreography::s_set_state(Simulator& sim, NodeId node, TxnId saga, std::uint8_t to) {
  SSaga& x = sx(node, saga);
  const std::uint16_t from = x.state;
  x.state = to;
  sim.set_state(node, saga, from, to);
}

void SagaChoreography::s_publish(Simulator& sim, NodeId node, TxnId saga, std::uint16_t ev) {
  ++published_;
  sim.send(node, kBroker, ev, saga, event_id(saga, ev));
  sim.set_timer(node, p_.republish, T_REPUBLISH, saga, ev);
}

void SagaChoreography::s_on_event(Simulator& sim, NodeId node, TxnId saga, std::uint16_t ev) {
  SSaga& x = sx(node, saga);
  const std::int64_t id = event_id(saga, ev);
  if (x.processed & bit(ev)) {
    // Already in the idempotency table: a redelivery or a network copy. Acknowledge, change nothing.
    ++duplicates_;
    sim.note(node, saga, N_DUPLICATE_SUPPRESSED, ev);
    sim.send(node, kBroker, DELIVERY_ACK, saga, id);
    return;
  }
  const int j = node - 1;  // this service's step
  const int last = p_.w.steps - 1;
  std::uint16_t out = 0xFFFF;  // the event to publish, if any
  std::uint8_t to = x.state;
  bool ends = false;
  TxnOutcome outcome = TxnOutcome::Pending;
  if (j == 0 && ev == ok_ev(last)) {
    sim.log_append(node, REC_PROCESSED, saga, id);
    sim.log_append(node, REC_ORDER_APPROVED, saga);
    sim.note(node, saga, N_ORDER_APPROVED);
    to = COMPLETED;
    ends = true;
    outcome = TxnOutcome::Committed;
  } else if (j >= 1 && ev == ok_ev(j - 1)) {
    const bool fail = plan_[saga] == j;
    out = fail ? fail_ev(j) : ok_ev(j);
    sim.log_append(node, REC_PROCESSED, saga, id);
    sim.log_append(node, fail ? REC_REJECTED : REC_APPLIED, saga, j);
    sim.log_append(node, REC_EVENT_OUT, saga, event_id(saga, out));
    sim.note(node, saga, fail ? N_STEP_FAILED : N_STEP_APPLIED, j);
    to = fail ? FAILED : DONE;
  } else if (j < last && (ev == fail_ev(j + 1) || (j + 1 <= 2 && ev == comp_ev(j + 1)))) {
    if (x.comp_failures < p_.w.compensation_failures) {
      // A transient failure: no acknowledgement, so the broker delivers the event again later.
      ++x.comp_failures;
      ++comp_failures_;
      sim.note(node, saga, N_COMPENSATION_FAILED, x.comp_failures);
      return;
    }
    const bool undo = x.state == DONE;
    sim.log_append(node, REC_PROCESSED, saga, id);
    sim.log_append(node, REC_COMPENSATED, saga, undo ? 1 : 0);
    if (j >= 1) {
      out = comp_ev(j);
      sim.log_append(node, REC_EVENT_OUT, saga, event_id(saga, out));
    }
    sim.note(node, saga, N_STEP_COMPENSATED, j);
    undone_ += undo ? 1 : 0;
    to = COMPENSATED;
    ends = j == 0;
    outcome = TxnOutcome::Aborted;
  } else {
    return;  // not an event this service subscribes to
  }
  if (!sim.is_up(node)) return;
  x.processed |= bit(ev);
  if (out != 0xFFFF) x.out |= bit(out);
  if (ends) book_end(sim, saga, outcome);
  s_set_state(sim, node, saga, to);
  sim.send(node, kBroker, DELIVERY_ACK, saga, id);
  if (out != 0xFFFF) s_publish(sim, node, saga, out);
}

void SagaChoreography::s_recover(Simulator& sim, NodeId node) {
  std::vector<SSaga>& sagas = svcs_[static_cast<std::size_t>(node - 1)];
  for (const LogRecord& r : sim.log(node)) {
    SSaga& x = sagas[r.txn];
    const auto ev = static_cast<std::uint16_t>(r.value % 16);
    switch (r.type) {
      case REC_PROCESSED: x.processed |= bit(ev); break;
      case REC_APPLIED: x.state = DONE; break;
      case REC_REJECTED: x.state = FAILED; break;
      case REC_COMPENSATED: x.state = COMPENSATED; break;
      case REC_ORDER_APPROVED: x.state = COMPLETED; break;
      case REC_EVENT_OUT: x.out |= bit(ev); break;
      case REC_EVENT_PUBLISHED: x.published |= bit(ev); break;
      default: break;
    }
  }
  sim.note(node, 0, N_RECOVERED);
  for (TxnId saga = 1; saga < sagas.size(); ++saga) {
    const std::uint16_t open = sagas[saga].out & static_cast<std::uint16_t>(~sagas[saga].published);
    for (std::uint16_t ev = 0; ev < kEventCount; ++ev)
      if (open & bit(ev)) s_publish(sim, node, saga, ev);  // the local outbox survives the crash
  }
}

// ---------------------------------------------------------------------------------------------
// Ground truth, crash, restart, views

void SagaChoreography::book_end(Simulator& sim, TxnId saga, TxnOutcome outcome) {
  if (ledger_.end(saga, sim.now(), outcome)) sim.txn_end(saga, outcome);
}

void SagaChoreography::on_crash(Simulator&, NodeId node) {
  if (node == kBroker) {
    std::fill(broker_.begin(), broker_.end(), BSaga{});
    return;
  }
  auto& sagas = svcs_[static_cast<std::size_t>(node - 1)];
  std::fill(sagas.begin(), sagas.end(), SSaga{});
}

void SagaChoreography::on_restart(Simulator& sim, NodeId node) {
  if (node == kBroker)
    b_recover(sim);
  else
    s_recover(sim, node);
}

NodeView SagaChoreography::live_view(NodeId node) const {
  NodeView v;
  v.state = NONE;
  if (node == kBroker) {
    // The oldest saga with an event still waiting for its acknowledgement.
    for (TxnId t = 1; t < broker_.size(); ++t)
      if (broker_[t].stored & static_cast<std::uint16_t>(~broker_[t].acked)) {
        v.txn = t;
        break;
      }
    return v;
  }
  const auto& sagas = svcs_[static_cast<std::size_t>(node - 1)];
  for (TxnId t = 1; t < sagas.size(); ++t) {
    if (sagas[t].state == NONE) continue;
    v.state = sagas[t].state;
    v.txn = t;
    if (!ledger_.ended(t)) break;
  }
  return v;
}

std::vector<TxnView> SagaChoreography::transactions() const { return ledger_.transactions(); }

std::vector<Metric> SagaChoreography::metrics() const {
  return ledger_.metrics({
      {"compensations", kNoNode, undone_},
      {"compensation_failures", kNoNode, comp_failures_},
      {"events_published", kNoNode, published_},
      {"events_stored", kNoNode, stored_},
      {"events_pending", kNoNode, stored_ - acked_},
      {"deliveries", kNoNode, deliveries_},
      {"redeliveries", kNoNode, redeliveries_},
      {"republishes", kNoNode, republishes_},
      {"duplicate_publishes", kNoNode, dup_publishes_},
      {"duplicates_suppressed", kNoNode, duplicates_},
  });
}

}  // namespace cs::saga_chor
