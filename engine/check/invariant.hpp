// An invariant watches the trace as it is recorded, so it is checked after every event, and keeps the
// first event that broke it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "sim/trace.hpp"

namespace cs {

class Invariant : public TraceObserver {
 public:
  Invariant(std::string key, std::string description)
      : key_(std::move(key)), description_(std::move(description)) {}

  // A copy with the same history, for the explorer and the window's snapshots. nullptr: this checker
  // cannot be copied on its own; one that reads the protocol it watches implements
  // ProtocolBoundInvariant (check/protocol_bound_invariant.hpp) and is copied with that protocol.
  // When a checker gives nullptr the run cannot be copied (Simulation::clone() gives nullptr): the
  // explorer replays the state's path from the start and the window replays instead of restoring.
  virtual std::unique_ptr<Invariant> clone() const { return nullptr; }

  const std::string& key() const { return key_; }                  // stable, e.g. "agreement"
  const std::string& description() const { return description_; }  // English, for CLI and docs
  bool held() const { return held_; }
  // The trace event at which the invariant first failed (valid only when !held()).
  const TraceEvent& first_violation() const { return violation_event_; }
  const std::string& violation() const { return violation_; }

 protected:
  void violate(const TraceEvent& ev, std::string what) {
    if (!held_) return;
    held_ = false;
    violation_event_ = ev;
    violation_ = std::move(what);
  }

 private:
  std::string key_;
  std::string description_;
  bool held_ = true;
  TraceEvent violation_event_{};
  std::string violation_;
};

}  // namespace cs
