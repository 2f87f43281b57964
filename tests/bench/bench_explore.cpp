// Distinct states per second of the breadth-first explorer on the TLA+ transaction-commit models
// (engine/explore). A Spin-class model checker does ~1.3 M states/s on a 2PC model of this size.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "explore/scenario_explorer.hpp"
#include "explore/textbook_models.hpp"
#include "scenario/loader.hpp"

namespace {

void exploreModel(benchmark::State& state, const char* model, cs::explore::ModelSize size) {
  std::uint64_t states = 0;
  std::size_t memory = 0;
  for (auto _ : state) {
    cs::explore::Result r;
    std::string error;
    if (!cs::explore::explore_model(model, size, {}, r, error)) state.SkipWithError(error.c_str());
    states = r.distinct_states;
    memory = r.memory_bytes;
    benchmark::DoNotOptimize(r);
  }
  state.counters["distinct_states"] = static_cast<double>(states);
  state.counters["states_per_s"] = benchmark::Counter(static_cast<double>(states) * static_cast<double>(state.iterations()),
                                                      benchmark::Counter::kIsRate);
  state.counters["MiB"] = static_cast<double>(memory) / (1 << 20);
}

void TwoPhase6(benchmark::State& s) { exploreModel(s, "twophase", {6, 3, 2}); }
void PaxosCommit2x3x2(benchmark::State& s) { exploreModel(s, "paxoscommit", {2, 3, 2}); }

// The explorer over a scenario (engine/explore/scenario_explorer.hpp): the 2PC protocol itself, five
// participants, one transaction, one crash; the first 50,000 distinct states. A state is rebuilt by
// copying its parent's run (or replaying its path) and taking one step.
void exploreScenario(benchmark::State& state, const char* file, std::uint64_t max_states, bool symmetry) {
  std::ifstream in(std::string(COMMITSCOPE_SOURCE_DIR) + "/tests/explore/" + file, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const cs::LoadResult loaded = cs::load_scenario(buf.str(), file);
  if (!loaded.scenario) return state.SkipWithError("a tests/explore scenario does not load");
  cs::explore::ScenarioResult r;
  for (auto _ : state) {
    r = {};
    std::string error;
    cs::explore::ScenarioLimits limits;
    limits.max_states = max_states;
    limits.symmetry = symmetry;
    if (!cs::explore::explore_scenario(*loaded.scenario, {.crashes = 1}, limits, r, error)) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(r);
  }
  // Stored states per second: with symmetry, classes (each stands for up to n! states).
  const std::uint64_t stored = symmetry ? r.symmetry_reduced_states : r.distinct_states;
  state.counters["distinct_states"] = static_cast<double>(r.distinct_states);
  state.counters["stored_states"] = static_cast<double>(stored);
  state.counters["complete"] = r.complete ? 1 : 0;
  state.counters["states_per_s"] = benchmark::Counter(static_cast<double>(stored) * static_cast<double>(state.iterations()),
                                                      benchmark::Counter::kIsRate);
}

// The whole space is millions of states: the first 50,000 measure the rate.
void TwoPcScenario5Crash1(benchmark::State& s) { exploreScenario(s, "2pc-5p.json", 50'000, false); }
// Three participants, one resource, symmetry: the first 50,000 classes.
void TwoPcScenario3Crash1Symmetry(benchmark::State& s) { exploreScenario(s, "2pc-3p.json", 50'000, true); }

}  // namespace

BENCHMARK(TwoPcScenario5Crash1)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(TwoPcScenario3Crash1Symmetry)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(TwoPhase6)->Unit(benchmark::kMillisecond);
BENCHMARK(PaxosCommit2x3x2)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_MAIN();
