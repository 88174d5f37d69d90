// Arrival profile: the mean number of calls in each interval of the day, per weekday and over all
// days, from time-stamped calls.
//
// Input: arrival times in local seconds (models/calendar.hpp) and the set of days the log
// observed (day numbers since 1970-01-01; a day is observed when the log covers it, even if some
// or all of its intervals had no call of the kind counted). The mean for weekday w and interval i
// is (calls on weekday-w days in interval i) / (observed days that are weekday w), so intervals
// without calls count as zeros and days missing from the log do not. Interval length in seconds,
// a whole number dividing the 86,400 s of a day; intervals start at midnight. Weekdays are
// indexed 0 = Monday ... 6 = Sunday.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace staffsim::models {

struct ArrivalProfile {
  double interval_s = 1800;
  int intervals_per_day = 48;
  std::array<int, 7> days_observed{};  // per weekday
  int total_days_observed = 0;
  std::array<std::vector<double>, 7> mean_per_interval;  // [weekday][interval], calls per interval
  std::vector<double> mean_all_days;                     // [interval], over every observed day
  std::size_t calls = 0;
};

// Throws InvalidInput when interval_s is not a whole number of seconds dividing a day, when an
// observed day is listed twice, or when an arrival falls on a day not listed as observed.
ArrivalProfile arrival_profile(std::span<const std::int64_t> arrivals_local_s,
                               std::span<const std::int64_t> observed_days, double interval_s);

}  // namespace staffsim::models
