// ProgressStore::open and its recovery paths: damaged files are moved aside; files that are busy,
// unreadable, unwritable, newer or unmigratable are left untouched and progress is kept in memory.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>

#include <atomic>

#include "progress_schema.hpp"
#include "progress_store.hpp"

namespace commitscope {
namespace {

// Whether a new file can be created in `dir` (permissions, read-only mounts; also as root).
bool canWriteIn(const QString& dir) {
  QFile probe(QDir(dir).filePath(QStringLiteral(".progress-write-test-%1").arg(QCoreApplication::applicationPid())));
  if (!probe.open(QIODevice::WriteOnly)) return false;
  probe.close();
  probe.remove();
  return true;
}

QString native(const QString& path) { return QDir::toNativeSeparators(path); }

}  // namespace

bool ProgressStore::open(const QString& directory) {
  close();
  message_.clear();
  movedAside_.clear();
  path_.clear();
  migratedFrom_ = -1;
  lastError_ = QSqlError();

  const QString dir = directory.isEmpty() ? defaultDirectory() : directory;
  const QString file = dir.isEmpty() ? QString() : QDir(dir).filePath(QString::fromLatin1(kFileName));
  if (const QString why = whyUnusable(dir, file); !why.isEmpty()) {
    addMessage(tr("Progress cannot be saved in \"%1\" (%2). It is kept in memory and will be lost when "
                  "CommitScope closes.")
                   .arg(native(dir), why));
    return openInMemory();
  }

  QString detail;
  const OpenResult r = openFile(file, &detail);
  if (r == OpenResult::Ok) {
    path_ = file;
    status_ = Status::Ok;
    return true;
  }
  dropConnection();
  if (r != OpenResult::Corrupt) return keepUntouched(file, r, detail);
  return replaceDamaged(file, detail);
}

QString ProgressStore::whyUnusable(const QString& dir, const QString& file) const {
  QString why;
  if (dir.isEmpty())
    why = tr("no folder for application data is known on this system");
  else if (!QDir().mkpath(dir))
    why = tr("the folder cannot be created");
  else if (!canWriteIn(dir))
    why = tr("the folder is read-only");
  const QFileInfo info(file);
  if (why.isEmpty() && info.exists() && !info.isFile()) why = tr("\"%1\" is not a file").arg(native(file));
  // Not damage: an owner or mode that keeps this user out (a progress.db made by root) leaves the
  // file exactly as it is.
  if (why.isEmpty() && info.exists() && !info.isReadable())
    why = tr("the progress file cannot be read: check its owner and permissions");
  if (why.isEmpty() && info.exists() && !info.isWritable())
    why = tr("the progress file is read-only: check its owner and permissions");
  return why;
}

// The file may be perfectly good (in use, another owner, a newer CommitScope): it is not touched.
bool ProgressStore::keepUntouched(const QString& file, OpenResult r, const QString& detail) {
  QString problem;
  switch (r) {
    case OpenResult::Busy:
      problem = tr("another CommitScope using it kept it locked for more than %n second(s)", nullptr,
                   (lockTimeoutMs_ + 999) / 1000);
      break;
    case OpenResult::Newer:
      problem = tr("it was written by a newer version of CommitScope (schema %1; this version knows up to %2)")
                    .arg(detail)
                    .arg(progress_schema::kCurrentVersion);
      break;
    case OpenResult::Unmigratable:
      problem = tr("it holds tables this version cannot upgrade: %1").arg(detail);
      break;
    default: problem = detail; break;
  }
  addMessage(tr("The progress file \"%1\" could not be used (%2). It was left unchanged. Progress is kept in "
                "memory and will be lost when CommitScope closes.")
                 .arg(native(file), problem));
  return openInMemory();
}

// A damaged file is moved aside (kept for inspection) and a new one started.
bool ProgressStore::replaceDamaged(const QString& file, QString detail) {
  const QString problem = tr("it is damaged or not a progress file: %1").arg(detail);
  QString moveError;
  if (!moveAside(file, &moveError)) {
    addMessage(tr("The progress file \"%1\" cannot be used (%2) and could not be moved aside (%3). Progress "
                  "is kept in memory and will be lost when CommitScope closes.")
                   .arg(native(file), problem, moveError));
    return openInMemory();
  }
  addMessage(tr("The progress file \"%1\" could not be used (%2). It was kept as \"%3\" and a new progress "
                "file was started.")
                 .arg(native(file), problem, native(movedAside_)));
  detail.clear();
  if (openFile(file, &detail) == OpenResult::Ok) {
    path_ = file;
    status_ = Status::Recovered;
    return true;
  }
  dropConnection();
  addMessage(tr("A new progress file could not be started either (%1). Progress is kept in memory and will "
                "be lost when CommitScope closes.")
                 .arg(detail));
  return openInMemory();
}

ProgressStore::OpenResult ProgressStore::openFile(const QString& path, QString* detail) {
  dropConnection();
  static std::atomic<int> counter{0};
  connection_ = QStringLiteral("commitscope_progress_%1").arg(counter++);
  {
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_);
    if (!d.isValid()) {
      *detail = tr("Qt's SQLite driver (QSQLITE) is not available");
      return OpenResult::Unusable;
    }
    d.setDatabaseName(path);
    // Another CommitScope on the same profile may hold the write lock for a moment: wait for it.
    d.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(lockTimeoutMs_));
    if (!d.open()) {
      *detail = d.lastError().text();
      return progress_schema::isCorruptionCode(progress_schema::sqliteCode(d.lastError())) ? OpenResult::Corrupt
                                                                                           : OpenResult::Unusable;
    }
  }
  OpenResult result = OpenResult::Ok;
  prepareSchema(false, &result, detail);
  return result;
}

bool ProgressStore::moveAside(const QString& path, QString* detail) {
  int n = 1;
  while (QFileInfo::exists(QStringLiteral("%1.corrupt-%2").arg(path).arg(n))) ++n;
  const QString target = QStringLiteral("%1.corrupt-%2").arg(path).arg(n);
  QFile file(path);
  if (!file.rename(target)) {
    *detail = file.errorString();
    return false;
  }
  movedAside_ = target;
  // The journal files belong to the old file: keep them next to it (SQLite finds them by name).
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    const QString side = path + QLatin1String(suffix);
    if (QFileInfo::exists(side) && !QFile::rename(side, target + QLatin1String(suffix))) QFile::remove(side);
  }
  return true;
}

}  // namespace commitscope
