// Rolling-origin evaluation of forecasting methods, automatic method choice, and the complete
// forecast (points plus prediction intervals) the command line writes.
//
// Rolling origin (Tashman 2000, Int. J. Forecasting 16:437): every history day whose horizon
// still lies inside the history, within `origin_weeks` weeks of the latest such day, is an
// origin (the same number of origins for every horizon); at each origin
// the method sees only the days up to and including it and forecasts the next `horizon_days`
// dates of open weekdays (lead 1 .. horizon_days in open days; dates missing from the history are
// closures: not scored, but known to the after-closure adjustment). Origins start at least three
// weeks after the first day. Errors are scored at the history's resolution, at an evaluation
// interval (30 minutes by default: forecasts and actuals are summed into those slots, the final
// partial slot included) and on daily totals:
//   WAPE = sum |y - yhat| / sum y,   MAPE = mean over points with y > 0 of |y - yhat| / y,
//   RMSE = sqrt(mean (y - yhat)^2)   (calls per slot / per day).
// Over-dispersion (see Dispersion in models/forecast.hpp) is estimated from the backtest pairs:
// with r = T / That the ratio of actual to forecast day totals,
//   day_variance  = max(0, mean (r - 1)^2 - mean 1 / That)            (Poisson part removed),
//   slot_variance = max(0, sum ((y - r yhat)^2 - r yhat) / sum (r yhat)^2)   (pooled),
// and per slot of the day the same ratio over that slot's pairs, shrunk toward the pooled value
// with the weight of 10 pseudo-days: by_slot = (n own + 10 pooled) / (n + 10) (the first and last
// slots of a bank day are far less predictable than midday ones).
// Interval coverage is measured out of sample by two-fold cross-validation over time: the
// dispersion estimated on the earlier half of the origins is applied to the later half and vice
// versa.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "models/forecast.hpp"
#include "models/interval_series.hpp"

namespace staffsim::models {

struct AccuracyMetrics {
  double wape = 0.0;  // fraction (0.05 = 5%)
  double mape = 0.0;  // fraction
  double rmse = 0.0;  // calls per slot (or per day for daily totals)
  std::size_t points = 0;
};

struct BacktestOptions {
  int horizon_days = 1;   // open days ahead, >= 1
  int origin_weeks = 12;  // weeks at the end of the history holding the origins, >= 1
  // Second resolution scored, seconds; a multiple of the history interval, or 0 for none.
  std::int64_t evaluation_interval_s = 1800;
  bool coverage = true;  // measure prediction-interval coverage (costs CDF evaluations)
};

struct BacktestResult {
  MethodSpec method;
  int origins = 0;
  int scored_days = 0;  // (origin, target) pairs scored
  AccuracyMetrics at_history;
  std::optional<AccuracyMetrics> at_interval;  // when evaluation_interval_s applies
  AccuracyMetrics daily;
  Dispersion dispersion_history;
  std::optional<Dispersion> dispersion_interval;
  // Fractions of actual counts inside the 80% / 95% intervals (when options.coverage).
  double coverage80_history = 0.0, coverage95_history = 0.0;
  double coverage80_interval = 0.0, coverage95_interval = 0.0;
};

// Throws InvalidInput when the history cannot hold a single origin for the horizon, naming both.
BacktestResult backtest(const IntervalSeries& history, const MethodSpec& method,
                        const BacktestOptions& options);

// The methods `auto` compares: seasonal_naive, weekday_mean for k = 1, 2, 3, 4, 6, 8, profile,
// double_seasonal and combined.
std::vector<MethodSpec> auto_candidates();

struct ForecastRequest {
  std::optional<MethodSpec> method;       // nullopt: auto, the lowest backtest WAPE at interval_s
  std::vector<std::int64_t> target_days;  // increasing, after the history
  std::vector<std::int64_t> closed_days;  // known closures (holidays) after the history
  std::int64_t interval_s = 0;  // output resolution, multiple of the history's; 0 = the history's
  int origin_weeks = 12;
};

struct DayForecast {
  std::int64_t day = 0;                               // days since 1970-01-01
  std::vector<double> calls, lo80, hi80, lo95, hi95;  // per slot of ForecastResult::grid
};

struct ForecastResult {
  IntradayGrid grid;                       // output grid
  MethodSpec method;                       // the method used (auto's choice)
  BacktestResult backtest;                 // of that method at the request's horizon and resolution
  std::vector<BacktestResult> candidates;  // every method auto compared (empty otherwise)
  std::vector<DayForecast> days;
};

// Forecasts at the history's resolution, sums to interval_s, and adds prediction intervals with
// the dispersion the backtest measured at interval_s for the same horizon (open days from the
// history's end to the last target day).
ForecastResult forecast(const IntervalSeries& history, const ForecastRequest& request);

}  // namespace staffsim::models
