// Helpers shared by the engine tests: a tiny ping protocol for the simulator core, and a way to
// build 2PC runs without going through JSON.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "check/invariant.hpp"
#include "protocols/two_phase_commit.hpp"
#include "scenario/simulation.hpp"
#include "sim/rng.hpp"
#include "sim/simulator.hpp"

namespace cs::testing {

// Node "A" sends PING to each other node at every start event; receivers answer PONG.
// A timer kind 0 at A re-sends PING every `period` while `repeat` is on.
class PingProtocol final : public Protocol {
 public:
  explicit PingProtocol(int nodes = 3) : nodes_(nodes) {
    info_.name = "ping";
    info_.states = {"IDLE", "BUSY"};
    info_.messages = {"PING", "PONG"};
    info_.log_records = {"SEEN"};
    info_.timers = {"tick"};
    info_.roles = {RoleMachine{"node", {0, 1}, {{0, 1, "PING"}}}};
  }
  const ProtocolInfo& info() const override { return info_; }
  std::vector<NodeSpec> node_specs() const override {
    std::vector<NodeSpec> out;
    for (int i = 0; i < nodes_; ++i) out.push_back({std::string(1, static_cast<char>('A' + i)), "node"});
    return out;
  }
  void start(Simulator& sim) override { sim.schedule_client(0, 0, 1); }
  void on_client(Simulator& sim, std::uint16_t, TxnId txn, std::int64_t) override {
    for (NodeId n = 1; n < nodes_; ++n) sim.send(0, n, 0, txn);
  }
  void on_message(Simulator& sim, const Message& m) override {
    received.push_back(m);
    if (m.type == 0) {
      sim.log_append(m.to, 0, m.txn);
      sim.set_state(m.to, m.txn, 0, 1);
      sim.send(m.to, m.from, 1, m.txn);
    }
  }
  void on_timer(Simulator& sim, const TimerRec& t) override {
    timers.push_back(t);
    if (repeat) sim.set_timer(t.node, period, 0, t.txn);
  }
  void on_crash(Simulator&, NodeId n) override { crashed.push_back(n); }
  void on_restart(Simulator& sim, NodeId n) override {
    restarted.push_back(n);
    recovered_log_size = sim.log(n).size();
  }
  NodeView live_view(NodeId) const override { return {}; }
  std::vector<TxnView> transactions() const override { return {}; }
  std::vector<std::unique_ptr<Invariant>> make_invariants() const override { return {}; }

  std::vector<Message> received;
  std::vector<TimerRec> timers;
  std::vector<NodeId> crashed, restarted;
  std::size_t recovered_log_size = 0;
  bool repeat = false;
  Time period = ms(10);

 private:
  int nodes_;
  ProtocolInfo info_;
};

struct PingRun {
  explicit PingRun(SimConfig cfg = {}, int nodes = 3) : proto(nodes), sim(cfg, proto) {
    for (const auto& s : proto.node_specs()) sim.add_node(s.name, s.role);
  }
  PingProtocol proto;
  Simulator sim;
};

// A 2PC scenario built in code.
inline Scenario two_pc(nlohmann::json params, std::uint64_t seed = 1, Time until = ms(5000)) {
  Scenario s;
  s.protocol = "2pc";
  s.seed = seed;
  s.until = until;
  s.params = std::move(params);
  return s;
}

inline Fault at(Time t, FaultAction a) {
  Fault f;
  f.trigger.kind = TriggerKind::AtTime;
  f.trigger.time = t;
  f.action = std::move(a);
  return f;
}
inline Fault on_state(NodeId node, std::uint16_t state, FaultAction a) {
  Fault f;
  f.trigger.kind = TriggerKind::OnState;
  f.trigger.node = node;
  f.trigger.state = state;
  f.action = std::move(a);
  return f;
}
inline Fault on_sent(std::uint16_t msg, NodeId from, std::uint64_t nth, FaultAction a) {
  Fault f;
  f.trigger.kind = TriggerKind::OnSent;
  f.trigger.msg_type = msg;
  f.trigger.node = from;
  f.trigger.nth = nth;
  f.action = std::move(a);
  return f;
}
inline FaultAction crash(NodeId n) { return FaultAction{FaultKind::Crash, n, kNoNode, {}, {}}; }
inline FaultAction restart(NodeId n) { return FaultAction{FaultKind::Restart, n, kNoNode, {}, {}}; }
inline FaultAction cut(NodeId a, NodeId b) { return FaultAction{FaultKind::Cut, a, b, {}, {}}; }
inline FaultAction heal(NodeId a, NodeId b) { return FaultAction{FaultKind::Heal, a, b, {}, {}}; }
inline FaultAction heal_all() { return FaultAction{FaultKind::HealAll, kNoNode, kNoNode, {}, {}}; }
inline FaultAction partition(std::vector<std::vector<NodeId>> g) {
  return FaultAction{FaultKind::Partition, kNoNode, kNoNode, std::move(g), {}};
}

// A random fault of any kind (crash, restart, cut, heal, partition, drop/duplicate next) over
// `nodes` nodes, for property tests whose protocol must survive all of them.
inline FaultAction random_fault_action(Rng& r, int nodes) {
  const auto node = [&] { return static_cast<NodeId>(r.below(static_cast<std::uint64_t>(nodes))); };
  const auto link = [&](FaultKind k) {
    const NodeId a = node();
    NodeId b = node();
    if (b == a) b = (a + 1) % nodes;
    return FaultAction{k, a, b, {}, {}};
  };
  switch (r.below(8)) {
    case 0:
    case 1: return crash(node());
    case 2: return restart(node());
    case 3: return link(FaultKind::Cut);
    case 4: return link(FaultKind::Heal);
    case 5: {
      std::vector<NodeId> side;
      for (NodeId n = 0; n < nodes; ++n)
        if (r.chance(Ratio{1, 2})) side.push_back(n);
      return partition({side});
    }
    case 6: return link(FaultKind::DropNext);
    default: return link(FaultKind::DuplicateNext);
  }
}

inline std::unique_ptr<Simulation> build(const Scenario& s) {
  Diagnostics errors;
  auto sim = Simulation::create(s, errors);
  if (!sim) {
    std::string all;
    for (const auto& e : errors) all += e.to_string() + "\n";
    ADD_FAILURE() << "scenario did not build:\n" << all;
  }
  return sim;
}

// A compact, byte-exact rendering of the trace for determinism comparisons.
inline std::string fingerprint(const Simulator& sim) {
  std::string out;
  for (const auto& e : sim.trace()) {
    out += std::to_string(e.seq) + ' ' + std::to_string(e.time) + ' ' + std::to_string(int(e.kind)) + ' ' +
           std::to_string(e.node) + ' ' + std::to_string(e.peer) + ' ' + std::to_string(e.key) + ' ' +
           std::to_string(e.txn) + ' ' + std::to_string(e.msg) + ' ' + std::to_string(e.value) + ' ' +
           std::to_string(int(e.reason)) + '\n';
  }
  return out;
}

inline std::uint16_t state_of(const Simulation& s, NodeId n) { return s.sim().node_view(n).state; }

inline TxnOutcome outcome(const Simulation& s, TxnId t) { return s.protocol().transactions().at(t - 1).outcome; }

inline int count(const Simulator& sim, TraceKind kind, std::uint16_t key, NodeId node = kNoNode) {
  int n = 0;
  for (const auto& e : sim.trace())
    if (e.kind == kind && e.key == key && (node == kNoNode || e.node == node)) ++n;
  return n;
}

}  // namespace cs::testing
