// The paint caches of the 4K frame work (issue 18) stay correct: a ticking countdown repaints its
// pills without re-rendering the cached card; token label widths and the lanes' least height,
// measured once, follow projector mode and the font.
#include <gtest/gtest.h>

#include <QScreen>
#include <QTest>
#include <QWindow>

#include "canvas_view.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "spacetime_view.hpp"
#include "palette.hpp"
#include "view_util.hpp"

using guitest::scenarioPath;

namespace {

constexpr cs::NodeId kP1 = 1;

std::unique_ptr<LabController> open(const char* file) {
  auto c = std::make_unique<LabController>();
  QString error;
  EXPECT_TRUE(c->openScenario(scenarioPath(file), &error)) << error.toStdString();
  return c;
}

// What the window shows in `r` (viewport pixels) as last painted by the window system's repaints,
// which redraw only what items marked dirty.
QImage onScreen(CanvasView& view, QRect r) {
  QTest::qWait(50);
  QApplication::processEvents();
  const QPoint o = view.viewport()->mapTo(&view, QPoint(0, 0));
  return view.screen()->grabWindow(view.winId()).copy(r.translated(o)).toImage().convertToFormat(QImage::Format_RGB32);
}

}  // namespace

TEST(RenderCaches, ATickingCountdownRepaintsItsPillsButNotTheCachedCard) {
  auto c = open("2pc-coordinator-crash.json");
  CanvasView view(c.get());
  view.resize(1200, 800);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  c->seekTime(cs::ms(450));
  const NodeItem* p1 = view.nodeItem(kP1);
  ASSERT_FALSE(p1->data().aids.timers.isEmpty()) << "P1 waits on its decision timeout";
  const QRect pills = view.mapFromScene(p1->mapRectToScene(p1->aidRect())).boundingRect();
  const QImage before = onScreen(view, pills);
  const int cardPaints = p1->cardPaints();
  ASSERT_GT(cardPaints, 0);
  const QString textBefore = p1->data().aids.timers.front().text;
  c->seekTime(cs::ms(452));
  const QImage after = onScreen(view, pills);
  ASSERT_NE(p1->data().aids.timers.front().text, textBefore) << "the countdown should have moved on";
  EXPECT_EQ(p1->cardPaints(), cardPaints) << "only the timer changed: the cached card should be reused";
  EXPECT_NE(after, before) << "the pills on screen should show the new countdown";
  // And what the window shows is what a full repaint from scratch paints.
  const QImage fresh = view.viewport()->grab(pills).toImage().convertToFormat(QImage::Format_RGB32);
  EXPECT_EQ(after, fresh);
}

TEST(RenderCaches, TokenLabelWidthsFollowProjectorMode) {
  auto c = open("2pc-happy.json");
  CanvasView view(c.get());
  view.resize(1280, 720);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  for (const bool projector : {false, true, false}) {
    view.setProjectorMode(projector);
    c->seekTime(cs::ms(30));  // PREPAREs in flight
    view.viewport()->grab();
    const auto& shown = view.tokenLabelsShown();
    ASSERT_FALSE(shown.isEmpty()) << "projector " << projector;
    const QFontMetricsF tm(view.canvasStyle().token);
    const qreal sc = view.viewportTransform().m11();
    for (const MessageItem* m : view.messageItems()) {
      if (!shown.contains(m->id())) continue;
      // The label's advance in the font of this mode, with its 8 units of room.
      EXPECT_NEAR(shown.value(m->id()).width(), (tm.horizontalAdvance(m->label()) + 8) * sc, 1e-6)
          << m->label().toStdString() << " projector " << projector;
    }
  }
}

TEST(RenderCaches, LanesMadeForTheNamesFollowAFontChange) {
  auto c = open("2pc-workload.json");
  c->seekTime(cs::ms(100));
  const auto laneStep = [](const SpacetimeView& v) { return v.pointAt(1, 0).y() - v.pointAt(0, 0).y(); };
  SpacetimeView view(c.get());
  view.setProjectorMode(true);  // lanes no lower than a name: the least lane height follows the font
  view.resize(900, 150);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  const double small = laneStep(view);
  // Lane texts have fixed pixel sizes: another family is what changes a name's height. The least
  // lane is a name's ink (SpacetimeView::laneNameHeight), not the font's line: a CJK family's line is
  // a third taller, empty room above Latin node names, and made a projector's short pane lose its
  // last lane in zh-TW. So that family's lanes are as tall as the Latin one's.
  QFont cjk = view.font();
  cjk.setFamily(QStringLiteral("Noto Sans CJK TC"));
  view.setFont(cjk);
  EXPECT_NEAR(laneStep(view), small, 1.0) << "the CJK line's empty room made the lanes taller";
  // As tall as in a view that had the new font from the start (the measured floor followed the change).
  QWidget parent;
  parent.setFont(cjk);
  SpacetimeView fresh(c.get(), &parent);
  fresh.setProjectorMode(true);
  fresh.resize(900, 150);
  EXPECT_DOUBLE_EQ(laneStep(view), laneStep(fresh));
}

// The canvas draws without QPainter::SmoothPixmapTransform (in Qt 6.4 the hint sends every blit of a
// translucent pixmap — cards, tokens, the legend — through span-by-span blending on Qt's thread
// pool). That is only free while nothing on the canvas draws a pixmap scaled: a canvas with the hint
// must paint what one without it paints, pixel for pixel, on a desk and on a projector, with cards,
// countdowns, labelled and unlabelled tokens and the legend on screen.
TEST(RenderCaches, TheCanvasLooksTheSameWithSmoothPixmapTransform) {
  auto c = open("2pc-workload.json");
  for (const bool projector : {false, true}) {
    c->seekTime(cs::ms(projector ? 151 : 97));
    const auto frame = [&](bool smooth) {
      CanvasView view(c.get());
      EXPECT_FALSE(view.renderHints().testFlag(QPainter::SmoothPixmapTransform));
      view.setRenderHint(QPainter::SmoothPixmapTransform, smooth);
      view.setProjectorMode(projector);
      view.resize(1600, 900);
      view.show();
      EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
      EXPECT_GT(view.messageItems().size(), 3) << "tokens in flight";
      const QImage image = view.viewport()->grab().toImage();
      EXPECT_FALSE(view.tokenLabelsShown().isEmpty());
      EXPECT_FALSE(view.legendRect().isNull());
      return image;
    };
    const QImage plain = frame(false);
    const QImage smooth = frame(true);
    ASSERT_EQ(plain.size(), smooth.size());
    EXPECT_TRUE(plain == smooth) << "projector " << projector;
  }
}

// Token sprites are cropped to their painted pixels: the canvas paints exactly what it painted with
// whole sprites (a transparent pixel blended changes nothing), over much less area.
TEST(RenderCaches, CroppedTokenSpritesPaintWhatWholeOnesDid) {
  auto c = open("2pc-workload.json");
  for (const bool projector : {false, true}) {
    c->seekTime(cs::ms(projector ? 151 : 97));
    qint64 pixels[2] = {0, 0};
    QImage frames[2];
    for (const bool trim : {false, true}) {
      CanvasView view(c.get());
      view.setTrimSprites(trim);
      view.setProjectorMode(projector);
      view.resize(1600, 900);
      view.show();
      ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
      frames[trim] = view.viewport()->grab().toImage();
      pixels[trim] = view.spritePixels();
      ASSERT_FALSE(view.tokenLabelsShown().isEmpty());
    }
    ASSERT_GT(pixels[0], 0);
    EXPECT_LT(pixels[1] * 2, pixels[0]) << "projector " << projector << ": cropped sprites should cover under half the area";
    EXPECT_TRUE(frames[0] == frames[1]) << "projector " << projector;
  }
}
