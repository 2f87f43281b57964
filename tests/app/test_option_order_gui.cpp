// Issue 12, fair questions: the lesson panel shows a question's options in an order drawn from the
// attempt (cs::option_order), so that the right answer is not always in the same place; "Try again"
// and a new attempt bring another order, teacher mode one fixed order for the room; answers are
// stored as the option's place in the lesson file, so progress and "Continue" still score right.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <set>

#include "lab_controller.hpp"
#include "lesson_library.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "progress_store.hpp"

namespace {

using Status = LessonSession::Status;

void settle(LessonSession& s) {
  for (int guard = 0; guard < 1000 && s.controller()->isAnimating(); ++guard) s.skipAnimation();
}

void flush() {
  for (int k = 0; k < 3; ++k) QApplication::processEvents();
}

bool isQuestion(const cs::LessonStep& s) { return s.kind == cs::StepKind::Quiz && s.quiz.kind != cs::QuizKind::MakeItHappen; }

int firstChoice(const cs::Lesson& l, int from = 0) {
  for (std::size_t i = static_cast<std::size_t>(from); i < l.steps.size(); ++i)
    if (l.steps[i].kind == cs::StepKind::Quiz && l.steps[i].quiz.kind == cs::QuizKind::Choice && l.steps[i].quiz.correct.size() == 1)
      return static_cast<int>(i);
  return -1;
}

std::size_t wrongOption(const cs::Quiz& q) {
  std::size_t wrong = 0;
  while (std::find(q.correct.begin(), q.correct.end(), wrong) != q.correct.end()) ++wrong;
  return wrong;
}

// The option texts as the panel shows them, top to bottom (without the "A." prefix and marks).
QStringList shownTexts(const LessonPanel* panel) {
  QStringList out;
  for (const QAbstractButton* b : panel->optionButtons()) out << b->parentWidget()->findChild<QLabel*>()->text();
  return out;
}

// Where the panel shows option `lessonIndex` (0 = top).
int shownAt(const LessonPanel* panel, std::size_t lessonIndex) {
  const auto& buttons = panel->optionButtons();
  const auto at = std::find(buttons.begin(), buttons.end(), panel->optionButton(lessonIndex));
  return at == buttons.end() ? -1 : static_cast<int>(at - buttons.begin());
}

// Brings a learner's session to step `i` the way a teacher's jump does, then back to learner mode.
void jumpAsLearner(LessonSession& s, int i) {
  s.setTeacherMode(true);
  s.jumpTo(i);
  s.setTeacherMode(false);
  settle(s);
  flush();
}

}  // namespace

TEST(OptionOrder, OverTheLessonsTheRightAnswerIsShownInEveryPlace) {
  LabController controller;
  MainWindow w(&controller);
  std::map<int, int> rightAt;  // shown position -> questions
  int questions = 0;
  int moved = 0;  // questions whose right answer is not shown where the file has it
  for (const auto& entry : w.lessons().entries()) {
    if (!entry.lesson) continue;
    ASSERT_TRUE(w.startLesson(QString::fromStdString(entry.lesson->id), false));
    LessonSession* s = w.lessonSession();
    for (int i = 0; i < s->stepCount(); ++i) {
      const cs::LessonStep& step = s->lesson()->steps[static_cast<std::size_t>(i)];
      if (!isQuestion(step) || step.quiz.correct.size() != 1) continue;
      const auto order = s->optionOrder(i);
      ASSERT_EQ(order.size(), step.quiz.options.size());
      const auto at = static_cast<std::size_t>(std::find(order.begin(), order.end(), step.quiz.correct.front()) - order.begin());
      ++rightAt[static_cast<int>(at)];
      moved += at != step.quiz.correct.front() ? 1 : 0;
      ++questions;
    }
  }
  ASSERT_GT(questions, 40);
  EXPECT_GT(moved * 2, questions) << "the order is drawn, not the file's: " << moved << " of " << questions << " moved";
  EXPECT_GE(rightAt.size(), 3u);
  for (const auto& [pos, n] : rightAt) EXPECT_LT(n * 2, questions) << "the right answer is shown at " << pos << " in " << n << " of " << questions;

  // And the panel shows that order: the label at each place is the option the order puts there.
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  LessonSession* s = w.lessonSession();
  const int quiz = firstChoice(*s->lesson());
  ASSERT_GE(quiz, 0);
  jumpAsLearner(*s, quiz);
  const auto order = s->optionOrder(quiz);
  const QStringList shown = shownTexts(w.lessonPanel());
  ASSERT_EQ(static_cast<std::size_t>(shown.size()), order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    const QString text = QString::fromStdString(s->currentStep()->quiz.options[order[k]].text.en);
    EXPECT_TRUE(shown[static_cast<int>(k)].contains(QStringLiteral("<b>%1.</b> ").arg(QChar(static_cast<char16_t>(u'A' + k)))));
    EXPECT_TRUE(shown[static_cast<int>(k)].contains(text.left(20).toHtmlEscaped())) << shown[static_cast<int>(k)].toStdString();
  }
}

TEST(OptionOrder, TryAgainShowsAnotherOrderAndTheRightOptionStillScores) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.startLesson(QStringLiteral("07-two-phase-commit"), false));
  LessonSession* s = w.lessonSession();
  LessonPanel* panel = w.lessonPanel();
  const int quiz = firstChoice(*s->lesson());
  ASSERT_GE(quiz, 0);
  jumpAsLearner(*s, quiz);
  const cs::Quiz& q = s->currentStep()->quiz;
  const QStringList before = shownTexts(panel);
  const auto wrong = wrongOption(q);
  panel->optionButton(wrong)->click();
  panel->submitButton()->click();
  EXPECT_EQ(s->stepState(quiz).chosen, std::vector<std::size_t>{wrong}) << "stored by its place in the lesson file";
  EXPECT_TRUE(panel->verdictLabel()->text().contains(QStringLiteral("you chose %1").arg(panel->optionLetter(wrong))));
  panel->tryAgainButton()->click();
  flush();
  const QStringList after = shownTexts(panel);
  ASSERT_EQ(after.size(), before.size());
  EXPECT_NE(after, before) << "a retry by position would get nothing";
  panel->optionButton(q.correct.front())->click();
  panel->submitButton()->click();
  EXPECT_TRUE(s->stepState(quiz).correct);
  EXPECT_TRUE(panel->verdictLabel()->text().contains(QStringLiteral("you chose %1").arg(panel->optionLetter(q.correct.front()))))
      << panel->verdictLabel()->text().toStdString();
}

TEST(OptionOrder, ANewAttemptShowsAnotherOrderTeacherModeOneForTheRoom) {
  QTemporaryDir profile;
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openProgress(profile.path(), false));
  const QString id = QStringLiteral("08-2pc-blocks");
  const auto orders = [&] {
    std::vector<std::vector<std::size_t>> out;
    LessonSession* s = w.lessonSession();
    for (int i = 0; i < s->stepCount(); ++i)
      if (isQuestion(s->lesson()->steps[static_cast<std::size_t>(i)])) out.push_back(s->optionOrder(i));
    return out;
  };
  ASSERT_TRUE(w.startLesson(id, false));
  const auto first = orders();
  const quint64 firstAttempt = w.lessonSession()->attemptKey();
  w.lessonSession()->setTeacherMode(true);
  const auto room = orders();
  ASSERT_TRUE(w.startLesson(id, false));  // start over
  EXPECT_NE(w.lessonSession()->attemptKey(), firstAttempt);
  EXPECT_NE(orders(), first) << "another attempt, another order";
  w.lessonSession()->setTeacherMode(true);
  EXPECT_EQ(orders(), room) << "in front of the class the order does not depend on the teacher's attempts";
}

TEST(OptionOrder, ProgressAndContinueKeepMeaningTheSameOption) {
  QTemporaryDir profile;
  const QString id = QStringLiteral("08-2pc-blocks");
  int quiz = -1;
  std::size_t right = 0;
  {
    LabController controller;
    MainWindow w(&controller);
    ASSERT_TRUE(w.openProgress(profile.path(), false));
    ASSERT_TRUE(w.startLesson(id, false));
    LessonSession* s = w.lessonSession();
    LessonPanel* panel = w.lessonPanel();
    // A question this attempt shows in another order than the file's, so that a stored screen
    // position would mean another option.
    for (int i = firstChoice(*s->lesson()); i >= 0 && quiz < 0; i = firstChoice(*s->lesson(), i + 1)) {
      const std::size_t c = s->lesson()->steps[static_cast<std::size_t>(i)].quiz.correct.front();
      if (s->optionOrder(i)[c] != c) quiz = i;  // the place of the right option shows another one
    }
    ASSERT_GE(quiz, 0) << "no choice question of this lesson is shuffled in this attempt";
    jumpAsLearner(*s, quiz);
    right = s->currentStep()->quiz.correct.front();
    ASSERT_NE(shownAt(panel, right), static_cast<int>(right));
    panel->optionButton(right)->click();
    panel->submitButton()->click();
    ASSERT_TRUE(s->stepState(quiz).firstCorrect);
    const auto answers = w.progress()->answers(id);
    ASSERT_EQ(answers.size(), 1);
    EXPECT_EQ(answers[0].answer, QString::number(right)) << "the option's place in the file, not on screen";
    EXPECT_TRUE(answers[0].correct);
    w.closeLesson();
  }
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openProgress(profile.path(), false));
  ASSERT_TRUE(w.continueLesson(id, false));
  LessonSession* s = w.lessonSession();
  EXPECT_EQ(s->score(), 1);
  EXPECT_TRUE(s->stepState(quiz).correct);
  EXPECT_EQ(s->stepState(quiz).chosen, std::vector<std::size_t>{right});
  // Back on the question, the chosen option is the right one, wherever this attempt shows it.
  s->jumpTo(quiz);
  flush();
  LessonPanel* panel = w.lessonPanel();
  ASSERT_NE(panel->optionButton(right), nullptr);
  EXPECT_TRUE(panel->optionButton(right)->isChecked());
  EXPECT_EQ(shownAt(panel, right), static_cast<int>(panel->optionLetter(right).unicode() - u'A'));
  EXPECT_TRUE(panel->verdictLabel()->text().contains(QStringLiteral("Right"))) << panel->verdictLabel()->text().toStdString();
}
