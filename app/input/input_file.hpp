// Reading a scenario or lesson file into memory, for the CLI and the window alike. The engine parses
// text and does no I/O; this is the one place that decides what may be read and how much.
#pragma once

#include <QByteArray>
#include <QString>

namespace commitscope {

// The largest scenario or lesson file that is read: 64 MiB. The shipped files are a few KB; the
// loader needs a small multiple of a file's size in memory (docs/reliability.md), and a 50 MB file
// (100,000s of faults on one line) still loads in a few seconds.
inline constexpr qint64 kMaxInputFileBytes = qint64{64} * 1024 * 1024;

struct InputFile {
  QByteArray bytes;
  QString error;  // "FILE: why", set when the file was refused or could not be read
  bool ok() const { return error.isEmpty(); }
};

// Reads the whole file. Anything that is not a regular file (a directory, a FIFO, a device such as
// /dev/zero or /dev/urandom, a socket) is refused from its metadata, before it is opened for reading
// and without ever blocking; so is a file larger than `limit` bytes, with the limit in the message.
// Qt resource paths (":/lessons/...") are built into the program and are read as they are.
InputFile readInputFile(const QString& path, qint64 limit = kMaxInputFileBytes);

}  // namespace commitscope
