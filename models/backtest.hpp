// Rolling-origin evaluation of forecasting methods, automatic method choice evaluated honestly
// (nested), and the complete forecast (points plus prediction intervals) the command line writes.
//
// Rolling origin (Tashman 2000, Int. J. Forecasting 16:437): every history day at least three
// weeks after the first whose horizon still lies inside the history is a usable origin; by
// default all of them are scored (the whole usable history), or, with `origin_weeks` W > 0, those
// within W weeks of the latest (the same number of origins for every method). At each origin the
// method sees only the days up to and including it and forecasts the next `horizon_days` dates of
// open weekdays (lead 1 .. horizon_days in open days; dates missing from the history are closures:
// not scored, but known to the after-closure adjustment). double_seasonal's parameters are fitted
// on the days up to the first usable origin and refitted every 28 days of origins, each time on
// the days up to that origin only. Errors are scored at the history's resolution, at an evaluation
// interval (30 minutes by default: forecasts and actuals are summed into those slots, the final
// partial slot included) and on daily totals:
//   WAPE = sum |y - yhat| / sum y,   MAPE = mean over points with y > 0 of |y - yhat| / y,
//   RMSE = sqrt(mean (y - yhat)^2)   (calls per slot / per day).
// Spread: the WAPE of each scored (origin, target day) pair at the evaluation interval (the
// history's resolution when there is none), summarised by its 10%, 50% and 90% quantiles (linear
// interpolation between order statistics, Hyndman & Fan 1996 type 7): how much a method's error
// varies from day to day, and so how far two methods' figures can be told apart.
//
// auto. Its candidates (auto_candidates()) are backtested on the same origins; the choice rule is
// models/method_selection.hpp: the candidate with the lowest mean loss and every candidate a
// Diebold-Mariano test cannot tell from it are averaged. The rule at a time T uses the origins
// whose targets all lie on or before T (within W weeks of the latest such origin when W > 0), with
// losses at the evaluation interval. The final forecast applies it at the history's end. The
// honest figure of auto is the *nested* backtest: at every scored origin o the rule is applied at
// T = o (inner origins whose last target date is <= o: strictly before o's targets) and the
// resulting forecast is scored like any other method's. Since each candidate's forecast at an
// origin depends only on the days up to it, every candidate is forecast once at every origin and
// the nested choices reuse those losses (linear in origins, not quadratic).
//
// Over-dispersion (see Dispersion in models/forecast.hpp) is estimated from the backtest pairs:
// with r = T / That the ratio of actual to forecast day totals,
//   day_variance  = max(0, mean (r - 1)^2 - mean 1 / That)            (Poisson part removed),
//   slot_variance = max(0, sum ((y - r yhat)^2 - r yhat) / sum (r yhat)^2)   (pooled),
// and per slot of the day the same ratio over that slot's pairs, shrunk toward the pooled value
// with the weight of 10 pseudo-days: by_slot = (n own + 10 pooled) / (n + 10) (the first and last
// slots of a bank day are far less predictable than midday ones). auto's prediction intervals use
// the dispersion of its nested backtest, so that they include the error of choosing.
// Interval coverage is measured out of sample by two-fold cross-validation over time: the
// dispersion estimated on the earlier half of the origins is applied to the later half and vice
// versa.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/forecast.hpp"
#include "models/interval_series.hpp"
#include "models/method_selection.hpp"

namespace staffsim::models {

struct AccuracyMetrics {
  double wape = 0.0;  // fraction (0.05 = 5%)
  double mape = 0.0;  // fraction
  double rmse = 0.0;  // calls per slot (or per day for daily totals)
  std::size_t points = 0;
};

struct BacktestOptions {
  int horizon_days = 1;  // open days ahead, >= 1
  int origin_weeks = 0;  // weeks at the end of the usable history holding the origins; 0 = all
  // Second resolution scored, seconds; a multiple of the history interval, or 0 for none.
  std::int64_t evaluation_interval_s = 1800;
  bool coverage = true;  // measure prediction-interval coverage (costs CDF evaluations)
};

// Quantiles of the WAPE of single (origin, target day) pairs, fractions.
struct ErrorSpread {
  double p10 = 0.0, p50 = 0.0, p90 = 0.0;
};

struct BacktestResult {
  MethodSpec method;  // for auto: its first choice at the last origin
  std::string name;   // method_name(method), or "auto (nested)"
  int horizon_days = 1;
  int origins = 0;
  int scored_days = 0;                             // (origin, target) pairs scored
  std::int64_t first_origin = 0, last_origin = 0;  // dates (days since 1970-01-01)
  AccuracyMetrics at_history;
  std::optional<AccuracyMetrics> at_interval;  // when evaluation_interval_s applies
  AccuracyMetrics daily;
  ErrorSpread day_wape;  // at the evaluation interval (the history's resolution without one)
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
// double_seasonal, combined and ets.
std::vector<MethodSpec> auto_candidates();

// Every candidate and auto, backtested on the same origins.
struct AutoBacktest {
  std::vector<BacktestResult> candidates;  // as backtest() would give each
  BacktestResult nested;                   // auto, chosen at each origin from earlier ones only
  // Per scored origin (date order): its date and the candidates (indices) auto averaged there.
  std::vector<std::int64_t> origin_days;
  std::vector<std::vector<std::size_t>> nested_choices;
  std::vector<std::size_t> final_choice;  // the rule applied at the history's end
  // final_choice's mean scored on the origins it was chosen on (biased low; coverage not measured)
  BacktestResult final_in_sample;
};

// Throws as backtest(), and InvalidInput for an empty candidate list.
AutoBacktest backtest_auto(const IntervalSeries& history, const std::vector<MethodSpec>& candidates,
                           const BacktestOptions& options, const SelectionRule& rule = {});

struct ForecastRequest {
  std::optional<MethodSpec> method;       // nullopt: auto (see above), losses at interval_s
  std::vector<std::int64_t> target_days;  // increasing, after the history
  std::vector<std::int64_t> closed_days;  // known closures (holidays) after the history
  std::int64_t interval_s = 0;  // output resolution, multiple of the history's; 0 = the history's
  int origin_weeks = 0;         // as BacktestOptions
};

struct DayForecast {
  std::int64_t day = 0;                               // days since 1970-01-01
  std::vector<double> calls, lo80, hi80, lo95, hi95;  // per slot of ForecastResult::grid
};

struct ForecastResult {
  IntradayGrid grid;  // output grid
  MethodSpec method;  // the method used (auto: the best of those it averaged)
  // The methods averaged: {method} unless auto found several tied.
  std::vector<MethodSpec> methods;
  // Of the forecast used, at the request's horizon and resolution (auto: in sample, the figure
  // of the choice on the origins it was chosen on: biased low).
  BacktestResult backtest;
  std::vector<BacktestResult> candidates;  // every method auto compared (empty otherwise)
  std::optional<BacktestResult> nested;    // auto's nested (honest) backtest
  std::vector<DayForecast> days;
};

// "profile", or "mean of profile, double_seasonal" for several.
std::string methods_name(const std::vector<MethodSpec>& methods);

// Forecasts at the history's resolution, sums to interval_s, and adds prediction intervals with
// the dispersion the backtest measured at interval_s for the same horizon (open days from the
// history's end to the last target day; auto: its nested backtest).
ForecastResult forecast(const IntervalSeries& history, const ForecastRequest& request);

}  // namespace staffsim::models
