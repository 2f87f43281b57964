// The fuzz targets' entry points, shared by the libFuzzer drivers (fuzz_*.cpp, clang build only) and
// by the regression tests that replay tests/fuzz/regressions/<target>/* in every build.
//
// Each check feeds one input through the same code the CLI or the app runs on a file and returns an
// empty string when every property held, else a sentence saying which one broke. Crashes, sanitizer
// reports and uncaught exceptions are failures by themselves.
#pragma once

#include <string>
#include <string_view>

namespace cs::fuzz {

// `commitscope-cli validate` on a scenario file, then what the window does with it: build the run
// (Simulation::create) and Save (scenario_to_text), whose text must load again to the same text.
std::string check_scenario_input(std::string_view bytes);

// `commitscope-cli validate` on a lesson file (load_lesson).
std::string check_lesson_input(std::string_view bytes);

}  // namespace cs::fuzz
