// The progress database's schema: every version's migration and small Qt SQL helpers.
// Internal to commitscope_progress; the public API is ProgressStore.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <functional>
#include <initializer_list>

namespace commitscope::progress_schema {

// The version this build writes (PRAGMA user_version). 0 means "nothing yet".
//   1: answers
//   2: + attempts, lessons (best score, last attempt, completion), steps_reached; answers.attempt_id
//   3: + attempts.current_step (where the learner is, to continue there), attempts.finished_at
inline constexpr int kCurrentVersion = 3;

// SQLite's primary result code in a Qt SQL error (-1 when there is none).
int sqliteCode(const QSqlError& e);

// What an SQLite error says about the file. Only Corruption may ever move a file aside: a busy
// file is in use by another CommitScope, a permission problem is the file's owner or mode, and an
// SQL error ("table ... already exists", "no such column") is a schema this build does not expect.
enum class ErrorKind {
  Corruption,  // SQLITE_CORRUPT, SQLITE_NOTADB: not a (healthy) SQLite database
  Busy,        // SQLITE_BUSY, SQLITE_LOCKED: another connection holds a lock
  Permission,  // SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_AUTH
  Other,       // anything else (SQL errors, I/O errors, no error code)
};
ErrorKind errorKind(int code);
inline ErrorKind errorKind(const QSqlError& e) { return errorKind(sqliteCode(e)); }
// True for the codes that mean "this file is not a (healthy) SQLite database".
bool isCorruptionCode(int code);

// Runs `body` in a write transaction begun with BEGIN IMMEDIATE, so the write lock is taken (or
// waited for, with the connection's busy timeout) before anything is read: a deferred transaction
// that reads first and then writes gets SQLITE_BUSY at once when another connection wrote
// meanwhile, without waiting. Commits when `body` returns true, rolls back otherwise. A busy error
// (at BEGIN, in `body` or at COMMIT) retries the whole transaction until `timeoutMs` have passed
// since the call; `body` must therefore be repeatable. On failure `err` holds the last error
// (invalid when `body` returned false without one).
bool writeTransaction(const QSqlDatabase& db, int timeoutMs, const std::function<bool(QSqlError*)>& body,
                      QSqlError* err);
// Runs one statement outside any transaction (PRAGMA journal_mode), retrying busy errors like
// writeTransaction. Returns the first column of the first row (invalid on failure).
QVariant scalarWithRetry(const QSqlDatabase& db, int timeoutMs, const QString& sql, QSqlError* err);

// Runs one statement with positional bindings; on failure stores the error in `err`.
bool exec(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {},
          QSqlError* err = nullptr);
// The first column of the first row, or an invalid QVariant (error in `err`, if any).
QVariant scalar(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {},
                QSqlError* err = nullptr);

// Brings a database at `fromVersion` (0..kCurrentVersion) up to kCurrentVersion, setting PRAGMA
// user_version. Call inside the caller's write transaction, in which `fromVersion` was read: the
// tables and the version change together, and a second process that waits for the lock sees the
// migrated version instead of migrating again. An interrupted migration leaves the old version.
bool migrate(const QSqlDatabase& db, int fromVersion, QSqlError* err);

// Recomputes an attempt's score (questions answered right at the first try, questions answered)
// and its lesson's best score and last attempt. Call inside the caller's transaction.
bool refreshAttempt(const QSqlDatabase& db, qint64 attemptId, QSqlError* err);
bool refreshLesson(const QSqlDatabase& db, const QString& lessonId, QSqlError* err);

}  // namespace commitscope::progress_schema
