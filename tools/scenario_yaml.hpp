// The scenario YAML loader: turns the file a planner writes into a validated sim::Scenario.
//
// The format is documented key by key in scenarios/REFERENCE.md. In short: durations always carry
// their unit ("20s", "5m", "1.5h"), rates their interval ("1/s", "90/h", "120/30m"), fractions are
// "80%" or "0.8"; per-interval lists have one entry per interval of a day (the pattern repeats on
// every day) or one per interval of the whole horizon (intervals x days). Handle-time and patience
// files of an empirical distribution are read relative to the scenario file's folder, values in
// seconds.
//
// Every field is checked before anything runs, and every problem is reported, not just the first:
// the loader throws one InputError whose message has one line per problem, in file order, each
//   file:line:col: yaml.path: expected ..., found ...
// (1-based line and column), e.g.
//   plan.yaml:14:7: routing.vip[1].group: unknown agent group "front", expected one of: vip_desk,
//   frontline
// YAML syntax errors, unknown keys (with the valid ones listed), duplicate keys, missing required
// keys, values of the wrong kind, sign or range, per-interval lists of the wrong length and
// routing that names unknown groups or contact types are all reported. Nothing is clamped.
#pragma once

#include <string>
#include <string_view>

#include "sim/scenario.hpp"
#include "tools/datetime.hpp"  // parse_clock_s, format_clock: the clock times of a scenario

namespace staffsim::tools {

// Parses scenario YAML text. `file_name` prefixes every message; empirical distribution files are
// read relative to `base_dir` ("" = the current directory). Throws InputError listing all problems.
sim::Scenario parse_scenario_yaml(std::string_view text, const std::string& file_name,
                                  const std::string& base_dir = "");

// Reads and parses a scenario file; files it names are read relative to its folder. Throws IoError
// when the file cannot be read, InputError when its content is invalid.
sim::Scenario load_scenario_file(const std::string& path);

// A plan to simulate: a scenario and the name it is reported under.
struct NamedScenario {
  std::string name;    // the file's stem ("default" for scenarios/default.yaml), or the
                       // variant's name
  std::string source;  // "plan.yaml", or "plan.yaml, variant plus-one"
  sim::Scenario scenario;
};

// A scenario file's plans: the scenario itself, then one per entry of its `variants:` mapping,
// in file order. A variant is a name and the fields it overrides, written like the scenario's own
// (scenarios/REFERENCE.md, "Variants"):
//   variants:
//     plus-two:
//       agent_groups:
//         frontline: {staffing: [20, 24, 26]}   # items of named lists by name
//       contact_types:
//         retail: {arrivals: {factor: 1.1}}
// A mapping merges into a mapping, a value replaces a value; the result is checked like any
// scenario, each value reported at its own position. A variant cannot override name, horizon,
// seed or replications (plans compare over one horizon under the same random numbers); naming an
// item that does not exist is an error with the nearest name. Throws InputError listing every
// problem (those of a variant under "in variant \"plus-two\":").
std::vector<NamedScenario> load_scenario_plans(const std::string& path);

// A value given on the command line for a field of a scenario (sweep --vary).
struct Override {
  std::string path;    // "frontline.staffing" (a group or type name first), or the full
                       // "agent_groups.frontline.staffing"
  std::string value;   // YAML text of the value: "42", "90%", "5m", "[40, 42]"
  std::string origin;  // the option, for messages: "--vary frontline.staffing=40..60"
};

// Reads a scenario file with overrides merged in as a variant's would be. A problem the
// overrides cause is reported under their options ("--vary agents.staffing=abc:"), at the
// position of the field they replace. Throws InputError.
sim::Scenario load_scenario_with_overrides(const std::string& path,
                                           const std::vector<Override>& overrides);

}  // namespace staffsim::tools
