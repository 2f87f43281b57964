#include "scenario/json_positions.hpp"

#include <algorithm>
#include <climits>
#include <iterator>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

namespace cs {

// ---------------------------------------------------------------------------------------------
// Line index

LineIndex::LineIndex(std::string_view text)
    : text_(text), bom_(text.substr(0, 3) == "\xEF\xBB\xBF") {
  blocks_.reserve(text.size() / kBlock + 1);
  Checkpoint c;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i % kBlock == 0) blocks_.push_back(c);
    if (i < text.size()) advance(c, i);
  }
}

// Moves `c` over byte i.
void LineIndex::advance(Checkpoint& c, std::size_t i) const {
  const auto byte = static_cast<unsigned char>(text_[i]);
  if (byte == '\n') {
    ++c.line;
    c.column = 0;
  } else if ((byte & 0xC0) != 0x80 && !(bom_ && i < 3)) {
    // UTF-8 continuation bytes do not start a new character; a byte order mark is invisible in
    // editors, so it takes no column.
    ++c.column;
  }
}

TextPos LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::size_t block = offset / kBlock;
  Checkpoint c = blocks_[block];
  for (std::size_t i = block * kBlock; i < offset; ++i) advance(c, i);
  scanned_ += offset - block * kBlock;
  return TextPos{static_cast<int>(std::min<std::size_t>(c.line + 1, INT_MAX)),
                 static_cast<int>(std::min<std::size_t>(c.column + 1, INT_MAX))};
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

}  // namespace

// ---------------------------------------------------------------------------------------------
// Finding a path in the text

// Walks a parsed JSON text along a path ("faults[2].on.node") and says where each value and key
// starts. Each container it passes through is indexed once (its members' offsets) and kept, so that
// messages about the 100,000 faults of one list scan that list once, not once per message.
class JsonTextNavigator {
 public:
  explicit JsonTextNavigator(std::string_view text) : text_(text) {}

  const LineIndex& lines() {
    if (!lines_) lines_ = std::make_unique<LineIndex>(text_);
    return *lines_;
  }

  struct Found {
    std::size_t value = 0;
    std::optional<std::size_t> key;  // for an object member
    bool exact = false;              // false: `value` is the nearest enclosing path that exists
  };
  Found find(std::string_view path) {
    Found f;
    f.value = root_;
    while (!path.empty()) {
      const Container* c = container(f.value);
      if (c == nullptr) return f;
      const Member* m = nullptr;
      std::size_t used = 0;
      if (path.front() == '[' && c->is_array) {
        const std::size_t close = path.find(']');
        if (close == std::string_view::npos) return f;
        std::size_t index = 0;
        for (const char ch : path.substr(1, close - 1)) {
          if (ch < '0' || ch > '9') return f;
          index = index * 10 + static_cast<std::size_t>(ch - '0');
        }
        if (index >= c->members.size()) return f;
        m = &c->members[index];
        used = close + 1;
      } else if (!c->is_array) {
        if (path.front() == '.') path.remove_prefix(1);
        // Keys may contain '.' or '[': the longest key that the path continues after wins.
        for (std::size_t n = 0; n <= path.size(); ++n) {
          if (n < path.size() && path[n] != '.' && path[n] != '[') continue;
          if (const auto it = c->by_key.find(path.substr(0, n)); it != c->by_key.end()) {
            m = &c->members[it->second];
            used = n;
          }
        }
        if (m == nullptr) return f;
      } else {
        return f;
      }
      path.remove_prefix(used);
      f.value = m->value;
      f.key = m->key_at;
    }
    f.exact = true;
    return f;
  }

  void set_root(std::size_t at) { root_ = at; }

  // The keys of the object whose value starts at `at`, in text order, with where each starts.
  template <class F>
  void for_each_key(std::size_t at, F&& f) {
    if (const Container* c = container(at))
      for (const Member& m : c->members)
        if (m.key_at) f(m.key, *m.key_at);
  }

 private:
  struct Member {
    std::string key;  // decoded; empty for array elements
    std::optional<std::size_t> key_at;
    std::size_t value = 0;
  };
  struct Container {
    bool is_array = false;
    std::vector<Member> members;
    // Objects: key -> index in members. The last of duplicate keys wins, as in the parsed value.
    std::unordered_map<std::string_view, std::size_t> by_key;
  };

  std::size_t skip_space(std::size_t i) const {
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r')) ++i;
    return i;
  }
  std::size_t skip_string(std::size_t i) const {  // i at the opening quote
    for (++i; i < text_.size(); ++i) {
      if (text_[i] == '\\') ++i;
      else if (text_[i] == '"') return i + 1;
    }
    return text_.size();
  }
  std::size_t skip_value(std::size_t i) const {
    if (i >= text_.size()) return i;
    if (text_[i] == '"') return skip_string(i);
    if (text_[i] == '{' || text_[i] == '[') {
      std::size_t depth = 0;
      while (i < text_.size()) {
        const char c = text_[i];
        if (c == '"') {
          i = skip_string(i);
          continue;
        }
        if (c == '{' || c == '[') ++depth;
        if ((c == '}' || c == ']') && --depth == 0) return i + 1;
        ++i;
      }
      return i;
    }
    while (i < text_.size() && text_[i] != ',' && text_[i] != '}' && text_[i] != ']' && text_[i] != ' ' &&
           text_[i] != '\t' && text_[i] != '\n' && text_[i] != '\r')
      ++i;
    return i;
  }
  std::string decode_key(std::size_t open, std::size_t end) const {
    const std::string_view raw = text_.substr(open, end - open);
    if (raw.find('\\') == std::string_view::npos) return std::string(raw.substr(1, raw.size() - 2));
    const json decoded = json::parse(raw, nullptr, false);
    return decoded.is_string() ? decoded.get<std::string>() : std::string();
  }

  // The members of the container whose value starts at `at`; nullptr for a scalar. A container whose
  // text is long is indexed once and kept; a short one (a fault object) is indexed again when asked,
  // which costs less than keeping an index for each of a million of them.
  const Container* container(std::size_t at) {
    if (at >= text_.size() || (text_[at] != '{' && text_[at] != '[')) return nullptr;
    if (const auto it = cache_.find(at); it != cache_.end()) return &it->second;
    scratch_ = Container{};
    const std::size_t end = index(at, scratch_);
    Container& c = end - at < kKeepIndexFrom ? scratch_ : cache_.emplace(at, std::move(scratch_)).first->second;
    // Views into the members' keys, taken where the container stays.
    if (!c.is_array)
      for (std::size_t k = 0; k < c.members.size(); ++k) c.by_key[c.members[k].key] = k;
    return &c;
  }

  // Fills `c` with the members of the container at `at`; returns where its text ends.
  std::size_t index(std::size_t at, Container& c) const {
    c.is_array = text_[at] == '[';
    const char close = c.is_array ? ']' : '}';
    std::size_t i = skip_space(at + 1);
    while (i < text_.size() && text_[i] != close) {
      Member m;
      if (!c.is_array) {
        if (text_[i] != '"') break;
        const std::size_t key_end = skip_string(i);
        m.key = decode_key(i, key_end);
        m.key_at = i;
        i = skip_space(key_end);
        if (i >= text_.size() || text_[i] != ':') break;
        i = skip_space(i + 1);
      }
      m.value = i;
      i = skip_space(skip_value(i));
      c.members.push_back(std::move(m));
      if (i < text_.size() && text_[i] == ',') i = skip_space(i + 1);
      else break;
    }
    return i < text_.size() ? i + 1 : i;
  }

  std::string_view text_;
  std::size_t root_ = 0;
  std::unique_ptr<LineIndex> lines_;
  static constexpr std::size_t kKeepIndexFrom = 4096;  // bytes of text
  std::unordered_map<std::size_t, Container> cache_;  // by the offset of the container's '{' or '['
  Container scratch_;  // the index of the last short container
};

TextPos PositionedJson::value_pos(std::string_view path) const {
  if (!navigator) return {};
  return navigator->lines().at(navigator->find(path).value);
}

TextPos PositionedJson::key_pos(std::string_view path) const {
  if (!navigator) return {};
  const JsonTextNavigator::Found f = navigator->find(path);
  return navigator->lines().at(f.exact && f.key ? *f.key : f.value);
}

namespace {

// Builds the DOM itself (simpler than wrapping nlohmann::detail types). Positions are not recorded:
// PositionedJson finds them in the text when a message needs one. Only duplicate keys need a
// position during parsing, and they are found from the object's own start.
class PositionSax {
 public:
  PositionSax(std::string_view text, std::string_view file, PositionedJson& out)
      : text_(text), file_(file), out_(out) {}

  std::size_t consumed = 0;  // bytes pulled by the lexer so far (may be one past a number)

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const json::string_t&) { return put(json(v)); }
  bool string(json::string_t& v) { return put(json(std::move(v))); }
  bool binary(json::binary_t&) { return false; }  // never produced by the text parser

  bool start_object(std::size_t) { return open(json::object()); }
  bool end_object() { return close(); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_array() { return close(); }

  bool key(json::string_t& k) {
    const std::size_t at = token_start();
    scan_from_ = consumed;
    Frame& f = stack_.back();
    if (f.first_keys) f.first_keys->try_emplace(k, at);
    if (f.container->contains(k)) {
      if (!f.first_keys) index_keys_so_far(f, at);
      const TextPos pos = lines().at(at);
      Diagnostic d;
      d.file = std::string(file_);
      d.line = pos.line;
      d.column = pos.column;
      d.path = json_path_member(f.path, k);
      const TextPos first = lines().at(f.first_keys->at(k));
      d.message = "duplicate key \"" + k + "\" in this object (it first appears on line " +
                  std::to_string(first.line) + "); each key may appear only once";
      out_.errors.push_back(std::move(d));
    }
    f.key = std::move(k);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    // `position` counts the bytes read, so the offending byte is the one before it.
    const std::size_t offset = position > 0 ? position - 1 : 0;
    const TextPos pos = lines().at(offset);
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
    std::size_t start;      // offset of its '{' or '['
    std::size_t next_index;
    std::string key;  // pending key of an object
    // Where each key first appears; built only once the object has a duplicate key.
    std::unique_ptr<std::unordered_map<std::string, std::size_t>> first_keys;
  };

  const LineIndex& lines() { return out_.navigator->lines(); }

  // Paths grow with depth and each level keeps its own, so absurd nesting would cost memory quadratic
  // in the depth. No scenario or lesson needs more than a handful of levels.
  static constexpr std::size_t kMaxDepth = 200;

  bool open(json v) {
    const std::size_t at = token_start();
    if (stack_.size() >= kMaxDepth) {
      const TextPos pos = lines().at(at);
      Diagnostic d;
      d.file = std::string(file_);
      d.line = pos.line;
      d.column = pos.column;
      d.message = "the JSON is nested more than " + std::to_string(kMaxDepth) + " levels deep";
      out_.errors.push_back(std::move(d));
      return false;
    }
    std::string path = stack_.empty()       ? std::string()
                       : stack_.back().container->is_array() ? json_path_index(stack_.back().path, stack_.back().next_index)
                                                             : json_path_member(stack_.back().path, stack_.back().key);
    json* slot = insert(std::move(v), at);
    stack_.push_back(Frame{slot, std::move(path), at, 0, {}, nullptr});
    return true;
  }
  bool close() {
    stack_.pop_back();
    scan_from_ = consumed;
    return true;
  }

  // The keys of the innermost object up to `end` (where the duplicate is), with where each first
  // appears: the object's text so far is scanned once; later keys are added as they come.
  void index_keys_so_far(Frame& f, std::size_t end) {
    f.first_keys = std::make_unique<std::unordered_map<std::string, std::size_t>>();
    JsonTextNavigator partial(text_.substr(0, end));
    partial.for_each_key(f.start, [&](const std::string& k, std::size_t at) { f.first_keys->try_emplace(k, at); });
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

  // Places a value at the current position in the DOM and returns it.
  json* insert(json v, std::size_t at) {
    scan_from_ = consumed;
    if (stack_.empty()) {
      out_.value = std::move(v);
      out_.navigator->set_root(at);
      return &out_.value;
    }
    Frame& f = stack_.back();
    if (f.container->is_array()) {
      ++f.next_index;
      f.container->push_back(std::move(v));
      return &f.container->back();
    }
    json* slot = &(*f.container)[f.key];
    *slot = std::move(v);
    return slot;
  }

  bool put(json v) {
    insert(std::move(v), stack_.empty() ? token_start() : 0);
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
  PositionedJson& out_;
  std::vector<Frame> stack_;
  std::size_t scan_from_ = 0;
};

// A file in another encoding fails at its first byte with a baffling syntax error: name the encoding.
// UTF-16 and UTF-32 are told by their byte order mark, or, without one, by the zero bytes that ASCII
// characters such as the opening "{" get in them.
std::string_view wide_encoding(std::string_view t) {
  const auto at = [&](std::size_t i) { return i < t.size() ? static_cast<unsigned char>(t[i]) : 0x100u; };
  const auto ascii = [&](std::size_t i) { return at(i) >= 0x01 && at(i) < 0x80; };
  if (at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) return "UTF-32";
  if (at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) return "UTF-32";
  if ((at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF)) return "UTF-16";
  if ((ascii(0) && at(1) == 0 && at(2) == 0 && at(3) == 0) || (at(0) == 0 && at(1) == 0 && at(2) == 0 && ascii(3)))
    return "UTF-32";
  if ((ascii(0) && at(1) == 0) || (at(0) == 0 && ascii(1))) return "UTF-16";
  return {};
}

// nlohmann reads a zero byte as the end of the input: it would report "unexpected end of input" in
// the middle of a file, or accept a file whose rest follows a zero byte. Say what is there instead.
bool refuse_unreadable_text(std::string_view text, std::string_view file, Diagnostics& errors) {
  Diagnostic d;
  d.file = std::string(file);
  if (const std::string_view enc = wide_encoding(text); !enc.empty()) {
    d.line = 1;
    d.column = 1;
    d.message = "the file is " + std::string(enc) + ", not UTF-8; save it as UTF-8";
  } else if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    const TextPos pos = LineIndex(text).at(nul);
    d.line = pos.line;
    d.column = pos.column;
    d.message = "NUL byte at line " + std::to_string(pos.line) + " column " + std::to_string(pos.column) +
                ": a JSON text cannot contain a zero byte (is this a binary file?)";
  } else {
    return false;
  }
  errors.push_back(std::move(d));
  return true;
}

}  // namespace

PositionedJson parse_json_with_positions(std::string_view text, std::string_view file_name) {
  PositionedJson out;
  out.navigator = std::make_shared<JsonTextNavigator>(text);
  if (refuse_unreadable_text(text, file_name, out.errors)) {
    out.value = nullptr;
    return out;
  }
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
