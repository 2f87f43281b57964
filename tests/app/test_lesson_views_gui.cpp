// Lesson views (docs/lesson-format.md, "Views" and "Numbers from the run"): a lesson step with each
// show action opens and focuses its view, the step's highlights land on the right log record,
// message type, metric line and timer countdowns, narration numbers are the run's own, and lessons
// 17 and 12 open the side-by-side window on their compare steps.
#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "canvas_items.hpp"
#include "canvas_view.hpp"
#include "compare_lab.hpp"
#include "compare_window.hpp"
#include "lab_controller.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "lesson_window_support.hpp"
#include "main_window.hpp"
#include "metrics_chart_view.hpp"
#include "scenario/compare_metrics.hpp"
#include "scenario/lesson_numbers.hpp"
#include "scenario/lesson_walker.hpp"
#include "spacetime_view.hpp"
#include "state_machine_view.hpp"

namespace {

// A 2PC lesson whose coordinator crashes at 80 ms: at 1000 ms P1 is blocked in READY.
const char* const kLesson = R"({
  "id": "views-test", "title": { "zh-TW": "視圖", "en": "Views" }, "topic": "atomic-commit", "minutes": 5,
  "scenario": { "protocol": "2pc", "seed": 1, "until_ms": 2000, "params": { "participants": 3, "transactions": 4, "interval_ms": 60 },
                "faults": [{ "at_ms": 80, "crash": "C" }, { "at_ms": 1100, "restart": "C" }] },
  "steps": [
    { "kind": "action", "do": "show", "view": "log", "node": "P1" },
    { "kind": "action", "do": "play_until", "ms": 1000 },
    { "kind": "narration", "text": { "zh-TW": "卡住 {run:blocked_ms} ms，Saga {compare:saga-orchestration:held_ms} ms", "en": "Blocked {run:blocked_ms} ms, saga {compare:saga-orchestration:held_ms} ms" }, "highlight": ["log:P1:READY", "message:PREPARE", "metric:locks_held", "timer:P1"] },
    { "kind": "action", "do": "show", "view": "metrics", "series": ["locks_held", "blocked_participants"] },
    { "kind": "narration", "text": { "zh-TW": "metrics", "en": "metrics" } },
    { "kind": "action", "do": "show", "view": "compare", "protocols": ["2pc", "saga-orchestration", "tcc"] },
    { "kind": "narration", "text": { "zh-TW": "compare", "en": "compare" } },
    { "kind": "action", "do": "show", "view": "compare_with", "variant": "timeout=half" },
    { "kind": "narration", "text": { "zh-TW": "compare with", "en": "compare with" } },
    { "kind": "action", "do": "show", "view": "spacetime" },
    { "kind": "quiz", "id": "q1", "quiz": "choice", "question": { "zh-TW": "問題？", "en": "Question?" },
      "options": [ { "text": { "zh-TW": "甲", "en": "A" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "乙", "en": "B" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 0 },
    { "kind": "quiz", "id": "q2", "quiz": "choice", "question": { "zh-TW": "問題二？", "en": "Question two?" },
      "options": [ { "text": { "zh-TW": "甲", "en": "A" }, "explanation": { "zh-TW": "對。", "en": "Right." } },
                   { "text": { "zh-TW": "乙", "en": "B" }, "explanation": { "zh-TW": "錯。", "en": "Wrong." } } ], "correct": 1 },
    { "kind": "quiz", "id": "q3", "quiz": "make_it_happen", "question": { "zh-TW": "讓 P1 當機。", "en": "Crash P1." }, "goal": { "node": "P1", "up": false },
      "hints": [{ "zh-TW": "右鍵。", "en": "Right-click." }], "solution": [{ "do": "fault", "fault": { "crash": "P1" } }] }
  ]
})";

void settle() {
  for (int i = 0; i < 3; ++i) QApplication::processEvents();
}

// Teacher's jump to step `i` (1-based steps in the file are 0-based here), then no animation.
void jumpTo(LessonSession* s, int i) {
  s->setTeacherMode(true);
  s->jumpTo(i);
  s->setTeacherMode(false);
  s->skipAnimation();
  settle();
}

int stepWithId(const cs::Lesson& l, const char* id) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].id == id) return static_cast<int>(i);
  return -1;
}

int showCompareStep(const cs::Lesson& l) {
  for (std::size_t i = 0; i < l.steps.size(); ++i)
    if (l.steps[i].kind == cs::StepKind::Action && l.steps[i].action.kind == cs::ActionKind::Show &&
        l.steps[i].action.view == cs::LessonView::Compare)
      return static_cast<int>(i);
  return -1;
}

struct ViewsLesson {
  QTemporaryDir dir;
  QString path;
  ViewsLesson() {
    path = dir.filePath(QStringLiteral("views-test.json"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(kLesson);
  }
};

}  // namespace

TEST(LessonViews, ShowLogOpensTheNodesLogAndHighlightsLandOnTheirItems) {
  ViewsLesson file;
  guitest::ShownWindow shown;
  MainWindow& w = shown.w;
  ASSERT_TRUE(w.startLesson(file.path, false));
  LessonSession* s = w.lessonSession();
  s->skipAnimation();  // step 0 (show) moved on by itself to step 1 (play to 1000 ms)
  settle();
  ASSERT_EQ(s->currentIndex(), 2);
  // The show action before this narration: P1's state machine with its log framed, and focused.
  EXPECT_EQ(w.lessonFocusedView(), w.stateMachine());
  EXPECT_EQ(w.stateMachine()->shownNode(), 1);
  EXPECT_TRUE(w.stateMachine()->logFocused());
  EXPECT_TRUE(w.stateMachine()->isVisible());

  // log:P1:READY: READY rows outlined in P1's log (a pane tall enough for its rows).
  w.stateMachine()->resize(560, 760);
  w.stateMachine()->grab();
  EXPECT_EQ(w.stateMachine()->highlightedRecords(), QStringList{QStringLiteral("READY")});
  EXPECT_FALSE(w.stateMachine()->highlightedRecordRects().empty());
  for (const QRectF& r : w.stateMachine()->highlightedRecordRects()) {
    EXPECT_TRUE(w.stateMachine()->logBox().contains(r.center()));
  }
  // message:PREPARE: PREPARE arrows drawn over the accent glow, and only those.
  const int prepare = w.controller()->info().message_index("PREPARE");
  EXPECT_EQ(w.spacetime()->highlightedTypes(), std::vector<int>{prepare});
  w.spacetime()->zoomToFit();
  w.spacetime()->grab();
  int prepares = 0;
  for (const auto& m : w.controller()->sim().messages()) prepares += m.type == prepare ? 1 : 0;
  EXPECT_GT(prepares, 0);
  EXPECT_GT(w.spacetime()->highlightedArrows(), 0);
  w.spacetime()->setHighlightedTypes({});  // without the highlight no arrow gets the glow
  w.spacetime()->grab();
  EXPECT_EQ(w.spacetime()->highlightedArrows(), 0);
  // metric:locks_held: plotted, twice as thick as the other lines.
  MetricsChartView* chart = w.metricsChart();
  EXPECT_TRUE(chart->shownMetrics().contains(QStringLiteral("locks_held")));
  for (const QString& k : chart->shownMetrics()) {
    if (k != QLatin1String("locks_held")) {
      EXPECT_GT(chart->seriesWidth(QStringLiteral("locks_held")), chart->seriesWidth(k)) << k.toStdString();
    }
  }
  // timer:P1: P1's countdowns in the accent outline, nobody else's.
  const NodeItem* p1 = w.canvas()->nodeItemNamed(QStringLiteral("P1"));
  ASSERT_NE(p1, nullptr);
  EXPECT_TRUE(p1->timersHighlighted());
  EXPECT_FALSE(w.canvas()->nodeItemNamed(QStringLiteral("P2"))->timersHighlighted());

  // The narration's numbers are the run's own, filled as the walker fills them.
  const QString body = w.lessonPanel()->bodyText();
  EXPECT_FALSE(body.contains(QLatin1Char('{'))) << body.toStdString();
  const std::string want = cs::fill_placeholders(s->currentStep()->text.en, w.controller()->simulation());
  EXPECT_TRUE(body.contains(QString::fromStdString(want).left(12))) << body.toStdString() << " / " << want;
  EXPECT_TRUE(body.contains(QString::number((cs::compare_row(w.controller()->simulation()).blocked + 500) / 1000)));
}

TEST(LessonViews, ShowMetricsCompareWithCompareAndSpacetimeEachOpenTheirView) {
  ViewsLesson file;
  guitest::ShownWindow shown;
  MainWindow& w = shown.w;
  ASSERT_TRUE(w.startLesson(file.path, false));
  LessonSession* s = w.lessonSession();
  s->skipAnimation();
  settle();
  ASSERT_EQ(s->currentIndex(), 2);
  // Each show action moves on by itself to the narration about its view.
  s->next();
  settle();
  ASSERT_EQ(s->currentIndex(), 4);
  EXPECT_EQ(w.lessonFocusedView(), w.metricsChart());
  QStringList shownKeys = w.metricsChart()->shownMetrics();
  shownKeys.sort();
  EXPECT_EQ(shownKeys, (QStringList{QStringLiteral("blocked_participants"), QStringLiteral("locks_held")}));
  EXPECT_EQ(w.compareWindow(), nullptr);
  s->next();
  settle();
  ASSERT_EQ(s->currentIndex(), 6);
  CompareWindow* cw = w.compareWindow();
  ASSERT_NE(cw, nullptr);
  EXPECT_EQ(w.lessonFocusedView(), cw);
  EXPECT_TRUE(cw->isVisible());
  ASSERT_EQ(cw->paneCount(), 3);
  EXPECT_EQ(cw->lab()->protocol(0), QStringLiteral("2pc"));
  EXPECT_EQ(cw->lab()->protocol(1), QStringLiteral("saga-orchestration"));
  EXPECT_EQ(cw->lab()->protocol(2), QStringLiteral("tcc"));
  EXPECT_EQ(w.metricsChart()->compareVariant(), QString());
  s->next();
  settle();
  ASSERT_EQ(s->currentIndex(), 8);
  EXPECT_EQ(w.lessonFocusedView(), w.metricsChart());
  EXPECT_EQ(w.metricsChart()->compareVariant(), QStringLiteral("timeout=half"));
  s->next();
  settle();
  ASSERT_EQ(s->currentIndex(), 10);  // the first quiz, after the space-time diagram's show action
  EXPECT_EQ(w.lessonFocusedView(), w.spacetime());
  EXPECT_TRUE(w.spacetime()->isVisible());
  // Back skips the show action and lands on the narration about "Compare with": its view again.
  s->back();
  settle();
  ASSERT_EQ(s->currentIndex(), 8);
  EXPECT_EQ(w.lessonFocusedView(), w.metricsChart());
  // A teacher's jump to the first narration: the log of P1 again.
  jumpTo(s, 2);
  EXPECT_EQ(w.lessonFocusedView(), w.stateMachine());
  EXPECT_TRUE(w.stateMachine()->logFocused());
}

TEST(LessonViews, OnAProjectorTheShownViewIsUnfoldedForItsStepOnly) {
  ViewsLesson file;
  guitest::ShownWindow shown(nullptr, QSize(1280, 720));
  MainWindow& w = shown.w;
  w.setProjectorMode(true, false);
  ASSERT_TRUE(w.startLesson(file.path, false));
  LessonSession* s = w.lessonSession();
  s->skipAnimation();
  settle();
  // Projector mode folds the side column and the diagrams; the log step brings the column back.
  EXPECT_TRUE(w.stateMachine()->isVisible());
  EXPECT_FALSE(w.spacetime()->isVisible());
  s->next();
  settle();
  EXPECT_TRUE(w.metricsChart()->isVisible());  // the metrics step unfolds the diagrams
  EXPECT_GT(w.metricsChart()->height(), 100);
  w.closeLesson();
  settle();
  EXPECT_FALSE(w.spacetime()->isVisible());
  EXPECT_EQ(w.lessonFocusedView(), nullptr);
}

TEST(LessonViews, LessonSeventeenOpensFourPatternsSideBySideWithNumbersFromTheRun) {
  guitest::ShownWindow shown("17-choosing-a-pattern");
  MainWindow& w = shown.w;
  LessonSession* s = w.lessonSession();
  ASSERT_NE(s->lesson(), nullptr);
  const cs::Lesson& l = *s->lesson();
  const int show = showCompareStep(l);
  ASSERT_GE(show, 0);
  EXPECT_EQ(w.compareWindow(), nullptr);
  // Walk as a learner: Next through the narrations up to the compare step.
  while (s->currentIndex() < show) {
    s->next();
    s->skipAnimation();
    settle();
  }
  CompareWindow* cw = w.compareWindow();
  ASSERT_NE(cw, nullptr);
  EXPECT_TRUE(cw->isVisible());
  ASSERT_EQ(cw->paneCount(), 4);
  EXPECT_EQ(cw->lab()->protocol(3), QStringLiteral("outbox"));  // three consumers for three participants
  EXPECT_EQ(cw->lab()->pane(3)->nodeName(5), QStringLiteral("CONSUMER3"));
  EXPECT_EQ(w.lessonFocusedView(), cw);

  // The narration after the prediction: its numbers are those the compare table shows for the same
  // moment (each run's own figures), not pasted ones.
  const int numbers = stepWithId(l, "blocked-with-locks");
  ASSERT_GT(numbers, show);
  jumpTo(s, numbers);
  const cs::Time now = w.controller()->now();
  cw->lab()->seekTime(now);
  settle();
  const auto rows = cw->lab()->rows();
  ASSERT_EQ(rows.size(), 4u);
  const auto ms = [](cs::Time t) { return QString::number((t + 500) / 1000); };
  const QString body = w.lessonPanel()->bodyText();
  EXPECT_FALSE(body.contains(QLatin1Char('{'))) << body.toStdString();
  EXPECT_GT(rows[0].blocked, 0);
  EXPECT_TRUE(body.contains(ms(rows[0].blocked) + QStringLiteral(" ms"))) << body.toStdString();
  EXPECT_TRUE(body.contains(ms(rows[2].held) + QStringLiteral(" ms"))) << body.toStdString();
  EXPECT_EQ(rows[1].held, 0);
  EXPECT_EQ(rows[3].held, 0);  // the outbox: no lock
  EXPECT_EQ(rows[3].blocked, 0);  // and nobody blocked
  // The lesson's own run and the compare window's 2PC pane are the same run.
  EXPECT_EQ(cs::compare_row(w.controller()->simulation()).blocked, rows[0].blocked);
}

TEST(LessonViews, LessonTwelveShowsTwoPcBlockedWhileTheSagaHoldsNothing) {
  guitest::ShownWindow shown("12-saga-orchestration");
  MainWindow& w = shown.w;
  LessonSession* s = w.lessonSession();
  ASSERT_NE(s->lesson(), nullptr);
  const int show = showCompareStep(*s->lesson());
  ASSERT_GE(show, 0);
  jumpTo(s, show + 1);  // the narration after the show action
  EXPECT_EQ(s->currentIndex(), show + 1);
  CompareWindow* cw = w.compareWindow();
  ASSERT_NE(cw, nullptr);
  ASSERT_EQ(cw->paneCount(), 2);
  EXPECT_EQ(cw->lab()->protocol(0), QStringLiteral("2pc"));
  EXPECT_EQ(cw->lab()->protocol(1), QStringLiteral("saga-orchestration"));
  // The learner plays it: at 1000 ms the coordinator has been down since 80 ms.
  cw->lab()->seekTime(cs::ms(1000));
  settle();
  auto rows = cw->lab()->rows();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_GT(rows[0].blocked, 0);  // 2PC's participants blocked...
  EXPECT_GT(rows[0].held, 0);     // ...with their locks held
  EXPECT_EQ(rows[1].blocked, 0);  // the saga: nobody blocked
  EXPECT_EQ(rows[1].held, 0);     // and no lock
  const LabController* twopc = cw->lab()->pane(0);
  bool readyBlocked = false;
  for (std::size_t n = 0; n < twopc->sim().nodes().size(); ++n)
    readyBlocked = readyBlocked || twopc->sim().node_view(static_cast<cs::NodeId>(n)).blocked;
  EXPECT_TRUE(readyBlocked);
  EXPECT_EQ(rows[1].compensations, 0);
  // After O is back the other sagas complete and the refused order compensates; 2PC aborts it.
  cw->lab()->seekTime(cw->lab()->endTime());
  settle();
  rows = cw->lab()->rows();
  EXPECT_EQ(rows[1].committed, rows[1].transactions - 1);
  EXPECT_EQ(rows[1].aborted, 1);
  EXPECT_GT(rows[1].compensations, 0);
  EXPECT_GE(rows[0].aborted, 1);
}

// Lesson 12 step 18 on a 1280x720 projector: "look at REFUND on the space-time diagram". The diagram
// was fitted while still folded away, so its axis ran to 2,000 s and every event sat in its first
// pixel column; beside it, the chart's metric names were cut to "…". Now the diagram is fitted to the
// run at its real width and has the whole width of the pane.
TEST(LessonViews, OnAProjectorTheShownSpacetimeDiagramFitsTheRunAndHasTheWholeWidth) {
  guitest::ShownWindow shown("12-saga-orchestration", QSize(1280, 720));
  MainWindow& w = shown.w;
  w.setProjectorMode(true, false);
  LessonSession* s = w.lessonSession();
  ASSERT_NE(s->lesson(), nullptr);
  int show = -1;
  for (std::size_t i = 0; i < s->lesson()->steps.size() && show < 0; ++i) {
    const cs::LessonStep& step = s->lesson()->steps[i];
    if (step.kind == cs::StepKind::Action && step.action.kind == cs::ActionKind::Show && step.action.view == cs::LessonView::Spacetime)
      show = static_cast<int>(i);
  }
  ASSERT_GE(show, 0);
  s->setTeacherMode(true);  // a forward jump, as a teacher (or --lesson-step) makes it
  s->jumpTo(show + 1);      // the narration that reads the diagram
  s->setTeacherMode(false);
  s->skipAnimation();
  settle();
  SpacetimeView* st = w.spacetime();
  ASSERT_TRUE(st->isVisible());
  EXPECT_FALSE(w.metricsChart()->isVisible() && w.metricsChart()->width() > 0) << "the chart gives the diagram its width";
  EXPECT_GT(st->width(), 1000);
  // The run so far spans most of the time axis: "now" is drawn in the right part of the diagram.
  const double now = static_cast<double>(w.controller()->now()) / 1000.0;
  ASSERT_GT(now, 100.0);
  const double nowPx = now * st->pixelsPerMs();
  EXPECT_GT(nowPx, st->viewport()->width() * 0.5) << "ppm " << st->pixelsPerMs();
  EXPECT_LT(nowPx, st->viewport()->width() * 1.05) << "ppm " << st->pixelsPerMs();
  w.closeLesson();
  settle();
}

// Lesson 12's "find REFUND in the space-time diagram" on a projector, its text and every lane in both
// languages and at both sizes: tests/app/test_projector_diagrams_gui.cpp.
