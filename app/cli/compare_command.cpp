// `commitscope-cli compare FILE --protocols 2pc,saga-orchestration,tcc`: the scenario's workload and
// fault timeline mapped onto each protocol (engine/scenario/compare.hpp), run with the same seed,
// and one table of figures (engine/scenario/compare_metrics.hpp).
#include <memory>
#include <vector>

#include "commands.hpp"
#include "scenario/compare.hpp"
#include "scenario/compare_metrics.hpp"
#include "scenario/json_format.hpp"
#include "scenario/loader.hpp"
#include "scenario/number_rules.hpp"
#include "scenario/report.hpp"
#include "trace_digest.hpp"

namespace cs::cli {
namespace {

using ojson = nlohmann::ordered_json;

struct CompareRun {
  std::string protocol;
  Scenario scenario;
  ClusterRoles roles;
  std::unique_ptr<Simulation> run;
};

std::string ms_text(Time t) {
  const ojson v = t % kMicrosPerMs == 0 ? ojson(t / kMicrosPerMs) : ojson(static_cast<double>(t) / 1000.0);
  return v.dump();
}

ojson faults_json(const std::vector<AppliedFault>& faults) {
  ojson a = ojson::array();
  for (const AppliedFault& f : faults) {
    ojson o{{"t_ms", ojson::parse(ms_text(f.time))}, {"fault", f.kind}};
    if (!f.a.empty()) o["a"] = f.a;
    if (!f.b.empty()) o["b"] = f.b;
    a.push_back(std::move(o));
  }
  return a;
}

// "2pc: coordinator C, workers P1 P2 P3"
std::string cast_line(const CompareRun& r) {
  std::string s = r.protocol + ": coordinator " +
                  (r.roles.coordinator == kNoNode ? std::string("(none)") : r.roles.names[static_cast<std::size_t>(r.roles.coordinator)]) +
                  ", workers";
  for (NodeId w : r.roles.workers) s += " " + r.roles.names[static_cast<std::size_t>(w)];
  return s;
}

void print_text(const Scenario& source, const std::vector<CompareRun>& runs, const std::vector<CompareRow>& rows) {
  if (!source.title.empty()) out("scenario: " + source.title + "\n");
  out("seed: " + std::to_string(source.seed) + ", until: " + ms_text(source.until) + " ms\n\n");
  for (const CompareRun& r : runs) out(cast_line(r) + "\n");
  const auto faults = applied_faults(*runs.front().run, runs.front().roles);
  out(faults.empty() ? "\nfaults: none\n" : "\nfaults (applied to the matching node of every protocol):\n");
  for (const AppliedFault& f : faults)
    out("  " + ms_text(f.time) + " ms  " + f.kind + (f.a.empty() ? "" : " " + f.a) + (f.b.empty() ? "" : " - " + f.b) + "\n");
  out("\n" + compare_table_text(rows));
  for (const CompareRow& r : rows)
    if (!r.violated.empty())
      out("\nWARNING: an invariant of " + r.protocol + " was violated; `commitscope-cli run` on its mapped scenario "
          "shows where.\n");
}

bool print_json(const Scenario& source, const std::vector<CompareRun>& runs, const std::vector<CompareRow>& rows) {
  ojson j;
  j["file"] = source.file;
  j["seed"] = source.seed;
  j["until_ms"] = ojson::parse(ms_text(source.until));
  j["protocols"] = ojson::array();
  j["runs"] = ojson::object();
  j["faults"] = ojson::object();
  j["table"] = ojson::array();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ojson report = run_report(*runs[i].run);
    report["trace_sha256"] = commitscope::traceSha256Hex(runs[i].run->sim());
    j["protocols"].push_back(runs[i].protocol);
    j["runs"][runs[i].protocol] = std::move(report);
    j["faults"][runs[i].protocol] = faults_json(applied_faults(*runs[i].run, runs[i].roles));
    j["table"].push_back(compare_row_json(rows[i]));
  }
  out(format_json(j) + "\n");
  return true;
}

}  // namespace

int compare_command(const CompareOptions& opt) {
  std::optional<Scenario> loaded = read_scenario(opt.file);
  if (!loaded) return 2;
  Scenario source = std::move(*loaded);
  if (opt.seed) source.seed = *opt.seed;
  if (opt.until_ms) source.until = until_from_ms(*opt.until_ms);

  std::vector<CompareRun> runs;
  for (const std::string& name : opt.protocols) {
    MappedScenario m = map_scenario(source, name);
    std::string why;
    std::optional<ClusterRoles> roles;
    if (m.scenario) roles = cluster_roles(name, m.scenario->params, why);
    if (!m.scenario || !roles) {
      err(opt.file + ": " + (m.refusal.empty() ? why : m.refusal) + "\n");
      return 2;
    }
    Diagnostics errors;
    auto run = Simulation::create(*m.scenario, errors);
    if (!run) {
      err(opt.file + ": " + name + ": the mapped scenario could not be started\n");
      print_diagnostics(errors);
      return 2;
    }
    run->run();
    runs.push_back({name, std::move(*m.scenario), std::move(*roles), std::move(run)});
  }
  std::vector<CompareRow> rows;
  for (const CompareRun& r : runs) rows.push_back(compare_row(*r.run));
  if (opt.json) return print_json(source, runs, rows) ? 0 : 2;
  print_text(source, runs, rows);
  return 0;
}

}  // namespace cs::cli
