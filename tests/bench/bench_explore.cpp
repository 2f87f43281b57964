// Distinct states per second of the breadth-first explorer on the TLA+ transaction-commit models
// (engine/explore). A Spin-class model checker does ~1.3 M states/s on a 2PC model of this size.
#include <benchmark/benchmark.h>

#include "explore/textbook_models.hpp"

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

}  // namespace

BENCHMARK(TwoPhase6)->Unit(benchmark::kMillisecond);
BENCHMARK(PaxosCommit2x3x2)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_MAIN();
