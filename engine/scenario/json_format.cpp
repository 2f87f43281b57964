#include "scenario/json_format.hpp"

namespace cs {
namespace {

using ojson = nlohmann::ordered_json;

class Writer {
 public:
  Writer(const LazyArrays& lazy, std::size_t width, std::string& out, const std::function<void(std::string_view)>* sink,
         std::size_t chunk)
      : lazy_(lazy), width_(width), out_(out), sink_(sink), chunk_(chunk) {}

  void pretty(const ojson& v, int indent);

 private:
  const LazyArray* lazy_of(const ojson& v) const {
    if (lazy_.empty()) return nullptr;
    const auto it = lazy_.find(&v);
    return it == lazy_.end() ? nullptr : &it->second;
  }
  bool is_empty(const ojson& v) const {
    const LazyArray* l = lazy_of(v);
    return l ? l->size == 0 : v.empty();
  }
  bool inline_text(const ojson& v, std::string& out, std::size_t limit) const;
  // Hands what is written so far to the sink (only between values of the top-level text).
  void flush_if_full() {
    if (sink_ && out_.size() >= chunk_) {
      (*sink_)(out_);
      out_.clear();
    }
  }

  const LazyArrays& lazy_;
  std::size_t width_;
  std::string& out_;
  const std::function<void(std::string_view)>* sink_;
  std::size_t chunk_;
};

// One line, with a space after ':' and ',' as people write JSON by hand. Gives up (returns false)
// once `out` grows past `limit`, so that big reports are not flattened again at every depth.
bool Writer::inline_text(const ojson& v, std::string& out, std::size_t limit) const {
  if (out.size() > limit) return false;
  if (const LazyArray* l = lazy_of(v)) {
    out += '[';
    for (std::size_t i = 0; i < l->size; ++i) {
      if (i > 0) out += ", ";
      if (!inline_text(l->element(i), out, limit)) return false;
    }
    out += ']';
  } else if (v.is_object()) {
    if (v.empty()) {
      out += "{}";
      return true;
    }
    out += "{ ";
    bool first = true;
    for (const auto& [k, x] : v.items()) {
      if (!first) out += ", ";
      first = false;
      out += ojson(k).dump();
      out += ": ";
      if (!inline_text(x, out, limit)) return false;
    }
    out += " }";
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const auto& x : v) {
      if (!first) out += ", ";
      first = false;
      if (!inline_text(x, out, limit)) return false;
    }
    out += ']';
  } else {
    out += v.dump(-1, ' ', false, ojson::error_handler_t::replace);
  }
  return out.size() <= limit;
}

// Like dump(2), but any object or array that fits on one line stays on one line, so a saved file
// reads like a hand-written one (one fault per line).
void Writer::pretty(const ojson& v, int indent) {
  const LazyArray* l = lazy_of(v);
  if ((!l && !v.is_structured()) || is_empty(v)) {
    inline_text(v, out_, static_cast<std::size_t>(-1));
    return;
  }
  std::string flat;
  const std::size_t room = width_ > static_cast<std::size_t>(indent) ? width_ - static_cast<std::size_t>(indent) : 0;
  if (indent > 0 && inline_text(v, flat, room)) {
    out_ += flat;
    return;
  }
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  const bool object = !l && v.is_object();
  out_ += object ? "{\n" : "[\n";
  bool first = true;
  const auto next = [&] {
    if (!first) out_ += ",\n";
    first = false;
    flush_if_full();
    out_ += pad;
  };
  if (l) {
    for (std::size_t i = 0; i < l->size; ++i) {
      next();
      pretty(l->element(i), indent + 2);
    }
  } else if (object) {
    for (const auto& [k, x] : v.items()) {
      next();
      out_ += ojson(k).dump() + ": ";
      pretty(x, indent + 2);
    }
  } else {
    for (const auto& x : v) {
      next();
      pretty(x, indent + 2);
    }
  }
  out_ += "\n" + std::string(static_cast<std::size_t>(indent), ' ') + (object ? "}" : "]");
}

}  // namespace

std::string format_json(const nlohmann::ordered_json& value, std::size_t width) {
  std::string out;
  const LazyArrays none;
  Writer(none, width, out, nullptr, 0).pretty(value, 0);
  return out;
}

void write_json(const nlohmann::ordered_json& value, const LazyArrays& lazy,
                const std::function<void(std::string_view)>& sink, std::size_t width, std::size_t chunk) {
  std::string out;
  Writer(lazy, width, out, &sink, chunk).pretty(value, 0);
  sink(out);
}

}  // namespace cs
