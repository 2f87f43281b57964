// The order in which a question's options are shown. Lesson files list options in the order the
// author wrote them, and authors tend to put the right one first; shown as written, a learner
// scores by position instead of by understanding. So the app shows them in an order drawn from the
// attempt: the same attempt and try always give the same order (tests and a resumed attempt are
// reproducible), another attempt gives another order, and each "Try again" gives an order that
// differs from the one before. A whole class in front of one projector uses attempt 0, try 0: one
// fixed order for everybody.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace cs {

// A permutation of 0..n-1: element k is the index (in the lesson file) of the option shown k-th.
// Deterministic in (lesson_id, step_id, attempt, tries); for tries > 0 it differs from the order of
// tries - 1 whenever n >= 2.
std::vector<std::size_t> option_order(std::size_t n, std::string_view lesson_id, std::string_view step_id,
                                      std::uint64_t attempt, std::uint64_t tries);

}  // namespace cs
