// Hostile numbers and bytes in scenario files (issue 14): values out of an integer's range are
// refused with the allowed range before any conversion, and messages say what is really wrong
// (too large, a zero byte, UTF-16, a trace limit) instead of something misleading.
#include <gtest/gtest.h>

#include <string>

#include "protocols/registry.hpp"
#include "scenario/lesson_walker.hpp"
#include "scenario/loader.hpp"
#include "scenario/number_rules.hpp"
#include "scenario/simulation.hpp"

namespace cs {
namespace {

std::string scenario_with(const std::string& top, const std::string& params = R"({"participants": 2})") {
  return "{\n  \"protocol\": \"2pc\",\n  \"params\": " + params + ",\n  " + top + "\n}\n";
}

std::string all(const LoadResult& r) {
  std::string s;
  for (const auto& d : r.diagnostics) s += d.to_string() + "\n";
  return s;
}

// The one diagnostic of `r`, which must be about `path` on `line`.
Diagnostic only_error(const LoadResult& r, const std::string& path, int line) {
  EXPECT_FALSE(r.scenario.has_value());
  EXPECT_EQ(r.diagnostics.size(), 1u) << all(r);
  if (r.diagnostics.empty()) return {};
  const Diagnostic& d = r.diagnostics.front();
  EXPECT_EQ(d.path, path) << all(r);
  EXPECT_EQ(d.line, line) << all(r);
  EXPECT_EQ(d.file, "hostile.json");
  return d;
}

bool has(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

// ---- item 5: out-of-range doubles are never converted to integers ----

TEST(InputRules, HugeParticipantsIsOutOfRangeNotAWrappedNumber) {
  const auto r = load_scenario(scenario_with(R"("seed": 1)", R"({"participants": 1e300})"), "hostile.json");
  const Diagnostic d = only_error(r, "params.participants", 3);
  EXPECT_TRUE(has(d.message, "is 1e+300 but must be between 1 and 16")) << d.to_string();
}

TEST(InputRules, MaxUnsignedTransactionsIsNotMinusOne) {
  const auto r =
      load_scenario(scenario_with(R"("seed": 1)", R"({"participants": 2, "transactions": 18446744073709551615})"),
                    "hostile.json");
  const Diagnostic d = only_error(r, "params.transactions", 3);
  EXPECT_TRUE(has(d.message, "is 18446744073709551615 but must be between 1 and 1000000")) << d.to_string();
  EXPECT_FALSE(has(d.message, "-1")) << d.to_string();
}

// Issue 18: 2PC keeps only a window of unfinished transactions, so it accepts a run of 1,000,000;
// one more is refused with the file, the line and the range, as every other out-of-range value.
TEST(InputRules, TwoPhaseCommitAcceptsAMillionTransactions) {
  const auto r = load_scenario(scenario_with(R"("seed": 1)", R"({"participants": 5, "transactions": 1000000})"),
                               "hostile.json");
  EXPECT_TRUE(r.scenario.has_value()) << all(r);
  EXPECT_TRUE(r.diagnostics.empty()) << all(r);
}

TEST(InputRules, TwoPhaseCommitRefusesOneTransactionAboveTheCap) {
  const auto r = load_scenario(scenario_with(R"("seed": 1)", R"({"participants": 5, "transactions": 1000001})"),
                               "hostile.json");
  const Diagnostic d = only_error(r, "params.transactions", 3);
  EXPECT_TRUE(has(d.message, "is 1000001 but must be between 1 and 1000000")) << d.to_string();
}

// The protocols that keep every transaction still stop at 100,000 (3PC shares 2PC's key).
TEST(InputRules, ThreePhaseCommitStillStopsAtAHundredThousand) {
  const std::string text = "{\n  \"protocol\": \"3pc\",\n  \"params\": {\"transactions\": 100001},\n  \"seed\": 1\n}\n";
  const auto r = load_scenario(text, "hostile.json");
  const Diagnostic d = only_error(r, "params.transactions", 3);
  EXPECT_TRUE(has(d.message, "is 100001 but must be between 1 and 100000")) << d.to_string();
}

TEST(InputRules, NegativeHugeIntegerParamIsReportedAsGiven) {
  const auto r = load_scenario(scenario_with(R"("seed": 1)", R"({"participants": -1e300})"), "hostile.json");
  EXPECT_TRUE(has(only_error(r, "params.participants", 3).message, "is -1e+300 but must be between 1 and 16"));
}

TEST(InputRules, HugeLayoutCoordinateIsRefusedWithItsRange) {
  const auto r = load_scenario(scenario_with(R"("layout": { "C": [1e300, 0] })"), "hostile.json");
  const Diagnostic d = only_error(r, "layout.C[0]", 4);
  EXPECT_TRUE(has(d.message, "between -1000000 and 1000000")) << d.to_string();
  EXPECT_TRUE(has(d.message, "1e+300")) << d.to_string();
}

// Save converts whole coordinates to integers; one far outside int64 (which the GUI could only get
// from a bug) must be written as a number, not converted (undefined behaviour, caught by
// -fsanitize=float-cast-overflow).
TEST(InputRules, SavingAHugeCoordinateWritesItAsANumber) {
  const auto r = load_scenario(scenario_with(R"("seed": 1)"), "ok.json");
  ASSERT_TRUE(r.scenario) << all(r);
  Scenario s = *r.scenario;
  s.layout.push_back(NodeLayout{"C", 1e300, -1e300});
  Diagnostics errors;
  auto run = Simulation::create(s, errors);
  ASSERT_TRUE(run);
  const std::string text = scenario_to_text(s, run->protocol());
  EXPECT_TRUE(has(text, "1e+300")) << text;
  EXPECT_TRUE(has(text, "-1e+300")) << text;
}

// ---- item 7: messages that say what is wrong ----

TEST(InputRules, SeedMinusZeroIsZero) {
  const auto r = load_scenario(scenario_with(R"("seed": -0)"), "hostile.json");
  ASSERT_TRUE(r.scenario) << all(r);
  EXPECT_EQ(r.scenario->seed, 0u);
}

TEST(InputRules, SeedTwoToThe64IsTooLargeWithTheMaximum) {
  const auto r = load_scenario(scenario_with(R"("seed": 18446744073709551616)"), "hostile.json");
  const Diagnostic d = only_error(r, "seed", 4);
  EXPECT_TRUE(has(d.message, "too large")) << d.to_string();
  EXPECT_TRUE(has(d.message, "18446744073709551615")) << d.to_string();
  // The largest seed itself is fine.
  EXPECT_TRUE(load_scenario(scenario_with(R"("seed": 18446744073709551615)"), "ok.json").scenario);
}

TEST(InputRules, WholeNumberTextFollowsTheFileRule) {
  using P = WholeNumber::Problem;
  EXPECT_EQ(read_whole_number(std::string_view("-0")).problem, P::None);
  EXPECT_EQ(read_whole_number(std::string_view("18446744073709551615")).value, 18446744073709551615ull);
  EXPECT_EQ(read_whole_number(std::string_view("18446744073709551616")).problem, P::TooLarge);
  EXPECT_EQ(read_whole_number(std::string_view("99999999999999999999999")).problem, P::TooLarge);
  EXPECT_EQ(read_whole_number(std::string_view("-3")).problem, P::Negative);
  EXPECT_EQ(read_whole_number(std::string_view("1.5")).problem, P::NotWhole);
  EXPECT_EQ(read_whole_number(std::string_view("")).problem, P::NotWhole);
  EXPECT_EQ(read_whole_number(std::string_view("12x")).problem, P::NotWhole);
  EXPECT_EQ(read_whole_number(nlohmann::json::parse("18446744073709551616")).problem, P::TooLarge);
}

TEST(InputRules, UntilBelowOneMicrosecondIsRefusedInAFileAsOnTheCommandLine) {
  const auto r = load_scenario(scenario_with(R"("until_ms": 1e-9)"), "hostile.json");
  EXPECT_TRUE(has(only_error(r, "until_ms", 4).message, "between 0.001"));
  EXPECT_FALSE(until_ms_allowed(1e-9));
  EXPECT_FALSE(until_ms_allowed(0));
  EXPECT_FALSE(until_ms_allowed(1e300));
  EXPECT_TRUE(until_ms_allowed(0.001));
  EXPECT_EQ(until_from_ms(0.001), 1);
  EXPECT_TRUE(load_scenario(scenario_with(R"("until_ms": 0.001)"), "ok.json").scenario);
}

TEST(InputRules, NulByteIsNamedWithItsPosition) {
  std::string text = scenario_with(R"("seed": 1)");
  text.insert(text.find("\"seed\""), 1, '\0');  // line 4, column 3
  const auto r = load_scenario(text, "hostile.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r);
  const Diagnostic& d = r.diagnostics.front();
  EXPECT_EQ(d.line, 4);
  EXPECT_EQ(d.column, 3);
  EXPECT_TRUE(has(d.message, "NUL byte at line 4 column 3")) << d.to_string();
  EXPECT_FALSE(has(d.message, "end of input")) << d.to_string();
}

TEST(InputRules, NulByteAfterACompleteObjectIsNotIgnored) {
  std::string text = scenario_with(R"("seed": 1)");
  text += std::string(1, '\0') + "garbage";
  const auto r = load_scenario(text, "hostile.json");
  EXPECT_FALSE(r.scenario);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r);
  EXPECT_TRUE(has(r.diagnostics.front().message, "NUL byte")) << all(r);
}

std::string utf16le(const std::string& ascii, bool bom) {
  std::string out = bom ? std::string("\xFF\xFE") : std::string();
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

TEST(InputRules, Utf16IsNamedAsAnEncodingProblem) {
  const std::string ascii = scenario_with(R"("seed": 1)");
  for (const std::string& text : {utf16le(ascii, true), utf16le(ascii, false), std::string("\xFE\xFF\0{", 4)}) {
    const auto r = load_scenario(text, "hostile.json");
    ASSERT_EQ(r.diagnostics.size(), 1u) << all(r);
    EXPECT_TRUE(has(r.diagnostics.front().message, "the file is UTF-16, not UTF-8; save it as UTF-8")) << all(r);
    EXPECT_EQ(r.diagnostics.front().line, 1);
  }
  // And the same for a lesson.
  const auto l = load_lesson(utf16le(R"({"id": "x", "steps": []})", true), "lesson.json");
  ASSERT_FALSE(l.diagnostics.empty());
  EXPECT_TRUE(has(l.diagnostics.front().message, "UTF-16"));
}

// A lesson's play_until for a moment the run never reaches (`at`), performed on `run`.
ActionResult play_until_never(Simulation& run, Time at) {
  LessonAction until;
  until.kind = ActionKind::PlayUntilCondition;
  Condition never;
  never.kind = ConditionKind::TimeAtLeast;
  never.time = at;
  until.condition.push_back(never);
  return perform(until, run);
}

// A play_until whose target never comes, in a run that stops at its trace limit, says so (it used to
// say "no more events", and the lesson author looked for a bug in the protocol).
TEST(InputRules, PlayUntilThatHitsTheTraceLimitSaysSo) {
  const auto r = load_scenario(scenario_with(R"("until_ms": 100000)", R"({"participants": 3, "transactions": 50})"), "ok.json");
  ASSERT_TRUE(r.scenario) << all(r);
  Diagnostics errors;
  RunLimits limits;
  limits.trace_limit = 40;
  auto run = Simulation::create(*r.scenario, errors, limits);
  ASSERT_TRUE(run);
  const ActionResult a = play_until_never(*run, ms(99'999));
  EXPECT_FALSE(a.ok);
  EXPECT_TRUE(has(a.message, "trace limit of 40 records")) << a.message;
  EXPECT_FALSE(has(a.message, "no more events")) << a.message;

  LessonAction steps;
  steps.kind = ActionKind::Step;
  steps.count = 1000;
  const ActionResult b = perform(steps, *run);
  EXPECT_FALSE(b.ok);
  EXPECT_TRUE(has(b.message, "trace limit of 40 records")) << b.message;
}

// The same for a run that stops at its memory limit (it said "no more events" too).
TEST(InputRules, PlayUntilThatHitsTheMemoryLimitSaysSo) {
  const auto r = load_scenario(scenario_with(R"("until_ms": 1000000)", R"({"participants": 3, "transactions": 20000})"), "ok.json");
  ASSERT_TRUE(r.scenario) << all(r);
  Diagnostics errors;
  RunLimits limits;
  limits.memory_limit = std::size_t{1} << 20;
  auto run = Simulation::create(*r.scenario, errors, limits);
  ASSERT_TRUE(run);
  const ActionResult a = play_until_never(*run, ms(999'999));
  EXPECT_FALSE(a.ok);
  EXPECT_EQ(run->sim().halted(), HaltReason::MemoryLimit);
  EXPECT_TRUE(has(a.message, "memory limit of 1 MiB")) << a.message;
  EXPECT_FALSE(has(a.message, "no more events")) << a.message;
}

}  // namespace
}  // namespace cs
