// Numbers in lesson text that stay true: placeholders such as `{metric:compensations}` or
// `{compare:2pc:blocked_ms}` in a narration, filled from the run when the text is shown (the app) or
// walked (the walker), so that a lesson never pastes a figure that a change to a protocol, a seed or
// a workload would silently make wrong. The forms are documented in docs/lesson-format.md,
// "Numbers from the run"; the loader rejects an unknown kind, metric, node, protocol or figure.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/compare_metrics.hpp"
#include "scenario/scenario.hpp"
#include "scenario/simulation.hpp"

namespace cs {

// One `{kind:arg[:arg]}` in a text.
struct Placeholder {
  std::size_t begin = 0;  // byte offset of '{'
  std::size_t end = 0;    // one past '}'
  std::string kind;       // "metric", "run", "compare"
  std::vector<std::string> args;
  std::string text;       // as written, with the braces
};

// Every `{word:...}` (no spaces or braces inside) in `text`, in order. JSON shown in code spans
// (`{"crash": "C"}`) does not match: its key starts with a quote. `{ui:...}` (a command of the window,
// scenario/lesson_texts.hpp) is not a number and is left out.
std::vector<Placeholder> find_placeholders(std::string_view text);

// The figures `{run:F}` and `{compare:P:F}` name (compare_row's, durations in ms).
const std::vector<std::string>& placeholder_figures();

// Why the placeholder cannot be filled for runs of `scenario` ("" when it can): an unknown kind,
// metric of the protocol, node, protocol, figure, or a protocol the scenario cannot be mapped onto.
std::string placeholder_problem(const Placeholder& p, const Scenario& scenario);

// Runs of the lesson scenario mapped onto other protocols, kept between fills of the same moment.
class CompareFigures {
 public:
  // `{compare:P:F}`: the scenario the run started from (its own fault timeline) mapped onto P and
  // run to the run's current time. nullopt when P cannot run it.
  std::optional<CompareRow> row(const Simulation& run, const std::string& protocol);

 private:
  Time at_ = -1;
  std::string scenario_key_;
  std::map<std::string, std::optional<CompareRow>> rows_;
};

// The value shown for one placeholder now ("?" when it cannot be computed).
std::string placeholder_value(const Placeholder& p, const Simulation& run, CompareFigures& cache);

// `text` with every placeholder replaced by its value now.
std::string fill_placeholders(std::string_view text, const Simulation& run, CompareFigures& cache);
std::string fill_placeholders(std::string_view text, const Simulation& run);

}  // namespace cs
