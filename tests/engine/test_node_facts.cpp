// The read-only facts the canvas's teaching aids put into words: running timers (node, key, fire
// time), when a node entered its state, and the last messages it sent.
#include <gtest/gtest.h>

#include "sim/node_facts.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::tpc;

namespace {
constexpr NodeId C = 0, P1 = 1, P2 = 2, P3 = 3;
}  // namespace

TEST(PendingTimers, ListsRunningTimersWithFireTimesAndDropsCancelledFiredAndVoided) {
  PingRun r;
  r.sim.start();
  const std::uint32_t a = r.sim.set_timer(0, ms(30), 0, 7);
  r.sim.set_timer(1, ms(10), 0, 8);
  const std::uint32_t c = r.sim.set_timer(2, ms(20), 0, 9);
  auto all = r.sim.pending_timers();
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].node, 1);  // in the order they fire
  EXPECT_EQ(all[0].fire_at, ms(10));
  EXPECT_EQ(all[1].node, 2);
  EXPECT_EQ(all[2].node, 0);
  EXPECT_EQ(all[2].txn, 7u);
  EXPECT_EQ(all[2].set_at, 0);
  EXPECT_EQ(all[2].fire_at, ms(30));
  ASSERT_EQ(r.sim.pending_timers(0).size(), 1u);
  EXPECT_EQ(r.proto.info().timers[r.sim.pending_timers(0)[0].kind], "tick");

  r.sim.cancel_timer(c);
  r.sim.run_until(ms(15));  // node 1's timer fires
  all = r.sim.pending_timers();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].node, 0);
  r.sim.apply_now(crash(0));  // a crash voids node 0's timer
  EXPECT_TRUE(r.sim.pending_timers().empty());
  r.sim.apply_now(restart(0));
  EXPECT_TRUE(r.sim.pending_timers(0).empty());
  (void)a;
}

TEST(NodeFacts, BlockedParticipantAskedAroundAndWaitsForItsRetryTimer) {
  Scenario sc = two_pc({{"participants", 3}, {"timeout_ms", 300}});
  sc.faults.push_back(on_state(C, WAIT, crash(C)));
  auto s = build(sc);
  s->sim().run_until(ms(700));
  const NodeFacts f = node_facts(s->sim(), P1);
  ASSERT_TRUE(f.view.blocked);
  EXPECT_EQ(f.view.state, READY);
  // It entered READY when it voted, long before now, and the stay has not restarted since.
  Time ready_at = -1;
  for (const auto& e : s->sim().trace())
    if (e.kind == TraceKind::State && e.node == P1 && e.key == READY && ready_at < 0) ready_at = e.time;
  EXPECT_EQ(f.state_since, ready_at);
  EXPECT_LT(f.state_since, ms(100));
  // Its last send: DECISION_REQUEST to the coordinator and the other participants, at one instant.
  ASSERT_TRUE(f.last_sent.has_value());
  EXPECT_EQ(f.last_sent->type, DECISION_REQUEST);
  EXPECT_EQ(f.last_sent->to, (std::vector<NodeId>{C, P2, P3}));
  EXPECT_GT(f.last_sent->at, ms(300));
  EXPECT_LE(f.last_sent->at, ms(700));
  // One running timer: the decision timeout, one timeout after that request.
  ASSERT_EQ(f.timers.size(), 1u);
  EXPECT_EQ(s->protocol().info().timers[f.timers[0].kind], "decision_timeout");
  EXPECT_EQ(f.timers[0].set_at, f.last_sent->at);
  EXPECT_EQ(f.timers[0].fire_at, f.last_sent->at + ms(300));
  EXPECT_GT(f.timers[0].fire_at, ms(700));
  // The crashed coordinator has no timers; it still remembers what it sent before the crash.
  const NodeFacts c = node_facts(s->sim(), C);
  EXPECT_FALSE(c.up);
  EXPECT_TRUE(c.timers.empty());
  ASSERT_TRUE(c.last_sent.has_value());
  EXPECT_EQ(c.last_sent->type, PREPARE);
}
