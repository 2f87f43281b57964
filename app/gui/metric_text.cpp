#include "metric_text.hpp"

#include <QCoreApplication>

namespace MetricText {
namespace {

struct Entry {
  std::string_view key;
  const char* source;  // English source text that lupdate extracts (context "MetricName")
  Tone tone;
};

// Every run-wide key the protocols report today (engine/protocols/*.cpp, metrics()), plus the
// averages the chart derives from "*_latency_sum_us" / "*_latency_count" pairs.
constexpr Entry kNames[] = {
    // Replicated register (CP / AP)
    {"ops_ok", QT_TRANSLATE_NOOP("MetricName", "Requests answered"), Tone::Good},
    {"errors", QT_TRANSLATE_NOOP("MetricName", "Requests refused"), Tone::Bad},
    {"timeouts", QT_TRANSLATE_NOOP("MetricName", "Requests timed out"), Tone::Bad},
    {"stale_reads", QT_TRANSLATE_NOOP("MetricName", "Stale reads"), Tone::Anomaly},
    {"skipped", QT_TRANSLATE_NOOP("MetricName", "Operations skipped"), Tone::Neutral},
    {"abandoned", QT_TRANSLATE_NOOP("MetricName", "Operations abandoned"), Tone::Bad},
    {"served", QT_TRANSLATE_NOOP("MetricName", "Requests served by replicas"), Tone::Good},
    {"refused", QT_TRANSLATE_NOOP("MetricName", "Requests refused by replicas"), Tone::Bad},
    {"read_repairs", QT_TRANSLATE_NOOP("MetricName", "Read repairs"), Tone::Neutral},
    {"conflicts", QT_TRANSLATE_NOOP("MetricName", "Concurrent writes kept as siblings"), Tone::Anomaly},
    {"lost_updates", QT_TRANSLATE_NOOP("MetricName", "Lost updates"), Tone::Bad},
    {"read_latency_avg_us", QT_TRANSLATE_NOOP("MetricName", "Average read latency"), Tone::Duration},
    {"read_latency_max_us", QT_TRANSLATE_NOOP("MetricName", "Longest read latency"), Tone::Duration},
    {"write_latency_avg_us", QT_TRANSLATE_NOOP("MetricName", "Average write latency"), Tone::Duration},
    {"write_latency_max_us", QT_TRANSLATE_NOOP("MetricName", "Longest write latency"), Tone::Duration},
    // Primary/backup
    {"writes_accepted", QT_TRANSLATE_NOOP("MetricName", "Writes accepted by servers"), Tone::Good},
    {"writes_refused", QT_TRANSLATE_NOOP("MetricName", "Writes refused by servers"), Tone::Bad},
    {"conflicting_writes", QT_TRANSLATE_NOOP("MetricName", "Conflicting writes"), Tone::Anomaly},
    {"failovers", QT_TRANSLATE_NOOP("MetricName", "Failovers"), Tone::Neutral},
    {"writes_ok", QT_TRANSLATE_NOOP("MetricName", "Writes acknowledged"), Tone::Good},
    {"writes_failed", QT_TRANSLATE_NOOP("MetricName", "Writes failed"), Tone::Bad},
    {"retries", QT_TRANSLATE_NOOP("MetricName", "Retries"), Tone::Neutral},
    {"primaries", QT_TRANSLATE_NOOP("MetricName", "Primaries right now"), Tone::Level},
    {"primaries_max", QT_TRANSLATE_NOOP("MetricName", "Most primaries at once"), Tone::Anomaly},
    // 2PC and 3PC
    {"txns_committed", QT_TRANSLATE_NOOP("MetricName", "Transactions committed"), Tone::Good},
    {"txns_aborted", QT_TRANSLATE_NOOP("MetricName", "Transactions aborted"), Tone::Bad},
    {"locks_held", QT_TRANSLATE_NOOP("MetricName", "Locks held"), Tone::Level},
    {"blocked_participants", QT_TRANSLATE_NOOP("MetricName", "Participants blocked"), Tone::Level},
    {"lock_waiters", QT_TRANSLATE_NOOP("MetricName", "Transactions waiting for a lock"), Tone::Level},
    {"termination_rounds", QT_TRANSLATE_NOOP("MetricName", "Termination rounds"), Tone::Neutral},
    {"elected_commits", QT_TRANSLATE_NOOP("MetricName", "Commits by an elected coordinator"), Tone::Good},
    {"elected_aborts", QT_TRANSLATE_NOOP("MetricName", "Aborts by an elected coordinator"), Tone::Bad},
    {"precommit_retries", QT_TRANSLATE_NOOP("MetricName", "PRECOMMIT retries"), Tone::Neutral},
    {"commits_without_acks", QT_TRANSLATE_NOOP("MetricName", "Commits without every acknowledgement"), Tone::Anomaly},
    {"conflicting_decisions", QT_TRANSLATE_NOOP("MetricName", "Conflicting decisions"), Tone::Bad},
    {"duplicate_decisions", QT_TRANSLATE_NOOP("MetricName", "Duplicate decisions"), Tone::Neutral},
    {"in_doubt_recoveries", QT_TRANSLATE_NOOP("MetricName", "In-doubt recoveries"), Tone::Neutral},
    {"uncertain_participants", QT_TRANSLATE_NOOP("MetricName", "Participants uncertain"), Tone::Level},
    // TCC
    {"tcc_confirmed", QT_TRANSLATE_NOOP("MetricName", "Transactions confirmed"), Tone::Good},
    {"tcc_cancelled", QT_TRANSLATE_NOOP("MetricName", "Transactions cancelled"), Tone::Bad},
    {"reservations_held", QT_TRANSLATE_NOOP("MetricName", "Reservations held"), Tone::Level},
    {"frozen_amount", QT_TRANSLATE_NOOP("MetricName", "Amount frozen"), Tone::Level},
    {"expirations", QT_TRANSLATE_NOOP("MetricName", "Reservations expired"), Tone::Anomaly},
    {"empty_cancels", QT_TRANSLATE_NOOP("MetricName", "Empty cancels"), Tone::Neutral},
    {"late_tries_refused", QT_TRANSLATE_NOOP("MetricName", "Late tries refused"), Tone::Neutral},
    {"confirms_refused", QT_TRANSLATE_NOOP("MetricName", "Confirms refused"), Tone::Bad},
    {"try_rejections", QT_TRANSLATE_NOOP("MetricName", "Tries rejected"), Tone::Bad},
    {"duplicates_ignored", QT_TRANSLATE_NOOP("MetricName", "Duplicates ignored"), Tone::Neutral},
    // Sagas
    {"sagas_started", QT_TRANSLATE_NOOP("MetricName", "Sagas started"), Tone::Neutral},
    {"sagas_completed", QT_TRANSLATE_NOOP("MetricName", "Sagas completed"), Tone::Good},
    {"sagas_compensated", QT_TRANSLATE_NOOP("MetricName", "Sagas compensated"), Tone::Bad},
    {"sagas_running", QT_TRANSLATE_NOOP("MetricName", "Sagas running"), Tone::Level},
    {"steps_applied", QT_TRANSLATE_NOOP("MetricName", "Steps applied"), Tone::Good},
    {"compensations", QT_TRANSLATE_NOOP("MetricName", "Compensations run"), Tone::Anomaly},
    {"empty_compensations", QT_TRANSLATE_NOOP("MetricName", "Empty compensations"), Tone::Neutral},
    {"compensation_failures", QT_TRANSLATE_NOOP("MetricName", "Compensation failures"), Tone::Bad},
    {"command_retries", QT_TRANSLATE_NOOP("MetricName", "Command retries"), Tone::Neutral},
    {"late_commands_refused", QT_TRANSLATE_NOOP("MetricName", "Late commands refused"), Tone::Neutral},
    {"step_timeouts", QT_TRANSLATE_NOOP("MetricName", "Step timeouts"), Tone::Bad},
    {"stale_replies", QT_TRANSLATE_NOOP("MetricName", "Stale replies"), Tone::Neutral},
    {"dirty_reads", QT_TRANSLATE_NOOP("MetricName", "Dirty reads"), Tone::Anomaly},
    {"semantic_lock_waits", QT_TRANSLATE_NOOP("MetricName", "Semantic lock waits"), Tone::Level},
    {"stock", QT_TRANSLATE_NOOP("MetricName", "Stock"), Tone::Level},
    {"deliveries", QT_TRANSLATE_NOOP("MetricName", "Deliveries"), Tone::Neutral},
    {"duplicate_publishes", QT_TRANSLATE_NOOP("MetricName", "Duplicate publishes"), Tone::Anomaly},
    {"events_pending", QT_TRANSLATE_NOOP("MetricName", "Events not yet acknowledged"), Tone::Level},
    // Outbox and dual write (events_published, republishes, ... are shared with the choreography)
    {"orders_committed", QT_TRANSLATE_NOOP("MetricName", "Orders committed"), Tone::Good},
    {"events_published", QT_TRANSLATE_NOOP("MetricName", "Events published"), Tone::Neutral},
    {"events_stored", QT_TRANSLATE_NOOP("MetricName", "Events stored by the broker"), Tone::Neutral},
    {"effects_applied", QT_TRANSLATE_NOOP("MetricName", "Effects applied"), Tone::Good},
    {"duplicate_effects", QT_TRANSLATE_NOOP("MetricName", "Duplicate effects"), Tone::Anomaly},
    {"duplicates_suppressed", QT_TRANSLATE_NOOP("MetricName", "Duplicates suppressed"), Tone::Neutral},
    {"lost_events", QT_TRANSLATE_NOOP("MetricName", "Lost events"), Tone::Bad},
    {"pending_events", QT_TRANSLATE_NOOP("MetricName", "Events pending"), Tone::Level},
    {"outbox_unsent", QT_TRANSLATE_NOOP("MetricName", "Outbox rows not yet sent"), Tone::Level},
    {"republishes", QT_TRANSLATE_NOOP("MetricName", "Republishes"), Tone::Neutral},
    {"redeliveries", QT_TRANSLATE_NOOP("MetricName", "Redeliveries"), Tone::Neutral},
    // Shared latencies
    {"latency_avg_us", QT_TRANSLATE_NOOP("MetricName", "Average latency"), Tone::Duration},
    {"latency_max_us", QT_TRANSLATE_NOOP("MetricName", "Longest latency"), Tone::Duration},
};

const Entry* find(std::string_view key) {
  for (const Entry& e : kNames)
    if (e.key == key) return &e;
  return nullptr;
}

struct Defaults {
  std::string_view protocol;
  std::string_view keys[3];
};

// What each protocol's lesson is about: availability vs consistency for the register, outcomes and
// what they cost (locks, reservations, compensations) for the transaction protocols, lost and
// duplicated effects for the outbox, two primaries for split-brain.
constexpr Defaults kDefaults[] = {
    {"cap-register", {"ops_ok", "errors", "stale_reads"}},
    {"2pc", {"txns_committed", "txns_aborted", "locks_held"}},
    {"3pc", {"txns_committed", "txns_aborted", "locks_held"}},
    {"tcc", {"tcc_confirmed", "tcc_cancelled", "reservations_held"}},
    {"saga-orchestration", {"sagas_completed", "sagas_compensated", "compensations"}},
    {"saga-choreography", {"sagas_completed", "sagas_compensated", "compensations"}},
    {"outbox", {"effects_applied", "lost_events", "duplicate_effects"}},
    {"dual-write", {"effects_applied", "lost_events", "duplicate_effects"}},
    {"primary-backup", {"writes_ok", "conflicting_writes", "primaries"}},
};

}  // namespace

QString name(std::string_view key) {
  if (const Entry* e = find(key)) return QCoreApplication::translate("MetricName", e->source);
  return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

bool isDuration(std::string_view key) { return key.size() > 3 && key.substr(key.size() - 3) == "_us"; }

Tone tone(std::string_view key) {
  if (const Entry* e = find(key)) return e->tone;
  return isDuration(key) ? Tone::Duration : Tone::Neutral;
}

std::vector<std::string_view> defaults(std::string_view protocol) {
  for (const Defaults& d : kDefaults)
    if (d.protocol == protocol) return {std::begin(d.keys), std::end(d.keys)};
  return {};
}

}  // namespace MetricText
