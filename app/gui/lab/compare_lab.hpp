// The side-by-side lab's coordinator: one LabController per protocol, each running the source
// scenario mapped onto its cluster (engine/scenario/compare.hpp), on one shared clock. A fault the
// user makes in one pane is repeated on the matching nodes of every other pane (by role: coordinator,
// worker k), and undo/redo move every pane's fault history together. Views talk to the pane
// controllers as they do in the main window; nothing here decides protocol behaviour.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <memory>
#include <vector>

#include "lab_controller.hpp"
#include "scenario/compare.hpp"
#include "scenario/compare_metrics.hpp"

class QTimer;

class CompareLab final : public QObject {
  Q_OBJECT

 public:
  static constexpr int kMinPanes = 2;
  static constexpr int kMaxPanes = 4;

  explicit CompareLab(QObject* parent = nullptr);
  ~CompareLab() override;

  // Maps `source` onto each protocol and starts one pane per protocol at time 0. On a refusal (or
  // fewer than 2 / more than 4 protocols) returns false, fills `error` and keeps the current panes.
  bool setUp(const cs::Scenario& source, const QStringList& protocols, QString* error);

  int paneCount() const { return static_cast<int>(panes_.size()); }
  LabController* pane(int i) const { return panes_[static_cast<std::size_t>(i)].get(); }
  const cs::ClusterRoles& roles(int i) const { return roles_[static_cast<std::size_t>(i)]; }
  QString protocol(int i) const;
  // The action as it applies to pane `to` when made in pane `from` (nodes without a counterpart are
  // left out of a partition; nullopt when a node it needs has none).
  std::optional<cs::FaultAction> mapAction(int from, int to, const cs::FaultAction& action) const;

  cs::Time now() const { return clock_; }
  cs::Time endTime() const;
  bool isPlaying() const;
  // Each pane's comparison figures at the current time.
  std::vector<cs::CompareRow> rows() const;
  bool canUndo() const;
  bool canRedo() const;

 public slots:
  void play();
  void pause();
  void togglePlay();
  void seekTime(cs::Time t);
  void undo();
  void redo();

 signals:
  void panesChanged();  // new panes (setUp): views rebuild
  void changed();       // a pane advanced, rewound or branched: views refresh
  void playingChanged(bool playing);

 private:
  void mirrorFault(int from, const cs::FaultAction& action);
  void followUndo(int from, int index);
  void tick();

  std::vector<std::unique_ptr<LabController>> panes_;
  std::vector<cs::ClusterRoles> roles_;
  std::vector<int> undo_index_;  // each pane's undo index as last seen
  bool mirroring_ = false;       // a fault or an undo being repeated: do not repeat the repeats
  QTimer* timer_ = nullptr;
  QElapsedTimer wall_;
  cs::Time clock_ = 0;
  double carry_us_ = 0;
};
