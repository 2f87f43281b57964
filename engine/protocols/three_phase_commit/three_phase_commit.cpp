// 3PC: parameters, description, dispatch, crash/restart, views and figures. The coordinator is in
// coordinator.cpp, the participants and the termination protocol in participant.cpp.
#include "protocols/three_phase_commit/three_phase_commit.hpp"
#include "protocols/commit_book.hpp"

#include <algorithm>

#include "check/atomic_commit.hpp"

namespace cs::tpc3 {

namespace {
constexpr NodeId kCoordinator = 0;
}  // namespace

namespace {
namespace cps = commit_param_specs;

constexpr RoleSpec kRoles[] = {
    {.key = "coordinator", .naming = "C", .coordinates = true,
     .help = "asks for votes, announces PRECOMMIT, then the decision"},
    {.key = "participant", .naming = "P1…Pn", .count = "participants", .worker = true,
     .help = "votes, acknowledges PRECOMMIT; without C, elects one of them to terminate"},
};
constexpr StateSpec kStates[] = {{"INIT", StateClass::Initial},      {"WAIT", StateClass::Working},
                                 {"READY", StateClass::Uncertain},   {"PRECOMMIT", StateClass::Committing},
                                 {"COMMIT", StateClass::Committed},  {"ABORT", StateClass::Aborted}};
constexpr MessageSpec kMessages[] = {
    {"CAN_COMMIT", MessageFamily::Request},       {"VOTE_COMMIT", MessageFamily::VoteYes},
    {"VOTE_ABORT", MessageFamily::VoteNo},        {"PRECOMMIT", MessageFamily::PreDecision},
    {"ACK_PRECOMMIT", MessageFamily::Ack},        {"GLOBAL_COMMIT", MessageFamily::Commit},
    {"GLOBAL_ABORT", MessageFamily::Abort},       {"ACK", MessageFamily::Ack},
    {"STATE_REQUEST", MessageFamily::Recovery},   {"STATE_REPLY", MessageFamily::Recovery}};
constexpr std::string_view kLogRecords[] = {"BEGIN", "READY", "PRECOMMIT", "COMMIT", "ABORT", "END"};
constexpr std::string_view kTimers[] = {"work_done", "vote_timeout", "ack_timeout", "prepare_timeout",
                                        "doubt_timeout", "gather", "lead_timeout"};
constexpr std::string_view kNotes[] = {
    "client_retry",       "unilateral_abort",     "termination_started", "coordinator_alive",
    "elected",            "waiting_for_leader",   "precommit_retry",     "commit_without_acks",
    "duplicate_decision", "conflicting_decision", "recovered",           "in_doubt",
    "total_failure_decision"};
constexpr MetricSpec kMetrics[] = {
    cps::kCommitted, cps::kAborted, cps::kLocksHeld,
    {.key = "termination_rounds"},
    {.key = "elected_commits", .sense = MetricSense::Good},
    {.key = "elected_aborts", .sense = MetricSense::Bad},
    {.key = "precommit_retries"},
    {.key = "commits_without_acks", .sense = MetricSense::Anomaly},
    {.key = "conflicting_decisions", .sense = MetricSense::Bad},
    {.key = "duplicate_decisions"},
    {.key = "in_doubt_recoveries"},
    {.key = "uncertain_participants", .level = true},
    {.key = "latency_avg_us", .unit = MetricUnit::Micros},
    {.key = "latency_max_us", .unit = MetricUnit::Micros},
};
constexpr ParamSpec kParams[] = {
    cps::kParticipants, cps::kTransactions, cps::kInterval, cps::kWork, cps::kTimeout, cps::kAckTimeout,
    {.key = "precommit_retries", .kind = ParamKind::Integer, .def = 2, .lo = 0, .hi = 100,
     .help = "PRECOMMIT re-sends before C commits without every ACK_PRECOMMIT"},
    {.key = "window_ms", .kind = ParamKind::DurationMs, .lo = 1, .hi = 3'600'000, .unit = "ms",
     .help = "how long a termination round gathers STATE_REPLYs; also the elected participant's wait for ACK_PRECOMMIT",
     .rule = DefaultRule::HalfOf, .ref = "timeout_ms"},
    cps::kClientRetry, cps::kResources, cps::kAbortProbability, cps::kVotes,
};
constexpr ProtocolDescriptor kDescriptor{
    .name = "3pc",
    .title = "Three-phase commit",
    .summary = "Three-phase commit: C, P1..Pn, PRECOMMIT round, elected-coordinator termination; non-blocking on crashes, splits under partition",
    .roles = kRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = cps::kInvariants, .params = kParams, .variants = cps::kVariants,
    .workload = {.transactions = "transactions", .interval = "interval_ms", .refusal = RefusalForm::Votes}};
}  // namespace

const ProtocolDescriptor& describe() { return kDescriptor; }

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out) {
  ParamReader r(params, out, kDescriptor.params);
  Params p;
  read_commit_params(r, p);
  p.precommit_retries = static_cast<int>(r.integer("precommit_retries"));
  p.window = r.duration("window_ms");
  read_commit_votes(r, p);
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<ThreePhaseCommit>(std::move(p));
}

ProtocolInfo ThreePhaseCommit::make_info() {
  ProtocolInfo i = make_protocol_info(kDescriptor);
  i.roles = {
      RoleMachine{"coordinator",
                  {INIT, WAIT, PRECOMMIT, COMMIT, ABORT},
                  {{INIT, WAIT, "commit_request/CAN_COMMIT"},
                   {WAIT, PRECOMMIT, "all VOTE_COMMIT/PRECOMMIT"},
                   {WAIT, ABORT, "VOTE_ABORT/GLOBAL_ABORT"},
                   {WAIT, ABORT, "timeout/GLOBAL_ABORT"},
                   {PRECOMMIT, COMMIT, "all ACK_PRECOMMIT/GLOBAL_COMMIT"},
                   {PRECOMMIT, COMMIT, "timeout/GLOBAL_COMMIT"},
                   {PRECOMMIT, ABORT, "GLOBAL_ABORT (termination)"}}},
      RoleMachine{"participant",
                  {INIT, READY, PRECOMMIT, COMMIT, ABORT},
                  {{INIT, READY, "CAN_COMMIT/VOTE_COMMIT"},
                   {INIT, ABORT, "CAN_COMMIT/VOTE_ABORT"},
                   {INIT, ABORT, "timeout"},
                   {READY, PRECOMMIT, "PRECOMMIT/ACK_PRECOMMIT"},
                   {READY, ABORT, "GLOBAL_ABORT/ACK"},
                   {READY, ABORT, "timeout: termination, all READY"},
                   {READY, PRECOMMIT, "timeout: termination, some PRECOMMIT"},
                   {READY, COMMIT, "GLOBAL_COMMIT/ACK"},
                   {PRECOMMIT, COMMIT, "GLOBAL_COMMIT/ACK"},
                   {PRECOMMIT, COMMIT, "timeout: termination"},
                   {PRECOMMIT, ABORT, "GLOBAL_ABORT/ACK"}}},
  };
  return i;
}

ThreePhaseCommit::ThreePhaseCommit(Params p) : p_(std::move(p)), info_(make_info()) {
  const auto n = static_cast<std::size_t>(p_.transactions) + 1;
  coord_.assign(n, CoordTxn{});
  parts_.resize(static_cast<std::size_t>(p_.participants));
  for (auto& part : parts_) {
    part.txns.assign(n, PartTxn{});
    part.locks = LockTable();
  }
  book_.assign(n, Book{});
}

std::vector<NodeSpec> ThreePhaseCommit::node_specs() const {
  std::vector<NodeSpec> out{{"C", "coordinator"}};
  for (const auto& name : numbered_names("P", p_.participants)) out.push_back({name, "participant"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> ThreePhaseCommit::make_invariants() const {
  std::vector<NodeId> participants;
  for (int i = 1; i <= p_.participants; ++i) participants.push_back(i);
  std::vector<std::unique_ptr<Invariant>> out;
  out.push_back(std::make_unique<AgreementInvariant>(COMMIT, ABORT));
  out.push_back(std::make_unique<CommitValidityInvariant>(COMMIT, VOTE_COMMIT, participants));
  out.push_back(std::make_unique<CommitOnceInvariant>(REC_COMMIT));
  return out;
}

// Arrivals are chained, as in 2PC: value 1 marks an arrival, 0 a client retry.
void ThreePhaseCommit::start(Simulator& sim) { sim.schedule_client(0, 0, 1, 1); }

void ThreePhaseCommit::on_client(Simulator& sim, std::uint16_t, TxnId txn, std::int64_t arrival) {
  if (arrival == 1 && txn < static_cast<TxnId>(p_.transactions)) sim.schedule_client(p_.interval, 0, txn + 1, 1);
  coord_start(sim, txn);
}

void ThreePhaseCommit::on_message(Simulator& sim, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.transactions)) return;
  if (m.to == kCoordinator)
    coord_on_message(sim, m);
  else
    part_on_message(sim, m);
}

void ThreePhaseCommit::on_timer(Simulator& sim, const TimerRec& t) {
  if (t.node == kCoordinator)
    coord_on_timer(sim, t);
  else
    part_on_timer(sim, t);
}

void ThreePhaseCommit::on_crash(Simulator&, NodeId node) {
  if (node == kCoordinator) {
    std::fill(coord_.begin(), coord_.end(), CoordTxn{});
    return;
  }
  Participant& part = parts_[static_cast<std::size_t>(node - 1)];
  std::fill(part.txns.begin(), part.txns.end(), PartTxn{});
  part.locks.forget();
}

void ThreePhaseCommit::on_restart(Simulator& sim, NodeId node) {
  if (node == kCoordinator)
    coord_recover(sim);
  else
    part_recover(sim, node);
}

NodeView ThreePhaseCommit::live_view(NodeId node) const {
  NodeView v;
  v.state = INIT;
  const auto pick = [&](TxnId txn, std::uint8_t state, bool active) {
    if (state == kUnknown) return false;
    v.state = state;
    v.txn = txn;
    return active;
  };
  const auto undecided = [](std::uint8_t s) { return s != kUnknown && s != COMMIT && s != ABORT; };
  if (node == kCoordinator) {
    for (TxnId t = 1; t < coord_.size(); ++t) {
      if (coord_[t].in_doubt) v.blocked = true;
      if (pick(t, coord_[t].state, undecided(coord_[t].state))) break;
    }
    return v;
  }
  const Participant& part = parts_[static_cast<std::size_t>(node - 1)];
  bool found_active = false;
  for (TxnId t = 1; t < part.txns.size(); ++t) {
    const PartTxn& x = part.txns[t];
    if (x.blocked) v.blocked = true;
    if (!found_active) found_active = pick(t, x.state, undecided(x.state));
  }
  part.locks.append_views(v.locks);
  return v;
}

void ThreePhaseCommit::book_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision) {
  Book& b = book_[txn];
  (decision == COMMIT ? b.committed : b.aborted) |= 1u << node;
  const std::uint32_t everyone = (1u << nodes()) - 1u;
  if (b.ended < 0 && (b.committed | b.aborted) == everyone) {
    b.ended = sim.now();
    // Under a partition the two sides may disagree (the agreement invariant says so); the
    // transaction's reported outcome is then the coordinator's.
    const bool committed = (b.committed & 1u) != 0;
    (committed ? committed_ : aborted_) += 1;
    const Time latency = b.ended - b.started;
    latency_sum_ += latency;
    latency_max_ = std::max(latency_max_, latency);
    sim.txn_end(txn, committed ? TxnOutcome::Committed : TxnOutcome::Aborted);
  }
}

std::vector<TxnView> ThreePhaseCommit::transactions() const {
  std::vector<TxnView> out;
  out.reserve(book_.size());
  for (TxnId t = 1; t < book_.size(); ++t)
    out.push_back(book_view(t, book_[t], [&] {
      return coord_[t].in_doubt ||
             std::any_of(parts_.begin(), parts_.end(), [&](const auto& part) { return part.txns[t].blocked; });
    }));
  return out;
}

std::vector<Metric> ThreePhaseCommit::metrics() const {
  std::int64_t locks = 0, uncertain = 0;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    locks += parts_[i].locks.held();
    for (const PartTxn& x : parts_[i].txns) uncertain += x.state == READY || x.state == PRECOMMIT;
  }
  const std::int64_t ended = committed_ + aborted_;
  return {
      {"txns_committed", kNoNode, committed_},
      {"txns_aborted", kNoNode, aborted_},
      {"termination_rounds", kNoNode, rounds_},
      {"elected_commits", kNoNode, elected_commits_},
      {"elected_aborts", kNoNode, elected_aborts_},
      {"precommit_retries", kNoNode, precommit_retries_},
      {"commits_without_acks", kNoNode, commits_without_acks_},
      {"conflicting_decisions", kNoNode, conflicts_},
      {"duplicate_decisions", kNoNode, duplicates_},
      {"in_doubt_recoveries", kNoNode, in_doubt_recoveries_},
      {"uncertain_participants", kNoNode, uncertain},
      {"locks_held", kNoNode, locks},
      {"latency_avg_us", kNoNode, ended > 0 ? latency_sum_ / ended : 0},
      {"latency_max_us", kNoNode, latency_max_},
  };
}

}  // namespace cs::tpc3

namespace cs::tpc3 {

// The explorer's canonical state: every field the handlers read, timers as "still running"; not the
// book, the figures or any time.
bool ThreePhaseCommit::encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const {
  for (const CoordTxn& c : coord_) {
    out.push_back(c.state);
    out.push_back(c.in_doubt | c.ended << 1);
    out.push_back(c.voted_commit);
    out.push_back(c.acked);
    out.push_back(c.doubt_replies);
    out.push_back(c.retries);
    out.push_back(sim.timer_live(c.timer));
  }
  for (const Participant& part : parts_) {
    for (const PartTxn& x : part.txns) {
      out.push_back(x.state);
      // Not `blocked`: it only says whether the "in doubt" note was shown yet (the view's flag).
      out.push_back(x.recovering | x.prepare_pending << 2 | x.vote_abort << 3 | x.lock.held << 4 |
                    x.lock.waiting << 5 | x.gathering << 6 | x.c_alive << 7 | x.leading << 8);
      out.push_back(x.lock.resource);
      out.push_back(sim.timer_live(x.timer));
      out.push_back(x.tick);
      out.push_back(x.replied);
      out.push_back(x.operational);
      out.push_back(x.precommitted);
      out.push_back(x.need_acks);
      out.push_back(x.acks);
    }
    part.locks.encode(out);
  }
  return true;
}

// Undecided: a node that is up knows the transaction and has logged no decision for it.
// Inert (sim/inert_messages.hpp): delivering the message changes nothing now or later. Only for a
// receiver with COMMIT or ABORT in its log: it is decided whenever it is up (the record and the state
// change come together; recovery reads the record back; a participant never joins again, C's state
// is reset only by coord_start, so no client event may be pending for the transaction), and while
// down a delivery is a drop. Then:
// - to C: VOTE_ABORT (acted on only in WAIT), ACK_PRECOMMIT (only in PRECOMMIT), and a STATE_REPLY,
//   GLOBAL_COMMIT or GLOBAL_ABORT that carries C's own decision (adopt() does nothing);
// - to a participant: ACK_PRECOMMIT (acted on only by a leader in PRECOMMIT; deciding ends leading),
//   and a STATE_REPLY that carries its own decision (part_on_decision without an ACK does nothing)
//   or no decision (read only while gathering, which deciding ends and nothing restarts).
// Everything else may be answered (a decided node tells others the outcome) and is never inert.
bool ThreePhaseCommit::inert(const Simulator& sim, const Message& m) const {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.transactions)) return true;  // on_message ignores it
  std::int64_t decision = -1;
  for (const LogRecord& r : sim.log(m.to))
    if (r.txn == m.txn && (r.type == REC_COMMIT || r.type == REC_ABORT)) decision = r.type == REC_COMMIT ? COMMIT : ABORT;
  if (decision < 0) return false;
  const bool carries_own = (m.type == STATE_REPLY && m.a == decision) ||
                           (m.type == GLOBAL_COMMIT && decision == COMMIT) || (m.type == GLOBAL_ABORT && decision == ABORT);
  if (m.to != kCoordinator)
    return m.type == ACK_PRECOMMIT ||
           (m.type == STATE_REPLY && (m.a == decision || (m.a != COMMIT && m.a != ABORT)));
  for (const ScheduledStep& c : sim.pending_clients())
    if (c.txn == m.txn) return false;
  return m.type == VOTE_ABORT || m.type == ACK_PRECOMMIT || carries_own;
}

bool ThreePhaseCommit::undecided(const Simulator& sim) const {
  return any_undecided(sim, book_, 0, static_cast<NodeId>(p_.participants), [&](NodeId n, TxnId t) {
    return (n == 0 ? coord_[t].state : ptx(n, t).state) != kUnknown;
  });
}

}  // namespace cs::tpc3
