// Scrubbing a long run (issue 18): a seek backwards restores the nearest snapshot of the run and
// steps forward from there, instead of replaying the scenario from the start, and lands on exactly
// the state a straight run to that point has (trace, messages, node states, invariants).
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QFile>
#include <random>

#include "drop_notice.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "main_window.hpp"
#include "spacetime_view.hpp"
#include "state_machine_view.hpp"

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

// The live run of a window that keeps only the last records (a long run) against a straight run that
// keeps everything: the same point, and what the live run still holds is the straight run's tail.
void expectSameWindowedState(const LabController& c, const cs::Simulation& ref) {
  const cs::Simulator& a = c.sim();
  const cs::Simulator& b = ref.sim();
  ASSERT_EQ(a.events_dispatched(), b.events_dispatched());
  EXPECT_EQ(a.now(), b.now());
  ASSERT_EQ(a.trace_records(), b.trace_records());
  ASSERT_EQ(b.trace_base(), 0u);
  ASSERT_LE(a.trace_base(), a.trace_records());
  for (std::size_t i = 0; i < a.trace().size(); ++i) {
    const cs::TraceEvent& x = a.trace()[i];
    const cs::TraceEvent& y = b.trace()[a.trace_base() + i];
    ASSERT_TRUE(x.seq == y.seq && x.time == y.time && x.kind == y.kind && x.node == y.node && x.peer == y.peer &&
                x.msg == y.msg && x.txn == y.txn && x.key == y.key && x.value == y.value)
        << "record " << a.trace_base() + i;
  }
  ASSERT_EQ(a.messages_sent(), b.messages_sent());
  for (std::uint32_t id = std::max<std::uint32_t>(1, a.messages_base()); id < a.messages_sent(); ++id) {
    const cs::Message& x = a.message(id);
    const cs::Message& y = b.message(id);
    ASSERT_TRUE(x.id == y.id && x.status == y.status && x.drop_reason == y.drop_reason && x.deliver_at == y.deliver_at &&
                x.sent_at == y.sent_at && x.type == y.type && x.txn == y.txn && x.a == y.a && x.b == y.b)
        << "message " << id;
  }
  EXPECT_EQ(a.in_flight(), b.in_flight());
  for (std::size_t n = 0; n < a.nodes().size(); ++n) {
    EXPECT_EQ(a.nodes()[n].state_key, b.nodes()[n].state_key) << "node " << n;
    EXPECT_EQ(a.nodes()[n].log.size(), b.nodes()[n].log.size()) << "node " << n;
    EXPECT_EQ(a.nodes()[n].log.truncated(), b.nodes()[n].log.truncated()) << "node " << n;
  }
  EXPECT_EQ(a.halted(), b.halted());
  EXPECT_EQ(c.simulation().protocol().metrics().size(), ref.protocol().metrics().size());
  for (std::size_t i = 0; i < ref.protocol().metrics().size(); ++i)
    EXPECT_EQ(c.simulation().protocol().metrics()[i].value, ref.protocol().metrics()[i].value) << ref.protocol().metrics()[i].key;
  for (std::size_t i = 0; i < ref.invariants().size(); ++i)
    EXPECT_EQ(c.simulation().invariants()[i]->held(), ref.invariants()[i]->held()) << ref.invariants()[i]->key();
}

DropNotice* noticeOf(QWidget* view) { return view->findChild<DropNotice*>(QStringLiteral("dropNotice")); }

// The window's long runs at a smaller scale: a trace window of 20,000 records and runs of more
// than 1,000 transactions counted as long (the window's own: 1,000,000 and 12,000), so that a
// 3,000-transaction run (~250,000 records) makes ten times what it keeps.
struct LongRunWindow {
  LabController c;
  MainWindow w{&c};
  LongRunWindow() {
    c.setHistoryWindow(20'000, 1'000);
    w.resize(1280, 720);
    w.show();
    c.setScenario(longTwoPc(3000, 1.0));
  }
};

}  // namespace

TEST(Scrub, ALongRunInTheWindowKeepsTheLastRecordsAndSaysSoOnScreen) {
  LongRunWindow run;  // 3,000 transactions, a 20,000-record trace window
  LabController& c = run.c;
  MainWindow& w = run.w;
  ASSERT_TRUE(c.runLimits().forget_finished) << "a long run forgets finished transactions";
  c.seekTime(c.endTime());
  QApplication::processEvents();
  ASSERT_EQ(c.sim().halted(), cs::HaltReason::None);
  ASSERT_GT(c.sim().trace_records(), 200'000u);
  EXPECT_LE(c.sim().trace().size(), 25'000u) << "records made != records kept";
  EXPECT_GT(c.sim().trace_base(), 0u);
  EXPECT_GT(c.sim().messages_base(), 0u);
  EXPECT_TRUE(c.traceSha256().isEmpty()) << "no digest over a partial trace";
  // The space-time view says what it no longer shows.
  DropNotice* events = noticeOf(w.spacetime());
  ASSERT_NE(events, nullptr);
  EXPECT_TRUE(events->isVisible());
  EXPECT_TRUE(events->text().startsWith(QStringLiteral("Showing the last "))) << events->text().toStdString();
  EXPECT_TRUE(events->text().contains(QLocale().toString(static_cast<qulonglong>(c.sim().trace_records()))));
  // The state machine view: the selected node's log lost its finished transactions' records.
  c.selectNode(0);
  QApplication::processEvents();
  DropNotice* log = noticeOf(w.stateMachine());
  ASSERT_NE(log, nullptr);
  ASSERT_GT(c.sim().log(0).truncated(), 0u);
  EXPECT_TRUE(log->isVisible());
  EXPECT_TRUE(log->text().startsWith(QStringLiteral("Log: the last "))) << log->text().toStdString();
  // Export trace writes the part the window keeps, and says so (it used to say nothing).
  {
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;
    ASSERT_TRUE(w.exportHandout(handout::Target::Trace, dir.filePath(QStringLiteral("long.jsonl")), false, &error))
        << error.toStdString();
    QFile f(dir.filePath(QStringLiteral("long.jsonl")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(static_cast<std::size_t>(f.readAll().count('\n')), c.sim().trace().size());
    const QString said = w.statusBar()->currentMessage();
    EXPECT_TRUE(said.contains(QStringLiteral("holds the last"))) << said.toStdString();
    EXPECT_TRUE(said.contains(QLocale().toString(static_cast<qulonglong>(c.sim().trace_records())))) << said.toStdString();
  }

  // Back and forth: every point lands on the straight run's state, and the notice follows.
  std::mt19937_64 rng(3);
  std::uniform_int_distribution<cs::Time> any(0, c.endTime());
  std::vector<cs::Time> times;
  for (int i = 0; i < 8; ++i) times.push_back(any(rng));
  for (int i = 1; i <= 6; ++i) times.push_back(c.endTime() - c.endTime() * i / 40);  // a drag to the left
  times.push_back(cs::ms(30));  // near the start: the whole trace again, no notice
  for (const cs::Time t : times) {
    c.seekTime(t);
    QApplication::processEvents();
    SCOPED_TRACE(t);
    expectSameWindowedState(c, *straightRun(c, t));
    EXPECT_EQ(events->isVisible(), c.sim().trace_base() > 0 || c.sim().messages_base() > 0);
  }
  EXPECT_FALSE(events->isVisible());
  // Forward again past the window, then in Traditional Chinese.
  c.seekTime(c.endTime() * 9 / 10);
  w.setLanguage(QStringLiteral("zh_TW"));
  c.seekTime(c.endTime());
  QApplication::processEvents();
  EXPECT_TRUE(events->isVisible());
  EXPECT_TRUE(events->text().startsWith(QStringLiteral("只顯示最後 "))) << events->text().toStdString();
  EXPECT_TRUE(log->text().startsWith(QStringLiteral("持久日誌："))) << log->text().toStdString();
  w.setLanguage(QStringLiteral("en"));
}

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

TEST(Scrub, AForwardSeekInALongRunRestoresASnapshotAheadOfTheRun) {
  LongRunWindow run;  // 3,000 transactions, a 20,000-record trace window
  LabController& c = run.c;
  MainWindow& w = run.w;
  // Never beyond where a run of this history has been (the memory rule): the first way there runs.
  c.seekTime(c.endTime() / 2);
  EXPECT_FALSE(c.lastSeekRestoredAhead());
  c.seekTime(c.endTime());
  EXPECT_FALSE(c.lastSeekRestoredAhead()) << "past the furthest point seen: run on";
  const quint64 end = c.eventIndex();
  ASSERT_GT(c.snapshots().count(), 4u);
  DropNotice* events = noticeOf(w.spacetime());
  ASSERT_NE(events, nullptr);
  // Back near the start, then far forward: a snapshot ahead stands in for the events in between.
  for (const auto& [from, to] : {std::pair{c.endTime() / 10, c.endTime() * 9 / 10}, std::pair{cs::ms(30), c.endTime() / 2},
                                  std::pair{c.endTime() / 3, c.endTime() * 2 / 3}}) {
    c.seekTime(from);
    const quint64 before = c.eventIndex();
    c.seekTime(to);
    QApplication::processEvents();
    SCOPED_TRACE(to);
    EXPECT_TRUE(c.lastSeekRestoredAhead()) << "from event " << before << ", " << c.snapshots().count() << " snapshots "
                                           << c.snapshots().spacing() << " apart, " << c.snapshots().bytes() << " bytes";
    const quint64 target = c.eventIndex();
    ASSERT_GT(target, before + 4 * c.snapshots().spacing());
    EXPECT_LT(c.lastRewindEvents(), (target - before) / 2) << "of " << target - before << " events from where it was";
    // The state is the straight run's; the trace starts at the snapshot, at least the lead back.
    expectSameWindowedState(c, *straightRun(c, to));
    // (This window of 20,000 records holds about one second: the lead, or as much as it keeps.)
    ASSERT_FALSE(c.sim().trace().empty());
    EXPECT_TRUE(c.sim().trace().front().time <= to - LabController::kForwardLead + cs::ms(5) ||
                c.sim().trace().size() >= 20'000u)
        << c.sim().trace().front().time;
    EXPECT_GT(c.sim().trace_base(), 0u);
    EXPECT_TRUE(events->isVisible());
    EXPECT_TRUE(events->text().startsWith(QStringLiteral("Showing the last "))) << events->text().toStdString();
  }
  // And back again from a run restored ahead: the straight run's state.
  c.seekTime(c.endTime() / 4);
  expectSameWindowedState(c, *straightRun(c, c.now()));
  c.seekTime(c.endTime());
  EXPECT_EQ(c.eventIndex(), end);
}

TEST(Scrub, AForwardSeekInARunThatKeepsItsWholeTraceRunsOn) {
  // 1,500 transactions (~125,000 records) fit in the window's trace: a seek forwards keeps it whole.
  LabController c;
  c.setScenario(longTwoPc(1500, 0));
  c.seekTime(c.endTime());
  ASSERT_GT(c.snapshots().count(), 2u);
  c.seekTime(c.endTime() / 20);
  c.seekTime(c.endTime() * 19 / 20);
  EXPECT_FALSE(c.lastSeekRestoredAhead());
  EXPECT_EQ(c.sim().trace_base(), 0u);
  expectSameState(c, *straightRun(c, c.now()));
}

TEST(Scrub, ACapRegisterRunKeepsSnapshotsToo) {
  // The linearizability checker reads the register's history: a snapshot copies it for the copied
  // register. It used to make every snapshot fail, so that each seek back replayed from the start.
  LabController c;
  cs::Scenario s;
  s.protocol = "cap-register";
  s.title = "cap scrub";
  s.seed = 11;
  s.params = {{"mode", "cp"},        {"replicas", 3},       {"clients", 3},
              {"operations", 3000}, {"interval_ms", 2}, {"write_ratio", 0.5}};
  s.network.latency_lo = cs::ms(5);
  s.network.latency_hi = cs::ms(20);
  s.until = cs::ms(2 * 3000 + 2000);
  c.setScenario(s);
  c.seekTime(c.endTime());
  ASSERT_GT(c.eventIndex(), 3 * RunSnapshots::kFirstSpacing);
  EXPECT_GT(c.snapshots().count(), 0u);
  c.seekTime(c.endTime() * 3 / 4);
  EXPECT_LT(c.lastRewindEvents(), c.eventIndex() / 2) << "not replayed from the start";
  expectSameState(c, *straightRun(c, c.now()));
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
  // A trace kept whole: the window's own runs keep a window of it, which no trace limit stops.
  LabController controller;
  cs::RunLimits limits = controller.runLimits();
  limits.trace_limit = 5000;
  limits.trace_windowed = false;
  limits.count_unkept = true;
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
