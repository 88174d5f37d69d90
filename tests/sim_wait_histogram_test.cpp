#include <gtest/gtest.h>

#include <cmath>

#include "sim/wait_histogram.hpp"

namespace staffsim::sim {
namespace {

TEST(SimWaitHistogram, QuantileAmongZerosIsZero) {
  WaitHistogram h;
  for (int i = 0; i < 50; ++i) h.add(0);
  for (int i = 1; i <= 50; ++i) h.add(i);
  EXPECT_EQ(h.count(), 100);
  EXPECT_EQ(h.quantile(0.5), 0);
  // Rank 90 is the 40th positive wait, 40 s, alone in the bin [40, 40.5): interpolation reaches
  // the bin's upper edge.
  EXPECT_DOUBLE_EQ(h.quantile(0.9), 40.5);
}

TEST(SimWaitHistogram, InterpolatesInsideABin) {
  WaitHistogram h;
  for (int i = 0; i < 4; ++i) h.add(10.1);  // bin [10, 10.5)
  EXPECT_DOUBLE_EQ(h.quantile(0.5), 10.25);
}

TEST(SimWaitHistogram, CoarserBinsAndOverflow) {
  WaitHistogram medium;
  medium.add(1001);  // bin [1000, 1005)
  EXPECT_DOUBLE_EQ(medium.quantile(1.0), 1005);
  WaitHistogram coarse;
  coarse.add(4000);  // bin [3960, 4020)
  EXPECT_DOUBLE_EQ(coarse.quantile(1.0), 4020);
  WaitHistogram overflow;
  overflow.add(100000);
  EXPECT_DOUBLE_EQ(overflow.quantile(1.0), 100000);
  EXPECT_TRUE(std::isnan(WaitHistogram{}.quantile(0.9)));
}

TEST(SimWaitHistogram, MergeAddsCounts) {
  WaitHistogram a, b;
  a.add(0);
  b.add(3.2);
  b.add(3.3);
  a.merge(b);
  EXPECT_EQ(a.count(), 3);
  EXPECT_DOUBLE_EQ(a.quantile(1.0), 3.5);
}

}  // namespace
}  // namespace staffsim::sim
