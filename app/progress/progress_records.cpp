// ProgressStore: recording answers and steps, summaries, resets and CSV export.
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

#include "progress_csv.hpp"
#include "progress_schema.hpp"
#include "progress_store.hpp"

namespace commitscope {
namespace {

namespace schema = progress_schema;

// Timestamps are stored as ISO 8601 UTC with milliseconds, so text order is time order.
QString iso(const QDateTime& t) {
  return (t.isValid() ? t : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant& v) {
  if (v.isNull()) return {};
  return QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toUTC();
}

// The lesson's latest attempt, started now when there is none. -1 on failure.
qint64 currentAttempt(const QSqlDatabase& d, const QString& lessonId, const QString& when, QSqlError* e) {
  const QVariant id = schema::scalar(d, QStringLiteral("SELECT MAX(id) FROM attempts WHERE lesson_id = ?"), {lessonId}, e);
  if (!id.isValid()) return -1;
  if (!id.isNull()) return id.toLongLong();
  if (!schema::exec(d,
                    QStringLiteral("INSERT INTO attempts (lesson_id, started_at, last_activity_at) VALUES (?, ?, ?)"),
                    {lessonId, when, when}, e))
    return -1;
  const QVariant created = schema::scalar(d, QStringLiteral("SELECT last_insert_rowid()"), {}, e);
  return created.isValid() ? created.toLongLong() : -1;
}

bool touchAttempt(const QSqlDatabase& d, qint64 attempt, const QString& when, QSqlError* e) {
  return schema::exec(d, QStringLiteral("UPDATE attempts SET last_activity_at = MAX(last_activity_at, ?) WHERE id = ?"),
                      {when, attempt}, e);
}

bool reachStep(const QSqlDatabase& d, const QString& lessonId, const QString& stepId, const QString& when,
               QSqlError* e) {
  return schema::exec(d, QStringLiteral("INSERT OR IGNORE INTO steps_reached (lesson_id, step_id, reached_at) VALUES (?, ?, ?)"),
                      {lessonId, stepId, when}, e);
}

}  // namespace

qint64 ProgressStore::startAttempt(const QString& lessonId, const QDateTime& wallTime) {
  const QString when = iso(wallTime);
  qint64 id = -1;
  const bool ok = inTransaction([&](const QSqlDatabase& d, QSqlError* e) {
    if (!schema::exec(d, QStringLiteral("INSERT INTO attempts (lesson_id, started_at, last_activity_at) VALUES (?, ?, ?)"),
                      {lessonId, when, when}, e))
      return false;
    const QVariant created = schema::scalar(d, QStringLiteral("SELECT last_insert_rowid()"), {}, e);
    if (!created.isValid()) return false;
    id = created.toLongLong();
    return schema::refreshLesson(d, lessonId, e);
  });
  return ok ? id : -1;
}

bool ProgressStore::recordAnswer(const QString& lessonId, const QString& stepId, const QString& answer, bool correct,
                                 double virtualMs, const QDateTime& wallTime) {
  const QString when = iso(wallTime);
  const QVariant virt = std::isfinite(virtualMs) ? QVariant(virtualMs) : QVariant();
  return inTransaction([&](const QSqlDatabase& d, QSqlError* e) {
    const qint64 attempt = currentAttempt(d, lessonId, when, e);
    return attempt >= 0 &&
           schema::exec(d,
                        QStringLiteral("INSERT INTO answers (lesson_id, step_id, answer, correct, virtual_ms, answered_at,"
                                       " attempt_id) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                        {lessonId, stepId, answer, correct ? 1 : 0, virt, when, attempt}, e) &&
           reachStep(d, lessonId, stepId, when, e) && touchAttempt(d, attempt, when, e) &&
           schema::refreshAttempt(d, attempt, e) && schema::refreshLesson(d, lessonId, e);
  });
}

bool ProgressStore::markStepReached(const QString& lessonId, const QString& stepId, int totalSteps,
                                    const QDateTime& wallTime) {
  const QString when = iso(wallTime);
  return inTransaction([&](const QSqlDatabase& d, QSqlError* e) {
    const qint64 attempt = currentAttempt(d, lessonId, when, e);
    if (attempt < 0 || !schema::exec(d, QStringLiteral("INSERT OR IGNORE INTO lessons (lesson_id) VALUES (?)"), {lessonId}, e))
      return false;
    if (totalSteps > 0 &&
        !schema::exec(d, QStringLiteral("UPDATE lessons SET total_steps = ? WHERE lesson_id = ?"), {totalSteps, lessonId}, e))
      return false;
    return reachStep(d, lessonId, stepId, when, e) && touchAttempt(d, attempt, when, e) &&
           schema::exec(d, QStringLiteral("UPDATE attempts SET current_step = ? WHERE id = ?"), {stepId, attempt}, e) &&
           schema::refreshLesson(d, lessonId, e);
  });
}

bool ProgressStore::finishAttempt(const QString& lessonId, const QDateTime& wallTime) {
  const QString when = iso(wallTime);
  return inTransaction([&](const QSqlDatabase& d, QSqlError* e) {
    const qint64 attempt = currentAttempt(d, lessonId, when, e);
    return attempt >= 0 &&
           schema::exec(d, QStringLiteral("UPDATE attempts SET finished_at = ? WHERE id = ?"), {when, attempt}, e) &&
           touchAttempt(d, attempt, when, e) && schema::refreshLesson(d, lessonId, e);
  });
}

int ResumePoint::score() const {
  int n = 0;
  for (const Answer& a : answers) n += a.firstCorrect ? 1 : 0;
  return n;
}

ResumePoint ProgressStore::resumePoint(const QString& lessonId) const {
  ResumePoint r;
  if (!isUsable()) return r;
  QSqlDatabase d = db();
  // A read transaction: the attempt and its answers come from one snapshot even while another
  // window records answers (WAL readers never wait for the writer).
  if (!d.transaction()) {
    lastError_ = d.lastError();
    return r;
  }
  QSqlQuery q(d);
  q.prepare(QStringLiteral("SELECT id, current_step, finished_at FROM attempts WHERE lesson_id = ? ORDER BY id DESC LIMIT 1"));
  q.addBindValue(lessonId);
  if (q.exec() && q.next() && q.value(2).isNull()) {
    r.attemptId = q.value(0).toLongLong();
    r.currentStep = q.value(1).toString();
    QSqlQuery a(d);
    a.prepare(QStringLiteral("SELECT step_id, correct, answer FROM answers WHERE attempt_id = ? ORDER BY id"));
    a.addBindValue(r.attemptId);
    if (a.exec()) {
      while (a.next()) {
        const QString step = a.value(0).toString();
        const bool correct = a.value(1).toInt() != 0;
        auto it = std::find_if(r.answers.begin(), r.answers.end(), [&](const ResumePoint::Answer& x) { return x.stepId == step; });
        if (it == r.answers.end()) it = r.answers.insert(r.answers.end(), {step, correct, correct, {}});
        it->lastCorrect = correct;
        it->lastAnswer = a.value(2).toString();
        if (r.currentStep.isEmpty() || q.value(1).isNull()) r.currentStep = step;  // version-2 attempts
      }
    } else {
      lastError_ = a.lastError();
    }
  } else if (q.lastError().isValid()) {
    lastError_ = q.lastError();
  }
  d.commit();
  return r;
}

LessonProgress ProgressStore::lessonSummary(const QString& lessonId, int totalSteps) const {
  LessonProgress p;
  p.lessonId = lessonId;
  if (!isUsable()) return p;
  QSqlQuery q(db());
  q.prepare(QStringLiteral(
      "SELECT total_steps, best_score, best_score_out_of, last_attempt_at, completed_at,"
      " (SELECT COUNT(*) FROM steps_reached s WHERE s.lesson_id = l.lesson_id),"
      " (SELECT COUNT(*) FROM attempts a WHERE a.lesson_id = l.lesson_id)"
      " FROM lessons l WHERE lesson_id = ?"));
  q.addBindValue(lessonId);
  if (!q.exec()) {
    lastError_ = q.lastError();
  } else if (q.next()) {
    p.totalSteps = q.value(0).toInt();
    p.bestScore = q.value(1).toInt();
    p.bestScoreOutOf = q.value(2).toInt();
    p.lastAttempt = fromIso(q.value(3));
    p.completed = !q.value(4).isNull();
    p.stepsReached = q.value(5).toInt();
    p.attempts = q.value(6).toInt();
  }
  if (totalSteps > 0) p.totalSteps = totalSteps;
  if (p.totalSteps > 0) p.completion = std::min(1.0, double(p.stepsReached) / p.totalSteps);
  return p;
}

QList<LessonProgress> ProgressStore::allSummaries() const {
  QList<LessonProgress> out;
  if (!isUsable()) return out;
  QStringList ids;
  {
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT lesson_id FROM lessons ORDER BY lesson_id"))) {
      lastError_ = q.lastError();
      return out;
    }
    while (q.next()) ids.append(q.value(0).toString());
  }
  for (const QString& id : ids) out.append(lessonSummary(id));
  return out;
}

QList<RecordedAnswer> ProgressStore::answers(const QString& lessonId) const {
  QList<RecordedAnswer> out;
  if (!isUsable()) return out;
  QSqlQuery q(db());
  q.prepare(QStringLiteral("SELECT id, attempt_id, lesson_id, step_id, answer, correct, virtual_ms, answered_at"
                           " FROM answers WHERE ? = '' OR lesson_id = ? ORDER BY id"));
  q.addBindValue(lessonId.isNull() ? QStringLiteral("") : lessonId);
  q.addBindValue(lessonId);
  if (!q.exec()) {
    lastError_ = q.lastError();
    return out;
  }
  while (q.next()) {
    RecordedAnswer a;
    a.id = q.value(0).toLongLong();
    a.attemptId = q.value(1).toLongLong();
    a.lessonId = q.value(2).toString();
    a.stepId = q.value(3).toString();
    a.answer = q.value(4).toString();
    a.correct = q.value(5).toInt() != 0;
    a.virtualMs = q.value(6).isNull() ? std::numeric_limits<double>::quiet_NaN() : q.value(6).toDouble();
    a.answeredAt = fromIso(q.value(7));
    out.append(a);
  }
  return out;
}

bool ProgressStore::resetLesson(const QString& lessonId) {
  return inTransaction([&](const QSqlDatabase& d, QSqlError* e) {
    for (const char* table : {"answers", "steps_reached", "attempts", "lessons"})
      if (!schema::exec(d, QStringLiteral("DELETE FROM %1 WHERE lesson_id = ?").arg(QLatin1String(table)), {lessonId}, e))
        return false;
    return true;
  });
}

bool ProgressStore::resetAll() {
  return inTransaction([&](const QSqlDatabase& d, QSqlError* e) {
    for (const char* table : {"answers", "steps_reached", "attempts", "lessons"})
      if (!schema::exec(d, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), {}, e)) return false;
    return true;
  });
}

bool ProgressStore::exportCsv(QIODevice* out, CsvContent content) {
  if (!out || !out->isWritable() || !isUsable()) {
    message_ = tr("The progress could not be exported: nothing to write to.");
    return false;
  }
  QByteArray data;
  if (content == CsvContent::Answers) {
    data += progress_csv::row({QStringLiteral("lesson_id"), QStringLiteral("attempt"), QStringLiteral("step_id"),
                               QStringLiteral("answer"), QStringLiteral("correct"), QStringLiteral("virtual_ms"),
                               QStringLiteral("answered_at_utc")});
    for (const RecordedAnswer& a : answers())
      data += progress_csv::row({a.lessonId, QString::number(a.attemptId), a.stepId, a.answer,
                                 a.correct ? QStringLiteral("1") : QStringLiteral("0"),
                                 std::isnan(a.virtualMs) ? QString() : QString::number(a.virtualMs, 'g', 15),
                                 a.answeredAt.toString(Qt::ISODateWithMs)});
  } else {
    data += progress_csv::row({QStringLiteral("lesson_id"), QStringLiteral("steps_reached"), QStringLiteral("total_steps"),
                               QStringLiteral("completion"), QStringLiteral("completed"), QStringLiteral("best_score"),
                               QStringLiteral("best_score_out_of"), QStringLiteral("attempts"),
                               QStringLiteral("last_attempt_utc")});
    for (const LessonProgress& p : allSummaries())
      data += progress_csv::row({p.lessonId, QString::number(p.stepsReached), QString::number(p.totalSteps),
                                 QString::number(p.completion, 'f', 3), p.completed ? QStringLiteral("1") : QStringLiteral("0"),
                                 QString::number(p.bestScore), QString::number(p.bestScoreOutOf),
                                 QString::number(p.attempts), p.lastAttempt.toString(Qt::ISODateWithMs)});
  }
  if (out->write(data) != data.size()) {
    message_ = tr("The progress could not be exported: %1").arg(out->errorString());
    return false;
  }
  return true;
}

bool ProgressStore::exportCsv(const QString& path, CsvContent content) {
  QSaveFile file(path);  // all or nothing: a failed export never leaves half a file
  if (!file.open(QIODevice::WriteOnly)) {
    message_ = tr("The progress could not be exported to \"%1\": %2").arg(path, file.errorString());
    return false;
  }
  if (!exportCsv(&file, content)) {
    file.cancelWriting();
    return false;
  }
  if (!file.commit()) {
    message_ = tr("The progress could not be exported to \"%1\": %2").arg(path, file.errorString());
    return false;
  }
  return true;
}

}  // namespace commitscope
