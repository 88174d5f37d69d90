// Erlang B/C/A evaluation and staffing-solve times from 10 to 20,000 agents.
//   build/bench/erlang_bench --benchmark_format=json
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "models/erlang.hpp"
#include "models/staffing.hpp"

namespace {

using staffsim::models::QueueModel;

// Agents N at 95% load, AHT 300 s.
double rate_for(int agents) {
  return 0.95 * agents / 300.0;
}

void BM_ErlangB_Evaluate(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(staffsim::models::erlang_b(0.95 * n, n));
}
BENCHMARK(BM_ErlangB_Evaluate)->ArgName("agents")->Arg(10)->Arg(100)->Arg(1000)->Arg(20000);

void BM_ErlangC_Evaluate(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const staffsim::models::ErlangC c(rate_for(n), 300, n);
    benchmark::DoNotOptimize(c.service_level(20));
    benchmark::DoNotOptimize(c.asa_s());
  }
}
BENCHMARK(BM_ErlangC_Evaluate)->ArgName("agents")->Arg(10)->Arg(100)->Arg(1000)->Arg(20000);

void BM_ErlangA_Evaluate(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const staffsim::models::ErlangA a(rate_for(n), 300, 180, n);
    benchmark::DoNotOptimize(a.p_abandon());
    benchmark::DoNotOptimize(a.service_level(20));
  }
}
BENCHMARK(BM_ErlangA_Evaluate)->ArgName("agents")->Arg(10)->Arg(100)->Arg(1000)->Arg(20000);

void BM_ErlangA_Asa(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const staffsim::models::ErlangA a(rate_for(n), 300, 180, n);
  for (auto _ : state) benchmark::DoNotOptimize(a.asa_s());
}
BENCHMARK(BM_ErlangA_Asa)->ArgName("agents")->Arg(10)->Arg(1000)->Arg(20000);

staffsim::models::StaffingTargets eighty_twenty() {
  staffsim::models::StaffingTargets t;
  t.service_level = staffsim::models::ServiceLevelGoal{0.8, 20};
  return t;
}

// One staffing solve (80% within 20 s) for a load of range(0) Erlangs.
void BM_ErlangC_Staffing(benchmark::State& state) {
  const double load = static_cast<double>(state.range(0));
  const staffsim::models::Workload w{load / 300, 300, 0};
  const auto targets = eighty_twenty();
  for (auto _ : state) {
    benchmark::DoNotOptimize(required_agents(QueueModel::erlang_c, w, targets).agents);
  }
}
BENCHMARK(BM_ErlangC_Staffing)
    ->ArgName("erlangs")
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(5000)
    ->Arg(20000);

void BM_ErlangA_Staffing(benchmark::State& state) {
  const double load = static_cast<double>(state.range(0));
  const staffsim::models::Workload w{load / 300, 300, 180};
  auto targets = eighty_twenty();
  targets.max_abandon = 0.05;
  for (auto _ : state) {
    benchmark::DoNotOptimize(required_agents(QueueModel::erlang_a, w, targets).agents);
  }
}
BENCHMARK(BM_ErlangA_Staffing)
    ->ArgName("erlangs")
    ->Arg(10)
    ->Arg(100)
    ->Arg(1000)
    ->Arg(5000)
    ->Arg(20000);

// 10,000 interval solves of a realistic day shape (loads 5 to 400 Erlangs).
void BM_ErlangC_StaffingSeries(benchmark::State& state) {
  std::vector<staffsim::models::Workload> workloads;
  for (int i = 0; i < 10000; ++i) {
    const double load = 5 + 395.0 * (0.5 + 0.5 * std::sin(i * 0.1));
    workloads.push_back({load / 300, 300, 0});
  }
  const auto targets = eighty_twenty();
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        required_agents_series(QueueModel::erlang_c, workloads, targets).size());
  }
  state.counters["intervals/s"] =
      benchmark::Counter(10000.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ErlangC_StaffingSeries)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
