// The QGraphicsItems of the topology canvas. They only hold what they draw: the CanvasView copies it
// from the controller in its refresh hook, so the model stays in the engine.
#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>
#include <QStringList>
#include <functional>
#include <utility>
#include <vector>

#include "node_aids.hpp"
#include "patch_cache.hpp"
#include "palette.hpp"
#include "sim/types.hpp"

// Fonts and pens of one view, shared by all its items and switched as a whole by projector mode.
struct CanvasStyle {
  bool projector = false;
  const palette::Scheme* scheme = &palette::scheme(false);
  QFont name, role, badge, small, mono, token;
  qreal cardWidth = 190;  // scene units; computed from the fonts so text always fits
  qreal space = 1.0;      // multiplies the padding inside cards (less than the fonts grow on a projector)
  // Rows every card keeps for its teaching aids (why it is blocked, its timers' countdowns): the
  // most any card has needed since the scenario was opened, so that cards do not jump in height
  // each time a short timer comes and goes.
  int aidRows = 0;
  // A projector writes a translated state's gloss under its key ("PRECOMMIT" over "預提交") instead of
  // beside it: the card is then as narrow in zh-TW as in English, so the view need not shrink every
  // card (and every name) by a third to fit a row of participants. Set when some state has a gloss.
  bool glossBelow = false;
  // The lesson-highlight accent: a warm amber that no state, message or selection colour uses, so a
  // highlighted node or link stands out on both paper colours (darker on a projector).
  QColor highlight, highlightGlow;

  // `pane`: a pane of the side-by-side window, where two canvases share a projected 1280×720 window:
  // the node names grow against the rest of the card (see setProjector).
  void setProjector(bool on, const QFont& base, bool pane = false);
  // A state's text split into its key and its gloss: "PRECOMMIT（預提交）" → {"PRECOMMIT", "預提交"};
  // a text without a trailing full-width parenthesis has no gloss.
  static std::pair<QString, QString> splitGloss(const QString& stateText);
  qreal pen(qreal w) const { return w * scheme->lineScale; }
};

enum CanvasItemType {
  kPartitionItem = QGraphicsItem::UserType + 1,
  kLinkItem,
  kNodeItem,
  kMessageItem,
  kHighlightItem,
  kCountdownItem,
};

class NodeItem;

// A card's running countdowns (timer pills), painted over the card by the card itself but as a child
// item without a cache: they change on every frame while a timer runs, and as part of the card they
// made Qt re-render the whole cached card (text, log panel) and blit it each frame. Not hit: its
// shape is empty, so clicks, hovers and tooltips still find the card.
class CountdownItem : public QGraphicsItem {
 public:
  explicit CountdownItem(NodeItem* card);
  int type() const override { return kCountdownItem; }
  void geometryChanged();  // the card was laid out again
  QRectF boundingRect() const override { return bounds_; }
  QPainterPath shape() const override { return {}; }
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

 private:
  NodeItem* card_;
  QRectF bounds_;
};

// A node as a rounded card: name, role, state badge, txn, locks, blocked mark; its durable log below.
class NodeItem : public QGraphicsItem {
  Q_DECLARE_TR_FUNCTIONS(NodeItem)

 public:
  struct Data {
    QString name, role, stateKey, stateText;
    cs::TxnId txn = 0;
    bool up = true;
    bool blocked = false;
    bool selected = false;
    int crashes = 0;
    QStringList locks;     // "r42" per held resource (with waiters noted)
    QStringList log;       // newest last, already trimmed to what the card shows
    int logHidden = 0;     // older records not shown
    NodeAids aids;         // countdowns of its running timers and, while blocked, why
    // The node view's gauges ("sessions 3/4": capacity > 0) and counters ("janitor rollbacks 1"),
    // one row each under the locks; `label` is already translated.
    struct Gauge {
      QString key, label;
      qint64 value = 0, capacity = 0;
      bool operator==(const Gauge&) const = default;
    };
    QList<Gauge> gauges;
    bool operator==(const Data&) const = default;
  };
  // What a gauge row says: "sessions 3/4", or "janitor rollbacks 1" for a counter.
  static QString gaugeText(const Data::Gauge& g);

  NodeItem(cs::NodeId id, const CanvasStyle* style);
  int type() const override { return kNodeItem; }
  cs::NodeId id() const { return id_; }

  void setData(const Data& d);
  const Data& data() const { return d_; }
  void styleChanged();
  // The aid rows this node needs now (CanvasStyle::aidRows reserves the most of any card).
  // A node that is not blocked shows its countdown in the title row, in place of its role (the
  // tooltip and the details panel still name the role): only a blocked node needs rows.
  int aidRowsNeeded() const {
    return d_.aids.why.isEmpty() ? 0 : static_cast<int>(d_.aids.why.size()) + (d_.aids.timers.isEmpty() ? 0 : 1);
  }
  bool countdownInTitle() const { return d_.up && d_.aids.why.isEmpty() && !d_.aids.timers.isEmpty(); }
  // Where the aids are drawn, in item coordinates (empty when the style reserves no rows).
  QRectF aidRect() const { return aid_; }
  bool dragging() const { return dragging_; }
  // Lesson highlight (drawn by the view's HighlightItem, behind the card).
  void setHighlighted(bool on) { highlighted_ = on; }
  bool highlighted() const { return highlighted_; }
  // A lesson's "timer:NODE" highlight: the countdown pills drawn with the accent outline.
  void setTimersHighlighted(bool on) {
    if (on != timersHighlighted_) countdowns_->update();
    timersHighlighted_ = on;
  }
  bool timersHighlighted() const { return timersHighlighted_; }
  int timerPillsDrawn() const { return timerPillsDrawn_; }  // accent pills painted so far (tests)
  QStringList gaugeTextsDrawn() const { return gaugeTextsDrawn_; }  // the gauge rows last painted (tests)
  int cardPaints() const { return cardPaints_; }  // times the card (into its cache) was painted (tests)
  // The pills' faces are blitted from a patch painted once per text (paintTimers); off, every pill
  // is drawn whole on every paint. The patch's paints so far, for the tests.
  void setCountdownPatchEnabled(bool on) { countdownPatch_.setEnabled(on); }
  int countdownPatchRenders() const { return countdownPatch_.renders(); }
  // The card without the log panel, in item coordinates (links and tokens stop at its edge).
  QRectF cardRect() const { return card_; }
  // The card and its log panel: where a message token appears and disappears.
  QRectF outlineRect() const { return log_.isNull() ? card_ : card_.united(log_); }

  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;
  // The countdown pills alone (CountdownItem paints them over the cached card).
  void paintTimers(QPainter* p);

  // Called by the view whenever a node moves so that links can follow (as in Elastic Nodes).
  std::function<void(NodeItem*)> onMoved;

 protected:
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
  void mousePressEvent(QGraphicsSceneMouseEvent* e) override;
  void mouseReleaseEvent(QGraphicsSceneMouseEvent* e) override;

 private:
  void layout();
  void paintCard(QPainter* p);
  qreal paintTitleRow(QPainter* p, qreal y);  // each returns the top of the next row
  qreal paintStateRow(QPainter* p, qreal y, const QColor& stateColour);
  void paintLockRow(QPainter* p, qreal y);
  void paintGauges(QPainter* p, qreal y);
  qreal gaugeRowHeight() const;  // one gauge row with its gap
  void paintAids(QPainter* p, qreal y);
  // Where the countdown pills go: the title row right of the name, or the aid row under the reasons
  // why the node is blocked; null when none is shown.
  QRectF titleCountdownRow() const;
  QRectF measureTitleCountdownRow() const;
  QRectF aidCountdownRow() const;
  // Pills from the left of `row`; `right`: one pill (and "+N") flush right, for the title row.
  struct CountdownLayout {
    struct Pill {
      qsizetype timer = 0;  // index into the node's timers
      QRectF pill, face, textBox;
      QString text;  // as it fits
    };
    std::vector<Pill> pills;
    QRectF more;     // "+N": the timers without a pill, written left-aligned in this box
    QRectF moreInk;  // where its glyphs are
    QString moreText;
  };
  CountdownLayout layoutCountdowns(QRectF row, bool right) const;
  void paintCountdownFaces(QPainter* p, const CountdownLayout& layout) const;   // bodies, rims, texts
  void paintCountdownWedges(QPainter* p, const CountdownLayout& layout) const;  // the time left
  void paintCountdowns(QPainter* p, const CountdownLayout& layout) const;       // all of it, directly
  void paintLog(QPainter* p);
  // A projector writes a running node's one WAL line beside its "WAL" header (one row, not two).
  bool logHeaderInline() const { return style_->projector && d_.up && d_.log.size() == 1; }

  cs::NodeId id_;
  const CanvasStyle* style_;
  Data d_;
  CountdownItem* countdowns_;
  QRectF card_, log_, aid_;
  bool dragging_ = false;
  bool highlighted_ = false;
  bool timersHighlighted_ = false;
  int timerPillsDrawn_ = 0;
  int cardPaints_ = 0;
  QStringList gaugeTextsDrawn_;
  // The pills' layout for countdownKey_, and their painted faces (generation countdownGeneration_).
  struct CountdownKey {
    QRectF row;
    bool inTitle = false, highlighted = false;
    qsizetype count = 0;
    QStringList texts;
    bool operator==(const CountdownKey&) const = default;
  };
  CountdownKey countdownKey_;
  CountdownLayout countdownLayout_;
  quint64 countdownGeneration_ = 0;
  PatchCache countdownPatch_;
  // titleCountdownRow() as measured for this name and card.
  mutable QString titleRowName_;
  mutable QRectF titleRowCard_, titleRow_;
};

// A link between two nodes: healthy, partitioned or cut (broken with a red X); clickable.
//
// The link itself is painted by the view into its cached static layer (paintStatic()); the item paints
// only while hovered, so 66 long antialiased lines are not redrawn on every frame at 4K.
class LinkItem : public QGraphicsItem {
  Q_DECLARE_TR_FUNCTIONS(LinkItem)

 public:
  struct Data {
    bool cut = false;
    bool partitioned = false;
    bool emphasised = false;  // nodes of different roles talk here (coordinator-participant)
    bool dropArmed = false;
    bool dupArmed = false;
    bool operator==(const Data&) const = default;
  };

  LinkItem(NodeItem* a, NodeItem* b, const CanvasStyle* style);
  int type() const override { return kLinkItem; }
  NodeItem* a() const { return a_; }
  NodeItem* b() const { return b_; }
  void setData(const Data& d);
  const Data& data() const { return d_; }
  void adjust();  // the ends moved
  QLineF line() const { return line_; }
  // Bent around a node in the way (link_routing.hpp): the apex's offset from the straight line.
  void setBend(qreal bend);
  qreal bend() const { return bend_; }
  // The link's centre line as drawn, from a's centre to b's (a straight link is two points).
  QPolygonF curve() const { return curve_; }
  void setHighlighted(bool on) { highlighted_ = on; }
  bool highlighted() const { return highlighted_; }
  // The look of the link without hover, in item (= scene) coordinates.
  void paintStatic(QPainter* p) const;
  // Where the cut mark goes and where a click surely hits the link, in scene coordinates.
  QPointF visibleMid() const;
  // Where a token travelling from `from` leaves and arrives: between the card edges, offset
  // sideways per direction so that opposite messages do not overlap.
  QLineF track(const NodeItem* from) const;
  // Where a token travelling from `from` is at `progress` (0..1), on its lane along the curve.
  QPointF pointOnTrack(const NodeItem* from, qreal progress) const;

  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

 protected:
  void hoverEnterEvent(QGraphicsSceneHoverEvent*) override;
  void hoverLeaveEvent(QGraphicsSceneHoverEvent*) override;

 private:
  NodeItem* a_;
  NodeItem* b_;
  const CanvasStyle* style_;
  Data d_;
  QLineF line_;
  qreal bend_ = 0;
  QPolygonF curve_;
  bool hovered_ = false;
  bool highlighted_ = false;
};

// A message in flight: a shaped token with its type written next to it.
//
// The item only carries the message (hit testing, hover cursor, tooltip, selection); the view paints
// all tokens in one pass from cached sprites (paintToken() renders one sprite).
class MessageItem : public QGraphicsItem {
  Q_DECLARE_TR_FUNCTIONS(MessageItem)

 public:
  struct Data {
    QString key, text;
    bool doomed = false;   // will be lost: fades out and shows a cross near the end
    bool copy = false;     // a network duplicate
    bool selected = false;
    double progress = 0;   // 0 at the sender, 1 at the receiver
    bool operator==(const Data&) const = default;
  };

  MessageItem(quint32 id, const CanvasStyle* style);
  int type() const override { return kMessageItem; }
  quint32 id() const { return id_; }
  void setData(const Data& d);
  const Data& data() const { return d_; }
  void styleChanged();

  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter*, const QStyleOptionGraphicsItem*, QWidget*) override {}
  qreal radius() const;
  // Paints a token of this look centred on the origin (without the fade and the loss cross, which
  // depend on progress and are applied by the caller).
  // Where the label goes: above the token and right of it unless the view chose otherwise (near
  // the right edge of the view, or where that place would cover a card or another label).
  struct LabelSide {
    bool left = false;
    bool below = false;
    bool middle = false;  // level with the token (a token in a narrow gap between two cards)...
    qreal dy = 0;         // ...moved up or down by less than half its height to clear them
  };
  static void paintToken(QPainter* p, const CanvasStyle& style, const QString& key, const QString& label, bool selected,
                         LabelSide side);
  // The label next to the token (the type, and "×2" for a duplicate).
  QString label() const;
  // Where a token's label is written, in item coordinates around the token's centre, on `side`.
  // `textWidth`: the label's advance in `style.token`. The painted backing plate is 2 units wider on
  // each side.
  static QRectF labelRect(const CanvasStyle& style, qreal textWidth, LabelSide side);

 private:
  quint32 id_;
  const CanvasStyle* style_;
  Data d_;
  QRectF bounds_;
};

// One side of a partition: a translucent rounded hull behind that side's nodes, with its label.
// Painted by the view into its cached static layer, under the links (the item has no contents).
class PartitionItem : public QGraphicsItem {
  Q_DECLARE_TR_FUNCTIONS(PartitionItem)

 public:
  PartitionItem(int side, const CanvasStyle* style);
  int type() const override { return kPartitionItem; }
  // `cards` are the scene rectangles of the nodes on this side.
  void setRegion(const QList<QRectF>& cards, const QString& label);
  // Called when the region changes (the view repaints its static layer).
  std::function<void()> onChanged;

  QRectF boundingRect() const override { return path_.boundingRect().adjusted(-4, -40, 4, 4); }
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

 private:
  int side_;
  const CanvasStyle* style_;
  QPainterPath path_;
  QString label_;
  QList<QRectF> cards_;
};

// The lesson highlights: a glow and a thick accent outline around the highlighted node cards and along
// the highlighted links, between the links and the cards. It pulses gently (`phase` 0..1) while set.
class HighlightItem : public QGraphicsItem {
 public:
  explicit HighlightItem(const CanvasStyle* style);
  int type() const override { return kHighlightItem; }
  void setTargets(const QList<const NodeItem*>& nodes, const QList<const LinkItem*>& links);
  void setPhase(qreal phase);
  bool empty() const { return nodes_.isEmpty() && links_.isEmpty(); }
  void geometryChanged();  // a node moved or the style changed

  QRectF boundingRect() const override { return bounds_; }
  void paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) override;

 private:
  const CanvasStyle* style_;
  QList<const NodeItem*> nodes_;
  QList<const LinkItem*> links_;
  qreal phase_ = 0;
  QRectF bounds_;
};
