// Links between nodes: cuts, partitions, one-shot drop/duplicate, and the random latency/loss model.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/fault.hpp"
#include "sim/types.hpp"

namespace cs {

class Network {
 public:
  void resize(int nodes);
  int size() const { return n_; }

  const NetworkSettings& settings() const { return settings_; }
  void set_settings(const NetworkSettings& s) { settings_ = s; }

  // A link is blocked if it is cut or if its ends are on different sides of a partition.
  bool blocked(NodeId a, NodeId b) const { return cut_[idx(a, b)] != 0 || group_[a] != group_[b]; }
  bool is_cut(NodeId a, NodeId b) const { return cut_[idx(a, b)] != 0; }
  bool partitioned(NodeId a, NodeId b) const { return group_[a] != group_[b]; }
  bool has_partition() const { return partition_active_; }
  // Side of the partition a node is on (0 when there is none).
  int side(NodeId a) const { return group_[a]; }

  // The epoch of a link changes every time the link becomes blocked, so a message that was in
  // flight across a cut (even one healed before it arrived) can be recognised as lost.
  std::uint32_t epoch(NodeId a, NodeId b) const { return epoch_[idx(a, b)]; }

  void cut(NodeId a, NodeId b);
  void heal(NodeId a, NodeId b);
  // Groups are sides; nodes listed in no group together form one more side.
  void partition(const std::vector<std::vector<NodeId>>& groups);
  void heal_partition();
  void heal_all();

  void arm_drop_next(NodeId a, NodeId b) { arm(drop_next_, a, b); }
  void arm_duplicate_next(NodeId a, NodeId b) { arm(dup_next_, a, b); }
  // Inline, with a count of what is armed: every send asks both, and almost always nothing is armed.
  bool take_drop_next(NodeId a, NodeId b) { return armed_ != 0 && take(drop_next_, a, b); }
  bool take_duplicate_next(NodeId a, NodeId b) { return armed_ != 0 && take(dup_next_, a, b); }
  bool drop_next_armed(NodeId a, NodeId b) const { return drop_next_[idx(a, b)] != 0; }
  bool duplicate_next_armed(NodeId a, NodeId b) const { return dup_next_[idx(a, b)] != 0; }

 private:
  // Links are undirected: (a, b) and (b, a) share one slot.
  std::size_t idx(NodeId a, NodeId b) const {
    if (a > b) std::swap(a, b);
    return static_cast<std::size_t>(a) * static_cast<std::size_t>(n_) + static_cast<std::size_t>(b);
  }
  void arm(std::vector<std::uint8_t>& flags, NodeId a, NodeId b) {
    std::uint8_t& f = flags[idx(a, b)];
    armed_ += f == 0 ? 1 : 0;
    f = 1;
  }
  bool take(std::vector<std::uint8_t>& flags, NodeId a, NodeId b) {
    std::uint8_t& f = flags[idx(a, b)];
    if (f == 0) return false;
    f = 0;
    --armed_;
    return true;
  }
  void refresh_blocked_epochs(const std::vector<std::uint8_t>& was_blocked);
  std::vector<std::uint8_t> blocked_matrix() const;

  int n_ = 0;
  NetworkSettings settings_;
  std::vector<std::uint8_t> cut_;
  std::vector<std::uint32_t> epoch_;
  std::vector<std::uint8_t> drop_next_;
  std::vector<std::uint8_t> dup_next_;
  std::size_t armed_ = 0;  // flags set in drop_next_ and dup_next_ together
  std::vector<int> group_;
  bool partition_active_ = false;
};

}  // namespace cs
