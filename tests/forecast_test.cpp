#include "models/forecast.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/distributions/poisson.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

constexpr std::int64_t kMonday = days_from_civil({2003, 3, 3});
const IntradayGrid kGrid{3600, 8 * 3600, 12 * 3600};  // four one-hour slots, 08:00-12:00

// A deterministic weekly pattern: weekday w has its own total and its own intraday shape.
std::vector<double> pattern(int weekday, double level) {
  const double total = level * (1.0 + 0.1 * weekday);
  const double shape[5][4] = {{0.1, 0.4, 0.3, 0.2},
                              {0.2, 0.3, 0.3, 0.2},
                              {0.25, 0.25, 0.25, 0.25},
                              {0.3, 0.3, 0.2, 0.2},
                              {0.1, 0.2, 0.3, 0.4}};
  std::vector<double> day(4);
  for (int s = 0; s < 4; ++s) day[s] = total * shape[weekday][s];
  return day;
}

// Weekdays (Mon-Fri) from kMonday for `days` calendar days, skipping `missing`; level(day).
IntervalSeries weekly_series(int days, const std::vector<std::int64_t>& missing,
                             double (*level)(int)) {
  IntervalSeries s(kGrid);
  for (int d = 0; d < days; ++d) {
    const std::int64_t day = kMonday + d;
    const int wd = weekday_from_days(day);
    if (wd >= 5 || std::find(missing.begin(), missing.end(), day) != missing.end()) continue;
    s.add_day(day, pattern(wd, level(d)));
  }
  return s;
}

// Large daily totals keep the profile's James-Stein weight toward the pooled shape, V / D2, near
// 1e-6, so the weekday shapes come back essentially unshrunk.
constexpr double kLevel = 1e6;
double flat(int) {
  return kLevel;
}
double step(int d) {
  return d < 42 ? kLevel : 2 * kLevel;
}

MethodSpec spec(ForecastMethod m, int k = 4) {
  MethodSpec s;
  s.method = m;
  s.weeks = k;
  return s;
}

void expect_near_pattern(const std::vector<std::vector<double>>& f,
                         const std::vector<std::int64_t>& days, double level, double rel) {
  ASSERT_EQ(f.size(), days.size());
  for (std::size_t t = 0; t < days.size(); ++t) {
    const auto expected = pattern(weekday_from_days(days[t]), level);
    for (int s = 0; s < 4; ++s) {
      EXPECT_NEAR(f[t][s], expected[s], rel * expected[s]) << "day " << t << " slot " << s;
    }
  }
}

TEST(Forecast, EveryMethodReproducesAPureWeeklyPattern) {
  // Nine weeks with a holiday on the Monday of week 4 and a missing Friday: calendar indexing
  // keeps each weekday's pattern in place after the gaps.
  const std::vector<std::int64_t> missing{kMonday + 21, kMonday + 46};
  const IntervalSeries s = weekly_series(63, missing, flat);
  const auto targets = next_open_days(s, 10);
  EXPECT_EQ(targets.front(), kMonday + 63);
  for (auto m :
       {ForecastMethod::kSeasonalNaive, ForecastMethod::kWeekdayMean, ForecastMethod::kProfile,
        ForecastMethod::kDoubleSeasonal, ForecastMethod::kCombined, ForecastMethod::kEts}) {
    SCOPED_TRACE(method_name(spec(m)));
    const auto f = point_forecast(s, s.day_count(), spec(m), targets);
    expect_near_pattern(f, targets, kLevel, m == ForecastMethod::kSeasonalNaive ? 1e-12 : 1e-4);
  }
}

TEST(Forecast, SeasonalNaiveUsesTheMostRecentSameWeekday) {
  // History ends Friday of week 2; the Monday of week 2 is missing: the Monday forecast takes
  // week 1's Monday (the most recent Monday), not the row five places back.
  IntervalSeries s(kGrid);
  for (int d = 0; d < 12; ++d) {
    const std::int64_t day = kMonday + d;
    if (weekday_from_days(day) >= 5 || d == 7) continue;
    s.add_day(day, std::vector<double>{1.0 * d, 2.0 * d, 3.0 * d, 0.0});
  }
  const std::vector<std::int64_t> targets{kMonday + 14, kMonday + 15};
  const auto f = point_forecast(s, s.day_count(), spec(ForecastMethod::kSeasonalNaive), targets);
  EXPECT_EQ(f[0], (std::vector<double>{0, 0, 0, 0}));    // Monday of week 1 (d = 0)
  EXPECT_EQ(f[1], (std::vector<double>{8, 16, 24, 0}));  // Tuesday of week 2 (d = 8)
  // weekday_mean(k=2) for Tuesday: (d = 1 and d = 8) / 2.
  const auto m = point_forecast(s, s.day_count(), spec(ForecastMethod::kWeekdayMean, 2), targets);
  EXPECT_EQ(m[1], (std::vector<double>{4.5, 9, 13.5, 0}));
  // Only the first 5 days (week 1) seen: the rolling origin hides later days.
  const auto early = point_forecast(s, 5, spec(ForecastMethod::kSeasonalNaive), targets);
  EXPECT_EQ(early[1], (std::vector<double>{1, 2, 3, 0}));
}

TEST(Forecast, StepChangeIsFollowed) {
  // Level 1000 for six weeks, then 2000 for three weeks.
  const IntervalSeries s = weekly_series(63, {}, step);
  const auto targets = next_open_days(s, 5);
  expect_near_pattern(
      point_forecast(s, s.day_count(), spec(ForecastMethod::kWeekdayMean, 2), targets), targets,
      2 * kLevel, 1e-12);
  expect_near_pattern(point_forecast(s, s.day_count(), spec(ForecastMethod::kProfile), targets),
                      targets, 2 * kLevel, 0.01);
  expect_near_pattern(
      point_forecast(s, s.day_count(), spec(ForecastMethod::kDoubleSeasonal), targets), targets,
      2 * kLevel, 0.05);
  // Not ets: on this noise-free series, whose weekly pattern doubles with the level, AICc picks
  // ETS(A,N,A): nearly all of either model's error is the one at the step, and the multiplicative
  // likelihood adds 2 sum log yhat, larger on the doubled days. An additive season cannot scale,
  // so the forecast has the new level but the old weekday differences (about 20% off on Monday).
  // tests/ets_test.cpp checks the level shift of the ETS models themselves.
}

TEST(Forecast, CombinedIsTheMeanOfProfileAndDoubleSeasonal) {
  const IntervalSeries s = weekly_series(63, {}, step);
  const auto targets = next_open_days(s, 3);
  const auto a = point_forecast(s, s.day_count(), spec(ForecastMethod::kProfile), targets);
  const auto b = point_forecast(s, s.day_count(), spec(ForecastMethod::kDoubleSeasonal), targets);
  const auto c = point_forecast(s, s.day_count(), spec(ForecastMethod::kCombined), targets);
  for (std::size_t t = 0; t < 3; ++t) {
    for (int k = 0; k < 4; ++k) EXPECT_NEAR(c[t][k], 0.5 * (a[t][k] + b[t][k]), 1e-9);
  }
}

TEST(Forecast, AfterClosureUplift) {
  // Mondays missing in weeks 3, 6 and 9 (holidays, away from month starts); the Tuesdays after
  // them carry 1.3 times the usual volume.
  IntervalSeries s(kGrid);
  const std::vector<int> holidays{14, 35, 56};  // 2003-03-17, 04-07, 04-28
  for (int d = 0; d < 70; ++d) {
    const std::int64_t day = kMonday + d;
    const int wd = weekday_from_days(day);
    if (wd >= 5 || std::find(holidays.begin(), holidays.end(), d) != holidays.end()) continue;
    auto counts = pattern(wd, kLevel);
    const bool after = std::find(holidays.begin(), holidays.end(), d - 1) != holidays.end();
    if (after) {
      for (double& c : counts) c *= 1.3;
    }
    s.add_day(day, counts);
  }
  // Three after-closure days with log ratio log 1.3 each: u = exp(3 / 5 * log 1.3).
  const double expected = std::exp(3.0 / 5.0 * std::log(1.3));
  EXPECT_NEAR(after_closure_uplift(s, s.day_count()), expected, 1e-12);
  // A declared holiday on the next Monday lifts the Tuesday forecast by u; the Wednesday is plain.
  const std::int64_t monday = kMonday + 77;
  const std::vector<std::int64_t> closed{monday};
  const std::vector<std::int64_t> targets{monday + 1, monday + 2};
  for (auto m : {ForecastMethod::kProfile, ForecastMethod::kDoubleSeasonal}) {
    const auto lifted = point_forecast(s, s.day_count(), spec(m), targets, closed);
    const auto plain = point_forecast(s, s.day_count(), spec(m), targets);
    for (int k = 0; k < 4; ++k) {
      EXPECT_NEAR(lifted[0][k], expected * plain[0][k], 1e-9 * plain[0][k]);
      EXPECT_NEAR(lifted[1][k], plain[1][k], 1e-9 * plain[1][k]);
    }
  }
}

std::string error_of(auto&& f) {
  try {
    f();
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

TEST(Forecast, Errors) {
  const IntervalSeries s = weekly_series(14, {}, flat);
  const std::vector<std::int64_t> saturday{kMonday + 19};
  EXPECT_EQ(
      error_of([&] { point_forecast(s, s.day_count(), spec(ForecastMethod::kProfile), saturday); }),
      "target_days: day 12133 is a Saturday, a weekday the history never holds; forecast "
      "only open weekdays");
  const std::vector<std::int64_t> past{kMonday + 3};
  EXPECT_EQ(
      error_of([&] { point_forecast(s, s.day_count(), spec(ForecastMethod::kProfile), past); }),
      "target_days must be increasing and after the last history day 12125, found 12117 "
      "after 12125");
  const std::vector<std::int64_t> ok{kMonday + 14};
  EXPECT_EQ(error_of([&] {
              point_forecast(s, s.day_count(), spec(ForecastMethod::kWeekdayMean, 0), ok);
            }),
            "weeks (k of weekday_mean) must be at least 1, found 0");
  EXPECT_EQ(error_of([&] { point_forecast(s, 0, spec(ForecastMethod::kProfile), ok); }),
            "history must hold at least one day, found none");
  EXPECT_EQ(error_of([] { prediction_bounds(-1.0, Dispersion{}); }),
            "mu must be finite and >= 0, found -1.000000");
}

// The bounds follow their definition, checked against boost's Poisson and negative binomial
// distributions: lower = min{q : F(q) > a}, upper = min{q : F(q) >= 1 - a}.
TEST(PredictionBounds, MatchTheirDefinition) {
  for (double mu : {0.3, 4.0, 37.5, 192.0, 1150.0, 40000.0}) {
    for (double k : {0.0, 0.0025, 0.04}) {
      SCOPED_TRACE("mu " + std::to_string(mu) + " k " + std::to_string(k));
      const PredictionBounds b = prediction_bounds(mu, Dispersion{k, 0.0, {}});
      auto cdf = [&](double q) {
        if (q < 0) return 0.0;
        if (k == 0) return boost::math::cdf(boost::math::poisson_distribution<>(mu), q);
        const double r = 1.0 / k;
        return boost::math::cdf(boost::math::negative_binomial_distribution<>(r, r / (r + mu)), q);
      };
      for (auto [lo, hi, a] : {std::tuple{b.lo80, b.hi80, 0.1}, {b.lo95, b.hi95, 0.025}}) {
        EXPECT_GT(cdf(lo), a);
        EXPECT_LE(cdf(lo - 1), a);
        EXPECT_GE(cdf(hi), 1 - a);
        EXPECT_LT(cdf(hi - 1), 1 - a);
      }
    }
  }
  const PredictionBounds zero = prediction_bounds(0.0, Dispersion{0.01, 0.01, {}});
  EXPECT_EQ(zero.hi95, 0.0);
}

// Monte Carlo coverage on simulated counts: each simulated day draws one Gamma day factor
// (variance 0.0025) shared by its 29 slots and Poisson counts given it. The fraction of a day's
// slots inside the 80% (95%) interval lies in [0, 1] and days are independent, so by Hoeffding's
// inequality the mean over N = 3000 days is within t = 0.045 of its expectation except with
// probability 2 exp(-2 N t^2) = 1.1e-5 per check (four checks: false failure < 1e-4). The
// expectation is computed exactly by summing the model's probabilities (boost distributions).
TEST(PredictionBounds, CoverageOnSimulatedCounts) {
  std::mt19937_64 rng(20031010);
  const double day_var = 0.0025;
  std::gamma_distribution<double> day_factor(1.0 / day_var, day_var);
  std::vector<double> mu;
  for (int s = 0; s < 29; ++s) mu.push_back(s == 28 ? 180.0 : 700.0 + 40.0 * (s % 9));
  const Dispersion dispersion{day_var, 0.0, {}};
  std::vector<PredictionBounds> bounds;
  double expected80 = 0, expected95 = 0;
  for (double m : mu) {
    bounds.push_back(prediction_bounds(m, dispersion));
    const double r = 1.0 / day_var;
    const boost::math::negative_binomial_distribution<> nb(r, r / (r + m));
    const auto& b = bounds.back();
    expected80 += (boost::math::cdf(nb, b.hi80) - boost::math::cdf(nb, b.lo80 - 1)) / mu.size();
    expected95 += (boost::math::cdf(nb, b.hi95) - boost::math::cdf(nb, b.lo95 - 1)) / mu.size();
  }
  EXPECT_GE(expected80, 0.8);
  EXPECT_GE(expected95, 0.95);
  const int days = 3000;
  double in80 = 0, in95 = 0;
  for (int d = 0; d < days; ++d) {
    const double factor = day_factor(rng);
    for (std::size_t s = 0; s < mu.size(); ++s) {
      std::poisson_distribution<long long> count(factor * mu[s]);
      const double y = static_cast<double>(count(rng));
      in80 += (y >= bounds[s].lo80 && y <= bounds[s].hi80) ? 1.0 / mu.size() : 0.0;
      in95 += (y >= bounds[s].lo95 && y <= bounds[s].hi95) ? 1.0 / mu.size() : 0.0;
    }
  }
  EXPECT_NEAR(in80 / days, expected80, 0.045);
  EXPECT_NEAR(in95 / days, expected95, 0.045);
}

}  // namespace
}  // namespace staffsim::models
