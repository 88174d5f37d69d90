// staffsim plan SCENARIO.yaml [--format table|json|csv] [--out FILE]
// The Erlang staffing plan of a scenario (sim/erlang_plan.hpp): per interval and contact type the
// agents Erlang C or A requires for the type's targets, per agent group the agents required on
// duty and the agents to schedule after its shrinkage, and the agent-hours (and cost) they make.
// --out plan.csv writes a staffing file the scenario reads back with `staffing: {file: plan.csv}`
// (tools/plan_report.hpp). Notes on how the scenario was read go to stderr.
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/erlang_plan.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/file_io.hpp"
#include "tools/plan_report.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/yaml_reader.hpp"

namespace staffsim::tools {
namespace {

struct PlanFlags {
  std::string scenario_path;
  std::string format;
  std::string out;
};

void plan(const PlanFlags& flags) {
  const OutputFormat format = output_format(flags.format, flags.out, true);
  const std::string text = read_file(flags.scenario_path);
  const std::string name = display_name(flags.scenario_path);
  const sim::Scenario scenario = parse_scenario_yaml(
      text, name, std::filesystem::path(flags.scenario_path).parent_path().string());
  const sim::ErlangPlan result = erlang_plan_for(scenario, text, name);
  std::string content;
  switch (format) {
    case OutputFormat::table:
      content = render_plan_table(scenario, result);
      break;
    case OutputFormat::json:
      content = render_plan_json(scenario, result);
      break;
    case OutputFormat::csv:
      content = render_plan_csv(scenario, result);
      break;
  }
  for (const std::string& note : plan_notes(scenario, result)) {
    std::cerr << "note: " << note << "\n";
  }
  if (flags.out.empty() || is_standard_stream(flags.out)) {
    std::cout << content;
  } else {
    write_file_atomically(flags.out, content);
    const auto rows =
        static_cast<std::size_t>(scenario.horizon.total_intervals()) * scenario.agent_groups.size();
    std::cout << "wrote " << flags.out
              << (format == OutputFormat::csv ? " (" + std::to_string(rows) + " rows)" : "")
              << "\n";
  }
  std::cout.flush();
}

}  // namespace

void add_plan_command(CLI::App& app) {
  auto flags = std::make_shared<PlanFlags>();
  CLI::App* command = app.add_subcommand(
      "plan",
      "Erlang C/A staffing plan of a scenario: agents required per interval and contact type, "
      "agents to schedule per group after shrinkage");
  command->footer(
      "Per interval, each contact type is solved on its own with Erlang A (a type with patience:\n"
      "exponential patience with the mean of its patience distribution) or Erlang C (no\n"
      "patience), from its arrival rate (times arrivals.factor) and mean handle time, for all its\n"
      "targets at once. Its requirement goes to the first group of its routing list; a group\n"
      "requires the sum over the types that list it first, and schedules\n"
      "ceil(required / (1 - shrinkage)) agents (its `shrinkage`, default 0).\n"
      "--out FILE.csv writes a staffing file of every group that the scenario reads with\n"
      "  staffing: {file: FILE.csv}  (each group its rows: the group column; "
      "scenarios/REFERENCE.md)\n"
      "Examples:\n"
      "  staffsim plan scenarios/default.yaml\n"
      "  staffsim plan scenarios/multi-day.yaml --out plan.csv");
  command
      ->add_option("scenario", flags->scenario_path,
                   "Scenario YAML file (- = standard input; files it names are then read from "
                   "the current folder)")
      ->required();
  command->add_option("--format", flags->format, shared_help::kFormat);
  command->add_option("--out", flags->out, shared_help::kOutFile);
  command->callback([flags]() { plan(*flags); });
}

}  // namespace staffsim::tools
