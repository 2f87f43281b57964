// The register linearizability checker on hand-made histories.
#include <gtest/gtest.h>

#include "check/linearizability.hpp"

using namespace cs;
using namespace cs::lin;

namespace {
Op w(std::uint32_t id, std::int64_t v, Time inv, Time resp) { return Op{id, true, v, {}, inv, resp}; }
Op r(std::uint32_t id, std::int64_t v, Time inv, Time resp) { return Op{id, false, 0, {v}, inv, resp}; }
}  // namespace

TEST(Linearizability, SequentialHistoryIsLinearizable) {
  EXPECT_EQ(check_register({w(1, 1, 0, 10), r(2, 1, 20, 30), w(3, 3, 40, 50), r(4, 3, 60, 70)}).verdict,
            Verdict::Linearizable);
}

TEST(Linearizability, ReadOfAnOverwrittenValueAfterTheOverwriteIsNot) {
  // w1 completes, w3 completes, then a read returns 1: stale.
  EXPECT_EQ(check_register({w(1, 1, 0, 10), w(3, 3, 20, 30), r(4, 1, 40, 50)}).verdict, Verdict::NotLinearizable);
  // Missing a completed write entirely (reading the initial value) is as bad.
  EXPECT_EQ(check_register({w(1, 1, 0, 10), r(2, 0, 20, 30)}).verdict, Verdict::NotLinearizable);
}

TEST(Linearizability, AReadConcurrentWithAWriteMaySeeEitherValue) {
  EXPECT_EQ(check_register({w(1, 1, 0, 100), r(2, 0, 10, 20)}).verdict, Verdict::Linearizable);
  EXPECT_EQ(check_register({w(1, 1, 0, 100), r(2, 1, 10, 20)}).verdict, Verdict::Linearizable);
  // ...but once one read saw the new value, a later read may not see the old one (new-old inversion).
  EXPECT_EQ(check_register({w(1, 1, 0, 100), r(2, 1, 10, 20), r(3, 0, 30, 40)}).verdict, Verdict::NotLinearizable);
}

TEST(Linearizability, AWriteThatNeverAnsweredMayOrMayNotHaveTakenEffect) {
  EXPECT_EQ(check_register({w(1, 1, 0, kNever), r(2, 0, 10, 20)}).verdict, Verdict::Linearizable);
  EXPECT_EQ(check_register({w(1, 1, 0, kNever), r(2, 1, 10, 20), r(3, 1, 30, 40)}).verdict, Verdict::Linearizable);
  EXPECT_EQ(check_register({w(1, 1, 0, kNever), r(2, 1, 10, 20), r(3, 0, 30, 40)}).verdict, Verdict::NotLinearizable);
}

TEST(Linearizability, SiblingsAndUnwrittenValuesAreNeverLinearizable) {
  Op sib{2, false, 0, {1, 3}, 50, 60};
  EXPECT_EQ(check_register({w(1, 1, 0, 10), w(3, 3, 0, 10), sib}).verdict, Verdict::NotLinearizable);
  EXPECT_EQ(check_register({r(1, 7, 0, 10)}).verdict, Verdict::NotLinearizable);
}

TEST(Linearizability, EqualTimesCountAsConcurrent) {
  // The read starts at the instant the write answers: either order is allowed.
  EXPECT_EQ(check_register({w(1, 1, 0, 10), r(2, 0, 10, 20)}).verdict, Verdict::Linearizable);
}

TEST(Linearizability, TheSearchIsBoundedAndSaysUnknownAtTheLimit) {
  // Many overlapping writes and a final impossible read: proving it takes a large search.
  std::vector<Op> ops;
  for (std::uint32_t i = 1; i <= 11; ++i) ops.push_back(w(i, i, 0, 1000));
  ops.push_back(r(99, 5, 2000, 2100));
  ops.push_back(r(100, 6, 2200, 2300));
  const Result small = check_register(ops, 0, 50);
  EXPECT_EQ(small.verdict, Verdict::Unknown);
  EXPECT_LE(small.states, 51u);
  EXPECT_EQ(check_register(ops, 0, 10'000'000).verdict, Verdict::NotLinearizable);
  EXPECT_EQ(verdict_key(Verdict::Unknown), "unknown");
}
