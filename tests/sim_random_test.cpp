#include <gtest/gtest.h>

#include <cmath>

#include "sim/random.hpp"

namespace staffsim::sim {
namespace {

// Reference outputs published with the algorithms (xoshiro256** and SplitMix64 reference code,
// FNV-1a test vectors).
TEST(SimRandom, XoshiroMatchesReferenceSequence) {
  auto stream = RandomStream::from_state(1, 2, 3, 4);
  EXPECT_EQ(stream(), 11520u);
  EXPECT_EQ(stream(), 0u);
  EXPECT_EQ(stream(), 1509978240u);
  EXPECT_EQ(stream(), 1215971899390074240u);
}

TEST(SimRandom, SplitMixAndFnvMatchReferenceValues) {
  std::uint64_t state = 0;
  EXPECT_EQ(splitmix64_next(state), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(splitmix64_next(state), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
}

TEST(SimRandom, StreamDependsOnSeedReplicationAndName) {
  RandomStream a(7, 3, "arrivals/sales");
  RandomStream same(7, 3, "arrivals/sales");
  RandomStream other_name(7, 3, "arrivals/support");
  RandomStream other_replication(7, 4, "arrivals/sales");
  RandomStream other_seed(8, 3, "arrivals/sales");
  const auto first = a();
  EXPECT_EQ(first, same());
  EXPECT_NE(first, other_name());
  EXPECT_NE(first, other_replication());
  EXPECT_NE(first, other_seed());
}

// Mean of 10^6 uniforms (sd 1/sqrt(12 n) = 2.9e-4) and of 10^6 unit exponentials (sd 1e-3) within
// 5 sd: false failure probability below 1e-6 per check.
TEST(SimRandom, UniformAndExponentialMeans) {
  RandomStream stream(1, 0, "test");
  const int n = 1000000;
  double u_sum = 0, e_sum = 0, u_min = 1, u_max = 0;
  for (int i = 0; i < n; ++i) {
    const double u = stream.uniform();
    u_min = std::min(u_min, u);
    u_max = std::max(u_max, u);
    u_sum += u;
    e_sum += stream.exponential();
  }
  EXPECT_GE(u_min, 0.0);
  EXPECT_LT(u_max, 1.0);
  EXPECT_NEAR(u_sum / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(e_sum / n, 1.0, 5 * std::sqrt(1.0 / n));
}

}  // namespace
}  // namespace staffsim::sim
