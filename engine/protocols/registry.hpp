// The protocols a scenario can name, in the order the GUI lists them. Adding a protocol is one line
// here plus its folder (docs/adding-a-protocol.md has the whole checklist).
#pragma once

#include <memory>
#include <span>
#include <string_view>

#include <nlohmann/json.hpp>

#include "protocols/descriptor.hpp"
#include "sim/diagnostic.hpp"
#include "sim/protocol.hpp"

namespace cs {

struct ProtocolEntry {
  // Everything the engine declares about the protocol (name, roles, parameter schema, ...).
  const ProtocolDescriptor& (*describe)();
  // Validates `params` (an object; unknown keys are errors) against the schema and builds the
  // protocol. On a problem it appends diagnostics whose `path` starts with "params" and returns nullptr.
  std::unique_ptr<Protocol> (*create)(const nlohmann::json& params, Diagnostics& out);

  const ProtocolDescriptor& descriptor() const { return describe(); }
  std::string_view name() const { return describe().name; }        // scenario "protocol" value, e.g. "2pc"
  std::string_view summary() const { return describe().summary; }  // one English line
  // The params a new scenario starts from (the schema's `starter` entries).
  nlohmann::json default_params() const { return describe().starter_params(); }
};

std::span<const ProtocolEntry> protocol_registry();
const ProtocolEntry* find_protocol(std::string_view name);
const ProtocolDescriptor* find_descriptor(std::string_view name);

}  // namespace cs
