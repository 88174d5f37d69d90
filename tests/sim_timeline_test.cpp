// The engine's clock: one continuous clock over the days of the horizon, the close of each day,
// nights, a window open around the clock, warm-up days, independent days and opening hours.
// Hand-worked timelines with scripted arrivals and deterministic durations: every expected figure
// below is worked out in the comment above its test.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "sim/replication.hpp"
#include "sim/simulator.hpp"
#include "tests/sim_builders.hpp"
#include "tests/sim_tally.hpp"

namespace staffsim::sim {
namespace {

using test_support::agent_group;
using test_support::contacts;
using test_support::group;
using test_support::handled;

ContactType contact_type(const std::string& name, std::size_t intervals, int group,
                         double handle_s) {
  ContactType t;
  t.name = name;
  t.arrivals.rate_per_s.assign(intervals, 0.0);
  t.routing = {{group, 0}};
  t.handle_time = Deterministic{handle_s};
  return t;
}

// One interval of 100 s. "slow" contacts (handle 150 s) go to group A, "fast" ones (handle 50 s)
// to group B, one agent each. Arrivals: slow at 0 and 10, fast at 0.
//   A: busy 0-150 with the first slow contact; the second waits until 150 (wait 140) and is served
//      until 300. At the close (100) a slow contact still waits, so A stays on duty: on duty 300,
//      busy 300.
//   B: busy 0-50, then idle. At the close nothing B may serve waits: B goes home at 100. On duty
//      100, busy 50 (occupancy 50%). A centre that kept every group until every queue is empty
//      would keep B until 150 (on duty 150, occupancy 33%) for a queue it never serves.
TEST(SimTimeline, AtTheCloseEachGroupStaysOnlyWhileSomeoneItMayServeWaits) {
  Scenario s;
  s.horizon.interval_s = 100;
  s.contact_types = {contact_type("slow", 1, 0, 150), contact_type("fast", 1, 1, 50)};
  s.agent_groups = {agent_group("A", {1}), agent_group("B", {1})};
  s.replications = 1;
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0, 10}, {0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 0).wait_answered_s, 140);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 300);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).on_duty_agent_s, 300);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 50);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).on_duty_agent_s, 100);
}

// A caller nobody on duty may serve at the close is closed then (no patience, group A has no
// agent in the last interval): counted abandoned at the close, its wait running to the close.
TEST(SimTimeline, CallersNobodyMayServeAtTheCloseAreClosedThen) {
  Scenario s;
  s.horizon.interval_s = 100;
  s.contact_types = {contact_type("calls", 1, 0, 10)};
  s.agent_groups = {agent_group("A", {0})};
  s.replications = 1;
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{30}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const ContactTally& t = contacts(r, m, 0, 0);
  EXPECT_EQ(t.abandoned, 1);
  EXPECT_EQ(t.unanswered_at_close, 1);
  EXPECT_DOUBLE_EQ(t.wait_all_s, 70);
}

// A window open around the clock (start 00:00, two intervals of 12 h) over two days: no close
// between the days. Staffing: none on day 1, one agent on day 2. A contact arrives at 100 s on
// each day (handle 10 s, no patience).
//   Day 1's contact waits through the day; at 86,400 s the day-2 agent takes it (wait 86,300 s,
//   counted in day 1's first interval) and is busy until 86,410.
//   Day 2's contact (86,500) is answered at once.
// Queue area of the type: 86,300 s, of which 43,100 in interval 0 (until 43,200) and 43,200 in
// interval 1. Its wait is beyond a day: the 90th percentile of interval 0 is that wait, within its
// histogram bin of 10 minutes.
TEST(SimTimeline, AroundTheClockTheNextDayServesWhoStillWaits) {
  Scenario s;
  s.horizon.interval_s = 43200;
  s.horizon.intervals_per_day = 2;
  s.horizon.days = 2;
  s.contact_types = {contact_type("calls", 4, 0, 10)};
  s.agent_groups = {agent_group("A", {0, 0, 1, 1})};
  s.replications = 1;
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{100}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const ContactTally& first = contacts(r, m, 0, 0);
  EXPECT_EQ(first.answered, 1);
  EXPECT_EQ(first.unanswered_at_close, 0);
  EXPECT_DOUBLE_EQ(first.wait_answered_s, 86300);
  EXPECT_DOUBLE_EQ(first.queue_area_s, 43100);
  EXPECT_DOUBLE_EQ(contacts(r, m, 1, 0).queue_area_s, 43200);
  EXPECT_NEAR(first.wait_p90_s, 86300, 600);
  const ContactTally& second = contacts(r, m, 2, 0);
  EXPECT_EQ(second.answered, 1);
  EXPECT_DOUBLE_EQ(second.wait_answered_s, 0);
  EXPECT_DOUBLE_EQ(group(r, m, 2, 0).busy_agent_s, 20);

  // The same days, each independent: day 1's contact is closed unanswered at day 1's end.
  s.horizon.days_independent = true;
  CompiledScenario independent(s);
  independent.scripted_arrivals_s = {{100}};
  const ReplicationTally alone = run_replication(independent, 1, 0);
  EXPECT_EQ(contacts(alone, independent, 0, 0).unanswered_at_close, 1);
  EXPECT_EQ(contacts(alone, independent, 2, 0).answered, 1);
}

// Warm-up days are simulated and discarded: three of them before a two-day horizon, two contacts
// a day: ten contacts generated, four counted (two a day).
TEST(SimTimeline, WarmUpDaysAreSimulatedButNotCounted) {
  Scenario s;
  s.horizon.interval_s = 100;
  s.horizon.days = 2;
  s.horizon.warmup_days = 3;
  s.contact_types = {contact_type("calls", 2, 0, 5)};
  s.agent_groups = {agent_group("A", {1, 1})};
  s.replications = 1;
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{10, 20}};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_EQ(r.contacts_generated, 10);
  EXPECT_EQ(contacts(r, m, 0, 0).offered, 2);
  EXPECT_EQ(contacts(r, m, 1, 0).offered, 2);
  EXPECT_EQ(contacts(r, m, 4, 0).offered, 4);  // the horizon: intervals 0-1, days 2-3, then 4
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).on_duty_agent_s, 100);
}

// Opening hours: the type is open in intervals 0-1 of 4, the group in intervals 1-3. Rate 1/s,
// 20 agents, handle 1 s: no contact arrives in intervals 2-3, and nobody is on duty in interval 0
// (its contacts wait until interval 1 opens the group).
TEST(SimTimeline, OpeningHoursCloseContactTypesAndGroups) {
  Scenario s;
  s.horizon.interval_s = 600;
  s.horizon.intervals_per_day = 4;
  ContactType t = contact_type("calls", 4, 0, 1);
  t.arrivals.rate_per_s.assign(4, 1.0);
  t.open = {1, 1, 0, 0};
  s.contact_types = {t};
  AgentGroup g = agent_group("A", {20, 20, 20, 20});
  g.open = {0, 1, 1, 1};
  s.agent_groups = {g};
  s.replications = 3;
  const Results r = simulate(s);
  EXPECT_GT(r.by_type_interval[0][0].offered.mean, 400);
  EXPECT_GT(r.by_type_interval[1][0].offered.mean, 400);
  EXPECT_EQ(r.by_type_interval[2][0].offered.mean, 0);
  EXPECT_EQ(r.by_type_interval[3][0].offered.mean, 0);
  EXPECT_EQ(r.by_group_interval[0][0].on_duty_agent_s.mean, 0);
  EXPECT_DOUBLE_EQ(r.by_group_interval[1][0].on_duty_agent_s.mean, 20 * 600);
  EXPECT_EQ(r.by_type_interval[0][0].p_wait.mean, 1);  // every contact of interval 0 waited
  EXPECT_EQ(r.by_type_interval[0][0].abandon_rate.mean, 0);
}

// When every contact is finished by the close, continuous days and independent days see the same
// contacts, draws and events; only the clock differs (day d starts at d x 24 h instead of 0), so
// counts agree exactly and waits to rounding.
TEST(SimTimeline, ContinuousDaysWithNothingLeftOverEqualIndependentDays) {
  Scenario s;
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 4;
  s.horizon.days = 3;
  ContactType t = contact_type("calls", 12, 0, 0);
  t.arrivals.rate_per_s.assign(12, 0.05);
  t.arrivals.day_cv = 0.1;
  t.handle_time = Lognormal{240, 120};
  t.patience = Exponential{120};
  s.contact_types = {t};
  s.agent_groups = {agent_group("A", std::vector<int>(12, 11))};
  s.replications = 4;
  s.seed = 5;
  const Results continuous = simulate(s);
  s.horizon.days_independent = true;
  const Results independent = simulate(s);
  ASSERT_EQ(continuous.by_type_day.size(), 3u);
  for (std::size_t d = 0; d < 3; ++d) {
    const ContactKpis& a = continuous.by_type_day[d][0];
    const ContactKpis& b = independent.by_type_day[d][0];
    EXPECT_EQ(a.offered.mean, b.offered.mean);
    EXPECT_EQ(a.answered.mean, b.answered.mean);
    EXPECT_EQ(a.abandoned.mean, b.abandoned.mean);
    EXPECT_NEAR(a.wait_mean_s.mean, b.wait_mean_s.mean, 1e-6);
  }
  EXPECT_EQ(continuous.events_processed, independent.events_processed);
}

}  // namespace
}  // namespace staffsim::sim
