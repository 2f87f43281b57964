// TCC: the happy path and every failure lesson 15 shows: a TRY that fails, reservations that expire
// (and the late CONFIRM that is then refused — pinned as an all-or-nothing violation), the empty
// cancel and the late TRY it refuses, idempotent confirm/cancel, TM and service crashes.
#include <gtest/gtest.h>

#include "protocols/tcc/tcc.hpp"
#include "sim_test_support.hpp"

using namespace cs;
using namespace cs::testing;
using namespace cs::tcc;

namespace {
constexpr NodeId TM = 0, ACCOUNT = 1, INVENTORY = 2;

Scenario tcc_run(nlohmann::json params, std::uint64_t seed = 1, Time until = ms(5000)) {
  Scenario s;
  s.protocol = "tcc";
  s.seed = seed;
  s.until = until;
  s.params = std::move(params);
  return s;
}

const Invariant* invariant(const Simulation& s, const std::string& key) {
  for (const auto& inv : s.invariants())
    if (inv->key() == key) return inv.get();
  ADD_FAILURE() << "no invariant " << key;
  return nullptr;
}

void expect_all_hold(const Simulation& s) {
  for (const auto& inv : s.invariants())
    EXPECT_TRUE(inv->held()) << inv->key() << ": " << inv->violation() << " at seq " << inv->first_violation().seq;
}

std::int64_t metric(const Simulation& s, const std::string& key, NodeId node = kNoNode) {
  for (const auto& m : s.protocol().metrics())
    if (m.key == key && m.node == node) return m.value;
  ADD_FAILURE() << "no metric " << key;
  return -1;
}

std::uint16_t state_for(const Simulation& s, NodeId n) { return s.sim().node_view(n).state; }

FaultAction latency(Time lo, Time hi) {
  FaultAction a{FaultKind::SetNetwork, kNoNode, kNoNode, {}, {}};
  a.network.latency_lo = lo;
  a.network.latency_hi = hi;
  return a;
}
}  // namespace

TEST(Tcc, TryReservesThenConfirmConsumes) {
  auto s = build(tcc_run({{"services", 2}, {"amount", 100}, {"capacity", 1000}}));
  s->sim().run_until(ms(25));  // TRYs answered at most 20 ms in, CONFIRMs not yet delivered
  for (NodeId n : {ACCOUNT, INVENTORY}) {
    if (state_for(*s, n) != RESERVED) continue;  // latency is random: check only the reserved ones
    EXPECT_EQ(metric(*s, "frozen_amount", n), 100);
    EXPECT_EQ(metric(*s, "available", n), 900);
    EXPECT_EQ(s->sim().node_view(n).locks.size(), 1u);
  }
  s->run();
  EXPECT_EQ(state_for(*s, TM), CONFIRMED);
  for (NodeId n : {ACCOUNT, INVENTORY}) {
    EXPECT_EQ(state_for(*s, n), CONFIRMED);
    EXPECT_EQ(metric(*s, "frozen_amount", n), 0);
    EXPECT_EQ(metric(*s, "consumed", n), 100);
    EXPECT_EQ(metric(*s, "available", n), 900);
    ASSERT_EQ(s->sim().log(n).size(), 2u);
    EXPECT_EQ(s->sim().log(n)[0].type, REC_TRY);
    EXPECT_EQ(s->sim().log(n)[1].type, REC_CONFIRM);
  }
  const auto& log = s->sim().log(TM);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].type, REC_BEGIN);
  EXPECT_EQ(log[1].type, REC_CONFIRM);
  EXPECT_EQ(log[2].type, REC_END);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Committed);
  EXPECT_EQ(metric(*s, "tcc_confirmed"), 1);
  // The frozen amount is reported over time (a chart's series): up to 100, then back to 0.
  std::int64_t peak = 0;
  for (const auto& e : s->sim().trace())
    if (e.kind == TraceKind::Note && e.key == N_FROZEN) peak = std::max(peak, e.value);
  EXPECT_EQ(peak, 100);
  expect_all_hold(*s);
}

TEST(Tcc, TryFailsForLackOfFundsAndEverythingIsCancelled) {
  auto s = build(tcc_run({{"services", 2}, {"amount", 100}, {"capacity", {{"INVENTORY", 50}}}}));
  s->run();
  EXPECT_EQ(state_for(*s, INVENTORY), REJECTED);
  EXPECT_EQ(state_for(*s, ACCOUNT), CANCELLED);
  EXPECT_EQ(state_for(*s, TM), CANCELLED);
  EXPECT_EQ(metric(*s, "available", ACCOUNT), 1000);
  EXPECT_EQ(metric(*s, "frozen_amount"), 0);
  EXPECT_EQ(metric(*s, "try_rejections"), 1);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  expect_all_hold(*s);
}

TEST(Tcc, ReservationsExpireWhenTheTmDisappears) {
  // TM crashes right after its TRYs: nobody would ever release the frozen funds — but they expire.
  Scenario sc = tcc_run({{"services", 2}, {"reservation_ms", 500}});
  sc.faults.push_back(on_sent(TRY, TM, 2, crash(TM)));
  sc.faults.push_back(at(ms(1500), restart(TM)));
  auto s = build(sc);
  s->sim().run_until(ms(400));
  EXPECT_EQ(metric(*s, "reservations_held"), 2);
  EXPECT_EQ(metric(*s, "frozen_amount"), 200);
  s->sim().run_until(ms(1000));
  for (NodeId n : {ACCOUNT, INVENTORY}) EXPECT_EQ(state_for(*s, n), EXPIRED);
  EXPECT_EQ(metric(*s, "expirations"), 2);
  EXPECT_EQ(metric(*s, "frozen_amount"), 0);
  s->run();  // TM restarts with BEGIN and no decision: it cancels; CANCEL on EXPIRED is harmless
  EXPECT_EQ(state_for(*s, TM), CANCELLED);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  expect_all_hold(*s);
}

TEST(Tcc, LateConfirmAfterExpiryIsRefusedAndBreaksAllOrNothing) {
  // Pinned: the TM decides CONFIRM, reaches ACCOUNT, then crashes. It is back only after INVENTORY's
  // reservation expired: the re-sent CONFIRM is refused and reported, ACCOUNT stays confirmed.
  Scenario sc = tcc_run({{"services", 2}, {"reservation_ms", 500}});
  sc.faults.push_back(on_sent(CONFIRM, TM, 1, crash(TM)));
  sc.faults.push_back(at(ms(1500), restart(TM)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_for(*s, ACCOUNT), CONFIRMED);
  EXPECT_EQ(state_for(*s, INVENTORY), EXPIRED);
  EXPECT_EQ(metric(*s, "confirms_refused"), 1);
  EXPECT_EQ(count(s->sim(), TraceKind::Send, CONFIRM_FAILED, INVENTORY), 1);
  EXPECT_FALSE(invariant(*s, "all_or_nothing")->held());
  EXPECT_TRUE(invariant(*s, "confirm_xor_cancel")->held());
  EXPECT_TRUE(invariant(*s, "conservation")->held());
  EXPECT_TRUE(invariant(*s, "confirm_once")->held());
  EXPECT_EQ(state_for(*s, TM), CONFIRMED);  // the TM finished; the inconsistency is on record
}

TEST(Tcc, ReservationLongerThanTheTmOutageKeepsAllOrNothing) {
  Scenario sc = tcc_run({{"services", 2}, {"reservation_ms", 5000}});
  sc.faults.push_back(on_sent(CONFIRM, TM, 1, crash(TM)));
  sc.faults.push_back(at(ms(1500), restart(TM)));
  auto s = build(sc);
  s->run();
  for (NodeId n : {TM, ACCOUNT, INVENTORY}) EXPECT_EQ(state_for(*s, n), CONFIRMED);
  EXPECT_EQ(metric(*s, "confirms_refused"), 0);
  expect_all_hold(*s);
}

TEST(Tcc, EmptyCancelIsRecordedAndTheLateTryRefused) {
  // The TRY to INVENTORY is slow (400 ms); the TM gives up at 200 ms and cancels. INVENTORY gets
  // CANCEL first (empty cancel, recorded), then the TRY, which it refuses: nothing stays frozen.
  Scenario sc = tcc_run({{"services", 2}, {"try_timeout_ms", 200}});
  sc.faults.push_back(on_sent(TRY, TM, 1, latency(ms(400), ms(400))));
  sc.faults.push_back(on_sent(TRY, TM, 2, latency(ms(5), ms(20))));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_for(*s, INVENTORY), CANCELLED);
  EXPECT_EQ(state_for(*s, ACCOUNT), CANCELLED);
  EXPECT_EQ(metric(*s, "empty_cancels"), 1);
  EXPECT_EQ(metric(*s, "late_tries_refused"), 1);
  EXPECT_EQ(metric(*s, "frozen_amount"), 0);
  EXPECT_EQ(metric(*s, "reservations_held"), 0);
  ASSERT_EQ(s->sim().log(INVENTORY).size(), 1u);
  EXPECT_EQ(s->sim().log(INVENTORY)[0].type, REC_EMPTY_CANCEL);
  expect_all_hold(*s);
}

TEST(Tcc, EmptyCancelSurvivesACrash) {
  Scenario sc = tcc_run({{"services", 2}, {"try_timeout_ms", 200}});
  sc.faults.push_back(on_sent(TRY, TM, 1, latency(ms(400), ms(400))));
  sc.faults.push_back(on_sent(TRY, TM, 2, latency(ms(5), ms(20))));
  sc.faults.push_back(on_state(INVENTORY, CANCELLED, crash(INVENTORY)));
  sc.faults.push_back(at(ms(300), restart(INVENTORY)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_for(*s, INVENTORY), CANCELLED);
  EXPECT_EQ(metric(*s, "late_tries_refused"), 1);
  EXPECT_EQ(metric(*s, "frozen_amount", INVENTORY), 0);
  expect_all_hold(*s);
}

TEST(Tcc, CancelDuringTheTryWorkStopsTheReservation) {
  // INVENTORY takes 300 ms to process a TRY; the TM cancels at 100 ms: the CANCEL arrives while
  // INVENTORY is TRYING, and when the work finishes the reservation is refused.
  auto s = build(tcc_run({{"services", 2}, {"try_ms", 300}, {"try_timeout_ms", 100}}));
  s->run();
  for (NodeId n : {ACCOUNT, INVENTORY}) EXPECT_EQ(state_for(*s, n), CANCELLED);
  EXPECT_EQ(metric(*s, "empty_cancels"), 2);
  EXPECT_EQ(metric(*s, "late_tries_refused"), 2);
  EXPECT_EQ(metric(*s, "frozen_amount"), 0);
  expect_all_hold(*s);
}

TEST(Tcc, DuplicatesAreHarmless) {
  Scenario sc = tcc_run({{"services", 3}});
  sc.network.duplicate = Ratio{1, 1};
  auto s = build(sc);
  s->run();
  for (NodeId n : {ACCOUNT, INVENTORY, NodeId{3}}) {
    EXPECT_EQ(state_for(*s, n), CONFIRMED);
    EXPECT_EQ(metric(*s, "consumed", n), 100);
  }
  EXPECT_GT(metric(*s, "duplicates_ignored"), 0);
  expect_all_hold(*s);
}

TEST(Tcc, LostCancelIsRetriedUntilAcknowledged) {
  Scenario sc = tcc_run({{"services", 2}, {"capacity", {{"ACCOUNT", 10}}}, {"retry_ms", 100}});
  sc.faults.push_back(on_sent(CANCEL, TM, 2, cut(TM, INVENTORY)));
  sc.faults.push_back(at(ms(450), heal(TM, INVENTORY)));
  auto s = build(sc);
  s->run();
  EXPECT_EQ(state_for(*s, INVENTORY), CANCELLED);
  EXPECT_GE(metric(*s, "retries"), 3);
  EXPECT_EQ(metric(*s, "available", INVENTORY), 1000);
  EXPECT_EQ(state_for(*s, TM), CANCELLED);
  expect_all_hold(*s);
}

TEST(Tcc, ServiceCrashKeepsItsReservationInTheLog) {
  // INVENTORY crashes as it reserves (its TRY_OK is never sent). The TM times out and cancels; the
  // CANCEL is re-sent until INVENTORY is back, finds the reservation in its log and releases it.
  Scenario sc = tcc_run({{"services", 2}, {"try_timeout_ms", 100}, {"retry_ms", 100}});
  sc.faults.push_back(on_state(INVENTORY, RESERVED, crash(INVENTORY)));
  sc.faults.push_back(at(ms(600), restart(INVENTORY)));
  auto s = build(sc);
  s->sim().run_until(ms(500));
  EXPECT_FALSE(s->sim().is_up(INVENTORY));
  EXPECT_EQ(metric(*s, "frozen_amount", INVENTORY), 100);  // frozen in its database meanwhile
  s->run();
  EXPECT_EQ(state_for(*s, INVENTORY), CANCELLED);
  EXPECT_EQ(metric(*s, "available", INVENTORY), 1000);
  EXPECT_EQ(outcome(*s, 1), TxnOutcome::Aborted);
  expect_all_hold(*s);
}

TEST(Tcc, RestartedServiceExpiresReservationsWhoseTimeRanOut) {
  Scenario sc = tcc_run({{"services", 2}, {"reservation_ms", 300}});
  sc.faults.push_back(on_sent(TRY, TM, 2, crash(TM)));
  sc.faults.push_back(on_state(INVENTORY, RESERVED, crash(INVENTORY)));
  sc.faults.push_back(at(ms(1000), restart(INVENTORY)));
  auto s = build(sc);
  s->sim().run_until(ms(1001));
  EXPECT_EQ(state_for(*s, INVENTORY), EXPIRED);
  EXPECT_EQ(metric(*s, "available", INVENTORY), 1000);
  expect_all_hold(*s);
}

TEST(Tcc, ManyTransactionsDrainTheCapacity) {
  Scenario sc = tcc_run({{"services", 2}, {"transactions", 40}, {"interval_ms", 5}, {"amount", 100}, {"capacity", 1000}}, 3,
                        ms(20000));
  sc.network.loss = Ratio{1, 100};
  auto s = build(sc);
  s->run();
  const std::int64_t confirmed = metric(*s, "tcc_confirmed");
  EXPECT_LE(confirmed, 10);
  EXPECT_GT(confirmed, 5);
  EXPECT_GT(metric(*s, "try_rejections"), 0);
  EXPECT_EQ(confirmed + metric(*s, "tcc_cancelled"), 40);
  for (NodeId n : {ACCOUNT, INVENTORY}) {
    EXPECT_EQ(metric(*s, "consumed", n), 100 * confirmed);
    EXPECT_EQ(metric(*s, "available", n) + metric(*s, "consumed", n), 1000);
  }
  EXPECT_GT(metric(*s, "latency_avg_us"), 0);
  expect_all_hold(*s);
}

TEST(Tcc, BadParamsAreReportedWithTheirPath) {
  Diagnostics d;
  EXPECT_EQ(tcc::create({{"services", 9}, {"capacity", {{"BANK", 5}}}, {"amount", 10}, {"amount_max", 5}}, d), nullptr);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].path, "params.services");
  EXPECT_EQ(d[1].path, "params.amount_max");
  EXPECT_EQ(d[2].path, "params.capacity.BANK");
}
