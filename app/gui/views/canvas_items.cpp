#include "canvas_items.hpp"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QCursor>
#include <QPainter>
#include <QPainterPathStroker>
#include <QtMath>
#include <algorithm>
#include <cmath>

#include "link_routing.hpp"
#include "view_util.hpp"

namespace {

// Where the ray from `o` (inside `r`) towards `dir` leaves the rectangle.
QPointF rectExit(const QRectF& r, QPointF dir, QPointF o) {
  const qreal tx = dir.x() > 1e-9 ? (r.right() - o.x()) / dir.x() : dir.x() < -1e-9 ? (r.left() - o.x()) / dir.x() : 1e18;
  const qreal ty = dir.y() > 1e-9 ? (r.bottom() - o.y()) / dir.y() : dir.y() < -1e-9 ? (r.top() - o.y()) / dir.y() : 1e18;
  return o + dir * std::min(tx, ty);
}

// A padlock glyph (drawn, not a font emoji, so it looks the same everywhere).
void drawLock(QPainter* p, QRectF r, const QColor& c) {
  p->save();
  const qreal w = r.width();
  QRectF body(r.left(), r.top() + r.height() * 0.45, w, r.height() * 0.55);
  QRectF shackle(r.left() + w * 0.2, r.top(), w * 0.6, r.height() * 0.9);
  p->setPen(QPen(c, std::max<qreal>(1.4, w * 0.16)));
  p->setBrush(Qt::NoBrush);
  p->drawArc(shackle, 0, 180 * 16);
  p->drawLine(QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), body.top()));
  p->drawLine(QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), body.top()));
  p->setPen(Qt::NoPen);
  p->setBrush(c);
  p->drawRoundedRect(body, w * 0.12, w * 0.12);
  p->restore();
}

// Text with a soft paper-coloured halo so that it stays readable over lines and regions.
void haloText(QPainter* p, const QRectF& r, int flags, const QString& text, const QColor& ink, const QColor& paper) {
  QColor bg = paper;
  bg.setAlpha(220);
  const QRectF b = QFontMetricsF(p->font()).boundingRect(r, flags, text).adjusted(-3, -1, 3, 1);
  p->fillRect(b, bg);
  p->setPen(ink);
  p->drawText(r, flags, text);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// CanvasStyle

void CanvasStyle::setProjector(bool on, const QFont& base, bool pane) {
  projector = on;
  scheme = &palette::scheme(on);
  // A projector's text is sized for the back row at the view scale a 1280×720 presentation gets
  // (about 0.9): names, states and message labels of at least 18 px there. The type grows more than
  // the padding, so that cards stay compact and the view does not have to shrink them again.
  space = on ? 1.15 : 1.0;
  // A projected side-by-side pane draws its cards at about 0.6-0.7: the names and states are what
  // the room compares across the panes, so they grow and the txn/lock notes beside the state (whose
  // width, with the state's, sets the card's) shrink; the card keeps its width and the names reach
  // 18 px on screen.
  const bool projectedPane = on && pane;
  name = viewutil::scaledFont(base, projectedPane ? 34 : on ? 25 : 17, QFont::Bold);
  role = viewutil::scaledFont(base, projectedPane ? 15 : on ? 18 : 12);
  badge = viewutil::scaledFont(base, projectedPane ? 25 : on ? 22 : 12.5, QFont::Bold);
  small = viewutil::scaledFont(base, on ? 17 : 11);
  token = viewutil::scaledFont(base, on ? 22 : 11, QFont::DemiBold);
  QFont m = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  m.setPixelSize(on ? 16 : qRound(10.5));
  mono = m;
  highlight = on ? QColor(0xE0, 0x6A, 0x00) : QColor(0xF2, 0x8C, 0x00);
  highlightGlow = on ? QColor(0xFF, 0xA6, 0x00, 110) : QColor(0xFF, 0xB3, 0x00, 90);
}

std::pair<QString, QString> CanvasStyle::splitGloss(const QString& stateText) {
  const qsizetype open = stateText.lastIndexOf(QChar(0xFF08));  // （
  if (open <= 0 || !stateText.endsWith(QChar(0xFF09))) return {stateText, QString()};
  return {stateText.left(open).trimmed(), stateText.mid(open + 1, stateText.size() - open - 2)};
}

// ---------------------------------------------------------------------------------------------
// CountdownItem

CountdownItem::CountdownItem(NodeItem* card) : QGraphicsItem(card), card_(card) {
  setAcceptedMouseButtons(Qt::NoButton);
  setAcceptHoverEvents(false);
}

void CountdownItem::geometryChanged() {
  prepareGeometryChange();
  bounds_ = card_->cardRect().adjusted(-2, -2, 2, 2);
}

void CountdownItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) { card_->paintTimers(p); }

// ---------------------------------------------------------------------------------------------
// NodeItem

NodeItem::NodeItem(cs::NodeId id, const CanvasStyle* style) : id_(id), style_(style) {
  setFlags(ItemIsMovable | ItemSendsGeometryChanges | ItemIsSelectable);
  setAcceptHoverEvents(true);
  setCursor(Qt::OpenHandCursor);
  setZValue(10);
  // A card is text-heavy and changes only when its node does: cache it as a device pixmap.
  setCacheMode(DeviceCoordinateCache);
  countdowns_ = new CountdownItem(this);
  layout();
}

void NodeItem::setData(const Data& d) {
  if (d == d_) return;
  const bool reshape = d.log.size() != d_.log.size() || d.logHidden != d_.logHidden || d.up != d_.up ||
                       d.gauges.size() != d_.gauges.size();
  // While only the running timers tick, the cached card stays valid: their pills are the child's.
  Data withOldTimers = d;
  withOldTimers.aids.timers = d_.aids.timers;
  const bool cardChanged = !(withOldTimers == d_) || d.aids.timers.isEmpty() != d_.aids.timers.isEmpty();
  d_ = d;
  if (reshape) layout();
  if (cardChanged) update();
  countdowns_->update();
}

void NodeItem::styleChanged() {
  // Fonts, pens and colours changed: the pills are measured, laid out and painted again.
  titleRow_ = QRectF();
  countdownKey_ = CountdownKey();
  countdownPatch_.clear();
  layout();
  update();
  countdowns_->update();
}

void NodeItem::layout() {
  prepareGeometryChange();
  const qreal f = style_->space;
  const qreal pad = 10 * f;
  const QFontMetricsF name(style_->name), badge(style_->badge), small(style_->small), mono(style_->mono);
  // Must match paintCard(): name row, gap, badge (+ its padding), gap, lock row (+ its padding); a
  // projector card has no lock row (its lock count sits beside the state, BLOCKED beside the name).
  const qreal lockRow = style_->projector ? 0 : 8 * f + small.height() + 4 * f;
  const qreal aidRow = small.height() + 4 * f;
  const qreal aids = style_->aidRows > 0 ? 4 * f + style_->aidRows * aidRow : 0;
  const qreal gauges = static_cast<qreal>(d_.gauges.size()) * gaugeRowHeight();
  const qreal gloss = style_->glossBelow ? QFontMetricsF(style_->role).height() : 0;
  const qreal h = pad + name.height() + 6 * f + badge.height() + gloss + 8 * f + lockRow + gauges + aids + pad;
  const qreal w = style_->cardWidth;
  card_ = QRectF(-w / 2, -h / 2, w, h);
  aid_ = aids > 0 ? QRectF(card_.left() + 14 * f, card_.bottom() - pad - aids + 4 * f, w - 24 * f, aids - 4 * f) : QRectF();
  const int rows = static_cast<int>(d_.log.size()) + (logHeaderInline() ? 0 : 1);  // + the header line
  log_ = d_.log.isEmpty() && d_.up ? QRectF()
                                   : QRectF(card_.left() + 6 * f, card_.bottom(), w - 12 * f,
                                            rows * mono.lineSpacing() + 8 * f);
  countdowns_->geometryChanged();
}

QRectF NodeItem::boundingRect() const {
  const qreal m = 6 * style_->scheme->lineScale + 4;
  return card_.united(log_).adjusted(-m, -m, m, m + 3);
}

QPainterPath NodeItem::shape() const {
  QPainterPath p;
  p.addRoundedRect(card_, 10, 10);
  if (!log_.isNull()) p.addRect(log_);
  return p;
}

void NodeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  ++cardPaints_;
  if (!log_.isNull()) paintLog(p);
  paintCard(p);
}

// The pills change their text a few times a second and their wedges on every frame: the rest is
// blitted from a patch painted once per text (PatchCache). In the title row (the usual place) the
// patch lies on the card's plain body; in the aid row, under the lines that say why the node is
// blocked, the pills' edges may meet those lines' descenders, so there they are drawn directly.
void NodeItem::paintTimers(QPainter* p) {
  const auto& timers = d_.aids.timers;
  if (timers.isEmpty()) return;
  // What the layout depends on: the row, the highlight, and the texts of the timers it may show
  // (the title row shows the first and a count; the aid row tries them in turn).
  CountdownKey key;
  key.inTitle = countdownInTitle();
  key.row = key.inTitle ? titleCountdownRow() : aidCountdownRow();
  if (key.row.isNull()) return;
  key.highlighted = timersHighlighted_;
  key.count = timers.size();
  for (qsizetype i = 0; i < (key.inTitle ? 1 : timers.size()); ++i) key.texts << timers[i].text << timers[i].shortText;
  if (!(key == countdownKey_)) {
    countdownLayout_ = layoutCountdowns(key.row, key.inTitle);
    countdownKey_ = std::move(key);
    ++countdownGeneration_;
  }
  const CountdownLayout& layout = countdownLayout_;
  if (timersHighlighted_) timerPillsDrawn_ += static_cast<int>(layout.pills.size());
  // The title row is empty but for the pills when the card is up and no BLOCKED stamp sits there.
  const bool plainBody = countdownKey_.inTitle && d_.up && !(style_->projector && d_.blocked);
  if (plainBody) {
    QRectF bounds;
    for (const CountdownLayout::Pill& pill : layout.pills) bounds |= pill.pill;
    if (!layout.moreText.isEmpty()) bounds |= layout.moreInk;
    const qreal pen = style_->pen(timersHighlighted_ ? 3 : 1.2);
    bounds.adjust(-pen, -pen, pen, pen);
    if (countdownPatch_.paint(p, bounds, style_->scheme->panel, countdownGeneration_, [&](QPainter* ip) { paintCountdownFaces(ip, layout); })) {
      paintCountdownWedges(p, layout);
      return;
    }
  }
  paintCountdowns(p, layout);
}

// Right of the name in the title row (paintTitleRow leaves the room empty, where the role would go).
QRectF NodeItem::titleCountdownRow() const {
  // Measured once per name and card shape (shaping the name on every frame cost more than its pill).
  if (titleRowName_ == d_.name && titleRowCard_ == card_ && !titleRow_.isNull()) return titleRow_;
  titleRowName_ = d_.name;
  titleRowCard_ = card_;
  titleRow_ = measureTitleCountdownRow();
  return titleRow_;
}

QRectF NodeItem::measureTitleCountdownRow() const {
  const qreal f = style_->space;
  const QFontMetricsF nameM(style_->name), smallM(style_->small);
  const qreal left = card_.left() + 14 * f, right = card_.right() - 10 * f;
  const qreal nameW = nameM.horizontalAdvance(d_.name) + 8 * f;
  const qreal y = card_.top() + 10 * f;
  return QRectF(left + nameW, y + (nameM.height() - smallM.height() - 4 * f) / 2, right - left - nameW, smallM.height() + 4 * f);
}

// Under the lines that say why the node is blocked (paintAids), if a reserved row is left.
QRectF NodeItem::aidCountdownRow() const {
  if (aid_.isNull() || d_.aids.timers.isEmpty() || d_.aids.why.size() >= style_->aidRows) return {};
  const qreal rowH = QFontMetricsF(style_->small).height() + 4 * style_->space;
  return QRectF(aid_.left(), aid_.top() + static_cast<qreal>(d_.aids.why.size()) * rowH, aid_.width(), rowH);
}

void NodeItem::paintCard(QPainter* p) {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = style_->space;
  const qreal radius = 10 * f;
  const QColor stateColour = d_.up ? palette::state(d_.stateKey, style_->projector) : s.downInk;

  // Soft drop shadow, then the card.
  p->setPen(Qt::NoPen);
  p->setBrush(QColor(0, 0, 0, style_->projector ? 0 : 28));
  p->drawRoundedRect(card_.translated(0, 3), radius, radius);
  QPen border(s.panelBorder, style_->pen(1.2));
  if (d_.blocked && d_.up) border = QPen(s.blocked, style_->pen(2.5), Qt::DashLine);
  if (d_.selected) border = QPen(s.selection, style_->pen(3));
  p->setPen(border);
  p->setBrush(d_.up ? s.panel : s.down);
  p->drawRoundedRect(card_, radius, radius);
  if (!d_.up) {
    QColor hatch = s.downInk;
    hatch.setAlpha(70);
    p->setBrush(QBrush(hatch, Qt::BDiagPattern));
    p->setPen(Qt::NoPen);
    p->drawRoundedRect(card_, radius, radius);
  }
  // A strip in the state colour: the state reads at a glance even from the back of a room.
  {
    QPainterPath clip;
    clip.addRoundedRect(card_, radius, radius);
    p->save();
    p->setClipPath(clip);
    p->fillRect(QRectF(card_.left(), card_.top(), 6 * f, card_.height()), stateColour);
    p->restore();
  }
  qreal y = card_.top() + 10 * f;
  y = paintTitleRow(p, y);
  y = paintStateRow(p, y, stateColour);
  if (!style_->projector) {
    paintLockRow(p, y);
    y += QFontMetricsF(style_->small).height() + 8 * style_->space;  // the lock row and a gap
  }
  paintGauges(p, y);
  if (!aid_.isNull()) paintAids(p, aid_.top());
}

// The teaching aids, under the rows above: why a blocked node waits (one line per fact), then its
// running timers as countdown pills. Rows the style reserves but this node does not need stay blank.
void NodeItem::paintAids(QPainter* p, qreal y) {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = style_->space;
  const QFontMetricsF smallM(style_->small);
  const qreal rowH = smallM.height() + 4 * f;
  int rows = style_->aidRows;
  p->setFont(style_->small);
  for (const QString& line : d_.aids.why) {
    if (rows-- <= 0) return;
    p->setPen(s.ink);
    p->drawText(QRectF(aid_.left(), y, aid_.width(), rowH), Qt::AlignLeft | Qt::AlignVCenter,
                smallM.elidedText(line, Qt::ElideRight, aid_.width()));
    y += rowH;
  }
  // The countdowns in the row left below are CountdownItem's (aidCountdownRow).
}

// A clock face whose filled wedge is the time still to run, then the timer's name and what is left
// ("120 ms" alone where the name does not fit). Pills flow left to right; those that do not fit are
// counted in a "+N" at the end. Flush right (the title row), only the first pill and the count.
NodeItem::CountdownLayout NodeItem::layoutCountdowns(QRectF row, bool right) const {
  CountdownLayout out;
  const qreal f = style_->space;
  const QFontMetricsF smallM(style_->small);
  const qreal icon = row.height() - 6 * f;
  const auto& timers = d_.aids.timers;
  const auto pillWidth = [&](const QString& text) { return 4 * f + icon + 4 * f + smallM.horizontalAdvance(text) + 8 * f; };
  const qreal moreW = smallM.horizontalAdvance(QStringLiteral("+99")) + 6 * f;
  qreal x = row.left();
  for (qsizetype i = 0; i < timers.size(); ++i) {
    const NodeAids::Countdown& c = timers[i];
    const bool last = i + 1 == timers.size() || right;
    const qreal reserve = i + 1 == timers.size() ? 0 : moreW;
    QString text = c.text;
    if (x + pillWidth(text) > row.right() - reserve) text = c.shortText;
    const qreal w = pillWidth(text);
    if (x + w > row.right() - reserve && i > 0) {
      out.more = QRectF(x, row.top(), row.right() - x, row.height());
      out.moreText = QStringLiteral("+%1").arg(timers.size() - i);
      out.moreInk = QRectF(x - 2 * f, row.top(), smallM.horizontalAdvance(out.moreText) + 4 * f, row.height());
      return out;
    }
    if (right) x = std::max(row.left(), row.right() - reserve - w);
    CountdownLayout::Pill pill;
    pill.timer = i;
    pill.pill = QRectF(x, row.top() + 1 * f, std::min(w, row.right() - x), row.height() - 2 * f);
    pill.face = QRectF(pill.pill.left() + 4 * f, pill.pill.center().y() - icon / 2, icon, icon);
    pill.textBox = QRectF(pill.face.right() + 4 * f, pill.pill.top(), pill.pill.right() - pill.face.right() - 8 * f, pill.pill.height());
    pill.text = smallM.elidedText(text, Qt::ElideRight, pill.textBox.width());
    out.pills.push_back(pill);
    x = pill.pill.right() + 6 * f;
    if (last && timers.size() > i + 1) {
      out.more = QRectF(x, row.top(), row.right() - x + moreW, row.height());
      out.moreText = QStringLiteral("+%1").arg(timers.size() - i - 1);
      out.moreInk = QRectF(x - 2 * f, row.top(), smallM.horizontalAdvance(out.moreText) + 4 * f, row.height());
    }
    if (last) return out;
  }
  return out;
}

// What stays while the timers run: each pill's body, its clock's rim and its text, and the "+N".
void NodeItem::paintCountdownFaces(QPainter* p, const CountdownLayout& layout) const {
  const palette::Scheme& s = *style_->scheme;
  p->setFont(style_->small);
  for (const CountdownLayout::Pill& pill : layout.pills) {
    p->setPen(timersHighlighted_ ? QPen(style_->highlight, style_->pen(3)) : QPen(s.panelBorder, style_->pen(1)));
    p->setBrush(s.background);
    p->drawRoundedRect(pill.pill, pill.pill.height() / 2, pill.pill.height() / 2);
    p->setPen(QPen(s.ink, style_->pen(1.2)));
    p->setBrush(Qt::NoBrush);
    p->drawEllipse(pill.face);
    p->setPen(s.ink);
    p->drawText(pill.textBox, Qt::AlignLeft | Qt::AlignVCenter, pill.text);
  }
  if (!layout.moreText.isEmpty()) {
    p->setPen(s.mutedInk);
    p->drawText(layout.more, Qt::AlignLeft | Qt::AlignVCenter, layout.moreText);
  }
}

// What moves: the wedge of the time still to run, inside the clock's rim.
void NodeItem::paintCountdownWedges(QPainter* p, const CountdownLayout& layout) const {
  const qreal f = style_->space;
  p->setPen(Qt::NoPen);
  p->setBrush(style_->scheme->blocked);
  for (const CountdownLayout::Pill& pill : layout.pills)
    p->drawPie(pill.face.adjusted(1.5 * f, 1.5 * f, -1.5 * f, -1.5 * f), 90 * 16, -qRound(d_.aids.timers[pill.timer].left * 360 * 16));
}

// The pills drawn directly, each whole in turn (the order they were always drawn in).
void NodeItem::paintCountdowns(QPainter* p, const CountdownLayout& layout) const {
  for (const CountdownLayout::Pill& pill : layout.pills) {
    CountdownLayout one;
    one.pills.push_back(pill);
    paintCountdownFaces(p, one);
    paintCountdownWedges(p, one);
  }
  if (!layout.moreText.isEmpty()) {
    CountdownLayout more;
    more.more = layout.more;
    more.moreText = layout.moreText;
    paintCountdownFaces(p, more);
  }
}

// Row 1: name, then role (or the DOWN stamp) on the right. A projector card has no lock row, so its
// BLOCKED mark takes the role's place: the audience needs "blocked" more than "participant".
qreal NodeItem::paintTitleRow(QPainter* p, qreal y) {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = style_->space;
  const QFontMetricsF nameM(style_->name), badgeM(style_->badge);
  const qreal left = card_.left() + 14 * f, right = card_.right() - 10 * f;
  p->setFont(style_->name);
  p->setPen(d_.up ? s.ink : s.downInk);
  p->drawText(QRectF(left, y, card_.width(), nameM.height()), Qt::AlignLeft | Qt::AlignVCenter, d_.name);
  const qreal nameW = nameM.horizontalAdvance(d_.name) + 8 * f;
  if (!d_.up || (style_->projector && d_.blocked)) {
    p->setFont(style_->badge);
    const QString stamp = d_.up ? tr("BLOCKED") : tr("DOWN");
    const qreal w = std::min(badgeM.horizontalAdvance(stamp) + 14 * f, right - left - nameW);
    const QRectF box(right - w, y + (nameM.height() - badgeM.height() - 4 * f) / 2, w, badgeM.height() + 4 * f);
    const QColor fill = d_.up ? s.blocked : s.cut;
    p->setPen(Qt::NoPen);
    p->setBrush(fill);
    p->drawRoundedRect(box, 4 * f, 4 * f);
    p->setPen(palette::textOn(fill));
    p->drawText(box, Qt::AlignCenter, badgeM.elidedText(stamp, Qt::ElideRight, w));
  } else if (countdownInTitle()) {
    // The countdown goes here, painted by CountdownItem (titleCountdownRow).
  } else {
    p->setFont(style_->role);
    p->setPen(s.mutedInk);
    const QString role = QFontMetricsF(style_->role).elidedText(d_.role, Qt::ElideRight, right - left - nameW);
    p->drawText(QRectF(left, y, right - left, nameM.height()), Qt::AlignRight | Qt::AlignVCenter, role);
  }
  return y + nameM.height() + 6 * f;
}

// Row 2: the state badge and the transaction it belongs to (on a projector, then the lock count).
qreal NodeItem::paintStateRow(QPainter* p, qreal y, const QColor& stateColour) {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = style_->space;
  const QFontMetricsF badgeM(style_->badge), roleM(style_->role);
  const qreal left = card_.left() + 14 * f, right = card_.right() - 10 * f;
  p->setFont(style_->badge);
  const auto [key, gloss] = style_->glossBelow ? CanvasStyle::splitGloss(d_.stateText) : std::pair{d_.stateText, QString()};
  const qreal glossH = style_->glossBelow ? roleM.height() : 0;
  const qreal bw = std::max(badgeM.horizontalAdvance(key), roleM.horizontalAdvance(gloss)) + 16 * f;
  const QRectF badge(left, y, bw, badgeM.height() + glossH + 8 * f);
  const qreal radius = std::min(badge.height(), badgeM.height() + 8 * f) / 2;
  p->setPen(d_.up ? Qt::NoPen : QPen(s.downInk, style_->pen(1), Qt::DashLine));
  p->setBrush(d_.up ? stateColour : s.down);
  p->drawRoundedRect(badge, radius, radius);
  p->setPen(d_.up ? palette::textOn(stateColour) : s.downInk);
  if (gloss.isEmpty()) {
    p->drawText(badge, Qt::AlignCenter, key);
  } else {
    const QRectF keyBox(badge.left(), badge.top() + 4 * f, badge.width(), badgeM.height());
    p->drawText(keyBox, Qt::AlignCenter, key);
    p->setFont(style_->role);
    p->drawText(QRectF(badge.left(), keyBox.bottom(), badge.width(), glossH), Qt::AlignHCenter | Qt::AlignTop, gloss);
  }
  p->setFont(style_->role);
  p->setPen(d_.up ? s.ink : s.downInk);
  if (d_.txn != 0)
    p->drawText(QRectF(badge.right() + 8 * f, y, right - badge.right() - 8 * f, badge.height()), Qt::AlignLeft | Qt::AlignVCenter,
                tr("txn %1").arg(d_.txn));
  if (style_->projector && !d_.locks.isEmpty()) {
    const QString count = QString::number(d_.locks.size());
    const qreal cw = roleM.horizontalAdvance(count), icon = roleM.height() * 0.8;
    p->drawText(QRectF(right - cw, y, cw, badge.height()), Qt::AlignRight | Qt::AlignVCenter, count);
    drawLock(p, QRectF(right - cw - 4 * f - icon * 0.8, y + (badge.height() - icon) / 2, icon * 0.8, icon), d_.up ? s.ink : s.downInk);
  }
  return y + badge.height() + 8 * f;
}

qreal NodeItem::gaugeRowHeight() const { return QFontMetricsF(style_->small).height() + 8 * style_->space; }

QString NodeItem::gaugeText(const Data::Gauge& g) {
  return g.capacity > 0 ? QStringLiteral("%1 %2/%3").arg(g.label).arg(g.value).arg(g.capacity)
                        : QStringLiteral("%1 %2").arg(g.label).arg(g.value);
}

// One row per gauge, under the locks: its text, then for a gauge one cell per unit of capacity (a
// plain bar past 12), filled as far as it is used, in the blocked colour once it is full; a counter
// that is not zero is drawn as a pill in the highlight accent, so that an event (the janitor acted)
// reads from the back of the room.
void NodeItem::paintGauges(QPainter* p, qreal y) {
  gaugeTextsDrawn_.clear();
  const palette::Scheme& s = *style_->scheme;
  const qreal f = style_->space;
  const QFontMetricsF smallM(style_->small);
  const qreal left = card_.left() + 14 * f, right = card_.right() - 10 * f, rowH = smallM.height() + 4 * f;
  const QColor ink = d_.up ? s.ink : s.downInk;
  p->setFont(style_->small);
  for (const Data::Gauge& g : d_.gauges) {
    const QString text = gaugeText(g);
    gaugeTextsDrawn_ << text;
    const qreal tw = std::min(smallM.horizontalAdvance(text) + 12 * f, right - left);
    const QRectF label(left, y, tw, rowH);
    if (g.capacity == 0 && g.value > 0) {
      p->setPen(Qt::NoPen);
      p->setBrush(style_->highlight);
      p->drawRoundedRect(label, rowH / 2, rowH / 2);
      p->setPen(palette::textOn(style_->highlight));
      p->drawText(label, Qt::AlignCenter, smallM.elidedText(text, Qt::ElideRight, tw - 8 * f));
    } else {
      p->setPen(g.capacity == 0 ? s.mutedInk : ink);
      p->drawText(label, Qt::AlignLeft | Qt::AlignVCenter, smallM.elidedText(text, Qt::ElideRight, tw));
    }
    if (g.capacity > 0 && right - label.right() > 12 * f) {
      const QRectF bar(label.right() + 4 * f, y + rowH * 0.25, right - label.right() - 4 * f, rowH * 0.5);
      const QColor fill = g.value >= g.capacity ? s.blocked : ink;
      const qint64 cells = std::min<qint64>(g.capacity, 12);
      const qreal gap = cells > 1 ? 2 * f : 0, cw = (bar.width() - gap * static_cast<qreal>(cells - 1)) / static_cast<qreal>(cells);
      const qreal filled = static_cast<qreal>(std::min(g.value, g.capacity)) * static_cast<qreal>(cells) / static_cast<qreal>(g.capacity);
      p->setPen(QPen(ink, style_->pen(0.8)));
      for (qint64 i = 0; i < cells; ++i) {
        const QRectF cell(bar.left() + static_cast<qreal>(i) * (cw + gap), bar.top(), cw, bar.height());
        p->setBrush(static_cast<qreal>(i) + 0.5 < filled ? fill : Qt::transparent);
        p->drawRect(cell);
      }
    }
    y += gaugeRowHeight();
  }
}

// Row 3 (desk only): locks held (count and resources) and the blocked mark.
void NodeItem::paintLockRow(QPainter* p, qreal y) {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = style_->space;
  const QFontMetricsF smallM(style_->small);
  const qreal left = card_.left() + 14 * f, right = card_.right() - 10 * f;
  const QColor ink = d_.up ? s.ink : s.downInk;
  p->setFont(style_->small);
  const qreal rowH = smallM.height() + 4 * f;
  qreal textRight = right;
  if (d_.blocked && d_.up) {
    const QString b = tr("BLOCKED");
    const qreal w = smallM.horizontalAdvance(b) + 12 * f;
    const QRectF pill(right - w, y, w, rowH);
    p->setPen(Qt::NoPen);
    p->setBrush(s.blocked);
    p->drawRoundedRect(pill, rowH / 2, rowH / 2);
    p->setPen(palette::textOn(s.blocked));
    p->drawText(pill, Qt::AlignCenter, b);
    textRight = pill.left() - 6 * f;
  } else if (!d_.up && d_.crashes > 0) {
    p->setPen(s.downInk);
    p->drawText(QRectF(left, y, right - left, rowH), Qt::AlignRight | Qt::AlignVCenter, tr("volatile state lost"));
    textRight = left + (right - left) * 0.45;
  }
  const qreal icon = smallM.height() * 0.8;
  const QColor lockInk = d_.locks.isEmpty() ? s.faintLink : ink;
  drawLock(p, QRectF(left, y + (rowH - icon) / 2, icon * 0.8, icon), lockInk);
  p->setPen(d_.locks.isEmpty() ? s.mutedInk : ink);
  const QString locks = d_.locks.isEmpty() ? (d_.up ? tr("no locks") : QString())
                                           : QStringLiteral("%1 · %2").arg(d_.locks.size()).arg(d_.locks.join(QLatin1Char(' ')));
  p->drawText(QRectF(left + icon + 4 * f, y, textRight - left - icon - 4 * f, rowH), Qt::AlignLeft | Qt::AlignVCenter,
              smallM.elidedText(locks, Qt::ElideRight, textRight - left - icon - 4 * f));
}

void NodeItem::paintLog(QPainter* p) {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = style_->space;
  // Opaque: links and tokens pass behind the log, never through its text.
  const QColor bg = d_.up ? s.panel : s.down;
  p->setPen(QPen(d_.up ? s.grid : s.downInk, style_->pen(1)));
  p->setBrush(bg);
  QPainterPath box;
  box.addRoundedRect(log_, 6 * f, 6 * f);
  p->drawPath(box);

  const QFontMetricsF mono(style_->mono);
  qreal y = log_.top() + 4 * f;
  const qreal x = log_.left() + 8 * f;
  p->setFont(style_->mono);
  p->setPen(d_.up ? s.mutedInk : s.ink);
  QString header = d_.up ? tr("WAL") : tr("WAL — survives the crash");
  if (d_.logHidden > 0) header += QStringLiteral("  (+%1)").arg(d_.logHidden);
  if (d_.log.isEmpty()) header += QStringLiteral("  ") + tr("empty");
  qreal indent = 0;
  if (logHeaderInline()) {
    // One row: the acronym alone (its translation adds a gloss that would crowd out the record).
    header = QStringLiteral("WAL");
    indent = mono.horizontalAdvance(header + QStringLiteral("  "));
  }
  p->drawText(QRectF(x, y, log_.width() - 12 * f, mono.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
              mono.elidedText(header, Qt::ElideRight, log_.width() - 12 * f));
  if (!logHeaderInline()) y += mono.lineSpacing();
  p->setPen(d_.up ? s.ink : s.ink);
  for (const QString& line : d_.log) {
    p->drawText(QRectF(x + indent, y, log_.width() - 12 * f - indent, mono.lineSpacing()), Qt::AlignLeft | Qt::AlignVCenter,
                mono.elidedText(line, Qt::ElideRight, log_.width() - 12 * f - indent));
    y += mono.lineSpacing();
    indent = 0;
  }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemPositionHasChanged && onMoved) onMoved(this);
  return QGraphicsItem::itemChange(change, value);
}

void NodeItem::mousePressEvent(QGraphicsSceneMouseEvent* e) {
  dragging_ = e->button() == Qt::LeftButton;
  if (dragging_) setCursor(Qt::ClosedHandCursor);
  QGraphicsItem::mousePressEvent(e);
}

void NodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent* e) {
  dragging_ = false;
  setCursor(Qt::OpenHandCursor);
  QGraphicsItem::mouseReleaseEvent(e);
}

// ---------------------------------------------------------------------------------------------
// LinkItem

LinkItem::LinkItem(NodeItem* a, NodeItem* b, const CanvasStyle* style) : a_(a), b_(b), style_(style) {
  setFlag(ItemHasNoContents);  // painted by the view's static layer, except while hovered
  setAcceptHoverEvents(true);
  setCursor(Qt::PointingHandCursor);
  setZValue(1);
  adjust();
}

void LinkItem::setData(const Data& d) {
  if (d == d_) return;
  d_ = d;
  setZValue(d.emphasised ? 2 : 1);
  update();
}

QPointF LinkItem::visibleMid() const {
  // The middle of the stretch between the two cards (a card can hide the geometric midpoint).
  if (bend_ != 0) return pointOnTrack(a_, 0.5);
  const QLineF t = track(a_);
  const QPointF normal = t.length() > 0 ? QPointF(t.dy(), -t.dx()) / t.length() : QPointF();
  return t.center() - normal * 7 * style_->scheme->fontScale;
}

void LinkItem::adjust() {
  prepareGeometryChange();
  line_ = QLineF(a_->pos(), b_->pos());
  curve_ = bend_ == 0 ? QPolygonF{line_.p1(), line_.p2()} : linkroute::polyline(line_.p1(), line_.p2(), bend_);
}

void LinkItem::setBend(qreal bend) {
  if (bend == bend_) return;
  bend_ = bend;
  adjust();
  update();
}

QPointF LinkItem::pointOnTrack(const NodeItem* from, qreal progress) const {
  if (bend_ == 0) return track(from).pointAt(progress);
  const NodeItem* to = from == a_ ? b_ : a_;
  QPolygonF pts = curve_;
  if (from == b_) std::reverse(pts.begin(), pts.end());
  const qreal gap = 4 * style_->scheme->fontScale;
  const QPolygonF vis = linkroute::visibleStretch(pts, from->outlineRect().translated(from->pos()).adjusted(-gap, -gap, gap, gap),
                                                  to->outlineRect().translated(to->pos()).adjusted(-gap, -gap, gap, gap));
  if (vis.size() < 2) return track(from).pointAt(progress);
  qreal total = 0;
  for (qsizetype i = 0; i + 1 < vis.size(); ++i) total += QLineF(vis[i], vis[i + 1]).length();
  qreal left = std::clamp(progress, 0.0, 1.0) * total;
  for (qsizetype i = 0; i + 1 < vis.size(); ++i) {
    const QLineF seg(vis[i], vis[i + 1]);
    if (left > seg.length() && i + 2 < vis.size()) {
      left -= seg.length();
      continue;
    }
    // Each direction keeps its own lane, on the left of the direction of travel (as track() does).
    const QPointF normal = seg.length() > 0 ? QPointF(seg.dy(), -seg.dx()) / seg.length() : QPointF();
    return seg.pointAt(seg.length() > 0 ? std::min(1.0, left / seg.length()) : 0) + normal * 7 * style_->scheme->fontScale;
  }
  return vis.last();
}

QLineF LinkItem::track(const NodeItem* from) const {
  const NodeItem* to = from == a_ ? b_ : a_;
  const QPointF p = from->pos(), q = to->pos();
  QPointF d = q - p;
  const qreal len = std::hypot(d.x(), d.y());
  if (len < 1e-6) return QLineF(p, q);
  d /= len;
  const qreal gap = 4 * style_->scheme->fontScale;
  const QPointF start = rectExit(from->outlineRect().translated(p), d, p) + d * gap;
  const QPointF end = rectExit(to->outlineRect().translated(q), -d, q) - d * gap;
  // Each direction gets its own lane, on the left of the direction of travel.
  const qreal side = 7 * style_->scheme->fontScale;
  const QPointF normal(d.y(), -d.x());
  return QLineF(start + normal * side, end + normal * side);
}

QRectF LinkItem::boundingRect() const {
  const qreal m = 40 * style_->scheme->fontScale;
  return curve_.boundingRect().adjusted(-m, -m, m, m);
}

QPainterPath LinkItem::shape() const {
  // A generous band along the line, so that a link is easy to hit with a mouse or a touch pad.
  QPainterPath path;
  path.addPolygon(curve_);
  QPainterPathStroker stroker;
  stroker.setWidth(18 * style_->scheme->lineScale);
  stroker.setCapStyle(Qt::FlatCap);
  return stroker.createStroke(path);
}

void LinkItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  // Only while hovered: a glow under the link, then the link again on top of it.
  const palette::Scheme& s = *style_->scheme;
  if (!hovered_ || line_.length() < 1) return;
  QColor h = s.hover;
  h.setAlpha(60);
  p->setPen(QPen(h, 14 * s.lineScale, Qt::SolidLine, Qt::RoundCap));
  p->drawPolyline(curve_);
  paintStatic(p);
}

void LinkItem::paintStatic(QPainter* p) const {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = s.fontScale;
  if (line_.length() < 1) return;

  const QPointF mid = visibleMid();
  if (d_.cut) {
    // Broken: two stubs with a gap, and a red X where the wire was cut.
    const qreal gap = 16 * f;
    QPolygonF first, second;
    for (QPointF q : curve_) {
      if (QLineF(q, mid).length() < gap) continue;
      // Which side of the cut: nearer a's end along the curve than the mid point is.
      (QLineF(line_.p1(), q).length() < QLineF(line_.p1(), mid).length() ? first : second) << q;
    }
    if (bend_ == 0) {
      const QPointF u = (line_.p2() - line_.p1()) / line_.length();
      first = {line_.p1(), mid - u * gap};
      second = {mid + u * gap, line_.p2()};
    }
    p->setPen(QPen(s.cut, style_->pen(2), Qt::SolidLine, Qt::FlatCap));
    p->drawPolyline(first);
    p->drawPolyline(second);
    const qreal x = 8 * f;
    p->setPen(QPen(s.cut, style_->pen(3.5), Qt::SolidLine, Qt::RoundCap));
    p->drawLine(mid + QPointF(-x, -x), mid + QPointF(x, x));
    p->drawLine(mid + QPointF(-x, x), mid + QPointF(x, -x));
  } else if (d_.partitioned) {
    QColor c = s.cut;
    c.setAlpha(150);
    p->setPen(QPen(c, style_->pen(1.5), Qt::DotLine, Qt::FlatCap));
    p->drawPolyline(curve_);
  } else if (d_.emphasised) {
    p->setPen(QPen(s.link, style_->pen(2), Qt::SolidLine, Qt::FlatCap));  // round caps are slow at 4K
    p->drawPolyline(curve_);
  } else {
    // Thin and pale rather than dashed: dashing long lines at 4K costs more than the whole card.
    p->setPen(QPen(s.faintLink, style_->pen(1), Qt::SolidLine, Qt::FlatCap));
    p->drawPolyline(curve_);
  }

  // A one-shot fault waiting for the next message: a tag on the link says which.
  if (d_.dropArmed || d_.dupArmed) {
    QStringList tags;
    if (d_.dropArmed) tags << tr("drop next");
    if (d_.dupArmed) tags << tr("duplicate next");
    p->setFont(style_->small);
    const QString text = tags.join(QStringLiteral(" · "));
    const QFontMetricsF m(style_->small);
    const qreal w = m.horizontalAdvance(text) + 12 * f;
    const QRectF tag(mid.x() - w / 2, mid.y() + 10 * f, w, m.height() + 4 * f);
    p->setPen(QPen(s.cut, style_->pen(1)));
    p->setBrush(s.panel);
    p->drawRoundedRect(tag, tag.height() / 2, tag.height() / 2);
    p->setPen(s.cut);
    p->drawText(tag, Qt::AlignCenter, text);
  }
}

void LinkItem::hoverEnterEvent(QGraphicsSceneHoverEvent*) {
  hovered_ = true;
  setFlag(ItemHasNoContents, false);
  update();
}

void LinkItem::hoverLeaveEvent(QGraphicsSceneHoverEvent*) {
  hovered_ = false;
  update();
  setFlag(ItemHasNoContents, true);
}

// ---------------------------------------------------------------------------------------------
// MessageItem

MessageItem::MessageItem(quint32 id, const CanvasStyle* style) : id_(id), style_(style) {
  // The view paints every token in one pass from sprites (a per-item cache through QGraphicsView
  // was slower than painting; one blit per token from a shared sprite is much faster than both).
  setFlag(ItemHasNoContents);
  setAcceptHoverEvents(true);
  setCursor(Qt::PointingHandCursor);
  setZValue(20);
}

qreal MessageItem::radius() const { return 7 * style_->scheme->fontScale; }

void MessageItem::setData(const Data& d) {
  const bool relabel = d.text != d_.text || d.copy != d_.copy;
  // Only a doomed token's look depends on its progress (it fades); the others just move, and a
  // move reuses the cached pixmap.
  d_ = d;
  if (relabel || bounds_.isNull()) styleChanged();
}

QString MessageItem::label() const { return d_.copy ? d_.text + QStringLiteral(" ×2") : d_.text; }

void MessageItem::styleChanged() {
  prepareGeometryChange();
  const qreal r = radius();
  const QFontMetricsF m(style_->token);
  QString label = d_.text;
  if (d_.copy) label += QStringLiteral(" ×2");
  const qreal w = m.horizontalAdvance(label) + 8;
  bounds_ = QRectF(-r - 4, -r - m.height() - 6, 2 * r + 8 + w, 2 * r + m.height() + 10).adjusted(-4, -4, 4, 4);
}

QRectF MessageItem::boundingRect() const { return bounds_; }

QPainterPath MessageItem::shape() const {
  QPainterPath p;
  const qreal r = radius() + 4;
  p.addEllipse(QPointF(0, 0), r, r);
  return p;
}

QRectF MessageItem::labelRect(const CanvasStyle& style, qreal textWidth, LabelSide side) {
  const qreal r = 7 * style.scheme->fontScale;
  const qreal h = QFontMetricsF(style.token).height();
  const qreal w = textWidth + 4;
  const qreal top = side.middle ? -h / 2 + side.dy : side.below ? r + 1 : -r - h - 1;
  return QRectF(side.left ? -r - 3 - w : r + 3, top, w, h);
}

void MessageItem::paintToken(QPainter* p, const CanvasStyle& style, const QString& key, const QString& label,
                             bool selected, LabelSide side) {
  const palette::Scheme& s = *style.scheme;
  const qreal r = 7 * s.fontScale;
  const QColor fill = palette::message(key, style.projector);
  if (selected) {
    p->setPen(QPen(s.selection, style.pen(2.5)));
    p->setBrush(Qt::NoBrush);
    p->drawEllipse(QPointF(0, 0), r + 5, r + 5);
  }
  p->setPen(QPen(style.projector ? Qt::black : fill.darker(150), style.pen(1.2)));
  p->setBrush(fill);
  p->drawPath(palette::shapePath(palette::messageShape(key), QPointF(0, 0), r));

  // The type is written next to the token (nothing needs hovering to be understood), unless the
  // view leaves it out because another label is already there.
  if (label.isEmpty()) return;
  p->setFont(style.token);
  const QRectF text = labelRect(style, QFontMetricsF(style.token).horizontalAdvance(label), side);
  // A token often passes over a node's WAL box or another label: a backing plate keeps the type
  // readable on top of text, where a halo alone would not.
  QColor plate = s.background;
  plate.setAlpha(225);
  p->setPen(Qt::NoPen);
  p->setBrush(plate);
  p->drawRoundedRect(text.adjusted(-2, 0, 2, 0), 3, 3);
  haloText(p, text, Qt::AlignLeft | Qt::AlignVCenter, label, fill.darker(style.projector ? 100 : 115), s.background);
}

// ---------------------------------------------------------------------------------------------
// PartitionItem

PartitionItem::PartitionItem(int side, const CanvasStyle* style) : side_(side), style_(style) {
  setZValue(-10);
  setFlag(ItemHasNoContents);  // painted by the view's static layer, under the links
}

namespace {

qreal cross(QPointF o, QPointF a, QPointF b) { return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x()); }

// Andrew's monotone chain.
QPolygonF convexHull(QList<QPointF> pts) {
  std::sort(pts.begin(), pts.end(), [](QPointF a, QPointF b) { return a.x() != b.x() ? a.x() < b.x() : a.y() < b.y(); });
  if (pts.size() < 3) return QPolygonF(pts);
  QList<QPointF> h(2 * pts.size());
  qsizetype k = 0;
  for (qsizetype i = 0; i < pts.size(); ++i) {
    while (k >= 2 && cross(h[k - 2], h[k - 1], pts[i]) <= 0) --k;
    h[k++] = pts[i];
  }
  for (qsizetype i = pts.size() - 2, t = k + 1; i >= 0; --i) {
    while (k >= t && cross(h[k - 2], h[k - 1], pts[i]) <= 0) --k;
    h[k++] = pts[i];
  }
  h.resize(k - 1);
  return QPolygonF(h);
}

}  // namespace

void PartitionItem::setRegion(const QList<QRectF>& cards, const QString& label) {
  if (cards == cards_ && label == label_) return;
  if (onChanged) onChanged();
  prepareGeometryChange();
  cards_ = cards;
  label_ = label;
  QList<QPointF> pts;
  for (const QRectF& r : cards) pts << r.topLeft() << r.topRight() << r.bottomLeft() << r.bottomRight();
  QPainterPath hull;
  hull.addPolygon(convexHull(pts));
  hull.closeSubpath();
  // Grow the hull with round corners: the stroke of its outline, united with its inside.
  QPainterPathStroker stroker;
  stroker.setWidth(36 * style_->scheme->fontScale);
  stroker.setJoinStyle(Qt::RoundJoin);
  stroker.setCapStyle(Qt::RoundCap);
  path_ = stroker.createStroke(hull).united(hull).simplified();
  update();
}

void PartitionItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  const palette::Scheme& s = *style_->scheme;
  const int i = side_ % 4;
  p->setPen(QPen(s.sideInk[i], style_->pen(1.5), Qt::DashLine));
  p->setBrush(s.sideFill[i]);
  p->drawPath(path_);
  p->setFont(style_->name);
  p->setPen(s.sideInk[i]);
  const QRectF b = path_.boundingRect();
  p->drawText(QRectF(b.left() + 14, b.top() - QFontMetricsF(style_->name).height() - 2, b.width(), QFontMetricsF(style_->name).height()),
              Qt::AlignLeft | Qt::AlignVCenter, label_);
}

// ---------------------------------------------------------------------------------------------
// HighlightItem

HighlightItem::HighlightItem(const CanvasStyle* style) : style_(style) {
  setZValue(5);  // above the links (z 1-2), below the cards (z 10) and the tokens
  setAcceptedMouseButtons(Qt::NoButton);
}

void HighlightItem::setTargets(const QList<const NodeItem*>& nodes, const QList<const LinkItem*>& links) {
  nodes_ = nodes;
  links_ = links;
  geometryChanged();
}

void HighlightItem::setPhase(qreal phase) {
  phase_ = phase;
  update();
}

void HighlightItem::geometryChanged() {
  prepareGeometryChange();
  const qreal m = 16 * style_->scheme->fontScale + 8 * style_->scheme->lineScale;
  QRectF r;
  for (const NodeItem* n : nodes_) r = r.united(n->mapRectToScene(n->cardRect()));
  for (const LinkItem* l : links_) r = r.united(l->curve().boundingRect());
  bounds_ = r.isNull() ? QRectF() : r.adjusted(-m, -m, m, m);
  update();
}

void HighlightItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = s.fontScale;
  // A gentle pulse of the glow (the accent outline itself stays put, so it never looks absent).
  const qreal pulse = 0.5 - 0.5 * std::cos(phase_ * 2 * M_PI);
  QColor glow = style_->highlightGlow;
  glow.setAlphaF(glow.alphaF() * (0.55 + 0.45 * pulse));
  p->setRenderHint(QPainter::Antialiasing);
  for (const LinkItem* l : links_) {
    if (l->line().length() < 1) continue;
    p->setPen(QPen(glow, (14 + 6 * pulse) * s.lineScale, Qt::SolidLine, Qt::RoundCap));
    p->drawPolyline(l->curve());
    p->setPen(QPen(style_->highlight, 4.5 * s.lineScale, Qt::SolidLine, Qt::RoundCap));
    p->drawPolyline(l->curve());
  }
  for (const NodeItem* n : nodes_) {
    const QRectF card = n->mapRectToScene(n->cardRect());
    const qreal r = 10 * f;
    const qreal g = (6 + 4 * pulse) * f;
    p->setPen(Qt::NoPen);
    p->setBrush(glow);
    p->drawRoundedRect(card.adjusted(-g - 4 * f, -g - 4 * f, g + 4 * f, g + 4 * f), r + g, r + g);
    p->setBrush(Qt::NoBrush);
    p->setPen(QPen(style_->highlight, 4 * s.lineScale));
    p->drawRoundedRect(card.adjusted(-4 * f, -4 * f, 4 * f, 4 * f), r + 3 * f, r + 3 * f);
  }
}
