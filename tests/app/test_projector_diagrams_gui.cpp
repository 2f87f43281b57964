// The state machine and the space-time diagram on a classroom projector (1280x720 and 1920x1080, en
// and zh-TW), driven through the real window on lesson 12: no text over a box or another text, the
// diagram's type growing with the screen as the canvas's does, no unpainted row under its ruler, and
// a diagram step whose text and lanes all fit. Also: a resize never rewrites the stored preference.
#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <cmath>

#include "language.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "lesson_window_support.hpp"
#include "main_window.hpp"
#include "projector_style.hpp"
#include "spacetime_view.hpp"
#include "state_graph_layout.hpp"
#include "state_machine_view.hpp"

namespace {

constexpr const char* kLesson = "12-saga-orchestration";
const QSize kSizes[] = {QSize(1280, 720), QSize(1920, 1080)};

void settle(LessonSession* s) {
  for (int guard = 0; guard < 1000 && s->controller()->isAnimating(); ++guard) s->skipAnimation();
  for (int i = 0; i < 3; ++i) QApplication::processEvents();
}

// A teacher's jump to step index `i` (0-based), as --lesson-step does.
void jumpTo(MainWindow& w, int i) {
  LessonSession* s = w.lessonSession();
  s->setTeacherMode(true);
  s->jumpTo(i);
  s->setTeacherMode(false);
  settle(s);
}

QString where(const char* lang, QSize size) { return QStringLiteral("%1 %2x%3").arg(QString::fromLatin1(lang)).arg(size.width()).arg(size.height()); }

// Restores English for the tests after this one.
struct Language {
  explicit Language(const char* code) { language::apply(QString::fromLatin1(code), false); }
  ~Language() { language::apply(QStringLiteral("en"), false); }
};

// Lesson 12 on a projector at `step` (0-based) in each language and at each size, handed to
// `check(window, "en 1280x720")`.
template <class Check>
void atEachLanguageAndSize(int step, Check&& check) {
  for (const char* lang : {"en", "zh_TW"}) {
    const Language language(lang);
    for (const QSize size : kSizes) {
      guitest::ShownWindow shown(kLesson, size);
      shown.w.setProjectorMode(true, false);
      jumpTo(shown.w, step);
      check(shown.w, where(lang, size));
    }
  }
}

}  // namespace

// Lesson 12 step 11 shows the orchestrator's log in the narrow side column. There a state's name ran
// into its neighbour (zh-TW: an arrow's label over RUNNING; en: COMPENSATING and COMPLETED touching
// their boxes' edges). Every name stays inside its box, and no text covers a box or another text.
TEST(ProjectorLayout, StateMachineTextsNeverOverlapInLesson12sNarrowColumn) {
  atEachLanguageAndSize(10, [](MainWindow& w, const QString& at) {  // step 11: the saga log survived
      StateMachineView* sm = w.stateMachine();
      ASSERT_TRUE(sm->isVisible()) << at.toStdString();
      sm->grab();  // a paint lays the graph out at the column's size
      const StateGraphLayout& g = sm->graphLayout();
      ASSERT_GE(g.boxes().size(), 4u) << at.toStdString();
      const QRectF pane(sm->rect());
      qInfo("%s: column %dx%d, %s, fit %.2f, %d label(s) hidden", qPrintable(at), sm->width(), sm->height(),
            g.vertical() ? "top to bottom" : "left to right", g.fit(), g.hiddenLabels());
      std::vector<QRectF> texts;
      for (const StateGraphLayout::Box& b : g.boxes()) {
        const QRectF text = g.boxTextRect(b);
        const QString name = g.boxText(b).replace(QLatin1Char('\n'), QLatin1Char(' '));
        // Inside its box with the outline's width to spare on each side.
        EXPECT_TRUE(b.rect.adjusted(3, 1, -3, -1).contains(text))
            << at.toStdString() << ": " << name.toStdString() << " text " << text.width() << "x" << text.height() << " in box "
            << b.rect.width() << "x" << b.rect.height();
        EXPECT_TRUE(pane.contains(b.rect)) << at.toStdString() << ": " << name.toStdString();
        for (const StateGraphLayout::Box& o : g.boxes()) {
          if (&o == &b) continue;
          EXPECT_FALSE(b.rect.adjusted(-2, -2, 2, 2).intersects(o.rect)) << at.toStdString() << ": " << name.toStdString() << " touches another box";
        }
        texts.push_back(text);
      }
      for (const StateGraphLayout::Label& l : g.labels()) {
        if (l.hidden) continue;
        // The text and the paper backing it is drawn on.
        const QRectF text = g.labelTextRect(l).adjusted(-3, -1, 3, 1);
        const std::string label = l.text.toStdString();
        EXPECT_TRUE(pane.contains(text)) << at.toStdString() << ": label " << label;
        for (const StateGraphLayout::Box& b : g.boxes())
          EXPECT_FALSE(text.intersects(b.rect)) << at.toStdString() << ": label " << label << " over the box of "
                                                << g.boxText(b).toStdString();
        for (const QRectF& o : texts) EXPECT_FALSE(text.intersects(o)) << at.toStdString() << ": label " << label << " over another text";
        texts.push_back(text);
      }
      w.closeLesson();
  });
}

namespace {

struct Diagram {
  double typeScale = 0, ruler = 0, labelHeight = 0;
};

// Lesson 12 step 18 ("find REFUND in the space-time diagram") on a projector of `size`.
Diagram diagramAt(QSize size, QStringList& problems) {
  guitest::ShownWindow shown(kLesson, size);
  MainWindow& w = shown.w;
  w.setProjectorMode(true, false);
  jumpTo(w, 17);
  SpacetimeView* st = w.spacetime();
  Diagram d;
  if (!st->isVisible()) {
    problems << QStringLiteral("%1: the diagram is not shown").arg(size.width());
    return d;
  }
  st->setProjectorMode(true);  // new texts: the next paint draws every label (none from a cache)
  st->viewport()->grab();
  d.typeScale = st->typeScale();
  d.ruler = st->rulerHeight();
  const double bottom = st->viewport()->height();
  for (const QRectF& r : st->stateLabelRects()) {
    d.labelHeight = std::max(d.labelHeight, r.height());
    // Not into the ruler (the first lane's labels lost their top there), not below the plot.
    if (r.top() < d.ruler || r.bottom() > bottom)
      problems << QStringLiteral("%1: a state label at y %2-%3 (ruler %4, plot to %5)").arg(size.width()).arg(r.top()).arg(r.bottom()).arg(d.ruler).arg(bottom);
  }
  if (st->stateLabelRects().empty()) problems << QStringLiteral("%1: no state label drawn").arg(size.width());
  return d;
}

}  // namespace

// The canvas and the state machine grow with the projector (projector::factor(), 1.5 at 1920x1080);
// the space-time diagram kept 1.7x at every size, so its lane names, state labels and ruler read two
// thirds as large from the back row at 1080 lines. Now the same factor, and nothing clipped.
TEST(ProjectorLayout, TheSpaceTimeDiagramsTypeGrowsWithTheScreenAndNoLabelIsClipped) {
  QStringList problems;
  const Diagram small = diagramAt(QSize(1280, 720), problems);
  const Diagram large = diagramAt(QSize(1920, 1080), problems);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QStringLiteral("; ")).toStdString();
  EXPECT_DOUBLE_EQ(small.typeScale, projector::kFontScale);
  EXPECT_DOUBLE_EQ(large.typeScale, projector::kFontScale * 1.5);
  EXPECT_NEAR(large.ruler / small.ruler, 1.5, 0.05) << small.ruler << " -> " << large.ruler;
  EXPECT_NEAR(large.labelHeight / small.labelHeight, 1.5, 0.2) << small.labelHeight << " -> " << large.labelHeight;
}

// The ruler was 26 x 1.7 = 44.2 px tall: the plot's first row was only partly painted by the ruler
// above it and the lanes below it, a light seam across the diagram (and the ruler's ticks reached
// into it). That row now matches the rows under it (checked right of "now", where the fogged
// future is one flat colour crossed only by the time grid).
TEST(ProjectorLayout, NoUnpaintedRowUnderTheSpaceTimeRuler) {
  for (const QSize size : kSizes) {
    guitest::ShownWindow shown(kLesson, size);
    MainWindow& w = shown.w;
    w.setProjectorMode(true, false);
    jumpTo(w, 17);
    SpacetimeView* st = w.spacetime();
    ASSERT_TRUE(st->isVisible());
    const double ruler = st->rulerHeight();
    EXPECT_DOUBLE_EQ(ruler, std::floor(ruler)) << size.width();
    const QImage image = st->viewport()->grab().toImage();
    const int row = static_cast<int>(ruler);
    const int from = static_cast<int>(st->pointAt(0, w.controller()->now()).x()) + 6;
    ASSERT_LT(from + 20, image.width()) << "the future must be on screen";
    int seam = 0;
    for (int x = from; x < image.width() - 4; ++x) seam += image.pixel(x, row) != image.pixel(x, row + 2) ? 1 : 0;
    EXPECT_EQ(seam, 0) << size.width() << ": row " << row << " differs from the plot under it";
  }
}

// Going full screen on a 1080-line projector re-lays the window out at the new type; it rewrote the
// stored projector preference too (MainWindow::resizeEvent called the setter that saved it). Only
// the user's toggle changes it.
TEST(ProjectorLayout, AResizeLeavesTheStoredProjectorPreferenceAlone) {
  const QString key = QStringLiteral("ui/projector");
  QSettings().setValue(key, false);
  {
    guitest::ShownWindow shown(nullptr, QSize(1280, 720));
    MainWindow& w = shown.w;
    w.setProjectorMode(true, false);  // as --projector in a screenshot does
    w.resize(1920, 1080);
    QApplication::processEvents();
    EXPECT_DOUBLE_EQ(projector::factor(), 1.5);  // the resize did re-scale the window
    w.resize(1280, 720);
    QApplication::processEvents();
    EXPECT_DOUBLE_EQ(projector::factor(), 1.0);
    EXPECT_FALSE(QSettings().value(key).toBool()) << "a resize stored the projector mode";
    // The menu's toggle is the user's choice: remembered, both ways.
    w.projectorAction()->setChecked(false);
    EXPECT_FALSE(QSettings().value(key).toBool());
    w.projectorAction()->setChecked(true);
    EXPECT_TRUE(QSettings().value(key).toBool());
    w.resize(1280, 720);
    QApplication::processEvents();
    EXPECT_TRUE(QSettings().value(key).toBool()) << "a resize cleared the stored choice";
    w.projectorAction()->setChecked(false);
    EXPECT_FALSE(QSettings().value(key).toBool());
  }
  QSettings().remove(key);
}

// Lesson 12 step 18, "find REFUND in the space-time diagram": at 1280x720 the step's text had to be
// scrolled by a line (en) and the last lane was cut by a few pixels (zh-TW). The text and every
// lane fit, in both languages and at both projector sizes.
TEST(ProjectorLayout, ADiagramStepShowsAllItsTextAndEveryLane) {
  atEachLanguageAndSize(17, [](MainWindow& w, const QString& where) {
      const std::string at = where.toStdString();
      SpacetimeView* st = w.spacetime();
      ASSERT_TRUE(st->isVisible()) << at;
      const QList<QScrollArea*> areas = w.lessonPanel()->findChildren<QScrollArea*>();
      ASSERT_FALSE(areas.isEmpty()) << at;
      for (const QScrollArea* area : areas) {
        if (!area->isVisible()) continue;
        EXPECT_EQ(area->verticalScrollBar()->maximum(), 0) << at << ": the step's text must be scrolled";
      }
      EXPECT_EQ(st->verticalScrollBar()->maximum(), 0) << at << ": a lane is scrolled out of view";
      // The last lane, whole: from its line half a lane down to the plot's bottom.
      const cs::NodeId last = static_cast<cs::NodeId>(w.controller()->sim().nodes().size()) - 1;
      ASSERT_GT(last, 0) << at;
      const double laneY = st->pointAt(last, 0).y(), lane = laneY - st->pointAt(last - 1, 0).y();
      EXPECT_LE(laneY + lane / 2, st->viewport()->height() + 0.5) << at << ": the last lane ends " << laneY + lane / 2 - st->viewport()->height()
                                                                   << " px below the plot";
  });
}
