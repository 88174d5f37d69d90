// Call-volume forecasting methods: point forecasts per interval for chosen future days.
//
// Input: an IntervalSeries (models/interval_series.hpp): counts of calls per slot of a regular
// intraday grid, indexed by date, closed weekdays absent, whole days possibly missing. Output: the
// expected number of calls per slot (same grid, same unit: calls per slot) for each target day.
// Every method works at the history's own resolution; coarser forecasts are exact sums of the fine
// ones (see aggregate_day), so a 30-minute or daily figure always equals the sum of its parts.
//
// Notation: y(d, s) calls on day d in slot s; T(d) = sum_s y(d, s) the daily total; wd(d) the
// weekday of d; "same weekday" is a calendar lookup, never a row offset.
//
// Calendar effects. Five multiplicative day-total effects: "after a closure" (the previous date
// of an open weekday, i.e. a weekday that occurs in the history, was closed: absent from the
// history inside its date range, or listed in `closed_days`; calls deferred by a holiday arrive on
// the next open day, and the North American bank data has its two highest Tuesdays after Memorial
// Day and Labor Day), the first, second and third open day of a month, and the last open day of a
// month (month-start peaks of retail banking). For each special day d, log(T(d) / R(d)) with R(d)
// the mean total of the plain (effect-free) same weekday one week before and after d; the log
// effects are fitted additively by backfitting, each shrunk toward 0 as sum / (n + 2) (n days
// carrying it; with one effect alone this is u = exp(n / (n + 2) * mean log ratio)). The
// `profile`, `double_seasonal`, `combined` and `ets` methods divide each history day by its
// calendar factor before estimating anything and multiply the forecast of a target day by its
// factor. The two baselines use the raw history.
//
// Methods:
//  - seasonal_naive: yhat(d, s) = y(d', s), d' the most recent history day with wd(d') = wd(d)
//    (one week earlier when available). Hyndman & Athanasopoulos, "Forecasting: Principles and
//    Practice" (3rd ed., 2021), section 5.2.
//  - weekday_mean (k): yhat(d, s) = mean of y(d', s) over the last k history days with the same
//    weekday (fewer if the history holds fewer). Same reference, "average method" per season.
//  - profile: yhat(d, s) = That(d) * p(wd(d), s). Daily totals: weekday factors f(w) = mean of
//    T / mean T over the last 8 weeks, normalised to mean 1 over the open weekdays; the
//    deseasonalised totals x(d) = T(d) / f(wd(d)) are smoothed by simple exponential smoothing,
//    L(d) = alpha x(d) + (1 - alpha) L(d-1), alpha in [0.02, 0.8] minimising the sum of squared
//    errors of leads 1 .. horizon_days (MethodSpec); That(d) = L * f(wd(d)). Intraday profile:
//    shares of the day total over the last 6 same weekdays, shrunk toward the all-weekday profile
//    with the James-Stein weight min(1, V / D2) (V the multinomial sampling variance of the weekday
//    shares, D2 their squared distance to the pooled profile); slots a weekday never used stay at
//    0. Weinberg, Brown & Stroud (2007), JASA 102:1185 (daily volume times intraday proportions);
//    Gans, Koole & Mandelbaum (2003), MSOM 5:79, section 6.
//  - double_seasonal: multiplicative double-seasonal Holt-Winters (Taylor 2003, J. Oper. Res. Soc.
//    54:799) with calendar-indexed seasonal terms:
//        yhat = l * di(s) * we(wd, s)
//        l     <- alpha * y / (di(s) we(wd, s)) + (1 - alpha) l
//        di(s) <- delta * y / (l we(wd, s))     + (1 - delta) di(s)
//        we(wd, s) <- omega * y / (l di(s))     + (1 - omega) we(wd, s)
//    run over the history in date order (missing days are skipped: no update, no shift of the
//    weekly index; the level rests in a slot expecting under one call, where y / (di we) says
//    little); the forecast for any later day is l * di(s) * we(wd, s). The state starts from
//    the means of the first two weeks. alpha, delta, omega
//    are fitted by least squares of the next-open-day forecasts made at every day end
//    (Nelder-Mead on logit-transformed parameters).
//  - combined: the mean of profile and double_seasonal (forecast combination, Bates & Granger
//    1969; Taylor 2008, Manag. Sci. 54:253 for call-centre data).
//  - ets: top-down, yhat(d, s) = That(d) * p(wd(d), s) with profile's shrunk intraday shares p.
//    The daily totals x(d) = T(d) / calendar factor(d) of the history's days, in date order (closed
//    dates are absent, not zeros), are one series whose season is the week: m = the open weekdays,
//    the position of d its weekday's rank among them. An exponential smoothing state-space model,
//    ETS(A,N,A), ETS(A,Ad,A), ETS(M,N,M) or ETS(M,Ad,M) (formulas, initial states, maximum-
//    likelihood fit and the choice by AICc in models/ets.hpp; Hyndman, Koehler, Ord & Snyder 2008,
//    "Forecasting with Exponential Smoothing"), is fitted on them, and That(d) = its point
//    forecast h steps ahead (h = the open dates after the history up to d, known closures not
//    counted) times d's calendar factor. Unlike STL + ETS (forecast::stlf: ETS on the
//    STL-adjusted series), the weekly season is a state of the model. A history of a single day
//    forecasts that day's total.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "models/interval_series.hpp"

namespace staffsim::models {

enum class ForecastMethod {
  kSeasonalNaive,
  kWeekdayMean,
  kProfile,
  kDoubleSeasonal,
  kCombined,
  kEts
};

// Smoothing parameters of double_seasonal, each in (0, 1).
struct DoubleSeasonalParameters {
  double alpha = 0.01;  // level, per slot
  double delta = 0.05;  // intraday index, per day
  double omega = 0.1;   // weekly index, per week
};

struct MethodSpec {
  ForecastMethod method = ForecastMethod::kProfile;
  int weeks = 4;  // k of weekday_mean (same weekdays averaged), >= 1; ignored by other methods
  // profile / combined: the smoothing constant of the daily level minimises the squared errors
  // of leads 1 .. horizon_days (open days). Set by backtest() and forecast() to the horizon asked.
  int horizon_days = 1;
  // double_seasonal / combined: parameters to use; when absent they are fitted on the history.
  std::optional<DoubleSeasonalParameters> double_seasonal;
};

// "seasonal_naive", "weekday_mean(k=4)", "profile", "double_seasonal", "combined", "ets".
std::string method_name(const MethodSpec& method);

// The method named `name`: "auto" gives nullopt (choose by backtest); "weekday_mean" averages the
// last `weekday_mean_weeks` same weekdays. Throws InvalidInput "expected one of auto,
// seasonal_naive, weekday_mean, profile, double_seasonal, combined, ets, found \"...\"".
std::optional<MethodSpec> parse_method_name(std::string_view name, int weekday_mean_weeks = 4);

// Point forecasts (calls per slot, history grid) for each target day, using only the first
// `history_days` days of `history` (a rolling origin; pass history.day_count() for all). Target
// days must be strictly increasing and after the last day used. closed_days lists known future
// closures (holidays) for the after-closure uplift. Throws InvalidInput on an empty history, bad
// target days or k < 1.
std::vector<std::vector<double>> point_forecast(const IntervalSeries& history,
                                                std::size_t history_days, const MethodSpec& method,
                                                std::span<const std::int64_t> target_days,
                                                std::span<const std::int64_t> closed_days = {});

// Fits alpha, delta, omega of double_seasonal on the first history_days days (see above).
DoubleSeasonalParameters fit_double_seasonal(const IntervalSeries& history,
                                             std::size_t history_days);

// The after-closure calendar factor u estimated from the first history_days days (1 when the
// history holds no after-closure day).
double after_closure_uplift(const IntervalSeries& history, std::size_t history_days);

// Over-dispersion of counts around a point forecast mu, as squared coefficients of variation of
// two independent multiplicative mean-one factors: one shared by all slots of a day (level error
// of the day) and one per slot. Given the factors, counts are Poisson.
// The slot factor's variance may depend on the slot of the day (early and late slots of a day
// are relatively less predictable): by_slot[s] when given, slot_variance otherwise.
struct Dispersion {
  double day_variance = 0.0;    // >= 0
  double slot_variance = 0.0;   // >= 0, pooled over slots
  std::vector<double> by_slot;  // per slot of the day, each >= 0; may be empty

  // The dispersion of one slot (by_slot folded into slot_variance).
  Dispersion for_slot(std::size_t slot) const {
    return Dispersion{day_variance, slot < by_slot.size() ? by_slot[slot] : slot_variance, {}};
  }
  // Squared coefficient of variation of the product of both factors (pooled slot variance).
  double total_variance() const { return (1.0 + day_variance) * (1.0 + slot_variance) - 1.0; }
};

// Central prediction intervals for a count with mean mu (calls per slot; pass
// dispersion.for_slot(s) for slot-specific variances). The count is modelled as
// Poisson given a Gamma(mean 1, variance k) factor, k = dispersion.total_variance(), i.e. negative
// binomial with mean mu and variance mu + k mu^2 (Poisson when k = 0). Bounds are integer
// quantiles rounded outwards (lower bound = largest q with P(Y < q) <= (1 - level) / 2, upper =
// smallest q with P(Y <= q) >= (1 + level) / 2), so coverage is at least the level under the model.
struct PredictionBounds {
  double lo80 = 0, hi80 = 0, lo95 = 0, hi95 = 0;
};
PredictionBounds prediction_bounds(double mu, const Dispersion& dispersion);
// P(Y <= calls) under the same model (0 for calls < 0).
double count_cdf(double calls, double mu, const Dispersion& dispersion);

}  // namespace staffsim::models
