#include "scrub_bar.hpp"

#include "projector_style.hpp"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace {
const QColor kFaultColor(0xd0, 0x21, 0x2a);
const QColor kCommitColor(0x1a, 0x8c, 0x3a);
const QColor kAbortColor(0xe0, 0x7b, 0x00);
}  // namespace

ScrubBar::ScrubBar(QWidget* parent) : QWidget(parent) {
  setFocusPolicy(Qt::StrongFocus);
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
  setCursor(Qt::PointingHandCursor);
}

QSize ScrubBar::sizeHint() const { return {400, minimumSizeHint().height()}; }
QSize ScrubBar::minimumSizeHint() const {
  return {120, static_cast<int>(fontMetrics().height() * 0.9 + (projector_ ? 30 * scale_ : 22))};
}

void ScrubBar::setRange(cs::Time end) {
  end_ = std::max<cs::Time>(1, end);
  marksDirty_ = true;
  update();
}

void ScrubBar::setTime(cs::Time now) {
  if (now == now_) return;
  now_ = now;
  update();
}

void ScrubBar::setMarks(std::vector<LabController::TimelineMark> marks) {
  marks_ = std::move(marks);
  marksDirty_ = true;
  update();
}

void ScrubBar::setProjectorMode(bool on) {
  projector_ = on;
  scale_ = on ? projector::factor() : 1.0;  // 1.5 at 1920x1080: the type grows with the screen, so does the bar
  marksDirty_ = true;
  updateGeometry();
  update();
}

QRectF ScrubBar::track() const {
  const double handle = projector_ ? 11 * scale_ : 8;
  const double h = projector_ ? 10 * scale_ : 6;
  return {handle, height() / 2.0 - h / 2.0 + 3, width() - 2 * handle, h};
}

double ScrubBar::xAt(cs::Time t) const {
  const QRectF r = track();
  return r.left() + r.width() * std::clamp(static_cast<double>(t) / static_cast<double>(end_), 0.0, 1.0);
}

cs::Time ScrubBar::timeAt(double x) const {
  const QRectF r = track();
  const double f = std::clamp((x - r.left()) / std::max(1.0, r.width()), 0.0, 1.0);
  return static_cast<cs::Time>(std::llround(f * static_cast<double>(end_)));
}

void ScrubBar::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QPalette& pal = palette();
  const QRectF r = track();
  const double radius = r.height() / 2;

  // Track and the part already played.
  p.setPen(Qt::NoPen);
  p.setBrush(pal.color(QPalette::Mid).lighter(projector_ ? 100 : 135));
  p.drawRoundedRect(r, radius, radius);
  QRectF played = r;
  played.setRight(xAt(now_));
  p.setBrush(pal.color(QPalette::Highlight));
  p.drawRoundedRect(played, radius, radius);

  // Markers above the track: faults as downward triangles, decisions as ticks.
  p.drawPixmap(0, 0, marksLayer());

  // Handle.
  const double hx = xAt(now_);
  const double hr = projector_ ? 10 * scale_ : 7;
  p.setPen(QPen(pal.color(QPalette::Highlight).darker(130), projector_ ? 2.5 * scale_ : 1.5));
  p.setBrush(hasFocus() ? pal.color(QPalette::Highlight).lighter(150) : pal.color(QPalette::Base));
  p.drawEllipse(QPointF(hx, r.center().y()), hr, hr);
}

const QPixmap& ScrubBar::marksLayer() {
  const qreal dpr = devicePixelRatioF();
  if (!marksDirty_ && marksLayer_.size() == size() * dpr && marksLayer_.devicePixelRatio() == dpr) return marksLayer_;
  marksDirty_ = false;
  marksLayer_ = QPixmap(size() * dpr);
  marksLayer_.setDevicePixelRatio(dpr);
  marksLayer_.fill(Qt::transparent);
  QPainter p(&marksLayer_);
  p.setRenderHint(QPainter::Antialiasing);
  paintMarks(p);
  return marksLayer_;
}

void ScrubBar::paintMarks(QPainter& p) const {
  const QRectF r = track();
  const double top = r.top() - (projector_ ? 14 * scale_ : 10);
  p.setPen(Qt::NoPen);
  for (const auto& m : marks_) {
    const double x = xAt(m.time);
    if (m.kind == LabController::TimelineMark::Kind::Fault) {
      const double s = projector_ ? 7 * scale_ : 5;
      QPainterPath tri;
      tri.moveTo(x - s, top);
      tri.lineTo(x + s, top);
      tri.lineTo(x, top + s * 1.4);
      tri.closeSubpath();
      p.setBrush(kFaultColor);
      p.drawPath(tri);
    } else {
      p.setPen(QPen(m.kind == LabController::TimelineMark::Kind::Commit ? kCommitColor : kAbortColor,
                    projector_ ? 4 * scale_ : 2.5, Qt::SolidLine, Qt::RoundCap));
      p.drawLine(QPointF(x, r.top() - 2), QPointF(x, r.bottom() + 2));
      p.setPen(Qt::NoPen);
    }
  }
}

void ScrubBar::mousePressEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return;
  dragging_ = true;
  now_ = timeAt(event->position().x());
  update();
  emit scrubbed(now_);
}

void ScrubBar::mouseMoveEvent(QMouseEvent* event) {
  if (!dragging_) return;
  now_ = timeAt(event->position().x());
  update();
  emit scrubbed(now_);
}

void ScrubBar::mouseReleaseEvent(QMouseEvent*) { dragging_ = false; }

void ScrubBar::keyPressEvent(QKeyEvent* event) {
  // Home/End and Page keys jump; Left/Right stay with the Run menu (step by event).
  cs::Time t = now_;
  switch (event->key()) {
    case Qt::Key_Home: t = 0; break;
    case Qt::Key_End: t = end_; break;
    case Qt::Key_PageUp: t = now_ - end_ / 20; break;
    case Qt::Key_PageDown: t = now_ + end_ / 20; break;
    default: QWidget::keyPressEvent(event); return;
  }
  now_ = std::clamp<cs::Time>(t, 0, end_);
  update();
  emit scrubbed(now_);
}
