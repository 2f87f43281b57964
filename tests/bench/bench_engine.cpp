// Engine throughput: a 2PC workload with 5 participants and 10,000 transactions, the figure the
// foundation issue asks for (target: at least 5 million dispatched events per second on one core).
#include <benchmark/benchmark.h>

#include "scenario/simulation.hpp"

namespace {

cs::Scenario workload(int transactions, double loss) {
  cs::Scenario s;
  s.protocol = "2pc";
  s.seed = 42;
  s.until = cs::ms(10'000'000);
  s.params = {{"participants", 5}, {"transactions", transactions}, {"interval_ms", 2}, {"resources", 1000}};
  s.network.loss = cs::Ratio::from_probability(loss);
  return s;
}

void run_workload(benchmark::State& state, double loss) {
  const cs::Scenario sc = workload(static_cast<int>(state.range(0)), loss);
  std::uint64_t events = 0, records = 0;
  for (auto _ : state) {
    cs::Diagnostics errors;
    auto sim = cs::Simulation::create(sc, errors);
    sim->run();
    events += sim->sim().events_dispatched();
    records += sim->sim().trace().size();
    if (!sim->invariants_hold()) state.SkipWithError("an invariant was violated");
    benchmark::DoNotOptimize(sim->sim().now());
  }
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["trace_records_per_s"] = benchmark::Counter(static_cast<double>(records), benchmark::Counter::kIsRate);
  state.counters["events_per_run"] = static_cast<double>(events) / static_cast<double>(state.iterations());
}

void BM_TwoPhaseCommit_5p(benchmark::State& state) { run_workload(state, 0.0); }
void BM_TwoPhaseCommit_5p_loss1pct(benchmark::State& state) { run_workload(state, 0.01); }

}  // namespace

BENCHMARK(BM_TwoPhaseCommit_5p)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TwoPhaseCommit_5p_loss1pct)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
