// Run > What can go wrong?: the explorer dialog searches the scenario in the lab in a worker thread,
// finds 3PC's split under a partition, loads its shortest run into the lab (where playing it shows
// the violation in the invariant banner), stops promptly on Cancel, and speaks zh-TW.
#include <gtest/gtest.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>

#include "explore_dialog.hpp"
#include "explore_steps.hpp"
#include "protocols/registry.hpp"
#include "lab_controller.hpp"
#include "main_window.hpp"

namespace {

QString explorePath(const char* name) {
  return QStringLiteral(COMMITSCOPE_SOURCE_DIR "/tests/explore/") + QString::fromLatin1(name);
}

// The status bar's invariant banner: the label that says the invariants hold or which one broke.
QString banner(MainWindow& w) {
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
    if (l->text().startsWith(QStringLiteral("✔ Invariants hold")) || l->text().startsWith(QStringLiteral("✖ Invariant violated")))
      return l->text();
  return {};
}

ExploreDialog* openFromMenu(MainWindow& w) {
  w.exploreAction()->trigger();
  return w.exploreDialog();
}

void setBounds(ExploreDialog* d, int crashes, int drops, int partitions, int maxStates) {
  d->crashesBox()->setValue(crashes);
  d->dropsBox()->setValue(drops);
  d->duplicatesBox()->setValue(0);
  d->partitionsBox()->setValue(partitions);
  d->maxStatesBox()->setValue(maxStates);
}

// Clicks Explore and waits for the worker to report back.
bool exploreAndWait(ExploreDialog* d, int timeoutMs) {
  QSignalSpy done(d, &ExploreDialog::explorationFinished);
  d->exploreButton()->click();
  return done.wait(timeoutMs);
}

// With COMMITSCOPE_SHOT_DIR set, keeps a picture of the dialog over a 1280×720 window, to look at.
void saveShot(ExploreDialog* d, const char* lang) {
  const QString dir = qEnvironmentVariable("COMMITSCOPE_SHOT_DIR");
  if (dir.isEmpty()) return;
  QWidget* w = d->parentWidget();
  w->resize(1280, 720);
  w->show();
  QApplication::processEvents();
  QImage shot = w->grab().toImage();
  QPainter p(&shot);
  const QPixmap dialog = d->grab();
  p.drawPixmap((shot.width() - dialog.width()) / 2, (shot.height() - dialog.height()) / 2, dialog);
  p.end();
  shot.save(dir + QStringLiteral("/explore-dialog-%1.png").arg(QLatin1String(lang)));
}

int rowContaining(QListWidget* list, const QString& text) {
  for (int i = 0; i < list->count(); ++i)
    if (list->item(i)->text().contains(text)) return i;
  return -1;
}

}  // namespace

TEST(ExploreDialog, FindsThreePcSplitUnderAPartitionAndLoadsARunThatShowsIt) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(explorePath("3pc-1p.json"), false));
  ExploreDialog* d = openFromMenu(w);
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->isVisible());
  setBounds(d, 0, 0, 1, 100'000);
  ASSERT_TRUE(exploreAndWait(d, 120'000));
  const int row = rowContaining(d->findings(), QStringLiteral("Agreement violated after"));
  ASSERT_GE(row, 0) << d->summaryLabel()->text().toStdString();
  EXPECT_FALSE(d->progressLabel()->text().isEmpty());
  // 3PC says which messages are inert: the window's search leaves them out, and says so.
  EXPECT_TRUE(d->summaryLabel()->text().contains(QStringLiteral("left out of the states"))) << d->summaryLabel()->text().toStdString();

  // The chosen finding's moves are listed in words, one per step: no partition is needed, P1's
  // timeout fires while the coordinator's messages are still on their way.
  d->findings()->setCurrentRow(row);
  QListWidget* steps = d->steps();
  ASSERT_TRUE(steps->isVisibleTo(d));
  ASSERT_GT(steps->count(), 0);
  EXPECT_TRUE(d->findings()->item(row)->text().contains(QStringLiteral("after %1 steps").arg(steps->count())))
      << d->findings()->item(row)->text().toStdString();
  EXPECT_TRUE(steps->item(0)->text().startsWith(QStringLiteral("1. ")));
  EXPECT_EQ(steps->item(1)->text(), QStringLiteral("2. CAN_COMMIT from C to P1 (transaction 1) arrives"));
  EXPECT_GE(rowContaining(steps, QStringLiteral("P1's timer “")), 0);

  // Choosing it loads the counterexample: a scheduled run that starts with every invariant holding.
  d->findings()->setCurrentRow(row);
  ASSERT_TRUE(d->loadButton()->isEnabled());
  d->loadButton()->click();
  QApplication::processEvents();
  EXPECT_FALSE(d->isVisible());
  EXPECT_TRUE(controller.scenario().scheduled);
  EXPECT_EQ(controller.eventIndex(), 0u);
  EXPECT_TRUE(banner(w).startsWith(QStringLiteral("✔ Invariants hold")));

  // Playing it to the end on the timeline breaks agreement, as the explorer said.
  controller.setSpeed(10.0);
  controller.play();
  QElapsedTimer clock;
  clock.start();
  while (controller.isPlaying() && clock.elapsed() < 30'000) QTest::qWait(20);
  EXPECT_EQ(controller.violatedInvariant(), QStringLiteral("agreement"));
  EXPECT_EQ(banner(w), QStringLiteral("✖ Invariant violated: Agreement"));
}

TEST(ExploreDialog, CancelStopsALongExplorationPromptly) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(explorePath("2pc-5p.json"), false));
  ExploreDialog* d = openFromMenu(w);
  ASSERT_NE(d, nullptr);
  setBounds(d, 1, 1, 1, 5'000'000);
  QSignalSpy done(d, &ExploreDialog::explorationFinished);
  d->exploreButton()->click();
  // The search runs in its own thread: the window keeps handling events and shows progress.
  EXPECT_TRUE(d->isExploring());
  EXPECT_TRUE(d->cancelButton()->isEnabled());
  EXPECT_FALSE(d->exploreButton()->isEnabled());
  QElapsedTimer clock;
  clock.start();
  while (d->progressLabel()->text().isEmpty() && clock.elapsed() < 20'000) QTest::qWait(20);
  ASSERT_FALSE(d->progressLabel()->text().isEmpty());
  ASSERT_TRUE(d->isExploring()) << "the search should still be running: " << d->summaryLabel()->text().toStdString();
  clock.restart();
  d->cancelButton()->click();
  ASSERT_TRUE(done.count() > 0 || done.wait(5'000));
  EXPECT_LT(clock.elapsed(), 2'000);
  EXPECT_FALSE(d->isExploring());
  EXPECT_TRUE(d->exploreButton()->isEnabled());
  EXPECT_TRUE(d->summaryLabel()->text().startsWith(QStringLiteral("Cancelled after"))) << d->summaryLabel()->text().toStdString();
}

TEST(ExploreDialog, SpeaksTraditionalChinese) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(explorePath("3pc-1p.json"), false));
  w.setLanguage(QStringLiteral("zh_TW"));
  EXPECT_EQ(w.exploreAction()->text(), QStringLiteral("會出什麼錯？(&W)…"));
  ExploreDialog* d = openFromMenu(w);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->windowTitle(), QStringLiteral("會出什麼錯？"));
  EXPECT_EQ(d->cancelButton()->text(), QStringLiteral("取消"));
  setBounds(d, 0, 0, 1, 100'000);
  ASSERT_TRUE(exploreAndWait(d, 120'000));
  const int row = rowContaining(d->findings(), QStringLiteral("一致性（agreement）"));
  ASSERT_GE(row, 0);
  EXPECT_TRUE(d->findings()->item(row)->text().contains(QStringLiteral("步後違反"))) << d->findings()->item(row)->text().toStdString();
  EXPECT_TRUE(d->summaryLabel()->text().contains(QStringLiteral("狀態"))) << d->summaryLabel()->text().toStdString();
  d->findings()->setCurrentRow(row);
  ASSERT_GT(d->steps()->count(), 0);
  EXPECT_GE(rowContaining(d->steps(), QStringLiteral("抵達")), 0);
  EXPECT_GE(rowContaining(d->steps(), QStringLiteral("P1 的計時器「")), 0);
  // It fits a 1280×720 screen with room for the lab behind it.
  EXPECT_LE(d->minimumSizeHint().width(), 1280);
  EXPECT_LE(d->minimumSizeHint().height(), 720);
  saveShot(d, "zh-TW");
  // Switching back while the dialog is open retranslates it.
  w.setLanguage(QStringLiteral("en"));
  EXPECT_EQ(d->windowTitle(), QStringLiteral("What can go wrong?"));
  EXPECT_GE(rowContaining(d->findings(), QStringLiteral("Agreement violated after")), 0);
  EXPECT_GE(rowContaining(d->steps(), QStringLiteral("P1's timer “")), 0);
  saveShot(d, "en");
}

// The dialog words the engine's description of each move (cs::explore::describe_move, the same one
// the CLI words in English): numbered lines of the path, in the window's language.
TEST(ExploreSteps, WordTheEnginesMoveDescriptionsInTheWindowsLanguage) {
  using K = cs::explore::MoveDescription::Kind;
  LabController controller;
  MainWindow w(&controller);
  const cs::explore::MoveDescription split{.kind = K::Partition, .side_a = {"C", "P1"}, .side_b = {"P2"}};
  const cs::explore::MoveDescription lost{.kind = K::Drop, .key = "PREPARE", .from = "C", .node = "P2", .txn = 1};
  EXPECT_EQ(ExploreSteps::moveText(split), QStringLiteral("The network splits into {C, P1} and {P2}"));
  EXPECT_EQ(ExploreSteps::moveText(lost), QStringLiteral("PREPARE from C to P2 (transaction 1) is lost"));
  cs::Diagnostics diags;
  const auto protocol = cs::find_protocol("2pc")->create(nlohmann::json{{"participants", 2}}, diags);
  ASSERT_NE(protocol, nullptr);
  cs::explore::Choice deliver;
  deliver.step = cs::ScheduledStep{cs::EventStepKind::Deliver, 0, 2, 0, 1, 0, 0, {}};
  const cs::explore::Choice crash{cs::explore::Choice::Kind::Crash, {}, 1, 0, 0};
  const QStringList lines = ExploreSteps::describe(*protocol, {deliver, crash});
  EXPECT_EQ(lines, (QStringList{QStringLiteral("1. PREPARE from C to P2 (transaction 1) arrives"), QStringLiteral("2. P1 crashes")}));
  w.setLanguage(QStringLiteral("zh_TW"));
  const QString zh = ExploreSteps::moveText(lost);
  EXPECT_NE(zh, QStringLiteral("PREPARE from C to P2 (transaction 1) is lost"));
  EXPECT_TRUE(zh.contains(QStringLiteral("P2")) && zh.contains(QStringLiteral("C"))) << zh.toStdString();
  EXPECT_TRUE(ExploreSteps::moveText(split).contains(QStringLiteral("{C, P1}"))) << ExploreSteps::moveText(split).toStdString();
  w.setLanguage(QStringLiteral("en"));
}
