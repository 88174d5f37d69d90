// Shared pieces of the reports of run, compare and sweep: how values are shown in tables, JSON
// and CSV, the KPIs in their documented order, and the labels of intervals and days. The
// conventions are those of tools/run_report.hpp.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "sim/results.hpp"
#include "sim/scenario.hpp"

namespace staffsim::tools {

using Json = nlohmann::ordered_json;

// printf of one number into a string.
std::string printf_string(const char* format, double value);

// --- tables
// ---------------------------------------------------------------------------------------
enum class Unit { count, percent, seconds, ratio };
// A value as the tables show it: "85.0%", "12.5s" (or 28.4m, 5.3h, 2.4d), "1.25", "512.3"; "-"
// when undefined.
std::string table_value(double value, Unit unit);
std::string pad_left(const std::string& s, std::size_t width);
std::string pad_right(const std::string& s, std::size_t width);
// "met", "missed", "uncertain" or "none".
std::string verdict_word(sim::TargetVerdict verdict);

// --- files
// ---------------------------------------------------------------------------------------- The
// interval truncated to the quantity's range: every KPI is >= 0, and fractions are <= 1.
sim::Estimate estimate_in_range(sim::Estimate e, bool fraction);
// {"mean", "ci_low", "ci_high"} of a KPI (in its range); NaN is null.
Json estimate_json(const sim::Estimate& raw, bool fraction);

// The contact KPIs of summary.json, intervals.csv and days.csv, in their documented order.
struct KpiColumn {
  const char* name;
  sim::Estimate sim::ContactKpis::*estimate;
  bool fraction;  // a share in [0, 1]
};
extern const std::vector<KpiColumn> kContactKpis;
// Issue and escalation KPIs: for contact types whose contacts belong to issues.
extern const std::vector<KpiColumn> kIssueKpis;

// Whether the scenario's contacts of type c belong to issues (the issue KPIs apply).
bool tracks_issues(const sim::Scenario& scenario, std::size_t c);
bool any_issues(const sim::Scenario& scenario);
bool any_cost(const sim::Scenario& scenario);
// The contact KPIs of one type and period as JSON, with the issue KPIs where they apply.
Json contact_json(const sim::Scenario& scenario, std::size_t c, const sim::ContactKpis& k);
// The KPIs of one group and period as JSON.
Json group_json(const sim::Scenario& scenario, std::size_t g, const sim::GroupKpis& k);

// --- labels
// ---------------------------------------------------------------------------------------
// "2003-10-13" for day d (0-based) when the horizon has a start date, else "".
std::string date_of_day(const sim::Scenario& scenario, std::size_t d);
// The clock time an interval of the horizon starts at, "07:30".
std::string interval_start(const sim::Scenario& scenario, std::size_t interval);
// The day (1-based) of an interval of the horizon, "2".
std::string day_number(const sim::Scenario& scenario, std::size_t interval);

}  // namespace staffsim::tools
