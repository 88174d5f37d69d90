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
  WaitHistogram day;
  day.add(100000);  // 1 day 3:46:40, bin [99600, 100200) of 10 minutes
  EXPECT_DOUBLE_EQ(day.quantile(1.0), 100200);
  WaitHistogram weeks;
  weeks.add(30 * 86400.0 + 1800);  // 30.02 days, bin of 1 hour [30 d, 30 d + 1 h)
  EXPECT_DOUBLE_EQ(weeks.quantile(1.0), 30 * 86400.0 + 3600);
  WaitHistogram overflow;  // beyond 61 days: one bin up to the largest wait seen
  overflow.add(70 * 86400.0);
  EXPECT_DOUBLE_EQ(overflow.quantile(1.0), 70 * 86400.0);
  EXPECT_TRUE(std::isnan(WaitHistogram{}.quantile(0.9)));
}

// Every bin's lower edge maps back to that bin, and the edges rise: the tiers join without a gap.
TEST(SimWaitHistogram, BinEdgesAreConsistentAcrossTiers) {
  for (int bin = 0; bin + 1 < WaitHistogram::kBins; ++bin) {
    EXPECT_EQ(WaitHistogram::bin_of(WaitHistogram::lower_edge(bin) + 1e-6), bin) << bin;
    EXPECT_LT(WaitHistogram::lower_edge(bin), WaitHistogram::lower_edge(bin + 1)) << bin;
  }
  EXPECT_DOUBLE_EQ(WaitHistogram::lower_edge(WaitHistogram::kBins - 1), WaitHistogram::kLongest);
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
