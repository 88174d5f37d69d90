#include "tools/run_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "models/staffing.hpp"
#include "tools/datetime.hpp"
#include "tools/report_common.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

// --- table -----------------------------------------------------------------------------------

std::string definition_word(sim::ServiceLevelDefinition definition) {
  switch (definition) {
    case sim::ServiceLevelDefinition::answered:
      return "answered";
    case sim::ServiceLevelDefinition::exclude_short_abandons:
      return "exclude_short_abandons";
    default:
      return "offered";
  }
}

// "; missed in 3 of 28 intervals, uncertain in 2" (nothing when every interval met the target).
std::string interval_tally(const sim::Results& results, std::size_t type,
                           sim::TargetVerdict sim::TargetVerdicts::*which) {
  int missed = 0;
  int uncertain = 0;
  for (const auto& interval : results.by_type_interval) {
    sim::TargetVerdict v = interval[type].verdicts.*which;
    if (v == sim::TargetVerdict::missed) ++missed;
    if (v == sim::TargetVerdict::uncertain) ++uncertain;
  }
  if (missed == 0 && uncertain == 0) return "";
  std::string text = "; by interval: " + std::to_string(missed) + " of " +
                     std::to_string(results.by_type_interval.size()) + " missed";
  if (uncertain > 0) text += ", " + std::to_string(uncertain) + " uncertain";
  return text;
}

std::string kpi_line(const std::string& label, const sim::Estimate& raw, Unit unit,
                     const std::string& target = "") {
  const sim::Estimate e = estimate_in_range(raw, unit == Unit::percent);
  std::string ci = "[" + table_value(e.ci_low, unit) + ", " + table_value(e.ci_high, unit) + "]";
  std::string line = "  " + pad_right(label, 28) + pad_left(table_value(e.mean, unit), 10) + "  " +
                     (target.empty() ? ci : pad_right(ci, 24) + "  " + target);
  return line + "\n";
}

// Range of a staffing vector: "40" or "40-60".
std::string staffing_range(const std::vector<int>& staffing) {
  if (staffing.empty()) return "-";
  auto [low, high] = std::minmax_element(staffing.begin(), staffing.end());
  if (*low == *high) return std::to_string(*low);
  return std::to_string(*low) + "-" + std::to_string(*high);
}

// --- files -----------------------------------------------------------------------------------

std::string csv_number(double value) {
  if (!std::isfinite(value)) return "";
  return printf_string("%.10g", value);
}

void append_estimate(std::string& row, const sim::Estimate& raw, bool fraction) {
  const sim::Estimate e = estimate_in_range(raw, fraction);
  row += "," + csv_number(e.mean) + "," + csv_number(e.ci_low) + "," + csv_number(e.ci_high);
}

void append_estimate_header(std::string& header, const std::string& name) {
  header += "," + name + "," + name + "_ci_low," + name + "_ci_high";
}

std::string contact_csv_header(const sim::Scenario& scenario) {
  std::string out;
  for (const auto& kpi : kContactKpis) append_estimate_header(out, kpi.name);
  if (any_issues(scenario)) {
    for (const auto& kpi : kIssueKpis) append_estimate_header(out, kpi.name);
  }
  return out;
}

void append_contact_csv(std::string& row, const sim::Scenario& scenario,
                        const sim::ContactKpis& k) {
  for (const auto& kpi : kContactKpis) append_estimate(row, k.*kpi.estimate, kpi.fraction);
  if (any_issues(scenario)) {
    for (const auto& kpi : kIssueKpis) append_estimate(row, k.*kpi.estimate, kpi.fraction);
  }
}

// The issue block of a contact type in the summary table: issue figures where issues start (a
// type with first contacts), contact figures wherever contacts belong to issues.
std::string issue_lines(const sim::ContactKpis& k) {
  std::string out;
  if (k.issues.mean > 0) {
    out += "  issues (counted in the interval of their first contact)\n";
    out += kpi_line("issues", k.issues, Unit::count);
    out += kpi_line("  resolved", k.issues_resolved, Unit::count);
    out += kpi_line("  abandoned for good", k.issues_abandoned, Unit::count);
    out += kpi_line("  open at the end", k.issues_open_end, Unit::count);
    out += kpi_line("first-contact resolution", k.first_contact_resolution, Unit::percent);
    out += kpi_line("contacts per resolved issue", k.contacts_per_resolved_issue, Unit::ratio);
    out += kpi_line("resolution time (mean)", k.resolution_time_s, Unit::seconds);
    out += kpi_line("resolution time p90", k.resolution_time_p90_s, Unit::seconds);
    out += kpi_line("complaints", k.complaints, Unit::count);
  }
  out += kpi_line("repeat contacts / offered", k.repeat_share, Unit::percent);
  out += "  escalations (per contact handled)\n";
  out += kpi_line("  transfer", k.escalation_rate_transfer, Unit::percent);
  out += kpi_line("  work order", k.escalation_rate_work_order, Unit::percent);
  out += kpi_line("  call-back promised", k.escalation_rate_callback, Unit::percent);
  out += kpi_line("  asked to call again", k.escalation_rate_ask_to_call_again, Unit::percent);
  if (k.transfers.mean > 0) {
    out += kpi_line("transfer hold (mean)", k.transfer_hold_s, Unit::seconds);
    out += kpi_line("transfers abandoned on hold", k.transfer_abandon_rate, Unit::percent);
  }
  if (k.work_orders.mean > 0) {
    out += kpi_line("work orders", k.work_orders, Unit::count);
    out += kpi_line("  within deadline", k.work_orders_within_deadline, Unit::percent);
    out += kpi_line("  age p90", k.work_order_age_p90_s, Unit::seconds);
    out += kpi_line("  open at the end", k.work_orders_open_end, Unit::count);
  }
  if (k.callbacks_promised.mean > 0) {
    out += kpi_line("call-backs promised", k.callbacks_promised, Unit::count);
    out += kpi_line("  kept (reached in time)", k.callbacks_kept_share, Unit::percent);
  }
  return out;
}

}  // namespace

std::string service_level_formula(const sim::ServiceLevelTarget& sl, double short_abandon_s) {
  std::string answered = "answered within " + format_duration(sl.within_s) + " / ";
  switch (sl.definition) {
    case sim::ServiceLevelDefinition::answered:
      return answered + "answered";
    case sim::ServiceLevelDefinition::exclude_short_abandons:
      return answered + "(offered - abandoned in under " + format_duration(short_abandon_s) + ")";
    default:
      return answered + "offered";
  }
}

std::string render_summary_table(const sim::Scenario& scenario, const sim::Results& results) {
  const sim::Horizon& h = scenario.horizon;
  std::string out;
  out += "Scenario: " + scenario.name + "\n";
  out += "Horizon:  " + std::to_string(h.days) + (h.days == 1 ? " day, " : " days, ") +
         format_clock(h.day_start_s) + " to " +
         format_clock(h.day_start_s + h.interval_s * h.intervals_per_day) + " in " +
         std::to_string(h.intervals_per_day) + " intervals of " + format_duration(h.interval_s) +
         "\n";
  out += "Runs:     " + std::to_string(results.replications) + " replications, seed " +
         std::to_string(results.seed) + "; each figure is a mean [95% confidence interval]\n";
  for (std::size_t t = 0; t < scenario.contact_types.size() && t < results.by_type.size(); ++t) {
    const sim::ContactType& type = scenario.contact_types[t];
    const sim::ContactKpis& k = results.by_type[t];
    sim::ServiceLevelTarget sl = type.targets.service_level.value_or(sim::ServiceLevelTarget{});
    out += "\nContact type " + type.name + " (priority " + std::to_string(type.priority) +
           "; service level = " + service_level_formula(sl, scenario.short_abandon_s) + ")\n";
    out += "  " + pad_right("KPI", 28) + pad_left("mean", 10) + "  " +
           pad_right("95% confidence interval", 24) + "  target\n";
    out += kpi_line("offered", k.offered, Unit::count);
    out += kpi_line("answered", k.answered, Unit::count);
    out += kpi_line("abandoned", k.abandoned, Unit::count);
    std::string sl_target;
    if (type.targets.service_level) {
      sl_target = "target >= " + table_value(sl.at_least, Unit::percent) + ": " +
                  verdict_word(k.verdicts.service_level) +
                  interval_tally(results, t, &sim::TargetVerdicts::service_level);
    }
    out += kpi_line("service level " + format_duration(sl.within_s), k.service_level, Unit::percent,
                    sl_target);
    std::string abandon_target;
    if (type.targets.max_abandon) {
      abandon_target = "target <= " + table_value(*type.targets.max_abandon, Unit::percent) + ": " +
                       verdict_word(k.verdicts.abandon_rate) +
                       interval_tally(results, t, &sim::TargetVerdicts::abandon_rate);
    }
    out += kpi_line("abandon rate", k.abandon_rate, Unit::percent, abandon_target);
    std::string asa_target;
    if (type.targets.max_asa_s) {
      asa_target = "target <= " + table_value(*type.targets.max_asa_s, Unit::seconds) + ": " +
                   verdict_word(k.verdicts.asa) +
                   interval_tally(results, t, &sim::TargetVerdicts::asa);
    }
    out += kpi_line("ASA (answered)", k.asa_s, Unit::seconds, asa_target);
    out += kpi_line("wait p90 (all)", k.wait_p90_s, Unit::seconds);
    out += kpi_line("P(wait > 0)", k.p_wait, Unit::percent);
    out += kpi_line("mean wait (all)", k.wait_mean_s, Unit::seconds);
    if (tracks_issues(scenario, t)) out += issue_lines(k);
  }
  const bool costs = any_cost(scenario);
  out += "\nAgent groups\n";
  out += "  " + pad_right("group", 16) + pad_left("agents", 8) + "  " + pad_right("occupancy", 30) +
         pad_left("handled", 10) + pad_left("agent-hours", 13) +
         (costs ? pad_left("cost", 12) : "") + "  share by contact type\n";
  for (std::size_t g = 0; g < scenario.agent_groups.size() && g < results.by_group.size(); ++g) {
    const sim::GroupKpis& k = results.by_group[g];
    std::string occupancy = table_value(k.occupancy.mean, Unit::percent) + " [" +
                            table_value(k.occupancy.ci_low, Unit::percent) + ", " +
                            table_value(k.occupancy.ci_high, Unit::percent) + "]";
    std::string shares;
    for (std::size_t t = 0; t < k.handled_share_by_type.size(); ++t) {
      if (!(k.handled_by_type[t].mean > 0)) continue;
      if (!shares.empty()) shares += ", ";
      shares += scenario.contact_types[t].name + " " +
                table_value(k.handled_share_by_type[t].mean, Unit::percent);
    }
    if (shares.empty()) shares = "-";
    const sim::AgentGroup& group = scenario.agent_groups[g];
    std::vector<int> on_duty = group.staffing;  // after shrinkage (the hours aside)
    for (int& agents : on_duty) agents = models::agents_on_duty(agents, group.shrinkage);
    out += "  " + pad_right(group.name, 16) + pad_left(staffing_range(on_duty), 8) + "  " +
           pad_right(occupancy, 30) + pad_left(table_value(k.handled.mean, Unit::count), 10) +
           pad_left(table_value(k.agent_hours.mean, Unit::count), 13) +
           (costs ? pad_left(table_value(k.cost.mean, Unit::count), 12) : "") + "  " + shares +
           "\n";
  }
  out += "  " + pad_right("all groups", 16) + pad_left("", 8) + "  " + pad_right("", 30) +
         pad_left("", 10) + pad_left(table_value(results.agent_hours.mean, Unit::count), 13) +
         (costs ? pad_left(table_value(results.cost.mean, Unit::count), 12) : "") + "\n";
  std::string scheduled;
  for (const sim::AgentGroup& group : scenario.agent_groups) {
    if (group.shrinkage == 0) continue;
    scheduled += (scheduled.empty() ? "" : ", ") + group.name + " " +
                 staffing_range(group.staffing) + " scheduled, " +
                 table_value(group.shrinkage, Unit::percent) + " shrinkage";
  }
  if (!scheduled.empty()) out += "  agents are on duty after shrinkage: " + scheduled + "\n";
  if (h.days > 1 && results.by_type_day.size() == static_cast<std::size_t>(h.days)) {
    out += "\nBy day (mean over replications)\n";
    out += "  " + pad_right("day", 12) + pad_right("contact type", 16) + pad_left("offered", 10) +
           pad_left("service", 10) + pad_left("abandon", 10) + pad_left("ASA", 10) + "\n";
    for (std::size_t d = 0; d < results.by_type_day.size(); ++d) {
      const std::string date = date_of_day(scenario, d);
      const std::string label = date.empty() ? std::to_string(d + 1) : date;
      for (std::size_t t = 0; t < scenario.contact_types.size(); ++t) {
        const sim::ContactKpis& k = results.by_type_day[d][t];
        out += "  " + pad_right(t == 0 ? label : "", 12) +
               pad_right(scenario.contact_types[t].name, 16) +
               pad_left(table_value(k.offered.mean, Unit::count), 10) +
               pad_left(table_value(k.service_level.mean, Unit::percent), 10) +
               pad_left(table_value(k.abandon_rate.mean, Unit::percent), 10) +
               pad_left(table_value(k.asa_s.mean, Unit::seconds), 10) + "\n";
      }
    }
  }
  return out;
}

std::string render_summary_json(const sim::Scenario& scenario, const sim::Results& results) {
  const sim::Horizon& h = scenario.horizon;
  Json root;
  root["scenario"] = scenario.name;
  root["seed"] = results.seed;
  root["replications"] = results.replications;
  root["horizon"] = Json{{"start", format_clock(h.day_start_s)},
                         {"interval_s", h.interval_s},
                         {"intervals_per_day", h.intervals_per_day},
                         {"days", h.days},
                         {"warmup_s", h.warmup_s},
                         {"warmup_days", h.warmup_days},
                         {"days_independent", h.days_independent}};
  if (h.start_date) root["horizon"]["start_date"] = format_local_date(*h.start_date * 86400);
  Json types = Json::object();
  for (std::size_t t = 0; t < scenario.contact_types.size() && t < results.by_type.size(); ++t) {
    const sim::ContactType& type = scenario.contact_types[t];
    const sim::ContactKpis& k = results.by_type[t];
    Json entry = contact_json(scenario, t, k);
    Json targets = Json::object();
    if (const auto& sl = type.targets.service_level) {
      targets["service_level"] = Json{{"within_s", sl->within_s},
                                      {"at_least", sl->at_least},
                                      {"definition", definition_word(sl->definition)},
                                      {"verdict", verdict_word(k.verdicts.service_level)}};
    }
    if (type.targets.max_abandon) {
      targets["abandon_rate"] = Json{{"at_most", *type.targets.max_abandon},
                                     {"verdict", verdict_word(k.verdicts.abandon_rate)}};
    }
    if (type.targets.max_asa_s) {
      targets["asa_s"] =
          Json{{"at_most", *type.targets.max_asa_s}, {"verdict", verdict_word(k.verdicts.asa)}};
    }
    entry["targets"] = targets;
    if (const auto& origin = type.arrivals.origin) {
      // The arrivals are a forecast: from which file, by which method, for which dates.
      Json dates = Json::array();
      for (std::int64_t day : origin->days) dates.push_back(format_local_date(day * 86400));
      entry["arrivals"] = Json{{"forecast_source", origin->source},
                               {"forecast_method", origin->method},
                               {"forecast_dates", dates}};
    }
    types[type.name] = entry;
  }
  root["contact_types"] = types;
  Json groups = Json::object();
  for (std::size_t g = 0; g < scenario.agent_groups.size() && g < results.by_group.size(); ++g) {
    groups[scenario.agent_groups[g].name] = group_json(scenario, g, results.by_group[g]);
  }
  root["agent_groups"] = groups;
  root["agent_hours"] = estimate_json(results.agent_hours, false);
  if (any_cost(scenario)) root["cost"] = estimate_json(results.cost, false);
  if (h.days > 1) {
    Json days = Json::array();
    for (std::size_t d = 0; d < results.by_type_day.size(); ++d) {
      Json day;
      day["day"] = d + 1;
      if (h.start_date) day["date"] = date_of_day(scenario, d);
      Json day_types = Json::object();
      for (std::size_t t = 0; t < scenario.contact_types.size(); ++t) {
        day_types[scenario.contact_types[t].name] =
            contact_json(scenario, t, results.by_type_day[d][t]);
      }
      day["contact_types"] = day_types;
      Json day_groups = Json::object();
      for (std::size_t g = 0; g < scenario.agent_groups.size() && d < results.by_group_day.size();
           ++g) {
        day_groups[scenario.agent_groups[g].name] =
            group_json(scenario, g, results.by_group_day[d][g]);
      }
      day["agent_groups"] = day_groups;
      days.push_back(day);
    }
    root["days"] = days;
  }
  return root.dump(2) + "\n";
}

std::string render_intervals_csv(const sim::Scenario& scenario, const sim::Results& results) {
  std::string out = "day,date,interval_start,contact_type" + contact_csv_header(scenario) + "\n";
  const auto per_day = static_cast<std::size_t>(scenario.horizon.intervals_per_day);
  for (std::size_t i = 0; i < results.by_type_interval.size(); ++i) {
    for (std::size_t t = 0; t < scenario.contact_types.size(); ++t) {
      const sim::ContactKpis& k = results.by_type_interval[i][t];
      std::string row = day_number(scenario, i) + "," + date_of_day(scenario, i / per_day) + "," +
                        interval_start(scenario, i) + "," + scenario.contact_types[t].name;
      append_contact_csv(row, scenario, k);
      out += row + "\n";
    }
  }
  return out;
}

std::string render_days_csv(const sim::Scenario& scenario, const sim::Results& results) {
  std::string out = "day,date,contact_type" + contact_csv_header(scenario) + "\n";
  for (std::size_t d = 0; d < results.by_type_day.size(); ++d) {
    for (std::size_t t = 0; t < scenario.contact_types.size(); ++t) {
      std::string row = std::to_string(d + 1) + "," + date_of_day(scenario, d) + "," +
                        scenario.contact_types[t].name;
      append_contact_csv(row, scenario, results.by_type_day[d][t]);
      out += row + "\n";
    }
  }
  return out;
}

std::string render_groups_csv(const sim::Scenario& scenario, const sim::Results& results) {
  std::string out = "day,date,interval_start,group,agents,agents_on_duty";
  const auto per_day = static_cast<std::size_t>(scenario.horizon.intervals_per_day);
  append_estimate_header(out, "occupancy");
  append_estimate_header(out, "handled");
  for (const auto& type : scenario.contact_types) out += ",handled_" + type.name;
  out += "\n";
  std::vector<std::vector<int>> on_duty;
  for (const sim::AgentGroup& group : scenario.agent_groups) {
    on_duty.push_back(sim::agents_on_duty(group));
  }
  for (std::size_t i = 0; i < results.by_group_interval.size(); ++i) {
    for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
      const sim::GroupKpis& k = results.by_group_interval[i][g];
      const auto& staffing = scenario.agent_groups[g].staffing;
      std::string row = day_number(scenario, i) + "," + date_of_day(scenario, i / per_day) + "," +
                        interval_start(scenario, i) + "," + scenario.agent_groups[g].name + "," +
                        (i < staffing.size() ? std::to_string(staffing[i]) : "") + "," +
                        (i < on_duty[g].size() ? std::to_string(on_duty[g][i]) : "");
      append_estimate(row, k.occupancy, true);
      append_estimate(row, k.handled, false);
      for (std::size_t t = 0; t < scenario.contact_types.size(); ++t) {
        row += ',';
        if (t < k.handled_by_type.size()) row += csv_number(k.handled_by_type[t].mean);
      }
      out += row + "\n";
    }
  }
  return out;
}

}  // namespace staffsim::tools
