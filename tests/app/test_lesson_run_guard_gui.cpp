// Issue #11, items 2 and 5: a lesson and the run stay in step (opening something else ends the lesson
// after asking; no step is judged against a run the lesson did not start), and Page Up / Page Down
// only ever move through the lesson, whatever has focus; View > Fit view.
#include <gtest/gtest.h>

#include <functional>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QTest>
#include <QTimer>

#include "canvas_items.hpp"
#include "canvas_view.hpp"
#include "gui_test_support.hpp"
#include "help_overlay.hpp"
#include "lab_controller.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "shortcuts.hpp"
#include "timeline_bar.hpp"

using guitest::scenarioPath;
using Status = LessonSession::Status;

namespace {

QMenu* menuTitled(const QList<QAction*>& actions, const QString& title) {
  for (QAction* a : actions)
    if (a->menu() && a->menu()->title() == title) return a->menu();
  return nullptr;
}

// File > Examples > the entry titled `title`, as a user reaches it.
QAction* exampleEntry(MainWindow& w, const QString& title) {
  QMenu* examples = menuTitled(w.fileMenu()->actions(), QStringLiteral("&Examples"));
  if (!examples) return nullptr;
  emit examples->aboutToShow();
  for (QAction* a : examples->actions())
    if (a->text() == title) return a;
  return nullptr;
}

// Answers the next "End the lesson?" question with the button whose text is `button` (once it shows);
// `asked` counts the questions seen. Any other message box (a question the window should not ask
// here) is cancelled, so that a wrong behaviour fails the test instead of hanging it.
void answerEndLessonQuestion(const QString& button, int* asked) {
  QTimer::singleShot(0, [button, asked] {
    for (int guard = 0; guard < 200; ++guard) {
      if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
        if (box->objectName() != QLatin1String("endLessonQuestion")) {
          box->reject();
          return;
        }
        ++*asked;
        for (QAbstractButton* b : box->buttons())
          if (b->text() == button) {
            b->click();
            return;
          }
        box->reject();
        return;
      }
      QTest::qWait(10);
    }
  });
}

int indexOf(const cs::Lesson& l, const char* id) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].id == id) return static_cast<int>(i);
  return -1;
}

// Lesson 08 in a shown window, at step `id` (reached as a teacher jumps there).
void openLessonAt(MainWindow& w, const char* id) {
  w.resize(1280, 800);
  w.show();
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  LessonSession* s = w.lessonSession();
  const int step = indexOf(*s->lesson(), id);
  ASSERT_GE(step, 0);
  s->setTeacherMode(true);
  s->jumpTo(step);
  s->setTeacherMode(false);
  ASSERT_EQ(s->currentIndex(), step);
  QApplication::processEvents();
}

const QString kExample = QStringLiteral("2PC: everything goes right");

}  // namespace

TEST(LessonAndRun, AnExampleOpenedDuringALessonAsksAndCancelChangesNothing) {
  LabController controller;
  MainWindow w(&controller);
  openLessonAt(w, "predict-ready-timeout");
  LessonSession* s = w.lessonSession();
  const int step = s->currentIndex();
  const QString digest = controller.traceSha256();
  const std::string title = controller.scenario().title;
  QAction* example = exampleEntry(w, kExample);
  ASSERT_NE(example, nullptr);
  int asked = 0;
  answerEndLessonQuestion(QStringLiteral("Cancel"), &asked);
  example->trigger();
  EXPECT_EQ(asked, 1) << "opening something else during a lesson must ask first";
  EXPECT_TRUE(s->isActive());
  EXPECT_TRUE(w.lessonPanelVisible());
  EXPECT_EQ(s->currentIndex(), step);
  EXPECT_EQ(controller.traceSha256(), digest);
  EXPECT_EQ(controller.scenario().title, title);
  // The lesson goes on: the prediction is judged against the lesson's own run.
  s->answerPredict(s->currentStep()->quiz.correct.front());
  s->runToResult();
  for (int guard = 0; guard < 1000 && controller.isAnimating(); ++guard) s->skipAnimation();
  EXPECT_EQ(s->status(), Status::Done);
  EXPECT_TRUE(s->stepState(step).correct);
}

TEST(LessonAndRun, AnExampleOpenedDuringALessonEndsItWhenConfirmed) {
  LabController controller;
  MainWindow w(&controller);
  openLessonAt(w, "predict-ready-timeout");
  QAction* example = exampleEntry(w, kExample);
  ASSERT_NE(example, nullptr);
  int asked = 0;
  answerEndLessonQuestion(QStringLiteral("End the lesson"), &asked);
  example->trigger();
  EXPECT_EQ(asked, 1);
  EXPECT_FALSE(w.lessonSession()->isActive());
  EXPECT_FALSE(w.lessonPanelVisible());
  EXPECT_EQ(controller.scenario().title, kExample.toStdString());
}

TEST(LessonAndRun, NoStepIsJudgedAgainstARunTheLessonDidNotStart) {
  // The run replaced behind the lesson's back (not through the window's menus): the lesson ends at
  // once, and a prediction can no longer be marked against the other run.
  LabController controller;
  MainWindow w(&controller);
  openLessonAt(w, "predict-ready-timeout");
  LessonSession* s = w.lessonSession();
  QString error;
  ASSERT_TRUE(controller.openScenario(scenarioPath("2pc-vote-abort.json"), &error)) << error.toStdString();
  QApplication::processEvents();
  EXPECT_FALSE(s->isActive());
  EXPECT_FALSE(w.lessonPanelVisible());
  s->answerPredict(0);
  s->runToResult();
  EXPECT_FALSE(controller.isAnimating());
  EXPECT_EQ(s->stepCount(), 0);
}

TEST(LessonAndRun, AReplacedRunDuringAPredictAnimationIsNotJudged) {
  LabController controller;
  MainWindow w(&controller);
  openLessonAt(w, "predict-ready-timeout");
  LessonSession* s = w.lessonSession();
  const int step = s->currentIndex();
  s->answerPredict(s->currentStep()->quiz.correct.front());
  s->runToResult();
  ASSERT_TRUE(controller.isAnimating());
  controller.setScenarioUntitled(controller.scenario());  // e.g. File > New behind the session's back
  QApplication::processEvents();
  EXPECT_FALSE(controller.isAnimating());
  EXPECT_FALSE(s->isActive());
  EXPECT_FALSE(w.lessonPanelVisible());
  (void)step;
}

// File > Open and File > New ask first, then show their dialog; cancelling that dialog leaves the
// lesson where it was (it used to end the lesson as soon as the question was answered).
TEST(LessonAndRun, CancellingTheOpenOrNewDialogKeepsTheLesson) {
  for (const bool open : {true, false}) {
    LabController controller;
    MainWindow w(&controller);
    openLessonAt(w, "predict-ready-timeout");
    LessonSession* s = w.lessonSession();
    const int step = s->currentIndex();
    const QString digest = controller.traceSha256();
    // The question, answered "End the lesson"; then the file or new-scenario dialog, cancelled.
    int asked = 0, dialogs = 0, polls = 0;
    // Each modal is answered from a fresh timer: its own exec() must return before the next opens.
    std::function<void()> answer = [&] {
      if (++polls > 400) return;  // a missing dialog fails the expectations below instead of hanging
      if (QWidget* modal = QApplication::activeModalWidget()) {
        auto* box = qobject_cast<QMessageBox*>(modal);
        if (box && box->objectName() == QLatin1String("endLessonQuestion")) {
          ++asked;
          for (QAbstractButton* b : box->buttons())
            if (b->text() == QLatin1String("End the lesson")) b->click();
        } else if (auto* dialog = qobject_cast<QDialog*>(modal)) {
          ++dialogs;
          dialog->reject();
          return;
        }
      }
      QTimer::singleShot(10, answer);
    };
    QTimer::singleShot(0, answer);
    (open ? w.openAction() : w.newAction())->trigger();
    EXPECT_EQ(asked, 1) << (open ? "open" : "new");
    EXPECT_EQ(dialogs, 1) << (open ? "open" : "new");
    EXPECT_TRUE(s->isActive()) << (open ? "open" : "new") << ": cancelling the dialog must not end the lesson";
    EXPECT_TRUE(w.lessonPanelVisible());
    EXPECT_EQ(s->currentIndex(), step);
    EXPECT_EQ(controller.traceSha256(), digest);
  }
}

// ---- presenter keys ----

TEST(PresenterKeys, PageDownOnATaskStepNeitherScrollsTheCanvasNorSkipsTheTask) {
  LabController controller;
  MainWindow w(&controller);
  openLessonAt(w, "crash-coordinator");
  LessonSession* s = w.lessonSession();
  const int task = s->currentIndex();
  ASSERT_EQ(s->status(), Status::Waiting);
  CanvasView* canvas = w.canvas();
  canvas->viewport()->setFocus();
  QApplication::processEvents();
  const int h = canvas->horizontalScrollBar()->value();
  const int v = canvas->verticalScrollBar()->value();
  QTest::keyClick(canvas->viewport(), Qt::Key_PageDown);
  QTest::keyClick(canvas->viewport(), Qt::Key_PageDown);
  EXPECT_EQ(s->currentIndex(), task) << "Next is not allowed before the task is done";
  EXPECT_EQ(canvas->verticalScrollBar()->value(), v) << "the canvas must not scroll";
  EXPECT_EQ(canvas->horizontalScrollBar()->value(), h);

  // Page Up goes back (over the action step) and restores that step's run, canvas still in place.
  QTest::keyClick(canvas->viewport(), Qt::Key_PageUp);
  EXPECT_LT(s->currentIndex(), task);
  EXPECT_EQ(s->currentIndex(), 0);
  EXPECT_EQ(controller.eventIndex(), 0u) << "the first step's run";
  EXPECT_EQ(canvas->verticalScrollBar()->value(), v);
  EXPECT_EQ(canvas->horizontalScrollBar()->value(), h);
  const QRect view = canvas->viewport()->rect();
  for (cs::NodeId n = 0; n < controller.nodeCount(); ++n)
    EXPECT_TRUE(view.intersects(canvas->mapFromScene(canvas->nodeItem(n)->sceneBoundingRect()).boundingRect())) << "node " << n;

  // On a narration step Page Down is Next.
  QTest::keyClick(canvas->viewport(), Qt::Key_PageDown);
  EXPECT_GT(s->currentIndex(), 0);
}

TEST(PresenterKeys, WorkWhereverTheFocusIsInTheWindow) {
  LabController controller;
  MainWindow w(&controller);
  openLessonAt(w, "why-no-unilateral-abort");  // a choice quiz, not answered: Next is not allowed
  LessonSession* s = w.lessonSession();
  const int quiz = s->currentIndex();
  w.timeline()->setFocus();
  QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : static_cast<QWidget*>(&w), Qt::Key_PageUp);
  EXPECT_LT(s->currentIndex(), quiz);
}

TEST(PresenterKeys, OutsideALessonPageKeysDoNothingToLessons) {
  LabController controller;
  MainWindow w(&controller);
  w.resize(1280, 800);
  w.show();
  QTest::keyClick(w.canvas()->viewport(), Qt::Key_PageDown);
  EXPECT_FALSE(w.lessonSession()->isActive());
}

TEST(FitView, BringsEveryNodeBackAndIsListedInTheHelp) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("2pc-happy.json"), false));
  w.resize(1280, 800);
  w.show();
  QApplication::processEvents();
  CanvasView* canvas = w.canvas();
  // Scrolled far away and zoomed: no node in sight.
  canvas->scale(3.0, 3.0);
  canvas->verticalScrollBar()->setValue(canvas->verticalScrollBar()->maximum());
  canvas->horizontalScrollBar()->setValue(canvas->horizontalScrollBar()->maximum());
  const QRect view = canvas->viewport()->rect();
  const auto visible = [&] {
    int n = 0;
    for (cs::NodeId i = 0; i < controller.nodeCount(); ++i)
      n += view.contains(canvas->mapFromScene(canvas->nodeItem(i)->sceneBoundingRect()).boundingRect());
    return n;
  };
  ASSERT_EQ(visible(), 0);
  ASSERT_NE(w.fitViewAction(), nullptr);
  EXPECT_FALSE(w.fitViewAction()->shortcut().isEmpty());
  w.fitViewAction()->trigger();
  EXPECT_EQ(visible(), controller.nodeCount()) << "every node whole in the canvas";
  EXPECT_LE(canvas->transform().m11(), 2.5);
  // In the View menu, and in the F1 overlay with its key.
  QMenu* view_menu = menuTitled(w.menuBar()->actions(), QStringLiteral("&View"));
  ASSERT_NE(view_menu, nullptr);
  EXPECT_TRUE(view_menu->actions().contains(w.fitViewAction()));
  bool listed = false;
  for (const auto& row : shortcuts::helpRows())
    listed |= row.what.startsWith(QStringLiteral("Fit view")) &&
              row.keys == shortcuts::key(shortcuts::Id::FitView).toString(QKeySequence::NativeText);
  EXPECT_TRUE(listed);
}
