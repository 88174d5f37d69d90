// Cost of fitting the handle-time families (the KS distance of the gamma fit evaluates the
// incomplete gamma function once per distinct value) and of the censored patience estimators,
// on samples the size of one contact type of a month-long call log.
#include <benchmark/benchmark.h>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>
#include <cmath>
#include <vector>

#include "models/duration_fit.hpp"
#include "models/patience.hpp"

namespace {

std::vector<double> handle_times(std::size_t n, bool whole_seconds) {
  boost::random::mt19937_64 engine(1);
  boost::random::lognormal_distribution<double> lognormal(4.7, 1.0);
  std::vector<double> x(n);
  for (double& v : x)
    v = whole_seconds ? std::max(1.0, std::round(lognormal(engine))) : lognormal(engine);
  return x;
}

std::vector<staffsim::models::WaitObservation> waits(std::size_t n) {
  boost::random::mt19937_64 engine(2);
  boost::random::exponential_distribution<double> patience(1.0 / 300), offered(1.0 / 120);
  std::vector<staffsim::models::WaitObservation> w(n);
  for (auto& o : w) {
    const double p = patience(engine), q = offered(engine);
    o = {std::max(0.5, std::round(std::min(p, q))), p < q};
  }
  return w;
}

void BM_FitDurations_Continuous(benchmark::State& state) {
  const auto x = handle_times(static_cast<std::size_t>(state.range(0)), false);
  for (auto _ : state) benchmark::DoNotOptimize(staffsim::models::fit_durations(x));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FitDurations_Continuous)->Arg(1'000)->Arg(32'000)->Unit(benchmark::kMillisecond);

void BM_FitDurations_WholeSeconds(benchmark::State& state) {
  const auto x = handle_times(static_cast<std::size_t>(state.range(0)), true);
  for (auto _ : state) benchmark::DoNotOptimize(staffsim::models::fit_durations(x));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_FitDurations_WholeSeconds)->Arg(1'000)->Arg(32'000)->Unit(benchmark::kMillisecond);

void BM_KaplanMeier(benchmark::State& state) {
  const auto w = waits(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(staffsim::models::kaplan_meier(w));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_KaplanMeier)->Arg(34'000)->Unit(benchmark::kMillisecond);

void BM_WeibullPatience(benchmark::State& state) {
  const auto w = waits(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(staffsim::models::fit_weibull_patience(w));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_WeibullPatience)->Arg(34'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
