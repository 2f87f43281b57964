// Properties every rejection must have, whatever the input: at least one diagnostic, each naming
// the file, with a message, and a position inside the text (or none).
#pragma once

#include <algorithm>
#include <string>
#include <string_view>

#include "sim/diagnostic.hpp"

namespace cs::fuzz {

inline std::string check_rejection(const Diagnostics& ds, std::string_view text, std::string_view file) {
  if (ds.empty()) return "rejected without a diagnostic";
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1;
  for (const Diagnostic& d : ds) {
    if (d.file != file) return "a diagnostic does not name the file: " + d.to_string();
    if (d.message.empty()) return "a diagnostic without a message: " + d.to_string();
    if (d.line < 0 || d.line > lines || d.column < 0)
      return "a diagnostic points outside the text (" + std::to_string(lines) + " lines): " + d.to_string();
  }
  return {};
}

}  // namespace cs::fuzz
