// Nelder-Mead simplex minimisation of a function of N real variables (Nelder & Mead 1965,
// Computer J. 7:308) with the standard coefficients: reflection 1, expansion 2, contraction 1/2
// (outside when the reflected point improves on the worst, inside otherwise), shrink 1/2 toward
// the best point. Unconstrained: callers transform bounded parameters (logit) and return +inf
// outside the region they accept. Deterministic; no derivatives.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace staffsim::models {

// The best vertex found from the simplex {start, start + step e_1, ..., start + step e_N}, after
// at most max_iterations steps or once the worst and best values of the simplex differ by at most
// relative_tolerance * |best value|.
template <std::size_t N, class Objective>
std::array<double, N> nelder_mead(const Objective& objective, const std::array<double, N>& start,
                                  double step, int max_iterations, double relative_tolerance) {
  using Point = std::array<double, N>;
  constexpr std::size_t kVertices = N + 1;
  std::array<Point, kVertices> simplex;
  simplex[0] = start;
  for (std::size_t k = 1; k < kVertices; ++k) {
    simplex[k] = simplex[0];
    simplex[k][k - 1] += step;
  }
  std::array<double, kVertices> value{};
  for (std::size_t k = 0; k < kVertices; ++k) value[k] = objective(simplex[k]);
  for (int iteration = 0; iteration < max_iterations; ++iteration) {
    std::array<std::size_t, kVertices> order;
    for (std::size_t k = 0; k < kVertices; ++k) order[k] = k;
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return value[a] < value[b]; });
    const std::size_t best = order[0], worst = order[N], second = order[N - 1];
    if (std::abs(value[worst] - value[best]) <= relative_tolerance * std::abs(value[best])) break;
    Point centroid{};
    for (std::size_t k = 0; k < N; ++k) {
      for (std::size_t j = 0; j < N; ++j) {
        centroid[j] += simplex[order[k]][j] / static_cast<double>(N);
      }
    }
    auto along = [&](double t) {
      Point p;
      for (std::size_t j = 0; j < N; ++j)
        p[j] = centroid[j] + t * (simplex[worst][j] - centroid[j]);
      return p;
    };
    const Point reflected = along(-1.0);
    const double fr = objective(reflected);
    if (fr < value[best]) {
      const Point expanded = along(-2.0);
      const double fe = objective(expanded);
      if (fe < fr) {
        simplex[worst] = expanded;
        value[worst] = fe;
      } else {
        simplex[worst] = reflected;
        value[worst] = fr;
      }
    } else if (fr < value[second]) {
      simplex[worst] = reflected;
      value[worst] = fr;
    } else {
      const Point contracted = along(fr < value[worst] ? -0.5 : 0.5);
      const double fc = objective(contracted);
      if (fc < std::min(fr, value[worst])) {
        simplex[worst] = contracted;
        value[worst] = fc;
      } else {
        for (std::size_t k = 1; k < kVertices; ++k) {
          const std::size_t idx = order[k];
          for (std::size_t j = 0; j < N; ++j) {
            simplex[idx][j] = simplex[best][j] + 0.5 * (simplex[idx][j] - simplex[best][j]);
          }
          value[idx] = objective(simplex[idx]);
        }
      }
    }
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < kVertices; ++k) {
    if (value[k] < value[best]) best = k;
  }
  return simplex[best];
}

}  // namespace staffsim::models
