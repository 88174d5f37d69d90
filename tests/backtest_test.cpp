#include "models/backtest.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "models/calendar.hpp"
#include "models/error.hpp"
#include "tools/history_csv.hpp"

namespace staffsim::models {
namespace {

constexpr std::int64_t kMonday = days_from_civil({2003, 3, 3});

// Five weeks of weekdays, two one-hour slots of 10 calls, except 20 per slot on the Wednesday of
// week 5.
IntervalSeries five_weeks() {
  IntervalSeries s(IntradayGrid{3600, 8 * 3600, 10 * 3600});
  for (int d = 0; d < 33; ++d) {
    if (weekday_from_days(kMonday + d) >= 5) continue;
    const double c = d == 30 ? 20.0 : 10.0;
    s.add_day(kMonday + d, std::vector<double>{c, c});
  }
  return s;
}

TEST(Backtest, HandWorkedSeasonalNaive) {
  MethodSpec naive;
  naive.method = ForecastMethod::kSeasonalNaive;
  BacktestOptions options;
  options.horizon_days = 1;
  options.origin_weeks = 1;
  options.evaluation_interval_s = 7200;
  const BacktestResult r = backtest(five_weeks(), naive, options);
  // The latest origin with a full horizon is Thursday of week 5; one week back from it, the
  // origins are Friday of week 4 and Monday..Thursday of week 5, each forecasting the next day as
  // 10 per slot. Only the Wednesday (20 per slot) is wrong: |error| 10 in 2 of 10 slots, actual
  // calls 2 * (10 + 10 + 20 + 10 + 10) = 120.
  EXPECT_EQ(r.origins, 5);
  EXPECT_EQ(r.scored_days, 5);
  EXPECT_DOUBLE_EQ(r.at_history.wape, 20.0 / 120.0);
  EXPECT_DOUBLE_EQ(r.at_history.mape, 1.0 / 10.0);
  EXPECT_DOUBLE_EQ(r.at_history.rmse, std::sqrt(200.0 / 10.0));
  ASSERT_TRUE(r.at_interval.has_value());
  EXPECT_DOUBLE_EQ(r.at_interval->wape, 20.0 / 120.0);
  EXPECT_DOUBLE_EQ(r.at_interval->rmse, std::sqrt(400.0 / 5.0));
  EXPECT_DOUBLE_EQ(r.daily.wape, 20.0 / 120.0);
  EXPECT_DOUBLE_EQ(r.daily.mape, 0.5 / 5.0);
  EXPECT_DOUBLE_EQ(r.daily.rmse, std::sqrt(400.0 / 5.0));
  // Day ratios 1, 1, 2, 1, 1 around forecasts of 20: mean (r-1)^2 = 0.2 minus Poisson 1/20.
  EXPECT_DOUBLE_EQ(r.dispersion_history.day_variance, 0.15);
  EXPECT_DOUBLE_EQ(r.dispersion_history.slot_variance, 0.0);
  EXPECT_EQ(r.dispersion_history.by_slot, (std::vector<double>{0.0, 0.0}));
}

TEST(Backtest, HorizonTheHistoryCannotSupport) {
  MethodSpec naive;
  naive.method = ForecastMethod::kSeasonalNaive;
  BacktestOptions options;
  options.horizon_days = 10;
  options.origin_weeks = 1;
  try {
    backtest(five_weeks(), naive, options);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "horizon_days: the history (25 days, 2003-03-03 to 2003-04-04) cannot support a "
                 "rolling-origin backtest 10 open days ahead: it needs an origin at least 20 days "
                 "after its first day with that many open days after it, found none");
  }
}

TEST(Forecast, AggregatedForecastIsTheSumOfItsParts) {
  const IntervalSeries s = five_weeks();
  ForecastRequest request;
  MethodSpec profile;
  profile.method = ForecastMethod::kProfile;
  request.method = profile;
  request.target_days = next_open_days(s, 2);
  request.origin_weeks = 1;
  request.interval_s = 3600;
  const ForecastResult fine = forecast(s, request);
  request.interval_s = 7200;
  const ForecastResult coarse = forecast(s, request);
  ASSERT_EQ(coarse.days.size(), 2u);
  for (std::size_t d = 0; d < 2; ++d) {
    EXPECT_DOUBLE_EQ(coarse.days[d].calls[0], fine.days[d].calls[0] + fine.days[d].calls[1]);
  }
}

// Acceptance on the real data: auto's rolling-origin WAPE at 30 minutes, every origin in the last
// 12 weeks, beats the best classical method measured on later weeks (7.0% one day ahead, 6.3%
// two weeks ahead).
TEST(Forecast, AutoBeatsTheClassicalBarOnTheBankData) {
  const std::string path = std::string(STAFFSIM_SHARED_DATA_DIR) + "/bank_calls_5min_train.csv";
  ASSERT_TRUE(std::filesystem::exists(path))
      << "real data missing: " << path
      << " (STAFFSIM_SHARED_DATA_DIR must point at the shared data folder)";
  const IntervalSeries s = tools::read_history(path, tools::HistoryOptions{}).series;
  for (auto [days, bar] : {std::pair{1, 0.070}, std::pair{10, 0.063}}) {
    ForecastRequest request;
    request.target_days = next_open_days(s, days);
    request.interval_s = 1800;
    const ForecastResult r = forecast(s, request);
    EXPECT_GE(r.backtest.origins, 45);
    EXPECT_LT(r.backtest.at_interval->wape, bar) << method_name(r.method);
    EXPECT_EQ(r.days.size(), static_cast<std::size_t>(days));
    EXPECT_EQ(r.days[0].calls.size(), 29u);
  }
}

}  // namespace
}  // namespace staffsim::models
