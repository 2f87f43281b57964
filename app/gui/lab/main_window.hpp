// The laboratory window: the topology canvas in the middle, the selected node's state machine and the
// message details on the right, the space-time diagram below, the timeline at the bottom, menus for
// files, runs, faults and views, and a status bar with time, events, seed and the invariants' state.
#pragma once

#include <QMainWindow>
#include <QStringList>
#include <memory>

#include "export_dialog.hpp"
#include "lesson_library.hpp"
#include "scenario/lesson.hpp"
#include "sim/fault.hpp"

class CanvasView;
class ExploreDialog;
class CompareWindow;
class HelpOverlay;
class LabController;
class LessonPanel;
class LessonSession;
class MessageDetails;
class PresenterKeys;
class MetricsChartView;
class PanelFrame;
class PgLabPanel;
class QAction;
class QKeySequence;
class QActionGroup;
class QLabel;
class QMenu;
class QSplitter;
class SpacetimeView;
class StateMachineView;
class TimelineBar;
namespace commitscope {
class ProgressStore;
}

class MainWindow final : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(LabController* controller, QWidget* parent = nullptr);
  ~MainWindow() override;

  LabController* controller() const { return controller_; }
  CanvasView* canvas() const { return canvas_; }
  MetricsChartView* metricsChart() const { return metrics_; }
  TimelineBar* timeline() const { return timeline_; }
  HelpOverlay* helpOverlay() const { return help_; }
  QMenu* fileMenu() const { return file_menu_; }
  QAction* projectorAction() const { return projector_act_; }
  // Projector mode folds the side column and the bottom diagrams away; this brings them back.
  QAction* projectorPanelsAction() const { return projector_panels_act_; }

  // Opens a scenario; on failure shows a message box naming file, line and problem (unless
  // `interactive` is false, then `error` receives the text) and keeps the current run.
  bool openFile(const QString& path, bool interactive = true, QString* error = nullptr);
  // Projector mode for the whole window; `fullScreen` is false in screenshot mode. It leaves the stored
  // preference alone: only the user's toggle (projectorAction()) remembers the choice.
  void setProjectorMode(bool on, bool fullScreen = true);
  bool projectorMode() const { return projector_; }
  // Switches the interface language ("en", "zh_TW") and remembers it.
  void setLanguage(const QString& code);
  // Default splitter proportions for the current window size.
  void resetLayout();

  // ---- lessons ----
  // Opens the learner's progress database in `directory` (empty: the user's AppDataLocation). A
  // corrupt file is moved aside and a read-only place keeps progress in memory; when `interactive`,
  // either is explained in a message box. Until this is called nothing is recorded.
  bool openProgress(const QString& directory, bool interactive = true);
  commitscope::ProgressStore* progress() const { return progress_.get(); }
  // Where lessons are read from (default: the embedded ones); reloads the list.
  void setLessonDirectory(const QString& directory);
  const LessonLibrary& lessons();
  // Starts a lesson by id (from the library) or from a file path; false (and a message unless not
  // `interactive`) when it does not exist or is broken.
  bool startLesson(const QString& idOrPath, bool interactive = true, QString* error = nullptr);
  // Continues the learner's stored attempt at a bundled lesson where it was left (Lessons > Browse,
  // "Continue at step N"); starts it afresh when there is nothing to continue.
  bool continueLesson(const QString& id, bool interactive = true, QString* error = nullptr);
  void closeLesson();
  void freePlay();
  void setTeacherMode(bool on);
  LessonSession* lessonSession() const { return session_; }
  LessonPanel* lessonPanel() const { return lesson_; }
  bool lessonPanelVisible() const;
  void browseLessons();
  void showProgress();
  QAction* fitViewAction() const { return fit_view_act_; }
  QAction* openAction() const { return open_act_; }
  QAction* newAction() const { return new_act_; }
  QAction* compareAction() const { return compare_act_; }
  // Run > What can go wrong?: the explorer dialog (one per window, kept with its last result).
  QAction* exploreAction() const { return explore_act_; }
  ExploreDialog* exploreDialog() const { return explore_dialog_; }

  // ---- side by side ----
  // File > Compare protocols…: the current scenario (with its faults) mapped onto each protocol in a
  // side-by-side window. nullptr (and a message unless not `interactive`) when a protocol cannot run
  // it or the count is not 2 to 4.
  // `source`: another scenario than the current one (a lesson's own compare scenario).
  CompareWindow* openCompare(const QStringList& protocols, bool interactive = true, QString* error = nullptr,
                             const cs::Scenario* source = nullptr);
  CompareWindow* compareWindow() const { return compare_; }

  // ---- lesson views (docs/lesson-format.md, "Views") ----
  // The view the current lesson step opened and focused (nullptr: none): the space-time diagram,
  // the state machine (also for "log"), the metrics chart, or the compare window.
  QWidget* lessonFocusedView() const { return lesson_view_; }
  SpacetimeView* spacetime() const { return spacetime_; }
  StateMachineView* stateMachine() const { return state_machine_; }
  // ---- handouts ----
  // File > Export…: writes a view (PNG, SVG or PDF by the file's extension; the chart PNG or SVG),
  // the trace (JSON Lines) or the one-page run report (PDF). False (and a message unless not
  // `interactive`, else in `error`) when the file cannot be written or the target is not shown.
  bool exportHandout(handout::Target target, const QString& path, bool interactive = true, QString* error = nullptr);
  QAction* exportAction() const { return export_act_; }

 protected:
  void changeEvent(QEvent* event) override;
  void closeEvent(QCloseEvent* event) override;
  void showEvent(QShowEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;

 private:
  void setPgLabShown(bool on);  // lesson 18: the PostgreSQL lab panel in the canvas's place
  void onLessonStepEntered(int index);
  void createActions();
  QAction* makeAction(const QKeySequence& key = {});
  void createFileActions();
  void createRunActions();
  void createFaultActions();
  void createLessonActions();
  void createViewActions();
  void createMenus();
  void createCentralArea();
  void createStatusBar();
  void retranslateUi();
  void updateTitle();
  void updateStatus();
  void updateFaultActions();
  void rebuildRecentMenu();
  void rebuildExamplesMenu();
  void fillNodeFaultMenu(QMenu* menu, cs::FaultKind kind);
  void fillHealLinkMenu(QMenu* menu);
  void addRecentFile(const QString& path);
  bool maybeSave();
  // Before something replaces the run (New, Open, Recent, Examples): during a lesson, asks whether
  // to end it (false: cancelled, nothing changes); otherwise offers to save unsaved faults.
  bool mayReplaceRun();   // asks (lesson or unsaved changes), then ends the lesson
  bool mayLeaveRun();     // only asks
  void leaveLesson();
  bool confirmEndLesson();
  // Quitting during a lesson: says that the progress is kept and where it continues (false: stay).
  bool confirmQuitLesson();
  bool openLesson(const QString& idOrPath, bool resume, bool interactive, QString* error);

  void newScenario();
  void openDialog();
  void compareDialog();
  void exportDialog();
  void showExploreDialog();
  bool save();
  bool saveAs();
  void runLinkDialog(cs::FaultKind kind);
  void runPartitionDialog();
  void inject(cs::FaultKind kind);
  void showShortcuts();
  void showAbout();
  void updateLessonActions();
  void updateHighlights();
  void applyLessonViews(int index);  // main_window_lesson.cpp
  void showLessonView(const cs::LessonAction& action);
  void updateViewHighlights();
  void openLessonFileDialog();

  LabController* controller_;
  bool projector_ = false;
  bool layout_done_ = false;

  // Central area.
  CanvasView* canvas_ = nullptr;
  StateMachineView* state_machine_ = nullptr;
  SpacetimeView* spacetime_ = nullptr;
  MessageDetails* details_ = nullptr;
  PanelFrame* canvas_panel_ = nullptr;
  PanelFrame* state_panel_ = nullptr;
  PanelFrame* details_panel_ = nullptr;
  PanelFrame* spacetime_panel_ = nullptr;
  MetricsChartView* metrics_ = nullptr;
  PanelFrame* metrics_panel_ = nullptr;
  QSplitter* bottom_ = nullptr;      // space-time diagram / metrics chart
  QSplitter* vertical_ = nullptr;    // top area / space-time diagram
  QSplitter* horizontal_ = nullptr;  // canvas / side column
  QSplitter* side_ = nullptr;        // state machine / message details
  // What a lesson step asks to see even where projector mode folds it away.
  enum class LessonWants { Nothing, Side, Bottom } lesson_wants_ = LessonWants::Nothing;
  QWidget* lesson_view_ = nullptr;
  bool lesson_log_focus_ = false;
  TimelineBar* timeline_ = nullptr;
  HelpOverlay* help_ = nullptr;
  LessonSession* session_ = nullptr;
  PresenterKeys* presenter_keys_ = nullptr;
  LessonPanel* lesson_ = nullptr;
  PanelFrame* lesson_panel_ = nullptr;
  // Lesson 18's PostgreSQL lab: made when that lesson opens (it starts a private server) and
  // destroyed when it closes (the server stops, its cluster is removed); it takes the canvas's place.
  PgLabPanel* pglab_ = nullptr;
  PanelFrame* pglab_panel_ = nullptr;
  std::unique_ptr<commitscope::ProgressStore> progress_;
  LessonLibrary library_;
  bool library_loaded_ = false;
  QString lesson_dir_;

  // Status bar.
  QLabel* scenario_label_ = nullptr;
  QLabel* time_label_ = nullptr;
  QLabel* events_label_ = nullptr;
  QLabel* seed_label_ = nullptr;
  QLabel* invariant_label_ = nullptr;

  // Menus and actions.
  QMenu* file_menu_ = nullptr;
  QMenu* recent_menu_ = nullptr;
  QMenu* examples_menu_ = nullptr;
  QMenu* edit_menu_ = nullptr;
  QMenu* run_menu_ = nullptr;
  QMenu* speed_menu_ = nullptr;
  QMenu* faults_menu_ = nullptr;
  QMenu* crash_menu_ = nullptr;
  QMenu* restart_menu_ = nullptr;
  QMenu* heal_link_menu_ = nullptr;
  QMenu* lessons_menu_ = nullptr;
  QMenu* view_menu_ = nullptr;
  QMenu* language_menu_ = nullptr;
  QMenu* help_menu_ = nullptr;

  QAction* new_act_ = nullptr;
  QAction* open_act_ = nullptr;
  QAction* save_act_ = nullptr;
  QAction* save_as_act_ = nullptr;
  QAction* quit_act_ = nullptr;
  QAction* compare_act_ = nullptr;
  QAction* export_act_ = nullptr;
  CompareWindow* compare_ = nullptr;
  QAction* explore_act_ = nullptr;
  ExploreDialog* explore_dialog_ = nullptr;
  QAction* clear_recent_act_ = nullptr;
  QAction* undo_act_ = nullptr;
  QAction* redo_act_ = nullptr;
  QAction* play_act_ = nullptr;
  QAction* step_act_ = nullptr;
  QAction* back_act_ = nullptr;
  QAction* restart_act_ = nullptr;
  QAction* reroll_act_ = nullptr;
  QAction* faster_act_ = nullptr;
  QAction* slower_act_ = nullptr;
  QAction* normal_speed_act_ = nullptr;
  QAction* cut_act_ = nullptr;
  QAction* partition_act_ = nullptr;
  QAction* heal_partition_act_ = nullptr;
  QAction* heal_all_act_ = nullptr;
  QAction* drop_act_ = nullptr;
  QAction* duplicate_act_ = nullptr;
  QAction* browse_lessons_act_ = nullptr;
  QAction* open_lesson_act_ = nullptr;
  QAction* progress_act_ = nullptr;
  QAction* teacher_act_ = nullptr;
  QAction* lesson_next_act_ = nullptr;
  QAction* lesson_back_act_ = nullptr;
  QAction* free_play_act_ = nullptr;
  QAction* close_lesson_act_ = nullptr;
  QAction* projector_act_ = nullptr;
  QAction* projector_panels_act_ = nullptr;
  QAction* fit_view_act_ = nullptr;
  QAction* help_overlay_act_ = nullptr;
  QAction* english_act_ = nullptr;
  QAction* chinese_act_ = nullptr;
  QActionGroup* language_group_ = nullptr;
  QAction* shortcuts_act_ = nullptr;
  QAction* about_act_ = nullptr;
};
