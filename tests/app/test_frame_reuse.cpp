// Work a 4K frame of playback no longer redoes (issue 18, branch render5 and the ninth pass) gives
// what redoing it gave: countdown words kept by value and language, state-label walks resumed where
// the last frame left them, the space-time strip's paper left out under the opaque fog, and arrows in
// flight at the cached past's cut drawn only right of it. Pixel and text comparisons, not timings.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTest>
#include <cmath>

#include "canvas_view.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "node_aids.hpp"
#include "palette.hpp"
#include "projector_style.hpp"
#include "protocols/registry.hpp"
#include "spacetime_view.hpp"

namespace {

// The widget as rendered into an image first filled with `under`.
QImage rendered(QWidget& w, QColor under = Qt::magenta) {
  QImage image(w.size(), QImage::Format_ARGB32_Premultiplied);
  image.fill(under);
  w.render(&image);
  return image;
}

// Where two images of one size differ by more than `tolerance` in a colour channel (0-255), as "N
// pixels in RECT" (empty when they do not).
std::string difference(const QImage& a, const QImage& b, int tolerance = 0) {
  const auto differ = [tolerance](QRgb p, QRgb q) {
    return std::abs(qRed(p) - qRed(q)) > tolerance || std::abs(qGreen(p) - qGreen(q)) > tolerance ||
           std::abs(qBlue(p) - qBlue(q)) > tolerance || std::abs(qAlpha(p) - qAlpha(q)) > tolerance;
  };
  QRect box;
  int n = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x)
      if (differ(a.pixel(x, y), b.pixel(x, y))) {
        ++n;
        box |= QRect(x, y, 1, 1);
      }
  if (n == 0) return {};
  return QStringLiteral("%1 pixels in %2,%3 %4x%5").arg(n).arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height()).toStdString();
}

const cs::ProtocolDescriptor* descriptorOf(const LabController& c) {
  const cs::ProtocolEntry* entry = cs::find_protocol(c.scenario().protocol);
  return entry ? &entry->descriptor() : nullptr;
}

}  // namespace

TEST(FrameReuse, CountdownWordsKeptByValueAreTheWordsOfTheMoment) {
  auto c = guitest::benchRenderRun(cs::ms(400));
  NodeAids::Words words;
  const auto same = [&](const char* when) {
    int timers = 0;
    for (cs::NodeId n = 0; n < static_cast<cs::NodeId>(c->sim().nodes().size()); ++n) {
      const NodeAids kept = NodeAids::of(c->sim(), descriptorOf(*c), n, &words);
      const NodeAids fresh = NodeAids::of(c->sim(), descriptorOf(*c), n);
      EXPECT_EQ(kept, fresh) << when << ", node " << n;
      timers += static_cast<int>(fresh.timers.size());
    }
    return timers;
  };
  ASSERT_GT(same("at 400 ms"), 20) << "the workload should keep many timers running";
  const qsizetype worded = words.size();
  ASSERT_GT(worded, 0);
  same("again at 400 ms");
  EXPECT_EQ(words.size(), worded) << "the same moment should word nothing new";
  for (int step = 1; step <= 30; ++step) {
    c->seekTime(cs::ms(400) + step * 170);  // across millisecond boundaries, timers firing and set
    same("playing");
  }
  // Another language words them anew, without a LanguageChange reaching anyone who holds words.
  language::apply(QStringLiteral("zh_TW"), false);
  same("in zh-TW");
  const NodeAids zh = NodeAids::of(c->sim(), descriptorOf(*c), 1, &words);
  language::apply(QStringLiteral("en"), false);
  same("in English again");
  ASSERT_FALSE(zh.timers.isEmpty());
  EXPECT_NE(zh.timers.front().text, NodeAids::of(c->sim(), descriptorOf(*c), 1).timers.front().text)
      << "the zh-TW words should differ from the English ones";
}

TEST(FrameReuse, ResumedStateLabelWalksPaintWhatWalksFromTheEdgePaint) {
  for (const bool projector : {false, true}) {
    auto c = guitest::benchRenderRun(cs::ms(400));
    SpacetimeView view(c.get());
    view.setProjectorMode(projector);
    // Lanes too low for arrow labels (so the past is cached) and zoomed in, so that the state
    // labels have room and the walks' bookkeeping decides what is drawn.
    view.resize(1600, 380);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    view.setPixelsPerMs(projector ? 60 : 40);
    cs::Time t = c->now();
    int resumed = 0;
    for (int frame = 0; frame < 60; ++frame) {
      t += frame % 7 == 0 ? 900 : 60;  // now and then far enough for state changes on the lanes
      c->seekTime(t);
      if (frame == 30) language::apply(QStringLiteral("zh_TW"), false);  // other label widths
      // The first paint after a seek can differ from the next in the last state label of a lane
      // (seen with the walks forgotten before each paint too, so not theirs): compared from the
      // second paint on, as playback paints a frame after the one before.
      rendered(view);
      const int before = view.tickWalksResumed();
      const QImage kept = rendered(view);
      resumed += view.tickWalksResumed() - before;
      view.forgetTickWalks();
      const QImage fresh = rendered(view);
      ASSERT_EQ(difference(kept, fresh), "") << "projector " << projector << ", frame " << frame;
    }
    language::apply(QStringLiteral("en"), false);
    EXPECT_GT(resumed, 200) << "most frames should resume the lanes' walks (projector " << projector << ")";
  }
}

TEST(FrameReuse, TheSpacetimeStripCoversEveryPixelWithoutThePaperUnderTheFog) {
  // Whatever the target held before, a frame paints all of it: the paper left out under the fog
  // must be covered whole by the fog, also at its antialiased left edge, for any "now".
  for (const bool projector : {false, true}) {
    auto c = guitest::benchRenderRun(cs::ms(400));
    SpacetimeView view(c.get());
    view.setProjectorMode(projector);
    view.resize(1500, 480);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    cs::Time t = c->now();
    for (int frame = 0; frame < 40; ++frame) {
      t += 37 + frame * 11;  // "now" at a different fraction of a pixel each frame
      c->seekTime(t);
      rendered(view);  // the first paint after a seek aside, as in the test above
      const QImage onMagenta = rendered(view, Qt::magenta);
      const QImage onGreen = rendered(view, Qt::green);
      // Below the ruler. The plot's first row, when the ruler ends inside it (projector: 26 × the
      // font scale), is covered by nothing whole with or without this branch, so it shows a
      // little of what the target held (noticed here; left as it was).
      const int top = static_cast<int>(std::ceil(26 * palette::scheme(projector).fontScale));
      const QRect below(0, top, onGreen.width(), onGreen.height() - top);
      ASSERT_EQ(difference(onMagenta.copy(below), onGreen.copy(below)), "") << "projector " << projector << ", frame " << frame;
    }
  }
}

namespace {

// One 2PC transaction with one participant: one arrow in flight at a time, none crossing another, so
// a pixel comparison sees where an arrow is drawn, not which of two lies on top; optionally with
// link C-P1 cut at `cutAt`.
std::unique_ptr<LabController> oneArrowAtATime(cs::Time cutAt = 0) {
  cs::Scenario s;
  s.protocol = "2pc";
  s.seed = 3;
  s.until = cs::ms(2'000);
  s.params = {{"participants", 1}, {"transactions", 1}, {"resources", 1}};
  s.network.latency_lo = cs::ms(15);
  s.network.latency_hi = cs::ms(30);
  if (cutAt > 0) {
    cs::Fault cut;
    cut.trigger.time = cutAt;
    cut.action.kind = cs::FaultKind::Cut;
    cut.action.a = 0;
    cut.action.b = 1;
    s.faults.push_back(cut);
  }
  auto c = std::make_unique<LabController>();
  c->setScenario(s);
  return c;
}

// The diagram played from `from` to `to` in small steps (so its cached past is kept from `from`),
// and the same moment painted by a view that has just been opened (its past cached at `to`).
std::pair<QImage, QImage> playedAndFresh(LabController& c, cs::Time from, cs::Time to, bool projector) {
  // The application's type at its desk size, whatever a test before left: at a projector's size the
  // lane's first state label reaches down over the arrow, and which of the two lies on top is not
  // what is compared here.
  projector::apply(false);
  c.seekTime(from);
  SpacetimeView played(&c);
  played.setProjectorMode(projector);
  played.resize(1400, 110);  // lanes too low for arrow labels: the past is cached
  played.show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(&played));
  rendered(played);
  for (cs::Time t = from; t < to;) {
    t = std::min(to, t + 700);  // µs: a few pixels a frame
    c.seekTime(t);
    rendered(played);
  }
  const QImage a = rendered(played);
  SpacetimeView fresh(&c);
  fresh.setProjectorMode(projector);
  fresh.resize(played.size());
  fresh.show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(&fresh));
  fresh.horizontalScrollBar()->setValue(played.horizontalScrollBar()->value());  // the same span of time
  rendered(fresh);
  const QImage b = rendered(fresh);
  return {a, b};
}


}  // namespace

// Arrows in flight when the past was cached are in it whole, and each frame draws only their part
// right of the cut (SpacetimeView::tails_): played frames must show every such arrow as a view
// painted afresh at that moment does, without a gap, a seam or a doubled edge at the cut.
TEST(FrameReuse, ArrowsInFlightAtTheCutLookAsInAFreshPaint) {
  for (const bool projector : {false, true}) {
    auto c = oneArrowAtATime();
    const auto [played, fresh] = playedAndFresh(*c, cs::ms(4), cs::ms(12), projector);
    ASSERT_EQ(c->sim().in_flight().size(), 1u);  // PREPARE, in flight at both moments
    // Antialiasing may round an edge pixel differently (an arrow drawn to where it is now, or to
    // where it will arrive: seen ≤ 3 of 255); a gap, a seam or a doubled edge is far more.
    EXPECT_EQ(difference(played, fresh, 8), "") << "projector " << projector;
  }
}

// An arrow whose shaft the cached past holds as in flight, lost afterwards (here its link is cut
// under it), is a dashed lost arrow with a cross: the past is painted again, not left solid.
TEST(FrameReuse, AnArrowLostAfterTheCutIsRedrawnAsLost) {
  for (const bool projector : {false, true}) {
    auto c = oneArrowAtATime(cs::ms(8));
    const auto [played, fresh] = playedAndFresh(*c, cs::ms(4), cs::ms(40), projector);
    // PREPARE (id 1), in flight at 4 ms, lost on the wire cut at 8 ms (when it would have arrived).
    ASSERT_EQ(c->sim().message(1).status, cs::MsgStatus::Dropped);
    ASSERT_EQ(c->sim().message(1).drop_reason, cs::DropReason::LinkCut);
    EXPECT_EQ(difference(played, fresh, 8), "") << "projector " << projector;
  }
}
