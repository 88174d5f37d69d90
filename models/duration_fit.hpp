// Parametric fits of a positive duration (handle time, talk time) by maximum likelihood.
//
// Model: the durations x_1..x_n (seconds, each > 0 and finite) are independent draws from one of
//   lognormal    log x ~ Normal(mu, sigma^2)            mu in log-seconds, sigma dimensionless
//   gamma        density x^(k-1) e^(-x/theta) / (Gamma(k) theta^k)   shape k, scale theta in s
//   exponential  density e^(-x/m) / m                   mean m in s
// Estimators (all exact maximum likelihood):
//   lognormal    mu = mean(log x), sigma^2 = mean((log x - mu)^2)          (closed form, 1/n)
//   exponential  m = mean(x)                                                (closed form)
//   gamma        theta = mean(x) / k, with k the root of the score equation
//                  log k - digamma(k) = log(mean x) - mean(log x)
//                found by Newton's method (digamma/trigamma from Boost.Math), started from the
//                approximation of Minka (2002); the root is unique because the left side is
//                strictly decreasing from +inf to 0.
// Each fit reports the maximised log-likelihood (natural log, densities per second), Akaike's
// information criterion AIC = 2 p - 2 log L (p = 2 for lognormal and gamma, 1 for exponential),
// and the Kolmogorov-Smirnov distance sup_x |F_n(x) - F(x)| between the empirical and the fitted
// distribution function, evaluated on both sides of every jump of F_n (ties handled exactly).
// Also the Anderson-Darling statistic A^2 = -n - (1/n) sum_i (2i - 1) [log F(x_(i)) +
// log(1 - F(x_(n+1-i)))], which weights the tails more than KS (F clamped to [1e-300, 1 - 1e-16]
// so that a point far in a tail gives a large finite value).
// Durations recorded in whole seconds make F_n a step function with large jumps, which alone
// keeps the KS distance away from 0: compare families by it, do not read it as a test p-value
// (the parameters were estimated from the same sample).
// Zero durations have no likelihood under any of these families: the caller decides (the fit
// command excludes them and reports how many).
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace staffsim::models {

enum class DurationFamily { lognormal, gamma, exponential };

// "lognormal", "gamma", "exponential".
std::string_view family_name(DurationFamily family);

struct DurationFit {
  DurationFamily family = DurationFamily::exponential;
  // Natural parameters; only those of `family` are set.
  double log_mean = 0;  // lognormal mu: mean of log(x / 1 s)
  double log_sd = 0;    // lognormal sigma
  double shape = 0;     // gamma k
  double scale_s = 0;   // gamma theta, seconds
  // Mean and standard deviation of the fitted distribution of the duration itself, seconds.
  double mean_s = 0;
  double sd_s = 0;
  double log_likelihood = 0;
  int parameter_count = 0;
  double aic = 0;
  double ks_distance = 0;
  double anderson_darling = 0;

  // Fitted distribution function at x seconds.
  double cdf(double x_s) const;
};

// Summary of the sample itself.
struct DurationSample {
  std::size_t count = 0;
  double mean_s = 0;
  double sd_s = 0;  // with the n - 1 denominator
  double median_s = 0;
  double min_s = 0;
  double max_s = 0;
};

struct DurationFits {
  DurationSample sample;
  std::vector<DurationFit> fits;  // lognormal, gamma, exponential, in that order
  std::size_t chosen = 0;         // index into fits of the lowest AIC
  const DurationFit& best() const { return fits[chosen]; }
};

// Each throws InvalidInput unless durations_s has at least 2 values, every value positive and
// finite, and (lognormal, gamma) not all values equal.
DurationFit fit_lognormal(std::span<const double> durations_s);
DurationFit fit_gamma(std::span<const double> durations_s);
DurationFit fit_exponential(std::span<const double> durations_s);

// All three fits, the sample summary and the AIC choice.
DurationFits fit_durations(std::span<const double> durations_s);

// The gamma shape k solving log k - digamma(k) = log_mean_minus_mean_log (which must be > 0 and
// finite). Exposed for tests.
double gamma_shape_from_log_ratio(double log_mean_minus_mean_log);

}  // namespace staffsim::models
