// Saga, orchestrated: an orchestrator "O" runs each saga as a sequence of local transactions at the
// services ORDER, PAYMENT, INVENTORY and SHIPPING (the first `steps` of them), and on a failure runs
// the compensations of the completed steps in reverse order.
//
// - O's saga log is durable (SAGA_BEGIN, STEP_DONE, COMPENSATING, STEP_COMPENSATED, SAGA_COMPLETED,
//   SAGA_COMPENSATED); after a crash O rebuilds every unfinished saga from it and re-sends the current
//   command or compensation.
// - Commands and compensations are re-sent every `retry_ms` until answered; services are idempotent per
//   (saga, step): a duplicate gets the same answer and changes nothing. A compensation that fails
//   (transiently, `compensation_failures` times) is retried until it succeeds.
// - A step that gets no answer within `step_timeout_ms` (a hung or crashed service) is treated as
//   failed and possibly applied: it is compensated too. A service that receives the compensation of a
//   step it never applied records an empty compensation, so a late command is refused.
// - With `concurrent_reader`, INVENTORY has a finite `stock` that every RESERVE_STOCK reads: a saga can
//   read a count that includes another saga's reservation which is later released (a dirty read, the
//   lesson on sagas' missing isolation). `countermeasure: "semantic_lock"` marks a reservation pending
//   until its saga finishes (FINALIZE) or compensates it; a RESERVE_STOCK waits while one is pending.
// - `compensation` says how INVENTORY undoes a reservation. "undo" (the default) is the semantic
//   inverse, "add the unit back": it commutes with other sagas' reservations. "restore" writes back
//   the stock it read before reserving (a before image, logged as SNAPSHOT): any reservation another
//   saga made in between is overwritten, a lost update (note lost_update, invariant no_lost_update).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/saga/common.hpp"
#include "sim/diagnostic.hpp"
#include "sim/protocol.hpp"
#include "sim/simulator.hpp"

namespace cs::saga_orch {

using saga::kMaxSteps;

enum State : std::uint16_t { RUNNING, COMPENSATING, COMPLETED, COMPENSATED, NONE, DONE, FAILED, kStateCount };
// Messages per step k: command k, success 4+k, failure 8+k, compensation 12+k, compensated 16+k.
enum Msg : std::uint16_t {
  CREATE_ORDER, CHARGE, RESERVE_STOCK, SHIP,
  ORDER_CREATED, CHARGED, STOCK_RESERVED, SHIPPED,
  ORDER_REJECTED, CHARGE_FAILED, STOCK_UNAVAILABLE, SHIP_FAILED,
  CANCEL_ORDER, REFUND, RELEASE_STOCK, CANCEL_SHIPMENT,
  ORDER_CANCELLED, REFUNDED, STOCK_RELEASED, SHIPMENT_CANCELLED,
  COMPENSATION_FAILED, FINALIZE, FINALIZED
};
constexpr std::uint16_t cmd_msg(int k) { return static_cast<std::uint16_t>(k); }
constexpr std::uint16_t ok_msg(int k) { return static_cast<std::uint16_t>(4 + k); }
constexpr std::uint16_t fail_msg(int k) { return static_cast<std::uint16_t>(8 + k); }
constexpr std::uint16_t comp_msg(int k) { return static_cast<std::uint16_t>(12 + k); }
constexpr std::uint16_t comped_msg(int k) { return static_cast<std::uint16_t>(16 + k); }

enum Rec : std::uint16_t {
  REC_SAGA_BEGIN, REC_STEP_DONE, REC_COMPENSATING, REC_STEP_COMPENSATED, REC_SAGA_COMPLETED, REC_SAGA_COMPENSATED,
  REC_APPLIED, REC_REJECTED, REC_COMPENSATED, REC_FINALIZED, REC_SNAPSHOT
};
enum TimerKind : std::uint16_t { T_RETRY, T_STEP_DEADLINE };
enum Note : std::uint16_t {
  N_CLIENT_RETRY, N_COMMAND_RETRY, N_STEP_TIMEOUT, N_BUSINESS_FAILURE, N_NO_REPLY, N_DUPLICATE_SUPPRESSED,
  N_LATE_COMMAND_REFUSED, N_EMPTY_COMPENSATION, N_COMPENSATION_FAILED, N_STOCK_READ, N_DIRTY_READ,
  N_SEMANTIC_LOCK_WAIT, N_RECOVERED, N_STALE_REPLY,
  N_STOCK_RESTORED,  // compensation "restore": INVENTORY set its stock back; value = the stock it wrote
  N_LOST_UPDATE,     // ...overwriting other sagas' changes; value = restored minus what undo would give
};

struct Params {
  saga::Workload w;
  Time retry = ms(100);
  Time step_timeout = ms(1000);  // 0: wait for an answer forever
  bool concurrent_reader = false;
  std::int64_t stock = -1;  // INVENTORY's stock; -1 = unlimited (never read)
  bool semantic_lock = false;
  bool restore = false;  // compensation "restore" (a before image) instead of "undo" (the inverse)
};

std::unique_ptr<Protocol> create(const nlohmann::json& params, Diagnostics& out);
const ProtocolDescriptor& describe();

class SagaOrchestration final : public Protocol {
 public:
  explicit SagaOrchestration(Params p);

  const ProtocolInfo& info() const override { return info_; }
  std::vector<NodeSpec> node_specs() const override;
  void start(Simulator& sim) override;
  void on_message(Simulator& sim, const Message& msg) override;
  void on_timer(Simulator& sim, const TimerRec& timer) override;
  void on_client(Simulator& sim, std::uint16_t kind, TxnId txn, std::int64_t value) override;
  void on_crash(Simulator& sim, NodeId node) override;
  void on_restart(Simulator& sim, NodeId node) override;
  NodeView live_view(NodeId node) const override;
  std::vector<TxnView> transactions() const override;
  std::vector<std::unique_ptr<Invariant>> make_invariants() const override;
  // Every node's state is plain values: a copy is the whole protocol (snapshots for scrubbing, the explorer).
  std::unique_ptr<Protocol> clone() const override { return std::make_unique<SagaOrchestration>(*this); }
  std::vector<Metric> metrics() const override;

  const Params& params() const { return p_; }
  static ProtocolInfo make_info();

 private:
  static constexpr std::uint8_t kUnknown = 0xFF;

  struct OSaga {  // the orchestrator's volatile view of one saga
    std::uint8_t state = kUnknown;
    int cur = 0;  // RUNNING: the step whose command is out (== steps: finalizing); COMPENSATING: the step being undone
    std::uint32_t retry_timer = 0;
    std::uint32_t deadline_timer = 0;
  };
  struct SSaga {  // one service's volatile view of one saga
    std::uint8_t state = NONE;
    std::uint8_t comp_failures = 0;  // compensation attempts failed so far (since the last restart)
    bool waiting = false;            // queued behind a semantic lock
    bool pending = false;            // holds the semantic lock
  };
  struct Service {
    std::vector<SSaga> sagas;      // index = saga id
    std::int64_t stock = 0;        // INVENTORY with a finite stock
    std::vector<TxnId> pending;    // semantic locks held, oldest first
    std::vector<TxnId> waiters;    // RESERVE_STOCK commands waiting, oldest first
    std::vector<std::int64_t> snapshot;  // compensation "restore": the stock each saga read, index = saga id
  };

  NodeId node_of(int step) const { return saga::step_node(step); }
  bool locks_inventory() const { return p_.semantic_lock && p_.w.steps > saga::kInventoryStep; }

  // Orchestrator.
  void o_begin(Simulator& sim, TxnId saga);
  void o_send_current(Simulator& sim, TxnId saga);
  void o_arm(Simulator& sim, TxnId saga, bool fresh_deadline);
  void o_cancel_timers(Simulator& sim, TxnId saga);
  void o_on_message(Simulator& sim, const Message& m);
  void o_step_done(Simulator& sim, TxnId saga);
  void o_compensate_from(Simulator& sim, TxnId saga, int step);
  void o_next_compensation(Simulator& sim, TxnId saga);
  void o_finish(Simulator& sim, TxnId saga, bool completed);
  void o_set_state(Simulator& sim, TxnId saga, std::uint8_t to);
  void o_recover(Simulator& sim);

  // Services.
  void s_on_message(Simulator& sim, const Message& m);
  void s_command(Simulator& sim, NodeId node, TxnId saga);
  void s_apply(Simulator& sim, NodeId node, TxnId saga);
  void s_compensate(Simulator& sim, NodeId node, TxnId saga);
  void s_give_back(Simulator& sim, NodeId node, TxnId saga);
  void s_finalize(Simulator& sim, NodeId node, TxnId saga);
  void s_unlock(Simulator& sim, NodeId node, TxnId saga);
  void s_wake(Simulator& sim, NodeId node);
  void s_set_state(Simulator& sim, NodeId node, TxnId saga, std::uint8_t to);
  void s_recover(Simulator& sim, NodeId node);
  Service& svc(NodeId node) { return svcs_[static_cast<std::size_t>(node - 1)]; }

  // Ground truth.
  void book_end(Simulator& sim, TxnId saga, TxnOutcome outcome);
  void book_read(Simulator& sim, TxnId reader);
  void book_undone(Simulator& sim, TxnId writer);

  Params p_;
  ProtocolInfo info_;
  std::vector<OSaga> o_;  // index = saga id
  std::vector<Service> svcs_;
  saga::Ledger ledger_;
  std::vector<std::int8_t> plan_;  // the step at which each saga fails (-1: none); drawn at arrival
  // Dirty-read bookkeeping (ground truth): reservations at INVENTORY not final yet, and who read them.
  std::vector<TxnId> truth_pending_;
  std::vector<std::vector<TxnId>> readers_of_;
  // Figures for metrics().
  std::int64_t applied_ = 0, undone_ = 0, empty_comps_ = 0, comp_failures_ = 0, retries_ = 0, duplicates_ = 0,
               late_refused_ = 0, timeouts_ = 0, stale_ = 0, dirty_reads_ = 0, lock_waits_ = 0,
               lost_updates_ = 0;
};

}  // namespace cs::saga_orch
