// Handouts: File > Export… writes the canvas, the space-time diagram, the chart and the side-by-side
// view as pictures (SVG with text as text, PDF), the trace as JSON Lines and a one-page run report;
// `commitscope --screenshot` picks PNG, SVG or PDF by the extension. Driven through the real menu
// action and its dialog, offscreen.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include "compare_lab.hpp"
#include "compare_window.hpp"
#include "export_dialog.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "main_window.hpp"
#include "metrics_chart_view.hpp"

using guitest::scenarioPath;
using handout::Target;

namespace {

// File > Export…, with the dialog filled in as a user would and saved.
void exportFromMenu(MainWindow& w, Target target, const QString& path) {
  bool seen = false;
  QTimer::singleShot(0, [&] {
    for (QWidget* top : QApplication::topLevelWidgets())
      if (auto* d = qobject_cast<ExportDialog*>(top); d && d->isVisible()) {
        seen = true;
        d->setTarget(target);
        d->setExtension(QFileInfo(path).suffix());
        d->setPath(path);
        d->buttons()->button(QDialogButtonBox::Save)->click();
      }
  });
  w.exportAction()->trigger();
  EXPECT_TRUE(seen) << "File > Export… opened its dialog";
}

// Every <text> element's content in an SVG file; false if it is not well-formed XML.
bool svgTexts(const QString& path, QStringList* texts) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return false;
  QXmlStreamReader xml(&f);
  while (!xml.atEnd()) {
    xml.readNext();
    if (xml.isStartElement() && xml.name() == QLatin1String("text"))
      *texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
  }
  return !xml.hasError();
}

QByteArray readAll(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Lab {
  LabController controller;
  MainWindow w{&controller};
  explicit Lab(const char* file, int atMs) {
    EXPECT_TRUE(w.openFile(scenarioPath(file), false));
    w.resize(1280, 800);
    w.show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
    controller.seekTime(cs::ms(atMs));
    QApplication::processEvents();
  }
};

}  // namespace

TEST(HandoutExport, CanvasAsSvgKeepsNodeNamesAndStatesAsText) {
  Lab lab("2pc-coordinator-crash.json", 80);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("canvas.svg"));
  exportFromMenu(lab.w, Target::Canvas, path);
  QStringList texts;
  ASSERT_TRUE(svgTexts(path, &texts)) << "the SVG parses";
  for (const char* name : {"C", "P1", "P2", "P3", "READY", "DOWN"})
    EXPECT_TRUE(texts.contains(QString::fromLatin1(name))) << name << " is text in the SVG: " << texts.join(QLatin1Char('|')).toStdString();
}

TEST(HandoutExport, DiagramAsPdfIsAPdfWithTheLaneNames) {
  Lab lab("2pc-coordinator-crash.json", 80);
  QTemporaryDir dir;
  const QString pdf = dir.filePath(QStringLiteral("spacetime.pdf"));
  exportFromMenu(lab.w, Target::Diagram, pdf);
  const QByteArray bytes = readAll(pdf);
  EXPECT_TRUE(bytes.startsWith("%PDF")) << bytes.left(16).toStdString();
  EXPECT_GT(bytes.size(), 2000);
  // And as SVG: the lanes are named by text.
  const QString svg = dir.filePath(QStringLiteral("spacetime.svg"));
  exportFromMenu(lab.w, Target::Diagram, svg);
  QStringList texts;
  ASSERT_TRUE(svgTexts(svg, &texts));
  for (const char* name : {"C", "P1", "P3"})
    EXPECT_TRUE(texts.contains(QString::fromLatin1(name))) << name << ": " << texts.join(QLatin1Char('|')).toStdString();
}

TEST(HandoutExport, ChartAsSvgParsesAndPngIsAnImage) {
  Lab lab("2pc-coordinator-crash.json", 400);
  QTemporaryDir dir;
  const QString svg = dir.filePath(QStringLiteral("chart.svg"));
  exportFromMenu(lab.w, Target::Chart, svg);
  QStringList texts;
  ASSERT_TRUE(svgTexts(svg, &texts));
  EXPECT_FALSE(texts.isEmpty());
  const QString png = dir.filePath(QStringLiteral("chart.png"));
  exportFromMenu(lab.w, Target::Chart, png);
  const QImage image(png);
  EXPECT_EQ(image.size(), lab.w.metricsChart()->size() * lab.w.metricsChart()->devicePixelRatio());
  // A chart is not offered as PDF.
  QString error;
  EXPECT_FALSE(lab.w.exportHandout(Target::Chart, dir.filePath(QStringLiteral("chart.pdf")), false, &error));
  EXPECT_FALSE(error.isEmpty());
}

TEST(HandoutExport, TraceLinesParseAndAreTheRunsTrace) {
  Lab lab("2pc-coordinator-crash.json", 700);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("trace.jsonl"));
  exportFromMenu(lab.w, Target::Trace, path);
  const QByteArray bytes = readAll(path);
  const QList<QByteArray> lines = bytes.trimmed().split('\n');
  ASSERT_GT(lines.size(), 10);
  EXPECT_EQ(static_cast<std::size_t>(lines.size()), lab.controller.sim().trace().size()) << "one line per trace record";
  for (const QByteArray& line : lines) {
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &e);
    ASSERT_EQ(e.error, QJsonParseError::NoError) << line.toStdString();
    ASSERT_TRUE(doc.isObject());
  }
  // The run's records: re-encoded as `commitscope-cli digest` does, they give the run's trace_sha256.
  EXPECT_EQ(guitest::traceShaOfJsonl(bytes), guitest::traceSha(lab.controller.sim()));
  EXPECT_EQ(guitest::traceShaOfJsonl(bytes), lab.controller.traceSha256());
}

TEST(HandoutExport, RunReportIsOnePagePdfWithFaultsAndVerdicts) {
  Lab lab("2pc-coordinator-crash.json", 700);
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("report.pdf"));
  exportFromMenu(lab.w, Target::Report, path);
  const QByteArray bytes = readAll(path);
  ASSERT_TRUE(bytes.startsWith("%PDF"));
  EXPECT_GT(bytes.size(), 30000) << "diagram, canvas and chart are drawn into it";
  EXPECT_TRUE(bytes.contains("/Count 1")) << "one page";
  // Date-free: exporting the same run again gives the same bytes.
  const QString again = dir.filePath(QStringLiteral("again.pdf"));
  ASSERT_TRUE(lab.w.exportHandout(Target::Report, again, false));
  EXPECT_FALSE(readAll(again).contains("D:20" + QByteArray::number(QDate::currentDate().year() % 100)));
}

TEST(HandoutExport, SideBySideViewAsSvgHoldsEveryPanesNodes) {
  Lab lab("compare-coordinator-crash.json", 0);
  QString error;
  CompareWindow* cw = lab.w.openCompare({QStringLiteral("2pc"), QStringLiteral("saga-orchestration")}, false, &error);
  ASSERT_NE(cw, nullptr) << error.toStdString();
  cw->resize(1280, 720);
  cw->lab()->seekTime(cs::ms(100));
  QApplication::processEvents();
  QTemporaryDir dir;
  const QString path = dir.filePath(QStringLiteral("side-by-side.svg"));
  exportFromMenu(lab.w, Target::Compare, path);
  QStringList texts;
  ASSERT_TRUE(svgTexts(path, &texts));
  EXPECT_TRUE(texts.contains(QStringLiteral("C"))) << "2PC's coordinator";
  EXPECT_TRUE(texts.contains(QStringLiteral("O"))) << "the saga's orchestrator";
}

// --screenshot FILE: the extension picks the format; the same run gives the same PDF bytes.
TEST(HandoutExport, ScreenshotPicksTheFormatFromTheExtension) {
  QTemporaryDir dir;
  const auto shot = [&](const QString& file, const char* lang) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(COMMITSCOPE_GUI_EXE),
            {QStringLiteral("--profile"), dir.filePath(QStringLiteral("profile")), QStringLiteral("--screenshot"), file,
             QStringLiteral("--lang"), QString::fromLatin1(lang), QStringLiteral("--size"), QStringLiteral("1280x720"),
             QStringLiteral("--scenario"), scenarioPath("2pc-coordinator-crash.json"), QStringLiteral("--at-ms"), QStringLiteral("80")});
    EXPECT_TRUE(p.waitForFinished(60000));
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().toStdString();
  };
  const QString svg = dir.filePath(QStringLiteral("w.svg")), pdf = dir.filePath(QStringLiteral("w.pdf")),
                pdf2 = dir.filePath(QStringLiteral("w2.pdf")), png = dir.filePath(QStringLiteral("w.png"));
  shot(svg, "zh-TW");
  shot(pdf, "en");
  shot(pdf2, "en");
  shot(png, "en");
  QStringList texts;
  ASSERT_TRUE(svgTexts(svg, &texts));
  EXPECT_TRUE(texts.contains(QStringLiteral("P2")));
  EXPECT_TRUE(std::any_of(texts.begin(), texts.end(), [](const QString& t) { return t.contains(QStringLiteral("檔案")); }))
      << "the zh-TW menu is text: " << texts.join(QLatin1Char('|')).toStdString();
  EXPECT_TRUE(readAll(pdf).startsWith("%PDF"));
  EXPECT_EQ(readAll(pdf), readAll(pdf2)) << "the same run, the same PDF";
  EXPECT_EQ(QImage(png).size(), QSize(1280, 720));
}
