// Projector mode at 1920x1080: a projector shows 1080 lines at the size it shows 720, so the type,
// the transport buttons and the scrub bar must grow with the screen (projector::sizeFactor), or the
// back row reads two thirds of what it read at 1280x720.
#include <gtest/gtest.h>

#include <QApplication>
#include <QImage>
#include <QToolButton>

#include "lesson_window_support.hpp"
#include "main_window.hpp"
#include "projector_style.hpp"
#include "scrub_bar.hpp"
#include "timeline_bar.hpp"
#include "transport_icons.hpp"

namespace {

struct Measured {
  double font = 0;   // the application font, points
  int icon = 0;      // the transport buttons' icon size, px
  int scrub = 0;     // the scrub bar's height, px
  bool bottomShown = false;
};

Measured projectorAt(QSize size) {
  guitest::ShownWindow shown("08-2pc-blocks", size);
  shown.w.setProjectorMode(true, false);
  QApplication::processEvents();
  Measured m;
  m.font = QApplication::font().pointSizeF();
  m.icon = shown.w.timeline()->findChildren<QToolButton*>().first()->iconSize().height();
  m.scrub = shown.w.timeline()->scrubBar()->sizeHint().height();
  shown.w.setProjectorMode(false, false);
  return m;
}

// The rows of `image` that have some ink (alpha above half).
int inkedRows(const QImage& image) {
  int rows = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x)
      if (qAlpha(image.pixel(x, y)) > 128) {
        ++rows;
        break;
      }
  return rows;
}

}  // namespace

TEST(ProjectorScale, SizeFactorGrowsWithTheScreenInEighthsFrom720To1440Lines) {
  EXPECT_DOUBLE_EQ(projector::sizeFactor(600), 1.0);
  EXPECT_DOUBLE_EQ(projector::sizeFactor(720), 1.0);
  EXPECT_DOUBLE_EQ(projector::sizeFactor(768), 1.0);  // a few lines more do not re-lay out the window
  EXPECT_DOUBLE_EQ(projector::sizeFactor(900), 1.25);
  EXPECT_DOUBLE_EQ(projector::sizeFactor(1080), 1.5);
  EXPECT_DOUBLE_EQ(projector::sizeFactor(1200), 1.625);
  EXPECT_DOUBLE_EQ(projector::sizeFactor(1440), 2.0);
  EXPECT_DOUBLE_EQ(projector::sizeFactor(2160), 2.0);
}

TEST(ProjectorScale, At1920x1080TypeButtonsAndScrubBarAreOneAndAHalfTimesThoseOf1280x720) {
  projector::apply(false);  // an earlier test's window may have left projector mode on
  const double normal = QApplication::font().pointSizeF();
  const Measured small = projectorAt(QSize(1280, 720));
  const Measured large = projectorAt(QSize(1920, 1080));
  EXPECT_NEAR(large.font / small.font, 1.5, 0.02) << small.font << " -> " << large.font;
  EXPECT_EQ(small.icon, 36);
  EXPECT_EQ(large.icon, 54);
  EXPECT_GE(large.scrub, small.scrub * 1.4) << small.scrub << " -> " << large.scrub;
  // Projector mode off: the normal type again, whatever the window's size.
  EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), normal);
  EXPECT_DOUBLE_EQ(projector::factor(), 1.0);
}

TEST(ProjectorScale, GoingFullScreenOnALargerProjectorGrowsTheTypeThenShrinkingItBack) {
  guitest::ShownWindow shown("08-2pc-blocks", QSize(1280, 720));
  shown.w.setProjectorMode(true, false);
  QApplication::processEvents();
  const double at720 = QApplication::font().pointSizeF();
  shown.w.resize(1920, 1080);  // as showFullScreen() on a 1080p projector does
  QApplication::processEvents();
  EXPECT_DOUBLE_EQ(projector::factor(), 1.5);
  EXPECT_NEAR(QApplication::font().pointSizeF() / at720, 1.5, 0.02);
  EXPECT_EQ(shown.w.timeline()->findChildren<QToolButton*>().first()->iconSize().height(), 54);
  shown.w.resize(1280, 720);
  QApplication::processEvents();
  EXPECT_DOUBLE_EQ(projector::factor(), 1.0);
  EXPECT_DOUBLE_EQ(QApplication::font().pointSizeF(), at720);
  shown.w.setProjectorMode(false, false);
}

// The style's media icons are 16 and 32 px bitmaps and stopped growing at 32 px; ours are drawn at
// the size asked for.
TEST(ProjectorScale, TransportIconsAreDrawnAtTheSizeAskedFor) {
  for (auto glyph : {transport::Glyph::Restart, transport::Glyph::StepBack, transport::Glyph::Play, transport::Glyph::Pause,
                     transport::Glyph::StepForward, transport::Glyph::Reroll}) {
    const QIcon icon = transport::icon(glyph);
    const int at24 = inkedRows(icon.pixmap(24, 24).toImage());
    const int at72 = inkedRows(icon.pixmap(72, 72).toImage());
    EXPECT_GE(at24, 12) << static_cast<int>(glyph);
    EXPECT_NEAR(at72, at24 * 3, 4) << static_cast<int>(glyph);
  }
  // Play and Pause differ (the button shows which one a press does).
  EXPECT_NE(transport::icon(transport::Glyph::Play).pixmap(36, 36).toImage(),
            transport::icon(transport::Glyph::Pause).pixmap(36, 36).toImage());
}
