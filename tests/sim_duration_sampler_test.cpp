#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>
#include <functional>
#include <vector>

#include "sim/duration_sampler.hpp"

namespace staffsim::sim {
namespace {

// Kolmogorov-Smirnov distance between n = 50,000 draws and the exact CDF. Under the null
// hypothesis P(sqrt(n) D > 2.23) ~= 2 exp(-2 * 2.23^2) = 9.8e-5, so each test fails falsely with
// probability below 1e-4.
double ks_distance(const DurationDistribution& distribution,
                   const std::function<double(double)>& cdf) {
  DurationSampler sampler(distribution);
  RandomStream stream(2024, 0, "ks");
  const int n = 50000;
  std::vector<double> x(n);
  for (auto& v : x) v = sampler(stream);
  std::sort(x.begin(), x.end());
  double d = 0;
  for (int i = 0; i < n; ++i) {
    const double f = cdf(x[static_cast<std::size_t>(i)]);
    d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
  }
  return d;
}

const double kCritical = 2.23 / std::sqrt(50000.0);

TEST(SimDurationSampler, ExponentialByInverseTransform) {
  EXPECT_LT(ks_distance(Exponential{300}, [](double x) { return 1 - std::exp(-x / 300); }),
            kCritical);
}

TEST(SimDurationSampler, LognormalHasTheStatedMeanAndSd) {
  // mean 300, sd 150: sigma^2 = log(1.25), mu = log(300) - sigma^2 / 2.
  const double sigma = std::sqrt(std::log(1.25));
  const double mu = std::log(300.0) - 0.5 * std::log(1.25);
  EXPECT_LT(ks_distance(Lognormal{300, 150},
                        [&](double x) {
                          return 0.5 * std::erfc(-(std::log(x) - mu) / (sigma * std::sqrt(2.0)));
                        }),
            kCritical);
}

TEST(SimDurationSampler, GammaAboveAndBelowShapeOne) {
  // mean 200, sd 100: shape 4, scale 50. mean 100, sd 200: shape 0.25, scale 400.
  EXPECT_LT(
      ks_distance(Gamma{200, 100}, [](double x) { return boost::math::gamma_p(4.0, x / 50.0); }),
      kCritical);
  EXPECT_LT(
      ks_distance(Gamma{100, 200}, [](double x) { return boost::math::gamma_p(0.25, x / 400.0); }),
      kCritical);
}

TEST(SimDurationSampler, WeibullByInverseTransform) {
  EXPECT_LT(ks_distance(Weibull{1.5, 120},
                        [](double x) { return 1 - std::exp(-std::pow(x / 120, 1.5)); }),
            kCritical);
}

TEST(SimDurationSampler, DeterministicAndEmpirical) {
  RandomStream stream(1, 0, "d");
  DurationSampler fixed(Deterministic{42});
  EXPECT_EQ(fixed(stream), 42);
  DurationSampler empirical(Empirical{{10, 20, 30}});
  int counts[3] = {0, 0, 0};
  const int n = 30000;
  for (int i = 0; i < n; ++i) {
    const double v = empirical(stream);
    ASSERT_TRUE(v == 10 || v == 20 || v == 30);
    ++counts[static_cast<int>(v / 10) - 1];
  }
  // Each count is Binomial(30000, 1/3), sd 81.6; 5 sd: false failure below 1e-5.
  for (int c : counts) EXPECT_NEAR(c, n / 3.0, 5 * std::sqrt(n * (1.0 / 3) * (2.0 / 3)));
}

// Gamma busyness factor, mean 1 and CV 0.2: the mean of 10^5 draws is within 5 sd (0.2/sqrt(n))
// of 1, the sample sd within 3% of 0.2 (sd of the sample sd ~ 0.2 * sqrt((kurtosis - 1) / 4n),
// well under 0.5%).
TEST(SimDurationSampler, BusynessFactorHasMeanOneAndTheStatedCv) {
  RandomStream stream(3, 0, "busyness");
  const int n = 100000;
  double sum = 0, squares = 0;
  for (int i = 0; i < n; ++i) {
    const double f = sample_busyness_factor(0.2, stream);
    sum += f;
    squares += f * f;
  }
  const double mean = sum / n;
  const double sd = std::sqrt((squares - n * mean * mean) / (n - 1));
  EXPECT_NEAR(mean, 1.0, 5 * 0.2 / std::sqrt(n));
  EXPECT_NEAR(sd, 0.2, 0.006);
}

}  // namespace
}  // namespace staffsim::sim
