// The whole lab against a real server: every observation lesson 18 teaches, read from the server.
// And `commitscope-cli pg-lab --json` with exactly the issue's fields.
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include "pg_lab.hpp"
#include "pglab_test_support.hpp"

namespace cs::pglab {
namespace {

TEST(PgLab, EveryStepObservesWhatTheLessonTeaches) {
  PGLAB_SKIP_WITHOUT_POSTGRES();
  PgServer server;
  QString error;
  ASSERT_TRUE(server.start(error)) << error.toStdString();
  PgLab lab(server);
  QList<std::pair<QString, SqlAnswer>> log;
  lab.set_listener([&](const QString& step, const SqlAnswer& a) { log.append({step, a}); });
  QElapsedTimer clock;
  clock.start();
  ASSERT_TRUE(lab.run_all(error)) << error.toStdString();
  const Observations& o = lab.observations();
  EXPECT_TRUE(o.server_version.startsWith(QStringLiteral("1"))) << o.server_version.toStdString();
  EXPECT_EQ(o.disabled_error, QStringLiteral("prepared transactions are disabled"));
  EXPECT_EQ(o.prepared_after_prepare, 2);
  EXPECT_TRUE(o.survived_session_close);
  EXPECT_TRUE(o.survived_restart);
  EXPECT_TRUE(o.concurrent_update_blocked);
  EXPECT_TRUE(o.visible_after_commit_prepared);
  EXPECT_TRUE(o.finished_by_hand);
  EXPECT_EQ(o.dead_tuples_kept, 400) << "VACUUM removed rows an orphaned prepared transaction still holds back";
  EXPECT_EQ(o.dead_tuples_after_janitor, 0);
  EXPECT_EQ(o.janitor_committed, (QStringList{QStringLiteral("tx4:a"), QStringLiteral("tx4:b")}));
  EXPECT_EQ(o.janitor_rolled_back, (QStringList{QStringLiteral("tx3:a")}));
  EXPECT_EQ(o.janitor_left, (QStringList{QStringLiteral("reports-7"), QStringLiteral("tx5:a")}));
  EXPECT_EQ(o.pool_size, 4);
  EXPECT_EQ(o.blocked_sessions_without_prepare, 4);
  EXPECT_EQ(o.free_after_prepare, 4);
  EXPECT_LT(clock.elapsed(), 30000) << "the lab must not hang on a lock";

  // The learner reads real SQL and real answers: the refused PREPARE and the lock timeout are there.
  const auto said = [&](const QString& step, const QString& sql_part, const QString& sqlstate) {
    for (const auto& [s, a] : log)
      if (s == step && a.sql.contains(sql_part) && a.sqlstate == sqlstate) return true;
    return false;
  };
  EXPECT_TRUE(said(QStringLiteral("disabled"), QStringLiteral("PREPARE TRANSACTION"), QStringLiteral("55000")));
  EXPECT_TRUE(said(QStringLiteral("blocked-update"), QStringLiteral("UPDATE account"), QStringLiteral("55P03")));
  // The live tables: what the janitor left is still prepared, and its locks are listed.
  const SqlAnswer xacts = lab.prepared_xacts();
  ASSERT_TRUE(xacts.ok) << xacts.error.toStdString();
  EXPECT_EQ(xacts.rows.size(), 2);
  const SqlAnswer locks = lab.locks();
  ASSERT_TRUE(locks.ok) << locks.error.toStdString();
  bool prepared_holds_a_lock = false;
  for (const QStringList& row : locks.rows) prepared_holds_a_lock |= row.at(0) == QStringLiteral("tx5:a");
  EXPECT_TRUE(prepared_holds_a_lock);
}

#ifdef COMMITSCOPE_CLI
TEST(PgLabCli, JsonHasExactlyTheIssuesFieldsAllFromTheServer) {
  PGLAB_SKIP_WITHOUT_POSTGRES();
  QProcess cli;
  cli.start(QStringLiteral(COMMITSCOPE_CLI), {QStringLiteral("pg-lab"), QStringLiteral("--json")});
  ASSERT_TRUE(cli.waitForFinished(90000));
  ASSERT_EQ(cli.exitCode(), 0) << cli.readAllStandardError().toStdString();
  const auto j = nlohmann::json::parse(cli.readAllStandardOutput().toStdString());
  std::vector<std::string> top, obs;
  for (const auto& [k, v] : j.items()) top.push_back(k);
  for (const auto& [k, v] : j["observations"].items()) obs.push_back(k);
  EXPECT_EQ(top, (std::vector<std::string>{"observations", "server_version"}));
  EXPECT_EQ(obs, (std::vector<std::string>{"concurrent_update_blocked", "disabled_error", "janitor", "pool_exhaustion",
                                           "prepared_after_prepare", "survived_restart", "survived_session_close",
                                           "visible_after_commit_prepared"}));
  const auto& o = j["observations"];
  EXPECT_EQ(o["disabled_error"], "prepared transactions are disabled");
  EXPECT_EQ(o["prepared_after_prepare"], 2);
  EXPECT_EQ(o["janitor"]["committed"], nlohmann::json({"tx4:a", "tx4:b"}));
  EXPECT_EQ(o["janitor"]["rolled_back"], nlohmann::json({"tx3:a"}));
  EXPECT_EQ(o["janitor"]["left"], nlohmann::json({"reports-7", "tx5:a"}));
  EXPECT_EQ(o["pool_exhaustion"], nlohmann::json({{"pool_size", 4}, {"blocked_sessions_without_prepare", 4}, {"free_after_prepare", 4}}));
  for (const char* b : {"survived_session_close", "survived_restart", "concurrent_update_blocked", "visible_after_commit_prepared"})
    EXPECT_EQ(o[b], true) << b;
  EXPECT_TRUE(QString::fromStdString(j["server_version"]).contains(QRegularExpression(QStringLiteral("^\\d+\\.\\d+"))));
}

TEST(PgLabCli, WithoutPostgresItSaysWhatToInstall) {
  QProcess cli;
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("COMMITSCOPE_PG_BINDIR"), QStringLiteral("/nonexistent"));
  cli.setProcessEnvironment(env);
  cli.start(QStringLiteral(COMMITSCOPE_CLI), {QStringLiteral("pg-lab"), QStringLiteral("--json")});
  ASSERT_TRUE(cli.waitForFinished(30000));
  EXPECT_EQ(cli.exitCode(), 3);
  EXPECT_TRUE(cli.readAllStandardError().contains("apt-get install postgresql libqt6sql6-psql"));
}
#endif

}  // namespace
}  // namespace cs::pglab
