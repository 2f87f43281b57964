// The figures the comparison table shows for one run (docs/protocols.md, "Comparing protocols"),
// computed from what every protocol has in common: its trace, its transactions, its invariants. The
// CLI's `compare` and the GUI's side-by-side lab both call compare_row(), so a table in either is
// each run's own numbers, at the moment the run has reached.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario/compare.hpp"
#include "scenario/simulation.hpp"

namespace cs {

struct CompareRow {
  std::string protocol;
  Time now = 0;
  std::int64_t transactions = 0;  // started
  std::int64_t committed = 0;
  std::int64_t aborted = 0;       // aborted, cancelled or compensated
  double throughput = 0;          // committed transactions per second of virtual time
  Time latency_mean = -1;         // over ended transactions; -1: none ended
  Time latency_p99 = -1;
  Time held = 0;                  // lock-time: sum over locks and reservations of how long each was held
  Time blocked = 0;               // sum over nodes of time spent blocked (waiting for a decision)
  std::int64_t compensations = 0;
  std::int64_t windows = 0;       // transactions with an inconsistency window
  Time window_time = 0;           // their total length
  int invariants = 0;
  std::vector<std::string> violated;  // invariant keys
};

CompareRow compare_row(const Simulation& run);

nlohmann::ordered_json compare_row_json(const CompareRow& row);

// The text table of `commitscope-cli compare`: one row per figure, one column per protocol.
std::string compare_table_text(std::span<const CompareRow> rows);

// A fault as it was applied in a run, described by part (coordinator, worker k) rather than by node
// name, so that the timelines of two protocols can be compared.
struct AppliedFault {
  Time time = 0;
  std::string kind;   // fault_kind_key
  std::string a, b;   // parts ("coordinator", "worker 2"), or the node name when it has no part
  bool operator==(const AppliedFault&) const = default;
};
std::vector<AppliedFault> applied_faults(const Simulation& run, const ClusterRoles& roles);

}  // namespace cs
