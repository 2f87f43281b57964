// The contract between the simulator and a protocol. A protocol is a set of node state machines; it
// only acts through the Simulator's services, so everything it does lands in the trace.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/types.hpp"

namespace cs {

class Simulator;
class Invariant;
struct Message;
struct TimerRec;

// One edge of a role's state machine, for the GUI's state-machine view and the docs.
// `label` is a stable key such as "PREPARE/VOTE_COMMIT" or "timeout/GLOBAL_ABORT".
struct StateTransition {
  std::uint16_t from = 0;
  std::uint16_t to = 0;
  std::string label;
};

struct RoleMachine {
  std::string role;  // stable key: "coordinator", "participant", ...
  std::vector<std::uint16_t> states;
  std::vector<StateTransition> transitions;
};

// Stable keys of everything a protocol can emit; indices are what the trace stores.
struct ProtocolInfo {
  std::string name;
  std::vector<std::string> states;
  std::vector<std::string> messages;
  std::vector<std::string> log_records;
  std::vector<std::string> timers;
  std::vector<std::string> notes;
  std::vector<RoleMachine> roles;

  static int index_of(const std::vector<std::string>& keys, std::string_view key);
  int state_index(std::string_view key) const { return index_of(states, key); }
  int message_index(std::string_view key) const { return index_of(messages, key); }
  const RoleMachine* role(std::string_view key) const;
};

struct NodeSpec {
  std::string name;  // "C", "P1", ...
  std::string role;  // key into ProtocolInfo::roles
};

enum class TxnOutcome : std::uint8_t { Pending, InProgress, Committed, Aborted, Blocked };
std::string_view txn_outcome_key(TxnOutcome o);

struct LockView {
  std::int64_t resource = 0;
  TxnId holder = 0;
  std::vector<TxnId> waiters;
};

// What a view may show about one node right now. While the node is down: the state it showed when it
// crashed (greyed out by the GUI), with no locks and not blocked, since its memory is gone (the
// Simulator keeps that snapshot: see Simulator::node_view).
struct NodeView {
  std::uint16_t state = 0;  // the state of `txn` at this node (the oldest unfinished one, else the latest)
  TxnId txn = 0;
  bool blocked = false;  // waiting for a decision it cannot take alone
  std::vector<LockView> locks;
};

// A figure a protocol keeps for charts and reports: operations served, errors, stale reads,
// compensations run, duplicates suppressed... `node` is kNoNode for run-wide figures.
struct Metric {
  std::string key;  // stable, e.g. "ops_ok", "stale_reads", "compensations"
  NodeId node = kNoNode;
  std::int64_t value = 0;
};

struct TxnView {
  TxnId id = 0;
  TxnOutcome outcome = TxnOutcome::Pending;
  Time started = -1;
  Time ended = -1;
};

class Protocol {
 public:
  virtual ~Protocol() = default;

  virtual const ProtocolInfo& info() const = 0;
  // The nodes of the run, in NodeId order. Known before the run starts (used to validate faults).
  virtual std::vector<NodeSpec> node_specs() const = 0;

  // Schedules the workload. Called once, after the nodes exist, at time 0.
  virtual void start(Simulator& sim) = 0;
  virtual void on_message(Simulator& sim, const Message& msg) = 0;
  virtual void on_timer(Simulator& sim, const TimerRec& timer) = 0;
  // Workload events that belong to no node (a client submitting a transaction).
  virtual void on_client(Simulator& sim, std::uint16_t kind, TxnId txn, std::int64_t value) = 0;
  // The node lost its volatile state (timers are already void). Must not send.
  virtual void on_crash(Simulator& sim, NodeId node) = 0;
  // The node is up again; rebuild from sim.log(node).
  virtual void on_restart(Simulator& sim, NodeId node) = 0;

  // What the node shows while it is up. Views ask Simulator::node_view, which serves the snapshot a
  // crashed node showed when it went down, so no protocol keeps a copy of its own.
  virtual NodeView live_view(NodeId node) const = 0;
  virtual std::vector<TxnView> transactions() const = 0;
  // How many transactions transactions() lists, by outcome (indexed by TxnOutcome): the report's
  // summary line, which lists them one by one only when there are few. By default counted from
  // transactions(); a protocol with many transactions counts in place, since a list of 10,000 is
  // 320 KB of fresh memory (~80 page faults, ~1 ms of a 50 ms CLI run; docs/benchmarks.md).
  using TxnCounts = std::array<std::uint64_t, 5>;
  virtual TxnCounts transaction_counts() const;
  // Finished transactions a run that forgets them (SimConfig::forget_finished) no longer lists in
  // transactions(), by outcome. Zero for a protocol that keeps every one.
  struct Forgotten {
    std::uint64_t committed = 0;
    std::uint64_t aborted = 0;
  };
  virtual Forgotten forgotten_transactions() const { return {}; }
  virtual std::vector<std::unique_ptr<Invariant>> make_invariants() const = 0;
  // Protocol-specific figures at this moment (empty by default).
  virtual std::vector<Metric> metrics() const { return {}; }

  // ---- for the explorer (engine/explore/scenario_explorer.hpp, docs/explorer.md) ----
  // A copy of every node's state (nullptr: not supported; the explorer then replays paths instead).
  virtual std::unique_ptr<Protocol> clone() const { return nullptr; }
  // Appends a canonical encoding of every node's volatile state: everything that decides what the
  // protocol does next, and nothing else (no times, no report book-keeping, no figures; a timer id
  // as sim.timer_live(id)). Two states with equal encodings must behave alike. Returns false when
  // the protocol has none: the explorer then cannot merge states reached by different paths.
  virtual bool encode_state(const Simulator& sim, std::vector<std::int64_t>& out) const;
  // Whether some transaction (or operation) is still undecided at a node that is up and took part
  // in it: what a blocking state has. By default: one that transactions() shows in progress or blocked.
  virtual bool undecided(const Simulator& sim) const;
};

}  // namespace cs
