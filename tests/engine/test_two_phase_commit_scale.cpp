// Issue 18, scale: 2PC in a run that forgets finished transactions (SimConfig::forget_finished, the
// CLI's --long-run) keeps a window of unfinished ones plus a summary, and truncates its durable logs
// at checkpoints. The run must be the same record for record as one that keeps everything: over the
// property test's random workloads, networks and crashes, and after a crash and restart that come
// once the logs have been truncated.
#include <gtest/gtest.h>

#include "protocols/two_phase_commit.hpp"
#include "sim/rng.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  const int participants = 2 + static_cast<int>(r.below(4));
  Scenario sc = two_pc({{"participants", participants},
                        {"transactions", 5 + r.below(40)},
                        {"interval_ms", r.between(0, 40)},
                        {"work_ms", r.between(0, 20)},
                        {"timeout_ms", r.between(40, 300)},
                        {"disk_ms", r.chance(Ratio{1, 3}) ? r.between(1, 15) : 0},
                        {"resources", 1 + r.below(4)},
                        {"pool_size", r.chance(Ratio{1, 4}) ? 1 + r.below(3) : 0},
                        {"janitor_ms", r.chance(Ratio{1, 4}) ? r.between(50, 400) : 0},
                        {"abort_probability", r.chance(Ratio{1, 4}) ? 0.2 : 0.0}},
                       seed, ms(2000));
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  FaultPlan plan;
  plan.nodes = participants + 1;
  plan.states = {{0, tpc::WAIT}, {0, tpc::COMMIT}};
  for (const auto& st : states_of(1, static_cast<NodeId>(participants + 1), {tpc::INIT, tpc::READY}))
    plan.states.push_back(st);
  plan.messages = 7;
  sc.faults = random_faults(r, plan);
  return sc;
}

std::uint64_t truncated(const Simulator& sim) {
  std::uint64_t n = 0;
  for (const auto& node : sim.nodes()) n += node.log.truncated();
  return n;
}

}  // namespace

TEST(TwoPhaseCommitScale, ForgettingFinishedTransactionsLeavesEveryTraceUnchanged) {
  std::uint64_t dropped = 0;
  int crashed_after_truncation = 0;
  for (std::uint64_t seed = 1; seed <= scaled_seeds(400); ++seed) {
    const Scenario sc = random_scenario(seed);
    auto keep = build_with(sc, false);
    auto forget = build_with(sc, true);
    ASSERT_TRUE(keep && forget);
    repair_and_finish(*keep);
    repair_and_finish(*forget);
    ASSERT_EQ(fingerprint(keep->sim()), fingerprint(forget->sim())) << "seed " << seed;
    EXPECT_EQ(truncated(keep->sim()), 0u);
    EXPECT_EQ(keep->protocol().metrics().front().value, forget->protocol().metrics().front().value) << "seed " << seed;
    dropped += truncated(forget->sim());
    std::uint32_t crashes = 0;
    for (const auto& n : forget->sim().nodes()) crashes += n.crashes;
    crashed_after_truncation += crashes > 0 && truncated(forget->sim()) > 0;
  }
  // The runs did truncate, and crashes came in runs that had.
  EXPECT_GT(dropped, 1000u);
  EXPECT_GT(crashed_after_truncation, scaled_floor(50));
}

// At scale: 20,000 transactions back to back, each participant crashed and restarted after its log
// has been truncated many times over, the coordinator too. Same trace as keeping everything, every
// transaction committed or aborted, and the logs hold only a window.
TEST(TwoPhaseCommitScale, CrashAndRestartAfterTruncationBehaveAsBefore) {
  Scenario sc = two_pc({{"participants", 5}, {"transactions", 20000}, {"interval_ms", 0.5}, {"timeout_ms", 50}},
                       7, ms(60'000));
  sc.network.latency_lo = ms(1);
  sc.network.latency_hi = ms(3);
  for (NodeId n = 0; n <= 5; ++n) {
    Fault crash;
    crash.trigger.kind = TriggerKind::AtTime;
    crash.trigger.time = ms(1000 + 700 * n);
    crash.action.kind = FaultKind::Crash;
    crash.action.a = n;
    Fault restart = crash;
    restart.trigger.time = crash.trigger.time + ms(120);
    restart.action.kind = FaultKind::Restart;
    sc.faults.push_back(crash);
    sc.faults.push_back(restart);
  }
  auto keep = build_with(sc, false);
  auto forget = build_with(sc, true);
  ASSERT_TRUE(keep && forget);
  keep->run();
  forget->run();
  EXPECT_EQ(forget->sim().halted(), HaltReason::None);
  ASSERT_EQ(fingerprint(keep->sim()), fingerprint(forget->sim()));
  for (const auto& n : forget->sim().nodes()) {
    EXPECT_EQ(n.crashes, 1u) << n.name;
    EXPECT_GT(n.log.truncated(), 10'000u) << n.name;
    EXPECT_LT(n.log.size(), 1'000u) << n.name;
  }
  const auto m = forget->protocol().metrics();
  EXPECT_EQ(m[0].value + m[1].value, 20000) << "committed + aborted";
  EXPECT_EQ(keep->protocol().metrics()[0].value, m[0].value);
  for (const auto& inv : forget->invariants()) EXPECT_TRUE(inv->held()) << inv->key();
}
