#include "scenario/number_rules.hpp"

#include <cmath>
#include <limits>

namespace cs {

bool until_ms_allowed(double ms) { return ms >= kMinUntilMs && ms <= kMaxUntilMs; }

Time until_from_ms(double ms) { return static_cast<Time>(std::llround(ms * 1000.0)); }

std::string until_ms_rule() { return "must be between 0.001 (1 µs) and 1000000000000 ms"; }

WholeNumber read_whole_number(const nlohmann::json& v) {
  using P = WholeNumber::Problem;
  if (v.is_number_unsigned()) return {v.get<std::uint64_t>(), P::None};
  if (v.is_number_integer()) {
    // nlohmann keeps "-0" as a signed integer 0; it is the number 0.
    const std::int64_t x = v.get<std::int64_t>();
    return x == 0 ? WholeNumber{0, P::None} : WholeNumber{0, P::Negative};
  }
  if (v.is_number_float()) {
    const double x = v.get<double>();
    // Integers beyond 64 bits are parsed as doubles; 2^64 and up cannot be a seed.
    if (x >= 18446744073709551616.0) return {0, P::TooLarge};
    if (x <= -1.0 && std::trunc(x) == x) return {0, P::Negative};
  }
  return {0, P::NotWhole};
}

WholeNumber read_whole_number(std::string_view text) {
  using P = WholeNumber::Problem;
  bool negative = false;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) return {0, P::NotWhole};
  std::uint64_t value = 0;
  bool overflow = false;
  for (const char c : text) {
    if (c < '0' || c > '9') return {0, P::NotWhole};
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) overflow = true;
    else value = value * 10 + digit;
  }
  if (negative) return value == 0 && !overflow ? WholeNumber{0, P::None} : WholeNumber{0, P::Negative};
  if (overflow) return {0, P::TooLarge};
  return {value, P::None};
}

std::string whole_number_problem_text(WholeNumber::Problem p) {
  switch (p) {
    case WholeNumber::Problem::None: return {};
    case WholeNumber::Problem::NotWhole:
    case WholeNumber::Problem::Negative: return "must be a whole number (0 or more)";
    case WholeNumber::Problem::TooLarge:
      return "is too large: the largest is " + std::to_string(std::numeric_limits<std::uint64_t>::max());
  }
  return {};
}

}  // namespace cs
