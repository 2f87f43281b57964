#include "sim/network.hpp"

namespace cs {

void Network::resize(int nodes) {
  n_ = nodes;
  const auto cells = static_cast<std::size_t>(nodes) * static_cast<std::size_t>(nodes);
  cut_.assign(cells, 0);
  epoch_.assign(cells, 0);
  drop_next_.assign(cells, 0);
  dup_next_.assign(cells, 0);
  armed_ = 0;
  group_.assign(static_cast<std::size_t>(nodes), 0);
  partition_active_ = false;
}

std::vector<std::uint8_t> Network::blocked_matrix() const {
  std::vector<std::uint8_t> m(cut_.size(), 0);
  for (NodeId a = 0; a < n_; ++a)
    for (NodeId b = a + 1; b < n_; ++b) m[idx(a, b)] = blocked(a, b) ? 1 : 0;
  return m;
}

void Network::refresh_blocked_epochs(const std::vector<std::uint8_t>& was_blocked) {
  for (NodeId a = 0; a < n_; ++a)
    for (NodeId b = a + 1; b < n_; ++b)
      if (!was_blocked[idx(a, b)] && blocked(a, b)) ++epoch_[idx(a, b)];
}

void Network::cut(NodeId a, NodeId b) {
  if (!blocked(a, b)) ++epoch_[idx(a, b)];
  cut_[idx(a, b)] = 1;
}

void Network::heal(NodeId a, NodeId b) { cut_[idx(a, b)] = 0; }

void Network::partition(const std::vector<std::vector<NodeId>>& groups) {
  const auto before = blocked_matrix();
  const int rest = static_cast<int>(groups.size()) + 1;
  for (auto& g : group_) g = rest;
  int side = 1;
  for (const auto& g : groups) {
    for (NodeId id : g) group_[id] = side;
    ++side;
  }
  partition_active_ = true;
  refresh_blocked_epochs(before);
}

void Network::heal_partition() {
  for (auto& g : group_) g = 0;
  partition_active_ = false;
}

void Network::heal_all() {
  heal_partition();
  for (auto& c : cut_) c = 0;
}

}  // namespace cs
