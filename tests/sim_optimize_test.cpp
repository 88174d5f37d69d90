// Simulation-optimized staffing (sim/optimize.hpp): the iterative staffing algorithm with its
// search finds plans that meet every target in every interval, close to the exact Erlang
// requirement where Erlang is exact, and repairs a plan whose Erlang start falls short.
#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "models/staffing.hpp"
#include "sim/optimize.hpp"
#include "tests/sim_builders.hpp"

namespace staffsim::sim {
namespace {

using test_support::agent_group;
using test_support::contact_type;

// M/M/n over `rates` (per second), 1-hour intervals, exponential handle time of 5 minutes,
// service level 80% within 20 s.
Scenario stationary_centre(const std::vector<double>& rates, std::vector<int> staffing) {
  Scenario s;
  s.horizon.interval_s = 3600;
  s.horizon.intervals_per_day = static_cast<int>(rates.size());
  s.horizon.warmup_s = 3600;
  ContactType calls = contact_type("calls", rates, {{0, 0}});
  calls.handle_time = Exponential{300};
  calls.targets.service_level = ServiceLevelTarget{20, 0.8};
  s.contact_types = {calls};
  s.agent_groups = {agent_group("agents", std::move(staffing))};
  s.replications = 60;
  s.seed = 5;
  return s;
}

int erlang_c_agents(double rate_per_s) {
  models::StaffingTargets targets;
  targets.service_level = models::ServiceLevelGoal{0.8, 20};
  return models::required_agents(models::QueueModel::erlang_c, {rate_per_s, 300, 0}, targets)
      .agents;
}

TEST(SimOptimize, StationaryIntervalsLandOnTheErlangRequirement) {
  // Long intervals at constant rates: each interval is close to its steady state, where Erlang C
  // is exact. "Met" asks for the whole 95% interval above 80%, so the optimized plan may keep one
  // agent (rarely two) above the exact requirement, never fewer: a plan below it misses 80% in
  // expectation, and its interval would have to lie above 80% by chance (1 in 40 at most per
  // interval and only when the shortfall is tiny).
  const std::vector<double> rates = {20.0 / 3600 * 12, 40.0 / 3600 * 12, 30.0 / 3600 * 12};
  const Scenario s = stationary_centre(rates, {10, 10, 10});  // far too few to start
  OptimizeOptions options;
  const std::vector<std::vector<int>> start = {{10, 10, 10}};
  const OptimizeResult r = optimize_staffing(s, start, options);
  EXPECT_TRUE(r.met);
  EXPECT_FALSE(target_gaps(s, r.start_results).met);
  ASSERT_EQ(r.staffing.size(), 1u);
  for (std::size_t i = 0; i < rates.size(); ++i) {
    const int exact = erlang_c_agents(rates[i]);
    EXPECT_GE(r.staffing[0][i], exact) << "interval " << i;
    EXPECT_LE(r.staffing[0][i], exact + 2) << "interval " << i;
  }
  EXPECT_GT(r.simulations, 2);
}

TEST(SimOptimize, ATimeVaryingDayWithAbandonmentMeetsEveryTargetInEveryInterval) {
  // Half-hours with a sharp morning peak, abandonment and an overflow desk; the start is the
  // pointwise Erlang C plan shifted one interval late (a ramp behind the calls).
  Scenario s;
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 6;
  const std::vector<double> per_half_hour = {120, 300, 420, 360, 240, 150};
  std::vector<double> rates;
  for (double v : per_half_hour) rates.push_back(v / 1800);
  ContactType calls = contact_type("calls", rates, {{0, 0}, {1, 60}});
  calls.handle_time = Lognormal{240, 200};
  calls.patience = Exponential{180};
  calls.targets.service_level = ServiceLevelTarget{20, 0.8};
  calls.targets.max_abandon = 0.05;
  s.contact_types = {calls};
  std::vector<int> late;
  int previous = erlang_c_agents(rates.front() * 300 / 240);  // about the first interval's need
  for (double rate : rates) {
    models::StaffingTargets targets;
    targets.service_level = models::ServiceLevelGoal{0.8, 20};
    const int need =
        models::required_agents(models::QueueModel::erlang_c, {rate, 240, 0}, targets).agents;
    late.push_back(previous);
    previous = need;
  }
  s.agent_groups = {agent_group("frontline", late), agent_group("overflow", {2, 2, 2, 2, 2, 2})};
  s.replications = 40;
  s.seed = 3;
  OptimizeOptions options;
  const OptimizeResult r = optimize_staffing(s, {late, {}}, options);
  EXPECT_FALSE(target_gaps(s, r.start_results).met);
  EXPECT_TRUE(r.met);
  EXPECT_EQ(r.staffing[1], (std::vector<int>{2, 2, 2, 2, 2, 2}));  // not planned: kept
  EXPECT_FALSE(r.planned[1]);
  for (const auto& interval : r.results.by_type_interval) {
    EXPECT_EQ(interval[0].verdicts.service_level, TargetVerdict::met);
    EXPECT_EQ(interval[0].verdicts.abandon_rate, TargetVerdict::met);
  }
  // The same plan simulated on its own gives the same verdicts (common random numbers, the
  // scenario's seed).
  Scenario optimized = s;
  optimized.agent_groups[0].staffing = r.staffing[0];
  const Results again = simulate(optimized);
  EXPECT_EQ(again.by_type[0].service_level.mean, r.results.by_type[0].service_level.mean);
}

}  // namespace
}  // namespace staffsim::sim
