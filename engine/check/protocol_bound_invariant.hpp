// An invariant that reads the protocol it watches (through a reference, e.g. the linearizability
// checker reads the register's history), copied for a copy of that protocol. Invariant::clone()
// cannot copy such a checker: the copy would read the original protocol. Simulation::clone() finds
// this interface with dynamic_cast and hands the checker the copied protocol, so the explorer copies
// runs of such protocols instead of replaying every state's path from the start (docs/explorer.md,
// "What a state costs").
#pragma once

#include <memory>

#include "check/invariant.hpp"

namespace cs {

class Protocol;

class ProtocolBoundInvariant {
 public:
  virtual ~ProtocolBoundInvariant() = default;
  // A copy with the same history that reads `copy` (a clone of the protocol this one reads);
  // nullptr if `copy` is not the kind of protocol it reads.
  virtual std::unique_ptr<Invariant> clone_for(const Protocol& copy) const = 0;
};

}  // namespace cs
