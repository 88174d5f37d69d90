#include "tools/units.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

#include "error_message.hpp"
#include "models/error.hpp"

namespace staffsim::tools {
namespace {

using test_support::error_message;

TEST(ParseDuration, AcceptsUnits) {
  EXPECT_DOUBLE_EQ(parse_duration_s("20s"), 20.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("5m"), 300.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("1.5h"), 5400.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("1d"), 86400.0);
  EXPECT_DOUBLE_EQ(parse_duration_s("250ms"), 0.25);
  EXPECT_DOUBLE_EQ(parse_duration_s("4min"), 240.0);
  EXPECT_DOUBLE_EQ(parse_duration_s(" 20s "), 20.0);
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
    EXPECT_STREQ(e.what(),
                 "expected a duration with its unit such as 20s, 5m or 1.5h, found \"soon\"");
  }
}

// A bare number is refused everywhere: "30" could be seconds or minutes.
TEST(ParseDuration, RejectsABareNumber) {
  EXPECT_EQ(error_message([] { parse_duration_s("30"); }),
            "expected a duration with its unit such as 20s, 5m or 1.5h, found \"30\" (no unit)");
  EXPECT_EQ(error_message([] { parse_duration_s(" 1.5 "); }),
            "expected a duration with its unit such as 20s, 5m or 1.5h, found \" 1.5 \" (no "
            "unit)");
}

TEST(ParseInterval, WholeSecondsDividingADay) {
  EXPECT_EQ(parse_interval_s("30m"), 1800);
  EXPECT_EQ(parse_interval_s("5m"), 300);
  EXPECT_EQ(parse_interval_s("1d"), 86400);
  EXPECT_EQ(parse_interval_s("45s"), 45);
  for (const char* bad : {"7m", "0.5s", "0s", "-30m", "2d"}) {
    EXPECT_EQ(error_message([&] { parse_interval_s(bad); }),
              std::string("expected a length that divides a day, in whole seconds, such as 5m, "
                          "15m, 30m or 1h, found \"") +
                  bad + "\"")
        << bad;
  }
  EXPECT_EQ(error_message([] { parse_interval_s("30"); }),
            "expected a duration with its unit such as 20s, 5m or 1.5h, found \"30\" (no unit)");
}

TEST(ParseInteger, SignDigitsAndRange) {
  EXPECT_EQ(parse_integer("30"), 30);
  EXPECT_EQ(parse_integer("-1"), -1);
  EXPECT_EQ(parse_integer("+4"), 4);
  EXPECT_EQ(parse_integer(" 7 "), 7);
  EXPECT_EQ(parse_integer("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(error_message([] { parse_integer("4.5"); }), "expected a whole number, found \"4.5\"");
  EXPECT_EQ(error_message([] { parse_integer("9223372036854775808"); }),
            "expected a whole number, found \"9223372036854775808\"");
  EXPECT_EQ(error_message([] { parse_integer("+-3"); }), "expected a whole number, found \"+-3\"");
  EXPECT_EQ(error_message([] { parse_integer("", 0); }),
            "expected a non-negative whole number, found \"\"");
  EXPECT_EQ(error_message([] { parse_integer("0", 1); }),
            "expected a whole number of at least 1, found \"0\"");
  EXPECT_EQ(error_message([] { parse_integer("1001", 1, 1000); }),
            "expected a whole number from 1 to 1000, found \"1001\"");
  EXPECT_EQ(
      error_message([] { parse_integer("12", std::numeric_limits<std::int64_t>::min(), 10); }),
      "expected a whole number of at most 10, found \"12\"");
}

// Seeds are 64-bit: every value from 0 to 2^64 - 1 is accepted, nothing beyond.
TEST(ParseUnsigned, TheWholeSixtyFourBitRange) {
  EXPECT_EQ(parse_unsigned("0"), 0u);
  EXPECT_EQ(parse_unsigned("1000000000000000000"), 1'000'000'000'000'000'000u);
  EXPECT_EQ(parse_unsigned("18446744073709551615"), std::numeric_limits<std::uint64_t>::max());
  const char* expectation = "expected a whole number from 0 to 18446744073709551615, found ";
  EXPECT_EQ(error_message([] { parse_unsigned("18446744073709551616"); }),
            std::string(expectation) + "\"18446744073709551616\"");
  EXPECT_EQ(error_message([] { parse_unsigned("-1"); }), std::string(expectation) + "\"-1\"");
}

TEST(ParseRate, StatesItsInterval) {
  EXPECT_DOUBLE_EQ(parse_rate_per_s("2.5/s"), 2.5);
  EXPECT_DOUBLE_EQ(parse_rate_per_s("90/h"), 90.0 / 3600.0);
  EXPECT_DOUBLE_EQ(parse_rate_per_s("6/m"), 0.1);
  EXPECT_DOUBLE_EQ(parse_rate_per_s("120/30m"), 120.0 / 1800.0);
  EXPECT_THROW(parse_rate_per_s("2.5"), InvalidInput);
  EXPECT_THROW(parse_rate_per_s("2.5/fortnight"), InvalidInput);
  EXPECT_THROW(parse_rate_per_s("2.5/0s"), InvalidInput);
  EXPECT_EQ(error_message([] { parse_rate_per_s("120/30"); }),
            "expected a rate with its interval such as 2.5/s, 90/h or 120/30m, found \"120/30\" "
            "(the interval has no unit)");
  EXPECT_EQ(error_message([] { parse_rate_per_s("1e308/1ms"); }),
            "expected a rate of at most 1e308 a second, found \"1e308/1ms\"");
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

TEST(FormatDecimal, NoTrailingZeros) {
  EXPECT_EQ(format_decimal(12.5, 4), "12.5");
  EXPECT_EQ(format_decimal(3.0, 1), "3");
  EXPECT_EQ(format_decimal(0.041666, 4), "0.0417");
  EXPECT_EQ(format_decimal(-0.00001, 2), "0");
}

TEST(FormatPercent, FixedDecimals) {
  EXPECT_EQ(format_percent(0.80523), "80.52%");
  EXPECT_EQ(format_percent(0.05, 1), "5.0%");
  EXPECT_EQ(format_percent(1.0, 0), "100%");
  EXPECT_EQ(format_percent(std::nan("")), "n/a");
}

}  // namespace
}  // namespace staffsim::tools
