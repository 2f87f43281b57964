// Lesson 18's lab: two-phase commit on a real PostgreSQL server. Two databases (participant_a,
// participant_b) are the participants, the lab is the coordinator and writes its decisions to a table
// (coordinator.decision_log). Each step runs real SQL; every statement and the server's answer go to
// the listener (the window's SQL panel, the CLI's log), and what the step observed is read back from
// the server into Observations. Steps run in order; run_all() runs them all (the CLI, the tests).
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "pg_session.hpp"

namespace cs::pglab {

class PgServer;

struct Observations {
  QString server_version;
  QString disabled_error;              // the server's message for PREPARE TRANSACTION with max_prepared_transactions = 0
  int prepared_after_prepare = 0;      // rows in pg_prepared_xacts once both participants prepared
  bool survived_session_close = false;
  bool survived_restart = false;
  bool concurrent_update_blocked = false;  // seen waiting in pg_locks, then stopped by lock_timeout
  bool visible_after_commit_prepared = false;
  bool finished_by_hand = false;       // the crashed coordinator's second COMMIT PREPARED, done by hand
  int dead_tuples_kept = -1;           // after VACUUM, while an orphaned prepared transaction is there
  int dead_tuples_after_janitor = -1;  // after VACUUM, once the janitor rolled it back
  QStringList janitor_committed, janitor_rolled_back, janitor_left;
  int pool_size = 0;
  int blocked_sessions_without_prepare = 0;
  int free_after_prepare = 0;
};

// The JSON of `commitscope-cli pg-lab --json` (docs/pglab.md).
std::string observations_json(const Observations& o);

class PgLab {
 public:
  // The server must be running. The lab opens its own sessions and closes them when destroyed.
  explicit PgLab(PgServer& server, int pool_size = 4);
  ~PgLab();

  using Listener = std::function<void(const QString& step, const SqlAnswer& answer)>;
  void set_listener(Listener listener) { listener_ = std::move(listener); }

  static QStringList step_ids();
  int next_step() const { return next_; }
  bool finished() const { return next_ >= step_ids().size(); }
  // Runs the next step; false + error when a statement that must succeed did not.
  bool run_next(QString& error);
  bool run_all(QString& error);
  const Observations& observations() const { return obs_; }

  // Free mode, once the steps are done: the learner's own statement on one of the participants'
  // databases, in a console session of that database that lives as long as the lab (so BEGIN,
  // UPDATE, PREPARE TRANSACTION can be typed one at a time). Lock and statement timeouts keep a
  // statement that waits on a prepared transaction from hanging the lab. Told to the listener as
  // step "console". An unknown database is refused without touching the server.
  SqlAnswer console(const QString& database, const QString& sql);
  static QStringList console_databases();

  // The live tables the window shows (run on a session of their own; not sent to the listener).
  SqlAnswer prepared_xacts();
  SqlAnswer locks();

  // The janitor's age threshold: prepared transactions younger than this are left alone.
  static constexpr double kJanitorThresholdSeconds = 1.0;

 private:
  using StepFn = bool (PgLab::*)(QString&);
  PgSession& session(const QString& name, const QString& database);
  void end_session(const QString& name);
  SqlAnswer run(PgSession& s, const QString& sql);
  bool must(PgSession& s, const QString& sql, QString& error);
  int count(PgSession& s, const QString& sql);

  bool step_setup(QString& e);
  bool step_disabled(QString& e);
  bool step_enable(QString& e);
  bool step_prepare(QString& e);
  bool step_session_close(QString& e);
  bool step_restart(QString& e);
  bool step_blocked_update(QString& e);
  bool step_commit_prepared(QString& e);
  bool step_coordinator_crash(QString& e);
  bool step_finish_by_hand(QString& e);
  bool step_vacuum_held(QString& e);
  bool step_janitor(QString& e);
  bool step_vacuum_freed(QString& e);
  bool step_pool_without_prepare(QString& e);
  bool step_pool_with_prepare(QString& e);
  bool janitor_settle(const QStringList& row, QString& e);

  PgServer& server_;
  int pool_size_;
  int next_ = 0;
  QString current_step_;
  Listener listener_;
  Observations obs_;
  std::map<QString, std::unique_ptr<PgSession>> sessions_;
  std::unique_ptr<PgSession> watcher_;  // for the live tables
};

}  // namespace cs::pglab
