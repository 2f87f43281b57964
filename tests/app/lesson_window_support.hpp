// A shown laboratory window with its controller, optionally on a lesson: the set-up most window
// tests of lessons begin with; and a model learner who takes a lesson to a step through the panel.
#pragma once

#include <gtest/gtest.h>

#include <QApplication>
#include <QPushButton>
#include <QSize>
#include <QString>
#include <QTest>

#include "lab_controller.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "projector_style.hpp"

namespace guitest {

struct ShownWindow {
  LabController controller;
  MainWindow w{&controller};
  // Shows the window at `size`, waits until it is exposed and, when `lesson` is given, starts it
  // (a failure is reported by the test that made the window).
  explicit ShownWindow(const char* lesson = nullptr, QSize size = QSize(1400, 900)) {
    w.resize(size);
    w.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
    if (lesson) {
      EXPECT_TRUE(w.startLesson(QString::fromLatin1(lesson), false)) << lesson;
    }
  }
  // Projector mode sets the application's type (and, at 1080 lines, its size factor): a window that
  // turned it on must not leave the next test's widgets at projector sizes.
  ~ShownWindow() { projector::apply(false); }
};

// The index of the step with `id`, or -1.
inline int stepIndex(const cs::Lesson& l, const char* id) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].id == id) return static_cast<int>(i);
  return -1;
}

// Lets every animation finish at once and the window catch up.
inline void settle(LessonSession* s) {
  for (int guard = 0; guard < 1000 && s->controller()->isAnimating(); ++guard) s->skipAnimation();
  QApplication::processEvents();
}

// Answers the current predict question with option `i` (its index in the file) through the panel
// and presses Run to the result; waits until the run has stopped.
inline void predictAndRun(LessonPanel* panel, LessonSession* s, std::size_t i) {
  ASSERT_LT(i, panel->optionButtons().size());
  panel->optionButton(i)->click();
  ASSERT_TRUE(panel->submitButton()->isEnabled());
  panel->submitButton()->click();
  ASSERT_TRUE(panel->runResultButton()->isVisible());
  panel->runResultButton()->click();
  ASSERT_TRUE(QTest::qWaitFor([&] { return s->status() != LessonSession::Status::Playing; }, 20000));
  settle(s);
}

// Takes the lesson up to step `target` as a model learner does in the window: tasks and
// make-it-happen questions by their own solution ("Show me" performs what a learner would), other
// questions answered right through the panel, Next pressed.
inline void walkTo(MainWindow& w, int target) {
  LessonSession* s = w.lessonSession();
  LessonPanel* panel = w.lessonPanel();
  const cs::Lesson& l = *s->lesson();
  for (int guard = 0; guard < 200 && s->currentIndex() < target; ++guard) {
    settle(s);
    const int i = s->currentIndex();
    if (i >= target) break;
    const cs::LessonStep& step = l.steps[static_cast<std::size_t>(i)];
    if (step.kind == cs::StepKind::Task || (step.kind == cs::StepKind::Quiz && step.quiz.kind == cs::QuizKind::MakeItHappen)) {
      s->showSolution();
      settle(s);
    } else if (step.kind == cs::StepKind::Quiz && step.quiz.kind == cs::QuizKind::Choice) {
      for (std::size_t c : step.quiz.correct) panel->optionButton(c)->click();
      panel->submitButton()->click();
    } else if (step.kind == cs::StepKind::Quiz && step.quiz.kind == cs::QuizKind::Predict) {
      predictAndRun(panel, s, step.quiz.correct.front());
    }
    QApplication::processEvents();
    if (s->currentIndex() != i) continue;  // an action moved on by itself
    ASSERT_EQ(s->status(), LessonSession::Status::Done) << step.path;
    ASSERT_TRUE(panel->nextButton()->isEnabled()) << step.path;
    panel->nextButton()->click();
  }
  settle(s);
  ASSERT_EQ(s->currentIndex(), target);
}

}  // namespace guitest
