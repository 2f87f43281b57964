// A protocol that can tell, of a message in flight, that delivering it changes nothing now and in
// every state that can follow: no state change, no log record, no send, no timer, whatever else
// happens first (other deliveries, timers, crashes and restarts of any node). Such a message is
// "inert": like a message cut off by a partition (explore::is_stale), it can only end as a no-op, so
// the explorer's --inert-messages leaves it out of the state (docs/explorer.md, "Inert messages").
// Two runs that differ only by inert messages then have the same future, move for move, and the same
// verdicts (invariants, undecided, blocking): it is a quotient of the state space, not an
// approximation. A protocol says so by deriving from this class (found with dynamic_cast, as
// NetworkBlindProtocol is). The answer must be permanent: once inert, inert in every later state.
// Typically a message to a node whose decision is durable (in its log) and which ignores that kind
// of message once decided.
#pragma once

#include "sim/simulator.hpp"

namespace cs {

class InertMessagesProtocol {
 public:
  virtual ~InertMessagesProtocol() = default;
  virtual bool inert(const Simulator& sim, const Message& m) const = 0;
};

}  // namespace cs
