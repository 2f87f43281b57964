// Reads and writes scenario files (format: docs/scenario-format.md).
//
// The loader checks everything a run needs before it starts: the format, the protocol's params, and
// every node, state and message name a fault mentions. It reports all problems it finds, each with
// file, line, column, JSON path and a plain sentence, and returns a scenario only when there are none.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "scenario/scenario.hpp"
#include "sim/diagnostic.hpp"
#include "sim/protocol.hpp"

namespace cs {

struct LoadResult {
  std::optional<Scenario> scenario;  // set only when `diagnostics` is empty
  Diagnostics diagnostics;           // sorted by line and column
};

LoadResult load_scenario(std::string_view text, std::string_view file_name);

// The JSON form of a scenario (the GUI's Save). Loading it back gives an equal scenario; times are
// written in ms with µs precision, probabilities with ppm precision. `protocol` must be the one the
// scenario names (it supplies node, state and message names).
nlohmann::ordered_json scenario_to_json(const Scenario& scenario, const Protocol& protocol);
// The same, as text indented by two spaces (objects and lists that fit in 100 columns stay on one
// line, so each fault gets one line), ending in a newline.
std::string scenario_to_text(const Scenario& scenario, const Protocol& protocol);

}  // namespace cs
