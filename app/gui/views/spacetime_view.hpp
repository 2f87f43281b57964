// The space-time (Lamport) diagram: one horizontal lane per node, virtual time flowing right, an arrow
// per message from (sender, sent) to (receiver, delivered), crosses where messages were lost, crash
// and restart marks with a hatched "down" stretch, state changes as ticks, and a "now" line. Only the
// past is drawn: the future of a run is not known to the learner.
//
// Runs reach tens of thousands of events, so nothing here is a QGraphicsItem: the widget paints the
// visible time window directly, finding it by binary search (messages are stored in send order, so
// they are sorted by send time), and batches lines by message type.
#pragma once

class DropNotice;

#include <QAbstractScrollArea>
#include <QPixmap>
#include <QStaticText>
#include <array>
#include <map>
#include <vector>

#include "palette.hpp"
#include "sim/simulator.hpp"

class LabController;

class SpacetimeView : public QAbstractScrollArea {
  Q_OBJECT

 public:
  explicit SpacetimeView(LabController* controller, QWidget* parent = nullptr);

  QSize sizeHint() const override { return {900, 320}; }
  // The height that shows every lane at its smallest (the ruler, the lanes, the scroll bar, the frame).
  int heightForAllLanes() const;
  QSize minimumSizeHint() const override { return {300, 140}; }

  double pixelsPerMs() const { return ppm_; }
  void setPixelsPerMs(double ppm, double anchorX = -1);
  // Viewport coordinates of a node's lane at a time, and the message drawn nearest to a point
  // (0 if none within a few pixels). Public for the tests.
  QPointF pointAt(cs::NodeId node, cs::Time t) const;
  quint32 messageAt(QPointF viewportPos) const;
  // The messages messageAt() looks at for a point, as a range of ids: those sent in the time window
  // the tolerance covers, found by binary search (not every message of a long run).
  std::pair<std::size_t, std::size_t> candidatesAt(QPointF viewportPos) const;
  // Where a message's arrow ends as drawn now (the drop point for a lost one).
  QPointF arrowEnd(const cs::Message& m) const;

  // Lesson highlights: messages of these types (indices into the protocol's message keys) are drawn
  // over a wide accent glow. Empty clears.
  void setHighlightedTypes(const std::vector<int>& types);
  const std::vector<int>& highlightedTypes() const { return highlighted_; }
  // Arrows drawn with the glow in the last paint (for tests).
  int highlightedArrows() const { return highlightedDrawn_; }
  // For tests: lane walks that resumed where the last frame left them (TickWalk), and forgetting
  // them, so that the next paint walks every lane from its left edge.
  int tickWalksResumed() const { return tickWalksResumed_; }
  // For tests: the ruler's height, the type scale (projector: 1.7 times projector::factor()), and
  // where the last paint drew the state labels on the lanes.
  double rulerHeight() const { return metrics().ruler; }
  double typeScale() const { return scheme_.fontScale; }
  const std::vector<QRectF>& stateLabelRects() const { return stateLabelRects_; }
  void forgetTickWalks() { tickWalks_.clear(); }

 public slots:
  void rebuild();
  void refresh();
  void setProjectorMode(bool on);
  void zoomToFit();  // the whole run so far

 protected:
  void paintEvent(QPaintEvent* e) override;
  void resizeEvent(QResizeEvent* e) override;
  void showEvent(QShowEvent* e) override;
  void wheelEvent(QWheelEvent* e) override;
  void mousePressEvent(QMouseEvent* e) override;
  void keyPressEvent(QKeyEvent* e) override;
  bool viewportEvent(QEvent* e) override;
  void scrollContentsBy(int dx, int dy) override;
  void changeEvent(QEvent* e) override;

 private:
  void updateGutterWidth();
  double laneNameHeight() const;  // see laneHeight()
  double laneFloor(double nameHeight) const;  // laneHeight()'s least value
  struct Metrics {
    double gutter, ruler;  // the node-name column's width, the time ruler's height
  };
  Metrics metrics() const;
  // Each entry keeps the seq of the record it came from, so that a rewind cuts the index back to
  // the records the restored run has instead of rescanning the trace (truncateIndex()).
  struct Down {
    cs::Time from = 0;
    cs::Time to = -1;  // -1: still down
    std::uint64_t fromSeq = 0, toSeq = 0;
  };
  struct Tick {
    cs::Time time = 0;
    std::uint16_t state = 0;
    std::uint64_t seq = 0;
  };
  struct FaultMark {
    cs::Time time = 0;
    cs::FaultKind kind = cs::FaultKind::Cut;
    cs::NodeId a = cs::kNoNode, b = cs::kNoNode;
    std::uint64_t seq = 0;
  };

  void scan();  // brings the derived index up to date with the trace
  void resetIndex();
  // The run went back to `records` records of the same history: drops what came from later ones.
  void truncateIndex(std::uint64_t records);
  // The run forgot its records before `base` (a long run's trace window moved on, or a snapshot
  // ahead of it was restored): drops the state ticks and drop times from them, so that the index
  // stays the size of what the run holds (the drop notice says the view shows only that).
  void forgetIndexBefore(std::uint64_t base, std::uint32_t messagesBase);
  // When message `m` (dropped) was dropped, or its delivery time when the index does not say.
  cs::Time dropTime(const cs::Message& m) const;

  void updateScrollBars();
  void followNow();
  void updateTexts();
  double x(cs::Time t) const;
  cs::Time timeAt(double px) const;
  double laneY(cs::NodeId n) const;
  double laneHeight() const;
  std::pair<std::size_t, std::size_t> visibleMessages(cs::Time t0, cs::Time t1) const;
  QString tooltipFor(quint32 id) const;

  // What a paint pass draws, for the cache of the past (see paintEvent()): everything; only what is
  // final at `cut` (cannot change any more as time advances); or only what is not.
  enum class Part { All, Final, Live };
  struct Density {
    bool dense = false, busy = false, labelled = true;
    bool operator==(const Density&) const = default;
  };
  void paintLanes(QPainter& p, cs::Time t0, cs::Time t1, Part part = Part::All, cs::Time cut = 0, double fromX = -1e9);
  // paintLanes() in parts: the fogged future, lane stripes and time grid; one lane's down stretches
  // and state ticks; the link-fault marks across lanes.
  void paintLaneBackground(QPainter& p, cs::Time t0, cs::Time t1);
  void paintDownStretches(QPainter& p, cs::NodeId i, cs::Time t0, cs::Time t1, Part part, cs::Time cut);
  void paintStateTicks(QPainter& p, cs::NodeId i, cs::Time t0, cs::Time t1, Part part, cs::Time cut, double fromX);
  void paintFaultMarks(QPainter& p, cs::Time t0, cs::Time t1);
  // `cutX`: where the cached past ends in a Live pass (the shafts it holds are drawn right of it only).
  void paintMessages(QPainter& p, cs::Time t0, cs::Time t1, Density density, Part part = Part::All, cs::Time cut = 0,
                     double cutX = 0);
  // paintMessages() in parts: sort into batches, stroke them, label them, then the live selection
  // halo and the now line.
  void batchMessages(cs::Time t0, cs::Time t1, Density density, Part part, cs::Time cut);
  void strokeBatches(QPainter& p, bool busy);
  const QPixmap& tipSprite(std::size_t t, const QColor& c, double r);
  // The shafts of messages in flight at the cut, right of `cutX` (Live passes; see tails_).
  void strokeTails(QPainter& p, bool busy, double cutX);
  // Parts of strokeBatches() that strokeTails() shares: a lesson's glow under the given shafts, and
  // the pen (and antialiasing) of message type `t`'s shafts.
  void strokeGlow(QPainter& p, const std::vector<std::vector<QLineF>>& shafts);
  void setShaftPen(QPainter& p, std::size_t t, bool busy) const;
  // Whether the cached past holds message `m`'s shaft although `m` was in flight at `cut`: it will
  // arrive (not doomed at send), so its arrow left of the cut is what it will be for good.
  static bool bakedAt(const cs::Message& m, cs::Time cut);
  // Whether a message whose shaft the cached past holds has been lost since (a link cut, a crash):
  // its arrow is now a dashed lost one, so the past must be painted again.
  bool bakedMessageLost() const;
  void paintMessageLabels(QPainter& p);
  void paintSelectionAndNow(QPainter& p, cs::Time t1);
  bool finalAt(const cs::Message& m, cs::Time cut) const;
  void paintRuler(QPainter& p, cs::Time t0, cs::Time t1);  // from the cache, then the "now" pill
  void paintRulerScale(QPainter& p, cs::Time t0, cs::Time t1);
  void paintGutter(QPainter& p);  // from the cache
  void paintGutterLanes(QPainter& p);

  LabController* controller_;
  // "Showing the last N of M events" over the plot, when the run no longer holds its whole trace.
  DropNotice* dropNotice_ = nullptr;
  bool projector_ = false;
  // The colours and the type and line scales: projector mode's times projector::factor() (see
  // setProjectorMode()); kept here because laneHeight() runs for every point of every arrow.
  palette::Scheme scheme_ = palette::scheme(false);
  double gutterW_ = 92;  // the node-name column, from the longest name (updateGutterWidth)
  double laneNameH_ = 0;  // a lane's least height: its node's name (updateTexts)
  double ppm_ = 4.0;  // pixels per virtual millisecond
  bool zoomChosen_ = false;
  bool fitPending_ = false;
  bool fitted_ = false;  // the zoom is zoomToFit()'s (not the learner's): a new width fits again  // zoomToFit() asked for while folded away: done when shown at a real width
  cs::Time lastNow_ = -1;

  // Derived from the trace, incrementally (see scan()).
  const void* indexRun_ = nullptr;
  quint64 indexHistory_ = 0;  // LabController::historyId() of the run the index was made from
  std::uint64_t scanned_ = 0;  // records (by seq) the index covers
  cs::TraceEvent lastEvent_;
  // Drop times by message id, of the dropped ones only (few): a table by id would cost 8 bytes for
  // every message of a long run.
  std::map<std::uint32_t, cs::Time> dropAt_;
  std::uint64_t indexBase_ = 0;  // trace_base() when the index last forgot records before it
  std::vector<std::vector<Down>> down_;
  std::vector<std::vector<Tick>> ticks_;
  std::vector<FaultMark> faults_;
  std::size_t spanScanned_ = 0;
  cs::Time maxSpan_ = 0;  // the longest send-to-delivery time seen: how far back to look

  // Paint caches.
  // The past: the plot area as painted at time cacheCut_, holding only what was final then. Valid
  // while the scroll position, zoom, size, run and density stay the same.
  QPixmap past_;
  cs::Time cacheCut_ = -1;
  struct CacheKey {
    QSize size;
    int h = 0, v = 0;
    double ppm = 0;
    double scale = 0;  // the scheme's font scale (projector mode and its factor)
    const void* run = nullptr;
    std::uint64_t generation = 0;
    Density density;
    bool operator==(const CacheKey&) const = default;
  } cacheKey_;
  std::uint64_t generation_ = 0;  // bumped when the index or the texts are rebuilt
  std::vector<int> highlighted_;  // message types a lesson points at
  int highlightedDrawn_ = 0;
  std::vector<QStaticText> messageText_, stateText_;
  // The ruler without the "now" pill and the node gutter, keyed by what they show.
  QPixmap ruler_, gutter_;
  QString rulerKey_, gutterKey_;
  std::vector<std::vector<QLineF>> batch_, lostBatch_;
  std::vector<std::vector<QPointF>> tips_;
  std::vector<QLineF> crosses_;  // the X over each lost message's end
  // A Live pass's shafts of messages in flight at the cut: the cached past holds each of them whole
  // (to where it will arrive) left of the cut, so a frame draws only what lies right of the cut,
  // instead of ~200 whole arrows at 4K (issue 18). baked_: those messages' ids, from the cache's pass.
  std::vector<std::vector<QLineF>> tails_;
  std::vector<std::uint32_t> baked_;
  struct TipSprite {
    QRgb colour = 0;
    double radius = 0;
    QPixmap pixmap;
  };
  std::vector<TipSprite> tipSprites_;  // per message type (tipSprite())
  struct MessageLabel {
    QPointF at;
    std::uint16_t type;
  };
  std::vector<MessageLabel> labels_;  // labels with room, in send order
  // Where paintStateTicks()'s walk along a lane can start: a lane's state labels are placed left to
  // right, each only where the one before left room, so a pass walked every visible tick for that
  // bookkeeping although it draws only the last few (about 4 % of a 4K projector frame). Between
  // frames that keep the cached past, the ticks before the first one a pass may draw stay as they
  // were; the walk resumes there. One per lane and pass (the strip's shapes, the live labels).
  struct TickWalk {
    CacheKey key;
    cs::Time cut = -1, t0 = -1;
    double fromX = 0;
    std::size_t index = 0;  // ticks_[lane][index] is the first tick the pass may draw
    std::uint64_t seq = 0;  // that tick's record, to notice a rewound or trimmed lane
    double lastLabelEnd = 0;
    bool valid = false;
  };
  std::vector<std::array<TickWalk, 2>> tickWalks_;
  int tickWalksResumed_ = 0;
  std::vector<QRectF> stateLabelRects_;  // see stateLabelRects()
};
