// Reading and writing the times a planner types: ISO 8601 local date-times
// ("2003-03-03T07:00:00", also "2003-03-03 07:00", seconds optional) and dates ("2003-03-03") as
// local seconds (see models/calendar.hpp), clock times of day ("07:00", "07:30:15") and weekdays
// ("mon" or "monday"). No zone or offset is accepted: contact-centre data are in the centre's
// local clock time. One implementation each, used by the command line and every loader.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace staffsim::tools {

// Throws staffsim::InvalidInput: expected an ISO 8601 local date-time such as
// 2003-03-03T07:00:00, found "...".
std::int64_t parse_local_datetime(std::string_view text);
// A date at midnight, in local seconds. Throws InvalidInput.
std::int64_t parse_local_date(std::string_view text);

std::string format_local_datetime(std::int64_t local_seconds);  // "2003-03-03T07:00:00"
std::string format_local_date(std::int64_t local_seconds);      // "2003-03-03"

// "07:00", "07:30:15": clock time of day in seconds since midnight. Throws InvalidInput "expected a
// clock time such as \"07:00\" (00:00 to 23:59:59), found ..." unless 00:00 <= time < 24:00.
double parse_clock_s(std::string_view text);
// "07:00-21:00": a part of the day [start, end) in seconds since midnight; the end may be 24:00.
// Throws InvalidInput "expected a part of the day such as 07:00-21:00 (start before end, end at
// most 24:00), found ...".
std::pair<double, double> parse_clock_range_s(std::string_view text);
// Inverse of parse_clock_s: "07:00", or "07:00:15" when there are seconds; 24 hours and more
// read on ("24:00" is the end of the day).
std::string format_clock(double seconds_since_midnight);
// format_clock of a whole number of seconds since midnight.
inline std::string clock_of(std::int64_t seconds_since_midnight) {
  return format_clock(static_cast<double>(seconds_since_midnight));
}

// 0 = Monday ... 6 = Sunday from "mon" or "monday" (any case). Throws InvalidInput "expected a
// weekday such as mon or monday, found ...".
int parse_weekday(std::string_view text);
std::string_view weekday_short_name(int weekday);  // "Mon"
std::string_view weekday_full_name(int weekday);   // "Monday"

}  // namespace staffsim::tools
