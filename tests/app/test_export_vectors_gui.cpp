// Handouts keep the canvas as drawing, not as pictures: in an SVG the message tokens and the legend
// are shapes with their words as text (they were embedded as <image> pictures), and a PDF draws
// every link the canvas shows (the C–P2 link was missing).
#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "canvas_view.hpp"
#include "export_dialog.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "main_window.hpp"

using guitest::scenarioPath;

namespace {

struct SvgContent {
  QStringList texts;
  int images = 0;
  int smallImages = 0;  // under 40 x 40: a token's or a tip's size
  bool ok = false;
};

SvgContent readSvg(const QString& path) {
  SvgContent out;
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return out;
  QXmlStreamReader xml(&f);
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    if (xml.name() == QLatin1String("image")) {
      ++out.images;
      const auto size = [&](const char* name) { return xml.attributes().value(QLatin1String(name)).toDouble(); };
      if (size("width") < 40 && size("height") < 40) ++out.smallImages;
    }
    if (xml.name() == QLatin1String("text")) out.texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
  }
  out.ok = !xml.hasError();
  return out;
}

// The happy 2PC run in a 1280x720 window at 20 ms: VOTE_COMMITs on their way to C.
void openWithVotesInFlight(MainWindow& w, LabController& controller) {
  ASSERT_TRUE(w.openFile(scenarioPath("2pc-happy.json"), false));
  w.resize(1280, 720);
  w.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
  controller.seekTime(cs::ms(20));
  QApplication::processEvents();
}

}  // namespace

TEST(ExportVectors, CanvasSvgHasTokensAndLegendAsShapesAndText) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_NO_FATAL_FAILURE(openWithVotesInFlight(w, controller));
  CanvasView* canvas = w.findChild<CanvasView*>();
  ASSERT_NE(canvas, nullptr);
  canvas->viewport()->grab();
  ASSERT_FALSE(canvas->messageItems().isEmpty()) << "messages in flight";
  ASSERT_FALSE(canvas->tokenLabelsShown().isEmpty());
  ASSERT_FALSE(canvas->legendShown().empty());
  QStringList labels;
  for (const MessageItem* m : canvas->messageItems())
    if (canvas->tokenLabelsShown().contains(m->id())) labels << m->label();

  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("canvas.svg"));
  QString error;
  ASSERT_TRUE(w.exportHandout(handout::Target::Canvas, path, false, &error)) << error.toStdString();
  const SvgContent svg = readSvg(path);
  ASSERT_TRUE(svg.ok) << "the SVG parses";
  EXPECT_EQ(svg.images, 0) << "no token, legend or card is a picture";
  for (const QString& label : labels) EXPECT_TRUE(svg.texts.contains(label)) << label.toStdString() << " is text: " << svg.texts.join(QLatin1Char('|')).toStdString();
  EXPECT_TRUE(svg.texts.contains(CanvasLegend::tr("Messages"))) << "the legend's title is text";
  for (const CanvasLegend::Entry& e : canvas->legendShown())
    EXPECT_TRUE(svg.texts.contains(e.text)) << e.text.toStdString() << " (legend) is text";
  // The window itself goes on drawing from its caches afterwards.
  EXPECT_FALSE(canvas->legendRect().isEmpty());
}

// The space-time diagram's tips of arrows in flight are blitted from a sprite in the window (issue
// 18, ninth pass); a handout gets them as circles, so the SVG holds no picture of a tip.
TEST(ExportVectors, DiagramSvgDrawsTheTipsOfArrowsInFlightAsShapes) {
  LabController controller;
  MainWindow w(&controller);
  ASSERT_NO_FATAL_FAILURE(openWithVotesInFlight(w, controller));
  ASSERT_FALSE(controller.sim().in_flight().empty());
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("diagram.svg"));
  QString error;
  ASSERT_TRUE(w.exportHandout(handout::Target::Diagram, path, false, &error)) << error.toStdString();
  const SvgContent svg = readSvg(path);
  ASSERT_TRUE(svg.ok) << "the SVG parses";
  // (The ruler and the time scroll bar are pictures of the view's width: cached pixmaps, as before.)
  EXPECT_EQ(svg.smallImages, 0) << "no tip is a picture";
}
