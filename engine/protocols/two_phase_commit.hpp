// Two-phase commit (Tanenbaum & van Steen's state machines) with write-ahead logging, timeouts,
// cooperative termination, recovery from the log, and many transactions over locked resources.
//
// Node 0 is the coordinator "C"; nodes 1..n are participants "P1".."Pn".
// Each transaction: a client starts it at C (retrying while C is down); at that moment each running
// participant joins it (does its local work and locks one of its resources) and enters INIT.
// C logs BEGIN when the transaction starts; after `work_ms` it sends PREPARE and waits in WAIT.
//
// Optional (off by default, see docs/protocols.md): each participant has a pool of `pool_size`
// sessions, one held by each transaction from its join until READY (`pool_release: prepare`, as
// PREPARE TRANSACTION detaches it) or until the decision; a join that finds none free fails and the
// participant votes abort. A janitor rolls back a transaction left READY for `janitor_ms`: a
// heuristic decision (logged as HEURISTIC_ABORT) that can break agreement.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/commit_params.hpp"
#include "protocols/descriptor.hpp"
#include "protocols/lock_table.hpp"
#include "protocols/two_phase_commit_window.hpp"
#include "sim/diagnostic.hpp"
#include "sim/network_blind.hpp"
#include "sim/protocol.hpp"
#include "sim/simulator.hpp"
#include "sim/symmetry.hpp"

namespace cs::tpc {

// Stable indices; the keys are in info().
enum State : std::uint16_t { INIT, WAIT, READY, COMMIT, ABORT, kStateCount };
enum Msg : std::uint16_t { PREPARE, VOTE_COMMIT, VOTE_ABORT, GLOBAL_COMMIT, GLOBAL_ABORT, ACK, DECISION_REQUEST };
enum Rec : std::uint16_t { REC_BEGIN, REC_READY, REC_COMMIT, REC_ABORT, REC_END, REC_HEURISTIC_ABORT };
enum TimerKind : std::uint16_t { T_WORK_DONE, T_VOTE_TIMEOUT, T_PREPARE_TIMEOUT, T_DECISION_TIMEOUT, T_ACK_TIMEOUT, T_FLUSH, T_JANITOR };
enum Note : std::uint16_t { N_BLOCKED, N_DUPLICATE_DECISION, N_CLIENT_RETRY, N_UNILATERAL_ABORT, N_TERMINATION_HELP, N_RECOVERED,
                            N_JANITOR_ROLLBACK, N_POOL_EXHAUSTED, N_HEURISTIC_CONFLICT };

// The shared keys (participants, transactions, timeouts, resources, votes...) are in CommitParams;
// `timeout` is C's wait in WAIT, P's in INIT, and also the READY retry period.
struct Params : CommitParams {
  Time disk = 0;  // latency of a forced log write
};

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe();

class TwoPhaseCommit final : public Protocol, public SymmetricProtocol, public NetworkBlindProtocol {
 public:
  explicit TwoPhaseCommit(Params p);

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
  TxnCounts transaction_counts() const override;
  Forgotten forgotten_transactions() const override {
    return {static_cast<std::uint64_t>(finished_.committed), static_cast<std::uint64_t>(finished_.aborted)};
  }
  std::vector<std::unique_ptr<Invariant>> make_invariants() const override;
  std::vector<Metric> metrics() const override;
  bool encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const override;
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<TwoPhaseCommit>(*this); }
  bool undecided(const Simulator& sim) const override;
  // two_phase_commit_symmetry.cpp: the participants, when every one draws the same (one resource, no
  // forced or random abort votes).
  std::vector<NodeId> interchangeable_nodes() const override;  // SymmetricProtocol
  void encode_state_renamed(const Simulator& sim, const std::vector<NodeId>& rename,
                            std::vector<std::int64_t>& out) const override;

  const Params& params() const { return p_; }
  static ProtocolInfo make_info();

 private:
  static constexpr std::uint8_t kUnknown = 0xFF;

  struct CoordTxn {
    std::uint8_t state = kUnknown;
    std::uint32_t voted_commit = 0;  // bit i-1 for participant i
    std::uint32_t acked = 0;
    std::uint32_t vote_timer = 0;
    std::uint32_t ack_timer = 0;
    bool flushing = false;
    bool ended = false;
    // Finished here (decided and ended): what is read again is the decision and who acknowledged it
    // (a late vote is answered unless its sender acked), kept in 32 bits (TxnWindow).
    bool packable() const { return (state == COMMIT || state == ABORT) && ended && !flushing; }
    std::uint32_t pack() const { return std::uint32_t{state} | (ended ? 0x100u : 0u) | (acked & 0xFFFFu) << 16; }
    static CoordTxn unpack(std::uint32_t s) {
      CoordTxn c;
      c.state = static_cast<std::uint8_t>(s & 0xFFu);
      c.ended = (s & 0x100u) != 0;
      c.acked = s >> 16;
      return c;
    }
  };
  struct PartTxn {
    std::uint8_t state = kUnknown;
    bool prepare_pending = false;
    bool flushing = false;
    bool blocked = false;
    bool vote_abort = false;
    bool session = false;    // holds one of the participant's pool sessions
    bool heuristic = false;  // aborted by the janitor, not by a decision it was told
    LockClaim lock;
    std::uint32_t timer = 0;
    std::uint32_t janitor_timer = 0;
    // Decided and holding nothing (no lock, session, timer or pending write): only the decision and
    // whether the janitor guessed it are read again.
    bool packable() const {
      return (state == COMMIT || state == ABORT) && !prepare_pending && !flushing && !blocked && !session &&
             !lock.held && !lock.waiting && timer == 0 && janitor_timer == 0;
    }
    std::uint8_t pack() const { return static_cast<std::uint8_t>((state & 0x7Fu) | (heuristic ? 0x80u : 0u)); }
    static PartTxn unpack(std::uint8_t s) {
      PartTxn x;
      x.state = (s & 0x7Fu) == 0x7Fu ? kUnknown : static_cast<std::uint8_t>(s & 0x7Fu);
      x.heuristic = (s & 0x80u) != 0;
      return x;
    }
  };
  struct Participant {
    TxnWindow<PartTxn> txns;    // by txn id
    LockTable locks;
    int sessions = 0;           // pool sessions in use (volatile: a crash closes them all)
    TxnId cursor = 1;           // transactions below are finished at this node (for node_view)
  };
  // The run's ground truth for reporting, never consulted by the protocol's decisions.
  struct Book {
    Time started = -1;
    Time ended = -1;
    std::uint32_t committed = 0;  // bit 0 = C, bit i = Pi: nodes that logged COMMIT
    std::uint32_t aborted = 0;
    // Ended: counted in the finished figures (Finished) and never read again.
    bool packable() const { return ended >= 0; }
    std::uint8_t pack() const { return 0; }
    static Book unpack(std::uint8_t) { return Book{.started = 0, .ended = 0}; }
  };
  // The books of forgotten transactions, for metrics() and the report (forget_finished runs).
  struct Finished {
    std::int64_t committed = 0;
    std::int64_t aborted = 0;
    std::int64_t latency_sum = 0;
    std::int64_t latency_max = 0;
  };

  std::uint32_t all_mask() const { return (1u << p_.participants) - 1u; }
  std::uint16_t decision_msg(std::uint8_t state) const { return state == COMMIT ? GLOBAL_COMMIT : GLOBAL_ABORT; }

  void on_timer_here(Simulator& sim, const TimerRec& timer);

  // Coordinator.
  void coord_start(Simulator& sim, TxnId txn);
  void coord_send_prepares(Simulator& sim, TxnId txn);
  void coord_decide(Simulator& sim, TxnId txn, std::uint8_t decision);
  void coord_log_decision(Simulator& sim, TxnId txn);
  void coord_broadcast(Simulator& sim, TxnId txn, bool only_unacked);
  void coord_on_message(Simulator& sim, const Message& m);
  void coord_recover(Simulator& sim);

  // Participant.
  void part_join(Simulator& sim, NodeId node, TxnId txn);
  void part_on_message(Simulator& sim, const Message& m);
  void part_prepare(Simulator& sim, NodeId node, TxnId txn);
  void part_finish_prepare(Simulator& sim, NodeId node, TxnId txn);
  void part_abort_local(Simulator& sim, NodeId node, TxnId txn);
  void part_apply_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision, NodeId told_by);
  void part_request_decision(Simulator& sim, NodeId node, TxnId txn);
  void part_release(Simulator& sim, NodeId node, TxnId txn);
  void part_recover(Simulator& sim, NodeId node);
  void part_set_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t to);
  bool part_take_session(NodeId node, TxnId txn);
  void part_free_session(NodeId node, TxnId txn);
  void part_janitor_rollback(Simulator& sim, NodeId node, TxnId txn);
  void part_on_decision_request(Simulator& sim, const Message& m);
  void add_pool_janitor_metrics(std::vector<Metric>& out) const;
  PartTxn& ptx(NodeId node, TxnId txn) { return parts_[static_cast<std::size_t>(node - 1)].txns[txn]; }
  const PartTxn& ptx(NodeId node, TxnId txn) const { return parts_[static_cast<std::size_t>(node - 1)].txns[txn]; }

  // Transaction t as transactions() lists it.
  TxnView txn_view(TxnId t) const;
  void book_decision(Simulator& sim, NodeId node, TxnId txn, std::uint8_t decision);
  // SimConfig::forget_finished: summarises the finished transactions at the front of every window
  // and truncates each node's log before the first record recovery may still read.
  void forget_finished(Simulator& sim);
  void checkpoint(Simulator& sim, NodeId node, TxnId below) const;

  Params p_;
  ProtocolInfo info_;
  // The per-transaction windows' chunks (declared before them: it outlives them). A clone's pool is
  // new and unused: its copied windows use the heap.
  ChunkPool chunks_;
  TxnWindow<CoordTxn> coord_;  // by txn id
  TxnId coord_cursor_ = 1;
  std::vector<Participant> parts_;
  TxnWindow<Book> book_;
  Finished finished_;
  std::vector<std::int64_t> janitor_rollbacks_;  // index = participant - 1; reporting only
};

}  // namespace cs::tpc
