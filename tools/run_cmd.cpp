// staffsim run SCENARIO.yaml [--replications R] [--seed S] [--threads T] [--precision P]
//                            [--max-replications N] [--out DIR] [--format table|json|csv]
//                            [--check[=strict]] [--junit FILE]
// Loads and validates the scenario (its variants too: `compare` runs them), simulates it and
// prints the summary; with --out also writes summary.json, intervals.csv, days.csv, groups.csv
// and report.html (all or none of them). Progress goes to stderr, and only when stderr is a
// terminal. --check judges the targets after everything is written (tools/target_check.hpp).
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>

#include "sim/erlang_plan.hpp"
#include "sim/simulator.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/file_io.hpp"
#include "tools/report_html.hpp"
#include "tools/run_report.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/simulation_flags.hpp"
#include "tools/target_check.hpp"

namespace staffsim::tools {
namespace {

struct RunFlags {
  std::string scenario_path;
  SimulationFlags simulation;
  CheckFlags check;
  std::string out_dir;
  std::string format;
};

// The Erlang plan's agents on duty per group and interval, which report.html draws the staffing
// against; none when no staffing meets some target (sim/erlang_plan.hpp).
std::vector<std::vector<double>> erlang_requirement(const sim::Scenario& scenario) {
  std::vector<std::vector<double>> requirement;
  try {
    for (const auto& group : sim::erlang_plan(scenario).required_on_duty) {
      requirement.emplace_back(group.begin(), group.end());
    }
  } catch (const InvalidInput&) {
    requirement.clear();
  }
  return requirement;
}

void run(const RunFlags& flags) {
  const sim::RunOptions options = run_options(flags.simulation);
  const CheckMode check = check_mode(flags.check.check);
  const OutputFormat format = output_format(flags.format, flags.out_dir, false);
  if (is_standard_stream(flags.out_dir)) {
    throw InputError(
        "--out: expected a folder for summary.json, intervals.csv, days.csv, groups.csv and "
        "report.html, found \"-\" (standard output holds one of them: use --format json or csv)");
  }
  if (is_standard_stream(flags.check.junit) && format != OutputFormat::table) {
    throw InputError("--junit -: standard output already holds the " +
                     std::string(format == OutputFormat::json ? "json" : "csv") +
                     " output; give --junit a file");
  }

  std::vector<NamedScenario> plans = load_scenario_plans(flags.scenario_path);
  const sim::Scenario& scenario = plans.front().scenario;
  check_run_size({&scenario}, options);
  const sim::Results results = sim::simulate(scenario, options);
  const std::vector<TargetOutcome> outcomes = target_outcomes(scenario.name, scenario, results);

  std::string json = render_summary_json(scenario, results);
  std::vector<PendingFile> files;
  if (!flags.out_dir.empty()) {
    std::filesystem::path dir = flags.out_dir;
    files = {
        {(dir / "summary.json").string(), json},
        {(dir / "intervals.csv").string(), render_intervals_csv(scenario, results)},
        {(dir / "days.csv").string(), render_days_csv(scenario, results)},
        {(dir / "groups.csv").string(), render_groups_csv(scenario, results)},
        {(dir / "report.html").string(),
         render_run_report_html({scenario, results, erlang_requirement(scenario)})},
    };
  }
  const std::string junit =
      flags.check.junit.empty() ? "" : render_junit(outcomes, check == CheckMode::strict);
  if (!flags.check.junit.empty() && !is_standard_stream(flags.check.junit)) {
    files.push_back({flags.check.junit, junit});
  }
  write_output_files(flags.out_dir, files);
  if (format == OutputFormat::json) {
    std::cout << json;
  } else if (format == OutputFormat::csv) {
    std::cout << render_intervals_csv(scenario, results);
  } else {
    std::cout << render_summary_table(scenario, results);
    std::cout << precision_line(options, {&scenario}, {results});
    if (plans.size() > 1) {
      std::cout << "\nVariants: " << plans.size() - 1 << " (";
      for (std::size_t p = 1; p < plans.size(); ++p)
        std::cout << (p > 1 ? ", " : "") << plans[p].name;
      std::cout << "); staffsim compare " << flags.scenario_path << " runs them side by side\n";
    }
    if (!flags.out_dir.empty()) {
      std::cout << "\nWrote summary.json, intervals.csv, days.csv, groups.csv and report.html to "
                << flags.out_dir << "\n";
    }
    if (is_standard_stream(flags.check.junit)) std::cout << junit;
  }
  std::cout.flush();
  enforce_check(check, outcomes);
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto flags = std::make_shared<RunFlags>();
  CLI::App* command = app.add_subcommand(
      "run", "Simulate a scenario file and report every KPI with its 95% confidence interval");
  command
      ->add_option("scenario", flags->scenario_path,
                   "Scenario YAML file (- = standard input; files it names are then read from "
                   "the current folder)")
      ->required();
  add_simulation_flags(command, flags->simulation);
  command->add_option("--out", flags->out_dir,
                      "Write summary.json, intervals.csv, days.csv, groups.csv and report.html "
                      "(charts with their tables) to this folder (several files: a folder, "
                      "created if missing; all five or none)");
  command->add_option("--format", flags->format,
                      std::string(shared_help::kFormatToTerminal) +
                          "; json prints summary.json, csv prints intervals.csv");
  add_check_flags(command, flags->check);
  command->callback([flags]() { run(*flags); });
}

}  // namespace staffsim::tools
