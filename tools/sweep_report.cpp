#include "tools/sweep_report.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include "tools/report_common.hpp"
#include "tools/report_html.hpp"
#include "tools/target_check.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

Json estimate_plain(const sim::Estimate& e) {
  return Json{{"mean", e.mean}, {"ci_low", e.ci_low}, {"ci_high", e.ci_high}};
}

std::string csv_value(double v) {
  return std::isfinite(v) ? printf_string("%.10g", v) : "";
}

const sim::Scenario& sweep_scenario(const Sweep& sweep) {
  return *sweep.points.front().scenario;
}

// --- report.html -------------------------------------------------------------------------------

// The values of the first axis as numbers, when every one is a plain number; else empty.
std::vector<double> numeric_values(const SweepAxis& axis) {
  std::vector<double> numbers;
  for (const auto& value : axis.values) {
    try {
      numbers.push_back(parse_number(value));
    } catch (const std::exception&) {
      return {};
    }
  }
  return numbers;
}

// "frontline.staffing=12, calls.arrivals.factor=1.1": the values of every axis but the first at
// point k.
std::string other_values(const Sweep& sweep, const SweepPoint& point) {
  std::string text;
  for (std::size_t a = 1; a < sweep.axes.size(); ++a) {
    text += (a > 1 ? ", " : "") + sweep.axes[a].path + "=" + point.values[a];
  }
  return text;
}

// "9, 10, 11, 12" or, for many values, "9, 10, ..., 30 (22 values)".
std::string values_text(const SweepAxis& axis) {
  const auto& v = axis.values;
  std::string text;
  if (v.size() <= 8) {
    for (std::size_t i = 0; i < v.size(); ++i) text += (i > 0 ? ", " : "") + v[i];
    return text;
  }
  return v[0] + ", " + v[1] + ", ..., " + v.back() + " (" + std::to_string(v.size()) + " values)";
}

HtmlSection sweep_frontier_section(const Sweep& sweep) {
  const sim::Scenario& first = sweep_scenario(sweep);
  const std::string cost_name = sweep.costs ? "cost" : "agent-hours";
  HtmlSection section;
  section.title = "Cost and service level";
  section.note =
      "Each point is the scenario with the values of its row written in. The lowest "
      "service level is the lowest over the contact types. On the frontier: no other "
      "point has both a lower " +
      cost_name +
      " and a higher lowest service level. Targets met: every target over the "
      "horizon and in every interval.";

  HtmlTable table;
  table.caption = "Every point";
  for (const auto& axis : sweep.axes) table.header.push_back(axis.path);
  table.header.push_back("agent-hours");
  if (sweep.costs) table.header.push_back("cost");
  table.header.push_back("lowest service level");
  for (const auto& type : first.contact_types) {
    table.header.push_back(type.name + " " + service_level_name(type));
    table.header.push_back(type.name + " abandon rate");
  }
  table.header.push_back("targets met");
  table.header.push_back("frontier");
  for (const SweepPoint& point : sweep.points) {
    std::vector<std::string> row = point.values;
    row.push_back(estimate_text(point.results->agent_hours, ValueUnit::count));
    if (sweep.costs) row.push_back(estimate_text(point.results->cost, ValueUnit::count));
    row.push_back(format_value(point.worst_service_level, ValueUnit::percent));
    for (const auto& k : point.results->by_type) {
      row.push_back(format_value(k.service_level.mean, ValueUnit::percent));
      row.push_back(format_value(k.abandon_rate.mean, ValueUnit::percent));
    }
    row.push_back(!point.targets_met ? "-" : *point.targets_met ? "yes" : "no");
    row.push_back(point.frontier ? "yes" : "");
    table.rows.push_back(std::move(row));
  }
  section.tables.push_back(table);

  HtmlChart chart;
  chart.id = "frontier";
  chart.title = "Lowest service level against " + cost_name;
  chart.note =
      "Every point of the sweep (means over the replications); the frontier points "
      "joined from the cheapest up. The table above names each point.";
  chart.x_numeric = ChartAxis{cost_name, ValueUnit::count, std::nullopt, std::nullopt};
  chart.y = {"lowest service level", ValueUnit::percent, std::nullopt, 1.0};
  ChartSeries all;
  all.label = "every point";
  all.color = palette_color(0);
  all.style = SeriesStyle::points;
  std::vector<std::size_t> on;
  for (std::size_t k = 0; k < sweep.points.size(); ++k) {
    all.x.push_back(sweep.points[k].frontier_cost);
    all.values.push_back(sweep.points[k].worst_service_level);
    if (sweep.points[k].frontier) on.push_back(k);
  }
  std::stable_sort(on.begin(), on.end(), [&sweep](std::size_t a, std::size_t b) {
    return sweep.points[a].frontier_cost < sweep.points[b].frontier_cost;
  });
  ChartSeries line;
  line.label = "frontier";
  line.color = palette_color(3);
  line.style = SeriesStyle::line;
  for (std::size_t k : on) {
    line.x.push_back(sweep.points[k].frontier_cost);
    line.values.push_back(sweep.points[k].worst_service_level);
  }
  chart.series = {all, line};
  // One line per service-level target, naming the types that have it.
  std::vector<std::pair<double, std::string>> targets;
  for (const auto& type : first.contact_types) {
    if (!type.targets.service_level) continue;
    const double at_least = type.targets.service_level->at_least;
    auto same = std::find_if(targets.begin(), targets.end(),
                             [at_least](const auto& t) { return t.first == at_least; });
    if (same == targets.end()) {
      targets.push_back({at_least, type.name});
    } else {
      same->second += ", " + type.name;
    }
  }
  for (const auto& [value, names] : targets) {
    chart.targets.push_back(
        {names + " target >= " + format_value(value, ValueUnit::percent), value, "", false});
  }
  section.charts.push_back(chart);
  return section;
}

HtmlSection sweep_type_section(const Sweep& sweep, std::size_t t) {
  const sim::ContactType& type = sweep_scenario(sweep).contact_types[t];
  const SweepAxis& axis = sweep.axes.front();
  const std::size_t steps = axis.values.size();
  const std::size_t series_count = sweep.points.size() / steps;  // combinations of the others
  const std::vector<double> numbers = numeric_values(axis);
  const bool whole =
      std::all_of(numbers.begin(), numbers.end(), [](double x) { return x == std::round(x); });
  // The order of the first axis's values along x: by value on a numeric axis.
  std::vector<std::size_t> order(steps);
  std::iota(order.begin(), order.end(), 0);
  if (!numbers.empty()) {
    std::stable_sort(order.begin(), order.end(),
                     [&numbers](std::size_t a, std::size_t b) { return numbers[a] < numbers[b]; });
  }

  HtmlSection section;
  section.title = "Contact type " + type.name;
  section.note = "Against " + axis.path +
                 (series_count > 1 ? "; one line per value of the other varied fields" : "") +
                 ". Means over the replications" +
                 (series_count <= 3 ? "; the bands are their 95% confidence intervals." : ".");

  auto chart_of = [&](const std::string& id, const std::string& title, const std::string& name,
                      sim::Estimate sim::ContactKpis::*kpi, const ChartAxis& y) {
    HtmlChart chart;
    chart.id = id + "-type" + std::to_string(t + 1);
    chart.title = type.name + ": " + title + " against " + axis.path;
    chart.x_title = axis.path;
    if (numbers.empty()) {
      chart.x_labels = axis.values;
    } else {
      chart.x_numeric = ChartAxis{axis.path, whole ? ValueUnit::count : ValueUnit::ratio,
                                  std::nullopt, std::nullopt};
    }
    chart.y = y;
    for (std::size_t r = 0; r < series_count; ++r) {
      std::vector<sim::Estimate> estimates;
      std::vector<double> xs;
      for (std::size_t i : order) {
        estimates.push_back(sweep.points[i * series_count + r].results->by_type[t].*kpi);
        if (!numbers.empty()) xs.push_back(numbers[i]);
      }
      const SweepPoint& sample = sweep.points[r];
      ChartSeries s = estimate_series(series_count > 1 ? other_values(sweep, sample) : name,
                                      estimates, true, palette_color(series_count > 1 ? r : t));
      s.x = xs;
      if (series_count > 3) {
        s.ci_low.clear();
        s.ci_high.clear();
      }
      chart.series.push_back(std::move(s));
    }
    return chart;
  };

  HtmlChart service =
      chart_of("service-level", service_level_name(type), service_level_name(type),
               &sim::ContactKpis::service_level, {"service level", ValueUnit::percent, 0.0, 1.0});
  if (type.targets.service_level) {
    const double at_least = type.targets.service_level->at_least;
    service.targets.push_back(
        {"target >= " + format_value(at_least, ValueUnit::percent), at_least, "", false});
  }
  section.charts.push_back(service);
  HtmlChart abandon =
      chart_of("abandon-rate", "abandon rate", "abandon rate", &sim::ContactKpis::abandon_rate,
               {"abandon rate", ValueUnit::percent, 0.0, std::nullopt});
  if (type.targets.max_abandon) {
    abandon.targets.push_back(
        {"target <= " + format_value(*type.targets.max_abandon, ValueUnit::percent),
         *type.targets.max_abandon, "", false});
  }
  section.charts.push_back(abandon);
  return section;
}

}  // namespace

double worst_service_level(const sim::Results& results) {
  double worst = std::nan("");
  for (const auto& k : results.by_type) {
    if (std::isfinite(k.service_level.mean) && !(worst <= k.service_level.mean)) {
      worst = k.service_level.mean;
    }
  }
  return worst;
}

std::vector<bool> frontier_points(const std::vector<double>& cost,
                                  const std::vector<double>& level) {
  std::vector<bool> on(cost.size(), true);
  for (std::size_t i = 0; i < cost.size(); ++i) {
    if (!std::isfinite(cost[i]) || !std::isfinite(level[i])) {
      on[i] = false;
      continue;
    }
    for (std::size_t j = 0; j < cost.size() && on[i]; ++j) {
      if (j == i || !std::isfinite(cost[j]) || !std::isfinite(level[j])) continue;
      const bool no_worse = cost[j] <= cost[i] && level[j] >= level[i];
      const bool better = cost[j] < cost[i] || level[j] > level[i];
      if (no_worse && better) on[i] = false;
    }
  }
  return on;
}

Sweep make_sweep(std::vector<SweepAxis> axes, const std::vector<std::vector<std::string>>& values,
                 const std::vector<const sim::Scenario*>& scenarios,
                 const sim::Comparison& comparison) {
  Sweep sweep;
  sweep.axes = std::move(axes);
  sweep.replications = comparison.plans.front().replications;
  sweep.seed = comparison.plans.front().seed;
  for (const auto* scenario : scenarios) sweep.costs = sweep.costs || any_cost(*scenario);
  std::vector<double> cost, level;
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    const sim::Results& r = comparison.plans[k];
    SweepPoint point;
    point.values = values[k];
    point.scenario = scenarios[k];
    point.results = &r;
    point.frontier_cost = sweep.costs ? r.cost.mean : r.agent_hours.mean;
    point.worst_service_level = worst_service_level(r);
    const auto outcomes = target_outcomes("", *scenarios[k], r);
    if (!outcomes.empty()) point.targets_met = all_met(outcomes);
    cost.push_back(point.frontier_cost);
    level.push_back(point.worst_service_level);
    sweep.points.push_back(std::move(point));
  }
  const std::vector<bool> on = frontier_points(cost, level);
  for (std::size_t k = 0; k < sweep.points.size(); ++k) sweep.points[k].frontier = on[k];
  return sweep;
}

std::string render_sweep_json(const Sweep& sweep) {
  const sim::Scenario& first = sweep_scenario(sweep);
  Json root;
  Json vary = Json::array();
  for (const auto& a : sweep.axes) vary.push_back({{"field", a.path}, {"values", a.values}});
  root["vary"] = vary;
  root["replications"] = sweep.replications;
  root["seed"] = sweep.seed;
  root["frontier_cost"] = sweep.costs ? "cost" : "agent_hours";
  Json list = Json::array();
  for (const SweepPoint& p : sweep.points) {
    const sim::Results& r = *p.results;
    Json point;
    Json values = Json::object();
    for (std::size_t a = 0; a < sweep.axes.size(); ++a) values[sweep.axes[a].path] = p.values[a];
    point["values"] = values;
    point["agent_hours"] = estimate_plain(r.agent_hours);
    point["cost"] = sweep.costs ? estimate_plain(r.cost) : Json(nullptr);
    point["worst_service_level"] = p.worst_service_level;
    point["targets_met"] = p.targets_met ? Json(*p.targets_met) : Json(nullptr);
    point["frontier"] = p.frontier;
    Json types = Json::object();
    for (std::size_t c = 0; c < first.contact_types.size(); ++c) {
      types[first.contact_types[c].name] = contact_json(*p.scenario, c, r.by_type[c]);
    }
    point["contact_types"] = types;
    list.push_back(point);
  }
  root["points"] = list;
  return root.dump(2) + "\n";
}

std::string render_sweep_csv(const Sweep& sweep) {
  const sim::Scenario& first = sweep_scenario(sweep);
  std::string csv;
  for (const auto& a : sweep.axes) csv += a.path + ",";
  csv += "agent_hours,agent_hours_ci_low,agent_hours_ci_high";
  if (sweep.costs) csv += ",cost,cost_ci_low,cost_ci_high";
  for (const auto& type : first.contact_types) {
    for (const char* kpi : {"service_level", "abandon_rate", "asa_s"}) {
      const std::string name = type.name + "." + kpi;
      csv += "," + name + "," + name + "_ci_low," + name + "_ci_high";
    }
  }
  csv += ",targets_met,frontier\n";
  for (const SweepPoint& p : sweep.points) {
    const sim::Results& r = *p.results;
    std::string row;
    for (const auto& v : p.values) row += v + ",";
    auto add = [&row](const sim::Estimate& e) {
      row += csv_value(e.mean) + "," + csv_value(e.ci_low) + "," + csv_value(e.ci_high);
    };
    add(r.agent_hours);
    if (sweep.costs) {
      row += ",";
      add(r.cost);
    }
    for (const auto& k : r.by_type) {
      for (auto kpi : {&sim::ContactKpis::service_level, &sim::ContactKpis::abandon_rate,
                       &sim::ContactKpis::asa_s}) {
        row += ",";
        add(k.*kpi);
      }
    }
    row += std::string(",") +
           (!p.targets_met   ? ""
            : *p.targets_met ? "true"
                             : "false") +
           "," + (p.frontier ? "true" : "false");
    csv += row + "\n";
  }
  return csv;
}

std::string render_sweep_table(const Sweep& sweep) {
  const sim::Scenario& first = sweep_scenario(sweep);
  std::string out = "Sweep:    ";
  for (std::size_t a = 0; a < sweep.axes.size(); ++a) {
    out += (a > 0 ? " x " : "") + sweep.axes[a].path + " (" +
           std::to_string(sweep.axes[a].values.size()) + " values)";
  }
  out += "; " + std::to_string(sweep.points.size()) + " points, each " +
         std::to_string(sweep.replications) + " replications with seed " +
         std::to_string(sweep.seed) + " (common random numbers)\n\n";
  std::string header;
  for (const auto& a : sweep.axes) {
    header += pad_left(a.path, std::max<std::size_t>(a.path.size(), 8) + 2);
  }
  header += pad_left("agent-hours", 13);
  if (sweep.costs) header += pad_left("cost", 12);
  for (const auto& type : first.contact_types) {
    header += pad_left(type.name + " SL", 14) + pad_left(type.name + " aband.", 14);
  }
  header += pad_left("targets", 9) + pad_left("frontier", 10);
  out += header + "\n";
  for (const SweepPoint& p : sweep.points) {
    const sim::Results& r = *p.results;
    std::string line;
    for (std::size_t a = 0; a < sweep.axes.size(); ++a) {
      line += pad_left(p.values[a], std::max<std::size_t>(sweep.axes[a].path.size(), 8) + 2);
    }
    line += pad_left(table_value(r.agent_hours.mean, Unit::count), 13);
    if (sweep.costs) line += pad_left(table_value(r.cost.mean, Unit::count), 12);
    for (const auto& kpis : r.by_type) {
      line += pad_left(table_value(kpis.service_level.mean, Unit::percent), 14);
      line += pad_left(table_value(kpis.abandon_rate.mean, Unit::percent), 14);
    }
    const std::string met = !p.targets_met ? "-" : *p.targets_met ? "met" : "not met";
    line += pad_left(met, 9) + pad_left(p.frontier ? "*" : "", 10);
    out += line + "\n";
  }
  out += "\nfrontier *: no other point has both a lower " +
         std::string(sweep.costs ? "cost" : "agent-hours") +
         " and a higher lowest service level; targets: every target met over the horizon and "
         "in every interval\n";
  return out;
}

HtmlPage sweep_report_page(const Sweep& sweep) {
  const sim::Scenario& first = sweep_scenario(sweep);
  HtmlPage page;
  page.title = "staffsim sweep: " + first.name;
  page.facts.push_back({"Scenario", first.name});
  for (const auto& axis : sweep.axes)
    page.facts.push_back({"Varied", axis.path + ": " + values_text(axis)});
  page.facts.push_back(
      {"Runs", std::to_string(sweep.points.size()) + " points, each " +
                   std::to_string(sweep.replications) + " replications with seed " +
                   std::to_string(sweep.seed) +
                   " (common random numbers: every point sees the same callers wherever its "
                   "values do not change them)"});
  page.sections.push_back(sweep_frontier_section(sweep));
  for (std::size_t t = 0; t < first.contact_types.size(); ++t) {
    page.sections.push_back(sweep_type_section(sweep, t));
  }
  page.footer = "The same figures are in sweep.json and sweep.csv (README, staffsim sweep).";
  return page;
}

std::string render_sweep_report_html(const Sweep& sweep) {
  return render_html_page(sweep_report_page(sweep));
}

}  // namespace staffsim::tools
