// The run's history as the window uses it (issue 18, sim/simulator_history.cpp): a trace kept as a
// window (forget_trace_before, forget_messages_before) and snapshots without history that take it
// back from a later point of the same run (clone_without_history, take_history_from). A snapshot
// restored that way must be the straight run at that point, record for record and message for
// message, and must go on exactly as the straight run does; forgetting must change nothing but what
// is kept.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "protocols/two_phase_commit.hpp"
#include "sim/rng.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

Scenario random_scenario(std::uint64_t seed) {
  Rng r = make_stream(seed, Stream::Faults);
  const int participants = 2 + static_cast<int>(r.below(4));
  Scenario sc = two_pc({{"participants", participants},
                        {"transactions", 20 + r.below(60)},
                        {"interval_ms", r.between(0, 30)},
                        {"timeout_ms", r.between(40, 300)},
                        {"resources", 1 + r.below(4)}},
                       seed, ms(3000));
  sc.network.latency_lo = ms(r.between(1, 10));
  sc.network.latency_hi = sc.network.latency_lo + ms(r.between(0, 30));
  sc.network.loss = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  sc.network.duplicate = Ratio{static_cast<std::uint32_t>(r.below(100)), 1000};
  FaultPlan plan;
  plan.nodes = participants + 1;
  plan.messages = 7;
  sc.faults = random_faults(r, plan);
  return sc;
}

std::unique_ptr<Simulation> build_windowed(const Scenario& sc, bool windowed) {
  Diagnostics errors;
  RunLimits limits;
  limits.trace_windowed = windowed;
  limits.count_unkept = !windowed;
  auto s = Simulation::create(sc, errors, limits);
  EXPECT_TRUE(s);
  return s;
}

bool same_record(const TraceEvent& a, const TraceEvent& b) {
  return a.seq == b.seq && a.time == b.time && a.kind == b.kind && a.node == b.node && a.peer == b.peer && a.key == b.key &&
         a.txn == b.txn && a.msg == b.msg && a.value == b.value && a.reason == b.reason;
}

// `run` holds a tail of `whole`'s trace and messages (whole keeps everything) and is at the same point.
// `memory`: the accountant's counts too (not for a copy that went on: its vectors had no spare
// capacity, so their next growth is counted again, as for any copy).
void expect_tail_of(const Simulator& run, const Simulator& whole, bool memory = true) {
  ASSERT_EQ(run.events_dispatched(), whole.events_dispatched());
  ASSERT_EQ(run.trace_records(), whole.trace_records());
  ASSERT_EQ(run.messages_sent(), whole.messages_sent());
  for (std::size_t i = 0; i < run.trace().size(); ++i)
    ASSERT_TRUE(same_record(run.trace()[i], whole.trace()[run.trace_base() + i])) << "record " << run.trace_base() + i;
  for (std::uint32_t id = std::max<std::uint32_t>(1, run.messages_base()); id < run.messages_sent(); ++id) {
    const Message& a = run.message(id);
    const Message& b = whole.message(id);
    ASSERT_TRUE(a.status == b.status && a.deliver_at == b.deliver_at && a.sent_at == b.sent_at && a.type == b.type &&
                a.txn == b.txn && a.drop_reason == b.drop_reason && a.extra == b.extra)
        << "message " << id;
  }
  EXPECT_EQ(run.in_flight(), whole.in_flight());
  if (memory) {
    EXPECT_EQ(run.memory_used(), whole.memory_used());
  }
  for (std::size_t n = 0; n < run.nodes().size(); ++n) EXPECT_EQ(run.nodes()[n].log.size(), whole.nodes()[n].log.size());
}

}  // namespace

TEST(SimulatorHistory, ASnapshotWithoutHistoryRestoredFromALaterPointIsTheStraightRun) {
  for (std::uint64_t seed = 1; seed <= scaled_seeds(60); ++seed) {
    SCOPED_TRACE(seed);
    const Scenario sc = random_scenario(seed);
    auto whole = build_windowed(sc, true);
    whole->run();
    const std::uint64_t events = whole->sim().events_dispatched();
    Rng r = make_stream(seed, Stream::Workload);
    const std::uint64_t at = r.below(events + 1);

    // The live run: a snapshot at `at`, then on to the end, forgetting the oldest history as the
    // window does (sometimes past the snapshot's point, sometimes not at all).
    auto live = build_windowed(sc, true);
    live->sim().run_until_event(at);
    auto snapshot = live->clone_without_history();
    ASSERT_TRUE(snapshot);
    EXPECT_TRUE(snapshot->sim().trace().empty());
    EXPECT_EQ(snapshot->sim().trace_base(), live->sim().trace_records());
    // From the first message in flight on (settled ones sent after it included), nothing before it.
    const auto flying = live->sim().in_flight();
    EXPECT_EQ(snapshot->sim().messages_sent(), live->sim().messages_sent());
    if (!flying.empty()) {
      EXPECT_EQ(snapshot->sim().messages_base(), flying.front());
    }
    EXPECT_EQ(snapshot->sim().in_flight(), flying);
    live->run();
    const int forget = static_cast<int>(r.below(3));  // none, before the snapshot, anywhere
    if (forget > 0) {
      const std::uint64_t upto = forget == 1 ? r.below(snapshot->sim().trace_records() + 1) : r.below(live->sim().trace_records() + 1);
      live->sim().forget_trace_before(upto);
      EXPECT_EQ(live->sim().trace_base(), std::min(upto, live->sim().trace_records()));
      live->sim().forget_messages_before(static_cast<std::uint32_t>(r.below(live->sim().messages_sent() + 1)));
    }
    expect_tail_of(live->sim(), whole->sim());

    // Restored: a copy of the snapshot takes the history back, and is the straight run at `at`.
    auto restored = snapshot->clone();
    ASSERT_TRUE(restored->take_history_from(*live));
    // The window drops the live run once a snapshot is restored: nothing of the restored run may
    // still live in the live run's memory (its chunk pool goes with it).
    live.reset();
    auto straight = build_windowed(sc, true);
    straight->sim().run_until_event(at);
    expect_tail_of(restored->sim(), straight->sim());
    if (forget == 0) {
      EXPECT_EQ(restored->sim().trace_base(), 0u);
      EXPECT_EQ(restored->sim().messages_base(), 0u);
    }
    // It goes on as the straight run does, to the same end.
    restored->run();
    expect_tail_of(restored->sim(), whole->sim(), false);
    EXPECT_EQ(restored->invariants_hold(), whole->invariants_hold());
  }
}

TEST(SimulatorHistory, ForgettingChangesNeitherTheRunNorItsLimits) {
  // A windowed trace is not counted: no trace limit stops the run, and forgetting (at any moment)
  // changes no count. Unwindowed, the limit applies as ever.
  Scenario sc = two_pc({{"participants", 3}, {"transactions", 200}, {"interval_ms", 2}}, 5, ms(2000));
  Diagnostics errors;
  RunLimits limits;
  limits.trace_limit = 1000;
  limits.count_unkept = false;
  limits.trace_windowed = true;
  auto windowed = Simulation::create(sc, errors, limits);
  limits.trace_windowed = false;
  auto counted = Simulation::create(sc, errors, limits);
  ASSERT_TRUE(windowed && counted);
  counted->run();
  EXPECT_EQ(counted->sim().halted(), HaltReason::TraceLimit);
  std::uint64_t step = 0;
  while (windowed->sim().step()) {
    if (++step % 97 == 0) {
      const std::size_t used = windowed->sim().memory_used();
      windowed->sim().forget_trace_before(windowed->sim().trace_records() - std::min<std::uint64_t>(windowed->sim().trace_records(), 500));
      windowed->sim().forget_messages_before(windowed->sim().messages_sent());
      EXPECT_EQ(windowed->sim().memory_used(), used);
      ASSERT_LE(windowed->sim().trace().size(), 500u);
    }
  }
  EXPECT_EQ(windowed->sim().halted(), HaltReason::None);
  auto whole = build_windowed(sc, true);
  whole->run();
  EXPECT_GT(whole->sim().trace_records(), 1000u);
  expect_tail_of(windowed->sim(), whole->sim());
}

TEST(SimulatorHistory, TakingHistoryFromAnEarlierPointIsRefused) {
  Scenario sc = two_pc({{"participants", 3}, {"transactions", 20}}, 3, ms(2000));
  auto early = build_windowed(sc, true);
  early->sim().run_until_event(50);
  auto late = build_windowed(sc, true);
  late->sim().run_until_event(200);
  auto snapshot = late->clone_without_history();
  auto copy = snapshot->clone();
  EXPECT_FALSE(copy->take_history_from(*early));
  EXPECT_EQ(early->sim().trace_base(), 0u);  // untouched
  EXPECT_FALSE(early->sim().trace().empty());
}

// Every shipped scenario's run can be copied (snapshots for scrubbing, the explorer's states): a copy
// taken at a random event goes on exactly as the straight run does, with the scenario's own faults
// and with random ones, and the original it was copied from is not disturbed by the copy going on
// (nothing of one is shared with the other). Primary-backup, the sagas and TCC could not be copied
// before (their clone() was missing), so the window replayed their runs from the start on every seek back.
TEST(SimulatorHistory, EveryShippedScenarioCopiedMidwayGoesOnAsTheStraightRun) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(COMMITSCOPE_SOURCE_DIR) / "resources" / "scenarios"))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::set<std::string> protocols;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const LoadResult loaded = load_scenario(text.str(), f.filename().string());
    ASSERT_TRUE(loaded.scenario) << f;
#if defined(__SANITIZE_ADDRESS__)
    // Under the sanitizers (a run costs ~20x) only the random faults: the test took 70 s there.
    for (std::uint64_t variant = 2; variant < 3; ++variant) {
#else
    for (std::uint64_t variant = 0; variant < 3; ++variant) {
#endif
      SCOPED_TRACE(f.filename().string() + " variant " + std::to_string(variant));
      Scenario sc = *loaded.scenario;
      Rng r = make_stream(sc.seed + variant, Stream::Faults);
      if (variant == 2) {  // the scenario's own faults, then random ones instead
        FaultPlan plan;
        plan.nodes = static_cast<int>(build_windowed(sc, false)->sim().nodes().size());
        plan.messages = 4;
        sc.faults = random_faults(r, plan);
      }
      auto whole = build_windowed(sc, false);
      whole->run();
      const std::uint64_t at = r.below(whole->sim().events_dispatched() + 1);
      auto live = build_windowed(sc, false);
      live->sim().run_until_event(at);
      auto copy = live->clone();
      ASSERT_TRUE(copy) << "the run cannot be copied";
      protocols.insert(sc.protocol);
      copy->run();
      expect_tail_of(copy->sim(), whole->sim(), false);
      EXPECT_EQ(copy->invariants_hold(), whole->invariants_hold());
      live->run();
      expect_tail_of(live->sim(), whole->sim(), false);
    }
  }
  EXPECT_EQ(protocols.size(), protocol_registry().size()) << "every protocol has a shipped scenario";
}
