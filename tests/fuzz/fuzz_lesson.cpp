// libFuzzer driver: the lesson loader (see fuzz_checks.hpp). Built with COMMITSCOPE_BUILD_FUZZ.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string problem = cs::fuzz::check_lesson_input({reinterpret_cast<const char*>(data), size});
  if (!problem.empty()) {
    std::fprintf(stderr, "fuzz_lesson: %s\n", problem.c_str());
    std::abort();
  }
  return 0;
}
