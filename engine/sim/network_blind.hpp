// A protocol none of whose parts reads which messages are in flight: not its handlers, not its
// state encoding, not its invariants (they see sends and state changes, never the network). Then a
// state with more messages in flight can do everything one with fewer can, and the explorer's
// --prune-covered may leave the second unexpanded (docs/explorer.md, "Covered states"). A protocol
// says so by deriving from this class, after checking; the explorer finds it with dynamic_cast, as
// it finds SymmetricProtocol and RoundedProtocol. The explorer's --sent-set relies on the same
// property (a run with more messages in flight does everything one with fewer does). A protocol
// that is blind only with some parameters says which (network_blind): the outbox is, but dual write
// (the outbox without its outbox) is not: its crash handler looks at the PUBLISH messages in flight
// to note an event lost, and an invariant reads that note.
#pragma once

namespace cs {

class NetworkBlindProtocol {
 public:
  virtual ~NetworkBlindProtocol() = default;
  // Whether this run's protocol (with its parameters) is blind to the network.
  virtual bool network_blind() const { return true; }
};

}  // namespace cs
