// sim::validate: every rule it checks, each with the message a caller that builds scenarios in
// C++ sees ("<path>: expected <what>, found <value>", as the loader's messages read).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "models/error.hpp"
#include "sim/scenario.hpp"
#include "tests/sim_builders.hpp"

namespace staffsim::sim {
namespace {

using test_support::agent_group;
using test_support::contact_type;

// A valid centre over 2 days of 2 intervals that uses every part validate checks: two contact
// types (issues with a transfer to an expert group, repeat calls with complaints), three groups
// (one with an authority cost and audits) and a reinforcement rule.
Scenario valid_centre() {
  Scenario s;
  s.name = "validate";
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 2;
  s.horizon.days = 2;
  s.contact_types.push_back(contact_type("general", {0.1, 0.1, 0.1, 0.1}, {{0, 0}, {1, 30}}));
  s.contact_types.push_back(contact_type("complaints", {0, 0, 0, 0}, {{1, 0}}));
  s.agent_groups.push_back(agent_group("front", {5, 5, 5, 5}));
  s.agent_groups.push_back(agent_group("experts", {2, 2, 2, 2}));
  s.agent_groups.push_back(agent_group("audit", {1, 1, 1, 1}));
  s.agent_groups[1].authority = 2;
  s.agent_groups[1].authority_cost.audit_share = 0.1;
  s.agent_groups[1].authority_cost.audit = AuditWork{2, Exponential{600}};
  ContactType& general = s.contact_types[0];
  general.patience = Lognormal{300, 200};
  IssueModel issues;
  issues.required_authority = {0.8, 0.2};
  Escalation transfer;
  transfer.kind = EscalationKind::transfer;
  transfer.transfer.to = 1;
  issues.escalation = {std::nullopt, transfer};
  general.issues = issues;
  general.repeat = RepeatBehaviour{0.5, Exponential{3600}, 2, 1};
  Reinforcement rule;
  rule.group = 1;
  rule.type = 0;
  rule.start_queue = 10;
  rule.stop_queue = 2;
  s.reinforcement.push_back(rule);
  return s;
}

std::string message_of(const Scenario& s) {
  try {
    validate(s);
  } catch (const InvalidInput& e) {
    return e.what();
  }
  return "";
}

struct Case {
  std::function<void(Scenario&)> change;
  std::string message;
};

TEST(SimValidate, TheValidCentrePasses) {
  EXPECT_EQ(message_of(valid_centre()), "");
}

TEST(SimValidate, EveryRuleHasItsMessage) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  auto type = [](Scenario& s) -> ContactType& { return s.contact_types[0]; };
  auto group = [](Scenario& s) -> AgentGroup& { return s.agent_groups[1]; };
  auto issues = [](Scenario& s) -> IssueModel& { return *s.contact_types[0].issues; };
  const std::vector<Case> cases = {
      // Horizon and top level.
      {[](Scenario& s) { s.horizon.interval_s = 0; },
       "horizon.interval: expected a positive duration of at most 366d, found 0 s"},
      {[](Scenario& s) { s.horizon.interval_s = kNaN; },
       "horizon.interval: expected a positive duration of at most 366d, found nan s"},
      {[](Scenario& s) { s.horizon.intervals_per_day = 0; },
       "horizon.intervals: expected a whole number of at least 1, found 0"},
      {[](Scenario& s) { s.horizon.days = -1; },
       "horizon.days: expected a whole number of at least 1, found -1"},
      {[](Scenario& s) {
         s.horizon.interval_s = 60;
         s.horizon.intervals_per_day = 1440;
         s.horizon.days = 1000;
       },
       "horizon: expected intervals x days at most 1000000, found 1440 x 1000 = 1440000"},
      {[](Scenario& s) { s.horizon.warmup_s = 1e300; },
       "horizon.warmup: expected a duration from 0 to 366d, found 1e+300 s"},
      {[](Scenario& s) { s.horizon.warmup_days = 1001; },
       "horizon.warmup_days: expected a whole number from 0 to 1000, found 1001"},
      {[](Scenario& s) {
         s.horizon.days_independent = true;
         s.horizon.warmup_days = 2;
       },
       "horizon.warmup_days: expected none with days_independent (each day starts empty), "
       "found 2"},
      {[](Scenario& s) { s.horizon.interval_s = 86400; },
       "horizon: expected a day's intervals within 24 hours when there are several days, found 2 "
       "x 86400 s"},
      {[](Scenario& s) { s.replications = 0; },
       "replications: expected a whole number from 1 to 1000000, found 0"},
      {[](Scenario& s) { s.short_abandon_s = -5; },
       "short_abandon: expected a duration from 0 to 366d, found -5 s"},
      {[](Scenario& s) { s.contact_types.clear(); },
       "contact_types: expected at least one contact type, found none"},
      {[](Scenario& s) { s.agent_groups.clear(); },
       "agent_groups: expected at least one agent group, found none"},
      // Names and stream keys.
      {[](Scenario& s) { s.contact_types[1].name = ""; },
       "contact_types[1].name: expected a name, found \"\""},
      {[](Scenario& s) { s.agent_groups[2].name = ""; },
       "agent_groups[2].name: expected a name, found \"\""},
      {[](Scenario& s) { s.contact_types[1].name = "general"; },
       "contact_types[1].name: expected a unique name (contact_types[0] has it), found "
       "\"general\""},
      {[](Scenario& s) { s.contact_types[1].key = "general"; },
       "contact_types[1].key: expected a unique key (contact_types[0] has it; keys are by "
       "default the names), found \"general\""},
      {[](Scenario& s) { s.agent_groups[2].name = "front"; },
       "agent_groups[2].name: expected a unique name (agent_groups[0] has it), found \"front\""},
      // Agent groups.
      {[](Scenario& s) { s.agent_groups[0].staffing.pop_back(); },
       "agent_groups[0].staffing: expected 4 values (one per interval of the horizon), found 3"},
      {[](Scenario& s) { s.agent_groups[0].staffing[3] = -1; },
       "agent_groups[0].staffing[3]: expected 0 to 1000000 agents, found -1"},
      {[](Scenario& s) { s.agent_groups[0].open = {1}; },
       "agent_groups[0].open: expected none or 4 values (one per interval of the horizon), found "
       "1"},
      {[&](Scenario& s) { group(s).authority = 10; },
       "agent_groups[1].authority: expected an authority level from 1 to 9, found 10"},
      {[&](Scenario& s) { group(s).authority_cost.handle_time_factor = 0; },
       "agent_groups[1].authority_cost.handle_time_factor: expected a positive factor, found 0"},
      {[&](Scenario& s) { group(s).authority_cost.added_s = -1; },
       "agent_groups[1].authority_cost.added_time: expected a duration from 0 to 366d, found -1 "
       "s"},
      {[&](Scenario& s) { group(s).authority_cost.audit_share = 1.5; },
       "agent_groups[1].authority_cost.audit_share: expected a probability from 0 to 1, found "
       "1.5"},
      {[&](Scenario& s) { group(s).authority_cost.audit.reset(); },
       "agent_groups[1].authority_cost.audit: expected the group that does the audits "
       "(audit_share is 0.1), found none"},
      {[&](Scenario& s) { group(s).authority_cost.audit->to = 3; },
       "agent_groups[1].authority_cost.audit.to: expected the index of an agent group (0 to 2), "
       "found 3"},
      {[&](Scenario& s) { group(s).authority_cost.audit->processing = Exponential{0}; },
       "agent_groups[1].authority_cost.audit.processing.mean: expected a positive duration of "
       "at most 366d, found 0 s"},
      {[&](Scenario& s) { group(s).shrinkage = 1; },
       "agent_groups[1].shrinkage: expected a fraction from 0 to below 1, found 1"},
      {[&](Scenario& s) { group(s).reserve = -1; },
       "agent_groups[1].reserve: expected a whole number of at least 0, found -1"},
      {[&](Scenario& s) { group(s).callbacks_when.idle_at_least = -2; },
       "agent_groups[1].callbacks_when.idle_at_least: expected a whole number of at least 0, "
       "found -2"},
      {[&](Scenario& s) { group(s).cost_per_hour = -20; },
       "agent_groups[1].cost_per_hour: expected a non-negative cost, found -20"},
      // Contact types.
      {[&](Scenario& s) { type(s).arrivals.rate_per_s = {0.1}; },
       "contact_types[0].arrivals.rate: expected 4 values (one per interval of the horizon), "
       "found 1"},
      {[&](Scenario& s) { type(s).arrivals.rate_per_s[2] = 1e308; },
       "contact_types[0].arrivals.rate[2]: expected a rate from 0 to 1000 a second, found "
       "1e+308"},
      {[&](Scenario& s) { type(s).arrivals.rate_per_s[0] = -0.5; },
       "contact_types[0].arrivals.rate[0]: expected a rate from 0 to 1000 a second, found -0.5"},
      {[&](Scenario& s) { type(s).arrivals.day_cv = 2; },
       "contact_types[0].arrivals.day_cv: expected a CV from 0 to 1, found 2"},
      {[&](Scenario& s) {
         type(s).open = {1, 1};
       },
       "contact_types[0].open: expected none or 4 values (one per interval of the horizon), "
       "found 2"},
      {[&](Scenario& s) { type(s).handle_time = Exponential{1e300}; },
       "contact_types[0].handle_time.mean: expected a positive duration of at most 366d, found "
       "1e+300 s"},
      {[&](Scenario& s) {
         type(s).handle_time = Lognormal{300, -1};
       },
       "contact_types[0].handle_time.sd: expected a positive duration of at most 366d, found -1 "
       "s"},
      {[&](Scenario& s) {
         type(s).handle_time = Gamma{0, 10};
       },
       "contact_types[0].handle_time.mean: expected a positive duration of at most 366d, found 0 "
       "s"},
      {[&](Scenario& s) {
         type(s).handle_time = Weibull{0, 300};
       },
       "contact_types[0].handle_time.shape: expected a positive shape, found 0"},
      {[&](Scenario& s) {
         type(s).handle_time = Weibull{1.5, -300};
       },
       "contact_types[0].handle_time.scale: expected a positive duration of at most 366d, found "
       "-300 s"},
      // Shape 1/16: the mean is 300 s x Gamma(17) = 300 s x 16!.
      {[&](Scenario& s) {
         type(s).handle_time = Weibull{0.0625, 300};
       },
       "contact_types[0].handle_time.shape: expected a shape that keeps the mean at most 366d, "
       "found 0.0625 (mean 6.28e+15 s)"},
      {[&](Scenario& s) { type(s).handle_time = Deterministic{-1}; },
       "contact_types[0].handle_time.value: expected a duration from 0 to 366d, found -1 s"},
      {[&](Scenario& s) { type(s).handle_time = Empirical{}; },
       "contact_types[0].handle_time: expected 1 to 10000000 observed durations, found 0"},
      {[&](Scenario& s) {
         type(s).handle_time = Empirical{{100, 200, kNaN}};
       },
       "contact_types[0].handle_time.values[2]: expected a duration from 0 to 366d, found nan s"},
      {[&](Scenario& s) {
         type(s).patience = Lognormal{-3, 10};
       },
       "contact_types[0].patience.mean: expected a positive duration of at most 366d, found -3 "
       "s"},
      {[&](Scenario& s) { type(s).routing.clear(); },
       "contact_types[0].routing: expected at least one group, found none"},
      {[&](Scenario& s) { type(s).routing[1].group = -1; },
       "contact_types[0].routing[1].group: expected the index of an agent group (0 to 2), found "
       "-1"},
      {[&](Scenario& s) { type(s).routing[1].after_s = -30; },
       "contact_types[0].routing[1].after: expected a duration from 0 to 366d, found -30 s"},
      // Issues and escalation.
      {[&](Scenario& s) { issues(s).required_authority.assign(10, 0.1); },
       "contact_types[0].issues.required_authority: expected shares of 1 to 9 levels, found 10"},
      {[&](Scenario& s) {
         issues(s).required_authority = {1.2, -0.2};
       },
       "contact_types[0].issues.required_authority[0]: expected a probability from 0 to 1, found "
       "1.2"},
      {[&](Scenario& s) {
         issues(s).required_authority = {0.5, 0.4};
       },
       "contact_types[0].issues.required_authority: expected shares that sum to 1, found a sum "
       "of 0.9"},
      {[&](Scenario& s) { issues(s).resolve_probability = -0.1; },
       "contact_types[0].issues.resolve_probability: expected a probability from 0 to 1, found "
       "-0.1"},
      {[&](Scenario& s) { issues(s).max_transfers = -1; },
       "contact_types[0].issues.max_transfers: expected a whole number of at least 0, found -1"},
      {[&](Scenario& s) { issues(s).escalation.push_back(std::nullopt); },
       "contact_types[0].issues.escalation: expected levels up to 2 (the highest required "
       "level), found level 3"},
      {[&](Scenario& s) { issues(s).escalation[1]->transfer.to = 5; },
       "contact_types[0].issues.escalation[2].transfer.to: expected the index of an agent group "
       "(0 to 2), found 5"},
      {[&](Scenario& s) { issues(s).escalation[1]->transfer.to = 2; },
       "contact_types[0].issues.escalation[2].transfer.to: expected a group with authority of "
       "at least 2 (the level it takes), found audit (authority 1)"},
      {[&](Scenario& s) { issues(s).escalation[1]->transfer.handle_time = Exponential{-1}; },
       "contact_types[0].issues.escalation[2].transfer.handle_time.mean: expected a positive "
       "duration of at most 366d, found -1 s"},
      {[&](Scenario& s) { issues(s).escalation[1]->transfer.patience = Exponential{0}; },
       "contact_types[0].issues.escalation[2].transfer.patience.mean: expected a positive "
       "duration of at most 366d, found 0 s"},
      {[&](Scenario& s) {
         Escalation& e = *issues(s).escalation[1];
         e.kind = EscalationKind::work_order;
         e.work_order.to = 1;
         e.work_order.deadline_s = 0;
       },
       "contact_types[0].issues.escalation[2].work_order.deadline: expected a positive duration "
       "of at most 366d, found 0 s"},
      {[&](Scenario& s) {
         Escalation& e = *issues(s).escalation[1];
         e.kind = EscalationKind::work_order;
         e.work_order.to = 1;
         e.work_order.processing = Gamma{600, 0};
       },
       "contact_types[0].issues.escalation[2].work_order.processing.sd: expected a positive "
       "duration of at most 366d, found 0 s"},
      {[&](Scenario& s) {
         Escalation& e = *issues(s).escalation[1];
         e.kind = EscalationKind::work_order;
         e.work_order.to = 1;
         e.work_order.hand_off = Deterministic{1e9};
       },
       "contact_types[0].issues.escalation[2].work_order.hand_off.value: expected a duration "
       "from 0 to 366d, found 1e+09 s"},
      {[&](Scenario& s) {
         Escalation& e = *issues(s).escalation[1];
         e.kind = EscalationKind::work_order;
         e.work_order.to = 1;
         e.work_order.then_callback = CallbackPolicy{};
         e.work_order.then_callback->group = 0;
         e.work_order.then_callback->attempts = 0;
       },
       "contact_types[0].issues.escalation[2].work_order.then.callback.attempts: expected a "
       "whole number of at least 1, found 0"},
      {[&](Scenario& s) {
         issues(s).unresolved.kind = EscalationKind::callback;
         issues(s).unresolved.callback.group = 7;
       },
       "contact_types[0].issues.unresolved.callback.group: expected the index of an agent group "
       "(0 to 2), found 7"},
      {[&](Scenario& s) {
         issues(s).unresolved.kind = EscalationKind::callback;
         issues(s).unresolved.callback.group = 0;
         issues(s).unresolved.callback.within_s = 0;
       },
       "contact_types[0].issues.unresolved.callback.within: expected a positive duration of at "
       "most 366d, found 0 s"},
      {[&](Scenario& s) {
         issues(s).unresolved.kind = EscalationKind::callback;
         issues(s).unresolved.callback.group = 0;
         issues(s).unresolved.callback.reach = 0;
       },
       "contact_types[0].issues.unresolved.callback.reach: expected a probability above 0 and "
       "at most 1, found 0"},
      {[&](Scenario& s) {
         issues(s).unresolved.kind = EscalationKind::callback;
         issues(s).unresolved.callback.group = 0;
         issues(s).unresolved.callback.retry_after_s = -1;
       },
       "contact_types[0].issues.unresolved.callback.retry_after: expected a duration from 0 to "
       "366d, found -1 s"},
      {[&](Scenario& s) {
         issues(s).unresolved.kind = EscalationKind::callback;
         issues(s).unresolved.callback.group = 0;
         issues(s).unresolved.callback.attempt_s = kNaN;
       },
       "contact_types[0].issues.unresolved.callback.attempt_time: expected a duration from 0 to "
       "366d, found nan s"},
      {[&](Scenario& s) {
         issues(s).unresolved.kind = EscalationKind::callback;
         issues(s).unresolved.callback.group = 0;
         issues(s).unresolved.callback.handle_time = Exponential{0};
       },
       "contact_types[0].issues.unresolved.callback.handle_time.mean: expected a positive "
       "duration of at most 366d, found 0 s"},
      {[&](Scenario& s) { issues(s).escalation[1].reset(); },
       "contact_types[0].issues.escalation[2]: expected an escalation path for level 2 (front, "
       "authority 1, takes these contacts), found none"},
      // Repeat calls.
      {[&](Scenario& s) { type(s).repeat->probability = 2; },
       "contact_types[0].repeat.probability: expected a probability from 0 to 1, found 2"},
      {[&](Scenario& s) { type(s).repeat->delay = Exponential{-60}; },
       "contact_types[0].repeat.delay.mean: expected a positive duration of at most 366d, found "
       "-60 s"},
      {[&](Scenario& s) { type(s).repeat->complaint_after = -1; },
       "contact_types[0].repeat.complaint_after: expected a whole number of at least 0, found "
       "-1"},
      {[&](Scenario& s) { type(s).repeat->complaint_type = 2; },
       "contact_types[0].repeat.complaint_type: expected the index of another contact type (0 "
       "to 1), found 2"},
      {[&](Scenario& s) { type(s).repeat->complaint_type = 0; },
       "contact_types[0].repeat.complaint_type: expected another contact type than this one, "
       "found 0"},
      // Reinforcement.
      {[](Scenario& s) { s.reinforcement[0].group = 3; },
       "reinforcement[0].group: expected the index of an agent group (0 to 2), found 3"},
      {[](Scenario& s) { s.reinforcement[0].type = -1; },
       "reinforcement[0].takes: expected the index of a contact type (0 to 1), found -1"},
      {[](Scenario& s) { s.reinforcement[0].start_oldest_wait_s = 60; },
       "reinforcement[0].start: expected either queue or oldest_wait, found both"},
      {[](Scenario& s) { s.reinforcement[0].start_queue.reset(); },
       "reinforcement[0].start: expected either queue or oldest_wait, found neither"},
      {[](Scenario& s) { s.reinforcement[0].start_queue = 0; },
       "reinforcement[0].start.queue: expected a whole number of at least 1, found 0"},
      {[](Scenario& s) { s.reinforcement[0].stop_queue = 10; },
       "reinforcement[0].stop.queue: expected a whole number from 0 to below start.queue (10), "
       "found 10"},
      {[](Scenario& s) {
         s.reinforcement[0].start_queue.reset();
         s.reinforcement[0].start_oldest_wait_s = 0;
       },
       "reinforcement[0].start.oldest_wait: expected a positive duration of at most 366d, found "
       "0 s"},
      {[](Scenario& s) {
         s.reinforcement[0].start_queue.reset();
         s.reinforcement[0].start_oldest_wait_s = 60;
         s.reinforcement[0].stop_queue = -1;
       },
       "reinforcement[0].stop.queue: expected a whole number of at least 0, found -1"},
  };
  for (const Case& c : cases) {
    Scenario s = valid_centre();
    c.change(s);
    EXPECT_EQ(message_of(s), c.message);
  }
}

}  // namespace
}  // namespace staffsim::sim
