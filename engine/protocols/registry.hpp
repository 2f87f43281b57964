// The protocols a scenario can name, in the order the GUI lists them.
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/diagnostic.hpp"
#include "sim/protocol.hpp"

namespace cs {

struct ProtocolEntry {
  std::string_view name;     // scenario "protocol" value, e.g. "2pc"
  std::string_view summary;  // one English line for `commitscope-cli protocols` and docs
  // Validates `params` (an object; unknown keys are errors) and builds the protocol. On a problem it
  // appends diagnostics whose `path` starts with "params" and returns nullptr.
  std::unique_ptr<Protocol> (*create)(const nlohmann::json& params, Diagnostics& out);
  // A representative params object for "New scenario" in the GUI.
  nlohmann::json (*default_params)();
};

std::span<const ProtocolEntry> protocol_registry();
const ProtocolEntry* find_protocol(std::string_view name);

}  // namespace cs
