#include <gtest/gtest.h>

#include "cap_test_support.hpp"
#include "protocols/cap_register.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::cap;

namespace {
constexpr NodeId R1 = 0, R2 = 1, R3 = 2, K1 = 3, K2 = 4, K3 = 5;

Scenario reg(nlohmann::json params, std::uint64_t seed = 1, Time until = ms(3000)) {
  return scenario_of("cap-register", std::move(params), seed, until);
}

const CapRegister& proto(const Simulation& s) { return dynamic_cast<const CapRegister&>(s.protocol()); }

// R1 and its client K1 on one side; the majority R2, R3 and their clients on the other.
void split_r1(Scenario& sc, Time from, Time to) {
  sc.faults.push_back(at(from, partition({{R1, K1}, {R2, R3, K2, K3}})));
  sc.faults.push_back(at(to, FaultAction{FaultKind::HealPartition, kNoNode, kNoNode, {}, {}}));
}

int ok_after(const Simulation& s, NodeId client, Time t) {
  int n = 0;
  for (const auto& e : s.sim().trace())
    if (e.kind == TraceKind::Note && e.node == client && (e.key == N_READ_OK || e.key == N_WRITE_OK) && e.time > t) ++n;
  return n;
}

double mean_read_latency(const Simulation& s) {
  return double(metric(s, "read_latency_sum_us")) / double(std::max<std::int64_t>(1, metric(s, "read_latency_count")));
}
}  // namespace

TEST(CapRegister, CpWithoutFaultsServesEveryOperationLinearizably) {
  auto s = build(reg({{"mode", "cp"}, {"operations", 60}, {"interval_ms", 5}, {"keys", 2}}));
  s->run();
  EXPECT_EQ(metric(*s, "ops_ok"), 60);
  EXPECT_EQ(metric(*s, "errors") + metric(*s, "timeouts"), 0);
  EXPECT_EQ(metric(*s, "stale_reads"), 0);
  EXPECT_TRUE(s->invariants_hold());
  for (std::int64_t key : {0, 1})
    EXPECT_EQ(lin::check_register(proto(*s).history(key)).verdict, lin::Verdict::Linearizable) << key;
  for (const auto& t : s->protocol().transactions()) EXPECT_EQ(t.outcome, TxnOutcome::Committed) << t.id;
  // Writes go through both phases; the replicas log what they store.
  EXPECT_GT(count(s->sim(), TraceKind::Send, QUERY), 0);
  EXPECT_GT(count(s->sim(), TraceKind::Send, STORE), 0);
  EXPECT_FALSE(s->sim().log(R2).empty());
}

TEST(CapRegister, CpMinorityRefusesDuringAPartitionAndServesAgainAfterHealing) {
  Scenario sc = reg({{"mode", "cp"}, {"operations", 90}, {"interval_ms", 20}});
  split_r1(sc, ms(300), ms(1200));
  auto s = build(sc);
  s->run();
  // K1's replica cannot reach a quorum: its client gets errors, and R1 counts its refusals.
  EXPECT_GT(metric(*s, "errors", K1), 3);
  EXPECT_GT(metric(*s, "refused", R1), 3);
  EXPECT_GT(count(s->sim(), TraceKind::Send, FAIL, R1), 3);
  // The majority side keeps working throughout.
  EXPECT_EQ(metric(*s, "errors", K2) + metric(*s, "timeouts", K2), 0);
  EXPECT_EQ(metric(*s, "errors", K3) + metric(*s, "timeouts", K3), 0);
  // Consistency is kept: no stale read, and the history is linearizable.
  EXPECT_EQ(metric(*s, "stale_reads"), 0);
  EXPECT_TRUE(s->invariants_hold());
  EXPECT_GT(ok_after(*s, K1, ms(1300)), 3);
}

TEST(CapRegister, CpClientCutFromItsReplicaTimesOut) {
  Scenario sc = reg({{"mode", "cp"}, {"operations", 30}, {"interval_ms", 20}});
  sc.faults.push_back(at(ms(0), cut(K2, R2)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(metric(*s, "timeouts", K2), 10);
  EXPECT_EQ(metric(*s, "ops_ok", K2), 0);
  EXPECT_EQ(metric(*s, "errors", K2), 0);
  EXPECT_TRUE(s->invariants_hold());
}

TEST(CapRegister, CpReplicaRecoversItsRegistersFromItsLog) {
  // The workload is over by 250 ms, so nothing changes R3's copy while it is down.
  Scenario sc = reg({{"mode", "cp"}, {"operations", 10}, {"interval_ms", 10}, {"write_ratio", 1.0}});
  sc.faults.push_back(at(ms(250), crash(R3)));
  sc.faults.push_back(at(ms(300), restart(R3)));
  auto s = build(sc);
  s->sim().run_until(ms(249));
  const auto before = proto(*s).values_at(R3, 0);
  s->sim().run_until(ms(301));
  EXPECT_EQ(proto(*s).values_at(R3, 0), before);
  EXPECT_EQ(count(s->sim(), TraceKind::Note, N_RECOVERED, R3), 1);
  s->run();
  EXPECT_TRUE(s->invariants_hold());
}

TEST(CapRegister, ApAnswersOnBothSidesDivergesAndIsNotLinearizable) {
  Scenario sc = reg({{"mode", "ap"}, {"operations", 90}, {"interval_ms", 20}, {"sync_interval_ms", 100}});
  split_r1(sc, ms(300), ms(1200));
  auto s = build(sc);
  s->run();
  // Always available: every client is answered, even on the minority side.
  EXPECT_EQ(metric(*s, "errors") + metric(*s, "timeouts"), 0);
  EXPECT_EQ(metric(*s, "ops_ok"), 90);
  // ...at the price of consistency.
  EXPECT_GT(metric(*s, "stale_reads"), 0);
  EXPECT_FALSE(holds(*s, "linearizable"));
  EXPECT_FALSE(holds(*s, "no_stale_read"));
  EXPECT_EQ(lin::check_register(proto(*s).history(0)).verdict, lin::Verdict::NotLinearizable);
  // Vector clocks: concurrent writes on the two sides become siblings, nothing is lost.
  EXPECT_GT(metric(*s, "conflicts"), 0);
  EXPECT_TRUE(holds(*s, "no_lost_update"));
  // Anti-entropy after healing: every replica ends with the same value(s).
  for (NodeId r : {R2, R3}) EXPECT_EQ(proto(*s).values_at(r, 0), proto(*s).values_at(R1, 0));
}

TEST(CapRegister, ApLastWriterWinsWithASkewedClockLosesALaterWrite) {
  // K1 writes at R1 at 0 ms; K2 writes at R2 at 100 ms, after R2 has received K1's write. R1's clock
  // runs 1 s ahead, so the later write carries the older timestamp and is dropped.
  Scenario sc = reg({{"mode", "ap"},
                     {"conflict", "lww"},
                     {"operations", 2},
                     {"interval_ms", 100},
                     {"write_ratio", 1.0},
                     {"clients", 2},
                     {"clock_skew_ms", {{"R1", 1000}}}});
  auto s = build(sc);
  s->run();
  EXPECT_EQ(metric(*s, "ops_ok"), 2);
  EXPECT_EQ(metric(*s, "lost_updates"), 1);
  EXPECT_FALSE(holds(*s, "no_lost_update"));
  for (NodeId r : {R1, R2, R3}) EXPECT_EQ(proto(*s).values_at(r, 0), std::vector<std::int64_t>{1}) << r;
}

TEST(CapRegister, ApVectorClocksKeepTheSameWritesWithoutLoss) {
  Scenario sc = reg({{"mode", "ap"},
                     {"conflict", "vector"},
                     {"operations", 2},
                     {"interval_ms", 100},
                     {"write_ratio", 1.0},
                     {"clients", 2},
                     {"clock_skew_ms", {{"R1", 1000}}}});
  auto s = build(sc);
  s->run();
  EXPECT_EQ(metric(*s, "lost_updates"), 0);
  EXPECT_TRUE(holds(*s, "no_lost_update"));
  // Each write saw the previous one: the last write is the value everywhere, no siblings.
  for (NodeId r : {R1, R2, R3}) EXPECT_EQ(proto(*s).values_at(r, 0), std::vector<std::int64_t>{2}) << r;
}

TEST(CapRegister, ApConcurrentWritesBecomeSiblingsThatALaterWriteResolves) {
  Scenario sc = reg({{"mode", "ap"}, {"operations", 2}, {"interval_ms", 10}, {"write_ratio", 1.0}, {"clients", 2}});
  sc.faults.push_back(at(0, partition({{R1, K1}, {R2, R3, K2}})));
  sc.faults.push_back(at(ms(500), heal_all()));
  auto s = build(sc);
  s->sim().run_until(ms(1500));
  for (NodeId r : {R1, R2, R3}) EXPECT_EQ(proto(*s).values_at(r, 0), (std::vector<std::int64_t>{1, 2})) << r;
  EXPECT_GT(metric(*s, "conflicts"), 0);
  EXPECT_EQ(metric(*s, "siblings", R1), 2);
  EXPECT_TRUE(holds(*s, "no_lost_update"));
}

TEST(CapRegister, ApReplicaRecoversSiblingsFromItsLog) {
  Scenario sc = reg({{"mode", "ap"}, {"operations", 2}, {"interval_ms", 10}, {"write_ratio", 1.0}, {"clients", 2}});
  sc.faults.push_back(at(0, partition({{R1, K1}, {R2, R3, K2}})));
  sc.faults.push_back(at(ms(500), heal_all()));
  sc.faults.push_back(at(ms(1500), crash(R1)));
  sc.faults.push_back(at(ms(1600), restart(R1)));
  auto s = build(sc);
  s->sim().run_until(ms(1601));
  EXPECT_EQ(proto(*s).values_at(R1, 0), (std::vector<std::int64_t>{1, 2}));
}

TEST(CapRegister, QuorumLatencyGrowsWithTheQuorumSize) {
  // PACELC without partitions: the more replicas a read waits for, the longer it takes.
  std::vector<double> latency;
  for (int q : {1, 2, 3, 4, 5}) {
    auto s = build(reg({{"mode", "cp"}, {"replicas", 5}, {"clients", 5}, {"operations", 150}, {"interval_ms", 20},
                        {"read_quorum", q}, {"write_quorum", q}},
                       7, ms(5000)));
    s->run();
    EXPECT_EQ(metric(*s, "errors") + metric(*s, "timeouts"), 0) << q;
    latency.push_back(mean_read_latency(*s));
  }
  for (std::size_t i = 1; i < latency.size(); ++i) EXPECT_LT(latency[i - 1], latency[i]) << "quorum " << i + 1;
  // Per-operation latencies are in the trace too, for charts.
  auto s = build(reg({{"mode", "cp"}, {"operations", 10}}));
  s->run();
  EXPECT_EQ(count(s->sim(), TraceKind::Note, N_READ_OK) + count(s->sim(), TraceKind::Note, N_WRITE_OK), 10);
}

TEST(CapRegister, SmallQuorumsThatDoNotOverlapGiveStaleReads) {
  // R + W <= N: a read may ask only replicas the last write has not reached yet.
  Scenario sc = reg({{"mode", "cp"}, {"replicas", 5}, {"clients", 5}, {"operations", 200}, {"interval_ms", 20},
                     {"read_quorum", 1}, {"write_quorum", 1}, {"write_ratio", 0.5}},
                    3, ms(6000));
  sc.network.latency_lo = ms(1);
  sc.network.latency_hi = ms(120);  // uneven delays: some replicas hear of a write long after others
  auto weak = build(sc);
  weak->run();
  EXPECT_GT(metric(*weak, "stale_reads"), 0);
  EXPECT_FALSE(holds(*weak, "no_stale_read"));
  EXPECT_FALSE(holds(*weak, "linearizable"));
  // Overlapping quorums on the same workload: none.
  sc.params["read_quorum"] = 3;
  sc.params["write_quorum"] = 3;
  auto strong = build(sc);
  strong->run();
  EXPECT_EQ(metric(*strong, "stale_reads"), 0);
  EXPECT_TRUE(strong->invariants_hold());
}

TEST(CapRegister, ReadFromOneReplicaWithFullWritesIsRepairedToStayLinearizable) {
  // R = 1, W = N overlap, but one replica is no majority: reads write back before answering.
  auto s = build(reg({{"mode", "cp"}, {"operations", 100}, {"interval_ms", 5}, {"read_quorum", 1}, {"write_quorum", 3}}));
  s->run();
  EXPECT_GT(metric(*s, "read_repairs"), 0);
  EXPECT_TRUE(s->invariants_hold());
}

TEST(CapRegister, ParametersAreValidated) {
  Diagnostics errors;
  Scenario sc = reg({{"replicas", 3}, {"read_quorum", 4}, {"attach", {{"K9", "R1"}, {"K1", "R7"}}},
                     {"clock_skew_ms", {{"R1", "fast"}}}, {"mode", "ca"}});
  EXPECT_EQ(Simulation::create(sc, errors), nullptr);
  std::string all;
  for (const auto& e : errors) all += e.path + ": " + e.message + "\n";
  EXPECT_NE(all.find("params.read_quorum"), std::string::npos) << all;
  EXPECT_NE(all.find("params.attach.K9"), std::string::npos) << all;
  EXPECT_NE(all.find("params.attach.K1"), std::string::npos) << all;
  EXPECT_NE(all.find("params.clock_skew_ms.R1"), std::string::npos) << all;
  EXPECT_NE(all.find("params.mode"), std::string::npos) << all;
}

TEST(CapRegister, ClientsAttachToReplicasRoundRobinOrByParameter) {
  auto s = build(reg({{"operations", 4}, {"clients", 4}, {"attach", {{"K4", "R3"}}}}));
  s->run();
  std::vector<NodeId> to;
  for (const auto& e : s->sim().trace())
    if (e.kind == TraceKind::Send && (e.key == READ || e.key == WRITE)) to.push_back(e.peer);
  EXPECT_EQ(to, (std::vector<NodeId>{R1, R2, R3, R3}));
  EXPECT_EQ(s->sim().node_name(K1), "K1");
  EXPECT_EQ(s->protocol().info().role("replica")->states.size(), 5u);
}
