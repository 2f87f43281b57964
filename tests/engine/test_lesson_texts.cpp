// Projector-length steps, "more", the recap and sources at a lesson's end, and UI commands named by
// key ({ui:step_forward}): the loader accepts the known ones and rejects the rest, validate warns
// about long steps, and the shipped lessons keep to all of it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/lesson.hpp"
#include "scenario/lesson_texts.hpp"
#include "scenario/lesson_variant.hpp"

namespace cs {
namespace {

namespace fs = std::filesystem;

std::string all(const Diagnostics& ds) {
  std::string s;
  for (const auto& d : ds) s += d.to_string() + "\n";
  return s;
}

// A minimal valid lesson; `narration` is the first step's JSON members after "kind", `top` extra
// top-level members.
std::string lesson_text(const std::string& narration, const std::string& top = "") {
  return R"({
  "id": "texts", "title": { "zh-TW": "文字", "en": "Texts" }, "topic": "atomic-commit", "minutes": 5,)" + top + R"(
  "scenario": { "protocol": "2pc", "seed": 1, "until_ms": 2000, "params": { "participants": 2 } },
  "steps": [
    { "kind": "narration", )" + narration + R"( },
    { "kind": "quiz", "id": "a", "quiz": "choice", "question": { "zh-TW": "問？", "en": "Which?" },
      "options": [ { "text": { "zh-TW": "是", "en": "Yes" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "否", "en": "No" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 0 },
    { "kind": "quiz", "id": "b", "quiz": "choice", "question": { "zh-TW": "再問？", "en": "Again?" },
      "options": [ { "text": { "zh-TW": "是", "en": "Yes" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "否", "en": "No" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 1 },
    { "kind": "quiz", "id": "m", "quiz": "make_it_happen", "question": { "zh-TW": "讓 C 當機。", "en": "Crash C." }, "goal": { "node": "C", "up": false },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "crash": "C" } }] }
  ]
})";
}

const std::string kRecap =
    R"( "recap": { "zh-TW": "你會了。", "en": "you can." }, "sources": ["gray-lamport-2006", "skeen-1981"],)";

TEST(LessonTexts, MoreRecapAndSourcesAreRead) {
  const std::string t = lesson_text(
      R"("text": { "zh-TW": "短。", "en": "Short." }, "more": { "zh-TW": "長的說明。", "en": "The long story." })", kRecap);
  const auto r = load_lesson(t, "t.json");
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  ASSERT_TRUE(r.lesson->steps[0].more);
  EXPECT_EQ(r.lesson->steps[0].more->en, "The long story.");
  ASSERT_TRUE(r.lesson->recap);
  EXPECT_EQ(r.lesson->recap->zh_tw, "你會了。");
  EXPECT_EQ(r.lesson->sources, (std::vector<std::string>{"gray-lamport-2006", "skeen-1981"}));
  EXPECT_TRUE(lesson_length_warnings(*r.lesson, t).empty()) << all(lesson_length_warnings(*r.lesson, t));
}

TEST(LessonTexts, MoreNeedsBothLanguagesAndSourcesMustBeKnown) {
  auto r = load_lesson(lesson_text(R"("text": { "zh-TW": "短。", "en": "Short." }, "more": { "en": "Only English." })"), "t.json");
  ASSERT_FALSE(r.lesson);
  EXPECT_NE(all(r.diagnostics).find("steps[0].more"), std::string::npos) << all(r.diagnostics);
  r = load_lesson(lesson_text(R"("text": { "zh-TW": "短。", "en": "Short." })", R"( "sources": ["gray-lamport-2006", "wikipedia"],)"),
                  "t.json");
  ASSERT_FALSE(r.lesson);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "sources[1]");
  EXPECT_NE(r.diagnostics[0].message.find("unknown source \"wikipedia\""), std::string::npos);
}

TEST(LessonTexts, UiKeysAreCheckedInEveryText) {
  EXPECT_TRUE(load_lesson(lesson_text(R"("text": { "zh-TW": "按 {ui:step_forward}，再 {ui:crash_node:C}。", "en": "Press {ui:step_forward}, then {ui:crash_node:C}." })"),
                          "t.json")
                  .lesson);
  auto r = load_lesson(lesson_text(R"("text": { "zh-TW": "按 {ui:single_step}。", "en": "Press {ui:step_forward}." })"), "t.json");
  ASSERT_FALSE(r.lesson);
  ASSERT_EQ(r.diagnostics.size(), 1u) << all(r.diagnostics);
  EXPECT_EQ(r.diagnostics[0].path, "steps[0].text.zh-TW");
  EXPECT_NE(r.diagnostics[0].message.find("unknown UI key \"single_step\""), std::string::npos) << r.diagnostics[0].message;
  r = load_lesson(lesson_text(R"("text": { "zh-TW": "{ui:crash_node}", "en": "{ui:play:C}" })"), "t.json");
  ASSERT_FALSE(r.lesson);
  EXPECT_EQ(r.diagnostics.size(), 2u) << all(r.diagnostics);
}

TEST(LessonTexts, LongStepsAndMissingRecapAreWarned) {
  std::string words;
  for (int i = 0; i < 61; ++i) words += "word ";
  const std::string t = lesson_text(R"("id": "long", "text": { "zh-TW": "長。", "en": ")" + words + R"(" })");
  const auto r = load_lesson(t, "long.json");
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  const Diagnostics ds = lesson_length_warnings(*r.lesson, t);
  ASSERT_EQ(ds.size(), 3u) << all(ds);
  EXPECT_EQ(ds[0].path, "steps[0].text.en");
  EXPECT_EQ(ds[0].file, "long.json");
  EXPECT_GT(ds[0].line, 0);
  EXPECT_NE(ds[0].message.find("step \"long\": 61 words"), std::string::npos) << ds[0].message;
  EXPECT_NE(all(ds).find("no \"recap\""), std::string::npos);
  EXPECT_NE(all(ds).find("no \"sources\""), std::string::npos);
}

TEST(LessonTexts, WordCount) {
  EXPECT_EQ(english_word_count("Press {ui:step_forward} until `P1` logs READY."), 6u);
  EXPECT_EQ(english_word_count("It's one—two, three."), 3u);
  EXPECT_EQ(english_word_count(""), 0u);
}

// Every shipped lesson keeps its steps short and ends with a recap and sources.
TEST(ShippedLessons, StepsFitAProjectorAndEndWithRecapAndSources) {
  std::size_t checked = 0;
  for (const auto& e : fs::directory_iterator(fs::path(COMMITSCOPE_SOURCE_DIR) / "lessons")) {
    const std::string name = e.path().filename().string();
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const auto r = load_lesson(text, name);
    ASSERT_TRUE(r.lesson) << all(r.diagnostics);
    EXPECT_TRUE(lesson_length_warnings(*r.lesson, text).empty()) << all(lesson_length_warnings(*r.lesson, text));
    ++checked;
  }
  EXPECT_GE(checked, 18u);
}

// "Try a variant": on the lesson's own seed the engine finds the lesson's answer; a variant is another
// seed on which the question is still open and exactly one option happens.
TEST(LessonVariant, OwnSeedGivesTheLessonsAnswerAndAVariantIsFair) {
  const fs::path file = fs::path(COMMITSCOPE_SOURCE_DIR) / "lessons" / "04-clocks-and-vector-clocks.json";
  std::ifstream in(file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const auto r = load_lesson(ss.str(), file.filename().string());
  ASSERT_TRUE(r.lesson) << all(r.diagnostics);
  const Lesson& l = *r.lesson;
  std::size_t q = 0;
  while (q < l.steps.size() && !(l.steps[q].kind == StepKind::Quiz && l.steps[q].quiz.kind == QuizKind::Predict)) ++q;
  ASSERT_LT(q, l.steps.size());
  bool open = false;
  EXPECT_EQ(predict_outcome_on_seed(l, q, l.scenario.seed, &open), l.steps[q].quiz.correct);
  EXPECT_TRUE(open);
  std::vector<std::uint64_t> seeds;
  for (std::uint64_t s = l.scenario.seed + 1; s < l.scenario.seed + 25; ++s) seeds.push_back(s);
  const auto v = find_predict_variant(l, q, seeds);
  ASSERT_TRUE(v);
  EXPECT_NE(v->seed, l.scenario.seed);
  EXPECT_EQ(predict_outcome_on_seed(l, q, v->seed), std::vector<std::size_t>{v->happens});
  // Not a predict step: no outcome.
  EXPECT_TRUE(predict_outcome_on_seed(l, 0, l.scenario.seed).empty());
}

}  // namespace
}  // namespace cs
