#include "commands.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "input_read.hpp"
#include "sha256.hpp"
#include "protocols/registry.hpp"
#include "scenario/json_format.hpp"
#include "scenario/lesson.hpp"
#include "scenario/lesson_fairness.hpp"
#include "scenario/lesson_texts.hpp"
#include "scenario/lesson_predict.hpp"
#include "scenario/lesson_walker.hpp"
#include "scenario/loader.hpp"
#include "scenario/number_rules.hpp"
#include "scenario/report.hpp"
#include "scenario/simulation.hpp"
#include "scenario/trace_digest.hpp"
#include "scenario/trace_jsonl.hpp"

namespace cs::cli {

void out(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }
void err(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stderr); }

void print_diagnostics(const Diagnostics& ds) {
  for (const auto& d : ds) err(d.to_string() + "\n");
}

// Reads a whole file (input_read.hpp: regular files up to the size limit); on failure reports
// "FILE: why" and returns nullopt.
std::optional<std::string> read_file(const std::string& path) {
  commitscope::InputRead in = commitscope::readRegularInput(path);
  if (!in.ok()) {
    err(commitscope::inputErrorText(path, in) + "\n");
    return std::nullopt;
  }
  return std::move(in.bytes);
}

std::optional<Scenario> read_scenario(const std::string& path) {
  const auto bytes = read_file(path);
  if (!bytes) return std::nullopt;
  LoadResult loaded = load_scenario(*bytes, path);
  if (!loaded.scenario) {
    print_diagnostics(loaded.diagnostics);
    return std::nullopt;
  }
  return std::move(*loaded.scenario);
}

// The --trace file: the JSONL trace written as the run makes it (TraceJsonlStream). Only a run that
// asks for it formats the JSONL; trace_sha256 is the hash of the records' canonical encoding
// (TraceDigestSink), made either way.
class TraceFile {
 public:
  explicit TraceFile(std::string path) : path_(std::move(path)) {}
  ~TraceFile() {
    if (file_) std::fclose(file_);
  }
  TraceFile(const TraceFile&) = delete;
  TraceFile& operator=(const TraceFile&) = delete;

  // Opens the file; reports and returns false if it cannot be written.
  bool open() {
    file_ = std::fopen(path_.c_str(), "wb");
    if (file_) return true;
    report_error(errno);
    return false;
  }
  void add(std::string_view chunk) {
    if (failed_) return;
    if (std::fwrite(chunk.data(), 1, chunk.size(), file_) != chunk.size()) {
      report_error(errno);
      failed_ = true;
    }
  }
  // Whether everything was written (a failure is already reported).
  bool finish() {
    if (!failed_ && std::fflush(file_) != 0) {
      report_error(errno);
      failed_ = true;
    }
    return !failed_;
  }

 private:
  void report_error(int error) { err(path_ + ": cannot write the trace: " + std::strerror(error) + "\n"); }
  std::string path_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

int run_command(const RunOptions& opt) {
  std::optional<Scenario> loaded = read_scenario(opt.file);
  if (!loaded) return 2;
  Scenario scenario = std::move(*loaded);
  if (opt.seed) scenario.seed = *opt.seed;
  if (opt.until_ms) scenario.until = until_from_ms(*opt.until_ms);  // checked by until_ms_allowed()

  commitscope::Sha256 hash;
  TraceDigestSink digest([&hash](std::string_view chunk) { hash.add(chunk); });
  std::optional<TraceFile> file;
  std::optional<TraceJsonlStream> jsonl;
  std::optional<TraceSinkPair> both;
  TraceSink* sink = &digest;
  if (!opt.trace_path.empty()) {
    if (!file.emplace(opt.trace_path).open()) return 2;
    jsonl.emplace([&file](std::string_view chunk) { file->add(chunk); });
    sink = &both.emplace(digest, *jsonl);
  }
  Diagnostics errors;
  RunLimits limits;
  limits.count_unkept = !opt.long_run;
  limits.forget_finished = opt.long_run;
  auto run = Simulation::create(scenario, errors, limits, TraceRouting{.keep = false, .sink = sink});
  if (!run) {
    if (errors.empty()) err(opt.file + ": the scenario could not be started\n");
    print_diagnostics(errors);
    return 2;
  }
  run->run();
  digest.flush();
  if (jsonl) jsonl->flush();
  if (file && !file->finish()) return 2;
  const std::string sha = hash.hex();

  if (opt.json) {
    write_run_report(*run, sha, [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); });
  } else {
    out(text_summary(*run));
    out("\ntrace sha256: " + sha + "\n");
    if (!opt.trace_path.empty()) out("trace written to " + opt.trace_path + "\n");
    if (!run->invariants_hold())
      out("\nWARNING: an invariant was violated in this run (see above). Re-run with --seed " +
          std::to_string(run->sim().seed()) + " to reproduce it.\n");
  }
  return 0;
}

namespace {

// Files named on the command line, with directories expanded to their *.json files (recursively,
// sorted). Reports missing paths and empty directories; sets `any_error` then. What a directory
// gives is what Qt's QDirIterator(dir, {"*.json"}, QDir::Files, Subdirectories) gave before the CLI
// dropped Qt: the suffix in any case, regular files and links to them, nothing hidden (no dot files,
// no dot directories), links to directories not followed.
std::vector<std::string> expand_paths(const std::vector<std::string>& paths, bool& any_error) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(p, ec);
    if (!fs::exists(status)) {
      err(p + ": no such file or directory\n");
      any_error = true;
      continue;
    }
    if (!fs::is_directory(status)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.starts_with('.')) {
        it.disable_recursion_pending();
        continue;
      }
      std::string suffix = name.size() >= 5 ? name.substr(name.size() - 5) : std::string();
      std::transform(suffix.begin(), suffix.end(), suffix.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::error_code file_ec;
      if (suffix == ".json" && it->is_regular_file(file_ec)) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      err(p + ": no .json files in this directory\n");
      any_error = true;
    }
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// A lesson's loader messages; for a lesson that loads, also every predict question that shows its
// answer before it is asked (that needs a walk of the lesson's own solutions).
Diagnostics lesson_diagnostics(std::string_view text, const std::string& file) {
  const LessonLoadResult r = load_lesson(text, file);
  if (!r.lesson) return r.diagnostics;
  return predict_question_diagnostics(*r.lesson, text);
}

// Questions a learner could answer without understanding (scenario/lesson_fairness.hpp): printed,
// but they do not make validate fail.
void print_fairness_warnings(std::string_view text, const std::string& file) {
  const LessonLoadResult r = load_lesson(text, file);
  if (!r.lesson) return;
  print_diagnostics(question_fairness_warnings(*r.lesson, text));
  print_diagnostics(lesson_length_warnings(*r.lesson, text));
}

}  // namespace

int validate_command(const std::vector<std::string>& paths) {
  bool any_error = false;
  const std::vector<std::string> files = expand_paths(paths, any_error);
  for (const std::string& f : files) {
    const auto bytes = read_file(f);
    if (!bytes) {
      any_error = true;
      continue;
    }
    // Lessons and scenarios share folders in tests and scripts; the content says which one it is.
    const std::string_view text = *bytes;
    const bool lesson = looks_like_lesson(text);
    const Diagnostics ds = lesson ? lesson_diagnostics(text, f) : load_scenario(text, f).diagnostics;
    if (ds.empty()) {
      if (lesson) print_fairness_warnings(text, f);
      out(std::string(lesson ? "ok lesson " : "ok ") + f + "\n");
    } else {
      print_diagnostics(ds);
      any_error = true;
    }
  }
  std::fflush(stdout);
  return any_error ? 2 : 0;
}

int walk_command(const std::vector<std::string>& paths) {
  bool any_error = false;
  const std::vector<std::string> files = expand_paths(paths, any_error);
  for (const std::string& f : files) {
    const auto bytes = read_file(f);
    if (!bytes) {
      any_error = true;
      continue;
    }
    const LessonLoadResult r = load_lesson(*bytes, f);
    if (!r.lesson) {
      std::fflush(stdout);
      print_diagnostics(r.diagnostics);
      out("FAIL " + f + " (does not load)\n");
      any_error = true;
      continue;
    }
    const WalkReport w = walk_lesson(*r.lesson);
    out(walk_report_text(w));
    any_error = any_error || !w.ok;
  }
  std::fflush(stdout);
  return any_error ? 2 : 0;
}

int protocols_command(ProtocolsFormat format) {
  std::vector<const ProtocolDescriptor*> all;
  for (const auto& e : protocol_registry()) all.push_back(&e.descriptor());
  if (format == ProtocolsFormat::Json) {
    out(descriptors_json(all).dump(2) + "\n");
    return 0;
  }
  if (format == ProtocolsFormat::Markdown) {
    for (const ProtocolDescriptor* d : all)
      out("<!-- params:" + std::string(d->name) + " -->\n" + params_markdown(*d) + "<!-- /params -->\n\n");
    return 0;
  }
  std::size_t width = 0;
  for (const auto& e : protocol_registry()) width = std::max(width, e.name().size());
  for (const auto& e : protocol_registry())
    out(std::string(e.name()) + std::string(width - e.name().size() + 2, ' ') + std::string(e.summary()) + "\n");
  return 0;
}

}  // namespace cs::cli
