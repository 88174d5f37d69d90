#include "tools/plan_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "models/calendar.hpp"
#include "models/staffing.hpp"
#include "tools/cli_error.hpp"
#include "tools/datetime.hpp"
#include "tools/units.hpp"
#include "tools/yaml_reader.hpp"

namespace staffsim::tools {
namespace {

using Json = nlohmann::ordered_json;

std::string left_padded(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}
std::string right_padded(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string percent_text(double fraction) {
  return format_decimal(fraction * 100, 2) + "%";
}

// A duration as format_duration spells it, to a tenth of a second: "177s", "4m", "225.8s".
std::string seconds_text(double s) {
  return format_duration(std::round(s * 10) / 10);
}

std::string with_decimals(double value, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

const char* family_name(const sim::DurationDistribution& d) {
  static constexpr const char* kNames[] = {"exponential", "lognormal",     "gamma",
                                           "weibull",     "deterministic", "empirical"};
  return kNames[d.index()];
}

const char* definition_name(sim::ServiceLevelDefinition d) {
  switch (d) {
    case sim::ServiceLevelDefinition::offered:
      return "offered";
    case sim::ServiceLevelDefinition::answered:
      return "answered";
    case sim::ServiceLevelDefinition::exclude_short_abandons:
      return "exclude_short_abandons";
  }
  return "";
}

std::size_t day_of(const sim::Horizon& h, std::size_t interval) {
  return interval / static_cast<std::size_t>(h.intervals_per_day);
}

std::string clock_at(const sim::Horizon& h, std::size_t interval) {
  const auto of_day = static_cast<double>(interval % static_cast<std::size_t>(h.intervals_per_day));
  return format_clock(h.day_start_s + of_day * h.interval_s);
}

std::string date_of(const sim::Horizon& h, std::size_t day) {
  return format_local_date((*h.start_date + static_cast<std::int64_t>(day)) *
                           models::kSecondsPerDay);
}

// "07:00" for one day; "Mon 2003-10-13 07:00" or "day 2 07:00" for several.
std::string table_label(const sim::Horizon& h, std::size_t interval) {
  if (h.days == 1 && !h.start_date) return clock_at(h, interval);
  const std::size_t day = day_of(h, interval);
  if (h.start_date) {
    return std::string(weekday_short_name(h.weekday(static_cast<std::int64_t>(day)))) + " " +
           date_of(h, day) + " " + clock_at(h, interval);
  }
  return "day " + std::to_string(day + 1) + " " + clock_at(h, interval);
}

// The staffing file's interval_start: "2003-10-13T07:00" with a start date, else "07:00".
std::string csv_start(const sim::Horizon& h, std::size_t interval) {
  if (h.start_date) return date_of(h, day_of(h, interval)) + "T" + clock_at(h, interval);
  return clock_at(h, interval);
}

std::string targets_text(const sim::TypePlan& p, const sim::ContactType& type) {
  std::vector<std::string> parts;
  if (const auto& sl = type.targets.service_level) {
    parts.push_back("service level " + percent_text(sl->at_least) + " within " +
                    format_duration(sl->within_s) + " (" + definition_name(sl->definition) + ")");
  }
  if (type.targets.max_abandon && !p.abandon_target_left_out) {
    parts.push_back("abandon <= " + percent_text(*type.targets.max_abandon));
  }
  if (type.targets.max_asa_s) parts.push_back("ASA <= " + format_duration(*type.targets.max_asa_s));
  if (parts.empty()) return "no target";
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

// The types that list group g first.
std::vector<std::string> types_of_group(const sim::Scenario& s, const sim::ErlangPlan& plan,
                                        std::size_t g) {
  std::vector<std::string> names;
  for (std::size_t t = 0; t < plan.types.size(); ++t) {
    if (static_cast<std::size_t>(plan.types[t].group) == g) {
      names.push_back(s.contact_types[t].name);
    }
  }
  return names;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Agent-hours of one group over the horizon: required on duty, scheduled, on duty out of the
// scheduled; and the cost of the on-duty hours.
struct GroupTotals {
  double required_h = 0, scheduled_h = 0, on_duty_h = 0;
  std::optional<double> cost;
};

GroupTotals totals_of(const sim::Scenario& s, const sim::ErlangPlan& plan, std::size_t g) {
  const sim::AgentGroup& group = s.agent_groups[g];
  const double hours = s.horizon.interval_s / 3600.0;
  GroupTotals t;
  for (std::size_t i = 0; i < plan.scheduled[g].size(); ++i) {
    t.required_h += plan.required_on_duty[g][i] * hours;
    t.scheduled_h += plan.scheduled[g][i] * hours;
    t.on_duty_h += models::agents_on_duty(plan.scheduled[g][i], group.shrinkage) * hours;
  }
  if (group.cost_per_hour) t.cost = t.on_duty_h * *group.cost_per_hour;
  return t;
}

bool has_costs(const sim::Scenario& s) {
  return std::any_of(s.agent_groups.begin(), s.agent_groups.end(),
                     [](const sim::AgentGroup& g) { return g.cost_per_hour.has_value(); });
}

}  // namespace

std::vector<std::string> plan_notes(const sim::Scenario& s, const sim::ErlangPlan& plan) {
  std::vector<std::string> notes;
  bool unplanned_work = false;
  for (std::size_t t = 0; t < plan.types.size(); ++t) {
    const sim::TypePlan& p = plan.types[t];
    const sim::ContactType& type = s.contact_types[t];
    if (p.patience_not_exponential) {
      notes.push_back(type.name + ": Erlang A assumes exponential patience; it takes the mean of " +
                      "the type's " + family_name(*type.patience) + " patience, " +
                      seconds_text(p.patience_s));
    }
    if (p.service_level_as_offered) {
      notes.push_back(type.name +
                      ": the exclude_short_abandons service level is planned as offered (answered "
                      "within the threshold / offered), which needs at least as many agents");
    }
    if (p.abandon_target_left_out) {
      notes.push_back(type.name +
                      ": max_abandon is met without a solve: the type has no patience, so nobody "
                      "abandons");
    }
    const bool arrivals =
        std::any_of(p.rate_per_s.begin(), p.rate_per_s.end(), [](double r) { return r > 0; });
    if (!p.has_targets && arrivals) {
      notes.push_back(type.name + ": no target to plan for, so no agents are required for it; " +
                      "give it targets (service_level, max_abandon with patience, max_asa)");
    }
    unplanned_work = unplanned_work || type.issues || type.repeat;
  }
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    const sim::AgentGroup& group = s.agent_groups[g];
    if (types_of_group(s, plan, g).empty()) {
      notes.push_back("group " + group.name +
                      ": no contact type lists it first, so it requires 0 agents here (it takes "
                      "overflow, transfers, work orders or call-backs: size it by simulation)");
      continue;
    }
    std::size_t closed = 0;
    for (std::size_t i = 0; i < group.open.size() && i < plan.required_on_duty[g].size(); ++i) {
      if (group.open[i] == 0 && plan.required_on_duty[g][i] > 0) ++closed;
    }
    if (closed > 0) {
      notes.push_back("group " + group.name + ": its hours close it in " + std::to_string(closed) +
                      " interval(s) in which the types it serves first require agents; those "
                      "agents are in the plan, but the simulator keeps the group off duty");
    }
  }
  if (unplanned_work) {
    notes.push_back(
        "the plan covers the contacts that arrive; repeat calls, transfers, work orders, "
        "call-backs and audits come on top: simulate the plan to see them");
  }
  return notes;
}

std::string render_plan_table(const sim::Scenario& s, const sim::ErlangPlan& plan) {
  const sim::Horizon& h = s.horizon;
  std::string out = "Scenario: " + s.name + "\n";
  out += "Horizon:  " + std::to_string(h.days) + (h.days == 1 ? " day, " : " days, ") +
         format_clock(h.day_start_s) + " to " +
         format_clock(h.day_start_s + h.interval_s * h.intervals_per_day) + " in " +
         std::to_string(h.intervals_per_day) + " intervals of " + format_duration(h.interval_s) +
         "\n";
  out +=
      "Model:    each interval in its steady state: Erlang A for a type with patience, Erlang C\n"
      "          without; handle times and patience exponential with the types' means\n";
  std::size_t type_width = 0;
  for (const auto& type : s.contact_types) type_width = std::max(type_width, type.name.size());
  for (std::size_t t = 0; t < plan.types.size(); ++t) {
    const sim::TypePlan& p = plan.types[t];
    const sim::ContactType& type = s.contact_types[t];
    std::string model =
        p.model == models::QueueModel::erlang_a
            ? "Erlang A, AHT " + seconds_text(p.aht_s) + ", patience " + seconds_text(p.patience_s)
            : "Erlang C, AHT " + seconds_text(p.aht_s) + ", no abandons";
    out += "  " + right_padded(type.name, type_width) + "  " + model + "; " +
           targets_text(p, type) + "; to " +
           s.agent_groups[static_cast<std::size_t>(p.group)].name + "\n";
  }
  out +=
      "Groups:   required on duty: the sum over the types that list the group first;\n"
      "          scheduled: ceil(required / (1 - shrinkage))\n";
  std::size_t group_width = 0;
  for (const auto& group : s.agent_groups) group_width = std::max(group_width, group.name.size());
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    const auto types = types_of_group(s, plan, g);
    out +=
        "  " + right_padded(s.agent_groups[g].name, group_width) + "  shrinkage " +
        percent_text(s.agent_groups[g].shrinkage) + "; " +
        (types.empty() ? std::string("first for no contact type") : "first for " + joined(types)) +
        "\n";
  }

  // Per interval: each type's load and required agents, each group's required and scheduled.
  std::size_t label_width = std::string("interval").size();
  for (std::size_t i = 0; i < static_cast<std::size_t>(h.total_intervals()); ++i) {
    label_width = std::max(label_width, table_label(h, i).size());
  }
  std::vector<std::size_t> type_cols, group_cols;
  std::string names = right_padded("", label_width), heads = right_padded("interval", label_width);
  for (const auto& type : s.contact_types) {
    type_cols.push_back(std::max<std::size_t>(16, type.name.size() + 2));
    names += left_padded(type.name, type_cols.back());
    heads += left_padded("load", type_cols.back() - 8) + left_padded("agents", 8);
  }
  for (const auto& group : s.agent_groups) {
    group_cols.push_back(std::max<std::size_t>(22, group.name.size() + 2));
    names += left_padded(group.name, group_cols.back());
    heads += left_padded("required", group_cols.back() - 11) + left_padded("scheduled", 11);
  }
  out += "\n" + names + "\n" + heads + "\n";
  for (std::size_t i = 0; i < static_cast<std::size_t>(h.total_intervals()); ++i) {
    std::string line = right_padded(table_label(h, i), label_width);
    for (std::size_t t = 0; t < plan.types.size(); ++t) {
      const sim::TypePlan& p = plan.types[t];
      line += left_padded(with_decimals(p.rate_per_s[i] * p.aht_s, 2), type_cols[t] - 8) +
              left_padded(p.has_targets ? std::to_string(p.need[i].agents) : "-", 8);
    }
    for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
      line += left_padded(std::to_string(plan.required_on_duty[g][i]), group_cols[g] - 11) +
              left_padded(std::to_string(plan.scheduled[g][i]), 11);
    }
    out += line + "\n";
  }

  const bool costs = has_costs(s);
  out += "\nAgent-hours (on duty: what the simulator puts on duty out of the scheduled agents)\n";
  const std::size_t first = std::max<std::size_t>(group_width, 10) + 2;
  out += "  " + right_padded("group", first) + left_padded("required", 12) +
         left_padded("scheduled", 12) + left_padded("on duty", 12) +
         (costs ? left_padded("cost", 12) : "") + "\n";
  GroupTotals all;
  all.cost = costs ? std::optional<double>(0.0) : std::nullopt;
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    const GroupTotals t = totals_of(s, plan, g);
    all.required_h += t.required_h;
    all.scheduled_h += t.scheduled_h;
    all.on_duty_h += t.on_duty_h;
    if (t.cost) *all.cost += *t.cost;
    out += "  " + right_padded(s.agent_groups[g].name, first) +
           left_padded(with_decimals(t.required_h, 1), 12) +
           left_padded(with_decimals(t.scheduled_h, 1), 12) +
           left_padded(with_decimals(t.on_duty_h, 1), 12) +
           (costs ? left_padded(t.cost ? with_decimals(*t.cost, 1) : "-", 12) : "") + "\n";
  }
  out += "  " + right_padded("all groups", first) +
         left_padded(with_decimals(all.required_h, 1), 12) +
         left_padded(with_decimals(all.scheduled_h, 1), 12) +
         left_padded(with_decimals(all.on_duty_h, 1), 12) +
         (costs ? left_padded(with_decimals(*all.cost, 1), 12) : "") + "\n";
  return out;
}

std::string render_plan_json(const sim::Scenario& s, const sim::ErlangPlan& plan) {
  const sim::Horizon& h = s.horizon;
  Json root;
  root["scenario"] = s.name;
  root["horizon"] = Json{{"start", format_clock(h.day_start_s)},
                         {"interval_s", h.interval_s},
                         {"intervals_per_day", h.intervals_per_day},
                         {"days", h.days}};
  if (h.start_date) root["horizon"]["start_date"] = date_of(h, 0);
  Json types = Json::object();
  for (std::size_t t = 0; t < plan.types.size(); ++t) {
    const sim::TypePlan& p = plan.types[t];
    const sim::ContactType& type = s.contact_types[t];
    Json entry;
    entry["model"] = models::to_string(p.model);
    entry["group"] = s.agent_groups[static_cast<std::size_t>(p.group)].name;
    entry["aht_s"] = p.aht_s;
    if (p.model == models::QueueModel::erlang_a) entry["patience_s"] = p.patience_s;
    Json targets = Json::object();
    if (const auto& sl = p.targets.service_level) {
      targets["service_level"] = Json{{"within_s", sl->within_s},
                                      {"at_least", sl->at_least},
                                      {"definition", models::to_string(sl->basis)}};
    }
    if (p.targets.max_abandon) targets["max_abandon"] = *p.targets.max_abandon;
    if (p.targets.max_asa_s) targets["max_asa_s"] = *p.targets.max_asa_s;
    entry["targets"] = targets;
    double contacts = 0;
    for (double rate : p.rate_per_s) contacts += rate * h.interval_s;
    entry["offered"] = contacts;
    types[type.name] = entry;
  }
  root["contact_types"] = types;
  Json groups = Json::object();
  double required = 0, scheduled = 0, on_duty = 0, cost = 0;
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    const GroupTotals t = totals_of(s, plan, g);
    Json entry;
    entry["shrinkage"] = s.agent_groups[g].shrinkage;
    entry["contact_types"] = types_of_group(s, plan, g);
    entry["required_agent_hours"] = t.required_h;
    entry["scheduled_agent_hours"] = t.scheduled_h;
    entry["on_duty_agent_hours"] = t.on_duty_h;
    if (t.cost) entry["cost"] = *t.cost;
    groups[s.agent_groups[g].name] = entry;
    required += t.required_h;
    scheduled += t.scheduled_h;
    on_duty += t.on_duty_h;
    cost += t.cost.value_or(0.0);
  }
  root["agent_groups"] = groups;
  root["required_agent_hours"] = required;
  root["scheduled_agent_hours"] = scheduled;
  root["on_duty_agent_hours"] = on_duty;
  if (has_costs(s)) root["cost"] = cost;
  root["notes"] = plan_notes(s, plan);
  Json intervals = Json::array();
  for (std::size_t i = 0; i < static_cast<std::size_t>(h.total_intervals()); ++i) {
    Json row;
    row["day"] = day_of(h, i) + 1;
    if (h.start_date) row["date"] = date_of(h, day_of(h, i));
    row["interval_start"] = clock_at(h, i);
    row["interval_s"] = h.interval_s;
    Json by_type = Json::object();
    for (std::size_t t = 0; t < plan.types.size(); ++t) {
      const sim::TypePlan& p = plan.types[t];
      const models::StaffingResult& need = p.need[i];
      Json cell;
      cell["rate_per_s"] = p.rate_per_s[i];
      cell["offered_load_erlangs"] = p.rate_per_s[i] * p.aht_s;
      if (p.has_targets) {
        cell["required_agents"] = need.agents;
        cell["binding_target"] = need.binding_target;
        if (need.agents > 0) {
          const models::QueueMetrics& m = need.metrics;
          cell["occupancy"] = m.occupancy;
          cell["service_level"] = m.service_level;
          cell["within_s"] = m.within_s;
          cell["asa_s"] = m.asa_s;
          if (p.model == models::QueueModel::erlang_a) cell["p_abandon"] = m.p_abandon;
        }
      }
      by_type[s.contact_types[t].name] = cell;
    }
    row["contact_types"] = by_type;
    Json by_group = Json::object();
    for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
      by_group[s.agent_groups[g].name] =
          Json{{"agents", plan.scheduled[g][i]},
               {"required_agents", plan.required_on_duty[g][i]},
               {"on_duty_agents",
                models::agents_on_duty(plan.scheduled[g][i], s.agent_groups[g].shrinkage)},
               {"offered_load_erlangs", plan.offered_load[g][i]}};
    }
    row["agent_groups"] = by_group;
    intervals.push_back(row);
  }
  root["intervals"] = intervals;
  return root.dump(2) + "\n";
}

std::string render_plan_csv(const sim::Scenario& s, const sim::ErlangPlan& plan) {
  const sim::Horizon& h = s.horizon;
  const bool day_column = !h.start_date && h.days > 1;
  std::string out = std::string(day_column ? "day," : "") +
                    "interval_start,interval_s,group,agents,required_agents,on_duty_agents,"
                    "offered_load_erlangs\n";
  const std::string length = format_decimal(h.interval_s, 3);
  for (std::size_t i = 0; i < static_cast<std::size_t>(h.total_intervals()); ++i) {
    const std::string start = (day_column ? std::to_string(day_of(h, i) + 1) + "," : "") +
                              csv_start(h, i) + "," + length + ",";
    for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
      const int scheduled = plan.scheduled[g][i];
      out += start + s.agent_groups[g].name + "," + std::to_string(scheduled) + "," +
             std::to_string(plan.required_on_duty[g][i]) + "," +
             std::to_string(models::agents_on_duty(scheduled, s.agent_groups[g].shrinkage)) + "," +
             format_decimal(plan.offered_load[g][i], 6) + "\n";
    }
  }
  return out;
}

sim::ErlangPlan erlang_plan_for(const sim::Scenario& scenario, const std::string& text,
                                const std::string& name) {
  try {
    return sim::erlang_plan(scenario);
  } catch (const sim::PlanError& e) {
    // The problems of targets no staffing meets, each at its position in the scenario file.
    std::string message;
    for (const sim::PlanProblem& p : e.problems()) {
      if (!message.empty()) message += "\n";
      message += name + ":";
      if (const auto at = position_of(text, p.path)) {
        message += std::to_string(at->line + 1) + ":" + std::to_string(at->column + 1) + ":";
      }
      message += " " + p.path + ": " + p.message;
    }
    throw InputError(message);
  } catch (const InvalidInput& e) {
    throw InputError(name + ": " + e.what());
  }
}

}  // namespace staffsim::tools
