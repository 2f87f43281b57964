#include "protocols/registry.hpp"

#include <array>

#include "protocols/two_phase_commit.hpp"

namespace cs {

namespace {
// A constant table, not mutable global state.
constexpr std::array kProtocols{
    ProtocolEntry{"2pc", "Two-phase commit: coordinator C, participants P1..Pn, WAL, timeouts, cooperative termination",
                  &tpc::create, &tpc::default_params},
};
}  // namespace

std::span<const ProtocolEntry> protocol_registry() { return kProtocols; }

const ProtocolEntry* find_protocol(std::string_view name) {
  for (const auto& e : kProtocols)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace cs
