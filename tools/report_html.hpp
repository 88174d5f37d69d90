// report.html of `staffsim run --out DIR`: the run's results as charts, each with a table of the
// same numbers under it, in one self-contained HTML file (the page skeleton of
// tools/html_page.hpp, Chart.js embedded: it works offline).
//
// What it shows, from the scenario and its results (sim/results.hpp):
//   - a summary: every contact type's offered, service level, abandon rate and ASA over the
//     horizon with their targets and verdicts; every group's agents, occupancy and agent-hours;
//   - per contact type, per interval: offered contacts; service level and abandon rate against
//     the type's targets (with each interval's verdict in the table); the mean queue length and
//     the ASA (average speed of answer, the mean wait of answered contacts);
//   - per agent group, per interval: agents on duty (the scenario's staffing, 0 where the group
//     is closed) against the requirement when one is given; occupancy;
//   - for several days, per day and contact type: offered, service level and abandon rate;
//   - where contacts belong to issues: the issue outcomes over the horizon.
// Every estimate is its mean with the 95% confidence interval (a shaded band; "[low, high]" in
// the tables), truncated to the quantity's range as in the other outputs (run_report.hpp). With
// one replication the intervals are undefined: no band, "-" in the tables. Intervals are labelled
// with their clock time, and for several days with the day ("Mon 2003-10-13 07:00" with a
// start_date, else "day 2 07:00").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sim/results.hpp"
#include "sim/scenario.hpp"
#include "tools/html_page.hpp"

namespace staffsim::tools {

struct RunReportInputs {
  const sim::Scenario& scenario;
  const sim::Results& results;
  // Optional: agents required per group and horizon interval ([group][interval], on-duty agents),
  // e.g. an Erlang plan; empty = not shown. A group's row may be empty (no requirement for it);
  // NaN = none in that interval.
  std::vector<std::vector<double>> requirement;
};

// The report as a page description (sections, charts, tables), for reports that build on it.
// Throws std::invalid_argument when the requirement has another number of groups than the
// scenario, or a group's row another number of intervals than the horizon.
HtmlPage run_report_page(const RunReportInputs& inputs);

// report.html: render_html_page(run_report_page(inputs)). Throws as run_report_page does.
std::string render_run_report_html(const RunReportInputs& inputs);

// --- pieces the reports of compare and sweep share (tools/compare_report.hpp, sweep_report.hpp)

// The label of each of the first `count` intervals of the horizon: "07:30", or with several days
// "Mon 2003-10-13 07:30" / "day 2 07:30".
std::vector<std::string> interval_labels(const sim::Scenario& scenario, std::size_t count);
// "interval start (30m intervals)".
std::string interval_axis_title(const sim::Scenario& scenario);
// A series of estimates: the means, with the 95% band truncated to the quantity's range
// (estimate_in_range; `fraction`: a share in [0, 1]).
ChartSeries estimate_series(std::string label, const std::vector<sim::Estimate>& estimates,
                            bool fraction, std::string color);
// One estimate of contact type t per interval of the horizon.
std::vector<sim::Estimate> interval_estimates(const sim::Results& results, std::size_t t,
                                              sim::Estimate sim::ContactKpis::*kpi);
// "85.1% [84.2%, 86.0%]": the mean and its interval in range; the mean alone without one.
std::string estimate_text(const sim::Estimate& raw, ValueUnit unit);
// "service level 20s": the KPI's name with the type's threshold.
std::string service_level_name(const sim::ContactType& type);
// Agents on duty in each interval: the staffing where the group is open, 0 where it is closed.
std::vector<double> on_duty(const sim::AgentGroup& group, std::size_t intervals);

}  // namespace staffsim::tools
