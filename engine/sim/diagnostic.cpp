#include "sim/diagnostic.hpp"

namespace cs {

std::string Diagnostic::to_string() const {
  std::string out;
  if (!file.empty()) out += file + ":";
  if (line > 0) {
    out += std::to_string(line) + ":";
    if (column > 0) out += std::to_string(column) + ":";
  }
  if (!out.empty()) out += " ";
  if (!path.empty()) out += path + ": ";
  out += message;
  return out;
}

}  // namespace cs
