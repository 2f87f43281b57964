// A scenario: which protocol, its parameters, the network, the seed, how long to run and which faults
// to inject. The JSON form is documented in docs/scenario-format.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/fault.hpp"
#include "sim/schedule.hpp"
#include "sim/types.hpp"

namespace cs {

struct NodeLayout {
  std::string node;
  double x = 0;
  double y = 0;
  bool operator==(const NodeLayout&) const = default;
};

struct Scenario {
  std::string file;  // where it was loaded from, for messages (may be empty)
  std::string title;
  std::string description;
  // Traditional Chinese (Taiwan) versions of title and description; empty when the file has none.
  std::string title_zh;
  std::string description_zh;
  std::string protocol;
  std::uint64_t seed = 1;
  Time until = ms(5000);
  nlohmann::json params = nlohmann::json::object();
  NetworkSettings network;
  // Resolved against the protocol's node, state and message names (valid for this protocol only).
  std::vector<Fault> faults;
  std::vector<NodeLayout> layout;  // canvas positions saved by the GUI; optional
  // A scheduled scenario (a "schedule" key, as the explorer writes them: docs/explorer.md): the run
  // is these steps in this order, time abstracted away (SimConfig::scheduled), and `until` unused.
  bool scheduled = false;
  std::vector<ScheduledStep> schedule;
};

}  // namespace cs
