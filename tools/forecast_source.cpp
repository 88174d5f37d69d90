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
#include "tools/interval_rows.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

// The horizon's interval length as whole seconds; InvalidInput otherwise.
std::int64_t whole_interval(const sim::Horizon& horizon) {
  const auto interval = static_cast<std::int64_t>(std::llround(horizon.interval_s));
  if (std::fabs(horizon.interval_s - static_cast<double>(interval)) > 1e-9 || interval <= 0) {
    throw InvalidInput("a forecast needs a horizon interval of whole seconds, found " +
                       format_duration(horizon.interval_s));
  }
  return interval;
}

std::vector<double> from_history(const ForecastSource& source, const sim::Horizon& horizon,
                                 sim::ArrivalsOrigin* origin) {
  const std::int64_t interval = whole_interval(horizon);
  HistoryOptions options;
  options.log_interval_s = interval;
  const History history = read_history(source.history_path, options);
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
      series, static_cast<int>(skip + 2 * std::int64_t{horizon.days} + 7), source.closed_days);
  for (std::int64_t day : candidates) {
    if (!source.from_day || day >= *source.from_day) request.target_days.push_back(day);
    if (static_cast<int>(request.target_days.size()) == horizon.days) break;
  }
  const models::ForecastResult result = models::forecast(series, request);
  if (origin) {
    origin->source = source.history_path;
    origin->method = models::methods_name(result.methods);
    for (const models::DayForecast& day : result.days) origin->days.push_back(day.day);
  }
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
          throw InvalidInput("the horizon interval at " + clock_of(start) +
                             " is not on the forecast's grid, which starts at " +
                             clock_of(grid.day_begin_s) + " in steps of " +
                             format_duration(static_cast<double>(grid.interval_s)));
        }
        calls.push_back(0);
        continue;
      }
      if ((start - grid.day_begin_s) % grid.interval_s != 0) {
        throw InvalidInput("the horizon interval at " + clock_of(start) +
                           " is not on the forecast's grid, which starts at " +
                           clock_of(grid.day_begin_s) + " in steps of " +
                           format_duration(static_cast<double>(grid.interval_s)));
      }
      const int slot = static_cast<int>((start - grid.day_begin_s) / grid.interval_s);
      if (grid.is_partial(slot)) {
        throw InvalidInput("the horizon interval at " + clock_of(start) +
                           " is only partly covered by the history, whose day ends at " +
                           clock_of(grid.day_end_s) + ": end the horizon by " +
                           clock_of(grid.slot_start_s(slot)));
      }
      calls.push_back(day.calls[static_cast<std::size_t>(slot)] * source.share);
    }
  }
  return calls;
}

std::vector<double> from_forecast_csv(const ForecastSource& source, const sim::Horizon& horizon) {
  const IntervalRows rows = read_interval_rows_file(source.forecast_path);
  const std::size_t calls_column = rows.table.column("calls");
  const std::string remedy = "make the forecast with --interval " +
                             format_duration(static_cast<double>(whole_interval(horizon)));
  std::vector<double> calls;
  for (const IntervalRow* row : rows_on_horizon(rows, horizon, {source.from_day, false, remedy})) {
    const double count = rows.table.number(*row->csv, calls_column);
    if (count < 0) {
      throw InputError(rows.table.where(*row->csv) + "calls: expected a count >= 0, found " +
                       quote(row->csv->fields[calls_column]));
    }
    calls.push_back(count * source.share);
  }
  return calls;
}

}  // namespace

std::vector<double> forecast_calls_for_horizon(const ForecastSource& source,
                                               const sim::Horizon& horizon,
                                               sim::ArrivalsOrigin* origin) {
  if (source.history_path.empty()) {
    if (origin) {
      origin->source = source.forecast_path;
      origin->method = "file";
    }
    return from_forecast_csv(source, horizon);
  }
  return from_history(source, horizon, origin);
}

}  // namespace staffsim::tools
