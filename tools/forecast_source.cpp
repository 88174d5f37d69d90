#include "tools/forecast_source.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "models/backtest.hpp"
#include "models/calendar.hpp"
#include "models/error.hpp"
#include "models/forecast.hpp"
#include "tools/cli_error.hpp"
#include "tools/csv.hpp"
#include "tools/datetime.hpp"
#include "tools/history_csv.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

std::string clock_text(std::int64_t seconds_of_day) {
  return format_clock(static_cast<double>(seconds_of_day));
}

// The horizon's interval length as whole seconds; InvalidInput otherwise.
std::int64_t whole_interval(const sim::Horizon& horizon) {
  const auto interval = static_cast<std::int64_t>(std::llround(horizon.interval_s));
  if (std::fabs(horizon.interval_s - static_cast<double>(interval)) > 1e-9 || interval <= 0) {
    throw InvalidInput("a forecast needs a horizon interval of whole seconds, found " +
                       format_duration(horizon.interval_s));
  }
  return interval;
}

std::vector<double> from_history(const ForecastSource& source, const sim::Horizon& horizon) {
  const std::int64_t interval = whole_interval(horizon);
  const History history = read_history(source.history_path, interval);
  const models::IntervalSeries& series = history.series;
  models::ForecastRequest request;
  request.method = models::parse_method_name(source.method, source.weekday_mean_weeks);
  request.closed_days = source.closed_days;
  request.interval_s = interval;
  if (series.empty()) throw InvalidInput("the history " + source.history_path + " has no days");
  const std::int64_t last = series.days().back();
  if (source.from_day && *source.from_day <= last) {
    throw InvalidInput("from must be after the history's last day " +
                       format_local_date(last * models::kSecondsPerDay) + ", found " +
                       format_local_date(*source.from_day * models::kSecondsPerDay));
  }
  // The first `days` open days after the history, from `from` on.
  const std::int64_t skip = source.from_day ? *source.from_day - last : 0;
  const auto candidates = models::next_open_days(
      series, static_cast<int>(skip + 2 * horizon.days + 7), source.closed_days);
  for (std::int64_t day : candidates) {
    if (!source.from_day || day >= *source.from_day) request.target_days.push_back(day);
    if (static_cast<int>(request.target_days.size()) == horizon.days) break;
  }
  const models::ForecastResult result = models::forecast(series, request);
  const models::IntradayGrid& grid = result.grid;
  std::vector<double> calls;
  calls.reserve(static_cast<std::size_t>(horizon.total_intervals()));
  for (const models::DayForecast& day : result.days) {
    for (int i = 0; i < horizon.intervals_per_day; ++i) {
      const auto start =
          static_cast<std::int64_t>(std::llround(horizon.day_start_s)) + i * interval;
      if (start < grid.day_begin_s || start >= grid.day_end_s) {
        // Outside the hours the history ever covers: the centre is closed then.
        if (start < grid.day_begin_s && start + interval > grid.day_begin_s) {
          throw InvalidInput("the horizon interval at " + clock_text(start) +
                             " is not on the forecast's grid, which starts at " +
                             clock_text(grid.day_begin_s) + " in steps of " +
                             format_duration(static_cast<double>(grid.interval_s)));
        }
        calls.push_back(0);
        continue;
      }
      if ((start - grid.day_begin_s) % grid.interval_s != 0) {
        throw InvalidInput("the horizon interval at " + clock_text(start) +
                           " is not on the forecast's grid, which starts at " +
                           clock_text(grid.day_begin_s) + " in steps of " +
                           format_duration(static_cast<double>(grid.interval_s)));
      }
      const int slot = static_cast<int>((start - grid.day_begin_s) / grid.interval_s);
      if (grid.is_partial(slot)) {
        throw InvalidInput("the horizon interval at " + clock_text(start) +
                           " is only partly covered by the history, whose day ends at " +
                           clock_text(grid.day_end_s) + ": end the horizon by " +
                           clock_text(grid.slot_start_s(slot)));
      }
      calls.push_back(day.calls[static_cast<std::size_t>(slot)] * source.share);
    }
  }
  return calls;
}

std::vector<double> from_forecast_csv(const ForecastSource& source, const sim::Horizon& horizon) {
  const std::int64_t interval = whole_interval(horizon);
  const CsvTable table = CsvTable::read(source.forecast_path);
  const std::size_t start_column = table.column("interval_start");
  const std::size_t calls_column = table.column("calls");
  std::map<std::int64_t, std::map<std::int64_t, double>> by_day;  // day -> second of day -> calls
  std::int64_t previous = 0;
  bool first = true;
  for (const auto& row : table.rows()) {
    std::int64_t t = 0;
    try {
      t = parse_local_datetime(row.fields[start_column]);
    } catch (const InvalidInput& e) {
      throw InputError(table.where(row) + "interval_start: " + e.what());
    }
    const double calls = table.number(row, calls_column);
    if (calls < 0) {
      throw InputError(table.where(row) + "calls: expected a count >= 0, found \"" +
                       row.fields[calls_column] + "\"");
    }
    if (!first && models::day_of(t) == models::day_of(previous) && t - previous < interval) {
      throw InputError(table.where(row) + "interval_start: rows " +
                       format_duration(static_cast<double>(t - previous)) +
                       " apart, expected the horizon's interval of " +
                       format_duration(static_cast<double>(interval)) +
                       " (make the forecast with --interval " +
                       format_duration(static_cast<double>(interval)) + ")");
    }
    by_day[models::day_of(t)][models::second_of_day(t)] = calls;
    previous = t;
    first = false;
  }
  std::vector<double> calls;
  int used_days = 0;
  for (const auto& [day, slots] : by_day) {
    if (source.from_day && day < *source.from_day) continue;
    if (used_days == horizon.days) break;
    for (int i = 0; i < horizon.intervals_per_day; ++i) {
      const auto start =
          static_cast<std::int64_t>(std::llround(horizon.day_start_s)) + i * interval;
      const auto found = slots.find(start);
      if (found == slots.end()) {
        throw InputError(table.name() + ": no row for " +
                         format_local_datetime(day * models::kSecondsPerDay + start) +
                         ", expected one row per interval of the horizon on each day used");
      }
      calls.push_back(found->second * source.share);
    }
    ++used_days;
  }
  if (used_days < horizon.days) {
    throw InputError(
        table.name() + ": expected forecasts for " + std::to_string(horizon.days) + " day(s)" +
        (source.from_day ? " from " + format_local_date(*source.from_day * models::kSecondsPerDay)
                         : std::string()) +
        ", found " + std::to_string(used_days));
  }
  return calls;
}

}  // namespace

std::vector<double> forecast_calls_for_horizon(const ForecastSource& source,
                                               const sim::Horizon& horizon) {
  return source.history_path.empty() ? from_forecast_csv(source, horizon)
                                     : from_history(source, horizon);
}

}  // namespace staffsim::tools
