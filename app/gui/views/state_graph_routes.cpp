// StateGraphLayout, second half: the arrows between the boxes and where their labels go.
#include <QFontMetricsF>
#include <QPainterPathStroker>
#include <algorithm>
#include <cmath>

#include "state_graph_layout.hpp"

QPointF StateGraphLayout::port(int to, std::pair<int, int> key) const {
  // Incoming arrows spread along the target's left edge (top edge, top to bottom), ordered by where
  // they come from.
  const Box* b = box(to);
  const auto it = incoming_.find(to);
  if (it != incoming_.end()) {
    const auto& list = it->second;
    for (std::size_t i = 0; i < list.size(); ++i)
      if (list[i].second == key)
        return vertical_ ? QPointF(b->rect.left() + b->rect.width() * (i + 1.0) / (list.size() + 1.0), b->rect.top())
                         : QPointF(b->rect.left(), b->rect.top() + b->rect.height() * (i + 1.0) / (list.size() + 1.0));
  }
  return vertical_ ? QPointF(b->rect.center().x(), b->rect.top()) : QPointF(b->rect.left(), b->rect.center().y());
}

void StateGraphLayout::routeArrows() {
  const auto groups = arrowLabels();
  incoming_.clear();
  for (const auto& [key, labels] : groups) {
    const Box* a = box(key.first);
    const Box* b = box(key.second);
    if (!a || !b) continue;
    const bool skip = b->layer - a->layer > 1;
    incoming_[key.second].push_back({skip ? 1e9 : (vertical_ ? a->rect.center().x() : a->rect.center().y()), key});
  }
  for (auto& [to, list] : incoming_) std::sort(list.begin(), list.end());

  std::map<int, qreal> stackAbove;  // vertical layout: label height already stacked over a box
  std::map<int, int> fanOut;
  for (const auto& [key, labels] : groups)
    if (key.first != key.second) ++fanOut[key.first];
  for (const auto& [key, labels] : groups) {
    const Box* a = box(key.first);
    const Box* b = box(key.second);
    if (!a || !b || a == b) continue;
    const Route r = route(*a, *b, port(key.second, key), fanOut[key.first] > 1);
    Arrow arrow{key, r.path, r.tangentFrom, key == in_.lit};
    labels_.push_back(labelFor(arrow, in_.edgeText(labels), r.labelAt, r.below, r.leftOfArrow, r.diagonal, stackAbove));
    arrows_.push_back(std::move(arrow));
  }
}

StateGraphLayout::Route StateGraphLayout::route(const Box& a, const Box& b, QPointF end, bool fansOut) const {
  const qreal f = in_.scale * fit_;
  Route r;
  if (vertical_) {
    if (b.layer > a.layer) {
      const QPointF start(a.rect.center().x(), a.rect.bottom());
      r.path.moveTo(start);
      if (b.layer - a.layer > 1 && std::abs(b.rect.center().x() - a.rect.center().x()) > a.rect.width() / 2) {
        // Skips a layer into a sibling at the side: out to the target's side first, then down
        // into it, past the boxes in between; labelled over the target like a diagonal.
        const QPointF c1(b.rect.center().x(), start.y() + (end.y() - start.y()) * 0.3), c2(end.x(), end.y() - 40 * f);
        r.path.cubicTo(c1, c2, end);
        r.tangentFrom = c2;
        r.labelAt = r.path.pointAtPercent(0.5);
        r.diagonal = true;
      } else if (b.layer - a.layer > 1) {
        // Skips a layer straight down: bulge out to the right of the boxes in between, inside the pane.
        const qreal out = std::min(std::max(a.rect.right(), b.rect.right()) + 30 * f, graphArea_.right() - 4 * f);
        const QPointF c1(out, start.y() + 10 * f), c2(out, end.y() - 30 * f);
        r.path.cubicTo(c1, c2, end);
        r.tangentFrom = c2;
        r.labelAt = r.path.pointAtPercent(0.5);
      } else {
        r.path.lineTo(end);
        r.tangentFrom = start;
        r.labelAt = start + (end - start) * 0.5;
        r.leftOfArrow = end.x() < start.x() - 1;
        r.diagonal = std::abs(end.x() - start.x()) > 1;
      }
    } else {
      // A back edge: an arc at the left.
      const QPointF start(a.rect.left(), a.rect.center().y());
      const QPointF stop(b.rect.left(), b.rect.center().y());
      r.path.moveTo(start);
      r.path.cubicTo(start - QPointF(40 * f, 0), stop - QPointF(40 * f, 0), stop);
      r.tangentFrom = stop - QPointF(40 * f, 0);
      r.labelAt = r.path.pointAtPercent(0.5);
      r.leftOfArrow = true;
    }
  } else if (b.layer - a.layer > 1) {
    // Skips a layer: swing below the boxes in between.
    const QPointF start(a.rect.center().x(), a.rect.bottom());
    r.path.moveTo(start);
    const QPointF c1(start.x(), end.y());
    const QPointF c2(end.x() - (end.x() - start.x()) * 0.35, end.y());
    r.path.cubicTo(c1, c2, end);
    r.tangentFrom = c2;
    r.labelAt = r.path.pointAtPercent(0.55);
    r.below = true;
  } else if (b.layer <= a.layer) {
    // A back edge (not in 2PC): an arc above.
    const QPointF start(a.rect.center().x(), a.rect.top());
    const QPointF stop(b.rect.center().x(), b.rect.top());
    const qreal lift = 40 * f;
    r.path.moveTo(start);
    r.path.cubicTo(start - QPointF(0, lift), stop - QPointF(0, lift), stop);
    r.tangentFrom = stop - QPointF(0, lift);
    r.labelAt = r.path.pointAtPercent(0.5);
  } else {
    const QPointF start(a.rect.right(), a.rect.center().y());
    r.path.moveTo(start);
    r.path.lineTo(end);
    r.tangentFrom = start;
    // Arrows fanning out of one state diverge towards their targets: label them nearer the end.
    r.labelAt = start + (end - start) * (fansOut ? 0.6 : 0.5);
    r.below = end.y() > start.y() + 1;
  }
  return r;
}

StateGraphLayout::Label StateGraphLayout::labelFor(const Arrow& arrow, const QString& text, QPointF labelAt, bool below,
                                                   bool leftOfArrow, bool diagonal, std::map<int, qreal>& stackAbove) const {
  // Labels sit on the arrow (on a paper backing), wrapped to the gap between the columns, so that
  // they never reach into a state box. A skip edge is labelled under its lowest stretch.
  // Several transitions on one arrow: one bullet each (edgeText), so that their event/action pairs
  // stay apart.
  const qreal f = in_.scale * fit_;
  const QFontMetricsF lm(font(11 * f, arrow.lit));
  const Box* a = box(arrow.key.first);
  const Box* b = box(arrow.key.second);
  QRectF r;
  if (vertical_ && diagonal) {
    // Into one of several siblings: over the target box, clear of its arrowhead, as wide as half
    // the pane (the siblings sit at the edges and the box they leave from in the middle, higher up).
    const qreal width = std::max<qreal>(b->rect.width(), graphArea_.width() * 0.5 - 6 * f);
    r = lm.boundingRect(QRectF(0, 0, width, 1000), Qt::AlignCenter | Qt::TextWordWrap, text);
    r.moveCenter(QPointF(b->rect.center().x(), 0));
    // Several arrows into one box: their labels stack upwards from it.
    r.moveBottom(b->rect.top() - 14 * f - stackAbove[arrow.key.second]);
    stackAbove[arrow.key.second] += r.height() + 3 * f;
    if (r.left() < graphArea_.left() + 2) r.moveLeft(graphArea_.left() + 2);
    if (r.right() > graphArea_.right() - 2) r.moveRight(graphArea_.right() - 2);
    Label l{r, text, arrow.lit, width};
    l.key = arrow.key;
    return l;
  }
  if (vertical_) {
    // Beside the arrow, with the room up to the pane's edge on that side.
    const qreal room = leftOfArrow ? labelAt.x() - graphArea_.left() - 6 * f : graphArea_.right() - labelAt.x() - 6 * f;
    qreal width = std::max<qreal>(70 * f, room);
    r = lm.boundingRect(QRectF(0, 0, width, 1000), Qt::AlignLeft | Qt::TextWordWrap, text);
    r.moveCenter(labelAt);
    if (leftOfArrow) r.moveRight(labelAt.x() - 6 * f);
    else r.moveLeft(labelAt.x() + 6 * f);
    if (!leftOfArrow && b->layer == a->layer + 1 && r.height() > b->rect.top() - a->rect.bottom() - 2 * f) {
      // Taller than the gap (a short pane): right of both boxes instead, where it covers nothing.
      const qreal x = std::max(a->rect.right(), b->rect.right()) + 6 * f;
      width = std::max<qreal>(60 * f, graphArea_.right() - x - 2);
      r = lm.boundingRect(QRectF(0, 0, width, 1000), Qt::AlignLeft | Qt::TextWordWrap, text);
      r.moveCenter(labelAt);
      r.moveLeft(x);
    }
    Label l{r, text, arrow.lit, width};
    l.key = arrow.key;
    return l;
  }
  const qreal width = std::max<qreal>(70 * f, std::abs(b->rect.left() - a->rect.right()) - 8 * f);
  r = lm.boundingRect(QRectF(0, 0, width, 1000), Qt::AlignCenter | Qt::TextWordWrap, text);
  r.moveCenter(labelAt);
  if (below && b->layer - a->layer > 1) r.translate(0, r.height() / 2 + 4 * f);
  if (b->layer == a->layer + 1) {
    // Kept inside the gap between the two columns (a fanning-out label sits nearer its target).
    const qreal lo = a->rect.right() + 4 * f, hi = b->rect.left() - 4 * f;
    if (r.right() > hi) r.moveRight(hi);
    if (r.left() < lo) r.moveLeft(lo);
  }
  Label l{r, text, arrow.lit, width};
  l.key = arrow.key;
  return l;
}

void StateGraphLayout::placeLabels(const QRectF& pane) {
  // Each label, the lit one first and then top to bottom, takes the nearest free place: where it was
  // put, else a little up or down along its arrow, else a little aside, never over a state box or a
  // label placed before it and never out of the graph's area (the log is drawn below it). A label
  // with no free place nearby (a pane too small for all of them) is hidden rather than drawn over a
  // state: the lit one goes first so that the transition just taken keeps its words.
  const qreal f = in_.scale * fit_;
  std::sort(labels_.begin(), labels_.end(), [](const Label& a, const Label& b) {
    if (a.lit != b.lit) return a.lit;
    return a.rect.center().y() < b.rect.center().y();
  });
  // A label is drawn on a paper backing 3 px wider than its text: the backing, not only the text,
  // stays off the boxes (a label 2 px from a box covered its outline).
  const qreal gap = 3 * f + 3;
  const QRectF bounds = graphArea_.adjusted(-6 * f, -6 * f, 6 * f, 6 * f).intersected(pane);
  std::vector<QRectF> placed;
  const auto isFree = [&](const QRectF& r) {
    if (!bounds.contains(r)) return false;
    for (const Box& b : boxes_) {
      const qreal clear = 3;
      if (r.intersects(b.rect.adjusted(-clear, -clear, clear, clear))) return false;
    }
    for (const QRectF& o : placed)
      if (r.intersects(o.adjusted(-gap, -gap, gap, gap))) return false;
    return true;
  };
  for (Label& l : labels_) {
    l.hidden = !findPlace(l, isFree);
    if (!l.hidden) placed.push_back(l.rect);
  }
}

bool StateGraphLayout::findPlace(Label& l, const std::function<bool(const QRectF&)>& isFree) const {
  // Then narrower (more lines), then a smaller font, before giving up.
  const qreal f = in_.scale * fit_;
  struct Attempt {
    qreal wrap, font;
  };
  constexpr Attempt attempts[] = {{1.0, 1.0}, {0.7, 1.0}, {0.7, 0.85}, {0.5, 0.75}};
  // Never smaller than the graph's own smallest type (60% of full size): an 8-px label in a
  // projector's squeezed column was unreadable and still ran into a box; such a label goes to the
  // arrow's tooltip instead (and the header names the last transition's).
  const qreal smallest = 0.6 * in_.scale;
  for (const Attempt& at : attempts) {
    if (at.font < 1.0 && f * at.font < smallest - 1e-9) continue;
    QRectF r = l.rect;
    if (at.wrap < 1.0 || at.font < 1.0) {
      r = QFontMetricsF(font(11 * f * at.font, l.lit)).boundingRect(QRectF(0, 0, l.wrap * at.wrap, 1000), Qt::AlignCenter | Qt::TextWordWrap, l.text);
      r.moveCenter(l.rect.center());
    }
    const qreal dy = std::max<qreal>(4 * f, r.height() / 3), dx = 10 * f;
    bool found = isFree(r);
    for (int ring = 1; ring <= 8 && !found; ++ring) {
      const QPointF moves[] = {{0, -ring * dy}, {0, ring * dy}, {-ring * dx, 0}, {ring * dx, 0},
                               {-ring * dx, -ring * dy}, {ring * dx, -ring * dy}, {-ring * dx, ring * dy}, {ring * dx, ring * dy}};
      for (const QPointF& d : moves)
        if (isFree(r.translated(d))) {
          r.translate(d);
          found = true;
          break;
        }
    }
    if (found) {
      l.rect = r;
      l.wrap *= at.wrap;
      l.fontScale = at.font;
      return true;
    }
  }
  return false;
}

int StateGraphLayout::hiddenLabels() const {
  return static_cast<int>(std::count_if(labels_.begin(), labels_.end(), [](const Label& l) { return l.hidden; }));
}

QString StateGraphLayout::labelNear(QPointF at, qreal slop) const {
  QPainterPathStroker stroker;
  stroker.setWidth(2 * slop);
  for (const Arrow& a : arrows_) {
    if (!stroker.createStroke(a.path).contains(at)) continue;
    for (const Label& l : labels_)
      if (l.key == a.key) return l.text;
  }
  return {};
}

QFont StateGraphLayout::boxFont(const Box& b) const {
  return font(13 * in_.scale * fit_ * (vertical_ ? b.scale : 1.0), true);
}

QFont StateGraphLayout::labelFont(const Label& l) const { return font(11 * in_.scale * fit_ * l.fontScale, l.lit); }

QRectF StateGraphLayout::boxTextRect(const Box& b) const {
  return QFontMetricsF(boxFont(b)).boundingRect(b.rect, Qt::AlignCenter, boxText(b));
}

QRectF StateGraphLayout::labelTextRect(const Label& l) const {
  // Wrapped to the width it was measured at, centred on its rectangle (see StateMachineView).
  const qreal wrap = std::max(l.wrap, l.rect.width());
  return QFontMetricsF(labelFont(l)).boundingRect(QRectF(l.rect.center().x() - wrap / 2, l.rect.top(), wrap, l.rect.height() + 2),
                                                  Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, l.text);
}
