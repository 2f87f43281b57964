// MetricsChartView: the protocol's metrics over virtual time, sampled from a replay of the whole run
// and cached until the fault schedule changes.
#include <gtest/gtest.h>

#include <QChart>
#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>

#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "metric_text.hpp"
#include "metrics_chart_view.hpp"

using guitest::scenarioPath;

namespace {

std::unique_ptr<LabController> open(const QString& path) {
  auto c = std::make_unique<LabController>();
  QString error;
  EXPECT_TRUE(c->openScenario(path, &error)) << error.toStdString();
  return c;
}

// The engine's own run-wide figure at the end of a headless run of the same scenario.
std::int64_t finalMetric(const cs::Scenario& scenario, const std::string& key) {
  cs::Diagnostics errors;
  auto run = cs::Simulation::create(scenario, errors);
  EXPECT_TRUE(run);
  run->run();
  for (const cs::Metric& m : run->protocol().metrics())
    if (m.key == key && m.node == cs::kNoNode) return m.value;
  ADD_FAILURE() << "no run-wide metric " << key;
  return -1;
}

// Translates one string of the chart, whatever the shipped .ts files hold.
class FakeTranslator final : public QTranslator {
 public:
  bool isEmpty() const override { return false; }
  QString translate(const char* context, const char* source, const char*, int) const override {
    if (QLatin1String(context) == QLatin1String("MetricsChartView") && QLatin1String(source) == QLatin1String("Virtual time (ms)"))
      return QStringLiteral("虛擬時間（毫秒）");
    return {};
  }
};

struct Shown {
  std::unique_ptr<LabController> controller;
  std::unique_ptr<MetricsChartView> view;
};

Shown show(const char* file) {
  Shown s;
  s.controller = open(scenarioPath(file));
  s.view = std::make_unique<MetricsChartView>(s.controller.get());
  s.view->resize(900, 420);
  s.view->show();
  return s;
}

}  // namespace

TEST(MetricsChart, StaleReadsOfTheApPartitionGrowAndMatchTheEngine) {
  auto [c, view] = show("cap-register-ap-partition.json");
  ASSERT_TRUE(view->metricKeys().contains(QStringLiteral("stale_reads")));
  EXPECT_EQ(view->shownMetrics(), (QStringList{"ops_ok", "errors", "stale_reads"})) << "the register's defaults";

  const QList<QPointF> stale = view->sampledSeries(QStringLiteral("stale_reads"));
  ASSERT_EQ(stale.size(), MetricsChartView::kSampleIntervals + 1);
  EXPECT_DOUBLE_EQ(stale.front().x(), 0.0);
  EXPECT_DOUBLE_EQ(stale.back().x(), static_cast<double>(c->endTime()) / 1000.0);
  for (qsizetype i = 1; i < stale.size(); ++i) EXPECT_GE(stale[i].y(), stale[i - 1].y()) << "sample " << i;
  EXPECT_GT(stale.back().y(), 0.0);
  EXPECT_EQ(stale.back().y(), static_cast<double>(finalMetric(c->scenario(), "stale_reads")));

  // Drawn up to now only, ending on the live value at now.
  c->seekTime(cs::ms(1000));
  const QList<QPointF> half = view->drawnSeries(QStringLiteral("stale_reads"));
  ASSERT_FALSE(half.isEmpty());
  EXPECT_DOUBLE_EQ(half.back().x(), 1000.0);
  EXPECT_LT(half.size(), stale.size());
  c->seekTime(c->endTime());
  const QList<QPointF> all = view->drawnSeries(QStringLiteral("stale_reads"));
  ASSERT_FALSE(all.isEmpty());
  EXPECT_EQ(all.back(), stale.back());
}

TEST(MetricsChart, TicksReuseTheCacheAndAFaultResamples) {
  auto [c, view] = show("cap-register-ap-partition.json");
  const int before = view->sampleCount();
  EXPECT_GE(before, 1);
  const QList<QPointF> original = view->sampledSeries(QStringLiteral("ops_ok"));

  c->stepForward();
  c->seekTime(cs::ms(300));
  c->setSpeed(10.0);
  c->play();
  QTRY_VERIFY_WITH_TIMEOUT(c->now() >= cs::ms(320), 3000);
  c->pause();
  c->setNodePosition(0, QPointF(-150, -40));  // saved in the file, but the run is the same
  EXPECT_EQ(view->sampleCount(), before) << "plain ticks, seeks and moves must not replay the run";

  c->injectFault({cs::FaultKind::Crash, 1, cs::kNoNode, {}, {}});  // crash R2
  EXPECT_EQ(view->sampleCount(), before + 1);
  EXPECT_NE(view->sampledSeries(QStringLiteral("ops_ok")), original);
  c->stepForward();
  EXPECT_EQ(view->sampleCount(), before + 1);

  c->undoStack()->undo();
  EXPECT_EQ(view->sampleCount(), before + 2);
  EXPECT_EQ(view->sampledSeries(QStringLiteral("ops_ok")), original);
}

TEST(MetricsChart, LanguageSwitchRetitlesTheTimeAxis) {
  auto [c, view] = show("cap-register-ap-partition.json");
  EXPECT_EQ(view->timeAxisTitle(), QStringLiteral("Virtual time (ms)"));
  FakeTranslator zh;
  QCoreApplication::installTranslator(&zh);  // posts LanguageChange to the windows
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  EXPECT_EQ(view->timeAxisTitle(), QStringLiteral("虛擬時間（毫秒）"));
  QCoreApplication::removeTranslator(&zh);
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  EXPECT_EQ(view->timeAxisTitle(), QStringLiteral("Virtual time (ms)"));
}

TEST(MetricsChart, TwoPcCommitsMatchItsTransactions) {
  auto [c, view] = show("2pc-workload.json");
  EXPECT_EQ(view->shownMetrics(), (QStringList{"txns_committed", "txns_aborted", "locks_held"}));
  cs::Diagnostics errors;
  auto run = cs::Simulation::create(c->scenario(), errors);
  ASSERT_TRUE(run);
  run->run();
  double committed = 0;
  for (const cs::TxnView& t : run->protocol().transactions()) committed += t.outcome == cs::TxnOutcome::Committed;
  EXPECT_GT(committed, 0);
  EXPECT_EQ(view->sampledSeries(QStringLiteral("txns_committed")).back().y(), committed);
}

TEST(MetricsChart, EveryExampleShowsItsProtocolsDefaultsAndStaysBounded) {
  LabController c;
  MetricsChartView view(&c);
  view.resize(900, 420);
  view.show();
  const QStringList files = QDir(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios")).entryList({"*.json"}, QDir::Files);
  ASSERT_FALSE(files.isEmpty());
  for (const QString& f : files) {
    QString error;
    ASSERT_TRUE(c.openScenario(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/") + f, &error)) << error.toStdString();
    SCOPED_TRACE(f.toStdString());
    EXPECT_LE(view.metricKeys().size(), MetricsChartView::kMaxMetrics);
    QStringList defaults;
    for (std::string_view k : MetricText::defaults(c.scenario().protocol)) defaults << QString::fromUtf8(k.data(), static_cast<qsizetype>(k.size()));
    ASSERT_EQ(defaults.size(), 3) << "a protocol without defaults: " << c.scenario().protocol;
    QStringList shown = view.shownMetrics(), expected = defaults;  // shown in the protocol's order
    shown.sort();
    expected.sort();
    EXPECT_EQ(shown, expected) << "the defaults must be keys the protocol reports: " << shown.join(' ').toStdString();
    for (const QString& k : view.metricKeys())
      EXPECT_NE(MetricText::name(k.toStdString()), k) << "metric key without a translatable name: " << k.toStdString();
    view.setShownMetrics(view.metricKeys());
    EXPECT_LE(view.shownMetrics().size(), MetricsChartView::kMaxShown);
    // The picks are remembered per protocol for the session: the next example of the same protocol
    // would show them. Back to the defaults so that it checks them too.
    view.setShownMetrics(defaults);
  }
}
