#include "app_startup.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>

#include <clocale>
#include <cmath>
#include <limits>
#include <string>
#include <cstdio>

#include "lab_controller.hpp"
#include "language.hpp"
#include "lesson_session.hpp"
#include "main_window.hpp"
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

std::optional<StartupOptions> parseCommandLine(const QCoreApplication& app, QString* error) {
  QCommandLineParser p;
  p.setApplicationDescription(QCoreApplication::translate(
      "Startup", "CommitScope: a laboratory for distributed transactions (two-phase commit and more)."));
  p.addHelpOption();
  p.addVersionOption();
  const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                      QCoreApplication::translate("Startup", "Render the window offscreen to a PNG file and exit."),
                                      QStringLiteral("FILE"));
  const QCommandLineOption lang(QStringLiteral("lang"), QCoreApplication::translate("Startup", "Interface language: en or zh-TW."),
                                QStringLiteral("LANG"));
  const QCommandLineOption projectorOpt(QStringLiteral("projector"),
                                        QCoreApplication::translate("Startup", "Start in projector mode."));
  const QCommandLineOption scenario(QStringLiteral("scenario"),
                                    QCoreApplication::translate("Startup", "Open this scenario file instead of the default."),
                                    QStringLiteral("FILE"));
  const QCommandLineOption at(QStringLiteral("at-ms"),
                              QCoreApplication::translate("Startup", "Advance the run to this virtual time (ms) before showing it."),
                              QStringLiteral("T"));
  const QCommandLineOption size(QStringLiteral("size"), QCoreApplication::translate("Startup", "Window size, e.g. 1600x1000."),
                                QStringLiteral("WxH"));
  const QCommandLineOption seed(QStringLiteral("seed"), QCoreApplication::translate("Startup", "Override the scenario's seed."),
                                QStringLiteral("N"));
  const QCommandLineOption profile(QStringLiteral("profile"),
                                   QCoreApplication::translate("Startup", "Keep settings in this directory instead of the user's."),
                                   QStringLiteral("DIR"));
  const QCommandLineOption lessonOpt(QStringLiteral("lesson"),
                                    QCoreApplication::translate("Startup", "Open this lesson (a lesson id such as 07-two-phase-commit, or a lesson file)."),
                                    QStringLiteral("LESSON"));
  const QCommandLineOption lessonStep(QStringLiteral("lesson-step"),
                                      QCoreApplication::translate("Startup", "Go to this step of the lesson (1 = first), completing the steps before it."),
                                      QStringLiteral("N"));
  const QCommandLineOption teacher(QStringLiteral("teacher"), QCoreApplication::translate("Startup", "Start in teacher mode."));
  const QCommandLineOption lessonsDir(QStringLiteral("lessons"),
                                      QCoreApplication::translate("Startup", "Read the lesson list from this directory instead of the bundled lessons."),
                                      QStringLiteral("DIR"));
  p.addOptions({screenshot, lang, projectorOpt, scenario, at, size, seed, profile, lessonOpt, lessonStep, teacher, lessonsDir});
  p.process(app);  // --help and --version exit here

  StartupOptions o;
  o.screenshot = p.value(screenshot);
  o.projector = p.isSet(projectorOpt);
  o.scenario = p.value(scenario);
  o.profile = p.value(profile);
  o.lesson = p.value(lessonOpt);
  o.teacher = p.isSet(teacher);
  o.lessonsDir = p.value(lessonsDir);
  if (p.isSet(lessonStep)) {
    bool ok = false;
    const int v = p.value(lessonStep).toInt(&ok);
    if (!ok || v < 1) {
      *error = QCoreApplication::translate("Startup", "--lesson-step: \"%1\" is not a step number (1 or more)").arg(p.value(lessonStep));
      return std::nullopt;
    }
    if (o.lesson.isEmpty()) {
      *error = QCoreApplication::translate("Startup", "--lesson-step needs --lesson");
      return std::nullopt;
    }
    o.lessonStep = v;
  }
  if (p.isSet(lang)) {
    o.language = language::normalize(p.value(lang));
    if (o.language.isEmpty()) {
      *error = QCoreApplication::translate("Startup", "--lang: unknown language \"%1\" (use en or zh-TW)").arg(p.value(lang));
      return std::nullopt;
    }
  }
  if (p.isSet(at)) {
    bool ok = false;
    const double v = p.value(at).toDouble(&ok);
    // At most the longest run a scenario may have: beyond it the time has no integer µs value.
    if (!ok || !(v >= 0 && v <= cs::kMaxUntilMs)) {
      *error = QCoreApplication::translate("Startup", "--at-ms: \"%1\" is not a time in milliseconds").arg(p.value(at));
      return std::nullopt;
    }
    o.at_ms = v;
  }
  if (p.isSet(size)) {
    static const QRegularExpression re(QStringLiteral("^(\\d{2,5})[xX](\\d{2,5})$"));
    const auto m = re.match(p.value(size));
    if (!m.hasMatch()) {
      *error = QCoreApplication::translate("Startup", "--size: \"%1\" is not WIDTHxHEIGHT, e.g. 1600x1000").arg(p.value(size));
      return std::nullopt;
    }
    o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
  }
  if (p.isSet(seed)) {
    // The rule of "seed" in a scenario file and of the CLI's --seed (engine/scenario/number_rules.hpp).
    const std::string text = p.value(seed).toStdString();
    const cs::WholeNumber v = cs::read_whole_number(std::string_view(text));
    if (v.problem == cs::WholeNumber::Problem::TooLarge) {
      *error = QCoreApplication::translate("Startup", "--seed: \"%1\" is too large; the largest seed is %2")
                   .arg(p.value(seed))
                   .arg(std::numeric_limits<quint64>::max());
      return std::nullopt;
    }
    if (v.problem != cs::WholeNumber::Problem::None) {
      *error = QCoreApplication::translate("Startup", "--seed: \"%1\" is not a non-negative integer").arg(p.value(seed));
      return std::nullopt;
    }
    o.seed = v.value;
  }
  return o;
}

int runApplication(int argc, char** argv) {
  QElapsedTimer startup;
  startup.start();
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

  // The scenario: the given file, else the embedded default (else the controller's built-in one).
  if (!opts->scenario.isEmpty()) {
    QString problem;
    if (!window.openFile(opts->scenario, false, &problem)) {
      printErr(problem);
      return 2;
    }
  } else if (QFile::exists(defaultScenarioPath())) {
    window.openFile(defaultScenarioPath(), false);
  }
  if (opts->seed) {
    cs::Scenario s = controller.scenario();
    s.seed = *opts->seed;
    controller.setScenario(s);
  }
  printOut(QStringLiteral("seed: %1").arg(controller.scenario().seed));
  if (opts->at_ms) controller.seekTime(static_cast<cs::Time>(std::llround(*opts->at_ms * 1000.0)));

  // Progress: the --profile directory, else the user's data directory. A documentation screenshot
  // without --profile records nothing (it must not add attempts to the user's progress).
  if (!screenshotMode || !opts->profile.isEmpty()) window.openProgress(opts->profile, !screenshotMode);
  if (!opts->lessonsDir.isEmpty()) window.setLessonDirectory(opts->lessonsDir);
  if (opts->teacher) window.setTeacherMode(true);
  if (!opts->lesson.isEmpty()) {
    QString problem;
    if (!window.startLesson(opts->lesson, false, &problem)) {
      printErr(problem);
      return 2;
    }
    if (opts->lessonStep) {
      LessonSession* session = window.lessonSession();
      const int step = std::min(*opts->lessonStep, session->stepCount()) - 1;
      // Like a teacher's jump: the steps before are completed with their own solutions.
      const bool wasTeacher = session->teacherMode();
      session->setTeacherMode(true);
      session->jumpTo(step);
      session->setTeacherMode(wasTeacher);
      session->skipAnimation();
    }
  }

  const bool projectorOn = opts->projector || (!screenshotMode && QSettings().value(QStringLiteral("ui/projector")).toBool());
  if (opts->size.isValid()) window.resize(opts->size);

  if (screenshotMode) {
    if (projectorOn) window.setProjectorMode(true, false);
    window.show();
    // Let layouts, fonts and the views' first paint settle before grabbing.
    for (int i = 0; i < 5; ++i) QApplication::processEvents();
    if (opts->size.isValid() && window.size() != opts->size) window.resize(opts->size);
    QApplication::processEvents();
    const QImage image = window.grab().toImage();
    if (!image.save(opts->screenshot, "PNG")) {
      printErr(QCoreApplication::translate("Startup", "%1: cannot write the screenshot").arg(opts->screenshot));
      return 2;
    }
    return 0;
  }

  window.show();
  if (projectorOn) window.setProjectorMode(true, true);
  QTimer::singleShot(0, &window, [&startup] {
    if (qEnvironmentVariableIsSet("COMMITSCOPE_STARTUP_TIMING"))
      printOut(QStringLiteral("startup: first paint after %1 ms").arg(startup.elapsed()));
  });
  return QApplication::exec();
}

}  // namespace commitscope
