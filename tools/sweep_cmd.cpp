// staffsim sweep SCENARIO.yaml --vary FIELD=VALUES [--vary FIELD=VALUES] [--replications R]
//                [--seed S] [--threads T] [--precision P] [--max-replications N] [--out DIR]
//                [--format table|json|csv]
// Simulates the scenario at every point of a grid of field values under common random numbers
// (every point sees the same callers wherever its values do not change them) and reports per
// point agent-hours, cost, each type's service level, abandon rate and ASA, whether every target
// is met, and whether the point is on the cost / service-level frontier.
//
// FIELD is a scenario field: "frontline.staffing" (a group or contact type name first) or a full
// path "agent_groups.frontline.staffing", "contact_types.retail.arrivals.factor". VALUES is a
// range of numbers "40..60" (step 1) or "0.9..1.2:0.05" (step 0.05), or a list "3m,4m,5m" of
// values written as in the scenario. Two --vary make a grid (at most 500 points). The frontier:
// the points no other point beats on both cost (agent-hours when no group has a cost) and the
// lowest service level over the contact types.
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "sim/simulator.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/file_io.hpp"
#include "tools/report_common.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/simulation_flags.hpp"
#include "tools/target_check.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

constexpr std::size_t kMaxPoints = 500;

struct SweepFlags {
  std::string scenario_path;
  std::vector<std::string> vary;
  SimulationFlags simulation;
  std::string out_dir;
  std::string format;
};

struct Axis {
  std::string path;
  std::string origin;               // "--vary frontline.staffing=40..60"
  std::vector<std::string> values;  // YAML text of each value
};

// "40..60", "0.9..1.2:0.05" or "3m,4m,5m".
Axis parse_vary(const std::string& text) {
  Axis axis;
  axis.origin = "--vary " + text;
  const std::size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    throw InputError(axis.origin +
                     ": expected FIELD=VALUES such as frontline.staffing=40..60 or "
                     "calls.arrivals.factor=0.9,1,1.1");
  }
  axis.path = text.substr(0, eq);
  const std::string values = text.substr(eq + 1);
  const std::size_t dots = values.find("..");
  if (dots != std::string::npos) {
    const std::size_t colon = values.find(':', dots);
    double from = 0, to = 0, step = 1;
    try {
      from = parse_number(values.substr(0, dots));
      to = parse_number(values.substr(
          dots + 2, colon == std::string::npos ? std::string::npos : colon - dots - 2));
      if (colon != std::string::npos) step = parse_number(values.substr(colon + 1));
    } catch (const InvalidInput&) {
      throw InputError(axis.origin +
                       ": expected a range of plain numbers FROM..TO or FROM..TO:STEP, such as "
                       "40..60 or 0.9..1.2:0.05 (a list for values with units: 3m,4m,5m)");
    }
    if (!(step > 0) || !(to >= from)) {
      throw InputError(axis.origin + ": expected FROM <= TO and a positive STEP");
    }
    const double count = std::floor((to - from) / step + 1e-9) + 1;
    if (count > static_cast<double>(kMaxPoints)) {
      throw InputError(axis.origin + ": expected at most " + std::to_string(kMaxPoints) +
                       " values, found " + format_decimal(count, 0));
    }
    for (int i = 0; i < static_cast<int>(count); ++i) {
      axis.values.push_back(format_decimal(from + i * step, 9));
    }
  } else {
    std::size_t start = 0;
    for (;;) {
      const std::size_t comma = values.find(',', start);
      const std::string value = values.substr(start, comma - start);
      if (value.empty()) throw InputError(axis.origin + ": expected a value between commas");
      axis.values.push_back(value);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return axis;
}

struct Point {
  std::vector<std::string> values;  // one per axis
  sim::Scenario scenario;
};

// The lowest service level over the contact types (NaN when none is defined).
double worst_service_level(const sim::Results& r) {
  double worst = std::nan("");
  for (const auto& k : r.by_type) {
    if (std::isfinite(k.service_level.mean) && !(worst <= k.service_level.mean)) {
      worst = k.service_level.mean;
    }
  }
  return worst;
}

// Points no other point beats on both cost (lower) and worst service level (higher).
std::vector<bool> frontier(const std::vector<double>& cost, const std::vector<double>& level) {
  std::vector<bool> on(cost.size(), true);
  for (std::size_t i = 0; i < cost.size(); ++i) {
    if (!std::isfinite(cost[i]) || !std::isfinite(level[i])) {
      on[i] = false;
      continue;
    }
    for (std::size_t j = 0; j < cost.size() && on[i]; ++j) {
      if (j == i || !std::isfinite(cost[j]) || !std::isfinite(level[j])) continue;
      const bool no_worse = cost[j] <= cost[i] && level[j] >= level[i];
      const bool better = cost[j] < cost[i] || level[j] > level[i];
      if (no_worse && better) on[i] = false;
    }
  }
  return on;
}

Json estimate_plain(const sim::Estimate& e) {
  return Json{{"mean", e.mean}, {"ci_low", e.ci_low}, {"ci_high", e.ci_high}};
}

std::string csv_value(double v) {
  return std::isfinite(v) ? printf_string("%.10g", v) : "";
}

void sweep(const SweepFlags& flags) {
  const sim::RunOptions options = run_options(flags.simulation);
  const OutputFormat format = output_format(flags.format, flags.out_dir, false);
  if (is_standard_stream(flags.out_dir)) {
    throw InputError(
        "--out: expected a folder for sweep.csv and sweep.json, found \"-\" (use "
        "--format csv or json to print one)");
  }
  if (flags.vary.empty()) {
    throw InputError(
        "sweep: expected at least one --vary FIELD=VALUES, such as --vary "
        "frontline.staffing=40..60");
  }
  std::vector<Axis> axes;
  std::size_t points = 1;
  for (const auto& v : flags.vary) {
    axes.push_back(parse_vary(v));
    points *= axes.back().values.size();
    if (points > kMaxPoints) {
      throw InputError("--vary: expected a grid of at most " + std::to_string(kMaxPoints) +
                       " points, found more");
    }
    for (std::size_t a = 0; a + 1 < axes.size(); ++a) {
      if (axes[a].path == axes.back().path) {
        throw InputError(axes.back().origin + ": " + axes.back().path + " is already varied by " +
                         axes[a].origin);
      }
    }
  }
  // The grid, first axis slowest.
  std::vector<Point> grid;
  for (std::size_t k = 0; k < points; ++k) {
    Point point;
    std::vector<Override> overrides;
    std::size_t rest = k;
    std::vector<std::size_t> index(axes.size());
    for (std::size_t a = axes.size(); a-- > 0;) {
      index[a] = rest % axes[a].values.size();
      rest /= axes[a].values.size();
    }
    for (std::size_t a = 0; a < axes.size(); ++a) {
      const std::string& value = axes[a].values[index[a]];
      point.values.push_back(value);
      overrides.push_back({axes[a].path, value, "--vary " + axes[a].path + "=" + value});
    }
    point.scenario = load_scenario_with_overrides(flags.scenario_path, overrides);
    grid.push_back(std::move(point));
  }
  std::vector<const sim::Scenario*> scenarios;
  for (const auto& p : grid) scenarios.push_back(&p.scenario);
  const sim::Comparison comparison = sim::simulate_plans(scenarios, options);
  const sim::Scenario& first = grid.front().scenario;
  bool costs = false;
  for (const auto& p : grid) costs = costs || any_cost(p.scenario);
  std::vector<double> cost, level;
  std::vector<std::string> met;  // "met", "not met", or "-" without targets
  for (std::size_t k = 0; k < grid.size(); ++k) {
    const sim::Results& r = comparison.plans[k];
    cost.push_back(costs ? r.cost.mean : r.agent_hours.mean);
    level.push_back(worst_service_level(r));
    const auto outcomes = target_outcomes("", grid[k].scenario, r);
    met.push_back(outcomes.empty() ? "-" : all_met(outcomes) ? "met" : "not met");
  }
  const std::vector<bool> on_frontier = frontier(cost, level);

  // JSON.
  Json root;
  Json vary = Json::array();
  for (const auto& a : axes) vary.push_back({{"field", a.path}, {"values", a.values}});
  root["vary"] = vary;
  root["replications"] = comparison.plans.front().replications;
  root["seed"] = comparison.plans.front().seed;
  root["frontier_cost"] = costs ? "cost" : "agent_hours";
  Json list = Json::array();
  for (std::size_t k = 0; k < grid.size(); ++k) {
    const sim::Results& r = comparison.plans[k];
    Json point;
    Json values = Json::object();
    for (std::size_t a = 0; a < axes.size(); ++a) values[axes[a].path] = grid[k].values[a];
    point["values"] = values;
    point["agent_hours"] = estimate_plain(r.agent_hours);
    point["cost"] = costs ? estimate_plain(r.cost) : Json(nullptr);
    point["worst_service_level"] = level[k];
    point["targets_met"] = met[k] == "-" ? Json(nullptr) : Json(met[k] == "met");
    point["frontier"] = static_cast<bool>(on_frontier[k]);
    Json types = Json::object();
    for (std::size_t c = 0; c < first.contact_types.size(); ++c) {
      types[first.contact_types[c].name] = contact_json(grid[k].scenario, c, r.by_type[c]);
    }
    point["contact_types"] = types;
    list.push_back(point);
  }
  root["points"] = list;
  const std::string json = root.dump(2) + "\n";

  // CSV.
  std::string csv;
  for (const auto& a : axes) csv += a.path + ",";
  csv += "agent_hours,agent_hours_ci_low,agent_hours_ci_high";
  if (costs) csv += ",cost,cost_ci_low,cost_ci_high";
  for (const auto& type : first.contact_types) {
    for (const char* kpi : {"service_level", "abandon_rate", "asa_s"}) {
      const std::string name = type.name + "." + kpi;
      csv += "," + name + "," + name + "_ci_low," + name + "_ci_high";
    }
  }
  csv += ",targets_met,frontier\n";
  for (std::size_t k = 0; k < grid.size(); ++k) {
    const sim::Results& r = comparison.plans[k];
    std::string row;
    for (const auto& v : grid[k].values) row += v + ",";
    auto add = [&row](const sim::Estimate& e) {
      row += csv_value(e.mean) + "," + csv_value(e.ci_low) + "," + csv_value(e.ci_high);
    };
    add(r.agent_hours);
    if (costs) {
      row += ",";
      add(r.cost);
    }
    for (const auto& k2 : r.by_type) {
      for (auto kpi : {&sim::ContactKpis::service_level, &sim::ContactKpis::abandon_rate,
                       &sim::ContactKpis::asa_s}) {
        row += ",";
        add(k2.*kpi);
      }
    }
    row += std::string(",") +
           (met[k] == "-"     ? ""
            : met[k] == "met" ? "true"
                              : "false") +
           "," + (on_frontier[k] ? "true" : "false");
    csv += row + "\n";
  }

  if (!flags.out_dir.empty()) {
    create_output_folder(flags.out_dir);
    const std::filesystem::path dir = flags.out_dir;
    write_files_atomically(
        {{(dir / "sweep.json").string(), json}, {(dir / "sweep.csv").string(), csv}});
  }
  if (format == OutputFormat::json) {
    std::cout << json;
  } else if (format == OutputFormat::csv) {
    std::cout << csv;
  } else {
    std::string out = "Sweep:    ";
    for (std::size_t a = 0; a < axes.size(); ++a) {
      out += (a > 0 ? " x " : "") + axes[a].path + " (" + std::to_string(axes[a].values.size()) +
             " values)";
    }
    out += "; " + std::to_string(grid.size()) + " points, each " +
           std::to_string(comparison.plans.front().replications) + " replications with seed " +
           std::to_string(comparison.plans.front().seed) + " (common random numbers)\n\n";
    std::string header;
    for (const auto& a : axes)
      header += pad_left(a.path, std::max<std::size_t>(a.path.size(), 8) + 2);
    header += pad_left("agent-hours", 13);
    if (costs) header += pad_left("cost", 12);
    for (const auto& type : first.contact_types) {
      header += pad_left(type.name + " SL", 14) + pad_left(type.name + " aband.", 14);
    }
    header += pad_left("targets", 9) + pad_left("frontier", 10);
    out += header + "\n";
    for (std::size_t k = 0; k < grid.size(); ++k) {
      const sim::Results& r = comparison.plans[k];
      std::string line;
      for (std::size_t a = 0; a < axes.size(); ++a) {
        line += pad_left(grid[k].values[a], std::max<std::size_t>(axes[a].path.size(), 8) + 2);
      }
      line += pad_left(table_value(r.agent_hours.mean, Unit::count), 13);
      if (costs) line += pad_left(table_value(r.cost.mean, Unit::count), 12);
      for (const auto& kpis : r.by_type) {
        line += pad_left(table_value(kpis.service_level.mean, Unit::percent), 14);
        line += pad_left(table_value(kpis.abandon_rate.mean, Unit::percent), 14);
      }
      line += pad_left(met[k], 9) + pad_left(on_frontier[k] ? "*" : "", 10);
      out += line + "\n";
    }
    out += "\nfrontier *: no other point has both a lower " +
           std::string(costs ? "cost" : "agent-hours") +
           " and a higher lowest service level; targets: every target met over the horizon and "
           "in every interval\n";
    std::cout << out << precision_line(options, scenarios, comparison.plans);
    if (!flags.out_dir.empty()) {
      std::cout << "\nWrote sweep.json and sweep.csv to " << flags.out_dir << "\n";
    }
  }
  std::cout.flush();
}

}  // namespace

void add_sweep_command(CLI::App& app) {
  auto flags = std::make_shared<SweepFlags>();
  CLI::App* command = app.add_subcommand(
      "sweep",
      "Simulate a scenario over a grid of field values under common random numbers: cost, "
      "service level and targets per point, and the cost / service-level frontier");
  command->add_option("scenario", flags->scenario_path, "Scenario YAML file")->required();
  command->add_option("--vary", flags->vary,
                      "FIELD=VALUES: frontline.staffing=40..60, calls.arrivals.factor=0.9..1.2:0.1 "
                      "or a list 3m,4m,5m; give it twice for a grid (at most 500 points)");
  add_simulation_flags(command, flags->simulation);
  command->add_option("--out", flags->out_dir,
                      "Write sweep.json and sweep.csv to this folder (created if missing)");
  command->add_option("--format", flags->format,
                      std::string(shared_help::kFormatToTerminal) +
                          "; json prints sweep.json, csv prints sweep.csv");
  command->callback([flags]() { sweep(*flags); });
}

}  // namespace staffsim::tools
