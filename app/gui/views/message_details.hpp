// The details pane (docked by the main window): every field of the selected message, and the selected
// node's state, locks and complete durable log. The same facts the canvas shows on hover, readable
// without hovering.
#pragma once

#include <QWidget>

class LabController;
class QTextBrowser;

class MessageDetails : public QWidget {
  Q_OBJECT

 public:
  explicit MessageDetails(LabController* controller, QWidget* parent = nullptr);

  // The generated document, for tests.
  QString html() const { return html_; }

 public slots:
  void rebuild();
  void refresh();
  void setProjectorMode(bool on);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  QString messageHtml(quint32 id) const;
  QString nodeHtml(int node) const;

  LabController* controller_;
  QTextBrowser* text_;
  QString html_;
  bool projector_ = false;
};
