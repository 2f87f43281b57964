// Three-phase commit (Skeen) with write-ahead logging, timeouts, an elected-coordinator termination
// protocol and recovery from the log; many transactions over locked resources, as in 2PC.
//
// Node 0 is the coordinator "C"; nodes 1..n are participants "P1".."Pn". 3PC inserts a PRECOMMIT round
// between the vote and the decision, so that no operational participant can be READY while another
// has committed. That is what lets the survivors of a crash decide without C (non-blocking), and it
// relies on timeouts meaning "crashed": under a partition both sides decide on their own, differently.
//
// Participant "READY" is the textbook's "uncertain" state (voted yes, outcome unknown).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/commit_params.hpp"
#include "protocols/lock_table.hpp"
#include "sim/diagnostic.hpp"
#include "sim/inert_messages.hpp"
#include "sim/network_blind.hpp"
#include "sim/protocol.hpp"
#include "sim/simulator.hpp"

namespace cs::tpc3 {

// Stable indices; the keys are in info().
enum State : std::uint16_t { INIT, WAIT, READY, PRECOMMIT, COMMIT, ABORT, kStateCount };
enum Msg : std::uint16_t {
  CAN_COMMIT,
  VOTE_COMMIT,
  VOTE_ABORT,
  MSG_PRECOMMIT,  // key "PRECOMMIT"
  ACK_PRECOMMIT,
  GLOBAL_COMMIT,
  GLOBAL_ABORT,
  ACK,
  STATE_REQUEST,
  STATE_REPLY,  // a = the replier's state, b = 1 when the replier is recovering (not operational)
};
enum Rec : std::uint16_t { REC_BEGIN, REC_READY, REC_PRECOMMIT, REC_COMMIT, REC_ABORT, REC_END };
enum TimerKind : std::uint16_t {
  T_WORK_DONE,
  T_VOTE_TIMEOUT,
  T_ACK_TIMEOUT,
  T_PREPARE_TIMEOUT,
  T_DOUBT_TIMEOUT,
  T_GATHER,
  T_LEAD_TIMEOUT,
};
enum Note : std::uint16_t {
  N_CLIENT_RETRY,
  N_UNILATERAL_ABORT,
  N_TERMINATION_STARTED,
  N_COORDINATOR_ALIVE,
  N_ELECTED,
  N_WAITING_FOR_LEADER,
  N_PRECOMMIT_RETRY,
  N_COMMIT_WITHOUT_ACKS,
  N_DUPLICATE_DECISION,
  N_CONFLICTING_DECISION,
  N_RECOVERED,
  N_IN_DOUBT,
  N_TOTAL_FAILURE_DECISION,
};

// The shared keys (participants, transactions, timeouts, resources, votes...) are in CommitParams;
// `timeout` also bounds P in READY and PRECOMMIT and is the recovery polling period, `ack_timeout`
// also paces PRECOMMIT re-sends.
struct Params : CommitParams {
  int precommit_retries = 2;   // PRECOMMIT re-sends before C commits without every ACK_PRECOMMIT
  Time window = ms(150);       // a termination round: how long the asker gathers STATE_REPLYs
};

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe();

class ThreePhaseCommit final : public Protocol, public NetworkBlindProtocol, public InertMessagesProtocol {
 public:
  explicit ThreePhaseCommit(Params p);

  const ProtocolInfo& info() const override { return info_; }
  std::vector<NodeSpec> node_specs() const override;
  void start(Simulator& sim) override;
  void on_message(Simulator& sim, const Message& msg) override;
  void on_timer(Simulator& sim, const TimerRec& timer) override;
  void on_client(Simulator& sim, std::uint16_t kind, TxnId txn, std::int64_t value) override;
  void on_crash(Simulator& sim, NodeId node) override;
  void on_restart(Simulator& sim, NodeId node) override;
  NodeView live_view(NodeId node) const override;
  std::vector<TxnView> transactions() const override;
  std::vector<std::unique_ptr<Invariant>> make_invariants() const override;
  std::vector<Metric> metrics() const override;
  bool encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const override;
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<ThreePhaseCommit>(*this); }
  bool undecided(const Simulator& sim) const override;
  // Answers and acknowledgements that reach a node after it logged the outcome and that it ignores
  // from then on (docs/explorer.md, "Inert messages"; the cases in three_phase_commit.cpp).
  bool inert(const Simulator& sim, const Message& m) const override;

  const Params& params() const { return p_; }
  static ProtocolInfo make_info();

 private:
  static constexpr std::uint8_t kUnknown = 0xFF;

  struct CoordTxn {
    std::uint8_t state = kUnknown;
    bool in_doubt = false;  // recovered with PRECOMMIT logged and no decision: must learn the outcome
    bool ended = false;
    std::uint32_t voted_commit = 0;  // bit i-1 for participant i
    std::uint32_t acked = 0;         // ACK_PRECOMMIT in PRECOMMIT, ACK once decided
    std::uint32_t doubt_replies = 0;  // in doubt: participants that answered "recovering, undecided"
    int retries = 0;
    std::uint32_t timer = 0;
  };
  struct PartTxn {
    std::uint8_t state = kUnknown;
    bool recovering = false;  // restored from the log: only learns the outcome, never leads
    bool blocked = false;
    bool prepare_pending = false;
    bool vote_abort = false;
    LockClaim lock;
    std::uint32_t timer = 0;
    // Termination round (asker side).
    bool gathering = false;
    bool c_alive = false;
    int tick = 0;
    std::uint32_t replied = 0;      // bit = node id
    std::uint32_t operational = 0;  // repliers that are operational and undecided
    std::uint32_t precommitted = 0;  // operational repliers in PRECOMMIT
    // Leading the commit path.
    bool leading = false;
    std::uint32_t need_acks = 0;
    std::uint32_t acks = 0;
  };
  struct Participant {
    std::vector<PartTxn> txns;  // index = txn id
    LockTable locks;
  };
  struct Book {
    Time started = -1;
    Time ended = -1;
    std::uint32_t committed = 0;  // bit = node id
    std::uint32_t aborted = 0;
  };

  int nodes() const { return p_.participants + 1; }
  std::uint32_t all_parts() const { return ((1u << p_.participants) - 1u) << 1; }  // bits 1..n

  // Coordinator (coordinator.cpp).
  void coord_start(Simulator& sim, TxnId txn);
  void coord_send_can_commit(Simulator& sim, TxnId txn);
  void coord_on_message(Simulator& sim, const Message& m);
  void coord_on_timer(Simulator& sim, const TimerRec& t);
  void coord_precommit(Simulator& sim, TxnId txn);
  void coord_decide(Simulator& sim, TxnId txn, std::uint8_t decision);
  void coord_broadcast(Simulator& sim, TxnId txn, bool only_unacked);
  void coord_poll(Simulator& sim, TxnId txn);
  void coord_recover(Simulator& sim);
  void coord_set_state(Simulator& sim, TxnId txn, std::uint8_t to);

  // Participant and termination protocol (participant.cpp).
  void part_join(Simulator& sim, NodeId node, TxnId txn);
  void part_on_message(Simulator& sim, const Message& m);
  void part_on_timer(Simulator& sim, const TimerRec& t);
  void part_vote(Simulator& sim, NodeId node, TxnId txn);
  void part_precommit(Simulator& sim, NodeId node, TxnId txn, NodeId from);
  void part_decide(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision);
  void part_on_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision, NodeId from, bool ack);
  void part_abort_unvoted(Simulator& sim, NodeId node, TxnId txn);
  void part_arm_doubt(Simulator& sim, NodeId node, TxnId txn);
  void part_start_round(Simulator& sim, NodeId node, TxnId txn);
  void part_ask(Simulator& sim, NodeId node, TxnId txn, bool only_silent);
  void part_end_round(Simulator& sim, NodeId node, TxnId txn);
  void part_lead_commit(Simulator& sim, NodeId node, TxnId txn);
  void part_release(Simulator& sim, NodeId node, TxnId txn);
  void part_recover(Simulator& sim, NodeId node);
  void part_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to);
  PartTxn& ptx(NodeId node, TxnId txn) { return parts_[static_cast<std::size_t>(node - 1)].txns[txn]; }
  const PartTxn& ptx(NodeId node, TxnId txn) const { return parts_[static_cast<std::size_t>(node - 1)].txns[txn]; }

  void book_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision);

  Params p_;
  ProtocolInfo info_;
  std::vector<CoordTxn> coord_;
  std::vector<Participant> parts_;
  std::vector<Book> book_;

  // Measurements for metrics(); never consulted by decisions, and kept across crashes.
  std::int64_t committed_ = 0;
  std::int64_t aborted_ = 0;
  std::int64_t rounds_ = 0;
  std::int64_t elected_commits_ = 0;
  std::int64_t elected_aborts_ = 0;
  std::int64_t precommit_retries_ = 0;
  std::int64_t commits_without_acks_ = 0;
  std::int64_t conflicts_ = 0;
  std::int64_t duplicates_ = 0;
  std::int64_t in_doubt_recoveries_ = 0;
  std::int64_t latency_sum_ = 0;
  std::int64_t latency_max_ = 0;
};

}  // namespace cs::tpc3
