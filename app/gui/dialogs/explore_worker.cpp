#include "explore_worker.hpp"

#include <QElapsedTimer>
#include <string>

ExploreWorker::ExploreWorker(cs::Scenario scenario, cs::explore::FaultBudget budget, cs::explore::ScenarioLimits limits)
    : scenario_(std::move(scenario)), budget_(budget), limits_(limits) {}

void ExploreWorker::run() {
  QElapsedTimer since_last;
  since_last.start();
  // The engine calls this often; the GUI needs a few updates a second, not thousands.
  const auto progress = [&](const cs::explore::Progress& p) {
    if (since_last.elapsed() >= 100) {
      since_last.restart();
      emit progressed(p.states, p.transitions, p.depth, p.memory_bytes);
    }
    return !cancelled_.load();
  };
  std::string error;
  if (!cs::explore::explore_scenario(scenario_, budget_, limits_, result_, error, progress))
    error_ = error.empty() ? QStringLiteral("?") : QString::fromStdString(error);
  else
    emit progressed(result_.distinct_states, result_.transitions, result_.max_depth, result_.memory_bytes);
  emit finished();
}
