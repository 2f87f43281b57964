// A titled panel around one view: a slim header naming what the view shows (re-translated by the
// window), then the view. Keeps the window readable when it is projected.
#pragma once

#include <QFrame>

class QLabel;

class PanelFrame final : public QFrame {
  Q_OBJECT

 public:
  PanelFrame(QWidget* content, QWidget* parent = nullptr);
  void setTitle(const QString& title);
  QString title() const;
  // A presentation shows the canvas alone: its header would only take height from it.
  void setTitleVisible(bool on);
  QWidget* content() const { return content_; }
  // The height the panel adds to its view: the header (when shown), the margins and the frame.
  int chromeHeight() const;

 private:
  QLabel* title_;
  QWidget* content_;
};
