// Page Up / Page Down while a lesson runs: they only ever move through the lesson (Back / Next),
// whatever widget of the window has focus. A presenter's clicker sends these keys; the canvas (a
// QGraphicsView) would otherwise scroll on them whenever Next is not allowed yet (a task step), and
// the class would look at an empty canvas.
//
// An application-level event filter: it claims the keys at ShortcutOverride (so no widget and no
// shortcut sees them) and acts on the KeyPress. Outside a lesson it does nothing.
#pragma once

#include <QObject>

class LessonSession;
class QWidget;

class PresenterKeys final : public QObject {
  Q_OBJECT

 public:
  // Keys pressed in `window` (or any of its children) while `session` is active; installs itself on
  // the application.
  PresenterKeys(QWidget* window, LessonSession* session);
  ~PresenterKeys() override;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  bool concerns(QObject* watched) const;

  QWidget* window_;
  LessonSession* session_;
};
