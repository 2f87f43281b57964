#include "metric_text.hpp"

#include <QCoreApplication>
#include <iterator>

#include "protocols/registry.hpp"

namespace MetricText {
namespace {

struct Entry {
  std::string_view key;
  const char* source;  // English source text that lupdate extracts (context "MetricName")
};

// Every run-wide key the protocols report today (engine/protocols/*.cpp, metrics()), plus the
// averages the chart derives from "*_latency_sum_us" / "*_latency_count" pairs.
constexpr Entry kNames[] = {
    // Replicated register (CP / AP)
    {"ops_ok", QT_TRANSLATE_NOOP("MetricName", "Requests answered")},
    {"errors", QT_TRANSLATE_NOOP("MetricName", "Requests refused")},
    {"timeouts", QT_TRANSLATE_NOOP("MetricName", "Requests timed out")},
    {"stale_reads", QT_TRANSLATE_NOOP("MetricName", "Stale reads")},
    {"skipped", QT_TRANSLATE_NOOP("MetricName", "Operations skipped")},
    {"abandoned", QT_TRANSLATE_NOOP("MetricName", "Operations abandoned")},
    {"served", QT_TRANSLATE_NOOP("MetricName", "Requests served by replicas")},
    {"refused", QT_TRANSLATE_NOOP("MetricName", "Requests refused by replicas")},
    {"read_repairs", QT_TRANSLATE_NOOP("MetricName", "Read repairs")},
    {"conflicts", QT_TRANSLATE_NOOP("MetricName", "Concurrent writes kept as siblings")},
    {"lost_updates", QT_TRANSLATE_NOOP("MetricName", "Lost updates")},
    {"read_latency_avg_us", QT_TRANSLATE_NOOP("MetricName", "Average read latency")},
    {"read_latency_max_us", QT_TRANSLATE_NOOP("MetricName", "Longest read latency")},
    {"write_latency_avg_us", QT_TRANSLATE_NOOP("MetricName", "Average write latency")},
    {"write_latency_max_us", QT_TRANSLATE_NOOP("MetricName", "Longest write latency")},
    // Primary/backup
    {"writes_accepted", QT_TRANSLATE_NOOP("MetricName", "Writes accepted by servers")},
    {"writes_refused", QT_TRANSLATE_NOOP("MetricName", "Writes refused by servers")},
    {"conflicting_writes", QT_TRANSLATE_NOOP("MetricName", "Conflicting writes")},
    {"failovers", QT_TRANSLATE_NOOP("MetricName", "Failovers")},
    {"writes_ok", QT_TRANSLATE_NOOP("MetricName", "Writes acknowledged")},
    {"writes_failed", QT_TRANSLATE_NOOP("MetricName", "Writes failed")},
    {"retries", QT_TRANSLATE_NOOP("MetricName", "Retries")},
    {"primaries", QT_TRANSLATE_NOOP("MetricName", "Primaries right now")},
    {"primaries_max", QT_TRANSLATE_NOOP("MetricName", "Most primaries at once")},
    {"stale_writes_rejected", QT_TRANSLATE_NOOP("MetricName", "Stale writes rejected by storage")},
    {"storage_token", QT_TRANSLATE_NOOP("MetricName", "Highest fencing token at storage")},
    // 2PC and 3PC
    {"txns_committed", QT_TRANSLATE_NOOP("MetricName", "Transactions committed")},
    {"txns_aborted", QT_TRANSLATE_NOOP("MetricName", "Transactions aborted")},
    {"locks_held", QT_TRANSLATE_NOOP("MetricName", "Locks held")},
    {"blocked_participants", QT_TRANSLATE_NOOP("MetricName", "Participants blocked")},
    {"lock_waiters", QT_TRANSLATE_NOOP("MetricName", "Transactions waiting for a lock")},
    {"sessions_in_use", QT_TRANSLATE_NOOP("MetricName", "Sessions in use")},
    {"pool_size", QT_TRANSLATE_NOOP("MetricName", "Sessions in the pool")},
    {"janitor_rollbacks", QT_TRANSLATE_NOOP("MetricName", "Janitor rollbacks")},
    {"termination_rounds", QT_TRANSLATE_NOOP("MetricName", "Termination rounds")},
    {"elected_commits", QT_TRANSLATE_NOOP("MetricName", "Commits by an elected coordinator")},
    {"elected_aborts", QT_TRANSLATE_NOOP("MetricName", "Aborts by an elected coordinator")},
    {"precommit_retries", QT_TRANSLATE_NOOP("MetricName", "PRECOMMIT retries")},
    {"commits_without_acks", QT_TRANSLATE_NOOP("MetricName", "Commits without every acknowledgement")},
    {"conflicting_decisions", QT_TRANSLATE_NOOP("MetricName", "Conflicting decisions")},
    {"duplicate_decisions", QT_TRANSLATE_NOOP("MetricName", "Duplicate decisions")},
    {"in_doubt_recoveries", QT_TRANSLATE_NOOP("MetricName", "In-doubt recoveries")},
    {"uncertain_participants", QT_TRANSLATE_NOOP("MetricName", "Participants uncertain")},
    // Paxos Commit
    {"higher_ballots", QT_TRANSLATE_NOOP("MetricName", "Higher ballots started")},
    {"backup_decisions", QT_TRANSLATE_NOOP("MetricName", "Outcomes decided by a backup leader")},
    // TCC
    {"tcc_confirmed", QT_TRANSLATE_NOOP("MetricName", "Transactions confirmed")},
    {"tcc_cancelled", QT_TRANSLATE_NOOP("MetricName", "Transactions cancelled")},
    {"reservations_held", QT_TRANSLATE_NOOP("MetricName", "Reservations held")},
    {"frozen_amount", QT_TRANSLATE_NOOP("MetricName", "Amount frozen")},
    {"expirations", QT_TRANSLATE_NOOP("MetricName", "Reservations expired")},
    {"empty_cancels", QT_TRANSLATE_NOOP("MetricName", "Empty cancels")},
    {"late_tries_refused", QT_TRANSLATE_NOOP("MetricName", "Late tries refused")},
    {"confirms_refused", QT_TRANSLATE_NOOP("MetricName", "Confirms refused")},
    {"try_rejections", QT_TRANSLATE_NOOP("MetricName", "Tries rejected")},
    {"duplicates_ignored", QT_TRANSLATE_NOOP("MetricName", "Duplicates ignored")},
    // Sagas
    {"sagas_started", QT_TRANSLATE_NOOP("MetricName", "Sagas started")},
    {"sagas_completed", QT_TRANSLATE_NOOP("MetricName", "Sagas completed")},
    {"sagas_compensated", QT_TRANSLATE_NOOP("MetricName", "Sagas compensated")},
    {"sagas_running", QT_TRANSLATE_NOOP("MetricName", "Sagas running")},
    {"steps_applied", QT_TRANSLATE_NOOP("MetricName", "Steps applied")},
    {"compensations", QT_TRANSLATE_NOOP("MetricName", "Compensations run")},
    {"empty_compensations", QT_TRANSLATE_NOOP("MetricName", "Empty compensations")},
    {"compensation_failures", QT_TRANSLATE_NOOP("MetricName", "Compensation failures")},
    {"command_retries", QT_TRANSLATE_NOOP("MetricName", "Command retries")},
    {"late_commands_refused", QT_TRANSLATE_NOOP("MetricName", "Late commands refused")},
    {"step_timeouts", QT_TRANSLATE_NOOP("MetricName", "Step timeouts")},
    {"stale_replies", QT_TRANSLATE_NOOP("MetricName", "Stale replies")},
    {"dirty_reads", QT_TRANSLATE_NOOP("MetricName", "Dirty reads")},
    {"semantic_lock_waits", QT_TRANSLATE_NOOP("MetricName", "Semantic lock waits")},
    {"stock", QT_TRANSLATE_NOOP("MetricName", "Stock")},
    {"deliveries", QT_TRANSLATE_NOOP("MetricName", "Deliveries")},
    {"duplicate_publishes", QT_TRANSLATE_NOOP("MetricName", "Duplicate publishes")},
    {"events_pending", QT_TRANSLATE_NOOP("MetricName", "Events not yet acknowledged")},
    // Outbox and dual write (events_published, republishes, ... are shared with the choreography)
    {"orders_committed", QT_TRANSLATE_NOOP("MetricName", "Orders committed")},
    {"events_published", QT_TRANSLATE_NOOP("MetricName", "Events published")},
    {"events_stored", QT_TRANSLATE_NOOP("MetricName", "Events stored by the broker")},
    {"effects_applied", QT_TRANSLATE_NOOP("MetricName", "Effects applied")},
    {"duplicate_effects", QT_TRANSLATE_NOOP("MetricName", "Duplicate effects")},
    {"duplicates_suppressed", QT_TRANSLATE_NOOP("MetricName", "Duplicates suppressed")},
    {"lost_events", QT_TRANSLATE_NOOP("MetricName", "Lost events")},
    {"pending_events", QT_TRANSLATE_NOOP("MetricName", "Events pending")},
    {"outbox_unsent", QT_TRANSLATE_NOOP("MetricName", "Outbox rows not yet sent")},
    {"republishes", QT_TRANSLATE_NOOP("MetricName", "Republishes")},
    {"redeliveries", QT_TRANSLATE_NOOP("MetricName", "Redeliveries")},
    // Per-node figures (plotted when a single node reports them)
    {"available", QT_TRANSLATE_NOOP("MetricName", "Stock available")},
    {"consumed", QT_TRANSLATE_NOOP("MetricName", "Stock consumed")},
    {"siblings", QT_TRANSLATE_NOOP("MetricName", "Most siblings of one key")},
    {"step_downs", QT_TRANSLATE_NOOP("MetricName", "Primaries stepping down")},
    {"replicated", QT_TRANSLATE_NOOP("MetricName", "Writes replicated")},
    {"term", QT_TRANSLATE_NOOP("MetricName", "Term")},
    // Shared latencies
    {"latency_avg_us", QT_TRANSLATE_NOOP("MetricName", "Average latency")},
    {"latency_max_us", QT_TRANSLATE_NOOP("MetricName", "Longest latency")},
};

// Short labels for a projector's picker, where a long name would be cut to "Transactio…": at most
// about 15 characters, and unique among the metrics of any one protocol (a test holds them to both).
constexpr Entry kShortNames[] = {
    {"ops_ok", QT_TRANSLATE_NOOP("MetricShortName", "Answered")},
    {"errors", QT_TRANSLATE_NOOP("MetricShortName", "Refused")},
    {"timeouts", QT_TRANSLATE_NOOP("MetricShortName", "Timed out")},
    {"stale_reads", QT_TRANSLATE_NOOP("MetricShortName", "Stale reads")},
    {"skipped", QT_TRANSLATE_NOOP("MetricShortName", "Skipped")},
    {"abandoned", QT_TRANSLATE_NOOP("MetricShortName", "Abandoned")},
    {"served", QT_TRANSLATE_NOOP("MetricShortName", "Served")},
    {"refused", QT_TRANSLATE_NOOP("MetricShortName", "Replica refused")},
    {"read_repairs", QT_TRANSLATE_NOOP("MetricShortName", "Read repairs")},
    {"conflicts", QT_TRANSLATE_NOOP("MetricShortName", "Siblings")},
    {"lost_updates", QT_TRANSLATE_NOOP("MetricShortName", "Lost updates")},
    {"available", QT_TRANSLATE_NOOP("MetricShortName", "Available")},
    {"consumed", QT_TRANSLATE_NOOP("MetricShortName", "Consumed")},
    {"siblings", QT_TRANSLATE_NOOP("MetricShortName", "Max siblings")},
    {"step_downs", QT_TRANSLATE_NOOP("MetricShortName", "Step-downs")},
    {"replicated", QT_TRANSLATE_NOOP("MetricShortName", "Replicated")},
    {"term", QT_TRANSLATE_NOOP("MetricShortName", "Term")},
    {"read_latency_avg_us", QT_TRANSLATE_NOOP("MetricShortName", "Read avg")},
    {"read_latency_max_us", QT_TRANSLATE_NOOP("MetricShortName", "Read max")},
    {"write_latency_avg_us", QT_TRANSLATE_NOOP("MetricShortName", "Write avg")},
    {"write_latency_max_us", QT_TRANSLATE_NOOP("MetricShortName", "Write max")},
    {"writes_accepted", QT_TRANSLATE_NOOP("MetricShortName", "Accepted")},
    {"writes_refused", QT_TRANSLATE_NOOP("MetricShortName", "Refused writes")},
    {"conflicting_writes", QT_TRANSLATE_NOOP("MetricShortName", "Conflicts")},
    {"failovers", QT_TRANSLATE_NOOP("MetricShortName", "Failovers")},
    {"writes_ok", QT_TRANSLATE_NOOP("MetricShortName", "Acked writes")},
    {"writes_failed", QT_TRANSLATE_NOOP("MetricShortName", "Failed writes")},
    {"retries", QT_TRANSLATE_NOOP("MetricShortName", "Retries")},
    {"primaries", QT_TRANSLATE_NOOP("MetricShortName", "Primaries")},
    {"primaries_max", QT_TRANSLATE_NOOP("MetricShortName", "Max primaries")},
    {"stale_writes_rejected", QT_TRANSLATE_NOOP("MetricShortName", "Stale rejected")},
    {"storage_token", QT_TRANSLATE_NOOP("MetricShortName", "Token")},
    {"txns_committed", QT_TRANSLATE_NOOP("MetricShortName", "Committed")},
    {"txns_aborted", QT_TRANSLATE_NOOP("MetricShortName", "Aborted")},
    {"locks_held", QT_TRANSLATE_NOOP("MetricShortName", "Locks")},
    {"blocked_participants", QT_TRANSLATE_NOOP("MetricShortName", "Blocked")},
    {"lock_waiters", QT_TRANSLATE_NOOP("MetricShortName", "Lock waits")},
    {"sessions_in_use", QT_TRANSLATE_NOOP("MetricShortName", "Sessions")},
    {"pool_size", QT_TRANSLATE_NOOP("MetricShortName", "Pool")},
    {"janitor_rollbacks", QT_TRANSLATE_NOOP("MetricShortName", "Janitor")},
    {"termination_rounds", QT_TRANSLATE_NOOP("MetricShortName", "Terminations")},
    {"elected_commits", QT_TRANSLATE_NOOP("MetricShortName", "Elected commits")},
    {"elected_aborts", QT_TRANSLATE_NOOP("MetricShortName", "Elected aborts")},
    {"precommit_retries", QT_TRANSLATE_NOOP("MetricShortName", "Retries")},
    {"commits_without_acks", QT_TRANSLATE_NOOP("MetricShortName", "Unacked")},
    {"conflicting_decisions", QT_TRANSLATE_NOOP("MetricShortName", "Split decisions")},
    {"duplicate_decisions", QT_TRANSLATE_NOOP("MetricShortName", "Dup. decisions")},
    {"in_doubt_recoveries", QT_TRANSLATE_NOOP("MetricShortName", "Recoveries")},
    {"uncertain_participants", QT_TRANSLATE_NOOP("MetricShortName", "Uncertain")},
    {"higher_ballots", QT_TRANSLATE_NOOP("MetricShortName", "Ballots")},
    {"backup_decisions", QT_TRANSLATE_NOOP("MetricShortName", "Backup decisions")},
    {"tcc_confirmed", QT_TRANSLATE_NOOP("MetricShortName", "Confirmed")},
    {"tcc_cancelled", QT_TRANSLATE_NOOP("MetricShortName", "Cancelled")},
    {"reservations_held", QT_TRANSLATE_NOOP("MetricShortName", "Reserved")},
    {"frozen_amount", QT_TRANSLATE_NOOP("MetricShortName", "Frozen")},
    {"expirations", QT_TRANSLATE_NOOP("MetricShortName", "Expired")},
    {"empty_cancels", QT_TRANSLATE_NOOP("MetricShortName", "Empty cancels")},
    {"late_tries_refused", QT_TRANSLATE_NOOP("MetricShortName", "Late tries")},
    {"confirms_refused", QT_TRANSLATE_NOOP("MetricShortName", "Confirms refused")},
    {"try_rejections", QT_TRANSLATE_NOOP("MetricShortName", "Tries rejected")},
    {"duplicates_ignored", QT_TRANSLATE_NOOP("MetricShortName", "Duplicates")},
    {"sagas_started", QT_TRANSLATE_NOOP("MetricShortName", "Started")},
    {"sagas_completed", QT_TRANSLATE_NOOP("MetricShortName", "Completed")},
    {"sagas_compensated", QT_TRANSLATE_NOOP("MetricShortName", "Compensated")},
    {"sagas_running", QT_TRANSLATE_NOOP("MetricShortName", "Running")},
    {"steps_applied", QT_TRANSLATE_NOOP("MetricShortName", "Steps")},
    {"compensations", QT_TRANSLATE_NOOP("MetricShortName", "Compensations")},
    {"empty_compensations", QT_TRANSLATE_NOOP("MetricShortName", "Empty comps")},
    {"compensation_failures", QT_TRANSLATE_NOOP("MetricShortName", "Comp. failures")},
    {"command_retries", QT_TRANSLATE_NOOP("MetricShortName", "Cmd retries")},
    {"late_commands_refused", QT_TRANSLATE_NOOP("MetricShortName", "Late commands")},
    {"step_timeouts", QT_TRANSLATE_NOOP("MetricShortName", "Step timeouts")},
    {"stale_replies", QT_TRANSLATE_NOOP("MetricShortName", "Stale replies")},
    {"dirty_reads", QT_TRANSLATE_NOOP("MetricShortName", "Dirty reads")},
    {"semantic_lock_waits", QT_TRANSLATE_NOOP("MetricShortName", "Semantic waits")},
    {"stock", QT_TRANSLATE_NOOP("MetricShortName", "Stock")},
    {"deliveries", QT_TRANSLATE_NOOP("MetricShortName", "Deliveries")},
    {"duplicate_publishes", QT_TRANSLATE_NOOP("MetricShortName", "Dup. publishes")},
    {"events_pending", QT_TRANSLATE_NOOP("MetricShortName", "Unacked events")},
    {"orders_committed", QT_TRANSLATE_NOOP("MetricShortName", "Orders")},
    {"events_published", QT_TRANSLATE_NOOP("MetricShortName", "Published")},
    {"events_stored", QT_TRANSLATE_NOOP("MetricShortName", "Stored")},
    {"effects_applied", QT_TRANSLATE_NOOP("MetricShortName", "Effects")},
    {"duplicate_effects", QT_TRANSLATE_NOOP("MetricShortName", "Dup. effects")},
    {"duplicates_suppressed", QT_TRANSLATE_NOOP("MetricShortName", "Suppressed")},
    {"lost_events", QT_TRANSLATE_NOOP("MetricShortName", "Lost events")},
    {"pending_events", QT_TRANSLATE_NOOP("MetricShortName", "Pending")},
    {"outbox_unsent", QT_TRANSLATE_NOOP("MetricShortName", "Unsent")},
    {"republishes", QT_TRANSLATE_NOOP("MetricShortName", "Republishes")},
    {"redeliveries", QT_TRANSLATE_NOOP("MetricShortName", "Redeliveries")},
    {"latency_avg_us", QT_TRANSLATE_NOOP("MetricShortName", "Avg latency")},
    {"latency_max_us", QT_TRANSLATE_NOOP("MetricShortName", "Max latency")},
};

const Entry* find(std::string_view key, const Entry* begin, const Entry* end) {
  for (const Entry* e = begin; e != end; ++e)
    if (e->key == key) return e;
  return nullptr;
}

const Entry* find(std::string_view key) {
  for (const Entry& e : kNames)
    if (e.key == key) return &e;
  return nullptr;
}

// What a key means comes from the protocols' descriptors (a key means the same in every protocol).
const cs::MetricSpec* spec(std::string_view key) {
  for (const auto& e : cs::protocol_registry())
    if (const cs::MetricSpec* m = e.descriptor().metric(key)) return m;
  return nullptr;
}

}  // namespace

QString name(std::string_view key) {
  if (const Entry* e = find(key)) return QCoreApplication::translate("MetricName", e->source);
  return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

QString shortName(std::string_view key) {
  if (const Entry* e = find(key, std::begin(kShortNames), std::end(kShortNames)))
    return QCoreApplication::translate("MetricShortName", e->source);
  return name(key);
}

QString label(std::string_view key, bool projector) { return projector ? shortName(key) : name(key); }

bool isDuration(std::string_view key) { return key.size() > 3 && key.substr(key.size() - 3) == "_us"; }

Tone tone(std::string_view key) {
  const cs::MetricSpec* m = spec(key);
  if (!m) return isDuration(key) ? Tone::Duration : Tone::Neutral;
  if (m->unit == cs::MetricUnit::Micros) return Tone::Duration;
  if (m->level) return Tone::Level;
  switch (m->sense) {
    case cs::MetricSense::Good: return Tone::Good;
    case cs::MetricSense::Bad: return Tone::Bad;
    case cs::MetricSense::Anomaly: return Tone::Anomaly;
    case cs::MetricSense::Neutral: break;
  }
  return Tone::Neutral;
}

std::vector<std::string_view> defaults(std::string_view protocol) {
  std::vector<std::string_view> out;
  if (const cs::ProtocolDescriptor* d = cs::find_descriptor(protocol))
    for (const cs::MetricSpec& m : d->metrics)
      if (m.shown_by_default) out.push_back(m.key);
  return out;
}

}  // namespace MetricText
