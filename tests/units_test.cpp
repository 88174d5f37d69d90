#include "tools/units.hpp"

#include <gtest/gtest.h>

#include "models/error.hpp"

namespace staffsim::tools {
namespace {

TEST(ParseDuration, AcceptsUnitsAndBareSeconds) {
  EXPECT_DOUBLE_EQ(parse_duration_s("20s"), 20.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("5m"), 300.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("1.5h"), 5400.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("1d"), 86400.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("250ms"), 0.25);
  EXPECT_DOUBLE_EQ(parse_duration_s("4min"), 240.0);
  EXPECT_DOUBLE_EQ(parse_duration_s(" 20 "), 20.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("-3s"), -3.0);  // sign checks belong to the caller
}

TEST(ParseDuration, RejectsUnknownUnitWithMessage) {
  try {
    parse_duration_s("20x");
    FAIL() << "no exception";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(
        e.what(),
        "unknown duration unit \"x\" in \"20x\" (expected s, m, h or d, e.g. 20s, 5m, 1.5h)");
  }
  try {
    parse_duration_s("soon");
    FAIL() << "no exception";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "expected a duration such as 20s, 5m or 1.5h, found \"soon\"");
  }
}

TEST(ParseRate, StatesItsInterval) {
  EXPECT_DOUBLE_EQ(parse_rate_per_s("2.5/s"), 2.5);
  EXPECT_DOUBLE_EQ(parse_rate_per_s("90/h"), 90.0 / 3600.0);
  EXPECT_DOUBLE_EQ(parse_rate_per_s("6/m"), 0.1);
  EXPECT_DOUBLE_EQ(parse_rate_per_s("120/30m"), 120.0 / 1800.0);
  EXPECT_THROW(parse_rate_per_s("2.5"), InvalidInput);
  EXPECT_THROW(parse_rate_per_s("2.5/fortnight"), InvalidInput);
  EXPECT_THROW(parse_rate_per_s("2.5/0s"), InvalidInput);
}

TEST(ParseFraction, AcceptsPercentOrFraction) {
  EXPECT_DOUBLE_EQ(parse_fraction("80%"), 0.8);
  EXPECT_DOUBLE_EQ(parse_fraction("0.8"), 0.8);
  EXPECT_DOUBLE_EQ(parse_fraction("5 %"), 0.05);
  EXPECT_THROW(parse_fraction("eighty"), InvalidInput);
}

TEST(FormatDuration, UsesTheLargestExactUnit) {
  EXPECT_EQ(format_duration(20), "20s");
  EXPECT_EQ(format_duration(90), "1.5m");
  EXPECT_EQ(format_duration(1800), "30m");
  EXPECT_EQ(format_duration(5400), "1.5h");
}

}  // namespace
}  // namespace staffsim::tools
