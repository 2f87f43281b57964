#include <gtest/gtest.h>

#include "protocols/saga/choreography.hpp"
#include "saga_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::saga_chor;

namespace {
constexpr NodeId BROKER = 0, ORDER = 1, PAYMENT = 2, INVENTORY = 3, SHIPPING = 4;

Scenario chor(nlohmann::json params, std::uint64_t seed = 1, Time until = ms(5000)) {
  return scenario_of("saga-choreography", std::move(params), seed, until);
}

// The events each service published (sent to the broker), in order.
std::vector<std::uint16_t> published(const Simulator& sim, NodeId n) {
  std::vector<std::uint16_t> out;
  for (const auto& e : sim.trace())
    if (e.kind == TraceKind::Send && e.node == n && e.peer == BROKER && e.key < kEventCount) out.push_back(e.key);
  return out;
}
}  // namespace

TEST(SagaChoreography, HappyPathIsAChainOfEvents) {
  auto s = build(chor({{"sagas", 1}}));
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_EQ(state_of(*s, ORDER), COMPLETED);
  for (NodeId n : {PAYMENT, INVENTORY, SHIPPING}) EXPECT_EQ(state_of(*s, n), DONE) << n;
  EXPECT_EQ(published(s->sim(), ORDER), std::vector<std::uint16_t>{ORDER_CREATED});
  EXPECT_EQ(published(s->sim(), PAYMENT), std::vector<std::uint16_t>{PAYMENT_CHARGED});
  EXPECT_EQ(published(s->sim(), INVENTORY), std::vector<std::uint16_t>{STOCK_RESERVED});
  EXPECT_EQ(published(s->sim(), SHIPPING), std::vector<std::uint16_t>{SHIPPED});
  // The broker delivers each event to its one subscriber, which acknowledges it.
  EXPECT_EQ(count(s->sim(), TraceKind::Deliver, PAYMENT_CHARGED, INVENTORY), 1);
  EXPECT_EQ(count(s->sim(), TraceKind::Deliver, SHIPPED, ORDER), 1);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, DELIVERY_ACK), 4);
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_EVENT_STORED, BROKER), 4);
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_EVENT_ACKED, BROKER), 4);
  // Every message of the saga carries its correlation id.
  for (const auto& e : s->sim().trace()) {
    if (e.kind == TraceKind::Send) {
      EXPECT_EQ(e.txn, 1u);
    }
  }
  expect_all_hold(*s);
}

TEST(SagaChoreography, ShippingFailureSendsCompensationEventsBackwards) {
  auto s = build(chor({{"fail_step", "shipping"}}));
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  EXPECT_EQ(published(s->sim(), SHIPPING), std::vector<std::uint16_t>{SHIPPING_FAILED});
  EXPECT_EQ(published(s->sim(), INVENTORY), (std::vector<std::uint16_t>{STOCK_RESERVED, STOCK_RELEASED}));
  EXPECT_EQ(published(s->sim(), PAYMENT), (std::vector<std::uint16_t>{PAYMENT_CHARGED, PAYMENT_REFUNDED}));
  EXPECT_EQ(state_of(*s, ORDER), COMPENSATED);
  EXPECT_EQ(state_of(*s, SHIPPING), FAILED);
  // Who did what, from the notes: compensations ran at INVENTORY, then PAYMENT, then ORDER.
  std::vector<NodeId> order;
  for (const auto& e : s->sim().trace())
    if (e.kind == TraceKind::Note && e.key == N_STEP_COMPENSATED) order.push_back(e.node);
  EXPECT_EQ(order, (std::vector<NodeId>{INVENTORY, PAYMENT, ORDER}));
  expect_all_hold(*s);
}

TEST(SagaChoreography, PaymentFailureCancelsTheOrder) {
  auto s = build(chor({{"fail_step", "payment"}}));
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  EXPECT_EQ(published(s->sim(), PAYMENT), std::vector<std::uint16_t>{PAYMENT_FAILED});
  EXPECT_TRUE(s->sim().log(INVENTORY).empty());
  expect_all_hold(*s);
}

TEST(SagaChoreography, ALostEventIsRecoveredByRedelivery) {
  // The broker's delivery of PAYMENT_CHARGED to INVENTORY is lost; the broker delivers it again.
  Scenario sc = chor({{"redeliver_ms", 150}});
  sc.faults.push_back(on_sent(PAYMENT_CHARGED, PAYMENT, 1, drop_next(BROKER, INVENTORY)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  int dropped = 0;
  for (const auto& e : s->sim().trace()) dropped += e.kind == TraceKind::Drop && e.key == PAYMENT_CHARGED;
  EXPECT_EQ(dropped, 1);
  EXPECT_EQ(count(s->sim(), TraceKind::Note, N_REDELIVERY, BROKER), 1);
  EXPECT_EQ(count(s->sim(), TraceKind::Deliver, PAYMENT_CHARGED, INVENTORY), 1);
  expect_all_hold(*s);
}

TEST(SagaChoreography, ALostAcknowledgementCausesADuplicateThatIsSuppressed) {
  Scenario sc = chor({{"redeliver_ms", 150}});
  sc.faults.push_back(on_sent(DELIVERY_ACK, PAYMENT, 1, FaultAction{FaultKind::Cut, PAYMENT, BROKER, {}, {}}));
  sc.faults.push_back(at(ms(100), heal(PAYMENT, BROKER)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_GE(count(s->sim(), TraceKind::Note, N_DUPLICATE_SUPPRESSED, PAYMENT), 1);
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_APPLIED, PAYMENT), 1);  // charged once
  expect_all_hold(*s);
}

TEST(SagaChoreography, SubscriberCrashMeansRedeliveryAfterItsRestart) {
  Scenario sc = chor({{"fail_step", "shipping"}});
  // INVENTORY crashes inside its handler: the reservation and the event to publish are logged, but
  // neither the acknowledgement nor the event left.
  sc.faults.push_back(on_state(INVENTORY, DONE, crash(INVENTORY)));
  sc.faults.push_back(at(ms(700), restart(INVENTORY)));
  auto s = build(sc);
  s->sim().run_until(ms(650));
  EXPECT_GE(count(s->sim(), TraceKind::Note, N_REDELIVERY, BROKER), 2);  // into a crashed node
  EXPECT_TRUE(published(s->sim(), INVENTORY).empty());
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  // After its restart the broker redelivers PAYMENT_CHARGED; INVENTORY's idempotency table (read back
  // from its log) suppresses it, and its local outbox publishes STOCK_RESERVED.
  EXPECT_GE(count(s->sim(), TraceKind::Note, N_DUPLICATE_SUPPRESSED, INVENTORY), 1);
  EXPECT_EQ(count(s->sim(), TraceKind::LogAppend, REC_APPLIED, INVENTORY), 1);
  EXPECT_EQ(published(s->sim(), INVENTORY), (std::vector<std::uint16_t>{STOCK_RESERVED, STOCK_RELEASED}));
  expect_all_hold(*s);
}

TEST(SagaChoreography, BrokerCrashKeepsStoredEvents) {
  Scenario sc = chor({{"sagas", 3}, {"fail_step", "inventory"}, {"fail_sagas", {2}}});
  sc.faults.push_back(on_sent(PAYMENT_CHARGED, BROKER, 2, crash(BROKER)));
  sc.faults.push_back(at(ms(500), restart(BROKER)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_EQ(outcome(*s, 2), TxnOutcome::Aborted);
  EXPECT_EQ(outcome(*s, 3), TxnOutcome::Committed);
  EXPECT_GE(metric(*s, "redeliveries"), 1);
  expect_all_hold(*s);
}

TEST(SagaChoreography, CompensationFailuresAreRetriedByRedelivery) {
  auto s = build(chor({{"fail_step", "shipping"}, {"compensation_failures", 2}, {"redeliver_ms", 100}}));
  s->run();
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  EXPECT_EQ(metric(*s, "compensation_failures"), 6);
  EXPECT_EQ(metric(*s, "compensations"), 3);
  expect_all_hold(*s);
}

TEST(SagaChoreography, ManySagasWithLossAndDuplication) {
  Scenario sc = chor({{"sagas", 100}, {"interval_ms", 3}, {"fail_step", "inventory"}, {"fail_probability", 0.3}}, 5, ms(20'000));
  sc.network.loss = Ratio{5, 100};
  sc.network.duplicate = Ratio{10, 100};
  auto s = build(sc);
  s->run();
  EXPECT_EQ(metric(*s, "sagas_running"), 0);
  EXPECT_GT(metric(*s, "duplicates_suppressed"), 10);
  EXPECT_GT(metric(*s, "redeliveries"), 5);
  EXPECT_EQ(metric(*s, "events_pending"), 0);
  expect_all_hold(*s);
  Diagnostics errors;
  EXPECT_EQ(Simulation::create(chor({{"fail_mode", "timeout"}}), errors), nullptr);
}
