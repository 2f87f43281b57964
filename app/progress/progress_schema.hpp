// The progress database's schema: every version's migration and small Qt SQL helpers.
// Internal to commitscope_progress; the public API is ProgressStore.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <initializer_list>

namespace commitscope::progress_schema {

// The version this build writes (PRAGMA user_version). 0 means "nothing yet".
//   1: answers
//   2: + attempts, lessons (best score, last attempt, completion), steps_reached; answers.attempt_id
inline constexpr int kCurrentVersion = 2;

// SQLite's primary result code in a Qt SQL error (-1 when there is none).
int sqliteCode(const QSqlError& e);
// True for the codes that mean "this file is not a (healthy) SQLite database".
bool isCorruptionCode(int code);

// Runs one statement with positional bindings; on failure stores the error in `err`.
bool exec(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {},
          QSqlError* err = nullptr);
// The first column of the first row, or an invalid QVariant (error in `err`, if any).
QVariant scalar(const QSqlDatabase& db, const QString& sql, std::initializer_list<QVariant> binds = {},
                QSqlError* err = nullptr);

// Brings a database at `fromVersion` (0..kCurrentVersion) up to kCurrentVersion. Each step runs in
// its own transaction together with its PRAGMA user_version, so an interrupted migration leaves the
// previous version intact.
bool migrate(const QSqlDatabase& db, int fromVersion, QSqlError* err);

// Recomputes an attempt's score (questions answered right at the first try, questions answered)
// and its lesson's best score and last attempt. Call inside the caller's transaction.
bool refreshAttempt(const QSqlDatabase& db, qint64 attemptId, QSqlError* err);
bool refreshLesson(const QSqlDatabase& db, const QString& lessonId, QSqlError* err);

}  // namespace commitscope::progress_schema
