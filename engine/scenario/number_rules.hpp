// Rules for the numbers that both a scenario file and a command line can give (a seed, the run's
// end), in one place so that the file and the command line never disagree about what is allowed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "sim/types.hpp"

namespace cs {

// A run's end ("until_ms" in a file, --until-ms on the command line): at least one microsecond (the
// clock's step; anything less would round to a run that ends before it starts), at most 10^12 ms.
inline constexpr double kMinUntilMs = 0.001;
inline constexpr double kMaxUntilMs = 1e12;
bool until_ms_allowed(double ms);  // false for NaN too
Time until_from_ms(double ms);     // only for an allowed value
// "must be between 0.001 (1 µs) and 1000000000000 ms": completes "until_ms ..." or "--until-ms ...".
std::string until_ms_rule();

// A whole number of at least 0 that fits 64 bits (a seed). -0 is 0. A JSON number too large for
// 64 bits arrives as a double (18446744073709551616 does): it is TooLarge, not "not a whole number".
struct WholeNumber {
  enum class Problem { None, NotWhole, Negative, TooLarge };
  std::uint64_t value = 0;
  Problem problem = Problem::None;
};
WholeNumber read_whole_number(const nlohmann::json& v);
// The same rule for text typed on a command line: decimal digits, optionally signed.
WholeNumber read_whole_number(std::string_view text);
// "is too large: the largest is 18446744073709551615" and the like; empty for Problem::None.
std::string whole_number_problem_text(WholeNumber::Problem p);

}  // namespace cs
