// MetricsChartView: the protocol's metrics over virtual time, sampled from a replay of the whole run
// and cached until the fault schedule changes; "Compare with…" draws a one-param variant of it dashed.
#include <gtest/gtest.h>

#include <algorithm>

#include <QChart>
#include <QComboBox>
#include <QCoreApplication>
#include <QLineSeries>
#include <QDir>
#include <QEvent>
#include <QGraphicsTextItem>
#include <QGraphicsScene>
#include <QTest>
#include <QTranslator>
#include <QValueAxis>

#include "gui_test_support.hpp"
#include "language.hpp"
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

// The same scenario with one param changed (what "Compare with…" replays).
cs::Scenario withParam(cs::Scenario s, const char* key, nlohmann::json value) {
  s.params[key] = std::move(value);
  return s;
}

// The chart's lines by pen: solid (the run) or dashed (the comparison).
int linesDrawn(const MetricsChartView& view, Qt::PenStyle style) {
  int n = 0;
  for (QAbstractSeries* a : view.chart()->series())
    if (auto* l = qobject_cast<QLineSeries*>(a); l && l->pen().style() == style) ++n;
  return n;
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

// ---- "Compare with…" ----

TEST(MetricsChart, CpPartitionComparedWithApRefusesLessButReadsStale) {
  auto [c, view] = show("cap-register-cp-partition.json");
  const QStringList offered = view->compareVariants();
  EXPECT_TRUE(offered.contains(QStringLiteral("mode=ap"))) << offered.join(' ').toStdString();
  EXPECT_FALSE(offered.contains(QStringLiteral("mode=cp"))) << "the current design is not a comparison";
  auto* combo = view->findChild<QComboBox*>();
  ASSERT_NE(combo, nullptr);
  EXPECT_EQ(combo->count(), offered.size() + 1) << "(nothing) and the variants";
  EXPECT_EQ(combo->currentIndex(), 0);
  EXPECT_TRUE(view->compareVariant().isEmpty());
  EXPECT_EQ(view->variantSampleCount(), 0) << "nothing to compare: no extra replay";
  EXPECT_EQ(linesDrawn(*view, Qt::CustomDashLine), 0);

  combo->setCurrentIndex(combo->findData(QStringLiteral("mode=ap")));  // as the learner would
  EXPECT_EQ(view->compareVariant(), QStringLiteral("mode=ap"));
  EXPECT_EQ(view->variantSampleCount(), 1);

  const QList<QPointF> cpErrors = view->sampledSeries(QStringLiteral("errors"));
  const QList<QPointF> apErrors = view->variantSeries(QStringLiteral("errors"));
  const QList<QPointF> cpStale = view->sampledSeries(QStringLiteral("stale_reads"));
  const QList<QPointF> apStale = view->variantSeries(QStringLiteral("stale_reads"));
  ASSERT_EQ(apErrors.size(), MetricsChartView::kSampleIntervals + 1);
  ASSERT_EQ(apStale.size(), cpStale.size());
  for (qsizetype i = 0; i < apStale.size(); ++i) ASSERT_EQ(apStale[i].x(), cpStale[i].x()) << "same sample times";
  EXPECT_EQ(cpStale.back().y(), 0.0) << "CP has no stale reads";
  EXPECT_GT(apStale.back().y(), 0.0) << "AP answers on both sides and reads stale values";
  EXPECT_GT(cpErrors.back().y(), 0.0) << "CP refuses on the minority side";
  EXPECT_LT(apErrors.back().y(), cpErrors.back().y()) << "AP refuses less";

  // The comparison is exactly a headless run of the scenario with mode = ap (same seed, same faults).
  const cs::Scenario ap = withParam(c->scenario(), "mode", "ap");
  for (const char* key : {"ops_ok", "errors", "stale_reads"})
    EXPECT_EQ(view->variantSeries(QString::fromLatin1(key)).back().y(), static_cast<double>(finalMetric(ap, key))) << key;

  // Drawn for the shown metrics, dashed, over the whole run even at the start (it is a reference).
  c->seekTime(cs::ms(600));
  EXPECT_EQ(linesDrawn(*view, Qt::CustomDashLine), view->shownMetrics().size());
  EXPECT_EQ(linesDrawn(*view, Qt::SolidLine), view->shownMetrics().size());
  const QList<QPointF> drawn = view->drawnVariantSeries(QStringLiteral("stale_reads"));
  EXPECT_EQ(drawn, apStale);
  EXPECT_DOUBLE_EQ(drawn.back().x(), static_cast<double>(c->endTime()) / 1000.0);
  EXPECT_LT(view->drawnSeries(QStringLiteral("stale_reads")).back().x(), drawn.back().x()) << "the run itself stops at now";

  // The list shows both values at now: "12 · AP 30".
  c->seekTime(c->endTime());
  const QLocale loc;
  EXPECT_EQ(view->pickerValueText(QStringLiteral("stale_reads")),
            QStringLiteral("%1 · AP %2").arg(loc.toString(0), loc.toString(static_cast<qlonglong>(finalMetric(ap, "stale_reads")))));

  // The colours match: each dashed line has its solid line's colour.
  for (QAbstractSeries* a : view->chart()->series()) {
    auto* dashed = qobject_cast<QLineSeries*>(a);
    if (!dashed || dashed->pen().style() != Qt::CustomDashLine) continue;
    bool twin = false;
    for (QAbstractSeries* b : view->chart()->series())
      if (auto* solid = qobject_cast<QLineSeries*>(b); solid && solid != dashed && solid->name() == dashed->name())
        twin = solid->pen().color() == dashed->pen().color() && solid->pen().style() == Qt::SolidLine;
    EXPECT_TRUE(twin) << dashed->name().toStdString();
  }

  // "(nothing)" removes the dashed lines and the second value.
  view->setCompareVariant(QString());
  EXPECT_EQ(combo->currentIndex(), 0);
  EXPECT_EQ(linesDrawn(*view, Qt::CustomDashLine), 0);
  EXPECT_EQ(linesDrawn(*view, Qt::SolidLine), view->shownMetrics().size());
  EXPECT_TRUE(view->drawnVariantSeries(QStringLiteral("stale_reads")).isEmpty());
  EXPECT_TRUE(view->variantSeries(QStringLiteral("stale_reads")).isEmpty());
  EXPECT_FALSE(view->pickerValueText(QStringLiteral("stale_reads")).contains(QStringLiteral("·")));

  // Back to AP: cached, no replay.
  view->setCompareVariant(QStringLiteral("mode=ap"));
  EXPECT_EQ(view->variantSampleCount(), 1);
  EXPECT_EQ(linesDrawn(*view, Qt::CustomDashLine), view->shownMetrics().size());
}

TEST(MetricsChart, TheComparisonIsKeptOnTicksAndResampledAfterAFault) {
  auto [c, view] = show("cap-register-cp-partition.json");
  view->setCompareVariant(QStringLiteral("mode=ap"));
  ASSERT_EQ(view->compareVariant(), QStringLiteral("mode=ap"));
  const int before = view->variantSampleCount();
  const QList<QPointF> original = view->variantSeries(QStringLiteral("ops_ok"));

  c->stepForward();
  c->seekTime(cs::ms(300));
  c->setSpeed(10.0);
  c->play();
  QTRY_VERIFY_WITH_TIMEOUT(c->now() >= cs::ms(320), 3000);
  c->pause();
  c->setNodePosition(0, QPointF(-150, -40));
  EXPECT_EQ(view->variantSampleCount(), before) << "plain ticks, seeks and moves must not replay the comparison";

  c->injectFault({cs::FaultKind::Crash, 1, cs::kNoNode, {}, {}});  // crash R2
  EXPECT_EQ(view->variantSampleCount(), before + 1);
  const QList<QPointF> crashed = view->variantSeries(QStringLiteral("ops_ok"));
  EXPECT_NE(crashed, original);
  EXPECT_EQ(linesDrawn(*view, Qt::CustomDashLine), view->shownMetrics().size());

  // The injected fault ("after event N" in this run) hits the comparison at the same virtual time.
  auto replay = c->makeRun();
  replay->run();
  cs::Time crashedAt = -1;
  for (const cs::TraceEvent& ev : replay->sim().trace())
    if (ev.kind == cs::TraceKind::Fault && ev.value == static_cast<std::int64_t>(c->scenario().faults.size()) - 1) crashedAt = ev.time;
  ASSERT_GE(crashedAt, 0);
  cs::Scenario ap = withParam(c->scenario(), "mode", "ap");
  ap.faults.back().trigger = cs::FaultTrigger{};
  ap.faults.back().trigger.kind = cs::TriggerKind::AtTime;
  ap.faults.back().trigger.time = crashedAt;
  EXPECT_EQ(crashed.back().y(), static_cast<double>(finalMetric(ap, "ops_ok")));

  c->stepForward();
  EXPECT_EQ(view->variantSampleCount(), before + 1);
  c->undoStack()->undo();
  EXPECT_EQ(view->variantSampleCount(), before + 2);
  EXPECT_EQ(view->variantSeries(QStringLiteral("ops_ok")), original);
}

TEST(MetricsChart, LessonComparisonsShowWhatTheCountermeasureChanges) {
  {  // fencing on vs off: conflicting writes only without it (both may believe they are primary)
    auto [c, view] = show("primary-backup-fencing.json");
    ASSERT_EQ(view->compareVariants(), QStringList{QStringLiteral("fencing=off")});
    view->setCompareVariant(QStringLiteral("fencing=off"));
    view->setShownMetrics({QStringLiteral("primaries_max"), QStringLiteral("conflicting_writes")});
    EXPECT_EQ(view->sampledSeries(QStringLiteral("conflicting_writes")).back().y(), 0.0);
    const double unfenced = view->variantSeries(QStringLiteral("conflicting_writes")).back().y();
    EXPECT_EQ(unfenced, static_cast<double>(finalMetric(withParam(c->scenario(), "fencing", false), "conflicting_writes")));
    EXPECT_GT(unfenced, 0.0) << "without fencing both sides of the cut accept writes";
  }
  {  // a semantic lock vs none: no dirty read with the lock
    auto [c, view] = show("saga-orchestration-isolation-dirty-read.json");
    ASSERT_TRUE(view->compareVariants().contains(QStringLiteral("countermeasure=semantic_lock")));
    view->setCompareVariant(QStringLiteral("countermeasure=semantic_lock"));
    EXPECT_GT(view->sampledSeries(QStringLiteral("dirty_reads")).back().y(), 0.0);
    EXPECT_EQ(view->variantSeries(QStringLiteral("dirty_reads")).back().y(), 0.0);
  }
  {  // PACELC: the quorum presets other than the current one
    auto [c, view] = show("cap-register-pacelc-strict.json");  // 5 replicas, R = W = 4
    EXPECT_EQ(view->compareVariants(), (QStringList{"mode=ap", "quorum=1", "quorum=majority", "quorum=all"}));
    view->setCompareVariant(QStringLiteral("quorum=1"));
    const cs::Scenario fast = withParam(withParam(c->scenario(), "read_quorum", 1), "write_quorum", 1);
    EXPECT_EQ(view->variantSeries(QStringLiteral("ops_ok")).back().y(), static_cast<double>(finalMetric(fast, "ops_ok")));
  }
}

TEST(MetricsChart, ComparisonsAreOfferedOnlyWhereTheyValidateAndFollowTheProjector) {
  LabController c;
  MetricsChartView view(&c);
  view.resize(900, 420);
  view.show();
  auto* combo = view.findChild<QComboBox*>();
  ASSERT_NE(combo, nullptr);
  const QStringList files = QDir(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios")).entryList({"*.json"}, QDir::Files);
  for (const QString& f : files) {
    QString error;
    ASSERT_TRUE(c.openScenario(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/") + f, &error)) << error.toStdString();
    SCOPED_TRACE(f.toStdString());
    EXPECT_EQ(combo->count(), view.compareVariants().size() + 1);
    EXPECT_EQ(combo->isEnabled(), !view.compareVariants().isEmpty());
    for (int i = 0; i < combo->count(); ++i) EXPECT_FALSE(combo->itemText(i).isEmpty()) << i;
    for (const CompareVariants::Variant& v : CompareVariants::forScenario(c.scenario())) {
      cs::Diagnostics errors;
      EXPECT_TRUE(cs::Simulation::create(CompareVariants::withFaults(v, c.scenario(), {}), errors)) << v.id;
      EXPECT_NE(v.scenario.params, c.scenario().params) << v.id;
    }
  }
  for (const char* p : {"cap-register", "primary-backup", "saga-orchestration", "2pc", "3pc", "tcc", "outbox", "dual-write"}) {
    bool seen = false;
    for (const QString& f : files) seen = seen || f.startsWith(QLatin1String(p));
    EXPECT_TRUE(seen) << p;
  }

  // Projector: thick dashed lines of the projector's colours.
  QString error;
  ASSERT_TRUE(c.openScenario(scenarioPath("cap-register-cp-partition.json"), &error));
  view.setCompareVariant(QStringLiteral("mode=ap"));
  view.setProjectorMode(true);
  int dashed = 0;
  for (QAbstractSeries* a : view.chart()->series())
    if (auto* l = qobject_cast<QLineSeries*>(a); l && l->pen().style() == Qt::CustomDashLine) {
      ++dashed;
      EXPECT_GE(l->pen().widthF(), 4.0);
    }
  EXPECT_EQ(dashed, view.shownMetrics().size());
  view.setProjectorMode(false);
}

TEST(MetricsChart, AComparisonChosenWhileHiddenIsSampledWhenShown) {
  auto [c, view] = show("cap-register-cp-partition.json");
  view->setCompareVariant(QStringLiteral("mode=ap"));
  view->hide();
  view->setCompareVariant(QString());
  c->injectFault({cs::FaultKind::Crash, 1, cs::kNoNode, {}, {}});  // the cache is dropped, nothing replayed
  view->setCompareVariant(QStringLiteral("mode=ap"));
  EXPECT_EQ(view->variantSampleCount(), 1) << "hidden: no replay";
  EXPECT_EQ(linesDrawn(*view, Qt::CustomDashLine), 0);
  view->show();
  EXPECT_EQ(view->variantSampleCount(), 2);
  EXPECT_EQ(linesDrawn(*view, Qt::CustomDashLine), view->shownMetrics().size());
  EXPECT_TRUE(view->pickerValueText(QStringLiteral("ops_ok")).contains(QStringLiteral(" · AP ")));
}

// The sampler is a pure function of a run (no widget): the chart and a "Compare with" variant sample
// the same way, and the last sample of each series is the run's figure at the end.
TEST(MetricsSampler, SamplesARunWithoutAWidget) {
  LabController c;
  QString error;
  ASSERT_TRUE(c.openScenario(QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/2pc-workload.json"), &error))
      << error.toStdString();
  auto run = c.makeRun();
  ASSERT_NE(run, nullptr);
  std::vector<metrics_sampler::Track> tracks;
  std::vector<double> times;
  metrics_sampler::sampleRun(*run, c.endTime(), 10, tracks, true, 32, &times);
  ASSERT_EQ(times.size(), 11u);
  EXPECT_EQ(times.front(), 0.0);
  EXPECT_DOUBLE_EQ(times.back(), static_cast<double>(c.endTime()) / 1000.0);
  ASSERT_FALSE(tracks.empty());
  const metrics_sampler::Figures end = metrics_sampler::figuresOf(*run);
  for (const auto& t : tracks) {
    ASSERT_EQ(t.values.size(), 11u) << t.key;
    const auto it = std::find_if(end.begin(), end.end(), [&](const auto& f) { return f.first == t.key; });
    ASSERT_NE(it, end.end()) << t.key;
    EXPECT_DOUBLE_EQ(t.values.back(), it->second) << t.key;
  }
  const auto committed = std::find_if(tracks.begin(), tracks.end(), [](const auto& t) { return t.key == "txns_committed"; });
  ASSERT_NE(committed, tracks.end());
  EXPECT_EQ(committed->values.front(), 0.0);
  EXPECT_GT(committed->values.back(), 0.0);
  // A sum/count pair is one average series, never the raw pair.
  for (const auto& t : tracks) EXPECT_EQ(t.key.find("_latency_count"), std::string::npos);
}

// After a language switch the metric names, and so the picker beside the plot, change width: the
// time axis must again hold only as many labels as fit side by side, each whole and on one line.
TEST(MetricsChart, TimeLabelsStayWholeAndOnOneLineAfterALanguageSwitch) {
  auto [c, view] = show("2pc-workload.json");
  view->resize(640, 300);
  QCoreApplication::processEvents();
  const auto timeLabels = [&view = view] {
    QList<QGraphicsTextItem*> out;
    const QRectF plot = view->chart()->mapRectToScene(view->chart()->plotArea());
    for (QGraphicsItem* item : view->chart()->scene()->items()) {
      auto* text = dynamic_cast<QGraphicsTextItem*>(item);
      if (!text || !text->isVisible() || text->sceneBoundingRect().top() < plot.bottom() - 1) continue;
      if (text->toPlainText() == view->timeAxisTitle()) continue;
      out << text;
    }
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->sceneBoundingRect().left() < b->sceneBoundingRect().left(); });
    return out;
  };
  for (const char* lang : {"zh_TW", "en", "zh_TW"}) {
    ASSERT_TRUE(language::apply(QString::fromLatin1(lang), false));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    for (int i = 0; i < 5; ++i) QCoreApplication::processEvents();
    const QList<QGraphicsTextItem*> labels = timeLabels();
    ASSERT_GE(labels.size(), 2) << lang;
    const qreal line = QFontMetricsF(view->chart()->axes(Qt::Horizontal).front()->labelsFont()).height();
    for (qsizetype i = 0; i < labels.size(); ++i) {
      const QString t = labels[i]->toPlainText();
      EXPECT_FALSE(t.contains(QChar(0x2026)) || t.contains(QLatin1String("..."))) << lang << " cut: " << t.toStdString();
      EXPECT_LT(labels[i]->boundingRect().height(), line * 1.6) << lang << " wrapped: " << t.toStdString();
      if (i > 0) {
        EXPECT_LE(labels[i - 1]->sceneBoundingRect().right(), labels[i]->sceneBoundingRect().left() + 1) << lang;
      }
    }
  }
  language::apply(QStringLiteral("en"), false);
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}
