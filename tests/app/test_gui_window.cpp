// The main window: the canvas follows the engine, menus switch language at run time, projector mode
// scales the fonts, and the `commitscope --screenshot` executable writes a real picture.
#include <gtest/gtest.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QStatusBar>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "canvas_items.hpp"
#include "canvas_view.hpp"
#include "gui_test_support.hpp"
#include "help_overlay.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "main_window.hpp"
#include "new_scenario_dialog.hpp"
#include "protocols/registry.hpp"
#include "panel_frame.hpp"
#include "projector_style.hpp"

using guitest::scenarioPath;

namespace {

QStringList menuTitles(const MainWindow& w) {
  QStringList titles;
  for (QAction* a : w.menuBar()->actions()) titles << a->text();
  return titles;
}

int distinctColours(const QImage& image) {
  QSet<QRgb> colours;
  for (int y = 0; y < image.height(); y += 3)
    for (int x = 0; x < image.width(); x += 3) colours.insert(image.pixel(x, y));
  return static_cast<int>(colours.size());
}

struct Shot {
  int exitCode = -1;
  QString out, err;
};

enum class WindowSystem { Offscreen, None };

// WindowSystem::None runs the program as on a machine without a window system: no DISPLAY, no
// WAYLAND_DISPLAY, and no QT_QPA_PLATFORM chosen for it.
Shot runExe(const QStringList& args, WindowSystem display = WindowSystem::Offscreen) {
  QTemporaryDir profile;
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  if (display == WindowSystem::Offscreen) {
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  } else {
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) env.remove(QString::fromLatin1(name));
  }
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(COMMITSCOPE_GUI_EXE), QStringList{QStringLiteral("--profile"), profile.path()} + args);
  EXPECT_TRUE(p.waitForFinished(60000));
  return {p.exitCode(), QString::fromLocal8Bit(p.readAllStandardOutput()), QString::fromLocal8Bit(p.readAllStandardError())};
}

}  // namespace

TEST(MainWindow, CanvasNodesShowTheEngineStates) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("2pc-happy.json"), false));
  w.resize(1280, 800);
  w.show();
  controller.seekTime(cs::ms(40));
  QApplication::processEvents();
  const auto& info = controller.info();
  for (cs::NodeId n = 0; n < controller.nodeCount(); ++n) {
    NodeItem* item = w.canvas()->nodeItem(n);
    ASSERT_NE(item, nullptr);
    const auto state = controller.simulation().sim().node_view(n).state;
    EXPECT_EQ(item->data().stateKey.toStdString(), info.states[state]) << "node " << n;
  }
}

TEST(MainWindow, ARunStoppedAtTheMemoryLimitSaysSoInTheStatusBar) {
  // As the CLI's "HALTED" line: the event count says the run stopped early, the tooltip at which limit.
  LabController controller;
  cs::RunLimits limits;
  limits.memory_limit = 64 * 1024;  // a few hundred events of this scenario
  controller.setRunLimits(limits);
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("cap-register-ap-partition.json"), false));
  QLabel* label = nullptr;  // the status bar's event count
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
    if (l->toolTip() == QStringLiteral("Events dispatched so far")) label = l;
  ASSERT_NE(label, nullptr);
  EXPECT_FALSE(label->text().contains(QStringLiteral("stopped early")));
  controller.seekTime(controller.endTime());
  QApplication::processEvents();
  ASSERT_EQ(controller.sim().halted(), cs::HaltReason::MemoryLimit);
  EXPECT_LE(controller.sim().memory_used(), limits.memory_limit);
  EXPECT_TRUE(label->text().contains(QStringLiteral("stopped early"))) << label->text().toStdString();
  // The window's own limit, not the CLI's default (512 MiB).
  EXPECT_TRUE(label->toolTip().contains(QStringLiteral("memory limit (0.0625 MiB)"))) << label->toolTip().toStdString();
  w.setLanguage(QStringLiteral("zh_TW"));
  EXPECT_TRUE(label->text().contains(QStringLiteral("已提前停止"))) << label->text().toStdString();
  EXPECT_TRUE(label->toolTip().contains(QStringLiteral("記憶體上限"))) << label->toolTip().toStdString();
  w.setLanguage(QStringLiteral("en"));
}

// The strict PACELC register has ~20 operations in flight on one key, and the linearizability monitor
// gives that key up: the status bar said "Invariants hold" as if all of it had been checked. It says
// "(one in part)" and names the invariant in its tooltip, in both languages.
TEST(MainWindow, AnInvariantCheckedOnlyInPartIsSaidSoInTheStatusBar) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("cap-register-pacelc-strict.json"), false));
  controller.seekTime(controller.endTime());
  QApplication::processEvents();
  QLabel* label = nullptr;
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
    if (l->text().contains(QStringLiteral("Invariants hold"))) label = l;
  ASSERT_NE(label, nullptr);
  EXPECT_TRUE(label->text().contains(QStringLiteral("in part"))) << label->text().toStdString();
  EXPECT_TRUE(label->toolTip().contains(QStringLiteral("only as far as it was checked"))) << label->toolTip().toStdString();
  w.setLanguage(QStringLiteral("zh_TW"));
  EXPECT_FALSE(label->text().contains(QStringLiteral("in part"))) << label->text().toStdString();
  EXPECT_TRUE(label->text().contains(QStringLiteral("部分"))) << label->text().toStdString();
  w.setLanguage(QStringLiteral("en"));
  // A run whose invariants are checked whole says nothing of the kind.
  ASSERT_TRUE(w.openFile(scenarioPath("2pc-happy.json"), false));
  controller.seekTime(controller.endTime());
  QApplication::processEvents();
  EXPECT_FALSE(label->text().contains(QStringLiteral("in part"))) << label->text().toStdString();
}

// The status bar counts events in the interface language's grammar: "1 event" (it said "1 events"),
// "2 events", 「1 個事件」.
TEST(MainWindow, EventCountIsSingularForOneEvent) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("2pc-happy.json"), false));
  QLabel* label = nullptr;
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
    if (l->toolTip() == QStringLiteral("Events dispatched so far")) label = l;
  ASSERT_NE(label, nullptr);
  controller.seekTime(0);
  while (controller.eventIndex() < 1) controller.stepForward();
  QApplication::processEvents();
  ASSERT_EQ(controller.eventIndex(), 1u);
  EXPECT_EQ(label->text(), QStringLiteral("1 event"));
  controller.stepForward();
  QApplication::processEvents();
  EXPECT_EQ(label->text(), QStringLiteral("2 events"));
  w.setLanguage(QStringLiteral("zh_TW"));
  EXPECT_EQ(label->text(), QStringLiteral("2 個事件"));
  w.setLanguage(QStringLiteral("en"));
}

TEST(MainWindow, LanguageSwitchChangesMenusAndPanels) {
  LabController controller;
  MainWindow w(&controller);
  EXPECT_EQ(w.fileMenu()->title(), QStringLiteral("&File"));
  w.setLanguage(QStringLiteral("zh_TW"));
  EXPECT_TRUE(w.fileMenu()->title().contains(QStringLiteral("檔案"))) << w.fileMenu()->title().toStdString();
  EXPECT_TRUE(menuTitles(w).join(QLatin1Char(' ')).contains(QStringLiteral("故障"))) << menuTitles(w).join(' ').toStdString();
  EXPECT_EQ(language::current(), QStringLiteral("zh_TW"));
  QStringList panels;
  for (PanelFrame* p : w.findChildren<PanelFrame*>()) panels << p->title();
  EXPECT_TRUE(panels.contains(QStringLiteral("拓撲"))) << panels.join(' ').toStdString();
  EXPECT_TRUE(panels.contains(QStringLiteral("時空圖"))) << panels.join(' ').toStdString();
  w.setLanguage(QStringLiteral("en"));
  EXPECT_EQ(w.fileMenu()->title(), QStringLiteral("&File"));
}

namespace {

// Texts of the status bar's labels (the scenario's title is one of them).
QStringList statusTexts(MainWindow& w) {
  QStringList texts;
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>()) texts << l->text();
  return texts;
}

QString statusToolTips(MainWindow& w) {
  QStringList tips;
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>()) tips << l->toolTip();
  return tips.join(QLatin1Char('\n'));
}

// The entries of the File menu's submenus (Examples among them), filled as when they open.
QStringList fileSubmenuEntries(MainWindow& w) {
  QStringList entries;
  for (QMenu* m : w.fileMenu()->findChildren<QMenu*>()) {
    emit m->aboutToShow();
    for (QAction* a : m->actions()) entries << a->text();
  }
  return entries;
}

}  // namespace

TEST(MainWindow, ScenarioTitleAndDescriptionFollowTheLanguage) {
  struct BackToEnglish {
    ~BackToEnglish() { language::apply(QStringLiteral("en"), false); }
  } restore;
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("saga-orchestration-shipping-fails.json"), false));
  const cs::Scenario& s = controller.scenario();
  const QString en = QStringLiteral("Saga (orchestrated): shipping fails, compensations run in reverse");
  const QString zh = QString::fromStdString(s.title_zh);
  ASSERT_EQ(QString::fromStdString(s.title), en);
  ASSERT_TRUE(zh.contains(QStringLiteral("補償"))) << zh.toStdString();
  EXPECT_TRUE(statusTexts(w).contains(en)) << statusTexts(w).join(" | ").toStdString();
  EXPECT_TRUE(statusToolTips(w).contains(QStringLiteral("RELEASE_STOCK, then REFUND")));
  EXPECT_TRUE(fileSubmenuEntries(w).contains(en));

  w.setLanguage(QStringLiteral("zh_TW"));
  EXPECT_TRUE(statusTexts(w).contains(zh)) << statusTexts(w).join(" | ").toStdString();
  EXPECT_FALSE(statusTexts(w).contains(en));
  const QString tips = statusToolTips(w);
  EXPECT_TRUE(tips.contains(QString::fromStdString(s.description_zh).toHtmlEscaped())) << tips.toStdString();
  EXPECT_FALSE(tips.contains(QStringLiteral("RELEASE_STOCK, then REFUND")));
  const QStringList examples = fileSubmenuEntries(w);
  EXPECT_TRUE(examples.contains(zh)) << examples.join(" | ").toStdString();
  EXPECT_FALSE(examples.contains(en));
  // A scenario without a file is named by its title in the window title too.
  controller.setScenarioUntitled(cs::Scenario(s));
  EXPECT_TRUE(w.windowTitle().startsWith(zh)) << w.windowTitle().toStdString();

  w.setLanguage(QStringLiteral("en"));
  EXPECT_TRUE(statusTexts(w).contains(en)) << statusTexts(w).join(" | ").toStdString();
  EXPECT_TRUE(w.windowTitle().startsWith(en)) << w.windowTitle().toStdString();
}

TEST(MainWindow, ProjectorModeScalesTheFont) {
  LabController controller;
  MainWindow w(&controller);
  // From the normal font: in one process an earlier test's window may have left projector mode on
  // (the setting is remembered), and the font scaled.
  w.setProjectorMode(false, false);
  const double before = QApplication::font().pointSizeF();
  w.setProjectorMode(true, false);
  EXPECT_TRUE(w.projectorAction()->isChecked());
  EXPECT_GE(QApplication::font().pointSizeF(), before * 1.6);
  EXPECT_GE(w.menuBar()->font().pointSizeF(), before * 1.6);
  w.setProjectorMode(false, false);
  EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), before);
}

// A status-bar message covers the scenario title; switching to projector mode while it shows must
// not bring the title back on top of it (two texts drawn over each other).
TEST(MainWindow, StatusMessageStaysAloneAcrossTheProjectorSwitch) {
  LabController controller;
  MainWindow w(&controller);
  w.resize(1000, 700);
  w.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
  w.statusBar()->showMessage(QStringLiteral("Saved somewhere"), 8000);
  const auto visibleStretchLabels = [&] {
    int n = 0;
    for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
      if (l->isVisible() && !l->text().isEmpty() && l->geometry().left() < w.statusBar()->width() / 3) ++n;
    return n;
  };
  EXPECT_EQ(visibleStretchLabels(), 0);
  w.setProjectorMode(true, false);
  QCoreApplication::processEvents();
  EXPECT_EQ(w.statusBar()->currentMessage(), QStringLiteral("Saved somewhere"));
  EXPECT_EQ(visibleStretchLabels(), 0);
  w.statusBar()->clearMessage();
  EXPECT_EQ(visibleStretchLabels(), 1);  // the title is back
  w.setProjectorMode(false, false);
}

TEST(MainWindow, HelpOverlayTogglesWithF1) {
  LabController controller;
  MainWindow w(&controller);
  w.resize(1000, 700);
  w.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
  EXPECT_FALSE(w.helpOverlay()->isVisible());
  QTest::keyClick(&w, Qt::Key_F1);
  EXPECT_TRUE(w.helpOverlay()->isVisible());
  EXPECT_EQ(w.helpOverlay()->geometry(), w.centralWidget()->rect());
  QTest::keyClick(w.helpOverlay(), Qt::Key_Escape);
  EXPECT_FALSE(w.helpOverlay()->isVisible());
}

TEST(MainWindow, KeyboardDrivesTheRun) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openFile(scenarioPath("2pc-happy.json"), false));
  w.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
  QTest::keyClick(&w, Qt::Key_Right);
  QTest::keyClick(&w, Qt::Key_Right);
  EXPECT_EQ(controller.eventIndex(), 2u);
  QTest::keyClick(&w, Qt::Key_Left);
  EXPECT_EQ(controller.eventIndex(), 1u);
  QTest::keyClick(&w, Qt::Key_Space);
  EXPECT_TRUE(controller.isPlaying());
  QTest::keyClick(&w, Qt::Key_Space);
  EXPECT_FALSE(controller.isPlaying());
}

TEST(ScreenshotMode, WritesAPictureOfTheRequestedSize) {
  QTemporaryDir dir;
  const QString file = dir.filePath(QStringLiteral("shot.png"));
  const Shot r = runExe({QStringLiteral("--screenshot"), file, QStringLiteral("--size"), QStringLiteral("1024x700"),
                         QStringLiteral("--at-ms"), QStringLiteral("40"), QStringLiteral("--lang"), QStringLiteral("en")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains(QStringLiteral("seed: "))) << r.out.toStdString();
  const QImage image(file);
  ASSERT_FALSE(image.isNull());
  EXPECT_EQ(image.size(), QSize(1024, 700));
  EXPECT_GT(distinctColours(image), 64) << "a blank or nearly blank picture";
}

// Over ssh or in a documentation script there is no display: --help, --version and --screenshot
// need none, and used to die in QApplication before the command line was read.
TEST(ScreenshotMode, HelpVersionAndAScreenshotWorkWithoutADisplay) {
  const Shot help = runExe({QStringLiteral("--help")}, WindowSystem::None);
  EXPECT_EQ(help.exitCode, 0) << help.err.toStdString();
  EXPECT_TRUE(help.out.contains(QStringLiteral("--screenshot"))) << help.out.toStdString();
  EXPECT_FALSE(help.err.contains(QStringLiteral("could not connect to display"))) << help.err.toStdString();
  const Shot version = runExe({QStringLiteral("--version")}, WindowSystem::None);
  EXPECT_EQ(version.exitCode, 0) << version.err.toStdString();
  EXPECT_TRUE(version.out.contains(QStringLiteral("0.1.0"))) << version.out.toStdString();
  QTemporaryDir dir;
  const QString file = dir.filePath(QStringLiteral("headless.png"));
  const Shot shot = runExe({QStringLiteral("--screenshot=") + file, QStringLiteral("--size"), QStringLiteral("1024x700")}, WindowSystem::None);
  ASSERT_EQ(shot.exitCode, 0) << shot.err.toStdString();
  const QImage image(file);
  EXPECT_EQ(image.size(), QSize(1024, 700));
  EXPECT_GT(distinctColours(image), 64) << "a blank or nearly blank picture";
}

TEST(ScreenshotMode, SeedOverrideIsPrinted) {
  QTemporaryDir dir;
  const Shot r = runExe({QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("s.png")), QStringLiteral("--seed"),
                         QStringLiteral("4242"), QStringLiteral("--size"), QStringLiteral("640x480")});
  ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
  EXPECT_TRUE(r.out.contains(QStringLiteral("seed: 4242"))) << r.out.toStdString();
}

TEST(ScreenshotMode, ABrokenScenarioNamesFileAndLineAndExits2) {
  QTemporaryDir dir;
  const QString bad = dir.filePath(QStringLiteral("broken.json"));
  QFile f(bad);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write("{\n  \"protocol\": \"2pc\",\n  \"until_ms\": \"soon\"\n}\n");
  f.close();
  const Shot r = runExe({QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")), QStringLiteral("--scenario"), bad});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains(QStringLiteral("broken.json:3"))) << r.err.toStdString();
  EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("x.png"))));
}

TEST(ScreenshotMode, RejectsABadSize) {
  QTemporaryDir dir;
  const Shot r = runExe({QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png")), QStringLiteral("--size"),
                         QStringLiteral("big")});
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_TRUE(r.err.contains(QStringLiteral("--size"))) << r.err.toStdString();
}

TEST(MainWindow, EveryProtocolAndExampleRunsInTheWindow) {
  LabController controller;
  MainWindow w(&controller);
  w.resize(1280, 800);
  w.show();
  for (const auto& entry : cs::protocol_registry()) {
    const QString name = QString::fromUtf8(entry.name().data(), static_cast<qsizetype>(entry.name().size()));
    ASSERT_TRUE(controller.newScenarioWithParams(name, entry.default_params())) << entry.name();
    controller.seekTime(controller.endTime() / 2);
    QApplication::processEvents();
    EXPECT_EQ(controller.scenario().protocol, entry.name());
    EXPECT_GE(controller.eventIndex(), 1u) << entry.name();
  }
  const QStringList examples = QDir(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios"))
                                   .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  for (const QString& f : examples) {
    QString error;
    ASSERT_TRUE(w.openFile(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/") + f, false, &error))
        << f.toStdString() << ": " << error.toStdString();
    controller.seekTime(controller.endTime());
    QApplication::processEvents();
    EXPECT_EQ(controller.now(), controller.endTime()) << f.toStdString();
  }
}

TEST(NewScenarioDialog, OffersEveryProtocolWithValidParams) {
  NewScenarioDialog dialog;
  auto* combo = dialog.findChild<QComboBox*>();
  ASSERT_NE(combo, nullptr);
  EXPECT_EQ(combo->count(), static_cast<int>(cs::protocol_registry().size()));
  for (int i = 0; i < combo->count(); ++i) {
    combo->setCurrentIndex(i);
    LabController c;
    EXPECT_TRUE(c.newScenarioWithParams(dialog.protocol(), dialog.params())) << dialog.protocol().toStdString();
    EXPECT_EQ(c.scenario().protocol, dialog.protocol().toStdString());
  }
}

// Issue 18: the loader accepts a CAP register run of 1,000,000 operations (for the CLI's --long-run,
// which forgets finished ones). The window keeps its own limits: its trace is a window now (the
// trace limit no longer stops it), so such a run stops at the window's memory limit, and the status
// bar says so and names that limit.
TEST(MainWindow, AMillionOperationCapRegisterRunStopsAtTheWindowsMemoryLimit) {
  LabController controller;
  MainWindow w(&controller);
  cs::Scenario s;
  s.protocol = "cap-register";
  s.title = "a million operations";
  s.seed = 1;
  s.params = {{"mode", "cp"}, {"replicas", 3}, {"clients", 3}, {"operations", 1'000'000}, {"interval_ms", 4}};
  s.network.latency_lo = s.network.latency_hi = cs::ms(1);
  s.until = cs::ms(4'000'000 + 2000);
  controller.setScenario(s);
  ASSERT_EQ(controller.scenario().protocol, "cap-register") << "the window loaded it";
  controller.seekTime(controller.endTime());
  QApplication::processEvents();
  ASSERT_EQ(controller.sim().halted(), cs::HaltReason::MemoryLimit);
  EXPECT_LT(controller.now(), cs::ms(4'000'000)) << "stopped long before the workload's end";
  QLabel* label = nullptr;  // the status bar's event count
  for (QLabel* l : w.statusBar()->findChildren<QLabel*>())
    if (l->text().contains(QStringLiteral("stopped early"))) label = l;
  ASSERT_NE(label, nullptr);
  EXPECT_TRUE(label->toolTip().contains(QStringLiteral("memory limit ("))) << label->toolTip().toStdString();
}
