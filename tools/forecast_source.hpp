// Arrivals of a scenario from a forecast: the expected calls in every interval of a scenario's
// horizon, taken from a forecast of a history file (`arrivals: {forecast: {history: ...}}`) or from
// a forecast CSV written earlier by `staffsim forecast` (`arrivals: {forecast: {file: ...}}`).
//
// The simulated days are the open days that follow the history (weekdays that occur in it, minus
// `closed` dates), from `from` on when it is given; day d of the horizon is the d-th such day. The
// horizon's intervals must sit on the forecast's grid and be as long as its intervals: a horizon
// interval outside the hours the history covers gets 0 calls (the centre was closed then); one
// only partly covered (the history's day ends inside it) is an error. `share` scales the forecast,
// so one history can feed several contact types (for example 92% general, 8% VIP).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario.hpp"

namespace staffsim::tools {

// The largest k of weekday_mean (same weekdays averaged), in a scenario and on the command line.
inline constexpr int kMaxWeekdayMeanWeeks = 1000;

struct ForecastSource {
  std::string history_path;   // a timestamp,calls history or a per-call log (one of these two)
  std::string forecast_path;  // a CSV with interval_start,calls (as `staffsim forecast` writes)
  std::string method = "auto";
  int weekday_mean_weeks = 4;
  std::optional<std::int64_t> from_day;  // days since 1970-01-01
  std::vector<std::int64_t> closed_days;
  double share = 1.0;
  bool operator==(const ForecastSource&) const = default;
};

// Expected calls per interval of the horizon (intervals_per_day x days, day-major). Throws
// InputError (file problems, with file:line) or InvalidInput (a forecast the history cannot make,
// a horizon off the forecast's grid), each message saying what was expected.
// `origin`, when given, receives the file, the method used and the forecast's days.
std::vector<double> forecast_calls_for_horizon(const ForecastSource& source,
                                               const sim::Horizon& horizon,
                                               sim::ArrivalsOrigin* origin = nullptr);

}  // namespace staffsim::tools
