// The writer half of loader.hpp: a Scenario back to the JSON form the loader reads.
#include <cmath>
#include <string>

#include "scenario/json_format.hpp"
#include "scenario/loader.hpp"

namespace cs {
namespace {

using ojson = nlohmann::ordered_json;

// Whole milliseconds stay integers ("400", not "400.0"); otherwise µs precision ("12.345").
ojson ms_value(Time t) {
  if (t % kMicrosPerMs == 0) return ojson(t / kMicrosPerMs);
  return ojson(static_cast<double>(t) / 1000.0);
}

ojson probability(Ratio r) {
  if (r.num == 0) return ojson(0);
  if (r.num == r.den) return ojson(1);
  return ojson(r.as_double());
}

ojson network_json(const NetworkSettings& n) {
  ojson o = ojson::object();
  o["latency_ms"] = ojson::array({ms_value(n.latency_lo), ms_value(n.latency_hi)});
  o["loss"] = probability(n.loss);
  o["duplicate"] = probability(n.duplicate);
  return o;
}

// 0 rather than 0.0 for whole coordinates, to keep saved files tidy. The range is checked before
// converting: a double outside int64's range has no integer value (undefined behaviour).
ojson coordinate(double v) {
  if (v > -1e15 && v < 1e15 && v == std::trunc(v)) return ojson(static_cast<std::int64_t>(v));
  return ojson(v);
}

class Writer {
 public:
  explicit Writer(const Protocol& p) : info_(p.info()), nodes_(p.node_specs()) {}

  std::string node(NodeId n) const {
    if (n >= 0 && static_cast<std::size_t>(n) < nodes_.size()) return nodes_[static_cast<std::size_t>(n)].name;
    return "#" + std::to_string(n);  // cannot happen for a loaded scenario; keeps the writer total
  }
  static std::string key(const std::vector<std::string>& keys, std::uint16_t i) {
    return i < keys.size() ? keys[i] : "#" + std::to_string(i);
  }

  ojson step(const ScheduledStep& st) const {
    ojson o = ojson::object();
    switch (st.kind) {
      case EventStepKind::Timer:
        o["timer"] = key(info_.timers, st.type);
        o["node"] = node(st.to);
        break;
      case EventStepKind::Client: o["client"] = st.type; break;
      default: {
        static constexpr const char* kKinds[] = {"deliver", "duplicate", "drop"};
        o[kKinds[static_cast<std::size_t>(st.kind)]] = key(info_.messages, st.type);
        o["from"] = node(st.from);
        o["to"] = node(st.to);
      }
    }
    if (st.txn != 0) o["txn"] = st.txn;
    if (st.a != 0) o["a"] = st.a;
    if (st.b != 0) o["b"] = st.b;
    if (!st.extra.empty()) o["extra"] = st.extra;
    return o;
  }

  ojson fault(const Fault& f) const {
    ojson o = ojson::object();
    const FaultTrigger& t = f.trigger;
    switch (t.kind) {
      case TriggerKind::AtTime: o["at_ms"] = ms_value(t.time); break;
      case TriggerKind::AfterEvent:
        o["after_event"] = t.nth;
        if (t.time > 0) o["at_ms"] = ms_value(t.time);  // only the GUI's timed actions: older files stay as they were
        break;
      case TriggerKind::OnState: {
        ojson on = ojson::object();
        on["node"] = node(t.node);
        on["state"] = key(info_.states, t.state);
        if (t.txn != 0) on["txn"] = t.txn;
        o["on"] = std::move(on);
        break;
      }
      case TriggerKind::OnSent: {
        ojson on = ojson::object();
        on["sent"] = key(info_.messages, t.msg_type);
        on["nth"] = t.nth;
        if (t.node != kNoNode) on["from"] = node(t.node);
        o["on"] = std::move(on);
        break;
      }
    }
    const FaultAction& a = f.action;
    const auto pair = [&] { return ojson::array({node(a.a), node(a.b)}); };
    switch (a.kind) {
      case FaultKind::Crash: o["crash"] = node(a.a); break;
      case FaultKind::Restart: o["restart"] = node(a.a); break;
      case FaultKind::Cut: o["cut"] = pair(); break;
      case FaultKind::Heal: o["heal"] = pair(); break;
      case FaultKind::HealAll: o["heal"] = "all"; break;
      case FaultKind::HealPartition: o["heal_partition"] = true; break;
      case FaultKind::DropNext: o["drop_next"] = pair(); break;
      case FaultKind::DuplicateNext: o["duplicate_next"] = pair(); break;
      case FaultKind::SetNetwork: o["network"] = network_json(a.network); break;
      case FaultKind::Partition: {
        ojson groups = ojson::array();
        for (const auto& g : a.groups) {
          ojson names = ojson::array();
          for (NodeId n : g) names.push_back(node(n));
          groups.push_back(std::move(names));
        }
        o["partition"] = std::move(groups);
        break;
      }
    }
    return o;
  }

 private:
  const ProtocolInfo& info_;
  std::vector<NodeSpec> nodes_;
};

}  // namespace

nlohmann::ordered_json scenario_to_json(const Scenario& s, const Protocol& protocol) {
  Writer w(protocol);
  ojson o = ojson::object();
  if (!s.title.empty()) o["title"] = s.title;
  if (!s.title_zh.empty()) o["title_zh"] = s.title_zh;
  if (!s.description.empty()) o["description"] = s.description;
  if (!s.description_zh.empty()) o["description_zh"] = s.description_zh;
  o["protocol"] = s.protocol;
  o["seed"] = s.seed;
  o["until_ms"] = ms_value(s.until);
  // nlohmann converts between its json flavours; keys of params stay in the loaded (sorted) order.
  o["params"] = ojson(s.params.is_null() ? nlohmann::json::object() : s.params);
  o["network"] = network_json(s.network);
  if (!s.faults.empty()) {
    ojson faults = ojson::array();
    for (const auto& f : s.faults) faults.push_back(w.fault(f));
    o["faults"] = std::move(faults);
  }
  if (s.scheduled) {
    ojson steps = ojson::array();
    for (const auto& st : s.schedule) steps.push_back(w.step(st));
    o["schedule"] = std::move(steps);
  }
  if (!s.layout.empty()) {
    ojson layout = ojson::object();
    for (const auto& l : s.layout) layout[l.node] = ojson::array({coordinate(l.x), coordinate(l.y)});
    o["layout"] = std::move(layout);
  }
  return o;
}

std::string scenario_to_text(const Scenario& s, const Protocol& protocol) {
  return format_json(scenario_to_json(s, protocol)) + "\n";
}

}  // namespace cs
