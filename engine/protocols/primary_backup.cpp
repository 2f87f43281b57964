#include "protocols/primary_backup.hpp"

#include <algorithm>
#include <bit>

#include "check/split_brain.hpp"
#include "protocols/params.hpp"

namespace cs::pb {

namespace {
constexpr std::uint16_t kArrival = 0;
std::uint32_t bit(NodeId n) { return std::uint32_t{1} << n; }
}  // namespace

// ---------------------------------------------------------------------------------------------
// Parameters and description

namespace {
constexpr RoleSpec kRoles[] = {
    {.key = "server", .naming = "N1…Nn", .count = "servers", .coordinates = true, .worker = true,
     .help = "primary or backup; a backup that hears no heartbeat takes over"},
    {.key = "client", .naming = "K1…Km", .count = "clients", .help = "writes to the server it believes is primary"},
    {.key = "storage", .naming = "STORAGE",
     .help = "fencing_token: holds the data; rejects a write whose token is older than the highest it has seen"},
};
constexpr StateSpec kStates[] = {{"PRIMARY", StateClass::Leader},   {"BACKUP", StateClass::Follower},
                                 {"CANDIDATE", StateClass::Follower}, {"IDLE", StateClass::Initial},
                                 {"WAITING", StateClass::Working},  {"DONE", StateClass::Done},
                                 {"FAILED", StateClass::Failed},    {"SERVING", StateClass::Working}};
constexpr MessageSpec kMessages[] = {
    {"WRITE", MessageFamily::Request},        {"WRITE_OK", MessageFamily::Success},
    {"REDIRECT", MessageFamily::Failure},     {"HEARTBEAT", MessageFamily::Election},
    {"HEARTBEAT_ACK", MessageFamily::Ack},    {"VOTE_REQUEST", MessageFamily::Election},
    {"VOTE_GRANTED", MessageFamily::VoteYes}, {"REPLICATE", MessageFamily::Replication},
    {"STORE", MessageFamily::Replication},    {"STORED", MessageFamily::Success},
    {"STORE_REJECTED", MessageFamily::Failure}, {"NEW_TOKEN", MessageFamily::Election}};
constexpr std::string_view kLogRecords[] = {"TERM", "VOTE", "ACCEPT", "REPLICA", "TOKEN"};
constexpr std::string_view kTimers[] = {"heartbeat", "failover", "client_timeout", "client_retry"};
constexpr std::string_view kNotes[] = {"failover", "step_down",    "two_primaries", "no_lease",  "fenced",      "conflicting_write",
                                       "write_ok", "write_failed", "retry",         "recovered", "client_down", "op_abandoned",
                                       "stale_token", "new_token"};
constexpr MetricSpec kMetrics[] = {
    {.key = "writes_accepted", .sense = MetricSense::Good},
    {.key = "writes_refused", .sense = MetricSense::Bad},
    {.key = "writes_ok", .sense = MetricSense::Good, .shown_by_default = true},
    {.key = "conflicting_writes", .sense = MetricSense::Anomaly, .shown_by_default = true},
    {.key = "failovers"},
    {.key = "writes_failed", .sense = MetricSense::Bad},
    {.key = "retries"},
    {.key = "skipped"},
    {.key = "abandoned", .sense = MetricSense::Bad},
    {.key = "write_latency_sum_us", .unit = MetricUnit::Micros},
    {.key = "write_latency_count"},
    {.key = "write_latency_max_us", .unit = MetricUnit::Micros},
    {.key = "primaries", .level = true, .shown_by_default = true},
    {.key = "primaries_max", .sense = MetricSense::Anomaly},
    {.key = "step_downs"},
    {.key = "replicated"},
    {.key = "term", .level = true},
    {.key = "stale_writes_rejected"},
    {.key = "storage_token", .level = true},
};
constexpr InvariantSpec kInvariants[] = {{"one_primary_per_term",
     "At most one primary's writes are accepted per term, and once a term's writes are accepted no "
     "write of an older term is (no split-brain writes)."}};
constexpr ParamSpec kParams[] = {
    {.key = "servers", .kind = ParamKind::Integer, .def = 3, .lo = 2, .hi = 7, .unit = "nodes",
     .help = "servers N1…Nn (with 2 and fencing no failover is possible: no majority without the other)",
     .sets_cluster_size = true, .starter = true},
    {.key = "clients", .kind = ParamKind::Integer, .def = 2, .lo = 1, .hi = 16, .unit = "nodes", .help = "clients K1…Km",
     .starter = true},
    {.key = "fencing", .kind = ParamKind::Boolean, .def = 1, .lo = 0, .hi = 1,
     .help = "majority votes and leases (off: a backup takes over alone, and split-brain is possible)", .starter = true},
    {.key = "fencing_token", .kind = ParamKind::Boolean, .def = 0, .lo = 0, .hi = 1,
     .help = "a STORAGE node holds the data and rejects writes whose term (fencing token) is older than one it has "
             "seen; elections need a majority"},
    {.key = "writes", .kind = ParamKind::Integer, .def = 20, .lo = 1, .hi = 100'000,
     .help = "writes, round-robin over the clients", .starter = true},
    {.key = "interval_ms", .kind = ParamKind::DurationMs, .def = 20, .lo = 0, .hi = 3'600'000, .unit = "ms",
     .help = "between writes", .starter = true},
    {.key = "heartbeat_ms", .kind = ParamKind::DurationMs, .def = 50, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "the primary's heartbeat period"},
    {.key = "failover_ms", .kind = ParamKind::DurationMs, .def = 200, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "silence before a backup takes over"},
    {.key = "lease_ms", .kind = ParamKind::DurationMs, .def = 150, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "fencing: lease length and vote promise"},
    {.key = "client_timeout_ms", .kind = ParamKind::DurationMs, .def = 150, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "a client gives up waiting for WRITE_OK and asks again"},
    {.key = "client_retry_ms", .kind = ParamKind::DurationMs, .def = 50, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "wait before asking again after a REDIRECT without a usable hint"},
    {.key = "max_attempts", .kind = ParamKind::Integer, .def = 10, .lo = 1, .hi = 1000, .help = "attempts per write"},
};
constexpr VariantSpec kVariants[] = {
    {.id = "fencing=off", .label = "Without fencing", .tag = "no fencing", .key = "fencing", .value = "false",
     .when_key = "fencing", .when_value = "true"},
    {.id = "fencing=on", .label = "With fencing", .tag = "fencing", .key = "fencing", .value = "true",
     .when_key = "fencing", .when_value = "false"},
};
constexpr ProtocolDescriptor kDescriptor{
    .name = "primary-backup",
    .title = "Primary/backup",
    .summary = "Primary/backup N1..Nn with heartbeat failover; fencing off = split-brain, on = majority leases",
    .roles = kRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = kInvariants, .params = kParams, .variants = kVariants,
    .workload = {.transactions = "writes", .interval = "interval_ms"}};
}  // namespace

const ProtocolDescriptor& describe() { return kDescriptor; }

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out) {
  ParamReader r(params, out, kDescriptor.params);
  Params p;
  p.servers = static_cast<int>(r.integer("servers"));
  p.clients = static_cast<int>(r.integer("clients"));
  p.fencing = r.boolean("fencing");
  p.token = r.boolean("fencing_token");
  p.writes = static_cast<int>(r.integer("writes"));
  p.interval = r.duration("interval_ms");
  p.heartbeat = r.duration("heartbeat_ms");
  p.failover = r.duration("failover_ms");
  p.lease = r.duration("lease_ms");
  p.client_timeout = r.duration("client_timeout_ms");
  p.client_retry = r.duration("client_retry_ms");
  p.max_attempts = static_cast<int>(r.integer("max_attempts"));
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<PrimaryBackup>(p);
}

ProtocolInfo PrimaryBackup::make_info(bool fencing, bool token) {
  ProtocolInfo i = make_protocol_info(kDescriptor);
  RoleMachine server{"server", {}, {}};
  if (fencing || token) {
    server.states = {PRIMARY, BACKUP, CANDIDATE};
    server.transitions = {{BACKUP, CANDIDATE, "failover timeout/VOTE_REQUEST"},
                          {CANDIDATE, CANDIDATE, "election timeout/VOTE_REQUEST"},
                          {CANDIDATE, PRIMARY, "majority VOTE_GRANTED/HEARTBEAT"},
                          {CANDIDATE, BACKUP, "HEARTBEAT of a term >= its own"},
                          {PRIMARY, BACKUP, "higher term"}};
  } else {
    server.states = {PRIMARY, BACKUP};
    server.transitions = {{BACKUP, PRIMARY, "failover timeout/HEARTBEAT"}, {PRIMARY, BACKUP, "HEARTBEAT of a higher term"}};
  }
  RoleMachine client{"client",
                     {IDLE, WAITING, DONE, FAILED},
                     {{IDLE, WAITING, "WRITE"},
                      {WAITING, WAITING, "REDIRECT or timeout/WRITE"},
                      {WAITING, DONE, "WRITE_OK"},
                      {WAITING, FAILED, "max_attempts"}}};
  i.roles = {server, client};
  if (token) {
    server.transitions.push_back({PRIMARY, BACKUP, "STORE_REJECTED of a higher token"});
    i.roles = {server, client, RoleMachine{"storage", {SERVING}, {}}};
  }
  return i;
}

PrimaryBackup::PrimaryBackup(Params p) : p_(p), info_(make_info(p.fencing, p.token)) {
  servers_.resize(static_cast<std::size_t>(p_.servers));
  for (auto& s : servers_) {
    s.accepted.assign(static_cast<std::size_t>(p_.writes) + 1, 0);
    s.replicated.assign(static_cast<std::size_t>(p_.writes) + 1, 0);
  }
  clients_.resize(static_cast<std::size_t>(p_.clients));
  writes_.resize(static_cast<std::size_t>(p_.writes) + 1);
  if (p_.token) store_.accepted.assign(static_cast<std::size_t>(p_.writes) + 1, 0);
  const auto nodes = static_cast<std::size_t>(p_.servers + p_.clients + (p_.token ? 1 : 0));
  fig_.resize(nodes);
  last_.assign(nodes, {IDLE, 0});
  down_.assign(nodes, 0);
}

std::vector<NodeSpec> PrimaryBackup::node_specs() const {
  std::vector<NodeSpec> out;
  for (const auto& name : numbered_names("N", p_.servers)) out.push_back({name, "server"});
  for (const auto& name : numbered_names("K", p_.clients)) out.push_back({name, "client"});
  if (p_.token) out.push_back({"STORAGE", "storage"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> PrimaryBackup::make_invariants() const {
  std::vector<std::string> names;
  for (const auto& s : node_specs()) names.push_back(s.name);
  std::vector<std::unique_ptr<Invariant>> out;
  out.push_back(std::make_unique<OnePrimaryPerTermInvariant>(REC_ACCEPT, std::move(names)));
  return out;
}

int PrimaryBackup::primaries() const {
  int count = 0;
  for (NodeId s = 0; s < n(); ++s)
    if (!down_[static_cast<std::size_t>(s)] && servers_[static_cast<std::size_t>(s)].role == PRIMARY) ++count;
  return count;
}

// ---------------------------------------------------------------------------------------------
// Start and dispatch

void PrimaryBackup::start(Simulator& sim) {
  for (NodeId s = 0; s < n(); ++s) {
    if (s == 0) {
      srv(s).role = PRIMARY;
      sim.set_state(s, 0, BACKUP, PRIMARY);
      heartbeat(sim, s);
    } else {
      sim.set_state(s, 0, BACKUP, BACKUP);
      arm_failover(sim, s, failover_delay(s));
    }
  }
  if (p_.token) sim.set_state(storage(), 0, SERVING, SERVING);
  sim.schedule_client(0, kArrival, 1, 1);
}

void PrimaryBackup::on_client(Simulator& sim, std::uint16_t, TxnId w, std::int64_t arrival) {
  if (arrival == 1 && w < static_cast<TxnId>(p_.writes)) sim.schedule_client(p_.interval, kArrival, w + 1, 1);
  client_issue(sim, w);
}

void PrimaryBackup::on_message(Simulator& sim, const Message& m) {
  if (is_storage(m.to))
    storage_on_message(sim, m);
  else if (is_server(m.to))
    server_on_message(sim, m);
  else
    client_on_message(sim, m);
}

void PrimaryBackup::on_timer(Simulator& sim, const TimerRec& t) {
  switch (t.kind) {
    case T_HEARTBEAT:
      if (srv(t.node).role == PRIMARY && srv(t.node).hb_timer == t.id) heartbeat(sim, t.node);
      break;
    case T_FAILOVER:
      if (srv(t.node).fo_timer == t.id) on_failover_timer(sim, t.node);
      break;
    case T_CLIENT_TIMEOUT: {
      WriteRec& w = writes_[t.txn];
      if (w.status != ClientOpStatus::InFlight || w.timer != t.id) break;
      // No answer: that server may be down or cut off; try the next one.
      const auto next = static_cast<NodeId>((w.target + 1) % n());
      cli(t.node).believed = next;
      client_attempt(sim, t.txn, next);
      break;
    }
    case T_CLIENT_RETRY: {
      WriteRec& w = writes_[t.txn];
      if (w.status == ClientOpStatus::InFlight && w.timer == t.id) client_attempt(sim, t.txn, static_cast<NodeId>(t.value));
      break;
    }
    default: break;
  }
}

// ---------------------------------------------------------------------------------------------
// Servers

void PrimaryBackup::set_role(Simulator& sim, NodeId s, std::uint8_t to) {
  Server& S = srv(s);
  const std::uint8_t from = S.role;
  S.role = to;
  sim.set_state(s, 0, from, to);
  count_primaries(sim, s);
}

void PrimaryBackup::count_primaries(Simulator& sim, NodeId changed) {
  const int count = primaries();
  primaries_max_ = std::max<std::int64_t>(primaries_max_, count);
  if (count >= 2 && srv(changed).role == PRIMARY) sim.note(changed, 0, N_TWO_PRIMARIES, count);
}

void PrimaryBackup::arm_failover(Simulator& sim, NodeId s, Time delay) {
  Server& S = srv(s);
  sim.cancel_timer(S.fo_timer);
  S.fo_timer = sim.set_timer(s, delay, T_FAILOVER, 0);
}

void PrimaryBackup::heartbeat(Simulator& sim, NodeId s) {
  Server& S = srv(s);
  ++S.round;
  S.rounds[S.round] = Round{sim.now(), bit(s)};
  // Rounds sent more than a lease ago can no longer extend the lease.
  while (!S.rounds.empty() && S.rounds.begin()->second.sent + p_.lease < sim.now()) S.rounds.erase(S.rounds.begin());
  for (NodeId o = 0; o < n(); ++o)
    if (o != s) sim.send(s, o, HEARTBEAT, 0, S.term, S.round);
  S.hb_timer = sim.set_timer(s, p_.heartbeat, T_HEARTBEAT, 0);
}

void PrimaryBackup::adopt_term(Simulator& sim, NodeId s, std::int64_t term) {
  Server& S = srv(s);
  S.term = term;
  S.primary = kNoNode;
  sim.log_append(s, REC_TERM, 0, term);
  if (S.role != BACKUP) step_down(sim, s);
}

void PrimaryBackup::step_down(Simulator& sim, NodeId s) {
  Server& S = srv(s);
  sim.cancel_timer(S.hb_timer);
  S.hb_timer = 0;
  S.lease_until = 0;
  S.rounds.clear();
  S.votes = 0;
  ++fig_[static_cast<std::size_t>(s)].step_downs;
  sim.note(s, 0, N_STEP_DOWN, S.term);
  set_role(sim, s, BACKUP);
  arm_failover(sim, s, failover_delay(s));
}

void PrimaryBackup::become_primary(Simulator& sim, NodeId s) {
  Server& S = srv(s);
  S.primary = s;
  S.votes = 0;
  S.lease_until = 0;  // with fencing, writes wait for the first heartbeat round a majority acknowledges
  S.rounds.clear();
  sim.cancel_timer(S.fo_timer);
  S.fo_timer = 0;
  ++fig_[static_cast<std::size_t>(s)].failovers;
  sim.note(s, 0, N_FAILOVER, S.term);
  set_role(sim, s, PRIMARY);
  // Claims the storage with its token at once, so a deposed primary is stopped even before this one
  // has a write of its own to store.
  if (p_.token) sim.send(s, storage(), NEW_TOKEN, 0, S.term);
  heartbeat(sim, s);
}

void PrimaryBackup::on_failover_timer(Simulator& sim, NodeId s) {
  Server& S = srv(s);
  S.fo_timer = 0;
  if (S.role == PRIMARY) return;
  if (p_.fencing && sim.now() < S.promise_until) {
    arm_failover(sim, s, S.promise_until - sim.now());  // still bound by the lease it acknowledged
    return;
  }
  ++S.term;
  S.primary = kNoNode;
  sim.log_append(s, REC_TERM, 0, S.term);
  if (!voting()) {
    // Heard nothing from the primary, so it must be dead — an assumption a cut link makes false.
    become_primary(sim, s);
    return;
  }
  S.voted_term = S.term;
  S.voted_for = s;
  sim.log_append(s, REC_VOTE, static_cast<TxnId>(s + 1), S.term);
  S.votes = bit(s);
  if (S.role != CANDIDATE) set_role(sim, s, CANDIDATE);
  for (NodeId o = 0; o < n(); ++o)
    if (o != s) sim.send(s, o, VOTE_REQUEST, 0, S.term);
  // A split vote is retried after a fresh, randomised election timeout.
  arm_failover(sim, s, failover_delay(s) + sim.protocol_rng().between(0, p_.failover / 2));
}

void PrimaryBackup::server_on_message(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  Server& S = srv(me);
  switch (m.type) {
    case WRITE: accept_write(sim, me, m); break;
    case HEARTBEAT: {
      const std::int64_t t = m.a;
      if (t < S.term) {
        sim.note(me, 0, N_FENCED, t);
        sim.send(me, m.from, HEARTBEAT_ACK, 0, S.term, m.b);  // tells the stale primary about the newer term
        break;
      }
      if (t > S.term) adopt_term(sim, me, t);
      if (S.role == PRIMARY) {
        // Two primaries in one term (only without fencing): the higher node id keeps the role.
        if (m.from < me) break;
        step_down(sim, me);
      }
      if (S.role == CANDIDATE) step_down(sim, me);
      S.primary = m.from;
      if (p_.fencing) S.promise_until = std::max(S.promise_until, sim.now() + p_.lease);
      arm_failover(sim, me, failover_delay(me));
      sim.send(me, m.from, HEARTBEAT_ACK, 0, t, m.b);
      break;
    }
    case HEARTBEAT_ACK: {
      if (m.a > S.term) {
        adopt_term(sim, me, m.a);
        break;
      }
      if (S.role != PRIMARY || m.a != S.term) break;
      auto it = S.rounds.find(m.b);
      if (it == S.rounds.end()) break;
      it->second.acks |= bit(m.from);
      if (p_.fencing && std::popcount(it->second.acks) >= majority()) {
        // The lease runs from when the round was sent: every acknowledging server promised after that.
        S.lease_until = std::max(S.lease_until, it->second.sent + p_.lease);
        S.promise_until = std::max(S.promise_until, S.lease_until);
      }
      break;
    }
    case VOTE_REQUEST: {
      const std::int64_t t = m.a;
      if (t < S.term || sim.now() < S.promise_until) break;  // stale, or bound by a lease
      if (t > S.term) adopt_term(sim, me, t);
      if (S.voted_term == t && S.voted_for != m.from) break;  // one vote per term
      if (S.role != BACKUP) break;
      if (S.voted_term != t) {
        S.voted_term = t;
        S.voted_for = m.from;
        sim.log_append(me, REC_VOTE, static_cast<TxnId>(m.from + 1), t);  // durable before it is given
      }
      sim.send(me, m.from, VOTE_GRANTED, 0, t);
      arm_failover(sim, me, failover_delay(me));
      break;
    }
    case VOTE_GRANTED:
      if (S.role != CANDIDATE || m.a != S.term) break;
      S.votes |= bit(m.from);
      if (std::popcount(S.votes) >= majority()) become_primary(sim, me);
      break;
    case STORED:
    case STORE_REJECTED: on_store_reply(sim, me, m); break;
    case REPLICATE:
      if (p_.fencing && m.a < S.term) {
        sim.note(me, m.txn, N_FENCED, m.a);
        break;
      }
      if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.writes) || S.replicated[m.txn]) break;
      S.replicated[m.txn] = 1;
      ++fig_[static_cast<std::size_t>(me)].replicated;
      sim.log_append(me, REC_REPLICA, m.txn, m.a);
      break;
    default: break;
  }
}

void PrimaryBackup::accept_write(Simulator& sim, NodeId me, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.writes)) return;
  Server& S = srv(me);
  Figures& f = fig_[static_cast<std::size_t>(me)];
  if (S.role == PRIMARY && (!p_.fencing || sim.now() < S.lease_until)) {
    if (p_.token) return forward_store(sim, me, m);
    if (!S.accepted[m.txn]) {
      S.accepted[m.txn] = 1;
      ++f.accepted;
      book_accept(sim, me, m.txn, S.term);
      sim.log_append(me, REC_ACCEPT, m.txn, S.term);
      for (NodeId o = 0; o < n(); ++o)
        if (o != me) sim.send(me, o, REPLICATE, m.txn, S.term);
    }
    sim.send(me, m.from, WRITE_OK, m.txn, S.term);
    return;
  }
  ++f.refused;
  if (S.role == PRIMARY) {
    // Believes it is primary but cannot show a majority behind it: refuses rather than risk split-brain.
    sim.note(me, m.txn, N_NO_LEASE);
    sim.send(me, m.from, REDIRECT, m.txn, me, S.term);
  } else {
    sim.send(me, m.from, REDIRECT, m.txn, S.primary, S.term);
  }
}

// Ground truth for the conflicting_writes figure (the invariant judges the same records).
void PrimaryBackup::book_accept(Simulator& sim, NodeId node, TxnId write, std::int64_t term) {
  if (term > book_term_) {
    book_term_ = term;
    book_owner_ = node;
  } else if (term < book_term_ || node != book_owner_) {
    ++fig_[static_cast<std::size_t>(node)].conflicting;
    sim.note(node, write, N_CONFLICTING_WRITE, term);
  }
}

// fencing_token: the primary does not judge for itself whether it may still write; it hands the write
// to STORAGE with its term, and STORAGE decides.
void PrimaryBackup::forward_store(Simulator& sim, NodeId me, const Message& m) {
  sim.send(me, storage(), STORE, m.txn, srv(me).term, m.from);
}

void PrimaryBackup::on_store_reply(Simulator& sim, NodeId me, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.writes)) return;
  const auto client = static_cast<NodeId>(m.b);
  if (m.type == STORED) {
    sim.send(me, client, WRITE_OK, m.txn, m.a);
    return;
  }
  // Rejected: a newer primary exists. Learn its term (and step down), and send the client elsewhere.
  ++fig_[static_cast<std::size_t>(me)].refused;
  if (m.a > srv(me).term) adopt_term(sim, me, m.a);
  sim.send(me, client, REDIRECT, m.txn, srv(me).primary, srv(me).term);
}

// ---------------------------------------------------------------------------------------------
// STORAGE (fencing_token)

void PrimaryBackup::storage_raise(Simulator& sim, std::int64_t token) {
  if (token <= store_.highest) return;
  store_.highest = token;
  sim.note(storage(), 0, N_NEW_TOKEN, token);
}

void PrimaryBackup::storage_on_message(Simulator& sim, const Message& m) {
  const NodeId me = storage();
  if (m.type == NEW_TOKEN) {
    if (m.a <= store_.highest) return;
    sim.log_append(me, REC_TOKEN, 0, m.a);  // durable before it fences anyone
    if (sim.is_up(me)) storage_raise(sim, m.a);
    return;
  }
  if (m.type != STORE || m.txn == 0 || m.txn > static_cast<TxnId>(p_.writes)) return;
  Figures& f = fig_[static_cast<std::size_t>(me)];
  if (m.a < store_.highest) {
    // The fence: a primary of an older term is still writing. Whatever it believes, the data is safe.
    ++f.stale;
    sim.note(me, m.txn, N_STALE_TOKEN, m.a);
    sim.send(me, m.from, STORE_REJECTED, m.txn, store_.highest, m.b);
    return;
  }
  if (!store_.accepted[m.txn]) {
    store_.accepted[m.txn] = 1;
    ++f.accepted;
    book_accept(sim, me, m.txn, m.a);
    sim.log_append(me, REC_ACCEPT, m.txn, m.a);
    if (!sim.is_up(me)) return;
  }
  storage_raise(sim, m.a);
  sim.send(me, m.from, STORED, m.txn, m.a, m.b);
}

// ---------------------------------------------------------------------------------------------
// Clients

void PrimaryBackup::client_issue(Simulator& sim, TxnId id) {
  WriteRec& w = writes_[id];
  w.client = static_cast<NodeId>(p_.servers + static_cast<int>((id - 1) % static_cast<TxnId>(p_.clients)));
  sim.txn_start(w.client, id);
  if (!sim.is_up(w.client)) {
    ++skipped_;
    w.skip(sim, id, N_CLIENT_DOWN);
    return;
  }
  w.issue(sim.now());
  cli(w.client).pending.push_back(id);
  sim.set_state(w.client, id, IDLE, WAITING);
  last_[static_cast<std::size_t>(w.client)] = {WAITING, id};
  client_attempt(sim, id, cli(w.client).believed);
}

void PrimaryBackup::client_attempt(Simulator& sim, TxnId id, NodeId target) {
  WriteRec& w = writes_[id];
  sim.cancel_timer(w.timer);
  w.timer = 0;
  if (++w.attempts > p_.max_attempts) {
    client_finish(sim, id, false);
    return;
  }
  if (w.attempts > 1) {
    ++fig_[static_cast<std::size_t>(w.client)].retries;
    sim.note(w.client, id, N_RETRY, w.attempts);
  }
  w.target = target;
  sim.send(w.client, target, WRITE, id);
  w.timer = sim.set_timer(w.client, p_.client_timeout, T_CLIENT_TIMEOUT, id);
}

void PrimaryBackup::client_on_message(Simulator& sim, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.writes)) return;
  WriteRec& w = writes_[m.txn];
  if (w.status != ClientOpStatus::InFlight || w.client != m.to) return;
  if (m.type == WRITE_OK) {
    cli(m.to).believed = m.from;
    client_finish(sim, m.txn, true);
    return;
  }
  if (m.type != REDIRECT || m.from != w.target) return;  // an answer to an attempt it gave up on
  sim.cancel_timer(w.timer);
  const auto hint = static_cast<NodeId>(m.a);
  if (hint == m.from) {
    // A primary without a lease: ask it again a little later.
    w.timer = sim.set_timer(m.to, p_.client_retry, T_CLIENT_RETRY, m.txn, hint);
  } else if (is_server(hint)) {
    cli(m.to).believed = hint;
    client_attempt(sim, m.txn, hint);
  } else {
    const auto next = static_cast<NodeId>((m.from + 1) % n());
    cli(m.to).believed = next;
    w.timer = sim.set_timer(m.to, p_.client_retry, T_CLIENT_RETRY, m.txn, next);
  }
}

void PrimaryBackup::client_finish(Simulator& sim, TxnId id, bool ok) {
  WriteRec& w = writes_[id];
  w.finish(sim, id, cli(w.client).pending, ok ? ClientOpStatus::Ok : ClientOpStatus::Failed);
  Figures& f = fig_[static_cast<std::size_t>(w.client)];
  const std::uint8_t to = ok ? DONE : FAILED;
  if (ok) {
    const std::int64_t latency = w.ended - w.invoked;
    ++f.ok;
    f.latency.add(latency);
    sim.note(w.client, id, N_WRITE_OK, latency);
  } else {
    ++f.failed;
    sim.note(w.client, id, N_WRITE_FAILED);
  }
  sim.set_state(w.client, id, WAITING, to);
  last_[static_cast<std::size_t>(w.client)] = {to, id};
  sim.txn_end(id, ok ? TxnOutcome::Committed : TxnOutcome::Aborted);
}

// ---------------------------------------------------------------------------------------------
// Crash, restart, views, figures

void PrimaryBackup::on_crash(Simulator& sim, NodeId node) {
  const auto i = static_cast<std::size_t>(node);
  down_[i] = 1;
  if (is_storage(node)) {
    store_.highest = 0;  // rebuilt from its log on restart
    std::fill(store_.accepted.begin(), store_.accepted.end(), std::uint8_t{0});
    return;
  }
  if (is_server(node)) {
    Server fresh;
    fresh.accepted.assign(static_cast<std::size_t>(p_.writes) + 1, 0);
    fresh.replicated.assign(static_cast<std::size_t>(p_.writes) + 1, 0);
    srv(node) = std::move(fresh);
    return;
  }
  auto& pend = cli(node).pending;
  for (TxnId id : pend) {
    ++fig_[i].abandoned;
    writes_[id].abandon(sim, id, N_OP_ABANDONED);
  }
  pend.clear();
  cli(node).believed = 0;
}

void PrimaryBackup::on_restart(Simulator& sim, NodeId node) {
  down_[static_cast<std::size_t>(node)] = 0;
  if (is_storage(node)) return storage_recover(sim);
  if (!is_server(node)) return;
  Server& S = srv(node);
  for (const LogRecord& r : sim.log(node)) {
    switch (r.type) {
      case REC_TERM: S.term = std::max(S.term, r.value); break;
      case REC_VOTE:
        if (r.value >= S.voted_term) {
          S.voted_term = r.value;
          S.voted_for = static_cast<NodeId>(r.txn) - 1;
        }
        break;
      case REC_ACCEPT: S.accepted[r.txn] = 1; break;
      case REC_REPLICA: S.replicated[r.txn] = 1; break;
      default: break;
    }
  }
  S.role = BACKUP;
  S.primary = kNoNode;
  // It may have acknowledged a heartbeat just before crashing and forgotten: honour that lease.
  if (p_.fencing) S.promise_until = sim.now() + p_.lease;
  sim.note(node, 0, N_RECOVERED);
  sim.set_state(node, 0, BACKUP, BACKUP);
  arm_failover(sim, node, failover_delay(node));
}

void PrimaryBackup::storage_recover(Simulator& sim) {
  for (const LogRecord& r : sim.log(storage())) {
    if (r.type == REC_ACCEPT) store_.accepted[r.txn] = 1;
    if (r.type == REC_ACCEPT || r.type == REC_TOKEN) store_.highest = std::max(store_.highest, r.value);
  }
  sim.note(storage(), 0, N_RECOVERED);
  sim.set_state(storage(), 0, SERVING, SERVING);
}

NodeView PrimaryBackup::live_view(NodeId node) const {
  const auto i = static_cast<std::size_t>(node);
  NodeView v;
  if (is_storage(node)) {
    v.state = SERVING;
    return v;
  }
  if (is_server(node)) {
    v.state = servers_[i].role;
    return v;
  }
  v.state = last_[i].first;
  v.txn = last_[i].second;
  if (const TxnId oldest = oldest_pending(clients_[i - static_cast<std::size_t>(p_.servers)].pending); oldest != 0) {
    v.state = WAITING;
    v.txn = oldest;
  }
  return v;
}

std::vector<TxnView> PrimaryBackup::transactions() const {
  std::vector<TxnView> out;
  out.reserve(writes_.size());
  for (TxnId id = 1; id < writes_.size(); ++id) out.push_back(writes_[id].view(id));
  return out;
}

std::vector<Metric> PrimaryBackup::metrics() const {
  std::vector<Metric> out;
  Figures total;
  for (std::size_t i = 0; i < fig_.size(); ++i) {
    const Figures& f = fig_[i];
    const auto node = static_cast<NodeId>(i);
    if (is_storage(node)) {
      out.push_back({"writes_accepted", node, f.accepted});
      out.push_back({"stale_writes_rejected", node, f.stale});
      out.push_back({"storage_token", node, store_.highest});
    } else if (is_server(node)) {
      out.push_back({"writes_accepted", node, f.accepted});
      out.push_back({"writes_refused", node, f.refused});
      out.push_back({"conflicting_writes", node, f.conflicting});
      out.push_back({"failovers", node, f.failovers});
      out.push_back({"step_downs", node, f.step_downs});
      out.push_back({"replicated", node, f.replicated});
      out.push_back({"term", node, servers_[i].term});
    } else {
      out.push_back({"writes_ok", node, f.ok});
      out.push_back({"writes_failed", node, f.failed});
      out.push_back({"retries", node, f.retries});
      f.latency.append_metrics(out, "write", node);
    }
    total.accepted += f.accepted;
    total.refused += f.refused;
    total.conflicting += f.conflicting;
    total.failovers += f.failovers;
    total.ok += f.ok;
    total.failed += f.failed;
    total.retries += f.retries;
    total.abandoned += f.abandoned;
    total.stale += f.stale;
    total.latency.merge(f.latency);
  }
  out.push_back({"writes_accepted", kNoNode, total.accepted});
  out.push_back({"writes_refused", kNoNode, total.refused});
  out.push_back({"conflicting_writes", kNoNode, total.conflicting});
  out.push_back({"failovers", kNoNode, total.failovers});
  out.push_back({"writes_ok", kNoNode, total.ok});
  out.push_back({"writes_failed", kNoNode, total.failed});
  out.push_back({"retries", kNoNode, total.retries});
  out.push_back({"skipped", kNoNode, skipped_});
  out.push_back({"abandoned", kNoNode, total.abandoned});
  total.latency.append_metrics(out, "write", kNoNode);
  out.push_back({"primaries", kNoNode, primaries()});
  out.push_back({"primaries_max", kNoNode, primaries_max_});
  if (p_.token) out.push_back({"stale_writes_rejected", kNoNode, total.stale});
  return out;
}

}  // namespace cs::pb
