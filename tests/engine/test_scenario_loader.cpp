// Scenario files: the loader's checks (with file, line, column and path), the writer round trip, and
// the shipped scenarios in resources/scenarios.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "protocols/registry.hpp"
#include "scenario/json_positions.hpp"
#include "scenario/loader.hpp"
#include "text_test_support.hpp"

namespace cs {
namespace {

// A valid scenario in the issue's format, one fault per line so tests can name lines.
const char* const kValid = R"({
  "title": "example",
  "protocol": "2pc", "seed": 42, "until_ms": 5000,
  "params": { "participants": 3, "transactions": 1, "votes": { "P2": "abort" }, "timeout_ms": 300 },
  "network": { "latency_ms": [5, 20.5], "loss": 0.0, "duplicate": 0.25 },
  "faults": [
    { "at_ms": 400, "crash": "C" },
    { "on": { "node": "C", "state": "WAIT" }, "crash": "C" },
    { "on": { "sent": "PREPARE", "from": "C", "nth": 2 }, "cut": ["C", "P3"] },
    { "at_ms": 900, "restart": "C" },
    { "at_ms": 950, "heal": ["C", "P3"] },
    { "at_ms": 10, "partition": [["C", "P1"], ["P2", "P3"]] },
    { "at_ms": 12.345, "heal": "all" },
    { "after_event": 7, "heal_partition": true },
    { "on": { "node": "P1", "state": "READY", "txn": 1 }, "drop_next": ["P1", "C"] },
    { "at_ms": 0, "duplicate_next": ["C", "P2"] },
    { "at_ms": 1, "network": { "latency_ms": [1, 2], "loss": 0.125 } }
  ],
  "layout": { "P1": [10, 20.5], "C": [0, 0] }
})";

LoadResult load(const std::string& text) { return load_scenario(text, "test.json"); }

// The diagnostic with this exact path, or nullptr.
const Diagnostic* find(const LoadResult& r, const std::string& path) {
  for (const auto& d : r.diagnostics)
    if (d.path == path) return &d;
  return nullptr;
}

std::string all(const LoadResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics) s += d.to_string() + "\n";
  return s;
}

// Replaces the first occurrence of `from` in kValid.
std::string valid_with(const std::string& from, const std::string& to) {
  std::string s = kValid;
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

void expect_error(const LoadResult& r, const std::string& path, int line, const std::string& words) {
  ASSERT_FALSE(r.scenario.has_value());
  const Diagnostic* d = find(r, path);
  ASSERT_NE(d, nullptr) << "no diagnostic for " << path << "; got:\n" << all(r);
  EXPECT_EQ(d->file, "test.json");
  EXPECT_EQ(d->line, line) << d->to_string();
  EXPECT_GT(d->column, 0) << d->to_string();
  EXPECT_NE(d->message.find(words), std::string::npos) << d->to_string();
}

bool same_fault(const Fault& a, const Fault& b) {
  const auto& x = a.trigger;
  const auto& y = b.trigger;
  return x.kind == y.kind && x.time == y.time && x.node == y.node && x.state == y.state && x.txn == y.txn &&
         x.msg_type == y.msg_type && x.nth == y.nth && a.action.kind == b.action.kind && a.action.a == b.action.a &&
         a.action.b == b.action.b && a.action.groups == b.action.groups && a.action.network == b.action.network;
}

TEST(ScenarioLoader, ValidFileLoads) {
  const LoadResult r = load(kValid);
  ASSERT_TRUE(r.scenario.has_value()) << all(r);
  EXPECT_TRUE(r.diagnostics.empty());
  const Scenario& s = *r.scenario;
  EXPECT_EQ(s.file, "test.json");
  EXPECT_EQ(s.title, "example");
  EXPECT_EQ(s.protocol, "2pc");
  EXPECT_EQ(s.seed, 42u);
  EXPECT_EQ(s.until, ms(5000));
  EXPECT_EQ(s.params["participants"], 3);
  EXPECT_EQ(s.network.latency_lo, ms(5));
  EXPECT_EQ(s.network.latency_hi, 20'500);
  EXPECT_EQ(s.network.duplicate, (Ratio{250'000, Ratio::kPpm}));
  ASSERT_EQ(s.faults.size(), 11u);

  EXPECT_EQ(s.faults[0].trigger.kind, TriggerKind::AtTime);
  EXPECT_EQ(s.faults[0].trigger.time, ms(400));
  EXPECT_EQ(s.faults[0].action.kind, FaultKind::Crash);
  EXPECT_EQ(s.faults[0].action.a, 0);

  EXPECT_EQ(s.faults[1].trigger.kind, TriggerKind::OnState);
  EXPECT_EQ(s.faults[1].trigger.node, 0);
  EXPECT_EQ(s.faults[1].trigger.state, 1);  // WAIT
  EXPECT_EQ(s.faults[1].trigger.txn, 0u);

  EXPECT_EQ(s.faults[2].trigger.kind, TriggerKind::OnSent);
  EXPECT_EQ(s.faults[2].trigger.msg_type, 0);  // PREPARE
  EXPECT_EQ(s.faults[2].trigger.node, 0);
  EXPECT_EQ(s.faults[2].trigger.nth, 2u);
  EXPECT_EQ(s.faults[2].action.kind, FaultKind::Cut);
  EXPECT_EQ(s.faults[2].action.a, 0);
  EXPECT_EQ(s.faults[2].action.b, 3);

  EXPECT_EQ(s.faults[5].action.kind, FaultKind::Partition);
  EXPECT_EQ(s.faults[5].action.groups, (std::vector<std::vector<NodeId>>{{0, 1}, {2, 3}}));
  EXPECT_EQ(s.faults[6].trigger.time, 12'345);
  EXPECT_EQ(s.faults[6].action.kind, FaultKind::HealAll);
  EXPECT_EQ(s.faults[7].trigger.kind, TriggerKind::AfterEvent);
  EXPECT_EQ(s.faults[7].trigger.nth, 7u);
  EXPECT_EQ(s.faults[7].action.kind, FaultKind::HealPartition);
  EXPECT_EQ(s.faults[8].trigger.txn, 1u);
  EXPECT_EQ(s.faults[8].action.kind, FaultKind::DropNext);
  EXPECT_EQ(s.faults[9].action.kind, FaultKind::DuplicateNext);

  // A fault's network starts from the scenario's network for the keys it leaves out.
  EXPECT_EQ(s.faults[10].action.kind, FaultKind::SetNetwork);
  EXPECT_EQ(s.faults[10].action.network.latency_hi, ms(2));
  EXPECT_EQ(s.faults[10].action.network.loss, (Ratio{125'000, Ratio::kPpm}));
  EXPECT_EQ(s.faults[10].action.network.duplicate, s.network.duplicate);

  // Layout comes back in node order, whatever the key order in the file.
  ASSERT_EQ(s.layout.size(), 2u);
  EXPECT_EQ(s.layout[0], (NodeLayout{"C", 0, 0}));
  EXPECT_EQ(s.layout[1], (NodeLayout{"P1", 10, 20.5}));
}

TEST(ScenarioLoader, DefaultsWhenOptionalKeysAreMissing) {
  const LoadResult r = load(R"({"protocol": "2pc"})");
  ASSERT_TRUE(r.scenario.has_value()) << all(r);
  EXPECT_EQ(r.scenario->seed, 1u);
  EXPECT_EQ(r.scenario->until, ms(5000));
  EXPECT_EQ(r.scenario->network, NetworkSettings{});
  EXPECT_TRUE(r.scenario->faults.empty());
}

TEST(ScenarioLoader, ChineseTitleAndDescription) {
  const LoadResult r = load(valid_with(R"("title": "example",)",
                                       R"("title": "example", "title_zh": "範例：協調者當機", "description": "what happens",
  "description_zh": "參與者阻塞在 READY",)"));
  ASSERT_TRUE(r.scenario.has_value()) << all(r);
  EXPECT_EQ(r.scenario->title, "example");
  EXPECT_EQ(r.scenario->title_zh, "範例：協調者當機");
  EXPECT_EQ(r.scenario->description, "what happens");
  EXPECT_EQ(r.scenario->description_zh, "參與者阻塞在 READY");
  // Both are optional ...
  const LoadResult plain = load(kValid);
  ASSERT_TRUE(plain.scenario.has_value()) << all(plain);
  EXPECT_TRUE(plain.scenario->title_zh.empty());
  EXPECT_TRUE(plain.scenario->description_zh.empty());
  // ... strings like title and description ...
  expect_error(load(valid_with(R"("title": "example")", R"("title": "example", "title_zh": 7)")), "title_zh", 2,
               "title_zh must be a string");
  expect_error(load(valid_with(R"("title": "example")", R"("title": "example", "description_zh": ["x"])")),
               "description_zh", 2, "description_zh must be a string");
  // ... and a misspelt one is still an unknown key, whose message lists them.
  const LoadResult typo = load(valid_with(R"("title": "example")", R"("title": "example", "title_tw": "範例")"));
  expect_error(typo, "title_tw", 2, "unknown key \"title_tw\"");
  EXPECT_NE(find(typo, "title_tw")->message.find("title_zh"), std::string::npos) << find(typo, "title_tw")->message;
  EXPECT_NE(find(typo, "title_tw")->message.find("description_zh"), std::string::npos);
  expect_error(load("{\"protocol\": \"2pc\",\n \"title_zh\": \"a\", \"title_zh\": \"b\"}"), "title_zh", 2,
               "duplicate key");
}

TEST(ScenarioLoader, SyntaxErrorHasLineAndColumn) {
  const LoadResult r = load("{\n  \"protocol\": \"2pc\",\n  \"seed\": 4 2\n}\n");
  ASSERT_FALSE(r.scenario.has_value());
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.line, 3);
  EXPECT_EQ(d.column, 13);  // the second number
  EXPECT_NE(d.message.find("syntax error"), std::string::npos) << d.message;
  EXPECT_EQ(d.to_string().rfind("test.json:3:13: ", 0), 0u) << d.to_string();
}

TEST(ScenarioLoader, SyntaxErrorAtEndOfInput) {
  const LoadResult r = load("{\n  \"protocol\": \"2pc\"");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r);
  EXPECT_EQ(r.diagnostics[0].line, 2);
  EXPECT_NE(r.diagnostics[0].message.find("end of input"), std::string::npos);
}

TEST(ScenarioLoader, DuplicateKeyIsAnError) {
  const LoadResult r = load("{\"protocol\": \"2pc\",\n \"seed\": 1,\n \"seed\": 2}");
  expect_error(r, "seed", 3, "duplicate key");
}

TEST(ScenarioLoader, UnknownTopLevelKey) {
  const LoadResult r = load("{\"protocol\": \"2pc\",\n  \"sede\": 3}");
  expect_error(r, "sede", 2, "unknown key \"sede\"");
  EXPECT_NE(find(r, "sede")->message.find("seed"), std::string::npos);  // lists the allowed keys
  EXPECT_EQ(find(r, "sede")->column, 3);                                // points at the key
}

TEST(ScenarioLoader, UnknownNodeInFault) {
  const LoadResult r = load(valid_with(R"({ "at_ms": 900, "restart": "C" })", R"({ "at_ms": 900, "restart": "P9" })"));
  expect_error(r, "faults[3].restart", 10, "unknown node \"P9\"");
  EXPECT_NE(find(r, "faults[3].restart")->message.find("C, P1, P2, P3"), std::string::npos);
}

TEST(ScenarioLoader, BadLatencyRange) {
  const LoadResult r = load(valid_with("[5, 20.5]", "[30, 20.5]"));
  expect_error(r, "network.latency_ms", 5, "backwards");
  const LoadResult neg = load(valid_with("[5, 20.5]", "[-1, 20.5]"));
  expect_error(neg, "network.latency_ms[0]", 5, "between 0 and");
  const LoadResult shape = load(valid_with("[5, 20.5]", "5"));
  expect_error(shape, "network.latency_ms", 5, "range");
}

TEST(ScenarioLoader, UnknownStateName) {
  const LoadResult r = load(valid_with(R"("state": "WAIT")", R"("state": "WAITING")"));
  expect_error(r, "faults[1].on.state", 8, "unknown state \"WAITING\"");
}

TEST(ScenarioLoader, StateOfAnotherRole) {
  const LoadResult r = load(valid_with(R"("node": "C", "state": "WAIT")", R"("node": "P2", "state": "WAIT")"));
  expect_error(r, "faults[1].on.state", 8, "never enters WAIT");
  const LoadResult c = load(valid_with(R"("node": "C", "state": "WAIT")", R"("node": "C", "state": "READY")"));
  expect_error(c, "faults[1].on.state", 8, "coordinator");
}

TEST(ScenarioLoader, NthZero) {
  const LoadResult r = load(valid_with(R"("nth": 2)", R"("nth": 0)"));
  expect_error(r, "faults[2].on.nth", 9, "at least 1");
}

TEST(ScenarioLoader, UnknownMessage) {
  const LoadResult r = load(valid_with(R"("sent": "PREPARE")", R"("sent": "PREPARED")"));
  expect_error(r, "faults[2].on.sent", 9, "unknown message \"PREPARED\"");
}

TEST(ScenarioLoader, PartitionListingANodeTwice) {
  const LoadResult r = load(valid_with(R"([["C", "P1"], ["P2", "P3"]])", R"([["C", "P1"], ["P2", "P1"]])"));
  expect_error(r, "faults[5].partition[1][1]", 12, "listed twice");
}

TEST(ScenarioLoader, LinkToItself) {
  const LoadResult r = load(valid_with(R"("heal": ["C", "P3"])", R"("heal": ["P3", "P3"])"));
  expect_error(r, "faults[4].heal", 11, "two different nodes");
}

TEST(ScenarioLoader, UnknownProtocol) {
  const LoadResult r = load("{\n  \"protocol\": \"3pcx\"\n}");
  expect_error(r, "protocol", 2, "unknown protocol \"3pcx\"");
  EXPECT_NE(find(r, "protocol")->message.find("2pc"), std::string::npos);  // lists the known ones
}

TEST(ScenarioLoader, MissingProtocolPointsAtTheObject) {
  const LoadResult r = load("\n  {\"seed\": 3}");
  expect_error(r, "protocol", 2, "missing key \"protocol\"");
  EXPECT_EQ(find(r, "protocol")->column, 3);
}

TEST(ScenarioLoader, WrongTypes) {
  expect_error(load(valid_with(R"("seed": 42)", R"("seed": "42")")), "seed", 3, "whole number");
  expect_error(load(valid_with(R"("seed": 42)", R"("seed": -42)")), "seed", 3, "whole number");
  expect_error(load(valid_with(R"("seed": 42)", R"("seed": 4.2)")), "seed", 3, "whole number");
  expect_error(load(valid_with(R"("until_ms": 5000)", R"("until_ms": true)")), "until_ms", 3, "number");
  expect_error(load(valid_with(R"("until_ms": 5000)", R"("until_ms": 0)")), "until_ms", 3, "between 0.001");
  expect_error(load(valid_with(R"("title": "example")", R"("title": 7)")), "title", 2, "string");
  expect_error(load(valid_with(R"("loss": 0.0)", R"("loss": 2)")), "network.loss", 5, "between 0 and 1");
  expect_error(load(valid_with(R"("faults": [)", R"("faults": 3, "x": [)")), "faults", 6, "list");
  expect_error(load(valid_with(R"("crash": "C" },)", R"("crash": ["C"] },)")), "faults[0].crash", 7, "string");
  expect_error(load(valid_with(R"("heal_partition": true)", R"("heal_partition": 1)")), "faults[7].heal_partition",
               14, "must be true");
  expect_error(load(valid_with(R"("P1": [10, 20.5])", R"("P1": [10])")), "layout.P1", 19, "[x, y]");
  expect_error(load(valid_with(R"("P1": [10, 20.5])", R"("P7": [10, 20])")), "layout.P7", 19, "unknown node");
  expect_error(load("[1, 2]"), "", 1, "JSON object");
}

TEST(ScenarioLoader, TriggerAndActionCounts) {
  expect_error(load(valid_with(R"({ "at_ms": 400, "crash": "C" })", R"({ "crash": "C" })")), "faults[0]", 7,
               "no trigger");
  expect_error(load(valid_with(R"({ "at_ms": 400, "crash": "C" })", R"({ "at_ms": 1, "on": { "node": "C", "state": "WAIT" }, "crash": "C" })")),
               "faults[0]", 7, "2 triggers");
  expect_error(load(valid_with(R"({ "at_ms": 400, "crash": "C" })", R"({ "at_ms": 1 })")), "faults[0]", 7,
               "does nothing");
  expect_error(load(valid_with(R"({ "at_ms": 400, "crash": "C" })", R"({ "at_ms": 1, "crash": "C", "restart": "C" })")),
               "faults[0]", 7, "2 actions");
  expect_error(load(valid_with(R"({ "at_ms": 400, "crash": "C" })", R"({ "at_ms": 1, "crash": "C", "why": 1 })")),
               "faults[0].why", 7, "unknown key \"why\"");
  expect_error(load(valid_with(R"("from": "C", "nth": 2)", R"("from": "C", "nth": 2, "state": "WAIT")")),
               "faults[2].on", 9, "not both");
}

TEST(ScenarioLoader, ParamErrorsGetPositions) {
  const LoadResult r = load(valid_with(R"("participants": 3)", R"("participants": 3, "colour": 1)"));
  expect_error(r, "params.colour", 4, "");
  const LoadResult v = load(valid_with(R"("P2": "abort")", R"("P2": "maybe")"));
  expect_error(v, "params.votes.P2", 4, "");
}

TEST(ScenarioLoader, AllErrorsAreReportedInLineOrder) {
  std::string text = valid_with(R"("seed": 42)", R"("seed": "x")");
  text.replace(text.find(R"("restart": "C")"), 14, R"("restart": "Q")");
  text.replace(text.find(R"("nth": 2)"), 8, R"("nth": 0)");
  text.replace(text.find(R"("latency_ms": [1, 2])"), 20, R"("latency_ms": [3, 2])");
  // A params error must not hide the fault errors.
  text.replace(text.find(R"("timeout_ms": 300)"), 17, R"("timeout_ms": -1)");
  const LoadResult r = load(text);
  ASSERT_FALSE(r.scenario.has_value());
  EXPECT_EQ(r.diagnostics.size(), 5u) << all(r);
  EXPECT_NE(find(r, "seed"), nullptr);
  EXPECT_NE(find(r, "params.timeout_ms"), nullptr) << all(r);
  EXPECT_NE(find(r, "faults[3].restart"), nullptr);
  EXPECT_NE(find(r, "faults[2].on.nth"), nullptr);
  EXPECT_NE(find(r, "faults[10].network.latency_ms"), nullptr);
  EXPECT_TRUE(std::is_sorted(r.diagnostics.begin(), r.diagnostics.end(), [](const auto& a, const auto& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  }));
}

TEST(ScenarioWriter, RoundTrip) {
  const LoadResult first = load(kValid);
  ASSERT_TRUE(first.scenario.has_value()) << all(first);
  Diagnostics ignored;
  auto protocol = find_protocol("2pc")->create(first.scenario->params, ignored);
  ASSERT_NE(protocol, nullptr);
  const std::string text = scenario_to_text(*first.scenario, *protocol);
  const LoadResult second = load(text);
  ASSERT_TRUE(second.scenario.has_value()) << all(second) << text;
  const Scenario& a = *first.scenario;
  const Scenario& b = *second.scenario;
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.description, b.description);
  EXPECT_EQ(a.protocol, b.protocol);
  EXPECT_EQ(a.seed, b.seed);
  EXPECT_EQ(a.until, b.until);
  EXPECT_EQ(a.params, b.params);
  EXPECT_EQ(a.network, b.network);
  EXPECT_EQ(a.layout, b.layout);
  ASSERT_EQ(a.faults.size(), b.faults.size());
  for (std::size_t i = 0; i < a.faults.size(); ++i) EXPECT_TRUE(same_fault(a.faults[i], b.faults[i])) << "fault " << i;
  // Times keep µs precision in ms notation.
  EXPECT_NE(text.find("\"at_ms\": 12.345"), std::string::npos) << text;
  // And writing again gives the same text.
  EXPECT_EQ(scenario_to_text(b, *protocol), text);
}

TEST(ScenarioWriter, RoundTripKeepsChineseTitleAndDescription) {
  const LoadResult first = load(valid_with(R"("title": "example",)",
                                           R"("title": "example", "title_zh": "範例：協調者當機", "description": "what happens",
  "description_zh": "參與者阻塞在 READY，握著「鎖」",)"));
  ASSERT_TRUE(first.scenario.has_value()) << all(first);
  Diagnostics ignored;
  auto protocol = find_protocol("2pc")->create(first.scenario->params, ignored);
  ASSERT_NE(protocol, nullptr);
  const std::string text = scenario_to_text(*first.scenario, *protocol);
  // Written as UTF-8 text, not as escapes, each right after its English key.
  const auto title = text.find("\"title\": \"example\"");
  const auto title_zh = text.find("\"title_zh\": \"範例：協調者當機\"");
  const auto description = text.find("\"description\": \"what happens\"");
  const auto description_zh = text.find("\"description_zh\": \"參與者阻塞在 READY，握著「鎖」\"");
  ASSERT_NE(title_zh, std::string::npos) << text;
  ASSERT_NE(description_zh, std::string::npos) << text;
  EXPECT_LT(title, title_zh);
  EXPECT_LT(title_zh, description);
  EXPECT_LT(description, description_zh);
  EXPECT_LT(description_zh, text.find("\"protocol\""));
  const LoadResult second = load(text);
  ASSERT_TRUE(second.scenario.has_value()) << all(second) << text;
  EXPECT_EQ(second.scenario->title, "example");
  EXPECT_EQ(second.scenario->title_zh, first.scenario->title_zh);
  EXPECT_EQ(second.scenario->description, first.scenario->description);
  EXPECT_EQ(second.scenario->description_zh, first.scenario->description_zh);
  EXPECT_EQ(scenario_to_text(*second.scenario, *protocol), text);
  // A scenario without them is written without them.
  Scenario s = *second.scenario;
  s.title_zh.clear();
  s.description_zh.clear();
  const std::string without = scenario_to_text(s, *protocol);
  EXPECT_EQ(without.find("_zh"), std::string::npos) << without;
}

TEST(ScenarioWriter, RoundTripOfOddValues) {
  Scenario s;
  s.protocol = "2pc";
  s.seed = 18'446'744'073'709'551'615ull;
  s.until = 1;  // 0.001 ms
  s.network.latency_lo = 1;
  s.network.latency_hi = 999'999'999;
  s.network.loss = Ratio{1, Ratio::kPpm};
  s.network.duplicate = Ratio{Ratio::kPpm, Ratio::kPpm};
  Fault f;
  f.trigger.kind = TriggerKind::OnSent;
  f.trigger.msg_type = 6;
  f.trigger.nth = 1'000'000;
  f.action.kind = FaultKind::Partition;
  f.action.groups = {{3}};
  s.faults.push_back(f);
  Diagnostics ignored;
  auto protocol = find_protocol("2pc")->create(s.params, ignored);
  ASSERT_NE(protocol, nullptr);
  const LoadResult r = load(scenario_to_text(s, *protocol));
  ASSERT_TRUE(r.scenario.has_value()) << all(r);
  EXPECT_EQ(r.scenario->seed, s.seed);
  EXPECT_EQ(r.scenario->until, s.until);
  EXPECT_EQ(r.scenario->network, s.network);
  ASSERT_EQ(r.scenario->faults.size(), 1u);
  EXPECT_TRUE(same_fault(r.scenario->faults[0], f));
}

TEST(JsonPositions, PathsAndPositions) {
  const auto p = parse_json_with_positions("{\"a\": [1, {\"b\": \"x\"}],\n \"c\": 2.5}", "f");
  ASSERT_TRUE(p.parsed);
  EXPECT_TRUE(p.ok());
  EXPECT_EQ(p.value_pos("").line, 1);
  EXPECT_EQ(p.value_pos("a[1].b").column, 17);
  EXPECT_EQ(p.key_pos("a[1].b").column, 12);
  EXPECT_EQ(p.value_pos("c").line, 2);
  EXPECT_EQ(p.value_pos("c").column, 7);
  EXPECT_EQ(p.key_pos("c").column, 2);
  EXPECT_EQ(p.value_pos("a[1].b.nope").column, 17);  // falls back to the nearest known parent
  EXPECT_EQ(json_path_parent("faults[2].on.node"), "faults[2].on");
  EXPECT_EQ(json_path_parent("faults[2]"), "faults");
  EXPECT_EQ(json_path_parent("faults[2][1]"), "faults[2]");
  EXPECT_EQ(json_path_parent("seed"), "");
}

TEST(JsonPositions, ColumnsCountCharactersNotBytes) {
  const auto p = parse_json_with_positions("{\"t\": \"héllo\", \"x\": 1}", "f");
  ASSERT_TRUE(p.parsed);
  EXPECT_EQ(p.key_pos("x").column, 16);
}

TEST(JsonPositions, AbsurdNestingIsAnErrorNotAnOutOfMemory) {
  const std::string text = "{\"protocol\": \"2pc\", \"params\": " + std::string(100'000, '[') + std::string(100'000, ']') + "}";
  const LoadResult r = load(text);
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_NE(r.diagnostics[0].message.find("nested"), std::string::npos);
}

TEST(JsonPositions, ByteOrderMarkIsSkipped) {
  const LoadResult r = load("\xEF\xBB\xBF{\"protocol\": \"2pc\", \"seed\": true}");
  expect_error(r, "seed", 1, "whole number");
  EXPECT_EQ(find(r, "seed")->column, 29);  // the invisible BOM takes no column
}

TEST(ShippedScenarios, AllLoadWithoutDiagnostics) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(COMMITSCOPE_SOURCE_DIR) / "resources" / "scenarios";
  ASSERT_TRUE(fs::is_directory(dir)) << dir;
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const LoadResult r = load_scenario(buf.str(), entry.path().string());
    EXPECT_TRUE(r.scenario.has_value()) << all(r);
    EXPECT_FALSE(r.scenario && r.scenario->title.empty()) << entry.path() << " needs a title";
    ++count;
  }
  EXPECT_GE(count, 7);
}

// The GUI shows title_zh and description_zh in Traditional Chinese, so every shipped scenario has
// both, in Chinese, with the glossary's Taiwan terms rather than their mainland forms.
TEST(ShippedScenarios, EveryOneHasAChineseTitleAndDescription) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(COMMITSCOPE_SOURCE_DIR) / "resources" / "scenarios";
  const char* const not_taiwan[] = {"网络", "網絡", "消息", "服務器", "数据", "數據庫", "內存", "默認", "副本", "客戶端", "故障轉移"};
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    const LoadResult r = load_scenario(buf.str(), entry.path().string());
    ASSERT_TRUE(r.scenario.has_value()) << all(r);
    const Scenario& s = *r.scenario;
    EXPECT_FALSE(s.title_zh.empty()) << "needs a title_zh";
    EXPECT_FALSE(s.description_zh.empty()) << "needs a description_zh";
    EXPECT_TRUE(has_cjk(s.title_zh)) << s.title_zh;
    EXPECT_TRUE(has_cjk(s.description_zh)) << s.description_zh;
    EXPECT_NE(s.title_zh, s.title);
    for (const char* word : not_taiwan) {
      EXPECT_EQ(s.title_zh.find(word), std::string::npos) << word << " in " << s.title_zh;
      EXPECT_EQ(s.description_zh.find(word), std::string::npos) << word << " in " << s.description_zh;
    }
    ++count;
  }
  EXPECT_GE(count, 41);
}

}  // namespace
}  // namespace cs
