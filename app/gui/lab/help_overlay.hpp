// F1: a semi-transparent panel over the main window listing the keyboard shortcuts and how the fault
// tools work. It covers its parent, closes on F1, Escape or a click, and is re-translated live.
#pragma once

#include <QWidget>

class QLabel;

class HelpOverlay final : public QWidget {
  Q_OBJECT

 public:
  explicit HelpOverlay(QWidget* parent);

  // The same text the Help > Keyboard shortcuts dialog shows (rich text).
  static QString shortcutsHtml();
  static QString faultToolsHtml();

 public slots:
  void toggle();

 protected:
  void paintEvent(QPaintEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  void retranslateUi();
  void fitToParent();

  QLabel* title_;
  QLabel* shortcuts_;
  QLabel* faults_;
  QLabel* hint_;
};
