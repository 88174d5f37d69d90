// staffsim optimize SCENARIO.yaml [--replications R] [--seed S] [--threads T] [--out DIR]
//                   [--format table|json]
// The smallest staffing per interval and group with which the simulated centre meets every target
// in every interval at 95% confidence, starting from the Erlang plan (sim/optimize.hpp: the
// iterative staffing algorithm of Feldman, Mandelbaum, Massey and Whitt, a search over its
// parameter, and a repair step). Shows the Erlang plan and the optimized plan interval by
// interval with the targets each meets, and the difference in agent-hours and cost. --out DIR
// writes plan.csv (a staffing file of every group, tools/plan_report.hpp) and optimized.yaml (the
// scenario with the optimized staffing in place).
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "models/staffing.hpp"
#include "sim/erlang_plan.hpp"
#include "sim/optimize.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/file_io.hpp"
#include "tools/plan_report.hpp"
#include "tools/report_common.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/simulation_flags.hpp"
#include "tools/target_check.hpp"

namespace staffsim::tools {
namespace {

struct OptimizeFlags {
  std::string scenario_path;
  SimulationFlags simulation;
  std::string out_dir;
  std::string format;
};

// The scenario file with the optimized staffing written into each planned group (comments are
// not kept; files the scenario names stay relative to its own folder).
std::string optimized_yaml(const std::string& text, const sim::Scenario& scenario,
                           const sim::OptimizeResult& r, const std::string& source) {
  YAML::Node root = YAML::Load(text);
  YAML::Node groups = root["agent_groups"];
  for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
    if (!r.planned[g]) continue;
    for (auto item : groups) {
      if (!item.IsMap() || item["name"].Scalar() != scenario.agent_groups[g].name) continue;
      YAML::Node list(YAML::NodeType::Sequence);
      for (int n : r.staffing[g]) list.push_back(n);
      list.SetStyle(YAML::EmitterStyle::Flow);
      item["staffing"] = list;
    }
  }
  if (root["variants"]) root.remove("variants");
  YAML::Emitter out;
  out << root;
  return "# " + source + " with the staffing of staffsim optimize (" +
         std::to_string(r.results.replications) + " replications, seed " +
         std::to_string(r.results.seed) + ")\n" + out.c_str() + "\n";
}

std::string verdict_cell(const sim::ContactKpis& k, const sim::Targets& t) {
  if (!(k.offered.mean > 0)) return "-";
  bool missed = false, uncertain = false;
  auto judge = [&](sim::TargetVerdict v) {
    missed = missed || v == sim::TargetVerdict::missed;
    uncertain = uncertain || v == sim::TargetVerdict::uncertain;
  };
  if (t.service_level) judge(k.verdicts.service_level);
  if (t.max_abandon) judge(k.verdicts.abandon_rate);
  if (t.max_asa_s) judge(k.verdicts.asa);
  const std::string sl = table_value(k.service_level.mean, Unit::percent);
  if (missed) return sl + " missed";
  if (uncertain) return sl + " uncertain";
  return sl + " met";
}

void optimize(const OptimizeFlags& flags) {
  sim::OptimizeOptions options;
  options.run = run_options(flags.simulation);
  if (options.run.precision) {
    throw InputError(
        "--precision: optimize judges every plan with the scenario's replications "
        "(or --replications); give more of those instead");
  }
  const OutputFormat format =
      output_format(flags.format, flags.out_dir, false, {OutputFormat::table, OutputFormat::json});
  if (is_standard_stream(flags.out_dir)) {
    throw InputError("--out: expected a folder for plan.csv and optimized.yaml, found \"-\"");
  }
  const std::string text = read_file(flags.scenario_path);
  const std::string name = display_name(flags.scenario_path);
  const sim::Scenario scenario = load_scenario_plans(flags.scenario_path).front().scenario;
  check_run_size({&scenario}, options.run);
  const sim::ErlangPlan erlang = erlang_plan_for(scenario, text, name);
  options.to_staffing = [&scenario](int g, int on_duty) {
    return models::agents_to_schedule(on_duty,
                                      scenario.agent_groups[static_cast<std::size_t>(g)].shrinkage);
  };
  const sim::OptimizeResult r = sim::optimize_staffing(scenario, erlang.required_on_duty, options);

  const sim::Horizon& h = scenario.horizon;
  const auto erlang_outcomes = target_outcomes("Erlang plan", scenario, r.start_results);
  const auto optimized_outcomes = target_outcomes("optimized", scenario, r.results);
  const bool costs = any_cost(scenario);

  // The optimized plan as a staffing file of every group.
  sim::ErlangPlan optimized_plan = erlang;
  for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
    optimized_plan.scheduled[g] = r.staffing[g];
    if (r.planned[g]) optimized_plan.required_on_duty[g] = r.on_duty[g];
  }

  Json json;
  json["method"] =
      "iterative staffing algorithm (Feldman, Mandelbaum, Massey, Whitt 2008), "
      "bisection over its delay-probability parameter, repair";
  json["replications"] = r.results.replications;
  json["seed"] = r.results.seed;
  json["simulations"] = r.simulations;
  json["alpha"] = r.alpha;
  json["agents_added_by_repair"] = r.repairs;
  json["targets_met"] = {{"erlang_plan", all_met(erlang_outcomes)},
                         {"optimized", all_met(optimized_outcomes)}};
  json["agent_hours"] = {{"erlang_plan", estimate_json(r.start_results.agent_hours, false)},
                         {"optimized", estimate_json(r.results.agent_hours, false)}};
  if (costs) {
    json["cost"] = {{"erlang_plan", estimate_json(r.start_results.cost, false)},
                    {"optimized", estimate_json(r.results.cost, false)}};
  }
  Json groups = Json::object();
  for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
    groups[scenario.agent_groups[g].name] = {{"planned", static_cast<bool>(r.planned[g])},
                                             {"erlang_plan", r.start[g]},
                                             {"optimized", r.staffing[g]}};
  }
  json["staffing"] = groups;
  Json targets = Json::array();
  for (std::size_t k = 0; k < optimized_outcomes.size(); ++k) {
    targets.push_back({{"contact_type", optimized_outcomes[k].type},
                       {"target", optimized_outcomes[k].label},
                       {"erlang_plan", erlang_outcomes[k].summary()},
                       {"optimized", optimized_outcomes[k].summary()}});
  }
  json["targets"] = targets;

  std::string table;
  table += "Scenario: " + scenario.name + "\n";
  table += "Method:   iterative staffing algorithm (Feldman et al. 2008) from the Erlang plan, " +
           std::to_string(r.simulations) + " simulations of " +
           std::to_string(r.results.replications) + " replications (seed " +
           std::to_string(r.results.seed) + ")\n";
  table +=
      "Goal:     every target met in every interval (whole 95% confidence interval on the "
      "right side)\n\n";
  // Per interval: each planned group's staffing, Erlang -> optimized; each type's verdicts.
  std::string header = "  " + pad_right("interval", 18);
  for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
    if (r.planned[g]) header += pad_left(scenario.agent_groups[g].name, 16);
  }
  for (const auto& type : scenario.contact_types) {
    header += pad_left(type.name + " (Erlang)", 22) + pad_left(type.name + " (optimized)", 22);
  }
  table +=
      "Staffing (scheduled agents, Erlang -> optimized) and service level with the verdict of "
      "every target\n" +
      header + "\n";
  for (std::size_t i = 0; i < static_cast<std::size_t>(h.total_intervals()); ++i) {
    std::string label = interval_start(scenario, i);
    if (h.days > 1) label = "day " + day_number(scenario, i) + " " + label;
    std::string line = "  " + pad_right(label, 18);
    for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
      if (!r.planned[g]) continue;
      const int a = r.start[g][i], b = r.staffing[g][i];
      std::string cell = std::to_string(a) + " -> " + std::to_string(b);
      if (b != a) cell += b > a ? " +" + std::to_string(b - a) : " " + std::to_string(b - a);
      line += pad_left(cell, 16);
    }
    for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
      const auto& t = scenario.contact_types[c].targets;
      line += pad_left(verdict_cell(r.start_results.by_type_interval[i][c], t), 22);
      line += pad_left(verdict_cell(r.results.by_type_interval[i][c], t), 22);
    }
    table += line + "\n";
  }
  table += "\n  " + pad_right("", 30) + pad_left("Erlang plan", 16) + pad_left("optimized", 16) +
           pad_left("difference", 14) + "\n";
  auto total = [&](const std::string& label, double a, double b) {
    table += "  " + pad_right(label, 30) + pad_left(table_value(a, Unit::count), 16) +
             pad_left(table_value(b, Unit::count), 16) +
             pad_left(printf_string("%+.1f", b - a), 14) + "\n";
  };
  total("agent-hours on duty", r.start_results.agent_hours.mean, r.results.agent_hours.mean);
  if (costs) total("cost", r.start_results.cost.mean, r.results.cost.mean);
  for (std::size_t k = 0; k < optimized_outcomes.size(); ++k) {
    const auto& a = erlang_outcomes[k];
    const auto& b = optimized_outcomes[k];
    auto brief = [](const TargetOutcome& o) {
      std::string text = verdict_word(o.verdict);
      if (o.intervals_missed > 0) {
        text += " (" + std::to_string(o.intervals_missed) + "/" + std::to_string(o.intervals) + ")";
      }
      return text;
    };
    table += "  " + pad_right(b.type + " " + b.label, 30) + pad_left(brief(a), 16) +
             pad_left(brief(b), 16) + "\n";
  }
  if (!r.met) {
    table +=
        "\nNot every target is met after the search: see the intervals marked missed or "
        "uncertain (more replications narrow the intervals)\n";
  }

  if (!flags.out_dir.empty()) {
    const std::filesystem::path dir = flags.out_dir;
    write_output_files(
        flags.out_dir,
        {{(dir / "plan.csv").string(), render_plan_csv(scenario, optimized_plan)},
         {(dir / "optimized.yaml").string(), optimized_yaml(text, scenario, r, name)}});
  }
  if (format == OutputFormat::json) {
    std::cout << json.dump(2) << "\n";
  } else {
    std::cout << table;
    if (!flags.out_dir.empty()) {
      std::cout << "\nWrote plan.csv and optimized.yaml to " << flags.out_dir << "\n";
    }
  }
  std::cout.flush();
}

}  // namespace

void add_optimize_command(CLI::App& app) {
  auto flags = std::make_shared<OptimizeFlags>();
  CLI::App* command = app.add_subcommand(
      "optimize",
      "The smallest staffing with which the simulated centre meets every target in every "
      "interval, from the Erlang plan by the iterative staffing algorithm");
  command->add_option("scenario", flags->scenario_path, "Scenario YAML file")->required();
  add_simulation_flags(command, flags->simulation);
  command->add_option("--out", flags->out_dir,
                      "Write plan.csv (a staffing file of every group) and optimized.yaml (the "
                      "scenario with the optimized staffing) to this folder");
  command->add_option("--format", flags->format, "What to print: table or json (default: table)");
  command->callback([flags]() { optimize(*flags); });
}

}  // namespace staffsim::tools
