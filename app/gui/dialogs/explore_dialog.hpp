// Run > What can go wrong?: explores the current scenario exhaustively (every order of deliveries and
// timers, with a bounded number of faults) in a worker thread, shows its progress with a Cancel, and
// lists the invariant violations and blocking states it found. Choosing one loads its shortest
// counterexample into the lab (LabController), to be stepped through on the timeline.
#pragma once

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>
#include <memory>

#include "explore/scenario_explorer.hpp"
#include "sim/protocol.hpp"

class ExploreWorker;
class LabController;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;

class ExploreDialog final : public QDialog {
  Q_OBJECT

 public:
  explicit ExploreDialog(LabController* controller, QWidget* parent = nullptr);
  ~ExploreDialog() override;

  // The bounds the user can change (spin boxes), for tests and for the lesson that opens the dialog.
  QSpinBox* crashesBox() const { return crashes_; }
  QSpinBox* dropsBox() const { return drops_; }
  QSpinBox* duplicatesBox() const { return duplicates_; }
  QSpinBox* partitionsBox() const { return partitions_; }
  QSpinBox* maxStatesBox() const { return max_states_; }
  QPushButton* exploreButton() const { return explore_; }
  QPushButton* cancelButton() const { return cancel_; }
  QPushButton* loadButton() const { return load_; }
  QListWidget* findings() const { return findings_; }
  // The chosen finding's moves in words, one per row ("3. P1 crashes").
  QListWidget* steps() const { return steps_; }
  QLabel* summaryLabel() const { return summary_; }
  QLabel* progressLabel() const { return progress_text_; }

  bool isExploring() const { return thread_ != nullptr; }
  // Loads finding `row` of the list into the lab; false if there is none.
  bool loadFinding(int row);

 public slots:
  void startExploring();
  void cancelExploring();

 signals:
  void explorationFinished();

 protected:
  void changeEvent(QEvent* event) override;
  void reject() override;

 private:
  void buildUi();
  void retranslateUi();
  void showProgress(quint64 states, quint64 transitions, int depth, quint64 memoryBytes);
  void collectResult();
  void showResult();
  void setRunning(bool running);
  QString findingText(const cs::explore::Finding& f) const;
  void showSteps();

  LabController* controller_;
  QSpinBox* crashes_ = nullptr;
  QSpinBox* drops_ = nullptr;
  QSpinBox* duplicates_ = nullptr;
  QSpinBox* partitions_ = nullptr;
  QSpinBox* max_states_ = nullptr;
  QLabel* bounds_label_ = nullptr;
  QLabel* crashes_label_ = nullptr;
  QLabel* drops_label_ = nullptr;
  QLabel* duplicates_label_ = nullptr;
  QLabel* partitions_label_ = nullptr;
  QLabel* max_states_label_ = nullptr;
  QProgressBar* bar_ = nullptr;
  QLabel* progress_text_ = nullptr;
  QLabel* summary_ = nullptr;
  QListWidget* findings_ = nullptr;
  QLabel* steps_label_ = nullptr;
  QListWidget* steps_ = nullptr;
  QPushButton* explore_ = nullptr;
  QPushButton* cancel_ = nullptr;
  QPushButton* load_ = nullptr;
  QPushButton* close_ = nullptr;

  QThread* thread_ = nullptr;
  ExploreWorker* worker_ = nullptr;  // lives in thread_
  QElapsedTimer clock_;
  qint64 finished_ms_ = 0;  // how long the last search took, for its final rate
  // The last exploration: the scenario it started from and what it found (violations, then blocks).
  bool have_result_ = false;
  cs::Scenario base_;
  cs::explore::ScenarioResult result_;
  QString error_;
  std::vector<cs::explore::Finding> listed_;
  std::unique_ptr<cs::Protocol> protocol_;  // base_'s protocol: its node, message and timer names
  quint64 last_states_ = 0;
  int last_depth_ = 0;
  quint64 last_memory_ = 0;
};
