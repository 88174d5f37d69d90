#include "tools/opening_hours.hpp"

#include <gtest/gtest.h>

#include "models/calendar.hpp"
#include "tests/error_message.hpp"

namespace staffsim::tools {
namespace {

using test_support::error_message;

TEST(OpeningHours, WeekdaysShortFullRangesAndLists) {
  EXPECT_EQ(parse_weekdays("mon-fri"), (Weekdays{true, true, true, true, true, false, false}));
  EXPECT_EQ(parse_weekdays("fri-mon"), (Weekdays{true, false, false, false, true, true, true}));
  EXPECT_EQ(parse_weekdays("mon, wed,FRI"),
            (Weekdays{true, false, true, false, true, false, false}));
  EXPECT_EQ(error_message([] { parse_weekdays("mon,"); }),
            "expected weekdays such as mon-fri or mon,wed,fri, found \"mon,\"");
  EXPECT_EQ(error_message([] { parse_weekdays("mon-fr"); }),
            "expected a weekday such as mon or monday, found \"fr\"");
}

TEST(OpeningHours, TimeRanges) {
  EXPECT_EQ(parse_time_range("09:00-17:30"), (std::pair<double, double>{32400, 63000}));
  EXPECT_EQ(parse_time_range("00:00-24:00"), (std::pair<double, double>{0, 86400}));
  const std::string rule = "(the end after the start, at most 24:00)";
  EXPECT_EQ(error_message([] { parse_time_range("17:00-09:00"); }),
            "expected a time range such as \"09:00-17:00\" " + rule + ", found \"17:00-09:00\"");
  EXPECT_EQ(error_message([] { parse_time_range("9-17"); }),
            "expected a time range such as \"09:00-17:00\" " + rule + ", found \"9-17\"");
}

// Two days from Saturday 18 October 2003, 08:00-12:00 in hours: weekdays follow the start date.
TEST(OpeningHours, IntervalsFollowTheWeekdaysOfTheHorizon) {
  sim::Horizon h;
  h.interval_s = 3600;
  h.intervals_per_day = 4;
  h.days = 3;
  h.day_start_s = 8 * 3600;
  h.start_date = models::days_from_civil({2003, 10, 18});
  OpeningRule weekend;
  weekend.weekdays = parse_weekdays("sat-sun");
  weekend.from_s = 9 * 3600;
  weekend.to_s = 11 * 3600;
  OpeningRule monday;
  monday.weekdays = parse_weekdays("mon");
  monday.from_s = 8 * 3600;
  monday.to_s = 12 * 3600;
  const sim::OpenIntervals expected = {0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1};
  EXPECT_EQ(open_intervals({weekend, monday}, h), expected);
}

}  // namespace
}  // namespace staffsim::tools
