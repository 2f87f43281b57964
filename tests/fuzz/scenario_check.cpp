#include <string>

#include "diagnostics_check.hpp"
#include "fuzz_checks.hpp"
#include "protocols/registry.hpp"
#include "scenario/lesson.hpp"
#include "scenario/loader.hpp"
#include "scenario/simulation.hpp"

namespace cs::fuzz {

std::string check_scenario_input(std::string_view bytes) {
  static constexpr std::string_view kFile = "fuzz-scenario.json";
  (void)looks_like_lesson(bytes);  // the CLI's choice between the two loaders
  const LoadResult loaded = load_scenario(bytes, kFile);
  if (!loaded.scenario) return check_rejection(loaded.diagnostics, bytes, kFile);
  if (!loaded.diagnostics.empty()) return "a scenario was returned together with diagnostics";

  // What the window does with a file it opened: build the run, then (on Save) write it out.
  Diagnostics errors;
  const auto run = Simulation::create(*loaded.scenario, errors);
  if (!run) return errors.empty() ? "a loaded scenario could not be started, without a message"
                                  : "a loaded scenario could not be started: " + errors.front().to_string();
  const std::string saved = scenario_to_text(*loaded.scenario, run->protocol());
  const LoadResult again = load_scenario(saved, kFile);
  if (!again.scenario)
    return "the saved scenario does not load: " +
           (again.diagnostics.empty() ? std::string("(no diagnostic)") : again.diagnostics.front().to_string()) +
           "\n" + saved;
  if (scenario_to_text(*again.scenario, run->protocol()) != saved) return "saving the loaded save changes it:\n" + saved;
  return {};
}

}  // namespace cs::fuzz
