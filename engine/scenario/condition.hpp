// Evaluates a lesson condition (tasks' goals, predict options, play_until "when") over the current
// state of a run. Pure reads: the GUI may call it after every event to see whether a task is done.
#pragma once

#include "scenario/lesson.hpp"
#include "scenario/simulation.hpp"

namespace cs {

bool evaluate(const Condition& condition, const Simulation& run);

}  // namespace cs
