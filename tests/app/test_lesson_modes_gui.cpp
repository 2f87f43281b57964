// Issue #12, "show what is only told": lesson 05 shows a fencing token checked by the storage (the
// STORAGE node rejects the deposed primary's write), lesson 14 a compensation that restores a
// snapshot and loses another saga's update, then the inverse compensation that does not. The tests
// take each lesson through the window as a learner does and check what the learner sees: the node
// on the canvas, the rejected write in flight, the banner of the broken invariant, and the
// narration's numbers, which come from the run.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QPushButton>
#include <QTest>

#include "canvas_items.hpp"
#include "canvas_overlays.hpp"
#include "canvas_view.hpp"
#include "lab_controller.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "lesson_window_support.hpp"
#include "main_window.hpp"
#include "scenario/lesson_predict.hpp"

using Status = LessonSession::Status;

namespace {

using guitest::predictAndRun;
using guitest::settle;
using guitest::stepIndex;
using guitest::walkTo;


std::int64_t metricOf(const LabController& c, const char* key, cs::NodeId node = cs::kNoNode) {
  for (const auto& m : c.simulation().protocol().metrics())
    if (m.key == key && m.node == node) return m.value;
  return -1;
}

cs::NodeId nodeNamed(const LabController& c, const char* name) {
  for (cs::NodeId n = 0; n < static_cast<cs::NodeId>(c.sim().nodes().size()); ++n)
    if (c.nodeName(n) == QLatin1String(name)) return n;
  return cs::kNoNode;
}

bool invariantHeld(const LabController& c, const char* key) {
  for (const auto& [k, held] : c.invariantVerdicts())
    if (k == key) return held;
  ADD_FAILURE() << "no invariant " << key;
  return true;
}

}  // namespace

TEST(LessonModes, Lesson05ShowsTheStorageRejectingTheDeposedPrimarysWrite) {
  guitest::ShownWindow lw("05-split-brain", QSize(1280, 800));
  LabController& c = lw.controller;
  LessonSession* s = lw.w.lessonSession();
  LessonPanel* panel = lw.w.lessonPanel();
  CanvasView* canvas = lw.w.canvas();
  const int q = stepIndex(*s->lesson(), "predict-stale-token");
  ASSERT_GT(q, 0);
  walkTo(lw.w, q);

  // After the restart the run has a STORAGE node, on the canvas and inside the view.
  const cs::NodeId storage = nodeNamed(c, "STORAGE");
  ASSERT_NE(storage, cs::kNoNode);
  const NodeItem* card = canvas->nodeItemNamed(QStringLiteral("STORAGE"));
  ASSERT_NE(card, nullptr);
  EXPECT_TRUE(card->isVisible());
  EXPECT_TRUE(canvas->mapFromScene(card->sceneBoundingRect()).boundingRect().intersects(canvas->viewport()->rect()));
  // Asked while the outcome is open: nothing rejected yet.
  EXPECT_TRUE(cs::predict_giveaways(s->currentStep()->quiz, c.simulation()).empty());
  EXPECT_EQ(metricOf(c, "stale_writes_rejected"), 0);

  predictAndRun(panel, s, s->currentStep()->quiz.correct.front());
  ASSERT_TRUE(s->stepState(q).correct);
  const std::int64_t rejected = metricOf(c, "stale_writes_rejected");
  EXPECT_GT(rejected, 0);
  EXPECT_EQ(metricOf(c, "storage_token", storage), 2);
  EXPECT_TRUE(invariantHeld(c, "one_primary_per_term"));
  EXPECT_NE(c.info().states[c.sim().node_view(0).state], "PRIMARY") << "N1 stepped down";

  // The learner scrubs back to a rejection: the STORE_REJECTED token is on the canvas, on its way
  // from STORAGE to N1.
  cs::Time rejectedAt = -1;
  for (const auto& ev : c.sim().trace())
    if (ev.kind == cs::TraceKind::Send && c.info().messages[ev.key] == "STORE_REJECTED") {
      rejectedAt = ev.time;
      break;
    }
  ASSERT_GT(rejectedAt, 0);
  c.seekTime(rejectedAt + cs::ms(1));
  QApplication::processEvents();
  bool shown = false;
  for (const MessageItem* m : canvas->messageItems()) shown |= m->isVisible() && m->data().key == QLatin1String("STORE_REJECTED");
  EXPECT_TRUE(shown) << "no STORE_REJECTED on the canvas at " << rejectedAt;
  c.seekTime(cs::ms(1000));
  QApplication::processEvents();

  // The narration after it counts the rejections from the run.
  panel->nextButton()->click();
  settle(s);
  ASSERT_EQ(s->currentStep()->id, "token-rejected");
  const QString body = panel->bodyText();
  EXPECT_TRUE(body.contains(QString::number(rejected))) << body.toStdString();
  EXPECT_FALSE(body.contains(QStringLiteral("{metric:"))) << body.toStdString();
}

TEST(LessonModes, Lesson14ShowsARestoringCompensationLosingAnUpdateThenTheInverseKeepingIt) {
  guitest::ShownWindow lw("14-saga-missing-isolation", QSize(1280, 800));
  LabController& c = lw.controller;
  LessonSession* s = lw.w.lessonSession();
  LessonPanel* panel = lw.w.lessonPanel();
  const int q = stepIndex(*s->lesson(), "predict-lost-update");
  ASSERT_GT(q, 0);
  walkTo(lw.w, q);
  const cs::NodeId inventory = nodeNamed(c, "INVENTORY");
  ASSERT_NE(inventory, cs::kNoNode);
  EXPECT_EQ(metricOf(c, "stock", inventory), 0) << "both sagas have reserved";
  EXPECT_TRUE(invariantHeld(c, "no_lost_update"));
  EXPECT_FALSE(lw.w.canvas()->invariantBanner()->isVisible());

  // A wrong prediction ("1"): the run shows what happened instead.
  const std::size_t one = 0;
  ASSERT_NE(one, s->currentStep()->quiz.correct.front());
  predictAndRun(panel, s, one);
  EXPECT_FALSE(s->stepState(q).correct);
  EXPECT_EQ(metricOf(c, "stock", inventory), 2);
  EXPECT_EQ(metricOf(c, "lost_updates"), 1);
  EXPECT_FALSE(invariantHeld(c, "no_lost_update"));
  // The banner names the broken invariant on the canvas.
  InvariantBanner* banner = lw.w.canvas()->invariantBanner();
  EXPECT_TRUE(banner->isVisible());
  EXPECT_TRUE((banner->title() + banner->detail()).contains(QStringLiteral("lost update"), Qt::CaseInsensitive))
      << (banner->title() + " / " + banner->detail()).toStdString();
  // The SNAPSHOT the compensation wrote back is on INVENTORY's card.
  const NodeItem* card = lw.w.canvas()->nodeItemNamed(QStringLiteral("INVENTORY"));
  ASSERT_NE(card, nullptr);
  EXPECT_TRUE(card->data().log.join(' ').contains(QStringLiteral("SNAPSHOT"))) << card->data().log.join(' ').toStdString();

  // The fix: the same story with the inverse compensation keeps saga 2's update.
  const int fixed = stepIndex(*s->lesson(), "inverse-commutes");
  ASSERT_GT(fixed, q);
  panel->nextButton()->click();
  walkTo(lw.w, fixed);
  EXPECT_EQ(metricOf(c, "stock", inventory), 1);
  EXPECT_EQ(metricOf(c, "lost_updates"), 0);
  EXPECT_TRUE(invariantHeld(c, "no_lost_update"));
  EXPECT_TRUE(panel->bodyText().contains(QStringLiteral("stock 1,"))) << panel->bodyText().toStdString();
}
