// For the regression tests: the files a fuzz target is replayed on, and the inputs whose bug is
// known and still open (tests/fuzz/regressions/known-open.txt: "<target>/<file>  reason" per line).
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace cs::fuzz {

inline const std::filesystem::path& regressions_dir() {
  static const std::filesystem::path dir = std::filesystem::path(COMMITSCOPE_SOURCE_DIR) / "tests/fuzz/regressions";
  return dir;
}

// Regular files in `dir` whose name ends in `suffix` (any when empty), sorted.
inline std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir, const std::string& suffix = {}) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name != ".gitkeep" && name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// "<target>/<file>" names listed in known-open.txt (comments after '#' and blank lines ignored).
inline std::set<std::string> known_open() {
  std::set<std::string> names;
  std::ifstream in(regressions_dir() / "known-open.txt");
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    std::istringstream words(line);
    std::string name;
    if (words >> name) names.insert(name);
  }
  return names;
}

}  // namespace cs::fuzz
