// Why a protocol cannot run a scenario mapped from another one (engine/scenario/compare.hpp): a
// stable key and its arguments, so that the app words it in the learner's language
// (app/gui/views/engine_text.cpp, guarded by a test that every key has words) while the CLI and
// `validate` print the English sentence built here.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

struct CompareRefusal {
  std::string key;                // one of compare_refusal_keys(); empty: no refusal
  std::vector<std::string> args;  // positional; each key's list is documented in compare_refusal.cpp
  bool empty() const { return key.empty(); }
  bool operator==(const CompareRefusal&) const = default;
};

// Every key a refusal can have (for the guard tests).
std::span<const std::string_view> compare_refusal_keys();

// How many arguments a key takes (-1: unknown key).
int compare_refusal_arity(std::string_view key);

// The English sentence ("saga-orchestration has 2 to 4 workers (...); the file has 5").
std::string compare_refusal_english(const CompareRefusal& r);

}  // namespace cs
