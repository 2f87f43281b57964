// `commitscope-cli explore --model NAME`: the TLA+ transaction-commit models explored breadth-first
// (engine/explore), printed as a summary or as JSON. Timing is the CLI's: the engine has no clock.
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>

#include "commands.hpp"
#include "explore/textbook_models.hpp"

namespace cs::cli {

namespace {

nlohmann::json result_json(const ExploreOptions& opt, const explore::Result& r, double seconds) {
  nlohmann::json violations = nlohmann::json::array();
  for (const auto& v : r.violations) violations.push_back({{"invariant", v.invariant}, {"depth", v.depth}, {"state", v.state}});
  nlohmann::json j = {{"model", opt.model},
                      {"rms", opt.size.rms},
                      {"distinct_states", r.distinct_states},
                      {"transitions", r.transitions},
                      {"max_depth", r.max_depth},
                      {"complete", r.complete},
                      {"seconds", seconds},
                      {"memory_bytes", r.memory_bytes},
                      {"violations", violations}};
  if (opt.model == "paxoscommit") {
    j["acceptors"] = opt.size.acceptors;
    j["ballots"] = opt.size.ballots;
  }
  if (!r.complete) j["stopped_by"] = r.stopped_by;
  return j;
}

}  // namespace

int explore_command(const ExploreOptions& opt) {
  explore::Limits limits;
  if (opt.max_states) limits.max_states = *opt.max_states;
  explore::Result r;
  std::string error;
  const auto start = std::chrono::steady_clock::now();
  if (!explore::explore_model(opt.model, opt.size, limits, r, error)) {
    std::fprintf(stderr, "commitscope-cli: explore: %s\n", error.c_str());
    return 2;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (opt.json) {
    std::printf("%s\n", result_json(opt, r, seconds).dump(2).c_str());
    return 0;
  }
  std::printf("model: %s\n", opt.model.c_str());
  std::printf("distinct states: %llu\ntransitions: %llu\nmax depth: %d\n", static_cast<unsigned long long>(r.distinct_states),
              static_cast<unsigned long long>(r.transitions), r.max_depth);
  std::printf("complete: %s%s\n", r.complete ? "yes" : "no, stopped by ", r.complete ? "" : r.stopped_by.c_str());
  std::printf("time: %.3f s (%.0f states/s), memory: %.1f MiB\n", seconds, seconds > 0 ? static_cast<double>(r.distinct_states) / seconds : 0.0,
              static_cast<double>(r.memory_bytes) / (1 << 20));
  if (r.violations.empty()) std::printf("invariants: held in every state\n");
  for (const auto& v : r.violations)
    std::printf("VIOLATED %s at depth %d: %s\n", v.invariant.c_str(), v.depth, v.state.c_str());
  return 0;
}

}  // namespace cs::cli
