#include "models/patience.hpp"

#include <gtest/gtest.h>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <boost/random/weibull_distribution.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "error_message.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

TEST(Patience, KaplanMeierHandWorkedWithTies) {
  // a = abandoned, s = served (censored). Sorted: 1a | 2a 2s | 3a 3a | 4s | 5a.
  //   t=1: 7 waiting, 1 abandons -> S = 6/7
  //   t=2: 6 waiting, 1 abandons (the served call at 2 is still at risk) -> S = 6/7 * 5/6 = 5/7
  //   t=3: 4 waiting, 2 abandon -> S = 5/7 * 2/4 = 5/14
  //   t=4: the served call leaves; t=5: 1 waiting, 1 abandons -> S = 0
  const std::vector<WaitObservation> waits{{3, true}, {1, true},  {2, false}, {5, true},
                                           {2, true}, {4, false}, {3, true}};
  const KaplanMeierCurve km = kaplan_meier(waits);
  ASSERT_EQ(km.steps.size(), 4u);
  EXPECT_EQ(km.observations, 7u);
  EXPECT_EQ(km.abandons, 5u);
  EXPECT_EQ(km.steps[1].at_risk, 6u);
  EXPECT_EQ(km.steps[2].at_risk, 4u);
  EXPECT_EQ(km.steps[2].abandons, 2u);
  EXPECT_EQ(km.steps[3].at_risk, 1u);
  EXPECT_NEAR(km.steps[0].survival, 6.0 / 7.0, 1e-15);
  EXPECT_NEAR(km.steps[1].survival, 5.0 / 7.0, 1e-15);
  EXPECT_NEAR(km.steps[2].survival, 5.0 / 14.0, 1e-15);
  EXPECT_EQ(km.steps[3].survival, 0.0);
  // Greenwood: S(1)^2 * 1/(7*6); S(2)^2 * (1/42 + 1/30).
  EXPECT_NEAR(km.steps[0].std_error, 6.0 / 7.0 * std::sqrt(1.0 / 42.0), 1e-15);
  EXPECT_NEAR(km.steps[1].std_error, 5.0 / 7.0 * std::sqrt(1.0 / 42.0 + 1.0 / 30.0), 1e-15);
  EXPECT_EQ(km.survival_at(0.5), 1.0);
  EXPECT_NEAR(km.survival_at(2.5), 5.0 / 7.0, 1e-15);
  EXPECT_NEAR(km.survival_at(4.0), 5.0 / 14.0, 1e-15);
  EXPECT_EQ(km.median_s(), 3.0);
  EXPECT_EQ(km.quantile_s(0.2), 2.0);
  EXPECT_EQ(km.quantile_s(0.9), 5.0);
}

TEST(Patience, MedianExactlyHalfAndNotReached) {
  // 1a 2a 3s 4s: S(1) = 3/4, S(2) = 1/2 exactly -> median 2.
  const std::vector<WaitObservation> half{{1, true}, {2, true}, {3, false}, {4, false}};
  EXPECT_EQ(kaplan_meier(half).median_s(), 2.0);
  // Heavy censoring: S never reaches 1/2.
  const std::vector<WaitObservation> censored{{1, true}, {2, false}, {3, false}, {4, false}};
  EXPECT_FALSE(kaplan_meier(censored).median_s().has_value());
  EXPECT_EQ(kaplan_meier(censored).quantile_s(0.25), 1.0);
}

TEST(Patience, ExponentialAndNaiveHandWorked) {
  const std::vector<WaitObservation> waits{{10, true}, {20, false}, {30, true}, {40, false}};
  const ExponentialPatience fit = fit_exponential_patience(waits);
  EXPECT_EQ(fit.abandons, 2u);
  EXPECT_EQ(fit.total_wait_s, 100.0);
  EXPECT_EQ(fit.mean_s(), 50.0);  // 100 s of waiting per 2 abandons
  EXPECT_NEAR(fit.std_error_s(), 50.0 / std::numbers::sqrt2, 1e-13);
  EXPECT_EQ(naive_mean_abandon_wait(waits), 20.0);

  const std::vector<WaitObservation> served{{10, false}};
  EXPECT_TRUE(std::isinf(fit_exponential_patience(served).mean_s()));
  EXPECT_FALSE(naive_mean_abandon_wait(served).has_value());
}

// Patience ~ Exp(mean 300 s) and offered waits ~ Exp(mean 120 s), independent; the caller
// abandons when patience < offered wait and waits min(patience, offered wait). The abandon
// probability is (1/300) / (1/300 + 1/120) = 2/7, and the naive mean of abandon times estimates
// E[min] = 1 / (1/300 + 1/120) = 85.71 s, not 300 s.
TEST(Patience, CensoredEstimatesRecoverTruePatienceWhileNaiveMeanIsBiased) {
  constexpr double kPatienceMean = 300, kOfferedWaitMean = 120;
  constexpr int kCallers = 20'000;
  boost::random::mt19937_64 engine(424242);
  boost::random::exponential_distribution<double> patience(1 / kPatienceMean);
  boost::random::exponential_distribution<double> offered(1 / kOfferedWaitMean);
  std::vector<WaitObservation> waits(kCallers);
  for (auto& w : waits) {
    const double p = patience(engine), o = offered(engine);
    w = {std::min(p, o), p < o};
  }
  // Tolerances are 5 standard errors (two-sided normal tail 5.7e-7 each; three checks below give
  // a false-failure probability under 2e-6). The expected number of abandons is n * 2/7 = 5714.
  const double expected_abandons = kCallers * 2.0 / 7.0;
  const ExponentialPatience mle = fit_exponential_patience(waits);
  EXPECT_NEAR(mle.mean_s(), kPatienceMean, 5 * kPatienceMean / std::sqrt(expected_abandons));

  const double naive_target = 1 / (1 / kPatienceMean + 1 / kOfferedWaitMean);
  const double naive = *naive_mean_abandon_wait(waits);
  EXPECT_NEAR(naive, naive_target, 5 * naive_target / std::sqrt(expected_abandons));
  EXPECT_LT(naive, 0.3 * kPatienceMean);  // the bias is gross, not a rounding matter

  // Kaplan-Meier at the true median 300 ln 2: S = 1/2 within 5 Greenwood standard errors.
  const KaplanMeierCurve km = kaplan_meier(waits);
  const double true_median = kPatienceMean * std::numbers::ln2;
  auto step = std::upper_bound(km.steps.begin(), km.steps.end(), true_median,
                               [](double t, const KaplanMeierStep& s) { return t < s.time_s; });
  ASSERT_NE(step, km.steps.begin());
  --step;
  EXPECT_NEAR(step->survival, 0.5, 5 * step->std_error);
}

// Independent censored Weibull log-likelihood, summed term by term.
double weibull_log_likelihood(const std::vector<WaitObservation>& waits, double k, double scale) {
  double ll = 0;
  for (const auto& w : waits) {
    const double z = std::pow(w.wait_s / scale, k);
    if (w.abandoned) ll += std::log(k / scale) + (k - 1) * std::log(w.wait_s / scale);
    ll -= z;
  }
  return ll;
}

// Weibull patience (shape 0.7, scale 400 s) censored by exponential offered waits (mean 200 s).
// The estimate must maximise the likelihood (checked against the independent sum above) and lie
// within 5 standard errors of the truth, the standard errors taken from the observed information
// (the finite-difference Hessian of the independent log-likelihood): false-failure probability
// about 1.2e-6 for the two checks.
TEST(Patience, WeibullCensoredMaximumLikelihood) {
  constexpr double kShape = 0.7, kScale = 400;
  boost::random::mt19937_64 engine(99);
  boost::random::weibull_distribution<double> patience(kShape, kScale);
  boost::random::exponential_distribution<double> offered(1.0 / 200);
  std::vector<WaitObservation> waits(20'000);
  for (auto& w : waits) {
    const double p = patience(engine), o = offered(engine);
    w = {std::min(p, o), p < o};
  }
  const WeibullPatience fit = fit_weibull_patience(waits);
  EXPECT_NEAR(fit.log_likelihood, weibull_log_likelihood(waits, fit.shape, fit.scale_s),
              1e-9 * std::abs(fit.log_likelihood));
  const double hk = 1e-3 * fit.shape, hs = 1e-3 * fit.scale_s;
  auto ll = [&](double dk, double ds) {
    return weibull_log_likelihood(waits, fit.shape + dk, fit.scale_s + ds);
  };
  const double centre = ll(0, 0);
  for (double dk : {-hk, 0.0, hk}) {
    for (double ds : {-hs, 0.0, hs}) {
      if (dk != 0 || ds != 0) {
        EXPECT_LT(ll(dk, ds), centre);
      }
    }
  }
  const double h_kk = (ll(hk, 0) - 2 * centre + ll(-hk, 0)) / (hk * hk);
  const double h_ss = (ll(0, hs) - 2 * centre + ll(0, -hs)) / (hs * hs);
  const double h_ks = (ll(hk, hs) - ll(hk, -hs) - ll(-hk, hs) + ll(-hk, -hs)) / (4 * hk * hs);
  const double det = h_kk * h_ss - h_ks * h_ks;
  const double se_shape = std::sqrt(-h_ss / det);
  const double se_scale = std::sqrt(-h_kk / det);
  EXPECT_NEAR(fit.shape, kShape, 5 * se_shape);
  EXPECT_NEAR(fit.scale_s, kScale, 5 * se_scale);
  EXPECT_NEAR(fit.median_s(), kScale * std::pow(std::numbers::ln2, 1 / kShape),
              0.2 * kScale);  // loose: a consistency check of median_s()
  EXPECT_NEAR(fit.mean_s(), fit.scale_s * std::tgamma(1 + 1 / fit.shape), 1e-9 * fit.mean_s());

  // The Weibull nests the exponential: its likelihood is at least as high.
  EXPECT_GE(fit.log_likelihood, fit_exponential_patience(waits).log_likelihood());
}

TEST(Patience, WeibullOnExponentialDataHasShapeNearOne) {
  boost::random::mt19937_64 engine(5);
  boost::random::exponential_distribution<double> patience(1.0 / 300), offered(1.0 / 120);
  std::vector<WaitObservation> waits(20'000);
  for (auto& w : waits) {
    const double p = patience(engine), o = offered(engine);
    w = {std::min(p, o), p < o};
  }
  const WeibullPatience fit = fit_weibull_patience(waits);
  // With 5,714 expected abandons the shape's standard error is below 0.02 (observed information
  // as above gives about 0.013); 0.1 is over 5 standard errors.
  EXPECT_NEAR(fit.shape, 1.0, 0.1);
  const ExponentialPatience exp = fit_exponential_patience(waits);
  EXPECT_NEAR(exp.log_likelihood(), weibull_log_likelihood(waits, 1.0, exp.mean_s()),
              1e-9 * std::abs(exp.log_likelihood()));
}

TEST(Patience, ErrorMessages) {
  const std::vector<WaitObservation> none;
  const std::vector<WaitObservation> negative{{3, true}, {-2, false}};
  EXPECT_EQ(staffsim::test_support::error_message([&] { kaplan_meier(none); }),
            "waits must hold at least one observation, found none");
  EXPECT_EQ(staffsim::test_support::error_message([&] { fit_exponential_patience(negative); }),
            "wait_s must be non-negative and finite, found -2 at index 1");
  EXPECT_EQ(staffsim::test_support::error_message([&] { kaplan_meier(negative); }),
            "wait_s must be non-negative and finite, found -2 at index 1");
  const std::vector<WaitObservation> zero{{0, true}, {3, true}};
  const std::vector<WaitObservation> single{{4, true}, {3, false}};
  const std::vector<WaitObservation> equal{{4, true}, {4, true}, {3, false}};
  EXPECT_EQ(staffsim::test_support::error_message([&] { fit_weibull_patience(zero); }),
            "abandon times must be positive for a Weibull fit, found 0 at index 0");
  EXPECT_EQ(staffsim::test_support::error_message([&] { fit_weibull_patience(single); }),
            "a Weibull patience fit needs at least 2 abandonments, found 1");
  EXPECT_EQ(staffsim::test_support::error_message([&] { fit_weibull_patience(equal); }),
            "a Weibull patience fit has no finite maximum: the abandon times are (nearly) all "
            "equal and no caller waited longer");
  const std::vector<WaitObservation> one{{3, true}};
  EXPECT_EQ(staffsim::test_support::error_message([&] { kaplan_meier(one).quantile_s(1.0); }),
            "probability must be in (0, 1), found 1");
}

}  // namespace
}  // namespace staffsim::models
