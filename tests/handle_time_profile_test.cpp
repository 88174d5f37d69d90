// Tests of models/handle_time_profile.hpp: per weekday-slot handle times with credibility.
#include "models/handle_time_profile.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "models/error.hpp"

namespace staffsim::models {
namespace {

// Two cells, worked by hand: Monday slot 0 = {100, 140} (mean 120), Monday slot 1 = {200, 220,
// 240, 260} (mean 230). N = 6, C = 2, m = 1160 / 6.
//   s2   = (400 + 400 + 900 + 100 + 100 + 900) / (6 - 2) = 700
//   sum n (xbar - m)^2 = 2 (120 - m)^2 + 4 (230 - m)^2 = 16133.33...
//   tau2 = (16133.33 - 700) / (6 - 20 / 6) = 5787.5,   k = s2 / tau2
TEST(HandleTimeProfile, BuhlmannStraubByHand) {
  const std::vector<ServedCall> calls{{0, 0, 100}, {0, 0, 140}, {0, 1, 200},
                                      {0, 1, 220}, {0, 1, 240}, {0, 1, 260}};
  const HandleTimeProfile p = handle_time_profile(calls, 3);
  const double m = 1160.0 / 6;
  EXPECT_NEAR(p.overall_mean_s, m, 1e-12);
  EXPECT_NEAR(p.within_variance, 700, 1e-9);
  const double between = 2 * (120 - m) * (120 - m) + 4 * (230 - m) * (230 - m);
  const double tau2 = (between - 700) / (6 - 20.0 / 6);
  EXPECT_NEAR(p.between_variance, tau2, 1e-9);
  const double k = 700 / tau2;
  EXPECT_NEAR(p.mean_s[0][0], m + 2 / (2 + k) * (120 - m), 1e-9);
  EXPECT_NEAR(p.mean_s[0][1], m + 4 / (4 + k) * (230 - m), 1e-9);
  EXPECT_DOUBLE_EQ(p.mean_s[0][2], m);  // no calls: the all-call mean
  EXPECT_DOUBLE_EQ(p.mean_s[3][0], m);
  EXPECT_EQ(p.calls[0][1], 4u);
}

// Cells whose means differ no more than chance all get the overall mean.
TEST(HandleTimeProfile, NoRealDifferenceMeansNoDifference) {
  const std::vector<ServedCall> calls{{1, 0, 100}, {1, 0, 300}, {1, 1, 110}, {1, 1, 290}};
  const HandleTimeProfile p = handle_time_profile(calls, 2);
  EXPECT_DOUBLE_EQ(p.between_variance, 0);
  EXPECT_DOUBLE_EQ(p.mean_s[1][0], 200);
  EXPECT_DOUBLE_EQ(p.mean_s[1][1], 200);
}

TEST(HandleTimeProfile, Errors) {
  const std::vector<ServedCall> bad_slot{{0, 3, 100}};
  try {
    handle_time_profile(bad_slot, 3);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "slot must be in 0..2, found 3");
  }
  EXPECT_THROW(handle_time_profile({}, 3), InvalidInput);
}

}  // namespace
}  // namespace staffsim::models
