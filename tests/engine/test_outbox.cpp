#include <gtest/gtest.h>

#include "protocols/outbox.hpp"
#include "saga_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::outbox;

namespace {
constexpr NodeId SVC = 0, RELAY = 1, BROKER = 2, CONSUMER = 3;     // outbox
constexpr NodeId DW_BROKER = 1, DW_CONSUMER = 2;                    // dual-write

Scenario ob(nlohmann::json params, std::uint64_t seed = 1, Time until = ms(3000)) {
  return scenario_of("outbox", std::move(params), seed, until);
}
Scenario dw(nlohmann::json params, std::uint64_t seed = 1, Time until = ms(3000)) {
  return scenario_of("dual-write", std::move(params), seed, until);
}
}  // namespace

TEST(Outbox, OrderAndOutboxRowAreOneTransactionThenRelayedOnce) {
  auto s = build(ob({{"orders", 3}}));
  s->run();
  for (TxnId t = 1; t <= 3; ++t) EXPECT_EQ(outcome(*s, t), TxnOutcome::Committed);
  // ORDER and OUTBOX are appended together, at the same instant, for every order.
  const auto& log = s->sim().log(SVC);
  for (TxnId t = 1; t <= 3; ++t) {
    int i_order = -1, i_outbox = -1;
    for (std::size_t i = 0; i < log.size(); ++i) {
      if (log[i].txn == t && log[i].type == REC_ORDER) i_order = static_cast<int>(i);
      if (log[i].txn == t && log[i].type == REC_OUTBOX) i_outbox = static_cast<int>(i);
    }
    ASSERT_GE(i_order, 0);
    EXPECT_EQ(i_outbox, i_order + 1);
  }
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_OUTBOX_SENT, SVC), 3);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, PUBLISH, RELAY), 3);
  EXPECT_EQ(metric(*s, "effects_applied"), 3);
  EXPECT_EQ(metric(*s, "duplicate_effects"), 0);
  EXPECT_EQ(metric(*s, "outbox_unsent"), 0);
  expect_all_hold(*s);
}

TEST(Outbox, RelayCrashBetweenPublishAndMarkRepublishesAndTheConsumerDeduplicates) {
  Scenario sc = ob({{"orders", 1}});
  sc.faults.push_back(on_sent(PUBLISH, RELAY, 1, crash(RELAY)));
  sc.faults.push_back(at(ms(300), restart(RELAY)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, PUBLISH, RELAY), 2);            // published twice
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_EVENT_STORED, BROKER), 2);  // the broker keeps both
  EXPECT_EQ(metric(*s, "duplicates_suppressed"), 1);
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_APPLIED, CONSUMER), 1);  // applied once
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_OUTBOX_SENT, SVC), 1);
  expect_all_hold(*s);
}

TEST(Outbox, WithoutAnIdempotentConsumerTheRepublishIsAppliedTwice) {
  Scenario sc = ob({{"orders", 1}, {"idempotent_consumer", false}});
  sc.faults.push_back(on_sent(PUBLISH, RELAY, 1, crash(RELAY)));
  sc.faults.push_back(at(ms(300), restart(RELAY)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(metric(*s, "duplicate_effects"), 1);
  EXPECT_FALSE(invariant(*s, "exactly_once_effect")->held());
}

TEST(Outbox, OrderServiceCrashRightAfterCommitLosesNothing) {
  Scenario sc = ob({{"orders", 2}});
  sc.faults.push_back(on_state(SVC, COMMITTED, crash(SVC)));
  sc.faults.push_back(at(ms(400), restart(SVC)));
  auto s = build(sc);
  s->run();
  for (TxnId t = 1; t <= 2; ++t) EXPECT_EQ(outcome(*s, t), TxnOutcome::Committed);
  EXPECT_GE(count(s->sim(), TraceKind::Note, N_CLIENT_RETRY, SVC), 1);  // order 2 waited for the restart
  EXPECT_EQ(metric(*s, "lost_events"), 0);
  expect_all_hold(*s);
}

TEST(Outbox, BrokerAndConsumerCrashesAreRiddenOut) {
  Scenario sc = ob({{"orders", 10}, {"interval_ms", 5}});
  sc.faults.push_back(on_sent(DELIVER, BROKER, 3, crash(CONSUMER)));
  sc.faults.push_back(on_sent(PUBLISH_ACK, BROKER, 5, crash(BROKER)));
  sc.faults.push_back(at(ms(500), restart(CONSUMER)));
  sc.faults.push_back(at(ms(700), restart(BROKER)));
  auto s = build(sc);
  s->run();
  for (TxnId t = 1; t <= 10; ++t) EXPECT_EQ(outcome(*s, t), TxnOutcome::Committed) << t;
  EXPECT_GT(metric(*s, "redeliveries"), 0);
  expect_all_hold(*s);
}

// ---- dual-write: the problem the outbox solves ----

TEST(DualWrite, CrashBetweenCommitAndPublishLosesTheEvent) {
  Scenario sc = dw({{"orders", 1}});
  sc.faults.push_back(on_state(SVC, COMMITTED, crash(SVC)));
  sc.faults.push_back(at(ms(200), restart(SVC)));
  auto s = build(sc);
  ASSERT_EQ(s->sim().nodes().size(), 3u);
  s->run();
  EXPECT_EQ(s->sim().log(SVC).size(), 1u);  // the order exists
  EXPECT_EQ(count(s->sim(), TraceKind::Send, PUBLISH), 0);
  EXPECT_TRUE(s->sim().log(DW_CONSUMER).empty());  // ... but nobody downstream ever hears of it
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::InProgress);
  EXPECT_EQ(metric(*s, "lost_events"), 1);
  EXPECT_EQ(count(s->sim(), TraceKind::Note, N_EVENT_LOST, SVC), 1);
  const Invariant* once = invariant(*s, "exactly_once_effect");
  ASSERT_NE(once, nullptr);
  EXPECT_FALSE(once->held());
  EXPECT_EQ(once->first_violation().kind, TraceKind::Note);
}

TEST(DualWrite, RetryAfterALostAcknowledgementDuplicatesTheEffect) {
  Scenario sc = dw({{"orders", 1}, {"publish_timeout_ms", 100}});
  sc.faults.push_back(on_sent(PUBLISH, SVC, 1, drop_next(DW_BROKER, SVC)));  // the PUBLISH_ACK
  auto s = build(sc);
  s->run();
  EXPECT_EQ(count(s->sim(), TraceKind::Send, PUBLISH, SVC), 2);
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_APPLIED, DW_CONSUMER), 2);
  EXPECT_EQ(metric(*s, "duplicate_effects"), 1);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_FALSE(invariant(*s, "exactly_once_effect")->held());
  EXPECT_TRUE(invariant(*s, "effect_after_commit")->held());
}

TEST(DualWrite, WithoutFaultsItLooksFine) {
  auto s = build(dw({{"orders", 5}}));
  s->run();
  for (TxnId t = 1; t <= 5; ++t) EXPECT_EQ(outcome(*s, t), TxnOutcome::Committed);
  expect_all_hold(*s);
  Diagnostics errors;
  EXPECT_EQ(Simulation::create(dw({{"poll_ms", 10}}), errors), nullptr);  // no relay here
}

TEST(DualWrite, TheSameFaultsUnderTheOutboxKeepExactlyOnce) {
  // The dual-write's crash and lost acknowledgement, replayed on the outbox: nothing lost or doubled.
  Scenario sc = ob({{"orders", 1}});
  sc.faults.push_back(on_state(SVC, COMMITTED, crash(SVC)));
  sc.faults.push_back(at(ms(200), restart(SVC)));
  sc.faults.push_back(on_sent(PUBLISH, RELAY, 1, drop_next(BROKER, RELAY)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_APPLIED, CONSUMER), 1);
  expect_all_hold(*s);
}
