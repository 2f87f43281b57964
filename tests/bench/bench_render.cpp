// Rendering cost of the two busiest views, offscreen at 3840x2160: the topology canvas and the
// space-time diagram, with 12 nodes (2PC, 11 participants) and about 200 messages in flight.
// Target (issue 4): the 95th percentile frame at or under 8 ms on one core.
//
// A frame is what playback does at each tick: advance the virtual clock a little (the controller
// dispatches the events of that slice and the views refresh from it), then paint. Each iteration
// is timed by hand so that percentiles can be reported: p50_ms, p95_ms and max_ms counters (wall
// clock), and cpu_p50_ms / cpu_p95_ms (CPU time of the whole process, Qt's pool threads included),
// which stay honest when other jobs share the machine's cores.
//
// BENCH_RENDER_SAVE=DIR saves each benchmark's last frame as DIR/<view>-<desk|projector>.png, so
// that a change meant only to make frames cheaper can be checked to draw the same pixels
// (compare the PNGs of two builds with ImageMagick's `compare -metric AE`).
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSplitter>
#include <QTextStream>
#include <algorithm>
#include <chrono>
#include <ctime>
#include <vector>

#include "canvas_view.hpp"
#include "lab_controller.hpp"
#include "spacetime_view.hpp"

namespace {

constexpr QSize k4K(3840, 2160);
constexpr cs::Time kStart = cs::ms(400);  // the workload is in full swing by then
constexpr cs::Time kFrameStep = 20;       // µs of virtual time per frame (1x speed at 60 Hz is ~333)

cs::Scenario busyScenario() {
  cs::Scenario s;
  s.protocol = "2pc";
  s.seed = 42;
  s.until = cs::ms(100'000);
  // One transaction every 2.8 ms, each sending 4 x 11 messages of 5-20 ms: ~200 in flight at once.
  s.params = {{"participants", 11}, {"transactions", 5000}, {"interval_ms", 2.8}, {"resources", 1000}};
  return s;
}

struct Percentiles {
  double p50 = 0, p95 = 0, max = 0;
};

Percentiles percentiles(std::vector<double> ms) {
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * static_cast<double>(ms.size())))]; };
  return {at(0.50), at(0.95), ms.back()};
}

double processCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Runs frames of `widget`, which shows views of `controller`, and reports percentiles; `name` is the
// file name of its last frame under BENCH_RENDER_SAVE.
void runFrames(benchmark::State& state, LabController& controller, QWidget& widget, const QString& name) {
  widget.resize(k4K);
  widget.show();
  QApplication::processEvents();
  QImage image(k4K, QImage::Format_ARGB32_Premultiplied);
  cs::Time t = controller.now();
  std::vector<double> frames, cpuFrames;
  double inFlight = 0;
  for (auto _ : state) {
    const double cpuBegin = processCpuSeconds();
    const auto begin = std::chrono::steady_clock::now();
    t += kFrameStep;
    controller.seekTime(t);  // emits runChanged: the views refresh
    widget.render(&image);
    const auto end = std::chrono::steady_clock::now();
    cpuFrames.push_back((processCpuSeconds() - cpuBegin) * 1000.0);
    const double seconds = std::chrono::duration<double>(end - begin).count();
    state.SetIterationTime(seconds);
    frames.push_back(seconds * 1000.0);
    inFlight += static_cast<double>(controller.sim().in_flight().size());
  }
  const Percentiles p = percentiles(frames);
  state.counters["p50_ms"] = p.p50;
  state.counters["p95_ms"] = p.p95;
  state.counters["max_ms"] = p.max;
  const Percentiles cpu = percentiles(cpuFrames);
  state.counters["cpu_p50_ms"] = cpu.p50;
  state.counters["cpu_p95_ms"] = cpu.p95;
  state.counters["in_flight"] = inFlight / static_cast<double>(std::max<std::size_t>(1, frames.size()));
  state.counters["trace_events"] = static_cast<double>(controller.sim().trace().size());
  // BENCH_RENDER_FRAMES=FILE appends each frame's CPU and wall milliseconds, one frame a line
  // (benchmark name, frame number, cpu, wall): how the cost moves over a run, which percentiles hide.
  if (const QString path = qEnvironmentVariable("BENCH_RENDER_FRAMES"); !path.isEmpty()) {
    QFile out(path);
    if (out.open(QIODevice::Append | QIODevice::Text)) {
      QTextStream ts(&out);
      for (std::size_t i = 0; i < frames.size(); ++i)
        ts << name << (state.range(0) != 0 ? "-projector " : "-desk ") << i << ' ' << cpuFrames[i] << ' ' << frames[i] << '\n';
    }
  }
  if (const QString dir = qEnvironmentVariable("BENCH_RENDER_SAVE"); !dir.isEmpty())
    image.save(dir + QLatin1Char('/') + name + (state.range(0) != 0 ? QStringLiteral("-projector.png") : QStringLiteral("-desk.png")));
}

std::unique_ptr<LabController> busyController() {
  auto c = std::make_unique<LabController>();
  c->setScenario(busyScenario());
  c->seekTime(kStart);
  return c;
}

void BM_Canvas4K(benchmark::State& state) {
  auto c = busyController();
  CanvasView view(c.get());
  view.setProjectorMode(state.range(0) != 0);
  runFrames(state, *c, view, QStringLiteral("canvas"));
}

void BM_Spacetime4K(benchmark::State& state) {
  auto c = busyController();
  SpacetimeView view(c.get());
  view.setProjectorMode(state.range(0) != 0);
  runFrames(state, *c, view, QStringLiteral("spacetime"));
}

// Both views in one 3840x2160 window, canvas above the diagram, as the main window lays them out.
void BM_CanvasAndSpacetime4K(benchmark::State& state) {
  auto c = busyController();
  QSplitter window(Qt::Vertical);
  auto* canvas = new CanvasView(c.get());
  auto* spacetime = new SpacetimeView(c.get());
  window.addWidget(canvas);
  window.addWidget(spacetime);
  window.setSizes({1300, 860});
  canvas->setProjectorMode(state.range(0) != 0);
  spacetime->setProjectorMode(state.range(0) != 0);
  runFrames(state, *c, window, QStringLiteral("canvas-and-spacetime"));
}

}  // namespace

BENCHMARK(BM_Canvas4K)->ArgName("projector")->Arg(0)->Arg(1)->UseManualTime()->Iterations(400)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Spacetime4K)->ArgName("projector")->Arg(0)->Arg(1)->UseManualTime()->Iterations(400)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CanvasAndSpacetime4K)->ArgName("projector")->Arg(0)->Arg(1)->UseManualTime()->Iterations(400)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  // Offscreen unless told otherwise: the benchmark measures our painting, not a window system.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
