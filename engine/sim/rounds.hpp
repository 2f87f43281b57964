// Rounds: what grows without end in a protocol whose state space is infinite, for the explorer's
// --max-rounds (docs/explorer.md, "Bounding what grows without end"). A protocol that retries or
// re-elects without a limit (Paxos Commit's ballots, the outbox's re-publications) also derives from
// RoundedProtocol; the explorer finds it with dynamic_cast, as it finds SymmetricProtocol, so other
// protocols need nothing and Protocol's interface stays as it is.
#pragma once

#include <cstdint>

namespace cs {

class Simulator;

class RoundedProtocol {
 public:
  virtual ~RoundedProtocol() = default;
  // How far this state has gone in what can repeat without end, as a number that never goes down
  // along a run and is read from what the explorer's state encodes (logs, volatile state), so that
  // two runs with one encoding have the same rounds. The explorer does not expand a state above its
  // --max-rounds: "complete" then means every run that stays within that many rounds.
  virtual std::int64_t rounds(const Simulator& sim) const = 0;
};

}  // namespace cs
