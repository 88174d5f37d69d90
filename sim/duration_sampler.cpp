#include "sim/duration_sampler.hpp"

#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <type_traits>

namespace staffsim::sim {
namespace {

double standard_normal(RandomStream& stream) {
  boost::random::normal_distribution<double> normal;
  return normal(stream);
}

// Marsaglia and Tsang (2000): Gamma(shape, 1) for shape >= 1.
double gamma_at_least_one(double shape, RandomStream& stream) {
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x, v;
    do {
      x = standard_normal(stream);
      v = 1.0 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = stream.uniform();
    if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return d * v;
    if (u > 0 && std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
  }
}

double gamma_variate(double shape, RandomStream& stream) {
  if (shape >= 1) return gamma_at_least_one(shape, stream);
  // Gamma(k) = Gamma(k + 1) * U^(1/k); U in (0, 1].
  const double g = gamma_at_least_one(shape + 1.0, stream);
  return g * std::pow(1.0 - stream.uniform(), 1.0 / shape);
}

}  // namespace

DurationSampler::DurationSampler(const DurationDistribution& distribution) {
  std::visit(
      [this](const auto& d) {
        using T = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<T, Exponential>) {
          family_ = Family::exponential;
          a_ = d.mean_s;
        } else if constexpr (std::is_same_v<T, Lognormal>) {
          family_ = Family::lognormal;
          const double cv = d.sd_s / d.mean_s;
          const double sigma2 = std::log1p(cv * cv);
          a_ = std::log(d.mean_s) - 0.5 * sigma2;
          b_ = std::sqrt(sigma2);
        } else if constexpr (std::is_same_v<T, Gamma>) {
          family_ = Family::gamma;
          shape_ = (d.mean_s / d.sd_s) * (d.mean_s / d.sd_s);
          a_ = d.sd_s * d.sd_s / d.mean_s;
        } else if constexpr (std::is_same_v<T, Weibull>) {
          family_ = Family::weibull;
          a_ = d.scale_s;
          b_ = 1.0 / d.shape;
        } else if constexpr (std::is_same_v<T, Deterministic>) {
          family_ = Family::deterministic;
          a_ = d.value_s;
        } else {
          family_ = Family::empirical;
          values_ = d.values_s;
        }
      },
      distribution);
}

double DurationSampler::operator()(RandomStream& stream) const {
  switch (family_) {
    case Family::exponential:
      return a_ * stream.exponential();
    case Family::lognormal:
      return std::exp(a_ + b_ * standard_normal(stream));
    case Family::gamma:
      return a_ * gamma_variate(shape_, stream);
    case Family::weibull:
      return a_ * std::pow(stream.exponential(), b_);
    case Family::deterministic:
      return a_;
    case Family::empirical: {
      const auto n = values_.size();
      auto index = static_cast<std::size_t>(stream.uniform() * static_cast<double>(n));
      if (index >= n) index = n - 1;
      return values_[index];
    }
  }
  return a_;
}

double sample_busyness_factor(double cv, RandomStream& stream) {
  const double shape = 1.0 / (cv * cv);
  return gamma_variate(shape, stream) / shape;
}

}  // namespace staffsim::sim
