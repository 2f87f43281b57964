// The private server: starts on a Unix socket with no TCP listener, is gone (process and directory)
// once the object is destroyed, leaves no trace when a previous owner was killed, and says what to
// install when PostgreSQL is missing.
#include <QDeadlineTimer>
#include <QDir>
#include <QTemporaryDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <optional>

#include "pg_cluster_dir.hpp"
#include "pg_session.hpp"
#include "pglab_test_support.hpp"

namespace cs::pglab {
namespace {

qint64 postmaster_pid(const QString& data_dir) {
  QFile f(QDir(data_dir).filePath(QStringLiteral("postmaster.pid")));
  if (!f.open(QIODevice::ReadOnly)) return -1;
  return f.readLine().trimmed().toLongLong();
}

// pg_ctl stop -w returns once the server removed its pid file; the process itself ends a moment later.
bool alive(qint64 pid) {
  QDeadlineTimer deadline(5000);
  while (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0) {
    if (deadline.hasExpired()) return true;
    QThread::msleep(20);
  }
  return false;
}

// A pid that certainly belongs to no running process: a child that has exited.
qint64 dead_pid() {
  QProcess p;
  p.start(QStringLiteral("true"), {});
  p.waitForFinished();
  return p.processId() > 0 ? p.processId() : 999999;
}

TEST(PgServer, StartsPrivatelyOnASocketWithoutTcpAndCleansUp) {
  PGLAB_SKIP_WITHOUT_POSTGRES();
  QString dir;
  qint64 pid = -1;
  {
    PgServer server;
    QString error;
    ASSERT_TRUE(server.start(error)) << error.toStdString();
    dir = server.socket_dir();
    pid = postmaster_pid(server.data_dir());
    EXPECT_TRUE(pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0);
    EXPECT_TRUE(QFileInfo::exists(QDir(dir).filePath(QStringLiteral(".s.PGSQL.5432"))));
    PgSession s(server, QStringLiteral("postgres"), QStringLiteral("test"));
    EXPECT_EQ(s.exec(QStringLiteral("SHOW listen_addresses")).value(), QString());
    EXPECT_EQ(s.exec(QStringLiteral("SHOW unix_socket_directories")).value(), dir);
    EXPECT_EQ(s.exec(QStringLiteral("SHOW max_prepared_transactions")).value(), QStringLiteral("0"));
  }
  EXPECT_FALSE(QFileInfo::exists(dir)) << "the cluster directory outlived its server";
  EXPECT_FALSE(alive(pid)) << "the postmaster outlived its server object";
}

TEST(PgServer, ClusterOfAKilledOwnerIsStoppedAndRemovedAtTheNextStart) {
  PGLAB_SKIP_WITHOUT_POSTGRES();
  // A parent of its own: another test process's start (a second test run on the machine) sweeps the
  // shared temp directory and could remove this orphan first, leaving nothing for the sweep below.
  QTemporaryDir parent;
  ASSERT_TRUE(parent.isValid());
  // As root the server runs as the postgres account, which must be able to reach its cluster below.
  QFile::setPermissions(parent.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                                           QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
  PgServer orphan(parent.path());
  QString error;
  ASSERT_TRUE(orphan.start(error)) << error.toStdString();
  const qint64 pid = postmaster_pid(orphan.data_dir());
  const QString dir = orphan.socket_dir();
  // Pretend the process that started it was killed: its pid in owner.pid is no longer running.
  QFile owner(QDir(dir).filePath(QStringLiteral("owner.pid")));
  ASSERT_TRUE(owner.open(QIODevice::WriteOnly | QIODevice::Truncate));
  owner.write(QByteArray::number(dead_pid()));
  owner.close();
  EXPECT_EQ(remove_stale_clusters(parent.path(), find_pg_binaries().pg_ctl()), 1);
  EXPECT_FALSE(QFileInfo::exists(dir));
  EXPECT_FALSE(alive(pid)) << "a stale cluster's server still runs";
}

TEST(PgServer, MissingBinariesNameWhatToInstall) {
  cs::pglab::test::app();
  qputenv("COMMITSCOPE_PG_BINDIR", "/nonexistent/postgresql/bin");
  PgServer server;
  QString error;
  EXPECT_FALSE(server.start(error));
  qunsetenv("COMMITSCOPE_PG_BINDIR");
  EXPECT_TRUE(error.contains(QStringLiteral("apt-get install postgresql libqt6sql6-psql"))) << error.toStdString();
  EXPECT_TRUE(server.socket_dir().isEmpty()) << "no cluster directory is made without PostgreSQL";
}

}  // namespace
}  // namespace cs::pglab
