// The CLI's subcommands. Each returns the process exit status: 0 = done (even if an invariant was
// violated: that is a result, not an error), 2 = bad input (unreadable file, invalid scenario, usage).
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

#include "explore/textbook_models.hpp"

namespace cs::cli {

struct RunOptions {
  QString file;
  std::optional<std::uint64_t> seed;
  std::optional<double> until_ms;
  bool json = false;
  QString trace_path;  // empty = no trace file
};

int run_command(const RunOptions& opt);
// Scenario and lesson files (a file with a top-level "steps" key is a lesson).
int validate_command(const QStringList& paths);
// Plays each lesson headless with its own solutions and prints one line per step.
int walk_command(const QStringList& paths);
enum class ProtocolsFormat { Text, Json, Markdown };
int protocols_command(ProtocolsFormat format);
// Explores a TLA+ transaction-commit model (tcommit, twophase, paxoscommit) breadth-first.
struct ExploreOptions {
  QString model;
  explore::ModelSize size;
  std::optional<std::uint64_t> max_states;
  bool json = false;
};
int explore_command(const ExploreOptions& opt);
// Runs lesson 18's PostgreSQL lab on a private server (app/pglab); 3 when PostgreSQL cannot start.
int pg_lab_command(bool json);

}  // namespace cs::cli
