// A session that runs its statements in a thread of its own, for the lab's steps that need a
// statement to wait on a lock while the lab looks at pg_locks / pg_stat_activity from another
// session. Every waiting statement runs under a lock_timeout, so nothing in the lab can hang.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <thread>

#include "pg_session.hpp"

namespace cs::pglab {

class PgServer;

class PgWaiter {
 public:
  PgWaiter(const PgServer& server, QString database, QString application_name, QStringList statements);
  ~PgWaiter();  // joins
  PgWaiter(const PgWaiter&) = delete;
  PgWaiter& operator=(const PgWaiter&) = delete;
  // Waits for the thread; the answers are read after this.
  void join();
  const QList<SqlAnswer>& answers() const { return answers_; }

 private:
  QList<SqlAnswer> answers_;
  std::thread thread_;
};

// Polls cond every 20 ms until it holds or timeout_ms passed; returns whether it held.
bool poll_until(const std::function<bool()>& cond, int timeout_ms);

}  // namespace cs::pglab
