// libFuzzer driver: opening the progress store on a progress.db holding the input (see
// progress_check.hpp). Built with COMMITSCOPE_BUILD_FUZZ.
#include <QCoreApplication>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "progress_check.hpp"

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  // Qt SQL loads its SQLite driver as a plugin, which wants an application object; it lives for the
  // whole process.
  static QCoreApplication app(*argc, *argv);
  QCoreApplication::setApplicationName(QStringLiteral("fuzz_progress"));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = cs::fuzz::check_progress_input({reinterpret_cast<const char*>(data), size});
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_progress: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
