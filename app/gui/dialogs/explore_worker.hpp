// Runs the explorer (engine/explore/scenario_explorer.hpp) in a thread of its own, so the window stays
// responsive while it searches. The engine objects are made and used only in that thread; the GUI sees
// progress as signals and reads the result after finished(). cancel() may be called from any thread.
#pragma once

#include <QObject>
#include <QString>
#include <atomic>

#include "explore/scenario_explorer.hpp"

class ExploreWorker final : public QObject {
  Q_OBJECT

 public:
  ExploreWorker(cs::Scenario scenario, cs::explore::FaultBudget budget, cs::explore::ScenarioLimits limits);

  void cancel() { cancelled_ = true; }
  // Valid after finished(): what was found, or why the scenario could not be explored.
  const cs::explore::ScenarioResult& result() const { return result_; }
  const QString& error() const { return error_; }
  const cs::Scenario& scenario() const { return scenario_; }

 public slots:
  void run();

 signals:
  void progressed(quint64 states, quint64 transitions, int depth, quint64 memoryBytes);
  void finished();

 private:
  cs::Scenario scenario_;
  cs::explore::FaultBudget budget_;
  cs::explore::ScenarioLimits limits_;
  cs::explore::ScenarioResult result_;
  QString error_;
  std::atomic<bool> cancelled_{false};
};
