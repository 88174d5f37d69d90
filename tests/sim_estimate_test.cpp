#include <gtest/gtest.h>

#include <cmath>

#include "sim/estimate.hpp"
#include "tests/two_pass_estimate.hpp"

namespace staffsim::sim {
namespace {

using test_support::mean_estimate;
using test_support::ratio_estimate;

// Student-t table values.
TEST(SimEstimate, StudentTQuantiles) {
  EXPECT_NEAR(student_t_975(1), 12.706204736174707, 1e-9);
  EXPECT_NEAR(student_t_975(3), 3.182446305284263, 1e-9);
  EXPECT_NEAR(student_t_975(29), 2.045229642132703, 1e-9);
}

// {1, 2, 3, 4}: mean 2.5, sd sqrt(5/3); half-width 3.182446305284263 * sqrt(5/3) / 2.
TEST(SimEstimate, MeanWithStudentInterval) {
  const Estimate e = mean_estimate({1, 2, 3, 4});
  const double half = 3.182446305284263 * std::sqrt(5.0 / 3.0) / 2.0;
  EXPECT_DOUBLE_EQ(e.mean, 2.5);
  EXPECT_NEAR(e.ci_low, 2.5 - half, 1e-12);
  EXPECT_NEAR(e.ci_high, 2.5 + half, 1e-12);
}

TEST(SimEstimate, MeanSkipsUndefinedValuesAndNeedsTwoForAnInterval) {
  const double nan = std::nan("");
  const Estimate e = mean_estimate({nan, 4, nan});
  EXPECT_EQ(e.mean, 4);
  EXPECT_TRUE(std::isnan(e.ci_low));
  EXPECT_TRUE(std::isnan(e.ci_high));
  EXPECT_TRUE(std::isnan(mean_estimate({nan}).mean));
  const Estimate constant = mean_estimate({3, 3, 3});
  EXPECT_EQ(constant.ci_low, 3);
  EXPECT_EQ(constant.ci_high, 3);
}

// x = {1, 2}, y = {2, 2}: X = 3/4; residuals -0.5, 0.5, sd = sqrt(0.5), se = sqrt(0.5 / 2) / 2.
TEST(SimEstimate, RatioOfSumsWithDeltaMethodInterval) {
  const Estimate e = ratio_estimate({1, 2}, {2, 2});
  const double half = 12.706204736174707 * 0.5 / 2.0;
  EXPECT_DOUBLE_EQ(e.mean, 0.75);
  EXPECT_NEAR(e.ci_low, 0.75 - half, 1e-12);
  EXPECT_NEAR(e.ci_high, 0.75 + half, 1e-12);
}

TEST(SimEstimate, RatioUndefinedWithoutDenominator) {
  const Estimate e = ratio_estimate({0, 0}, {0, 0});
  EXPECT_TRUE(std::isnan(e.mean));
  // One empty replication does not make the ratio undefined.
  EXPECT_DOUBLE_EQ(ratio_estimate({0, 3}, {0, 4}).mean, 0.75);
}

}  // namespace
}  // namespace staffsim::sim
