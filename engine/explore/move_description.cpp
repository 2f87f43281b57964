#include "explore/move_description.hpp"

namespace cs::explore {

namespace {

std::string node_name(const std::vector<NodeSpec>& nodes, NodeId n) {
  return n >= 0 && static_cast<std::size_t>(n) < nodes.size() ? nodes[static_cast<std::size_t>(n)].name : "?";
}

std::string key_of(const std::vector<std::string>& keys, std::uint16_t i) {
  return i < keys.size() ? keys[i] : "#" + std::to_string(i);
}

MoveDescription describe_step(const ScheduledStep& s, const Protocol& p, const std::vector<NodeSpec>& nodes) {
  using K = MoveDescription::Kind;
  MoveDescription d;
  d.txn = s.txn;
  switch (s.kind) {
    case EventStepKind::Deliver: d.kind = K::Deliver; break;
    case EventStepKind::Duplicate: d.kind = K::Duplicate; break;
    case EventStepKind::Drop: d.kind = K::Drop; break;
    case EventStepKind::Timer:
      d.kind = K::Timer;
      d.key = key_of(p.info().timers, s.type);
      d.node = node_name(nodes, s.to);
      return d;
    case EventStepKind::Client: d.kind = K::Client; return d;
  }
  d.key = key_of(p.info().messages, s.type);
  d.from = node_name(nodes, s.from);
  d.node = node_name(nodes, s.to);
  return d;
}

}  // namespace

MoveDescription describe_move(const Choice& c, const Protocol& protocol, const std::vector<NodeSpec>& nodes) {
  using K = MoveDescription::Kind;
  MoveDescription d;
  switch (c.kind) {
    case Choice::Kind::Step: return describe_step(c.step, protocol, nodes);
    case Choice::Kind::Crash: d.kind = K::Crash; d.node = node_name(nodes, c.node); break;
    case Choice::Kind::Restart: d.kind = K::Restart; d.node = node_name(nodes, c.node); break;
    case Choice::Kind::Heal: d.kind = K::Heal; break;
    case Choice::Kind::Partition:
      d.kind = K::Partition;
      for (NodeId n = 0; n < c.nodes; ++n) ((c.side_b >> n & 1u) ? d.side_b : d.side_a).push_back(node_name(nodes, n));
      break;
  }
  return d;
}

}  // namespace cs::explore
