#include "spacetime_view.hpp"

#include <QEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "drop_notice.hpp"
#include "engine_text.hpp"
#include "lab_controller.hpp"
#include "palette.hpp"
#include "projector_style.hpp"
#include "view_util.hpp"

namespace {

constexpr double kMinPpm = 0.0005;  // pixels per ms: a 2,000 s run still fits a screen
constexpr double kMaxPpm = 400.0;
constexpr double kDefaultSpanMs = 250.0;  // a few 2PC rounds at the default latency
constexpr double kMinFitWidth = 120.0;    // px of time axis below which a fit waits for a real width

// Tick spacing on the ruler: 1, 2 or 5 times a power of ten milliseconds, at least `minPx` apart.
double niceStepMs(double ppm, double minPx) {
  const double raw = minPx / ppm;
  const double p10 = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * p10 >= raw) return m * p10;
  return 10 * p10;
}

// Qt's antialiasing rasteriser strokes one drawLines() call as a single path; with thousands of
// overlapping arrows its cell pool overflows and it re-renders band by band, which is quadratic.
// Small batches keep each path small and the cost linear.
void drawLinesChunked(QPainter& p, const std::vector<QLineF>& lines) {
  constexpr std::size_t kChunk = 32;
  for (std::size_t i = 0; i < lines.size(); i += kChunk)
    p.drawLines(lines.data() + i, static_cast<int>(std::min(kChunk, lines.size() - i)));
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
  const QPointF ab = b - a;
  const double len2 = ab.x() * ab.x() + ab.y() * ab.y();
  double t = len2 > 0 ? ((p.x() - a.x()) * ab.x() + (p.y() - a.y()) * ab.y()) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  const QPointF q = a + ab * t;
  return std::hypot(p.x() - q.x(), p.y() - q.y());
}
// The time scroll bar spans the whole view: at 4K the style's gradients cost a millisecond or more,
// and during playback it is repainted every frame while its handle grows and creeps by a pixel every
// frame or two. At rest (no hover, no press) it is drawn from pixmaps of what the style paints:
// the groove and arrow buttons, and the handle (keyed by its size, drawn at its place). Under the
// mouse it paints as usual. The layers keep the style's order: groove, handle, arrow buttons.
class CachedScrollBar : public QScrollBar {
 public:
  using QScrollBar::QScrollBar;

 protected:
  void paintEvent(QPaintEvent* e) override {
    if (underMouse() || isSliderDown() || width() <= 0 || height() <= 0) return QScrollBar::paintEvent(e);
    QStyleOptionSlider opt;
    initStyleOption(&opt);
    opt.activeSubControls = QStyle::SC_None;
    const QRect handle = style()->subControlRect(QStyle::CC_ScrollBar, &opt, QStyle::SC_ScrollBarSlider, this);
    const qreal dpr = devicePixelRatioF();
    const Key groove{size(), dpr, static_cast<int>(opt.state), opt.sliderValue == opt.minimum, opt.sliderValue == opt.maximum,
                     opt.minimum == opt.maximum, palette().cacheKey(), style(), layoutDirection()};
    if (groove_.isNull() || !(groove == grooveKey_)) {
      grooveKey_ = groove;
      groove_ = render(size(), QPoint(0, 0), opt, QStyle::SC_ScrollBarGroove | QStyle::SC_ScrollBarAddPage | QStyle::SC_ScrollBarSubPage);
      buttons_ = render(size(), QPoint(0, 0), opt, QStyle::SC_ScrollBarAddLine | QStyle::SC_ScrollBarSubLine);
    }
    // The handle's outline reaches a pixel beyond its rectangle.
    const QRect around = handle.adjusted(-2, -2, 2, 2);
    if (handle.isValid() && (handle_.isNull() || !(groove == handleKey_) || handle.size() != handleSize_)) {
      const bool sameLook = !handle_.isNull() && groove == handleKey_;
      if (!sameLook) stretch_ = Stretch::Unknown;
      QPixmap next = sameLook && stretch_ == Stretch::Yes ? stretched(handle_, around.width()) : QPixmap();
      if (next.isNull()) {
        next = render(around.size(), around.topLeft(), opt, QStyle::SC_ScrollBarSlider);
        // Drawing a long handle is the dear part (~2 ms at 2,000 px in Fusion). Where the style's
        // handle is its two ends and uniform columns between them, a new length is the old pixmap
        // with the middle stretched: tried once against a real rendering, used only if identical.
        if (sameLook && stretch_ == Stretch::Unknown) {
          const QPixmap guess = stretched(handle_, around.width());
          stretch_ = !guess.isNull() && guess.toImage() == next.toImage() ? Stretch::Yes : Stretch::No;
        }
      }
      handleKey_ = groove;
      handleSize_ = handle.size();
      handle_ = next;
    }
    QPainter p(this);
    p.drawPixmap(0, 0, groove_);
    if (handle.isValid() && !handle_.isNull()) p.drawPixmap(around.topLeft(), handle_);
    p.drawPixmap(0, 0, buttons_);  // the style paints the arrow buttons over the handle's outline
  }

 private:
  QPixmap render(QSize size, QPoint at, QStyleOptionSlider opt, QStyle::SubControls parts) const {
    const qreal dpr = devicePixelRatioF();
    QPixmap pm(size * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter c(&pm);
    c.translate(-at);
    opt.subControls = parts;
    style()->drawComplexControl(QStyle::CC_ScrollBar, &opt, &c, this);
    return pm;
  }
  // `src` with its middle column repeated (or dropped) to `width` logical pixels; null if it cannot be.
  QPixmap stretched(const QPixmap& src, int width) const {
    if (orientation() != Qt::Horizontal) return {};
    const qreal dpr = src.devicePixelRatio();
    const QImage s = src.toImage().convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const int edge = static_cast<int>(std::ceil(8 * dpr));
    const int w = static_cast<int>(std::lround(width * dpr));
    if (s.width() < 2 * edge + 1 || w < 2 * edge + 1) return {};
    QImage d(w, s.height(), s.format());
    const int mid = s.width() / 2;
    for (int y = 0; y < s.height(); ++y) {
      const auto* in = reinterpret_cast<const quint32*>(s.constScanLine(y));
      auto* out = reinterpret_cast<quint32*>(d.scanLine(y));
      std::copy(in, in + edge, out);
      std::copy(in + s.width() - edge, in + s.width(), out + w - edge);
      std::fill(out + edge, out + w - edge, in[mid]);
    }
    d.setDevicePixelRatio(dpr);
    return QPixmap::fromImage(d);
  }
  enum class Stretch { Unknown, Yes, No };
  Stretch stretch_ = Stretch::Unknown;
  struct Key {
    QSize size;
    qreal dpr = 0;
    int state = 0;
    bool atMin = false, atMax = false, empty = false;
    qint64 palette = 0;
    const QStyle* style = nullptr;
    Qt::LayoutDirection direction = Qt::LeftToRight;
    bool operator==(const Key&) const = default;
  } grooveKey_, handleKey_;
  QSize handleSize_;
  QPixmap groove_, buttons_, handle_;
};

}  // namespace

SpacetimeView::SpacetimeView(LabController* controller, QWidget* parent)
    : QAbstractScrollArea(parent), controller_(controller) {
  setFrameShape(QFrame::NoFrame);
  setHorizontalScrollBar(new CachedScrollBar(Qt::Horizontal, this));
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
  setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
  viewport()->setMouseTracking(true);
  setFocusPolicy(Qt::StrongFocus);
  setAccessibleName(tr("Space-time diagram"));
  setToolTip(QString());
  dropNotice_ = new DropNotice(viewport());
  connect(controller_, &LabController::scenarioChanged, this, &SpacetimeView::rebuild);
  connect(controller_, &LabController::runChanged, this, &SpacetimeView::refresh);
  connect(controller_, &LabController::selectionChanged, this, [this] { viewport()->update(); });
  rebuild();
}

// ---------------------------------------------------------------------------------------------
// The derived index

void SpacetimeView::resetIndex() {
  ++generation_;
  indexRun_ = &controller_->simulation();
  indexHistory_ = controller_->historyId();
  scanned_ = 0;
  indexBase_ = 0;
  lastEvent_ = {};
  const auto nodes = controller_->sim().nodes().size();
  dropAt_.clear();
  down_.assign(nodes, {});
  ticks_.assign(nodes, {});
  faults_.clear();
  spanScanned_ = 1;  // message 0 is the "none" slot
  maxSpan_ = 0;
}

void SpacetimeView::truncateIndex(std::uint64_t records) {
  for (auto& ticks : ticks_)
    while (!ticks.empty() && ticks.back().seq >= records) ticks.pop_back();
  for (auto& downs : down_) {
    while (!downs.empty() && downs.back().fromSeq >= records) downs.pop_back();
    if (!downs.empty() && downs.back().to >= 0 && downs.back().toSeq >= records) downs.back().to = -1;
  }
  while (!faults_.empty() && faults_.back().seq >= records) faults_.pop_back();
  // dropAt_ of a message that has not been dropped yet is never read (arrowEnd() reads it only for
  // a dropped message), and it will be the same time when it is: it stays.
  const std::size_t sent = controller_->sim().messages_sent();
  dropAt_.erase(dropAt_.lower_bound(static_cast<std::uint32_t>(sent)), dropAt_.end());
  spanScanned_ = std::min<std::size_t>(spanScanned_, std::max<std::size_t>(1, sent));  // maxSpan_ stays an upper bound
  scanned_ = records;
}

void SpacetimeView::scan() {
  const auto& sim = controller_->sim();
  const auto& trace = sim.trace();
  const std::uint64_t base = sim.trace_base();
  const std::uint64_t records = sim.trace_records();
  const auto same = [](const cs::TraceEvent& a, const cs::TraceEvent& b) {
    return a.seq == b.seq && a.time == b.time && a.kind == b.kind && a.node == b.node && a.key == b.key &&
           a.msg == b.msg && a.value == b.value && a.peer == b.peer;
  };
  if (indexHistory_ != controller_->historyId() || down_.size() != sim.nodes().size()) {
    resetIndex();  // another history (a fault, undo, another scenario): everything changed
  } else if (indexRun_ != &controller_->simulation()) {
    // The same history, rewound (a snapshot restored, a replay) or moved on: the index holds for
    // the records both runs share.
    indexRun_ = &controller_->simulation();
    ++generation_;
    if (records < scanned_) truncateIndex(records);
    // A run that holds records the index has forgotten (a replay from the start): scanned again.
    if (base < indexBase_ && base < scanned_) resetIndex();
  } else if (records < scanned_ ||
             (scanned_ > base && scanned_ - base <= trace.size() && !same(trace[scanned_ - base - 1], lastEvent_))) {
    resetIndex();  // the same run object with another history under it
  }

  const std::size_t sent = sim.messages_sent();
  if (base > indexBase_) forgetIndexBefore(base, sim.messages_base());
  // Records forgotten before they were scanned (a long run's window moved on) are not shown.
  for (std::uint64_t seq = std::max(scanned_, base); seq < records; ++seq) {
    const cs::TraceEvent& ev = trace[seq - base];
    const auto node = static_cast<std::size_t>(ev.node);
    switch (ev.kind) {
      case cs::TraceKind::Drop:
        if (ev.msg < sent) dropAt_[ev.msg] = ev.time;
        break;
      case cs::TraceKind::Crash:
        if (node < down_.size()) down_[node].push_back({ev.time, -1, seq, 0});
        break;
      case cs::TraceKind::Restart:
        if (node < down_.size() && !down_[node].empty() && down_[node].back().to < 0) {
          down_[node].back().to = ev.time;
          down_[node].back().toSeq = seq;
        }
        break;
      case cs::TraceKind::State:
        if (node < ticks_.size()) ticks_[node].push_back({ev.time, ev.key, seq});
        break;
      case cs::TraceKind::Fault: {
        const auto kind = static_cast<cs::FaultKind>(ev.key);
        if (kind != cs::FaultKind::Crash && kind != cs::FaultKind::Restart) faults_.push_back({ev.time, kind, ev.node, ev.peer, seq});
        break;
      }
      default: break;
    }
  }
  scanned_ = records;
  if (!trace.empty()) lastEvent_ = trace.back();
  for (spanScanned_ = std::max<std::size_t>(spanScanned_, sim.messages_base()); spanScanned_ < sent; ++spanScanned_) {
    const cs::Message& m = sim.message(static_cast<std::uint32_t>(spanScanned_));
    maxSpan_ = std::max(maxSpan_, m.deliver_at - m.sent_at);
  }
}

void SpacetimeView::forgetIndexBefore(std::uint64_t base, std::uint32_t messagesBase) {
  indexBase_ = base;
  for (auto& ticks : ticks_) {
    const auto first = std::partition_point(ticks.begin(), ticks.end(), [&](const Tick& t) { return t.seq < base; });
    ticks.erase(ticks.begin(), first);
  }
  // Crashes and link faults are few: kept whole. A message before messagesBase is not drawn.
  dropAt_.erase(dropAt_.begin(), dropAt_.lower_bound(messagesBase));
}

cs::Time SpacetimeView::dropTime(const cs::Message& m) const {
  const auto it = dropAt_.find(m.id);
  return it != dropAt_.end() ? it->second : m.deliver_at;
}

// ---------------------------------------------------------------------------------------------
// Geometry

// `gutter` is the view's own (see updateGutterWidth): it follows the node names. The ruler is a
// whole number of pixels tall: at a fractional height the plot's first row was only partly covered
// by the ruler above it and the lanes below it (a 1-px seam on a projector, 26 x 1.7 = 44.2 px).
SpacetimeView::Metrics SpacetimeView::metrics() const { return {gutterW_, std::ceil(26 * scheme_.fontScale)}; }

double SpacetimeView::x(cs::Time t) const {
  return metrics().gutter + static_cast<double>(t) / 1000.0 * ppm_ - horizontalScrollBar()->value();
}

cs::Time SpacetimeView::timeAt(double px) const {
  return static_cast<cs::Time>((px - metrics().gutter + horizontalScrollBar()->value()) / ppm_ * 1000.0);
}

double SpacetimeView::laneHeight() const {
  const auto n = std::max<std::size_t>(1, controller_->sim().nodes().size());
  const double f = scheme_.fontScale;
  const double avail = viewport()->height() - metrics().ruler - 8;
  return std::clamp(avail / static_cast<double>(n), laneFloor(laneNameH_), 110.0 * f);
}

// A lane's least height, for a node name `nameHeight` tall: no smaller than the name (so a
// projector's short pane shows every lane when it can), nor than 30 px at normal size.
double SpacetimeView::laneFloor(double nameHeight) const {
  return std::min(30.0 * scheme_.fontScale, std::max(30.0, nameHeight));
}

// A lane's least height on a projector: its node's name, by the ink of its letters with a little air
// above and below. The font's line height was used: in zh-TW the CJK face comes first and its line
// is a third taller than the Latin capitals of a node's name, so a projector's short pane lost its
// last lane to that empty room.
double SpacetimeView::laneNameHeight() const {
  const double f = scheme_.fontScale;
  const QFontMetricsF nm(viewutil::scaledFont(font(), 13 * f, true));
  double ink = nm.capHeight();
  for (const auto& n : controller_->sim().nodes()) ink = std::max(ink, nm.tightBoundingRect(QString::fromStdString(n.name)).height());
  return ink + 8 * f;
}

int SpacetimeView::heightForAllLanes() const {
  const auto n = std::max<std::size_t>(1, controller_->sim().nodes().size());
  // laneHeight()'s floor, with the name's height measured now (laneNameH_ waits for the next rebuild,
  // and a folded-away diagram has not had one at projector sizes)
  const double lane = laneFloor(laneNameHeight());
  return static_cast<int>(std::ceil(metrics().ruler + 8 + lane * static_cast<double>(n))) +
         horizontalScrollBar()->sizeHint().height() + 2 * frameWidth();
}

double SpacetimeView::laneY(cs::NodeId n) const {
  return metrics().ruler + laneHeight() * (n + 0.5) - verticalScrollBar()->value();
}

QPointF SpacetimeView::pointAt(cs::NodeId node, cs::Time t) const { return {x(t), laneY(node)}; }

QPointF SpacetimeView::arrowEnd(const cs::Message& m) const {
  const cs::Time now = controller_->now();
  const QPointF a = pointAt(m.from, m.sent_at);
  if (m.status == cs::MsgStatus::Delivered) return pointAt(m.to, m.deliver_at);
  if (m.status == cs::MsgStatus::Dropped) {
    const cs::Time at = dropTime(m);
    const QPointF b = pointAt(m.to, at);
    // Lost on the wire (cut link, partition): the cross sits midway; otherwise at the receiver.
    if (m.drop_reason == cs::DropReason::LinkCut || m.drop_reason == cs::DropReason::Partition) return (a + b) / 2;
    return b;
  }
  const double span = static_cast<double>(std::max<cs::Time>(1, m.deliver_at - m.sent_at));
  const double f = std::clamp(static_cast<double>(now - m.sent_at) / span, 0.0, 1.0);
  const QPointF b = pointAt(m.to, m.deliver_at);
  return a + (b - a) * f;
}

std::pair<std::size_t, std::size_t> SpacetimeView::visibleMessages(cs::Time t0, cs::Time t1) const {
  // Messages are in send order and the clock never goes back, so sent_at is sorted: an arrow that
  // crosses [t0, t1] was sent in [t0 - maxSpan, t1].
  // Returns ids; the run holds those from messages_base() on (a long run forgets the oldest).
  const auto& sim = controller_->sim();
  const auto& msgs = sim.messages();
  const std::size_t base = sim.messages_base();
  const auto begin = msgs.begin() + (base == 0 && !msgs.empty() ? 1 : 0);  // id 0 is "none"
  const auto first = std::partition_point(begin, msgs.end(), [&](const cs::Message& m) { return m.sent_at < t0 - maxSpan_; });
  const auto last = std::partition_point(first, msgs.end(), [&](const cs::Message& m) { return m.sent_at <= t1; });
  return {base + static_cast<std::size_t>(first - msgs.begin()), base + static_cast<std::size_t>(last - msgs.begin())};
}

std::pair<std::size_t, std::size_t> SpacetimeView::candidatesAt(QPointF pos) const {
  if (controller_->sim().messages_sent() <= 1) return {0, 0};
  const double tol = 7 * scheme_.lineScale;
  return visibleMessages(timeAt(pos.x() - tol), timeAt(pos.x() + tol));
}

quint32 SpacetimeView::messageAt(QPointF pos) const {
  const auto& sim = controller_->sim();
  const double tol = 7 * scheme_.lineScale;
  const auto [lo, hi] = candidatesAt(pos);
  quint32 best = 0;
  double bestD = tol;
  for (std::size_t i = lo; i < hi; ++i) {
    const cs::Message& m = sim.message(static_cast<std::uint32_t>(i));
    const double d = distanceToSegment(pos, pointAt(m.from, m.sent_at), arrowEnd(m));
    if (d <= bestD) {
      bestD = d;
      best = static_cast<quint32>(i);
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Refresh, scrolling and zoom

void SpacetimeView::rebuild() {
  resetIndex();
  updateTexts();
  lastNow_ = -1;
  refresh();
}

void SpacetimeView::updateTexts() {
  // Whatever changes the texts (a scenario, the language, the font, projector mode) can change the
  // node-name column too; a frame of playback changes neither.
  updateGutterWidth();
  ++generation_;
  const auto& info = controller_->info();
  const double f = scheme_.fontScale;
  // laneHeight() runs for every point of every arrow: the name's height is measured here, once.
  laneNameH_ = laneNameHeight();
  const QFont small = viewutil::scaledFont(font(), 10.5 * f, true);
  messageText_.clear();
  for (const auto& k : info.messages) {
    QStaticText t(EngineText::message(k));
    t.setTextFormat(Qt::PlainText);
    t.prepare(QTransform(), small);
    messageText_.push_back(t);
  }
  stateText_.clear();
  const QFont st = viewutil::scaledFont(font(), 10 * f);
  for (const auto& k : info.states) {
    QStaticText t(EngineText::state(k));
    t.setTextFormat(Qt::PlainText);
    t.prepare(QTransform(), st);
    stateText_.push_back(t);
  }
  batch_.assign(info.messages.size(), {});
  lostBatch_.assign(info.messages.size(), {});
  tips_.assign(info.messages.size(), {});
}

void SpacetimeView::updateGutterWidth() {
  // Wide enough for the longest node name ("INVENTORY", "SHIPPING"), within bounds: a name longer
  // than that is cut by the lane's clip.
  const double f = scheme_.fontScale;
  const QFontMetricsF nm(viewutil::scaledFont(font(), 13 * f, true));
  double widest = 0;
  for (const auto& n : controller_->sim().nodes()) widest = std::max(widest, nm.horizontalAdvance(QString::fromStdString(n.name)));
  gutterW_ = std::clamp(22 * f + widest + 8 * f, 92 * f, 170 * f);
}

void SpacetimeView::refresh() {
  scan();
  dropNotice_->showText(DropNotice::eventsText(controller_->sim()),
                        static_cast<int>(metrics().ruler));
  updateScrollBars();
  followNow();
  viewport()->update();
}

void SpacetimeView::updateScrollBars() {
  const Metrics m = metrics();
  const double visible = viewport()->width() - m.gutter;
  const double nowPx = static_cast<double>(controller_->now()) / 1000.0 * ppm_;
  // Room to the right of "now" so the line is not glued to the edge; nothing beyond is drawn.
  const double content = nowPx + visible * 0.25;
  horizontalScrollBar()->setPageStep(static_cast<int>(visible));
  horizontalScrollBar()->setSingleStep(std::max(1, static_cast<int>(visible / 20)));
  horizontalScrollBar()->setRange(0, std::max(0, static_cast<int>(content - visible)));
  const double lanes = laneHeight() * static_cast<double>(controller_->sim().nodes().size());
  const double avail = viewport()->height() - m.ruler - 8;
  verticalScrollBar()->setPageStep(static_cast<int>(avail));
  verticalScrollBar()->setRange(0, std::max(0, static_cast<int>(lanes - avail)));
}

void SpacetimeView::followNow() {
  const cs::Time now = controller_->now();
  const bool moved = now != lastNow_;
  lastNow_ = now;
  if (!moved && !controller_->isPlaying()) return;  // the user may have scrolled away on purpose
  const Metrics m = metrics();
  const double visible = viewport()->width() - m.gutter;
  const double nx = x(now);
  if (nx < m.gutter + visible * 0.05 || nx > m.gutter + visible * 0.92) {
    // Clamped before converting: a run may last 10^12 ms, far more pixels than an int holds.
    const double target = static_cast<double>(now) / 1000.0 * ppm_ - visible * 0.75;
    horizontalScrollBar()->setValue(static_cast<int>(std::clamp(target, 0.0, double(horizontalScrollBar()->maximum()))));
  }
}

void SpacetimeView::setPixelsPerMs(double ppm, double anchorX) {
  ppm = std::clamp(ppm, kMinPpm, kMaxPpm);
  const Metrics m = metrics();
  if (anchorX < 0) anchorX = x(controller_->now());
  const double anchorMs = (anchorX - m.gutter + horizontalScrollBar()->value()) / ppm_;
  ppm_ = ppm;
  zoomChosen_ = true;
  fitPending_ = false;  // the learner's own zoom wins over a fit still waiting
  fitted_ = false;
  updateScrollBars();
  horizontalScrollBar()->setValue(static_cast<int>(anchorMs * ppm_ - (anchorX - m.gutter)));
  viewport()->update();
}

void SpacetimeView::zoomToFit() {
  const double visible = viewport()->width() - metrics().gutter;
  // A lesson step asks for the fit while the diagram is still folded away (its pane is shown by the
  // layout afterwards): fitted to a viewport of no width, the whole axis became 2,000 s long and every
  // event sat in its first pixel column. Fit once the diagram has its real width.
  zoomChosen_ = true;
  if (!isVisible() || visible < kMinFitWidth) {
    fitPending_ = true;
    return;
  }
  fitPending_ = false;
  fitted_ = true;
  const double span = std::max(kDefaultSpanMs / 5, static_cast<double>(controller_->now()) / 1000.0 * 1.05);
  ppm_ = std::clamp(visible / span, kMinPpm, kMaxPpm);
  updateScrollBars();
  horizontalScrollBar()->setValue(0);
  viewport()->update();
}

// On a projector the diagram's type and lines grow with the window's lines as the canvas's and the
// state machine's do (1.5x at 1920x1080, projector::factor()); at a fixed 1.7x its lane names,
// message labels and ruler read smaller at 1080 than at 720.
void SpacetimeView::setProjectorMode(bool on) {
  projector_ = on;
  scheme_ = palette::scheme(on);
  if (on) {
    scheme_.fontScale *= projector::factor();
    scheme_.lineScale *= projector::factor();
  }
  updateTexts();
  updateScrollBars();
  viewport()->update();
}

void SpacetimeView::changeEvent(QEvent* e) {
  QAbstractScrollArea::changeEvent(e);
  if (e->type() == QEvent::LanguageChange || e->type() == QEvent::FontChange) {
    updateTexts();
    dropNotice_->showText(DropNotice::eventsText(controller_->sim()), static_cast<int>(metrics().ruler));
    viewport()->update();
  }
}

void SpacetimeView::showEvent(QShowEvent* e) {
  QAbstractScrollArea::showEvent(e);
  if (fitPending_) zoomToFit();
}

void SpacetimeView::resizeEvent(QResizeEvent* e) {
  QAbstractScrollArea::resizeEvent(e);
  // A fit follows the pane's width (the layout may still be settling: the chart beside it folds
  // away after the diagram is shown); a zoom of the learner's own stays as it is.
  if (fitPending_ || (fitted_ && e->size().width() != e->oldSize().width())) zoomToFit();
  if (!zoomChosen_) ppm_ = std::clamp((viewport()->width() - metrics().gutter) / kDefaultSpanMs, kMinPpm, kMaxPpm);
  updateScrollBars();
  lastNow_ = -1;
  followNow();
}

void SpacetimeView::scrollContentsBy(int, int) { viewport()->update(); }

void SpacetimeView::wheelEvent(QWheelEvent* e) {
  if (e->modifiers() & Qt::ControlModifier) {
    const double steps = e->angleDelta().y() / 120.0;
    setPixelsPerMs(ppm_ * std::pow(1.2, steps), e->position().x());
    e->accept();
    return;
  }
  // Time is the long axis: a plain wheel scrolls it; Shift+wheel scrolls the lanes.
  QScrollBar* bar = (e->modifiers() & Qt::ShiftModifier) ? verticalScrollBar() : horizontalScrollBar();
  const int delta = e->angleDelta().y() != 0 ? e->angleDelta().y() : e->angleDelta().x();
  bar->setValue(bar->value() - delta * bar->singleStep() / 40);
  e->accept();
}

void SpacetimeView::keyPressEvent(QKeyEvent* e) {
  if (e->modifiers() & Qt::ControlModifier) {
    if (e->key() == Qt::Key_Plus || e->key() == Qt::Key_Equal) return setPixelsPerMs(ppm_ * 1.5);
    if (e->key() == Qt::Key_Minus) return setPixelsPerMs(ppm_ / 1.5);
    if (e->key() == Qt::Key_0) return zoomToFit();
  }
  QAbstractScrollArea::keyPressEvent(e);
}

void SpacetimeView::mousePressEvent(QMouseEvent* e) {
  if (e->button() != Qt::LeftButton) return QAbstractScrollArea::mousePressEvent(e);
  const Metrics m = metrics();
  if (e->position().x() < m.gutter) {
    // A click on a lane's name selects that node.
    const double y = e->position().y() - m.ruler + verticalScrollBar()->value();
    const auto n = static_cast<cs::NodeId>(std::floor(y / laneHeight()));
    if (y >= 0 && n < static_cast<cs::NodeId>(controller_->sim().nodes().size())) controller_->selectNode(n);
    return;
  }
  if (const quint32 id = messageAt(e->position())) controller_->selectMessage(id);
}

QString SpacetimeView::tooltipFor(quint32 id) const {
  const auto& sim = controller_->sim();
  if (id < sim.messages_base() || id >= sim.messages_sent()) return {};
  const cs::Message& msg = sim.message(id);
  const QString key = viewutil::key(controller_->info().messages, msg.type);
  QString tip = tr("<b>%1</b> · txn %2<br>%3 → %4<br>sent %5 ms")
                    .arg(EngineText::message(key.toStdString()))
                    .arg(msg.txn)
                    .arg(viewutil::nodeName(sim, msg.from), viewutil::nodeName(sim, msg.to), viewutil::ms(msg.sent_at));
  if (msg.status == cs::MsgStatus::Delivered) tip += QStringLiteral("<br>") + tr("delivered %1 ms").arg(viewutil::ms(msg.deliver_at));
  else if (msg.status == cs::MsgStatus::Dropped)
    tip += QStringLiteral("<br>") + tr("lost at %1 ms: %2").arg(viewutil::ms(msg.deliver_at), EngineText::dropReason(msg.drop_reason));
  else
    tip += QStringLiteral("<br>") + tr("in flight");
  return tip + QStringLiteral("<br>") + tr("payload a = %1, b = %2").arg(msg.a).arg(msg.b);
}

bool SpacetimeView::viewportEvent(QEvent* e) {
  if (e->type() == QEvent::ToolTip) {
    auto* help = static_cast<QHelpEvent*>(e);
    if (const quint32 id = messageAt(help->pos())) QToolTip::showText(help->globalPos(), tooltipFor(id), viewport());
    else QToolTip::hideText();
    return true;
  }
  if (e->type() == QEvent::MouseMove) {
    auto* me = static_cast<QMouseEvent*>(e);
    viewport()->setCursor(messageAt(me->position()) ? Qt::PointingHandCursor : Qt::ArrowCursor);
  }
  return QAbstractScrollArea::viewportEvent(e);
}

// ---------------------------------------------------------------------------------------------
// Painting

bool SpacetimeView::finalAt(const cs::Message& m, cs::Time cut) const {
  if (m.status == cs::MsgStatus::InFlight) return false;
  cs::Time end = m.deliver_at;
  if (m.status == cs::MsgStatus::Dropped) end = dropTime(m);
  return end <= cut;
}

// A busy frame is thousands of arrows, nearly all of them in the past, which does not change while
// the view neither scrolls nor zooms. So the plot area is painted once with only what is final (the
// cache), and each frame blits it left of the cut, repaints the strip right of it (lanes, fog), and
// draws what is still live over both: messages in flight or finished since the cut, the last state
// labels (whose room depends on the next state change), selection and now line. Sparse frames
// (labelled arrows) are cheap and are painted directly.
void SpacetimeView::paintEvent(QPaintEvent*) {
  highlightedDrawn_ = 0;
  stateLabelRects_.clear();
  QPainter p(viewport());
  p.setRenderHint(QPainter::Antialiasing);
  p.setRenderHint(QPainter::TextAntialiasing);
  const palette::Scheme& s = scheme_;
  const Metrics m = metrics();
  const cs::Time t0 = std::max<cs::Time>(0, timeAt(m.gutter));
  const cs::Time t1 = timeAt(viewport()->width());
  const cs::Time now = controller_->now();
  const auto [lo, hi] = visibleMessages(t0, t1);
  Density density;
  density.dense = hi - lo > 3000;  // too many arrows on screen: no heads, they would only be noise
  density.busy = hi - lo > 600;
  // Labels only while they can be read: a few hundred arrows at most, and lanes tall enough.
  density.labelled = hi - lo <= 300 && laneHeight() >= 40 * s.fontScale;
  const QRectF plot(m.gutter, m.ruler, viewport()->width() - m.gutter, viewport()->height() - m.ruler);

  const qreal dpr = viewport()->devicePixelRatioF();
  const CacheKey key{viewport()->size() * dpr, horizontalScrollBar()->value(), verticalScrollBar()->value(), ppm_, scheme_.fontScale,
                     indexRun_, generation_, density};
  const bool useCache = !density.labelled && !viewutil::vectorTarget(p);
  if (!useCache) {
    past_ = QPixmap();
    baked_.clear();
    p.fillRect(viewport()->rect(), s.background);
    p.save();
    p.setClipRect(plot);
    paintLanes(p, t0, t1);
    paintMessages(p, t0, t1, density);
    p.restore();
  } else {
    // Rebuild when anything but time moved, when time went back, or when the live overlay grew large.
    std::size_t live = 0;
    if (!past_.isNull() && key == cacheKey_ && now >= cacheCut_) {
      const auto [llo, lhi] = visibleMessages(std::max(t0, cacheCut_), t1);
      live = lhi - llo;
    }
    if (past_.isNull() || !(key == cacheKey_) || now < cacheCut_ || live > 1500 || bakedMessageLost()) {
      cacheKey_ = key;
      cacheCut_ = now;
      baked_.clear();
      past_ = QPixmap(viewport()->size() * dpr);
      past_.setDevicePixelRatio(dpr);
      QPainter c(&past_);
      c.setRenderHints(p.renderHints());
      c.fillRect(QRect(QPoint(0, 0), viewport()->size()), s.background);
      c.setClipRect(plot);
      paintLanes(c, t0, t1, Part::Final, cacheCut_);
      paintMessages(c, t0, t1, density, Part::Final, cacheCut_);
    }
    const double cutX = std::clamp(std::floor(x(cacheCut_)), plot.left(), plot.right());
    const QRectF past(plot.left(), plot.top(), cutX - plot.left(), plot.height());
    if (past.width() > 0) p.drawPixmap(past, past_, QRectF(past.topLeft() * dpr, past.size() * dpr));
    const QRectF strip(cutX, plot.top(), plot.right() - cutX, plot.height());
    p.save();
    p.setClipRect(strip);
    // The paper under the strip, but not where the fog of the future (paintLaneBackground: an
    // opaque fill from now to the right edge, down from the ruler) covers every pixel whole: right
    // of now a quarter of the plot would be filled twice. Its antialiased left column and top row
    // keep the paper under them.
    const double nowX = x(now);
    const double fogX = std::max(nowX, m.gutter);
    if (nowX < viewport()->width() && fogX < strip.right()) {
      const double solidX = std::max(strip.left(), std::ceil(fogX) + 1);
      const double solidY = std::min(strip.bottom(), std::ceil(m.ruler) + 1);
      p.fillRect(QRectF(strip.left(), strip.top(), solidX - strip.left(), strip.height()), s.background);
      p.fillRect(QRectF(solidX, strip.top(), strip.right() - solidX, solidY - strip.top()), s.background);
    } else {
      p.fillRect(strip, s.background);
    }
    paintLanes(p, t0, t1, Part::Final, cacheCut_, cutX);
    p.setClipRect(plot);
    paintLanes(p, t0, t1, Part::Live, cacheCut_);
    paintMessages(p, t0, t1, density, Part::Live, cacheCut_, cutX);
    p.restore();
  }
  paintRuler(p, t0, t1);
  paintGutter(p);
}

// fromX: nothing left of it needs painting (ticks and labels that end before it are skipped).
void SpacetimeView::paintLanes(QPainter& p, cs::Time t0, cs::Time t1, Part part, cs::Time cut, double fromX) {
  const palette::Scheme& s = scheme_;
  const Metrics m = metrics();
  const double lh = laneHeight();
  const double w = viewport()->width();
  const double nowX = x(controller_->now());
  const bool shapes = part != Part::Live;  // Live draws only texts that may still change
  if (shapes) paintLaneBackground(p, t0, t1);
  for (cs::NodeId i = 0; i < static_cast<cs::NodeId>(controller_->sim().nodes().size()); ++i) {
    const double y = laneY(i);
    if (y < m.ruler - lh || y > viewport()->height() + lh) continue;
    // The node's timeline, up to now.
    if (shapes) {
      p.setPen(QPen(s.link, 1.2 * s.lineScale));
      p.drawLine(QPointF(m.gutter, y), QPointF(std::min(nowX, w), y));
    }
    paintDownStretches(p, i, t0, t1, part, cut);
    paintStateTicks(p, i, t0, t1, part, cut, fromX);
  }
  if (shapes) paintFaultMarks(p, t0, t1);
}

void SpacetimeView::paintLaneBackground(QPainter& p, cs::Time t0, cs::Time t1) {
  const palette::Scheme& s = scheme_;
  const double f = s.fontScale;
  const Metrics m = metrics();
  const double lh = laneHeight();
  const double w = viewport()->width();
  const double nowX = x(controller_->now());
  const auto n = static_cast<cs::NodeId>(controller_->sim().nodes().size());
  // The unknown future, right of "now", is tinted with the grid colour. Blending a translucent tint
  // over a quarter of a 4K frame is the dearest fill of the frame, so the tinted paper and lanes are
  // mixed up front and filled opaque; the grid lines, drawn after, come out the same because the
  // tint is the grid colour: g·a + (g·c + u·(1-c))·(1-a) = g·c + (g·a + u·(1-a))·(1-c).
  const bool fogged = nowX < w;
  const double fogX = std::max(nowX, m.gutter);
  const auto tinted = [&](const QColor& under) {
    const double a = (projector_ ? 110 : 90) / 255.0;
    const auto mix = [a](int g, int u) { return static_cast<int>(std::lround(g * a + u * (1 - a))); };
    return QColor(mix(s.grid.red(), under.red()), mix(s.grid.green(), under.green()), mix(s.grid.blue(), under.blue()));
  };
  if (fogged) p.fillRect(QRectF(fogX, m.ruler, w - nowX, viewport()->height()), tinted(s.background));
  const QColor fogLane = fogged ? tinted(s.lane) : QColor();
  for (cs::NodeId i = 0; i < n; ++i) {
    if (i % 2 == 0) continue;
    const QRectF lane(m.gutter, laneY(i) - lh / 2, w - m.gutter, lh);
    if (!fogged) {
      p.fillRect(lane, s.lane);
      continue;
    }
    if (fogX > lane.left()) p.fillRect(QRectF(lane.left(), lane.top(), fogX - lane.left(), lh), s.lane);
    p.fillRect(QRectF(fogX, lane.top(), w - fogX, lh), fogLane);
  }

  // Time grid.
  const double step = niceStepMs(ppm_, 90 * f);
  p.setPen(QPen(s.grid, 1));
  for (double t = std::floor(static_cast<double>(t0) / 1000.0 / step) * step; t * 1000.0 <= static_cast<double>(t1); t += step) {
    const double gx = x(static_cast<cs::Time>(t * 1000.0));
    p.drawLine(QPointF(gx, m.ruler), QPointF(gx, viewport()->height()));
  }
}

// Down stretches of lane `i`: hatched, from the crash to the restart (or to now).
void SpacetimeView::paintDownStretches(QPainter& p, cs::NodeId i, cs::Time t0, cs::Time t1, Part part, cs::Time cut) {
  const palette::Scheme& s = scheme_;
  const double f = s.fontScale;
  const double lh = laneHeight();
  const double y = laneY(i);
  for (const Down& d : down_[static_cast<std::size_t>(i)]) {
    const cs::Time end = d.to < 0 ? controller_->now() : d.to;
    if (end < t0 || d.from > t1) continue;
    const QRectF band(x(d.from), y - lh * 0.28, x(end) - x(d.from), lh * 0.56);
    const double k = 6 * f;
    // Its "down" word depends on the band's length, final once the node has restarted.
    const bool textFinal = d.to >= 0 && d.to <= cut;
    if (part == Part::Live) {
      if (!textFinal && band.width() > 60 * f) {
        p.setFont(viewutil::scaledFont(font(), 10 * f, true));
        p.setPen(s.cut);
        p.drawText(QRectF(band.left() + k + 4, band.top(), band.width(), band.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("down"));
      }
      continue;
    }
    QColor c = s.cut;
    c.setAlpha(projector_ ? 60 : 40);
    p.fillRect(band, c);
    QColor h = s.cut;
    h.setAlpha(140);
    p.fillRect(band, QBrush(h, Qt::BDiagPattern));
    p.setPen(QPen(s.cut, 3 * s.lineScale, Qt::SolidLine, Qt::RoundCap));
    const QPointF c0(x(d.from), y);
    p.drawLine(c0 + QPointF(-k, -k), c0 + QPointF(k, k));
    p.drawLine(c0 + QPointF(-k, k), c0 + QPointF(k, -k));
    p.setFont(viewutil::scaledFont(font(), 10 * f, true));
    p.setPen(s.cut);
    if ((part == Part::All || textFinal) && band.width() > 60 * f) p.drawText(QRectF(band.left() + k + 4, band.top(), band.width(), band.height()), Qt::AlignLeft | Qt::AlignVCenter, tr("down"));
    if (d.to >= 0) {
      // Restart: a green bar and a triangle pointing forward.
      const QPointF r(x(d.to), y);
      p.setPen(QPen(palette::state(QStringLiteral("COMMIT"), projector_), 3 * s.lineScale));
      p.drawLine(r + QPointF(0, -k * 1.4), r + QPointF(0, k * 1.4));
      p.setPen(Qt::NoPen);
      p.setBrush(palette::state(QStringLiteral("COMMIT"), projector_));
      p.drawPolygon(QPolygonF{r + QPointF(3, -k), r + QPointF(3 + k * 1.4, 0), r + QPointF(3, k)});
    }
  }
}

// State changes on lane `i`: a tick in the state's colour, labelled when there is room before the next one.
void SpacetimeView::paintStateTicks(QPainter& p, cs::NodeId i, cs::Time t0, cs::Time t1, Part part, cs::Time cut, double fromX) {
  const palette::Scheme& s = scheme_;
  const auto& info = controller_->info();
  const Metrics m = metrics();
  const double lh = laneHeight();
  const double y = laneY(i);
  const bool shapes = part != Part::Live;
  const auto& ticks = ticks_[static_cast<std::size_t>(i)];
  auto it = std::lower_bound(ticks.begin(), ticks.end(), t0, [](const Tick& a, cs::Time t) { return a.time < t; });
  if (it != ticks.begin()) --it;  // the state in force at the left edge gets its label too
  double lastLabelEnd = -1e9;
  // Resume the walk of the last frame that painted this pass with the same cached past (TickWalk).
  TickWalk* walk = nullptr;
  if (part != Part::All) {
    if (tickWalks_.size() != ticks_.size()) tickWalks_.assign(ticks_.size(), {});
    walk = &tickWalks_[static_cast<std::size_t>(i)][part == Part::Live ? 1 : 0];
    const bool same = walk->valid && walk->key == cacheKey_ && walk->cut == cut && walk->t0 == t0 && walk->fromX == fromX;
    if (same && walk->index < ticks.size() && ticks[walk->index].seq == walk->seq &&
        walk->index >= static_cast<std::size_t>(it - ticks.begin())) {
      it = ticks.begin() + static_cast<std::ptrdiff_t>(walk->index);
      lastLabelEnd = walk->lastLabelEnd;
      ++tickWalksResumed_;
    } else if (!same || walk->index >= ticks.size() || ticks[walk->index].seq != walk->seq) {
      *walk = TickWalk{cacheKey_, cut, t0, fromX, 0, 0, 0, false};
    }
  }
  for (; it != ticks.end() && it->time <= t1; ++it) {
    const double tx = x(it->time);
    const bool skipped = it->state < stateText_.size() && tx + stateText_[it->state].size().width() + 8 < fromX;
    // The first tick this pass may draw: every tick before it only moved lastLabelEnd, and will
    // again in the next frame (shapes left of the strip are skipped; the live pass draws only
    // labels that wait for the next state change, after the cut).
    if (walk && !walk->valid) {
      const auto next = std::next(it);
      const bool mayDraw = part == Part::Live ? !(next != ticks.end() && next->time <= cut) : !skipped;
      if (mayDraw) {
        walk->index = static_cast<std::size_t>(it - ticks.begin());
        walk->seq = it->seq;
        walk->lastLabelEnd = lastLabelEnd;
        walk->valid = true;
      }
    }
    if (skipped) {
      // Entirely left of the area being painted: only its effect on the next label counts.
      const auto next = std::next(it);
      const double lx = std::max(tx + 3, m.gutter + 3);
      const double room = (next == ticks.end() ? 1e9 : x(next->time)) - lx;
      if (lx > lastLabelEnd && room > stateText_[it->state].size().width() + 2) lastLabelEnd = lx + stateText_[it->state].size().width() + 4;
      continue;
    }
    // Looked up only where something is drawn: the live pass walks every visible tick for the
    // label bookkeeping but draws few of them.
    const auto colour = [&] { return palette::state(viewutil::key(info.states, it->state), projector_); };
    if (shapes) {
      p.setPen(QPen(colour(), 2.5 * s.lineScale, Qt::SolidLine, Qt::FlatCap));
      p.drawLine(QPointF(tx, y - lh * 0.2), QPointF(tx, y + lh * 0.2));
    }
    if (it->state < stateText_.size()) {
      const QStaticText& label = stateText_[it->state];
      const double lx = std::max(tx + 3, m.gutter + 3);
      const auto next = std::next(it);
      const double room = (next == ticks.end() ? 1e9 : x(next->time)) - lx;
      if (lx > lastLabelEnd && room > label.size().width() + 2) {
        // Whether a label has room is settled once the next state change is known.
        const bool final = next != ticks.end() && next->time <= cut;
        if (part == Part::All || final == (part == Part::Final)) {
          // Above the tick, but never into the ruler: the first lane's labels lost their top there
          // (a projector's type is taller than a fifth of a lane).
          const QPointF at(lx, std::max(y - lh * 0.2 - label.size().height() + 2, m.ruler + 1));
          p.setPen(colour().darker(projector_ ? 130 : 115));
          p.drawStaticText(at, label);
          stateLabelRects_.push_back(QRectF(at, label.size()));
        }
        lastLabelEnd = lx + label.size().width() + 4;
      }
    }
  }
}

void SpacetimeView::paintFaultMarks(QPainter& p, cs::Time t0, cs::Time t1) {
  const palette::Scheme& s = scheme_;
  const Metrics m = metrics();
  // Link faults: a dashed red line joining the two lanes at the moment of the cut (green for heal).
  for (const FaultMark& fm : faults_) {
    if (fm.time < t0 || fm.time > t1) continue;
    const double fx = x(fm.time);
    if ((fm.kind == cs::FaultKind::Cut || fm.kind == cs::FaultKind::Heal) && fm.a >= 0 && fm.b >= 0) {
      const QColor c = fm.kind == cs::FaultKind::Cut ? s.cut : palette::state(QStringLiteral("COMMIT"), projector_);
      p.setPen(QPen(c, 1.6 * s.lineScale, Qt::DashLine));
      p.drawLine(QPointF(fx, laneY(fm.a)), QPointF(fx, laneY(fm.b)));
    } else {
      QColor c = s.cut;
      c.setAlpha(120);
      p.setPen(QPen(c, 1.4 * s.lineScale, Qt::DashDotLine));
      p.drawLine(QPointF(fx, m.ruler), QPointF(fx, viewport()->height()));
    }
  }
}

void SpacetimeView::paintMessages(QPainter& p, cs::Time t0, cs::Time t1, Density density, Part part, cs::Time cut, double cutX) {
  if (batch_.size() != controller_->info().messages.size()) updateTexts();
  batchMessages(t0, t1, density, part, cut);
  if (part == Part::Live) strokeTails(p, density.busy, cutX);
  strokeBatches(p, density.busy);
  paintMessageLabels(p);
  if (part == Part::Final) return;  // the selection and the now line are always live
  paintSelectionAndNow(p, t1);
}

// Sorts the visible messages into per-type batches of lines (shafts and open heads), lost ones,
// in-flight tips, the crosses of lost messages and the labels that have room.
void SpacetimeView::batchMessages(cs::Time t0, cs::Time t1, Density density, Part part, cs::Time cut) {
  const palette::Scheme& s = scheme_;
  const double f = s.fontScale;
  const auto& sim = controller_->sim();
  for (auto& b : batch_) b.clear();
  for (auto& b : lostBatch_) b.clear();
  for (auto& b : tips_) b.clear();
  for (auto& b : tails_) b.clear();
  tails_.resize(batch_.size());
  crosses_.clear();
  labels_.clear();
  // Live messages were all sent after cut - maxSpan: whatever was sent before has finished by then.
  const auto [lo, hi] = visibleMessages(part == Part::Live ? std::max(t0, cut) : t0, t1);
  const double head = 7 * s.lineScale;
  const double crossK = 5 * f;
  const bool dense = density.dense;
  const bool labelled = density.labelled;
  for (std::size_t i = lo; i < hi; ++i) {
    const cs::Message& m = sim.message(static_cast<std::uint32_t>(i));
    if (m.type >= batch_.size()) continue;
    const bool final = part == Part::All || finalAt(m, cut);
    if (part == Part::Final && !final) {
      // In flight at the cut but sure to arrive: its shaft whole, of which the past shows the part
      // left of the cut (earlier than the cut, so already drawn by now) for as long as it is kept.
      if (bakedAt(m, cut)) {
        batch_[m.type].push_back(QLineF(pointAt(m.from, m.sent_at), pointAt(m.to, m.deliver_at)));
        baked_.push_back(m.id);
      }
      continue;
    }
    if (part == Part::Live && final) continue;
    const QPointF a = pointAt(m.from, m.sent_at);
    const QPointF b = arrowEnd(m);
    if (m.status == cs::MsgStatus::Dropped) {
      lostBatch_[m.type].push_back(QLineF(a, b));
      crosses_.push_back(QLineF(b + QPointF(-crossK, -crossK), b + QPointF(crossK, crossK)));
      crosses_.push_back(QLineF(b + QPointF(-crossK, crossK), b + QPointF(crossK, -crossK)));
      continue;
    }
    auto& out = batch_[m.type];
    (part == Part::Live && bakedAt(m, cut) ? tails_[m.type] : out).push_back(QLineF(a, b));
    const double len = std::hypot(b.x() - a.x(), b.y() - a.y());
    if (m.status == cs::MsgStatus::InFlight) tips_[m.type].push_back(b);
    else if (!dense && len > head * 2) {
      // An open arrow head: two short lines, batched with the shafts.
      const QPointF u = (b - a) / len;
      const QPointF nrm(-u.y(), u.x());
      out.push_back(QLineF(b, b - u * head + nrm * head * 0.5));
      out.push_back(QLineF(b, b - u * head - nrm * head * 0.5));
    }
    if (labelled && m.type < messageText_.size() && std::abs(b.x() - a.x()) > messageText_[m.type].size().width() * 0.9 + 10)
      labels_.push_back({(a + b) / 2, m.type});
  }
}

void SpacetimeView::setHighlightedTypes(const std::vector<int>& types) {
  if (types == highlighted_) return;
  highlighted_ = types;
  ++generation_;  // the cached past was drawn without (or with) the glow
  viewport()->update();
}

bool SpacetimeView::bakedAt(const cs::Message& m, cs::Time cut) {
  return m.sent_at < cut && m.doomed == cs::DropReason::None && m.status != cs::MsgStatus::Dropped;
}

bool SpacetimeView::bakedMessageLost() const {
  const auto& sim = controller_->sim();
  return std::any_of(baked_.begin(), baked_.end(), [&](std::uint32_t id) {
    return id >= sim.messages_base() && id < sim.messages_sent() && sim.message(id).status == cs::MsgStatus::Dropped;
  });
}

void SpacetimeView::strokeGlow(QPainter& p, const std::vector<std::vector<QLineF>>& shafts) {
  // A lesson's highlighted message types: a wide translucent accent under their arrows.
  for (int t : highlighted_) {
    if (t < 0 || static_cast<std::size_t>(t) >= shafts.size()) continue;
    p.setPen(QPen(QColor(0xFF, 0xA6, 0x00, 150), 6.5 * scheme_.lineScale, Qt::SolidLine, Qt::RoundCap));
    drawLinesChunked(p, shafts[static_cast<std::size_t>(t)]);
    highlightedDrawn_ += static_cast<int>(shafts[static_cast<std::size_t>(t)].size());
  }
}

void SpacetimeView::setShaftPen(QPainter& p, std::size_t t, bool busy) const {
  const QColor c = palette::message(viewutil::key(controller_->info().messages, static_cast<int>(t)), projector_);
  // Flat caps: Qt 6.4's raster engine strokes round-capped drawLines() batches ~50x slower.
  QPen pen(c, 1.4 * scheme_.lineScale, Qt::SolidLine, Qt::FlatCap);
  // Thousands of arrows on screen (a zoomed-out busy run): antialiasing buys nothing visible there
  // and costs most of the frame, so busy frames use the rasteriser's fast paths: a 1-pixel cosmetic
  // pen (antialiased), or, on a projector where lines must stay thick, aliased wide lines.
  if (busy && !projector_) {
    pen.setWidthF(1.0);
    pen.setCosmetic(true);
  }
  p.setPen(pen);
  p.setRenderHint(QPainter::Antialiasing, !(busy && projector_));
}

void SpacetimeView::strokeTails(QPainter& p, bool busy, double cutX) {
  if (std::all_of(tails_.begin(), tails_.end(), [](const auto& b) { return b.empty(); })) return;
  p.save();
  // Whole pixel columns from the cut on: the cached past supplies every column left of it.
  p.setClipRect(QRectF(cutX, 0, std::max(0.0, viewport()->width() - cutX), viewport()->height()), Qt::IntersectClip);
  strokeGlow(p, tails_);
  for (std::size_t t = 0; t < tails_.size(); ++t) {
    if (tails_[t].empty()) continue;
    setShaftPen(p, t, busy);
    drawLinesChunked(p, tails_[t]);
  }
  p.restore();
}

// A dot of colour `c` and radius `r`, antialiased, centred in its pixmap: the tip of an arrow in
// flight, one blit each (an ellipse filled per tip was ~8 % of a busy 4K frame: ~250 of them). Tips
// land on whole pixels, as the canvas's tokens do.
const QPixmap& SpacetimeView::tipSprite(std::size_t t, const QColor& c, double r) {
  const qreal dpr = viewport()->devicePixelRatioF();
  if (tipSprites_.size() <= t) tipSprites_.resize(t + 1);
  TipSprite& sprite = tipSprites_[t];
  if (sprite.pixmap.isNull() || sprite.colour != c.rgba() || sprite.radius != r || sprite.pixmap.devicePixelRatio() != dpr) {
    const int side = static_cast<int>(std::ceil(2 * r)) + 2;
    sprite.pixmap = QPixmap(QSize(side, side) * dpr);
    sprite.pixmap.setDevicePixelRatio(dpr);
    sprite.pixmap.fill(Qt::transparent);
    QPainter d(&sprite.pixmap);
    d.setRenderHint(QPainter::Antialiasing);
    d.setPen(Qt::NoPen);
    d.setBrush(c);
    d.drawEllipse(QPointF(side / 2.0, side / 2.0), r, r);
    sprite.colour = c.rgba();
    sprite.radius = r;
  }
  return sprite.pixmap;
}

void SpacetimeView::strokeBatches(QPainter& p, bool busy) {
  const palette::Scheme& s = scheme_;
  const auto& info = controller_->info();
  strokeGlow(p, batch_);
  strokeGlow(p, lostBatch_);
  for (std::size_t t = 0; t < batch_.size(); ++t) {
    const QColor c = palette::message(viewutil::key(info.messages, static_cast<int>(t)), projector_);
    if (!batch_[t].empty()) {
      setShaftPen(p, t, busy);
      drawLinesChunked(p, batch_[t]);
      p.setRenderHint(QPainter::Antialiasing, true);
    }
    if (!lostBatch_[t].empty()) {
      QColor faded = c;
      faded.setAlpha(150);
      p.setPen(QPen(faded, 1.4 * s.lineScale, Qt::DashLine, Qt::FlatCap));
      drawLinesChunked(p, lostBatch_[t]);
    }
    if (!tips_[t].empty()) {
      const double r = 3.5 * s.lineScale;
      if (viewutil::vectorTarget(p)) {  // an SVG or PDF handout gets circles, not pictures of them
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        for (const QPointF& tip : tips_[t]) p.drawEllipse(tip, r, r);
      } else {
        const QPixmap& dot = tipSprite(t, c, r);
        const double half = dot.width() / dot.devicePixelRatio() / 2;
        for (const QPointF& tip : tips_[t]) p.drawPixmap(QPointF(std::round(tip.x() - half), std::round(tip.y() - half)), dot);
      }
    }
  }
  if (!crosses_.empty()) {
    p.setPen(QPen(s.cut, 2.4 * s.lineScale, Qt::SolidLine, Qt::SquareCap));
    drawLinesChunked(p, crosses_);
  }
}

void SpacetimeView::paintMessageLabels(QPainter& p) {
  const palette::Scheme& s = scheme_;
  const auto& info = controller_->info();
  // Labels on a paper-coloured backing so they read over crossing arrows.
  QColor paper = s.background;
  paper.setAlpha(215);
  std::vector<QRectF> placed;
  for (const MessageLabel& l : labels_) {
    const QStaticText& text = messageText_[l.type];
    const QSizeF sz = text.size();
    const QRectF r(l.at.x() - sz.width() / 2, l.at.y() - sz.height() / 2, sz.width(), sz.height());
    // Labels come in send order, so a clash is almost always with one of the last few placed.
    const auto from = placed.size() > 48 ? placed.end() - 48 : placed.begin();
    if (std::any_of(from, placed.end(), [&](const QRectF& o) { return o.intersects(r); })) continue;
    placed.push_back(r.adjusted(-3, -1, 3, 1));
    p.fillRect(r.adjusted(-2, 0, 2, 0), paper);
    p.setPen(palette::message(viewutil::key(info.messages, l.type), projector_).darker(projector_ ? 100 : 120));
    p.drawStaticText(r.topLeft(), text);
  }
}

void SpacetimeView::paintSelectionAndNow(QPainter& p, cs::Time t1) {
  const palette::Scheme& s = scheme_;
  const double f = s.fontScale;
  const auto& sim = controller_->sim();
  // The selected message, on top of everything: a halo in the selection colour.
  const quint32 sel = controller_->selectedMessage();
  if (sel > 0 && sel >= sim.messages_base() && sel < sim.messages_sent() && sim.message(sel).sent_at <= t1) {
    const cs::Message& m = sim.message(sel);
    const QPointF a = pointAt(m.from, m.sent_at), b = arrowEnd(m);
    QColor halo = s.selection;
    halo.setAlpha(70);
    p.setPen(QPen(halo, 10 * s.lineScale, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(a, b);
    p.setPen(QPen(s.selection, 2.6 * s.lineScale, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(a, b);
    p.setBrush(s.selection);
    p.drawEllipse(a, 3.5 * f, 3.5 * f);
  }

  // Now.
  const double nowX = x(controller_->now());
  p.setPen(QPen(s.now, 2 * s.lineScale));
  p.drawLine(QPointF(nowX, metrics().ruler), QPointF(nowX, viewport()->height()));
}

void SpacetimeView::paintRulerScale(QPainter& p, cs::Time t0, cs::Time t1) {
  const palette::Scheme& s = scheme_;
  const double f = s.fontScale;
  const Metrics m = metrics();
  const double w = viewport()->width();
  p.fillRect(QRectF(0, 0, w, m.ruler), s.panel);
  p.setPen(QPen(s.panelBorder, 1));
  p.drawLine(QPointF(0, m.ruler - 0.5), QPointF(w, m.ruler - 0.5));
  p.setFont(viewutil::scaledFont(font(), 10.5 * f));
  const double step = niceStepMs(ppm_, 90 * f);
  const int decimals = step >= 1 ? 0 : (step >= 0.1 ? 1 : 2);
  for (double t = std::floor(static_cast<double>(t0) / 1000.0 / step) * step; t * 1000.0 <= static_cast<double>(t1); t += step) {
    const double gx = x(static_cast<cs::Time>(std::llround(t * 1000.0)));
    if (gx < m.gutter) continue;
    // Flat caps: a square cap reached half a pixel into the plot's first row under the ruler.
    p.setPen(QPen(s.mutedInk, 1, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(QPointF(gx, m.ruler - 6 * f), QPointF(gx, m.ruler));
    p.drawText(QRectF(gx + 3, 0, 120 * f, m.ruler - 4 * f), Qt::AlignLeft | Qt::AlignVCenter,
               tr("%1 ms").arg(QLocale().toString(t, 'f', decimals)));
  }
  // Fault flags.
  for (const FaultMark& fm : faults_) {
    if (fm.time < t0 || fm.time > t1) continue;
    const double fx = x(fm.time);
    p.setPen(Qt::NoPen);
    p.setBrush(s.cut);
    p.drawPolygon(QPolygonF{QPointF(fx, m.ruler), QPointF(fx - 5 * f, m.ruler - 9 * f), QPointF(fx + 5 * f, m.ruler - 9 * f)});
  }
}

// The ruler changes only when the view scrolls or zooms (or a fault is added); the gutter only when a
// node goes down or up or the selection moves. Both are cached as translucent pixmaps drawn where they
// were painted (their antialiased edges blend over the plot as before); the "now" pill moves every
// frame and is painted on top.
void SpacetimeView::paintRuler(QPainter& p, cs::Time t0, cs::Time t1) {
  const Metrics m = metrics();
  const qreal dpr = viewport()->devicePixelRatioF();
  const QChar sep(u'|');
  const QString key = QString::number(viewport()->width()) + sep + QString::number(dpr) + sep + QString::number(scheme_.fontScale) + sep +
                      QString::number(horizontalScrollBar()->value()) + sep + QString::number(ppm_, 'g', 17) + sep +
                      QString::number(t0) + sep + QString::number(faults_.size()) + sep + QLocale().name() + sep + tr("%1 ms") +
                      sep + font().key() + sep + QString::number(m.gutter);
  if (key != rulerKey_ || ruler_.isNull()) {
    rulerKey_ = key;
    ruler_ = QPixmap(QSize(viewport()->width(), static_cast<int>(std::ceil(m.ruler)) + 1) * dpr);
    ruler_.setDevicePixelRatio(dpr);
    ruler_.fill(Qt::transparent);
    QPainter c(&ruler_);
    c.setRenderHints(p.renderHints());
    paintRulerScale(c, t0, t1);
  }
  p.drawPixmap(0, 0, ruler_);
  const palette::Scheme& s = scheme_;
  const double f = s.fontScale;
  const double w = viewport()->width();
  // The "now" pill, on top of the ticks.
  const double nowX = x(controller_->now());
  if (nowX >= m.gutter && nowX <= w) {
    p.setFont(viewutil::scaledFont(font(), 10.5 * f, true));
    const QString label = tr("now %1 ms").arg(viewutil::ms(controller_->now()));
    const double lw = QFontMetricsF(p.font()).horizontalAdvance(label) + 12 * f;
    const QRectF pill(std::max<double>(m.gutter + 2, std::min(nowX - lw / 2, w - lw - 2)), 3 * f, lw, m.ruler - 6 * f);
    p.setPen(Qt::NoPen);
    p.setBrush(s.now);
    p.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    p.setPen(Qt::white);
    p.drawText(pill, Qt::AlignCenter, label);
  }
}

void SpacetimeView::paintGutter(QPainter& p) {
  const Metrics m = metrics();
  const auto& sim = controller_->sim();
  const qreal dpr = viewport()->devicePixelRatioF();
  const QChar sep(u'|');
  QString key = QString::number(viewport()->height()) + sep + QString::number(m.gutter) + sep + QString::number(dpr) + sep + QString::number(scheme_.fontScale) + sep +
                QString::number(verticalScrollBar()->value()) + sep + QString::number(laneHeight(), 'g', 17) + sep +
                QString::number(controller_->selectedNode()) + sep + tr("node") + sep + font().key() + sep;
  for (const auto& n : sim.nodes())
    key += QString::fromStdString(n.name) + QLatin1Char(n.up ? '+' : '-') + EngineText::role(n.role) + QLatin1Char('\x1f');
  if (viewutil::vectorTarget(p)) {
    p.save();
    paintGutterLanes(p);
    p.restore();
    return;
  }
  if (key != gutterKey_ || gutter_.isNull()) {
    gutterKey_ = key;
    gutter_ = QPixmap(QSize(static_cast<int>(std::ceil(m.gutter)) + 1, viewport()->height()) * dpr);
    gutter_.setDevicePixelRatio(dpr);
    gutter_.fill(Qt::transparent);
    QPainter c(&gutter_);
    c.setRenderHints(p.renderHints());
    paintGutterLanes(c);
  }
  p.drawPixmap(0, 0, gutter_);
}

void SpacetimeView::paintGutterLanes(QPainter& p) {
  const palette::Scheme& s = scheme_;
  const double f = s.fontScale;
  const Metrics m = metrics();
  const auto& sim = controller_->sim();
  const double lh = laneHeight();
  p.fillRect(QRectF(0, 0, m.gutter, viewport()->height()), s.panel);
  p.setPen(QPen(s.panelBorder, 1));
  p.drawLine(QPointF(m.gutter - 0.5, 0), QPointF(m.gutter - 0.5, viewport()->height()));
  p.setFont(viewutil::scaledFont(font(), 10 * f));
  p.setPen(s.mutedInk);
  p.drawText(QRectF(8 * f, 0, m.gutter - 10 * f, m.ruler), Qt::AlignLeft | Qt::AlignVCenter, tr("node"));
  p.setClipRect(QRectF(0, m.ruler, m.gutter, viewport()->height() - m.ruler));
  const QFont name = viewutil::scaledFont(font(), 13 * f, true), role = viewutil::scaledFont(font(), 9.5 * f);
  const QFontMetricsF nm(name), rm(role);
  for (std::size_t i = 0; i < sim.nodes().size(); ++i) {
    const auto& n = sim.nodes()[i];
    const double y = laneY(static_cast<cs::NodeId>(i));
    const bool selected = controller_->selectedNode() == static_cast<cs::NodeId>(i);
    if (selected) {
      QColor sel = s.selection;
      sel.setAlpha(35);
      p.fillRect(QRectF(0, y - lh / 2, m.gutter - 1, lh), sel);
      p.fillRect(QRectF(0, y - lh / 2, 3 * f, lh), s.selection);
    }
    // Status dot: green while up, red while down.
    p.setPen(Qt::NoPen);
    p.setBrush(n.up ? palette::state(QStringLiteral("COMMIT"), projector_) : s.cut);
    p.drawEllipse(QPointF(12 * f, y - (lh > nm.height() + rm.height() ? rm.height() / 2 : 0)), 4 * f, 4 * f);
    p.setFont(name);
    p.setPen(n.up ? s.ink : s.cut);
    const bool twoLines = lh > nm.height() + rm.height();
    p.drawText(QRectF(22 * f, y - nm.height() / 2 - (twoLines ? rm.height() / 2 : 0), m.gutter - 26 * f, nm.height()),
               Qt::AlignLeft | Qt::AlignVCenter, QString::fromStdString(n.name));
    if (twoLines) {
      p.setFont(role);
      p.setPen(s.mutedInk);
      p.drawText(QRectF(22 * f, y + nm.height() / 2 - rm.height() / 2, m.gutter - 26 * f, rm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                 rm.elidedText(EngineText::role(n.role), Qt::ElideRight, m.gutter - 26 * f));
    }
  }
}
