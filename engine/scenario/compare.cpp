#include "scenario/compare.hpp"

#include <algorithm>
#include <memory>

#include "protocols/params.hpp"
#include "protocols/registry.hpp"

namespace cs {
namespace {

CompareRefusal refuse(std::string key, std::vector<std::string> args = {}) { return {std::move(key), std::move(args)}; }

CompareRefusal first_problem(const Diagnostics& d) {
  if (d.empty()) return refuse("invalid_params", {"its parameters are not valid"});
  return refuse("invalid_params", {d.front().path.empty() ? d.front().message : d.front().path + ": " + d.front().message});
}

struct Built {
  std::unique_ptr<Protocol> protocol;
  ClusterRoles roles;
};

std::optional<Built> build(std::string_view name, const nlohmann::json& params, CompareRefusal& why) {
  const ProtocolEntry* entry = find_protocol(name);
  if (!entry) {
    why = refuse("unknown_protocol", {std::string(name)});
    return std::nullopt;
  }
  Diagnostics d;
  Built b;
  b.protocol = entry->create(params, d);
  if (!b.protocol) {
    why = first_problem(d);
    return std::nullopt;
  }
  const ProtocolDescriptor& desc = entry->descriptor();
  const RoleSpec* lead = desc.coordinating_role();
  const auto specs = b.protocol->node_specs();
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const auto id = static_cast<NodeId>(i);
    b.roles.names.push_back(specs[i].name);
    const RoleSpec* role = desc.role(specs[i].role);
    if (lead && specs[i].role == lead->key && b.roles.coordinator == kNoNode)
      b.roles.coordinator = id;
    else if (role && role->worker)
      b.roles.workers.push_back(id);
  }
  return b;
}

// The parameter that sets how many workers there are ("participants", "steps", ...), if any.
const ParamSpec* worker_count_param(const ProtocolDescriptor& d) {
  for (const RoleSpec& r : d.roles)
    if (r.worker && !r.count.empty()) return d.param(r.count);
  return nullptr;
}

std::string worker_naming(const ProtocolDescriptor& d) {
  std::string s;
  for (const RoleSpec& r : d.roles)
    if (r.worker) s += (s.empty() ? "" : ", ") + std::string(r.naming);
  return s;
}

// The keys the common vocabulary sets itself; they never carry over by name.
bool workload_key(const ProtocolDescriptor& d, std::string_view key) {
  static constexpr std::string_view kRefusalKeys[] = {"votes",     "abort_probability", "fail_step", "fail_sagas",
                                                      "fail_mode", "fail_probability",  "capacity"};
  const ParamSpec* count = worker_count_param(d);
  if (key == d.workload.transactions || key == d.workload.interval || (count && key == count->key)) return true;
  return std::find(std::begin(kRefusalKeys), std::end(kRefusalKeys), key) != std::end(kRefusalKeys);
}

// "votes": {"P2": "abort"} (every transaction) or {"P2": {"abort": [2, 5]}} (those transactions).
std::optional<std::vector<Refusal>> read_votes(ParamReader& r, const ClusterRoles& roles, CompareRefusal& why) {
  if (!r.probability("abort_probability").is_zero()) {
    why = refuse("random_abort_votes");
    return std::nullopt;
  }
  std::vector<Refusal> out;
  const nlohmann::json* votes = r.raw("votes");
  for (std::size_t k = 0; votes && votes->is_object() && k < roles.workers.size(); ++k) {
    const auto it = votes->find(roles.names[static_cast<std::size_t>(roles.workers[k])]);
    if (it == votes->end()) continue;
    Refusal refusal{static_cast<int>(k) + 1, {}};
    if (it->is_object()) {
      for (const auto& t : it->value("abort", nlohmann::json::array())) refusal.txns.push_back(t.get<TxnId>());
      std::sort(refusal.txns.begin(), refusal.txns.end());
      refusal.txns.erase(std::unique(refusal.txns.begin(), refusal.txns.end()), refusal.txns.end());
    } else if (*it != "abort") {
      continue;
    }
    out.push_back(std::move(refusal));
  }
  return out;
}

std::optional<std::vector<Refusal>> read_fail_step(const ProtocolDescriptor& d, ParamReader& r, CompareRefusal& why) {
  const std::string step = r.choice("fail_step");
  const Ratio chance = r.probability("fail_probability");
  const bool timeout = d.param("fail_mode") && r.choice("fail_mode") != "business";
  if (step == "none") return std::vector<Refusal>{};
  if (chance.num != chance.den) {
    why = refuse("random_saga_failures");
    return std::nullopt;
  }
  if (timeout) {
    why = refuse("saga_timeout_failure");
    return std::nullopt;
  }
  const auto choices = d.param("fail_step")->choices;  // "none", then the steps in order
  const auto pos = std::find(choices.begin(), choices.end(), step) - choices.begin();
  Refusal refusal{static_cast<int>(pos), {}};
  if (const nlohmann::json* list = r.raw("fail_sagas"); list && list->is_array())
    for (const auto& v : *list) refusal.txns.push_back(v.get<TxnId>());
  std::sort(refusal.txns.begin(), refusal.txns.end());
  return std::vector<Refusal>{refusal};
}

std::optional<std::vector<Refusal>> read_capacity(const ProtocolDescriptor& d, ParamReader& r,
                                                  const CommonWorkload& w, const ClusterRoles& roles,
                                                  CompareRefusal& why) {
  const std::int64_t amount = r.integer("amount");
  const std::int64_t amount_max = std::max(amount, r.integer("amount_max"));
  const nlohmann::json fallback = nlohmann::json::parse(d.param("capacity")->def_json);
  const nlohmann::json* cap = r.raw("capacity");
  std::vector<Refusal> out;
  for (std::size_t k = 0; k < roles.workers.size(); ++k) {
    const std::string& name = roles.names[static_cast<std::size_t>(roles.workers[k])];
    std::int64_t c = fallback.get<std::int64_t>();
    if (cap && cap->is_number_integer()) c = cap->get<std::int64_t>();
    if (cap && cap->is_object() && cap->contains(name)) c = (*cap)[name].get<std::int64_t>();
    if (c < amount) {
      out.push_back({static_cast<int>(k) + 1, {}});
    } else if (c < w.transactions * amount_max) {
      why = refuse("capacity_runs_out", {name, std::to_string(c)});
      return std::nullopt;
    }
  }
  return out;
}


// Carries keys the target's schema declares with the same name and kind (timeouts between 2PC and
// 3PC, client_retry_ms...); the common vocabulary sets the workload keys itself.
nlohmann::json carried_params(const Scenario& s, const ProtocolDescriptor& from, const ProtocolDescriptor& to) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : s.params.items()) {
    if (workload_key(from, key) || workload_key(to, key)) continue;
    const ParamSpec* mine = from.param(key);
    const ParamSpec* theirs = to.param(key);
    if (mine && theirs && mine->kind == theirs->kind) out[key] = value;
  }
  return out;
}

nlohmann::json ms_json(Time t) {
  if (t % kMicrosPerMs == 0) return t / kMicrosPerMs;
  return static_cast<double>(t) / 1000.0;
}

// Sets the target's worker count so that its cluster has `n` workers.
bool set_workers(const ProtocolDescriptor& to, int n, nlohmann::json& params, CompareRefusal& why) {
  const auto base = build(to.name, params, why);
  if (!base) return false;
  const auto have = static_cast<std::int64_t>(base->roles.workers.size());
  const ParamSpec* count = worker_count_param(to);
  if (!count) {
    if (have == n) return true;
    why = refuse("workers_exact", {std::string(to.name), std::to_string(have), worker_naming(to), std::to_string(n)});
    return false;
  }
  Diagnostics ignored;
  ParamReader r(params, ignored, to.params);
  const std::int64_t offset = have - r.integer(count->key);  // workers the count does not count
  const std::int64_t want = n - offset;
  if (want < static_cast<std::int64_t>(count->lo) || want > static_cast<std::int64_t>(count->hi)) {
    why = refuse("workers_range", {std::string(to.name), std::to_string(static_cast<std::int64_t>(count->lo) + offset),
                                   std::to_string(static_cast<std::int64_t>(count->hi) + offset), worker_naming(to),
                                   std::to_string(n)});
    return false;
  }
  params[std::string(count->key)] = want;
  return true;
}

const std::string& worker_name(const ClusterRoles& roles, int k) {
  return roles.names[static_cast<std::size_t>(roles.workers[static_cast<std::size_t>(k - 1)])];
}

// Writes "worker k refuses transaction t" in the target's own terms.
bool write_refusals(const ProtocolDescriptor& to, const CommonWorkload& w, const ClusterRoles& roles,
                    nlohmann::json& params, CompareRefusal& why) {
  if (w.refusals.empty()) return true;
  const bool every = std::all_of(w.refusals.begin(), w.refusals.end(), [](const Refusal& r) { return r.txns.empty(); });
  const std::string name(to.name);
  const Refusal& first = w.refusals.front();
  switch (to.workload.refusal) {
    case RefusalForm::None:
      why = refuse("no_refusal", {name, std::to_string(first.worker), worker_name(roles, first.worker)});
      return false;
    case RefusalForm::Votes:
      // A vote is per transaction: "abort" for every one, {"abort": [t, ...]} for some.
      for (const Refusal& r : w.refusals) {
        nlohmann::json& vote = params["votes"][worker_name(roles, r.worker)];
        if (r.txns.empty())
          vote = "abort";
        else
          vote = {{"abort", r.txns}};
      }
      return true;
    case RefusalForm::Capacity:
      if (!every) {
        const Refusal& some = *std::find_if(w.refusals.begin(), w.refusals.end(), [](const Refusal& r) { return !r.txns.empty(); });
        why = refuse("capacity_some_txns", {name, std::to_string(some.worker), worker_name(roles, some.worker)});
        return false;
      }
      for (const Refusal& r : w.refusals) params["capacity"][worker_name(roles, r.worker)] = 0;
      return true;
    case RefusalForm::FailStep: {
      // A saga stops at its first failing step, so with every transaction refused only the first
      // refusing worker matters: the later ones are never asked.
      if (!every && w.refusals.size() > 1) {
        const Refusal& second = w.refusals[1];
        why = refuse("saga_one_step", {name, std::to_string(first.worker), worker_name(roles, first.worker),
                                       std::to_string(second.worker), worker_name(roles, second.worker)});
        return false;
      }
      params["fail_step"] = std::string(to.param("fail_step")->choices[static_cast<std::size_t>(first.worker)]);
      if (!first.txns.empty()) params["fail_sagas"] = first.txns;
      return true;
    }
  }
  return true;
}

// A state of the target node's role with the class of the source state ("C enters WAIT" becomes
// "O enters RUNNING": the coordinating node starts working), when there is exactly one; else -1.
int same_class_state(const Built& from, const Built& to, std::uint16_t state, NodeId target_node) {
  const ProtocolInfo& a = from.protocol->info();
  const ProtocolInfo& b = to.protocol->info();
  const StateSpec* mine = find_descriptor(a.name)->state(a.states[state]);
  if (!mine || target_node == kNoNode) return -1;
  const auto specs = to.protocol->node_specs();
  const RoleMachine* machine = b.role(specs[static_cast<std::size_t>(target_node)].role);
  const ProtocolDescriptor* d = find_descriptor(b.name);
  if (!machine || !d) return -1;
  int found = -1;
  for (std::uint16_t s : machine->states) {
    const StateSpec* theirs = d->state(b.states[s]);
    if (!theirs || theirs->cls != mine->cls) continue;
    if (found >= 0) return -1;  // ambiguous
    found = s;
  }
  return found;
}

// A refusal about fault i: its number, its kind, then what is missing.
CompareRefusal fault_refusal(std::string key, std::size_t i, const Fault& f, std::string what, std::string target) {
  return refuse(std::move(key), {std::to_string(i + 1), std::string(fault_kind_key(f.action.kind)), std::move(what),
                                 std::move(target)});
}

// One fault on the target's cluster; false (with `why`) when it names something the target lacks.
bool map_fault(const Fault& f, std::size_t i, const Built& from, const Built& to, const std::vector<NodeId>& node_map,
               Fault& out, CompareRefusal& why) {
  const std::string target = to.protocol->info().name;
  out = f;
  const auto node = [&](NodeId id, NodeId& mapped) {
    if (id == kNoNode) return true;
    mapped = node_map[static_cast<std::size_t>(id)];
    if (mapped != kNoNode) return true;
    if (id == from.roles.coordinator && to.roles.coordinator == kNoNode) {
      why = fault_refusal("fault_no_coordinator", i, f, from.roles.names[static_cast<std::size_t>(id)], target);
      return false;
    }
    why = fault_refusal("fault_no_counterpart", i, f, from.roles.names[static_cast<std::size_t>(id)], target);
    return false;
  };
  if (!node(f.action.a, out.action.a) || !node(f.action.b, out.action.b) || !node(f.trigger.node, out.trigger.node))
    return false;
  for (std::size_t g = 0; g < f.action.groups.size(); ++g)
    for (std::size_t k = 0; k < f.action.groups[g].size(); ++k)
      if (!node(f.action.groups[g][k], out.action.groups[g][k])) return false;
  const ProtocolInfo& a = from.protocol->info();
  const ProtocolInfo& b = to.protocol->info();
  switch (f.trigger.kind) {
    case TriggerKind::AtTime: return true;
    case TriggerKind::AfterEvent:
      // The GUI records a user's fault as "after event N, at the clock shown then": that clock is
      // the moment every protocol gets it. Event numbers alone belong to one protocol's run.
      if (f.trigger.time > 0) {
        out.trigger = FaultTrigger{.kind = TriggerKind::AtTime, .time = f.trigger.time};
        return true;
      }
      why = fault_refusal("fault_event_number", i, f, std::to_string(f.trigger.nth), target);
      return false;
    case TriggerKind::OnState: {
      const std::string& key = a.states[f.trigger.state];
      int idx = b.state_index(key);
      if (idx < 0) idx = same_class_state(from, to, f.trigger.state, out.trigger.node);
      if (idx < 0) {
        why = fault_refusal("fault_state_missing", i, f, key, target);
        return false;
      }
      out.trigger.state = static_cast<std::uint16_t>(idx);
      return true;
    }
    case TriggerKind::OnSent: {
      const std::string& key = a.messages[f.trigger.msg_type];
      const int idx = b.message_index(key);
      if (idx < 0) {
        why = fault_refusal("fault_message_missing", i, f, key, target);
        return false;
      }
      out.trigger.msg_type = static_cast<std::uint16_t>(idx);
      return true;
    }
  }
  return true;
}

}  // namespace

std::string ClusterRoles::part_of(NodeId node) const {
  if (node == kNoNode) return "";
  if (node == coordinator) return "coordinator";
  const auto it = std::find(workers.begin(), workers.end(), node);
  if (it == workers.end()) return "";
  return "worker " + std::to_string(it - workers.begin() + 1);
}

std::optional<ClusterRoles> cluster_roles(std::string_view protocol, const nlohmann::json& params, CompareRefusal& why) {
  auto b = build(protocol, params, why);
  if (!b) return std::nullopt;
  return std::move(b->roles);
}

std::optional<ClusterRoles> cluster_roles(std::string_view protocol, const nlohmann::json& params, std::string& why) {
  CompareRefusal r;
  auto roles = cluster_roles(protocol, params, r);
  if (!roles) why = compare_refusal_english(r);
  return roles;
}

std::optional<CommonWorkload> read_common_workload(const Scenario& source, std::string& why) {
  CompareRefusal r;
  auto w = read_common_workload(source, r);
  if (!w) why = compare_refusal_english(r);
  return w;
}

std::optional<CommonWorkload> read_common_workload(const Scenario& source, CompareRefusal& why) {
  const ProtocolDescriptor* d = find_descriptor(source.protocol);
  if (!d) {
    why = refuse("unknown_protocol", {source.protocol});
    return std::nullopt;
  }
  if (d->workload.transactions.empty()) {
    why = refuse("source_no_workload", {source.protocol});
    return std::nullopt;
  }
  const auto roles = cluster_roles(source.protocol, source.params, why);
  if (!roles) return std::nullopt;
  Diagnostics ignored;  // the scenario was loaded, so its params are valid
  ParamReader r(source.params, ignored, d->params);
  CommonWorkload w;
  w.workers = static_cast<int>(roles->workers.size());
  w.transactions = r.integer(d->workload.transactions);
  w.interval = r.duration(d->workload.interval);
  std::optional<std::vector<Refusal>> refusals;
  switch (d->workload.refusal) {
    case RefusalForm::None: refusals.emplace(); break;
    case RefusalForm::Votes: refusals = read_votes(r, *roles, why); break;
    case RefusalForm::FailStep: refusals = read_fail_step(*d, r, why); break;
    case RefusalForm::Capacity: refusals = read_capacity(*d, r, w, *roles, why); break;
  }
  if (!refusals) return std::nullopt;
  w.refusals = std::move(*refusals);
  return w;
}

NodeId counterpart(const ClusterRoles& from, const ClusterRoles& to, NodeId node) {
  if (node == kNoNode) return kNoNode;
  if (node == from.coordinator) return to.coordinator;
  const auto it = std::find(from.workers.begin(), from.workers.end(), node);
  if (it == from.workers.end()) return kNoNode;
  const auto k = static_cast<std::size_t>(it - from.workers.begin());
  return k < to.workers.size() ? to.workers[k] : kNoNode;
}

}  // namespace cs

namespace cs {

MappedScenario map_scenario(const Scenario& source, std::string_view target) {
  MappedScenario m;
  CompareRefusal why;
  const auto fail = [&](const CompareRefusal& reason) {
    m.why = reason;
    m.refusal = std::string(target) + " cannot run this scenario: " + compare_refusal_english(reason);
    m.node_map.clear();
    return m;
  };
  const auto from = build(source.protocol, source.params, why);
  if (!from) return fail(why);
  if (target == source.protocol) {
    m.scenario = source;
    for (std::size_t i = 0; i < from->roles.names.size(); ++i) m.node_map.push_back(static_cast<NodeId>(i));
    return m;
  }
  const ProtocolDescriptor* to_desc = find_descriptor(target);
  if (!to_desc) return fail(refuse("not_a_protocol"));
  if (to_desc->workload.transactions.empty()) return fail(refuse("target_no_workload"));
  const auto w = read_common_workload(source, why);
  if (!w) return fail(why);
  nlohmann::json params = carried_params(source, *find_descriptor(source.protocol), *to_desc);
  if (!set_workers(*to_desc, w->workers, params, why)) return fail(why);
  params[std::string(to_desc->workload.transactions)] = w->transactions;
  params[std::string(to_desc->workload.interval)] = ms_json(w->interval);
  const auto sized = build(target, params, why);
  if (!sized) return fail(why);
  if (!write_refusals(*to_desc, *w, sized->roles, params, why)) return fail(why);
  const auto to = build(target, params, why);
  if (!to) return fail(why);
  for (std::size_t i = 0; i < from->roles.names.size(); ++i)
    m.node_map.push_back(counterpart(from->roles, to->roles, static_cast<NodeId>(i)));
  Scenario out = source;
  out.protocol = std::string(target);
  out.params = std::move(params);
  out.layout.clear();  // positions belong to the source's nodes; the target gets its own placement
  out.faults.clear();
  for (std::size_t i = 0; i < source.faults.size(); ++i) {
    Fault f;
    if (!map_fault(source.faults[i], i, *from, *to, m.node_map, f, why)) return fail(why);
    out.faults.push_back(std::move(f));
  }
  m.scenario = std::move(out);
  return m;
}

}  // namespace cs
