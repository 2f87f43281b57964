// The lab's plumbing: named sessions, running a statement (and telling the listener), the step list.
#include "pg_lab.hpp"

#include "pg_server.hpp"

namespace cs::pglab {

namespace {

struct StepEntry {
  const char* id;
  bool (PgLab::*fn)(QString&);
};

}  // namespace

PgLab::PgLab(PgServer& server, int pool_size) : server_(server), pool_size_(pool_size) {}

PgLab::~PgLab() = default;

QStringList PgLab::step_ids() {
  return {QStringLiteral("setup"),           QStringLiteral("disabled"),           QStringLiteral("enable"),
          QStringLiteral("prepare"),         QStringLiteral("session-close"),      QStringLiteral("restart"),
          QStringLiteral("blocked-update"),  QStringLiteral("commit-prepared"),    QStringLiteral("coordinator-crash"),
          QStringLiteral("finish-by-hand"),  QStringLiteral("vacuum-held"),        QStringLiteral("janitor"),
          QStringLiteral("vacuum-freed"),    QStringLiteral("pool-without-prepare"), QStringLiteral("pool-with-prepare")};
}

bool PgLab::run_next(QString& error) {
  static const StepFn steps[] = {&PgLab::step_setup,           &PgLab::step_disabled,         &PgLab::step_enable,
                                 &PgLab::step_prepare,         &PgLab::step_session_close,    &PgLab::step_restart,
                                 &PgLab::step_blocked_update,  &PgLab::step_commit_prepared,  &PgLab::step_coordinator_crash,
                                 &PgLab::step_finish_by_hand,  &PgLab::step_vacuum_held,      &PgLab::step_janitor,
                                 &PgLab::step_vacuum_freed,    &PgLab::step_pool_without_prepare, &PgLab::step_pool_with_prepare};
  static_assert(std::size(steps) == 15, "one function per step id");
  if (finished()) return true;
  current_step_ = step_ids().at(next_);
  const bool ok = (this->*steps[next_])(error);
  if (!ok && !error.startsWith(current_step_)) error = current_step_ + QStringLiteral(": ") + error;
  ++next_;
  return ok;
}

bool PgLab::run_all(QString& error) {
  while (!finished())
    if (!run_next(error)) return false;
  return true;
}

PgSession& PgLab::session(const QString& name, const QString& database) {
  auto it = sessions_.find(name);
  if (it == sessions_.end())
    it = sessions_.emplace(name, std::make_unique<PgSession>(server_, database, QStringLiteral("lab-") + name)).first;
  return *it->second;
}

void PgLab::end_session(const QString& name) { sessions_.erase(name); }

SqlAnswer PgLab::run(PgSession& s, const QString& sql) {
  SqlAnswer a = s.exec(sql);
  if (listener_) listener_(current_step_, a);
  return a;
}

bool PgLab::must(PgSession& s, const QString& sql, QString& error) {
  const SqlAnswer a = run(s, sql);
  if (!a.ok) error = QStringLiteral("%1 (in %2): %3").arg(sql, s.database(), a.summary());
  return a.ok;
}

int PgLab::count(PgSession& s, const QString& sql) {
  const SqlAnswer a = run(s, sql);
  return a.ok ? a.value().toInt() : -1;
}

QStringList PgLab::console_databases() { return {QStringLiteral("participant_a"), QStringLiteral("participant_b")}; }

SqlAnswer PgLab::console(const QString& database, const QString& sql) {
  if (!console_databases().contains(database)) {
    SqlAnswer refused;
    refused.sql = sql;
    refused.database = database;
    refused.error = QStringLiteral("the console runs on participant_a or participant_b only");
    return refused;
  }
  const QString name = QStringLiteral("console-") + database;
  const bool fresh = sessions_.find(name) == sessions_.end();
  PgSession& s = session(name, database);
  if (fresh) {
    s.exec(QStringLiteral("SET lock_timeout = '3s'"));
    s.exec(QStringLiteral("SET statement_timeout = '15s'"));
  }
  current_step_ = QStringLiteral("console");
  return run(s, sql);
}

SqlAnswer PgLab::prepared_xacts() {
  if (!watcher_) watcher_ = std::make_unique<PgSession>(server_, QStringLiteral("participant_a"), QStringLiteral("lab-watcher"));
  return watcher_->exec(QStringLiteral(
      "SELECT gid, database, to_char(prepared, 'HH24:MI:SS') AS prepared, transaction AS xid, age(transaction) AS age "
      "FROM pg_prepared_xacts ORDER BY prepared, gid"));
}

SqlAnswer PgLab::locks() {
  if (!watcher_) watcher_ = std::make_unique<PgSession>(server_, QStringLiteral("participant_a"), QStringLiteral("lab-watcher"));
  // A prepared transaction's locks have no pid; they keep the virtual transaction of the session
  // that prepared it, which its own transactionid lock names. Relation names resolve only in the
  // watcher's database (participant_a); elsewhere the relation's oid is shown.
  return watcher_->exec(QStringLiteral(
      "WITH prep AS (SELECT p.gid, l.virtualtransaction FROM pg_prepared_xacts p JOIN pg_locks l "
      "ON l.locktype = 'transactionid' AND l.transactionid = p.transaction AND l.pid IS NULL) "
      "SELECT coalesce(prep.gid, a.application_name, l.pid::text) AS holder, d.datname AS database, l.locktype, "
      "coalesce(c.relname, 'relation ' || l.relation, 'xid ' || l.transactionid) AS object, l.mode, l.granted "
      "FROM pg_locks l LEFT JOIN prep ON l.pid IS NULL AND l.virtualtransaction = prep.virtualtransaction "
      "LEFT JOIN pg_stat_activity a ON a.pid = l.pid LEFT JOIN pg_database d ON d.oid = l.database "
      "LEFT JOIN pg_class c ON c.oid = l.relation AND d.datname = current_database() "
      "WHERE l.locktype IN ('relation', 'transactionid', 'tuple') AND l.pid IS DISTINCT FROM pg_backend_pid() "
      "AND (l.relation IS NULL OR l.relation >= 16384) "
      "ORDER BY l.granted, holder, l.locktype"));
}

}  // namespace cs::pglab
