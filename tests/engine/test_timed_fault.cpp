// "after_event" faults with a time: how the GUI records a user's action made while playback had moved
// the clock past the last event. The fault must happen at the time on screen (issue #11, item 1), in
// the engine, in saved files and in replays.
#include <gtest/gtest.h>

#include <tuple>

#include "protocols/registry.hpp"
#include "scenario/loader.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {
// Steps until the next event lies more than 2 µs ahead, so that a clock strictly between the last
// event and the next one exists (as when playback stops between two events).
void step_to_a_gap(Simulator& sim) {
  for (int guard = 0; guard < 100; ++guard) {
    const auto next = sim.next_event_time();
    ASSERT_TRUE(next.has_value());
    if (sim.events_dispatched() > 0 && *next > sim.now() + 2) return;
    ASSERT_TRUE(sim.step());
  }
  FAIL() << "no gap between events";
}

Fault timed(std::uint64_t nth, Time time, FaultAction a) {
  Fault f;
  f.trigger.kind = TriggerKind::AfterEvent;
  f.trigger.nth = nth;
  f.trigger.time = time;
  f.action = std::move(a);
  return f;
}

bool same_except_fault_index(TraceEvent x, const TraceEvent& y) {
  if (x.kind == TraceKind::Fault) x.value = y.value;
  return std::tie(x.seq, x.time, x.kind, x.node, x.peer, x.key, x.txn, x.msg, x.value) ==
         std::tie(y.seq, y.time, y.kind, y.node, y.peer, y.key, y.txn, y.msg, y.value);
}

}  // namespace

TEST(TimedAfterEvent, FiresAtItsTimeAsTheNextEventNotAtTheEventsTime) {
  // Live: a few events, the clock moved on without dispatching (playback), then a crash by hand.
  PingRun live(fixed_latency(ms(5)), 3);
  live.sim.start();
  step_to_a_gap(live.sim);
  const std::uint64_t n = live.sim.events_dispatched();
  const Time event_time = live.sim.now();
  const Time shown = (event_time + *live.sim.next_event_time()) / 2;
  live.sim.run_until(shown);
  ASSERT_EQ(live.sim.events_dispatched(), n);
  ASSERT_TRUE(live.sim.apply_now(crash(1)));
  live.sim.run_until(ms(50));

  // Replay: the same action as "after_event n" at the shown time.
  PingRun replay(fixed_latency(ms(5)), 3);
  replay.sim.add_fault(timed(n, shown, crash(1)));
  replay.sim.start();
  replay.sim.run_until_event(n);
  EXPECT_EQ(replay.sim.now(), event_time);
  EXPECT_TRUE(replay.sim.is_up(1)) << "the fault waits for its time";
  EXPECT_EQ(replay.sim.next_event_time(), shown) << "it is the next event";
  EXPECT_EQ(replay.sim.run_faults_until(shown), 1u);
  EXPECT_EQ(replay.sim.events_dispatched(), n + 1);
  EXPECT_EQ(replay.sim.now(), shown);
  EXPECT_FALSE(replay.sim.is_up(1));
  replay.sim.run_until(ms(50));

  ASSERT_EQ(live.sim.trace().size(), replay.sim.trace().size());
  for (std::size_t i = 0; i < live.sim.trace().size(); ++i)
    EXPECT_TRUE(same_except_fault_index(live.sim.trace()[i], replay.sim.trace()[i])) << "trace record " << i;
  bool found = false;
  for (const auto& ev : replay.sim.trace())
    if (ev.kind == TraceKind::Fault) {
      EXPECT_EQ(ev.time, shown);
      found = true;
    }
  EXPECT_TRUE(found);
  // The fault is one more dispatched event in the replay.
  EXPECT_EQ(replay.sim.events_dispatched(), live.sim.events_dispatched() + 1);
}

TEST(TimedAfterEvent, ATimeNotLaterThanTheEventFiresAtOnceAsWithoutOne) {
  PingRun plain(fixed_latency(ms(5)), 3);
  Fault f = timed(3, 0, crash(2));
  plain.sim.add_fault(f);
  plain.sim.start();
  plain.sim.run_until(ms(50));

  PingRun early(fixed_latency(ms(5)), 3);
  early.sim.add_fault(timed(3, 1, crash(2)));  // 1 µs: before event 3 happened
  early.sim.start();
  early.sim.run_until(ms(50));
  ASSERT_EQ(plain.sim.trace().size(), early.sim.trace().size());
  for (std::size_t i = 0; i < plain.sim.trace().size(); ++i)
    EXPECT_TRUE(same_except_fault_index(plain.sim.trace()[i], early.sim.trace()[i])) << "trace record " << i;
  EXPECT_EQ(plain.sim.events_dispatched(), early.sim.events_dispatched());
}

TEST(TimedAfterEvent, RunFaultsUntilDispatchesOnlyFaultEvents) {
  PingRun r(fixed_latency(ms(5)), 3);
  r.sim.start();
  const auto next = r.sim.next_event_time();
  ASSERT_TRUE(next.has_value());
  // The head of the queue is the workload, not a fault: nothing is dispatched.
  EXPECT_EQ(r.sim.run_faults_until(*next + ms(100)), 0u);
  EXPECT_EQ(r.sim.events_dispatched(), 0u);
  // An "at_ms" fault due by then is a fault event: it goes, and only it.
  PingRun s(fixed_latency(ms(5)), 3);
  s.sim.add_fault(at(0, crash(1)));
  s.sim.start();
  EXPECT_EQ(s.sim.run_faults_until(0), 1u);
  EXPECT_FALSE(s.sim.is_up(1));
  EXPECT_EQ(s.sim.run_faults_until(ms(100)), 0u);
}

// ---- scenario files ----

namespace {

const char* const kTimedScenario = R"({
  "protocol": "2pc", "seed": 3, "until_ms": 2000,
  "params": { "participants": 3, "transactions": 1 },
  "faults": [
    { "after_event": 4, "at_ms": 90.5, "crash": "C" },
    { "after_event": 9, "restart": "C" }
  ]
})";

std::string with_fault(const std::string& fault) {
  std::string s = kTimedScenario;
  const std::string from = R"({ "after_event": 4, "at_ms": 90.5, "crash": "C" })";
  s.replace(s.find(from), from.size(), fault);
  return s;
}

const Diagnostic* find(const LoadResult& r, const std::string& path) {
  for (const auto& d : r.diagnostics)
    if (d.path == path) return &d;
  return nullptr;
}

void expect_error(const std::string& text, const std::string& path, const std::string& words) {
  const LoadResult r = load_scenario(text, "timed.json");
  ASSERT_FALSE(r.scenario.has_value()) << text;
  const Diagnostic* d = find(r, path);
  ASSERT_NE(d, nullptr) << "no diagnostic for " << path << " in:\n" << text;
  EXPECT_EQ(d->file, "timed.json");
  EXPECT_EQ(d->line, 5) << d->to_string();  // the fault's own line
  EXPECT_GT(d->column, 0) << d->to_string();
  EXPECT_NE(d->message.find(words), std::string::npos) << d->to_string();
}

}  // namespace

TEST(TimedAfterEvent, LoadsWritesAndLoadsAgain) {
  const LoadResult r = load_scenario(kTimedScenario, "timed.json");
  ASSERT_TRUE(r.scenario.has_value()) << (r.diagnostics.empty() ? "" : r.diagnostics.front().to_string());
  const Fault& f = r.scenario->faults[0];
  EXPECT_EQ(f.trigger.kind, TriggerKind::AfterEvent);
  EXPECT_EQ(f.trigger.nth, 4u);
  EXPECT_EQ(f.trigger.time, 90'500);
  EXPECT_EQ(r.scenario->faults[1].trigger.time, 0) << "no at_ms: at once, as before";

  Diagnostics ignored;
  auto protocol = find_protocol("2pc")->create(r.scenario->params, ignored);
  ASSERT_NE(protocol, nullptr);
  const std::string text = scenario_to_text(*r.scenario, *protocol);
  EXPECT_NE(text.find(R"("after_event": 4,)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("at_ms": 90.5,)"), std::string::npos) << text;
  // An untimed after_event is written as it always was (old files keep their bytes).
  EXPECT_NE(text.find(R"("after_event": 9,)"), std::string::npos) << text;
  EXPECT_EQ(text.find(R"("after_event": 9, "at_ms")"), std::string::npos) << text;
  const LoadResult again = load_scenario(text, "again.json");
  ASSERT_TRUE(again.scenario.has_value()) << text;
  EXPECT_EQ(again.scenario->faults[0].trigger.time, 90'500);
  EXPECT_EQ(again.scenario->faults[0].trigger.nth, 4u);
  EXPECT_EQ(scenario_to_text(*again.scenario, *protocol), text);
}

TEST(TimedAfterEvent, BadCombinationsAreErrorsWithFileAndLine) {
  expect_error(with_fault(R"({ "at_ms": 5, "on": { "node": "C", "state": "WAIT" }, "crash": "C" })"), "faults[0]",
               "2 triggers");
  expect_error(with_fault(R"({ "at_ms": 5, "on": { "node": "C", "state": "WAIT" }, "crash": "C" })"), "faults[0]",
               "only \"after_event\" may also have \"at_ms\"");
  expect_error(with_fault(R"({ "after_event": 4, "at_ms": 5, "on": { "node": "C", "state": "WAIT" }, "crash": "C" })"),
               "faults[0]", "3 triggers");
  expect_error(with_fault(R"({ "after_event": 4, "at_ms": -1, "crash": "C" })"), "faults[0].at_ms", "at_ms");
  expect_error(with_fault(R"({ "after_event": 4, "at_ms": "soon", "crash": "C" })"), "faults[0].at_ms", "number");
  expect_error(with_fault(R"({ "after_event": -4, "at_ms": 5, "crash": "C" })"), "faults[0].after_event", "after_event");
  expect_error(with_fault(R"({ "after_event": 4, "at_ms": 5 })"), "faults[0]", "does nothing");
}

TEST(TimedAfterEvent, AScenarioRunsTheFaultAtItsTimeAndTheClockNeverRunsBackwards) {
  const LoadResult r = load_scenario(kTimedScenario, "timed.json");
  ASSERT_TRUE(r.scenario.has_value());
  Diagnostics errors;
  auto run = Simulation::create(*r.scenario, errors);
  ASSERT_NE(run, nullptr);
  run->run();
  Time last = 0;
  int faults = 0;
  for (const auto& ev : run->sim().trace()) {
    EXPECT_GE(ev.time, last);
    last = ev.time;
    if (ev.kind == TraceKind::Fault && ev.value == 0) {
      EXPECT_EQ(ev.time, 90'500);
      ++faults;
    }
  }
  EXPECT_EQ(faults, 1);
}
