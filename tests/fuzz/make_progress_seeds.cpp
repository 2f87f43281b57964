// Writes the progress-store fuzz target's seed files (progress_seeds.hpp) into DIR.
// Usage: make_progress_seeds DIR
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

#include "progress_seeds.hpp"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc != 2) {
    std::fputs("usage: make_progress_seeds DIR\n", stderr);
    return 2;
  }
  const QDir dir(QString::fromLocal8Bit(argv[1]));
  if (!QDir().mkpath(dir.path())) return 1;
  const auto seeds = cs::fuzz::progress_seeds();
  for (const auto& [name, bytes] : seeds) {
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size()) {
      std::fprintf(stderr, "make_progress_seeds: cannot write %s\n", qPrintable(f.fileName()));
      return 1;
    }
  }
  std::printf("%lld seed files in %s\n", static_cast<long long>(seeds.size()), qPrintable(dir.path()));
  return seeds.size() >= 7 ? 0 : 1;
}
