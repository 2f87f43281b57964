// Replays the scenario and lesson fuzz targets' checks (fuzz_checks.hpp) on every shipped file (the
// seed corpora) and on every input a fuzzer once failed on (tests/fuzz/regressions/<target>/), so
// each crash or hang found stays fixed in every build, the sanitizer build included.
#include <gtest/gtest.h>

#include <chrono>

#include "fuzz_checks.hpp"
#include "replay_support.hpp"

namespace {

using namespace cs::fuzz;
namespace fs = std::filesystem;

// Every input of one target passes its check; the known-open ones are listed and skipped.
template <typename Check>
void replay(const std::string& target, const std::vector<fs::path>& seeds, Check check) {
  const auto open = known_open();
  std::vector<fs::path> inputs = seeds;
  const auto found = files_in(regressions_dir() / target);
  inputs.insert(inputs.end(), found.begin(), found.end());
  ASSERT_FALSE(seeds.empty()) << "no seed files for " << target;
  int skipped = 0;
  for (const fs::path& input : inputs) {
    const std::string name = target + "/" + input.filename().string();
    if (input.parent_path().filename() == target && open.count(name)) {
      ++skipped;
      continue;
    }
    const auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(check(read_bytes(input)), "") << input;
    // A hang found by the fuzzer (its -timeout) must not come back as a slow input.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20)) << input;
  }
  if (skipped) std::printf("%d known-open %s input(s) skipped (known-open.txt)\n", skipped, target.c_str());
}

const fs::path kSource = COMMITSCOPE_SOURCE_DIR;

TEST(FuzzRegressions, ScenarioLoaderOnShippedFilesAndFoundInputs) {
  replay("scenario", files_in(kSource / "resources/scenarios", ".json"), check_scenario_input);
}

TEST(FuzzRegressions, LessonLoaderOnShippedFilesAndFoundInputs) {
  replay("lesson", files_in(kSource / "lessons", ".json"), check_lesson_input);
}

TEST(FuzzRegressions, KnownOpenListNamesExistingInputs) {
  for (const std::string& name : known_open()) EXPECT_TRUE(fs::is_regular_file(regressions_dir() / name)) << name;
}

}  // namespace
