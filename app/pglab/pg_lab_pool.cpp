// Steps 14–15: a pool of N connections filled by sessions waiting on a row that an undecided
// transaction holds, versus the same pool when each transaction is handed to the server with
// PREPARE TRANSACTION: the prepared transactions keep their locks, the connections are free.
#include <memory>
#include <vector>

#include "pg_lab.hpp"
#include "pg_server.hpp"
#include "pg_waiter.hpp"

namespace cs::pglab {

namespace {

const QString kA = QStringLiteral("participant_a");
const QString kPoolBlocked = QStringLiteral(
    "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'pool-%' AND wait_event_type = 'Lock'");
const QString kPoolFree = QStringLiteral(
    "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'lab-pool-%' AND state = 'idle' AND backend_xid IS NULL");

}  // namespace

bool PgLab::step_pool_without_prepare(QString& e) {
  PgSession& a = session(kA, kA);
  obs_.pool_size = pool_size_;
  if (!must(a, QStringLiteral("CREATE TABLE stock (id int PRIMARY KEY, qty int NOT NULL)"), e) ||
      !must(a, QStringLiteral("INSERT INTO stock SELECT g, 100 FROM generate_series(1, %1) g").arg(pool_size_ + 1), e))
    return false;
  // A participant's transaction that waits for its coordinator without PREPARE keeps its session
  // and its row lock; every request for that row takes a pool connection and waits.
  PgSession& holder = session(QStringLiteral("undecided"), kA);
  if (!must(holder, QStringLiteral("BEGIN"), e) || !must(holder, QStringLiteral("UPDATE stock SET qty = qty - 1 WHERE id = 1"), e))
    return false;
  std::vector<std::unique_ptr<PgWaiter>> pool;
  for (int i = 1; i <= pool_size_; ++i)
    pool.push_back(std::make_unique<PgWaiter>(server_, kA, QStringLiteral("pool-%1").arg(i),
                                              QStringList{QStringLiteral("SET lock_timeout = '5s'"),
                                                          QStringLiteral("UPDATE stock SET qty = qty - 1 WHERE id = 1")}));
  PgSession& look = session(QStringLiteral("look-a"), kA);
  poll_until([&] { return look.exec(kPoolBlocked).value().toInt() >= pool_size_; }, 4000);
  obs_.blocked_sessions_without_prepare = count(look, kPoolBlocked);
  run(look, QStringLiteral("SELECT application_name, state, wait_event_type FROM pg_stat_activity "
                           "WHERE application_name LIKE 'pool-%' ORDER BY application_name"));
  const bool ended = must(holder, QStringLiteral("ROLLBACK"), e);  // the decision arrives: the waiters go on
  for (auto& w : pool) w->join();
  return ended;
}

bool PgLab::step_pool_with_prepare(QString& e) {
  // The same pool, each connection doing a participant's work and preparing it: the transaction
  // leaves the session, so the connection is back in the pool while the locks stay held.
  for (int i = 1; i <= pool_size_; ++i) {
    PgSession& s = session(QStringLiteral("pool-%1").arg(i), kA);
    if (!must(s, QStringLiteral("BEGIN"), e) || !must(s, QStringLiteral("UPDATE stock SET qty = qty - 1 WHERE id = %1").arg(i), e) ||
        !must(s, QStringLiteral("PREPARE TRANSACTION 'pool:%1'").arg(i), e))
      return false;
  }
  PgSession& look = session(QStringLiteral("look-a"), kA);
  obs_.free_after_prepare = count(look, kPoolFree);
  run(look, QStringLiteral("SELECT count(*) AS prepared_holding_locks FROM pg_prepared_xacts WHERE gid LIKE 'pool:%'"));
  for (int i = 1; i <= pool_size_; ++i)
    if (!must(look, QStringLiteral("COMMIT PREPARED 'pool:%1'").arg(i), e)) return false;
  return true;
}

}  // namespace cs::pglab
