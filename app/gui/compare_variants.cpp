#include "compare_variants.hpp"

#include <QCoreApplication>
#include <algorithm>

#include "scenario/simulation.hpp"

namespace CompareVariants {
namespace {

constexpr const char* kContext = "MetricsChartView";

const nlohmann::json* param(const cs::Scenario& s, const char* key) {
  if (!s.params.is_object()) return nullptr;
  const auto it = s.params.find(key);
  return it == s.params.end() ? nullptr : &*it;
}

std::string text(const cs::Scenario& s, const char* key, const char* fallback) {
  const nlohmann::json* v = param(s, key);
  return v && v->is_string() ? v->get<std::string>() : fallback;
}

std::int64_t integer(const cs::Scenario& s, const char* key, std::int64_t fallback) {
  const nlohmann::json* v = param(s, key);
  if (!v || !v->is_number()) return fallback;
  if (v->is_number_integer()) return v->get<std::int64_t>();
  // A double outside int64's range has no integer value; the loader refuses such params anyway.
  const double d = v->get<double>();
  return d > -9e18 && d < 9e18 ? static_cast<std::int64_t>(d) : fallback;
}

bool boolean(const cs::Scenario& s, const char* key, bool fallback) {
  const nlohmann::json* v = param(s, key);
  return v && v->is_boolean() ? v->get<bool>() : fallback;
}

class Builder {
 public:
  explicit Builder(const cs::Scenario& current) : current_(current) {}

  // One candidate: `edit` changes the copied params; kept only if the protocol accepts them.
  template <class Edit>
  void add(std::string id, const char* label, const char* tag, int arg, Edit edit) {
    Variant v;
    v.id = std::move(id);
    v.label = label;
    v.tag = tag;
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
  const auto set = [](const char* key, nlohmann::json value) { return [key, value](nlohmann::json& p) { p[key] = value; }; };

  if (s.protocol == "cap-register") {
    // CAP: the same partition, answered by a majority only or by everyone.
    const bool ap = text(s, "mode", "cp") == "ap";
    if (ap) {
      b.add("mode=cp", QT_TRANSLATE_NOOP("MetricsChartView", "CP mode (majority only)"), QT_TRANSLATE_NOOP("MetricsChartView", "CP"), -1, set("mode", "cp"));
      // Clocks: last-writer-wins loses concurrent writes, vector clocks keep them as siblings.
      if (text(s, "conflict", "vector") == "vector")
        b.add("conflict=lww", QT_TRANSLATE_NOOP("MetricsChartView", "Last-writer-wins clocks"), QT_TRANSLATE_NOOP("MetricsChartView", "LWW"), -1,
              set("conflict", "lww"));
      else
        b.add("conflict=vector", QT_TRANSLATE_NOOP("MetricsChartView", "Vector clocks"), QT_TRANSLATE_NOOP("MetricsChartView", "vector"), -1,
              set("conflict", "vector"));
    } else {
      b.add("mode=ap", QT_TRANSLATE_NOOP("MetricsChartView", "AP mode (answers on both sides)"), QT_TRANSLATE_NOOP("MetricsChartView", "AP"), -1,
            set("mode", "ap"));
      // PACELC: quorum sizes vs latency (and staleness when R + W <= N).
      const int n = static_cast<int>(integer(s, "replicas", 3));
      const int majority = n / 2 + 1;
      const auto quorum = [](int q) {
        return [q](nlohmann::json& p) {
          p["read_quorum"] = q;
          p["write_quorum"] = q;
        };
      };
      b.add("quorum=1", QT_TRANSLATE_NOOP("MetricsChartView", "Quorums R = W = 1 (fast, may read stale)"), QT_TRANSLATE_NOOP("MetricsChartView", "(R=W=%1)"), 1,
            quorum(1));
      b.add("quorum=majority", QT_TRANSLATE_NOOP("MetricsChartView", "Majority quorums R = W = %1"), QT_TRANSLATE_NOOP("MetricsChartView", "(R=W=%1)"), majority,
            quorum(majority));
      if (n > majority)
        b.add("quorum=all", QT_TRANSLATE_NOOP("MetricsChartView", "All replicas R = W = %1 (slow)"), QT_TRANSLATE_NOOP("MetricsChartView", "(R=W=%1)"), n,
              quorum(n));
    }
  } else if (s.protocol == "primary-backup") {
    if (boolean(s, "fencing", true))
      b.add("fencing=off", QT_TRANSLATE_NOOP("MetricsChartView", "Without fencing"), QT_TRANSLATE_NOOP("MetricsChartView", "no fencing"), -1,
            set("fencing", false));
    else
      b.add("fencing=on", QT_TRANSLATE_NOOP("MetricsChartView", "With fencing"), QT_TRANSLATE_NOOP("MetricsChartView", "fencing"), -1,
            set("fencing", true));
  } else if (s.protocol == "saga-orchestration") {
    if (text(s, "countermeasure", "none") == "none")
      b.add("countermeasure=semantic_lock", QT_TRANSLATE_NOOP("MetricsChartView", "With a semantic lock"), QT_TRANSLATE_NOOP("MetricsChartView", "lock"), -1,
            set("countermeasure", "semantic_lock"));
    else
      b.add("countermeasure=none", QT_TRANSLATE_NOOP("MetricsChartView", "Without a semantic lock"), QT_TRANSLATE_NOOP("MetricsChartView", "no lock"), -1,
            set("countermeasure", "none"));
  } else if (s.protocol == "2pc" || s.protocol == "3pc") {
    // Timeouts: how long a participant holds its locks before it gives up (and, for 3PC, how soon
    // a slow node is taken for a crashed one).
    const std::int64_t t = integer(s, "timeout_ms", 300);
    if (t / 2 >= 10)
      b.add("timeout=half", QT_TRANSLATE_NOOP("MetricsChartView", "Shorter timeouts (%1 ms)"), QT_TRANSLATE_NOOP("MetricsChartView", "½ timeout"),
            static_cast<int>(t / 2), set("timeout_ms", t / 2));
    if (t * 2 <= 3'600'000)
      b.add("timeout=double", QT_TRANSLATE_NOOP("MetricsChartView", "Longer timeouts (%1 ms)"), QT_TRANSLATE_NOOP("MetricsChartView", "2× timeout"),
            static_cast<int>(t * 2), set("timeout_ms", t * 2));
  } else if (s.protocol == "tcc") {
    // Reservation lifetime vs the TM's outages.
    const std::int64_t r = integer(s, "reservation_ms", 5000);
    if (r / 2 >= 10)
      b.add("reservation=half", QT_TRANSLATE_NOOP("MetricsChartView", "Shorter reservations (%1 ms)"), QT_TRANSLATE_NOOP("MetricsChartView", "½ reservation"),
            static_cast<int>(r / 2), set("reservation_ms", r / 2));
    if (r * 2 <= 3'600'000)
      b.add("reservation=double", QT_TRANSLATE_NOOP("MetricsChartView", "Longer reservations (%1 ms)"), QT_TRANSLATE_NOOP("MetricsChartView", "2× reservation"),
            static_cast<int>(r * 2), set("reservation_ms", r * 2));
  } else if (s.protocol == "outbox" || s.protocol == "dual-write") {
    if (boolean(s, "idempotent_consumer", s.protocol == "outbox"))
      b.add("idempotent=off", QT_TRANSLATE_NOOP("MetricsChartView", "Without an idempotent consumer"), QT_TRANSLATE_NOOP("MetricsChartView", "not idempotent"),
            -1, set("idempotent_consumer", false));
    else
      b.add("idempotent=on", QT_TRANSLATE_NOOP("MetricsChartView", "With an idempotent consumer"), QT_TRANSLATE_NOOP("MetricsChartView", "idempotent"), -1,
            set("idempotent_consumer", true));
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
