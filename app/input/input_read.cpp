#include "input_read.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <initializer_list>
#include <string_view>

#if defined(__unix__) || defined(__APPLE__)  // POSIX (Q_OS_UNIX before)
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <filesystem>
#include <fstream>
#endif

// lupdate reads these texts for the window's translations (app/input/input_file.cpp translates them);
// this file has no Qt, so the marker is defined as what it is: the text itself.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace commitscope {
namespace {

#if defined(__unix__) || defined(__APPLE__)  // POSIX (Q_OS_UNIX before)
InputProblem notRegular(mode_t mode) {
  if (S_ISREG(mode)) return InputProblem::None;
  if (S_ISDIR(mode)) return InputProblem::Directory;
  if (S_ISFIFO(mode)) return InputProblem::Fifo;
  if (S_ISCHR(mode) || S_ISBLK(mode)) return InputProblem::Device;
  if (S_ISSOCK(mode)) return InputProblem::Socket;
  return InputProblem::NotRegular;
}

InputRead problem(InputProblem p, std::int64_t size = 0, int error_number = 0) {
  InputRead r;
  r.problem = p;
  r.size = size;
  r.error_number = error_number;
  return r;
}

InputRead readOpened(int fd, std::int64_t limit) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return problem(InputProblem::CannotRead, 0, errno);
  if (const InputProblem p = notRegular(st.st_mode); p != InputProblem::None) return problem(p);
  if (st.st_size > limit) return problem(InputProblem::TooLarge, st.st_size);
  // Read at most limit + 1 bytes: a file that grows while it is read is still bounded.
  InputRead out;
  out.bytes.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::int64_t total = 0;
  for (;;) {
    if (total == static_cast<std::int64_t>(out.bytes.size())) {
      if (total > limit) break;
      out.bytes.resize(static_cast<std::size_t>(std::min<std::int64_t>(limit + 1, total * 2 + 4096)));
    }
    const ssize_t n = ::read(fd, out.bytes.data() + total, out.bytes.size() - static_cast<std::size_t>(total));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return problem(InputProblem::CannotRead, 0, errno);
    if (n == 0) break;
    total += n;
  }
  if (total > limit) return problem(InputProblem::TooLarge, total);
  out.bytes.resize(static_cast<std::size_t>(total));
  return out;
}
#endif

// Qt's QString::arg() for the templates above: %1.. replaced in one pass, so a file name holding
// "%2" stays as it is.
std::string filled(std::string_view text, std::initializer_list<std::string> args) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t n = i + 1 < text.size() ? static_cast<std::size_t>(text[i + 1] - '1') : args.size();
    if (text[i] == '%' && n < args.size()) {
      out += *(args.begin() + n);
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

InputRead readRegularInput(const std::string& path, std::int64_t limit) {
#if defined(__unix__) || defined(__APPLE__)  // POSIX (Q_OS_UNIX before)
  struct stat st {};
  // Look before opening: opening a FIFO for reading blocks until a writer comes.
  if (::stat(path.c_str(), &st) != 0) return problem(InputProblem::CannotRead, 0, errno);
  if (const InputProblem p = notRegular(st.st_mode); p != InputProblem::None) return problem(p);
  if (st.st_size > limit) return problem(InputProblem::TooLarge, st.st_size);
  // O_NONBLOCK: the path may have been replaced by a FIFO since stat(); then open returns at once,
  // and fstat() of what was opened says what it is.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return problem(InputProblem::CannotRead, 0, errno);
  InputRead out = readOpened(fd, limit);
  ::close(fd);
  return out;
#else
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  InputRead out;
  if (fs::is_directory(status)) {
    out.problem = InputProblem::Directory;
  } else if (fs::exists(status) && !fs::is_regular_file(status)) {
    out.problem = InputProblem::NotRegular;
  } else if (const auto size = fs::file_size(path, ec); !ec && static_cast<std::int64_t>(size) > limit) {
    out.problem = InputProblem::TooLarge;
    out.size = static_cast<std::int64_t>(size);
  } else if (std::ifstream in(path, std::ios::binary); !in) {
    out.problem = InputProblem::CannotRead;
    out.error_number = errno;
  } else {
    out.bytes.resize(static_cast<std::size_t>(limit) + 1);
    in.read(out.bytes.data(), static_cast<std::streamsize>(out.bytes.size()));
    out.bytes.resize(static_cast<std::size_t>(in.gcount()));
    if (static_cast<std::int64_t>(out.bytes.size()) > limit) {
      out.problem = InputProblem::TooLarge;
      out.size = static_cast<std::int64_t>(out.bytes.size());
      out.bytes.clear();
    }
  }
  return out;
#endif
}

const char* inputProblemTemplate(InputProblem p) {
  switch (p) {
    case InputProblem::None: return "";
    case InputProblem::Directory: return QT_TRANSLATE_NOOP("InputFile", "is a directory, not a scenario or lesson file");
    case InputProblem::Fifo:
      return QT_TRANSLATE_NOOP("InputFile", "is a named pipe (FIFO), not a regular file; scenario and lesson files are read only from regular files");
    case InputProblem::Device:
      return QT_TRANSLATE_NOOP("InputFile", "is a device, not a regular file; scenario and lesson files are read only from regular files");
    case InputProblem::Socket:
      return QT_TRANSLATE_NOOP("InputFile", "is a socket, not a regular file; scenario and lesson files are read only from regular files");
    case InputProblem::NotRegular:
      return QT_TRANSLATE_NOOP("InputFile", "is not a regular file; scenario and lesson files are read only from regular files");
    case InputProblem::TooLarge:
      return QT_TRANSLATE_NOOP("InputFile", "the file is %1 bytes, more than the limit of %2 bytes (%3 MiB) for a scenario or lesson file");
    case InputProblem::CannotRead: return QT_TRANSLATE_NOOP("InputFile", "cannot read the file: %1");
  }
  return "";
}

const char* inputErrorTemplate() { return QT_TRANSLATE_NOOP("InputFile", "%1: %2"); }

std::string inputErrorText(const std::string& path, const InputRead& read, std::int64_t limit) {
  std::string why;
  if (read.problem == InputProblem::TooLarge)
    why = filled(inputProblemTemplate(read.problem),
                 {std::to_string(read.size), std::to_string(limit), std::to_string(limit / (1024 * 1024))});
  else if (read.problem == InputProblem::CannotRead)
    why = filled(inputProblemTemplate(read.problem), {std::strerror(read.error_number)});
  else
    why = inputProblemTemplate(read.problem);
  return filled(inputErrorTemplate(), {path, why});
}

}  // namespace commitscope
