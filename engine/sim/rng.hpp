// The engine's only source of randomness: xoshiro256** seeded through SplitMix64.
// The algorithm is fixed here (not std::*_distribution, whose output differs between standard
// libraries), so a seed gives the same run on every machine.
#pragma once

#include <array>
#include <cstdint>

#include "sim/types.hpp"

namespace cs {

class Rng {
 public:
  // `stream` separates independent sequences drawn from one seed (latency, loss, workload, ...),
  // so drawing more from one stream never shifts another.
  explicit Rng(std::uint64_t seed = 0, std::uint64_t stream = 0);

  std::uint64_t next();
  // Uniform in [0, bound) without modulo bias (Lemire's method). bound == 0 returns 0.
  std::uint64_t below(std::uint64_t bound);
  // Uniform in [lo, hi], inclusive; lo > hi is treated as lo.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // True with probability r.num / r.den.
  bool chance(Ratio r);

  // The raw xoshiro256** state, in and out: lets tests pin the generator and the SplitMix64 seeding
  // separately against the published reference values.
  using State = std::array<std::uint64_t, 4>;
  static Rng from_state(const State& s) {
    Rng r;
    for (std::size_t i = 0; i < 4; ++i) r.s_[i] = s[i];
    return r;
  }
  State state() const { return {s_[0], s_[1], s_[2], s_[3]}; }

 private:
  std::uint64_t s_[4];
};

// Named streams. Their numbers are part of the determinism contract: changing one changes traces.
enum class Stream : std::uint64_t {
  Latency = 1,
  Loss = 2,
  Duplicate = 3,
  Workload = 4,
  Faults = 5,
  Protocol = 6,
};

inline Rng make_stream(std::uint64_t seed, Stream s) { return Rng(seed, static_cast<std::uint64_t>(s)); }

}  // namespace cs
