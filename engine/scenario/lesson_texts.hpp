// What lesson texts may refer to besides the run: the app's commands by a stable key
// ({ui:step_forward}, {ui:crash_node:R1}), so that a lesson quotes the label the learner really sees
// in either language; and the primary sources a lesson cites at its end. The engine only knows the
// keys (the loader rejects unknown ones); the app maps each key to its translated label
// (app/gui/lessons/ui_labels.cpp, with a guard test against the live menus).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/lesson.hpp"
#include "sim/diagnostic.hpp"

namespace cs {

struct UiKeyInfo {
  std::string_view key;
  bool takes_node;  // {ui:crash_node:R1}: the label names a node
};
// Every UI command a lesson may name, in a fixed order.
std::span<const UiKeyInfo> ui_keys();
const UiKeyInfo* find_ui_key(std::string_view key);

// One {ui:KEY} or {ui:KEY:ARG} reference in a text.
struct UiRef {
  std::size_t pos = 0;  // offset of '{'
  std::size_t len = 0;  // up to and including '}'
  std::string key;
  std::string arg;  // empty when none
};
std::vector<UiRef> find_ui_refs(std::string_view text);
// Problems with the references in one text ("unknown UI key ..."), empty when all are known.
std::vector<std::string> ui_ref_problems(std::string_view text);

struct SourceInfo {
  std::string_view key;
  std::string_view citation;  // as printed at the end of a lesson (not translated: titles stay original)
};
// The primary sources a lesson's "sources" list may name.
std::span<const SourceInfo> lesson_sources();
const SourceInfo* find_source(std::string_view key);

// Words of an English text as a teacher reads them aloud: runs of letters and digits (`code` and
// {ui:...} references count as one word each).
std::size_t english_word_count(std::string_view text);

// Narration read from a projector stays short: a narration's or task's English text over this many
// words gets a warning (the rest belongs in the step's "more").
inline constexpr std::size_t kMaxStepWords = 60;

// Warnings (each message starts with "warning: "): steps too long to read from a projector, a
// lesson without a recap or without sources. They do not stop a lesson from loading.
Diagnostics lesson_length_warnings(const Lesson& lesson, std::string_view text);

}  // namespace cs
