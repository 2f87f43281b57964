// Where a role's state machine goes in a pane: the split of the pane between the graph, the durable
// log and the locks, the state boxes (left to right, or layers top to bottom in a narrow pane), the
// arrows and their labels placed so that none covers a box or another label. Pure geometry from the
// machine, the names and the fonts: nothing is painted here, so tests check the layout directly and
// StateMachineView only draws what this class decided.
#pragma once

#include <QFont>
#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/protocol.hpp"

class StateGraphLayout {
 public:
  // What the layout is computed from. The names come from the view (they are translated there).
  struct Inputs {
    const cs::RoleMachine* machine = nullptr;
    QFont font;          // the widget's font; sizes are set in pixels times `scale`
    qreal scale = 1.0;   // the colour scheme's font scale (projector mode: larger)
    std::function<QString(int)> stateName;                     // one line, e.g. "COMMIT（提交）"
    std::function<QString(const std::string&)> transitionLabel;  // a transition key as shown
    std::function<QString(const QStringList&)> edgeText;       // one arrow's labels, merged
    std::pair<int, int> lit{-1, -1};                           // the node's last transition
    int logRows = 0;  // rows the log below must show whole (a lesson points at it), title and heads included
  };
  struct Box {
    int state = 0;
    int layer = 0;
    int row = 0;
    bool wrapped = false;  // its name on two lines (vertical layout: a layer too wide for the pane)
    qreal scale = 1.0;     // vertical layout: shrunk with its layer when even two lines are too wide
    QRectF rect;
  };
  struct Arrow {
    std::pair<int, int> key;  // (from, to)
    QPainterPath path;
    QPointF tangentFrom;  // the arrowhead points from here to the path's end
    bool lit = false;
  };
  struct Label {
    QRectF rect;
    QString text;
    bool lit = false;
    qreal wrap = 0;         // the width the text was measured (and is drawn) wrapped to
    qreal fontScale = 1.0;  // < 1: shrunk to find a free place
    // No free place even narrow and small (a pane too small for all of them): not drawn on the
    // graph, so that it never covers a state; the view offers it as the arrow's tooltip instead.
    bool hidden = false;
    std::pair<int, int> key{-1, -1};  // the arrow it belongs to
  };
  // The pane split: the graph (empty for a role without states), the log and the locks.
  struct Areas {
    QRectF graph, log, locks;
    bool noMachine = false;  // a role without protocol states: a line saying so goes above the log
    qreal noteHeight = 0;    // that line's height
  };

  // A new machine or new names: the layers are recomputed on the next arrange().
  void setInputs(Inputs in);
  void setLit(std::pair<int, int> lit) { in_.lit = lit; }

  // Splits `body` (the pane under its header) and lays the graph out in its part. rowH: a table row's
  // height; lockCount: rows the locks table needs. `pane` bounds the labels (the whole widget).
  Areas arrange(const QRectF& body, int lockCount, qreal rowH, const QRectF& pane);

  const std::vector<Box>& boxes() const { return boxes_; }
  const std::vector<Arrow>& arrows() const { return arrows_; }
  const std::vector<Label>& labels() const { return labels_; }
  const Box* box(int state) const;
  int hiddenLabels() const;
  // The label of the arrow passing within `slop` of `at` ("" when none): for a tooltip.
  QString labelNear(QPointF at, qreal slop) const;
  bool vertical() const { return vertical_; }
  qreal fit() const { return fit_; }  // < 1 when the graph is squeezed: boxes and labels shrink together
  bool wrapped() const { return wrapped_; }  // left to right: state names on two lines
  // A state's name as drawn in its box: on two lines when the graph is squeezed ("COMMIT（提交）" ->
  // "COMMIT" / "（提交）"), so that boxes get narrower and the labels between columns get room.
  QString stateName(int state, bool wrapped) const;
  QString boxText(const Box& b) const { return stateName(b.state, vertical_ ? b.wrapped : wrapped_); }
  // What is drawn, and where: the font of a box's name and of an arrow's label, and the rectangle
  // their ink takes (the view paints with these, the tests check these never overlap).
  QFont boxFont(const Box& b) const;
  QFont labelFont(const Label& l) const;
  QRectF boxTextRect(const Box& b) const;
  QRectF labelTextRect(const Label& l) const;

 private:
  struct LayerSize {
    bool wrapped = false;
    qreal w = 0, h = 0;
    qreal scale = 1.0;
  };
  QFont font(qreal px, bool bold) const;
  void computeLayers();
  Areas split(const QRectF& body, int lockCount, qreal rowH);
  bool chooseVertical(const QRectF& body, qreal minBelow, qreal minBelowVertical) const;
  std::vector<LayerSize> verticalLayers(qreal width, qreal scale = 1.0) const;
  std::vector<qreal> verticalGaps(qreal width, const std::vector<LayerSize>& sizes, qreal scale = 1.0) const;
  qreal graphWidthNeeded(qreal scale, bool wrapped = false) const;
  std::vector<qreal> columnGaps(qreal scale) const;
  std::map<std::pair<int, int>, QStringList> arrowLabels() const;  // (from, to) -> transition labels
  qreal graphHeightNeeded(qreal scale, bool wrapped = false) const;
  // Layers top to bottom in a pane this wide; extra: room added to each gap, in box heights.
  qreal verticalHeightNeeded(qreal width, qreal extra = 0, qreal scale = 1.0) const;
  void layoutVertical(const QRectF& area);
  void layoutAcross(const QRectF& area);
  // One arrow's shape, and where and how its label goes.
  struct Route {
    QPainterPath path;
    QPointF tangentFrom, labelAt;
    bool below = false;
    bool leftOfArrow = false;
    bool diagonal = false;  // vertical layout: into one of several siblings
  };
  void routeArrows();
  Route route(const Box& a, const Box& b, QPointF end, bool fansOut) const;
  QPointF port(int to, std::pair<int, int> key) const;
  Label labelFor(const Arrow& arrow, const QString& text, QPointF at, bool below, bool leftOfArrow, bool diagonal,
                 std::map<int, qreal>& stackAbove) const;
  void placeLabels(const QRectF& pane);
  bool findPlace(Label& l, const std::function<bool(const QRectF&)>& isFree) const;

  Inputs in_;
  std::vector<Box> boxes_;
  std::vector<Arrow> arrows_;
  std::vector<Label> labels_;
  int layers_ = 0;
  int maxRows_ = 1;
  qreal fit_ = 1.0;
  bool wrapped_ = false;
  // Layers top to bottom instead of left to right: a pane too narrow for the columns and the
  // transition labels between them, but tall enough for the rows. Labels then get the pane's width.
  bool vertical_ = false;
  QRectF graphArea_;
  std::map<int, std::vector<std::pair<qreal, std::pair<int, int>>>> incoming_;  // see port()
};
