#include "progress_schema.hpp"

#include <QDeadlineTimer>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

namespace commitscope::progress_schema {
namespace {

// SQLite primary result codes used here (sqlite3.h is not needed for a few numbers).
constexpr int kSqlitePerm = 3;
constexpr int kSqliteBusy = 5;
constexpr int kSqliteLocked = 6;
constexpr int kSqliteReadOnly = 8;
constexpr int kSqliteCorrupt = 11;
constexpr int kSqliteCantOpen = 14;
constexpr int kSqliteAuth = 23;
constexpr int kSqliteNotADb = 26;

// Pause between two tries of a busy transaction: long enough to let the other writer commit.
constexpr int kRetryPauseMs = 20;

bool isBusy(const QSqlError& e) { return errorKind(e) == ErrorKind::Busy; }

// Whether a busy error may be retried: time is left before the deadline (then pauses a moment).
bool mayRetry(const QSqlError& e, const QDeadlineTimer& deadline) {
  if (!isBusy(e) || deadline.hasExpired()) return false;
  QThread::msleep(static_cast<unsigned long>(std::min<qint64>(kRetryPauseMs, deadline.remainingTime())));
  return true;
}

// Version 1: one row per answer, as given.
const char* const kV1[] = {
    "CREATE TABLE IF NOT EXISTS answers ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " lesson_id TEXT NOT NULL,"
    " step_id TEXT NOT NULL,"
    " answer TEXT NOT NULL,"
    " correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
    " virtual_ms REAL,"
    " answered_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS answers_by_lesson ON answers (lesson_id, step_id)",
};

// Version 2: attempts, per-lesson summary and steps reached; version-1 answers become one attempt
// per lesson, and every answered step counts as reached.
const char* const kV2[] = {
    "CREATE TABLE attempts ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " lesson_id TEXT NOT NULL,"
    " started_at TEXT NOT NULL,"
    " last_activity_at TEXT NOT NULL,"
    " score INTEGER NOT NULL DEFAULT 0,"
    " answered INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX attempts_by_lesson ON attempts (lesson_id)",
    "CREATE TABLE lessons ("
    " lesson_id TEXT PRIMARY KEY,"
    " total_steps INTEGER NOT NULL DEFAULT 0,"
    " best_score INTEGER NOT NULL DEFAULT 0,"
    " best_score_out_of INTEGER NOT NULL DEFAULT 0,"
    " last_attempt_at TEXT,"
    " completed_at TEXT)",
    "CREATE TABLE steps_reached ("
    " lesson_id TEXT NOT NULL,"
    " step_id TEXT NOT NULL,"
    " reached_at TEXT NOT NULL,"
    " PRIMARY KEY (lesson_id, step_id))",
    "ALTER TABLE answers ADD COLUMN attempt_id INTEGER REFERENCES attempts (id)",
    "INSERT INTO attempts (lesson_id, started_at, last_activity_at)"
    " SELECT lesson_id, MIN(answered_at), MAX(answered_at) FROM answers GROUP BY lesson_id",
    "UPDATE answers SET attempt_id = (SELECT id FROM attempts WHERE attempts.lesson_id = answers.lesson_id)",
    "INSERT OR IGNORE INTO steps_reached (lesson_id, step_id, reached_at)"
    " SELECT lesson_id, step_id, MIN(answered_at) FROM answers GROUP BY lesson_id, step_id",
};

// Version 3: an attempt remembers the step the learner is on and whether it reached the end, so the
// browser can offer "Continue at step N" with the attempt's score. Older attempts have neither
// (resumePoint() then falls back to the step of their latest answer).
const char* const kV3[] = {
    "ALTER TABLE attempts ADD COLUMN current_step TEXT",
    "ALTER TABLE attempts ADD COLUMN finished_at TEXT",
};

bool runAll(const QSqlDatabase& db, const char* const* first, const char* const* last, QSqlError* err) {
  for (auto it = first; it != last; ++it)
    if (!exec(db, QString::fromUtf8(*it), {}, err)) return false;
  return true;
}

// Version 1 -> 2 also fills the new summary tables from the old answers.
bool backfillV2(const QSqlDatabase& db, QSqlError* err) {
  QSqlQuery q(db);
  if (!q.exec(QStringLiteral("SELECT id, lesson_id FROM attempts"))) {
    if (err) *err = q.lastError();
    return false;
  }
  QList<QPair<qint64, QString>> attempts;
  while (q.next()) attempts.append({q.value(0).toLongLong(), q.value(1).toString()});
  for (const auto& [id, lesson] : attempts)
    if (!refreshAttempt(db, id, err) || !refreshLesson(db, lesson, err)) return false;
  return true;
}

bool step(const QSqlDatabase& db, int to, QSqlError* err) {
  bool ok = false;
  if (to == 1) ok = runAll(db, std::begin(kV1), std::end(kV1), err);
  if (to == 2) ok = runAll(db, std::begin(kV2), std::end(kV2), err) && backfillV2(db, err);
  if (to == 3) ok = runAll(db, std::begin(kV3), std::end(kV3), err);
  // user_version is part of the caller's transaction: the version and the tables change together.
  return ok && exec(db, QStringLiteral("PRAGMA user_version = %1").arg(to), {}, err);
}

}  // namespace

int sqliteCode(const QSqlError& e) {
  bool ok = false;
  const int code = e.nativeErrorCode().toInt(&ok);
  return ok ? (code & 0xff) : -1;  // the driver may report extended codes
}

ErrorKind errorKind(int code) {
  switch (code) {
    case kSqliteCorrupt:
    case kSqliteNotADb: return ErrorKind::Corruption;
    case kSqliteBusy:
    case kSqliteLocked: return ErrorKind::Busy;
    case kSqlitePerm:
    case kSqliteReadOnly:
    case kSqliteCantOpen:
    case kSqliteAuth: return ErrorKind::Permission;
    default: return ErrorKind::Other;
  }
}

bool isCorruptionCode(int code) { return errorKind(code) == ErrorKind::Corruption; }

bool writeTransaction(const QSqlDatabase& db, int timeoutMs, const std::function<bool(QSqlError*)>& body,
                      QSqlError* err) {
  const QDeadlineTimer deadline(std::max(0, timeoutMs));
  for (;;) {
    QSqlError e;
    if (!exec(db, QStringLiteral("BEGIN IMMEDIATE"), {}, &e)) {
      if (mayRetry(e, deadline)) continue;
      if (err) *err = e;
      return false;
    }
    const bool done = body(&e) && exec(db, QStringLiteral("COMMIT"), {}, &e);
    if (done) return true;
    exec(db, QStringLiteral("ROLLBACK"));  // fails harmlessly when SQLite already rolled back
    if (mayRetry(e, deadline)) continue;
    if (err) *err = e;
    return false;
  }
}

QVariant scalarWithRetry(const QSqlDatabase& db, int timeoutMs, const QString& sql, QSqlError* err) {
  const QDeadlineTimer deadline(std::max(0, timeoutMs));
  for (;;) {
    QSqlError e;
    const QVariant v = scalar(db, sql, {}, &e);
    if (v.isValid() || !mayRetry(e, deadline)) {
      if (err && !v.isValid()) *err = e;
      return v;
    }
  }
}

bool exec(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds, QSqlError* err) {
  QSqlQuery q(db);
  if (!q.prepare(sql)) {
    if (err) *err = q.lastError();
    return false;
  }
  for (const QVariant& v : binds) q.addBindValue(v);
  if (!q.exec()) {
    if (err) *err = q.lastError();
    return false;
  }
  return true;
}

QVariant scalar(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds, QSqlError* err) {
  QSqlQuery q(db);
  if (!q.prepare(sql)) {
    if (err) *err = q.lastError();
    return {};
  }
  for (const QVariant& v : binds) q.addBindValue(v);
  if (!q.exec()) {
    if (err) *err = q.lastError();
    return {};
  }
  return q.next() ? q.value(0) : QVariant();
}

bool migrate(const QSqlDatabase& db, int fromVersion, QSqlError* err) {
  for (int v = fromVersion + 1; v <= kCurrentVersion; ++v)
    if (!step(db, v, err)) return false;
  return true;
}

bool refreshAttempt(const QSqlDatabase& db, qint64 attemptId, QSqlError* err) {
  // A question scores when the first answer given to it in this attempt was right.
  return exec(db,
              QStringLiteral(
                  "UPDATE attempts SET"
                  " answered = (SELECT COUNT(DISTINCT step_id) FROM answers WHERE attempt_id = ?),"
                  " score = (SELECT COUNT(*) FROM answers a WHERE a.attempt_id = ? AND a.correct = 1"
                  "   AND a.id = (SELECT MIN(b.id) FROM answers b"
                  "               WHERE b.attempt_id = a.attempt_id AND b.step_id = a.step_id))"
                  " WHERE id = ?"),
              {attemptId, attemptId, attemptId}, err);
}

bool refreshLesson(const QSqlDatabase& db, const QString& lessonId, QSqlError* err) {
  if (!exec(db, QStringLiteral("INSERT OR IGNORE INTO lessons (lesson_id) VALUES (?)"), {lessonId}, err))
    return false;
  // Best attempt: most questions right at the first try; on a tie the one with fewer questions.
  if (!exec(db,
            QStringLiteral(
                "UPDATE lessons SET"
                " best_score = COALESCE((SELECT score FROM attempts WHERE lesson_id = ?"
                "   ORDER BY score DESC, answered ASC, id ASC LIMIT 1), 0),"
                " best_score_out_of = COALESCE((SELECT answered FROM attempts WHERE lesson_id = ?"
                "   ORDER BY score DESC, answered ASC, id ASC LIMIT 1), 0),"
                " last_attempt_at = (SELECT MAX(last_activity_at) FROM attempts WHERE lesson_id = ?)"
                " WHERE lesson_id = ?"),
            {lessonId, lessonId, lessonId, lessonId}, err))
    return false;
  // Completed once every step has been reached (kept even if the lesson later gains steps).
  return exec(db,
              QStringLiteral(
                  "UPDATE lessons SET completed_at = (SELECT MAX(reached_at) FROM steps_reached WHERE lesson_id = ?)"
                  " WHERE lesson_id = ? AND completed_at IS NULL AND total_steps > 0"
                  " AND (SELECT COUNT(*) FROM steps_reached WHERE lesson_id = ?) >= total_steps"),
              {lessonId, lessonId, lessonId}, err);
}

}  // namespace commitscope::progress_schema
