// The FIFO resource locks shared by 2PC and 3PC: grant order, queue handling and the trace events
// that the protocols' traces (and their hashes) are made of.
#include <gtest/gtest.h>

#include "protocols/lock_table.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {
std::vector<std::pair<TraceKind, TxnId>> lock_events(const Simulator& sim) {
  std::vector<std::pair<TraceKind, TxnId>> out;
  for (const TraceEvent& e : sim.trace())
    if (e.kind == TraceKind::LockAcquire || e.kind == TraceKind::LockWait || e.kind == TraceKind::LockRelease)
      out.emplace_back(e.kind, e.txn);
  return out;
}
}  // namespace

TEST(LockTable, GrantsInArrivalOrderAndTracesEachStep) {
  PingProtocol p(1);
  Simulator sim(SimConfig{}, p);
  sim.add_node("A", "node");
  LockTable locks;
  LockClaim a{1}, b{1}, c{1};
  locks.acquire(sim, 0, 1, a);
  locks.acquire(sim, 0, 2, b);
  locks.acquire(sim, 0, 3, c);
  EXPECT_TRUE(a.held);
  EXPECT_TRUE(b.waiting);
  EXPECT_TRUE(c.waiting);
  EXPECT_EQ(locks.held(), 1);
  EXPECT_EQ(locks.waiting(), 2);
  std::vector<LockView> views;
  locks.append_views(views);
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].resource, 1);
  EXPECT_EQ(views[0].holder, 1u);
  EXPECT_EQ(views[0].waiters, (std::vector<TxnId>{2, 3}));

  // A waiter that gives up leaves the queue without a trace event.
  EXPECT_EQ(locks.release(sim, 0, 3, c), 0u);
  EXPECT_FALSE(c.waiting);
  // The holder's release hands the lock to the oldest waiter.
  EXPECT_EQ(locks.release(sim, 0, 1, a), 2u);
  LockTable::grant(b);
  EXPECT_FALSE(a.held);
  EXPECT_TRUE(b.held);
  EXPECT_FALSE(b.waiting);
  EXPECT_EQ(locks.release(sim, 0, 2, b), 0u);
  EXPECT_EQ(locks.held(), 0);
  // Releasing a claim that holds nothing changes nothing.
  EXPECT_EQ(locks.release(sim, 0, 2, b), 0u);

  const std::vector<std::pair<TraceKind, TxnId>> expected{
      {TraceKind::LockAcquire, 1}, {TraceKind::LockWait, 2},    {TraceKind::LockWait, 3},
      {TraceKind::LockRelease, 1}, {TraceKind::LockAcquire, 2}, {TraceKind::LockRelease, 2}};
  EXPECT_EQ(lock_events(sim), expected);
}

TEST(LockTable, RestoreRetakesAndForgetClearsEverything) {
  PingProtocol p(1);
  Simulator sim(SimConfig{}, p);
  sim.add_node("A", "node");
  LockTable locks;
  LockClaim a{2}, b{2};
  locks.acquire(sim, 0, 1, a);
  locks.acquire(sim, 0, 2, b);
  locks.forget();  // a crash: the table is empty, the claims are the protocol's to reset
  std::vector<LockView> views;
  locks.append_views(views);
  EXPECT_TRUE(views.empty());

  LockClaim recovered{2};
  locks.restore(sim, 0, 5, recovered);
  EXPECT_TRUE(recovered.held);
  locks.append_views(views);
  ASSERT_EQ(views.size(), 1u);
  EXPECT_EQ(views[0].holder, 5u);
  EXPECT_TRUE(views[0].waiters.empty());
}

TEST(LockTable, KeepsAnEntryOnlyWhileALockIsHeldOrWaitedFor) {
  // A participant may have a million resources; the table must not hold one entry per resource.
  PingProtocol p(1);
  Simulator sim(SimConfig{}, p);
  sim.add_node("A", "node");
  LockTable locks;
  LockClaim a{999'999}, b{999'999}, c{7};
  locks.acquire(sim, 0, 1, a);
  locks.acquire(sim, 0, 2, b);
  locks.acquire(sim, 0, 3, c);
  EXPECT_EQ(locks.entries(), 2u);
  EXPECT_EQ(locks.release(sim, 0, 1, a), 2u);  // handed to the waiter: still in use
  LockTable::grant(b);
  EXPECT_EQ(locks.entries(), 2u);
  locks.release(sim, 0, 2, b);
  locks.release(sim, 0, 3, c);
  EXPECT_EQ(locks.entries(), 0u);
  LockClaim never{5};
  EXPECT_EQ(locks.release(sim, 0, 4, never), 0u);  // releasing what was never claimed adds nothing
  EXPECT_EQ(locks.entries(), 0u);
}

TEST(LockTable, ViewsAndEncodingStayInResourceOrderWhateverTheOrderOfClaims) {
  // The table is a sorted array: claims made out of order, freed in the middle and made again must
  // still be shown and encoded by resource (the explorer's canonical state depends on it).
  PingProtocol p(1);
  Simulator sim(SimConfig{}, p);
  sim.add_node("A", "node");
  LockTable locks;
  LockClaim c50{50}, c7{7}, c900{900}, c7b{7}, c20{20};
  locks.acquire(sim, 0, 1, c50);
  locks.acquire(sim, 0, 2, c7);
  locks.acquire(sim, 0, 3, c900);
  locks.acquire(sim, 0, 4, c7b);  // waits behind txn 2
  locks.release(sim, 0, 1, c50);  // the middle entry goes
  locks.acquire(sim, 0, 5, c20);  // and a new one takes its place
  std::vector<LockView> views;
  locks.append_views(views);
  ASSERT_EQ(views.size(), 3u);
  EXPECT_EQ(views[0].resource, 7);
  EXPECT_EQ(views[0].holder, 2u);
  EXPECT_EQ(views[0].waiters, (std::vector<TxnId>{4}));
  EXPECT_EQ(views[1].resource, 20);
  EXPECT_EQ(views[2].resource, 900);
  std::vector<std::int64_t> enc;
  locks.encode(enc);
  EXPECT_EQ(enc, (std::vector<std::int64_t>{3, 7, 2, 1, 4, 20, 5, 0, 900, 3, 0}));
  EXPECT_EQ(locks.held(), 3);
  EXPECT_EQ(locks.waiting(), 1);
}
