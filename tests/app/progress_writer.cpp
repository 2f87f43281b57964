// Child process of the progress store's multi-process tests. Three uses:
//
//   progress_writer DIR
//     The kill test: records answer 1, prints "1", then waits to be killed (with SIGKILL) before it
//     would record answer 2.
//   progress_writer --race DIR NAME COUNT
//     The concurrency tests: prints "ready", waits for a line on stdin (the test releases every writer at the same
//     moment), opens the store, prints "open <status> <migrated-from>", then records COUNT answers,
//     answer i to step "NAME-<i>" of lesson "race-<i mod 20>" (a lesson attempt holds a lesson's
//     worth of answers, as a learner's does), and prints "ack <i>" for each one the store
//     acknowledged and "fail <i> <message>" for each it refused; "done" at the end.
//   progress_writer --as-uid UID DIR
//     The permission test (run by root): gives up root for UID, opens the store, prints
//     "open <status>" and then the store's message on one line. Exit code 5: the user could not be
//     changed.
#include <QCoreApplication>
#include <QThread>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <grp.h>
#include <unistd.h>

#include "progress_store.hpp"

namespace {

using commitscope::ProgressStore;

const char* statusName(ProgressStore::Status s) {
  switch (s) {
    case ProgressStore::Status::Closed: return "Closed";
    case ProgressStore::Status::Ok: return "Ok";
    case ProgressStore::Status::Recovered: return "Recovered";
    case ProgressStore::Status::InMemory: return "InMemory";
    case ProgressStore::Status::Failed: return "Failed";
  }
  return "?";
}

void printLine(const QString& text) {
  std::fputs(text.toUtf8().constData(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

QString oneLine(QString text) { return text.replace(QLatin1Char('\n'), QLatin1Char(' ')); }

int killTest(const QString& dir) {
  ProgressStore store(dir);
  if (store.status() != ProgressStore::Status::Ok) return 3;
  if (!store.recordAnswer(QStringLiteral("kill-lesson"), QStringLiteral("q1"), QStringLiteral("A"), true, 100.0))
    return 4;
  printLine(QStringLiteral("1"));
  QThread::sleep(60);  // killed here
  store.recordAnswer(QStringLiteral("kill-lesson"), QStringLiteral("q2"), QStringLiteral("B"), false, 200.0);
  printLine(QStringLiteral("2"));
  return 0;
}

int race(const QString& dir, const QString& name, int count) {
  printLine(QStringLiteral("ready"));
  char go[16];
  if (!std::fgets(go, sizeof go, stdin)) return 2;  // released by the test, every writer at once
  ProgressStore store(dir);
  printLine(QStringLiteral("open %1 %2").arg(QLatin1String(statusName(store.status()))).arg(store.migratedFromVersion()));
  if (!store.lastMessage().isEmpty()) printLine(QStringLiteral("message %1").arg(oneLine(store.lastMessage())));
  for (int i = 0; i < count; ++i) {
    const QString lesson = QStringLiteral("race-%1").arg(i % 20);
    if (store.recordAnswer(lesson, QStringLiteral("%1-%2").arg(name).arg(i), name, i % 3 != 0, i))
      printLine(QStringLiteral("ack %1").arg(i));
    else
      printLine(QStringLiteral("fail %1 %2").arg(i).arg(oneLine(store.lastMessage())));
  }
  printLine(QStringLiteral("done"));
  return 0;
}

int asUser(uid_t uid, const QString& dir) {
  if (::setgroups(0, nullptr) != 0 || ::setgid(static_cast<gid_t>(uid)) != 0 || ::setuid(uid) != 0 || ::geteuid() != uid) return 5;
  ProgressStore store(dir);
  printLine(QStringLiteral("open %1").arg(QLatin1String(statusName(store.status()))));
  printLine(oneLine(store.lastMessage()));
  // The store still works, in memory.
  return store.recordAnswer(QStringLiteral("l"), QStringLiteral("q"), QStringLiteral("a"), true, 1.0) ? 0 : 4;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc == 2) return killTest(QString::fromLocal8Bit(argv[1]));
  if (argc == 5 && std::strcmp(argv[1], "--race") == 0)
    return race(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), std::atoi(argv[4]));
  if (argc == 4 && std::strcmp(argv[1], "--as-uid") == 0)
    return asUser(static_cast<uid_t>(std::atoi(argv[2])), QString::fromLocal8Bit(argv[3]));
  std::fputs("usage: progress_writer DIR | --race DIR NAME COUNT | --as-uid UID DIR\n", stderr);
  return 2;
}
