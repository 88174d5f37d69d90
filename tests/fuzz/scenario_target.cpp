// Fuzz target: the scenario loader (tools/scenario_yaml.hpp). See fuzz_targets.hpp.
#include <string>
#include <string_view>

#include "fuzz_targets.hpp"
#include "models/error.hpp"
#include "scratch_files.hpp"
#include "sim/scenario.hpp"
#include "tools/cli_error.hpp"
#include "tools/scenario_yaml.hpp"

namespace staffsim::fuzz {
namespace {

// A scenario may name any file; the target keeps to the scratch folder's. Paths into /dev, /proc
// or /sys (a FIFO or an endless device would hang the run) and YAML escapes (which could spell
// such a path) are skipped.
bool names_special_files(std::string_view text) {
  for (std::string_view word : {"/dev", "/proc", "/sys", "\\"}) {
    if (text.find(word) != std::string_view::npos) return true;
  }
  return false;
}

void check_valid(const sim::Scenario& scenario, const std::string& what) {
  try {
    sim::validate(scenario);
  } catch (const InvalidInput& e) {
    throw PropertyViolation(what + " loads but fails sim::validate: " + e.what());
  }
}

}  // namespace

void scenario_target(std::string_view bytes) {
  if (names_special_files(bytes)) return;
  const std::string file = "fuzz.yaml";
  try {
    check_valid(tools::parse_scenario_yaml(bytes, file, scratch_dir()), "the scenario");
  } catch (const tools::InputError& e) {
    check_scenario_message(e.what(), file, bytes);
    return;
  }
  // Variants are read from a file (load_scenario_plans): only a valid scenario gets that far.
  if (bytes.find("variants") == std::string_view::npos) return;
  const std::string path = write_scratch_file(file, bytes);
  try {
    for (const tools::NamedScenario& plan : tools::load_scenario_plans(path)) {
      check_valid(plan.scenario, "the plan " + plan.source);
    }
  } catch (const tools::InputError& e) {
    check_scenario_message(e.what(), path, bytes);
  }
}

}  // namespace staffsim::fuzz
