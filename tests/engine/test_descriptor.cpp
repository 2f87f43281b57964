// Guard tests of the protocol descriptors: what a protocol declares (engine/protocols/*, describe())
// must be what it does, so that the CLI, the GUI and the docs, which read only the descriptor, are
// never wrong about a protocol.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "check/invariant.hpp"
#include "protocols/registry.hpp"
#include "scenario/loader.hpp"
#include "scenario/simulation.hpp"

namespace cs {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every shipped scenario, loaded (the scenario files are part of the product).
std::vector<Scenario> shipped_scenarios() {
  std::vector<Scenario> out;
  const fs::path dir = fs::path(COMMITSCOPE_SOURCE_DIR) / "resources" / "scenarios";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    LoadResult r = load_scenario(read_file(f), f.filename().string());
    EXPECT_TRUE(r.scenario.has_value()) << f;
    if (r.scenario) out.push_back(std::move(*r.scenario));
  }
  return out;
}

// The params each protocol is exercised with: its starter params, and those of every shipped scenario.
std::vector<std::pair<const ProtocolEntry*, nlohmann::json>> param_sets() {
  std::vector<std::pair<const ProtocolEntry*, nlohmann::json>> out;
  for (const auto& e : protocol_registry()) out.emplace_back(&e, e.default_params());
  for (const Scenario& s : shipped_scenarios()) out.emplace_back(find_protocol(s.protocol), s.params);
  return out;
}

template <class Range>
std::set<std::string> keys_of(const Range& r) {
  std::set<std::string> out;
  for (const auto& x : r) out.insert(std::string(x.key));
  return out;
}

TEST(Descriptor, NamesAreUniqueAndFindable) {
  std::set<std::string> names;
  for (const auto& e : protocol_registry()) {
    EXPECT_TRUE(names.insert(std::string(e.name())).second) << e.name();
    EXPECT_EQ(find_descriptor(e.name()), &e.descriptor());
    EXPECT_FALSE(e.descriptor().title.empty()) << e.name();
    EXPECT_FALSE(e.descriptor().summary.empty()) << e.name();
  }
  EXPECT_EQ(find_descriptor("no-such-protocol"), nullptr);
}

TEST(Descriptor, KeysAreUniqueWithinEachList) {
  for (const auto& e : protocol_registry()) {
    const ProtocolDescriptor& d = e.descriptor();
    EXPECT_EQ(keys_of(d.states).size(), d.states.size()) << d.name;
    EXPECT_EQ(keys_of(d.messages).size(), d.messages.size()) << d.name;
    EXPECT_EQ(keys_of(d.params).size(), d.params.size()) << d.name;
    EXPECT_EQ(keys_of(d.metrics).size(), d.metrics.size()) << d.name;
    EXPECT_EQ(keys_of(d.roles).size(), d.roles.size()) << d.name;
    EXPECT_EQ(keys_of(d.invariants).size(), d.invariants.size()) << d.name;
    EXPECT_LE(std::count_if(d.roles.begin(), d.roles.end(), [](const RoleSpec& r) { return r.coordinates; }), 1) << d.name;
  }
}

// The role machines a run shows (which may depend on the params) use declared states and roles,
// and every node of the run has a declared role.
TEST(Descriptor, RunsUseOnlyDeclaredRolesAndStates) {
  for (const auto& [entry, params] : param_sets()) {
    Diagnostics diags;
    const auto p = entry->create(params, diags);
    ASSERT_NE(p, nullptr) << entry->name() << " " << params.dump();
    const ProtocolDescriptor& d = entry->descriptor();
    const ProtocolInfo& info = p->info();
    EXPECT_EQ(info.name, d.name);
    ASSERT_EQ(info.states.size(), d.states.size()) << d.name;
    for (std::size_t i = 0; i < d.states.size(); ++i) EXPECT_EQ(info.states[i], d.states[i].key) << d.name;
    ASSERT_EQ(info.messages.size(), d.messages.size()) << d.name;
    for (std::size_t i = 0; i < d.messages.size(); ++i) EXPECT_EQ(info.messages[i], d.messages[i].key) << d.name;
    for (const RoleMachine& m : info.roles) {
      EXPECT_NE(d.role(m.role), nullptr) << d.name << ": role " << m.role;
      for (auto s : m.states) EXPECT_LT(s, d.states.size()) << d.name << ": role " << m.role;
    }
    for (const NodeSpec& n : p->node_specs()) EXPECT_NE(d.role(n.role), nullptr) << d.name << ": node " << n.name;
  }
}

// Every invariant a run checks is declared, with the same description the checker gives.
TEST(Descriptor, InvariantsAreDeclared) {
  std::map<std::string, std::set<std::string>> seen;
  for (const auto& [entry, params] : param_sets()) {
    Diagnostics diags;
    const auto p = entry->create(params, diags);
    ASSERT_NE(p, nullptr);
    const ProtocolDescriptor& d = entry->descriptor();
    for (const auto& inv : p->make_invariants()) {
      const auto spec = std::find_if(d.invariants.begin(), d.invariants.end(),
                                      [&](const InvariantSpec& s) { return s.key == inv->key(); });
      ASSERT_NE(spec, d.invariants.end()) << d.name << " checks undeclared " << inv->key();
      EXPECT_EQ(spec->description, inv->description()) << d.name << ": " << inv->key();
      seen[std::string(d.name)].insert(inv->key());
    }
  }
  // And nothing is declared that no run checks (a stale entry in the docs and the GUI).
  for (const auto& e : protocol_registry())
    for (const InvariantSpec& s : e.descriptor().invariants)
      EXPECT_TRUE(seen[std::string(e.name())].count(std::string(s.key))) << e.name() << " declares " << s.key;
}

// Every figure a run reports, run-wide or per node, is declared (the chart names and colours them
// from the descriptor); each protocol shows one to three by default.
TEST(Descriptor, MetricsAreDeclared) {
  for (const Scenario& s : shipped_scenarios()) {
    Diagnostics diags;
    auto run = Simulation::create(s, diags);
    ASSERT_NE(run, nullptr) << s.title;
    run->run();
    const ProtocolDescriptor& d = find_protocol(s.protocol)->descriptor();
    for (const Metric& m : run->protocol().metrics())
      EXPECT_NE(d.metric(m.key), nullptr) << d.name << " reports undeclared metric " << m.key;
  }
  for (const auto& e : protocol_registry()) {
    const auto& m = e.descriptor().metrics;
    const auto shown = std::count_if(m.begin(), m.end(), [](const MetricSpec& x) { return x.shown_by_default; });
    EXPECT_GE(shown, 1) << e.name();
    EXPECT_LE(shown, 3) << e.name();
  }
}

// The schema's defaults are valid values, and each range is enforced at both ends with a message
// that names the key's path.
TEST(Descriptor, ParameterSchemaIsEnforced) {
  for (const auto& e : protocol_registry()) {
    const ProtocolDescriptor& d = e.descriptor();
    Diagnostics none;
    ASSERT_NE(e.create(e.default_params(), none), nullptr) << d.name;
    ASSERT_NE(e.create(nlohmann::json::object(), none), nullptr) << d.name << ": every default alone must run";
    EXPECT_TRUE(none.empty());
    for (const ParamSpec& p : d.params) {
      if (p.rule == DefaultRule::Literal && (p.kind == ParamKind::Integer || p.kind == ParamKind::DurationMs)) {
        EXPECT_GE(p.def, p.lo) << d.name << "." << p.key;
        EXPECT_LE(p.def, p.hi) << d.name << "." << p.key;
      }
      if (p.kind == ParamKind::Choice) {
        EXPECT_NE(std::find(p.choices.begin(), p.choices.end(), p.def_choice), p.choices.end()) << d.name << "." << p.key;
      }
      EXPECT_FALSE(p.help.empty()) << d.name << "." << p.key;
      std::vector<nlohmann::json> bad;
      if (p.kind == ParamKind::Integer || p.kind == ParamKind::DurationMs) {
        bad.push_back(p.lo - 1);
        if (p.hi_ref.empty()) bad.push_back(p.hi + 1);
        bad.push_back(1e300);
        bad.push_back("3");
      } else if (p.kind == ParamKind::Probability) {
        bad = {1.5, -0.1};
      } else if (p.kind == ParamKind::Boolean) {
        bad = {1, "yes"};
      } else if (p.kind == ParamKind::Choice) {
        bad = {"no-such-choice", 3};
      }
      for (const nlohmann::json& v : bad) {
        nlohmann::json params = e.default_params();
        params[std::string(p.key)] = v;
        Diagnostics diags;
        EXPECT_EQ(e.create(params, diags), nullptr) << d.name << "." << p.key << " = " << v.dump();
        const std::string path = "params." + std::string(p.key);
        EXPECT_TRUE(std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& x) { return x.path == path; }))
            << d.name << "." << p.key << " = " << v.dump();
      }
    }
    nlohmann::json unknown = e.default_params();
    unknown["no_such_key"] = 1;
    Diagnostics diags;
    EXPECT_EQ(e.create(unknown, diags), nullptr);
    ASSERT_FALSE(diags.empty());
    EXPECT_NE(diags.back().message.find("is not a parameter of this protocol (known: " + std::string(d.params.front().key)),
              std::string::npos)
        << diags.back().message;
  }
}

TEST(Descriptor, DerivedDefaultsFollowTheirReference) {
  // cap-register: clients = replicas, quorums = majority of replicas and at most replicas.
  const ProtocolEntry* cap = find_protocol("cap-register");
  Diagnostics diags;
  auto p = cap->create({{"replicas", 5}}, diags);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->node_specs().size(), 10u);  // 5 replicas + 5 clients
  EXPECT_EQ(cap->create({{"replicas", 3}, {"read_quorum", 4}}, diags), nullptr);
  EXPECT_NE(cap->create({{"replicas", 5}, {"read_quorum", 4}}, diags), nullptr);
  // 2pc: ack_timeout_ms = timeout_ms; a bad reference falls back to the reference's default.
  const ParamSpec* ack = find_descriptor("2pc")->param("ack_timeout_ms");
  ASSERT_NE(ack, nullptr);
  EXPECT_EQ(param_default_text(*ack), "= `timeout_ms`");
  EXPECT_EQ(param_default_text(*find_descriptor("3pc")->param("window_ms")), "`timeout_ms` / 2");
  EXPECT_EQ(param_default_text(*find_descriptor("saga-orchestration")->param("stock")), "1 with `concurrent_reader`, else -1");
}

// Large numbers are range-checked as numbers, never converted to an integer first (UB for 1e300).
TEST(Descriptor, HugeNumbersAreRejectedWithTheirValue) {
  const ProtocolEntry* tpc = find_protocol("2pc");
  for (const char* text : {"1e300", "18446744073709551615", "-1e300"}) {
    Diagnostics diags;
    EXPECT_EQ(tpc->create(nlohmann::json::parse(std::string("{\"participants\": ") + text + "}"), diags), nullptr);
    ASSERT_EQ(diags.size(), 1u) << text;
    EXPECT_EQ(diags[0].path, "params.participants");
    EXPECT_NE(diags[0].message.find("must be between 1 and 16"), std::string::npos) << diags[0].message;
    EXPECT_EQ(diags[0].message.find("is -1 "), std::string::npos) << diags[0].message;
  }
}

TEST(Descriptor, TeachingVariantsAreAcceptedWhereOffered) {
  for (const auto& e : protocol_registry()) {
    for (const VariantSpec& v : e.descriptor().variants) {
      EXPECT_FALSE(v.id.empty());
      EXPECT_FALSE(v.label.empty()) << v.id;
      if (v.edit == VariantEdit::Set) {
        EXPECT_NE(e.descriptor().param(v.key), nullptr) << e.name() << " " << v.id;
        nlohmann::json params = e.default_params();
        params[std::string(v.key)] = nlohmann::json::parse(v.value);
        Diagnostics diags;
        EXPECT_NE(e.create(params, diags), nullptr) << e.name() << " " << v.id;
      }
      if (!v.when_key.empty()) {
        EXPECT_NE(e.descriptor().param(v.when_key), nullptr) << e.name() << " " << v.id;
      }
    }
  }
}

TEST(Descriptor, JsonHasWhatToolsRead) {
  std::vector<const ProtocolDescriptor*> all;
  for (const auto& e : protocol_registry()) all.push_back(&e.descriptor());
  const nlohmann::json j = descriptors_json(all);
  ASSERT_EQ(j.size(), all.size());
  for (const auto& d : j) {
    for (const char* k : {"name", "roles", "params", "messages", "metrics", "states", "invariants", "summary"})
      EXPECT_TRUE(d.contains(k)) << k;
    for (const auto& p : d["params"]) {
      EXPECT_TRUE(p.contains("key"));
      EXPECT_TRUE(p.contains("default"));
      EXPECT_TRUE(p.contains("help"));
    }
    for (const auto& m : d["messages"]) EXPECT_TRUE(m.contains("family"));
  }
  const auto& tpc = j[0];
  EXPECT_EQ(tpc["name"], "2pc");
  EXPECT_EQ(tpc["params"][0]["key"], "participants");
  EXPECT_EQ(tpc["params"][0]["default"], 3);
  EXPECT_EQ(tpc["params"][0]["max"], 16);
  EXPECT_EQ(tpc["messages"][3]["key"], "GLOBAL_COMMIT");
  EXPECT_EQ(tpc["messages"][3]["family"], "commit");
}

// docs/protocols.md's parameter tables are generated from the descriptors and must not drift.
// Fix with scripts/update-protocol-docs.
TEST(Descriptor, DocsParameterTablesMatch) {
  const std::string doc = read_file(fs::path(COMMITSCOPE_SOURCE_DIR) / "docs" / "protocols.md");
  for (const auto& e : protocol_registry()) {
    const std::string open = "<!-- params:" + std::string(e.name()) + " -->\n";
    const auto at = doc.find(open);
    ASSERT_NE(at, std::string::npos) << "docs/protocols.md has no parameter table for " << e.name();
    const auto begin = at + open.size();
    const auto end = doc.find("<!-- /params -->", begin);
    ASSERT_NE(end, std::string::npos);
    EXPECT_EQ(doc.substr(begin, end - begin), params_markdown(e.descriptor()))
        << "docs/protocols.md's table for " << e.name() << " is out of date: run scripts/update-protocol-docs";
  }
}

}  // namespace
}  // namespace cs

namespace cs {
namespace {

// A key means the same in every protocol: the GUI colours a message by the family of its key and a
// state by the class of its key, whatever protocol is running.
TEST(Descriptor, SharedKeysMeanTheSameEverywhere) {
  std::map<std::string, std::pair<MessageFamily, std::string>> families;
  std::map<std::string, std::pair<StateClass, std::string>> classes;
  for (const auto& e : protocol_registry()) {
    for (const MessageSpec& m : e.descriptor().messages) {
      const auto [it, fresh] = families.emplace(std::string(m.key), std::make_pair(m.family, std::string(e.name())));
      if (!fresh) {
        EXPECT_EQ(it->second.first, m.family) << m.key << " is a " << message_family_key(m.family) << " in " << e.name()
                  << " but a " << message_family_key(it->second.first) << " in " << it->second.second;
      }
    }
    for (const StateSpec& s : e.descriptor().states) {
      const auto [it, fresh] = classes.emplace(std::string(s.key), std::make_pair(s.cls, std::string(e.name())));
      if (!fresh) {
        EXPECT_EQ(it->second.first, s.cls) << s.key << " is " << state_class_key(s.cls) << " in " << e.name()
                  << " but " << state_class_key(it->second.first) << " in " << it->second.second;
      }
    }
  }
}

}  // namespace
}  // namespace cs
