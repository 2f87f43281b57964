// The token shapes of the message families (palette.hpp). Every family has its own outline, so that a
// message reads without colour (a deuteranope, a washed-out projector, a grey-scale print): a guard
// test holds every pair of families a descriptor uses to different shapes.
#include <QtMath>
#include <cmath>

#include "palette.hpp"

namespace palette {

Shape familyShape(cs::MessageFamily f) {
  using F = cs::MessageFamily;
  switch (f) {
    case F::Request: return Shape::Circle;
    case F::VoteYes: return Shape::TriangleUp;
    case F::VoteNo: return Shape::TriangleDown;
    case F::PreDecision: return Shape::SquareFrame;  // a commit announced, not yet solid
    case F::Commit: return Shape::Square;
    case F::Abort: return Shape::Cross;
    case F::Ack: return Shape::Ring;
    case F::Recovery: return Shape::Diamond;
    case F::Compensation: return Shape::ArrowBack;  // undoes a step: it goes back
    case F::Replication: return Shape::Hexagon;
    case F::Election: return Shape::Star;
    case F::Success: return Shape::Tick;
    case F::Failure: return Shape::NoEntry;
    case F::Event: return Shape::Envelope;
  }
  return Shape::Unknown;
}

namespace {

// A regular polygon of `n` corners on a circle of radius `r`, the first at angle `start` (radians,
// clockwise from the x axis as Qt's y points down).
QPolygonF regular(QPointF c, qreal r, int n, qreal start) {
  QPolygonF poly;
  for (int i = 0; i < n; ++i) {
    const qreal a = start + 2 * M_PI * i / n;
    poly << QPointF(c.x() + r * std::cos(a), c.y() + r * std::sin(a));
  }
  return poly << poly.first();  // closed, so that the outline has no gap
}

QPolygonF points(QPointF c, qreal r, std::initializer_list<QPointF> unit) {
  QPolygonF poly;
  for (QPointF u : unit) poly << c + u * r;
  return poly << poly.first();
}

QPolygonF star(QPointF c, qreal r) {
  QPolygonF poly;
  for (int i = 0; i < 10; ++i) {
    const qreal a = -M_PI / 2 + M_PI * i / 5;
    const qreal k = i % 2 == 0 ? r * 1.2 : r * 0.5;
    poly << QPointF(c.x() + k * std::cos(a), c.y() + k * std::sin(a));
  }
  return poly << poly.first();
}

}  // namespace

QPainterPath shapePath(Shape shape, QPointF c, qreal r) {
  QPainterPath p;  // odd-even fill: an inner subpath is a hole
  const QRectF square(c.x() - r * 0.85, c.y() - r * 0.85, r * 1.7, r * 1.7);
  switch (shape) {
    case Shape::Circle: p.addEllipse(c, r, r); break;
    case Shape::Ring:
      p.addEllipse(c, r, r);
      p.addEllipse(c, r * 0.45, r * 0.45);
      break;
    case Shape::TriangleUp: p.addPolygon(points(c, r, {{0, -1.15}, {1.1, 0.85}, {-1.1, 0.85}})); break;
    case Shape::TriangleDown: p.addPolygon(points(c, r, {{0, 1.15}, {1.1, -0.85}, {-1.1, -0.85}})); break;
    case Shape::Square: p.addRect(square); break;
    case Shape::SquareFrame:
      p.addRect(square);
      p.addRect(square.adjusted(r * 0.5, r * 0.5, -r * 0.5, -r * 0.5));
      break;
    case Shape::Cross:
      p.addPolygon(points(c, r, {{-1, -0.6}, {-0.6, -1}, {0, -0.4}, {0.6, -1}, {1, -0.6}, {0.4, 0}, {1, 0.6}, {0.6, 1},
                                 {0, 0.4}, {-0.6, 1}, {-1, 0.6}, {-0.4, 0}}));
      break;
    case Shape::Diamond: p.addPolygon(points(c, r, {{0, -1.2}, {1.2, 0}, {0, 1.2}, {-1.2, 0}})); break;
    case Shape::ArrowBack:
      p.addPolygon(points(c, r, {{-1.15, 0}, {-0.1, -1}, {-0.1, -0.4}, {1.05, -0.4}, {1.05, 0.4}, {-0.1, 0.4}, {-0.1, 1}}));
      break;
    case Shape::Hexagon: p.addPolygon(regular(c, r * 1.05, 6, 0)); break;
    case Shape::Star: p.addPolygon(star(c, r)); break;
    case Shape::Tick:
      p.addPolygon(points(c, r, {{-1.1, 0.05}, {-0.7, -0.35}, {-0.3, 0.1}, {0.75, -0.95}, {1.15, -0.55}, {-0.3, 0.9}}));
      break;
    case Shape::NoEntry:
      p.addPolygon(regular(c, r * 1.05, 8, M_PI / 8));
      p.addRect(QRectF(c.x() - r * 0.65, c.y() - r * 0.2, r * 1.3, r * 0.4));
      break;
    case Shape::Envelope:
      p.addRect(QRectF(c.x() - r * 1.1, c.y() - r * 0.75, r * 2.2, r * 1.5));
      p.addPolygon(points(c, r, {{-0.8, -0.55}, {0.8, -0.55}, {0, 0.1}}));  // the flap, as a hole
      break;
    case Shape::Unknown: p.addPolygon(regular(c, r, 5, -M_PI / 2)); break;  // a pentagon: no family
  }
  return p;
}

}  // namespace palette
