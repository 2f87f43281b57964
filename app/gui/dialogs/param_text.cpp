#include "param_text.hpp"

#include <QCoreApplication>

namespace {

struct Entry {
  const char* key;
  const char* label;
  const char* help;
};

// One row per parameter key of every protocol (keys shared by protocols mean the same there).
constexpr Entry kParams[] = {
    {"participants", QT_TRANSLATE_NOOP("ParamText", "Participants"), QT_TRANSLATE_NOOP("ParamText", "Participants P1…Pn besides the coordinator C.")},
    {"transactions", QT_TRANSLATE_NOOP("ParamText", "Transactions"), QT_TRANSLATE_NOOP("ParamText", "How many transactions the client starts.")},
    {"interval_ms", QT_TRANSLATE_NOOP("ParamText", "Interval between starts"), QT_TRANSLATE_NOOP("ParamText", "Time between two transactions (or operations) the client starts.")},
    {"work_ms", QT_TRANSLATE_NOOP("ParamText", "Local work"), QT_TRANSLATE_NOOP("ParamText", "Local work before the coordinator asks for votes; locks are held meanwhile.")},
    {"timeout_ms", QT_TRANSLATE_NOOP("ParamText", "Vote / decision timeout"), QT_TRANSLATE_NOOP("ParamText", "How long the coordinator waits for votes, and a participant for the decision.")},
    {"ack_timeout_ms", QT_TRANSLATE_NOOP("ParamText", "Acknowledgement timeout"), QT_TRANSLATE_NOOP("ParamText", "How often the decision is sent again to those that have not acknowledged it.")},
    {"disk_ms", QT_TRANSLATE_NOOP("ParamText", "Forced log write"), QT_TRANSLATE_NOOP("ParamText", "Latency of a forced write to the durable log.")},
    {"pool_size", QT_TRANSLATE_NOOP("ParamText", "Sessions per participant"), QT_TRANSLATE_NOOP("ParamText", "Connection pool size (0: unlimited); a transaction that finds no free session fails.")},
    {"pool_release", QT_TRANSLATE_NOOP("ParamText", "Session given back"), QT_TRANSLATE_NOOP("ParamText", "When a transaction gives its session back: at READY, as PREPARE TRANSACTION detaches it, or at the decision.")},
    {"janitor_ms", QT_TRANSLATE_NOOP("ParamText", "Janitor"), QT_TRANSLATE_NOOP("ParamText", "0: off; else a participant rolls back a transaction left READY this long (a heuristic decision).")},
    {"client_retry_ms", QT_TRANSLATE_NOOP("ParamText", "Client retry"), QT_TRANSLATE_NOOP("ParamText", "How often the client tries again while the node it talks to is down.")},
    {"resources", QT_TRANSLATE_NOOP("ParamText", "Resources per participant"), QT_TRANSLATE_NOOP("ParamText", "Lockable resources each participant holds; fewer means more lock conflicts.")},
    {"abort_probability", QT_TRANSLATE_NOOP("ParamText", "Abort vote probability"), QT_TRANSLATE_NOOP("ParamText", "Chance that a participant votes abort, per transaction.")},
    {"votes", QT_TRANSLATE_NOOP("ParamText", "Fixed votes"), QT_TRANSLATE_NOOP("ParamText", "Participants that vote abort: on every transaction, or only on the listed ones.")},
    {"precommit_retries", QT_TRANSLATE_NOOP("ParamText", "PRECOMMIT re-sends"), QT_TRANSLATE_NOOP("ParamText", "Re-sends of PRECOMMIT before the coordinator commits without every acknowledgement.")},
    {"window_ms", QT_TRANSLATE_NOOP("ParamText", "Termination window"), QT_TRANSLATE_NOOP("ParamText", "How long a termination round gathers the participants' states.")},
    {"faults", QT_TRANSLATE_NOOP("ParamText", "Tolerated faults F"), QT_TRANSLATE_NOOP("ParamText", "Paxos Commit runs 2F+1 acceptors A1…A(2F+1), so that F of them and the leader may crash.")},
    {"services", QT_TRANSLATE_NOOP("ParamText", "Services"), QT_TRANSLATE_NOOP("ParamText", "Services (ACCOUNT, INVENTORY, …) besides the transaction manager.")},
    {"amount", QT_TRANSLATE_NOOP("ParamText", "Amount"), QT_TRANSLATE_NOOP("ParamText", "Amount each service reserves per transaction.")},
    {"amount_max", QT_TRANSLATE_NOOP("ParamText", "Largest amount"), QT_TRANSLATE_NOOP("ParamText", "When larger than the amount, each transaction's amount is drawn between the two.")},
    {"try_ms", QT_TRANSLATE_NOOP("ParamText", "Try work"), QT_TRANSLATE_NOOP("ParamText", "A service's local work on TRY.")},
    {"try_timeout_ms", QT_TRANSLATE_NOOP("ParamText", "Try timeout"), QT_TRANSLATE_NOOP("ParamText", "How long the transaction manager waits for every TRY answer.")},
    {"retry_ms", QT_TRANSLATE_NOOP("ParamText", "Re-send period"), QT_TRANSLATE_NOOP("ParamText", "How often an unanswered request (CONFIRM, CANCEL, a saga step) is sent again.")},
    {"reservation_ms", QT_TRANSLATE_NOOP("ParamText", "Reservation lifetime"), QT_TRANSLATE_NOOP("ParamText", "A reservation expires after this long and the service cancels it on its own.")},
    {"capacity", QT_TRANSLATE_NOOP("ParamText", "Capacity"), QT_TRANSLATE_NOOP("ParamText", "What each service can reserve in all.")},
    {"sagas", QT_TRANSLATE_NOOP("ParamText", "Sagas"), QT_TRANSLATE_NOOP("ParamText", "How many sagas (orders) the client starts.")},
    {"steps", QT_TRANSLATE_NOOP("ParamText", "Saga steps"), QT_TRANSLATE_NOOP("ParamText", "ORDER, PAYMENT, then INVENTORY, then SHIPPING.")},
    {"fail_step", QT_TRANSLATE_NOOP("ParamText", "Failing step"), QT_TRANSLATE_NOOP("ParamText", "The step at which a saga fails.")},
    {"fail_mode", QT_TRANSLATE_NOOP("ParamText", "How it fails"), QT_TRANSLATE_NOOP("ParamText", "A definitive failure reply, or no reply at all.")},
    {"fail_probability", QT_TRANSLATE_NOOP("ParamText", "Failure probability"), QT_TRANSLATE_NOOP("ParamText", "Chance that a saga fails at the failing step.")},
    {"compensation_failures", QT_TRANSLATE_NOOP("ParamText", "Failed compensations"), QT_TRANSLATE_NOOP("ParamText", "Each compensation fails this many times before it succeeds.")},
    {"fail_sagas", QT_TRANSLATE_NOOP("ParamText", "Sagas that may fail"), QT_TRANSLATE_NOOP("ParamText", "Only these sagas may fail.")},
    {"step_timeout_ms", QT_TRANSLATE_NOOP("ParamText", "Step deadline"), QT_TRANSLATE_NOOP("ParamText", "Deadline of a forward step; 0 waits forever, and a hung service then blocks the saga.")},
    {"concurrent_reader", QT_TRANSLATE_NOOP("ParamText", "Concurrent reader"), QT_TRANSLATE_NOOP("ParamText", "Finite stock and a second reader, to show a dirty read between sagas.")},
    {"stock", QT_TRANSLATE_NOOP("ParamText", "Stock"), QT_TRANSLATE_NOOP("ParamText", "INVENTORY's stock; -1 is unlimited.")},
    {"countermeasure", QT_TRANSLATE_NOOP("ParamText", "Isolation countermeasure"), QT_TRANSLATE_NOOP("ParamText", "How the saga keeps others from reading its unfinished work.")},
    {"compensation", QT_TRANSLATE_NOOP("ParamText", "Stock compensation"), QT_TRANSLATE_NOOP("ParamText", "How RELEASE_STOCK undoes a reservation: add the unit back, or write back the stock read before it (a lost update if another saga reserved meanwhile).")},
    {"redeliver_ms", QT_TRANSLATE_NOOP("ParamText", "Redelivery period"), QT_TRANSLATE_NOOP("ParamText", "The broker delivers again when no delivery acknowledgement came.")},
    {"republish_ms", QT_TRANSLATE_NOOP("ParamText", "Re-publish period"), QT_TRANSLATE_NOOP("ParamText", "A service publishes its event again when no publish acknowledgement came.")},
    {"orders", QT_TRANSLATE_NOOP("ParamText", "Orders"), QT_TRANSLATE_NOOP("ParamText", "How many orders the client places.")},
    {"poll_ms", QT_TRANSLATE_NOOP("ParamText", "Relay polling period"), QT_TRANSLATE_NOOP("ParamText", "How often the relay reads the outbox table.")},
    {"batch", QT_TRANSLATE_NOOP("ParamText", "Rows per poll"), QT_TRANSLATE_NOOP("ParamText", "How many outbox rows the relay takes at a time.")},
    {"publish_timeout_ms", QT_TRANSLATE_NOOP("ParamText", "Publish timeout"), QT_TRANSLATE_NOOP("ParamText", "Publish again when no publish acknowledgement came.")},
    {"idempotent_consumer", QT_TRANSLATE_NOOP("ParamText", "Idempotent consumer"), QT_TRANSLATE_NOOP("ParamText", "The consumer remembers processed events and skips duplicates.")},
    {"consumers", QT_TRANSLATE_NOOP("ParamText", "Downstream services"), QT_TRANSLATE_NOOP("ParamText", "How many downstream services (consumers) receive every order's event; an order is done when all of them have applied it.")},
    {"publish_delay_ms", QT_TRANSLATE_NOOP("ParamText", "Commit-to-publish delay"), QT_TRANSLATE_NOOP("ParamText", "Time between the commit and the publish; a crash in it loses the event.")},
    {"mode", QT_TRANSLATE_NOOP("ParamText", "Mode"), QT_TRANSLATE_NOOP("ParamText", "CP refuses without a majority quorum; AP answers from the local replica.")},
    {"replicas", QT_TRANSLATE_NOOP("ParamText", "Replicas"), QT_TRANSLATE_NOOP("ParamText", "Replicas R1…Rn.")},
    {"clients", QT_TRANSLATE_NOOP("ParamText", "Clients"), QT_TRANSLATE_NOOP("ParamText", "Clients K1…Km.")},
    {"operations", QT_TRANSLATE_NOOP("ParamText", "Operations"), QT_TRANSLATE_NOOP("ParamText", "Operations, taken in turn by the clients.")},
    {"write_ratio", QT_TRANSLATE_NOOP("ParamText", "Share of writes"), QT_TRANSLATE_NOOP("ParamText", "Chance that an operation is a write.")},
    {"keys", QT_TRANSLATE_NOOP("ParamText", "Registers"), QT_TRANSLATE_NOOP("ParamText", "How many registers (keys) the replicas hold.")},
    {"read_quorum", QT_TRANSLATE_NOOP("ParamText", "Read quorum"), QT_TRANSLATE_NOOP("ParamText", "Replicas a CP read asks.")},
    {"write_quorum", QT_TRANSLATE_NOOP("ParamText", "Write quorum"), QT_TRANSLATE_NOOP("ParamText", "Replicas a CP write stores at.")},
    {"quorum_timeout_ms", QT_TRANSLATE_NOOP("ParamText", "Quorum timeout"), QT_TRANSLATE_NOOP("ParamText", "A CP replica gives up and answers FAIL.")},
    {"op_timeout_ms", QT_TRANSLATE_NOOP("ParamText", "Operation timeout"), QT_TRANSLATE_NOOP("ParamText", "A client gives up waiting for an answer.")},
    {"conflict", QT_TRANSLATE_NOOP("ParamText", "Conflict resolution"), QT_TRANSLATE_NOOP("ParamText", "AP: last-writer-wins timestamps, or vector clocks that keep siblings.")},
    {"sync_interval_ms", QT_TRANSLATE_NOOP("ParamText", "Anti-entropy period"), QT_TRANSLATE_NOOP("ParamText", "How often AP replicas exchange their values (0: never; they then converge only through the writes they forward).")},
    {"attach", QT_TRANSLATE_NOOP("ParamText", "Client attachment"), QT_TRANSLATE_NOOP("ParamText", "Which replica each client talks to.")},
    {"clock_skew_ms", QT_TRANSLATE_NOOP("ParamText", "Clock skew"), QT_TRANSLATE_NOOP("ParamText", "Each replica's clock offset (AP, last writer wins).")},
    {"servers", QT_TRANSLATE_NOOP("ParamText", "Servers"), QT_TRANSLATE_NOOP("ParamText", "Servers N1…Nn; with two and fencing, no failover is possible.")},
    {"fencing", QT_TRANSLATE_NOOP("ParamText", "Fencing"), QT_TRANSLATE_NOOP("ParamText", "Majority votes and leases; without them a backup takes over alone and split brain is possible.")},
    {"fencing_token", QT_TRANSLATE_NOOP("ParamText", "Fencing token at storage"), QT_TRANSLATE_NOOP("ParamText", "A STORAGE node holds the data and rejects a write whose term (fencing token) is older than one it has seen; elections need a majority.")},
    {"writes", QT_TRANSLATE_NOOP("ParamText", "Writes"), QT_TRANSLATE_NOOP("ParamText", "Writes, taken in turn by the clients.")},
    {"heartbeat_ms", QT_TRANSLATE_NOOP("ParamText", "Heartbeat period"), QT_TRANSLATE_NOOP("ParamText", "How often the primary says it is alive.")},
    {"failover_ms", QT_TRANSLATE_NOOP("ParamText", "Failover after"), QT_TRANSLATE_NOOP("ParamText", "Silence before a backup takes over.")},
    {"lease_ms", QT_TRANSLATE_NOOP("ParamText", "Lease length"), QT_TRANSLATE_NOOP("ParamText", "With fencing: how long a lease and a vote promise last.")},
    {"client_timeout_ms", QT_TRANSLATE_NOOP("ParamText", "Client timeout"), QT_TRANSLATE_NOOP("ParamText", "A client gives up waiting for the write's answer and asks again.")},
    {"max_attempts", QT_TRANSLATE_NOOP("ParamText", "Attempts per write"), QT_TRANSLATE_NOOP("ParamText", "How often a client tries one write before it gives up.")},
};

struct Choice {
  const char* key;
  const char* value;
  const char* label;
};

constexpr Choice kChoices[] = {
    {"fail_step", "none", QT_TRANSLATE_NOOP("ParamText", "none (every saga succeeds)")},
    {"fail_step", "order", QT_TRANSLATE_NOOP("ParamText", "ORDER")},
    {"fail_step", "payment", QT_TRANSLATE_NOOP("ParamText", "PAYMENT")},
    {"fail_step", "inventory", QT_TRANSLATE_NOOP("ParamText", "INVENTORY")},
    {"fail_step", "shipping", QT_TRANSLATE_NOOP("ParamText", "SHIPPING")},
    {"fail_mode", "business", QT_TRANSLATE_NOOP("ParamText", "a failure reply (business error)")},
    {"fail_mode", "timeout", QT_TRANSLATE_NOOP("ParamText", "no reply (timeout)")},
    {"countermeasure", "none", QT_TRANSLATE_NOOP("ParamText", "none")},
    {"countermeasure", "semantic_lock", QT_TRANSLATE_NOOP("ParamText", "semantic lock")},
    {"compensation", "undo", QT_TRANSLATE_NOOP("ParamText", "undo (add the unit back)")},
    {"compensation", "restore", QT_TRANSLATE_NOOP("ParamText", "restore (write back the old stock)")},
    {"mode", "cp", QT_TRANSLATE_NOOP("ParamText", "CP (consistent, may refuse)")},
    {"mode", "ap", QT_TRANSLATE_NOOP("ParamText", "AP (available, may diverge)")},
    {"conflict", "lww", QT_TRANSLATE_NOOP("ParamText", "last writer wins")},
    {"conflict", "vector", QT_TRANSLATE_NOOP("ParamText", "vector clocks")},
    {"pool_release", "prepare", QT_TRANSLATE_NOOP("ParamText", "at READY (PREPARE TRANSACTION)")},
    {"pool_release", "decision", QT_TRANSLATE_NOOP("ParamText", "at the decision")},
};

const Entry* find(std::string_view key) {
  for (const Entry& e : kParams)
    if (key == e.key) return &e;
  return nullptr;
}

}  // namespace

namespace ParamText {

QString label(std::string_view key) {
  const Entry* e = find(key);
  return e ? QCoreApplication::translate("ParamText", e->label) : QString();
}

QString help(std::string_view key) {
  const Entry* e = find(key);
  return e ? QCoreApplication::translate("ParamText", e->help) : QString();
}

QString choice(std::string_view key, std::string_view value) {
  for (const Choice& c : kChoices)
    if (key == c.key && value == c.value) return QCoreApplication::translate("ParamText", c.label);
  return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

}  // namespace ParamText
