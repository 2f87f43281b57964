// The chunk pool behind the durable logs, the message table and 2PC's per-transaction windows
// (sim/chunk_pool.hpp): freed slots are reused, a container copied from a pooled one uses the heap
// (so a clone outlives the run it was copied from), and a pooled run is the same run as before.
#include <gtest/gtest.h>

#include <deque>
#include <memory>

#include "sim/chunk_pool.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

using PooledDeque = std::deque<std::int64_t, ChunkAllocator<std::int64_t>>;

Scenario busy_2pc(int transactions) {
  Scenario sc = two_pc({{"participants", 5}, {"transactions", transactions}, {"interval_ms", 4}, {"resources", 1000}}, 3,
                       ms(60'000));
  sc.network.latency_lo = ms(1);
  sc.network.latency_hi = ms(3);
  return sc;
}

}  // namespace

TEST(ChunkPool, ReusesFreedSlotsAndTakesMoreOnlyWhenFull) {
  ChunkPool pool;
  PooledDeque d{ChunkAllocator<std::int64_t>(&pool)};
  for (int i = 0; i < 20000; ++i) d.push_back(i);  // 64 per 512-byte block: past the first 64 KiB
  const std::size_t reserved = pool.reserved();
  EXPECT_GT(reserved, std::size_t{64} << 10);
  // A sliding window (a log truncated at checkpoints): its blocks come back and are taken again.
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 15000; ++i) d.pop_front();
    for (int i = 0; i < 15000; ++i) d.push_back(round * 15000 + i);
  }
  EXPECT_EQ(pool.reserved(), reserved);
  EXPECT_EQ(d.size(), 20000u);
  EXPECT_EQ(d.front(), 49 * 15000 - 5000);
  EXPECT_EQ(d.back(), 49 * 15000 + 14999);
}

TEST(ChunkPool, CopiesUseTheHeapAndMovesKeepThePool) {
  ChunkPool pool;
  PooledDeque a{ChunkAllocator<std::int64_t>(&pool)};
  for (int i = 0; i < 100; ++i) a.push_back(i);
  PooledDeque copy = a;
  EXPECT_EQ(copy.get_allocator().pool(), nullptr);
  EXPECT_EQ(copy, a);
  PooledDeque moved = std::move(a);
  EXPECT_EQ(moved.get_allocator().pool(), &pool);
  PooledDeque assigned;
  assigned = std::move(moved);  // propagates: the pool goes with the blocks
  EXPECT_EQ(assigned.get_allocator().pool(), &pool);
  EXPECT_EQ(assigned, copy);
  // A copied pool is a new, empty one.
  const ChunkPool other = pool;
  EXPECT_EQ(other.reserved(), 0u);
}

TEST(ChunkPool, ACloneRunsOnAfterTheRunItWasCopiedFromIsGone) {
  // Big enough that the logs and the 2PC windows leave the pools' first blocks.
  const Scenario sc = busy_2pc(2000);
  Diagnostics errors;
  auto straight = Simulation::create(sc, errors);
  ASSERT_TRUE(straight);
  straight->run();

  auto original = Simulation::create(sc, errors);
  ASSERT_TRUE(original);
  original->sim().run_until(ms(4000));
  std::unique_ptr<Simulation> clone = original->clone();
  ASSERT_TRUE(clone);
  EXPECT_NE(original->sim().messages().get_allocator().pool(), nullptr);
  EXPECT_EQ(clone->sim().messages().get_allocator().pool(), nullptr);
  original.reset();  // its pools go; the clone's logs, messages and windows must not be in them
  clone->run();

  ASSERT_EQ(clone->sim().trace().size(), straight->sim().trace().size());
  for (std::size_t i = 0; i < straight->sim().trace().size(); ++i) {
    const TraceEvent& a = clone->sim().trace()[i];
    const TraceEvent& b = straight->sim().trace()[i];
    ASSERT_TRUE(a.seq == b.seq && a.time == b.time && a.kind == b.kind && a.node == b.node && a.txn == b.txn &&
                a.key == b.key && a.value == b.value && a.msg == b.msg)
        << "record " << i;
  }
  for (NodeId n = 0; n < 6; ++n) {
    const DurableLog& a = clone->sim().log(n);
    const DurableLog& b = straight->sim().log(n);
    ASSERT_EQ(a.size(), b.size());
    EXPECT_GE(a.size(), 4000u);  // 2 records per transaction at least: 96 KiB
    for (std::size_t i = 0; i < a.size(); ++i)
      ASSERT_TRUE(a[i].time == b[i].time && a[i].type == b[i].type && a[i].txn == b[i].txn && a[i].value == b[i].value);
  }
  EXPECT_TRUE(clone->invariants_hold());
  EXPECT_EQ(clone->protocol().transactions().size(), 2000u);
}
