#include "link_routing.hpp"

#include <QLineF>
#include <cmath>

namespace linkroute {

QPolygonF polyline(QPointF p1, QPointF p2, qreal bend, int samples) {
  QPolygonF out;
  const QPointF d = p2 - p1;
  const qreal len = std::hypot(d.x(), d.y());
  // The control point sits twice the apex offset from the midpoint (a quadratic's apex is halfway).
  const QPointF normal = len > 1e-9 ? QPointF(d.y(), -d.x()) / len : QPointF();
  const QPointF c = (p1 + p2) / 2 + normal * (2 * bend);
  for (int i = 0; i <= samples; ++i) {
    const qreal t = static_cast<qreal>(i) / samples;
    out << p1 * ((1 - t) * (1 - t)) + c * (2 * t * (1 - t)) + p2 * (t * t);
  }
  return out;
}

QPolygonF visibleStretch(const QPolygonF& line, const QRectF& from, const QRectF& to) {
  QPolygonF out;
  for (QPointF p : line)
    if (!from.contains(p) && !to.contains(p)) out << p;
  return out;
}

bool crosses(const QPolygonF& line, const QRectF& rect) {
  if (line.size() == 1) return rect.contains(line.first());
  const QLineF edges[] = {{rect.topLeft(), rect.topRight()}, {rect.topRight(), rect.bottomRight()},
                          {rect.bottomRight(), rect.bottomLeft()}, {rect.bottomLeft(), rect.topLeft()}};
  for (qsizetype i = 0; i + 1 < line.size(); ++i) {
    const QLineF seg(line[i], line[i + 1]);
    if (rect.contains(seg.p1()) || rect.contains(seg.p2())) return true;
    for (const QLineF& e : edges)
      if (seg.intersects(e, nullptr) == QLineF::BoundedIntersection) return true;
  }
  return false;
}

qreal chooseBend(QPointF p1, QPointF p2, const QRectF& from, const QRectF& to, const QList<QRectF>& obstacles, qreal step) {
  const auto clear = [&](qreal bend) {
    const QPolygonF visible = visibleStretch(polyline(p1, p2, bend), from, to);
    for (const QRectF& r : obstacles)
      if (crosses(visible, r)) return false;
    return true;
  };
  const qreal len = QLineF(p1, p2).length();
  if (step <= 0 || clear(0)) return 0;
  for (qreal b = step; b <= len * 0.5; b += step) {
    if (clear(b)) return b;
    if (clear(-b)) return -b;
  }
  return 0;
}

}  // namespace linkroute
