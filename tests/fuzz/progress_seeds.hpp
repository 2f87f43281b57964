// Seed progress.db files for the progress-store fuzz target, built at run time (no binary files in
// the repository): an empty file, a version-1 database, a version-2 one written by the store with
// answers and steps, one of a newer schema, and a damaged one. Small pages keep them a few KB.
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace cs::fuzz {

// (name, bytes) pairs. Needs a QCoreApplication.
QList<QPair<QString, QByteArray>> progress_seeds();

}  // namespace cs::fuzz
