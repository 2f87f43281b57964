// GoogleTest main for the GUI tests: one QApplication per test process (gtest_discover_tests runs
// every test in its own process), English, Fusion style, and settings in a throw-away directory so
// that no test reads or writes the user's preferences.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

#include <clocale>

#include "language.hpp"
#include "projector_style.hpp"

int main(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication::setOrganizationName(QStringLiteral("CommitScopeTests"));
  QApplication::setApplicationName(QStringLiteral("gui_tests"));
  QApplication app(argc, argv);
  std::setlocale(LC_NUMERIC, "C");  // as the application's own main does (app_startup.cpp)
  QApplication::setStyle(projector::createStyle());
  QTemporaryDir settingsDir;
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
  projector::captureDefaults();
  language::apply(QStringLiteral("en"), false);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
