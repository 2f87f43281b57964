// The TLA+ specifications of transaction commit from the tlaplus/Examples repository
// (specifications/transaction_commit: TCommit.tla, TwoPhase.tla, PaxosCommit.tla by Gray & Lamport),
// written as state spaces with the same variables and the same actions, so that exploring them gives
// exactly the number of distinct states TLC reports. docs/explorer.md maps each to its spec.
#pragma once

#include <string>
#include <string_view>

#include "explore/state_space.hpp"

namespace cs::explore {

struct ModelSize {
  int rms = 3;        // resource managers (RM)
  int acceptors = 3;  // PaxosCommit: Acceptor
  int ballots = 2;    // PaxosCommit: Ballot = 0 .. ballots-1
};

// "tcommit", "twophase", "paxoscommit". On an unknown name or a size the encoding cannot hold,
// returns false and says why in `error`.
bool explore_model(std::string_view name, const ModelSize& size, const Limits& limits, Result& out, std::string& error);

// The sizes each model's encoding can hold (also what --help says).
constexpr int kMaxTwoPhaseRms = 12;
constexpr int kMaxTCommitRms = 30;
constexpr int kMaxPaxosRms = 5;
constexpr int kMaxPaxosAcceptors = 7;
constexpr int kMaxPaxosBallots = 3;

}  // namespace cs::explore
