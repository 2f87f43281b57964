#include "scenario/compare_refusal.hpp"

#include <algorithm>

namespace cs {
namespace {

struct KeySpec {
  std::string_view key;
  int arity;
};

// Arguments, in order. PROTOCOL: a protocol name; K: a worker number (1-based); NODE: a node name;
// N: a fault's number in the file (1-based); KIND: a fault kind key ("crash", "cut"...).
constexpr KeySpec kKeys[] = {
    {"unknown_protocol", 1},       // PROTOCOL
    {"invalid_params", 1},         // the first parameter problem (English, from the parameter reader)
    {"not_a_protocol", 0},         //
    {"target_no_workload", 0},     //
    {"source_no_workload", 1},     // PROTOCOL (the file's)
    {"random_abort_votes", 0},     //
    {"random_saga_failures", 0},   //
    {"saga_timeout_failure", 0},   //
    {"capacity_runs_out", 2},      // NODE, capacity
    {"workers_exact", 4},          // PROTOCOL, workers it has, their names, workers in the file
    {"workers_range", 5},          // PROTOCOL, fewest, most, their names, workers in the file
    {"no_refusal", 3},             // PROTOCOL, K, NODE
    {"capacity_some_txns", 3},     // PROTOCOL, K, NODE
    {"saga_one_step", 5},          // PROTOCOL, K, NODE, second K, second NODE
    {"fault_no_coordinator", 4},   // N, KIND, NODE, PROTOCOL
    {"fault_no_counterpart", 4},   // N, KIND, NODE, PROTOCOL
    {"fault_event_number", 4},     // N, KIND, event number, PROTOCOL
    {"fault_state_missing", 4},    // N, KIND, state key, PROTOCOL
    {"fault_message_missing", 4},  // N, KIND, message key, PROTOCOL
};

std::string workers_text(const std::string& n) { return n + (n == "1" ? " worker" : " workers"); }

std::string worker_label(const std::string& k, const std::string& node) { return "worker " + k + " (" + node + ")"; }

std::string fault_label(const std::string& n, const std::string& kind) { return "fault " + n + " (" + kind + ")"; }

}  // namespace

std::span<const std::string_view> compare_refusal_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> out;
    for (const KeySpec& k : kKeys) out.push_back(k.key);
    return out;
  }();
  return keys;
}

int compare_refusal_arity(std::string_view key) {
  const auto* it = std::find_if(std::begin(kKeys), std::end(kKeys), [&](const KeySpec& k) { return k.key == key; });
  return it == std::end(kKeys) ? -1 : it->arity;
}

std::string compare_refusal_english(const CompareRefusal& r) {
  if (compare_refusal_arity(r.key) != static_cast<int>(r.args.size())) return r.key;
  const auto& a = r.args;
  const std::string& k = r.key;
  if (k == "unknown_protocol") return "unknown protocol \"" + a[0] + "\"";
  if (k == "invalid_params") return a[0];
  if (k == "not_a_protocol") return "it is not a protocol (see commitscope-cli protocols)";
  if (k == "target_no_workload") return "it has no transaction workload";
  if (k == "source_no_workload") return a[0] + " has no transaction workload to compare";
  if (k == "random_abort_votes") return "random abort votes (abort_probability) have no common form";
  if (k == "random_saga_failures") return "random saga failures (fail_probability below 1) have no common form";
  if (k == "saga_timeout_failure") return "a step that times out (fail_mode \"timeout\") is not a refusal";
  if (k == "capacity_runs_out")
    return "a capacity at " + a[0] + " (" + a[1] + ") that runs out part-way through the workload has no common form";
  if (k == "workers_exact") return a[0] + " has exactly " + workers_text(a[1]) + " (" + a[2] + "); the file has " + a[3];
  if (k == "workers_range")
    return a[0] + " has " + a[1] + " to " + workers_text(a[2]) + " (" + a[3] + "); the file has " + a[4];
  if (k == "no_refusal")
    return a[0] + " has no way for a worker to refuse a transaction; the file has " + worker_label(a[1], a[2]) +
           " refusing";
  if (k == "capacity_some_txns")
    return a[0] + " cannot make " + worker_label(a[1], a[2]) +
           " refuse only some transactions (a service refuses once its capacity is gone)";
  if (k == "saga_one_step")
    return a[0] + " fails a saga at one step only; the file has " + worker_label(a[1], a[2]) + " and " +
           worker_label(a[3], a[4]) + " refusing different transactions";
  if (k == "fault_no_coordinator")
    return fault_label(a[0], a[1]) + " acts on the coordinating node " + a[2] + ", and " + a[3] + " has none";
  if (k == "fault_no_counterpart")
    return fault_label(a[0], a[1]) + " names " + a[2] + ", which has no counterpart in " + a[3] +
           " (only the coordinating node and the workers are matched)";
  if (k == "fault_event_number")
    return fault_label(a[0], a[1]) + " waits for event #" + a[2] + " of this protocol's own run, which " + a[3] +
           " does not have; give it a time (\"at_ms\") instead";
  if (k == "fault_state_missing")
    return fault_label(a[0], a[1]) + " waits for the state " + a[2] + ", which " + a[3] +
           " does not have (nor one state of the same kind at that node)";
  if (k == "fault_message_missing")
    return fault_label(a[0], a[1]) + " waits for the message " + a[2] + ", which " + a[3] + " does not send";
  return k;
}

}  // namespace cs
