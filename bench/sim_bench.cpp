// Benchmarks of the simulation engine. Counters: calls/s and events/s (simulated contacts and
// handled events per second of wall time, one thread), peak_pool (largest number of contact
// records alive at once: memory does not grow with the number of calls); for the escalation
// scenarios also issues/s (issues opened in the horizon, per second).
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "sim/simulator.hpp"
#include "tools/scenario_yaml.hpp"

namespace staffsim::sim {
namespace {

Scenario mmn(double hours, int agents = 320) {
  Scenario s;
  s.name = "M/M/320";
  s.horizon.interval_s = hours * 3600;
  ContactType t;
  t.name = "calls";
  t.arrivals.rate_per_s = {1.0};
  t.handle_time = Exponential{300};
  t.routing = {{0, 0}};
  s.contact_types = {t};
  AgentGroup g;
  g.name = "agents";
  g.staffing = {agents};
  s.agent_groups = {g};
  s.replications = 1;
  return s;
}

// A day of 48 half-hour intervals with a two-peak arrival profile, lognormal handle times,
// exponential / Weibull patience, and two skills: VIP contacts go to the VIP desk first and
// overflow to the frontline after 30 s.
Scenario two_skill_day() {
  Scenario s;
  s.name = "two skills";
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 48;
  std::vector<double> general_rate(48), vip_rate(48);
  std::vector<int> frontline(48), desk(48);
  for (int i = 0; i < 48; ++i) {
    const double h = i / 2.0;
    const double profile = std::exp(-std::pow((h - 10.5) / 2.5, 2)) +
                           0.8 * std::exp(-std::pow((h - 15) / 2.5, 2)) + 0.05;
    general_rate[static_cast<std::size_t>(i)] = 0.5 * profile;
    vip_rate[static_cast<std::size_t>(i)] = 0.08 * profile;
    frontline[static_cast<std::size_t>(i)] = static_cast<int>(std::ceil(0.5 * profile * 240 + 3));
    desk[static_cast<std::size_t>(i)] = static_cast<int>(std::ceil(0.08 * profile * 300 + 1));
  }
  ContactType general;
  general.name = "general";
  general.arrivals.rate_per_s = general_rate;
  general.handle_time = Lognormal{240, 160};
  general.patience = Weibull{1.3, 180};
  general.routing = {{0, 0}};
  ContactType vip;
  vip.name = "vip";
  vip.priority = 1;
  vip.arrivals.rate_per_s = vip_rate;
  vip.handle_time = Lognormal{300, 200};
  vip.patience = Exponential{240};
  vip.routing = {{1, 0}, {0, 30}};
  s.contact_types = {general, vip};
  AgentGroup front;
  front.name = "frontline";
  front.staffing = frontline;
  AgentGroup vip_desk;
  vip_desk.name = "vip desk";
  vip_desk.staffing = desk;
  s.agent_groups = {front, vip_desk};
  s.replications = 1;
  return s;
}

void run(benchmark::State& state, const Scenario& scenario) {
  RunOptions options;
  options.threads = 1;
  std::int64_t calls = 0, events = 0, peak = 0;
  std::uint64_t seed = 1;
  for (auto _ : state) {
    options.seed_override = seed++;
    const Results r = simulate(scenario, options);
    calls += r.simulated_contacts;
    events += r.events_processed;
    peak = std::max(peak, r.peak_contacts_in_system);
    benchmark::DoNotOptimize(r.by_type[0].service_level.mean);
  }
  state.counters["calls/s"] =
      benchmark::Counter(static_cast<double>(calls), benchmark::Counter::kIsRate);
  state.counters["events/s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["calls/iter"] =
      static_cast<double>(calls) / static_cast<double>(state.iterations());
  state.counters["peak_pool"] = static_cast<double>(peak);
}

// lambda = 1/s, exponential AHT 300 s, 320 agents, 8 hours: one replication per iteration.
void BM_Sim_MMN(benchmark::State& state) {
  run(state, mmn(8, static_cast<int>(state.range(0))));
}
BENCHMARK(BM_Sim_MMN)->ArgName("agents")->Arg(320)->Unit(benchmark::kMillisecond);

void BM_Sim_TwoSkillDay(benchmark::State& state) {
  run(state, two_skill_day());
}
BENCHMARK(BM_Sim_TwoSkillDay)->Unit(benchmark::kMillisecond);

// The same queue over 8 and 80 hours: ten times the calls, the same peak contact-pool size.
void BM_Sim_MMN_Memory(benchmark::State& state) {
  run(state, mmn(static_cast<double>(state.range(0))));
}
BENCHMARK(BM_Sim_MMN_Memory)->ArgName("hours")->Arg(8)->Arg(80)->Unit(benchmark::kMillisecond);

// The shipped escalation scenarios (scenarios/*.yaml), one replication per iteration: issues,
// transfers, work orders, call-backs, repeat calls and complaints over two weeks on one clock.
void BM_Sim_Escalation(benchmark::State& state, const char* file) {
  const Scenario scenario =
      tools::load_scenario_file(std::string(STAFFSIM_SOURCE_DIR) + "/scenarios/" + file);
  RunOptions options;
  options.threads = 1;
  options.replications_override = 1;
  std::int64_t calls = 0, issues = 0;
  std::uint64_t seed = 1;
  for (auto _ : state) {
    options.seed_override = seed++;
    const Results r = simulate(scenario, options);
    calls += r.simulated_contacts;
    for (const auto& counts : r.replication_issues) {
      for (const auto& c : counts) issues += c.issues;
    }
    benchmark::DoNotOptimize(r.by_type[0].service_level.mean);
  }
  state.counters["calls/s"] =
      benchmark::Counter(static_cast<double>(calls), benchmark::Counter::kIsRate);
  state.counters["issues/s"] =
      benchmark::Counter(static_cast<double>(issues), benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_Sim_Escalation, card_backoffice, "card-backoffice.yaml")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Sim_Escalation, telecom_authority, "telecom-authority.yaml")
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace staffsim::sim

BENCHMARK_MAIN();
