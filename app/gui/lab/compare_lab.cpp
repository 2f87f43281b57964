#include "compare_lab.hpp"

#include <QScopedValueRollback>
#include <QTimer>
#include <algorithm>

#include "engine_text.hpp"

namespace {
constexpr int kTickMs = 30;
}

CompareLab::CompareLab(QObject* parent) : QObject(parent), timer_(new QTimer(this)) {
  timer_->setInterval(kTickMs);
  connect(timer_, &QTimer::timeout, this, &CompareLab::tick);
}

// A pane's undo stack announces its clearing while it is destroyed: the other panes (perhaps gone
// already) must not follow it.
static void detach(const std::vector<std::unique_ptr<LabController>>& panes, QObject* lab) {
  for (const auto& p : panes) {
    p->disconnect(lab);
    p->undoStack()->disconnect(lab);
  }
}

CompareLab::~CompareLab() { detach(panes_, this); }

bool CompareLab::setUp(const cs::Scenario& source, const QStringList& protocols, QString* error) {
  if (protocols.size() < kMinPanes || protocols.size() > kMaxPanes) {
    if (error) *error = tr("Choose 2 to 4 protocols to compare.");
    return false;
  }
  std::vector<cs::Scenario> mapped;
  std::vector<cs::ClusterRoles> roles;
  for (const QString& p : protocols) {
    const cs::MappedScenario m = cs::map_scenario(source, p.toStdString());
    cs::CompareRefusal why = m.why;
    std::optional<cs::ClusterRoles> r;
    if (m.scenario) r = cs::cluster_roles(p.toStdString(), m.scenario->params, why);
    if (!m.scenario || !r) {
      // The engine's key names what cannot be expressed (docs/protocols.md lists the cases).
      if (error) *error = EngineText::compareRefusal(p.toStdString(), why);
      return false;
    }
    mapped.push_back(*m.scenario);
    roles.push_back(std::move(*r));
  }
  pause();
  // The old panes' views are rebuilt on panesChanged: the controllers they show must outlive that.
  std::vector<std::unique_ptr<LabController>> old = std::move(panes_);
  detach(old, this);
  panes_.clear();
  roles_ = std::move(roles);
  undo_index_.assign(mapped.size(), 0);
  clock_ = 0;
  for (std::size_t i = 0; i < mapped.size(); ++i) {
    auto pane = std::make_unique<LabController>();
    pane->setScenarioUntitled(mapped[i]);
    const int index = static_cast<int>(i);
    connect(pane.get(), &LabController::faultInjected, this,
            [this, index](const cs::FaultAction& a) { mirrorFault(index, a); });
    connect(pane->undoStack(), &QUndoStack::indexChanged, this, [this, index](int idx) { followUndo(index, idx); });
    connect(pane.get(), &LabController::runChanged, this, &CompareLab::changed);
    panes_.push_back(std::move(pane));
  }
  emit panesChanged();
  emit changed();
  return true;
}

QString CompareLab::protocol(int i) const { return QString::fromStdString(pane(i)->scenario().protocol); }

cs::Time CompareLab::endTime() const { return panes_.empty() ? 0 : panes_.front()->endTime(); }

bool CompareLab::isPlaying() const { return timer_->isActive(); }

std::vector<cs::CompareRow> CompareLab::rows() const {
  std::vector<cs::CompareRow> out;
  for (const auto& p : panes_) out.push_back(cs::compare_row(p->simulation()));
  return out;
}

bool CompareLab::canUndo() const { return !panes_.empty() && panes_.front()->undoStack()->canUndo(); }
bool CompareLab::canRedo() const { return !panes_.empty() && panes_.front()->undoStack()->canRedo(); }

std::optional<cs::FaultAction> CompareLab::mapAction(int from, int to, const cs::FaultAction& action) const {
  const cs::ClusterRoles& a = roles(from);
  const cs::ClusterRoles& b = roles(to);
  cs::FaultAction out = action;
  const auto node = [&](cs::NodeId id, cs::NodeId& mapped) {
    mapped = cs::counterpart(a, b, id);
    return id == cs::kNoNode || mapped != cs::kNoNode;
  };
  if (!node(action.a, out.a) || !node(action.b, out.b)) return std::nullopt;
  for (auto& group : out.groups) {
    std::vector<cs::NodeId> kept;
    for (cs::NodeId id : group)
      if (const cs::NodeId m = cs::counterpart(a, b, id); m != cs::kNoNode) kept.push_back(m);
    group = std::move(kept);
  }
  return out;
}

void CompareLab::mirrorFault(int from, const cs::FaultAction& action) {
  if (mirroring_) return;
  QScopedValueRollback guard(mirroring_, true);
  for (int j = 0; j < paneCount(); ++j) {
    if (j == from) continue;
    const auto mapped = mapAction(from, j, action);
    if (mapped && pane(j)->canInject(*mapped)) pane(j)->injectFault(*mapped);
  }
  for (int j = 0; j < paneCount(); ++j) undo_index_[static_cast<std::size_t>(j)] = pane(j)->undoStack()->index();
}

// An undo or redo in one pane (its own toast, or the window's buttons) moves every pane by as many steps.
void CompareLab::followUndo(int from, int index) {
  if (mirroring_) return;
  QScopedValueRollback guard(mirroring_, true);
  const int delta = index - undo_index_[static_cast<std::size_t>(from)];
  for (int j = 0; j < paneCount(); ++j) {
    QUndoStack* stack = pane(j)->undoStack();
    if (j != from) stack->setIndex(std::clamp(stack->index() + delta, 0, stack->count()));
    undo_index_[static_cast<std::size_t>(j)] = stack->index();
  }
}

void CompareLab::undo() {
  if (canUndo()) panes_.front()->undoStack()->undo();
}

void CompareLab::redo() {
  if (canRedo()) panes_.front()->undoStack()->redo();
}

void CompareLab::play() {
  if (panes_.empty() || timer_->isActive()) return;
  if (clock_ >= endTime()) seekTime(0);
  wall_.start();
  carry_us_ = 0;
  timer_->start();
  emit playingChanged(true);
}

void CompareLab::pause() {
  if (!timer_->isActive()) return;
  timer_->stop();
  emit playingChanged(false);
}

void CompareLab::togglePlay() { isPlaying() ? pause() : play(); }

void CompareLab::seekTime(cs::Time t) {
  clock_ = std::clamp<cs::Time>(t, 0, endTime());
  for (const auto& p : panes_) p->seekTime(clock_);
  emit changed();
}

// The shared clock at the main window's 1x speed (20 virtual ms per wall-clock second).
void CompareLab::tick() {
  const double elapsed_ms = static_cast<double>(wall_.restart());
  carry_us_ += elapsed_ms * LabController::kVirtualMsPerSecondAt1x;
  const auto step = static_cast<cs::Time>(carry_us_);
  carry_us_ -= static_cast<double>(step);
  seekTime(clock_ + step);
  if (clock_ >= endTime()) pause();
}
