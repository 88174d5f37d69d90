// Shared pieces of the reports of run, compare and sweep (tools/report_common.hpp).
#include "tools/report_common.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "tools/datetime.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {

std::string printf_string(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

std::string table_value(double value, Unit unit) {
  if (!std::isfinite(value)) return "-";
  switch (unit) {
    case Unit::percent:
      return printf_string("%.1f%%", value * 100.0);
    case Unit::seconds:  // in the unit a planner reads best: 12.5s, 28.4m, 5.3h, 2.4d
      if (value < 1000) return printf_string("%.1fs", value);
      if (value < 3 * 3600.0) return printf_string("%.1fm", value / 60);
      if (value < 3 * 86400.0) return printf_string("%.1fh", value / 3600);
      return printf_string("%.1fd", value / 86400);
    case Unit::ratio:
      return printf_string("%.2f", value);
    default:
      return printf_string("%.1f", value);
  }
}

std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}
std::string pad_right(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string verdict_word(sim::TargetVerdict verdict) {
  switch (verdict) {
    case sim::TargetVerdict::met:
      return "met";
    case sim::TargetVerdict::missed:
      return "missed";
    case sim::TargetVerdict::uncertain:
      return "uncertain";
    default:
      return "none";
  }
}

// The interval truncated to the quantity's range: every KPI is >= 0, and fractions are <= 1. The
// engine's intervals are symmetric normal-theory intervals; cutting off the part outside the
// parameter space keeps their coverage.
sim::Estimate estimate_in_range(sim::Estimate e, bool fraction) {
  auto clip = [fraction](double x) {
    if (!std::isfinite(x)) return x;
    x = std::max(x, 0.0);
    return fraction ? std::min(x, 1.0) : x;
  };
  e.ci_low = clip(e.ci_low);
  e.ci_high = clip(e.ci_high);
  return e;
}

Json estimate_json(const sim::Estimate& raw, bool fraction) {
  const sim::Estimate e = estimate_in_range(raw, fraction);
  return Json{{"mean", e.mean}, {"ci_low", e.ci_low}, {"ci_high", e.ci_high}};
}

// The contact KPIs of the summary, intervals.csv and days.csv, in their documented order.
const std::vector<KpiColumn> kContactKpis = {
    {"offered", &sim::ContactKpis::offered, false},
    {"answered", &sim::ContactKpis::answered, false},
    {"abandoned", &sim::ContactKpis::abandoned, false},
    {"service_level", &sim::ContactKpis::service_level, true},
    {"asa_s", &sim::ContactKpis::asa_s, false},
    {"abandon_rate", &sim::ContactKpis::abandon_rate, true},
    {"wait_p90_s", &sim::ContactKpis::wait_p90_s, false},
    {"p_wait", &sim::ContactKpis::p_wait, true},
    {"wait_mean_s", &sim::ContactKpis::wait_mean_s, false},
    {"queue_mean", &sim::ContactKpis::queue_mean, false},
    {"queue_max", &sim::ContactKpis::max_queue, false},
    {"short_abandoned", &sim::ContactKpis::short_abandoned, false},
    {"unanswered_at_close", &sim::ContactKpis::unanswered_at_close, false},
};
// Issue and escalation KPIs: for contact types whose contacts belong to issues.
const std::vector<KpiColumn> kIssueKpis = {
    {"issues", &sim::ContactKpis::issues, false},
    {"issues_resolved", &sim::ContactKpis::issues_resolved, false},
    {"issues_abandoned", &sim::ContactKpis::issues_abandoned, false},
    {"issues_open_end", &sim::ContactKpis::issues_open_end, false},
    {"first_contact_resolution", &sim::ContactKpis::first_contact_resolution, true},
    {"contacts_per_resolved_issue", &sim::ContactKpis::contacts_per_resolved_issue, false},
    {"resolution_time_s", &sim::ContactKpis::resolution_time_s, false},
    {"resolution_time_p90_s", &sim::ContactKpis::resolution_time_p90_s, false},
    {"repeat_share", &sim::ContactKpis::repeat_share, true},
    {"complaints", &sim::ContactKpis::complaints, false},
    {"escalation_rate_transfer", &sim::ContactKpis::escalation_rate_transfer, true},
    {"escalation_rate_work_order", &sim::ContactKpis::escalation_rate_work_order, true},
    {"escalation_rate_callback", &sim::ContactKpis::escalation_rate_callback, true},
    {"escalation_rate_ask_to_call_again", &sim::ContactKpis::escalation_rate_ask_to_call_again,
     true},
    {"transfers", &sim::ContactKpis::transfers, false},
    {"transfer_hold_s", &sim::ContactKpis::transfer_hold_s, false},
    {"transfer_abandon_rate", &sim::ContactKpis::transfer_abandon_rate, true},
    {"work_orders", &sim::ContactKpis::work_orders, false},
    {"work_orders_within_deadline", &sim::ContactKpis::work_orders_within_deadline, true},
    {"work_order_age_p90_s", &sim::ContactKpis::work_order_age_p90_s, false},
    {"work_orders_open_end", &sim::ContactKpis::work_orders_open_end, false},
    {"work_order_backlog", &sim::ContactKpis::work_order_backlog, false},
    {"callbacks_promised", &sim::ContactKpis::callbacks_promised, false},
    {"callbacks_kept_share", &sim::ContactKpis::callbacks_kept_share, true},
    {"audits", &sim::ContactKpis::audits, false},
};

// Whether the scenario's contacts of type c belong to issues (the issue KPIs apply).
bool tracks_issues(const sim::Scenario& scenario, std::size_t c) {
  const sim::ContactType& type = scenario.contact_types[c];
  if (type.issues || type.repeat) return true;
  for (const auto& other : scenario.contact_types) {
    if (other.repeat && other.repeat->complaint_after > 0 &&
        other.repeat->complaint_type == static_cast<int>(c)) {
      return true;
    }
  }
  return false;
}

bool any_issues(const sim::Scenario& scenario) {
  for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
    if (tracks_issues(scenario, c)) return true;
  }
  return false;
}

bool any_cost(const sim::Scenario& scenario) {
  return std::any_of(scenario.agent_groups.begin(), scenario.agent_groups.end(),
                     [](const sim::AgentGroup& g) { return g.cost_per_hour.has_value(); });
}

// The contact KPIs of one type and period as JSON, with the issue KPIs where they apply.
Json contact_json(const sim::Scenario& scenario, std::size_t c, const sim::ContactKpis& k) {
  Json entry;
  for (const auto& kpi : kContactKpis)
    entry[kpi.name] = estimate_json(k.*kpi.estimate, kpi.fraction);
  if (tracks_issues(scenario, c)) {
    for (const auto& kpi : kIssueKpis) {
      entry[kpi.name] = estimate_json(k.*kpi.estimate, kpi.fraction);
    }
  }
  return entry;
}

Json group_json(const sim::Scenario& scenario, std::size_t g, const sim::GroupKpis& k) {
  Json entry;
  entry["occupancy"] = estimate_json(k.occupancy, true);
  entry["handled"] = estimate_json(k.handled, false);
  Json shares = Json::object();
  for (std::size_t t = 0; t < k.handled_share_by_type.size(); ++t) {
    shares[scenario.contact_types[t].name] = estimate_json(k.handled_share_by_type[t], true);
  }
  entry["handled_share"] = shares;
  entry["agent_hours"] = estimate_json(k.agent_hours, false);
  if (scenario.agent_groups[g].cost_per_hour) entry["cost"] = estimate_json(k.cost, false);
  if (!scenario.reinforcement.empty()) {
    entry["reinforcement_s"] = estimate_json(k.reinforcement_s, false);
  }
  return entry;
}

// "2003-10-13" for day d (0-based) when the horizon has a start date, else "".
std::string date_of_day(const sim::Scenario& scenario, std::size_t d) {
  const auto& start = scenario.horizon.start_date;
  if (!start) return "";
  return format_local_date((*start + static_cast<std::int64_t>(d)) * 86400);
}

std::string interval_start(const sim::Scenario& scenario, std::size_t interval) {
  const sim::Horizon& h = scenario.horizon;
  auto of_day = static_cast<double>(interval % static_cast<std::size_t>(h.intervals_per_day));
  return format_clock(h.day_start_s + of_day * h.interval_s);
}

std::string day_number(const sim::Scenario& scenario, std::size_t interval) {
  return std::to_string(1 +
                        interval / static_cast<std::size_t>(scenario.horizon.intervals_per_day));
}

}  // namespace staffsim::tools
