#include "compare_variants.hpp"

#include <QCoreApplication>
#include <algorithm>

#include "protocols/registry.hpp"
#include "scenario/simulation.hpp"

namespace CompareVariants {
namespace {

constexpr const char* kContext = "MetricsChartView";

// The descriptors' English variant labels and tags, for lupdate (the text itself lives in each
// protocol's descriptor; tests/app/test_engine_text.cpp checks that every one has zh-TW words).
[[maybe_unused]] constexpr const char* kTranslatable[] = {
    QT_TRANSLATE_NOOP("MetricsChartView", "(R=W=%1)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "2× reservation"),
    QT_TRANSLATE_NOOP("MetricsChartView", "2× timeout"),
    QT_TRANSLATE_NOOP("MetricsChartView", "AP mode (answers on both sides)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "AP"),
    QT_TRANSLATE_NOOP("MetricsChartView", "All replicas R = W = %1 (slow)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "CP mode (majority only)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "CP"),
    QT_TRANSLATE_NOOP("MetricsChartView", "LWW"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Last-writer-wins clocks"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Longer reservations (%1 ms)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Longer timeouts (%1 ms)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Majority quorums R = W = %1"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Quorums R = W = 1 (fast, may read stale)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Shorter reservations (%1 ms)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Shorter timeouts (%1 ms)"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Vector clocks"),
    QT_TRANSLATE_NOOP("MetricsChartView", "With a semantic lock"),
    QT_TRANSLATE_NOOP("MetricsChartView", "With an idempotent consumer"),
    QT_TRANSLATE_NOOP("MetricsChartView", "With fencing"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Without a semantic lock"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Without an idempotent consumer"),
    QT_TRANSLATE_NOOP("MetricsChartView", "Without fencing"),
    QT_TRANSLATE_NOOP("MetricsChartView", "fencing"),
    QT_TRANSLATE_NOOP("MetricsChartView", "idempotent"),
    QT_TRANSLATE_NOOP("MetricsChartView", "lock"),
    QT_TRANSLATE_NOOP("MetricsChartView", "no fencing"),
    QT_TRANSLATE_NOOP("MetricsChartView", "no lock"),
    QT_TRANSLATE_NOOP("MetricsChartView", "not idempotent"),
    QT_TRANSLATE_NOOP("MetricsChartView", "vector"),
    QT_TRANSLATE_NOOP("MetricsChartView", "½ reservation"),
    QT_TRANSLATE_NOOP("MetricsChartView", "½ timeout"),
};

// The value a scenario gives a parameter, or the schema's default when it gives none (derived
// defaults are resolved by the protocol itself: reading them back from a run is not possible, so a
// variant that depends on one compares against its literal default).
nlohmann::json current(const cs::Scenario& s, const cs::ParamSpec& p) {
  if (s.params.is_object()) {
    const auto it = s.params.find(std::string(p.key));
    if (it != s.params.end()) return *it;
  }
  switch (p.kind) {
    case cs::ParamKind::Boolean: return p.def != 0;
    case cs::ParamKind::Choice: return std::string(p.def_choice);
    case cs::ParamKind::Structured: return nlohmann::json::parse(p.def_json);
    default: return p.def;
  }
}

class Builder {
 public:
  explicit Builder(const cs::Scenario& current) : current_(current) {}

  // One candidate: `edit` changes the copied params; kept only if the protocol accepts them.
  template <class Edit>
  void add(const cs::VariantSpec& spec, int arg, Edit edit) {
    Variant v;
    v.id = std::string(spec.id);
    v.label = spec.label.data();  // string literals in the descriptor: NUL-terminated
    v.tag = spec.tag.data();
    v.arg = arg;
    v.scenario = current_;
    v.scenario.faults.clear();
    if (!v.scenario.params.is_object()) v.scenario.params = nlohmann::json::object();
    edit(v.scenario.params);
    if (v.scenario.params == current_.params) return;  // changes nothing
    cs::Diagnostics errors;
    const auto run = cs::Simulation::create(v.scenario, errors);
    if (!run) return;  // the protocol rejects the edited params: not offered
    v.nodes = static_cast<int>(run->sim().nodes().size());
    out_.push_back(std::move(v));
  }

  std::vector<Variant> take() { return std::move(out_); }

 private:
  const cs::Scenario& current_;
  std::vector<Variant> out_;
};

}  // namespace

QString Variant::labelText() const {
  const QString t = QCoreApplication::translate(kContext, label);
  return arg >= 0 && t.contains(QLatin1String("%1")) ? t.arg(arg) : t;
}

QString Variant::tagText() const {
  const QString t = QCoreApplication::translate(kContext, tag);
  return arg >= 0 && t.contains(QLatin1String("%1")) ? t.arg(arg) : t;
}

std::vector<Variant> forScenario(const cs::Scenario& s) {
  Builder b(s);
  const cs::ProtocolDescriptor* d = cs::find_descriptor(s.protocol);
  if (!d) return b.take();
  for (const cs::VariantSpec& v : d->variants) {
    if (!v.when_key.empty()) {
      const cs::ParamSpec* when = d->param(v.when_key);
      if (!when || current(s, *when) != nlohmann::json::parse(v.when_value)) continue;
    }
    switch (v.edit) {
      case cs::VariantEdit::Set:
        b.add(v, -1, [&](nlohmann::json& p) { p[std::string(v.key)] = nlohmann::json::parse(v.value); });
        break;
      case cs::VariantEdit::Scale: {
        const cs::ParamSpec* p = d->param(v.key);
        if (!p) break;
        const auto value = static_cast<std::int64_t>(current(s, *p).get<double>() * v.factor);
        // Too short to show anything, or outside the schema: not offered.
        if (value < 10 || value > static_cast<std::int64_t>(p->hi)) break;
        b.add(v, static_cast<int>(value), [&](nlohmann::json& q) { q[std::string(v.key)] = value; });
        break;
      }
      case cs::VariantEdit::Quorums: {
        const cs::ParamSpec* replicas = d->param("replicas");
        if (!replicas) break;
        const int n = static_cast<int>(current(s, *replicas).get<double>());
        const int q = v.factor > 0 ? static_cast<int>(v.factor) : v.factor == 0 ? n / 2 + 1 : n;
        // "All replicas" is the majority when there are three: offered once.
        if (v.factor < 0 && q == n / 2 + 1) break;
        b.add(v, q, [&](nlohmann::json& p) {
          p["read_quorum"] = q;
          p["write_quorum"] = q;
        });
        break;
      }
    }
  }
  return b.take();
}

cs::Scenario withFaults(const Variant& variant, const cs::Scenario& current, const std::vector<cs::Time>& fired_at) {
  cs::Scenario s = current;
  s.params = variant.scenario.params;
  s.faults.clear();
  const std::vector<cs::Fault>& faults = current.faults;
  const auto valid = [&](cs::NodeId n) { return n >= 0 && n < variant.nodes; };
  for (std::size_t i = 0; i < faults.size() && i < fired_at.size(); ++i) {
    if (fired_at[i] < 0) continue;  // never happened in the main run
    cs::Fault f = faults[i];
    f.trigger = cs::FaultTrigger{};
    f.trigger.kind = cs::TriggerKind::AtTime;
    f.trigger.time = fired_at[i];
    cs::FaultAction& a = f.action;
    if (a.a != cs::kNoNode && !valid(a.a)) continue;
    if (a.b != cs::kNoNode && !valid(a.b)) continue;
    if (a.kind == cs::FaultKind::Partition) {
      for (auto& g : a.groups) g.erase(std::remove_if(g.begin(), g.end(), [&](cs::NodeId n) { return !valid(n); }), g.end());
      a.groups.erase(std::remove_if(a.groups.begin(), a.groups.end(), [](const auto& g) { return g.empty(); }), a.groups.end());
      if (a.groups.size() < 2) continue;
    }
    s.faults.push_back(std::move(f));
  }
  return s;
}

}  // namespace CompareVariants
