// The simulator's timer table (RingTable): a sliding window that wraps round its ring and grows by
// doubling while wrapped must keep every record in order, as the std::deque it replaced did.
#include <gtest/gtest.h>

#include <cstdint>
#include <deque>

#include "sim/rng.hpp"
#include "sim/ring_table.hpp"

namespace {

struct Rec {
  std::uint32_t id = 0;
  std::int64_t value = 0;
};

}  // namespace

TEST(RingTable, KeepsTheOrderOfADequeThroughWrapsAndGrowth) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    cs::Rng rng(seed, 7);
    cs::RingTable<Rec> ring;
    std::deque<Rec> model;
    std::uint32_t next = 1;
    for (int step = 0; step < 5000; ++step) {
      // More pushes than pops on average, with long runs of pops: the front moves past the ring's
      // end many times, and the ring grows while wrapped.
      const bool push = model.empty() || rng.below(100) < (step % 1000 < 600 ? 60u : 35u);
      if (push) {
        const Rec r{next, static_cast<std::int64_t>(next) * 3};
        ++next;
        EXPECT_EQ(ring.push_back(r).id, r.id);
        model.push_back(r);
      } else {
        ASSERT_EQ(ring.front().id, model.front().id) << "seed " << seed << " step " << step;
        ring.pop_front();
        model.pop_front();
      }
      ASSERT_EQ(ring.size(), model.size());
      if (!model.empty()) {
        const std::size_t i = rng.below(model.size());
        ASSERT_EQ(ring[i].id, model[i].id) << "seed " << seed << " step " << step;
        ring[i].value += 1;  // writes through operator[] land on the same record
        model[i].value += 1;
      }
    }
    std::size_t i = 0;
    for (const Rec& r : ring) {
      ASSERT_LT(i, model.size());
      EXPECT_EQ(r.id, model[i].id);
      EXPECT_EQ(r.value, model[i].value);
      ++i;
    }
    EXPECT_EQ(i, model.size());
  }
}
