// A run built from a scenario: the protocol, the simulator with the scenario's faults scheduled, and the
// protocol's invariants watching the trace. The GUI adapter, the CLI and the tests all use this.
#pragma once

#include <memory>
#include <vector>

#include "check/invariant.hpp"
#include "scenario/scenario.hpp"
#include "sim/diagnostic.hpp"
#include "sim/simulator.hpp"

namespace cs {

struct RunLimits {
  std::size_t trace_limit = 4'000'000;
  std::size_t queue_limit = 1'000'000;
  std::size_t memory_limit = SimConfig::kDefaultMemoryLimit;
  // SimConfig::count_unkept: false counts only what the run holds (the CLI's --long-run).
  bool count_unkept = true;
  // SimConfig::forget_finished: protocols may forget finished transactions and truncate their logs
  // (the CLI's --long-run; the report then lists only what the run still holds).
  bool forget_finished = false;
  // SimConfig::trace_windowed: the caller keeps the trace as a window (the GUI's long runs).
  bool trace_windowed = false;
};

// Where the trace goes. By default it is kept (sim().trace(): the GUI, lessons, `--trace`). A caller
// that only needs each record once, as it is made (the CLI's digest), gives a sink and keep = false:
// the run and its records are the same (SimConfig::keep_trace), only not kept; nor are messages
// once they have arrived (SimConfig::keep_messages).
struct TraceRouting {
  bool keep = true;
  TraceSink* sink = nullptr;  // sees every record, in order (Simulator::set_trace_sink)
};

class Simulation {
 public:
  // Builds a run and calls start(). Returns nullptr with diagnostics if the scenario does not
  // describe a runnable protocol (a loaded scenario always does).
  static std::unique_ptr<Simulation> create(const Scenario& scenario, Diagnostics& errors,
                                            RunLimits limits = {}, TraceRouting routing = {});

  // A copy of the run as it stands, invariants included (nullptr when the protocol or one of its
  // checkers cannot be copied): the explorer's way to branch without replaying.
  std::unique_ptr<Simulation> clone() const;
  // clone() without the run's history (Simulator::clone_without_history_for): a snapshot that a
  // later point of the same run gives its history back to (take_history_from).
  std::unique_ptr<Simulation> clone_without_history() const;
  bool take_history_from(Simulation& later) { return sim_->take_history_from(*later.sim_); }

  Simulator& sim() { return *sim_; }
  const Simulator& sim() const { return *sim_; }
  Protocol& protocol() { return *protocol_; }
  const Protocol& protocol() const { return *protocol_; }
  const Scenario& scenario() const { return scenario_; }
  const std::vector<std::unique_ptr<Invariant>>& invariants() const { return invariants_; }
  bool invariants_hold() const;

  // Runs to scenario().until; a scheduled scenario: applies its schedule, and stops at a step that
  // names no pending event (schedule_replayed() then says how far it got).
  void run();
  std::size_t schedule_replayed() const { return schedule_replayed_; }

 private:
  Simulation() = default;
  Scenario scenario_;
  std::unique_ptr<Protocol> protocol_;
  std::unique_ptr<Simulator> sim_;
  std::vector<std::unique_ptr<Invariant>> invariants_;
  std::size_t schedule_replayed_ = 0;
};

}  // namespace cs
