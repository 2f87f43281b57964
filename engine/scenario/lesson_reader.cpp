#include "scenario/lesson_reader.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "check/invariant.hpp"
#include "protocols/registry.hpp"
#include "scenario/json_text.hpp"
#include "scenario/lesson_texts.hpp"
#include "scenario/loader.hpp"

namespace cs::lesson_detail {

namespace {

bool blank(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

bool has_prefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

constexpr std::string_view kLangKeys[] = {"zh-TW", "en"};
// Outcomes and drop reasons by their engine keys (txn_outcome_key, drop_reason_key), never by position.
constexpr TxnOutcome kOutcomes[] = {TxnOutcome::Pending, TxnOutcome::InProgress, TxnOutcome::Committed,
                                    TxnOutcome::Aborted, TxnOutcome::Blocked};
constexpr std::string_view kDiscriminators[] = {"all",     "any",           "not",  "link",
                                                "partitioned", "txn",       "invariant", "log",
                                                "messages_sent", "time_ms_at_least", "metric", "note",
                                                "locks_held", "lock_waiters", "messages_dropped", "crashes", "node"};
constexpr DropReason kDropReasons[] = {DropReason::Loss, DropReason::LinkCut, DropReason::Partition,
                                      DropReason::NodeDown, DropReason::Injected};

template <class E, std::size_t N>
std::vector<std::string> key_list(const E (&values)[N], std::string_view (*key)(E)) {
  std::vector<std::string> out;
  for (E v : values) out.emplace_back(key(v));
  return out;
}

// The enumerator whose engine key is `name`, if any.
template <class E, std::size_t N>
std::optional<E> by_key(const E (&values)[N], std::string_view (*key)(E), std::string_view name) {
  for (E v : values)
    if (key(v) == name) return v;
  return std::nullopt;
}
constexpr std::string_view kPlayKeys[] = {"ms", "state", "when"};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Reporting and generic checks

void LessonReader::report(const std::string& path, TextPos pos, std::string message) {
  Diagnostic d;
  d.file = file_;
  d.line = pos.line;
  d.column = pos.column;
  d.path = path;
  d.message = std::move(message);
  out_.push_back(std::move(d));
}

bool LessonReader::check_keys(const json& obj, const std::string& path, std::span<const std::string_view> allowed,
                              std::string_view where) {
  bool ok = true;
  for (const auto& [k, v] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    const std::string p = json_path_member(path, k);
    report(p, doc_.key_pos(p), "unknown key \"" + k + "\" in " + std::string(where) + "; allowed keys are: " + join(allowed));
    ok = false;
  }
  return ok;
}

bool LessonReader::expect_object(const json& v, const std::string& path, std::string_view what) {
  if (v.is_object()) return true;
  error(path, std::string(what) + " must be an object {...}, not " + type_phrase(v));
  return false;
}

std::optional<std::string> LessonReader::string(const json& v, const std::string& path, std::string_view what) {
  if (v.is_string()) return v.get<std::string>();
  error(path, std::string(what) + " must be a string, not " + type_phrase(v));
  return std::nullopt;
}

std::optional<std::int64_t> LessonReader::integer(const json& v, const std::string& path, std::string_view what,
                                                  std::int64_t lo, std::int64_t hi) {
  if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<std::uint64_t>() > std::uint64_t(hi))) {
    error(path, std::string(what) + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                    ", not " + type_phrase(v));
    return std::nullopt;
  }
  const auto x = v.get<std::int64_t>();
  if (x < lo || x > hi) {
    error(path, std::string(what) + " must be from " + std::to_string(lo) + " to " + std::to_string(hi) + ", not " + v.dump());
    return std::nullopt;
  }
  return x;
}

std::optional<bool> LessonReader::boolean(const json& v, const std::string& path, std::string_view what) {
  if (v.is_boolean()) return v.get<bool>();
  error(path, std::string(what) + " must be true or false, not " + type_phrase(v));
  return std::nullopt;
}

std::optional<LocalizedText> LessonReader::text(const json& v, const std::string& path, std::string_view what) {
  if (!v.is_object()) {
    error(path, std::string(what) + " must be an object with both languages, {\"zh-TW\": \"...\", \"en\": \"...\"}, not " +
                    type_phrase(v));
    return std::nullopt;
  }
  bool ok = check_keys(v, path, kLangKeys, std::string(what));
  LocalizedText t;
  for (std::string_view lang : kLangKeys) {
    const std::string k(lang);
    const std::string name = lang == "en" ? "English (en)" : "Traditional Chinese (zh-TW)";
    if (!v.contains(k)) {
      missing(path, lang, "missing the " + name + " text of " + std::string(what) + "; every learner-visible text needs both zh-TW and en");
      ok = false;
      continue;
    }
    const std::string p = json_path_member(path, lang);
    auto s = string(v[k], p, "the " + name + " text");
    if (!s) {
      ok = false;
    } else if (blank(*s)) {
      error(p, "the " + name + " text of " + std::string(what) + " is empty");
      ok = false;
    } else {
      for (const std::string& problem : ui_ref_problems(*s)) {
        error(p, problem);
        ok = false;
      }
      (lang == "en" ? t.en : t.zh_tw) = std::move(*s);
    }
  }
  if (!ok) return std::nullopt;
  if (!placeholders(t, path)) return std::nullopt;
  return t;
}

std::optional<LocalizedText> LessonReader::text_member(const json& obj, const std::string& obj_path, std::string_view key,
                                                       std::string_view what) {
  const std::string k(key);
  if (!obj.contains(k)) {
    missing(obj_path, key, "missing key \"" + k + "\": " + std::string(what) + " in both languages");
    return std::nullopt;
  }
  return text(obj[k], json_path_member(obj_path, key), what);
}

std::vector<LocalizedText> LessonReader::texts(const json& v, const std::string& path, std::string_view what) {
  std::vector<LocalizedText> out;
  if (!v.is_array()) {
    error(path, std::string(what) + " must be a list of texts in both languages, not " + type_phrase(v));
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i)
    if (auto t = text(v[i], json_path_index(path, i), what)) out.push_back(std::move(*t));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The scenario and the names it defines

void LessonReader::map_diagnostics(const Diagnostics& ds, std::string_view from_prefix, const std::string& to_prefix) {
  for (const auto& d : ds) {
    std::string_view rest = d.path;
    if (has_prefix(rest, from_prefix)) rest.remove_prefix(from_prefix.size());
    std::string p = to_prefix;
    if (!rest.empty()) p += (rest.front() == '[' || rest.front() == '.' || p.empty()) ? std::string(rest) : "." + std::string(rest);
    if (!p.empty() && p.front() == '.') p.erase(0, 1);
    const bool at_key = has_prefix(d.message, "unknown key") || has_prefix(d.message, "duplicate key") ||
                        p.find(".params.") != std::string::npos;
    report(p, at_key ? doc_.key_pos(p) : doc_.value_pos(p), d.message);
  }
}

std::optional<Scenario> LessonReader::scenario(const json& v, const std::string& path) {
  // Whatever the names meant before, they no longer apply: a failed scenario leaves none known, so
  // that later steps are not checked against the wrong nodes.
  protocol_.reset();
  scenario_.reset();
  nodes_.clear();
  invariants_.clear();
  txn_count_ = 0;
  if (!expect_object(v, path, "scenario")) return std::nullopt;
  scenario_json_ = v;
  // The scenario loader works on text; the inline object is re-serialised and its diagnostics are
  // mapped back to positions in the lesson by JSON path.
  LoadResult r = load_scenario(v.dump(), file_);
  map_diagnostics(r.diagnostics, "", path);
  if (!r.scenario) return std::nullopt;
  const ProtocolEntry* entry = find_protocol(r.scenario->protocol);
  Diagnostics ignored;
  if (entry) protocol_ = entry->create(r.scenario->params, ignored);
  if (!protocol_) return std::nullopt;
  nodes_ = protocol_->node_specs();
  for (const auto& inv : protocol_->make_invariants()) invariants_.push_back(inv->key());
  txn_count_ = protocol_->transactions().size();
  r.scenario->file = file_;
  scenario_ = r.scenario;
  return r.scenario;
}

std::optional<LessonAction> LessonReader::restart(const json& v, const std::string& path) {
  const std::string pp = json_path_member(path, "params");
  if (!v.contains("params")) {
    missing(path, "params", "missing key \"params\": the parameters to change, such as {\"mode\": \"ap\"}");
    return std::nullopt;
  }
  if (!expect_object(v["params"], pp, "params") || !scenario_ || !protocol_) return std::nullopt;
  LessonAction a;
  a.kind = ActionKind::Restart;
  a.params = scenario_->params;
  for (auto it = v["params"].begin(); it != v["params"].end(); ++it) a.params[it.key()] = it.value();
  a.faults = scenario_->faults;
  // The same protocol with the new parameters: its own checks, placed at the action's params.
  const ProtocolEntry* entry = find_protocol(scenario_->protocol);
  Diagnostics problems;
  std::unique_ptr<Protocol> changed = entry ? entry->create(a.params, problems) : nullptr;
  if (!changed) {
    for (const Diagnostic& d : problems) {
      // At the key the action changed when the problem is about it, else at the whole object.
      std::string at = pp;
      if (d.path.rfind("params.", 0) == 0) {
        const std::string key = d.path.substr(7, d.path.find_first_of(".[", 7) - 7);
        if (v["params"].contains(key)) at = json_path_member(pp, key);
      }
      error(at, d.message);
    }
    if (problems.empty()) error(pp, "these parameters do not describe a runnable " + scenario_->protocol + " scenario");
    return std::nullopt;
  }
  // Everything the lesson's other steps name (nodes, states, messages, log records, notes) must mean
  // the same after the restart: a restart changes how the protocol behaves, not what it is made of.
  const auto& before = protocol_->info();
  const auto& after = changed->info();
  const auto same_nodes = [&] {
    const auto specs = changed->node_specs();
    if (specs.size() != nodes_.size()) return false;
    for (std::size_t i = 0; i < specs.size(); ++i)
      if (specs[i].name != nodes_[i].name || specs[i].role != nodes_[i].role) return false;
    return true;
  };
  if (!same_nodes()) {
    error(pp, "a restart may change how the protocol behaves but not its nodes; these parameters give other nodes than " +
                  node_list());
    return std::nullopt;
  }
  if (before.states != after.states || before.messages != after.messages || before.log_records != after.log_records ||
      before.notes != after.notes) {
    error(pp, "these parameters change the protocol's state, message, log record or note names, which the lesson's other steps use");
    return std::nullopt;
  }
  return a;
}

std::optional<LessonAction> LessonReader::switch_scenario(const json& v, const std::string& path) {
  if (!v.contains("scenario")) {
    missing(path, "scenario", "missing key \"scenario\": the scenario the lab runs from this step on, an object like the "
                              "lesson's own \"scenario\"");
    protocol_.reset();  // the later steps have no names to refer to
    scenario_.reset();
    return std::nullopt;
  }
  auto s = scenario(v["scenario"], json_path_member(path, "scenario"));
  if (!s) return std::nullopt;
  LessonAction a;
  a.kind = ActionKind::SwitchScenario;
  a.scenario = std::move(*s);
  return a;
}

std::string LessonReader::node_list() const {
  std::vector<std::string> names;
  for (const auto& n : nodes_) names.push_back(n.name);
  return join(names);
}

std::optional<NodeId> LessonReader::node(const json& v, const std::string& path) {
  auto name = string(v, path, "a node");
  if (!name || !protocol_) return std::nullopt;
  for (std::size_t i = 0; i < nodes_.size(); ++i)
    if (nodes_[i].name == *name) return static_cast<NodeId>(i);
  error(path, "unknown node \"" + *name + "\"; this lesson's " + protocol_->info().name + " scenario has " + node_list());
  return std::nullopt;
}

std::optional<std::pair<NodeId, NodeId>> LessonReader::link(const json& v, const std::string& path, std::string_view what) {
  if (!v.is_array() || v.size() != 2) {
    error(path, std::string(what) + " needs a link as a pair of node names, such as [\"C\", \"P1\"], not " + type_phrase(v));
    return std::nullopt;
  }
  auto a = node(v[0], json_path_index(path, 0));
  auto b = node(v[1], json_path_index(path, 1));
  if (!a || !b) return std::nullopt;
  if (*a == *b) {
    error(path, "a link joins two different nodes, but both ends are \"" + nodes_[std::size_t(*a)].name + "\"");
    return std::nullopt;
  }
  return std::make_pair(*a, *b);
}

std::optional<std::uint16_t> LessonReader::named(const json& v, const std::string& path,
                                                 const std::vector<std::string>& keys, std::string_view what) {
  auto s = string(v, path, what);
  if (!s || !protocol_) return std::nullopt;
  const int idx = ProtocolInfo::index_of(keys, *s);
  if (idx < 0) {
    error(path, "unknown " + std::string(what) + " \"" + *s + "\"; " + protocol_->info().name + " " +
                    std::string(what) + "s are " + join(keys));
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(idx);
}

std::optional<std::uint16_t> LessonReader::state(const json& v, const std::string& path, std::optional<NodeId> n) {
  if (!protocol_) return std::nullopt;
  const ProtocolInfo& info = protocol_->info();
  auto st = named(v, path, info.states, "state");
  if (!st || !n) return st;
  const RoleMachine* role = info.role(nodes_[std::size_t(*n)].role);
  if (role && std::find(role->states.begin(), role->states.end(), *st) == role->states.end()) {
    std::vector<std::string> names;
    for (auto s : role->states) names.push_back(info.states[s]);
    error(path, nodes_[std::size_t(*n)].name + " is a " + role->role + " and never enters " + info.states[*st] + "; " +
                    role->role + " states are " + join(names));
    return std::nullopt;
  }
  return st;
}

std::optional<TxnId> LessonReader::txn(const json& v, const std::string& path) {
  const std::int64_t hi = txn_count_ > 0 ? static_cast<std::int64_t>(txn_count_) : 0xFFFFFFFF;
  auto k = integer(v, path, "txn (a transaction number of this scenario)", 1, hi);
  if (!k) return std::nullopt;
  return static_cast<TxnId>(*k);
}

std::optional<Highlight> LessonReader::highlight(const json& v, const std::string& path) {
  auto s = string(v, path, "a highlight (a node such as \"P2\" or a link such as \"C-P2\")");
  if (!s || !protocol_) return std::nullopt;
  if (s->find(':') != std::string::npos) return view_highlight(*s, path);
  Highlight h;
  h.key = *s;
  const auto dash = s->find('-');
  if (dash == std::string::npos) {
    auto n = node(v, path);
    if (!n) return std::nullopt;
    h.a = *n;
    return h;
  }
  auto a = node(json(s->substr(0, dash)), path);
  auto b = node(json(s->substr(dash + 1)), path);
  if (!a || !b) return std::nullopt;
  if (*a == *b) {
    error(path, "a highlighted link joins two different nodes, not \"" + *s + "\"");
    return std::nullopt;
  }
  h.kind = HighlightKind::Link;
  h.a = *a;
  h.b = *b;
  return h;
}

std::vector<Highlight> LessonReader::highlights(const json& v, const std::string& path) {
  std::vector<Highlight> out;
  if (!v.is_array()) {
    error(path, "highlight must be a list of node names and links such as [\"C\", \"C-P2\"], not " + type_phrase(v));
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i)
    if (auto h = highlight(v[i], json_path_index(path, i))) out.push_back(std::move(*h));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Conditions

std::optional<std::int64_t> LessonReader::bound(const json& obj, const std::string& path, std::string_view key) {
  const std::string k(key);
  if (!obj.contains(k)) return std::nullopt;
  return integer(obj[k], json_path_member(path, key), k, 0, std::int64_t(1) << 53);
}

// Reads at_least / at_most; when neither is given the condition means "at least 1".
bool LessonReader::bounds(const json& obj, const std::string& path, Condition& c) {
  const std::size_t before = error_count();
  c.at_least = bound(obj, path, "at_least");
  c.at_most = bound(obj, path, "at_most");
  if (error_count() != before) return false;
  if (!c.at_least && !c.at_most) c.at_least = 1;
  if (c.at_least && c.at_most && *c.at_least > *c.at_most) {
    error(path, "at_least (" + std::to_string(*c.at_least) + ") is above at_most (" + std::to_string(*c.at_most) + ")");
    return false;
  }
  return true;
}

std::optional<Condition> LessonReader::condition(const json& v, const std::string& path) {
  if (!v.is_object()) {
    error(path, "a condition must be an object such as {\"node\": \"P1\", \"state\": \"READY\"}, not " + type_phrase(v));
    return std::nullopt;
  }
  std::vector<std::string_view> found;
  for (auto d : kDiscriminators)
    if (v.contains(std::string(d))) found.push_back(d);
  // "node" also appears inside several shapes' objects but never beside another discriminator.
  if (found.empty()) {
    if (v.empty()) {
      error(path, "an empty condition; it must start with one of: " + join(kDiscriminators));
    } else {
      const std::string k = v.begin().key();
      const std::string p = json_path_member(path, k);
      report(p, doc_.key_pos(p), "unknown condition key \"" + k + "\"; a condition starts with one of: " + join(kDiscriminators));
    }
    return std::nullopt;
  }
  if (found.size() > 1) {
    error(path, "this condition mixes \"" + std::string(found[0]) + "\" and \"" + std::string(found[1]) +
                    "\"; combine conditions with {\"all\": [...]} or {\"any\": [...]}");
    return std::nullopt;
  }
  const std::string_view shape = found[0];
  const std::string sk(shape);
  const std::string sp = json_path_member(path, shape);
  const json& x = v[sk];
  Condition c;
  c.path = path;
  const std::size_t before = error_count();
  const auto keys = [&](std::initializer_list<std::string_view> allowed) {
    check_keys(v, path, std::span<const std::string_view>(allowed.begin(), allowed.size()), "a \"" + sk + "\" condition");
  };
  const auto inner_keys = [&](std::initializer_list<std::string_view> allowed) {
    return expect_object(x, sp, "\"" + sk + "\"") &&
           check_keys(x, sp, std::span<const std::string_view>(allowed.begin(), allowed.size()), "\"" + sk + "\"");
  };

  // "type", "from" and "to" of the message-counting conditions (each optional here).
  const auto message_filter = [&] {
    if (x.contains("type") && protocol_) {
      if (auto m = named(x["type"], json_path_member(sp, "type"), protocol_->info().messages, "message")) c.code = *m;
    }
    if (x.contains("from")) { if (auto n = node(x["from"], json_path_member(sp, "from"))) c.node = *n; }
    if (x.contains("to")) { if (auto n = node(x["to"], json_path_member(sp, "to"))) c.peer = *n; }
  };

  if (shape == "all" || shape == "any") {
    keys({shape});
    c.kind = shape == "all" ? ConditionKind::All : ConditionKind::Any;
    if (!x.is_array()) {
      error(sp, sk + " must be a list of conditions, not " + type_phrase(x));
    } else {
      for (std::size_t i = 0; i < x.size(); ++i)
        if (auto child = condition(x[i], json_path_index(sp, i))) c.children.push_back(std::move(*child));
    }
  } else if (shape == "not") {
    keys({"not"});
    c.kind = ConditionKind::Not;
    if (auto child = condition(x, sp)) c.children.push_back(std::move(*child));
  } else if (shape == "link") {
    keys({"link", "cut"});
    c.kind = ConditionKind::LinkCut;
    if (auto l = link(x, sp, "link")) std::tie(c.node, c.peer) = *l;
    if (!v.contains("cut")) {
      missing(path, "cut", "missing key \"cut\": true (the link is cut) or false (it is not)");
    } else if (auto b = boolean(v["cut"], json_path_member(path, "cut"), "cut")) {
      c.flag = *b;
    }
  } else if (shape == "partitioned") {
    keys({"partitioned"});
    c.kind = ConditionKind::Partitioned;
    if (auto l = link(x, sp, "partitioned")) std::tie(c.node, c.peer) = *l;
  } else if (shape == "txn") {
    keys({"txn", "outcome"});
    c.kind = ConditionKind::TxnOutcome;
    if (auto t = txn(x, sp)) c.txn = *t;
    if (!v.contains("outcome")) {
      missing(path, "outcome", "missing key \"outcome\": one of " + join(key_list(kOutcomes, &txn_outcome_key)));
    } else if (auto o = string(v["outcome"], json_path_member(path, "outcome"), "outcome")) {
      if (const auto outcome = by_key(kOutcomes, &txn_outcome_key, *o))
        c.outcome = *outcome;
      else
        error(json_path_member(path, "outcome"),
              "unknown outcome \"" + *o + "\"; outcomes are " + join(key_list(kOutcomes, &txn_outcome_key)));
    }
  } else if (shape == "invariant") {
    keys({"invariant", "held"});
    c.kind = ConditionKind::Invariant;
    if (auto k = string(x, sp, "invariant") ; k && protocol_) {
      if (std::find(invariants_.begin(), invariants_.end(), *k) == invariants_.end())
        error(sp, "unknown invariant \"" + *k + "\"; " + protocol_->info().name + " checks " + join(invariants_));
      c.key = *k;
    }
    if (!v.contains("held")) {
      missing(path, "held", "missing key \"held\": true or false");
    } else if (auto b = boolean(v["held"], json_path_member(path, "held"), "held")) {
      c.flag = *b;
    }
  } else if (shape == "log") {
    keys({"log"});
    c.kind = ConditionKind::Log;
    if (inner_keys({"node", "record", "txn"})) {
      if (!x.contains("node")) missing(sp, "node", "missing key \"node\": whose log");
      else if (auto n = node(x["node"], json_path_member(sp, "node"))) c.node = *n;
      if (!x.contains("record")) missing(sp, "record", "missing key \"record\": which log record");
      else if (protocol_) {
        if (auto r = named(x["record"], json_path_member(sp, "record"), protocol_->info().log_records, "log record")) c.code = *r;
      }
      if (x.contains("txn")) {
        if (auto t = txn(x["txn"], json_path_member(sp, "txn"))) c.txn = *t;
      }
    }
  } else if (shape == "messages_sent") {
    keys({"messages_sent"});
    c.kind = ConditionKind::MessagesSent;
    if (inner_keys({"type", "from", "to", "at_least", "at_most"})) {
      if (!x.contains("type")) missing(sp, "type", "missing key \"type\": which message type to count");
      message_filter();
      bounds(x, sp, c);
    }
  } else if (shape == "messages_dropped") {
    keys({"messages_dropped"});
    c.kind = ConditionKind::MessagesDropped;
    if (inner_keys({"type", "from", "to", "reason", "at_least", "at_most"})) {
      c.any_code = !x.contains("type");
      message_filter();
      if (x.contains("reason")) {
        const std::string rp = json_path_member(sp, "reason");
        if (auto r = string(x["reason"], rp, "reason")) {
          if (const auto reason = by_key(kDropReasons, &drop_reason_key, *r))
            c.reason = *reason;
          else
            error(rp, "unknown reason \"" + *r + "\"; reasons are " + join(key_list(kDropReasons, &drop_reason_key)));
        }
      }
      bounds(x, sp, c);
    }
  } else if (shape == "crashes") {
    keys({"crashes"});
    c.kind = ConditionKind::Crashes;
    if (inner_keys({"node", "at_least", "at_most"})) {
      if (!x.contains("node")) missing(sp, "node", "missing key \"node\": whose crashes to count");
      else if (auto n = node(x["node"], json_path_member(sp, "node"))) c.node = *n;
      bounds(x, sp, c);
    }
  } else if (shape == "time_ms_at_least") {
    keys({"time_ms_at_least"});
    c.kind = ConditionKind::TimeAtLeast;
    if (!x.is_number() || x.get<double>() < 0 || x.get<double>() > 1e12)
      error(sp, "time_ms_at_least must be a number of milliseconds (0 or more), not " + type_phrase(x));
    else
      c.time = static_cast<Time>(std::llround(x.get<double>() * 1000.0));
  } else if (shape == "metric") {
    keys({"metric"});
    c.kind = ConditionKind::Metric;
    if (inner_keys({"key", "node", "at_least", "at_most"})) {
      // Metric keys are reported by the protocol at run time, so they cannot be checked here.
      if (!x.contains("key")) missing(sp, "key", "missing key \"key\": which metric");
      else if (auto k = string(x["key"], json_path_member(sp, "key"), "key")) c.key = *k;
      if (x.contains("node")) { if (auto n = node(x["node"], json_path_member(sp, "node"))) c.node = *n; }
      bounds(x, sp, c);
    }
  } else if (shape == "note") {
    keys({"note"});
    c.kind = ConditionKind::Note;
    if (inner_keys({"key", "node", "txn"})) {
      if (!x.contains("key")) missing(sp, "key", "missing key \"key\": which protocol note");
      else if (protocol_) {
        if (auto k = named(x["key"], json_path_member(sp, "key"), protocol_->info().notes, "note")) c.code = *k;
      }
      if (x.contains("node")) { if (auto n = node(x["node"], json_path_member(sp, "node"))) c.node = *n; }
      if (x.contains("txn")) { if (auto t = txn(x["txn"], json_path_member(sp, "txn"))) c.txn = *t; }
    }
  } else if (shape == "locks_held" || shape == "lock_waiters") {
    keys({shape});
    c.kind = shape == "locks_held" ? ConditionKind::LocksHeld : ConditionKind::LockWaiters;
    if (inner_keys({"node", "at_least", "at_most"})) {
      if (!x.contains("node")) missing(sp, "node", "missing key \"node\": whose locks");
      else if (auto n = node(x["node"], json_path_member(sp, "node"))) c.node = *n;
      bounds(x, sp, c);
    }
  } else {  // "node"
    keys({"node", "state", "up", "blocked"});
    auto n = node(x, sp);
    if (n) c.node = *n;
    std::vector<std::string_view> what;
    for (std::string_view k : {"state", "up", "blocked"})
      if (v.contains(std::string(k))) what.push_back(k);
    if (what.size() != 1) {
      error(path, what.empty() ? "a node condition needs one of \"state\", \"up\" or \"blocked\""
                               : "a node condition checks one thing; use {\"all\": [...]} to combine \"" +
                                     std::string(what[0]) + "\" and \"" + std::string(what[1]) + "\"");
    } else if (what[0] == "state") {
      c.kind = ConditionKind::NodeState;
      if (auto s = state(v["state"], json_path_member(path, "state"), n)) c.code = *s;
    } else {
      c.kind = what[0] == "up" ? ConditionKind::NodeUp : ConditionKind::NodeBlocked;
      const std::string k(what[0]);
      if (auto b = boolean(v[k], json_path_member(path, k), k)) c.flag = *b;
    }
  }
  if (error_count() != before || !protocol_) return std::nullopt;
  return c;
}

// ---------------------------------------------------------------------------------------------
// Actions and faults

std::optional<FaultAction> LessonReader::fault(const json& v, const std::string& path) {
  if (!expect_object(v, path, "a fault")) return std::nullopt;
  json f = v;
  bool ok = true;
  for (auto t : kTriggerKeys) {
    const std::string k(t);
    if (!v.contains(k)) continue;
    const std::string p = json_path_member(path, t);
    report(p, doc_.key_pos(p), "a lesson applies a fault at the moment its step runs, so it has no trigger; remove \"" + k + "\"");
    f.erase(k);
    ok = false;
  }
  if (!protocol_) return std::nullopt;
  // Reuse the scenario loader's checks: the fault becomes the only fault of a copy of the scenario.
  f["at_ms"] = 0;
  json s = scenario_json_;
  s["faults"] = json::array({f});
  LoadResult r = load_scenario(s.dump(), file_);
  map_diagnostics(r.diagnostics, "faults[0]", path);
  if (!ok || !r.scenario || r.scenario->faults.size() != 1) return std::nullopt;
  return r.scenario->faults[0].action;
}

std::optional<LessonAction> LessonReader::play_until(const json& v, const std::string& path) {
  if (!expect_object(v, path, "play_until")) return std::nullopt;
  std::vector<std::string_view> found;
  for (auto k : kPlayKeys)
    if (v.contains(std::string(k))) found.push_back(k);
  if (found.size() != 1) {
    error(path, "play_until needs exactly one of \"ms\" (a virtual time), \"state\" ({\"node\", \"state\"}) or \"when\" (a condition)");
    return std::nullopt;
  }
  LessonAction a;
  a.path = path;
  const std::string p = json_path_member(path, found[0]);
  const json& x = v[std::string(found[0])];
  if (found[0] == "ms") {
    a.kind = ActionKind::PlayUntilTime;
    if (!x.is_number() || x.get<double>() < 0 || x.get<double>() > 1e12) {
      error(p, "ms must be a virtual time in milliseconds (0 or more), not " + type_phrase(x));
      return std::nullopt;
    }
    a.time = static_cast<Time>(std::llround(x.get<double>() * 1000.0));
    return a;
  }
  if (found[0] == "when") {
    a.kind = ActionKind::PlayUntilCondition;
    auto c = condition(x, p);
    if (!c) return std::nullopt;
    a.condition.push_back(std::move(*c));
    return a;
  }
  a.kind = ActionKind::PlayUntilState;
  if (!expect_object(x, p, "state")) return std::nullopt;
  constexpr std::string_view kStateKeys[] = {"node", "state"};
  const std::size_t before = error_count();
  check_keys(x, p, kStateKeys, "\"state\"");
  std::optional<NodeId> n;
  if (!x.contains("node")) missing(p, "node", "missing key \"node\": whose state to wait for");
  else n = node(x["node"], json_path_member(p, "node"));
  if (!x.contains("state")) missing(p, "state", "missing key \"state\": which state to wait for");
  else if (auto s = state(x["state"], json_path_member(p, "state"), n)) a.state = *s;
  if (error_count() != before || !n || !protocol_) return std::nullopt;
  a.node = *n;
  return a;
}

std::optional<LessonAction> LessonReader::action(const json& v, const std::string& path,
                                                 std::span<const std::string_view> extra, bool step) {
  if (!expect_object(v, path, "an action")) return std::nullopt;
  if (!v.contains("do")) {
    missing(path, "do", step ? "missing key \"do\": one of play_until, fault, step, restart, show, switch_scenario"
                             : "missing key \"do\": one of play_until, fault, step");
    return std::nullopt;
  }
  auto what = string(v["do"], json_path_member(path, "do"), "do");
  if (!what) return std::nullopt;
  std::vector<std::string_view> allowed(extra.begin(), extra.end());
  allowed.push_back("do");
  std::optional<LessonAction> a;
  if (*what == "play_until") {
    allowed.insert(allowed.end(), std::begin(kPlayKeys), std::end(kPlayKeys));
    check_keys(v, path, allowed, "a play_until action");
    json only = json::object();
    for (auto k : kPlayKeys)
      if (v.contains(std::string(k))) only[std::string(k)] = v[std::string(k)];
    a = play_until(only, path);
  } else if (*what == "fault") {
    allowed.push_back("fault");
    check_keys(v, path, allowed, "a fault action");
    if (!v.contains("fault")) {
      missing(path, "fault", "missing key \"fault\": the fault to apply, such as {\"crash\": \"C\"}");
      return std::nullopt;
    }
    auto f = fault(v["fault"], json_path_member(path, "fault"));
    if (!f) return std::nullopt;
    a = LessonAction{};
    a->kind = ActionKind::Fault;
    a->fault = std::move(*f);
  } else if (*what == "step") {
    allowed.push_back("n");
    check_keys(v, path, allowed, "a step action");
    a = LessonAction{};
    a->kind = ActionKind::Step;
    if (v.contains("n")) {
      auto n = integer(v["n"], json_path_member(path, "n"), "n (events to dispatch)", 1, 1'000'000);
      if (!n) return std::nullopt;
      a->count = static_cast<std::uint64_t>(*n);
    }
  } else if (*what == "restart" && step) {
    allowed.push_back("params");
    check_keys(v, path, allowed, "a restart action");
    a = restart(v, path);
  } else if (*what == "show" && step) {
    allowed.insert(allowed.end(), {"view", "node", "series", "protocols", "variant", "scenario"});
    check_keys(v, path, allowed, "a show action");
    a = show(v, path);
  } else if (*what == "switch_scenario" && step) {
    allowed.push_back("scenario");
    check_keys(v, path, allowed, "a switch_scenario action");
    a = switch_scenario(v, path);
  } else if (*what == "restart" || *what == "show" || *what == "switch_scenario") {
    error(json_path_member(path, "do"), "\"" + *what + "\" is a lesson step of its own; a solution or a predict quiz's "
                                        "\"until\" cannot " + (*what == "show" ? "open a view" : *what == "restart" ? "restart the run"
                                                                                                        : "switch to another scenario"));
    return std::nullopt;
  } else {
    error(json_path_member(path, "do"), "unknown action \"" + *what + "\"; actions are play_until, fault, step" +
                                            std::string(step ? ", restart, show, switch_scenario" : ""));
    return std::nullopt;
  }
  if (a) a->path = path;
  return a;
}

std::vector<LessonAction> LessonReader::actions(const json& v, const std::string& path, std::string_view what) {
  std::vector<LessonAction> out;
  if (!v.is_array()) {
    error(path, std::string(what) + " must be a list of actions such as [{\"do\": \"fault\", \"fault\": {\"crash\": \"C\"}}], not " +
                    type_phrase(v));
    return out;
  }
  for (std::size_t i = 0; i < v.size(); ++i)
    if (auto a = action(v[i], json_path_index(path, i), {})) out.push_back(std::move(*a));
  return out;
}

}  // namespace cs::lesson_detail
