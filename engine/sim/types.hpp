// Basic value types shared by the whole engine.
#pragma once

#include <cstdint>
#include <string>

namespace cs {

// Virtual time in integer microseconds. Never wall-clock time.
using Time = std::int64_t;
constexpr Time kMicrosPerMs = 1000;
constexpr Time ms(std::int64_t v) { return v * kMicrosPerMs; }

using NodeId = std::int32_t;
constexpr NodeId kNoNode = -1;

// Transactions (or operations, for non-transactional protocols) are numbered from 1; 0 means "none".
using TxnId = std::uint32_t;

// A probability as an exact integer ratio, so that every platform draws the same outcome.
struct Ratio {
  std::uint32_t num = 0;
  std::uint32_t den = 1;

  static constexpr std::uint32_t kPpm = 1'000'000;
  // Rounds to parts per million; p is clamped to [0, 1].
  static Ratio from_probability(double p);
  double as_double() const { return den == 0 ? 0.0 : double(num) / double(den); }
  bool is_zero() const { return num == 0; }
  bool operator==(const Ratio&) const = default;
};

}  // namespace cs
