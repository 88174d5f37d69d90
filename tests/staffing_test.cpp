#include "models/staffing.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "models/erlang.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

// The smallest N meeting the targets by plain linear scan: an independent search to hold the
// solver's galloping bisection against.
int linear_scan(QueueModel model, const Workload& w, const StaffingTargets& t) {
  const double within = t.service_level ? t.service_level->within_s : 20;
  for (int n = 1;; ++n) {
    const QueueMetrics m = evaluate(model, w, n, within);
    if (!m.stable) continue;
    bool ok = true;
    if (t.service_level) {
      const double sl = t.service_level->basis == ServiceLevelBasis::offered
                            ? m.service_level
                            : m.service_level_answered;
      ok = ok && sl >= t.service_level->at_least;
    }
    if (t.max_asa_s) ok = ok && m.asa_s <= *t.max_asa_s;
    if (t.max_wait_probability) ok = ok && m.p_wait <= *t.max_wait_probability;
    if (t.max_abandon) ok = ok && m.p_abandon <= *t.max_abandon;
    if (t.max_occupancy) ok = ok && m.occupancy <= *t.max_occupancy;
    if (t.max_block) ok = ok && m.p_block <= *t.max_block;
    if (ok) return n;
  }
}

StaffingTargets sl_target(double p, double t_s,
                          ServiceLevelBasis basis = ServiceLevelBasis::offered) {
  StaffingTargets t;
  t.service_level = ServiceLevelGoal{p, t_s, basis};
  return t;
}

TEST(RequiredAgents, MatchesLinearScanAcrossLoads) {
  for (double load : {0.05, 0.7, 3.0, 17.5, 40.0, 123.4, 800.0, 2500.0}) {
    const Workload w{load / 240, 240, 180};
    SCOPED_TRACE(testing::Message() << "a=" << load);
    for (QueueModel model : {QueueModel::erlang_c, QueueModel::erlang_a}) {
      StaffingTargets t = sl_target(0.8, 20);
      EXPECT_EQ(required_agents(model, w, t).agents, linear_scan(model, w, t));
      t.max_asa_s = 10;
      EXPECT_EQ(required_agents(model, w, t).agents, linear_scan(model, w, t));
      StaffingTargets occ;
      occ.max_occupancy = 0.85;
      EXPECT_EQ(required_agents(model, w, occ).agents, linear_scan(model, w, occ));
      StaffingTargets pw;
      pw.max_wait_probability = 0.2;
      EXPECT_EQ(required_agents(model, w, pw).agents, linear_scan(model, w, pw));
    }
    StaffingTargets ab;
    ab.max_abandon = 0.05;
    EXPECT_EQ(required_agents(QueueModel::erlang_a, w, ab).agents,
              linear_scan(QueueModel::erlang_a, w, ab));
    StaffingTargets answered = sl_target(0.9, 30, ServiceLevelBasis::answered);
    EXPECT_EQ(required_agents(QueueModel::erlang_a, w, answered).agents,
              linear_scan(QueueModel::erlang_a, w, answered));
    StaffingTargets block;
    block.max_block = 0.01;
    EXPECT_EQ(required_agents(QueueModel::erlang_b, w, block).agents,
              linear_scan(QueueModel::erlang_b, w, block));
  }
}

TEST(RequiredAgents, ClassicEightyTwentyCase) {
  // 300 calls in 30 minutes with AHT 240 s: a = 40 E. Computed separately with exact rational
  // Erlang B recursion: P(wait) at 45 agents 0.340706, SL(20 s) = 0.775393 (< 80%); at 46
  // agents P(wait) 0.265791, SL 0.838790.
  const Workload w{300.0 / 1800, 240, 0};
  const StaffingResult r = required_agents(QueueModel::erlang_c, w, sl_target(0.8, 20));
  EXPECT_EQ(r.agents, 46);
  EXPECT_EQ(r.binding_target, "service_level");
  EXPECT_NEAR(r.metrics.service_level, 0.8387898060604344, 1e-12);
  EXPECT_NEAR(r.metrics.p_wait, 0.2657906758018547, 1e-12);
  EXPECT_NEAR(ErlangC(300.0 / 1800, 240, 45).service_level(20), 0.775392688775127, 1e-12);
}

TEST(RequiredAgents, ReportsTheBindingTarget) {
  const Workload w{300.0 / 1800, 240, 180};
  StaffingTargets t = sl_target(0.5, 60);
  t.max_occupancy = 0.7;  // 40 / 0.7 = 57.1: occupancy needs 58, far above the SL's need
  const StaffingResult r = required_agents(QueueModel::erlang_c, w, t);
  EXPECT_EQ(r.agents, 58);
  EXPECT_EQ(r.binding_target, "occupancy");
  StaffingTargets loose;
  loose.max_wait_probability = 0.999;
  EXPECT_EQ(required_agents(QueueModel::erlang_c, w, loose).binding_target, "stability");
  EXPECT_EQ(required_agents(QueueModel::erlang_c, w, loose).agents, 41);
}

TEST(RequiredAgents, ErlangAMayStaffBelowTheLoad) {
  // With impatient callers a loose abandonment target is met with fewer agents than Erlangs.
  const Workload w{1.0, 300, 60};  // a = 300 E, patience 60 s
  StaffingTargets t;
  t.max_abandon = 0.3;
  const StaffingResult r = required_agents(QueueModel::erlang_a, w, t);
  EXPECT_LT(r.agents, 300);
  EXPECT_LE(r.metrics.p_abandon, 0.3);
  EXPECT_GT(ErlangA(1.0, 300, 60, r.agents - 1).p_abandon(), 0.3);
  EXPECT_EQ(r.binding_target, "abandon");
}

TEST(RequiredAgents, ShrinkageGivesScheduledAgents) {
  const Workload w{300.0 / 1800, 240, 0};
  StaffingTargets t = sl_target(0.8, 20);
  t.shrinkage = 0.3;
  const StaffingResult r = required_agents(QueueModel::erlang_c, w, t);
  EXPECT_EQ(r.scheduled_agents, 66);  // 46 / 0.7 = 65.7
  StaffingTargets exact;
  exact.max_occupancy = 0.5;  // 40 / 0.5 = 80 agents; 80 / (1 - 0.2) = 100 exactly
  exact.shrinkage = 0.2;
  EXPECT_EQ(required_agents(QueueModel::erlang_c, w, exact).agents, 80);
  EXPECT_EQ(required_agents(QueueModel::erlang_c, w, exact).scheduled_agents, 100);
}

TEST(Shrinkage, ScheduledAgentsByHand) {
  EXPECT_EQ(agents_to_schedule(46, 0.3), 66);   // 46 / 0.7 = 65.71
  EXPECT_EQ(agents_to_schedule(70, 0.3), 100);  // exactly 100, although 70 / 0.7 > 100 in doubles
  EXPECT_EQ(agents_to_schedule(7, 0.3), 10);    // 7 / 0.7 = 10.000000000000002 in doubles
  EXPECT_EQ(agents_to_schedule(0, 0.3), 0);
  EXPECT_EQ(agents_to_schedule(13, 0), 13);
  EXPECT_EQ(agents_on_duty(100, 0.3), 70);  // 100 * 0.7 = 69.99999999999999 in doubles
  EXPECT_EQ(agents_on_duty(66, 0.3), 46);   // 46.2
  EXPECT_EQ(agents_on_duty(10, 0.3), 7);
  EXPECT_EQ(agents_on_duty(13, 0), 13);
  EXPECT_EQ(agents_on_duty(0, 0.5), 0);
}

TEST(Shrinkage, ScheduledIsTheSmallestRosterThatPutsTheAgentsOnDuty) {
  // For every whole percentage and many tenths of one, every staffing up to 3000: the roster puts
  // at least the agents on duty, one agent fewer on the roster would not, and it is the ceiling of
  // agents / (1 - s) computed in exact integer arithmetic (s = k / 1000).
  for (int per_mille = 0; per_mille < 1000; per_mille += 7) {
    const double s = per_mille / 1000.0;
    for (int n = 0; n <= 3000; n += (n < 200 ? 1 : 37)) {
      const int m = agents_to_schedule(n, s);
      const long long exact = (1000LL * n + (1000 - per_mille) - 1) / (1000 - per_mille);
      ASSERT_EQ(m, exact) << "n=" << n << " s=" << s;
      ASSERT_GE(agents_on_duty(m, s), n) << "n=" << n << " s=" << s;
      if (m > 0) {
        ASSERT_LT(agents_on_duty(m - 1, s), n) << "n=" << n << " s=" << s;
      }
      // floor(m (1 - s)) in exact integer arithmetic.
      ASSERT_EQ(agents_on_duty(m, s), m * (1000LL - per_mille) / 1000) << "m=" << m << " s=" << s;
    }
  }
}

TEST(Shrinkage, RejectsOutOfRange) {
  EXPECT_THROW(agents_to_schedule(5, 1.0), InvalidInput);
  EXPECT_THROW(agents_to_schedule(5, -0.1), InvalidInput);
  EXPECT_THROW(agents_on_duty(5, 1.0), InvalidInput);
  EXPECT_THROW(agents_on_duty(-1, 0.1), InvalidInput);
}

TEST(RequiredAgents, ZeroVolumeNeedsNoAgent) {
  const StaffingResult r =
      required_agents(QueueModel::erlang_c, Workload{0, 240, 0}, sl_target(0.8, 20));
  EXPECT_EQ(r.agents, 0);
  EXPECT_EQ(r.scheduled_agents, 0);
  EXPECT_EQ(r.binding_target, "none");
}

TEST(RequiredAgents, LargeCentre) {
  // 20,000 Erlangs: the solve is exact there too (check against the neighbours).
  const Workload w{20000.0 / 300, 300, 0};
  const StaffingResult r = required_agents(QueueModel::erlang_c, w, sl_target(0.8, 20));
  EXPECT_GE(ErlangC(w.rate_per_s, 300, r.agents).service_level(20), 0.8);
  EXPECT_LT(ErlangC(w.rate_per_s, 300, r.agents - 1).service_level(20), 0.8);
}

TEST(RequiredAgentsSeries, SolvesEachInterval) {
  const std::vector<Workload> ws{{0.1, 240, 0}, {0, 240, 0}, {0.5, 300, 0}};
  const auto rs = required_agents_series(QueueModel::erlang_c, ws, sl_target(0.8, 20));
  ASSERT_EQ(rs.size(), 3u);
  for (std::size_t i = 0; i < ws.size(); ++i) {
    EXPECT_EQ(rs[i].agents,
              required_agents(QueueModel::erlang_c, ws[i], sl_target(0.8, 20)).agents);
  }
  try {
    required_agents_series(QueueModel::erlang_c, {{0.1, 240, 0}, {0.1, -5, 0}}, sl_target(0.8, 20));
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "interval 2: aht_s must be positive and finite, found -5");
  }
}

std::string solve_error(QueueModel model, const Workload& w, const StaffingTargets& t) {
  try {
    required_agents(model, w, t);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "no exception";
}

TEST(RequiredAgents, RejectsImpossibleOrMismatchedTargets) {
  const Workload w{0.1, 240, 0};
  EXPECT_EQ(solve_error(QueueModel::erlang_c, w, sl_target(1.2, 20)),
            "service-level target must be above 0% and below 100%, found 120%");
  EXPECT_EQ(solve_error(QueueModel::erlang_c, w, sl_target(1.0, 20)),
            "service-level target must be above 0% and below 100%, found 100%");
  EXPECT_EQ(solve_error(QueueModel::erlang_c, w, StaffingTargets{}),
            "no staffing target given: set a service level, ASA, wait probability, abandonment, "
            "occupancy or blocking target");
  StaffingTargets ab;
  ab.max_abandon = 0.05;
  EXPECT_EQ(solve_error(QueueModel::erlang_c, w, ab),
            "an abandonment target needs Erlang A (give a mean patience)");
  EXPECT_EQ(solve_error(QueueModel::erlang_b, w, sl_target(0.8, 20)),
            "Erlang B has no queue: service level, ASA, wait probability and abandonment targets "
            "need Erlang C or A (use a blocking target)");
  StaffingTargets block;
  block.max_block = 0.01;
  EXPECT_EQ(solve_error(QueueModel::erlang_c, w, block),
            "a blocking target needs Erlang B (Erlang C and A queue every contact)");
  StaffingTargets shrink = sl_target(0.8, 20);
  shrink.shrinkage = 1;
  EXPECT_EQ(solve_error(QueueModel::erlang_c, w, shrink),
            "shrinkage must be at least 0% and below 100%, found 100%");
  EXPECT_EQ(solve_error(QueueModel::erlang_a, w, sl_target(0.8, 20)),
            "patience must be positive for Erlang A, found 0s");
  StaffingTargets asa;
  asa.max_asa_s = 0;
  EXPECT_EQ(solve_error(QueueModel::erlang_c, w, asa), "ASA target must be positive, found 0s");
}

}  // namespace
}  // namespace staffsim::models
