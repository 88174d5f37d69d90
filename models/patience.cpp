#include "models/patience.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>

#include "models/error.hpp"

namespace staffsim::models {
namespace {

std::string number_text(double value) {
  std::ostringstream out;
  out.precision(17);
  out << value;
  return out.str();
}

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
