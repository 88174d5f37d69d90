// Parsing of the units a planner types: durations, rates and fractions.
//
//   durations  "20s", "4m", "1.5h", "1d"; a bare number is seconds ("20" = 20 s). Also "ms", "min".
//   rates      "<count>/<duration>": "2.5/s", "90/h", "120/30m" (120 calls per 30 minutes).
//              Result in events per second.
//   fractions  "80%" or "0.8" (both 0.8).
//
// Each parser accepts exactly one value with optional surrounding blanks and throws
// staffsim::InvalidInput naming what was expected and quoting what was found. Range checks
// (non-negative, at most 100%) are the caller's: the parser does not know what the value is for.
#pragma once

#include <string>
#include <string_view>

namespace staffsim::tools {

double parse_duration_s(std::string_view text);
double parse_rate_per_s(std::string_view text);
double parse_fraction(std::string_view text);
// A plain finite decimal number ("12", "-3.5", "1e3").
double parse_number(std::string_view text);

// "20s", "5m", "1.5h": the shortest exact spelling of a duration in seconds, for messages/tables.
std::string format_duration(double seconds);

}  // namespace staffsim::tools
