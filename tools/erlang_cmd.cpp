// `staffsim erlang`: the Erlang B/C/A calculator. Evaluates a staffing level (--agents) or finds
// the agents needed for a set of targets, for one interval or for every row of a volumes CSV.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "models/error.hpp"
#include "models/staffing.hpp"
#include "tools/cli_error.hpp"
#include "tools/commands.hpp"
#include "tools/csv.hpp"
#include "tools/file_io.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

using models::QueueMetrics;
using models::QueueModel;
using models::StaffingResult;
using models::StaffingTargets;
using models::Workload;

struct ErlangOptions {
  std::string calls, interval, rate, aht, patience, model, agents, within, sl, sl_of, asa,
      max_wait_prob, max_abandon, max_occupancy, max_block, shrinkage, volumes, out;
  std::string format = "table";
};

// Runs a unit parser on a flag's value and prefixes its message with the flag's name.
template <typename Parse>
double flag_value(const std::string& flag, const std::string& text, Parse parse) {
  try {
    return parse(text);
  } catch (const InvalidInput& e) {
    throw InputError(flag + ": " + e.what());
  }
}

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

int parse_agents(const std::string& text) {
  double n = 0;
  try {
    n = parse_number(text);
  } catch (const InvalidInput&) {
    throw InputError("--agents: expected a whole number of agents, found " + quote(text));
  }
  if (n != std::floor(n) || n < 1 || n > 10'000'000) {
    throw InputError("--agents: expected a whole number of agents of at least 1, found " +
                     quote(text));
  }
  return static_cast<int>(n);
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
  if (o.sl_of != "offered" && o.sl_of != "answered") {
    throw InputError("--sl-of: expected offered or answered, found " + quote(o.sl_of));
  }
  if (!o.sl.empty()) t.service_level = parse_sl(o.sl, o.sl_of);
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

std::string csv_cell(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.10g", v.get<double>());
  return buf;
}

// CSV of records; the header is the union of keys in first-seen order.
std::string records_csv(const std::vector<Json>& records) {
  std::vector<std::string> keys;
  for (const Json& r : records) {
    for (auto it = r.begin(); it != r.end(); ++it) {
      if (std::find(keys.begin(), keys.end(), it.key()) == keys.end()) keys.push_back(it.key());
    }
  }
  std::ostringstream out;
  for (std::size_t i = 0; i < keys.size(); ++i) out << (i ? "," : "") << keys[i];
  out << "\n";
  for (const Json& r : records) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      out << (i ? "," : "");
      if (r.contains(keys[i])) out << csv_cell(r[keys[i]]);
    }
    out << "\n";
  }
  return out.str();
}

std::string pct(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", p * 100);
  return buf;
}

std::string secs(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

std::string single_table(const QueueMetrics& m, const StaffingResult* solve,
                         const StaffingTargets& t, const Workload& w) {
  std::ostringstream out;
  char buf[160];
  out << model_title(m.model) << "\n";
  std::snprintf(buf, sizeof buf, "  arrival rate           %.6g per hour, AHT %s",
                w.rate_per_s * 3600, format_duration(w.aht_s).c_str());
  out << buf;
  if (m.model == QueueModel::erlang_a) out << ", mean patience " << format_duration(w.patience_s);
  out << "\n";
  std::snprintf(buf, sizeof buf, "  offered load           %.4f Erlangs\n", m.offered_load);
  out << buf;
  if (solve != nullptr) {
    out << "  agents needed          " << m.agents
        << "   (binding target: " << target_phrase(solve->binding_target) << ")\n";
    if (t.shrinkage > 0) {
      out << "  agents to schedule     " << solve->scheduled_agents << "   (with "
          << pct(t.shrinkage) << " shrinkage)\n";
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
  out << "  occupancy              " << pct(m.occupancy) << "\n";
  if (m.model == QueueModel::erlang_b) {
    out << "  blocked (lost)         " << pct(m.p_block) << "\n";
    return out.str();
  }
  const std::string within = format_duration(m.within_s);
  out << "  P(wait > 0)            " << pct(m.p_wait) << "\n";
  out << "  service level          " << pct(m.service_level) << " answered within " << within
      << " (of offered)\n";
  if (m.model == QueueModel::erlang_a) {
    out << "                         " << pct(m.service_level_answered) << " answered within "
        << within << " (of answered)\n";
    out << "  abandoned              " << pct(m.p_abandon) << "\n";
  }
  out << "  ASA (answered)         " << secs(m.asa_s) << "\n";
  out << "  mean wait (all)        " << secs(m.mean_wait_s) << "\n";
  return out.str();
}

std::string series_table(const std::vector<Json>& rows) {
  std::ostringstream out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-20s %8s %8s %9s %7s %9s %-17s %8s %8s %8s\n", "interval_start",
                "calls", "aht_s", "load_erl", "agents", "scheduled", "binding", "SL", "ASA_s",
                "abandon");
  out << buf;
  for (const Json& r : rows) {
    auto num = [&](const char* key, const char* fmt) -> std::string {
      if (!r.contains(key)) return "-";
      char b[32];
      std::snprintf(b, sizeof b, fmt, r[key].get<double>());
      return b;
    };
    auto p = [&](const char* key) -> std::string {
      return r.contains(key) ? pct(r[key].get<double>()) : std::string("-");
    };
    std::snprintf(buf, sizeof buf, "%-20s %8s %8s %9s %7d %9s %-17s %8s %8s %8s\n",
                  r["interval_start"].get<std::string>().c_str(), num("calls", "%.6g").c_str(),
                  num("aht_s", "%.6g").c_str(), num("offered_load_erlangs", "%.2f").c_str(),
                  r["agents"].get<int>(),
                  r.contains("scheduled_agents")
                      ? std::to_string(r["scheduled_agents"].get<int>()).c_str()
                      : "-",
                  r["binding_target"].get<std::string>().c_str(), p("service_level").c_str(),
                  num("asa_s", "%.1f").c_str(), p("p_abandon").c_str());
    out << buf;
  }
  return out.str();
}

void emit(const ErlangOptions& o, const std::string& text) {
  if (o.out.empty()) {
    std::cout << text;
  } else {
    write_file_atomically(o.out, text);
  }
}

void run_series(const ErlangOptions& o, QueueModel model, const StaffingTargets& targets) {
  if (!o.agents.empty()) {
    throw InputError("--volumes: solves the agents needed per interval; drop --agents");
  }
  if (!has_targets(targets)) {
    throw InputError(
        "--volumes: give at least one target (--sl, --asa, --max-wait-prob, "
        "--max-abandon, --max-occupancy or --max-block)");
  }
  if (o.interval.empty()) {
    throw InputError("--volumes: give --interval, the length of each row's interval (e.g. 30m)");
  }
  const double interval_s = positive_duration("--interval", o.interval);
  const CsvTable table = CsvTable::read(o.volumes);
  const std::size_t start_col = table.column("interval_start");
  const std::size_t calls_col = table.column("calls");
  const auto aht_col = table.find_column("aht_s");
  std::optional<double> default_aht;
  if (!o.aht.empty()) default_aht = positive_duration("--aht", o.aht);
  if (!aht_col && !default_aht) {
    throw InputError(table.name() + ":1: no aht_s column: give --aht or add an aht_s column");
  }
  const double patience = o.patience.empty() ? 0 : positive_duration("--patience", o.patience);
  if (table.rows().empty()) throw InputError(table.name() + ": no rows after the header");
  std::vector<Json> rows;
  for (const auto& row : table.rows()) {
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
    const Workload w{calls / interval_s, aht, patience};
    StaffingResult r;
    try {
      r = models::required_agents(model, w, targets);
    } catch (const InvalidInput& e) {
      throw InputError(table.where(row) + e.what());
    }
    Json j;
    j["interval_start"] = row.fields[start_col];
    j["calls"] = calls;
    j["aht_s"] = aht;
    append_metrics(j, r.metrics, &r, targets.shrinkage > 0);
    rows.push_back(std::move(j));
  }
  if (o.format == "json") {
    emit(o, Json(rows).dump(2) + "\n");
  } else if (o.format == "csv") {
    emit(o, records_csv(rows));
  } else {
    emit(o, series_table(rows));
  }
}

void run_erlang(const ErlangOptions& o) {
  if (o.format != "table" && o.format != "json" && o.format != "csv") {
    throw InputError("--format: expected table, json or csv, found " + quote(o.format));
  }
  const QueueModel model = choose_model(o);
  const StaffingTargets targets = read_targets(o);
  if (!o.volumes.empty()) {
    if (!o.calls.empty() || !o.rate.empty()) {
      throw InputError("--volumes: the volumes come from the file; drop --calls and --rate");
    }
    run_series(o, model, targets);
    return;
  }
  // Volume: --calls with --interval, or --rate.
  Workload w;
  if (!o.calls.empty() && !o.rate.empty()) {
    throw InputError("give the volume once: --calls with --interval, or --rate");
  }
  if (!o.calls.empty()) {
    const double calls = flag_value("--calls", o.calls, parse_number);
    if (calls < 0) throw InputError("--calls: must not be negative, found " + quote(o.calls));
    if (o.interval.empty()) {
      throw InputError("--calls: give --interval too, the period the calls arrive in (e.g. 30m)");
    }
    w.rate_per_s = calls / positive_duration("--interval", o.interval);
  } else if (!o.rate.empty()) {
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

  double within = 20;
  if (targets.service_level) within = targets.service_level->within_s;
  if (!o.within.empty()) {
    within = non_negative_duration("--within", o.within);
    if (targets.service_level && within != targets.service_level->within_s) {
      throw InputError("--within: conflicts with the time of --sl; give one of them");
    }
  }

  QueueMetrics metrics;
  std::optional<StaffingResult> solve;
  if (!o.agents.empty()) {
    if (!o.shrinkage.empty()) {
      throw InputError("--shrinkage: applies when solving for agents; drop --agents");
    }
    metrics = models::evaluate(model, w, parse_agents(o.agents), within);
  } else {
    if (!has_targets(targets)) {
      throw InputError(
          "nothing to do: give --agents N to evaluate a staffing level, or a target "
          "(--sl, --asa, --max-wait-prob, --max-abandon, --max-occupancy, --max-block) "
          "to find the agents needed");
    }
    solve = models::required_agents(model, w, targets);
    metrics = solve->metrics;
  }
  const StaffingResult* s = solve ? &*solve : nullptr;
  Json record;
  append_metrics(record, metrics, s, targets.shrinkage > 0);
  if (o.format == "json") {
    emit(o, record.dump(2) + "\n");
  } else if (o.format == "csv") {
    emit(o, records_csv({record}));
  } else {
    emit(o, single_table(metrics, s, targets, w));
  }
}

}  // namespace

void add_erlang_command(CLI::App& app) {
  auto options = std::make_shared<ErlangOptions>();
  CLI::App* cmd = app.add_subcommand(
      "erlang",
      "Erlang B/C/A: evaluate a staffing level (--agents) or find the agents needed for targets");
  cmd->footer(
      "Durations take their unit (20s, 4m, 1.5h; a bare number is refused). Percentages accept 80% "
      "or 0.8.\n"
      "Examples:\n"
      "  staffsim erlang --calls 300 --interval 30m --aht 4m --sl 80/20s\n"
      "  staffsim erlang --rate 2.5/s --aht 240s --patience 3m --agents 620\n"
      "  staffsim erlang --volumes day.csv --interval 30m --aht 4m --sl 80/20s --shrinkage 30%");
  cmd->add_option("--calls", options->calls, "Calls offered in --interval");
  cmd->add_option("--interval", options->interval,
                  "Length of the interval the calls arrive in (with --calls or --volumes)");
  cmd->add_option("--rate", options->rate, "Arrival rate with its unit: 2.5/s, 90/m, 500/h");
  cmd->add_option("--aht", options->aht, "Mean handle time, e.g. 240s or 4m");
  cmd->add_option("--patience", options->patience,
                  "Mean patience (exponential): switches to Erlang A");
  cmd->add_option("--model", options->model, "Force the model: b, c or a");
  cmd->add_option("--agents", options->agents, "Evaluate this many agents instead of solving");
  cmd->add_option("--within", options->within,
                  "Service-level threshold when evaluating (default 20s, or the time of --sl)");
  cmd->add_option("--sl", options->sl, "Service-level target p/t, e.g. 80/20s");
  cmd->add_option("--sl-of", options->sl_of,
                  "Service level over offered (default) or answered calls")
      ->default_val("offered");
  cmd->add_option("--asa", options->asa, "Target: mean wait of answered calls at most this");
  cmd->add_option("--max-wait-prob", options->max_wait_prob, "Target: P(wait > 0) at most this");
  cmd->add_option("--max-abandon", options->max_abandon,
                  "Target: abandonment at most this (Erlang A)");
  cmd->add_option("--max-occupancy", options->max_occupancy, "Target: occupancy at most this");
  cmd->add_option("--max-block", options->max_block, "Target: blocking at most this (Erlang B)");
  cmd->add_option("--shrinkage", options->shrinkage,
                  "Share of paid time off the phones; scheduled = ceil(N / (1 - shrinkage))");
  cmd->add_option("--volumes", options->volumes,
                  "CSV with interval_start,calls[,aht_s]: one solve per row (forecast CSVs work)");
  cmd->add_option("--format", options->format, "Output: table (default), json or csv");
  cmd->add_option("--out", options->out, "Write the output to this file instead of stdout");
  cmd->callback([options] { run_erlang(*options); });
}

}  // namespace staffsim::tools
