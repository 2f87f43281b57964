#include "canvas_overlays.hpp"

#include "projector_style.hpp"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "view_util.hpp"

namespace {

void setPixelFont(QWidget* w, int px, bool bold) { w->setFont(viewutil::scaledFont(w->font(), px, bold)); }

// A projector size in pixels, grown with the screen as the window's type is (1.5x at 1920x1080,
// projector::sizeFactor); the normal size otherwise.
int sized(bool projector, int projectorPx, int normalPx) {
  return projector ? static_cast<int>(projectorPx * projector::factor() + 0.5) : normalPx;
}

}  // namespace

InvariantBanner::InvariantBanner(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("invariantBanner"));
  setAutoFillBackground(true);
  // Red with white text: the status bar's "invariant violated" colours, at a size a room can read.
  setStyleSheet(QStringLiteral("#invariantBanner { background: #b71c1c; border: 3px solid #7f0000; border-radius: 10px; }"
                               "#invariantBanner QLabel, #invariantBanner QToolButton { color: white; background: transparent; border: none; }"));
  auto* text = new QVBoxLayout;
  title_ = new QLabel(this);
  title_->setObjectName(QStringLiteral("invariantBannerTitle"));
  title_->setWordWrap(true);
  detail_ = new QLabel(this);
  detail_->setObjectName(QStringLiteral("invariantBannerDetail"));
  detail_->setWordWrap(true);
  text->addWidget(title_);
  text->addWidget(detail_);
  close_ = new QToolButton(this);
  close_->setObjectName(QStringLiteral("invariantBannerClose"));
  close_->setText(QStringLiteral("✕"));
  close_->setCursor(Qt::PointingHandCursor);
  connect(close_, &QToolButton::clicked, this, [this] {
    hide();
    emit dismissed();
  });
  auto* row = new QHBoxLayout(this);
  row->addLayout(text, 1);
  row->addWidget(close_, 0, Qt::AlignTop);
  setCursor(Qt::PointingHandCursor);
  setProjector(false);
  hide();
}

void InvariantBanner::setViolation(const QString& name, const QString& description, const QString& atMs) {
  name_ = name;
  atMs_ = atMs;
  detail_->setText(tr("at t = %1 ms — %2").arg(atMs, description));
  setCompact(compact_);
  close_->setToolTip(tr("Dismiss (it stays in the status bar)"));
  close_->setAccessibleName(tr("Dismiss the invariant banner"));
  setToolTip(tr("Click to dismiss"));
}

void InvariantBanner::setProjector(bool on) {
  projector_ = on;
  setPixelFont(title_, sized(on, 34, 20), true);
  setPixelFont(detail_, sized(on, 22, 13), false);
  setPixelFont(close_, sized(on, 30, 18), true);
  layout()->setContentsMargins(sized(on, 20, 12), sized(on, 10, 6), sized(on, 14, 8), sized(on, 12, 8));
}

void InvariantBanner::setCompact(bool on) {
  compact_ = on;
  setPixelFont(title_, sized(projector_, 34, 20), true);  // place() may have made a compact title smaller
  detail_->setVisible(!on);
  title_->setText(on ? tr("Invariant broken: %1, at %2 ms").arg(name_, atMs_) : tr("Invariant broken: %1").arg(name_));
  title_->setWordWrap(!on);
  setToolTip(on ? detail_->text() + QLatin1Char('\n') + tr("Click to dismiss") : tr("Click to dismiss"));
}

QString InvariantBanner::title() const { return title_->text(); }
QString InvariantBanner::detail() const { return detail_->text(); }

void InvariantBanner::place(int top, int maxWidth, bool small) {
  int w = std::min(maxWidth, sized(projector_, 1100, 760));
  setPixelFont(close_, sized(projector_, 30, 18) * (small ? 2 : 3) / 3, true);  // its height sets the line's
  if (compact_) {
    // One line as wide as its words (the label's size hint could still be that of its wrapped text,
    // which cut "Invariant broken: Linearizable, at 1,172.3 ms" to "Invariant broken: Linea"). When
    // the line does not fit, the time goes first (it stays in the status bar and the tooltip), then
    // the font shrinks by up to a third; only then does the title wrap.
    const QMargins m = layout()->contentsMargins();
    const int frame = m.left() + m.right() + layout()->spacing() + close_->sizeHint().width() + 2;
    const int room = maxWidth - frame, base = sized(projector_, 34, 20) * (small ? 2 : 3) / 3;
    const QString texts[] = {tr("Invariant broken: %1, at %2 ms").arg(name_, atMs_), tr("Invariant broken: %1").arg(name_)};
    bool fitted = false;
    for (int px = base; px >= base * 2 / 3 && !fitted; px -= 2)
      for (const QString& text : texts) {
        const QFont font = viewutil::scaledFont(title_->font(), px, true);
        const int line = QFontMetrics(font).horizontalAdvance(text) + 8;  // + the label's own slack
        if (line > room) continue;
        title_->setFont(font);
        title_->setText(text);
        w = frame + line;
        fitted = true;
        break;
      }
    title_->setWordWrap(!fitted);
    if (!fitted) w = maxWidth;
  }
  // Word-wrapped labels: the height that width needs, not the taller default of a wrapped label. One
  // line: its own height (the layout's cached hint kept the taller title of before).
  int h = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(w) : sizeHint().height();
  if (compact_ && !title_->wordWrap()) {
    const QMargins m = layout()->contentsMargins();
    h = m.top() + m.bottom() + 2 * frameWidth() + std::max(title_->sizeHint().height(), close_->sizeHint().height());
  }
  setFixedSize(w, h);
  move((parentWidget()->width() - w) / 2, top);
}

void InvariantBanner::mouseReleaseEvent(QMouseEvent* e) {
  if (e->button() == Qt::LeftButton && rect().contains(e->pos())) {
    hide();
    emit dismissed();
  }
  QFrame::mouseReleaseEvent(e);
}

CanvasToast::CanvasToast(QWidget* parent) : QFrame(parent) {
  setObjectName(QStringLiteral("canvasToast"));
  setAutoFillBackground(true);
  setStyleSheet(QStringLiteral("#canvasToast { background: #263238; border-radius: 8px; }"
                               "#canvasToast QLabel { color: white; background: transparent; }"
                               "#canvasToast QPushButton { color: #ffd54f; background: transparent; border: 2px solid #ffd54f;"
                               " border-radius: 6px; padding: 2px 10px; font-weight: bold; }"));
  label_ = new QLabel(this);
  label_->setObjectName(QStringLiteral("canvasToastText"));
  undo_ = new QPushButton(this);
  undo_->setObjectName(QStringLiteral("canvasToastUndo"));
  undo_->setCursor(Qt::PointingHandCursor);
  connect(undo_, &QPushButton::clicked, this, [this] {
    hide();
    emit undoRequested();
  });
  auto* row = new QHBoxLayout(this);
  row->addWidget(label_, 1);
  row->addWidget(undo_);
  hide_.setSingleShot(true);
  connect(&hide_, &QTimer::timeout, this, &QWidget::hide);
  setProjector(false);
  hide();
}

void CanvasToast::showMessage(const QString& text) {
  label_->setText(text);
  undo_->setText(tr("Undo"));
  undo_->setToolTip(tr("Undo this fault (Ctrl+Z)"));
  show();
  raise();
  hide_.start(kShownMs);
}

void CanvasToast::setProjector(bool on) {
  projector_ = on;
  setPixelFont(label_, sized(on, 24, 14), false);
  setPixelFont(undo_, sized(on, 24, 14), true);
  layout()->setContentsMargins(sized(on, 18, 12), sized(on, 8, 5), sized(on, 10, 6), sized(on, 8, 5));
}

QString CanvasToast::text() const { return label_->text(); }

void CanvasToast::place(int bottom, int maxWidth) {
  adjustSize();
  const int w = std::min(maxWidth, sizeHint().width());
  resize(w, sizeHint().height());
  move((parentWidget()->width() - w) / 2, bottom - height());
}
