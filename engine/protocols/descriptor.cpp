#include "protocols/descriptor.hpp"

#include <charconv>
#include <cmath>

namespace cs {
namespace {

template <class T>
const T* find_key(std::span<const T> items, std::string_view key) {
  for (const T& x : items)
    if (x.key == key) return &x;
  return nullptr;
}

// Shortest text that reads back as the same double ("300", "0.5", "86400000"), locale-free.
std::string number_text(double v) {
  if (std::abs(v) < 1e15 && v == std::floor(v)) return std::to_string(static_cast<long long>(v));
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

// 100000 -> "100,000" for the docs' tables (integers only; the docs are English).
std::string grouped(double v) {
  std::string s = number_text(v);
  if (s.find_first_of(".e") != std::string::npos) return s;
  const bool neg = !s.empty() && s[0] == '-';
  std::string digits = neg ? s.substr(1) : s;
  if (digits.size() <= 4) return s;  // 1000 reads better than 1,000 in a range
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (neg ? "-" : "") + out;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

const ParamSpec* ProtocolDescriptor::param(std::string_view key) const { return find_key(params, key); }
const StateSpec* ProtocolDescriptor::state(std::string_view key) const { return find_key(states, key); }
const MessageSpec* ProtocolDescriptor::message(std::string_view key) const { return find_key(messages, key); }
const MetricSpec* ProtocolDescriptor::metric(std::string_view key) const { return find_key(metrics, key); }
const RoleSpec* ProtocolDescriptor::role(std::string_view key) const { return find_key(roles, key); }

const RoleSpec* ProtocolDescriptor::coordinating_role() const {
  for (const RoleSpec& r : roles)
    if (r.coordinates) return &r;
  return nullptr;
}

const ParamSpec* ProtocolDescriptor::cluster_size_param() const {
  for (const ParamSpec& p : params)
    if (p.sets_cluster_size) return &p;
  return nullptr;
}

nlohmann::json ProtocolDescriptor::starter_params() const {
  nlohmann::json out = nlohmann::json::object();
  for (const ParamSpec& p : params) {
    if (!p.starter) continue;
    if (!p.starter_json.empty()) {
      out[std::string(p.key)] = nlohmann::json::parse(p.starter_json);
      continue;
    }
    switch (p.kind) {
      case ParamKind::Integer:
      case ParamKind::DurationMs:
        if (p.def == static_cast<double>(static_cast<std::int64_t>(p.def)))
          out[std::string(p.key)] = static_cast<std::int64_t>(p.def);
        else
          out[std::string(p.key)] = p.def;
        break;
      case ParamKind::Probability: out[std::string(p.key)] = p.def; break;
      case ParamKind::Boolean: out[std::string(p.key)] = p.def != 0; break;
      case ParamKind::Choice: out[std::string(p.key)] = std::string(p.def_choice); break;
      case ParamKind::Structured: out[std::string(p.key)] = nlohmann::json::parse(p.def_json); break;
    }
  }
  return out;
}

std::string_view state_class_key(StateClass c) {
  switch (c) {
    case StateClass::Initial: return "initial";
    case StateClass::Working: return "working";
    case StateClass::Uncertain: return "uncertain";
    case StateClass::Committing: return "committing";
    case StateClass::Committed: return "committed";
    case StateClass::Aborting: return "aborting";
    case StateClass::Aborted: return "aborted";
    case StateClass::Compensating: return "compensating";
    case StateClass::Compensated: return "compensated";
    case StateClass::Done: return "done";
    case StateClass::Failed: return "failed";
    case StateClass::Leader: return "leader";
    case StateClass::Follower: return "follower";
  }
  return "?";
}

std::string_view message_family_key(MessageFamily f) {
  switch (f) {
    case MessageFamily::Request: return "request";
    case MessageFamily::VoteYes: return "vote_yes";
    case MessageFamily::VoteNo: return "vote_no";
    case MessageFamily::PreDecision: return "pre_decision";
    case MessageFamily::Commit: return "commit";
    case MessageFamily::Abort: return "abort";
    case MessageFamily::Ack: return "ack";
    case MessageFamily::Recovery: return "recovery";
    case MessageFamily::Compensation: return "compensation";
    case MessageFamily::Replication: return "replication";
    case MessageFamily::Election: return "election";
    case MessageFamily::Success: return "success";
    case MessageFamily::Failure: return "failure";
    case MessageFamily::Event: return "event";
  }
  return "?";
}

std::string_view param_kind_key(ParamKind k) {
  switch (k) {
    case ParamKind::Integer: return "integer";
    case ParamKind::DurationMs: return "duration_ms";
    case ParamKind::Probability: return "probability";
    case ParamKind::Boolean: return "boolean";
    case ParamKind::Choice: return "choice";
    case ParamKind::Structured: return "structured";
  }
  return "?";
}

std::string_view metric_unit_key(MetricUnit u) {
  switch (u) {
    case MetricUnit::Count: return "count";
    case MetricUnit::Micros: return "us";
    case MetricUnit::Amount: return "amount";
  }
  return "?";
}

std::string_view metric_sense_key(MetricSense s) {
  switch (s) {
    case MetricSense::Good: return "good";
    case MetricSense::Bad: return "bad";
    case MetricSense::Anomaly: return "anomaly";
    case MetricSense::Neutral: return "neutral";
  }
  return "?";
}

std::string_view refusal_form_key(RefusalForm f) {
  switch (f) {
    case RefusalForm::None: return "none";
    case RefusalForm::Votes: return "votes";
    case RefusalForm::FailStep: return "fail_step";
    case RefusalForm::Capacity: return "capacity";
  }
  return "?";
}

std::string param_default_text(const ParamSpec& p) {
  const std::string ref = "`" + std::string(p.ref) + "`";
  switch (p.rule) {
    case DefaultRule::SameAs: return "= " + ref;
    case DefaultRule::HalfOf: return ref + " / 2";
    case DefaultRule::MajorityOf: return "majority of " + ref;
    case DefaultRule::IfRef: return grouped(p.alt) + " with " + ref + ", else " + grouped(p.def);
    case DefaultRule::Literal: break;
  }
  switch (p.kind) {
    case ParamKind::Boolean: return p.def != 0 ? "true" : "false";
    case ParamKind::Choice: return quoted(p.def_choice);
    case ParamKind::Structured: return p.def_json == "null" ? "(absent)" : std::string(p.def_json);
    default: return grouped(p.def);
  }
}

std::string param_range_text(const ParamSpec& p) {
  switch (p.kind) {
    case ParamKind::Boolean: return "true, false";
    case ParamKind::Probability: return "0–1";
    case ParamKind::Structured: return "see meaning";
    case ParamKind::Choice: {
      std::string s;
      for (std::string_view c : p.choices) s += (s.empty() ? "" : ", ") + quoted(c);
      return s;
    }
    default: break;
  }
  const std::string hi = p.hi_ref.empty() ? grouped(p.hi) : "`" + std::string(p.hi_ref) + "`";
  return grouped(p.lo) + "–" + hi + (p.unit.empty() ? "" : " " + std::string(p.unit));
}

ProtocolInfo make_protocol_info(const ProtocolDescriptor& d) {
  ProtocolInfo i;
  i.name = d.name;
  for (const StateSpec& s : d.states) i.states.emplace_back(s.key);
  for (const MessageSpec& m : d.messages) i.messages.emplace_back(m.key);
  for (std::string_view k : d.log_records) i.log_records.emplace_back(k);
  for (std::string_view k : d.timers) i.timers.emplace_back(k);
  for (std::string_view k : d.notes) i.notes.emplace_back(k);
  return i;
}

// Whole numbers as JSON integers (3600000, not 3600000.0).
static nlohmann::json number_json(double v) {
  if (std::abs(v) < 1e15 && v == std::floor(v)) return static_cast<std::int64_t>(v);
  return v;
}

nlohmann::json descriptor_json(const ProtocolDescriptor& d) {
  using nlohmann::json;
  json j;
  j["name"] = d.name;
  j["title"] = d.title;
  j["summary"] = d.summary;
  j["roles"] = json::array();
  for (const RoleSpec& r : d.roles)
    j["roles"].push_back({{"key", r.key}, {"naming", r.naming}, {"count", r.count}, {"coordinates", r.coordinates},
                          {"worker", r.worker}, {"help", r.help}});
  j["states"] = json::array();
  for (const StateSpec& s : d.states) j["states"].push_back({{"key", s.key}, {"class", state_class_key(s.cls)}});
  j["messages"] = json::array();
  for (const MessageSpec& m : d.messages)
    j["messages"].push_back({{"key", m.key}, {"family", message_family_key(m.family)}});
  const auto keys = [](std::span<const std::string_view> list) {
    json a = json::array();
    for (std::string_view k : list) a.push_back(k);
    return a;
  };
  j["log_records"] = keys(d.log_records);
  j["timers"] = keys(d.timers);
  j["notes"] = keys(d.notes);
  j["metrics"] = json::array();
  for (const MetricSpec& m : d.metrics)
    j["metrics"].push_back({{"key", m.key}, {"unit", metric_unit_key(m.unit)}, {"sense", metric_sense_key(m.sense)},
                            {"level", m.level}, {"shown_by_default", m.shown_by_default}});
  j["invariants"] = json::array();
  for (const InvariantSpec& i : d.invariants)
    j["invariants"].push_back({{"key", i.key}, {"description", i.description}});
  j["params"] = json::array();
  for (const ParamSpec& p : d.params) {
    json q{{"key", p.key}, {"kind", param_kind_key(p.kind)}, {"help", p.help}, {"default_text", param_default_text(p)}};
    if (p.rule == DefaultRule::Literal) {
      switch (p.kind) {
        case ParamKind::Boolean: q["default"] = p.def != 0; break;
        case ParamKind::Choice: q["default"] = p.def_choice; break;
        case ParamKind::Structured: q["default"] = json::parse(p.def_json); break;
        default: q["default"] = number_json(p.def);
      }
    } else {
      q["default"] = nullptr;  // derived: see default_text
    }
    if (p.kind == ParamKind::Integer || p.kind == ParamKind::DurationMs) {
      q["min"] = number_json(p.lo);
      q["max"] = p.hi_ref.empty() ? number_json(p.hi) : json("=" + std::string(p.hi_ref));
    }
    if (p.kind == ParamKind::Choice) q["choices"] = keys(p.choices);
    if (!p.unit.empty()) q["unit"] = p.unit;
    q["sets_cluster_size"] = p.sets_cluster_size;
    j["params"].push_back(std::move(q));
  }
  j["variants"] = json::array();
  for (const VariantSpec& v : d.variants) j["variants"].push_back({{"id", v.id}, {"label", v.label}, {"key", v.key}});
  j["workload"] = {{"transactions", d.workload.transactions}, {"interval", d.workload.interval},
                   {"refusal", refusal_form_key(d.workload.refusal)}};
  return j;
}

nlohmann::json descriptors_json(std::span<const ProtocolDescriptor* const> all) {
  nlohmann::json out = nlohmann::json::array();
  for (const ProtocolDescriptor* d : all) out.push_back(descriptor_json(*d));
  return out;
}

std::string params_markdown(const ProtocolDescriptor& d) {
  std::string s = "| key | default | allowed | meaning |\n|---|---|---|---|\n";
  for (const ParamSpec& p : d.params) {
    std::string def = param_default_text(p);
    if (p.kind == ParamKind::Structured || p.kind == ParamKind::Choice) def = "`" + def + "`";
    s += "| `" + std::string(p.key) + "` | " + def + " | " + param_range_text(p) + " | " + std::string(p.help) + " |\n";
  }
  return s;
}

}  // namespace cs
