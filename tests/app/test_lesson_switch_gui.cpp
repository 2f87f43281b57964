// Issue #12, L16: a lesson step switches the lab to another scenario with other nodes (dual write,
// then the outbox). The window shows the new nodes, a question after the switch is judged on the
// switched run, Back and Page Up across the switch bring the earlier run and its nodes back with the
// answers kept, and the guarantee that a lesson never judges a run it did not start still holds.
#include <gtest/gtest.h>

#include <QApplication>
#include <QPushButton>
#include <QTest>

#include "canvas_view.hpp"
#include "lab_controller.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "lesson_window_support.hpp"
#include "main_window.hpp"
#include "scenario/condition.hpp"
#include "sim/fault.hpp"

using Status = LessonSession::Status;

namespace {

constexpr const char* kLesson = "16-transactional-outbox";

int indexOf(const cs::Lesson& l, const char* id) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].id == id) return static_cast<int>(i);
  return -1;
}

int switchIndex(const cs::Lesson& l) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].kind == cs::StepKind::Action && l.steps[i].action.kind == cs::ActionKind::SwitchScenario)
      return static_cast<int>(i);
  return -1;
}

void settle(LessonSession* s) {
  for (int guard = 0; guard < 1000 && s->controller()->isAnimating(); ++guard) s->skipAnimation();
  QApplication::processEvents();
}

void clickNext(MainWindow& w) {
  QPushButton* next = w.lessonPanel()->nextButton();
  ASSERT_TRUE(next->isEnabled()) << "step " << w.lessonSession()->currentIndex();
  QTest::mouseClick(next, Qt::LeftButton);
  settle(w.lessonSession());
}

// A fault as the canvas's menus make it.
cs::FaultAction fault(cs::FaultKind kind, const LabController& c, const QString& a, const QString& b = {}) {
  cs::FaultAction f;
  f.kind = kind;
  for (cs::NodeId n = 0; n < c.nodeCount(); ++n) {
    if (c.nodeName(n) == a) f.a = n;
    if (!b.isEmpty() && c.nodeName(n) == b) f.b = n;
  }
  return f;
}

// Steps the run one event at a time (Run > Step forward) until the current step is done.
void stepUntilDone(LabController& c, LessonSession* s) {
  for (int guard = 0; guard < 500 && s->status() != Status::Done; ++guard) c.stepForward();
  ASSERT_EQ(s->status(), Status::Done) << "step " << s->currentIndex();
}

bool onCanvas(MainWindow& w, const char* node) { return w.canvas()->nodeItemNamed(QString::fromLatin1(node)) != nullptr; }

}  // namespace

TEST(LessonSwitch, L16WalksAcrossTheSwitchAndBackWithTheOldNodesAndAnswers) {
  guitest::ShownWindow win(kLesson, QSize(1280, 720));
  MainWindow& w = win.w;
  LabController& c = win.controller;
  LessonSession* s = w.lessonSession();
  ASSERT_TRUE(s->isActive());
  const cs::Lesson& l = *s->lesson();
  const int lost = indexOf(l, "make-lost-event");
  const int dup = indexOf(l, "make-duplicate");
  const int sameCrash = indexOf(l, "outbox-same-crash");
  const int sw = switchIndex(l);
  ASSERT_TRUE(lost > 0 && dup > lost && sw > dup && sameCrash > sw);

  // Dual write: three nodes, no relay.
  EXPECT_EQ(c.scenario().protocol, "dual-write");
  EXPECT_TRUE(onCanvas(w, "ORDER_SVC"));
  EXPECT_FALSE(onCanvas(w, "RELAY"));

  // The learner loses order 1's event: a crash in the gap between commit and publish.
  while (s->currentIndex() < lost) clickNext(w);
  ASSERT_EQ(s->status(), Status::Waiting);
  c.injectFault(fault(cs::FaultKind::Crash, c, QStringLiteral("ORDER_SVC")));
  ASSERT_EQ(s->status(), Status::Done);
  EXPECT_TRUE(s->stepState(lost).correct);
  EXPECT_TRUE(s->canTryVariant()) << "before the switch a variant is another seed of this run";

  // ... and applies order 2 twice: the PUBLISH_ACK dropped on its link.
  while (s->currentIndex() < dup) clickNext(w);
  ASSERT_EQ(s->status(), Status::Waiting);
  c.injectFault(fault(cs::FaultKind::DropNext, c, QStringLiteral("BROKER"), QStringLiteral("ORDER_SVC")));
  stepUntilDone(c, s);
  EXPECT_TRUE(s->stepState(dup).correct);

  // Next up to the narration before the switch: the dual-write run as it stands there.
  while (s->currentIndex() < sw - 1) clickNext(w);
  const int beforeSwitch = s->currentIndex();
  const QString dualTrace = c.traceSha256();
  const cs::Time dualTime = c.now();
  ASSERT_GT(dualTime, cs::ms(600));

  // Next: the lab switches to the outbox, with its relay on the canvas, and the lesson goes on.
  clickNext(w);
  ASSERT_EQ(s->currentIndex(), sameCrash);
  EXPECT_TRUE(s->isActive()) << "the switch must not end the lesson";
  EXPECT_EQ(c.scenario().protocol, "outbox");
  EXPECT_TRUE(onCanvas(w, "RELAY"));
  EXPECT_TRUE(onCanvas(w, "ORDER_SVC"));
  EXPECT_EQ(c.nodeName(1), QStringLiteral("RELAY"));
  EXPECT_LT(c.now(), cs::ms(100)) << "a fresh run of the new scenario";

  // The question after the switch is judged on the switched run: the same crash, handled.
  ASSERT_EQ(s->status(), Status::Waiting);
  const cs::Condition& goal = l.steps[static_cast<std::size_t>(sameCrash)].quiz.goal.front();
  c.injectFault(fault(cs::FaultKind::Crash, c, QStringLiteral("ORDER_SVC")));
  c.injectFault(fault(cs::FaultKind::Restart, c, QStringLiteral("ORDER_SVC")));
  EXPECT_EQ(s->status(), Status::Waiting);
  stepUntilDone(c, s);
  EXPECT_TRUE(cs::evaluate(goal, c.simulation()));
  EXPECT_EQ(c.scenario().protocol, "outbox");
  EXPECT_TRUE(s->stepState(sameCrash).answered);
  EXPECT_TRUE(s->stepState(sameCrash).correct);
  EXPECT_FALSE(s->canTryVariant()) << "a variant's seed would not reach the switched run";

  // Back: over the stage directions to the narration before the switch, on the dual-write run.
  QTest::mouseClick(w.lessonPanel()->backButton(), Qt::LeftButton);
  settle(s);
  EXPECT_EQ(s->currentIndex(), beforeSwitch);
  EXPECT_EQ(c.scenario().protocol, "dual-write");
  EXPECT_FALSE(onCanvas(w, "RELAY")) << "the old nodes return";
  EXPECT_TRUE(onCanvas(w, "BROKER"));
  EXPECT_EQ(c.now(), dualTime);
  EXPECT_EQ(c.traceSha256(), dualTrace);
  for (int i : {lost, dup, sameCrash}) {
    EXPECT_TRUE(s->stepState(i).answered) << "answers are kept, step " << i;
    EXPECT_TRUE(s->stepState(i).firstCorrect) << "step " << i;
  }
  EXPECT_EQ(s->score(), 3);

  // Forward again, then Page Up in teacher mode: the same round trip from the keyboard.
  clickNext(w);
  ASSERT_EQ(s->currentIndex(), sameCrash);
  EXPECT_TRUE(onCanvas(w, "RELAY"));
  s->setTeacherMode(true);
  w.canvas()->viewport()->setFocus();
  QTest::keyClick(w.canvas()->viewport(), Qt::Key_PageUp);
  settle(s);
  EXPECT_EQ(s->currentIndex(), beforeSwitch);
  EXPECT_FALSE(onCanvas(w, "RELAY"));
  EXPECT_EQ(c.scenario().protocol, "dual-write");
  EXPECT_EQ(c.traceSha256(), dualTrace);
  QTest::keyClick(w.canvas()->viewport(), Qt::Key_PageDown);
  settle(s);
  EXPECT_EQ(s->currentIndex(), sameCrash);
  EXPECT_TRUE(onCanvas(w, "RELAY"));
  EXPECT_EQ(s->score(), 3);
}

// After the switch the run is still the lesson's own; a scenario given to the lab any other way ends
// the lesson without judging anything against it, as before the switch.
TEST(LessonSwitch, ARunTheLessonDidNotStartIsNeverJudgedAfterTheSwitch) {
  guitest::ShownWindow win(kLesson, QSize(1280, 720));
  LabController& c = win.controller;
  LessonSession* s = win.w.lessonSession();
  const int sameCrash = indexOf(*s->lesson(), "outbox-same-crash");
  s->setTeacherMode(true);
  s->jumpTo(sameCrash);
  settle(s);
  ASSERT_EQ(s->currentIndex(), sameCrash);
  ASSERT_EQ(c.scenario().protocol, "outbox");
  ASSERT_TRUE(s->isActive());
  cs::Scenario other = c.scenario();  // the same outbox scenario, but not given by the lesson
  other.title = "someone else's";
  c.setScenario(other);
  EXPECT_FALSE(s->isActive());
}
