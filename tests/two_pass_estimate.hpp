// The two-pass confidence intervals of sim/results.hpp, written directly from their definitions:
// an independent reference for the streaming reduction (sim/reduction.hpp) in tests.
//
//   mean_estimate(x)       mean of the finite values x_r (NaN entries, e.g. a percentile of an
//                          interval without contacts, are skipped) with the 95% Student-t interval
//                          mean +- t_{0.975, n-1} s / sqrt(n); bounds NaN when n < 2; all NaN
//                          when n = 0.
//   ratio_estimate(x, y)   ratio of sums X = sum x / sum y with the delta-method interval
//                          X +- t_{0.975, R-1} sd(x_r - X y_r) / (sqrt(R) mean(y)); all NaN when
//                          sum y = 0, bounds NaN when R < 2.
#pragma once

#include <cmath>
#include <vector>

#include "sim/estimate.hpp"
#include "sim/numbers.hpp"
#include "sim/results.hpp"

namespace staffsim::sim::test_support {

inline Estimate mean_estimate(const std::vector<double>& values) {
  double sum = 0;
  int n = 0;
  for (double v : values) {
    if (std::isfinite(v)) {
      sum += v;
      ++n;
    }
  }
  if (n == 0) return {kNaN, kNaN, kNaN};
  const double mean = sum / n;
  if (n < 2) return {mean, kNaN, kNaN};
  double squares = 0;
  for (double v : values) {
    if (std::isfinite(v)) squares += (v - mean) * (v - mean);
  }
  const double half = student_t_975(n - 1) * std::sqrt(squares / (n - 1) / n);
  return {mean, mean - half, mean + half};
}

inline Estimate ratio_estimate(const std::vector<double>& numerators,
                               const std::vector<double>& denominators) {
  const auto n = numerators.size();
  double sum_x = 0, sum_y = 0;
  for (std::size_t r = 0; r < n; ++r) {
    sum_x += numerators[r];
    sum_y += denominators[r];
  }
  if (!(sum_y != 0)) return {kNaN, kNaN, kNaN};
  const double ratio = sum_x / sum_y;
  if (n < 2) return {ratio, kNaN, kNaN};
  double squares = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const double d = numerators[r] - ratio * denominators[r];
    squares += d * d;
  }
  const double count = static_cast<double>(n);
  const double mean_y = sum_y / count;
  const double half = student_t_975(static_cast<int>(n) - 1) *
                      std::sqrt(squares / (count - 1) / count) / std::abs(mean_y);
  return {ratio, ratio - half, ratio + half};
}

}  // namespace staffsim::sim::test_support
