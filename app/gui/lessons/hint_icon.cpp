#include "hint_icon.hpp"

#include <QPainter>
#include <QPainterPath>

namespace hinticon {

QPixmap pixmap(int side, qreal devicePixelRatio) {
  QPixmap pm(qRound(side * devicePixelRatio), qRound(side * devicePixelRatio));
  pm.setDevicePixelRatio(devicePixelRatio);
  pm.fill(Qt::transparent);
  QPainter p(&pm);
  p.setRenderHint(QPainter::Antialiasing);
  p.scale(side / 24.0, side / 24.0);  // drawn on a 24 x 24 grid
  // Glass: a circle narrowing into a neck; amber with a dark outline, readable on light and dark.
  QPainterPath glass;
  glass.moveTo(8.6, 15.8);
  glass.cubicTo(6.0, 14.0, 4.6, 11.6, 4.6, 9.2);
  glass.cubicTo(4.6, 5.0, 8.0, 1.8, 12.0, 1.8);
  glass.cubicTo(16.0, 1.8, 19.4, 5.0, 19.4, 9.2);
  glass.cubicTo(19.4, 11.6, 18.0, 14.0, 15.4, 15.8);
  glass.closeSubpath();
  p.setPen(QPen(QColor(0x5d, 0x40, 0x00), 1.3));
  p.setBrush(QColor(0xff, 0xc1, 0x07));
  p.drawPath(glass);
  // Filament.
  p.setPen(QPen(QColor(0x8a, 0x5a, 0x00), 1.1, Qt::SolidLine, Qt::RoundCap));
  p.setBrush(Qt::NoBrush);
  p.drawPolyline(QPolygonF({QPointF(9.8, 12.6), QPointF(11.0, 9.6), QPointF(12.0, 12.0), QPointF(13.0, 9.6), QPointF(14.2, 12.6)}));
  // Screw base: two grey bands and the tip.
  p.setPen(Qt::NoPen);
  p.setBrush(QColor(0x60, 0x60, 0x60));
  p.drawRoundedRect(QRectF(8.4, 16.6, 7.2, 2.0), 0.8, 0.8);
  p.drawRoundedRect(QRectF(8.8, 19.2, 6.4, 1.8), 0.8, 0.8);
  p.drawEllipse(QRectF(10.4, 21.0, 3.2, 2.0));
  return pm;
}

QIcon icon() {
  QIcon i;
  for (int side : {16, 24, 32, 48, 64}) i.addPixmap(pixmap(side));
  return i;
}

}  // namespace hinticon
