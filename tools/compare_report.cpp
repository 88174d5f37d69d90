#include "tools/compare_report.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "tools/datetime.hpp"
#include "tools/report_common.hpp"
#include "tools/report_html.hpp"
#include "tools/target_check.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

constexpr std::size_t kLabelWidth = 28;

// Column widths: room for the plan names and the widest value.
struct Widths {
  std::size_t plan = 18;
  std::size_t difference = 22;
  explicit Widths(const std::vector<ComparedPlan>& plans) {
    for (std::size_t p = 0; p < plans.size(); ++p) {
      plan = std::max(plan, plans[p].name.size() + 2);
      if (p > 0) {
        difference = std::max(difference, plans[p].name.size() + plans[0].name.size() + 5);
      }
    }
  }
};

double half_width(const sim::Estimate& e) {
  return (e.ci_high - e.ci_low) / 2;
}

// "85.0% +-0.6" (half-width in the value's unit; percentages in points).
std::string plan_cell(const sim::Estimate& e, Unit unit) {
  std::string mean = table_value(e.mean, unit);
  const double half = half_width(e);
  if (!std::isfinite(half)) return mean;
  std::string h = unit == Unit::percent
                      ? printf_string("%.1f", half * 100)
                      : table_value(half, unit == Unit::seconds ? Unit::seconds : unit);
  return mean + " ±" + h;
}

// "+2.1 pts ±0.2 *": the paired difference, * when significant.
std::string difference_cell(const sim::Estimate& e, Unit unit) {
  if (!std::isfinite(e.mean)) return "-";
  auto signed_value = [unit](double v) {
    switch (unit) {
      case Unit::percent:
        return printf_string("%+.1f", v * 100);
      case Unit::seconds:
        return printf_string("%+.1fs", v);
      case Unit::ratio:
        return printf_string("%+.2f", v);
      default:
        return printf_string("%+.1f", v);
    }
  };
  std::string text = signed_value(e.mean);
  if (unit == Unit::percent) text += " pts";
  const double half = half_width(e);
  if (std::isfinite(half)) {
    text += " ±" + (unit == Unit::percent   ? printf_string("%.1f", half * 100)
                    : unit == Unit::seconds ? printf_string("%.1fs", half)
                    : unit == Unit::ratio   ? printf_string("%.2f", half)
                                            : printf_string("%.1f", half));
  }
  return text + (sim::significant(e) ? " *" : "  ");
}

struct Row {
  const char* label;
  sim::Estimate sim::ContactKpis::*kpi;
  Unit unit;
  bool issues;  // only for types whose contacts belong to issues
};

const Row kRows[] = {
    {"offered", &sim::ContactKpis::offered, Unit::count, false},
    {"answered", &sim::ContactKpis::answered, Unit::count, false},
    {"abandoned", &sim::ContactKpis::abandoned, Unit::count, false},
    {"service level", &sim::ContactKpis::service_level, Unit::percent, false},
    {"abandon rate", &sim::ContactKpis::abandon_rate, Unit::percent, false},
    {"ASA (answered)", &sim::ContactKpis::asa_s, Unit::seconds, false},
    {"wait p90 (all)", &sim::ContactKpis::wait_p90_s, Unit::seconds, false},
    {"P(wait > 0)", &sim::ContactKpis::p_wait, Unit::percent, false},
    {"first-contact resolution", &sim::ContactKpis::first_contact_resolution, Unit::percent, true},
    {"repeat contacts / offered", &sim::ContactKpis::repeat_share, Unit::percent, true},
    {"complaints", &sim::ContactKpis::complaints, Unit::count, true},
    {"resolution time (mean)", &sim::ContactKpis::resolution_time_s, Unit::seconds, true},
    {"transfer hold (mean)", &sim::ContactKpis::transfer_hold_s, Unit::seconds, true},
    {"work orders within deadline", &sim::ContactKpis::work_orders_within_deadline, Unit::percent,
     true},
    {"call-backs kept", &sim::ContactKpis::callbacks_kept_share, Unit::percent, true},
};

std::string header_line(const std::string& first, const std::vector<ComparedPlan>& plans) {
  const Widths w(plans);
  std::string line = "  " + pad_right(first, kLabelWidth);
  for (const auto& p : plans) line += pad_left(p.name, w.plan);
  for (std::size_t p = 1; p < plans.size(); ++p) {
    line += pad_left(plans[p].name + " - " + plans[0].name, w.difference);
  }
  return line + "\n";
}

Json difference_json(const sim::Estimate& e) {
  return Json{{"mean", e.mean},
              {"ci_low", e.ci_low},
              {"ci_high", e.ci_high},
              {"significant", sim::significant(e)}};
}

// --- report.html -------------------------------------------------------------------------------

// The zero line of the difference charts.
const char* const kZeroColor = "#555555";
// Beyond this many plans the overlaid charts drop their bands: they would hide each other.
constexpr std::size_t kMaxBandedPlans = 3;

// "+2.1 pts [+1.5, +2.7] *": a paired difference with its interval, * when significant.
std::string signed_text(double v, ValueUnit unit) {
  if (!std::isfinite(v)) return "-";
  switch (unit) {
    case ValueUnit::percent:
      return printf_string("%+.1f", v * 100);
    case ValueUnit::seconds:
      return printf_string("%+.1fs", v);
    case ValueUnit::ratio:
      return printf_string("%+.2f", v);
    default:
      return printf_string("%+.1f", v);
  }
}

std::string compare_difference_text(const sim::Estimate& e, ValueUnit unit) {
  if (!std::isfinite(e.mean)) return "-";
  std::string text = signed_text(e.mean, unit) + (unit == ValueUnit::percent ? " pts" : "");
  if (std::isfinite(e.ci_low) && std::isfinite(e.ci_high)) {
    text += " [" + signed_text(e.ci_low, unit) + ",\u00a0" + signed_text(e.ci_high, unit) + "]";
  }
  return text + (sim::significant(e) ? " *" : "");
}

std::string difference_name(const std::vector<ComparedPlan>& plans, std::size_t p) {
  return plans[p].name + " \u2212 " + plans[0].name;
}

// Whether every plan has the first plan's agent groups (by name, in order) and the comparison
// has their paired differences.
bool plans_share_groups(const std::vector<ComparedPlan>& plans, const sim::Comparison& comparison) {
  const auto& groups = plans.front().scenario->agent_groups;
  for (std::size_t p = 1; p < plans.size(); ++p) {
    const auto& other = plans[p].scenario->agent_groups;
    if (other.size() != groups.size()) return false;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (other[g].name != groups[g].name) return false;
    }
    if (comparison.differences[p - 1].by_group.size() != groups.size()) return false;
  }
  return true;
}

// One line per distinct target value; named after its plans when the plans differ (in the plan's
// colour when only one plan has it).
template <typename TargetOf>
std::vector<ChartTarget> plan_targets(const std::vector<ComparedPlan>& plans, std::size_t t,
                                      const char* relation, ValueUnit unit, TargetOf target_of) {
  std::vector<std::optional<double>> values;
  values.reserve(plans.size());
  for (const auto& plan : plans) values.push_back(target_of(plan.scenario->contact_types[t]));
  const bool same = std::all_of(values.begin(), values.end(),
                                [&values](const auto& v) { return v == values.front(); });
  std::vector<ChartTarget> targets;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    if (!values[p]) continue;
    const std::string text =
        std::string("target ") + relation + " " + format_value(*values[p], unit);
    if (same) return {{text, *values[p], "", false}};
    auto it = std::find_if(targets.begin(), targets.end(),
                           [&](const ChartTarget& target) { return target.value == *values[p]; });
    if (it == targets.end()) {
      targets.push_back({plans[p].name + " " + text, *values[p], palette_color(p), false});
    } else {
      it->label = it->label.substr(0, it->label.size() - text.size() - 1) + ", " + plans[p].name +
                  " " + text;
      it->color.clear();
    }
  }
  return targets;
}

std::optional<double> service_level_target(const sim::ContactType& type) {
  if (!type.targets.service_level) return std::nullopt;
  return type.targets.service_level->at_least;
}
std::optional<double> abandon_target(const sim::ContactType& type) {
  return type.targets.max_abandon;
}
std::optional<double> asa_target(const sim::ContactType& type) {
  return type.targets.max_asa_s;
}

HtmlSection compare_plans_section(const std::vector<ComparedPlan>& plans,
                                  const sim::Comparison& comparison) {
  bool costs = false;
  for (const auto& p : plans) costs = costs || any_cost(*p.scenario);
  HtmlSection section;
  section.title = "Plans";
  section.note = "Over the whole horizon. Differences are paired, plan minus " + plans[0].name +
                 " replication by replication under common random numbers; * where their 95% "
                 "interval excludes 0. A target is met when its whole interval is on the right "
                 "side of it, over the horizon and in every interval.";
  HtmlTable summary;
  summary.caption = "Plans";
  summary.header = {"plan", "source", "agent-hours"};
  if (costs) summary.header.push_back("cost");
  summary.header.push_back("agent-hours \u2212 " + plans[0].name);
  if (costs) summary.header.push_back("cost \u2212 " + plans[0].name);
  summary.header.push_back("targets met");
  std::vector<std::vector<TargetOutcome>> outcomes;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const sim::Results& r = comparison.plans[p];
    outcomes.push_back(target_outcomes(plans[p].name, *plans[p].scenario, r));
    std::vector<std::string> row{plans[p].name, plans[p].source,
                                 estimate_text(r.agent_hours, ValueUnit::count)};
    if (costs) {
      row.push_back(any_cost(*plans[p].scenario) ? estimate_text(r.cost, ValueUnit::count) : "-");
    }
    const sim::Results* d = p > 0 ? &comparison.differences[p - 1] : nullptr;
    row.push_back(d ? compare_difference_text(d->agent_hours, ValueUnit::count) : "");
    if (costs) row.push_back(d ? compare_difference_text(d->cost, ValueUnit::count) : "");
    row.push_back(outcomes.back().empty() ? "-" : all_met(outcomes.back()) ? "yes" : "no");
    summary.rows.push_back(std::move(row));
  }
  section.tables.push_back(summary);

  HtmlTable verdicts;
  verdicts.caption =
      "Targets (over the horizon and in every interval; missed 3/28: missed in 3 "
      "of the 28 intervals with contacts)";
  verdicts.header = {"target"};
  for (const auto& p : plans) verdicts.header.push_back(p.name);
  std::vector<std::string> labels;
  for (const auto& plan_outcomes : outcomes) {
    for (const auto& o : plan_outcomes) {
      const std::string label = o.type + " " + o.label;
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
    }
  }
  for (const auto& label : labels) {
    std::vector<std::string> row{label};
    for (const auto& plan_outcomes : outcomes) {
      std::string cell = "-";
      for (const auto& o : plan_outcomes) {
        if (o.type + " " + o.label != label) continue;
        cell = verdict_word(o.verdict);
        if (o.intervals_missed > 0) {
          cell += " " + std::to_string(o.intervals_missed) + "/" + std::to_string(o.intervals);
        }
      }
      row.push_back(cell);
    }
    verdicts.rows.push_back(std::move(row));
  }
  if (!labels.empty()) section.tables.push_back(verdicts);

  HtmlChart hours;
  hours.id = "plans-cost";
  hours.title = costs ? "Agent-hours and cost per plan" : "Agent-hours per plan";
  hours.note =
      "Over the whole horizon, mean over the replications; the table gives the 95% "
      "confidence intervals.";
  hours.x_title = "plan";
  for (const auto& p : plans) hours.x_labels.push_back(p.name);
  hours.y = {"agent-hours", ValueUnit::count, 0.0, std::nullopt};
  std::vector<sim::Estimate> agent_hours, cost;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    agent_hours.push_back(comparison.plans[p].agent_hours);
    cost.push_back(any_cost(*plans[p].scenario)
                       ? comparison.plans[p].cost
                       : sim::Estimate{std::nan(""), std::nan(""), std::nan("")});
  }
  hours.series.push_back(estimate_series("agent-hours", agent_hours, false, palette_color(0)));
  hours.series.back().style = SeriesStyle::bar;
  if (costs) {
    hours.y2 = ChartAxis{"cost", ValueUnit::count, 0.0, std::nullopt};
    hours.series.push_back(estimate_series("cost", cost, false, palette_color(1)));
    hours.series.back().style = SeriesStyle::bar;
    hours.series.back().right_axis = true;
  }
  section.charts.push_back(hours);
  return section;
}

HtmlSection compare_type_section(const std::vector<ComparedPlan>& plans,
                                 const sim::Comparison& comparison, std::size_t t) {
  const sim::Scenario& first = *plans.front().scenario;
  const sim::ContactType& type = first.contact_types[t];
  const std::string id = "type" + std::to_string(t + 1);
  const std::size_t intervals = comparison.plans.front().by_type_interval.size();
  const std::vector<std::string> labels = interval_labels(first, intervals);
  const std::string x_title = interval_axis_title(first);
  const bool bands = plans.size() <= kMaxBandedPlans;
  const std::string sl_name = service_level_name(type);

  HtmlSection section;
  section.title = "Contact type " + type.name;
  section.note = std::string("Per interval, the plans overlaid (means over the replications") +
                 (bands ? ", with their 95% confidence intervals as bands" : "") +
                 "), then the paired differences to " + plans[0].name +
                 ". Contacts count in the interval in which they arrived.";

  struct Kpi {
    const char* name;
    sim::Estimate sim::ContactKpis::*kpi;
    ValueUnit unit;
  };
  const Kpi kpis[] = {{"offered", &sim::ContactKpis::offered, ValueUnit::count},
                      {"service level", &sim::ContactKpis::service_level, ValueUnit::percent},
                      {"abandon rate", &sim::ContactKpis::abandon_rate, ValueUnit::percent},
                      {"ASA", &sim::ContactKpis::asa_s, ValueUnit::seconds}};
  HtmlTable horizon;
  horizon.caption = type.name + " over the horizon (* significant)";
  horizon.header = {"KPI"};
  for (const auto& p : plans) horizon.header.push_back(p.name);
  for (std::size_t p = 1; p < plans.size(); ++p)
    horizon.header.push_back(difference_name(plans, p));
  for (const Kpi& k : kpis) {
    std::vector<std::string> row{k.kpi == &sim::ContactKpis::service_level ? sl_name : k.name};
    for (const auto& r : comparison.plans)
      row.push_back(estimate_text(r.by_type[t].*k.kpi, k.unit));
    for (const auto& d : comparison.differences) {
      row.push_back(compare_difference_text(d.by_type[t].*k.kpi, k.unit));
    }
    horizon.rows.push_back(std::move(row));
  }
  section.tables.push_back(horizon);

  auto overlaid = [&](const std::string& chart_id, const std::string& title,
                      sim::Estimate sim::ContactKpis::*kpi, bool fraction, const ChartAxis& y) {
    HtmlChart chart;
    chart.id = chart_id + "-" + id;
    chart.title = type.name + ": " + title + " per interval, per plan";
    chart.x_title = x_title;
    chart.x_labels = labels;
    chart.y = y;
    for (std::size_t p = 0; p < plans.size(); ++p) {
      chart.series.push_back(estimate_series(plans[p].name,
                                             interval_estimates(comparison.plans[p], t, kpi),
                                             fraction, palette_color(p)));
      if (!bands) {
        chart.series.back().ci_low.clear();
        chart.series.back().ci_high.clear();
      }
    }
    return chart;
  };
  section.charts.push_back(overlaid("offered", "offered contacts", &sim::ContactKpis::offered,
                                    false, {"contacts", ValueUnit::count, 0.0, std::nullopt}));
  HtmlChart service = overlaid("service-level", sl_name, &sim::ContactKpis::service_level, true,
                               {"service level", ValueUnit::percent, 0.0, 1.0});
  service.targets = plan_targets(plans, t, ">=", ValueUnit::percent, service_level_target);
  section.charts.push_back(service);
  HtmlChart abandon = overlaid("abandon-rate", "abandon rate", &sim::ContactKpis::abandon_rate,
                               true, {"abandon rate", ValueUnit::percent, 0.0, std::nullopt});
  abandon.targets = plan_targets(plans, t, "<=", ValueUnit::percent, abandon_target);
  section.charts.push_back(abandon);
  HtmlChart asa = overlaid("asa", "ASA (mean wait of the answered)", &sim::ContactKpis::asa_s,
                           false, {"ASA", ValueUnit::seconds, 0.0, std::nullopt});
  asa.targets = plan_targets(plans, t, "<=", ValueUnit::seconds, asa_target);
  section.charts.push_back(asa);

  auto differences = [&](const std::string& chart_id, const std::string& title,
                         sim::Estimate sim::ContactKpis::*kpi, const std::string& axis) {
    HtmlChart chart;
    chart.id = chart_id + "-" + id;
    chart.title = type.name + ": " + title + ", difference to " + plans[0].name + " per interval";
    chart.note = "Paired by replication (common random numbers): plan minus " + plans[0].name +
                 ", in percentage points, with the 95% confidence interval as a band. Where the "
                 "band leaves the zero line the difference is significant.";
    chart.x_title = x_title;
    chart.x_labels = labels;
    chart.y = {axis, ValueUnit::percent, std::nullopt, std::nullopt};
    for (std::size_t p = 1; p < plans.size(); ++p) {
      ChartSeries s;
      s.label = difference_name(plans, p);
      s.color = palette_color(p);
      TableColumn significant{difference_name(plans, p) + " significant", {}};
      for (const auto& interval : comparison.differences[p - 1].by_type_interval) {
        const sim::Estimate& e = interval[t].*kpi;
        s.values.push_back(e.mean);
        s.ci_low.push_back(e.ci_low);
        s.ci_high.push_back(e.ci_high);
        significant.values.push_back(sim::significant(e) ? "yes" : "");
      }
      chart.series.push_back(std::move(s));
      chart.table_columns.push_back(std::move(significant));
    }
    chart.targets.push_back({"no difference", 0.0, kZeroColor, false});
    return chart;
  };
  section.charts.push_back(differences("service-level-difference", sl_name,
                                       &sim::ContactKpis::service_level,
                                       "service level difference"));
  section.charts.push_back(differences("abandon-rate-difference", "abandon rate",
                                       &sim::ContactKpis::abandon_rate, "abandon rate difference"));
  return section;
}

HtmlSection compare_groups_section(const std::vector<ComparedPlan>& plans,
                                   const sim::Comparison& comparison) {
  const sim::Scenario& first = *plans.front().scenario;
  const bool shared = plans_share_groups(plans, comparison);
  HtmlSection section;
  section.title = "Agent groups";
  section.note = shared ? "Occupancy is busy agent-time / on-duty agent-time, by clock time."
                        : "The plans have different agent groups: their groups over the horizon "
                          "only (each plan's run report shows them per interval).";
  HtmlTable table;
  table.caption = "Agent groups over the horizon";
  table.header = {"plan", "agent group", "occupancy", "handled", "agent-hours"};
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const auto& groups = plans[p].scenario->agent_groups;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const sim::GroupKpis& k = comparison.plans[p].by_group[g];
      table.rows.push_back({plans[p].name, groups[g].name,
                            estimate_text(k.occupancy, ValueUnit::percent),
                            estimate_text(k.handled, ValueUnit::count),
                            estimate_text(k.agent_hours, ValueUnit::count)});
    }
  }
  section.tables.push_back(table);
  if (!shared) return section;

  const std::size_t intervals = comparison.plans.front().by_group_interval.size();
  const std::vector<std::string> labels = interval_labels(first, intervals);
  const bool bands = plans.size() <= kMaxBandedPlans;
  for (std::size_t g = 0; g < first.agent_groups.size(); ++g) {
    const std::string& name = first.agent_groups[g].name;
    HtmlChart agents;
    agents.id = "agents-group" + std::to_string(g + 1);
    agents.title = name + ": agents on duty per interval, per plan";
    agents.note = "Each plan's staffing of the group (0 where it is closed).";
    agents.x_title = interval_axis_title(first);
    agents.x_labels = labels;
    agents.y = {"agents", ValueUnit::count, 0.0, std::nullopt};
    HtmlChart occupancy;
    occupancy.id = "occupancy-group" + std::to_string(g + 1);
    occupancy.title = name + ": occupancy per interval, per plan";
    occupancy.x_title = agents.x_title;
    occupancy.x_labels = labels;
    occupancy.y = {"occupancy", ValueUnit::percent, 0.0, 1.0};
    for (std::size_t p = 0; p < plans.size(); ++p) {
      ChartSeries on;
      on.label = plans[p].name;
      on.values = on_duty(plans[p].scenario->agent_groups[g], intervals);
      on.color = palette_color(p);
      on.style = SeriesStyle::step;
      agents.series.push_back(std::move(on));
      std::vector<sim::Estimate> estimates;
      for (const auto& interval : comparison.plans[p].by_group_interval) {
        estimates.push_back(interval[g].occupancy);
      }
      occupancy.series.push_back(estimate_series(plans[p].name, estimates, true, palette_color(p)));
      if (!bands) {
        occupancy.series.back().ci_low.clear();
        occupancy.series.back().ci_high.clear();
      }
    }
    section.charts.push_back(std::move(agents));
    section.charts.push_back(std::move(occupancy));
  }
  return section;
}

}  // namespace

HtmlPage compare_report_page(const std::vector<ComparedPlan>& plans,
                             const sim::Comparison& comparison) {
  const sim::Scenario& first = *plans.front().scenario;
  const sim::Results& base = comparison.plans.front();
  const sim::Horizon& h = first.horizon;
  HtmlPage page;
  page.title = "staffsim compare: " + first.name;
  std::string names;
  for (std::size_t p = 0; p < plans.size(); ++p) names += (p > 0 ? ", " : "") + plans[p].name;
  page.facts = {
      {"Plans", std::to_string(plans.size()) + ": " + names},
      {"Horizon", std::to_string(h.days) + (h.days == 1 ? " day" : " days") + " of " +
                      std::to_string(h.intervals_per_day) + " intervals of " +
                      format_duration(h.interval_s) + " from " + format_clock(h.day_start_s)},
      {"Runs", std::to_string(base.replications) + " replications per plan, seed " +
                   std::to_string(base.seed) +
                   ", common random numbers: every plan sees the same callers"},
      {"Differences", "plan minus " + plans[0].name +
                          ", paired by replication; significant where the 95% confidence "
                          "interval excludes 0"},
  };
  page.sections.push_back(compare_plans_section(plans, comparison));
  for (std::size_t t = 0; t < first.contact_types.size(); ++t) {
    page.sections.push_back(compare_type_section(plans, comparison, t));
  }
  page.sections.push_back(compare_groups_section(plans, comparison));
  page.footer = "The same figures over the horizon are in compare.json (README, staffsim compare).";
  return page;
}

std::string render_compare_report_html(const std::vector<ComparedPlan>& plans,
                                       const sim::Comparison& comparison) {
  return render_html_page(compare_report_page(plans, comparison));
}

std::string render_compare_table(const std::vector<ComparedPlan>& plans,
                                 const sim::Comparison& comparison) {
  const sim::Scenario& first = *plans.front().scenario;
  const sim::Results& base = comparison.plans.front();
  const Widths w(plans);
  const std::size_t kPlanWidth = w.plan;
  const std::size_t kDifferenceWidth = w.difference;
  std::string out;
  out += "Plans:    " + std::to_string(plans.size()) + ", each " +
         std::to_string(base.replications) + " replications with seed " +
         std::to_string(base.seed) + " (common random numbers)\n";
  for (std::size_t p = 0; p < plans.size(); ++p) {
    out += "  " + pad_right(std::to_string(p + 1), 3) + pad_right(plans[p].name, w.plan) + "  " +
           plans[p].source + "\n";
  }
  out += "Figures:  mean ±95% half-width; differences are paired, plan minus " +
         plans.front().name + ", * where the interval excludes 0\n";
  for (std::size_t c = 0; c < first.contact_types.size(); ++c) {
    const sim::ContactType& type = first.contact_types[c];
    out += "\n" + header_line("Contact type " + type.name, plans);
    bool issues = false;
    for (const auto& p : plans) issues = issues || tracks_issues(*p.scenario, c);
    for (const Row& row : kRows) {
      if (row.issues && !issues) continue;
      std::string label = row.label;
      if (row.kpi == &sim::ContactKpis::service_level) {
        const auto sl = type.targets.service_level.value_or(sim::ServiceLevelTarget{});
        label += " " + format_duration(sl.within_s);
      }
      std::string line = "  " + pad_right(label, kLabelWidth);
      for (const auto& r : comparison.plans) {
        line += pad_left(plan_cell(r.by_type[c].*row.kpi, row.unit), kPlanWidth);
      }
      for (const auto& d : comparison.differences) {
        line += pad_left(difference_cell(d.by_type[c].*row.kpi, row.unit), kDifferenceWidth);
      }
      out += line + "\n";
    }
  }
  out += "\n" + header_line("Totals", plans);
  auto total_line = [&](const std::string& label, sim::Estimate sim::Results::*what) {
    std::string line = "  " + pad_right(label, kLabelWidth);
    for (const auto& r : comparison.plans)
      line += pad_left(plan_cell(r.*what, Unit::count), kPlanWidth);
    for (const auto& d : comparison.differences) {
      line += pad_left(difference_cell(d.*what, Unit::count), kDifferenceWidth);
    }
    out += line + "\n";
  };
  total_line("agent-hours", &sim::Results::agent_hours);
  bool costs = false;
  for (const auto& p : plans) costs = costs || any_cost(*p.scenario);
  if (costs) total_line("cost", &sim::Results::cost);

  // Targets: one line per target of the first plan's types, the verdict of each plan.
  std::vector<std::vector<TargetOutcome>> outcomes;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    outcomes.push_back(target_outcomes(plans[p].name, *plans[p].scenario, comparison.plans[p]));
  }
  out += "\nTargets (over the horizon and in every interval)\n";
  std::vector<std::string> labels;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    for (const auto& o : outcomes[p]) {
      const std::string label = o.type + " " + o.label;
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
    }
  }
  const std::size_t width = 36;
  std::string line = "  " + pad_right("", width);
  for (const auto& p : plans) line += pad_left(p.name, kPlanWidth);
  out += line + "\n";
  for (const auto& label : labels) {
    line = "  " + pad_right(label, width);
    for (std::size_t p = 0; p < plans.size(); ++p) {
      std::string cell = "-";
      for (const auto& o : outcomes[p]) {
        if (o.type + " " + o.label != label) continue;
        cell = verdict_word(o.verdict);
        if (o.intervals_missed > 0) {
          cell +=
              " (" + std::to_string(o.intervals_missed) + "/" + std::to_string(o.intervals) + ")";
        }
      }
      line += pad_left(cell, kPlanWidth);
    }
    out += line + "\n";
  }
  line = "  " + pad_right("all targets met", width);
  for (const auto& o : outcomes) line += pad_left(all_met(o) ? "yes" : "no", kPlanWidth);
  out += line + "\n";
  out += "  (missed (3/28): missed in 3 of the 28 intervals with calls)\n";
  // No trailing blanks (the difference column pads where no * stands).
  std::string trimmed;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::size_t last = out.find_last_not_of(' ', end == start ? start : end - 1);
    trimmed += out.substr(start, last == std::string::npos || last < start ? 0 : last + 1 - start);
    trimmed += "\n";
    start = end + 1;
  }
  return trimmed;
}

std::string render_compare_json(const std::vector<ComparedPlan>& plans,
                                const sim::Comparison& comparison) {
  Json root;
  root["replications"] = comparison.plans.front().replications;
  root["seed"] = comparison.plans.front().seed;
  Json plan_list = Json::array();
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const sim::Scenario& scenario = *plans[p].scenario;
    const sim::Results& r = comparison.plans[p];
    const auto outcomes = target_outcomes(plans[p].name, scenario, r);
    Json plan;
    plan["name"] = plans[p].name;
    plan["source"] = plans[p].source;
    plan["agent_hours"] = estimate_json(r.agent_hours, false);
    plan["cost"] = any_cost(scenario) ? estimate_json(r.cost, false) : Json(nullptr);
    plan["targets_met"] = all_met(outcomes);
    Json targets = Json::array();
    for (const auto& o : outcomes) {
      targets.push_back({{"contact_type", o.type},
                         {"target", o.target},
                         {"label", o.label},
                         {"verdict", verdict_word(o.verdict)},
                         {"horizon", verdict_word(o.horizon)},
                         {"intervals", o.intervals},
                         {"intervals_missed", o.intervals_missed},
                         {"intervals_uncertain", o.intervals_uncertain}});
    }
    plan["targets"] = targets;
    Json types = Json::object();
    for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
      types[scenario.contact_types[c].name] = contact_json(scenario, c, r.by_type[c]);
    }
    plan["contact_types"] = types;
    Json groups = Json::object();
    for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
      groups[scenario.agent_groups[g].name] = group_json(scenario, g, r.by_group[g]);
    }
    plan["agent_groups"] = groups;
    plan_list.push_back(plan);
  }
  root["plans"] = plan_list;
  Json differences = Json::array();
  for (std::size_t p = 1; p < plans.size(); ++p) {
    const sim::Scenario& scenario = *plans[p].scenario;
    const sim::Results& d = comparison.differences[p - 1];
    Json entry;
    entry["plan"] = plans[p].name;
    entry["versus"] = plans.front().name;
    entry["agent_hours"] = difference_json(d.agent_hours);
    entry["cost"] = std::isfinite(d.cost.mean) ? difference_json(d.cost) : Json(nullptr);
    Json types = Json::object();
    for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
      Json kpis;
      for (const auto& kpi : kContactKpis)
        kpis[kpi.name] = difference_json(d.by_type[c].*kpi.estimate);
      if (tracks_issues(scenario, c) || tracks_issues(*plans.front().scenario, c)) {
        for (const auto& kpi : kIssueKpis) {
          kpis[kpi.name] = difference_json(d.by_type[c].*kpi.estimate);
        }
      }
      types[scenario.contact_types[c].name] = kpis;
    }
    entry["contact_types"] = types;
    if (!d.by_group.empty()) {
      Json groups = Json::object();
      for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
        const sim::GroupKpis& k = d.by_group[g];
        Json group{{"occupancy", difference_json(k.occupancy)},
                   {"handled", difference_json(k.handled)},
                   {"agent_hours", difference_json(k.agent_hours)}};
        if (std::isfinite(k.cost.mean)) group["cost"] = difference_json(k.cost);
        groups[scenario.agent_groups[g].name] = group;
      }
      entry["agent_groups"] = groups;
    }
    differences.push_back(entry);
  }
  root["differences"] = differences;
  return root.dump(2) + "\n";
}

}  // namespace staffsim::tools
