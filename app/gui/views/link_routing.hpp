// Links that would pass behind a node are bent around it. A link is a quadratic curve between its two
// node centres whose apex sits `bend` scene units to the side of the straight line (0: straight); the
// canvas picks, per link, the smallest bend whose visible stretch (between the two end cards) clears
// every other node's card and WAL box. Pure geometry, tested without a view.
#pragma once

#include <QList>
#include <QPolygonF>
#include <QRectF>

namespace linkroute {

// The curve as a polyline of `samples` + 1 points, from p1 to p2.
QPolygonF polyline(QPointF p1, QPointF p2, qreal bend, int samples = 32);

// The part of `line` outside both end rectangles: from where it leaves `from` to where it enters `to`.
QPolygonF visibleStretch(const QPolygonF& line, const QRectF& from, const QRectF& to);

// Whether any segment of `line` crosses or touches `rect`.
bool crosses(const QPolygonF& line, const QRectF& rect);

// The smallest bend (trying both sides, in steps of `step` up to half the link's length) that keeps
// the visible stretch clear of `obstacles`; 0 when the straight line is clear or nothing clears.
qreal chooseBend(QPointF p1, QPointF p2, const QRectF& from, const QRectF& to, const QList<QRectF>& obstacles, qreal step);

}  // namespace linkroute
