#include "main_window.hpp"

#include <algorithm>
#include <climits>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QResizeEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

#include "canvas_view.hpp"
#include "compare_dialog.hpp"
#include "compare_lab.hpp"
#include "compare_window.hpp"
#include "data_paths.hpp"
#include "check/linearizability.hpp"
#include "engine_text.hpp"
#include "explore_dialog.hpp"
#include "fault_dialogs.hpp"
#include "help_overlay.hpp"
#include "shortcuts.hpp"
#include "input_file.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "lesson_browser.hpp"
#include "lesson_panel.hpp"
#include "pg_lab_panel.hpp"
#include "lesson_session.hpp"
#include "presenter_keys.hpp"
#include "message_details.hpp"
#include "metrics_chart_view.hpp"
#include "new_scenario_dialog.hpp"
#include "panel_frame.hpp"
#include "progress_dialog.hpp"
#include "progress_store.hpp"
#include "projector_style.hpp"
#include "scenario/loader.hpp"
#include "spacetime_view.hpp"
#include "state_machine_view.hpp"
#include "timeline_bar.hpp"

namespace {

constexpr int kMaxRecent = 8;
constexpr auto kRecentKey = "files/recent";
constexpr auto kLastDirKey = "files/lastDir";
constexpr auto kProjectorKey = "ui/projector";
constexpr auto kGeometryKey = "ui/geometry";

QString formatMs(cs::Time t) { return QLocale().toString(static_cast<double>(t) / 1000.0, 'f', 1); }

// Titles are data: a scenario's "title_zh" is shown in zh-TW, its "title" otherwise (every shipped
// scenario has both; a file without "title_zh" shows its English title).
// A scenario's own zh-TW text while the interface speaks Chinese, when the file has one.
bool chineseInterface() { return language::current().startsWith(QLatin1String("zh")); }

QString scenarioTitle(const cs::Scenario& s) {
  if (chineseInterface() && !s.title_zh.empty()) return QString::fromStdString(s.title_zh);
  return QString::fromStdString(s.title);
}

QString scenarioDescription(const cs::Scenario& s) {
  return QString::fromStdString(chineseInterface() && !s.description_zh.empty() ? s.description_zh : s.description);
}

// A heading over the description, as rich text so that a long description wraps in the tooltip.
QString descriptionTip(const QString& heading, const QString& description) {
  if (description.isEmpty()) return heading;
  QString tip = QStringLiteral("<p>%1</p>").arg(description.toHtmlEscaped());
  if (!heading.isEmpty()) tip.prepend(QStringLiteral("<p><b>%1</b></p>").arg(heading.toHtmlEscaped()));
  return tip;
}

// The limit that stopped the run, with the value this run was made with: the window's limits are
// lower than the CLI's (LabController::kWindow*), so the engine's text, which names the CLI's
// defaults, would give the wrong number.
QString haltedLimit(const cs::Simulator& sim) {
  const cs::SimConfig& cfg = sim.config();
  switch (sim.halted()) {
    case cs::HaltReason::TraceLimit:
      return MainWindow::tr("the trace limit (%L1 records)").arg(static_cast<qulonglong>(cfg.trace_limit));
    case cs::HaltReason::QueueLimit:
      return MainWindow::tr("the event queue limit (%L1 pending events)").arg(static_cast<qulonglong>(cfg.queue_limit));
    case cs::HaltReason::MemoryLimit:
      return MainWindow::tr("the memory limit (%L1 MiB)").arg(static_cast<double>(cfg.memory_limit) / (1 << 20), 0, 'g', 4);
    case cs::HaltReason::None: break;
  }
  return {};
}

}  // namespace

MainWindow::MainWindow(LabController* controller, QWidget* parent)
    : QMainWindow(parent), controller_(controller), progress_(std::make_unique<commitscope::ProgressStore>()),
      lesson_dir_(LessonLibrary::defaultDirectory()) {
  setObjectName(QStringLiteral("CommitScopeMainWindow"));
  setWindowIcon(QIcon(QStringLiteral(":/icons/commitscope.svg")));
  createCentralArea();
  createActions();
  createMenus();
  createStatusBar();

  connect(controller_, &LabController::runChanged, this, &MainWindow::updateStatus);
  connect(controller_, &LabController::scenarioChanged, this, [this] {
    updateStatus();
    updateTitle();
  });
  connect(controller_, &LabController::documentChanged, this, [this] {
    updateStatus();
    updateTitle();
  });
  connect(controller_->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateTitle);
  connect(controller_, &LabController::playingChanged, this, [this](bool playing) {
    play_act_->setText(playing ? tr("&Pause") : tr("&Play"));
    play_act_->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
  });

  retranslateUi();
  updateStatus();
  updateTitle();
  updateLessonActions();
  const QByteArray geometry = QSettings().value(kGeometryKey).toByteArray();
  if (geometry.isEmpty() || !restoreGeometry(geometry)) resize(1440, 900);
}

MainWindow::~MainWindow() {
  // The session talks to the controller (its watch) and to the store: it goes first.
  delete session_;
  session_ = nullptr;
}

// ---------------------------------------------------------------------------------------------
// Construction

void MainWindow::createCentralArea() {
  canvas_ = new CanvasView(controller_, this);
  state_machine_ = new StateMachineView(controller_, this);
  details_ = new MessageDetails(controller_, this);
  spacetime_ = new SpacetimeView(controller_, this);
  canvas_panel_ = new PanelFrame(canvas_, this);
  state_panel_ = new PanelFrame(state_machine_, this);
  details_panel_ = new PanelFrame(details_, this);
  spacetime_panel_ = new PanelFrame(spacetime_, this);
  metrics_ = new MetricsChartView(controller_, this);
  metrics_panel_ = new PanelFrame(metrics_, this);

  session_ = new LessonSession(controller_, progress_.get(), this);
  lesson_ = new LessonPanel(session_, this);
  lesson_panel_ = new PanelFrame(lesson_, this);
  lesson_panel_->hide();
  connect(lesson_, &LessonPanel::closeRequested, this, &MainWindow::closeLesson);
  connect(lesson_, &LessonPanel::freePlayRequested, this, &MainWindow::freePlay);
  connect(lesson_, &LessonPanel::browseRequested, this, &MainWindow::browseLessons);
  connect(lesson_, &LessonPanel::teacherModeToggled, this, &MainWindow::setTeacherMode);
  // Page Up / Page Down move through a lesson whatever has focus (a clicker must not scroll the canvas).
  presenter_keys_ = new PresenterKeys(this, session_);
  // The run was replaced by other means than the window's menus: the lesson has ended.
  connect(session_, &LessonSession::runReplaced, this, &MainWindow::closeLesson);
  connect(session_, &LessonSession::changed, this, &MainWindow::updateHighlights);
  connect(session_, &LessonSession::stepEntered, this, &MainWindow::onLessonStepEntered);
  connect(session_, &LessonSession::changed, this, &MainWindow::updateLessonActions);
  connect(session_, &LessonSession::changed, this, &MainWindow::updateStatus);
  // An answer the progress file refused: said on the status bar too (the panel keeps its notice).
  connect(session_, &LessonSession::progressNotSaved, this,
          [this](const QString& message) { statusBar()->showMessage(message, 20000); });
  connect(session_, &LessonSession::lessonFinished, this, [this](int score, int outOf) {
    if (session_->teacherMode()) statusBar()->showMessage(tr("Lesson complete"), 6000);
    else statusBar()->showMessage(tr("Lesson complete: %1 of %2 questions right at the first try").arg(score).arg(outOf), 8000);
  });

  side_ = new QSplitter(Qt::Vertical, this);
  side_->addWidget(state_panel_);
  side_->addWidget(details_panel_);
  horizontal_ = new QSplitter(Qt::Horizontal, this);
  // The lesson panel sits left of the canvas: read, then look right at what it talks about.
  horizontal_->addWidget(lesson_panel_);
  horizontal_->addWidget(canvas_panel_);
  horizontal_->addWidget(side_);
  horizontal_->setStretchFactor(0, 1);
  horizontal_->setStretchFactor(1, 3);
  horizontal_->setStretchFactor(2, 1);
  vertical_ = new QSplitter(Qt::Vertical, this);
  vertical_->addWidget(horizontal_);
  // Below: the space-time diagram (what happened, message by message) beside the metrics chart (what
  // it adds up to over time).
  bottom_ = new QSplitter(Qt::Horizontal, this);
  bottom_->addWidget(spacetime_panel_);
  bottom_->addWidget(metrics_panel_);
  bottom_->setStretchFactor(0, 3);
  bottom_->setStretchFactor(1, 2);
  vertical_->addWidget(bottom_);
  vertical_->setStretchFactor(0, 3);
  vertical_->setStretchFactor(1, 1);
  for (QSplitter* s : {side_, horizontal_, vertical_, bottom_}) {
    s->setChildrenCollapsible(false);
    s->setHandleWidth(6);
  }
  side_->setCollapsible(1, true);  // the details pane may fold away (projector lessons do that)

  timeline_ = new TimelineBar(controller_, this);
  auto* central = new QWidget(this);
  auto* layout = new QVBoxLayout(central);
  layout->setContentsMargins(6, 6, 6, 0);
  layout->setSpacing(4);
  layout->addWidget(vertical_, 1);
  layout->addWidget(timeline_);
  setCentralWidget(central);

  help_ = new HelpOverlay(central);
}

void MainWindow::resetLayout() {
  // A presentation: on a projector the canvas (and the lesson) take the whole window unless the
  // teacher asks for the side panels (View menu). Hidden, not collapsed: a collapsed column would
  // still impose its minimum height on the window.
  const bool folded = projector_ && !projector_panels_act_->isChecked();
  projector_panels_act_->setEnabled(projector_);
  // A small projector screen (1280×720) with the panels asked for: the state machine column only, at
  // full height; at projector type sizes the diagrams under it would leave every pane unreadable.
  // Measured in type-scaled pixels: at 1920x1080 the type is 1.5x that of 1280x720
  // (projector::sizeFactor), so the window holds what 1280x720 holds and gets the same layout.
  const double typeScale = projector_ ? projector::factor() : 1.0;
  const bool smallScreen = projector_ && !folded && (height() < 900 * typeScale || width() < 1500 * typeScale);
  // A lesson step that shows a view unfolds what holds it (the bottom diagrams or the side column).
  const bool wantSide = lesson_wants_ == LessonWants::Side, wantBottom = lesson_wants_ == LessonWants::Bottom;
  side_->setVisible(!folded || wantSide);
  bottom_->setVisible((!folded && !smallScreen) || wantBottom);
  canvas_panel_->setTitleVisible(!folded);
  lesson_panel_->setTitleVisible(!projector_);  // the panel's own title names the lesson
  // Proportions, not pixels: the canvas gets most of the room, the diagram a third of the height.
  const int w = std::max(800, horizontal_->width() > 0 ? horizontal_->width() : width());
  const int h = std::max(500, vertical_->height() > 0 ? vertical_->height() : height() - 120);
  const bool lesson = lesson_panel_->isVisible() || (session_ && session_->isActive());
  // On a projector the lesson panel is wider (40%): a question, its options and the verdict must be
  // readable at 1.7x type without scrolling, even at 1280 x 720.
  const auto px = [typeScale](int pixels) { return static_cast<int>(pixels * typeScale); };  // bounds grow with the type
  const int lessonWidth = lesson ? std::clamp(w * (projector_ ? 40 : 28) / 100, px(340), px(projector_ ? 1000 : 620)) : 0;
  // During a lesson the panel and the canvas are what the class looks at: the state-machine column
  // and the bottom diagrams give up some room (they stay, and can be dragged back).
  // A projector lesson step that shows a node's state machine or log is about that column: it gets
  // nearly half of what the lesson panel leaves (at 1280 x 720 a third cut the log's record names).
  const int sidePercent = lesson ? (projector_ ? (wantSide ? 44 : 34) : 26) : projector_ ? 41 : 33;
  const int sideWidth = std::clamp((w - lessonWidth) * sidePercent / 100, px(lesson ? 260 : 300), px(projector_ ? 900 : 600));
  const bool sideShown = !folded || wantSide;
  const int middle = w - lessonWidth - (sideShown ? sideWidth : 0);
  if (pglab_panel_)  // lesson 18: the PostgreSQL lab or the canvas, whichever the step is about
    horizontal_->setSizes({lessonWidth, pglab_panel_->isVisible() ? middle : 0, pglab_panel_->isVisible() ? 0 : middle,
                           sideShown ? sideWidth : 0});
  else
    horizontal_->setSizes({lessonWidth, middle, sideShown ? sideWidth : 0});
  // A diagram a lesson step shows takes the lower part. On a projector the lesson panel above it keeps
  // what the space-time diagram's lanes leave (48 to 58%): at 48% a step's text had to be scrolled at
  // 1280 x 720 and 1920 x 1080.
  // Such a step's text says which diagram it is about: on a projector the diagram's title bar goes,
  // as the canvas's and the lesson panel's do, and its lines go to the text and the lanes.
  spacetime_panel_->setTitleVisible(!(projector_ && lesson && wantBottom && lesson_view_ == spacetime_));
  // (+4%: the splitter's height may still shrink as the window settles, and it takes a share from each side)
  const int lanesNeed = spacetime_->heightForAllLanes() + spacetime_panel_->chromeHeight() + vertical_->handleWidth() + h * 4 / 100;
  const int lessonTop = lesson_view_ == spacetime_ ? std::clamp(h - lanesNeed, h * 48 / 100, h * 58 / 100) : h * 58 / 100;
  const int top = wantBottom ? (projector_ && lesson ? lessonTop : h * 48 / 100)
                  : folded || smallScreen ? h
                                          : h * (lesson ? (projector_ ? 72 : 66) : projector_ ? 66 : 62) / 100;
  vertical_->setSizes({top, h - top});
  // The state machine needs its rows plus the log at projector font sizes; the details pane scrolls.
  // In a lesson the narrower column gets more height for the same reason, and on a projector the
  // whole of it: the lesson panel does the explaining there, and the details pane folds away (its
  // splitter handle brings it back).
  const int machine = projector_ ? (lesson || smallScreen ? 100 : 72) : lesson ? 66 : 58;
  side_->setSizes({top * machine / 100, top * (100 - machine) / 100});
  const int full = std::max(800, bottom_->width() > 0 ? bottom_->width() : width());
  const int chart = std::clamp(full * 36 / 100, px(360), px(projector_ ? 1100 : 760));
  // On a projector a lesson step that shows one of the two diagrams gives it the whole width: beside
  // the other at projector type sizes, the space-time lanes were crowded and the chart's metric names
  // were cut to "…".
  const bool onlyDiagram = projector_ && wantBottom && lesson_view_ == spacetime_;
  const bool onlyChart = projector_ && wantBottom && lesson_view_ == metrics_;
  spacetime_panel_->setVisible(!onlyChart);
  metrics_panel_->setVisible(!onlyDiagram);
  bottom_->setSizes({full - chart, chart});
}

// On a projector the type follows the window's height (projector::sizeFactor): going full screen,
// or moving to a projector with more lines, grows it; the layout follows the new type.
void MainWindow::resizeEvent(QResizeEvent* event) {
  QMainWindow::resizeEvent(event);
  if (!projector_) return;
  const double f = projector::sizeFactor(height());
  if (f == projector::factor()) return;
  setProjectorMode(true, false);  // the type, then every view's projector sizes, then the layout
}

void MainWindow::showEvent(QShowEvent* event) {
  QMainWindow::showEvent(event);
  // The first shown size decides the default proportions (afterwards the user's drags win). The
  // layout must be activated first so that the splitters know their real extent.
  if (!layout_done_) {
    layout_done_ = true;
    centralWidget()->layout()->activate();
    resetLayout();
  }
}

QAction* MainWindow::makeAction(const QKeySequence& key) {
  auto* a = new QAction(this);
  if (!key.isEmpty()) a->setShortcut(key);
  // Menus list the key next to the entry; the same keys work anywhere in the window.
  a->setShortcutContext(Qt::WindowShortcut);
  addAction(a);
  return a;
}

void MainWindow::createActions() {
  createFileActions();
  createRunActions();
  createFaultActions();
  createLessonActions();
  createViewActions();
}

// New, open, save, quit; undo and redo of injected faults.
void MainWindow::createFileActions() {
  QStyle* st = style();
  new_act_ = makeAction(shortcuts::key(shortcuts::Id::New));
  new_act_->setIcon(st->standardIcon(QStyle::SP_FileIcon));
  connect(new_act_, &QAction::triggered, this, &MainWindow::newScenario);
  open_act_ = makeAction(shortcuts::key(shortcuts::Id::Open));
  open_act_->setIcon(st->standardIcon(QStyle::SP_DialogOpenButton));
  connect(open_act_, &QAction::triggered, this, &MainWindow::openDialog);
  save_act_ = makeAction(shortcuts::key(shortcuts::Id::Save));
  save_act_->setIcon(st->standardIcon(QStyle::SP_DialogSaveButton));
  connect(save_act_, &QAction::triggered, this, &MainWindow::save);
  save_as_act_ = makeAction(shortcuts::key(shortcuts::Id::SaveAs));
  connect(save_as_act_, &QAction::triggered, this, &MainWindow::saveAs);
  compare_act_ = makeAction();
  connect(compare_act_, &QAction::triggered, this, &MainWindow::compareDialog);
  export_act_ = makeAction();
  connect(export_act_, &QAction::triggered, this, &MainWindow::exportDialog);
  quit_act_ = makeAction(shortcuts::key(shortcuts::Id::Quit));
  connect(quit_act_, &QAction::triggered, this, &QWidget::close);
  clear_recent_act_ = new QAction(this);
  connect(clear_recent_act_, &QAction::triggered, this, [] { QSettings().remove(kRecentKey); });

  // Undo/redo are our own actions (not QUndoStack::createUndoAction) so that their "Undo %1" prefix
  // follows a language switch.
  QUndoStack* undo = controller_->undoStack();
  undo_act_ = makeAction(shortcuts::key(shortcuts::Id::Undo));
  undo_act_->setIcon(st->standardIcon(QStyle::SP_ArrowBack));
  undo_act_->setEnabled(false);
  connect(undo_act_, &QAction::triggered, undo, &QUndoStack::undo);
  connect(undo, &QUndoStack::canUndoChanged, undo_act_, &QAction::setEnabled);
  connect(undo, &QUndoStack::undoTextChanged, this, &MainWindow::retranslateUi);
  redo_act_ = makeAction(shortcuts::key(shortcuts::Id::Redo));
  redo_act_->setIcon(st->standardIcon(QStyle::SP_ArrowForward));
  redo_act_->setEnabled(false);
  connect(redo_act_, &QAction::triggered, undo, &QUndoStack::redo);
  connect(undo, &QUndoStack::canRedoChanged, redo_act_, &QAction::setEnabled);
  connect(undo, &QUndoStack::redoTextChanged, this, &MainWindow::retranslateUi);
}

// The timeline: play, step, restart, seed, speed.
void MainWindow::createRunActions() {
  QStyle* st = style();
  play_act_ = makeAction(shortcuts::key(shortcuts::Id::Play));
  play_act_->setIcon(st->standardIcon(QStyle::SP_MediaPlay));
  connect(play_act_, &QAction::triggered, controller_, &LabController::togglePlay);
  step_act_ = makeAction(shortcuts::key(shortcuts::Id::Step));
  step_act_->setIcon(st->standardIcon(QStyle::SP_MediaSeekForward));
  connect(step_act_, &QAction::triggered, controller_, &LabController::stepForward);
  back_act_ = makeAction(shortcuts::key(shortcuts::Id::Back));
  back_act_->setIcon(st->standardIcon(QStyle::SP_MediaSeekBackward));
  connect(back_act_, &QAction::triggered, controller_, &LabController::stepBack);
  restart_act_ = makeAction(shortcuts::key(shortcuts::Id::Restart));
  restart_act_->setIcon(st->standardIcon(QStyle::SP_MediaSkipBackward));
  connect(restart_act_, &QAction::triggered, controller_, &LabController::restartSameSeed);
  reroll_act_ = makeAction(shortcuts::key(shortcuts::Id::Reroll));
  reroll_act_->setIcon(st->standardIcon(QStyle::SP_BrowserReload));
  connect(reroll_act_, &QAction::triggered, controller_, &LabController::rerollSeed);
  // Speed steps of 10^0.25 (about 1.8x), four steps per decade, like the slider's log scale.
  faster_act_ = makeAction(shortcuts::key(shortcuts::Id::Faster));
  connect(faster_act_, &QAction::triggered, this, [this] { controller_->setSpeed(controller_->speed() * 1.7782794); });
  slower_act_ = makeAction(shortcuts::key(shortcuts::Id::Slower));
  connect(slower_act_, &QAction::triggered, this, [this] { controller_->setSpeed(controller_->speed() / 1.7782794); });
  normal_speed_act_ = makeAction(shortcuts::key(shortcuts::Id::NormalSpeed));
  connect(normal_speed_act_, &QAction::triggered, this, [this] { controller_->setSpeed(1.0); });
  explore_act_ = makeAction();
  connect(explore_act_, &QAction::triggered, this, &MainWindow::showExploreDialog);
}

// The fault tools that are menu entries (the canvas has its own gestures).
void MainWindow::createFaultActions() {
  cut_act_ = makeAction(shortcuts::key(shortcuts::Id::Cut));
  connect(cut_act_, &QAction::triggered, this, [this] { runLinkDialog(cs::FaultKind::Cut); });
  partition_act_ = makeAction(shortcuts::key(shortcuts::Id::Partition));
  connect(partition_act_, &QAction::triggered, this, &MainWindow::runPartitionDialog);
  heal_partition_act_ = makeAction();
  connect(heal_partition_act_, &QAction::triggered, this, [this] { inject(cs::FaultKind::HealPartition); });
  heal_all_act_ = makeAction(shortcuts::key(shortcuts::Id::HealAll));
  connect(heal_all_act_, &QAction::triggered, this, [this] { inject(cs::FaultKind::HealAll); });
  drop_act_ = makeAction();
  connect(drop_act_, &QAction::triggered, this, [this] { runLinkDialog(cs::FaultKind::DropNext); });
  duplicate_act_ = makeAction();
  connect(duplicate_act_, &QAction::triggered, this, [this] { runLinkDialog(cs::FaultKind::DuplicateNext); });
}

// Lessons, teacher mode and the presenter keys.
void MainWindow::createLessonActions() {
  browse_lessons_act_ = makeAction(shortcuts::key(shortcuts::Id::BrowseLessons));
  connect(browse_lessons_act_, &QAction::triggered, this, &MainWindow::browseLessons);
  open_lesson_act_ = makeAction();
  connect(open_lesson_act_, &QAction::triggered, this, &MainWindow::openLessonFileDialog);
  progress_act_ = makeAction();
  connect(progress_act_, &QAction::triggered, this, &MainWindow::showProgress);
  teacher_act_ = makeAction(shortcuts::key(shortcuts::Id::Teacher));
  teacher_act_->setCheckable(true);
  connect(teacher_act_, &QAction::toggled, this, &MainWindow::setTeacherMode);
  lesson_next_act_ = makeAction(shortcuts::key(shortcuts::Id::LessonNext));
  connect(lesson_next_act_, &QAction::triggered, this, [this] { session_->next(); });
  lesson_back_act_ = makeAction(shortcuts::key(shortcuts::Id::LessonBack));
  connect(lesson_back_act_, &QAction::triggered, this, [this] { session_->back(); });
  free_play_act_ = makeAction();
  connect(free_play_act_, &QAction::triggered, this, &MainWindow::freePlay);
  close_lesson_act_ = makeAction();
  connect(close_lesson_act_, &QAction::triggered, this, &MainWindow::closeLesson);
}

// Projector mode, help, language, about.
void MainWindow::createViewActions() {
  QStyle* st = style();
  projector_act_ = makeAction(shortcuts::key(shortcuts::Id::Projector));
  projector_act_->setCheckable(true);
  // The user's toggle is the one thing that changes the stored preference: a resize, the start-up's
  // --projector and a screenshot only apply the mode to this window.
  connect(projector_act_, &QAction::toggled, this, [this](bool on) {
    setProjectorMode(on, true);
    QSettings().setValue(kProjectorKey, on);
  });
  projector_panels_act_ = makeAction();
  projector_panels_act_->setCheckable(true);
  connect(projector_panels_act_, &QAction::toggled, this, &MainWindow::resetLayout);
  fit_view_act_ = makeAction(shortcuts::key(shortcuts::Id::FitView));
  connect(fit_view_act_, &QAction::triggered, canvas_, &CanvasView::fitView);
  help_overlay_act_ = makeAction(shortcuts::key(shortcuts::Id::Help));
  help_overlay_act_->setIcon(st->standardIcon(QStyle::SP_DialogHelpButton));
  connect(help_overlay_act_, &QAction::triggered, help_, &HelpOverlay::toggle);

  language_group_ = new QActionGroup(this);
  language_group_->setExclusive(true);
  // Language names are written in their own language (the convention of every language menu:
  // a user who cannot read the current language can still find theirs), so they are not tr()'d.
  english_act_ = new QAction(QStringLiteral("English"), language_group_);
  english_act_->setData(QStringLiteral("en"));
  chinese_act_ = new QAction(QStringLiteral("繁體中文"), language_group_);
  chinese_act_->setData(QStringLiteral("zh_TW"));
  for (QAction* a : language_group_->actions()) {
    a->setCheckable(true);
    a->setChecked(a->data().toString() == language::current());
  }
  connect(language_group_, &QActionGroup::triggered, this, [this](QAction* a) { setLanguage(a->data().toString()); });

  shortcuts_act_ = makeAction();
  connect(shortcuts_act_, &QAction::triggered, this, &MainWindow::showShortcuts);
  about_act_ = makeAction();
  connect(about_act_, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
  file_menu_ = menuBar()->addMenu(QString());
  file_menu_->addAction(new_act_);
  file_menu_->addAction(open_act_);
  recent_menu_ = file_menu_->addMenu(QString());
  connect(recent_menu_, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
  examples_menu_ = file_menu_->addMenu(QString());
  connect(examples_menu_, &QMenu::aboutToShow, this, &MainWindow::rebuildExamplesMenu);
  file_menu_->addSeparator();
  file_menu_->addAction(save_act_);
  file_menu_->addAction(save_as_act_);
  file_menu_->addSeparator();
  file_menu_->addAction(compare_act_);
  file_menu_->addAction(export_act_);
  file_menu_->addSeparator();
  file_menu_->addAction(quit_act_);

  edit_menu_ = menuBar()->addMenu(QString());
  edit_menu_->addAction(undo_act_);
  edit_menu_->addAction(redo_act_);

  run_menu_ = menuBar()->addMenu(QString());
  run_menu_->addAction(play_act_);
  run_menu_->addAction(step_act_);
  run_menu_->addAction(back_act_);
  run_menu_->addSeparator();
  run_menu_->addAction(restart_act_);
  run_menu_->addAction(reroll_act_);
  run_menu_->addSeparator();
  speed_menu_ = run_menu_->addMenu(QString());
  speed_menu_->addAction(faster_act_);
  speed_menu_->addAction(slower_act_);
  speed_menu_->addAction(normal_speed_act_);
  run_menu_->addSeparator();
  run_menu_->addAction(explore_act_);

  faults_menu_ = menuBar()->addMenu(QString());
  crash_menu_ = faults_menu_->addMenu(QString());
  connect(crash_menu_, &QMenu::aboutToShow, this, [this] { fillNodeFaultMenu(crash_menu_, cs::FaultKind::Crash); });
  restart_menu_ = faults_menu_->addMenu(QString());
  connect(restart_menu_, &QMenu::aboutToShow, this, [this] { fillNodeFaultMenu(restart_menu_, cs::FaultKind::Restart); });
  faults_menu_->addSeparator();
  faults_menu_->addAction(cut_act_);
  heal_link_menu_ = faults_menu_->addMenu(QString());
  connect(heal_link_menu_, &QMenu::aboutToShow, this, [this] { fillHealLinkMenu(heal_link_menu_); });
  faults_menu_->addAction(partition_act_);
  faults_menu_->addAction(heal_partition_act_);
  faults_menu_->addAction(heal_all_act_);
  faults_menu_->addSeparator();
  faults_menu_->addAction(drop_act_);
  faults_menu_->addAction(duplicate_act_);
  connect(faults_menu_, &QMenu::aboutToShow, this, &MainWindow::updateFaultActions);

  lessons_menu_ = menuBar()->addMenu(QString());
  lessons_menu_->addAction(browse_lessons_act_);
  lessons_menu_->addAction(open_lesson_act_);
  lessons_menu_->addAction(progress_act_);
  lessons_menu_->addSeparator();
  lessons_menu_->addAction(lesson_next_act_);
  lessons_menu_->addAction(lesson_back_act_);
  lessons_menu_->addAction(teacher_act_);
  lessons_menu_->addSeparator();
  lessons_menu_->addAction(free_play_act_);
  lessons_menu_->addAction(close_lesson_act_);

  view_menu_ = menuBar()->addMenu(QString());
  view_menu_->addAction(projector_act_);
  view_menu_->addAction(projector_panels_act_);
  view_menu_->addAction(fit_view_act_);
  language_menu_ = view_menu_->addMenu(QString());
  language_menu_->addActions(language_group_->actions());
  view_menu_->addSeparator();
  view_menu_->addAction(help_overlay_act_);

  help_menu_ = menuBar()->addMenu(QString());
  help_menu_->addAction(shortcuts_act_);
  help_menu_->addAction(help_overlay_act_);
  help_menu_->addSeparator();
  help_menu_->addAction(about_act_);

  // Menu entries carry tooltips that explain what a fault or command does.
  for (QMenu* m : menuBar()->findChildren<QMenu*>()) m->setToolTipsVisible(true);
}

void MainWindow::createStatusBar() {
  QStatusBar* bar = statusBar();
  bar->setSizeGripEnabled(false);
  scenario_label_ = new QLabel(this);
  scenario_label_->setContentsMargins(8, 0, 8, 0);
  scenario_label_->setTextFormat(Qt::PlainText);
  time_label_ = new QLabel(this);
  events_label_ = new QLabel(this);
  seed_label_ = new QLabel(this);
  invariant_label_ = new QLabel(this);
  invariant_label_->setAutoFillBackground(true);
  invariant_label_->setContentsMargins(8, 1, 8, 1);
  for (QLabel* l : {time_label_, events_label_, seed_label_}) l->setContentsMargins(10, 0, 10, 0);
  bar->addWidget(scenario_label_, 1);
  // A temporary message is painted where the title is. QStatusBar hides the title while one shows,
  // but a re-layout (projector mode, a new font) can show it again under the message: the two texts
  // would be drawn over each other. The title follows the message explicitly instead.
  connect(bar, &QStatusBar::messageChanged, scenario_label_, [this](const QString& message) { scenario_label_->setVisible(message.isEmpty()); });
  bar->addPermanentWidget(time_label_);
  bar->addPermanentWidget(events_label_);
  bar->addPermanentWidget(seed_label_);
  bar->addPermanentWidget(invariant_label_);
}

// ---------------------------------------------------------------------------------------------
// Texts

void MainWindow::retranslateUi() {
  file_menu_->setTitle(tr("&File"));
  new_act_->setText(tr("&New scenario…"));
  new_act_->setToolTip(tr("Start a new scenario: choose a protocol and the number of nodes"));
  open_act_->setText(tr("&Open…"));
  open_act_->setToolTip(tr("Open a scenario file (.json), the same format the command line uses"));
  recent_menu_->setTitle(tr("Open &Recent"));
  examples_menu_->setTitle(tr("&Examples"));
  clear_recent_act_->setText(tr("Clear recent files"));
  save_act_->setText(tr("&Save"));
  save_act_->setToolTip(tr("Save the scenario with every fault you injected and the node layout"));
  save_as_act_->setText(tr("Save &As…"));
  export_act_->setText(tr("&Export…"));
  export_act_->setToolTip(tr("Write the canvas, the space-time diagram, the chart or the side-by-side view as a picture, the trace, or a one-page run report"));
  compare_act_->setText(tr("&Compare protocols…"));
  compare_act_->setToolTip(tr("Run this scenario's workload and faults against several protocols side by side"));
  quit_act_->setText(tr("&Quit"));

  edit_menu_->setTitle(tr("&Edit"));
  QUndoStack* undo = controller_->undoStack();
  undo_act_->setText(undo->canUndo() ? tr("&Undo %1").arg(undo->undoText()) : tr("&Undo"));
  undo_act_->setToolTip(tr("Undo the last injected fault; the run replays without it"));
  redo_act_->setText(undo->canRedo() ? tr("&Redo %1").arg(undo->redoText()) : tr("&Redo"));

  run_menu_->setTitle(tr("&Run"));
  play_act_->setText(controller_->isPlaying() ? tr("&Pause") : tr("&Play"));
  play_act_->setToolTip(tr("Play or pause the run in virtual time"));
  step_act_->setText(tr("Step &forward"));
  step_act_->setToolTip(tr("Dispatch the next event"));
  back_act_->setText(tr("Step &back"));
  back_act_->setToolTip(tr("Go back one event by replaying the run deterministically"));
  restart_act_->setText(tr("Restart with the &same seed"));
  reroll_act_->setText(tr("Re-roll the s&eed"));
  speed_menu_->setTitle(tr("Spee&d"));
  faster_act_->setText(tr("&Faster"));
  slower_act_->setText(tr("&Slower"));
  normal_speed_act_->setText(tr("&Normal speed (1×)"));
  explore_act_->setText(tr("&What can go wrong?…"));
  explore_act_->setToolTip(tr("Explore every order of events of this scenario with a few faults, and list what breaks"));

  faults_menu_->setTitle(tr("F&aults"));
  crash_menu_->setTitle(tr("&Crash node"));
  restart_menu_->setTitle(tr("&Restart node"));
  cut_act_->setText(tr("C&ut link…"));
  cut_act_->setToolTip(tr("Cut a link: messages on it are lost until it is healed"));
  heal_link_menu_->setTitle(tr("&Heal link"));
  partition_act_->setText(tr("&Partition…"));
  partition_act_->setToolTip(tr("Split the nodes into two sides that cannot talk to each other"));
  heal_partition_act_->setText(tr("Heal the p&artition"));
  heal_all_act_->setText(tr("Heal &all links and partitions"));
  drop_act_->setText(tr("&Drop next message on link…"));
  duplicate_act_->setText(tr("D&uplicate next message on link…"));

  lessons_menu_->setTitle(tr("&Lessons"));
  browse_lessons_act_->setText(tr("&Browse lessons…"));
  browse_lessons_act_->setToolTip(tr("Choose a guided lesson: narration, tasks on the canvas and quizzes"));
  open_lesson_act_->setText(tr("&Open lesson file…"));
  open_lesson_act_->setToolTip(tr("Open a lesson file (.json) that is not one of the bundled lessons"));
  progress_act_->setText(tr("&Progress…"));
  progress_act_->setToolTip(tr("Completion and scores per lesson; reset or export them as CSV"));
  lesson_next_act_->setText(tr("&Next step"));
  lesson_back_act_->setText(tr("Previous ste&p"));
  teacher_act_->setText(tr("&Teacher mode"));
  teacher_act_->setToolTip(tr("Jump to any step, reveal answers, show solutions and hide scores"));
  free_play_act_->setText(tr("&Free play"));
  free_play_act_->setToolTip(tr("Leave the lesson and keep experimenting with its scenario in the sandbox"));
  close_lesson_act_->setText(tr("&Close lesson"));
  lesson_panel_->setTitle(tr("Lesson"));

  view_menu_->setTitle(tr("&View"));
  projector_act_->setText(tr("&Projector mode"));
  projector_act_->setToolTip(tr("Full screen, large text, thick lines and high contrast for a classroom projector"));
  projector_panels_act_->setText(tr("Side pa&nels on the projector"));
  projector_panels_act_->setToolTip(tr("In projector mode, show the state machine, the space-time diagram and the metrics beside the canvas"));
  fit_view_act_->setText(tr("&Fit view"));
  fit_view_act_->setToolTip(tr("Show every node in the canvas again: zoom and scrolling reset"));
  language_menu_->setTitle(tr("&Language"));
  help_overlay_act_->setText(tr("&Help overlay"));

  help_menu_->setTitle(tr("&Help"));
  shortcuts_act_->setText(tr("&Keyboard shortcuts"));
  about_act_->setText(tr("&About CommitScope"));

  canvas_panel_->setTitle(tr("Topology"));
  state_panel_->setTitle(tr("State machine"));
  details_panel_->setTitle(tr("Details"));
  spacetime_panel_->setTitle(tr("Space-time diagram"));
  metrics_panel_->setTitle(tr("Metrics over time"));

  time_label_->setToolTip(tr("Virtual time of the run (not wall-clock time)"));
  seed_label_->setToolTip(tr("Random seed: the same seed and the same faults always give the same run"));
  updateStatus();
  updateTitle();
}

void MainWindow::updateTitle() {
  const cs::Scenario& s = controller_->scenario();
  QString name =
      controller_->scenarioPath().isEmpty() ? scenarioTitle(s) : QFileInfo(controller_->scenarioPath()).fileName();
  if (name.isEmpty()) name = tr("Untitled");
  setWindowTitle(tr("%1[*] — CommitScope").arg(name));
  setWindowModified(controller_->isModified());
}

void MainWindow::updateStatus() {
  const cs::Scenario& s = controller_->scenario();
  const QString title = scenarioTitle(s);
  if (session_ && session_->isActive())
    // A lesson's scenario is named by the lesson, in the interface language.
    scenario_label_->setText(tr("Lesson: %1").arg(QString::fromStdString(session_->lesson()->title.in(lessonLanguageKey()))));
  else
    scenario_label_->setText(title.isEmpty() ? EngineText::protocolName(s.protocol) : title);
  scenario_label_->setToolTip(descriptionTip(EngineText::protocolName(s.protocol), scenarioDescription(s)));
  time_label_->setText(tr("t = %1 ms").arg(formatMs(controller_->now())));
  // A run that stopped at a limit says so where its event count is, as the CLI's "HALTED" line does.
  const cs::HaltReason halted = controller_->sim().halted();
  // %Ln: "1 event", "12,345 events" (digit grouping of the interface language).
  const QString events = tr("%Ln event(s)", nullptr, static_cast<int>(std::min<quint64>(controller_->eventIndex(), INT_MAX)));
  if (halted == cs::HaltReason::None) {
    events_label_->setText(events);
    events_label_->setToolTip(tr("Events dispatched so far"));
  } else {
    events_label_->setText(tr("%1 · stopped early").arg(events));
    events_label_->setToolTip(tr("The run stopped at %1; what is shown is partial. Shorten the run (until_ms) or lighten "
                                 "the workload.").arg(haltedLimit(controller_->sim())));
  }
  seed_label_->setText(tr("seed %1").arg(controller_->scenario().seed));
  const QString broken = controller_->violatedInvariant();
  QPalette pal = invariant_label_->palette();
  // An invariant that holds only as far as its checker could follow the run says so (cs::lin).
  QStringList inPart;
  for (const auto& inv : controller_->simulation().invariants())
    if (cs::lin::checked_in_part(*inv)) inPart << EngineText::invariant(inv->key());
  if (broken.isEmpty() && !inPart.isEmpty()) {
    invariant_label_->setText(tr("✔ Invariants hold (one in part)"));
    invariant_label_->setToolTip(tr("Every safety invariant of the protocol holds so far, but %1 only as far as it was checked: "
                                    "its checker gave up on a key with too many operations in flight at once.")
                                     .arg(inPart.join(QStringLiteral(", "))));
    pal.setColor(QPalette::Window, QColor(0x1a, 0x7f, 0x37));
  } else if (broken.isEmpty()) {
    invariant_label_->setText(tr("✔ Invariants hold"));
    invariant_label_->setToolTip(tr("Every safety invariant of the protocol holds so far"));
    pal.setColor(QPalette::Window, QColor(0x1a, 0x7f, 0x37));
  } else {
    const std::string key = broken.toStdString();
    invariant_label_->setText(tr("✖ Invariant violated: %1").arg(EngineText::invariant(key)));
    invariant_label_->setToolTip(EngineText::invariantDescription(key));
    pal.setColor(QPalette::Window, QColor(0xc6, 0x28, 0x28));
  }
  pal.setColor(QPalette::WindowText, Qt::white);
  invariant_label_->setPalette(pal);
}

// ---------------------------------------------------------------------------------------------
// Files

bool MainWindow::maybeSave() {
  if (!controller_->isModified()) return true;
  const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                            tr("The scenario has faults or layout changes that are not saved. Save them?"),
                                            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  if (answer == QMessageBox::Save) return save();
  return true;
}

bool MainWindow::mayReplaceRun() {
  if (!mayLeaveRun()) return false;
  leaveLesson();
  return true;
}

bool MainWindow::mayLeaveRun() {
  // The lesson's run is not the learner's document (progress is kept per answer): nothing to save.
  return session_->isActive() ? confirmEndLesson() : maybeSave();
}

void MainWindow::leaveLesson() {
  if (session_->isActive()) closeLesson();
}

bool MainWindow::confirmEndLesson() {
  const QString title = QString::fromStdString(session_->lesson()->title.in(lessonLanguageKey()));
  QMessageBox box(QMessageBox::Question, tr("End the lesson?"),
                  tr("Opening something else ends the lesson \"%1\".").arg(title), QMessageBox::Cancel, this);
  box.setObjectName(QStringLiteral("endLessonQuestion"));
  box.setInformativeText(tr("Your answers so far are kept in your progress."));
  QPushButton* end = box.addButton(tr("End the lesson"), QMessageBox::AcceptRole);
  box.setDefaultButton(QMessageBox::Cancel);
  box.exec();
  return box.clickedButton() == end;
}

// New and Open ask before their dialog, but a lesson ends only once a scenario was chosen: cancelling
// the dialog leaves the lesson where it was.
void MainWindow::newScenario() {
  if (!mayLeaveRun()) return;
  NewScenarioDialog dialog(this);
  if (dialog.exec() != QDialog::Accepted) return;
  leaveLesson();
  controller_->newScenarioWithParams(dialog.protocol(), dialog.params());
}

void MainWindow::openDialog() {
  if (!mayLeaveRun()) return;
  const QString dir = QSettings().value(kLastDirKey, QDir::homePath()).toString();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open scenario"), dir, tr("Scenarios (*.json);;All files (*)"));
  if (path.isEmpty()) return;
  leaveLesson();
  openFile(path);
}

bool MainWindow::openFile(const QString& path, bool interactive, QString* error) {
  QString problem;
  if (!controller_->openScenario(path, &problem)) {
    if (error) *error = problem;
    if (interactive) {
      QMessageBox box(QMessageBox::Warning, tr("Cannot open scenario"),
                      tr("%1 could not be opened. The current run is kept.").arg(QFileInfo(path).fileName()),
                      QMessageBox::Ok, this);
      box.setInformativeText(problem);
      box.exec();
    }
    return false;
  }
  if (!path.startsWith(QLatin1Char(':'))) {
    addRecentFile(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(kLastDirKey, QFileInfo(path).absolutePath());
  }
  return true;
}

bool MainWindow::save() {
  if (controller_->scenarioPath().isEmpty()) return saveAs();
  QString error;
  if (!controller_->saveScenario(controller_->scenarioPath(), &error)) {
    QMessageBox::warning(this, tr("Cannot save scenario"), error);
    return false;
  }
  statusBar()->showMessage(tr("Saved %1").arg(controller_->scenarioPath()), 4000);
  return true;
}

bool MainWindow::saveAs() {
  const QString dir = QSettings().value(kLastDirKey, QDir::homePath()).toString();
  QString path = QFileDialog::getSaveFileName(this, tr("Save scenario"), dir, tr("Scenarios (*.json)"));
  if (path.isEmpty()) return false;
  if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
  QString error;
  if (!controller_->saveScenario(path, &error)) {
    QMessageBox::warning(this, tr("Cannot save scenario"), error);
    return false;
  }
  addRecentFile(path);
  QSettings().setValue(kLastDirKey, QFileInfo(path).absolutePath());
  return true;
}

void MainWindow::addRecentFile(const QString& path) {
  QSettings settings;
  QStringList files = settings.value(kRecentKey).toStringList();
  files.removeAll(path);
  files.prepend(path);
  while (files.size() > kMaxRecent) files.removeLast();
  settings.setValue(kRecentKey, files);
}

void MainWindow::rebuildRecentMenu() {
  recent_menu_->clear();
  const QStringList files = QSettings().value(kRecentKey).toStringList();
  int i = 0;
  for (const QString& f : files) {
    // &1 .. &8: a keyboard accelerator per entry.
    QAction* a = recent_menu_->addAction(QStringLiteral("&%1  %2").arg(++i).arg(QFileInfo(f).fileName()));
    a->setToolTip(f);
    a->setStatusTip(f);
    a->setEnabled(QFileInfo::exists(f));
    connect(a, &QAction::triggered, this, [this, f] {
      if (mayReplaceRun()) openFile(f);
    });
  }
  if (files.isEmpty()) recent_menu_->addAction(tr("No recent files"))->setEnabled(false);
  recent_menu_->addSeparator();
  recent_menu_->addAction(clear_recent_act_);
  clear_recent_act_->setEnabled(!files.isEmpty());
}

void MainWindow::rebuildExamplesMenu() {
  examples_menu_->clear();
  const QDir examples(datapaths::scenariosDir());
  const QStringList files = examples.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
  for (const QString& f : files) {
    const QString path = examples.filePath(f);
    QString fileTitle;
    QString description;
    if (const commitscope::InputFile in = commitscope::readInputFile(path); in.ok()) {
      const QByteArray& bytes = in.bytes;
      const cs::LoadResult r = cs::load_scenario(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), f.toStdString());
      if (r.scenario) {
        fileTitle = scenarioTitle(*r.scenario);
        description = scenarioDescription(*r.scenario);
      }
    }
    // default.json is what the app opens at start: a copy of one of the others, not listed twice.
    if (QFileInfo(f).completeBaseName() == QLatin1String("default")) continue;
    const QString title = fileTitle.isEmpty() ? QFileInfo(f).completeBaseName() : fileTitle;
    QAction* a = examples_menu_->addAction(title);
    a->setToolTip(descriptionTip(QString(), description));
    connect(a, &QAction::triggered, this, [this, path] {
      if (mayReplaceRun()) openFile(path);
    });
  }
  if (examples_menu_->isEmpty()) examples_menu_->addAction(tr("No examples"))->setEnabled(false);
}

// ---------------------------------------------------------------------------------------------
// Faults

void MainWindow::updateFaultActions() {
  cs::FaultAction a;
  a.kind = cs::FaultKind::HealPartition;
  heal_partition_act_->setEnabled(controller_->canInject(a));
  a.kind = cs::FaultKind::HealAll;
  heal_all_act_->setEnabled(controller_->canInject(a));
}

void MainWindow::fillNodeFaultMenu(QMenu* menu, cs::FaultKind kind) {
  menu->clear();
  for (cs::NodeId n = 0; n < controller_->nodeCount(); ++n) {
    const cs::FaultAction act{kind, n, cs::kNoNode, {}, {}};
    const auto& node = controller_->sim().nodes()[static_cast<std::size_t>(n)];
    QAction* a = menu->addAction(tr("%1 (%2)").arg(controller_->nodeName(n), EngineText::role(node.role)));
    a->setEnabled(controller_->canInject(act));
    connect(a, &QAction::triggered, this, [this, act] { controller_->injectFault(act); });
  }
}

void MainWindow::fillHealLinkMenu(QMenu* menu) {
  menu->clear();
  const auto& net = controller_->sim().network();
  for (cs::NodeId x = 0; x < controller_->nodeCount(); ++x)
    for (cs::NodeId y = x + 1; y < controller_->nodeCount(); ++y) {
      if (!net.is_cut(x, y)) continue;
      const cs::FaultAction act{cs::FaultKind::Heal, x, y, {}, {}};
      QAction* a = menu->addAction(tr("%1 – %2").arg(controller_->nodeName(x), controller_->nodeName(y)));
      connect(a, &QAction::triggered, this, [this, act] { controller_->injectFault(act); });
    }
  if (menu->isEmpty()) menu->addAction(tr("No link is cut"))->setEnabled(false);
}

void MainWindow::inject(cs::FaultKind kind) {
  cs::FaultAction act;
  act.kind = kind;
  controller_->injectFault(act);
}

void MainWindow::runLinkDialog(cs::FaultKind kind) {
  LinkDialog dialog(controller_, kind, this);
  if (dialog.exec() == QDialog::Accepted) controller_->injectFault(dialog.action());
}

void MainWindow::runPartitionDialog() {
  PartitionDialog dialog(controller_, this);
  if (dialog.exec() == QDialog::Accepted) controller_->injectFault(dialog.action());
}

// ---------------------------------------------------------------------------------------------
// View

void MainWindow::setProjectorMode(bool on, bool fullScreen) {
  if (projector_act_->isChecked() != on) {
    const QSignalBlocker block(projector_act_);
    projector_act_->setChecked(on);
  }
  projector_ = on;
  projector::apply(on, projector::sizeFactor(height()));
  canvas_->setProjectorMode(on);
  state_machine_->setProjectorMode(on);
  spacetime_->setProjectorMode(on);
  metrics_->setProjectorMode(on);
  details_->setProjectorMode(on);
  timeline_->setProjectorMode(on);
  if (compare_) compare_->setProjectorMode(on);
  if (fullScreen) {
    if (on) showFullScreen();
    else showNormal();
  }
  resetLayout();
}

void MainWindow::setLanguage(const QString& code) {
  if (!language::apply(code)) return;
  for (QAction* a : language_group_->actions()) a->setChecked(a->data().toString() == language::current());
  // Installing the translator already sent LanguageChange to every widget.
}

void MainWindow::showShortcuts() {
  QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"), HelpOverlay::shortcutsHtml(), QMessageBox::Ok, this);
  box.setTextFormat(Qt::RichText);
  box.exec();
}

// Not modal: the search runs in its own thread and the window stays usable; the dialog keeps its
// last result, so a learner can load one finding, step through it, and come back for another.
void MainWindow::showExploreDialog() {
  if (!explore_dialog_) explore_dialog_ = new ExploreDialog(controller_, this);
  explore_dialog_->show();
  explore_dialog_->raise();
  explore_dialog_->activateWindow();
}

void MainWindow::compareDialog() {
  CompareDialog dialog(QString::fromStdString(controller_->scenario().protocol), this);
  dialog.setScenario(controller_->scenario());
  if (dialog.exec() == QDialog::Accepted) openCompare(dialog.protocols());
}

CompareWindow* MainWindow::openCompare(const QStringList& protocols, bool interactive, QString* error,
                                       const cs::Scenario* source) {
  if (!compare_) compare_ = new CompareWindow(this);
  QString why;
  if (!compare_->lab()->setUp(source ? *source : controller_->scenario(), protocols, &why)) {
    if (interactive) QMessageBox::warning(this, tr("Cannot compare these protocols"), why);
    if (error) *error = why;
    return nullptr;
  }
  compare_->show();
  compare_->raise();
  return compare_;
}

void MainWindow::showAbout() {
  QMessageBox::about(this, tr("About CommitScope"),
                     tr("<h3>CommitScope %1</h3>"
                        "<p>A laboratory for distributed transactions: run a protocol message by message, "
                        "break the network on purpose and watch every node's state.</p>"
                        "<p>Runs are deterministic: the same scenario, seed and faults always give the same trace.</p>")
                         .arg(QApplication::applicationVersion()));
}

// ---------------------------------------------------------------------------------------------
// Lessons

bool MainWindow::openProgress(const QString& directory, bool interactive) {
  session_->setProgressStore(nullptr);
  progress_ = std::make_unique<commitscope::ProgressStore>();
  const bool usable = progress_->open(commitscope::ProgressStore::defaultDirectory(directory));
  session_->setProgressStore(progress_.get());
  const QString message = progress_->lastMessage();
  if (!message.isEmpty()) {
    statusBar()->showMessage(message, 15000);
    if (interactive) {
      QMessageBox box(QMessageBox::Warning, tr("Lesson progress"), message, QMessageBox::Ok, this);
      box.exec();
    }
  }
  return usable;
}

void MainWindow::setLessonDirectory(const QString& directory) {
  lesson_dir_ = directory;
  library_loaded_ = false;
}

const LessonLibrary& MainWindow::lessons() {
  if (!library_loaded_) {
    library_.load(lesson_dir_);
    library_loaded_ = true;
  }
  return library_;
}

bool MainWindow::lessonPanelVisible() const { return lesson_panel_->isVisibleTo(this); }

bool MainWindow::startLesson(const QString& idOrPath, bool interactive, QString* error) {
  return openLesson(idOrPath, false, interactive, error);
}

bool MainWindow::continueLesson(const QString& id, bool interactive, QString* error) {
  return openLesson(id, true, interactive, error);
}

bool MainWindow::openLesson(const QString& idOrPath, bool resume, bool interactive, QString* error) {
  LessonEntry fromFile;
  const LessonEntry* entry = lessons().find(idOrPath);
  if (!entry && QFileInfo::exists(idOrPath)) {
    fromFile = LessonLibrary::loadFile(idOrPath);
    entry = &fromFile;
  }
  QString problem;
  if (!entry) problem = tr("There is no lesson \"%1\" (neither a bundled lesson id nor a file).").arg(idOrPath);
  else if (!entry->available()) problem = entry->problems.join(QLatin1Char('\n'));
  // A lesson's run is not the learner's document (its progress is kept per answer): replacing one
  // lesson by another asks nothing; a free-play run with unsaved faults is offered for saving.
  if (problem.isEmpty() && !session_->isActive() && !maybeSave()) return false;
  if (problem.isEmpty()) {
    commitscope::ResumePoint at;
    if (resume && progress_) at = progress_->resumePoint(entry->id);
    setPgLabShown(entry->id == QLatin1String(PgLabPanel::kLessonId));  // before the first step is entered
    const bool ok = at.canContinue() ? session_->resume(*entry->lesson, at, &problem) : session_->start(*entry->lesson, &problem);
    if (!ok && problem.isEmpty()) problem = tr("The lesson could not be started.");
  }
  if (!problem.isEmpty() && !session_->isActive()) {
    if (error) *error = problem;
    if (interactive) {
      QMessageBox box(QMessageBox::Warning, tr("Cannot open lesson"),
                      tr("The lesson could not be opened. The rest of CommitScope is unaffected."), QMessageBox::Ok, this);
      box.setInformativeText(problem);
      box.exec();
    }
    return false;
  }
  lesson_panel_->show();
  resetLayout();
  updateLessonActions();
  updateHighlights();
  return true;
}

void MainWindow::closeLesson() {
  session_->stop();
  applyLessonViews(-1);
  setPgLabShown(false);
  lesson_panel_->hide();
  resetLayout();
  updateLessonActions();
  updateHighlights();
}

void MainWindow::setPgLabShown(bool on) {
  if (on == (pglab_ != nullptr)) return;
  if (on) {
    pglab_ = new PgLabPanel(this);
    pglab_panel_ = new PanelFrame(pglab_, this);
    pglab_panel_->setTitle(tr("PostgreSQL lab"));
    horizontal_->insertWidget(horizontal_->indexOf(canvas_panel_), pglab_panel_);
    horizontal_->setStretchFactor(horizontal_->indexOf(pglab_panel_), 3);
    canvas_panel_->hide();
  } else {
    delete pglab_panel_;  // and the panel in it: the private server stops, its cluster is removed
    pglab_panel_ = nullptr;
    pglab_ = nullptr;
    canvas_panel_->show();
  }
  resetLayout();
}

// Lesson 18's steps with ids "pg-<lab step>" run the lab up to that step (docs/pglab.md). Entering
// any step runs the lab through the last such step at or before it: a jump or a resumed lesson
// finds the server where the lesson's text says it is. The lab only goes forward. Steps about the
// simulated model (actions, tasks, predictions, highlights) show the canvas instead of the lab.
void MainWindow::onLessonStepEntered(int index) {
  applyLessonViews(index);
  if (!pglab_ || !session_->lesson()) return;
  const auto& steps = session_->lesson()->steps;
  if (index < 0 || index >= static_cast<int>(steps.size())) return;
  const cs::LessonStep& here = steps[static_cast<std::size_t>(index)];
  const bool model = here.kind == cs::StepKind::Action || here.kind == cs::StepKind::Task || !here.highlight.empty() ||
                     (here.kind == cs::StepKind::Quiz && here.quiz.kind != cs::QuizKind::Choice);
  if (canvas_panel_->isVisibleTo(this) != model) {
    pglab_panel_->setVisible(!model);
    canvas_panel_->setVisible(model);
    resetLayout();
  }
  for (int i = index; i >= 0; --i) {
    const QString id = QString::fromStdString(steps[static_cast<std::size_t>(i)].id);
    if (id.startsWith(QLatin1String("pg-"))) {
      pglab_->runThrough(id.mid(3));
      return;
    }
  }
}

void MainWindow::freePlay() {
  if (!session_->isActive()) return;
  // The run stays exactly where the lesson left it: the sandbox starts from there.
  closeLesson();
  statusBar()->showMessage(tr("Free play: the lesson's scenario is yours to change. Home restarts it."), 8000);
}

void MainWindow::setTeacherMode(bool on) {
  if (teacher_act_->isChecked() != on) {
    const QSignalBlocker block(teacher_act_);
    teacher_act_->setChecked(on);
  }
  session_->setTeacherMode(on);
}

void MainWindow::updateLessonActions() {
  const bool active = session_->isActive();
  lesson_next_act_->setEnabled(active && session_->canGoNext());
  lesson_back_act_->setEnabled(active && session_->canGoBack());
  free_play_act_->setEnabled(active);
  close_lesson_act_->setEnabled(active);
}

void MainWindow::updateHighlights() {
  updateViewHighlights();
  if (!session_->isActive()) {
    canvas_->setHighlights({}, {});
    return;
  }
  canvas_->setHighlights(session_->highlightedNodes(), session_->highlightedLinks());
}

void MainWindow::browseLessons() {
  LessonBrowser browser(&lessons(), progress_.get(), session_->teacherMode(), this);
  if (session_->isActive()) browser.select(QString::fromStdString(session_->lesson()->id));
  if (browser.exec() != QDialog::Accepted) return;
  const LessonEntry* e = lessons().find(browser.selectedId());
  if (!e || !e->available()) return;
  if (browser.choice() == LessonBrowser::Choice::Start) {
    startLesson(e->id);
  } else if (browser.choice() == LessonBrowser::Choice::Continue) {
    continueLesson(e->id);
  } else if (browser.choice() == LessonBrowser::Choice::FreePlay && maybeSave()) {
    if (session_->isActive()) closeLesson();
    cs::Scenario s = e->lesson->scenario;
    if (s.title.empty() && s.title_zh.empty()) {  // named by the lesson, in both languages
      s.title = e->lesson->title.en;
      s.title_zh = e->lesson->title.zh_tw;
    }
    controller_->setScenarioUntitled(s);
  }
}

void MainWindow::showProgress() {
  ProgressDialog dialog(&lessons(), progress_.get(), session_->teacherMode(), this);
  if (session_->isActive()) dialog.select(QString::fromStdString(session_->lesson()->id));
  dialog.exec();
}

void MainWindow::openLessonFileDialog() {
  const QString dir = QSettings().value(kLastDirKey, QDir::homePath()).toString();
  const QString path = QFileDialog::getOpenFileName(this, tr("Open lesson"), dir, tr("Lessons (*.json);;All files (*)"));
  if (!path.isEmpty()) startLesson(path);
}

// ---------------------------------------------------------------------------------------------
// Events

void MainWindow::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QMainWindow::changeEvent(event);
}

bool MainWindow::confirmQuitLesson() {
  const QString title = QString::fromStdString(session_->lesson()->title.in(lessonLanguageKey()));
  QMessageBox box(QMessageBox::Question, tr("Quit CommitScope?"),
                  tr("You are at step %1 of %2 in the lesson \"%3\".")
                      .arg(session_->currentIndex() + 1)
                      .arg(session_->stepCount())
                      .arg(title),
                  QMessageBox::Cancel, this);
  box.setObjectName(QStringLiteral("quitLessonQuestion"));
  box.setInformativeText(session_->unsavedCount() == 0
                             ? tr("Your progress is kept: next time, Lessons > Browse lessons offers “Continue at step %1” with "
                                  "your score.")
                                   .arg(session_->currentIndex() + 1)
                             : tr("Some answers could not be saved (see the lesson panel); the others are kept."));
  QPushButton* quit = box.addButton(tr("Quit"), QMessageBox::AcceptRole);
  box.setDefaultButton(quit);
  box.exec();
  return box.clickedButton() == quit;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  // During a lesson the run is the lesson's, not a document with unsaved faults: say instead that
  // the progress is kept.
  const bool inLesson = session_->isActive() && !session_->finished();
  if (inLesson ? !confirmQuitLesson() : !session_->isActive() && !maybeSave()) {
    event->ignore();
    return;
  }
  controller_->pause();
  if (!projector_) QSettings().setValue(kGeometryKey, saveGeometry());
  event->accept();
}
