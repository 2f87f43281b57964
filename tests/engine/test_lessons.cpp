// Lessons: every shipped lesson validates and its own solution walk reaches every checkpoint; the
// answer checkers accept right answers and reject wrong ones; broken lessons are reported with
// file, line, column and a plain message.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "scenario/lesson.hpp"
#include "scenario/lesson_walker.hpp"
#include "text_test_support.hpp"

namespace cs {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> shipped_lessons() {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(COMMITSCOPE_SOURCE_DIR) / "lessons";
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string all(const Diagnostics& ds) {
  std::string s;
  for (const auto& d : ds) s += d.to_string() + "\n";
  return s;
}

// A small valid lesson, one construct per line so that tests can name lines.
const char* const kValid = R"({
  "id": "sample", "title": { "zh-TW": "範例", "en": "Sample" }, "topic": "atomic-commit", "minutes": 5,
  "scenario": { "protocol": "2pc", "seed": 1, "until_ms": 2000, "params": { "participants": 2 } },
  "steps": [
    { "kind": "narration", "text": { "zh-TW": "協調者送出 PREPARE。", "en": "The coordinator sends PREPARE." }, "highlight": ["C", "C-P2"] },
    { "kind": "action", "do": "play_until", "state": { "node": "C", "state": "WAIT" } },
    { "kind": "task", "id": "cut", "text": { "zh-TW": "切斷 C–P2。", "en": "Cut C-P2." }, "goal": { "link": ["C", "P2"], "cut": true },
      "hints": [{ "zh-TW": "點一下連結。", "en": "Click the link." }], "solution": [{ "do": "fault", "fault": { "cut": ["C", "P2"] } }] },
    { "kind": "quiz", "id": "q1", "quiz": "choice", "question": { "zh-TW": "問題？", "en": "Question?" },
      "options": [ { "text": { "zh-TW": "甲", "en": "A" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "乙", "en": "B" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 0 },
    { "kind": "quiz", "id": "q2", "quiz": "predict", "question": { "zh-TW": "會怎樣？", "en": "What happens?" }, "until": { "ms": 1000 },
      "options": [ { "text": { "zh-TW": "中止", "en": "Abort" }, "explanation": { "zh-TW": "對。", "en": "Right." }, "when": { "txn": 1, "outcome": "aborted" } },
                   { "text": { "zh-TW": "提交", "en": "Commit" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." }, "when": { "txn": 1, "outcome": "committed" } } ], "correct": 0 },
    { "kind": "quiz", "id": "q3", "quiz": "make_it_happen", "question": { "zh-TW": "讓 C 當機。", "en": "Crash C." }, "goal": { "node": "C", "up": false },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "crash": "C" } }] }
  ]
})";

std::string valid_with(const std::string& from, const std::string& to) {
  std::string s = kValid;
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

void replace_first(std::string& s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  s.replace(at, from.size(), to);
}

// The line (1-based) of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

TEST(LessonLoader, SampleLoadsAndWalks) {
  const auto r = load_lesson(kValid, "sample.json");
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  const Lesson& l = *r.lesson;
  EXPECT_EQ(l.id, "sample");
  EXPECT_EQ(l.title.zh_tw, "範例");
  EXPECT_EQ(l.steps.size(), 6u);
  EXPECT_EQ(l.question_count(), 3u);
  EXPECT_EQ(l.steps[0].highlight.size(), 2u);
  EXPECT_EQ(l.steps[0].highlight[1].key, "C-P2");
  EXPECT_EQ(l.steps[1].id, "step-2");  // default ids for steps without one
  const WalkReport w = walk_lesson(l);
  EXPECT_TRUE(w.ok) << walk_report_text(w);
}

TEST(LessonLoader, MissingChineseTextNamesFileLineAndColumn) {
  const std::string text = valid_with(R"({ "zh-TW": "切斷 C–P2。", "en": "Cut C-P2." })", R"({ "en": "Cut C-P2." })");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_FALSE(r.lesson);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.file, "broken.json");
  EXPECT_EQ(d.line, line_of(text, R"("text": { "en": "Cut)"));
  EXPECT_GT(d.column, 0);
  EXPECT_EQ(d.path, "steps[2].text.zh-TW");
  EXPECT_NE(d.message.find("zh-TW"), std::string::npos) << d.message;
}

TEST(LessonLoader, MissingEnglishInAnOptionExplanation) {
  const std::string text = valid_with(R"({ "zh-TW": "錯。", "en": "Wrong." } } ])", R"({ "zh-TW": "錯。" } } ])");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[3].options[1].explanation.en");
  EXPECT_NE(r.diagnostics[0].message.find("English (en)"), std::string::npos);
}

TEST(LessonLoader, OptionWithoutExplanation) {
  const std::string text = valid_with(R"(, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ])", " } ]");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[3].options[1].explanation");
  EXPECT_NE(r.diagnostics[0].message.find("explanation"), std::string::npos);
}

TEST(LessonLoader, UnknownNodeInAConditionIsPlacedAtTheValue) {
  const std::string text = valid_with(R"("goal": { "node": "C", "up": false })", R"("goal": { "node": "P9", "up": false })");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.path, "steps[5].goal.node");
  EXPECT_EQ(d.line, line_of(text, "\"P9\""));
  const std::string line = [&] {
    std::istringstream in(text);
    std::string l;
    for (int i = 0; i < d.line; ++i) std::getline(in, l);
    return l;
  }();
  // Columns count characters, not bytes (the line holds Chinese text).
  const std::string before = line.substr(0, line.find("\"P9\""));
  const auto chars = std::count_if(before.begin(), before.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  EXPECT_EQ(static_cast<int>(chars) + 1, d.column);
  EXPECT_EQ(d.message, "unknown node \"P9\"; this lesson's 2pc scenario has C, P1, P2");
  EXPECT_EQ(d.to_string().rfind("broken.json:" + std::to_string(d.line) + ":", 0), 0u);
}

TEST(LessonLoader, UnknownNodeInAFaultUsesTheScenarioChecks) {
  const std::string text = valid_with(R"("fault": { "cut": ["C", "P2"] })", R"("fault": { "cut": ["C", "P7"] })");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[2].solution[0].fault.cut[1]");
  EXPECT_EQ(r.diagnostics[0].line, line_of(text, "\"P7\""));
  EXPECT_NE(r.diagnostics[0].message.find("unknown node \"P7\""), std::string::npos);
}

TEST(LessonLoader, UnknownStateAndMessage) {
  std::string text = valid_with(R"("state": { "node": "C", "state": "WAIT" })", R"("state": { "node": "C", "state": "READY" })");
  auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[1].state.state");
  EXPECT_NE(r.diagnostics[0].message.find("never enters READY"), std::string::npos);

  text = valid_with(R"("goal": { "node": "C", "up": false })", R"("goal": { "messages_sent": { "type": "VOTE_YES" } })");
  r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[5].goal.messages_sent.type");
  EXPECT_NE(r.diagnostics[0].message.find("unknown message \"VOTE_YES\""), std::string::npos);
}

TEST(LessonLoader, FewerThanThreeQuestions) {
  // Drop the choice quiz (line 9-11): two questions remain.
  std::string text = kValid;
  const auto from = text.find(R"(    { "kind": "quiz", "id": "q1")");
  const auto to = text.find(R"(    { "kind": "quiz", "id": "q2")");
  text.erase(from, to - from);
  const auto r = load_lesson(text, "few.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps");
  EXPECT_EQ(r.diagnostics[0].line, line_of(text, "\"steps\": ["));
  EXPECT_NE(r.diagnostics[0].message.find("at least 3 questions"), std::string::npos) << r.diagnostics[0].message;
}

TEST(LessonLoader, NeedsAPredictOrMakeItHappen) {
  // Three choice quizzes only: the q1 block repeated under new ids in place of q2 and q3.
  const std::string text = kValid;
  const auto q1 = text.find(R"(    { "kind": "quiz", "id": "q1")");
  const auto q2 = text.find(R"(    { "kind": "quiz", "id": "q2")");
  std::string block = text.substr(q1, q2 - q1);
  std::string only_choices = text.substr(0, q2);
  for (const char* id : {"q2", "q3"}) {
    std::string b = block;
    b.replace(b.find("\"q1\""), 4, std::string("\"") + id + "\"");
    only_choices += b;
  }
  only_choices.erase(only_choices.rfind(','), 1);  // no comma after the last step
  only_choices += "  ]\n}\n";
  const auto r = load_lesson(only_choices, "choices.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps");
  EXPECT_NE(r.diagnostics[0].message.find("\"predict\" or \"make_it_happen\""), std::string::npos);
}

TEST(LessonLoader, UnknownConditionKey) {
  const std::string text = valid_with(R"("goal": { "node": "C", "up": false })", R"("goal": { "nod": "C", "up": false })");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  const Diagnostic& d = r.diagnostics[0];
  EXPECT_EQ(d.path, "steps[5].goal.nod");
  EXPECT_EQ(d.line, line_of(text, "\"nod\""));
  EXPECT_NE(d.message.find("unknown condition key \"nod\""), std::string::npos) << d.message;
}

// A task whose goal counts lost messages and crashes: the walk reaches it with the solution, and
// does not with a solution that loses nothing.
TEST(LessonConditions, MessagesDroppedAndCrashes) {
  const std::string goal =
      R"("goal": { "all": [ { "messages_dropped": { "from": "C", "to": "P2", "reason": "link_cut" } },
                             { "messages_dropped": { "reason": "loss", "at_most": 0 } },
                             { "crashes": { "node": "C", "at_least": 1 } }, { "node": "C", "up": true } ] })";
  std::string text = valid_with(R"("goal": { "link": ["C", "P2"], "cut": true })", goal);
  replace_first(text, R"("solution": [{ "do": "fault", "fault": { "cut": ["C", "P2"] } }])",
                R"("solution": [{ "do": "fault", "fault": { "cut": ["C", "P2"] } }, { "do": "play_until", "ms": 900 },
                                { "do": "fault", "fault": { "crash": "C" } }, { "do": "fault", "fault": { "restart": "C" } }])");
  // This task decides transaction 1, so the sample's predict question about it would be asked after
  // its outcome (scenario/lesson_predict.hpp): a second choice question takes its place.
  const auto q2 = text.find(R"({ "kind": "quiz", "id": "q2")");
  const auto q3 = text.find(R"({ "kind": "quiz", "id": "q3")");
  ASSERT_NE(q2, std::string::npos);
  ASSERT_NE(q3, std::string::npos);
  const auto q1 = text.find(R"({ "kind": "quiz", "id": "q1")");
  std::string choice = text.substr(q1, q2 - q1);
  replace_first(choice, R"("id": "q1")", R"("id": "q2")");
  text.replace(q2, q3 - q2, choice);
  const auto r = load_lesson(text, "drops.json");
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  const WalkReport w = walk_lesson(*r.lesson);
  EXPECT_TRUE(w.ok) << walk_report_text(w);

  // Without the cut nothing is lost on C-P2: the same goal is never reached.
  std::string no_cut = text;
  replace_first(no_cut, R"({ "do": "fault", "fault": { "cut": ["C", "P2"] } }, )", "");
  const auto r2 = load_lesson(no_cut, "drops.json");
  ASSERT_TRUE(r2.lesson) << all(r2.diagnostics);
  EXPECT_FALSE(walk_lesson(*r2.lesson).ok);
}

// A restart step starts the lesson's scenario afresh with other parameters: the walk goes on from
// 0 ms in the new run; the parameters are checked like the scenario's own, and may not change the
// nodes; only a step may restart (not a solution).
TEST(LessonRestart, StartsTheScenarioAgainWithOtherParameters) {
  const std::string restart = R"({ "kind": "action", "do": "play_until", "ms": 300 },
    { "kind": "action", "do": "restart", "params": { "timeout_ms": 50 } },
    { "kind": "task", "id": "cut")";
  const std::string text = valid_with(R"({ "kind": "task", "id": "cut")", restart);
  const auto r = load_lesson(text, "restart.json");
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  const LessonStep& step = r.lesson->steps[3];
  ASSERT_EQ(step.action.kind, ActionKind::Restart);
  EXPECT_EQ(step.action.params["timeout_ms"], 50);
  EXPECT_EQ(step.action.params["participants"], 2);  // the rest of the lesson's params stay
  const WalkReport w = walk_lesson(*r.lesson);
  ASSERT_TRUE(w.ok) << walk_report_text(w);
  EXPECT_EQ(w.steps[2].time, ms(300));  // the first run was played on
  EXPECT_EQ(w.steps[3].time, 0);        // the new one starts at 0 ms
}

TEST(LessonRestart, BadParametersOtherNodesAndSolutionsAreRefused) {
  const auto one_error = [](const std::string& text, const std::string& path, const std::string& words) {
    const auto r = load_lesson(text, "restart.json");
    ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
    EXPECT_EQ(r.diagnostics[0].path, path);
    EXPECT_NE(r.diagnostics[0].message.find(words), std::string::npos) << r.diagnostics[0].message;
    EXPECT_GT(r.diagnostics[0].line, 1);
  };
  const std::string at = R"({ "kind": "task", "id": "cut")";
  one_error(valid_with(at, R"({ "kind": "action", "do": "restart", "params": { "participants": 3 } }, )" + at),
            "steps[2].params", "not its nodes");
  one_error(valid_with(at, R"({ "kind": "action", "do": "restart", "params": { "timeout_ms": "soon" } }, )" + at),
            "steps[2].params.timeout_ms", "number of milliseconds");
  one_error(valid_with(at, R"({ "kind": "action", "do": "restart" }, )" + at), "steps[2].params", "missing key \"params\"");
  one_error(valid_with(R"("solution": [{ "do": "fault", "fault": { "cut": ["C", "P2"] } }])",
                       R"("solution": [{ "do": "restart", "params": {} }])"),
            "steps[2].solution[0].do", "a lesson step of its own");
}

TEST(LessonConditions, UnknownDropReasonIsNamed) {
  const std::string text = valid_with(R"("goal": { "link": ["C", "P2"], "cut": true })",
                                      R"("goal": { "messages_dropped": { "reason": "gremlins" } })");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[2].goal.messages_dropped.reason");
  EXPECT_EQ(r.diagnostics[0].line, line_of(text, "gremlins"));
  EXPECT_NE(r.diagnostics[0].message.find("unknown reason \"gremlins\"; reasons are loss"), std::string::npos) << r.diagnostics[0].message;
  const auto r2 = load_lesson(valid_with(R"("goal": { "link": ["C", "P2"], "cut": true })", R"("goal": { "crashes": { "at_least": 1 } })"),
                              "broken.json");
  ASSERT_EQ(r2.diagnostics.size(), 1u) << all(r2.diagnostics);
  EXPECT_NE(r2.diagnostics[0].message.find("missing key \"node\""), std::string::npos) << r2.diagnostics[0].message;
}

TEST(LessonLoader, UnknownKeysAndCollectsEveryError) {
  std::string text = valid_with(R"("title": { "zh-TW": "範例", "en": "Sample" })", R"("title": { "zh-TW": "範例", "en": "Sample", "fr": "x" })");
  replace_first(text, R"("minutes": 5,)", R"("minutes": 5, "minuets": 3,)");
  replace_first(text, R"("goal": { "node": "C", "up": false })", R"("goal": { "node": "P9", "up": false })");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 3u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "title.fr");
  EXPECT_EQ(r.diagnostics[1].path, "minuets");
  EXPECT_EQ(r.diagnostics[2].path, "steps[5].goal.node");
}

TEST(LessonLoader, ScenarioErrorsPointIntoTheLesson) {
  const std::string text = valid_with(R"("params": { "participants": 2 })", R"("params": { "participants": 2, "votse": {} })");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_FALSE(r.lesson);
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].path, "scenario.params.votse");
  EXPECT_EQ(r.diagnostics[0].line, line_of(text, "\"votse\""));
}

TEST(LessonLoader, FaultsInLessonsHaveNoTrigger) {
  const std::string text = valid_with(R"("fault": { "cut": ["C", "P2"] })", R"("fault": { "at_ms": 5, "cut": ["C", "P2"] })");
  const auto r = load_lesson(text, "broken.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[2].solution[0].fault.at_ms");
}

TEST(LessonLoader, SyntaxErrorHasAPosition) {
  const auto r = load_lesson("{\n  \"id\": \"x\",\n  \"title\": }\n", "syntax.json");
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].line, 3);
}

TEST(LessonLoader, LooksLikeLesson) {
  EXPECT_TRUE(looks_like_lesson(kValid));
  EXPECT_FALSE(looks_like_lesson(R"({"protocol": "2pc"})"));
  EXPECT_TRUE(looks_like_lesson(R"({"steps": [ broken)"));
}

TEST(LessonAnswers, ChoiceChecker) {
  const auto r = load_lesson(kValid, "sample.json");
  ASSERT_TRUE(r.lesson);
  const Quiz& q = r.lesson->steps[3].quiz;
  EXPECT_TRUE(check_answer(q, {0}).correct);
  EXPECT_FALSE(check_answer(q, {1}).correct);
  EXPECT_FALSE(check_answer(q, {0, 1}).correct);
  EXPECT_FALSE(check_answer(q, {}).correct);
  EXPECT_FALSE(check_answer(q, {7}).correct);
  const auto a = check_answer(q, {1});
  ASSERT_EQ(a.explanations.size(), 1u);
  EXPECT_EQ(a.explanations[0]->en, "Wrong.");
}

TEST(LessonAnswers, PredictComparesWithTheRealRun) {
  const auto r = load_lesson(kValid, "sample.json");
  ASSERT_TRUE(r.lesson);
  const Lesson& l = *r.lesson;
  Diagnostics errors;
  auto run = Simulation::create(l.scenario, errors);
  ASSERT_TRUE(run);
  // Without the cut, the transaction commits: the prediction "abort" is then wrong.
  const Quiz& q = l.steps[4].quiz;
  ASSERT_TRUE(perform(q.until.front(), *run).ok);
  EXPECT_EQ(true_options(q, *run), std::vector<std::size_t>{1});
  EXPECT_FALSE(check_prediction(q, 0, *run).correct);
  EXPECT_TRUE(check_prediction(q, 1, *run).correct);
  // And the walker notices that the lesson's declared answer no longer matches such a run.
  Lesson changed = l;
  changed.steps[2].solution.clear();
  changed.steps[2].solution.push_back(LessonAction{});  // one step instead of the cut
  const WalkReport w = walk_lesson(changed);
  EXPECT_FALSE(w.ok);
  EXPECT_FALSE(w.steps[2].ok);
  EXPECT_FALSE(w.steps[4].ok);
  EXPECT_NE(w.steps[4].message.find("the run does option 1"), std::string::npos) << walk_report_text(w);
}

// ---- the shipped lessons ----

TEST(ShippedLessons, ThereAreLessons) { EXPECT_GE(shipped_lessons().size(), 6u); }

TEST(ShippedLessons, EveryLessonValidatesAndWalks) {
  std::map<std::string, std::vector<std::string>> prerequisites;
  for (const auto& path : shipped_lessons()) {
    SCOPED_TRACE(path.string());
    const auto r = load_lesson(read_all(path), path.filename().string());
    ASSERT_TRUE(r.lesson) << all(r.diagnostics);
    const Lesson& l = *r.lesson;
    EXPECT_EQ(l.id, path.stem().string()) << "a lesson's id is its file name";
    prerequisites[l.id] = l.prerequisites;
    const WalkReport w = walk_lesson(l);
    EXPECT_TRUE(w.ok) << walk_report_text(w);
    for (const auto& s : w.steps) EXPECT_TRUE(s.ok) << s.path << ": " << s.message;
    // Every quiz: the correct answer is accepted and a wrong one rejected (choice quizzes here;
    // predict ones are compared with the real run by the walk above).
    for (const auto& s : l.steps) {
      if (s.kind != StepKind::Quiz || s.quiz.kind != QuizKind::Choice) continue;
      EXPECT_TRUE(check_answer(s.quiz, s.quiz.correct).correct) << s.id;
      for (std::size_t i = 0; i < s.quiz.options.size(); ++i) {
        if (std::find(s.quiz.correct.begin(), s.quiz.correct.end(), i) == s.quiz.correct.end()) {
          EXPECT_FALSE(check_answer(s.quiz, {i}).correct) << s.id << " option " << i;
        }
      }
    }
  }
  for (const auto& [id, pre] : prerequisites)
    for (const auto& p : pre) EXPECT_TRUE(prerequisites.count(p)) << id << " needs unknown lesson " << p;
}

// A step's `too_late` is what the window answers a learner who lets the moment pass ("Too late",
// with a retry). For it to be worth anything it must come when the learner does nothing: from the
// step's start, played on without any fault, the run reaches `too_late` before its end, and the
// goal does not hold first (the idle learner cannot have succeeded).
TEST(ShippedLessons, EveryTooLateComesWhenTheLearnerDoesNothing) {
  int checked = 0;
  for (const auto& path : shipped_lessons()) {
    const auto r = load_lesson(read_all(path), path.filename().string());
    ASSERT_TRUE(r.lesson) << all(r.diagnostics);
    const Lesson& l = *r.lesson;
    for (std::size_t i = 0; i < l.steps.size(); ++i) {
      const LessonStep& step = l.steps[i];
      if (step.too_late.empty()) continue;
      SCOPED_TRACE(l.id + " " + step.path + " " + step.id);
      const std::vector<Condition>& goal = step.kind == StepKind::Quiz ? step.quiz.goal : step.goal;
      ASSERT_FALSE(goal.empty());
      WalkReport report;
      std::unique_ptr<Simulation> run = walk_lesson_steps(l, i, report);
      ASSERT_TRUE(run) << report.error;
      Simulator& sim = run->sim();
      bool late = false;
      for (std::uint64_t n = 0; n < 2'000'000 && !late; ++n) {
        ASSERT_FALSE(evaluate(goal.front(), *run)) << "the goal holds without the learner at " << sim.now() << " ms";
        late = evaluate(step.too_late.front(), *run);
        const auto next = sim.next_event_time();
        if (late || !next || *next > run->scenario().until || !sim.step()) break;
      }
      EXPECT_TRUE(late) << "left alone, the run ends at " << sim.now() << " ms without \"too_late\" holding";
      ++checked;
    }
  }
  EXPECT_GE(checked, 15);  // L04-L16's tasks, L11's split and L16's lost event among them
}

// The window names an untitled lesson scenario by its title (window title, free play), in zh-TW by
// its title_zh; so a lesson scenario that has a title or description also has it in Chinese.
TEST(ShippedLessons, ScenarioTitleAndDescriptionAlsoInChinese) {

  for (const auto& path : shipped_lessons()) {
    SCOPED_TRACE(path.string());
    const auto r = load_lesson(read_all(path), path.filename().string());
    ASSERT_TRUE(r.lesson) << all(r.diagnostics);
    const Scenario& s = r.lesson->scenario;
    EXPECT_EQ(s.title.empty(), s.title_zh.empty()) << s.title;
    EXPECT_EQ(s.description.empty(), s.description_zh.empty()) << s.description;
    EXPECT_TRUE(s.title_zh.empty() || has_cjk(s.title_zh)) << s.title_zh;
    EXPECT_TRUE(s.description_zh.empty() || has_cjk(s.description_zh)) << s.description_zh;
  }
}

TEST(ShippedLessons, WalksAreDeterministic) {
  for (const auto& path : shipped_lessons()) {
    const auto r = load_lesson(read_all(path), path.filename().string());
    if (!r.lesson) continue;
    EXPECT_EQ(walk_report_text(walk_lesson(*r.lesson)), walk_report_text(walk_lesson(*r.lesson))) << path;
  }
}

}  // namespace
}  // namespace cs
