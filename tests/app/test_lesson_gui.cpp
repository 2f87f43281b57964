// The lessons in the app: the session that drives a lesson through the controller, the lesson panel,
// the browser (broken lessons listed as unavailable), the progress view, teacher mode, free play and
// the --lesson screenshot mode. The engine-side walker has its own tests; these check that the app
// takes a learner through the same lessons with the same outcomes.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QLabel>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "lesson_browser.hpp"
#include "lesson_library.hpp"
#include "lesson_panel.hpp"
#include "lesson_window_support.hpp"
#include "lesson_session.hpp"
#include "help_overlay.hpp"
#include "main_window.hpp"
#include "new_scenario_dialog.hpp"
#include "progress_dialog.hpp"
#include "progress_store.hpp"
#include "scenario/condition.hpp"
#include "scenario/lesson_predict.hpp"

namespace {

using Status = LessonSession::Status;

QString lessonsDir() { return QStringLiteral(COMMITSCOPE_SOURCE_DIR "/lessons"); }

cs::Lesson loadLesson(const char* id) {
  const LessonEntry e = LessonLibrary::loadFile(lessonsDir() + QLatin1Char('/') + QLatin1String(id) + QStringLiteral(".json"));
  EXPECT_TRUE(e.available()) << e.problems.join(QLatin1Char('\n')).toStdString();
  return e.lesson.value_or(cs::Lesson{});
}

// Lets a running animation or play reach its end without waiting for wall-clock time.
void settle(LessonSession& s) {
  for (int guard = 0; guard < 1000 && s.controller()->isAnimating(); ++guard) s.skipAnimation();
}

int indexOf(const cs::Lesson& l, const char* stepId) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].id == stepId) return static_cast<int>(i);
  return -1;
}

// Takes the lesson from its current step to the end the way a model student does: reads, waits for
// the lab, performs each task's own solution, answers every question right. Returns false at the
// first step that does not end as the lesson says.
::testing::AssertionResult takeLesson(LessonSession& s) {
  const cs::Lesson& l = *s.lesson();
  for (int guard = 0; guard < 500 && !s.finished(); ++guard) {
    settle(s);
    const int i = s.currentIndex();
    const cs::LessonStep& step = l.steps[static_cast<std::size_t>(i)];
    const std::string where = l.id + " " + step.path + " (" + step.id + ")";
    if (s.status() == Status::Failed) return ::testing::AssertionFailure() << where << ": " << s.error().toStdString();
    if (step.kind == cs::StepKind::Task || (step.kind == cs::StepKind::Quiz && step.quiz.kind == cs::QuizKind::MakeItHappen)) {
      if (s.status() != Status::Done) s.showSolution();
      settle(s);
    } else if (step.kind == cs::StepKind::Quiz && step.quiz.kind == cs::QuizKind::Choice) {
      s.answerChoice(step.quiz.correct);
      if (!s.stepState(i).correct) return ::testing::AssertionFailure() << where << ": the right answer was judged wrong";
    } else if (step.kind == cs::StepKind::Quiz && step.quiz.kind == cs::QuizKind::Predict) {
      // Asked while the outcome is still open (scenario/lesson_predict.hpp), in the app's own run.
      const auto giveaways = cs::predict_giveaways(step.quiz, s.controller()->simulation());
      if (!giveaways.empty())
        return ::testing::AssertionFailure() << where << ": " << cs::giveaway_text(giveaways, s.controller()->simulation());
      s.answerPredict(step.quiz.correct.front());
      s.runToResult();
      settle(s);
      if (!s.stepState(i).correct)
        return ::testing::AssertionFailure() << where << ": the prediction the lesson calls right did not happen in the app's run";
    }
    if (s.status() != Status::Done)
      return ::testing::AssertionFailure() << where << ": status " << static_cast<int>(s.status()) << " instead of done";
    if (s.currentIndex() != i) continue;  // an action moved on by itself
    s.next();
  }
  if (!s.finished()) return ::testing::AssertionFailure() << l.id << ": did not reach the end";
  return ::testing::AssertionSuccess();
}


// Another CommitScope writing to the same progress file: holds its write lock until release().
class ProgressLockHolder {
 public:
  explicit ProgressLockHolder(const QString& dbPath) {
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
    d.setDatabaseName(dbPath);
    EXPECT_TRUE(d.open());
    EXPECT_TRUE(QSqlQuery(d).exec(QStringLiteral("BEGIN IMMEDIATE")));
  }
  ~ProgressLockHolder() { release(); }
  void release() {
    if (!QSqlDatabase::contains(name_)) return;
    {
      QSqlDatabase d = QSqlDatabase::database(name_, false);
      QSqlQuery(d).exec(QStringLiteral("ROLLBACK"));
      d.close();
    }
    QSqlDatabase::removeDatabase(name_);
  }

 private:
  QString name_ = QStringLiteral("other_commitscope");
};

// Jumps (as a teacher would) to the lesson's first choice question; -1 if there is none.
int jumpToFirstChoiceQuiz(LessonSession& s) {
  const cs::Lesson& l = *s.lesson();
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].kind == cs::StepKind::Quiz && l.steps[i].quiz.kind == cs::QuizKind::Choice) {
      s.setTeacherMode(true);
      s.jumpTo(static_cast<int>(i));
      s.setTeacherMode(false);
      return s.currentIndex() == static_cast<int>(i) ? static_cast<int>(i) : -1;
    }
  return -1;
}

}  // namespace

TEST(LessonSession, EveryBundledLessonCanBeTakenInTheApp) {
  LessonLibrary library;
  library.load();  // the lessons embedded in the app
  ASSERT_GE(library.entries().size(), 17u);
  LabController controller;
  for (const LessonEntry& e : library.entries()) {
    ASSERT_TRUE(e.available()) << e.problems.join(QLatin1Char('\n')).toStdString();
    LessonSession session(&controller, nullptr);
    ASSERT_TRUE(session.start(*e.lesson));
    EXPECT_TRUE(takeLesson(session));
    int makeItHappen = 0;
    for (const auto& st : e.lesson->steps) makeItHappen += st.kind == cs::StepKind::Quiz && st.quiz.kind == cs::QuizKind::MakeItHappen;
    // Right at the first try everywhere, except where the solution was shown instead of the learner.
    EXPECT_EQ(session.score(), session.questionCount() - makeItHappen) << e.id.toStdString();
  }
}

TEST(LessonSession, ATaskIsDoneWhenTheEngineSaysSoAndThePlayPausesThere) {
  LabController controller;
  LessonSession s(&controller, nullptr);
  const cs::Lesson l = loadLesson("08-2pc-blocks");
  ASSERT_TRUE(s.start(l));
  EXPECT_EQ(s.status(), Status::Done);  // narration
  EXPECT_FALSE(s.canGoBack());
  s.next();  // the action plays until C is in WAIT, then the task begins by itself
  settle(s);
  ASSERT_EQ(s.currentIndex(), indexOf(l, "crash-coordinator"));
  EXPECT_EQ(s.status(), Status::Waiting);
  EXPECT_FALSE(s.canGoNext());
  EXPECT_EQ(controller.info().states[static_cast<std::size_t>(controller.simulation().sim().node_view(0).state)], "WAIT");
  // The task's target is emphasised on the canvas: its own highlight, else the nodes its goal names.
  const cs::LessonStep& task = l.steps[static_cast<std::size_t>(s.currentIndex())];
  if (task.highlight.empty()) {
    EXPECT_TRUE(s.highlightedNodes().contains(QStringLiteral("C")));
    EXPECT_TRUE(s.highlightedNodes().contains(QStringLiteral("P1")));
  } else {
    EXPECT_FALSE(s.highlightedNodes().isEmpty() && s.highlightedLinks().isEmpty());
  }
  // The learner crashes C with the fault tools, then presses Play.
  controller.injectFault({cs::FaultKind::Crash, 0, cs::kNoNode, {}, {}});
  EXPECT_EQ(s.status(), Status::Waiting);
  controller.play();
  ASSERT_TRUE(QTest::qWaitFor([&] { return s.status() == Status::Done; }, 20000));
  EXPECT_FALSE(controller.isPlaying());  // paused at the event that completed the goal
  EXPECT_TRUE(cs::evaluate(l.steps[static_cast<std::size_t>(s.currentIndex())].goal.front(), controller.simulation()));
  EXPECT_TRUE(s.canGoNext());
  // The fault is in the run's schedule: the run replays exactly.
  EXPECT_EQ(controller.scenario().faults.size(), 1u);
}

TEST(LessonSession, TooLateOffersARetryThatRewindsToTheStepsStart) {
  LabController controller;
  LessonSession s(&controller, nullptr);
  const cs::Lesson l = loadLesson("08-2pc-blocks");
  ASSERT_TRUE(s.start(l));
  s.next();
  settle(s);
  ASSERT_EQ(s.status(), Status::Waiting);
  const quint64 start = controller.eventIndex();
  const QString startHash = controller.traceSha256();
  // Without crashing C, the run goes on until C decides: too late for this task.
  controller.setSpeed(10.0);
  controller.play();
  ASSERT_TRUE(QTest::qWaitFor([&] { return s.status() == Status::TooLate; }, 30000));
  EXPECT_FALSE(controller.isPlaying());
  s.retryStep();
  EXPECT_EQ(s.status(), Status::Waiting);
  EXPECT_EQ(controller.eventIndex(), start);
  EXPECT_EQ(controller.traceSha256(), startHash);
}

// A make-it-happen quiz has its moment too: lesson 16's lost event needs ORDER_SVC to crash before
// its PUBLISH is stored. A learner who presses Play and lets it pass is told "too late" (the run
// pauses), retries, crashes ORDER_SVC at the step's start and reaches the goal, scored correct.
TEST(LessonSession, AMakeItHappenQuizWhoseMomentPassedIsTooLateThenRetriedAndReached) {
  LabController controller;
  LessonSession s(&controller, nullptr);
  const cs::Lesson l = loadLesson("16-transactional-outbox");
  ASSERT_TRUE(s.start(l));
  s.next();  // the action plays until ORDER_SVC has committed order 1; the quiz begins by itself
  settle(s);
  ASSERT_EQ(s.currentIndex(), indexOf(l, "make-lost-event"));
  ASSERT_EQ(s.status(), Status::Waiting);
  const quint64 start = controller.eventIndex();
  controller.setSpeed(10.0);
  controller.play();
  ASSERT_TRUE(QTest::qWaitFor([&] { return s.status() == Status::TooLate; }, 30000));
  EXPECT_FALSE(controller.isPlaying());
  const cs::Simulation& late = controller.simulation();
  EXPECT_TRUE(cs::evaluate(l.steps[static_cast<std::size_t>(s.currentIndex())].too_late.front(), late));
  s.retryStep();
  EXPECT_EQ(s.status(), Status::Waiting);
  EXPECT_EQ(controller.eventIndex(), start);
  controller.injectFault({cs::FaultKind::Crash, controller.simulation().sim().node_id("ORDER_SVC"), cs::kNoNode, {}, {}});
  controller.play();
  ASSERT_TRUE(QTest::qWaitFor([&] { return s.status() == Status::Done; }, 30000));
  EXPECT_EQ(s.score(), 1);  // reached by the learner after a retry, without the solution
}

TEST(LessonSession, BackRestoresTheRunOfAnEarlierStep) {
  LabController controller;
  LessonSession s(&controller, nullptr);
  const cs::Lesson l = loadLesson("07-two-phase-commit");
  ASSERT_TRUE(s.start(l));
  const QString atStart = controller.traceSha256();
  // Walk a few steps forward (solutions and answers as a model student gives them).
  for (int k = 0; k < 4 && !s.finished(); ++k) {
    settle(s);
    if (s.status() != Status::Done) s.showSolution();
    settle(s);
    const auto* step = s.currentStep();
    if (step->kind == cs::StepKind::Quiz && step->quiz.kind == cs::QuizKind::Choice) s.answerChoice(step->quiz.correct);
    if (step->kind == cs::StepKind::Quiz && step->quiz.kind == cs::QuizKind::Predict) {
      s.answerPredict(step->quiz.correct.front());
      s.runToResult();
      settle(s);
    }
    s.next();
  }
  settle(s);
  ASSERT_GT(s.currentIndex(), 1);
  EXPECT_NE(controller.traceSha256(), atStart);
  while (s.canGoBack()) s.back();
  EXPECT_EQ(s.currentIndex(), 0);
  EXPECT_EQ(controller.traceSha256(), atStart);
  EXPECT_EQ(controller.eventIndex(), 0u);
}

// The CAP lesson restarts its run in AP mode halfway: the live run becomes a fresh AP run at 0 ms
// (the canvas and views follow), the lesson goes on in it, and Back returns to the CP run.
TEST(LessonSession, ARestartStepSwitchesTheRunAndBackReturnsToTheOldOne) {
  LabController controller;
  LessonSession s(&controller, nullptr);
  const cs::Lesson l = loadLesson("02-cap-partition-forces-a-choice");
  ASSERT_TRUE(s.start(l));
  const int before = indexOf(l, "ap-instead");
  ASSERT_GT(before, 0);
  s.setTeacherMode(true);
  s.jumpTo(before);  // teacher mode: every step up to here completed by its solution
  settle(s);
  ASSERT_EQ(s.currentIndex(), before);
  EXPECT_EQ(controller.scenario().params["mode"], "cp");
  const QString cpTrace = controller.traceSha256();
  const cs::Time cpTime = controller.now();
  ASSERT_GT(cpTime, cs::ms(1000));
  s.next();  // the restart, then the play to 400 ms, run by themselves
  settle(s);
  EXPECT_EQ(controller.scenario().params["mode"], "ap");
  EXPECT_EQ(controller.scenario().params["replicas"], 3);  // the rest of the lesson's settings stay
  EXPECT_EQ(controller.now(), cs::ms(400));
  EXPECT_EQ(s.currentStep()->id, "make-partition-ap");
  s.back();  // back over the stage directions, to the narration before the restart
  settle(s);
  EXPECT_EQ(s.currentIndex(), before);
  EXPECT_EQ(controller.scenario().params["mode"], "cp");
  EXPECT_EQ(controller.now(), cpTime);
  EXPECT_EQ(controller.traceSha256(), cpTrace);
}

TEST(LessonSession, AWrongFirstAnswerCostsThePointButShowsTheExplanations) {
  LabController controller;
  QTemporaryDir dir;
  commitscope::ProgressStore store(dir.path());
  ASSERT_EQ(store.status(), commitscope::ProgressStore::Status::Ok);
  LessonSession s(&controller, &store);
  const cs::Lesson l = loadLesson("07-two-phase-commit");
  ASSERT_TRUE(s.start(l));
  // Find the first choice quiz the way the teacher's jump does.
  int quiz = -1;
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].kind == cs::StepKind::Quiz && l.steps[i].quiz.kind == cs::QuizKind::Choice) {
      quiz = static_cast<int>(i);
      break;
    }
  ASSERT_GE(quiz, 0);
  s.setTeacherMode(true);
  s.jumpTo(quiz);
  s.setTeacherMode(false);
  ASSERT_EQ(s.currentIndex(), quiz);
  const cs::Quiz& q = l.steps[static_cast<std::size_t>(quiz)].quiz;
  std::size_t wrong = 0;
  while (std::find(q.correct.begin(), q.correct.end(), wrong) != q.correct.end()) ++wrong;
  s.answerChoice({wrong});
  EXPECT_FALSE(s.stepState(quiz).correct);
  EXPECT_EQ(s.status(), Status::Done);  // the learner may go on after reading why
  s.answerChoice(q.correct);            // a second try is judged, but the score counts the first
  EXPECT_TRUE(s.stepState(quiz).correct);
  EXPECT_FALSE(s.stepState(quiz).firstCorrect);
  EXPECT_EQ(s.score(), 0);
  // Both answers were committed as they were given.
  const auto answers = store.answers(QString::fromStdString(l.id));
  ASSERT_EQ(answers.size(), 2);
  EXPECT_FALSE(answers[0].correct);
  EXPECT_TRUE(answers[1].correct);
  EXPECT_EQ(answers[0].stepId.toStdString(), l.steps[static_cast<std::size_t>(quiz)].id);
  EXPECT_GT(store.lessonSummary(QString::fromStdString(l.id)).stepsReached, 0);
}

TEST(LessonSession, AnAnswerThatCannotBeSavedIsReported) {
  // Another window holds the progress file's write lock longer than the store waits: the answer
  // is judged as usual, but the learner is told it was NOT saved, and why.
  LabController controller;
  QTemporaryDir dir;
  commitscope::ProgressStore store(dir.path());
  ASSERT_EQ(store.status(), commitscope::ProgressStore::Status::Ok);
  store.setLockTimeout(100);
  LessonSession s(&controller, &store);
  QSignalSpy spy(&s, &LessonSession::progressNotSaved);
  const cs::Lesson l = loadLesson("07-two-phase-commit");
  ASSERT_TRUE(s.start(l));
  const int quiz = jumpToFirstChoiceQuiz(s);
  ASSERT_GE(quiz, 0);
  EXPECT_TRUE(s.saveProblem().isEmpty());
  EXPECT_EQ(spy.count(), 0);
  const cs::Quiz& q = l.steps[static_cast<std::size_t>(quiz)].quiz;
  std::size_t wrong = 0;
  while (std::find(q.correct.begin(), q.correct.end(), wrong) != q.correct.end()) ++wrong;
  {
    ProgressLockHolder other(store.databasePath());
    s.answerChoice({wrong});
  }
  EXPECT_FALSE(s.stepState(quiz).correct);  // judged all the same
  ASSERT_EQ(spy.count(), 1);
  const QString message = spy.at(0).at(0).toString();
  EXPECT_EQ(message, s.saveProblem());
  EXPECT_TRUE(message.contains(QStringLiteral("Your answer was NOT saved"))) << message.toStdString();
  EXPECT_TRUE(message.contains(QStringLiteral("locked"))) << message.toStdString();
  EXPECT_EQ(s.unsavedCount(), 1);
  // The lock is gone: the next answer is saved and the warning goes away.
  s.answerChoice(q.correct);
  EXPECT_EQ(spy.count(), 1);
  EXPECT_TRUE(s.saveProblem().isEmpty());
  const auto answers = store.answers(QString::fromStdString(l.id));
  ASSERT_EQ(answers.size(), 1);
  EXPECT_TRUE(answers[0].correct);
}

TEST(LessonSession, ANeverOpenedStoreRecordsNothingAndSaysNothing) {
  // A screenshot without --profile: the window's store is never opened, on purpose.
  LabController controller;
  commitscope::ProgressStore closed;
  LessonSession s(&controller, &closed);
  QSignalSpy spy(&s, &LessonSession::progressNotSaved);
  ASSERT_TRUE(s.start(loadLesson("07-two-phase-commit")));
  ASSERT_TRUE(takeLesson(s));
  EXPECT_EQ(spy.count(), 0);
  EXPECT_EQ(s.unsavedCount(), 0);
}

TEST(LessonPanel, ShowsThatAnAnswerWasNotSaved) {
  LabController controller;
  MainWindow w(&controller);
  w.resize(1400, 900);
  w.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
  QTemporaryDir dir;
  ASSERT_TRUE(w.openProgress(dir.path(), false));
  w.progress()->setLockTimeout(100);
  ASSERT_TRUE(w.startLesson(QStringLiteral("07-two-phase-commit"), false));
  LessonPanel* panel = w.lessonPanel();
  LessonSession* s = w.lessonSession();
  EXPECT_FALSE(panel->saveNotice()->isVisible());
  const int quiz = jumpToFirstChoiceQuiz(*s);
  ASSERT_GE(quiz, 0);
  const cs::Quiz& q = s->currentStep()->quiz;
  for (std::size_t c : q.correct) panel->optionButton(c)->click();
  {
    ProgressLockHolder other(w.progress()->databasePath());
    QTest::mouseClick(panel->submitButton(), Qt::LeftButton);
  }
  EXPECT_TRUE(panel->feedbackText().contains(QStringLiteral("Right")));
  // In the panel, above Back/Next, and on the status bar.
  EXPECT_TRUE(panel->saveNotice()->isVisible());
  EXPECT_TRUE(panel->saveNotice()->text().contains(QStringLiteral("NOT saved"))) << panel->saveNotice()->text().toStdString();
  EXPECT_TRUE(w.statusBar()->currentMessage().contains(QStringLiteral("Your answer was NOT saved")))
      << w.statusBar()->currentMessage().toStdString();
  // The end of the lesson does not claim that everything was saved.
  ASSERT_TRUE(takeLesson(*s));
  EXPECT_FALSE(panel->saveNotice()->isVisible());  // later saves went through
  EXPECT_TRUE(panel->bodyText().contains(QStringLiteral("Not all of your progress was saved"))) << panel->bodyText().toStdString();
  EXPECT_FALSE(panel->bodyText().contains(QStringLiteral("Your progress is saved")));
}

TEST(LessonPanel, TheNotSavedWarningIsTranslated) {
  language::apply(QStringLiteral("zh_TW"), false);
  LabController controller;
  QTemporaryDir dir;
  commitscope::ProgressStore store(dir.path());
  store.setLockTimeout(100);
  LessonSession s(&controller, &store);
  ASSERT_TRUE(s.start(loadLesson("07-two-phase-commit")));
  const int quiz = jumpToFirstChoiceQuiz(s);
  {
    ProgressLockHolder other(store.databasePath());
    s.answerChoice(s.currentStep()->quiz.correct);
  }
  const QString message = s.saveProblem();
  language::apply(QStringLiteral("en"), false);
  ASSERT_GE(quiz, 0);
  EXPECT_TRUE(message.contains(QStringLiteral("沒有儲存"))) << message.toStdString();
  EXPECT_FALSE(message.contains(QStringLiteral("NOT saved"))) << message.toStdString();
}

TEST(LessonSession, PredictPlaysTheRunAndComparesWithWhatHappened) {
  LabController controller;
  LessonSession s(&controller, nullptr);
  const cs::Lesson l = loadLesson("08-2pc-blocks");
  ASSERT_TRUE(s.start(l));
  const int quiz = indexOf(l, "predict-ready-timeout");
  ASSERT_GE(quiz, 0);
  s.setTeacherMode(true);
  s.jumpTo(quiz);
  s.setTeacherMode(false);
  settle(s);
  ASSERT_EQ(s.currentIndex(), quiz);
  ASSERT_EQ(s.status(), Status::Ready);
  const quint64 before = controller.eventIndex();
  const cs::Quiz& q = l.steps[static_cast<std::size_t>(quiz)].quiz;
  const std::size_t wrong = q.correct.front() == 0 ? 1 : 0;
  s.answerPredict(wrong);
  EXPECT_EQ(s.status(), Status::Ready);  // locked in; the run waits for "Run to the result"
  EXPECT_TRUE(s.awaitingResult());
  EXPECT_EQ(controller.eventIndex(), before);
  s.runToResult();
  EXPECT_EQ(s.status(), Status::Playing);
  settle(s);
  EXPECT_EQ(s.status(), Status::Done);
  EXPECT_GT(controller.eventIndex(), before);  // the run did play on
  EXPECT_FALSE(s.stepState(quiz).correct);
  ASSERT_EQ(s.stepState(quiz).happened.size(), 1u);
  EXPECT_EQ(s.stepState(quiz).happened.front(), q.correct.front());
  // One chance: a second prediction is ignored.
  s.answerPredict(q.correct.front());
  EXPECT_FALSE(s.stepState(quiz).correct);
}

TEST(LessonPanel, AStudentClicksThroughAQuestion) {
  guitest::ShownWindow shown("07-two-phase-commit");
  MainWindow& w = shown.w;
  ASSERT_TRUE(w.lessonSession()->lesson() != nullptr);
  EXPECT_TRUE(w.lessonPanelVisible());
  LessonPanel* panel = w.lessonPanel();
  LessonSession* s = w.lessonSession();
  EXPECT_EQ(panel->stepList()->count(), s->stepCount());
  EXPECT_FALSE(panel->bodyText().isEmpty());
  // Next through narration and actions until the first choice question, solving tasks with "show me".
  for (int guard = 0; guard < 100; ++guard) {
    settle(*s);
    const auto* step = s->currentStep();
    if (step->kind == cs::StepKind::Quiz && step->quiz.kind == cs::QuizKind::Choice) break;
    if (s->status() != Status::Done) s->showSolution();
    settle(*s);
    if (step->kind == cs::StepKind::Quiz && step->quiz.kind == cs::QuizKind::Predict) {
      s->answerPredict(step->quiz.correct.front());
      s->runToResult();
      settle(*s);
    }
    ASSERT_TRUE(panel->nextButton()->isEnabled()) << step->path;
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
  }
  const auto* step = s->currentStep();
  ASSERT_EQ(step->quiz.kind, cs::QuizKind::Choice);
  ASSERT_EQ(panel->optionButtons().size(), step->quiz.options.size());
  EXPECT_FALSE(panel->nextButton()->isEnabled());  // answer first
  EXPECT_FALSE(panel->submitButton()->isEnabled());  // nothing chosen yet
  for (std::size_t c : step->quiz.correct) panel->optionButton(c)->click();
  ASSERT_TRUE(panel->submitButton()->isEnabled());
  QTest::mouseClick(panel->submitButton(), Qt::LeftButton);
  EXPECT_TRUE(panel->feedbackText().contains(QStringLiteral("Right")));
  EXPECT_TRUE(panel->nextButton()->isEnabled());
  for (QAbstractButton* b : panel->optionButtons()) EXPECT_FALSE(b->isEnabled());
}

TEST(LessonPanel, FollowsTheLanguageSwitch) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  const QString en = w.lessonPanel()->bodyText();
  language::apply(QStringLiteral("zh_TW"), false);
  QCoreApplication::processEvents();  // LanguageChange is posted, not sent
  const QString zh = w.lessonPanel()->bodyText();
  language::apply(QStringLiteral("en"), false);
  QCoreApplication::processEvents();
  EXPECT_NE(en, zh);
  EXPECT_TRUE(zh.contains(QStringLiteral("協調者")));
  EXPECT_EQ(w.lessonPanel()->bodyText(), en);
}

TEST(LessonPanel, TeacherModeHidesScoresRevealsAnswersAndJumps) {
  LabController controller;
  MainWindow w(&controller);
  w.show();
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  LessonPanel* panel = w.lessonPanel();
  LessonSession* s = w.lessonSession();
  // A learner cannot jump ahead to a step not reached yet; a teacher can.
  const int last = s->stepCount() - 1;
  EXPECT_FALSE(s->canJumpTo(last));
  w.setTeacherMode(true);
  EXPECT_TRUE(s->canJumpTo(last));
  s->jumpTo(last);
  settle(*s);
  EXPECT_EQ(s->currentIndex(), last);
  EXPECT_EQ(s->status() == Status::Failed, false) << s->error().toStdString();
  const auto* step = s->currentStep();
  ASSERT_EQ(step->kind, cs::StepKind::Quiz);
  if (step->quiz.kind != cs::QuizKind::MakeItHappen) {
    EXPECT_TRUE(panel->revealButton()->isVisibleTo(panel));
    s->revealAnswer();
    EXPECT_TRUE(s->stepState(last).revealed);
  } else {
    EXPECT_TRUE(panel->solutionButton()->isVisibleTo(panel));
  }
  EXPECT_TRUE(panel->nextButton()->isEnabled());  // a teacher can always go on
  // The browser hides the score column in teacher mode.
  LessonBrowser browser(&w.lessons(), w.progress(), true, &w);
  EXPECT_TRUE(browser.list()->isColumnHidden(LessonBrowser::Score));
  LessonBrowser learner(&w.lessons(), w.progress(), false, &w);
  EXPECT_FALSE(learner.list()->isColumnHidden(LessonBrowser::Score));
}

TEST(LessonBrowser, ABrokenLessonIsListedAsUnavailableWithFileAndLine) {
  QTemporaryDir dir;
  ASSERT_TRUE(QFile::copy(lessonsDir() + QStringLiteral("/07-two-phase-commit.json"), dir.filePath(QStringLiteral("07-two-phase-commit.json"))));
  QFile broken(dir.filePath(QStringLiteral("99-broken.json")));
  ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
  broken.write("{\n  \"id\": \"99-broken\",\n  \"title\": { \"en\": \"A broken lesson\" },\n  \"steps\": [\n");
  broken.close();
  LessonLibrary library;
  library.load(dir.path());
  ASSERT_EQ(library.entries().size(), 2u);
  const LessonEntry* bad = library.find(QStringLiteral("99-broken"));
  ASSERT_NE(bad, nullptr);
  EXPECT_FALSE(bad->available());
  ASSERT_FALSE(bad->problems.isEmpty());
  EXPECT_TRUE(bad->problems.front().startsWith(QStringLiteral("99-broken.json:"))) << bad->problems.front().toStdString();
  EXPECT_TRUE(library.find(QStringLiteral("07-two-phase-commit"))->available());

  LabController controller;
  MainWindow w(&controller);
  w.setLessonDirectory(dir.path());
  LessonBrowser browser(&w.lessons(), w.progress(), false, &w);
  browser.select(QStringLiteral("99-broken"));
  EXPECT_TRUE(browser.list()->currentItem()->text(LessonBrowser::Title).contains(QStringLiteral("unavailable")));
  EXPECT_FALSE(browser.startButton()->isEnabled());
  browser.select(QStringLiteral("07-two-phase-commit"));
  EXPECT_TRUE(browser.startButton()->isEnabled());
  // Starting it anyway fails with the message; the lab keeps its run.
  const QString before = controller.traceSha256();
  QString error;
  EXPECT_FALSE(w.startLesson(QStringLiteral("99-broken"), false, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("99-broken.json:"))) << error.toStdString();
  EXPECT_FALSE(w.lessonPanelVisible());
  EXPECT_EQ(controller.traceSha256(), before);
  EXPECT_TRUE(w.startLesson(QStringLiteral("07-two-phase-commit"), false));
}

TEST(MainWindow, FreePlayKeepsTheLessonsRunInTheSandbox) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  w.lessonSession()->next();
  settle(*w.lessonSession());
  const QString hash = controller.traceSha256();
  w.freePlay();
  EXPECT_FALSE(w.lessonSession()->isActive());
  EXPECT_FALSE(w.lessonPanelVisible());
  EXPECT_EQ(controller.traceSha256(), hash);
  EXPECT_EQ(controller.scenario().protocol, "2pc");
  EXPECT_TRUE(controller.scenarioPath().isEmpty());  // Save asks where: never overwrites a file
}

TEST(ProgressDialog, ShowsResetsAndExportsProgress) {
  QTemporaryDir dir;
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openProgress(dir.path(), false));
  ASSERT_TRUE(w.startLesson(QStringLiteral("07-two-phase-commit"), false));
  ASSERT_TRUE(takeLesson(*w.lessonSession()));
  const auto summary = w.progress()->lessonSummary(QStringLiteral("07-two-phase-commit"));
  EXPECT_TRUE(summary.completed);
  EXPECT_GT(summary.bestScore, 0);

  ProgressDialog dialog(&w.lessons(), w.progress(), false, &w);
  dialog.select(QStringLiteral("07-two-phase-commit"));
  ASSERT_NE(dialog.table()->currentItem(), nullptr);
  EXPECT_EQ(dialog.table()->currentItem()->text(1), QStringLiteral("✔ done"));
  const QString csv = dir.filePath(QStringLiteral("answers.csv"));
  ASSERT_TRUE(dialog.exportCsv(csv, false));
  QFile f(csv);
  ASSERT_TRUE(f.open(QIODevice::ReadOnly));
  const QByteArray text = f.readAll();
  EXPECT_TRUE(text.contains("07-two-phase-commit"));
  // Reset asks first; "no" keeps everything.
  dialog.setConfirm([](const QString&) { return false; });
  EXPECT_FALSE(dialog.resetSelected());
  EXPECT_TRUE(w.progress()->lessonSummary(QStringLiteral("07-two-phase-commit")).completed);
  dialog.setConfirm([](const QString&) { return true; });
  dialog.select(QStringLiteral("07-two-phase-commit"));
  EXPECT_TRUE(dialog.resetSelected());
  EXPECT_EQ(w.progress()->lessonSummary(QStringLiteral("07-two-phase-commit")).stepsReached, 0);
}

TEST(ProgressDialog, AResetThatCannotBeWrittenIsSaidSo) {
  QTemporaryDir dir;
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openProgress(dir.path(), false));
  ASSERT_TRUE(w.startLesson(QStringLiteral("07-two-phase-commit"), false));
  ASSERT_TRUE(takeLesson(*w.lessonSession()));
  w.progress()->setLockTimeout(100);
  ProgressDialog dialog(&w.lessons(), w.progress(), false, &w);
  dialog.setConfirm([](const QString&) { return true; });
  {
    ProgressLockHolder other(w.progress()->databasePath());
    EXPECT_FALSE(dialog.resetAll());
  }
  EXPECT_TRUE(dialog.statusText().contains(QStringLiteral("NOT reset"))) << dialog.statusText().toStdString();
  EXPECT_TRUE(dialog.statusText().contains(QStringLiteral("locked"))) << dialog.statusText().toStdString();
  EXPECT_TRUE(w.progress()->lessonSummary(QStringLiteral("07-two-phase-commit")).completed);  // nothing half done
  EXPECT_TRUE(dialog.resetAll());
  EXPECT_FALSE(dialog.statusText().contains(QStringLiteral("NOT reset")));
  EXPECT_FALSE(w.progress()->lessonSummary(QStringLiteral("07-two-phase-commit")).completed);
}

TEST(ScreenshotMode, OpensALessonAtAStep) {
  QTemporaryDir dir;
  const QString file = dir.filePath(QStringLiteral("lesson.png"));
  QProcess p;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(COMMITSCOPE_GUI_EXE),
          {QStringLiteral("--profile"), dir.path(), QStringLiteral("--screenshot"), file, QStringLiteral("--lesson"),
           QStringLiteral("08-2pc-blocks"), QStringLiteral("--lesson-step"), QStringLiteral("3"), QStringLiteral("--size"),
           QStringLiteral("1280x800")});
  ASSERT_TRUE(p.waitForFinished(60000));
  EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  EXPECT_TRUE(QFile::exists(file));
  // An unknown lesson is a clear error, exit status 2.
  p.start(QStringLiteral(COMMITSCOPE_GUI_EXE), {QStringLiteral("--profile"), dir.path(), QStringLiteral("--screenshot"), file,
                                                QStringLiteral("--lesson"), QStringLiteral("no-such-lesson")});
  ASSERT_TRUE(p.waitForFinished(60000));
  EXPECT_EQ(p.exitCode(), 2);
  EXPECT_TRUE(p.readAllStandardError().contains("no-such-lesson"));
}

TEST(MainWindow, ACorruptProgressDatabaseIsMovedAsideAndTheLessonsGoOn) {
  QTemporaryDir dir;
  QFile bad(dir.filePath(QStringLiteral("progress.db")));
  ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
  bad.write(QByteArray(4096, 'x'));  // not SQLite at all
  bad.close();
  LabController controller;
  MainWindow w(&controller);
  EXPECT_TRUE(w.openProgress(dir.path(), false));
  EXPECT_EQ(w.progress()->status(), commitscope::ProgressStore::Status::Recovered);
  EXPECT_FALSE(w.progress()->lastMessage().isEmpty());
  EXPECT_TRUE(QFile::exists(w.progress()->movedAsidePath()));
  // The message is on the status bar, and answers are recorded in the fresh file.
  ASSERT_TRUE(w.startLesson(QStringLiteral("07-two-phase-commit"), false));
  ASSERT_TRUE(takeLesson(*w.lessonSession()));
  EXPECT_TRUE(w.progress()->lessonSummary(QStringLiteral("07-two-phase-commit")).completed);
}

// Not a check: with COMMITSCOPE_SHOT_DIR set, saves pictures of the dialogs that --screenshot (the
// main window only) cannot show, for looking at them as a user would.
TEST(LessonDialogs, PicturesForReview) {
  const QString out = qEnvironmentVariable("COMMITSCOPE_SHOT_DIR");
  if (out.isEmpty()) GTEST_SKIP() << "set COMMITSCOPE_SHOT_DIR to save the pictures";
  QTemporaryDir dir;
  QTemporaryDir lessons;
  for (const QString& f : QDir(lessonsDir()).entryList({QStringLiteral("*.json")}))
    QFile::copy(lessonsDir() + QLatin1Char('/') + f, lessons.filePath(f));
  QFile broken(lessons.filePath(QStringLiteral("99-broken.json")));
  ASSERT_TRUE(broken.open(QIODevice::WriteOnly));
  broken.write("{\n  \"id\": \"99-broken\",\n  \"title\": { \"en\": \"A lesson with a typo\", \"zh-TW\": \"有錯字的課程\" },\n  \"topic\": \"cap\",\n  \"stepz\": []\n}\n");
  broken.close();
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_TW")}) {
    language::apply(lang, false);
    LabController controller;
    MainWindow w(&controller);
    w.setLessonDirectory(lessons.path());
    ASSERT_TRUE(w.openProgress(dir.path(), false));
    w.resize(1400, 900);
    w.show();
    ASSERT_TRUE(w.startLesson(QStringLiteral("07-two-phase-commit"), false));
    ASSERT_TRUE(takeLesson(*w.lessonSession()));
    QCoreApplication::processEvents();
    w.grab().save(out + QStringLiteral("/finished-%1.png").arg(lang));
    LessonBrowser browser(&w.lessons(), w.progress(), false, &w);
    browser.show();
    browser.select(QStringLiteral("99-broken"));
    QCoreApplication::processEvents();
    browser.grab().save(out + QStringLiteral("/browser-broken-%1.png").arg(lang));
    browser.select(QStringLiteral("08-2pc-blocks"));
    QCoreApplication::processEvents();
    browser.grab().save(out + QStringLiteral("/browser-%1.png").arg(lang));
    ProgressDialog progress(&w.lessons(), w.progress(), false, &w);
    progress.show();
    QCoreApplication::processEvents();
    progress.grab().save(out + QStringLiteral("/progress-%1.png").arg(lang));
    w.helpOverlay()->toggle();
    QCoreApplication::processEvents();
    w.grab().save(out + QStringLiteral("/help-%1.png").arg(lang));
    w.setProjectorMode(true, false);
    w.resize(1920, 1080);
    QCoreApplication::processEvents();
    w.grab().save(out + QStringLiteral("/help-projector-%1.png").arg(lang));
    w.helpOverlay()->toggle();
    w.setProjectorMode(false, false);
    NewScenarioDialog newScenario(&w);
    newScenario.show();
    QCoreApplication::processEvents();
    newScenario.grab().save(out + QStringLiteral("/new-scenario-%1.png").arg(lang));
  }
  language::apply(QStringLiteral("en"), false);
}

// The line under a task names the tools it needs: a task solved by stepping alone (lesson 07's
// "step until P1 logs READY") used to tell the learner to right-click nodes and open the Faults menu.
TEST(LessonPanel, WaitingLineNamesTheToolsTheTaskNeeds) {
  struct Case {
    const char* lesson;
    bool faults;
  };
  for (const Case c : {Case{"07-two-phase-commit", false}, Case{"08-2pc-blocks", true}}) {
    guitest::ShownWindow shown(c.lesson);
    LessonSession* s = shown.w.lessonSession();
    LessonPanel* panel = shown.w.lessonPanel();
    for (int guard = 0; guard < 50; ++guard) {
      settle(*s);  // an action step may move on by itself
      if (s->currentStep()->kind == cs::StepKind::Task) break;
      ASSERT_TRUE(panel->nextButton()->isEnabled()) << c.lesson << " " << s->currentStep()->path;
      QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    }
    settle(*s);
    ASSERT_EQ(s->currentStep()->kind, cs::StepKind::Task) << c.lesson;
    ASSERT_EQ(s->status(), Status::Waiting) << c.lesson;
    const QString line = panel->feedbackText();
    EXPECT_EQ(line.contains(QStringLiteral("Faults")), c.faults) << c.lesson << ": " << line.toStdString();
    EXPECT_EQ(line.contains(QStringLiteral("Step forward")), !c.faults) << c.lesson << ": " << line.toStdString();
  }
}
