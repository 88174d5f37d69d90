#include "models/duration_fit.hpp"

#include <gtest/gtest.h>

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/gamma_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "error_message.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

// Statistical tests below use a fixed seed and a tolerance of 5 standard errors of the estimator
// (asymptotic normal theory with n = 20,000): a false failure has probability about 6e-7 per
// checked quantity, below 1e-5 for the whole file.
constexpr int kSampleSize = 20'000;
constexpr double kZ = 5.0;

template <class Distribution>
std::vector<double> draw(Distribution distribution, std::uint64_t seed) {
  boost::random::mt19937_64 engine(seed);
  std::vector<double> x(kSampleSize);
  for (double& v : x) v = distribution(engine);
  return x;
}

TEST(DurationFit, LognormalHandWorked) {
  // log x = {0, 1, 2}: mu = 1, sigma^2 = 2/3.
  const std::vector<double> x{1.0, std::exp(1.0), std::exp(2.0)};
  const DurationFit fit = fit_lognormal(x);
  EXPECT_NEAR(fit.log_mean, 1.0, 1e-14);
  EXPECT_NEAR(fit.log_sd, std::sqrt(2.0 / 3.0), 1e-14);
  const double expected_ll =
      -3.0 - 3.0 * 0.5 * std::log(2.0 / 3.0) - 1.5 * std::log(2 * std::numbers::pi) - 1.5;
  EXPECT_NEAR(fit.log_likelihood, expected_ll, 1e-12);
  EXPECT_NEAR(fit.aic, 4.0 - 2.0 * expected_ll, 1e-12);
  EXPECT_NEAR(fit.mean_s, std::exp(1.0 + 1.0 / 3.0), 1e-12);
  EXPECT_NEAR(fit.sd_s, std::exp(1.0 + 1.0 / 3.0) * std::sqrt(std::exp(2.0 / 3.0) - 1.0), 1e-12);
}

TEST(DurationFit, ExponentialHandWorkedWithKolmogorovSmirnov) {
  const std::vector<double> x{1, 2, 3};
  const DurationFit fit = fit_exponential(x);
  EXPECT_DOUBLE_EQ(fit.mean_s, 2.0);
  EXPECT_NEAR(fit.log_likelihood, -3.0 * std::log(2.0) - 3.0, 1e-14);
  EXPECT_NEAR(fit.aic, 2.0 + 6.0 * std::log(2.0) + 6.0, 1e-13);
  // F(1) = 1 - e^-0.5 = 0.393 against F_n(1-) = 0: the largest gap.
  EXPECT_NEAR(fit.ks_distance, 1.0 - std::exp(-0.5), 1e-14);

  // Anderson-Darling by its definition, with F(1), F(2), F(3) = 1 - e^-0.5, 1 - e^-1, 1 - e^-1.5.
  const double f1 = 1 - std::exp(-0.5), f2 = 1 - std::exp(-1.0), f3 = 1 - std::exp(-1.5);
  const double a2 =
      -3.0 - (1 * (std::log(f1) + std::log(1 - f3)) + 3 * (std::log(f2) + std::log(1 - f2)) +
              5 * (std::log(f3) + std::log(1 - f1))) /
                 3.0;
  EXPECT_NEAR(fit.anderson_darling, a2, 1e-13);

  // A tie: {1, 3, 3}, mean 7/3; the largest gap is F(3-) - F_n(3-) = F(3) - 1/3.
  const std::vector<double> tied{1, 3, 3};
  EXPECT_NEAR(fit_exponential(tied).ks_distance, 1.0 - std::exp(-9.0 / 7.0) - 1.0 / 3.0, 1e-14);
}

TEST(DurationFit, GammaShapeSolvesKnownScoreValues) {
  // log k - digamma(k) at k = 1 is Euler's gamma; at k = 1/2 it is gamma + log 2.
  constexpr double kEuler = 0.57721566490153286;
  EXPECT_NEAR(gamma_shape_from_log_ratio(kEuler), 1.0, 1e-13);
  EXPECT_NEAR(gamma_shape_from_log_ratio(kEuler + std::numbers::ln2), 0.5, 1e-13);
  // Extremes: very peaked (large k, ratio ~ 1/(2k)) and very skewed (small k, ratio ~ -log k).
  EXPECT_NEAR(gamma_shape_from_log_ratio(1.0 / 2000.0) / 1000.0, 1.0, 1e-3);
  const double small = gamma_shape_from_log_ratio(10.0);
  EXPECT_NEAR(std::log(small) - boost::math::digamma(small), 10.0, 1e-12);
}

TEST(DurationFit, GammaSatisfiesScoreEquationsAndMaximisesLikelihood) {
  const std::vector<double> x{12, 30, 45, 61, 90, 130, 200, 410};
  const DurationFit fit = fit_gamma(x);
  double mean = 0, mean_log = 0;
  for (double v : x) {
    mean += v / static_cast<double>(x.size());
    mean_log += std::log(v) / static_cast<double>(x.size());
  }
  // Score equations: shape * scale = mean, log(shape) - digamma(shape) = log(mean) - mean(log x).
  EXPECT_NEAR(fit.shape * fit.scale_s, mean, 1e-10 * mean);
  EXPECT_NEAR(std::log(fit.shape) - boost::math::digamma(fit.shape), std::log(mean) - mean_log,
              1e-13);
  // The log-likelihood, summed directly from the density, matches and is a local maximum.
  auto log_likelihood = [&](double k, double theta) {
    double ll = 0;
    for (double v : x)
      ll += (k - 1) * std::log(v) - v / theta - k * std::log(theta) - std::lgamma(k);
    return ll;
  };
  EXPECT_NEAR(fit.log_likelihood, log_likelihood(fit.shape, fit.scale_s), 1e-9);
  for (double dk : {-1e-3, 1e-3}) {
    for (double dt : {-1e-2, 0.0, 1e-2}) {
      EXPECT_LT(log_likelihood(fit.shape + dk, fit.scale_s + dt), fit.log_likelihood);
    }
  }
}

TEST(DurationFit, RecoversLognormalParametersAndChoosesLognormal) {
  const double mu = 4.7, sigma = 1.0;
  const auto x = draw(boost::random::lognormal_distribution<double>(mu, sigma), 20261123);
  const DurationFits fits = fit_durations(x);
  const DurationFit& fit = fits.fits[0];
  EXPECT_EQ(fit.family, DurationFamily::lognormal);
  EXPECT_NEAR(fit.log_mean, mu, kZ * sigma / std::sqrt(kSampleSize));
  EXPECT_NEAR(fit.log_sd, sigma, kZ * sigma / std::sqrt(2.0 * kSampleSize));
  EXPECT_EQ(fits.best().family, DurationFamily::lognormal);
  // KS distance of the true family is of order 1/sqrt(n); P(D > 0.02) < 1e-6 for n = 20,000
  // (Dvoretzky-Kiefer-Wolfowitz: 2 exp(-2 n 0.02^2) = 2e-7).
  EXPECT_LT(fit.ks_distance, 0.02);
  EXPECT_GT(fits.fits[2].ks_distance, 0.05);  // the exponential fits badly
  // A^2 of the true family with both parameters estimated has a 1% point of 1.04 (Stephens 1974,
  // normal case on the logs) and an exponentially decaying tail: P(A^2 > 3) is far below 1e-4.
  // The exponential's is huge.
  EXPECT_LT(fit.anderson_darling, 3.0);
  EXPECT_GT(fits.fits[2].anderson_darling, 100.0);
  EXPECT_EQ(fits.sample.count, static_cast<std::size_t>(kSampleSize));
}

TEST(DurationFit, RecoversGammaParameters) {
  const double shape = 2.5, scale = 80.0;
  const auto x = draw(boost::random::gamma_distribution<double>(shape, scale), 7);
  const DurationFit fit = fit_gamma(x);
  // Asymptotic variance of the shape MLE: k / (n (k trigamma(k) - 1)); of the mean: k theta^2 / n.
  const double shape_se =
      std::sqrt(shape / (kSampleSize * (shape * boost::math::trigamma(shape) - 1.0)));
  EXPECT_NEAR(fit.shape, shape, kZ * shape_se);
  EXPECT_NEAR(fit.mean_s, shape * scale, kZ * scale * std::sqrt(shape / kSampleSize));
  EXPECT_EQ(fit_durations(x).best().family, DurationFamily::gamma);
}

TEST(DurationFit, RecoversExponentialMean) {
  const double mean = 180.0;
  const auto x = draw(boost::random::exponential_distribution<double>(1.0 / mean), 11);
  const DurationFit fit = fit_exponential(x);
  EXPECT_NEAR(fit.mean_s, mean, kZ * mean / std::sqrt(kSampleSize));
  // The gamma fit nests the exponential: its shape is close to 1.
  EXPECT_NEAR(fit_gamma(x).shape, 1.0,
              kZ * std::sqrt(1.0 / (kSampleSize * (boost::math::trigamma(1.0) - 1.0))));
}

TEST(DurationFit, ErrorMessages) {
  const std::vector<double> one{5};
  const std::vector<double> zero{5, 0, 7};
  const std::vector<double> equal{120, 120, 120};
  EXPECT_EQ(staffsim::test_support::error_message([&] { fit_exponential(one); }),
            "durations_s must hold at least 2 values, found 1");
  EXPECT_EQ(staffsim::test_support::error_message([&] { fit_durations(zero); }),
            "durations_s must be positive and finite, found 0 at index 1");
  EXPECT_EQ(staffsim::test_support::error_message([&] { fit_gamma(equal); }),
            "durations_s must not all be equal for a two-parameter fit, found 3 values of 120");
  EXPECT_EQ(staffsim::test_support::error_message([&] { gamma_shape_from_log_ratio(-1); }),
            "log_mean_minus_mean_log must be positive and finite, found -1");
  const std::vector<double> nearly_equal{100.0, 100.0004};
  EXPECT_EQ(staffsim::test_support::error_message([&] { fit_gamma(nearly_equal); }),
            "durations_s are too close to equal for a gamma fit: (max - min) / mean must be at "
            "least 1e-5, found 4e-06");
  EXPECT_NO_THROW(fit_exponential(equal));
}

}  // namespace
}  // namespace staffsim::models
