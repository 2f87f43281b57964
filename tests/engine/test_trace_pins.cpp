// Pinned traces: the trace_sha256 that `commitscope-cli run FILE --json` prints for shipped scenarios,
// as literals. The determinism contract says a scenario and a seed give a byte-identical trace on
// every machine; comparing a run with a second run cannot catch a change that moves both, these
// literals do. A change that alters traces on purpose must say so and update the values below
// (`commitscope-cli run resources/scenarios/FILE.json --seed N --json`).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/loader.hpp"
#include "scenario/report.hpp"
#include "scenario/simulation.hpp"
#include "sha256_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// What the CLI hashes: every trace line followed by '\n', fed to SHA-256 a chunk at a time.
std::string trace_sha256(const Simulator& sim) {
  Sha256 hash;
  std::string chunk;
  for (const auto& ev : sim.trace()) {
    append_trace_line(chunk, sim, ev);
    chunk += '\n';
    if (chunk.size() >= (1u << 16)) {
      hash.add(chunk);
      chunk.clear();
    }
  }
  hash.add(chunk);
  return hash.hex();
}

struct Pin {
  const char* file;  // under resources/scenarios/
  std::uint64_t seed;  // 0: the file's own seed
  std::uint64_t expected_seed;
  std::size_t trace_records;
  const char* sha256;
};

// Every protocol, at the file's seed and at seed 99; 2pc-workload is a long run (1.7 MB of trace).
constexpr Pin kPins[] = {
    {"2pc-coordinator-crash", 0, 7, 194, "9ef765c95d7c8918d192d4d7504032961a867cd825c1627dd350e5ebda822a51"},
    {"2pc-coordinator-crash", 99, 99, 170, "aabc7560e63852cd299d10926c015692ee224d9a0d24c37fee9f02450e2ca6ef"},
    {"2pc-workload", 0, 42, 19475, "e9de9e47b695ab25a5921c9e4eaec2b4a6fb456a511328d0193ec4e584c4ad24"},
    {"3pc-coordinator-crash-wait", 0, 7, 132, "9beca23394545a8d16d02e236281a197b403be2dc7e96735db9f321aa78ad588"},
    {"3pc-coordinator-crash-wait", 99, 99, 132, "146f26c73975a7340ea6dd1565d8aa2f24b8af017dc3fa0856fe5075c32aeaae"},
    {"paxos-commit-coordinator-crash", 0, 7, 210, "d9d368cc84598b6e4eab9fade268f6a8baa43096b75875c760076b4fe6587460"},
    {"paxos-commit-coordinator-crash", 99, 99, 212, "81e2ce5ea5057281a2ffee2da3d4772364fc6164233d2f290ab4f566f5cfc7a9"},
    {"saga-orchestration-orchestrator-crash", 0, 1, 69, "6a02ac920f45e26fe30574ecb0efd26e834dee94238bdbc78401d28ee3d831b8"},
    {"saga-orchestration-orchestrator-crash", 99, 99, 69, "8ee4be70a98e97468a08413ca417fe7ba10caadf196587915c09b589c75d87b0"},
    {"saga-choreography-lost-event", 0, 1, 82, "8080e20399085fe67142dcc6f8674fe1ce77eba806332c31c58e78db320cf4ca"},
    {"saga-choreography-lost-event", 99, 99, 82, "0d2b5f1dc28a37fd22b01a465bff66f3b6dbf04d65ca0ab7405e1d78cb1c1d5b"},
    {"tcc-late-confirm", 0, 2, 60, "e9024e7cc9376460dda6494fd951511af8164156878f1c59d1c662f6bc85eddd"},
    {"tcc-late-confirm", 99, 99, 60, "9f168ea815800a076d9814a7bb27a7e48ba5400068ac2a7f0c266d0136c167fd"},
    {"cap-register-ap-partition", 0, 11, 1803, "d384a5e68f6d79d857e0021d14cce3dd7530bf92a55fd10bb842caa82cd77b43"},
    {"cap-register-ap-partition", 99, 99, 1879, "b402bb6142b57360deea75ad328f30ee267bbdb367c0a2375bfb5aa5ba51eb40"},
    {"primary-backup-split-brain", 0, 2, 1797, "6d6c3994e9177b44cb1dcd73b6a1856bf07c1c4efff8019ff340b403cc67bdc8"},
    {"primary-backup-split-brain", 99, 99, 1773, "3eb21f0b2f5620a65e2be6ddb98f28aed07eceeb11169a06d6cea144eee8e54f"},
    {"primary-backup-fencing-token", 0, 2, 1743, "b3b6cf94d3342fd90b76a817e0e17142aa10a5785716a22819280e55b3d777cf"},
    {"primary-backup-fencing-token", 99, 99, 1712, "fb37d0f9d61f43dc0949df0afb3bd0cbbde0e475476b67f3edc226e5e4d0dc76"},
    {"saga-orchestration-lost-update", 0, 1, 99, "8bbf90dbb1b92aa255e5dff3895883d9c3f9833fe6e8feb5e3e87c222c6d5ca9"},
    {"outbox-relay-crash", 0, 1, 130, "df06e74078e907cb3616c2639ea6983bec71f1e50f1736f2ef547b69f579d911"},
    {"outbox-relay-crash", 99, 99, 124, "b6535a80c0fccbb5dc7dc5edd0e383d65dc0b75336c64dddbb2418e8c2b3bc51"},
    {"dual-write-lost-event", 0, 1, 53, "6e73c716c1d527a012d17b3880c90ca9f5b4e1914fc428497fe0cfe4134e2139"},
    {"dual-write-lost-event", 99, 99, 53, "6a737559fd2159d3c894c40875601794fb613920d03760da03dc06e94338d9be"},
};

}  // namespace

TEST(Sha256Support, MatchesTheFipsTestVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  Sha256 million;  // many blocks, fed in uneven pieces
  for (int i = 0; i < 1000; ++i) million.add(std::string(i % 2 ? 999 : 1001, 'a'));
  EXPECT_EQ(million.hex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(TracePins, ShippedScenariosGiveThePinnedTraceSha256) {
  for (const Pin& pin : kPins) {
    SCOPED_TRACE(std::string(pin.file) + " seed " + std::to_string(pin.seed));
    const fs::path path = fs::path(COMMITSCOPE_SOURCE_DIR) / "resources" / "scenarios" / (std::string(pin.file) + ".json");
    LoadResult loaded = load_scenario(read_all(path), path.string());
    ASSERT_TRUE(loaded.scenario) << (loaded.diagnostics.empty() ? "no diagnostics" : loaded.diagnostics[0].to_string());
    Scenario scenario = std::move(*loaded.scenario);
    if (pin.seed != 0) scenario.seed = pin.seed;
    ASSERT_EQ(scenario.seed, pin.expected_seed);
    Diagnostics errors;
    auto run = Simulation::create(scenario, errors);
    ASSERT_TRUE(run) << (errors.empty() ? "no diagnostics" : errors[0].to_string());
    run->run();
    EXPECT_EQ(run->sim().trace().size(), pin.trace_records);
    EXPECT_EQ(trace_sha256(run->sim()), pin.sha256);
  }
}
