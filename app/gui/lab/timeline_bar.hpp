// The transport bar under the views: restart, step back, play/pause, step forward, the scrub bar with
// fault and decision markers, the current time, the speed slider (0.1x to 10x on a log scale) and
// re-roll seed. It only sends commands to the controller and mirrors what the controller reports.
#pragma once

#include <QWidget>

#include "sim/types.hpp"

class LabController;
class QLabel;
class QSlider;
class QTimer;
class QToolButton;
class ScrubBar;

class TimelineBar final : public QWidget {
  Q_OBJECT

 public:
  TimelineBar(LabController* controller, QWidget* parent = nullptr);

  void setProjectorMode(bool on);
  ScrubBar* scrubBar() const { return scrub_; }

  // Slider position <-> speed factor: 0..200 maps to 10^-1 .. 10^1.
  static double speedForSlider(int value);
  static int sliderForSpeed(double factor);

 public slots:
  void refresh();        // time, handle position, play icon
  void refreshMarks();   // range and markers (the schedule or the scenario changed)

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void updateSpeedLabel();
  void scheduleSeek(cs::Time t);

  LabController* controller_;
  QToolButton* restart_;
  QToolButton* back_;
  QToolButton* play_;
  bool play_shows_pause_ = false;  // which of Play and Pause play_ shows
  QToolButton* forward_;
  QToolButton* reroll_;
  ScrubBar* scrub_;
  QLabel* time_;
  QLabel* speed_caption_;
  QSlider* speed_;
  QLabel* speed_value_;
  QTimer* seek_timer_;
  cs::Time pending_seek_ = 0;
};
