// ProgressStore: the learner's progress in a SQLite file (Qt SQL, QSQLITE driver).
//
// - The file is <directory>/progress.db; the directory is the --profile DIR given on the command
//   line, else QStandardPaths::AppDataLocation (see defaultDirectory()).
// - Versioned schema (PRAGMA user_version) with migrations from every earlier version; WAL journal,
//   synchronous=FULL. Every answer is committed in its own transaction as it is given, so killing
//   the app loses nothing already answered.
// - Several CommitScope windows (processes) may use one profile at once. Every write, including
//   the schema check and migration at open(), is a BEGIN IMMEDIATE transaction: it takes SQLite's
//   write lock before it reads, and waits for it (busy timeout, then a bounded retry; lockTimeout())
//   instead of failing at once. The schema version is read inside that transaction, so of two
//   processes starting together one migrates and the other then finds the migrated schema. In WAL
//   mode readers never wait for the writer.
// - Only real damage counts as damage: a file that is not SQLite, fails PRAGMA quick_check or lacks
//   the tables of the version it claims is renamed to progress.db.corrupt-<n> (kept, never deleted,
//   with its -wal/-shm) and a fresh one is started. A file that is busy (another process kept the
//   lock past the timeout), cannot be read or written (owner, mode, read-only mount), was written by
//   a newer version, or holds tables this version cannot migrate is left exactly as it is and
//   progress is kept in memory; so is a location that cannot be written. Either way status() and
//   lastMessage() say what happened and the store keeps working.
// - A write that fails (recordAnswer, markStepReached, ...) returns false and lastMessage() says
//   why; the caller tells the learner (LessonSession::progressNotSaved).
//
// One store per thread (Qt SQL connections are per thread); each store has its own connection name.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSqlError>
#include <QString>

#include <functional>

class QIODevice;
class QSqlDatabase;

namespace commitscope {

// What the progress view shows for one lesson.
struct LessonProgress {
  QString lessonId;
  int stepsReached = 0;    // distinct steps the learner has reached (answering a step reaches it)
  int totalSteps = 0;      // 0: not known
  double completion = 0.0; // stepsReached / totalSteps, at most 1; 0 when totalSteps is unknown
  bool completed = false;  // every step reached at least once (stays true after a later reset of steps)
  int bestScore = 0;       // questions right at the first try in the best attempt
  int bestScoreOutOf = 0;  // questions answered in that attempt
  int attempts = 0;
  QDateTime lastAttempt;   // UTC; invalid: never attempted
};

// One recorded answer, as given.
struct RecordedAnswer {
  qint64 id = 0;
  qint64 attemptId = 0;
  QString lessonId;
  QString stepId;
  QString answer;
  bool correct = false;
  double virtualMs = 0.0;  // NaN: no run time was given
  QDateTime answeredAt;    // UTC
};

// Where the learner's latest attempt at a lesson stands, to continue it ("Continue at step N").
struct ResumePoint {
  struct Answer {
    QString stepId;
    bool firstCorrect = false;  // the first answer given to the step in this attempt (what scores)
    bool lastCorrect = false;   // the latest one
    QString lastAnswer;         // as recorded ("0,2", "option 1", ...)
  };
  qint64 attemptId = -1;     // -1: no attempt to continue (none, or the latest one reached the end)
  QString currentStep;       // the step the learner was on (may be empty for attempts of version 2)
  QList<Answer> answers;     // one per answered step, in the order first answered
  int score() const;         // questions right at the first try
  bool canContinue() const { return attemptId >= 0; }
};

class ProgressStore {
  Q_DECLARE_TR_FUNCTIONS(ProgressStore)

 public:
  enum class Status {
    Closed,     // open() not called (or close())
    Ok,         // the file opened (possibly after a migration)
    Recovered,  // the old file was moved aside (see movedAsidePath()) and a fresh one started
    InMemory,   // the location could not be used; progress lasts until the store is closed
    Failed,     // not even an in-memory database could be opened; every call fails harmlessly
  };
  enum class CsvContent { Answers, Summaries };

  static constexpr const char* kFileName = "progress.db";
  // How long one operation waits for another process that holds the file's write lock.
  static constexpr int kDefaultLockTimeoutMs = 5000;

  // `profileDir` if given (the --profile DIR override), else QStandardPaths::AppDataLocation.
  static QString defaultDirectory(const QString& profileDir = {});

  ProgressStore();
  explicit ProgressStore(const QString& directory);  // calls open(directory)
  ~ProgressStore();
  ProgressStore(const ProgressStore&) = delete;
  ProgressStore& operator=(const ProgressStore&) = delete;

  // Opens <directory>/progress.db (empty: defaultDirectory()). Returns true when the store is usable
  // (status Ok, Recovered or InMemory); read status() and lastMessage() for what happened.
  bool open(const QString& directory = {});
  void close();

  // The wait for another process's lock, per operation (busy timeout and retries); applies to the
  // open connection at once and to later open() calls.
  void setLockTimeout(int ms);
  int lockTimeout() const { return lockTimeoutMs_; }

  Status status() const { return status_; }
  bool isUsable() const;
  bool isInMemory() const { return status_ == Status::InMemory; }
  // Translated, learner-facing explanation of the last problem (empty when all went well).
  QString lastMessage() const { return message_; }
  QString databasePath() const { return path_; }   // empty when in memory
  QString movedAsidePath() const { return movedAside_; }
  int migratedFromVersion() const { return migratedFrom_; }  // -1: no migration at this open
  int schemaVersion() const;

  // Starts a new attempt at a lesson (the learner (re)starts it); later answers belong to it.
  // Returns its id, or -1 on failure.
  qint64 startAttempt(const QString& lessonId, const QDateTime& wallTime = QDateTime::currentDateTimeUtc());
  // Records and commits one answer (in the lesson's latest attempt, started if there is none).
  bool recordAnswer(const QString& lessonId, const QString& stepId, const QString& answer, bool correct,
                    double virtualMs, const QDateTime& wallTime = QDateTime::currentDateTimeUtc());
  // The learner reached a step (and is now on it: the latest attempt's current step, where
  // "Continue" starts). `totalSteps` > 0 also records the lesson's number of steps.
  bool markStepReached(const QString& lessonId, const QString& stepId, int totalSteps = 0,
                       const QDateTime& wallTime = QDateTime::currentDateTimeUtc());

  // The lesson's latest attempt reached its end (the summary was shown): nothing to continue.
  bool finishAttempt(const QString& lessonId, const QDateTime& wallTime = QDateTime::currentDateTimeUtc());
  // The latest attempt, read in one transaction (a consistent snapshot while other windows write).
  // Not continuable when it finished; `currentStep` falls back to the step of its latest answer.
  ResumePoint resumePoint(const QString& lessonId) const;

  // `totalSteps` > 0 overrides the stored number of steps for the completion fraction.
  LessonProgress lessonSummary(const QString& lessonId, int totalSteps = 0) const;
  QList<LessonProgress> allSummaries() const;  // every lesson with any progress, by id
  QList<RecordedAnswer> answers(const QString& lessonId = {}) const;  // oldest first; empty id: all

  bool resetLesson(const QString& lessonId);
  bool resetAll();

  // CSV (RFC 4180: header row, comma separated, CRLF, fields quoted when needed), UTF-8.
  bool exportCsv(QIODevice* out, CsvContent content = CsvContent::Answers);
  bool exportCsv(const QString& path, CsvContent content = CsvContent::Answers);

 private:
  // What opening the file found. Only Corrupt moves the file aside; the others keep it untouched.
  enum class OpenResult { Ok, Corrupt, Newer, Unmigratable, Busy, Unusable };

  QSqlDatabase db() const;
  OpenResult openFile(const QString& path, QString* detail);
  // open() in parts: why a folder or file cannot be used at all (empty: it can), the message for a
  // good file that cannot be used now, and moving a damaged one aside for a fresh start.
  QString whyUnusable(const QString& dir, const QString& file) const;
  bool keepUntouched(const QString& file, OpenResult r, const QString& detail);
  bool replaceDamaged(const QString& file, QString detail);
  bool openInMemory();
  void dropConnection();
  bool moveAside(const QString& path, QString* detail);
  bool prepareSchema(bool inMemory, OpenResult* result, QString* detail);
  OpenResult classify(const QSqlError& e, bool migrating) const;
  bool inTransaction(const std::function<bool(const QSqlDatabase&, QSqlError*)>& body);
  bool fail(const QSqlError& e);
  void addMessage(const QString& text);

  QString connection_;
  Status status_ = Status::Closed;
  QString message_;
  QString path_;
  QString movedAside_;
  int migratedFrom_ = -1;
  int lockTimeoutMs_ = kDefaultLockTimeoutMs;
  mutable QSqlError lastError_;
};

}  // namespace commitscope
