// Paxos Commit's acceptors: they accept each RM's vote in a ballot (durably, before answering), so
// that a vote survives its leader; one of them takes over as leader when a transaction stays undecided.
#include "protocols/paxos_commit/paxos_commit.hpp"

namespace cs::paxos {

// The per-instance tables are sized on first use: most acceptor × transaction pairs of a long run
// never need them, and a run may have 100,000 transactions.
PaxosCommit::AccTxn& PaxosCommit::atx(NodeId node, TxnId txn) {
  AccTxn& a = accs_[static_cast<std::size_t>(acceptor_rank(node) - 1)][txn];
  if (a.acc_ballot.empty()) {
    const auto n = static_cast<std::size_t>(p_.participants) + 1;
    a.acc_ballot.assign(n, -1);
    a.acc_value.assign(n, V_NONE);
  }
  return a;
}

void PaxosCommit::acc_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to) {
  AccTxn& a = atx(node, txn);
  if (a.state == to) return;
  const std::uint16_t from = a.state == kUnknown ? std::uint16_t{INIT} : std::uint16_t{a.state};
  a.state = to;
  sim.set_state(node, txn, from, to);
}

void PaxosCommit::acc_on_message(Simulator& sim, const Message& m) {
  switch (m.type) {
    case PHASE1A: acc_on_phase1a(sim, m); break;
    case PHASE2A: acc_on_phase2a(sim, m); break;
    case PHASE1B: lead_on_phase1b(sim, m); break;
    case PHASE2B: lead_on_phase2b(sim, m); break;
    case MSG_COMMIT: acc_learn(sim, m.to, m.txn, COMMIT); break;
    case MSG_ABORT: acc_learn(sim, m.to, m.txn, ABORT); break;
    default: break;
  }
}

// Promise a higher ballot (durably) and report what was accepted, per instance; refuse a lower one.
void PaxosCommit::acc_on_phase1a(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  AccTxn& a = atx(me, m.txn);
  const std::int64_t ballot = m.b;
  if (ballot < a.promised) {
    post(sim, me, m.from, PHASE1B, m.txn, 1, a.promised);
    return;
  }
  if (ballot > a.promised) {
    a.promised = ballot;
    sim.log_append(me, REC_PROMISED, m.txn, ballot);
  }
  if (a.state == kUnknown) acc_set_state(sim, me, m.txn, ACCEPTED);
  // Another leader is at work: this one steps aside and watches it.
  if (m.from != me) {
    if (a.lead.phase != 0 && a.lead.ballot < ballot) lead_preempted(sim, me, m.txn, ballot);
    if (a.state != COMMIT && a.state != ABORT) acc_arm_takeover(sim, me, m.txn, true);
  }
  std::vector<std::int64_t> accepted;
  for (int i = 1; i <= p_.participants; ++i) {
    const auto ix = static_cast<std::size_t>(i);
    accepted.push_back(a.acc_value[ix] == V_NONE ? -1 : a.acc_ballot[ix] * 4 + a.acc_value[ix]);
  }
  post(sim, me, m.from, PHASE1B, m.txn, 0, ballot, std::move(accepted));
}

// Accept the vote unless a higher ballot was promised; the record is durable before phase2b leaves.
// An RM re-sending its vote is answered with the outcome when this acceptor knows it.
void PaxosCommit::acc_on_phase2a(Simulator& sim, const Message& m) {
  const NodeId me = m.to;
  AccTxn& a = atx(me, m.txn);
  const bool from_rm = m.from >= 1 && m.from <= p_.participants;
  if (a.state == COMMIT || a.state == ABORT) {
    if (from_rm) sim.send(me, m.from, a.state == COMMIT ? MSG_COMMIT : MSG_ABORT, m.txn);
    return;
  }
  const int inst = vote_instance(m.a);
  if (inst < 1 || inst > p_.participants) return;
  if (m.b < a.promised) {
    if (!from_rm) post(sim, me, m.from, PHASE1B, m.txn, 1, a.promised);
    acc_arm_takeover(sim, me, m.txn, false);
    return;
  }
  const auto ix = static_cast<std::size_t>(inst);
  const std::uint8_t v = vote_value(m.a);
  a.promised = m.b;
  if (a.acc_ballot[ix] != m.b || a.acc_value[ix] != v) {
    a.acc_ballot[ix] = m.b;
    a.acc_value[ix] = v;
    sim.log_append(me, REC_ACCEPTED, m.txn, pack_accepted(m.b, inst, v));
  }
  if (a.state == kUnknown) acc_set_state(sim, me, m.txn, ACCEPTED);
  acc_arm_takeover(sim, me, m.txn, false);
  post(sim, me, ballot_owner(m.b), PHASE2B, m.txn, m.a, m.b);
}

void PaxosCommit::acc_learn(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision) {
  AccTxn& a = atx(node, txn);
  if (a.state == COMMIT || a.state == ABORT) return;
  sim.cancel_timer(a.takeover);
  sim.cancel_timer(a.lead.timer);
  a.takeover = 0;
  a.lead.phase = 0;
  lead_release(a.lead);
  acc_set_state(sim, node, txn, decision);
}

// Acceptor Ak waits k+1 timeouts (C waits one), so that the leaders rarely start ballots together.
void PaxosCommit::acc_arm_takeover(Simulator& sim, NodeId node, TxnId txn, bool restart) {
  AccTxn& a = atx(node, txn);
  if (a.takeover != 0 && !restart) return;
  if (a.lead.phase != 0) return;  // leading: its ballot timer watches the ballot
  sim.cancel_timer(a.takeover);
  a.takeover = sim.set_timer(node, p_.timeout * (1 + acceptor_rank(node)), T_TAKEOVER, txn);
}

void PaxosCommit::acc_on_timer(Simulator& sim, const TimerRec& t) {
  AccTxn& a = atx(t.node, t.txn);
  if (a.state == COMMIT || a.state == ABORT) return;
  if (t.kind == T_TAKEOVER) {
    if (t.id != a.takeover) return;
    a.takeover = 0;
    lead_start_ballot(sim, t.node, t.txn);
  } else if (t.kind == T_BALLOT_TIMEOUT && a.lead.phase != 0) {
    lead_start_ballot(sim, t.node, t.txn);
  }
}

// Promises and accepted votes come back from the log; the outcome does not (it was never logged
// here), so every transaction still open gets a takeover timer and is finished by some leader.
void PaxosCommit::acc_recover(Simulator& sim, NodeId node) {
  for (const LogRecord& r : sim.log(node)) {
    AccTxn& a = atx(node, r.txn);
    a.state = ACCEPTED;
    if (r.type == REC_PROMISED) a.promised = std::max(a.promised, r.value);
    if (r.type != REC_ACCEPTED) continue;
    const std::int64_t ballot = accepted_ballot(r.value);
    const auto ix = static_cast<std::size_t>(vote_instance(r.value % 256));
    a.promised = std::max(a.promised, ballot);
    a.acc_ballot[ix] = ballot;
    a.acc_value[ix] = vote_value(r.value % 256);
  }
  sim.note(node, 0, N_RECOVERED);
  for (TxnId txn = 1; txn < book_.size(); ++txn) {
    if (atx(node, txn).state != ACCEPTED) continue;
    sim.set_state(node, txn, ACCEPTED, ACCEPTED);
    acc_arm_takeover(sim, node, txn, true);
  }
}

}  // namespace cs::paxos
