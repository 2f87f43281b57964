// Issue 18, scale: the CAP register in a run that forgets finished operations
// (SimConfig::forget_finished, the CLI's --long-run) keeps a window of operations in flight, a
// summary of the others, and checkpoints its replicas' logs. The run must be the same record for
// record as one that keeps everything, with the same invariant verdicts: over the property test's
// random workloads, networks and faults (CP and AP), and after crashes that come once the logs have
// been truncated. And what it holds must not grow with the run.
#include <gtest/gtest.h>

#include "cap_test_support.hpp"
#include "protocols/cap_register.hpp"
#include "sim/rng.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  const bool ap = r.chance(Ratio{1, 2});
  const nlohmann::json p = random_register_params(r, ap, 60);
  const int replicas = p["replicas"].get<int>(), clients = p["clients"].get<int>();
  Scenario sc = scenario_of("cap-register", p, seed, ms(2500));
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  FaultPlan plan;
  plan.nodes = replicas + clients;
  plan.mix.partition = 2;
  plan.states = ap ? states_of(0, static_cast<NodeId>(replicas), {cap::DONE})
                   : states_of(0, static_cast<NodeId>(replicas), {cap::QUERYING, cap::STORING});
  for (const auto& st : states_of(static_cast<NodeId>(replicas), static_cast<NodeId>(plan.nodes), {cap::WAITING}))
    plan.states.push_back(st);
  plan.messages = 11;
  plan.max_nth = 6;
  plan.horizon = ms(1500);
  sc.faults = random_faults(r, plan);
  return sc;
}

std::uint64_t truncated(const Simulator& sim) {
  std::uint64_t n = 0;
  for (const auto& node : sim.nodes()) n += node.log.truncated();
  return n;
}

// Everything the report reads of the invariants: held, where it first failed, unknown.
std::string verdicts(const Simulation& s) {
  std::string out;
  for (const auto& inv : s.invariants()) {
    out += inv->key() + (inv->held() ? " held" : " failed at " + std::to_string(inv->first_violation().seq) + ": " + inv->violation());
    if (const auto* lin = dynamic_cast<const lin::LinearizabilityInvariant*>(inv.get())) out += lin->unknown() ? " unknown" : "";
    out += '\n';
  }
  return out;
}

std::string metrics(const Simulation& s) {
  std::string out;
  for (const auto& m : s.protocol().metrics()) out += m.key + ' ' + std::to_string(m.node) + ' ' + std::to_string(m.value) + '\n';
  return out;
}

void expect_same_run(const Simulation& keep, const Simulation& forget, const std::string& what) {
  ASSERT_EQ(fingerprint(keep.sim()), fingerprint(forget.sim())) << what;
  EXPECT_EQ(verdicts(keep), verdicts(forget)) << what;
  EXPECT_EQ(metrics(keep), metrics(forget)) << what;
  // The report: what is listed plus what is counted is every operation, with the same outcomes.
  std::uint64_t committed = 0, aborted = 0;
  for (const auto& t : keep.protocol().transactions())
    (t.outcome == TxnOutcome::Committed ? committed : aborted) += t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted;
  const auto gone = forget.protocol().forgotten_transactions();
  std::uint64_t listed_committed = gone.committed, listed_aborted = gone.aborted;
  for (const auto& t : forget.protocol().transactions())
    (t.outcome == TxnOutcome::Committed ? listed_committed : listed_aborted) +=
        t.outcome == TxnOutcome::Committed || t.outcome == TxnOutcome::Aborted;
  EXPECT_EQ(committed, listed_committed) << what;
  EXPECT_EQ(aborted, listed_aborted) << what;
  EXPECT_EQ(keep.protocol().forgotten_transactions().committed, 0u);
}

}  // namespace

TEST(CapRegisterScale, ForgettingFinishedOperationsLeavesTracesAndVerdictsUnchanged) {
  int violated = 0, crashed = 0;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(400); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto keep = build_with(sc, false);
    auto forget = build_with(sc, true);
    ASSERT_TRUE(keep && forget);
    repair_and_finish(*keep, ms(4000));
    repair_and_finish(*forget, ms(4000));
    expect_same_run(*keep, *forget, "seed " + std::to_string(seed));
    if (::testing::Test::HasFailure()) return;
    EXPECT_EQ(truncated(keep->sim()), 0u);
    violated += !keep->invariants_hold();
    for (const auto& n : forget->sim().nodes()) crashed += n.crashes > 0;
  }
  // AP runs break linearizability (the lesson), and the schedules crash nodes.
  EXPECT_GT(violated, scaled_floor(20));
  EXPECT_GT(crashed, scaled_floor(50));
}

// At scale: 12,000 operations 4 ms apart, every replica crashed and restarted after its log has
// been checkpointed several times over, clients too; CP and AP (both conflict rules). Same trace and
// verdicts as keeping everything, and the forgetting run holds only a window.
TEST(CapRegisterScale, CrashAndRestartAfterCheckpointsBehaveAsBefore) {
  for (const char* mode : {"cp", "ap-vector", "ap-lww"}) {
    nlohmann::json p = {{"mode", std::string(mode).substr(0, 2)}, {"replicas", 3}, {"clients", 3},
                        {"operations", 12000}, {"interval_ms", 4}, {"keys", 2}};
    if (std::string(mode) == "ap-lww") p["conflict"] = "lww";
    if (std::string(mode) == "ap-lww") p["clock_skew_ms"] = {{"R2", 3}};
    Scenario sc = scenario_of("cap-register", p, 5, ms(60'000));
    sc.network.latency_lo = ms(1);
    sc.network.latency_hi = ms(2);
    for (NodeId n = 0; n < 6; ++n) {
      sc.faults.push_back(at(ms(6000 + 6000 * n), FaultAction{FaultKind::Crash, n, kNoNode, {}, {}}));
      sc.faults.push_back(at(ms(6000 + 6000 * n + 150), FaultAction{FaultKind::Restart, n, kNoNode, {}, {}}));
    }
    auto keep = build_with(sc, false);
    auto forget = build_with(sc, true);
    ASSERT_TRUE(keep && forget);
    keep->run();
    forget->run();
    EXPECT_EQ(forget->sim().halted(), HaltReason::None) << mode;
    expect_same_run(*keep, *forget, mode);
    const auto& reg = dynamic_cast<const cap::CapRegister&>(forget->protocol());
    EXPECT_GT(reg.first_held(), 11'900u) << mode << ": finished operations forgotten";
    EXPECT_LE(forget->protocol().transactions().size(), 100u) << mode;
    for (NodeId n = 0; n < 3; ++n) {
      const auto& node = forget->sim().nodes()[static_cast<std::size_t>(n)];
      EXPECT_EQ(node.crashes, 1u) << mode << " " << node.name;
      EXPECT_GT(node.log.truncated(), 3 * cap::CapRegister::kCheckpointRecords) << mode << " " << node.name;
      EXPECT_LT(node.log.size(), cap::CapRegister::kCheckpointRecords + 64) << mode << " " << node.name;
    }
    // The linearizability monitor holds only what is in flight, not the history.
    const auto* lin = dynamic_cast<const lin::LinearizabilityInvariant*>(invariant(*forget, "linearizable"));
    ASSERT_NE(lin, nullptr);
    EXPECT_FALSE(lin->unknown()) << mode;
    for (std::int64_t key : {0, 1}) {
      ASSERT_NE(lin->monitor(key), nullptr);
      EXPECT_LE(lin->monitor(key)->in_flight(), 10u) << mode;
      EXPECT_LE(lin->monitor(key)->configurations(), 64u) << mode;
    }
    if (std::string(mode) == "cp") {
      EXPECT_TRUE(forget->invariants_hold()) << verdicts(*forget);
    }
  }
}

// The workload `scripts/bench --scale` runs at 1,000,000 operations (3 replicas, 3 clients, one key,
// 4 ms apart, 1 ms latency), here at 20,000: the linearizability monitor follows it whole (never
// gives up) holding a handful of configurations, and the register holds only a window.
TEST(CapRegisterScale, TheBenchmarkWorkloadIsCheckedWholeInAWindow) {
  for (const char* mode : {"cp", "ap"}) {
    Scenario sc = scenario_of("cap-register",
                              {{"mode", mode}, {"replicas", 3}, {"clients", 3}, {"operations", 20000}, {"interval_ms", 4}},
                              1, ms(90'000));
    sc.network.latency_lo = sc.network.latency_hi = ms(1);
    auto s = build_with(sc, true);
    ASSERT_TRUE(s);
    s->run();
    EXPECT_TRUE(s->invariants_hold()) << mode << "\n" << verdicts(*s);
    const auto* lin = dynamic_cast<const lin::LinearizabilityInvariant*>(invariant(*s, "linearizable"));
    ASSERT_NE(lin, nullptr);
    EXPECT_FALSE(lin->unknown()) << mode;
    EXPECT_LE(lin->monitor(0)->configurations(), 4u) << mode;
    EXPECT_EQ(lin->monitor(0)->in_flight(), 0u) << mode;
    const auto gone = s->protocol().forgotten_transactions();
    EXPECT_EQ(gone.committed, 20000u) << mode;
    EXPECT_TRUE(s->protocol().transactions().empty()) << mode;
  }
}
