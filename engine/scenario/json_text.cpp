#include "scenario/json_text.hpp"

namespace cs {
namespace {

template <class Range>
std::string join_any(const Range& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace

std::string join(std::span<const std::string_view> items) { return join_any(items); }
std::string join(const std::vector<std::string>& items) { return join_any(items); }

std::string type_phrase(const nlohmann::json& v) {
  using json = nlohmann::json;
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array:
      return v.empty() ? "an empty list" : "a list of " + std::to_string(v.size()) + (v.size() == 1 ? " item" : " items");
    case json::value_t::string: return "the string " + v.dump();
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "the number " + v.dump();
    default: return "a value of another type";
  }
}

}  // namespace cs
