#include "scenario/json_format.hpp"

namespace cs {
namespace {

using ojson = nlohmann::ordered_json;

// One line, with a space after ':' and ',' as people write JSON by hand. Gives up (returns false)
// once `out` grows past `limit`, so that big reports are not flattened again at every depth.
bool put_inline(const ojson& v, std::string& out, std::size_t limit) {
  if (out.size() > limit) return false;
  if (v.is_object()) {
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
      if (!put_inline(x, out, limit)) return false;
    }
    out += " }";
  } else if (v.is_array()) {
    out += '[';
    bool first = true;
    for (const auto& x : v) {
      if (!first) out += ", ";
      first = false;
      if (!put_inline(x, out, limit)) return false;
    }
    out += ']';
  } else {
    out += v.dump(-1, ' ', false, ojson::error_handler_t::replace);
  }
  return out.size() <= limit;
}

// Like dump(2), but any object or array that fits on one line stays on one line, so a saved file
// reads like a hand-written one (one fault per line).
void put_pretty(const ojson& v, int indent, std::size_t width, std::string& out) {
  if (!v.is_structured() || v.empty()) {
    put_inline(v, out, static_cast<std::size_t>(-1));
    return;
  }
  std::string flat;
  const std::size_t room = width > static_cast<std::size_t>(indent) ? width - static_cast<std::size_t>(indent) : 0;
  if (indent > 0 && put_inline(v, flat, room)) {
    out += flat;
    return;
  }
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  out += v.is_object() ? "{\n" : "[\n";
  bool first = true;
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) {
      if (!first) out += ",\n";
      first = false;
      out += pad + ojson(k).dump() + ": ";
      put_pretty(x, indent + 2, width, out);
    }
  } else {
    for (const auto& x : v) {
      if (!first) out += ",\n";
      first = false;
      out += pad;
      put_pretty(x, indent + 2, width, out);
    }
  }
  out += "\n" + std::string(static_cast<std::size_t>(indent), ' ') + (v.is_object() ? "}" : "]");
}

}  // namespace

std::string format_json(const nlohmann::ordered_json& value, std::size_t width) {
  std::string out;
  put_pretty(value, 0, width, out);
  return out;
}

}  // namespace cs
