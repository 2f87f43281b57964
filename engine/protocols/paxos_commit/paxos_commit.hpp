// Paxos Commit (Gray & Lamport, "Consensus on Transaction Commit", 2006): 2PC's single coordinator
// replaced by one Paxos instance per resource manager, so that a crashed leader no longer blocks.
//
// Nodes: 0 is the initial leader "C" (the coordinator role, as in 2PC, so the same faults apply);
// 1..n are the resource managers "P1".."Pn"; n+1..n+2F+1 are the acceptors "A1".."A(2F+1)".
//
// Each RM's vote (prepared or aborted) is the value of its own instance. In ballot 0 the RM proposes
// it itself: it sends phase2a straight to the acceptors, which answer phase2b to C. An instance's
// value is chosen once F+1 acceptors accepted it in one ballot. C commits when every instance chose
// prepared and aborts as soon as one chose aborted. A leader that does not finish (C crashed, or its
// messages were lost) is replaced: C itself after its vote timeout, or acceptor Ak after k+1
// timeouts, starts a higher ballot (phase1a/phase1b from F+1 acceptors), proposes for each instance
// the value accepted in the highest ballot it heard of, or "aborted" where none was, and finishes.
// Ballot b belongs to leader b mod (2F+2) (0 = C, k = Ak), so no two leaders share a ballot.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/commit_params.hpp"
#include "protocols/descriptor.hpp"
#include "protocols/lock_table.hpp"
#include "sim/diagnostic.hpp"
#include "sim/inert_messages.hpp"
#include "sim/network_blind.hpp"
#include "sim/protocol.hpp"
#include "sim/rounds.hpp"
#include "sim/simulator.hpp"

namespace cs::paxos {

// Stable indices; the keys are in the descriptor (same order).
enum State : std::uint16_t { INIT, WAIT, PREPARED, ACCEPTED, LEADING, COMMIT, ABORT, kStateCount };
enum Msg : std::uint16_t { PREPARE, PHASE2A, PHASE2B, MSG_COMMIT, MSG_ABORT, PHASE1A, PHASE1B };
enum Rec : std::uint16_t { REC_BEGIN, REC_PREPARED, REC_PROMISED, REC_ACCEPTED, REC_COMMIT, REC_ABORT };
enum TimerKind : std::uint16_t { T_WORK_DONE, T_VOTE_TIMEOUT, T_PREPARE_TIMEOUT, T_DECISION_TIMEOUT, T_TAKEOVER, T_BALLOT_TIMEOUT };
enum Note : std::uint16_t {
  N_CLIENT_RETRY,
  N_UNILATERAL_ABORT,
  N_TAKEOVER,
  N_PREEMPTED,
  N_RECOVERED,
  N_DUPLICATE_DECISION,
};
// The value of an RM's instance.
enum Value : std::uint8_t { V_NONE = 0, V_PREPARED = 1, V_ABORTED = 2 };

// phase2a/phase2b carry (instance, value) in `a` and the ballot in `b`; ACCEPTED log records pack
// (ballot, instance, value) into one number. Shared with the chosen_once checker.
constexpr std::int64_t pack_vote(int instance, std::uint8_t value) { return instance * 4 + value; }
constexpr int vote_instance(std::int64_t a) { return static_cast<int>(a / 4); }
constexpr std::uint8_t vote_value(std::int64_t a) { return static_cast<std::uint8_t>(a % 4); }
constexpr std::int64_t pack_accepted(std::int64_t ballot, int instance, std::uint8_t value) {
  return ballot * 256 + pack_vote(instance, value);
}
constexpr std::int64_t accepted_ballot(std::int64_t v) { return v / 256; }

struct Params : CommitParams {
  int faults = 1;  // F: 2F+1 acceptors; F of them and the leader may fail
};

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe();

class PaxosCommit final : public Protocol, public RoundedProtocol, public NetworkBlindProtocol, public InertMessagesProtocol {
 public:
  explicit PaxosCommit(Params p);

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
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<PaxosCommit>(*this); }
  bool undecided(const Simulator& sim) const override;
  // The highest ballot a leader runs or an acceptor has promised: with time abstracted away, leaders
  // can time out and start higher ballots for ever (docs/explorer.md, --max-rounds).
  std::int64_t rounds(const Simulator& sim) const override;
  // A message to C or to an RM that has logged the outcome, except a PREPARE (an RM answers it with
  // its ballot-0 vote again): the decision is durable and C and the RMs ignore everything else once
  // decided (docs/explorer.md, "Inert messages").
  bool inert(const Simulator& sim, const Message& m) const override;

  const Params& params() const { return p_; }
  static ProtocolInfo make_info();

 private:
  static constexpr std::uint8_t kUnknown = 0xFF;

  // Phase 2b answers for one (instance, ballot): who accepted which value.
  struct Tally {
    std::int64_t ballot = 0;
    std::uint8_t value = V_NONE;
    std::uint32_t from = 0;  // bit k-1 for acceptor Ak
  };
  // What a leader (C, or an acceptor that took over) knows of one transaction.
  struct Lead {
    std::int64_t ballot = -1;  // the ballot it runs (0: C's initial ballot)
    std::int64_t max_seen = 0;
    std::uint8_t phase = 0;    // 0 idle, 1 gathering phase1b, 2 waiting for phase2b
    std::uint32_t promised_by = 0;
    std::vector<std::int64_t> best_ballot;  // per instance, from phase1b (-1: none accepted)
    std::vector<std::uint8_t> best_value;
    std::vector<std::vector<Tally>> tallies;  // per instance
    std::vector<std::uint8_t> chosen;         // per instance
    std::uint32_t timer = 0;
  };
  struct CoordTxn {
    std::uint8_t state = kUnknown;
    Lead lead;
  };
  struct PartTxn {
    std::uint8_t state = kUnknown;
    bool prepare_pending = false;
    bool vote_abort = false;
    LockClaim lock;
    std::uint32_t timer = 0;
  };
  struct Participant {
    std::vector<PartTxn> txns;  // index = txn id
    LockTable locks;
  };
  struct AccTxn {
    std::uint8_t state = kUnknown;  // ACCEPTED, LEADING, or the decision it learned
    std::int64_t promised = 0;
    std::vector<std::int64_t> acc_ballot;  // per instance, -1: nothing accepted
    std::vector<std::uint8_t> acc_value;
    std::uint32_t takeover = 0;
    Lead lead;
  };
  struct Book {
    Time started = -1;
    Time ended = -1;
    std::uint32_t committed = 0;  // bit i = Pi: RMs that logged the outcome
    std::uint32_t aborted = 0;
    std::uint32_t prepared = 0;   // RMs that logged PREPARED
    bool abort_known = false;     // some node knows the outcome is abort
  };

  int acceptors() const { return 2 * p_.faults + 1; }
  int quorum() const { return p_.faults + 1; }
  NodeId acceptor_node(int k) const { return static_cast<NodeId>(p_.participants + k); }
  bool is_acceptor(NodeId n) const { return n > p_.participants; }
  int acceptor_rank(NodeId n) const { return static_cast<int>(n) - p_.participants; }
  int leaders() const { return acceptors() + 1; }
  int leader_index(NodeId n) const { return n == 0 ? 0 : acceptor_rank(n); }
  NodeId ballot_owner(std::int64_t b) const;
  std::int64_t next_ballot(NodeId leader, std::int64_t above) const;
  void post(Simulator& sim, NodeId from, NodeId to, std::uint16_t type, TxnId txn, std::int64_t a = 0,
            std::int64_t b = 0, std::vector<std::int64_t> extra = {});
  void to_acceptors(Simulator& sim, NodeId from, std::uint16_t type, TxnId txn, std::int64_t a, std::int64_t b);

  // Leader (leader.cpp): C, and acceptors that take over.
  void coord_start(Simulator& sim, TxnId txn);
  void coord_send_prepares(Simulator& sim, TxnId txn);
  void coord_on_timer(Simulator& sim, const TimerRec& t);
  void coord_learn(Simulator& sim, TxnId txn, std::uint8_t decision);
  void coord_recover(Simulator& sim);
  Lead& lead_of(NodeId node, TxnId txn);
  void lead_reset(Lead& l) const;
  void lead_release(Lead& l) const;
  void lead_start_ballot(Simulator& sim, NodeId node, TxnId txn);
  void lead_on_phase1b(Simulator& sim, const Message& m);
  void lead_on_phase2b(Simulator& sim, const Message& m);
  void lead_propose(Simulator& sim, NodeId node, TxnId txn);
  void lead_check(Simulator& sim, NodeId node, TxnId txn);
  void lead_decide(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision);
  void lead_preempted(Simulator& sim, NodeId node, TxnId txn, std::int64_t ballot);
  bool decided_at(NodeId node, TxnId txn) const;

  // Acceptor (acceptor.cpp).
  void acc_on_message(Simulator& sim, const Message& m);
  void acc_on_phase1a(Simulator& sim, const Message& m);
  void acc_on_phase2a(Simulator& sim, const Message& m);
  void acc_learn(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision);
  void acc_arm_takeover(Simulator& sim, NodeId node, TxnId txn, bool restart);
  void acc_on_timer(Simulator& sim, const TimerRec& t);
  void acc_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to);
  void acc_recover(Simulator& sim, NodeId node);
  AccTxn& atx(NodeId node, TxnId txn);
  const AccTxn& atx(NodeId node, TxnId txn) const {
    return accs_[static_cast<std::size_t>(acceptor_rank(node) - 1)][txn];
  }

  // Resource managers (rm.cpp).
  void part_join(Simulator& sim, NodeId node, TxnId txn);
  void part_on_message(Simulator& sim, const Message& m);
  void part_on_timer(Simulator& sim, const TimerRec& t);
  void part_prepare(Simulator& sim, NodeId node, TxnId txn);
  void part_abort_local(Simulator& sim, NodeId node, TxnId txn);
  void part_apply_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision);
  void part_release(Simulator& sim, NodeId node, TxnId txn);
  void part_recover(Simulator& sim, NodeId node);
  void part_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to);
  void part_vote(Simulator& sim, NodeId node, TxnId txn, std::uint8_t value);
  // Whether `node` logged PREPARED for `txn`: it then proposed "prepared" in ballot 0 (write-ahead).
  static bool logged_prepared(const Simulator& sim, NodeId node, TxnId txn);
  PartTxn& ptx(NodeId node, TxnId txn) { return parts_[static_cast<std::size_t>(node - 1)].txns[txn]; }
  const PartTxn& ptx(NodeId node, TxnId txn) const { return parts_[static_cast<std::size_t>(node - 1)].txns[txn]; }

  static void encode_lead(const Simulator& sim, const Lead& l, std::vector<std::int64_t>& out);
  void book_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision);
  void book_maybe_end(Simulator& sim, TxnId txn);

  Params p_;
  ProtocolInfo info_;
  std::vector<CoordTxn> coord_;              // index = txn id
  std::vector<Participant> parts_;
  std::vector<std::vector<AccTxn>> accs_;    // [acceptor rank - 1][txn]
  std::vector<Book> book_;

  // Measurements for metrics(); never consulted by decisions, kept across crashes.
  std::int64_t higher_ballots_ = 0;
  std::int64_t backup_decisions_ = 0;
};

}  // namespace cs::paxos
