// Pinned traces: the trace_sha256 that `commitscope-cli run FILE --json` prints for shipped scenarios,
// as literals (the SHA-256 of the trace's canonical encoding, scenario/trace_digest.hpp; re-pinned
// once when the digest moved from the JSONL text to that encoding, docs/scenario-format.md). The
// determinism contract says a scenario and a seed give a byte-identical trace on every machine;
// comparing a run with a second run cannot catch a change that moves both, these literals do. A change that alters traces on purpose must say so and update the values below
// (`commitscope-cli run resources/scenarios/FILE.json --seed N --json`). The JSONL trace of each is
// pinned too: the digest changing encoding must not change a trace.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/loader.hpp"
#include "scenario/report.hpp"
#include "scenario/simulation.hpp"
#include "scenario/trace_digest.hpp"
#include "sha256_test_support.hpp"
#include "text_test_support.hpp"

using namespace cs;
using namespace cs::testing;

namespace {

namespace fs = std::filesystem;

// What the CLI hashes: the records' canonical encoding, fed to SHA-256 a chunk at a time.
std::string trace_sha256(const Simulator& sim) {
  Sha256 hash;
  TraceDigestSink sink([&hash](std::string_view chunk) { hash.add(chunk); });
  sink.begin(sim);
  for (const auto& ev : sim.trace()) sink.record(ev);
  sink.flush();
  return hash.hex();
}

struct Pin {
  const char* file;  // under resources/scenarios/
  std::uint64_t seed;  // 0: the file's own seed
  std::uint64_t expected_seed;
  std::size_t trace_records;
  const char* sha256;        // trace_sha256: the records' canonical encoding, hashed
  const char* jsonl_sha256;  // SHA-256 of the JSONL trace (`run --trace`): the text, byte for byte
};

// Every protocol, at the file's seed and at seed 99; 2pc-workload is a long run (1.7 MB of trace).
constexpr Pin kPins[] = {
    {"2pc-coordinator-crash", 0, 7, 194, "0b719f04e2299448f9282ee57d21271ea85a23803de5f6e9494a034635643ce6",
     "9ef765c95d7c8918d192d4d7504032961a867cd825c1627dd350e5ebda822a51"},
    {"2pc-coordinator-crash", 99, 99, 170, "be84e08b6d7dbd9478658fe3c7a8aec0236517d2f20d798f0ff101f57bdbc0b3",
     "aabc7560e63852cd299d10926c015692ee224d9a0d24c37fee9f02450e2ca6ef"},
    {"2pc-workload", 0, 42, 19475, "e8fdbd6e79d2a9350a82bcfb18741d872dd176d3f6972d0addfd35e9e11ba55f",
     "e9de9e47b695ab25a5921c9e4eaec2b4a6fb456a511328d0193ec4e584c4ad24"},
    {"3pc-coordinator-crash-wait", 0, 7, 132, "2e165e44c999d0cc8703ae7dbb8387b4411826abffd34a4a8a75829a8a0512ed",
     "9beca23394545a8d16d02e236281a197b403be2dc7e96735db9f321aa78ad588"},
    {"3pc-coordinator-crash-wait", 99, 99, 132, "ecf0b4a02ad85d43f52528de46293807c594293e8f05c9db933b39272cddbfc0",
     "146f26c73975a7340ea6dd1565d8aa2f24b8af017dc3fa0856fe5075c32aeaae"},
    {"paxos-commit-coordinator-crash", 0, 7, 210, "8ad806be1996d30d810b1871cadcbb1cfb701a99e4eaafdfb2320d9179b9a9a4",
     "d9d368cc84598b6e4eab9fade268f6a8baa43096b75875c760076b4fe6587460"},
    {"paxos-commit-coordinator-crash", 99, 99, 212, "185c07ed8d80ba671c540cf8edc8359d4b1141a32625798ede25a05061e7edb3",
     "81e2ce5ea5057281a2ffee2da3d4772364fc6164233d2f290ab4f566f5cfc7a9"},
    {"saga-orchestration-orchestrator-crash", 0, 1, 69, "dce5e6f92aae438d81ba43f952814bd8d76e8ceaf9795070759022644a2a38ff",
     "6a02ac920f45e26fe30574ecb0efd26e834dee94238bdbc78401d28ee3d831b8"},
    {"saga-orchestration-orchestrator-crash", 99, 99, 69, "bda7b37c65cec34ddbe5c29b314ed0d772c135a1874b613a06b29730c6e90fd4",
     "8ee4be70a98e97468a08413ca417fe7ba10caadf196587915c09b589c75d87b0"},
    {"saga-choreography-lost-event", 0, 1, 82, "2a682dc6a7d3ea5cbbbd28eaeea0e57ef7249327db140dae9905a23f86f44b3f",
     "8080e20399085fe67142dcc6f8674fe1ce77eba806332c31c58e78db320cf4ca"},
    {"saga-choreography-lost-event", 99, 99, 82, "d2014094064ff0ae9e08462351e606e144cecaa2d79aa949270b15c45169126f",
     "0d2b5f1dc28a37fd22b01a465bff66f3b6dbf04d65ca0ab7405e1d78cb1c1d5b"},
    {"tcc-late-confirm", 0, 2, 60, "0fc0d78f5be897f3a742c98710169e679527b3c719ef2c45ecfbd5d0bec64fae",
     "e9024e7cc9376460dda6494fd951511af8164156878f1c59d1c662f6bc85eddd"},
    {"tcc-late-confirm", 99, 99, 60, "61b008ac7ed515cc9dce344d4ad955b760328aa03210fd5d2d5af67726f3e4ce",
     "9f168ea815800a076d9814a7bb27a7e48ba5400068ac2a7f0c266d0136c167fd"},
    {"cap-register-ap-partition", 0, 11, 1803, "8f679d7fad647e2cb540cd829a13359648f32ad5b3449a4c4100c79e2e4a3db1",
     "d384a5e68f6d79d857e0021d14cce3dd7530bf92a55fd10bb842caa82cd77b43"},
    {"cap-register-ap-partition", 99, 99, 1879, "06c5ec79f8758fa49fccdfe715df41852d2aaf8440afe8bf5c0b528b547c4e76",
     "b402bb6142b57360deea75ad328f30ee267bbdb367c0a2375bfb5aa5ba51eb40"},
    {"primary-backup-split-brain", 0, 2, 1797, "81c4a6b75d7b06b22a18e14820631002a66c9bd1cad1f7988bfb1b3d05cd67a1",
     "6d6c3994e9177b44cb1dcd73b6a1856bf07c1c4efff8019ff340b403cc67bdc8"},
    {"primary-backup-split-brain", 99, 99, 1773, "af4358a8675ae984fdfabb8b2cb0e42c7a5957824692c61c676fdf7ae926b34c",
     "3eb21f0b2f5620a65e2be6ddb98f28aed07eceeb11169a06d6cea144eee8e54f"},
    {"primary-backup-fencing-token", 0, 2, 1743, "0edde00713ac355a139614fc1782810c6ffa26fe5f233eb423c7ae0a917fda7f",
     "b3b6cf94d3342fd90b76a817e0e17142aa10a5785716a22819280e55b3d777cf"},
    {"primary-backup-fencing-token", 99, 99, 1712, "38fe07ec92250c0bdfc4bab9fa7b3029c3bae6d762a5befdb5feb722ff8a0fda",
     "fb37d0f9d61f43dc0949df0afb3bd0cbbde0e475476b67f3edc226e5e4d0dc76"},
    {"saga-orchestration-lost-update", 0, 1, 99, "b15f4f2b1ca4530681246e80c9640afc99893e5ffb7a79902f9161aced056936",
     "8bbf90dbb1b92aa255e5dff3895883d9c3f9833fe6e8feb5e3e87c222c6d5ca9"},
    {"outbox-relay-crash", 0, 1, 130, "317c1e64d6b1af67736c46b109499932c39c6c73ae2a06f2210b1f68fa701102",
     "df06e74078e907cb3616c2639ea6983bec71f1e50f1736f2ef547b69f579d911"},
    {"outbox-relay-crash", 99, 99, 124, "91ce516ca8b1f77710ef9700e7a84cf795465a036d153823f8bfb68a9a5ab894",
     "b6535a80c0fccbb5dc7dc5edd0e383d65dc0b75336c64dddbb2418e8c2b3bc51"},
    {"dual-write-lost-event", 0, 1, 53, "81626435efd4d9632a335ddb87ccbee35a0271271e952274e357839710ca1c7a",
     "6e73c716c1d527a012d17b3880c90ca9f5b4e1914fc428497fe0cfe4134e2139"},
    {"dual-write-lost-event", 99, 99, 53, "63c640fa4557b38adf6cc6c153ded7b2cf36149c93f676ead7935f530dabd7fb",
     "6a737559fd2159d3c894c40875601794fb613920d03760da03dc06e94338d9be"},
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
    // The JSONL is what it was when these values were trace_sha256 (before 2026-12-07).
    std::string jsonl;
    append_trace_jsonl(jsonl, run->sim());
    EXPECT_EQ(sha256_hex(jsonl), pin.jsonl_sha256);
  }
}
