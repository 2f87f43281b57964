#include "protocols/cap_register.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "check/forbidden_note.hpp"
#include "protocols/params.hpp"

namespace cs::cap {

namespace {
constexpr std::uint16_t kArrival = 0;
constexpr std::int64_t kNoQuorum = 1;  // FAIL reason
// LWW timestamps of the initial value: older than any clock reading, however skewed.
constexpr std::int64_t kInitialTs = std::numeric_limits<std::int64_t>::min();
// CP versions are counter * 8 + replica index (replicas <= 7), so two replicas never pick the same one.
constexpr std::int64_t kVersionBits = 3;
// A CP STORED record packs (version << 4) | key (keys <= 16).
constexpr std::int64_t kKeyBits = 4;

int popcount(std::uint32_t x) { return std::popcount(x); }

// Counts a list an operation keeps for the rest of the run against the run's memory limit: a read
// can return thousands of siblings, and each operation copies the frontier of completed writes.
void charge_kept(Simulator& sim, const std::vector<std::int64_t>& kept) {
  if (!kept.empty()) sim.charge(kept.capacity() * sizeof(std::int64_t) + 16);
}

bool vc_dominates(const std::vector<std::int64_t>& a, const std::vector<std::int64_t>& b) {
  for (std::size_t i = 0; i < b.size(); ++i)
    if ((i < a.size() ? a[i] : 0) < b[i]) return false;
  return true;
}

bool vc_dominates(const std::int64_t* a, const std::int64_t* b, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] < b[i]) return false;
  return true;
}
}  // namespace

// ---------------------------------------------------------------------------------------------
// Parameters and description

namespace {
constexpr RoleSpec kRoles[] = {
    {.key = "replica", .naming = "R1…Rn", .count = "replicas", .worker = true,
     .help = "keeps a copy of the register; CP: answers through a quorum, AP: answers alone"},
    {.key = "client", .naming = "K1…Km", .count = "clients", .help = "reads and writes through its replica"},
};
constexpr StateSpec kStates[] = {{"IDLE", StateClass::Initial},    {"WAITING", StateClass::Working},
                                 {"QUERYING", StateClass::Working}, {"STORING", StateClass::Working},
                                 {"DONE", StateClass::Done},        {"FAILED", StateClass::Failed}};
constexpr MessageSpec kMessages[] = {
    {"READ", MessageFamily::Request},         {"WRITE", MessageFamily::Request},
    {"READ_OK", MessageFamily::Success},      {"WRITE_OK", MessageFamily::Success},
    {"FAIL", MessageFamily::Failure},         {"QUERY", MessageFamily::Replication},
    {"QUERY_REPLY", MessageFamily::Replication}, {"STORE", MessageFamily::Replication},
    {"STORE_ACK", MessageFamily::Ack},        {"REPLICATE", MessageFamily::Replication},
    {"SYNC", MessageFamily::Replication}};
constexpr std::string_view kLogRecords[] = {"STORED", "CLOCK"};
constexpr std::string_view kTimers[] = {"op_timeout", "quorum_timeout", "anti_entropy"};
constexpr std::string_view kNotes[] = {"read_ok",     "write_ok",    "op_error",  "op_timeout",  "stale_read",  "conflict",
                                       "lost_update", "read_repair", "recovered", "client_down", "op_abandoned"};
constexpr MetricSpec kMetrics[] = {
    {.key = "ops_ok", .sense = MetricSense::Good, .shown_by_default = true},
    {.key = "errors", .sense = MetricSense::Bad, .shown_by_default = true},
    {.key = "timeouts", .sense = MetricSense::Bad},
    {.key = "stale_reads", .sense = MetricSense::Anomaly, .shown_by_default = true},
    {.key = "skipped"},
    {.key = "abandoned", .sense = MetricSense::Bad},
    {.key = "read_latency_sum_us", .unit = MetricUnit::Micros},
    {.key = "read_latency_count"},
    {.key = "read_latency_max_us", .unit = MetricUnit::Micros},
    {.key = "write_latency_sum_us", .unit = MetricUnit::Micros},
    {.key = "write_latency_count"},
    {.key = "write_latency_max_us", .unit = MetricUnit::Micros},
    {.key = "served", .sense = MetricSense::Good},
    {.key = "refused", .sense = MetricSense::Bad},
    {.key = "read_repairs"},
    {.key = "conflicts", .sense = MetricSense::Anomaly},
    {.key = "lost_updates", .sense = MetricSense::Bad},
    {.key = "siblings", .level = true},
};
constexpr InvariantSpec kInvariants[] = {
    {"linearizable",
     "Every completed read and write can be placed in one sequential order that respects real time "
     "(checked exhaustively per key; unknown beyond the search limit)."},
    {"no_stale_read", "No read misses a write that had completed before the read started."},
    {"no_lost_update", "No acknowledged write is discarded unless a later write that saw it replaced it."},
};
constexpr std::string_view kModes[] = {"cp", "ap"};
constexpr std::string_view kConflicts[] = {"lww", "vector"};
constexpr ParamSpec kParams[] = {
    {.key = "mode", .kind = ParamKind::Choice, .help = "cp: majority quorums, refuses without one; ap: answers from the local replica",
     .def_choice = "cp", .choices = kModes, .starter = true},
    {.key = "replicas", .kind = ParamKind::Integer, .def = 3, .lo = 3, .hi = 7, .unit = "nodes", .help = "replicas R1…Rn",
     .sets_cluster_size = true, .starter = true},
    {.key = "clients", .kind = ParamKind::Integer, .lo = 1, .hi = 16, .unit = "nodes", .help = "clients K1…Km",
     .rule = DefaultRule::SameAs, .ref = "replicas", .starter = true, .starter_json = "3"},
    // Up to 1,000,000: a run that forgets finished operations (the CLI's --long-run) holds only those
    // in flight and a 16-byte summary of the others (docs/benchmarks.md, "Scale").
    {.key = "operations", .kind = ParamKind::Integer, .def = 20, .lo = 1, .hi = 1'000'000,
     .help = "operations, round-robin over the clients", .starter = true},
    {.key = "interval_ms", .kind = ParamKind::DurationMs, .def = 20, .lo = 0, .hi = 3'600'000, .unit = "ms",
     .help = "between operation arrivals", .starter = true},
    {.key = "write_ratio", .kind = ParamKind::Probability, .def = 0.5, .lo = 0, .hi = 1,
     .help = "chance that an operation is a write"},
    {.key = "keys", .kind = ParamKind::Integer, .def = 1, .lo = 1, .hi = 16, .help = "registers"},
    {.key = "read_quorum", .kind = ParamKind::Integer, .lo = 1, .unit = "replicas", .help = "replicas a cp read asks",
     .rule = DefaultRule::MajorityOf, .ref = "replicas", .hi_ref = "replicas"},
    {.key = "write_quorum", .kind = ParamKind::Integer, .lo = 1, .unit = "replicas", .help = "replicas a cp write stores at",
     .rule = DefaultRule::MajorityOf, .ref = "replicas", .hi_ref = "replicas"},
    {.key = "quorum_timeout_ms", .kind = ParamKind::DurationMs, .def = 200, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "a cp replica gives up and answers FAIL"},
    {.key = "op_timeout_ms", .kind = ParamKind::DurationMs, .def = 400, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "a client gives up (op_timeout)"},
    {.key = "conflict", .kind = ParamKind::Choice, .help = "ap: last-writer-wins timestamps or vector clocks (siblings)",
     .def_choice = "vector", .choices = kConflicts},
    {.key = "sync_interval_ms", .kind = ParamKind::DurationMs, .def = 200, .lo = 0, .hi = 3'600'000, .unit = "ms",
     .help = "ap anti-entropy period (0: none; replicas converge only through `REPLICATE`)"},
    {.key = "attach", .kind = ParamKind::Structured,
     .help = "which replica each client talks to, e.g. {\"K4\": \"R1\"} (absent: round-robin)", .def_json = "{}"},
    {.key = "clock_skew_ms", .kind = ParamKind::Structured,
     .help = "ap lww: each replica's clock offset, e.g. {\"R1\": 400, \"R2\": -50}", .def_json = "{}"},
};
constexpr VariantSpec kVariants[] = {
    {.id = "mode=cp", .label = "CP mode (majority only)", .tag = "CP", .key = "mode", .value = "\"cp\"",
     .when_key = "mode", .when_value = "\"ap\""},
    {.id = "conflict=lww", .label = "Last-writer-wins clocks", .tag = "LWW", .key = "conflict", .value = "\"lww\"",
     .when_key = "mode", .when_value = "\"ap\""},
    {.id = "conflict=vector", .label = "Vector clocks", .tag = "vector", .key = "conflict", .value = "\"vector\"",
     .when_key = "mode", .when_value = "\"ap\""},
    {.id = "mode=ap", .label = "AP mode (answers on both sides)", .tag = "AP", .key = "mode", .value = "\"ap\"",
     .when_key = "mode", .when_value = "\"cp\""},
    {.id = "quorum=1", .label = "Quorums R = W = 1 (fast, may read stale)", .tag = "(R=W=%1)", .edit = VariantEdit::Quorums,
     .factor = 1, .when_key = "mode", .when_value = "\"cp\""},
    {.id = "quorum=majority", .label = "Majority quorums R = W = %1", .tag = "(R=W=%1)", .edit = VariantEdit::Quorums,
     .factor = 0, .when_key = "mode", .when_value = "\"cp\""},
    {.id = "quorum=all", .label = "All replicas R = W = %1 (slow)", .tag = "(R=W=%1)", .edit = VariantEdit::Quorums,
     .factor = -1, .when_key = "mode", .when_value = "\"cp\""},
};
constexpr ProtocolDescriptor kDescriptor{
    .name = "cap-register",
    .title = "Replicated register (CAP)",
    .summary = "Replicated register R1..Rn with clients K1..Km: CP (quorums, linearizable) or AP (local, LWW or vector clocks)",
    .roles = kRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = kInvariants, .params = kParams, .variants = kVariants};
}  // namespace

const ProtocolDescriptor& describe() { return kDescriptor; }

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out) {
  ParamReader r(params, out, kDescriptor.params);
  Params p;
  p.mode = r.choice("mode") == "ap" ? Mode::AP : Mode::CP;
  p.replicas = static_cast<int>(r.integer("replicas"));
  p.clients = static_cast<int>(r.integer("clients"));
  p.operations = static_cast<int>(r.integer("operations"));
  p.interval = r.duration("interval_ms");
  p.write_ratio = r.probability("write_ratio");
  p.keys = static_cast<int>(r.integer("keys"));
  p.read_quorum = static_cast<int>(r.integer("read_quorum"));
  p.write_quorum = static_cast<int>(r.integer("write_quorum"));
  p.quorum_timeout = r.duration("quorum_timeout_ms");
  p.op_timeout = r.duration("op_timeout_ms");
  p.conflict = r.choice("conflict") == "lww" ? Conflict::LWW : Conflict::Vector;
  p.sync_interval = r.duration("sync_interval_ms");
  const auto replica_index = [&](const std::string& name) {
    for (int i = 1; i <= p.replicas; ++i)
      if (name == "R" + std::to_string(i)) return i - 1;
    return -1;
  };
  p.attach.resize(static_cast<std::size_t>(p.clients));
  for (int c = 0; c < p.clients; ++c) p.attach[static_cast<std::size_t>(c)] = c % p.replicas;
  if (const auto* attach = r.raw("attach")) {
    if (!attach->is_object()) {
      r.error("attach", "must be an object such as {\"K1\": \"R2\"}");
    } else {
      for (const auto& [name, v] : attach->items()) {
        int c = -1;
        for (int i = 1; i <= p.clients; ++i)
          if (name == "K" + std::to_string(i)) c = i - 1;
        const int rep = v.is_string() ? replica_index(v.get<std::string>()) : -1;
        if (c < 0)
          r.error("attach." + name, "\"" + name + "\" is not a client (K1 to K" + std::to_string(p.clients) + ")");
        else if (rep < 0)
          r.error("attach." + name, "must name a replica (R1 to R" + std::to_string(p.replicas) + ")");
        else
          p.attach[static_cast<std::size_t>(c)] = rep;
      }
    }
  }
  p.skew.assign(static_cast<std::size_t>(p.replicas), 0);
  if (const auto* skew = r.raw("clock_skew_ms")) {
    if (!skew->is_object()) {
      r.error("clock_skew_ms", "must be an object such as {\"R1\": 50, \"R2\": -20}");
    } else {
      for (const auto& [name, v] : skew->items()) {
        const int rep = replica_index(name);
        if (rep < 0)
          r.error("clock_skew_ms." + name, "\"" + name + "\" is not a replica (R1 to R" + std::to_string(p.replicas) + ")");
        else if (!v.is_number() || v.get<double>() < -3'600'000 || v.get<double>() > 3'600'000)
          r.error("clock_skew_ms." + name, "must be a number of milliseconds between -3600000 and 3600000");
        else
          p.skew[static_cast<std::size_t>(rep)] = static_cast<Time>(std::llround(v.get<double>() * kMicrosPerMs));
      }
    }
  }
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<CapRegister>(std::move(p));
}

ProtocolInfo CapRegister::make_info(Mode mode) {
  ProtocolInfo i = make_protocol_info(kDescriptor);
  RoleMachine client{"client",
                     {IDLE, WAITING, DONE, FAILED},
                     {{IDLE, WAITING, "READ|WRITE"},
                      {WAITING, DONE, "READ_OK|WRITE_OK"},
                      {WAITING, FAILED, "FAIL"},
                      {WAITING, FAILED, "timeout"}}};
  RoleMachine replica{"replica", {}, {}};
  if (mode == Mode::CP) {
    replica.states = {IDLE, QUERYING, STORING, DONE, FAILED};
    replica.transitions = {{IDLE, QUERYING, "READ|WRITE/QUERY"},
                           {QUERYING, DONE, "R agreeing QUERY_REPLY/READ_OK"},
                           {QUERYING, STORING, "R QUERY_REPLY/STORE"},
                           {STORING, DONE, "W STORE_ACK/READ_OK|WRITE_OK"},
                           {QUERYING, FAILED, "timeout/FAIL"},
                           {STORING, FAILED, "timeout/FAIL"}};
  } else {
    replica.states = {IDLE, DONE};
    replica.transitions = {{IDLE, DONE, "READ/READ_OK"}, {IDLE, DONE, "WRITE/WRITE_OK+REPLICATE"}};
  }
  i.roles = {replica, client};
  return i;
}

CapRegister::CapRegister(Params p) : p_(std::move(p)), info_(make_info(p_.mode)) {
  replicas_.resize(static_cast<std::size_t>(p_.replicas));
  for (auto& r : replicas_) {
    r.keys.assign(static_cast<std::size_t>(p_.keys), initial_siblings());
    r.issued.assign(static_cast<std::size_t>(p_.keys), 0);
    r.seen.assign(static_cast<std::size_t>(p_.operations) + 1, 0);
  }
  clients_.resize(static_cast<std::size_t>(p_.clients));
  // Per-operation tables grow as operations are issued; reserved (address space only, no pages
  // touched) so that growing never copies them.
  ops_base_ = 1;  // id 0 names no operation
  past_.reserve(static_cast<std::size_t>(p_.operations) + 1);
  lost_.assign(static_cast<std::size_t>(p_.operations) + 1, false);
  frontier_.resize(static_cast<std::size_t>(p_.keys));
  if (p_.mode == Mode::AP) bvc_.reserve((static_cast<std::size_t>(p_.operations) + 1) * static_cast<std::size_t>(p_.replicas));
  book_counter_.assign(static_cast<std::size_t>(p_.replicas), 0);
  const auto nodes = static_cast<std::size_t>(p_.replicas + p_.clients);
  fig_.resize(nodes);
  last_.assign(nodes, {IDLE, 0});
}

std::vector<CapRegister::Sibling> CapRegister::initial_siblings() const {
  Sibling s;
  if (p_.mode == Mode::AP && p_.conflict == Conflict::LWW) s.ts = kInitialTs;
  if (p_.mode == Mode::AP && p_.conflict == Conflict::Vector) s.vc.assign(static_cast<std::size_t>(p_.replicas), 0);
  return {s};
}

std::vector<NodeSpec> CapRegister::node_specs() const {
  std::vector<NodeSpec> out;
  for (const auto& name : numbered_names("R", p_.replicas)) out.push_back({name, "replica"});
  for (const auto& name : numbered_names("K", p_.clients)) out.push_back({name, "client"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> CapRegister::make_invariants() const {
  std::vector<std::unique_ptr<Invariant>> out;
  out.push_back(std::make_unique<lin::LinearizabilityInvariant>(*this));
  out.push_back(std::make_unique<ForbiddenNoteInvariant>(
      "no_stale_read", "No read misses a write that had completed before the read started.", N_STALE_READ,
      "a read missed a write that had completed before it started"));
  if (p_.mode == Mode::AP)
    out.push_back(std::make_unique<ForbiddenNoteInvariant>(
        "no_lost_update", "No acknowledged write is discarded unless a later write that saw it replaced it.",
        N_LOST_UPDATE, "an acknowledged write was discarded although no write that replaced it had seen it"));
  return out;
}

void CapRegister::set_node_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t from, std::uint8_t to) {
  sim.set_state(node, txn, from, to);
  last_[static_cast<std::size_t>(node)] = {to, txn};
}

// ---------------------------------------------------------------------------------------------
// Workload and dispatch

void CapRegister::start(Simulator& sim) {
  // 0 turns anti-entropy off: small explorer models (tests/explore/cap-ap.json) need no gossip to
  // reach a stale read, and every periodic timer multiplies the interleavings.
  if (p_.mode == Mode::AP && p_.sync_interval > 0)
    for (NodeId r = 0; r < n(); ++r)  // staggered, so the replicas do not all gossip at once
      sim.set_timer(r, p_.sync_interval * (r + 1) / n(), T_ANTI_ENTROPY, 0);
  sim.schedule_client(0, kArrival, 1, 1);
}

void CapRegister::on_client(Simulator& sim, std::uint16_t, TxnId op, std::int64_t arrival) {
  if (arrival == 1 && op < static_cast<TxnId>(p_.operations)) sim.schedule_client(p_.interval, kArrival, op + 1, 1);
  client_issue(sim, op);
}

void CapRegister::on_message(Simulator& sim, const Message& m) {
  if (!is_replica(m.to)) {
    client_on_message(sim, m);
    return;
  }
  if (p_.mode == Mode::CP)
    cp_on_message(sim, m);
  else
    ap_on_message(sim, m);
  maybe_checkpoint(sim, m.to);  // replicas log only while handling a message
}

void CapRegister::on_timer(Simulator& sim, const TimerRec& t) {
  switch (t.kind) {
    case T_OP_TIMEOUT: {
      const auto& pend = clients_[static_cast<std::size_t>(t.node - n())].pending;
      if (std::find(pend.begin(), pend.end(), t.txn) != pend.end()) client_finish(sim, t.txn, ClientOpStatus::Timeout, {});
      break;
    }
    case T_QUORUM_TIMEOUT: {
      Replica& r = rep(t.node);
      auto it = r.coord.find(t.txn);
      if (it == r.coord.end()) break;
      const Coord c = it->second;
      r.coord.erase(it);
      ++fig_[static_cast<std::size_t>(t.node)].refused;
      // The minority side refuses rather than answer with what it cannot vouch for.
      sim.send(t.node, c.client, FAIL, t.txn, kNoQuorum);
      set_node_state(sim, t.node, t.txn, c.phase, FAILED);
      break;
    }
    case T_ANTI_ENTROPY: {
      Replica& r = rep(t.node);
      // Push everything to one peer per round, round-robin: gossip reaches everyone transitively.
      const auto peer = static_cast<NodeId>((t.node + 1 + r.sync_round % (n() - 1)) % n());
      ++r.sync_round;
      auto extra = ap_encode(t.node, -1);
      if (!extra.empty()) sim.send(t.node, peer, SYNC, 0, 0, 0, std::move(extra));
      sim.set_timer(t.node, p_.sync_interval, T_ANTI_ENTROPY, 0);
      break;
    }
    default: break;
  }
}

// ---------------------------------------------------------------------------------------------
// Clients

void CapRegister::client_issue(Simulator& sim, TxnId op) {
  OpRec& o = op_rec(op);
  const int c = static_cast<int>((op - 1) % static_cast<TxnId>(p_.clients));
  o.client = client_node(c);
  // Draw the workload first, whatever happens next, so a crash does not shift later draws.
  o.key = static_cast<std::int64_t>(sim.workload_rng().below(static_cast<std::uint64_t>(p_.keys)));
  o.write = sim.workload_rng().chance(p_.write_ratio);
  if (past_.size() <= op) past_.resize(op + 1);
  // Invoked before the trace says so, so that the linearizability invariant reads it at its TxnStart.
  const bool up = sim.is_up(o.client);
  if (up) {
    o.issue(sim.now());
    past_[op].invoked = sim.now();
  }
  sim.txn_start(o.client, op);
  if (!up) {
    ++skipped_;
    o.skip(sim, op, N_CLIENT_DOWN);
    forget_finished(sim);
    return;
  }
  o.frontier = frontier_[static_cast<std::size_t>(o.key)];
  charge_kept(sim, o.frontier);
  clients_[static_cast<std::size_t>(c)].pending.push_back(op);
  set_node_state(sim, o.client, op, IDLE, WAITING);
  const auto replica = static_cast<NodeId>(p_.attach[static_cast<std::size_t>(c)]);
  sim.send(o.client, replica, o.write ? WRITE : READ, op, o.key, o.write ? static_cast<std::int64_t>(op) : 0);
  o.timer = sim.set_timer(o.client, p_.op_timeout, T_OP_TIMEOUT, op);
}

void CapRegister::client_on_message(Simulator& sim, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.operations)) return;
  const auto& pend = clients_[static_cast<std::size_t>(m.to - n())].pending;
  if (std::find(pend.begin(), pend.end(), m.txn) == pend.end()) return;  // late or duplicate answer
  switch (m.type) {
    case READ_OK: client_finish(sim, m.txn, ClientOpStatus::Ok, m.extra); break;
    case WRITE_OK: client_finish(sim, m.txn, ClientOpStatus::Ok, {}); break;
    case FAIL: client_finish(sim, m.txn, ClientOpStatus::Failed, {}); break;
    default: break;
  }
}

void CapRegister::client_finish(Simulator& sim, TxnId op, ClientOpStatus status, std::vector<std::int64_t> result) {
  OpRec& o = ops_[op - ops_base_];
  o.finish(sim, op, clients_[static_cast<std::size_t>(o.client - n())].pending, status);
  std::sort(result.begin(), result.end());
  o.result = std::move(result);
  charge_kept(sim, o.result);
  Figures& f = fig_[static_cast<std::size_t>(o.client)];
  if (status != ClientOpStatus::Ok) {
    ++(status == ClientOpStatus::Failed ? f.errors : f.timeouts);
    sim.note(o.client, op, status == ClientOpStatus::Failed ? N_OP_ERROR : N_OP_TIMEOUT);
    set_node_state(sim, o.client, op, WAITING, FAILED);
    sim.txn_end(op, TxnOutcome::Aborted);
    forget_finished(sim);
    return;
  }
  const std::int64_t latency = o.ended - o.invoked;
  ++f.ops_ok;
  if (o.write) {
    past_[op].ok_end = o.ended;
    f.write.add(latency);
    book_write_done(op);
    sim.note(o.client, op, N_WRITE_OK, latency);
  } else {
    f.read.add(latency);
    sim.note(o.client, op, N_READ_OK, latency);
    for (std::int64_t w : o.frontier) {
      // Stale: every value returned is older than a write that had completed before the read began.
      const bool missed = std::all_of(o.result.begin(), o.result.end(), [&](std::int64_t v) { return older(v, w); });
      if (missed) {
        ++f.stale_reads;
        sim.note(o.client, op, N_STALE_READ, w);  // value = the completed write it missed
        break;
      }
    }
  }
  set_node_state(sim, o.client, op, WAITING, DONE);
  sim.txn_end(op, TxnOutcome::Committed);  // the invariants read the operation here: forgotten after
  forget_finished(sim);
}

CapRegister::OpRec& CapRegister::op_rec(TxnId op) {
  while (op - ops_base_ >= ops_.size()) ops_.emplace_back();
  return ops_[op - ops_base_];
}

void CapRegister::forget_finished(Simulator& sim) {
  if (!sim.config().forget_finished) return;
  while (!ops_.empty() && ops_.front().status != ClientOpStatus::Due && ops_.front().status != ClientOpStatus::InFlight) {
    (ops_.front().status == ClientOpStatus::Ok ? forgotten_.committed : forgotten_.aborted) += 1;
    ops_.pop_front();
    ++ops_base_;
  }
}

// A checkpoint: the registers as they are now are exactly what replaying the whole log rebuilds
// (every change a replica makes to them is logged as it is made, and recovery replays in order), so
// they replace the records, which recovery then no longer reads. The log ends with whole groups
// (a STORED record and its clock records are appended in one step). Not traced.
void CapRegister::maybe_checkpoint(Simulator& sim, NodeId r) {
  if (!sim.config().forget_finished || sim.log(r).size() < kCheckpointRecords) return;
  rep(r).checkpoint = rep(r).keys;
  sim.log_truncate(r, sim.log(r).size());
}

// ---------------------------------------------------------------------------------------------
// CP: quorum reads and writes with versions (ABD)

void CapRegister::cp_on_message(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  Replica& r = rep(me);
  const auto bit = [&](NodeId x) { return std::uint32_t{1} << x; };
  switch (m.type) {
    case READ:
    case WRITE: cp_begin(sim, me, m); break;
    case QUERY: {
      const Sibling& s = r.keys[static_cast<std::size_t>(m.a)][0];
      sim.send(me, m.from, QUERY_REPLY, m.txn, m.a, s.ts, {s.value});
      break;
    }
    case QUERY_REPLY: {
      auto it = r.coord.find(m.txn);
      if (it == r.coord.end() || it->second.phase != QUERYING || (it->second.replied & bit(m.from))) break;
      Coord& c = it->second;
      c.replied |= bit(m.from);
      if (m.b > c.best_ts) {
        c.best_ts = m.b;
        c.best_value = m.extra.at(0);
      }
      c.min_ts = std::min(c.min_ts, m.b);
      cp_after_query(sim, me, m.txn);
      break;
    }
    case STORE:
      cp_store_local(sim, me, m.a, m.b, m.extra.at(0));
      sim.send(me, m.from, STORE_ACK, m.txn, m.a, m.b);
      break;
    case STORE_ACK: {
      auto it = r.coord.find(m.txn);
      if (it == r.coord.end() || it->second.phase != STORING || it->second.ts != m.b) break;
      it->second.acked |= bit(m.from);
      cp_after_store(sim, me, m.txn);
      break;
    }
    default: break;
  }
}

void CapRegister::cp_begin(Simulator& sim, NodeId me, const Message& m) {
  Replica& r = rep(me);
  // A duplicated request: already at work on it, or (a write) already stored. Running a write twice
  // would give its value a second, newer version after the client was told it was done.
  if (r.coord.count(m.txn) || (m.type == WRITE && (r.seen[m.txn] & kSeen))) return;
  Coord c;
  c.write = m.type == WRITE;
  c.key = m.a;
  c.value = m.b;
  c.client = m.from;
  c.replied = std::uint32_t{1} << me;  // its own copy counts towards the quorum at once
  const Sibling& local = r.keys[static_cast<std::size_t>(c.key)][0];
  c.best_ts = c.min_ts = local.ts;
  c.best_value = local.value;
  c.timer = sim.set_timer(me, p_.quorum_timeout, T_QUORUM_TIMEOUT, m.txn);
  r.coord[m.txn] = c;
  set_node_state(sim, me, m.txn, IDLE, QUERYING);
  if (p_.read_quorum > 1)
    for (NodeId s = 0; s < n(); ++s)
      if (s != me) sim.send(me, s, QUERY, m.txn, c.key);
  cp_after_query(sim, me, m.txn);
}

void CapRegister::cp_after_query(Simulator& sim, NodeId me, TxnId op) {
  Replica& r = rep(me);
  auto it = r.coord.find(op);
  if (it == r.coord.end()) return;
  Coord& c = it->second;
  if (popcount(c.replied) < p_.read_quorum) return;
  const int R = p_.read_quorum, W = p_.write_quorum, N = n();
  // Skipping the write-back is safe when every reply already had the newest version and any later
  // read quorum must meet these R replicas (a majority) — or when R + W <= N promised nothing anyway.
  if (!c.write && c.min_ts == c.best_ts && (2 * R > N || R + W <= N)) {
    sim.cancel_timer(c.timer);
    sim.send(me, c.client, READ_OK, op, c.key, c.best_ts, {c.best_value});
    ++fig_[static_cast<std::size_t>(me)].served;
    r.coord.erase(it);
    set_node_state(sim, me, op, QUERYING, DONE);
    return;
  }
  if (c.write) {
    const auto k = static_cast<std::size_t>(c.key);
    const std::int64_t counter = std::max(c.best_ts >> kVersionBits, r.issued[k]) + 1;
    r.issued[k] = counter;
    c.ts = (counter << kVersionBits) | me;
    if (held(op)) ops_[op - ops_base_].ts = c.ts;  // a forgetting run may have forgotten it (client gave up)
  } else {
    // Read repair: make the newest value durable on a write quorum before answering, so no later read
    // can return anything older.
    c.ts = c.best_ts;
    c.value = c.best_value;
    ++fig_[static_cast<std::size_t>(me)].read_repairs;
    sim.note(me, op, N_READ_REPAIR, c.value);
  }
  c.phase = STORING;
  c.acked = std::uint32_t{1} << me;
  const std::int64_t key = c.key, ts = c.ts, value = c.value;
  set_node_state(sim, me, op, QUERYING, STORING);
  // Stored locally first: after a crash the replica's log remembers the version it handed out.
  cp_store_local(sim, me, key, ts, value);
  // Sent to every replica even when fewer acks are awaited, so the value still spreads.
  for (NodeId s = 0; s < n(); ++s)
    if (s != me) sim.send(me, s, STORE, op, key, ts, {value});
  cp_after_store(sim, me, op);
}

void CapRegister::cp_after_store(Simulator& sim, NodeId me, TxnId op) {
  Replica& r = rep(me);
  auto it = r.coord.find(op);
  if (it == r.coord.end()) return;
  const Coord c = it->second;
  if (popcount(c.acked) < p_.write_quorum) return;
  r.coord.erase(it);
  sim.cancel_timer(c.timer);
  if (c.write)
    sim.send(me, c.client, WRITE_OK, op, c.key, c.ts);
  else
    sim.send(me, c.client, READ_OK, op, c.key, c.ts, {c.value});
  ++fig_[static_cast<std::size_t>(me)].served;
  set_node_state(sim, me, op, STORING, DONE);
}

void CapRegister::cp_store_local(Simulator& sim, NodeId me, std::int64_t key, std::int64_t ts, std::int64_t value) {
  Sibling& s = rep(me).keys[static_cast<std::size_t>(key)][0];
  if (ts <= s.ts) return;  // versions only move forward
  rep(me).seen[static_cast<std::size_t>(value)] |= sim.config().forget_finished ? kSeen | kLogged : kSeen;
  s.ts = ts;
  s.value = value;
  sim.log_append(me, REC_STORED, static_cast<TxnId>(value), (ts << kKeyBits) | key);
}

// ---------------------------------------------------------------------------------------------
// AP: local answers, push replication, anti-entropy, LWW or vector clocks

void CapRegister::ap_on_message(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  switch (m.type) {
    case READ: {
      std::vector<std::int64_t> values;
      for (const Sibling& s : rep(me).keys[static_cast<std::size_t>(m.a)]) values.push_back(s.value);
      sim.send(me, m.from, READ_OK, m.txn, m.a, 0, std::move(values));
      ++fig_[static_cast<std::size_t>(me)].served;
      set_node_state(sim, me, m.txn, IDLE, DONE);
      break;
    }
    case WRITE: {
      // A duplicated WRITE must not become a second write of the same value.
      if (!(rep(me).seen[m.txn] & kSeen)) ap_write(sim, me, m.txn, m.a);
      sim.send(me, m.from, WRITE_OK, m.txn, m.a);
      ++fig_[static_cast<std::size_t>(me)].served;
      set_node_state(sim, me, m.txn, IDLE, DONE);
      break;
    }
    case REPLICATE:
    case SYNC: ap_merge_message(sim, me, m.extra); break;
    default: break;
  }
}

void CapRegister::ap_write(Simulator& sim, NodeId me, TxnId op, std::int64_t key) {
  auto& held = rep(me).keys[static_cast<std::size_t>(key)];
  rep(me).seen[op] |= kSeen;
  // Ground truth: the write has seen what this replica holds, plus one new event of its own.
  const auto nn = static_cast<std::size_t>(n());
  std::vector<std::int64_t> truth(nn, 0);
  for (const Sibling& s : held)
    if (s.value != 0)
      for (std::size_t i = 0; i < nn; ++i) truth[i] = std::max(truth[i], bvc(s.value)[i]);
  truth[static_cast<std::size_t>(me)] = ++book_counter_[static_cast<std::size_t>(me)];
  if (bvc_.size() < (op + 1) * nn) bvc_.resize((op + 1) * nn, 0);
  std::copy(truth.begin(), truth.end(), bvc_.begin() + static_cast<std::ptrdiff_t>(op * nn));

  Sibling s;
  s.value = op;
  bool changed = false;
  if (p_.conflict == Conflict::LWW) {
    // The timestamp is this replica's physical clock, skew included: a slow clock makes a later
    // write look older than one it follows, and last-writer-wins then silently drops it.
    s.ts = (sim.now() + p_.skew[static_cast<std::size_t>(me)]) * 8 + me;
    changed = ap_merge(sim, me, key, s, false);
  } else {
    s.vc.assign(static_cast<std::size_t>(n()), 0);
    for (const Sibling& h : held)
      for (std::size_t i = 0; i < s.vc.size(); ++i) s.vc[i] = std::max(s.vc[i], h.vc[i]);
    ++s.vc[static_cast<std::size_t>(me)];
    changed = ap_merge(sim, me, key, s, false);  // dominates every sibling held: replaces them all
  }
  if (!changed) return;
  auto extra = ap_encode(me, key);
  for (NodeId peer = 0; peer < n(); ++peer)
    if (peer != me) sim.send(me, peer, REPLICATE, op, key, 0, extra);
}

std::vector<std::int64_t> CapRegister::ap_encode(NodeId me, std::int64_t only_key) const {
  // [key, siblings, then per sibling: value, ts, vector clock (vector mode)] per key.
  std::vector<std::int64_t> out;
  const auto& keys = replicas_[static_cast<std::size_t>(me)].keys;
  for (std::size_t k = 0; k < keys.size(); ++k) {
    if (only_key >= 0 && static_cast<std::int64_t>(k) != only_key) continue;
    if (keys[k].size() == 1 && keys[k][0].value == 0) continue;  // still the initial value
    out.push_back(static_cast<std::int64_t>(k));
    out.push_back(static_cast<std::int64_t>(keys[k].size()));
    for (const Sibling& s : keys[k]) {
      out.push_back(s.value);
      out.push_back(s.ts);
      out.insert(out.end(), s.vc.begin(), s.vc.end());
    }
  }
  return out;
}

void CapRegister::ap_merge_message(Simulator& sim, NodeId me, const std::vector<std::int64_t>& x) {
  const std::size_t vcn = p_.conflict == Conflict::Vector ? static_cast<std::size_t>(n()) : 0;
  std::size_t i = 0;
  while (i + 2 <= x.size()) {
    const std::int64_t key = x[i];
    const std::int64_t count = x[i + 1];
    i += 2;
    for (std::int64_t j = 0; j < count && i + 2 + vcn <= x.size(); ++j) {
      Sibling s;
      s.value = x[i];
      s.ts = x[i + 1];
      s.vc.assign(x.begin() + static_cast<std::ptrdiff_t>(i + 2), x.begin() + static_cast<std::ptrdiff_t>(i + 2 + vcn));
      i += 2 + vcn;
      if (key >= 0 && key < p_.keys) ap_merge(sim, me, key, s, false);
    }
  }
}

bool CapRegister::ap_merge(Simulator& sim, NodeId me, std::int64_t key, const Sibling& s, bool quiet) {
  auto& held = rep(me).keys[static_cast<std::size_t>(key)];
  if (p_.conflict == Conflict::LWW) {
    Sibling& cur = held[0];
    if (cur.value == s.value) return false;
    if (s.ts < cur.ts) {
      ap_discard(sim, me, s.value, cur.value, quiet);
      return false;
    }
    ap_discard(sim, me, cur.value, s.value, quiet);
    cur = s;
  } else {
    for (const Sibling& h : held) {
      if (h.value == s.value) return false;
      if (vc_dominates(h.vc, s.vc)) {
        ap_discard(sim, me, s.value, h.value, quiet);
        return false;
      }
    }
    // Siblings the new one dominates are replaced; concurrent ones stay beside it.
    std::vector<Sibling> next;
    for (const Sibling& h : held) {
      if (vc_dominates(s.vc, h.vc))
        ap_discard(sim, me, h.value, s.value, quiet);
      else
        next.push_back(h);
    }
    next.push_back(s);
    std::sort(next.begin(), next.end(), [](const Sibling& a, const Sibling& b) { return a.value < b.value; });
    held = std::move(next);
  }
  rep(me).seen[static_cast<std::size_t>(s.value)] |= kSeen;
  if (quiet) return true;
  ap_log_sibling(sim, me, key, s);
  if (held.size() > 1) {
    ++fig_[static_cast<std::size_t>(me)].conflicts;
    sim.note(me, static_cast<TxnId>(s.value), N_CONFLICT, static_cast<std::int64_t>(held.size()));
  }
  return true;
}

void CapRegister::ap_log_sibling(Simulator& sim, NodeId me, std::int64_t key, const Sibling& s) {
  // One STORED record, then its clock: the timestamp (lww) or one record per vector entry.
  if (sim.config().forget_finished) rep(me).seen[static_cast<std::size_t>(s.value)] |= kLogged;
  sim.log_append(me, REC_STORED, static_cast<TxnId>(s.value), key);
  if (p_.conflict == Conflict::LWW) {
    sim.log_append(me, REC_CLOCK, static_cast<TxnId>(s.value), s.ts);
  } else {
    for (std::int64_t e : s.vc) sim.log_append(me, REC_CLOCK, static_cast<TxnId>(s.value), e);
  }
}

void CapRegister::ap_discard(Simulator& sim, NodeId me, std::int64_t lost, std::int64_t winner, bool quiet) {
  // A value replaced by a write that had seen it is an ordinary overwrite; otherwise the update is lost.
  if (lost == 0 || book_dominates(winner, lost)) return;
  if (lost_[static_cast<std::size_t>(lost)] || quiet) return;
  lost_[static_cast<std::size_t>(lost)] = true;
  ++fig_[static_cast<std::size_t>(me)].lost_updates;
  sim.note(me, static_cast<TxnId>(lost), N_LOST_UPDATE, winner);
}

// ---------------------------------------------------------------------------------------------
// Ground truth

bool CapRegister::book_dominates(std::int64_t a, std::int64_t b) const {
  if (b == 0) return true;
  if (a == 0) return false;
  return vc_dominates(bvc(a), bvc(b), static_cast<std::size_t>(n()));
}

bool CapRegister::older(std::int64_t v, std::int64_t w) const {
  // v is older than w when v's write had completed before w's began (the initial value is older
  // than every write). Concurrent writes may be ordered either way, so neither is older.
  if (v == w) return false;
  if (v == 0) return true;
  const Past& a = past_[static_cast<std::size_t>(v)];
  return a.ok_end >= 0 && a.ok_end < past_[static_cast<std::size_t>(w)].invoked;
}

void CapRegister::book_write_done(TxnId op) {
  // The frontier: completed writes that no later completed write followed in real time. A read that
  // starts now and returns only values older than one of them is stale.
  auto& fr = frontier_[static_cast<std::size_t>(ops_[op - ops_base_].key)];
  const auto w = static_cast<std::int64_t>(op);
  fr.erase(std::remove_if(fr.begin(), fr.end(), [&](std::int64_t f) { return older(f, w); }), fr.end());
  fr.push_back(w);
}

std::int64_t CapRegister::key_of(TxnId op) const {
  if (op == 0 || !held(op) || ops_[op - ops_base_].invoked < 0) return -1;
  return ops_[op - ops_base_].key;
}

const std::vector<std::int64_t>& CapRegister::result_of(TxnId op) const {
  static const std::vector<std::int64_t> kNone;
  return held(op) ? ops_[op - ops_base_].result : kNone;
}

std::vector<lin::Op> CapRegister::history(std::int64_t key) const {
  std::vector<lin::Op> out;
  for (TxnId id = ops_base_; held(id); ++id) {
    const OpRec& o = ops_[id - ops_base_];
    if (o.invoked < 0 || o.key != key) continue;
    const bool ok = o.status == ClientOpStatus::Ok;
    if (o.write) {
      // A write that failed, timed out or lost its client may still have taken effect.
      out.push_back(lin::Op{id, true, static_cast<std::int64_t>(id), {}, o.invoked, ok ? o.ended : lin::kNever});
    } else if (ok) {
      out.push_back(lin::Op{id, false, 0, o.result, o.invoked, o.ended});
    }
  }
  return out;
}

std::vector<std::int64_t> CapRegister::values_at(NodeId replica, std::int64_t key) const {
  std::vector<std::int64_t> out;
  for (const Sibling& s : replicas_[static_cast<std::size_t>(replica)].keys[static_cast<std::size_t>(key)]) out.push_back(s.value);
  std::sort(out.begin(), out.end());
  return out;
}

// ---------------------------------------------------------------------------------------------
// Crash, restart, views, figures

void CapRegister::recover(Simulator& sim, NodeId me) {
  Replica& r = rep(me);
  const auto& log = sim.log(me);
  // A forgetting run starts from the checkpoint (what the truncated records rebuilt).
  if (!r.checkpoint.empty()) r.keys = r.checkpoint;
  if (p_.mode == Mode::CP) {
    for (const LogRecord& rec : log) {
      if (rec.type != REC_STORED) continue;
      const std::int64_t key = rec.value & ((std::int64_t{1} << kKeyBits) - 1);
      const std::int64_t ts = rec.value >> kKeyBits;
      Sibling& s = r.keys[static_cast<std::size_t>(key)][0];
      r.seen[rec.txn] |= kSeen;
      if (ts > s.ts) {
        s.ts = ts;
        s.value = rec.txn;
      }
    }
  } else {
    const std::size_t clocks = p_.conflict == Conflict::LWW ? 1 : static_cast<std::size_t>(n());
    for (std::size_t i = 0; i < log.size(); ++i) {
      // A STORED record is always followed by its clock records (appended in one step).
      if (log[i].type != REC_STORED || i + clocks >= log.size()) continue;
      Sibling s;
      s.value = log[i].txn;
      if (p_.conflict == Conflict::LWW) {
        s.ts = log[i + 1].value;
      } else {
        for (std::size_t j = 1; j <= clocks; ++j) s.vc.push_back(log[i + j].value);
      }
      // Replaying every adopted sibling in order through the merge rebuilds the same state.
      ap_merge(sim, me, log[i].value, s, true);
      i += clocks;
    }
    if (p_.sync_interval > 0) sim.set_timer(me, p_.sync_interval, T_ANTI_ENTROPY, 0);
  }
  sim.note(me, 0, N_RECOVERED);
}

void CapRegister::on_crash(Simulator& sim, NodeId node) {
  const auto i = static_cast<std::size_t>(node);
  if (is_replica(node)) {
    Replica& r = rep(node);
    r.coord.clear();
    r.keys.assign(static_cast<std::size_t>(p_.keys), initial_siblings());
    std::fill(r.issued.begin(), r.issued.end(), 0);
    // Recovery marks seen every value its log stored; a forgetting run's truncated records live on
    // as the kLogged marks.
    for (auto& x : r.seen) x = (x & kLogged) ? kSeen | kLogged : 0;
    return;
  }
  // The client forgets what it was waiting for; those operations end without an answer (a write may
  // still take effect: the history keeps it as never answered).
  auto& pend = clients_[static_cast<std::size_t>(node - n())].pending;
  for (TxnId op : pend) {
    ++fig_[i].abandoned;
    ops_[op - ops_base_].abandon(sim, op, N_OP_ABANDONED);
  }
  pend.clear();
  forget_finished(sim);
}

void CapRegister::on_restart(Simulator& sim, NodeId node) {
  if (is_replica(node)) recover(sim, node);
}

NodeView CapRegister::live_view(NodeId node) const {
  const auto i = static_cast<std::size_t>(node);
  NodeView v;
  v.state = last_[i].first;
  v.txn = last_[i].second;
  if (is_replica(node)) {
    const Replica& r = replicas_[i];
    if (!r.coord.empty()) {
      v.state = r.coord.begin()->second.phase;
      v.txn = r.coord.begin()->first;
    }
  } else {
    if (const TxnId oldest = oldest_pending(clients_[i - static_cast<std::size_t>(n())].pending); oldest != 0) {
      v.state = WAITING;
      v.txn = oldest;
    }
  }
  return v;
}

std::vector<TxnView> CapRegister::transactions() const {
  std::vector<TxnView> out;
  // `ended` is only set once an operation is over, so the view is the shared one. A forgetting run
  // lists those it still holds, then those not issued yet (forgotten_transactions() counts the rest).
  const auto last = static_cast<TxnId>(p_.operations);
  for (TxnId id = std::max<TxnId>(1, ops_base_); id <= last; ++id)
    out.push_back(held(id) ? ops_[id - ops_base_].view(id) : OpRec{}.view(id));
  return out;
}

std::vector<Metric> CapRegister::metrics() const {
  std::vector<Metric> out;
  Figures total;
  for (std::size_t i = 0; i < fig_.size(); ++i) {
    const Figures& f = fig_[i];
    const auto node = static_cast<NodeId>(i);
    if (is_replica(node)) {
      std::int64_t siblings = 0;
      for (const auto& k : replicas_[i].keys) siblings = std::max<std::int64_t>(siblings, static_cast<std::int64_t>(k.size()));
      out.push_back({"served", node, f.served});
      out.push_back({"refused", node, f.refused});
      out.push_back({"read_repairs", node, f.read_repairs});
      out.push_back({"conflicts", node, f.conflicts});
      out.push_back({"lost_updates", node, f.lost_updates});
      out.push_back({"siblings", node, siblings});
    } else {
      out.push_back({"ops_ok", node, f.ops_ok});
      out.push_back({"errors", node, f.errors});
      out.push_back({"timeouts", node, f.timeouts});
      out.push_back({"stale_reads", node, f.stale_reads});
      f.read.append_metrics(out, "read", node);
      f.write.append_metrics(out, "write", node);
    }
    total.ops_ok += f.ops_ok;
    total.errors += f.errors;
    total.timeouts += f.timeouts;
    total.stale_reads += f.stale_reads;
    total.abandoned += f.abandoned;
    total.read.merge(f.read);
    total.write.merge(f.write);
    total.served += f.served;
    total.refused += f.refused;
    total.conflicts += f.conflicts;
    total.lost_updates += f.lost_updates;
    total.read_repairs += f.read_repairs;
  }
  out.push_back({"ops_ok", kNoNode, total.ops_ok});
  out.push_back({"errors", kNoNode, total.errors});
  out.push_back({"timeouts", kNoNode, total.timeouts});
  out.push_back({"stale_reads", kNoNode, total.stale_reads});
  out.push_back({"skipped", kNoNode, skipped_});
  out.push_back({"abandoned", kNoNode, total.abandoned});
  total.read.append_metrics(out, "read", kNoNode);
  total.write.append_metrics(out, "write", kNoNode);
  out.push_back({"served", kNoNode, total.served});
  out.push_back({"refused", kNoNode, total.refused});
  out.push_back({"read_repairs", kNoNode, total.read_repairs});
  out.push_back({"conflicts", kNoNode, total.conflicts});
  out.push_back({"lost_updates", kNoNode, total.lost_updates});
  return out;
}

}  // namespace cs::cap

namespace cs::cap {

// The explorer's canonical state: replicas, clients and the operations' history. Times of the
// history only matter by their order (what linearizability reads), so they are encoded as ranks;
// LWW timestamps are the physical clock itself and stay as they are (docs/explorer.md).
bool CapRegister::encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const {
  const auto siblings = [&](const std::vector<Sibling>& sibs) {
    out.push_back(static_cast<std::int64_t>(sibs.size()));
    for (const Sibling& s : sibs) {
      out.push_back(s.value);
      out.push_back(s.ts);
      out.insert(out.end(), s.vc.begin(), s.vc.end());
    }
  };
  for (const Replica& r : replicas_) {
    for (const auto& key : r.keys) siblings(key);
    out.push_back(static_cast<std::int64_t>(r.coord.size()));
    for (const auto& [op, c] : r.coord) {  // a std::map: in op order
      out.insert(out.end(), {op, c.write, c.key, c.value, c.client, c.phase, c.replied, c.acked, c.best_ts,
                             c.best_value, c.min_ts, c.ts, sim.timer_live(c.timer)});
    }
    out.insert(out.end(), r.issued.begin(), r.issued.end());
    out.insert(out.end(), r.seen.begin(), r.seen.end());
    // Only the round modulo the peers decides anything (which peer the next round pushes to); the
    // count itself grows with every gossip round and would make the space endless.
    out.push_back(n() > 1 ? r.sync_round % (n() - 1) : 0);
  }
  for (const Client& c : clients_) {
    out.push_back(static_cast<std::int64_t>(c.pending.size()));
    out.insert(out.end(), c.pending.begin(), c.pending.end());
  }
  // Every operation id from 0, as the tables were sized up front before they grew on demand (the
  // explorer never forgets, so every id from ops_base_ = 1 on is held or not issued yet).
  const OpRec untouched{};
  const auto last = static_cast<TxnId>(p_.operations);
  const auto op_at = [&](TxnId id) -> const OpRec& { return held(id) ? ops_[id - ops_base_] : untouched; };
  std::vector<Time> times;
  for (TxnId id = 0; id <= last; ++id) times.insert(times.end(), {op_at(id).invoked, op_at(id).ended});
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  const auto rank = [&](Time t) { return std::lower_bound(times.begin(), times.end(), t) - times.begin(); };
  for (TxnId id = 0; id <= last; ++id) {
    const OpRec& op = op_at(id);
    out.insert(out.end(), {static_cast<std::int64_t>(op.status), rank(op.invoked), rank(op.ended), sim.timer_live(op.timer),
                           op.key, op.write, op.ts, static_cast<std::int64_t>(lost_[id])});
    out.push_back(static_cast<std::int64_t>(op.result.size()));
    out.insert(out.end(), op.result.begin(), op.result.end());
    out.insert(out.end(), op.frontier.begin(), op.frontier.end());
  }
  for (const auto& f : frontier_) out.insert(out.end(), f.begin(), f.end());
  // Per write that has a causal history (never all zero: its own entry counts from 1), as the
  // per-operation vectors this flat table replaced did.
  const auto nn = static_cast<std::size_t>(n());
  for (std::size_t i = 0; nn > 0 && i + nn <= bvc_.size(); i += nn)
    if (std::any_of(bvc_.begin() + static_cast<std::ptrdiff_t>(i), bvc_.begin() + static_cast<std::ptrdiff_t>(i + nn),
                    [](std::int64_t x) { return x != 0; }))
      out.insert(out.end(), bvc_.begin() + static_cast<std::ptrdiff_t>(i), bvc_.begin() + static_cast<std::ptrdiff_t>(i + nn));
  out.insert(out.end(), book_counter_.begin(), book_counter_.end());
  return true;
}

}  // namespace cs::cap
