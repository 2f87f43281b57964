// A private, throwaway PostgreSQL server: initdb in a fresh directory, pg_ctl start on a Unix socket
// in that directory with no TCP port (listen_addresses = ''), pg_ctl stop and the directory removed
// when the object goes away. It never looks at or touches a system cluster. Clusters left behind
// by a killed process are stopped and removed by the next start (see pg_cluster_dir.hpp).
#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace cs::pglab {

// Where PostgreSQL's server programs are; empty bindir when not installed.
struct PgBinaries {
  QString bindir;
  QString initdb() const { return bindir + QStringLiteral("/initdb"); }
  QString pg_ctl() const { return bindir + QStringLiteral("/pg_ctl"); }
  bool found() const { return !bindir.isEmpty(); }
};
// $COMMITSCOPE_PG_BINDIR, else the newest /usr/lib/postgresql/N/bin, else initdb on PATH.
PgBinaries find_pg_binaries();
// What to install, for messages: names the Debian packages.
QString install_hint();

class PgServer {
 public:
  // parent: where the cluster directory is made (default: the system temp directory).
  explicit PgServer(QString parent = {});
  ~PgServer();
  PgServer(const PgServer&) = delete;
  PgServer& operator=(const PgServer&) = delete;

  // Reports progress in words ("initdb", "starting") for a progress bar; may be empty.
  using Progress = std::function<void(const QString& stage)>;
  // initdb + start. False with a message naming the cause and the fix (missing binaries, driver,
  // permissions, a server that did not come up: the tail of its log).
  bool start(QString& error, const Progress& progress = {});
  // pg_ctl restart (-m fast): reads postgresql.auto.conf again (ALTER SYSTEM settings).
  bool restart(QString& error);
  // pg_ctl stop -m fast; the directory stays until the destructor.
  void stop();
  bool running() const { return running_; }

  QString socket_dir() const { return dir_; }
  QString data_dir() const;
  QString superuser() const { return QStringLiteral("commitscope"); }
  int port() const { return 5432; }  // only names the socket file: there is no TCP listener

 private:
  bool run_tool(const QString& binary, const QStringList& args, int timeout_ms, QString& output) const;
  bool write_settings(QString& error) const;
  QString log_tail() const;

  QString parent_;
  QString dir_;
  PgBinaries bin_;
  bool running_ = false;
};

}  // namespace cs::pglab
