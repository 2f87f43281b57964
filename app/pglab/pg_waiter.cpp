#include "pg_waiter.hpp"

#include <QDeadlineTimer>
#include <QThread>

#include <functional>

namespace cs::pglab {

PgWaiter::PgWaiter(const PgServer& server, QString database, QString application_name, QStringList statements) {
  thread_ = std::thread([this, &server, database, application_name, statements] {
    PgSession s(server, database, application_name);  // opened, used and closed in this thread
    for (const QString& sql : statements) {
      answers_ << s.exec(sql);
      if (!answers_.back().ok) break;
    }
  });
}

PgWaiter::~PgWaiter() { join(); }

void PgWaiter::join() {
  if (thread_.joinable()) thread_.join();
}

bool poll_until(const std::function<bool()>& cond, int timeout_ms) {
  QDeadlineTimer deadline(timeout_ms);
  while (true) {
    if (cond()) return true;
    if (deadline.hasExpired()) return false;
    QThread::msleep(20);
  }
}

}  // namespace cs::pglab
