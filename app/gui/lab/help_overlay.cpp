#include "help_overlay.hpp"

#include "shortcuts.hpp"

#include "projector_style.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace {

QString row(const QString& keys, const QString& what) {
  return QStringLiteral("<tr><td style='padding:3px 18px 3px 0;'><b>%1</b></td><td style='padding:3px 0;'>%2</td></tr>")
      .arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
}

QLabel* makeLabel(QWidget* parent) {
  auto* l = new QLabel(parent);
  l->setTextFormat(Qt::RichText);
  l->setWordWrap(true);
  l->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  return l;
}

}  // namespace

HelpOverlay::HelpOverlay(QWidget* parent) : QWidget(parent) {
  setAttribute(Qt::WA_StyledBackground, false);
  setFocusPolicy(Qt::StrongFocus);
  title_ = new QLabel(this);
  QFont tf = title_->font();
  tf.setPointSizeF(tf.pointSizeF() * 1.6);
  tf.setBold(true);
  title_->setFont(tf);
  shortcuts_ = makeLabel(this);
  faults_ = makeLabel(this);
  hint_ = new QLabel(this);
  hint_->setAlignment(Qt::AlignCenter);

  // White text on the dark veil, whatever the application palette is.
  QPalette pal = palette();
  pal.setColor(QPalette::WindowText, Qt::white);
  pal.setColor(QPalette::Text, Qt::white);
  for (QLabel* l : {title_, shortcuts_, faults_, hint_}) l->setPalette(pal);

  auto* columns = new QHBoxLayout;
  columns->setSpacing(48);
  columns->addWidget(shortcuts_, 1);
  columns->addWidget(faults_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(64, 48, 64, 40);
  layout->setSpacing(20);
  layout->addWidget(title_);
  layout->addLayout(columns, 1);
  layout->addWidget(hint_);

  parent->installEventFilter(this);
  retranslateUi();
  hide();
}

QString HelpOverlay::shortcutsHtml() {
  // From the same table the window's actions take their keys from (shortcuts.cpp).
  QString html = QStringLiteral("<table>");
  for (const shortcuts::HelpRow& r : shortcuts::helpRows()) html += row(r.keys, r.what);
  html += QStringLiteral("</table>");
  return html;
}

QString HelpOverlay::faultToolsHtml() {
  QStringList items{
      tr("Double-click a link on the canvas to cut it (the toast offers Undo); double-click a cut link to heal it."),
      tr("Right-click a node to crash it or restart it. A crashed node is grey; its durable log stays visible."),
      tr("Faults > Partition… splits the nodes into side A and side B; messages across the sides are lost."),
      tr("Faults > Drop next / Duplicate next message on a link affects the next message sent on it."),
      tr("Every fault is recorded in the run's schedule at the current event: Ctrl+Z undoes it, Save keeps it, "
         "and reopening the file replays it exactly."),
      tr("Scrub back and inject a different fault to explore another branch of the same run."),
  };
  QString html = QStringLiteral("<ul style='margin-left:-20px;'>");
  for (const QString& s : items) html += QStringLiteral("<li style='margin-bottom:6px;'>%1</li>").arg(s.toHtmlEscaped());
  return html + QStringLiteral("</ul>");
}

void HelpOverlay::retranslateUi() {
  title_->setText(tr("CommitScope help"));
  shortcuts_->setText(QStringLiteral("<h3>%1</h3>").arg(tr("Keyboard shortcuts").toHtmlEscaped()) + shortcutsHtml());
  faults_->setText(QStringLiteral("<h3>%1</h3>").arg(tr("Fault tools").toHtmlEscaped()) + faultToolsHtml());
  hint_->setText(tr("Press F1 or Esc, or click anywhere, to close"));
}

void HelpOverlay::toggle() {
  if (isVisible()) {
    hide();
    return;
  }
  fitToParent();
  raise();
  show();
  setFocus();
}

void HelpOverlay::fitToParent() {
  if (parentWidget()) setGeometry(parentWidget()->rect());
}

void HelpOverlay::paintEvent(QPaintEvent*) {
  QPainter p(this);
  // Dark enough that the window behind never competes with the text: a hint of it shows that this
  // is an overlay; on a projector (high-contrast white window) even a hint is too much.
  p.fillRect(rect(), QColor(12, 16, 24, projector::isOn() ? 255 : 240));
}

void HelpOverlay::mousePressEvent(QMouseEvent*) { hide(); }

void HelpOverlay::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1) {
    hide();
    return;
  }
  QWidget::keyPressEvent(event);
}

bool HelpOverlay::eventFilter(QObject* watched, QEvent* event) {
  if (watched == parentWidget() && event->type() == QEvent::Resize) fitToParent();
  return QWidget::eventFilter(watched, event);
}

void HelpOverlay::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(event);
}
