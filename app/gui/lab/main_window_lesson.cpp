// The main window's part of a lesson's views (docs/lesson-format.md, "Views"): the show actions open
// and focus the space-time diagram, a node's state machine or durable log, the metrics chart with
// chosen series, "Compare with", or the side-by-side window; view highlights point at log records,
// message types, metrics and timer countdowns. The lesson session says what; this file says where.
#include <QStatusBar>

#include "canvas_view.hpp"
#include "compare_lab.hpp"
#include "compare_window.hpp"
#include "lab_controller.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "metrics_chart_view.hpp"
#include "panel_frame.hpp"
#include "spacetime_view.hpp"
#include "state_machine_view.hpp"

void MainWindow::applyLessonViews(int index) {
  const LessonWants before = lesson_wants_;
  const QWidget* viewBefore = lesson_view_;
  lesson_wants_ = LessonWants::Nothing;
  lesson_view_ = nullptr;
  lesson_log_focus_ = false;
  if (index >= 0 && session_->isActive())
    for (const cs::LessonAction* a : session_->viewsFor(index)) showLessonView(*a);
  if (lesson_wants_ != before || lesson_view_ != viewBefore) resetLayout();
  updateViewHighlights();
  if (lesson_view_ && lesson_view_ != compare_) lesson_view_->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showLessonView(const cs::LessonAction& a) {
  switch (a.view) {
    case cs::LessonView::Spacetime:
      lesson_wants_ = LessonWants::Bottom;
      spacetime_->zoomToFit();
      lesson_view_ = spacetime_;
      break;
    case cs::LessonView::StateMachine:
    case cs::LessonView::Log:
      lesson_wants_ = LessonWants::Side;
      controller_->selectNode(a.node);
      lesson_log_focus_ = a.view == cs::LessonView::Log;
      lesson_view_ = state_machine_;
      break;
    case cs::LessonView::Metrics: {
      lesson_wants_ = LessonWants::Bottom;
      QStringList keys;
      for (const auto& k : a.series) keys << QString::fromStdString(k);
      metrics_->setShownMetrics(keys);
      lesson_view_ = metrics_;
      break;
    }
    case cs::LessonView::CompareWith:
      lesson_wants_ = LessonWants::Bottom;
      if (!a.variant.empty()) metrics_->setCompareVariant(QString::fromStdString(a.variant));
      lesson_view_ = metrics_;
      break;
    case cs::LessonView::Compare: {
      QStringList protocols;
      for (const auto& p : a.protocols) protocols << QString::fromStdString(p);
      // An open side-by-side window with these protocols keeps its run (Back must not reset it).
      bool same = compare_ && compare_->isVisible() && compare_->paneCount() == protocols.size();
      for (int i = 0; same && i < protocols.size(); ++i) same = compare_->lab()->protocol(i) == protocols[i];
      QString why;
      if (!same && !openCompare(protocols, false, &why, a.source ? &*a.source : nullptr)) {
        statusBar()->showMessage(why, 10000);
        break;
      }
      compare_->show();
      compare_->raise();
      compare_->activateWindow();
      lesson_view_ = compare_;
      break;
    }
  }
}

// Log records, message types, metrics and timers the current step points at.
void MainWindow::updateViewHighlights() {
  QStringList records, metrics, timers;
  std::vector<int> messages;
  cs::NodeId logNode = cs::kNoNode;
  if (session_->isActive())
    for (const cs::Highlight& h : session_->viewHighlights()) {
      switch (h.kind) {
        case cs::HighlightKind::Log:
          records << QString::fromStdString(h.name);
          logNode = h.a;
          break;
        case cs::HighlightKind::Message: messages.push_back(h.code); break;
        case cs::HighlightKind::Metric: metrics << QString::fromStdString(h.name); break;
        case cs::HighlightKind::Timer: timers << controller_->nodeName(h.a); break;
        default: break;
      }
    }
  // A highlighted record is in a node's log: that node's state machine shows it.
  if (logNode != cs::kNoNode && controller_->selectedNode() != logNode) controller_->selectNode(logNode);
  state_machine_->setLessonHighlights(records, lesson_log_focus_);
  spacetime_->setHighlightedTypes(messages);
  metrics_->setHighlightedMetrics(metrics);
  canvas_->setTimerHighlights(timers);
}
