// Sampling of the duration distributions of sim/scenario.hpp (handle times, patience), in seconds.
//
//   Exponential(mean)        inverse transform, -mean * log(1 - U).
//   Lognormal(mean, sd)      exp(mu + sigma Z) with sigma^2 = log(1 + sd^2 / mean^2),
//                            mu = log(mean) - sigma^2 / 2 (so the duration has the stated mean and
//                            sd); Z standard normal (Boost.Random ziggurat).
//   Gamma(mean, sd)          shape k = (mean / sd)^2, scale = sd^2 / mean; Marsaglia-Tsang (2000),
//                            with the U^(1/k) boost for k < 1.
//   Weibull(shape, scale)    inverse transform, scale * (-log(1 - U))^(1 / shape).
//   Deterministic(value)     the value; consumes no random number.
//   Empirical(values)        one of the values, uniformly at random.
// The sampler keeps a copy of its parameters (and of the empirical values); a switch, not a virtual
// call, selects the family on the hot path.
#pragma once

#include <vector>

#include "sim/random.hpp"
#include "sim/scenario.hpp"

namespace staffsim::sim {

class DurationSampler {
 public:
  DurationSampler() = default;  // always 0
  explicit DurationSampler(const DurationDistribution& distribution);
  double operator()(RandomStream& stream) const;

 private:
  enum class Family { exponential, lognormal, gamma, weibull, deterministic, empirical };
  double gamma_unit_scale(RandomStream& stream) const;  // Gamma(shape_, 1)
  Family family_ = Family::deterministic;
  double a_ = 0;      // mean (exponential), mu (lognormal), scale (gamma, Weibull), value
  double b_ = 0;      // sigma (lognormal), 1 / shape (Weibull)
  double shape_ = 1;  // gamma shape
  std::vector<double> values_;
};

// A gamma variate with mean 1 and coefficient of variation `cv` (> 0): the day busyness factor.
double sample_busyness_factor(double cv, RandomStream& stream);

}  // namespace staffsim::sim
