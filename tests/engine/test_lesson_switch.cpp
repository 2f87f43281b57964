// A switch_scenario step (docs/lesson-format.md, "Actions"): the run becomes a fresh run of another
// scenario with its own protocol and nodes, and every later step is checked against that scenario when
// the lesson loads (bad names reported with file, line and path) and walked on that run.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "scenario/lesson.hpp"
#include "scenario/lesson_walker.hpp"

namespace cs {
namespace {

std::string all(const Diagnostics& ds) {
  std::string s;
  for (const auto& d : ds) s += d.to_string() + "\n";
  return s;
}

int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// A 2PC lesson (C, P1, P2) that switches to an outbox run (ORDER_SVC, RELAY, BROKER, CONSUMER) before
// its last question. `before` highlights a node in the first narration; `crash` is the node the last
// question crashes; `switch_action` is the switch step itself.
std::string lesson_text(const std::string& before = "P1", const std::string& crash = "RELAY",
                        const std::string& switch_action =
                            R"({ "kind": "action", "do": "switch_scenario", "scenario": { "protocol": "outbox", "seed": 1, "until_ms": 2000, "params": { "orders": 1 } } },)") {
  return R"({
  "id": "switching", "title": { "zh-TW": "切換", "en": "Switching" }, "topic": "messaging", "minutes": 5,
  "scenario": { "protocol": "2pc", "seed": 1, "until_ms": 2000, "params": { "participants": 2 } },
  "steps": [
    { "kind": "narration", "text": { "zh-TW": "開始。", "en": "Start." }, "highlight": [")" + before + R"("] },
    { "kind": "action", "do": "play_until", "ms": 300 },
    { "kind": "quiz", "id": "q1", "quiz": "choice", "question": { "zh-TW": "問題？", "en": "Question?" },
      "options": [ { "text": { "zh-TW": "甲", "en": "A" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "乙", "en": "B" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 0 },
    { "kind": "quiz", "id": "q2", "quiz": "make_it_happen", "question": { "zh-TW": "讓 C 當機。", "en": "Crash C." }, "goal": { "node": "C", "up": false },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "crash": "C" } }] },
    )" + switch_action + R"(
    { "kind": "action", "do": "play_until", "state": { "node": "ORDER_SVC", "state": "COMMITTED" } },
    { "kind": "quiz", "id": "q3", "quiz": "make_it_happen", "question": { "zh-TW": "讓它當機。", "en": "Crash it." },
      "goal": { "node": ")" + crash + R"(", "up": false },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "crash": ")" + crash + R"(" } }] }
  ]
})";
}

TEST(LessonSwitch, LaterStepsAreCheckedAndWalkedOnTheNewScenario) {
  const std::string text = lesson_text();
  const auto r = load_lesson(text, "switching.json");
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  const Lesson& l = *r.lesson;
  ASSERT_EQ(l.steps[4].action.kind, ActionKind::SwitchScenario);
  ASSERT_TRUE(l.steps[4].action.scenario);
  EXPECT_EQ(l.steps[4].action.scenario->protocol, "outbox");
  EXPECT_EQ(l.scenario_at(3).protocol, "2pc");
  EXPECT_EQ(l.scenario_at(4).protocol, "outbox");
  EXPECT_EQ(l.scenario_at(6).protocol, "outbox");
  // RELAY is the outbox's node 1, as P1 is 2PC's: the later step names the node of the new scenario.
  EXPECT_EQ(l.steps[6].quiz.goal.front().node, 1);

  const WalkReport w = walk_lesson(l);
  ASSERT_TRUE(w.ok) << walk_report_text(w);
  EXPECT_EQ(w.steps[3].time, ms(300));  // the 2PC run was played on and C crashed there
  EXPECT_EQ(w.steps[4].time, 0);        // the outbox run starts at 0 ms
  EXPECT_NE(w.steps[4].message.find("outbox"), std::string::npos) << w.steps[4].message;
  EXPECT_NE(w.steps[6].message.find("goal reached"), std::string::npos) << w.steps[6].message;
}

TEST(LessonSwitch, ANodeOfTheOldScenarioAfterTheSwitchIsReportedWithItsLine) {
  const std::string text = lesson_text("P1", "C");
  const auto r = load_lesson(text, "switching.json");
  EXPECT_FALSE(r.lesson);
  ASSERT_EQ(r.diagnostics.size(), 2u) << all(r.diagnostics);  // the goal and the solution's fault
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.file, "switching.json");
  EXPECT_EQ(d.path, "steps[6].goal.node");
  EXPECT_EQ(d.line, line_of(text, R"("id": "q3")") + 1);  // q3's goal, on the line after its id
  EXPECT_NE(d.message.find("unknown node \"C\"; this lesson's outbox scenario has ORDER_SVC, RELAY, BROKER, CONSUMER"),
            std::string::npos)
      << d.message;
  EXPECT_EQ(r.diagnostics[1].path.rfind("steps[6].solution[0].fault", 0), 0u) << all(r.diagnostics);
}

TEST(LessonSwitch, ANodeOfTheNewScenarioBeforeTheSwitchIsReported) {
  const std::string text = lesson_text("RELAY");
  const auto r = load_lesson(text, "switching.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[0].highlight[0]");
  EXPECT_EQ(r.diagnostics[0].line, line_of(text, R"("highlight": ["RELAY"])"));
  EXPECT_NE(r.diagnostics[0].message.find("this lesson's 2pc scenario has C, P1, P2"), std::string::npos)
      << r.diagnostics[0].message;
}

TEST(LessonSwitch, ABrokenScenarioIsReportedAtItsPlaceWithoutFollowOnErrors) {
  const std::string bad =
      R"({ "kind": "action", "do": "switch_scenario", "scenario": { "protocol": "carrier-pigeon", "seed": 1, "params": {} } },)";
  const std::string text = lesson_text("P1", "RELAY", bad);
  const auto r = load_lesson(text, "switching.json");
  ASSERT_FALSE(r.diagnostics.empty());
  for (const Diagnostic& d : r.diagnostics) EXPECT_EQ(d.path.rfind("steps[4].scenario", 0), 0u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].line, line_of(text, "carrier-pigeon"));

  const std::string missing = R"({ "kind": "action", "do": "switch_scenario" },)";
  const auto r2 = load_lesson(lesson_text("P1", "RELAY", missing), "switching.json");
  ASSERT_EQ(r2.diagnostics.size(), 1u) << all(r2.diagnostics);
  EXPECT_NE(r2.diagnostics[0].message.find("missing key \"scenario\""), std::string::npos) << r2.diagnostics[0].message;
}

TEST(LessonSwitch, OnlyAStepOfItsOwnMaySwitch) {
  std::string text = lesson_text();
  const std::string from = R"("solution": [{ "do": "fault", "fault": { "crash": "C" } }])";
  text.replace(text.find(from), from.size(),
               R"("solution": [{ "do": "switch_scenario", "scenario": { "protocol": "outbox", "seed": 1, "params": {} } }])");
  const auto r = load_lesson(text, "switching.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[3].solution[0].do");
  EXPECT_NE(r.diagnostics[0].message.find("switch to another scenario"), std::string::npos) << r.diagnostics[0].message;
}

}  // namespace
}  // namespace cs
