// The rule that a predict question is asked while its outcome is still open. A question whose answer
// is already on the canvas (the decisive message in flight, the decision in a log) is not a
// prediction: the learner reads the answer off the screen. So, at the moment the question is shown:
// - the option that turns out right must not already hold, and
// - none of its evidence may be there yet. Evidence is what the right option's condition asks for
//   that, once it exists, stays: a log record, a protocol note, messages sent or lost, a crash, a
//   transaction's final outcome, a broken invariant. (States and metrics can go back, so they count
//   only through the first rule.)
// A lesson gets there by stopping the run earlier, or by doing the thing that decides the outcome
// (restarting the coordinator, say) only after the prediction: the predict quiz's "after_prediction"
// actions. The walker and `commitscope-cli validate` apply the rule to every predict step.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenario/lesson.hpp"
#include "scenario/simulation.hpp"
#include "sim/diagnostic.hpp"

namespace cs {

// One thing that gives a predict question's answer away.
struct Giveaway {
  std::string path;    // where the condition is written ("steps[9].options[1].when.all[1]")
  std::string what;    // what already holds, in words ("C's log already has ABORT for transaction 1")
};

// What gives the answer of predict quiz `quiz` away if it is asked with the run as it stands now (the
// moment the question is shown, before "after_prediction" and "until"). Empty: the outcome is open.
std::vector<Giveaway> predict_giveaways(const Quiz& quiz, const Simulation& run);

// One sentence for a report: "the answer is visible before the question is asked (at 900 ms): C's log
// already has ABORT for transaction 1 (steps[9].options[1].when.all[1])".
std::string giveaway_text(const std::vector<Giveaway>& found, const Simulation& run);

// Walks the lesson with its own solutions and checks every predict step at the moment its question is
// shown. One diagnostic per step that gives its answer away, at the step's place in `text` (the
// lesson file's text, for line and column), naming the file, the step id and what gives it away.
Diagnostics predict_question_diagnostics(const Lesson& lesson, std::string_view text);

}  // namespace cs
