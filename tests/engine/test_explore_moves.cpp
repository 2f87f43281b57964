// The explorer's moves as structured descriptions (engine/explore/move_description.hpp): the one
// walk of a Choice that the CLI (English) and the window (tr()) both word.
#include <gtest/gtest.h>

#include "explore/move_description.hpp"
#include "protocols/registry.hpp"

using namespace cs;
using namespace cs::explore;
using K = MoveDescription::Kind;

namespace {

std::unique_ptr<Protocol> two_pc(int participants) {
  Diagnostics d;
  auto p = find_protocol("2pc")->create(nlohmann::json{{"participants", participants}}, d);
  EXPECT_NE(p, nullptr);
  return p;
}

Choice step(EventStepKind kind, NodeId from, NodeId to, std::uint16_t type, TxnId txn) {
  Choice c;
  c.step = ScheduledStep{kind, from, to, type, txn, 0, 0, {}};
  return c;
}

}  // namespace

TEST(ExploreMoves, MessageMovesNameTheMessageItsSenderAndItsReceiver) {
  const auto p = two_pc(2);
  const auto nodes = p->node_specs();
  const std::uint16_t prepare = static_cast<std::uint16_t>(p->info().message_index("PREPARE"));
  for (const auto& [kind, want] : {std::pair{EventStepKind::Deliver, K::Deliver}, std::pair{EventStepKind::Drop, K::Drop},
                                   std::pair{EventStepKind::Duplicate, K::Duplicate}}) {
    const MoveDescription d = describe_move(step(kind, 0, 2, prepare, 1), *p, nodes);
    EXPECT_EQ(d.kind, want);
    EXPECT_EQ(d.key, "PREPARE");
    EXPECT_EQ(d.from, "C");
    EXPECT_EQ(d.node, "P2");
    EXPECT_EQ(d.txn, 1u);
  }
}

TEST(ExploreMoves, TimerClientAndFaultMovesNameWhatTheyTouch) {
  const auto p = two_pc(2);
  const auto nodes = p->node_specs();
  const MoveDescription timer = describe_move(step(EventStepKind::Timer, kNoNode, 1, 3, 1), *p, nodes);
  EXPECT_EQ(timer.kind, K::Timer);
  EXPECT_EQ(timer.key, "decision_timeout");
  EXPECT_EQ(timer.node, "P1");
  EXPECT_TRUE(timer.from.empty());
  EXPECT_EQ(describe_move(step(EventStepKind::Client, kNoNode, kNoNode, 0, 2), *p, nodes),
            (MoveDescription{.kind = K::Client, .txn = 2}));
  Choice crash;
  crash.kind = Choice::Kind::Crash;
  crash.node = 0;
  EXPECT_EQ(describe_move(crash, *p, nodes), (MoveDescription{.kind = K::Crash, .node = "C"}));
  crash.kind = Choice::Kind::Restart;
  EXPECT_EQ(describe_move(crash, *p, nodes).kind, K::Restart);
  const Choice split{Choice::Kind::Partition, {}, kNoNode, 0b100, 3};
  const MoveDescription d = describe_move(split, *p, nodes);
  EXPECT_EQ(d.kind, K::Partition);
  EXPECT_EQ(d.side_a, (std::vector<std::string>{"C", "P1"}));
  EXPECT_EQ(d.side_b, (std::vector<std::string>{"P2"}));
  EXPECT_EQ(describe_move(Choice{Choice::Kind::Heal, {}, kNoNode, 0, 0}, *p, nodes).kind, K::Heal);
}

// An index the protocol does not name is shown as "#n", never read out of range.
TEST(ExploreMoves, AnUnknownKeyOrNodeIsShownAsSuch) {
  const auto p = two_pc(1);
  const MoveDescription d = describe_move(step(EventStepKind::Deliver, 0, 7, 99, 1), *p, p->node_specs());
  EXPECT_EQ(d.key, "#99");
  EXPECT_EQ(d.node, "?");
}
