#include "canvas_view.hpp"

#include "projector_style.hpp"

#include <QApplication>
#include <QContextMenuEvent>
#include <QGraphicsScene>
#include <QMenu>
#include <QMouseEvent>
#include <QPaintEngine>
#include <QPainter>
#include <QPixmapCache>
#include <algorithm>
#include <cmath>
#include <map>

#include "engine_text.hpp"
#include "lab_controller.hpp"
#include "check/invariant.hpp"
#include "link_routing.hpp"
#include "metric_text.hpp"
#include "protocols/registry.hpp"
#include "row_fold.hpp"
#include "view_util.hpp"

namespace {
// The per-node figures the protocol's descriptor puts on the card (MetricSpec::on_card): a gauge
// "Sessions in use 3/4" when it names a capacity, else a counter. A card shows a row only when the
// protocol reports the figure for that node, so other runs look as before.
QList<NodeItem::Data::Gauge> cardGauges(const cs::ProtocolDescriptor* d, const std::vector<cs::Metric>& metrics, cs::NodeId n) {
  const auto find = [&](std::string_view key) -> const cs::Metric* {
    for (const cs::Metric& m : metrics)
      if (m.node == n && m.key == key) return &m;
    return nullptr;
  };
  QList<NodeItem::Data::Gauge> out;
  if (!d) return out;
  for (const cs::MetricSpec& g : d->metrics) {
    if (!g.on_card) continue;
    const cs::Metric* value = find(g.key);
    if (!value) continue;
    const cs::Metric* capacity = g.capacity.empty() ? nullptr : find(g.capacity);
    out.append({QString::fromUtf8(g.key.data(), static_cast<qsizetype>(g.key.size())), MetricText::name(g.key),
                value->value, capacity ? capacity->value : 0});
  }
  return out;
}


constexpr int kLogLinesUp = 3;    // a running node's WAL, compactly
constexpr int kLogLinesDown = 6;  // a crashed node: its log is all that is left, so show more
// On a projector a running node's WAL is its latest record beside the "WAL" header: every row a card
// loses lets the view draw all the cards larger.
constexpr int kLogLinesUpProjector = 1;
constexpr int kLogLinesDownProjector = 4;

// `keyOnly`: a projector's card is narrow and its WAL row short, so a record is written by its key
// ("READY", not "READY（就緒）"), as the state chip above it already glosses the state.
QString logLine(const cs::ProtocolInfo& info, const cs::LogRecord& r, bool keyOnly) {
  QString name = EngineText::logRecordAt(info, r.type);
  if (keyOnly) name = CanvasStyle::splitGloss(name).first;
  QString line = QStringLiteral("%1  %2").arg(viewutil::ms(r.time), 6).arg(name);
  if (r.txn != 0) line += QStringLiteral(" t%1").arg(r.txn);
  if (r.value != 0) line += QStringLiteral(" ·%1").arg(r.value);
  return line;
}

}  // namespace

CanvasView::CanvasView(LabController* controller, QWidget* parent) : QGraphicsView(parent), controller_(controller) {
  setScene(new QGraphicsScene(this));
  // Items move every frame while playing; indexing them would cost more than it saves.
  scene()->setItemIndexMethod(QGraphicsScene::NoIndex);
  // No SmoothPixmapTransform: nothing here draws a pixmap scaled or rotated (cards, tokens and the
  // legend are cached at device resolution and blitted one to one, where bilinear sampling changes no
  // pixel), and in Qt 6.4 the hint alone turns every blit of a translucent pixmap away from the
  // rectangle blend into span-by-span blending, which hands any blit taller than ~96 rows to Qt's
  // GUI thread pool and waits for it (about 45 % of a 4K projector canvas frame; docs/benchmarks.md).
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setViewportUpdateMode(QGraphicsView::FullViewportUpdate);
  // drawBackground() covers every pixel: no need for Qt to clear the viewport first (a 4K fill).
  viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
  // Node cards are cached as device pixmaps in QPixmapCache; at 4K on a projector a dozen cards
  // outgrow its 10 MB default and would be evicted and repainted on every frame.
  if (QPixmapCache::cacheLimit() < 96 * 1024) QPixmapCache::setCacheLimit(96 * 1024);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setFrameShape(QFrame::NoFrame);
  setTransformationAnchor(QGraphicsView::NoAnchor);
  setResizeAnchor(QGraphicsView::NoAnchor);
  setMouseTracking(true);
  setMinimumSize(320, 240);
  setAccessibleName(tr("Topology canvas"));
  style_.setProjector(false, font());
  banner_ = new InvariantBanner(this);
  connect(banner_, &InvariantBanner::dismissed, this, [this] {
    for (const auto& inv : controller_->simulation().invariants())
      if (!inv->held()) {
        dismissedViolation_ = QStringLiteral("%1@%2").arg(QString::fromStdString(inv->key())).arg(inv->first_violation().time);
        break;
      }
    setBannerReserve(0);
  });
  toast_ = new CanvasToast(this);
  connect(toast_, &CanvasToast::undoRequested, this, [this] {
    // Only while the cut is still the last thing done: Undo must not undo something else.
    if (controller_->undoStack()->index() == toastUndoIndex_) controller_->undoStack()->undo();
  });

  connect(controller_, &LabController::scenarioChanged, this, &CanvasView::rebuild);
  connect(controller_, &LabController::runChanged, this, &CanvasView::refresh);
  connect(controller_, &LabController::selectionChanged, this, &CanvasView::refresh);
  connect(controller_, &LabController::nodeMoved, this, &CanvasView::refresh);
  pulse_.setInterval(40);
  connect(&pulse_, &QTimer::timeout, this, [this] {
    if (highlight_) highlight_->setPhase(static_cast<qreal>(pulseClock_.elapsed() % 1600) / 1600.0);
  });
  rebuild();
}

CanvasView::~CanvasView() = default;

// ---------------------------------------------------------------------------------------------
// Items

NodeItem* CanvasView::nodeItem(cs::NodeId node) const {
  if (node < 0 || static_cast<std::size_t>(node) >= nodes_.size()) return nullptr;
  return nodes_[static_cast<std::size_t>(node)];
}

LinkItem* CanvasView::linkItem(cs::NodeId a, cs::NodeId b) const {
  for (LinkItem* l : links_)
    if ((l->a()->id() == a && l->b()->id() == b) || (l->a()->id() == b && l->b()->id() == a)) return l;
  return nullptr;
}

QList<MessageItem*> CanvasView::messageItems() const { return messages_.values(); }

void CanvasView::updateCardWidth() {
  // Wide enough for the longest name + role and the longest state badge + txn number, so that
  // every card has the same width and nothing jumps when a state changes.
  const qreal f = style_.space;
  const QFontMetricsF name(style_.name), role(style_.role), badge(style_.badge);
  qreal row1 = 0, row2 = 0;
  const auto& sim = controller_->sim();
  for (const auto& n : sim.nodes())
    row1 = std::max(row1, name.horizontalAdvance(QString::fromStdString(n.name)) + 8 * f +
                              role.horizontalAdvance(EngineText::role(n.role)));
  // A projector card writes BLOCKED beside the name and a lock count beside the state.
  const qreal blocked = style_.projector ? badge.horizontalAdvance(NodeItem::tr("BLOCKED")) + 14 * f : 0;
  const qreal lockCount = style_.projector ? role.horizontalAdvance(QStringLiteral("99")) + role.height() + 12 * f : 0;
  for (const auto& n : sim.nodes())
    row1 = std::max(row1, name.horizontalAdvance(QString::fromStdString(n.name)) + 8 * f + blocked);
  qreal row2Stacked = 0;
  glossPossible_ = false;
  const qreal txnNote = 16 * f + 8 * f + role.horizontalAdvance(tr("txn %1").arg(style_.projector ? 999 : 9999)) + lockCount;
  for (const auto& s : controller_->info().states) {
    const QString text = EngineText::state(s);
    const auto [key, gloss] = CanvasStyle::splitGloss(text);
    glossPossible_ = glossPossible_ || (style_.projector && !gloss.isEmpty());
    row2 = std::max(row2, badge.horizontalAdvance(text) + txnNote);
    row2Stacked = std::max(row2Stacked, std::max(badge.horizontalAdvance(key), role.horizontalAdvance(gloss)) + txnNote);
  }
  // The crashed card's WAL header ("WAL — survives the crash") is the lesson of a crash: never cut.
  const qreal wal = QFontMetricsF(style_.mono).horizontalAdvance(NodeItem::tr("WAL — survives the crash")) + 30 * f;
  const auto width = [&](qreal states) { return std::max({row1, states, 170 * f, wal - 2 * 10 * f}) + 2 * 10 * f + 4 * f; };
  cardWidthInline_ = width(row2);
  cardWidthStacked_ = width(row2Stacked);
  if (!glossPossible_) style_.glossBelow = false;
  style_.cardWidth = style_.glossBelow ? cardWidthStacked_ : cardWidthInline_;
}

void CanvasView::setGlossBelow(bool below) {
  style_.glossBelow = below && glossPossible_;
  style_.cardWidth = style_.glossBelow ? cardWidthStacked_ : cardWidthInline_;
  for (NodeItem* n : nodes_) n->styleChanged();
  invalidateStatic();
}

void CanvasView::rebuild() {
  scene()->clear();  // deletes every item
  nodes_.clear();
  links_.clear();
  sides_.clear();
  messages_.clear();
  pressItem_ = nullptr;
  highlight_ = nullptr;
  layoutPos_.clear();  // a new scenario: its own layout, folded again only if it needs it
  arranged_ = false;
  invalidateStatic();
  updateCardWidth();

  const auto& sim = controller_->sim();
  const auto count = static_cast<cs::NodeId>(sim.nodes().size());
  style_.aidRows = 0;  // a new scenario: no aid rows until a card needs one
  dismissedViolation_.clear();
  bannerReserve_ = 0;  // the new scenario's fit below starts without a banner's strip
  toast_->hide();
  for (cs::NodeId n = 0; n < count; ++n) {
    auto* item = new NodeItem(n, &style_);
    item->setPos(toScene(layoutPosition(n)));
    scene()->addItem(item);
    nodes_.push_back(item);
  }
  for (cs::NodeId a = 0; a < count; ++a)
    for (cs::NodeId b = a + 1; b < count; ++b) {
      auto* link = new LinkItem(nodes_[static_cast<std::size_t>(a)], nodes_[static_cast<std::size_t>(b)], &style_);
      scene()->addItem(link);
      links_.push_back(link);
    }
  highlight_ = new HighlightItem(&style_);
  scene()->addItem(highlight_);
  for (NodeItem* item : nodes_)
    item->onMoved = [this](NodeItem* moved) {
      for (LinkItem* l : links_)
        if (l->a() == moved || l->b() == moved) l->adjust();
      routeLinks();  // a moved card can stand in another link's way, or step out of it
      invalidateStatic();
      if (highlight_ && (moved->highlighted() || !highlight_->empty())) highlight_->geometryChanged();
      if (moved->dragging()) {
        refreshMessages();
        refreshPartitions();
      }
    };
  applyHighlights();
  refresh();
  fit();
}

void CanvasView::refresh() {
  if (nodes_.size() != controller_->sim().nodes().size()) return rebuild();
  refreshNodes();
  refreshLinks();
  refreshPartitions();
  refreshMessages();
  refreshBanner();
  // A crash lengthens a card's log, a partition adds a region: keep everything in view. The zoom
  // only ever shrinks during a run (cards that grew and shrank back would make it pump); at a run's
  // start (a new run, a restart with other parameters, a rewind to 0) the cards are as small as they
  // get, and the fit is made again so that they are as large as when the run was first shown.
  const QRectF content = contentRect();
  if (!fittedContent_.isEmpty()) {
    const bool outgrown = !fittedContent_.adjusted(-2, -2, 2, 2).contains(content);
    const bool shrunkAtStart = controller_->eventIndex() == 0 &&
                               (content.width() < fittedContent_.width() - 2 || content.height() < fittedContent_.height() - 2);
    if (outgrown || shrunkAtStart) fit();
  }
  viewport()->update();
}

void CanvasView::refreshNodes() {
  const auto& sim = controller_->sim();
  const auto& info = controller_->info();
  const cs::ProtocolEntry* entry = cs::find_protocol(controller_->scenario().protocol);
  const cs::ProtocolDescriptor* descriptor = entry ? &entry->descriptor() : nullptr;
  bool reshaped = false;
  int aidRows = style_.aidRows;
  const std::vector<cs::Metric> metrics = controller_->simulation().protocol().metrics();
  for (NodeItem* item : nodes_) {
    const QRectF outline = item->outlineRect();
    const cs::NodeId n = item->id();
    const cs::NodeState& ns = sim.nodes()[static_cast<std::size_t>(n)];
    const cs::NodeView v = sim.node_view(n);
    NodeItem::Data d;
    d.name = QString::fromStdString(ns.name);
    d.role = EngineText::role(ns.role);
    d.stateKey = viewutil::key(info.states, v.state);
    d.stateText = EngineText::state(d.stateKey.toStdString());
    d.txn = v.txn;
    d.up = ns.up;
    d.blocked = v.blocked;
    d.crashes = static_cast<int>(ns.crashes);
    d.selected = controller_->selectedNode() == n;
    for (const cs::LockView& l : v.locks) {
      QString lock = QStringLiteral("r%1").arg(l.resource);
      if (!l.waiters.empty()) lock += QStringLiteral("(+%1)").arg(l.waiters.size());
      d.locks << lock;
    }
    d.gauges = cardGauges(descriptor, metrics, n);
    const int keep = style_.projector ? (ns.up ? kLogLinesUpProjector : kLogLinesDownProjector) : ns.up ? kLogLinesUp : kLogLinesDown;
    const auto size = static_cast<int>(ns.log.size());
    for (int i = std::max(0, size - keep); i < size; ++i) d.log << logLine(info, ns.log[static_cast<std::size_t>(i)], style_.projector);
    d.logHidden = std::max(0, size - keep);
    d.aids = NodeAids::of(sim, descriptor, n, &countdownWords_);
    item->setData(d);
    aidRows = std::max(aidRows, item->aidRowsNeeded());
    reshaped = reshaped || item->outlineRect() != outline;
    QString tip = tr("%1 (%2): %3. Click to select, drag to move, right-click to crash or restart.")
                      .arg(d.name, d.role, d.up ? d.stateText : tr("down"));
    for (const QString& why : std::as_const(d.aids.why)) tip += QStringLiteral("\n") + why;
    for (const NodeItem::Data::Gauge& g : std::as_const(d.gauges)) tip += QStringLiteral("\n") + NodeItem::gaugeText(g);
    for (const NodeAids::Countdown& c : std::as_const(d.aids.timers)) tip += QStringLiteral("\n") + c.text;
    item->setToolTip(tip);
    if (!item->dragging()) {
      const QPointF pos = toScene(layoutPosition(n));
      if (item->pos() != pos) item->setPos(pos);
    }
  }
  if (aidRows != style_.aidRows) {  // every card keeps the rows the busiest one needs
    style_.aidRows = aidRows;
    for (NodeItem* item : nodes_) item->styleChanged();
    reshaped = true;
  }
  if (reshaped) routeLinks();  // a WAL box or an aid area grew or shrank
}

void CanvasView::refreshBanner() {
  const cs::Invariant* broken = nullptr;
  for (const auto& inv : controller_->simulation().invariants())
    if (!inv->held()) {
      broken = inv.get();
      break;
    }
  if (!broken) {
    dismissedViolation_.clear();  // rewound before it: a new violation shows again
    banner_->hide();
    setBannerReserve(0);
    return;
  }
  const cs::Time at = broken->first_violation().time;
  if (dismissedViolation_ == QStringLiteral("%1@%2").arg(QString::fromStdString(broken->key())).arg(at)) {
    banner_->hide();
    setBannerReserve(0);
    return;
  }
  banner_->setViolation(EngineText::invariant(broken->key()), EngineText::invariantDescription(broken->key()), viewutil::ms(at));
  banner_->setVisible(true);
  placeOverlays();
  banner_->raise();
}

void CanvasView::placeOverlays() {
  const qreal f = style_.scheme->fontScale;
  const int top = style_.projector ? qRound(QFontMetricsF(clockFont()).height() + 14) : qRound(34 * f);
  if (banner_->isVisible()) placeBanner(top, qRound(12 * f));
  if (toast_->isVisible()) toast_->place(height() - qRound(12 * f) - qRound(style_.projector ? 0 : legendHeight_), width() - 40);
}

// A banner over the nodes hides the very states it is about (lesson 04's replicas sat under it): of
// the top, the middle and the bottom of the canvas it goes where it covers the least card area (the
// top when that covers none; a card the lesson highlights weighs ten times), and when every place
// covers a card it shrinks to one line first.
void CanvasView::placeBanner(int top, int bottomMargin) {
  if (bannerReserve_ > 0) {  // the strip below the clock is the banner's: one small line there
    banner_->setCompact(true);
    banner_->place(top, width() - 40, true);
    return;
  }
  const auto bestPlace = [&](qint64* cover) {
    banner_->place(top, width() - 40);
    const QRect atTop = banner_->geometry();
    QRect best = atTop;
    *cover = cardCover(atTop);
    for (const int y : {(height() - atTop.height()) / 2, height() - bottomMargin - atTop.height()}) {
      const QRect r = atTop.translated(0, y - atTop.top());
      const qint64 c = cardCover(r);
      if (y > top && c < *cover) {
        best = r;
        *cover = c;
      }
    }
    return best;
  };
  banner_->setCompact(false);
  qint64 cover = 0;
  QRect best = bestPlace(&cover);
  if (cover > 0) {
    banner_->setCompact(true);
    best = bestPlace(&cover);
  }
  // Still on a card (ten nodes on a 1280x720 projector leave no free row): the cards give up a strip
  // under the clock for a smaller one-line banner, so the rows it sat on (lesson 03's K1 and R1) stay
  // readable. The strip lasts while the banner shows (a resize measures it again).
  if (cover > 0) {
    banner_->place(top, width() - 40, true);
    setBannerReserve(static_cast<int>(std::ceil(top + banner_->height() + 4 - frameTop())));
    return;
  }
  banner_->move(best.topLeft());
}

void CanvasView::setBannerReserve(int height) {
  if (height == bannerReserve_) return;
  bannerReserve_ = height;
  fit();
}

// Pixels of node cards under `r` (in this widget's coordinates).
qint64 CanvasView::cardCover(const QRect& r) const {
  qint64 area = 0;
  for (cs::NodeId n = 0; n < static_cast<cs::NodeId>(nodes_.size()); ++n) {
    const NodeItem* item = nodeItem(n);
    if (!item || !item->isVisible()) continue;
    const QRect card = mapFromScene(item->sceneBoundingRect()).boundingRect().translated(viewport()->pos());
    const QRect overlap = card.intersected(r);
    // A card the lesson points at is what the learner must see and click: covering it costs ten times.
    if (!overlap.isEmpty()) area += qint64(overlap.width()) * overlap.height() * (item->highlighted() ? 10 : 1);
  }
  return area;
}

void CanvasView::refreshLinks() {
  const auto& sim = controller_->sim();
  const cs::Network& net = sim.network();
  for (LinkItem* link : links_) {
    const cs::NodeId a = link->a()->id(), b = link->b()->id();
    LinkItem::Data d;
    d.cut = net.is_cut(a, b);
    d.partitioned = net.partitioned(a, b);
    d.emphasised = sim.nodes()[static_cast<std::size_t>(a)].role != sim.nodes()[static_cast<std::size_t>(b)].role;
    d.dropArmed = net.drop_next_armed(a, b);
    d.dupArmed = net.duplicate_next_armed(a, b);
    if (d != link->data()) {
      invalidateStatic();
      const QString an = link->a()->data().name, bn = link->b()->data().name;
      link->setToolTip(d.cut ? tr("Link %1 – %2 is cut. Double-click to heal it.").arg(an, bn)
                             : tr("Link %1 – %2. Double-click to cut it; right-click for more faults.").arg(an, bn));
    }
    link->setData(d);
  }
}

void CanvasView::refreshPartitions() {
  const cs::Network& net = controller_->sim().network();
  std::map<int, QList<QRectF>> sides;
  if (net.has_partition())
    for (NodeItem* item : nodes_) sides[net.side(item->id())] << item->mapRectToScene(item->cardRect());
  std::size_t i = 0;
  for (const auto& [side, cards] : sides) {
    if (i == sides_.size()) {
      auto* item = new PartitionItem(static_cast<int>(i), &style_);
      item->onChanged = [this] { invalidateStatic(); };
      scene()->addItem(item);
      sides_.push_back(item);
    }
    sides_[i]->setRegion(cards, tr("Side %1").arg(QChar(u'A' + static_cast<char16_t>(i))));
    if (!sides_[i]->isVisible()) invalidateStatic();
    sides_[i]->setVisible(true);
    ++i;
  }
  for (; i < sides_.size(); ++i) {
    if (sides_[i]->isVisible()) invalidateStatic();
    sides_[i]->setVisible(false);
  }
}

void CanvasView::placeMessage(MessageItem* item, const cs::Message& m) {
  const auto& sim = controller_->sim();
  const cs::Time now = controller_->now();
  const double span = static_cast<double>(std::max<cs::Time>(1, m.deliver_at - m.sent_at));
  const double progress = std::clamp(static_cast<double>(now - m.sent_at) / span, 0.0, 1.0);
  MessageItem::Data d;
  d.key = viewutil::key(controller_->info().messages, m.type);
  d.text = EngineText::message(d.key.toStdString());
  // On a projector a token's label is the protocol's name only ("VOTE_COMMIT", not "VOTE_COMMIT（投票
  // 提交）"): the legend already says what the kind means in the room's language, and a label half as
  // long collides with fewer cards and other labels.
  if (style_.projector) d.text = CanvasStyle::splitGloss(d.text).first;
  // Lost for sure: decided at send time, or its link was cut or partitioned while it flew.
  d.doomed = m.doomed != cs::DropReason::None || sim.network().epoch(m.from, m.to) != m.link_epoch;
  d.copy = m.copy_of != 0;
  d.selected = controller_->selectedMessage() == m.id;
  d.progress = progress;
  item->setData(d);
  item->setZValue(d.selected ? 22 : 20);
  const NodeItem* from = nodeItem(m.from);
  const LinkItem* link = linkItem(m.from, m.to);
  if (link && from) item->setPos(link->pointOnTrack(from, progress));
  else if (from) item->setPos(from->pos());
}

void CanvasView::refreshMessages() {
  const auto& sim = controller_->sim();
  QHash<quint32, MessageItem*> next;
  for (std::uint32_t id : sim.in_flight()) {
    const cs::Message& m = sim.message(id);
    MessageItem* item = messages_.take(id);
    if (!item) {
      item = new MessageItem(id, &style_);
      scene()->addItem(item);
      const QString key = viewutil::key(controller_->info().messages, m.type);
      QString tip = tr("<b>%1</b> · txn %2<br>%3 → %4<br>sent %5 ms, arrives %6 ms<br>payload a = %7, b = %8")
                        .arg(EngineText::message(key.toStdString()))
                        .arg(m.txn)
                        .arg(viewutil::nodeName(sim, m.from), viewutil::nodeName(sim, m.to), viewutil::ms(m.sent_at),
                             viewutil::ms(m.deliver_at))
                        .arg(m.a)
                        .arg(m.b);
      if (m.copy_of != 0) tip += QStringLiteral("<br>") + tr("network duplicate of message #%1").arg(m.copy_of - 1);
      if (m.doomed != cs::DropReason::None)
        tip += QStringLiteral("<br><span style='color:#c00'>%1</span>").arg(tr("will be lost: %1").arg(EngineText::dropReason(m.doomed)));
      item->setToolTip(tip);
    }
    placeMessage(item, m);
    next.insert(id, item);
  }
  qDeleteAll(messages_);  // arrived or dropped since the last refresh
  messages_ = std::move(next);
}

// ---------------------------------------------------------------------------------------------
// Projector mode and fitting

double CanvasView::projectorFactor() { return projector::factor(); }

void CanvasView::setProjectorMode(bool on) {
  style_.setProjector(on, font(), pane_);
  banner_->setProjector(on);
  toast_->setProjector(on);
  updateCardWidth();
  for (NodeItem* n : nodes_) n->styleChanged();
  for (MessageItem* m : std::as_const(messages_)) m->styleChanged();
  for (LinkItem* l : links_) l->adjust();
  for (PartitionItem* s : sides_) s->setRegion({}, {});  // forces a new outline at the new size
  sprites_.clear();
  dotTile_ = QPixmap();
  invalidateStatic();
  if (highlight_) highlight_->geometryChanged();
  refresh();
  fit();
}

void CanvasView::changeEvent(QEvent* e) {
  QGraphicsView::changeEvent(e);
  if (e->type() == QEvent::LanguageChange) {
    toast_->hide();  // its words were of the old language
    countdownWords_.clear();
    updateCardWidth();
    for (NodeItem* n : nodes_) n->styleChanged();
    for (MessageItem* m : std::as_const(messages_)) delete m;
    messages_.clear();  // tooltips are rebuilt in the new language
    sprites_.clear();
    invalidateStatic();
    refresh();
    fit();
  }
}

QRectF CanvasView::contentRect() const {
  QRectF r;
  for (NodeItem* n : nodes_) r = r.united(n->sceneBoundingRect());
  for (PartitionItem* s : sides_)
    if (s->isVisible()) r = r.united(s->sceneBoundingRect());
  return r;
}

QPointF CanvasView::layoutPosition(cs::NodeId node) const {
  const auto i = static_cast<std::size_t>(node);
  return i < layoutPos_.size() ? layoutPos_[i] : controller_->nodePosition(node);
}

CanvasView::Stretch CanvasView::bestStretch(const std::vector<QPointF>& centres, qreal availW, qreal availH) const {
  const qreal k = style_.projector ? 0.95 : 1.15;
  QRectF bounds;  // node centres in layout units
  for (const QPointF& p : centres)
    bounds = bounds.isNull() ? QRectF(p, QSizeF(0.001, 0.001)) : bounds.united(QRectF(p, QSizeF(0.001, 0.001)));
  const qreal extraW = style_.cardWidth;
  qreal extraH = 0;
  for (NodeItem* n : nodes_) extraH = std::max(extraH, n->boundingRect().height());
  // Cards never overlap: projector cards are wider (larger font) than the layout's spacing was made
  // for. Two cards overlap when they are too close both across and down; the smallest uniform
  // stretch that separates every pair keeps the layout's shape, and fit() zooms it into the view.
  constexpr qreal kGap = 16;
  const auto separate = [&](qreal sx, qreal sy) {
    qreal grow = 1.0;
    for (std::size_t i = 0; i < centres.size(); ++i)
      for (std::size_t j = i + 1; j < centres.size(); ++j) {
        const qreal dx = std::abs(centres[i].x() - centres[j].x()) * sx;
        const qreal dy = std::abs(centres[i].y() - centres[j].y()) * sy;
        const qreal across = dx > 0.5 ? (style_.cardWidth + kGap) / dx : 1e9;
        const qreal down = dy > 0.5 ? (extraH + kGap) / dy : 1e9;
        grow = std::max(grow, std::min({across, down, 4.0}));
      }
    return grow;
  };
  // The layout is stretched across to match the pane's shape; in a wide, low pane (the canvas
  // above the space-time diagram) it may also be squashed down, as far as the cards allow: a
  // circle of six nodes would otherwise be sized by its height and its cards drawn tiny.
  Stretch best;
  for (const qreal squash : {1.0, 0.85, 0.7, 0.55, 0.4}) {
    qreal sy = k * squash, sx = k;
    if (bounds.width() > 1 && availH > 0) {
      const qreal want = (availW / availH * (bounds.height() * sy + extraH) - extraW) / bounds.width();
      sx = std::clamp(want, k * 0.8, k * 2.2);
    }
    const qreal grow = separate(sx, sy);
    sx *= grow;
    sy *= grow;
    const qreal w = bounds.width() * sx + extraW, h = bounds.height() * sy + extraH;
    // Cards at their natural size or larger are large enough: no flattening for more than that
    // (a full-screen 4K canvas would only pay for bigger cards in painting time).
    const qreal zoom = std::min({availW / w, availH / h, 1.0});
    if (zoom > best.zoom * 1.03) best = {zoom, sx, sy};  // a flatter layout only for a clearly larger card
  }
  return best;
}

void CanvasView::chooseStretch(qreal availW, qreal availH) {
  std::vector<QPointF> centres;
  for (NodeItem* n : nodes_) centres.push_back(controller_->nodePosition(n->id()));
  Stretch chosen = bestStretch(centres, availW, availH);
  folded_ = false;
  // A long row too wide for the pane is shown as two rows when that makes the cards clearly larger
  // (see row_fold.hpp); not once the learner has arranged the nodes by hand in this view.
  if (!arranged_) {
    qreal extraH = 0;
    for (NodeItem* n : nodes_) extraH = std::max(extraH, n->boundingRect().height());
    const auto fold = rowfold::foldLongestRow(centres, (extraH + 60) / (style_.cardWidth + 16));
    if (!fold.empty()) {
      std::vector<QPointF> foldedCentres = centres;
      for (std::size_t i = 0; i < fold.size(); ++i)
        if (fold[i]) foldedCentres[i] = *fold[i];
      const Stretch f = bestStretch(foldedCentres, availW, availH);
      if (f.zoom > chosen.zoom * 1.2) {
        chosen = f;
        centres = std::move(foldedCentres);
        folded_ = true;
      }
    }
  }
  layoutPos_ = std::move(centres);
  sx_ = chosen.sx;
  sy_ = chosen.sy;
  for (NodeItem* n : nodes_)
    if (!n->dragging()) n->setPos(toScene(layoutPosition(n->id())));
  routeLinks();
  refreshPartitions();
  refreshMessages();
}

// Every link whose visible stretch would pass behind another node's card or WAL box is bent around it.
void CanvasView::routeLinks() {
  const qreal f = style_.scheme->fontScale;
  const qreal clearance = 8 * f;
  QList<QRectF> outlines;
  for (NodeItem* n : nodes_) outlines << n->outlineRect().translated(n->pos());
  bool changed = false;
  for (LinkItem* l : links_) {
    QList<QRectF> others;
    for (NodeItem* n : nodes_)
      if (n != l->a() && n != l->b()) others << outlines[n->id()].adjusted(-clearance, -clearance, clearance, clearance);
    const qreal bend = linkroute::chooseBend(l->a()->pos(), l->b()->pos(), outlines[l->a()->id()], outlines[l->b()->id()],
                                             others, 12 * f);
    changed = changed || bend != l->bend();
    l->setBend(bend);
  }
  if (changed) invalidateStatic();
}

// The hint and clock overlay; on a projector the legend shares the clock's row.
qreal CanvasView::frameTop() const {
  return pane_ ? 0 : style_.projector ? std::max(QFontMetricsF(clockFont()).height() + 10, legendReserve() + 4) : 34;
}

void CanvasView::fit() {
  if (nodes_.empty() || viewport()->width() < 10) return;
  // On a projector the clock's row and a thin margin are all the frame the cards need; a pane's
  // frame is the panel around it.
  const qreal margin = pane_ && style_.projector ? 6 : style_.projector ? 12 * style_.space : 24;
  // A banner that found no free place keeps a strip of its own below them (placeBanner()).
  const qreal top = frameTop() + bannerReserve_;
  legendHeight_ = style_.projector || pane_ ? 0 : legendReserve();
  const qreal availW = viewport()->width() - 2 * margin;
  const qreal availH = viewport()->height() - legendHeight_ - top - 2 * margin;
  if (availW <= 0 || availH <= 0) return;
  const auto fittedScale = [&] {
    chooseStretch(availW, availH);
    const QRectF c = contentRect();
    return c.isEmpty() ? 0.0 : std::min(availW / c.width(), availH / c.height());
  };
  const qreal current = fittedScale();
  // A projector's gloss goes under the state's key when that draws the cards larger: it narrows a
  // card (by a third for 3PC in zh-TW) but makes it taller, which a pane short of height does not want.
  if (glossPossible_) {
    const bool was = style_.glossBelow;
    setGlossBelow(!was);
    if (fittedScale() <= current) {
      setGlossBelow(was);
      chooseStretch(availW, availH);
    }
  }
  const QRectF content = contentRect();
  if (content.isEmpty()) return;
  fittedContent_ = content;
  const qreal s = std::clamp(std::min(availW / content.width(), availH / content.height()), 0.15, 2.5);
  // A scene rectangle much larger than the content lets centerOn() place it anywhere.
  setSceneRect(content.adjusted(-content.width() * 4 - 2000, -content.height() * 4 - 2000, content.width() * 4 + 2000,
                                content.height() * 4 + 2000));
  setTransform(QTransform::fromScale(s, s));
  centerOn(content.center() + QPointF(0, (legendHeight_ - top) / (2 * s)));
}

void CanvasView::setPaneMode(bool on) {
  if (on == pane_) return;
  pane_ = on;
  setProjectorMode(style_.projector);  // a pane's fonts (CanvasStyle::setProjector), then fit()
  viewport()->update();
}

void CanvasView::resizeEvent(QResizeEvent* e) {
  QGraphicsView::resizeEvent(e);
  bannerReserve_ = 0;  // placeOverlays() below measures the banner's strip again at this size
  fit();
  placeOverlays();
}

// ---------------------------------------------------------------------------------------------
// Interaction

QGraphicsItem* CanvasView::interactiveItemAt(QPoint viewPos) const {
  for (QGraphicsItem* item : items(viewPos))  // topmost first
    if (item->type() == kMessageItem || item->type() == kNodeItem || item->type() == kLinkItem) return item;
  return nullptr;
}

void CanvasView::inject(const cs::FaultAction& action) {
  if (controller_->canInject(action)) controller_->injectFault(action);
}

void CanvasView::mousePressEvent(QMouseEvent* e) {
  pressPos_ = e->pos();
  pressItem_ = interactiveItemAt(e->pos());
  if (e->button() == Qt::LeftButton && (e->modifiers() & Qt::ShiftModifier) &&
      (!pressItem_ || pressItem_->type() == kLinkItem)) {
    lassoActive_ = true;
    lasso_ = QPolygonF{mapToScene(e->pos())};
    setCursor(Qt::CrossCursor);
    e->accept();
    return;
  }
  QGraphicsView::mousePressEvent(e);
  // Links and tokens act on release (a click, not a drag): keep the press so the release comes here.
  if (pressItem_) e->accept();
}

void CanvasView::mouseMoveEvent(QMouseEvent* e) {
  if (lassoActive_) {
    lasso_ << mapToScene(e->pos());
    viewport()->update();
    return;
  }
  QGraphicsView::mouseMoveEvent(e);
}

void CanvasView::mouseReleaseEvent(QMouseEvent* e) {
  if (lassoActive_) {
    lassoActive_ = false;
    unsetCursor();
    finishLasso();
    viewport()->update();
    return;
  }
  QGraphicsView::mouseReleaseEvent(e);
  QGraphicsItem* item = pressItem_;
  pressItem_ = nullptr;
  if (!item || e->button() != Qt::LeftButton) return;
  const bool click = (e->pos() - pressPos_).manhattanLength() < QApplication::startDragDistance();
  switch (item->type()) {
    case kNodeItem: {
      auto* node = static_cast<NodeItem*>(item);
      if (click) {
        controller_->selectNode(node->id());
      } else {
        // A folded row becomes the learner's own layout: every card stays where it is shown.
        if (folded_)
          for (NodeItem* other : nodes_)
            if (other != node) controller_->setNodePosition(other->id(), toLayout(other->pos()));
        arranged_ = true;
        controller_->setNodePosition(node->id(), toLayout(node->pos()));
        if (!viewport()->rect().contains(mapFromScene(contentRect()).boundingRect())) fit();
      }
      break;
    }
    case kLinkItem: break;  // a single click does nothing: cutting takes a double-click

    case kMessageItem:
      if (click) controller_->selectMessage(static_cast<MessageItem*>(item)->id());
      break;
    default: break;
  }
}

void CanvasView::mouseDoubleClickEvent(QMouseEvent* e) {
  QGraphicsItem* item = e->button() == Qt::LeftButton ? interactiveItemAt(e->pos()) : nullptr;
  if (item && item->type() == kLinkItem) {
    pressItem_ = nullptr;
    toggleLink(static_cast<LinkItem*>(item));
    e->accept();
    return;
  }
  QGraphicsView::mouseDoubleClickEvent(e);
}

void CanvasView::toggleLink(LinkItem* link) {
  const bool cut = !link->data().cut;
  cs::FaultAction a;
  a.kind = cut ? cs::FaultKind::Cut : cs::FaultKind::Heal;
  a.a = link->a()->id();
  a.b = link->b()->id();
  if (!controller_->canInject(a)) return;
  const QString an = link->a()->data().name, bn = link->b()->data().name;  // `link` may be rebuilt below
  controller_->injectFault(a);
  if (!cut) return;
  toastUndoIndex_ = controller_->undoStack()->index();
  toast_->showMessage(tr("Link %1 – %2 cut").arg(an, bn));
  placeOverlays();
}

void CanvasView::finishLasso() {
  if (lasso_.size() < 3) return;
  std::vector<cs::NodeId> inside;
  for (NodeItem* n : nodes_)
    if (lasso_.containsPoint(n->pos(), Qt::OddEvenFill)) inside.push_back(n->id());
  lasso_.clear();
  if (inside.empty() || inside.size() == nodes_.size()) return;  // a partition needs two sides
  cs::FaultAction a;
  a.kind = cs::FaultKind::Partition;
  a.groups = {inside};  // every node not listed forms the other side
  inject(a);
}

void CanvasView::addFaultAction(QMenu* menu, const QString& text, const cs::FaultAction& action) {
  QAction* act = menu->addAction(text);
  act->setData(static_cast<int>(action.kind));
  act->setEnabled(controller_->canInject(action));
  connect(act, &QAction::triggered, this, [this, action] { inject(action); });
}

QMenu* CanvasView::createNodeMenu(cs::NodeId node, QWidget* parent) {
  auto* menu = new QMenu(parent);
  const auto& sim = controller_->sim();
  const QString name = viewutil::nodeName(sim, node);
  menu->addSection(name);
  addFaultAction(menu, tr("Crash %1").arg(name), cs::FaultAction{cs::FaultKind::Crash, node, cs::kNoNode, {}, {}});
  addFaultAction(menu, tr("Restart %1").arg(name), cs::FaultAction{cs::FaultKind::Restart, node, cs::kNoNode, {}, {}});
  menu->addSeparator();
  QMenu* drop = menu->addMenu(tr("Drop next message to…"));
  QMenu* dup = menu->addMenu(tr("Duplicate next message to…"));
  bool anyCut = false, anyCutLink = false;
  for (cs::NodeId other = 0; other < static_cast<cs::NodeId>(sim.nodes().size()); ++other) {
    if (other == node) continue;
    addFaultAction(drop, viewutil::nodeName(sim, other), cs::FaultAction{cs::FaultKind::DropNext, node, other, {}, {}});
    addFaultAction(dup, viewutil::nodeName(sim, other), cs::FaultAction{cs::FaultKind::DuplicateNext, node, other, {}, {}});
    if (!sim.network().is_cut(node, other)) anyCut = true;
    else anyCutLink = true;
  }
  QAction* cutAll = menu->addAction(tr("Cut all links of %1").arg(name));
  cutAll->setObjectName(QStringLiteral("cutAll"));
  cutAll->setEnabled(anyCut);
  connect(cutAll, &QAction::triggered, this, [this, node] {
    for (cs::NodeId other = 0; other < static_cast<cs::NodeId>(nodes_.size()); ++other)
      if (other != node) inject(cs::FaultAction{cs::FaultKind::Cut, node, other, {}, {}});
  });
  QAction* healAll = menu->addAction(tr("Heal all links of %1").arg(name));
  healAll->setEnabled(anyCutLink);
  connect(healAll, &QAction::triggered, this, [this, node] {
    for (cs::NodeId other = 0; other < static_cast<cs::NodeId>(nodes_.size()); ++other)
      if (other != node) inject(cs::FaultAction{cs::FaultKind::Heal, node, other, {}, {}});
  });
  if (sim.network().has_partition())
    addFaultAction(menu, tr("Heal the partition"), cs::FaultAction{cs::FaultKind::HealPartition, cs::kNoNode, cs::kNoNode, {}, {}});
  menu->addSeparator();
  QAction* details = menu->addAction(tr("Show details of %1").arg(name));
  connect(details, &QAction::triggered, this, [this, node] { controller_->selectNode(node); });
  return menu;
}

QMenu* CanvasView::createLinkMenu(cs::NodeId a, cs::NodeId b, QWidget* parent) {
  auto* menu = new QMenu(parent);
  const auto& sim = controller_->sim();
  const QString an = viewutil::nodeName(sim, a), bn = viewutil::nodeName(sim, b);
  menu->addSection(tr("Link %1 – %2").arg(an, bn));
  addFaultAction(menu, tr("Cut link"), cs::FaultAction{cs::FaultKind::Cut, a, b, {}, {}});
  addFaultAction(menu, tr("Heal link"), cs::FaultAction{cs::FaultKind::Heal, a, b, {}, {}});
  menu->addSeparator();
  addFaultAction(menu, tr("Drop next message on this link"), cs::FaultAction{cs::FaultKind::DropNext, a, b, {}, {}});
  addFaultAction(menu, tr("Duplicate next message on this link"), cs::FaultAction{cs::FaultKind::DuplicateNext, a, b, {}, {}});
  if (sim.network().has_partition()) {
    menu->addSeparator();
    addFaultAction(menu, tr("Heal the partition"), cs::FaultAction{cs::FaultKind::HealPartition, cs::kNoNode, cs::kNoNode, {}, {}});
  }
  return menu;
}

void CanvasView::contextMenuEvent(QContextMenuEvent* e) {
  QGraphicsItem* item = interactiveItemAt(e->pos());
  QMenu* menu = nullptr;
  if (item && item->type() == kNodeItem) menu = createNodeMenu(static_cast<NodeItem*>(item)->id(), this);
  else if (item && item->type() == kLinkItem)
    menu = createLinkMenu(static_cast<LinkItem*>(item)->a()->id(), static_cast<LinkItem*>(item)->b()->id(), this);
  if (!menu) return;
  menu->exec(e->globalPos());
  menu->deleteLater();
}

// ---------------------------------------------------------------------------------------------
// Painting outside the items

void CanvasView::renderStaticLayer() {
  const qreal dpr = viewport()->devicePixelRatioF();
  const QSize size = viewport()->size();
  if (static_.size() != size * dpr) static_ = QPixmap(size * dpr);
  static_.setDevicePixelRatio(dpr);
  staticTransform_ = viewportTransform();
  staticDirty_ = false;

  QPainter p(&static_);
  paintStaticLayer(p, QRect(QPoint(0, 0), size));
}

// Paper, dot grid, partition regions and links, in viewport pixels with the view transform at
// staticTransform_ (the cached layer's, or the view's own when painted for a vector file).
void CanvasView::paintStaticLayer(QPainter& p, const QRect& area) {
  const palette::Scheme& s = *style_.scheme;
  p.fillRect(area, s.background);
  // A dot grid only adds noise on a projector, and in a handout file.
  if (!style_.projector && p.paintEngine()->type() == QPaintEngine::Raster) {
    // A faint dot grid gives the canvas depth and hints that nodes can be moved: one tiled pixmap
    // anchored to the scene origin, so that it pans with the content.
    if (dotTile_.isNull()) {
      dotTile_ = QPixmap(32, 32);
      dotTile_.fill(s.background);
      QPainter t(&dotTile_);
      t.setRenderHint(QPainter::Antialiasing);
      t.setPen(Qt::NoPen);
      t.setBrush(s.grid);
      t.drawEllipse(QPointF(16, 16), 1.3, 1.3);
    }
    const QPoint o = mapFromScene(QPointF(0, 0));
    QBrush brush(dotTile_);
    brush.setTransform(QTransform::fromTranslate(o.x() % 32, o.y() % 32));
    p.fillRect(area, brush);
  }
  p.setRenderHints(renderHints());
  p.setTransform(staticTransform_);
  // Partition regions (z -10), then plain links (z 1), then emphasised ones (z 2): the scene's order.
  for (PartitionItem* side : sides_)
    if (side->isVisible()) side->paint(&p, nullptr, nullptr);
  for (int pass = 0; pass < 2; ++pass)
    for (LinkItem* l : links_)
      if (l->data().emphasised == (pass == 1)) l->paintStatic(&p);
}

void CanvasView::drawBackground(QPainter* p, const QRectF&) {
  // An SVG or PDF handout gets the links as lines, not as a picture of them.
  if (viewutil::vectorTarget(*p)) {
    p->save();
    p->resetTransform();
    staticTransform_ = viewportTransform();
    paintStaticLayer(*p, viewport()->rect());
    p->restore();
    staticDirty_ = true;
    return;
  }
  if (staticDirty_ || static_.isNull() || static_.size() != viewport()->size() * viewport()->devicePixelRatioF() ||
      staticTransform_ != viewportTransform())
    renderStaticLayer();
  p->save();
  p->resetTransform();
  p->drawPixmap(0, 0, static_);
  p->restore();
}

// Which tokens get their label, and where (right of the token, or left near the view's right
// edge): the selected token first, then by id; a label that would overlap one already placed is left
// out, since labels written over each other are read by nobody (the token keeps its shape and colour).
void CanvasView::chooseTokenLabels(const std::vector<const MessageItem*>& order, const QTransform& vt) {
  labelsShown_.clear();
  labelSides_.clear();
  const qreal sc = vt.m11();
  std::vector<const MessageItem*> byPriority(order);
  std::sort(byPriority.begin(), byPriority.end(), [](const MessageItem* a, const MessageItem* b) {
    return a->data().selected != b->data().selected ? a->data().selected : a->id() < b->id();
  });
  // A label must not hide what a card says (its state, its WAL: often what the lesson is about) nor
  // the legend: those are in the way, as the labels already written are.
  std::vector<QRectF> cards;
  for (const NodeItem* n : nodes_) cards.push_back(vt.mapRect(n->outlineRect().translated(n->pos())).adjusted(-3, -3, 3, 3));
  if (!legendRect().isNull()) cards.push_back(legendRect());
  const QRectF pane(viewport()->rect());
  // The labels placed so far, found by the cells of a coarse grid over the pane that they touch: a
  // label is checked against its neighbours, not against each of ~200 labels (same answer: two
  // rectangles that intersect share a point, and so a cell).
  constexpr qreal kCell = 128;
  const int cols = std::max(1, static_cast<int>(std::ceil(pane.width() / kCell)));
  const int rows = std::max(1, static_cast<int>(std::ceil(pane.height() / kCell)));
  labelGrid_.resize(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
  for (auto& cell : labelGrid_) cell.clear();
  const auto cellsOf = [&](const QRectF& r, auto&& visit) {
    const int c0 = std::clamp(static_cast<int>(std::floor(r.left() / kCell)), 0, cols - 1);
    const int c1 = std::clamp(static_cast<int>(std::floor(r.right() / kCell)), 0, cols - 1);
    const int r0 = std::clamp(static_cast<int>(std::floor(r.top() / kCell)), 0, rows - 1);
    const int r1 = std::clamp(static_cast<int>(std::floor(r.bottom() / kCell)), 0, rows - 1);
    for (int y = r0; y <= r1; ++y)
      for (int x = c0; x <= c1; ++x)
        if (!visit(labelGrid_[static_cast<std::size_t>(y) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(x)])) return false;
    return true;
  };
  std::vector<QRectF> placed;
  for (const MessageItem* m : byPriority) {
    const qreal textW = tokenLabelWidth(m->label());
    const QPointF at = vt.map(m->pos());
    // In view pixels, with 4 units of room on the far side of the label.
    const auto inView = [&](MessageItem::LabelSide side) {
      const QRectF r = MessageItem::labelRect(style_, textW, side).adjusted(side.left ? -4 : 0, 0, side.left ? 0 : 4, 0);
      return QRectF(at + r.topLeft() * sc, r.size() * sc);
    };
    const auto clear = [&](const QRectF& rect) {
      const auto hits = [&](const QRectF& o) { return o.intersects(rect); };
      if (!pane.contains(rect) || std::any_of(cards.begin(), cards.end(), hits)) return false;
      return cellsOf(rect, [&](const std::vector<int>& cell) {
        return std::none_of(cell.begin(), cell.end(), [&](int i) { return hits(placed[static_cast<std::size_t>(i)]); });
      });
    };
    // Above right first (where a reader looks), then above left, below right, below left, then level
    // with the token on the right and on the left (a token in the narrow gap between a card's WAL
    // and the card below it, as a command just sent down a short link is). A token whose every
    // place is taken goes unlabelled for now; the legend names its kind, and its label comes back
    // once it flies into open space.
    // A level label sits in the gap between the cards above and below the token, centred there and
    // moved by less than half its height so that it still crosses the token's line.
    const auto levelIn = [&](bool left) {
      MessageItem::LabelSide side{left, false, true};
      const QRectF flat = inView(side);
      qreal upper = pane.top(), lower = pane.bottom();
      for (const QRectF& c : cards) {
        if (c.right() <= flat.left() || c.left() >= flat.right()) continue;
        if (c.center().y() < at.y()) upper = std::max(upper, c.bottom());
        else lower = std::min(lower, c.top());
      }
      const qreal h = flat.height();
      const qreal top = std::clamp((upper + lower - h) / 2, at.y() - h + 1, at.y() - 1);
      side.dy = (top - flat.top()) / sc;
      return side;
    };
    constexpr MessageItem::LabelSide kCorners[] = {{false, false}, {true, false}, {false, true}, {true, true}};
    for (int place = 0; place < 6; ++place) {
      // The level places are worked out only for a token whose four corners are all taken.
      const MessageItem::LabelSide side = place < 4 ? kCorners[place] : levelIn(place == 5);
      const QRectF rect = inView(side);
      if (!clear(rect)) continue;
      placed.push_back(rect);
      cellsOf(rect, [&](std::vector<int>& cell) {
        cell.push_back(static_cast<int>(placed.size() - 1));
        return true;
      });
      labelsShown_.insert(m->id(), rect);
      labelSides_.insert(m->id(), side);
      break;
    }
  }
}

// A label's advance in the token font, measured once per label and font (shaping ~200 labels on
// every frame cost more than painting the tokens).
qreal CanvasView::tokenLabelWidth(const QString& label) {
  if (labelWidthFont_ != style_.token) {
    labelWidths_.clear();
    labelWidthFont_ = style_.token;
  }
  auto it = labelWidths_.constFind(label);
  if (it == labelWidths_.cend()) it = labelWidths_.insert(label, QFontMetricsF(style_.token).horizontalAdvance(label));
  return *it;
}

// A sprite's box leaves room for the label on any side, so most of it stays transparent: crop it to
// its painted pixels. Blending a fully transparent premultiplied pixel leaves the pixel under it as
// it was, so the cropped blit paints exactly what the whole one did, over a third of the area or less.
void CanvasView::trimSprite(Sprite& sprite) {
  const QImage image = sprite.pixmap.toImage();
  if (image.format() != QImage::Format_ARGB32_Premultiplied) return;
  int top = image.height(), bottom = -1, left = image.width(), right = -1;
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const QRgb*>(image.constScanLine(y));
    for (int x = 0; x < image.width(); ++x) {
      if (row[x] == 0) continue;
      top = std::min(top, y);
      bottom = y;
      left = std::min(left, x);
      right = std::max(right, x);
    }
  }
  if (bottom < 0) return;
  // Cut on whole logical pixels (a multiple of the device pixel ratio), so that the origin stays a
  // whole number of logical pixels and the blit stays one to one; a fractional ratio keeps it whole.
  const qreal dpr = sprite.pixmap.devicePixelRatio();
  if (dpr != std::floor(dpr)) return;
  const int step = static_cast<int>(dpr);
  left -= left % step;
  top -= top % step;
  right += step - 1 - right % step;
  bottom += step - 1 - bottom % step;
  const QRect keep = QRect(QPoint(left, top), QPoint(right, bottom)).intersected(image.rect());
  if (keep == image.rect()) return;
  sprite.pixmap = sprite.pixmap.copy(keep);
  sprite.pixmap.setDevicePixelRatio(dpr);
  sprite.origin -= QPointF(left / dpr, top / dpr);
}

qint64 CanvasView::spritePixels() const {
  qint64 sum = 0;
  for (const Sprite& sp : sprites_) sum += static_cast<qint64>(sp.pixmap.width()) * sp.pixmap.height();
  return sum;
}

// Every token in one pass, each one blit of a sprite rendered once per look at the current scale
// (type, duplicate, selected); only a doomed token's fade and loss cross vary with its progress.
void CanvasView::paintTokens(QPainter* p) {
  if (messages_.isEmpty()) return;
  const QTransform vt = viewportTransform();
  const qreal sc = vt.m11();
  const qreal dpr = viewport()->devicePixelRatioF();
  if (!qFuzzyCompare(sc, spriteScale_)) {
    sprites_.clear();
    spriteScale_ = sc;
  }
  const palette::Scheme& s = *style_.scheme;
  const qreal r = 7 * s.fontScale;
  const QFontMetricsF tm(style_.token);
  p->save();
  p->resetTransform();
  p->setRenderHint(QPainter::Antialiasing);
  std::vector<const MessageItem*> order;
  order.reserve(static_cast<std::size_t>(messages_.size()));
  for (const MessageItem* m : std::as_const(messages_)) order.push_back(m);
  // Stable order (by id), the selected token last, as its higher z value did.
  std::sort(order.begin(), order.end(), [](const MessageItem* a, const MessageItem* b) {
    return a->data().selected != b->data().selected ? b->data().selected : a->id() < b->id();
  });
  chooseTokenLabels(order, vt);
  // An SVG or PDF handout gets each token as its shape and its label as text, not as a picture.
  const bool vector = viewutil::vectorTarget(*p);
  for (const MessageItem* m : order) {
    const MessageItem::Data& d = m->data();
    // The side chooseTokenLabels gave the label (none: no label, and the sprite's key says so).
    const auto shown = labelSides_.constFind(m->id());
    const QString label = shown == labelSides_.cend() ? QString() : m->label();
    const QPointF at = vt.map(m->pos());
    const MessageItem::LabelSide side = shown == labelSides_.cend() ? MessageItem::LabelSide{} : *shown;
    const qreal fade = d.doomed ? std::clamp(1.0 - (d.progress - 0.4) * 1.1, 0.3, 1.0) : 1.0;
    if (vector) {
      p->save();
      p->setOpacity(fade);
      p->translate(at);
      p->scale(sc, sc);
      MessageItem::paintToken(p, style_, d.key, label, d.selected, side);
      p->restore();
      if (d.doomed && d.progress > 0.55) paintLossCross(p, at, r * 1.1 * sc, sc);
      continue;
    }
    const QString key = d.key + QLatin1Char('|') + label + (d.selected ? QStringLiteral("|s") : QString()) +
                        (side.left ? QStringLiteral("|l") : QString()) + (side.below ? QStringLiteral("|b") : QString()) +
                        (side.middle ? QStringLiteral("|m%1").arg(qRound(side.dy * 4)) : QString());
    auto it = sprites_.find(key);
    if (it == sprites_.end()) {
      // Item-space extent: the selection ring, and the label (and its halo) on any side.
      const qreal textW = tokenLabelWidth(label) + 14;
      const QRectF box(-r - 10 - (side.left ? textW : 0), -r - tm.height() - 6, 2 * r + 24 + textW, 2 * r + 2 * tm.height() + 18);
      const QPointF origin(std::ceil(-box.left() * sc), std::ceil(-box.top() * sc));
      const QSize px(static_cast<int>(std::ceil(box.right() * sc + origin.x())) + 2,
                     static_cast<int>(std::ceil(box.bottom() * sc + origin.y())) + 2);
      Sprite sp;
      sp.pixmap = QPixmap(px * dpr);
      sp.pixmap.setDevicePixelRatio(dpr);
      sp.pixmap.fill(Qt::transparent);
      sp.origin = origin;
      QPainter sp_p(&sp.pixmap);
      sp_p.setRenderHints(renderHints());
      sp_p.translate(origin);
      sp_p.scale(sc, sc);
      MessageItem::paintToken(&sp_p, style_, d.key, label, d.selected, side);
      sp_p.end();
      if (trimSprites_) trimSprite(sp);
      it = sprites_.insert(key, sp);
    }
    const QPointF topLeft(std::round(at.x() - it->origin.x()), std::round(at.y() - it->origin.y()));
    // A doomed message fades over the second half of its flight, then a cross marks the loss.
    p->setOpacity(fade);
    p->drawPixmap(topLeft, it->pixmap);
    if (d.doomed && d.progress > 0.55) paintLossCross(p, topLeft + it->origin, r * 1.1 * sc, sc);
  }
  p->restore();
}

void CanvasView::paintLossCross(QPainter* p, QPointF c, qreal x, qreal sc) const {
  p->setOpacity(1.0);
  p->setPen(QPen(style_.scheme->cut, style_.pen(2.5) * sc, Qt::SolidLine, Qt::RoundCap));
  p->drawLine(c + QPointF(-x, -x), c + QPointF(x, x));
  p->drawLine(c + QPointF(-x, x), c + QPointF(x, -x));
}

void CanvasView::drawForeground(QPainter* p, const QRectF&) {
  const palette::Scheme& s = *style_.scheme;
  paintTokens(p);
  if (lassoActive_ && lasso_.size() > 1) {
    QColor fill = s.selection;
    fill.setAlpha(30);
    p->setPen(QPen(s.selection, 2.0 / transform().m11(), Qt::DashLine));
    p->setBrush(fill);
    p->drawPolygon(lasso_);
  }
  p->save();
  p->resetTransform();
  const QRectF area = QRectF(viewport()->rect());
  const qreal f = s.fontScale;
  // Top: how to use the canvas (left) and the virtual clock (right), readable from afar.
  p->setFont(style_.small);
  p->setPen(s.mutedInk);
  // On a projector the audience watches; the how-to line is for the person at the mouse.
  const QString hint = (style_.projector || pane_) && !lassoActive_ ? QString() : lassoActive_ ? tr("Release to put the encircled nodes on one side of a partition")
                                    : tr("Double-click a link to cut or heal it · right-click a node or link for faults · "
                                         "Shift+drag around nodes to partition");
  const QRectF hintRect(area.left() + 12 * f, area.top() + 8 * f, area.width() * 0.72, 22 * f);
  if (!hint.isEmpty())
    p->drawText(hintRect, Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetricsF(style_.small).elidedText(hint, Qt::ElideRight, hintRect.width()));
  if (pane_) {
    p->restore();
    return;
  }
  const QFont clock = clockFont();
  p->setFont(clock);
  p->setPen(s.ink);
  p->drawText(QRectF(area.left(), area.top() + 4, area.width() - 14 * f, QFontMetricsF(clock).height() + 4), Qt::AlignRight | Qt::AlignVCenter,
              tr("t = %1 ms").arg(viewutil::ms(controller_->now())));
  paintOverlayLegend(p, area);
  p->restore();
}

std::vector<CanvasLegend::Entry> CanvasView::legendEntries(bool onScreen) const {
  using Entry = CanvasLegend::Entry;
  using Mark = CanvasLegend::Mark;
  // Families in the order of the protocol's message list (request first, decisions later).
  std::vector<cs::MessageFamily> families;
  const auto add = [&families](const QString& key) {
    cs::MessageFamily f;
    if (palette::messageFamily(key, &f) && std::find(families.begin(), families.end(), f) == families.end())
      families.push_back(f);
  };
  if (onScreen) {
    std::vector<const MessageItem*> flying;
    for (const MessageItem* m : std::as_const(messages_)) flying.push_back(m);
    std::sort(flying.begin(), flying.end(), [](const MessageItem* a, const MessageItem* b) { return a->id() < b->id(); });
    for (const MessageItem* m : flying) add(m->data().key);
  } else {
    for (const std::string& key : controller_->info().messages) add(QString::fromStdString(key));
  }
  std::vector<Entry> entries;
  for (cs::MessageFamily f : families) entries.push_back({Mark::Token, f, CanvasLegend::familyName(f)});
  bool cut = !onScreen, lost = !onScreen, down = !onScreen;
  if (onScreen) {
    for (LinkItem* l : links_) cut = cut || l->data().cut;
    for (const MessageItem* m : std::as_const(messages_)) lost = lost || m->data().doomed;
    for (NodeItem* n : nodes_) down = down || !n->data().up;
  }
  if (cut) entries.push_back({Mark::Cut, {}, tr("cut link")});
  if (lost) entries.push_back({Mark::Lost, {}, tr("message that will be lost")});
  if (down) entries.push_back({Mark::Down, {}, tr("crashed node")});
  return entries;
}

qreal CanvasView::legendReserve() const {
  const QRectF area = legendArea();
  // A projector reserves its one row even while nothing is in flight, so that the cards do not jump
  // when the first message appears; a desk reserves the rows of every entry.
  if (style_.projector) return legend_.layout(area, {{CanvasLegend::Mark::More, {}, QStringLiteral("x")}}, 1).size.height();
  return legend_.layout(area, legendEntries(false), legendMaxRows()).size.height();
}

// On a projector the legend is one row at the top left, beside the clock (a row the cards leave free
// anyway); on a desk it flows along the bottom under the hint.
QRectF CanvasView::legendArea() const {
  QRectF area(viewport()->rect());
  if (style_.projector) {
    // The clock's widest reading in this run (its end time, every digit an 8), not in any run: a
    // 4-second lesson's clock leaves the legend room for a family or two more.
    QString widest = viewutil::ms(std::max(controller_->endTime(), controller_->now()));
    for (QChar& c : widest)
      if (c.isDigit()) c = QLatin1Char('8');
    const qreal clock = QFontMetricsF(clockFont()).horizontalAdvance(tr("t = %1 ms").arg(widest));
    area.setRight(area.right() - clock - 30);
  }
  return area;
}

// The legend is static between changes of what it lists, the size or the language: one cached pixmap.
void CanvasView::paintOverlayLegend(QPainter* p, const QRectF& area) {
  const std::vector<CanvasLegend::Entry> entries = legendEntries(style_.projector);
  if (viewutil::vectorTarget(*p)) {
    // A handout keeps the legend's marks as shapes and its words as text (no cached picture).
    const CanvasLegend::Layout layout = legend_.layout(legendArea(), entries, legendMaxRows());
    if (!layout.empty()) legend_.paint(p, legend_.box(area, layout.size, style_.projector), layout);
    return;
  }
  QString key = QStringLiteral("%1x%2|%3|%4|").arg(area.width()).arg(area.height()).arg(style_.projector).arg(viewport()->devicePixelRatioF());
  for (const CanvasLegend::Entry& e : entries) key += e.text + QLatin1Char('\x1f');
  if (key != legendKey_) {
    legendKey_ = key;
    const CanvasLegend::Layout layout = legend_.layout(legendArea(), entries, legendMaxRows());
    legendPixmap_ = QPixmap();
    legendShown_ = layout.entries;
    if (layout.empty()) return;  // nothing to explain: no box at all
    const QRectF box = legend_.box(area, layout.size, style_.projector);
    legendBox_ = box;
    legendAt_ = box.topLeft() - QPointF(2, 2);
    const qreal dpr = viewport()->devicePixelRatioF();
    legendPixmap_ = QPixmap((box.size() + QSizeF(4, 4)).toSize() * dpr + QSize(2, 2));
    legendPixmap_.setDevicePixelRatio(dpr);
    legendPixmap_.fill(Qt::transparent);
    QPainter lp(&legendPixmap_);
    lp.setRenderHints(renderHints());
    lp.translate(-legendAt_);
    legend_.paint(&lp, box, layout);
  }
  if (!legendPixmap_.isNull()) p->drawPixmap(legendAt_, legendPixmap_);
}

// ---------------------------------------------------------------------------------------------
// Lesson highlights

void CanvasView::setHighlights(const QStringList& nodes, const QList<QPair<QString, QString>>& links) {
  hlNodes_ = nodes;
  hlLinks_ = links;
  applyHighlights();
  // A banner placed before this step's highlights may sit on the cards they point at.
  if (banner_->isVisible()) placeOverlays();
}

void CanvasView::setTimerHighlights(const QStringList& nodes) {
  hlTimers_ = nodes;
  applyHighlights();
}

const NodeItem* CanvasView::nodeItemNamed(const QString& name) const {
  for (const NodeItem* n : nodes_)
    if (viewutil::nodeName(controller_->sim(), n->id()) == name) return n;
  return nullptr;
}

void CanvasView::applyHighlights() {
  const auto& sim = controller_->sim();
  for (NodeItem* n : nodes_) n->setTimersHighlighted(hlTimers_.contains(viewutil::nodeName(sim, n->id())));
  const auto byName = [&](const QString& name) -> NodeItem* {
    for (NodeItem* n : nodes_)
      if (viewutil::nodeName(sim, n->id()) == name) return n;
    return nullptr;
  };
  for (NodeItem* n : nodes_) n->setHighlighted(false);
  for (LinkItem* l : links_) l->setHighlighted(false);
  QList<const NodeItem*> hn;
  QList<const LinkItem*> hl;
  for (const QString& name : std::as_const(hlNodes_))
    if (NodeItem* n = byName(name); n && !n->highlighted()) {
      n->setHighlighted(true);
      hn << n;
    }
  for (const auto& [an, bn] : std::as_const(hlLinks_)) {
    NodeItem* a = byName(an);
    NodeItem* b = byName(bn);
    if (!a || !b || a == b) continue;
    if (LinkItem* l = linkItem(a->id(), b->id()); l && !l->highlighted()) {
      l->setHighlighted(true);
      hl << l;
    }
  }
  if (highlight_) {
    highlight_->setTargets(hn, hl);
    highlight_->setPhase(0);
  }
  // The pulse timer runs only while something is highlighted.
  if (hn.isEmpty() && hl.isEmpty()) {
    pulse_.stop();
  } else if (!pulse_.isActive()) {
    pulseClock_.start();
    pulse_.start();
  }
  viewport()->update();
}
