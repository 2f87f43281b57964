#include "scenario/lesson_variant.hpp"

#include "scenario/lesson_predict.hpp"
#include "scenario/lesson_walker.hpp"

namespace cs {

Lesson lesson_on_seed(const Lesson& lesson, std::uint64_t seed) {
  Lesson l = lesson;
  l.scenario.seed = seed;
  return l;
}

std::vector<std::size_t> predict_outcome_on_seed(const Lesson& lesson, std::size_t index, std::uint64_t seed, bool* open) {
  if (open) *open = false;
  if (index >= lesson.steps.size()) return {};
  const LessonStep& step = lesson.steps[index];
  if (step.kind != StepKind::Quiz || step.quiz.kind != QuizKind::Predict) return {};
  WalkReport report;
  auto run = walk_lesson_steps(lesson_on_seed(lesson, seed), index, report);
  if (!run) return {};
  // The run must reach the question the way the lesson does: its actions and the learner's tasks
  // (their solutions) have to work on this seed. Earlier predictions may turn out otherwise.
  for (const StepReport& r : report.steps)
    if (!r.ok && r.kind != "quiz:predict" && r.kind != "quiz:choice") return {};
  if (open) *open = predict_giveaways(step.quiz, *run).empty();
  std::vector<LessonAction> rest = step.quiz.after_prediction;
  rest.insert(rest.end(), step.quiz.until.begin(), step.quiz.until.end());
  if (!perform_all(rest, *run).ok) return {};
  return true_options(step.quiz, *run);
}

std::optional<PredictVariant> find_predict_variant(const Lesson& lesson, std::size_t index, std::span<const std::uint64_t> seeds) {
  for (const std::uint64_t seed : seeds) {
    bool open = false;
    const auto happens = predict_outcome_on_seed(lesson, index, seed, &open);
    if (open && happens.size() == 1) return PredictVariant{seed, happens.front()};
  }
  return std::nullopt;
}

std::optional<std::uint64_t> find_goal_variant(const Lesson& lesson, std::size_t index, std::span<const std::uint64_t> seeds) {
  if (index >= lesson.steps.size()) return std::nullopt;
  const LessonStep& step = lesson.steps[index];
  if (step.kind != StepKind::Quiz || step.quiz.kind != QuizKind::MakeItHappen) return std::nullopt;
  for (const std::uint64_t seed : seeds) {
    WalkReport report;
    if (!walk_lesson_steps(lesson_on_seed(lesson, seed), index + 1, report) || report.steps.size() != index + 1) continue;
    bool ok = report.steps.back().ok;  // the solution reaches the goal on this seed
    for (std::size_t j = 0; j < index && ok; ++j)
      ok = report.steps[j].ok || report.steps[j].kind == "quiz:predict" || report.steps[j].kind == "quiz:choice";
    if (ok) return seed;
  }
  return std::nullopt;
}

}  // namespace cs
