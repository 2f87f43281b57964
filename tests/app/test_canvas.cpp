// The views: the topology canvas, the space-time diagram and the state-machine view show what the
// engine says, and their mouse gestures reach the engine through the controller.
#include <gtest/gtest.h>

#include <QAction>
#include <QMenu>
#include <QScrollBar>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "canvas_view.hpp"
#include "engine_text.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "palette.hpp"
#include "language.hpp"
#include "spacetime_view.hpp"
#include "state_machine_view.hpp"
#include "view_util.hpp"

using guitest::scenarioPath;

namespace {

constexpr cs::NodeId kC = 0, kP1 = 1, kP2 = 2, kP3 = 3;

std::unique_ptr<LabController> open(const char* file) {
  auto c = std::make_unique<LabController>();
  QString error;
  EXPECT_TRUE(c->openScenario(scenarioPath(file), &error)) << error.toStdString();
  return c;
}

// A canvas in a shown top-level widget of a fixed size, so that fitting and mouse mapping are real.
std::unique_ptr<CanvasView> shownCanvas(LabController* c) {
  auto view = std::make_unique<CanvasView>(c);
  view->resize(1200, 800);
  view->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(view.get()));
  return view;
}

QString engineStateText(const LabController& c, cs::NodeId n) {
  const auto v = c.simulation().sim().node_view(n);
  return EngineText::state(c.info().states[v.state]);
}

QAction* actionOfKind(QMenu* menu, cs::FaultKind kind) {
  for (QAction* a : menu->actions())
    if (a->data().isValid() && a->data().toInt() == static_cast<int>(kind)) return a;
  return nullptr;
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
  const QPointF ab = b - a;
  const double len2 = ab.x() * ab.x() + ab.y() * ab.y();
  const double t = len2 > 0 ? std::clamp(((p.x() - a.x()) * ab.x() + (p.y() - a.y()) * ab.y()) / len2, 0.0, 1.0) : 0.0;
  const QPointF q = a + ab * t;
  return std::hypot(p.x() - q.x(), p.y() - q.y());
}

// The first time at which at least one message is in flight.
cs::Time firstTimeWithMessagesInFlight(LabController& c) {
  for (cs::Time t = cs::ms(1); t < cs::ms(500); t += cs::ms(1)) {
    c.seekTime(t);
    if (!c.sim().in_flight().empty()) return t;
  }
  return -1;
}

}  // namespace

TEST(CanvasView, NodeCardsShowTheEngineStates) {
  auto c = open("2pc-happy.json");
  auto view = shownCanvas(c.get());
  for (cs::Time t : {cs::ms(0), cs::ms(12), cs::ms(30), cs::ms(60), cs::ms(400)}) {
    c->seekTime(t);
    ASSERT_EQ(c->nodeCount(), 4);
    for (cs::NodeId n = 0; n < c->nodeCount(); ++n) {
      NodeItem* item = view->nodeItem(n);
      ASSERT_NE(item, nullptr);
      EXPECT_EQ(item->data().stateText, engineStateText(*c, n)) << "node " << n << " at " << t;
      EXPECT_EQ(item->data().up, c->sim().is_up(n));
      EXPECT_EQ(item->data().locks.size(), static_cast<qsizetype>(c->simulation().sim().node_view(n).locks.size()));
    }
  }
}

TEST(CanvasView, DoubleClickingALinkCutsAndHealsIt) {
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(900));  // quiet: no token sits on the link
  auto view = shownCanvas(c.get());
  LinkItem* link = view->linkItem(kC, kP2);
  ASSERT_NE(link, nullptr);
  const QPoint mid = view->mapFromScene(link->visibleMid());
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, mid);
  EXPECT_TRUE(c->sim().network().is_cut(kC, kP2));
  EXPECT_TRUE(view->linkItem(kC, kP2)->data().cut);
  EXPECT_FALSE(c->sim().network().is_cut(kC, kP1));

  QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(view->linkItem(kC, kP2)->visibleMid()));
  EXPECT_FALSE(c->sim().network().is_cut(kC, kP2));
}

TEST(CanvasView, CrashAndRestartFromTheNodeMenu) {
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(200));  // P2 has logged its READY (and the decision) by now
  auto view = shownCanvas(c.get());
  ASSERT_FALSE(c->sim().log(kP2).empty());

  std::unique_ptr<QMenu> menu(view->createNodeMenu(kP2, view.get()));
  QAction* restart = actionOfKind(menu.get(), cs::FaultKind::Restart);
  ASSERT_NE(restart, nullptr);
  EXPECT_FALSE(restart->isEnabled());  // a running node cannot be restarted
  QAction* crash = actionOfKind(menu.get(), cs::FaultKind::Crash);
  ASSERT_NE(crash, nullptr);
  ASSERT_TRUE(crash->isEnabled());
  crash->trigger();
  EXPECT_FALSE(c->sim().is_up(kP2));

  // Greyed out, with the durable log still on show.
  const NodeItem::Data& d = view->nodeItem(kP2)->data();
  EXPECT_FALSE(d.up);
  ASSERT_FALSE(d.log.isEmpty());
  EXPECT_EQ(d.log.size() + d.logHidden, static_cast<qsizetype>(c->sim().log(kP2).size()));
  EXPECT_TRUE(d.log.back().contains(EngineText::logRecordAt(c->info(), c->sim().log(kP2).back().type)));

  std::unique_ptr<QMenu> again(view->createNodeMenu(kP2, view.get()));
  EXPECT_FALSE(actionOfKind(again.get(), cs::FaultKind::Crash)->isEnabled());
  actionOfKind(again.get(), cs::FaultKind::Restart)->trigger();
  EXPECT_TRUE(c->sim().is_up(kP2));
  EXPECT_TRUE(view->nodeItem(kP2)->data().up);
}

TEST(CanvasView, CutAllLinksOfANode) {
  auto c = open("2pc-happy.json");
  auto view = shownCanvas(c.get());
  std::unique_ptr<QMenu> menu(view->createNodeMenu(kP3, view.get()));
  QAction* cutAll = menu->findChild<QAction*>(QStringLiteral("cutAll"));
  ASSERT_NE(cutAll, nullptr);
  cutAll->trigger();
  for (cs::NodeId n : {kC, kP1, kP2}) EXPECT_TRUE(c->sim().network().is_cut(kP3, n));
  EXPECT_FALSE(c->sim().network().is_cut(kC, kP1));
}

TEST(CanvasView, MessageTokensTravelBetweenTheirEndpoints) {
  auto c = open("2pc-happy.json");
  auto view = shownCanvas(c.get());
  const cs::Time t = firstTimeWithMessagesInFlight(*c);
  ASSERT_GE(t, 0);
  for (cs::Time at : {t, t + cs::ms(3), t + cs::ms(6)}) {
    c->seekTime(at);
    const auto inFlight = c->sim().in_flight();
    const QList<MessageItem*> tokens = view->messageItems();
    ASSERT_EQ(tokens.size(), static_cast<qsizetype>(inFlight.size()));
    for (MessageItem* token : tokens) {
      const cs::Message& m = c->sim().messages()[token->id()];
      const QPointF a = view->nodeItem(m.from)->pos(), b = view->nodeItem(m.to)->pos();
      // On the link (tokens run in a lane a few units beside it) and between its two ends.
      EXPECT_LT(distanceToSegment(token->pos(), a, b), 12.0) << "message " << m.id;
      EXPECT_GT(token->data().progress, -1e-9);
      EXPECT_LT(token->data().progress, 1.0 + 1e-9);
      const double along = QLineF(a, token->pos()).length() / QLineF(a, b).length();
      EXPECT_GT(along, 0.0);
      EXPECT_LT(along, 1.0);
    }
  }
}

TEST(CanvasView, ShiftLassoPartitionsTheEncircledNodes) {
  auto c = open("2pc-happy.json");
  auto view = shownCanvas(c.get());
  // A small square around P1 only.
  const QPoint p = view->mapFromScene(view->nodeItem(kP1)->pos());
  const QPoint corners[] = {p + QPoint(30, -30), p + QPoint(-30, -30), p + QPoint(-30, 30), p + QPoint(30, 30)};
  // Start just off the card, on empty canvas: Shift over a node would drag it instead.
  const QPoint start = view->mapFromScene(view->nodeItem(kP1)->pos() + QPointF(view->nodeItem(kP1)->cardRect().width(), 0));
  QTest::mousePress(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, start);
  for (const QPoint& q : corners) QTest::mouseMove(view->viewport(), q);
  QTest::mouseMove(view->viewport(), start);
  QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::ShiftModifier, start);
  ASSERT_TRUE(c->sim().network().has_partition());
  EXPECT_TRUE(c->sim().network().partitioned(kP1, kC));
  EXPECT_FALSE(c->sim().network().partitioned(kC, kP2));
}

TEST(CanvasView, ProjectorModeEnlargesTheCards) {
  auto c = open("2pc-happy.json");
  auto view = shownCanvas(c.get());
  const qreal normal = view->nodeItem(kC)->cardRect().width();
  const int normalName = view->canvasStyle().name.pixelSize();
  view->setProjectorMode(true);
  EXPECT_TRUE(view->projectorMode());
  // The type grows by more than the card (a projector card has no lock row: its text, not its
  // padding, is what the room must read, and the view scales the cards up to fill the canvas).
  EXPECT_GT(view->canvasStyle().name.pixelSize(), normalName * 1.4);
  EXPECT_GT(view->nodeItem(kC)->cardRect().width(), normal * 1.2);
}

// Cards (with their WAL boxes) never overlap and stay inside the pane, whatever its shape; a wide,
// low pane (the canvas above the space-time diagram) flattens the layout rather than drawing a
// six-node circle's cards tiny.
TEST(CanvasView, CardsNeverOverlapAndFillWideLowPanes) {
  struct Shape {
    int w, h;
  };
  QStringList problems;
  for (const char* file : {"2pc-workload.json", "saga-orchestration-shipping-fails.json", "tcc-happy.json", "3pc-happy.json"}) {
    auto c = open(file);
    c->seekTime(cs::ms(300));
    for (const bool projector : {false, true}) {
      for (const Shape shape : {Shape{1200, 800}, Shape{900, 330}, Shape{520, 700}, Shape{1900, 560}}) {
        const QString where = QStringLiteral("%1%2 %3x%4").arg(QString::fromLatin1(file), projector ? QStringLiteral(" projector") : QString()).arg(shape.w).arg(shape.h);
        CanvasView view(c.get());
        view.setProjectorMode(projector);
        view.resize(shape.w, shape.h);
        view.show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
        std::vector<QRectF> boxes;
        const QRectF pane = QRectF(view.viewport()->rect()).adjusted(-2, -2, 2, 2);
        for (std::size_t n = 0; n < c->sim().nodes().size(); ++n) {
          const NodeItem* item = view.nodeItem(static_cast<cs::NodeId>(n));
          // What is drawn: the card and its WAL box (the bounding rectangle adds room for the glow).
          const QRectF box = view.mapFromScene(item->mapRectToScene(item->shape().boundingRect())).boundingRect();
          if (!pane.contains(box)) problems << QStringLiteral("%1: node %2 leaves the pane").arg(where).arg(n);
          for (std::size_t o = 0; o < boxes.size(); ++o)
            if (box.adjusted(2, 2, -2, -2).intersects(boxes[o])) problems << QStringLiteral("%1: nodes %2 and %3 overlap").arg(where).arg(o).arg(n);
          boxes.push_back(box);
        }
        if (!projector && shape.w == 900 && std::string(file) == "2pc-workload.json") {
          const qreal cardOnScreen = view.transform().m11() * view.nodeItem(kC)->cardRect().width();
          // Kept at full height the circle gave 0.23 of the card's width here; flattened, 0.33.
          EXPECT_GE(cardOnScreen, 0.3 * view.nodeItem(kC)->cardRect().width());
        }
      }
    }
  }
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

TEST(CanvasView, ClickingATokenSelectsItsMessage) {
  // Tokens are painted by the view in one pass; their items still take hover and clicks.
  auto c = open("2pc-happy.json");
  auto view = shownCanvas(c.get());
  const cs::Time t = firstTimeWithMessagesInFlight(*c);
  ASSERT_GE(t, 0);
  c->seekTime(t + cs::ms(2));
  const QList<MessageItem*> tokens = view->messageItems();
  ASSERT_FALSE(tokens.isEmpty());
  MessageItem* token = tokens.front();
  const QPoint at = view->mapFromScene(token->pos());
  QGraphicsItem* hit = view->itemAt(at);
  ASSERT_NE(hit, nullptr);
  ASSERT_EQ(hit->type(), kMessageItem);
  EXPECT_FALSE(hit->toolTip().isEmpty());  // what the hover shows
  const quint32 id = static_cast<MessageItem*>(hit)->id();
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
  EXPECT_EQ(c->selectedMessage(), id);
  for (MessageItem* m : view->messageItems()) {
    if (m->id() == id) {
      EXPECT_TRUE(m->data().selected);
    }
  }
}

TEST(CanvasView, LessonHighlightsAreDrawnAndCleared) {
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(900));  // quiet: nothing moves between the grabs
  auto view = shownCanvas(c.get());
  const QImage plain = view->grab().toImage();
  EXPECT_FALSE(view->highlightPulsing());

  const QString p1 = viewutil::nodeName(c->sim(), kP1), p2 = viewutil::nodeName(c->sim(), kP2),
                coordinator = viewutil::nodeName(c->sim(), kC);
  view->setHighlights({p1}, {{p2, coordinator}});  // a link in either order
  EXPECT_TRUE(view->nodeItem(kP1)->highlighted());
  EXPECT_FALSE(view->nodeItem(kP2)->highlighted());
  EXPECT_TRUE(view->linkItem(kC, kP2)->highlighted());
  EXPECT_FALSE(view->linkItem(kC, kP1)->highlighted());
  EXPECT_TRUE(view->highlightPulsing());  // the pulse runs only while something is highlighted

  // Visible without hovering: pixels change just outside P1's card and on the C-P2 link.
  const QImage lit = view->grab().toImage();
  const QRectF card = view->nodeItem(kP1)->mapRectToScene(view->nodeItem(kP1)->cardRect());
  const QPoint besideCard = view->mapFromScene(QPointF(card.center().x(), card.top())) - QPoint(0, 3);
  const QPoint onLink = view->mapFromScene(view->linkItem(kC, kP2)->visibleMid());
  EXPECT_NE(lit.pixel(besideCard), plain.pixel(besideCard));
  EXPECT_NE(lit.pixel(onLink), plain.pixel(onLink));

  // Unknown names are ignored; empty lists clear everything and stop the pulse.
  view->setHighlights({QStringLiteral("nobody")}, {{p1, QStringLiteral("nobody")}});
  EXPECT_FALSE(view->nodeItem(kP1)->highlighted());
  EXPECT_FALSE(view->linkItem(kC, kP2)->highlighted());
  EXPECT_FALSE(view->highlightPulsing());
  view->setHighlights({}, {});
  EXPECT_FALSE(view->highlightPulsing());
  EXPECT_EQ(view->grab().toImage(), plain);
}

TEST(SpacetimeView, ClickingAnArrowSelectsItsMessageEverywhere) {
  auto c = open("2pc-happy.json");
  auto canvas = shownCanvas(c.get());
  SpacetimeView view(c.get());
  view.resize(1200, 420);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  const cs::Time t = firstTimeWithMessagesInFlight(*c);
  ASSERT_GE(t, 0);
  c->seekTime(t + cs::ms(4));

  // An in-flight arrow whose middle is nearer to it than to any other arrow.
  quint32 target = 0;
  QPoint click;
  for (std::uint32_t id : c->sim().in_flight()) {
    const cs::Message& m = c->sim().messages()[id];
    const QPointF mid = (view.pointAt(m.from, m.sent_at) + view.arrowEnd(m)) / 2;
    if (view.messageAt(mid) == id) {
      target = id;
      click = mid.toPoint();
      break;
    }
  }
  ASSERT_NE(target, 0u);
  QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, click);
  EXPECT_EQ(c->selectedMessage(), target);
  // The canvas highlights the same message.
  bool highlighted = false;
  for (MessageItem* token : canvas->messageItems())
    if (token->id() == target) highlighted = token->data().selected;
  EXPECT_TRUE(highlighted);
}

namespace {

// Every arrow as drawn now, indexed by message id (0, the "none" slot, left empty).
std::vector<QLineF> arrowsAsDrawn(const SpacetimeView& view, const LabController& c) {
  const auto& msgs = c.sim().messages();
  std::vector<QLineF> out(msgs.size());
  for (std::size_t i = 1; i < msgs.size(); ++i) out[i] = {view.pointAt(msgs[i].from, msgs[i].sent_at), view.arrowEnd(msgs[i])};
  return out;
}

// The arrow nearest to `p` within `tol` over every message of the run (the later one of equally
// near arrows, as messageAt() decides), and its distance: the slow, obviously right answer.
std::pair<quint32, double> nearestArrowByBruteForce(const std::vector<QLineF>& arrows, QPointF p, double tol) {
  quint32 best = 0;
  double bestD = tol;
  for (std::size_t i = 1; i < arrows.size(); ++i) {
    const double d = distanceToSegment(p, arrows[i].p1(), arrows[i].p2());
    if (d <= bestD) {
      bestD = d;
      best = static_cast<quint32>(i);
    }
  }
  return {best, bestD};
}

}  // namespace

TEST(SpacetimeView, FindsArrowsQuicklyInALongRun) {
  // messageAt() looks only at the messages sent in a time window around the point (binary search
  // over send times, widened by the longest flight). Over a long run, at two zooms, its answer must
  // be the brute-force nearest arrow, while it examines only a small part of the run.
  auto c = open("2pc-workload.json");
  c->seekTime(c->endTime());
  SpacetimeView view(c.get());
  view.resize(1600, 500);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  view.zoomToFit();
  QImage img(view.size(), QImage::Format_ARGB32);
  view.render(&img);  // the whole run at once: culling and batching must cope
  const auto& msgs = c->sim().messages();
  ASSERT_GT(msgs.size(), 4000u);
  const double tol = 7 * palette::scheme(false).lineScale;

  struct Zoom {
    double factor;
    std::size_t maxCandidates;
  };
  // A linear search would examine all ~4,800 messages; fitted it looks at about 420 (the 14-pixel
  // window spans ~100 ms of a 10 s run, in its busiest part), zoomed in 40 times at about 80.
  for (const Zoom zoom : {Zoom{1, msgs.size() / 8}, Zoom{40, msgs.size() / 40}}) {
    SCOPED_TRACE(zoom.factor);
    if (zoom.factor > 1) {
      // Into the busiest second of the run (its transactions start in the first 2.5 s).
      view.setPixelsPerMs(view.pixelsPerMs() * zoom.factor);
      view.horizontalScrollBar()->setValue(static_cast<int>(1200 * view.pixelsPerMs() - view.viewport()->width() / 2));
      view.render(&img);
    }
    const std::vector<QLineF> arrows = arrowsAsDrawn(view, *c);
    const QRectF plot = view.viewport()->rect();
    // Probes: on and beside the middle of every 7th arrow in sight, and a grid over the whole view.
    std::vector<QPointF> probes;
    for (std::size_t i = 1; i < arrows.size(); i += 7) {
      const QPointF mid = arrows[i].center();
      if (!plot.contains(mid)) continue;
      for (const QPointF off : {QPointF(0, 0), QPointF(0, 3), QPointF(2, -2)}) probes.push_back(mid + off);
    }
    for (double x = 0; x < plot.width(); x += 19)
      for (double y = 0; y < plot.height(); y += 13) probes.push_back({x, y});
    ASSERT_GT(probes.size(), 2000u);

    int hits = 0;
    std::size_t widest = 0;
    for (const QPointF p : probes) {
      const auto [want, wantD] = nearestArrowByBruteForce(arrows, p, tol);
      const quint32 got = view.messageAt(p);
      if (want == 0) {
        ASSERT_EQ(got, 0u) << "at " << p.x() << "," << p.y();
        continue;
      }
      ++hits;
      ASSERT_NE(got, 0u) << "missed message " << want << " at " << p.x() << "," << p.y();
      // Another id only for a tie: an arrow exactly as near.
      ASSERT_NEAR(distanceToSegment(p, arrows[got].p1(), arrows[got].p2()), wantD, 1e-9)
          << "found " << got << ", nearest is " << want << " at " << p.x() << "," << p.y();
      const auto [lo, hi] = view.candidatesAt(p);
      ASSERT_LE(lo, got);
      ASSERT_LT(got, hi);
      widest = std::max(widest, hi - lo);
    }
    EXPECT_GT(hits, 300);
    EXPECT_LE(widest, zoom.maxCandidates) << "of " << msgs.size() << " messages";
  }
}

TEST(SpacetimeView, CachedPastMatchesAFreshPaint) {
  // A busy diagram paints the past from a cache and only the live part per frame: after frames of
  // playback it must look like a view painted from scratch at the same moment.
  auto c = std::make_unique<LabController>();
  cs::Scenario busy;  // the render benchmark's workload: ~200 messages in flight
  busy.protocol = "2pc";
  busy.seed = 42;
  busy.until = cs::ms(2'000);
  busy.params = {{"participants", 11}, {"transactions", 400}, {"interval_ms", 2.8}, {"resources", 1000}};
  c->setScenario(busy);
  c->seekTime(cs::ms(300));
  SpacetimeView played(c.get());
  played.resize(1600, 600);
  played.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&played));
  QImage a(played.size(), QImage::Format_ARGB32_Premultiplied);
  for (int frame = 0; frame < 40; ++frame) {
    c->seekTime(c->now() + 150);
    played.render(&a);
  }
  // Busy enough for the cache (unlabelled arrows): over 300 messages in the visible time window.
  std::size_t recent = 0;
  for (const cs::Message& m : c->sim().messages())
    if (m.id != 0 && m.sent_at >= c->now() - cs::ms(200)) ++recent;
  ASSERT_GT(recent, 300u);
  SpacetimeView fresh(c.get());
  fresh.resize(played.size());
  fresh.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&fresh));
  fresh.horizontalScrollBar()->setValue(played.horizontalScrollBar()->value());
  QImage b(fresh.size(), QImage::Format_ARGB32_Premultiplied);
  fresh.render(&b);
  played.render(&a);
  // Left of the live band (arrows sent in the last 20 ms, the longest flight) the pixels are the
  // same; inside it only the stacking of live arrows over finished ones may differ.
  const int liveLeft = static_cast<int>(played.pointAt(0, c->now() - cs::ms(30)).x());
  ASSERT_GT(liveLeft, 400);
  qint64 differ = 0, differLeft = 0;
  for (int y = 0; y < a.height(); ++y)
    for (int x = 0; x < a.width(); ++x)
      if (a.pixel(x, y) != b.pixel(x, y)) {
        ++differ;
        if (x < liveLeft) ++differLeft;
      }
  EXPECT_EQ(differLeft, 0);
  EXPECT_LT(static_cast<double>(differ) / (a.width() * a.height()), 0.03) << differ << " pixels differ";
}

// The time scroll bar paints from cached pixmaps (a stretched handle when the style allows it): at
// rest it must look like a plain QScrollBar with the same geometry and values (up to rounding), while
// the handle shrinks, grows and moves.
TEST(SpacetimeView, CachedScrollBarLooksLikeAPlainOne) {
  auto c = open("2pc-happy.json");
  SpacetimeView view(c.get());
  view.resize(1800, 300);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  QScrollBar* cached = view.horizontalScrollBar();
  QScrollBar plain(Qt::Horizontal, &view);  // in the same window: same palette, same active state
  plain.setGeometry(cached->geometry());
  plain.show();
  const auto same = [&](int max, int page, int value) {
    for (QScrollBar* bar : {cached, &plain}) {
      bar->setPageStep(page);
      bar->setRange(0, max);
      bar->setValue(value);
    }
    const QImage a = cached->grab().toImage().convertToFormat(QImage::Format_ARGB32);
    const QImage b = plain.grab().toImage().convertToFormat(QImage::Format_ARGB32);
    if (a.size() != b.size()) return false;
    // Painting through translucent pixmaps rounds the arrow buttons' soft edges a few levels
    // differently; a wrong handle would differ by far more.
    for (int y = 0; y < a.height(); ++y)
      for (int x = 0; x < a.width(); ++x) {
        const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
        if (std::max({std::abs(qRed(p) - qRed(q)), std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q)),
                      std::abs(qAlpha(p) - qAlpha(q))}) > 4)
          return false;
      }
    return true;
  };
  for (int max = 1000; max < 1400; max += 7) EXPECT_TRUE(same(max, 1700, max * 3 / 4)) << max;
  for (int max = 1400; max > 0; max -= 131) EXPECT_TRUE(same(max, 1700, max / 2)) << max;
  EXPECT_TRUE(same(3000, 1700, 0));
  EXPECT_TRUE(same(3000, 1700, 3000));
  EXPECT_TRUE(same(0, 1700, 0));
}

TEST(StateMachineView, ShowsTheCoordinatorThenTheSelectedNode) {
  auto c = open("2pc-happy.json");
  StateMachineView view(c.get());
  view.resize(600, 420);
  c->seekTime(cs::ms(30));
  EXPECT_EQ(view.shownNode(), kC);
  EXPECT_EQ(view.litState(), c->simulation().sim().node_view(kC).state);
  c->selectNode(kP1);
  EXPECT_EQ(view.shownNode(), kP1);
  EXPECT_EQ(view.litState(), c->simulation().sim().node_view(kP1).state);
  c->seekTime(cs::ms(400));
  // The participant's last transition is READY -> COMMIT in a happy run.
  const auto [from, to] = view.lastTransition();
  EXPECT_EQ(c->info().states[static_cast<std::size_t>(to)], "COMMIT");
  EXPECT_EQ(c->info().states[static_cast<std::size_t>(from)], "READY");
  EXPECT_EQ(view.transitionLabel("PREPARE/VOTE_COMMIT"), QStringLiteral("PREPARE / VOTE_COMMIT"));
}

// Narrow projector panes (a lesson beside the canvas) and wide short ones (a laptop): the states
// never overlap and stay inside the pane, for machines of three, four and more layers.
TEST(StateMachineView, StatesNeverOverlapInAnyPaneShape) {
  // Both languages: the zh-TW arrow labels are longer than the English ones.
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_TW")})
  for (const char* file : {"2pc-happy.json", "3pc-happy.json", "saga-orchestration-happy.json", "tcc-happy.json"}) {
    language::apply(lang, false);
    auto c = open(file);
    StateMachineView view(c.get());
    c->seekTime(cs::ms(50));
    for (const bool projector : {false, true})
      for (const QSize size : {QSize(420, 700), QSize(560, 760), QSize(900, 360), QSize(700, 460), QSize(1100, 520), QSize(780, 430),
                               QSize(412, 220), QSize(513, 560)}) {  // 1280×720: the lab; a projector with panels
        if (size.height() == 220 && projector) continue;  // the window gives a projector's machine the column's height
        view.setProjectorMode(projector);
        view.resize(size);
        (void)view.grab();  // lays out and paints
        const std::vector<QRectF> boxes = view.stateBoxes();
        ASSERT_FALSE(boxes.empty()) << file;
        for (std::size_t i = 0; i < boxes.size(); ++i) {
          EXPECT_TRUE(QRectF(view.rect()).contains(boxes[i])) << file << " " << size.width() << "x" << size.height() << " projector " << projector;
          for (std::size_t j = i + 1; j < boxes.size(); ++j)
            EXPECT_FALSE(boxes[i].intersects(boxes[j]))
                << file << " boxes " << i << "," << j << " in " << size.width() << "x" << size.height() << " projector " << projector;
        }
      }
  }
  language::apply(QStringLiteral("en"), false);
}

// The arrow labels sit in the gaps: none covers a state box, in either language, for every
// protocol's roles, in the pane shapes the window gives the view (1600×1000 and 1920×1080, lab and
// lesson, normal and projector; see MainWindow::resetLayout) and a few more.
TEST(StateMachineView, ArrowLabelsNeverCoverAState) {
  QStringList problems;
  // Measured in the window: lab 1600×1000 518×294, lesson 291×363; projector 1920×1080 lab 776×414,
  // lesson 447×638; lab 1280×720 405×235; projector 1280×720 with side panels 500×300. And a larger
  // window's panes.
  const QSize shapes[] = {QSize(518, 294), QSize(291, 363), QSize(776, 414), QSize(447, 638), QSize(700, 460), QSize(1100, 520),
                          QSize(405, 235), QSize(500, 300)};
  const bool projectorShape[] = {false, false, true, true, false, true, false, true};
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_TW")}) {
    language::apply(lang, false);
    for (const char* file : {"2pc-happy.json", "3pc-happy.json", "saga-orchestration-happy.json", "saga-choreography-happy.json",
                             "tcc-happy.json", "outbox-happy.json", "cap-register-cp-partition.json", "primary-backup-happy.json"}) {
      auto c = open(file);
      StateMachineView view(c.get());
      c->seekTime(cs::ms(50));
      std::set<std::string> roles;
      for (cs::NodeId node = 0; node < static_cast<cs::NodeId>(c->sim().nodes().size()); ++node) {
        if (!roles.insert(c->sim().nodes()[static_cast<std::size_t>(node)].role).second) continue;  // one node per role
        c->selectNode(node);
        for (std::size_t i = 0; i < std::size(shapes); ++i) {
          const QSize size = shapes[i];
          const bool projector = projectorShape[i];
          view.setProjectorMode(projector);
          view.resize(size);
          (void)view.grab();
          for (const QRectF& label : view.edgeLabelRects())
            for (const QRectF& box : view.stateBoxes()) {
              const QRectF overlap = label.intersected(box);
              if (overlap.width() > 3 && overlap.height() > 3) {
                problems << QStringLiteral("%1 %2 node %3 %4x%5%6").arg(lang, QString::fromLatin1(file)).arg(node).arg(size.width()).arg(size.height()).arg(projector ? QStringLiteral(" projector") : QString());
                // With COMMITSCOPE_SHOT_DIR set, each case is also saved as a picture to look at.
                if (!qEnvironmentVariableIsEmpty("COMMITSCOPE_SHOT_DIR"))
                  view.grab().save(qEnvironmentVariable("COMMITSCOPE_SHOT_DIR") + QStringLiteral("/sm-%1-%2-%3-%4x%5%6.png").arg(lang, QString::fromLatin1(file)).arg(node).arg(size.width()).arg(size.height()).arg(projector ? QStringLiteral("-p") : QString()));
              }
            }
        }
      }
    }
  }
  language::apply(QStringLiteral("en"), false);
  problems.removeDuplicates();
  // Known: the projector lab's side column (776×414 at 1.7× type) is too small for the busiest
  // machines (3PC's participant has twelve transitions) and some zh-TW label sets; labels there
  // overlap a box's edge. The list may only shrink: a case that now passes must come off it.
  // A label with no room on the graph is hidden (the arrow's tooltip and the header carry it), never
  // drawn over a state: no known exceptions.
  const QStringList known;

  QStringList unexpected, fixed;
  for (const QString& p : problems)
    if (!known.contains(p)) unexpected << p;
  for (const QString& k : known)
    if (!problems.contains(k)) fixed << k;
  EXPECT_TRUE(unexpected.isEmpty()) << unexpected.size() << " new cases:\n" << unexpected.join(QLatin1Char('\n')).toStdString();
  EXPECT_TRUE(fixed.isEmpty()) << "no longer overlapping, take off the list:\n" << fixed.join(QLatin1Char('\n')).toStdString();
}

// The locks box never disappears: in the narrow lesson column it is a one-line box under the log.
TEST(StateMachineView, TheLocksBoxIsShownInEveryPaneShape) {
  auto c = open("2pc-happy.json");
  StateMachineView view(c.get());
  c->seekTime(cs::ms(50));
  for (const bool projector : {false, true})
    for (const QSize size : {QSize(291, 363), QSize(518, 294), QSize(447, 638), QSize(776, 414)}) {
      view.setProjectorMode(projector);
      view.resize(size);
      (void)view.grab();
      EXPECT_FALSE(view.locksBox().isEmpty()) << size.width() << "x" << size.height() << " projector " << projector;
      EXPECT_TRUE(QRectF(view.rect()).contains(view.locksBox())) << size.width() << "x" << size.height();
    }
}

TEST(StateMachineView, ANarrowTallProjectorPaneStacksTheLayers) {
  auto c = open("2pc-happy.json");
  StateMachineView view(c.get());
  view.setProjectorMode(true);
  view.resize(440, 760);
  (void)view.grab();
  EXPECT_TRUE(view.verticalLayout());
  // INIT above WAIT above the outcomes.
  const std::vector<QRectF> boxes = view.stateBoxes();
  qreal lastTop = -1;
  int layersSeen = 0;
  std::vector<qreal> tops;
  for (const QRectF& r : boxes) tops.push_back(r.top());
  std::sort(tops.begin(), tops.end());
  for (qreal t : tops)
    if (t > lastTop + 1) {
      ++layersSeen;
      lastTop = t;
    }
  EXPECT_GE(layersSeen, 3);
  view.resize(1100, 460);  // wide again: left to right
  (void)view.grab();
  EXPECT_FALSE(view.verticalLayout());
}

TEST(StateMachineView, TransitionsWithTheSameAnswerShareOneLabel) {
  auto c = open("2pc-happy.json");
  StateMachineView view(c.get());
  EXPECT_EQ(view.edgeText({QStringLiteral("VOTE_ABORT / GLOBAL_ABORT"), QStringLiteral("timeout / GLOBAL_ABORT")}),
            QStringLiteral("VOTE_ABORT or timeout / GLOBAL_ABORT"));
  EXPECT_EQ(view.edgeText({QStringLiteral("a / X"), QStringLiteral("b / Y")}), QStringLiteral("• a / X\n• b / Y"));
  EXPECT_EQ(view.edgeText({QStringLiteral("PREPARE / VOTE_COMMIT")}), QStringLiteral("PREPARE / VOTE_COMMIT"));
}
