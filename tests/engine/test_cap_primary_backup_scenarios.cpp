// The shipped cap-register and primary-backup scenarios show what their descriptions promise.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cap_test_support.hpp"
#include "protocols/cap_register.hpp"
#include "scenario/loader.hpp"

using namespace cs;
using namespace cs::testing;

namespace {
std::unique_ptr<Simulation> run_file(const std::string& name) {
  std::ifstream in(std::string(COMMITSCOPE_SOURCE_DIR) + "/resources/scenarios/" + name, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  const LoadResult r = load_scenario(buf.str(), name);
  EXPECT_TRUE(r.scenario.has_value()) << name;
  if (!r.scenario) return nullptr;
  auto s = build(*r.scenario);
  if (s) s->run();
  return s;
}

double mean(const Simulation& s, const char* sum, const char* n) {
  return double(metric(s, sum)) / double(std::max<std::int64_t>(1, metric(s, n)));
}
}  // namespace

TEST(CapScenarios, CpPartitionRefusesOnTheMinorityAndStaysLinearizable) {
  auto s = run_file("cap-register-cp-partition.json");
  ASSERT_TRUE(s);
  EXPECT_GT(metric(*s, "errors", 3), 5);  // K1
  EXPECT_TRUE(s->invariants_hold());
}

TEST(CapScenarios, ApPartitionStaysAvailableButIsNotLinearizable) {
  auto s = run_file("cap-register-ap-partition.json");
  ASSERT_TRUE(s);
  EXPECT_EQ(metric(*s, "errors") + metric(*s, "timeouts"), 0);
  EXPECT_GT(metric(*s, "stale_reads"), 0);
  EXPECT_GT(metric(*s, "conflicts"), 0);
  EXPECT_FALSE(holds(*s, "linearizable"));
  EXPECT_TRUE(holds(*s, "no_lost_update"));
}

TEST(CapScenarios, LastWriterWinsWithSkewLosesUpdates) {
  auto s = run_file("cap-register-ap-lww-skew.json");
  ASSERT_TRUE(s);
  EXPECT_GT(metric(*s, "lost_updates"), 5);
  EXPECT_FALSE(holds(*s, "no_lost_update"));
}

TEST(CapScenarios, PacelcSmallQuorumsAreFasterAndStale) {
  auto fast = run_file("cap-register-pacelc-fast.json");
  auto strict = run_file("cap-register-pacelc-strict.json");
  ASSERT_TRUE(fast && strict);
  EXPECT_GT(metric(*fast, "stale_reads"), 0);
  EXPECT_TRUE(strict->invariants_hold());
  EXPECT_GT(mean(*strict, "read_latency_sum_us", "read_latency_count"),
            2 * mean(*fast, "read_latency_sum_us", "read_latency_count"));
}

TEST(PrimaryBackupScenarios, SplitBrainWithoutFencingAndNoneWithIt) {
  auto happy = run_file("primary-backup-happy.json");
  auto split = run_file("primary-backup-split-brain.json");
  auto fenced = run_file("primary-backup-fencing.json");
  ASSERT_TRUE(happy && split && fenced);
  EXPECT_TRUE(happy->invariants_hold());
  EXPECT_EQ(metric(*happy, "failovers"), 1);
  EXPECT_EQ(metric(*happy, "writes_failed"), 0);
  EXPECT_FALSE(split->invariants_hold());
  EXPECT_GT(metric(*split, "conflicting_writes"), 0);
  EXPECT_EQ(metric(*split, "primaries_max"), 2);
  EXPECT_TRUE(fenced->invariants_hold());
  EXPECT_EQ(metric(*fenced, "conflicting_writes"), 0);
}
