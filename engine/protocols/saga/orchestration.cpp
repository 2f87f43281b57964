#include "protocols/saga/orchestration.hpp"

#include <algorithm>
#include <string>

#include "check/saga.hpp"
#include "protocols/params.hpp"

namespace cs::saga_orch {

namespace {
constexpr std::uint16_t kClientStart = 0;
constexpr NodeId kO = 0;

void erase(std::vector<TxnId>& v, TxnId t) { v.erase(std::remove(v.begin(), v.end(), t), v.end()); }
}  // namespace

// ---------------------------------------------------------------------------------------------
// Parameters and description

namespace {
namespace sps = saga::param_specs;

constexpr RoleSpec kRoles[] = {
    {.key = "orchestrator", .naming = "O", .coordinates = true,
     .help = "sends each step's command in turn; on a failure, the compensations in reverse order"},
    {.key = "service", .naming = "ORDER, PAYMENT, INVENTORY, SHIPPING", .count = "steps", .worker = true,
     .help = "applies its local step (a local transaction) or its compensation"},
};
constexpr StateSpec kStates[] = {
    {"RUNNING", StateClass::Working},       {"COMPENSATING", StateClass::Compensating},
    {"COMPLETED", StateClass::Committed},   {"COMPENSATED", StateClass::Compensated},
    {"NONE", StateClass::Initial},          {"DONE", StateClass::Done},
    {"FAILED", StateClass::Failed}};
constexpr MessageSpec kMessages[] = {
    {"CREATE_ORDER", MessageFamily::Request},     {"CHARGE", MessageFamily::Request},
    {"RESERVE_STOCK", MessageFamily::Request},    {"SHIP", MessageFamily::Request},
    {"ORDER_CREATED", MessageFamily::Success},    {"CHARGED", MessageFamily::Success},
    {"STOCK_RESERVED", MessageFamily::Success},   {"SHIPPED", MessageFamily::Success},
    {"ORDER_REJECTED", MessageFamily::Failure},   {"CHARGE_FAILED", MessageFamily::Failure},
    {"STOCK_UNAVAILABLE", MessageFamily::Failure}, {"SHIP_FAILED", MessageFamily::Failure},
    {"CANCEL_ORDER", MessageFamily::Compensation}, {"REFUND", MessageFamily::Compensation},
    {"RELEASE_STOCK", MessageFamily::Compensation}, {"CANCEL_SHIPMENT", MessageFamily::Compensation},
    {"ORDER_CANCELLED", MessageFamily::Compensation},      {"REFUNDED", MessageFamily::Compensation},
    {"STOCK_RELEASED", MessageFamily::Compensation},       {"SHIPMENT_CANCELLED", MessageFamily::Compensation},
    {"COMPENSATION_FAILED", MessageFamily::Failure}, {"FINALIZE", MessageFamily::Commit},
    {"FINALIZED", MessageFamily::Ack}};
constexpr std::string_view kLogRecords[] = {"SAGA_BEGIN", "STEP_DONE", "COMPENSATING", "STEP_COMPENSATED", "SAGA_COMPLETED",
                                            "SAGA_COMPENSATED", "APPLIED", "REJECTED", "COMPENSATED", "FINALIZED", "SNAPSHOT"};
constexpr std::string_view kTimers[] = {"command_retry", "step_deadline"};
constexpr std::string_view kNotes[] = {
    "client_retry", "command_retry",        "step_timeout",       "business_failure",   "no_reply",
    "duplicate_suppressed", "late_command_refused", "empty_compensation", "compensation_failed",
    "stock_read",   "dirty_read",           "semantic_lock_wait", "recovered",          "stale_reply",
    "stock_restored", "lost_update"};
constexpr MetricSpec kMetrics[] = {
    sps::kStarted, sps::kCompleted, sps::kCompensated, sps::kRunning, sps::kLatencyAvg, sps::kLatencyMax,
    {.key = "steps_applied", .sense = MetricSense::Good},
    {.key = "compensations", .sense = MetricSense::Anomaly, .shown_by_default = true},
    {.key = "empty_compensations"},
    {.key = "compensation_failures", .sense = MetricSense::Bad},
    {.key = "command_retries"},
    {.key = "duplicates_suppressed"},
    {.key = "late_commands_refused"},
    {.key = "step_timeouts", .sense = MetricSense::Bad},
    {.key = "stale_replies"},
    {.key = "dirty_reads", .sense = MetricSense::Anomaly},
    {.key = "semantic_lock_waits", .level = true},
    {.key = "stock", .level = true},
    {.key = "lost_updates", .sense = MetricSense::Anomaly},
};
constexpr InvariantSpec kInvariants[] = {
    sps::kAllOrCompensated, sps::kCompensationOrder, sps::kExactlyOnceEffect,
    {"no_dirty_read", "No saga reads a value that includes another saga's unfinished step which is later compensated."},
    {"no_lost_update", "INVENTORY's stock always equals the initial stock minus the reservations that hold: no "
                       "compensation overwrites another saga's update."},
};
constexpr std::string_view kFailModes[] = {"business", "timeout"};
constexpr std::string_view kCountermeasures[] = {"none", "semantic_lock"};
constexpr std::string_view kCompensations[] = {"undo", "restore"};
constexpr ParamSpec kParams[] = {
    sps::kSagas, sps::kSteps, sps::kInterval, sps::kClientRetry, sps::kFailStep,
    {.key = "fail_mode", .kind = ParamKind::Choice,
     .help = "\"business\" (a definitive failure reply) or \"timeout\" (no reply at all)", .def_choice = "business",
     .choices = kFailModes, .starter = true},
    sps::kFailProbability, sps::kCompensationFailures, sps::kFailSagas,
    {.key = "retry_ms", .kind = ParamKind::DurationMs, .def = 100, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "re-send period of commands and compensations"},
    {.key = "step_timeout_ms", .kind = ParamKind::DurationMs, .def = 1000, .lo = 0, .hi = 3'600'000, .unit = "ms",
     .help = "deadline of a forward step; 0 = wait forever (a hung service then blocks the saga)"},
    {.key = "concurrent_reader", .kind = ParamKind::Boolean, .def = 0, .lo = 0, .hi = 1,
     .help = "finite stock at INVENTORY and the no_dirty_read invariant (lesson 14)"},
    {.key = "stock", .kind = ParamKind::Integer, .def = -1, .lo = -1, .hi = 1'000'000'000,
     .help = "INVENTORY's stock; -1 = unlimited", .rule = DefaultRule::IfRef, .ref = "concurrent_reader", .alt = 1},
    {.key = "countermeasure", .kind = ParamKind::Choice, .help = "the isolation countermeasure",
     .def_choice = "none", .choices = kCountermeasures},
    {.key = "compensation", .kind = ParamKind::Choice,
     .help = "how RELEASE_STOCK undoes a reservation: \"undo\" adds the unit back (the inverse), \"restore\" writes "
             "back the stock read before it (a lost update when another saga reserved meanwhile)",
     .def_choice = "undo", .choices = kCompensations},
};
constexpr VariantSpec kVariants[] = {
    {.id = "countermeasure=semantic_lock", .label = "With a semantic lock", .tag = "lock", .key = "countermeasure",
     .value = "\"semantic_lock\"", .when_key = "countermeasure", .when_value = "\"none\""},
    {.id = "countermeasure=none", .label = "Without a semantic lock", .tag = "no lock", .key = "countermeasure",
     .value = "\"none\"", .when_key = "countermeasure", .when_value = "\"semantic_lock\""},
};
constexpr ProtocolDescriptor kDescriptor{
    .name = "saga-orchestration",
    .title = "Saga, orchestrated",
    .summary = "Saga, orchestrated: O runs ORDER, PAYMENT, INVENTORY, SHIPPING; compensations in reverse order",
    .roles = kRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = kInvariants, .params = kParams, .variants = kVariants,
    .workload = {.transactions = "sagas", .interval = "interval_ms", .refusal = RefusalForm::FailStep}};
}  // namespace

const ProtocolDescriptor& describe() { return kDescriptor; }

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out) {
  ParamReader r(params, out, kDescriptor.params);
  Params p;
  p.w = saga::read_workload(r);
  p.retry = r.duration("retry_ms");
  p.step_timeout = r.duration("step_timeout_ms");
  p.concurrent_reader = r.boolean("concurrent_reader");
  const std::int64_t stock = r.integer("stock");
  p.stock = p.concurrent_reader ? std::max<std::int64_t>(stock, 0) : stock;
  if (stock >= 0 && !p.concurrent_reader && p.w.steps <= saga::kInventoryStep)
    r.error("stock", "needs the INVENTORY step (steps 3 or more)");
  p.semantic_lock = r.choice("countermeasure") == "semantic_lock";
  p.restore = r.choice("compensation") == "restore";
  if (p.restore && p.stock < 0) r.error("compensation", "\"restore\" needs a finite stock (concurrent_reader or stock)");
  if (p.concurrent_reader && p.w.steps <= saga::kInventoryStep)
    r.error("concurrent_reader", "needs the INVENTORY step (steps 3 or more)");
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<SagaOrchestration>(std::move(p));
}

ProtocolInfo SagaOrchestration::make_info() {
  ProtocolInfo i = make_protocol_info(kDescriptor);
  i.roles = {
      RoleMachine{"orchestrator",
                  {RUNNING, COMPENSATING, COMPLETED, COMPENSATED},
                  {{RUNNING, COMPLETED, "last step done"},
                   {RUNNING, COMPENSATING, "step failed"},
                   {RUNNING, COMPENSATING, "step_deadline"},
                   {COMPENSATING, COMPENSATED, "first step compensated"}}},
      RoleMachine{"service",
                  {NONE, DONE, FAILED, COMPENSATED},
                  {{NONE, DONE, "command/success"},
                   {NONE, FAILED, "command/failure"},
                   {DONE, COMPENSATED, "compensation/compensated"},
                   {NONE, COMPENSATED, "compensation (empty)"},
                   {FAILED, COMPENSATED, "compensation (empty)"}}},
  };
  return i;
}

SagaOrchestration::SagaOrchestration(Params p) : p_(std::move(p)), info_(make_info()) {
  const auto n = static_cast<std::size_t>(p_.w.sagas) + 1;
  o_.assign(n, OSaga{});
  svcs_.resize(static_cast<std::size_t>(p_.w.steps));
  for (auto& s : svcs_) s.sagas.assign(n, SSaga{});
  if (p_.restore) svcs_[saga::kInventoryStep].snapshot.assign(n, 0);
  if (p_.stock >= 0) svcs_[saga::kInventoryStep].stock = p_.stock;
  ledger_ = saga::Ledger(p_.w.sagas);
  plan_.assign(n, -1);
  readers_of_.resize(n);
}

std::vector<NodeSpec> SagaOrchestration::node_specs() const {
  std::vector<NodeSpec> out{{"O", "orchestrator"}};
  for (int k = 0; k < p_.w.steps; ++k) out.push_back({std::string(saga::kServiceNames[static_cast<std::size_t>(k)]), "service"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> SagaOrchestration::make_invariants() const {
  auto out = saga::make_invariants(p_.w.steps, REC_APPLIED, REC_COMPENSATED, {REC_APPLIED, REC_COMPENSATED});
  if (p_.concurrent_reader)
    out.push_back(std::make_unique<NoDirtyReadInvariant>(node_of(saga::kInventoryStep), REC_APPLIED, REC_COMPENSATED, N_STOCK_READ));
  if (p_.stock >= 0)
    out.push_back(std::make_unique<NoLostUpdateInvariant>(
        StockRecords{node_of(saga::kInventoryStep), REC_APPLIED, REC_COMPENSATED, N_STOCK_READ, N_STOCK_RESTORED}, p_.stock));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Workload and dispatch

void SagaOrchestration::start(Simulator& sim) { sim.schedule_client(0, kClientStart, 1, 1); }

void SagaOrchestration::on_client(Simulator& sim, std::uint16_t, TxnId saga, std::int64_t arrival) {
  if (arrival == 1) {
    if (saga < static_cast<TxnId>(p_.w.sagas)) sim.schedule_client(p_.w.interval, kClientStart, saga + 1, 1);
    plan_[saga] = static_cast<std::int8_t>(saga::draw_failure(p_.w, sim.workload_rng(), saga));
  }
  if (!sim.is_up(kO)) {
    sim.note(kO, saga, N_CLIENT_RETRY);
    sim.schedule_client(p_.w.client_retry, kClientStart, saga, 0);
    return;
  }
  o_begin(sim, saga);
}

void SagaOrchestration::on_message(Simulator& sim, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.w.sagas)) return;
  if (m.to == kO)
    o_on_message(sim, m);
  else
    s_on_message(sim, m);
}

void SagaOrchestration::on_timer(Simulator& sim, const TimerRec& t) {
  OSaga& o = o_[t.txn];
  if (t.kind == T_RETRY) {
    if (o.state != RUNNING && o.state != COMPENSATING) return;
    ++retries_;
    sim.note(kO, t.txn, N_COMMAND_RETRY, o.cur);
    o_send_current(sim, t.txn);
    o_arm(sim, t.txn, false);
  } else if (t.kind == T_STEP_DEADLINE) {
    if (o.state != RUNNING || o.cur != t.value) return;
    // No answer in time: the step may or may not have applied, so it is compensated too.
    ++timeouts_;
    sim.note(kO, t.txn, N_STEP_TIMEOUT, o.cur);
    o_compensate_from(sim, t.txn, o.cur);
  }
}

// ---------------------------------------------------------------------------------------------
// Orchestrator

void SagaOrchestration::o_set_state(Simulator& sim, TxnId saga, std::uint8_t to) {
  OSaga& o = o_[saga];
  const std::uint16_t from = o.state == kUnknown ? std::uint16_t{RUNNING} : std::uint16_t{o.state};
  o.state = to;
  sim.set_state(kO, saga, from, to);
}

void SagaOrchestration::o_begin(Simulator& sim, TxnId saga) {
  if (o_[saga].state != kUnknown) return;
  sim.log_append(kO, REC_SAGA_BEGIN, saga);
  if (!ledger_.started(saga)) ledger_.start(saga, sim.now());
  sim.txn_start(kO, saga);
  o_[saga].cur = 0;
  o_set_state(sim, saga, RUNNING);
  o_send_current(sim, saga);
  o_arm(sim, saga, true);
}

void SagaOrchestration::o_send_current(Simulator& sim, TxnId saga) {
  const OSaga& o = o_[saga];
  if (o.state == RUNNING) {
    if (o.cur == p_.w.steps)
      sim.send(kO, node_of(saga::kInventoryStep), FINALIZE, saga);
    else
      sim.send(kO, node_of(o.cur), cmd_msg(o.cur), saga);
  } else if (o.state == COMPENSATING && o.cur >= 0) {
    sim.send(kO, node_of(o.cur), comp_msg(o.cur), saga);
  }
}

void SagaOrchestration::o_cancel_timers(Simulator& sim, TxnId saga) {
  OSaga& o = o_[saga];
  sim.cancel_timer(o.retry_timer);
  sim.cancel_timer(o.deadline_timer);
  o.retry_timer = o.deadline_timer = 0;
}

void SagaOrchestration::o_arm(Simulator& sim, TxnId saga, bool fresh_deadline) {
  OSaga& o = o_[saga];
  sim.cancel_timer(o.retry_timer);
  o.retry_timer = sim.set_timer(kO, p_.retry, T_RETRY, saga, o.cur);
  // Only forward steps have a deadline: a compensation must succeed, however long it takes.
  if (fresh_deadline && o.state == RUNNING && o.cur < p_.w.steps && p_.step_timeout > 0) {
    sim.cancel_timer(o.deadline_timer);
    o.deadline_timer = sim.set_timer(kO, p_.step_timeout, T_STEP_DEADLINE, saga, o.cur);
  }
}

void SagaOrchestration::o_on_message(Simulator& sim, const Message& m) {
  OSaga& o = o_[m.txn];
  const TxnId saga = m.txn;
  const int k = m.from - 1;
  const auto stale = [&] {
    ++stale_;
    sim.note(kO, saga, N_STALE_REPLY, m.type);
  };
  if (m.type == FINALIZED) {
    if (o.state == RUNNING && o.cur == p_.w.steps)
      o_finish(sim, saga, true);
    else
      stale();
    return;
  }
  if (m.type == COMPENSATION_FAILED) return;  // the retry timer sends the compensation again
  if (m.type == ok_msg(k)) {
    if (o.state != RUNNING || o.cur != k) return stale();
    sim.log_append(kO, REC_STEP_DONE, saga, k);
    o_step_done(sim, saga);
  } else if (m.type == fail_msg(k)) {
    if (o.state != RUNNING || o.cur != k) return stale();
    // A definitive "no": the step did not apply, so compensation starts with the step before it.
    sim.note(kO, saga, N_BUSINESS_FAILURE, k);
    o_compensate_from(sim, saga, k - 1);
  } else if (m.type == comped_msg(k)) {
    if (o.state != COMPENSATING || o.cur != k) return stale();
    sim.log_append(kO, REC_STEP_COMPENSATED, saga, k);
    o.cur = k - 1;
    o_next_compensation(sim, saga);
  }
}

void SagaOrchestration::o_step_done(Simulator& sim, TxnId saga) {
  OSaga& o = o_[saga];
  o_cancel_timers(sim, saga);
  ++o.cur;
  if (o.cur < p_.w.steps) {
    o_send_current(sim, saga);
    o_arm(sim, saga, true);
  } else if (locks_inventory()) {
    // Every step applied: release the semantic lock before declaring the saga complete.
    o_send_current(sim, saga);
    o_arm(sim, saga, false);
  } else {
    o_finish(sim, saga, true);
  }
}

void SagaOrchestration::o_compensate_from(Simulator& sim, TxnId saga, int step) {
  o_cancel_timers(sim, saga);
  sim.log_append(kO, REC_COMPENSATING, saga, step);
  o_[saga].cur = step;
  o_set_state(sim, saga, COMPENSATING);
  o_next_compensation(sim, saga);
}

void SagaOrchestration::o_next_compensation(Simulator& sim, TxnId saga) {
  o_cancel_timers(sim, saga);
  if (o_[saga].cur < 0) return o_finish(sim, saga, false);
  o_send_current(sim, saga);
  o_arm(sim, saga, false);
}

void SagaOrchestration::o_finish(Simulator& sim, TxnId saga, bool completed) {
  o_cancel_timers(sim, saga);
  if (!sim.is_up(kO)) return;  // crashed inside this handler: the end is not logged, recovery redoes it
  sim.log_append(kO, completed ? REC_SAGA_COMPLETED : REC_SAGA_COMPENSATED, saga);
  book_end(sim, saga, completed ? TxnOutcome::Committed : TxnOutcome::Aborted);
  o_set_state(sim, saga, completed ? COMPLETED : COMPENSATED);
}

void SagaOrchestration::o_recover(Simulator& sim) {
  for (const LogRecord& r : sim.log(kO)) {
    OSaga& o = o_[r.txn];
    switch (r.type) {
      case REC_SAGA_BEGIN: o.state = RUNNING; o.cur = 0; break;
      case REC_STEP_DONE: o.cur = static_cast<int>(r.value) + 1; break;
      case REC_COMPENSATING: o.state = COMPENSATING; o.cur = static_cast<int>(r.value); break;
      case REC_STEP_COMPENSATED: o.cur = static_cast<int>(r.value) - 1; break;
      case REC_SAGA_COMPLETED: o.state = COMPLETED; break;
      case REC_SAGA_COMPENSATED: o.state = COMPENSATED; break;
      default: break;
    }
  }
  sim.note(kO, 0, N_RECOVERED);
  for (TxnId saga = 1; saga < o_.size(); ++saga) {
    OSaga& o = o_[saga];
    if (o.state != RUNNING && o.state != COMPENSATING) continue;
    sim.set_state(kO, saga, o.state, o.state);
    if (o.state == RUNNING && o.cur == p_.w.steps && !locks_inventory()) {
      o_finish(sim, saga, true);  // crashed between the last STEP_DONE and SAGA_COMPLETED
    } else if (o.state == COMPENSATING && o.cur < 0) {
      o_finish(sim, saga, false);
    } else {
      o_send_current(sim, saga);  // resume: re-send the command or compensation in progress
      o_arm(sim, saga, true);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Services

void SagaOrchestration::s_set_state(Simulator& sim, NodeId node, TxnId saga, std::uint8_t to) {
  SSaga& x = svc(node).sagas[saga];
  const std::uint16_t from = x.state;
  x.state = to;
  sim.set_state(node, saga, from, to);
}

void SagaOrchestration::s_on_message(Simulator& sim, const Message& m) {
  const int k = m.to - 1;
  if (m.type == cmd_msg(k))
    s_command(sim, m.to, m.txn);
  else if (m.type == comp_msg(k))
    s_compensate(sim, m.to, m.txn);
  else if (m.type == FINALIZE)
    s_finalize(sim, m.to, m.txn);
}

void SagaOrchestration::s_command(Simulator& sim, NodeId node, TxnId saga) {
  const int k = node - 1;
  SSaga& x = svc(node).sagas[saga];
  switch (x.state) {
    case DONE:
      ++duplicates_;
      sim.note(node, saga, N_DUPLICATE_SUPPRESSED, cmd_msg(k));
      sim.send(node, kO, ok_msg(k), saga);
      return;
    case FAILED:
      ++duplicates_;
      sim.note(node, saga, N_DUPLICATE_SUPPRESSED, cmd_msg(k));
      sim.send(node, kO, fail_msg(k), saga);
      return;
    case COMPENSATED:
      // The step was compensated (perhaps before this command arrived): it must never apply now.
      ++late_refused_;
      sim.note(node, saga, N_LATE_COMMAND_REFUSED, cmd_msg(k));
      sim.send(node, kO, fail_msg(k), saga);
      return;
    default: break;
  }
  if (x.waiting) {
    ++duplicates_;
    sim.note(node, saga, N_DUPLICATE_SUPPRESSED, cmd_msg(k));
    return;
  }
  if (plan_[saga] == k) {
    if (p_.w.fail_timeout) {
      sim.note(node, saga, N_NO_REPLY, cmd_msg(k));  // hung on this saga: no answer at all
      return;
    }
    sim.log_append(node, REC_REJECTED, saga, k);
    sim.note(node, saga, N_BUSINESS_FAILURE, k);
    s_set_state(sim, node, saga, FAILED);
    sim.send(node, kO, fail_msg(k), saga);
    return;
  }
  Service& s = svc(node);
  if (k == saga::kInventoryStep && p_.semantic_lock && !s.pending.empty()) {
    // Another saga's reservation is not final yet: reading the stock now would be a dirty read.
    x.waiting = true;
    s.waiters.push_back(saga);
    ++lock_waits_;
    sim.note(node, saga, N_SEMANTIC_LOCK_WAIT, s.pending.front());
    sim.lock_event(TraceKind::LockWait, node, saga, 0);
    return;
  }
  s_apply(sim, node, saga);
}

void SagaOrchestration::s_apply(Simulator& sim, NodeId node, TxnId saga) {
  const int k = node - 1;
  Service& s = svc(node);
  if (k == saga::kInventoryStep && p_.stock >= 0) {
    sim.note(node, saga, N_STOCK_READ, s.stock);
    book_read(sim, saga);
    if (s.stock <= 0) {
      sim.log_append(node, REC_REJECTED, saga, k);
      sim.note(node, saga, N_BUSINESS_FAILURE, k);
      s_set_state(sim, node, saga, FAILED);
      sim.send(node, kO, fail_msg(k), saga);
      return;
    }
  }
  if (k == saga::kInventoryStep && p_.restore) {
    // The before image a "restore" compensation will write back.
    s.snapshot[saga] = s.stock;
    sim.log_append(node, REC_SNAPSHOT, saga, s.stock);
    if (!sim.is_up(node)) return;
  }
  sim.log_append(node, REC_APPLIED, saga, k);
  if (!sim.is_up(node)) return;
  ++applied_;
  if (k == saga::kInventoryStep) {
    if (p_.stock >= 0) --s.stock;
    truth_pending_.push_back(saga);
    if (p_.semantic_lock) {
      s.sagas[saga].pending = true;
      s.pending.push_back(saga);
      sim.lock_event(TraceKind::LockAcquire, node, saga, 0);
    }
  }
  s_set_state(sim, node, saga, DONE);
  sim.send(node, kO, ok_msg(k), saga);
}

void SagaOrchestration::s_compensate(Simulator& sim, NodeId node, TxnId saga) {
  const int k = node - 1;
  Service& s = svc(node);
  SSaga& x = s.sagas[saga];
  if (x.state == COMPENSATED) {
    ++duplicates_;
    sim.note(node, saga, N_DUPLICATE_SUPPRESSED, comp_msg(k));
    sim.send(node, kO, comped_msg(k), saga);
    return;
  }
  if (x.comp_failures < p_.w.compensation_failures) {
    ++x.comp_failures;
    ++comp_failures_;
    sim.note(node, saga, N_COMPENSATION_FAILED, x.comp_failures);
    sim.send(node, kO, COMPENSATION_FAILED, saga, k);
    return;
  }
  const bool undo = x.state == DONE;
  sim.log_append(node, REC_COMPENSATED, saga, undo ? 1 : 0);
  if (!sim.is_up(node)) return;
  if (undo) {
    ++undone_;
    if (k == saga::kInventoryStep) s_give_back(sim, node, saga);
  } else {
    // Nothing to undo here (never applied, or refused); the record makes a late command be refused.
    ++empty_comps_;
    sim.note(node, saga, N_EMPTY_COMPENSATION, k);
  }
  if (x.waiting) {
    x.waiting = false;
    erase(s.waiters, saga);
  }
  s_set_state(sim, node, saga, COMPENSATED);
  if (x.pending) s_unlock(sim, node, saga);
  sim.send(node, kO, comped_msg(k), saga);
}

// Undoes INVENTORY's reservation. The inverse ("add one back") is right however many other sagas
// reserved since; writing back the before image erases their reservations from the count.
void SagaOrchestration::s_give_back(Simulator& sim, NodeId node, TxnId saga) {
  Service& s = svc(node);
  if (p_.restore) {
    const std::int64_t inverse = s.stock + 1;
    s.stock = s.snapshot[saga];
    sim.note(node, saga, N_STOCK_RESTORED, s.stock);
    if (s.stock != inverse) {
      ++lost_updates_;
      sim.note(node, saga, N_LOST_UPDATE, s.stock - inverse);
    }
  } else if (p_.stock >= 0) {
    ++s.stock;
  }
  book_undone(sim, saga);
}

void SagaOrchestration::s_finalize(Simulator& sim, NodeId node, TxnId saga) {
  SSaga& x = svc(node).sagas[saga];
  if (x.pending) {
    sim.log_append(node, REC_FINALIZED, saga);
    if (!sim.is_up(node)) return;
    s_unlock(sim, node, saga);
  } else {
    ++duplicates_;
    sim.note(node, saga, N_DUPLICATE_SUPPRESSED, FINALIZE);
  }
  sim.send(node, kO, FINALIZED, saga);
}

void SagaOrchestration::s_unlock(Simulator& sim, NodeId node, TxnId saga) {
  Service& s = svc(node);
  s.sagas[saga].pending = false;
  erase(s.pending, saga);
  sim.lock_event(TraceKind::LockRelease, node, saga, 0);
  s_wake(sim, node);
}

void SagaOrchestration::s_wake(Simulator& sim, NodeId node) {
  Service& s = svc(node);
  while (s.pending.empty() && !s.waiters.empty() && sim.is_up(node)) {
    const TxnId next = s.waiters.front();
    s.waiters.erase(s.waiters.begin());
    s.sagas[next].waiting = false;
    s_apply(sim, node, next);
  }
}

void SagaOrchestration::s_recover(Simulator& sim, NodeId node) {
  Service& s = svc(node);
  const int k = node - 1;
  if (k == saga::kInventoryStep && p_.stock >= 0) s.stock = p_.stock;
  for (const LogRecord& r : sim.log(node)) {
    SSaga& x = s.sagas[r.txn];
    switch (r.type) {
      case REC_APPLIED:
        x.state = DONE;
        if (k == saga::kInventoryStep) {
          if (p_.stock >= 0) --s.stock;
          if (p_.semantic_lock) {
            x.pending = true;
            s.pending.push_back(r.txn);
          }
        }
        break;
      case REC_REJECTED: x.state = FAILED; break;
      case REC_SNAPSHOT: s.snapshot[r.txn] = r.value; break;
      case REC_COMPENSATED:
        x.state = COMPENSATED;
        if (r.value == 1 && k == saga::kInventoryStep && p_.restore)
          s.stock = s.snapshot[r.txn];
        else if (r.value == 1 && k == saga::kInventoryStep && p_.stock >= 0)
          ++s.stock;
        if (x.pending) {
          x.pending = false;
          erase(s.pending, r.txn);
        }
        break;
      case REC_FINALIZED:
        x.pending = false;
        erase(s.pending, r.txn);
        break;
      default: break;
    }
  }
  sim.note(node, 0, N_RECOVERED);
  for (TxnId t : s.pending) sim.lock_event(TraceKind::LockAcquire, node, t, 0);  // the durable pending flags
}

// ---------------------------------------------------------------------------------------------
// Ground truth

void SagaOrchestration::book_end(Simulator& sim, TxnId saga, TxnOutcome outcome) {
  if (!ledger_.end(saga, sim.now(), outcome)) return;
  erase(truth_pending_, saga);  // a completed saga's reservation is final
  readers_of_[saga].clear();
  sim.txn_end(saga, outcome);
}

void SagaOrchestration::book_read(Simulator&, TxnId reader) {
  for (TxnId w : truth_pending_)
    if (w != reader) readers_of_[w].push_back(reader);
}

void SagaOrchestration::book_undone(Simulator& sim, TxnId writer) {
  erase(truth_pending_, writer);
  for (TxnId reader : readers_of_[writer]) {
    ++dirty_reads_;
    sim.note(node_of(saga::kInventoryStep), reader, N_DIRTY_READ, writer);
  }
  readers_of_[writer].clear();
}

// ---------------------------------------------------------------------------------------------
// Crash, restart, views

void SagaOrchestration::on_crash(Simulator&, NodeId node) {
  if (node == kO) {
    std::fill(o_.begin(), o_.end(), OSaga{});
    return;
  }
  Service& s = svc(node);
  std::fill(s.sagas.begin(), s.sagas.end(), SSaga{});
  s.pending.clear();
  s.waiters.clear();  // the stock figure is rebuilt from the log on restart
}

void SagaOrchestration::on_restart(Simulator& sim, NodeId node) {
  if (node == kO)
    o_recover(sim);
  else
    s_recover(sim, node);
}

NodeView SagaOrchestration::live_view(NodeId node) const {
  NodeView v;
  if (node == kO) {
    v.state = RUNNING;
    for (TxnId t = 1; t < o_.size(); ++t) {
      const std::uint8_t st = o_[t].state;
      if (st == kUnknown) continue;
      v.state = st;
      v.txn = t;
      if (st == RUNNING || st == COMPENSATING) break;
    }
    return v;
  }
  const Service& s = svcs_[static_cast<std::size_t>(node - 1)];
  v.state = NONE;
  for (TxnId t = 1; t < s.sagas.size(); ++t) {
    const SSaga& x = s.sagas[t];
    if (x.state == NONE && !x.waiting) continue;
    v.state = x.state;
    v.txn = t;
    if (!ledger_.ended(t)) break;  // the oldest saga still running
  }
  for (std::size_t i = 0; i < s.pending.size(); ++i)
    v.locks.push_back(LockView{0, s.pending[i], i == 0 ? s.waiters : std::vector<TxnId>{}});
  if (s.pending.empty() && !s.waiters.empty()) v.locks.push_back(LockView{0, 0, s.waiters});
  return v;
}

std::vector<TxnView> SagaOrchestration::transactions() const { return ledger_.transactions(); }

std::vector<Metric> SagaOrchestration::metrics() const {
  std::vector<Metric> m = ledger_.metrics({
      {"steps_applied", kNoNode, applied_},
      {"compensations", kNoNode, undone_},
      {"empty_compensations", kNoNode, empty_comps_},
      {"compensation_failures", kNoNode, comp_failures_},
      {"command_retries", kNoNode, retries_},
      {"duplicates_suppressed", kNoNode, duplicates_},
      {"late_commands_refused", kNoNode, late_refused_},
      {"step_timeouts", kNoNode, timeouts_},
      {"stale_replies", kNoNode, stale_},
      {"dirty_reads", kNoNode, dirty_reads_},
      {"semantic_lock_waits", kNoNode, lock_waits_},
  });
  if (p_.stock >= 0) {
    m.push_back({"stock", node_of(saga::kInventoryStep), svcs_[saga::kInventoryStep].stock});
    m.push_back({"lost_updates", kNoNode, lost_updates_});
  }
  return m;
}

}  // namespace cs::saga_orch
