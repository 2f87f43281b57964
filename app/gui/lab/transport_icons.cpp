#include "transport_icons.hpp"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPalette>

namespace transport {
namespace {

// Shapes in a 24x24 box, centred in the icon's rectangle and scaled to it.
QPainterPath shape(Glyph glyph) {
  QPainterPath p;
  const auto triangle = [&p](qreal left, qreal right, bool pointsRight) {
    if (pointsRight) {
      p.moveTo(left, 4);
      p.lineTo(right, 12);
      p.lineTo(left, 20);
    } else {
      p.moveTo(right, 4);
      p.lineTo(left, 12);
      p.lineTo(right, 20);
    }
    p.closeSubpath();
  };
  switch (glyph) {
    case Glyph::Restart:  // a bar, then two triangles pointing left
      p.addRect(3, 4, 3, 16);
      triangle(6, 14, false);
      triangle(13, 21, false);
      break;
    case Glyph::StepBack:
      triangle(3, 12, false);
      triangle(12, 21, false);
      break;
    case Glyph::Play:
      triangle(6, 20, true);
      break;
    case Glyph::Pause:
      p.addRect(5, 4, 5, 16);
      p.addRect(14, 4, 5, 16);
      break;
    case Glyph::StepForward:
      triangle(3, 12, true);
      triangle(12, 21, true);
      break;
    case Glyph::Reroll: {  // a circular arrow, as a ring of 300 degrees with a head at its end
      QPainterPath ring;
      ring.arcMoveTo(3, 3, 18, 18, 60);
      ring.arcTo(3, 3, 18, 18, 60, 300);
      QPainterPathStroker stroker;
      stroker.setWidth(3);
      p = stroker.createStroke(ring);
      // The arc runs counter-clockwise from 60 degrees and ends at 0 (the ring's right-hand point)
      // going upwards: the head points up, into the gap.
      const QPointF end = ring.currentPosition();
      QPainterPath head;
      head.moveTo(end.x() - 5, end.y() + 2);
      head.lineTo(end.x() + 5, end.y() + 2);
      head.lineTo(end.x(), end.y() - 5);
      head.closeSubpath();
      p = p.united(head);  // one outline: overlapping subpaths would leave a hole where they cross
      break;
    }
  }
  return p;
}

class Engine final : public QIconEngine {
 public:
  explicit Engine(Glyph glyph) : glyph_(glyph) {}

  void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override {
    const QPalette pal = QApplication::palette();
    const QColor ink = mode == QIcon::Disabled ? pal.color(QPalette::Disabled, QPalette::ButtonText)
                                               : pal.color(QPalette::Active, QPalette::ButtonText);
    const qreal side = std::min(rect.width(), rect.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->translate(rect.x() + (rect.width() - side) / 2.0, rect.y() + (rect.height() - side) / 2.0);
    painter->scale(side / 24.0, side / 24.0);
    painter->setPen(Qt::NoPen);
    painter->setBrush(ink);
    painter->drawPath(shape(glyph_));
    painter->restore();
  }

  // Qt 6.4's default pixmap() leaves the new pixmap unfilled (garbage under xcb behind the shape):
  // it must start transparent.
  QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override {
    QPixmap pm(size);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    paint(&p, QRect(QPoint(0, 0), size), mode, state);
    return pm;
  }

  QIconEngine* clone() const override { return new Engine(glyph_); }
  QString key() const override { return QStringLiteral("commitscope-transport"); }

 private:
  Glyph glyph_;
};

}  // namespace

QIcon icon(Glyph glyph) { return QIcon(new Engine(glyph)); }

}  // namespace transport
