#include "models/repeat_callers.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

#include "error_message.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

TEST(RepeatCallers, FollowedAndPrecededWithinWindow) {
  constexpr double kDay = 86'400, kWeek = 7 * kDay;
  const std::vector<CallerContact> calls{
      {3600, 5},    // 0: customer 5, 2nd call, 1 h after the 1st
      {0, 5},       // 1: customer 5, 1st call
      {200000, 5},  // 2: customer 5, 3rd call, 54.6 h after the 2nd
      {10, 0},      // 3: not identified
      {50, 7},      // 4: customer 7, two calls at the same second: input order decides
      {50, 7},      // 5
      {30, 9},      // 6: customer 9, a single call
  };
  const auto day = classify_repeat_calls(calls, kDay);
  EXPECT_TRUE(day[1].followed);
  EXPECT_FALSE(day[1].preceded);
  EXPECT_TRUE(day[0].preceded);
  EXPECT_FALSE(day[0].followed);
  EXPECT_FALSE(day[2].preceded);
  EXPECT_FALSE(day[3].identified);
  EXPECT_TRUE(day[4].followed);
  EXPECT_TRUE(day[5].preceded);
  EXPECT_FALSE(day[6].followed || day[6].preceded);
  const RepeatShare share = summarize_repeats(day);
  EXPECT_EQ(share.identified_calls, 6u);
  EXPECT_EQ(share.followed, 2u);
  EXPECT_EQ(share.preceded, 2u);
  EXPECT_DOUBLE_EQ(share.share_followed(), 2.0 / 6.0);

  const RepeatShare week = summarize_repeats(classify_repeat_calls(calls, kWeek));
  EXPECT_EQ(week.followed, 3u);
  EXPECT_EQ(week.preceded, 3u);
  // The window is inclusive: exactly 3600 s apart counts for a 1 h window.
  EXPECT_EQ(summarize_repeats(classify_repeat_calls(calls, 3600)).followed, 2u);
  EXPECT_EQ(summarize_repeats(classify_repeat_calls(calls, 3599)).followed, 1u);
  EXPECT_EQ(summarize_repeats({}).share_followed(), 0.0);
}

TEST(RepeatCallers, ErrorMessages) {
  const std::vector<CallerContact> negative{{1, 3}, {2, -4}};
  EXPECT_EQ(staffsim::test_support::error_message([&] { classify_repeat_calls({}, -1); }),
            "window_s must be non-negative and finite, found -1");
  const std::vector<CallerContact> infinite{{std::numeric_limits<double>::infinity(), 3}};
  EXPECT_EQ(staffsim::test_support::error_message([&] { classify_repeat_calls(infinite, 60); }),
            "time_s must be finite, found inf at index 0");
  EXPECT_EQ(staffsim::test_support::error_message([&] { classify_repeat_calls(negative, 60); }),
            "customer must be >= 0 (0 = not identified), found -4 at index 1");
}

}  // namespace
}  // namespace staffsim::models
