// Writing a scenario file (the format of scenarios/REFERENCE.md) that `staffsim run` loads as it
// is: `erlang --emit-scenario` (a one-type plan) and `fit --out` (the types of a call log) fill a
// ScenarioDraft and render it here, so both write the same YAML.
//
// Durations are written in seconds with their unit ("177.5s"), fractions as percentages ("80%"),
// per-interval values as flow lists; comments explain where each value came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace staffsim::tools {

struct ScenarioDraft {
  std::vector<std::string> comments;  // the file's opening lines, written as "# ..."
  std::string name;
  double interval_s = 1800;
  int intervals_per_day = 1;
  double day_start_s = 0;
  int days = 1;
  double warmup_s = 0;
  int replications = 30;
  unsigned long long seed = 1;

  struct ServiceLevel {
    double within_s = 20;
    double at_least = 0.8;
    std::string definition = "offered";
  };
  struct ContactType {
    std::string name;
    std::vector<std::string> comments;       // written above the type
    std::vector<double> calls_per_interval;  // one day's pattern or the whole horizon
    double handle_time_mean_s = 0;
    std::string handle_time_yaml;  // when not exponential: "{distribution: gamma, mean: ...}"
    std::optional<double> patience_mean_s;   // exponential; nullopt: nobody abandons
    std::optional<double> patience_fixed_s;  // deterministic patience instead
    std::optional<ServiceLevel> service_level;
    std::optional<double> max_abandon;
    std::optional<double> max_asa_s;
    std::vector<std::string> groups;  // routing, in order of preference
  };
  struct AgentGroup {
    std::string name;
    std::vector<std::string> comments;
    std::vector<int> staffing;  // one day's pattern or the whole horizon
  };
  std::vector<ContactType> contact_types;
  std::vector<AgentGroup> agent_groups;
};

std::string render_scenario(const ScenarioDraft& draft);

// YAML spellings used above, for other writers: a double-quoted string, a duration in seconds
// ("177.5s", 1 decimal at most).
std::string yaml_quoted(const std::string& text);
std::string yaml_duration(double seconds);

}  // namespace staffsim::tools
