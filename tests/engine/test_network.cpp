// The network's one-shot faults (drop / duplicate the next message on a link) kept with a count of
// what is armed, so that a send with nothing armed anywhere asks no table (docs/benchmarks.md, issue
// 18's seventh pass); and send() with and without a payload.
#include <gtest/gtest.h>

#include <vector>

#include "sim/network.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;

TEST(Network, OneShotsAreTakenOncePerLinkInEitherDirectionWhateverElseIsArmed) {
  Network net;
  net.resize(4);
  EXPECT_FALSE(net.take_drop_next(0, 1));  // nothing armed
  net.arm_drop_next(0, 1);
  net.arm_drop_next(1, 0);  // the same (undirected) link: still one flag
  net.arm_duplicate_next(2, 3);
  EXPECT_TRUE(net.drop_next_armed(1, 0));
  EXPECT_FALSE(net.take_drop_next(0, 2));       // another link
  EXPECT_FALSE(net.take_duplicate_next(0, 1));  // the other kind
  EXPECT_TRUE(net.take_drop_next(1, 0));
  EXPECT_FALSE(net.take_drop_next(0, 1));  // one shot, though armed twice
  EXPECT_FALSE(net.drop_next_armed(0, 1));
  // The duplicate is still armed after the drop was taken (the count is of both kinds).
  EXPECT_TRUE(net.duplicate_next_armed(3, 2));
  EXPECT_TRUE(net.take_duplicate_next(3, 2));
  EXPECT_FALSE(net.take_duplicate_next(2, 3));
  // Armed again after being taken, and cleared by resize().
  net.arm_duplicate_next(0, 3);
  EXPECT_TRUE(net.take_duplicate_next(0, 3));
  net.arm_drop_next(1, 2);
  net.resize(4);
  EXPECT_FALSE(net.drop_next_armed(1, 2));
  EXPECT_FALSE(net.take_drop_next(1, 2));
  net.arm_drop_next(1, 2);
  EXPECT_TRUE(net.take_drop_next(2, 1));
}

TEST(Simulator, SendWithAndWithoutAPayloadDeliversWhatWasSent) {
  PingRun r(fixed_latency(ms(5)), 2);
  r.sim.start();
  const auto before = r.proto.received.size();
  const std::uint32_t plain = r.sim.send(0, 1, 1, 7, 3, 4);
  const std::uint32_t with = r.sim.send(0, 1, 1, 8, 5, 6, {10, 20, 30});
  ASSERT_NE(plain, 0u);
  ASSERT_NE(with, 0u);
  r.sim.run_until(ms(50));
  std::vector<const Message*> got;
  for (std::size_t i = before; i < r.proto.received.size(); ++i)
    if (r.proto.received[i].txn == 7 || r.proto.received[i].txn == 8) got.push_back(&r.proto.received[i]);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0]->a, 3);
  EXPECT_EQ(got[0]->b, 4);
  EXPECT_TRUE(got[0]->extra.empty());
  EXPECT_EQ(got[1]->a, 5);
  EXPECT_EQ(got[1]->b, 6);
  EXPECT_EQ(got[1]->extra, (std::vector<std::int64_t>{10, 20, 30}));
}
