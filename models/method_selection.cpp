#include "models/method_selection.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <string>

#include "models/error.hpp"

namespace staffsim::models {

double diebold_mariano_p(std::span<const double> differentials, int horizon_days) {
  const std::size_t n = differentials.size();
  if (horizon_days < 1) {
    throw InvalidInput("horizon_days must be at least 1, found " + std::to_string(horizon_days));
  }
  const double nd = static_cast<double>(n), h = horizon_days;
  const double correction = n >= 2 ? (nd + 1.0 - 2.0 * h + h * (h - 1.0) / nd) / nd : 0.0;
  if (n < 2 || correction <= 0) {
    throw InvalidInput(
        "the Diebold-Mariano test needs n >= 2 and n + 1 - 2h + h(h-1)/n > 0, found n " +
        std::to_string(n) + " and h " + std::to_string(horizon_days));
  }
  double mean = 0;
  for (double d : differentials) mean += d;
  mean /= nd;
  auto autocovariance = [&](std::size_t lag) {
    double s = 0;
    for (std::size_t i = lag; i < n; ++i) {
      s += (differentials[i] - mean) * (differentials[i - lag] - mean);
    }
    return s / nd;
  };
  const double g0 = autocovariance(0);
  // Differences equal to rounding of the mean: no variation to test.
  if (g0 <= 1e-24 * std::max(1.0, mean * mean)) return mean > 0 ? 0.0 : 1.0;
  double v = g0;
  for (std::size_t k = 1; k < static_cast<std::size_t>(horizon_days) && k < n; ++k) {
    v += 2.0 * autocovariance(k);
  }
  if (v <= 0) v = g0;
  const double dm = mean / std::sqrt(v / nd) * std::sqrt(correction);
  const boost::math::students_t t(nd - 1.0);
  return boost::math::cdf(boost::math::complement(t, dm));
}

std::vector<std::size_t> tied_best(const std::vector<std::vector<double>>& losses,
                                   std::size_t begin, std::size_t end, int horizon_days,
                                   const SelectionRule& rule) {
  if (losses.empty()) throw InvalidInput("losses must hold at least one candidate, found none");
  for (const auto& l : losses) {
    if (l.size() != losses.front().size()) {
      throw InvalidInput("losses must hold the same origins for every candidate, found " +
                         std::to_string(l.size()) + " and " +
                         std::to_string(losses.front().size()));
    }
  }
  if (begin > end || end > losses.front().size()) {
    throw InvalidInput("origins [" + std::to_string(begin) + ", " + std::to_string(end) +
                       ") must lie within the " + std::to_string(losses.front().size()) +
                       " origins of the losses");
  }
  if (horizon_days < 1) {
    throw InvalidInput("horizon_days must be at least 1, found " + std::to_string(horizon_days));
  }
  if (!(rule.level > 0 && rule.level < 1)) {
    throw InvalidInput("level must be in (0, 1), found " + number_text(rule.level));
  }
  const std::size_t n = end - begin;
  std::vector<std::size_t> all(losses.size());
  for (std::size_t c = 0; c < all.size(); ++c) all[c] = c;
  if (n < std::max(rule.min_origins, 2 * static_cast<std::size_t>(horizon_days))) return all;

  std::vector<double> mean(losses.size(), 0.0);
  for (std::size_t c = 0; c < losses.size(); ++c) {
    for (std::size_t i = begin; i < end; ++i) mean[c] += losses[c][i];
  }
  const std::size_t best =
      static_cast<std::size_t>(std::min_element(mean.begin(), mean.end()) - mean.begin());
  std::vector<std::size_t> tied;
  std::vector<double> d(n);
  for (std::size_t c = 0; c < losses.size(); ++c) {
    if (c != best) {
      for (std::size_t i = 0; i < n; ++i) d[i] = losses[c][begin + i] - losses[best][begin + i];
      if (diebold_mariano_p(d, horizon_days) < rule.level) continue;
    }
    tied.push_back(c);
  }
  return tied;
}

}  // namespace staffsim::models
