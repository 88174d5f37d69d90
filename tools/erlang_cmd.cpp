// `staffsim erlang`: the Erlang B/C/A calculator. Evaluates a staffing level or a range of them
// (--agents 42 or 42-48) or finds the agents needed for a set of targets, for one interval or for
// every row of a volumes CSV (--volumes). Each row's length comes from the file: its interval_s
// column, else the spacing of its rows; --interval, when given, must agree. --out writes the
// result (CSV for a file named .csv: a staffing file a scenario reads with
// `staffing: {file: ...}`), --emit-scenario a runnable one-type scenario of the plan.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "models/error.hpp"
#include "models/staffing.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/csv.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/interval_rows.hpp"
#include "tools/scenario_writer.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

using models::QueueMetrics;
using models::QueueModel;
using models::StaffingResult;
using models::StaffingTargets;
using models::Workload;

constexpr int kMaxAgents = 10'000'000;
constexpr int kMaxRangeLevels = 1000;

struct ErlangOptions {
  std::string calls, interval, rate, aht, patience, model, agents, within, sl, sl_of, asa,
      max_wait_prob, max_abandon, max_occupancy, max_block, shrinkage, volumes, format, out,
      emit_scenario;
};

double positive_duration(const std::string& flag, const std::string& text) {
  const double s = flag_value(flag, text, parse_duration_s);
  if (!(s > 0)) throw InputError(flag + ": must be a positive duration, found " + quote(text));
  return s;
}

double non_negative_duration(const std::string& flag, const std::string& text) {
  const double s = flag_value(flag, text, parse_duration_s);
  if (s < 0) throw InputError(flag + ": must not be negative, found " + quote(text));
  return s;
}

double fraction_flag(const std::string& flag, const std::string& text) {
  return flag_value(flag, text, parse_fraction);
}

// "--sl p/t": p as a percentage ("80", "80%") or a fraction ("0.8"), t a duration.
models::ServiceLevelGoal parse_sl(const std::string& text, const std::string& basis) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) {
    throw InputError("--sl: expected <percent>/<time> such as 80/20s, found " + quote(text));
  }
  const std::string p_text = text.substr(0, slash);
  double p = 0;
  try {
    const bool explicit_percent = !p_text.empty() && p_text.back() == '%';
    p = parse_fraction(p_text);
    if (!explicit_percent && p > 1) p /= 100;  // "80/20s" means 80%
  } catch (const InvalidInput&) {
    throw InputError("--sl: expected <percent>/<time> such as 80/20s, found " + quote(text));
  }
  if (!(p > 0 && p < 1)) {
    throw InputError("--sl: the service level must be above 0% and below 100%, found " +
                     quote(text));
  }
  models::ServiceLevelGoal goal;
  goal.at_least = p;
  goal.within_s = non_negative_duration("--sl", text.substr(slash + 1));
  if (basis == "answered") goal.basis = models::ServiceLevelBasis::answered;
  return goal;
}

// "--agents 42" or a range "--agents 42-48": the staffing levels to evaluate.
struct AgentLevels {
  int first = 0;
  int last = 0;
  bool range() const { return last > first; }
};

AgentLevels parse_agents(const std::string& text) {
  const std::string expectation =
      "--agents: expected a whole number of agents of at least 1, or a range such as 42-48, "
      "found " +
      quote(text);
  const std::size_t dash = text.find('-', 1);
  AgentLevels levels;
  try {
    levels.first = static_cast<int>(parse_integer(text.substr(0, dash), 1, kMaxAgents));
    levels.last = dash == std::string::npos
                      ? levels.first
                      : static_cast<int>(parse_integer(text.substr(dash + 1), 1, kMaxAgents));
  } catch (const InvalidInput&) {
    throw InputError(expectation);
  }
  if (levels.last < levels.first) {
    throw InputError("--agents: expected a range from fewer to more agents such as 42-48, found " +
                     quote(text));
  }
  if (levels.last - levels.first >= kMaxRangeLevels) {
    throw InputError("--agents: expected a range of at most " + std::to_string(kMaxRangeLevels) +
                     " staffing levels, found " + quote(text));
  }
  return levels;
}

QueueModel choose_model(const ErlangOptions& o) {
  if (o.model.empty()) {
    if (!o.patience.empty()) return QueueModel::erlang_a;
    if (!o.max_block.empty()) return QueueModel::erlang_b;
    return QueueModel::erlang_c;
  }
  if (o.model == "b") {
    if (!o.patience.empty()) {
      throw InputError("--model b: Erlang B has no queue, so --patience does not apply");
    }
    return QueueModel::erlang_b;
  }
  if (o.model == "c") {
    if (!o.patience.empty()) {
      throw InputError(
          "--model c: Erlang C assumes infinite patience; drop --patience or use "
          "--model a");
    }
    return QueueModel::erlang_c;
  }
  if (o.model == "a") {
    if (o.patience.empty()) throw InputError("--model a: Erlang A needs --patience");
    return QueueModel::erlang_a;
  }
  throw InputError("--model: expected b, c or a, found " + quote(o.model));
}

StaffingTargets read_targets(const ErlangOptions& o) {
  StaffingTargets t;
  if (!o.sl_of.empty() && o.sl.empty()) {
    throw InputError("--sl-of: chooses the definition of the --sl target; give --sl too");
  }
  const std::string sl_of = o.sl_of.empty() ? "offered" : o.sl_of;
  if (sl_of != "offered" && sl_of != "answered") {
    throw InputError("--sl-of: expected offered or answered, found " + quote(o.sl_of));
  }
  if (!o.sl.empty()) t.service_level = parse_sl(o.sl, sl_of);
  if (!o.asa.empty()) t.max_asa_s = positive_duration("--asa", o.asa);
  auto fraction_target = [](const std::string& flag, const std::string& text) {
    const double p = fraction_flag(flag, text);
    if (!(p > 0 && p <= 1)) {
      throw InputError(flag + ": must be above 0% and at most 100%, found " + quote(text));
    }
    return p;
  };
  if (!o.max_wait_prob.empty()) {
    t.max_wait_probability = fraction_target("--max-wait-prob", o.max_wait_prob);
  }
  if (!o.max_abandon.empty()) t.max_abandon = fraction_target("--max-abandon", o.max_abandon);
  if (!o.max_occupancy.empty()) {
    t.max_occupancy = fraction_target("--max-occupancy", o.max_occupancy);
  }
  if (!o.max_block.empty()) t.max_block = fraction_target("--max-block", o.max_block);
  if (!o.shrinkage.empty()) {
    t.shrinkage = fraction_flag("--shrinkage", o.shrinkage);
    if (!(t.shrinkage >= 0 && t.shrinkage < 1)) {
      throw InputError("--shrinkage: must be at least 0% and below 100%, found " +
                       quote(o.shrinkage));
    }
  }
  return t;
}

bool has_targets(const StaffingTargets& t) {
  return t.service_level || t.max_asa_s || t.max_wait_probability || t.max_abandon ||
         t.max_occupancy || t.max_block;
}

// The service-level threshold the figures are reported at: --within, else the time of --sl, else
// 20 s.
double reporting_threshold(const ErlangOptions& o, const StaffingTargets& targets) {
  double within = targets.service_level ? targets.service_level->within_s : 20;
  if (!o.within.empty()) {
    within = non_negative_duration("--within", o.within);
    if (targets.service_level && within != targets.service_level->within_s) {
      throw InputError("--within: conflicts with the time of --sl; give one of them");
    }
  }
  return within;
}

// The smallest staffing meeting the targets, its figures reported at `within_s`.
StaffingResult solve(QueueModel model, const Workload& w, const StaffingTargets& targets,
                     double within_s) {
  StaffingResult r = models::required_agents(model, w, targets);
  if (r.agents > 0 && r.metrics.stable && r.metrics.within_s != within_s) {
    r.metrics = models::evaluate(model, w, r.agents, within_s);
  }
  return r;
}

// ---- output -------------------------------------------------------------------------------

using Json = nlohmann::ordered_json;

std::string model_title(QueueModel m) {
  switch (m) {
    case QueueModel::erlang_b:
      return "Erlang B (M/M/N/N, blocked contacts are lost)";
    case QueueModel::erlang_c:
      return "Erlang C (M/M/N, infinite patience)";
    case QueueModel::erlang_a:
      return "Erlang A (M/M/N+M, exponential patience)";
  }
  return "";
}

const char* target_phrase(const std::string& binding) {
  if (binding == "service_level") return "service level";
  if (binding == "asa") return "average speed of answer";
  if (binding == "wait_probability") return "probability of waiting";
  if (binding == "abandon") return "abandonment";
  if (binding == "occupancy") return "occupancy";
  if (binding == "block") return "blocking";
  if (binding == "stability") return "queue stability (agents must exceed the load)";
  return "none";
}

// Appends the flat record of one evaluation or solve to j, in the documented key order.
Json& append_metrics(Json& j, const QueueMetrics& m, const StaffingResult* solve,
                     bool with_shrinkage) {
  j["model"] = models::to_string(m.model);
  j["agents"] = m.agents;
  if (solve != nullptr && with_shrinkage) j["scheduled_agents"] = solve->scheduled_agents;
  if (solve != nullptr) j["binding_target"] = solve->binding_target;
  j["offered_load_erlangs"] = m.offered_load;
  if (!m.stable) {
    j["stable"] = false;
    return j;
  }
  if (m.agents == 0) return j;  // zero volume: nothing else is defined
  j["occupancy"] = m.occupancy;
  if (m.model == QueueModel::erlang_b) {
    j["p_block"] = m.p_block;
    return j;
  }
  j["p_wait"] = m.p_wait;
  j["service_level"] = m.service_level;
  if (m.model == QueueModel::erlang_a) j["service_level_answered"] = m.service_level_answered;
  j["within_s"] = m.within_s;
  j["asa_s"] = m.asa_s;
  j["mean_wait_s"] = m.mean_wait_s;
  if (m.model == QueueModel::erlang_a) j["p_abandon"] = m.p_abandon;
  return j;
}

std::string secs(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

std::string workload_lines(QueueModel model, const Workload& w, double load) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "  arrival rate           %.6g per hour, AHT %s",
                w.rate_per_s * 3600, format_duration(w.aht_s).c_str());
  std::string out = model_title(model) + "\n" + buf;
  if (model == QueueModel::erlang_a) out += ", mean patience " + format_duration(w.patience_s);
  std::snprintf(buf, sizeof buf, "\n  offered load           %.4f Erlangs\n", load);
  return out + buf;
}

std::string single_table(const QueueMetrics& m, const StaffingResult* solve,
                         const StaffingTargets& t, const Workload& w) {
  std::ostringstream out;
  out << workload_lines(m.model, w, m.offered_load);
  if (solve != nullptr) {
    out << "  agents needed          " << m.agents
        << "   (binding target: " << target_phrase(solve->binding_target) << ")\n";
    if (t.shrinkage > 0) {
      out << "  agents to schedule     " << solve->scheduled_agents << "   (with "
          << format_percent(t.shrinkage) << " shrinkage)\n";
    }
  } else {
    out << "  agents                 " << m.agents << "\n";
  }
  if (!m.stable) {
    out << "  UNSTABLE: the load (" << m.offered_load << " Erlangs) is at or above the number of "
        << "agents; the queue grows without bound and no waiting figure exists.\n";
    return out.str();
  }
  if (m.agents == 0) {
    out << "  no contacts offered: no agent needed\n";
    return out.str();
  }
  out << "  occupancy              " << format_percent(m.occupancy) << "\n";
  if (m.model == QueueModel::erlang_b) {
    out << "  blocked (lost)         " << format_percent(m.p_block) << "\n";
    return out.str();
  }
  const std::string within = format_duration(m.within_s);
  out << "  P(wait > 0)            " << format_percent(m.p_wait) << "\n";
  out << "  service level          " << format_percent(m.service_level) << " answered within "
      << within << " (of offered)\n";
  if (m.model == QueueModel::erlang_a) {
    out << "                         " << format_percent(m.service_level_answered)
        << " answered within " << within << " (of answered)\n";
    out << "  abandoned              " << format_percent(m.p_abandon) << "\n";
  }
  out << "  ASA (answered)         " << secs(m.asa_s) << "\n";
  out << "  mean wait (all)        " << secs(m.mean_wait_s) << "\n";
  return out.str();
}

// One line per staffing level of --agents A-B, with the figures the model defines.
std::string range_table(const std::vector<QueueMetrics>& levels, const Workload& w) {
  const QueueMetrics& first = levels.front();
  const QueueModel model = first.model;
  std::string out = workload_lines(model, w, first.offered_load);
  auto cell = [](const std::string& text) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " %10s", text.c_str());
    return std::string(buf);
  };
  auto p = [](double v) { return format_percent(v); };
  std::string header = "   agents" + cell("occupancy");
  if (model == QueueModel::erlang_b) {
    header += cell("blocked");
  } else {
    header += cell("P(wait)") + cell("SL " + format_duration(first.within_s));
    if (model == QueueModel::erlang_a) header += cell("SL answ.") + cell("abandoned");
    header += cell("ASA") + cell("mean wait");
  }
  out += header + "\n";
  for (const QueueMetrics& m : levels) {
    char agents[16];
    std::snprintf(agents, sizeof agents, "  %7d", m.agents);
    std::string line = agents;
    if (!m.stable) {
      line += "   unstable: the load is at or above the agents";
    } else if (model == QueueModel::erlang_b) {
      line += cell(p(m.occupancy)) + cell(p(m.p_block));
    } else {
      line += cell(p(m.occupancy)) + cell(p(m.p_wait)) + cell(p(m.service_level));
      if (model == QueueModel::erlang_a) {
        line += cell(p(m.service_level_answered)) + cell(p(m.p_abandon));
      }
      line += cell(secs(m.asa_s)) + cell(secs(m.mean_wait_s));
    }
    out += line + "\n";
  }
  return out;
}

std::string series_table(const std::vector<Json>& rows) {
  std::ostringstream out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-20s %8s %8s %8s %9s %7s %9s %-17s %8s %8s %8s\n",
                "interval_start", "length", "calls", "aht_s", "load_erl", "agents", "scheduled",
                "binding", "SL", "ASA_s", "abandon");
  out << buf;
  for (const Json& r : rows) {
    auto num = [&](const char* key, const char* fmt) -> std::string {
      if (!r.contains(key)) return "-";
      char b[32];
      std::snprintf(b, sizeof b, fmt, r[key].get<double>());
      return b;
    };
    auto p = [&](const char* key) -> std::string {
      return r.contains(key) ? format_percent(r[key].get<double>()) : std::string("-");
    };
    std::snprintf(buf, sizeof buf, "%-20s %8s %8s %8s %9s %7d %9s %-17s %8s %8s %8s\n",
                  r["interval_start"].get<std::string>().c_str(),
                  format_duration(r["interval_s"].get<double>()).c_str(),
                  num("calls", "%.6g").c_str(), num("aht_s", "%.6g").c_str(),
                  num("offered_load_erlangs", "%.2f").c_str(), r["agents"].get<int>(),
                  r.contains("scheduled_agents")
                      ? std::to_string(r["scheduled_agents"].get<int>()).c_str()
                      : "-",
                  r["binding_target"].get<std::string>().c_str(), p("service_level").c_str(),
                  num("asa_s", "%.1f").c_str(), p("p_abandon").c_str());
    out << buf;
  }
  return out.str();
}

// Writes the result to --out (or standard output) and the scenario of --emit-scenario, files all
// or none; each file written gets a line on standard output.
void emit(const ErlangOptions& o, const std::string& result, std::size_t rows,
          const std::optional<ScenarioDraft>& scenario = std::nullopt) {
  std::vector<PendingFile> files;
  std::string to_stdout, report;
  auto add = [&](const std::string& path, std::string content, const std::string& what) {
    if (path.empty() || is_standard_stream(path)) {
      to_stdout += content;
    } else {
      files.push_back({path, std::move(content)});
      report += "wrote " + path + what + "\n";
    }
  };
  if (scenario) add(o.emit_scenario, render_scenario(*scenario), "");
  add(o.out, result, " (" + std::to_string(rows) + (rows == 1 ? " row)" : " rows)"));
  write_files_atomically(files);
  std::cout << to_stdout << report;
}

std::string render(OutputFormat format, const std::vector<Json>& records, bool as_list,
                   const std::string& table) {
  switch (format) {
    case OutputFormat::json:
      return (as_list ? Json(records) : records.front()).dump(2) + "\n";
    case OutputFormat::csv:
      return records_csv(records);
    case OutputFormat::table:
      break;
  }
  return table;
}

// ---- --emit-scenario: a runnable one-type scenario of the plan --------------------------------

// The scenario of a plan: `calls` and `agents` per interval (one day after another), the
// workload's handle time and patience, the targets the scenario format can hold.
ScenarioDraft plan_scenario(const ErlangOptions& o, QueueModel model, const StaffingTargets& t,
                            double aht_s, double patience_s) {
  if (model == QueueModel::erlang_b) {
    throw InputError(
        "--emit-scenario: Erlang B has no queue, a scenario's callers wait; use --model c or "
        "--patience");
  }
  ScenarioDraft d;
  d.comments.push_back(
      "Written by staffsim erlang --emit-scenario: one contact type, one agent "
      "group staffed as solved.");
  d.comments.push_back(
      "Handle times are exponential and patience exponential (or none), as the Erlang models "
      "assume;");
  d.comments.push_back(
      "the simulation adds what they leave out: days that start empty, "
      "staffing that changes between intervals.");
  ScenarioDraft::ContactType type;
  type.name = "calls";
  type.handle_time_mean_s = aht_s;
  if (model == QueueModel::erlang_a) type.patience_mean_s = patience_s;
  if (t.service_level) {
    type.service_level = ScenarioDraft::ServiceLevel{
        t.service_level->within_s, t.service_level->at_least,
        t.service_level->basis == models::ServiceLevelBasis::answered ? "answered" : "offered"};
  }
  type.max_abandon = t.max_abandon;
  type.max_asa_s = t.max_asa_s;
  if (!o.max_wait_prob.empty())
    type.comments.push_back("not a scenario target: --max-wait-prob " + o.max_wait_prob);
  if (!o.max_occupancy.empty()) {
    type.comments.push_back("not a scenario target: --max-occupancy " + o.max_occupancy +
                            " (see occupancy in the run's summary)");
  }
  type.groups = {"agents"};
  d.contact_types.push_back(type);
  d.agent_groups.push_back({"agents", {}, {}});
  return d;
}

// One interval of `interval_s` staffed with `agents`, after a warm-up as long (when asked).
std::optional<ScenarioDraft> single_interval_scenario(const ErlangOptions& o, QueueModel model,
                                                      const StaffingTargets& targets,
                                                      const Workload& w, double interval_s,
                                                      int agents) {
  if (o.emit_scenario.empty()) return std::nullopt;
  ScenarioDraft d = plan_scenario(o, model, targets, w.aht_s, w.patience_s);
  d.name = "Erlang plan: " + std::to_string(agents) + " agents";
  d.interval_s = interval_s;
  d.warmup_s = interval_s;
  d.contact_types[0].calls_per_interval = {w.rate_per_s * interval_s};
  d.agent_groups[0].staffing = {agents};
  d.comments.push_back("One interval of " + format_duration(interval_s) +
                       ", after a warm-up as long so that it starts near the steady state "
                       "Erlang describes.");
  return d;
}

// ---- one solve per row of --volumes ----------------------------------------------------------

// The length of every row: the file's interval_s column, else the spacing of its rows, else
// --interval. --interval must agree with what the file says.
void settle_row_lengths(const ErlangOptions& o, IntervalRows& rows) {
  const std::string name = rows.table.name();
  std::optional<std::int64_t> given;
  if (!o.interval.empty()) given = flag_value("--interval", o.interval, parse_interval_s);
  if (!rows.interval_s) {
    if (!given) {
      throw InputError("--volumes: " + name +
                       " holds one row per day and no interval_s column, so the rows' length is "
                       "unknown: give --interval (e.g. 30m)");
    }
    rows.assume_interval(*given);
    return;
  }
  if (given && *given != *rows.interval_s) {
    const std::string found = format_duration(static_cast<double>(*rows.interval_s));
    throw InputError("--interval: " + format_duration(static_cast<double>(*given)) +
                     " disagrees with " + name + ", whose rows are " + found +
                     (rows.has_length_column
                          ? " long (its interval_s column)"
                          : " apart (lines " + std::to_string(rows.spacing_line_a) + " and " +
                                std::to_string(rows.spacing_line_b) + ")") +
                     "; give --interval " + found + " or leave it out");
  }
}

// The rows as days of a scenario horizon: every date holds the same whole intervals from the same
// start; a shorter last row of a day (a forecast's 21:00-21:05) is left out, and said so.
struct PlanGrid {
  std::int64_t start_s = 0;
  int intervals = 0;
  int days = 0;
  std::vector<std::size_t> used_rows;  // indices of the rows in the scenario, day-major
  std::size_t partial_rows = 0;
  double partial_calls = 0;
};

PlanGrid plan_grid(const IntervalRows& rows, const std::vector<Json>& records) {
  PlanGrid grid;
  const std::int64_t interval = *rows.interval_s;
  std::optional<std::int64_t> current_day;
  std::vector<std::int64_t> day_starts, first_day_starts;
  auto close_day = [&] {
    if (grid.days == 1) first_day_starts = day_starts;
    if (grid.days > 1 && day_starts != first_day_starts) {
      throw InputError("--emit-scenario: the days of " + rows.table.name() +
                       " do not hold the same intervals (the first from " +
                       format_clock(static_cast<double>(first_day_starts.front())) +
                       ", another from " + format_clock(static_cast<double>(day_starts.front())) +
                       "); a scenario repeats one grid every day");
    }
    day_starts.clear();
  };
  for (std::size_t i = 0; i < rows.rows.size(); ++i) {
    const IntervalRow& row = rows.rows[i];
    if (i == 0 || row.day != current_day) {
      if (i > 0) close_day();
      current_day = row.day;
      ++grid.days;
    }
    if (row.length_s < interval) {
      ++grid.partial_rows;
      grid.partial_calls += records[i]["calls"].get<double>();
      continue;
    }
    if (!day_starts.empty() && row.start_s != day_starts.back() + interval) {
      throw InputError("--emit-scenario: " + rows.table.name() + ":" +
                       std::to_string(row.csv->line) +
                       ": expected the rows of a day back to back, " +
                       format_duration(static_cast<double>(interval)) +
                       " apart, found a gap before " + rows.start_text(row));
    }
    day_starts.push_back(row.start_s);
    grid.used_rows.push_back(i);
  }
  close_day();
  if (first_day_starts.empty()) {
    throw InputError("--emit-scenario: " + rows.table.name() + " holds no whole interval");
  }
  grid.start_s = first_day_starts.front();
  grid.intervals = static_cast<int>(first_day_starts.size());
  return grid;
}

void run_series(const ErlangOptions& o, QueueModel model, const StaffingTargets& targets,
                OutputFormat format) {
  if (!o.agents.empty()) {
    throw InputError("--volumes: solves the agents needed per interval; drop --agents");
  }
  if (!has_targets(targets)) {
    throw InputError(
        "--volumes: give at least one target (--sl, --asa, --max-wait-prob, "
        "--max-abandon, --max-occupancy or --max-block)");
  }
  IntervalRows rows = read_interval_rows_file(o.volumes);
  settle_row_lengths(o, rows);
  const CsvTable& table = rows.table;
  const std::size_t calls_col = table.column("calls");
  const auto aht_col = table.find_column("aht_s");
  std::optional<double> default_aht;
  if (!o.aht.empty()) default_aht = positive_duration("--aht", o.aht);
  if (!aht_col && !default_aht) {
    throw InputError(table.name() + ":1: no aht_s column: give --aht or add an aht_s column");
  }
  const double patience = o.patience.empty() ? 0 : positive_duration("--patience", o.patience);
  const double within = reporting_threshold(o, targets);
  std::vector<Json> records;
  double weighted_aht = 0, total_calls = 0, min_aht = 0, max_aht = 0;
  for (const IntervalRow& interval_row : rows.rows) {
    const CsvTable::Row& row = *interval_row.csv;
    const double calls = table.number(row, calls_col);
    if (calls < 0) {
      throw InputError(table.where(row) + "calls: expected a count >= 0, found " +
                       quote(row.fields[calls_col]));
    }
    double aht = default_aht.value_or(0);
    if (aht_col && !row.fields[*aht_col].empty()) {
      aht = table.number(row, *aht_col);
      if (!(aht > 0)) {
        throw InputError(table.where(row) + "aht_s: expected a positive number of seconds, found " +
                         quote(row.fields[*aht_col]));
      }
    }
    const auto length = static_cast<double>(interval_row.length_s);
    const Workload w{calls / length, aht, patience};
    StaffingResult r;
    try {
      r = solve(model, w, targets, within);
    } catch (const InvalidInput& e) {
      throw InputError(table.where(row) + e.what());
    }
    weighted_aht += calls * aht;
    min_aht = records.empty() ? aht : std::min(min_aht, aht);
    max_aht = records.empty() ? aht : std::max(max_aht, aht);
    total_calls += calls;
    Json j;
    j["interval_start"] = row.fields[table.column("interval_start")];
    j["interval_s"] = interval_row.length_s;
    j["calls"] = calls;
    j["aht_s"] = aht;
    append_metrics(j, r.metrics, &r, targets.shrinkage > 0);
    records.push_back(std::move(j));
  }
  std::optional<ScenarioDraft> scenario;
  if (!o.emit_scenario.empty()) {
    const PlanGrid grid = plan_grid(rows, records);
    const double aht = total_calls > 0 ? weighted_aht / total_calls : min_aht;
    ScenarioDraft d = plan_scenario(o, model, targets, aht, patience);
    d.name = "Erlang plan for " + table.name();
    d.interval_s = static_cast<double>(*rows.interval_s);
    d.intervals_per_day = grid.intervals;
    d.day_start_s = static_cast<double>(grid.start_s);
    d.days = grid.days;
    for (std::size_t i : grid.used_rows) {
      d.contact_types[0].calls_per_interval.push_back(records[i]["calls"].get<double>());
      d.agent_groups[0].staffing.push_back(records[i]["agents"].get<int>());
    }
    d.comments.push_back("Volumes from " + table.name() + ", " + std::to_string(grid.days) +
                         (grid.days == 1 ? " day" : " days") + ".");
    if (max_aht > min_aht) {
      const std::string note = "the rows' handle times differ (" + yaml_duration(min_aht) + " to " +
                               yaml_duration(max_aht) +
                               "); the scenario has one, their call-weighted mean " +
                               yaml_duration(aht);
      d.comments.push_back(note + ".");
      std::cerr << "note: " << note << "\n";
    }
    if (grid.partial_rows > 0) {
      const std::string note = std::to_string(grid.partial_rows) +
                               " shorter last row(s) of a day left out of the scenario (" +
                               format_decimal(grid.partial_calls, 1) +
                               " calls): its intervals are all " + format_duration(d.interval_s) +
                               " long";
      d.comments.push_back(note + ".");
      std::cerr << "note: " << note << "\n";
    }
    scenario = std::move(d);
  }
  emit(o, render(format, records, true, series_table(records)), records.size(), scenario);
}

void run_erlang(const ErlangOptions& o) {
  const OutputFormat format = output_format(o.format, o.out, true);
  const QueueModel model = choose_model(o);
  const StaffingTargets targets = read_targets(o);
  if (!o.volumes.empty()) {
    if (!o.calls.empty() || !o.rate.empty()) {
      throw InputError("--volumes: the volumes come from the file; drop --calls and --rate");
    }
    run_series(o, model, targets, format);
    return;
  }
  // Volume: --calls with --interval, or --rate.
  Workload w;
  if (!o.calls.empty() && !o.rate.empty()) {
    throw InputError("give the volume once: --calls with --interval, or --rate");
  }
  double interval_s = 3600;  // of an emitted scenario
  if (!o.calls.empty()) {
    const double calls = flag_value("--calls", o.calls, parse_number);
    if (calls < 0) throw InputError("--calls: must not be negative, found " + quote(o.calls));
    if (o.interval.empty()) {
      throw InputError("--calls: give --interval too, the period the calls arrive in (e.g. 30m)");
    }
    interval_s = positive_duration("--interval", o.interval);
    w.rate_per_s = calls / interval_s;
  } else if (!o.rate.empty()) {
    if (!o.interval.empty()) {
      throw InputError(
          "--interval: applies to --calls and --volumes; --rate states its own "
          "interval (e.g. 120/30m)");
    }
    w.rate_per_s = flag_value("--rate", o.rate, parse_rate_per_s);
    if (w.rate_per_s < 0) throw InputError("--rate: must not be negative, found " + quote(o.rate));
  } else {
    throw InputError(
        "missing volume: give --calls N --interval 30m, --rate 2.5/s, or "
        "--volumes FILE.csv");
  }
  if (o.aht.empty()) throw InputError("missing --aht, the mean handle time (e.g. --aht 240s)");
  w.aht_s = positive_duration("--aht", o.aht);
  if (!o.patience.empty()) w.patience_s = positive_duration("--patience", o.patience);
  const double within = reporting_threshold(o, targets);

  if (!o.agents.empty()) {
    if (!o.shrinkage.empty()) {
      throw InputError("--shrinkage: applies when solving for agents; drop --agents");
    }
    const AgentLevels levels = parse_agents(o.agents);
    if (levels.range() && !o.emit_scenario.empty()) {
      throw InputError("--emit-scenario: a scenario has one staffing level; give --agents N");
    }
    std::vector<QueueMetrics> metrics;
    std::vector<Json> records;
    for (int n = levels.first; n <= levels.last; ++n) {
      metrics.push_back(models::evaluate(model, w, n, within));
      Json record;
      records.push_back(append_metrics(record, metrics.back(), nullptr, false));
    }
    emit(o,
         render(format, records, levels.range(),
                levels.range() ? range_table(metrics, w)
                               : single_table(metrics.front(), nullptr, targets, w)),
         records.size(), single_interval_scenario(o, model, targets, w, interval_s, levels.first));
    return;
  }
  if (!has_targets(targets)) {
    throw InputError(
        "nothing to do: give --agents N to evaluate a staffing level, or a target "
        "(--sl, --asa, --max-wait-prob, --max-abandon, --max-occupancy, --max-block) "
        "to find the agents needed");
  }
  const StaffingResult solved = solve(model, w, targets, within);
  Json record;
  append_metrics(record, solved.metrics, &solved, targets.shrinkage > 0);
  emit(o, render(format, {record}, false, single_table(solved.metrics, &solved, targets, w)), 1,
       single_interval_scenario(o, model, targets, w, interval_s, solved.agents));
}

}  // namespace

void add_erlang_command(CLI::App& app) {
  auto options = std::make_shared<ErlangOptions>();
  CLI::App* cmd = app.add_subcommand(
      "erlang",
      "Erlang B/C/A: evaluate a staffing level (--agents) or find the agents needed for targets");
  cmd->footer(
      "Durations take their unit (20s, 4m, 1.5h; a bare number is refused). Percentages accept "
      "80% or 0.8.\n"
      "--volumes: one solve per row of a CSV with interval_start,calls[,aht_s][,interval_s] (a\n"
      "forecast CSV works). Each row's length is its interval_s, else the spacing of the rows;\n"
      "--interval is needed only when neither tells it, and must agree when given.\n"
      "--out FILE.csv writes a staffing file that a scenario reads with\n"
      "  staffing: {file: FILE.csv}  (the agents column; scenarios/REFERENCE.md)\n"
      "Examples:\n"
      "  staffsim erlang --calls 300 --interval 30m --aht 4m --sl 80/20s\n"
      "  staffsim erlang --rate 2.5/s --aht 240s --patience 3m --agents 600-620\n"
      "  staffsim erlang --volumes forecast.csv --aht 4m --sl 80/20s --shrinkage 30% "
      "--out staffing.csv --emit-scenario plan.yaml");
  cmd->add_option("--calls", options->calls, "Calls offered in --interval");
  cmd->add_option("--interval", options->interval,
                  "Planning interval with its unit, e.g. 30m: the period the --calls arrive in; "
                  "with --volumes, the rows' length when the file does not tell it");
  cmd->add_option("--rate", options->rate, "Arrival rate with its unit: 2.5/s, 90/m, 500/h");
  cmd->add_option("--aht", options->aht, "Mean handle time, e.g. 240s or 4m");
  cmd->add_option("--patience", options->patience,
                  "Mean patience (exponential): switches to Erlang A");
  cmd->add_option("--model", options->model, "Force the model: b, c or a");
  cmd->add_option("--agents", options->agents,
                  "Evaluate this many agents, or every level of a range such as 42-48, instead "
                  "of solving");
  cmd->add_option("--within", options->within,
                  "Service-level threshold of the figures (default 20s, or the time of --sl)");
  cmd->add_option("--sl", options->sl, "Service-level target p/t, e.g. 80/20s");
  cmd->add_option("--sl-of", options->sl_of,
                  "Service level of the --sl target over offered (default) or answered calls");
  cmd->add_option("--asa", options->asa, "Target: mean wait of answered calls at most this");
  cmd->add_option("--max-wait-prob", options->max_wait_prob, "Target: P(wait > 0) at most this");
  cmd->add_option("--max-abandon", options->max_abandon,
                  "Target: abandonment at most this (Erlang A)");
  cmd->add_option("--max-occupancy", options->max_occupancy, "Target: occupancy at most this");
  cmd->add_option("--max-block", options->max_block, "Target: blocking at most this (Erlang B)");
  cmd->add_option("--shrinkage", options->shrinkage,
                  "Share of paid time off the phones; scheduled = ceil(N / (1 - shrinkage))");
  cmd->add_option("--volumes", options->volumes,
                  "CSV with interval_start,calls[,aht_s][,interval_s]: one solve per row "
                  "(forecast CSVs work; - = standard input)");
  cmd->add_option("--format", options->format, shared_help::kFormat);
  cmd->add_option("--out", options->out, shared_help::kOutFile);
  cmd->add_option("--emit-scenario", options->emit_scenario,
                  "Also write a runnable one-type scenario of the plan to this YAML file "
                  "(arrivals, handle time, patience, targets, staffing)");
  cmd->callback([options] { run_erlang(*options); });
}

}  // namespace staffsim::tools
