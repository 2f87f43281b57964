// JSON text for people: indented by two spaces, but any object or list that fits in `width` columns
// stays on one line (so a scenario has one fault per line, a report one log record per line).
#pragma once

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

namespace cs {

// No trailing newline. Invalid UTF-8 in strings is replaced, never thrown about.
std::string format_json(const nlohmann::ordered_json& value, std::size_t width = 100);

}  // namespace cs
