// Confidence intervals over independent replications (see sim/results.hpp for how they are used).
//
//   mean_estimate(x)       mean of the finite values x_r (NaN entries, e.g. a percentile of an
//                          interval without contacts, are skipped) with the 95% Student-t interval
//                          mean +- t_{0.975, n-1} s / sqrt(n); bounds NaN when n < 2; all NaN
//                          when n = 0.
//   ratio_estimate(x, y)   ratio of sums X = sum x / sum y with the delta-method interval
//                          X +- t_{0.975, R-1} sd(x_r - X y_r) / (sqrt(R) mean(y)); all NaN when
//                          sum y = 0, bounds NaN when R < 2.
// Sums run in the order given, so equal inputs give bit-identical results.
#pragma once

#include <vector>

#include "sim/results.hpp"

namespace staffsim::sim {

// Two-sided 95% Student-t quantile t_{0.975, degrees_of_freedom} (degrees_of_freedom >= 1).
double student_t_975(int degrees_of_freedom);

Estimate mean_estimate(const std::vector<double>& values);
Estimate ratio_estimate(const std::vector<double>& numerators,
                        const std::vector<double>& denominators);

}  // namespace staffsim::sim
