// A problem found in a scenario, lesson or parameter block: where it is and what is wrong, in a plain
// sentence. The loader fills in file, line and column from the JSON path.
#pragma once

#include <string>
#include <vector>

namespace cs {

struct Diagnostic {
  std::string file;     // as given by the caller (may be empty)
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based; 0 when unknown
  std::string path;     // JSON path such as "faults[2].crash"; empty for syntax errors
  std::string message;  // plain English sentence

  // "file:line:column: path: message" with the parts that are known.
  std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace cs
