// The state machine of the selected node's role, as a small left-to-right graph with the current state
// lit and the node's last transition highlighted; its durable log and its locks as tables beneath.
// Painted directly with QPainter: a handful of boxes does not need a scene.
#pragma once

#include <QRectF>
#include <QWidget>
#include <map>
#include <vector>

#include "sim/protocol.hpp"
#include "sim/types.hpp"

class LabController;
namespace cs {
class Simulation;
}

class StateMachineView : public QWidget {
  Q_OBJECT

 public:
  explicit StateMachineView(LabController* controller, QWidget* parent = nullptr);

  QSize sizeHint() const override { return {560, 420}; }
  QSize minimumSizeHint() const override { return {280, 220}; }

  // What is shown (for tests): the node, its lit state, and the highlighted transition.
  cs::NodeId shownNode() const { return node_; }
  int litState() const { return state_; }
  std::pair<int, int> lastTransition() const { return {lastFrom_, lastTo_}; }
  // Where the last paint put the state boxes, and whether its layers ran top to bottom.
  std::vector<QRectF> stateBoxes() const {
    std::vector<QRectF> out;
    for (const Box& b : boxes_) out.push_back(b.rect);
    return out;
  }
  bool verticalLayout() const { return vertical_; }
  // Where the arrow labels were drawn in the last paint (for tests).
  const std::vector<QRectF>& edgeLabelRects() const { return labelRects_; }
  // Where the last paint drew the locks box (empty when it did not fit), for tests.
  QRectF locksBox() const { return locksBox_; }
  // The on-screen label of a transition key ("PREPARE/VOTE_COMMIT" -> "PREPARE / VOTE_COMMIT").
  QString edgeText(const QStringList& labels) const;  // one arrow's transitions, merged by action
  QString transitionLabel(const std::string& key) const;

 public slots:
  void rebuild();
  void refresh();
  void setProjectorMode(bool on);

 protected:
  void paintEvent(QPaintEvent* e) override;
  void mousePressEvent(QMouseEvent* e) override;
  void changeEvent(QEvent* e) override;

 private:
  struct Box {
    int state = 0;
    int layer = 0;
    int row = 0;
    bool wrapped = false;  // its name on two lines (vertical layout: a layer too wide for the pane)
    qreal scale = 1.0;     // vertical layout: shrunk with its layer when even two lines are too wide
    QRectF rect;
  };
  // Vertical layout: per layer, whether its names wrap, and the box size that gives.
  struct LayerSize {
    bool wrapped = false;
    qreal w = 0, h = 0;
    qreal scale = 1.0;
  };
  std::vector<LayerSize> verticalLayers(qreal width, qreal scale = 1.0) const;
  std::vector<qreal> verticalGaps(qreal width, const std::vector<LayerSize>& sizes, qreal scale = 1.0) const;
  void computeLayers();
  qreal graphWidthNeeded(qreal scale, bool wrapped = false) const;
  std::vector<qreal> columnGaps(qreal scale) const;
  std::map<std::pair<int, int>, QStringList> arrowLabels() const;  // (from, to) -> transition labels  // left-to-right layout: label room per gap
  // Height the left-to-right layout needs for the busiest layer's rows without any two touching.
  qreal graphHeightNeeded(qreal scale, bool wrapped = false) const;
  // The same, layers top to bottom in a pane this wide; gap = space between layers in box heights.
  // extra: room added to each gap, in box heights.
  qreal verticalHeightNeeded(qreal width, qreal extra = 0, qreal scale = 1.0) const;
  // A state's name as drawn in its box: on two lines when the graph is squeezed ("COMMIT（提交）" ->
  // "COMMIT" / "（提交）"), so that boxes get narrower and the labels between columns get room.
  QString stateName(int state, bool wrapped) const;
  void layoutMachine(const QRectF& area);
  void paintHeader(QPainter& p, const QRectF& area);
  void paintMachine(QPainter& p);
  void paintLog(QPainter& p, const QRectF& area);
  void paintLocks(QPainter& p, const QRectF& area);
  const Box* box(int state) const;

  LabController* controller_;
  bool projector_ = false;

  // Snapshot taken in refresh().
  cs::NodeId node_ = cs::kNoNode;
  const cs::RoleMachine* machine_ = nullptr;
  int state_ = -1;
  bool up_ = true;
  int lastFrom_ = -1, lastTo_ = -1;
  cs::Time lastAt_ = -1;
  cs::TxnId lastTxn_ = 0;

  // Cache of the backward trace scan for the last State event (valid for one run object).
  const cs::Simulation* scannedRun_ = nullptr;
  cs::NodeId scannedNode_ = cs::kNoNode;
  std::size_t scannedSize_ = 0;

  std::vector<Box> boxes_;

  std::vector<QRectF> labelRects_;  // see edgeLabelRects()
  QRectF locksBox_;                 // see locksBox()
  int layers_ = 0;
  int maxRows_ = 1;
  qreal fit_ = 1.0;  // < 1 when the graph is squeezed: boxes and labels shrink together
  bool wrapped_ = false;  // state names on two lines (a narrow pane)
  // Layers top to bottom instead of left to right: a pane too narrow for the columns and the
  // transition labels between them, but tall enough for the rows. Labels then get the pane's width.
  bool vertical_ = false;
  QRectF graphArea_;
  std::vector<std::pair<QRectF, cs::NodeId>> chips_;  // node pickers in the header
};
