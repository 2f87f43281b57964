#include "scenario/lesson_numbers.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "protocols/registry.hpp"
#include "scenario/compare.hpp"
#include "scenario/loader.hpp"

namespace cs {

namespace {

bool word_char(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool arg_char(char c) { return c != '{' && c != '}' && c != ' ' && c != '\n' && c != '\t' && c != '"'; }

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(from, i - from));
      from = i + 1;
    }
  return out;
}

std::string join_list(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string ms_text(Time t) { return t < 0 ? "-" : std::to_string((t + kMicrosPerMs / 2) / kMicrosPerMs); }

std::string one_decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::optional<std::string> figure_text(const CompareRow& r, std::string_view f) {
  if (f == "committed") return std::to_string(r.committed);
  if (f == "aborted") return std::to_string(r.aborted);
  if (f == "transactions") return std::to_string(r.transactions);
  if (f == "throughput") return one_decimal(r.throughput);
  if (f == "latency_mean_ms") return ms_text(r.latency_mean);
  if (f == "latency_p99_ms") return ms_text(r.latency_p99);
  if (f == "held_ms") return ms_text(r.held);
  if (f == "blocked_ms") return ms_text(r.blocked);
  if (f == "compensations") return std::to_string(r.compensations);
  if (f == "windows") return std::to_string(r.windows);
  if (f == "window_ms") return ms_text(r.window_time);
  return std::nullopt;
}

std::string metric_problem(const Placeholder& p, const Scenario& scenario) {
  if (p.args.empty() || p.args.size() > 2) return "{metric:KEY} or {metric:KEY:NODE}, not " + p.text;
  const ProtocolDescriptor* d = find_descriptor(scenario.protocol);
  if (!d) return "";
  if (!d->metric(p.args[0])) {
    std::vector<std::string> keys;
    for (const auto& m : d->metrics) keys.emplace_back(m.key);
    return "unknown metric \"" + p.args[0] + "\" in " + p.text + "; " + scenario.protocol + " metrics are " + join_list(keys);
  }
  if (p.args.size() == 2) {
    Diagnostics ignored;
    const ProtocolEntry* e = find_protocol(scenario.protocol);
    auto proto = e ? e->create(scenario.params, ignored) : nullptr;
    if (!proto) return "";
    std::vector<std::string> names;
    for (const auto& n : proto->node_specs()) names.push_back(n.name);
    if (std::find(names.begin(), names.end(), p.args[1]) == names.end())
      return "unknown node \"" + p.args[1] + "\" in " + p.text + "; this lesson's " + scenario.protocol +
             " scenario has " + join_list(names);
  }
  return "";
}

std::string figure_problem(const Placeholder& p, const std::string& figure) {
  const auto& all = placeholder_figures();
  if (std::find(all.begin(), all.end(), figure) != all.end()) return "";
  return "unknown figure \"" + figure + "\" in " + p.text + "; figures are " + join_list(all);
}

}  // namespace

std::vector<Placeholder> find_placeholders(std::string_view text) {
  std::vector<Placeholder> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    std::size_t j = i + 1;
    while (j < text.size() && word_char(text[j])) ++j;
    if (j == i + 1 || j >= text.size() || text[j] != ':') continue;
    std::size_t k = j + 1;
    while (k < text.size() && arg_char(text[k])) ++k;
    if (k >= text.size() || text[k] != '}') continue;
    // {ui:KEY} names a command of the app, not a number: lesson_texts checks it and the app shows
    // its label (app/gui/lessons/ui_labels). Both merged into main at once; this keeps them apart.
    if (text.substr(i + 1, j - i - 1) == "ui") {
      i = k;
      continue;
    }
    Placeholder p;
    p.begin = i;
    p.end = k + 1;
    p.kind = std::string(text.substr(i + 1, j - i - 1));
    p.args = split(text.substr(j + 1, k - j - 1), ':');
    p.text = std::string(text.substr(i, k + 1 - i));
    out.push_back(std::move(p));
    i = k;
  }
  return out;
}

const std::vector<std::string>& placeholder_figures() {
  static const std::vector<std::string> all = {"committed", "aborted",   "transactions", "throughput",
                                               "latency_mean_ms", "latency_p99_ms", "held_ms", "blocked_ms",
                                               "compensations", "windows", "window_ms"};
  return all;
}

std::string placeholder_problem(const Placeholder& p, const Scenario& scenario) {
  if (p.kind == "metric") return metric_problem(p, scenario);
  if (p.kind == "run") {
    if (p.args.size() != 1) return "{run:FIGURE}, not " + p.text;
    return figure_problem(p, p.args[0]);
  }
  if (p.kind == "compare") {
    if (p.args.size() != 2) return "{compare:PROTOCOL:FIGURE}, not " + p.text;
    if (auto why = figure_problem(p, p.args[1]); !why.empty()) return why;
    if (!find_protocol(p.args[0])) return "unknown protocol \"" + p.args[0] + "\" in " + p.text;
    MappedScenario m = map_scenario(scenario, p.args[0]);
    if (!m.scenario) return p.text + ": " + m.refusal;
    return "";
  }
  return "unknown placeholder " + p.text + "; placeholders are {metric:KEY}, {metric:KEY:NODE}, {run:FIGURE} and "
         "{compare:PROTOCOL:FIGURE}";
}

std::optional<CompareRow> CompareFigures::row(const Simulation& run, const std::string& protocol) {
  const Time now = run.sim().now();
  const std::string key = scenario_to_text(run.scenario(), run.protocol());
  if (now != at_ || key != scenario_key_) {
    rows_.clear();
    at_ = now;
    scenario_key_ = key;
  }
  if (auto it = rows_.find(protocol); it != rows_.end()) return it->second;
  std::optional<CompareRow> result;
  MappedScenario m = map_scenario(run.scenario(), protocol);
  if (m.scenario) {
    Diagnostics ignored;
    if (auto other = Simulation::create(*m.scenario, ignored)) {
      other->sim().run_until(now);
      result = compare_row(*other);
    }
  }
  rows_[protocol] = result;
  return result;
}

std::string placeholder_value(const Placeholder& p, const Simulation& run, CompareFigures& cache) {
  if (p.kind == "metric" && !p.args.empty()) {
    NodeId node = kNoNode;
    if (p.args.size() == 2) {
      const auto specs = run.protocol().node_specs();
      for (std::size_t i = 0; i < specs.size(); ++i)
        if (specs[i].name == p.args[1]) node = static_cast<NodeId>(i);
    }
    std::int64_t v = 0;
    bool any = false;
    for (const auto& m : run.protocol().metrics())
      if (m.key == p.args[0] && (m.node == node || (node == kNoNode && p.args.size() == 1))) {
        v += m.value;
        any = true;
      }
    if (!any) return "0";
    const ProtocolDescriptor* d = find_descriptor(run.scenario().protocol);
    const MetricSpec* spec = d ? d->metric(p.args[0]) : nullptr;
    return spec && spec->unit == MetricUnit::Micros ? ms_text(v) : std::to_string(v);
  }
  if (p.kind == "run" && p.args.size() == 1) return figure_text(compare_row(run), p.args[0]).value_or("?");
  if (p.kind == "compare" && p.args.size() == 2)
    if (auto r = cache.row(run, p.args[0])) return figure_text(*r, p.args[1]).value_or("?");
  return "?";
}

std::string fill_placeholders(std::string_view text, const Simulation& run, CompareFigures& cache) {
  std::string out;
  std::size_t at = 0;
  for (const Placeholder& p : find_placeholders(text)) {
    out.append(text.substr(at, p.begin - at));
    out += placeholder_value(p, run, cache);
    at = p.end;
  }
  out.append(text.substr(at));
  return out;
}

std::string fill_placeholders(std::string_view text, const Simulation& run) {
  CompareFigures cache;
  return fill_placeholders(text, run, cache);
}

}  // namespace cs
