#include "sim/estimate.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>

#include "sim/numbers.hpp"

namespace staffsim::sim {
double student_t_975(int degrees_of_freedom) {
  const boost::math::students_t distribution(static_cast<double>(degrees_of_freedom));
  return boost::math::quantile(boost::math::complement(distribution, 0.025));
}

Estimate mean_estimate(const std::vector<double>& values) {
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

Estimate ratio_estimate(const std::vector<double>& numerators,
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

}  // namespace staffsim::sim
