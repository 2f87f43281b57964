// TCC: parameters, description, dispatch, crash/restart, views and figures. The transaction manager
// is in manager.cpp, the services in service.cpp.
#include "protocols/tcc/tcc.hpp"

#include <algorithm>

#include "check/tcc.hpp"
#include "protocols/params.hpp"

namespace cs::tcc {

namespace {
constexpr NodeId kTm = 0;
constexpr std::int64_t kDefaultCapacity = 1000;
}  // namespace

std::vector<std::string> service_names(int count) {
  static constexpr const char* kNames[] = {"ACCOUNT", "INVENTORY", "POINTS", "COUPON",
                                           "SHIPPING", "CREDIT", "LEDGER", "VOUCHER"};
  std::vector<std::string> out;
  for (int i = 0; i < count && i < 8; ++i) out.emplace_back(kNames[i]);
  return out;
}

namespace {
constexpr RoleSpec kRoles[] = {
    {.key = "transaction_manager", .naming = "TM", .coordinates = true,
     .help = "sends TRY to every service, then CONFIRM or CANCEL"},
    {.key = "service", .naming = "ACCOUNT, INVENTORY, POINTS, COUPON, SHIPPING, CREDIT, LEDGER, VOUCHER", .count = "services",
     .worker = true, .help = "freezes an amount on TRY; consumes it on CONFIRM, releases it on CANCEL or expiry"},
};
constexpr StateSpec kStates[] = {
    {"TRYING", StateClass::Working},     {"CONFIRMING", StateClass::Committing}, {"CANCELLING", StateClass::Aborting},
    {"RESERVED", StateClass::Uncertain}, {"REJECTED", StateClass::Aborted},    {"EXPIRED", StateClass::Aborted},
    {"CONFIRMED", StateClass::Committed}, {"CANCELLED", StateClass::Aborted}};
constexpr MessageSpec kMessages[] = {
    {"TRY", MessageFamily::Request},      {"TRY_OK", MessageFamily::VoteYes},   {"TRY_FAILED", MessageFamily::VoteNo},
    {"CONFIRM", MessageFamily::Commit},   {"CONFIRM_OK", MessageFamily::Ack},   {"CONFIRM_FAILED", MessageFamily::Failure},
    {"CANCEL", MessageFamily::Abort},     {"CANCEL_OK", MessageFamily::Ack}};
constexpr std::string_view kLogRecords[] = {"BEGIN", "TRY", "REJECT", "CONFIRM", "CANCEL", "EMPTY_CANCEL", "EXPIRE", "END"};
constexpr std::string_view kTimers[] = {"try_timeout", "retry", "try_done", "reservation_expiry"};
constexpr std::string_view kNotes[] = {"frozen",    "available",    "expired", "empty_cancel", "late_try_refused", "confirm_refused",
                                       "duplicate", "try_rejected", "retry",   "client_retry", "recovered"};
constexpr MetricSpec kMetrics[] = {
    {.key = "tcc_confirmed", .sense = MetricSense::Good, .shown_by_default = true},
    {.key = "tcc_cancelled", .sense = MetricSense::Bad, .shown_by_default = true},
    {.key = "reservations_held", .level = true, .shown_by_default = true},
    {.key = "frozen_amount", .unit = MetricUnit::Amount, .level = true},
    {.key = "expirations", .sense = MetricSense::Anomaly},
    {.key = "empty_cancels"},
    {.key = "late_tries_refused"},
    {.key = "confirms_refused", .sense = MetricSense::Bad},
    {.key = "try_rejections", .sense = MetricSense::Bad},
    {.key = "duplicates_ignored"},
    {.key = "retries"},
    {.key = "latency_avg_us", .unit = MetricUnit::Micros},
    {.key = "latency_max_us", .unit = MetricUnit::Micros},
    {.key = "available", .unit = MetricUnit::Amount, .level = true},
    {.key = "consumed", .unit = MetricUnit::Amount, .level = true},
};
constexpr InvariantSpec kInvariants[] = {
    {"confirm_xor_cancel", "No service both confirms and cancels (or expires) one transaction."},
    {"all_or_nothing", "No transaction is confirmed at one service and cancelled, expired or rejected at another."},
    {"conservation", "At every service, available + frozen + consumed equals the capacity; nothing is released twice."},
    {"confirm_once", "Each service applies a transaction's confirm at most once."},
};
constexpr ParamSpec kParams[] = {
    {.key = "services", .kind = ParamKind::Integer, .def = 2, .lo = 1, .hi = 8, .unit = "nodes",
     .help = "services ACCOUNT, INVENTORY, … (besides the transaction manager TM)", .sets_cluster_size = true, .starter = true},
    {.key = "transactions", .kind = ParamKind::Integer, .def = 1, .lo = 1, .hi = 100'000,
     .help = "transactions the client starts", .starter = true},
    {.key = "interval_ms", .kind = ParamKind::DurationMs, .def = 10, .lo = 0, .hi = 3'600'000, .unit = "ms",
     .help = "between transaction starts"},
    {.key = "amount", .kind = ParamKind::Integer, .def = 100, .lo = 1, .hi = 1'000'000'000,
     .help = "amount each service freezes per transaction", .starter = true},
    {.key = "amount_max", .kind = ParamKind::Integer, .lo = 1, .hi = 1'000'000'000,
     .help = "if larger than amount, each transaction's amount is drawn uniformly from amount…amount_max",
     .rule = DefaultRule::SameAs, .ref = "amount"},
    {.key = "try_ms", .kind = ParamKind::DurationMs, .def = 0, .lo = 0, .hi = 3'600'000, .unit = "ms",
     .help = "a service's local work on TRY (state TRYING)"},
    {.key = "try_timeout_ms", .kind = ParamKind::DurationMs, .def = 300, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "TM waiting for every TRY answer"},
    {.key = "retry_ms", .kind = ParamKind::DurationMs, .def = 200, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "re-send period of CONFIRM and CANCEL"},
    {.key = "reservation_ms", .kind = ParamKind::DurationMs, .def = 5000, .lo = 1, .hi = 86'400'000, .unit = "ms",
     .help = "a reservation's lifetime; the service cancels it on its own when it expires", .starter = true},
    {.key = "client_retry_ms", .kind = ParamKind::DurationMs, .def = 100, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "client retry while TM is down"},
    {.key = "capacity", .kind = ParamKind::Structured,
     .help = "per service: a number for all (0 to 10^12), or an object such as {\"INVENTORY\": 50} (others 1000)",
     .def_json = "1000", .starter = true},
};
constexpr VariantSpec kVariants[] = {
    {.id = "reservation=half", .label = "Shorter reservations (%1 ms)", .tag = "½ reservation", .edit = VariantEdit::Scale,
     .key = "reservation_ms", .factor = 0.5},
    {.id = "reservation=double", .label = "Longer reservations (%1 ms)", .tag = "2× reservation", .edit = VariantEdit::Scale,
     .key = "reservation_ms", .factor = 2},
};
constexpr ProtocolDescriptor kDescriptor{
    .name = "tcc",
    .title = "Try-Confirm/Cancel",
    .summary = "Try-Confirm/Cancel: TM and services (ACCOUNT, INVENTORY, ...); reservations that expire, empty cancel, idempotent confirm/cancel",
    .roles = kRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = kInvariants, .params = kParams, .variants = kVariants,
    .workload = {.transactions = "transactions", .interval = "interval_ms", .refusal = RefusalForm::Capacity}};
}  // namespace

const ProtocolDescriptor& describe() { return kDescriptor; }

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out) {
  ParamReader r(params, out, kDescriptor.params);
  Params p;
  p.services = static_cast<int>(r.integer("services"));
  p.transactions = static_cast<int>(r.integer("transactions"));
  p.interval = r.duration("interval_ms");
  p.amount = r.integer("amount");
  p.amount_max = r.integer("amount_max");
  if (p.amount_max < p.amount) {
    r.error("amount_max", "must be at least amount (" + std::to_string(p.amount) + ")");
    p.amount_max = p.amount;
  }
  p.try_ms = r.duration("try_ms");
  p.try_timeout = r.duration("try_timeout_ms");
  p.retry = r.duration("retry_ms");
  p.reservation = r.duration("reservation_ms");
  p.client_retry = r.duration("client_retry_ms");
  const auto names = service_names(p.services);
  p.capacity.assign(static_cast<std::size_t>(p.services) + 1, kDefaultCapacity);
  constexpr std::int64_t kMaxCapacity = 1'000'000'000'000;
  if (const auto* cap = r.raw("capacity")) {
    const auto valid = [&](const nlohmann::json& v) {
      return v.is_number_integer() && v.get<std::int64_t>() >= 0 && v.get<std::int64_t>() <= kMaxCapacity;
    };
    if (cap->is_object()) {
      for (const auto& [name, v] : cap->items()) {
        const auto it = std::find(names.begin(), names.end(), name);
        const std::string key = "capacity." + name;
        if (it == names.end())
          r.error(key, "\"" + name + "\" is not a service of this run");
        else if (!valid(v))
          r.error(key, "must be a whole number from 0 to 10^12");
        else
          p.capacity[static_cast<std::size_t>(it - names.begin()) + 1] = v.get<std::int64_t>();
      }
    } else if (valid(*cap)) {
      std::fill(p.capacity.begin(), p.capacity.end(), cap->get<std::int64_t>());
    } else {
      r.error("capacity", "must be a whole number from 0 to 10^12, or an object such as {\"INVENTORY\": 50}");
    }
  }
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<TryConfirmCancel>(std::move(p));
}

ProtocolInfo TryConfirmCancel::make_info() {
  ProtocolInfo i = make_protocol_info(kDescriptor);
  i.roles = {
      RoleMachine{"transaction_manager",
                  {TRYING, CONFIRMING, CANCELLING, CONFIRMED, CANCELLED},
                  {{TRYING, CONFIRMING, "all TRY_OK/CONFIRM"},
                   {TRYING, CANCELLING, "TRY_FAILED/CANCEL"},
                   {TRYING, CANCELLING, "timeout/CANCEL"},
                   {CONFIRMING, CONFIRMED, "all CONFIRM_OK"},
                   {CANCELLING, CANCELLED, "all CANCEL_OK"}}},
      RoleMachine{"service",
                  {TRYING, RESERVED, REJECTED, EXPIRED, CONFIRMED, CANCELLED},
                  {{TRYING, RESERVED, "TRY/TRY_OK"},
                   {TRYING, REJECTED, "TRY/TRY_FAILED"},
                   {TRYING, CANCELLED, "CANCEL/CANCEL_OK (empty cancel)"},
                   {RESERVED, CONFIRMED, "CONFIRM/CONFIRM_OK"},
                   {RESERVED, CANCELLED, "CANCEL/CANCEL_OK"},
                   {RESERVED, EXPIRED, "timeout"}}},
  };
  return i;
}

TryConfirmCancel::TryConfirmCancel(Params p) : p_(std::move(p)), info_(make_info()) {
  const auto n = static_cast<std::size_t>(p_.transactions) + 1;
  tm_.assign(n, TmTxn{});
  svcs_.resize(static_cast<std::size_t>(p_.services));
  for (std::size_t i = 0; i < svcs_.size(); ++i) {
    svcs_[i].txns.assign(n, SvcTxn{});
    svcs_[i].available = p_.capacity[i + 1];
  }
  book_.assign(n, Book{});
}

std::vector<NodeSpec> TryConfirmCancel::node_specs() const {
  std::vector<NodeSpec> out{{"TM", "transaction_manager"}};
  for (const auto& name : service_names(p_.services)) out.push_back({name, "service"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> TryConfirmCancel::make_invariants() const {
  TccKeys k;
  for (NodeId i = 1; i < nodes(); ++i) {
    k.services.push_back(i);
    k.capacity.push_back(p_.capacity[static_cast<std::size_t>(i)]);
  }
  k.rec_try = REC_TRY;
  k.rec_confirm = REC_CONFIRM;
  k.rec_cancel = REC_CANCEL;
  k.rec_expire = REC_EXPIRE;
  k.rec_empty_cancel = REC_EMPTY_CANCEL;
  k.st_confirmed = CONFIRMED;
  k.st_undone = {CANCELLED, EXPIRED, REJECTED};
  k.note_frozen = N_FROZEN;
  k.note_available = N_AVAILABLE;
  std::vector<std::unique_ptr<Invariant>> out;
  out.push_back(std::make_unique<ConfirmXorCancelInvariant>(k));
  out.push_back(std::make_unique<AllOrNothingInvariant>(k));
  out.push_back(std::make_unique<ConservationInvariant>(k));
  out.push_back(std::make_unique<ConfirmOnceInvariant>(k));
  return out;
}

// Arrivals are chained: value 1 marks an arrival, 0 a client retry.
void TryConfirmCancel::start(Simulator& sim) { sim.schedule_client(0, 0, 1, 1); }

void TryConfirmCancel::on_client(Simulator& sim, std::uint16_t, TxnId txn, std::int64_t arrival) {
  if (arrival == 1 && txn < static_cast<TxnId>(p_.transactions)) sim.schedule_client(p_.interval, 0, txn + 1, 1);
  tm_start(sim, txn);
}

void TryConfirmCancel::on_message(Simulator& sim, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.transactions)) return;
  if (m.to == kTm)
    tm_on_message(sim, m);
  else
    svc_on_message(sim, m);
}

void TryConfirmCancel::on_timer(Simulator& sim, const TimerRec& t) {
  if (t.node == kTm)
    tm_on_timer(sim, t);
  else
    svc_on_timer(sim, t);
}

void TryConfirmCancel::on_crash(Simulator& sim, NodeId node) {
  if (node == kTm) {
    std::fill(tm_.begin(), tm_.end(), TmTxn{});
    return;
  }
  // The balances shown while the node is down are those of its database (the log): whatever the
  // handler changed in memory after the crash never happened.
  Service& s = svc(node);
  std::fill(s.txns.begin(), s.txns.end(), SvcTxn{});
  svc_replay(sim, node, nullptr);
  std::fill(s.txns.begin(), s.txns.end(), SvcTxn{});
}

void TryConfirmCancel::on_restart(Simulator& sim, NodeId node) {
  if (node == kTm)
    tm_recover(sim);
  else
    svc_recover(sim, node);
}

NodeView TryConfirmCancel::live_view(NodeId node) const {
  NodeView v;
  v.state = TRYING;
  const auto pick = [&](TxnId txn, std::uint8_t state, bool active) {
    if (state == kUnknown) return false;
    v.state = state;
    v.txn = txn;
    return active;
  };
  if (node == kTm) {
    for (TxnId t = 1; t < tm_.size(); ++t)
      if (pick(t, tm_[t].state, tm_[t].state == TRYING || tm_[t].state == CONFIRMING || tm_[t].state == CANCELLING)) break;
    return v;
  }
  const Service& s = svc(node);
  bool found_active = false;
  for (TxnId t = 1; t < s.txns.size(); ++t) {
    const SvcTxn& x = s.txns[t];
    if (!found_active) found_active = pick(t, x.state, x.state == TRYING || x.state == RESERVED);
    // A reservation holds funds the way a lock holds a row: shown as a lock on resource = txn.
    if (x.state == RESERVED) v.locks.push_back(LockView{static_cast<std::int64_t>(t), t, {}});
  }
  return v;
}

std::vector<TxnView> TryConfirmCancel::transactions() const {
  std::vector<TxnView> out;
  out.reserve(book_.size());
  for (TxnId t = 1; t < book_.size(); ++t) {
    const Book& b = book_[t];
    TxnView v{t, TxnOutcome::Pending, b.started, b.ended};
    if (b.ended >= 0)
      v.outcome = b.confirmed ? TxnOutcome::Committed : TxnOutcome::Aborted;
    else if (b.started >= 0)
      v.outcome = TxnOutcome::InProgress;
    out.push_back(v);
  }
  return out;
}

std::vector<Metric> TryConfirmCancel::metrics() const {
  std::int64_t held = 0, frozen = 0;
  for (const Service& s : svcs_) {
    held += s.held;
    frozen += s.frozen;
  }
  const std::int64_t ended = confirmed_ + cancelled_;
  std::vector<Metric> m{
      {"tcc_confirmed", kNoNode, confirmed_},
      {"tcc_cancelled", kNoNode, cancelled_},
      {"reservations_held", kNoNode, held},
      {"frozen_amount", kNoNode, frozen},
      {"expirations", kNoNode, expirations_},
      {"empty_cancels", kNoNode, empty_cancels_},
      {"late_tries_refused", kNoNode, late_tries_},
      {"confirms_refused", kNoNode, confirms_refused_},
      {"try_rejections", kNoNode, rejections_},
      {"duplicates_ignored", kNoNode, duplicates_},
      {"retries", kNoNode, retries_},
      {"latency_avg_us", kNoNode, ended > 0 ? latency_sum_ / ended : 0},
      {"latency_max_us", kNoNode, latency_max_},
  };
  for (NodeId n = 1; n < nodes(); ++n) {
    const Service& s = svc(n);
    m.push_back({"reservations_held", n, s.held});
    m.push_back({"frozen_amount", n, s.frozen});
    m.push_back({"available", n, s.available});
    m.push_back({"consumed", n, s.consumed});
  }
  return m;
}

}  // namespace cs::tcc
