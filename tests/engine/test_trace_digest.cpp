// The canonical encoding trace_sha256 hashes (scenario/trace_digest.hpp, docs/scenario-format.md):
// the bytes a run streams as it goes equal the bytes made again from its JSONL trace, line by line
// (what `commitscope-cli digest` does), for shipped scenarios with loss, duplicates, crashes and a
// limit hit; the layout is the documented one, byte by byte; malformed lines are refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/loader.hpp"
#include "scenario/report.hpp"
#include "scenario/simulation.hpp"
#include "scenario/trace_digest.hpp"
#include "text_test_support.hpp"

using namespace cs;

namespace {

namespace fs = std::filesystem;

Scenario shipped(const std::string& name) {
  const fs::path path = fs::path(COMMITSCOPE_SOURCE_DIR) / "resources" / "scenarios" / (name + ".json");
  LoadResult loaded = load_scenario(read_all(path), path.string());
  EXPECT_TRUE(loaded.scenario) << name;
  return loaded.scenario ? *loaded.scenario : Scenario{};
}

// The encoding of a JSONL text, line by line; empty if a line is refused.
std::string encode_jsonl(const std::string& text) {
  std::string bytes;
  TraceJsonlDigester digester([&bytes](std::string_view chunk) { bytes += chunk; });
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const auto why = digester.line(line);
    EXPECT_FALSE(why) << *why << "\n" << line;
    if (why) return {};
  }
  digester.flush();
  return bytes;
}

struct Both {
  std::string streamed;  // the digest's bytes, made as the run went (trace not kept)
  std::string jsonl;     // the JSONL trace of the same run, kept and formatted afterwards
  std::uint64_t records = 0;
  HaltReason halted = HaltReason::None;
};

Both run_both(const Scenario& s, RunLimits limits = {}) {
  Both out;
  TraceDigestSink sink([&out](std::string_view chunk) { out.streamed += chunk; });
  Diagnostics errors;
  auto streamed = Simulation::create(s, errors, limits, TraceRouting{.keep = false, .sink = &sink});
  EXPECT_TRUE(streamed);
  if (!streamed) return out;
  streamed->run();
  sink.flush();
  auto kept = Simulation::create(s, errors, limits);
  kept->run();
  append_trace_jsonl(out.jsonl, kept->sim());
  out.records = kept->sim().trace().size();
  out.halted = kept->sim().halted();
  EXPECT_EQ(streamed->sim().trace_records(), out.records);
  return out;
}

}  // namespace

TEST(TraceDigest, ARunsStreamedBytesEqualTheBytesMadeFromItsJsonl) {
  // Loss and duplicates (2pc-workload), crashes and restarts, partitions, locks, timers, notes.
  for (const char* name : {"2pc-workload", "2pc-coordinator-crash", "2pc-partition", "3pc-coordinator-crash-wait",
                           "paxos-commit-coordinator-crash", "saga-choreography-lost-event", "tcc-late-confirm",
                           "cap-register-ap-partition", "primary-backup-split-brain", "outbox-relay-crash"}) {
    SCOPED_TRACE(name);
    const Both b = run_both(shipped(name));
    ASSERT_GT(b.records, 20u);
    EXPECT_EQ(b.streamed.substr(0, kTraceDigestMagic.size()), kTraceDigestMagic);
    EXPECT_LT(b.streamed.size() * 3, b.jsonl.size()) << "the encoding should be far smaller than the JSONL";
    EXPECT_TRUE(encode_jsonl(b.jsonl) == b.streamed) << "the JSONL re-encoded differs from the run's bytes";
  }
}

TEST(TraceDigest, ARunCutByTheTraceLimitEncodesItsLimitRecordTheSameWay) {
  Scenario s = shipped("2pc-workload");
  RunLimits limits;
  limits.trace_limit = 3000;
  const Both b = run_both(s, limits);
  ASSERT_EQ(b.halted, HaltReason::TraceLimit);
  ASSERT_NE(b.jsonl.find("\"ev\":\"limit\""), std::string::npos);
  EXPECT_TRUE(encode_jsonl(b.jsonl) == b.streamed);
}

TEST(TraceDigest, TheBytesAreTheDocumentedOnes) {
  // The example in docs/scenario-format.md ("trace_sha256"), byte by byte.
  const std::string jsonl =
      "{\"seq\":9,\"t\":0,\"ev\":\"send\",\"node\":\"C\",\"peer\":\"P1\",\"msg\":\"PREPARE\",\"id\":1,\"txn\":1}\n"
      "{\"seq\":10,\"t\":0,\"ev\":\"send\",\"node\":\"C\",\"peer\":\"P2\",\"msg\":\"PREPARE\",\"id\":2,\"txn\":1}\n"
      "{\"seq\":12,\"t\":-3,\"ev\":\"fault\",\"node\":\"C\",\"fault\":\"crash\",\"index\":0}\n"
      "{\"seq\":13,\"t\":200,\"ev\":\"note\",\"node\":\"P1\",\"note\":\"blocked\",\"txn\":1}\n";
  using namespace std::string_literals;
  const std::string expected =
      "CSTRACE\x01"s +
      // send (0) | node 0x20 | peer 0x40 | txn 0x80; seq +9 -> 18; t +0; "C" new (1), "P1" new (2),
      // "PREPARE" new (3); id 1; txn 1
      "\xe0\x12\x00" "\x00\x01" "C" "\x00\x02" "P1" "\x00\x07" "PREPARE" "\x01" "\x01"s +
      // send; seq +1 -> 2; t +0; C is 1; "P2" new (4); PREPARE is 3; id 2; txn 1
      "\xe0\x02\x00" "\x01" "\x00\x02" "P2" "\x03" "\x02" "\x01"s +
      // fault (12) | node; seq +2 -> 4; t -3 -> 5; C; "crash" new (5); index 0
      "\x2c\x04\x05" "\x01" "\x00\x05" "crash" "\x00"s +
      // note (16) | node | txn; seq +1 -> 2; t +203 -> 406 = 0x96 0x03; P1 is 2; "blocked" new (6);
      // value 0 (the JSONL leaves it out); txn 1
      "\xb0\x02\x96\x03" "\x02" "\x00\x07" "blocked" "\x00" "\x01"s;
  EXPECT_EQ(encode_jsonl(jsonl), expected);
}

TEST(TraceDigest, MalformedLinesAreRefusedWithTheProblem) {
  const std::string ok = "{\"seq\":1,\"t\":0,\"ev\":\"crash\",\"node\":\"C\"}";
  const struct {
    std::string line;
    std::string problem;
  } cases[] = {
      {"", "an empty line"},
      {"{\"seq\":1,", "not valid JSON"},
      {"[1,2]", "not a JSON object"},
      {"{\"seq\":1,\"t\":0}", "no \"ev\""},
      {"{\"seq\":1,\"t\":0,\"ev\":\"explode\"}", "unknown record kind \"explode\""},
      {"{\"seq\":1,\"t\":0,\"ev\":\"send\",\"node\":\"C\",\"id\":3}", "no \"msg\" in a send record"},
      {"{\"seq\":-1,\"t\":0,\"ev\":\"crash\"}", "\"seq\" is not a non-negative integer"},
      {"{\"seq\":1,\"t\":0.5,\"ev\":\"crash\"}", "\"t\" is not a 64-bit integer"},
      {"{\"seq\":1,\"t\":0,\"ev\":\"crash\",\"node\":7}", "\"node\" is not a string"},
      {"{\"seq\":1,\"t\":0,\"ev\":\"crash\",\"msg\":\"X\"}", "unexpected key \"msg\" in a crash record"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    std::string bytes;
    TraceJsonlDigester digester([&bytes](std::string_view chunk) { bytes += chunk; });
    EXPECT_FALSE(digester.line(ok));
    const auto why = digester.line(c.line);
    ASSERT_TRUE(why);
    EXPECT_NE(why->find(c.problem), std::string::npos) << *why;
  }
}

TEST(TraceDigest, LongStringsAndSmallChunksGiveTheSameBytes) {
  // A name longer than the encoder's buffer is handed on whole; chunking never changes the bytes.
  const std::string name(300, 'N');
  std::string big, small;
  TraceDigestEncoder a([&big](std::string_view c) { big += c; });
  TraceDigestEncoder b([&small](std::string_view c) { small += c; }, 64);
  for (TraceDigestEncoder* e : {&a, &b}) {
    e->header(TraceKind::Crash, true, false, false, 1, 5);
    e->string(name);
    e->header(TraceKind::Crash, true, false, false, 2, 5);
    e->string(name);
    e->flush();
  }
  EXPECT_EQ(big, small);
  EXPECT_EQ(big.size(), 8u + 3 + (1 + 2 + 300) + 3 + 1);
}
