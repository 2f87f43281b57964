// One database session (one server backend) of the lab, over Qt SQL's QPSQL driver. Every statement
// goes through exec(), which returns the server's answer as the lab shows it: rows, or the server's
// own error message and SQLSTATE. A session is used only by the thread that opened it (Qt SQL's rule);
// the lab's concurrent sessions (waiters, the pool) each open their own in their own thread.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace cs::pglab {

class PgServer;

struct SqlAnswer {
  QString sql;
  QString database;
  bool ok = false;
  QString error;     // the server's message ("prepared transactions are disabled"), empty when ok
  QString sqlstate;  // e.g. 55000, 55P03 (lock_not_available)
  QStringList columns;
  QList<QStringList> rows;
  int affected = -1;  // rows changed by INSERT/UPDATE/DELETE, -1 otherwise
  QString value(int row = 0, int column = 0) const { return row < rows.size() && column < rows[row].size() ? rows[row][column] : QString(); }
  // One line for logs and the CLI: "UPDATE 1", "2 rows", "ERROR 55000: …".
  QString summary() const;
};

class PgSession {
 public:
  // application_name shows in pg_stat_activity (the pool step counts its sessions by it).
  PgSession(const PgServer& server, QString database, QString application_name);
  ~PgSession();
  PgSession(const PgSession&) = delete;
  PgSession& operator=(const PgSession&) = delete;

  bool open(QString& error);
  void close();
  SqlAnswer exec(const QString& sql);
  int backend_pid();
  const QString& database() const { return database_; }

 private:
  QString connection_;
  QString database_;
};

}  // namespace cs::pglab
