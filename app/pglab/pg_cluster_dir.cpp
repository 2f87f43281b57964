#include "pg_cluster_dir.hpp"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cerrno>
#include <csignal>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace cs::pglab {

namespace {

bool process_alive(qint64 pid) {
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

bool chown_tree(const QString& path, unsigned uid, unsigned gid) {
  return ::chown(QFile::encodeName(path).constData(), uid, gid) == 0;
}

}  // namespace

bool run_as_for(const QString& binary, RunAs& out, QString& why) {
  out = RunAs{};
  if (::geteuid() != 0) {
    out.program = binary;
    return true;
  }
  const passwd* pw = ::getpwnam(kServiceAccount);
  if (!pw) {
    why = QStringLiteral("PostgreSQL refuses to run as root and there is no unprivileged \"%1\" account: "
                         "install the postgresql package (it creates one) or run as a normal user")
              .arg(QLatin1String(kServiceAccount));
    return false;
  }
  out.program = QStringLiteral("runuser");
  out.prefix = {QStringLiteral("-u"), QLatin1String(kServiceAccount), QStringLiteral("--"), binary};
  out.as_other_user = true;
  out.owner_uid = pw->pw_uid;
  out.owner_gid = pw->pw_gid;
  return true;
}

bool make_cluster_dir(const QString& parent, const RunAs& as, QString& dir, QString& why) {
  if (!QDir().mkpath(parent)) {
    why = QStringLiteral("cannot create %1").arg(parent);
    return false;
  }
  QTemporaryDir tmp(QDir(parent).filePath(QLatin1String(kClusterDirPrefix) + QStringLiteral("XXXXXX")));
  if (!tmp.isValid()) {
    why = QStringLiteral("cannot create a cluster directory in %1: %2").arg(parent, tmp.errorString());
    return false;
  }
  tmp.setAutoRemove(false);  // the server owns it from now on; stop_and_remove() deletes it
  dir = tmp.path();
  QFile pid(QDir(dir).filePath(QStringLiteral("owner.pid")));
  if (!pid.open(QIODevice::WriteOnly) || pid.write(QByteArray::number(static_cast<qint64>(::getpid()))) < 0) {
    why = QStringLiteral("cannot write %1").arg(pid.fileName());
    return false;
  }
  pid.close();
  if (as.as_other_user && !chown_tree(dir, as.owner_uid, as.owner_gid)) {
    why = QStringLiteral("cannot give %1 to the \"%2\" account (permissions)").arg(dir, QLatin1String(kServiceAccount));
    return false;
  }
  return true;
}

void stop_and_remove(const QString& dir, const QString& pg_ctl) {
  const QString data = QDir(dir).filePath(QStringLiteral("data"));
  RunAs as;
  QString why;
  if (!pg_ctl.isEmpty() && QFileInfo::exists(QDir(data).filePath(QStringLiteral("postmaster.pid"))) &&
      run_as_for(pg_ctl, as, why)) {
    // Immediate: the cluster is thrown away, nothing in it needs a clean shutdown.
    QProcess stop;
    stop.setProcessChannelMode(QProcess::MergedChannels);
    stop.start(as.program, as.prefix + QStringList{QStringLiteral("stop"), QStringLiteral("-D"), data, QStringLiteral("-m"),
                                                   QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("-t"),
                                                   QStringLiteral("20")});
    stop.waitForFinished(25000);
  }
  QDir(dir).removeRecursively();
}

int remove_stale_clusters(const QString& parent, const QString& pg_ctl) {
  int removed = 0;
  const QDir base(parent);
  const QStringList names = base.entryList({QLatin1String(kClusterDirPrefix) + QStringLiteral("*")}, QDir::Dirs | QDir::NoDotAndDotDot);
  for (const QString& name : names) {
    const QString dir = base.filePath(name);
    QFile pid(QDir(dir).filePath(QStringLiteral("owner.pid")));
    if (!pid.open(QIODevice::ReadOnly)) continue;  // not ours or half made: leave it
    const qint64 owner = pid.readAll().trimmed().toLongLong();
    pid.close();
    if (process_alive(owner)) continue;
    stop_and_remove(dir, pg_ctl);
    ++removed;
  }
  return removed;
}

}  // namespace cs::pglab
