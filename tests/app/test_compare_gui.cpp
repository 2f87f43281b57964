// File > Compare protocols…: the side-by-side lab opens from the menu, a fault made in one pane's
// canvas happens on the matching node of every pane and is undone together, and the comparison
// table shows each pane's own figures.
#include <gtest/gtest.h>

#include <QApplication>
#include <QChart>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>

#include "canvas_view.hpp"
#include "compare_dialog.hpp"
#include "compare_lab.hpp"
#include "compare_window.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "main_window.hpp"

using guitest::scenarioPath;

namespace {

QAction* findAction(QMenu* menu, const QString& text) {
  for (QAction* a : menu->actions())
    if (a->text() == text) return a;
  return nullptr;
}

// Opens the window through File > Compare protocols…, accepting the dialog with its default choice
// (the scenario's protocol and the orchestrated saga).
CompareWindow* openFromMenu(MainWindow& w) {
  QTimer::singleShot(0, [] {
    for (QWidget* top : QApplication::topLevelWidgets())
      if (auto* d = qobject_cast<CompareDialog*>(top)) {
        d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
      }
  });
  w.compareAction()->trigger();
  return w.compareWindow();
}

bool up(const LabController* c, cs::NodeId n) { return c->sim().nodes()[static_cast<std::size_t>(n)].up; }

}  // namespace

TEST(CompareWindow, CrashInOnePaneCrashesTheMatchingNodeEverywhereAndUndoRestoresBoth) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("compare-coordinator-crash.json"), false));
  CompareWindow* cw = openFromMenu(w);
  ASSERT_NE(cw, nullptr);
  ASSERT_EQ(cw->paneCount(), 2);
  CompareLab* lab = cw->lab();
  EXPECT_EQ(lab->protocol(0), QStringLiteral("2pc"));
  EXPECT_EQ(lab->protocol(1), QStringLiteral("saga-orchestration"));
  cw->resize(1280, 720);
  cw->show();
  lab->seekTime(cs::ms(30));  // before the file's own crash at 60 ms
  QApplication::processEvents();
  LabController* tpc = lab->pane(0);
  LabController* saga = lab->pane(1);
  ASSERT_EQ(tpc->nodeName(0), QStringLiteral("C"));
  ASSERT_EQ(saga->nodeName(0), QStringLiteral("O"));
  EXPECT_EQ(saga->now(), cs::ms(30)) << "one clock for every pane";

  // Crash C from the 2PC pane's canvas, as a right-click would.
  std::unique_ptr<QMenu> menu(cw->canvas(0)->createNodeMenu(0, cw));
  QAction* crash = findAction(menu.get(), QStringLiteral("Crash C"));
  ASSERT_NE(crash, nullptr);
  crash->trigger();
  QApplication::processEvents();
  EXPECT_FALSE(up(tpc, 0)) << "C is down";
  EXPECT_FALSE(up(saga, 0)) << "the saga's O crashed with it";
  for (cs::NodeId n = 1; n < saga->nodeCount(); ++n) EXPECT_TRUE(up(saga, n)) << "only the matching node";
  EXPECT_EQ(saga->now(), cs::ms(30));

  // Undo (the window's button) restores both.
  ASSERT_TRUE(cw->undoButton()->isEnabled());
  cw->undoButton()->click();
  QApplication::processEvents();
  EXPECT_TRUE(up(tpc, 0));
  EXPECT_TRUE(up(saga, 0));
  // Redo from the saga pane's own undo stack (its canvas toast) brings both back down.
  saga->undoStack()->redo();
  QApplication::processEvents();
  EXPECT_FALSE(up(tpc, 0));
  EXPECT_FALSE(up(saga, 0));
}

TEST(CompareWindow, TableShowsEachPanesOwnFigures) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("compare-coordinator-crash.json"), false));
  CompareWindow* cw = w.openCompare({QStringLiteral("2pc"), QStringLiteral("saga-orchestration"), QStringLiteral("tcc")}, false);
  ASSERT_NE(cw, nullptr);
  cw->show();
  cw->lab()->seekTime(cs::ms(1200));
  cw->refresh();
  QTableWidget* table = cw->table();
  ASSERT_EQ(table->columnCount(), 3);
  for (int c = 0; c < 3; ++c) {
    const cs::Simulation& run = cw->lab()->pane(c)->simulation();
    EXPECT_EQ(run.sim().now(), cs::ms(1200));
    int committed = 0, started = 0;
    for (const auto& t : run.protocol().transactions()) {
      committed += t.outcome == cs::TxnOutcome::Committed;
      started += t.started >= 0;
    }
    const auto cell = [&](CompareWindow::Figure f) { return table->item(static_cast<int>(f), c)->text(); };
    EXPECT_EQ(cell(CompareWindow::Figure::Committed), QStringLiteral("%1 / %2").arg(committed).arg(started));
    const cs::CompareRow row = cs::compare_row(run);
    EXPECT_EQ(cell(CompareWindow::Figure::Blocked), CompareWindow::cellText(row, CompareWindow::Figure::Blocked));
    EXPECT_EQ(cell(CompareWindow::Figure::Held), CompareWindow::cellText(row, CompareWindow::Figure::Held));
    EXPECT_EQ(cell(CompareWindow::Figure::Invariants),
              QStringLiteral("all %1 held").arg(static_cast<int>(run.invariants().size())));
  }
  // At 1200 ms C is still down: 2PC's participants are blocked, the saga's and TCC's nodes are not.
  EXPECT_NE(table->item(static_cast<int>(CompareWindow::Figure::Blocked), 0)->text(), QStringLiteral("0"));
  EXPECT_EQ(table->item(static_cast<int>(CompareWindow::Figure::Blocked), 1)->text(), QStringLiteral("0"));
  // The chart overlays one line per protocol (plus the "now" marker).
  EXPECT_EQ(cw->chart()->series().size(), 4);
  EXPECT_TRUE(cw->paneFigures(0)->text().startsWith(QStringLiteral("Committed "))) << cw->paneFigures(0)->text().toStdString();
}

TEST(CompareWindow, RefusalIsReported) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("saga-orchestration-isolation-dirty-read.json"), false));
  QString error;
  // A saga with four steps cannot become... an outbox with one consumer.
  EXPECT_EQ(w.openCompare({QStringLiteral("saga-orchestration"), QStringLiteral("outbox")}, false, &error), nullptr);
  EXPECT_TRUE(error.contains(QStringLiteral("outbox has exactly 1 worker"))) << error.toStdString();
}
