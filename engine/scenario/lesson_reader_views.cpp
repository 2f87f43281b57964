// The lesson reader's parts about the app's views: show actions, highlights of view items, and the
// placeholders of numbers from the run (docs/lesson-format.md, "Views" and "Numbers from the run").
#include <algorithm>

#include "protocols/registry.hpp"
#include "scenario/compare.hpp"
#include "scenario/lesson_numbers.hpp"
#include "scenario/lesson_reader.hpp"
#include "scenario/loader.hpp"

namespace cs {

namespace {
constexpr std::pair<LessonView, std::string_view> kViews[] = {
    {LessonView::Spacetime, "spacetime"}, {LessonView::StateMachine, "state_machine"}, {LessonView::Log, "log"},
    {LessonView::Metrics, "metrics"},     {LessonView::CompareWith, "compare_with"},   {LessonView::Compare, "compare"}};
}  // namespace

std::string_view lesson_view_key(LessonView v) {
  for (const auto& [view, key] : kViews)
    if (view == v) return key;
  return "spacetime";
}

std::optional<LessonView> lesson_view_from_key(std::string_view key) {
  for (const auto& [view, k] : kViews)
    if (k == key) return view;
  return std::nullopt;
}

namespace lesson_detail {

namespace {

std::vector<std::string> metric_keys(std::string_view protocol) {
  std::vector<std::string> out;
  if (const ProtocolDescriptor* d = find_descriptor(protocol))
    for (const auto& m : d->metrics) out.emplace_back(m.key);
  return out;
}

std::vector<std::string> sorted_texts(const std::vector<Placeholder>& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.text);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

std::optional<LessonAction> LessonReader::show(const json& v, const std::string& path) {
  if (!scenario_ || !protocol_) return std::nullopt;
  const std::size_t before = error_count();
  LessonAction a;
  a.kind = ActionKind::Show;
  std::vector<std::string_view> keys;
  for (const auto& [view, key] : kViews) keys.push_back(key);
  if (!v.contains("view")) {
    missing(path, "view", "missing key \"view\": one of " + join(keys));
    return std::nullopt;
  }
  const std::string vp = json_path_member(path, "view");
  auto name = string(v["view"], vp, "view");
  if (!name) return std::nullopt;
  auto view = lesson_view_from_key(*name);
  if (!view) {
    error(vp, "unknown view \"" + *name + "\"; views are " + join(keys));
    return std::nullopt;
  }
  a.view = *view;
  const bool needs_node = a.view == LessonView::StateMachine || a.view == LessonView::Log;
  if (needs_node && !v.contains("node")) missing(path, "node", "missing key \"node\": whose " + *name + " to show");
  if (!needs_node && v.contains("node")) error(json_path_member(path, "node"), "the " + *name + " view has no node");
  if (v.contains("node"))
    if (auto n = node(v["node"], json_path_member(path, "node"))) a.node = *n;
  const auto list = [&](std::string_view key, std::vector<std::string>& out) {
    const std::string p = json_path_member(path, key);
    if (!v[std::string(key)].is_array()) return error(p, std::string(key) + " must be a list of names, not " + type_phrase(v[std::string(key)]));
    for (std::size_t i = 0; i < v[std::string(key)].size(); ++i)
      if (auto s = string(v[std::string(key)][i], json_path_index(p, i), "a name")) out.push_back(*s);
  };
  const auto only_for = [&](std::string_view key, LessonView owner) {
    if (v.contains(std::string(key)) && a.view != owner)
      error(json_path_member(path, key), "\"" + std::string(key) + "\" belongs to the " +
                                             std::string(lesson_view_key(owner)) + " view, not " + *name);
  };
  only_for("series", LessonView::Metrics);
  only_for("protocols", LessonView::Compare);
  only_for("variant", LessonView::CompareWith);
  only_for("scenario", LessonView::Compare);
  if (a.view == LessonView::Compare && v.contains("scenario")) {
    // Its own workload and fault timeline, when the lesson's run has something another protocol
    // cannot say (a saga failing for one order only): checked like any scenario, at its place here.
    const std::string sp = json_path_member(path, "scenario");
    LoadResult r = load_scenario(v["scenario"].dump(), file_);
    for (const Diagnostic& d : r.diagnostics) error(d.path.empty() ? sp : sp + "." + d.path, d.message);
    if (r.scenario) a.source = r.scenario;
  }
  const Scenario& compared = a.source ? *a.source : *scenario_;
  if (a.view == LessonView::Metrics) {
    if (!v.contains("series")) missing(path, "series", "missing key \"series\": the metrics to plot");
    else list("series", a.series);
    const auto known = metric_keys(scenario_->protocol);
    const std::string sp = json_path_member(path, "series");
    if (v.contains("series") && (a.series.empty() || a.series.size() > 6))
      error(sp, "the chart plots 1 to 6 series, not " + std::to_string(a.series.size()));
    for (std::size_t i = 0; i < a.series.size(); ++i)
      if (std::find(known.begin(), known.end(), a.series[i]) == known.end())
        error(json_path_index(sp, i), "unknown metric \"" + a.series[i] + "\"; " + scenario_->protocol + " metrics are " + join(known));
  }
  if (a.view == LessonView::Compare) {
    if (!v.contains("protocols")) missing(path, "protocols", "missing key \"protocols\": 2 to 4 protocols side by side");
    else list("protocols", a.protocols);
    const std::string pp = json_path_member(path, "protocols");
    if (v.contains("protocols") && (a.protocols.size() < 2 || a.protocols.size() > 4))
      error(pp, "the side-by-side view shows 2 to 4 protocols, not " + std::to_string(a.protocols.size()));
    for (std::size_t i = 0; i < a.protocols.size(); ++i) {
      if (!find_protocol(a.protocols[i])) {
        error(json_path_index(pp, i), "unknown protocol \"" + a.protocols[i] + "\"");
        continue;
      }
      MappedScenario m = map_scenario(compared, a.protocols[i]);
      if (!m.scenario) error(json_path_index(pp, i), m.refusal);
    }
  }
  if (a.view == LessonView::CompareWith && v.contains("variant")) {
    const std::string vp2 = json_path_member(path, "variant");
    if (auto s = string(v["variant"], vp2, "variant")) {
      // The ids the chart's "Compare with" offers: the protocol descriptor's variants.
      std::vector<std::string> ids;
      if (const ProtocolDescriptor* d = find_descriptor(scenario_->protocol))
        for (const auto& var : d->variants) ids.emplace_back(var.id);
      if (std::find(ids.begin(), ids.end(), *s) == ids.end())
        error(vp2, "unknown variant \"" + *s + "\"; " + scenario_->protocol + " variants are " + join(ids));
      else a.variant = *s;
    }
  }
  if (error_count() != before) return std::nullopt;
  return a;
}

std::optional<Highlight> LessonReader::view_highlight(const std::string& s, const std::string& path) {
  Highlight h;
  h.key = s;
  const auto colon = s.find(':');
  const std::string kind = s.substr(0, colon);
  const std::string rest = s.substr(colon + 1);
  if (kind == "log") {
    const auto c2 = rest.find(':');
    if (c2 == std::string::npos) {
      error(path, "a log highlight is \"log:NODE:RECORD\", such as \"log:P1:READY\", not \"" + s + "\"");
      return std::nullopt;
    }
    auto n = node(json(rest.substr(0, c2)), path);
    auto r = named(json(rest.substr(c2 + 1)), path, protocol_->info().log_records, "log record");
    if (!n || !r) return std::nullopt;
    h.kind = HighlightKind::Log;
    h.a = *n;
    h.code = *r;
    h.name = rest.substr(c2 + 1);
    return h;
  }
  if (kind == "message") {
    auto m = named(json(rest), path, protocol_->info().messages, "message");
    if (!m) return std::nullopt;
    h.kind = HighlightKind::Message;
    h.code = *m;
    h.name = rest;
    return h;
  }
  if (kind == "metric") {
    const auto known = metric_keys(scenario_ ? scenario_->protocol : "");
    if (std::find(known.begin(), known.end(), rest) == known.end()) {
      error(path, "unknown metric \"" + rest + "\"; " + (scenario_ ? scenario_->protocol : "") + " metrics are " + join(known));
      return std::nullopt;
    }
    h.kind = HighlightKind::Metric;
    h.name = rest;
    return h;
  }
  if (kind == "timer") {
    auto n = node(json(rest), path);
    if (!n) return std::nullopt;
    h.kind = HighlightKind::Timer;
    h.a = *n;
    return h;
  }
  error(path, "unknown highlight \"" + s + "\"; a highlight is a node (\"P2\"), a link (\"C-P2\"), \"log:NODE:RECORD\", "
              "\"message:TYPE\", \"metric:KEY\" or \"timer:NODE\"");
  return std::nullopt;
}

bool LessonReader::placeholders(const LocalizedText& t, const std::string& path) {
  const auto en = find_placeholders(t.en);
  const auto zh = find_placeholders(t.zh_tw);
  if (en.empty() && zh.empty()) return true;
  if (!scenario_) return true;
  bool ok = true;
  for (const auto* list : {&en, &zh})
    for (const Placeholder& p : *list)
      if (auto why = placeholder_problem(p, *scenario_); !why.empty()) {
        error(json_path_member(path, list == &en ? "en" : "zh-TW"), why);
        ok = false;
      }
  if (ok && sorted_texts(en) != sorted_texts(zh)) {
    error(path, "the zh-TW and en texts must use the same placeholders ({metric:...}, {run:...}, {compare:...})");
    ok = false;
  }
  return ok;
}

}  // namespace lesson_detail
}  // namespace cs
