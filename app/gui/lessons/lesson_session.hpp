// A lesson being taken: which step the learner is on, what each step is waiting for, the answers
// given, and the run each step starts from. It drives the run only through LabController (lesson
// actions become projections the controller animates; faults join the run's schedule) and records
// every answer in the ProgressStore the moment it is given. An answer or step the store refuses
// (another window held the file locked too long, a disk error) is reported: progressNotSaved() and
// saveProblem(), shown by the lesson panel and the status bar. A store that was never opened
// (a screenshot without --profile) records nothing, on purpose, and says nothing. The lesson panel
// is a view of it.
//
// Steps (see docs/lesson-format.md):
// - narration: done at once; the learner reads and presses Next;
// - action: the run plays to where the action leads (animated), then the session moves on by itself;
// - task / make it happen: waits until the goal holds in the engine's state (checked after every
//   event the controller dispatches and after every learner action); `too_late` offers a retry;
// - choice quiz: answered with answerChoice(); predict: the question is asked with the run stopped
//   before the outcome (the lesson checks that with cs::predict_giveaways); the learner locks in a
//   prediction (answerPredict), then runToResult() performs the quiz's "after_prediction" actions and
//   plays quickly to `until`, and the prediction is compared with what happened.
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <vector>

#include "lab_controller.hpp"
#include "scenario/lesson.hpp"
#include <memory>

namespace cs {
class CompareFigures;
}

namespace commitscope {
class ProgressStore;
struct ResumePoint;
}

class LessonSession final : public QObject {
  Q_OBJECT

 public:
  enum class Status {
    Ready,     // narration shown; a quiz waiting for its answer
    Playing,   // an action or a predict quiz's run is being played
    Waiting,   // a task or make-it-happen goal does not hold yet
    TooLate,   // the moment for the task has passed in this run: retry the step
    Done,      // the step is complete: Next goes on
    Failed,    // the lesson could not perform an action here (error())
  };

  struct StepState {
    bool visited = false;
    bool done = false;
    bool answered = false;      // quizzes: an answer was given
    bool retrying = false;      // choice quizzes: "Try again" after a wrong answer, not answered again yet
    bool correct = false;       // the latest answer
    bool firstCorrect = false;  // the first answer (what the score counts)
    bool revealed = false;      // teacher mode showed the answer before it was given
    bool solved = false;        // the solution was shown ("show me") instead of the learner acting
    int hintsShown = 0;
    int tries = 0;              // choice quizzes: how often "Try again" was pressed (a new option order each time)
    std::vector<std::size_t> chosen;    // choice / predict: option indices as in the lesson file
    std::vector<std::size_t> happened;  // predict: the option(s) whose condition held
    int variants = 0;                   // predict: variants tried ("Try a variant")
    std::uint64_t variantSeed = 0;      // predict: the seed of the variant shown (0: the lesson's own run)
  };

  LessonSession(LabController* controller, commitscope::ProgressStore* progress, QObject* parent = nullptr);
  ~LessonSession() override;

  // Opens the lesson's scenario and enters its first step; starts a new attempt in the progress
  // store. Returns false (and `error`) if the scenario cannot be started.
  bool start(const cs::Lesson& lesson, QString* error = nullptr);
  // Continues the learner's stored attempt (see ProgressStore::resumePoint): the answers and score
  // it holds come back, the run is brought to the start of resumeIndex() the way the lesson's own
  // solutions do it (as the walker and a teacher's jump do), and later answers join that attempt.
  bool resume(const cs::Lesson& lesson, const commitscope::ResumePoint& at, QString* error = nullptr);
  // The step a stored attempt continues at: the step it was on, or the one after it when that step
  // was a question already answered (the learner had only Next left to press).
  static int resumeIndex(const cs::Lesson& lesson, const commitscope::ResumePoint& at);
  void stop();
  bool isActive() const { return lesson_.has_value(); }
  LabController* controller() const { return controller_; }
  void setProgressStore(commitscope::ProgressStore* progress) { progress_ = progress; }
  const cs::Lesson* lesson() const { return lesson_ ? &*lesson_ : nullptr; }

  int stepCount() const;
  int currentIndex() const { return index_; }
  // A predict step whose prediction is locked in and whose run has not been played yet: the panel
  // offers "Run to the result".
  bool awaitingResult() const;
  // How long (wall-clock) Run to the result animates the run to the question's `until`.
  static constexpr int kResultAnimationMs = 2500;
  const cs::LessonStep* currentStep() const;
  const StepState& stepState(int i) const { return states_.at(static_cast<std::size_t>(i)); }
  Status status() const { return status_; }
  QString error() const { return error_; }
  bool finished() const { return finished_; }  // past the last step: the summary is shown
  // A task's goal held and the learner has played the run on past that moment since (Next goes on
  // from the moment the goal held).
  bool movedPastGoal() const;

  bool canGoBack() const;
  bool canGoNext() const;
  // Whether the learner may click step `i` in the step list (always in teacher mode; otherwise only
  // steps already visited).
  bool canJumpTo(int i) const;
  // The current step is a predict or make-it-happen question answered on the run shown: "Try a
  // variant" is offered.
  bool canTryVariant() const;
  // A variant is on screen (the run is the variant's seed, not the lesson's own).
  bool inVariant() const { return variant_.has_value(); }
  // How many seeds after the last one tryVariant() looks at.
  static constexpr int kVariantSeeds = 24;

  // Nodes and links to emphasise on the canvas for the current step: the step's own highlight, else
  // the names a task's goal mentions.
  QStringList highlightedNodes() const;
  QList<QPair<QString, QString>> highlightedLinks() const;
  // The current step's highlights of view items: log records, message types, metrics, timers.
  std::vector<cs::Highlight> viewHighlights() const;
  // The show actions in effect at step `index` (docs/lesson-format.md, "Views"): the step itself if
  // it is one, else the show actions just before it.
  std::vector<const cs::LessonAction*> viewsFor(int index) const;
  // A lesson text in `lang` with its numbers filled from the run now (scenario/lesson_numbers.hpp).
  QString filled(const cs::LocalizedText& text, const std::string& lang) const;

  // Score: quizzes answered right at the first try, out of the lesson's quizzes.
  int score() const;
  int questionCount() const;

  // The order step `i`'s options are shown in: element k is the lesson-file index of the option shown
  // k-th (cs::option_order). Drawn from this attempt and the step's tries, so that a retry and a new
  // attempt look different and a learner cannot answer by position; in teacher mode one fixed order
  // for the whole room. Answers are always given and stored as lesson-file indices.
  std::vector<std::size_t> optionOrder(int i) const;
  // What the order is drawn from: the progress store's attempt id, or (without a store) a count of
  // the attempts started by this session.
  quint64 attemptKey() const { return attemptKey_; }

  bool teacherMode() const { return teacher_; }
  void setTeacherMode(bool on);

  // The latest answer or step the progress store refused, as a translated warning that says it was
  // NOT saved and why; cleared by the next save that succeeds. Empty: everything was saved.
  QString saveProblem() const { return saveProblem_; }
  // Answers and steps of this lesson that could not be saved.
  int unsavedCount() const { return unsaved_; }

 public slots:
  void next();
  void back();
  void jumpTo(int index);
  void showHint();
  void retryStep();
  // Choice quizzes, after a wrong answer: the options open again for another try (the score keeps
  // counting the first answer).
  void tryAgain();
  // Teacher mode, tasks and make-it-happen: performs the step's own solution (animated).
  void showSolution();
  // "Try a variant" (scenario/lesson_variant.hpp): a predict or make-it-happen question already
  // answered is asked again on another seed of the lesson, replayed with the lesson's own solutions
  // up to the question; the engine decides what happens there (or whether the goal is reached). A variant counts for neither score nor
  // progress; leaving the step (Next, Back, a jump) returns to the lesson's own run. False, with
  // error(), when no seed nearby makes a fair variant.
  bool tryVariant();
  // Teacher mode, quizzes: marks the answer as revealed (the panel then shows every explanation).
  void revealAnswer();
  // Skips an action's animation to its end.
  void skipAnimation();
  void answerChoice(const std::vector<std::size_t>& chosen);
  // Locks in the learner's prediction; the run stays where the question was asked until
  // runToResult().
  void answerPredict(std::size_t chosen);
  // After a prediction: performs the quiz's "after_prediction" actions and plays the run to its
  // `until` quickly (a few seconds of animation whatever the speed; Skip ahead jumps), then judges.
  void runToResult();

 signals:
  void changed();       // anything the panel shows
  void stepEntered(int index);
  void lessonFinished(int score, int outOf);
  // The progress store refused an answer or a step; `message` is saveProblem().
  void progressNotSaved(const QString& message);
  // The controller was given another scenario behind the session's back: the lesson has ended
  // (stop()) without judging anything against that run.
  void runReplaced();

 private:
  bool openRun(const cs::Lesson& lesson, QString* error);
  // Back to the lesson's own run and answer after a variant (nothing to do outside one).
  void leaveVariant();
  void restoreAnswers(const commitscope::ResumePoint& at);
  void enterStep(int index);
  void setStatus(Status s);
  void checkGoal();
  // A predict question is asked while its outcome is open: if the learner played the run past it
  // during the narration before the question, the run returns to where that narration began.
  void rewindBeforeOutcome(int index);
  void onAnimationFinished(bool reached);
  // Brings the run to the end of step `i` without the learner: its action, solution or `until`.
  bool completeHeadless(int i);
  std::vector<cs::LessonAction> actionsToComplete(int i) const;
  void record(const QString& answer, bool correct);
  bool recording() const;  // a store is attached and was opened
  // Notes the outcome of one save: a failure becomes saveProblem() (`what` + the store's reason).
  void saved(bool ok, const QString& what);
  const std::vector<cs::Condition>* goalOf(const cs::LessonStep& s) const;
  // Whether the live run is still one this lesson started; if not, the lesson ends (runReplaced()).
  bool ownsRun();

  LabController* controller_;
  commitscope::ProgressStore* progress_;
  std::optional<cs::Lesson> lesson_;
  std::vector<StepState> states_;
  std::vector<std::optional<LabController::Checkpoint>> checkpoints_;  // the run as each step began
  // The run at the moment the current task's goal held: Next goes on from there even if the learner
  // played on past it, so the next step's narration describes the run on screen.
  std::optional<LabController::Checkpoint> goalReachedAt_;
  bool pastGoalShown_ = false;
  int index_ = 0;
  Status status_ = Status::Ready;
  QString error_;
  QString saveProblem_;
  int unsaved_ = 0;
  bool teacher_ = false;
  quint64 attemptKey_ = 0;
  quint64 localAttempts_ = 0;  // attempts started without a progress store
  bool finished_ = false;
  bool playingPredict_ = false;
  bool playingSolution_ = false;
  bool headless_ = false;  // the session itself is moving the run: ignore the controller's signals
  quint64 generation_ = 0;  // the controller's scenarioGeneration() of the lesson's run
  // While a variant is shown: what leaving it restores.
  struct VariantReturn {
    std::vector<std::optional<LabController::Checkpoint>> checkpoints;
    LabController::Checkpoint end;  // where the lesson's own run was when the variant began
    StepState state;                // the step's own answer
    Status status = Status::Done;
    std::optional<LabController::Checkpoint> goalReachedAt;
  };
  std::optional<VariantReturn> variant_;
  // Runs of the lesson scenario on other protocols for {compare:...} numbers, kept for one moment.
  std::unique_ptr<cs::CompareFigures> numbers_;
};
