// The CLI's subcommands. Each returns the process exit status: 0 = done (even if an invariant was
// violated: that is a result, not an error), 2 = bad input (unreadable file, invalid scenario, usage).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "explore/scenario_explorer.hpp"
#include "explore/textbook_models.hpp"
#include "scenario/scenario.hpp"
#include "sim/diagnostic.hpp"
#include "sim/simulator.hpp"

namespace cs::cli {

// What the commands share: output, diagnostics, reading a scenario file, the trace's hash.
void out(const std::string& s);
void err(const std::string& s);
void print_diagnostics(const Diagnostics& ds);
// A whole input file; on failure reports "FILE: why" and returns nullopt.
std::optional<std::string> read_file(const std::string& path);
// A scenario file read and loaded; on failure prints why (the file's problem, or each diagnostic
// with file:line:column) and returns nullopt: the command then exits with status 2.
std::optional<Scenario> read_scenario(const std::string& path);

struct RunOptions {
  std::string file;
  std::optional<std::uint64_t> seed;
  std::optional<double> until_ms;
  bool json = false;
  std::string trace_path;  // empty = no trace file
  bool long_run = false;  // RunLimits::count_unkept = false: no trace limit, memory limit on what is held
};

int run_command(const RunOptions& opt);
// The trace_sha256 of a --trace JSONL file (its records re-encoded canonically); a malformed line
// is reported as FILE:LINE: what is wrong, and the status is 2.
int digest_command(const std::string& path);

// One scenario's workload and fault timeline against several protocols (engine/scenario/compare.hpp).
struct CompareOptions {
  std::string file;
  std::vector<std::string> protocols;
  std::optional<std::uint64_t> seed;
  std::optional<double> until_ms;
  bool json = false;
};
int compare_command(const CompareOptions& opt);
// Scenario and lesson files (a file with a top-level "steps" key is a lesson).
int validate_command(const std::vector<std::string>& paths);
// Plays each lesson headless with its own solutions and prints one line per step.
int walk_command(const std::vector<std::string>& paths);
enum class ProtocolsFormat { Text, Json, Markdown };
int protocols_command(ProtocolsFormat format);
// Explores a TLA+ transaction-commit model (tcommit, twophase, paxoscommit) breadth-first.
struct ExploreOptions {
  std::string model;
  explore::ModelSize size;
  std::optional<std::uint64_t> max_states;
  bool json = false;
};
int explore_command(const ExploreOptions& opt);
// Explores a scenario's interleavings with bounded faults (engine/explore/scenario_explorer.hpp).
struct ExploreFileOptions {
  std::string file;
  explore::FaultBudget budget;
  std::optional<std::uint64_t> max_states;
  bool symmetry = false;  // --symmetry: one state per class of renamings (ScenarioLimits::symmetry)
  std::int64_t max_rounds = 0;  // --max-rounds (ScenarioLimits::max_rounds; 0: no bound)
  bool profile = false;         // --profile: where the states come from (ScenarioLimits::profile)
  bool prune_covered = false;   // --prune-covered (ScenarioLimits::prune_covered)
  bool sent_set = false;        // --sent-set (ScenarioLimits::sent_set)
  bool inert_messages = false;  // --inert-messages (ScenarioLimits::inert_messages)
  bool json = false;
};
int explore_file_command(const ExploreFileOptions& opt);

}  // namespace cs::cli
