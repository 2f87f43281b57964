// Child process of the progress kill test: records answer 1, prints "1", then waits to be killed
// (with SIGKILL) before it would record answer 2. Usage: progress_writer DIR
#include <QCoreApplication>
#include <QThread>

#include <cstdio>

#include "progress_store.hpp"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc < 2) return 2;
  commitscope::ProgressStore store(QString::fromLocal8Bit(argv[1]));
  if (store.status() != commitscope::ProgressStore::Status::Ok) return 3;
  if (!store.recordAnswer(QStringLiteral("kill-lesson"), QStringLiteral("q1"), QStringLiteral("A"), true, 100.0))
    return 4;
  std::fputs("1\n", stdout);
  std::fflush(stdout);
  QThread::sleep(60);  // killed here
  store.recordAnswer(QStringLiteral("kill-lesson"), QStringLiteral("q2"), QStringLiteral("B"), false, 200.0);
  std::fputs("2\n", stdout);
  return 0;
}
