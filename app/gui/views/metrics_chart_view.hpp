// The metrics chart (docked by the main window): the protocol's own figures (metrics()) over virtual
// time for the current run — answered vs refused requests and stale reads for the CP/AP register,
// commits, aborts and locks held for 2PC/3PC, compensations for sagas, lost and duplicated effects
// for the outbox. A checkable list on the right picks the metrics and doubles as the legend, with
// each metric's value at the current time.
//
// Data: a separate replay of the whole run [0, until] (LabController::makeRun(): same seed, same
// fault schedule) sampled at regular virtual times, cached until the schedule changes (a new
// scenario, an injected or undone fault, a new seed) — never recomputed on a plain tick. The lines
// are drawn up to "now" (where the timeline is), ending on the live run's exact value; the part of
// the run that has not happened yet is left blank and veiled, so a learner who is asked "what
// happens next?" is not told by the chart. The axes cover the whole run, so they do not jump while
// playing.
//
// "Compare with…" (a combo above the list): the same scenario with ONE design parameter changed
// (CompareVariants: CP vs AP, fencing on vs off, a semantic lock vs none, quorum sizes, timeouts),
// same seed and the same faults at the same virtual times, drawn for the same metrics as dashed lines
// of the same colours over the whole run (it is a reference, not the learner's run), with its value
// at "now" next to the run's own in the list ("12 · AP 30"). Cached per variant with the same rule
// as the run's own samples: dropped when the schedule changes, never recomputed on a tick.
#pragma once

#include <QHash>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>
#include <map>
#include <string>
#include <vector>

#include "compare_variants.hpp"
#include "metrics_sampler.hpp"
#include "sim/types.hpp"

class LabController;
class MetricsPlot;
class QChart;
class QComboBox;
class QLabel;
class QLineSeries;
class QTreeWidget;
class QTreeWidgetItem;
class QValueAxis;

namespace cs {
class Simulation;
}

class MetricsChartView : public QWidget {
  Q_OBJECT

 public:
  // Samples of the whole run. 200 intervals (201 points) are finer than a docked chart's pixels can
  // show (about 3-5 px apart at full-HD widths) and keep a re-sample to one replay plus 201 reads
  // of metrics(); the live value at "now" is added exactly, so nothing is lost between samples.
  static constexpr int kSampleIntervals = 200;
  // Metrics a protocol may offer: today's protocols report at most ~20 run-wide figures; the cap
  // keeps memory (keys x samples) and the picker's height bounded if a protocol reports many more.
  static constexpr int kMaxMetrics = 32;
  // Lines shown at once: more than six colours cannot be told apart on a projector (and the palette
  // has seven, so two shown lines never share one).
  static constexpr int kMaxShown = 6;
  // Fault markers drawn on the time axis (a long recorded session can hold many faults).
  static constexpr int kMaxFaultMarks = 50;

  explicit MetricsChartView(LabController* controller, QWidget* parent = nullptr);
  ~MetricsChartView() override;

  // ---- for tests and the main window ----
  // Metric keys the current protocol offers, in the protocol's order (at most kMaxMetrics).
  QStringList metricKeys() const;
  // Keys currently plotted, in the picker's order.
  QStringList shownMetrics() const;
  // Plots exactly these keys (unknown keys are ignored, at most kMaxShown).
  void setShownMetrics(const QStringList& keys);
  // Lesson highlights: these metrics are shown (added to the plotted ones) with a line twice as
  // thick and a bold picker row. Empty clears the emphasis (the lines stay).
  void setHighlightedMetrics(const QStringList& keys);
  QStringList highlightedMetrics() const { return highlighted_; }
  double seriesWidth(const QString& key) const;  // the pen width of a plotted line (0: not plotted)
  // The sampled values of `key` over the whole run: x in virtual ms, y in the metric's unit
  // (counts, or ms for durations). Samples first if the cache is stale.
  QList<QPointF> sampledSeries(const QString& key);
  // The points of `key` as drawn now (samples up to now, then the live value at now).
  QList<QPointF> drawnSeries(const QString& key) const;
  // How many times the whole run was re-sampled (the cache's misses).
  int sampleCount() const { return sample_runs_; }
  QString timeAxisTitle() const;
  QChart* chart() const;

  // ---- "Compare with…" ----
  // Ids of the variants offered for the current scenario (CompareVariants::Variant::id), in the
  // combo's order after "(nothing)".
  QStringList compareVariants() const;
  // The selected variant's id, or empty for "(nothing)".
  QString compareVariant() const;
  // Selects a variant by id through the combo (empty or unknown: "(nothing)").
  void setCompareVariant(const QString& id);
  // The selected variant's samples of `key` over the whole run (same times as sampledSeries()),
  // empty without a variant. Samples first if a cache is stale.
  QList<QPointF> variantSeries(const QString& key);
  // The dashed reference line of `key` as drawn now (empty if none).
  QList<QPointF> drawnVariantSeries(const QString& key) const;
  // How many times a variant run was sampled (its cache's misses).
  int variantSampleCount() const { return variant_runs_; }
  // The value column of `key` in the list as shown now, e.g. "12 · AP 30".
  QString pickerValueText(const QString& key) const;

 public slots:
  void rebuild();  // a new scenario: new metric list, the protocol's default selection
  void refresh();  // the run moved: re-sample only if the schedule changed, then redraw
  void setProjectorMode(bool on);

 protected:
  void changeEvent(QEvent* e) override;
  void showEvent(QShowEvent* e) override;
  void resizeEvent(QResizeEvent* e) override;

 private:
  using Track = metrics_sampler::Track;

  void onDocumentChanged();
  std::string scheduleKey() const;
  void ensureSamples();
  void sample();
  void noteFault(const cs::TraceEvent& ev);  // a fault of the sampled run, as it fires
  QString hintText() const;
  bool compared(const std::string& key) const;  // shown with a dashed reference
  void rebuildPicker();
  void retranslateUi();
  void applyStyle();
  void updateAxes();
  void updateLines();
  void updatePickerValues();
  void updatePickerWidth();
  void onItemChanged(QTreeWidgetItem* item);
  void rebuildCompare();
  void onCompareChanged();
  void ensureVariant();
  const std::vector<Track>* variantTracks() const;
  const CompareVariants::Variant* currentVariant() const;
  int variantTrackIndex(const std::string& key) const;
  void syncVariantSeries();
  void attach(QLineSeries* series, const std::string& key);
  int trackIndex(const std::string& key) const;
  QColor colorFor(const std::string& key) const;

  LabController* controller_;
  MetricsPlot* plot_;
  QTreeWidget* picker_;
  QLabel* hint_;
  QLabel* compare_label_;
  QComboBox* compare_;
  QValueAxis* time_axis_;
  QValueAxis* count_axis_;
  QValueAxis* ms_axis_;

  // The cache: the schedule it was sampled for, the sample times (ms) and one track per metric.
  std::string sampled_for_;
  bool stale_ = true;
  bool picker_stale_ = true;  // a new scenario: rebuild the picker on the next visible refresh
  int sample_runs_ = 0;
  std::string protocol_;
  std::vector<double> times_ms_;
  std::vector<Track> tracks_;
  std::vector<double> fault_ms_;
  std::vector<cs::Time> fault_fired_at_;  // per fault of the schedule: when it fired (-1: never)

  // "Compare with…": the variants offered for the current params, the selected one, and the samples
  // of each variant sampled since the schedule last changed (tracks aligned with times_ms_).
  std::string variants_for_;  // protocol + params the list was built for
  std::vector<CompareVariants::Variant> variants_;
  std::string variant_id_;  // selected, or empty
  std::map<std::string, std::vector<Track>> variant_cache_;
  int variant_runs_ = 0;
  bool updating_compare_ = false;

  // What is shown: the keys (picker order) with their line and colour slot (stable while shown).
  struct Shown {
    std::string key;
    QLineSeries* series = nullptr;
    QLineSeries* reference = nullptr;  // the variant's dashed line, if a variant is selected
    int colour = 0;
  };
  std::vector<Shown> shown_;
  QStringList highlighted_;  // metrics a lesson points at
  QHash<QString, QStringList> chosen_by_protocol_;  // the learner's picks, per protocol, this session
  bool projector_ = false;
  bool updating_picker_ = false;
};
