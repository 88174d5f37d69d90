#include "tools/report_html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/calendar.hpp"
#include "tools/datetime.hpp"
#include "tools/run_report.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// The ASA in the queue-and-wait charts, apart from the type's own colour.
const char* const kAsaColor = "#7f3c8d";

std::size_t horizon_intervals(const sim::Scenario& scenario) {
  const sim::Horizon& h = scenario.horizon;
  return static_cast<std::size_t>(h.days) * static_cast<std::size_t>(h.intervals_per_day);
}

// "Mon 2003-10-13" with a start date, else "day 3".
std::string day_label(const sim::Scenario& scenario, std::size_t d) {
  const auto& start = scenario.horizon.start_date;
  if (!start) return "day " + std::to_string(d + 1);
  const int weekday = models::weekday_from_days(*start + static_cast<std::int64_t>(d));
  return std::string(weekday_short_name(weekday)) + " " + date_of_day(scenario, d);
}

// "07:30" for one day; "Mon 2003-10-13 07:30" or "day 2 07:30" for several.
std::string interval_label(const sim::Scenario& scenario, std::size_t interval) {
  if (scenario.horizon.days <= 1) return interval_start(scenario, interval);
  const auto per_day = static_cast<std::size_t>(scenario.horizon.intervals_per_day);
  return day_label(scenario, interval / per_day) + " " + interval_start(scenario, interval);
}

std::vector<sim::Estimate> per_day(const sim::Results& results, std::size_t t,
                                   sim::Estimate sim::ContactKpis::*kpi) {
  std::vector<sim::Estimate> out;
  for (const auto& day : results.by_type_day) out.push_back(day[t].*kpi);
  return out;
}

TableColumn verdict_column(const sim::Results& results, std::size_t t,
                           sim::TargetVerdict sim::TargetVerdicts::*which) {
  TableColumn column{"verdict", {}};
  for (const auto& interval : results.by_type_interval) {
    const sim::TargetVerdict v = interval[t].verdicts.*which;
    column.values.push_back(v == sim::TargetVerdict::none ? "" : verdict_word(v));
  }
  return column;
}

std::string target_text(const char* relation, double value, ValueUnit unit,
                        sim::TargetVerdict verdict) {
  return std::string(relation) + " " + format_value(value, unit) + ": " + verdict_word(verdict);
}

// --- sections ----------------------------------------------------------------------------------

HtmlSection summary_section(const sim::Scenario& scenario, const sim::Results& results) {
  HtmlSection section;
  section.title = "Summary";
  section.note =
      "Over the whole horizon. A target is met when the whole 95% confidence interval is on its "
      "right side, missed when it is on the wrong side, and uncertain when the interval straddles "
      "it (run more replications).";
  HtmlTable types{"Contact types",
                  {"contact type", "offered", "service level", "target", "abandon rate", "target",
                   "ASA", "target"},
                  {}};
  for (std::size_t t = 0; t < scenario.contact_types.size() && t < results.by_type.size(); ++t) {
    const sim::ContactType& type = scenario.contact_types[t];
    const sim::ContactKpis& k = results.by_type[t];
    const auto& targets = type.targets;
    types.rows.push_back(
        {type.name, estimate_text(k.offered, ValueUnit::count),
         estimate_text(k.service_level, ValueUnit::percent),
         targets.service_level ? target_text(">=", targets.service_level->at_least,
                                             ValueUnit::percent, k.verdicts.service_level)
                               : "",
         estimate_text(k.abandon_rate, ValueUnit::percent),
         targets.max_abandon
             ? target_text("<=", *targets.max_abandon, ValueUnit::percent, k.verdicts.abandon_rate)
             : "",
         estimate_text(k.asa_s, ValueUnit::seconds),
         targets.max_asa_s
             ? target_text("<=", *targets.max_asa_s, ValueUnit::seconds, k.verdicts.asa)
             : ""});
  }
  HtmlTable groups{
      "Agent groups", {"agent group", "agents on duty", "occupancy", "handled", "agent-hours"}, {}};
  for (std::size_t g = 0; g < scenario.agent_groups.size() && g < results.by_group.size(); ++g) {
    const sim::AgentGroup& group = scenario.agent_groups[g];
    const sim::GroupKpis& k = results.by_group[g];
    std::string agents = "-";
    if (!group.staffing.empty()) {
      auto [low, high] = std::minmax_element(group.staffing.begin(), group.staffing.end());
      agents = *low == *high ? std::to_string(*low)
                             : std::to_string(*low) + " to " + std::to_string(*high);
    }
    groups.rows.push_back({group.name, agents, estimate_text(k.occupancy, ValueUnit::percent),
                           estimate_text(k.handled, ValueUnit::count),
                           estimate_text(k.agent_hours, ValueUnit::count)});
  }
  section.tables = {types, groups};
  return section;
}

HtmlSection contact_type_section(const sim::Scenario& scenario, const sim::Results& results,
                                 std::size_t t) {
  const sim::ContactType& type = scenario.contact_types[t];
  const sim::ServiceLevelTarget sl = type.targets.service_level.value_or(sim::ServiceLevelTarget{});
  const std::string id = "type" + std::to_string(t + 1);
  const std::string color = palette_color(t);
  const std::vector<std::string> labels =
      interval_labels(scenario, results.by_type_interval.size());
  const std::string x_title = interval_axis_title(scenario);

  HtmlSection section;
  section.title = "Contact type " + type.name;
  section.note = "Priority " + std::to_string(type.priority) +
                 "; service level = " + service_level_formula(sl, scenario.short_abandon_s) +
                 ". Contacts count in the interval in which they arrived.";

  HtmlChart offered;
  offered.id = "offered-" + id;
  offered.title = type.name + ": offered contacts per interval";
  offered.note = "Mean over the replications; the band is its 95% confidence interval.";
  offered.x_title = x_title;
  offered.x_labels = labels;
  offered.y = {"contacts", ValueUnit::count, 0.0, std::nullopt};
  offered.series = {estimate_series(
      "offered", interval_estimates(results, t, &sim::ContactKpis::offered), false, color)};
  section.charts.push_back(offered);

  HtmlChart service;
  service.id = "service-level-" + id;
  service.title = type.name + ": " + service_level_name(type) + " per interval";
  service.note = "Service level = " + service_level_formula(sl, scenario.short_abandon_s) + ".";
  service.x_title = x_title;
  service.x_labels = labels;
  service.y = {"service level", ValueUnit::percent, 0.0, 1.0};
  service.series = {estimate_series(
      service_level_name(type), interval_estimates(results, t, &sim::ContactKpis::service_level),
      true, color)};
  if (type.targets.service_level) {
    service.targets.push_back(
        {"target >= " + format_value(sl.at_least, ValueUnit::percent), sl.at_least, "", false});
    service.table_columns.push_back(
        verdict_column(results, t, &sim::TargetVerdicts::service_level));
  }
  section.charts.push_back(service);

  HtmlChart abandon;
  abandon.id = "abandon-rate-" + id;
  abandon.title = type.name + ": abandon rate per interval";
  abandon.note = type.patience ? "Abandoned / offered; abandoned includes short abandons."
                               : "Abandoned / offered (the type has no patience: nobody "
                                 "abandons, apart from contacts unanswered at the close).";
  abandon.x_title = x_title;
  abandon.x_labels = labels;
  abandon.y = {"abandon rate", ValueUnit::percent, 0.0, std::nullopt};
  abandon.series = {estimate_series("abandon rate",
                                    interval_estimates(results, t, &sim::ContactKpis::abandon_rate),
                                    true, color)};
  if (type.targets.max_abandon) {
    abandon.targets.push_back(
        {"target <= " + format_value(*type.targets.max_abandon, ValueUnit::percent),
         *type.targets.max_abandon, "", false});
    abandon.table_columns.push_back(verdict_column(results, t, &sim::TargetVerdicts::abandon_rate));
  }
  section.charts.push_back(abandon);

  HtmlChart queue;
  queue.id = "queue-wait-" + id;
  queue.title = type.name + ": mean queue length and ASA per interval";
  queue.note =
      "Queue: the time-average number of contacts of this type waiting (left axis). ASA: the "
      "average speed of answer, the mean wait of the contacts answered (right axis).";
  queue.x_title = x_title;
  queue.x_labels = labels;
  queue.y = {"contacts waiting", ValueUnit::count, 0.0, std::nullopt};
  queue.y2 = ChartAxis{"ASA", ValueUnit::seconds, 0.0, std::nullopt};
  queue.series = {
      estimate_series("mean queue length",
                      interval_estimates(results, t, &sim::ContactKpis::queue_mean), false, color),
      estimate_series("ASA", interval_estimates(results, t, &sim::ContactKpis::asa_s), false,
                      kAsaColor)};
  queue.series[1].right_axis = true;
  if (type.targets.max_asa_s) {
    queue.targets.push_back(
        {"ASA target <= " + format_value(*type.targets.max_asa_s, ValueUnit::seconds),
         *type.targets.max_asa_s, "", true});
    TableColumn verdicts = verdict_column(results, t, &sim::TargetVerdicts::asa);
    verdicts.title = "ASA verdict";
    queue.table_columns.push_back(verdicts);
  }
  section.charts.push_back(queue);
  return section;
}

HtmlSection groups_section(const RunReportInputs& inputs) {
  const sim::Scenario& scenario = inputs.scenario;
  const sim::Results& results = inputs.results;
  const std::size_t intervals = results.by_group_interval.size();
  const std::vector<std::string> labels = interval_labels(scenario, intervals);
  bool any_requirement = false;
  for (const auto& row : inputs.requirement) any_requirement = any_requirement || !row.empty();

  HtmlSection section;
  section.title = "Agent groups";
  section.note = "Occupancy is busy agent-time / on-duty agent-time, by clock time.";

  HtmlChart staffing;
  staffing.id = "staffing";
  staffing.title =
      any_requirement ? "Agents on duty against the requirement" : "Agents on duty per interval";
  staffing.note =
      std::string("The scenario's staffing of each group (0 where the group is closed)") +
      (any_requirement ? "; dashed: the agents required." : ".");
  staffing.x_title = interval_axis_title(scenario);
  staffing.x_labels = labels;
  staffing.y = {"agents", ValueUnit::count, 0.0, std::nullopt};
  for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
    ChartSeries agents;
    agents.label = scenario.agent_groups[g].name + " on duty";
    agents.values = on_duty(scenario.agent_groups[g], intervals);
    agents.color = palette_color(g);
    agents.style = SeriesStyle::step;
    staffing.series.push_back(agents);
    if (g < inputs.requirement.size() && !inputs.requirement[g].empty()) {
      ChartSeries required;
      required.label = scenario.agent_groups[g].name + " required";
      required.values = inputs.requirement[g];
      required.color = palette_color(g);
      required.style = SeriesStyle::dashed;
      staffing.series.push_back(required);
    }
  }
  section.charts.push_back(staffing);

  HtmlChart occupancy;
  occupancy.id = "occupancy";
  occupancy.title = "Occupancy per interval";
  occupancy.note = "Mean over the replications; the band is its 95% confidence interval.";
  occupancy.x_title = interval_axis_title(scenario);
  occupancy.x_labels = labels;
  occupancy.y = {"occupancy", ValueUnit::percent, 0.0, 1.0};
  for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
    std::vector<sim::Estimate> estimates;
    for (const auto& interval : results.by_group_interval)
      estimates.push_back(interval[g].occupancy);
    occupancy.series.push_back(
        estimate_series(scenario.agent_groups[g].name, estimates, true, palette_color(g)));
  }
  section.charts.push_back(occupancy);
  return section;
}

HtmlSection days_section(const sim::Scenario& scenario, const sim::Results& results) {
  std::vector<std::string> labels;
  for (std::size_t d = 0; d < results.by_type_day.size(); ++d) {
    labels.push_back(day_label(scenario, d));
  }
  HtmlSection section;
  section.title = "By day";
  section.note = "Each day's figures over its contacts (by the day they arrived).";

  struct DayChart {
    const char* id;
    const char* title;
    ChartAxis y;
    sim::Estimate sim::ContactKpis::*kpi;
    bool fraction;
  };
  const DayChart charts[] = {
      {"days-offered",
       "Offered contacts per day",
       {"contacts", ValueUnit::count, 0.0, {}},
       &sim::ContactKpis::offered,
       false},
      {"days-service-level",
       "Service level per day",
       {"service level", ValueUnit::percent, 0.0, 1.0},
       &sim::ContactKpis::service_level,
       true},
      {"days-abandon-rate",
       "Abandon rate per day",
       {"abandon rate", ValueUnit::percent, 0.0, {}},
       &sim::ContactKpis::abandon_rate,
       true},
  };
  for (const DayChart& spec : charts) {
    HtmlChart chart;
    chart.id = spec.id;
    chart.title = spec.title;
    chart.x_title = "day";
    chart.x_labels = labels;
    chart.y = spec.y;
    for (std::size_t t = 0; t < scenario.contact_types.size(); ++t) {
      const sim::ContactType& type = scenario.contact_types[t];
      const std::string label = spec.kpi == &sim::ContactKpis::service_level
                                    ? type.name + " " + service_level_name(type)
                                    : type.name;
      chart.series.push_back(
          estimate_series(label, per_day(results, t, spec.kpi), spec.fraction, palette_color(t)));
      chart.series.back().style = SeriesStyle::line;
      if (spec.kpi == &sim::ContactKpis::service_level && type.targets.service_level) {
        const double at_least = type.targets.service_level->at_least;
        chart.targets.push_back(
            {type.name + " target >= " + format_value(at_least, ValueUnit::percent), at_least,
             palette_color(t), false});
      }
      if (spec.kpi == &sim::ContactKpis::abandon_rate && type.targets.max_abandon) {
        const double at_most = *type.targets.max_abandon;
        chart.targets.push_back(
            {type.name + " target <= " + format_value(at_most, ValueUnit::percent), at_most,
             palette_color(t), false});
      }
    }
    section.charts.push_back(chart);
  }
  return section;
}

HtmlSection issues_section(const sim::Scenario& scenario, const sim::Results& results,
                           const std::vector<std::size_t>& types) {
  HtmlSection section;
  section.title = "Issues";
  section.note =
      "Over the whole horizon. Issue figures count under the type of the issue's first contact; "
      "contact figures under the type of the contact that led to them.";
  HtmlTable counts{
      "Issues (first contacts of each type)",
      {"contact type", "issues", "resolved", "abandoned for good", "open at the end", "complaints",
       "contacts per resolved issue", "resolution time (mean)", "resolution time p90"},
      {}};
  for (std::size_t t : types) {
    const sim::ContactKpis& k = results.by_type[t];
    if (!(k.issues.mean > 0)) continue;
    counts.rows.push_back({scenario.contact_types[t].name,
                           estimate_text(k.issues, ValueUnit::count),
                           estimate_text(k.issues_resolved, ValueUnit::count),
                           estimate_text(k.issues_abandoned, ValueUnit::count),
                           estimate_text(k.issues_open_end, ValueUnit::count),
                           estimate_text(k.complaints, ValueUnit::count),
                           estimate_text(k.contacts_per_resolved_issue, ValueUnit::ratio),
                           estimate_text(k.resolution_time_s, ValueUnit::seconds),
                           estimate_text(k.resolution_time_p90_s, ValueUnit::seconds)});
  }
  if (!counts.rows.empty()) section.tables.push_back(counts);

  struct Share {
    const char* label;
    sim::Estimate sim::ContactKpis::*kpi;
  };
  const Share shares[] = {
      {"first-contact resolution", &sim::ContactKpis::first_contact_resolution},
      {"repeat contacts / offered", &sim::ContactKpis::repeat_share},
      {"escalated: transfer", &sim::ContactKpis::escalation_rate_transfer},
      {"escalated: work order", &sim::ContactKpis::escalation_rate_work_order},
      {"escalated: call-back", &sim::ContactKpis::escalation_rate_callback},
      {"asked to call again", &sim::ContactKpis::escalation_rate_ask_to_call_again},
      {"transfers abandoned on hold", &sim::ContactKpis::transfer_abandon_rate},
      {"work orders within deadline", &sim::ContactKpis::work_orders_within_deadline},
      {"call-backs kept", &sim::ContactKpis::callbacks_kept_share},
  };
  HtmlChart chart;
  chart.id = "issue-outcomes";
  chart.title = "Issue outcomes over the horizon";
  chart.note =
      "Escalations per contact handled; first-contact resolution per issue; the rest per "
      "contact offered, transfer, work order or call-back promised. A missing bar: nothing to "
      "measure.";
  chart.x_title = "outcome";
  for (const Share& share : shares) chart.x_labels.push_back(share.label);
  chart.y = {"share", ValueUnit::percent, 0.0, 1.0};
  for (std::size_t t : types) {
    std::vector<sim::Estimate> estimates;
    for (const Share& share : shares) estimates.push_back(results.by_type[t].*share.kpi);
    chart.series.push_back(
        estimate_series(scenario.contact_types[t].name, estimates, true, palette_color(t)));
    chart.series.back().style = SeriesStyle::bar;
  }
  section.charts.push_back(chart);
  return section;
}

void check_requirement(const RunReportInputs& inputs) {
  const auto& requirement = inputs.requirement;
  if (requirement.empty()) return;
  const std::size_t groups = inputs.scenario.agent_groups.size();
  if (requirement.size() != groups) {
    throw std::invalid_argument("requirement: expected one row per agent group (" +
                                std::to_string(groups) + "), found " +
                                std::to_string(requirement.size()));
  }
  const std::size_t intervals = horizon_intervals(inputs.scenario);
  for (std::size_t g = 0; g < groups; ++g) {
    if (!requirement[g].empty() && requirement[g].size() != intervals) {
      throw std::invalid_argument("requirement of " + inputs.scenario.agent_groups[g].name +
                                  ": expected one value per interval of the horizon (" +
                                  std::to_string(intervals) + "), found " +
                                  std::to_string(requirement[g].size()));
    }
  }
}

}  // namespace

// --- pieces the compare and sweep reports share ------------------------------------------------

std::vector<std::string> interval_labels(const sim::Scenario& scenario, std::size_t count) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < count; ++i) labels.push_back(interval_label(scenario, i));
  return labels;
}

std::string interval_axis_title(const sim::Scenario& scenario) {
  return "interval start (" + format_duration(scenario.horizon.interval_s) + " intervals)";
}

// A series of estimates: the means, with the 95% band truncated to the quantity's range.
ChartSeries estimate_series(std::string label, const std::vector<sim::Estimate>& estimates,
                            bool fraction, std::string color) {
  ChartSeries s;
  s.label = std::move(label);
  s.color = std::move(color);
  for (const sim::Estimate& raw : estimates) {
    const sim::Estimate e = estimate_in_range(raw, fraction);
    s.values.push_back(e.mean);
    s.ci_low.push_back(e.ci_low);
    s.ci_high.push_back(e.ci_high);
  }
  return s;
}

// One estimate per interval of contact type t.
std::vector<sim::Estimate> interval_estimates(const sim::Results& results, std::size_t t,
                                              sim::Estimate sim::ContactKpis::*kpi) {
  std::vector<sim::Estimate> out;
  for (const auto& interval : results.by_type_interval) out.push_back(interval[t].*kpi);
  return out;
}

std::string estimate_text(const sim::Estimate& raw, ValueUnit unit) {
  const sim::Estimate e = estimate_in_range(raw, unit == ValueUnit::percent);
  std::string text = format_value(e.mean, unit);
  if (std::isfinite(e.ci_low) || std::isfinite(e.ci_high)) {
    // A no-break space in the interval: a narrow column breaks between the mean and it.
    text += " [" + format_value(e.ci_low, unit) + ",\u00a0" + format_value(e.ci_high, unit) + "]";
  }
  return text;
}

std::string service_level_name(const sim::ContactType& type) {
  const sim::ServiceLevelTarget sl = type.targets.service_level.value_or(sim::ServiceLevelTarget{});
  return "service level " + format_duration(sl.within_s);
}

// Agents on duty in each interval: the staffing where the group is open, 0 where it is closed.
std::vector<double> on_duty(const sim::AgentGroup& group, std::size_t intervals) {
  std::vector<double> agents;
  for (std::size_t i = 0; i < intervals; ++i) {
    if (i >= group.staffing.size()) {
      agents.push_back(kNaN);
    } else {
      const bool open = group.open.empty() || (i < group.open.size() && group.open[i] != 0);
      agents.push_back(open ? group.staffing[i] : 0);
    }
  }
  return agents;
}

HtmlPage run_report_page(const RunReportInputs& inputs) {
  check_requirement(inputs);
  const sim::Scenario& scenario = inputs.scenario;
  const sim::Results& results = inputs.results;
  const sim::Horizon& h = scenario.horizon;

  HtmlPage page;
  page.title = "staffsim run: " + scenario.name;
  std::string horizon = std::to_string(h.days) + (h.days == 1 ? " day" : " days");
  if (h.start_date) horizon += " from " + day_label(scenario, 0);
  horizon += ", " + format_clock(h.day_start_s) + " to " +
             format_clock(h.day_start_s + h.interval_s * h.intervals_per_day) + " in " +
             std::to_string(h.intervals_per_day) + " intervals of " + format_duration(h.interval_s);
  page.facts = {
      {"Scenario", scenario.name},
      {"Horizon", horizon},
      {"Runs", std::to_string(results.replications) + " replications, seed " +
                   std::to_string(results.seed) +
                   "; each figure is a mean with its 95% confidence interval (the shaded band)"},
  };

  page.sections.push_back(summary_section(scenario, results));
  for (std::size_t t = 0; t < scenario.contact_types.size() && t < results.by_type.size(); ++t) {
    page.sections.push_back(contact_type_section(scenario, results, t));
  }
  page.sections.push_back(groups_section(inputs));
  if (h.days > 1 && !results.by_type_day.empty()) {
    page.sections.push_back(days_section(scenario, results));
  }
  std::vector<std::size_t> issue_types;
  for (std::size_t t = 0; t < scenario.contact_types.size() && t < results.by_type.size(); ++t) {
    if (tracks_issues(scenario, t)) issue_types.push_back(t);
  }
  if (!issue_types.empty()) page.sections.push_back(issues_section(scenario, results, issue_types));
  page.footer =
      "The same figures are in summary.json, intervals.csv, days.csv and groups.csv "
      "(scenarios/REFERENCE.md, Outputs).";
  return page;
}

std::string render_run_report_html(const RunReportInputs& inputs) {
  return render_html_page(run_report_page(inputs));
}

}  // namespace staffsim::tools
