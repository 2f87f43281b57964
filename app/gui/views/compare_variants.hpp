// "Compare with…" for the metrics chart: the current scenario with ONE design parameter changed
// (CP vs AP, fencing on vs off, a semantic lock vs none, quorum sizes, timeouts, ...), so that a class
// sees two designs side by side on the same workload (same seed) and the same faults.
//
// The table is per protocol (docs/protocols.md, "Parameters"); a variant is offered only if it
// changes the current value and the protocol accepts the edited params (cs::Simulation::create).
// Labels are translated at call time (context "MetricsChartView"), so a language switch only needs a
// relabel, not a new table.
#pragma once

#include <QString>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace CompareVariants {

struct Variant {
  std::string id;              // stable across scenarios of a protocol, e.g. "mode=ap", "quorum=1"
  const char* label = nullptr;  // English source (context "MetricsChartView"), may hold %1
  const char* tag = nullptr;    // short form for the legend ("AP"), may hold %1
  int arg = -1;                 // the number for %1, or -1
  cs::Scenario scenario;        // the scenario it was built from with the param edited, no faults
  int nodes = 0;                // node count of the variant's run (to guard the fault schedule)

  QString labelText() const;  // e.g. "AP mode (answers on both sides)"
  QString tagText() const;    // e.g. "AP"
};

// The variants offered for `current` (its faults are ignored), in the table's order.
std::vector<Variant> forScenario(const cs::Scenario& current);

// The run to compare with: `current` (seed, network, until as they are now) with the variant's params
// and the main run's faults, each fault that fired in the main run at `fired_at[i]` (virtual time, or
// a negative value if it never fired) scheduled "at" that time, so that an "after_event N" recorded
// by the GUI (event numbers differ between the two runs) or a state trigger hits the variant at the
// same virtual time. Faults naming nodes the variant does not have are dropped.
cs::Scenario withFaults(const Variant& variant, const cs::Scenario& current, const std::vector<cs::Time>& fired_at);

}  // namespace CompareVariants
