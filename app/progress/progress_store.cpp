#include "progress_store.hpp"

#include <QSqlDatabase>
#include <QStandardPaths>

#include <algorithm>
#include <atomic>

#include "progress_schema.hpp"

namespace commitscope {

namespace schema = progress_schema;

QString ProgressStore::defaultDirectory(const QString& profileDir) {
  if (!profileDir.isEmpty()) return profileDir;
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

ProgressStore::ProgressStore() = default;

ProgressStore::ProgressStore(const QString& directory) { open(directory); }

ProgressStore::~ProgressStore() { close(); }

void ProgressStore::close() {
  dropConnection();
  status_ = Status::Closed;
}

void ProgressStore::setLockTimeout(int ms) {
  lockTimeoutMs_ = std::max(0, ms);
  if (isUsable()) schema::exec(db(), QStringLiteral("PRAGMA busy_timeout = %1").arg(lockTimeoutMs_));
}

bool ProgressStore::isUsable() const {
  return status_ == Status::Ok || status_ == Status::Recovered || status_ == Status::InMemory;
}

int ProgressStore::schemaVersion() const {
  if (!isUsable()) return -1;
  const QVariant v = schema::scalar(db(), QStringLiteral("PRAGMA user_version"));
  return v.isValid() ? v.toInt() : -1;
}

QSqlDatabase ProgressStore::db() const { return QSqlDatabase::database(connection_, false); }

void ProgressStore::dropConnection() {
  if (connection_.isEmpty()) return;
  {
    QSqlDatabase d = QSqlDatabase::database(connection_, false);
    if (d.isOpen()) d.close();  // the last connection checkpoints the WAL into the file
  }
  QSqlDatabase::removeDatabase(connection_);
  connection_.clear();
}

bool ProgressStore::openInMemory() {
  dropConnection();
  path_.clear();
  static std::atomic<int> counter{0};
  connection_ = QStringLiteral("commitscope_progress_mem_%1").arg(counter++);
  QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection_);
  d.setDatabaseName(QStringLiteral(":memory:"));
  OpenResult result = OpenResult::Ok;
  QString detail;
  if (d.isValid() && d.open() && prepareSchema(true, &result, &detail)) {
    status_ = Status::InMemory;
    return true;
  }
  status_ = Status::Failed;
  addMessage(tr("Progress cannot be recorded at all: %1")
                 .arg(detail.isEmpty() ? d.lastError().text() : detail));
  d = QSqlDatabase();
  dropConnection();
  return false;
}

ProgressStore::OpenResult ProgressStore::classify(const QSqlError& e, bool migrating) const {
  switch (schema::errorKind(e)) {
    case schema::ErrorKind::Corruption: return OpenResult::Corrupt;
    case schema::ErrorKind::Busy: return OpenResult::Busy;
    case schema::ErrorKind::Permission: return OpenResult::Unusable;
    case schema::ErrorKind::Other: break;
  }
  // An SQL error while migrating ("table ... already exists", "no such column") means tables this
  // version did not make: somebody else's data, never damage.
  return migrating ? OpenResult::Unmigratable : OpenResult::Unusable;
}

bool ProgressStore::prepareSchema(bool inMemory, OpenResult* result, QString* detail) {
  const QSqlDatabase d = db();
  QSqlError e;
  const auto failWith = [&](OpenResult r, const QString& text) {
    *result = r;
    *detail = text;
    return false;
  };

  // Read-only first: nothing is written before the file is known to be healthy, so a file that is
  // moved aside is kept byte for byte.
  const QVariant check = schema::scalarWithRetry(d, lockTimeoutMs_, QStringLiteral("PRAGMA quick_check"), &e);
  if (!check.isValid()) return failWith(classify(e, false), e.text());
  if (check.toString() != QLatin1String("ok")) return failWith(OpenResult::Corrupt, check.toString());

  // The version is read inside the write transaction: a second process starting at the same moment
  // waits here for the first one's migration and then reads the migrated version.
  int found = -1;
  bool newer = false;
  bool tablesMissing = false;
  bool migrating = false;
  const bool ok = schema::writeTransaction(
      d, lockTimeoutMs_,
      [&](QSqlError* err) {
        found = -1;
        newer = tablesMissing = migrating = false;
        const QVariant version = schema::scalar(d, QStringLiteral("PRAGMA user_version"), {}, err);
        if (!version.isValid()) return false;
        found = version.toInt();
        if (found > schema::kCurrentVersion || found < 0) {
          newer = true;
          return false;
        }
        if (found < schema::kCurrentVersion) {
          migrating = true;
          return schema::migrate(d, found, err);
        }
        // A file claiming the current version must have the current tables.
        const QVariant tables = schema::scalar(
            d, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                              " AND name IN ('answers', 'attempts', 'lessons', 'steps_reached')"),
            {}, err);
        if (!tables.isValid()) return false;
        tablesMissing = tables.toInt() != 4;
        return !tablesMissing;
      },
      &e);
  if (newer) return failWith(OpenResult::Newer, QString::number(found));
  if (tablesMissing) return failWith(OpenResult::Corrupt, tr("progress tables are missing"));
  if (!ok) return failWith(classify(e, migrating), e.text());
  if (migrating) migratedFrom_ = found;

  if (!inMemory) {
    if (!schema::scalarWithRetry(d, lockTimeoutMs_, QStringLiteral("PRAGMA journal_mode = WAL"), &e).isValid())
      return failWith(classify(e, false), e.text());
    if (!schema::exec(d, QStringLiteral("PRAGMA synchronous = FULL"), {}, &e)) return failWith(classify(e, false), e.text());
  }
  *result = OpenResult::Ok;
  return true;
}

void ProgressStore::addMessage(const QString& text) {
  if (!message_.isEmpty()) message_ += QLatin1Char('\n');
  message_ += text;
}

bool ProgressStore::fail(const QSqlError& e) {
  lastError_ = e;
  if (schema::errorKind(e) == schema::ErrorKind::Busy)
    message_ = tr("Progress could not be saved: another CommitScope window using the same progress file kept it "
                  "locked for more than %n second(s).",
                  nullptr, (lockTimeoutMs_ + 999) / 1000);
  else
    message_ = tr("Progress could not be saved: %1").arg(e.text());
  return false;
}

bool ProgressStore::inTransaction(const std::function<bool(const QSqlDatabase&, QSqlError*)>& body) {
  if (!isUsable()) {
    message_ = tr("The progress store is not open.");
    return false;
  }
  const QSqlDatabase d = db();
  QSqlError e;
  if (!schema::writeTransaction(d, lockTimeoutMs_, [&](QSqlError* err) { return body(d, err); }, &e)) return fail(e);
  return true;
}

}  // namespace commitscope
