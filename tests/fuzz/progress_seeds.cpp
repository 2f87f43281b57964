#include "progress_seeds.hpp"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include "progress_store.hpp"

namespace cs::fuzz {
namespace {

using commitscope::ProgressStore;

QByteArray read_all(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs `statements` on a fresh SQLite file with 512-byte pages and returns its bytes.
QByteArray raw_database(const QString& path, const QStringList& statements) {
  static int counter = 0;
  const QString name = QStringLiteral("fuzz_seed_%1").arg(++counter);
  {
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    d.setDatabaseName(path);
    if (d.open()) {
      QSqlQuery q(d);
      q.exec(QStringLiteral("PRAGMA page_size = 512"));
      for (const QString& s : statements) q.exec(s);
    }
    d.close();
  }
  QSqlDatabase::removeDatabase(name);
  return read_all(path);
}

const QStringList kVersion1 = {
    QStringLiteral("CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT, lesson_id TEXT NOT NULL,"
                   " step_id TEXT NOT NULL, answer TEXT NOT NULL, correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
                   " virtual_ms REAL, answered_at TEXT NOT NULL)"),
    QStringLiteral("CREATE INDEX answers_by_lesson ON answers (lesson_id, step_id)"),
    QStringLiteral("INSERT INTO answers (lesson_id, step_id, answer, correct, virtual_ms, answered_at) VALUES"
                   " ('l1', 'q1', 'A', 1, 10, '2026-11-20T10:00:00.000Z'),"
                   " ('l1', 'q2', 'B', 0, 20, '2026-11-20T10:01:00.000Z'),"
                   " ('l2', 'q1', 'D', 1, NULL, '2026-11-21T09:00:00.000Z')"),
    QStringLiteral("PRAGMA user_version = 1"),
};

}  // namespace

QList<QPair<QString, QByteArray>> progress_seeds() {
  QList<QPair<QString, QByteArray>> seeds;
  QTemporaryDir dir;
  if (!dir.isValid()) return seeds;
  seeds.append({QStringLiteral("empty.db"), QByteArray()});
  seeds.append({QStringLiteral("version-1.db"), raw_database(dir.filePath(QStringLiteral("v1.db")), kVersion1)});
  seeds.append({QStringLiteral("version-0-foreign-table.db"),
                raw_database(dir.filePath(QStringLiteral("v0.db")), {QStringLiteral("CREATE TABLE notes (text TEXT)")})});
  seeds.append({QStringLiteral("newer-schema.db"),
                raw_database(dir.filePath(QStringLiteral("v99.db")), {QStringLiteral("CREATE TABLE t (x)"),
                                                                     QStringLiteral("PRAGMA user_version = 99")})});

  // Version 2 as the store writes it: a small-page version-1 file migrated, then used.
  const QString profile = dir.filePath(QStringLiteral("profile"));
  QDir().mkpath(profile);
  const QString file = QDir(profile).filePath(QString::fromLatin1(ProgressStore::kFileName));
  raw_database(file, kVersion1);
  {
    ProgressStore store(profile);
    const auto at = QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC);
    store.markStepReached(QStringLiteral("l1"), QStringLiteral("intro"), 5, at);
    store.recordAnswer(QStringLiteral("l1"), QStringLiteral("q3"), QStringLiteral("0,2"), true, 1234.5, at);
    store.startAttempt(QStringLiteral("l1"), at.addSecs(60));
    store.recordAnswer(QStringLiteral("l1"), QStringLiteral("q1"), QStringLiteral("B"), false, 2.0, at.addSecs(61));
    store.recordAnswer(QStringLiteral("07-two-phase-commit"), QStringLiteral("predict"), QStringLiteral("commit"), true,
                       qQNaN(), at.addSecs(120));
  }
  const QByteArray v2 = read_all(file);
  seeds.append({QStringLiteral("version-2.db"), v2});
  QByteArray damaged = v2;
  for (qsizetype i = 100; i < damaged.size(); i += 97) damaged[i] = char(damaged[i] ^ 0x5a);
  seeds.append({QStringLiteral("version-2-damaged.db"), damaged});
  seeds.append({QStringLiteral("version-2-truncated.db"), v2.left(v2.size() / 2)});
  return seeds;
}

}  // namespace cs::fuzz
