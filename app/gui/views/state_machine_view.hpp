// The state machine of the selected node's role, as a small left-to-right graph with the current state
// lit and the node's last transition highlighted; its durable log and its locks as tables beneath.
// Painted directly with QPainter: a handful of boxes does not need a scene.
#pragma once

class DropNotice;

#include <QRectF>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "sim/protocol.hpp"
#include "palette.hpp"
#include "state_graph_layout.hpp"
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
    for (const auto& b : layout_.boxes()) out.push_back(b.rect);
    return out;
  }
  bool verticalLayout() const { return layout_.vertical(); }
  // The last paint's layout: boxes, arrows, labels and the rectangles their text took (for tests).
  const StateGraphLayout& graphLayout() const { return layout_; }
  // Where the arrow labels were drawn in the last paint (for tests).
  const std::vector<QRectF>& edgeLabelRects() const { return labelRects_; }
  // Where the last paint drew the locks box (empty when it did not fit), for tests.
  QRectF locksBox() const { return locksBox_; }
  // Arrow labels with no room on the graph (shown as tooltips), and where the note saying so went.
  int hiddenEdgeLabels() const { return layout_.hiddenLabels(); }
  QRectF hiddenLabelsNote() const { return hiddenNote_; }
  // ---- lesson highlights ----
  // Records of these types (log record keys, e.g. "READY") are outlined in the durable log; `focusLog`
  // frames the whole log box (a lesson's "show the log" action). Empty / false clears.
  void setLessonHighlights(const QStringList& recordKeys, bool focusLog);
  QStringList highlightedRecords() const { return lessonRecords_; }
  bool logFocused() const { return lessonLogFocus_; }
  // Where the last paint outlined highlighted records and where it drew the log box (for tests).
  const std::vector<QRectF>& highlightedRecordRects() const { return recordRects_; }
  QRectF logBox() const { return logBox_; }
  // The record column's width less its longest record name in the last paint (< 0: names were cut).
  qreal logNameSlack() const { return logNameSlack_; }
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
  bool event(QEvent* e) override;  // tooltips: an arrow's label

 private:
  palette::Scheme scheme() const;
  qreal logNameSlack_ = 0;  // the projector scheme times the window's type factor
  StateGraphLayout::Inputs layoutInputs() const;
  void paintHeader(QPainter& p, const QRectF& area);
  void paintTransitionLine(QPainter& p, const QRectF& area);
  void paintMachine(QPainter& p);
  void paintEdgeLabels(QPainter& p);
  void paintHiddenLabelsNote(QPainter& p, const QRectF& graph);
  void paintBoxes(QPainter& p);
  void paintLog(QPainter& p, const QRectF& area);
  void paintLocks(QPainter& p, const QRectF& area);

  LabController* controller_;
  bool projector_ = false;
  QStringList lessonRecords_;
  bool lessonLogFocus_ = false;
  std::vector<QRectF> recordRects_;
  QRectF logBox_;

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
  std::uint64_t scannedSize_ = 0;  // records (by seq) looked at for the last transition
  DropNotice* dropNotice_ = nullptr;  // what the view no longer has (a long run)

  StateGraphLayout layout_;  // where the last paint put boxes, arrows and labels
  std::vector<QRectF> labelRects_;  // see edgeLabelRects()
  QRectF locksBox_;                 // see locksBox()
  QRectF hiddenNote_;               // see hiddenLabelsNote()
  std::vector<std::pair<QRectF, cs::NodeId>> chips_;  // node pickers in the header
};
