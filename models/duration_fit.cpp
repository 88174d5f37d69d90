#include "models/duration_fit.hpp"

#include <algorithm>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <sstream>
#include <string>

#include "models/error.hpp"

namespace staffsim::models {
namespace {

// Validates the sample and returns sum(x) and sum(log x).
struct Sums {
  double n = 0;
  double sum = 0;
  double sum_log = 0;
};

Sums checked_sums(std::span<const double> x, bool need_spread) {
  if (x.size() < 2) {
    throw InvalidInput("durations_s must hold at least 2 values, found " +
                       std::to_string(x.size()));
  }
  Sums s;
  s.n = static_cast<double>(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!(x[i] > 0) || !std::isfinite(x[i])) {
      throw InvalidInput("durations_s must be positive and finite, found " + number_text(x[i]) +
                         " at index " + std::to_string(i));
    }
    s.sum += x[i];
    s.sum_log += std::log(x[i]);
  }
  if (need_spread && std::all_of(x.begin(), x.end(), [&](double v) { return v == x[0]; })) {
    throw InvalidInput("durations_s must not all be equal for a two-parameter fit, found " +
                       std::to_string(x.size()) + " values of " + number_text(x[0]));
  }
  return s;
}

std::vector<double> sorted_copy(std::span<const double> x) {
  std::vector<double> v(x.begin(), x.end());
  std::sort(v.begin(), v.end());
  return v;
}

// The fitted distribution function at every value of a sorted sample, evaluated once per
// distinct value (recorded durations repeat a lot).
std::vector<double> cdf_at_sorted(const std::vector<double>& sorted, const DurationFit& fit) {
  std::vector<double> f(sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    f[i] = i > 0 && sorted[i] == sorted[i - 1] ? f[i - 1] : fit.cdf(sorted[i]);
  }
  return f;
}

// sup |F_n - F| over a sorted sample, on both sides of each jump of F_n (ties grouped).
double ks_distance(const std::vector<double>& sorted, const std::vector<double>& f) {
  const double n = static_cast<double>(sorted.size());
  double d = 0;
  std::size_t i = 0;
  while (i < sorted.size()) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    d = std::max({d, std::abs(f[i] - static_cast<double>(i) / n),
                  std::abs(f[i] - static_cast<double>(j) / n)});
    i = j;
  }
  return d;
}

double anderson_darling(const std::vector<double>& cdf_sorted) {
  const std::size_t n = cdf_sorted.size();
  auto clamped = [](double f) { return std::clamp(f, 1e-300, 1.0 - 1e-16); };
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    sum += (2.0 * static_cast<double>(i) + 1.0) *
           (std::log(clamped(cdf_sorted[i])) + std::log1p(-clamped(cdf_sorted[n - 1 - i])));
  }
  return -static_cast<double>(n) - sum / static_cast<double>(n);
}

void finish(DurationFit& fit, std::span<const double> x) {
  fit.aic = 2.0 * fit.parameter_count - 2.0 * fit.log_likelihood;
  const std::vector<double> sorted = sorted_copy(x);
  const std::vector<double> f = cdf_at_sorted(sorted, fit);
  fit.ks_distance = ks_distance(sorted, f);
  fit.anderson_darling = anderson_darling(f);
}

}  // namespace

std::string_view family_name(DurationFamily family) {
  switch (family) {
    case DurationFamily::lognormal:
      return "lognormal";
    case DurationFamily::gamma:
      return "gamma";
    case DurationFamily::exponential:
      return "exponential";
  }
  return "unknown";
}

double DurationFit::cdf(double x_s) const {
  if (!(x_s > 0)) return 0.0;
  switch (family) {
    case DurationFamily::lognormal:
      return 0.5 * std::erfc(-(std::log(x_s) - log_mean) / (log_sd * std::numbers::sqrt2));
    case DurationFamily::gamma:
      return boost::math::gamma_p(shape, x_s / scale_s);
    case DurationFamily::exponential:
      return -std::expm1(-x_s / mean_s);
  }
  return 0.0;
}

double gamma_shape_from_log_ratio(double s) {
  if (!(s > 0) || !std::isfinite(s)) {
    throw InvalidInput("log_mean_minus_mean_log must be positive and finite, found " +
                       number_text(s));
  }
  // Minka's closed-form approximation, within about 1.5% of the root.
  double k = (3.0 - s + std::sqrt((s - 3.0) * (s - 3.0) + 24.0 * s)) / (12.0 * s);
  for (int iteration = 0; iteration < 100; ++iteration) {
    const double g = std::log(k) - boost::math::digamma(k) - s;
    const double slope = 1.0 / k - boost::math::trigamma(k);  // < 0
    double next = k - g / slope;
    if (!(next > 0)) next = k / 2;  // stay in the domain
    const bool converged = std::abs(next - k) <= 1e-15 * k;
    k = next;
    if (converged) break;
  }
  return k;
}

DurationFit fit_lognormal(std::span<const double> x) {
  const Sums s = checked_sums(x, true);
  const double mu = s.sum_log / s.n;
  double ss = 0;
  for (double v : x) ss += (std::log(v) - mu) * (std::log(v) - mu);
  const double sigma2 = ss / s.n;
  DurationFit fit;
  fit.family = DurationFamily::lognormal;
  fit.log_mean = mu;
  fit.log_sd = std::sqrt(sigma2);
  fit.mean_s = std::exp(mu + sigma2 / 2);
  fit.sd_s = fit.mean_s * std::sqrt(std::expm1(sigma2));
  fit.parameter_count = 2;
  fit.log_likelihood =
      -s.sum_log - s.n * std::log(fit.log_sd) - s.n / 2 * std::log(2 * std::numbers::pi) - s.n / 2;
  finish(fit, x);
  return fit;
}

DurationFit fit_gamma(std::span<const double> x) {
  const Sums s = checked_sums(x, true);
  const double mean = s.sum / s.n;
  const double mean_log = s.sum_log / s.n;
  // log(mean) - mean(log x) > 0 by Jensen's inequality when the values are not all equal, about
  // CV^2 / 2 for a small coefficient of variation CV. For nearly equal values it drowns in
  // rounding noise (about 1e-16) and the shape would be astronomically large, so the spread must
  // be at least 1e-5 of the mean, which keeps the ratio above about 1e-11.
  const auto [low, high] = std::minmax_element(x.begin(), x.end());
  const double spread = (*high - *low) / mean;
  const double ratio = std::log(mean) - mean_log;
  if (!(spread >= 1e-5) || !(ratio > 0)) {
    char value[32];
    std::snprintf(value, sizeof value, "%.3g", spread);
    throw InvalidInput(
        "durations_s are too close to equal for a gamma fit: (max - min) / mean must be at least "
        "1e-5, found " +
        std::string(value));
  }
  const double k = gamma_shape_from_log_ratio(ratio);
  DurationFit fit;
  fit.family = DurationFamily::gamma;
  fit.shape = k;
  fit.scale_s = mean / k;
  fit.mean_s = mean;
  fit.sd_s = mean / std::sqrt(k);
  fit.parameter_count = 2;
  fit.log_likelihood =
      s.n * ((k - 1) * mean_log - k * std::log(fit.scale_s) - boost::math::lgamma(k) - k);
  finish(fit, x);
  return fit;
}

DurationFit fit_exponential(std::span<const double> x) {
  const Sums s = checked_sums(x, false);
  DurationFit fit;
  fit.family = DurationFamily::exponential;
  fit.mean_s = s.sum / s.n;
  fit.sd_s = fit.mean_s;
  fit.parameter_count = 1;
  fit.log_likelihood = -s.n * std::log(fit.mean_s) - s.n;
  finish(fit, x);
  return fit;
}

DurationFits fit_durations(std::span<const double> x) {
  DurationFits result;
  result.fits.push_back(fit_lognormal(x));
  result.fits.push_back(fit_gamma(x));
  result.fits.push_back(fit_exponential(x));
  for (std::size_t i = 1; i < result.fits.size(); ++i) {
    if (result.fits[i].aic < result.fits[result.chosen].aic) result.chosen = i;
  }
  const std::vector<double> sorted = sorted_copy(x);
  DurationSample& sample = result.sample;
  sample.count = sorted.size();
  double sum = 0;
  for (double v : sorted) sum += v;
  sample.mean_s = sum / static_cast<double>(sorted.size());
  double ss = 0;
  for (double v : sorted) ss += (v - sample.mean_s) * (v - sample.mean_s);
  sample.sd_s = std::sqrt(ss / static_cast<double>(sorted.size() - 1));
  const std::size_t mid = sorted.size() / 2;
  sample.median_s = sorted.size() % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  sample.min_s = sorted.front();
  sample.max_s = sorted.back();
  return result;
}

}  // namespace staffsim::models
