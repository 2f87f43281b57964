// commitscope-cli-qt: the part of commitscope-cli that needs Qt. commitscope-cli itself loads no Qt
// (its run path is measured in milliseconds, and loading Qt Core and ICU was ~15 ms of it:
// docs/benchmarks.md, issue 18's fifth and seventh passes); for `pg-lab`, which drives PostgreSQL through Qt SQL and
// QProcess, it checks the command line and then execs this program, next to it, with
// `pg-lab [--json]`. Not meant to be run by hand; it takes only what commitscope-cli passes.
#include <QCoreApplication>

#include <clocale>
#include <cstdio>
#include <cstring>
#include <exception>

#include "pglab_command.hpp"

int main(int argc, char** argv) {
  const bool json = argc == 3 && std::strcmp(argv[2], "--json") == 0;
  if (argc < 2 || std::strcmp(argv[1], "pg-lab") != 0 || (argc == 3 && !json) || argc > 3) {
    std::fputs("commitscope-cli-qt: run by commitscope-cli for `commitscope-cli pg-lab [--json]`\n", stderr);
    return 2;
  }
  try {
    // Qt SQL and QProcess want an application object.
    QCoreApplication app(argc, argv);
    std::setlocale(LC_NUMERIC, "C");  // QCoreApplication set it from the environment
    QCoreApplication::setApplicationName("commitscope-cli");
    return cs::cli::pg_lab_command(json);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "commitscope-cli: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "commitscope-cli: internal error\n");
  }
  return 2;
}
