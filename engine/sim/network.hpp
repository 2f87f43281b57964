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

  void arm_drop_next(NodeId a, NodeId b) { drop_next_[idx(a, b)] = 1; }
  void arm_duplicate_next(NodeId a, NodeId b) { dup_next_[idx(a, b)] = 1; }
  bool take_drop_next(NodeId a, NodeId b);
  bool take_duplicate_next(NodeId a, NodeId b);
  bool drop_next_armed(NodeId a, NodeId b) const { return drop_next_[idx(a, b)] != 0; }
  bool duplicate_next_armed(NodeId a, NodeId b) const { return dup_next_[idx(a, b)] != 0; }

 private:
  // Links are undirected: (a, b) and (b, a) share one slot.
  std::size_t idx(NodeId a, NodeId b) const {
    if (a > b) std::swap(a, b);
    return static_cast<std::size_t>(a) * static_cast<std::size_t>(n_) + static_cast<std::size_t>(b);
  }
  void refresh_blocked_epochs(const std::vector<std::uint8_t>& was_blocked);
  std::vector<std::uint8_t> blocked_matrix() const;

  int n_ = 0;
  NetworkSettings settings_;
  std::vector<std::uint8_t> cut_;
  std::vector<std::uint32_t> epoch_;
  std::vector<std::uint8_t> drop_next_;
  std::vector<std::uint8_t> dup_next_;
  std::vector<int> group_;
  bool partition_active_ = false;
};

}  // namespace cs
