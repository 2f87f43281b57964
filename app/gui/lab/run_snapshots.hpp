// Copies of the live run kept while it goes forward, so that a seek backwards restores the nearest
// one and steps forward from there instead of replaying the scenario from the start (issue 18: a
// 100,000-transaction run must scrub in well under a frame budget).
//
// A snapshot is a copy of the run without its history (Simulation::clone_without_history(): the
// simulator without trace records or settled messages, the protocol and the checkers). Restoring
// one copies it again (the snapshot stays for the next seek) and gives the copy its history back
// from the live run, a later point of the same run (Simulation::take_history_from(): the live
// trace cut back, nothing copied). So a snapshot costs what the run holds besides its history: the
// messages in flight, the logs, the protocol's tables and the checkers' (docs/benchmarks.md,
// "Scrubbing").
//
// Bound: at most kMaxBytes of snapshots (an estimate of what each holds) and kMaxCount of them; one
// that alone would take more than half the budget is not kept. At the bound the spacing doubles and
// every snapshot that no longer falls on the new spacing goes, so the kept ones stay evenly spread
// over the run; a seek then steps forward at most about one spacing's worth of events from the
// snapshot it restores (or replays from the start when none precedes it).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "scenario/scenario.hpp"
#include "scenario/simulation.hpp"

class RunSnapshots {
 public:
  static constexpr std::size_t kMaxBytes = std::size_t{160} << 20;
  static constexpr std::size_t kMaxCount = 512;
  static constexpr std::uint64_t kFirstSpacing = 4096;  // events between snapshots at first

  // Forgets every snapshot; the next ones belong to runs of `scenario` made with `limits`.
  void reset(const cs::Scenario& scenario, const cs::RunLimits& limits);
  // Whether the snapshots are of runs of this scenario with these limits (same seed, parameters,
  // network and fault schedule): only then may one stand in for a replay.
  bool matches(const cs::Scenario& scenario, const cs::RunLimits& limits) const;
  // Called whenever the live run has moved forward: keeps a copy when it has passed a spacing
  // boundary that no snapshot covers yet.
  void offer(const cs::Simulation& run);
  // A copy of the latest snapshot at or before event `event` and clock `clock`, with its history
  // taken from `live` (a later point of the same run, which loses its history); nullptr when none
  // is, or when that snapshot holds more than `headroom` bytes (the caller replays from the start).
  std::unique_ptr<cs::Simulation> restore(std::uint64_t event, cs::Time clock, cs::Simulation& live,
                                          std::size_t headroom) const;

  std::size_t count() const { return snaps_.size(); }
  std::size_t bytes() const { return bytes_; }
  std::uint64_t spacing() const { return spacing_; }

 private:
  struct Snapshot {
    std::uint64_t event = 0;
    cs::Time clock = 0;
    std::size_t bytes = 0;
    std::unique_ptr<cs::Simulation> run;
  };
  void thin();

  cs::Scenario scenario_;
  cs::RunLimits limits_;
  std::vector<Snapshot> snaps_;  // by event, ascending
  std::uint64_t spacing_ = kFirstSpacing;
  std::size_t bytes_ = 0;
  bool cloneable_ = true;  // false once a protocol or checker could not be copied
};
