// Where a private cluster lives and as whom its programs run. A cluster directory is
// <parent>/commitscope-pglab-XXXXXX holding owner.pid (the process that made it), data/ (initdb's),
// server.log and the server's Unix socket. PostgreSQL refuses to run as root, so when we are root
// the directory is handed to an unprivileged account (the "postgres" account Debian's package
// creates) and initdb / pg_ctl run through `runuser -u postgres --`.
#pragma once

#include <QString>
#include <QStringList>

namespace cs::pglab {

inline constexpr const char* kClusterDirPrefix = "commitscope-pglab-";
inline constexpr const char* kServiceAccount = "postgres";

// How to start a PostgreSQL program: directly, or through runuser when we are root.
struct RunAs {
  QString program;        // "runuser" or the PostgreSQL binary
  QStringList prefix;     // arguments before the binary's own ("-u postgres -- /usr/lib/.../initdb")
  bool as_other_user = false;
  unsigned owner_uid = 0;
  unsigned owner_gid = 0;
};

// Resolves how to run `binary`; false + why when we are root and there is no unprivileged account.
bool run_as_for(const QString& binary, RunAs& out, QString& why);

// Makes a fresh 0700 cluster directory under parent, records our pid in it and gives it to the
// account the server will run as.
bool make_cluster_dir(const QString& parent, const RunAs& as, QString& dir, QString& why);

// Stops and removes clusters whose owner process is gone (a killed test, a crashed app); returns how
// many it removed. Directories of live processes are left alone.
int remove_stale_clusters(const QString& parent, const QString& pg_ctl);

// pg_ctl stop -m immediate on dir's data (if a server runs there) and removes dir.
void stop_and_remove(const QString& dir, const QString& pg_ctl);

}  // namespace cs::pglab
