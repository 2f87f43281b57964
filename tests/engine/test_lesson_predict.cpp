// The predict rule (scenario/lesson_predict.hpp): a predict question is asked while its outcome is
// still open. A lesson that restarts the coordinator and then asks what the coordinator will do shows
// the answer (C's ABORT record, GLOBAL_ABORT in flight) before the question; the walker and
// validate flag it with the file, the step id and what gives it away. The same lesson with the
// restart in "after_prediction" passes, and so does every shipped lesson.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/condition.hpp"
#include "scenario/lesson.hpp"
#include "scenario/lesson_predict.hpp"
#include "scenario/lesson_walker.hpp"
#include "text_test_support.hpp"

namespace cs {
namespace {

namespace fs = std::filesystem;

// A 2PC lesson about the coordinator's recovery. RESTART is where the restart happens before the
// question (a learner's task), AFTER where it happens after the prediction.
const char* const kRecovery = R"({
  "id": "recovery", "title": { "zh-TW": "恢復", "en": "Recovery" }, "topic": "atomic-commit", "minutes": 5,
  "scenario": { "protocol": "2pc", "seed": 7, "until_ms": 3000,
                "params": { "participants": 3, "transactions": 1, "timeout_ms": 300 } },
  "steps": [
    { "kind": "action", "do": "play_until", "state": { "node": "C", "state": "WAIT" } },
    { "kind": "task", "id": "crash", "text": { "zh-TW": "讓 C 當機。", "en": "Crash C." }, "goal": { "node": "C", "up": false },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "crash": "C" } }] },
    { "kind": "action", "do": "play_until", "ms": 900 },
RESTART
    { "kind": "quiz", "id": "predict-recovery", "quiz": "predict", "question": { "zh-TW": "C 會怎麼做？", "en": "What does C do?" },
AFTER
      "until": { "ms": 1400 },
      "options": [ { "text": { "zh-TW": "提交", "en": "Commit" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." },
                     "when": { "txn": 1, "outcome": "committed" } },
                   { "text": { "zh-TW": "中止", "en": "Abort" }, "explanation": { "zh-TW": "對。", "en": "Right." },
                     "when": { "all": [{ "txn": 1, "outcome": "aborted" }, { "log": { "node": "C", "record": "ABORT", "txn": 1 } }] } } ],
      "correct": 1 },
    { "kind": "quiz", "id": "q2", "quiz": "choice", "question": { "zh-TW": "問題？", "en": "Question?" },
      "options": [ { "text": { "zh-TW": "甲", "en": "A" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "乙", "en": "B" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 0 },
    { "kind": "quiz", "id": "q3", "quiz": "make_it_happen", "question": { "zh-TW": "讓 C 當機。", "en": "Crash C." },
      "goal": { "node": "C", "up": false }, "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }],
      "solution": [{ "do": "fault", "fault": { "crash": "C" } }] }
  ]
})";

const char* const kRestartTask =
    R"(    { "kind": "task", "id": "restart", "text": { "zh-TW": "重新啟動 C。", "en": "Restart C." }, "goal": { "node": "C", "up": true },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "restart": "C" } }] },)";
const char* const kAfterPrediction = R"(      "after_prediction": [{ "do": "fault", "fault": { "restart": "C" } }],)";

std::string recovery_lesson(bool restart_before_question) {
  std::string s = kRecovery;
  const auto put = [&](const std::string& mark, const std::string& text) { s.replace(s.find(mark), mark.size(), text); };
  put("RESTART", restart_before_question ? kRestartTask : "");
  put("AFTER", restart_before_question ? "" : kAfterPrediction);
  return s;
}

Lesson load_ok(const std::string& text, const char* file = "recovery.json") {
  LessonLoadResult r = load_lesson(text, file);
  std::string problems;
  for (const auto& d : r.diagnostics) problems += d.to_string() + "\n";
  EXPECT_TRUE(r.lesson.has_value()) << problems;
  return r.lesson.value_or(Lesson{});
}

const StepReport* step_named(const WalkReport& w, const std::string& id) {
  for (const auto& s : w.steps)
    if (s.id == id) return &s;
  return nullptr;
}

std::size_t index_of(const Lesson& l, const std::string& id) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].id == id) return i;
  return l.steps.size();
}

}  // namespace

TEST(PredictRule, AQuestionAskedAfterTheRestartGivesItsAnswerAway) {
  const Lesson l = load_ok(recovery_lesson(true));
  const WalkReport w = walk_lesson(l);
  EXPECT_FALSE(w.ok);
  const StepReport* r = step_named(w, "predict-recovery");
  ASSERT_NE(r, nullptr);
  EXPECT_FALSE(r->ok);
  // The message names the file, the step and what is already on screen.
  EXPECT_NE(r->message.find("recovery.json"), std::string::npos) << r->message;
  EXPECT_NE(r->message.find("predict-recovery"), std::string::npos) << r->message;
  EXPECT_NE(r->message.find("C's log already has ABORT for transaction 1"), std::string::npos) << r->message;
  EXPECT_NE(r->message.find("options[1].when.all[1]"), std::string::npos) << r->message;
  EXPECT_NE(r->message.find("at 900 ms"), std::string::npos) << r->message;
  // The rest of the steps still walk (the prediction itself is right).
  for (const auto& s : w.steps)
    if (s.id != "predict-recovery") {
      EXPECT_TRUE(s.ok) << s.path << ": " << s.message;
    }
}

TEST(PredictRule, ValidateReportsItAtTheStepsPlaceInTheFile) {
  const std::string text = recovery_lesson(true);
  const Lesson l = load_ok(text);
  const Diagnostics ds = predict_question_diagnostics(l, text);
  ASSERT_EQ(ds.size(), 1u);
  const std::size_t step = index_of(l, "predict-recovery");
  EXPECT_EQ(ds[0].path, "steps[" + std::to_string(step) + "]");
  EXPECT_EQ(ds[0].file, "recovery.json");
  // The line of the step's opening brace in the text.
  const std::size_t at = text.find(R"({ "kind": "quiz", "id": "predict-recovery")");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(ds[0].line, 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n')));
  EXPECT_GT(ds[0].column, 0);
  const std::string line = ds[0].to_string();
  EXPECT_NE(line.find("predict step \"predict-recovery\""), std::string::npos) << line;
  EXPECT_NE(line.find("C's log already has ABORT"), std::string::npos) << line;
}

TEST(PredictRule, TheRestartAfterThePredictionKeepsTheOutcomeOpen) {
  const std::string text = recovery_lesson(false);
  const Lesson l = load_ok(text);
  ASSERT_EQ(l.steps[index_of(l, "predict-recovery")].quiz.after_prediction.size(), 1u);
  const WalkReport w = walk_lesson(l);
  EXPECT_TRUE(w.ok) << walk_report_text(w);
  EXPECT_TRUE(predict_question_diagnostics(l, text).empty());
  // At the question, C is still down with no decision in its log; the walk then restarts it.
  const std::size_t q = index_of(l, "predict-recovery");
  WalkReport before;
  const auto run = walk_lesson_steps(l, q, before);
  ASSERT_NE(run, nullptr);
  EXPECT_FALSE(run->sim().is_up(0));
  EXPECT_TRUE(predict_giveaways(l.steps[q].quiz, *run).empty());
  const StepReport* r = step_named(w, "predict-recovery");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->time, ms(1400));
  EXPECT_NE(r->message.find("the run does option 1"), std::string::npos) << r->message;
}

TEST(PredictRule, AMessageAlreadyInFlightGivesItAway) {
  // "C sends GLOBAL_ABORT" asked after C has sent it: the message is on the canvas.
  std::string text = recovery_lesson(false);
  const std::string from = R"({ "all": [{ "txn": 1, "outcome": "aborted" }, { "log": { "node": "C", "record": "ABORT", "txn": 1 } }] })";
  text.replace(text.find(from), from.size(), R"({ "messages_sent": { "type": "GLOBAL_ABORT", "from": "C", "at_least": 1 } })");
  const Lesson l = load_ok(text);
  const std::size_t q = index_of(l, "predict-recovery");
  WalkReport before;
  const auto run = walk_lesson_steps(l, q, before);
  ASSERT_NE(run, nullptr);
  EXPECT_TRUE(predict_giveaways(l.steps[q].quiz, *run).empty());
  ASSERT_TRUE(perform_all(l.steps[q].quiz.after_prediction, *run).ok);
  const auto found = predict_giveaways(l.steps[q].quiz, *run);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].what.find("GLOBAL_ABORT has already been sent by C"), std::string::npos) << found[0].what;
}

TEST(PredictRule, StatesThatHoldAlreadyAndThingsThatMustNotHappenAreNoEvidence) {
  // The right option: "C is down (already true) and P1 has logged ABORT (not yet)". Only the whole
  // option or the record would give the answer away; "not" parts never count.
  std::string text = recovery_lesson(false);
  const std::string from = R"({ "all": [{ "txn": 1, "outcome": "aborted" }, { "log": { "node": "C", "record": "ABORT", "txn": 1 } }] })";
  text.replace(text.find(from), from.size(),
               R"({ "all": [{ "node": "P1", "state": "READY" }, { "not": { "log": { "node": "C", "record": "COMMIT" } } }, { "log": { "node": "C", "record": "ABORT", "txn": 1 } }] })");
  const Lesson l = load_ok(text);
  const std::size_t q = index_of(l, "predict-recovery");
  WalkReport before;
  const auto run = walk_lesson_steps(l, q, before);
  ASSERT_NE(run, nullptr);
  EXPECT_TRUE(evaluate(l.steps[q].quiz.options[1].when.front().children[0], *run));  // P1 is in READY now
  EXPECT_TRUE(predict_giveaways(l.steps[q].quiz, *run).empty());
}

TEST(PredictRule, AfterPredictionIsAListOfActionsWithoutRestart) {
  std::string text = recovery_lesson(false);
  const std::string from = kAfterPrediction;
  std::string bad = text;
  bad.replace(bad.find(from), from.size(), R"(      "after_prediction": { "do": "fault", "fault": { "restart": "C" } },)");
  LessonLoadResult r = load_lesson(bad, "x.json");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics[0].message.find("\"after_prediction\" must be a list"), std::string::npos) << r.diagnostics[0].message;
  bad = text;
  bad.replace(bad.find(from), from.size(), R"(      "after_prediction": [{ "do": "restart", "params": {} }],)");
  r = load_lesson(bad, "x.json");
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_NE(r.diagnostics[0].path.find("after_prediction[0]"), std::string::npos) << r.diagnostics[0].to_string();
}

// Every shipped lesson asks each predict question while its outcome is still open; lessons 08 and 12
// are the ones issue 11 found (C already in ABORT, RESERVE_STOCK already re-sent).
TEST(PredictRule, NoShippedLessonGivesAPredictAnswerAway) {
  const fs::path dir = fs::path(COMMITSCOPE_SOURCE_DIR) / "lessons";
  int predicts = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    const std::string text = read_all(e.path());
    const Lesson l = load_ok(text, e.path().filename().string().c_str());
    for (const auto& d : predict_question_diagnostics(l, text)) ADD_FAILURE() << d.to_string();
    for (const auto& s : l.steps) predicts += s.kind == StepKind::Quiz && s.quiz.kind == QuizKind::Predict;
  }
  EXPECT_GE(predicts, 30);
}

TEST(PredictRule, Lesson08AsksAboutRecoveryWhileCIsStillDown) {
  const fs::path file = fs::path(COMMITSCOPE_SOURCE_DIR) / "lessons" / "08-2pc-blocks.json";
  const Lesson l = load_ok(read_all(file), "08-2pc-blocks.json");
  const std::size_t q = index_of(l, "predict-recovery");
  ASSERT_LT(q, l.steps.size());
  WalkReport w;
  const auto run = walk_lesson_steps(l, q, w);
  ASSERT_NE(run, nullptr);
  const Simulator& sim = run->sim();
  EXPECT_EQ(sim.now(), ms(900));
  EXPECT_FALSE(sim.is_up(0));
  for (const auto& rec : sim.log(0)) EXPECT_NE(run->protocol().info().log_records[rec.type], "ABORT");
  for (const std::uint32_t id : sim.in_flight())
    EXPECT_NE(run->protocol().info().messages[sim.messages()[id].type], "GLOBAL_ABORT");
}

}  // namespace cs
