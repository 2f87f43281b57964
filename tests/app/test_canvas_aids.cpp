// Teaching aids on the canvas (issue 11, item 10) and the deliberate link cut (item 9): timer
// countdowns and why a node is blocked, read from the engine; the invariant banner; a double-click
// cuts a link and a toast offers Undo; a single click does not cut.
#include <gtest/gtest.h>

#include <QLabel>
#include <QRegularExpression>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

#include "canvas_view.hpp"
#include "check/invariant.hpp"
#include "engine_text.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "node_aids.hpp"
#include "sim/node_facts.hpp"
#include "view_util.hpp"

using guitest::scenarioPath;

namespace {

constexpr cs::NodeId kC = 0, kP1 = 1, kP2 = 2;

std::unique_ptr<LabController> open(const char* file) {
  auto c = std::make_unique<LabController>();
  QString error;
  EXPECT_TRUE(c->openScenario(scenarioPath(file), &error)) << error.toStdString();
  return c;
}

std::unique_ptr<CanvasView> shownCanvas(LabController* c, QSize size = {1200, 800}) {
  auto view = std::make_unique<CanvasView>(c);
  view->resize(size);
  view->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(view.get()));
  return view;
}

// The engine's running timer of `node`, as the countdown text the card must show.
QString expectedCountdown(const LabController& c, cs::NodeId node) {
  const auto timers = c.sim().pending_timers(node);
  if (timers.empty()) return {};
  const std::string key = c.info().timers[timers.front().kind];
  return QStringLiteral("%1 · %2 ms").arg(EngineText::timer(key), NodeAids::countdown(timers.front().fire_at - c.now()));
}

// When an invariant first breaks in a full headless run of the controller's scenario (-1: never).
cs::Time firstViolation(const LabController& c, std::string* key) {
  auto run = c.makeRun();
  run->run();
  for (const auto& inv : run->invariants())
    if (!inv->held()) {
      *key = inv->key();
      return inv->first_violation().time;
    }
  return -1;
}

}  // namespace

TEST(CanvasAids, TimerCountdownsFollowTheClockBothWays) {
  auto c = open("2pc-coordinator-crash.json");
  auto view = shownCanvas(c.get());
  for (cs::Time t : {cs::ms(450), cs::ms(520), cs::ms(610), cs::ms(470)}) {  // forward, then scrubbed back
    c->seekTime(t);
    const NodeItem* p1 = view->nodeItem(kP1);
    const QString expected = expectedCountdown(*c, kP1);
    ASSERT_FALSE(expected.isEmpty()) << "P1 waits on a timer at " << t;
    ASSERT_FALSE(p1->data().aids.timers.isEmpty());
    EXPECT_EQ(p1->data().aids.timers.front().text, expected) << t;
    EXPECT_EQ(p1->data().aids.timers.front().key, QStringLiteral("decision_timeout"));
    // The card reserves room for it, inside the card.
    EXPECT_FALSE(p1->aidRect().isEmpty());
    EXPECT_TRUE(p1->cardRect().contains(p1->aidRect()));
  }
  // The crashed coordinator's timers died with it: no countdown.
  EXPECT_TRUE(view->nodeItem(kC)->data().aids.timers.isEmpty());
  // Cards never overlap, aids included.
  for (cs::NodeId a = 0; a < 4; ++a)
    for (cs::NodeId b = a + 1; b < 4; ++b) {
      const QRectF ra = view->nodeItem(a)->mapRectToScene(view->nodeItem(a)->outlineRect());
      const QRectF rb = view->nodeItem(b)->mapRectToScene(view->nodeItem(b)->outlineRect());
      EXPECT_FALSE(ra.intersects(rb)) << a << " " << b;
    }
}

TEST(CanvasAids, ABlockedNodeSaysWhatItAskedAndSinceWhen) {
  auto c = open("2pc-coordinator-crash.json");
  auto view = shownCanvas(c.get());
  c->seekTime(cs::ms(700));
  const cs::NodeFacts f = cs::node_facts(c->sim(), kP1);
  ASSERT_TRUE(f.view.blocked);
  ASSERT_TRUE(f.last_sent.has_value());
  const QStringList why = view->nodeItem(kP1)->data().aids.why;
  ASSERT_EQ(why.size(), 2) << why.join(QLatin1Char('|')).toStdString();
  EXPECT_EQ(why[0], NodeAids::tr("in doubt since %1 ms").arg(NodeAids::ms(f.state_since)));
  EXPECT_EQ(why[1], NodeAids::tr("asked %1 at %2 ms").arg(QStringLiteral("C, P2, P3"), NodeAids::ms(f.last_sent->at)));
  EXPECT_TRUE(view->nodeItem(kP1)->toolTip().contains(why[1]));
  // Not blocked: nothing to explain.
  c->seekTime(cs::ms(2900));
  EXPECT_TRUE(view->nodeItem(kP1)->data().aids.why.isEmpty());
}

TEST(CanvasAids, TheBannerSaysWhichInvariantBrokeAndWhenAndCanBeDismissed) {
  auto c = open("3pc-partition-split.json");
  std::string key;
  const cs::Time broke = firstViolation(*c, &key);
  ASSERT_GE(broke, 0);
  auto view = shownCanvas(c.get(), {1280, 720});
  view->setProjectorMode(true);
  c->seekTime(broke - cs::ms(1));
  EXPECT_FALSE(view->invariantBanner()->isVisible());
  c->seekTime(broke + cs::ms(1));
  InvariantBanner* banner = view->invariantBanner();
  ASSERT_TRUE(banner->isVisible());
  EXPECT_TRUE(banner->title().contains(EngineText::invariant(key))) << banner->title().toStdString();
  EXPECT_NE(EngineText::invariant(key), QString::fromStdString(key));
  EXPECT_TRUE(banner->detail().contains(viewutil::ms(broke))) << banner->detail().toStdString();
  // Large enough for a room, but it leaves most of the canvas free.
  const auto* title = banner->findChild<QLabel*>(QStringLiteral("invariantBannerTitle"));
  ASSERT_NE(title, nullptr);
  EXPECT_GE(title->font().pixelSize(), 28);
  EXPECT_LT(banner->height(), view->height() * 0.3);
  EXPECT_TRUE(view->rect().contains(banner->geometry()));
  // In Chinese after a language switch.
  ASSERT_TRUE(language::apply(QStringLiteral("zh_TW"), false));
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  EXPECT_TRUE(banner->title().contains(EngineText::invariant(key))) << banner->title().toStdString();
  EXPECT_NE(banner->title().indexOf(QRegularExpression(QStringLiteral("\\p{Han}"))), -1);
  language::apply(QStringLiteral("en"), false);
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  // Dismissed, it stays away while the run goes on; a rewind before the violation re-arms it.
  QTest::mouseClick(banner->findChild<QToolButton*>(QStringLiteral("invariantBannerClose")), Qt::LeftButton);
  EXPECT_FALSE(banner->isVisible());
  c->seekTime(broke + cs::ms(5));
  EXPECT_FALSE(banner->isVisible());
  c->seekTime(broke - cs::ms(1));
  c->seekTime(broke + cs::ms(2));
  EXPECT_TRUE(banner->isVisible());
}

TEST(CanvasAids, ASingleClickOnALinkDoesNotCutItADoubleClickDoesAndTheToastUndoesIt) {
  auto c = open("2pc-happy.json");
  c->seekTime(cs::ms(900));  // quiet: no token sits on the link
  auto view = shownCanvas(c.get());
  const QPoint mid = view->mapFromScene(view->linkItem(kC, kP2)->visibleMid());
  QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, mid);
  EXPECT_FALSE(c->sim().network().is_cut(kC, kP2)) << "a single click must not cut";
  EXPECT_FALSE(view->toast()->isVisible());

  const int before = c->undoStack()->index();
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, mid);
  EXPECT_TRUE(c->sim().network().is_cut(kC, kP2));
  EXPECT_TRUE(view->linkItem(kC, kP2)->data().cut);
  EXPECT_FALSE(c->sim().network().is_cut(kC, kP1));
  ASSERT_TRUE(view->toast()->isVisible());
  EXPECT_EQ(view->toast()->text(), CanvasView::tr("Link %1 – %2 cut").arg(QStringLiteral("C"), QStringLiteral("P2")));
  EXPECT_TRUE(view->rect().contains(view->toast()->geometry()));

  QTest::mouseClick(view->toast()->undoButton(), Qt::LeftButton);
  EXPECT_FALSE(c->sim().network().is_cut(kC, kP2));
  EXPECT_EQ(c->undoStack()->index(), before);
  EXPECT_FALSE(view->toast()->isVisible());

  // A double-click on a cut link heals it (no toast: nothing was broken).
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, mid);
  ASSERT_TRUE(c->sim().network().is_cut(kC, kP2));
  view->toast()->hide();
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(view->linkItem(kC, kP2)->visibleMid()));
  EXPECT_FALSE(c->sim().network().is_cut(kC, kP2));
  EXPECT_FALSE(view->toast()->isVisible());
}
