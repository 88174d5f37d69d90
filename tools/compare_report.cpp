#include "tools/compare_report.hpp"

#include <algorithm>
#include <cmath>

#include "tools/report_common.hpp"
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
  const std::string mean = table_value(e.mean, unit);
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

}  // namespace

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
  return out;
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
