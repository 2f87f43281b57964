#include "pg_server.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QVersionNumber>

#include "pg_cluster_dir.hpp"

namespace cs::pglab {

PgBinaries find_pg_binaries() {
  const QString env = qEnvironmentVariable("COMMITSCOPE_PG_BINDIR");
  if (!env.isEmpty()) return {QFileInfo::exists(env + QStringLiteral("/initdb")) ? env : QString()};
  QDir root(QStringLiteral("/usr/lib/postgresql"));
  QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
  std::sort(versions.begin(), versions.end(), [](const QString& a, const QString& b) {
    return QVersionNumber::fromString(a) > QVersionNumber::fromString(b);
  });
  for (const QString& v : versions) {
    const QString bin = root.filePath(v + QStringLiteral("/bin"));
    if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable() && QFileInfo(bin + QStringLiteral("/pg_ctl")).isExecutable())
      return {bin};
  }
  for (const QString& dir : qEnvironmentVariable("PATH").split(QLatin1Char(':'), Qt::SkipEmptyParts))
    if (QFileInfo(dir + QStringLiteral("/initdb")).isExecutable() && QFileInfo(dir + QStringLiteral("/pg_ctl")).isExecutable())
      return {dir};
  return {};
}

QString install_hint() {
  return QStringLiteral("install PostgreSQL and Qt's PostgreSQL driver: "
                        "sudo apt-get install postgresql libqt6sql6-psql (scripts/setup installs both)");
}

PgServer::PgServer(QString parent) : parent_(parent.isEmpty() ? QDir::tempPath() : std::move(parent)) {}

PgServer::~PgServer() {
  if (!dir_.isEmpty()) stop_and_remove(dir_, bin_.pg_ctl());
}

QString PgServer::data_dir() const { return QDir(dir_).filePath(QStringLiteral("data")); }

bool PgServer::run_tool(const QString& binary, const QStringList& args, int timeout_ms, QString& output) const {
  RunAs as;
  if (!run_as_for(binary, as, output)) return false;
  QProcess p;
  p.setProcessChannelMode(QProcess::MergedChannels);
  p.setWorkingDirectory(dir_);  // runuser keeps the working directory; the account must be able to enter it
  p.start(as.program, as.prefix + args);
  if (!p.waitForStarted(10000)) {
    output = QStringLiteral("cannot run %1: %2").arg(as.program, p.errorString());
    return false;
  }
  const bool finished = p.waitForFinished(timeout_ms);
  output = QString::fromLocal8Bit(p.readAll()).trimmed();
  if (!finished) {
    p.kill();
    p.waitForFinished(2000);
    output = QStringLiteral("%1 did not finish in %2 s").arg(QFileInfo(binary).fileName()).arg(timeout_ms / 1000);
    return false;
  }
  return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool PgServer::write_settings(QString& error) const {
  // Appended to initdb's postgresql.conf so that a plain `pg_ctl restart` keeps them. fsync off:
  // the cluster is thrown away, and the lab's restarts are clean shutdowns.
  QFile conf(QDir(data_dir()).filePath(QStringLiteral("postgresql.conf")));
  if (!conf.open(QIODevice::Append | QIODevice::Text)) {
    error = QStringLiteral("cannot write %1 (permissions)").arg(conf.fileName());
    return false;
  }
  const QString settings = QStringLiteral(
                               "\n# CommitScope lab: private server, Unix socket only\n"
                               "listen_addresses = ''\n"
                               "unix_socket_directories = '%1'\n"
                               "port = %2\n"
                               "max_connections = 40\n"
                               "shared_buffers = 16MB\n"
                               "fsync = off\n"
                               "full_page_writes = off\n"
                               "synchronous_commit = off\n")
                               .arg(dir_)
                               .arg(port());
  conf.write(settings.toUtf8());
  return true;
}

QString PgServer::log_tail() const {
  QFile log(QDir(dir_).filePath(QStringLiteral("server.log")));
  if (!log.open(QIODevice::ReadOnly)) return {};
  const QStringList lines = QString::fromUtf8(log.readAll()).trimmed().split(QLatin1Char('\n'));
  return lines.mid(std::max<qsizetype>(0, lines.size() - 5)).join(QLatin1Char('\n'));
}

bool PgServer::start(QString& error, const Progress& progress) {
  const auto say = [&](const QString& stage) {
    if (progress) progress(stage);
  };
  bin_ = find_pg_binaries();
  if (!bin_.found()) {
    error = QStringLiteral("PostgreSQL's server programs (initdb, pg_ctl) are not installed: ") + install_hint();
    return false;
  }
  if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
    error = QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed: ") + install_hint();
    return false;
  }
  RunAs as;
  if (!run_as_for(bin_.initdb(), as, error)) return false;
  say(QStringLiteral("cleanup"));
  remove_stale_clusters(parent_, bin_.pg_ctl());
  if (!make_cluster_dir(parent_, as, dir_, error)) return false;
  say(QStringLiteral("initdb"));
  QString out;
  if (!run_tool(bin_.initdb(), {QStringLiteral("-D"), data_dir(), QStringLiteral("-U"), superuser(), QStringLiteral("--auth=trust"),
                                QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--no-locale"), QStringLiteral("--no-sync")},
                120000, out)) {
    error = QStringLiteral("initdb failed in %1: %2").arg(dir_, out.right(600));
    return false;
  }
  if (!write_settings(error)) return false;
  say(QStringLiteral("starting"));
  if (!run_tool(bin_.pg_ctl(), {QStringLiteral("start"), QStringLiteral("-D"), data_dir(), QStringLiteral("-l"),
                                QDir(dir_).filePath(QStringLiteral("server.log")), QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30")},
                40000, out)) {
    error = QStringLiteral("the PostgreSQL server did not start: %1\n%2").arg(out.right(300), log_tail());
    return false;
  }
  running_ = true;
  say(QStringLiteral("ready"));
  return true;
}

bool PgServer::restart(QString& error) {
  QString out;
  if (!run_tool(bin_.pg_ctl(), {QStringLiteral("restart"), QStringLiteral("-D"), data_dir(), QStringLiteral("-m"), QStringLiteral("fast"),
                                QStringLiteral("-l"), QDir(dir_).filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                                QStringLiteral("-t"), QStringLiteral("30")},
                40000, out)) {
    running_ = false;
    error = QStringLiteral("the PostgreSQL server did not restart: %1\n%2").arg(out.right(300), log_tail());
    return false;
  }
  running_ = true;
  return true;
}

void PgServer::stop() {
  if (!running_) return;
  QString out;
  run_tool(bin_.pg_ctl(), {QStringLiteral("stop"), QStringLiteral("-D"), data_dir(), QStringLiteral("-m"), QStringLiteral("fast"),
                           QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30")},
           40000, out);
  running_ = false;
}

}  // namespace cs::pglab
