// Runs lesson 18's PostgreSQL lab (app/pglab) in a thread of its own, so that starting the server
// and the steps that wait on locks never freeze the window. The panel talks to it only through
// queued signals; the server, the lab and all their Qt SQL connections live in the worker's thread.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

#include "pg_session.hpp"

namespace cs::pglab {
class PgServer;
class PgLab;
}  // namespace cs::pglab

Q_DECLARE_METATYPE(cs::pglab::SqlAnswer)

class PgLabWorker final : public QObject {
  Q_OBJECT

 public:
  PgLabWorker();
  ~PgLabWorker() override;

 public slots:
  // Starts the private server (once) and runs the lab's steps up to and including `step`.
  void runThrough(const QString& step);
  void shutdown();  // stops the server and removes its cluster (the thread is about to end)
  // Free mode: the learner's statement (PgLab::console), then the live tables. Only once every step
  // of the lab has run; before that the answer says so.
  void runSql(const QString& database, const QString& sql);

 signals:
  void progress(const QString& stage, int percent);
  void ready(const QString& serverVersion);
  void failed(const QString& message);
  void answer(const QString& step, const cs::pglab::SqlAnswer& answer);
  void tables(const cs::pglab::SqlAnswer& preparedXacts, const cs::pglab::SqlAnswer& locks);
  void stepDone(const QString& step);

 private:
  bool ensureServer();
  std::unique_ptr<cs::pglab::PgServer> server_;
  std::unique_ptr<cs::pglab::PgLab> lab_;
  bool broken_ = false;
};
