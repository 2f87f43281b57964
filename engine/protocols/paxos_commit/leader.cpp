// Paxos Commit's leaders: C, which starts every transaction and runs ballot 0, and any acceptor that
// takes over with a higher ballot when the transaction stays undecided.
#include <bit>

#include "protocols/paxos_commit/paxos_commit.hpp"

namespace cs::paxos {

namespace {
constexpr NodeId kCoordinator = 0;
}  // namespace

// ---------------------------------------------------------------------------------------------
// C: the transaction's start and ballot 0

void PaxosCommit::coord_start(Simulator& sim, TxnId txn) {
  // Drawn first, whatever happens next, so that a crash does not shift later draws.
  const TxnDraw draw = draw_transaction(p_, txn, sim.workload_rng());
  if (!sim.is_up(kCoordinator)) {
    sim.note(kCoordinator, txn, N_CLIENT_RETRY);
    sim.schedule_client(p_.client_retry, 0, txn);
    return;
  }
  if (book_[txn].started < 0) book_[txn].started = sim.now();
  sim.txn_start(kCoordinator, txn);
  CoordTxn& c = coord_[txn];
  c.state = INIT;
  c.lead = Lead{};
  // Only a record of what C started; C's decisions never depend on it (the acceptors hold the votes).
  sim.log_append(kCoordinator, REC_BEGIN, txn, p_.participants);
  sim.set_state(kCoordinator, txn, INIT, INIT);
  for (int i = 1; i <= p_.participants; ++i) {
    if (!sim.is_up(i) || ptx(i, txn).state != kUnknown) continue;
    PartTxn& x = ptx(i, txn);
    x.lock.resource = draw.resource[static_cast<std::size_t>(i)];
    x.vote_abort = draw.vote_abort[static_cast<std::size_t>(i)];
    part_join(sim, i, txn);
  }
  if (p_.work == 0)
    coord_send_prepares(sim, txn);
  else
    sim.set_timer(kCoordinator, p_.work, T_WORK_DONE, txn);
}

void PaxosCommit::coord_send_prepares(Simulator& sim, TxnId txn) {
  CoordTxn& c = coord_[txn];
  for (int i = 1; i <= p_.participants; ++i) sim.send(kCoordinator, i, PREPARE, txn);
  c.state = WAIT;
  c.lead.ballot = 0;
  c.lead.phase = 2;  // ballot 0 needs no phase 1: each RM proposes its own vote
  sim.set_state(kCoordinator, txn, INIT, WAIT);
  c.lead.timer = sim.set_timer(kCoordinator, p_.timeout, T_VOTE_TIMEOUT, txn);
}

void PaxosCommit::coord_on_timer(Simulator& sim, const TimerRec& t) {
  CoordTxn& c = coord_[t.txn];
  switch (t.kind) {
    case T_WORK_DONE:
      if (c.state == INIT) coord_send_prepares(sim, t.txn);
      break;
    case T_VOTE_TIMEOUT:
    case T_BALLOT_TIMEOUT:
      if (c.state == WAIT) lead_start_ballot(sim, kCoordinator, t.txn);
      break;
    default: break;
  }
}

// The outcome, from C's own ballot or from another leader's announcement.
void PaxosCommit::coord_learn(Simulator& sim, TxnId txn, std::uint8_t decision) {
  CoordTxn& c = coord_[txn];
  if (c.state == COMMIT || c.state == ABORT) return;
  sim.cancel_timer(c.lead.timer);
  c.lead.phase = 0;
  lead_release(c.lead);
  const std::uint16_t from = c.state == kUnknown ? std::uint16_t{INIT} : std::uint16_t{c.state};
  c.state = decision;
  sim.log_append(kCoordinator, decision == COMMIT ? REC_COMMIT : REC_ABORT, txn);
  sim.set_state(kCoordinator, txn, from, decision);
  book_decision(sim, kCoordinator, txn, decision);
}

// C keeps no votes: a transaction it began and did not see decided is finished by a new ballot of its
// own, which learns whatever was chosen meanwhile.
void PaxosCommit::coord_recover(Simulator& sim) {
  for (const LogRecord& r : sim.log(kCoordinator)) {
    CoordTxn& c = coord_[r.txn];
    if (r.type == REC_BEGIN) c.state = WAIT;
    if (r.type == REC_COMMIT) c.state = COMMIT;
    if (r.type == REC_ABORT) c.state = ABORT;
  }
  sim.note(kCoordinator, 0, N_RECOVERED);
  for (TxnId txn = 1; txn < coord_.size(); ++txn) {
    if (coord_[txn].state != WAIT) continue;
    sim.set_state(kCoordinator, txn, WAIT, WAIT);
    lead_start_ballot(sim, kCoordinator, txn);
  }
}

// ---------------------------------------------------------------------------------------------
// Any leader: ballots

// A leader's per-instance tables exist only while it leads the transaction (sized on first use,
// released once it knows the outcome).
PaxosCommit::Lead& PaxosCommit::lead_of(NodeId node, TxnId txn) {
  Lead& l = node == kCoordinator ? coord_[txn].lead : atx(node, txn).lead;
  if (l.chosen.empty()) lead_reset(l);
  return l;
}

void PaxosCommit::lead_release(Lead& l) const {
  l.best_ballot = {};
  l.best_value = {};
  l.tallies = {};
  l.chosen = {};
}

void PaxosCommit::lead_reset(Lead& l) const {
  const auto n = static_cast<std::size_t>(p_.participants) + 1;
  l.best_ballot.assign(n, -1);
  l.best_value.assign(n, V_NONE);
  l.tallies.assign(n, {});
  l.chosen.assign(n, V_NONE);
}

bool PaxosCommit::decided_at(NodeId node, TxnId txn) const {
  const std::uint8_t s = node == kCoordinator ? coord_[txn].state : atx(node, txn).state;
  return s == COMMIT || s == ABORT;
}

// Phase 1a: a ballot above every one this leader has heard of, for all instances of the transaction.
void PaxosCommit::lead_start_ballot(Simulator& sim, NodeId node, TxnId txn) {
  Lead& l = lead_of(node, txn);
  sim.cancel_timer(l.timer);
  l.ballot = next_ballot(node, std::max(l.max_seen, l.ballot));
  l.max_seen = l.ballot;
  l.phase = 1;
  l.promised_by = 0;
  std::fill(l.best_ballot.begin(), l.best_ballot.end(), -1);
  std::fill(l.best_value.begin(), l.best_value.end(), V_NONE);
  ++higher_ballots_;
  sim.note(node, txn, N_TAKEOVER, l.ballot);
  if (node != kCoordinator) acc_set_state(sim, node, txn, LEADING);
  l.timer = sim.set_timer(node, p_.timeout, T_BALLOT_TIMEOUT, txn);
  to_acceptors(sim, node, PHASE1A, txn, 0, l.ballot);
}

// phase1b: a = 0 and extra = each instance's (ballot, value) accepted so far, or a = 1: a refusal,
// b = the higher ballot the acceptor has promised.
void PaxosCommit::lead_on_phase1b(Simulator& sim, const Message& m) {
  if (decided_at(m.to, m.txn)) return;
  Lead& l = lead_of(m.to, m.txn);
  if (m.a == 1) {
    if (m.b > l.ballot && l.phase != 0) lead_preempted(sim, m.to, m.txn, m.b);
    l.max_seen = std::max(l.max_seen, m.b);
    return;
  }
  if (l.phase != 1 || m.b != l.ballot) return;
  l.promised_by |= 1u << (acceptor_rank(m.from) - 1);
  for (std::size_t i = 0; i < m.extra.size() && i + 1 < l.best_ballot.size(); ++i) {
    const std::int64_t packed = m.extra[i];
    if (packed < 0) continue;
    const std::int64_t bal = packed / 4;
    if (bal > l.best_ballot[i + 1]) {
      l.best_ballot[i + 1] = bal;
      l.best_value[i + 1] = static_cast<std::uint8_t>(packed % 4);
    }
  }
  if (std::popcount(l.promised_by) >= quorum()) lead_propose(sim, m.to, m.txn);
}

// Phase 2a: the value the ballot must keep where one may have been chosen, "aborted" where none was.
void PaxosCommit::lead_propose(Simulator& sim, NodeId node, TxnId txn) {
  Lead& l = lead_of(node, txn);
  l.phase = 2;
  for (int i = 1; i <= p_.participants; ++i) {
    const auto ix = static_cast<std::size_t>(i);
    const std::uint8_t v = l.best_value[ix] == V_NONE ? std::uint8_t{V_ABORTED} : l.best_value[ix];
    to_acceptors(sim, node, PHASE2A, txn, pack_vote(i, v), l.ballot);
    if (decided_at(node, txn)) return;  // its own acceptor's answer may already have settled it
  }
}

// Counted in any ballot this leader owns (ballot 0 for C): F+1 acceptors that accepted one value in
// one ballot make it chosen.
void PaxosCommit::lead_on_phase2b(Simulator& sim, const Message& m) {
  if (decided_at(m.to, m.txn)) return;
  Lead& l = lead_of(m.to, m.txn);
  const int inst = vote_instance(m.a);
  if (inst < 1 || inst > p_.participants || !is_acceptor(m.from)) return;
  auto& tallies = l.tallies[static_cast<std::size_t>(inst)];
  auto it = std::find_if(tallies.begin(), tallies.end(), [&](const Tally& t) { return t.ballot == m.b; });
  if (it == tallies.end()) it = tallies.insert(tallies.end(), Tally{m.b, vote_value(m.a), 0});
  it->from |= 1u << (acceptor_rank(m.from) - 1);
  if (std::popcount(it->from) >= quorum()) l.chosen[static_cast<std::size_t>(inst)] = it->value;
  lead_check(sim, m.to, m.txn);
}

void PaxosCommit::lead_check(Simulator& sim, NodeId node, TxnId txn) {
  const Lead& l = lead_of(node, txn);
  bool all_prepared = true;
  for (int i = 1; i <= p_.participants; ++i) {
    const std::uint8_t v = l.chosen[static_cast<std::size_t>(i)];
    if (v == V_ABORTED) return lead_decide(sim, node, txn, ABORT);
    all_prepared = all_prepared && v == V_PREPARED;
  }
  if (all_prepared) lead_decide(sim, node, txn, COMMIT);
}

void PaxosCommit::lead_decide(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision) {
  if (node == kCoordinator) {
    coord_learn(sim, txn, decision);
  } else {
    ++backup_decisions_;
    acc_learn(sim, node, txn, decision);
    book_decision(sim, node, txn, decision);
  }
  const std::uint16_t msg = decision == COMMIT ? MSG_COMMIT : MSG_ABORT;
  for (int i = 1; i <= p_.participants; ++i) sim.send(node, i, msg, txn);
  if (node != kCoordinator) sim.send(node, kCoordinator, msg, txn);
  for (int k = 1; k <= acceptors(); ++k)
    if (acceptor_node(k) != node) sim.send(node, acceptor_node(k), msg, txn);
}

// Another leader runs a higher ballot: step aside (an acceptor watches it with its takeover timer;
// C tries again after a timeout).
void PaxosCommit::lead_preempted(Simulator& sim, NodeId node, TxnId txn, std::int64_t ballot) {
  Lead& l = lead_of(node, txn);
  l.phase = 0;
  sim.cancel_timer(l.timer);
  sim.note(node, txn, N_PREEMPTED, ballot);
  if (node == kCoordinator) {
    l.timer = sim.set_timer(node, p_.timeout, T_BALLOT_TIMEOUT, txn);
  } else {
    acc_set_state(sim, node, txn, ACCEPTED);
    acc_arm_takeover(sim, node, txn, true);
  }
}

}  // namespace cs::paxos
