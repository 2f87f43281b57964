// What a node is waiting for, as facts the GUI's teaching aids can put into words ("asked C at
// 300 ms, timeout at 600 ms", "waiting for the decision since 250 ms"): when it entered the state it
// shows, the last messages it sent and its running timers. Read-only, derived from the simulator;
// no protocol logic and no text here (the app words it).
#pragma once

#include <optional>
#include <vector>

#include "sim/simulator.hpp"

namespace cs {

// The last send of a node: every message of one type it sent at one instant (a DECISION_REQUEST to
// each peer), in id order, duplicates made by the network left out.
struct SentBurst {
  std::uint16_t type = 0;
  TxnId txn = 0;
  Time at = 0;
  std::vector<NodeId> to;
};

struct NodeFacts {
  NodeView view;
  bool up = true;
  Time state_since = -1;  // when the node entered view.state for view.txn; -1 when unknown
  std::optional<SentBurst> last_sent;
  std::vector<PendingTimer> timers;  // the node's running timers, in the order they fire
};

NodeFacts node_facts(const Simulator& sim, NodeId node);

// The last send burst of a node, or nullopt when it has sent nothing.
std::optional<SentBurst> last_sent_burst(const Simulator& sim, NodeId node);

// When `node` last entered state `state` for transaction `txn` (-1 if it never did).
Time state_entered_at(const Simulator& sim, NodeId node, TxnId txn, std::uint16_t state);

}  // namespace cs
