#include "tools/datetime.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "error_message.hpp"
#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim {
namespace {

TEST(Calendar, KnownDaysAndWeekdays) {
  EXPECT_EQ(models::days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(models::days_from_civil({2000, 3, 1}), 11017);
  // 2003-03-03 was a Monday, 1999-01-01 a Friday, 2000-02-29 a Tuesday.
  EXPECT_EQ(models::weekday_from_days(models::days_from_civil({2003, 3, 3})), 0);
  EXPECT_EQ(models::weekday_from_days(models::days_from_civil({1999, 1, 1})), 4);
  EXPECT_EQ(models::weekday_from_days(models::days_from_civil({2000, 2, 29})), 1);
  for (std::int64_t day = -1000; day < 40000; day += 37) {
    EXPECT_EQ(models::days_from_civil(models::civil_from_days(day)), day);
  }
}

TEST(Datetime, ParsesAndFormatsRoundTrip) {
  const std::int64_t t = tools::parse_local_datetime("2003-03-03T07:05:00");
  EXPECT_EQ(t % models::kSecondsPerDay, 7 * 3600 + 5 * 60);
  EXPECT_EQ(tools::format_local_datetime(t), "2003-03-03T07:05:00");
  EXPECT_EQ(tools::parse_local_datetime("2003-03-03 07:05"), t);
  EXPECT_EQ(tools::format_local_date(tools::parse_local_date("1999-10-16")), "1999-10-16");
}

TEST(Datetime, RejectsMalformedWithMessage) {
  for (const char* bad : {"2003-02-29T07:00:00", "2003-03-03T24:00:00", "2003-3-3T07:00:00",
                          "2003-03-03T07:00:00Z", "yesterday"}) {
    try {
      tools::parse_local_datetime(bad);
      ADD_FAILURE() << bad;
    } catch (const InvalidInput& e) {
      EXPECT_EQ(std::string(e.what()),
                std::string("expected an ISO 8601 local date-time such as 2003-03-03T07:00:00, "
                            "found \"") +
                    bad + "\"");
    }
  }
  EXPECT_THROW(tools::parse_local_date("2003-13-01"), InvalidInput);
}

TEST(ClockTime, ParsesAndFormatsRoundTrip) {
  EXPECT_DOUBLE_EQ(tools::parse_clock_s("07:00"), 25200.0);
  EXPECT_DOUBLE_EQ(tools::parse_clock_s("23:59:59"), 86399.0);
  EXPECT_EQ(tools::format_clock(25200.0), "07:00");
  EXPECT_EQ(tools::format_clock(25215.0), "07:00:15");
  EXPECT_EQ(tools::format_clock(86400.0), "24:00");
  EXPECT_EQ(tools::format_clock(86400.0 + 1800.0), "24:30");
  for (const char* bad : {"24:00", "7:00", "07:60", "07:00:60", "0700", "07:00 "}) {
    EXPECT_EQ(test_support::error_message([&] { tools::parse_clock_s(bad); }),
              std::string("expected a clock time such as \"07:00\" (00:00 to 23:59:59), found "
                          "\"") +
                  bad + "\"");
  }
}

TEST(ClockTime, PartOfTheDayMayEndAtMidnight) {
  EXPECT_EQ(tools::parse_clock_range_s("07:00-21:00"), std::make_pair(25200.0, 75600.0));
  EXPECT_EQ(tools::parse_clock_range_s("00:00-24:00"), std::make_pair(0.0, 86400.0));
  for (const char* bad : {"21:00-07:00", "07:00-07:00", "07:00", "07:00-24:30", "24:00-24:00"}) {
    EXPECT_EQ(test_support::error_message([&] { tools::parse_clock_range_s(bad); }),
              std::string("expected a part of the day such as 07:00-21:00 (start before end, end "
                          "at most 24:00), found \"") +
                  bad + "\"");
  }
}

TEST(Weekday, ShortOrFullNameInAnyCase) {
  EXPECT_EQ(tools::parse_weekday("mon"), 0);
  EXPECT_EQ(tools::parse_weekday("Monday"), 0);
  EXPECT_EQ(tools::parse_weekday("SUNDAY"), 6);
  EXPECT_EQ(tools::parse_weekday("thu"), 3);
  EXPECT_EQ(tools::weekday_short_name(4), "Fri");
  EXPECT_EQ(tools::weekday_full_name(5), "Saturday");
  EXPECT_EQ(test_support::error_message([] { tools::parse_weekday("mo"); }),
            "expected a weekday such as mon or monday, found \"mo\"");
}

}  // namespace
}  // namespace staffsim
