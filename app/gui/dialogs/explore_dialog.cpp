#include "explore_dialog.hpp"

#include <QEvent>
#include <algorithm>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include "engine_text.hpp"
#include "explore_steps.hpp"
#include "explore_worker.hpp"
#include "lab_controller.hpp"
#include "protocols/registry.hpp"
#include "sim/inert_messages.hpp"

namespace {

// Small enough that the search ends in seconds on a classroom laptop, large enough for the classic
// counterexamples (3PC's split under a partition is found within a few thousand states).
constexpr int kDefaultMaxStates = 20'000;
constexpr std::size_t kMaxMemory = std::size_t{256} << 20;  // the window also holds the run on screen

QSpinBox* boundBox(int max, int value, QWidget* parent) {
  auto* box = new QSpinBox(parent);
  box->setRange(0, max);
  box->setValue(value);
  return box;
}

}  // namespace

ExploreDialog::ExploreDialog(LabController* controller, QWidget* parent) : QDialog(parent), controller_(controller) {
  buildUi();
  retranslateUi();
  setRunning(false);
  showSteps();
  resize(640, 640);
}

ExploreDialog::~ExploreDialog() {
  // The worker's thread must not outlive the dialog: stop the search and wait for it.
  if (worker_) worker_->cancel();
  if (thread_) {
    thread_->quit();
    thread_->wait();
    delete worker_;
  }
}

void ExploreDialog::buildUi() {
  crashes_ = boundBox(3, 1, this);
  drops_ = boundBox(3, 1, this);
  duplicates_ = boundBox(3, 0, this);
  partitions_ = boundBox(2, 1, this);
  max_states_ = new QSpinBox(this);
  max_states_->setRange(100, 5'000'000);
  max_states_->setSingleStep(10'000);
  max_states_->setGroupSeparatorShown(true);
  max_states_->setValue(kDefaultMaxStates);
  bounds_label_ = new QLabel(this);
  bounds_label_->setWordWrap(true);
  crashes_label_ = new QLabel(this);
  drops_label_ = new QLabel(this);
  duplicates_label_ = new QLabel(this);
  partitions_label_ = new QLabel(this);
  max_states_label_ = new QLabel(this);
  auto* grid = new QGridLayout;
  grid->addWidget(crashes_label_, 0, 0);
  grid->addWidget(crashes_, 0, 1);
  grid->addWidget(partitions_label_, 0, 2);
  grid->addWidget(partitions_, 0, 3);
  grid->addWidget(drops_label_, 1, 0);
  grid->addWidget(drops_, 1, 1);
  grid->addWidget(duplicates_label_, 1, 2);
  grid->addWidget(duplicates_, 1, 3);
  grid->addWidget(max_states_label_, 2, 0);
  grid->addWidget(max_states_, 2, 1);
  grid->setColumnStretch(4, 1);

  bar_ = new QProgressBar(this);
  bar_->setTextVisible(false);
  progress_text_ = new QLabel(this);
  summary_ = new QLabel(this);
  summary_->setWordWrap(true);
  findings_ = new QListWidget(this);
  findings_->setWordWrap(true);
  connect(findings_, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) { loadFinding(findings_->row(item)); });
  connect(findings_, &QListWidget::currentRowChanged, this, [this] {
    setRunning(isExploring());
    showSteps();
  });
  steps_label_ = new QLabel(this);
  steps_ = new QListWidget(this);
  steps_->setWordWrap(true);
  steps_->setSelectionMode(QAbstractItemView::NoSelection);
  steps_->setFocusPolicy(Qt::NoFocus);

  explore_ = new QPushButton(this);
  explore_->setDefault(true);
  cancel_ = new QPushButton(this);
  load_ = new QPushButton(this);
  close_ = new QPushButton(this);
  connect(explore_, &QPushButton::clicked, this, &ExploreDialog::startExploring);
  connect(cancel_, &QPushButton::clicked, this, &ExploreDialog::cancelExploring);
  connect(load_, &QPushButton::clicked, this, [this] { loadFinding(findings_->currentRow()); });
  connect(close_, &QPushButton::clicked, this, &ExploreDialog::reject);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(explore_);
  buttons->addWidget(cancel_);
  buttons->addStretch(1);
  buttons->addWidget(load_);
  buttons->addWidget(close_);

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(bounds_label_);
  layout->addLayout(grid);
  layout->addWidget(bar_);
  layout->addWidget(progress_text_);
  layout->addWidget(summary_);
  layout->addWidget(findings_, 1);
  layout->addWidget(steps_label_);
  layout->addWidget(steps_, 2);
  layout->addLayout(buttons);
}

void ExploreDialog::retranslateUi() {
  setWindowTitle(tr("What can go wrong?"));
  bounds_label_->setText(tr("Tries every order in which messages can arrive and timers can fire, together with at "
                            "most this many faults, and reports every way an invariant breaks or the protocol "
                            "blocks. Each finding is a shortest one."));
  crashes_label_->setText(tr("Crashes:"));
  crashes_->setToolTip(tr("How many node crashes may happen (restarts are always possible)"));
  partitions_label_->setText(tr("Partitions:"));
  partitions_->setToolTip(tr("How many times the network may split into two sides (healing is always possible)"));
  drops_label_->setText(tr("Lost messages:"));
  duplicates_label_->setText(tr("Duplicated messages:"));
  max_states_label_->setText(tr("State limit:"));
  max_states_->setToolTip(tr("The search stops after this many distinct states, so that it ends in seconds"));
  explore_->setText(tr("&Explore"));
  cancel_->setText(tr("Cancel"));
  load_->setText(tr("&Load in the lab"));
  load_->setToolTip(tr("Load the shortest run that leads there, to step through it on the timeline"));
  close_->setText(tr("Close"));
  steps_label_->setText(tr("How it happens, step by step:"));
  if (have_result_) showResult();
  else if (!isExploring()) summary_->setText(tr("Choose the bounds, then Explore. The scenario in the lab is explored."));
  if (!isExploring() && !have_result_) progress_text_->clear();
  else showProgress(last_states_, 0, last_depth_, last_memory_);
}

void ExploreDialog::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QDialog::changeEvent(event);
}

void ExploreDialog::reject() {
  cancelExploring();
  QDialog::reject();
}

void ExploreDialog::setRunning(bool running) {
  for (QSpinBox* box : {crashes_, drops_, duplicates_, partitions_, max_states_}) box->setEnabled(!running);
  explore_->setEnabled(!running);
  cancel_->setEnabled(running);
  const int row = findings_->currentRow();
  load_->setEnabled(!running && row >= 0 && row < static_cast<int>(listed_.size()));
}

void ExploreDialog::startExploring() {
  if (isExploring()) return;
  base_ = controller_->scenario();
  const cs::explore::FaultBudget budget{.crashes = crashes_->value(), .drops = drops_->value(),
                                        .duplicates = duplicates_->value(), .partitions = partitions_->value()};
  cs::explore::ScenarioLimits limits;
  limits.max_states = static_cast<std::uint64_t>(max_states_->value());
  limits.max_memory = kMaxMemory;
  // Exact for every verdict and several times fewer states for the protocols that say which of their
  // messages can no longer change anything (3PC, Paxos Commit; docs/explorer.md, "Inert messages").
  limits.inert_messages = dynamic_cast<const cs::InertMessagesProtocol*>(&controller_->simulation().protocol()) != nullptr;
  have_result_ = false;
  listed_.clear();
  findings_->clear();
  steps_->clear();
  last_states_ = 0;
  last_depth_ = 0;
  last_memory_ = 0;
  bar_->setRange(0, max_states_->value());
  bar_->setValue(0);
  summary_->setText(tr("Exploring…"));
  // The worker is moved to its thread before it starts: every engine object of the search is made
  // and used there, and only signals cross back.
  thread_ = new QThread(this);
  worker_ = new ExploreWorker(base_, budget, limits);
  worker_->moveToThread(thread_);
  connect(thread_, &QThread::started, worker_, &ExploreWorker::run);
  connect(worker_, &ExploreWorker::progressed, this, &ExploreDialog::showProgress);
  connect(worker_, &ExploreWorker::finished, this, &ExploreDialog::collectResult);
  clock_.start();
  setRunning(true);
  thread_->start();
}

void ExploreDialog::cancelExploring() {
  if (worker_) worker_->cancel();
}

void ExploreDialog::showProgress(quint64 states, quint64, int depth, quint64 memoryBytes) {
  last_states_ = states;
  last_depth_ = depth;
  last_memory_ = memoryBytes;
  bar_->setValue(static_cast<int>(std::min<quint64>(states, static_cast<quint64>(bar_->maximum()))));
  const qint64 elapsed = isExploring() ? clock_.elapsed() : finished_ms_;
  const double seconds = std::max(1e-3, static_cast<double>(elapsed) / 1000.0);
  progress_text_->setText(tr("%L1 states · depth %2 · %L3 states/s · %4 MiB")
                              .arg(states)
                              .arg(depth)
                              .arg(static_cast<qint64>(static_cast<double>(states) / seconds))
                              .arg(static_cast<double>(memoryBytes) / (1 << 20), 0, 'f', 1));
}

void ExploreDialog::collectResult() {
  // The worker has finished its run(); the thread is stopped before its result is read.
  finished_ms_ = clock_.elapsed();
  thread_->quit();
  thread_->wait();
  result_ = worker_->result();
  error_ = worker_->error();
  delete worker_;
  worker_ = nullptr;
  thread_->deleteLater();
  thread_ = nullptr;
  cs::Diagnostics diags;
  const cs::ProtocolEntry* entry = cs::find_protocol(base_.protocol);
  protocol_ = entry ? entry->create(base_.params, diags) : nullptr;
  listed_ = result_.violations;
  listed_.insert(listed_.end(), result_.blocking_examples.begin(), result_.blocking_examples.end());
  have_result_ = true;
  showResult();
  setRunning(false);
  emit explorationFinished();
}

QString ExploreDialog::findingText(const cs::explore::Finding& f) const {
  if (!f.invariant.empty())
    return tr("✖ %1 violated after %n step(s)", "", f.depth).arg(EngineText::invariant(f.invariant));
  return tr("⏸ Blocked after %n step(s): a transaction stays undecided until a node restarts or the network heals",
            "", f.depth);
}

void ExploreDialog::showResult() {
  const quint64 states = result_.distinct_states;
  QString summary;
  if (!error_.isEmpty()) summary = tr("This scenario cannot be explored: %1").arg(error_);
  else if (result_.complete) summary = tr("Explored all %L1 distinct states.").arg(states);
  else if (result_.stopped_by == "cancelled") summary = tr("Cancelled after %L1 distinct states: only what was found so far is listed.").arg(states);
  else if (result_.stopped_by == "max_memory") summary = tr("Stopped at the memory limit after %L1 distinct states: the search is incomplete.").arg(states);
  else summary = tr("Stopped at the state limit (%L1 distinct states): the search is incomplete; raise the limit to look further.").arg(states);
  if (error_.isEmpty() && !result_.exact)
    summary += QLatin1Char(' ') + tr("This protocol's states are not merged, so the same state may be counted more than once.");
  if (error_.isEmpty() && result_.inert_messages)
    summary += QLatin1Char(' ') + tr("Messages that could no longer change anything were left out of the states (the verdicts stay exact).");
  if (!listed_.empty()) summary += QLatin1Char(' ') + tr("Double-click one, or choose it and Load in the lab, to step through it.");
  if (error_.isEmpty() && result_.blocking_count > result_.blocking_examples.size())
    summary += QLatin1Char(' ') + tr("%L1 blocking states in all; the shortest are listed.").arg(result_.blocking_count);
  summary_->setText(summary);
  if (result_.complete) bar_->setValue(bar_->maximum());  // all there was, even under the limit
  findings_->clear();
  for (const cs::explore::Finding& f : listed_) {
    auto* item = new QListWidgetItem(findingText(f), findings_);
    item->setToolTip(f.invariant.empty() ? tr("Double-click to load this run and step through it")
                                         : EngineText::invariantDescription(f.invariant));
  }
  if (listed_.empty() && error_.isEmpty()) {
    auto* none = new QListWidgetItem(result_.complete ? tr("✔ No invariant can break and nothing blocks within these bounds.")
                                                      : tr("✔ Nothing went wrong in the states explored."),
                                     findings_);
    none->setFlags(Qt::NoItemFlags);
  }
  if (!listed_.empty()) findings_->setCurrentRow(0);
  showSteps();
}

void ExploreDialog::showSteps() {
  steps_->clear();
  const int row = findings_->currentRow();
  const bool chosen = protocol_ && row >= 0 && row < static_cast<int>(listed_.size());
  steps_label_->setVisible(chosen);
  steps_->setVisible(chosen);
  if (!chosen) return;
  steps_->addItems(ExploreSteps::describe(*protocol_, listed_[static_cast<std::size_t>(row)].path));
}

bool ExploreDialog::loadFinding(int row) {
  if (isExploring() || row < 0 || row >= static_cast<int>(listed_.size())) return false;
  const cs::explore::Finding& f = listed_[static_cast<std::size_t>(row)];
  // The title names the finding without its list mark (the status bar shows the title, and a ✖ there
  // would look like the invariant banner).
  const QString title = findingText(f).section(QLatin1Char(' '), 1);
  cs::Scenario s = cs::explore::path_scenario(base_, f.path, title.toStdString());
  // A scheduled run moves its clock 1 ms per step: the timeline ends where the schedule does.
  s.until = cs::ms(static_cast<std::int64_t>(std::max<std::size_t>(s.schedule.size(), 1)));
  controller_->setScenarioUntitled(s);
  accept();
  return true;
}
