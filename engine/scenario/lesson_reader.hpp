// Internal to the lesson loader: reads the parts of a lesson file that refer to the run (conditions,
// actions, fault objects, highlights, bilingual texts), checking every name against the lesson's
// scenario and reporting each problem with its position. Not part of the engine's public surface.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenario/json_positions.hpp"
#include "scenario/json_text.hpp"
#include "scenario/lesson.hpp"
#include "sim/protocol.hpp"

namespace cs::lesson_detail {

using json = nlohmann::json;


class LessonReader {
 public:
  LessonReader(const PositionedJson& doc, std::string_view file, Diagnostics& out)
      : doc_(doc), file_(file), out_(out) {}

  // ---- reporting ----
  void report(const std::string& path, TextPos pos, std::string message);
  void error(const std::string& path, std::string message) { report(path, doc_.value_pos(path), std::move(message)); }
  void missing(const std::string& object_path, std::string_view key, std::string message) {
    report(json_path_member(object_path, key), doc_.value_pos(object_path), std::move(message));
  }
  std::size_t error_count() const { return out_.size(); }

  // ---- generic checks ----
  bool check_keys(const json& obj, const std::string& path, std::span<const std::string_view> allowed,
                  std::string_view where);
  bool expect_object(const json& v, const std::string& path, std::string_view what);
  std::optional<std::string> string(const json& v, const std::string& path, std::string_view what);
  std::optional<std::int64_t> integer(const json& v, const std::string& path, std::string_view what,
                                      std::int64_t lo, std::int64_t hi);
  std::optional<bool> boolean(const json& v, const std::string& path, std::string_view what);
  // {"zh-TW": "...", "en": "..."} with both present and not blank. `what` names it in messages.
  std::optional<LocalizedText> text(const json& v, const std::string& path, std::string_view what);
  // A required member: reports a missing key at the object, otherwise reads it as a text.
  std::optional<LocalizedText> text_member(const json& obj, const std::string& obj_path, std::string_view key,
                                           std::string_view what);
  // A list of bilingual texts (hints).
  std::vector<LocalizedText> texts(const json& v, const std::string& path, std::string_view what);

  // ---- the run the lesson talks about ----
  // Loads the inline scenario (errors mapped into this file) and builds its protocol for name checks;
  // it replaces the one read before (a switch_scenario step). On failure no names are known.
  std::optional<Scenario> scenario(const json& v, const std::string& path);
  bool knows_names() const { return protocol_ != nullptr; }

  std::optional<NodeId> node(const json& v, const std::string& path);
  std::optional<std::pair<NodeId, NodeId>> link(const json& v, const std::string& path, std::string_view what);
  // A state name that `node` can enter (any state when node is unknown).
  std::optional<std::uint16_t> state(const json& v, const std::string& path, std::optional<NodeId> node);
  std::optional<Highlight> highlight(const json& v, const std::string& path);
  std::vector<Highlight> highlights(const json& v, const std::string& path);

  std::optional<Condition> condition(const json& v, const std::string& path);
  // An action object {"do": ...}; `extra` lists keys of the enclosing step that may also appear.
  // `step`: the action is a lesson step's own (only those may restart the run).
  std::optional<LessonAction> action(const json& v, const std::string& path, std::span<const std::string_view> extra,
                                     bool step = false);
  // {"ms": T} | {"state": {"node", "state"}} | {"when": CONDITION} (a predict quiz's "until").
  std::optional<LessonAction> play_until(const json& v, const std::string& path);
  // A list of actions: a solution, or a predict quiz's "after_prediction" (`what` names it in messages).
  std::vector<LessonAction> actions(const json& v, const std::string& path, std::string_view what = "a solution");
  // {"do": "switch_scenario", "scenario": {...}}: the run becomes a fresh run of another scenario, and
  // every name read after it (the later steps) is checked against that scenario.
  std::optional<LessonAction> switch_scenario(const json& v, const std::string& path);
  // {"do": "show", "view": ...}: opens one of the app's views (lesson_reader_views.cpp).
  std::optional<LessonAction> show(const json& v, const std::string& path);
  // "log:P1:READY", "message:PREPARE", "metric:locks_held", "timer:P1" (lesson_reader_views.cpp).
  std::optional<Highlight> view_highlight(const std::string& s, const std::string& path);
  // Checks the `{metric:...}` placeholders of a text (both languages name the same ones).
  bool placeholders(const LocalizedText& t, const std::string& path);
  // A fault action object as in a scenario's fault list, without a trigger: {"crash": "C"}.
  std::optional<FaultAction> fault(const json& v, const std::string& path);

 private:
  std::optional<std::int64_t> bound(const json& obj, const std::string& path, std::string_view key);
  bool bounds(const json& obj, const std::string& path, Condition& c);
  std::optional<std::uint16_t> named(const json& v, const std::string& path, const std::vector<std::string>& keys,
                                     std::string_view what);
  std::optional<TxnId> txn(const json& v, const std::string& path);
  // Reports diagnostics of a scenario built from lesson parts, at the positions of those parts.
  void map_diagnostics(const Diagnostics& ds, std::string_view from_prefix, const std::string& to_prefix);
  std::string node_list() const;
  std::optional<LessonAction> restart(const json& v, const std::string& path);

  const PositionedJson& doc_;
  std::string file_;
  Diagnostics& out_;
  json scenario_json_;
  std::unique_ptr<Protocol> protocol_;
  std::optional<Scenario> scenario_;  // as loaded: a restart starts from it
  std::vector<NodeSpec> nodes_;
  std::vector<std::string> invariants_;
  std::size_t txn_count_ = 0;  // transactions the protocol reports before the run (0 = unknown)
};

}  // namespace cs::lesson_detail
