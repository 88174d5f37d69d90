#include "models/interval_series.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

constexpr std::int64_t kMonday = days_from_civil({2003, 3, 3});  // a Monday

std::string error_of(auto&& f) {
  try {
    f();
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

TEST(IntradayGrid, FinalPartialSlot) {
  const IntradayGrid five{300, 7 * 3600, 21 * 3600 + 300};
  EXPECT_EQ(five.slot_count(), 169);
  EXPECT_FALSE(five.is_partial(168));
  const IntradayGrid half = aggregate_grid(five, 1800);
  EXPECT_EQ(half.slot_count(), 29);  // 28 half hours 07:00-21:00 and 21:00-21:05
  EXPECT_EQ(half.slot_start_s(28), 21 * 3600);
  EXPECT_EQ(half.slot_length_s(28), 300);
  EXPECT_TRUE(half.is_partial(28));
  EXPECT_FALSE(half.is_partial(27));
}

TEST(IntervalSeries, AggregationSumsSlotsAndKeepsDailyTotals) {
  IntervalSeries s(IntradayGrid{300, 7 * 3600, 7 * 3600 + 7 * 300});  // 7 slots of 5 minutes
  s.add_day(kMonday, std::vector<double>{1, 2, 3, 4, 5, 6, 7});
  s.add_day(kMonday + 1, std::vector<double>{0, 0, 0, 0, 0, 0, 10});
  const IntervalSeries q = aggregate(s, 900);  // 15 minutes: slots of 3, 3 and a partial 1
  ASSERT_EQ(q.slot_count(), 3);
  EXPECT_EQ(q.counts(0)[0], 6);
  EXPECT_EQ(q.counts(0)[1], 15);
  EXPECT_EQ(q.counts(0)[2], 7);
  EXPECT_EQ(q.counts(1)[2], 10);
  EXPECT_EQ(q.total(0), 28);
  EXPECT_TRUE(q.grid().is_partial(2));
  EXPECT_EQ(q.grid().slot_length_s(2), 300);
  EXPECT_EQ(error_of([&] { aggregate(s, 400); }),
            "interval_s must be a positive multiple of the series interval 300 s, found 400");
}

TEST(IntervalSeries, CalendarLookupAfterAGap) {
  IntervalSeries s(IntradayGrid{3600, 0, 7200});
  // Monday to Friday of two weeks with the second Monday missing (a holiday).
  for (int d = 0; d < 12; ++d) {
    if (weekday_from_days(kMonday + d) >= 5 || d == 7) continue;
    s.add_day(kMonday + d, std::vector<double>{1.0 * d, 1.0});
  }
  EXPECT_EQ(s.day_count(), 9u);
  EXPECT_FALSE(s.find_day(kMonday + 7).has_value());
  // Row 5 is the second Tuesday, not a Monday: rows never stand for weekdays.
  EXPECT_EQ(s.day(5), kMonday + 8);
  EXPECT_EQ(weekday_from_days(s.day(5)), 1);
  const auto open = s.open_weekdays();
  EXPECT_TRUE(open[0] && open[4]);
  EXPECT_FALSE(open[5] || open[6]);
  // Next open days after Friday 2003-03-14: skip the weekend and a declared holiday.
  const std::vector<std::int64_t> closed{kMonday + 14};
  const auto next = next_open_days(s, 3, closed);
  EXPECT_EQ(next, (std::vector<std::int64_t>{kMonday + 15, kMonday + 16, kMonday + 17}));
  const auto range = open_days_between(s, kMonday + 12, kMonday + 15);
  EXPECT_EQ(range, (std::vector<std::int64_t>{kMonday + 14, kMonday + 15}));
}

TEST(IntervalSeries, Errors) {
  EXPECT_EQ(error_of([] {
              IntervalSeries s(IntradayGrid{0, 0, 10});
            }),
            "interval_s must be positive, found 0");
  EXPECT_EQ(error_of([] {
              IntervalSeries s(IntradayGrid{60, 600, 600});
            }),
            "day_end_s must be in (day_begin_s, 86400] = (600, 86400], found 600");
  IntervalSeries s(IntradayGrid{3600, 0, 7200});
  s.add_day(kMonday, std::vector<double>{1, 2});
  EXPECT_EQ(error_of([&] {
              s.add_day(kMonday, std::vector<double>{1, 2});
            }),
            "day must be later than the last stored day 12114, found 12114");
  EXPECT_EQ(error_of([&] { s.add_day(kMonday + 1, std::vector<double>{1}); }),
            "counts must have one value per slot (2), found 1");
  EXPECT_EQ(error_of([&] {
              s.add_day(kMonday + 1, std::vector<double>{1, -3});
            }),
            "counts must be finite and >= 0, found -3.000000");
  EXPECT_EQ(error_of([&] { next_open_days(s, 0); }), "days must be at least 1, found 0");
  EXPECT_EQ(error_of([&] { open_days_between(s, kMonday, kMonday + 3); }),
            "first_day must be after the last day of the history (12114), found 12114");
  EXPECT_EQ(error_of([&] { open_days_between(s, kMonday + 1, kMonday + 5); }),
            "the range 12115..12119 must contain an open weekday of the history, found none");
}

}  // namespace
}  // namespace staffsim::models
