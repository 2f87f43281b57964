// File > Export…: what to write (canvas, space-time diagram, chart, side-by-side view, trace, run
// report), in which format, and where. The window does the writing (MainWindow::exportHandout).
#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QPushButton;

namespace handout {
// What File > Export… can write.
enum class Target { Canvas, Diagram, Chart, Compare, Trace, Report };
// The file extensions a target can be written as, the first one preferred ("png", "svg", ...).
QStringList extensionsFor(Target target);
}  // namespace handout

class ExportDialog final : public QDialog {
  Q_OBJECT

 public:
  // `compareOpen`: the side-by-side view is offered only while its window is open.
  ExportDialog(bool compareOpen, const QString& directory, QWidget* parent = nullptr);

  handout::Target target() const;
  void setTarget(handout::Target target);
  QString extension() const;  // the chosen format's extension
  void setExtension(const QString& extension);
  QString path() const;       // the file, with the format's extension
  void setPath(const QString& path);
  QDialogButtonBox* buttons() const { return buttons_; }

 private:
  void fillFormats();
  void browse();
  void followFormat();  // the file name's extension follows the chosen format
  void updateOk();

  QComboBox* what_;
  QComboBox* format_;
  QLineEdit* path_;
  QPushButton* browse_;
  QDialogButtonBox* buttons_;
};
