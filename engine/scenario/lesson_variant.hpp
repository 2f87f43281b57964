// "Try a variant": a predict question asked again on another run of its lesson, so that practice is
// not memory. The variant is the lesson walked with its own actions and solutions on another seed
// (other latencies and losses, the same faults) up to the question; it is offered only when the
// question is still open there (scenario/lesson_predict.hpp) and exactly one option happens when the
// run plays on to the question's `until`. That option, computed by the engine on that run, is the
// right answer of the variant, whichever option the lesson file calls right.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "scenario/lesson.hpp"

namespace cs {

struct PredictVariant {
  std::uint64_t seed = 0;
  std::size_t happens = 0;  // the option whose condition holds at `until` on that seed
};

// The lesson with its scenario's seed replaced.
Lesson lesson_on_seed(const Lesson& lesson, std::uint64_t seed);

// What happens on `seed` at predict step `index`: the options whose condition holds at `until`
// (empty when the lesson's own actions or solutions before the question do not work on that seed).
// `open`: set to whether the question is still open when it is asked on that seed.
std::vector<std::size_t> predict_outcome_on_seed(const Lesson& lesson, std::size_t index, std::uint64_t seed, bool* open = nullptr);

// The first seed of `seeds` that makes a fair variant of predict step `index` (see above).
std::optional<PredictVariant> find_predict_variant(const Lesson& lesson, std::size_t index, std::span<const std::uint64_t> seeds);

// A make-it-happen question on another seed: the first of `seeds` on which the lesson's own steps
// before it work and its own solution reaches its goal (which does not hold before), so that the
// learner can make it happen again on a run whose timing differs.
std::optional<std::uint64_t> find_goal_variant(const Lesson& lesson, std::size_t index, std::span<const std::uint64_t> seeds);

}  // namespace cs
