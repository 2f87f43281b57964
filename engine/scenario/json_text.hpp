// Words the scenario and lesson loaders use in their messages, in one place so both say the same
// thing the same way: lists of allowed keys and what a wrong value is ("the string \"x\"", "a list
// of 3 items").
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace cs {

// "a, b, c".
std::string join(std::span<const std::string_view> items);
std::string join(const std::vector<std::string>& items);
// How a JSON value reads in "... must be X, not <phrase>".
std::string type_phrase(const nlohmann::json& v);

// The keys that say when a scripted fault fires (scenario "faults" and lesson "inject" steps).
inline constexpr std::string_view kTriggerKeys[] = {"at_ms", "on", "after_event"};

}  // namespace cs
