#include <gtest/gtest.h>

#include <tuple>

#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

TEST(Simulator, EventsAtTheSameTimeRunInInsertionOrder) {
  PingRun r(fixed_latency(ms(5)), 4);
  r.sim.start();
  r.sim.run_until(ms(5));
  // Three PINGs sent at t=0 to B, C, D all arrive at t=5ms, in the order they were sent.
  ASSERT_EQ(r.proto.received.size(), 3u);
  EXPECT_EQ(r.proto.received[0].to, 1);
  EXPECT_EQ(r.proto.received[1].to, 2);
  EXPECT_EQ(r.proto.received[2].to, 3);
  EXPECT_EQ(r.sim.now(), ms(5));
}

TEST(Simulator, TimeNeverGoesBackwardsAndSeqIsDense) {
  SimConfig c;
  c.seed = 3;
  PingRun r(c, 5);
  r.sim.start();
  r.sim.run_until(ms(100));
  Time last = 0;
  for (std::size_t i = 0; i < r.sim.trace().size(); ++i) {
    EXPECT_EQ(r.sim.trace()[i].seq, i);
    EXPECT_GE(r.sim.trace()[i].time, last);
    last = r.sim.trace()[i].time;
  }
}

TEST(Simulator, LatencyStaysInTheConfiguredRange) {
  SimConfig c;
  c.network.latency_lo = ms(5);
  c.network.latency_hi = ms(20);
  PingRun r(c, 8);
  r.sim.start();
  r.sim.run_until(ms(100));
  for (std::size_t i = 1; i < r.sim.messages().size(); ++i) {
    const auto& m = r.sim.messages()[i];
    EXPECT_GE(m.deliver_at - m.sent_at, ms(5));
    EXPECT_LE(m.deliver_at - m.sent_at, ms(20));
  }
}

TEST(Simulator, SameSeedGivesIdenticalTraceDifferentSeedDoesNot) {
  SimConfig c;
  c.seed = 77;
  c.network.loss = Ratio{1, 5};
  c.network.duplicate = Ratio{1, 5};
  PingRun a(c, 6), b(c, 6);
  a.sim.start();
  b.sim.start();
  a.sim.run_until(ms(200));
  b.sim.run_until(ms(200));
  EXPECT_EQ(fingerprint(a.sim), fingerprint(b.sim));
  c.seed = 78;
  PingRun d(c, 6);
  d.sim.start();
  d.sim.run_until(ms(200));
  EXPECT_NE(fingerprint(a.sim), fingerprint(d.sim));
}

TEST(Simulator, CrashWipesVolatileStateCancelsTimersKeepsLog) {
  PingRun r(fixed_latency(ms(5)));
  r.proto.repeat = true;
  r.sim.start();
  r.sim.set_timer(1, ms(1), 0, 1);
  r.sim.run_until(ms(6));  // B got its PING and logged SEEN
  ASSERT_EQ(r.sim.log(1).size(), 1u);
  const auto timers_before = r.proto.timers.size();
  ASSERT_TRUE(r.sim.apply_now(crash(1)));
  EXPECT_FALSE(r.sim.is_up(1));
  EXPECT_EQ(r.proto.crashed, std::vector<NodeId>{1});
  r.sim.run_until(ms(100));
  EXPECT_EQ(r.proto.timers.size(), timers_before) << "a crashed node's timers must not fire";
  ASSERT_TRUE(r.sim.apply_now(restart(1)));
  EXPECT_EQ(r.proto.restarted, std::vector<NodeId>{1});
  EXPECT_EQ(r.proto.recovered_log_size, 1u) << "the durable log survives the crash";
  EXPECT_FALSE(r.sim.apply_now(restart(1))) << "restarting a running node changes nothing";
}

TEST(Simulator, MessageSentBeforeSenderCrashIsStillDelivered) {
  PingRun r(fixed_latency(ms(5)));
  r.sim.start();
  r.sim.run_until(ms(1));  // PINGs are in flight
  r.sim.apply_now(crash(0));
  r.sim.run_until(ms(5));
  EXPECT_EQ(r.proto.received.size(), 2u);
}

TEST(Simulator, MessageArrivingAtCrashedNodeIsLost) {
  PingRun r(fixed_latency(ms(5)));
  r.sim.start();
  r.sim.run_until(ms(1));
  r.sim.apply_now(crash(2));
  r.sim.run_until(ms(20));
  int lost = 0;
  for (const auto& e : r.sim.trace())
    if (e.kind == TraceKind::Drop && e.node == 2 && e.reason == DropReason::NodeDown) ++lost;
  EXPECT_EQ(lost, 1);
  EXPECT_EQ(r.sim.messages()[2].status, MsgStatus::Dropped);
}

TEST(Simulator, CutLinkLosesInFlightMessagesEvenIfHealedBeforeArrival) {
  PingRun r(fixed_latency(ms(10)));
  r.sim.start();
  r.sim.run_until(ms(2));
  r.sim.apply_now(cut(0, 1));
  r.sim.apply_now(heal(0, 1));
  r.sim.run_until(ms(10));
  ASSERT_EQ(r.sim.messages()[1].to, 1);
  EXPECT_EQ(r.sim.messages()[1].status, MsgStatus::Dropped);
  EXPECT_EQ(r.sim.messages()[1].drop_reason, DropReason::LinkCut);
  EXPECT_EQ(r.sim.messages()[2].status, MsgStatus::Delivered);
}

TEST(Simulator, PartitionBlocksAcrossSidesOnly) {
  PingRun r(fixed_latency(ms(5)), 4);
  r.sim.add_fault(at(0, partition({{0, 1}})));  // C and D form the implicit other side
  r.sim.start();
  r.sim.run_until(ms(50));
  EXPECT_EQ(r.sim.messages()[1].status, MsgStatus::Delivered);  // A->B same side
  EXPECT_EQ(r.sim.messages()[2].drop_reason, DropReason::Partition);
  EXPECT_EQ(r.sim.messages()[3].drop_reason, DropReason::Partition);
  EXPECT_TRUE(r.sim.network().partitioned(0, 2));
  EXPECT_FALSE(r.sim.network().partitioned(2, 3));
  r.sim.apply_now(heal_all());
  EXPECT_FALSE(r.sim.network().has_partition());
}

TEST(Simulator, RandomLossAndDuplicationFollowTheirRatios) {
  SimConfig c;
  c.seed = 5;
  c.network.loss = Ratio{1, 10};
  c.network.duplicate = Ratio{1, 10};
  PingRun r(c, 2);
  r.sim.start();
  for (int i = 0; i < 5000; ++i) r.sim.send(0, 1, 1, 2);
  r.sim.run_until(ms(1000));
  int lost = 0, dup = 0;
  for (const auto& e : r.sim.trace()) {
    lost += e.kind == TraceKind::Drop && e.reason == DropReason::Loss;
    dup += e.kind == TraceKind::Duplicate;
  }
  EXPECT_NEAR(lost, 500, 90);
  EXPECT_NEAR(dup, 500, 90);
}

TEST(Simulator, DropNextAndDuplicateNextAreOneShot) {
  PingRun r(fixed_latency(ms(5)), 2);
  r.sim.start();
  r.sim.apply_now(FaultAction{FaultKind::DropNext, 0, 1, {}, {}});
  r.sim.send(0, 1, 1, 9);
  r.sim.send(0, 1, 1, 9);
  r.sim.apply_now(FaultAction{FaultKind::DuplicateNext, 1, 0, {}, {}});
  r.sim.send(0, 1, 1, 10);
  r.sim.send(0, 1, 1, 10);
  r.sim.run_until(ms(50));
  int injected = 0, delivered9 = 0, delivered10 = 0;
  for (const auto& e : r.sim.trace()) {
    injected += e.kind == TraceKind::Drop && e.reason == DropReason::Injected;
    delivered9 += e.kind == TraceKind::Deliver && e.txn == 9;
    delivered10 += e.kind == TraceKind::Deliver && e.txn == 10;
  }
  EXPECT_EQ(injected, 1);
  EXPECT_EQ(delivered9, 1);
  EXPECT_EQ(delivered10, 3);
}

TEST(Simulator, OnSentTriggerFiresInsideTheSendersHandler) {
  // Crash A right after its 1st PING: the remaining PINGs of the same handler are never sent.
  PingRun r(fixed_latency(ms(5)), 4);
  r.sim.add_fault(on_sent(0, 0, 1, crash(0)));
  r.sim.start();
  r.sim.run_until(ms(50));
  EXPECT_EQ(count(r.sim, TraceKind::Send, 0), 1);
  EXPECT_TRUE(r.sim.fault_fired(0));
  EXPECT_FALSE(r.sim.is_up(0));
}

TEST(Simulator, OnStateTriggerFiresOnce) {
  PingRun r(fixed_latency(ms(5)), 3);
  r.sim.add_fault(on_state(2, 1, crash(2)));
  r.sim.start();
  r.sim.run_until(ms(50));
  EXPECT_FALSE(r.sim.is_up(2));
  EXPECT_TRUE(r.sim.is_up(1));
  // C's PONG was suppressed: the crash happened as it entered BUSY, before it answered.
  int pongs_from_c = 0;
  for (const auto& e : r.sim.trace()) pongs_from_c += e.kind == TraceKind::Send && e.key == 1 && e.node == 2;
  EXPECT_EQ(pongs_from_c, 0);
}

TEST(Simulator, AfterEventTriggerReplaysAnInteractiveFault) {
  // Live: step 2 events, crash B by hand. Replay: the same fault as "after_event 2".
  PingRun live(fixed_latency(ms(5)), 3);
  live.sim.start();
  live.sim.step();
  live.sim.step();
  live.sim.apply_now(crash(1));
  live.sim.run_until(ms(50));

  PingRun replay(fixed_latency(ms(5)), 3);
  Fault f;
  f.trigger.kind = TriggerKind::AfterEvent;
  f.trigger.nth = 2;
  f.action = crash(1);
  replay.sim.add_fault(f);
  replay.sim.start();
  replay.sim.run_until(ms(50));
  // Identical apart from the fault's index (-1 when interactive, 0 when scheduled).
  ASSERT_EQ(live.sim.trace().size(), replay.sim.trace().size());
  for (std::size_t i = 0; i < live.sim.trace().size(); ++i) {
    TraceEvent x = live.sim.trace()[i], y = replay.sim.trace()[i];
    if (x.kind == TraceKind::Fault) x.value = y.value;
    EXPECT_EQ(std::tie(x.seq, x.time, x.kind, x.node, x.peer, x.key, x.txn, x.msg, x.value),
              std::tie(y.seq, y.time, y.kind, y.node, y.peer, y.key, y.txn, y.msg, y.value));
  }
  EXPECT_EQ(live.sim.events_dispatched(), replay.sim.events_dispatched());
  EXPECT_FALSE(replay.sim.is_up(1));
}

TEST(Simulator, TraceLimitHaltsTheRunWithAFinalLimitRecord) {
  SimConfig c = fixed_latency(ms(1));
  c.trace_limit = 50;
  PingRun r(c, 2);
  r.proto.repeat = true;
  r.sim.start();
  r.sim.set_timer(0, ms(1), 0, 1);
  r.sim.run_until(ms(10'000));
  EXPECT_EQ(r.sim.halted(), HaltReason::TraceLimit);
  EXPECT_EQ(r.sim.trace().size(), 51u);
  EXPECT_EQ(r.sim.trace().back().kind, TraceKind::Limit);
  EXPECT_FALSE(r.sim.step());
}

TEST(Simulator, QueueLimitHaltsTheRun) {
  SimConfig c = fixed_latency(ms(1));
  c.queue_limit = 10;
  PingRun r(c, 2);
  r.sim.start();
  for (int i = 0; i < 20; ++i) r.sim.send(0, 1, 1, 1);
  EXPECT_EQ(r.sim.halted(), HaltReason::QueueLimit);
}

namespace {
// Records the keys of the State records it is given.
struct StateKeyObserver final : TraceObserver {
  explicit StateKeyObserver(std::uint64_t want) : want(want) {}
  void observe(const TraceEvent& ev) override { seen.push_back(ev.key); }
  std::uint32_t kinds() const override { return trace_kind_bit(TraceKind::State); }
  std::uint64_t keys(TraceKind) const override { return want; }
  std::uint64_t want;
  std::vector<std::uint16_t> seen;
};
}  // namespace

TEST(Simulator, ObserversAreCalledOnlyForTheKeysTheyAskForAndAllForKeysFrom64On) {
  PingRun r(fixed_latency(ms(1)), 3);
  StateKeyObserver busy(trace_key_bit(1)), none(0), all(kAllTraceKeys);
  r.sim.add_observer(&busy);
  r.sim.add_observer(&none);
  r.sim.add_observer(&all);
  r.sim.start();
  r.sim.run_until(ms(10));  // B and C each enter BUSY (key 1)
  r.sim.set_state(1, 9, 1, 0);   // key 0: only the observer of every key
  r.sim.set_state(1, 9, 0, 70);  // key 70 has no bit: every observer of the kind
  EXPECT_EQ(busy.seen, (std::vector<std::uint16_t>{1, 1, 70}));
  EXPECT_EQ(none.seen, (std::vector<std::uint16_t>{70}));
  EXPECT_EQ(all.seen, (std::vector<std::uint16_t>{1, 1, 0, 70}));
}

TEST(Simulator, WorkloadEventsRunInTimeOrderAndAreCountedAsWhenEveryOneWasKept) {
  // The table drops the events already run (it spans the pending ones), but the accountant counts
  // them as the vector of every event it was: room for 16, then doubling, 16 bytes each.
  PingRun r(fixed_latency(ms(1)), 2);
  const std::size_t before = r.sim.memory_used();
  r.sim.schedule_client(ms(50), 0, 1000);
  EXPECT_EQ(r.sim.memory_used(), before + 16 * 16);
  std::vector<TxnId> expected;
  Rng rng(5, 1);
  // Out of index order (later indices due earlier), and many more than 16 over the run.
  for (TxnId t = 1; t <= 15; ++t) r.sim.schedule_client(ms(40) - ms(static_cast<Time>(t)), 0, t);
  EXPECT_EQ(r.sim.memory_used(), before + 16 * 16);
  r.sim.schedule_client(ms(60), 0, 2000);  // the 17th
  EXPECT_EQ(r.sim.memory_used(), before + 32 * 16);
  for (TxnId t = 15; t >= 1; --t) expected.push_back(t);
  expected.push_back(1000);
  expected.push_back(2000);
  r.sim.start();  // the ping protocol's own client event: txn 1 at time 0
  expected.insert(expected.begin(), 1);
  r.sim.run_until(ms(100));
  // Then 100 more at random delays: run by delay, ties in the order they were scheduled.
  std::vector<std::pair<Time, TxnId>> more;
  for (TxnId t = 3000; t < 3100; ++t) more.emplace_back(static_cast<Time>(rng.below(50)) * 100, t);
  for (const auto& [delay, t] : more) r.sim.schedule_client(delay, 0, t);
  std::stable_sort(more.begin(), more.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& m : more) expected.push_back(m.second);
  r.sim.run_until(ms(200));
  std::vector<TxnId> got;
  for (const Message& m : r.proto.received)
    if (m.type == 0) got.push_back(m.txn);
  EXPECT_EQ(got, expected);
}
