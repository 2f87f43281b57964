// The online register monitor (check/register_monitor.hpp) against the whole-history search
// (check_register), which it replaces in the linearizability invariant: on hand-made histories, and
// on thousands of random ones (ties, overlaps, writes that never answer, reads of anything), the
// monitor's verdict after every answer equals the search's verdict on the history so far.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "check/linearizability.hpp"
#include "check/register_monitor.hpp"
#include "sim/rng.hpp"

using namespace cs;
using namespace cs::lin;

namespace {

// One operation of a generated history: invoked at `invoke`, then answered (ok), abandoned (its end
// is known to be no answer) or still in flight at the end.
struct GenOp {
  std::uint32_t id = 0;
  bool write = false;
  std::int64_t read = 0;  // a read's value
  Time invoke = 0;
  Time end = kNever;  // when it answered or was abandoned
  bool ok = false;
};

struct Event {
  Time time = 0;
  std::uint64_t order = 0;  // random order among events at one time
  std::size_t op = 0;
  bool start = false;
};

// The history check_register sees at an event (what CapRegister::history() gives): every invoked
// write (answered or not), and every read answered so far.
std::vector<Op> history_at(const std::vector<GenOp>& ops, const std::vector<bool>& started, const std::vector<bool>& ended) {
  std::vector<Op> out;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (!started[i]) continue;
    const GenOp& o = ops[i];
    const bool answered = ended[i] && o.ok;
    if (o.write)
      out.push_back(Op{o.id, true, static_cast<std::int64_t>(o.id), {}, o.invoke, answered ? o.end : kNever});
    else if (answered)
      out.push_back(Op{o.id, false, 0, {o.read}, o.invoke, o.end});
  }
  return out;
}

std::string describe(const std::vector<GenOp>& ops) {
  std::string out;
  for (const GenOp& o : ops) {
    out += "\n  " + std::to_string(o.id) + (o.write ? " write" : " read " + std::to_string(o.read)) + " [" +
           std::to_string(o.invoke) + ", " + (o.end == kNever ? std::string("-") : std::to_string(o.end)) + "] " +
           (o.end == kNever ? "in flight" : o.ok ? "ok" : "abandoned");
  }
  return out;
}

// Replays one history through the monitor and, at every answer of a read, compares with the search.
// Returns how many answers the monitor found violating (0 or 1: it stops at the first).
int compare(const std::vector<GenOp>& ops, Rng& rng, std::uint64_t seed) {
  std::vector<Event> events;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    events.push_back({ops[i].invoke, rng.below(1000), i, true});
    // An operation answered at the time it began is recorded after it began (the trace's order).
    const std::uint64_t after_start = ops[i].end == ops[i].invoke ? 1000 : 0;
    if (ops[i].end != kNever) events.push_back({ops[i].end, after_start + rng.below(1000), i, false});
  }
  std::sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.time != b.time ? a.time < b.time : a.order < b.order;
  });
  RegisterMonitor m;
  std::vector<bool> started(ops.size(), false), ended(ops.size(), false);
  for (const Event& e : events) {
    const GenOp& o = ops[e.op];
    if (e.start) {
      started[e.op] = true;
      m.invoke(o.id, o.write, e.time);
      continue;
    }
    ended[e.op] = true;
    if (!o.ok) {
      m.abandon(o.id, e.time);
      continue;
    }
    const bool monitor_ok = m.respond(o.id, e.time, o.write ? std::vector<std::int64_t>{} : std::vector<std::int64_t>{o.read});
    EXPECT_FALSE(m.gave_up()) << "seed " << seed;
    if (o.write) {
      EXPECT_TRUE(monitor_ok) << "seed " << seed << ": a write's answer cannot break linearizability";
      continue;
    }
    const Result r = check_register(history_at(ops, started, ended), 0, 10'000'000);
    EXPECT_NE(r.verdict, Verdict::Unknown) << "seed " << seed;
    EXPECT_EQ(monitor_ok, r.verdict == Verdict::Linearizable) << "seed " << seed << ": read " << o.id << " at " << e.time << describe(ops);
    if (!monitor_ok || r.verdict != Verdict::Linearizable) return 1;
  }
  return 0;
}

std::vector<GenOp> random_history(Rng& r) {
  const int n = 2 + static_cast<int>(r.below(13));
  const Time span = 4 + static_cast<Time>(r.below(20));  // small: many equal times and overlaps
  std::vector<GenOp> ops;
  for (int i = 0; i < n; ++i) {
    GenOp o;
    o.id = static_cast<std::uint32_t>(i + 1);
    o.write = r.chance(Ratio{1, 2});
    o.invoke = static_cast<Time>(r.below(static_cast<std::uint64_t>(span)));
    const std::uint64_t fate = r.below(10);
    o.ok = fate < 8;
    if (fate < 9) o.end = o.invoke + static_cast<Time>(r.below(8));  // 9: still in flight at the end
    ops.push_back(o);
  }
  // Reads return the initial value or the value of a write invoked before they answered; usually a
  // recent one, so that most histories are linearizable for a while.
  for (GenOp& o : ops) {
    if (o.write) continue;
    std::vector<std::int64_t> candidates{0};
    for (const GenOp& w : ops)
      if (w.write && w.invoke <= o.end) candidates.push_back(w.id);
    o.read = candidates[r.below(candidates.size())];
  }
  return ops;
}

}  // namespace

TEST(RegisterMonitor, AgreesWithTheWholeHistorySearchAfterEveryAnswerOnRandomHistories) {
  int violating = 0, histories = 0;
  for (std::uint64_t seed = 1; seed <= 20'000; ++seed) {
    Rng r(seed);
    const auto ops = random_history(r);
    violating += compare(ops, r, seed);
    ++histories;
    if (::testing::Test::HasFailure()) break;
  }
  // Both verdicts occur often enough for the comparison to mean something.
  EXPECT_GT(violating, histories / 10);
  EXPECT_LT(violating, histories * 9 / 10);
}

TEST(RegisterMonitor, HandMadeHistories) {
  // Sequential: write 1, read 1.
  {
    RegisterMonitor m;
    m.invoke(1, true, 0);
    EXPECT_TRUE(m.respond(1, 10, {}));
    m.invoke(2, false, 20);
    EXPECT_TRUE(m.respond(2, 30, {1}));
  }
  // A read after a completed overwrite returns the old value: violation at that read.
  {
    RegisterMonitor m;
    m.invoke(1, true, 0);
    EXPECT_TRUE(m.respond(1, 10, {}));
    m.invoke(3, true, 20);
    EXPECT_TRUE(m.respond(3, 30, {}));
    m.invoke(4, false, 40);
    EXPECT_FALSE(m.respond(4, 50, {1}));
    EXPECT_TRUE(m.violated());
  }
  // Equal times are concurrent: a read answered at 10 may follow a write invoked at 10.
  {
    RegisterMonitor m;
    m.invoke(2, false, 0);
    m.invoke(1, true, 10);
    EXPECT_TRUE(m.respond(2, 10, {1}));
  }
  {
    // The same, the answer recorded first at that time: a write invoked at 10 after it in the trace
    // may still go before it (a read answered at 10 of the value it overwrote is still fine).
    RegisterMonitor m;
    m.invoke(4, true, 0);
    EXPECT_TRUE(m.respond(4, 5, {}));
    m.invoke(2, false, 6);
    EXPECT_TRUE(m.respond(2, 10, {4}));
    m.invoke(1, true, 10);
    m.invoke(5, false, 10);
    EXPECT_TRUE(m.respond(1, 12, {}));
    EXPECT_TRUE(m.respond(5, 14, {1}));
  }
  // Siblings are never the state of one register.
  {
    RegisterMonitor m;
    m.invoke(1, true, 0);
    m.invoke(3, true, 0);
    m.invoke(2, false, 0);
    EXPECT_FALSE(m.respond(2, 10, {1, 3}));
  }
  // A write that never answered may take effect once, while read; its value then cannot come back
  // after an overwrite was read.
  {
    RegisterMonitor m;
    m.invoke(1, true, 0);
    m.abandon(1, 5);
    m.invoke(2, false, 10);
    EXPECT_TRUE(m.respond(2, 20, {1}));
    m.invoke(3, true, 30);
    EXPECT_TRUE(m.respond(3, 40, {}));
    m.invoke(4, false, 50);
    EXPECT_TRUE(m.respond(4, 60, {3}));
    m.invoke(5, false, 70);
    EXPECT_FALSE(m.respond(5, 80, {1}));
  }
}

// What it holds follows the concurrency: after 100,000 sequential operations, nothing but the
// value (and no never-answered write is kept once placed everywhere).
TEST(RegisterMonitor, HoldsOnlyWhatIsInFlight) {
  RegisterMonitor m;
  Time t = 0;
  std::uint32_t last_write = 0;
  for (std::uint32_t id = 1; id <= 100'000; ++id) {
    const bool write = id % 3 != 0;
    m.invoke(id, write, t);
    // Each operation overlaps the next one's start (answered at the time the next is invoked).
    ASSERT_TRUE(m.respond(id, t + 4, write ? std::vector<std::int64_t>{} : std::vector<std::int64_t>{last_write}));
    if (write) last_write = id;
    t += 4;
  }
  EXPECT_EQ(m.in_flight(), 0u);
  EXPECT_EQ(m.configurations(), 1u);
  EXPECT_EQ(m.never_answered(), 0u);
}
