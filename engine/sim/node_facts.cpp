#include "sim/node_facts.hpp"

#include <algorithm>

namespace cs {

std::optional<SentBurst> last_sent_burst(const Simulator& sim, NodeId node) {
  const NodeState& ns = sim.nodes()[static_cast<std::size_t>(node)];
  // A message the run no longer holds (a long run's window forgot it) has no burst to show.
  if (ns.last_sent == 0 || ns.last_sent < sim.messages_base() || ns.last_sent >= sim.messages_sent()) return std::nullopt;
  const Message& last = sim.message(ns.last_sent);
  SentBurst burst{last.type, last.txn, last.sent_at, {}};
  // Walk back over the messages sent at that instant (other nodes' sends may be interleaved).
  const std::size_t first = std::max<std::size_t>(1, sim.messages_base());
  for (std::size_t i = ns.last_sent + 1; i-- > first;) {
    const Message& m = sim.message(static_cast<std::uint32_t>(i));
    if (m.sent_at != burst.at) break;
    if (m.from != node || m.type != burst.type || m.txn != burst.txn || m.copy_of != 0) continue;
    burst.to.insert(burst.to.begin(), m.to);
  }
  return burst;
}

Time state_entered_at(const Simulator& sim, NodeId node, TxnId txn, std::uint16_t state) {
  const NodeState& ns = sim.nodes()[static_cast<std::size_t>(node)];
  if (ns.state_since >= 0 && ns.state_txn == txn && ns.state_key == state) return ns.state_since;
  // The node changed state for another transaction since: look the change up in the trace.
  const auto& trace = sim.trace();
  Time since = -1;
  for (std::size_t i = trace.size(); i-- > 0;) {
    const TraceEvent& e = trace[i];
    if (e.kind != TraceKind::State || e.node != node || e.txn != txn) continue;
    if (e.key != state) break;  // an older change to this state is not the current stay in it
    since = e.time;
    if (e.value != e.key) break;  // the entry into the state (a self-loop keeps looking)
  }
  return since;
}

NodeFacts node_facts(const Simulator& sim, NodeId node) {
  NodeFacts f;
  f.view = sim.node_view(node);
  f.up = sim.is_up(node);
  f.state_since = state_entered_at(sim, node, f.view.txn, f.view.state);
  f.last_sent = last_sent_burst(sim, node);
  if (f.up) f.timers = sim.pending_timers(node);
  return f;
}

}  // namespace cs
