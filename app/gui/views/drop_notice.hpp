// A short line over a view saying what it no longer shows (issue 18): the window keeps only the
// last part of a long run's trace and messages, and a long run forgets finished transactions and
// truncates its durable logs, so a view that reads them says so on screen ("Showing the last
// 1,000,000 of 8,300,000 events"). Hidden while the view has everything.
#pragma once

#include <QLabel>

namespace cs {
class Simulator;
}

class DropNotice : public QLabel {
  Q_OBJECT

 public:
  explicit DropNotice(QWidget* parent);
  // Shows `text` in the top-right corner of the parent, `top` pixels down (below a ruler or a
  // header); an empty text hides the notice.
  void showText(const QString& text, int top = 0);

  // What a view that reads the trace and the messages says when the run no longer holds all of
  // them; empty when it does.
  static QString eventsText(const cs::Simulator& sim);
  // What a view of a node's durable log says when checkpoints truncated it; empty when they did not.
  static QString logText(const cs::Simulator& sim, int node);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void place();
  int top_ = 0;
};
