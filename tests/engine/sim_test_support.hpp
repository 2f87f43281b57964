// Helpers shared by the engine tests: a tiny ping protocol for the simulator core, a way to build
// 2PC runs without going through JSON, and the random fault harness of the property tests.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
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

// A network whose every message takes exactly `lat`: event times are known in advance.
inline SimConfig fixed_latency(Time lat) {
  SimConfig c;
  c.network.latency_lo = lat;
  c.network.latency_hi = lat;
  return c;
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

// ---------------------------------------------------------------------------------------------
// The fault harness every property test draws its schedules from, so that each protocol meets the
// same kinds of faults and triggers; a test narrows them only through its FaultPlan, saying why.

// How often each kind of fault is drawn (relative weights; 0 leaves a kind out).
struct FaultMix {
  int crash = 2;
  int restart = 1;
  int cut = 1;
  int heal = 1;
  int heal_all = 1;
  int partition = 1;
  int heal_partition = 1;
  int drop_next = 1;
  int duplicate_next = 1;
  int set_network = 1;

  // Everything but what a network split does (cuts, partitions, and their heals).
  static FaultMix without_splits() {
    FaultMix m;
    m.cut = m.heal = m.heal_all = m.partition = m.heal_partition = 0;
    return m;
  }
};

// The network a SetNetwork fault may install: latency in [1 ms, max_latency], loss and duplication
// below the given per-mille.
struct NetworkBounds {
  Time max_latency = ms(40);
  std::uint64_t max_loss_permille = 100;
  std::uint64_t max_duplicate_permille = 100;
};

// A random fault of any kind the mix allows over `nodes` nodes: crash, restart, cut, heal, heal all,
// partition (into two or three groups), heal the partition, drop or duplicate the next message on a
// link, or a new network (latency, loss, duplication).
inline FaultAction random_fault_action(Rng& r, int nodes, const FaultMix& mix = {}, const NetworkBounds& net = {}) {
  const auto node = [&] { return static_cast<NodeId>(r.below(static_cast<std::uint64_t>(nodes))); };
  const auto link = [&](FaultKind k) {
    const NodeId a = node();
    NodeId b = node();
    if (b == a) b = (a + 1) % nodes;
    return FaultAction{k, a, b, {}, {}};
  };
  const int weights[] = {mix.crash,     mix.restart,   mix.cut,       mix.heal,           mix.heal_all,
                         mix.partition, mix.heal_partition, mix.drop_next, mix.duplicate_next, mix.set_network};
  int total = 0;
  for (const int w : weights) total += w;
  auto pick = static_cast<int>(r.below(static_cast<std::uint64_t>(total)));
  int kind = 0;
  while (pick >= weights[kind]) pick -= weights[kind++];
  switch (kind) {
    case 0: return crash(node());
    case 1: return restart(node());
    case 2: return link(FaultKind::Cut);
    case 3: return link(FaultKind::Heal);
    case 4: return heal_all();
    case 5: {
      const std::uint64_t sides = 2 + r.below(2);
      std::vector<std::vector<NodeId>> groups(sides - 1);  // side 0: the rest
      for (NodeId n = 0; n < nodes; ++n)
        if (const std::uint64_t side = r.below(sides); side > 0) groups[side - 1].push_back(n);
      return partition(std::move(groups));
    }
    case 6: return FaultAction{FaultKind::HealPartition, kNoNode, kNoNode, {}, {}};
    case 7: return link(FaultKind::DropNext);
    case 8: return link(FaultKind::DuplicateNext);
    default: {
      FaultAction a{FaultKind::SetNetwork, kNoNode, kNoNode, {}, {}};
      const Time max_ms = std::max<Time>(1, net.max_latency / kMicrosPerMs);
      a.network.latency_lo = ms(r.between(1, std::min<Time>(10, max_ms)));
      a.network.latency_hi = ms(r.between(a.network.latency_lo / kMicrosPerMs, max_ms));
      a.network.loss = Ratio{static_cast<std::uint32_t>(r.below(net.max_loss_permille + 1)), 1000};
      a.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(net.max_duplicate_permille + 1)), 1000};
      return a;
    }
  }
}

// What a protocol's random fault schedules aim at.
struct FaultPlan {
  int nodes = 3;
  FaultMix mix;
  NetworkBounds network;
  int max_faults = 6;  // each schedule has 0..max_faults faults
  // OnState triggers: (node, state) pairs worth interrupting; none: no state triggers.
  std::vector<std::pair<NodeId, std::uint16_t>> states;
  int messages = 1;             // OnSent triggers: message types 0..messages-1 ...
  std::uint64_t max_nth = 4;    // ... right after the 1st..max_nth such message
  Time horizon = ms(1500);      // AtTime triggers: 0..horizon
  std::uint64_t max_event = 300;  // AfterEvent triggers: after dispatched event 0..max_event
};

// A random fault schedule: each fault a random_fault_action on a random trigger (at a time, on
// entering a state, after the nth message of a type, after the nth event).
inline std::vector<Fault> random_faults(Rng& r, const FaultPlan& plan) {
  std::vector<Fault> out;
  const auto n_faults = static_cast<int>(r.below(static_cast<std::uint64_t>(plan.max_faults) + 1));
  for (int i = 0; i < n_faults; ++i) {
    Fault f;
    f.action = random_fault_action(r, plan.nodes, plan.mix, plan.network);
    switch (r.below(4)) {
      case 0:
        if (!plan.states.empty()) {
          const auto& [node, state] = plan.states[r.below(plan.states.size())];
          f.trigger.kind = TriggerKind::OnState;
          f.trigger.node = node;
          f.trigger.state = state;
          break;
        }
        [[fallthrough]];
      case 1:
        f.trigger.kind = TriggerKind::OnSent;
        f.trigger.msg_type = static_cast<std::uint16_t>(r.below(static_cast<std::uint64_t>(plan.messages)));
        f.trigger.nth = 1 + r.below(plan.max_nth);
        break;
      case 2:
        f.trigger.kind = TriggerKind::AfterEvent;
        f.trigger.nth = r.below(plan.max_event + 1);
        break;
      default:
        f.trigger.kind = TriggerKind::AtTime;
        f.trigger.time = r.between(0, plan.horizon);
        break;
    }
    out.push_back(std::move(f));
  }
  return out;
}

inline std::size_t faults_fired(const Simulator& sim) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < sim.faults().size(); ++i) n += sim.fault_fired(i);
  return n;
}

// Repairs everything (every node up, every link healed, no more random loss or duplication) and
// runs on for `run_for`; again, until one whole run passes with nothing down or cut and no
// scheduled fault firing. A triggered fault may fire after a repair (on the nth event or message)
// and heal itself just before the run ends: then the protocol has not had `run_for` to finish.
// Each round that is not quiet fires at least one fault, so rounds = faults + 1 suffice.
inline void repair_and_finish(Simulation& s, Time run_for = ms(20'000)) {
  const std::size_t rounds = s.sim().faults().size() + 1;
  for (std::size_t round = 0; round < rounds; ++round) {
    const std::size_t fired = faults_fired(s.sim());
    s.sim().apply_now(heal_all());
    for (NodeId n = 0; n < static_cast<NodeId>(s.sim().nodes().size()); ++n) s.sim().apply_now(restart(n));
    FaultAction calm{FaultKind::SetNetwork, kNoNode, kNoNode, {}, s.sim().network().settings()};
    calm.network.loss = Ratio{0, 1};
    calm.network.duplicate = Ratio{0, 1};
    s.sim().apply_now(calm);
    s.sim().run_until(s.sim().now() + run_for);
    bool all_up = true;
    for (const auto& n : s.sim().nodes()) all_up = all_up && n.up;
    if (all_up && !s.sim().would_change(heal_all()) && faults_fired(s.sim()) == fired) return;
  }
}

// Which scheduled faults fired over a property test's runs, by fault kind and by trigger kind, so
// that the test shows its schedules really reach every kind its plan allows (coverage that shrinks
// fails the test instead of passing quietly).
struct FaultTally {
  std::array<int, 10> by_kind{};    // indexed by FaultKind
  std::array<int, 4> by_trigger{};  // indexed by TriggerKind

  void add(const Simulator& sim) {
    for (std::size_t i = 0; i < sim.faults().size(); ++i) {
      if (!sim.fault_fired(i)) continue;
      ++by_kind.at(static_cast<std::size_t>(sim.faults()[i].action.kind));
      ++by_trigger.at(static_cast<std::size_t>(sim.faults()[i].trigger.kind));
    }
  }

  // Every kind with a weight in `mix` and every trigger kind fired at least `at_least` times.
  void expect_covers(const FaultMix& mix, std::int64_t at_least) const {
    const std::pair<FaultKind, int> kinds[] = {
        {FaultKind::Crash, mix.crash},         {FaultKind::Restart, mix.restart},
        {FaultKind::Cut, mix.cut},             {FaultKind::Heal, mix.heal},
        {FaultKind::HealAll, mix.heal_all},    {FaultKind::Partition, mix.partition},
        {FaultKind::HealPartition, mix.heal_partition}, {FaultKind::DropNext, mix.drop_next},
        {FaultKind::DuplicateNext, mix.duplicate_next}, {FaultKind::SetNetwork, mix.set_network}};
    for (const auto& [kind, weight] : kinds) {
      if (weight > 0) {
        EXPECT_GE(by_kind.at(static_cast<std::size_t>(kind)), at_least) << "fault kind " << fault_kind_key(kind);
      }
    }
    for (const auto trigger : {TriggerKind::AtTime, TriggerKind::OnState, TriggerKind::OnSent, TriggerKind::AfterEvent})
      EXPECT_GE(by_trigger.at(static_cast<std::size_t>(trigger)), at_least) << "trigger kind " << static_cast<int>(trigger);
  }
};

// The property tests are written for their full seed counts (1,000 for most) and state their
// coverage floors ("at least 300 crashes") for those counts. COMMITSCOPE_PROPERTY_PERCENT (1-100,
// default 100) runs that share of the seeds and scales the floors with it: the sanitizer build,
// where one run costs ~20 times as much, checks 20% of the seeds (scripts/test-sanitizers).
inline int property_percent() {
  const char* v = std::getenv("COMMITSCOPE_PROPERTY_PERCENT");
  const int p = v != nullptr ? std::atoi(v) : 100;
  return std::clamp(p, 1, 100);
}
// Seeds 1..scaled_seeds(full) are run.
inline std::uint64_t scaled_seeds(std::uint64_t full) {
  return std::max<std::uint64_t>(1, full * static_cast<std::uint64_t>(property_percent()) / 100);
}
// A floor stated for the full seed count, for the seeds actually run. Below 100% it is also halved:
// rare outcomes (a dirty read, a split brain) vary more in a small sample, and the full run in the
// normal build still holds the stated floors.
inline std::int64_t scaled_floor(std::int64_t full) {
  const int p = property_percent();
  return p == 100 ? full : full * p / 200;
}

// Every (node, state) pair for the nodes in [first, last).
inline std::vector<std::pair<NodeId, std::uint16_t>> states_of(NodeId first, NodeId last, std::initializer_list<std::uint16_t> states) {
  std::vector<std::pair<NodeId, std::uint16_t>> out;
  for (NodeId n = first; n < last; ++n)
    for (const auto s : states) out.push_back({n, s});
  return out;
}

inline std::unique_ptr<Simulation> build(const Scenario& s, const RunLimits& limits = {}) {
  Diagnostics errors;
  auto sim = Simulation::create(s, errors, limits);
  if (!sim) {
    std::string all;
    for (const auto& e : errors) all += e.to_string() + "\n";
    ADD_FAILURE() << "scenario did not build:\n" << all;
  }
  return sim;
}

// A run that forgets its finished transactions (as `run --long-run` does) or keeps everything.
inline std::unique_ptr<Simulation> build_with(const Scenario& s, bool forget) {
  RunLimits limits;
  limits.forget_finished = forget;
  return build(s, limits);
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
