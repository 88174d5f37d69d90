// `staffsim forecast` and `staffsim backtest`: call-volume forecasts from a history file.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "models/backtest.hpp"
#include "models/calendar.hpp"
#include "models/forecast.hpp"
#include "tools/cli_error.hpp"
#include "tools/commands.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/history_csv.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

using models::MethodSpec;

std::string percent(double fraction) {
  if (!std::isfinite(fraction)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f%%", 100.0 * fraction);
  return buf;
}

std::string fixed(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

// A duration flag as whole seconds; `what` names the flag in messages.
std::int64_t duration_flag(const std::string& flag, const std::string& text) {
  double seconds = 0;
  try {
    seconds = parse_duration_s(text);
  } catch (const InvalidInput& e) {
    throw InputError(flag + ": " + e.what());
  }
  if (!(seconds >= 1) || seconds != std::floor(seconds)) {
    throw InputError(flag + ": expected a positive whole number of seconds, found " + quote(text));
  }
  return static_cast<std::int64_t>(seconds);
}

// "1d", "3d", "2w": calendar days.
std::int64_t parse_horizon_days(const std::string& text) {
  long long n = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (ec != std::errc() || n < 1 || ptr + 1 != end || (*ptr != 'd' && *ptr != 'w')) {
    throw InputError(
        "--horizon: expected a whole number of days or weeks such as 1d or 2w, "
        "found " +
        quote(text));
  }
  return *ptr == 'w' ? 7 * n : n;
}

// "auto" gives nullopt.
std::optional<MethodSpec> parse_method(const std::string& text, int k) {
  try {
    return models::parse_method_name(text, k);
  } catch (const InvalidInput& e) {
    throw InputError(std::string("--method: ") + e.what());
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
  try {
    return models::day_of(parse_local_date(text));
  } catch (const InvalidInput& e) {
    throw InputError(flag + ": " + e.what());
  }
}

int open_weekday_count(const models::IntervalSeries& series) {
  int n = 0;
  for (bool b : series.open_weekdays()) n += b ? 1 : 0;
  return n;
}

std::string describe(const std::string& path, const models::IntervalSeries& s) {
  return path + ": " + std::to_string(s.day_count()) + " days " +
         format_local_date(s.day(0) * models::kSecondsPerDay) + " to " +
         format_local_date(s.days().back() * models::kSecondsPerDay) + ", " +
         format_duration(static_cast<double>(s.grid().interval_s)) + " intervals " +
         format_local_datetime(s.grid().day_begin_s).substr(11, 5) + "-" +
         (s.grid().day_end_s == models::kSecondsPerDay
              ? std::string("24:00")
              : format_local_datetime(s.grid().day_end_s).substr(11, 5));
}

std::string partial_note(const models::IntradayGrid& grid) {
  const int last = grid.slot_count() - 1;
  if (!grid.is_partial(last)) return "";
  return "note: the last interval of each day, " +
         format_local_datetime(grid.slot_start_s(last)).substr(11, 5) + ", covers only " +
         format_duration(static_cast<double>(grid.slot_length_s(last))) + " (the day ends at " +
         format_local_datetime(grid.day_end_s).substr(11, 5) + "); its calls are for that part.\n";
}

struct ForecastFlags {
  std::string history, interval, method = "auto", from, to, out, closed;
  int days = 1;
  int k = 4;
  int backtest_weeks = 12;
};

void run_forecast(const ForecastFlags& f, const CLI::App& cmd) {
  const std::optional<MethodSpec> method = parse_method(f.method, f.k);
  if (f.k < 1) throw InputError("--k: expected a whole number >= 1, found " + std::to_string(f.k));
  if (f.backtest_weeks < 1) {
    throw InputError("--backtest-weeks: expected a whole number >= 1, found " +
                     std::to_string(f.backtest_weeks));
  }
  const bool use_range = cmd.count("--from") > 0 || cmd.count("--to") > 0;
  if (use_range && cmd.count("--days") > 0) {
    throw InputError("--days: give either --days or --from and --to, not both");
  }
  if (use_range && (f.from.empty() || f.to.empty())) {
    throw InputError("--from/--to: give both dates of the range");
  }
  if (!use_range && f.days < 1) {
    throw InputError("--days: expected a whole number >= 1, found " + std::to_string(f.days));
  }
  const std::int64_t log_interval =
      f.interval.empty() ? 1800 : duration_flag("--interval", f.interval);
  History history = read_history(f.history, log_interval);
  const models::IntervalSeries& series = history.series;
  std::int64_t interval = series.grid().interval_s;
  if (!f.interval.empty()) {
    interval = duration_flag("--interval", f.interval);
    if (interval % series.grid().interval_s != 0) {
      throw InputError("--interval: expected a multiple of the history's interval " +
                       format_duration(static_cast<double>(series.grid().interval_s)) + ", found " +
                       quote(f.interval));
    }
  }
  std::vector<std::int64_t> closed;
  for (const std::string& d : split_commas(f.closed)) closed.push_back(date_flag("--closed", d));

  models::ForecastRequest request;
  request.method = method;
  request.interval_s = interval;
  request.closed_days = closed;
  request.origin_weeks = f.backtest_weeks;
  try {
    if (use_range) {
      const std::int64_t from = date_flag("--from", f.from), to = date_flag("--to", f.to);
      if (from <= series.days().back()) {
        throw InputError("--from: expected a date after the history's last day " +
                         format_local_date(series.days().back() * models::kSecondsPerDay) +
                         ", found " + quote(f.from));
      }
      if (to < from) {
        throw InputError("--to: expected a date not before --from " + f.from + ", found " +
                         quote(f.to));
      }
      request.target_days = models::open_days_between(series, from, to, closed);
    } else {
      request.target_days = models::next_open_days(series, f.days, closed);
    }
  } catch (const InputError&) {
    throw;
  } catch (const InvalidInput& e) {
    if (use_range) {
      // The only failure left once --from and --to are checked: no open weekday in the range.
      throw InputError(
          "--from/--to: expected a range holding a weekday the history opens on, "
          "found none from " +
          f.from + " to " + f.to);
    }
    throw InputError(std::string("--days: ") + e.what());
  }
  models::ForecastResult result;
  try {
    result = models::forecast(series, request);
  } catch (const InvalidInput& e) {
    throw InputError(f.history + ": " +
                     (use_range ? "--to " + f.to : "--days " + std::to_string(f.days)) + ": " +
                     e.what());
  }

  std::string csv = "interval_start,calls,lo80,hi80,lo95,hi95\n";
  for (const auto& day : result.days) {
    for (std::size_t s = 0; s < day.calls.size(); ++s) {
      csv += format_local_datetime(day.day * models::kSecondsPerDay +
                                   result.grid.slot_start_s(static_cast<int>(s)));
      csv += "," + fixed(day.calls[s], 3) + "," + fixed(day.lo80[s], 0) + "," +
             fixed(day.hi80[s], 0) + "," + fixed(day.lo95[s], 0) + "," + fixed(day.hi95[s], 0) +
             "\n";
    }
  }
  std::string summary = describe(f.history, series) + "\n";
  if (!result.candidates.empty()) {
    summary += "auto: rolling-origin backtest WAPE at " +
               format_duration(static_cast<double>(interval)) + ", " +
               std::to_string(result.backtest.origins) + " origins, " +
               std::to_string(result.days.empty() ? 0 : result.backtest.scored_days) +
               " forecast days scored per method:\n";
    for (const auto& c : result.candidates) {
      summary += "  " + models::method_name(c.method) + ": " + percent(c.at_interval->wape) + "\n";
    }
  }
  const auto& d = *result.backtest.dispersion_interval;
  summary += "method: " + models::method_name(result.method) + (method ? "" : " (chosen by auto)") +
             "; backtest WAPE " + percent(result.backtest.at_interval->wape) + " at " +
             format_duration(static_cast<double>(interval)) + ", " +
             percent(result.backtest.daily.wape) + " on daily totals; day-level CV " +
             percent(std::sqrt(d.day_variance)) + ", interval-level CV " +
             percent(std::sqrt(d.slot_variance)) + " beyond Poisson\n";
  summary += partial_note(result.grid);
  if (f.out.empty()) {
    std::cout << csv;
    std::cerr << summary;
  } else {
    write_file_atomically(f.out, csv);
    std::cout << summary << "wrote " << f.out << " ("
              << result.days.size() * static_cast<std::size_t>(result.grid.slot_count())
              << " rows)\n";
  }
}

struct BacktestFlags {
  std::string history, horizon = "1d", methods, interval;
  int k = 4;
  int backtest_weeks = 12;
};

void run_backtest(const BacktestFlags& f) {
  const std::int64_t horizon_calendar_days = parse_horizon_days(f.horizon);
  if (f.backtest_weeks < 1) {
    throw InputError("--backtest-weeks: expected a whole number >= 1, found " +
                     std::to_string(f.backtest_weeks));
  }
  std::vector<MethodSpec> methods;
  if (f.methods.empty()) {
    methods = models::auto_candidates();
  } else {
    for (const std::string& name : split_commas(f.methods)) {
      const auto m = parse_method(name, f.k);
      if (!m) {
        for (const auto& c : models::auto_candidates()) methods.push_back(c);
      } else {
        methods.push_back(*m);
      }
    }
  }
  const std::int64_t log_interval =
      f.interval.empty() ? 1800 : duration_flag("--interval", f.interval);
  const History history = read_history(f.history, log_interval);
  const auto& series = history.series;
  const int horizon_open =
      std::max<int>(1, static_cast<int>(std::lround(static_cast<double>(horizon_calendar_days) *
                                                    open_weekday_count(series) / 7.0)));
  models::BacktestOptions options;
  options.horizon_days = horizon_open;
  options.origin_weeks = f.backtest_weeks;
  // 30-minute staffing intervals, when the history's interval divides them.
  options.evaluation_interval_s = 1800 % series.grid().interval_s == 0 ? 1800 : 0;
  const std::string res = format_duration(static_cast<double>(series.grid().interval_s));
  std::ostringstream out;
  out << describe(f.history, series) << "\n";
  out << "rolling origin: every day with a full horizon, over the last " << f.backtest_weeks
      << " weeks of such days; horizon " << f.horizon << " = " << horizon_open << " open day"
      << (horizon_open == 1 ? "" : "s") << " ahead (all leads scored)\n";
  if (options.evaluation_interval_s > 0) {
    out << partial_note(models::aggregate_grid(series.grid(), options.evaluation_interval_s));
  }
  char line[512];
  std::snprintf(line, sizeof line,
                "%-18s %7s | %8s %8s %8s | %8s %8s %8s | %8s %8s %8s | %6s %6s | %6s %6s\n",
                "method", "origins", ("WAPE" + res).c_str(), ("MAPE" + res).c_str(),
                ("RMSE" + res).c_str(), "WAPE30m", "MAPE30m", "RMSE30m", "WAPEday", "MAPEday",
                "RMSEday", "cov80", "cov95", "c80/30", "c95/30");
  out << line;
  for (const MethodSpec& m : methods) {
    models::BacktestResult r;
    try {
      r = models::backtest(series, m, options);
    } catch (const InvalidInput& e) {
      throw InputError(f.history + ": --horizon " + f.horizon + ": " + e.what());
    }
    const bool coarse = r.at_interval.has_value();
    std::snprintf(line, sizeof line,
                  "%-18s %7d | %8s %8s %8s | %8s %8s %8s | %8s %8s %8s | %6s %6s | %6s %6s\n",
                  models::method_name(m).c_str(), r.origins, percent(r.at_history.wape).c_str(),
                  percent(r.at_history.mape).c_str(), fixed(r.at_history.rmse, 1).c_str(),
                  coarse ? percent(r.at_interval->wape).c_str() : "n/a",
                  coarse ? percent(r.at_interval->mape).c_str() : "n/a",
                  coarse ? fixed(r.at_interval->rmse, 1).c_str() : "n/a",
                  percent(r.daily.wape).c_str(), percent(r.daily.mape).c_str(),
                  fixed(r.daily.rmse, 0).c_str(), percent(r.coverage80_history).c_str(),
                  percent(r.coverage95_history).c_str(),
                  coarse ? percent(r.coverage80_interval).c_str() : "n/a",
                  coarse ? percent(r.coverage95_interval).c_str() : "n/a");
    out << line;
  }
  std::cout << out.str();
}

}  // namespace

void add_forecast_command(CLI::App& app) {
  auto flags = std::make_shared<ForecastFlags>();
  CLI::App* cmd = app.add_subcommand(
      "forecast", "Forecast calls per interval with 80%/95% prediction intervals from a history");
  cmd->add_option("--history", flags->history,
                  "CSV history: timestamp,calls counts, or a call log with an arrival column")
      ->required();
  cmd->add_option("--interval", flags->interval,
                  "Output interval, a multiple of the history's (default: the history's; a call "
                  "log is counted at this interval, default 30m)");
  cmd->add_option("--days", flags->days, "Forecast the next N open days (default 1)");
  cmd->add_option("--from", flags->from, "First date to forecast (YYYY-MM-DD)");
  cmd->add_option("--to", flags->to, "Last date to forecast (YYYY-MM-DD)");
  cmd->add_option("--method", flags->method,
                  "auto|seasonal_naive|weekday_mean|profile|double_seasonal|combined (default "
                  "auto)");
  cmd->add_option("--k", flags->k, "Same weekdays averaged by weekday_mean (default 4)");
  cmd->add_option("--closed", flags->closed,
                  "Comma-separated dates the centre is closed (holidays): not forecast, and the "
                  "next open day gets the after-closure uplift");
  cmd->add_option("--backtest-weeks", flags->backtest_weeks,
                  "Weeks at the end of the history used as rolling origins (default 12)");
  cmd->add_option("--out", flags->out, "Output CSV (default: standard output)");
  cmd->callback([flags, cmd] { run_forecast(*flags, *cmd); });
}

void add_backtest_command(CLI::App& app) {
  auto flags = std::make_shared<BacktestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "backtest", "Rolling-origin accuracy of the forecasting methods on a history");
  cmd->add_option("--history", flags->history, "CSV history (as for forecast)")->required();
  cmd->add_option("--horizon", flags->horizon, "How far ahead: 1d, 2w, ... (default 1d)");
  cmd->add_option("--methods", flags->methods,
                  "Comma-separated methods (default: all that auto compares)");
  cmd->add_option("--k", flags->k, "Same weekdays averaged by weekday_mean (default 4)");
  cmd->add_option("--interval", flags->interval, "Interval a call log is counted at (default 30m)");
  cmd->add_option("--backtest-weeks", flags->backtest_weeks,
                  "Weeks at the end of the history used as rolling origins (default 12)");
  cmd->callback([flags] { run_backtest(*flags); });
}

}  // namespace staffsim::tools
