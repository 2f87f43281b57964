#include "scenario/compare_metrics.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

#include "protocols/registry.hpp"

namespace cs {
namespace {

// Intervals keyed by whatever identifies them, summed as they close; a crash closes a node's own.
template <class Key>
class OpenIntervals {
 public:
  void open(const Key& k, Time t) { open_.try_emplace(k, t); }
  void close(const Key& k, Time t) {
    if (const auto it = open_.find(k); it != open_.end()) {
      total_ += t - it->second;
      open_.erase(it);
    }
  }
  void close_node(NodeId node, Time t) {
    for (auto it = open_.begin(); it != open_.end();) {
      if (std::get<0>(it->first) != node) {
        ++it;
        continue;
      }
      total_ += t - it->second;
      it = open_.erase(it);
    }
  }
  Time total_at(Time now) const {
    Time sum = total_;
    for (const auto& [k, start] : open_) sum += now - start;
    return sum;
  }

 private:
  std::map<Key, Time> open_;
  Time total_ = 0;
};

void latency(const Simulation& run, CompareRow& row) {
  std::vector<Time> ended;
  for (const TxnView& t : run.protocol().transactions()) {
    if (t.started >= 0) ++row.transactions;
    if (t.outcome == TxnOutcome::Committed) ++row.committed;
    if (t.outcome == TxnOutcome::Aborted) ++row.aborted;
    if (t.started >= 0 && t.ended >= 0) ended.push_back(t.ended - t.started);
  }
  if (row.now > 0) row.throughput = static_cast<double>(row.committed) * 1e6 / static_cast<double>(row.now);
  if (ended.empty()) return;
  std::sort(ended.begin(), ended.end());
  Time sum = 0;
  for (Time d : ended) sum += d;
  row.latency_mean = sum / static_cast<Time>(ended.size());
  // Nearest rank: the smallest latency at or above 99 % of the transactions.
  const auto rank = static_cast<std::size_t>(std::ceil(0.99 * static_cast<double>(ended.size())));
  row.latency_p99 = ended[std::max<std::size_t>(rank, 1) - 1];
}

// Lock-time, blocked time and inconsistency windows, from the trace alone.
void trace_figures(const Simulation& run, CompareRow& row) {
  const ProtocolInfo& info = run.protocol().info();
  const ProtocolDescriptor* desc = find_descriptor(info.name);
  std::string why;
  const auto roles = cluster_roles(info.name, run.scenario().params, why);
  const int blocked_note = ProtocolInfo::index_of(info.notes, "blocked");
  const auto is_worker = [&](NodeId n) {
    return roles && std::find(roles->workers.begin(), roles->workers.end(), n) != roles->workers.end();
  };
  const auto applied = [&](std::uint16_t state) {
    const StateSpec* s = desc && state < info.states.size() ? desc->state(info.states[state]) : nullptr;
    return s && s->cls == StateClass::Done;
  };
  OpenIntervals<std::tuple<NodeId, TxnId, std::int64_t>> locks;
  OpenIntervals<std::tuple<NodeId, TxnId>> blocked;
  std::map<TxnId, Time> window_start;
  std::map<TxnId, Time> window_end;
  for (const TraceEvent& ev : run.sim().trace()) {
    switch (ev.kind) {
      case TraceKind::LockAcquire: locks.open({ev.node, ev.txn, ev.value}, ev.time); break;
      case TraceKind::LockRelease: locks.close({ev.node, ev.txn, ev.value}, ev.time); break;
      case TraceKind::Crash:
        locks.close_node(ev.node, ev.time);
        blocked.close_node(ev.node, ev.time);
        break;
      case TraceKind::Note:
        if (blocked_note >= 0 && ev.key == blocked_note) blocked.open({ev.node, ev.txn}, ev.time);
        break;
      case TraceKind::State:
        blocked.close({ev.node, ev.txn}, ev.time);
        // A worker applied its part and made it visible while the transaction is still open.
        if (ev.txn != 0 && is_worker(ev.node) && applied(ev.key) && !window_end.contains(ev.txn))
          window_start.try_emplace(ev.txn, ev.time);
        break;
      case TraceKind::TxnEnd: window_end.try_emplace(ev.txn, ev.time); break;
      default: break;
    }
  }
  row.held = locks.total_at(row.now);
  row.blocked = blocked.total_at(row.now);
  for (const auto& [txn, start] : window_start) {
    const auto end = window_end.find(txn);
    ++row.windows;
    row.window_time += (end == window_end.end() ? row.now : end->second) - start;
  }
}

std::string ms_text(Time t) {
  if (t < 0) return "-";
  char buf[32];
  if (t % kMicrosPerMs == 0)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(t / kMicrosPerMs));
  else
    std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(t) / 1000.0);
  return buf;
}

nlohmann::ordered_json ms_json(Time t) {
  if (t < 0) return nullptr;
  if (t % kMicrosPerMs == 0) return t / kMicrosPerMs;
  return static_cast<double>(t) / 1000.0;
}

std::string invariants_text(const CompareRow& r) {
  if (r.violated.empty()) return "all " + std::to_string(r.invariants) + " held";
  std::string s = "VIOLATED:";
  for (const auto& k : r.violated) s += " " + k;
  return s;
}

}  // namespace

CompareRow compare_row(const Simulation& run) {
  CompareRow row;
  row.protocol = run.protocol().info().name;
  row.now = run.sim().now();
  latency(run, row);
  trace_figures(run, row);
  for (const Metric& m : run.protocol().metrics())
    if (m.key == "compensations") row.compensations += m.value;
  for (const auto& inv : run.invariants()) {
    ++row.invariants;
    if (!inv->held()) row.violated.push_back(inv->key());
  }
  return row;
}

nlohmann::ordered_json compare_row_json(const CompareRow& r) {
  nlohmann::ordered_json j;
  j["protocol"] = r.protocol;
  j["end_ms"] = ms_json(r.now);
  j["transactions"] = r.transactions;
  j["committed"] = r.committed;
  j["aborted"] = r.aborted;
  j["throughput_per_s"] = std::round(r.throughput * 1000.0) / 1000.0;
  j["latency_mean_ms"] = ms_json(r.latency_mean);
  j["latency_p99_ms"] = ms_json(r.latency_p99);
  j["held_ms"] = ms_json(r.held);
  j["blocked_ms"] = ms_json(r.blocked);
  j["compensations"] = r.compensations;
  j["inconsistency_windows"] = r.windows;
  j["inconsistency_ms"] = ms_json(r.window_time);
  j["invariants"] = r.invariants;
  j["violated"] = r.violated;
  return j;
}

std::string compare_table_text(std::span<const CompareRow> rows) {
  std::vector<std::vector<std::string>> table{{"protocol"}, {"committed / started"}, {"aborted"},
                                              {"throughput (txn/s)"}, {"latency mean (ms)"}, {"latency p99 (ms)"},
                                              {"locks/reservations held (ms)"}, {"time blocked (ms)"}, {"compensations"},
                                              {"inconsistency windows"}, {"invariants"}};
  for (const CompareRow& r : rows) {
    char tp[32];
    std::snprintf(tp, sizeof tp, "%.1f", r.throughput);
    const std::array<std::string, 11> cells{
        r.protocol, std::to_string(r.committed) + " / " + std::to_string(r.transactions), std::to_string(r.aborted), tp,
        ms_text(r.latency_mean), ms_text(r.latency_p99), ms_text(r.held), ms_text(r.blocked),
        std::to_string(r.compensations), std::to_string(r.windows) + " (" + ms_text(r.window_time) + " ms)",
        invariants_text(r)};
    for (std::size_t i = 0; i < cells.size(); ++i) table[i].push_back(cells[i]);
  }
  std::vector<std::size_t> width;
  for (const auto& line : table)
    for (std::size_t c = 0; c < line.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], line[c].size());
    }
  std::string out;
  for (const auto& line : table) {
    for (std::size_t c = 0; c < line.size(); ++c) {
      out += line[c];
      if (c + 1 < line.size()) out.append(width[c] - line[c].size() + 2, ' ');
    }
    out += '\n';
  }
  return out;
}

std::vector<AppliedFault> applied_faults(const Simulation& run, const ClusterRoles& roles) {
  std::vector<AppliedFault> out;
  const auto part = [&](NodeId n) {
    if (n == kNoNode) return std::string();
    const std::string p = roles.part_of(n);
    return p.empty() ? std::string(run.sim().node_name(n)) : p;
  };
  for (const TraceEvent& ev : run.sim().trace())
    if (ev.kind == TraceKind::Fault)
      out.push_back({ev.time, std::string(fault_kind_key(static_cast<FaultKind>(ev.key))), part(ev.node), part(ev.peer)});
  return out;
}

}  // namespace cs
