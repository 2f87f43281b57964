// commitscope-cli without Qt (docs/benchmarks.md, issue 18's seventh pass): the program loads no Qt and
// no ICU, pg-lab is handed to commitscope-cli-qt next to it, and the command line is read by CLI11
// (its option forms, errors that name the option and the problem, the help).
#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <sys/stat.h>

#include <string>

#include "input_file.hpp"

namespace {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

Result exec(const QString& program, const QStringList& args,
            const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
  QProcess p;
  p.setProcessEnvironment(env);
  p.start(program, args);
  const bool finished = p.waitForFinished(60'000);
  if (!finished) p.kill();
  p.waitForFinished();
  // -2: crashed or timed out
  return {finished && p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput().toStdString(),
          p.readAllStandardError().toStdString()};
}

Result cli(const QStringList& args) { return exec(QStringLiteral(COMMITSCOPE_CLI), args); }

QString scenario(const char* name) {
  return QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/") + QString::fromLatin1(name);
}

QString qtPart() { return QFileInfo(QStringLiteral(COMMITSCOPE_CLI)).absolutePath() + QStringLiteral("/commitscope-cli-qt"); }

bool has(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

// The line "trace sha256: ..." of a text summary.
std::string sha_line(const std::string& out) {
  const auto at = out.find("trace sha256: ");
  return at == std::string::npos ? std::string() : out.substr(at, out.find('\n', at) - at);
}

// The CLI links libcrypto statically (only its SHA-256 objects), and in GCC builds without the
// sanitizers the C++ runtime too (app/cli/CMakeLists.txt decides, and tells this test through the
// target's COMMITSCOPE_STATIC_RUNTIME property): a run loads the C library and nothing else of size.
// The digest itself is checked against Qt's SHA-256 of a --trace file in cli_tests.
constexpr bool kStaticCxxRuntime = COMMITSCOPE_CLI_STATIC_RUNTIME;

TEST(CliSplit, TheCliNeedsNoQtAndARunLoadsNone) {
  const Result ldd = exec(QStringLiteral("ldd"), {QStringLiteral(COMMITSCOPE_CLI)});
  ASSERT_EQ(ldd.code, 0) << ldd.err;
  EXPECT_TRUE(has(ldd.out, "libc.so")) << ldd.out;  // ldd really listed the libraries
  EXPECT_FALSE(has(ldd.out, "libcrypto")) << ldd.out;
  EXPECT_FALSE(has(ldd.out, "libQt")) << ldd.out;
  EXPECT_FALSE(has(ldd.out, "libicu")) << ldd.out;
  if (kStaticCxxRuntime) {
    EXPECT_FALSE(has(ldd.out, "libstdc++")) << ldd.out;
  }
  // What a run really maps, as the dynamic loader reports it.
  QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
  env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
  const Result run = exec(QStringLiteral(COMMITSCOPE_CLI), {QStringLiteral("run"), scenario("2pc-happy.json")}, env);
  EXPECT_EQ(run.code, 0) << run.err.substr(0, 2000);
  EXPECT_TRUE(has(run.out, "trace sha256: ")) << run.out;
  EXPECT_TRUE(has(run.err, "libc.so")) << "LD_DEBUG=files shows the loaded libraries: " << run.err.substr(0, 2000);
  EXPECT_FALSE(has(run.err, "libcrypto")) << run.err.substr(0, 4000);
  EXPECT_FALSE(has(run.err, "libQt")) << run.err.substr(0, 4000);
  EXPECT_FALSE(has(run.err, "libicu")) << run.err.substr(0, 4000);
  if (kStaticCxxRuntime) {
    EXPECT_FALSE(has(run.err, "libstdc++")) << run.err.substr(0, 4000);
  }
}

TEST(CliSplit, PgLabIsItsQtPartNextToTheCli) {
  ASSERT_TRUE(QFileInfo(qtPart()).isExecutable()) << qtPart().toStdString();
  const Result ldd = exec(QStringLiteral("ldd"), {qtPart()});
  EXPECT_TRUE(has(ldd.out, "libQt6Core")) << ldd.out;
  EXPECT_TRUE(has(ldd.out, "libQt6Sql")) << ldd.out;
  // It takes only what commitscope-cli hands it.
  const Result byHand = exec(qtPart(), {QStringLiteral("run"), scenario("2pc-happy.json")});
  EXPECT_EQ(byHand.code, 2);
  EXPECT_TRUE(has(byHand.err, "run by commitscope-cli")) << byHand.err;
}

TEST(CliSplit, PgLabArgumentsAreCheckedBeforeItsQtPartStarts) {
  const Result extra = cli({"pg-lab", "now"});
  EXPECT_EQ(extra.code, 2);
  EXPECT_TRUE(has(extra.err, "commitscope-cli: pg-lab takes no argument \"now\"\n")) << extra.err;
  const Result seed = cli({"pg-lab", "--seed", "3"});
  EXPECT_EQ(seed.code, 2);
  EXPECT_TRUE(has(seed.err, "commitscope-cli: --seed belongs to run, compare, not to pg-lab\n")) << seed.err;
}

TEST(CliSplit, PgLabWithoutItsQtPartExitsWith3NamingIt) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString alone = dir.filePath(QStringLiteral("commitscope-cli"));
  ASSERT_TRUE(QFile::copy(QStringLiteral(COMMITSCOPE_CLI), alone));
  const Result r = exec(alone, {QStringLiteral("pg-lab"), QStringLiteral("--json")});
  EXPECT_EQ(r.code, 3);
  EXPECT_TRUE(has(r.err, "commitscope-cli: pg-lab: cannot start " + dir.filePath(QStringLiteral("commitscope-cli-qt")).toStdString()))
      << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

// The option forms CLI11 reads (app/cli/main.cpp): "--name VALUE" and "--name=VALUE" after the
// command, the last of repeated values, "--" before a file; a number as the scenario file's rules
// read it.
TEST(CliSplit, OptionFormsAreReadAfterTheCommand) {
  const Result spaced = cli({"run", scenario("2pc-happy.json"), "--seed", "7"});
  ASSERT_EQ(spaced.code, 0) << spaced.err;
  for (const QStringList& args : {QStringList{"run", scenario("2pc-happy.json"), "--seed=7"},
                                  QStringList{"run", "--seed", "7", scenario("2pc-happy.json")},
                                  QStringList{"run", "--seed", "1", scenario("2pc-happy.json"), "--seed", "7"},
                                  QStringList{"run", "--seed", "7", "--", scenario("2pc-happy.json")}}) {
    const Result r = cli(args);
    EXPECT_EQ(r.code, 0) << args.join(' ').toStdString() << "\n" << r.err;
    EXPECT_EQ(sha_line(r.out), sha_line(spaced.out)) << args.join(' ').toStdString();
    EXPECT_TRUE(has(r.out, "seed 7") || has(r.out, "seed: 7")) << r.out.substr(0, 300);
  }
  EXPECT_NE(sha_line(cli({"run", scenario("2pc-happy.json"), "--seed", "8"}).out), sha_line(spaced.out));
  // "--" ends the options: what follows is an argument, here one too many.
  const Result dashes = cli({"run", scenario("2pc-happy.json"), "--", "--json"});
  EXPECT_EQ(dashes.code, 2);
  EXPECT_TRUE(has(dashes.err, "commitscope-cli: run: \"--json\" is one argument too many\n")) << dashes.err;
  // Numbers: no hexadecimal, no thousands separators.
  EXPECT_EQ(cli({"run", scenario("2pc-happy.json"), "--until-ms", "50"}).code, 0);
  const Result hex = cli({"run", scenario("2pc-happy.json"), "--until-ms", "0x10"});
  EXPECT_EQ(hex.code, 2);
  EXPECT_TRUE(has(hex.err, ", not \"0x10\"")) << hex.err;
}

// Every usage error is status 2 with one line that names the option (or command) and the problem,
// then the usage.
TEST(CliSplit, OptionErrorsNameTheOptionAndTheProblem) {
  const auto error = [](const QStringList& args) {
    const Result r = cli(args);
    EXPECT_EQ(r.code, 2) << args.join(' ').toStdString();
    EXPECT_TRUE(has(r.err, "\nusage: commitscope-cli run FILE")) << r.err;
    return r.err.substr(0, r.err.find('\n'));
  };
  const QString file = scenario("2pc-happy.json");
  EXPECT_EQ(error({"run", file, "--bogus"}), "commitscope-cli: unknown option --bogus for run");
  EXPECT_EQ(error({"run", file, "--seed"}), "commitscope-cli: run: --seed: 1 required N missing");
  EXPECT_EQ(error({"run", file, "--json=maybe"}), "commitscope-cli: run: Could not convert: --json = maybe");
  EXPECT_EQ(error({"run", file, "-json"}), "commitscope-cli: -json: unknown option; long options take two dashes (--json)");
  EXPECT_EQ(error({"--json", "run", file}), "commitscope-cli: --json: options come after the command (commitscope-cli run ... --json)");
  EXPECT_EQ(error({"frob", file}), "commitscope-cli: unknown command \"frob\"");
  EXPECT_EQ(error({"validate", file, "--long-run"}), "commitscope-cli: --long-run belongs to run, not to validate");
  EXPECT_EQ(error({"explore", file, "--seed", "3"}), "commitscope-cli: --seed belongs to run, compare, not to explore");
  EXPECT_EQ(error({"explore", file, "--max-crashes", "10"}), "commitscope-cli: explore: --max-crashes: Value 10 not in range 0 to 9");
  EXPECT_EQ(error({"explore", file, "--rms", "3"}), "commitscope-cli: explore: --rms requires --model");
  EXPECT_EQ(error({"explore", "--model", "tcommit", "--symmetry"}), "commitscope-cli: explore: --model excludes --symmetry");
  EXPECT_EQ(error({"protocols", "--json", "--markdown"}), "commitscope-cli: protocols: --json excludes --markdown");
  EXPECT_EQ(error({"compare", file, "--protocols", "2pc,,2pc"}), "commitscope-cli: --protocols names a protocol twice");
  EXPECT_EQ(error({"run"}), "commitscope-cli: run takes exactly one scenario file");
  // No command at all: the usage alone.
  const Result none = cli({});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.err.rfind("usage: commitscope-cli run FILE", 0), 0u) << none.err;
}

// --help: every command with its options, and the exit codes; a command's --help its options one by one.
TEST(CliSplit, HelpNamesEveryCommandItsOptionsAndTheExitCodes) {
  for (const char* form : {"--help", "-h"}) {
    const Result help = cli({form});
    EXPECT_EQ(help.code, 0);
    EXPECT_TRUE(help.err.empty()) << help.err;
    for (const char* words : {"usage: commitscope-cli run FILE [--seed N] [--until-ms T] [--json] [--trace OUT.jsonl] [--long-run]",
                              "commitscope-cli digest RUN.jsonl", "compare FILE --protocols P1,P2[,...]", "validate FILE_OR_DIR...",
                              "walk LESSON_OR_DIR...", "protocols [--json | --markdown]", "[--prune-covered] [--sent-set] [--inert-messages] [--json]",
                              "pg-lab [--json]", "Exit status: 0 done, 2 bad input", "3 pg-lab could not start PostgreSQL"})
      EXPECT_TRUE(has(help.out, words)) << words << "\n" << help.out;
  }
  const Result run = cli({"run", "--help"});
  EXPECT_EQ(run.code, 0);
  for (const char* words : {"--seed N", "--until-ms T", "--json", "--trace OUT.jsonl", "--long-run", "Exit status: 0 done"})
    EXPECT_TRUE(has(run.out, words)) << words << "\n" << run.out;
  const Result explore = cli({"explore", "--help"});
  for (const char* words : {"--model NAME", "--max-crashes N", "--max-rounds N", "--sent-set", "--profile", "--inert-messages"})
    EXPECT_TRUE(has(explore.out, words)) << words << "\n" << explore.out;
}

// The window reads files with the same rules as the CLI (input_read.hpp) and, untranslated, says
// the same words: what `run` prints for a refused file is the window's message.
TEST(CliSplit, TheWindowsReaderRefusesWhatTheCliRefusesInTheSameWords) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString fifo = dir.filePath(QStringLiteral("pipe.json"));
  ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
  const QString huge = dir.filePath(QStringLiteral("huge.json"));
  QFile f(huge);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  ASSERT_TRUE(f.resize(commitscope::kMaxInputFileBytes + 1));  // sparse
  f.close();
  for (const QString& path : {dir.path(), fifo, huge, dir.filePath(QStringLiteral("missing.json")), QStringLiteral("/dev/zero")}) {
    const commitscope::InputFile in = commitscope::readInputFile(path);
    ASSERT_FALSE(in.ok()) << path.toStdString();
    const Result r = cli({"run", path});
    EXPECT_EQ(r.code, 2);
    EXPECT_EQ(r.err, in.error.toStdString() + "\n");
  }
  EXPECT_TRUE(has(commitscope::readInputFile(huge).error.toStdString(), "more than the limit of 67108864 bytes (64 MiB)"));
  const commitscope::InputFile ok = commitscope::readInputFile(scenario("2pc-happy.json"));
  ASSERT_TRUE(ok.ok()) << ok.error.toStdString();
  QFile same(scenario("2pc-happy.json"));
  ASSERT_TRUE(same.open(QIODevice::ReadOnly));
  EXPECT_EQ(ok.bytes, same.readAll());
}

}  // namespace
