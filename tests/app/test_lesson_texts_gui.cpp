// Lesson texts in the window: a step's longer explanation behind "More", the recap and sources at
// the end of a lesson, and UI commands named by key shown with the window's real labels in either
// language.
#include <gtest/gtest.h>

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>

#include "language.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "lesson_window_support.hpp"
#include "scenario/condition.hpp"
#include "scenario/lesson_texts.hpp"
#include "shortcuts.hpp"
#include "ui_labels.hpp"

namespace {

void settle(LessonSession& s) {
  for (int guard = 0; guard < 1000 && s.controller()->isAnimating(); ++guard) s.skipAnimation();
}

void jumpTo(LessonSession& s, int index) {
  s.setTeacherMode(true);
  s.jumpTo(index);
  settle(s);
  s.setTeacherMode(false);
}

// "Step &forward" → "Step forward", "單步前進(&F)" → "單步前進": written here again, independently of
// the app's own helper, so that the test does not take the app's word for it.
QString shown(QString s) {
  s.remove(QRegularExpression(QStringLiteral("\\(&.\\)")));
  return s.remove(QLatin1Char('&'));
}

// The real entry of the window's menus that has this shortcut, as "Menu › Entry".
QString menuEntryWithKey(MainWindow& w, const QKeySequence& key) {
  for (QAction* a : w.findChildren<QAction*>()) {
    if (a->shortcut() != key) continue;
    for (QObject* o : a->associatedObjects())
      if (auto* m = qobject_cast<QMenu*>(o)) return shown(m->title()) + QStringLiteral(" › ") + shown(a->text());
  }
  return {};
}

struct LanguageGuard {
  ~LanguageGuard() { language::apply(QStringLiteral("en"), false); }
};

}  // namespace

TEST(LessonPanel, MoreIsCollapsedUntilAskedForAndOnEveryNewStep) {
  guitest::ShownWindow sw("07-two-phase-commit");
  LessonPanel* panel = sw.w.lessonPanel();
  LessonSession* s = sw.w.lessonSession();
  ASSERT_TRUE(s->currentStep()->more);
  EXPECT_TRUE(panel->moreButton()->isVisibleTo(panel));
  EXPECT_FALSE(panel->moreLabel()->isVisibleTo(panel));
  EXPECT_FALSE(panel->bodyText().contains(QStringLiteral("Each participant does its own share")));
  QTest::mouseClick(panel->moreButton(), Qt::LeftButton);
  EXPECT_TRUE(panel->moreLabel()->isVisibleTo(panel));
  EXPECT_TRUE(panel->moreLabel()->text().contains(QStringLiteral("Each participant does its own share")));
  // The next step has no "More"; coming back, the first one is collapsed again.
  s->next();
  settle(*s);
  ASSERT_FALSE(s->currentStep()->more);
  EXPECT_FALSE(panel->moreButton()->isVisibleTo(panel));
  EXPECT_FALSE(panel->moreLabel()->isVisibleTo(panel));
  s->back();
  settle(*s);
  EXPECT_TRUE(panel->moreButton()->isVisibleTo(panel));
  EXPECT_FALSE(panel->moreLabel()->isVisibleTo(panel));
  // In Chinese the same step's "More" holds the Chinese text.
  LanguageGuard restore;
  language::apply(QStringLiteral("zh_TW"), false);
  QCoreApplication::processEvents();
  QTest::mouseClick(panel->moreButton(), Qt::LeftButton);
  EXPECT_TRUE(panel->moreLabel()->text().contains(QStringLiteral("每個參與者在自己的資料庫裡")));
}

TEST(LessonPanel, TheEndOfALessonShowsItsRecapAndSources) {
  guitest::ShownWindow sw("02-cap-partition-forces-a-choice");
  LessonPanel* panel = sw.w.lessonPanel();
  LessonSession* s = sw.w.lessonSession();
  const cs::Lesson& l = *s->lesson();
  ASSERT_TRUE(l.recap);
  jumpTo(*s, s->stepCount() - 1);
  s->setTeacherMode(true);  // a teacher may always go on
  s->next();
  settle(*s);
  ASSERT_TRUE(s->finished());
  const QString body = panel->bodyText();
  EXPECT_TRUE(body.contains(QStringLiteral("You can now"))) << body.toStdString();
  EXPECT_TRUE(body.contains(QStringLiteral("define C, A and P as Gilbert and Lynch do")));
  EXPECT_TRUE(body.contains(QStringLiteral("Brewer’s Conjecture")));
  EXPECT_TRUE(body.contains(QStringLiteral("Designing Data-Intensive Applications")));
}

TEST(UiLabels, EveryKeyTheEngineAcceptsHasALabel) {
  for (const cs::UiKeyInfo& k : cs::ui_keys()) {
    const QString l = uilabels::label(std::string(k.key), QStringLiteral("N1"));
    EXPECT_FALSE(l.isEmpty()) << k.key;
    EXPECT_FALSE(l.contains(QLatin1Char('&'))) << k.key;
    EXPECT_EQ(l.contains(QStringLiteral("N1")), k.takes_node) << k.key;
  }
}

TEST(UiLabels, ALessonShowsTheWindowsRealLabelsInBothLanguages) {
  guitest::ShownWindow sw("07-two-phase-commit");
  LessonPanel* panel = sw.w.lessonPanel();
  LessonSession* s = sw.w.lessonSession();
  int task = -1;
  for (int i = 0; i < s->stepCount(); ++i)
    if (s->lesson()->steps[static_cast<std::size_t>(i)].text.en.find("{ui:step_forward}") != std::string::npos) task = i;
  ASSERT_GE(task, 0);
  jumpTo(*s, task);
  LanguageGuard restore;
  for (const char* lang : {"en", "zh_TW"}) {
    language::apply(QString::fromLatin1(lang), false);
    QCoreApplication::processEvents();
    const QString real = menuEntryWithKey(sw.w, shortcuts::key(shortcuts::Id::Step));
    ASSERT_FALSE(real.isEmpty()) << lang;
    const QString body = panel->bodyText();
    EXPECT_TRUE(body.contains(real)) << lang << ": " << body.toStdString() << " lacks " << real.toStdString();
    EXPECT_FALSE(body.contains(QStringLiteral("{ui:"))) << lang;
    EXPECT_FALSE(body.contains(QStringLiteral("單步執行"))) << lang;  // the old, made-up label
    // The lesson panel's own button, named by {ui:retry_step} in hints.
    EXPECT_EQ(uilabels::label("retry_step"), panel->retryButton()->text()) << lang;
    EXPECT_EQ(uilabels::label("partition_menu"), menuEntryWithKey(sw.w, shortcuts::key(shortcuts::Id::Partition))) << lang;
    EXPECT_EQ(uilabels::label("heal_all"), menuEntryWithKey(sw.w, shortcuts::key(shortcuts::Id::HealAll))) << lang;
  }
}

#include "scenario/lesson_variant.hpp"

namespace {

int firstPredict(const cs::Lesson& l) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].kind == cs::StepKind::Quiz && l.steps[i].quiz.kind == cs::QuizKind::Predict) return static_cast<int>(i);
  return -1;
}

// Predicts option `k`, runs to the result and waits for the verdict.
void predict(LessonSession& s, std::size_t k) {
  s.answerPredict(k);
  s.runToResult();
  settle(s);
}

}  // namespace

TEST(LessonVariant, ReplaysThePredictionOnAnotherSeedAndTheEngineJudgesIt) {
  guitest::ShownWindow sw("04-clocks-and-vector-clocks");
  LessonPanel* panel = sw.w.lessonPanel();
  LessonSession* s = sw.w.lessonSession();
  const cs::Lesson lesson = *s->lesson();
  const int q = firstPredict(lesson);
  ASSERT_GE(q, 0);
  jumpTo(*s, q);
  ASSERT_EQ(s->currentIndex(), q);
  EXPECT_FALSE(panel->variantButton()->isVisibleTo(panel));  // not before the question is answered
  const std::size_t declared = lesson.steps[static_cast<std::size_t>(q)].quiz.correct.front();
  predict(*s, declared);
  ASSERT_TRUE(s->stepState(q).correct);
  const int score = s->score();
  ASSERT_TRUE(panel->variantButton()->isVisibleTo(panel));

  QTest::mouseClick(panel->variantButton(), Qt::LeftButton);
  ASSERT_TRUE(s->inVariant()) << s->error().toStdString();
  const std::uint64_t seed = s->stepState(q).variantSeed;
  EXPECT_NE(seed, lesson.scenario.seed);
  EXPECT_EQ(s->controller()->scenario().seed, seed);  // the run on screen is the variant's
  EXPECT_FALSE(s->stepState(q).answered);
  EXPECT_TRUE(panel->feedbackText().contains(QStringLiteral("Variant 1"))) << panel->feedbackText().toStdString();
  // The engine, walking the lesson on that seed by itself, says what happens there.
  bool open = false;
  const auto happens = cs::predict_outcome_on_seed(lesson, static_cast<std::size_t>(q), seed, &open);
  ASSERT_EQ(happens.size(), 1u);
  EXPECT_TRUE(open);
  // A prediction other than what happens there is judged wrong, whatever the lesson file says.
  const std::size_t other = (happens.front() + 1) % lesson.steps[static_cast<std::size_t>(q)].quiz.options.size();
  predict(*s, other);
  EXPECT_TRUE(s->stepState(q).answered);
  EXPECT_FALSE(s->stepState(q).correct);
  EXPECT_EQ(s->stepState(q).happened, happens);
  EXPECT_EQ(s->score(), score);  // practice does not change the score

  // The next variant is another seed; predicting what the engine says happens there is right.
  QTest::mouseClick(panel->variantButton(), Qt::LeftButton);
  const std::uint64_t seed2 = s->stepState(q).variantSeed;
  EXPECT_GT(seed2, seed);
  const auto happens2 = cs::predict_outcome_on_seed(lesson, static_cast<std::size_t>(q), seed2);
  ASSERT_EQ(happens2.size(), 1u);
  predict(*s, happens2.front());
  EXPECT_TRUE(s->stepState(q).correct);
  EXPECT_EQ(s->stepState(q).happened, happens2);

  // Next leaves the variant: the lesson goes on from its own run and its own answer.
  s->next();
  settle(*s);
  EXPECT_FALSE(s->inVariant());
  EXPECT_EQ(s->controller()->scenario().seed, lesson.scenario.seed);
  EXPECT_TRUE(s->stepState(q).correct);
  EXPECT_EQ(s->stepState(q).chosen, std::vector<std::size_t>{declared});
}

TEST(LessonVariant, AMakeItHappenQuestionCanBeDoneAgainOnAnotherSeed) {
  guitest::ShownWindow sw("04-clocks-and-vector-clocks");
  LessonPanel* panel = sw.w.lessonPanel();
  LessonSession* s = sw.w.lessonSession();
  const cs::Lesson lesson = *s->lesson();
  int q = -1;
  for (std::size_t i = 0; i < lesson.steps.size(); ++i)
    if (lesson.steps[i].kind == cs::StepKind::Quiz && lesson.steps[i].quiz.kind == cs::QuizKind::MakeItHappen) q = static_cast<int>(i);
  ASSERT_GE(q, 0);
  jumpTo(*s, q);
  s->setTeacherMode(true);
  s->showSolution();
  settle(*s);
  s->setTeacherMode(false);
  ASSERT_EQ(s->status(), LessonSession::Status::Done);
  const int score = s->score();
  ASSERT_TRUE(panel->variantButton()->isVisibleTo(panel));
  QTest::mouseClick(panel->variantButton(), Qt::LeftButton);
  ASSERT_TRUE(s->inVariant()) << s->error().toStdString();
  const std::uint64_t seed = s->stepState(q).variantSeed;
  EXPECT_NE(seed, lesson.scenario.seed);
  EXPECT_EQ(s->controller()->scenario().seed, seed);
  // On the variant's run the goal does not hold yet: the learner has to make it happen again.
  EXPECT_EQ(s->status(), LessonSession::Status::Waiting);
  EXPECT_FALSE(cs::evaluate(lesson.steps[static_cast<std::size_t>(q)].quiz.goal.front(), s->controller()->simulation()));
  // The engine checked that the lesson's own solution works on that seed; it does in the window too.
  const std::uint64_t one[] = {seed};
  EXPECT_EQ(cs::find_goal_variant(lesson, static_cast<std::size_t>(q), one), std::optional<std::uint64_t>(seed));
  s->setTeacherMode(true);
  s->showSolution();
  settle(*s);
  s->setTeacherMode(false);
  EXPECT_EQ(s->status(), LessonSession::Status::Done);
  EXPECT_TRUE(cs::evaluate(lesson.steps[static_cast<std::size_t>(q)].quiz.goal.front(), s->controller()->simulation()));
  EXPECT_EQ(s->score(), score);
  s->next();
  settle(*s);
  EXPECT_FALSE(s->inVariant());
  EXPECT_EQ(s->controller()->scenario().seed, lesson.scenario.seed);
}
