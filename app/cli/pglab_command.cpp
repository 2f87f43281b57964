// `commitscope-cli pg-lab [--json]`: runs lesson 18's lab against a fresh private PostgreSQL server
// (app/pglab) and prints every statement with the server's answer, then what was observed; --json
// prints only the observations (docs/pglab.md). Exit status 3 when PostgreSQL cannot be started.
#include <cstdio>

#include "pg_lab.hpp"
#include "pg_server.hpp"
#include "pglab_command.hpp"

namespace cs::cli {

namespace {

void print_answer(const QString& step, const pglab::SqlAnswer& a) {
  std::printf("[%s] %s=> %s\n", qPrintable(step), qPrintable(a.database), qPrintable(a.sql));
  if (!a.ok || a.columns.isEmpty()) {
    std::printf("    %s\n", qPrintable(a.summary()));
    return;
  }
  std::printf("    %s\n", qPrintable(a.columns.join(QStringLiteral(" | "))));
  for (const QStringList& row : a.rows) std::printf("    %s\n", qPrintable(row.join(QStringLiteral(" | "))));
}

void print_summary(const pglab::Observations& o) {
  const auto yes = [](bool b) { return b ? "yes" : "no"; };
  std::printf("\nserver: PostgreSQL %s\n", qPrintable(o.server_version));
  std::printf("PREPARE TRANSACTION with max_prepared_transactions = 0: %s\n", qPrintable(o.disabled_error));
  std::printf("prepared transactions after PREPARE on both participants: %d\n", o.prepared_after_prepare);
  std::printf("survived session close: %s, survived restart: %s\n", yes(o.survived_session_close), yes(o.survived_restart));
  std::printf("concurrent UPDATE blocked by the prepared transaction: %s\n", yes(o.concurrent_update_blocked));
  std::printf("rows visible after COMMIT PREPARED: %s\n", yes(o.visible_after_commit_prepared));
  std::printf("crashed coordinator's commit finished by hand: %s\n", yes(o.finished_by_hand));
  std::printf("dead tuples VACUUM kept while an orphan was prepared: %d, after the janitor: %d\n", o.dead_tuples_kept,
              o.dead_tuples_after_janitor);
  std::printf("janitor committed: %s; rolled back: %s; left: %s\n", qPrintable(o.janitor_committed.join(QStringLiteral(", "))),
              qPrintable(o.janitor_rolled_back.join(QStringLiteral(", "))), qPrintable(o.janitor_left.join(QStringLiteral(", "))));
  std::printf("pool of %d: %d sessions blocked without PREPARE, %d free after PREPARE\n", o.pool_size,
              o.blocked_sessions_without_prepare, o.free_after_prepare);
}

}  // namespace

int pg_lab_command(bool json) {
  pglab::PgServer server;
  QString error;
  if (!server.start(error)) {
    std::fprintf(stderr, "commitscope-cli: pg-lab: %s\n", qPrintable(error));
    return 3;
  }
  pglab::PgLab lab(server);
  if (!json) lab.set_listener(print_answer);
  const bool ok = lab.run_all(error);
  if (!ok) {
    std::fprintf(stderr, "commitscope-cli: pg-lab: %s\n", qPrintable(error));
    return 3;
  }
  if (json) {
    std::printf("%s\n", pglab::observations_json(lab.observations()).c_str());
  } else {
    print_summary(lab.observations());
  }
  return 0;
}

}  // namespace cs::cli
