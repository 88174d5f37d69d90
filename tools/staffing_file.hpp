// Staffing of an agent group read from a CSV file: `staffing: {file: staffing.csv}` in a scenario
// (scenarios/REFERENCE.md), for example the file `staffsim erlang --volumes ... --out
// staffing.csv` or `staffsim plan SCENARIO.yaml --out plan.csv` writes.
//
// Columns: interval_start (an ISO 8601 local date-time, or a clock time such as 07:00 for undated
// days), interval_s (optional: each row's length in seconds) and the agents scheduled in the
// column named `column` (default `agents`), whole numbers from 0 to 1,000,000; two optional
// columns, and any others are ignored:
//   group  the file holds the staffing of several groups: only the rows whose group is the name of
//          the group that reads the file count (a file without it is the group's alone). Every
//          group that reads the file needs its rows, each interval at most once.
//   day    1, 2, ...: the day of the horizon of each row, beside clock-time interval_starts (as in
//          the CSVs of `staffsim run` and of `staffsim plan` for undated horizons of several days);
//          a file of day 1 alone serves every day. Not with dated interval_starts, which name
//          their day themselves.
// The rows map onto the horizon by clock time (tools/interval_rows.hpp): a file of one day serves
// every day of the horizon, a file of several dates (or day numbers) gives day 1, 2, ... of the
// horizon from its first dates; every horizon interval needs its row, as long as the horizon's
// interval.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario.hpp"

namespace staffsim::tools {

// Agents per interval of the horizon (intervals_per_day x days, day-major), for the group named
// `group` (the rows of a file with a group column; "" for a file without one). Throws IoError when
// the file cannot be read, InputError "file:line: column: expected ..., found ..." when its content
// does not fit the horizon.
std::vector<int> staffing_for_horizon(const std::string& path, const std::string& column,
                                      const sim::Horizon& horizon, const std::string& group = "");

}  // namespace staffsim::tools
