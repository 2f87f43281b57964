// JSON parsing that remembers where every value came from, so that scenario and lesson errors can
// point at a line and column instead of only at a JSON path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/diagnostic.hpp"

namespace cs {

struct TextPos {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, counted in Unicode code points (what editors show)
};

// Maps byte offsets of one text to line/column.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  TextPos at(std::size_t offset) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> line_starts_;
};

struct PositionedJson {
  nlohmann::json value;  // null when there is a syntax error
  // Path ("faults[2].on.node", root = "") -> where that value starts.
  std::unordered_map<std::string, TextPos> values;
  // Path of an object member -> where its key starts (for "unknown key" messages).
  std::unordered_map<std::string, TextPos> keys;
  // A syntax error (parsing stopped there) and/or duplicate keys (parsing went on). Each has file,
  // line and column set; path is set for duplicate keys.
  Diagnostics errors;
  // True when the whole text was parsed (duplicate keys may still be reported in `errors`).
  bool parsed = false;

  bool ok() const { return errors.empty(); }
  // Position of `path`'s value; falls back to the nearest enclosing path that is known.
  TextPos value_pos(std::string_view path) const;
  // Position of `path`'s key if it is an object member, else of its value.
  TextPos key_pos(std::string_view path) const;
};

PositionedJson parse_json_with_positions(std::string_view text, std::string_view file_name);

// Path helpers, so that every caller spells paths the same way.
std::string json_path_member(std::string_view parent, std::string_view key);
std::string json_path_index(std::string_view parent, std::size_t index);
// "faults[2].on.node" -> "faults[2].on"; "faults[2]" -> "faults"; "x" -> "".
std::string json_path_parent(std::string_view path);

}  // namespace cs
