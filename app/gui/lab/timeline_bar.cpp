#include "timeline_bar.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <cmath>

#include "projector_style.hpp"
#include "transport_icons.hpp"

#include "lab_controller.hpp"
#include "scrub_bar.hpp"

namespace {

QToolButton* makeButton(QWidget* parent, const QIcon& icon) {
  auto* b = new QToolButton(parent);
  b->setIcon(icon);
  b->setAutoRaise(true);
  b->setToolButtonStyle(Qt::ToolButtonIconOnly);
  // Space, Left and Right belong to the Run menu's shortcuts, not to a focused button.
  b->setFocusPolicy(Qt::NoFocus);
  return b;
}

QString formatMs(cs::Time t) { return QLocale().toString(static_cast<double>(t) / 1000.0, 'f', 1); }

}  // namespace

TimelineBar::TimelineBar(LabController* controller, QWidget* parent)
    : QWidget(parent), controller_(controller), seek_timer_(new QTimer(this)) {
  restart_ = makeButton(this, transport::icon(transport::Glyph::Restart));
  back_ = makeButton(this, transport::icon(transport::Glyph::StepBack));
  play_ = makeButton(this, transport::icon(transport::Glyph::Play));
  forward_ = makeButton(this, transport::icon(transport::Glyph::StepForward));
  reroll_ = makeButton(this, transport::icon(transport::Glyph::Reroll));
  reroll_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
  scrub_ = new ScrubBar(this);
  time_ = new QLabel(this);
  time_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
  time_->setTextFormat(Qt::PlainText);
  speed_caption_ = new QLabel(this);
  speed_ = new QSlider(Qt::Horizontal, this);
  speed_->setRange(0, 200);
  speed_->setPageStep(10);
  speed_->setFocusPolicy(Qt::NoFocus);
  speed_->setFixedWidth(140);
  speed_value_ = new QLabel(this);
  speed_value_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(8, 4, 8, 4);
  row->setSpacing(4);
  row->addWidget(restart_);
  row->addWidget(back_);
  row->addWidget(play_);
  row->addWidget(forward_);
  row->addSpacing(8);
  row->addWidget(scrub_, 1);
  row->addSpacing(8);
  row->addWidget(time_);
  row->addSpacing(16);
  row->addWidget(speed_caption_);
  row->addWidget(speed_);
  row->addWidget(speed_value_);
  row->addSpacing(12);
  row->addWidget(reroll_);

  connect(restart_, &QToolButton::clicked, controller_, &LabController::restartSameSeed);
  connect(back_, &QToolButton::clicked, controller_, &LabController::stepBack);
  connect(play_, &QToolButton::clicked, controller_, &LabController::togglePlay);
  connect(forward_, &QToolButton::clicked, controller_, &LabController::stepForward);
  connect(reroll_, &QToolButton::clicked, controller_, &LabController::rerollSeed);
  connect(speed_, &QSlider::valueChanged, this, [this](int v) { controller_->setSpeed(speedForSlider(v)); });
  connect(controller_, &LabController::speedChanged, this, [this](double f) {
    const QSignalBlocker block(speed_);
    speed_->setValue(sliderForSpeed(f));
    updateSpeedLabel();
  });

  // Scrubbing: a drag produces many positions per frame; only the latest is replayed, once the
  // event loop has drained the queued mouse moves.
  seek_timer_->setSingleShot(true);
  seek_timer_->setInterval(0);
  connect(seek_timer_, &QTimer::timeout, this, [this] { controller_->seekTime(pending_seek_); });
  connect(scrub_, &ScrubBar::scrubbed, this, &TimelineBar::scheduleSeek);

  connect(controller_, &LabController::runChanged, this, &TimelineBar::refresh);
  connect(controller_, &LabController::playingChanged, this, &TimelineBar::refresh);
  connect(controller_, &LabController::scenarioChanged, this, &TimelineBar::refreshMarks);
  connect(controller_, &LabController::documentChanged, this, &TimelineBar::refreshMarks);

  {
    const QSignalBlocker block(speed_);
    speed_->setValue(sliderForSpeed(controller_->speed()));
  }
  retranslateUi();
  refreshMarks();
  refresh();
}

double TimelineBar::speedForSlider(int value) { return std::pow(10.0, (value - 100) / 100.0); }
int TimelineBar::sliderForSpeed(double factor) {
  return static_cast<int>(std::lround(100.0 + 100.0 * std::log10(std::clamp(factor, 0.1, 10.0))));
}

void TimelineBar::scheduleSeek(cs::Time t) {
  pending_seek_ = t;
  if (!seek_timer_->isActive()) seek_timer_->start();
}

void TimelineBar::refresh() {
  const bool playing = controller_->isPlaying();
  if (playing != play_shows_pause_) {  // a new icon only when it changes: refresh() runs every frame
    play_shows_pause_ = playing;
    play_->setIcon(transport::icon(playing ? transport::Glyph::Pause : transport::Glyph::Play));
  }
  play_->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space): run the protocol in virtual time"));
  if (!seek_timer_->isActive()) scrub_->setTime(controller_->now());
  //: Current virtual time / end of the run, in milliseconds.
  time_->setText(tr("%1 / %2 ms").arg(formatMs(controller_->now()), formatMs(controller_->endTime())));
  back_->setEnabled(controller_->eventIndex() > 0 || controller_->now() > 0);
}

void TimelineBar::refreshMarks() {
  scrub_->setRange(controller_->endTime());
  scrub_->setMarks(controller_->timelineMarks());
  // Reserve room for the widest time text so the bar does not jitter while playing.
  const QString widest = tr("%1 / %2 ms").arg(formatMs(controller_->endTime()), formatMs(controller_->endTime()));
  time_->setMinimumWidth(time_->fontMetrics().horizontalAdvance(widest) + 6);
  refresh();
}

void TimelineBar::updateSpeedLabel() {
  const double f = controller_->speed();
  //: Playback speed factor, e.g. "2.5×".
  speed_value_->setText(tr("%1×").arg(QLocale().toString(f, 'f', f < 1.0 ? 2 : 1)));
  speed_value_->setMinimumWidth(speed_value_->fontMetrics().horizontalAdvance(tr("%1×").arg(QLocale().toString(0.25, 'f', 2))) + 4);
}

void TimelineBar::setProjectorMode(bool on) {
  // On a projector the buttons grow with the type (projector::factor: 1.5 at 1920x1080).
  const double f = on ? projector::factor() : 1.0;
  const int icon = on ? qRound(36 * f) : 22;
  for (QToolButton* b : {restart_, back_, play_, forward_, reroll_}) b->setIconSize(QSize(icon, icon));
  speed_->setFixedWidth(on ? qRound(220 * f) : 140);
  scrub_->setProjectorMode(on);
  refreshMarks();
  updateSpeedLabel();
}

void TimelineBar::retranslateUi() {
  restart_->setToolTip(tr("Restart with the same seed (Home): the run replays identically"));
  back_->setToolTip(tr("Step back one event (Left), by replaying the run deterministically"));
  forward_->setToolTip(tr("Step forward to the next event (Right)"));
  reroll_->setText(tr("Re-roll seed"));
  reroll_->setToolTip(tr("Pick a new random seed (Ctrl+R): different latencies and losses, same faults"));
  scrub_->setToolTip(tr("Drag to scrub through virtual time. Red triangles: faults; green: commit decisions; "
                        "orange: abort decisions."));
  time_->setToolTip(tr("Current virtual time / end of the run"));
  speed_caption_->setText(tr("Speed"));
  speed_->setToolTip(tr("Playback speed, 0.1× to 10×. At 1×, 20 ms of virtual time pass per second."));
  speed_value_->setToolTip(speed_->toolTip());
  updateSpeedLabel();
  refreshMarks();
}

void TimelineBar::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}
