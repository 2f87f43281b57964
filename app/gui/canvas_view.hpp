// The topology canvas: nodes as cards, links, partitions as shaded regions, messages as tokens moving
// along the links in virtual time, a legend of message types, and the fault tools (click a link,
// right-click a node or a link, Shift-drag a lasso to partition).
//
// Everything shown is pulled from the LabController in refresh(); items are only a cache of it.
#pragma once

#include <QGraphicsView>
#include <QHash>
#include <QPainterPath>
#include <QPixmap>
#include <memory>
#include <vector>

#include "canvas_items.hpp"
#include "sim/fault.hpp"
#include "sim/simulator.hpp"

class LabController;
class QMenu;

class CanvasView : public QGraphicsView {
  Q_OBJECT

 public:
  explicit CanvasView(LabController* controller, QWidget* parent = nullptr);
  ~CanvasView() override;

  // Layout units (the scenario file's) become scene units by a scale per axis: the base scale leaves
  // room for cards (less in projector mode, where cards matter more than link length), and x is
  // stretched up to 2.2x to use a widescreen canvas instead of leaving its sides empty.
  QPointF toScene(QPointF layout) const { return {layout.x() * sx_, layout.y() * sy_}; }
  QPointF toLayout(QPointF scene) const { return {scene.x() / sx_, scene.y() / sy_}; }

  // ---- for the window, the tests and the benchmark ----
  bool projectorMode() const { return style_.projector; }
  NodeItem* nodeItem(cs::NodeId node) const;
  LinkItem* linkItem(cs::NodeId a, cs::NodeId b) const;
  QList<MessageItem*> messageItems() const;
  // The context menus, built for a node or a link (the caller owns and executes them).
  QMenu* createNodeMenu(cs::NodeId node, QWidget* parent);
  QMenu* createLinkMenu(cs::NodeId a, cs::NodeId b, QWidget* parent);

 public slots:
  void rebuild();  // a new topology: recreate every item
  void refresh();  // pull state from the controller
  void setProjectorMode(bool on);

 protected:
  void resizeEvent(QResizeEvent* e) override;
  void mousePressEvent(QMouseEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void mouseReleaseEvent(QMouseEvent* e) override;
  void contextMenuEvent(QContextMenuEvent* e) override;
  void drawBackground(QPainter* p, const QRectF& rect) override;
  void drawForeground(QPainter* p, const QRectF& rect) override;
  void changeEvent(QEvent* e) override;

 private:
  void refreshNodes();
  void refreshLinks();
  void refreshPartitions();
  void refreshMessages();
  void placeMessage(MessageItem* item, const cs::Message& m);
  void updateCardWidth();
  void fit();
  void chooseStretch(qreal availW, qreal availH);
  QRectF contentRect() const;
  QGraphicsItem* interactiveItemAt(QPoint viewPos) const;
  void inject(const cs::FaultAction& action);
  void addFaultAction(QMenu* menu, const QString& text, const cs::FaultAction& action);
  void finishLasso();
  QSizeF paintLegend(QPainter* p, const QRectF& area, bool measureOnly);

  LabController* controller_;
  CanvasStyle style_;
  std::vector<NodeItem*> nodes_;
  std::vector<LinkItem*> links_;
  std::vector<PartitionItem*> sides_;
  QHash<quint32, MessageItem*> messages_;

  // Mouse gesture in progress.
  QPoint pressPos_;
  QGraphicsItem* pressItem_ = nullptr;
  bool lassoActive_ = false;
  QPolygonF lasso_;  // scene coordinates
  qreal legendHeight_ = 0;
  QPixmap dotTile_;
  qreal sx_ = 1.15, sy_ = 1.15;
  QRectF fittedContent_;  // what fit() last framed; refresh() refits when the content outgrows it
};
