#include "panel_frame.hpp"

#include <QLabel>
#include <QVBoxLayout>

PanelFrame::PanelFrame(QWidget* content, QWidget* parent) : QFrame(parent), content_(content) {
  setFrameShape(QFrame::StyledPanel);
  setFrameShadow(QFrame::Plain);
  title_ = new QLabel(this);
  title_->setTextFormat(Qt::PlainText);
  title_->setContentsMargins(8, 4, 8, 4);
  title_->setAutoFillBackground(true);
  title_->setBackgroundRole(QPalette::AlternateBase);
  QFont f = title_->font();
  f.setBold(true);
  title_->setFont(f);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(1, 1, 1, 1);
  layout->setSpacing(0);
  layout->addWidget(title_);
  content_->setParent(this);
  layout->addWidget(content_, 1);
}

void PanelFrame::setTitle(const QString& title) { title_->setText(title); }
QString PanelFrame::title() const { return title_->text(); }
void PanelFrame::setTitleVisible(bool on) { title_->setVisible(on); }

int PanelFrame::chromeHeight() const {
  const QMargins m = layout()->contentsMargins();
  return (title_->isHidden() ? 0 : title_->sizeHint().height()) + m.top() + m.bottom() + 2 * frameWidth();
}
