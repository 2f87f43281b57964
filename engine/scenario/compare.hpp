// One scenario, several protocols: maps a scenario's workload and fault timeline onto another
// protocol's cluster, so that `commitscope-cli compare` and the GUI's side-by-side lab run the same
// story against 2PC, a saga, TCC... (docs/protocols.md, "Comparing protocols").
//
// The common vocabulary comes from the descriptors: each protocol has (at most) one coordinating
// node (RoleSpec::coordinates) and numbered workers (RoleSpec::worker, in node order), and its
// WorkloadSpec says which parameters count and space the transactions and how "worker k refuses
// transaction t" is written. A fault on the coordinating node, on worker k, or on the link between
// them, applies to the matching node of every protocol. Whatever cannot be said in the target's
// terms is refused with a key and arguments that name it (CompareRefusal: the app words it in
// the learner's language, the CLI in English).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/compare_refusal.hpp"
#include "scenario/scenario.hpp"
#include "sim/types.hpp"

namespace cs {

// "Worker k refuses transaction t": a 2PC/3PC abort vote, a saga's business failure at step k, a
// TCC try that fails at service k.
struct Refusal {
  int worker = 0;              // 1-based
  std::vector<TxnId> txns;     // empty: every transaction
  bool operator==(const Refusal&) const = default;
};

struct CommonWorkload {
  int workers = 0;
  std::int64_t transactions = 0;
  Time interval = 0;
  std::vector<Refusal> refusals;  // by worker, ascending
  bool operator==(const CommonWorkload&) const = default;
};

// Which node of a run plays which part. Other nodes (a broker, a relay, clients) have no counterpart.
struct ClusterRoles {
  NodeId coordinator = kNoNode;
  std::vector<NodeId> workers;      // worker k is workers[k - 1]
  std::vector<std::string> names;   // every node's name, by NodeId
  // "coordinator", "worker 2", or "" (no counterpart).
  std::string part_of(NodeId node) const;
};

// The roles of `protocol` built from `params`; nullopt (with `why`) if the params are not valid.
std::optional<ClusterRoles> cluster_roles(std::string_view protocol, const nlohmann::json& params, CompareRefusal& why);
std::optional<ClusterRoles> cluster_roles(std::string_view protocol, const nlohmann::json& params, std::string& why);

// The scenario's workload in the common vocabulary, or nullopt with `why` naming what has no
// common form (random refusals, a capacity that runs out part-way...).
std::optional<CommonWorkload> read_common_workload(const Scenario& source, CompareRefusal& why);
std::optional<CommonWorkload> read_common_workload(const Scenario& source, std::string& why);  // English

struct MappedScenario {
  std::optional<Scenario> scenario;  // set when the mapping worked
  CompareRefusal why;                // otherwise: what the target cannot express
  std::string refusal;               // and in English: "tcc cannot run this scenario: ..."
  std::vector<NodeId> node_map;      // source NodeId -> target NodeId (kNoNode: no counterpart)
};

// The same workload, fault timeline, network, seed and end time on `target`'s cluster. Parameters
// outside the common vocabulary keep the target's defaults, except keys the target's schema declares
// with the same name and kind (timeouts between 2PC and 3PC, client_retry_ms, ...), which carry over.
// Mapping a scenario onto its own protocol returns it unchanged.
MappedScenario map_scenario(const Scenario& source, std::string_view target);

// Maps one source node onto the target's cluster (kNoNode: no counterpart).
NodeId counterpart(const ClusterRoles& from, const ClusterRoles& to, NodeId node);

}  // namespace cs
