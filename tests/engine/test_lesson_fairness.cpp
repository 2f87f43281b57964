// Fair questions: the loader refuses a lesson with more than six questions, validate's warnings catch
// a right option that stands out by its length or was told just before, the shipped lessons are free
// of them and not biased towards one position, and option_order shuffles reproducibly.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "scenario/lesson.hpp"
#include "scenario/lesson_fairness.hpp"
#include "scenario/option_order.hpp"
#include "text_test_support.hpp"

namespace cs {
namespace {

namespace fs = std::filesystem;

std::string all(const Diagnostics& ds) {
  std::string s;
  for (const auto& d : ds) s += d.to_string() + "\n";
  return s;
}

// A lesson with one choice question (after a narration) and a make-it-happen, then `extra` quizzes.
std::string lesson_text(const std::string& narration, const std::string& right, const std::string& wrong, int extra = 2) {
  std::string s = R"({
  "id": "fair", "title": { "zh-TW": "公平", "en": "Fair" }, "topic": "atomic-commit", "minutes": 5,
  "scenario": { "protocol": "2pc", "seed": 1, "until_ms": 2000, "params": { "participants": 2 } },
  "steps": [
    { "kind": "narration", "text": { "zh-TW": "說明。", "en": ")" + narration + R"(" } },
    { "kind": "quiz", "id": "q", "quiz": "choice", "question": { "zh-TW": "問題？", "en": "Which one?" },
      "options": [ { "text": { "zh-TW": "對的", "en": ")" + right + R"(" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "錯的", "en": ")" + wrong + R"(" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 0 },
)";
  for (int i = 0; i < extra; ++i)
    s += R"(    { "kind": "quiz", "id": "x)" + std::to_string(i) + R"(", "quiz": "choice", "question": { "zh-TW": "再問？", "en": "Again?" },
      "options": [ { "text": { "zh-TW": "是", "en": "Yes" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "否", "en": "No" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 1 },
)";
  s += R"(    { "kind": "quiz", "id": "m", "quiz": "make_it_happen", "question": { "zh-TW": "讓 C 當機。", "en": "Crash C." }, "goal": { "node": "C", "up": false },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "crash": "C" } }] }
  ]
})";
  return s;
}

Diagnostics warnings_of(const std::string& text) {
  const auto r = load_lesson(text, "fair.json");
  EXPECT_TRUE(r.lesson) << all(r.diagnostics);
  return r.lesson ? question_fairness_warnings(*r.lesson, text) : Diagnostics{};
}

TEST(LessonFairness, AtMostSixQuestions) {
  EXPECT_TRUE(load_lesson(lesson_text("Hello.", "One", "Two", 4), "six.json").lesson);  // 6 questions
  const auto r = load_lesson(lesson_text("Hello.", "One", "Two", 5), "seven.json");
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps");
  EXPECT_NE(r.diagnostics[0].message.find("at most 6 questions"), std::string::npos) << r.diagnostics[0].message;
}

TEST(LessonFairness, LongRightOptionIsWarnedPerLanguage) {
  EXPECT_TRUE(warnings_of(lesson_text("Hello.", "The coordinator aborts", "It commits at once")).empty());
  const Diagnostics ds = warnings_of(lesson_text("Hello.", "The coordinator aborts after its timeout expires", "It commits"));
  ASSERT_EQ(ds.size(), 1u) << all(ds);  // the zh-TW texts are of equal length: English only
  EXPECT_EQ(ds[0].path, "steps[1].options[0].text.en");
  EXPECT_EQ(ds[0].file, "fair.json");
  EXPECT_GT(ds[0].line, 0);
  EXPECT_NE(ds[0].message.find("warning: question \"q\""), std::string::npos) << ds[0].message;
  EXPECT_NE(ds[0].message.find("longest wrong one (10)"), std::string::npos) << ds[0].message;
}

TEST(LessonFairness, RightOptionToldJustBeforeIsWarned) {
  const std::string right = "Participants block holding locks until the coordinator returns";
  const std::string wrong = "The participants decide alone and commit without any waiting";
  EXPECT_TRUE(warnings_of(lesson_text("Look at the canvas.", right, wrong)).empty());
  const Diagnostics ds =
      warnings_of(lesson_text("Without the coordinator they block, holding locks, until it returns.", right, wrong));
  ASSERT_EQ(ds.size(), 1u) << all(ds);
  EXPECT_EQ(ds[0].path, "steps[1].options[0].text.en");
  EXPECT_NE(ds[0].message.find("text shown just before"), std::string::npos) << ds[0].message;
}

std::vector<fs::path> shipped_lessons() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(COMMITSCOPE_SOURCE_DIR) / "lessons"))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ShippedLessons, QuestionsAreFair) {
  std::size_t single = 0, first = 0, longest = 0;
  for (const auto& path : shipped_lessons()) {
    const std::string text = read_all(path);
    const auto r = load_lesson(text, path.filename().string());
    ASSERT_TRUE(r.lesson) << all(r.diagnostics);
    EXPECT_EQ(all(question_fairness_warnings(*r.lesson, text)), "");
    for (const auto& s : r.lesson->steps) {
      if (s.kind != StepKind::Quiz || s.quiz.correct.size() != 1) continue;
      ++single;
      const std::size_t c = s.quiz.correct.front();
      first += c == 0 ? 1 : 0;
      const auto& o = s.quiz.options;
      longest += std::all_of(o.begin(), o.end(), [&](const QuizOption& x) { return x.text.en.size() <= o[c].text.en.size(); }) ? 1 : 0;
    }
  }
  ASSERT_GT(single, 0u);
  // Written in no fixed place and not the longest by habit (the app shuffles the order as well).
  EXPECT_LE(first * 100, single * 40) << first << " of " << single << " right answers are the first option";
  EXPECT_LE(longest * 100, single * 50) << longest << " of " << single << " right answers are the longest option";
}

TEST(OptionOrder, IsAPermutationAndReproducible) {
  for (std::size_t n = 1; n <= 6; ++n) {
    const auto a = option_order(n, "07-two-phase-commit", "why-ready", 3, 0);
    std::vector<std::size_t> sorted = a;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(sorted[i], i);
    EXPECT_EQ(a, option_order(n, "07-two-phase-commit", "why-ready", 3, 0));
  }
}

TEST(OptionOrder, EveryTryDiffersFromTheOneBefore) {
  for (std::size_t n = 2; n <= 5; ++n)
    for (std::uint64_t t = 1; t < 20; ++t)
      EXPECT_NE(option_order(n, "l", "q", 7, t), option_order(n, "l", "q", 7, t - 1)) << n << " options, try " << t;
}

TEST(OptionOrder, AttemptsAndQuestionsSpreadTheRightAnswer) {
  // Option 0 (where authors put the right answer) lands in every position over many attempts.
  std::set<std::size_t> positions;
  std::set<std::vector<std::size_t>> orders;
  for (std::uint64_t attempt = 1; attempt <= 40; ++attempt) {
    const auto o = option_order(4, "02-cap", "why-refuse", attempt, 0);
    positions.insert(static_cast<std::size_t>(std::find(o.begin(), o.end(), 0u) - o.begin()));
    orders.insert(o);
  }
  EXPECT_EQ(positions.size(), 4u);
  EXPECT_GE(orders.size(), 10u);
}

}  // namespace
}  // namespace cs
