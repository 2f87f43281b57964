#include "protocols/registry.hpp"

#include <array>

#include "protocols/two_phase_commit.hpp"
#include "protocols/three_phase_commit/three_phase_commit.hpp"
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
    ProtocolEntry{"2pc", "Two-phase commit: coordinator C, participants P1..Pn, WAL, timeouts, cooperative termination",
                  &tpc::create, &tpc::default_params},
    ProtocolEntry{"3pc", "Three-phase commit: C, P1..Pn, PRECOMMIT round, elected-coordinator termination; non-blocking on crashes, splits under partition",
                  &tpc3::create, &tpc3::default_params},
    ProtocolEntry{"tcc", "Try-Confirm/Cancel: TM and services (ACCOUNT, INVENTORY, ...); reservations that expire, empty cancel, idempotent confirm/cancel",
                  &tcc::create, &tcc::default_params},
    ProtocolEntry{"saga-orchestration", "Saga, orchestrated: O runs ORDER, PAYMENT, INVENTORY, SHIPPING; compensations in reverse order",
                  &saga_orch::create, &saga_orch::default_params},
    ProtocolEntry{"saga-choreography", "Saga, choreographed: services react to events on BROKER (at-least-once, idempotent consumers)",
                  &saga_chor::create, &saga_chor::default_params},
    ProtocolEntry{"outbox", "Transactional outbox: ORDER_SVC writes row + outbox row atomically; RELAY publishes; CONSUMER deduplicates",
                  &outbox::create_outbox, &outbox::default_params_outbox},
    ProtocolEntry{"dual-write", "Dual write: ORDER_SVC commits, then publishes to BROKER itself; events get lost or duplicated",
                  &outbox::create_dual_write, &outbox::default_params_dual_write},
    ProtocolEntry{"cap-register", "Replicated register R1..Rn with clients K1..Km: CP (quorums, linearizable) or AP (local, LWW or vector clocks)",
                  &cap::create, &cap::default_params},
    ProtocolEntry{"primary-backup", "Primary/backup N1..Nn with heartbeat failover; fencing off = split-brain, on = majority leases",
                  &pb::create, &pb::default_params},
};
}  // namespace

std::span<const ProtocolEntry> protocol_registry() { return kProtocols; }

const ProtocolEntry* find_protocol(std::string_view name) {
  for (const auto& e : kProtocols)
    if (e.name == name) return &e;
  return nullptr;
}

}  // namespace cs
