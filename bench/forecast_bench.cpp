// Forecasting speed on the real 5-minute bank series (155 days x 169 intervals).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>

#include "models/backtest.hpp"
#include "models/forecast.hpp"
#include "tools/history_csv.hpp"

namespace {

using namespace staffsim;

const models::IntervalSeries& bank() {
  static const models::IntervalSeries series = [] {
    const std::string path = std::string(STAFFSIM_SHARED_DATA_DIR) + "/bank_calls_5min_train.csv";
    if (!std::filesystem::exists(path)) {
      std::cerr << "real data missing: " << path << "\n";
      std::exit(1);
    }
    return tools::read_history(path, tools::HistoryOptions{}).series;
  }();
  return series;
}

// The whole `staffsim forecast --method auto --days 10 --interval 30m` computation: rolling-origin
// backtest of every candidate over the whole usable history, the nested choice at every origin,
// the final choice, fit and intervals.
void BM_Forecast_Auto_TwoWeeks(benchmark::State& state) {
  const auto& s = bank();
  models::ForecastRequest request;
  request.target_days = models::next_open_days(s, 10);
  request.interval_s = 1800;
  for (auto _ : state) benchmark::DoNotOptimize(models::forecast(s, request));
  state.counters["intervals/s"] =
      benchmark::Counter(static_cast<double>(s.day_count() * s.slot_count()),
                         benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Forecast_Auto_TwoWeeks)->Unit(benchmark::kMillisecond);

void BM_Forecast_Method_TwoWeeks(benchmark::State& state) {
  const auto& s = bank();
  models::MethodSpec method;
  method.method = static_cast<models::ForecastMethod>(state.range(0));
  method.horizon_days = 10;
  const auto targets = models::next_open_days(s, 10);
  state.SetLabel(models::method_name(method));
  for (auto _ : state) {
    benchmark::DoNotOptimize(models::point_forecast(s, s.day_count(), method, targets));
  }
}
BENCHMARK(BM_Forecast_Method_TwoWeeks)->DenseRange(0, 4)->Unit(benchmark::kMicrosecond);

void BM_Backtest_TwoWeeks(benchmark::State& state) {
  const auto& s = bank();
  models::MethodSpec method;
  method.method = static_cast<models::ForecastMethod>(state.range(0));
  models::BacktestOptions options;
  options.horizon_days = 10;
  options.coverage = false;
  state.SetLabel(models::method_name(method));
  for (auto _ : state) benchmark::DoNotOptimize(models::backtest(s, method, options));
}
BENCHMARK(BM_Backtest_TwoWeeks)->DenseRange(0, 4)->Unit(benchmark::kMillisecond);

void BM_PredictionBounds(benchmark::State& state) {
  const models::Dispersion d{0.003, 0.001, {}};
  double mu = 1000;
  for (auto _ : state) {
    benchmark::DoNotOptimize(models::prediction_bounds(mu, d));
    mu = mu < 2000 ? mu + 1.37 : 1000;
  }
}
BENCHMARK(BM_PredictionBounds);

}  // namespace

BENCHMARK_MAIN();
