// Start-up of the `commitscope` executable: command line, settings location, language, the default
// scenario, projector mode, and the --screenshot mode that renders the window offscreen and exits.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <optional>

class QCoreApplication;

namespace commitscope {

struct StartupOptions {
  QString screenshot;       // write a PNG of the window and exit
  QString language;         // "en" / "zh_TW" (normalised), empty: settings or system
  bool projector = false;   // --projector (else: settings)
  QString scenario;         // empty: the embedded default
  std::optional<double> at_ms;
  QSize size;               // invalid: default
  std::optional<quint64> seed;
  QString profile;          // settings and progress directory (tests, shared lab PCs)
  QString lesson;           // --lesson ID|FILE: open this lesson at start
  std::optional<int> lessonStep;  // --lesson-step N (1-based): go to that step (as teacher mode does)
  bool teacher = false;     // --teacher
  QString lessonsDir;       // --lessons DIR: read the lesson list from DIR instead of the bundled one
  QStringList compare;      // --compare P1,P2: open the side-by-side window (the screenshot shows it)
};

// Parses the command line of `app`; on a usage error returns nullopt and fills `error`.
std::optional<StartupOptions> parseCommandLine(const QCoreApplication& app, QString* error);

// The whole program: creates the QApplication, runs the window (or takes the screenshot) and
// returns the exit code (0 ok, 2 bad arguments or scenario).
int runApplication(int argc, char** argv);

// Resource path of the scenario opened when none is given.
QString defaultScenarioPath();

}  // namespace commitscope
