#include "data_paths.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#ifndef COMMITSCOPE_DATA_FROM_BIN
#define COMMITSCOPE_DATA_FROM_BIN "../share/commitscope"
#endif

namespace datapaths {
namespace {

// `sub` of the installed data directory when it is there, else the built-in resource folder.
QString installedOr(const QString& sub, const QString& builtIn) {
  const QString root = installedDataDir();
  if (!root.isEmpty() && QFileInfo(QDir(root).filePath(sub)).isDir()) return QDir(root).filePath(sub);
  return builtIn;
}

}  // namespace

QString installedDataDir() {
  if (!QCoreApplication::instance()) return {};
  // The relative path is CMake's (GNUInstallDirs: from CMAKE_INSTALL_BINDIR to DATADIR/commitscope),
  // so a relocated prefix (DESTDIR, a copied tree) still finds it. The marker file tells an install
  // apart from a stray folder of the same name.
  const QDir dir(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral(COMMITSCOPE_DATA_FROM_BIN)));
  if (!QFileInfo(dir.filePath(QStringLiteral("lessons"))).isDir()) return {};
  return dir.canonicalPath();
}

QString lessonsDir() { return installedOr(QStringLiteral("lessons"), QStringLiteral(":/lessons")); }
QString scenariosDir() { return installedOr(QStringLiteral("scenarios"), QStringLiteral(":/scenarios")); }
QString translationsDir() { return installedOr(QStringLiteral("translations"), QStringLiteral(":/i18n")); }

}  // namespace datapaths
