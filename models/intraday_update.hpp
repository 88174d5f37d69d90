// Intraday reforecasting: the rest of a day updated from the calls observed so far on it, and the
// rolling-origin backtest of that update.
//
// Model (a random day effect, Weinberg, Brown & Stroud 2007, JASA 102:1185, sections 2-4; Shen &
// Huang 2008, Annals of Applied Statistics 2:601, section 5 "dynamic within-day updating", both on
// this bank's 5-minute series). The day-ahead forecast mu(s) of slot s is right up to a level
// factor D shared by all slots of the day and an independent slot factor e(s):
//     D ~ Gamma(mean 1, variance V),   V = Dispersion::day_variance (the backtest's estimate),
//     y(s) | D, e(s) ~ Poisson(mu(s) D e(s)),   E e(s) = 1, Var e(s) = v(s) = Dispersion::by_slot.
// At the update, slots 0 .. c-1 have been observed: O = sum_{s<c} y(s) against F = sum_{s<c}
// mu(s) forecast so far.
//
// Without slot over-dispersion (v = 0) the Gamma prior is conjugate: with shape a = rate b = 1/V,
// the posterior is Gamma(a + O, b + F), whose mean is
//     Dhat = (1/V + O) / (1/V + F) = 1 + Z (O/F - 1),   Z = V F / (V F + 1),
// a credibility weight Z on the observed ratio O/F and 1 - Z on the prior mean 1 (Buhlmann and
// Straub's credibility; the Poisson-gamma case of Weinberg et al.'s day-level update). With slot
// over-dispersion the posterior is no longer Gamma; the best linear (Bayes) estimator of D from
// O keeps the same form with the variance of O taken whole:
//     Var O = Var E[O|D] + E Var[O|D] = V F^2 + F + (1 + V) S2,   S2 = sum_{s<c} mu(s)^2 v(s),
//     Z = V F^2 / (V F^2 + F + (1 + V) S2),   Dhat = 1 + Z (O/F - 1),
// which reduces to V F / (V F + 1) when S2 = 0. Z is the reliability of the morning: near 0 after
// a few calls (Dhat stays near the prior 1), near 1 once F is large against 1 / V and the slot
// noise is small. The plain ratio O / F is the case Z = 1: it takes the morning's noise for a
// level shift and, on the bank data, makes the afternoon worse than not updating at all.
//
// The rest of the day is forecast as Dhat mu(s), s >= c. Its prediction intervals are those of
// models/forecast.hpp (negative binomial) with the day factor's prior variance V replaced by the
// posterior's squared coefficient of variation
//     W = (1 - Z) V / Dhat,
// exact for the Gamma posterior when S2 = 0 ((a + O) / (b + F)^2 / Dhat^2 = (1 - Z) V / Dhat),
// and the linear-Bayes posterior variance (1 - Z) V scaled the same way otherwise. Slot factors
// keep their variances: the morning tells nothing about the afternoon's slot noise.
//
// Parts of a day. On the bank data that model takes the morning for better evidence than it is:
// across days, the seen part's ratio O/F and the rest's ratio A/Fa share far less variance than
// the daily totals carry (at 12:00, Cov(O/F, A/Fa) is about a third of V), because the errors of
// a day-ahead forecast are partly errors of the day's shape (a busy morning, a quiet evening), not
// of its level. So the level of each part is D times a factor of its own, independent between the
// seen part and the rest, and the prior is made of three variances:
//     Vs = Var D (shared),  Vm = Vs + Var(own factor of the seen part),  Va = Vs + Var(rest's),
// estimated by the method of moments on lead-1 rolling-origin forecasts of the history, cut at
// the same time of day (estimate_intraday_prior):
//     Vs = mean (O/F - 1)(A/Fa - 1)   (Poisson and slot noise are independent between the parts),
//     Vm = mean [(O/F - 1)^2 - 1/F - S2/F^2],   Va the same for the rest (each at least Vs).
// The best linear estimator of the rest's level then is
//     Z = Vs F^2 / (Vm F^2 + F + (1 + Vm) S2),   Dhat = 1 + Z (O/F - 1),
// and the rest's level factor keeps the variance W = (Va - Vs) + (1 - Z) Vs / Dhat. With
// Vs = Vm = Va = V (IntradayPrior::day_effect) this is the pure day-effect update above.
//
// Units: counts are calls per slot of one grid (any resolution; the update is exact for any grid
// on which the observed part ends at a slot boundary), V and v are dimensionless squared
// coefficients of variation, as in Dispersion.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/backtest.hpp"
#include "models/forecast.hpp"
#include "models/interval_series.hpp"

namespace staffsim::models {

// The prior of the levels of the seen part of a day and of its rest (see above).
struct IntradayPrior {
  double shared_variance = 0;  // Vs
  double seen_variance = 0;    // Vm >= Vs
  double rest_variance = 0;    // Va >= Vs
  int days = 0;                // pairs estimated from; 0 for the pure day-effect model
  // The pure day-effect model: Vs = Vm = Va = day_variance.
  static IntradayPrior day_effect(double day_variance) {
    return IntradayPrior{day_variance, day_variance, day_variance, 0};
  }
};

// Estimates the prior from lead-1 rolling-origin forecasts (origins as in intraday_backtest) on
// the first history_days days of history, scored on the grid of interval_s seconds (0: the
// history's) cut after seen_slots slots; dispersion gives the slot variances for S2. With fewer
// than kMinimumPriorDays pairs it returns IntradayPrior::day_effect(dispersion.day_variance).
inline constexpr int kMinimumPriorDays = 10;
IntradayPrior estimate_intraday_prior(const IntervalSeries& history, std::size_t history_days,
                                      const MethodSpec& method, std::int64_t interval_s,
                                      int seen_slots, int origin_weeks,
                                      const Dispersion& dispersion);
// The posterior of the day's level factor after the first observed.size() slots.
struct DayLevelPosterior {
  double observed = 0;     // O: calls in the observed slots
  double expected = 0;     // F: day-ahead forecast of those slots
  double weight = 0;       // Z in [0, 1]: credibility of the observed ratio
  double factor = 1;       // Dhat = 1 + Z (O/F - 1): the posterior mean, applied to the rest
  double variance = 0;     // W: squared coefficient of variation of the factor (prior: V)
  double plain_ratio = 1;  // O / F (1 when F = 0), for reference
};

// Throws InvalidInput when observed has more slots than forecast, or a value is negative or not
// finite. With no observed slot (or F = 0) the posterior is the prior: factor 1, variance Va.
// dispersion gives the slot variances v(s); prior the level variances.
DayLevelPosterior update_day_level(std::span<const double> forecast,
                                   std::span<const double> observed, const Dispersion& dispersion,
                                   const IntradayPrior& prior);

// The rest of a day: the slots first_slot .. end of its grid, updated by `level`.
struct RestOfDayForecast {
  std::int64_t day = 0;  // days since 1970-01-01
  int first_slot = 0;    // the first slot not observed
  DayLevelPosterior level;
  std::vector<double> calls, lo80, hi80, lo95, hi95;  // per slot from first_slot on
};

// Updates the day-ahead forecast `day_ahead` (calls per slot of the whole day) with the calls
// `observed` in its first observed.size() slots (see above). `dispersion` is the backtest's at
// the same grid: its slot variances give S2 and the intervals; prior the level variances.
RestOfDayForecast reforecast_rest_of_day(std::int64_t day, std::span<const double> day_ahead,
                                         std::span<const double> observed,
                                         const Dispersion& dispersion, const IntradayPrior& prior);

// ---- backtest of the update ------------------------------------------------------------------
//
// Rolling origin as in models/backtest.hpp, lead 1: every history day (or, with origin_weeks W >
// 0, every one within the last W weeks of the history) (at least 20 days after its start, as there)
// whose next open date is in the history is an origin; the target is that next day, seen up to
// as_of_s. On the evaluation grid (the history's, or evaluation_interval_s when it divides into it;
// as_of_s must be a boundary of that grid) three forecasts of the slots from as_of_s on are scored:
// the day-ahead forecast, the reliability-weighted update and the plain-ratio update. The update's
// dispersion and prior are out of sample: estimated by models::backtest (lead 1, the same grid and
// origin_weeks) and estimate_intraday_prior on the history before the first scored target day;
// when that history is too short to be backtested, on the whole history (in_sample_dispersion
// says so). day_effect_only uses the pure day-effect prior (Vs = Vm = Va = day_variance).
struct IntradayBacktestOptions {
  std::int64_t as_of_s = std::int64_t{12} * 3600;  // seconds after midnight, on the evaluation grid
  // 0: every usable origin; the default keeps the earlier history for estimating the update's
  // variances out of sample (the first weeks of origins would otherwise estimate them in sample).
  int origin_weeks = 12;
  std::int64_t evaluation_interval_s = 1800;  // 0 or not a multiple: the history's interval
  bool coverage = true;                       // score the updated and day-ahead 80%/95% intervals
  bool day_effect_only = false;
};

struct IntradayDayScore {
  std::int64_t day = 0;  // the target day
  DayLevelPosterior level;
  double rest_actual = 0;                                             // calls from as_of on
  double rest_day_ahead = 0, rest_updated = 0, rest_plain_ratio = 0;  // their forecasts
  double abs_error_day_ahead = 0, abs_error_updated = 0, abs_error_plain_ratio = 0;  // sum |e|
};

struct IntradayBacktestResult {
  IntradayGrid grid;        // the evaluation grid
  int first_rest_slot = 0;  // the slot starting at as_of_s
  Dispersion dispersion;    // the update's (at the evaluation grid)
  IntradayPrior prior;      // the update's
  bool in_sample_dispersion = false;
  std::vector<IntradayDayScore> days;
  // Rest of the day: per evaluation slot, and its total.
  AccuracyMetrics day_ahead, updated, plain_ratio;
  AccuracyMetrics total_day_ahead, total_updated, total_plain_ratio;
  // Fractions of rest-of-day slot counts inside the 80% / 95% intervals, day-ahead (prior day
  // variance) and updated (posterior).
  double coverage80_day_ahead = 0, coverage95_day_ahead = 0;
  double coverage80_updated = 0, coverage95_updated = 0;
};

// Throws InvalidInput when as_of_s is not a boundary of the evaluation grid strictly inside the
// day, or when the history cannot hold an origin.
IntradayBacktestResult intraday_backtest(const IntervalSeries& history, const MethodSpec& method,
                                         const IntradayBacktestOptions& options);

}  // namespace staffsim::models
