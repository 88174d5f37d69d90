#include "models/patience.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>
#include <string>

#include "models/error.hpp"

namespace staffsim::models {
namespace {

void check(std::span<const WaitObservation> waits) {
  if (waits.empty()) throw InvalidInput("waits must hold at least one observation, found none");
  for (std::size_t i = 0; i < waits.size(); ++i) {
    const double w = waits[i].wait_s;
    if (!(w >= 0) || !std::isfinite(w)) {
      throw InvalidInput("wait_s must be non-negative and finite, found " + number_text(w) +
                         " at index " + std::to_string(i));
    }
  }
}

}  // namespace

double KaplanMeierCurve::survival_at(double time_s) const {
  // Last step with time <= time_s.
  auto it = std::upper_bound(steps.begin(), steps.end(), time_s,
                             [](double t, const KaplanMeierStep& s) { return t < s.time_s; });
  return it == steps.begin() ? 1.0 : std::prev(it)->survival;
}

std::optional<double> KaplanMeierCurve::quantile_s(double probability) const {
  if (!(probability > 0 && probability < 1)) {
    throw InvalidInput("probability must be in (0, 1), found " + number_text(probability));
  }
  // A small tolerance so that exact hand-computed levels such as S = 0.5 count as reached.
  const double level = 1.0 - probability + 1e-12;
  for (const auto& step : steps) {
    if (step.survival <= level) return step.time_s;
  }
  return std::nullopt;
}

KaplanMeierCurve kaplan_meier(std::span<const WaitObservation> waits) {
  check(waits);
  std::vector<WaitObservation> sorted(waits.begin(), waits.end());
  // Increasing time; at a tie, abandons first (they leave the risk set after the step).
  std::sort(sorted.begin(), sorted.end(), [](const WaitObservation& a, const WaitObservation& b) {
    if (a.wait_s != b.wait_s) return a.wait_s < b.wait_s;
    return a.abandoned && !b.abandoned;
  });
  KaplanMeierCurve curve;
  curve.observations = sorted.size();
  double survival = 1;
  double greenwood_sum = 0;
  std::size_t at_risk = sorted.size();
  std::size_t i = 0;
  while (i < sorted.size()) {
    const double t = sorted[i].wait_s;
    std::size_t abandons = 0;
    std::size_t leaving = 0;
    while (i < sorted.size() && sorted[i].wait_s == t) {
      if (sorted[i].abandoned) ++abandons;
      ++leaving;
      ++i;
    }
    if (abandons > 0) {
      const double n = static_cast<double>(at_risk);
      const double d = static_cast<double>(abandons);
      survival *= 1.0 - d / n;
      if (at_risk > abandons) greenwood_sum += d / (n * (n - d));
      KaplanMeierStep step;
      step.time_s = t;
      step.at_risk = at_risk;
      step.abandons = abandons;
      step.survival = survival;
      step.std_error = survival * std::sqrt(greenwood_sum);
      curve.steps.push_back(step);
      curve.abandons += abandons;
    }
    at_risk -= leaving;
  }
  return curve;
}

double ExponentialPatience::mean_s() const {
  if (abandons == 0) return std::numeric_limits<double>::infinity();
  return total_wait_s / static_cast<double>(abandons);
}

double ExponentialPatience::std_error_s() const {
  if (abandons == 0) return std::numeric_limits<double>::infinity();
  return mean_s() / std::sqrt(static_cast<double>(abandons));
}

ExponentialPatience fit_exponential_patience(std::span<const WaitObservation> waits) {
  check(waits);
  ExponentialPatience fit;
  fit.observations = waits.size();
  for (const auto& w : waits) {
    fit.total_wait_s += w.wait_s;
    if (w.abandoned) ++fit.abandons;
  }
  return fit;
}

double ExponentialPatience::log_likelihood() const {
  if (abandons == 0) return 0.0;  // the supremum, approached as the mean grows without bound
  const double d = static_cast<double>(abandons);
  return -d * (std::log(mean_s()) + 1.0);
}

double WeibullPatience::mean_s() const {
  return scale_s * std::tgamma(1.0 + 1.0 / shape);
}

double WeibullPatience::median_s() const {
  return scale_s * std::pow(std::numbers::ln2, 1.0 / shape);
}

WeibullPatience fit_weibull_patience(std::span<const WaitObservation> waits) {
  check(waits);
  // Times scaled by the longest wait, so that u^shape <= 1 never overflows.
  double longest = 0;
  std::size_t abandons = 0;
  double sum_log_abandon = 0;
  for (std::size_t i = 0; i < waits.size(); ++i) {
    longest = std::max(longest, waits[i].wait_s);
    if (!waits[i].abandoned) continue;
    if (!(waits[i].wait_s > 0)) {
      throw InvalidInput("abandon times must be positive for a Weibull fit, found 0 at index " +
                         std::to_string(i));
    }
    ++abandons;
    sum_log_abandon += std::log(waits[i].wait_s);
  }
  if (abandons < 2) {
    throw InvalidInput("a Weibull patience fit needs at least 2 abandonments, found " +
                       std::to_string(abandons));
  }
  const double d = static_cast<double>(abandons);
  const double mean_log_abandon_u = sum_log_abandon / d - std::log(longest);
  std::vector<double> log_u;
  log_u.reserve(waits.size());
  for (const auto& w : waits) {
    if (w.wait_s > 0) log_u.push_back(std::log(w.wait_s / longest));
  }
  // h(k) = 1/k + mean log u (abandons) - weighted mean of log u with weights u^k; decreasing in k.
  // Returns h, its derivative and sum u^k.
  struct Score {
    double h, slope, sum_power;
  };
  auto score = [&](double k) {
    double s0 = 0, s1 = 0, s2 = 0;
    for (double lu : log_u) {
      const double w = std::exp(k * lu);
      s0 += w;
      s1 += w * lu;
      s2 += w * lu * lu;
    }
    const double m1 = s1 / s0;
    return Score{1.0 / k + mean_log_abandon_u - m1, -1.0 / (k * k) - (s2 / s0 - m1 * m1), s0};
  };
  // Bracket the root in log k, then Newton steps kept inside the bracket (bisection otherwise).
  double low = std::log(1e-3), high = std::log(1e3);
  if (score(std::exp(high)).h > 0) {
    throw InvalidInput(
        "a Weibull patience fit has no finite maximum: the abandon times are "
        "(nearly) all equal and no caller waited longer");
  }
  if (score(std::exp(low)).h < 0) low = std::log(1e-6);
  double x = 0;  // log k, start at the exponential
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double k = std::exp(x);
    const Score s = score(k);
    if (s.h > 0) {
      low = x;
    } else {
      high = x;
    }
    double next = x - s.h / (s.slope * k);  // d h / d log k = k h'(k)
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (std::abs(next - x) < 1e-14 || high - low < 1e-14) {
      x = next;
      break;
    }
    x = next;
  }
  WeibullPatience fit;
  fit.shape = std::exp(x);
  const Score s = score(fit.shape);
  // scale^k = sum t^k / d = longest^k sum u^k / d.
  fit.scale_s = longest * std::pow(s.sum_power / d, 1.0 / fit.shape);
  // log L = d log k - d k log scale + (k - 1) sum log t (abandons) - sum (t / scale)^k, and the
  // last sum equals d at the profiled scale.
  fit.log_likelihood = d * std::log(fit.shape) - d * fit.shape * std::log(fit.scale_s) +
                       (fit.shape - 1.0) * sum_log_abandon - d;
  return fit;
}

std::optional<double> naive_mean_abandon_wait(std::span<const WaitObservation> waits) {
  double sum = 0;
  std::size_t count = 0;
  for (const auto& w : waits) {
    if (w.abandoned) {
      sum += w.wait_s;
      ++count;
    }
  }
  if (count == 0) return std::nullopt;
  return sum / static_cast<double>(count);
}

}  // namespace staffsim::models
