#include "metrics_chart_view.hpp"

#include "language.hpp"

#include <QAbstractItemView>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QScopedValueRollback>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <unordered_map>
#include <utility>

#include "lab_controller.hpp"
#include "metric_text.hpp"
#include "metrics_sampler.hpp"
#include "palette.hpp"
#include "scenario/loader.hpp"

namespace {

using metrics_sampler::Figures;
using metrics_sampler::figuresOf;

// A tick step of 1, 2 or 5 times a power of ten giving at most `ticks` intervals over `span`.
double niceStep(double span, int ticks, bool integer) {
  if (span <= 0) return 1.0;
  const double raw = span / std::max(1, ticks);
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag * 10;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw - 1e-12) {
      step = m * mag;
      break;
    }
  return integer ? std::max(1.0, std::round(step)) : step;
}

// Range [0, top] with a tick every `step`. Qt Charts lays out ticks as soon as either changes, so a
// dynamic-tick axis given a large range while it still has a small interval (or the reverse) briefly
// creates one label item per tick - hundreds of thousands for a long run. Fixed ticks in between.
void setAxis(QValueAxis* a, double top, double step) {
  a->setTickType(QValueAxis::TicksFixed);
  a->setTickCount(2);
  a->setRange(0, top);
  a->setTickInterval(step);
  a->setTickType(QValueAxis::TicksDynamic);
}

// Okabe-Ito hues (colour-blind safe), darker in projector mode like the rest of the palette; the
// order matches MetricText::Tone so that a metric gets its tone's colour when it is free.
struct Hue {
  QRgb normal;
  QRgb projector;
};
constexpr Hue kHues[] = {
    {0xFF009E73, 0xFF00704F},  // Good: green
    {0xFFD55E00, 0xFFB34700},  // Bad: vermillion
    {0xFFE69F00, 0xFFB36B00},  // Anomaly: orange
    {0xFFCC79A7, 0xFF9C3D78},  // Level: reddish purple
    {0xFF0072B2, 0xFF00508A},  // Duration: blue
    {0xFF56B4E9, 0xFF1F78B4},  // Neutral: sky blue
    {0xFF5F6773, 0xFF202020},  // spare: slate
};
constexpr int kHueCount = static_cast<int>(std::size(kHues));
static_assert(kHueCount >= MetricsChartView::kMaxShown, "every shown line needs its own colour");

QColor hue(int slot, bool projector) {
  const Hue& h = kHues[std::clamp(slot, 0, kHueCount - 1)];
  return QColor::fromRgba(projector ? h.projector : h.normal);
}

// The comparison's line: the same colour, dashed (long dashes with flat ends, so the gaps stay open
// at projector widths).
QPen referencePen(const QColor& colour, double width) {
  QPen pen(colour, width, Qt::CustomDashLine, Qt::FlatCap, Qt::RoundJoin);
  pen.setDashPattern({3.0, 2.0});
  return pen;
}

}  // namespace

// The chart plus what Qt Charts does not draw: the "now" line, the veil over the future, fault
// markers on the time axis and the empty-state sentence. Painted over the chart so that none of
// it is a series (it never enters the axes' ranges or the picker).
class MetricsPlot final : public QChartView {
 public:
  MetricsPlot(QChart* chart, QWidget* parent) : QChartView(chart, parent) {
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
  }

  void setTimeRange(double from, double to) { from_ = from, to_ = to; }
  void setNow(double ms) {
    if (ms == now_) return;
    now_ = ms;
    viewport()->update();
  }
  void setFaults(std::vector<double> ms) { faults_ = std::move(ms); }
  void setTexts(QString now, QString empty) {
    now_text_ = std::move(now);
    empty_text_ = std::move(empty);
    viewport()->update();
  }
  void setProjector(bool on) { projector_ = on; }
  // Called when the plot's width changes, also when only the picker beside it changed width (a
  // language switch renames the metrics): the number of time labels that fit depends on it.
  std::function<void()> onResized;
  void setEmpty(bool empty) {
    if (empty == empty_) return;
    empty_ = empty;
    viewport()->update();
  }

 protected:
  void resizeEvent(QResizeEvent* e) override {
    QChartView::resizeEvent(e);
    if (onResized && e->oldSize().width() != e->size().width()) onResized();
  }
  void drawForeground(QPainter* p, const QRectF& rect) override {
    QChartView::drawForeground(p, rect);
    const palette::Scheme& s = palette::scheme(projector_);
    const QRectF area = chart()->mapRectToScene(chart()->plotArea());
    if (area.width() <= 1 || to_ <= from_) return;
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const auto xOf = [&](double ms) { return area.left() + (std::clamp(ms, from_, to_) - from_) / (to_ - from_) * area.width(); };
    const double x = xOf(now_);

    // The future: not drawn, and veiled so that "nothing yet" does not read as "zero".
    if (x < area.right() - 0.5) {
      QColor veil = s.lane;
      veil.setAlpha(projector_ ? 170 : 150);
      p->fillRect(QRectF(QPointF(x, area.top()), area.bottomRight()), veil);
    }

    // Faults: a dotted line and a small red triangle hanging from the top edge.
    QColor cut = s.cut;
    cut.setAlpha(projector_ ? 200 : 150);
    const double tri = projector_ ? 7.0 : 5.0;
    for (double f : faults_) {
      const double fx = xOf(f);
      p->setPen(QPen(cut, projector_ ? 2.0 : 1.2, Qt::DotLine, Qt::FlatCap));
      p->drawLine(QPointF(fx, area.top()), QPointF(fx, area.bottom()));
      QPainterPath t;
      t.moveTo(fx - tri, area.top());
      t.lineTo(fx + tri, area.top());
      t.lineTo(fx, area.top() + tri * 1.3);
      t.closeSubpath();
      p->fillPath(t, s.cut);
    }

    // Now: a solid line and a label tab at the top.
    p->setPen(QPen(s.now, projector_ ? 4.0 : 2.0, Qt::SolidLine, Qt::FlatCap));
    p->drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    if (!now_text_.isEmpty()) {
      QFont f = font();
      f.setBold(true);
      f.setPointSizeF(f.pointSizeF() * 0.85);
      p->setFont(f);
      const QFontMetricsF fm(f);
      const double pad = projector_ ? 6 : 4;
      const QSizeF box(fm.horizontalAdvance(now_text_) + 2 * pad, fm.height() + pad);
      const double left = x + box.width() + 2 <= area.right() ? x + 1 : x - box.width() - 1;
      const QRectF tab(QPointF(left, area.top() + tri * 1.6), box);
      QPainterPath r;
      r.addRoundedRect(tab, 3, 3);
      p->fillPath(r, s.now);
      p->setPen(Qt::white);
      p->drawText(tab, Qt::AlignCenter, now_text_);
    }

    if (empty_ && !empty_text_.isEmpty()) {
      p->setPen(s.mutedInk);
      p->setFont(font());
      p->drawText(area.adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, empty_text_);
    }
    p->restore();
  }

 private:
  double from_ = 0, to_ = 1, now_ = 0;
  std::vector<double> faults_;
  QString now_text_, empty_text_;
  bool projector_ = false;
  bool empty_ = false;
};

// ---------------------------------------------------------------------------------------------

MetricsChartView::MetricsChartView(LabController* controller, QWidget* parent) : QWidget(parent), controller_(controller) {
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);  // lines follow the timeline; animation would lag it
  chart->legend()->hide();                          // the picker on the right is the legend
  chart->setBackgroundRoundness(0);
  chart->setDropShadowEnabled(false);
  chart->layout()->setContentsMargins(0, 0, 0, 0);

  time_axis_ = new QValueAxis(chart);
  count_axis_ = new QValueAxis(chart);
  ms_axis_ = new QValueAxis(chart);
  for (QValueAxis* a : {time_axis_, count_axis_, ms_axis_}) {
    a->setTickAnchor(0);
    a->setMinorTickCount(0);
  }
  time_axis_->setLabelFormat(QStringLiteral("%d"));
  count_axis_->setLabelFormat(QStringLiteral("%d"));
  chart->addAxis(time_axis_, Qt::AlignBottom);
  chart->addAxis(count_axis_, Qt::AlignLeft);
  chart->addAxis(ms_axis_, Qt::AlignRight);
  ms_axis_->setGridLineVisible(false);  // one grid (the counts') is enough to read both

  plot_ = new MetricsPlot(chart, this);
  plot_->setMinimumSize(260, 180);
  plot_->onResized = [this] { updateAxes(); };

  picker_ = new QTreeWidget(this);
  picker_->setColumnCount(2);
  picker_->setHeaderHidden(true);
  picker_->setRootIsDecorated(false);
  picker_->setUniformRowHeights(true);
  picker_->setSelectionMode(QAbstractItemView::NoSelection);
  picker_->setFocusPolicy(Qt::StrongFocus);
  picker_->header()->setStretchLastSection(false);
  picker_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  picker_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  connect(picker_, &QTreeWidget::itemChanged, this, &MetricsChartView::onItemChanged);

  hint_ = new QLabel(this);
  hint_->setWordWrap(true);

  // "Compare with…": above the list, which is the legend of both the solid and the dashed lines.
  compare_label_ = new QLabel(this);
  compare_ = new QComboBox(this);
  compare_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  compare_->setMinimumContentsLength(8);  // the side column's width decides, not the longest label
  compare_label_->setBuddy(compare_);
  connect(compare_, &QComboBox::currentIndexChanged, this, &MetricsChartView::onCompareChanged);

  auto* side = new QVBoxLayout;
  side->setContentsMargins(0, 0, 0, 0);
  side->setSpacing(4);
  side->addWidget(compare_label_);
  side->addWidget(compare_);
  side->addSpacing(2);
  side->addWidget(picker_, 1);
  side->addWidget(hint_);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(6);
  layout->addWidget(plot_, 1);
  layout->addLayout(side);

  connect(controller_, &LabController::scenarioChanged, this, &MetricsChartView::rebuild);
  connect(controller_, &LabController::documentChanged, this, &MetricsChartView::onDocumentChanged);
  connect(controller_, &LabController::runChanged, this, &MetricsChartView::refresh);

  applyStyle();
  retranslateUi();
  rebuild();
}

MetricsChartView::~MetricsChartView() = default;

QChart* MetricsChartView::chart() const { return plot_->chart(); }
QString MetricsChartView::timeAxisTitle() const { return time_axis_->titleText(); }

// ---- the cache ----

std::string MetricsChartView::scheduleKey() const {
  // Everything that changes what the run does (protocol, params, network, seed, until, faults) and
  // nothing that does not (title, description, node positions).
  cs::Scenario s = controller_->scenario();
  s.file.clear();
  s.title.clear();
  s.description.clear();
  s.title_zh.clear();
  s.description_zh.clear();
  s.layout.clear();
  return cs::scenario_to_text(s, controller_->simulation().protocol());
}

void MetricsChartView::onDocumentChanged() {
  if (stale_ || scheduleKey() == sampled_for_) return;  // a save, a rename, a node moved: same run
  stale_ = true;
  variant_cache_.clear();  // sampled against the old schedule (even while hidden, never drawn again)
  refresh();
}

void MetricsChartView::ensureSamples() {
  if (!stale_ && scheduleKey() == sampled_for_) return;
  sample();
}

void MetricsChartView::sample() {
  ++sample_runs_;
  stale_ = false;
  sampled_for_ = scheduleKey();
  protocol_ = controller_->scenario().protocol;
  times_ms_.clear();
  tracks_.clear();
  fault_ms_.clear();
  variant_cache_.clear();  // the same rule for the comparison: sampled against this schedule only
  fault_fired_at_.assign(controller_->scenario().faults.size(), -1);
  rebuildCompare();
  // A run that keeps no history (a long run's trace is not kept whole): its faults are watched as
  // they happen.
  auto run = controller_->makeLeanRun();
  if (!run) return;
  struct FaultWatch : cs::TraceObserver {
    MetricsChartView& view;
    explicit FaultWatch(MetricsChartView& v) : view(v) {}
    std::uint32_t kinds() const override { return cs::trace_kind_bit(cs::TraceKind::Fault); }
    void observe(const cs::TraceEvent& ev) override { view.noteFault(ev); }
  } watch(*this);
  run->sim().add_observer(&watch);
  metrics_sampler::sampleRun(*run, controller_->endTime(), kSampleIntervals, tracks_, true, kMaxMetrics, &times_ms_);
  plot_->setFaults(fault_ms_);
}

void MetricsChartView::noteFault(const cs::TraceEvent& ev) {
  if (ev.value >= 0 && static_cast<std::size_t>(ev.value) < fault_fired_at_.size() && fault_fired_at_[static_cast<std::size_t>(ev.value)] < 0)
    fault_fired_at_[static_cast<std::size_t>(ev.value)] = ev.time;
  const double ms = static_cast<double>(ev.time) / 1000.0;
  if (!fault_ms_.empty() && fault_ms_.back() == ms) return;  // one marker per instant
  if (static_cast<int>(fault_ms_.size()) >= kMaxFaultMarks) return;
  fault_ms_.push_back(ms);
}

// ---- "Compare with…" ----

void MetricsChartView::rebuildCompare() {
  const cs::Scenario& s = controller_->scenario();
  std::string key = s.protocol + '\n' + s.params.dump();
  if (key == variants_for_) return;
  variants_for_ = std::move(key);
  variants_ = CompareVariants::forScenario(s);
  variant_cache_.clear();
  // The same comparison carries over to another example of the protocol when it still applies there.
  if (!currentVariant()) variant_id_.clear();
  const QScopedValueRollback<bool> quiet(updating_compare_, true);
  compare_->clear();
  compare_->addItem(QString(), QString());  // "(nothing)": retranslateUi() names it
  for (const CompareVariants::Variant& v : variants_) compare_->addItem(v.labelText(), QString::fromStdString(v.id));
  compare_->setCurrentIndex(std::max(0, compare_->findData(QString::fromStdString(variant_id_))));
  compare_->setEnabled(!variants_.empty());
  retranslateUi();
}

void MetricsChartView::onCompareChanged() {
  if (updating_compare_) return;
  const std::string id = compare_->currentData().toString().toStdString();
  if (id == variant_id_) return;
  variant_id_ = id;
  retranslateUi();  // the hint names the dashed lines
  if (isVisible()) ensureVariant();  // hidden: no replay; refresh() on show samples and draws it
  syncVariantSeries();
  applyStyle();
  updateAxes();
  updatePickerValues();
}

const CompareVariants::Variant* MetricsChartView::currentVariant() const {
  if (variant_id_.empty()) return nullptr;
  for (const CompareVariants::Variant& v : variants_)
    if (v.id == variant_id_) return &v;
  return nullptr;
}

void MetricsChartView::ensureVariant() {
  ensureSamples();
  const CompareVariants::Variant* v = currentVariant();
  if (!v || variant_cache_.count(v->id) != 0) return;
  ++variant_runs_;
  std::vector<Track> tracks;
  for (const Track& t : tracks_) tracks.push_back({t.key, {}});  // the run's metrics, in its order
  cs::Diagnostics errors;
  auto run = cs::Simulation::create(CompareVariants::withFaults(*v, controller_->scenario(), fault_fired_at_), errors,
                                    controller_->runLimits());
  if (run) metrics_sampler::sampleRun(*run, controller_->endTime(), kSampleIntervals, tracks, false, kMaxMetrics, nullptr);
  else tracks.clear();
  variant_cache_[v->id] = std::move(tracks);
}

const std::vector<MetricsChartView::Track>* MetricsChartView::variantTracks() const {
  const CompareVariants::Variant* v = currentVariant();
  if (!v) return nullptr;
  const auto it = variant_cache_.find(v->id);
  return it == variant_cache_.end() ? nullptr : &it->second;
}

int MetricsChartView::variantTrackIndex(const std::string& key) const {
  const std::vector<Track>* vt = variantTracks();
  if (!vt) return -1;
  for (std::size_t i = 0; i < vt->size(); ++i)
    if ((*vt)[i].key == key) return static_cast<int>(i);
  return -1;
}

void MetricsChartView::attach(QLineSeries* series, const std::string& key) {
  chart()->addSeries(series);
  series->attachAxis(time_axis_);
  series->attachAxis(MetricText::isDuration(key) ? ms_axis_ : count_axis_);
}

void MetricsChartView::syncVariantSeries() {
  QChart* c = chart();
  const std::vector<Track>* vt = variantTracks();
  bool added = false;
  for (Shown& s : shown_) {
    const bool want = vt && variantTrackIndex(s.key) >= 0;
    if (want && !s.reference) {
      s.reference = new QLineSeries;
      added = true;
    } else if (!want && s.reference) {
      c->removeSeries(s.reference);
      delete s.reference;
      s.reference = nullptr;
    }
  }
  if (added) {
    // Qt Charts paints series in the order they were added: the references first, so that the run's
    // own lines stay on top where they cross.
    for (Shown& s : shown_) {
      c->removeSeries(s.series);
      if (s.reference && s.reference->chart()) c->removeSeries(s.reference);
    }
    for (Shown& s : shown_)
      if (s.reference) attach(s.reference, s.key);
    for (Shown& s : shown_) attach(s.series, s.key);
  }
  for (Shown& s : shown_) {
    if (!s.reference) continue;
    const Track& t = (*vt)[static_cast<std::size_t>(variantTrackIndex(s.key))];
    QList<QPointF> pts;
    pts.reserve(static_cast<qsizetype>(times_ms_.size()));
    for (std::size_t j = 0; j < times_ms_.size() && j < t.values.size(); ++j) pts << QPointF(times_ms_[j], t.values[j]);
    s.reference->replace(pts);
    s.reference->setName(MetricText::label(s.key, projector_));
  }
}

QStringList MetricsChartView::compareVariants() const {
  QStringList out;
  for (const CompareVariants::Variant& v : variants_) out << QString::fromStdString(v.id);
  return out;
}

QString MetricsChartView::compareVariant() const { return QString::fromStdString(variant_id_); }

void MetricsChartView::setCompareVariant(const QString& id) { compare_->setCurrentIndex(std::max(0, id.isEmpty() ? 0 : compare_->findData(id))); }

QList<QPointF> MetricsChartView::variantSeries(const QString& key) {
  ensureVariant();
  QList<QPointF> out;
  const int i = variantTrackIndex(key.toStdString());
  if (i < 0) return out;
  const Track& t = (*variantTracks())[static_cast<std::size_t>(i)];
  for (std::size_t j = 0; j < times_ms_.size() && j < t.values.size(); ++j) out << QPointF(times_ms_[j], t.values[j]);
  return out;
}

QList<QPointF> MetricsChartView::drawnVariantSeries(const QString& key) const {
  for (const Shown& s : shown_)
    if (s.key == key.toStdString()) return s.reference ? s.reference->points() : QList<QPointF>{};
  return {};
}

QString MetricsChartView::pickerValueText(const QString& key) const {
  for (int i = 0; i < picker_->topLevelItemCount(); ++i)
    if (picker_->topLevelItem(i)->data(0, Qt::UserRole).toString() == key) return picker_->topLevelItem(i)->text(1);
  return {};
}

int MetricsChartView::trackIndex(const std::string& key) const {
  for (std::size_t i = 0; i < tracks_.size(); ++i)
    if (tracks_[i].key == key) return static_cast<int>(i);
  return -1;
}

QStringList MetricsChartView::metricKeys() const {
  QStringList out;
  for (const Track& t : tracks_) out << QString::fromStdString(t.key);
  return out;
}

QStringList MetricsChartView::shownMetrics() const {
  QStringList out;
  for (const Shown& s : shown_) out << QString::fromStdString(s.key);
  return out;
}

QList<QPointF> MetricsChartView::sampledSeries(const QString& key) {
  ensureSamples();
  QList<QPointF> out;
  const int i = trackIndex(key.toStdString());
  if (i < 0) return out;
  for (std::size_t j = 0; j < times_ms_.size(); ++j) out << QPointF(times_ms_[j], tracks_[static_cast<std::size_t>(i)].values[j]);
  return out;
}

QList<QPointF> MetricsChartView::drawnSeries(const QString& key) const {
  for (const Shown& s : shown_)
    if (s.key == key.toStdString()) return s.series->points();
  return {};
}

// ---- selection ----

void MetricsChartView::rebuild() {
  stale_ = true;
  picker_stale_ = true;
  refresh();
}

void MetricsChartView::rebuildPicker() {
  const QString protocol = QString::fromStdString(protocol_);
  QStringList wanted = chosen_by_protocol_.value(protocol);
  if (!chosen_by_protocol_.contains(protocol)) {
    for (std::string_view k : MetricText::defaults(protocol_)) wanted << QString::fromUtf8(k.data(), static_cast<qsizetype>(k.size()));
    wanted.erase(std::remove_if(wanted.begin(), wanted.end(), [&](const QString& k) { return trackIndex(k.toStdString()) < 0; }), wanted.end());
    for (const Track& t : tracks_) {  // unknown protocol (or defaults it lacks): its first metrics
      if (wanted.size() >= 3) break;
      if (!wanted.contains(QString::fromStdString(t.key))) wanted << QString::fromStdString(t.key);
    }
  }
  updating_picker_ = true;
  picker_->clear();
  for (const Track& t : tracks_) {
    auto* item = new QTreeWidgetItem(picker_);
    item->setData(0, Qt::UserRole, QString::fromStdString(t.key));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(0, Qt::Unchecked);
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
  }
  updating_picker_ = false;
  retranslateUi();
  setShownMetrics(wanted);
}

void MetricsChartView::setHighlightedMetrics(const QStringList& keys) {
  if (keys == highlighted_) return;
  highlighted_ = keys;
  // A highlighted series is on the chart, whatever was shown before.
  QStringList shown = shownMetrics();
  for (const QString& k : keys)
    if (!shown.contains(k)) shown << k;
  if (shown != shownMetrics()) setShownMetrics(shown);
  applyStyle();
}

double MetricsChartView::seriesWidth(const QString& key) const {
  for (const Shown& sh : shown_)
    if (QString::fromStdString(sh.key) == key) return sh.series->pen().widthF();
  return 0;
}

void MetricsChartView::setShownMetrics(const QStringList& keys) {
  QStringList want;
  for (const Track& t : tracks_)  // picker order, bounded
    if (keys.contains(QString::fromStdString(t.key)) && want.size() < kMaxShown) want << QString::fromStdString(t.key);

  QChart* c = chart();
  // Drop the lines no longer wanted; keep the others (and their colours).
  for (auto it = shown_.begin(); it != shown_.end();) {
    if (!want.contains(QString::fromStdString(it->key))) {
      c->removeSeries(it->series);
      delete it->series;
      if (it->reference) {
        c->removeSeries(it->reference);
        delete it->reference;
      }
      it = shown_.erase(it);
    } else {
      ++it;
    }
  }
  std::vector<Shown> next;
  for (const QString& k : want) {
    const std::string key = k.toStdString();
    auto found = std::find_if(shown_.begin(), shown_.end(), [&](const Shown& s) { return s.key == key; });
    if (found != shown_.end()) {
      next.push_back(*found);
      continue;
    }
    bool used[kHueCount] = {};
    for (const Shown& s : shown_) used[s.colour] = true;
    for (const Shown& s : next) used[s.colour] = true;
    int slot = static_cast<int>(MetricText::tone(key));
    if (used[slot]) slot = static_cast<int>(std::find(std::begin(used), std::end(used), false) - std::begin(used));
    auto* series = new QLineSeries;
    series->setName(MetricText::label(key, projector_));
    c->addSeries(series);
    series->attachAxis(time_axis_);
    series->attachAxis(MetricText::isDuration(key) ? ms_axis_ : count_axis_);
    next.push_back({key, series, nullptr, slot});
  }
  shown_ = std::move(next);
  chosen_by_protocol_[QString::fromStdString(protocol_)] = want;

  updating_picker_ = true;
  for (int i = 0; i < picker_->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = picker_->topLevelItem(i);
    item->setCheckState(0, want.contains(item->data(0, Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
  }
  updating_picker_ = false;
  syncVariantSeries();  // the dashed references of the new lines
  applyStyle();         // pens and swatches of the new lines
  updateAxes();
  updateLines();
  updatePickerValues();
}

void MetricsChartView::onItemChanged(QTreeWidgetItem* item) {
  if (updating_picker_) return;
  QStringList keys = shownMetrics();
  const QString key = item->data(0, Qt::UserRole).toString();
  const bool checked = item->checkState(0) == Qt::Checked;
  if (checked == keys.contains(key)) return;  // a text or icon change, not a tick
  if (checked) {
    if (keys.size() >= kMaxShown) {  // refused: say why, next to the list
      updating_picker_ = true;
      item->setCheckState(0, Qt::Unchecked);
      updating_picker_ = false;
      hint_->setText(tr("At most %n metrics at once: untick one first.", nullptr, kMaxShown));
      return;
    }
    keys << key;
  } else {
    keys.removeAll(key);
  }
  retranslateUi();  // resets the hint
  setShownMetrics(keys);
}

QColor MetricsChartView::colorFor(const std::string& key) const {
  for (const Shown& s : shown_)
    if (s.key == key) return hue(s.colour, projector_);
  return {};
}

// ---- drawing ----

void MetricsChartView::refresh() {
  if (!isVisible()) return;  // hidden (dock closed): no replay, no redraw; showEvent catches up
  const int runs = sample_runs_ + variant_runs_;
  ensureSamples();
  ensureVariant();
  const bool resampled = sample_runs_ + variant_runs_ != runs;
  if (picker_stale_) {
    picker_stale_ = false;
    rebuildPicker();  // a new scenario: its metrics and their default selection (draws everything)
    return;
  }
  if (resampled) {  // the schedule changed: same metrics, new values and ranges
    syncVariantSeries();
    applyStyle();
    updateAxes();
  }
  updateLines();
  updatePickerValues();
}

void MetricsChartView::showEvent(QShowEvent* e) {
  QWidget::showEvent(e);
  refresh();
}

void MetricsChartView::updateAxes() {
  const double until = static_cast<double>(controller_->endTime()) / 1000.0;
  // As many time labels as fit side by side with room between them (a narrow chart at 1080p would
  // otherwise cut "2000" to "20…"); projector labels are larger, so there are fewer of them.
  const QFontMetricsF lm(time_axis_->labelsFont());
  const qreal labelW = lm.horizontalAdvance(QString::number(static_cast<long long>(std::max(1.0, until))) + QStringLiteral("0"));
  const qreal plotW = std::max<qreal>(1, plot_->width() - 6 * lm.height());  // minus the count and latency axes
  const int xTicks = std::clamp(static_cast<int>(plotW / (labelW * 1.4)), 2, projector_ ? 5 : 6);
  setAxis(time_axis_, std::max(1.0, until), niceStep(until, xTicks, true));
  plot_->setTimeRange(0, std::max(1.0, until));

  double countMax = 0, msMax = 0;
  bool anyMs = false;
  for (const Shown& s : shown_) {
    const int i = trackIndex(s.key);
    if (i < 0) continue;
    const auto& v = tracks_[static_cast<std::size_t>(i)].values;
    double m = v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
    if (const int r = variantTrackIndex(s.key); r >= 0) {  // the dashed reference must fit too
      const auto& rv = (*variantTracks())[static_cast<std::size_t>(r)].values;
      if (!rv.empty()) m = std::max(m, *std::max_element(rv.begin(), rv.end()));
    }
    if (MetricText::isDuration(s.key)) {
      anyMs = true;
      msMax = std::max(msMax, m);
    } else {
      countMax = std::max(countMax, m);
    }
  }
  // The ranges cover the whole run, so they stay put while playing; a little headroom keeps a
  // thick line off the frame.
  const int yTicks = 5;
  const double cStep = niceStep(std::max(1.0, countMax), yTicks, true);
  setAxis(count_axis_, std::max(cStep, std::ceil(std::max(1.0, countMax) * 1.04 / cStep) * cStep), cStep);
  const double mStep = niceStep(std::max(0.1, msMax), yTicks, false);
  setAxis(ms_axis_, std::max(mStep, std::ceil(std::max(0.1, msMax) * 1.04 / mStep) * mStep), mStep);
  ms_axis_->setLabelFormat(mStep < 1.0 ? QStringLiteral("%.1f") : QStringLiteral("%d"));
  ms_axis_->setVisible(anyMs);
  plot_->setEmpty(shown_.empty());
}

void MetricsChartView::updateLines() {
  const double now = static_cast<double>(controller_->now()) / 1000.0;
  plot_->setNow(now);
  if (shown_.empty()) return;
  std::unordered_map<std::string, double> live;
  for (const auto& [key, value] : figuresOf(controller_->simulation())) live.emplace(key, value);
  for (const Shown& s : shown_) {
    const int i = trackIndex(s.key);
    QList<QPointF> pts;
    if (i >= 0) {
      const auto& v = tracks_[static_cast<std::size_t>(i)].values;
      pts.reserve(static_cast<qsizetype>(times_ms_.size()) + 1);
      for (std::size_t j = 0; j < times_ms_.size() && times_ms_[j] <= now; ++j) pts << QPointF(times_ms_[j], v[j]);
      // End exactly at now, on the live run's value (the same run, so it continues the samples).
      if (const auto it = live.find(s.key); it != live.end() && (pts.isEmpty() || pts.back().x() < now))
        pts << QPointF(now, it->second);
    }
    s.series->replace(pts);
  }
}

void MetricsChartView::updatePickerValues() {
  const QScopedValueRollback<bool> quiet(updating_picker_, true);  // item edits are not ticks
  std::unordered_map<std::string, double> live;
  for (const auto& [key, value] : figuresOf(controller_->simulation())) live.emplace(key, value);
  const QLocale loc;
  const auto format = [&](const std::string& key, double v) {
    return MetricText::isDuration(key) ? tr("%1 ms").arg(loc.toString(v, 'f', 1)) : loc.toString(std::llround(v));
  };
  // The comparison's value at the same virtual time (its last sample at or before now).
  const CompareVariants::Variant* variant = currentVariant();
  const std::vector<Track>* vt = variantTracks();
  const double now = static_cast<double>(controller_->now()) / 1000.0;
  const auto upto = std::upper_bound(times_ms_.begin(), times_ms_.end(), now + 1e-9);
  const std::size_t at = upto == times_ms_.begin() ? 0 : static_cast<std::size_t>(upto - times_ms_.begin() - 1);
  const QString tag = variant ? variant->tagText() : QString();
  for (int i = 0; i < picker_->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = picker_->topLevelItem(i);
    const std::string key = item->data(0, Qt::UserRole).toString().toStdString();
    const auto it = live.find(key);
    QString text;
    if (it != live.end()) text = format(key, it->second);
    // Both values on the rows that have both lines (the others would only crowd out the names).
    if (const int r = vt && compared(key) ? variantTrackIndex(key) : -1; r >= 0 && at < (*vt)[static_cast<std::size_t>(r)].values.size())
      text = QStringLiteral("%1 · %2 %3").arg(text.isEmpty() ? QStringLiteral("–") : text, tag, format(key, (*vt)[static_cast<std::size_t>(r)].values[at]));
    if (item->text(1) != text) item->setText(1, text);
  }
}

void MetricsChartView::applyStyle() {
  const QScopedValueRollback<bool> quiet(updating_picker_, true);  // item edits are not ticks
  const palette::Scheme& s = palette::scheme(projector_);
  QChart* c = chart();
  c->setBackgroundBrush(s.background);
  c->setBackgroundPen(Qt::NoPen);
  c->setPlotAreaBackgroundBrush(s.panel);
  c->setPlotAreaBackgroundPen(QPen(s.panelBorder, projector_ ? 2.0 : 1.0));
  c->setPlotAreaBackgroundVisible(true);
  c->setMargins(projector_ ? QMargins(10, 10, 10, 6) : QMargins(6, 8, 6, 4));

  // The application font is already enlarged in projector mode: follow it, bold the titles.
  QFont labels = font();
  QFont titles = font();
  titles.setBold(true);
  if (language::current() == QLatin1String("zh_TW")) {
    // Qt Charts makes room for a rotated axis title from the primary family's line height; with a
    // Latin primary and CJK glyphs from the fallback, the room is too small and the title comes out
    // as a lone "…". A CJK primary measures what is drawn.
    QStringList families = titles.families();
    families.prepend(QStringLiteral("Noto Sans CJK TC"));
    titles.setFamilies(families);
  }
  for (QValueAxis* a : {time_axis_, count_axis_, ms_axis_}) {
    a->setLabelsFont(labels);
    a->setTitleFont(titles);
    a->setLabelsColor(s.ink);
    a->setTitleBrush(s.mutedInk);
    a->setLinePen(QPen(s.panelBorder, projector_ ? 2.0 : 1.0));
    a->setGridLinePen(QPen(s.grid, projector_ ? 1.5 : 1.0));
  }
  ms_axis_->setTitleBrush(hue(4, projector_));

  const double width = projector_ ? 5.0 : 2.5;
  for (const Shown& sh : shown_) {
    // A series a lesson points at is twice as thick, and its picker row bold.
    const bool lesson = highlighted_.contains(QString::fromStdString(sh.key));
    sh.series->setPen(QPen(hue(sh.colour, projector_), lesson ? 2 * width : width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    if (sh.reference) sh.reference->setPen(referencePen(hue(sh.colour, projector_), width));
  }

  // Swatches: the picker is the legend, so a ticked metric shows its line's colour.
  const int h = picker_->fontMetrics().height();
  const QSize swatch(h + h / 2, h);
  picker_->setIconSize(swatch);
  QPixmap blank(swatch);
  blank.fill(Qt::transparent);
  for (int i = 0; i < picker_->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = picker_->topLevelItem(i);
    QFont rowFont = item->font(0);
    rowFont.setBold(highlighted_.contains(item->data(0, Qt::UserRole).toString()));
    item->setFont(0, rowFont);
    const QColor col = colorFor(item->data(0, Qt::UserRole).toString().toStdString());
    if (!col.isValid()) {
      item->setIcon(0, QIcon(blank));
      continue;
    }
    QPixmap pm(swatch);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const double w = std::max(3.0, h / 4.0);
    if (compared(item->data(0, Qt::UserRole).toString().toStdString())) {
      // Both lines of the legend: the run's own (solid) above the comparison's (dashed).
      p.setPen(QPen(col, w, Qt::SolidLine, Qt::RoundCap));
      p.drawLine(QPointF(3, h * 0.28), QPointF(swatch.width() - 3, h * 0.28));
      p.setPen(referencePen(col, w));
      p.drawLine(QPointF(2, h * 0.74), QPointF(swatch.width() - 2, h * 0.74));
    } else {
      p.setPen(QPen(col, w, Qt::SolidLine, Qt::RoundCap));
      p.drawLine(QPointF(3, h / 2.0), QPointF(swatch.width() - 3, h / 2.0));
    }
    p.end();
    item->setIcon(0, QIcon(pm));
  }
  updatePickerWidth();
  QPalette hp = hint_->palette();
  hp.setColor(QPalette::WindowText, s.mutedInk);
  hint_->setPalette(hp);
  plot_->setProjector(projector_);
  plot_->setFont(font());
  plot_->viewport()->update();
}

void MetricsChartView::updatePickerWidth() {
  // Wide enough for the longest name, a swatch and a value, so that no name is cut off on a
  // projector; bounded so that the chart always keeps more than half of the panel.
  const QFontMetrics fm = picker_->fontMetrics();
  int name = 0;
  for (int i = 0; i < picker_->topLevelItemCount(); ++i) name = std::max(name, fm.horizontalAdvance(picker_->topLevelItem(i)->text(0)));
  const QString ms = tr("%1 ms").arg(QLocale().toString(888.8, 'f', 1));
  int value = fm.horizontalAdvance(ms);
  if (const CompareVariants::Variant* v = currentVariant()) {  // "12 · AP 30"
    bool anyMs = false;
    for (const Shown& sh : shown_) anyMs = anyMs || MetricText::isDuration(sh.key);
    const QString one = anyMs ? ms : QLocale().toString(8888);
    value = fm.horizontalAdvance(QStringLiteral("%1 · %2 %3").arg(one, v->tagText(), one));
  }
  const int chrome = picker_->iconSize().width() + fm.height() * 3;  // check box, margins, scroll bar
  const int em = fm.horizontalAdvance(QLatin1Char('M'));
  const int w = std::clamp(name + value + chrome, em * 14, std::max(em * 14, std::min(em * 32, width() * 9 / 20)));
  picker_->setFixedWidth(w);
  hint_->setFixedWidth(w);
  compare_->setFixedWidth(w);
  compare_label_->setFixedWidth(w);
  // The open list shows whole labels even when the closed combo is narrower.
  int popup = 0;
  const QFontMetrics cfm = compare_->fontMetrics();
  for (int i = 0; i < compare_->count(); ++i) popup = std::max(popup, cfm.horizontalAdvance(compare_->itemText(i)));
  compare_->view()->setMinimumWidth(std::max(w, popup + cfm.height() * 2));
}

void MetricsChartView::resizeEvent(QResizeEvent* e) {
  QWidget::resizeEvent(e);
  updatePickerWidth();
  updateAxes();  // the number of time labels depends on the width
}

void MetricsChartView::setProjectorMode(bool on) {
  projector_ = on;
  retranslateUi();  // short metric labels on a projector
  applyStyle();
  updateAxes();
}

void MetricsChartView::retranslateUi() {
  const QScopedValueRollback<bool> quiet(updating_picker_, true);  // item edits are not ticks
  time_axis_->setTitleText(tr("Virtual time (ms)"));
  count_axis_->setTitleText(tr("Count"));
  ms_axis_->setTitleText(tr("Latency (ms)"));
  plot_->setAccessibleName(tr("Metrics over virtual time"));
  picker_->setAccessibleName(tr("Metrics to plot"));
  plot_->setTexts(tr("now"), tracks_.empty() ? tr("This protocol reports no metrics.") : tr("Tick a metric in the list to plot it."));
  hint_->setText(hintText());
  compare_label_->setText(tr("Compare with:"));
  compare_->setAccessibleName(tr("Compare with"));
  const CompareVariants::Variant* variant = currentVariant();
  compare_->setToolTip(variants_.empty() ? tr("No design variant to compare with for this protocol.")
                       : variant         ? variant->labelText()  // the whole label, when the combo is narrower
                                         : tr("Replays the same workload and faults with one setting changed and draws it as dashed lines."));
  {
    const QScopedValueRollback<bool> quietCompare(updating_compare_, true);
    if (compare_->count() > 0) compare_->setItemText(0, tr("(nothing)"));
    for (int i = 1; i < compare_->count(); ++i) {
      const std::string id = compare_->itemData(i).toString().toStdString();
      for (const CompareVariants::Variant& v : variants_)
        if (v.id == id) {
          compare_->setItemText(i, v.labelText());
          compare_->setItemData(i, v.labelText(), Qt::ToolTipRole);
        }
    }
  }
  for (int i = 0; i < picker_->topLevelItemCount(); ++i) {
    QTreeWidgetItem* item = picker_->topLevelItem(i);
    const std::string key = item->data(0, Qt::UserRole).toString().toStdString();
    item->setText(0, MetricText::label(key, projector_));
    // The whole name, and the engine key as in the CLI's JSON.
    item->setToolTip(0, QStringLiteral("%1 (%2)").arg(MetricText::name(key), QString::fromStdString(key)));
  }
  updatePickerWidth();
  for (const Shown& s : shown_) s.series->setName(MetricText::label(s.key, projector_));
}

QString MetricsChartView::hintText() const {
  QString text = tr("Tick up to %n metrics. Faults are marked in red.", nullptr, kMaxShown);
  if (const CompareVariants::Variant* v = currentVariant())
    text += QLatin1Char('\n') + tr("Dashed: %1, same workload and faults.").arg(v->labelText());
  return text;
}

bool MetricsChartView::compared(const std::string& key) const {
  for (const Shown& s : shown_)
    if (s.key == key) return s.reference != nullptr;
  return false;
}

void MetricsChartView::changeEvent(QEvent* e) {
  QWidget::changeEvent(e);
  switch (e->type()) {
    case QEvent::LanguageChange:
      retranslateUi();
      updatePickerValues();
      applyStyle();  // the axis titles' font depends on the language
      updateAxes();  // so do the labels' font and, through the picker's width, the plot's
      break;
    case QEvent::FontChange:
    case QEvent::PaletteChange:
      applyStyle();
      updateAxes();
      break;
    default: break;
  }
}
