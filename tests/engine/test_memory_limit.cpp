// The memory limit: the simulator counts what a run keeps (trace records, messages and their
// payloads, log records, protocol histories) and halts the run cleanly before the count passes the
// limit, with a final `limit` record, as the trace limit does. Assertions are on the accountant, not
// on the process's memory (docs/reliability.md has the measured peaks).
#include <gtest/gtest.h>

#include <string>

#include "scenario/loader.hpp"
#include "scenario/report.hpp"
#include "scenario/simulation.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

// Sends ever larger payloads to B on a timer, as a protocol that keeps gossiping its whole state.
class Gossip final : public Protocol {
 public:
  Gossip() {
    info_.name = "gossip";
    info_.states = {"IDLE"};
    info_.messages = {"SYNC"};
    info_.log_records = {"KEPT"};
    info_.timers = {"tick"};
    info_.roles = {RoleMachine{"node", {0}, {}}};
  }
  const ProtocolInfo& info() const override { return info_; }
  std::vector<NodeSpec> node_specs() const override { return {{"A", "node"}, {"B", "node"}}; }
  void start(Simulator& sim) override { sim.set_timer(0, ms(1), 0, 0); }
  void on_client(Simulator&, std::uint16_t, TxnId, std::int64_t) override {}
  void on_message(Simulator& sim, const Message& m) override { sim.log_append(m.to, 0, 0, static_cast<std::int64_t>(m.extra.size())); }
  void on_timer(Simulator& sim, const TimerRec& t) override {
    state_.resize(state_.size() + 1000, 7);
    sim.send(0, 1, 0, 0, 0, 0, state_);
    sim.set_timer(t.node, ms(1), 0, 0);
  }
  void on_crash(Simulator&, NodeId) override {}
  void on_restart(Simulator&, NodeId) override {}
  NodeView live_view(NodeId) const override { return {}; }
  std::vector<TxnView> transactions() const override { return {}; }
  std::vector<std::unique_ptr<Invariant>> make_invariants() const override { return {}; }

 private:
  ProtocolInfo info_;
  std::vector<std::int64_t> state_;
};

std::unique_ptr<Simulation> load(const std::string& text, RunLimits limits) {
  LoadResult r = load_scenario(text, "memory.json");
  EXPECT_TRUE(r.scenario.has_value()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  if (!r.scenario) return nullptr;
  Diagnostics errors;
  auto run = Simulation::create(*r.scenario, errors, limits);
  EXPECT_TRUE(errors.empty());
  return run;
}

// The issue's case: a valid AP register at the largest values the loader accepts, which kept every
// message's payload (6 GB before there was a limit).
const char* const kCapApMax = R"({
  "protocol": "cap-register", "seed": 1, "until_ms": 1e12,
  "params": { "mode": "ap", "conflict": "vector", "replicas": 7, "clients": 16, "operations": 100000,
              "interval_ms": 0.01, "write_ratio": 1, "keys": 16, "sync_interval_ms": 1 },
  "network": { "latency_ms": [0, 1000], "loss": 0, "duplicate": 0 }
})";

}  // namespace

TEST(MemoryLimit, HaltsBeforeTheCountPassesTheLimitWithAFinalLimitRecord) {
  Gossip g;
  SimConfig c;
  c.memory_limit = 4 << 20;
  Simulator sim(c, g);
  sim.add_node("A", "node");
  sim.add_node("B", "node");
  sim.start();
  while (sim.step()) ASSERT_LE(sim.memory_used(), c.memory_limit);
  EXPECT_EQ(sim.halted(), HaltReason::MemoryLimit);
  EXPECT_LE(sim.memory_used(), c.memory_limit);
  // The payloads were counted: the halt came when the next one (~250 KB) did not fit.
  EXPECT_GT(sim.memory_used(), c.memory_limit * 3 / 4);
  ASSERT_FALSE(sim.trace().empty());
  EXPECT_EQ(sim.trace().back().kind, TraceKind::Limit);
  EXPECT_EQ(sim.trace().back().value, static_cast<std::int64_t>(HaltReason::MemoryLimit));
  EXPECT_EQ(halt_reason_key(sim.halted()), "memory_limit");
  // Nothing is kept after the halt, and the run does not go on.
  const std::size_t records = sim.trace().size();
  EXPECT_EQ(sim.send(0, 1, 0, 0), 0u);
  EXPECT_FALSE(sim.step());
  EXPECT_EQ(sim.trace().size(), records);
}

TEST(MemoryLimit, ChargeCountsProtocolStateAndRefusesWhatDoesNotFit) {
  SimConfig c;
  c.memory_limit = 1 << 20;
  PingRun r(c, 2);
  r.sim.start();
  const std::size_t before = r.sim.memory_used();
  EXPECT_TRUE(r.sim.charge(1000));
  EXPECT_EQ(r.sim.memory_used(), before + 1000);
  EXPECT_FALSE(r.sim.charge(c.memory_limit));  // refused: not counted, and the run halts
  EXPECT_EQ(r.sim.memory_used(), before + 1000);
  EXPECT_EQ(r.sim.halted(), HaltReason::MemoryLimit);
  EXPECT_FALSE(r.sim.charge(1));  // nothing more after the halt
}

TEST(MemoryLimit, ARunUnderTheLimitIsTheSameRunWithoutIt) {
  // The accountant only counts: a run that stays under the limit has the same trace.
  const std::string text = R"({"protocol": "cap-register", "seed": 4, "until_ms": 3000,
    "params": {"mode": "ap", "replicas": 5, "clients": 5, "operations": 200, "keys": 3, "interval_ms": 5},
    "network": {"latency_ms": [5, 40], "duplicate": 0.1}})";
  RunLimits loose;
  loose.memory_limit = static_cast<std::size_t>(-1);
  auto a = load(text, {});
  auto b = load(text, loose);
  ASSERT_TRUE(a && b);
  a->run();
  b->run();
  EXPECT_EQ(a->sim().halted(), HaltReason::None);
  ASSERT_EQ(a->sim().trace().size(), b->sim().trace().size());
  std::string ta, tb;
  append_trace_jsonl(ta, a->sim());
  append_trace_jsonl(tb, b->sim());
  EXPECT_EQ(ta, tb);
  EXPECT_GT(a->sim().memory_used(), 0u);
}

TEST(MemoryLimit, TheLargestApRegisterStopsAtTheLimitAndSaysWhy) {
  RunLimits limits;
  limits.memory_limit = 24 << 20;  // the default (512 MiB) takes ~10 s to fill; the path is the same
  auto run = load(kCapApMax, limits);
  ASSERT_NE(run, nullptr);
  run->run();
  const Simulator& sim = run->sim();
  EXPECT_EQ(sim.halted(), HaltReason::MemoryLimit);
  EXPECT_LE(sim.memory_used(), limits.memory_limit);
  EXPECT_LT(sim.trace().size(), limits.trace_limit);  // memory, not the record count, ran out
  EXPECT_EQ(sim.trace().back().kind, TraceKind::Limit);
  EXPECT_NE(trace_line(sim, sim.trace().back()).find("\"limit\":\"memory_limit\""), std::string::npos);
  EXPECT_EQ(run_report(*run)["halted"], "memory_limit");
  EXPECT_NE(text_summary(*run).find("HALTED: the run hit its memory_limit"), std::string::npos);
}

TEST(MemoryLimit, EveryProtocolAtItsLargestParametersStaysWithinTheLimit) {
  // One workload per protocol at the top of its ranges, with a small limit so the test is quick:
  // whatever limit stops the run, the accountant never passes the memory limit.
  const char* const params[] = {
      R"("2pc", "params": {"participants": 16, "transactions": 100000, "interval_ms": 0.05, "resources": 1000000})",
      R"("3pc", "params": {"participants": 16, "transactions": 100000, "interval_ms": 0.05, "resources": 1000000, "precommit_retries": 100})",
      R"("paxos-commit", "params": {"participants": 16, "faults": 3, "transactions": 100000, "interval_ms": 0.05, "resources": 1000000})",
      R"("tcc", "params": {"services": 8, "transactions": 100000, "interval_ms": 0.05})",
      R"("saga-orchestration", "params": {"sagas": 100000, "interval_ms": 0.05, "fail_step": "shipping", "fail_probability": 0.5, "compensation_failures": 100})",
      R"("saga-choreography", "params": {"sagas": 100000, "interval_ms": 0.05, "fail_step": "shipping", "fail_probability": 0.5, "compensation_failures": 100})",
      R"("outbox", "params": {"orders": 100000, "interval_ms": 0.05, "batch": 10000, "poll_ms": 1})",
      R"("dual-write", "params": {"orders": 100000, "interval_ms": 0.05})",
      R"("cap-register", "params": {"mode": "cp", "replicas": 7, "clients": 16, "operations": 100000, "interval_ms": 0.05, "keys": 16})",
      R"("cap-register", "params": {"mode": "ap", "conflict": "lww", "replicas": 7, "clients": 16, "operations": 100000, "interval_ms": 0.05, "keys": 16, "sync_interval_ms": 1})",
      R"("primary-backup", "params": {"servers": 7, "clients": 16, "writes": 100000, "interval_ms": 0.05, "heartbeat_ms": 1, "client_retry_ms": 1, "max_attempts": 1000})",
  };
  RunLimits limits;
  limits.memory_limit = 12 << 20;
  for (const char* p : params) {
    const std::string text = std::string(R"({"protocol": )") + p +
                             R"(, "until_ms": 1e12, "network": {"latency_ms": [0, 50], "loss": 0.1, "duplicate": 0.5}})";
    auto run = load(text, limits);
    ASSERT_NE(run, nullptr) << p;
    run->run();
    EXPECT_NE(run->sim().halted(), HaltReason::None) << p;
    EXPECT_LE(run->sim().memory_used(), limits.memory_limit) << p;
  }
}
