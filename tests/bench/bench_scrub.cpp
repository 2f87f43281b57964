// Scrubbing a long 2PC run in the whole window (issue 18): open a scenario of N transactions, run
// it to the end, then scrub: random seeks anywhere in the run and sequential steps backwards (a
// drag of the scrub bar to the left). A step is the controller's seek plus the window's refresh and
// paint at 1280x720, offscreen. Reports p50/p95/max per step (wall clock), how many events a step
// dispatched (forwards or backwards) and how many forward seeks restored a snapshot ahead of the
// run, the snapshots kept, the records the run made and those the window kept, whether a limit
// stopped it, and the process's peak RSS. Target: p95 <= 50 ms and <= 400 MB at 100,000 transactions.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <time.h>

#include <QApplication>
#include <QImage>
#include <algorithm>
#include <chrono>
#include <random>
#include <vector>

#include "lab_controller.hpp"
#include "main_window.hpp"

namespace {

constexpr int kSteps = 100;  // of each kind

cs::Scenario twoPc(int transactions) {
  cs::Scenario s;
  s.protocol = "2pc";
  s.title = "bench_scrub";
  s.seed = 1;
  // The workload of tests/bench/scenarios/2pc-10k.json, longer: a transaction every 4 ms.
  s.params = {{"participants", 5}, {"transactions", transactions}, {"interval_ms", 4}, {"resources", 1000}};
  s.network.latency_lo = cs::ms(1);
  s.network.latency_hi = cs::ms(1);
  s.until = cs::ms(4LL * transactions + 1000);
  return s;
}

double peakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

double percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(q * static_cast<double>(v.size())))];
}

void BM_Scrub2pc(benchmark::State& state) {
  const int transactions = static_cast<int>(state.range(0));
  LabController controller;
  // SCRUB_SNAPSHOT_MIB=N: another snapshot budget than the window's own (RunSnapshots::kMaxBytes).
  if (const int mib = qEnvironmentVariableIntValue("SCRUB_SNAPSHOT_MIB"); mib > 0)
    controller.setSnapshotBudget(static_cast<std::size_t>(mib) << 20);
  MainWindow window(&controller);
  window.resize(1280, 720);
  window.show();
  QApplication::processEvents();
  QImage image(window.size(), QImage::Format_ARGB32_Premultiplied);
  const auto open0 = std::chrono::steady_clock::now();
  controller.setScenario(twoPc(transactions));
  controller.seekTime(controller.endTime());  // "run": the whole run at once, as a seek to the end
  window.render(&image);
  const double openRunMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - open0).count();
  const cs::Time end = controller.now();

  // CPU time of the thread per step too: on a loaded machine the wall time is mostly waiting.
  std::vector<double> randomMs, sequentialMs, replayed, cpuMs;
  int ahead = 0;  // forward seeks that restored a snapshot ahead of the run
  const auto threadCpuMs = [] {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
  };
  std::mt19937_64 rng(1);
  std::uniform_int_distribution<cs::Time> any(0, end);
  const auto timeStep = [&](cs::Time t, std::vector<double>& out) {
    const auto begin = std::chrono::steady_clock::now();
    const double cpu0 = threadCpuMs();
    controller.seekTime(t);
    QApplication::processEvents();
    window.render(&image);
    out.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count());
    cpuMs.push_back(threadCpuMs() - cpu0);
    replayed.push_back(static_cast<double>(controller.lastRewindEvents()));
    if (controller.lastSeekRestoredAhead()) ++ahead;
  };
  for (auto _ : state) {
    for (int i = 0; i < kSteps; ++i) timeStep(any(rng), randomMs);
    controller.seekTime(end);
    // Sequential: from the end backwards in 1/200 of the run per step (a slow drag).
    for (int i = 1; i <= kSteps; ++i) timeStep(end - end * i / 200, sequentialMs);
  }
  state.counters["open_run_ms"] = openRunMs;
  state.counters["random_p50_ms"] = percentile(randomMs, 0.50);
  state.counters["random_p95_ms"] = percentile(randomMs, 0.95);
  state.counters["seq_p95_ms"] = percentile(sequentialMs, 0.95);
  state.counters["cpu_p50_ms"] = percentile(cpuMs, 0.50);  // both kinds of step together
  state.counters["cpu_p95_ms"] = percentile(cpuMs, 0.95);
  state.counters["max_ms"] = std::max(percentile(randomMs, 1.0), percentile(sequentialMs, 1.0));
  state.counters["replayed_p95"] = percentile(replayed, 0.95);  // events a step dispatched, either way
  state.counters["restored_ahead"] = ahead;
  state.counters["snapshots"] = static_cast<double>(controller.snapshots().count());
  state.counters["snapshot_MiB"] = static_cast<double>(controller.snapshots().bytes()) / (1 << 20);
  state.counters["budget_MiB"] = static_cast<double>(controller.snapshots().maxBytes()) / (1 << 20);
  state.counters["spacing"] = static_cast<double>(controller.snapshots().spacing());
  controller.seekTime(end);
  state.counters["records"] = static_cast<double>(controller.sim().trace_records());
  state.counters["events"] = static_cast<double>(controller.eventIndex());
  state.counters["records_kept"] = static_cast<double>(controller.sim().trace().size());  // the window's trace
  state.counters["messages_kept"] = static_cast<double>(controller.sim().messages().size());
  state.counters["end_ms"] = static_cast<double>(end) / 1000.0;
  state.counters["halted"] = controller.sim().halted() != cs::HaltReason::None ? 1 : 0;
  state.counters["peak_rss_MiB"] = peakRssMiB();
}

}  // namespace

// One process per size (scripts/bench --scrub runs them apart), so that peak RSS is the size's own.
BENCHMARK(BM_Scrub2pc)->ArgName("transactions")->Arg(10'000)->Arg(100'000)->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
