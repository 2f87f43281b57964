// Issue #11, item 3 and the end of item 5: a predict question is shown with the run stopped before
// its outcome, and after the learner has predicted, "Run to the result" plays the run to the
// question's `until` quickly (not 25 seconds at 1x), then the verdict is shown against what happened.
// The tests take lessons 08 and 12 through the window as a learner does: Next, the panel's buttons.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QPushButton>
#include <QTest>

#include "lab_controller.hpp"
#include "lesson_window_support.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "scenario/condition.hpp"
#include "scenario/lesson_predict.hpp"

using Status = LessonSession::Status;

namespace {

using guitest::stepIndex;
using guitest::walkTo;


bool visibleAndEnabled(const QAbstractButton* b) { return b->isVisible() && b->isEnabled(); }

// Clicks option `i` (its index in the lesson file) of the current question and the submit button.
void chooseAndSubmit(LessonPanel* panel, std::size_t i) {
  ASSERT_LT(i, panel->optionButtons().size());
  QAbstractButton* option = panel->optionButton(i);
  ASSERT_TRUE(visibleAndEnabled(option));
  option->click();
  ASSERT_TRUE(visibleAndEnabled(panel->submitButton()));
  panel->submitButton()->click();
}

// The learner presses Run to the result and waits; returns the wall-clock time it took.
qint64 runToResult(LessonPanel* panel, LessonSession* s) {
  EXPECT_TRUE(visibleAndEnabled(panel->runResultButton()));
  QElapsedTimer wall;
  wall.start();
  panel->runResultButton()->click();
  EXPECT_TRUE(QTest::qWaitFor([&] { return s->status() != Status::Playing; }, 20000));
  return wall.elapsed();
}

bool logHas(const LabController& c, cs::NodeId n, const char* record, cs::TxnId txn) {
  for (const auto& r : c.sim().log(n))
    if (c.info().log_records[r.type] == record && r.txn == txn) return true;
  return false;
}

int inFlight(const LabController& c, const char* type) {
  int n = 0;
  for (const std::uint32_t id : c.sim().in_flight()) n += c.info().messages[c.sim().messages()[id].type] == type;
  return n;
}

int sent(const LabController& c, const char* type) {
  int n = 0;
  for (const auto& ev : c.sim().trace()) n += ev.kind == cs::TraceKind::Send && c.info().messages[ev.key] == type;
  return n;
}

}  // namespace

TEST(PredictInTheWindow, Lesson08AsksAboutRecoveryBeforeCDecidesThenRunsToTheResult) {
  guitest::ShownWindow lw("08-2pc-blocks", QSize(1280, 800));
  LabController& c = lw.controller;
  LessonSession* s = lw.w.lessonSession();
  LessonPanel* panel = lw.w.lessonPanel();
  const int q = stepIndex(*s->lesson(), "predict-recovery");
  ASSERT_GT(q, 0);
  walkTo(lw.w, q);
  const cs::Quiz& quiz = s->currentStep()->quiz;

  // The question is shown with the outcome still open: C is down, not in ABORT, nothing decided.
  const cs::NodeId C = 0;
  ASSERT_EQ(c.nodeName(C), QStringLiteral("C"));
  EXPECT_FALSE(c.isPlaying());
  EXPECT_EQ(c.now(), cs::ms(900));
  EXPECT_NE(c.info().states[c.sim().node_view(C).state], "ABORT");
  EXPECT_FALSE(logHas(c, C, "ABORT", 1));
  EXPECT_EQ(inFlight(c, "GLOBAL_ABORT"), 0);
  EXPECT_TRUE(cs::predict_giveaways(quiz, c.simulation()).empty());
  EXPECT_FALSE(panel->runResultButton()->isVisible()) << "nothing to run before a prediction";

  // The learner predicts; the run still stands where the question was asked.
  chooseAndSubmit(panel, quiz.correct.front());
  EXPECT_TRUE(s->awaitingResult());
  EXPECT_EQ(c.now(), cs::ms(900));
  EXPECT_FALSE(logHas(c, C, "ABORT", 1));
  EXPECT_FALSE(panel->optionButtons()[0]->isEnabled()) << "a prediction is locked in";
  EXPECT_FALSE(panel->submitButton()->isVisible());

  // Run to the result: 500 ms of virtual time, 25 s at 1x, in a few seconds.
  ASSERT_DOUBLE_EQ(c.speed(), 1.0);
  const qint64 took = runToResult(panel, s);
  EXPECT_LT(took, 8000);
  EXPECT_EQ(s->status(), Status::Done);
  EXPECT_EQ(c.now(), cs::ms(1400));
  EXPECT_TRUE(c.sim().is_up(C));
  EXPECT_TRUE(logHas(c, C, "ABORT", 1));
  EXPECT_GE(sent(c, "GLOBAL_ABORT"), 1);
  // The verdict, against what happened.
  const auto& st = s->stepState(q);
  EXPECT_TRUE(st.answered);
  EXPECT_TRUE(st.correct);
  ASSERT_EQ(st.happened.size(), 1u);
  EXPECT_EQ(st.happened.front(), quiz.correct.front());
  EXPECT_FALSE(panel->runResultButton()->isVisible());
  EXPECT_TRUE(panel->feedbackText().contains(QStringLiteral("that is what happened"))) << panel->feedbackText().toStdString();
  EXPECT_TRUE(panel->nextButton()->isEnabled());
}

TEST(PredictInTheWindow, Lesson12AsksBeforeRESERVE_STOCKIsSentAgainAndJudgesAWrongPrediction) {
  guitest::ShownWindow lw("12-saga-orchestration", QSize(1280, 800));
  LabController& c = lw.controller;
  LessonSession* s = lw.w.lessonSession();
  LessonPanel* panel = lw.w.lessonPanel();
  const int q = stepIndex(*s->lesson(), "predict-orchestrator-recovery");
  ASSERT_GT(q, 0);
  walkTo(lw.w, q);
  const cs::Quiz& quiz = s->currentStep()->quiz;

  // O is down and has sent RESERVE_STOCK once: whether (and what) it re-sends is still open.
  const cs::NodeId O = 0;
  ASSERT_EQ(c.nodeName(O), QStringLiteral("O"));
  EXPECT_FALSE(c.sim().is_up(O));
  EXPECT_EQ(sent(c, "RESERVE_STOCK"), 1);
  EXPECT_TRUE(cs::predict_giveaways(quiz, c.simulation()).empty());

  // A wrong prediction: "O goes straight to SHIP".
  const std::size_t wrong = 2;
  ASSERT_NE(wrong, quiz.correct.front());
  chooseAndSubmit(panel, wrong);
  EXPECT_EQ(sent(c, "RESERVE_STOCK"), 1);
  const qint64 took = runToResult(panel, s);
  EXPECT_LT(took, 8000);
  EXPECT_EQ(s->status(), Status::Done);
  EXPECT_TRUE(c.sim().is_up(O));
  EXPECT_EQ(sent(c, "RESERVE_STOCK"), 2);
  EXPECT_GE(sent(c, "SHIP"), 1);
  const auto& st = s->stepState(q);
  EXPECT_TRUE(st.answered);
  EXPECT_FALSE(st.correct);
  ASSERT_EQ(st.happened.size(), 1u);
  EXPECT_EQ(st.happened.front(), quiz.correct.front());
  EXPECT_TRUE(panel->feedbackText().contains(QStringLiteral("Not what happened"))) << panel->feedbackText().toStdString();
}

// Teacher mode's jump past a predict step performs its "after_prediction" too: the run after the
// step is the one the walker gets.
TEST(PredictInTheWindow, JumpingPastAPredictStepPerformsWhatItDoesAfterThePrediction) {
  guitest::ShownWindow lw("08-2pc-blocks", QSize(1280, 800));
  LessonSession* s = lw.w.lessonSession();
  const int q = stepIndex(*s->lesson(), "predict-recovery");
  ASSERT_GT(q, 0);
  s->setTeacherMode(true);
  s->jumpTo(q + 1);
  ASSERT_EQ(s->currentIndex(), q + 1);
  EXPECT_EQ(lw.controller.now(), cs::ms(1400));
  EXPECT_TRUE(lw.controller.sim().is_up(0));
  EXPECT_TRUE(logHas(lw.controller, 0, "ABORT", 1));
}

// A learner who plays the run on while reading the narration before a question does not get the
// answer handed over: the question is asked where the narration began.
TEST(PredictInTheWindow, PlayingPastTheOutcomeDuringTheNarrationIsTakenBackForTheQuestion) {
  guitest::ShownWindow lw("07-two-phase-commit", QSize(1280, 800));
  LabController& c = lw.controller;
  LessonSession* s = lw.w.lessonSession();
  const int q = stepIndex(*s->lesson(), "predict-first-outcome");
  ASSERT_GT(q, 0);
  ASSERT_EQ(s->lesson()->steps[static_cast<std::size_t>(q - 1)].kind, cs::StepKind::Narration);
  walkTo(lw.w, q - 1);
  const cs::Time reading = c.now();
  const cs::Quiz& quiz = s->lesson()->steps[static_cast<std::size_t>(q)].quiz;
  // Scrubbing ahead to the end of the run: transaction 1 has committed there.
  c.seekTime(cs::ms(400));
  ASSERT_FALSE(cs::predict_giveaways(quiz, c.simulation()).empty());
  lw.w.lessonPanel()->nextButton()->click();
  ASSERT_EQ(s->currentIndex(), q);
  EXPECT_TRUE(cs::predict_giveaways(quiz, c.simulation()).empty());
  EXPECT_EQ(c.now(), reading);
  chooseAndSubmit(lw.w.lessonPanel(), quiz.correct.front());
  runToResult(lw.w.lessonPanel(), s);
  EXPECT_TRUE(s->stepState(q).correct);
}
