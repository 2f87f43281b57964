#include "drop_notice.hpp"

#include <QEvent>
#include <QLocale>

#include "sim/simulator.hpp"

DropNotice::DropNotice(QWidget* parent) : QLabel(parent) {
  setObjectName(QStringLiteral("dropNotice"));
  // Readable over any view, in both palettes: dark text on a pale amber pill.
  setStyleSheet(QStringLiteral("QLabel { background: rgba(255, 243, 205, 235); color: #5c4400; border: 1px solid #d9b44a;"
                               " border-radius: 4px; padding: 2px 6px; }"));
  setAttribute(Qt::WA_TransparentForMouseEvents);
  hide();
  parent->installEventFilter(this);  // follows the parent's size
}

void DropNotice::showText(const QString& text, int top) {
  top_ = top;
  if (text.isEmpty()) {
    hide();
    return;
  }
  if (text != this->text()) {
    setText(text);
    setToolTip(text);
    adjustSize();
  }
  place();
  if (isHidden()) show();
  raise();
}

QString DropNotice::eventsText(const cs::Simulator& sim) {
  if (sim.trace_base() == 0 && sim.messages_base() == 0) return {};
  const QLocale locale;
  return tr("Showing the last %1 of %2 events").arg(locale.toString(static_cast<qulonglong>(sim.trace().size())),
                                                    locale.toString(static_cast<qulonglong>(sim.trace_records())));
}

QString DropNotice::logText(const cs::Simulator& sim, int node) {
  if (node < 0 || static_cast<std::size_t>(node) >= sim.nodes().size()) return {};
  const cs::DurableLog& log = sim.log(static_cast<cs::NodeId>(node));
  if (log.truncated() == 0) return {};
  const QLocale locale;
  return tr("Log: the last %1 of %2 records (finished transactions forgotten)")
      .arg(locale.toString(static_cast<qulonglong>(log.size())),
           locale.toString(static_cast<qulonglong>(log.size() + log.truncated())));
}

bool DropNotice::eventFilter(QObject* watched, QEvent* event) {
  if (watched == parent() && event->type() == QEvent::Resize && isVisible()) place();
  return QLabel::eventFilter(watched, event);
}

void DropNotice::place() {
  const QWidget* p = parentWidget();
  move(std::max(0, p->width() - width() - 6), top_ + 4);
}
