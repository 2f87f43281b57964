// Scrubbing a long run (issue 18): a seek backwards restores the nearest snapshot of the run and
// steps forward from there, instead of replaying the scenario from the start, and lands on exactly
// the state a straight run to that point has (trace, messages, node states, invariants).
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QStatusBar>
#include <random>

#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "main_window.hpp"

using guitest::traceSha;

namespace {

// 2PC, 5 participants, transactions back to back at a fixed 1 ms latency with some message loss
// (dropped messages and timeouts): ~30 events per transaction, so `transactions` sets the length.
cs::Scenario longTwoPc(int transactions, double lossPercent) {
  cs::Scenario s;
  s.protocol = "2pc";
  s.title = "scrub test";
  s.seed = 7;
  s.params = {{"participants", 5}, {"transactions", transactions}, {"interval_ms", 4}, {"resources", 1000}};
  s.network.latency_lo = cs::ms(1);
  s.network.latency_hi = cs::ms(2);
  s.network.loss = cs::Ratio::from_probability(lossPercent / 100.0);
  s.until = cs::ms(4 * transactions + 2000);
  return s;
}

// A straight run of the controller's scenario to time `t`, as the CLI would make it.
std::unique_ptr<cs::Simulation> straightRun(const LabController& c, cs::Time t) {
  auto run = c.makeRun();
  run->sim().run_until(t);
  return run;
}

void expectSameState(const LabController& c, const cs::Simulation& ref) {
  const cs::Simulator& a = c.sim();
  const cs::Simulator& b = ref.sim();
  ASSERT_EQ(a.events_dispatched(), b.events_dispatched());
  EXPECT_EQ(a.now(), b.now());
  EXPECT_EQ(a.trace().size(), b.trace().size());
  EXPECT_EQ(traceSha(a), traceSha(b));
  ASSERT_EQ(a.messages().size(), b.messages().size());
  for (std::size_t i = 0; i < a.messages().size(); ++i) {
    const cs::Message& x = a.messages()[i];
    const cs::Message& y = b.messages()[i];
    ASSERT_TRUE(x.id == y.id && x.status == y.status && x.drop_reason == y.drop_reason && x.deliver_at == y.deliver_at &&
                x.type == y.type && x.txn == y.txn)
        << "message " << i;
  }
  EXPECT_EQ(a.in_flight(), b.in_flight());
  for (std::size_t n = 0; n < a.nodes().size(); ++n) {
    EXPECT_EQ(a.nodes()[n].state_key, b.nodes()[n].state_key) << "node " << n;
    EXPECT_EQ(a.nodes()[n].log.size(), b.nodes()[n].log.size()) << "node " << n;
  }
  // Not memory_used(): a copy's vectors have no spare capacity, so the accountant counts their
  // next growth again (the controller restores snapshots only far below the memory limit).
  EXPECT_EQ(a.halted(), b.halted());
  ASSERT_EQ(c.simulation().invariants().size(), ref.invariants().size());
  for (std::size_t i = 0; i < ref.invariants().size(); ++i)
    EXPECT_EQ(c.simulation().invariants()[i]->held(), ref.invariants()[i]->held()) << ref.invariants()[i]->key();
}

}  // namespace

TEST(Scrub, BackwardSeekInALongRunDoesNotReplayFromTheStart) {
  LabController c;
  c.setScenario(longTwoPc(3000, 0));
  c.seekTime(c.endTime());
  const quint64 end = c.eventIndex();
  ASSERT_GT(end, 50'000u) << "a long run";
  EXPECT_GT(c.snapshots().count(), 2u);
  // Back to 70% of the run: only the events since the snapshot before it are replayed.
  c.seekTime(c.endTime() * 7 / 10);
  const quint64 target = c.eventIndex();
  ASSERT_GT(target, end / 2);
  EXPECT_LE(c.lastRewindEvents(), c.snapshots().spacing()) << "of " << target << " events to the target";
  expectSameState(c, *straightRun(c, c.now()));
  // A step back replays at most one spacing too.
  c.stepBack();
  EXPECT_EQ(c.eventIndex(), target - 1);
  EXPECT_LE(c.lastRewindEvents(), c.snapshots().spacing());
  // Near the start no snapshot precedes the target: a replay from zero, counted as such.
  c.seekTime(cs::ms(20));
  EXPECT_EQ(c.lastRewindEvents(), c.eventIndex());
}

TEST(Scrub, RandomAndSequentialScrubbingLandsOnTheStraightRunsState) {
  LabController c;
  c.setScenario(longTwoPc(1500, 2.0));  // losses: dropped messages, timeouts, aborts
  c.seekTime(c.endTime());
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<cs::Time> any(0, c.endTime());
  for (int i = 0; i < 12; ++i) {
    const cs::Time t = any(rng);
    c.seekTime(t);
    SCOPED_TRACE(t);
    expectSameState(c, *straightRun(c, t));
  }
  // Sequential steps backwards, as dragging the scrub bar to the left does.
  cs::Time t = c.endTime() * 3 / 4;
  for (int i = 0; i < 6; ++i, t -= cs::ms(97)) {
    c.seekTime(t);
    SCOPED_TRACE(t);
    expectSameState(c, *straightRun(c, t));
  }
}

TEST(Scrub, AFaultAfterScrubbingStartsANewHistory) {
  LabController c;
  c.setScenario(longTwoPc(1500, 0));
  c.seekTime(c.endTime());
  ASSERT_GT(c.snapshots().count(), 0u);
  c.seekTime(c.endTime() / 2);
  c.injectFault({cs::FaultKind::Crash, 1, cs::kNoNode, {}, {}});
  const cs::Time crashed = c.now();
  c.seekTime(c.endTime());
  c.seekTime(crashed + cs::ms(300));
  expectSameState(c, *straightRun(c, c.now()));  // the snapshots of the old history were not used
  c.seekTime(crashed - cs::ms(300));
  expectSameState(c, *straightRun(c, c.now()));
  // Undo: the schedule without the crash again.
  c.undoStack()->undo();
  c.seekTime(c.endTime());
  c.seekTime(crashed + cs::ms(100));
  expectSameState(c, *straightRun(c, c.now()));
  EXPECT_TRUE(c.violatedInvariant().isEmpty());
}

TEST(Scrub, AWindowRunStoppedAtItsTraceLimitNamesThatLimit) {
  // The window's runs have their own limits (LabController::kWindow*), lower than the CLI's: the
  // status bar names the one this run was made with, not the CLI's 4,000,000 records.
  LabController controller;
  cs::RunLimits limits = controller.runLimits();
  limits.trace_limit = 5000;
  controller.setRunLimits(limits);
  MainWindow w(&controller);
  controller.setScenario(longTwoPc(1000, 0));
  controller.seekTime(controller.endTime());
  QApplication::processEvents();
  ASSERT_EQ(controller.sim().halted(), cs::HaltReason::TraceLimit);
  QLabel* label = nullptr;  // the status bar's event count
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
    if (l->text().contains(QStringLiteral("stopped early"))) label = l;
  ASSERT_NE(label, nullptr);
  EXPECT_TRUE(label->toolTip().contains(QStringLiteral("trace limit (5,000 records)"))) << label->toolTip().toStdString();
  w.setLanguage(QStringLiteral("zh_TW"));
  EXPECT_TRUE(label->toolTip().contains(QStringLiteral("追蹤紀錄上限（5,000 筆）"))) << label->toolTip().toStdString();
  w.setLanguage(QStringLiteral("en"));
  // A seek back in the stopped run still lands on the straight run's state.
  controller.seekTime(controller.now() / 2);
  expectSameState(controller, *straightRun(controller, controller.now()));
}
