#include "input_file.hpp"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#endif

namespace commitscope {
namespace {

// "FILE: why". The separator is translated too (Chinese uses a full-width colon).
InputFile refused(const QString& path, const QString& why) {
  return InputFile{{}, QCoreApplication::translate("InputFile", "%1: %2").arg(path, why)};
}

InputFile tooLarge(const QString& path, qint64 size, qint64 limit) {
  return refused(path, QCoreApplication::translate("InputFile", "the file is %1 bytes, more than the limit of %2 bytes (%3 MiB) for a scenario or lesson file")
                           .arg(size)
                           .arg(limit)
                           .arg(limit / (1024 * 1024)));
}

#ifdef Q_OS_UNIX
// Why a file of this type cannot be read as a scenario or lesson; empty for a regular file.
QString notRegular(mode_t mode) {
  if (S_ISREG(mode)) return {};
  if (S_ISDIR(mode)) return QCoreApplication::translate("InputFile", "is a directory, not a scenario or lesson file");
  if (S_ISFIFO(mode)) return QCoreApplication::translate("InputFile", "is a named pipe (FIFO), not a regular file; scenario and lesson files are read only from regular files");
  if (S_ISCHR(mode) || S_ISBLK(mode)) return QCoreApplication::translate("InputFile", "is a device, not a regular file; scenario and lesson files are read only from regular files");
  if (S_ISSOCK(mode)) return QCoreApplication::translate("InputFile", "is a socket, not a regular file; scenario and lesson files are read only from regular files");
  return QCoreApplication::translate("InputFile", "is not a regular file; scenario and lesson files are read only from regular files");
}

InputFile cannotRead(const QString& path, int error) {
  return refused(path, QCoreApplication::translate("InputFile", "cannot read the file: %1").arg(qt_error_string(error)));
}

InputFile readRegularFile(const QString& path, qint64 limit) {
  const QByteArray native = QFile::encodeName(path);
  struct stat st {};
  // Look before opening: opening a FIFO for reading blocks until a writer comes.
  if (::stat(native.constData(), &st) != 0) return cannotRead(path, errno);
  if (const QString why = notRegular(st.st_mode); !why.isEmpty()) return refused(path, why);
  if (st.st_size > limit) return tooLarge(path, st.st_size, limit);
  // O_NONBLOCK: the path may have been replaced by a FIFO since stat(); then open returns at once,
  // and fstat() of what was opened says what it is.
  const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return cannotRead(path, errno);
  InputFile out;
  if (::fstat(fd, &st) != 0) {
    out = cannotRead(path, errno);
  } else if (const QString why = notRegular(st.st_mode); !why.isEmpty()) {
    out = refused(path, why);
  } else if (st.st_size > limit) {
    out = tooLarge(path, st.st_size, limit);
  } else {
    // Read at most limit + 1 bytes: a file that grows while it is read is still bounded.
    out.bytes.resize(static_cast<qsizetype>(st.st_size) + 1);
    qint64 total = 0;
    for (;;) {
      if (total == out.bytes.size()) {
        if (total > limit) break;
        out.bytes.resize(static_cast<qsizetype>(std::min<qint64>(limit + 1, total * 2 + 4096)));
      }
      const ssize_t n = ::read(fd, out.bytes.data() + total, static_cast<size_t>(out.bytes.size() - total));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        out = cannotRead(path, errno);
        break;
      }
      if (n == 0) break;
      total += n;
    }
    if (out.ok() && total > limit) out = tooLarge(path, total, limit);
    if (out.ok()) out.bytes.truncate(static_cast<qsizetype>(total));
  }
  ::close(fd);
  return out;
}
#else
InputFile readRegularFile(const QString& path, qint64 limit) {
  const QFileInfo info(path);
  if (info.isDir()) return refused(path, QCoreApplication::translate("InputFile", "is a directory, not a scenario or lesson file"));
  if (info.exists() && !info.isFile())
    return refused(path, QCoreApplication::translate("InputFile", "is not a regular file; scenario and lesson files are read only from regular files"));
  if (info.size() > limit) return tooLarge(path, info.size(), limit);
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return refused(path, QCoreApplication::translate("InputFile", "cannot read the file: %1").arg(f.errorString()));
  InputFile out;
  out.bytes = f.read(limit + 1);
  if (out.bytes.size() > limit) return tooLarge(path, out.bytes.size(), limit);
  return out;
}
#endif

}  // namespace

InputFile readInputFile(const QString& path, qint64 limit) {
  if (!path.startsWith(QLatin1Char(':'))) return readRegularFile(path, limit);
  // A Qt resource: part of the program, in memory already.
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return refused(path, QCoreApplication::translate("InputFile", "cannot read the file: %1").arg(f.errorString()));
  if (f.size() > limit) return tooLarge(path, f.size(), limit);
  InputFile out;
  out.bytes = f.readAll();
  return out;
}

}  // namespace commitscope
