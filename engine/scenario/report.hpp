// What a finished (or paused) run looks like from the outside: a JSON report, a compact JSONL trace
// and a human summary. The CLI prints these; tests and scripts parse them.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "scenario/simulation.hpp"
#include "sim/simulator.hpp"
#include "sim/trace.hpp"

namespace cs {

// protocol, seed, end_ms, events, trace_records, halted, nodes, transactions, invariants
// (documented in docs/scenario-format.md, "CLI").
nlohmann::ordered_json run_report(const Simulation& run);

// format_json(run_report(run) plus "trace_sha256") and a newline, handed to `sink` in pieces of about
// 1 MB. The nodes' logs are turned into JSON one record at a time: built whole, a report of a
// million log records took about 700 MB (what `run --json` printed at the largest parameters).
void write_run_report(const Simulation& run, const std::string& trace_sha256,
                      const std::function<void(std::string_view)>& sink);

// One trace event as one line of JSON (no newline), keys in a fixed order, so that the same run
// gives byte-identical text on every machine. Built by hand: it runs over millions of events.
std::string trace_line(const Simulator& sim, const TraceEvent& ev);
// Same, appended to `out` (avoids a temporary per event).
void append_trace_line(std::string& out, const Simulator& sim, const TraceEvent& ev);
// Every event of the trace, one line each, each ending in '\n'.
void append_trace_jsonl(std::string& out, const Simulator& sim);

// A summary for people: protocol, seed, end time, events, node table, transaction outcomes,
// invariants. Ends in a newline.
std::string text_summary(const Simulation& run);

}  // namespace cs
