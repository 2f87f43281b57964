// The TLA+ models of transaction commit (tlaplus/Examples, specifications/transaction_commit),
// explored breadth-first: the numbers of distinct states are TLC's, and the invariants hold.
#include <gtest/gtest.h>

#include "explore/textbook_models.hpp"

namespace {

// Two RMs that may commit or abort whatever the other did: TCConsistent breaks two steps in.
struct Broken {
  static constexpr std::size_t kWords = 1;
  using State = cs::explore::Packed<1>;
  State initial() const { return {0}; }
  template <class Emit>
  void successors(const State& s, Emit&& emit) const {
    for (int r = 0; r < 2; ++r)
      for (std::uint64_t v : {2u, 3u})  // committed or aborted, whatever the others did
        if (((s[0] >> (2 * r)) & 3u) == 0) emit(State{s[0] | (v << (2 * r))});
  }
  const char* violated(const State& s) const {
    const bool c = (s[0] & 3u) == 2 || ((s[0] >> 2) & 3u) == 2;
    const bool a = (s[0] & 3u) == 3 || ((s[0] >> 2) & 3u) == 3;
    return c && a ? "TCConsistent" : nullptr;
  }
  std::string describe(const State&) const { return {}; }
};

cs::explore::Result run(const char* model, int rms, int acceptors = 3, int ballots = 2) {
  cs::explore::Result r;
  std::string error;
  EXPECT_TRUE(cs::explore::explore_model(model, {rms, acceptors, ballots}, {}, r, error)) << error;
  return r;
}

}  // namespace

TEST(TextbookModels, TCommitWithThreeRmsHasTlcsThirtyFourStates) {
  const auto r = run("tcommit", 3);
  EXPECT_EQ(r.distinct_states, 34u);
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.violations.empty());
}

TEST(TextbookModels, TwoPhaseCountsMatchTlc) {
  const auto three = run("twophase", 3);
  EXPECT_EQ(three.distinct_states, 288u);
  EXPECT_TRUE(three.violations.empty());
  const auto six = run("twophase", 6);
  EXPECT_EQ(six.distinct_states, 50816u);
  EXPECT_TRUE(six.violations.empty());
  EXPECT_TRUE(six.complete);
}

TEST(TextbookModels, PaxosCommitWithTwoRmsThreeAcceptorsTwoBallotsMatchesTlc) {
  const auto r = run("paxoscommit", 2, 3, 2);
  EXPECT_EQ(r.distinct_states, 1321761u);
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.violations.empty()) << r.violations.front().invariant;
}

TEST(TextbookModels, ALimitStopsTheSearchAndSaysSo) {
  cs::explore::Result r;
  std::string error;
  ASSERT_TRUE(cs::explore::explore_model("twophase", {6, 3, 2}, {.max_states = 1000}, r, error));
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(r.stopped_by, "max_states");
  EXPECT_LE(r.distinct_states, 1001u);
  ASSERT_TRUE(cs::explore::explore_model("twophase", {6, 3, 2}, {.max_memory = 4096}, r, error));
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(r.stopped_by, "max_memory");
}

TEST(TextbookModels, UnknownModelsAndImpossibleSizesAreRefusedWithAReason) {
  cs::explore::Result r;
  std::string error;
  EXPECT_FALSE(cs::explore::explore_model("threephase", {3, 3, 2}, {}, r, error));
  EXPECT_NE(error.find("unknown model"), std::string::npos);
  EXPECT_FALSE(cs::explore::explore_model("twophase", {0, 3, 2}, {}, r, error));
  EXPECT_NE(error.find("--rms"), std::string::npos);
  EXPECT_FALSE(cs::explore::explore_model("paxoscommit", {2, 9, 2}, {}, r, error));
  EXPECT_NE(error.find("--acceptors"), std::string::npos);
}

// The state counts are not an accident of the encoding: a model in which an RM may commit without
// the others (a broken commit rule) is caught by TCConsistent at the shallowest depth.
TEST(TextbookModels, BreadthFirstReportsTheShallowestViolation) {
  const auto r = cs::explore::explore(Broken{}, {});
  ASSERT_EQ(r.violations.size(), 1u);
  EXPECT_EQ(r.violations.front().invariant, "TCConsistent");
  EXPECT_EQ(r.violations.front().depth, 2);
  EXPECT_EQ(r.distinct_states, 9u);
}
