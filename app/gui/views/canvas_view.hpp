// The topology canvas: nodes as cards, links, partitions as shaded regions, messages as tokens moving
// along the links in virtual time, a legend of message families, and the fault tools (double-click a
// link, right-click a node or a link, Shift-drag a lasso to partition). Teaching aids: each card shows
// its running timers as countdowns and why it is blocked; a banner says when an invariant breaks; a
// toast confirms a link cut on the canvas and offers to undo it.
//
// Everything shown is pulled from the LabController in refresh(); items are only a cache of it.
#pragma once

#include <QElapsedTimer>
#include <QFontMetricsF>
#include <QGraphicsView>
#include <QHash>
#include <QTimer>
#include <QPainterPath>
#include <QPixmap>
#include <memory>
#include <vector>

#include "canvas_items.hpp"
#include "canvas_legend.hpp"
#include "canvas_overlays.hpp"
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
  // Where a node is shown, in layout units: the scenario's position, or its place in a folded row.
  QPointF layoutPosition(cs::NodeId node) const;
  // True while a long row of cards is shown as two rows because the pane is too narrow for it.
  bool rowFolded() const { return folded_; }

  // ---- for the window, the tests and the benchmark ----
  bool projectorMode() const { return style_.projector; }
  bool paneMode() const { return pane_; }
  NodeItem* nodeItem(cs::NodeId node) const;
  LinkItem* linkItem(cs::NodeId a, cs::NodeId b) const;
  QList<MessageItem*> messageItems() const;
  const CanvasStyle& canvasStyle() const { return style_; }
  // Token sprites are cropped to their painted pixels (trimSprite); off, they keep their whole box.
  // The pixels they cover, summed over the sprites made so far, let the tests compare the two.
  void setTrimSprites(bool on) {
    trimSprites_ = on;
    sprites_.clear();
  }
  qint64 spritePixels() const;
  // The legend as last painted: its box in viewport pixels (empty when none) and its entries.
  QRectF legendRect() const { return legendPixmap_.isNull() ? QRectF() : legendBox_; }
  const std::vector<CanvasLegend::Entry>& legendShown() const { return legendShown_; }
  // The message labels as last painted, in viewport pixels, by message id: a token whose label would
  // cover one already written is drawn without it (three PREPAREs leaving C at once show one label).
  const QHash<quint32, QRectF>& tokenLabelsShown() const { return labelsShown_; }
  // The context menus, built for a node or a link (the caller owns and executes them).
  QMenu* createNodeMenu(cs::NodeId node, QWidget* parent);
  QMenu* createLinkMenu(cs::NodeId a, cs::NodeId b, QWidget* parent);
  InvariantBanner* invariantBanner() const { return banner_; }
  CanvasToast* toast() const { return toast_; }

  // ---- lesson highlights ----
  // Nodes by their scenario names, links as pairs of node names (either order); unknown names are
  // ignored, empty lists clear. The highlight is a thick accent outline with a glow that pulses
  // gently while any highlight is set (its timer runs only then).
  void setHighlights(const QStringList& nodes, const QList<QPair<QString, QString>>& links);
  bool highlightPulsing() const { return pulse_.isActive(); }
  // "timer:NODE" highlights: these nodes' timer countdowns get the accent outline.
  void setTimerHighlights(const QStringList& nodes);
  // The card of a node by its name (nullptr if none), for tests.
  const NodeItem* nodeItemNamed(const QString& name) const;

 public slots:
  void rebuild();  // a new topology: recreate every item
  void refresh();  // pull state from the controller
  void setProjectorMode(bool on);
  // A pane of the side-by-side window: no clock (the window has one for every pane) and no legend
  // (the same marks in every pane), so that the cards take the whole pane.
  void setPaneMode(bool on);
  // View > Fit view: every node in the canvas again, zoom and scrolling reset.
  void fitView() { fit(); }

 protected:
  void resizeEvent(QResizeEvent* e) override;
  void mousePressEvent(QMouseEvent* e) override;
  void mouseMoveEvent(QMouseEvent* e) override;
  void mouseReleaseEvent(QMouseEvent* e) override;
  void mouseDoubleClickEvent(QMouseEvent* e) override;
  void contextMenuEvent(QContextMenuEvent* e) override;
  void drawBackground(QPainter* p, const QRectF& rect) override;
  void drawForeground(QPainter* p, const QRectF& rect) override;
  void changeEvent(QEvent* e) override;

 private:
  void refreshNodes();
  void refreshLinks();
  void refreshPartitions();
  void refreshMessages();
  void refreshBanner();
  void placeOverlays();
  // Cuts or heals a link from the canvas; a cut is confirmed by the toast, with Undo.
  void toggleLink(LinkItem* link);
  void placeMessage(MessageItem* item, const cs::Message& m);
  void updateCardWidth();
  // Writes a state's gloss under its key (or beside it) and lays the cards out again.
  void setGlossBelow(bool below);
  void fit();
  // The scale per axis (and the zoom it allows) that best fits node centres into the pane.
  struct Stretch {
    qreal zoom = -1, sx = 1.15, sy = 1.15;
  };
  Stretch bestStretch(const std::vector<QPointF>& centres, qreal availW, qreal availH) const;
  void chooseStretch(qreal availW, qreal availH);
  void routeLinks();
  // The virtual clock: a little larger than the node names, and on a projector never smaller than
  // a 30th of the canvas height (a 4K canvas scales the cards up, so the clock grows with them);
  // there it also grows with the window's type (projector::factor: 1.5x at 1920x1080).
  QFont clockFont() const {
    QFont clock = style_.name;
    const int px = qRound(clock.pixelSize() * 1.1 * (style_.projector ? projectorFactor() : 1.0));
    clock.setPixelSize(style_.projector ? std::max(px, viewport()->height() / 30) : px);
    return clock;
  }
  static double projectorFactor();  // projector::factor(), kept out of this header's includes
  QRectF contentRect() const;
  QGraphicsItem* interactiveItemAt(QPoint viewPos) const;
  void inject(const cs::FaultAction& action);
  void addFaultAction(QMenu* menu, const QString& text, const cs::FaultAction& action);
  void finishLasso();
  // The legend's entries: every family the protocol uses and every mark, or (`onScreen`) only the
  // families of the messages in flight and the marks visible now.
  std::vector<CanvasLegend::Entry> legendEntries(bool onScreen) const;
  // The legend's rows: a projector keeps one row (below the cards, always reserved), a desk the lot.
  int legendMaxRows() const { return style_.projector ? 1 : 100; }
  qreal legendReserve() const;  // the height fit() keeps free for the legend
  QRectF legendArea() const;
  void paintOverlayLegend(QPainter* p, const QRectF& area);
  void paintTokens(QPainter* p);
  void paintLossCross(QPainter* p, QPointF centre, qreal half, qreal scale) const;  // a doomed token's X
  qint64 cardCover(const QRect& r) const;
  void placeBanner(int top, int bottomMargin);
  void setBannerReserve(int height);  // refits when it changes
  qreal frameTop() const;             // what fit() keeps free above the cards for the clock row
  void chooseTokenLabels(const std::vector<const MessageItem*>& order, const QTransform& vt);
  qreal tokenLabelWidth(const QString& label);
  void renderStaticLayer();
  void paintStaticLayer(QPainter& p, const QRect& area);
  void invalidateStatic() { staticDirty_ = true; }
  void applyHighlights();
  QStringList hlTimers_;

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
  int bannerReserve_ = 0;  // pixels fit() leaves free at the top for a banner that covered every card row
  QPixmap dotTile_;

  // Paint caches. The static layer (paper, dot grid, partition regions, links) is one viewport-sized
  // pixmap, repainted only when the view transform, the size or a link or region changes.
  QPixmap static_;
  QTransform staticTransform_;
  bool staticDirty_ = true;
  struct Sprite {
    QPixmap pixmap;
    QPointF origin;  // where the token's centre is, in the pixmap's logical pixels
  };
  static void trimSprite(Sprite& sprite);
  bool trimSprites_ = true;
  QHash<quint32, QRectF> labelsShown_;
  QHash<quint32, MessageItem::LabelSide> labelSides_;  // the side each shown label was given
  std::vector<std::vector<int>> labelGrid_;  // chooseTokenLabels: placed labels by grid cell
  QHash<QString, Sprite> sprites_;  // one per message type look, at the current scale
  NodeAids::Words countdownWords_;  // the cards' countdown texts, worded once per value (refreshNodes)
  QHash<QString, qreal> labelWidths_;  // token label advances in labelWidthFont_ (tokenLabelWidth)
  QFont labelWidthFont_;
  qreal spriteScale_ = 0;
  CanvasLegend legend_{&style_};
  QPixmap legendPixmap_;
  QPointF legendAt_;
  QString legendKey_;
  QRectF legendBox_;
  std::vector<CanvasLegend::Entry> legendShown_;

  // Overlays: the invariant banner (hidden again once dismissed, until another violation) and the
  // toast of the last cut made on the canvas (Undo undoes it while it is still the last command).
  InvariantBanner* banner_ = nullptr;
  QString dismissedViolation_;  // "key@time" of the violation whose banner was dismissed
  CanvasToast* toast_ = nullptr;
  int toastUndoIndex_ = -1;  // the undo stack's index right after the toasted cut

  // Lesson highlights.
  HighlightItem* highlight_ = nullptr;
  QStringList hlNodes_;
  QList<QPair<QString, QString>> hlLinks_;
  QTimer pulse_;
  QElapsedTimer pulseClock_;
  qreal sx_ = 1.15, sy_ = 1.15;
  std::vector<QPointF> layoutPos_;  // where each node is shown, in layout units (see layoutPosition)
  bool folded_ = false;             // a long row shown as two rows
  // The card width with each state's gloss beside its key and under it (a projector's choice, made
  // by fit(): whichever draws the cards larger in this pane), and whether any state has a gloss.
  qreal cardWidthInline_ = 0, cardWidthStacked_ = 0;
  bool glossPossible_ = false;
  bool pane_ = false;               // setPaneMode
  bool arranged_ = false;           // a node was dragged in this view: its layout is the learner's
  QRectF fittedContent_;  // what fit() last framed; refresh() refits when the content outgrows it
};
