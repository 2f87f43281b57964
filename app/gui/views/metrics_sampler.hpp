// What the metrics chart plots, computed without any widget: a run's run-wide figures now, and a
// run sampled at regular virtual times into one series per figure. Pure functions of a run, so the
// chart, a "Compare with" variant and tests sample the same way.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenario/simulation.hpp"

namespace metrics_sampler {

// Key and value, in the protocol's order and in display units (durations in virtual ms).
using Figures = std::vector<std::pair<std::string, double>>;

struct Track {
  std::string key;
  std::vector<double> values;  // one per sample time, in display units
};

// The run-wide figures of a run right now. Per-node figures are left out (one line per node and
// metric would not stay readable, and the run-wide total is what the lessons talk about), except keys
// reported by exactly one node and never as a total (the outbox's unsent rows, the saga's stock).
// "*_latency_sum_us" / "*_latency_count" pairs become one "*_latency_avg_us" average.
Figures figuresOf(const cs::Simulation& run);

// Samples `run` at `intervals` + 1 regular times over [0, until] into `tracks`: with `discover`, one
// track per figure the run reports at 0 (at most `max_tracks`); otherwise the given tracks' keys,
// dropping those the run never reports. `times` (if given) receives the sample times in ms.
void sampleRun(cs::Simulation& run, cs::Time until, int intervals, std::vector<Track>& tracks, bool discover,
               int max_tracks, std::vector<double>* times);

}  // namespace metrics_sampler
