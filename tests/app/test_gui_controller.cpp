// LabController: the run behind the window. Opening, playing, stepping, scrubbing, injecting faults
// (with undo and branching), saving and re-opening must all keep the engine's determinism.
#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"

using guitest::scenarioPath;
using guitest::traceSha;

namespace {

cs::FaultAction crash(cs::NodeId n) { return {cs::FaultKind::Crash, n, cs::kNoNode, {}, {}}; }
cs::FaultAction restart(cs::NodeId n) { return {cs::FaultKind::Restart, n, cs::kNoNode, {}, {}}; }
cs::FaultAction cut(cs::NodeId a, cs::NodeId b) { return {cs::FaultKind::Cut, a, b, {}, {}}; }

std::unique_ptr<LabController> open(const char* file) {
  auto c = std::make_unique<LabController>();
  QString error;
  EXPECT_TRUE(c->openScenario(scenarioPath(file), &error)) << error.toStdString();
  return c;
}

// Trace events equal in every field, except a fault's index (`value`), which is -1 when the fault
// was applied interactively and the schedule index when it was replayed from the schedule.
bool sameExceptFaultIndex(const cs::TraceEvent& x, const cs::TraceEvent& y) {
  const bool fault = x.kind == cs::TraceKind::Fault;
  return x.seq == y.seq && x.time == y.time && (fault || x.value == y.value) && x.txn == y.txn && x.msg == y.msg &&
         x.node == y.node && x.peer == y.peer && x.key == y.key && x.kind == y.kind && x.reason == y.reason;
}

}  // namespace

TEST(LabController, StartsWithARunnableDefault) {
  LabController c;
  EXPECT_GE(c.nodeCount(), 2);
  EXPECT_EQ(c.eventIndex(), 0u);
  EXPECT_FALSE(c.isPlaying());
}

TEST(LabController, OpenAndSeekShowsTheEngineStates) {
  auto c = open("2pc-happy.json");
  const cs::Time t = cs::ms(30);
  c->seekTime(t);
  EXPECT_EQ(c->now(), t);
  // An independent run of the same scenario to the same time.
  cs::Diagnostics errors;
  auto ref = cs::Simulation::create(c->scenario(), errors);
  ASSERT_TRUE(ref);
  ref->sim().run_until(t);
  EXPECT_EQ(c->eventIndex(), ref->sim().events_dispatched());
  for (cs::NodeId n = 0; n < c->nodeCount(); ++n)
    EXPECT_EQ(c->simulation().sim().node_view(n).state, ref->sim().node_view(n).state) << "node " << n;
  EXPECT_EQ(c->traceSha256(), traceSha(ref->sim()));
}

TEST(LabController, PlayAdvancesVirtualTimeAndStopsAtTheEnd) {
  auto c = open("2pc-happy.json");
  c->setSpeed(10.0);  // 200 virtual ms per second
  QSignalSpy playing(c.get(), &LabController::playingChanged);
  c->play();
  EXPECT_TRUE(c->isPlaying());
  QTRY_VERIFY_WITH_TIMEOUT(c->now() >= cs::ms(20), 3000);
  c->pause();
  EXPECT_FALSE(c->isPlaying());
  const cs::Time paused = c->now();
  QTest::qWait(100);
  EXPECT_EQ(c->now(), paused) << "the clock must not move while paused";
  // Near the end, playing stops by itself at `until`.
  c->seekTime(c->endTime() - cs::ms(5));
  c->play();
  QTRY_VERIFY_WITH_TIMEOUT(!c->isPlaying(), 3000);
  EXPECT_EQ(c->now(), c->endTime());
  EXPECT_GE(playing.count(), 4);
}

TEST(LabController, StepBackThenForwardReturnsToTheSameState) {
  auto c = open("2pc-happy.json");
  for (int i = 0; i < 12; ++i) c->stepForward();
  const quint64 n = c->eventIndex();
  const QString sha = c->traceSha256();
  const cs::Time t = c->now();
  c->stepBack();
  EXPECT_EQ(c->eventIndex(), n - 1);
  EXPECT_NE(c->traceSha256(), sha);
  c->stepForward();
  EXPECT_EQ(c->eventIndex(), n);
  EXPECT_EQ(c->now(), t);
  EXPECT_EQ(c->traceSha256(), sha);
}

TEST(LabController, InjectedCutCutsTheLinkInTheEngine) {
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(3));
  ASSERT_FALSE(c->sim().network().is_cut(0, 1));
  EXPECT_TRUE(c->canInject(cut(0, 1)));
  c->injectFault(cut(0, 1));
  EXPECT_TRUE(c->sim().network().is_cut(0, 1));
  EXPECT_FALSE(c->canInject(cut(0, 1)));  // already cut
  ASSERT_EQ(c->scenario().faults.size(), 1u);
  EXPECT_EQ(c->scenario().faults[0].trigger.kind, cs::TriggerKind::AfterEvent);
  // Recorded after the last event, at the time on screen (3 ms is past that event): the fault is then
  // an event of its own and the clock stays where it was.
  EXPECT_EQ(c->scenario().faults[0].trigger.nth + 1, c->eventIndex());
  EXPECT_EQ(c->scenario().faults[0].trigger.time, cs::ms(3));
  EXPECT_EQ(c->now(), cs::ms(3));
  EXPECT_TRUE(c->isModified());
}

TEST(LabController, CrashAndRestart) {
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(5));
  c->injectFault(crash(2));
  EXPECT_FALSE(c->sim().nodes()[2].up);
  EXPECT_FALSE(c->canInject(crash(2)));
  c->seekTime(cs::ms(50));
  EXPECT_FALSE(c->sim().nodes()[2].up);
  c->injectFault(restart(2));
  EXPECT_TRUE(c->sim().nodes()[2].up);
  EXPECT_EQ(c->sim().nodes()[2].crashes, 1u);
  EXPECT_EQ(c->undoStack()->count(), 2);
}

TEST(LabController, UndoOfAFaultRestoresTheEarlierTrace) {
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(4));
  const quint64 n = c->eventIndex();
  const QString before = c->traceSha256();
  c->injectFault(crash(0));
  EXPECT_NE(c->traceSha256(), before);
  c->undoStack()->undo();
  EXPECT_EQ(c->eventIndex(), n);
  EXPECT_EQ(c->traceSha256(), before);
  EXPECT_TRUE(c->scenario().faults.empty());
  // And the whole run without the fault is the original run.
  c->seekTime(c->endTime());
  auto fresh = open("2pc-happy.json");
  fresh->seekTime(fresh->endTime());
  EXPECT_EQ(c->traceSha256(), fresh->traceSha256());
  // Redo brings the fault back.
  c->undoStack()->redo();
  EXPECT_EQ(c->scenario().faults.size(), 1u);
  EXPECT_FALSE(c->sim().nodes()[0].up);
}

TEST(LabController, InjectingAfterScrubbingBackBranchesAndUndoRestoresTheOldBranch) {
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(40));
  c->injectFault(crash(3));
  const quint64 late = c->scenario().faults.back().trigger.nth;
  c->seekTime(cs::ms(2));
  ASSERT_LT(c->eventIndex(), late);
  c->injectFault(cut(0, 2));
  // The later crash belonged to the old branch.
  ASSERT_EQ(c->scenario().faults.size(), 1u);
  EXPECT_EQ(c->scenario().faults[0].action.kind, cs::FaultKind::Cut);
  c->undoStack()->undo();
  ASSERT_EQ(c->scenario().faults.size(), 1u);
  EXPECT_EQ(c->scenario().faults[0].action.kind, cs::FaultKind::Crash);
}

TEST(LabController, AfterEventReplayIsEquivalentToApplyingNow) {
  // The engine side: apply_now at event N and a scheduled after_event N give the same run.
  auto c = open("2pc-happy.json");
  const cs::FaultAction action = crash(1);
  for (quint64 n : {0ull, 3ull, 7ull, 11ull}) {
    cs::Diagnostics errors;
    auto live = cs::Simulation::create(c->scenario(), errors);
    live->sim().run_until_event(n);
    ASSERT_EQ(live->sim().events_dispatched(), n) << "the example run is shorter than expected";
    ASSERT_TRUE(live->sim().apply_now(action));
    cs::Scenario scheduled = c->scenario();
    scheduled.faults.push_back(cs::Fault{{cs::TriggerKind::AfterEvent, 0, cs::kNoNode, 0, 0, 0, n}, action});
    auto replay = cs::Simulation::create(scheduled, errors);
    replay->sim().run_until_event(n);
    live->run();
    replay->run();
    const auto& a = live->sim().trace();
    const auto& b = replay->sim().trace();
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
      ASSERT_TRUE(sameExceptFaultIndex(a[i], b[i]))
          << "trace record " << i << " after_event " << n << ": " << cs::trace_line(live->sim(), a[i]) << " vs "
          << cs::trace_line(replay->sim(), b[i]);
    ASSERT_EQ(a.size(), b.size()) << "after event " << n;
  }
  // The controller side: after an injection the live run is exactly a fresh replay of its schedule.
  c->seekTime(cs::ms(6));
  c->injectFault(action);
  cs::Diagnostics errors;
  auto replay = cs::Simulation::create(c->scenario(), errors);
  replay->sim().run_until_event(c->eventIndex());
  EXPECT_EQ(c->traceSha256(), traceSha(replay->sim()));
}

TEST(LabController, SaveThenOpenGivesTheSameTraceHash) {
  QTemporaryDir dir;
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(3));
  c->injectFault(cut(0, 3));
  c->seekTime(cs::ms(25));
  c->injectFault(crash(1));
  c->setNodePosition(2, QPointF(123, -45));
  c->seekTime(c->endTime());
  const QString sha = c->traceSha256();
  const QString path = dir.filePath(QStringLiteral("saved.json"));
  QString error;
  ASSERT_TRUE(c->saveScenario(path, &error)) << error.toStdString();
  EXPECT_FALSE(c->isModified());

  LabController reopened;
  ASSERT_TRUE(reopened.openScenario(path, &error)) << error.toStdString();
  reopened.seekTime(reopened.endTime());
  EXPECT_EQ(reopened.traceSha256(), sha);
  EXPECT_EQ(reopened.nodePosition(2), QPointF(123, -45));
  EXPECT_EQ(reopened.scenario().faults.size(), 2u);
}

TEST(LabController, TraceHashMatchesTheCliDefinition) {
  auto c = open("2pc-vote-abort.json");
  c->seekTime(c->endTime());
  EXPECT_EQ(c->traceSha256(), traceSha(c->sim()));
}

TEST(LabController, OpeningABrokenScenarioKeepsTheCurrentRun) {
  QTemporaryDir dir;
  const QString bad = dir.filePath(QStringLiteral("bad.json"));
  QFile f(bad);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("{\n  \"protocol\": \"2pc\",\n  \"params\": {\"participants\": \"three\"}\n}\n");
  f.close();
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(10));
  const QString sha = c->traceSha256();
  QString error;
  EXPECT_FALSE(c->openScenario(bad, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("bad.json:3"))) << error.toStdString();
  EXPECT_EQ(c->traceSha256(), sha);
}

TEST(LabController, RerollIsDeterministicAndRestartKeepsTheSeed) {
  auto a = open("2pc-happy.json");
  auto b = open("2pc-happy.json");
  const auto seed = a->scenario().seed;
  a->rerollSeed();
  b->rerollSeed();
  EXPECT_NE(a->scenario().seed, seed);
  EXPECT_EQ(a->scenario().seed, b->scenario().seed);
  a->seekTime(cs::ms(50));
  const QString sha = a->traceSha256();
  a->restartSameSeed();
  EXPECT_EQ(a->eventIndex(), 0u);
  a->seekTime(cs::ms(50));
  EXPECT_EQ(a->traceSha256(), sha);
}

TEST(LabController, DefaultLayoutIsACircleWithTheCoordinatorOnTop) {
  auto c = open("2pc-happy.json");
  const QPointF top = c->nodePosition(0);
  for (cs::NodeId n = 1; n < c->nodeCount(); ++n) {
    EXPECT_GT(c->nodePosition(n).y(), top.y());
    EXPECT_NEAR(std::hypot(c->nodePosition(n).x(), c->nodePosition(n).y()), std::hypot(top.x(), top.y()), 1e-6);
  }
  QSignalSpy moved(c.get(), &LabController::nodeMoved);
  c->setNodePosition(1, QPointF(10, 20));
  EXPECT_EQ(moved.count(), 1);
  EXPECT_EQ(c->nodePosition(1), QPointF(10, 20));
  EXPECT_EQ(c->scenario().layout.size(), static_cast<std::size_t>(c->nodeCount()));
}

TEST(LabController, TimelineMarksShowFaultsAndDecisions) {
  auto c = open("2pc-coordinator-crash.json");
  const auto& marks = c->timelineMarks();
  const auto has = [&](LabController::TimelineMark::Kind k) {
    return std::any_of(marks.begin(), marks.end(), [k](const auto& m) { return m.kind == k; });
  };
  EXPECT_TRUE(has(LabController::TimelineMark::Kind::Fault));
  EXPECT_TRUE(has(LabController::TimelineMark::Kind::Abort) || has(LabController::TimelineMark::Kind::Commit));
  for (const auto& m : marks) EXPECT_LE(m.time, c->endTime());
}

TEST(LabController, ScrubbingALongRunStaysInteractive) {
  // The workload example, doubled: 400 transactions over 20 s, about 10,000 events.
  auto c = open("2pc-workload.json");
  cs::Scenario big = c->scenario();
  big.params["transactions"] = 400;
  big.until = cs::ms(20000);
  c->setScenario(big);
  c->seekTime(c->endTime());
  const quint64 events = c->eventIndex();
  ASSERT_GE(events, 9000u) << "a long run is needed to measure scrubbing";
  // Backward seeks replay from the start: each must fit well inside a frame budget for dragging.
  QElapsedTimer timer;
  qint64 worst = 0;
  for (int i = 9; i >= 0; --i) {
    timer.start();
    c->seekTime(c->endTime() * i / 10);
    worst = std::max(worst, timer.elapsed());
  }
  RecordProperty("events", static_cast<int>(events));
  RecordProperty("worst_seek_ms", static_cast<int>(worst));
  EXPECT_LT(worst, 250) << events << " events";
}
