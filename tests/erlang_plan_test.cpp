// sim/erlang_plan.hpp: the Erlang plan of a scenario. The agents are held against queueing figures
// computed here independently of models/ (the Erlang C formula from the Erlang B recursion, and the
// birth-death chain of M/M/N+M for abandonment), against hand-worked sums and roundings, and the
// type-to-group rules are checked on small scenarios built in C++.
#include "sim/erlang_plan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "tests/error_message.hpp"

namespace staffsim::sim {
namespace {

using test_support::error_message;

// Erlang C service level (answered within t / offered) at n agents, load a = lambda * aht:
// C(n, a) = B / (1 - rho (1 - B)) from the Erlang B recursion, SL = 1 - C exp(-(n - a) t / aht).
double erlang_c_service_level(double rate, double aht, int n, double t) {
  const double a = rate * aht;
  if (a >= n) return 0;
  double b = 1;
  for (int k = 1; k <= n; ++k) b = a * b / (k + a * b);
  const double rho = a / n;
  const double c = b / (1 - rho * (1 - b));
  return 1 - c * std::exp(-(n - a) * t / aht);
}

// The smallest n with Erlang C service level >= p.
int erlang_c_agents(double rate, double aht, double p, double t) {
  int n = 1;
  while (erlang_c_service_level(rate, aht, n, t) < p) ++n;
  return n;
}

// P(abandon) of M/M/n+M from its birth-death chain (births lambda; deaths min(k, n) mu +
// max(k - n, 0) theta), truncated where the probabilities vanish: theta E[(K - n)+] / lambda.
double mmn_m_abandon(double rate, double aht, double patience, int n) {
  const double mu = 1 / aht, theta = 1 / patience;
  std::vector<double> p = {1.0};
  double total = 1, queued = 0;
  for (int k = 1; k < n + 100000; ++k) {
    const double death = std::min(k, n) * mu + std::max(k - n, 0) * theta;
    p.push_back(p.back() * rate / death);
    total += p.back();
    queued += std::max(k - n, 0) * p.back();
    if (k > n && p.back() < 1e-300) break;
  }
  return theta * (queued / total) / rate;
}

ContactType calls(const std::string& name, std::vector<double> rates, int group) {
  ContactType t;
  t.name = name;
  t.arrivals.rate_per_s = std::move(rates);
  t.handle_time = Exponential{240};
  t.routing = {{group, 0}};
  t.targets.service_level = ServiceLevelTarget{20, 0.8, ServiceLevelDefinition::offered};
  return t;
}

AgentGroup agents(const std::string& name, std::size_t intervals) {
  AgentGroup g;
  g.name = name;
  g.staffing.assign(intervals, 1);
  return g;
}

// Three half-hours: 300, 150 and 0 calls of 4 minutes for a service level of 80% in 20 s.
Scenario one_type() {
  Scenario s;
  s.name = "one type";
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 3;
  s.contact_types = {calls("calls", {300.0 / 1800, 150.0 / 1800, 0.0}, 0)};
  s.agent_groups = {agents("team", 3)};
  return s;
}

TEST(ErlangPlan, ErlangCAgentsAreTheSmallestThatMeetTheServiceLevel) {
  const ErlangPlan plan = erlang_plan(one_type());
  ASSERT_EQ(plan.types.size(), 1u);
  const TypePlan& p = plan.types[0];
  EXPECT_EQ(p.model, models::QueueModel::erlang_c);
  EXPECT_DOUBLE_EQ(p.aht_s, 240.0);
  EXPECT_TRUE(p.has_targets);
  // 40 and 20 Erlangs; the independent Erlang C search gives 46 and 25 (46 also in
  // tests/erlang_cli_test.cpp by exact rational computation).
  EXPECT_EQ(erlang_c_agents(300.0 / 1800, 240, 0.8, 20), 46);
  EXPECT_EQ(p.need[0].agents, 46);
  EXPECT_EQ(p.need[1].agents, erlang_c_agents(150.0 / 1800, 240, 0.8, 20));
  EXPECT_EQ(p.need[2].agents, 0);  // no calls, no agent
  EXPECT_EQ(p.need[0].binding_target, "service_level");
  EXPECT_DOUBLE_EQ(plan.offered_load[0][0], 40.0);
  EXPECT_DOUBLE_EQ(plan.offered_load[0][1], 20.0);
  EXPECT_EQ(plan.required_on_duty[0], (std::vector<int>{46, p.need[1].agents, 0}));
  EXPECT_EQ(plan.scheduled[0], plan.required_on_duty[0]);  // no shrinkage
}

TEST(ErlangPlan, ErlangAForATypeWithPatienceUsesItsMeanPatience) {
  Scenario s = one_type();
  s.contact_types[0].targets = {};
  s.contact_types[0].targets.max_abandon = 0.03;
  // A lognormal patience of mean 180 s: Erlang A takes exponential patience of that mean.
  s.contact_types[0].patience = Lognormal{180, 400};
  const ErlangPlan plan = erlang_plan(s);
  const TypePlan& p = plan.types[0];
  EXPECT_EQ(p.model, models::QueueModel::erlang_a);
  EXPECT_DOUBLE_EQ(p.patience_s, 180.0);
  EXPECT_TRUE(p.patience_not_exponential);
  for (std::size_t i = 0; i < 2; ++i) {
    const double rate = s.contact_types[0].arrivals.rate_per_s[i];
    const int n = p.need[i].agents;
    SCOPED_TRACE(i);
    EXPECT_LE(mmn_m_abandon(rate, 240, 180, n), 0.03);
    EXPECT_GT(mmn_m_abandon(rate, 240, 180, n - 1), 0.03);
  }
  // An exponential patience says nothing to note.
  s.contact_types[0].patience = Exponential{180};
  EXPECT_FALSE(erlang_plan(s).types[0].patience_not_exponential);
  EXPECT_EQ(erlang_plan(s).types[0].need[0].agents, p.need[0].agents);
}

// Each type's requirement goes to the first group of its routing; a group sums its types; a group
// no type lists first requires nothing; shrinkage schedules ceil(required / (1 - s)).
TEST(ErlangPlan, TypesGoToTheirFirstGroupAndGroupsScheduleForShrinkage) {
  Scenario s;
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 2;
  s.contact_types = {calls("a", {300.0 / 1800, 150.0 / 1800}, 1),
                     calls("b", {150.0 / 1800, 300.0 / 1800}, 1),
                     calls("c", {300.0 / 1800, 300.0 / 1800}, 0)};
  s.contact_types[0].routing.push_back({0, 30});  // overflow to group 0: not in the plan
  s.agent_groups = {agents("x", 2), agents("y", 2), agents("z", 2)};
  s.agent_groups[1].shrinkage = 0.25;
  const ErlangPlan plan = erlang_plan(s);
  const int n300 = erlang_c_agents(300.0 / 1800, 240, 0.8, 20);  // 46
  const int n150 = erlang_c_agents(150.0 / 1800, 240, 0.8, 20);
  EXPECT_EQ(plan.types[0].group, 1);
  EXPECT_EQ(plan.required_on_duty[0], (std::vector<int>{n300, n300}));
  EXPECT_EQ(plan.required_on_duty[1], (std::vector<int>{n300 + n150, n150 + n300}));
  EXPECT_EQ(plan.required_on_duty[2], (std::vector<int>{0, 0}));
  const int y = n300 + n150;
  EXPECT_EQ(plan.scheduled[1], (std::vector<int>{(4 * y + 2) / 3, (4 * y + 2) / 3}));  // y / 0.75
  EXPECT_EQ(plan.scheduled[0], plan.required_on_duty[0]);
  EXPECT_DOUBLE_EQ(plan.offered_load[1][0], 60.0);  // 40 + 20 Erlangs
}

TEST(ErlangPlan, ClosedIntervalsAuthorityCostAndTypesWithoutTargets) {
  Scenario s = one_type();
  s.contact_types[0].arrivals.rate_per_s = {300.0 / 1800, 300.0 / 1800, 300.0 / 1800};
  s.contact_types[0].open = {1, 0, 1};
  // The group's authority cost: 240 s x 1.25 + 60 s = 360 s a contact.
  s.agent_groups[0].authority_cost.handle_time_factor = 1.25;
  s.agent_groups[0].authority_cost.added_s = 60;
  ErlangPlan plan = erlang_plan(s);
  EXPECT_DOUBLE_EQ(plan.types[0].aht_s, 360.0);
  EXPECT_EQ(plan.required_on_duty[0][0], erlang_c_agents(300.0 / 1800, 360, 0.8, 20));
  EXPECT_EQ(plan.required_on_duty[0][1], 0);  // closed: no arrivals
  EXPECT_DOUBLE_EQ(plan.types[0].rate_per_s[1], 0.0);
  // No target: no requirement, and no solve. max_abandon without patience is met as it is.
  s.contact_types[0].targets = {};
  s.contact_types[0].targets.max_abandon = 0.05;
  plan = erlang_plan(s);
  EXPECT_FALSE(plan.types[0].has_targets);
  EXPECT_TRUE(plan.types[0].abandon_target_left_out);
  EXPECT_EQ(plan.required_on_duty[0], (std::vector<int>{0, 0, 0}));
  EXPECT_DOUBLE_EQ(plan.offered_load[0][0], 60.0);
}

TEST(ErlangPlan, ServiceLevelDefinitions) {
  Scenario s = one_type();
  s.contact_types[0].patience = Exponential{300};
  s.contact_types[0].targets.service_level->definition =
      ServiceLevelDefinition::exclude_short_abandons;
  ErlangPlan plan = erlang_plan(s);
  EXPECT_TRUE(plan.types[0].service_level_as_offered);
  EXPECT_EQ(plan.types[0].targets.service_level->basis, models::ServiceLevelBasis::offered);
  s.contact_types[0].targets.service_level->definition = ServiceLevelDefinition::answered;
  plan = erlang_plan(s);
  EXPECT_FALSE(plan.types[0].service_level_as_offered);
  EXPECT_EQ(plan.types[0].targets.service_level->basis, models::ServiceLevelBasis::answered);
  // Without patience the short-abandon definition is the offered one, exactly: nothing to note.
  s.contact_types[0].patience.reset();
  s.contact_types[0].targets.service_level->definition =
      ServiceLevelDefinition::exclude_short_abandons;
  EXPECT_FALSE(erlang_plan(s).types[0].service_level_as_offered);
}

TEST(ErlangPlan, TargetsNoStaffingMeetsAreReportedWithTheirPaths) {
  Scenario s = one_type();
  s.contact_types.push_back(calls("vip", {0.01, 0.01, 0.01}, 0));
  s.contact_types[0].targets.service_level->at_least = 1;
  s.contact_types[1].patience = Exponential{100};
  s.contact_types[1].targets.max_abandon = 0;
  s.contact_types[1].targets.max_asa_s = 0;
  try {
    erlang_plan(s);
    FAIL() << "no error";
  } catch (const PlanError& e) {
    ASSERT_EQ(e.problems().size(), 3u);
    EXPECT_EQ(e.problems()[0].path, "contact_types[0].targets.service_level.at_least");
    EXPECT_EQ(e.problems()[0].message,
              "expected a service level above 0% and below 100% to plan for (no finite staffing "
              "answers every contact in time), found 100%");
    EXPECT_EQ(e.problems()[1].path, "contact_types[1].targets.max_asa");
    EXPECT_EQ(e.problems()[1].message,
              "expected an ASA above 0s to plan for (callers wait at any finite staffing), found "
              "0s");
    EXPECT_EQ(e.problems()[2].path, "contact_types[1].targets.max_abandon");
    EXPECT_EQ(std::string(e.what()),
              "contact_types[0].targets.service_level.at_least: " + e.problems()[0].message +
                  "\ncontact_types[1].targets.max_asa: " + e.problems()[1].message +
                  "\ncontact_types[1].targets.max_abandon: " + e.problems()[2].message);
  }
}

TEST(ErlangPlan, AnIntervalBeyondTheSolversReachNamesTheTypeAndInterval) {
  Scenario s = one_type();
  // The highest rate a scenario may have, with hour-long calls: 3.6 million Erlangs.
  s.contact_types[0].arrivals.rate_per_s[1] = kMaxArrivalRatePerS;
  s.contact_types[0].handle_time = Exponential{3600};
  EXPECT_EQ(error_message([&] { erlang_plan(s); }),
            "contact type \"calls\", horizon interval 2: no staffing up to 1000000 agents meets "
            "the targets");
}

}  // namespace
}  // namespace staffsim::sim
