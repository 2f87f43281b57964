// The engine alone (issue 18): dispatched events per second of the simulator's loop on the 2PC
// workload of the CLI benchmark (tests/bench/scenarios/2pc-10k.json: a coordinator and 5
// participants, 10,000 transactions back to back, fixed 1 ms latency), invariants checked, and no
// trace kept, formatted or hashed (no sink). Target: >= 6 M events/s on one core in a fresh process.
//
// BM_Dispatch_2pc_10k_FirstRun is one run in this process (run it alone for the fresh-process
// figure: --benchmark_filter=FirstRun); BM_Dispatch_2pc_10k repeats runs in one process (warm heap).
// Rates are per CPU second (UseRealTime is not set), so a loaded machine understates them less.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "scenario/simulation.hpp"

namespace {

// Minor page faults of the process so far (first touches of fresh memory: ~12 us each in the VMs
// these figures come from, so they are reported next to the rate).
long page_faults() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_minflt;
}

cs::Scenario workload(int transactions) {
  cs::Scenario s;
  s.protocol = "2pc";
  s.seed = 1;
  s.until = cs::ms(60'000);
  s.params = {{"participants", 5}, {"transactions", transactions}, {"interval_ms", 4}, {"resources", 1000}};
  s.network.latency_lo = cs::ms(1);
  s.network.latency_hi = cs::ms(1);
  return s;
}

void dispatch_runs(benchmark::State& state) {
  const cs::Scenario sc = workload(static_cast<int>(state.range(0)));
  std::uint64_t events = 0;
  long faults = 0;
  for (auto _ : state) {
    const long faults_before = page_faults();
    cs::Diagnostics errors;
    auto sim = cs::Simulation::create(sc, errors, cs::RunLimits{}, cs::TraceRouting{.keep = false, .sink = nullptr});
    sim->run();
    events += sim->sim().events_dispatched();
    if (!sim->invariants_hold()) state.SkipWithError("an invariant was violated");
    if (sim->sim().halted() != cs::HaltReason::None) state.SkipWithError("the run halted at a limit");
    benchmark::DoNotOptimize(sim->sim().now());
    faults += page_faults() - faults_before;
  }
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["events_per_run"] = static_cast<double>(events) / static_cast<double>(state.iterations());
  state.counters["faults_per_run"] = static_cast<double>(faults) / static_cast<double>(state.iterations());
}

void BM_Dispatch_2pc_10k_FirstRun(benchmark::State& state) { dispatch_runs(state); }
void BM_Dispatch_2pc_10k(benchmark::State& state) { dispatch_runs(state); }

}  // namespace

// First: it must be the process's first run to measure a fresh process.
BENCHMARK(BM_Dispatch_2pc_10k_FirstRun)->Arg(10'000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Dispatch_2pc_10k)->Arg(10'000)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
