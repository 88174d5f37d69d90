#include "tools/run_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tools/datetime.hpp"
#include "tools/scenario_yaml.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

using Json = nlohmann::ordered_json;

std::string printf_string(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// --- table -----------------------------------------------------------------------------------

enum class Unit { count, percent, seconds };

std::string table_value(double value, Unit unit) {
  if (!std::isfinite(value)) return "-";
  switch (unit) {
    case Unit::percent:
      return printf_string("%.1f%%", value * 100.0);
    case Unit::seconds:
      return printf_string("%.1fs", value);
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

// "answered within 20s / offered", in the words of the definition.
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

// The interval truncated to the quantity's range: every KPI is >= 0, and fractions are <= 1. The
// engine's intervals are symmetric normal-theory intervals; cutting off the part outside the
// parameter space keeps their coverage.
sim::Estimate in_range(sim::Estimate e, bool fraction) {
  auto clip = [fraction](double x) {
    if (!std::isfinite(x)) return x;
    x = std::max(x, 0.0);
    return fraction ? std::min(x, 1.0) : x;
  };
  e.ci_low = clip(e.ci_low);
  e.ci_high = clip(e.ci_high);
  return e;
}

std::string kpi_line(const std::string& label, const sim::Estimate& raw, Unit unit,
                     const std::string& target = "") {
  const sim::Estimate e = in_range(raw, unit == Unit::percent);
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

Json estimate_json(const sim::Estimate& raw, bool fraction) {
  const sim::Estimate e = in_range(raw, fraction);
  return Json{{"mean", e.mean}, {"ci_low", e.ci_low}, {"ci_high", e.ci_high}};
}

std::string csv_number(double value) {
  if (!std::isfinite(value)) return "";
  return printf_string("%.10g", value);
}

void append_estimate(std::string& row, const sim::Estimate& raw, bool fraction) {
  const sim::Estimate e = in_range(raw, fraction);
  row += "," + csv_number(e.mean) + "," + csv_number(e.ci_low) + "," + csv_number(e.ci_high);
}

void append_estimate_header(std::string& header, const std::string& name) {
  header += "," + name + "," + name + "_ci_low," + name + "_ci_high";
}

// The seven KPIs of the summary and intervals.csv, in their documented order.
struct KpiColumn {
  const char* name;
  sim::Estimate sim::ContactKpis::*estimate;
  bool fraction;  // a share in [0, 1]
};
const KpiColumn kContactKpis[] = {
    {"offered", &sim::ContactKpis::offered, false},
    {"answered", &sim::ContactKpis::answered, false},
    {"abandoned", &sim::ContactKpis::abandoned, false},
    {"service_level", &sim::ContactKpis::service_level, true},
    {"asa_s", &sim::ContactKpis::asa_s, false},
    {"abandon_rate", &sim::ContactKpis::abandon_rate, true},
    {"wait_p90_s", &sim::ContactKpis::wait_p90_s, false},
};

std::string interval_start(const sim::Scenario& scenario, std::size_t interval) {
  const sim::Horizon& h = scenario.horizon;
  auto of_day = static_cast<double>(interval % static_cast<std::size_t>(h.intervals_per_day));
  return format_clock(h.day_start_s + of_day * h.interval_s);
}

std::string day_number(const sim::Scenario& scenario, std::size_t interval) {
  return std::to_string(1 +
                        interval / static_cast<std::size_t>(scenario.horizon.intervals_per_day));
}

}  // namespace

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
  }
  out += "\nAgent groups\n";
  out += "  " + pad_right("group", 16) + pad_left("agents", 8) + "  " + pad_right("occupancy", 30) +
         pad_left("handled", 10) + "  share by contact type\n";
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
    out += "  " + pad_right(scenario.agent_groups[g].name, 16) +
           pad_left(staffing_range(scenario.agent_groups[g].staffing), 8) + "  " +
           pad_right(occupancy, 30) + pad_left(table_value(k.handled.mean, Unit::count), 10) +
           "  " + shares + "\n";
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
    Json entry;
    for (const auto& kpi : kContactKpis)
      entry[kpi.name] = estimate_json(k.*kpi.estimate, kpi.fraction);
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
    types[type.name] = entry;
  }
  root["contact_types"] = types;
  Json groups = Json::object();
  for (std::size_t g = 0; g < scenario.agent_groups.size() && g < results.by_group.size(); ++g) {
    const sim::GroupKpis& k = results.by_group[g];
    Json entry;
    entry["occupancy"] = estimate_json(k.occupancy, true);
    entry["handled"] = estimate_json(k.handled, false);
    Json shares = Json::object();
    for (std::size_t t = 0; t < k.handled_share_by_type.size(); ++t) {
      shares[scenario.contact_types[t].name] = estimate_json(k.handled_share_by_type[t], true);
    }
    entry["handled_share"] = shares;
    groups[scenario.agent_groups[g].name] = entry;
  }
  root["agent_groups"] = groups;
  return root.dump(2) + "\n";
}

std::string render_intervals_csv(const sim::Scenario& scenario, const sim::Results& results) {
  std::string out = "day,interval_start,contact_type";
  for (const auto& kpi : kContactKpis) append_estimate_header(out, kpi.name);
  out += "\n";
  for (std::size_t i = 0; i < results.by_type_interval.size(); ++i) {
    for (std::size_t t = 0; t < scenario.contact_types.size(); ++t) {
      const sim::ContactKpis& k = results.by_type_interval[i][t];
      std::string row = day_number(scenario, i) + "," + interval_start(scenario, i) + "," +
                        scenario.contact_types[t].name;
      for (const auto& kpi : kContactKpis) append_estimate(row, k.*kpi.estimate, kpi.fraction);
      out += row + "\n";
    }
  }
  return out;
}

std::string render_groups_csv(const sim::Scenario& scenario, const sim::Results& results) {
  std::string out = "day,interval_start,group,agents";
  append_estimate_header(out, "occupancy");
  append_estimate_header(out, "handled");
  for (const auto& type : scenario.contact_types) out += ",handled_" + type.name;
  out += "\n";
  for (std::size_t i = 0; i < results.by_group_interval.size(); ++i) {
    for (std::size_t g = 0; g < scenario.agent_groups.size(); ++g) {
      const sim::GroupKpis& k = results.by_group_interval[i][g];
      const auto& staffing = scenario.agent_groups[g].staffing;
      std::string row = day_number(scenario, i) + "," + interval_start(scenario, i) + "," +
                        scenario.agent_groups[g].name + "," +
                        (i < staffing.size() ? std::to_string(staffing[i]) : "");
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
