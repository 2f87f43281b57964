// Paxos Commit: parameters, description, dispatch, crash/restart, views and figures. The leaders
// (C and the acceptors that take over) are in leader.cpp, the acceptors in acceptor.cpp, the
// resource managers in rm.cpp.
#include "protocols/paxos_commit/paxos_commit.hpp"
#include "protocols/commit_book.hpp"

#include <algorithm>

#include "check/atomic_commit.hpp"
#include "check/paxos_commit.hpp"

namespace cs::paxos {

namespace {
namespace cps = commit_param_specs;
constexpr NodeId kCoordinator = 0;

constexpr RoleSpec kRoles[] = {
    {.key = "coordinator", .naming = "C", .coordinates = true,
     .help = "the initial leader: asks the RMs to prepare, learns the chosen votes, announces the outcome"},
    {.key = "participant", .naming = "P1…Pn", .count = "participants", .worker = true,
     .help = "a resource manager: proposes its own vote (prepared or aborted) to the acceptors in ballot 0"},
    {.key = "acceptor", .naming = "A1…A(2F+1)",
     .help = "accepts votes in ballots, so that a vote survives the leader; takes over as leader when it stays silent"},
};
constexpr StateSpec kStates[] = {{"INIT", StateClass::Initial},         {"WAIT", StateClass::Working},
                                 {"PREPARED", StateClass::Uncertain},   {"ACCEPTED", StateClass::Working},
                                 {"LEADING", StateClass::Working},      {"COMMIT", StateClass::Committed},
                                 {"ABORT", StateClass::Aborted}};
constexpr MessageSpec kMessages[] = {
    {"PREPARE", MessageFamily::Request},  {"phase2a", MessageFamily::Replication},
    {"phase2b", MessageFamily::Ack},      {"COMMIT", MessageFamily::Commit},
    {"ABORT", MessageFamily::Abort},      {"phase1a", MessageFamily::Recovery},
    {"phase1b", MessageFamily::Recovery}};
constexpr std::string_view kLogRecords[] = {"BEGIN", "PREPARED", "PROMISED", "ACCEPTED", "COMMIT", "ABORT"};
constexpr std::string_view kTimers[] = {"work_done",        "vote_timeout", "prepare_timeout",
                                        "decision_timeout", "takeover",     "ballot_timeout"};
constexpr std::string_view kNotes[] = {"client_retry", "unilateral_abort",   "takeover",
                                       "preempted",    "recovered",          "duplicate_decision"};
constexpr MetricSpec kMetrics[] = {
    cps::kCommitted, cps::kAborted, cps::kLocksHeld,
    {.key = "higher_ballots"},
    {.key = "backup_decisions", .sense = MetricSense::Good},
    {.key = "latency_avg_us", .unit = MetricUnit::Micros},
    {.key = "latency_max_us", .unit = MetricUnit::Micros},
};
constexpr InvariantSpec kInvariants[] = {
    cps::kInvariants[0], cps::kInvariants[1], cps::kInvariants[2],
    {"chosen_once", "Each RM's Paxos instance chooses at most one value (prepared or aborted)."},
};
constexpr ParamSpec kParams[] = {
    cps::kParticipants, cps::kTransactions, cps::kInterval, cps::kWork,
    {.key = "timeout_ms", .kind = ParamKind::DurationMs, .def = 300, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "how long a leader waits for its ballot and an RM for PREPARE or the outcome; acceptor Ak takes over after k+1 timeouts",
     .starter = true},
    {.key = "faults", .kind = ParamKind::Integer, .def = 1, .lo = 0, .hi = 3, .unit = "nodes",
     .help = "F: the acceptors A1…A(2F+1) tolerate F crashed acceptors besides the leader", .starter = true},
    cps::kClientRetry, cps::kResources, cps::kAbortProbability, cps::kVotes,
};
constexpr ProtocolDescriptor kDescriptor{
    .name = "paxos-commit",
    .title = "Paxos Commit",
    .summary = "Paxos Commit (Gray & Lamport): each RM's vote chosen by Paxos among 2F+1 acceptors; a backup leader finishes when C crashes",
    .roles = kRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = kInvariants, .params = kParams, .variants = cps::kVariants,
    // The same workload vocabulary as 2PC's, so the two run side by side under one coordinator crash
    // (File > Compare protocols): 2PC's participants wait in READY, Paxos Commit's acceptors finish.
    .workload = {.transactions = "transactions", .interval = "interval_ms", .refusal = RefusalForm::Votes}};
}  // namespace

const ProtocolDescriptor& describe() { return kDescriptor; }

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out) {
  ParamReader r(params, out, kDescriptor.params);
  Params p;
  p.participants = static_cast<int>(r.integer("participants"));
  p.transactions = static_cast<int>(r.integer("transactions"));
  p.interval = r.duration("interval_ms");
  p.work = r.duration("work_ms");
  p.timeout = r.duration("timeout_ms");
  p.faults = static_cast<int>(r.integer("faults"));
  p.client_retry = r.duration("client_retry_ms");
  p.resources = static_cast<int>(r.integer("resources"));
  p.abort_probability = r.probability("abort_probability");
  read_commit_votes(r, p);
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<PaxosCommit>(std::move(p));
}

ProtocolInfo PaxosCommit::make_info() {
  ProtocolInfo i = make_protocol_info(kDescriptor);
  i.roles = {
      RoleMachine{"coordinator",
                  {INIT, WAIT, COMMIT, ABORT},
                  {{INIT, WAIT, "commit_request/PREPARE"},
                   {WAIT, COMMIT, "all chosen prepared/COMMIT"},
                   {WAIT, ABORT, "one chosen aborted/ABORT"},
                   {WAIT, WAIT, "timeout/phase1a"}}},
      RoleMachine{"participant",
                  {INIT, PREPARED, COMMIT, ABORT},
                  {{INIT, PREPARED, "PREPARE/phase2a prepared"},
                   {INIT, ABORT, "PREPARE/phase2a aborted"},
                   {INIT, ABORT, "timeout/phase2a aborted"},
                   {PREPARED, COMMIT, "COMMIT"},
                   {PREPARED, ABORT, "ABORT"}}},
      RoleMachine{"acceptor",
                  {INIT, ACCEPTED, LEADING, COMMIT, ABORT},
                  {{INIT, ACCEPTED, "phase2a/phase2b"},
                   {ACCEPTED, LEADING, "takeover/phase1a"},
                   {LEADING, COMMIT, "all chosen prepared/COMMIT"},
                   {LEADING, ABORT, "one chosen aborted/ABORT"},
                   {ACCEPTED, COMMIT, "COMMIT"},
                   {ACCEPTED, ABORT, "ABORT"}}},
  };
  return i;
}

PaxosCommit::PaxosCommit(Params p) : p_(std::move(p)), info_(make_info()) {
  const auto n = static_cast<std::size_t>(p_.transactions) + 1;
  coord_.assign(n, CoordTxn{});
  parts_.resize(static_cast<std::size_t>(p_.participants));
  for (auto& part : parts_) part.txns.assign(n, PartTxn{});
  accs_.assign(static_cast<std::size_t>(acceptors()), std::vector<AccTxn>(n));
  book_.assign(n, Book{});
}

std::vector<NodeSpec> PaxosCommit::node_specs() const {
  std::vector<NodeSpec> out{{"C", "coordinator"}};
  for (const auto& name : numbered_names("P", p_.participants)) out.push_back({name, "participant"});
  for (const auto& name : numbered_names("A", acceptors())) out.push_back({name, "acceptor"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> PaxosCommit::make_invariants() const {
  std::vector<NodeId> participants;
  for (int i = 1; i <= p_.participants; ++i) participants.push_back(i);
  std::vector<std::unique_ptr<Invariant>> out;
  out.push_back(std::make_unique<AgreementInvariant>(COMMIT, ABORT));
  out.push_back(std::make_unique<PreparedValidityInvariant>(COMMIT, REC_PREPARED, participants));
  out.push_back(std::make_unique<CommitOnceInvariant>(REC_COMMIT));
  constexpr AcceptedRecordLayout layout{
      [](std::int64_t v) { return accepted_ballot(v); },
      [](std::int64_t v) { return vote_instance(v % 256); },
      [](std::int64_t v) { return vote_value(v % 256); }};
  out.push_back(std::make_unique<ChosenOnceInvariant>(REC_ACCEPTED, quorum(), layout));
  return out;
}

NodeId PaxosCommit::ballot_owner(std::int64_t b) const {
  const auto idx = static_cast<int>(b % leaders());
  return idx == 0 ? kCoordinator : acceptor_node(idx);
}

std::int64_t PaxosCommit::next_ballot(NodeId leader, std::int64_t above) const {
  const std::int64_t k = leaders();
  std::int64_t b = (above / k) * k + leader_index(leader);
  if (b <= above) b += k;
  return b;
}

// A leader is also an acceptor: what it sends itself is handled at once, not over the network.
void PaxosCommit::post(Simulator& sim, NodeId from, NodeId to, std::uint16_t type, TxnId txn, std::int64_t a,
                       std::int64_t b, std::vector<std::int64_t> extra) {
  if (from != to) {
    sim.send(from, to, type, txn, a, b, std::move(extra));
    return;
  }
  Message m;
  m.from = from;
  m.to = to;
  m.type = type;
  m.txn = txn;
  m.a = a;
  m.b = b;
  m.extra = std::move(extra);
  on_message(sim, m);
}

void PaxosCommit::to_acceptors(Simulator& sim, NodeId from, std::uint16_t type, TxnId txn, std::int64_t a,
                               std::int64_t b) {
  for (int k = 1; k <= acceptors(); ++k) post(sim, from, acceptor_node(k), type, txn, a, b);
}

// Arrivals are chained, as in 2PC: value 1 marks an arrival, 0 a client retry.
void PaxosCommit::start(Simulator& sim) { sim.schedule_client(0, 0, 1, 1); }

void PaxosCommit::on_client(Simulator& sim, std::uint16_t, TxnId txn, std::int64_t arrival) {
  if (arrival == 1 && txn < static_cast<TxnId>(p_.transactions)) sim.schedule_client(p_.interval, 0, txn + 1, 1);
  coord_start(sim, txn);
}

void PaxosCommit::on_message(Simulator& sim, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.transactions)) return;
  if (is_acceptor(m.to)) {
    acc_on_message(sim, m);
  } else if (m.to == kCoordinator) {
    switch (m.type) {
      case PHASE1B: lead_on_phase1b(sim, m); break;
      case PHASE2B: lead_on_phase2b(sim, m); break;
      case MSG_COMMIT: coord_learn(sim, m.txn, COMMIT); break;
      case MSG_ABORT: coord_learn(sim, m.txn, ABORT); break;
      default: break;
    }
  } else {
    part_on_message(sim, m);
  }
}

void PaxosCommit::on_timer(Simulator& sim, const TimerRec& t) {
  if (t.node == kCoordinator)
    coord_on_timer(sim, t);
  else if (is_acceptor(t.node))
    acc_on_timer(sim, t);
  else
    part_on_timer(sim, t);
}

void PaxosCommit::on_crash(Simulator& sim, NodeId node) {
  if (node == kCoordinator) {
    std::fill(coord_.begin(), coord_.end(), CoordTxn{});
  } else if (is_acceptor(node)) {
    auto& txns = accs_[static_cast<std::size_t>(acceptor_rank(node) - 1)];
    std::fill(txns.begin(), txns.end(), AccTxn{});
  } else {
    Participant& part = parts_[static_cast<std::size_t>(node - 1)];
    std::fill(part.txns.begin(), part.txns.end(), PartTxn{});
    part.locks.forget();
    for (TxnId t = 1; t < book_.size(); ++t) book_maybe_end(sim, t);  // its unprepared work is gone
  }
}

void PaxosCommit::on_restart(Simulator& sim, NodeId node) {
  if (node == kCoordinator)
    coord_recover(sim);
  else if (is_acceptor(node))
    acc_recover(sim, node);
  else
    part_recover(sim, node);
}

NodeView PaxosCommit::live_view(NodeId node) const {
  NodeView v;
  v.state = INIT;
  const auto undecided = [](std::uint8_t s) { return s != kUnknown && s != COMMIT && s != ABORT; };
  const auto scan = [&](TxnId count, auto state_of) {
    for (TxnId t = 1; t < count; ++t) {
      const std::uint8_t s = state_of(t);
      if (s == kUnknown) continue;
      v.state = s;
      v.txn = t;
      if (undecided(s)) break;  // the oldest unfinished one, else the latest
    }
  };
  const auto n = static_cast<TxnId>(book_.size());
  if (node == kCoordinator) {
    scan(n, [&](TxnId t) { return coord_[t].state; });
  } else if (is_acceptor(node)) {
    scan(n, [&](TxnId t) { return atx(node, t).state; });
  } else {
    scan(n, [&](TxnId t) { return ptx(node, t).state; });
    parts_[static_cast<std::size_t>(node - 1)].locks.append_views(v.locks);
  }
  return v;
}

// A transaction ends when every RM that has a stake in it has its outcome: on commit every RM (all
// prepared); on abort every RM that prepared, while one that never prepared and lost its memory in a
// crash has nothing to undo (its work was volatile) and may never hear the outcome. The leader's own
// state does not matter, since any leader can finish.
void PaxosCommit::book_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision) {
  Book& b = book_[txn];
  if (node != kCoordinator && !is_acceptor(node)) (decision == COMMIT ? b.committed : b.aborted) |= 1u << node;
  if (decision == ABORT) b.abort_known = true;
  book_maybe_end(sim, txn);
}

void PaxosCommit::book_maybe_end(Simulator& sim, TxnId txn) {
  Book& b = book_[txn];
  if (b.ended >= 0 || b.started < 0) return;
  const std::uint32_t everyone = ((1u << p_.participants) - 1u) << 1;
  bool ended = b.committed == everyone;
  if (!ended && b.abort_known && (b.prepared & ~b.aborted) == 0) {
    ended = true;
    for (int i = 1; i <= p_.participants; ++i)
      if (!(b.aborted & (1u << i)) && ptx(i, txn).state != kUnknown) ended = false;  // still deciding
  }
  if (!ended) return;
  b.ended = sim.now();
  sim.txn_end(txn, b.committed == everyone ? TxnOutcome::Committed : TxnOutcome::Aborted);
}

std::vector<TxnView> PaxosCommit::transactions() const {
  std::vector<TxnView> out;
  out.reserve(book_.size());
  const std::uint32_t everyone = ((1u << p_.participants) - 1u) << 1;
  for (TxnId t = 1; t < book_.size(); ++t) {
    const Book& b = book_[t];
    TxnView v{t, TxnOutcome::Pending, b.started, b.ended};
    if (b.ended >= 0)
      v.outcome = b.committed == everyone ? TxnOutcome::Committed : TxnOutcome::Aborted;
    else if (b.started >= 0)
      v.outcome = TxnOutcome::InProgress;
    out.push_back(v);
  }
  return out;
}

std::vector<Metric> PaxosCommit::metrics() const {
  const std::uint32_t everyone = ((1u << p_.participants) - 1u) << 1;
  std::int64_t committed = 0, aborted = 0, latency_sum = 0, latency_max = 0;
  for (TxnId t = 1; t < book_.size(); ++t) {
    const Book& b = book_[t];
    if (b.ended < 0) continue;
    (b.committed == everyone ? committed : aborted) += 1;
    latency_sum += b.ended - b.started;
    latency_max = std::max<std::int64_t>(latency_max, b.ended - b.started);
  }
  std::int64_t locks = 0;
  for (const auto& part : parts_) locks += part.locks.held();
  const std::int64_t ended = committed + aborted;
  return {
      {"txns_committed", kNoNode, committed},
      {"txns_aborted", kNoNode, aborted},
      {"locks_held", kNoNode, locks},
      {"higher_ballots", kNoNode, higher_ballots_},
      {"backup_decisions", kNoNode, backup_decisions_},
      {"latency_avg_us", kNoNode, ended > 0 ? latency_sum / ended : 0},
      {"latency_max_us", kNoNode, latency_max},
  };
}

}  // namespace cs::paxos

namespace cs::paxos {

void PaxosCommit::encode_lead(const Simulator& sim, const Lead& l, std::vector<std::int64_t>& out) {
  out.push_back(l.ballot);
  out.push_back(l.max_seen);
  out.push_back(l.phase);
  out.push_back(l.promised_by);
  out.push_back(sim.timer_live(l.timer));
  out.push_back(static_cast<std::int64_t>(l.best_ballot.size()));
  out.insert(out.end(), l.best_ballot.begin(), l.best_ballot.end());
  out.insert(out.end(), l.best_value.begin(), l.best_value.end());
  out.insert(out.end(), l.chosen.begin(), l.chosen.end());
  out.push_back(static_cast<std::int64_t>(l.chosen.size()));
  for (const auto& tallies : l.tallies) {
    out.push_back(static_cast<std::int64_t>(tallies.size()));
    for (const Tally& t : tallies) {
      out.push_back(t.ballot);
      out.push_back(t.value);
      out.push_back(t.from);
    }
  }
}

// The explorer's canonical state: every field the handlers read, timers as "still running"; not the
// book, the figures or any time.
bool PaxosCommit::encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const {
  for (const CoordTxn& c : coord_) {
    out.push_back(c.state);
    encode_lead(sim, c.lead, out);
  }
  for (const Participant& part : parts_) {
    for (const PartTxn& x : part.txns) {
      out.push_back(x.state);
      out.push_back(x.prepare_pending | x.vote_abort << 1 | x.lock.held << 2 | x.lock.waiting << 3);
      out.push_back(x.lock.resource);
      out.push_back(sim.timer_live(x.timer));
    }
    part.locks.encode(out);
  }
  for (const auto& acceptor : accs_) {
    for (const AccTxn& a : acceptor) {
      out.push_back(a.state);
      out.push_back(a.promised);
      out.insert(out.end(), a.acc_ballot.begin(), a.acc_ballot.end());
      out.insert(out.end(), a.acc_value.begin(), a.acc_value.end());
      out.push_back(sim.timer_live(a.takeover));
      encode_lead(sim, a.lead, out);
    }
  }
  return true;
}

std::int64_t PaxosCommit::rounds(const Simulator&) const {
  std::int64_t top = 0;
  for (const CoordTxn& c : coord_) top = std::max(top, c.lead.ballot);
  for (const auto& acceptor : accs_)
    for (const AccTxn& a : acceptor) top = std::max({top, a.promised, a.lead.ballot});
  return top;
}

// Inert (sim/inert_messages.hpp): delivering the message changes nothing now or later.
// - C with COMMIT or ABORT in its log: it is decided while up (coord_learn logs and sets the state
//   together; coord_recover reads the record back), and every handler of a message to C returns at
//   once when C is decided (lead_on_phase1b, lead_on_phase2b, coord_learn); while down, a delivery
//   is a drop. The one way C's state is reset is coord_start, run by a pending client event for the
//   transaction (an arrival or a retry while C was down): so no pending client event for it either.
// - An RM with COMMIT or ABORT in its log (part_recover reads it back; no later join, which needs
//   the RM to know nothing of the transaction): MSG_COMMIT and MSG_ABORT only note a duplicate or do
//   nothing (part_apply_decision); no other type but PREPARE reaches an RM's handler with an effect.
// - Acceptors never: what they learned is not logged, so a crash makes them undecided again.
bool PaxosCommit::inert(const Simulator& sim, const Message& m) const {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.transactions)) return true;  // on_message ignores it
  if (is_acceptor(m.to)) return false;
  if (m.to != kCoordinator && m.type == PREPARE) return false;
  bool decided = false;
  for (const LogRecord& r : sim.log(m.to))
    if (r.txn == m.txn && (r.type == REC_COMMIT || r.type == REC_ABORT)) decided = true;
  if (!decided) return false;
  if (m.to != kCoordinator) return true;
  for (const ScheduledStep& c : sim.pending_clients())
    if (c.txn == m.txn) return false;
  return true;
}

// Undecided: an RM that is up joined the transaction and has not learned the outcome (the leader and
// the acceptors only help: an RM is what holds locks).
bool PaxosCommit::undecided(const Simulator& sim) const {
  return any_undecided(sim, book_, 1, static_cast<NodeId>(p_.participants),
                       [&](NodeId n, TxnId t) { return ptx(n, t).state != kUnknown; });
}

}  // namespace cs::paxos
