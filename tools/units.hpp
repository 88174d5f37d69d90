// Parsing and formatting of the units a planner types: durations, intervals, rates, fractions and
// whole numbers. One implementation of each, used by the command line and by every file loader
// (scenario YAML, CSV histories, call logs), so that a value means the same everywhere.
//
//   durations  a number and its unit: "20s", "4m", "1.5h", "1d", "250ms", "4min". A bare number
//              ("30") is rejected: its unit would be a guess.
//   intervals  a duration that is a whole number of seconds dividing a day ("5m", "15m", "30m",
//              "1h"): the grid of a history, a forecast or an arrival profile.
//   rates      "<count>/<duration>": "2.5/s", "90/h", "120/30m" (120 calls per 30 minutes).
//              Result in events per second.
//   fractions  "80%" or "0.8" (both 0.8).
//   whole numbers  digits with an optional sign ("30", "-1", "+4"), as 64-bit integers; seeds
//              take the whole unsigned 64-bit range (0 to 18446744073709551615).
//
// Each parser accepts exactly one value with optional surrounding blanks and throws
// staffsim::InvalidInput naming what was expected and quoting what was found. Range checks that
// depend on what the value is for (non-negative, at most 100%) are the caller's, except where a
// parser takes the range as arguments.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace staffsim::tools {

// Throws "expected a duration with its unit such as 20s, 5m or 1.5h, found \"30\" (no unit)" for a
// bare number, and names an unknown unit.
double parse_duration_s(std::string_view text);
// A duration that is a whole number of seconds, at least 1 s, dividing 24 h. Throws "expected a
// length that divides a day, in whole seconds, such as 5m, 15m, 30m or 1h, found \"7m\"".
std::int64_t parse_interval_s(std::string_view text);
double parse_rate_per_s(std::string_view text);
double parse_fraction(std::string_view text);
// A plain finite decimal number ("12", "-3.5", "1e3").
double parse_number(std::string_view text);

// A whole number in [minimum, maximum]. The message states the range as far as it is limited:
// "expected a whole number, found ...", "expected a non-negative whole number, found ...",
// "expected a whole number of at least 1, found ...", "expected a whole number from 1 to 1000,
// found ...".
std::int64_t parse_integer(std::string_view text,
                           std::int64_t minimum = std::numeric_limits<std::int64_t>::min(),
                           std::int64_t maximum = std::numeric_limits<std::int64_t>::max());
// A whole number from 0 to 2^64 - 1 (random seeds). Throws "expected a whole number from 0 to
// 18446744073709551615, found ...".
std::uint64_t parse_unsigned(std::string_view text);

// "20s", "5m", "1.5h": the shortest exact spelling of a duration in seconds, for messages/tables.
std::string format_duration(double seconds);
// "12.5", "3", "0.0417": at most `max_decimals` decimals, without trailing zeros.
std::string format_decimal(double value, int max_decimals);
// Exactly `decimals` decimals (printf %.*f): "3.50".
std::string format_fixed(double value, int decimals);
// "80.52%" (decimals after the point); "n/a" when the fraction is not finite.
std::string format_percent(double fraction, int decimals = 2);

}  // namespace staffsim::tools
