// `staffsim forecast` and `staffsim backtest`: call-volume forecasts from a history file.
//
// Both read the history the same way (tools/history_csv.hpp): counts at any regular interval, or
// a per-call log counted into --interval slots (--count and --type choose the calls, offered to
// agents by default), and say what was counted and where the history has long gaps. The forecast
// CSV carries each row's length (interval_s), so that a shorter last interval of a day (the bank
// data's 21:00-21:05) is never read as a whole one.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "models/backtest.hpp"
#include "models/calendar.hpp"
#include "models/forecast.hpp"
#include "tools/call_log_csv.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/csv.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/forecast_source.hpp"
#include "tools/history_csv.hpp"
#include "tools/nearest_name.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

using Json = nlohmann::ordered_json;
using models::MethodSpec;

constexpr std::int64_t kMaxForecastDays = 1000;
constexpr std::int64_t kMaxBacktestWeeks = 1000;

std::string duration_text(std::int64_t seconds) {
  return format_duration(static_cast<double>(seconds));
}

// "auto" gives nullopt. `flag` names the flag in messages (--method or --methods).
std::optional<MethodSpec> parse_method(const std::string& flag, const std::string& text, int k) {
  try {
    return models::parse_method_name(text, k);
  } catch (const InvalidInput& e) {
    throw InputError(flag + ": " + e.what() +
                     did_you_mean(text, {"auto", "seasonal_naive", "weekday_mean", "profile",
                                         "double_seasonal", "combined"}));
  }
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

std::int64_t date_flag(const std::string& flag, const std::string& text) {
  return models::day_of(flag_value(flag, text, parse_local_date));
}

std::string date_text(std::int64_t day) {
  return format_local_date(day * models::kSecondsPerDay);
}

// The flags forecast and backtest share, read the same way.
struct HistoryFlags {
  std::string history, interval, weeks, backtest_weeks, count, type, format, out;
};

void add_history_flags(CLI::App& cmd, HistoryFlags& f) {
  cmd.add_option("--history", f.history, shared_help::kHistory)->required();
  cmd.add_option("--interval", f.interval, shared_help::kInterval);
  cmd.add_option("--count", f.count, shared_help::kCount);
  cmd.add_option("--type", f.type, shared_help::kType);
  cmd.add_option("--weeks", f.weeks, shared_help::kWeeks);
  cmd.add_option("--backtest-weeks", f.backtest_weeks, shared_help::kBacktestWeeks);
  cmd.add_option("--format", f.format, shared_help::kFormat);
  cmd.add_option("--out", f.out, shared_help::kOutFile);
}

int weeks_of(const HistoryFlags& f) {
  return f.weeks.empty()
             ? 4
             : static_cast<int>(integer_flag("--weeks", f.weeks, 1, kMaxWeekdayMeanWeeks));
}

// 0 (the default): every usable origin.
int backtest_weeks_of(const HistoryFlags& f) {
  return f.backtest_weeks.empty()
             ? 0
             : static_cast<int>(
                   integer_flag("--backtest-weeks", f.backtest_weeks, 1, kMaxBacktestWeeks));
}

// The history as the flags ask, with the --interval given (nullopt: the history's own).
struct ReadHistory {
  History history;
  std::optional<std::int64_t> interval_s;
};

ReadHistory read_history_flags(const HistoryFlags& f) {
  std::optional<std::int64_t> interval;
  if (!f.interval.empty()) interval = flag_value("--interval", f.interval, parse_interval_s);
  HistoryOptions options;
  options.log_interval_s = interval.value_or(1800);
  if (!f.count.empty()) options.count = flag_value("--count", f.count, parse_call_count);
  options.types = f.type;
  ReadHistory r{read_history(f.history, options), interval};
  const std::int64_t own = r.history.series.grid().interval_s;
  if (r.interval_s && *r.interval_s % own != 0) {
    throw InputError("--interval: expected a multiple of the history's interval " +
                     duration_text(own) + ", found " + quote(f.interval));
  }
  return r;
}

// What the history holds: its days and hours, what was counted, and its long gaps.
std::string describe(const std::string& path, const History& history) {
  const models::IntervalSeries& s = history.series;
  std::string out = display_name(path) + ": " + std::to_string(s.day_count()) + " days " +
                    date_text(s.day(0)) + " to " + date_text(s.days().back()) + ", " +
                    duration_text(s.grid().interval_s) + " intervals " +
                    format_clock(static_cast<double>(s.grid().day_begin_s)) + "-" +
                    format_clock(static_cast<double>(s.grid().day_end_s)) + "\n";
  if (!history.counted.empty()) out += "  " + history.counted + "\n";
  for (const HistoryGap& gap : long_gaps(s)) {
    out += "warning: no data from " + date_text(gap.first_day) + " to " + date_text(gap.last_day) +
           " (" + std::to_string(gap.last_day - gap.first_day + 1) +
           " days): the methods take days missing from a history as closed, not as days without "
           "calls: same-weekday lookups and smoothing step over them, and " +
           date_text(gap.last_day + 1) + " counts as a day after a closure\n";
  }
  return out;
}

std::string partial_note(const models::IntradayGrid& grid) {
  const int last = grid.slot_count() - 1;
  if (!grid.is_partial(last)) return "";
  return "note: the last interval of each day, " +
         format_clock(static_cast<double>(grid.slot_start_s(last))) + ", covers only " +
         duration_text(grid.slot_length_s(last)) + " (the day ends at " +
         format_clock(static_cast<double>(grid.day_end_s)) +
         "); its calls are for that part, and its interval_s says so.\n";
}

// Writes the result: to --out with the summary and a line on standard output, or to standard
// output with the summary on standard error (so that the result can be piped).
void deliver(const HistoryFlags& f, const std::string& result, const std::string& summary,
             std::size_t rows) {
  if (f.out.empty() || is_standard_stream(f.out)) {
    std::cerr << summary;
    std::cout << result;
    return;
  }
  write_file_atomically(f.out, result);
  std::cout << summary << "wrote " << f.out << " (" << rows << " rows)\n";
}

// ---- forecast -------------------------------------------------------------------------------

struct ForecastFlags : HistoryFlags {
  std::string days, from, to, method, closed;
};

std::string forecast_table(const std::vector<Json>& rows) {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-20s %7s %10s %15s %15s\n", "interval_start", "length",
                "calls", "80% interval", "95% interval");
  out += line;
  for (const Json& r : rows) {
    const std::string i80 =
        format_fixed(r["lo80"].get<double>(), 0) + "-" + format_fixed(r["hi80"].get<double>(), 0);
    const std::string i95 =
        format_fixed(r["lo95"].get<double>(), 0) + "-" + format_fixed(r["hi95"].get<double>(), 0);
    std::snprintf(line, sizeof line, "%-20s %7s %10.1f %15s %15s\n",
                  r["interval_start"].get<std::string>().c_str(),
                  duration_text(r["interval_s"].get<std::int64_t>()).c_str(),
                  r["calls"].get<double>(), i80.c_str(), i95.c_str());
    out += line;
  }
  return out;
}

std::string forecast_csv(const std::vector<Json>& rows) {
  std::string csv = "interval_start,interval_s,calls,lo80,hi80,lo95,hi95\n";
  for (const Json& r : rows) {
    std::ostringstream line;
    line << r["interval_start"].get<std::string>() << ',' << r["interval_s"].get<std::int64_t>()
         << ',' << format_fixed(r["calls"].get<double>(), 3);
    for (const char* key : {"lo80", "hi80", "lo95", "hi95"}) {
      line << ',' << format_fixed(r[key].get<double>(), 0);
    }
    csv += line.str() + "\n";
  }
  return csv;
}

// "8.46% (day 10%-90%: 4.1%-13.2%)": a WAPE and the spread of its days.
std::string wape_with_spread(const models::BacktestResult& r) {
  return format_percent(r.at_interval->wape) +
         " (day 10%-90%: " + format_percent(r.day_wape.p10, 1) + "-" +
         format_percent(r.day_wape.p90, 1) + ")";
}

// The lines on the method: auto's candidates with its nested figure, the method used.
std::string forecast_method_summary(const models::ForecastResult& result, bool method_given,
                                    const std::string& interval_text) {
  std::string summary;
  const models::BacktestResult& b = result.backtest;
  if (result.nested) {
    summary += "auto: rolling-origin backtest WAPE at " + interval_text + ", " +
               std::to_string(b.origins) + " origins " + date_text(b.first_origin) + " to " +
               date_text(b.last_origin) + ", " + std::to_string(b.scored_days) +
               " forecast days scored per method:\n";
    for (const auto& c : result.candidates) {
      summary += "  " + c.name + ": " + wape_with_spread(c) + "\n";
    }
    summary += "  auto (nested: each origin's choice from earlier origins only): " +
               wape_with_spread(*result.nested) + "\n";
  }
  const auto& d = result.nested ? *result.nested->dispersion_interval : *b.dispersion_interval;
  summary +=
      "method: " + models::methods_name(result.methods) +
      (method_given ? "" : " (chosen by auto)") + "; backtest WAPE " +
      format_percent(b.at_interval->wape) + " at " + interval_text +
      (result.nested ? " in sample (biased low: the choice was fitted on it), " +
                           format_percent(result.nested->at_interval->wape) + " nested (honest)"
                     : "") +
      ", " + format_percent(b.daily.wape) + " on daily totals; day-level CV " +
      format_percent(std::sqrt(d.day_variance)) + ", interval-level CV " +
      format_percent(std::sqrt(d.slot_variance)) + " beyond Poisson" +
      (result.nested ? " (of the nested backtest)" : "") + "\n";
  return summary;
}

void run_forecast(const ForecastFlags& f) {
  const OutputFormat format = output_format(f.format, f.out, true);
  const int k = weeks_of(f);
  const std::optional<MethodSpec> method =
      parse_method("--method", f.method.empty() ? "auto" : f.method, k);
  if (!f.weeks.empty() && (!method || method->method != models::ForecastMethod::kWeekdayMean)) {
    throw InputError(
        "--weeks: applies to --method weekday_mean (auto compares k = 1, 2, 3, 4, 6 "
        "and 8), found --method " +
        (f.method.empty() ? std::string("auto") : f.method));
  }
  const int backtest_weeks = backtest_weeks_of(f);
  const bool use_range = !f.from.empty() || !f.to.empty();
  if (use_range && !f.days.empty()) {
    throw InputError("--days: give either --days or --from and --to, not both");
  }
  if (use_range && (f.from.empty() || f.to.empty())) {
    throw InputError("--from/--to: give both dates of the range");
  }
  const int days =
      f.days.empty() ? 1 : static_cast<int>(integer_flag("--days", f.days, 1, kMaxForecastDays));
  std::vector<std::int64_t> closed;
  for (const std::string& d : split_commas(f.closed)) closed.push_back(date_flag("--closed", d));
  const ReadHistory read = read_history_flags(f);
  const models::IntervalSeries& series = read.history.series;

  models::ForecastRequest request;
  request.method = method;
  request.interval_s = read.interval_s.value_or(series.grid().interval_s);
  request.closed_days = closed;
  request.origin_weeks = backtest_weeks;
  if (use_range) {
    const std::int64_t from = date_flag("--from", f.from), to = date_flag("--to", f.to);
    if (from <= series.days().back()) {
      throw InputError("--from: expected a date after the history's last day " +
                       date_text(series.days().back()) + ", found " + quote(f.from));
    }
    if (to < from) {
      throw InputError("--to: expected a date not before --from " + f.from + ", found " +
                       quote(f.to));
    }
    try {
      request.target_days = models::open_days_between(series, from, to, closed);
    } catch (const InvalidInput&) {
      // The only failure left once --from and --to are checked: no open weekday in the range.
      throw InputError(
          "--from/--to: expected a range holding a weekday the history opens on, found none "
          "from " +
          f.from + " to " + f.to);
    }
  } else {
    request.target_days = models::next_open_days(series, days, closed);
  }
  models::ForecastResult result;
  try {
    result = models::forecast(series, request);
  } catch (const InvalidInput& e) {
    throw InputError(display_name(f.history) + ": " +
                     (use_range ? "--to " + f.to : "--days " + std::to_string(days)) + ": " +
                     e.what());
  }

  std::vector<Json> rows;
  for (const auto& day : result.days) {
    for (std::size_t s = 0; s < day.calls.size(); ++s) {
      const int slot = static_cast<int>(s);
      Json row;
      row["interval_start"] =
          format_local_datetime(day.day * models::kSecondsPerDay + result.grid.slot_start_s(slot));
      row["interval_s"] = result.grid.slot_length_s(slot);
      row["calls"] = day.calls[s];
      row["lo80"] = day.lo80[s];
      row["hi80"] = day.hi80[s];
      row["lo95"] = day.lo95[s];
      row["hi95"] = day.hi95[s];
      rows.push_back(std::move(row));
    }
  }
  const std::string interval_text = duration_text(request.interval_s);
  std::string summary = describe(f.history, read.history);
  summary += forecast_method_summary(result, method.has_value(), interval_text);
  summary += partial_note(result.grid);
  std::string text;
  switch (format) {
    case OutputFormat::csv:
      text = forecast_csv(rows);
      break;
    case OutputFormat::json:
      text = Json(rows).dump(2) + "\n";
      break;
    case OutputFormat::table:
      text = forecast_table(rows);
      break;
  }
  deliver(f, text, summary, rows.size());
}

// ---- backtest -------------------------------------------------------------------------------

struct BacktestFlags : HistoryFlags {
  std::string days, methods;
};

// --days of backtest: one or several horizons, "1,10".
std::vector<int> horizons_of(const std::string& text) {
  if (text.empty()) return {1};
  std::vector<int> horizons;
  for (const std::string& part : split_commas(text)) {
    horizons.push_back(static_cast<int>(integer_flag("--days", part, 1, kMaxForecastDays)));
  }
  if (horizons.empty())
    throw InputError("--days: expected open days ahead such as 1 or 1,10, found " + quote(text));
  return horizons;
}

// "1 open day", "1,10 open days".
std::string horizons_text(const std::vector<int>& horizons) {
  std::string text;
  for (int h : horizons) text += (text.empty() ? "" : ",") + std::to_string(h);
  return text + " open day" + (horizons.size() == 1 && horizons[0] == 1 ? "" : "s");
}

bool is_auto_candidate(const MethodSpec& m) {
  for (const MethodSpec& c : models::auto_candidates()) {
    if (models::method_name(c) == models::method_name(m)) return true;
  }
  return false;
}

Json backtest_record(const models::BacktestResult& r, std::int64_t own,
                     const models::BacktestOptions& options) {
  Json j;
  j["method"] = r.name;
  j["horizon_days"] = r.horizon_days;
  j["origins"] = r.origins;
  j["first_origin"] = date_text(r.first_origin);
  j["last_origin"] = date_text(r.last_origin);
  j["scored_days"] = r.scored_days;
  j["history_interval_s"] = own;
  j["wape_history"] = r.at_history.wape;
  j["mape_history"] = r.at_history.mape;
  j["rmse_history"] = r.at_history.rmse;
  j["coverage80_history"] = r.coverage80_history;
  j["coverage95_history"] = r.coverage95_history;
  if (r.at_interval) {
    j["evaluation_interval_s"] = options.evaluation_interval_s;
    j["wape_interval"] = r.at_interval->wape;
    j["mape_interval"] = r.at_interval->mape;
    j["rmse_interval"] = r.at_interval->rmse;
    j["coverage80_interval"] = r.coverage80_interval;
    j["coverage95_interval"] = r.coverage95_interval;
  }
  // The spread of single days, at the evaluation interval (the history's without one).
  j["wape_day_p10"] = r.day_wape.p10;
  j["wape_day_p50"] = r.day_wape.p50;
  j["wape_day_p90"] = r.day_wape.p90;
  j["wape_daily"] = r.daily.wape;
  j["mape_daily"] = r.daily.mape;
  j["rmse_daily"] = r.daily.rmse;
  return j;
}

// One table per horizon: a method per row.
std::string backtest_table(const std::vector<Json>& records, const std::string& res,
                           const std::string& eval) {
  std::string text;
  char line[512];
  const bool coarse = !eval.empty();
  int horizon = 0;
  for (const Json& r : records) {
    if (r["horizon_days"].get<int>() != horizon) {
      horizon = r["horizon_days"].get<int>();
      text += std::string(text.empty() ? "" : "\n") + std::to_string(horizon) + " open day" +
              (horizon == 1 ? "" : "s") + " ahead, origins " +
              r["first_origin"].get<std::string>() + " to " + r["last_origin"].get<std::string>() +
              ":\n";
      std::snprintf(line, sizeof line, "%-18s %7s | %8s %8s %8s | %6s %6s", "method", "origins",
                    ("WAPE" + res).c_str(), ("MAPE" + res).c_str(), ("RMSE" + res).c_str(), "cov80",
                    "cov95");
      text += line;
      if (coarse) {
        std::snprintf(line, sizeof line, " | %8s %8s %8s | %6s %6s", ("WAPE" + eval).c_str(),
                      ("MAPE" + eval).c_str(), ("RMSE" + eval).c_str(), ("c80/" + eval).c_str(),
                      ("c95/" + eval).c_str());
        text += line;
      }
      text += " | day WAPE p10/p50/p90 | WAPEday  MAPEday  RMSEday\n";
    }
    auto pct = [&](const char* key) { return format_percent(r[key].get<double>()); };
    std::snprintf(line, sizeof line, "%-18s %7d | %8s %8s %8s | %6s %6s",
                  r["method"].get<std::string>().c_str(), r["origins"].get<int>(),
                  pct("wape_history").c_str(), pct("mape_history").c_str(),
                  format_fixed(r["rmse_history"].get<double>(), 1).c_str(),
                  pct("coverage80_history").c_str(), pct("coverage95_history").c_str());
    text += line;
    if (coarse) {
      std::snprintf(line, sizeof line, " | %8s %8s %8s | %6s %6s", pct("wape_interval").c_str(),
                    pct("mape_interval").c_str(),
                    format_fixed(r["rmse_interval"].get<double>(), 1).c_str(),
                    pct("coverage80_interval").c_str(), pct("coverage95_interval").c_str());
      text += line;
    }
    const std::string spread = format_percent(r["wape_day_p10"].get<double>(), 1) + " " +
                               format_percent(r["wape_day_p50"].get<double>(), 1) + " " +
                               format_percent(r["wape_day_p90"].get<double>(), 1);
    std::snprintf(line, sizeof line, " | %20s | %7s %8s %8s\n", spread.c_str(),
                  pct("wape_daily").c_str(), pct("mape_daily").c_str(),
                  format_fixed(r["rmse_daily"].get<double>(), 0).c_str());
    text += line;
  }
  return text;
}

void run_backtest(const BacktestFlags& f) {
  const OutputFormat format = output_format(f.format, f.out, true);
  const std::vector<int> horizons = horizons_of(f.days);
  const int k = weeks_of(f);
  const int backtest_weeks = backtest_weeks_of(f);
  std::vector<MethodSpec> methods;
  // auto (the default) stands for every method it compares, and adds its nested figure.
  bool weekday_mean_asked = false, with_auto = f.methods.empty();
  if (f.methods.empty()) {
    methods = models::auto_candidates();
  } else {
    for (const std::string& name : split_commas(f.methods)) {
      const auto m = parse_method("--methods", name, k);
      if (!m) {
        with_auto = true;
        for (const auto& c : models::auto_candidates()) methods.push_back(c);
      } else {
        weekday_mean_asked =
            weekday_mean_asked || m->method == models::ForecastMethod::kWeekdayMean;
        methods.push_back(*m);
      }
    }
  }
  if (!f.weeks.empty() && !weekday_mean_asked) {
    throw InputError(
        "--weeks: applies to weekday_mean in --methods (auto compares k = 1, 2, 3, 4, 6 and 8), "
        "found --methods " +
        (f.methods.empty() ? std::string("(all that auto compares)") : f.methods));
  }
  const ReadHistory read = read_history_flags(f);
  const models::IntervalSeries& series = read.history.series;
  const std::int64_t own = series.grid().interval_s;
  models::BacktestOptions options;
  options.origin_weeks = backtest_weeks;
  // Scored at --interval when it is coarser than the history, else at 30 minutes when the
  // history's interval divides them.
  options.evaluation_interval_s = read.interval_s.value_or(1800 % own == 0 ? 1800 : 0);
  if (options.evaluation_interval_s == own) options.evaluation_interval_s = 0;
  const std::string res = duration_text(own);
  const std::string eval =
      options.evaluation_interval_s > 0 ? duration_text(options.evaluation_interval_s) : "";
  std::string summary = describe(f.history, read.history);
  summary += "rolling origin: every day with a full horizon, " +
             (backtest_weeks > 0
                  ? "over the last " + std::to_string(backtest_weeks) + " weeks of such days"
                  : std::string("over the whole usable history")) +
             "; " + horizons_text(horizons) + " ahead (all leads scored)\n";
  if (with_auto) {
    summary +=
        "auto (nested): at each origin, auto chooses from the origins whose targets all "
        "precede it (the lowest WAPE at " +
        (eval.empty() ? res : eval) +
        ", averaged with the methods a Diebold-Mariano test cannot tell from it), then "
        "forecasts\n";
  }
  if (options.evaluation_interval_s > 0) {
    summary += partial_note(models::aggregate_grid(series.grid(), options.evaluation_interval_s));
  }
  std::vector<Json> records;
  for (int days : horizons) {
    options.horizon_days = days;
    try {
      if (with_auto) {
        const models::AutoBacktest a =
            models::backtest_auto(series, models::auto_candidates(), options);
        for (const auto& c : a.candidates) records.push_back(backtest_record(c, own, options));
        records.push_back(backtest_record(a.nested, own, options));
      }
      for (const MethodSpec& m : methods) {
        if (with_auto && is_auto_candidate(m)) continue;  // listed with auto
        records.push_back(backtest_record(models::backtest(series, m, options), own, options));
      }
    } catch (const InvalidInput& e) {
      throw InputError(display_name(f.history) + ": --days " + std::to_string(days) + ": " +
                       e.what());
    }
  }
  std::string text;
  if (format == OutputFormat::json) {
    text = Json(records).dump(2) + "\n";
  } else if (format == OutputFormat::csv) {
    text = records_csv(records);
  } else {
    text = backtest_table(records, res, eval);
  }
  if (format == OutputFormat::table && (f.out.empty() || is_standard_stream(f.out))) {
    std::cout << summary << text;  // a table on the terminal reads best under its summary
    return;
  }
  deliver(f, text, summary, records.size());
}

}  // namespace

void add_forecast_command(CLI::App& app) {
  auto flags = std::make_shared<ForecastFlags>();
  CLI::App* cmd = app.add_subcommand(
      "forecast", "Forecast calls per interval with 80%/95% prediction intervals from a history");
  add_history_flags(*cmd, *flags);
  cmd->add_option("--days", flags->days, shared_help::kDays);
  cmd->add_option("--from", flags->from, "First date to forecast (YYYY-MM-DD)");
  cmd->add_option("--to", flags->to, "Last date to forecast (YYYY-MM-DD)");
  cmd->add_option("--method", flags->method,
                  "auto|seasonal_naive|weekday_mean|profile|double_seasonal|combined (default "
                  "auto)");
  cmd->add_option("--closed", flags->closed,
                  "Comma-separated dates the centre is closed (holidays): not forecast, and the "
                  "next open day gets the after-closure uplift");
  cmd->footer(
      "The forecast has one row per interval: interval_start,interval_s,calls,lo80,hi80,lo95,"
      "hi95\n(interval_s is the row's length: the last interval of a day can be shorter). "
      "--interval must be\na multiple of a counts history's own interval. With --out FILE the "
      "summary goes to standard\noutput; without, the forecast goes to standard output and the "
      "summary to standard error.");
  cmd->callback([flags] { run_forecast(*flags); });
}

void add_backtest_command(CLI::App& app) {
  auto flags = std::make_shared<BacktestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "backtest", "Rolling-origin accuracy of the forecasting methods on a history");
  add_history_flags(*cmd, *flags);
  cmd->add_option("--days", flags->days,
                  std::string(shared_help::kDays) + "; several horizons as a list, e.g. 1,10");
  cmd->add_option("--methods", flags->methods,
                  "Comma-separated methods; auto adds all that auto compares and auto's nested "
                  "figure (default auto)");
  cmd->footer(
      "Errors are scored at the history's interval, at --interval (default 30m when the history's\n"
      "interval divides it) and on daily totals; coverage is that of the 80% and 95% prediction\n"
      "intervals; day WAPE p10/p50/p90 the spread of single days' WAPE. auto (nested) is auto\n"
      "scored honestly: at each origin it chooses from earlier origins only. One record per\n"
      "method and horizon in json and csv.");
  cmd->callback([flags] { run_backtest(*flags); });
}

}  // namespace staffsim::tools
