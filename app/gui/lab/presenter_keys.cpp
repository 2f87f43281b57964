#include "presenter_keys.hpp"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

#include "lesson_session.hpp"

namespace {

bool isPresenterKey(const QKeyEvent* e) {
  return (e->key() == Qt::Key_PageDown || e->key() == Qt::Key_PageUp) && e->modifiers() == Qt::NoModifier;
}

}  // namespace

PresenterKeys::PresenterKeys(QWidget* window, LessonSession* session)
    : QObject(window), window_(window), session_(session) {
  qApp->installEventFilter(this);
}

PresenterKeys::~PresenterKeys() {
  if (qApp) qApp->removeEventFilter(this);
}

bool PresenterKeys::concerns(QObject* watched) const {
  if (!session_ || !session_->isActive()) return false;
  // Only the window itself: a modal dialog (the lesson browser's list) keeps its own paging.
  auto* w = qobject_cast<QWidget*>(watched);
  return w && w->window() == window_;
}

bool PresenterKeys::eventFilter(QObject* watched, QEvent* event) {
  const QEvent::Type t = event->type();
  if (t != QEvent::ShortcutOverride && t != QEvent::KeyPress && t != QEvent::KeyRelease) return false;
  auto* key = static_cast<QKeyEvent*>(event);
  if (!isPresenterKey(key) || !concerns(watched)) return false;
  if (t == QEvent::ShortcutOverride) {
    // Claimed here so that the key arrives as a KeyPress, below, even where a widget or a disabled
    // shortcut would otherwise take it.
    event->accept();
    return true;
  }
  if (t == QEvent::KeyPress) {
    if (key->key() == Qt::Key_PageDown) session_->next();  // does nothing while Next is not allowed
    else session_->back();
  }
  return true;  // neither press nor release reaches the focused widget
}
