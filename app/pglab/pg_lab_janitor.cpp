// Steps 11–13: an orphaned prepared transaction holds back VACUUM; the janitor reads the
// coordinator's decision log and settles the old prepared transactions; VACUUM can clean again.
#include <QRegularExpression>

#include "pg_lab.hpp"
#include "pg_server.hpp"

namespace cs::pglab {

namespace {

const QString kA = QStringLiteral("participant_a");
const QString kB = QStringLiteral("participant_b");
const QString kCoordinator = QStringLiteral("coordinator");
const QString kDeadTuples = QStringLiteral("SELECT dead_tuple_count FROM pgstattuple('ledger')");

}  // namespace

bool PgLab::step_vacuum_held(QString& e) {
  PgSession& a = session(kA, kA);
  if (!must(a, QStringLiteral("CREATE EXTENSION IF NOT EXISTS pgstattuple"), e) ||
      !must(a, QStringLiteral("CREATE TABLE ledger (id int, note text)"), e) ||
      !must(a, QStringLiteral("INSERT INTO ledger SELECT g, 'entry ' || g FROM generate_series(1, 500) g"), e))
    return false;
  // tx3 is prepared, then its coordinator dies before it decides: nobody will ever finish it.
  if (!must(a, QStringLiteral("BEGIN"), e) || !must(a, QStringLiteral("UPDATE account SET balance = balance - 1 WHERE id = 3"), e) ||
      !must(a, QStringLiteral("PREPARE TRANSACTION 'tx3:a'"), e))
    return false;
  if (!must(a, QStringLiteral("DELETE FROM ledger WHERE id <= 400"), e) || !must(a, QStringLiteral("VACUUM ledger"), e)) return false;
  obs_.dead_tuples_kept = count(a, kDeadTuples);
  run(a, QStringLiteral("SELECT gid, age(transaction) AS xids_since FROM pg_prepared_xacts"));
  return run(a, QStringLiteral("SELECT datname, age(datfrozenxid) FROM pg_database WHERE datname = current_database()")).ok;
}

bool PgLab::step_janitor(QString& e) {
  PgSession& a = session(kA, kA);
  PgSession& b = session(kB, kB);
  PgSession& c = session(kCoordinator, kCoordinator);
  // tx4: both prepared, the coordinator logged "commit" and crashed before sending it.
  if (!must(a, QStringLiteral("BEGIN"), e) || !must(a, QStringLiteral("UPDATE account SET balance = balance - 7 WHERE id = 4"), e) ||
      !must(a, QStringLiteral("PREPARE TRANSACTION 'tx4:a'"), e) || !must(b, QStringLiteral("BEGIN"), e) ||
      !must(b, QStringLiteral("UPDATE account SET balance = balance + 7 WHERE id = 4"), e) ||
      !must(b, QStringLiteral("PREPARE TRANSACTION 'tx4:b'"), e) ||
      !must(c, QStringLiteral("INSERT INTO decision_log (gxid, decision) VALUES ('tx4', 'commit')"), e))
    return false;
  // Another application's prepared transaction: not this coordinator's, so not the janitor's.
  if (!must(b, QStringLiteral("BEGIN"), e) || !must(b, QStringLiteral("UPDATE account SET balance = balance WHERE id = 5"), e) ||
      !must(b, QStringLiteral("PREPARE TRANSACTION 'reports-7'"), e))
    return false;
  if (!must(c, QStringLiteral("SELECT pg_sleep(%1)").arg(kJanitorThresholdSeconds + 0.2), e)) return false;
  // tx5 was prepared just now: its coordinator may still be sending the decision.
  if (!must(a, QStringLiteral("BEGIN"), e) || !must(a, QStringLiteral("UPDATE account SET balance = balance + 1 WHERE id = 5"), e) ||
      !must(a, QStringLiteral("PREPARE TRANSACTION 'tx5:a'"), e))
    return false;
  const SqlAnswer list = run(c, QStringLiteral(
      "SELECT p.gid, p.database, p.prepared < now() - interval '%1 seconds' AS old, d.decision "
      "FROM pg_prepared_xacts p LEFT JOIN decision_log d ON d.gxid = split_part(p.gid, ':', 1) ORDER BY p.gid")
      .arg(kJanitorThresholdSeconds));
  if (!list.ok) {
    e = list.summary();
    return false;
  }
  for (const QStringList& row : list.rows)
    if (!janitor_settle(row, e)) return false;
  return true;
}

// One row of the janitor's list: gid, database, old, decision (NULL when none was logged).
bool PgLab::janitor_settle(const QStringList& row, QString& e) {
  static const QRegularExpression ours(QStringLiteral("^tx[0-9]+:[a-z]+$"));
  const QString& gid = row.at(0);
  const bool old = row.at(2) == QStringLiteral("true") || row.at(2) == QStringLiteral("t");
  if (!ours.match(gid).hasMatch() || !old) {
    obs_.janitor_left << gid;  // another application's, or young enough that its coordinator is still at work
    return true;
  }
  // COMMIT/ROLLBACK PREPARED must run in the database the transaction belongs to.
  PgSession& s = session(QStringLiteral("janitor-") + row.at(1), row.at(1));
  const bool commit = row.at(3) == QStringLiteral("commit");
  if (!must(s, QStringLiteral("%1 PREPARED '%2'").arg(commit ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"), gid), e)) return false;
  (commit ? obs_.janitor_committed : obs_.janitor_rolled_back) << gid;
  return true;
}

bool PgLab::step_vacuum_freed(QString& e) {
  PgSession& a = session(kA, kA);
  if (!must(a, QStringLiteral("VACUUM ledger"), e)) return false;
  obs_.dead_tuples_after_janitor = count(a, kDeadTuples);
  return obs_.dead_tuples_after_janitor >= 0;
}

}  // namespace cs::pglab
