// JSON parsing that remembers where every value came from, so that scenario and lesson errors can
// point at a line and column instead of only at a JSON path.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/diagnostic.hpp"

namespace cs {

struct TextPos {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, counted in Unicode code points (what editors show)
};

// Maps byte offsets of one text to line/column. A lookup costs at most one block of bytes whatever
// the line length (a 50 MB file may be one line), and the index takes 1/16 of the text's size: it
// keeps the line and column reached at the start of every kBlock bytes and counts on from there.
class LineIndex {
 public:
  static constexpr std::size_t kBlock = 256;

  explicit LineIndex(std::string_view text);
  TextPos at(std::size_t offset) const;
  // Bytes examined by at() so far: tests check with it that a lookup never rescans a whole line.
  std::size_t bytes_scanned() const { return scanned_; }

 private:
  struct Checkpoint {
    std::size_t line = 0;    // newlines before this point
    std::size_t column = 0;  // code points between the line start and this point
  };
  void advance(Checkpoint& c, std::size_t i) const;

  std::string_view text_;
  bool bom_ = false;
  std::vector<Checkpoint> blocks_;  // blocks_[b]: where byte b * kBlock is
  mutable std::size_t scanned_ = 0;
};

class JsonTextNavigator;

// A parsed JSON text that can say where each value came from. Positions are found only when asked
// (for a message), from the text itself: a valid 50 MB file costs no memory for them, and a file with
// errors costs an index of the few containers that the messages point into (docs/reliability.md).
// The text must outlive this object.
struct PositionedJson {
  nlohmann::json value;  // null when there is a syntax error
  // A syntax error (parsing stopped there) and/or duplicate keys (parsing went on). Each has file,
  // line and column set; path is set for duplicate keys.
  Diagnostics errors;
  // True when the whole text was parsed (duplicate keys may still be reported in `errors`).
  bool parsed = false;

  bool ok() const { return errors.empty(); }
  // Position of `path`'s value ("faults[2].on.node", root = ""); falls back to the nearest enclosing
  // path that exists. Only for a text that parsed.
  TextPos value_pos(std::string_view path) const;
  // Position of `path`'s key if it is an object member, else of its value.
  TextPos key_pos(std::string_view path) const;

  std::shared_ptr<JsonTextNavigator> navigator;  // shared: copies of a result look up the same text
};

PositionedJson parse_json_with_positions(std::string_view text, std::string_view file_name);

// Path helpers, so that every caller spells paths the same way.
std::string json_path_member(std::string_view parent, std::string_view key);
std::string json_path_index(std::string_view parent, std::size_t index);
// "faults[2].on.node" -> "faults[2].on"; "faults[2]" -> "faults"; "x" -> "".
std::string json_path_parent(std::string_view path);

}  // namespace cs
