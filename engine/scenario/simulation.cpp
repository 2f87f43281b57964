#include "scenario/simulation.hpp"

#include "check/protocol_bound_invariant.hpp"
#include "protocols/registry.hpp"

namespace cs {

std::unique_ptr<Simulation> Simulation::create(const Scenario& scenario, Diagnostics& errors, RunLimits limits,
                                               TraceRouting routing) {
  const ProtocolEntry* entry = find_protocol(scenario.protocol);
  if (!entry) {
    errors.push_back(Diagnostic{scenario.file, 0, 0, "protocol", "unknown protocol \"" + scenario.protocol + "\""});
    return nullptr;
  }
  std::unique_ptr<Simulation> s(new Simulation());
  s->scenario_ = scenario;
  const std::size_t before = errors.size();
  s->protocol_ = entry->create(scenario.params, errors);
  if (!s->protocol_) {
    for (std::size_t i = before; i < errors.size(); ++i) errors[i].file = scenario.file;
    return nullptr;
  }
  SimConfig cfg;
  cfg.seed = scenario.seed;
  cfg.network = scenario.network;
  cfg.trace_limit = limits.trace_limit;
  cfg.queue_limit = limits.queue_limit;
  cfg.memory_limit = limits.memory_limit;
  cfg.keep_trace = routing.keep;
  cfg.keep_messages = routing.keep;
  cfg.count_unkept = limits.count_unkept;
  cfg.forget_finished = limits.forget_finished;
  cfg.trace_windowed = limits.trace_windowed;
  cfg.scheduled = scenario.scheduled;
  s->sim_ = std::make_unique<Simulator>(cfg, *s->protocol_);
  s->sim_->set_trace_sink(routing.sink);
  const auto specs = s->protocol_->node_specs();
  for (const auto& n : specs) s->sim_->add_node(n.name, n.role);
  const auto valid = [&](NodeId id) { return id == kNoNode || (id >= 0 && static_cast<std::size_t>(id) < specs.size()); };
  for (std::size_t i = 0; i < scenario.faults.size(); ++i) {
    const Fault& f = scenario.faults[i];
    bool ok = valid(f.trigger.node) && valid(f.action.a) && valid(f.action.b);
    for (const auto& g : f.action.groups)
      for (NodeId id : g) ok = ok && id != kNoNode && valid(id);
    if (!ok) {
      errors.push_back(Diagnostic{scenario.file, 0, 0, "faults[" + std::to_string(i) + "]",
                                  "names a node this protocol does not have"});
      return nullptr;
    }
    s->sim_->add_fault(f);
  }
  s->invariants_ = s->protocol_->make_invariants();
  for (auto& inv : s->invariants_) s->sim_->add_observer(inv.get());
  s->sim_->start();
  return s;
}

namespace {

// The checkers of a copied run, for clone() and clone_without_history() alike: a checker that reads
// the protocol reads the copy (check/protocol_bound_invariant.hpp; the two once differed here, and a
// CAP register run then had no window snapshots). False when one cannot be copied.
bool clone_invariants(const std::vector<std::unique_ptr<Invariant>>& from, const Protocol& copy,
                      std::vector<std::unique_ptr<Invariant>>& to) {
  for (const auto& inv : from) {
    const auto* bound = dynamic_cast<const ProtocolBoundInvariant*>(inv.get());
    to.push_back(bound ? bound->clone_for(copy) : inv->clone());
    if (!to.back()) return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<Simulation> Simulation::clone() const {
  std::unique_ptr<Simulation> s(new Simulation());
  s->protocol_ = protocol_->clone();
  if (!s->protocol_ || !clone_invariants(invariants_, *s->protocol_, s->invariants_)) return nullptr;
  s->scenario_ = scenario_;
  s->schedule_replayed_ = schedule_replayed_;
  s->sim_ = sim_->clone_for(*s->protocol_);
  for (auto& inv : s->invariants_) s->sim_->add_observer(inv.get());
  return s;
}

std::unique_ptr<Simulation> Simulation::clone_without_history() const {
  std::unique_ptr<Simulation> s(new Simulation());
  s->protocol_ = protocol_->clone();
  if (!s->protocol_ || !clone_invariants(invariants_, *s->protocol_, s->invariants_)) return nullptr;
  s->scenario_ = scenario_;
  s->schedule_replayed_ = schedule_replayed_;
  s->sim_ = sim_->clone_without_history_for(*s->protocol_);
  for (auto& inv : s->invariants_) s->sim_->add_observer(inv.get());
  return s;
}

void Simulation::run() {
  if (!scenario_.scheduled) return sim_->run_until(scenario_.until);
  while (schedule_replayed_ < scenario_.schedule.size() && sim_->apply_step(scenario_.schedule[schedule_replayed_]))
    ++schedule_replayed_;
}

bool Simulation::invariants_hold() const {
  for (const auto& inv : invariants_)
    if (!inv->held()) return false;
  return true;
}

}  // namespace cs
