#include "pg_lab_worker.hpp"

#include "pg_lab.hpp"
#include "pg_server.hpp"

PgLabWorker::PgLabWorker() {
  qRegisterMetaType<cs::pglab::SqlAnswer>();
}

PgLabWorker::~PgLabWorker() { shutdown(); }

void PgLabWorker::shutdown() {
  lab_.reset();  // its sessions close before the server stops
  server_.reset();
}

bool PgLabWorker::ensureServer() {
  if (lab_) return true;
  if (broken_) return false;
  server_ = std::make_unique<cs::pglab::PgServer>();
  QString error;
  // Stages in the order PgServer::start() goes through them; initdb takes most of the time.
  const auto stage = [this](const QString& s) {
    const int percent = s == QLatin1String("cleanup") ? 5 : s == QLatin1String("initdb") ? 15 : s == QLatin1String("starting") ? 70 : 100;
    emit progress(s, percent);
  };
  if (!server_->start(error, stage)) {
    broken_ = true;
    server_.reset();
    emit failed(error);
    return false;
  }
  lab_ = std::make_unique<cs::pglab::PgLab>(*server_);
  lab_->set_listener([this](const QString& step, const cs::pglab::SqlAnswer& a) { emit answer(step, a); });
  return true;
}

void PgLabWorker::runThrough(const QString& step) {
  const int target = cs::pglab::PgLab::step_ids().indexOf(step);
  if (target < 0 || !ensureServer()) return;
  if (lab_->next_step() == 0) emit ready(QString());
  while (!lab_->finished() && lab_->next_step() <= target) {
    const QString id = cs::pglab::PgLab::step_ids().at(lab_->next_step());
    QString error;
    if (!lab_->run_next(error)) {
      emit failed(error);
      break;
    }
    emit stepDone(id);
  }
  if (lab_->next_step() > 0) emit ready(lab_->observations().server_version);
  emit tables(lab_->prepared_xacts(), lab_->locks());
}

void PgLabWorker::runSql(const QString& database, const QString& sql) {
  if (!lab_ || !lab_->finished()) {
    cs::pglab::SqlAnswer early;
    early.sql = sql;
    early.database = database;
    early.error = QStringLiteral("the console opens once the lab's steps are done");
    emit answer(QStringLiteral("console"), early);
  } else {
    lab_->console(database, sql);  // the listener emits answer()
  }
  emit tables(lab_ ? lab_->prepared_xacts() : cs::pglab::SqlAnswer{}, lab_ ? lab_->locks() : cs::pglab::SqlAnswer{});
}
