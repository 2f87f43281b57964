// The scrub bar of the timeline: virtual time [0, end] as a track, the played part filled, markers for
// faults (red) and decisions (green commit / orange abort), and a handle at the current time.
// Dragging or clicking emits scrubbed(t); the owner coalesces and seeks.
#pragma once

#include <QPixmap>
#include <QWidget>
#include <vector>

#include "lab_controller.hpp"

class ScrubBar final : public QWidget {
  Q_OBJECT

 public:
  explicit ScrubBar(QWidget* parent = nullptr);

  void setRange(cs::Time end);
  void setTime(cs::Time now);
  void setMarks(std::vector<LabController::TimelineMark> marks);
  void setProjectorMode(bool on);
  cs::Time time() const { return now_; }

  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 signals:
  void scrubbed(cs::Time t);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;

 private:
  QRectF track() const;
  cs::Time timeAt(double x) const;
  double xAt(cs::Time t) const;

  // The markers, painted into a transparent layer once per size and set of marks: a long run has
  // tens of thousands of decisions, and the bar repaints at every step of a scrub (issue 18).
  void paintMarks(QPainter& p) const;
  const QPixmap& marksLayer();

  cs::Time end_ = 1;
  cs::Time now_ = 0;
  std::vector<LabController::TimelineMark> marks_;
  QPixmap marksLayer_;
  bool marksDirty_ = true;  // marks, range or projector mode changed since the layer was painted
  bool dragging_ = false;
  bool projector_ = false;
  double scale_ = 1.0;  // projector sizes times projector::factor()
};
