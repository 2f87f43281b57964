// The outbox with several downstream services ("consumers"): the broker delivers every event to
// each, each applies it exactly once with its own idempotency table, and an order is committed when
// the last one applied it. This is what `compare` maps "worker k" onto (docs/protocols.md).
#include <gtest/gtest.h>

#include "protocols/outbox.hpp"
#include "saga_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::outbox;

namespace {
constexpr NodeId BROKER = 2, C1 = 3, C2 = 4, C3 = 5;

int applied_at(const Simulation& s, NodeId node, TxnId order) {
  int n = 0;
  for (const auto& r : s.sim().log(node)) n += r.type == REC_APPLIED && r.txn == order;
  return n;
}

Time applied_time(const Simulation& s, NodeId node, TxnId order) {
  for (const auto& e : s.sim().trace())
    if (e.kind == TraceKind::LogAppend && e.node == node && e.key == REC_APPLIED && e.txn == order) return e.time;
  return -1;
}
}  // namespace

TEST(OutboxConsumers, EveryConsumerAppliesEveryOrderOnceAndTheLastOneEndsIt) {
  auto s = build(scenario_of("outbox", {{"orders", 4}, {"consumers", 3}}, 2, ms(3000)));
  const auto specs = s->protocol().node_specs();
  ASSERT_EQ(specs.size(), 6u);
  EXPECT_EQ(specs[C1].name, "CONSUMER1");
  EXPECT_EQ(specs[C3].name, "CONSUMER3");
  s->run();
  for (TxnId t = 1; t <= 4; ++t) {
    Time last = -1;
    for (NodeId c : {C1, C2, C3}) {
      EXPECT_EQ(applied_at(*s, c, t), 1) << "consumer " << c << " order " << t;
      last = std::max(last, applied_time(*s, c, t));
    }
    EXPECT_EQ(outcome(*s, t), TxnOutcome::Committed);
    EXPECT_EQ(s->protocol().transactions()[t - 1].ended, last) << "committed when the last consumer applied it";
  }
  EXPECT_EQ(metric(*s, "effects_applied"), 4);
  for (const auto& inv : s->invariants()) EXPECT_TRUE(inv->held()) << inv->key() << ": " << inv->violation();
}

// A consumer that is down holds its order back, and only it gets the redeliveries; a restarted
// broker redelivers only to the consumers that had not acknowledged.
TEST(OutboxConsumers, ACrashedConsumerDelaysOnlyItselfAndGetsItsOwnRedeliveries) {
  Scenario sc = scenario_of("outbox", {{"orders", 3}, {"consumers", 3}, {"redeliver_ms", 100}}, 4, ms(4000));
  sc.faults.push_back(at(0, crash(C2)));
  sc.faults.push_back(at(ms(600), crash(BROKER)));
  sc.faults.push_back(at(ms(700), restart(BROKER)));
  sc.faults.push_back(at(ms(900), restart(C2)));
  auto s = build(sc);
  s->sim().run_until(ms(500));
  for (TxnId t = 1; t <= 3; ++t) {
    EXPECT_EQ(applied_at(*s, C1, t), 1);
    EXPECT_EQ(applied_at(*s, C3, t), 1);
    EXPECT_EQ(outcome(*s, t), TxnOutcome::InProgress) << "C2 has not applied order " << t;
  }
  s->run();
  for (TxnId t = 1; t <= 3; ++t) {
    for (NodeId c : {C1, C2, C3}) EXPECT_EQ(applied_at(*s, c, t), 1) << "consumer " << c << " order " << t;
    EXPECT_EQ(outcome(*s, t), TxnOutcome::Committed);
  }
  int to_c1 = 0, to_c2 = 0;
  for (const auto& e : s->sim().trace())
    if (e.kind == TraceKind::Send && e.node == BROKER && e.key == DELIVER) {
      to_c1 += e.peer == C1;
      to_c2 += e.peer == C2;
    }
  EXPECT_EQ(to_c1, metric(*s, "events_stored")) << "C1 acknowledged every event the first time";
  EXPECT_GT(to_c2, 3);
  for (const auto& inv : s->invariants()) EXPECT_TRUE(inv->held()) << inv->key() << ": " << inv->violation();
}
