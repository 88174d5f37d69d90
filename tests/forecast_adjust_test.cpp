// Tests of tools/forecast_adjust.hpp: the --adjust syntax and how an adjustment changes a row.
#include "tools/forecast_adjust.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim::tools {
namespace {

std::int64_t day(int y, int m, int d) {
  return models::days_from_civil({y, m, d});
}

std::string parse_error(const std::string& text) {
  try {
    parse_adjustment(text);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

TEST(ParseAdjustment, OneDateAPercentage) {
  const ForecastAdjustment a = parse_adjustment("2003-10-15=+10%");
  EXPECT_EQ(a.first_day, day(2003, 10, 15));
  EXPECT_EQ(a.last_day, day(2003, 10, 15));
  EXPECT_EQ(a.window_begin_s, 0);
  EXPECT_EQ(a.window_end_s, 86400);
  EXPECT_TRUE(a.percent);
  EXPECT_DOUBLE_EQ(a.amount, 10);
  EXPECT_EQ(a.note, "");
  EXPECT_EQ(a.label(), "+10%");
}

TEST(ParseAdjustment, RangeWindowCallsAndNote) {
  const ForecastAdjustment range = parse_adjustment("2003-10-13..2003-10-17=-5%;mailing, late");
  EXPECT_EQ(range.first_day, day(2003, 10, 13));
  EXPECT_EQ(range.last_day, day(2003, 10, 17));
  EXPECT_DOUBLE_EQ(range.amount, -5);
  EXPECT_EQ(range.label(), "-5% (mailing, late)");
  const ForecastAdjustment window = parse_adjustment("2003-10-15T12:00-14:00=+30calls");
  EXPECT_EQ(window.window_begin_s, 12 * 3600);
  EXPECT_EQ(window.window_end_s, 14 * 3600);
  EXPECT_FALSE(window.percent);
  EXPECT_DOUBLE_EQ(window.amount, 30);
  EXPECT_EQ(window.label(), "+30calls");
}

TEST(ParseAdjustment, ErrorsSayWhichPartIsWrong) {
  const std::string syntax =
      " in DATE[..DATE][THH:MM-HH:MM]=+N% or =+Ncalls, with an optional ;note (2003-10-15=+10%, "
      "2003-10-13..2003-10-17=-5%;mailing, 2003-10-15T12:00-14:00=+30calls), found ";
  EXPECT_EQ(parse_error("2003-10-15+10%"),
            "expected WHEN=CHANGE" + syntax + "\"2003-10-15+10%\" in \"2003-10-15+10%\"");
  EXPECT_EQ(parse_error("2003-13-15=+10%"), "expected a date such as 2003-10-15" + syntax +
                                                "\"2003-13-15\" in \"2003-13-15=+10%\"");
  EXPECT_EQ(parse_error("2003-10-15=10%"), "expected a signed change such as +10% or -30calls" +
                                               syntax + "\"10%\" in \"2003-10-15=10%\"");
  EXPECT_EQ(parse_error("2003-10-15=+10"),
            "expected a change ending in % or calls" + syntax + "\"+10\" in \"2003-10-15=+10\"");
  EXPECT_EQ(parse_error("2003-10-15=-100%"),
            "expected a percentage above -100%" + syntax + "\"-100%\" in \"2003-10-15=-100%\"");
  EXPECT_EQ(parse_error("2003-10-15T14:00-12:00=+1%"),
            "expected a part of the day such as 12:00-14:00 after the T" + syntax +
                "\"14:00-12:00\" in \"2003-10-15T14:00-12:00=+1%\"");
  EXPECT_EQ(parse_error("2003-10-17..2003-10-13=+1%"),
            "expected a range whose last date is not before its first" + syntax +
                "\"2003-10-17..2003-10-13\" in \"2003-10-17..2003-10-13=+1%\"");
  EXPECT_EQ(parse_error("2003-10-15=+x%"), "expected a signed number such as +10 or -2.5" + syntax +
                                               "\"+x\" in \"2003-10-15=+x%\"");
  EXPECT_EQ(parse_error("2003-10-15=+1%;"),
            "expected a note after the semicolon" + syntax + "\"\" in \"2003-10-15=+1%;\"");
}

TEST(ApplyAdjustments, PercentScalesPointAndBoundsOutwards) {
  const std::vector<ForecastAdjustment> a{parse_adjustment("2003-10-15=+10%")};
  AdjustedInterval row{100, 91, 109, 85, 115, ""};
  apply_adjustments(a, day(2003, 10, 15), 9 * 3600, 1800, 1800, row);
  EXPECT_DOUBLE_EQ(row.calls, 110);
  EXPECT_DOUBLE_EQ(row.lo80, 100);  // floor(100.1)
  EXPECT_DOUBLE_EQ(row.hi80, 120);  // ceil(119.9)
  EXPECT_DOUBLE_EQ(row.lo95, 93);   // floor(93.5)
  EXPECT_DOUBLE_EQ(row.hi95, 127);  // ceil(126.5)
  EXPECT_EQ(row.applied, "+10%");
}

TEST(ApplyAdjustments, CallsShiftProratedAndStopAtZero) {
  const std::vector<ForecastAdjustment> a{parse_adjustment("2003-10-15T21:00-22:00=-30calls;x")};
  AdjustedInterval partial{20, 10, 30, 5, 35, ""};
  // A 5-minute last row of a 30-minute forecast gets a sixth: -5 calls.
  apply_adjustments(a, day(2003, 10, 15), 21 * 3600, 300, 1800, partial);
  EXPECT_DOUBLE_EQ(partial.calls, 15);
  EXPECT_DOUBLE_EQ(partial.lo80, 5);
  EXPECT_DOUBLE_EQ(partial.lo95, 0);
  EXPECT_DOUBLE_EQ(partial.hi95, 30);
  EXPECT_EQ(partial.applied, "-30calls (x)");
  AdjustedInterval small{20, 10, 30, 5, 35, ""};
  apply_adjustments(a, day(2003, 10, 15), 21 * 3600, 1800, 1800, small);
  EXPECT_DOUBLE_EQ(small.calls, 0);
  EXPECT_DOUBLE_EQ(small.hi95, 5);
}

TEST(ApplyAdjustments, OnlyCoveredIntervalsInOrder) {
  const std::vector<ForecastAdjustment> a{parse_adjustment("2003-10-13..2003-10-14=+50%"),
                                          parse_adjustment("2003-10-14T12:00-14:00=+10calls")};
  AdjustedInterval outside{10, 8, 12, 7, 13, ""};
  apply_adjustments(a, day(2003, 10, 15), 12 * 3600, 1800, 1800, outside);
  EXPECT_DOUBLE_EQ(outside.calls, 10);
  EXPECT_EQ(outside.applied, "");
  AdjustedInterval late{10, 8, 12, 7, 13, ""};
  apply_adjustments(a, day(2003, 10, 14), 14 * 3600, 1800, 1800, late);  // 14:00 is outside
  EXPECT_DOUBLE_EQ(late.calls, 15);
  AdjustedInterval both{10, 8, 12, 7, 13, ""};
  apply_adjustments(a, day(2003, 10, 14), 13 * 3600 + 1800, 1800, 1800, both);
  EXPECT_DOUBLE_EQ(both.calls, 25);  // (10 x 1.5) + 10, in the order given
  EXPECT_EQ(both.applied, "+50% + +10calls");
}

}  // namespace
}  // namespace staffsim::tools
