// Behaviour of the simulator on hand-worked timelines (scripted arrivals, deterministic handle
// times and patience) and its reproducibility guarantees.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "models/error.hpp"
#include "sim/estimate.hpp"
#include "sim/replication.hpp"
#include "sim/simulator.hpp"
#include "tests/sim_builders.hpp"
#include "tests/sim_tally.hpp"

namespace staffsim::sim {
namespace {

using test_support::agent_group;
using test_support::contact_type;
using test_support::contacts;
using test_support::group;
using test_support::handled;

Scenario one_queue(std::vector<int> staffing, double interval_s, double handle_s) {
  Scenario s;
  s.horizon.interval_s = interval_s;
  s.horizon.intervals_per_day = static_cast<int>(staffing.size());
  ContactType t = contact_type("calls", std::vector<double>(staffing.size(), 0.0), {{0, 0}});
  t.handle_time = Deterministic{handle_s};
  s.contact_types = {t};
  s.agent_groups = {agent_group("agents", std::move(staffing))};
  s.replications = 1;
  return s;
}

// Staffing 3 then 1 (intervals of 100 s), handle time 150 s, arrivals at 0, 10, 20, 30, 40.
// Hand-worked timeline:
//   0, 10, 20   answered at once by the three agents (busy until 150, 160, 170)
//   30, 40      wait
//   100         staffing drops to 1: nobody is idle, the three busy agents finish first
//   150, 160    two agents finish and leave (on duty 3 > 1 scheduled)
//   170         the last agent takes the contact of 30 (wait 140), then at 320 the one of 40
//               (wait 280); finished at 470.
// Interval 0 [0, 100): busy 100 + 90 + 80 = 270 agent-s, on duty 300, queue area 70 + 60 = 130.
// Interval 1 [100, 470) incl. close-out: busy 50 + 60 + 70 + 150 + 150 = 480, on duty
// 3*50 + 2*10 + 1*310 = 480, queue area 70 + 220 = 290.
TEST(SimSimulator, StaffingDropLetsBusyAgentsFinishThenLeave) {
  Scenario s = one_queue({3, 1}, 100, 150);
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {0, 10, 20, 30, 40};
  const ReplicationTally r = run_replication(m, 1, 0);
  const ContactTally& i0 = contacts(r, m, 0, 0);
  EXPECT_EQ(i0.offered, 5);
  EXPECT_EQ(i0.answered, 5);
  EXPECT_EQ(i0.queued, 2);
  EXPECT_EQ(i0.answered_within_target, 3);
  EXPECT_DOUBLE_EQ(i0.wait_answered_s, 420);
  EXPECT_DOUBLE_EQ(i0.queue_area_s, 130);
  EXPECT_EQ(i0.max_queue, 2);
  EXPECT_EQ(contacts(r, m, 1, 0).offered, 0);
  EXPECT_DOUBLE_EQ(contacts(r, m, 1, 0).queue_area_s, 290);
  EXPECT_EQ(contacts(r, m, 1, 0).max_queue, 2);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 270);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).on_duty_agent_s, 300);
  EXPECT_DOUBLE_EQ(group(r, m, 1, 0).busy_agent_s, 480);
  EXPECT_DOUBLE_EQ(group(r, m, 1, 0).on_duty_agent_s, 480);
}

// Staffing 1 then 3 (intervals of 100 s), handle 150 s, arrivals at 0, 10, 20: the two waiting
// contacts are taken at 100 by the new agents (waits 90 and 80), not later.
TEST(SimSimulator, NewAgentsTakeWaitingContactsAtOnce) {
  Scenario s = one_queue({1, 3}, 100, 150);
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {0, 10, 20};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_EQ(contacts(r, m, 0, 0).answered, 3);
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 0).wait_answered_s, 170);
  // Interval 0: 1 agent busy 100 s, on duty 100. Interval 1 [100, 250): busy 50 + 150 + 150,
  // on duty 3 agents until the queue-less close at 200, then only busy agents.
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 100);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).on_duty_agent_s, 100);
  EXPECT_DOUBLE_EQ(group(r, m, 1, 0).busy_agent_s, 350);
  EXPECT_DOUBLE_EQ(group(r, m, 1, 0).on_duty_agent_s, 3 * 100 + 2 * 50);
}

// VIP desk (1 agent) first, frontline (1 agent) after 30 s; handle 100 s; VIP contacts at 0, 5,
// 10. The contact of 5 becomes eligible for the idle frontline agent at exactly 35 and is taken
// then (wait exactly 30, counted within a 30 s target); the contact of 10 is eligible at 40, but
// frontline is busy, so the VIP agent takes it at 100 (wait 90).
TEST(SimSimulator, OverflowHappensExactlyWhenTheDelayExpires) {
  Scenario s = one_queue({1}, 3600, 100);
  s.agent_groups = {agent_group("vip desk", {1}), agent_group("frontline", {1})};
  s.contact_types[0].routing = {{0, 0}, {1, 30}};
  s.contact_types[0].targets.service_level = ServiceLevelTarget{30, 0.8};
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {0, 5, 10};
  const ReplicationTally r = run_replication(m, 1, 0);
  const ContactTally& t = contacts(r, m, 0, 0);
  EXPECT_EQ(t.answered, 3);
  EXPECT_DOUBLE_EQ(t.wait_answered_s, 0 + 30 + 90);
  EXPECT_EQ(t.answered_within_target, 2);
  EXPECT_EQ(handled(r, m, 0, 0, 0), 2);
  EXPECT_EQ(handled(r, m, 0, 1, 0), 1);
  // Frontline busy from 35 to 135: never before the delay.
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 100);
}

// Both groups may take the contact at once and both have an idle agent (handle 100 s): the contact
// of 0 goes to the first group in the routing list, the contact of 1 to the other one, and the
// contact of 2 waits until the first agent frees up (first choice, at 100: wait 98).
TEST(SimSimulator, ArrivalGoesToTheFirstGroupWithAnIdleAgent) {
  Scenario s = one_queue({1}, 3600, 100);
  s.agent_groups = {agent_group("second choice", {1}), agent_group("first choice", {1})};
  s.contact_types[0].routing = {{1, 0}, {0, 0}};
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {0, 1, 2};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_EQ(handled(r, m, 0, 1, 0), 2);  // contacts of 0 and 2
  EXPECT_EQ(handled(r, m, 0, 0, 0), 1);  // contact of 1
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 0).wait_answered_s, 98);
}

// One agent, handle 100 s. Low priority at 0 (served) and 10; high priority at 20. At 100 the
// agent takes the high-priority contact (wait 80) although the low one waited longer (190).
TEST(SimSimulator, FreedAgentTakesHighestPriorityFirst) {
  Scenario s = one_queue({1}, 3600, 100);
  s.contact_types.push_back(s.contact_types[0]);
  s.contact_types[0].name = "low";
  s.contact_types[1].name = "high";
  s.contact_types[1].priority = 1;
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {0, 10};
  m.scripted_arrivals_s[1] = {20};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 1).wait_answered_s, 80);
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 0).wait_answered_s, 0 + 190);
}

// Equal priorities: the longest-waiting contact across types goes first.
TEST(SimSimulator, EqualPrioritiesServeLongestWaitingFirst) {
  Scenario s = one_queue({1}, 3600, 100);
  s.contact_types.push_back(s.contact_types[0]);
  s.contact_types[1].name = "other";
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {0, 20};
  m.scripted_arrivals_s[1] = {10};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 1).wait_answered_s, 90);
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 0).wait_answered_s, 0 + 180);
}

// One agent, handle 100 s, patience 50 s, short abandons below 60 s. Arrivals at 0, 10, 50:
// the contact of 10 abandons at 60 (a short abandon); the contact of 50 would abandon at 100,
// the very instant the agent frees up: completions go first, so it is answered (wait 50).
TEST(SimSimulator, AbandonmentAndTheCompletionTie) {
  Scenario s = one_queue({1}, 3600, 100);
  s.contact_types[0].patience = Deterministic{50};
  s.short_abandon_s = 60;
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {0, 10, 50};
  const ReplicationTally r = run_replication(m, 1, 0);
  const ContactTally& t = contacts(r, m, 0, 0);
  EXPECT_EQ(t.offered, 3);
  EXPECT_EQ(t.answered, 2);
  EXPECT_EQ(t.abandoned, 1);
  EXPECT_EQ(t.short_abandoned, 1);
  EXPECT_DOUBLE_EQ(t.wait_answered_s, 50);
  EXPECT_DOUBLE_EQ(t.wait_all_s, 100);
}

// A contact nobody on duty can take, without patience, is closed at the end of the day.
TEST(SimSimulator, UnservableContactIsClosedAtTheEndOfTheDay) {
  Scenario s = one_queue({0}, 100, 10);
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {5};
  const ReplicationTally r = run_replication(m, 1, 0);
  const ContactTally& t = contacts(r, m, 0, 0);
  EXPECT_EQ(t.offered, 1);
  EXPECT_EQ(t.abandoned, 1);
  EXPECT_EQ(t.unanswered_at_close, 1);
  EXPECT_EQ(t.short_abandoned, 0);
}

// Two days, two skills with overflow, staffing changes, abandonment and busyness.
Scenario busy_centre() {
  Scenario s;
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 4;
  s.horizon.days = 2;
  s.horizon.warmup_s = 600;
  ContactType vip =
      contact_type("vip", {0.02, 0.03, 0.03, 0.01, 0.02, 0.03, 0.03, 0.01}, {{0, 0}, {1, 30}});
  vip.priority = 1;
  vip.handle_time = Lognormal{240, 120};
  vip.patience = Exponential{120};
  vip.arrivals.day_cv = 0.1;
  ContactType general =
      contact_type("general", {0.1, 0.15, 0.12, 0.05, 0.1, 0.15, 0.12, 0.05}, {{1, 0}});
  general.handle_time = Gamma{180, 90};
  general.patience = Weibull{1.2, 200};
  general.targets.service_level = ServiceLevelTarget{20, 0.8};
  s.contact_types = {vip, general};
  s.agent_groups = {agent_group("vip desk", {5, 8, 8, 3, 5, 8, 8, 3}),
                    agent_group("frontline", {18, 28, 24, 9, 18, 28, 24, 9})};
  s.replications = 6;
  s.seed = 99;
  return s;
}

// Bitwise equality (NaN equals NaN, 0 differs from -0).
void expect_same_bits(const Estimate& a, const Estimate& b) {
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.mean), std::bit_cast<std::uint64_t>(b.mean));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.ci_low), std::bit_cast<std::uint64_t>(b.ci_low));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.ci_high), std::bit_cast<std::uint64_t>(b.ci_high));
}

void expect_identical(const Results& a, const Results& b) {
  ASSERT_EQ(a.by_type_interval.size(), b.by_type_interval.size());
  for (std::size_t i = 0; i < a.by_type_interval.size(); ++i) {
    for (std::size_t c = 0; c < a.by_type_interval[i].size(); ++c) {
      const ContactKpis& x = a.by_type_interval[i][c];
      const ContactKpis& y = b.by_type_interval[i][c];
      for (auto field : {&ContactKpis::offered, &ContactKpis::answered, &ContactKpis::abandoned,
                         &ContactKpis::service_level, &ContactKpis::asa_s, &ContactKpis::wait_p90_s,
                         &ContactKpis::queue_mean, &ContactKpis::max_queue}) {
        expect_same_bits(x.*field, y.*field);
      }
    }
    for (std::size_t g = 0; g < a.by_group_interval[i].size(); ++g) {
      expect_same_bits(a.by_group_interval[i][g].occupancy, b.by_group_interval[i][g].occupancy);
    }
  }
  for (std::size_t c = 0; c < a.by_type.size(); ++c) {
    expect_same_bits(a.by_type[c].service_level, b.by_type[c].service_level);
    expect_same_bits(a.by_type[c].wait_mean_s, b.by_type[c].wait_mean_s);
  }
  EXPECT_EQ(a.events_processed, b.events_processed);
  EXPECT_EQ(a.simulated_contacts, b.simulated_contacts);
}

TEST(SimSimulator, ConservationHoldsExactlyInEveryReplication) {
  const Results r = simulate(busy_centre());
  ASSERT_EQ(r.replication_counts.size(), 6u);
  for (const auto& replication : r.replication_counts) {
    for (const ReplicationCounts& c : replication) {
      EXPECT_GT(c.offered, 0);
      EXPECT_EQ(c.offered, c.answered + c.abandoned);
      EXPECT_EQ(c.unanswered_at_close, 0);
    }
  }
  EXPECT_EQ(r.by_type_interval.size(), 8u);
  EXPECT_EQ(r.by_type_day.size(), 2u);
  EXPECT_EQ(r.by_group[0].handled_share_by_type.size(), 2u);
}

TEST(SimSimulator, BitIdenticalForOneAndTwoThreads) {
  RunOptions one, two;
  one.threads = 1;
  two.threads = 2;
  expect_identical(simulate(busy_centre(), one), simulate(busy_centre(), two));
}

TEST(SimSimulator, SameSeedSameResultsDifferentSeedDifferentResults) {
  const Results a = simulate(busy_centre());
  expect_identical(a, simulate(busy_centre()));
  RunOptions other;
  other.seed_override = 100;
  const Results b = simulate(busy_centre(), other);
  EXPECT_EQ(b.seed, 100u);
  EXPECT_NE(a.by_type[1].offered.mean, b.by_type[1].offered.mean);
  EXPECT_NE(a.by_type[1].wait_mean_s.mean, b.by_type[1].wait_mean_s.mean);
}

// Adding a contact type (declared FIRST, with its own group) leaves the other type's random
// streams, and hence every one of its figures, unchanged: common random numbers.
TEST(SimSimulator, AddingAContactTypeLeavesTheOthersStreamsUnchanged) {
  Scenario alone = busy_centre();
  alone.contact_types.erase(alone.contact_types.begin());  // only "general" on frontline
  alone.agent_groups.erase(alone.agent_groups.begin());
  alone.contact_types[0].routing = {{0, 0}};
  Scenario with_other = alone;
  ContactType email = contact_type("email", std::vector<double>(8, 0.05), {{1, 0}});
  with_other.contact_types.insert(with_other.contact_types.begin(), email);
  with_other.contact_types[1].routing = {{0, 0}};
  with_other.agent_groups.push_back(agent_group("back office", std::vector<int>(8, 10)));
  const Results a = simulate(alone);
  const Results b = simulate(with_other);
  for (std::size_t r = 0; r < a.replication_counts.size(); ++r) {
    EXPECT_EQ(a.replication_counts[r][0].offered, b.replication_counts[r][1].offered);
    EXPECT_EQ(a.replication_counts[r][0].answered, b.replication_counts[r][1].answered);
    EXPECT_EQ(a.replication_counts[r][0].wait_sum_s, b.replication_counts[r][1].wait_sum_s);
  }
  expect_same_bits(a.by_type[0].service_level, b.by_type[1].service_level);
}

// Shrinkage is the same as the staffing it leaves on duty: a roster of scheduled agents with 30%
// and 25% shrinkage runs exactly (same draws, events and figures) like its agents on duty,
// floor(scheduled * (1 - s)), given without shrinkage. The agents on duty below are worked out by
// hand: 8 * 0.7 = 5.6, 12 * 0.7 = 8.4, 4 * 0.7 = 2.8; 24 * 0.75 = 18, 38 * 0.75 = 28.5,
// 32 * 0.75 = 24, 12 * 0.75 = 9.
TEST(SimSimulator, ShrinkageRunsLikeTheAgentsItLeavesOnDuty) {
  const Results on_duty = simulate(busy_centre());
  Scenario scheduled = busy_centre();
  scheduled.agent_groups[0].staffing = {8, 12, 12, 5, 8, 12, 12, 5};
  scheduled.agent_groups[0].shrinkage = 0.3;  // 5, 8, 8, 3, ...
  scheduled.agent_groups[1].staffing = {24, 38, 32, 12, 24, 38, 32, 12};
  scheduled.agent_groups[1].shrinkage = 0.25;  // 18, 28, 24, 9, ...
  const Results with_shrinkage = simulate(scheduled);
  expect_identical(on_duty, with_shrinkage);
  for (std::size_t g = 0; g < 2; ++g) {
    expect_same_bits(on_duty.by_group[g].agent_hours, with_shrinkage.by_group[g].agent_hours);
  }
  EXPECT_EQ(agents_on_duty(scheduled.agent_groups[0]), busy_centre().agent_groups[0].staffing);
  EXPECT_EQ(agents_on_duty(scheduled.agent_groups[1]), busy_centre().agent_groups[1].staffing);
}

TEST(SimSimulator, RejectsShrinkageOutOfRange) {
  Scenario s = busy_centre();
  s.agent_groups[1].shrinkage = 1.0;
  EXPECT_THROW(validate(s), InvalidInput);
  s.agent_groups[1].shrinkage = -0.1;
  EXPECT_THROW(validate(s), InvalidInput);
}

// Issues that every first contact resolves (one authority level every group has, resolve
// probability 1, nobody calls again) change nothing: the same draws, events and figures as the
// plain simulator, bit for bit.
TEST(SimSimulator, IssuesResolvedAtFirstContactGiveThePlainResults) {
  const Results plain = simulate(busy_centre());
  Scenario with_issues = busy_centre();
  for (auto& type : with_issues.contact_types) type.issues = IssueModel{};
  const Results issues = simulate(with_issues);
  expect_identical(plain, issues);
  for (std::size_t r = 0; r < plain.replication_counts.size(); ++r) {
    for (std::size_t c = 0; c < 2; ++c) {
      EXPECT_EQ(plain.replication_counts[r][c].offered, issues.replication_counts[r][c].offered);
      EXPECT_EQ(plain.replication_counts[r][c].wait_sum_s,
                issues.replication_counts[r][c].wait_sum_s);
      const IssueCounts& counts = issues.replication_issues[r][c];
      EXPECT_EQ(counts.issues, counts.resolved + counts.abandoned + counts.open_end);
      EXPECT_EQ(counts.repeats, 0);
    }
  }
  EXPECT_DOUBLE_EQ(issues.by_type[1].first_contact_resolution.mean,
                   issues.by_type[1].issues_resolved.mean / issues.by_type[1].issues.mean);
}

// A what-if on one interval's volume (+50% in interval 1 of day 1) leaves the arrivals of every
// other interval as they were: each interval of each day draws from its own stream. The same
// contacts arrive in them, so (with ample agents and no carry-over between intervals) their
// offered counts and waits are identical in every replication.
TEST(SimSimulator, AVolumeWhatIfInOneIntervalLeavesTheOtherIntervalsArrivals) {
  Scenario base = one_queue(std::vector<int>(8, 200), 1800, 1);
  base.horizon.intervals_per_day = 4;
  base.horizon.days = 2;
  base.contact_types[0].arrivals.rate_per_s = {0.2, 0.5, 0.4, 0.1, 0.2, 0.5, 0.4, 0.1};
  base.contact_types[0].arrivals.day_cv = 0.1;
  Scenario what_if = base;
  what_if.contact_types[0].arrivals.rate_per_s[1] *= 1.5;
  const CompiledScenario a(base), b(what_if);
  for (int replication = 0; replication < 5; ++replication) {
    const ReplicationTally x = run_replication(a, 7, replication);
    const ReplicationTally y = run_replication(b, 7, replication);
    for (std::size_t i = 0; i < 8; ++i) {
      SCOPED_TRACE(i);
      if (i == 1) {
        EXPECT_NE(contacts(x, a, i, 0).offered, contacts(y, b, i, 0).offered);
        continue;
      }
      EXPECT_EQ(contacts(x, a, i, 0).offered, contacts(y, b, i, 0).offered);
      EXPECT_EQ(contacts(x, a, i, 0).wait_all_s, contacts(y, b, i, 0).wait_all_s);
    }
  }
}

// A type's stream key, not its display name, names its random streams: renamed with the same key
// it sees the same contacts; without a key, its name is the key.
TEST(SimSimulator, RenamingATypeWithAStableKeyKeepsItsDraws) {
  Scenario first = busy_centre();
  Scenario renamed = busy_centre();
  renamed.contact_types[1].name = "general callers";
  renamed.contact_types[1].key = "general";
  const Results a = simulate(first), b = simulate(renamed);
  expect_same_bits(a.by_type[1].offered, b.by_type[1].offered);
  expect_same_bits(a.by_type[1].wait_mean_s, b.by_type[1].wait_mean_s);
  renamed.contact_types[1].key.clear();
  EXPECT_NE(simulate(renamed).by_type[1].offered.mean, a.by_type[1].offered.mean);
  renamed.contact_types[0].key = "general callers";
  try {
    simulate(renamed);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "contact_types[1].key: expected a unique key (contact_types[0] has it; keys are "
                 "by default the names), found \"general callers\"");
  }
}

TEST(SimSimulator, ProgressIsReportedOncePerReplication) {
  RunOptions options;
  options.threads = 2;
  std::vector<int> seen;
  options.progress = [&](int done, int total) {
    EXPECT_EQ(total, 6);
    seen.push_back(done);
  };
  simulate(busy_centre(), options);
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3, 4, 5, 6}));
}

// Warm-up of 100 s, one interval of 100 s, one agent, handle 80 s. The contact of -50 (warm-up)
// is served from -50 to 30 and not counted; the contact of 10 waits until 30 (wait 20) and is
// served until 110 (close-out, counted in interval 0). Busy 30 + 80 = 110, on duty 110.
TEST(SimSimulator, WarmUpIsSimulatedButNotCounted) {
  Scenario s = one_queue({1}, 100, 80);
  s.horizon.warmup_s = 100;
  CompiledScenario m(s);
  m.scripted_arrivals_s[0] = {-50, 10};
  const ReplicationTally r = run_replication(m, 1, 0);
  const ContactTally& t = contacts(r, m, 0, 0);
  EXPECT_EQ(t.offered, 1);
  EXPECT_EQ(t.answered, 1);
  EXPECT_DOUBLE_EQ(t.wait_answered_s, 20);
  EXPECT_DOUBLE_EQ(t.queue_area_s, 20);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 110);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).on_duty_agent_s, 110);
  EXPECT_EQ(r.contacts_generated, 2);
}

// Day busyness: the offered count of a day is mixed Poisson with variance L + L^2 cv^2
// (L = 1000, cv = 0.2: 41000) instead of L (1000). Over 400 days the sample variance has a
// relative sd of about 8%; accepting [0.6, 1.5] times the target fails falsely with probability
// far below 1e-4 and still rejects a missing factor (a variance of 1000) by a wide margin.
TEST(SimSimulator, DayBusynessFactorWidensTheSpreadOfDailyVolumes) {
  Scenario s = one_queue({200}, 1000, 1);
  s.horizon.days = 400;
  s.contact_types[0].arrivals.rate_per_s.assign(400, 1.0);
  s.contact_types[0].arrivals.day_cv = 0.2;
  s.agent_groups[0].staffing.assign(400, 200);
  const Results r = simulate(s);
  double sum = 0, squares = 0;
  for (const auto& day : r.by_type_day) {
    sum += day[0].offered.mean;
    squares += day[0].offered.mean * day[0].offered.mean;
  }
  const double mean = sum / 400, variance = (squares - 400 * mean * mean) / 399;
  EXPECT_NEAR(mean, 1000, 5 * std::sqrt(41000.0 / 400));
  EXPECT_GT(variance, 0.6 * 41000);
  EXPECT_LT(variance, 1.5 * 41000);
}

// With more agents than can ever be busy nobody waits, and the busy agent-time of a day (close-out
// included) is the sum of the handle times of its arrivals: expectation lambda * L * E[S] for any
// handle-time family. 40 replications; |mean - exact| <= 5.07 se (Student-t, 39 df, two-sided
// 1e-5) for each of the 6 families: false failure below 1e-4.
TEST(SimSimulator, BusyTimeIsTheOfferedWorkForEveryHandleTimeFamily) {
  const std::vector<DurationDistribution> families = {
      Exponential{100}, Lognormal{100, 80}, Gamma{100, 50},
      Weibull{0.8, 90}, Deterministic{100}, Empirical{{20, 60, 100, 220}}};
  for (const auto& family : families) {
    Scenario s = one_queue({400}, 3000, 1);
    s.contact_types[0].handle_time = family;
    s.contact_types[0].arrivals.rate_per_s = {1.0};
    s.replications = 40;
    const Results r = simulate(s);
    const Estimate busy = r.by_group[0].busy_agent_s;
    const double se = (busy.ci_high - busy.mean) / student_t_975(39);
    EXPECT_NEAR(busy.mean, 3000 * mean_of(family), 5.07 * se) << family.index();
    EXPECT_EQ(r.by_type[0].p_wait.mean, 0);
  }
}

// The service-level definitions are ratios of sums over replications of the raw counts.
TEST(SimSimulator, ServiceLevelDefinitionsAndVerdicts) {
  for (auto definition : {ServiceLevelDefinition::offered, ServiceLevelDefinition::answered,
                          ServiceLevelDefinition::exclude_short_abandons}) {
    Scenario s = busy_centre();
    s.short_abandon_s = 30;
    s.contact_types[1].targets.service_level = ServiceLevelTarget{20, 0.0, definition};
    s.contact_types[1].targets.max_abandon = 1.0;  // always met
    s.contact_types[1].targets.max_asa_s = 0.0;    // always missed (somebody waits)
    const Results r = simulate(s);
    double within = 0, offered = 0, answered = 0, short_abandoned = 0;
    for (const auto& replication : r.replication_counts) {
      within += static_cast<double>(replication[1].answered_within_target);
      offered += static_cast<double>(replication[1].offered);
      answered += static_cast<double>(replication[1].answered);
      short_abandoned += static_cast<double>(replication[1].short_abandoned);
    }
    const double expected = definition == ServiceLevelDefinition::offered ? within / offered
                            : definition == ServiceLevelDefinition::answered
                                ? within / answered
                                : within / (offered - short_abandoned);
    const ContactKpis& k = r.by_type[1];
    EXPECT_DOUBLE_EQ(k.service_level.mean, expected);
    EXPECT_EQ(k.verdicts.service_level, TargetVerdict::met);
    EXPECT_EQ(k.verdicts.abandon_rate, TargetVerdict::met);
    EXPECT_EQ(k.verdicts.asa, TargetVerdict::missed);
    EXPECT_EQ(r.by_type[0].verdicts.service_level, TargetVerdict::none);
  }
}

TEST(SimSimulator, RejectsDuplicateContactTypeNames) {
  Scenario s = one_queue({1}, 100, 10);
  s.contact_types.push_back(s.contact_types[0]);
  try {
    simulate(s);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "contact_types[1].name: expected a unique name (contact_types[0] has it), found "
                 "\"calls\"");
  }
}

TEST(SimSimulator, RejectsBadOptions) {
  RunOptions options;
  options.threads = -1;
  try {
    simulate(busy_centre(), options);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "threads must be non-negative, found -1");
  }
  options.threads = 0;
  options.replications_override = -2;
  try {
    simulate(busy_centre(), options);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(), "replications_override must be non-negative, found -2");
  }
}

}  // namespace
}  // namespace staffsim::sim
