// The lesson browser (Lessons > Browse, Ctrl+L): every lesson with its topic, time, completion and
// best score, its number and the lessons to take first; a lesson that failed to load is listed as unavailable with the loader's message
// (file, line, problem) and cannot be started. A lesson left halfway offers "Continue at step N"
// (with the score so far) beside "Start over"; Start opens it in the lesson panel; Free play opens
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
  enum class Choice { None, Start, Continue, FreePlay };

  LessonBrowser(const LessonLibrary* library, commitscope::ProgressStore* progress, bool hideScores,
                QWidget* parent = nullptr);

  Choice choice() const { return choice_; }
  QString selectedId() const;
  void select(const QString& id);
  QTreeWidget* list() const { return list_; }
  QPushButton* startButton() const { return start_; }
  QPushButton* continueButton() const { return continue_; }
  // The lesson's number as the list shows it: the digits its id starts with ("08"), else its place.
  static QString lessonNumber(const QString& id, int place);

  enum Column { Number, Title, Topic, Minutes, Prerequisites, Completion, Score, LastAttempt, ColumnCount };

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
  QPushButton* continue_;
  QPushButton* freePlay_;
};
