#include "protocols/two_phase_commit.hpp"
#include "protocols/commit_book.hpp"

#include <algorithm>

#include "check/atomic_commit.hpp"

namespace cs::tpc {

namespace {
constexpr std::uint16_t kClientStart = 0;
constexpr NodeId kCoordinator = 0;
}  // namespace

// ---------------------------------------------------------------------------------------------
// Parameters and description

namespace {
namespace cps = commit_param_specs;

constexpr RoleSpec kRoles[] = {
    {.key = "coordinator", .naming = "C", .coordinates = true, .help = "asks for votes, decides, logs the decision"},
    {.key = "participant", .naming = "P1…Pn", .count = "participants", .worker = true,
     .help = "votes, holds its locks while READY, applies the decision"},
};
constexpr StateSpec kStates[] = {{"INIT", StateClass::Initial},     {"WAIT", StateClass::Working},
                                 {"READY", StateClass::Uncertain},  {"COMMIT", StateClass::Committed},
                                 {"ABORT", StateClass::Aborted}};
constexpr MessageSpec kMessages[] = {
    {"PREPARE", MessageFamily::Request},      {"VOTE_COMMIT", MessageFamily::VoteYes},
    {"VOTE_ABORT", MessageFamily::VoteNo},    {"GLOBAL_COMMIT", MessageFamily::Commit},
    {"GLOBAL_ABORT", MessageFamily::Abort},   {"ACK", MessageFamily::Ack},
    {"DECISION_REQUEST", MessageFamily::Recovery}};
constexpr std::string_view kLogRecords[] = {"BEGIN", "READY", "COMMIT", "ABORT", "END", "HEURISTIC_ABORT"};
constexpr std::string_view kTimers[] = {"work_done", "vote_timeout", "prepare_timeout", "decision_timeout", "ack_timeout", "log_flush", "janitor"};
constexpr std::string_view kNotes[] = {"blocked",  "duplicate_decision", "client_retry",     "unilateral_abort",  "termination_help",
                                        "recovered", "janitor_rollback",  "pool_exhausted", "heuristic_conflict"};
constexpr MetricSpec kMetrics[] = {
    cps::kCommitted, cps::kAborted, cps::kLocksHeld,
    {.key = "blocked_participants", .level = true},
    {.key = "lock_waiters", .level = true},
    {.key = "latency_avg_us", .unit = MetricUnit::Micros},
    {.key = "latency_max_us", .unit = MetricUnit::Micros},
    // Reported only with a pool / a janitor, so runs without them report as before.
    {.key = "sessions_in_use", .level = true, .on_card = true, .capacity = "pool_size"},
    {.key = "pool_size", .level = true},
    {.key = "janitor_rollbacks", .sense = MetricSense::Bad, .on_card = true},
};
// 2PC keeps a window of unfinished transactions and a compact summary of finished ones (the CLI's
// --long-run truncates its logs at checkpoints), so a run of 1,000,000 stays within 200 MB there
// (docs/benchmarks.md, "Scale"); so does the CAP register; the other protocols keep every
// transaction and stop at 100,000.
constexpr ParamSpec kTransactions = [] {
  ParamSpec s = cps::kTransactions;
  s.hi = 1'000'000;
  return s;
}();
constexpr ParamSpec kParams[] = {
    cps::kParticipants, kTransactions, cps::kInterval, cps::kWork, cps::kTimeout, cps::kAckTimeout,
    {.key = "disk_ms", .kind = ParamKind::DurationMs, .def = 0, .lo = 0, .hi = 60'000, .unit = "ms",
     .help = "latency of a forced log write (READY, the decision)"},
    cps::kPoolSize, cps::kPoolRelease, cps::kJanitor,
    cps::kClientRetry, cps::kResources, cps::kAbortProbability, cps::kVotes,
};
constexpr ProtocolDescriptor kDescriptor{
    .name = "2pc",
    .title = "Two-phase commit",
    .summary = "Two-phase commit: coordinator C, participants P1..Pn, WAL, timeouts, cooperative termination",
    .roles = kRoles, .states = kStates, .messages = kMessages, .log_records = kLogRecords, .timers = kTimers,
    .notes = kNotes, .metrics = kMetrics, .invariants = cps::kInvariants, .params = kParams, .variants = cps::kVariants,
    .workload = {.transactions = "transactions", .interval = "interval_ms", .refusal = RefusalForm::Votes}};
}  // namespace

const ProtocolDescriptor& describe() { return kDescriptor; }

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out) {
  ParamReader r(params, out, kDescriptor.params);
  Params p;
  read_commit_params(r, p);
  p.disk = r.duration("disk_ms");
  read_pool_janitor_params(r, p);
  read_commit_votes(r, p);
  r.finish();
  if (!r.ok()) return nullptr;
  return std::make_unique<TwoPhaseCommit>(std::move(p));
}

ProtocolInfo TwoPhaseCommit::make_info() {
  ProtocolInfo i = make_protocol_info(kDescriptor);
  i.roles = {
      RoleMachine{"coordinator",
                  {INIT, WAIT, COMMIT, ABORT},
                  {{INIT, WAIT, "commit_request/PREPARE"},
                   {WAIT, COMMIT, "all VOTE_COMMIT/GLOBAL_COMMIT"},
                   {WAIT, ABORT, "VOTE_ABORT/GLOBAL_ABORT"},
                   {WAIT, ABORT, "timeout/GLOBAL_ABORT"}}},
      RoleMachine{"participant",
                  {INIT, READY, COMMIT, ABORT},
                  {{INIT, READY, "PREPARE/VOTE_COMMIT"},
                   {INIT, ABORT, "PREPARE/VOTE_ABORT"},
                   {INIT, ABORT, "timeout"},
                   {READY, COMMIT, "GLOBAL_COMMIT/ACK"},
                   {READY, ABORT, "GLOBAL_ABORT/ACK"}}},
  };
  return i;
}

// Per-transaction state is made as transactions start (TxnWindow): nothing grows with `transactions`.
TwoPhaseCommit::TwoPhaseCommit(Params p) : p_(std::move(p)), info_(make_info()), coord_(&chunks_), book_(&chunks_) {
  parts_.resize(static_cast<std::size_t>(p_.participants));
  for (Participant& part : parts_) part.txns = TxnWindow<PartTxn>(&chunks_);
  janitor_rollbacks_.assign(parts_.size(), 0);
}

std::vector<NodeSpec> TwoPhaseCommit::node_specs() const {
  std::vector<NodeSpec> out{{"C", "coordinator"}};
  for (const auto& name : numbered_names("P", p_.participants)) out.push_back({name, "participant"});
  return out;
}

std::vector<std::unique_ptr<Invariant>> TwoPhaseCommit::make_invariants() const {
  std::vector<NodeId> participants;
  for (int i = 1; i <= p_.participants; ++i) participants.push_back(i);
  std::vector<std::unique_ptr<Invariant>> out;
  out.push_back(std::make_unique<AgreementInvariant>(COMMIT, ABORT));
  out.push_back(std::make_unique<CommitValidityInvariant>(COMMIT, VOTE_COMMIT, participants));
  out.push_back(std::make_unique<CommitOnceInvariant>(REC_COMMIT));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Workload and dispatch

// Arrivals are chained (each schedules the next) rather than queued all at once, so the event queue
// stays small however many transactions a run has. value 1 marks an arrival, 0 a client retry.
void TwoPhaseCommit::start(Simulator& sim) { sim.schedule_client(0, kClientStart, 1, 1); }

void TwoPhaseCommit::on_client(Simulator& sim, std::uint16_t, TxnId txn, std::int64_t arrival) {
  if (arrival == 1 && txn < static_cast<TxnId>(p_.transactions)) sim.schedule_client(p_.interval, kClientStart, txn + 1, 1);
  coord_start(sim, txn);
  forget_finished(sim);
}

void TwoPhaseCommit::on_message(Simulator& sim, const Message& m) {
  if (m.txn == 0 || m.txn > static_cast<TxnId>(p_.transactions)) return;
  if (m.to == kCoordinator)
    coord_on_message(sim, m);
  else
    part_on_message(sim, m);
  forget_finished(sim);
}

void TwoPhaseCommit::on_timer(Simulator& sim, const TimerRec& t) {
  on_timer_here(sim, t);
  forget_finished(sim);
}

void TwoPhaseCommit::on_timer_here(Simulator& sim, const TimerRec& t) {
  const TxnId txn = t.txn;
  if (t.node == kCoordinator) {
    CoordTxn& c = coord_[txn];
    switch (t.kind) {
      case T_WORK_DONE:
        if (c.state == INIT) coord_send_prepares(sim, txn);
        break;
      case T_VOTE_TIMEOUT:
        if (c.state == WAIT && !c.flushing) coord_decide(sim, txn, ABORT);
        break;
      case T_ACK_TIMEOUT:
        if ((c.state == COMMIT || c.state == ABORT) && !c.ended) coord_broadcast(sim, txn, true);
        break;
      case T_FLUSH:
        if (c.flushing) {
          c.flushing = false;
          c.state = static_cast<std::uint8_t>(t.value);
          coord_log_decision(sim, txn);
        }
        break;
      default: break;
    }
    return;
  }
  PartTxn& x = ptx(t.node, txn);
  switch (t.kind) {
    case T_PREPARE_TIMEOUT:
      if (x.state == INIT && !x.flushing) {
        // Not yet voted: a participant may abort on its own, and tells C if C already asked.
        const bool asked = x.prepare_pending;
        sim.note(t.node, txn, N_UNILATERAL_ABORT);
        part_abort_local(sim, t.node, txn);
        if (asked) sim.send(t.node, kCoordinator, VOTE_ABORT, txn);
      }
      break;
    case T_DECISION_TIMEOUT:
      if (x.state == READY) part_request_decision(sim, t.node, txn);
      break;
    case T_FLUSH:
      if (x.state == INIT && x.flushing) part_finish_prepare(sim, t.node, txn);
      break;
    case T_JANITOR:
      if (x.state == READY) part_janitor_rollback(sim, t.node, txn);
      break;
    default: break;
  }
}

// ---------------------------------------------------------------------------------------------
// Coordinator

void TwoPhaseCommit::coord_start(Simulator& sim, TxnId txn) {
  // Drawn first, whatever happens next, so that a crash does not shift later draws.
  const TxnDraw draw = draw_transaction(p_, txn, sim.workload_rng());
  if (!sim.is_up(kCoordinator)) {
    // The client cannot reach the coordinator; it tries again later.
    sim.note(kCoordinator, txn, N_CLIENT_RETRY);
    sim.schedule_client(p_.client_retry, kClientStart, txn);
    return;
  }
  if (book_[txn].started < 0) book_[txn].started = sim.now();
  sim.txn_start(kCoordinator, txn);
  CoordTxn& c = coord_[txn];
  c = CoordTxn{};
  c.state = INIT;
  // BEGIN is durable before anyone joins, so a coordinator that crashes from here on still knows,
  // after its restart, that it owes this transaction an outcome (and aborts it).
  sim.log_append(kCoordinator, REC_BEGIN, txn, p_.participants);
  sim.set_state(kCoordinator, txn, INIT, INIT);
  for (int i = 1; i <= p_.participants; ++i) {
    if (!sim.is_up(i)) continue;
    PartTxn& x = ptx(i, txn);
    if (x.state != kUnknown) continue;
    x.lock.resource = draw.resource[static_cast<std::size_t>(i)];
    x.vote_abort = draw.vote_abort[static_cast<std::size_t>(i)];
    part_join(sim, i, txn);
  }
  if (p_.work == 0)
    coord_send_prepares(sim, txn);
  else
    sim.set_timer(kCoordinator, p_.work, T_WORK_DONE, txn);
}

void TwoPhaseCommit::coord_send_prepares(Simulator& sim, TxnId txn) {
  CoordTxn& c = coord_[txn];
  for (int i = 1; i <= p_.participants; ++i) sim.send(kCoordinator, i, PREPARE, txn);
  c.state = WAIT;
  sim.set_state(kCoordinator, txn, INIT, WAIT);
  c.vote_timer = sim.set_timer(kCoordinator, p_.timeout, T_VOTE_TIMEOUT, txn);
}

void TwoPhaseCommit::coord_decide(Simulator& sim, TxnId txn, std::uint8_t decision) {
  CoordTxn& c = coord_[txn];
  sim.cancel_timer(c.vote_timer);
  if (p_.disk > 0) {
    // The decision only counts once it is on disk: nothing is sent before the write completes.
    c.flushing = true;
    sim.set_timer(kCoordinator, p_.disk, T_FLUSH, txn, decision);
    return;
  }
  c.state = decision;
  coord_log_decision(sim, txn);
}

void TwoPhaseCommit::coord_log_decision(Simulator& sim, TxnId txn) {
  CoordTxn& c = coord_[txn];
  sim.log_append(kCoordinator, c.state == COMMIT ? REC_COMMIT : REC_ABORT, txn);
  book_decision(sim, kCoordinator, txn, c.state);
  sim.set_state(kCoordinator, txn, WAIT, c.state);
  coord_broadcast(sim, txn, false);
}

void TwoPhaseCommit::coord_broadcast(Simulator& sim, TxnId txn, bool only_unacked) {
  CoordTxn& c = coord_[txn];
  for (int i = 1; i <= p_.participants; ++i)
    if (!only_unacked || !(c.acked & (1u << (i - 1)))) sim.send(kCoordinator, i, decision_msg(c.state), txn);
  c.ack_timer = sim.set_timer(kCoordinator, p_.ack_timeout, T_ACK_TIMEOUT, txn);
}

void TwoPhaseCommit::coord_on_message(Simulator& sim, const Message& m) {
  CoordTxn& c = coord_[m.txn];
  const std::uint32_t bit = 1u << (m.from - 1);
  const bool decided = c.state == COMMIT || c.state == ABORT;
  switch (m.type) {
    case VOTE_COMMIT:
      if (c.state == WAIT && !c.flushing) {
        c.voted_commit |= bit;
        if (c.voted_commit == all_mask()) coord_decide(sim, m.txn, COMMIT);
      } else if (decided && !(c.acked & bit)) {
        sim.send(kCoordinator, m.from, decision_msg(c.state), m.txn);  // a late vote: repeat the outcome
      } else if (c.state == kUnknown) {
        sim.send(kCoordinator, m.from, GLOBAL_ABORT, m.txn);  // never prepared here: presumed abort
      }
      break;
    case VOTE_ABORT:
      if (c.state == WAIT && !c.flushing) coord_decide(sim, m.txn, ABORT);
      break;
    case ACK:
      if (!decided) break;
      c.acked |= bit;
      coord_.store(m.txn);  // a late ACK to a forgotten transaction (after a crash of C) is remembered
      if (c.acked == all_mask() && !c.ended) {
        c.ended = true;
        sim.cancel_timer(c.ack_timer);
        sim.log_append(kCoordinator, REC_END, m.txn);  // the transaction can now be forgotten
      }
      break;
    case DECISION_REQUEST:
      if (decided)
        sim.send(kCoordinator, m.from, decision_msg(c.state), m.txn);
      else if (c.state == kUnknown)
        sim.send(kCoordinator, m.from, GLOBAL_ABORT, m.txn);
      // In INIT or WAIT the coordinator has not decided yet; its vote timeout will.
      break;
    default: break;
  }
}

void TwoPhaseCommit::coord_recover(Simulator& sim) {
  for (const LogRecord& r : sim.log(kCoordinator)) {
    CoordTxn& c = coord_[r.txn];
    switch (r.type) {
      case REC_BEGIN: c.state = WAIT; break;  // undecided, whether or not PREPARE went out
      case REC_COMMIT: c.state = COMMIT; break;
      case REC_ABORT: c.state = ABORT; break;
      case REC_END: c.ended = true; break;
      default: break;
    }
  }
  sim.note(kCoordinator, 0, N_RECOVERED);
  // Forgotten transactions (below base()) ended before the crash: recovery leaves them alone.
  for (TxnId txn = coord_.base(); txn < coord_.end(); ++txn) {
    CoordTxn& c = coord_[txn];
    if (c.state == kUnknown || c.ended) continue;
    if (c.state == WAIT) {
      // Began 2PC but logged no decision: no participant can have committed, so abort.
      sim.set_state(kCoordinator, txn, WAIT, WAIT);
      coord_decide(sim, txn, ABORT);
    } else {
      coord_broadcast(sim, txn, false);  // decided before the crash: tell everyone again
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Participant

void TwoPhaseCommit::part_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to) {
  PartTxn& x = ptx(node, txn);
  const std::uint16_t from = x.state == kUnknown ? std::uint16_t{INIT} : std::uint16_t{x.state};
  x.state = to;
  sim.set_state(node, txn, from, to);
}

void TwoPhaseCommit::part_join(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  if (!part_take_session(node, txn)) {
    // Every session is taken: the transaction's work fails here (a pool that does not wait), so this
    // participant aborts at once and will vote abort when PREPARE comes.
    sim.note(node, txn, N_POOL_EXHAUSTED);
    sim.log_append(node, REC_ABORT, txn);
    book_decision(sim, node, txn, ABORT);
    part_set_state(sim, node, txn, ABORT);
    return;
  }
  part_set_state(sim, node, txn, INIT);
  parts_[static_cast<std::size_t>(node - 1)].locks.acquire(sim, node, txn, x.lock);
  x.timer = sim.set_timer(node, p_.timeout, T_PREPARE_TIMEOUT, txn);
}

void TwoPhaseCommit::part_on_message(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  PartTxn& x = ptx(me, m.txn);
  switch (m.type) {
    case PREPARE:
      if (x.state == kUnknown) {
        // Never joined, or forgot it in a crash before voting: it cannot commit this transaction.
        sim.log_append(me, REC_ABORT, m.txn);
        book_decision(sim, me, m.txn, ABORT);
        part_set_state(sim, me, m.txn, ABORT);
        sim.send(me, kCoordinator, VOTE_ABORT, m.txn);
      } else if (x.state == INIT) {
        if (x.flushing || x.prepare_pending) break;  // a duplicate PREPARE; the vote is coming
        if (x.vote_abort) {
          part_abort_local(sim, me, m.txn);
          sim.send(me, kCoordinator, VOTE_ABORT, m.txn);
        } else if (x.lock.waiting) {
          x.prepare_pending = true;  // vote once the lock is granted (or abort at the INIT timeout)
        } else {
          part_prepare(sim, me, m.txn);
        }
      } else if (x.state == READY) {
        sim.send(me, kCoordinator, VOTE_COMMIT, m.txn);
      } else if (x.state == ABORT) {
        sim.send(me, kCoordinator, VOTE_ABORT, m.txn);
      }
      break;
    case GLOBAL_COMMIT:
    case GLOBAL_ABORT:
      part_apply_decision(sim, me, m.txn, m.type == GLOBAL_COMMIT ? COMMIT : ABORT, m.from);
      break;
    case DECISION_REQUEST: part_on_decision_request(sim, m); break;
    default: break;
  }
}

void TwoPhaseCommit::part_on_decision_request(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  PartTxn& x = ptx(me, m.txn);
  if ((x.state == COMMIT || x.state == ABORT) && !x.heuristic) {
    sim.note(me, m.txn, N_TERMINATION_HELP);
    sim.send(me, m.from, decision_msg(x.state), m.txn);
  } else if ((x.state == INIT && !x.flushing) || x.state == kUnknown) {
    // Has not voted: it may abort on its own, which also settles the asker's question.
    sim.note(me, m.txn, N_UNILATERAL_ABORT);
    if (x.state == INIT) {
      part_abort_local(sim, me, m.txn);
    } else {
      sim.log_append(me, REC_ABORT, m.txn);
      book_decision(sim, me, m.txn, ABORT);
      part_set_state(sim, me, m.txn, ABORT);
    }
    sim.send(me, m.from, GLOBAL_ABORT, m.txn);
  }
  // READY: it knows no more than the asker and stays silent. So does a janitor's rollback: it is a
  // guess, not the decision, and passing it on would spread the damage.
}

void TwoPhaseCommit::part_prepare(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  sim.cancel_timer(x.timer);
  x.timer = 0;
  if (p_.disk > 0) {
    x.flushing = true;
    sim.set_timer(node, p_.disk, T_FLUSH, txn);
    return;
  }
  part_finish_prepare(sim, node, txn);
}

void TwoPhaseCommit::part_finish_prepare(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  x.flushing = false;
  // Write-ahead: the READY record is durable before the vote leaves.
  sim.log_append(node, REC_READY, txn, x.lock.resource);
  part_set_state(sim, node, txn, READY);
  sim.send(node, kCoordinator, VOTE_COMMIT, txn);
  x.timer = sim.set_timer(node, p_.timeout, T_DECISION_TIMEOUT, txn);
  if (p_.pool_release_at_prepare) part_free_session(node, txn);  // prepared: the session is free again
  if (p_.janitor > 0) x.janitor_timer = sim.set_timer(node, p_.janitor, T_JANITOR, txn);
}

void TwoPhaseCommit::part_abort_local(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  sim.cancel_timer(x.timer);
  x.timer = 0;
  x.prepare_pending = false;
  sim.log_append(node, REC_ABORT, txn);
  book_decision(sim, node, txn, ABORT);
  part_release(sim, node, txn);
  part_set_state(sim, node, txn, ABORT);
}

void TwoPhaseCommit::part_apply_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t d, NodeId) {
  PartTxn& x = ptx(node, txn);
  if (x.state == READY) {
    sim.cancel_timer(x.timer);
    x.timer = 0;
    x.blocked = false;
    sim.log_append(node, d == COMMIT ? REC_COMMIT : REC_ABORT, txn);
    book_decision(sim, node, txn, d);
    part_release(sim, node, txn);
    part_set_state(sim, node, txn, d);
    sim.send(node, kCoordinator, ACK, txn);
  } else if (x.heuristic && d == COMMIT) {
    // The janitor rolled back what the coordinator committed: the damage is done and cannot be
    // undone here. Say so, and acknowledge so that the coordinator stops re-sending.
    sim.note(node, txn, N_HEURISTIC_CONFLICT);
    sim.send(node, kCoordinator, ACK, txn);
  } else if (x.state == d) {
    // Already applied: the decision is idempotent; acknowledge again so the coordinator can stop.
    sim.note(node, txn, N_DUPLICATE_DECISION);
    sim.send(node, kCoordinator, ACK, txn);
  } else if (d == ABORT && (x.state == INIT || x.state == kUnknown)) {
    if (x.state == INIT) {
      if (x.flushing) x.flushing = false;  // the READY write in progress is abandoned
      part_abort_local(sim, node, txn);
    } else {
      sim.log_append(node, REC_ABORT, txn);
      book_decision(sim, node, txn, ABORT);
      part_set_state(sim, node, txn, ABORT);
    }
    sim.send(node, kCoordinator, ACK, txn);
  }
  // GLOBAL_COMMIT for a transaction this node never voted for cannot come from a correct
  // coordinator; it is ignored (and the invariants would say so).
}

void TwoPhaseCommit::part_request_decision(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  if (!x.blocked) {
    x.blocked = true;
    sim.note(node, txn, N_BLOCKED);
  }
  // Cooperative termination: ask the coordinator and every other participant.
  sim.send(node, kCoordinator, DECISION_REQUEST, txn);
  for (int i = 1; i <= p_.participants; ++i)
    if (i != node) sim.send(node, i, DECISION_REQUEST, txn);
  x.timer = sim.set_timer(node, p_.timeout, T_DECISION_TIMEOUT, txn);
}

void TwoPhaseCommit::part_release(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  part_free_session(node, txn);
  if (x.janitor_timer != 0) {
    sim.cancel_timer(x.janitor_timer);
    x.janitor_timer = 0;
  }
  parts_[static_cast<std::size_t>(node - 1)].locks.release_and_resume(
      sim, node, txn, ptx(node, txn).lock, [&](TxnId t) -> PartTxn& { return ptx(node, t); },
      [&](TxnId t) { part_prepare(sim, node, t); });
}

void TwoPhaseCommit::part_recover(Simulator& sim, NodeId node) {
  Participant& part = parts_[static_cast<std::size_t>(node - 1)];
  for (const LogRecord& r : sim.log(node)) {
    PartTxn& x = part.txns[r.txn];
    switch (r.type) {
      case REC_READY:
        x.state = READY;
        x.lock.resource = r.value;
        break;
      case REC_COMMIT: x.state = COMMIT; break;
      case REC_ABORT: x.state = ABORT; break;
      case REC_HEURISTIC_ABORT:
        x.state = ABORT;
        x.heuristic = true;
        break;
      default: break;
    }
  }
  sim.note(node, 0, N_RECOVERED);
  // Forgotten transactions (below base()) were decided before the crash: nothing to do for them.
  for (TxnId txn = part.txns.base(); txn < part.txns.end(); ++txn) {
    PartTxn& x = part.txns[txn];
    if (x.state != READY) continue;
    // In doubt: take the locks back (the vote promised to keep them) and ask for the outcome.
    part.locks.restore(sim, node, txn, x.lock);
    sim.set_state(node, txn, READY, READY);
    sim.send(node, kCoordinator, DECISION_REQUEST, txn);
    x.timer = sim.set_timer(node, p_.timeout, T_DECISION_TIMEOUT, txn);
    // Held until the decision: recovery reattaches it to a session (there were enough before).
    if (!p_.pool_release_at_prepare) part_take_session(node, txn);
    // The janitor's clock restarts with the node (it measures what it has seen since it came up).
    if (p_.janitor > 0) x.janitor_timer = sim.set_timer(node, p_.janitor, T_JANITOR, txn);
  }
}

// ---------------------------------------------------------------------------------------------
// Crash, restart, views

void TwoPhaseCommit::on_crash(Simulator&, NodeId node) {
  // Volatile state is gone; a forgotten transaction's summary is what recovery rebuilds from the log
  // (C: the decision, ended, nobody's ACK yet; a participant: its decision).
  if (node == kCoordinator) {
    coord_.crash([](std::uint32_t s) { return s & 0xFFFFu; });
    return;
  }
  Participant& part = parts_[static_cast<std::size_t>(node - 1)];
  part.txns.crash([](std::uint8_t s) { return s; });
  part.locks.forget();
  part.sessions = 0;
}

void TwoPhaseCommit::on_restart(Simulator& sim, NodeId node) {
  if (node == kCoordinator)
    coord_recover(sim);
  else
    part_recover(sim, node);
  forget_finished(sim);
}

void TwoPhaseCommit::forget_finished(Simulator& sim) {
  if (!sim.config().forget_finished) return;
  const auto nothing = [](const auto&) {};
  if (coord_.forget_finished(nothing) > 0) checkpoint(sim, kCoordinator, coord_.base());
  for (std::size_t i = 0; i < parts_.size(); ++i)
    if (parts_[i].txns.forget_finished(nothing) > 0) checkpoint(sim, static_cast<NodeId>(i + 1), parts_[i].txns.base());
  book_.forget_finished([this](const Book& b) {
    ((b.committed & 1u) ? finished_.committed : finished_.aborted) += 1;
    finished_.latency_sum += b.ended - b.started;
    finished_.latency_max = std::max(finished_.latency_max, b.ended - b.started);
  });
}

// Every record before the first one of a transaction still held in full can go: recovery would only
// rebuild from them what the summaries already hold.
void TwoPhaseCommit::checkpoint(Simulator& sim, NodeId node, TxnId below) const {
  const DurableLog& log = sim.log(node);
  std::size_t n = 0;
  while (n < log.size() && log[n].txn < below) ++n;
  if (n > 0) sim.log_truncate(node, n);
}

NodeView TwoPhaseCommit::live_view(NodeId node) const {
  NodeView v;
  v.state = INIT;
  const auto pick = [&](TxnId txn, std::uint8_t state, bool active) {
    if (state == kUnknown) return false;
    v.state = state;
    v.txn = txn;
    return active;
  };
  // A forgotten transaction is finished (never active): of those only the last one can show.
  if (node == kCoordinator) {
    if (coord_.base() > 1) pick(coord_.base() - 1, coord_[coord_.base() - 1].state, false);
    for (TxnId t = coord_.base(); t < coord_.end(); ++t)
      if (pick(t, coord_[t].state, coord_[t].state == INIT || coord_[t].state == WAIT)) break;
    return v;
  }
  const Participant& part = parts_[static_cast<std::size_t>(node - 1)];
  bool found_active = false;
  if (part.txns.base() > 1) pick(part.txns.base() - 1, part.txns[part.txns.base() - 1].state, false);
  for (TxnId t = part.txns.base(); t < part.txns.end(); ++t) {
    const PartTxn& x = part.txns[t];
    if (x.blocked) v.blocked = true;
    if (!found_active) found_active = pick(t, x.state, x.state == INIT || x.state == READY);
  }
  part.locks.append_views(v.locks);
  return v;
}

void TwoPhaseCommit::book_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision) {
  Book& b = book_[txn];
  (decision == COMMIT ? b.committed : b.aborted) |= 1u << node;
  const std::uint32_t everyone = (1u << (p_.participants + 1)) - 1u;
  if (b.ended < 0 && (b.committed | b.aborted) == everyone) {
    b.ended = sim.now();
    sim.txn_end(txn, (b.committed & 1u) ? TxnOutcome::Committed : TxnOutcome::Aborted);
  }
}

TxnView TwoPhaseCommit::txn_view(TxnId t) const {
  return book_view(t, book_[t], [&] {
    return std::any_of(parts_.begin(), parts_.end(), [&](const auto& part) { return part.txns[t].blocked; });
  });
}

std::vector<TxnView> TwoPhaseCommit::transactions() const {
  // Transactions not started yet are listed as before (an untouched book); forgotten ones are not.
  std::vector<TxnView> out;
  const auto last = static_cast<TxnId>(p_.transactions);
  if (last >= book_.base()) out.reserve(static_cast<std::size_t>(last - book_.base() + 1));
  for (TxnId t = book_.base(); t <= last; ++t) out.push_back(txn_view(t));
  return out;
}

// The same transactions as transactions(), counted without listing them.
Protocol::TxnCounts TwoPhaseCommit::transaction_counts() const {
  TxnCounts counts{};
  const auto last = static_cast<TxnId>(p_.transactions);
  for (TxnId t = book_.base(); t <= last; ++t) ++counts[static_cast<std::size_t>(txn_view(t).outcome)];
  return counts;
}

// Computed from the current state on request (the charts sample it), so that nothing has to be kept
// in step with every path that ends a transaction or moves a lock. Keys shared with 3PC carry the
// same meaning, so the two can be compared on one chart.
std::vector<Metric> TwoPhaseCommit::metrics() const {
  std::int64_t committed = finished_.committed, aborted = finished_.aborted;
  std::int64_t latency_sum = finished_.latency_sum, latency_max = finished_.latency_max;
  for (TxnId t = book_.base(); t < book_.end(); ++t) {
    const Book& b = book_[t];
    if (b.ended < 0) continue;
    ((b.committed & 1u) ? committed : aborted) += 1;
    const std::int64_t latency = b.ended - b.started;
    latency_sum += latency;
    latency_max = std::max(latency_max, latency);
  }
  std::int64_t locks = 0, waiters = 0, blocked = 0;
  std::vector<Metric> out;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    const std::int64_t node_locks = parts_[i].locks.held();
    waiters += parts_[i].locks.waiting();
    parts_[i].txns.each_live([&](TxnId, const PartTxn& x) { blocked += x.blocked; });
    locks += node_locks;
    out.push_back({"locks_held", static_cast<NodeId>(i + 1), node_locks});
  }
  const std::int64_t ended = committed + aborted;
  out.insert(out.begin(), {
      {"txns_committed", kNoNode, committed},
      {"txns_aborted", kNoNode, aborted},
      {"blocked_participants", kNoNode, blocked},
      {"locks_held", kNoNode, locks},
      {"lock_waiters", kNoNode, waiters},
      {"latency_avg_us", kNoNode, ended > 0 ? latency_sum / ended : 0},
      {"latency_max_us", kNoNode, latency_max},
  });
  add_pool_janitor_metrics(out);
  return out;
}

}  // namespace cs::tpc

namespace cs::tpc {

// The explorer's canonical state: every field the handlers read, timers as "still running", and
// not the book (ground truth for reports) nor any time.
bool TwoPhaseCommit::encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const {
  // The identity renaming: one encoder for the exact and the symmetric search, so they cannot drift.
  std::vector<NodeId> same(static_cast<std::size_t>(p_.participants) + 1);
  for (std::size_t i = 0; i < same.size(); ++i) same[i] = static_cast<NodeId>(i);
  encode_state_renamed(sim, same, out);
  return true;
}

// Undecided: a node that is up knows the transaction (C began it, Pi joined it) and has logged no
// decision for it.
bool TwoPhaseCommit::undecided(const Simulator& sim) const {
  return any_undecided(sim, book_, kCoordinator, static_cast<NodeId>(p_.participants), [&](NodeId n, TxnId t) {
    return (n == kCoordinator ? coord_[t].state : ptx(n, t).state) != kUnknown;
  });
}

}  // namespace cs::tpc

namespace cs::tpc {

// ---------------------------------------------------------------------------------------------
// The connection pool and the janitor (both off unless pool_size / janitor_ms are set)
//
// What the node cards show comes from the per-node metrics (sessions_in_use of pool_size, and
// janitor_rollbacks), reported only when the feature is on, so runs without them report as before.

// False when the pool is full. Without a pool every join gets a session and nothing is counted.
bool TwoPhaseCommit::part_take_session(NodeId node, TxnId txn) {
  if (p_.pool_size <= 0) return true;
  Participant& part = parts_[static_cast<std::size_t>(node - 1)];
  PartTxn& x = ptx(node, txn);
  if (x.session) return true;
  if (part.sessions >= p_.pool_size) return false;
  x.session = true;
  ++part.sessions;
  return true;
}

void TwoPhaseCommit::part_free_session(NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  if (!x.session) return;
  x.session = false;
  --parts_[static_cast<std::size_t>(node - 1)].sessions;
}

// The janitor found a transaction READY for janitor_ms and rolls it back, as an operator's ROLLBACK
// PREPARED would: locks and session are freed, but it guessed the outcome. If the coordinator had
// logged COMMIT, `agreement` is broken, and nothing the protocol does later can repair it.
void TwoPhaseCommit::part_janitor_rollback(Simulator& sim, NodeId node, TxnId txn) {
  PartTxn& x = ptx(node, txn);
  sim.note(node, txn, N_JANITOR_ROLLBACK);
  sim.cancel_timer(x.timer);
  x.timer = 0;
  x.janitor_timer = 0;
  x.blocked = false;
  x.heuristic = true;
  sim.log_append(node, REC_HEURISTIC_ABORT, txn);
  book_decision(sim, node, txn, ABORT);
  part_release(sim, node, txn);
  part_set_state(sim, node, txn, ABORT);
  ++janitor_rollbacks_[static_cast<std::size_t>(node - 1)];
}

void TwoPhaseCommit::add_pool_janitor_metrics(std::vector<Metric>& out) const {
  std::int64_t sessions = 0, rollbacks = 0;
  for (std::size_t i = 0; i < parts_.size(); ++i) {
    const auto node = static_cast<NodeId>(i + 1);
    sessions += parts_[i].sessions;
    rollbacks += janitor_rollbacks_[i];
    if (p_.pool_size > 0) out.push_back({"sessions_in_use", node, parts_[i].sessions});
    if (p_.pool_size > 0) out.push_back({"pool_size", node, p_.pool_size});
    if (p_.janitor > 0) out.push_back({"janitor_rollbacks", node, janitor_rollbacks_[i]});
  }
  if (p_.pool_size > 0) out.push_back({"sessions_in_use", kNoNode, sessions});
  if (p_.janitor > 0) out.push_back({"janitor_rollbacks", kNoNode, rollbacks});
}

}  // namespace cs::tpc
