// The progress view (Lessons > Progress): per lesson the completion, best score, attempts and last
// attempt, where the progress is stored (or why it is only in memory), reset with confirmation and
// export as CSV. A reset the store refuses (another window kept the file locked) is said so there.
#pragma once

#include <QDialog>
#include <functional>

class LessonLibrary;
class QLabel;
class QPushButton;
class QTreeWidget;
namespace commitscope {
class ProgressStore;
}

class ProgressDialog final : public QDialog {
  Q_OBJECT

 public:
  ProgressDialog(const LessonLibrary* library, commitscope::ProgressStore* progress, bool hideScores,
                 QWidget* parent = nullptr);

  // Asked before a reset (a QMessageBox by default; tests replace it).
  void setConfirm(std::function<bool(const QString& question)> confirm) { confirm_ = std::move(confirm); }

  bool resetSelected();
  bool resetAll();
  // Writes answers (every answer given) or summaries (one row per lesson) to `path`.
  bool exportCsv(const QString& path, bool summaries, QString* error = nullptr);

  QTreeWidget* table() const { return table_; }
  QString statusText() const;  // where the progress is kept, and a failed reset
  void select(const QString& lessonId);
  void refresh();

 private:
  QString selectedId() const;

  const LessonLibrary* library_;
  commitscope::ProgressStore* progress_;
  bool hideScores_;
  std::function<bool(const QString&)> confirm_;
  QString failure_;  // the last reset that did not happen, and why
  QLabel* where_;
  QTreeWidget* table_;
  QPushButton* reset_;
  QPushButton* resetAll_;
};
