// A card's countdown pills are blitted from a patch painted once per text (PatchCache, issue 18's
// 4K frame): the canvas must paint exactly what drawing each pill whole paints, and the patch must be
// painted again whenever what it shows changes (the countdown's text, the zoom, projector mode, the
// language). Pixel comparisons, not timings.
#include <gtest/gtest.h>

#include <QTest>

#include "canvas_view.hpp"
#include "gui_test_support.hpp"
#include "lab_controller.hpp"
#include "language.hpp"

namespace {

std::vector<NodeItem*> cards(const CanvasView& view, const LabController& c) {
  std::vector<NodeItem*> out;
  for (cs::NodeId n = 0; n < static_cast<cs::NodeId>(c.sim().nodes().size()); ++n) out.push_back(view.nodeItem(n));
  return out;
}

void setPatches(const CanvasView& view, const LabController& c, bool on) {
  for (NodeItem* card : cards(view, c)) card->setCountdownPatchEnabled(on);
}

int patchRenders(const CanvasView& view, const LabController& c) {
  int sum = 0;
  for (const NodeItem* card : cards(view, c)) sum += card->countdownPatchRenders();
  return sum;
}

// The view painted into an image of `format`, as the benchmark and `--screenshot` paint it.
QImage frame(CanvasView& view, QImage::Format format = QImage::Format_ARGB32_Premultiplied) {
  QImage image(view.size(), format);
  static_cast<QWidget&>(view).render(&image);  // the widget as shown, not QGraphicsView::render
  return image;
}

// The same view painted with every pill drawn whole, then with the patches back on.
QImage directFrame(CanvasView& view, const LabController& c, QImage::Format format = QImage::Format_ARGB32_Premultiplied) {
  setPatches(view, c, false);
  QImage image = frame(view, format);
  setPatches(view, c, true);
  return image;
}

}  // namespace

TEST(CountdownPatch, CachedPillsPaintWhatPillsDrawnWholePaint) {
  auto c = guitest::benchRenderRun(cs::ms(400));
  for (const bool projector : {false, true}) {
    CanvasView view(c.get());
    view.setProjectorMode(projector);
    view.resize(1920, 1080);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    int titled = 0;
    for (const NodeItem* card : cards(view, *c)) titled += card->countdownInTitle() ? 1 : 0;
    ASSERT_GE(titled, 6) << "most cards count a timer down in their title row";
    for (const QImage::Format format : {QImage::Format_ARGB32_Premultiplied, QImage::Format_RGB32}) {
      const QImage direct = directFrame(view, *c, format);
      const int before = patchRenders(view, *c);
      const QImage cached = frame(view, format);
      EXPECT_GE(patchRenders(view, *c) - before, titled) << "each titled card paints its patch for a new target format";
      const QImage again = frame(view, format);
      EXPECT_TRUE(cached == direct) << "projector " << projector << " format " << format;
      EXPECT_TRUE(again == direct) << "projector " << projector << " format " << format << ", from the cache";
    }
  }
}

// While only the wedges move, the patch is reused; a new text, zoom, mode or language paints it
// again, and the frame still equals pills drawn whole.
TEST(CountdownPatch, IsPaintedAgainWhenTheTextZoomModeOrLanguageChanges) {
  auto c = guitest::benchRenderRun(cs::ms(400));
  CanvasView view(c.get());
  view.resize(1600, 900);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  frame(view);
  const auto expectSame = [&](const char* what) {
    const QImage cached = frame(view);
    EXPECT_TRUE(cached == directFrame(view, *c)) << what;
  };

  // A few microseconds on: the wedges move; a card whose text stays reuses its patch.
  const auto firstText = [&](cs::NodeId n) {
    const auto& timers = view.nodeItem(n)->data().aids.timers;
    return timers.isEmpty() ? QString() : timers.front().text;
  };
  std::vector<QString> texts;
  std::vector<qsizetype> counts;
  std::vector<int> cardRenders;
  for (NodeItem* card : cards(view, *c)) {
    texts.push_back(firstText(card->id()));
    counts.push_back(card->data().aids.timers.size());
    cardRenders.push_back(card->countdownPatchRenders());
  }
  c->seekTime(c->now() + 40);
  expectSame("wedges moved");
  int unchanged = 0;
  for (NodeItem* card : cards(view, *c)) {
    const auto i = static_cast<std::size_t>(card->id());
    if (!card->countdownInTitle() || firstText(card->id()) != texts[i] || card->data().aids.timers.size() != counts[i]) continue;
    ++unchanged;
    EXPECT_EQ(card->countdownPatchRenders(), cardRenders[i]) << "card " << i << ": only its wedge moved";
  }
  EXPECT_GE(unchanged, 6);
  const QString text = firstText(1);
  int renders = patchRenders(view, *c);

  // A millisecond on: the texts change.
  renders = patchRenders(view, *c);
  c->seekTime(c->now() + cs::ms(1));
  ASSERT_NE(view.nodeItem(1)->data().aids.timers.front().text, text);
  expectSame("texts changed");
  EXPECT_GT(patchRenders(view, *c), renders);

  // Zoomed in.
  renders = patchRenders(view, *c);
  view.scale(1.25, 1.25);
  expectSame("zoomed");
  EXPECT_GT(patchRenders(view, *c), renders);

  // Projector mode and back.
  for (const bool projector : {true, false}) {
    renders = patchRenders(view, *c);
    view.setProjectorMode(projector);
    expectSame(projector ? "projector" : "desk again");
    EXPECT_GT(patchRenders(view, *c), renders);
  }

  // In Chinese: the countdowns' words change.
  ASSERT_TRUE(language::apply(QStringLiteral("zh_TW"), false));
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  view.refresh();
  renders = patchRenders(view, *c);
  const QString zh = view.nodeItem(1)->data().aids.timers.front().text;
  expectSame("zh-TW");
  language::apply(QStringLiteral("en"), false);
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  view.refresh();
  EXPECT_NE(zh, text.left(zh.size())) << zh.toStdString();
  EXPECT_GT(patchRenders(view, *c), renders);
}

// Where the screen under the pills is not the card's plain body (a crashed node's hatched card, a
// blocked node's aid row), they are drawn whole: the patch is not used.
TEST(CountdownPatch, BlockedNodesDrawTheirPillsWhole) {
  auto c = std::make_unique<LabController>();
  QString error;
  ASSERT_TRUE(c->openScenario(guitest::scenarioPath("2pc-coordinator-crash.json"), &error)) << error.toStdString();
  c->seekTime(cs::ms(450));
  CanvasView view(c.get());
  view.resize(1200, 800);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  const NodeItem* p1 = view.nodeItem(1);
  ASSERT_FALSE(p1->data().aids.timers.isEmpty());
  ASSERT_FALSE(p1->countdownInTitle()) << "P1 is blocked: its countdown is in the aid row";
  frame(view);
  EXPECT_EQ(p1->countdownPatchRenders(), 0);
  EXPECT_TRUE(frame(view) == directFrame(view, *c));
}
