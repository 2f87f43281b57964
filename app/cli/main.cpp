// commitscope-cli: run, validate and list scenarios without the GUI (for scripts, tests, benchmarks).
// This program loads no Qt: a run is short, and loading and relocating Qt Core and ICU was ~12 ms of
// it (docs/benchmarks.md, issue 18's fifth and seventh passes). Its command line is read by CLI11
// (header-only, Debian's libcli11-dev): one subcommand per command, each with its own options. The
// one command that needs Qt, pg-lab (Qt SQL, QProcess), is a second program next to this one,
// commitscope-cli-qt (pglab_main.cpp), which this one execs once the command line has been checked.
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "scenario/number_rules.hpp"

namespace {

const char* const kUsage =
    "usage: commitscope-cli run FILE [--seed N] [--until-ms T] [--json] [--trace OUT.jsonl] [--long-run]\n"
    "       commitscope-cli digest RUN.jsonl\n"
    "       commitscope-cli compare FILE --protocols P1,P2[,...] [--seed N] [--until-ms T] [--json]\n"
    "       commitscope-cli validate FILE_OR_DIR...\n"
    "       commitscope-cli walk LESSON_OR_DIR...\n"
    "       commitscope-cli protocols [--json | --markdown]\n"
    "       commitscope-cli explore --model tcommit|twophase|paxoscommit [--rms N] [--acceptors N]\n"
    "                               [--ballots N] [--max-states N] [--json]\n"
    "       commitscope-cli explore FILE [--max-crashes N] [--max-drops N] [--max-dups N]\n"
    "                               [--max-partitions N] [--max-rounds N] [--max-states N] [--symmetry] [--profile]\n"
    "                               [--prune-covered] [--sent-set] [--inert-messages] [--json]\n"
    "       commitscope-cli pg-lab [--json]\n"
    "       commitscope-cli COMMAND --help   (one command's options, described one by one)\n"
    "\n"
    "  run        runs a scenario and prints a summary (--json: a JSON report with trace_sha256);\n"
    "             --long-run: the limits count only what the run holds (no trace limit), for runs of\n"
    "             millions of transactions (docs/scenario-format.md, \"Limits\")\n"
    "  digest     prints the trace_sha256 of a trace written by run --trace (each line read and\n"
    "             re-encoded as the run encodes its records; docs/scenario-format.md, \"trace_sha256\")\n"
    "  compare    runs the scenario's workload and fault timeline against each protocol (2 to 4), with the\n"
    "             same seed; faults on the coordinating node or on worker k apply to the matching node of\n"
    "             every protocol (docs/protocols.md, \"Comparing protocols\"). Prints one table (--json: runs,\n"
    "             each protocol's report as run --json prints it, faults and table)\n"
    "  validate   checks scenario and lesson files (directories: every *.json inside, recursively)\n"
    "  walk       plays lessons headless with their own solutions; one line per step\n"
    "  protocols  lists the protocols a scenario can name (--json: every protocol's descriptor: roles,\n"
    "             states, messages, metrics, invariants, parameter schema; --markdown: the parameter\n"
    "             tables of docs/protocols.md)\n"
    "  explore    explores every state of a TLA+ transaction-commit model (TCommit, TwoPhase,\n"
    "             PaxosCommit from tlaplus/Examples) breadth-first and checks its invariants; the\n"
    "             distinct-state counts are TLC's (docs/explorer.md). Defaults: 3 RMs, 3 acceptors,\n"
    "             2 ballots, at most 20,000,000 states. With a scenario FILE: every interleaving of its\n"
    "             protocol's messages and timers, with at most N crashes, drops, duplicates and\n"
    "             partitions; prints each violated invariant and blocking state with a scenario that\n"
    "             `run` replays (docs/explorer.md). Default: no faults, at most 200,000 states;\n"
    "             --symmetry stores one state per renaming of interchangeable participants and\n"
    "             reports both counts (distinct_states, symmetry_reduced_states); --profile also\n"
    "             prints where the states come from: new states per depth and the moves that made\n"
    "             them, and how often moves at two nodes commute (a sample); --prune-covered leaves out\n"
    "             a state whose messages in flight a stored state with the same rest has too (the\n"
    "             safety verdict stays exact, blocking states are not checked); --sent-set searches the\n"
    "             TLA+ specifications' network instead, where a message sent stays in flight and may arrive\n"
    "             any number of times: an over-approximation, so \"no violation\" carries over to every\n"
    "             budget of drops and duplicates; a violation found is replayed as a real run, which says\n"
    "             how many duplicates it needs (blocking states are not checked); --inert-messages leaves\n"
    "             out of the state the messages whose delivery the protocol says can change nothing any\n"
    "             more (exact for every verdict, blocking states included)\n"
    "  pg-lab     runs lesson 18's two-phase-commit lab on a private, throwaway PostgreSQL server (initdb\n"
    "             in a temporary directory, Unix socket only) and prints each statement, the server's\n"
    "             answer and what it observed (--json: the observations only; docs/pglab.md)\n"
    "\n"
    "Options come after their command, as --name VALUE or --name=VALUE; \"--\" ends the options; an option\n"
    "given twice keeps its last value.\n"
    "Exit status: 0 done, 2 bad input (unreadable file, invalid scenario or lesson, failed walk, wrong usage),\n"
    "3 pg-lab could not start PostgreSQL or a step failed (the message names what to install).\n"
    "Formats: docs/scenario-format.md, docs/lesson-format.md.\n";

const char* const kExitStatus =
    "Exit status: 0 done, 2 bad input (unreadable file, invalid scenario or lesson, failed walk, wrong usage),\n"
    "3 pg-lab could not start PostgreSQL or a step failed. All commands: commitscope-cli --help.";

int usage_error(const std::string& why) {
  if (!why.empty()) std::fprintf(stderr, "commitscope-cli: %s\n", why.c_str());
  std::fputs(kUsage, stderr);
  return 2;
}

// The program's own help is kUsage (every command, its options, the exit codes); a command's help
// (`run --help`) is CLI11's, built from the options' descriptions below.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    if (app->get_parent() == nullptr) return kUsage;
    return CLI::Formatter::make_help(app, std::move(name), mode);
  }
};

// pg-lab drives a PostgreSQL server through Qt SQL and QProcess: it runs in commitscope-cli-qt, found
// next to this program (the build directory and bin/ alike), which replaces this process so that its
// output and exit status are the command's. 3 when it cannot be started, as when PostgreSQL cannot.
int pg_lab(bool json) {
  std::string self(PATH_MAX, '\0');
  const ssize_t n = ::readlink("/proc/self/exe", self.data(), self.size());
  if (n <= 0) {
    std::fprintf(stderr, "commitscope-cli: pg-lab: cannot find commitscope-cli-qt: this program's own path is unknown (%s)\n",
                 std::strerror(errno));
    return 3;
  }
  self.resize(static_cast<std::size_t>(n));
  const std::string helper = self.substr(0, self.rfind('/') + 1) + "commitscope-cli-qt";
  std::vector<char*> args{const_cast<char*>("commitscope-cli"), const_cast<char*>("pg-lab")};
  if (json) args.push_back(const_cast<char*>("--json"));
  args.push_back(nullptr);
  std::fflush(stdout);
  ::execv(helper.c_str(), args.data());
  std::fprintf(stderr, "commitscope-cli: pg-lab: cannot start %s: %s\n", helper.c_str(), std::strerror(errno));
  return 3;
}

// Everything the command line can say. Values that follow the scenario file's number rules are read
// as text and checked below with those rules (engine/scenario/number_rules.hpp), so that both say
// the same thing about the same mistake.
struct Given {
  std::vector<std::string> args;  // the command's files
  std::string seed, until_ms, trace, protocols, model, max_states;
  bool json = false, markdown = false, long_run = false;
  bool symmetry = false, profile = false, prune_covered = false, sent_set = false, inert_messages = false;
  int rms = 0, acceptors = 0, ballots = 0;
  int max_crashes = 0, max_drops = 0, max_dups = 0, max_partitions = 0;
  std::int64_t max_rounds = 0;
};

struct Commands {
  CLI::App app{"", "commitscope-cli"};
  CLI::App* run = nullptr;
  CLI::App* digest = nullptr;
  CLI::App* compare = nullptr;
  CLI::App* validate = nullptr;
  CLI::App* walk = nullptr;
  CLI::App* protocols = nullptr;
  CLI::App* explore = nullptr;
  CLI::App* pg_lab = nullptr;
  // Options of explore whose presence main() reads.
  CLI::Option* model = nullptr;
  CLI::Option* rms = nullptr;
  CLI::Option* acceptors = nullptr;
  CLI::Option* ballots = nullptr;
  CLI::Option* max_rounds = nullptr;
  CLI::Option* max_states = nullptr;
};

void build(Commands& c, Given& g) {
  CLI::App& app = c.app;
  app.formatter(std::make_shared<HelpFormatter>());  // before the subcommands: they inherit it
  app.require_subcommand(1);
  // QCommandLineParser's rule, which the CLI had before: an option given twice keeps its last value.
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  const auto flag = [](CLI::App* on, const char* name, bool& to, const char* what) {
    on->add_flag(name, to, what);
  };
  const auto seed_and_until = [&](CLI::App* on) {
    on->add_option("--seed", g.seed, "the run's seed instead of the scenario's")->type_name("N");
    on->add_option("--until-ms", g.until_ms, "run until this virtual time (ms)")->type_name("T");
  };

  c.run = app.add_subcommand("run", "runs a scenario and prints a summary");
  c.run->add_option("file", g.args, "the scenario file")->type_name("FILE");
  seed_and_until(c.run);
  flag(c.run, "--json", g.json, "print a JSON report (with trace_sha256) instead of the summary");
  c.run->add_option("--trace", g.trace, "write the trace as JSON lines to this file")->type_name("OUT.jsonl");
  flag(c.run, "--long-run", g.long_run,
       "the limits count only what the run holds (no trace limit), for runs of millions of transactions");

  c.digest = app.add_subcommand("digest", "prints the trace_sha256 of a trace written by run --trace");
  c.digest->add_option("file", g.args, "the trace file")->type_name("RUN.jsonl");

  c.compare = app.add_subcommand("compare", "runs the scenario's workload and faults against 2 to 4 protocols");
  c.compare->add_option("file", g.args, "the scenario file")->type_name("FILE");
  c.compare->add_option("--protocols", g.protocols, "the protocols, comma-separated")->type_name("P1,P2[,...]");
  seed_and_until(c.compare);
  flag(c.compare, "--json", g.json, "print runs, reports, faults and the table as JSON");

  c.validate = app.add_subcommand("validate", "checks scenario and lesson files (directories: every *.json inside)");
  c.validate->add_option("files", g.args, "files and directories")->type_name("FILE_OR_DIR...");
  c.walk = app.add_subcommand("walk", "plays lessons headless with their own solutions; one line per step");
  c.walk->add_option("files", g.args, "lesson files and directories")->type_name("LESSON_OR_DIR...");

  c.protocols = app.add_subcommand("protocols", "lists the protocols a scenario can name");
  CLI::Option* json = c.protocols->add_flag("--json", g.json, "every protocol's descriptor as JSON");
  c.protocols->add_flag("--markdown", g.markdown, "the parameter tables of docs/protocols.md")
      ->excludes(json);

  c.explore = app.add_subcommand("explore", "explores a TLA+ commit model (--model) or a scenario FILE's interleavings");
  c.explore->add_option("file", g.args, "the scenario file (without --model)")->type_name("FILE");
  c.model = c.explore->add_option("--model", g.model, "the TLA+ model: tcommit, twophase or paxoscommit")->type_name("NAME");
  c.rms = c.explore->add_option("--rms", g.rms, "--model: resource managers")->type_name("N");
  c.acceptors = c.explore->add_option("--acceptors", g.acceptors, "--model: PaxosCommit's acceptors")->type_name("N");
  c.ballots = c.explore->add_option("--ballots", g.ballots, "--model: PaxosCommit's ballots (0 .. N-1)")->type_name("N");
  c.max_states = c.explore->add_option("--max-states", g.max_states, "stop after this many distinct states")->type_name("N");
  const std::pair<const char*, int*> budgets[] = {{"--max-crashes", &g.max_crashes},
                                                   {"--max-drops", &g.max_drops},
                                                   {"--max-dups", &g.max_dups},
                                                   {"--max-partitions", &g.max_partitions}};
  std::vector<CLI::Option*> file_only;
  for (const auto& [name, to] : budgets)
    file_only.push_back(c.explore->add_option(name, *to, "FILE: at most this many (0 to 9)")->type_name("N")->check(CLI::Range(0, 9)));
  c.max_rounds = c.explore->add_option("--max-rounds", g.max_rounds, "FILE: runs within this many rounds (ballots, re-publications)")
                     ->type_name("N")
                     ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  file_only.push_back(c.max_rounds);
  file_only.push_back(c.explore->add_flag("--symmetry", g.symmetry, "FILE: one state per renaming of interchangeable participants"));
  file_only.push_back(c.explore->add_flag("--profile", g.profile, "FILE: states per depth, the moves that made them, commuting moves"));
  file_only.push_back(c.explore->add_flag("--prune-covered", g.prune_covered, "FILE: leave out states covered by a stored one (safety only)"));
  file_only.push_back(c.explore->add_flag("--sent-set", g.sent_set, "FILE: messages stay in flight once sent (safety only)"));
  file_only.push_back(
      c.explore->add_flag("--inert-messages", g.inert_messages, "FILE: leave out messages whose delivery can change nothing any more"));
  for (CLI::Option* o : file_only) c.model->excludes(o);  // "--model excludes --max-crashes"
  for (CLI::Option* o : {c.rms, c.acceptors, c.ballots}) o->needs(c.model);  // "--rms requires --model"
  flag(c.explore, "--json", g.json, "print the result as JSON");

  c.pg_lab = app.add_subcommand("pg-lab", "runs lesson 18's two-phase-commit lab on a private PostgreSQL server");
  flag(c.pg_lab, "--json", g.json, "print the observations only, as JSON");

  for (CLI::App* sub : app.get_subcommands({})) sub->footer(kExitStatus);
}

// The commands, other than `on`, that have an option of this name.
std::string commands_with(const Commands& c, const CLI::App* on, const std::string& name) {
  std::string found;
  for (const CLI::App* sub : c.app.get_subcommands({}))
    if (sub != on && sub->get_option_no_throw(name) != nullptr) found += (found.empty() ? "" : ", ") + sub->get_name();
  return found;
}

// CLI11's words, made to name the command where they can: an option of another command, a
// single-dash long option, an unknown command, arguments a command does not take.
std::string explain(const Commands& c, const CLI::ParseError& e, bool ended_options) {
  const std::vector<CLI::App*> chosen = c.app.get_subcommands();
  // Words left before the command, then the command's own.
  std::vector<std::string> left = c.app.remaining(false);
  // After "--", CLI11 hands what a command's positionals do not take back to the program.
  if (!left.empty() && !chosen.empty() && ended_options)
    return chosen.front()->get_name() + ": \"" + left.front() + "\" is one argument too many";
  if (!left.empty() && left.front().rfind('-', 0) == 0 && left.front().size() > 1 && !chosen.empty())
    return left.front() + ": options come after the command (commitscope-cli " + chosen.front()->get_name() + " ... " +
           left.front() + ")";
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr || (chosen.empty() && !left.empty())) {
    const CLI::App* on = chosen.empty() ? &c.app : chosen.front();
    if (!chosen.empty()) left = on->remaining(false);
    for (const std::string& word : left) {
      const std::string name = word.substr(0, word.find('='));
      if (chosen.empty() && name.rfind('-', 0) != 0) return "unknown command \"" + word + "\"";
      if (chosen.empty()) return name + ": options come after the command (commitscope-cli COMMAND [options])";
      const std::string others = commands_with(c, on, name);
      if (name.rfind("--", 0) == 0 && !others.empty())
        return name + " belongs to " + others + ", not to " + on->get_name();
      if (name.size() > 2 && name[0] == '-' && name[1] != '-' &&
          (on->get_option_no_throw("-" + name) != nullptr || !commands_with(c, nullptr, "-" + name).empty()))
        return name + ": unknown option; long options take two dashes (-" + name + ")";
      if (name.rfind('-', 0) == 0) return "unknown option " + name + " for " + on->get_name();
      return on->get_name() + " takes no argument \"" + word + "\"";
    }
  }
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && chosen.empty()) return "";  // no command: the usage alone
  return (chosen.empty() ? std::string() : chosen.front()->get_name() + ": ") + e.what();
}

std::optional<std::uint64_t> given_seed(const Given& g, std::string& problem) {
  const cs::WholeNumber n = cs::read_whole_number(std::string_view(g.seed));
  if (n.problem == cs::WholeNumber::Problem::None) return n.value;
  problem = "--seed " + cs::whole_number_problem_text(n.problem) + ", not \"" + g.seed + "\"";
  return std::nullopt;
}

std::optional<double> given_until(const Given& g, std::string& problem) {
  // std::from_chars: the C locale's "1.5" whatever the environment says, and no hexadecimal.
  double v = 0;
  const char* end = g.until_ms.data() + g.until_ms.size();
  const auto [stop, ec] = std::from_chars(g.until_ms.data(), end, v);
  if (ec == std::errc() && stop == end && cs::until_ms_allowed(v)) return v;
  problem = "--until-ms " + cs::until_ms_rule() + ", not \"" + g.until_ms + "\"";
  return std::nullopt;
}

// Seed and end time shared by run and compare; false (with the problem) when one is wrong.
bool run_numbers(const CLI::App* sub, const Given& g, std::optional<std::uint64_t>& seed, std::optional<double>& until,
                 std::string& problem) {
  if (sub->count("--seed") > 0 && !(seed = given_seed(g, problem))) return false;
  if (sub->count("--until-ms") > 0 && !(until = given_until(g, problem))) return false;
  return true;
}

int dispatch(int argc, char** argv) {
  Commands c;
  Given g;
  build(c, g);
  try {
    c.app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return c.app.exit(e);  // the chosen command's help, or kUsage; status 0
  } catch (const CLI::ParseError& e) {
    const bool ended_options = std::find(argv + 1, argv + argc, std::string_view("--")) != argv + argc;
    return usage_error(explain(c, e, ended_options));
  }
  std::string problem;
  std::optional<std::uint64_t> seed;
  std::optional<double> until;

  if (c.run->parsed()) {
    if (g.args.size() != 1) return usage_error("run takes exactly one scenario file");
    if (!run_numbers(c.run, g, seed, until, problem)) return usage_error(problem);
    cs::cli::RunOptions opt;
    opt.file = g.args.front();
    opt.seed = seed;
    opt.until_ms = until;
    opt.json = g.json;
    opt.trace_path = g.trace;
    opt.long_run = g.long_run;
    return cs::cli::run_command(opt);
  }
  if (c.compare->parsed()) {
    if (g.args.size() != 1) return usage_error("compare takes exactly one scenario file");
    if (!run_numbers(c.compare, g, seed, until, problem)) return usage_error(problem);
    cs::cli::CompareOptions opt;
    opt.file = g.args.front();
    // Comma-separated, empty names skipped; a name given twice is refused.
    bool repeated = false;
    for (std::size_t start = 0; start <= g.protocols.size();) {
      const std::size_t comma = std::min(g.protocols.find(',', start), g.protocols.size());
      const std::string name = g.protocols.substr(start, comma - start);
      start = comma + 1;
      if (name.empty()) continue;
      repeated = repeated || std::find(opt.protocols.begin(), opt.protocols.end(), name) != opt.protocols.end();
      opt.protocols.push_back(name);
    }
    if (opt.protocols.size() < 2 || opt.protocols.size() > 4)
      return usage_error("compare needs --protocols with 2 to 4 protocols, such as 2pc,saga-orchestration,tcc");
    if (repeated) return usage_error("--protocols names a protocol twice");
    opt.seed = seed;
    opt.until_ms = until;
    opt.json = g.json;
    return cs::cli::compare_command(opt);
  }
  if (c.explore->parsed()) {
    std::optional<std::uint64_t> max_states;
    if (c.max_states->count() > 0) {
      const cs::WholeNumber n = cs::read_whole_number(std::string_view(g.max_states));
      if (n.problem != cs::WholeNumber::Problem::None || n.value == 0)
        return usage_error("--max-states takes a whole number of states (1 or more), not \"" + g.max_states + "\"");
      max_states = n.value;
    }
    if (c.model->count() == 0) {
      if (g.args.size() != 1) return usage_error("explore needs a scenario FILE, or --model tcommit, twophase or paxoscommit");
      cs::cli::ExploreFileOptions fo;
      fo.file = g.args.front();
      fo.json = g.json;
      fo.max_states = max_states;
      fo.symmetry = g.symmetry;
      fo.profile = g.profile;
      fo.prune_covered = g.prune_covered;
      fo.sent_set = g.sent_set;
      fo.inert_messages = g.inert_messages;
      fo.max_rounds = c.max_rounds->count() > 0 ? g.max_rounds : 0;
      fo.budget.crashes = g.max_crashes;
      fo.budget.drops = g.max_drops;
      fo.budget.duplicates = g.max_dups;
      fo.budget.partitions = g.max_partitions;
      return cs::cli::explore_file_command(fo);
    }
    if (!g.args.empty()) return usage_error("explore --model takes no file");
    cs::cli::ExploreOptions opt;
    opt.model = g.model;
    opt.json = g.json;
    // The model's defaults unless given; the model says which range it can hold.
    if (c.rms->count() > 0) opt.size.rms = g.rms;
    if (c.acceptors->count() > 0) opt.size.acceptors = g.acceptors;
    if (c.ballots->count() > 0) opt.size.ballots = g.ballots;
    opt.max_states = max_states;
    return cs::cli::explore_command(opt);
  }
  if (c.pg_lab->parsed()) return pg_lab(g.json);
  if (c.protocols->parsed())
    return cs::cli::protocols_command(g.json       ? cs::cli::ProtocolsFormat::Json
                                      : g.markdown ? cs::cli::ProtocolsFormat::Markdown
                                                   : cs::cli::ProtocolsFormat::Text);
  if (c.digest->parsed()) {
    if (g.args.size() != 1) return usage_error("digest takes exactly one trace file (run --trace OUT.jsonl)");
    return cs::cli::digest_command(g.args.front());
  }
  if (c.validate->parsed()) {
    if (g.args.empty()) return usage_error("validate needs at least one file or directory");
    return cs::cli::validate_command(g.args);
  }
  if (g.args.empty()) return usage_error("walk needs at least one lesson file or directory");
  return cs::cli::walk_command(g.args);
}

}  // namespace

int main(int argc, char** argv) {
  // No setlocale(): the C locale stays, so everything this program prints is machine-readable
  // (summaries, JSON, traces) and numbers keep "." whatever LC_ALL says.
  // A bug must never surface as a crash dump in a learner's terminal; report it and fail cleanly.
  try {
    return dispatch(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "commitscope-cli: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "commitscope-cli: internal error\n");
  }
  return 2;
}
