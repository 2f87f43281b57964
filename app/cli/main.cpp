// commitscope-cli: run, validate and list scenarios without the GUI (for scripts, tests, benchmarks).
#include <QCommandLineParser>
#include <QCoreApplication>

#include <clocale>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>

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
    "Exit status: 0 done, 2 bad input (unreadable file, invalid scenario or lesson, failed walk, wrong usage),\n"
    "3 pg-lab could not start PostgreSQL or a step failed (the message names what to install).\n"
    "Formats: docs/scenario-format.md, docs/lesson-format.md.\n";

int usage_error(const std::string& why) {
  if (!why.empty()) std::fprintf(stderr, "commitscope-cli: %s\n", why.c_str());
  std::fputs(kUsage, stderr);
  return 2;
}

// pg-lab drives a PostgreSQL server through Qt SQL and QProcess, which want an application object;
// no other command does, and a CLI run is short enough that making one (its event dispatcher, the
// locale from the environment) is worth skipping (docs/benchmarks.md, "Start-up").
int pg_lab(int& argc, char** argv, bool json) {
  QCoreApplication app(argc, argv);
  std::setlocale(LC_NUMERIC, "C");  // QCoreApplication set it from the environment
  QCoreApplication::setApplicationName("commitscope-cli");
  return cs::cli::pg_lab_command(json);
}

int dispatch(int& argc, char** argv) {
  QStringList arguments;
  for (int i = 0; i < argc; ++i) arguments << QString::fromLocal8Bit(argv[i]);
  QCommandLineParser parser;
  parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
  const QCommandLineOption help({"h", "help"}, "Show this help.");
  const QCommandLineOption seed("seed", "Override the scenario's seed.", "N");
  const QCommandLineOption until("until-ms", "Run until this virtual time (ms).", "T");
  const QCommandLineOption json("json", "Print a JSON report instead of the summary.");
  const QCommandLineOption trace("trace", "Write the trace as JSON lines to this file.", "OUT.jsonl");
  const QCommandLineOption longRun("long-run", "run: the limits count only what the run holds (no trace limit).");
  const QCommandLineOption protocolsList("protocols", "compare: the protocols, comma-separated.", "LIST");
  const QCommandLineOption markdown("markdown", "protocols: print the parameter tables as Markdown.");
  const QCommandLineOption model("model", "explore: the TLA+ model.", "NAME");
  const QCommandLineOption rms("rms", "explore: resource managers.", "N");
  const QCommandLineOption acceptors("acceptors", "explore: PaxosCommit's acceptors.", "N");
  const QCommandLineOption ballots("ballots", "explore: PaxosCommit's ballots (0 .. N-1).", "N");
  const QCommandLineOption maxStates("max-states", "explore: stop after this many distinct states.", "N");
  const QCommandLineOption maxCrashes("max-crashes", "explore FILE: crashes.", "N");
  const QCommandLineOption maxDrops("max-drops", "explore FILE: message drops.", "N");
  const QCommandLineOption maxDups("max-dups", "explore FILE: message duplications.", "N");
  const QCommandLineOption maxPartitions("max-partitions", "explore FILE: partitions.", "N");
  const QCommandLineOption maxRounds("max-rounds", "explore FILE: runs within this many rounds (ballots, re-publications).", "N");
  const QCommandLineOption symmetry("symmetry", "explore FILE: one state per renaming of interchangeable participants.");
  const QCommandLineOption profile("profile", "explore FILE: states per depth, the moves that made them, commuting moves.");
  const QCommandLineOption pruneCovered("prune-covered", "explore FILE: leave out states covered by a stored one (safety only).");
  const QCommandLineOption sentSet("sent-set", "explore FILE: messages stay in flight once sent (an over-approximation, safety only).");
  const QCommandLineOption inertMessages("inert-messages", "explore FILE: leave out messages whose delivery can change nothing any more.");
  parser.addOptions({help, seed, until, json, trace, longRun, protocolsList, markdown, model, rms, acceptors, ballots, maxStates,
                     maxCrashes, maxDrops, maxDups, maxPartitions, maxRounds, symmetry, profile, pruneCovered, sentSet,
                     inertMessages});
  parser.addPositionalArgument("command", "run | digest | compare | validate | walk | protocols | explore | pg-lab");

  // parse() rather than process(): process() exits with status 1 on a bad option; ours is 2.
  if (!parser.parse(arguments)) return usage_error(parser.errorText().toStdString());
  if (parser.isSet(help)) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  QStringList args = parser.positionalArguments();
  if (args.isEmpty()) return usage_error("");
  const QString command = args.takeFirst();
  const bool run_options = parser.isSet(seed) || parser.isSet(until) || parser.isSet(json) || parser.isSet(trace);
  if (command != "run" && parser.isSet(longRun)) return usage_error("--long-run belongs to the run command");

  const bool explore_options = parser.isSet(model) || parser.isSet(rms) || parser.isSet(acceptors) ||
                               parser.isSet(ballots) || parser.isSet(maxStates) || parser.isSet(maxCrashes) ||
                               parser.isSet(maxDrops) || parser.isSet(maxDups) || parser.isSet(maxPartitions) ||
                               parser.isSet(maxRounds) || parser.isSet(symmetry) || parser.isSet(profile) ||
                               parser.isSet(pruneCovered) || parser.isSet(sentSet) || parser.isSet(inertMessages);
  if (command != "explore" && explore_options)
    return usage_error("--model, --rms, --acceptors, --ballots, --max-states and --max-crashes, --max-drops, --max-dups, "
                       "--max-partitions, --max-rounds, --symmetry, --profile, --prune-covered, --sent-set, --inert-messages belong to the "
                       "explore command");
  if (command != "compare" && parser.isSet(protocolsList))
    return usage_error("--protocols belongs to the compare command");
  // The same rules as "seed" and "until_ms" in a scenario file (engine/scenario/number_rules.hpp).
  std::optional<std::uint64_t> seed_value;
  std::optional<double> until_value;
  if (parser.isSet(seed)) {
    const std::string text = parser.value(seed).toStdString();
    const cs::WholeNumber n = cs::read_whole_number(std::string_view(text));
    if (n.problem != cs::WholeNumber::Problem::None)
      return usage_error("--seed " + cs::whole_number_problem_text(n.problem) + ", not \"" + text + "\"");
    seed_value = n.value;
  }
  if (parser.isSet(until)) {
    bool ok = false;
    const double v = parser.value(until).toDouble(&ok);  // C locale: "1.5", never "1,5"
    if (!ok || !cs::until_ms_allowed(v))
      return usage_error("--until-ms " + cs::until_ms_rule() + ", not \"" + parser.value(until).toStdString() + "\"");
    until_value = v;
  }
  if (command == "run") {
    if (args.size() != 1) return usage_error("run takes exactly one scenario file");
    cs::cli::RunOptions opt;
    opt.file = args.front();
    opt.seed = seed_value;
    opt.until_ms = until_value;
    opt.json = parser.isSet(json);
    opt.trace_path = parser.value(trace);
    opt.long_run = parser.isSet(longRun);
    return cs::cli::run_command(opt);
  }
  if (command == "compare") {
    if (args.size() != 1) return usage_error("compare takes exactly one scenario file");
    if (parser.isSet(trace)) return usage_error("--trace belongs to the run command");
    cs::cli::CompareOptions opt;
    opt.file = args.front();
    opt.protocols = parser.value(protocolsList).split(',', Qt::SkipEmptyParts);
    if (opt.protocols.size() < 2 || opt.protocols.size() > 4)
      return usage_error("compare needs --protocols with 2 to 4 protocols, such as 2pc,saga-orchestration,tcc");
    if (opt.protocols.removeDuplicates() > 0) return usage_error("--protocols names a protocol twice");
    opt.seed = seed_value;
    opt.until_ms = until_value;
    opt.json = parser.isSet(json);
    return cs::cli::compare_command(opt);
  }
  if (command == "explore") {
    if (parser.isSet(seed) || parser.isSet(until) || parser.isSet(trace) || parser.isSet(markdown))
      return usage_error("--seed, --until-ms, --trace and --markdown do not apply to explore");
    std::optional<std::uint64_t> max_states;
    if (parser.isSet(maxStates)) {
      const std::string text = parser.value(maxStates).toStdString();
      const cs::WholeNumber n = cs::read_whole_number(std::string_view(text));
      if (n.problem != cs::WholeNumber::Problem::None || n.value == 0)
        return usage_error("--max-states takes a whole number of states (1 or more), not \"" + text + "\"");
      max_states = n.value;
    }
    if (!parser.isSet(model)) {
      if (args.size() != 1) return usage_error("explore needs a scenario FILE, or --model tcommit, twophase or paxoscommit");
      if (parser.isSet(rms) || parser.isSet(acceptors) || parser.isSet(ballots))
        return usage_error("--rms, --acceptors and --ballots belong to explore --model");
      cs::cli::ExploreFileOptions fo;
      fo.file = args.front();
      fo.json = parser.isSet(json);
      fo.max_states = max_states;
      fo.symmetry = parser.isSet(symmetry);
      fo.profile = parser.isSet(profile);
      fo.prune_covered = parser.isSet(pruneCovered);
      fo.sent_set = parser.isSet(sentSet);
      fo.inert_messages = parser.isSet(inertMessages);
      if (parser.isSet(maxRounds)) {
        bool ok = false;
        fo.max_rounds = parser.value(maxRounds).toLongLong(&ok);
        if (!ok || fo.max_rounds < 1 || fo.max_rounds > 1'000'000)
          return usage_error("--max-rounds takes a whole number from 1 to 1000000, not \"" + parser.value(maxRounds).toStdString() + "\"");
      }
      const std::pair<const QCommandLineOption*, int*> budgets[] = {{&maxCrashes, &fo.budget.crashes},
                                                                     {&maxDrops, &fo.budget.drops},
                                                                     {&maxDups, &fo.budget.duplicates},
                                                                     {&maxPartitions, &fo.budget.partitions}};
      for (const auto& [o, out] : budgets) {
        if (!parser.isSet(*o)) continue;
        bool ok = false;
        *out = parser.value(*o).toInt(&ok);
        if (!ok || *out < 0 || *out > 9)
          return usage_error("--" + o->names().front().toStdString() + " takes a whole number from 0 to 9, not \"" +
                             parser.value(*o).toStdString() + "\"");
      }
      return cs::cli::explore_file_command(fo);
    }
    if (!args.isEmpty()) return usage_error("explore --model takes no file");
    if (parser.isSet(maxCrashes) || parser.isSet(maxDrops) || parser.isSet(maxDups) || parser.isSet(maxPartitions) ||
        parser.isSet(maxRounds) || parser.isSet(symmetry) || parser.isSet(profile) || parser.isSet(pruneCovered) ||
        parser.isSet(sentSet) || parser.isSet(inertMessages))
      return usage_error("--max-crashes, --max-drops, --max-dups, --max-partitions, --max-rounds, --symmetry, --profile, "
                         "--prune-covered, --sent-set and --inert-messages belong to explore FILE");
    cs::cli::ExploreOptions opt;
    opt.model = parser.value(model);
    opt.json = parser.isSet(json);
    // Small whole numbers; the model says which range it can hold.
    const auto count = [&](const QCommandLineOption& o, int& out) {
      if (!parser.isSet(o)) return true;
      bool ok = false;
      out = parser.value(o).toInt(&ok);
      return ok;
    };
    if (!count(rms, opt.size.rms) || !count(acceptors, opt.size.acceptors) || !count(ballots, opt.size.ballots))
      return usage_error("--rms, --acceptors and --ballots take whole numbers");
    opt.max_states = max_states;
    return cs::cli::explore_command(opt);
  }
  if (command == "pg-lab") {
    if (!args.isEmpty()) return usage_error("pg-lab takes no arguments");
    if (parser.isSet(seed) || parser.isSet(until) || parser.isSet(trace) || parser.isSet(markdown))
      return usage_error("pg-lab takes only --json");
    return pg_lab(argc, argv, parser.isSet(json));
  }
  if (command == "protocols") {
    if (!args.isEmpty()) return usage_error("protocols takes no arguments");
    if (parser.isSet(seed) || parser.isSet(until) || parser.isSet(trace))
      return usage_error("--seed, --until-ms and --trace belong to the run command");
    if (parser.isSet(json) && parser.isSet(markdown)) return usage_error("choose one of --json and --markdown");
    return cs::cli::protocols_command(parser.isSet(json)       ? cs::cli::ProtocolsFormat::Json
                                      : parser.isSet(markdown) ? cs::cli::ProtocolsFormat::Markdown
                                                               : cs::cli::ProtocolsFormat::Text);
  }
  if (parser.isSet(markdown)) return usage_error("--markdown belongs to the protocols command");
  if (run_options) return usage_error("--seed, --until-ms, --json and --trace belong to the run command");
  if (command == "digest") {
    if (args.size() != 1) return usage_error("digest takes exactly one trace file (run --trace OUT.jsonl)");
    return cs::cli::digest_command(args.front());
  }
  if (command == "validate") {
    if (args.isEmpty()) return usage_error("validate needs at least one file or directory");
    return cs::cli::validate_command(args);
  }
  if (command == "walk") {
    if (args.isEmpty()) return usage_error("walk needs at least one lesson file or directory");
    return cs::cli::walk_command(args);
  }
  return usage_error("unknown command \"" + command.toStdString() + "\"");
}

}  // namespace

int main(int argc, char** argv) {
  // No QCoreApplication (pg-lab makes one): the C locale stays, so everything this program prints
  // is machine-readable (summaries, JSON, traces) and numbers keep "." whatever LC_ALL says.
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
