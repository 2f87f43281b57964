// One scenario, several protocols: the role mapping read from the descriptors, the workload and
// fault timeline mapped onto each cluster, the refusals, and the figures of the comparison table.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "protocols/registry.hpp"
#include "scenario/compare.hpp"
#include "scenario/compare_metrics.hpp"
#include "scenario/loader.hpp"

using namespace cs;

namespace {

Scenario load(const std::string& text) {
  LoadResult r = load_scenario(text, "test.json");
  EXPECT_TRUE(r.scenario) << (r.diagnostics.empty() ? "" : r.diagnostics.front().to_string());
  return r.scenario ? *r.scenario : Scenario{};
}

Scenario load_file(const std::string& name) {
  std::ifstream in(std::string(COMMITSCOPE_SOURCE_DIR) + "/resources/scenarios/" + name, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return load(buf.str());
}

// 2PC, four transactions, P2 votes abort on each, the coordinator crashes and a link is cut.
const char* const kTwoPc = R"({
  "protocol": "2pc", "seed": 5, "until_ms": 3000,
  "params": { "participants": 3, "transactions": 4, "interval_ms": 50, "timeout_ms": 250, "votes": { "P2": "abort" } },
  "faults": [
    { "at_ms": 60, "crash": "C" },
    { "at_ms": 40, "cut": ["C", "P3"] },
    { "at_ms": 900, "restart": "C" },
    { "at_ms": 950, "heal": ["C", "P3"] }
  ]
})";

std::unique_ptr<Simulation> run(const Scenario& s) {
  Diagnostics d;
  auto sim = Simulation::create(s, d);
  EXPECT_TRUE(sim) << (d.empty() ? "" : d.front().to_string());
  if (sim) sim->run();
  return sim;
}

std::string name_of(const ClusterRoles& r, NodeId n) { return r.names[static_cast<std::size_t>(n)]; }

}  // namespace

TEST(CompareRoles, EachProtocolNamesItsCoordinatingNodeAndWorkers) {
  const std::pair<const char*, const char*> expected[] = {
      {"2pc", "C"},           {"3pc", "C"},          {"saga-orchestration", "O"}, {"tcc", "TM"},
      {"outbox", "ORDER_SVC"}, {"dual-write", "ORDER_SVC"}, {"primary-backup", "N1"}, {"paxos-commit", "C"}};
  for (const auto& [proto, lead] : expected) {
    std::string why;
    const auto roles = cluster_roles(proto, find_protocol(proto)->default_params(), why);
    ASSERT_TRUE(roles) << proto << ": " << why;
    ASSERT_NE(roles->coordinator, kNoNode) << proto;
    EXPECT_EQ(name_of(*roles, roles->coordinator), lead) << proto;
    EXPECT_FALSE(roles->workers.empty()) << proto;
  }
  std::string why;
  const auto tpc = cluster_roles("2pc", {{"participants", 3}}, why);
  EXPECT_EQ(name_of(*tpc, tpc->workers[1]), "P2");
  EXPECT_EQ(tpc->part_of(tpc->workers[2]), "worker 3");
  const auto saga = cluster_roles("saga-orchestration", {{"steps", 3}}, why);
  EXPECT_EQ(name_of(*saga, saga->workers[0]), "ORDER");
  const auto chor = cluster_roles("saga-choreography", {{"steps", 3}}, why);
  EXPECT_EQ(chor->coordinator, kNoNode) << "a choreography has no coordinating node";
  EXPECT_EQ(name_of(*chor, chor->workers[0]), "ORDER");
  EXPECT_EQ(chor->part_of(0), "") << "BROKER has no counterpart";
}

TEST(CompareMapping, TwoPcOntoSagaAndTcc) {
  const Scenario src = load(kTwoPc);
  std::string why;
  const auto w = read_common_workload(src, why);
  ASSERT_TRUE(w) << why;
  EXPECT_EQ(w->workers, 3);
  EXPECT_EQ(w->transactions, 4);
  EXPECT_EQ(w->interval, ms(50));
  ASSERT_EQ(w->refusals.size(), 1u);
  EXPECT_EQ(w->refusals[0], (Refusal{2, {}}));

  const MappedScenario saga = map_scenario(src, "saga-orchestration");
  ASSERT_TRUE(saga.scenario) << saga.refusal;
  EXPECT_EQ(saga.scenario->params["steps"], 3);
  EXPECT_EQ(saga.scenario->params["sagas"], 4);
  EXPECT_EQ(saga.scenario->params["interval_ms"], 50);
  EXPECT_EQ(saga.scenario->params["fail_step"], "payment");
  EXPECT_EQ(saga.scenario->seed, src.seed);
  EXPECT_EQ(saga.scenario->until, src.until);
  ASSERT_EQ(saga.scenario->faults.size(), 4u);
  EXPECT_EQ(saga.node_map[0], 0) << "C -> O";
  EXPECT_EQ(saga.scenario->faults[1].action.b, 3) << "P3 -> INVENTORY (step 3)";

  const MappedScenario tcc = map_scenario(src, "tcc");
  ASSERT_TRUE(tcc.scenario) << tcc.refusal;
  EXPECT_EQ(tcc.scenario->params["services"], 3);
  EXPECT_EQ(tcc.scenario->params["capacity"], (nlohmann::json{{"INVENTORY", 0}})) << "worker 2 of TCC is INVENTORY";
  EXPECT_FALSE(tcc.scenario->params.contains("timeout_ms")) << "tcc has no timeout_ms: not carried";

  const MappedScenario three = map_scenario(src, "3pc");
  ASSERT_TRUE(three.scenario) << three.refusal;
  EXPECT_EQ(three.scenario->params["timeout_ms"], 250) << "a key both schemas declare carries over";

  // The mapped workloads read back as the same common workload.
  for (const MappedScenario* m : {&saga, &tcc, &three}) {
    const auto back = read_common_workload(*m->scenario, why);
    ASSERT_TRUE(back) << why;
    EXPECT_EQ(*back, *w) << m->scenario->protocol;
  }
}

TEST(CompareMapping, SameProtocolIsUnchanged) {
  const Scenario src = load(kTwoPc);
  const MappedScenario m = map_scenario(src, "2pc");
  ASSERT_TRUE(m.scenario);
  EXPECT_EQ(m.scenario->params, src.params);
  EXPECT_EQ(m.scenario->faults.size(), src.faults.size());
}

TEST(CompareMapping, FaultTimelinesAreIdenticalByPart) {
  const Scenario src = load(kTwoPc);
  std::vector<std::vector<AppliedFault>> timelines;
  for (const char* proto : {"2pc", "saga-orchestration", "tcc", "3pc"}) {
    const MappedScenario m = map_scenario(src, proto);
    ASSERT_TRUE(m.scenario) << m.refusal;
    auto sim = run(*m.scenario);
    ASSERT_TRUE(sim);
    std::string why;
    const auto roles = cluster_roles(proto, m.scenario->params, why);
    timelines.push_back(applied_faults(*sim, *roles));
  }
  ASSERT_EQ(timelines[0].size(), 4u);
  EXPECT_EQ(timelines[0][0], (AppliedFault{ms(40), "cut", "coordinator", "worker 3"}));
  EXPECT_EQ(timelines[0][1], (AppliedFault{ms(60), "crash", "coordinator", ""}));
  for (std::size_t i = 1; i < timelines.size(); ++i) EXPECT_EQ(timelines[i], timelines[0]) << i;
}

TEST(CompareMapping, StateTriggerMapsByStateClass) {
  // "C crashes as soon as it enters WAIT" becomes "O crashes as soon as it enters RUNNING".
  const Scenario src = load_file("2pc-coordinator-crash.json");
  const MappedScenario m = map_scenario(src, "saga-orchestration");
  ASSERT_TRUE(m.scenario) << m.refusal;
  auto sim = run(*m.scenario);
  const int running = sim->protocol().info().state_index("RUNNING");
  EXPECT_EQ(m.scenario->faults[0].trigger.state, running);
  int crashes = 0;
  for (const TraceEvent& ev : sim->sim().trace())
    crashes += ev.kind == TraceKind::Fault && static_cast<FaultKind>(ev.key) == FaultKind::Crash && ev.node == 0;
  EXPECT_EQ(crashes, 1) << "O crashed";
}

TEST(CompareMapping, RefusesWhatTheTargetCannotExpress) {
  const auto refusal = [](const std::string& text, const char* target) {
    return map_scenario(load(text), target).refusal;
  };
  EXPECT_EQ(refusal(R"({"protocol": "2pc", "params": {"participants": 5}})", "saga-orchestration"),
            "saga-orchestration cannot run this scenario: saga-orchestration has 2 to 4 workers "
            "(ORDER, PAYMENT, INVENTORY, SHIPPING); the file has 5");
  EXPECT_EQ(refusal(R"({"protocol": "saga-orchestration", "params": {"sagas": 3, "steps": 3, "fail_step": "payment",
                        "fail_sagas": [2]}})", "tcc"),
            "tcc cannot run this scenario: tcc cannot make worker 2 (INVENTORY) refuse only some transactions "
            "(a service refuses once its capacity is gone)");
  EXPECT_EQ(refusal(R"({"protocol": "2pc", "params": {"abort_probability": 0.1}})", "tcc"),
            "tcc cannot run this scenario: random abort votes (abort_probability) have no common form");
  EXPECT_EQ(refusal(R"({"protocol": "saga-choreography", "params": {"steps": 3},
                        "faults": [{"at_ms": 10, "crash": "BROKER"}]})", "2pc"),
            "2pc cannot run this scenario: fault 1 (crash) names BROKER, which has no counterpart in 2pc "
            "(only the coordinating node and the workers are matched)");
  EXPECT_EQ(refusal(R"({"protocol": "2pc", "params": {"votes": {"P1": "abort"}}})", "outbox"),
            "outbox cannot run this scenario: outbox has no way for a worker to refuse a transaction; the file has "
            "worker 1 (CONSUMER1) refusing");
  EXPECT_EQ(refusal(R"({"protocol": "2pc", "params": {"participants": 9}})", "outbox"),
            "outbox cannot run this scenario: outbox has 1 to 8 workers (CONSUMER, or CONSUMER1…CONSUMERn); the file "
            "has 9");
  EXPECT_EQ(refusal(R"({"protocol": "tcc", "params": {"transactions": 5, "capacity": 250}})", "2pc"),
            "2pc cannot run this scenario: a capacity at ACCOUNT (250) that runs out part-way through the "
            "workload has no common form");
  EXPECT_EQ(refusal(R"({"protocol": "2pc"})", "cap-register"),
            "cap-register cannot run this scenario: it has no transaction workload");
  EXPECT_NE(refusal(R"({"protocol": "2pc", "faults": [{"after_event": 3, "crash": "C"}]})", "tcc")
                .find("waits for event #3"), std::string::npos);
}

TEST(CompareMetrics, RowFiguresComeFromTheRun) {
  const Scenario src = load(kTwoPc);
  const MappedScenario saga = map_scenario(src, "saga-orchestration");
  auto tpc = run(src);
  auto sg = run(*saga.scenario);
  const CompareRow a = compare_row(*tpc);
  const CompareRow b = compare_row(*sg);
  std::int64_t committed = 0;
  for (const auto& t : tpc->protocol().transactions()) committed += t.outcome == TxnOutcome::Committed;
  EXPECT_EQ(a.committed, committed);
  EXPECT_EQ(a.now, ms(3000));
  EXPECT_GT(a.held, 0) << "2PC participants hold locks while the coordinator is down";
  EXPECT_GT(a.blocked, 0) << "and block in READY";
  EXPECT_EQ(a.compensations, 0);
  EXPECT_EQ(a.windows, 0) << "2PC applies nothing before the decision";
  EXPECT_EQ(b.blocked, 0);
  EXPECT_GT(b.compensations, 0) << "PAYMENT refuses: ORDER is compensated";
  EXPECT_GT(b.windows, 0) << "ORDER's step is visible before the saga ends";
  EXPECT_EQ(a.invariants, static_cast<int>(tpc->invariants().size()));
  const std::string table = compare_table_text(std::vector<CompareRow>{a, b});
  EXPECT_NE(table.find("saga-orchestration"), std::string::npos);
  EXPECT_NE(table.find("time blocked (ms)"), std::string::npos);
  EXPECT_EQ(compare_row_json(a)["committed"], a.committed);
}

// The refusal is a key with arguments (the app words it in the learner's language); the English
// sentence the CLI prints is built from the same key.
TEST(CompareMapping, RefusalIsAStableKeyWithArguments) {
  const MappedScenario m = map_scenario(load(R"({"protocol": "2pc", "params": {"participants": 5}})"),
                                        "saga-orchestration");
  ASSERT_FALSE(m.scenario);
  EXPECT_EQ(m.why.key, "workers_range");
  EXPECT_EQ(m.why.args, (std::vector<std::string>{"saga-orchestration", "2", "4", "ORDER, PAYMENT, INVENTORY, SHIPPING", "5"}));
  EXPECT_EQ(m.refusal, "saga-orchestration cannot run this scenario: " + compare_refusal_english(m.why));
  const MappedScenario f = map_scenario(load(R"({"protocol": "saga-choreography", "params": {"steps": 3},
                                                  "faults": [{"at_ms": 10, "crash": "BROKER"}]})"), "2pc");
  EXPECT_EQ(f.why, (CompareRefusal{"fault_no_counterpart", {"1", "crash", "BROKER", "2pc"}}));
  // Every key the engine can emit has an arity and an English sentence of its own.
  for (std::string_view key : compare_refusal_keys()) {
    const int n = compare_refusal_arity(key);
    ASSERT_GE(n, 0) << key;
    CompareRefusal r{std::string(key), std::vector<std::string>(static_cast<std::size_t>(n), "X")};
    EXPECT_NE(compare_refusal_english(r), std::string(key)) << key;
  }
}

// "Worker k refuses transaction t" reaches 2PC-like protocols as a per-transaction vote.
TEST(CompareMapping, ASagaFailingSomeSagasBecomesPerTransactionVotes) {
  const Scenario src = load(R"({"protocol": "saga-orchestration", "seed": 3, "until_ms": 3000,
      "params": {"sagas": 4, "steps": 3, "fail_step": "inventory", "fail_sagas": [3, 2]}})");
  for (const char* target : {"2pc", "3pc"}) {
    const MappedScenario m = map_scenario(src, target);
    ASSERT_TRUE(m.scenario) << target << ": " << m.refusal;
    EXPECT_EQ(m.scenario->params["votes"], nlohmann::json::parse(R"({"P3": {"abort": [2, 3]}})")) << target;
    std::string why;
    const auto back = read_common_workload(*m.scenario, why);
    ASSERT_TRUE(back) << why;
    EXPECT_EQ(back->refusals, (std::vector<Refusal>{{3, {2, 3}}})) << target;
    auto sim = run(*m.scenario);
    std::vector<TxnId> aborted;
    for (const auto& t : sim->protocol().transactions())
      if (t.outcome == TxnOutcome::Aborted) aborted.push_back(t.id);
    EXPECT_EQ(aborted, (std::vector<TxnId>{2, 3})) << target << ": only the refused transactions abort";
  }
}

// The story issue 16 tells, in one table: the coordinator crash that blocks 2PC's participants in
// READY is finished by Paxos Commit's acceptors (a backup leader learns the chosen votes), with
// the same workload, seed and fault timeline.
TEST(CompareMapping, PaxosCommitFinishesWhatTheCoordinatorCrashBlocksIn2pc) {
  const Scenario src = load_file("compare-coordinator-crash.json");
  const MappedScenario pc = map_scenario(src, "paxos-commit");
  ASSERT_TRUE(pc.scenario) << pc.refusal;
  EXPECT_EQ(pc.scenario->params["participants"], 3);
  EXPECT_EQ(pc.scenario->params["transactions"], 4);
  EXPECT_EQ(pc.scenario->params["timeout_ms"], 300) << "declared by both schemas: carried over";
  ASSERT_EQ(pc.scenario->faults.size(), 2u);
  EXPECT_EQ(pc.node_map[0], 0) << "C -> C";
  std::string why;
  const auto back = read_common_workload(*pc.scenario, why);
  ASSERT_TRUE(back) << why;
  EXPECT_EQ(*back, *read_common_workload(src, why));
  auto tpc = run(src);
  auto paxos = run(*pc.scenario);
  const CompareRow a = compare_row(*tpc);
  const CompareRow b = compare_row(*paxos);
  EXPECT_GT(a.blocked, 0) << "2PC's participants wait in READY while C is down";
  EXPECT_LT(a.committed, a.transactions);
  EXPECT_EQ(b.blocked, 0) << "Paxos Commit's participants do not wait for C";
  EXPECT_EQ(b.committed, b.transactions) << "every transaction commits without C";
  EXPECT_EQ(b.transactions, 4);
  std::int64_t backup = 0;
  for (const auto& m : paxos->protocol().metrics()) backup += m.key == "backup_decisions" ? m.value : 0;
  EXPECT_GT(backup, 0) << "an acceptor led in C's place";
  EXPECT_EQ(b.invariants, static_cast<int>(paxos->invariants().size())) << "agreement, validity, chosen_once hold";
  // A refusal maps onto Paxos Commit's votes, as onto 2PC's.
  const MappedScenario votes = map_scenario(load(kTwoPc), "paxos-commit");
  ASSERT_TRUE(votes.scenario) << votes.refusal;
  EXPECT_EQ(votes.scenario->params["votes"], (nlohmann::json{{"P2", "abort"}}));
}
