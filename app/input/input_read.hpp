// Reading a scenario or lesson file into memory without Qt: the one place that decides what may be
// read and how much, for the CLI (whose `run` path loads no Qt: docs/benchmarks.md, "A CLI without
// Qt") and, through input_file.hpp, for the window. The engine parses text and does no I/O.
#pragma once

#include <cstdint>
#include <string>

namespace commitscope {

// The largest scenario or lesson file that is read: 64 MiB. The shipped files are a few KB; the
// loader needs a small multiple of a file's size in memory (docs/reliability.md), and a 50 MB file
// (100,000s of faults on one line) still loads in a few seconds.
inline constexpr std::int64_t kMaxInputFileBytes = std::int64_t{64} * 1024 * 1024;

// Why a file was not read.
enum class InputProblem { None, Directory, Fifo, Device, Socket, NotRegular, TooLarge, CannotRead };

struct InputRead {
  std::string bytes;
  InputProblem problem = InputProblem::None;
  std::int64_t size = 0;  // TooLarge: the size seen
  int error_number = 0;   // CannotRead: errno
  bool ok() const { return problem == InputProblem::None; }
};

// Reads the whole file at `path` (the native, 8-bit path). Anything that is not a regular file (a
// directory, a FIFO, a device such as /dev/zero or /dev/urandom, a socket) is refused from its
// metadata, before it is opened for reading and without ever blocking; so is a file larger than
// `limit` bytes.
InputRead readRegularInput(const std::string& path, std::int64_t limit = kMaxInputFileBytes);

// The English text of a problem, with Qt-style placeholders: %1 the errno text (CannotRead), or %1
// the size, %2 the limit, %3 the limit in MiB (TooLarge). The window translates the same texts
// (context "InputFile"), so the CLI and the window say the same thing.
const char* inputProblemTemplate(InputProblem problem);
// "%1: %2": the file, then why (translated too: Chinese uses a full-width colon).
const char* inputErrorTemplate();

// "FILE: why" in English, as the CLI prints it.
std::string inputErrorText(const std::string& path, const InputRead& read, std::int64_t limit = kMaxInputFileBytes);

}  // namespace commitscope
