// Runs lessons without a GUI: performs the lesson's actions, applies each task's and make-it-happen
// quiz's own solution, and checks every goal, prediction and answer key against the real run. The
// tests and `commitscope-cli walk` use it so that lessons never rot; the GUI uses the same
// perform/predict functions so that a lesson behaves the same on screen.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scenario/condition.hpp"
#include "scenario/lesson.hpp"
#include "scenario/simulation.hpp"

namespace cs {

struct ActionResult {
  bool ok = true;
  std::string message;  // why it failed (empty when ok)
};

// Performs one action on the run. play_until with a state or a condition steps event by event and
// fails if the run ends (no more events, or the scenario's until_ms passes) first.
ActionResult perform(const LessonAction& action, Simulation& run);
// The scenario a Restart action starts: `current` (seed, limits, layout) with the action's params and
// the lesson scenario's own faults.
Scenario restarted_scenario(const Scenario& current, const LessonAction& restart);
ActionResult perform_all(const std::vector<LessonAction>& actions, Simulation& run);

// After the run has been played to a predict quiz's `until`: the indices of the options whose
// condition holds (a well-made quiz has exactly one).
std::vector<std::size_t> true_options(const Quiz& quiz, const Simulation& run);
// The learner's prediction against what happened (call after playing to `until`).
AnswerCheck check_prediction(const Quiz& quiz, std::size_t chosen, const Simulation& run);

struct StepReport {
  std::size_t index = 0;
  std::string id;
  std::string path;     // "steps[3]"
  std::string kind;     // "narration", "action", "task", "quiz:choice", "quiz:predict", "quiz:make_it_happen"
  bool ok = true;
  std::string message;  // what was checked, or what went wrong
  Time time = 0;        // virtual time after the step
  // A predict step whose answer is visible when its question is shown (scenario/lesson_predict.hpp):
  // what gives it away. The step fails; `validate` reports these.
  std::string giveaway;
};

struct WalkReport {
  std::string lesson;  // id
  std::string file;
  bool ok = true;
  std::vector<StepReport> steps;
  std::string error;  // set when the run could not even be built
};

// Walks the whole lesson from a fresh run of its scenario. Later steps still run after a failure
// (so one report shows every problem), starting from wherever the failed step left the run.
WalkReport walk_lesson(const Lesson& lesson);
// The same walk over the first `count` steps only; returns the run where they leave it (nullptr, with
// report.error, when the run could not be built). The app's tests compare its own run with this one:
// the same actions at the same times give the same state.
std::unique_ptr<Simulation> walk_lesson_steps(const Lesson& lesson, std::size_t count, WalkReport& report);

// "ok   steps[3] task id: message" lines, one per step, then "PASS"/"FAIL" (each ends in '\n').
std::string walk_report_text(const WalkReport& report);

}  // namespace cs
