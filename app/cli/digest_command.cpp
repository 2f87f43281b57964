// `commitscope-cli digest RUN.jsonl`: the trace_sha256 of a --trace file, made again from its lines
// (engine/scenario/trace_digest.hpp): each record is read and re-encoded canonically, so the run's
// own digest can be checked by anyone holding the file.
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include "commands.hpp"
#include "scenario/trace_digest.hpp"
#include "sha256.hpp"

namespace cs::cli {

namespace {

// Reads `file` a block at a time and hands each line (without its '\n') to `line`, with its number;
// stops when `line` returns false. A last line without '\n' counts too. Returns false on a read error.
template <class Line>
bool for_each_line(std::FILE* file, Line line) {
  std::string pending;
  std::uint64_t number = 0;
  std::string block(std::size_t{1} << 20, '\0');
  for (;;) {
    const std::size_t n = std::fread(block.data(), 1, block.size(), file);
    if (n == 0 && std::ferror(file)) return false;
    if (n == 0) break;
    std::string_view rest(block.data(), n);
    for (std::size_t nl = rest.find('\n'); nl != std::string_view::npos; nl = rest.find('\n')) {
      bool go = true;
      if (pending.empty()) {
        go = line(rest.substr(0, nl), ++number);
      } else {
        pending.append(rest.substr(0, nl));
        go = line(std::string_view(pending), ++number);
        pending.clear();
      }
      if (!go) return true;
      rest.remove_prefix(nl + 1);
    }
    pending.append(rest);
  }
  if (!pending.empty()) line(std::string_view(pending), ++number);
  return true;
}

// An open file closed when it goes.
struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

int digest_command(const std::string& path) {
  const std::unique_ptr<std::FILE, FileCloser> owned(std::fopen(path.c_str(), "rb"));
  std::FILE* file = owned.get();
  struct stat st {};
  // The words of Qt's QFile, which the CLI used before it dropped Qt.
  if (!file) {
    err(path + ": " + std::strerror(errno) + "\n");
    return 2;
  }
  if (::fstat(fileno(file), &st) == 0 && S_ISDIR(st.st_mode)) {
    err(path + ": file to open is a directory\n");
    return 2;
  }
  commitscope::Sha256 hash;
  TraceJsonlDigester digester([&hash](std::string_view chunk) { hash.add(chunk); });
  bool bad = false;
  const bool read = for_each_line(file, [&](std::string_view text, std::uint64_t number) {
    if (const std::optional<std::string> why = digester.line(text)) {
      err(path + ":" + std::to_string(number) + ": " + *why + "\n");
      bad = true;
    }
    return !bad;
  });
  if (!read) {
    err(path + ": " + std::strerror(errno) + "\n");
    return 2;
  }
  if (bad) return 2;
  digester.flush();
  out(hash.hex() + "\n");
  return 0;
}

}  // namespace cs::cli
