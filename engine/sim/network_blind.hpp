// A protocol none of whose parts reads which messages are in flight: not its handlers, not its
// state encoding, not its invariants (they see sends and state changes, never the network). Then a
// state with more messages in flight can do everything one with fewer can, and the explorer's
// --prune-covered may leave the second unexpanded (docs/explorer.md, "Covered states"). A protocol
// says so by deriving from this class, after checking; the explorer finds it with dynamic_cast, as
// it finds SymmetricProtocol and RoundedProtocol. (The outbox may not: its crash handler looks at
// the PUBLISH messages in flight.)
#pragma once

namespace cs {

class NetworkBlindProtocol {
 public:
  virtual ~NetworkBlindProtocol() = default;
};

}  // namespace cs
