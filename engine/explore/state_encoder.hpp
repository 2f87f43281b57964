// The explorer's canonical state of a scheduled run (docs/explorer.md, "What the abstraction keeps"):
// nodes (up, partition side, durable log), the SET of messages in flight, running timers and pending
// workload events as multisets (no ids, no times), the faults used, and the protocol's own encoding.
//
// With symmetry (the explorer's --symmetry), the state is the least encoding over every renaming of
// the nodes the protocol calls interchangeable (SymmetricProtocol, sim/symmetry.hpp): two states that are
// renamings of each other get the same words. The encoder also says how many renamings give the least
// encoding (the size of the state's stabiliser), so that the search can count the states it stands
// for: orbit = renamings / stabiliser.
//
// Reuses its buffers: encoding a state allocates nothing once they have grown.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/simulator.hpp"
#include "sim/types.hpp"

namespace cs {
class Simulation;
}

namespace cs::explore {

struct FaultBudget;

// A message in flight whose link has been cut since it was sent (Network's epoch moved on): every
// delivery of it is a drop, now and later, and nothing else about it can matter.
inline bool is_stale(const Network& net, const Message& m) { return m.link_epoch != net.epoch(m.from, m.to); }

class StateEncoder {
 public:
  // `symmetric`: the interchangeable nodes (empty or one node: no symmetry).
  explicit StateEncoder(std::vector<NodeId> symmetric = {});

  // The canonical words of `run` with the faults `used`; false when the protocol has no encoding
  // (then the words hold the simulator's part only). `stabiliser` = renamings that give these words.
  bool encode(const Simulation& run, const FaultBudget& used, std::uint32_t& stabiliser);
  // Whether messages the run's protocol calls inert (InertMessagesProtocol) are left out of the state
  // (ScenarioLimits::inert_messages).
  void leave_out_inert(bool on) { inert_ = on; }
  const std::vector<std::int64_t>& words() const { return best_; }
  // How many renamings there are (1 without symmetry).
  std::uint64_t renamings() const { return static_cast<std::uint64_t>(renamings_.size()); }
  // Where the set of messages in flight is in words(): [begin, end), a count, then each message as
  // its length and its words, sorted (the same place under every renaming).
  std::size_t messages_begin() const { return messages_begin_; }
  std::size_t messages_end() const { return messages_end_; }

 private:
  bool encode_renamed(const Simulation& run, const FaultBudget& used, const std::vector<NodeId>& rename,
                      std::vector<std::int64_t>& out);
  // Appends the items (flat in items_, starting at starts_) as a sorted set or multiset.
  void flush_items(std::vector<std::int64_t>& out, bool set);
  void begin_item() { starts_.push_back(static_cast<std::uint32_t>(items_.size())); }

  std::vector<std::vector<NodeId>> renamings_;  // rename[n] = the name node n takes
  std::vector<NodeId> inverse_;
  std::vector<std::int64_t> words_, best_, items_;
  std::vector<std::uint32_t> starts_, order_;
  std::size_t messages_begin_ = 0, messages_end_ = 0;
  bool inert_ = false;
};

}  // namespace cs::explore
