// Issue #11, item 1: a fault made by hand happens at the virtual time shown when it was made — in the
// window, in undo/redo, in scrubbing, in saved files, in a lesson — and agrees with the CLI walker.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "lesson_library.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "scenario/lesson_walker.hpp"

using guitest::scenarioPath;

namespace {

QMenu* menuTitled(const QList<QAction*>& actions, const QString& title) {
  for (QAction* a : actions)
    if (a->menu() && a->menu()->title() == title) return a->menu();
  return nullptr;
}

// Faults > <submenu> > the entry for `node`, as a user reaches it (the submenu is filled when shown).
QAction* faultMenuEntry(MainWindow& w, const QString& submenu, const QString& node) {
  QMenu* faults = menuTitled(w.menuBar()->actions(), QStringLiteral("F&aults"));
  if (!faults) return nullptr;
  QMenu* sub = menuTitled(faults->actions(), submenu);
  if (!sub) return nullptr;
  emit sub->aboutToShow();
  for (QAction* a : sub->actions())
    if (a->text().startsWith(node + QStringLiteral(" ("))) return a;
  return nullptr;
}

QAction* editAction(MainWindow& w, const QString& prefix) {
  QMenu* edit = menuTitled(w.menuBar()->actions(), QStringLiteral("&Edit"));
  if (!edit) return nullptr;
  for (QAction* a : edit->actions())
    if (a->text().startsWith(prefix)) return a;
  return nullptr;
}

// Time of the last `fault` trace record, or -1.
cs::Time lastFaultTime(const cs::Simulator& sim) {
  for (auto it = sim.trace().rbegin(); it != sim.trace().rend(); ++it)
    if (it->kind == cs::TraceKind::Fault) return it->time;
  return -1;
}

}  // namespace

TEST(FaultAtShownTime, ACrashFromTheMenuHappensAtTheClockOnScreen) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("2pc-happy.json"), false));
  w.resize(1280, 800);
  w.show();
  // Play to about 900 ms as a user does (the transaction is over by ~100 ms: the clock runs on
  // between events without dispatching any).
  controller.setSpeed(10.0);
  controller.play();
  ASSERT_TRUE(QTest::qWaitFor([&] { return controller.now() >= cs::ms(850); }, 30000));
  controller.pause();
  const cs::Time shown = controller.now();
  const quint64 events = controller.eventIndex();
  const cs::Time lastEvent = controller.sim().trace().back().time;
  ASSERT_LT(lastEvent, shown) << "the clock must stand past the last event for this test to mean anything";

  QAction* crashC = faultMenuEntry(w, QStringLiteral("&Crash node"), QStringLiteral("C"));
  ASSERT_NE(crashC, nullptr);
  ASSERT_TRUE(crashC->isEnabled());
  crashC->trigger();
  QApplication::processEvents();

  EXPECT_FALSE(controller.sim().is_up(0));
  EXPECT_EQ(controller.now(), shown) << "the clock must not move (backwards or forwards)";
  EXPECT_EQ(lastFaultTime(controller.sim()), shown) << "the crash is recorded at the time on screen";
  EXPECT_EQ(controller.eventIndex(), events + 1) << "the fault is an event of its own";
  const cs::Fault& f = controller.scenario().faults.back();
  EXPECT_EQ(f.trigger.kind, cs::TriggerKind::AfterEvent);
  EXPECT_EQ(f.trigger.nth, events);
  EXPECT_EQ(f.trigger.time, shown);
  bool marked = false;
  for (const auto& m : controller.timelineMarks()) marked |= m.kind == LabController::TimelineMark::Kind::Fault && m.time == shown;
  EXPECT_TRUE(marked) << "the scrub bar marks the fault at the time it was made";

  // Undo and redo keep the clock where it was.
  QAction* undo = editAction(w, QStringLiteral("&Undo"));
  ASSERT_NE(undo, nullptr);
  undo->trigger();
  EXPECT_TRUE(controller.sim().is_up(0));
  EXPECT_EQ(controller.now(), shown);
  QAction* redo = editAction(w, QStringLiteral("&Redo"));
  ASSERT_NE(redo, nullptr);
  redo->trigger();
  EXPECT_FALSE(controller.sim().is_up(0));
  EXPECT_EQ(controller.now(), shown);
  EXPECT_EQ(lastFaultTime(controller.sim()), shown);

  // Scrubbing back to before the crash: C is up there; forward again: down.
  controller.seekTime(shown - cs::ms(50));
  EXPECT_TRUE(controller.sim().is_up(0)) << "C must not be down before the time it was crashed";
  controller.seekTime(shown);
  EXPECT_FALSE(controller.sim().is_up(0));
  controller.seekTime(controller.endTime());
  const QString digest = controller.traceSha256();

  // Saved: the file says when; reopened: the same run.
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("crash.json"));
  QString error;
  ASSERT_TRUE(controller.saveScenario(path, &error)) << error.toStdString();
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::ReadOnly));
  const auto saved = nlohmann::json::parse(file.readAll().toStdString());
  const auto& entry = saved["faults"].back();
  EXPECT_EQ(entry["after_event"].get<quint64>(), events);
  ASSERT_TRUE(entry.contains("at_ms")) << entry.dump();
  EXPECT_DOUBLE_EQ(entry["at_ms"].get<double>(), static_cast<double>(shown) / 1000.0);

  LabController reopened;
  ASSERT_TRUE(reopened.openScenario(path, &error)) << error.toStdString();
  reopened.seekTime(reopened.endTime());
  EXPECT_EQ(reopened.traceSha256(), digest);
}

TEST(FaultAtShownTime, ANewFaultBeforeAnEarlierOneOfTheSameEventReplacesThatBranch) {
  // Crash C at ~600 ms, scrub back to ~400 ms (the same event index: nothing happens in between),
  // crash P1 there: the crash of C lies in the future of this point and is dropped, as a fault
  // recorded after a later event always was.
  LabController controller;
  ASSERT_TRUE(controller.openScenario(scenarioPath("2pc-happy.json"), nullptr));
  controller.seekTime(cs::ms(600));
  const quint64 n = controller.eventIndex();
  controller.injectFault({cs::FaultKind::Crash, 0, cs::kNoNode, {}, {}});
  ASSERT_FALSE(controller.sim().is_up(0));
  controller.seekTime(cs::ms(400));
  ASSERT_EQ(controller.eventIndex(), n);
  ASSERT_TRUE(controller.sim().is_up(0));
  controller.injectFault({cs::FaultKind::Crash, 1, cs::kNoNode, {}, {}});
  ASSERT_EQ(controller.scenario().faults.size(), 1u);
  EXPECT_EQ(controller.scenario().faults[0].action.a, 1);
  EXPECT_EQ(controller.now(), cs::ms(400));
  controller.seekTime(controller.endTime());
  EXPECT_TRUE(controller.sim().is_up(0));
  EXPECT_FALSE(controller.sim().is_up(1));
  // Undo brings the old branch back.
  controller.undoStack()->undo();
  controller.seekTime(controller.endTime());
  EXPECT_FALSE(controller.sim().is_up(0));
  EXPECT_TRUE(controller.sim().is_up(1));
}

// Lesson 08 at 900 ms (the question about C's recovery, after the predict quiz before it played the run
// there): a learner who restarts C with the fault tools restarts it at 900 ms, and the run is the one
// the CLI walker gets from the same action (the lesson itself does it after the prediction).
TEST(FaultAtShownTime, Lesson08RestartsCAtNineHundredMillisecondsAsTheWalkerDoes) {
  LabController controller;
  MainWindow w(&controller);
  w.resize(1280, 800);
  w.show();
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  LessonSession* s = w.lessonSession();
  const cs::Lesson lesson = *s->lesson();
  int question = -1;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i)
    if (lesson.steps[i].id == "predict-recovery") question = static_cast<int>(i);
  ASSERT_GT(question, 0);
  s->setTeacherMode(true);
  s->jumpTo(question);
  s->setTeacherMode(false);
  ASSERT_EQ(s->currentIndex(), question);
  ASSERT_EQ(controller.now(), cs::ms(900));
  ASSERT_LT(controller.sim().trace().back().time, cs::ms(900));

  QAction* restartC = faultMenuEntry(w, QStringLiteral("&Restart node"), QStringLiteral("C"));
  ASSERT_NE(restartC, nullptr);
  ASSERT_TRUE(restartC->isEnabled());
  restartC->trigger();
  QApplication::processEvents();
  EXPECT_EQ(controller.now(), cs::ms(900)) << "the clock must not run back to the last event";
  EXPECT_EQ(lastFaultTime(controller.sim()), cs::ms(900));

  cs::WalkReport report;
  const auto walked = cs::walk_lesson_steps(lesson, static_cast<std::size_t>(question), report);
  ASSERT_NE(walked, nullptr) << report.error;
  ASSERT_TRUE(report.ok);
  ASSERT_TRUE(cs::perform_all(lesson.steps[static_cast<std::size_t>(question)].quiz.after_prediction, *walked).ok);
  const cs::Simulator& a = controller.sim();
  const cs::Simulator& b = walked->sim();
  EXPECT_EQ(a.now(), b.now());
  for (cs::NodeId n = 0; n < controller.nodeCount(); ++n) {
    EXPECT_EQ(a.is_up(n), b.is_up(n)) << "node " << n;
    EXPECT_EQ(a.node_view(n).state, b.node_view(n).state) << "node " << n;
    const auto& la = a.log(n);
    const auto& lb = b.log(n);
    ASSERT_EQ(la.size(), lb.size()) << "node " << n;
    for (std::size_t i = 0; i < la.size(); ++i)
      EXPECT_EQ(std::tie(la[i].time, la[i].type, la[i].txn, la[i].value), std::tie(lb[i].time, lb[i].type, lb[i].txn, lb[i].value))
          << "node " << n << " log record " << i;
  }
  EXPECT_EQ(a.in_flight().size(), b.in_flight().size());
}
