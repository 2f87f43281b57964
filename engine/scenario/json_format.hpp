// JSON text for people: indented by two spaces, but any object or list that fits in `width` columns
// stays on one line (so a scenario has one fault per line, a report one log record per line).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

namespace cs {

// No trailing newline. Invalid UTF-8 in strings is replaced, never thrown about.
std::string format_json(const nlohmann::ordered_json& value, std::size_t width = 100);

// A list whose elements are made one at a time while it is written, so that a report with millions
// of log records never holds them all as JSON values (about 700 bytes each, with their text).
struct LazyArray {
  std::size_t size = 0;
  std::function<nlohmann::ordered_json(std::size_t)> element;
};
// Keyed by the address of a placeholder (any value) inside the value being written: the placeholder
// is written as the list, exactly as format_json would write the same list built in place.
using LazyArrays = std::unordered_map<const nlohmann::ordered_json*, LazyArray>;

// The text of format_json(value, width), with the lazy lists in place, handed to `sink` in pieces
// of about `chunk` bytes (the last one possibly empty).
void write_json(const nlohmann::ordered_json& value, const LazyArrays& lazy,
                const std::function<void(std::string_view)>& sink, std::size_t width = 100,
                std::size_t chunk = std::size_t{1} << 20);

}  // namespace cs
