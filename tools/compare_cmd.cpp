// staffsim compare A.yaml [B.yaml ...] [--replications R] [--seed S] [--threads T]
//                  [--precision P] [--max-replications N] [--out DIR] [--format table|json]
//                  [--check[=strict]] [--junit FILE]
// Simulates every plan (each file's scenario, then its variants) under common random numbers
// and shows each KPI per plan, the paired differences to the first plan, agent-hours, cost and
// the targets each plan meets (tools/compare_report.hpp). --out writes compare.json and report.html
// (all or none).
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include "sim/simulator.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/compare_report.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/simulation_flags.hpp"
#include "tools/target_check.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

struct CompareFlags {
  std::vector<std::string> scenario_paths;
  SimulationFlags simulation;
  CheckFlags check;
  std::string out_dir;
  std::string format;
};

// "B.yaml:2:1: horizon" for the section of a scenario file (or its item), for messages; just the
// file when it cannot be read again (standard input).
std::string where_in(const std::string& path, const std::string& section, int item) {
  std::string place = display_name(path);
  if (is_standard_stream(path)) return place + ": " + section;
  try {
    const YAML::Node root = YAML::LoadFile(path);
    const YAML::Node node = root[section];
    YAML::Mark mark = node.Mark();
    std::string yaml_path = section;
    if (item >= 0 && node.IsSequence() && static_cast<std::size_t>(item) < node.size()) {
      mark = node[static_cast<std::size_t>(item)].Mark();
      yaml_path += "[" + std::to_string(item) + "]";
    }
    if (mark.line >= 0) {
      place += ":" + std::to_string(mark.line + 1) + ":" + std::to_string(mark.column + 1);
    }
    return place + ": " + yaml_path;
  } catch (const YAML::Exception&) {
    return place + ": " + section;
  }
}

// The plans must share the horizon and the contact types: checked here to say where.
void check_comparable(const std::vector<NamedScenario>& plans,
                      const std::vector<std::string>& paths) {
  const sim::Scenario& a = plans.front().scenario;
  for (std::size_t p = 1; p < plans.size(); ++p) {
    const sim::Scenario& b = plans[p].scenario;
    const sim::Horizon& x = a.horizon;
    const sim::Horizon& y = b.horizon;
    if (x.interval_s != y.interval_s || x.intervals_per_day != y.intervals_per_day ||
        x.days != y.days || x.day_start_s != y.day_start_s || x.start_date != y.start_date) {
      throw InputError(where_in(paths[p], "horizon", -1) + ": expected the horizon of " +
                       plans.front().source + " (" + std::to_string(x.days) + " days of " +
                       std::to_string(x.intervals_per_day) + " intervals of " +
                       format_duration(x.interval_s) + " from " + format_clock(x.day_start_s) +
                       "), found " + std::to_string(y.days) + " days of " +
                       std::to_string(y.intervals_per_day) + " intervals of " +
                       format_duration(y.interval_s) + " from " + format_clock(y.day_start_s) +
                       (x.start_date != y.start_date ? " with another start date" : "") +
                       ": plans compare only over the same horizon");
    }
    const auto& s = a.contact_types;
    const auto& t = b.contact_types;
    for (std::size_t c = 0; c < std::max(s.size(), t.size()); ++c) {
      if (c < s.size() && c < t.size() && s[c].stream_key() == t[c].stream_key()) continue;
      std::string expected = c < s.size() ? "contact type " + quote(s[c].stream_key())
                                          : "no contact type " + std::to_string(c + 1);
      std::string found = c < t.size() ? quote(t[c].stream_key()) : "none";
      throw InputError(where_in(paths[p], "contact_types", static_cast<int>(c)) + ": expected " +
                       expected + " as in " + plans.front().source + ", found " + found +
                       ": plans compare only with the same contact types (by key, in order; "
                       "give a renamed type the old name as its key)");
    }
  }
}

void compare(const CompareFlags& flags) {
  const sim::RunOptions options = run_options(flags.simulation);
  const CheckMode check = check_mode(flags.check.check);
  const OutputFormat format =
      output_format(flags.format, flags.out_dir, false, {OutputFormat::table, OutputFormat::json});
  if (is_standard_stream(flags.out_dir)) {
    throw InputError(
        "--out: expected a folder for compare.json and report.html, found \"-\" (use "
        "--format json to print compare.json)");
  }
  if (is_standard_stream(flags.check.junit) && format != OutputFormat::table) {
    throw InputError(
        "--junit -: standard output already holds the json output; give --junit a "
        "file");
  }
  std::vector<NamedScenario> plans;
  std::vector<std::string> paths;  // the file of each plan
  for (const auto& path : flags.scenario_paths) {
    for (auto& plan : load_scenario_plans(path)) {
      plans.push_back(std::move(plan));
      paths.push_back(path);
    }
  }
  if (plans.size() < 2) {
    throw InputError(
        "compare: expected at least two plans (two scenario files, or a scenario "
        "with variants), found one: " +
        plans.front().source);
  }
  std::set<std::string> names;
  for (auto& plan : plans) {
    if (!names.insert(plan.name).second) {
      plan.name += " (" + plan.source + ")";
      names.insert(plan.name);
    }
  }
  check_comparable(plans, paths);

  std::vector<const sim::Scenario*> scenarios;
  std::vector<ComparedPlan> compared;
  for (const auto& plan : plans) {
    scenarios.push_back(&plan.scenario);
    compared.push_back({plan.name, plan.source, &plan.scenario});
  }
  check_run_size(scenarios, options);
  const sim::Comparison comparison = sim::simulate_plans(scenarios, options);
  std::vector<TargetOutcome> outcomes;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    auto o = target_outcomes(plans[p].name, plans[p].scenario, comparison.plans[p]);
    outcomes.insert(outcomes.end(), o.begin(), o.end());
  }

  const std::string json = render_compare_json(compared, comparison);
  const std::string junit =
      flags.check.junit.empty() ? "" : render_junit(outcomes, check == CheckMode::strict);
  std::vector<PendingFile> files;
  if (!flags.out_dir.empty()) {
    const std::filesystem::path dir = flags.out_dir;
    files.push_back({(dir / "compare.json").string(), json});
    files.push_back(
        {(dir / "report.html").string(), render_compare_report_html(compared, comparison)});
  }
  if (!flags.check.junit.empty() && !is_standard_stream(flags.check.junit)) {
    files.push_back({flags.check.junit, junit});
  }
  write_output_files(flags.out_dir, files);
  if (format == OutputFormat::json) {
    std::cout << json;
  } else {
    std::cout << render_compare_table(compared, comparison);
    std::cout << precision_line(options, scenarios, comparison.plans);
    if (!flags.out_dir.empty()) {
      std::cout << "\nWrote compare.json and report.html to " << flags.out_dir << "\n";
    }
    if (is_standard_stream(flags.check.junit)) std::cout << junit;
  }
  std::cout.flush();
  enforce_check(check, outcomes);
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto flags = std::make_shared<CompareFlags>();
  CLI::App* command = app.add_subcommand(
      "compare",
      "Simulate several plans under common random numbers: each KPI per plan, paired "
      "differences to the first plan, agent-hours, cost and targets met");
  command
      ->add_option("scenarios", flags->scenario_paths,
                   "Scenario YAML files; each gives its scenario, then its variants, as plans (the "
                   "first plan is the one the others are compared with)")
      ->required();
  add_simulation_flags(command, flags->simulation);
  command->add_option(
      "--out", flags->out_dir,
      "Write compare.json and report.html (charts with their tables) to this folder "
      "(created if missing; both or none)");
  command->add_option("--format", flags->format,
                      "What to print: table or json (compare.json); default table");
  add_check_flags(command, flags->check);
  command->callback([flags]() { compare(*flags); });
}

}  // namespace staffsim::tools
