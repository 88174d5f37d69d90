// Staffing of an agent group read from a CSV file: `staffing: {file: staffing.csv}` in a scenario
// (scenarios/REFERENCE.md), for example the file `staffsim erlang --volumes ... --out
// staffing.csv` writes.
//
// Columns: interval_start (an ISO 8601 local date-time, or a clock time such as 07:00 for one
// undated day), interval_s (optional: each row's length in seconds) and the agents on duty in the
// column named `column` (default `agents`), whole numbers from 0 to 1,000,000; other columns are
// ignored. The rows map onto the horizon by clock time (tools/interval_rows.hpp): a file of one
// day serves every day of the horizon, a file of several dates gives day 1, 2, ... of the horizon
// from its first dates; every horizon interval needs its row, as long as the horizon's interval.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario.hpp"

namespace staffsim::tools {

inline constexpr int kMaxAgentsPerInterval = 1'000'000;

// Agents per interval of the horizon (intervals_per_day x days, day-major). Throws IoError when
// the file cannot be read, InputError "file:line: column: expected ..., found ..." when its content
// does not fit the horizon.
std::vector<int> staffing_for_horizon(const std::string& path, const std::string& column,
                                      const sim::Horizon& horizon);

}  // namespace staffsim::tools
