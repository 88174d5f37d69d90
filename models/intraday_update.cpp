#include "models/intraday_update.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

constexpr std::int64_t kFirstOriginAfterDays = 20;  // as models::backtest

void require_counts(std::span<const double> values, const char* name) {
  for (double v : values) {
    if (!(v >= 0.0) || !std::isfinite(v)) {
      throw InvalidInput(std::string(name) + " must be finite and >= 0, found " + number_text(v));
    }
  }
}

// Sums of absolute errors, squared errors and actuals over scored points.
struct ErrorSums {
  double abs = 0, sq = 0, actual = 0, ape = 0;
  std::size_t points = 0, ape_points = 0;
  void add(double y, double f) {
    const double e = y - f;
    abs += std::abs(e);
    sq += e * e;
    actual += y;
    ++points;
    if (y > 0) {
      ape += std::abs(e) / y;
      ++ape_points;
    }
  }
  AccuracyMetrics metrics() const {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return AccuracyMetrics{actual > 0 ? abs / actual : nan,
                           ape_points ? ape / static_cast<double>(ape_points) : nan,
                           points ? std::sqrt(sq / static_cast<double>(points)) : 0.0, points};
  }
};

bool inside(double y, const PredictionBounds& b, bool wide) {
  return wide ? (y >= b.lo95 && y <= b.hi95) : (y >= b.lo80 && y <= b.hi80);
}

// Lead-1 rolling origins on the first history_days days: (origin index, target index), the
// target being the next open date after the origin when the history holds it; and the closures.
struct Origins {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  std::vector<std::int64_t> closed;
};

Origins lead1_origins(const IntervalSeries& history, std::size_t history_days, int origin_weeks) {
  Origins o;
  if (history_days == 0) return o;
  const auto open = history.open_weekdays();
  const std::int64_t first = history.day(0), last = history.day(history_days - 1);
  for (std::int64_t d = first; d <= last; ++d) {
    if (open[weekday_from_days(d)] && !history.find_day(d)) o.closed.push_back(d);
  }
  auto next_open = [&](std::int64_t day) {
    std::int64_t d = day + 1;
    while (!open[weekday_from_days(d)]) ++d;
    return d;
  };
  std::int64_t latest = first - 1;
  for (std::size_t i = 0; i < history_days; ++i) {
    if (next_open(history.day(i)) <= last) latest = history.day(i);
  }
  for (std::size_t i = 0; i < history_days; ++i) {
    const std::int64_t day = history.day(i);
    if (day < first + kFirstOriginAfterDays || day > latest ||
        (origin_weeks > 0 && day <= latest - 7 * static_cast<std::int64_t>(origin_weeks))) {
      continue;
    }
    if (const auto target = history.find_day(next_open(day))) o.pairs.emplace_back(i, *target);
  }
  return o;
}

// The method with the double-seasonal parameters fitted once, at the first origin (as backtest).
MethodSpec lead1_method(const IntervalSeries& history, const MethodSpec& method,
                        std::size_t first_origin) {
  MethodSpec used = method;
  used.horizon_days = 1;
  if ((used.method == ForecastMethod::kDoubleSeasonal ||
       used.method == ForecastMethod::kCombined) &&
      !used.double_seasonal) {
    used.double_seasonal = fit_double_seasonal(history, first_origin + 1);
  }
  return used;
}

// The forecast made at `origin` for `target` and the target's counts, on the grid of interval_s
// seconds (0: the history's).
struct DayPair {
  std::vector<double> forecast, actual;
};

DayPair lead1_pair(const IntervalSeries& history, const MethodSpec& used,
                   std::span<const std::int64_t> closed, std::size_t origin, std::size_t target,
                   std::int64_t interval_s) {
  const std::vector<std::int64_t> targets{history.day(target)};
  std::vector<double> f = point_forecast(history, origin + 1, used, targets, closed).front();
  const auto counts = history.counts(target);
  if (interval_s <= 0 || interval_s == history.grid().interval_s) {
    return {std::move(f), std::vector<double>(counts.begin(), counts.end())};
  }
  return {aggregate_day(history.grid(), f, interval_s),
          aggregate_day(history.grid(), counts, interval_s)};
}

// The first `days` days of `history` as a series of their own.
IntervalSeries prefix(const IntervalSeries& history, std::size_t days) {
  IntervalSeries out(history.grid());
  for (std::size_t i = 0; i < days; ++i) out.add_day(history.day(i), history.counts(i));
  return out;
}

}  // namespace

IntradayPrior estimate_intraday_prior(const IntervalSeries& history, std::size_t history_days,
                                      const MethodSpec& method, std::int64_t interval_s,
                                      int seen_slots, int origin_weeks,
                                      const Dispersion& dispersion) {
  const Origins origins = lead1_origins(history, history_days, origin_weeks);
  const IntradayPrior fallback = IntradayPrior::day_effect(dispersion.day_variance);
  if (static_cast<int>(origins.pairs.size()) < kMinimumPriorDays) return fallback;
  const MethodSpec used = lead1_method(history, method, origins.pairs.front().first);
  const auto cut = static_cast<std::size_t>(std::max(0, seen_slots));
  double shared = 0, seen = 0, rest = 0;
  int n = 0;
  // Relative error and noise (Poisson and slot terms, 1/F + S2/F^2) of the slots [from, to).
  struct Part {
    double error = 0, noise = 0;
    bool ok = false;
  };
  for (const auto& [origin, target] : origins.pairs) {
    const DayPair p = lead1_pair(history, used, origins.closed, origin, target, interval_s);
    auto part = [&](std::size_t from, std::size_t to) {
      double f = 0, y = 0, s2 = 0;
      for (std::size_t s = from; s < to && s < p.forecast.size(); ++s) {
        f += p.forecast[s];
        y += p.actual[s];
        s2 += p.forecast[s] * p.forecast[s] * dispersion.for_slot(s).slot_variance;
      }
      return f > 0 ? Part{y / f - 1.0, 1.0 / f + s2 / (f * f), true} : Part{};
    };
    const Part a = part(0, cut), b = part(cut, p.forecast.size());
    if (!a.ok || !b.ok) continue;
    shared += a.error * b.error;
    seen += a.error * a.error - a.noise;
    rest += b.error * b.error - b.noise;
    ++n;
  }
  if (n < kMinimumPriorDays) return fallback;
  IntradayPrior prior;
  prior.days = n;
  prior.shared_variance = std::max(0.0, shared / n);
  prior.seen_variance = std::max(prior.shared_variance, seen / n);
  prior.rest_variance = std::max(prior.shared_variance, rest / n);
  return prior;
}

DayLevelPosterior update_day_level(std::span<const double> forecast,
                                   std::span<const double> observed, const Dispersion& dispersion,
                                   const IntradayPrior& prior) {
  if (observed.size() > forecast.size()) {
    throw InvalidInput("observed must hold at most one value per forecast slot (" +
                       std::to_string(forecast.size()) + "), found " +
                       std::to_string(observed.size()));
  }
  require_counts(forecast, "forecast");
  require_counts(observed, "observed");
  const double vs = prior.shared_variance, vm = prior.seen_variance, va = prior.rest_variance;
  if (!(vs >= 0.0) || !std::isfinite(vm) || !std::isfinite(va) || vm < vs || va < vs) {
    throw InvalidInput("the prior variances must be finite with 0 <= shared <= seen, rest, found " +
                       number_text(vs) + ", " + number_text(vm) + ", " + number_text(va));
  }
  DayLevelPosterior p;
  double s2 = 0;
  for (std::size_t s = 0; s < observed.size(); ++s) {
    p.observed += observed[s];
    p.expected += forecast[s];
    s2 += forecast[s] * forecast[s] * dispersion.for_slot(s).slot_variance;
  }
  p.variance = va;
  if (p.expected <= 0) return p;
  p.plain_ratio = p.observed / p.expected;
  const double f = p.expected;
  const double denominator = vm * f * f + f + (1.0 + vm) * s2;
  p.weight = denominator > 0 ? vs * f * f / denominator : 0.0;
  p.factor = 1.0 + p.weight * (p.plain_ratio - 1.0);
  p.variance = (va - vs) + (p.factor > 0 ? (1.0 - p.weight) * vs / p.factor : 0.0);
  return p;
}

RestOfDayForecast reforecast_rest_of_day(std::int64_t day, std::span<const double> day_ahead,
                                         std::span<const double> observed,
                                         const Dispersion& dispersion, const IntradayPrior& prior) {
  RestOfDayForecast r;
  r.day = day;
  r.first_slot = static_cast<int>(observed.size());
  r.level = update_day_level(day_ahead, observed, dispersion, prior);
  for (std::size_t s = observed.size(); s < day_ahead.size(); ++s) {
    Dispersion slot = dispersion.for_slot(s);
    slot.day_variance = r.level.variance;
    const double mu = r.level.factor * day_ahead[s];
    const PredictionBounds b = prediction_bounds(mu, slot);
    r.calls.push_back(mu);
    r.lo80.push_back(b.lo80);
    r.hi80.push_back(b.hi80);
    r.lo95.push_back(b.lo95);
    r.hi95.push_back(b.hi95);
  }
  return r;
}

IntradayBacktestResult intraday_backtest(const IntervalSeries& history, const MethodSpec& method,
                                         const IntradayBacktestOptions& options) {
  if (history.empty()) throw InvalidInput("history must hold at least one day, found none");
  if (options.origin_weeks < 0) {
    throw InvalidInput("origin_weeks must be at least 0 (0: every usable origin), found " +
                       std::to_string(options.origin_weeks));
  }
  const IntradayGrid& fine = history.grid();
  const bool coarse =
      options.evaluation_interval_s > 0 && options.evaluation_interval_s % fine.interval_s == 0;
  IntradayBacktestResult result;
  result.grid = coarse ? aggregate_grid(fine, options.evaluation_interval_s) : fine;
  const IntradayGrid& grid = result.grid;
  if (options.as_of_s <= grid.day_begin_s || options.as_of_s >= grid.day_end_s ||
      (options.as_of_s - grid.day_begin_s) % grid.interval_s != 0) {
    throw InvalidInput("as_of_s must be the start of an interval of the " +
                       std::to_string(grid.interval_s) + " s grid after the day's first one (" +
                       std::to_string(grid.day_begin_s) + " s) and before its end (" +
                       std::to_string(grid.day_end_s) + " s), found " +
                       std::to_string(options.as_of_s));
  }
  result.first_rest_slot = static_cast<int>((options.as_of_s - grid.day_begin_s) / grid.interval_s);
  const auto rest = static_cast<std::size_t>(result.first_rest_slot);
  const Origins all = lead1_origins(history, history.day_count(), options.origin_weeks);
  const auto& origins = all.pairs;
  if (origins.empty()) {
    throw InvalidInput("history: " + std::to_string(history.day_count()) +
                       " days cannot hold an origin for the intraday backtest: it needs a day at "
                       "least " +
                       std::to_string(kFirstOriginAfterDays) +
                       " days after the first with the next open day in the history, found none");
  }

  BacktestOptions dispersion_options;
  dispersion_options.horizon_days = 1;
  dispersion_options.origin_weeks = options.origin_weeks;
  dispersion_options.evaluation_interval_s = coarse ? grid.interval_s : 0;
  dispersion_options.coverage = false;
  auto dispersion_of = [&](const BacktestResult& b) {
    return coarse ? *b.dispersion_interval : b.dispersion_history;
  };
  try {
    result.dispersion = dispersion_of(
        backtest(prefix(history, origins.front().second), method, dispersion_options));
  } catch (const InvalidInput&) {
    result.in_sample_dispersion = true;
    result.dispersion = dispersion_of(backtest(history, method, dispersion_options));
  }
  const std::size_t known =
      result.in_sample_dispersion ? history.day_count() : origins.front().second;
  result.prior = options.day_effect_only
                     ? IntradayPrior::day_effect(result.dispersion.day_variance)
                     : estimate_intraday_prior(history, known, method, coarse ? grid.interval_s : 0,
                                               result.first_rest_slot, options.origin_weeks,
                                               result.dispersion);
  const MethodSpec used = lead1_method(history, method, origins.front().first);

  ErrorSums day_ahead, updated, ratio, total_day_ahead, total_updated, total_ratio;
  std::size_t in80_prior = 0, in95_prior = 0, in80_post = 0, in95_post = 0, scored = 0;
  for (const auto& [origin, target] : origins) {
    const DayPair pair =
        lead1_pair(history, used, all.closed, origin, target, coarse ? grid.interval_s : 0);
    const std::vector<double>& f = pair.forecast;
    const std::vector<double>& y = pair.actual;
    IntradayDayScore score;
    score.day = history.day(target);
    score.level = update_day_level(f, std::span<const double>(y).first(rest), result.dispersion,
                                   result.prior);
    Dispersion posterior = result.dispersion;
    posterior.day_variance = score.level.variance;
    for (std::size_t s = rest; s < f.size(); ++s) {
      const double up = score.level.factor * f[s], plain = score.level.plain_ratio * f[s];
      score.rest_actual += y[s];
      score.rest_day_ahead += f[s];
      score.rest_updated += up;
      score.rest_plain_ratio += plain;
      score.abs_error_day_ahead += std::abs(y[s] - f[s]);
      score.abs_error_updated += std::abs(y[s] - up);
      score.abs_error_plain_ratio += std::abs(y[s] - plain);
      day_ahead.add(y[s], f[s]);
      updated.add(y[s], up);
      ratio.add(y[s], plain);
      if (options.coverage) {
        const double count = std::floor(y[s]);
        const PredictionBounds prior = prediction_bounds(f[s], result.dispersion.for_slot(s));
        const PredictionBounds post = prediction_bounds(up, posterior.for_slot(s));
        in80_prior += inside(count, prior, false);
        in95_prior += inside(count, prior, true);
        in80_post += inside(count, post, false);
        in95_post += inside(count, post, true);
        ++scored;
      }
    }
    total_day_ahead.add(score.rest_actual, score.rest_day_ahead);
    total_updated.add(score.rest_actual, score.rest_updated);
    total_ratio.add(score.rest_actual, score.rest_plain_ratio);
    result.days.push_back(score);
  }
  result.day_ahead = day_ahead.metrics();
  result.updated = updated.metrics();
  result.plain_ratio = ratio.metrics();
  result.total_day_ahead = total_day_ahead.metrics();
  result.total_updated = total_updated.metrics();
  result.total_plain_ratio = total_ratio.metrics();
  if (scored > 0) {
    const auto n = static_cast<double>(scored);
    result.coverage80_day_ahead = static_cast<double>(in80_prior) / n;
    result.coverage95_day_ahead = static_cast<double>(in95_prior) / n;
    result.coverage80_updated = static_cast<double>(in80_post) / n;
    result.coverage95_updated = static_cast<double>(in95_post) / n;
  }
  return result;
}

}  // namespace staffsim::models
