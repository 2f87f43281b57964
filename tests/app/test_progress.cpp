// Tests of the progress store: persistence, migrations, recovery from damaged files, read-only
// locations, a kill between two answers, and the CSV export.
#include <gtest/gtest.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <csignal>
#include <ostream>
#include <sys/types.h>

#include "progress_store.hpp"

QT_BEGIN_NAMESPACE
// Readable QString values in GoogleTest failure messages.
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }
QT_END_NAMESPACE

using commitscope::ProgressStore;
using Status = ProgressStore::Status;

namespace {

QDateTime at(int minute, int second = 0) {
  return QDateTime(QDate(2026, 11, 26), QTime(10, minute, second), Qt::UTC);
}

QString dbFile(const QTemporaryDir& dir) { return dir.filePath(QStringLiteral("progress.db")); }

// Runs raw SQL on a file outside the store (to build old versions or inspect the file).
class RawDb {
 public:
  explicit RawDb(const QString& path) : name_(QStringLiteral("raw_%1").arg(++counter_)) {
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name_);
    d.setDatabaseName(path);
    EXPECT_TRUE(d.open()) << d.lastError().text().toStdString();
  }
  ~RawDb() {
    { QSqlDatabase::database(name_, false).close(); }
    QSqlDatabase::removeDatabase(name_);
  }
  void exec(const QString& sql) {
    QSqlQuery q(QSqlDatabase::database(name_, false));
    EXPECT_TRUE(q.exec(sql)) << sql.toStdString() << ": " << q.lastError().text().toStdString();
  }
  QVariant value(const QString& sql) {
    QSqlQuery q(QSqlDatabase::database(name_, false));
    EXPECT_TRUE(q.exec(sql)) << q.lastError().text().toStdString();
    return q.next() ? q.value(0) : QVariant();
  }

 private:
  static inline int counter_ = 0;
  QString name_;
};

void writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

QByteArray readFile(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// After a recovery: the old bytes are kept aside, a fresh store works and says what happened.
void expectRecovered(ProgressStore& store, const QTemporaryDir& dir, const QByteArray& oldBytes, int n = 1) {
  EXPECT_EQ(store.status(), Status::Recovered) << store.lastMessage().toStdString();
  const QString aside = dbFile(dir) + QStringLiteral(".corrupt-%1").arg(n);
  EXPECT_EQ(store.movedAsidePath(), aside);
  EXPECT_EQ(readFile(aside), oldBytes);
  EXPECT_TRUE(store.lastMessage().contains(QStringLiteral(".corrupt-%1").arg(n))) << store.lastMessage().toStdString();
  EXPECT_TRUE(store.lastMessage().contains(QStringLiteral("new progress file"))) << store.lastMessage().toStdString();
  EXPECT_EQ(store.schemaVersion(), 2);
  EXPECT_TRUE(store.answers().isEmpty());
  EXPECT_TRUE(store.recordAnswer(QStringLiteral("l1"), QStringLiteral("q1"), QStringLiteral("A"), true, 1.0));
  store.close();
  ProgressStore again(dir.path());
  EXPECT_EQ(again.status(), Status::Ok);
  EXPECT_TRUE(again.lastMessage().isEmpty());
  EXPECT_EQ(again.answers().size(), 1);
}

// A real store file with `answers` answers, closed (so the WAL is checkpointed into it).
QByteArray makeRealDb(const QTemporaryDir& dir, int answers) {
  {
    ProgressStore store(dir.path());
    for (int i = 0; i < answers; ++i)
      EXPECT_TRUE(store.recordAnswer(QStringLiteral("lesson-%1").arg(i % 7), QStringLiteral("q%1").arg(i),
                                     QString(200, QLatin1Char('x')), i % 2 == 0, i));
  }
  return readFile(dbFile(dir));
}

}  // namespace

TEST(ProgressStore, DefaultDirectoryHonoursProfile) {
  EXPECT_EQ(ProgressStore::defaultDirectory(QStringLiteral("/some/profile")), QStringLiteral("/some/profile"));
  EXPECT_EQ(ProgressStore::defaultDirectory(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
}

TEST(ProgressStore, AnswersPersistAcrossReopen) {
  QTemporaryDir dir;
  {
    ProgressStore store(dir.path());
    ASSERT_EQ(store.status(), Status::Ok) << store.lastMessage().toStdString();
    EXPECT_TRUE(store.lastMessage().isEmpty());
    EXPECT_EQ(store.databasePath(), dbFile(dir));
    EXPECT_EQ(store.migratedFromVersion(), 0);  // a new file is built by the migrations
    EXPECT_TRUE(store.markStepReached(QStringLiteral("07-2pc"), QStringLiteral("intro"), 4, at(1)));
    EXPECT_TRUE(store.recordAnswer(QStringLiteral("07-2pc"), QStringLiteral("q1"), QStringLiteral("1"), true, 120.5, at(2)));
    EXPECT_TRUE(store.recordAnswer(QStringLiteral("07-2pc"), QStringLiteral("q2"), QStringLiteral("0"), false, 300, at(3)));
    EXPECT_TRUE(store.recordAnswer(QStringLiteral("07-2pc"), QStringLiteral("q2"), QStringLiteral("2"), true, 310, at(4)));
  }
  ProgressStore store(dir.path());
  ASSERT_EQ(store.status(), Status::Ok);
  EXPECT_EQ(store.migratedFromVersion(), -1);
  EXPECT_EQ(store.schemaVersion(), 2);
  const auto answers = store.answers(QStringLiteral("07-2pc"));
  ASSERT_EQ(answers.size(), 3);
  EXPECT_EQ(answers[0].stepId, QStringLiteral("q1"));
  EXPECT_TRUE(answers[0].correct);
  EXPECT_DOUBLE_EQ(answers[0].virtualMs, 120.5);
  EXPECT_EQ(answers[0].answeredAt, at(2));
  EXPECT_EQ(answers[1].answer, QStringLiteral("0"));
  EXPECT_FALSE(answers[1].correct);
  EXPECT_EQ(answers[2].attemptId, answers[0].attemptId);

  const auto s = store.lessonSummary(QStringLiteral("07-2pc"));
  EXPECT_EQ(s.totalSteps, 4);
  EXPECT_EQ(s.stepsReached, 3);  // intro, q1, q2
  EXPECT_DOUBLE_EQ(s.completion, 0.75);
  EXPECT_FALSE(s.completed);
  EXPECT_EQ(s.bestScore, 1);  // q2 was wrong at the first try
  EXPECT_EQ(s.bestScoreOutOf, 2);
  EXPECT_EQ(s.attempts, 1);
  EXPECT_EQ(s.lastAttempt, at(4));

  // The file is in WAL mode.
  store.close();
  RawDb raw(dbFile(dir));
  EXPECT_EQ(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

TEST(ProgressStore, AttemptsBestScoreCompletionAndReset) {
  QTemporaryDir dir;
  ProgressStore store(dir.path());
  const QString l = QStringLiteral("lesson-a");
  EXPECT_TRUE(store.recordAnswer(l, QStringLiteral("q1"), QStringLiteral("x"), false, 1, at(1)));
  EXPECT_TRUE(store.recordAnswer(l, QStringLiteral("q2"), QStringLiteral("x"), true, 2, at(2)));
  const qint64 second = store.startAttempt(l, at(10));
  ASSERT_GT(second, 0);
  EXPECT_TRUE(store.recordAnswer(l, QStringLiteral("q1"), QStringLiteral("y"), true, 1, at(11)));
  EXPECT_TRUE(store.recordAnswer(l, QStringLiteral("q2"), QStringLiteral("y"), true, 2, at(12)));
  EXPECT_EQ(store.answers(l).back().attemptId, second);
  for (const char* step : {"s1", "s2", "q1", "q2"}) EXPECT_TRUE(store.markStepReached(l, QLatin1String(step), 4, at(13)));

  auto s = store.lessonSummary(l);
  EXPECT_EQ(s.attempts, 2);
  EXPECT_EQ(s.bestScore, 2);
  EXPECT_EQ(s.bestScoreOutOf, 2);
  EXPECT_TRUE(s.completed);
  EXPECT_DOUBLE_EQ(s.completion, 1.0);
  EXPECT_EQ(s.lastAttempt, at(13));
  EXPECT_DOUBLE_EQ(store.lessonSummary(l, 8).completion, 0.5);  // a caller-given step count wins

  // A worse third attempt does not lower the best score.
  store.startAttempt(l, at(20));
  EXPECT_TRUE(store.recordAnswer(l, QStringLiteral("q1"), QStringLiteral("z"), false, 1, at(21)));
  EXPECT_EQ(store.lessonSummary(l).bestScore, 2);

  EXPECT_TRUE(store.recordAnswer(QStringLiteral("lesson-b"), QStringLiteral("q1"), QStringLiteral("x"), true, 1));
  auto all = store.allSummaries();
  ASSERT_EQ(all.size(), 2);
  EXPECT_EQ(all[0].lessonId, l);
  EXPECT_EQ(all[1].lessonId, QStringLiteral("lesson-b"));

  EXPECT_TRUE(store.resetLesson(l));
  s = store.lessonSummary(l);
  EXPECT_EQ(s.attempts, 0);
  EXPECT_EQ(s.stepsReached, 0);
  EXPECT_FALSE(s.lastAttempt.isValid());
  EXPECT_TRUE(store.answers(l).isEmpty());
  EXPECT_EQ(store.answers().size(), 1);
  EXPECT_TRUE(store.resetAll());
  EXPECT_TRUE(store.answers().isEmpty());
  EXPECT_TRUE(store.allSummaries().isEmpty());
}

TEST(ProgressStore, MigratesFromVersion1) {
  QTemporaryDir dir;
  {
    RawDb raw(dbFile(dir));
    raw.exec(QStringLiteral(
        "CREATE TABLE answers (id INTEGER PRIMARY KEY AUTOINCREMENT, lesson_id TEXT NOT NULL, step_id TEXT NOT NULL,"
        " answer TEXT NOT NULL, correct INTEGER NOT NULL CHECK (correct IN (0, 1)), virtual_ms REAL,"
        " answered_at TEXT NOT NULL)"));
    raw.exec(QStringLiteral("CREATE INDEX answers_by_lesson ON answers (lesson_id, step_id)"));
    raw.exec(QStringLiteral(
        "INSERT INTO answers (lesson_id, step_id, answer, correct, virtual_ms, answered_at) VALUES"
        " ('l1', 'q1', 'A', 1, 10, '2026-11-20T10:00:00.000Z'),"
        " ('l1', 'q2', 'B', 0, 20, '2026-11-20T10:01:00.000Z'),"
        " ('l1', 'q2', 'C', 1, 30, '2026-11-20T10:02:00.000Z'),"
        " ('l2', 'q1', 'D', 1, NULL, '2026-11-21T09:00:00.000Z')"));
    raw.exec(QStringLiteral("PRAGMA user_version = 1"));
  }
  ProgressStore store(dir.path());
  ASSERT_EQ(store.status(), Status::Ok) << store.lastMessage().toStdString();
  EXPECT_EQ(store.migratedFromVersion(), 1);
  EXPECT_EQ(store.schemaVersion(), 2);
  const auto answers = store.answers();
  ASSERT_EQ(answers.size(), 4);
  EXPECT_EQ(answers[2].answer, QStringLiteral("C"));
  EXPECT_TRUE(std::isnan(answers[3].virtualMs));
  EXPECT_GT(answers[0].attemptId, 0);
  EXPECT_NE(answers[0].attemptId, answers[3].attemptId);

  const auto l1 = store.lessonSummary(QStringLiteral("l1"));
  EXPECT_EQ(l1.attempts, 1);
  EXPECT_EQ(l1.bestScore, 1);
  EXPECT_EQ(l1.bestScoreOutOf, 2);
  EXPECT_EQ(l1.stepsReached, 2);
  EXPECT_EQ(l1.lastAttempt, QDateTime(QDate(2026, 11, 20), QTime(10, 2), Qt::UTC));
  EXPECT_EQ(store.allSummaries().size(), 2);

  // The migrated file takes new answers in the same attempt.
  EXPECT_TRUE(store.recordAnswer(QStringLiteral("l1"), QStringLiteral("q3"), QStringLiteral("E"), true, 40));
  EXPECT_EQ(store.lessonSummary(QStringLiteral("l1")).bestScore, 2);
  store.close();
  ProgressStore again(dir.path());
  EXPECT_EQ(again.migratedFromVersion(), -1);
  EXPECT_EQ(again.answers().size(), 5);
}

TEST(ProgressStore, MigratesFromVersion0) {
  // An empty file and a version-0 SQLite file with an unrelated table both become version 2.
  for (const bool withForeignTable : {false, true}) {
    QTemporaryDir dir;
    if (withForeignTable) {
      RawDb raw(dbFile(dir));
      raw.exec(QStringLiteral("CREATE TABLE notes (text TEXT)"));
    } else {
      writeFile(dbFile(dir), {});
    }
    ProgressStore store(dir.path());
    ASSERT_EQ(store.status(), Status::Ok) << store.lastMessage().toStdString();
    EXPECT_EQ(store.migratedFromVersion(), 0);
    EXPECT_EQ(store.schemaVersion(), 2);
    EXPECT_TRUE(store.recordAnswer(QStringLiteral("l"), QStringLiteral("q"), QStringLiteral("a"), true, 0));
  }
}

TEST(ProgressStore, RandomBytesAreMovedAside) {
  QTemporaryDir dir;
  QByteArray garbage(16384, '\0');
  QRandomGenerator gen(42);
  for (char& c : garbage) c = static_cast<char>(gen.bounded(256));
  writeFile(dbFile(dir), garbage);
  ProgressStore store(dir.path());
  expectRecovered(store, dir, garbage);

  // A second damaged file goes to the next free name.
  const QByteArray text = "this is not a database, just a text file that someone renamed\n";
  writeFile(dbFile(dir), text);
  ProgressStore next(dir.path());
  expectRecovered(next, dir, text, 2);
}

TEST(ProgressStore, TruncatedDatabaseIsMovedAside) {
  for (const int keep : {50, 3000, -1}) {  // inside the header, inside page 1, half the file
    QTemporaryDir dir;
    const QByteArray full = makeRealDb(dir, 300);
    ASSERT_GT(full.size(), 16384);
    const QByteArray cut = full.left(keep > 0 ? keep : full.size() / 2);
    writeFile(dbFile(dir), cut);
    ProgressStore store(dir.path());
    SCOPED_TRACE(keep);
    expectRecovered(store, dir, cut);
  }
}

TEST(ProgressStore, GarbageHeaderIsMovedAside) {
  QTemporaryDir dir;
  QByteArray bytes = makeRealDb(dir, 20);
  bytes.replace(0, 16, "SQLite formot 3");  // the magic string, damaged
  writeFile(dbFile(dir), bytes);
  ProgressStore store(dir.path());
  expectRecovered(store, dir, bytes);
}

TEST(ProgressStore, NewerSchemaIsMovedAside) {
  QTemporaryDir dir;
  makeRealDb(dir, 3);
  { RawDb(dbFile(dir)).exec(QStringLiteral("PRAGMA user_version = 99")); }
  const QByteArray bytes = readFile(dbFile(dir));
  ProgressStore store(dir.path());
  expectRecovered(store, dir, bytes);
  // The kept file is still a readable database of 3 answers.
  RawDb kept(dbFile(dir) + QStringLiteral(".corrupt-1"));
  EXPECT_EQ(kept.value(QStringLiteral("SELECT COUNT(*) FROM answers")).toInt(), 3);
}

TEST(ProgressStore, WrongTablesAtCurrentVersionAreMovedAside) {
  QTemporaryDir dir;
  {
    RawDb raw(dbFile(dir));
    raw.exec(QStringLiteral("CREATE TABLE something (x)"));
    raw.exec(QStringLiteral("PRAGMA user_version = 2"));
  }
  const QByteArray bytes = readFile(dbFile(dir));
  ProgressStore store(dir.path());
  expectRecovered(store, dir, bytes);
}

TEST(ProgressStore, UnmigratableVersion0FileIsMovedAside) {
  // Another program's "answers" table: the migration fails, is rolled back, and the file is kept.
  QTemporaryDir dir;
  {
    RawDb raw(dbFile(dir));
    raw.exec(QStringLiteral("CREATE TABLE answers (x INTEGER)"));
    raw.exec(QStringLiteral("INSERT INTO answers VALUES (7)"));
  }
  const QByteArray bytes = readFile(dbFile(dir));
  ProgressStore store(dir.path());
  expectRecovered(store, dir, bytes);
}

TEST(ProgressStore, UncreatableDirectoryFallsBackToMemory) {
  // A directory below a regular file can never be created, even by root.
  QTemporaryDir dir;
  writeFile(dir.filePath(QStringLiteral("plain-file")), "x");
  const QString where = dir.filePath(QStringLiteral("plain-file/profile"));
  ProgressStore store(where);
  EXPECT_EQ(store.status(), Status::InMemory);
  EXPECT_TRUE(store.isInMemory());
  EXPECT_TRUE(store.databasePath().isEmpty());
  EXPECT_TRUE(store.lastMessage().contains(QStringLiteral("kept in memory"))) << store.lastMessage().toStdString();
  EXPECT_TRUE(store.lastMessage().contains(QDir::toNativeSeparators(where)));
  EXPECT_TRUE(store.recordAnswer(QStringLiteral("l"), QStringLiteral("q"), QStringLiteral("a"), true, 5));
  EXPECT_TRUE(store.markStepReached(QStringLiteral("l"), QStringLiteral("s"), 2));
  EXPECT_DOUBLE_EQ(store.lessonSummary(QStringLiteral("l")).completion, 1.0);
  EXPECT_EQ(store.answers().size(), 1);
}

TEST(ProgressStore, ReadOnlyDirectoryFallsBackToMemory) {
  QTemporaryDir dir;
  const QString ro = dir.filePath(QStringLiteral("ro"));
  ASSERT_TRUE(QDir().mkpath(ro));
  ASSERT_TRUE(QFile::setPermissions(ro, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                            QFile::ReadOther | QFile::ExeOther));
  {
    QFile probe(QDir(ro).filePath(QStringLiteral("probe")));
    if (probe.open(QIODevice::WriteOnly)) {
      probe.remove();
      QFile::setPermissions(ro, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
      GTEST_SKIP() << "permissions do not block writes here (running as root); "
                      "UncreatableDirectoryFallsBackToMemory covers the fallback";
    }
  }
  ProgressStore store(ro);
  EXPECT_EQ(store.status(), Status::InMemory);
  EXPECT_TRUE(store.lastMessage().contains(QStringLiteral("read-only"))) << store.lastMessage().toStdString();
  EXPECT_TRUE(store.recordAnswer(QStringLiteral("l"), QStringLiteral("q"), QStringLiteral("a"), true, 5));
  QFile::setPermissions(ro, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

TEST(ProgressStore, DirectoryInPlaceOfTheFileFallsBackToMemory) {
  QTemporaryDir dir;
  ASSERT_TRUE(QDir().mkpath(dbFile(dir)));
  ProgressStore store(dir.path());
  EXPECT_EQ(store.status(), Status::InMemory);
  EXPECT_FALSE(store.lastMessage().isEmpty());
  EXPECT_TRUE(QFileInfo(dbFile(dir)).isDir());  // nothing was moved or deleted
}

TEST(ProgressStore, KillBetweenTwoAnswersLosesNothingAnswered) {
  QTemporaryDir dir;
  QProcess child;
  child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
  child.start(QStringLiteral(PROGRESS_WRITER), {dir.path()});
  ASSERT_TRUE(child.waitForStarted(10000)) << child.errorString().toStdString();
  QByteArray line;
  while (!line.contains('\n') && child.state() == QProcess::Running)
    if (child.waitForReadyRead(20000)) line += child.readAll();
    else break;
  ASSERT_EQ(line, QByteArray("1\n")) << "writer exit code " << child.exitCode();
  ASSERT_EQ(::kill(static_cast<pid_t>(child.processId()), SIGKILL), 0);
  ASSERT_TRUE(child.waitForFinished(10000));
  EXPECT_EQ(child.exitStatus(), QProcess::CrashExit);
  // Answer 1 lives in the write-ahead log that the killed process never checkpointed.
  EXPECT_GT(QFileInfo(dbFile(dir) + QStringLiteral("-wal")).size(), 0);

  ProgressStore store(dir.path());
  ASSERT_EQ(store.status(), Status::Ok) << store.lastMessage().toStdString();
  const auto answers = store.answers(QStringLiteral("kill-lesson"));
  ASSERT_EQ(answers.size(), 1);
  EXPECT_EQ(answers[0].stepId, QStringLiteral("q1"));
  EXPECT_EQ(answers[0].answer, QStringLiteral("A"));
  EXPECT_EQ(store.lessonSummary(QStringLiteral("kill-lesson")).bestScore, 1);
}

TEST(ProgressStore, CsvExport) {
  QTemporaryDir dir;
  ProgressStore store(dir.path());
  EXPECT_TRUE(store.recordAnswer(QStringLiteral("l1"), QStringLiteral("q1"), QStringLiteral("plain"), true, 12.5, at(1, 2)));
  EXPECT_TRUE(store.recordAnswer(QStringLiteral("l1"), QStringLiteral("q2"), QStringLiteral("a, \"b\"\nc"), false,
                                 std::nan(""), at(2)));
  EXPECT_TRUE(store.recordAnswer(QStringLiteral("l2"), QStringLiteral("q1"), QStringLiteral("協調者 "), true, 3, at(3)));
  EXPECT_TRUE(store.markStepReached(QStringLiteral("l1"), QStringLiteral("q3"), 4, at(4)));

  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  ASSERT_TRUE(store.exportCsv(&buffer));
  const QString expected = QStringLiteral(
      "lesson_id,attempt,step_id,answer,correct,virtual_ms,answered_at_utc\r\n"
      "l1,1,q1,plain,1,12.5,2026-11-26T10:01:02.000Z\r\n"
      "l1,1,q2,\"a, \"\"b\"\"\nc\",0,,2026-11-26T10:02:00.000Z\r\n"
      "l2,2,q1,\"協調者 \",1,3,2026-11-26T10:03:00.000Z\r\n");
  EXPECT_EQ(QString::fromUtf8(buffer.data()), expected);

  const QString path = dir.filePath(QStringLiteral("summary.csv"));
  ASSERT_TRUE(store.exportCsv(path, ProgressStore::CsvContent::Summaries));
  EXPECT_EQ(QString::fromUtf8(readFile(path)),
            QStringLiteral("lesson_id,steps_reached,total_steps,completion,completed,best_score,best_score_out_of,"
                           "attempts,last_attempt_utc\r\n"
                           "l1,3,4,0.750,0,1,2,1,2026-11-26T10:04:00.000Z\r\n"
                           "l2,1,0,0.000,0,1,1,1,2026-11-26T10:03:00.000Z\r\n"));

  EXPECT_FALSE(store.exportCsv(dir.filePath(QStringLiteral("no/such/dir/x.csv"))));
  EXPECT_FALSE(store.lastMessage().isEmpty());
}

TEST(ProgressStore, TwoStoresOnOneProfile) {
  QTemporaryDir dir;
  ProgressStore a(dir.path());
  ProgressStore b(dir.path());
  ASSERT_EQ(a.status(), Status::Ok);
  ASSERT_EQ(b.status(), Status::Ok);
  EXPECT_TRUE(a.recordAnswer(QStringLiteral("l"), QStringLiteral("q1"), QStringLiteral("a"), true, 1))
      << a.lastMessage().toStdString();
  EXPECT_TRUE(b.recordAnswer(QStringLiteral("l"), QStringLiteral("q2"), QStringLiteral("b"), true, 2));
  EXPECT_EQ(a.answers().size(), 2);
}

TEST(ProgressStore, ClosedStoreFailsHarmlessly) {
  ProgressStore store;
  EXPECT_EQ(store.status(), Status::Closed);
  EXPECT_FALSE(store.recordAnswer(QStringLiteral("l"), QStringLiteral("q"), QStringLiteral("a"), true, 1));
  EXPECT_FALSE(store.lastMessage().isEmpty());
  EXPECT_TRUE(store.answers().isEmpty());
  EXPECT_EQ(store.lessonSummary(QStringLiteral("l")).attempts, 0);
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  EXPECT_FALSE(store.exportCsv(&buffer));
}

int main(int argc, char** argv) {
  QCoreApplication::setOrganizationName(QStringLiteral("CommitScopeTests"));
  QCoreApplication::setApplicationName(QStringLiteral("progress_tests"));
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
