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
// lowest service level over the contact types. --out writes sweep.json, sweep.csv and report.html
// (tools/sweep_report.hpp), all or none.
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
#include "tools/sweep_report.hpp"
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

void sweep(const SweepFlags& flags) {
  const sim::RunOptions options = run_options(flags.simulation);
  const OutputFormat format = output_format(flags.format, flags.out_dir, false);
  if (is_standard_stream(flags.out_dir)) {
    throw InputError(
        "--out: expected a folder for sweep.json, sweep.csv and report.html, found \"-\" (use "
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
  std::vector<std::vector<std::string>> values;
  for (const auto& p : grid) {
    scenarios.push_back(&p.scenario);
    values.push_back(p.values);
  }
  check_run_size(scenarios, options);
  const sim::Comparison comparison = sim::simulate_plans(scenarios, options);
  std::vector<SweepAxis> sweep_axes;
  sweep_axes.reserve(axes.size());
  for (const auto& a : axes) sweep_axes.push_back({a.path, a.values});
  const Sweep sweep = make_sweep(sweep_axes, values, scenarios, comparison);
  const std::string json = render_sweep_json(sweep);
  const std::string csv = render_sweep_csv(sweep);

  if (!flags.out_dir.empty()) {
    const std::filesystem::path dir = flags.out_dir;
    write_output_files(flags.out_dir,
                       {{(dir / "sweep.json").string(), json},
                        {(dir / "sweep.csv").string(), csv},
                        {(dir / "report.html").string(), render_sweep_report_html(sweep)}});
  }
  if (format == OutputFormat::json) {
    std::cout << json;
  } else if (format == OutputFormat::csv) {
    std::cout << csv;
  } else {
    std::cout << render_sweep_table(sweep) << precision_line(options, scenarios, comparison.plans);
    if (!flags.out_dir.empty()) {
      std::cout << "\nWrote sweep.json, sweep.csv and report.html to " << flags.out_dir << "\n";
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
  command->add_option(
      "--out", flags->out_dir,
      "Write sweep.json, sweep.csv and report.html (charts with their tables) to this "
      "folder (created if missing; all three or none)");
  command->add_option("--format", flags->format,
                      std::string(shared_help::kFormatToTerminal) +
                          "; json prints sweep.json, csv prints sweep.csv");
  command->callback([flags]() { sweep(*flags); });
}

}  // namespace staffsim::tools
