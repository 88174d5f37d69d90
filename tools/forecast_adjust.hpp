// Planner adjustments of a forecast (`staffsim forecast --adjust`): known events the history
// cannot know (a campaign, a mailing, an outage), applied after the statistical forecast.
//
// Syntax of one adjustment (the flag repeats; adjustments apply in the order given):
//     WHEN=CHANGE[;NOTE]
//   WHEN    a date 2003-10-15, or a range of dates 2003-10-13..2003-10-17 (both included),
//           optionally with a part of the day: 2003-10-15T12:00-14:00 (every interval of those
//           dates that starts from 12:00 up to, not including, 14:00)
//   CHANGE  +10% or -5%: the calls of every interval covered times 1.10 or 0.95 (above -100%);
//           +30calls or -12calls: that many calls added to every interval covered, per interval
//           of the output (--interval), prorated for a shorter last interval of a day (a 5-minute
//           21:00 row of a 30-minute forecast gets a sixth)
//   NOTE    free text after a semicolon, shown with the adjustment ("mailing", "outage")
// Prediction bounds move with the point: a percentage scales them (rounded outwards to whole
// calls), a number of calls shifts them (a known event's calls are taken as certain). A decrease
// never takes an interval below 0 calls: point and bounds stop at 0.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace staffsim::tools {

struct ForecastAdjustment {
  std::string text;                          // as given, for messages and the output
  std::int64_t first_day = 0, last_day = 0;  // days since 1970-01-01, both included
  std::int64_t window_begin_s = 0;           // part of the day: interval starts in
  std::int64_t window_end_s = 86400;         // [window_begin_s, window_end_s)
  bool percent = true;                       // true: times (1 + amount / 100); false: + calls
  double amount = 0;                         // percent, or calls per output interval
  std::string note;

  // The change and note, as listed beside an interval: "+10% (mailing)".
  std::string label() const;
};

// Parses one --adjust value. Throws InvalidInput "expected DATE[..DATE][THH:MM-HH:MM]=+N%|+Ncalls
// [;note] ..., found \"...\"" saying which part is wrong.
ForecastAdjustment parse_adjustment(std::string_view text);

// One interval of a forecast, adjusted in place.
struct AdjustedInterval {
  double calls = 0, lo80 = 0, hi80 = 0, lo95 = 0, hi95 = 0;
  std::string applied;  // labels of the adjustments applied, separated by " + "
};

// Applies, in order, every adjustment covering the interval of `day` starting at start_s
// (seconds after midnight), length_s long in a forecast of interval_s intervals.
void apply_adjustments(std::span<const ForecastAdjustment> adjustments, std::int64_t day,
                       std::int64_t start_s, std::int64_t length_s, std::int64_t interval_s,
                       AdjustedInterval& interval);

}  // namespace staffsim::tools
