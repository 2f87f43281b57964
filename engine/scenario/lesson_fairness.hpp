// Warnings about questions a learner can answer without understanding (docs/lesson-format.md,
// "Fair questions"). They do not stop a lesson from loading; `commitscope-cli validate` prints them,
// and the shipped lessons are kept free of them by a test.
//
// - Length: in a choice or predict question, a right option whose text is more than 1.5 times as
//   long (in characters, per language) as the longest wrong option. Test-wise learners pick the
//   long, careful-sounding option.
// - Told just before: the right option's distinctive words are in the text shown just before the
//   question. The text before is the nearest earlier step that is not an action: a narration, a
//   task's instruction, or a question with its options and explanations (a choice question followed
//   by a predict question on the same point). Distinctive words (English text): words of 4 or more
//   letters, lower-cased, a final "s" dropped, common words left out, that appear neither in the
//   question nor in any wrong option. Warned when there are at least 3 of them and at least 60 %
//   appear in the text before.
#pragma once

#include <string_view>

#include "scenario/lesson.hpp"
#include "sim/diagnostic.hpp"

namespace cs {

inline constexpr double kMaxRightToWrongLength = 1.5;
inline constexpr std::size_t kMinDistinctiveWords = 3;
inline constexpr double kToldBeforeShare = 0.6;

// One diagnostic per unfair option, at its place in `text` (the lesson file's text); each message
// starts with "warning: " and names the step id.
Diagnostics question_fairness_warnings(const Lesson& lesson, std::string_view text);

}  // namespace cs
