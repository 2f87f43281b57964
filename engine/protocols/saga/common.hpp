// What the orchestrated and the choreographed saga share: the business steps of one order and the
// workload's failure plan (which saga fails at which step), drawn when the saga arrives.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/params.hpp"
#include "sim/rng.hpp"
#include "sim/types.hpp"

namespace cs::saga {

constexpr int kMaxSteps = 4;
// Step k runs at the service named kServiceNames[k]; these are also the scenario node names.
constexpr std::array<std::string_view, kMaxSteps> kServiceNames{"ORDER", "PAYMENT", "INVENTORY", "SHIPPING"};
// The values of the fail_step parameter, index = step.
constexpr std::array<std::string_view, kMaxSteps> kStepKeys{"order", "payment", "inventory", "shipping"};
constexpr int kInventoryStep = 2;

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

// Reads the shared keys; `allow_timeout` says whether fail_mode "timeout" is meaningful.
Workload read_workload(ParamReader& r, bool allow_timeout);

// The step at which `saga` fails (-1: none). Draws from `rng` once per saga in arrival order, so a
// crash never shifts the plan of later sagas.
int draw_failure(const Workload& w, Rng& rng, std::uint32_t saga);

}  // namespace cs::saga
