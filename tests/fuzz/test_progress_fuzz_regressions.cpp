// Replays the progress-store fuzz target's check (progress_check.hpp) on its generated seeds and on
// every input a fuzzer once failed on (tests/fuzz/regressions/progress/).
#include <gtest/gtest.h>

#include <QCoreApplication>

#include "progress_check.hpp"
#include "progress_seeds.hpp"
#include "replay_support.hpp"

namespace {

using namespace cs::fuzz;

TEST(ProgressFuzzRegressions, SeedsAndFoundInputsOpenAndKeepTheAnswer) {
  const auto seeds = progress_seeds();
  ASSERT_GE(seeds.size(), 7);
  for (const auto& [name, bytes] : seeds)
    EXPECT_EQ(check_progress_input({bytes.constData(), static_cast<std::size_t>(bytes.size())}), "") << name.toStdString();
  const auto open = known_open();
  for (const auto& input : files_in(regressions_dir() / "progress")) {
    if (open.count("progress/" + input.filename().string())) continue;
    EXPECT_EQ(check_progress_input(read_bytes(input)), "") << input;
  }
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
