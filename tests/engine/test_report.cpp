// The run report, the JSONL trace lines and the text summary.
#include <gtest/gtest.h>

#include <string>

#include "scenario/json_format.hpp"
#include "scenario/loader.hpp"
#include "scenario/report.hpp"
#include "scenario/simulation.hpp"
#include "sim_test_support.hpp"

namespace cs {
namespace {

const char* const kScenario = R"({
  "protocol": "2pc", "seed": 5, "until_ms": 3000,
  "params": { "participants": 3, "transactions": 3, "timeout_ms": 300 },
  "network": { "latency_ms": [5, 20], "loss": 0.05, "duplicate": 0.1 },
  "faults": [ { "on": { "node": "C", "state": "WAIT" }, "crash": "C" }, { "at_ms": 1500.5, "restart": "C" },
              { "at_ms": 1, "drop_next": ["C", "P1"] } ]
})";

std::unique_ptr<Simulation> make_run() {
  LoadResult r = load_scenario(kScenario, "report.json");
  EXPECT_TRUE(r.scenario.has_value());
  if (!r.scenario) return nullptr;
  Diagnostics errors;
  auto run = Simulation::create(*r.scenario, errors);
  EXPECT_TRUE(errors.empty());
  if (run) run->run();
  return run;
}

TEST(Report, HasEveryKey) {
  auto run = make_run();
  ASSERT_NE(run, nullptr);
  const auto j = run_report(*run);
  EXPECT_EQ(j["protocol"], "2pc");
  EXPECT_EQ(j["seed"], 5);
  EXPECT_EQ(j["end_ms"], 3000);
  EXPECT_EQ(j["events"], run->sim().events_dispatched());
  EXPECT_EQ(j["trace_records"], run->sim().trace().size());
  EXPECT_TRUE(j["halted"].is_null());
  ASSERT_EQ(j["nodes"].size(), 4u);
  const auto& c = j["nodes"]["C"];
  EXPECT_EQ(c["role"], "coordinator");
  for (const char* k : {"state", "up", "blocked", "txn", "locks", "log"}) EXPECT_TRUE(c.contains(k)) << k;
  ASSERT_FALSE(c["log"].empty());
  EXPECT_EQ(c["log"][0]["type"], "BEGIN");
  ASSERT_EQ(j["transactions"].size(), 3u);
  for (const auto& t : j["transactions"]) {
    EXPECT_TRUE(t["outcome"] == "committed" || t["outcome"] == "aborted") << t.dump();
    EXPECT_TRUE(t["ended_ms"].is_number());
  }
  ASSERT_FALSE(j["invariants"].empty());
  for (const auto& [k, v] : j["invariants"].items()) {
    EXPECT_EQ(v["held"], true) << k;
    EXPECT_FALSE(v["description"].get<std::string>().empty());
  }
}

TEST(Report, TraceLinesAreJsonInAFixedShape) {
  auto run = make_run();
  ASSERT_NE(run, nullptr);
  const Simulator& sim = run->sim();
  std::string all;
  append_trace_jsonl(all, sim);
  std::size_t lines = 0, seen_fault = 0, seen_drop = 0, seen_dup = 0, seen_state = 0;
  std::size_t start = 0;
  for (std::size_t end; (end = all.find('\n', start)) != std::string::npos; start = end + 1) {
    const std::string line = all.substr(start, end - start);
    const auto j = nlohmann::json::parse(line);  // throws (fails the test) on bad JSON
    EXPECT_EQ(j["seq"], lines);
    EXPECT_EQ(line.rfind("{\"seq\":", 0), 0u);
    EXPECT_EQ(line, trace_line(sim, sim.trace()[lines]));
    const std::string ev = j["ev"];
    if (ev == "fault") {
      ++seen_fault;
      EXPECT_TRUE(j.contains("fault") && j.contains("index")) << line;
    } else if (ev == "drop") {
      ++seen_drop;
      EXPECT_TRUE(j.contains("msg") && j.contains("id") && j.contains("reason")) << line;
    } else if (ev == "duplicate") {
      ++seen_dup;
    } else if (ev == "state") {
      ++seen_state;
      EXPECT_TRUE(j.contains("state") && j.contains("from") && j.contains("node")) << line;
    }
    ++lines;
  }
  EXPECT_EQ(start, all.size());  // every line ends in '\n'
  EXPECT_EQ(lines, sim.trace().size());
  EXPECT_EQ(seen_fault, 3u);
  EXPECT_GT(seen_drop, 0u);
  EXPECT_GT(seen_dup, 0u);
  EXPECT_GT(seen_state, 0u);

  // The same scenario gives the same bytes.
  auto again = make_run();
  std::string other;
  append_trace_jsonl(other, again->sim());
  EXPECT_EQ(all, other);
}

// Lines are written through a fixed buffer with a fallback: names that need escaping, names longer
// than the buffer and indices without a key still give valid JSON with the exact values.
TEST(Report, TraceLineEscapesNamesAndFitsAnyLength) {
  testing::PingProtocol proto(2);
  Simulator sim(SimConfig{}, proto);
  const std::string odd = std::string("q\"b\\s\x01") + std::string(3000, 'x');
  sim.add_node(odd, "node");
  sim.add_node("B", "node");
  TraceEvent ev;
  ev.seq = 18446744073709551615ull;
  ev.time = -9223372036854775807ll - 1;
  ev.kind = TraceKind::Send;
  ev.node = 0;
  ev.peer = 1;
  ev.key = 99;  // no such message type
  ev.msg = 4294967295u;
  ev.txn = 7;
  const std::string line = trace_line(sim, ev);
  const auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["seq"].get<std::uint64_t>(), ev.seq);
  EXPECT_EQ(j["t"].get<std::int64_t>(), ev.time);
  EXPECT_EQ(j["node"], odd);
  EXPECT_EQ(j["peer"], "B");
  EXPECT_EQ(j["msg"], "#99");
  EXPECT_EQ(j["id"], 4294967295u);
  EXPECT_NE(line.find("\"q\\\"b\\\\s\\u0001xxx"), std::string::npos) << line.substr(0, 80);
  std::string appended = "prefix";
  append_trace_line(appended, sim, ev);
  EXPECT_EQ(appended, "prefix" + line);
}

TEST(Report, TextSummary) {
  auto run = make_run();
  ASSERT_NE(run, nullptr);
  const std::string s = text_summary(*run);
  for (const char* part : {"protocol: 2pc", "seed: 5", "end: 3000 ms", "events: ", "P3", "transactions: 3",
                           "txn 1:", "invariants: all"})
    EXPECT_NE(s.find(part), std::string::npos) << part << "\n" << s;
}

TEST(Report, WrittenInPiecesIsTheSameTextAsTheWholeReport) {
  // The CLI writes the report with the logs made one record at a time; the text must not change.
  for (const int transactions : {3, 40}) {  // 40: logs too long for one line, several pieces
    const std::string text = std::string(kScenario).replace(std::string(kScenario).find("\"transactions\": 3"),
                                                           17, "\"transactions\": " + std::to_string(transactions));
    LoadResult r = load_scenario(text, "report.json");
    ASSERT_TRUE(r.scenario.has_value());
    Diagnostics errors;
    auto run = Simulation::create(*r.scenario, errors);
    ASSERT_NE(run, nullptr);
    run->run();
    auto whole = run_report(*run);
    whole["trace_sha256"] = "abc";
    std::string pieces;
    std::size_t count = 0;
    write_run_report(*run, "abc", [&](std::string_view p) {
      pieces += p;
      ++count;
    });
    EXPECT_EQ(pieces, format_json(whole) + "\n");
    EXPECT_GT(run->sim().log(0).size(), 0u);
  }
}

TEST(JsonFormat, LazyListsAreWrittenLikeListsBuiltInPlaceInSmallPieces) {
  using ojson = nlohmann::ordered_json;
  const auto element = [](std::size_t i) { return ojson{{"i", i}, {"name", "record " + std::to_string(i)}}; };
  for (const std::size_t n : {0u, 1u, 2u, 30u}) {  // empty, one line, a line, one per line
    ojson built = ojson::object();
    built["title"] = "x";
    built["list"] = ojson::array();
    for (std::size_t i = 0; i < n; ++i) built["list"].push_back(element(i));
    built["after"] = {1, 2};
    ojson lazy = built;
    lazy["list"] = ojson::array();
    std::vector<std::string> pieces;
    write_json(lazy, LazyArrays{{&lazy["list"], LazyArray{n, element}}},
               [&](std::string_view p) { pieces.emplace_back(p); }, 100, 64);
    std::string joined;
    for (const auto& p : pieces) {
      EXPECT_LT(p.size(), 64u + 100u) << "a piece is about `chunk` bytes, never the whole text";
      joined += p;
    }
    EXPECT_EQ(joined, format_json(built)) << n;
    if (n == 30) {
      EXPECT_GT(pieces.size(), 5u);
    }
  }
}

}  // namespace
}  // namespace cs

TEST(RunReport, IncludesProtocolMetrics) {
  cs::Scenario sc;
  sc.protocol = "saga-orchestration";
  sc.until = cs::ms(3000);
  cs::Diagnostics errors;
  auto run = cs::Simulation::create(sc, errors);
  ASSERT_TRUE(run) << (errors.empty() ? "" : errors[0].to_string());
  run->run();
  const auto report = cs::run_report(*run);
  ASSERT_TRUE(report.contains("metrics"));
  ASSERT_TRUE(report["metrics"].contains("run"));
  EXPECT_EQ(report["metrics"]["run"]["sagas_started"].get<std::int64_t>(), 1);
  // Per-node figures sit under the node's name (2PC: locks held per participant).
  cs::Scenario two;
  two.protocol = "2pc";
  two.until = cs::ms(3000);
  auto run2 = cs::Simulation::create(two, errors);
  ASSERT_TRUE(run2);
  run2->run();
  const auto r2 = cs::run_report(*run2);
  EXPECT_EQ(r2["metrics"]["run"]["txns_committed"].get<std::int64_t>(), 1);
  ASSERT_TRUE(r2["metrics"].contains("P1"));
  EXPECT_EQ(r2["metrics"]["P1"]["locks_held"].get<std::int64_t>(), 0);
}
