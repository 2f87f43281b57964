#include "protocols/registry.hpp"

#include <array>

#include "protocols/two_phase_commit.hpp"
#include "protocols/three_phase_commit/three_phase_commit.hpp"
#include "protocols/paxos_commit/paxos_commit.hpp"
#include "protocols/tcc/tcc.hpp"
#include "protocols/cap_register.hpp"
#include "protocols/primary_backup.hpp"
#include "protocols/outbox.hpp"
#include "protocols/saga/choreography.hpp"
#include "protocols/saga/orchestration.hpp"

namespace cs {

namespace {
// A constant table, not mutable global state.
constexpr std::array kProtocols{
    ProtocolEntry{&tpc::describe, &tpc::create},
    ProtocolEntry{&tpc3::describe, &tpc3::create},
    ProtocolEntry{&paxos::describe, &paxos::create},
    ProtocolEntry{&tcc::describe, &tcc::create},
    ProtocolEntry{&saga_orch::describe, &saga_orch::create},
    ProtocolEntry{&saga_chor::describe, &saga_chor::create},
    ProtocolEntry{&outbox::describe_outbox, &outbox::create_outbox},
    ProtocolEntry{&outbox::describe_dual_write, &outbox::create_dual_write},
    ProtocolEntry{&cap::describe, &cap::create},
    ProtocolEntry{&pb::describe, &pb::create},
};
}  // namespace

std::span<const ProtocolEntry> protocol_registry() { return kProtocols; }

const ProtocolEntry* find_protocol(std::string_view name) {
  for (const auto& e : kProtocols)
    if (e.name() == name) return &e;
  return nullptr;
}

const ProtocolDescriptor* find_descriptor(std::string_view name) {
  const ProtocolEntry* e = find_protocol(name);
  return e ? &e->descriptor() : nullptr;
}

}  // namespace cs
