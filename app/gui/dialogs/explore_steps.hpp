// A finding of the explorer in words, for the "What can go wrong?" dialog: each move of the search
// as a learner would say it ("PREPARE from C to P1 arrives", "P1 crashes"), in the window's
// language. The engine describes each move (cs::explore::describe_move: its kind and names); the CLI
// words the same description in English (app/cli/explore_file_command.cpp).
#pragma once

#include <QStringList>
#include <vector>

#include "explore/move_description.hpp"
#include "explore/scenario_explorer.hpp"
#include "sim/protocol.hpp"

namespace ExploreSteps {

// One line per move of `path`, numbered from 1, for `protocol`'s node, message and timer names.
QStringList describe(const cs::Protocol& protocol, const std::vector<cs::explore::Choice>& path);

// One move in the window's language.
QString moveText(const cs::explore::MoveDescription& move);

}  // namespace ExploreSteps
