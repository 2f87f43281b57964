// Widgets laid over the topology canvas: the banner that says an invariant broke (which one, when,
// in the current language; large enough for a projector's back row, dismissable), and the toast
// that confirms a fault made on the canvas and offers to undo it.
#pragma once

#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;
class QToolButton;

class InvariantBanner : public QFrame {
  Q_OBJECT

 public:
  explicit InvariantBanner(QWidget* parent);
  // `name` and `description` already translated; `atMs` formatted.
  void setViolation(const QString& name, const QString& description, const QString& atMs);
  void setProjector(bool on);
  // One line (name and time; the description in the tooltip), for a canvas with no room for two
  // lines that do not cover a node.
  void setCompact(bool on);
  bool compact() const { return compact_; }
  QString title() const;
  QString detail() const;
  // Where it goes in its parent: centred across the top, below `top`, at most `maxWidth` wide.
  // `small`: a compact line at two thirds of the title's size, for the strip the cards give up.
  void place(int top, int maxWidth, bool small = false);

 signals:
  void dismissed();

 protected:
  void mouseReleaseEvent(QMouseEvent* e) override;

 private:
  QLabel* title_;
  QLabel* detail_;
  QToolButton* close_;
  bool projector_ = false;
  bool compact_ = false;
  QString name_, atMs_;
};

class CanvasToast : public QFrame {
  Q_OBJECT

 public:
  explicit CanvasToast(QWidget* parent);
  // Shows `text` with an Undo button for a few seconds.
  void showMessage(const QString& text);
  void setProjector(bool on);
  QString text() const;
  QPushButton* undoButton() const { return undo_; }
  void place(int bottom, int maxWidth);
  static constexpr int kShownMs = 8000;

 signals:
  void undoRequested();

 private:
  QLabel* label_;
  QPushButton* undo_;
  QTimer hide_;
  bool projector_ = false;
};
