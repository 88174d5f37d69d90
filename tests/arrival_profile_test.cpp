#include "models/arrival_profile.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "error_message.hpp"
#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

std::int64_t at(int year, int month, int day, int hour, int minute, int second = 0) {
  return days_from_civil({year, month, day}) * kSecondsPerDay + hour * 3600LL + minute * 60LL +
         second;
}

TEST(ArrivalProfile, MeansPerWeekdayCountDaysWithoutCallsInAnInterval) {
  // Observed: Monday 2 Nov 2026, Tuesday 3 Nov 2026, Monday 9 Nov 2026 (Sunday 8 Nov is not in the
  // log). Monday 9 Nov has no call at 09:00-10:00, which must still count as a zero.
  const std::vector<std::int64_t> days{days_from_civil({2026, 11, 2}),
                                       days_from_civil({2026, 11, 3}),
                                       days_from_civil({2026, 11, 9})};
  ASSERT_EQ(weekday_from_days(days[0]), 0);
  const std::vector<std::int64_t> arrivals{at(2026, 11, 2, 8, 10),      at(2026, 11, 2, 8, 20),
                                           at(2026, 11, 2, 9, 5),       at(2026, 11, 9, 8, 45),
                                           at(2026, 11, 3, 23, 59, 59), at(2026, 11, 3, 0, 0, 0)};
  const ArrivalProfile p = arrival_profile(arrivals, days, 3600);
  EXPECT_EQ(p.intervals_per_day, 24);
  EXPECT_EQ(p.days_observed[0], 2);
  EXPECT_EQ(p.days_observed[1], 1);
  EXPECT_EQ(p.days_observed[6], 0);
  EXPECT_EQ(p.total_days_observed, 3);
  EXPECT_EQ(p.calls, 6u);
  EXPECT_DOUBLE_EQ(p.mean_per_interval[0][8], 1.5);  // 3 calls over 2 Mondays
  EXPECT_DOUBLE_EQ(p.mean_per_interval[0][9], 0.5);  // 1 call over 2 Mondays
  EXPECT_DOUBLE_EQ(p.mean_per_interval[1][23], 1.0);
  EXPECT_DOUBLE_EQ(p.mean_per_interval[1][0], 1.0);
  EXPECT_DOUBLE_EQ(p.mean_per_interval[6][8], 0.0);  // no Sunday observed
  EXPECT_DOUBLE_EQ(p.mean_all_days[8], 1.0);         // 3 calls over 3 days
  EXPECT_DOUBLE_EQ(p.mean_all_days[9], 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(p.mean_all_days[12], 0.0);
  // Half-hour intervals split 08:10/08:20 from 08:45.
  const ArrivalProfile half = arrival_profile(arrivals, days, 1800);
  EXPECT_EQ(half.intervals_per_day, 48);
  EXPECT_DOUBLE_EQ(half.mean_per_interval[0][16], 1.0);
  EXPECT_DOUBLE_EQ(half.mean_per_interval[0][17], 0.5);
}

TEST(ArrivalProfile, ErrorMessages) {
  const std::vector<std::int64_t> days{20'000};
  const std::vector<std::int64_t> twice{20'000, 20'000};
  const std::vector<std::int64_t> arrivals{20'001 * kSecondsPerDay + 5};
  EXPECT_EQ(staffsim::test_support::error_message([&] { arrival_profile({}, days, 7); }),
            "interval_s must be a whole number of seconds dividing 86400, found 7");
  EXPECT_EQ(staffsim::test_support::error_message([&] { arrival_profile({}, days, 1800.5); }),
            "interval_s must be a whole number of seconds dividing 86400, found 1800.5");
  EXPECT_EQ(staffsim::test_support::error_message([&] { arrival_profile({}, twice, 1800); }),
            "observed_days must list each day once, found day 20000 twice");
  EXPECT_EQ(staffsim::test_support::error_message([&] { arrival_profile(arrivals, days, 1800); }),
            "arrivals_local_s must fall on observed days, found an arrival on day 20001 which "
            "observed_days does not list");
}

}  // namespace
}  // namespace staffsim::models
