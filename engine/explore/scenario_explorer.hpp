// Exhaustive exploration of a small scenario (docs/explorer.md): every interleaving of message
// deliveries, timer firings and workload events of the scenario's protocol, with bounded faults
// (crashes and restarts, drops, duplications, partitions into two sides). Breadth-first, so every
// counterexample is a shortest one; each distinct state is stored once.
//
// Time is abstracted away: a timer may fire at any point, as a crash may. The network is a set of
// messages in flight. A state is rebuilt by replaying its path from the start in a scheduled run
// (SimConfig::scheduled), and a path is written back as a scenario whose "schedule" replays it, so a
// counterexample is a run that `commitscope-cli run` reproduces, not a claim about an abstraction.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"
#include "sim/fault.hpp"
#include "sim/schedule.hpp"

namespace cs::explore {

struct FaultBudget {
  int crashes = 0;     // crashes (a restart of a crashed node is always possible, and free)
  int drops = 0;       // messages lost
  int duplicates = 0;  // messages delivered twice
  int partitions = 0;  // splits into two sides (healing is free)
};

struct ScenarioLimits {
  std::uint64_t max_states = 200'000;             // distinct states
  std::size_t max_memory = std::size_t{1} << 30;   // bytes of what the search keeps
  std::uint64_t max_replayed_steps = 0;            // the time budget, in simulated steps (0: none)
  // Not a limit, a way to search: store one state per class of states that are renamings of each
  // other among the protocol's interchangeable nodes (SymmetricProtocol in sim/symmetry.hpp; at most
  // kMaxSymmetricNodes of them). Off by default: the default search is exact.
  bool symmetry = false;
  // Not a limit on the search but on the runs searched: a state whose protocol has gone past this
  // many rounds (RoundedProtocol in sim/rounds.hpp: Paxos Commit's highest ballot, the outbox's
  // publications of one order) is checked but not expanded, and "complete" means every run that stays
  // within the bound (0: no bound; protocols without rounds are never cut).
  std::int64_t max_rounds = 0;
  // Not a limit, a measurement (ScenarioResult::profile): states per depth, which moves made them,
  // and, at a sample of expanded states, whether moves at different nodes commute. Costs a few
  // copies per sampled state; off by default.
  bool profile = false;
  // A reduction for the safety verdict (docs/explorer.md, "Covered states"): a new state that equals
  // a stored one in everything but the messages in flight, and whose messages are a subset of that
  // one's, is not stored or expanded: the stored one can do everything it can. Violations found and
  // their shortest depths are those of the full search; blocking states are not checked (a state
  // with fewer messages can block where one with more does not). Only for a protocol that never reads
  // the network (NetworkBlindProtocol, sim/network_blind.hpp); explore_scenario refuses others.
  bool prune_covered = false;
  // Not the real network but an over-approximation of it, for the safety verdict (docs/explorer.md,
  // "The sent set"): the TLA+ specifications' network, where a message once sent stays in flight for
  // ever and may be delivered any number of times, in any order (every delivery is a duplicate, free
  // of the budget; drops and duplicates are subsumed). Every run of the exact search is matched by a
  // run of this one with the same node states and at least its messages, so "no violation here"
  // implies "no violation" there. A violation found here may need more duplicates than the budget
  // allows: it is re-played as a real run with as few duplicates as it takes (Finding::duplicates,
  // Finding::replays). Blocking states are not checked. Only for a NetworkBlindProtocol.
  bool sent_set = false;
  // A reduction that is exact for every verdict (docs/explorer.md, "Inert messages"): a message the
  // protocol calls inert (InertMessagesProtocol, sim/inert_messages.hpp: its delivery changes nothing
  // now or later) is left out of the state, and the explorer neither delivers, drops nor duplicates
  // it (each would reach the same state). Runs that differ only by inert messages have the same
  // future and the same verdicts, so violations, their shortest depths and blocking states are those
  // of the search without it; distinct_states counts the states up to inert messages. Refused for a
  // protocol that does not say which messages are inert.
  bool inert_messages = false;
  // Not a reduction, a test of the protocol's inert claims (with inert_messages): at every expanded
  // state, delivering each inert message must leave the state (its encoding) and the invariants as
  // they are, and a message inert before a move must still be inert after it if it is still in
  // flight. ScenarioResult::inert_checks / inert_claims_broken count the checks and the failures.
  bool check_inert = false;
};
inline constexpr std::size_t kMaxSymmetricNodes = 6;  // 720 renamings per state

// One move of the explorer: a scheduled event, or a fault.
struct Choice {
  enum class Kind : std::uint8_t { Step, Crash, Restart, Partition, Heal };
  Kind kind = Kind::Step;
  ScheduledStep step;           // Kind::Step
  NodeId node = kNoNode;        // Crash, Restart
  std::uint32_t side_b = 0;     // Partition: bit i set = node i on the second side
  std::uint8_t nodes = 0;       // Partition: how many nodes the run has
  bool operator==(const Choice&) const = default;
};

struct Finding {
  std::string invariant;  // violations: the invariant's key; blocking states: empty
  int depth = 0;          // choices from the initial state (the shortest path: breadth-first)
  std::vector<Choice> path;
  // ScenarioLimits::sent_set: the path as a real run (a delivery is a duplicate only where the same
  // message is delivered again later and not sent again in between), how many duplicates that run
  // uses, and whether it replays to the same violation (checked by replaying it). Not filled
  // otherwise (duplicates = -1).
  int duplicates = -1;
  bool replays = true;
};

// Where a search's states come from (ScenarioLimits::profile; docs/explorer.md, "Where the states
// come from"). Move kinds, in this order: deliver, drop, duplicate, timer, client, crash, restart,
// partition, heal.
inline constexpr std::size_t kMoveKinds = 9;
struct DepthProfile {
  std::uint64_t states = 0;                         // new states first reached at this depth
  std::array<std::uint64_t, kMoveKinds> by_move{};  // ... by the kind of move that reached them
  std::uint64_t max_words = 0;                      // the longest state encoding at this depth
};
struct SearchProfile {
  std::vector<DepthProfile> depths;
  // Expanded states by how many nodes had an enabled delivery or timer (index = nodes; the last
  // entry counts that many or more).
  std::vector<std::uint64_t> active_nodes;
  // Sampled states (every 61st expanded one, at most 400): every pair of enabled deliveries and
  // timers at two different nodes, taken in both orders.
  std::uint64_t sampled_states = 0;
  std::uint64_t pairs = 0;
  std::uint64_t pairs_commuting = 0;  // both orders possible and reaching the same state
  std::uint64_t pairs_disabling = 0;  // one order impossible: the first move disabled the second
  std::uint64_t pairs_differing = 0;  // both possible, different states
};

struct ScenarioResult {
  // Distinct states. With symmetry, the states the stored classes stand for (each class counts its
  // renamings), which is what the exact search counts when both are complete.
  std::uint64_t distinct_states = 0;
  // With symmetry: the classes stored (states up to renaming); 0 without.
  std::uint64_t symmetry_reduced_states = 0;
  std::uint32_t symmetric_nodes = 0;  // how many nodes were interchangeable (0 or 1: none)
  std::uint64_t transitions = 0;      // moves taken (with symmetry: from the stored classes)
  // States past ScenarioLimits::max_rounds, checked and left unexpanded (counted as distinct_states
  // counts); rounds_bounded: whether the protocol has rounds, so that the bound applied.
  std::uint64_t beyond_rounds = 0;
  bool rounds_bounded = false;
  int max_depth = 0;
  bool complete = true;
  std::string stopped_by;  // "", "max_states", "max_memory", "max_replayed_steps", "cancelled"
  bool exact = true;       // false: the protocol has no state encoding, states are not merged
  std::vector<Finding> violations;         // the first (shallowest) violation of each invariant
  std::uint64_t blocking_count = 0;        // blocking states (only meaningful when complete; with
                                           // symmetry, counted as distinct_states is)
  std::vector<Finding> blocking_examples;  // the shallowest few
  std::size_t memory_bytes = 0;
  std::uint64_t replayed_steps = 0;
  SearchProfile profile;  // filled with ScenarioLimits::profile
  // ScenarioLimits::prune_covered: how many moves reached a new state that a stored one covered
  // (each such state left out; one state reached by several moves is counted each time).
  bool pruned_covered = false;
  std::uint64_t covered_successors = 0;
  bool blocking_checked = true;  // false with prune_covered or sent_set: blocking_count is not known
  bool sent_set = false;         // ScenarioLimits::sent_set: the over-approximation was searched
  bool inert_messages = false;   // ScenarioLimits::inert_messages: inert messages were left out
  std::uint64_t inert_checks = 0;         // ScenarioLimits::check_inert: claims checked
  std::uint64_t inert_claims_broken = 0;  // ... and found false (0 for a sound protocol)
};

struct Progress {
  std::uint64_t states = 0;
  std::uint64_t transitions = 0;
  int depth = 0;
  std::size_t memory_bytes = 0;
};
// Called now and then during the search; returning false cancels it (complete = false, "cancelled").
using ProgressFn = std::function<bool(const Progress&)>;

// Explores `scenario` (its protocol and parameters; its timed faults are left out: the budget says
// which faults happen). A scenario with a schedule is explored from where its schedule ends.
// Returns false with `error` set if the scenario cannot be run (or symmetry was asked for with more
// than kMaxSymmetricNodes interchangeable nodes).
bool explore_scenario(const Scenario& scenario, const FaultBudget& budget, const ScenarioLimits& limits,
                      ScenarioResult& result, std::string& error, const ProgressFn& progress = {});

// The scenario that replays `path` from `base`: its steps as the schedule, its faults as
// "after_event" faults.
Scenario path_scenario(const Scenario& base, const std::vector<Choice>& path, const std::string& title);

// Whether a scheduled scenario ends in a blocking state: something is undecided, and no state that
// message deliveries, timers and workload events alone can reach has it decided. `known` is false
// when the check ran out of states (limit) before it could tell.
bool ends_blocked(const Scenario& scheduled, bool& known, std::uint64_t max_states = 100'000);

}  // namespace cs::explore
