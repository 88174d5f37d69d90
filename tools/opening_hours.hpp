// Opening hours of a contact type or an agent group, as a planner writes them:
//
//   hours: "09:00-17:00"                                   every day of the horizon
//   hours: {days: mon-fri, time: "09:00-17:00"}            those weekdays only
//   hours: [{days: mon-fri, time: "08:00-20:00"}, {days: sat, time: "09:00-13:00"}]
//
// Weekdays are written `mon` .. `sun` or in full (`monday`), as a range `mon-fri` (wrapping past
// Sunday, `fri-mon`, is allowed), a comma list `mon,wed,fri` or a YAML list. A time range is two
// clock times `HH:MM-HH:MM`, the end after the start; the end may be `24:00`.
//
// The hours become one open/closed flag per interval of the horizon (sim::OpenIntervals): an
// interval is open when it lies inside a rule's time range on one of the rule's weekdays (weekday
// of each day: sim::Horizon::weekday). Times are seconds since midnight.
#pragma once

#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/scenario.hpp"

namespace staffsim::tools {

using Weekdays = std::array<bool, 7>;  // [0] = Monday

struct OpeningRule {
  Weekdays weekdays{true, true, true, true, true, true, true};
  double from_s = 0;  // seconds since midnight
  double to_s = 0;    // > from_s, at most 86400
};

// "mon-fri", "sat", "mon,wed,fri" -> the set (each weekday as tools/datetime.hpp's
// parse_weekday reads it). Throws InvalidInput.
Weekdays parse_weekdays(std::string_view text);
// "09:00-17:00" -> {32400, 61200}; the end may be "24:00". Throws InvalidInput.
std::pair<double, double> parse_time_range(std::string_view text);

// One flag per interval of the horizon (1 = open).
sim::OpenIntervals open_intervals(const std::vector<OpeningRule>& rules,
                                  const sim::Horizon& horizon);

}  // namespace staffsim::tools
