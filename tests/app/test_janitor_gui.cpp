// Issue #12 (A and claim 9): the connection pool and the janitor happen on the canvas. Lesson 10 is
// taken through the window as a learner does: the make-it-happen step fills P2's pool and P2's card
// paints "Sessions in use 2/2"; the predict step runs until the janitor acts and the card paints the counter
// "Janitor rollbacks 1". Lesson 08's make-it-happen breaks `agreement` with the janitor and the
// banner says so; the restarted coordinator then re-sends GLOBAL_COMMIT to P2.
#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QPushButton>
#include <QTest>

#include "lab_controller.hpp"
#include "lesson_panel.hpp"
#include "lesson_session.hpp"
#include "lesson_window_support.hpp"
#include "main_window.hpp"
#include "canvas_items.hpp"
#include "canvas_overlays.hpp"
#include "canvas_view.hpp"

using Status = LessonSession::Status;

namespace {

using guitest::settle;
using guitest::stepIndex;
using guitest::walkTo;


QStringList gaugesPainted(MainWindow& w, const char* node) {
  w.canvas()->refresh();
  w.canvas()->viewport()->grab();  // paints the cards
  const NodeItem* item = w.canvas()->nodeItemNamed(QString::fromLatin1(node));
  return item ? item->gaugeTextsDrawn() : QStringList{"no card"};
}

int notes(const LabController& c, const char* key, cs::NodeId node) {
  int n = 0;
  for (const auto& e : c.sim().trace())
    n += e.kind == cs::TraceKind::Note && e.node == node && c.info().notes[e.key] == key;
  return n;
}

}  // namespace

TEST(JanitorOnTheCanvas, Lesson10FillsP2sPoolOnItsCardAndShowsTheJanitorAct) {
  guitest::ShownWindow lw("10-timeouts-and-the-janitor", QSize(1280, 800));
  LabController& c = lw.controller;
  LessonSession* s = lw.w.lessonSession();
  const cs::NodeId P2 = 2;
  ASSERT_EQ(c.nodeName(P2), QStringLiteral("P2"));

  // At the start, every card of a participant shows its (empty) pool and the janitor's counter.
  EXPECT_EQ(gaugesPainted(lw.w, "P2"), (QStringList{"Sessions in use 0/2", "Janitor rollbacks 0"}));
  EXPECT_TRUE(gaugesPainted(lw.w, "C").isEmpty()) << "the coordinator has no pool";

  const int fill = stepIndex(*s->lesson(), "exhaust-the-pool");
  ASSERT_GT(fill, 0);
  walkTo(lw.w, fill);
  s->showSolution();
  settle(s);
  EXPECT_EQ(s->status(), Status::Done);
  EXPECT_TRUE(c.sim().node_view(P2).blocked);
  EXPECT_EQ(gaugesPainted(lw.w, "P2").value(0), QStringLiteral("Sessions in use 2/2"));
  EXPECT_TRUE(lw.w.canvas()->nodeItemNamed("P2")->toolTip().contains(QStringLiteral("Sessions in use 2/2")));
  EXPECT_EQ(notes(c, "janitor_rollback", P2), 0);
  lw.w.lessonPanel()->nextButton()->click();
  settle(s);

  // The prediction runs until the janitor acts: the counter on the card, the record in the log.
  const int predict = stepIndex(*s->lesson(), "predict-janitor");
  ASSERT_EQ(s->currentIndex(), predict);
  guitest::predictAndRun(lw.w.lessonPanel(), s, s->currentStep()->quiz.correct.front());
  EXPECT_TRUE(s->stepState(predict).correct);
  EXPECT_EQ(notes(c, "janitor_rollback", P2), 1);
  EXPECT_FALSE(c.sim().node_view(P2).blocked);
  EXPECT_EQ(c.info().log_records[c.sim().log(P2).back().type], "HEURISTIC_ABORT");
  EXPECT_EQ(gaugesPainted(lw.w, "P2").value(1), QStringLiteral("Janitor rollbacks 1"));
  // The row went to the first transaction in the queue.
  const auto locks = c.sim().node_view(P2).locks;
  ASSERT_EQ(locks.size(), 1u);
  EXPECT_NE(locks.front().holder, c.sim().log(P2).back().txn);
}

TEST(JanitorOnTheCanvas, Lesson08JanitorBreaksAgreementThenTheRestartedCoordinatorResendsCommit) {
  guitest::ShownWindow lw("08-2pc-blocks", QSize(1280, 800));
  LabController& c = lw.controller;
  LessonSession* s = lw.w.lessonSession();
  const cs::NodeId C = 0, P2 = 2;
  const int q = stepIndex(*s->lesson(), "janitor-breaks-agreement");
  ASSERT_GT(q, 0);
  walkTo(lw.w, q);
  EXPECT_FALSE(lw.w.canvas()->invariantBanner()->isVisible());
  s->showSolution();
  settle(s);
  EXPECT_EQ(s->status(), Status::Done);
  EXPECT_EQ(notes(c, "janitor_rollback", P2), 1);
  lw.w.canvas()->refresh();
  EXPECT_TRUE(lw.w.canvas()->invariantBanner()->isVisible()) << "the checker flags agreement";
  EXPECT_TRUE(lw.w.canvas()->invariantBanner()->title().contains(QStringLiteral("Agreement"), Qt::CaseInsensitive))
      << lw.w.canvas()->invariantBanner()->title().toStdString();
  EXPECT_EQ(gaugesPainted(lw.w, "P2").value(0), QStringLiteral("Janitor rollbacks 1"));

  lw.w.lessonPanel()->nextButton()->click();
  settle(s);
  // The lab heals the network; the learner predicts and the lab restarts C, which re-sends the
  // GLOBAL_COMMIT it logged; P2 can only report the conflict.
  const cs::Time before = c.now();
  const int p = stepIndex(*s->lesson(), "predict-commit-resent");
  walkTo(lw.w, p);
  guitest::predictAndRun(lw.w.lessonPanel(), s, s->currentStep()->quiz.correct.front());
  EXPECT_TRUE(s->stepState(p).correct);
  int resent = 0;
  for (const auto& e : c.sim().trace())
    resent += e.kind == cs::TraceKind::Send && e.node == C && e.peer == P2 && e.txn == 3 && e.time >= before &&
              c.info().messages[e.key] == "GLOBAL_COMMIT";
  EXPECT_GE(resent, 1);
  EXPECT_EQ(notes(c, "heuristic_conflict", P2), 1);
}
