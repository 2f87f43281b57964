// Steps 1–10 of the lab: prepared transactions disabled, enabled, prepared on both participants,
// surviving a closed session and a restart, blocking a concurrent UPDATE, committed, and a
// coordinator crash between the two COMMIT PREPARED finished by hand.
#include <QThread>

#include "pg_lab.hpp"
#include "pg_server.hpp"
#include "pg_waiter.hpp"

namespace cs::pglab {

namespace {

const QString kA = QStringLiteral("participant_a");
const QString kB = QStringLiteral("participant_b");
const QString kCoordinator = QStringLiteral("coordinator");

}  // namespace

bool PgLab::step_setup(QString& e) {
  PgSession& admin = session(QStringLiteral("admin"), QStringLiteral("postgres"));
  const SqlAnswer version = run(admin, QStringLiteral("SHOW server_version"));
  if (!version.ok) {
    e = version.summary();
    return false;
  }
  obs_.server_version = version.value();
  for (const QString& db : {kA, kB, kCoordinator})
    if (!must(admin, QStringLiteral("CREATE DATABASE %1").arg(db), e)) return false;
  for (const QString& db : {kA, kB}) {
    PgSession& s = session(db, db);
    if (!must(s, QStringLiteral("CREATE TABLE account (id int PRIMARY KEY, balance int NOT NULL)"), e) ||
        !must(s, QStringLiteral("INSERT INTO account SELECT g, 100 FROM generate_series(1, 5) g"), e))
      return false;
  }
  PgSession& c = session(kCoordinator, kCoordinator);
  return must(c, QStringLiteral("CREATE TABLE decision_log (gxid text PRIMARY KEY, decision text NOT NULL "
                                "CHECK (decision IN ('commit', 'abort')), decided_at timestamptz NOT NULL DEFAULT now())"),
              e);
}

bool PgLab::step_disabled(QString& e) {
  PgSession& a = session(kA, kA);
  if (!must(a, QStringLiteral("BEGIN"), e) ||
      !must(a, QStringLiteral("UPDATE account SET balance = balance - 10 WHERE id = 1"), e))
    return false;
  const SqlAnswer refused = run(a, QStringLiteral("PREPARE TRANSACTION 'tx1:a'"));
  // A refused PREPARE TRANSACTION ends the transaction: the UPDATE is rolled back with it.
  if (refused.ok) {
    e = QStringLiteral("PREPARE TRANSACTION was accepted with max_prepared_transactions = 0");
    return false;
  }
  obs_.disabled_error = refused.error;
  return true;
}

bool PgLab::step_enable(QString& e) {
  if (!must(session(QStringLiteral("admin"), QStringLiteral("postgres")), QStringLiteral("ALTER SYSTEM SET max_prepared_transactions = 20"), e))
    return false;
  sessions_.clear();  // a restart ends every session
  if (!server_.restart(e)) return false;
  const SqlAnswer now = run(session(QStringLiteral("admin"), QStringLiteral("postgres")), QStringLiteral("SHOW max_prepared_transactions"));
  if (!now.ok || now.value().toInt() <= 0) {
    e = QStringLiteral("max_prepared_transactions is still %1 after the restart").arg(now.value());
    return false;
  }
  return true;
}

bool PgLab::step_prepare(QString& e) {
  const QList<std::pair<QString, QString>> work = {{kA, QStringLiteral("balance - 10")}, {kB, QStringLiteral("balance + 10")}};
  for (const auto& [db, value] : work) {
    PgSession& s = session(db, db);
    const QString gid = db == kA ? QStringLiteral("tx1:a") : QStringLiteral("tx1:b");
    if (!must(s, QStringLiteral("BEGIN"), e) || !must(s, QStringLiteral("UPDATE account SET balance = %1 WHERE id = 1").arg(value), e) ||
        !must(s, QStringLiteral("PREPARE TRANSACTION '%1'").arg(gid), e))
      return false;
  }
  obs_.prepared_after_prepare = count(session(kCoordinator, kCoordinator), QStringLiteral("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE 'tx1:%'"));
  return obs_.prepared_after_prepare >= 0;
}

bool PgLab::step_session_close(QString&) {
  end_session(kA);  // the sessions that prepared tx1 disconnect
  end_session(kB);
  PgSession& fresh = session(QStringLiteral("fresh"), kCoordinator);
  obs_.survived_session_close = count(fresh, QStringLiteral("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE 'tx1:%'")) == 2;
  return true;
}

bool PgLab::step_restart(QString& e) {
  sessions_.clear();
  watcher_.reset();
  if (!server_.restart(e)) return false;
  PgSession& fresh = session(QStringLiteral("fresh"), kCoordinator);
  obs_.survived_restart = count(fresh, QStringLiteral("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE 'tx1:%'")) == 2;
  return true;
}

bool PgLab::step_blocked_update(QString& e) {
  PgSession& look = session(QStringLiteral("look-a"), kA);
  // Another client updates the row tx1:a has changed: it waits for the prepared transaction's lock.
  const QStringList statements = {QStringLiteral("SET lock_timeout = '2s'"), QStringLiteral("UPDATE account SET balance = 0 WHERE id = 1")};
  PgWaiter waiter(server_, kA, QStringLiteral("lab-other-client"), statements);
  const QString waiting = QStringLiteral(
      "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity s ON s.pid = l.pid "
      "WHERE NOT l.granted AND s.application_name = 'lab-other-client'");
  const bool seen = poll_until([&] { return look.exec(waiting).value().toInt() > 0; }, 2000);
  const SqlAnswer shown = run(look, waiting);
  waiter.join();
  for (const SqlAnswer& a : waiter.answers())
    if (listener_) listener_(current_step_, a);
  const bool timed_out = !waiter.answers().isEmpty() && waiter.answers().back().sqlstate == QStringLiteral("55P03");
  obs_.concurrent_update_blocked = seen && timed_out;
  if (!shown.ok) e = shown.summary();
  return shown.ok;
}

bool PgLab::step_commit_prepared(QString& e) {
  PgSession& c = session(kCoordinator, kCoordinator);
  if (!must(c, QStringLiteral("INSERT INTO decision_log (gxid, decision) VALUES ('tx1', 'commit')"), e)) return false;
  // New sessions: whoever knows the gid may finish a prepared transaction.
  PgSession& a = session(QStringLiteral("finisher-a"), kA);
  PgSession& b = session(QStringLiteral("finisher-b"), kB);
  if (!must(a, QStringLiteral("COMMIT PREPARED 'tx1:a'"), e) || !must(b, QStringLiteral("COMMIT PREPARED 'tx1:b'"), e)) return false;
  const int balance_a = count(a, QStringLiteral("SELECT balance FROM account WHERE id = 1"));
  const int balance_b = count(b, QStringLiteral("SELECT balance FROM account WHERE id = 1"));
  obs_.visible_after_commit_prepared = balance_a == 90 && balance_b == 110;
  return true;
}

bool PgLab::step_coordinator_crash(QString& e) {
  PgSession& a = session(kA, kA);
  PgSession& b = session(kB, kB);
  if (!must(a, QStringLiteral("BEGIN"), e) || !must(a, QStringLiteral("UPDATE account SET balance = balance - 5 WHERE id = 2"), e) ||
      !must(a, QStringLiteral("PREPARE TRANSACTION 'tx2:a'"), e) || !must(b, QStringLiteral("BEGIN"), e) ||
      !must(b, QStringLiteral("UPDATE account SET balance = balance + 5 WHERE id = 2"), e) ||
      !must(b, QStringLiteral("PREPARE TRANSACTION 'tx2:b'"), e))
    return false;
  PgSession& c = session(kCoordinator, kCoordinator);
  if (!must(c, QStringLiteral("INSERT INTO decision_log (gxid, decision) VALUES ('tx2', 'commit')"), e) ||
      !must(a, QStringLiteral("COMMIT PREPARED 'tx2:a'"), e))
    return false;
  // The coordinator crashes here: its sessions vanish before it sends COMMIT PREPARED 'tx2:b'.
  end_session(kA);
  end_session(kB);
  end_session(kCoordinator);
  return run(session(QStringLiteral("fresh"), kCoordinator), QStringLiteral("SELECT gid, database FROM pg_prepared_xacts WHERE gid LIKE 'tx2:%'")).ok;
}

bool PgLab::step_finish_by_hand(QString& e) {
  PgSession& c = session(QStringLiteral("fresh"), kCoordinator);
  const SqlAnswer decision = run(c, QStringLiteral("SELECT decision FROM decision_log WHERE gxid = 'tx2'"));
  if (decision.value() != QStringLiteral("commit")) {
    e = QStringLiteral("the decision log has no commit for tx2");
    return false;
  }
  PgSession& b = session(QStringLiteral("finisher-b"), kB);
  if (!must(b, QStringLiteral("COMMIT PREPARED 'tx2:b'"), e)) return false;
  const int left = count(c, QStringLiteral("SELECT count(*) FROM pg_prepared_xacts WHERE gid LIKE 'tx2:%'"));
  const int balance_a = count(session(QStringLiteral("finisher-a"), kA), QStringLiteral("SELECT balance FROM account WHERE id = 2"));
  const int balance_b = count(b, QStringLiteral("SELECT balance FROM account WHERE id = 2"));
  obs_.finished_by_hand = left == 0 && balance_a == 95 && balance_b == 105;
  return true;
}

}  // namespace cs::pglab
