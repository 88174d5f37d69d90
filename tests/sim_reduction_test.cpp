// The streaming reduction (sim/reduction.hpp): plans compared under common random numbers, their
// paired differences checked against an independent two-pass computation from the
// per-replication counts, and replications until precise enough.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "models/error.hpp"
#include "sim/estimate.hpp"
#include "sim/simulator.hpp"
#include "tests/sim_builders.hpp"
#include "tests/two_pass_estimate.hpp"

namespace staffsim::sim {
namespace {

using test_support::agent_group;
using test_support::contact_type;

// Two types, two groups with overflow, abandonment, two days.
Scenario centre() {
  Scenario s;
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 4;
  s.horizon.days = 2;
  ContactType vip =
      contact_type("vip", {0.02, 0.03, 0.03, 0.01, 0.02, 0.03, 0.03, 0.01}, {{0, 0}, {1, 30}});
  vip.priority = 1;
  vip.handle_time = Lognormal{240, 120};
  vip.patience = Exponential{120};
  ContactType general =
      contact_type("general", {0.1, 0.15, 0.12, 0.05, 0.1, 0.15, 0.12, 0.05}, {{1, 0}});
  general.handle_time = Gamma{180, 90};
  general.patience = Weibull{1.2, 200};
  general.targets.service_level = ServiceLevelTarget{20, 0.8};
  general.targets.max_abandon = 0.05;
  s.contact_types = {vip, general};
  s.agent_groups = {agent_group("vip desk", {5, 8, 8, 3, 5, 8, 8, 3}),
                    agent_group("frontline", {18, 28, 24, 9, 18, 28, 24, 9})};
  s.agent_groups[1].cost_per_hour = 30;
  s.replications = 40;
  s.seed = 7;
  return s;
}

double half(const Estimate& e) {
  return (e.ci_high - e.ci_low) / 2;
}

TEST(SimReduction, EachPlanGetsTheResultsItWouldGetAlone) {
  const Scenario a = centre();
  Scenario b = centre();
  b.agent_groups[1].staffing[1] += 1;
  const Comparison both = simulate_plans({&a, &b});
  const Results alone = simulate(b);
  ASSERT_EQ(both.plans.size(), 2u);
  ASSERT_EQ(both.differences.size(), 1u);
  const Results& r = both.plans[1];
  for (std::size_t i = 0; i < alone.by_type_interval.size(); ++i) {
    for (std::size_t c = 0; c < 2; ++c) {
      EXPECT_EQ(r.by_type_interval[i][c].service_level.mean,
                alone.by_type_interval[i][c].service_level.mean);
      EXPECT_EQ(r.by_type_interval[i][c].asa_s.ci_high, alone.by_type_interval[i][c].asa_s.ci_high);
    }
  }
  EXPECT_EQ(r.by_group[1].occupancy.ci_low, alone.by_group[1].occupancy.ci_low);
  EXPECT_EQ(r.agent_hours.mean, alone.agent_hours.mean);
  EXPECT_EQ(r.events_processed, alone.events_processed);
}

TEST(SimReduction, AStaffingChangeLeavesTheOfferedCallsIdentical) {
  // Common random numbers: the same callers arrive in both plans, so the paired difference of
  // offered calls is exactly 0 in every interval, and its interval is [0, 0].
  const Scenario a = centre();
  Scenario b = centre();
  b.agent_groups[1].staffing[2] -= 2;
  const Comparison both = simulate_plans({&a, &b});
  for (const auto& interval : both.differences[0].by_type_interval) {
    for (const ContactKpis& k : interval) {
      EXPECT_EQ(k.offered.mean, 0);
      EXPECT_EQ(k.offered.ci_low, 0);
      EXPECT_EQ(k.offered.ci_high, 0);
    }
  }
}

TEST(SimReduction, IdenticalPlansDifferByZero) {
  const Scenario a = centre();
  const Comparison both = simulate_plans({&a, &a});
  const Results& d = both.differences[0];
  for (std::size_t c = 0; c < 2; ++c) {
    EXPECT_EQ(d.by_type[c].service_level.mean, 0);
    EXPECT_NEAR(half(d.by_type[c].service_level), 0, 1e-12);
    EXPECT_EQ(d.by_type[c].asa_s.mean, 0);
    EXPECT_NEAR(half(d.by_type[c].asa_s), 0, 1e-9);
    EXPECT_FALSE(significant(d.by_type[c].service_level));
  }
  EXPECT_EQ(d.by_group[1].cost.mean, 0);
  EXPECT_TRUE(std::isnan(d.by_group[0].cost.mean));  // the vip desk has no cost
  EXPECT_EQ(d.agent_hours.mean, 0);
}

// The paired intervals of the horizon, recomputed in two passes from the per-replication counts
// (an independent implementation of the formulas of sim/reduction.hpp).
TEST(SimReduction, PairedIntervalsMatchATwoPassComputation) {
  const Scenario a = centre();
  Scenario b = centre();
  b.agent_groups[1].staffing = {17, 27, 23, 9, 17, 27, 23, 9};
  const Comparison both = simulate_plans({&a, &b});
  const auto& ca = both.plans[0].replication_counts;
  const auto& cb = both.plans[1].replication_counts;
  const std::size_t n = ca.size();
  ASSERT_EQ(n, 40u);
  const double t = student_t_975(static_cast<int>(n) - 1);
  for (std::size_t c = 0; c < 2; ++c) {
    // Answered calls: a plain mean of differences.
    std::vector<double> diff(n);
    double mean = 0;
    for (std::size_t r = 0; r < n; ++r) {
      diff[r] = static_cast<double>(cb[r][c].answered - ca[r][c].answered);
      mean += diff[r] / static_cast<double>(n);
    }
    double squares = 0;
    for (double v : diff) squares += (v - mean) * (v - mean);
    const double answered_half = t * std::sqrt(squares / static_cast<double>(n - 1) / n);
    const Estimate& answered = both.differences[0].by_type[c].answered;
    EXPECT_NEAR(answered.mean, mean, 1e-9);
    EXPECT_NEAR(half(answered), answered_half, 1e-9 * answered_half);

    // Mean wait of all offered calls: ratio of sums, paired linearisation.
    double xa = 0, ya = 0, xb = 0, yb = 0;
    for (std::size_t r = 0; r < n; ++r) {
      xa += ca[r][c].wait_sum_s;
      ya += static_cast<double>(ca[r][c].offered);
      xb += cb[r][c].wait_sum_s;
      yb += static_cast<double>(cb[r][c].offered);
    }
    const double ra = xa / ya, rb = xb / yb;
    const double ma = ya / static_cast<double>(n), mb = yb / static_cast<double>(n);
    std::vector<double> z(n);
    double z_mean = 0;
    for (std::size_t r = 0; r < n; ++r) {
      z[r] = (cb[r][c].wait_sum_s - rb * static_cast<double>(cb[r][c].offered)) / mb -
             (ca[r][c].wait_sum_s - ra * static_cast<double>(ca[r][c].offered)) / ma;
      z_mean += z[r] / static_cast<double>(n);
    }
    double z_squares = 0;
    for (double v : z) z_squares += (v - z_mean) * (v - z_mean);
    const double wait_half = t * std::sqrt(z_squares / static_cast<double>(n - 1) / n);
    const Estimate& wait = both.differences[0].by_type[c].wait_mean_s;
    EXPECT_NEAR(wait.mean, rb - ra, 1e-9 * std::abs(rb));
    EXPECT_NEAR(half(wait), wait_half, 1e-6 * wait_half);
  }
}

TEST(SimReduction, PlanEstimatesMatchTheTwoPassFormulas) {
  // The running moments give the estimates the two-pass definitions give from the
  // per-replication counts (tests/two_pass_estimate.hpp).
  const Results r = simulate(centre());
  for (std::size_t c = 0; c < 2; ++c) {
    std::vector<double> answered, wait, offered;
    for (const auto& replication : r.replication_counts) {
      answered.push_back(static_cast<double>(replication[c].answered));
      wait.push_back(replication[c].wait_sum_s);
      offered.push_back(static_cast<double>(replication[c].offered));
    }
    const Estimate a = test_support::mean_estimate(answered);
    EXPECT_NEAR(r.by_type[c].answered.mean, a.mean, 1e-9 * a.mean);
    EXPECT_NEAR(r.by_type[c].answered.ci_high, a.ci_high, 1e-9 * a.ci_high);
    const Estimate w = test_support::ratio_estimate(wait, offered);
    EXPECT_NEAR(r.by_type[c].wait_mean_s.mean, w.mean, 1e-9 * w.mean);
    EXPECT_NEAR(r.by_type[c].wait_mean_s.ci_low, w.ci_low, 1e-9 * w.mean);
  }
}

TEST(SimReduction, PairedDifferencesAreMuchNarrowerThanIndependentOnes) {
  // One agent more in one interval. Independent runs would estimate the difference with a
  // half-width of about sqrt(h_a^2 + h_b^2); under common random numbers the two plans see the
  // same calls and differ only where the agent changes something, so the paired half-width is a
  // small fraction of it. The seeds are fixed, so the test is deterministic; the bound 1/3 leaves
  // a wide margin (the ratios are 0.08 to 0.2 here).
  const Scenario a = centre();
  Scenario b = centre();
  b.agent_groups[1].staffing[1] += 1;
  const Comparison both = simulate_plans({&a, &b});
  auto check = [](const Estimate& x, const Estimate& y, const Estimate& d) {
    const double independent = std::hypot(half(x), half(y));
    EXPECT_LT(half(d), independent / 3);
  };
  const Results& pa = both.plans[0];
  const Results& pb = both.plans[1];
  const Results& d = both.differences[0];
  check(pa.by_type[1].service_level, pb.by_type[1].service_level, d.by_type[1].service_level);
  check(pa.by_type[1].asa_s, pb.by_type[1].asa_s, d.by_type[1].asa_s);
  check(pa.by_type_interval[1][1].service_level, pb.by_type_interval[1][1].service_level,
        d.by_type_interval[1][1].service_level);
  check(pa.by_type_interval[1][1].abandon_rate, pb.by_type_interval[1][1].abandon_rate,
        d.by_type_interval[1][1].abandon_rate);
  // The extra agent helps: the difference in that interval is significant and positive.
  EXPECT_TRUE(significant(d.by_type_interval[1][1].service_level));
  EXPECT_GT(d.by_type_interval[1][1].service_level.mean, 0);
  // Intervals before the change are untouched.
  EXPECT_EQ(d.by_type_interval[0][1].service_level.mean, 0);
  EXPECT_EQ(d.by_type_interval[0][1].service_level.ci_high, 0);
}

TEST(SimReduction, ComparisonsAreBitIdenticalForOneAndTwoThreads) {
  const Scenario a = centre();
  Scenario b = centre();
  b.agent_groups[0].staffing[2] += 1;
  RunOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const Comparison x = simulate_plans({&a, &b}, one);
  const Comparison y = simulate_plans({&a, &b}, two);
  for (std::size_t i = 0; i < 8; ++i) {
    for (std::size_t c = 0; c < 2; ++c) {
      const Estimate& p = x.differences[0].by_type_interval[i][c].wait_mean_s;
      const Estimate& q = y.differences[0].by_type_interval[i][c].wait_mean_s;
      EXPECT_EQ(p.mean, q.mean);
      EXPECT_EQ(p.ci_low, q.ci_low);
    }
  }
}

TEST(SimReduction, ReplicationsUntilPreciseEnough) {
  Scenario s = centre();
  s.replications = 10;
  RunOptions options;
  options.precision = Precision{0.03, 0.03, 0, 0.05, 400};
  const Results r = simulate(s, options);
  EXPECT_GT(r.replications, 10);
  EXPECT_LT(r.replications, 400);
  const PrecisionCheck check = check_precision({&s}, {r}, *options.precision);
  EXPECT_TRUE(check.reached);
  EXPECT_LE(check.half_width, 0.03);
  // Every checked KPI is within the limit: the general type's targets, the vip type's service
  // level and abandon rate (it has no targets), per interval and over the horizon.
  for (const auto& interval : r.by_type_interval) {
    EXPECT_LE(half(interval[1].service_level), 0.03);
    EXPECT_LE(half(interval[1].abandon_rate), 0.03);
    EXPECT_LE(half(interval[0].service_level), 0.03);
  }
  // The count depends only on the results, not on threads.
  options.threads = 1;
  EXPECT_EQ(simulate(s, options).replications, r.replications);
}

TEST(SimReduction, PrecisionStopsAtItsCapAndSaysWhatIsStillWide) {
  Scenario s = centre();
  s.replications = 5;
  RunOptions options;
  options.precision = Precision{0.0001, 0.0001, 0, 0, 12};
  const Results r = simulate(s, options);
  EXPECT_EQ(r.replications, 12);
  const PrecisionCheck check = check_precision({&s}, {r}, *options.precision);
  EXPECT_FALSE(check.reached);
  EXPECT_GT(check.ratio, 1);
  EXPECT_EQ(check.limit, 0.0001);
}

TEST(SimReduction, RejectsPlansOfDifferentCentres) {
  const Scenario a = centre();
  Scenario b = centre();
  b.horizon.days = 1;
  for (auto& t : b.contact_types) t.arrivals.rate_per_s.resize(4);
  for (auto& g : b.agent_groups) g.staffing.resize(4);
  try {
    simulate_plans({&a, &b});
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "plan 2 has days 1, plan 1 has 2: plans compare only over the same horizon");
  }
  Scenario c = centre();
  c.contact_types[1].name = "retail";
  try {
    simulate_plans({&a, &c});
    FAIL() << "expected InvalidInput";
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "plan 2 has contact type 2 \"retail\", plan 1 has \"general\": plans compare "
                 "only with the same contact types (by key), in order");
  }
  c.contact_types[1].key = "general";  // renamed, same stream key: comparable
  EXPECT_NO_THROW(simulate_plans({&a, &c}));
}

}  // namespace
}  // namespace staffsim::sim
