#include "explore/state_encoder.hpp"

#include <algorithm>
#include <numeric>

#include "explore/scenario_explorer.hpp"
#include "scenario/simulation.hpp"
#include "sim/inert_messages.hpp"
#include "sim/symmetry.hpp"

namespace cs::explore {

StateEncoder::StateEncoder(std::vector<NodeId> symmetric) {
  std::sort(symmetric.begin(), symmetric.end());
  NodeId top = 0;
  for (NodeId n : symmetric) top = std::max<NodeId>(top, n + 1);
  std::vector<NodeId> identity(static_cast<std::size_t>(top));
  std::iota(identity.begin(), identity.end(), NodeId{0});
  if (symmetric.size() < 2) {
    renamings_.push_back(identity);
    return;
  }
  // Every permutation of the symmetric nodes among their own places, identity elsewhere.
  std::vector<NodeId> images = symmetric;
  do {
    std::vector<NodeId> rename = identity;
    for (std::size_t k = 0; k < symmetric.size(); ++k) rename[static_cast<std::size_t>(symmetric[k])] = images[k];
    renamings_.push_back(std::move(rename));
  } while (std::next_permutation(images.begin(), images.end()));
}

bool StateEncoder::encode(const Simulation& run, const FaultBudget& used, std::uint32_t& stabiliser) {
  bool exact = true;
  stabiliser = 0;
  for (std::size_t k = 0; k < renamings_.size(); ++k) {
    std::vector<std::int64_t>& out = k == 0 ? best_ : words_;
    out.clear();
    exact = encode_renamed(run, used, renamings_[k], out) && exact;
    if (k == 0 || out < best_) {
      if (k != 0) best_.swap(words_);
      stabiliser = 1;
    } else if (out == best_) {
      ++stabiliser;
    }
  }
  return exact;
}

void StateEncoder::flush_items(std::vector<std::int64_t>& out, bool set) {
  const auto n = static_cast<std::uint32_t>(starts_.size());
  starts_.push_back(static_cast<std::uint32_t>(items_.size()));
  const auto item = [&](std::uint32_t i) {
    return std::make_pair(items_.begin() + starts_[i], items_.begin() + starts_[i + 1]);
  };
  const auto less = [&](std::uint32_t x, std::uint32_t y) {
    const auto [a0, a1] = item(x);
    const auto [b0, b1] = item(y);
    return std::lexicographical_compare(a0, a1, b0, b1);
  };
  const auto same = [&](std::uint32_t x, std::uint32_t y) {
    const auto [a0, a1] = item(x);
    const auto [b0, b1] = item(y);
    return std::equal(a0, a1, b0, b1);
  };
  order_.resize(n);
  std::iota(order_.begin(), order_.end(), 0u);
  std::sort(order_.begin(), order_.end(), less);
  if (set) order_.erase(std::unique(order_.begin(), order_.end(), same), order_.end());
  out.push_back(static_cast<std::int64_t>(order_.size()));
  for (std::uint32_t i : order_) {
    const auto [b, e] = item(i);
    out.push_back(e - b);
    out.insert(out.end(), b, e);
  }
  items_.clear();
  starts_.clear();
}

bool StateEncoder::encode_renamed(const Simulation& run, const FaultBudget& used, const std::vector<NodeId>& rename,
                                  std::vector<std::int64_t>& out) {
  const Simulator& sim = run.sim();
  const Network& net = sim.network();
  const auto nodes = static_cast<NodeId>(sim.nodes().size());
  const auto name = [&](NodeId n) { return n >= 0 && n < static_cast<NodeId>(rename.size()) ? rename[static_cast<std::size_t>(n)] : n; };
  inverse_.resize(static_cast<std::size_t>(nodes));
  for (NodeId n = 0; n < nodes; ++n) inverse_[static_cast<std::size_t>(name(n))] = n;
  // Nodes in the order of their new names. The partition side is relative to the node named 0, so
  // the two ways of writing a split down are one state.
  const NodeId first = inverse_[0];
  for (NodeId m = 0; m < nodes; ++m) {
    const NodeId n = inverse_[static_cast<std::size_t>(m)];
    out.push_back(sim.is_up(n));
    out.push_back(net.has_partition() && net.side(n) != net.side(first));
    const auto& log = sim.log(n);
    out.push_back(static_cast<std::int64_t>(log.size()));
    for (const LogRecord& rec : log) out.insert(out.end(), {rec.type, rec.txn, rec.value});
  }
  messages_begin_ = out.size();
  const auto* inert = inert_ ? dynamic_cast<const InertMessagesProtocol*>(&run.protocol()) : nullptr;
  for (std::uint32_t id : sim.in_flight()) {
    const Message& m = sim.message(id);
    // A message sent before its link was cut (a partition) can only be dropped when delivered:
    // epochs never go back. It changes nothing but itself, so it is left out (docs/explorer.md,
    // "Messages that can only be lost"); the explorer offers no drop or duplicate of it.
    if (is_stale(net, m)) continue;
    // An inert message (sim/inert_messages.hpp) can only be delivered as a no-op: left out too.
    if (inert && inert->inert(sim, m)) continue;
    begin_item();
    items_.insert(items_.end(), {name(m.from), name(m.to), m.type, m.txn, m.a, m.b});
    items_.insert(items_.end(), m.extra.begin(), m.extra.end());
  }
  flush_items(out, true);  // the network is a set: a message sent again adds nothing
  messages_end_ = out.size();
  for (const TimerRec& t : sim.live_timers()) {
    begin_item();
    items_.insert(items_.end(), {name(t.node), t.kind, t.txn, t.value});
  }
  flush_items(out, false);
  for (const ScheduledStep& c : sim.pending_clients()) {
    begin_item();
    items_.insert(items_.end(), {c.type, c.txn, c.a});
  }
  flush_items(out, false);
  out.insert(out.end(), {used.crashes, used.drops, used.duplicates, used.partitions});
  const auto* symmetric = renamings_.size() > 1 ? dynamic_cast<const SymmetricProtocol*>(&run.protocol()) : nullptr;
  if (!symmetric) return run.protocol().encode_state(sim, out);
  symmetric->encode_state_renamed(sim, rename, out);
  return true;
}

}  // namespace cs::explore
