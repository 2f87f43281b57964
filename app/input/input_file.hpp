// Reading a scenario or lesson file into memory, for the window (and Qt-side tests): the rules of
// input_read.hpp, which the CLI uses directly, with the messages translated and Qt resource paths.
#pragma once

#include <QByteArray>
#include <QString>

#include "input_read.hpp"

namespace commitscope {

struct InputFile {
  QByteArray bytes;
  QString error;  // "FILE: why", set when the file was refused or could not be read
  bool ok() const { return error.isEmpty(); }
};

// Reads the whole file (readRegularInput(): special files and files larger than `limit` bytes are
// refused from their metadata, without blocking), with the reason in the user's language.
// Qt resource paths (":/lessons/...") are built into the program and are read as they are.
InputFile readInputFile(const QString& path, qint64 limit = kMaxInputFileBytes);

}  // namespace commitscope
