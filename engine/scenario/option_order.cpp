#include "scenario/option_order.hpp"

#include <algorithm>

namespace cs {
namespace {

// Our own generator and shuffle: std::shuffle's algorithm is left to the library, and the order must
// be the same on every platform.
std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) h = (h ^ c) * 0x100000001B3ULL;
  return (h ^ 0xFF) * 0x100000001B3ULL;  // a separator, so ("ab","c") and ("a","bc") differ
}

std::vector<std::size_t> drawn_order(std::size_t n, std::uint64_t seed) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::uint64_t state = seed;
  for (std::size_t i = n; i > 1; --i) {  // Fisher-Yates
    const auto j = static_cast<std::size_t>(splitmix64(state) % i);
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

}  // namespace

std::vector<std::size_t> option_order(std::size_t n, std::string_view lesson_id, std::string_view step_id,
                                      std::uint64_t attempt, std::uint64_t tries) {
  std::uint64_t seed = fnv1a(fnv1a(0xCBF29CE484222325ULL, lesson_id), step_id);
  std::uint64_t mix = seed ^ attempt;
  seed = splitmix64(mix) ^ tries;
  std::vector<std::size_t> order = drawn_order(n, splitmix64(seed));
  if (tries > 0 && n >= 2 && order == option_order(n, lesson_id, step_id, attempt, tries - 1))
    std::rotate(order.begin(), order.begin() + 1, order.end());  // a retry never looks the same
  return order;
}

}  // namespace cs
