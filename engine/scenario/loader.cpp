#include "scenario/loader.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <memory>
#include <utility>
#include <vector>

#include "protocols/registry.hpp"
#include "scenario/json_positions.hpp"
#include "scenario/json_text.hpp"
#include "scenario/number_rules.hpp"

namespace cs {
namespace {

using json = nlohmann::json;

// Times beyond this cannot be converted to integer µs safely (and make no sense in a lesson).
constexpr double kMaxMs = 1e12;
// Layout coordinates are canvas units (a node is about 100 wide); far beyond any screen, and well
// inside the range that saving converts to integers.
constexpr double kMaxCoordinate = 1e6;

constexpr std::string_view kTopKeys[] = {"title",    "title_zh", "description", "description_zh", "protocol", "seed",
                                         "until_ms", "params",   "network",     "faults",         "layout",
                                         "schedule"};
constexpr std::string_view kNetworkKeys[] = {"latency_ms", "loss", "duplicate"};
constexpr std::string_view kActionKeys[] = {"crash",     "restart",   "cut",           "heal",   "heal_partition",
                                            "partition", "drop_next", "duplicate_next", "network"};
constexpr std::string_view kFaultKeys[] = {"at_ms",          "on",        "after_event", "crash",
                                           "restart",        "cut",       "heal",        "heal_partition",
                                           "partition",      "drop_next", "duplicate_next", "network"};
constexpr std::string_view kStepKeys[] = {"deliver", "duplicate", "drop", "timer", "client", "from",
                                          "to",      "node",      "txn",  "a",     "b",      "extra"};
constexpr std::string_view kStepKinds[] = {"deliver", "duplicate", "drop", "timer", "client"};
constexpr std::string_view kStateTriggerKeys[] = {"node", "state", "txn"};
constexpr std::string_view kSentTriggerKeys[] = {"sent", "nth", "from"};

// 1 rather than 1.0 in messages.
std::string number_text(double x) {
  if (x == std::floor(x) && std::fabs(x) < 1e15) return std::to_string(static_cast<long long>(x));
  return json(x).dump();
}

Time ms_to_us(double v) { return static_cast<Time>(std::llround(v * 1000.0)); }

// One loading pass over a parsed document. Every check reports and carries on, so that a file with
// several mistakes gets all of them at once.
class Loader {
 public:
  Loader(const PositionedJson& doc, std::string_view file, Diagnostics& out)
      : doc_(doc), file_(file), out_(out) {}

  std::optional<Scenario> load();

 private:
  // ---- reporting ----
  void report(const std::string& path, TextPos pos, std::string message) {
    Diagnostic d;
    d.file = file_;
    d.line = pos.line;
    d.column = pos.column;
    d.path = path;
    d.message = std::move(message);
    out_.push_back(std::move(d));
  }
  void error(const std::string& path, std::string message) { report(path, doc_.value_pos(path), std::move(message)); }
  // A key that is missing: point at the object that should hold it.
  void missing(const std::string& object_path, std::string_view key, std::string message) {
    report(json_path_member(object_path, key), doc_.value_pos(object_path), std::move(message));
  }

  // ---- generic checks ----
  bool check_keys(const json& obj, const std::string& path, std::span<const std::string_view> allowed,
                  std::string_view where) {
    bool ok = true;
    for (const auto& [k, v] : obj.items()) {
      if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
      const std::string p = json_path_member(path, k);
      report(p, doc_.key_pos(p),
             "unknown key \"" + k + "\" in " + std::string(where) + "; allowed keys are: " + join(allowed));
      ok = false;
    }
    return ok;
  }
  bool expect_object(const json& v, const std::string& path, std::string_view what) {
    if (v.is_object()) return true;
    error(path, std::string(what) + " must be an object {...}, not " + type_phrase(v));
    return false;
  }
  std::optional<double> number(const json& v, const std::string& path, std::string_view what, double lo,
                               double hi) {
    if (!v.is_number()) {
      error(path, std::string(what) + " must be a number, not " + type_phrase(v));
      return std::nullopt;
    }
    const double x = v.get<double>();
    if (!(x >= lo && x <= hi)) {
      error(path, std::string(what) + " must be between " + number_text(lo) + " and " + number_text(hi) +
                      ", not " + v.dump());
      return std::nullopt;
    }
    return x;
  }
  std::optional<std::uint64_t> unsigned_integer(const json& v, const std::string& path, std::string_view what,
                                                std::uint64_t lo) {
    const WholeNumber n = read_whole_number(v);
    if (n.problem == WholeNumber::Problem::TooLarge) {
      error(path, std::string(what) + " " + whole_number_problem_text(n.problem) + ", not " + v.dump());
      return std::nullopt;
    }
    if (n.problem != WholeNumber::Problem::None) {
      error(path, std::string(what) + " must be a whole number" + (lo == 0 ? std::string(" (0 or more)") : " of at least " + std::to_string(lo)) + ", not " +
                      type_phrase(v));
      return std::nullopt;
    }
    const std::uint64_t x = n.value;
    if (x < lo) {
      error(path, std::string(what) + " must be at least " + std::to_string(lo) + ", not " + v.dump());
      return std::nullopt;
    }
    return x;
  }
  std::optional<std::string> string(const json& v, const std::string& path, std::string_view what) {
    if (v.is_string()) return v.get<std::string>();
    error(path, std::string(what) + " must be a string, not " + type_phrase(v));
    return std::nullopt;
  }

  // ---- names that depend on the protocol ----
  std::string node_list() const {
    std::vector<std::string> names;
    for (const auto& n : nodes_) names.push_back(n.name);
    return join(names);
  }
  // Returns nullopt on error, or when the protocol could not be built (names cannot be checked then).
  std::optional<NodeId> node(const json& v, const std::string& path) {
    auto name = string(v, path, "a node");
    if (!name || !protocol_) return std::nullopt;
    for (std::size_t i = 0; i < nodes_.size(); ++i)
      if (nodes_[i].name == *name) return static_cast<NodeId>(i);
    error(path, "unknown node \"" + *name + "\"; this " + protocol_name_ + " scenario has " + node_list() + node_caveat_);
    return std::nullopt;
  }
  // [A, B] with two different nodes.
  std::optional<std::pair<NodeId, NodeId>> link(const json& v, const std::string& path, std::string_view what) {
    if (!v.is_array() || v.size() != 2) {
      error(path, std::string(what) + " needs a link as a pair of node names, such as [\"C\", \"P1\"], not " +
                      type_phrase(v));
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

  // ---- parts of a scenario ----
  void load_protocol(const json& root);
  std::optional<NetworkSettings> network(const json& v, const std::string& path, const NetworkSettings& base);
  std::optional<Fault> fault(const json& v, const std::string& path);
  bool trigger_on(const json& v, const std::string& path, FaultTrigger& t);
  // "after_event": n with "at_ms": t (both checked; the fault fires after event n, not before t).
  bool timed_after_event(const json& v, const std::string& path, FaultTrigger& t);
  bool action(const json& obj, std::string_view key, const std::string& path, FaultAction& a);
  void layout(const json& v, const std::string& path, Scenario& s);
  void schedule(const json& v, const std::string& path, Scenario& s);
  std::optional<ScheduledStep> step(const json& v, const std::string& path);
  std::optional<std::uint16_t> key_index(const json& v, const std::string& path, const std::vector<std::string>& keys,
                                         std::string_view what);

  const PositionedJson& doc_;
  std::string file_;
  Diagnostics& out_;
  std::string protocol_name_;
  std::unique_ptr<Protocol> protocol_;
  std::vector<NodeSpec> nodes_;
  json params_ = json::object();
  NetworkSettings scenario_network_;  // base for a fault's "network" (keys it leaves out)
  std::string node_caveat_;           // set when node names come from a stand-in protocol
};

std::string protocol_names() {
  std::string out;
  for (const auto& e : protocol_registry()) {
    if (!out.empty()) out += ", ";
    out += e.name();
  }
  return out;
}

void Loader::load_protocol(const json& root) {
  if (!root.contains("protocol")) {
    missing("", "protocol", "missing key \"protocol\": say which protocol to run (one of: " + protocol_names() + ")");
    return;
  }
  auto name = string(root["protocol"], "protocol", "protocol");
  if (!name) return;
  const ProtocolEntry* entry = find_protocol(*name);
  if (entry == nullptr) {
    error("protocol", "unknown protocol \"" + *name + "\"; known protocols are: " + protocol_names());
    return;
  }
  protocol_name_ = *name;
  if (root.contains("params")) {
    if (!expect_object(root["params"], "params", "params")) return;
    params_ = root["params"];
  }
  Diagnostics pd;
  protocol_ = entry->create(params_, pd);
  for (auto& d : pd) {
    // The protocol knows paths, not positions; an unknown key is best shown at the key itself.
    const TextPos pos = doc_.key_pos(d.path.empty() ? std::string("params") : d.path);
    report(d.path.empty() ? std::string("params") : d.path, pos, std::move(d.message));
  }
  if (protocol_ && !pd.empty()) protocol_.reset();  // the contract says nullptr then; do not trust it
  if (!protocol_ && !pd.empty() && params_.is_object()) {
    // Build a stand-in without the faulty params, only to check the rest of the file (faults, layout)
    // in the same pass. The scenario is rejected anyway because of the params errors.
    json trimmed = params_;
    for (const auto& d : pd) {
      const std::string_view p = d.path;
      if (p.rfind("params.", 0) != 0) continue;
      std::string_view key = p.substr(7);
      key = key.substr(0, std::min(key.find('.'), key.find('[')));
      trimmed.erase(std::string(key));
    }
    Diagnostics ignored;
    protocol_ = entry->create(trimmed, ignored);
    if (protocol_ && !ignored.empty()) protocol_.reset();
    if (protocol_) node_caveat_ = " (as far as can be told while params has errors)";
  }
  if (protocol_) nodes_ = protocol_->node_specs();
}

std::optional<NetworkSettings> Loader::network(const json& v, const std::string& path, const NetworkSettings& base) {
  if (!expect_object(v, path, "network")) return std::nullopt;
  bool ok = check_keys(v, path, kNetworkKeys, "network");
  NetworkSettings n = base;
  if (v.contains("latency_ms")) {
    const std::string p = json_path_member(path, "latency_ms");
    const json& l = v["latency_ms"];
    if (!l.is_array() || l.size() != 2) {
      error(p, "latency_ms must be a range [lowest, highest] in milliseconds, such as [5, 20], not " +
                   type_phrase(l));
      ok = false;
    } else {
      auto lo = number(l[0], json_path_index(p, 0), "the lowest latency", 0, kMaxMs);
      auto hi = number(l[1], json_path_index(p, 1), "the highest latency", 0, kMaxMs);
      if (lo && hi && *lo > *hi) {
        error(p, "the latency range is backwards: the lowest (" + l[0].dump() + " ms) is above the highest (" +
                     l[1].dump() + " ms)");
        ok = false;
      } else if (lo && hi) {
        n.latency_lo = ms_to_us(*lo);
        n.latency_hi = ms_to_us(*hi);
      } else {
        ok = false;
      }
    }
  }
  for (std::string_view key : {"loss", "duplicate"}) {
    const std::string k(key);
    if (!v.contains(k)) continue;
    auto p = number(v[k], json_path_member(path, k), k + " (a probability)", 0, 1);
    if (!p) {
      ok = false;
      continue;
    }
    (key == "loss" ? n.loss : n.duplicate) = Ratio::from_probability(*p);
  }
  if (!ok) return std::nullopt;
  return n;
}

bool Loader::trigger_on(const json& v, const std::string& path, FaultTrigger& t) {
  if (!expect_object(v, path, "on")) return false;
  const bool by_state = v.contains("state") || v.contains("node");
  const bool by_sent = v.contains("sent");
  if (by_state && by_sent) {
    error(path, "\"on\" waits either for a state (\"node\" and \"state\") or for a message (\"sent\"), not both");
    return false;
  }
  if (!by_state && !by_sent) {
    error(path, "\"on\" needs either \"node\" and \"state\" (fire when that node enters that state) or \"sent\" "
                "(fire after a message of that type is sent)");
    return false;
  }
  const ProtocolInfo* info = protocol_ ? &protocol_->info() : nullptr;
  if (by_state) {
    t.kind = TriggerKind::OnState;
    bool ok = check_keys(v, path, kStateTriggerKeys, "a state trigger");
    std::optional<NodeId> n;
    if (!v.contains("node")) {
      missing(path, "node", "missing key \"node\": which node's state to wait for");
      ok = false;
    } else {
      n = node(v["node"], json_path_member(path, "node"));
      ok = ok && n.has_value();
      if (n) t.node = *n;
    }
    if (!v.contains("state")) {
      missing(path, "state", "missing key \"state\": which state to wait for");
      ok = false;
    } else {
      const std::string sp = json_path_member(path, "state");
      auto s = string(v["state"], sp, "state");
      ok = ok && s.has_value();
      if (s && info) {
        const int idx = info->state_index(*s);
        if (idx < 0) {
          error(sp, "unknown state \"" + *s + "\"; " + protocol_name_ + " states are " + join(info->states));
          ok = false;
        } else {
          t.state = static_cast<std::uint16_t>(idx);
          const RoleMachine* role = n ? info->role(nodes_[std::size_t(*n)].role) : nullptr;
          if (role && std::find(role->states.begin(), role->states.end(), t.state) == role->states.end()) {
            std::vector<std::string> names;
            for (auto st : role->states) names.push_back(info->states[st]);
            error(sp, nodes_[std::size_t(*n)].name + " is a " + role->role + " and never enters " + *s + "; " +
                          role->role + " states are " + join(names));
            ok = false;
          }
        }
      }
    }
    if (v.contains("txn")) {
      auto k = unsigned_integer(v["txn"], json_path_member(path, "txn"), "txn (a transaction number)", 1);
      if (k && *k > 0xFFFFFFFFull) {
        error(json_path_member(path, "txn"), "txn is too large");
        k.reset();
      }
      ok = ok && k.has_value();
      if (k) t.txn = static_cast<TxnId>(*k);
    }
    return ok;
  }
  t.kind = TriggerKind::OnSent;
  bool ok = check_keys(v, path, kSentTriggerKeys, "a message trigger");
  const std::string mp = json_path_member(path, "sent");
  auto m = string(v["sent"], mp, "sent (a message type)");
  ok = ok && m.has_value();
  if (m && info) {
    const int idx = info->message_index(*m);
    if (idx < 0) {
      error(mp, "unknown message \"" + *m + "\"; " + protocol_name_ + " messages are " + join(info->messages));
      ok = false;
    } else {
      t.msg_type = static_cast<std::uint16_t>(idx);
    }
  }
  t.nth = 1;
  if (v.contains("nth")) {
    auto k = unsigned_integer(v["nth"], json_path_member(path, "nth"), "nth (1 = the first such message)", 1);
    ok = ok && k.has_value();
    if (k) t.nth = *k;
  }
  t.node = kNoNode;
  if (v.contains("from")) {
    auto n = node(v["from"], json_path_member(path, "from"));
    ok = ok && n.has_value();
    if (n) t.node = *n;
  }
  return ok;
}

bool Loader::action(const json& obj, std::string_view key, const std::string& fpath, FaultAction& a) {
  const std::string path = json_path_member(fpath, key);
  const json& v = obj[std::string(key)];
  if (key == "crash" || key == "restart") {
    a.kind = key == "crash" ? FaultKind::Crash : FaultKind::Restart;
    auto n = node(v, path);
    if (n) a.a = *n;
    return n.has_value();
  }
  if (key == "heal" && v.is_string()) {
    if (v.get<std::string>() == "all") {
      a.kind = FaultKind::HealAll;
      return true;
    }
    error(path, "heal takes a link such as [\"C\", \"P1\"] or the string \"all\", not " + type_phrase(v));
    return false;
  }
  if (key == "cut" || key == "heal" || key == "drop_next" || key == "duplicate_next") {
    a.kind = key == "cut" ? FaultKind::Cut
             : key == "heal" ? FaultKind::Heal
             : key == "drop_next" ? FaultKind::DropNext
                                  : FaultKind::DuplicateNext;
    auto l = link(v, path, key);
    if (l) {
      a.a = l->first;
      a.b = l->second;
    }
    return l.has_value();
  }
  if (key == "heal_partition") {
    a.kind = FaultKind::HealPartition;
    if (v.is_boolean() && v.get<bool>()) return true;
    error(path, "heal_partition must be true, not " + type_phrase(v));
    return false;
  }
  if (key == "partition") {
    a.kind = FaultKind::Partition;
    if (!v.is_array() || v.empty()) {
      error(path, "partition must be a non-empty list of groups of node names, such as [[\"C\", \"P1\"], [\"P2\"]], "
                  "not " + type_phrase(v));
      return false;
    }
    bool ok = true;
    std::vector<int> seen_in(nodes_.size(), -1);
    for (std::size_t g = 0; g < v.size(); ++g) {
      const std::string gp = json_path_index(path, g);
      if (!v[g].is_array() || v[g].empty()) {
        error(gp, "each group of a partition must be a non-empty list of node names, not " + type_phrase(v[g]));
        ok = false;
        continue;
      }
      std::vector<NodeId> group;
      for (std::size_t i = 0; i < v[g].size(); ++i) {
        const std::string np = json_path_index(gp, i);
        auto n = node(v[g][i], np);
        if (!n) {
          ok = false;
          continue;
        }
        int& seen = seen_in[std::size_t(*n)];
        if (seen >= 0) {
          error(np, "node \"" + nodes_[std::size_t(*n)].name + "\" is listed twice in this partition (also in group " +
                        std::to_string(seen + 1) + "); each node may be on one side only");
          ok = false;
          continue;
        }
        seen = static_cast<int>(g);
        group.push_back(*n);
      }
      a.groups.push_back(std::move(group));
    }
    return ok && protocol_ != nullptr;
  }
  // "network"
  a.kind = FaultKind::SetNetwork;
  auto n = network(v, path, scenario_network_);
  if (n) a.network = *n;
  return n.has_value();
}

bool Loader::timed_after_event(const json& v, const std::string& path, FaultTrigger& t) {
  auto n = unsigned_integer(v["after_event"], json_path_member(path, "after_event"),
                            "after_event (a count of dispatched events)", 0);
  auto x = number(v["at_ms"], json_path_member(path, "at_ms"), "at_ms", 0, kMaxMs);
  t.kind = TriggerKind::AfterEvent;
  if (n) t.nth = *n;
  if (x) t.time = ms_to_us(*x);
  return n && x;
}

std::optional<Fault> Loader::fault(const json& v, const std::string& path) {
  if (!expect_object(v, path, "a fault")) return std::nullopt;
  bool ok = check_keys(v, path, kFaultKeys, "a fault");
  std::vector<std::string_view> triggers, actions;
  for (auto k : kTriggerKeys)
    if (v.contains(std::string(k))) triggers.push_back(k);
  for (auto k : kActionKeys)
    if (v.contains(std::string(k))) actions.push_back(k);

  Fault f;
  // "after_event" may also carry "at_ms": a user's action made while the clock stood past event n.
  if (triggers.size() == 2 && triggers[0] == "at_ms" && triggers[1] == "after_event") {
    ok = timed_after_event(v, path, f.trigger) && ok;
  } else if (triggers.size() != 1) {
    error(path, triggers.empty() ? "this fault has no trigger; give exactly one of: " + join(kTriggerKeys)
                                 : "this fault has " + std::to_string(triggers.size()) +
                                       " triggers; give exactly one of: " + join(kTriggerKeys) +
                                       " (only \"after_event\" may also have \"at_ms\")");
    ok = false;
  } else {
    const std::string tp = json_path_member(path, triggers[0]);
    const json& t = v[std::string(triggers[0])];
    if (triggers[0] == "at_ms") {
      auto x = number(t, tp, "at_ms", 0, kMaxMs);
      ok = ok && x.has_value();
      f.trigger.kind = TriggerKind::AtTime;
      if (x) f.trigger.time = ms_to_us(*x);
    } else if (triggers[0] == "after_event") {
      auto n = unsigned_integer(t, tp, "after_event (a count of dispatched events)", 0);
      ok = ok && n.has_value();
      f.trigger.kind = TriggerKind::AfterEvent;
      if (n) f.trigger.nth = *n;
    } else {
      ok = trigger_on(t, tp, f.trigger) && ok;
    }
  }
  if (actions.size() != 1) {
    error(path, actions.empty() ? "this fault does nothing; give exactly one action: " + join(kActionKeys)
                                : "this fault has " + std::to_string(actions.size()) +
                                      " actions; give exactly one of: " + join(kActionKeys));
    ok = false;
  } else {
    ok = action(v, actions[0], path, f.action) && ok;
  }
  if (!ok || !protocol_) return std::nullopt;
  return f;
}

void Loader::layout(const json& v, const std::string& path, Scenario& s) {
  if (!expect_object(v, path, "layout")) return;
  std::vector<std::pair<NodeId, NodeLayout>> found;
  for (const auto& [k, pos] : v.items()) {
    const std::string p = json_path_member(path, k);
    if (protocol_) {
      auto it = std::find_if(nodes_.begin(), nodes_.end(), [&key = k](const NodeSpec& n) { return n.name == key; });
      if (it == nodes_.end()) {
        report(p, doc_.key_pos(p),
               "unknown node \"" + k + "\"; this " + protocol_name_ + " scenario has " + node_list() + node_caveat_);
        continue;
      }
      if (!pos.is_array() || pos.size() != 2 || !pos[0].is_number() || !pos[1].is_number()) {
        error(p, "a layout position must be [x, y] with two numbers, not " + type_phrase(pos));
        continue;
      }
      bool on_canvas = true;
      for (std::size_t i = 0; i < 2; ++i) {
        const double c = pos[i].get<double>();
        if (c >= -kMaxCoordinate && c <= kMaxCoordinate) continue;
        error(json_path_index(p, i), std::string(i == 0 ? "x" : "y") + " of a layout position must be between " +
                                         number_text(-kMaxCoordinate) + " and " + number_text(kMaxCoordinate) +
                                         ", not " + pos[i].dump());
        on_canvas = false;
      }
      if (!on_canvas) continue;
      found.emplace_back(static_cast<NodeId>(it - nodes_.begin()),
                         NodeLayout{k, pos[0].get<double>(), pos[1].get<double>()});
    }
  }
  // Node order, not key order, so that saving and loading again gives the same vector.
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [id, l] : found) s.layout.push_back(std::move(l));
}

std::optional<std::uint16_t> Loader::key_index(const json& v, const std::string& path,
                                               const std::vector<std::string>& keys, std::string_view what) {
  auto name = string(v, path, what);
  if (!name || !protocol_) return std::nullopt;
  const int i = ProtocolInfo::index_of(keys, *name);
  if (i < 0) {
    error(path, "unknown " + std::string(what) + " \"" + *name + "\" for " + protocol_name_ + "; it has: " + join(keys));
    return std::nullopt;
  }
  return static_cast<std::uint16_t>(i);
}

// One step of a schedule (docs/explorer.md): {"deliver"|"duplicate"|"drop": MSG, "from", "to", "txn",
// "a", "b", "extra"}, {"timer": KEY, "node", "txn", "a"} or {"client": KIND, "txn", "a"}.
std::optional<ScheduledStep> Loader::step(const json& v, const std::string& path) {
  if (!expect_object(v, path, "a schedule step") || !check_keys(v, path, kStepKeys, "a schedule step")) return std::nullopt;
  ScheduledStep st;
  int kinds = 0;
  for (std::size_t k = 0; k < std::size(kStepKinds); ++k)
    if (v.contains(kStepKinds[k])) {
      ++kinds;
      st.kind = static_cast<EventStepKind>(k);
    }
  if (kinds != 1) {
    error(path, "a schedule step needs exactly one of: " + join(kStepKinds));
    return std::nullopt;
  }
  bool ok = true;
  const auto whole = [&](const char* key, std::int64_t& out) {
    if (!v.contains(key)) return;
    if (!v[key].is_number_integer()) {
      error(json_path_member(path, key), std::string(key) + " must be a whole number");
      ok = false;
    } else {
      out = v[key].get<std::int64_t>();
    }
  };
  std::int64_t txn = 0, type = 0;
  whole("txn", txn);
  whole("a", st.a);
  whole("b", st.b);
  st.txn = static_cast<TxnId>(txn);
  const auto node_of = [&](const char* key, NodeId& out) {
    if (!v.contains(key)) return;
    auto n = node(v[key], json_path_member(path, key));
    if (n) out = *n;
    else ok = false;
  };
  switch (st.kind) {
    case EventStepKind::Timer: {
      auto i = key_index(v["timer"], json_path_member(path, "timer"), protocol_ ? protocol_->info().timers : std::vector<std::string>{}, "timer");
      ok = ok && i.has_value();
      if (i) st.type = *i;
      node_of("node", st.to);
      break;
    }
    case EventStepKind::Client:
      whole("client", type);
      st.type = static_cast<std::uint16_t>(type);
      break;
    default: {
      const char* key = kStepKinds[static_cast<std::size_t>(st.kind)].data();
      auto i = key_index(v[key], json_path_member(path, key), protocol_ ? protocol_->info().messages : std::vector<std::string>{}, "message");
      ok = ok && i.has_value();
      if (i) st.type = *i;
      node_of("from", st.from);
      node_of("to", st.to);
      if (v.contains("extra")) {
        if (!v["extra"].is_array()) ok = false, error(json_path_member(path, "extra"), "extra must be a list of whole numbers");
        else
          for (const auto& x : v["extra"]) st.extra.push_back(x.is_number_integer() ? x.get<std::int64_t>() : 0);
      }
    }
  }
  if (!ok) return std::nullopt;
  return st;
}

void Loader::schedule(const json& v, const std::string& path, Scenario& s) {
  s.scheduled = true;
  if (!v.is_array()) {
    error(path, "schedule must be a list [...] of steps, not " + type_phrase(v));
    return;
  }
  for (std::size_t i = 0; i < v.size(); ++i)
    if (auto st = step(v[i], json_path_index(path, i))) s.schedule.push_back(std::move(*st));
}

std::optional<Scenario> Loader::load() {
  const json& root = doc_.value;
  if (!root.is_object()) {
    error("", "a scenario file must contain one JSON object {...}, not " + type_phrase(root));
    return std::nullopt;
  }
  const std::size_t errors_before = out_.size();
  Scenario s;
  s.file = file_;
  check_keys(root, "", kTopKeys, "a scenario");

  const std::pair<const char*, std::string*> texts[] = {{"title", &s.title},
                                                        {"title_zh", &s.title_zh},
                                                        {"description", &s.description},
                                                        {"description_zh", &s.description_zh}};
  for (const auto& [key, field] : texts) {
    if (!root.contains(key)) continue;
    if (auto str = string(root[key], key, key)) *field = std::move(*str);
  }
  load_protocol(root);
  s.protocol = protocol_name_;
  s.params = params_;

  if (root.contains("seed")) {
    auto seed = unsigned_integer(root["seed"], "seed", "seed", 0);
    if (seed) s.seed = *seed;
  }
  if (root.contains("until_ms")) {
    // The same rule as --until-ms on the command line (number_rules.hpp).
    const json& u = root["until_ms"];
    if (!u.is_number()) error("until_ms", "until_ms must be a number, not " + type_phrase(u));
    else if (!until_ms_allowed(u.get<double>())) error("until_ms", "until_ms " + until_ms_rule() + ", not " + u.dump());
    else s.until = until_from_ms(u.get<double>());
  }
  if (root.contains("network")) {
    auto n = network(root["network"], "network", NetworkSettings{});
    if (n) s.network = *n;
  }
  scenario_network_ = s.network;

  if (root.contains("faults")) {
    const json& fs = root["faults"];
    if (!fs.is_array()) {
      error("faults", "faults must be a list [...] of fault objects, not " + type_phrase(fs));
    } else {
      s.faults.reserve(fs.size());  // no doubling copies: a file may hold a million faults
      for (std::size_t i = 0; i < fs.size(); ++i) {
        auto f = fault(fs[i], json_path_index("faults", i));
        if (f) s.faults.push_back(std::move(*f));
      }
    }
  }
  if (root.contains("layout")) layout(root["layout"], "layout", s);
  if (root.contains("schedule")) schedule(root["schedule"], "schedule", s);

  if (out_.size() != errors_before || !protocol_) return std::nullopt;
  return s;
}

}  // namespace

LoadResult load_scenario(std::string_view text, std::string_view file_name) {
  LoadResult r;
  PositionedJson doc = parse_json_with_positions(text, file_name);
  r.diagnostics = doc.errors;
  if (doc.parsed) {
    Loader loader(doc, file_name, r.diagnostics);
    auto s = loader.load();
    if (r.diagnostics.empty()) r.scenario = std::move(s);
  }
  std::stable_sort(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  return r;
}

}  // namespace cs
