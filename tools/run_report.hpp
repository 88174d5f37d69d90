// What `staffsim run` shows and writes: the manager's summary table, summary.json, intervals.csv,
// days.csv and groups.csv (report.html: tools/report_html.hpp), all rendered from a scenario and
// its simulation results (sim/results.hpp).
//
// Every KPI is an estimate over the replications: its mean and the bounds of its 95% confidence
// interval. Units: counts are contacts (means over replications, so not whole numbers), durations
// are seconds (keys and columns end in _s), rates and shares are fractions in [0, 1] in the files
// and percentages in the table. An undefined value (a confidence interval with one replication, a
// ratio over periods with nothing offered) is `null` in JSON, an empty field in CSV and "-" in the
// table.
//
// Targets are judged on the confidence interval (the verdict of sim/results.hpp):
//   met        the whole interval is on the right side of the target,
//   missed     the whole interval is on the wrong side,
//   uncertain  the interval straddles the target (or is undefined): run more replications.
//
// The formats are described column by column in scenarios/REFERENCE.md ("Outputs").
#pragma once

#include <cstddef>
#include <string>

#include "sim/results.hpp"
#include "sim/scenario.hpp"
#include "tools/report_common.hpp"

namespace staffsim::tools {

// The text summary printed by `staffsim run` (--format table).
std::string render_summary_table(const sim::Scenario& scenario, const sim::Results& results);

// summary.json (also printed by --format json): scenario name, seed, replications, horizon; per
// contact type the KPIs offered, answered, abandoned, service_level, asa_s, abandon_rate and
// wait_p90_s as {"mean", "ci_low", "ci_high"} plus its targets and verdicts; per agent group its
// occupancy, handled contacts and handled share per contact type. Ends with a newline.
std::string render_summary_json(const sim::Scenario& scenario, const sim::Results& results);

// intervals.csv: one row per interval and contact type (day, date when the horizon has a
// start_date, interval_start as clock time,
// contact_type, then each KPI with its _ci_low and _ci_high columns).
std::string render_intervals_csv(const sim::Scenario& scenario, const sim::Results& results);

// days.csv: one row per day and contact type (day, date when the horizon has a start_date,
// contact_type, then the KPIs of intervals.csv over the day).
std::string render_days_csv(const sim::Scenario& scenario, const sim::Results& results);

// groups.csv: one row per interval and agent group (day, date, interval_start, group, scheduled
// agents, occupancy and handled contacts with their confidence bounds, handled contacts per contact
// type).
std::string render_groups_csv(const sim::Scenario& scenario, const sim::Results& results);

// --- Shared by the writers (the HTML report too; more in tools/report_common.hpp) -------------

// "answered within 20s / offered", in the words of the service-level definition.
std::string service_level_formula(const sim::ServiceLevelTarget& sl, double short_abandon_s);

}  // namespace staffsim::tools
