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
#include "language.hpp"
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
  EXPECT_TRUE(error.startsWith(QStringLiteral("Transactional outbox cannot run this scenario: "))) << error.toStdString();
}

// The dialog says at once, in the learner's language, why a checked protocol cannot run the scenario
// (the engine gives a key, the app the words), and keeps OK disabled.
TEST(CompareWindow, DialogExplainsARefusalInChinese) {
  ASSERT_TRUE(language::apply(QStringLiteral("zh_TW"), false));
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("compare-coordinator-crash.json"), false));
  QString problem;
  bool shown = false, okEnabled = true, okBefore = false;
  QTimer::singleShot(0, [&] {
    for (QWidget* top : QApplication::topLevelWidgets())
      if (auto* d = qobject_cast<CompareDialog*>(top)) {
        QPushButton* ok = d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
        okBefore = ok->isEnabled();
        // A choreographed saga has no coordinating node to crash.
        d->setChecked({QStringLiteral("2pc"), QStringLiteral("saga-choreography")});
        problem = d->problem()->text();
        shown = d->problem()->isVisibleTo(d);
        okEnabled = ok->isEnabled();
        d->reject();
      }
  });
  w.compareAction()->trigger();
  language::apply(QStringLiteral("en"), false);
  EXPECT_TRUE(okBefore) << "2PC and the orchestrated saga can both run it";
  EXPECT_TRUE(shown);
  EXPECT_FALSE(okEnabled);
  EXPECT_TRUE(problem.contains(QStringLiteral("無法執行這個情境"))) << problem.toStdString();
  EXPECT_TRUE(problem.contains(QStringLiteral("協調節點 C"))) << problem.toStdString();
  EXPECT_FALSE(problem.contains(QStringLiteral("cannot"))) << problem.toStdString();
}

// On a 1280×720 projector with two panes the panes show no clock, legend or figure line of their own
// (the window's time label and table carry them), so the cards take the whole pane and the node
// names are never smaller (2PC in English: 16.3 px instead of 13.9). Measured as font size × view scale, both languages. (The goal of 18 px is
// not reached yet: about 16/12.5 px in English, 13/10.4 px in zh-TW, 2PC/saga.)
TEST(CompareWindow, NodeNamesAreLargeOnA1280x720ProjectorWithTwoPanes) {
  QStringList problems;
  for (const char* lang : {"en", "zh_TW"}) {
    language::apply(QString::fromLatin1(lang), false);
    LabController controller;
    MainWindow w(&controller);
    ASSERT_TRUE(w.openFile(scenarioPath("compare-coordinator-crash.json"), false));
    w.setProjectorMode(true, false);
    QString error;
    CompareWindow* cw = w.openCompare({QStringLiteral("2pc"), QStringLiteral("saga-orchestration")}, false, &error);
    ASSERT_NE(cw, nullptr) << error.toStdString();
    cw->setProjectorMode(true);
    cw->resize(1280, 720);
    cw->lab()->seekTime(cs::ms(100));
    QApplication::processEvents();
    for (int pane = 0; pane < cw->paneCount(); ++pane) {
      const CanvasView* canvas = cw->canvas(pane);
      canvas->viewport()->grab();
      const qreal px = canvas->canvasStyle().name.pixelSize() * canvas->transform().m11();
      EXPECT_TRUE(canvas->paneMode());
      EXPECT_FALSE(cw->paneFigures(pane)->isVisible()) << "the table carries the figures on a projector";
      // The same pane with a clock and legend of its own (as before) draws its names smaller.
      auto* same = const_cast<CanvasView*>(canvas);
      same->setPaneMode(false);
      const qreal withChrome = canvas->canvasStyle().name.pixelSize() * canvas->transform().m11();
      same->setPaneMode(true);
      qInfo("%s pane %d: node names %.1f px (%.1f px with a clock and legend per pane)", lang, pane, px, withChrome);
      if (px < withChrome)
        problems << QStringLiteral("%1 pane %2: %3 px, with chrome %4 px").arg(QString::fromLatin1(lang)).arg(pane).arg(px, 0, 'f', 1).arg(withChrome, 0, 'f', 1);
    }
  }
  language::apply(QStringLiteral("en"), false);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}
