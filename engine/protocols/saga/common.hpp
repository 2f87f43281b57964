// What the orchestrated and the choreographed saga share: the business steps of one order, the
// workload's failure plan (which saga fails at which step), drawn when the saga arrives, and the
// ledger of each saga's start, end and outcome behind the reports.
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/invariant.hpp"
#include "protocols/descriptor.hpp"
#include "protocols/params.hpp"
#include "sim/protocol.hpp"
#include "sim/rng.hpp"
#include "sim/types.hpp"

namespace cs::saga {

constexpr int kMaxSteps = 4;
// Step k runs at the service named kServiceNames[k]; these are also the scenario node names.
constexpr std::array<std::string_view, kMaxSteps> kServiceNames{"ORDER", "PAYMENT", "INVENTORY", "SHIPPING"};
// The values of the fail_step parameter, index = step.
constexpr std::array<std::string_view, kMaxSteps> kStepKeys{"order", "payment", "inventory", "shipping"};
constexpr int kInventoryStep = 2;
// Step k runs at node k + 1 in both styles (node 0 is the broker or the orchestrator).
constexpr NodeId step_node(int step) { return static_cast<NodeId>(step + 1); }

// The shared workload and failure parameters.
struct Workload {
  int sagas = 1;
  int steps = 4;
  Time interval = ms(20);
  Time client_retry = ms(100);
  int fail_step = -1;  // -1 = none
  bool fail_timeout = false;  // fail_mode "timeout" (orchestration only)
  Ratio fail_probability{Ratio::kPpm, Ratio::kPpm};
  std::vector<bool> fail_saga;  // empty = every saga may fail; else index = saga id
  int compensation_failures = 0;
};

// The schema entries both styles share, in the order the descriptors list them (fail_mode differs:
// only the orchestrated saga can time a step out).
namespace param_specs {
inline constexpr std::string_view kFailSteps[] = {"none", "order", "payment", "inventory", "shipping"};
inline constexpr ParamSpec kSagas{.key = "sagas", .kind = ParamKind::Integer, .def = 1, .lo = 1, .hi = 100'000,
                                  .help = "sagas (orders) the client starts", .starter = true};
inline constexpr ParamSpec kSteps{.key = "steps", .kind = ParamKind::Integer, .def = 4, .lo = 2, .hi = kMaxSteps,
                                  .unit = "steps", .help = "ORDER, PAYMENT, then INVENTORY, then SHIPPING",
                                  .sets_cluster_size = true, .starter = true};
inline constexpr ParamSpec kInterval{.key = "interval_ms", .kind = ParamKind::DurationMs, .def = 20, .lo = 0,
                                     .hi = 3'600'000, .unit = "ms", .help = "between saga arrivals"};
inline constexpr ParamSpec kClientRetry{.key = "client_retry_ms", .kind = ParamKind::DurationMs, .def = 100, .lo = 1,
                                        .hi = 3'600'000, .unit = "ms",
                                        .help = "client retry while the saga's first node is down"};
inline constexpr ParamSpec kFailStep{.key = "fail_step", .kind = ParamKind::Choice,
                                     .help = "the step at which a saga fails (a business failure)",
                                     .def_choice = "none", .choices = kFailSteps, .starter = true,
                                     .starter_json = "\"shipping\""};
inline constexpr ParamSpec kFailProbability{.key = "fail_probability", .kind = ParamKind::Probability, .def = 1,
                                            .lo = 0, .hi = 1,
                                            .help = "chance that a saga fails at fail_step (drawn at arrival)"};
inline constexpr ParamSpec kCompensationFailures{.key = "compensation_failures", .kind = ParamKind::Integer, .def = 0,
                                                 .lo = 0, .hi = 100,
                                                 .help = "each compensation fails this many times before it succeeds"};
inline constexpr ParamSpec kFailSagas{.key = "fail_sagas", .kind = ParamKind::Structured,
                                      .help = "e.g. [1]: only these sagas may fail (absent: every saga)",
                                      .def_json = "null"};
// The saga-level figures and the invariants both styles have (Ledger and make_invariants below).
inline constexpr MetricSpec kStarted{.key = "sagas_started"};
inline constexpr MetricSpec kCompleted{.key = "sagas_completed", .sense = MetricSense::Good, .shown_by_default = true};
inline constexpr MetricSpec kCompensated{.key = "sagas_compensated", .sense = MetricSense::Bad, .shown_by_default = true};
inline constexpr MetricSpec kRunning{.key = "sagas_running", .level = true};
inline constexpr MetricSpec kLatencyAvg{.key = "latency_avg_us", .unit = MetricUnit::Micros};
inline constexpr MetricSpec kLatencyMax{.key = "latency_max_us", .unit = MetricUnit::Micros};
inline constexpr InvariantSpec kAllOrCompensated{
    "all_or_compensated",
    "When a saga ends, either all its steps applied, or every step that applied was compensated; "
     "no step applies after its compensation or after the end."};
inline constexpr InvariantSpec kCompensationOrder{"compensation_order", "A step is compensated only after every later step that applied has been compensated (reverse order)."};
inline constexpr InvariantSpec kExactlyOnceEffect{"exactly_once_effect", "Every effect is applied at most once per node and transaction: duplicates change nothing."};
}  // namespace param_specs

// Reads the shared keys (fail_mode from the protocol's own schema entry).
Workload read_workload(ParamReader& r);

// The step at which `saga` fails (-1: none). Draws from `rng` once per saga in arrival order, so a
// crash never shifts the plan of later sagas.
int draw_failure(const Workload& w, Rng& rng, std::uint32_t saga);

// The invariants both styles are judged by, in this order (the report lists them so): all-or-
// compensated and compensation order over the steps' APPLIED/COMPENSATED records, then exactly-once
// effects over `effect_records`.
std::vector<std::unique_ptr<Invariant>> make_invariants(int steps, std::uint16_t applied, std::uint16_t compensated,
                                                        std::vector<std::uint16_t> effect_records);

// The run's ground truth about each saga, shared by both styles: when it started and ended and how,
// and the saga-level figures derived from it (metrics with the same keys, so that the two styles can
// be compared on one chart). Never consulted by the protocols' decisions.
class Ledger {
 public:
  explicit Ledger(int sagas = 0) { book_.assign(static_cast<std::size_t>(sagas) + 1, Entry{}); }

  bool started(TxnId saga) const { return book_[saga].started >= 0; }
  bool ended(TxnId saga) const { return book_[saga].ended >= 0; }
  // The saga runs from now (counted again if started again).
  void start(TxnId saga, Time now);
  // Records the outcome; false (and nothing changes) when the saga had already ended. The caller then
  // reports the end to the simulator.
  bool end(TxnId saga, Time now, TxnOutcome outcome);

  std::vector<TxnView> transactions() const;
  // sagas_started, sagas_completed, sagas_compensated, sagas_running, then `own`, then latency_avg_us
  // and latency_max_us.
  std::vector<Metric> metrics(std::initializer_list<Metric> own) const;

 private:
  struct Entry {
    Time started = -1;
    Time ended = -1;
    TxnOutcome outcome = TxnOutcome::Pending;
  };
  std::vector<Entry> book_;  // index = saga id
  std::int64_t started_ = 0, completed_ = 0, compensated_ = 0, latency_sum_ = 0, latency_max_ = 0;
};

}  // namespace cs::saga
