// Issue 11, the lesson's flow in the window: continuing a lesson where it was left (with its score)
// and quitting mid-lesson; quiz feedback that gives the verdict first and offers another try; a
// task's retry and Next after playing past its goal; lesson numbers and prerequisites in the
// browser; a drawn hint icon; distinct zh-TW words for lesson pages and run steps; and a quiz with
// its options and verdict inside the lesson panel's viewport on a 1280 x 720 projector.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include "help_overlay.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "lesson_browser.hpp"
#include "lesson_library.hpp"
#include "lesson_panel.hpp"
#include "lesson_window_support.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "progress_store.hpp"
#include "shortcuts.hpp"

namespace {

using Status = LessonSession::Status;

void settle(LessonSession& s) {
  for (int guard = 0; guard < 1000 && s.controller()->isAnimating(); ++guard) s.skipAnimation();
}

int firstStep(const cs::Lesson& l, cs::StepKind kind, cs::QuizKind quiz = cs::QuizKind::Choice) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].kind == kind && (kind != cs::StepKind::Quiz || l.steps[i].quiz.kind == quiz)) return static_cast<int>(i);
  return -1;
}

std::size_t wrongOption(const cs::Quiz& q) {
  std::size_t wrong = 0;
  while (std::find(q.correct.begin(), q.correct.end(), wrong) != q.correct.end()) ++wrong;
  return wrong;
}

// Moves a learner's session on by one step the way a model student does (solutions, right answers).
void doStepRight(LessonSession& s) {
  settle(s);
  const cs::LessonStep* step = s.currentStep();
  if (step->kind == cs::StepKind::Quiz && step->quiz.kind == cs::QuizKind::Choice) s.answerChoice(step->quiz.correct);
  if (step->kind == cs::StepKind::Quiz && step->quiz.kind == cs::QuizKind::Predict) s.answerPredict(step->quiz.correct.front());
  settle(s);
  if (s.awaitingResult()) {  // a prediction is judged once the run reaches its result
    s.runToResult();
    EXPECT_TRUE(QTest::qWaitFor([&] { return s.status() != Status::Playing; }, 20000));
    settle(s);
  }
  if (s.status() != Status::Done) s.showSolution();
  settle(s);
}

// Lets new option rows show and the panel lay them out (both are posted events).
void flush() {
  for (int k = 0; k < 3; ++k) QApplication::processEvents();
}

// Whether `w` lies wholly inside the lesson panel's visible scroll viewport (real geometry).
bool inViewport(const LessonPanel* panel, const QWidget* w) {
  const QWidget* vp = panel->scrollViewport();
  const QRect r(w->mapTo(vp, QPoint(0, 0)), w->size());
  return w->isVisible() && vp->rect().contains(r);
}

QString stripMnemonic(QString t) {
  t.remove(QRegularExpression(QStringLiteral("\\(&.\\)")));
  return t.remove(QLatin1Char('&'));
}

QAction* actionWithKey(MainWindow& w, const QKeySequence& key) {
  for (QAction* a : w.findChildren<QAction*>())
    if (a->shortcut() == key) return a;
  return nullptr;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Item 6: resume

TEST(LessonResume, TheBrowserOffersContinueAtTheStepWithTheScoreKept) {
  QTemporaryDir profile;
  const QString id = QStringLiteral("08-2pc-blocks");
  int leftAt = -1;
  int score = -1;
  {
    LabController controller;
    MainWindow w(&controller);
    ASSERT_TRUE(w.openProgress(profile.path(), false));
    ASSERT_TRUE(w.startLesson(id, false));
    LessonSession* s = w.lessonSession();
    // Up to and past the first choice question (answered right), then a wrong prediction.
    const int quiz = firstStep(*s->lesson(), cs::StepKind::Quiz);
    ASSERT_GT(quiz, 0);
    while (s->currentIndex() <= quiz) {
      doStepRight(*s);
      s->next();
      settle(*s);
    }
    leftAt = s->currentIndex();
    score = s->score();
    ASSERT_GE(score, 1);
    ASSERT_GT(leftAt, quiz);
    w.closeLesson();
  }
  // Another window on the same profile (the next day).
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openProgress(profile.path(), false));
  LessonBrowser browser(&w.lessons(), w.progress(), false, &w);
  browser.select(id);
  if (const QString dir = qEnvironmentVariable("COMMITSCOPE_SHOT_DIR"); !dir.isEmpty()) {
    browser.show();
    QCoreApplication::processEvents();
    browser.grab().save(dir + QStringLiteral("/browser-continue.png"));
  }
  ASSERT_TRUE(browser.continueButton()->isVisibleTo(&browser));
  EXPECT_EQ(browser.continueButton()->text(), QStringLiteral("Continue at step %1").arg(leftAt + 1));
  EXPECT_EQ(browser.startButton()->text(), QStringLiteral("Start over"));
  QTest::mouseClick(browser.continueButton(), Qt::LeftButton);
  EXPECT_EQ(browser.choice(), LessonBrowser::Choice::Continue);

  ASSERT_TRUE(w.continueLesson(id, false));
  LessonSession* s = w.lessonSession();
  EXPECT_EQ(s->currentIndex(), leftAt);
  EXPECT_EQ(s->score(), score);
  EXPECT_NE(s->status(), Status::Failed) << s->error().toStdString();
  EXPECT_TRUE(w.lessonPanel()->findChild<QLabel*>() != nullptr);
  // The steps before can be revisited (Back restores their runs).
  EXPECT_TRUE(s->canGoBack());
  EXPECT_TRUE(s->canJumpTo(0));
  // Starting over is a new attempt from step 1 with score 0.
  ASSERT_TRUE(w.startLesson(id, false));
  EXPECT_EQ(s->currentIndex(), 0);
  EXPECT_EQ(s->score(), 0);
}

TEST(LessonResume, AFinishedAttemptHasNothingToContinue) {
  QTemporaryDir profile;
  commitscope::ProgressStore store(profile.path());
  LabController controller;
  LessonSession s(&controller, &store);
  const LessonEntry e = LessonLibrary::loadFile(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/lessons/08-2pc-blocks.json"));
  ASSERT_TRUE(e.available());
  ASSERT_TRUE(s.start(*e.lesson));
  doStepRight(s);
  s.next();
  EXPECT_TRUE(store.resumePoint(e.id).canContinue());
  s.setTeacherMode(true);
  s.jumpTo(s.stepCount() - 1);
  settle(s);
  s.next();
  ASSERT_TRUE(s.finished());
  EXPECT_FALSE(store.resumePoint(e.id).canContinue());
}

TEST(LessonResume, QuittingMidLessonSaysThatProgressIsKept) {
  QTemporaryDir profile;
  LabController controller;
  MainWindow w(&controller);
  ASSERT_TRUE(w.openProgress(profile.path(), false));
  w.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  w.lessonSession()->next();  // the lesson injects its fault: the run has changes of its own
  settle(*w.lessonSession());
  QString text;
  QString info;
  bool cancel = true;
  const auto answer = [&] {
    auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
    if (!box) return;
    text = box->text();
    info = box->informativeText();
    for (QAbstractButton* b : box->buttons())
      if ((box->buttonRole(b) == QMessageBox::RejectRole) == cancel) b->click();
  };
  QTimer::singleShot(0, &w, answer);
  w.close();
  EXPECT_TRUE(w.isVisible()) << "Cancel keeps the window";
  EXPECT_FALSE(text.contains(QStringLiteral("faults or layout changes"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("step 3 of"))) << text.toStdString();
  EXPECT_TRUE(info.contains(QStringLiteral("progress is kept"))) << info.toStdString();
  EXPECT_TRUE(info.contains(QStringLiteral("Continue at step 3"))) << info.toStdString();
  cancel = false;
  QTimer::singleShot(0, &w, answer);
  w.close();
  EXPECT_FALSE(w.isVisible());
}

// ---------------------------------------------------------------------------------------------
// Item 8: quiz feedback and retries

TEST(QuizFeedback, AWrongAnswerGivesTheVerdictFirstAndOffersTryAgain) {
  guitest::ShownWindow shown("07-two-phase-commit");
  MainWindow& w = shown.w;
  ASSERT_TRUE(w.lessonSession()->lesson() != nullptr);
  LessonSession* s = w.lessonSession();
  LessonPanel* panel = w.lessonPanel();
  const int quiz = firstStep(*s->lesson(), cs::StepKind::Quiz);
  ASSERT_GE(quiz, 0);
  s->setTeacherMode(true);
  s->jumpTo(quiz);
  s->setTeacherMode(false);
  flush();  // the learner's order of the options replaces the teacher's: let the new rows lay out
  const cs::Quiz& q = s->currentStep()->quiz;
  ASSERT_EQ(q.correct.size(), 1u);
  const std::size_t wrong = wrongOption(q);
  const QChar wrongLetter = panel->optionLetter(wrong);  // where the shuffled order shows it
  QTest::mouseClick(panel->optionButton(wrong), Qt::LeftButton);
  QTest::mouseClick(panel->submitButton(), Qt::LeftButton);
  QApplication::processEvents();

  // The verdict is the first thing after the options and is in view: what was chosen, and that it
  // was not right; nothing green about an option not chosen comes before it.
  QLabel* verdict = panel->verdictLabel();
  ASSERT_TRUE(verdict->isVisible());
  EXPECT_TRUE(verdict->text().contains(QStringLiteral("Not right"))) << verdict->text().toStdString();
  EXPECT_TRUE(verdict->text().contains(QStringLiteral("you chose %1").arg(wrongLetter))) << verdict->text().toStdString();
  EXPECT_TRUE(verdict->text().contains(QStringLiteral("first answer")));
  EXPECT_TRUE(inViewport(panel, verdict));
  QLabel* why = panel->explanationsLabel();
  ASSERT_TRUE(why->isVisible());
  EXPECT_LT(verdict->mapTo(panel, QPoint(0, 0)).y(), why->mapTo(panel, QPoint(0, 0)).y());
  EXPECT_FALSE(why->text().contains(QStringLiteral("Right."))) << "the right answer is not given away before a retry";
  for (const QLabel* l : panel->findChildren<QLabel*>()) {
    if (l != verdict && l->isVisible() && l->text().contains(QStringLiteral("Right."))) {
      EXPECT_GT(l->mapTo(panel, QPoint(0, 0)).y(), verdict->mapTo(panel, QPoint(0, 0)).y());
    }
  }

  // Try again: the options open, empty; the second answer is judged but the score counts the first.
  ASSERT_TRUE(panel->tryAgainButton()->isVisible());
  QTest::mouseClick(panel->tryAgainButton(), Qt::LeftButton);
  QApplication::processEvents();  // the fresh option rows are shown
  EXPECT_FALSE(verdict->isVisible() && verdict->text().contains(QStringLiteral("Not right")));
  for (QAbstractButton* b : panel->optionButtons()) {
    EXPECT_TRUE(b->isEnabled());
    EXPECT_FALSE(b->isChecked());
  }
  QTest::mouseClick(panel->optionButton(q.correct.front()), Qt::LeftButton);
  QTest::mouseClick(panel->submitButton(), Qt::LeftButton);
  EXPECT_TRUE(panel->verdictLabel()->text().contains(QStringLiteral("Right"))) << panel->verdictLabel()->text().toStdString();
  EXPECT_FALSE(panel->tryAgainButton()->isVisible());
  EXPECT_TRUE(s->stepState(quiz).correct);
  EXPECT_FALSE(s->stepState(quiz).firstCorrect);
  EXPECT_EQ(s->score(), 0);
  EXPECT_TRUE(panel->explanationsLabel()->text().contains(QStringLiteral("Right.")));
}

// Lesson 08, step 3: crash the coordinator. Once the goal holds the learner plays on; "Retry this
// step" is still offered and restores the run as the step began, and Next goes on from the moment
// the goal held (the next narration describes that run).
TEST(TaskRetry, RetryAndNextAfterPlayingPastTheGoal) {
  LabController controller;
  MainWindow w(&controller);
  w.show();
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  LessonSession* s = w.lessonSession();
  LessonPanel* panel = w.lessonPanel();
  s->next();
  settle(*s);
  ASSERT_EQ(s->currentStep()->kind, cs::StepKind::Task);
  ASSERT_EQ(s->status(), Status::Waiting);
  const QString startTrace = controller.traceSha256();
  const quint64 startEvent = controller.eventIndex();
  s->showSolution();
  settle(*s);
  ASSERT_EQ(s->status(), Status::Done);
  const quint64 goalEvent = controller.eventIndex();
  for (int k = 0; k < 6; ++k) controller.stepForward();
  ASSERT_GT(controller.eventIndex(), goalEvent);
  ASSERT_TRUE(panel->retryButton()->isVisible());
  EXPECT_TRUE(panel->feedbackText().contains(QStringLiteral("gone on"))) << panel->feedbackText().toStdString();
  QTest::mouseClick(panel->retryButton(), Qt::LeftButton);
  EXPECT_EQ(s->status(), Status::Waiting);
  EXPECT_EQ(controller.eventIndex(), startEvent);
  EXPECT_EQ(controller.traceSha256(), startTrace);

  s->showSolution();
  settle(*s);
  ASSERT_EQ(s->status(), Status::Done);
  ASSERT_EQ(controller.eventIndex(), goalEvent);
  const QString goalTrace = controller.traceSha256();
  for (int k = 0; k < 6; ++k) controller.stepForward();
  const int task = s->currentIndex();
  QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
  EXPECT_EQ(s->currentIndex(), task + 1);
  EXPECT_EQ(controller.eventIndex(), goalEvent);
  EXPECT_EQ(controller.traceSha256(), goalTrace);
}

// ---------------------------------------------------------------------------------------------
// Item 9: names on screen

TEST(LessonBrowser, ShowsLessonNumbersAndPrerequisites) {
  LabController controller;
  MainWindow w(&controller);
  LessonBrowser browser(&w.lessons(), nullptr, false, &w);
  EXPECT_EQ(browser.list()->headerItem()->text(LessonBrowser::Number), QStringLiteral("No."));
  bool sawPrerequisite = false;
  for (int i = 0; i < browser.list()->topLevelItemCount(); ++i) {
    const QTreeWidgetItem* item = browser.list()->topLevelItem(i);
    const QString id = item->data(LessonBrowser::Title, Qt::UserRole).toString();
    EXPECT_EQ(item->text(LessonBrowser::Number), id.left(2)) << id.toStdString();
    const LessonEntry* e = w.lessons().find(id);
    ASSERT_TRUE(e && e->available());
    QStringList numbers;
    for (const auto& p : e->lesson->prerequisites) numbers << QString::fromStdString(p).left(2);
    EXPECT_EQ(item->text(LessonBrowser::Prerequisites), numbers.join(QStringLiteral(", "))) << id.toStdString();
    sawPrerequisite = sawPrerequisite || !numbers.isEmpty();
  }
  EXPECT_TRUE(sawPrerequisite);
  EXPECT_FALSE(browser.list()->isColumnHidden(LessonBrowser::Prerequisites));
}

TEST(LessonPanel, TheHintIconIsDrawnNotAnEmoji) {
  LabController controller;
  MainWindow w(&controller);
  w.show();
  ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
  LessonSession* s = w.lessonSession();
  LessonPanel* panel = w.lessonPanel();
  s->next();
  settle(*s);
  ASSERT_FALSE(s->currentStep()->hints.empty());
  ASSERT_TRUE(panel->hintButton()->isVisible());
  EXPECT_FALSE(panel->hintButton()->icon().isNull());
  QTest::mouseClick(panel->hintButton(), Qt::LeftButton);
  QApplication::processEvents();
  ASSERT_TRUE(panel->hintsBox()->isVisible());
  for (const QLabel* l : panel->findChildren<QLabel*>())
    EXPECT_FALSE(l->text().contains(QString::fromUtf8("💡"))) << l->text().toStdString();
  const QLabel* icon = panel->hintsBox()->findChild<QLabel*>(QStringLiteral("LessonHintIcon"));
  ASSERT_NE(icon, nullptr);
  const QImage img = icon->pixmap().toImage();
  ASSERT_FALSE(img.isNull());
  int amber = 0;
  for (int y = 0; y < img.height(); ++y)
    for (int x = 0; x < img.width(); ++x) {
      const QColor c = img.pixelColor(x, y);
      if (c.alpha() > 200 && c.red() > 220 && c.green() > 150 && c.blue() < 80) ++amber;
    }
  EXPECT_GT(amber, img.width() * img.height() / 8) << "a bulb is drawn";
}

TEST(ZhTwNames, LessonPagesAndRunStepsHaveDistinctNames) {
  language::apply(QStringLiteral("zh_TW"), false);
  QCoreApplication::processEvents();
  {
    LabController controller;
    MainWindow w(&controller);
    ASSERT_TRUE(w.startLesson(QStringLiteral("08-2pc-blocks"), false));
    QAction* step = actionWithKey(w, shortcuts::key(shortcuts::Id::Step));
    QAction* back = actionWithKey(w, shortcuts::key(shortcuts::Id::Back));
    QAction* next = actionWithKey(w, shortcuts::key(shortcuts::Id::LessonNext));
    QAction* prev = actionWithKey(w, shortcuts::key(shortcuts::Id::LessonBack));
    ASSERT_TRUE(step && back && next && prev);
    const QString words[] = {stripMnemonic(step->text()), stripMnemonic(back->text()), stripMnemonic(next->text()),
                             stripMnemonic(prev->text()), w.lessonPanel()->nextButton()->text(),
                             w.lessonPanel()->backButton()->text()};
    // The lesson's Next/Back (panel and menu) share words with each other, none with the run's steps.
    for (const QString& run : {words[0], words[1]})
      for (const QString& lesson : {words[2], words[3], words[4], words[5]})
        EXPECT_FALSE(run.contains(lesson) || lesson.contains(run)) << run.toStdString() << " / " << lesson.toStdString();
    EXPECT_EQ(words[4], words[2]);
    EXPECT_EQ(words[5], words[3]);
    EXPECT_EQ(words[4], QStringLiteral("下一頁"));
    EXPECT_EQ(words[0], QStringLiteral("單步前進"));
    // The F1 overlay names them the same way.
    for (const shortcuts::HelpRow& row : shortcuts::helpRows())
      if (row.keys.contains(shortcuts::key(shortcuts::Id::LessonNext).toString(QKeySequence::NativeText)))
        EXPECT_TRUE(row.what.contains(QStringLiteral("下一頁"))) << row.what.toStdString();
      else
        EXPECT_FALSE(row.what.contains(QStringLiteral("下一頁")) || row.what.contains(QStringLiteral("下一步")))
            << row.what.toStdString();
  }
  language::apply(QStringLiteral("en"), false);
  QCoreApplication::processEvents();
}

// ---------------------------------------------------------------------------------------------
// Item 4, the quiz part: on a projector every quiz of lessons 08 and 12, with its options and (once
// answered, wrongly) its verdict, is inside the lesson panel's visible viewport, in both languages,
// at 1280 x 720 and 1920 x 1080.
TEST(ProjectorQuiz, OptionsAndVerdictFitWithoutScrolling) {
  QStringList problems;
  for (const char* lang : {"en", "zh_TW"}) {
    language::apply(QString::fromLatin1(lang), false);
    QCoreApplication::processEvents();
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)})
      for (const char* id : {"08-2pc-blocks", "12-saga-orchestration"}) {
        LabController controller;
        MainWindow w(&controller);
        w.setProjectorMode(true, false);
        w.resize(size);
        w.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
        EXPECT_TRUE(w.startLesson(QString::fromLatin1(id), false));
        LessonSession* s = w.lessonSession();
        LessonPanel* panel = w.lessonPanel();
        for (int i = 0; i < s->stepCount(); ++i) {
          const cs::LessonStep& step = s->lesson()->steps[static_cast<std::size_t>(i)];
          if (step.kind != cs::StepKind::Quiz) continue;
          s->setTeacherMode(true);
          s->jumpTo(i);
          settle(*s);
          s->setTeacherMode(false);
          const QString where = QStringLiteral("%1 %2x%3 %4 step %5")
                                    .arg(QString::fromLatin1(lang))
                                    .arg(size.width())
                                    .arg(size.height())
                                    .arg(QString::fromLatin1(id))
                                    .arg(i + 1);
          flush();
          if (step.quiz.kind == cs::QuizKind::MakeItHappen) {
            s->showSolution();
            settle(*s);
          } else {
            for (std::size_t k = 0; k < panel->optionButtons().size(); ++k)
              if (!inViewport(panel, panel->optionButtons()[k]->parentWidget()))
                problems << QStringLiteral("%1: option %2 before answering").arg(where).arg(k + 1);
            if (!inViewport(panel, panel->submitButton())) problems << where + QStringLiteral(": the answer button");
            const std::size_t wrong = wrongOption(step.quiz);
            panel->optionButton(wrong)->click();
            QTest::mouseClick(panel->submitButton(), Qt::LeftButton);
            settle(*s);
            // A prediction is judged against the run: "Run to the result" must be on screen too.
            if (panel->runResultButton()->isVisible()) {
              if (!inViewport(panel, panel->runResultButton())) problems << where + QStringLiteral(": Run to the result");
              panel->runResultButton()->click();
              EXPECT_TRUE(QTest::qWaitFor([&] { return s->status() != Status::Playing; }, 20000)) << where.toStdString();
              settle(*s);
            }
          }
          flush();
          if (s->status() != Status::Done) problems << where + QStringLiteral(": not answered");
          for (std::size_t k = 0; k < panel->optionButtons().size(); ++k)
            if (!inViewport(panel, panel->optionButtons()[k]->parentWidget()))
              problems << QStringLiteral("%1: option %2 after answering").arg(where).arg(k + 1);
          if (!inViewport(panel, panel->verdictLabel())) problems << where + QStringLiteral(": the verdict");
          if (panel->tryAgainButton()->isVisible() && !inViewport(panel, panel->tryAgainButton()))
            problems << where + QStringLiteral(": Try again");
          // For review: COMMITSCOPE_SHOT_DIR=/tmp/x keeps a picture of every answered quiz.
          if (const QString dir = qEnvironmentVariable("COMMITSCOPE_SHOT_DIR"); !dir.isEmpty())
            w.grab().save(QStringLiteral("%1/quiz-%2.png").arg(dir, QString(where).replace(QLatin1Char(' '), QLatin1Char('-'))));
        }
        w.setProjectorMode(false, false);  // the application font back for the next window
      }
  }
  language::apply(QStringLiteral("en"), false);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}
