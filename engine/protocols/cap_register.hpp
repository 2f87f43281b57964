// A replicated register for the CAP and PACELC lessons ("cap-register").
//
// Replicas R1..Rn (nodes 0..n-1) hold one or a few registers (keys); clients K1..Km (nodes n..n+m-1)
// are nodes too, each attached to one replica, so a partition that separates a client from its
// replica, or its replica from the majority, is visible on the canvas.
//
// mode "cp": multi-writer ABD over quorums (Attiya, Bar-Noy & Dolev). The client's replica coordinates:
//   read : QUERY the replicas, wait for R replies (itself included), take the highest (version, value);
//          write it back (STORE to W) unless the replies agreed and that is known to be safe; answer.
//   write: QUERY for the highest version, pick version+1 (tie-broken by replica id), store it locally,
//          STORE to the others, wait for W acks, answer.
//   With R + W > N and R a majority, or with the write-back, every completed operation is ordered by
//   versions consistently with real time: linearizable. No quorum within quorum_timeout → FAIL.
// mode "ap": the local replica answers at once; writes are pushed to the others (REPLICATE) and
//   reconciled by periodic anti-entropy (SYNC), either by last-writer-wins on the replica's skewed
//   physical clock (loses updates) or by vector clocks that keep concurrent writes as siblings.
//
// Each write writes its own operation id as the value, so a read tells exactly which write it saw
// (0 is the initial value). Ground truth for reports (completed writes, causal histories) is kept
// apart from the replicas' state and never consulted by their decisions.
//
// A run that forgets finished work (SimConfig::forget_finished, the CLI's --long-run) keeps the
// operations as a window from the oldest one not finished, plus a 16-byte summary of every one (its
// invocation and, for a write that succeeded, its answer: what stale-read detection reads), and
// checkpoints every replica's log once it holds kCheckpointRecords: the registers' state then is the
// checkpoint (state = replay of the whole log, since every change is logged), so recovery replays
// only the records after it. Memory then follows the operations in flight, not the run's length;
// the trace is the same record for record (docs/benchmarks.md, "Scale").
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/linearizability.hpp"
#include "protocols/client_ops.hpp"
#include "sim/diagnostic.hpp"
#include "protocols/descriptor.hpp"
#include "sim/network_blind.hpp"
#include "sim/protocol.hpp"
#include "sim/simulator.hpp"

namespace cs::cap {

enum State : std::uint16_t { IDLE, WAITING, QUERYING, STORING, DONE, FAILED };
enum Msg : std::uint16_t { READ, WRITE, READ_OK, WRITE_OK, FAIL, QUERY, QUERY_REPLY, STORE, STORE_ACK, REPLICATE, SYNC };
enum Rec : std::uint16_t { REC_STORED, REC_CLOCK };
enum TimerKind : std::uint16_t { T_OP_TIMEOUT, T_QUORUM_TIMEOUT, T_ANTI_ENTROPY };
enum Note : std::uint16_t {
  N_READ_OK,       // client; value = latency (µs)
  N_WRITE_OK,      // client; value = latency (µs)
  N_OP_ERROR,      // client: its replica answered FAIL (no quorum)
  N_OP_TIMEOUT,    // client: no answer within op_timeout
  N_STALE_READ,    // client: the read missed a write that had completed before it started
  N_CONFLICT,      // replica (ap, vector): concurrent writes kept as siblings; value = siblings
  N_LOST_UPDATE,   // replica (ap): an acknowledged write discarded without being seen (lww)
  N_READ_REPAIR,   // replica (cp): a read writes the newest value back before answering
  N_RECOVERED,     // replica rebuilt its registers from its log
  N_CLIENT_DOWN,   // the operation's client was down when it was due: not issued
  N_OP_ABANDONED,  // client crashed with the operation outstanding
};

enum class Mode : std::uint8_t { CP, AP };
enum class Conflict : std::uint8_t { LWW, Vector };

struct Params {
  Mode mode = Mode::CP;
  int replicas = 3;
  int clients = 2;
  std::vector<int> attach;  // per client: replica index (0-based)
  int operations = 20;
  Time interval = ms(20);  // between operation arrivals (round-robin over clients)
  Ratio write_ratio{1, 2};
  int keys = 1;
  int read_quorum = 2;   // default: majority
  int write_quorum = 2;  // default: majority
  Time quorum_timeout = ms(200);
  Time op_timeout = ms(400);
  Conflict conflict = Conflict::Vector;
  std::vector<Time> skew;  // per replica: physical clock = virtual time + skew
  Time sync_interval = ms(200);
};

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe();

// Network-blind (sim/network_blind.hpp): no handler, encoding or checker reads the messages in flight.
class CapRegister final : public Protocol, public lin::RegisterHistory, public NetworkBlindProtocol {
 public:
  explicit CapRegister(Params p);

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
  Forgotten forgotten_transactions() const override { return forgotten_; }
  std::vector<Metric> metrics() const override;
  bool encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const override;
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<CapRegister>(*this); }

  // RegisterHistory (for the linearizability invariant and tests).
  std::int64_t key_of(TxnId op) const override;
  bool is_write(TxnId op) const override { return held(op) && ops_[op - ops_base_].write; }
  const std::vector<std::int64_t>& result_of(TxnId op) const override;
  std::vector<lin::Op> history(std::int64_t key) const override;
  // Operations held in full: from the oldest not finished (all of them unless the run forgets).
  TxnId first_held() const { return ops_base_; }

  const Params& params() const { return p_; }
  static ProtocolInfo make_info(Mode mode);
  // What replica r holds for `key` right now: the values (one, or several siblings), sorted.
  std::vector<std::int64_t> values_at(NodeId replica, std::int64_t key) const;
  // A forgetting run checkpoints a replica's log once it holds this many records.
  static constexpr std::size_t kCheckpointRecords = 1024;

 private:

  struct Sibling {
    std::int64_t value = 0;
    std::int64_t ts = 0;            // cp: version; lww: physical timestamp
    std::vector<std::int64_t> vc;   // vector mode
  };
  // A CP operation coordinated by the client's replica.
  struct Coord {
    bool write = false;
    std::int64_t key = 0;
    std::int64_t value = 0;
    NodeId client = kNoNode;
    std::uint8_t phase = QUERYING;
    std::uint32_t replied = 0;  // bit per replica
    std::uint32_t acked = 0;
    std::int64_t best_ts = 0, best_value = 0, min_ts = 0;
    std::int64_t ts = 0;  // the version being stored (phase 2)
    std::uint32_t timer = 0;
  };
  struct Replica {
    std::vector<std::vector<Sibling>> keys;  // per key
    std::map<TxnId, Coord> coord;            // ordered: node_view shows the oldest
    std::vector<std::int64_t> issued;        // cp: highest version counter issued per key
    std::vector<std::uint8_t> seen;          // per op: kSeen (its value was stored here: dedupes requests)
                                             // | kLogged (forgetting runs: a log record says so)
    std::int64_t sync_round = 0;
    std::vector<std::vector<Sibling>> checkpoint;  // forgetting runs: the keys when the log was last truncated
  };
  struct Client {
    std::vector<TxnId> pending;  // volatile: operations sent and not answered
  };
  // `ended` is when the client got its answer (or gave up): the response time of the history.
  struct OpRec : ClientOp {
    std::int64_t key = 0;
    bool write = false;
    std::vector<std::int64_t> result;
    std::vector<std::int64_t> frontier;  // latest completed writes (real time) when the op was invoked
    std::int64_t ts = 0;                 // cp: the version its write got (reports)
  };
  // What is kept of every operation, finished or not: all that older() reads.
  struct Past {
    Time invoked = -1;
    Time ok_end = -1;  // a write that succeeded: when it answered
  };
  static constexpr std::uint8_t kSeen = 1, kLogged = 2;
  // Per-node figures for metrics(); measurements, so a crash does not reset them.
  struct Figures {
    std::int64_t ops_ok = 0, errors = 0, timeouts = 0, stale_reads = 0, abandoned = 0;
    LatencyFigures read, write;
    std::int64_t served = 0, refused = 0, conflicts = 0, lost_updates = 0, read_repairs = 0;
  };

  int n() const { return p_.replicas; }
  bool is_replica(NodeId node) const { return node >= 0 && node < p_.replicas; }
  NodeId client_node(int c) const { return static_cast<NodeId>(p_.replicas + c); }
  Replica& rep(NodeId r) { return replicas_[static_cast<std::size_t>(r)]; }
  bool held(TxnId op) const { return op >= ops_base_ && op - ops_base_ < ops_.size(); }
  // The record of an operation not forgotten (grown on first use).
  OpRec& op_rec(TxnId op);
  const std::int64_t* bvc(std::int64_t write) const { return &bvc_[static_cast<std::size_t>(write) * static_cast<std::size_t>(n())]; }
  // Forgetting runs: the finished operations at the front of the window, and a replica's log.
  void forget_finished(Simulator& sim);
  void maybe_checkpoint(Simulator& sim, NodeId r);
  std::vector<Sibling> initial_siblings() const;
  void set_node_state(Simulator& sim, NodeId node, TxnId txn, std::uint8_t from, std::uint8_t to);

  // Clients.
  void client_issue(Simulator& sim, TxnId op);
  void client_on_message(Simulator& sim, const Message& m);
  void client_finish(Simulator& sim, TxnId op, ClientOpStatus status, std::vector<std::int64_t> result);

  // CP replicas.
  void cp_begin(Simulator& sim, NodeId r, const Message& m);
  void cp_on_message(Simulator& sim, const Message& m);
  void cp_after_query(Simulator& sim, NodeId r, TxnId op);
  void cp_after_store(Simulator& sim, NodeId r, TxnId op);
  void cp_store_local(Simulator& sim, NodeId r, std::int64_t key, std::int64_t ts, std::int64_t value);

  // AP replicas.
  void ap_on_message(Simulator& sim, const Message& m);
  void ap_write(Simulator& sim, NodeId r, TxnId op, std::int64_t key);
  std::vector<std::int64_t> ap_encode(NodeId r, std::int64_t only_key) const;
  void ap_merge_message(Simulator& sim, NodeId r, const std::vector<std::int64_t>& extra);
  // Merges one sibling into replica r's key; returns whether the state changed. `quiet` replays a log.
  bool ap_merge(Simulator& sim, NodeId r, std::int64_t key, const Sibling& s, bool quiet);
  void ap_log_sibling(Simulator& sim, NodeId r, std::int64_t key, const Sibling& s);
  void ap_discard(Simulator& sim, NodeId r, std::int64_t lost, std::int64_t winner, bool quiet);

  // Ground truth.
  bool older(std::int64_t v, std::int64_t w) const;  // v's write completed before w's began
  bool book_dominates(std::int64_t a, std::int64_t b) const;
  void book_write_done(TxnId op);

  void recover(Simulator& sim, NodeId r);

  Params p_;
  ProtocolInfo info_;
  std::vector<Replica> replicas_;
  std::vector<Client> clients_;
  std::deque<OpRec> ops_;   // ids ops_base_ .. ops_base_ + size - 1
  TxnId ops_base_ = 0;
  std::vector<Past> past_;  // index = op id, up to the last one issued
  std::vector<bool> lost_;  // index = op id: ap, a write discarded unseen (reported once)
  Forgotten forgotten_;
  std::vector<std::vector<std::int64_t>> frontier_;  // per key
  std::vector<std::int64_t> bvc_;  // ap: causal history (vector clock, n entries) per write op, flat
  std::vector<std::int64_t> book_counter_;           // ap: per replica
  std::vector<Figures> fig_;                         // per node
  std::int64_t skipped_ = 0;
  std::vector<std::pair<std::uint8_t, TxnId>> last_;  // per node: last state entered and its op
};

}  // namespace cs::cap
