// Reading call-volume histories for forecasting (models/interval_series.hpp) from CSV.
//
// Two layouts, told apart by the header:
//  - counts: columns `timestamp,calls` (other columns ignored). `timestamp` is the ISO 8601 local
//    start of an interval, `calls` a whole count >= 0. Rows in increasing time order. The interval
//    is the smallest gap between two rows of the same day; every row must sit on one grid of that
//    interval, and every day present must hold every slot from the earliest start to the latest
//    end seen in the file (a day is either complete or absent). The one exception, with
//    HistoryOptions::partial_last_day: the file's last day may stop partway, after any number of
//    its slots from the first on (a day still running: the morning that `forecast` updates the
//    rest of the day from); it is kept apart in History::partial, never in the series. Days absent
//    from the file are missing days (holidays, closed weekdays), never zeros.
//  - per-call log: an `arrival` column (ISO 8601 local date-time of each call; any order). Calls
//    are counted into slots of `log_interval_s` seconds aligned on midnight. The grid runs from the
//    earliest to the latest slot that ever saw a counted call; every date with at least one call
//    of any kind is a day of the history, and a slot of such a day without counted calls counts 0
//    (so the opening hours of each weekday are the slots that ever saw a call on it: outside them
//    counts stay 0). A log in one of the formats of tools/call_log_csv.hpp (Anonymous Bank, or
//    generic with wait_s and outcome) counts the calls `count` names, offered to agents by
//    default as `staffsim fit` does, of the `types` asked (all by default), and keeps the handle
//    time of every served call of those types (History::served); a bare list of arrivals counts
//    every row as an arrived call.
// Errors: InputError "file:line: column: expected ..., found \"value\"".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/interval_series.hpp"
#include "tools/call_log_csv.hpp"

namespace staffsim::tools {

struct HistoryOptions {
  std::int64_t log_interval_s = 1800;  // slots a call log is counted into
  std::optional<CallCount> count;      // which calls of a log count; default offered
  std::string types;                   // contact types of a log to count, comma-separated; "" = all
  bool partial_last_day = false;       // a counts history's last day may stop partway
};

// The slots observed so far on the last day of a counts history that stops partway.
struct PartialDay {
  std::int64_t day = 0;        // days since 1970-01-01
  std::vector<double> counts;  // calls in the first counts.size() slots of the series' grid
  // End of the last observed slot, seconds after midnight.
  std::int64_t observed_until_s(const models::IntradayGrid& grid) const {
    return grid.slot_start_s(static_cast<int>(counts.size()));
  }
};

struct History {
  models::IntervalSeries series;
  bool from_call_log = false;
  // What was counted, for the user: "43199 calls offered to agents (served or abandoned in the
  // queue) of 49790 records; not counted: 6266 hung up in the IVR, 325 phantom records".
  std::string counted;
  // The last day, when it stops partway (HistoryOptions::partial_last_day); never in series.
  std::optional<PartialDay> partial;
  // A call log with handle times (Anonymous Bank or generic format): every served call of the
  // types counted, {arrival in local seconds, handle time in seconds}. Empty otherwise.
  std::vector<std::pair<std::int64_t, double>> served;
};

// Throws InputError for a bad file, and when count or types are given for a counts history.
History parse_history(std::string_view text, const std::string& name,
                      const HistoryOptions& options);
History read_history(const std::string& path, const HistoryOptions& options);

// Stretches of at least `min_days` calendar days (a week by default) without any day between two
// days of a history: {first missing day, last missing day}, days since 1970-01-01.
struct HistoryGap {
  std::int64_t first_day = 0;
  std::int64_t last_day = 0;
};
std::vector<HistoryGap> long_gaps(const models::IntervalSeries& series, std::int64_t min_days = 7);

}  // namespace staffsim::tools
