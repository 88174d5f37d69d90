#include "models/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

constexpr int kMinimumTrainingDays = 20;  // calendar days before the first origin

std::string date_text(std::int64_t day) {
  const CivilDate d = civil_from_days(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

std::string count_of(std::size_t n, const std::string& noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// The next `count` dates of open weekdays after `day`.
std::vector<std::int64_t> next_open_dates(const std::array<bool, 7>& open, std::int64_t day,
                                          int count) {
  std::vector<std::int64_t> dates;
  for (std::int64_t d = day + 1; static_cast<int>(dates.size()) < count; ++d) {
    if (open[weekday_from_days(d)]) dates.push_back(d);
  }
  return dates;
}

struct Pair {
  std::vector<double> forecast, actual;
  int origin = 0;
};

struct Accumulator {
  double abs_sum = 0, actual_sum = 0, sq_sum = 0, ape_sum = 0;
  std::size_t points = 0, ape_points = 0;
  void add(double y, double f) {
    const double e = y - f;
    abs_sum += std::abs(e);
    actual_sum += y;
    sq_sum += e * e;
    ++points;
    if (y > 0) {
      ape_sum += std::abs(e) / y;
      ++ape_points;
    }
  }
  AccuracyMetrics metrics() const {
    AccuracyMetrics m;
    m.points = points;
    m.wape = actual_sum > 0 ? abs_sum / actual_sum : std::numeric_limits<double>::quiet_NaN();
    m.mape = ape_points > 0 ? ape_sum / static_cast<double>(ape_points)
                            : std::numeric_limits<double>::quiet_NaN();
    m.rmse = points > 0 ? std::sqrt(sq_sum / static_cast<double>(points)) : 0.0;
    return m;
  }
};

double sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return s;
}

// Pseudo-days of the pooled slot variance added to each slot's own estimate (shrinkage).
constexpr double kSlotShrinkageDays = 10.0;

Dispersion estimate_dispersion(const std::vector<const Pair*>& pairs) {
  Dispersion d;
  double ratio_sq = 0, inverse = 0;
  int days = 0;
  std::vector<double> num, den;
  std::vector<int> count;
  for (const Pair* p : pairs) {
    const double ft = sum(p->forecast), at = sum(p->actual);
    if (ft <= 0) continue;
    const double r = at / ft;
    ratio_sq += (r - 1) * (r - 1);
    inverse += 1.0 / ft;
    ++days;
    if (num.size() < p->forecast.size()) {
      num.resize(p->forecast.size(), 0.0);
      den.resize(p->forecast.size(), 0.0);
      count.resize(p->forecast.size(), 0);
    }
    for (std::size_t s = 0; s < p->forecast.size(); ++s) {
      const double mu = r * p->forecast[s];
      if (mu <= 0) continue;
      const double e = p->actual[s] - mu;
      num[s] += e * e - mu;
      den[s] += mu * mu;
      ++count[s];
    }
  }
  if (days > 0) d.day_variance = std::max(0.0, (ratio_sq - inverse) / days);
  double num_all = 0, den_all = 0;
  for (std::size_t s = 0; s < num.size(); ++s) {
    num_all += num[s];
    den_all += den[s];
  }
  if (den_all > 0) d.slot_variance = std::max(0.0, num_all / den_all);
  d.by_slot.assign(num.size(), d.slot_variance);
  for (std::size_t s = 0; s < num.size(); ++s) {
    if (den[s] <= 0) continue;
    const double own = std::max(0.0, num[s] / den[s]);
    d.by_slot[s] =
        (count[s] * own + kSlotShrinkageDays * d.slot_variance) / (count[s] + kSlotShrinkageDays);
  }
  return d;
}

// Coverage of the pairs in `test` with the dispersion estimated from `train`.
void add_coverage(const std::vector<const Pair*>& train, const std::vector<const Pair*>& test,
                  std::size_t& in80, std::size_t& in95, std::size_t& total) {
  const Dispersion d = estimate_dispersion(train);
  for (const Pair* p : test) {
    for (std::size_t s = 0; s < p->forecast.size(); ++s) {
      const double mu = p->forecast[s], y = std::floor(p->actual[s]);
      ++total;
      if (mu <= 0) {
        if (y <= 0) {
          ++in80;
          ++in95;
        }
        continue;
      }
      const Dispersion slot = d.for_slot(s);
      const double at = count_cdf(y, mu, slot), below = count_cdf(y - 1, mu, slot);
      if (at > 0.1 && below < 0.9) ++in80;
      if (at > 0.025 && below < 0.975) ++in95;
    }
  }
}

void coverage(const std::vector<Pair>& pairs, int origins, double& c80, double& c95) {
  std::vector<const Pair*> early, late;
  for (const Pair& p : pairs) (p.origin < origins / 2 ? early : late).push_back(&p);
  if (early.empty() || late.empty()) {
    early.clear();
    for (const Pair& p : pairs) early.push_back(&p);
    late = early;
  }
  std::size_t in80 = 0, in95 = 0, total = 0;
  add_coverage(early, late, in80, in95, total);
  if (late != early) add_coverage(late, early, in80, in95, total);
  c80 = total ? static_cast<double>(in80) / static_cast<double>(total) : 0.0;
  c95 = total ? static_cast<double>(in95) / static_cast<double>(total) : 0.0;
}

std::vector<const Pair*> pointers(const std::vector<Pair>& pairs) {
  std::vector<const Pair*> out;
  out.reserve(pairs.size());
  for (const Pair& p : pairs) out.push_back(&p);
  return out;
}

}  // namespace

std::vector<MethodSpec> auto_candidates() {
  std::vector<MethodSpec> c;
  auto add = [&](ForecastMethod m, int k) {
    MethodSpec spec;
    spec.method = m;
    spec.weeks = k;
    c.push_back(spec);
  };
  add(ForecastMethod::kSeasonalNaive, 1);
  for (int k : {1, 2, 3, 4, 6, 8}) add(ForecastMethod::kWeekdayMean, k);
  add(ForecastMethod::kProfile, 4);
  add(ForecastMethod::kDoubleSeasonal, 4);
  add(ForecastMethod::kCombined, 4);
  return c;
}

BacktestResult backtest(const IntervalSeries& history, const MethodSpec& method,
                        const BacktestOptions& options) {
  if (history.empty()) throw InvalidInput("history must hold at least one day, found none");
  if (options.horizon_days < 1) {
    throw InvalidInput("horizon_days must be at least 1, found " +
                       std::to_string(options.horizon_days));
  }
  if (options.origin_weeks < 1) {
    throw InvalidInput("origin_weeks must be at least 1, found " +
                       std::to_string(options.origin_weeks));
  }
  std::optional<IntradayGrid> eval_grid;
  if (options.evaluation_interval_s > 0 &&
      options.evaluation_interval_s % history.grid().interval_s == 0) {
    eval_grid = aggregate_grid(history.grid(), options.evaluation_interval_s);
  }
  const auto open = history.open_weekdays();
  const std::int64_t first = history.day(0), last = history.days().back();

  // Closures: open-weekday dates inside the history's range that it does not hold.
  std::vector<std::int64_t> closed;
  for (std::int64_t d = first; d <= last; ++d) {
    if (open[weekday_from_days(d)] && !history.find_day(d)) closed.push_back(d);
  }

  // Origins: the days whose whole horizon lies inside the history, within origin_weeks weeks
  // of the latest such day (so every horizon is scored on as many origins).
  std::vector<std::size_t> origins;
  std::vector<std::vector<std::int64_t>> origin_targets;
  std::int64_t latest = first - 1;
  for (std::size_t i = 0; i < history.day_count(); ++i) {
    if (next_open_dates(open, history.day(i), options.horizon_days).back() <= last) {
      latest = history.day(i);
    }
  }
  for (std::size_t i = 0; i < history.day_count(); ++i) {
    const std::int64_t day = history.day(i);
    if (day < first + kMinimumTrainingDays ||
        day <= latest - 7 * static_cast<std::int64_t>(options.origin_weeks) || day > latest) {
      continue;
    }
    origins.push_back(i);
    origin_targets.push_back(next_open_dates(open, day, options.horizon_days));
  }
  if (origins.empty()) {
    throw InvalidInput(
        "horizon_days: the history (" + count_of(history.day_count(), "day") + ", " +
        date_text(first) + " to " + date_text(last) + ") cannot support a rolling-origin " +
        "backtest " + count_of(options.horizon_days, "open day") +
        " ahead: it needs an origin at least " + std::to_string(kMinimumTrainingDays) +
        " days after its first day with that many open days after it, found none");
  }

  MethodSpec used = method;
  used.horizon_days = options.horizon_days;
  if ((used.method == ForecastMethod::kDoubleSeasonal ||
       used.method == ForecastMethod::kCombined) &&
      !used.double_seasonal) {
    used.double_seasonal = fit_double_seasonal(history, origins.front() + 1);
  }

  BacktestResult result;
  result.method = method;
  result.origins = static_cast<int>(origins.size());
  std::vector<Pair> fine_pairs, coarse_pairs;
  Accumulator fine_acc, coarse_acc, daily_acc;
  for (std::size_t o = 0; o < origins.size(); ++o) {
    const std::vector<std::int64_t>& dates = origin_targets[o];
    std::vector<std::int64_t> scored;
    std::vector<std::size_t> scored_index;
    for (std::int64_t d : dates) {
      if (const auto j = history.find_day(d)) {
        scored.push_back(d);
        scored_index.push_back(*j);
      }
    }
    if (scored.empty()) continue;
    const auto forecasts = point_forecast(history, origins[o] + 1, used, scored, closed);
    for (std::size_t t = 0; t < scored.size(); ++t) {
      const auto actual = history.counts(scored_index[t]);
      Pair fine{forecasts[t], std::vector<double>(actual.begin(), actual.end()),
                static_cast<int>(o)};
      for (std::size_t s = 0; s < fine.actual.size(); ++s) {
        fine_acc.add(fine.actual[s], fine.forecast[s]);
      }
      daily_acc.add(sum(fine.actual), sum(fine.forecast));
      if (eval_grid) {
        Pair coarse{aggregate_day(history.grid(), fine.forecast, eval_grid->interval_s),
                    aggregate_day(history.grid(), fine.actual, eval_grid->interval_s),
                    static_cast<int>(o)};
        for (std::size_t s = 0; s < coarse.actual.size(); ++s) {
          coarse_acc.add(coarse.actual[s], coarse.forecast[s]);
        }
        coarse_pairs.push_back(std::move(coarse));
      }
      fine_pairs.push_back(std::move(fine));
      ++result.scored_days;
    }
  }
  result.at_history = fine_acc.metrics();
  result.daily = daily_acc.metrics();
  result.dispersion_history = estimate_dispersion(pointers(fine_pairs));
  if (eval_grid) {
    result.at_interval = coarse_acc.metrics();
    result.dispersion_interval = estimate_dispersion(pointers(coarse_pairs));
  }
  if (options.coverage) {
    coverage(fine_pairs, result.origins, result.coverage80_history, result.coverage95_history);
    if (eval_grid) {
      coverage(coarse_pairs, result.origins, result.coverage80_interval,
               result.coverage95_interval);
    }
  }
  return result;
}

ForecastResult forecast(const IntervalSeries& history, const ForecastRequest& request) {
  if (history.empty()) throw InvalidInput("history must hold at least one day, found none");
  if (request.target_days.empty()) {
    throw InvalidInput("target_days must list at least one day, found none");
  }
  const std::int64_t interval_s =
      request.interval_s > 0 ? request.interval_s : history.grid().interval_s;
  const IntradayGrid grid = aggregate_grid(history.grid(), interval_s);
  const auto open = history.open_weekdays();
  int horizon = 0;
  for (std::int64_t d = history.days().back() + 1; d <= request.target_days.back(); ++d) {
    if (open[weekday_from_days(d)]) ++horizon;
  }
  BacktestOptions options;
  options.horizon_days = std::max(1, horizon);
  options.origin_weeks = request.origin_weeks;
  options.evaluation_interval_s = interval_s;
  options.coverage = false;

  ForecastResult result;
  result.grid = grid;
  if (request.method) {
    result.backtest = backtest(history, *request.method, options);
  } else {
    for (const MethodSpec& candidate : auto_candidates()) {
      result.candidates.push_back(backtest(history, candidate, options));
      const BacktestResult& r = result.candidates.back();
      if (result.candidates.size() == 1 ||
          r.at_interval->wape < result.backtest.at_interval->wape) {
        result.backtest = r;
      }
    }
  }
  result.method = result.backtest.method;
  const Dispersion dispersion = *result.backtest.dispersion_interval;
  MethodSpec final_method = result.method;
  final_method.horizon_days = options.horizon_days;
  const auto fine = point_forecast(history, history.day_count(), final_method, request.target_days,
                                   request.closed_days);
  for (std::size_t t = 0; t < fine.size(); ++t) {
    DayForecast day;
    day.day = request.target_days[t];
    day.calls = aggregate_day(history.grid(), fine[t], interval_s);
    for (std::size_t s = 0; s < day.calls.size(); ++s) {
      const PredictionBounds b = prediction_bounds(day.calls[s], dispersion.for_slot(s));
      day.lo80.push_back(b.lo80);
      day.hi80.push_back(b.hi80);
      day.lo95.push_back(b.lo95);
      day.hi95.push_back(b.hi95);
    }
    result.days.push_back(std::move(day));
  }
  return result;
}

}  // namespace staffsim::models
