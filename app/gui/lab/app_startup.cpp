#include "app_startup.hpp"

#include <QScreen>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHashFunctions>
#include <QImage>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QEventLoop>
#include <QTimer>

#include <clocale>
#include <cmath>
#include <limits>
#include <string>
#include <cstdio>

#include "compare_lab.hpp"
#include "handout_export.hpp"
#include "compare_window.hpp"
#include "lab_controller.hpp"
#include "language.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
#include "pg_lab_panel.hpp"
#include "projector_style.hpp"
#include "scenario/number_rules.hpp"

namespace commitscope {
namespace {

void printErr(const QString& s) {
  const QByteArray b = s.toLocal8Bit();
  std::fwrite(b.constData(), 1, static_cast<std::size_t>(b.size()), stderr);
  std::fputc('\n', stderr);
}

void printOut(const QString& s) {
  const QByteArray b = s.toLocal8Bit();
  std::fwrite(b.constData(), 1, static_cast<std::size_t>(b.size()), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

}  // namespace

QString defaultScenarioPath() { return QStringLiteral(":/scenarios/default.json"); }

namespace {

// Marked for lupdate with QT_TRANSLATE_NOOP where used.
QString startupText(const char* text) { return QCoreApplication::translate("Startup", text); }

// The command line's options, declared once (their help texts are what --help prints).
struct Options {
  QCommandLineOption screenshot{QStringLiteral("screenshot"), startupText(QT_TRANSLATE_NOOP("Startup", "Render the window offscreen to a file and exit: PNG, or SVG or PDF (text stays text) by the extension .svg or .pdf.")), QStringLiteral("FILE")};
  QCommandLineOption lang{QStringLiteral("lang"), startupText(QT_TRANSLATE_NOOP("Startup", "Interface language: en or zh-TW.")), QStringLiteral("LANG")};
  QCommandLineOption projector{QStringLiteral("projector"), startupText(QT_TRANSLATE_NOOP("Startup", "Start in projector mode."))};
  QCommandLineOption scenario{QStringLiteral("scenario"), startupText(QT_TRANSLATE_NOOP("Startup", "Open this scenario file instead of the default.")), QStringLiteral("FILE")};
  QCommandLineOption at{QStringLiteral("at-ms"), startupText(QT_TRANSLATE_NOOP("Startup", "Advance the run to this virtual time (ms) before showing it.")), QStringLiteral("T")};
  QCommandLineOption size{QStringLiteral("size"), startupText(QT_TRANSLATE_NOOP("Startup", "Window size, e.g. 1600x1000.")), QStringLiteral("WxH")};
  QCommandLineOption seed{QStringLiteral("seed"), startupText(QT_TRANSLATE_NOOP("Startup", "Override the scenario's seed.")), QStringLiteral("N")};
  QCommandLineOption profile{QStringLiteral("profile"), startupText(QT_TRANSLATE_NOOP("Startup", "Keep settings in this directory instead of the user's.")), QStringLiteral("DIR")};
  QCommandLineOption lesson{QStringLiteral("lesson"), startupText(QT_TRANSLATE_NOOP("Startup", "Open this lesson (a lesson id such as 07-two-phase-commit, or a lesson file).")), QStringLiteral("LESSON")};
  QCommandLineOption lessonStep{QStringLiteral("lesson-step"), startupText(QT_TRANSLATE_NOOP("Startup", "Go to this step of the lesson (1 = first), completing the steps before it.")), QStringLiteral("N")};
  QCommandLineOption teacher{QStringLiteral("teacher"), startupText(QT_TRANSLATE_NOOP("Startup", "Start in teacher mode."))};
  QCommandLineOption compare{QStringLiteral("compare"), startupText(QT_TRANSLATE_NOOP("Startup", "Open File > Compare protocols with these protocols (comma-separated, 2 to 4), e.g. 2pc,saga-orchestration; a --screenshot is then of that window.")), QStringLiteral("LIST")};
  QCommandLineOption lessonsDir{QStringLiteral("lessons"), startupText(QT_TRANSLATE_NOOP("Startup", "Read the lesson list from this directory instead of the bundled lessons.")), QStringLiteral("DIR")};
};

// Each reads one option's value into `o`, or says what is wrong with it in `error`.
bool readLessonStep(const QString& text, StartupOptions& o, QString* error) {
  bool ok = false;
  const int v = text.toInt(&ok);
  if (!ok || v < 1) {
    *error = startupText(QT_TRANSLATE_NOOP("Startup", "--lesson-step: \"%1\" is not a step number (1 or more)")).arg(text);
    return false;
  }
  if (o.lesson.isEmpty()) {
    *error = startupText(QT_TRANSLATE_NOOP("Startup", "--lesson-step needs --lesson"));
    return false;
  }
  o.lessonStep = v;
  return true;
}

bool readAtMs(const QString& text, StartupOptions& o, QString* error) {
  bool ok = false;
  const double v = text.toDouble(&ok);
  // At most the longest run a scenario may have: beyond it the time has no integer µs value.
  if (!ok || !(v >= 0 && v <= cs::kMaxUntilMs)) {
    *error = startupText(QT_TRANSLATE_NOOP("Startup", "--at-ms: \"%1\" is not a time in milliseconds")).arg(text);
    return false;
  }
  o.at_ms = v;
  return true;
}

bool readSize(const QString& text, StartupOptions& o, QString* error) {
  static const QRegularExpression re(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
  const auto m = re.match(text);
  if (!m.hasMatch()) {
    *error = startupText(QT_TRANSLATE_NOOP("Startup", "--size: \"%1\" is not WIDTHxHEIGHT, e.g. 1600x1000")).arg(text);
    return false;
  }
  o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
  return true;
}

bool readSeed(const QString& text, StartupOptions& o, QString* error) {
  // The rule of "seed" in a scenario file and of the CLI's --seed (engine/scenario/number_rules.hpp).
  const std::string s = text.toStdString();
  const cs::WholeNumber v = cs::read_whole_number(std::string_view(s));
  if (v.problem == cs::WholeNumber::Problem::TooLarge) {
    *error = startupText(QT_TRANSLATE_NOOP("Startup", "--seed: \"%1\" is too large; the largest seed is %2")).arg(text).arg(std::numeric_limits<quint64>::max());
    return false;
  }
  if (v.problem != cs::WholeNumber::Problem::None) {
    *error = startupText(QT_TRANSLATE_NOOP("Startup", "--seed: \"%1\" is not a non-negative integer")).arg(text);
    return false;
  }
  o.seed = v.value;
  return true;
}

}  // namespace

std::optional<StartupOptions> parseCommandLine(const QCoreApplication& app, QString* error) {
  QCommandLineParser p;
  p.setApplicationDescription(startupText(QT_TRANSLATE_NOOP("Startup", "CommitScope: a laboratory for distributed transactions (two-phase commit and more).")));
  p.addHelpOption();
  p.addVersionOption();
  const Options opt;
  p.addOptions({opt.screenshot, opt.lang, opt.projector, opt.scenario, opt.at, opt.size, opt.seed, opt.profile, opt.lesson,
                opt.lessonStep, opt.teacher, opt.lessonsDir, opt.compare});
  p.process(app);  // --help and --version exit here

  StartupOptions o;
  o.screenshot = p.value(opt.screenshot);
  o.projector = p.isSet(opt.projector);
  o.scenario = p.value(opt.scenario);
  o.profile = p.value(opt.profile);
  o.lesson = p.value(opt.lesson);
  o.teacher = p.isSet(opt.teacher);
  o.lessonsDir = p.value(opt.lessonsDir);
  o.compare = p.value(opt.compare).split(QLatin1Char(','), Qt::SkipEmptyParts);
  if (p.isSet(opt.lang)) {
    o.language = language::normalize(p.value(opt.lang));
    if (o.language.isEmpty()) {
      *error = startupText(QT_TRANSLATE_NOOP("Startup", "--lang: unknown language \"%1\" (use en or zh-TW)")).arg(p.value(opt.lang));
      return std::nullopt;
    }
  }
  if (p.isSet(opt.lessonStep) && !readLessonStep(p.value(opt.lessonStep), o, error)) return std::nullopt;
  if (p.isSet(opt.at) && !readAtMs(p.value(opt.at), o, error)) return std::nullopt;
  if (p.isSet(opt.size) && !readSize(p.value(opt.size), o, error)) return std::nullopt;
  if (p.isSet(opt.seed) && !readSeed(p.value(opt.seed), o, error)) return std::nullopt;
  return o;
}

namespace {

// The scenario: the given file, else the embedded default (else the controller's built-in one);
// then --seed and --at-ms. False (and a message on stderr) when the file cannot be opened.
bool openStartScenario(const StartupOptions& opts, LabController& controller, MainWindow& window) {
  if (!opts.scenario.isEmpty()) {
    QString problem;
    if (!window.openFile(opts.scenario, false, &problem)) {
      printErr(problem);
      return false;
    }
  } else if (QFile::exists(defaultScenarioPath())) {
    window.openFile(defaultScenarioPath(), false);
  }
  if (opts.seed) {
    cs::Scenario s = controller.scenario();
    s.seed = *opts.seed;
    controller.setScenario(s);
  }
  printOut(QStringLiteral("seed: %1").arg(controller.scenario().seed));
  if (opts.at_ms) controller.seekTime(static_cast<cs::Time>(std::llround(*opts.at_ms * 1000.0)));
  return true;
}

// --lesson (and --lesson-step): false (and a message on stderr) when the lesson cannot be started.
bool startLessonAt(const StartupOptions& opts, MainWindow& window) {
  QString problem;
  if (!window.startLesson(opts.lesson, false, &problem)) {
    printErr(problem);
    return false;
  }
  if (!opts.lessonStep) return true;
  LessonSession* session = window.lessonSession();
  const int step = std::min(*opts.lessonStep, session->stepCount()) - 1;
  // Like a teacher's jump: the steps before are completed with their own solutions.
  const bool wasTeacher = session->teacherMode();
  session->setTeacherMode(true);
  session->jumpTo(step);
  session->setTeacherMode(wasTeacher);
  session->skipAnimation();
  return true;
}

// --compare: the side-by-side window at --at-ms (its panes start at 0 ms), sized like the main one.
QWidget* openCompareAt(const StartupOptions& opts, MainWindow& window) {
  QString error;
  CompareWindow* cw = window.openCompare(opts.compare, false, &error);
  if (!cw) {
    printErr(startupText(QT_TRANSLATE_NOOP("Startup", "--compare: %1")).arg(error));
    return nullptr;
  }
  if (opts.size.isValid()) cw->resize(opts.size);
  if (opts.at_ms) cw->lab()->seekTime(static_cast<cs::Time>(std::llround(*opts.at_ms * 1000.0)));
  return cw;
}

int takeScreenshot(const StartupOptions& opts, MainWindow& window, bool projectorOn) {
  if (projectorOn) window.setProjectorMode(true, false);
  window.show();
  QWidget* target = &window;
  if (!opts.compare.isEmpty()) target = openCompareAt(opts, window);
  if (!target) return 2;
  // Let layouts, fonts and the views' first paint settle before grabbing.
  for (int i = 0; i < 5; ++i) QApplication::processEvents();
  if (opts.size.isValid() && target->size() != opts.size) target->resize(opts.size);
  QApplication::processEvents();
  // Lesson 18 runs real SQL in the background: show the lab where the step is, not half-way.
  if (auto* pglab = window.findChild<PgLabPanel*>(); pglab && pglab->busy()) {
    QEventLoop wait;
    QObject::connect(pglab, &PgLabPanel::idle, &wait, &QEventLoop::quit);
    QTimer::singleShot(90000, &wait, &QEventLoop::quit);
    wait.exec();
    QApplication::processEvents();
  }
  // .svg and .pdf repaint the window through a vector engine (text stays text); anything else is PNG.
  const auto format = handout::formatOf(opts.screenshot);
  if (format == handout::Format::Svg || format == handout::Format::Pdf) {
    QString error;
    if (!handout::writeWidget(target, opts.screenshot, target->windowTitle(), &error)) {
      printErr(error);
      return 2;
    }
    return 0;
  }
  const QImage image = target->grab().toImage();
  if (!image.save(opts.screenshot, "PNG")) {
    printErr(startupText(QT_TRANSLATE_NOOP("Startup", "%1: cannot write the screenshot")).arg(opts.screenshot));
    return 2;
  }
  return 0;
}

}  // namespace

namespace {

// `commitscope --help` over ssh, or a documentation script taking `--screenshot` on a machine with
// no display, used to die in QApplication ("could not connect to display") before the command line
// was read. Neither needs a window system: help and version only print, and a screenshot renders
// offscreen anyway. So, when the user has not chosen a platform, those runs get Qt's offscreen one
// (a screenshot only when there is no display, so that one taken on a desktop stays as it was).
bool wantsOffscreenPlatform(int argc, char** argv) {
  if (!qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) return false;
  const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
  for (int i = 1; i < argc; ++i) {
    const QByteArray a(argv[i]);
    if (a == "--") break;  // what follows is not an option
    if (a == "-h" || a == "--help" || a == "-?" || a == "--help-all" || a == "-v" || a == "--version") return true;
    if (noDisplay && (a == "--screenshot" || a == "-screenshot" || a.startsWith("--screenshot=") || a.startsWith("-screenshot=")))
      return true;
  }
  return false;
}

}  // namespace

int runApplication(int argc, char** argv) {
  QElapsedTimer startup;
  startup.start();
  if (wantsOffscreenPlatform(argc, argv)) qputenv("QT_QPA_PLATFORM", "offscreen");
  // Hash order decides the order fonts are embedded in a PDF: a fixed seed makes the same run's
  // handout the same bytes (nothing here hashes input from the network).
  QHashSeed::setDeterministicGlobalSeed();
  QApplication::setOrganizationName(QStringLiteral("CommitScope"));
  QApplication::setApplicationName(QStringLiteral("CommitScope"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
  QApplication app(argc, argv);
  // QApplication sets the C locale from the environment. What the program writes for machines (saved
  // scenarios, traces, CSV, the --screenshot lines) must not get "5,3" for 5.3 under de_DE, and C
  // library calls that parse or print numbers must agree with those files: numbers stay "C". Texts
  // for people are formatted with QLocale, which this does not touch.
  std::setlocale(LC_NUMERIC, "C");
  QApplication::setStyle(projector::createStyle());

  QString error;
  const auto opts = parseCommandLine(app, &error);
  if (!opts) {
    printErr(error);
    return 2;
  }
  if (!opts->profile.isEmpty()) {
    QDir().mkpath(opts->profile);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, opts->profile);
  }
  const bool screenshotMode = !opts->screenshot.isEmpty();
  projector::captureDefaults();
  // --lang applies to this start only when taking a screenshot (a documentation run must not change
  // the user's choice); otherwise it is remembered like a menu choice.
  language::apply(opts->language.isEmpty() ? language::initial() : opts->language, !screenshotMode);

  LabController controller;
  MainWindow window(&controller);
  if (!openStartScenario(*opts, controller, window)) return 2;
  // Progress: the --profile directory, else the user's data directory. A documentation screenshot
  // without --profile records nothing (it must not add attempts to the user's progress).
  if (!screenshotMode || !opts->profile.isEmpty()) window.openProgress(opts->profile, !screenshotMode);
  if (!opts->lessonsDir.isEmpty()) window.setLessonDirectory(opts->lessonsDir);
  if (opts->teacher) window.setTeacherMode(true);
  if (!opts->lesson.isEmpty() && !startLessonAt(*opts, window)) return 2;

  const bool projectorOn = opts->projector || (!screenshotMode && QSettings().value(QStringLiteral("ui/projector")).toBool());
  // --projector is remembered like the menu's toggle, as --lang is, except for a screenshot (a
  // documentation run must not change the user's choice; MainWindow::setProjectorMode stores nothing).
  if (opts->projector && !screenshotMode) QSettings().setValue(QStringLiteral("ui/projector"), true);
  if (opts->size.isValid()) window.resize(opts->size);
  if (screenshotMode) return takeScreenshot(*opts, window, projectorOn);
  // The default 1440x900 (or a size saved on a bigger monitor) must not run off a 1280x720 laptop
  // or projector screen: a window manager may not shrink it, and then the lesson's buttons are lost.
  if (!opts->size.isValid() && window.screen())
    window.resize(window.size().boundedTo(window.screen()->availableGeometry().size()));

  window.show();
  if (projectorOn) window.setProjectorMode(true, true);
  QTimer::singleShot(0, &window, [&startup] {
    if (qEnvironmentVariableIsSet("COMMITSCOPE_STARTUP_TIMING"))
      printOut(QStringLiteral("startup: first paint after %1 ms").arg(startup.elapsed()));
  });
  return QApplication::exec();
}

}  // namespace commitscope
