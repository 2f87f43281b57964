// The lesson browser (Lessons > Browse, Ctrl+L): every lesson with its topic, time, completion and
// best score; a lesson that failed to load is listed as unavailable with the loader's message
// (file, line, problem) and cannot be started. Start opens it in the lesson panel; Free play opens
// its scenario in the sandbox.
#pragma once

#include <QDialog>

class LessonLibrary;
class QLabel;
class QPushButton;
class QTreeWidget;
namespace commitscope {
class ProgressStore;
}

class LessonBrowser final : public QDialog {
  Q_OBJECT

 public:
  enum class Choice { None, Start, FreePlay };

  LessonBrowser(const LessonLibrary* library, commitscope::ProgressStore* progress, bool hideScores,
                QWidget* parent = nullptr);

  Choice choice() const { return choice_; }
  QString selectedId() const;
  void select(const QString& id);
  QTreeWidget* list() const { return list_; }
  QPushButton* startButton() const { return start_; }

  enum Column { Title, Topic, Minutes, Completion, Score, LastAttempt, ColumnCount };

 private:
  void fill();
  void updateDetails();
  void finish(Choice c);

  const LessonLibrary* library_;
  commitscope::ProgressStore* progress_;
  bool hideScores_;
  Choice choice_ = Choice::None;
  QTreeWidget* list_;
  QLabel* details_;
  QPushButton* start_;
  QPushButton* freePlay_;
};
