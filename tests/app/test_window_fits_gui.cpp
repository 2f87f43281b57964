// Every step of every bundled lesson keeps a 1280x720 window at 1280x720: in Traditional Chinese on a
// projector (the largest type and the longest wrapped lines) and in English on a desk. A view, panel
// or text whose minimum height adds up past the window's makes Qt grow the window beyond the screen,
// and the transport bar and the status line leave the bottom of a classroom projector (lesson 18's
// lab panel did, by 37-80 lines). Lesson 18 walks through a real PostgreSQL server and has its own
// test (test_pglab_gui.cpp), which checks the same sizes at every stage of the lab.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QStringList>

#include "language.hpp"
#include "lesson_window_support.hpp"
#include "pg_lab_panel.hpp"

namespace {

struct Variant {
  const char* lang;
  bool projector;
};

// Walks lesson `id` step by step as a model learner and returns every step at which the window did
// not keep its size, with what it needed.
QStringList stepsThatGrowTheWindow(const QString& id, const Variant& v) {
  QStringList out;
  language::apply(QString::fromLatin1(v.lang), false);
  guitest::ShownWindow sw(nullptr, QSize(1280, 720));
  MainWindow& w = sw.w;
  if (!w.startLesson(id, false)) return {id + QStringLiteral(": does not start")};
  w.setProjectorMode(v.projector, false);
  w.resize(1280, 720);
  sw.controller.setSpeed(10.0);  // the walk plays predictions to their results: no need to watch them
  const int steps = w.lessonSession()->stepCount();
  const cs::Lesson& lesson = *w.lessonSession()->lesson();
  for (int i = 0; i < steps; ++i) {
    // An action step plays by itself and hands over to the step after it: the walk stops only at
    // the steps a learner reads or answers.
    if (lesson.steps[static_cast<std::size_t>(i)].kind == cs::StepKind::Action) continue;
    if (i > 0) guitest::walkTo(w, i);
    if (w.lessonSession()->currentIndex() != i) {
      out << QStringLiteral("%1: the walk stopped before step %2").arg(id).arg(i + 1);
      break;
    }
    QApplication::processEvents();
    const int needs = w.minimumSizeHint().height();
    if (needs > 720 || w.size() != QSize(1280, 720))
      out << QStringLiteral("%1 step %2 (%3): the window needs %4 lines and is %5x%6")
                 .arg(id)
                 .arg(i + 1)
                 .arg(QString::fromStdString(w.lessonSession()->lesson()->steps[static_cast<std::size_t>(i)].id))
                 .arg(needs)
                 .arg(w.width())
                 .arg(w.height());
  }
  return out;
}

void expectEveryLessonFits(const Variant& v) {
  QStringList problems;
  int lessons = 0;
  LabController probe;
  MainWindow catalogue(&probe);
  for (const auto& entry : catalogue.lessons().entries()) {
    if (entry.id == QLatin1String(PgLabPanel::kLessonId)) continue;  // test_pglab_gui.cpp
    ++lessons;
    problems << stepsThatGrowTheWindow(entry.id, v);
  }
  language::apply(QStringLiteral("en"), false);
  EXPECT_GE(lessons, 17);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

TEST(WindowFits1280x720, EveryLessonStepInChineseOnAProjector) { expectEveryLessonFits({"zh_TW", true}); }

TEST(WindowFits1280x720, EveryLessonStepInEnglishOnADesk) { expectEveryLessonFits({"en", false}); }

}  // namespace

namespace {

// On a projector the lesson's title and "Step 3 of 23 · Score 0 of 4" share one label; a long title
// wraps it, and a break inside "Score 0 of 4" read as two facts. Each part keeps its words together.
TEST(WindowFits1280x720, TheStepAndTheScoreNeverBreakInsideOnAProjector) {
  guitest::ShownWindow sw("18-postgresql-lab", QSize(1280, 720));
  sw.w.setProjectorMode(true, false);
  QApplication::processEvents();
  const QString title = sw.w.lessonPanel()->titleLabel()->text();
  EXPECT_TRUE(title.contains(QStringLiteral("Step\u00A01\u00A0of\u00A023"))) << title.toStdString();
  EXPECT_TRUE(title.contains(QStringLiteral("Score\u00A00\u00A0of\u00A04"))) << title.toStdString();
  EXPECT_TRUE(title.contains(QStringLiteral(" \u00B7 Score"))) << "a line may break between the parts";
}

}  // namespace
