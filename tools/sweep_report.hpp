// What `staffsim sweep` shows and writes: one scenario simulated at every point of a grid of
// field values under common random numbers (sim/reduction.hpp), one row per point. The rows are
// computed once (make_sweep) and every output is rendered from them: the terminal table,
// sweep.json, sweep.csv and report.html.
//
// Per point: the values of the varied fields, agent-hours and cost (each a mean with its 95%
// confidence interval), each contact type's service level, abandon rate and ASA, whether every
// target is met (over the horizon and in every interval, tools/target_check.hpp), and whether
// the point is on the frontier: no other point has both a lower cost (agent-hours when no group
// has a cost) and a higher lowest service level over the contact types.
//
// report.html (the page skeleton of tools/html_page.hpp):
//   - the frontier: the lowest service level over the contact types against the cost (or
//     agent-hours), every point as a marker and the frontier points joined by a line, the
//     service-level targets as lines; a table of every point under it;
//   - per contact type: the service level and the abandon rate against the first varied field,
//     with their 95% bands and targets. With one varied field, one series; with several, one
//     series per combination of the other fields' values ("frontline.staffing=12"), bands only
//     while there are at most three series. The x axis is numeric when every value of the first
//     field is a plain number (sorted by it), else the values as labels in their given order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/reduction.hpp"
#include "sim/scenario.hpp"
#include "tools/html_page.hpp"

namespace staffsim::tools {

// A varied field and its values, as given after --vary FIELD=.
struct SweepAxis {
  std::string path;                 // "frontline.staffing"
  std::vector<std::string> values;  // YAML text of each value: "12", "0.95", "3m"
};

struct SweepPoint {
  std::vector<std::string> values;  // one per axis
  const sim::Scenario* scenario;
  const sim::Results* results;
  double frontier_cost = 0;         // mean cost, or agent-hours when no group has a cost
  double worst_service_level = 0;   // the lowest over the contact types; NaN when none
  std::optional<bool> targets_met;  // empty when the scenario has no targets
  bool frontier = false;
};

struct Sweep {
  std::vector<SweepAxis> axes;
  bool costs = false;  // some group has a cost: the frontier is on cost, else on agent-hours
  int replications = 0;
  std::uint64_t seed = 0;
  std::vector<SweepPoint> points;  // the grid, first axis slowest
};

// The rows of a simulated grid: values[k] are point k's values (one per axis), scenarios[k] its
// scenario, comparison.plans[k] its results. Keeps pointers: the scenarios and the comparison
// must outlive the sweep.
Sweep make_sweep(std::vector<SweepAxis> axes, const std::vector<std::vector<std::string>>& values,
                 const std::vector<const sim::Scenario*>& scenarios,
                 const sim::Comparison& comparison);

// The lowest service level over the contact types (NaN when none is defined).
double worst_service_level(const sim::Results& results);
// Whether each point is on the frontier: no other point has cost <= and level >= with one of them
// strictly better. A point with a cost or level that is not finite is not on it.
std::vector<bool> frontier_points(const std::vector<double>& cost,
                                  const std::vector<double>& level);

std::string render_sweep_table(const Sweep& sweep);
std::string render_sweep_json(const Sweep& sweep);
std::string render_sweep_csv(const Sweep& sweep);

// report.html as a page description, and rendered.
HtmlPage sweep_report_page(const Sweep& sweep);
std::string render_sweep_report_html(const Sweep& sweep);

}  // namespace staffsim::tools
