// Symmetry among a protocol's nodes, for the explorer's --symmetry (docs/explorer.md, "Symmetry").
// A protocol that has interchangeable nodes also derives from SymmetricProtocol; the explorer finds
// it with dynamic_cast, so protocols without symmetry need nothing (and Protocol's interface, which
// every file of the engine sees, stays as it is).
#pragma once

#include <cstdint>
#include <vector>

#include "sim/types.hpp"

namespace cs {

class Simulator;

class SymmetricProtocol {
 public:
  virtual ~SymmetricProtocol() = default;
  // Nodes this run treats alike: renaming them among themselves maps every reachable state to a
  // reachable state that breaks the same invariants and is as undecided, and no message payload,
  // log value or timer value names one of them. Empty: no symmetry in this run.
  virtual std::vector<NodeId> interchangeable_nodes() const = 0;
  // Protocol::encode_state() of the state in which node n is called rename[n] (a permutation of the
  // interchangeable nodes, identity elsewhere; nodes past rename.size() keep their names): equal
  // words for two states exactly when one is the other renamed.
  virtual void encode_state_renamed(const Simulator& sim, const std::vector<NodeId>& rename,
                                    std::vector<std::int64_t>& out) const = 0;
};

}  // namespace cs
