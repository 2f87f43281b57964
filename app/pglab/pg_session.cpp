#include "pg_session.hpp"

#include <QAtomicInteger>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include "pg_server.hpp"

namespace cs::pglab {

namespace {

QAtomicInteger<int> g_connection_counter;  // unique Qt SQL connection names across threads

// libpq's message is "ERROR:  text\nHINT: …" or "text(SQLSTATE)"; the lab shows the server's text.
QString server_message(const QSqlError& e) {
  QString text = e.databaseText().trimmed();
  const qsizetype newline = text.indexOf(QLatin1Char('\n'));
  if (newline >= 0) text = text.left(newline);
  for (const char* prefix : {"ERROR:", "FATAL:"})
    if (text.startsWith(QLatin1String(prefix))) text = text.mid(static_cast<qsizetype>(qstrlen(prefix))).trimmed();
  const QString code = QStringLiteral("(%1)").arg(e.nativeErrorCode());
  if (!e.nativeErrorCode().isEmpty() && text.endsWith(code)) text.chop(code.size());
  return text.isEmpty() ? e.text() : text;
}

}  // namespace

QString SqlAnswer::summary() const {
  if (!ok) return QStringLiteral("ERROR %1: %2").arg(sqlstate, error);
  if (!columns.isEmpty()) return rows.size() == 1 ? QStringLiteral("1 row") : QStringLiteral("%1 rows").arg(rows.size());
  static const QRegularExpression changes(QStringLiteral("^\\s*(INSERT|UPDATE|DELETE)\\b"), QRegularExpression::CaseInsensitiveOption);
  if (affected >= 0 && changes.match(sql).hasMatch()) return QStringLiteral("%1 row(s) changed").arg(affected);
  return QStringLiteral("OK");
}

PgSession::PgSession(const PgServer& server, QString database, QString application_name)
    : connection_(QStringLiteral("pglab-%1").arg(g_connection_counter.fetchAndAddRelaxed(1))), database_(std::move(database)) {
  QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection_);
  db.setHostName(server.socket_dir());  // a directory: libpq connects to its Unix socket
  db.setPort(server.port());
  db.setUserName(server.superuser());
  db.setDatabaseName(database_);
  db.setConnectOptions(QStringLiteral("application_name=%1;connect_timeout=10").arg(application_name));
}

PgSession::~PgSession() {
  close();
  QSqlDatabase::removeDatabase(connection_);
}

bool PgSession::open(QString& error) {
  QSqlDatabase db = QSqlDatabase::database(connection_, false);
  if (db.isOpen() || db.open()) return true;
  error = QStringLiteral("cannot connect to %1: %2").arg(database_, db.lastError().text());
  return false;
}

void PgSession::close() {
  QSqlDatabase db = QSqlDatabase::database(connection_, false);
  if (db.isOpen()) db.close();
}

SqlAnswer PgSession::exec(const QString& sql) {
  SqlAnswer a;
  a.sql = sql;
  a.database = database_;
  QSqlDatabase db = QSqlDatabase::database(connection_, false);
  if (!db.isOpen() && !db.open()) {
    a.error = server_message(db.lastError());
    a.sqlstate = db.lastError().nativeErrorCode();
    return a;
  }
  QSqlQuery q(db);
  q.setForwardOnly(true);
  a.ok = q.exec(sql);
  if (!a.ok) {
    a.error = server_message(q.lastError());
    a.sqlstate = q.lastError().nativeErrorCode();
    return a;
  }
  if (q.isSelect()) {
    const QSqlRecord rec = q.record();
    for (int c = 0; c < rec.count(); ++c) a.columns << rec.fieldName(c);
    while (q.next()) {
      QStringList row;
      for (int c = 0; c < rec.count(); ++c) row << (q.isNull(c) ? QString() : q.value(c).toString());
      a.rows << row;
    }
  } else {
    a.affected = q.numRowsAffected();
  }
  return a;
}

int PgSession::backend_pid() { return exec(QStringLiteral("SELECT pg_backend_pid()")).value().toInt(); }

}  // namespace cs::pglab
