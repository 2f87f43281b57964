// Lesson views and numbers from the run: show actions and view highlights load with their names
// checked (file, line, path, sentence on a mistake); placeholders are rejected when unknown and filled
// from the run's own metrics and compare figures, so a narration never pastes a number.
#include <gtest/gtest.h>

#include <string>

#include "scenario/compare_metrics.hpp"
#include "scenario/lesson.hpp"
#include "scenario/lesson_numbers.hpp"
#include "scenario/lesson_walker.hpp"

namespace cs {
namespace {

// A 2PC lesson whose coordinator crashes at 80 ms (its own fault timeline) with one line per step.
const char* const kLesson = R"({
  "id": "views", "title": { "zh-TW": "視圖", "en": "Views" }, "topic": "atomic-commit", "minutes": 5,
  "scenario": { "protocol": "2pc", "seed": 1, "until_ms": 2000, "params": { "participants": 3, "transactions": 4, "interval_ms": 60 },
                "faults": [{ "at_ms": 80, "crash": "C" }, { "at_ms": 1100, "restart": "C" }] },
  "steps": [
    { "kind": "action", "do": "show", "view": "log", "node": "P1" },
    { "kind": "action", "do": "play_until", "ms": 1000 },
    { "kind": "narration", "text": { "zh-TW": "卡住 {run:blocked_ms} ms，鎖 {metric:locks_held}，P1 {metric:locks_held:P1}，Saga {compare:saga-orchestration:held_ms}", "en": "Blocked {run:blocked_ms} ms, locks {metric:locks_held}, P1 {metric:locks_held:P1}, saga {compare:saga-orchestration:held_ms}" }, "highlight": ["log:P1:READY", "message:PREPARE", "metric:locks_held", "timer:P1", "C-P1"] },
    { "kind": "action", "do": "show", "view": "metrics", "series": ["locks_held", "blocked_participants"] },
    { "kind": "action", "do": "show", "view": "compare", "protocols": ["2pc", "saga-orchestration", "tcc"] },
    { "kind": "action", "do": "show", "view": "compare_with", "variant": "timeout=half" },
    { "kind": "action", "do": "show", "view": "spacetime" },
    { "kind": "quiz", "id": "q1", "quiz": "choice", "question": { "zh-TW": "問題？", "en": "Question?" },
      "options": [ { "text": { "zh-TW": "甲", "en": "A" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "乙", "en": "B" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 0 },
    { "kind": "quiz", "id": "q2", "quiz": "choice", "question": { "zh-TW": "問題二？", "en": "Question two?" },
      "options": [ { "text": { "zh-TW": "甲", "en": "A" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "乙", "en": "B" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 1 },
    { "kind": "quiz", "id": "q3", "quiz": "make_it_happen", "question": { "zh-TW": "讓 P1 當機。", "en": "Crash P1." }, "goal": { "node": "P1", "up": false },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "crash": "P1" } }] }
  ]
})";

std::string with(const std::string& from, const std::string& to) {
  std::string s = kLesson;
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

std::string all(const Diagnostics& ds) {
  std::string s;
  for (const auto& d : ds) s += d.to_string() + "\n";
  return s;
}

TEST(LessonViews, ShowActionsAndViewHighlightsLoad) {
  const auto r = load_lesson(kLesson, "views.json");
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  const auto& steps = r.lesson->steps;
  EXPECT_EQ(steps[0].action.kind, ActionKind::Show);
  EXPECT_EQ(steps[0].action.view, LessonView::Log);
  EXPECT_EQ(steps[0].action.node, 1);  // P1
  EXPECT_EQ(steps[3].action.series, (std::vector<std::string>{"locks_held", "blocked_participants"}));
  EXPECT_EQ(steps[4].action.protocols.size(), 3u);
  EXPECT_EQ(steps[5].action.variant, "timeout=half");
  EXPECT_EQ(steps[6].action.view, LessonView::Spacetime);
  const auto& h = steps[2].highlight;
  ASSERT_EQ(h.size(), 5u);
  EXPECT_EQ(h[0].kind, HighlightKind::Log);
  EXPECT_EQ(h[0].name, "READY");
  EXPECT_EQ(h[0].a, 1);
  EXPECT_EQ(h[1].kind, HighlightKind::Message);
  EXPECT_EQ(h[1].name, "PREPARE");
  EXPECT_EQ(h[2].kind, HighlightKind::Metric);
  EXPECT_EQ(h[3].kind, HighlightKind::Timer);
  EXPECT_EQ(h[4].kind, HighlightKind::Link);
}

TEST(LessonViews, UnknownNamesAreReportedAtTheirPlace) {
  const struct {
    const char* from;
    const char* to;
    const char* path;
    const char* message;
  } cases[] = {
      {R"("view": "log", "node": "P1")", R"("view": "log", "node": "P9")", "steps[0].node", "unknown node \"P9\""},
      {R"("view": "spacetime")", R"("view": "gantt")", "steps[6].view", "unknown view \"gantt\""},
      {R"("series": ["locks_held", "blocked_participants"])", R"("series": ["locks_held", "stale_reads"])",
       "steps[3].series[1]", "unknown metric \"stale_reads\""},
      {R"("protocols": ["2pc", "saga-orchestration", "tcc"])", R"("protocols": ["2pc", "cap-register"])", "steps[4].protocols[1]",
       "cap-register cannot run this scenario"},
      {R"("variant": "timeout=half")", R"("variant": "speed=9")", "steps[5].variant", "unknown variant \"speed=9\""},
      {R"("log:P1:READY")", R"("log:P1:PREPARED")", "steps[2].highlight[0]", "unknown log record \"PREPARED\""},
      {R"("message:PREPARE")", R"("message:VOTE_YES")", "steps[2].highlight[1]", "unknown message \"VOTE_YES\""},
      {R"("metric:locks_held")", R"("metric:locks")", "steps[2].highlight[2]", "unknown metric \"locks\""},
      {R"("timer:P1")", R"("clock:P1")", "steps[2].highlight[3]", "unknown highlight \"clock:P1\""},
      {"{run:blocked_ms} ms, locks", "{run:blocked} ms, locks", "steps[2].text.en", "unknown figure \"blocked\""},
      {"{metric:locks_held:P1}, saga", "{metric:locks_held:P7}, saga", "steps[2].text.en", "unknown node \"P7\""},
      {"locks {metric:locks_held}", "locks {metrics:locks_held}", "steps[2].text.en", "unknown placeholder {metrics:locks_held}"},
      {"saga {compare:saga-orchestration:held_ms}", "saga {compare:cap-register:held_ms}", "steps[2].text.en", "cap-register cannot run"},
      {"，Saga {compare:saga-orchestration:held_ms}", "", "steps[2].text", "must use the same placeholders"},
  };
  for (const auto& c : cases) {
    const std::string text = with(c.from, c.to);
    const auto r = load_lesson(text, "views.json");
    ASSERT_EQ(r.diagnostics.size(), 1u) << c.to << "\n" << all(r.diagnostics);
    EXPECT_EQ(r.diagnostics[0].path, c.path) << c.to;
    EXPECT_NE(r.diagnostics[0].message.find(c.message), std::string::npos) << r.diagnostics[0].message;
    EXPECT_EQ(r.diagnostics[0].line, 6 + (c.path[6] - '0')) << c.to;  // one step per line from line 6
  }
}

TEST(LessonViews, ShowIsAStepOfItsOwnOnly) {
  const std::string text = with(R"("solution": [{ "do": "fault", "fault": { "crash": "P1" } }])",
                                R"("solution": [{ "do": "show", "view": "spacetime" }])");
  const auto r = load_lesson(text, "views.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[9].solution[0].do");
}

TEST(LessonNumbers, PlaceholdersAreFilledFromTheRunAndItsComparison) {
  const auto r = load_lesson(kLesson, "views.json");
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  WalkReport w;
  auto run = walk_lesson_steps(*r.lesson, 3, w);
  ASSERT_TRUE(run);
  ASSERT_TRUE(w.ok) << walk_report_text(w);
  // The same figures computed here the way the table computes them.
  const CompareRow own = compare_row(*run);
  MappedScenario saga = map_scenario(run->scenario(), "saga-orchestration");
  ASSERT_TRUE(saga.scenario) << saga.refusal;
  Diagnostics ignored;
  auto other = Simulation::create(*saga.scenario, ignored);
  other->sim().run_until(run->sim().now());
  const CompareRow theirs = compare_row(*other);
  std::int64_t locks = 0, locks_p1 = 0;
  for (const auto& m : run->protocol().metrics()) {
    if (m.key == "locks_held") locks += m.value;
    if (m.key == "locks_held" && m.node == 1) locks_p1 += m.value;
  }
  EXPECT_GT(own.blocked, 0);  // the crash at 80 ms blocks READY participants: a number worth showing
  const auto ms = [](Time t) { return std::to_string((t + 500) / 1000); };
  const std::string want = "Blocked " + ms(own.blocked) + " ms, locks " + std::to_string(locks) + ", P1 " + std::to_string(locks_p1) +
                           ", saga " + ms(theirs.held);
  EXPECT_EQ(fill_placeholders(r.lesson->steps[2].text.en, *run), want);
  EXPECT_EQ(find_placeholders(R"(`{"crash": "C"}` and {run:committed})").size(), 1u);  // JSON in code spans is not one
}

TEST(LessonNumbers, LessonSeventeenTakesItsFiguresFromTheRun) {
  // Its narrations carry measured figures only as placeholders, and the walk fills every one.
  for (const char* id : {"17-choosing-a-pattern"}) {
    std::string path = std::string(COMMITSCOPE_SOURCE_DIR) + "/lessons/" + id + ".json";
    FILE* f = std::fopen(path.c_str(), "rb");
    ASSERT_NE(f, nullptr) << path;
    std::string text;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    const auto r = load_lesson(text, path);
    ASSERT_TRUE(r.lesson) << all(r.diagnostics);
    int placeholders = 0;
    for (const auto& s : r.lesson->steps) placeholders += static_cast<int>(find_placeholders(s.text.en).size());
    EXPECT_GE(placeholders, 10) << id;
    const WalkReport w = walk_lesson(*r.lesson);
    EXPECT_TRUE(w.ok) << walk_report_text(w);
  }
}

}  // namespace
}  // namespace cs
