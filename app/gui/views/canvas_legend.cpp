#include "canvas_legend.hpp"

#include "projector_style.hpp"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>

QString CanvasLegend::familyName(cs::MessageFamily family) {
  using F = cs::MessageFamily;
  switch (family) {
    case F::Request: return tr("request");
    case F::VoteYes: return tr("yes vote");
    case F::VoteNo: return tr("no vote");
    case F::PreDecision: return tr("pre-decision");
    case F::Commit: return tr("commit decision");
    case F::Abort: return tr("abort decision");
    case F::Ack: return tr("acknowledgement");
    case F::Recovery: return tr("recovery");
    case F::Compensation: return tr("compensation");
    case F::Replication: return tr("replication");
    case F::Election: return tr("election");
    case F::Success: return tr("success");
    case F::Failure: return tr("failure");
    case F::Event: return tr("event");
  }
  return {};
}

QFont CanvasLegend::font() const {
  QFont f = style_->small;
  // Reference material: on a projector it stays at the 18 px the room can read at 1280x720, smaller
  // than the cards (grown with the screen as the window's type is: 27 px at 1920x1080).
  f.setPixelSize(style_->projector ? static_cast<int>(18 * projector::factor() + 0.5) : 12);
  return f;
}

qreal CanvasLegend::rowHeight() const {
  const qreal f = scale();
  return std::max(QFontMetricsF(font()).height(), 16 * f) + 6 * f;
}

qreal CanvasLegend::entryWidth(const Entry& e) const {
  const qreal f = scale();
  const qreal text = QFontMetricsF(font()).horizontalAdvance(e.text);
  return e.mark == Mark::More ? text : 18 * f + 6 * f + text;  // "+N more" has no mark before it
}

// Left to right after the title, a new row when the next entry does not fit; false when more than
// `maxRows` rows would be needed.
// "Messages" heads the legend when it lists message families (not when it shows only marks).
qreal CanvasLegend::titleWidth(const Layout& l) const {
  if (l.entries.empty() || l.entries.front().mark != Mark::Token) return 0;
  return QFontMetricsF(font()).horizontalAdvance(tr("Messages")) + 16 * scale();
}

bool CanvasLegend::flow(const QRectF& area, Layout& l, int maxRows) const {
  const qreal f = scale();
  const qreal pad = padding(), gapX = 16 * f, rowH = rowHeight();
  const qreal indent = pad + titleWidth(l);
  const qreal maxW = area.width() - 2 * 12 * f;
  l.at.assign(l.entries.size(), {});
  qreal x = indent, y = pad, widest = 0;
  int row = 0;
  for (std::size_t i = 0; i < l.entries.size(); ++i) {
    const qreal w = entryWidth(l.entries[i]);
    if (x + w > maxW - pad && x > indent) {
      x = indent;
      y += rowH;
      ++row;
    }
    // An entry wider than the whole row does not fit on any row (a narrow projector canvas left the
    // clock's row room for less than "crashed node", and the box ran under the clock).
    if (row >= maxRows || x + w > maxW - pad) return false;
    l.at[i] = QPointF(x, y);
    x += w + gapX;
    widest = std::max(widest, x - gapX + pad);
  }
  l.size = QSizeF(widest, y + rowH + pad);
  return true;
}

CanvasLegend::Layout CanvasLegend::layout(const QRectF& area, const std::vector<Entry>& entries, int maxRows) const {
  Layout l;
  if (entries.empty()) return l;
  l.entries = entries;
  if (flow(area, l, maxRows)) return l;
  // Too many: keep, in their order, the entries that fit beside a "+N more" for the rest (a long one
  // such as "acknowledgement" is passed over for shorter ones after it rather than ending the row).
  // A lone "+N more" says nothing a reader can use: when not even one entry fits, there is no legend.
  const auto more = [&](std::size_t rest) { return Entry{Mark::More, {}, tr("+%1 more").arg(rest)}; };
  std::vector<Entry> kept;
  for (const Entry& e : entries) {
    Layout trial;
    trial.entries = kept;
    trial.entries.push_back(e);
    trial.entries.push_back(more(entries.size() - kept.size() - 1));
    if (flow(area, trial, maxRows)) kept.push_back(e);
  }
  if (kept.empty()) return {};
  l.entries = kept;
  l.entries.push_back(more(entries.size() - kept.size()));
  return flow(area, l, maxRows) ? l : Layout{};
}

QRectF CanvasLegend::box(const QRectF& area, QSizeF size, bool atTop) const {
  const qreal f = scale();
  if (atTop) return QRectF(area.left() + 8 * f, area.top() + 4, size.width(), size.height());
  return QRectF(area.left() + 12 * f, area.bottom() - size.height() - 10 * f, size.width(), size.height());
}

void CanvasLegend::paint(QPainter* p, const QRectF& box, const Layout& l) const {
  if (l.empty()) return;
  const palette::Scheme& s = *style_->scheme;
  const qreal f = scale();
  const qreal pad = padding(), rowH = rowHeight();
  QColor bg = s.panel;
  bg.setAlpha(232);
  p->setPen(QPen(s.panelBorder, style_->pen(1)));
  p->setBrush(bg);
  p->drawRoundedRect(box, 8 * f, 8 * f);
  p->setFont(font());
  p->setPen(s.mutedInk);
  if (titleWidth(l) > 0)
    p->drawText(QRectF(box.left() + pad, box.top() + pad, box.width(), rowH), Qt::AlignLeft | Qt::AlignVCenter, tr("Messages"));
  for (std::size_t i = 0; i < l.entries.size(); ++i) {
    const Entry& e = l.entries[i];
    const QRectF cell(box.topLeft() + l.at[i], QSizeF(18 * f, rowH));
    const bool more = e.mark == Mark::More;
    if (!more) paintMark(p, e, cell);
    p->setPen(more ? s.mutedInk : s.ink);
    const qreal x = more ? cell.left() : cell.right() + 6 * f;
    p->drawText(QRectF(x, cell.top(), box.right() - x, rowH), Qt::AlignLeft | Qt::AlignVCenter, e.text);
  }
}

void CanvasLegend::paintMark(QPainter* p, const Entry& e, const QRectF& cell) const {
  const qreal f = scale();
  switch (e.mark) {
    case Mark::Token: {
      const QColor fill = palette::familyColour(e.family, style_->projector);
      p->setPen(QPen(style_->projector ? Qt::black : fill.darker(150), style_->pen(1)));
      p->setBrush(fill);
      p->drawPath(palette::shapePath(palette::familyShape(e.family), cell.center(), 6.5 * f));
      break;
    }
    case Mark::Cut: paintCut(p, cell); break;
    case Mark::Lost: paintLost(p, cell.center()); break;
    case Mark::Down: paintDown(p, cell); break;
    case Mark::More: break;
  }
}

void CanvasLegend::paintCut(QPainter* p, const QRectF& cell) const {
  const qreal f = scale(), k = 4 * f;
  const QPointF c = cell.center();
  p->setPen(QPen(style_->scheme->cut, style_->pen(2), Qt::SolidLine, Qt::RoundCap));
  p->drawLine(QPointF(cell.left(), c.y()), QPointF(c.x() - k, c.y()));
  p->drawLine(QPointF(c.x() + k, c.y()), QPointF(cell.right(), c.y()));
  p->drawLine(c + QPointF(-k, -k), c + QPointF(k, k));
  p->drawLine(c + QPointF(-k, k), c + QPointF(k, -k));
}

void CanvasLegend::paintLost(QPainter* p, QPointF c) const {
  const qreal k = 6 * scale();
  p->setPen(Qt::NoPen);
  p->setBrush(style_->scheme->faintLink);
  p->drawEllipse(c, k, k);
  p->setPen(QPen(style_->scheme->cut, style_->pen(2), Qt::SolidLine, Qt::RoundCap));
  p->drawLine(c + QPointF(-k, -k), c + QPointF(k, k));
  p->drawLine(c + QPointF(-k, k), c + QPointF(k, -k));
}

void CanvasLegend::paintDown(QPainter* p, const QRectF& cell) const {
  const palette::Scheme& s = *style_->scheme;
  const qreal f = scale();
  const QRectF r(cell.left(), cell.center().y() - 6 * f, cell.width(), 12 * f);
  p->setPen(QPen(s.downInk, style_->pen(1)));
  p->setBrush(s.down);
  p->drawRoundedRect(r, 3, 3);
  p->setBrush(QBrush(s.downInk, Qt::BDiagPattern));
  p->drawRoundedRect(r, 3, 3);
}
