#include "scenario/json_positions.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

namespace cs {

// ---------------------------------------------------------------------------------------------
// Line index

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') line_starts_.push_back(i + 1);
}

TextPos LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  const std::size_t start = line_starts_[line - 1];
  int column = 1;
  // A byte order mark is invisible in editors, so it takes no column.
  const std::size_t first = (start == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") ? std::min<std::size_t>(3, offset) : start;
  for (std::size_t i = first; i < offset; ++i) {
    // UTF-8 continuation bytes do not start a new character.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return TextPos{static_cast<int>(line), column};
}

// ---------------------------------------------------------------------------------------------
// Paths

std::string json_path_member(std::string_view parent, std::string_view key) {
  std::string out(parent);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}

std::string json_path_index(std::string_view parent, std::size_t index) {
  std::string out(parent);
  out += '[';
  out += std::to_string(index);
  out += ']';
  return out;
}

std::string json_path_parent(std::string_view path) {
  if (path.empty()) return {};
  if (path.back() == ']') {
    const auto open = path.rfind('[');
    return std::string(path.substr(0, open == std::string_view::npos ? 0 : open));
  }
  const auto dot = path.find_last_of(".]");
  if (dot == std::string_view::npos) return {};
  // "a[1].b" -> "a[1]"; "a.b" -> "a".
  return std::string(path.substr(0, path[dot] == ']' ? dot + 1 : dot));
}

TextPos PositionedJson::value_pos(std::string_view path) const {
  std::string p(path);
  for (;;) {
    if (auto it = values.find(p); it != values.end()) return it->second;
    if (p.empty()) return {};
    p = json_path_parent(p);
  }
}

TextPos PositionedJson::key_pos(std::string_view path) const {
  if (auto it = keys.find(std::string(path)); it != keys.end()) return it->second;
  return value_pos(path);
}

// ---------------------------------------------------------------------------------------------
// Parsing

namespace {

// An input iterator over the text that publishes how many bytes the lexer has pulled. The SAX
// handler reads that count to know where the parser is, since nlohmann's SAX interface does not
// report positions itself.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator() = default;
  CountingIterator(const char* p, std::size_t* consumed) : p_(p), consumed_(consumed) {}

  reference operator*() const { return *p_; }
  CountingIterator& operator++() {
    ++p_;
    if (consumed_ != nullptr) ++*consumed_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const CountingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_ = nullptr;
  std::size_t* consumed_ = nullptr;
};

using json = nlohmann::json;

// Builds the DOM itself (simpler than wrapping nlohmann::detail types) and records positions.
class PositionSax {
 public:
  PositionSax(std::string_view text, std::string_view file, PositionedJson& out)
      : text_(text), file_(file), lines_(text), out_(out) {}

  std::size_t consumed = 0;  // bytes pulled by the lexer so far (may be one past a number)

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const json::string_t&) { return put(json(v)); }
  bool string(json::string_t& v) { return put(json(std::move(v))); }
  bool binary(json::binary_t&) { return false; }  // never produced by the text parser

  bool start_object(std::size_t) {
    if (too_deep()) return false;
    json* slot = insert(json::object());
    stack_.push_back(Frame{slot, current_path_, 0, {}});
    return true;
  }
  bool end_object() {
    stack_.pop_back();
    scan_from_ = consumed;
    return true;
  }
  bool start_array(std::size_t) {
    if (too_deep()) return false;
    json* slot = insert(json::array());
    stack_.push_back(Frame{slot, current_path_, 0, {}});
    return true;
  }
  bool end_array() {
    stack_.pop_back();
    scan_from_ = consumed;
    return true;
  }

  bool key(json::string_t& k) {
    const TextPos pos = lines_.at(token_start());
    scan_from_ = consumed;
    Frame& f = stack_.back();
    std::string path = json_path_member(f.path, k);
    if (f.container->contains(k)) {
      Diagnostic d;
      d.file = std::string(file_);
      d.line = pos.line;
      d.column = pos.column;
      d.path = path;
      const TextPos first = out_.keys[path];
      d.message = "duplicate key \"" + k + "\" in this object (it first appears on line " +
                  std::to_string(first.line) + "); each key may appear only once";
      out_.errors.push_back(std::move(d));
    }
    out_.keys[path] = pos;
    f.key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    // `position` counts the bytes read, so the offending byte is the one before it.
    const std::size_t offset = position > 0 ? position - 1 : 0;
    const TextPos pos = lines_.at(offset);
    Diagnostic d;
    d.file = std::string(file_);
    d.line = pos.line;
    d.column = pos.column;
    d.message = plain_message(ex.what());
    out_.errors.push_back(std::move(d));
    return false;
  }

 private:
  struct Frame {
    json* container;
    std::string path;
    std::size_t next_index;
    std::string key;  // pending key of an object
  };

  // Paths grow with depth and each level keeps its own, so absurd nesting would cost memory quadratic
  // in the depth. No scenario or lesson needs more than a handful of levels.
  static constexpr std::size_t kMaxDepth = 200;
  bool too_deep() {
    if (stack_.size() < kMaxDepth) return false;
    const TextPos pos = lines_.at(token_start());
    Diagnostic d;
    d.file = std::string(file_);
    d.line = pos.line;
    d.column = pos.column;
    d.message = "the JSON is nested more than " + std::to_string(kMaxDepth) + " levels deep";
    out_.errors.push_back(std::move(d));
    return true;
  }

  // The token that just produced an event starts at the first byte after the previous event that
  // is not whitespace or a separator. (A number's one-byte lookahead is always such a byte.)
  std::size_t token_start() const {
    std::size_t i = scan_from_;
    if (i == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // the lexer skips a BOM
    while (i < text_.size()) {
      const char c = text_[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ':') break;
      ++i;
    }
    return i;
  }

  // Places a value at the current position in the DOM, records where it starts, and returns it.
  json* insert(json v) {
    const TextPos pos = lines_.at(token_start());
    scan_from_ = consumed;
    json* slot = nullptr;
    if (stack_.empty()) {
      current_path_.clear();
      out_.value = std::move(v);
      slot = &out_.value;
    } else {
      Frame& f = stack_.back();
      if (f.container->is_array()) {
        current_path_ = json_path_index(f.path, f.next_index++);
        f.container->push_back(std::move(v));
        slot = &f.container->back();
      } else {
        current_path_ = json_path_member(f.path, f.key);
        slot = &(*f.container)[f.key];
        *slot = std::move(v);
      }
    }
    out_.values[current_path_] = pos;
    return slot;
  }

  bool put(json v) {
    insert(std::move(v));
    return true;
  }

  // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 7: syntax error while
  // parsing value - unexpected '}'; expected ..." -> "JSON syntax error while parsing value:
  // unexpected '}'; expected ...". Line and column are reported separately.
  static std::string plain_message(std::string_view what) {
    std::string_view rest = what;
    if (auto c = rest.find("column "); c != std::string_view::npos) {
      if (auto colon = rest.find(": ", c); colon != std::string_view::npos) rest = rest.substr(colon + 2);
    }
    std::string msg(rest);
    if (auto dash = msg.find(" - "); dash != std::string::npos) msg.replace(dash, 3, ": ");
    if (msg.rfind("syntax error", 0) == 0) msg = "JSON " + msg;
    return msg;
  }

  std::string_view text_;
  std::string_view file_;
  LineIndex lines_;
  PositionedJson& out_;
  std::vector<Frame> stack_;
  std::string current_path_;
  std::size_t scan_from_ = 0;
};

}  // namespace

PositionedJson parse_json_with_positions(std::string_view text, std::string_view file_name) {
  PositionedJson out;
  PositionSax sax(text, file_name, out);
  CountingIterator first(text.data(), &sax.consumed);
  CountingIterator last(text.data() + text.size(), nullptr);
  out.parsed = json::sax_parse(first, last, &sax);
  if (!out.parsed) {
    out.value = nullptr;
    // A handler refusal without a recorded error cannot happen, but never report success then.
    if (out.errors.empty()) {
      Diagnostic d;
      d.file = std::string(file_name);
      d.message = "the JSON text could not be parsed";
      out.errors.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace cs
