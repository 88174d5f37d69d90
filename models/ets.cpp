#include "models/ets.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string>

#include "models/error.hpp"
#include "models/nelder_mead.hpp"

namespace staffsim::models {
// Own namespace: a unity build may compile this file with others.
namespace ets_detail {
namespace {

bool multiplicative(EtsModel model) {
  return model == EtsModel::kMultiplicative || model == EtsModel::kMultiplicativeDamped;
}
bool damped(EtsModel model) {
  return model == EtsModel::kAdditiveDamped || model == EtsModel::kMultiplicativeDamped;
}

// Smoothing parameters plus initial states plus sigma (see the header).
int parameter_count(EtsModel model, int seasons) {
  return (damped(model) ? 4 : 2) + (damped(model) ? 2 : 1) + (seasons - 1) + 1;
}

struct Series {
  std::span<const double> y;
  std::span<const int> position;
  int seasons;
};

struct States {
  double level = 0.0, trend = 0.0;
  std::vector<double> seasonal;
};

// Classical decomposition of the first min(n, 4m) observations, then the level (and trend) from
// the seasonally adjusted start of the series (see the header).
States initial_states(const Series& series, EtsModel model) {
  const bool mult = multiplicative(model);
  const std::size_t n = series.y.size();
  const std::size_t m = static_cast<std::size_t>(series.seasons);
  const std::size_t span = std::min(n, 4 * m);
  std::vector<double> sum(m, 0.0);
  std::vector<int> count(m, 0);
  // Centred moving average of order m (2 x m for even m).
  const std::size_t half = m / 2;
  for (std::size_t t = half; t + half < span; ++t) {
    double trend = 0.0;
    if (m % 2 == 1) {
      for (std::size_t k = t - half; k <= t + half; ++k) trend += series.y[k];
      trend /= static_cast<double>(m);
    } else {
      trend = 0.5 * (series.y[t - half] + series.y[t + half]);
      for (std::size_t k = t - half + 1; k < t + half; ++k) trend += series.y[k];
      trend /= static_cast<double>(m);
    }
    const std::size_t j = static_cast<std::size_t>(series.position[t]);
    sum[j] += mult ? series.y[t] / trend : series.y[t] - trend;
    ++count[j];
  }
  // A position the moving average never reached: its mean against the overall mean.
  double overall = 0.0;
  for (std::size_t t = 0; t < span; ++t) overall += series.y[t];
  overall /= static_cast<double>(span);
  States states;
  states.seasonal.assign(m, mult ? 1.0 : 0.0);
  for (std::size_t j = 0; j < m; ++j) {
    if (count[j] > 0) {
      states.seasonal[j] = sum[j] / count[j];
      continue;
    }
    double own = 0.0;
    int own_count = 0;
    for (std::size_t t = 0; t < span; ++t) {
      if (static_cast<std::size_t>(series.position[t]) != j) continue;
      own += series.y[t];
      ++own_count;
    }
    if (own_count > 0)
      states.seasonal[j] = mult ? own / own_count / overall : own / own_count - overall;
  }
  double mean_index = 0.0;
  for (double s : states.seasonal) mean_index += s / static_cast<double>(m);
  for (double& s : states.seasonal) s = mult ? s / mean_index : s - mean_index;

  const std::size_t start = std::min(n, std::max<std::size_t>(10, 2 * m));
  std::vector<double> adjusted(start);
  for (std::size_t t = 0; t < start; ++t) {
    const double s = states.seasonal[static_cast<std::size_t>(series.position[t])];
    adjusted[t] = mult ? series.y[t] / s : series.y[t] - s;
  }
  double mean_t = 0.0, mean_y = 0.0;
  for (std::size_t t = 0; t < start; ++t) {
    mean_t += static_cast<double>(t + 1) / static_cast<double>(start);
    mean_y += adjusted[t] / static_cast<double>(start);
  }
  states.level = mean_y;
  if (damped(model)) {
    double sxy = 0.0, sxx = 0.0;
    for (std::size_t t = 0; t < start; ++t) {
      const double dt = static_cast<double>(t + 1) - mean_t;
      sxy += dt * (adjusted[t] - mean_y);
      sxx += dt * dt;
    }
    states.trend = sxx > 0 ? sxy / sxx : 0.0;
    states.level = mean_y - states.trend * mean_t;
  }
  return states;
}

struct Parameters {
  double alpha = 0.0, beta = 0.0, gamma = 0.0, phi = 1.0;
};

double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}

Parameters from_vector(EtsModel model, const std::array<double, 4>& x) {
  Parameters p;
  p.alpha = logistic(x[0]);
  p.gamma = (1.0 - p.alpha) * logistic(x[1]);
  if (damped(model)) {
    p.beta = p.alpha * logistic(x[2]);
    p.phi = 0.8 + 0.18 * logistic(x[3]);
  }
  return p;
}

// Runs the recursion from the initial states; returns L* (see the header), +inf when a
// multiplicative model's forecast leaves (0, inf). `states` ends as the states after the last
// observation.
double run(const Series& series, EtsModel model, const Parameters& p, States& states) {
  const bool mult = multiplicative(model);
  double sse = 0.0, log_forecasts = 0.0, scale = 0.0;
  for (std::size_t t = 0; t < series.y.size(); ++t) {
    double& s = states.seasonal[static_cast<std::size_t>(series.position[t])];
    const double base = states.level + p.phi * states.trend;
    const double yhat = mult ? base * s : base + s;
    if (mult && !(yhat > 0 && std::isfinite(yhat))) return std::numeric_limits<double>::infinity();
    const double e = mult ? (series.y[t] - yhat) / yhat : series.y[t] - yhat;
    if (mult) {
      states.level = base * (1.0 + p.alpha * e);
      states.trend = p.phi * states.trend + p.beta * base * e;
      s *= 1.0 + p.gamma * e;
      log_forecasts += std::log(yhat);
    } else {
      states.level = base + p.alpha * e;
      states.trend = p.phi * states.trend + p.beta * e;
      s += p.gamma * e;
      scale += series.y[t] * series.y[t];
    }
    sse += e * e;
  }
  // A floor far below any real error keeps a perfect fit finite, on the same relative scale for
  // both error types (additive errors are in calls, multiplicative ones are fractions).
  const double n = static_cast<double>(series.y.size());
  const double floor = 1e-20 * (mult ? n : scale);
  const double value = n * std::log(std::max(sse, floor)) + 2.0 * log_forecasts;
  return std::isfinite(value) ? value : std::numeric_limits<double>::infinity();
}

EtsFit fit_model(const Series& series, EtsModel model) {
  const States initial = initial_states(series, model);
  auto objective = [&](const std::array<double, 4>& x) {
    for (double v : x) {
      if (std::abs(v) > 12.0) return std::numeric_limits<double>::infinity();
    }
    States states = initial;
    return run(series, model, from_vector(model, x), states);
  };
  // Start: alpha 0.2, gamma 0.1 (1 - alpha), beta 0.1 alpha, phi 0.95.
  const std::array<double, 4> start{std::log(0.2 / 0.8), std::log(0.1 / 0.9), std::log(0.1 / 0.9),
                                    std::log(0.15 / 0.03)};
  std::array<double, 4> best;
  if (damped(model)) {
    best = nelder_mead(objective, start, 1.5, 300, 1e-10);
  } else {
    // Two free parameters: the others stay at the start and are ignored.
    auto objective2 = [&](const std::array<double, 2>& x) {
      return objective({x[0], x[1], start[2], start[3]});
    };
    const auto x =
        nelder_mead(objective2, std::array<double, 2>{start[0], start[1]}, 1.5, 200, 1e-10);
    best = {x[0], x[1], start[2], start[3]};
  }
  const Parameters p = from_vector(model, best);
  States states = initial;
  const double l_star = run(series, model, p, states);
  EtsFit fit;
  fit.model = model;
  fit.alpha = p.alpha;
  fit.beta = p.beta;
  fit.gamma = p.gamma;
  fit.phi = p.phi;
  fit.level = states.level;
  fit.trend = states.trend;
  fit.seasonal = std::move(states.seasonal);
  fit.observations = static_cast<int>(series.y.size());
  const double n = static_cast<double>(series.y.size());
  const double k = parameter_count(model, series.seasons);
  fit.aicc = l_star + 2.0 * k + 2.0 * k * (k + 1.0) / (n - k - 1.0);
  return fit;
}

}  // namespace
}  // namespace ets_detail

std::string ets_model_name(EtsModel model) {
  switch (model) {
    case EtsModel::kAdditive:
      return "ETS(A,N,A)";
    case EtsModel::kAdditiveDamped:
      return "ETS(A,Ad,A)";
    case EtsModel::kMultiplicative:
      return "ETS(M,N,M)";
    case EtsModel::kMultiplicativeDamped:
      return "ETS(M,Ad,M)";
  }
  return "ETS";
}

EtsFit fit_ets(std::span<const double> y, std::span<const int> position, int seasons,
               std::optional<EtsModel> model) {
  using ets_detail::multiplicative;
  using ets_detail::parameter_count;
  if (seasons < 1) {
    throw InvalidInput("seasons must be at least 1, found " + std::to_string(seasons));
  }
  if (y.size() != position.size() || y.size() < 2) {
    throw InvalidInput(
        "y and position must hold the same number (at least 2) of observations, "
        "found " +
        std::to_string(y.size()) + " and " + std::to_string(position.size()));
  }
  bool positive = true;
  for (std::size_t t = 0; t < y.size(); ++t) {
    if (position[t] < 0 || position[t] >= seasons) {
      throw InvalidInput("position must lie in [0, " + std::to_string(seasons) + "), found " +
                         std::to_string(position[t]) + " at " + std::to_string(t));
    }
    if (!std::isfinite(y[t])) {
      throw InvalidInput("y must be finite, found " + std::to_string(y[t]) + " at " +
                         std::to_string(t));
    }
    positive = positive && y[t] > 0;
  }
  const ets_detail::Series series{y, position, seasons};
  const double n = static_cast<double>(y.size());
  if (model) {
    if (multiplicative(*model) && !positive) {
      throw InvalidInput(ets_model_name(*model) + " needs every observation > 0");
    }
    if (n <= parameter_count(*model, seasons) + 1) {
      throw InvalidInput(ets_model_name(*model) + " needs more than " +
                         std::to_string(parameter_count(*model, seasons) + 1) +
                         " observations, found " + std::to_string(y.size()));
    }
    return ets_detail::fit_model(series, *model);
  }
  std::optional<EtsFit> best;
  for (EtsModel m : {EtsModel::kAdditive, EtsModel::kAdditiveDamped, EtsModel::kMultiplicative,
                     EtsModel::kMultiplicativeDamped}) {
    if ((multiplicative(m) && !positive) || n <= parameter_count(m, seasons) + 1) continue;
    EtsFit fit = ets_detail::fit_model(series, m);
    if (!best || fit.aicc < best->aicc) best = std::move(fit);
  }
  // Too short for any model's AICc: the additive model, fitted all the same.
  return best ? *best : ets_detail::fit_model(series, EtsModel::kAdditive);
}

double ets_forecast(const EtsFit& fit, int steps, int position) {
  using ets_detail::damped;
  using ets_detail::multiplicative;
  double phi_h = 0.0, power = 1.0;
  for (int h = 1; h <= steps; ++h) {
    power *= fit.phi;
    phi_h += power;
  }
  if (!damped(fit.model)) phi_h = 0.0;
  const double base = fit.level + phi_h * fit.trend;
  const double s = fit.seasonal[static_cast<std::size_t>(position)];
  return multiplicative(fit.model) ? base * s : base + s;
}

}  // namespace staffsim::models
