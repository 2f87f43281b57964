#include "progress_store.hpp"

#include <QSqlDatabase>
#include <QStandardPaths>

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

bool ProgressStore::prepareSchema(bool inMemory, OpenResult* result, QString* detail) {
  const QSqlDatabase d = db();
  QSqlError e;
  const auto failWith = [&](OpenResult r, const QString& text) {
    *result = r;
    *detail = text;
    return false;
  };
  const auto classify = [&](bool migrating) {
    const int code = schema::sqliteCode(e);
    // During a migration, SQL errors mean the tables are not what this version expects.
    const bool corrupt = schema::isCorruptionCode(code) || (migrating && (code == 1 || code == 19 || code == 20));
    return failWith(corrupt ? OpenResult::Corrupt : OpenResult::IoError, e.text());
  };

  const QVariant version = schema::scalar(d, QStringLiteral("PRAGMA user_version"), {}, &e);
  if (!version.isValid()) return classify(false);
  const QVariant check = schema::scalar(d, QStringLiteral("PRAGMA quick_check"), {}, &e);
  if (!check.isValid()) return classify(false);
  if (check.toString() != QLatin1String("ok")) return failWith(OpenResult::Corrupt, check.toString());
  const int v = version.toInt();
  if (v > schema::kCurrentVersion || v < 0) return failWith(OpenResult::Newer, QString::number(v));

  // Nothing is written before these checks, so a file that is moved aside is kept byte for byte.
  if (v == schema::kCurrentVersion) {
    // A file claiming the current version must have the current tables.
    const QVariant tables = schema::scalar(
        d, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                          " AND name IN ('answers', 'attempts', 'lessons', 'steps_reached')"),
        {}, &e);
    if (!tables.isValid()) return classify(false);
    if (tables.toInt() != 4) return failWith(OpenResult::Corrupt, tr("progress tables are missing"));
  } else {
    if (!schema::migrate(d, v, &e)) return classify(true);
    migratedFrom_ = v;
  }
  if (!inMemory) {
    if (!schema::scalar(d, QStringLiteral("PRAGMA journal_mode = WAL"), {}, &e).isValid()) return classify(false);
    if (!schema::exec(d, QStringLiteral("PRAGMA synchronous = FULL"), {}, &e)) return classify(false);
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
  message_ = tr("Progress could not be saved: %1").arg(e.text());
  return false;
}

bool ProgressStore::inTransaction(const std::function<bool(const QSqlDatabase&, QSqlError*)>& body) {
  if (!isUsable()) {
    message_ = tr("The progress store is not open.");
    return false;
  }
  QSqlDatabase d = db();
  if (!d.transaction()) return fail(d.lastError());
  QSqlError e;
  if (!body(d, &e)) {
    d.rollback();
    return fail(e);
  }
  if (!d.commit()) {
    e = d.lastError();
    d.rollback();
    return fail(e);
  }
  return true;
}

}  // namespace commitscope
