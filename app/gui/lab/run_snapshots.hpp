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
// Bound: at most maxBytes() of snapshots (what each took from the heap when it was made, glibc's
// count, else an estimate) and kMaxCount of them; one that alone would take more than half the
// budget is not kept. At the bound the spacing grows by half and every snapshot that no longer has a
// slot of the new spacing of its own goes, so the kept ones stay evenly spread
// over the run; a seek then steps forward at most about one spacing's worth of events from the
// snapshot it restores (or replays from the start when none precedes it).
//
// Forward too (restoreAhead()): a snapshot ahead of the live run, on the way to a later target, is
// copied as it is, without history (its trace starts at the snapshot; the views' drop notices say
// so), so a seek far forward steps from it instead of running the live run up to the target.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "scenario/scenario.hpp"
#include "scenario/simulation.hpp"

class RunSnapshots {
 public:
  static constexpr std::size_t kMaxBytes = std::size_t{160} << 20;  // maxBytes() unless set
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
  // A seek forward: a copy of the latest snapshot at or before event `event` and clock `clock -
  // lead`, without history (its trace and messages start at the snapshot: the views say what they
  // no longer show), when it is at least `gain` events and `records` trace records ahead of `live`.
  // So the copy replays at least `lead` of virtual time before the target, and the views have that
  // much to show. nullptr when no snapshot is, or when the memory rule does not allow it: the target
  // must lie at or before the furthest point of the run seen (reached()), which did not halt, and
  // that point's count plus the snapshot's bytes must fit under `limit` (the accountant's count only
  // grows along a window's run, and a copy counts at most about its own bytes more than the straight
  // run, as for restore()). Then the copy halts on the way to the target only if the straight run
  // does, and it does not.
  std::unique_ptr<cs::Simulation> restoreAhead(std::uint64_t event, cs::Time clock, const cs::Simulation& live,
                                               cs::Time lead, std::uint64_t gain, std::uint64_t records,
                                               std::size_t limit) const;
  // Tells the snapshots how far runs of their history have gone (the live run after it moved):
  // the furthest point, its clock and accountant's count, for restoreAhead()'s memory rule.
  void reached(const cs::Simulation& run);

  // The budget (kMaxBytes unless set; bench_scrub tries others). Takes effect at the next offer.
  void setMaxBytes(std::size_t bytes) { max_bytes_ = bytes; }
  std::size_t maxBytes() const { return max_bytes_; }
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

  // The furthest point a run of this history reached: its event, clock, count and whether it halted.
  struct Furthest {
    std::uint64_t event = 0;
    cs::Time clock = 0;
    std::size_t memory = 0;
    bool halted = false;
  };

  cs::Scenario scenario_;
  cs::RunLimits limits_;
  Furthest furthest_;
  std::vector<Snapshot> snaps_;  // by event, ascending
  std::uint64_t spacing_ = kFirstSpacing;
  std::size_t max_bytes_ = kMaxBytes;
  std::size_t bytes_ = 0;
  bool cloneable_ = true;  // false once a protocol or checker could not be copied
};
