// commitscope-cli against hostile input (issue 14): special files and oversized files are refused at
// once with the file name (and the limit), long one-line files load, command-line numbers follow the
// same rules as files, and output does not depend on the locale.
#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <sys/stat.h>
#include <sys/types.h>

#include <string>

#include "input_file.hpp"

namespace {

struct Result {
  int code = -1;
  std::string out;
  std::string err;
  bool timed_out = false;
};

// Runs the CLI with a time guard: a refusal must come at once, not after the file was read (or
// never, for a FIFO without a writer).
Result cli(const QStringList& args, int timeout_ms = 20'000,
           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment()) {
  QProcess p;
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(COMMITSCOPE_CLI), args);
  Result r;
  if (!p.waitForFinished(timeout_ms)) {
    p.kill();
    p.waitForFinished();
    r.timed_out = true;
    return r;
  }
  r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
  r.out = p.readAllStandardOutput().toStdString();
  r.err = p.readAllStandardError().toStdString();
  return r;
}

bool has(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

TEST(CliInput, FifoIsRefusedAtOnce) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString fifo = dir.filePath(QStringLiteral("pipe.json"));
  ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
  for (const char* command : {"validate", "run", "walk"}) {
    const Result r = cli({QString::fromLatin1(command), fifo}, 10'000);
    ASSERT_FALSE(r.timed_out) << command << " blocked on the FIFO";
    EXPECT_EQ(r.code, 2) << command;
    EXPECT_TRUE(has(r.err, fifo.toStdString() + ": is a named pipe (FIFO)")) << r.err;
  }
}

TEST(CliInput, DevZeroIsRefusedWithoutReadingIt) {
  const Result r = cli({"validate", "/dev/zero"}, 10'000);
  ASSERT_FALSE(r.timed_out) << "read /dev/zero";
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, "/dev/zero: is a device, not a regular file")) << r.err;
}

TEST(CliInput, DirectoryGivenToRunIsRefused) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const Result r = cli({"run", dir.path()});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, dir.path().toStdString() + ": is a directory")) << r.err;
}

TEST(CliInput, FileOverTheLimitIsRefusedNamingTheLimit) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString big = dir.filePath(QStringLiteral("big.json"));
  QFile f(big);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  ASSERT_TRUE(f.resize(commitscope::kMaxInputFileBytes + 1));  // sparse: costs no disk, no time
  f.close();
  const Result r = cli({"validate", big}, 10'000);
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, big.toStdString() + ": the file is 67108865 bytes, more than the limit of 67108864 bytes (64 MiB)"))
      << r.err;
}

// A valid scenario of a few MB on one line: under the limit, so it is read, and the loader is linear
// (it used to take minutes on such a line).
TEST(CliInput, LongOneLineScenarioUnderTheLimitValidates) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  std::string text = R"({"protocol": "2pc", "params": {"participants": 3}, "faults": [)";
  for (int i = 0; i < 60'000; ++i) text += (i ? "," : "") + std::string(R"({"at_ms": 5, "crash": "P1"})");
  text += "]}";
  const QString path = dir.filePath(QStringLiteral("long.json"));
  QFile f(path);
  ASSERT_TRUE(f.open(QIODevice::WriteOnly));
  ASSERT_EQ(f.write(text.data(), static_cast<qint64>(text.size())), static_cast<qint64>(text.size()));
  f.close();
  const Result r = cli({"validate", path}, 120'000);
  ASSERT_FALSE(r.timed_out);
  EXPECT_EQ(r.code, 0) << r.err.substr(0, 500);
  EXPECT_TRUE(has(r.out, "ok " + path.toStdString())) << r.out;
}

// ---- numbers on the command line follow the rules of the file ----

QString happy() { return QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/2pc-happy.json"); }

TEST(CliInput, SeedMinusZeroIsZero) {
  const Result r = cli({"run", happy(), "--json", "--seed", "-0"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "\"seed\": 0")) << r.out.substr(0, 300);
}

TEST(CliInput, SeedTwoToThe64IsTooLarge) {
  const Result r = cli({"run", happy(), "--seed", "18446744073709551616"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, "--seed is too large: the largest is 18446744073709551615")) << r.err;
  EXPECT_EQ(cli({"run", happy(), "--seed", "18446744073709551615"}).code, 0);
}

TEST(CliInput, UntilBelowOneMicrosecondIsRefusedAsInAFile) {
  const Result r = cli({"run", happy(), "--until-ms", "1e-9"});
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, "--until-ms must be between 0.001")) << r.err;
  EXPECT_EQ(cli({"run", happy(), "--until-ms", "0.001"}).code, 0);
}

// ---- locale ----

// A German locale, generated into a temporary directory when the system has none (needs the
// `locales` package's sources, which scripts/setup installs); empty LOCPATH = the system has it.
bool germanLocale(const QTemporaryDir& dir, QString* locpath) {
  QProcess check;
  check.start(QStringLiteral("locale"), {QStringLiteral("-a")});
  check.waitForFinished();
  const QString all = QString::fromLocal8Bit(check.readAllStandardOutput());
  if (all.contains(QStringLiteral("de_DE.utf8"), Qt::CaseInsensitive)) return true;
  const QString out = dir.filePath(QStringLiteral("de_DE.UTF-8"));
  QProcess def;
  def.start(QStringLiteral("localedef"), {QStringLiteral("-i"), QStringLiteral("de_DE"), QStringLiteral("-f"),
                                          QStringLiteral("UTF-8"), out});
  if (!def.waitForFinished(60'000) || !QDir(out).exists()) return false;
  *locpath = dir.path();
  return true;
}

// Qt's application object sets the C locale from the environment; "%.3f" then printed "5,340 ms".
TEST(CliInput, OutputIsTheSameInAGermanLocale) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QString locpath;
  if (!germanLocale(dir, &locpath)) GTEST_SKIP() << "no de_DE.UTF-8 locale and localedef could not make one";
  QProcessEnvironment c = QProcessEnvironment::systemEnvironment();
  c.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
  QProcessEnvironment de = QProcessEnvironment::systemEnvironment();
  de.insert(QStringLiteral("LC_ALL"), QStringLiteral("de_DE.UTF-8"));
  if (!locpath.isEmpty()) de.insert(QStringLiteral("LOCPATH"), locpath);

  const QString lessons = QStringLiteral(COMMITSCOPE_SOURCE_DIR "/lessons");
  const QString traceC = dir.filePath(QStringLiteral("c.jsonl"));
  const QString traceDe = dir.filePath(QStringLiteral("de.jsonl"));
  const QString scenario = QStringLiteral(COMMITSCOPE_SOURCE_DIR "/resources/scenarios/2pc-workload.json");
  const Result walkC = cli({"walk", lessons}, 120'000, c);
  const Result walkDe = cli({"walk", lessons}, 120'000, de);
  ASSERT_FALSE(walkC.out.empty());
  // The test means something only if some time has a fraction.
  EXPECT_TRUE(QRegularExpression(QStringLiteral("\\d\\.\\d{3} ms")).match(QString::fromStdString(walkC.out)).hasMatch());
  EXPECT_EQ(walkDe.out, walkC.out);
  EXPECT_EQ(walkDe.code, walkC.code);
  for (const bool json : {false, true}) {
    QStringList args{QStringLiteral("run"), scenario};
    if (json) args << QStringLiteral("--json");
    const Result runC = cli(args + QStringList{QStringLiteral("--trace"), traceC}, 60'000, c);
    const Result runDe = cli(args + QStringList{QStringLiteral("--trace"), traceDe}, 60'000, de);
    ASSERT_EQ(runC.code, 0) << runC.err;
    // Everything but the line naming the trace file (whose name differs) is byte for byte the same.
    std::string outDe = runDe.out;
    const std::string nameDe = traceDe.toStdString(), nameC = traceC.toStdString();
    if (const auto at = outDe.find(nameDe); at != std::string::npos) outDe.replace(at, nameDe.size(), nameC);
    EXPECT_EQ(outDe, runC.out);
    QFile a(traceC), b(traceDe);
    ASSERT_TRUE(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    EXPECT_TRUE(a.readAll() == b.readAll());
  }
}

}  // namespace
