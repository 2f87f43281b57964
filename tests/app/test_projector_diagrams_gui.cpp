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

}  // namespace

// Lesson 12 step 11 shows the orchestrator's log in the narrow side column. There a state's name ran
// into its neighbour (zh-TW: an arrow's label over RUNNING; en: COMPENSATING and COMPLETED touching
// their boxes' edges). Every name stays inside its box, and no text covers a box or another text.
TEST(ProjectorLayout, StateMachineTextsNeverOverlapInLesson12sNarrowColumn) {
  for (const char* lang : {"en", "zh_TW"}) {
    const Language language(lang);
    for (const QSize size : kSizes) {
      guitest::ShownWindow shown(kLesson, size);
      MainWindow& w = shown.w;
      w.setProjectorMode(true, false);
      jumpTo(w, 10);  // step 11: the saga log survived
      StateMachineView* sm = w.stateMachine();
      ASSERT_TRUE(sm->isVisible()) << where(lang, size).toStdString();
      sm->grab();  // a paint lays the graph out at the column's size
      const StateGraphLayout& g = sm->graphLayout();
      const QString at = where(lang, size);
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
          if (&o != &b)
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
    }
  }
}
