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
#include "models/handle_time_profile.hpp"
#include "models/intraday_update.hpp"
#include "tools/call_log_csv.hpp"
#include "tools/cli_error.hpp"
#include "tools/cli_options.hpp"
#include "tools/commands.hpp"
#include "tools/csv.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/forecast_adjust.hpp"
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
                                         "double_seasonal", "combined", "ets"}));
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

ReadHistory read_history_flags(const HistoryFlags& f, bool partial_last_day = false) {
  std::optional<std::int64_t> interval;
  if (!f.interval.empty()) interval = flag_value("--interval", f.interval, parse_interval_s);
  HistoryOptions options;
  options.log_interval_s = interval.value_or(1800);
  if (!f.count.empty()) options.count = flag_value("--count", f.count, parse_call_count);
  options.types = f.type;
  options.partial_last_day = partial_last_day;
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
  if (history.partial) {
    out += "  and " + date_text(history.partial->day) + " up to " +
           clock_of(history.partial->observed_until_s(s.grid())) +
           ": the day it stops partway through\n";
  }
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
  std::vector<std::string> adjust;
};

// ---- forecast: handle time beside the calls ------------------------------------------------

// Mean handle time per weekday and output interval from a call log's served calls
// (models/handle_time_profile.hpp); nullopt for a history without them.
std::optional<models::HandleTimeProfile> handle_times(const History& history,
                                                      const models::IntradayGrid& grid) {
  std::vector<models::ServedCall> calls;
  for (const auto& [arrival, handle_s] : history.served) {
    const std::int64_t second = models::second_of_day(arrival);
    if (second < grid.day_begin_s || second >= grid.day_end_s) continue;
    calls.push_back({models::weekday_from_days(models::day_of(arrival)),
                     static_cast<int>((second - grid.day_begin_s) / grid.interval_s), handle_s});
  }
  if (calls.empty()) return std::nullopt;
  return models::handle_time_profile(calls, grid.slot_count());
}

std::string handle_time_note(const models::HandleTimeProfile& p) {
  std::size_t calls = 0;
  for (const auto& weekday : p.calls) {
    for (std::size_t n : weekday) calls += n;
  }
  return "aht_s: mean handle time of the " + std::to_string(calls) +
         " served calls in each weekday's interval, shrunk toward the mean of all, " +
         format_fixed(p.overall_mean_s, 1) +
         " s, where an interval has few calls (weight n / (n + " +
         (p.between_variance > 0 ? format_fixed(p.within_variance / p.between_variance, 1)
                                 : std::string("infinity")) +
         "))\n";
}

// ---- forecast: the rest of a day the history stops partway through ------------------------

// Where the update's prior came from, for the summary.
std::string prior_text(const models::IntradayPrior& prior) {
  if (prior.days == 0) {
    return " (too few backtest days to split the day's level: the whole day-level variance is "
           "taken as shared)";
  }
  return " (level CV shared by the day's parts " +
         format_percent(std::sqrt(prior.shared_variance)) + ", of the part seen " +
         format_percent(std::sqrt(prior.seen_variance)) + ", from " + std::to_string(prior.days) +
         " backtest days)";
}

// The update of the first forecast day when the history stops partway through it: the day-ahead
// forecast of result.days.front() is replaced, from the first slot not observed on, by the
// reforecast of models/intraday_update.hpp. Returns that first slot (0: no update) and adds a
// line on it to the summary.
int update_partial_day(const ForecastFlags& f, const ReadHistory& read,
                       const models::ForecastRequest& request, models::ForecastResult& result,
                       std::string& summary) {
  const std::optional<PartialDay>& partial = read.history.partial;
  const models::IntervalSeries& series = read.history.series;
  if (!partial) return 0;
  const std::string day_text = date_text(partial->day);
  const std::int64_t until = partial->observed_until_s(series.grid());
  if (result.days.empty() || result.days.front().day != partial->day) {
    summary += "note: the history stops at " + clock_of(until) + " on " + day_text +
               "; that day is not forecast, so its calls so far are not used\n";
    return 0;
  }
  const std::int64_t interval_s = result.grid.interval_s;
  if ((until - series.grid().day_begin_s) % interval_s != 0) {
    throw InputError("--interval: the history stops at " + clock_of(until) + " on " + day_text +
                     ", inside a " + duration_text(interval_s) +
                     " interval: expected it to stop at the end of one to forecast the rest of "
                     "that day, found " +
                     (f.interval.empty() ? "the default" : quote(f.interval)));
  }
  // The update's prior is the day-ahead (lead 1) dispersion at the output interval.
  models::Dispersion dispersion = *result.backtest.dispersion_interval;
  if (result.days.size() > 1) {
    models::BacktestOptions lead1;
    lead1.origin_weeks = request.origin_weeks;
    lead1.evaluation_interval_s = interval_s;
    lead1.coverage = false;
    dispersion = *models::backtest(series, result.method, lead1).dispersion_interval;
  }
  const std::vector<double> observed_all =
      models::aggregate_day(series.grid(), partial->counts, interval_s);
  const auto observed_slots =
      static_cast<std::size_t>((until - series.grid().day_begin_s) / interval_s);
  const std::span<const double> observed(observed_all.data(), observed_slots);
  models::DayForecast& day = result.days.front();
  const models::IntradayPrior prior = models::estimate_intraday_prior(
      series, series.day_count(), result.method, interval_s, static_cast<int>(observed_slots),
      request.origin_weeks, dispersion);
  const models::RestOfDayForecast rest =
      models::reforecast_rest_of_day(day.day, day.calls, observed, dispersion, prior);
  for (std::size_t i = 0; i < rest.calls.size(); ++i) {
    const std::size_t s = observed_slots + i;
    day.calls[s] = rest.calls[i];
    day.lo80[s] = rest.lo80[i];
    day.hi80[s] = rest.hi80[i];
    day.lo95[s] = rest.lo95[i];
    day.hi95[s] = rest.hi95[i];
  }
  const models::DayLevelPosterior& p = rest.level;
  summary += "intraday update: " + day_text + " seen up to " + clock_of(until) + ", " +
             format_fixed(p.observed, 0) + " calls against " + format_fixed(p.expected, 1) +
             " forecast (ratio " + format_fixed(p.plain_ratio, 3) + "); the rest of the day is " +
             "scaled by " + format_fixed(p.factor, 3) + " (weight " + format_fixed(p.weight, 3) +
             " on the ratio); level CV of the rest " +
             format_percent(std::sqrt(prior.rest_variance)) + " before, " +
             format_percent(std::sqrt(p.variance)) + " after" + prior_text(prior) + "\n";
  return static_cast<int>(observed_slots);
}

std::string forecast_table(const std::vector<Json>& rows, const std::string& footer) {
  std::string out;
  char line[160];
  std::snprintf(line, sizeof line, "%-20s %7s %10s %15s %15s", "interval_start", "length", "calls",
                "80% interval", "95% interval");
  out += line;
  out += !rows.empty() && rows.front().contains("aht_s") ? "   aht_s\n" : "\n";
  for (const Json& r : rows) {
    const std::string i80 =
        format_fixed(r["lo80"].get<double>(), 0) + "-" + format_fixed(r["hi80"].get<double>(), 0);
    const std::string i95 =
        format_fixed(r["lo95"].get<double>(), 0) + "-" + format_fixed(r["hi95"].get<double>(), 0);
    std::snprintf(line, sizeof line, "%-20s %7s %10.1f %15s %15s",
                  r["interval_start"].get<std::string>().c_str(),
                  duration_text(r["interval_s"].get<std::int64_t>()).c_str(),
                  r["calls"].get<double>(), i80.c_str(), i95.c_str());
    out += line;
    if (r.contains("aht_s")) {
      std::snprintf(line, sizeof line, " %7.1f", r["aht_s"].get<double>());
      out += line;
    }
    if (r.contains("adjustment") && !r["adjustment"].get<std::string>().empty()) {
      out += "  " + r["adjustment"].get<std::string>();
    }
    out += "\n";
  }
  return out + footer;
}

// A CSV field: in double quotes when it holds a comma or a quote.
std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string forecast_csv(const std::vector<Json>& rows) {
  const bool adjusted = !rows.empty() && rows.front().contains("adjustment");
  const bool aht = !rows.empty() && rows.front().contains("aht_s");
  std::string csv = "interval_start,interval_s,calls,lo80,hi80,lo95,hi95";
  csv += std::string(aht ? ",aht_s" : "") + (adjusted ? ",adjustment\n" : "\n");
  for (const Json& r : rows) {
    std::ostringstream line;
    line << r["interval_start"].get<std::string>() << ',' << r["interval_s"].get<std::int64_t>()
         << ',' << format_fixed(r["calls"].get<double>(), 3);
    for (const char* key : {"lo80", "hi80", "lo95", "hi95"}) {
      line << ',' << format_fixed(r[key].get<double>(), 0);
    }
    if (aht) line << ',' << format_fixed(r["aht_s"].get<double>(), 1);
    if (adjusted) line << ',' << csv_field(r["adjustment"].get<std::string>());
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

// The adjustments given and how many output intervals each changed (empty without --adjust).
std::string adjustments_note(const std::vector<ForecastAdjustment>& adjustments,
                             const std::vector<Json>& rows) {
  std::string out;
  for (const ForecastAdjustment& a : adjustments) {
    std::size_t changed = 0;
    for (const Json& r : rows) {
      changed += r["adjustment"].get<std::string>().find(a.label()) != std::string::npos;
    }
    out += "adjusted: --adjust " + a.text + " changed " + std::to_string(changed) + " interval" +
           (changed == 1 ? "" : "s") + (changed == 0 ? " (none of the forecast's)" : "") + "\n";
  }
  return out;
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
  std::vector<ForecastAdjustment> adjustments;
  for (const std::string& text : f.adjust) {
    adjustments.push_back(flag_value("--adjust", text, parse_adjustment));
  }
  const ReadHistory read = read_history_flags(f, true);
  const models::IntervalSeries& series = read.history.series;

  models::ForecastRequest request;
  request.method = method;
  request.interval_s = read.interval_s.value_or(series.grid().interval_s);
  request.closed_days = closed;
  request.origin_weeks = backtest_weeks;
  if (use_range) {
    const std::int64_t from = date_flag("--from", f.from), to = date_flag("--to", f.to);
    if (read.history.partial && from < read.history.partial->day) {
      throw InputError("--from: expected " + date_text(read.history.partial->day) +
                       " (the day the history stops partway through) or a later date, found " +
                       quote(f.from));
    }
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

  std::string summary = describe(f.history, read.history);
  std::string intraday_note;
  const int first_slot = update_partial_day(f, read, request, result, intraday_note);
  const std::optional<models::HandleTimeProfile> aht = handle_times(read.history, result.grid);
  std::vector<Json> rows;
  for (const auto& day : result.days) {
    const std::size_t first =
        &day == &result.days.front() ? static_cast<std::size_t>(first_slot) : 0;
    for (std::size_t s = first; s < day.calls.size(); ++s) {
      const int slot = static_cast<int>(s);
      AdjustedInterval value{day.calls[s], day.lo80[s], day.hi80[s], day.lo95[s], day.hi95[s], ""};
      apply_adjustments(adjustments, day.day, result.grid.slot_start_s(slot),
                        result.grid.slot_length_s(slot), result.grid.interval_s, value);
      Json row;
      row["interval_start"] =
          format_local_datetime(day.day * models::kSecondsPerDay + result.grid.slot_start_s(slot));
      row["interval_s"] = result.grid.slot_length_s(slot);
      row["calls"] = value.calls;
      row["lo80"] = value.lo80;
      row["hi80"] = value.hi80;
      row["lo95"] = value.lo95;
      row["hi95"] = value.hi95;
      if (aht) row["aht_s"] = aht->mean_s[models::weekday_from_days(day.day)][s];
      if (!adjustments.empty()) row["adjustment"] = value.applied;
      rows.push_back(std::move(row));
    }
  }
  const std::string interval_text = duration_text(request.interval_s);
  summary += forecast_method_summary(result, method.has_value(), interval_text);
  summary += partial_note(result.grid);
  summary += intraday_note;
  if (aht) summary += handle_time_note(*aht);
  const std::string adjusted = adjustments_note(adjustments, rows);
  if (format != OutputFormat::table) summary += adjusted;
  std::string text;
  switch (format) {
    case OutputFormat::csv:
      text = forecast_csv(rows);
      break;
    case OutputFormat::json:
      text = Json(rows).dump(2) + "\n";
      break;
    case OutputFormat::table:
      text = forecast_table(rows, adjusted);
      break;
  }
  deliver(f, text, summary, rows.size());
}

// ---- backtest -------------------------------------------------------------------------------

struct BacktestFlags : HistoryFlags {
  std::string days, methods, as_of;
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

// ---- backtest --as-of: the intraday update, scored ----------------------------------------

// The method the intraday backtest updates: the one asked, or the lowest day-ahead WAPE at the
// evaluation interval among those asked (forecast's auto would also average the methods a test
// cannot tell from the best; the update is scored for one method).
MethodSpec intraday_method(const models::IntervalSeries& series,
                           const std::vector<MethodSpec>& methods,
                           const models::BacktestOptions& options, std::string& why) {
  if (methods.size() == 1) return methods.front();
  std::optional<MethodSpec> best;
  double best_wape = 0;
  for (const MethodSpec& m : methods) {
    const models::BacktestResult r = models::backtest(series, m, options);
    const double wape = r.at_interval ? r.at_interval->wape : r.at_history.wape;
    if (!best || wape < best_wape) {
      best = m;
      best_wape = wape;
    }
  }
  why = " (the lowest day-ahead WAPE of the " + std::to_string(methods.size()) + " methods, " +
        format_percent(best_wape) + ")";
  return *best;
}

void run_intraday_backtest(const BacktestFlags& f, const ReadHistory& read,
                           const std::vector<MethodSpec>& methods, OutputFormat format) {
  if (!f.days.empty() && f.days != "1") {
    throw InputError(
        "--as-of: scores the rest of the next day (lead 1), so --days must be 1, "
        "found " +
        quote(f.days));
  }
  const models::IntervalSeries& series = read.history.series;
  const std::int64_t own = series.grid().interval_s;
  models::IntradayBacktestOptions options;
  // The last 12 weeks unless --backtest-weeks says otherwise: the update's variances are
  // estimated on the history before the first scored day (models/intraday_update.hpp).
  if (const int weeks = backtest_weeks_of(f); weeks > 0) options.origin_weeks = weeks;
  options.evaluation_interval_s = read.interval_s.value_or(1800 % own == 0 ? 1800 : own);
  options.as_of_s = static_cast<std::int64_t>(flag_value("--as-of", f.as_of, parse_clock_s));
  const models::IntradayGrid grid = models::aggregate_grid(
      series.grid(),
      options.evaluation_interval_s % own == 0 ? options.evaluation_interval_s : own);
  if (options.as_of_s <= grid.day_begin_s || options.as_of_s >= grid.day_end_s ||
      (options.as_of_s - grid.day_begin_s) % grid.interval_s != 0) {
    throw InputError("--as-of: expected the start of a " + duration_text(grid.interval_s) +
                     " interval after the day's first (" + clock_of(grid.day_begin_s) +
                     ") and before its end (" + clock_of(grid.day_end_s) + "), found " +
                     quote(f.as_of));
  }
  models::BacktestOptions day_ahead;
  day_ahead.origin_weeks = options.origin_weeks;
  day_ahead.evaluation_interval_s = grid.interval_s == own ? 0 : grid.interval_s;
  day_ahead.coverage = false;
  std::string why;
  models::IntradayBacktestResult r;
  MethodSpec method;
  try {
    method = intraday_method(series, methods, day_ahead, why);
    r = models::intraday_backtest(series, method, options);
  } catch (const InvalidInput& e) {
    throw InputError(display_name(f.history) + ": --as-of " + f.as_of + ": " + e.what());
  }
  const std::string eval = duration_text(grid.interval_s);
  std::string summary = describe(f.history, read.history);
  summary += "intraday update as of " + clock_of(options.as_of_s) + ", method " +
             models::method_name(method) + why + "; " + std::to_string(r.days.size()) +
             " origin days over the last " + std::to_string(options.origin_weeks) +
             " weeks, each day seen up to " + clock_of(options.as_of_s) +
             " and its rest forecast; day-level CV " +
             format_percent(std::sqrt(r.dispersion.day_variance)) + prior_text(r.prior) +
             (r.in_sample_dispersion ? ", estimated on the whole history (too short to hold out)"
                                     : ", estimated on the days before the first origin") +
             "\n";
  std::vector<Json> records;
  for (const models::IntradayDayScore& d : r.days) {
    Json j;
    j["date"] = date_text(d.day);
    j["observed"] = d.level.observed;
    j["forecast_so_far"] = d.level.expected;
    j["plain_ratio"] = d.level.plain_ratio;
    j["weight"] = d.level.weight;
    j["factor"] = d.level.factor;
    j["rest_actual"] = d.rest_actual;
    j["rest_day_ahead"] = d.rest_day_ahead;
    j["rest_updated"] = d.rest_updated;
    j["rest_plain_ratio"] = d.rest_plain_ratio;
    const double actual = d.rest_actual > 0 ? d.rest_actual : 1.0;
    j["wape_day_ahead"] = d.abs_error_day_ahead / actual;
    j["wape_updated"] = d.abs_error_updated / actual;
    j["wape_plain_ratio"] = d.abs_error_plain_ratio / actual;
    records.push_back(std::move(j));
  }
  Json totals;
  totals["as_of"] = clock_of(options.as_of_s);
  totals["method"] = models::method_name(method);
  totals["evaluation_interval_s"] = grid.interval_s;
  totals["days"] = r.days.size();
  totals["day_variance"] = r.dispersion.day_variance;
  totals["shared_variance"] = r.prior.shared_variance;
  totals["seen_variance"] = r.prior.seen_variance;
  totals["rest_variance"] = r.prior.rest_variance;
  totals["dispersion_out_of_sample"] = !r.in_sample_dispersion;
  totals["wape_interval_day_ahead"] = r.day_ahead.wape;
  totals["wape_interval_updated"] = r.updated.wape;
  totals["wape_interval_plain_ratio"] = r.plain_ratio.wape;
  totals["wape_rest_total_day_ahead"] = r.total_day_ahead.wape;
  totals["wape_rest_total_updated"] = r.total_updated.wape;
  totals["wape_rest_total_plain_ratio"] = r.total_plain_ratio.wape;
  totals["coverage80_day_ahead"] = r.coverage80_day_ahead;
  totals["coverage95_day_ahead"] = r.coverage95_day_ahead;
  totals["coverage80_updated"] = r.coverage80_updated;
  totals["coverage95_updated"] = r.coverage95_updated;
  const auto pct = [](double v) { return format_percent(v, 1); };
  summary += "rest of the day from " + clock_of(options.as_of_s) + ", WAPE at " + eval +
             ": day-ahead " + pct(r.day_ahead.wape) + ", updated " + pct(r.updated.wape) +
             ", plain ratio " + pct(r.plain_ratio.wape) + "; of the rest-of-day total: day-ahead " +
             pct(r.total_day_ahead.wape) + ", updated " + pct(r.total_updated.wape) +
             ", plain ratio " + pct(r.total_plain_ratio.wape) + "\n";
  summary += "coverage of the 80%/95% intervals at " + eval + ", rest of the day: day-ahead " +
             pct(r.coverage80_day_ahead) + "/" + pct(r.coverage95_day_ahead) + ", updated " +
             pct(r.coverage80_updated) + "/" + pct(r.coverage95_updated) + "\n";
  std::string text;
  if (format == OutputFormat::json) {
    totals["by_day"] = records;
    text = totals.dump(2) + "\n";
  } else if (format == OutputFormat::csv) {
    text = records_csv(records);
  } else {
    char line[256];
    std::snprintf(line, sizeof line, "%-10s %9s %9s %6s %6s %6s | %9s %9s %9s %9s | %8s %8s %8s\n",
                  "date", "observed", "expected", "ratio", "weight", "factor", "rest", "day-ahead",
                  "updated", "ratio", "WAPEday", "WAPEupd", "WAPEratio");
    text += line;
    for (const Json& j : records) {
      const auto num = [&](const char* key, int decimals) {
        return format_fixed(j[key].get<double>(), decimals);
      };
      std::snprintf(
          line, sizeof line, "%-10s %9s %9s %6s %6s %6s | %9s %9s %9s %9s | %8s %8s %8s\n",
          j["date"].get<std::string>().c_str(), num("observed", 0).c_str(),
          num("forecast_so_far", 0).c_str(), num("plain_ratio", 3).c_str(),
          num("weight", 3).c_str(), num("factor", 3).c_str(), num("rest_actual", 0).c_str(),
          num("rest_day_ahead", 0).c_str(), num("rest_updated", 0).c_str(),
          num("rest_plain_ratio", 0).c_str(), pct(j["wape_day_ahead"].get<double>()).c_str(),
          pct(j["wape_updated"].get<double>()).c_str(),
          pct(j["wape_plain_ratio"].get<double>()).c_str());
      text += line;
    }
  }
  if (format == OutputFormat::table && (f.out.empty() || is_standard_stream(f.out))) {
    std::cout << summary << text;
    return;
  }
  deliver(f, text, summary, records.size());
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
  if (!f.as_of.empty()) return run_intraday_backtest(f, read, methods, format);
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
                  "auto|seasonal_naive|weekday_mean|profile|double_seasonal|combined|ets "
                  "(default auto)");
  cmd->add_option("--closed", flags->closed,
                  "Comma-separated dates the centre is closed (holidays): not forecast, and the "
                  "next open day gets the after-closure uplift");
  cmd->add_option("--adjust", flags->adjust,
                  "A known event, applied after the forecast (repeatable): "
                  "DATE[..DATE][THH:MM-HH:MM]=+N% or =+Ncalls (per output interval), optionally "
                  ";note, e.g. 2003-10-15T12:00-14:00=+20%;mailing");
  cmd->footer(
      "The forecast has one row per interval: interval_start,interval_s,calls,lo80,hi80,lo95,hi95\n"
      "(interval_s is the row's length: the last interval of a day can be shorter), then aht_s\n"
      "(mean handle time, from a call log) and adjustment (with --adjust) when they apply. A\n"
      "history that stops partway through its last day starts the forecast with the rest of that\n"
      "day, updated from its morning. --interval must be a multiple of a counts history's own\n"
      "interval. With --out FILE the summary goes to standard output; without, the forecast goes\n"
      "to standard output and the summary to standard error.");
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
  cmd->add_option("--as-of", flags->as_of,
                  "Score the intraday update instead: each origin's next day is seen up to this "
                  "clock time (e.g. 12:00) and the rest of it forecast day-ahead, updated, and by "
                  "the plain ratio");
  cmd->footer(
      "Errors are scored at the history's interval, at --interval (default 30m when the history's\n"
      "interval divides it) and on daily totals; coverage is that of the 80% and 95% prediction\n"
      "intervals; day WAPE p10/p50/p90 the spread of single days' WAPE. auto (nested) is auto\n"
      "scored honestly: at each origin it chooses from earlier origins only. One record per\n"
      "method and horizon in json and csv.");
  cmd->callback([flags] { run_backtest(*flags); });
}

}  // namespace staffsim::tools
