#include <string>

#include "diagnostics_check.hpp"
#include "fuzz_checks.hpp"
#include "scenario/lesson.hpp"
#include "scenario/simulation.hpp"

namespace cs::fuzz {

std::string check_lesson_input(std::string_view bytes) {
  static constexpr std::string_view kFile = "fuzz-lesson.json";
  (void)looks_like_lesson(bytes);
  const LessonLoadResult loaded = load_lesson(bytes, kFile);
  if (!loaded.lesson) return check_rejection(loaded.diagnostics, bytes, kFile);
  if (!loaded.diagnostics.empty()) return "a lesson was returned together with diagnostics";
  if (loaded.lesson->steps.empty()) return "a lesson without steps was accepted";
  // The window starts the lesson's run as soon as it opens.
  Diagnostics errors;
  if (!Simulation::create(loaded.lesson->scenario, errors))
    return errors.empty() ? "a loaded lesson's run could not be started, without a message"
                          : "a loaded lesson's run could not be started: " + errors.front().to_string();
  return {};
}

}  // namespace cs::fuzz
