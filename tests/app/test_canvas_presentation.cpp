// The canvas in front of a class (issue #11, items 4 and 7): message families told apart by shape
// and by colours that survive colour blindness, a legend of families that shows only what is on
// screen on a projector, links bent around the cards in their way, and canvas text of at least 18 px
// on a 1280×720 projector.
#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QSet>
#include <QStyle>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

#include <map>
#include <set>
#include <vector>

#include "canvas_view.hpp"
#include "cvd_simulation.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "link_routing.hpp"
#include "lesson_window_support.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "state_machine_view.hpp"
#include "metric_text.hpp"
#include "metrics_chart_view.hpp"
#include "palette.hpp"
#include "protocols/registry.hpp"
#include "row_fold.hpp"

using guitest::scenarioPath;

namespace {

std::unique_ptr<LabController> open(const char* file) {
  auto c = std::make_unique<LabController>();
  QString error;
  EXPECT_TRUE(c->openScenario(scenarioPath(file), &error)) << error.toStdString();
  return c;
}

QString familyKey(cs::MessageFamily f) {
  const std::string_view k = cs::message_family_key(f);
  return QString::fromUtf8(k.data(), static_cast<qsizetype>(k.size()));
}

// A canvas of that size, shown and painted once (the legend is measured when painted).
void showAndPaint(CanvasView& view, QSize size) {
  view.resize(size);
  view.show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(&view));
  view.viewport()->grab();
}

QRectF onScreen(const CanvasView& view, const QRectF& scene) { return view.mapFromScene(scene).boundingRect(); }

}  // namespace

// Every pair of families that one protocol uses differs by shape, so commit and abort, success and
// failure, request and compensation read without colour.
TEST(TokenShapes, FamiliesOfOneProtocolHaveDistinctShapes) {
  QStringList problems;
  for (const auto& e : cs::protocol_registry()) {
    std::set<cs::MessageFamily> families;
    for (const cs::MessageSpec& m : e.descriptor().messages) families.insert(m.family);
    for (auto a = families.begin(); a != families.end(); ++a)
      for (auto b = std::next(a); b != families.end(); ++b)
        if (palette::familyShape(*a) == palette::familyShape(*b))
          problems << QStringLiteral("%1: %2 and %3").arg(QString::fromStdString(std::string(e.descriptor().name)), familyKey(*a), familyKey(*b));
  }
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
  // And the shapes are really different outlines, not one path under two names.
  const QPainterPath commit = palette::shapePath(palette::familyShape(cs::MessageFamily::Commit), {}, 10);
  const QPainterPath abort = palette::shapePath(palette::familyShape(cs::MessageFamily::Abort), {}, 10);
  EXPECT_FALSE(commit.subtracted(abort).isEmpty());
  EXPECT_FALSE(abort.subtracted(commit).isEmpty());
}

// The colours a learner must tell apart stay apart (CIE ΔE*ab of at least 20) for viewers with
// deuteranopia, protanopia or tritanopia, in both palettes.
TEST(Palette, ColoursToTellApartSurviveColourBlindness) {
  using F = cs::MessageFamily;
  using C = cs::StateClass;
  const std::pair<F, F> messages[] = {{F::VoteYes, F::VoteNo}, {F::Commit, F::Abort}, {F::Success, F::Failure}, {F::Request, F::Compensation}};
  const std::pair<C, C> states[] = {{C::Committed, C::Aborted}, {C::Committing, C::Aborting}, {C::Done, C::Failed}, {C::Committed, C::Compensated}};
  const std::pair<cvd::Kind, const char*> kinds[] = {{cvd::Kind::None, "normal vision"}, {cvd::Kind::Deuteranopia, "deuteranopia"},
                                                     {cvd::Kind::Protanopia, "protanopia"}, {cvd::Kind::Tritanopia, "tritanopia"}};
  constexpr double kMinDeltaE = 20;
  QStringList problems;
  for (const bool projector : {false, true})
    for (const auto& [kind, name] : kinds) {
      for (const auto& [a, b] : messages) {
        const double d = cvd::deltaE(palette::familyColour(a, projector), palette::familyColour(b, projector), kind);
        if (d < kMinDeltaE) problems << QStringLiteral("%1/%2 %3%4: ΔE %5").arg(familyKey(a), familyKey(b), QString::fromLatin1(name), projector ? QStringLiteral(" projector") : QString()).arg(d, 0, 'f', 1);
      }
      for (const auto& [a, b] : states) {
        const double d = cvd::deltaE(palette::stateClassColour(a, projector), palette::stateClassColour(b, projector), kind);
        if (d < kMinDeltaE) problems << QStringLiteral("state classes %1/%2 %3%4: ΔE %5").arg(static_cast<int>(a)).arg(static_cast<int>(b)).arg(QString::fromLatin1(name), projector ? QStringLiteral(" projector") : QString()).arg(d, 0, 'f', 1);
      }
    }
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

// The saga's legend lists message families (6), not its 23 message types, and covers no card.
TEST(CanvasLegend, SagaLegendIsSmallAndCoversNoCard) {
  for (const bool projector : {false, true}) {
    auto c = open("saga-orchestration-shipping-fails.json");
    c->seekTime(cs::ms(120));
    CanvasView view(c.get());
    view.setProjectorMode(projector);
    showAndPaint(view, {1200, 800});
    const QRectF legend = view.legendRect();
    ASSERT_FALSE(legend.isEmpty()) << "projector " << projector;
    EXPECT_LE(view.legendShown().size(), 9u) << "projector " << projector;
    EXPECT_LE(legend.height(), 0.15 * view.viewport()->height()) << "projector " << projector;
    for (cs::NodeId n = 0; n < c->nodeCount(); ++n) {
      const NodeItem* item = view.nodeItem(n);
      EXPECT_FALSE(legend.intersects(onScreen(view, item->mapRectToScene(item->shape().boundingRect()))))
          << "node " << n << " projector " << projector;
    }
  }
}

// On a projector the legend explains what is on screen now: nothing in flight and no fault, no
// legend at all (not an empty bar); messages in flight, exactly their families.
TEST(CanvasLegend, ProjectorLegendShowsWhatIsOnScreenOnly) {
  auto c = open("2pc-happy.json");
  CanvasView view(c.get());
  view.setProjectorMode(true);
  showAndPaint(view, {1200, 800});
  bool sawEmpty = false, sawFlying = false;
  for (cs::Time t = 0; t <= cs::ms(200); t += cs::ms(2)) {
    c->seekTime(t);
    view.viewport()->grab();
    std::set<int> flying, shown;
    for (const MessageItem* m : view.messageItems()) {
      cs::MessageFamily f;
      ASSERT_TRUE(palette::messageFamily(m->data().key, &f));
      flying.insert(static_cast<int>(f));
    }
    for (const CanvasLegend::Entry& e : view.legendShown())
      if (e.mark == CanvasLegend::Mark::Token) shown.insert(static_cast<int>(e.family));
    EXPECT_EQ(flying, shown) << "t = " << t;
    if (flying.empty()) {
      sawEmpty = true;
      EXPECT_TRUE(view.legendRect().isEmpty()) << "an empty legend box at t = " << t;
    } else {
      sawFlying = true;
    }
  }
  EXPECT_TRUE(sawEmpty);
  EXPECT_TRUE(sawFlying);
}

// No link passes behind a card or a WAL box that is not its own (they are bent around), and no WAL
// box covers another node's card: the saga examples and a 2PC cluster of six, on a desk and on a
// projector, before and after crashes.
TEST(CanvasLinks, NoLinkPassesBehindAnotherNode) {
  QStringList problems;
  const char* files[] = {"saga-orchestration-happy.json", "saga-orchestration-shipping-fails.json", "saga-orchestration-orchestrator-crash.json",
                         "saga-orchestration-timeout.json", "saga-choreography-happy.json", "saga-choreography-compensation.json",
                         "saga-choreography-subscriber-crash.json", "2pc-workload.json"};
  for (const char* file : files) {
    auto c = open(file);
    for (const cs::Time t : {cs::ms(150), cs::ms(900)}) {
      c->seekTime(t);
      for (const bool projector : {false, true}) {
        CanvasView view(c.get());
        view.setProjectorMode(projector);
        showAndPaint(view, {1400, 800});
        const QString where = QStringLiteral("%1 %2 ms%3").arg(QString::fromLatin1(file)).arg(t / 1000).arg(projector ? QStringLiteral(" projector") : QString());
        const auto outline = [&](cs::NodeId n) { return view.nodeItem(n)->outlineRect().translated(view.nodeItem(n)->pos()); };
        for (cs::NodeId a = 0; a < c->nodeCount(); ++a)
          for (cs::NodeId b = a + 1; b < c->nodeCount(); ++b) {
            const LinkItem* link = view.linkItem(a, b);
            const QPolygonF visible = linkroute::visibleStretch(linkroute::polyline(link->line().p1(), link->line().p2(), link->bend()), outline(a), outline(b));
            for (cs::NodeId o = 0; o < c->nodeCount(); ++o)
              if (o != a && o != b && linkroute::crosses(visible, outline(o)))
                problems << QStringLiteral("%1: link %2-%3 passes behind node %4").arg(where).arg(a).arg(b).arg(o);
          }
        for (cs::NodeId a = 0; a < c->nodeCount(); ++a)
          for (cs::NodeId o = 0; o < c->nodeCount(); ++o)
            if (a != o && outline(a).intersects(view.nodeItem(o)->cardRect().translated(view.nodeItem(o)->pos())))
              problems << QStringLiteral("%1: node %2's WAL box covers node %3's card").arg(where).arg(a).arg(o);
      }
    }
  }
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

// A token on a bent link still travels from its sender to its receiver, along the curve.
TEST(CanvasLinks, TokensFollowABentLink) {
  const QPolygonF straight = linkroute::polyline({0, 0}, {100, 0}, 0);
  const QPolygonF bent = linkroute::polyline({0, 0}, {100, 0}, 30);
  EXPECT_NEAR(straight[16].y(), 0, 1e-9);
  EXPECT_NEAR(std::abs(bent[16].y()), 30, 1e-6);
  EXPECT_EQ(linkroute::chooseBend({0, 0}, {300, 0}, QRectF(-20, -20, 40, 40), QRectF(280, -20, 40, 40), {QRectF(130, -20, 40, 40)}, 5) == 0, false);
  EXPECT_EQ(linkroute::chooseBend({0, 0}, {300, 0}, QRectF(-20, -20, 40, 40), QRectF(280, -20, 40, 40), {QRectF(130, 30, 40, 40)}, 5), 0);
}

// The presentation layout: at 1280×720 on a projector the canvas gets most of the window and its
// node names, states and message labels are at least 18 px on screen (font size × view scale), in
// both languages.
TEST(ProjectorLayout, CanvasTextIsAtLeast18PxAt1280x720) {
  QStringList problems;
  for (const char* lang : {"en", "zh_TW"}) {
    language::apply(QString::fromLatin1(lang), false);
    for (const char* file : {"2pc-coordinator-crash.json", "3pc-happy.json", "saga-orchestration-shipping-fails.json", "2pc-workload.json"}) {
      LabController controller;
      MainWindow w(&controller);
      ASSERT_TRUE(w.openFile(scenarioPath(file), false));
      controller.seekTime(cs::ms(120));
      w.setProjectorMode(true, false);
      w.resize(1280, 720);
      w.show();
      EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
      QApplication::processEvents();
      const CanvasView* canvas = w.canvas();
      const qreal scale = canvas->transform().m11();
      const CanvasStyle& st = canvas->canvasStyle();
      const QString where = QStringLiteral("%1 %2").arg(QString::fromLatin1(lang), QString::fromLatin1(file));
      const std::pair<const char*, QFont> fonts[] = {{"node name", st.name}, {"state", st.badge}, {"message label", st.token}};
      qreal smallest = 1e9;
      for (const auto& [what, font] : fonts) smallest = std::min(smallest, font.pixelSize() * scale);
      qInfo("%s: smallest canvas text %.1f px", qPrintable(where), smallest);  // for the record
      for (const auto& [what, font] : fonts)
        if (font.pixelSize() * scale < 18)
          problems << QStringLiteral("%1: %2 %3 px").arg(where, QString::fromLatin1(what)).arg(font.pixelSize() * scale, 0, 'f', 1);
      // Nothing overlaps: every card with its WAL box inside the canvas, clear of the others and of
      // the legend (3PC's current state once hid under another label at this size).
      canvas->viewport()->grab();
      const QRectF pane(canvas->viewport()->rect());
      for (cs::NodeId n = 0; n < controller.nodeCount(); ++n) {
        const NodeItem* item = canvas->nodeItem(n);
        const QRectF box = onScreen(*canvas, item->outlineRect().translated(item->pos()));
        if (!pane.contains(box)) problems << QStringLiteral("%1: node %2 leaves the canvas").arg(where).arg(n);
        if (box.intersects(canvas->legendRect())) problems << QStringLiteral("%1: the legend covers node %2").arg(where).arg(n);
        for (cs::NodeId o = n + 1; o < controller.nodeCount(); ++o) {
          const NodeItem* other = canvas->nodeItem(o);
          if (box.intersects(onScreen(*canvas, other->outlineRect().translated(other->pos()))))
            problems << QStringLiteral("%1: nodes %2 and %3 overlap").arg(where).arg(n).arg(o);
        }
      }
      const double share = double(canvas->viewport()->width()) * canvas->viewport()->height() / (w.width() * w.height());
      if (share < 0.6) problems << QStringLiteral("%1: the canvas has %2% of the window").arg(where).arg(qRound(share * 100));
    }
  }
  language::apply(QStringLiteral("en"), false);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

// In zh-TW a state reads "PRECOMMIT（預提交）": beside its key, the gloss made every 3PC card a
// third wider than in English, so the view shrank the cards of a lesson's canvas (and every name on
// them) to ~13 px on a 1280×720 projector. A projector writes the gloss under the key and message
// labels by their key only: the Chinese cards are as large as the English ones.
TEST(ProjectorLayout, ChineseCardsAreAsLargeAsEnglishOnesBesideALesson) {
  EXPECT_EQ(CanvasStyle::splitGloss(QStringLiteral("PRECOMMIT（預提交）")), std::pair(QStringLiteral("PRECOMMIT"), QStringLiteral("預提交")));
  EXPECT_EQ(CanvasStyle::splitGloss(QStringLiteral("PRECOMMIT")), std::pair(QStringLiteral("PRECOMMIT"), QString()));
  std::map<QString, qreal> namePx;
  for (const char* lang : {"en", "zh_TW"}) {
    language::apply(QString::fromLatin1(lang), false);
    LabController controller;
    MainWindow w(&controller);
    w.resize(1280, 720);
    w.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
    ASSERT_TRUE(w.startLesson(QStringLiteral("11-three-phase-commit"), false));
    w.setProjectorMode(true, false);
    guitest::walkTo(w, 5);  // the participants in READY, votes in flight
    QApplication::processEvents();
    const CanvasView* canvas = w.canvas();
    const CanvasStyle& st = canvas->canvasStyle();
    namePx[QString::fromLatin1(lang)] = st.name.pixelSize() * canvas->transform().m11();
    EXPECT_EQ(st.glossBelow, QString::fromLatin1(lang) == QStringLiteral("zh_TW")) << lang;
    const QList<MessageItem*> tokens = canvas->messageItems();
    ASSERT_FALSE(tokens.isEmpty());
    for (const MessageItem* m : tokens) EXPECT_FALSE(m->data().text.contains(QChar(0xFF08))) << lang << " " << m->data().text.toStdString();
  }
  language::apply(QStringLiteral("en"), false);
  qInfo("node names beside lesson 11: en %.1f px, zh-TW %.1f px", namePx[QStringLiteral("en")], namePx[QStringLiteral("zh_TW")]);
  EXPECT_GE(namePx[QStringLiteral("zh_TW")], 0.95 * namePx[QStringLiteral("en")]);
}

// On a projector the metrics picker shows short labels: unique within every protocol, and whole (not
// "Transactio…" twice) in the picker of a 1920×1080 projector window with its side panels shown.
TEST(MetricLabels, ShortUniqueAndWholeOnAProjector) {
  QStringList problems;
  for (const char* lang : {"en", "zh_TW"}) {
    language::apply(QString::fromLatin1(lang), false);
    for (const auto& e : cs::protocol_registry()) {
      QSet<QString> seen;
      for (const cs::MetricSpec& m : e.descriptor().metrics) {
        const QString label = MetricText::label(m.key, true);
        if (seen.contains(label)) problems << QStringLiteral("%1 %2: \"%3\" twice").arg(QString::fromLatin1(lang), QString::fromStdString(std::string(e.descriptor().name)), label);
        seen.insert(label);
      }
    }
    for (const char* file : {"2pc-workload.json", "3pc-happy.json", "tcc-happy.json", "saga-orchestration-happy.json", "cap-register-cp-partition.json",
                             "primary-backup-happy.json", "outbox-happy.json"}) {
      LabController controller;
      MainWindow w(&controller);
      ASSERT_TRUE(w.openFile(scenarioPath(file), false));
      w.projectorPanelsAction()->setChecked(true);
      w.setProjectorMode(true, false);
      w.resize(1920, 1080);
      w.show();
      EXPECT_TRUE(QTest::qWaitForWindowExposed(&w));
      QApplication::processEvents();
      auto* picker = w.findChild<MetricsChartView*>()->findChild<QTreeWidget*>();
      ASSERT_NE(picker, nullptr);
      const QFontMetrics fm = picker->fontMetrics();
      const int indicator = picker->style()->pixelMetric(QStyle::PM_IndicatorWidth, nullptr, picker) +
                            picker->style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing, nullptr, picker);
      for (int i = 0; i < picker->topLevelItemCount(); ++i) {
        const QString text = picker->topLevelItem(i)->text(0);
        if (fm.horizontalAdvance(text) + indicator > picker->columnWidth(0))
          problems << QStringLiteral("%1 %2: \"%3\" is cut (%4 px in %5)").arg(QString::fromLatin1(lang), QString::fromLatin1(file), text).arg(fm.horizontalAdvance(text) + indicator).arg(picker->columnWidth(0));
      }
    }
  }
  language::apply(QStringLiteral("en"), false);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

// The state machine beside the canvas at 1280×720 (the default lab layout, and a projector with its
// side panels shown): 3PC's busy machines once drew "all ACK_PRECOMMIT or timeout / GLOBAL_COMMIT"
// over the COMMIT box and hid a label under PRECOMMIT. Every drawn label is clear of every state; a
// label with no room is hidden and said so on the graph, and its text is the arrow's tooltip.
TEST(StateMachineInTheWindow, NoArrowLabelCoversAStateAt1280x720) {
  QStringList problems;
  int hiddenSeen = 0;
  for (const char* lang : {"en", "zh_TW"}) {
    language::apply(QString::fromLatin1(lang), false);
    for (const bool projector : {false, true}) {
      LabController controller;
      MainWindow w(&controller);
      ASSERT_TRUE(w.openFile(scenarioPath("3pc-happy.json"), false));
      if (projector) {
        w.setProjectorMode(true, false);
        w.projectorPanelsAction()->setChecked(true);
      }
      w.resize(1280, 720);
      w.show();
      ASSERT_TRUE(QTest::qWaitForWindowExposed(&w));
      auto* view = w.findChild<StateMachineView*>();
      ASSERT_NE(view, nullptr);
      if (!qEnvironmentVariableIsEmpty("COMMITSCOPE_SHOT_DIR"))
        w.grab().save(qEnvironmentVariable("COMMITSCOPE_SHOT_DIR") + QStringLiteral("/window-%1-%2.png").arg(QString::fromLatin1(lang)).arg(projector));
      for (cs::NodeId node = 0; node < controller.nodeCount(); ++node) {
        controller.selectNode(node);
        controller.seekTime(cs::ms(400));
        QApplication::processEvents();
        (void)view->grab();
        const QString where = QStringLiteral("%1%2 node %3 (%4×%5)").arg(QString::fromLatin1(lang), projector ? QStringLiteral(" projector") : QString())
                                  .arg(node).arg(view->width()).arg(view->height());
        // On a 1280×720 projector the panels give the state machine the column's whole height.
        if (projector && view->height() < 400) problems << where + QStringLiteral(": the state machine is too low to read");
        const std::vector<QRectF> boxes = view->stateBoxes();
        EXPECT_FALSE(boxes.empty()) << where.toStdString();
        for (std::size_t i = 0; i < boxes.size(); ++i)
          for (std::size_t j = i + 1; j < boxes.size(); ++j)
            if (boxes[i].intersects(boxes[j])) problems << where + QStringLiteral(": states %1 and %2 overlap").arg(i).arg(j);
        for (const QRectF& label : view->edgeLabelRects())
          for (const QRectF& box : view->stateBoxes()) {
            const QRectF overlap = label.intersected(box);
            if (overlap.width() > 3 && overlap.height() > 3) problems << where + QStringLiteral(": a label covers a state");
          }
        if (!qEnvironmentVariableIsEmpty("COMMITSCOPE_SHOT_DIR"))  // to look at
          view->grab().save(qEnvironmentVariable("COMMITSCOPE_SHOT_DIR") + QStringLiteral("/sm-%1-%2-%3.png").arg(QString::fromLatin1(lang)).arg(projector).arg(node));
        if (view->hiddenEdgeLabels() > 0) {
          ++hiddenSeen;
          if (view->hiddenLabelsNote().isEmpty()) problems << where + QStringLiteral(": labels hidden without a note");
        }
      }
    }
  }
  language::apply(QStringLiteral("en"), false);
  qInfo("views with hidden labels: %d", hiddenSeen);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

// A lesson on a 1280×720 projector leaves the canvas about 750 pixels across. A saga drawn as its
// orchestrator above a row of four services was then half size (node names about 9 px); the row
// is shown as two rows around the orchestrator instead (names 18–22 px), so every lesson's canvas
// text stays at 13.5 px or more (2PC in zh-TW, whose state names are the widest, is the smallest),
// nothing overlaps and the leader's links pass behind no card. The file's layout is unchanged.
// Lesson 03's ten nodes (five clients, five replicas) stood in two rows of five, names ~11 px; they
// stand in two columns now, each client across from the replica it talks to (names 16-18 px). Its
// replicas all talk to each other, so some replica-to-replica link must pass along the column behind
// a card (they bend to its right); the link check below is for lessons with a hub, not for it.
TEST(ProjectorLayout, LessonCanvasTextStaysLargeBesideTheLessonPanelAt1280x720) {
  QStringList problems;
  for (const char* lang : {"en", "zh_TW"}) {
    language::apply(QString::fromLatin1(lang), false);
    for (const char* lesson : {"01-what-is-a-distributed-system", "02-cap-partition-forces-a-choice",
                               "03-pacelc-even-without-partitions", "04-clocks-and-vector-clocks", "05-split-brain", "06-acid-stops-at-the-service-boundary",
                               "07-two-phase-commit", "08-2pc-blocks", "09-participant-crash-recovery", "10-timeouts-and-the-janitor",
                               "11-three-phase-commit", "12-saga-orchestration", "13-saga-choreography", "14-saga-missing-isolation",
                               "15-tcc", "16-transactional-outbox", "17-choosing-a-pattern"}) {
      guitest::ShownWindow shown(nullptr, QSize(1280, 720));
      MainWindow& w = shown.w;
      w.setProjectorMode(true, false);
      ASSERT_TRUE(w.startLesson(QString::fromLatin1(lesson), false));
      QApplication::processEvents();
      const CanvasView* canvas = w.canvas();
      canvas->viewport()->grab();
      const qreal scale = canvas->transform().m11();
      const CanvasStyle& st = canvas->canvasStyle();
      const QString where = QStringLiteral("%1 %2").arg(QString::fromLatin1(lang), QString::fromLatin1(lesson));
      const qreal name = st.name.pixelSize() * scale, state = st.badge.pixelSize() * scale;
      qInfo("%s: node name %.1f px, state %.1f px, row folded: %d", qPrintable(where), name, state, canvas->rowFolded());
      if (std::min(name, state) < 13.5) problems << QStringLiteral("%1: text %2 px").arg(where).arg(std::min(name, state), 0, 'f', 1);
      const LabController& c = shown.controller;
      const auto outline = [&](cs::NodeId n) { return canvas->nodeItem(n)->outlineRect().translated(canvas->nodeItem(n)->pos()); };
      const QRectF pane(canvas->viewport()->rect());
      const cs::RoleSpec* leadRole = cs::find_protocol(c.scenario().protocol)->descriptor().coordinating_role();
      cs::NodeId lead = 0;
      for (cs::NodeId n = 0; n < c.nodeCount(); ++n)
        if (leadRole && c.sim().nodes()[static_cast<std::size_t>(n)].role == leadRole->key) lead = n;
      for (cs::NodeId a = 0; a < c.nodeCount(); ++a) {
        if (!pane.contains(onScreen(*canvas, outline(a)))) problems << QStringLiteral("%1: node %2 leaves the canvas").arg(where).arg(a);
        for (cs::NodeId b = a + 1; b < c.nodeCount(); ++b) {
          if (outline(a).intersects(outline(b))) problems << QStringLiteral("%1: nodes %2 and %3 overlap").arg(where).arg(a).arg(b);
          // The links of the leader (where the lesson's messages travel) are clear of every other
          // card. Two workers' diagonal crosses the hub between the rows (as in lesson 13's own
          // file layout): such a link carries no message in these lessons.
          if (a != lead && b != lead) continue;
          if (qstrcmp(lesson, "03-pacelc-even-without-partitions") == 0) continue;  // every pair talks, see above
          const LinkItem* link = canvas->linkItem(a, b);
          const QPolygonF visible = linkroute::visibleStretch(linkroute::polyline(link->line().p1(), link->line().p2(), link->bend()), outline(a), outline(b));
          for (cs::NodeId o = 0; o < c.nodeCount(); ++o)
            if (o != a && o != b && linkroute::crosses(visible, outline(o)))
              problems << QStringLiteral("%1: link %2-%3 passes behind node %4").arg(where).arg(a).arg(b).arg(o);
        }
      }
      w.setProjectorMode(false, false);
    }
  }
  language::apply(QStringLiteral("en"), false);
  EXPECT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
}

// The fold itself: a leader above a row of four becomes a hub between two rows of two, in reading
// order; a row of three is left alone; without a leader the second row goes below the first.
TEST(RowFold, FoldsALongRowIntoTwoRowsAroundItsLeader) {
  const std::vector<QPointF> saga = {{0, -100}, {-300, 100}, {-100, 100}, {100, 100}, {300, 100}};
  const auto f = rowfold::foldLongestRow(saga, 0.5);
  ASSERT_EQ(f.size(), saga.size());
  for (const auto& p : f) ASSERT_TRUE(p.has_value());
  EXPECT_EQ(*f[0], QPointF(0, 100));                                  // the leader, between the rows
  EXPECT_EQ(*f[1], QPointF(-100, 0));                                 // first row, left
  EXPECT_EQ(*f[2], QPointF(100, 0));                                  // first row, right
  EXPECT_EQ(*f[3], QPointF(-100, 200));                               // second row, left
  EXPECT_EQ(*f[4], QPointF(100, 200));                                // second row, right
  EXPECT_TRUE(rowfold::foldLongestRow({{0, -100}, {-200, 100}, {0, 100}, {200, 100}}, 0.5).empty());
  const auto row = rowfold::foldLongestRow({{-300, 0}, {-100, 0}, {100, 0}, {300, 0}, {500, 0}}, 0.5);
  ASSERT_EQ(row.size(), 5u);
  const QPointF expected[] = {{-100, 0}, {100, 0}, {300, 0}, {0, 100}, {200, 100}};  // three above, two below
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(*row[i], expected[i]) << i;
}

// Tokens that leave a node together (C's three PREPAREs) used to write their labels on top of each
// other ("PREPPREPPREPARE"): now a label that would cover one already written is left out, and the
// labels that are written never overlap, on a projector or not, as the tokens fly apart.
TEST(CanvasTokens, LabelsOfTokensFlyingTogetherNeverOverlap) {
  for (const bool projector : {false, true}) {
    auto c = open("2pc-happy.json");
    CanvasView view(c.get());
    view.setProjectorMode(projector);
    showAndPaint(view, {1280, 720});
    bool sawCrowd = false, sawAllLabelled = false;
    for (cs::Time t = 0; t <= cs::ms(60); t += 500) {  // microseconds
      c->seekTime(t);
      view.viewport()->grab();
      const int flying = static_cast<int>(view.messageItems().size());
      const auto& shown = view.tokenLabelsShown();
      if (flying > 0) {
        EXPECT_GE(shown.size(), 1) << "t " << t << " projector " << projector;
      }
      for (auto a = shown.cbegin(); a != shown.cend(); ++a)
        for (auto b = std::next(a); b != shown.cend(); ++b)
          EXPECT_FALSE(a.value().intersects(b.value()))
              << "labels of messages " << a.key() << " and " << b.key() << " overlap at t " << t << " projector " << projector;
      if (flying >= 3 && shown.size() < flying) sawCrowd = true;
      if (flying >= 3 && shown.size() == flying) sawAllLabelled = true;
    }
    // With the projector's large labels the three PREPAREs start out crowded (at desk size their
    // smaller labels already clear each other).
    if (projector) {
      EXPECT_TRUE(sawCrowd) << "the PREPAREs leaving C together should share one label at first";
    }
    EXPECT_TRUE(sawAllLabelled) << "once apart, every token should have its label; projector " << projector;
  }
}

// C's PREPAREs leave from under its WAL box: their labels, written above the tokens, covered
// "BEGIN t1" in lesson 07 (the lesson about that log) and a participant's state as a token arrived.
// A label now goes above or below, right or left of its token, wherever it covers no card, no WAL box
// and not the legend; a token with no such place stays unlabelled until it has one.
TEST(CanvasTokens, LabelsCoverNoCardNoWalAndNotTheLegend) {
  for (const char* file : {"2pc-happy.json", "3pc-happy.json", "saga-orchestration-happy.json"}) {
    for (const bool projector : {false, true}) {
      auto c = open(file);
      CanvasView view(c.get());
      view.setProjectorMode(projector);
      showAndPaint(view, {1280, 720});
      int labelled = 0;
      for (cs::Time t = 0; t <= cs::ms(80); t += 250) {  // microseconds
        c->seekTime(t);
        view.viewport()->grab();
        std::vector<QRectF> cards;
        for (cs::NodeId n = 0; n < c->nodeCount(); ++n) {
          const NodeItem* item = view.nodeItem(n);
          cards.push_back(onScreen(view, item->outlineRect().translated(item->pos())));
        }
        const auto& shown = view.tokenLabelsShown();
        labelled += static_cast<int>(shown.size());
        for (auto l = shown.cbegin(); l != shown.cend(); ++l) {
          for (std::size_t n = 0; n < cards.size(); ++n)
            EXPECT_FALSE(l.value().intersects(cards[n])) << file << " message " << l.key() << "'s label covers node " << n << " at t " << t << " projector " << projector;
          EXPECT_FALSE(l.value().intersects(view.legendRect())) << file << " at t " << t;
          EXPECT_TRUE(QRectF(view.viewport()->rect()).contains(l.value())) << file << " at t " << t;
        }
      }
      EXPECT_GT(labelled, 20) << file << ": the tokens in open space keep their labels; projector " << projector;
    }
  }
}

// The moment lesson 07 stops at for its first task: three PREPAREs just under C's WAL box, on a
// 1280×720 projector. Their labels are written below the tokens, clear of "BEGIN t1".
TEST(CanvasTokens, Lesson07sPrepareLabelsLeaveTheCoordinatorsWalReadable) {
  guitest::ShownWindow sw(nullptr, QSize(1280, 720));
  ASSERT_TRUE(sw.w.startLesson(QStringLiteral("07-two-phase-commit"), false));
  sw.w.setProjectorMode(true, false);
  guitest::walkTo(sw.w, 4);  // the task "step until P1 logs READY", at 0 ms
  QApplication::processEvents();
  const CanvasView* canvas = sw.w.canvas();
  canvas->viewport()->grab();
  ASSERT_GE(canvas->messageItems().size(), 3);
  const NodeItem* coordinator = canvas->nodeItem(0);
  const QRectF wal = onScreen(*canvas, coordinator->outlineRect().translated(coordinator->pos()));
  const auto& shown = canvas->tokenLabelsShown();
  EXPECT_GE(shown.size(), 1) << "at least one PREPARE keeps its label";
  for (const QRectF& label : shown) EXPECT_FALSE(label.intersects(wal));
}

// A projector window on `lesson`, paged as a teacher to step `index` (from 0) and settled there.
bool openLessonAtStep(MainWindow& w, const char* lesson, int index) {
  w.setProjectorMode(true, false);
  if (!w.startLesson(QString::fromLatin1(lesson), false)) return false;
  LessonSession* s = w.lessonSession();
  s->setTeacherMode(true);
  s->jumpTo(index);
  s->setTeacherMode(false);
  s->skipAnimation();
  QCoreApplication::processEvents();
  return true;
}

// Lesson 04 breaks "no lost update" with the replicas in the top row: the banner used to sit over
// them and hide the states the lesson talks about. It now goes where it covers no card (here the
// middle of the canvas, over links only), on a 1280×720 projector, in both languages.
TEST(InvariantBannerPlace, TheBannerCoversNoNodeCardInLesson04OnA1280x720Projector) {
  for (const char* lang : {"en", "zh_TW"}) {
    ASSERT_TRUE(language::apply(QString::fromLatin1(lang), false));
    guitest::ShownWindow shown(nullptr, QSize(1280, 720));
    MainWindow& w = shown.w;
    ASSERT_TRUE(openLessonAtStep(w, "04-clocks-and-vector-clocks", 5));  // step 6: K1's write lost
    CanvasView* view = w.canvas();
    InvariantBanner* banner = view->invariantBanner();
    ASSERT_TRUE(banner->isVisible()) << lang;
    const QRect b = banner->geometry();
    for (cs::NodeId n = 0; n < shown.controller.nodeCount(); ++n) {
      const NodeItem* item = view->nodeItem(n);
      const QRect card = view->mapFromScene(item->sceneBoundingRect()).boundingRect().translated(view->viewport()->pos());
      EXPECT_FALSE(card.intersects(b)) << lang << ": the banner " << b.x() << "," << b.y() << " " << b.width() << "x" << b.height()
                                       << " covers node " << n << " at " << card.x() << "," << card.y() << " " << card.width() << "x" << card.height() << " view h " << view->height();
    }
    EXPECT_TRUE(view->rect().contains(b)) << lang;
  }
  language::apply(QStringLiteral("en"), false);
}

// Lesson 03's task step (cut R3 and K3 off) opens with the register already broken, and its ten
// cards fill the canvas: the banner covered the middle row, the very two cards the task is about.
// Cards the lesson highlights weigh ten times in choosing the banner's place, so it covers neither.
TEST(InvariantBannerPlace, TheBannerLeavesTheCardsALessonHighlightsVisible) {
  for (const char* lang : {"en", "zh_TW"}) {
    ASSERT_TRUE(language::apply(QString::fromLatin1(lang), false));
    guitest::ShownWindow shown(nullptr, QSize(1280, 720));
    MainWindow& w = shown.w;
    w.setProjectorMode(true, false);
    ASSERT_TRUE(w.startLesson(QStringLiteral("03-pacelc-even-without-partitions"), false));
    LessonSession* s = w.lessonSession();
    s->setTeacherMode(true);
    // As a teacher pages: step 9 plays the run into the violation (the banner is placed then), and
    // Page Down to step 10 sets the task's highlights on R3 and K3 afterwards.
    s->jumpTo(8);
    s->skipAnimation();
    QCoreApplication::processEvents();
    s->next();
    s->setTeacherMode(false);
    s->skipAnimation();
    QCoreApplication::processEvents();
    CanvasView* view = w.canvas();
    InvariantBanner* banner = view->invariantBanner();
    ASSERT_TRUE(banner->isVisible()) << lang;
    const QRect b = banner->geometry();
    int highlighted = 0;
    for (cs::NodeId n = 0; n < shown.controller.nodeCount(); ++n) {
      const NodeItem* item = view->nodeItem(n);
      if (!item->highlighted()) continue;
      ++highlighted;
      const QRect card = view->mapFromScene(item->sceneBoundingRect()).boundingRect().translated(view->viewport()->pos());
      EXPECT_FALSE(card.intersects(b)) << lang << ": the banner covers highlighted node " << n;
    }
    EXPECT_EQ(highlighted, 2) << lang;
  }
  language::apply(QStringLiteral("en"), false);
}

// Beside lesson 03's 4-second clock a projector's legend row has room for about two entries. It
// used to keep entries in order until one did not fit, so an "acknowledgement" first left a box that
// said only "+4 more"; it now keeps what fits (skipping a long one) and never shows a lone "+N more".
TEST(CanvasLegend, AProjectorLegendShortOfRoomKeepsWhatFitsAndNeverALoneMore) {
  for (const char* lang : {"en", "zh_TW"}) {
    ASSERT_TRUE(language::apply(QString::fromLatin1(lang), false));
    guitest::ShownWindow shown(nullptr, QSize(1280, 720));
    MainWindow& w = shown.w;
    ASSERT_TRUE(openLessonAtStep(w, "03-pacelc-even-without-partitions", 4));  // step 5: four families in flight
    CanvasView* view = w.canvas();
    view->viewport()->grab();
    std::set<int> flying;
    for (const MessageItem* m : view->messageItems()) {
      cs::MessageFamily f;
      ASSERT_TRUE(palette::messageFamily(m->data().key, &f));
      flying.insert(static_cast<int>(f));
    }
    ASSERT_GE(flying.size(), 3u) << lang;
    int tokens = 0, more = 0;
    for (const CanvasLegend::Entry& e : view->legendShown()) {
      if (e.mark == CanvasLegend::Mark::Token) ++tokens;
      if (e.mark == CanvasLegend::Mark::More) ++more;
    }
    EXPECT_GE(tokens, 1) << lang << ": no family named, only '+N more'";
    EXPECT_LE(more, 1) << lang;
    EXPECT_FALSE(view->legendRect().isEmpty()) << lang;
  }
  language::apply(QStringLiteral("en"), false);
}

// The canvas zooms out when a run's cards grow (logs, countdowns) and used to stay zoomed out for
// good: after lesson 03 restarts the register with R = W = 3, its empty cards were drawn a fifth
// smaller than when the lesson opened. At a run's start the fit is made again.
TEST(ProjectorLayout, ARestartedRunIsDrawnAsLargeAsTheLessonsFirstStep) {
  guitest::ShownWindow shown(nullptr, QSize(1280, 720));
  MainWindow& w = shown.w;
  w.setProjectorMode(true, false);
  ASSERT_TRUE(w.startLesson(QStringLiteral("03-pacelc-even-without-partitions"), false));
  QApplication::processEvents();
  CanvasView* canvas = w.canvas();
  canvas->viewport()->grab();
  const qreal first = canvas->transform().m11();
  LessonSession* s = w.lessonSession();
  s->setTeacherMode(true);
  s->jumpTo(13);  // the R = W = 1 run, played on
  s->skipAnimation();
  QApplication::processEvents();
  canvas->viewport()->grab();
  const qreal played = canvas->transform().m11();
  while (s->currentIndex() < 15) {  // Page Down through the restart with R = W = 3
    s->next();
    s->skipAnimation();
    QApplication::processEvents();
  }
  canvas->viewport()->grab();
  ASSERT_EQ(shown.controller.eventIndex(), 0u);
  const qreal restarted = canvas->transform().m11();
  qInfo("scale: first step %.3f, played %.3f, restarted %.3f", first, played, restarted);
  EXPECT_GT(restarted, 0.97 * first);
  s->setTeacherMode(false);
}

// At 1920×1080 lesson 03's partition step leaves no place free of cards, so the banner is one line:
// it was as wide as its label's stale size hint and read "Invariant broken: Linea". Its whole title
// fits now, on one line or wrapped onto two.
TEST(InvariantBannerPlace, ACompactBannerShowsItsWholeTitle) {
  for (const QSize size : {QSize(1920, 1080), QSize(1280, 720)}) {
    guitest::ShownWindow shown(nullptr, size);
    MainWindow& w = shown.w;
    ASSERT_TRUE(openLessonAtStep(w, "03-pacelc-even-without-partitions", 11));  // step 12: partition, linearizability broken
    InvariantBanner* banner = w.canvas()->invariantBanner();
    ASSERT_TRUE(banner->isVisible());
    const auto* title = banner->findChild<QLabel*>(QStringLiteral("invariantBannerTitle"));
    ASSERT_NE(title, nullptr);
    const int needed = QFontMetrics(title->font()).horizontalAdvance(title->text());
    if (title->wordWrap()) {
      EXPECT_GE(title->height(), title->heightForWidth(title->width())) << size.width();
    } else {
      EXPECT_GE(title->width(), needed) << size.width() << ": " << title->text().toStdString();
    }
    EXPECT_TRUE(w.canvas()->rect().contains(banner->geometry())) << size.width();
  }
}

// Lesson 03's partition step has ten cards and a broken register: no place of the one-line banner
// was free of cards, so it sat on K1 and R1. The cards now give up a strip under the clock for it;
// dismissing the banner gives the strip back.
TEST(InvariantBannerPlace, WhenNoPlaceIsFreeTheCardsMakeRoomAndGetItBackOnDismiss) {
  for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
    guitest::ShownWindow shown(nullptr, size);
    MainWindow& w = shown.w;
    ASSERT_TRUE(openLessonAtStep(w, "03-pacelc-even-without-partitions", 11));  // step 12: partition, linearizability broken
    CanvasView* view = w.canvas();
    QApplication::processEvents();
    InvariantBanner* banner = view->invariantBanner();
    ASSERT_TRUE(banner->isVisible()) << size.width();
    const QRect b = banner->geometry();
    for (cs::NodeId n = 0; n < shown.controller.nodeCount(); ++n) {
      const QRect card = view->mapFromScene(view->nodeItem(n)->sceneBoundingRect()).boundingRect().translated(view->viewport()->pos());
      EXPECT_FALSE(card.intersects(b)) << size.width() << ": the banner covers node " << n;
    }
    const qreal withBanner = view->transform().m11();
    auto* close = banner->findChild<QToolButton*>(QStringLiteral("invariantBannerClose"));
    ASSERT_NE(close, nullptr);
    close->click();
    QApplication::processEvents();
    EXPECT_FALSE(banner->isVisible());
    qInfo("%d: scale with the banner %.3f, after %.3f, banner %dx%d at %d", size.width(), withBanner, view->transform().m11(), b.width(), b.height(), b.y());
    EXPECT_GT(view->transform().m11(), withBanner * 1.05) << size.width() << ": the strip was not given back";
  }
}

// Lesson 12's step "O's saga log survived" on a 1280x720 projector: the side column's log showed
// one record of three, and its record column had no room at all under "Time", "Txn" and "Value".
// The column is wider for that step, the log gets the rows its records need, and the names are whole.
TEST(ProjectorLayout, ALessonStepShowingALogShowsEveryRecordWithItsName) {
  for (const char* lang : {"en", "zh_TW"}) {
    ASSERT_TRUE(language::apply(QString::fromLatin1(lang), false));
    for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
      guitest::ShownWindow shown(nullptr, size);
      MainWindow& w = shown.w;
      ASSERT_TRUE(openLessonAtStep(w, "12-saga-orchestration", 10));  // step 11: O's log after its crash
      StateMachineView* machine = w.stateMachine();
      ASSERT_TRUE(machine->logFocused()) << lang;
      machine->grab();
      EXPECT_EQ(machine->highlightedRecordRects().size(), 3u) << lang << " " << size.width() << ": SAGA_BEGIN and two STEP_DONE";
      for (const QRectF& r : machine->highlightedRecordRects()) EXPECT_TRUE(machine->logBox().contains(r)) << lang;
      EXPECT_GE(machine->logNameSlack(), 0) << lang << " " << size.width() << ": record names cut";
    }
  }
  language::apply(QStringLiteral("en"), false);
}
