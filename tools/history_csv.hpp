// Reading call-volume histories for forecasting (models/interval_series.hpp) from CSV.
//
// Two layouts, told apart by the header:
//  - counts: columns `timestamp,calls` (other columns ignored). `timestamp` is the ISO 8601 local
//    start of an interval, `calls` a whole count >= 0. Rows in increasing time order. The interval
//    is the smallest gap between two rows of the same day; every row must sit on one grid of that
//    interval, and every day present must hold every slot from the earliest start to the latest
//    end seen in the file (a day is either complete or absent). Days absent from the file are
//    missing days (holidays, closed weekdays), never zeros.
//  - per-call log: an `arrival` column (ISO 8601 local date-time of each call; any order). Calls
//    are counted into slots of `log_interval_s` seconds aligned on midnight. The grid runs from the
//    earliest to the latest slot that ever saw a call; every date with at least one call is a day
//    of the history, and a slot of such a day without calls counts 0 (so the opening hours of each
//    weekday are the slots that ever saw a call on it: outside them counts stay 0).
// Errors: InputError "file:line: column: expected ..., found \"value\"".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "models/interval_series.hpp"

namespace staffsim::tools {

struct History {
  models::IntervalSeries series;
  bool from_call_log = false;
};

History parse_history(std::string_view text, const std::string& name, std::int64_t log_interval_s);
History read_history(const std::string& path, std::int64_t log_interval_s);

}  // namespace staffsim::tools
