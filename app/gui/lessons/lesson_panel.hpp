// The lesson panel beside the canvas: the lesson's title and score, the list of steps, the current
// step's narration, task or question (with its options, hints and feedback), and Back/Next. A view
// of LessonSession: it pulls everything in refresh() and sends the learner's choices back; it never
// judges an answer itself. Above Back/Next, always in view, a red notice says when an answer or a
// step could NOT be saved in the progress file (LessonSession::saveProblem()).
#pragma once

#include <QWidget>
#include <vector>

class LessonSession;
namespace cs {
struct LessonStep;
}
class QAbstractButton;
class QButtonGroup;
class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

class LessonPanel final : public QWidget {
  Q_OBJECT

 public:
  explicit LessonPanel(LessonSession* session, QWidget* parent = nullptr);

  // For tests and the screenshot mode: the widgets a learner clicks.
  QPushButton* nextButton() const { return next_; }
  QPushButton* backButton() const { return back_; }
  QPushButton* submitButton() const { return submit_; }
  // A predict step after the learner has predicted: plays the run to the question's `until`.
  QPushButton* runResultButton() const { return runResult_; }
  QPushButton* hintButton() const { return hint_; }
  QPushButton* retryButton() const { return retry_; }
  // A predict question once answered: the same question on another run (LessonSession::tryVariant).
  QPushButton* variantButton() const { return variant_; }
  QPushButton* tryAgainButton() const { return tryAgain_; }
  QPushButton* showAnswerButton() const { return showAnswer_; }
  // The verdict of an answered question (first thing of the feedback) and the explanations below it.
  QLabel* verdictLabel() const { return feedback_; }
  QLabel* explanationsLabel() const { return explain_; }
  QWidget* hintsBox() const { return hints_; }
  QWidget* scrollViewport() const;
  QPushButton* solutionButton() const { return solution_; }
  QPushButton* revealButton() const { return reveal_; }
  QPushButton* freePlayButton() const { return freePlay_; }
  // A narration's or task's longer explanation: the button shows it, collapsed at first.
  QPushButton* moreButton() const { return more_; }
  QLabel* moreLabel() const { return moreText_; }
  QListWidget* stepList() const { return steps_; }
  // The option buttons as shown, top to bottom (the session shuffles the order per attempt).
  const std::vector<QAbstractButton*>& optionButtons() const { return options_; }
  // The button of the option at `lessonIndex` in the lesson file, wherever it is shown; null if none.
  QAbstractButton* optionButton(std::size_t lessonIndex) const;
  // The letter (A, B, …) the option at `lessonIndex` in the lesson file is shown with.
  QChar optionLetter(std::size_t lessonIndex) const;
  QString feedbackText() const;
  QString bodyText() const;
  QLabel* saveNotice() const { return saveNotice_; }
  QLabel* titleLabel() const { return title_; }  // on a projector: the title, the step and the score

 public slots:
  void refresh();

 signals:
  void freePlayRequested();
  void closeRequested();
  void browseRequested();
  void teacherModeToggled(bool on);

 protected:
  void changeEvent(QEvent* e) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  void retranslate();
  void applyFonts();
  void rebuildSteps();
  void fitStepList();  // the step list's height: a few rows
  void rebuildOptions();
  void refreshOptions();
  void refreshHints();
  QString verdictHtml() const;
  QString explanationsHtml() const;
  void applyPresentation();  // projector mode: no step list or footer, tighter spacing
  void submit();
  QString stepLabel(int i) const;
  QString statusHtml() const;
  QString finishedHtml(const QString& lessonTitle, bool teacher) const;
  void refreshMore(int index, const cs::LessonStep& s);

  LessonSession* session_;
  int builtFor_ = -1;        // step whose option buttons exist
  bool builtFinished_ = false;
  bool builtRetrying_ = false;
  std::vector<std::size_t> order_;  // order_[k]: lesson-file index of the option shown k-th

  QLabel* title_;
  QLabel* meta_;
  QListWidget* steps_;
  QScrollArea* scroll_;
  QLabel* kind_;
  QLabel* text_;
  QPushButton* more_;
  QLabel* moreText_;
  int moreFor_ = -1;  // the step whose "More" state is shown (a new step starts collapsed)
  QWidget* optionsBox_;
  QVBoxLayout* optionsLayout_;
  QButtonGroup* group_ = nullptr;
  std::vector<QAbstractButton*> options_;
  std::vector<QLabel*> optionLabels_;
  std::vector<QWidget*> optionRows_;
  QPushButton* submit_;
  QPushButton* runResult_;
  QWidget* hints_;
  QVBoxLayout* hintsLayout_;
  QPushButton* hint_;
  QLabel* feedback_;
  QPushButton* tryAgain_;
  QPushButton* showAnswer_;
  QLabel* explain_;
  QPushButton* retry_;
  QPushButton* variant_;
  QPushButton* skip_;
  QPushButton* solution_;
  QPushButton* reveal_;
  QPushButton* back_;
  QPushButton* next_;
  QPushButton* freePlay_;
  QPushButton* browse_;
  QPushButton* close_;
  QCheckBox* teacher_;
  QWidget* footer_;
  QLabel* saveNotice_;
};
