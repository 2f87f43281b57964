// The trace streamed instead of kept (TraceRouting{.keep = false, .sink = ...}, what the CLI does):
// the sink gets the same JSONL bytes as formatting the kept trace afterwards, the run is the same
// (same records, same halt, same invariant verdicts), also when a limit stops it, and nothing is kept.
#include <gtest/gtest.h>

#include <string>

#include "scenario/loader.hpp"
#include "scenario/report.hpp"
#include "scenario/simulation.hpp"
#include "scenario/trace_jsonl.hpp"

using namespace cs;

namespace {

Scenario scenario_of(const std::string& text) {
  LoadResult r = load_scenario(text, "stream.json");
  EXPECT_TRUE(r.scenario.has_value()) << (r.diagnostics.empty() ? "" : r.diagnostics[0].to_string());
  return r.scenario ? *r.scenario : Scenario{};
}

struct Streamed {
  std::string text;
  std::size_t chunks = 0;
  std::unique_ptr<Simulation> run;
};

// Runs `s` with the trace streamed in small chunks (many chunk boundaries) and not kept.
Streamed run_streamed(const Scenario& s, RunLimits limits) {
  Streamed out;
  TraceJsonlStream stream(
      [&out](std::string_view chunk) {
        EXPECT_EQ(chunk.back(), '\n');  // whole lines only
        out.text += chunk;
        ++out.chunks;
      },
      4096);
  Diagnostics errors;
  out.run = Simulation::create(s, errors, limits, TraceRouting{.keep = false, .sink = &stream});
  EXPECT_TRUE(out.run);
  out.run->run();
  stream.flush();
  return out;
}

void expect_same_run(const std::string& text, RunLimits limits, HaltReason expected_halt) {
  const Scenario s = scenario_of(text);
  Diagnostics errors;
  auto kept = Simulation::create(s, errors, limits);
  ASSERT_TRUE(kept);
  kept->run();
  std::string kept_text;
  append_trace_jsonl(kept_text, kept->sim());

  const Streamed streamed = run_streamed(s, limits);
  const Simulator& sim = streamed.run->sim();
  EXPECT_EQ(kept->sim().halted(), expected_halt);
  EXPECT_EQ(sim.halted(), expected_halt);
  EXPECT_TRUE(sim.trace().empty());
  EXPECT_EQ(sim.trace_records(), kept->sim().trace().size());
  EXPECT_EQ(sim.events_dispatched(), kept->sim().events_dispatched());
  EXPECT_EQ(sim.memory_used(), kept->sim().memory_used());
  EXPECT_EQ(streamed.run->invariants_hold(), kept->invariants_hold());
  EXPECT_GT(streamed.chunks, 1u);
  EXPECT_EQ(streamed.text.size(), kept_text.size());
  EXPECT_TRUE(streamed.text == kept_text) << "the streamed JSONL differs from the kept trace's";
  EXPECT_EQ(run_report(*streamed.run)["trace_records"], run_report(*kept)["trace_records"]);
}

const char* const kLossyWorkload = R"({
  "protocol": "2pc", "seed": 5, "until_ms": 5000,
  "params": { "participants": 4, "transactions": 200, "interval_ms": 5, "resources": 10 },
  "network": { "latency_ms": [1, 20], "loss": 0.05, "duplicate": 0.05 },
  "faults": [ { "at_ms": 300, "crash": "C" }, { "at_ms": 900, "restart": "C" } ]
})";

}  // namespace

TEST(TraceStream, StreamedJsonlEqualsTheKeptTraceFormatted) {
  expect_same_run(kLossyWorkload, RunLimits{}, HaltReason::None);
}

TEST(TraceStream, ARunCutByTheTraceLimitStreamsItsFinalLimitRecord) {
  RunLimits limits;
  limits.trace_limit = 1000;
  expect_same_run(kLossyWorkload, limits, HaltReason::TraceLimit);
}

TEST(TraceStream, ARunCutByTheMemoryLimitHaltsAtTheSameRecordWhenNotKept) {
  // The accountant counts the records whether kept or not, so an unkept run halts where a kept one does.
  RunLimits limits;
  limits.memory_limit = 200 << 10;
  expect_same_run(kLossyWorkload, limits, HaltReason::MemoryLimit);
}

TEST(TraceStream, MessagesAreForgottenOnceSettledWhenNotKept) {
  // What grows with a run's length: the message table held every message (200,000 for 10,000 2PC
  // transactions). Unkept, it holds the window of messages in flight; ids and the trace are the same.
  const Scenario s = scenario_of(kLossyWorkload);
  Diagnostics errors;
  auto kept = Simulation::create(s, errors);
  ASSERT_TRUE(kept);
  kept->run();
  const Streamed streamed = run_streamed(s, RunLimits{});
  const Simulator& sim = streamed.run->sim();
  const std::size_t sent = kept->sim().messages().size();
  ASSERT_GT(sent, 2000u);
  EXPECT_EQ(sim.messages_sent(), sent);
  EXPECT_EQ(kept->sim().messages_sent(), sent);
  EXPECT_LT(sim.messages().size(), sent / 20) << "the unkept table should hold only the messages in flight";
  EXPECT_EQ(sim.messages_base() + sim.messages().size(), sent);
  EXPECT_EQ(sim.in_flight(), kept->sim().in_flight());
  for (std::uint32_t id : sim.in_flight()) EXPECT_EQ(sim.message(id).id, id);
}

TEST(TraceStream, ADualWriteCrashReadsInFlightMessagesByIdWhenNotKept) {
  // The dual-write service looks up in-flight PUBLISH messages by id when it crashes (outbox.cpp).
  expect_same_run(R"({
    "protocol": "dual-write", "seed": 3, "until_ms": 3000,
    "params": { "orders": 40, "interval_ms": 10 },
    "network": { "latency_ms": [1, 30] },
    "faults": [ { "at_ms": 200, "crash": "ORDER_SVC" }, { "at_ms": 600, "restart": "ORDER_SVC" } ]
  })", RunLimits{}, HaltReason::None);
}

TEST(TraceStream, ALongRunCountsOnlyWhatItHolds) {
  // RunLimits::count_unkept = false (the CLI's --long-run): the trace limit does not stop an unkept
  // trace, forgotten messages give their bytes back, and the records are those of an unlimited run.
  const Scenario s = scenario_of(kLossyWorkload);
  Diagnostics errors;
  RunLimits unlimited;
  unlimited.trace_limit = std::size_t{1} << 40;
  auto kept = Simulation::create(s, errors, unlimited);
  ASSERT_TRUE(kept);
  kept->run();
  std::string kept_text;
  append_trace_jsonl(kept_text, kept->sim());

  RunLimits long_run;
  long_run.trace_limit = 1000;  // would stop the run after 1,000 records if it counted
  long_run.count_unkept = false;
  const Streamed streamed = run_streamed(s, long_run);
  const Simulator& sim = streamed.run->sim();
  EXPECT_EQ(sim.halted(), HaltReason::None);
  EXPECT_GT(sim.trace_records(), 10 * long_run.trace_limit);
  EXPECT_TRUE(streamed.text == kept_text) << "a long run's records differ from an unlimited kept run's";
  // What it holds: logs, protocol state and the messages in flight, not 48 bytes per record.
  EXPECT_LT(sim.memory_used() + sim.trace_records() * sizeof(TraceEvent), kept->sim().memory_used());
  EXPECT_LT(sim.memory_used(), kept->sim().memory_used() / 3);
  // Exactly what it holds: the kept run's count less every record and every message no longer held.
  const std::size_t forgotten = sim.messages_base() - 1;  // ids 1 .. base-1 (slot 0 is never counted)
  const std::size_t per_message = sizeof(Message) + 16;  // as the accountant counts one (no payloads in 2PC)
  EXPECT_EQ(kept->sim().memory_used() - sim.memory_used(),
            sim.trace_records() * sizeof(TraceEvent) + forgotten * per_message);
}
