#include "engine_text.hpp"

#include <QCoreApplication>
#include <QStringList>

#include "sim/simulator.hpp"

namespace EngineText {
namespace {

// One key and the English source text lupdate extracts (translated at call time, so a language
// switch takes effect on the next repaint).
struct Entry {
  std::string_view key;
  const char* source;
};

QString lookup(const char* context, const Entry* begin, const Entry* end, std::string_view key) {
  for (const Entry* e = begin; e != end; ++e)
    if (e->key == key) return QCoreApplication::translate(context, e->source);
  return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

template <std::size_t N>
QString lookup(const char* context, const Entry (&table)[N], std::string_view key) {
  return lookup(context, table, table + N, key);
}

// Canonical names are the source text; the zh-TW file adds the Chinese after them.
constexpr Entry kStates[] = {
    {"INIT", QT_TRANSLATE_NOOP("EngineState", "INIT")},
    {"WAIT", QT_TRANSLATE_NOOP("EngineState", "WAIT")},
    {"READY", QT_TRANSLATE_NOOP("EngineState", "READY")},
    {"PRECOMMIT", QT_TRANSLATE_NOOP("EngineState", "PRECOMMIT")},
    {"COMMIT", QT_TRANSLATE_NOOP("EngineState", "COMMIT")},
    {"ABORT", QT_TRANSLATE_NOOP("EngineState", "ABORT")},
    {"RUNNING", QT_TRANSLATE_NOOP("EngineState", "RUNNING")},
    {"COMPENSATING", QT_TRANSLATE_NOOP("EngineState", "COMPENSATING")},
    {"COMPLETED", QT_TRANSLATE_NOOP("EngineState", "COMPLETED")},
    {"COMPENSATED", QT_TRANSLATE_NOOP("EngineState", "COMPENSATED")},
    {"NONE", QT_TRANSLATE_NOOP("EngineState", "NONE")},
    {"DONE", QT_TRANSLATE_NOOP("EngineState", "DONE")},
    {"FAILED", QT_TRANSLATE_NOOP("EngineState", "FAILED")},
    {"COMMITTED", QT_TRANSLATE_NOOP("EngineState", "COMMITTED")},
    {"PUBLISHING", QT_TRANSLATE_NOOP("EngineState", "PUBLISHING")},
    {"PUBLISHED", QT_TRANSLATE_NOOP("EngineState", "PUBLISHED")},
    {"STORED", QT_TRANSLATE_NOOP("EngineState", "STORED")},
    {"DELIVERED", QT_TRANSLATE_NOOP("EngineState", "DELIVERED")},
    {"APPLIED", QT_TRANSLATE_NOOP("EngineState", "APPLIED")},
    {"IDLE", QT_TRANSLATE_NOOP("EngineState", "IDLE")},
    {"WAITING", QT_TRANSLATE_NOOP("EngineState", "WAITING")},
    {"QUERYING", QT_TRANSLATE_NOOP("EngineState", "QUERYING")},
    {"STORING", QT_TRANSLATE_NOOP("EngineState", "STORING")},
    {"PRIMARY", QT_TRANSLATE_NOOP("EngineState", "PRIMARY")},
    {"BACKUP", QT_TRANSLATE_NOOP("EngineState", "BACKUP")},
    {"CANDIDATE", QT_TRANSLATE_NOOP("EngineState", "CANDIDATE")},
    {"SERVING", QT_TRANSLATE_NOOP("EngineState", "SERVING")},
    {"TRYING", QT_TRANSLATE_NOOP("EngineState", "TRYING")},
    {"CONFIRMING", QT_TRANSLATE_NOOP("EngineState", "CONFIRMING")},
    {"CANCELLING", QT_TRANSLATE_NOOP("EngineState", "CANCELLING")},
    {"RESERVED", QT_TRANSLATE_NOOP("EngineState", "RESERVED")},
    {"REJECTED", QT_TRANSLATE_NOOP("EngineState", "REJECTED")},
    {"EXPIRED", QT_TRANSLATE_NOOP("EngineState", "EXPIRED")},
    {"CONFIRMED", QT_TRANSLATE_NOOP("EngineState", "CONFIRMED")},
    {"CANCELLED", QT_TRANSLATE_NOOP("EngineState", "CANCELLED")},
    {"PREPARED", QT_TRANSLATE_NOOP("EngineState", "PREPARED")},
    {"ACCEPTED", QT_TRANSLATE_NOOP("EngineState", "ACCEPTED")},
    {"LEADING", QT_TRANSLATE_NOOP("EngineState", "LEADING")},
};

constexpr Entry kMessages[] = {
    {"PREPARE", QT_TRANSLATE_NOOP("EngineMessage", "PREPARE")},
    {"VOTE_COMMIT", QT_TRANSLATE_NOOP("EngineMessage", "VOTE_COMMIT")},
    {"VOTE_ABORT", QT_TRANSLATE_NOOP("EngineMessage", "VOTE_ABORT")},
    {"GLOBAL_COMMIT", QT_TRANSLATE_NOOP("EngineMessage", "GLOBAL_COMMIT")},
    {"GLOBAL_ABORT", QT_TRANSLATE_NOOP("EngineMessage", "GLOBAL_ABORT")},
    {"ACK", QT_TRANSLATE_NOOP("EngineMessage", "ACK")},
    {"DECISION_REQUEST", QT_TRANSLATE_NOOP("EngineMessage", "DECISION_REQUEST")},
    {"PRECOMMIT", QT_TRANSLATE_NOOP("EngineMessage", "PRECOMMIT")},
    {"CAN_COMMIT", QT_TRANSLATE_NOOP("EngineMessage", "CAN_COMMIT")},
    {"ACK_PRECOMMIT", QT_TRANSLATE_NOOP("EngineMessage", "ACK_PRECOMMIT")},
    {"STATE_REQUEST", QT_TRANSLATE_NOOP("EngineMessage", "STATE_REQUEST")},
    {"STATE_REPLY", QT_TRANSLATE_NOOP("EngineMessage", "STATE_REPLY")},
    {"phase1a", QT_TRANSLATE_NOOP("EngineMessage", "phase1a")},
    {"phase1b", QT_TRANSLATE_NOOP("EngineMessage", "phase1b")},
    {"phase2a", QT_TRANSLATE_NOOP("EngineMessage", "phase2a")},
    {"phase2b", QT_TRANSLATE_NOOP("EngineMessage", "phase2b")},
    {"COMMIT", QT_TRANSLATE_NOOP("EngineMessage", "COMMIT")},
    {"ABORT", QT_TRANSLATE_NOOP("EngineMessage", "ABORT")},
    {"CREATE_ORDER", QT_TRANSLATE_NOOP("EngineMessage", "CREATE_ORDER")},
    {"CHARGE", QT_TRANSLATE_NOOP("EngineMessage", "CHARGE")},
    {"RESERVE_STOCK", QT_TRANSLATE_NOOP("EngineMessage", "RESERVE_STOCK")},
    {"SHIP", QT_TRANSLATE_NOOP("EngineMessage", "SHIP")},
    {"ORDER_CREATED", QT_TRANSLATE_NOOP("EngineMessage", "ORDER_CREATED")},
    {"CHARGED", QT_TRANSLATE_NOOP("EngineMessage", "CHARGED")},
    {"STOCK_RESERVED", QT_TRANSLATE_NOOP("EngineMessage", "STOCK_RESERVED")},
    {"SHIPPED", QT_TRANSLATE_NOOP("EngineMessage", "SHIPPED")},
    {"ORDER_REJECTED", QT_TRANSLATE_NOOP("EngineMessage", "ORDER_REJECTED")},
    {"CHARGE_FAILED", QT_TRANSLATE_NOOP("EngineMessage", "CHARGE_FAILED")},
    {"STOCK_UNAVAILABLE", QT_TRANSLATE_NOOP("EngineMessage", "STOCK_UNAVAILABLE")},
    {"SHIP_FAILED", QT_TRANSLATE_NOOP("EngineMessage", "SHIP_FAILED")},
    {"CANCEL_ORDER", QT_TRANSLATE_NOOP("EngineMessage", "CANCEL_ORDER")},
    {"REFUND", QT_TRANSLATE_NOOP("EngineMessage", "REFUND")},
    {"RELEASE_STOCK", QT_TRANSLATE_NOOP("EngineMessage", "RELEASE_STOCK")},
    {"CANCEL_SHIPMENT", QT_TRANSLATE_NOOP("EngineMessage", "CANCEL_SHIPMENT")},
    {"ORDER_CANCELLED", QT_TRANSLATE_NOOP("EngineMessage", "ORDER_CANCELLED")},
    {"REFUNDED", QT_TRANSLATE_NOOP("EngineMessage", "REFUNDED")},
    {"STOCK_RELEASED", QT_TRANSLATE_NOOP("EngineMessage", "STOCK_RELEASED")},
    {"SHIPMENT_CANCELLED", QT_TRANSLATE_NOOP("EngineMessage", "SHIPMENT_CANCELLED")},
    {"COMPENSATION_FAILED", QT_TRANSLATE_NOOP("EngineMessage", "COMPENSATION_FAILED")},
    {"FINALIZE", QT_TRANSLATE_NOOP("EngineMessage", "FINALIZE")},
    {"FINALIZED", QT_TRANSLATE_NOOP("EngineMessage", "FINALIZED")},
    {"PAYMENT_CHARGED", QT_TRANSLATE_NOOP("EngineMessage", "PAYMENT_CHARGED")},
    {"PAYMENT_FAILED", QT_TRANSLATE_NOOP("EngineMessage", "PAYMENT_FAILED")},
    {"SHIPPING_FAILED", QT_TRANSLATE_NOOP("EngineMessage", "SHIPPING_FAILED")},
    {"PAYMENT_REFUNDED", QT_TRANSLATE_NOOP("EngineMessage", "PAYMENT_REFUNDED")},
    {"PUBLISH_ACK", QT_TRANSLATE_NOOP("EngineMessage", "PUBLISH_ACK")},
    {"DELIVERY_ACK", QT_TRANSLATE_NOOP("EngineMessage", "DELIVERY_ACK")},
    {"POLL", QT_TRANSLATE_NOOP("EngineMessage", "POLL")},
    {"OUTBOX_ROWS", QT_TRANSLATE_NOOP("EngineMessage", "OUTBOX_ROWS")},
    {"PUBLISH", QT_TRANSLATE_NOOP("EngineMessage", "PUBLISH")},
    {"MARK_SENT", QT_TRANSLATE_NOOP("EngineMessage", "MARK_SENT")},
    {"DELIVER", QT_TRANSLATE_NOOP("EngineMessage", "DELIVER")},
    {"READ", QT_TRANSLATE_NOOP("EngineMessage", "READ")},
    {"WRITE", QT_TRANSLATE_NOOP("EngineMessage", "WRITE")},
    {"READ_OK", QT_TRANSLATE_NOOP("EngineMessage", "READ_OK")},
    {"WRITE_OK", QT_TRANSLATE_NOOP("EngineMessage", "WRITE_OK")},
    {"FAIL", QT_TRANSLATE_NOOP("EngineMessage", "FAIL")},
    {"QUERY", QT_TRANSLATE_NOOP("EngineMessage", "QUERY")},
    {"QUERY_REPLY", QT_TRANSLATE_NOOP("EngineMessage", "QUERY_REPLY")},
    {"STORE", QT_TRANSLATE_NOOP("EngineMessage", "STORE")},
    {"STORED", QT_TRANSLATE_NOOP("EngineMessage", "STORED")},
    {"STORE_REJECTED", QT_TRANSLATE_NOOP("EngineMessage", "STORE_REJECTED")},
    {"NEW_TOKEN", QT_TRANSLATE_NOOP("EngineMessage", "NEW_TOKEN")},
    {"STORE_ACK", QT_TRANSLATE_NOOP("EngineMessage", "STORE_ACK")},
    {"REPLICATE", QT_TRANSLATE_NOOP("EngineMessage", "REPLICATE")},
    {"SYNC", QT_TRANSLATE_NOOP("EngineMessage", "SYNC")},
    {"REDIRECT", QT_TRANSLATE_NOOP("EngineMessage", "REDIRECT")},
    {"HEARTBEAT", QT_TRANSLATE_NOOP("EngineMessage", "HEARTBEAT")},
    {"HEARTBEAT_ACK", QT_TRANSLATE_NOOP("EngineMessage", "HEARTBEAT_ACK")},
    {"VOTE_REQUEST", QT_TRANSLATE_NOOP("EngineMessage", "VOTE_REQUEST")},
    {"VOTE_GRANTED", QT_TRANSLATE_NOOP("EngineMessage", "VOTE_GRANTED")},
    {"TRY", QT_TRANSLATE_NOOP("EngineMessage", "TRY")},
    {"TRY_OK", QT_TRANSLATE_NOOP("EngineMessage", "TRY_OK")},
    {"TRY_FAILED", QT_TRANSLATE_NOOP("EngineMessage", "TRY_FAILED")},
    {"CONFIRM", QT_TRANSLATE_NOOP("EngineMessage", "CONFIRM")},
    {"CONFIRM_OK", QT_TRANSLATE_NOOP("EngineMessage", "CONFIRM_OK")},
    {"CONFIRM_FAILED", QT_TRANSLATE_NOOP("EngineMessage", "CONFIRM_FAILED")},
    {"CANCEL", QT_TRANSLATE_NOOP("EngineMessage", "CANCEL")},
    {"CANCEL_OK", QT_TRANSLATE_NOOP("EngineMessage", "CANCEL_OK")},
};

constexpr Entry kLogRecords[] = {
    {"BEGIN", QT_TRANSLATE_NOOP("EngineLog", "BEGIN")},
    {"READY", QT_TRANSLATE_NOOP("EngineLog", "READY")},
    {"PRECOMMIT", QT_TRANSLATE_NOOP("EngineLog", "PRECOMMIT")},
    {"COMMIT", QT_TRANSLATE_NOOP("EngineLog", "COMMIT")},
    {"ABORT", QT_TRANSLATE_NOOP("EngineLog", "ABORT")},
    {"END", QT_TRANSLATE_NOOP("EngineLog", "END")},
    {"HEURISTIC_ABORT", QT_TRANSLATE_NOOP("EngineLog", "HEURISTIC_ABORT")},
    {"SAGA_BEGIN", QT_TRANSLATE_NOOP("EngineLog", "SAGA_BEGIN")},
    {"STEP_DONE", QT_TRANSLATE_NOOP("EngineLog", "STEP_DONE")},
    {"COMPENSATING", QT_TRANSLATE_NOOP("EngineLog", "COMPENSATING")},
    {"STEP_COMPENSATED", QT_TRANSLATE_NOOP("EngineLog", "STEP_COMPENSATED")},
    {"SAGA_COMPLETED", QT_TRANSLATE_NOOP("EngineLog", "SAGA_COMPLETED")},
    {"SAGA_COMPENSATED", QT_TRANSLATE_NOOP("EngineLog", "SAGA_COMPENSATED")},
    {"APPLIED", QT_TRANSLATE_NOOP("EngineLog", "APPLIED")},
    {"REJECTED", QT_TRANSLATE_NOOP("EngineLog", "REJECTED")},
    {"COMPENSATED", QT_TRANSLATE_NOOP("EngineLog", "COMPENSATED")},
    {"FINALIZED", QT_TRANSLATE_NOOP("EngineLog", "FINALIZED")},
    {"EVENT_STORED", QT_TRANSLATE_NOOP("EngineLog", "EVENT_STORED")},
    {"EVENT_ACKED", QT_TRANSLATE_NOOP("EngineLog", "EVENT_ACKED")},
    {"PROCESSED", QT_TRANSLATE_NOOP("EngineLog", "PROCESSED")},
    {"ORDER_APPROVED", QT_TRANSLATE_NOOP("EngineLog", "ORDER_APPROVED")},
    {"EVENT_OUT", QT_TRANSLATE_NOOP("EngineLog", "EVENT_OUT")},
    {"EVENT_PUBLISHED", QT_TRANSLATE_NOOP("EngineLog", "EVENT_PUBLISHED")},
    {"ORDER", QT_TRANSLATE_NOOP("EngineLog", "ORDER")},
    {"OUTBOX", QT_TRANSLATE_NOOP("EngineLog", "OUTBOX")},
    {"OUTBOX_SENT", QT_TRANSLATE_NOOP("EngineLog", "OUTBOX_SENT")},
    {"STORED", QT_TRANSLATE_NOOP("EngineLog", "STORED")},
    {"CLOCK", QT_TRANSLATE_NOOP("EngineLog", "CLOCK")},
    {"TERM", QT_TRANSLATE_NOOP("EngineLog", "TERM")},
    {"VOTE", QT_TRANSLATE_NOOP("EngineLog", "VOTE")},
    {"ACCEPT", QT_TRANSLATE_NOOP("EngineLog", "ACCEPT")},
    {"REPLICA", QT_TRANSLATE_NOOP("EngineLog", "REPLICA")},
    {"TOKEN", QT_TRANSLATE_NOOP("EngineLog", "TOKEN")},
    {"SNAPSHOT", QT_TRANSLATE_NOOP("EngineLog", "SNAPSHOT")},
    {"TRY", QT_TRANSLATE_NOOP("EngineLog", "TRY")},
    {"REJECT", QT_TRANSLATE_NOOP("EngineLog", "REJECT")},
    {"CONFIRM", QT_TRANSLATE_NOOP("EngineLog", "CONFIRM")},
    {"CANCEL", QT_TRANSLATE_NOOP("EngineLog", "CANCEL")},
    {"EMPTY_CANCEL", QT_TRANSLATE_NOOP("EngineLog", "EMPTY_CANCEL")},
    {"EXPIRE", QT_TRANSLATE_NOOP("EngineLog", "EXPIRE")},
    {"PREPARED", QT_TRANSLATE_NOOP("EngineLog", "PREPARED")},
    {"PROMISED", QT_TRANSLATE_NOOP("EngineLog", "PROMISED")},
    {"ACCEPTED", QT_TRANSLATE_NOOP("EngineLog", "ACCEPTED")},
};

constexpr Entry kTimers[] = {
    {"work_done", QT_TRANSLATE_NOOP("EngineTimer", "local work done")},
    {"vote_timeout", QT_TRANSLATE_NOOP("EngineTimer", "vote timeout")},
    {"prepare_timeout", QT_TRANSLATE_NOOP("EngineTimer", "PREPARE timeout")},
    {"decision_timeout", QT_TRANSLATE_NOOP("EngineTimer", "decision timeout")},
    {"ack_timeout", QT_TRANSLATE_NOOP("EngineTimer", "ACK timeout")},
    {"log_flush", QT_TRANSLATE_NOOP("EngineTimer", "log flush")},
    {"doubt_timeout", QT_TRANSLATE_NOOP("EngineTimer", "in-doubt timeout")},
    {"gather", QT_TRANSLATE_NOOP("EngineTimer", "gather states")},
    {"lead_timeout", QT_TRANSLATE_NOOP("EngineTimer", "new coordinator timeout")},
    {"command_retry", QT_TRANSLATE_NOOP("EngineTimer", "command retry")},
    {"step_deadline", QT_TRANSLATE_NOOP("EngineTimer", "step deadline")},
    {"redeliver", QT_TRANSLATE_NOOP("EngineTimer", "redelivery")},
    {"republish", QT_TRANSLATE_NOOP("EngineTimer", "republish")},
    {"poll", QT_TRANSLATE_NOOP("EngineTimer", "poll")},
    {"publish_timeout", QT_TRANSLATE_NOOP("EngineTimer", "publish timeout")},
    {"publish_delay", QT_TRANSLATE_NOOP("EngineTimer", "publish delay")},
    {"op_timeout", QT_TRANSLATE_NOOP("EngineTimer", "operation timeout")},
    {"quorum_timeout", QT_TRANSLATE_NOOP("EngineTimer", "quorum timeout")},
    {"anti_entropy", QT_TRANSLATE_NOOP("EngineTimer", "anti-entropy sync")},
    {"heartbeat", QT_TRANSLATE_NOOP("EngineTimer", "heartbeat")},
    {"failover", QT_TRANSLATE_NOOP("EngineTimer", "failover timeout")},
    {"client_timeout", QT_TRANSLATE_NOOP("EngineTimer", "client timeout")},
    {"client_retry", QT_TRANSLATE_NOOP("EngineTimer", "client retry")},
    {"try_timeout", QT_TRANSLATE_NOOP("EngineTimer", "Try timeout")},
    {"retry", QT_TRANSLATE_NOOP("EngineTimer", "re-send")},
    {"try_done", QT_TRANSLATE_NOOP("EngineTimer", "Try done")},
    {"reservation_expiry", QT_TRANSLATE_NOOP("EngineTimer", "reservation expiry")},
    {"takeover", QT_TRANSLATE_NOOP("EngineTimer", "takeover timeout")},
    {"ballot_timeout", QT_TRANSLATE_NOOP("EngineTimer", "ballot timeout")},
    {"janitor", QT_TRANSLATE_NOOP("EngineTimer", "janitor")},
};

constexpr Entry kNotes[] = {
    {"blocked", QT_TRANSLATE_NOOP("EngineNote", "blocked: waiting for the decision")},
    {"duplicate_decision", QT_TRANSLATE_NOOP("EngineNote", "duplicate decision ignored")},
    {"client_retry", QT_TRANSLATE_NOOP("EngineNote", "client retries")},
    {"unilateral_abort", QT_TRANSLATE_NOOP("EngineNote", "unilateral abort")},
    {"termination_help", QT_TRANSLATE_NOOP("EngineNote", "answered a peer's decision request")},
    {"recovered", QT_TRANSLATE_NOOP("EngineNote", "recovered from the log")},
    {"janitor_rollback", QT_TRANSLATE_NOOP("EngineNote", "janitor rolled back a prepared transaction")},
    {"pool_exhausted", QT_TRANSLATE_NOOP("EngineNote", "no free session in the pool")},
    {"heuristic_conflict", QT_TRANSLATE_NOOP("EngineNote", "decision conflicts with the janitor's rollback")},
    {"takeover", QT_TRANSLATE_NOOP("EngineNote", "starts a higher ballot")},
    {"preempted", QT_TRANSLATE_NOOP("EngineNote", "steps aside for a higher ballot")},
    {"termination_started", QT_TRANSLATE_NOOP("EngineNote", "termination protocol started")},
    {"coordinator_alive", QT_TRANSLATE_NOOP("EngineNote", "the coordinator is still alive")},
    {"elected", QT_TRANSLATE_NOOP("EngineNote", "elected as the new coordinator")},
    {"waiting_for_leader", QT_TRANSLATE_NOOP("EngineNote", "waiting for a new coordinator")},
    {"precommit_retry", QT_TRANSLATE_NOOP("EngineNote", "PRECOMMIT re-sent")},
    {"commit_without_acks", QT_TRANSLATE_NOOP("EngineNote", "committed without every acknowledgement")},
    {"conflicting_decision", QT_TRANSLATE_NOOP("EngineNote", "conflicting decision")},
    {"in_doubt", QT_TRANSLATE_NOOP("EngineNote", "in doubt")},
    {"total_failure_decision", QT_TRANSLATE_NOOP("EngineNote", "decision after a total failure")},
    {"command_retry", QT_TRANSLATE_NOOP("EngineNote", "command retried")},
    {"step_timeout", QT_TRANSLATE_NOOP("EngineNote", "step timed out")},
    {"business_failure", QT_TRANSLATE_NOOP("EngineNote", "business failure")},
    {"no_reply", QT_TRANSLATE_NOOP("EngineNote", "no reply")},
    {"duplicate_suppressed", QT_TRANSLATE_NOOP("EngineNote", "duplicate suppressed")},
    {"late_command_refused", QT_TRANSLATE_NOOP("EngineNote", "late command refused")},
    {"empty_compensation", QT_TRANSLATE_NOOP("EngineNote", "empty compensation")},
    {"compensation_failed", QT_TRANSLATE_NOOP("EngineNote", "compensation failed")},
    {"stock_read", QT_TRANSLATE_NOOP("EngineNote", "stock read")},
    {"dirty_read", QT_TRANSLATE_NOOP("EngineNote", "dirty read")},
    {"stock_restored", QT_TRANSLATE_NOOP("EngineNote", "stock set back to its earlier value")},
    {"semantic_lock_wait", QT_TRANSLATE_NOOP("EngineNote", "waiting for a semantic lock")},
    {"stale_reply", QT_TRANSLATE_NOOP("EngineNote", "stale reply")},
    {"step_applied", QT_TRANSLATE_NOOP("EngineNote", "step applied")},
    {"step_failed", QT_TRANSLATE_NOOP("EngineNote", "step failed")},
    {"step_compensated", QT_TRANSLATE_NOOP("EngineNote", "step compensated")},
    {"order_approved", QT_TRANSLATE_NOOP("EngineNote", "order approved")},
    {"duplicate_publish", QT_TRANSLATE_NOOP("EngineNote", "duplicate publish")},
    {"redelivery", QT_TRANSLATE_NOOP("EngineNote", "redelivery")},
    {"republish", QT_TRANSLATE_NOOP("EngineNote", "republish")},
    {"duplicate_effect", QT_TRANSLATE_NOOP("EngineNote", "duplicate effect")},
    {"event_lost", QT_TRANSLATE_NOOP("EngineNote", "event lost")},
    {"read_ok", QT_TRANSLATE_NOOP("EngineNote", "read succeeded")},
    {"write_ok", QT_TRANSLATE_NOOP("EngineNote", "write succeeded")},
    {"op_error", QT_TRANSLATE_NOOP("EngineNote", "operation failed")},
    {"op_timeout", QT_TRANSLATE_NOOP("EngineNote", "operation timed out")},
    {"stale_read", QT_TRANSLATE_NOOP("EngineNote", "stale read")},
    {"conflict", QT_TRANSLATE_NOOP("EngineNote", "conflict")},
    {"lost_update", QT_TRANSLATE_NOOP("EngineNote", "lost update")},
    {"read_repair", QT_TRANSLATE_NOOP("EngineNote", "read repair")},
    {"client_down", QT_TRANSLATE_NOOP("EngineNote", "client is down")},
    {"op_abandoned", QT_TRANSLATE_NOOP("EngineNote", "operation abandoned")},
    {"failover", QT_TRANSLATE_NOOP("EngineNote", "failover")},
    {"step_down", QT_TRANSLATE_NOOP("EngineNote", "stepped down")},
    {"two_primaries", QT_TRANSLATE_NOOP("EngineNote", "two primaries")},
    {"no_lease", QT_TRANSLATE_NOOP("EngineNote", "no lease")},
    {"fenced", QT_TRANSLATE_NOOP("EngineNote", "fenced off")},
    {"stale_token", QT_TRANSLATE_NOOP("EngineNote", "write rejected: stale fencing token")},
    {"new_token", QT_TRANSLATE_NOOP("EngineNote", "newer fencing token seen")},
    {"conflicting_write", QT_TRANSLATE_NOOP("EngineNote", "conflicting write")},
    {"write_failed", QT_TRANSLATE_NOOP("EngineNote", "write failed")},
    {"retry", QT_TRANSLATE_NOOP("EngineNote", "retry")},
    {"frozen", QT_TRANSLATE_NOOP("EngineNote", "frozen amount")},
    {"available", QT_TRANSLATE_NOOP("EngineNote", "available amount")},
    {"expired", QT_TRANSLATE_NOOP("EngineNote", "reservation expired")},
    {"empty_cancel", QT_TRANSLATE_NOOP("EngineNote", "empty rollback")},
    {"late_try_refused", QT_TRANSLATE_NOOP("EngineNote", "late Try refused (anti-hanging)")},
    {"confirm_refused", QT_TRANSLATE_NOOP("EngineNote", "Confirm refused")},
    {"duplicate", QT_TRANSLATE_NOOP("EngineNote", "duplicate ignored")},
    {"try_rejected", QT_TRANSLATE_NOOP("EngineNote", "Try rejected: not enough available")},
};

constexpr Entry kRoles[] = {
    {"coordinator", QT_TRANSLATE_NOOP("EngineRole", "coordinator")},
    {"participant", QT_TRANSLATE_NOOP("EngineRole", "participant")},
    {"orchestrator", QT_TRANSLATE_NOOP("EngineRole", "orchestrator")},
    {"service", QT_TRANSLATE_NOOP("EngineRole", "service")},
    {"broker", QT_TRANSLATE_NOOP("EngineRole", "broker")},
    {"order", QT_TRANSLATE_NOOP("EngineRole", "order service")},
    {"order_service", QT_TRANSLATE_NOOP("EngineRole", "order service")},
    {"relay", QT_TRANSLATE_NOOP("EngineRole", "relay")},
    {"consumer", QT_TRANSLATE_NOOP("EngineRole", "consumer")},
    {"replica", QT_TRANSLATE_NOOP("EngineRole", "replica")},
    {"client", QT_TRANSLATE_NOOP("EngineRole", "client")},
    {"server", QT_TRANSLATE_NOOP("EngineRole", "server")},
    {"storage", QT_TRANSLATE_NOOP("EngineRole", "storage")},
    {"transaction_manager", QT_TRANSLATE_NOOP("EngineRole", "transaction manager")},
    {"acceptor", QT_TRANSLATE_NOOP("EngineRole", "acceptor")},
};

// Transition label parts that are not message names (see transitionLabel).
constexpr Entry kTransitionEvents[] = {
    {"timeout", QT_TRANSLATE_NOOP("EngineTransition", "timeout")},
    {"commit_request", QT_TRANSLATE_NOOP("EngineTransition", "commit request")},
    {"GLOBAL_ABORT (termination)", QT_TRANSLATE_NOOP("EngineTransition", "GLOBAL_ABORT (termination)")},
    {"timeout: termination", QT_TRANSLATE_NOOP("EngineTransition", "timeout: termination")},
    {"timeout: termination, all READY", QT_TRANSLATE_NOOP("EngineTransition", "timeout: termination, all READY")},
    {"timeout: termination, some PRECOMMIT", QT_TRANSLATE_NOOP("EngineTransition", "timeout: termination, some PRECOMMIT")},
    {"CANCEL_OK (empty cancel)", QT_TRANSLATE_NOOP("EngineTransition", "CANCEL_OK (empty rollback)")},
    {"last step done", QT_TRANSLATE_NOOP("EngineTransition", "last step done")},
    {"step failed", QT_TRANSLATE_NOOP("EngineTransition", "step failed")},
    {"step_deadline", QT_TRANSLATE_NOOP("EngineTransition", "step deadline")},
    {"first step compensated", QT_TRANSLATE_NOOP("EngineTransition", "first step compensated")},
    {"command", QT_TRANSLATE_NOOP("EngineTransition", "command")},
    {"success", QT_TRANSLATE_NOOP("EngineTransition", "success")},
    {"failure", QT_TRANSLATE_NOOP("EngineTransition", "failure")},
    {"compensation", QT_TRANSLATE_NOOP("EngineTransition", "compensation")},
    {"compensated", QT_TRANSLATE_NOOP("EngineTransition", "compensated")},
    {"compensation (empty)", QT_TRANSLATE_NOOP("EngineTransition", "empty compensation")},
    {"order", QT_TRANSLATE_NOOP("EngineTransition", "order")},
    {"order rejected", QT_TRANSLATE_NOOP("EngineTransition", "order rejected")},
    {"event", QT_TRANSLATE_NOOP("EngineTransition", "event")},
    {"success event", QT_TRANSLATE_NOOP("EngineTransition", "success event")},
    {"failure event", QT_TRANSLATE_NOOP("EngineTransition", "failure event")},
    {"failure or compensation event", QT_TRANSLATE_NOOP("EngineTransition", "failure or compensation event")},
    {"compensation event", QT_TRANSLATE_NOOP("EngineTransition", "compensation event")},
    {"ORDER", QT_TRANSLATE_NOOP("EngineTransition", "write ORDER")},
    {"ORDER+OUTBOX", QT_TRANSLATE_NOOP("EngineTransition", "write ORDER + OUTBOX in one transaction")},
    {"R agreeing QUERY_REPLY", QT_TRANSLATE_NOOP("EngineTransition", "R agreeing QUERY_REPLY")},
    {"R QUERY_REPLY", QT_TRANSLATE_NOOP("EngineTransition", "R QUERY_REPLY")},
    {"W STORE_ACK", QT_TRANSLATE_NOOP("EngineTransition", "W STORE_ACK")},
    {"failover timeout", QT_TRANSLATE_NOOP("EngineTransition", "failover timeout")},
    {"HEARTBEAT of a higher term", QT_TRANSLATE_NOOP("EngineTransition", "HEARTBEAT of a higher term")},
    {"REDIRECT or timeout", QT_TRANSLATE_NOOP("EngineTransition", "REDIRECT or timeout")},
    {"max_attempts", QT_TRANSLATE_NOOP("EngineTransition", "attempts used up")},
    {"election timeout", QT_TRANSLATE_NOOP("EngineTransition", "election timeout")},
    {"majority VOTE_GRANTED", QT_TRANSLATE_NOOP("EngineTransition", "a majority of VOTE_GRANTED")},
    {"HEARTBEAT of a term >= its own", QT_TRANSLATE_NOOP("EngineTransition", "HEARTBEAT of a term >= its own")},
    {"higher term", QT_TRANSLATE_NOOP("EngineTransition", "higher term")},
    {"STORE_REJECTED of a higher token", QT_TRANSLATE_NOOP("EngineTransition", "STORE_REJECTED of a higher token")},
    {"all chosen prepared", QT_TRANSLATE_NOOP("EngineTransition", "every instance chose prepared")},
    {"one chosen aborted", QT_TRANSLATE_NOOP("EngineTransition", "an instance chose aborted")},
    {"phase2a prepared", QT_TRANSLATE_NOOP("EngineTransition", "phase2a (prepared)")},
    {"phase2a aborted", QT_TRANSLATE_NOOP("EngineTransition", "phase2a (aborted)")},
    {"takeover", QT_TRANSLATE_NOOP("EngineTransition", "takeover timeout")},
};

constexpr Entry kInvariants[] = {
    {"agreement", QT_TRANSLATE_NOOP("EngineInvariant", "Agreement")},
    {"commit_validity", QT_TRANSLATE_NOOP("EngineInvariant", "Commit validity")},
    {"commit_once", QT_TRANSLATE_NOOP("EngineInvariant", "Commit once")},
    {"all_or_compensated", QT_TRANSLATE_NOOP("EngineInvariant", "All or compensated")},
    {"compensation_order", QT_TRANSLATE_NOOP("EngineInvariant", "Compensation order")},
    {"exactly_once_effect", QT_TRANSLATE_NOOP("EngineInvariant", "Exactly-once effect")},
    {"effect_after_commit", QT_TRANSLATE_NOOP("EngineInvariant", "Effect after commit")},
    {"linearizable", QT_TRANSLATE_NOOP("EngineInvariant", "Linearizable")},
    {"no_stale_read", QT_TRANSLATE_NOOP("EngineInvariant", "No stale read")},
    {"one_primary_per_term", QT_TRANSLATE_NOOP("EngineInvariant", "One primary per term")},
    {"no_dirty_read", QT_TRANSLATE_NOOP("EngineInvariant", "No dirty read")},
    {"no_lost_update", QT_TRANSLATE_NOOP("EngineInvariant", "No lost update")},
    {"all_or_nothing", QT_TRANSLATE_NOOP("EngineInvariant", "All or nothing")},
    {"confirm_once", QT_TRANSLATE_NOOP("EngineInvariant", "Confirm once")},
    {"confirm_xor_cancel", QT_TRANSLATE_NOOP("EngineInvariant", "Confirm or cancel, never both")},
    {"conservation", QT_TRANSLATE_NOOP("EngineInvariant", "Conservation of stock")},
    {"chosen_once", QT_TRANSLATE_NOOP("EngineInvariant", "One value per Paxos instance")},
};

constexpr Entry kInvariantDescriptions[] = {
    {"agreement", QT_TRANSLATE_NOOP("EngineInvariant", "No two nodes decide differently for a transaction, and no node changes its decision.")},
    {"commit_validity", QT_TRANSLATE_NOOP("EngineInvariant", "Nobody commits unless every participant voted to commit.")},
    {"commit_once", QT_TRANSLATE_NOOP("EngineInvariant", "A node applies a transaction's commit at most once.")},
    {"all_or_compensated", QT_TRANSLATE_NOOP("EngineInvariant", "When a saga ends, either all its steps applied, or every step that applied was compensated.")},
    {"compensation_order", QT_TRANSLATE_NOOP("EngineInvariant", "Steps are compensated in reverse order.")},
    {"exactly_once_effect", QT_TRANSLATE_NOOP("EngineInvariant", "Every effect is applied exactly once: duplicates change nothing and nothing is lost.")},
    {"effect_after_commit", QT_TRANSLATE_NOOP("EngineInvariant", "An event's effect is applied only for a transaction its source committed.")},
    {"linearizable", QT_TRANSLATE_NOOP("EngineInvariant", "Every completed read and write fits one sequential order that respects real time.")},
    {"no_stale_read", QT_TRANSLATE_NOOP("EngineInvariant", "No read misses a write that had completed before the read started.")},
    {"one_primary_per_term", QT_TRANSLATE_NOOP("EngineInvariant", "At most one primary per term has its writes accepted (no split-brain writes).")},
    {"no_lost_update", QT_TRANSLATE_NOOP("EngineInvariant", "No acknowledged write is discarded unless a later write that saw it replaced it.")},
    {"no_dirty_read", QT_TRANSLATE_NOOP("EngineInvariant", "No saga reads a value that includes another saga's unfinished step which is later compensated.")},
    {"all_or_nothing", QT_TRANSLATE_NOOP("EngineInvariant", "No transaction is confirmed at one service and cancelled, expired or rejected at another.")},
    {"confirm_once", QT_TRANSLATE_NOOP("EngineInvariant", "Each service applies a transaction's confirm at most once.")},
    {"confirm_xor_cancel", QT_TRANSLATE_NOOP("EngineInvariant", "No service both confirms and cancels (or expires) one transaction.")},
    {"conservation", QT_TRANSLATE_NOOP("EngineInvariant", "At every service, available + frozen + consumed equals the capacity; nothing is released twice.")},
    {"chosen_once", QT_TRANSLATE_NOOP("EngineInvariant", "Each RM's Paxos instance chooses at most one value (prepared or aborted).")},
};

constexpr Entry kProtocols[] = {
    {"2pc", QT_TRANSLATE_NOOP("EngineProtocol", "Two-phase commit (2PC)")},
    {"3pc", QT_TRANSLATE_NOOP("EngineProtocol", "Three-phase commit (3PC)")},
    {"paxos-commit", QT_TRANSLATE_NOOP("EngineProtocol", "Paxos Commit")},
    {"saga-orchestration", QT_TRANSLATE_NOOP("EngineProtocol", "Saga (orchestration)")},
    {"saga-choreography", QT_TRANSLATE_NOOP("EngineProtocol", "Saga (choreography)")},
    {"outbox", QT_TRANSLATE_NOOP("EngineProtocol", "Transactional outbox")},
    {"dual-write", QT_TRANSLATE_NOOP("EngineProtocol", "Dual write")},
    {"cap-register", QT_TRANSLATE_NOOP("EngineProtocol", "Replicated register (CAP)")},
    {"primary-backup", QT_TRANSLATE_NOOP("EngineProtocol", "Primary/backup failover")},
    {"tcc", QT_TRANSLATE_NOOP("EngineProtocol", "Try-Confirm/Cancel (TCC)")},
};

// One or two sentences for the New scenario dialog: what the protocol does and what it teaches.
constexpr Entry kProtocolSummaries[] = {
    {"2pc", QT_TRANSLATE_NOOP("EngineProtocolSummary", "A coordinator asks every participant to prepare, then tells all of them to commit or abort. Atomic, but a participant that voted yes blocks while the coordinator is down.")},
    {"3pc", QT_TRANSLATE_NOOP("EngineProtocolSummary", "Two-phase commit with a PRECOMMIT round in between, so that the survivors can finish without the coordinator after a crash; a network partition can still make the two sides decide differently.")},
    {"paxos-commit", QT_TRANSLATE_NOOP("EngineProtocolSummary", "Each participant's vote is chosen by Paxos among 2F+1 acceptors instead of being kept by the coordinator alone. When the coordinator crashes, an acceptor starts a higher ballot and finishes: no blocking, and still safe under partitions.")},
    {"tcc", QT_TRANSLATE_NOOP("EngineProtocolSummary", "A transaction manager reserves (Try) in every service, then confirms or cancels the reservations. Reservations expire on their own; an empty cancel is recorded so that a late Try is refused.")},
    {"saga-orchestration", QT_TRANSLATE_NOOP("EngineProtocolSummary", "An orchestrator runs the steps one after another as local transactions; when a step fails it runs the compensations of the finished steps in reverse order.")},
    {"saga-choreography", QT_TRANSLATE_NOOP("EngineProtocolSummary", "No coordinator: each service reacts to the others' events through a broker that delivers at least once, and compensates when it hears of a failure.")},
    {"outbox", QT_TRANSLATE_NOOP("EngineProtocolSummary", "The service writes its data and the event to publish in one local transaction; a relay publishes the outbox and a consumer drops duplicates. No event is lost or applied twice.")},
    {"dual-write", QT_TRANSLATE_NOOP("EngineProtocolSummary", "The anti-pattern beside the outbox: the service commits, then publishes the event itself. A crash or a lost message in between loses the event or sends it twice.")},
    {"cap-register", QT_TRANSLATE_NOOP("EngineProtocolSummary", "One value replicated on several replicas, read and written by clients. CP waits for quorums and stays linearizable; AP answers locally and reconciles later (last writer wins or vector clocks).")},
    {"primary-backup", QT_TRANSLATE_NOOP("EngineProtocolSummary", "A primary replicates to backups and sends heartbeats; when they stop, a backup takes over. Without fencing, a partition leaves two primaries accepting writes.")},
};

constexpr Entry kFaults[] = {
    {"crash", QT_TRANSLATE_NOOP("EngineFault", "crash")},
    {"restart", QT_TRANSLATE_NOOP("EngineFault", "restart")},
    {"cut", QT_TRANSLATE_NOOP("EngineFault", "cut link")},
    {"heal", QT_TRANSLATE_NOOP("EngineFault", "heal link")},
    {"heal_all", QT_TRANSLATE_NOOP("EngineFault", "heal all")},
    {"partition", QT_TRANSLATE_NOOP("EngineFault", "partition")},
    {"heal_partition", QT_TRANSLATE_NOOP("EngineFault", "heal partition")},
    {"drop_next", QT_TRANSLATE_NOOP("EngineFault", "drop next message")},
    {"duplicate_next", QT_TRANSLATE_NOOP("EngineFault", "duplicate next message")},
    {"network", QT_TRANSLATE_NOOP("EngineFault", "network settings")},
};

constexpr Entry kOutcomes[] = {
    {"pending", QT_TRANSLATE_NOOP("EngineOutcome", "pending")},
    {"in_progress", QT_TRANSLATE_NOOP("EngineOutcome", "in progress")},
    {"committed", QT_TRANSLATE_NOOP("EngineOutcome", "committed")},
    {"aborted", QT_TRANSLATE_NOOP("EngineOutcome", "aborted")},
    {"blocked", QT_TRANSLATE_NOOP("EngineOutcome", "blocked")},
};

constexpr Entry kTraceKinds[] = {
    {"send", QT_TRANSLATE_NOOP("EngineTrace", "send")},
    {"deliver", QT_TRANSLATE_NOOP("EngineTrace", "deliver")},
    {"drop", QT_TRANSLATE_NOOP("EngineTrace", "drop")},
    {"duplicate", QT_TRANSLATE_NOOP("EngineTrace", "duplicate")},
    {"timer", QT_TRANSLATE_NOOP("EngineTrace", "timer")},
    {"crash", QT_TRANSLATE_NOOP("EngineTrace", "crash")},
    {"restart", QT_TRANSLATE_NOOP("EngineTrace", "restart")},
    {"state", QT_TRANSLATE_NOOP("EngineTrace", "state change")},
    {"log", QT_TRANSLATE_NOOP("EngineTrace", "log write")},
    {"lock", QT_TRANSLATE_NOOP("EngineTrace", "lock acquired")},
    {"unlock", QT_TRANSLATE_NOOP("EngineTrace", "lock released")},
    {"lock_wait", QT_TRANSLATE_NOOP("EngineTrace", "waiting for lock")},
    {"fault", QT_TRANSLATE_NOOP("EngineTrace", "fault")},
    {"txn_start", QT_TRANSLATE_NOOP("EngineTrace", "transaction start")},
    {"txn_end", QT_TRANSLATE_NOOP("EngineTrace", "transaction end")},
    {"limit", QT_TRANSLATE_NOOP("EngineTrace", "limit reached")},
    {"note", QT_TRANSLATE_NOOP("EngineTrace", "note")},
};

// Why a run stopped before its end (what the CLI prints as "HALTED: the run hit its ...").
constexpr Entry kHaltReasons[] = {
    {"trace_limit", QT_TRANSLATE_NOOP("EngineHalt", "the trace limit (4,000,000 records)")},
    {"queue_limit", QT_TRANSLATE_NOOP("EngineHalt", "the event queue limit (1,000,000 pending events)")},
    {"memory_limit", QT_TRANSLATE_NOOP("EngineHalt", "the memory limit (512 MiB)")},
};

constexpr Entry kDropReasons[] = {
    {"none", QT_TRANSLATE_NOOP("EngineDrop", "not dropped")},
    {"loss", QT_TRANSLATE_NOOP("EngineDrop", "lost by the network")},
    {"link_cut", QT_TRANSLATE_NOOP("EngineDrop", "link cut")},
    {"partition", QT_TRANSLATE_NOOP("EngineDrop", "across the partition")},
    {"node_down", QT_TRANSLATE_NOOP("EngineDrop", "receiver crashed")},
    {"injected", QT_TRANSLATE_NOOP("EngineDrop", "dropped on purpose")},
};

// Why a protocol cannot run a compared scenario (engine/scenario/compare_refusal.cpp lists the keys
// and their arguments). `kinds` says how each argument is worded: p = a protocol name, f = a fault
// kind, s = a state, m = a message, anything else stays as it is (numbers, node names).
struct RefusalEntry {
  std::string_view key;
  const char* source;
  std::string_view kinds;
};

constexpr RefusalEntry kCompareRefusals[] = {
    {"unknown_protocol", QT_TRANSLATE_NOOP("EngineCompareRefusal", "unknown protocol \"%1\""), "-"},
    {"invalid_params", QT_TRANSLATE_NOOP("EngineCompareRefusal", "its parameters are not valid (%1)"), "-"},
    {"not_a_protocol", QT_TRANSLATE_NOOP("EngineCompareRefusal", "it is not a protocol"), ""},
    {"target_no_workload", QT_TRANSLATE_NOOP("EngineCompareRefusal", "it has no transaction workload"), ""},
    {"source_no_workload", QT_TRANSLATE_NOOP("EngineCompareRefusal", "%1 has no transaction workload to compare"), "p"},
    {"random_abort_votes", QT_TRANSLATE_NOOP("EngineCompareRefusal", "random abort votes (abort_probability) have no common form"), ""},
    {"random_saga_failures", QT_TRANSLATE_NOOP("EngineCompareRefusal", "random saga failures (fail_probability below 1) have no common form"), ""},
    {"saga_timeout_failure", QT_TRANSLATE_NOOP("EngineCompareRefusal", "a step that times out (fail_mode \"timeout\") is not a refusal"), ""},
    {"capacity_runs_out", QT_TRANSLATE_NOOP("EngineCompareRefusal", "the capacity at %1 (%2) runs out part-way through the workload, which has no common form"), "--"},
    {"workers_exact", QT_TRANSLATE_NOOP("EngineCompareRefusal", "%1 has exactly %2 worker node(s) (%3); the file has %4"), "p---"},
    {"workers_range", QT_TRANSLATE_NOOP("EngineCompareRefusal", "%1 has %2 to %3 worker nodes (%4); the file has %5"), "p----"},
    {"no_refusal", QT_TRANSLATE_NOOP("EngineCompareRefusal", "%1 has no way for a worker to refuse a transaction; the file has worker %2 (%3) refusing"), "p--"},
    {"capacity_some_txns", QT_TRANSLATE_NOOP("EngineCompareRefusal", "%1 cannot make worker %2 (%3) refuse only some transactions: a service refuses once its capacity is gone"), "p--"},
    {"saga_one_step", QT_TRANSLATE_NOOP("EngineCompareRefusal", "%1 fails a saga at one step only; the file has worker %2 (%3) and worker %4 (%5) refusing different transactions"), "p----"},
    {"fault_no_coordinator", QT_TRANSLATE_NOOP("EngineCompareRefusal", "fault %1 (%2) acts on the coordinating node %3, and %4 has none"), "-f-p"},
    {"fault_no_counterpart", QT_TRANSLATE_NOOP("EngineCompareRefusal", "fault %1 (%2) names %3, which has no counterpart in %4 (only the coordinating node and the workers are matched)"), "-f-p"},
    {"fault_event_number", QT_TRANSLATE_NOOP("EngineCompareRefusal", "fault %1 (%2) waits for event #%3 of this protocol's own run, which %4 does not have; give it a time (\"at_ms\") instead"), "-f-p"},
    {"fault_state_missing", QT_TRANSLATE_NOOP("EngineCompareRefusal", "fault %1 (%2) waits for the state %3, which %4 does not have (nor one state of the same kind at that node)"), "-fsp"},
    {"fault_message_missing", QT_TRANSLATE_NOOP("EngineCompareRefusal", "fault %1 (%2) waits for the message %3, which %4 does not send"), "-fmp"},
};

QString at(const std::vector<std::string>& keys, int index, QString (*fn)(std::string_view)) {
  if (index < 0 || static_cast<std::size_t>(index) >= keys.size()) return QString::number(index);
  return fn(keys[static_cast<std::size_t>(index)]);
}

QString nodeName(const cs::Simulator& sim, cs::NodeId n) {
  if (n < 0 || static_cast<std::size_t>(n) >= sim.nodes().size()) return QStringLiteral("?");
  return QString::fromStdString(sim.nodes()[static_cast<std::size_t>(n)].name);
}

}  // namespace

QString state(std::string_view key) { return lookup("EngineState", kStates, key); }
QString message(std::string_view key) { return lookup("EngineMessage", kMessages, key); }
QString logRecord(std::string_view key) { return lookup("EngineLog", kLogRecords, key); }
QString timer(std::string_view key) { return lookup("EngineTimer", kTimers, key); }
QString note(std::string_view key) { return lookup("EngineNote", kNotes, key); }
QString role(std::string_view key) { return lookup("EngineRole", kRoles, key); }
QString faultKind(cs::FaultKind kind) { return lookup("EngineFault", kFaults, cs::fault_kind_key(kind)); }
QString outcome(cs::TxnOutcome o) { return lookup("EngineOutcome", kOutcomes, cs::txn_outcome_key(o)); }
QString traceKind(cs::TraceKind kind) { return lookup("EngineTrace", kTraceKinds, cs::trace_kind_key(kind)); }
QString dropReason(cs::DropReason reason) { return lookup("EngineDrop", kDropReasons, cs::drop_reason_key(reason)); }
QString haltReason(cs::HaltReason reason) { return lookup("EngineHalt", kHaltReasons, cs::halt_reason_key(reason)); }
QString invariant(std::string_view key) { return lookup("EngineInvariant", kInvariants, key); }
QString invariantDescription(std::string_view key) {
  return lookup("EngineInvariant", kInvariantDescriptions, key);
}
QString protocolName(std::string_view key) { return lookup("EngineProtocol", kProtocols, key); }
QString protocolSummary(std::string_view key) {
  for (const Entry& e : kProtocolSummaries)
    if (e.key == key) return QCoreApplication::translate("EngineProtocolSummary", e.source);
  return {};
}

namespace {

QString transitionPart(const cs::ProtocolInfo& info, QString part) {
  part = part.trimmed();
  const std::string whole = part.toStdString();
  for (const Entry& e : kTransitionEvents)  // a phrase of its own first ("ORDER+OUTBOX")
    if (e.key == whole) return QCoreApplication::translate("EngineTransition", e.source);
  if (part.startsWith(QLatin1String("all ")))
    return QCoreApplication::translate("EngineTransition", "all %1").arg(transitionPart(info, part.mid(4)));
  if (part.contains(QLatin1Char('|'))) {
    const QStringList alternatives = part.split(QLatin1Char('|'));
    QString out = transitionPart(info, alternatives.front());
    for (qsizetype i = 1; i < alternatives.size(); ++i)
      out = QCoreApplication::translate("EngineTransition", "%1 or %2").arg(out, transitionPart(info, alternatives[i]));
    return out;
  }
  if (part.contains(QLatin1Char('+'))) {  // "WRITE_OK+REPLICATE": both sent
    const QStringList both = part.split(QLatin1Char('+'));
    QString out = transitionPart(info, both.front());
    for (qsizetype i = 1; i < both.size(); ++i)
      out = QCoreApplication::translate("EngineTransition", "%1 and %2").arg(out, transitionPart(info, both[i]));
    return out;
  }
  if (info.message_index(whole) >= 0) return part;
  return part.replace(QLatin1Char('_'), QLatin1Char(' '));
}

}  // namespace

QString transitionLabel(const cs::ProtocolInfo& info, std::string_view key) {
  // "event/action": what the node received or noticed, then what it sends in response.
  const QStringList parts = QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size())).split(QLatin1Char('/'));
  QStringList out;
  for (const QString& part : parts) out << transitionPart(info, part);
  return out.join(QStringLiteral(" / "));
}

QString stateAt(const cs::ProtocolInfo& info, int index) { return at(info.states, index, &state); }
QString messageAt(const cs::ProtocolInfo& info, int index) { return at(info.messages, index, &message); }
QString logRecordAt(const cs::ProtocolInfo& info, int index) { return at(info.log_records, index, &logRecord); }

namespace {

QString refusalArgument(char kind, const std::string& arg) {
  switch (kind) {
    case 'p': return protocolName(arg);
    case 'f': return lookup("EngineFault", kFaults, arg);
    case 's': return state(arg);
    case 'm': return message(arg);
    default: return QString::fromStdString(arg);
  }
}

const RefusalEntry* refusalEntry(std::string_view key) {
  for (const RefusalEntry& e : kCompareRefusals)
    if (e.key == key) return &e;
  return nullptr;
}

}  // namespace

bool knowsCompareRefusal(std::string_view key) { return refusalEntry(key) != nullptr; }

QString compareRefusalReason(const cs::CompareRefusal& r) {
  const RefusalEntry* e = refusalEntry(r.key);
  if (!e || e->kinds.size() != r.args.size()) return QString::fromStdString(cs::compare_refusal_english(r));
  QString out = QCoreApplication::translate("EngineCompareRefusal", e->source);
  for (std::size_t i = 0; i < r.args.size(); ++i) out = out.arg(refusalArgument(e->kinds[i], r.args[i]));
  return out;
}

QString compareRefusal(std::string_view target, const cs::CompareRefusal& r) {
  return QCoreApplication::translate("EngineCompareRefusal", "%1 cannot run this scenario: %2")
      .arg(protocolName(target), compareRefusalReason(r));
}

QString faultDescription(const cs::FaultAction& a, const cs::Simulator& sim) {
  using cs::FaultKind;
  switch (a.kind) {
    case FaultKind::Crash: return QCoreApplication::translate("EngineText", "Crash %1").arg(nodeName(sim, a.a));
    case FaultKind::Restart: return QCoreApplication::translate("EngineText", "Restart %1").arg(nodeName(sim, a.a));
    case FaultKind::Cut: return QCoreApplication::translate("EngineText", "Cut link %1 – %2").arg(nodeName(sim, a.a), nodeName(sim, a.b));
    case FaultKind::Heal: return QCoreApplication::translate("EngineText", "Heal link %1 – %2").arg(nodeName(sim, a.a), nodeName(sim, a.b));
    case FaultKind::HealAll: return QCoreApplication::translate("EngineText", "Heal all links and partitions");
    case FaultKind::HealPartition: return QCoreApplication::translate("EngineText", "Heal the partition");
    case FaultKind::DropNext: return QCoreApplication::translate("EngineText", "Drop the next message on %1 – %2").arg(nodeName(sim, a.a), nodeName(sim, a.b));
    case FaultKind::DuplicateNext:
      return QCoreApplication::translate("EngineText", "Duplicate the next message on %1 – %2").arg(nodeName(sim, a.a), nodeName(sim, a.b));
    case FaultKind::SetNetwork: return QCoreApplication::translate("EngineText", "Change network settings");
    case FaultKind::Partition: {
      QStringList sides;
      for (const auto& g : a.groups) {
        QStringList names;
        for (cs::NodeId n : g) names << nodeName(sim, n);
        sides << QStringLiteral("{%1}").arg(names.join(QStringLiteral(", ")));
      }
      return QCoreApplication::translate("EngineText", "Partition %1").arg(sides.join(QStringLiteral(" | ")));
    }
  }
  return faultKind(a.kind);
}

}  // namespace EngineText
