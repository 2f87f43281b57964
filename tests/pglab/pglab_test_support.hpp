// Shared by the PostgreSQL lab's tests: a QCoreApplication for Qt SQL, and the skip rule (only when
// PostgreSQL's programs or Qt's driver are missing, with the reason printed).
#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <gtest/gtest.h>

#include "pg_server.hpp"

namespace cs::pglab::test {

inline QCoreApplication& app() {
  static int argc = 1;
  static char name[] = "pglab_tests";
  static char* argv[] = {name, nullptr};
  static QCoreApplication instance(argc, argv);
  return instance;
}

// Empty when the lab can run here, else why not.
inline QString missing_postgres() {
  app();
  if (!find_pg_binaries().found()) return QStringLiteral("PostgreSQL (initdb, pg_ctl) is not installed: ") + install_hint();
  if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) return QStringLiteral("Qt's QPSQL driver is missing: ") + install_hint();
  return {};
}

}  // namespace cs::pglab::test

#define PGLAB_SKIP_WITHOUT_POSTGRES()                                                         \
  do {                                                                                        \
    const QString why_ = cs::pglab::test::missing_postgres();                                 \
    if (!why_.isEmpty()) {                                                                    \
      std::printf("pglab_tests: skipped: %s\n", qPrintable(why_));                            \
      GTEST_SKIP() << why_.toStdString();                                                     \
    }                                                                                         \
  } while (false)
