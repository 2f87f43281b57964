// 2PC's per-transaction window (protocols/two_phase_commit_window.hpp) in chunks: entries are made
// when first touched, a reference stays valid while later ones are made, finished entries at the
// front become summaries (their chunks freed), and copies are independent of the original's pool.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>

#include "protocols/two_phase_commit_window.hpp"

using cs::ChunkPool;
using cs::TxnId;
using cs::tpc::TxnWindow;

namespace {

struct Entry {
  std::uint8_t state = 0;  // 0 untouched, 1 running, 2 done
  std::uint32_t a = 0;
  std::int64_t b = 0;
  bool packable() const { return state == 2; }
  std::uint8_t pack() const { return static_cast<std::uint8_t>(state | (a & 1u) << 4); }
  static Entry unpack(std::uint8_t s) { return Entry{static_cast<std::uint8_t>(s & 0xFu), (s >> 4) & 1u, 0}; }
};

}  // namespace

TEST(TxnWindow, EntriesAreMadeOnTouchAndReferencesSurviveGrowth) {
  ChunkPool pool;
  TxnWindow<Entry> w(&pool);
  EXPECT_EQ(w.end(), 1u);
  Entry& first = w[1];
  first.a = 11;
  for (TxnId t = 2; t <= 5000; ++t) w[t].a = t;  // many chunks after the first
  EXPECT_EQ(&first, &w[1]);
  EXPECT_EQ(first.a, 11u);
  EXPECT_EQ(w.end(), 5001u);
  const TxnWindow<Entry>& cw = w;
  EXPECT_EQ(cw[7000].state, 0);  // untouched: not made by a read
  EXPECT_EQ(w.end(), 5001u);
  w[9000].b = 5;  // a jump makes everything up to it, untouched
  EXPECT_EQ(w.end(), 9001u);
  EXPECT_EQ(w[8999].a, 0u);
  EXPECT_EQ(w[9000].b, 5);
}

TEST(TxnWindow, ForgettingSummarisesTheFrontAndACopyOutlivesThePool) {
  auto pool = std::make_unique<ChunkPool>();
  auto w = std::make_unique<TxnWindow<Entry>>(pool.get());
  for (TxnId t = 1; t <= 3000; ++t) {
    (*w)[t].a = t;
    (*w)[t].state = t <= 2500 || t % 2 == 0 ? 2 : 1;
  }
  std::size_t gone = 0;
  EXPECT_EQ(w->forget_finished([&](const Entry& e) { gone += e.a; }), 2500u);
  EXPECT_EQ(gone, 2500u * 2501u / 2);
  EXPECT_EQ(w->base(), 2501u);
  EXPECT_EQ((*w)[1000].state, 2);  // a summary: the decision and the low bit of a
  EXPECT_EQ((*w)[1001].a, 1u);
  EXPECT_EQ((*w)[2502].a, 2502u);  // held in full

  TxnWindow<Entry> copy = *w;
  w.reset();
  pool.reset();
  EXPECT_EQ(copy.base(), 2501u);
  EXPECT_EQ(copy.end(), 3001u);
  EXPECT_EQ(copy[2999].a, 2999u);
  EXPECT_EQ(copy[999].a, 1u);
  int running = 0;
  copy.each_live([&](TxnId, const Entry& e) { running += e.state == 1; });
  EXPECT_EQ(running, 250);
  copy.crash([](std::uint8_t s) { return s; });
  EXPECT_EQ(copy[2999].state, 0);
  EXPECT_EQ(copy[999].state, 2);
}
