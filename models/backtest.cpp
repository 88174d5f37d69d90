#include "models/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
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
  int origin = 0;  // position among the scored origins
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

// Quantile of sorted values, linear interpolation between order statistics (type 7).
double quantile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double h = p * static_cast<double>(sorted.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

// Every usable origin of a history for one horizon (see the header), in date order.
struct OriginPlan {
  int horizon_days = 1;
  std::vector<std::size_t> index;                // history index of the origin
  std::vector<std::int64_t> day;                 // its date
  std::vector<std::int64_t> horizon_end;         // the last date of its horizon
  std::vector<std::vector<std::size_t>> scored;  // history indices of its targets the history holds
  std::vector<std::int64_t> closed;  // open-weekday dates inside the history's range it lacks

  std::size_t size() const { return index.size(); }
  std::vector<std::int64_t> scored_days(const IntervalSeries& history, std::size_t o) const {
    std::vector<std::int64_t> days;
    for (std::size_t j : scored[o]) days.push_back(history.day(j));
    return days;
  }
};

OriginPlan usable_origins(const IntervalSeries& history, const BacktestOptions& options) {
  if (history.empty()) throw InvalidInput("history must hold at least one day, found none");
  if (options.horizon_days < 1) {
    throw InvalidInput("horizon_days must be at least 1, found " +
                       std::to_string(options.horizon_days));
  }
  if (options.origin_weeks < 0) {
    throw InvalidInput("origin_weeks must be at least 0 (0: every usable origin), found " +
                       std::to_string(options.origin_weeks));
  }
  const auto open = history.open_weekdays();
  const std::int64_t first = history.day(0), last = history.days().back();
  OriginPlan plan;
  plan.horizon_days = options.horizon_days;
  for (std::int64_t d = first; d <= last; ++d) {
    if (open[weekday_from_days(d)] && !history.find_day(d)) plan.closed.push_back(d);
  }
  for (std::size_t i = 0; i < history.day_count(); ++i) {
    const std::int64_t day = history.day(i);
    if (day < first + kMinimumTrainingDays) continue;
    const auto dates = next_open_dates(open, day, options.horizon_days);
    if (dates.back() > last) break;
    std::vector<std::size_t> scored;
    for (std::int64_t d : dates) {
      if (const auto j = history.find_day(d)) scored.push_back(*j);
    }
    if (scored.empty()) continue;
    plan.index.push_back(i);
    plan.day.push_back(day);
    plan.horizon_end.push_back(dates.back());
    plan.scored.push_back(std::move(scored));
  }
  if (plan.index.empty()) {
    throw InvalidInput(
        "horizon_days: the history (" + count_of(history.day_count(), "day") + ", " +
        date_text(first) + " to " + date_text(last) + ") cannot support a rolling-origin " +
        "backtest " + count_of(options.horizon_days, "open day") +
        " ahead: it needs an origin at least " + std::to_string(kMinimumTrainingDays) +
        " days after its first day with that many open days after it, found none");
  }
  return plan;
}

// The origins [begin, end) known at time `t`: those whose horizon ends on or before t, within
// `weeks` weeks of the latest of them (all when weeks is 0).
std::pair<std::size_t, std::size_t> origins_known_at(const OriginPlan& plan, std::int64_t t,
                                                     int weeks) {
  const std::size_t end = static_cast<std::size_t>(
      std::upper_bound(plan.horizon_end.begin(), plan.horizon_end.end(), t) -
      plan.horizon_end.begin());
  if (end == 0 || weeks <= 0) return {0, end};
  const std::int64_t after = plan.day[end - 1] - 7 * static_cast<std::int64_t>(weeks);
  const std::size_t begin = static_cast<std::size_t>(
      std::upper_bound(plan.day.begin(), plan.day.begin() + static_cast<std::ptrdiff_t>(end),
                       after) -
      plan.day.begin());
  return {begin, end};
}

// double_seasonal's parameters at an origin: fitted on the days up to the first usable origin,
// refitted every kRefitDays of origins on the days up to then (computed once, shared).
constexpr std::int64_t kRefitDays = 28;

class DoubleSeasonalFits {
 public:
  DoubleSeasonalFits(const IntervalSeries& history, std::int64_t first_origin)
      : history_(history), first_origin_(first_origin) {}
  DoubleSeasonalParameters at(std::int64_t origin_day) {
    const std::int64_t refit =
        first_origin_ + (origin_day - first_origin_) / kRefitDays * kRefitDays;
    const auto& days = history_.days();
    const std::size_t n =
        static_cast<std::size_t>(std::upper_bound(days.begin(), days.end(), refit) - days.begin());
    for (const auto& [days_used, params] : fits_) {
      if (days_used == n) return params;
    }
    fits_.emplace_back(n, fit_double_seasonal(history_, n));
    return fits_.back().second;
  }

 private:
  const IntervalSeries& history_;
  std::int64_t first_origin_;
  std::vector<std::pair<std::size_t, DoubleSeasonalParameters>> fits_;
};

// forecasts[o][t]: the forecast (history resolution) made at origin o of the plan for its t-th
// scored target; empty outside the origins computed.
using OriginForecasts = std::vector<std::vector<std::vector<double>>>;

OriginForecasts forecast_origins(const IntervalSeries& history, const OriginPlan& plan,
                                 std::size_t begin, std::size_t end, const MethodSpec& method,
                                 DoubleSeasonalFits& fits) {
  MethodSpec used = method;
  used.horizon_days = plan.horizon_days;
  const bool fitted =
      used.method == ForecastMethod::kDoubleSeasonal || used.method == ForecastMethod::kCombined;
  OriginForecasts out(plan.size());
  for (std::size_t o = begin; o < end; ++o) {
    if (fitted && !method.double_seasonal) used.double_seasonal = fits.at(plan.day[o]);
    out[o] =
        point_forecast(history, plan.index[o] + 1, used, plan.scored_days(history, o), plan.closed);
  }
  return out;
}

// The equal-weight mean of some candidates' forecasts at the origins [begin, end).
void add_mean(const std::vector<OriginForecasts>& forecasts, const std::vector<std::size_t>& which,
              std::size_t o, OriginForecasts& out) {
  out[o] = forecasts[which.front()][o];
  for (std::size_t k = 1; k < which.size(); ++k) {
    const auto& f = forecasts[which[k]][o];
    for (std::size_t t = 0; t < f.size(); ++t) {
      for (std::size_t s = 0; s < f[t].size(); ++s) out[o][t][s] += f[t][s];
    }
  }
  const double scale = 1.0 / static_cast<double>(which.size());
  for (auto& day : out[o]) {
    for (double& v : day) v *= scale;
  }
}

// Scores the forecasts made at the origins [begin, end) of the plan.
BacktestResult score(const IntervalSeries& history, const OriginPlan& plan, std::size_t begin,
                     std::size_t end, const OriginForecasts& forecasts,
                     const std::optional<IntradayGrid>& eval_grid, bool with_coverage) {
  BacktestResult result;
  result.horizon_days = plan.horizon_days;
  result.origins = static_cast<int>(end - begin);
  result.first_origin = plan.day[begin];
  result.last_origin = plan.day[end - 1];
  std::vector<Pair> fine_pairs, coarse_pairs;
  Accumulator fine_acc, coarse_acc, daily_acc;
  std::vector<double> day_wapes;
  for (std::size_t o = begin; o < end; ++o) {
    const int position = static_cast<int>(o - begin);
    for (std::size_t t = 0; t < plan.scored[o].size(); ++t) {
      const auto actual = history.counts(plan.scored[o][t]);
      Pair fine{forecasts[o][t], std::vector<double>(actual.begin(), actual.end()), position};
      Accumulator day_acc;
      for (std::size_t s = 0; s < fine.actual.size(); ++s) {
        fine_acc.add(fine.actual[s], fine.forecast[s]);
        if (!eval_grid) day_acc.add(fine.actual[s], fine.forecast[s]);
      }
      daily_acc.add(sum(fine.actual), sum(fine.forecast));
      if (eval_grid) {
        Pair coarse{aggregate_day(history.grid(), fine.forecast, eval_grid->interval_s),
                    aggregate_day(history.grid(), fine.actual, eval_grid->interval_s), position};
        for (std::size_t s = 0; s < coarse.actual.size(); ++s) {
          coarse_acc.add(coarse.actual[s], coarse.forecast[s]);
          day_acc.add(coarse.actual[s], coarse.forecast[s]);
        }
        coarse_pairs.push_back(std::move(coarse));
      }
      if (day_acc.actual_sum > 0) day_wapes.push_back(day_acc.abs_sum / day_acc.actual_sum);
      fine_pairs.push_back(std::move(fine));
      ++result.scored_days;
    }
  }
  result.at_history = fine_acc.metrics();
  result.daily = daily_acc.metrics();
  std::sort(day_wapes.begin(), day_wapes.end());
  result.day_wape = {quantile(day_wapes, 0.1), quantile(day_wapes, 0.5), quantile(day_wapes, 0.9)};
  result.dispersion_history = estimate_dispersion(pointers(fine_pairs));
  if (eval_grid) {
    result.at_interval = coarse_acc.metrics();
    result.dispersion_interval = estimate_dispersion(pointers(coarse_pairs));
  }
  if (with_coverage) {
    coverage(fine_pairs, result.origins, result.coverage80_history, result.coverage95_history);
    if (eval_grid) {
      coverage(coarse_pairs, result.origins, result.coverage80_interval,
               result.coverage95_interval);
    }
  }
  return result;
}

std::optional<IntradayGrid> evaluation_grid(const IntervalSeries& history,
                                            const BacktestOptions& options) {
  if (options.evaluation_interval_s > 0 &&
      options.evaluation_interval_s % history.grid().interval_s == 0) {
    return aggregate_grid(history.grid(), options.evaluation_interval_s);
  }
  return std::nullopt;
}

// Sum of absolute errors of each computed origin's forecasts at the evaluation grid (the
// history's without one): auto's loss per origin.
std::vector<double> origin_losses(const IntervalSeries& history, const OriginPlan& plan,
                                  const OriginForecasts& forecasts,
                                  const std::optional<IntradayGrid>& eval_grid) {
  std::vector<double> losses(plan.size(), 0.0);
  for (std::size_t o = 0; o < plan.size(); ++o) {
    for (std::size_t t = 0; t < forecasts[o].size(); ++t) {
      const auto counts = history.counts(plan.scored[o][t]);
      std::vector<double> actual(counts.begin(), counts.end());
      std::vector<double> forecast = forecasts[o][t];
      if (eval_grid) {
        actual = aggregate_day(history.grid(), actual, eval_grid->interval_s);
        forecast = aggregate_day(history.grid(), forecast, eval_grid->interval_s);
      }
      for (std::size_t s = 0; s < actual.size(); ++s)
        losses[o] += std::abs(actual[s] - forecast[s]);
    }
  }
  return losses;
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
  add(ForecastMethod::kEts, 4);
  return c;
}

BacktestResult backtest(const IntervalSeries& history, const MethodSpec& method,
                        const BacktestOptions& options) {
  const OriginPlan plan = usable_origins(history, options);
  const auto [begin, end] = origins_known_at(plan, history.days().back(), options.origin_weeks);
  DoubleSeasonalFits fits(history, plan.day.front());
  const OriginForecasts forecasts = forecast_origins(history, plan, begin, end, method, fits);
  BacktestResult result = score(history, plan, begin, end, forecasts,
                                evaluation_grid(history, options), options.coverage);
  result.method = method;
  result.name = method_name(method);
  return result;
}

AutoBacktest backtest_auto(const IntervalSeries& history, const std::vector<MethodSpec>& candidates,
                           const BacktestOptions& options, const SelectionRule& rule) {
  if (candidates.empty())
    throw InvalidInput("candidates must list at least one method, found none");
  const OriginPlan plan = usable_origins(history, options);
  const auto eval_grid = evaluation_grid(history, options);
  const auto [begin, end] = origins_known_at(plan, history.days().back(), options.origin_weeks);
  // The earliest origin any nested choice looks at.
  const std::size_t first_needed =
      origins_known_at(plan, plan.day[begin], options.origin_weeks).first;
  const std::size_t from = std::min(first_needed, begin);

  DoubleSeasonalFits fits(history, plan.day.front());
  std::vector<OriginForecasts> forecasts;
  std::vector<std::vector<double>> losses;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    // combined is the mean of profile and double_seasonal with the same parameters: reuse them.
    const auto find = [&](ForecastMethod m) {
      for (std::size_t k = 0; k < c; ++k) {
        if (candidates[k].method == m && !candidates[k].double_seasonal) return k;
      }
      return c;
    };
    const std::size_t profile = find(ForecastMethod::kProfile);
    const std::size_t seasonal = find(ForecastMethod::kDoubleSeasonal);
    if (candidates[c].method == ForecastMethod::kCombined && !candidates[c].double_seasonal &&
        profile < c && seasonal < c) {
      OriginForecasts mean(plan.size());
      for (std::size_t o = from; o < end; ++o) add_mean(forecasts, {profile, seasonal}, o, mean);
      forecasts.push_back(std::move(mean));
    } else {
      forecasts.push_back(forecast_origins(history, plan, from, end, candidates[c], fits));
    }
    losses.push_back(origin_losses(history, plan, forecasts.back(), eval_grid));
  }

  AutoBacktest result;
  for (std::size_t c = 0; c < candidates.size(); ++c) {
    result.candidates.push_back(
        score(history, plan, begin, end, forecasts[c], eval_grid, options.coverage));
    result.candidates.back().method = candidates[c];
    result.candidates.back().name = method_name(candidates[c]);
  }
  OriginForecasts nested(plan.size());
  for (std::size_t o = begin; o < end; ++o) {
    // Inner origins: horizons ending on or before this origin, strictly before its targets.
    const auto [inner_begin, inner_end] = origins_known_at(plan, plan.day[o], options.origin_weeks);
    result.origin_days.push_back(plan.day[o]);
    result.nested_choices.push_back(
        tied_best(losses, inner_begin, inner_end, plan.horizon_days, rule));
    add_mean(forecasts, result.nested_choices.back(), o, nested);
  }
  result.nested = score(history, plan, begin, end, nested, eval_grid, options.coverage);
  result.nested.method = candidates[result.nested_choices.back().front()];
  result.nested.name = "auto (nested)";

  result.final_choice = tied_best(losses, begin, end, plan.horizon_days, rule);
  OriginForecasts chosen(plan.size());
  for (std::size_t o = begin; o < end; ++o) add_mean(forecasts, result.final_choice, o, chosen);
  result.final_in_sample = score(history, plan, begin, end, chosen, eval_grid, false);
  std::vector<MethodSpec> chosen_methods;
  for (std::size_t c : result.final_choice) chosen_methods.push_back(candidates[c]);
  result.final_in_sample.method = chosen_methods.front();
  result.final_in_sample.name = methods_name(chosen_methods);
  return result;
}

std::string methods_name(const std::vector<MethodSpec>& methods) {
  if (methods.size() == 1) return method_name(methods.front());
  std::string name = "mean of ";
  for (std::size_t i = 0; i < methods.size(); ++i) {
    name += (i ? ", " : "") + method_name(methods[i]);
  }
  return name;
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
  Dispersion dispersion;
  if (request.method) {
    result.backtest = backtest(history, *request.method, options);
    result.method = *request.method;
    result.methods = {result.method};
    dispersion = *result.backtest.dispersion_interval;
  } else {
    const std::vector<MethodSpec> candidates = auto_candidates();
    AutoBacktest a = backtest_auto(history, candidates, options);
    result.candidates = std::move(a.candidates);
    result.backtest = std::move(a.final_in_sample);
    for (std::size_t c : a.final_choice) result.methods.push_back(candidates[c]);
    // The best of those averaged: the lowest WAPE at the output resolution.
    std::size_t best = a.final_choice.front();
    for (std::size_t c : a.final_choice) {
      if (result.candidates[c].at_interval->wape < result.candidates[best].at_interval->wape) {
        best = c;
      }
    }
    result.method = candidates[best];
    dispersion = *a.nested.dispersion_interval;
    result.nested = std::move(a.nested);
  }
  // double_seasonal's parameters are fitted once for all the methods that use them.
  std::optional<DoubleSeasonalParameters> fitted;
  std::vector<std::vector<double>> fine;
  for (const MethodSpec& m : result.methods) {
    MethodSpec used = m;
    used.horizon_days = options.horizon_days;
    if ((used.method == ForecastMethod::kDoubleSeasonal ||
         used.method == ForecastMethod::kCombined) &&
        !used.double_seasonal) {
      if (!fitted) fitted = fit_double_seasonal(history, history.day_count());
      used.double_seasonal = fitted;
    }
    const auto f = point_forecast(history, history.day_count(), used, request.target_days,
                                  request.closed_days);
    if (fine.empty()) {
      fine = f;
      continue;
    }
    for (std::size_t t = 0; t < f.size(); ++t) {
      for (std::size_t s = 0; s < f[t].size(); ++s) fine[t][s] += f[t][s];
    }
  }
  for (auto& day : fine) {
    for (double& v : day) v /= static_cast<double>(result.methods.size());
  }
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
