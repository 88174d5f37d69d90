// Issues that outlive a call (sim/simulator.hpp, "Issues"; sim/scenario.hpp): authority levels,
// transfers (warm and cold, hold patience, max_transfers), work orders (hand-off, back-office
// hours, deadline, then call-back), call-backs (reach, attempts, retries, call-back rules), repeat
// calls in business time, complaints, team leads (first, reserve), authority cost and audits,
// reinforcement, conservation of issues and common random numbers across plans.
//
// Hand-worked timelines: scripted arrivals, Deterministic durations and probabilities 0 or 1, so
// every outcome is certain; each test works its expected figures out by hand in the comment above
// it, from the documented rules, before asserting them. The one exception is a call-back that must
// NOT reach the customer: `reach` must be positive, so it is 1e-300, and an attempt reaches only
// when a 53-bit uniform is exactly 0, probability 2^-53 per attempt; a test making three such
// attempts fails falsely with probability below 4e-16.
//
// Randomized tests (conservation, common random numbers) check identities that hold exactly in
// every replication, whatever the draws; they use fixed seeds and have no false-failure budget to
// spend. They also check that the features they are about were exercised (counts > 0), never a
// count copied from the program's output.
//
// Tests whose comment says "Regression" pin a rule the engine once broke, and how it broke it.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/replication.hpp"
#include "sim/simulator.hpp"
#include "tests/sim_tally.hpp"

namespace staffsim::sim {
namespace {

using test_support::contacts;
using test_support::group;
using test_support::handled;

constexpr auto kTransfer = static_cast<std::size_t>(EscalationKind::transfer);
constexpr auto kWorkOrder = static_cast<std::size_t>(EscalationKind::work_order);
constexpr auto kCallback = static_cast<std::size_t>(EscalationKind::callback);
constexpr auto kAskAgain = static_cast<std::size_t>(EscalationKind::ask_to_call_again);

// The smallest positive reach worth writing: an attempt reaches only when its uniform is exactly 0.
constexpr double kNeverReached = 1e-300;

// The issue tally of `type` over `period` (intervals, then days, then the horizon).
const IssueTally& issues(const ReplicationTally& r, const CompiledScenario& m, std::size_t period,
                         std::size_t type) {
  return r.issues.at(period * static_cast<std::size_t>(m.types) + type);
}
std::size_t horizon(const CompiledScenario& m) {
  return static_cast<std::size_t>(m.intervals + m.days);
}

ContactType contact_type(const std::string& name, std::size_t intervals, int group,
                         double handle_s) {
  ContactType t;
  t.name = name;
  t.arrivals.rate_per_s.assign(intervals, 0.0);
  t.routing = {{group, 0}};
  t.handle_time = Deterministic{handle_s};
  return t;
}

AgentGroup agent_group(const std::string& name, std::vector<int> staffing, int authority = 1) {
  AgentGroup g;
  g.name = name;
  g.staffing = std::move(staffing);
  g.authority = authority;
  return g;
}

// Every issue needs `level` (1-based); `escalation` is what a group below that level does.
IssueModel needs_level(int level, std::optional<Escalation> escalation) {
  IssueModel m;
  m.required_authority.assign(static_cast<std::size_t>(level), 0.0);
  m.required_authority.back() = 1.0;
  m.escalation.assign(static_cast<std::size_t>(level), std::nullopt);
  m.escalation.back() = std::move(escalation);
  return m;
}

Escalation transfer_to(int to, bool warm, double handle_s,
                       std::optional<double> hold_patience_s = std::nullopt) {
  Escalation e;
  e.kind = EscalationKind::transfer;
  e.transfer.to = to;
  e.transfer.warm = warm;
  e.transfer.handle_time = Deterministic{handle_s};
  if (hold_patience_s) e.transfer.patience = Deterministic{*hold_patience_s};
  return e;
}

Escalation work_order_to(int to, double processing_s, double deadline_s,
                         std::optional<double> hand_off_s = std::nullopt) {
  Escalation e;
  e.kind = EscalationKind::work_order;
  e.work_order.to = to;
  e.work_order.processing = Deterministic{processing_s};
  e.work_order.deadline_s = deadline_s;
  if (hand_off_s) e.work_order.hand_off = Deterministic{*hand_off_s};
  return e;
}

CallbackPolicy callback_policy(int group, double talk_s, double within_s, double reach = 1) {
  CallbackPolicy c;
  c.group = group;
  c.handle_time = Deterministic{talk_s};
  c.within_s = within_s;
  c.reach = reach;
  return c;
}

Escalation callback_by(const CallbackPolicy& policy) {
  Escalation e;
  e.kind = EscalationKind::callback;
  e.callback = policy;
  return e;
}

RepeatBehaviour repeat_after(double delay_s, double probability = 1) {
  RepeatBehaviour r;
  r.probability = probability;
  r.delay = Deterministic{delay_s};
  return r;
}

// ---- 1. transfers ------------------------------------------------------------------------------

// Groups: front (authority 1, one agent), expert (authority 2, one agent). Types: calls (to front,
// handle 60, every issue needs level 2, escalated by a transfer to expert with a leg of 100 s) and
// vip (to expert, handle 200, no issues) that keeps the expert busy from 0 to 200. One interval of
// 1000 s; a call and a vip contact arrive at 0.
//   0-60     front handles the call; at 60 the issue needs level 2 > 1: transfer, on hold.
//   60-200   the customer waits on hold (expert busy with vip): hold 140.
//   200-300  expert takes the transfer and resolves the issue at 300 (authority 2, probability 1)
//            during its first contact: resolution time 300.
// Warm: the front agent stays on the line until the transfer is answered: busy 0-200 = 200.
// Cold: the front agent is free at 60: busy 60. Expert: busy 200 + 100 = 300 either way.
Scenario transfer_scenario(bool warm, std::optional<double> hold_patience_s) {
  Scenario s;
  s.horizon.interval_s = 1000;
  ContactType calls = contact_type("calls", 1, 0, 60);
  calls.issues = needs_level(2, transfer_to(1, warm, 100, hold_patience_s));
  s.contact_types = {calls, contact_type("vip", 1, 1, 200)};
  s.agent_groups = {agent_group("front", {1}, 1), agent_group("expert", {1}, 2)};
  s.replications = 1;
  return s;
}

TEST(SimEscalation, WarmTransferKeepsTheFirstAgentBusyUntilAnswered) {
  for (const bool warm : {true, false}) {
    SCOPED_TRACE(warm ? "warm" : "cold");
    const Scenario s = transfer_scenario(warm, std::nullopt);
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {0}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_EQ(t.issues, 1);
    EXPECT_EQ(t.escalated[kTransfer], 1);
    EXPECT_EQ(t.transfers_answered, 1);
    EXPECT_EQ(t.transfers_abandoned, 0);
    EXPECT_DOUBLE_EQ(t.transfer_hold_s, 140);
    EXPECT_EQ(t.resolved, 1);
    EXPECT_EQ(t.resolved_first_contact, 1);
    EXPECT_DOUBLE_EQ(t.resolution_s, 300);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, warm ? 200 : 60);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 300);
    EXPECT_EQ(handled(r, m, 0, 1, 0), 1);  // the transfer, counted under its contact's type
    EXPECT_EQ(handled(r, m, 0, 1, 1), 1);  // the vip contact
  }
}

// The warm transfer of the previous timeline with a hold patience of 50 s: the customer hangs up
// on hold at 60 + 50 = 110 (expert busy until 200). The front agent, on the line, is freed at 110
// (busy 0-110). The hang-up is a failure; the transfer counts abandoned with hold 50.
//   Without `repeat` the customer gives up: the issue is abandoned for good.
//   With repeat probability 1 after 300 s, the customer calls again at 110 + 300 = 410: front
//   410-470, transfer #2 (2 <= max_transfers 2), expert idle since 200: answered at once (hold 0),
//   the front agent freed at 470; expert 470-570 resolves at 570. Front busy 110 + 60 = 170,
//   expert 200 + 100 = 300. Two contacts offered and answered, one a repeat; resolution 570, not
//   at the first contact; transfers: 1 abandoned, 1 answered, hold 50 + 0.
TEST(SimEscalation, TransferAbandonedOnHoldFreesTheWarmAgentAndIsAFailure) {
  {
    SCOPED_TRACE("no repeat");
    const Scenario s = transfer_scenario(true, 50);
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {0}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_EQ(t.transfers_abandoned, 1);
    EXPECT_EQ(t.transfers_answered, 0);
    EXPECT_DOUBLE_EQ(t.transfer_hold_s, 50);
    EXPECT_EQ(t.resolved, 0);
    EXPECT_EQ(t.abandoned, 1);
    EXPECT_EQ(t.open_end, 0);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 110);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 200);
    // The inbound call was answered: a hang-up on hold is no inbound abandonment.
    EXPECT_EQ(contacts(r, m, 0, 0).answered, 1);
    EXPECT_EQ(contacts(r, m, 0, 0).abandoned, 0);
  }
  {
    SCOPED_TRACE("repeat probability 1 after 300 s");
    Scenario s = transfer_scenario(true, 50);
    s.contact_types[0].repeat = repeat_after(300);
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {0}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_EQ(t.issues, 1);
    EXPECT_EQ(t.repeats, 1);
    EXPECT_EQ(t.escalated[kTransfer], 2);
    EXPECT_EQ(t.transfers_abandoned, 1);
    EXPECT_EQ(t.transfers_answered, 1);
    EXPECT_DOUBLE_EQ(t.transfer_hold_s, 50);
    EXPECT_EQ(t.resolved, 1);
    EXPECT_EQ(t.resolved_first_contact, 0);
    EXPECT_EQ(t.contacts_of_resolved, 2);
    EXPECT_DOUBLE_EQ(t.resolution_s, 570);
    EXPECT_EQ(contacts(r, m, 0, 0).offered, 2);
    EXPECT_EQ(contacts(r, m, 0, 0).answered, 2);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 170);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 300);
  }
}

// A transfer made after the close to a group that has gone home. Two days of two intervals of
// 500 s (window 0-1000); expert has no agent in day 1's last interval, one in day 2's. A call at
// 900 each day (handle 200, level 2, warm transfer to expert, leg 100, no hold patience).
//   Day 1: front 900-1100. At the close (1000) expert goes home (nothing it may serve waits, and it
//     has no agent to keep). At 1100 the call is transferred, but no group on duty may serve the
//     transfer queue: the caller is closed at once ("a caller that no group on duty may serve is
//     closed at once"): the transfer is abandoned after a hold of 0, a failure (no repeat: the
//     issue is abandoned), and the front agent is freed at 1100: front busy 200 on day 1.
//   Day 2: front 87,300-87,500; at the close (87,400) expert's agent stays, a caller being with an
//     agent who may transfer; at 87,500 the transfer is answered at once, resolved at 87,600.
// Regression: the engine once closed unservable live callers only in on_close; a transfer created
// later waited on hold through the night (hold 85,300 s) and the warm front agent counted as busy
// (and on duty) the whole night.
TEST(SimEscalation, TransferAfterTheCloseToAGroupGoneHomeIsClosedAtOnce) {
  Scenario s;
  s.horizon.interval_s = 500;
  s.horizon.intervals_per_day = 2;
  s.horizon.days = 2;
  ContactType calls = contact_type("calls", 4, 0, 200);
  calls.issues = needs_level(2, transfer_to(1, true, 100));
  s.contact_types = {calls};
  s.agent_groups = {agent_group("front", {1, 1, 1, 1}, 1), agent_group("expert", {1, 0, 1, 1}, 2)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{900}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& t = issues(r, m, horizon(m), 0);
  EXPECT_EQ(t.transfers_abandoned, 1);
  EXPECT_EQ(t.transfers_answered, 1);
  EXPECT_DOUBLE_EQ(t.transfer_hold_s, 0);
  EXPECT_EQ(t.resolved, 1);
  EXPECT_EQ(t.abandoned, 1);
  const std::size_t day1 = static_cast<std::size_t>(m.intervals);
  EXPECT_DOUBLE_EQ(group(r, m, day1, 0).busy_agent_s, 200);
}

// ---- 2. max_transfers ---------------------------------------------------------------------------

// The hold-abandon timeline above (cold transfer, hold patience 50, repeat after 300 s) with
// max_transfers 1 and a third group, back office (authority 2, one agent); one interval of 600 s.
//   0-60 front; 60 transfer #1 on hold; 110 hang-up (failure), call again at 410; front 410-470.
//   At 470 the issue has had its one transfer: the unresolved policy applies instead.
// (a) unresolved = work order to back office (processing 100): created at 470, processed at once
//     470-570, which resolves the issue at 570. Expert busy only with vip (200).
// (b) unresolved = a transfer too: then ask_to_call_again. A failure at 470: the customer would
//     call again at 770, after the close (600) of the only day: the issue stays open at the end.
TEST(SimEscalation, BeyondMaxTransfersTheUnresolvedPolicyApplies) {
  {
    SCOPED_TRACE("unresolved: work order");
    Scenario s = transfer_scenario(false, 50);
    s.horizon.interval_s = 600;
    s.contact_types[0].issues->max_transfers = 1;
    s.contact_types[0].issues->unresolved = work_order_to(2, 100, 3600);
    s.contact_types[0].repeat = repeat_after(300);
    s.agent_groups.push_back(agent_group("back office", {1}, 2));
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {0}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_EQ(t.escalated[kTransfer], 1);
    EXPECT_EQ(t.escalated[kWorkOrder], 1);
    EXPECT_EQ(t.transfers_abandoned, 1);
    EXPECT_EQ(t.transfers_answered, 0);
    EXPECT_EQ(t.work_orders, 1);
    EXPECT_EQ(t.work_orders_done, 1);
    EXPECT_EQ(t.resolved, 1);
    EXPECT_DOUBLE_EQ(t.resolution_s, 570);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 200);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 2).busy_agent_s, 100);
  }
  {
    SCOPED_TRACE("unresolved: a transfer too");
    Scenario s = transfer_scenario(false, 50);
    s.horizon.interval_s = 600;
    s.contact_types[0].issues->max_transfers = 1;
    s.contact_types[0].issues->unresolved = transfer_to(1, false, 100);
    s.contact_types[0].repeat = repeat_after(300);
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {0}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_EQ(t.escalated[kTransfer], 1);
    EXPECT_EQ(t.escalated[kAskAgain], 1);
    EXPECT_EQ(t.transfers_abandoned + t.transfers_answered, 1);
    EXPECT_EQ(t.repeats, 1);
    EXPECT_EQ(t.resolved, 0);
    EXPECT_EQ(t.abandoned, 0);
    EXPECT_EQ(t.open_end, 1);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 200);
  }
}

// ---- 3. work orders -----------------------------------------------------------------------------

// Two intervals of 3600 s. front (authority 1, one agent) takes calls (handle 60, level 2); the
// back office (authority 2, one agent) is open only in the second interval (opens at 3600). Level
// 2 gets a work order (hand-off 600, processing 1200). A call at 0:
//   0-60        front; at 60 the work order is created (deadline 60 + D).
//   660         hand-off over: it joins the back office's queue, closed until 3600.
//   3600-4800   processed; done at 4800, age 4740.
// Work orders open: 1 from 60 to 4800: interval 0 area 3540, interval 1 area 1200.
// (a) D = 4740: done at its very deadline, which is in time (completions come before deadlines at
//     equal times); processing resolves the issue at 4800. No repeat call.
// (b) D = 3000: the deadline passes at 3060 unkept: a failure; the customer (repeat probability 1,
//     600 s) calls again at 3660; front 3660-3720 cannot resolve it and, a work order being
//     pending, changes nothing (no escalation). The late work order still resolves it at 4800
//     (done 1, in time 0), after two contacts.
Scenario work_order_scenario(double deadline_s) {
  Scenario s;
  s.horizon.interval_s = 3600;
  s.horizon.intervals_per_day = 2;
  ContactType calls = contact_type("calls", 2, 0, 60);
  calls.issues = needs_level(2, work_order_to(1, 1200, deadline_s, 600));
  calls.repeat = repeat_after(600);
  s.contact_types = {calls};
  AgentGroup back = agent_group("back office", {1, 1}, 2);
  back.open = {0, 1};
  s.agent_groups = {agent_group("front", {1, 1}, 1), back};
  s.replications = 1;
  return s;
}

TEST(SimEscalation, WorkOrderWaitsForTheBackOfficeHoursAndResolvesInTime) {
  const Scenario s = work_order_scenario(4740);
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& t = issues(r, m, horizon(m), 0);
  EXPECT_EQ(t.escalated[kWorkOrder], 1);
  EXPECT_EQ(t.work_orders, 1);
  EXPECT_EQ(t.work_orders_done, 1);
  EXPECT_EQ(t.work_orders_in_time, 1);
  EXPECT_EQ(t.work_orders_open_end, 0);
  EXPECT_DOUBLE_EQ(t.work_order_age_s, 4740);
  EXPECT_DOUBLE_EQ(issues(r, m, 0, 0).work_order_area_s, 3540);
  EXPECT_DOUBLE_EQ(issues(r, m, 1, 0).work_order_area_s, 1200);
  EXPECT_EQ(t.resolved, 1);
  EXPECT_EQ(t.resolved_first_contact, 0);
  EXPECT_DOUBLE_EQ(t.resolution_s, 4800);
  EXPECT_EQ(t.repeats, 0);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 0);
  EXPECT_DOUBLE_EQ(group(r, m, 1, 1).busy_agent_s, 1200);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 60);  // a work order does not hold the agent
}

TEST(SimEscalation, WorkOrderPastItsDeadlineIsAFailureAndTheCustomerCallsAgain) {
  const Scenario s = work_order_scenario(3000);
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& t = issues(r, m, horizon(m), 0);
  EXPECT_EQ(t.work_orders, 1);
  EXPECT_EQ(t.work_orders_done, 1);
  EXPECT_EQ(t.work_orders_in_time, 0);
  EXPECT_DOUBLE_EQ(t.work_order_age_s, 4740);
  EXPECT_EQ(t.escalated[kWorkOrder], 1);  // the repeat contact escalated nothing
  EXPECT_EQ(issues(r, m, 1, 0).repeats, 1);
  EXPECT_EQ(contacts(r, m, 1, 0).offered, 1);
  EXPECT_EQ(contacts(r, m, 1, 0).answered, 1);
  EXPECT_DOUBLE_EQ(group(r, m, 1, 0).busy_agent_s, 60);  // 3660-3720
  EXPECT_EQ(t.resolved, 1);
  EXPECT_EQ(t.contacts_of_resolved, 2);
  EXPECT_DOUBLE_EQ(t.resolution_s, 4800);
}

// The late work order of the previous test, for a customer who never calls again (no repeat): the
// missed deadline at 3060 is a failure and the customer will not call again, but a work order is
// still pending, so the issue is not given up; processing it resolves the issue at 4800.
TEST(SimEscalation, CustomerWhoGivesUpKeepsTheIssueOpenWhileAWorkOrderIsPending) {
  Scenario s = work_order_scenario(3000);
  s.contact_types[0].repeat.reset();
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& t = issues(r, m, horizon(m), 0);
  EXPECT_EQ(t.work_orders_in_time, 0);
  EXPECT_EQ(t.repeats, 0);
  EXPECT_EQ(t.abandoned, 0);
  EXPECT_EQ(t.resolved, 1);
  EXPECT_DOUBLE_EQ(t.resolution_s, 4800);
}

// Back office (one agent) is busy 0-500 with a direct contact (type busy, handle 500). Two front
// agents take an A call at 0 and a B call at 10 (handle 60, level 2, work order to back office,
// processing 100): A's work order is created at 60 with deadline 60 + 7200 = 7260, B's at 70 with
// deadline 70 + 3600 = 3670.
//   FIFO: A's first (joined at 60): 500-600 (age 540), then B's 600-700 (age 630).
//   earliest deadline first: B's first: 500-600 (age 530), then A's 600-700 (age 640).
TEST(SimEscalation, BackOfficeTakesWorkOrdersFifoOrByEarliestDeadline) {
  for (const WorkOrderOrder order : {WorkOrderOrder::fifo, WorkOrderOrder::earliest_deadline}) {
    const bool fifo = order == WorkOrderOrder::fifo;
    SCOPED_TRACE(fifo ? "fifo" : "earliest deadline");
    Scenario s;
    s.horizon.interval_s = 3600;
    ContactType a = contact_type("A", 1, 0, 60);
    a.issues = needs_level(2, work_order_to(1, 100, 7200));
    ContactType b = contact_type("B", 1, 0, 60);
    b.issues = needs_level(2, work_order_to(1, 100, 3600));
    s.contact_types = {a, b, contact_type("busy", 1, 1, 500)};
    AgentGroup back = agent_group("back office", {1}, 2);
    back.order = order;
    s.agent_groups = {agent_group("front", {2}, 1), back};
    s.replications = 1;
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {10}, {0}};
    const ReplicationTally r = run_replication(m, 1, 0);
    EXPECT_DOUBLE_EQ(issues(r, m, horizon(m), 0).work_order_age_s, fifo ? 540 : 640);
    EXPECT_DOUBLE_EQ(issues(r, m, horizon(m), 1).work_order_age_s, fifo ? 630 : 530);
    EXPECT_EQ(issues(r, m, horizon(m), 0).work_orders_in_time, 1);
    EXPECT_EQ(issues(r, m, horizon(m), 1).work_orders_in_time, 1);
  }
}

// The FIFO timeline of the previous test with B given type priority 5 (A has 0). sim/simulator.hpp,
// routing rule 5: "deferred work (work orders and audits, FIFO or earliest deadline first) ...
// Within a tier, higher type priority first, then the earliest item". So B's work order (joined at
// 70) goes before A's (joined at 60): B 500-600 (age 530), A 600-700 (age 640).
// Regression: every work-order candidate once had priority 0, so deferred work ignored type
// priority: A's went first (ages 540 and 630).
TEST(SimEscalation, DeferredWorkOfAHigherPriorityTypeGoesFirst) {
  Scenario s;
  s.horizon.interval_s = 3600;
  ContactType a = contact_type("A", 1, 0, 60);
  a.issues = needs_level(2, work_order_to(1, 100, 7200));
  ContactType b = contact_type("B", 1, 0, 60);
  b.priority = 5;
  b.issues = needs_level(2, work_order_to(1, 100, 3600));
  s.contact_types = {a, b, contact_type("busy", 1, 1, 500)};
  s.agent_groups = {agent_group("front", {2}, 1), agent_group("back office", {1}, 2)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}, {10}, {0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_DOUBLE_EQ(issues(r, m, horizon(m), 1).work_order_age_s, 530);
  EXPECT_DOUBLE_EQ(issues(r, m, horizon(m), 0).work_order_age_s, 640);
}

// One interval of 7200 s; back office and outbound (one agent each) on duty throughout. Level 2
// gets a work order (hand-off 600, processing 1200, deadline 7200) then a call-back by outbound
// (talk 120, within 3600, reach 1). A call at 0:
//   0-60        front; work order created at 60.
//   660-1860    hand-off over at 660, processed at once (not at 60: the hand-off delays it).
//   1860        processing done: a call-back is promised (deadline 5460); outbound idle, nobody
//               waits on the line: the call-back is made at once and reaches the customer.
//   1860-1980   the call; the issue is resolved at 1980, the promise kept.
// Work order: age 1800, in time; open 60-1860 (area 1800). Outbound busy 120, back office 1200.
TEST(SimEscalation, HandOffDelaysTheWorkOrderAndThenACallBackResolves) {
  Scenario s;
  s.horizon.interval_s = 7200;
  ContactType calls = contact_type("calls", 1, 0, 60);
  Escalation order = work_order_to(1, 1200, 7200, 600);
  order.work_order.then_callback = callback_policy(2, 120, 3600);
  calls.issues = needs_level(2, order);
  s.contact_types = {calls};
  s.agent_groups = {agent_group("front", {1}, 1), agent_group("back office", {1}, 2),
                    agent_group("outbound", {1}, 1)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& t = issues(r, m, horizon(m), 0);
  EXPECT_EQ(t.work_orders_done, 1);
  EXPECT_EQ(t.work_orders_in_time, 1);
  EXPECT_DOUBLE_EQ(t.work_order_age_s, 1800);
  EXPECT_DOUBLE_EQ(t.work_order_area_s, 1800);
  EXPECT_EQ(t.callbacks_promised, 1);
  EXPECT_EQ(t.callbacks_reached, 1);
  EXPECT_EQ(t.callbacks_kept, 1);
  EXPECT_EQ(t.escalated[kWorkOrder], 1);
  EXPECT_EQ(t.escalated[kCallback], 0);  // the call-back followed the work order
  EXPECT_EQ(t.resolved, 1);
  EXPECT_DOUBLE_EQ(t.resolution_s, 1980);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 1200);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 2).busy_agent_s, 120);
  EXPECT_EQ(handled(r, m, 0, 1, 0), 1);
  EXPECT_EQ(handled(r, m, 0, 2, 0), 1);
}

// ---- 4. call-backs ------------------------------------------------------------------------------

// front (one agent) takes calls (handle 60, level 2: a call-back by outbound, talk 120). Calls at
// 0, 10 and 20 (their issues 1, 2, 3); one agent in outbound; within 3600 (all promises kept).
// Front: 0-60, 60-120, 120-180; call-backs promised at 60, 120 and 180.
// queue_empty (the default): outbound takes a call-back only while nobody waits on the line.
//   60   call-back 1 promised; calls 2 and 3 wait: outbound stays idle.
//   120  call 3 is taken, nobody waits any more: outbound takes call-back 1: 120-240.
//   240  call-back 2 (promised 120): 240-360; 360 call-back 3 (promised 180): 360-480.
//   Resolutions: 240 - 0 + 360 - 10 + 480 - 20 = 1050.
// queue_empty false: 60 call-back 1 at once: 60-180; 180 call-back 2 (completion of call-back 1
//   was scheduled before that of call 3, so it comes first at 180): 180-300; call-back 3 300-420.
//   Resolutions: 180 + 290 + 400 = 870.
// Outbound busy 360 in both.
TEST(SimEscalation, CallBacksWaitWhileACallerWaitsOnTheLine) {
  for (const bool queue_empty : {true, false}) {
    SCOPED_TRACE(queue_empty ? "queue_empty" : "any time");
    Scenario s;
    s.horizon.interval_s = 3600;
    ContactType calls = contact_type("calls", 1, 0, 60);
    calls.issues = needs_level(2, callback_by(callback_policy(1, 120, 3600)));
    s.contact_types = {calls};
    AgentGroup outbound = agent_group("outbound", {1}, 1);
    outbound.callbacks_when.queue_empty = queue_empty;
    s.agent_groups = {agent_group("front", {1}, 1), outbound};
    s.replications = 1;
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0, 10, 20}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_EQ(t.callbacks_promised, 3);
    EXPECT_EQ(t.callbacks_reached, 3);
    EXPECT_EQ(t.callbacks_kept, 3);
    EXPECT_EQ(t.resolved, 3);
    EXPECT_DOUBLE_EQ(t.resolution_s, queue_empty ? 1050 : 870);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 360);
  }
}

// outbound has two agents and also takes sales (handle 300, no issues); a sales contact at 0 keeps
// one outbound agent busy 0-300. A call at 0 (front 0-60) gets a call-back promised at 60.
//   idle_at_least 2: at 60 only one outbound agent is idle (the taker itself): it waits until
//     300, when the other agent finishes and both are idle: call-back 300-420, resolved at 420.
//   idle_at_least 1: taken at 60: 60-180, resolved at 180.
TEST(SimEscalation, CallBacksWaitUntilEnoughOutboundAgentsAreIdle) {
  for (const int idle_at_least : {2, 1}) {
    SCOPED_TRACE(idle_at_least);
    Scenario s;
    s.horizon.interval_s = 3600;
    ContactType calls = contact_type("calls", 1, 0, 60);
    calls.issues = needs_level(2, callback_by(callback_policy(1, 120, 3600)));
    s.contact_types = {calls, contact_type("sales", 1, 1, 300)};
    AgentGroup outbound = agent_group("outbound", {2}, 1);
    outbound.callbacks_when.idle_at_least = idle_at_least;
    s.agent_groups = {agent_group("front", {1}, 1), outbound};
    s.replications = 1;
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {0}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_EQ(t.callbacks_reached, 1);
    EXPECT_DOUBLE_EQ(t.resolution_s, idle_at_least == 2 ? 420 : 180);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 300 + 120);
  }
}

// A call-back that never reaches the customer (reach 1e-300: see the header), attempts 3, each
// failed attempt takes 30 s, retried 600 s after it ends; within 3600. Intervals of 600 s (12 of
// them). Call at 0, front 0-60, promise at 60 (deadline 3660):
//   attempt 1 60-90, attempt 2 690-720, attempt 3 1320-1350: 30 s of outbound busy time in each of
//   intervals 0, 1 and 2, and none later (no fourth attempt). Three items handled by outbound.
//   3660: the deadline passes unkept: a failure; the type has no repeat: the customer gives up and
//   the issue is abandoned (nothing is pending any more).
TEST(SimEscalation, CallBackAttemptsAreRetriedThenThePromiseFails) {
  Scenario s;
  s.horizon.interval_s = 600;
  s.horizon.intervals_per_day = 12;
  ContactType calls = contact_type("calls", 12, 0, 60);
  CallbackPolicy policy = callback_policy(1, 120, 3600, kNeverReached);
  policy.attempts = 3;
  policy.attempt_s = 30;
  policy.retry_after_s = 600;
  calls.issues = needs_level(2, callback_by(policy));
  s.contact_types = {calls};
  s.agent_groups = {agent_group("front", std::vector<int>(12, 1), 1),
                    agent_group("outbound", std::vector<int>(12, 1), 1)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& t = issues(r, m, horizon(m), 0);
  EXPECT_EQ(t.callbacks_promised, 1);
  EXPECT_EQ(t.callbacks_reached, 0);
  EXPECT_EQ(t.callbacks_kept, 0);
  EXPECT_EQ(t.resolved, 0);
  EXPECT_EQ(t.abandoned, 1);
  for (std::size_t i = 0; i < 12; ++i) {
    SCOPED_TRACE(i);
    EXPECT_DOUBLE_EQ(group(r, m, i, 1).busy_agent_s, i < 3 ? 30 : 0);
  }
  EXPECT_EQ(handled(r, m, horizon(m), 1, 0), 3);
}

// outbound is closed in the first of two intervals of 3600 s. Call at 0, front 0-60, call-back
// promised at 60 within 1800 (deadline 1860), repeat probability 1 after 600 s.
//   1860  the deadline passes: a failure; the customer calls again at 2460.
//   2460  front 2460-2520 cannot resolve it; a call-back is pending: nothing changes.
//   3600  outbound opens and calls at once: reached (reach 1) but late (not kept); talk 120:
//         resolved at 3720 after two inbound contacts.
TEST(SimEscalation, LateCallBackStillResolvesButIsNotKept) {
  Scenario s;
  s.horizon.interval_s = 3600;
  s.horizon.intervals_per_day = 2;
  ContactType calls = contact_type("calls", 2, 0, 60);
  calls.issues = needs_level(2, callback_by(callback_policy(1, 120, 1800)));
  calls.repeat = repeat_after(600);
  s.contact_types = {calls};
  s.agent_groups = {agent_group("front", {1, 1}, 1), agent_group("outbound", {0, 1}, 1)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& t = issues(r, m, horizon(m), 0);
  EXPECT_EQ(t.escalated[kCallback], 1);
  EXPECT_EQ(t.callbacks_promised, 1);
  EXPECT_EQ(t.callbacks_reached, 1);
  EXPECT_EQ(t.callbacks_kept, 0);
  EXPECT_EQ(t.repeats, 1);
  EXPECT_EQ(t.resolved, 1);
  EXPECT_EQ(t.contacts_of_resolved, 2);
  EXPECT_DOUBLE_EQ(t.resolution_s, 3720);
  EXPECT_DOUBLE_EQ(group(r, m, 1, 1).busy_agent_s, 120);
}

// A call-back waiting for its retry is cancelled when the issue is resolved; its retry must not
// fire on whatever item later reuses its slot. Intervals of 600 s (6). Groups: front, lead
// (authority 2), outbound, back office (one agent each). calls (front, else lead; handle 60; level
// 2: call-back by outbound, never reached (1e-300), 2 attempts, 10 s each, retried 1000 s after,
// within 100 s; repeat probability 1 after 100 s); other (front, handle 1000, no issues); orders
// (lead, handle 60, level 1, resolve probability 0: a work order for the back office, hand-off
// 2000 s, processing 100).
//   0-60       front: call; call-back promised at 60 (deadline 160), attempt 1 at once, 60-70,
//              not reached: retry due at 1070.
//   160        the deadline passes: a failure; the customer calls again at 260.
//   250-1250   front: other.
//   260-320    the repeat call goes to lead (front busy), which resolves the issue at 320: the
//              pending call-back (waiting for its retry) is cancelled.
//   400-460    lead: orders; at 460 a work order, handed off at 2460, processed 2460-2560 (age
//              2100), all of it in interval 4 [2400, 3000).
// Outbound works only the first attempt (10 s). Regression: the cancelled call-back's retry event
// (1070) once fired on the work order that reused its record (WorkPool::release did not change
// the generation), queueing it 1390 s early (processed 1070-1170, age 710).
TEST(SimEscalation, CancelledCallBackRetryDoesNotFireOnAReusedItem) {
  Scenario s;
  s.horizon.interval_s = 600;
  s.horizon.intervals_per_day = 6;
  const std::vector<int> one(6, 1);
  ContactType calls = contact_type("calls", 6, 0, 60);
  calls.routing = {{0, 0}, {1, 0}};
  CallbackPolicy policy = callback_policy(2, 120, 100, kNeverReached);
  policy.attempts = 2;
  policy.attempt_s = 10;
  policy.retry_after_s = 1000;
  calls.issues = needs_level(2, callback_by(policy));
  calls.repeat = repeat_after(100);
  ContactType orders = contact_type("orders", 6, 1, 60);
  orders.issues = IssueModel{};
  orders.issues->resolve_probability = 0;
  orders.issues->unresolved = work_order_to(3, 100, 86400, 2000);
  s.contact_types = {calls, contact_type("other", 6, 0, 1000), orders};
  s.agent_groups = {agent_group("front", one, 1), agent_group("lead", one, 2),
                    agent_group("outbound", one, 1), agent_group("back office", one, 1)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}, {250}, {400}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& c = issues(r, m, horizon(m), 0);
  EXPECT_EQ(c.resolved, 1);
  EXPECT_DOUBLE_EQ(c.resolution_s, 320);
  EXPECT_DOUBLE_EQ(group(r, m, horizon(m), 2).busy_agent_s, 10);
  const IssueTally& o = issues(r, m, horizon(m), 2);
  EXPECT_EQ(o.work_orders_done, 1);
  EXPECT_DOUBLE_EQ(o.work_order_age_s, 2100);
  EXPECT_DOUBLE_EQ(group(r, m, 1, 3).busy_agent_s, 0);
  EXPECT_DOUBLE_EQ(group(r, m, 4, 3).busy_agent_s, 100);
}

// ---- 5. repeat calls and complaints -------------------------------------------------------------

// Two days, each with two intervals of 3600 s (window 0-7200; day 2 opens at 86,400). calls
// (repeat only, no issue model: an answered contact settles the issue; handle 60, patience 100,
// repeat probability 1 after 600 s of the type's opening hours). The type is closed in day 2's
// first interval; front is off in day 1's second interval. Scripted arrival at 6900 each day.
//   Day 1: the call waits (nobody on duty) and hangs up at 7000: a failure. Of the 600 s, 200
//     run until the close at 7200; the type is closed from 86,400 to 90,000; the other 400 s run
//     from 90,000: the customer calls again at 90,400 (interval 3), answered at once, resolved at
//     90,460: resolution 90,460 - 6900 = 83,560, two contacts (issue figures in interval 1).
//   Day 2: the scripted call at 86,400 + 6900 = 93,300 (interval 3) is answered and resolved (60).
// Interval 3: two contacts offered and answered, one a repeat.
TEST(SimEscalation, RepeatDelayRunsOnlyInTheTypesOpeningHours) {
  Scenario s;
  s.horizon.interval_s = 3600;
  s.horizon.intervals_per_day = 2;
  s.horizon.days = 2;
  ContactType calls = contact_type("calls", 4, 0, 60);
  calls.patience = Deterministic{100};
  calls.repeat = repeat_after(600);
  calls.open = {1, 1, 0, 1};
  s.contact_types = {calls};
  s.agent_groups = {agent_group("front", {1, 0, 1, 1}, 1)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{6900}};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_EQ(contacts(r, m, 1, 0).offered, 1);
  EXPECT_EQ(contacts(r, m, 1, 0).abandoned, 1);
  EXPECT_EQ(contacts(r, m, 2, 0).offered, 0);
  EXPECT_EQ(contacts(r, m, 3, 0).offered, 2);
  EXPECT_EQ(contacts(r, m, 3, 0).answered, 2);
  EXPECT_EQ(issues(r, m, 3, 0).repeats, 1);
  const IssueTally& first = issues(r, m, 1, 0);
  EXPECT_EQ(first.issues, 1);
  EXPECT_EQ(first.resolved, 1);
  EXPECT_EQ(first.contacts_of_resolved, 2);
  EXPECT_DOUBLE_EQ(first.resolution_s, 83560);
  const IssueTally& second = issues(r, m, 3, 0);
  EXPECT_EQ(second.issues, 1);
  EXPECT_EQ(second.resolved, 1);
  EXPECT_DOUBLE_EQ(second.resolution_s, 60);
}

// calls (front, handle 60, level 1, resolve probability 0: every contact ends in
// ask_to_call_again; repeat probability 1 after 300 s; complaint after 2 failures, to type
// complaints). complaints (front, handle 90, every complaint needs level 2; front escalates it by
// a cold transfer to expert, leg 100; resolve probability 1). One interval of 3600 s; call at 0.
//   0-60     failure 1: calls again at 360 as a call.
//   360-420  failure 2 (the complaint_after-th): calls again at 720 as a complaint.
//   720-810  the complaint; its level is drawn again from the complaint type: 2 > front's 1:
//            transfer, expert idle: 810-910, resolved at 910 after three inbound contacts.
// Had the level stayed 1 (the calls type's), front would have resolved it at 810 and expert would
// have stayed idle: expert's busy 100 s show the redraw. Issue figures under calls: one issue,
// one complaint; contact figures under the type of each contact.
TEST(SimEscalation, ComplaintAfterNFailuresSwitchesTypeAndRedrawsTheLevel) {
  Scenario s;
  s.horizon.interval_s = 3600;
  ContactType calls = contact_type("calls", 1, 0, 60);
  calls.issues = IssueModel{};
  calls.issues->resolve_probability = 0;
  calls.repeat = repeat_after(300);
  calls.repeat->complaint_after = 2;
  calls.repeat->complaint_type = 1;
  ContactType complaints = contact_type("complaints", 1, 0, 90);
  complaints.issues = needs_level(2, transfer_to(1, false, 100));
  s.contact_types = {calls, complaints};
  s.agent_groups = {agent_group("front", {1}, 1), agent_group("expert", {1}, 2)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}, {}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const std::size_t h = horizon(m);
  const IssueTally& t = issues(r, m, h, 0);
  EXPECT_EQ(t.issues, 1);
  EXPECT_EQ(t.complaints, 1);
  EXPECT_EQ(t.escalated[kAskAgain], 2);
  EXPECT_EQ(t.repeats, 1);
  EXPECT_EQ(t.resolved, 1);
  EXPECT_EQ(t.contacts_of_resolved, 3);
  EXPECT_DOUBLE_EQ(t.resolution_s, 910);
  const IssueTally& c = issues(r, m, h, 1);
  EXPECT_EQ(c.issues, 0);
  EXPECT_EQ(c.repeats, 1);
  EXPECT_EQ(c.escalated[kTransfer], 1);
  EXPECT_EQ(c.transfers_answered, 1);
  EXPECT_EQ(contacts(r, m, h, 0).offered, 2);
  EXPECT_EQ(contacts(r, m, h, 1).offered, 1);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 60 + 60 + 90);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 100);
}

// ---- 6. team leads ------------------------------------------------------------------------------

// front (one agent) takes hard calls (handle 60, level 2: cold transfer to lead, leg 100); lead
// (authority 2, one agent) also takes simple calls (handle 100, no issues). Hard at 0; simple at 0
// and 30. One interval of 3600 s.
//   0-100  lead: simple 1. At 30 simple 2 waits; at 60 the transfer waits on hold.
//   first: escalations: 100-200 the transfer (hold 40, resolved at 200), 200-300 simple 2 (wait
//     170).
//   first: calls: 100-200 simple 2 (wait 70), 200-300 the transfer (hold 140, resolved at 300).
TEST(SimEscalation, TeamLeadTakesEscalationsOrCallsFirst) {
  for (const ServiceOrder first : {ServiceOrder::escalations_first, ServiceOrder::calls_first}) {
    const bool escalations = first == ServiceOrder::escalations_first;
    SCOPED_TRACE(escalations ? "escalations first" : "calls first");
    Scenario s;
    s.horizon.interval_s = 3600;
    ContactType hard = contact_type("hard", 1, 0, 60);
    hard.issues = needs_level(2, transfer_to(1, false, 100));
    s.contact_types = {hard, contact_type("simple", 1, 1, 100)};
    AgentGroup lead = agent_group("lead", {1}, 2);
    lead.first = first;
    s.agent_groups = {agent_group("front", {1}, 1), lead};
    s.replications = 1;
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {0, 30}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_DOUBLE_EQ(t.transfer_hold_s, escalations ? 40 : 140);
    EXPECT_DOUBLE_EQ(t.resolution_s, escalations ? 200 : 300);
    EXPECT_DOUBLE_EQ(contacts(r, m, 0, 1).wait_answered_s, escalations ? 170 : 70);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 300);
  }
}

// The same groups with two lead agents and simple calls at 0, 10 and 20 (hard at 0, front 0-60).
// reserve 1: a lead agent takes a simple call only while another lead agent stays idle.
//   0    simple 1: two idle, one stays idle: taken (0-100). 10, 20: simple 2 and 3 would leave
//        nobody idle: they wait.
//   60   the transfer: a lead agent is idle: answered at once (hold 0), 60-160, resolved at 160.
//   100  the first agent is free, but the other is busy: it may not take simple 2; idle.
//   160  the transfer ends; one other idle: simple 2 160-260 (wait 150), then simple 3 260-360
//        (wait 240). Waits 0 + 150 + 240 = 390.
// reserve 0: simple 1 0-100, simple 2 10-110, simple 3 waits; the transfer waits from 60;
//   100 the transfer (escalations first; hold 40, resolved at 200); 110 simple 3 (wait 90).
// Lead busy 400 either way.
TEST(SimEscalation, ReserveKeepsTeamLeadAgentsFreeForEscalations) {
  for (const int reserve : {1, 0}) {
    SCOPED_TRACE(reserve);
    Scenario s;
    s.horizon.interval_s = 3600;
    ContactType hard = contact_type("hard", 1, 0, 60);
    hard.issues = needs_level(2, transfer_to(1, false, 100));
    s.contact_types = {hard, contact_type("simple", 1, 1, 100)};
    AgentGroup lead = agent_group("lead", {2}, 2);
    lead.reserve = reserve;
    s.agent_groups = {agent_group("front", {1}, 1), lead};
    s.replications = 1;
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{0}, {0, 10, 20}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const IssueTally& t = issues(r, m, horizon(m), 0);
    EXPECT_DOUBLE_EQ(t.transfer_hold_s, reserve == 1 ? 0 : 40);
    EXPECT_DOUBLE_EQ(t.resolution_s, reserve == 1 ? 160 : 200);
    EXPECT_EQ(contacts(r, m, 0, 1).answered, 3);
    EXPECT_DOUBLE_EQ(contacts(r, m, 0, 1).wait_answered_s, reserve == 1 ? 390 : 90);
    EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 400);
  }
}

// ---- 7. authority cost -------------------------------------------------------------------------

// lead (authority 2, two agents) has an authority cost: handle-time factor 1.5, added 20 s, audit
// share 1 to the audit group (one agent, audit processing 200). A simple call (handle 100, no
// issue) and a hard call (front 0-60, transfer with a leg of 100) arrive at 0.
//   lead agent 1: the simple call takes 100 x 1.5 + 20 = 170: 0-170.
//   lead agent 2: the transfer takes 170 too: 60-230, resolves the issue at 230; share 1: an
//     audit, 230-430 at the audit group. The simple call resolves no issue: no audit.
// Front (no cost) busy 60. Lead busy 340, audit 200; one audit, under the hard issue.
TEST(SimEscalation, AuthorityCostLengthensHandlingAndCreatesAudits) {
  Scenario s;
  s.horizon.interval_s = 3600;
  ContactType hard = contact_type("hard", 1, 0, 60);
  hard.issues = needs_level(2, transfer_to(1, false, 100));
  s.contact_types = {hard, contact_type("simple", 1, 1, 100)};
  AgentGroup lead = agent_group("lead", {2}, 2);
  lead.authority_cost.handle_time_factor = 1.5;
  lead.authority_cost.added_s = 20;
  lead.authority_cost.audit_share = 1;
  lead.authority_cost.audit = AuditWork{2, Deterministic{200}};
  s.agent_groups = {agent_group("front", {1}, 1), lead, agent_group("audit", {1}, 1)};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}, {0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  const IssueTally& t = issues(r, m, horizon(m), 0);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 60);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 340);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 2).busy_agent_s, 200);
  EXPECT_DOUBLE_EQ(t.resolution_s, 230);
  EXPECT_EQ(t.audits, 1);
  EXPECT_EQ(issues(r, m, horizon(m), 1).audits, 0);
  EXPECT_EQ(handled(r, m, 0, 2, 0), 1);
}

// outbound (two agents) has an authority cost: factor 2, added 10 s. Two front agents take a call
// of type reached (call-back reach 1, talk 120) and one of type missed (reach 1e-300: see the
// header; one attempt of 30 s) at 0; both promise a call-back at 60, made at once by the two
// outbound agents. The reached call takes 120 x 2 + 10 = 250 (60-310); the failed attempt keeps
// its 30 s (the cost applies to contacts, transfers and reached call-backs). Outbound busy 280.
TEST(SimEscalation, AuthorityCostAppliesToReachedCallBacksNotToFailedAttempts) {
  Scenario s;
  s.horizon.interval_s = 3600;
  ContactType reached = contact_type("reached", 1, 0, 60);
  reached.issues = needs_level(2, callback_by(callback_policy(1, 120, 3600)));
  ContactType missed = contact_type("missed", 1, 0, 60);
  CallbackPolicy never = callback_policy(1, 120, 3600, kNeverReached);
  never.attempt_s = 30;
  missed.issues = needs_level(2, callback_by(never));
  s.contact_types = {reached, missed};
  AgentGroup outbound = agent_group("outbound", {2}, 1);
  outbound.authority_cost.handle_time_factor = 2;
  outbound.authority_cost.added_s = 10;
  s.agent_groups = {agent_group("front", {2}, 1), outbound};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0}, {0}};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 250 + 30);
  EXPECT_DOUBLE_EQ(issues(r, m, horizon(m), 0).resolution_s, 310);
  EXPECT_EQ(issues(r, m, horizon(m), 1).callbacks_reached, 0);
}

// ---- 8. reinforcement ---------------------------------------------------------------------------

// calls (handle 100) go to front (one agent); second line (one agent) takes calls only while the
// rule is on: start at queue 2, stop at 0. Calls at 0, 10, 20, 30, 230, 240; one interval of 1000.
//   0    front 0-100.          10  waits (queue 1: the rule is off, second line may not take it).
//   20   queue 2: the rule starts; second line takes the call of 10 at once (20-120); queue 1.
//   30   queue 2.              100 front takes the call of 20 (100-200); queue 1: still on.
//   120  second line takes the call of 30 (120-220); queue 0: the rule stops. On 20-120: 100 s.
//   230  front idle: 230-330.  240 waits: queue 1, the rule is off, second line (idle) may not
//        take it; front at 330 (wait 90).
// Waits 0 + 10 + 80 + 90 + 0 + 90 = 270; front 4 calls (busy 400), second line 2 (busy 200).
TEST(SimEscalation, ReinforcementStartsAtItsQueueLengthAndStopsAtTheStopLength) {
  Scenario s;
  s.horizon.interval_s = 1000;
  s.contact_types = {contact_type("calls", 1, 0, 100)};
  s.agent_groups = {agent_group("front", {1}), agent_group("second line", {1})};
  Reinforcement rule;
  rule.group = 1;
  rule.type = 0;
  rule.start_queue = 2;
  rule.stop_queue = 0;
  s.reinforcement = {rule};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0, 10, 20, 30, 230, 240}};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_EQ(contacts(r, m, 0, 0).answered, 6);
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 0).wait_answered_s, 270);
  EXPECT_EQ(handled(r, m, 0, 0, 0), 4);
  EXPECT_EQ(handled(r, m, 0, 1, 0), 2);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).busy_agent_s, 400);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 200);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).reinforcing_s, 100);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 0).reinforcing_s, 0);
}

// The same groups, the rule starting when the oldest caller has waited 50 s (stop at 0). Calls at
// 0 and 10: the call of 10 has waited 50 s at 60; the rule starts and second line takes it at once
// (wait 50); the queue is empty: the rule stops at 60 (reinforcing 0 s).
TEST(SimEscalation, ReinforcementStartsOnTheOldestWait) {
  Scenario s;
  s.horizon.interval_s = 1000;
  s.contact_types = {contact_type("calls", 1, 0, 100)};
  s.agent_groups = {agent_group("front", {1}), agent_group("second line", {1})};
  Reinforcement rule;
  rule.group = 1;
  rule.type = 0;
  rule.start_oldest_wait_s = 50;
  rule.stop_queue = 0;
  s.reinforcement = {rule};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0, 10}};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_DOUBLE_EQ(contacts(r, m, 0, 0).wait_answered_s, 50);
  EXPECT_EQ(handled(r, m, 0, 1, 0), 1);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 100);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).reinforcing_s, 0);
}

// The oldest-wait rule (60 s, stop at 1) must start again for a caller who became the head of the
// queue while the rule was on. calls take 100 s at second line and 1000 s at front (front's
// handle-time factor 10). Calls at 0, 10, 20, 100, 110, 120; intervals of 500 s (6).
//   0     front 0-1000.        10, 20: wait.
//   70    the call of 10 has waited 60: the rule starts; second line takes it (70-170); one call
//         waits (that of 20): at the stop length, the rule stops.
//   80    the call of 20, now the oldest, has waited 60: the rule starts again.
//   170   second line takes the call of 20 (170-270), then 100 (270-370), then 110 (370-470):
//         the call of 120 is left, at the stop length: the rule stops, but that caller has waited
//         250 s, more than 60, so it starts again at once; second line takes it at 470 (until 570).
// Second line: 5 calls, busy 70-500 = 430 s in interval 0 [0, 500).
TEST(SimEscalation, OldestWaitRuleRestartsForAHeadThatArrivedWhileItWasOn) {
  Scenario s;
  s.horizon.interval_s = 500;
  s.horizon.intervals_per_day = 6;
  s.contact_types = {contact_type("calls", 6, 0, 100)};
  AgentGroup front = agent_group("front", std::vector<int>(6, 1));
  front.authority_cost.handle_time_factor = 10;
  s.agent_groups = {front, agent_group("second line", std::vector<int>(6, 1))};
  Reinforcement rule;
  rule.group = 1;
  rule.type = 0;
  rule.start_oldest_wait_s = 60;
  rule.stop_queue = 1;
  s.reinforcement = {rule};
  s.replications = 1;
  validate(s);
  CompiledScenario m(s);
  m.scripted_arrivals_s = {{0, 10, 20, 100, 110, 120}};
  const ReplicationTally r = run_replication(m, 1, 0);
  EXPECT_EQ(handled(r, m, horizon(m), 1, 0), 5);
  EXPECT_DOUBLE_EQ(group(r, m, 0, 1).busy_agent_s, 430);
}

// At the close a second-line group whose queue-length rule is off may not serve the caller still
// waiting, and the rule cannot start any more (no contact arrives after the close). Two days of two
// intervals of 500 s; front has no agent in day 1's last interval; second line one agent
// throughout; rule: start at queue 5, stop at 0. A call at 900 (handle 100, no patience):
//   it waits (front off, the rule off); at the close (1000) no group on duty may serve it: it is
//   closed then (unanswered at close, wait 100), and second line goes home: on duty 1000 on day 1.
// The same timeline without the rule gives exactly that (checked below as the reference).
// Regression: the close once counted every candidate queue of a group, whatever its condition:
// second line was held for a caller it may not take, the caller waited through the night (wait
// 85,500 s), and second line was on duty all night (86,400 agent-s on day 1).
TEST(SimEscalation, GroupWhoseRuleIsOffGoesHomeAtTheClose) {
  Scenario s;
  s.horizon.interval_s = 500;
  s.horizon.intervals_per_day = 2;
  s.horizon.days = 2;
  s.contact_types = {contact_type("calls", 4, 0, 100)};
  s.agent_groups = {agent_group("front", {1, 0, 1, 1}), agent_group("second line", {1, 1, 1, 1})};
  s.replications = 1;
  const std::size_t day1 = 4;
  for (const bool with_rule : {false, true}) {
    SCOPED_TRACE(with_rule ? "with the rule" : "reference: no rule");
    if (with_rule) {
      Reinforcement rule;
      rule.group = 1;
      rule.type = 0;
      rule.start_queue = 5;
      rule.stop_queue = 0;
      s.reinforcement = {rule};
    }
    validate(s);
    CompiledScenario m(s);
    m.scripted_arrivals_s = {{900}};
    const ReplicationTally r = run_replication(m, 1, 0);
    const ContactTally& c = contacts(r, m, day1, 0);
    EXPECT_EQ(c.unanswered_at_close, 1);
    EXPECT_DOUBLE_EQ(c.wait_all_s, 100);
    EXPECT_DOUBLE_EQ(group(r, m, day1, 1).on_duty_agent_s, 1000);
  }
}

// ---- 9. conservation with every feature on ------------------------------------------------------

// Three days (one warm-up day before them) of six half-hour intervals; Poisson arrivals, random
// durations; three authority levels; warm transfers with hold patience, max_transfers 1; work
// orders with hand-off, an earliest-deadline back office open part of the day and a call-back
// after; call-backs with reach < 1 and retries; repeat calls and complaints; a team lead with
// reserve, an authority cost and audits; two reinforcement rules; a repeat-only type.
Scenario everything_scenario() {
  constexpr int kIntervals = 6, kDays = 3;
  constexpr std::size_t n = kIntervals * kDays;
  auto daily = [&](std::vector<int> day) {
    std::vector<int> all;
    for (int d = 0; d < kDays; ++d) all.insert(all.end(), day.begin(), day.end());
    return all;
  };
  auto daily_open = [&](std::vector<std::uint8_t> day) {
    OpenIntervals all;
    for (int d = 0; d < kDays; ++d) all.insert(all.end(), day.begin(), day.end());
    return all;
  };
  Scenario s;
  s.name = "everything";
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = kIntervals;
  s.horizon.days = kDays;
  s.horizon.warmup_days = 1;
  enum { front, lead, back, outbound, second_line };

  ContactType billing;
  billing.name = "billing";
  billing.arrivals.rate_per_s.assign(n, 0.03);
  billing.handle_time = Exponential{240};
  billing.patience = Exponential{150};
  billing.routing = {{front, 0}, {lead, 60}};
  IssueModel bm;
  bm.required_authority = {0.6, 0.3, 0.1};
  bm.resolve_probability = 0.8;
  Escalation warm = transfer_to(lead, true, 0);
  warm.transfer.handle_time = Exponential{300};
  warm.transfer.patience = Exponential{90};
  Escalation order = work_order_to(back, 0, 4 * 3600.0);
  order.work_order.processing = Exponential{900};
  order.work_order.hand_off = Exponential{600};
  CallbackPolicy after_order = callback_policy(outbound, 0, 3600, 0.7);
  after_order.handle_time = Exponential{200};
  after_order.attempts = 3;
  after_order.retry_after_s = 600;
  order.work_order.then_callback = after_order;
  bm.escalation = {std::nullopt, warm, order};
  CallbackPolicy unresolved = callback_policy(outbound, 0, 2 * 3600.0, 0.6);
  unresolved.handle_time = Exponential{180};
  unresolved.attempts = 2;
  bm.unresolved = callback_by(unresolved);
  bm.max_transfers = 1;
  billing.issues = bm;
  RepeatBehaviour br;
  br.probability = 0.6;
  br.delay = Exponential{3600};
  br.complaint_after = 2;
  br.complaint_type = 2;
  billing.repeat = br;

  ContactType sales;
  sales.name = "sales";
  sales.priority = 1;
  sales.arrivals.rate_per_s.assign(n, 0.02);
  sales.handle_time = Gamma{200, 100};
  sales.patience = Weibull{1.5, 200};
  sales.routing = {{front, 0}, {lead, 30}};
  sales.open = daily_open({0, 1, 1, 1, 1, 1});
  RepeatBehaviour sr;
  sr.probability = 0.3;
  sr.delay = Exponential{1800};
  sales.repeat = sr;

  ContactType complaints;
  complaints.name = "complaints";
  complaints.arrivals.rate_per_s.assign(n, 0.0);
  complaints.handle_time = Lognormal{400, 200};
  complaints.patience = Exponential{300};
  complaints.routing = {{lead, 0}};
  IssueModel cm;
  cm.required_authority = {0.2, 0.5, 0.3};
  cm.resolve_probability = 0.7;
  cm.escalation = {std::nullopt, std::nullopt, work_order_to(back, 0, 8 * 3600.0)};
  cm.escalation[2]->work_order.processing = Exponential{1200};
  complaints.issues = cm;
  RepeatBehaviour cr;
  cr.probability = 0.5;
  cr.delay = Exponential{7200};
  complaints.repeat = cr;

  s.contact_types = {billing, sales, complaints};

  AgentGroup lead_group = agent_group("lead", daily({2, 2, 3, 3, 2, 2}), 2);
  lead_group.reserve = 1;
  lead_group.authority_cost.handle_time_factor = 1.2;
  lead_group.authority_cost.added_s = 30;
  lead_group.authority_cost.audit_share = 0.3;
  lead_group.authority_cost.audit = AuditWork{back, Exponential{600}};
  AgentGroup back_group = agent_group("back office", daily({2, 2, 2, 2, 2, 2}), 3);
  back_group.order = WorkOrderOrder::earliest_deadline;
  back_group.open = daily_open({0, 0, 1, 1, 1, 1});
  AgentGroup outbound_group = agent_group("outbound", daily({1, 2, 2, 2, 2, 1}), 1);
  outbound_group.callbacks_when.idle_at_least = 1;
  s.agent_groups = {agent_group("front", daily({6, 8, 9, 9, 8, 6}), 1), lead_group, back_group,
                    outbound_group, agent_group("second line", daily({1, 1, 2, 2, 1, 1}), 1)};
  Reinforcement on_queue;
  on_queue.group = second_line;
  on_queue.type = 0;
  on_queue.start_queue = 5;
  on_queue.stop_queue = 1;
  Reinforcement on_wait;
  on_wait.group = second_line;
  on_wait.type = 1;
  on_wait.start_oldest_wait_s = 60;
  on_wait.stop_queue = 0;
  s.reinforcement = {on_queue, on_wait};
  s.replications = 8;
  s.seed = 20240611;
  return s;
}

void expect_same_bits(const Estimate& a, const Estimate& b, const char* what) {
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.mean), std::bit_cast<std::uint64_t>(b.mean)) << what;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.ci_low), std::bit_cast<std::uint64_t>(b.ci_low)) << what;
  EXPECT_EQ(std::bit_cast<std::uint64_t>(a.ci_high), std::bit_cast<std::uint64_t>(b.ci_high))
      << what;
}

void expect_same_bits(const ContactKpis& a, const ContactKpis& b) {
#define STAFFSIM_SAME(field) expect_same_bits(a.field, b.field, #field)
  STAFFSIM_SAME(offered);
  STAFFSIM_SAME(answered);
  STAFFSIM_SAME(abandoned);
  STAFFSIM_SAME(service_level);
  STAFFSIM_SAME(wait_mean_s);
  STAFFSIM_SAME(wait_p90_s);
  STAFFSIM_SAME(queue_mean);
  STAFFSIM_SAME(issues);
  STAFFSIM_SAME(issues_resolved);
  STAFFSIM_SAME(issues_abandoned);
  STAFFSIM_SAME(issues_open_end);
  STAFFSIM_SAME(first_contact_resolution);
  STAFFSIM_SAME(contacts_per_resolved_issue);
  STAFFSIM_SAME(resolution_time_s);
  STAFFSIM_SAME(resolution_time_p90_s);
  STAFFSIM_SAME(complaints);
  STAFFSIM_SAME(repeat_share);
  STAFFSIM_SAME(escalation_rate_transfer);
  STAFFSIM_SAME(escalation_rate_work_order);
  STAFFSIM_SAME(escalation_rate_callback);
  STAFFSIM_SAME(escalation_rate_ask_to_call_again);
  STAFFSIM_SAME(transfers);
  STAFFSIM_SAME(transfer_hold_s);
  STAFFSIM_SAME(transfer_abandon_rate);
  STAFFSIM_SAME(work_orders);
  STAFFSIM_SAME(work_orders_within_deadline);
  STAFFSIM_SAME(work_order_age_p90_s);
  STAFFSIM_SAME(work_orders_open_end);
  STAFFSIM_SAME(work_order_backlog);
  STAFFSIM_SAME(callbacks_promised);
  STAFFSIM_SAME(callbacks_kept_share);
  STAFFSIM_SAME(audits);
#undef STAFFSIM_SAME
}

void expect_same_bits(const GroupKpis& a, const GroupKpis& b) {
  expect_same_bits(a.occupancy, b.occupancy, "occupancy");
  expect_same_bits(a.busy_agent_s, b.busy_agent_s, "busy_agent_s");
  expect_same_bits(a.on_duty_agent_s, b.on_duty_agent_s, "on_duty_agent_s");
  expect_same_bits(a.handled, b.handled, "handled");
  expect_same_bits(a.reinforcement_s, b.reinforcement_s, "reinforcement_s");
}

// Every issue ends resolved, abandoned for good or open at the end, and every offered contact is
// answered or abandoned: identities that hold exactly in every replication. Every transfer ends
// answered or abandoned on hold; every work order is done or open at the end; a promise is reached
// at most once and kept only when reached. Replications are reduced in order, so 1 and 2 threads
// give bit-identical results.
TEST(SimEscalation, ConservationAndThreadIndependenceWithEveryFeatureOn) {
  const Scenario s = everything_scenario();
  RunOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const Results a = simulate(s, one);
  const Results b = simulate(s, two);
  ASSERT_EQ(a.replication_issues.size(), 8u);
  ASSERT_EQ(a.replication_counts.size(), 8u);
  for (std::size_t rep = 0; rep < 8; ++rep) {
    for (std::size_t c = 0; c < 3; ++c) {
      SCOPED_TRACE("replication " + std::to_string(rep) + ", type " + std::to_string(c));
      const IssueCounts& i = a.replication_issues[rep][c];
      EXPECT_EQ(i.issues, i.resolved + i.abandoned + i.open_end);
      const ReplicationCounts& k = a.replication_counts[rep][c];
      EXPECT_EQ(k.offered, k.answered + k.abandoned);
      EXPECT_LE(i.repeats, k.offered);
      // Results are reduced in replication order: the same raw counts with 2 threads.
      const IssueCounts& j = b.replication_issues[rep][c];
      EXPECT_EQ(i.issues, j.issues);
      EXPECT_EQ(i.resolved, j.resolved);
      EXPECT_EQ(i.abandoned, j.abandoned);
      EXPECT_EQ(i.open_end, j.open_end);
      EXPECT_EQ(i.repeats, j.repeats);
      const ReplicationCounts& l = b.replication_counts[rep][c];
      EXPECT_EQ(k.offered, l.offered);
      EXPECT_EQ(k.answered, l.answered);
      EXPECT_EQ(k.abandoned, l.abandoned);
      EXPECT_EQ(std::bit_cast<std::uint64_t>(k.wait_sum_s),
                std::bit_cast<std::uint64_t>(l.wait_sum_s));
    }
  }
  // The same identities per replication from the raw tallies, with the escalation figures.
  const CompiledScenario m(s);
  std::int64_t transfers_answered = 0, transfers_abandoned = 0, work_orders = 0, reached = 0,
               complaints = 0, audits = 0, repeats = 0;
  double reinforcing = 0;
  for (int rep = 0; rep < 8; ++rep) {
    SCOPED_TRACE(rep);
    const ReplicationTally r = run_replication(m, s.seed, rep);
    for (std::size_t c = 0; c < 3; ++c) {
      const IssueTally& t = issues(r, m, horizon(m), c);
      EXPECT_EQ(t.issues, t.resolved + t.abandoned + t.open_end);
      EXPECT_EQ(t.escalated[kTransfer], t.transfers_answered + t.transfers_abandoned);
      EXPECT_EQ(t.work_orders, t.work_orders_done + t.work_orders_open_end);
      EXPECT_LE(t.work_orders_in_time, t.work_orders_done);
      EXPECT_LE(t.callbacks_reached, t.callbacks_promised);
      EXPECT_LE(t.callbacks_kept, t.callbacks_reached);
      EXPECT_LE(t.resolved_first_contact, t.resolved);
      EXPECT_LE(t.complaints, t.issues);
      transfers_answered += t.transfers_answered;
      transfers_abandoned += t.transfers_abandoned;
      work_orders += t.work_orders_done;
      reached += t.callbacks_reached;
      complaints += t.complaints;
      audits += t.audits;
      repeats += t.repeats;
    }
    reinforcing += group(r, m, horizon(m), 4).reinforcing_s;
  }
  // Every feature was exercised (the identities above would hold trivially otherwise).
  EXPECT_GT(transfers_answered, 0);
  EXPECT_GT(transfers_abandoned, 0);
  EXPECT_GT(work_orders, 0);
  EXPECT_GT(reached, 0);
  EXPECT_GT(complaints, 0);
  EXPECT_GT(audits, 0);
  EXPECT_GT(repeats, 0);
  EXPECT_GT(reinforcing, 0);

  ASSERT_EQ(a.by_type.size(), b.by_type.size());
  for (std::size_t c = 0; c < a.by_type.size(); ++c) expect_same_bits(a.by_type[c], b.by_type[c]);
  for (std::size_t d = 0; d < a.by_type_day.size(); ++d) {
    for (std::size_t c = 0; c < a.by_type_day[d].size(); ++c) {
      expect_same_bits(a.by_type_day[d][c], b.by_type_day[d][c]);
    }
  }
  for (std::size_t g = 0; g < a.by_group.size(); ++g) {
    expect_same_bits(a.by_group[g], b.by_group[g]);
  }
  EXPECT_EQ(a.events_processed, b.events_processed);
  EXPECT_EQ(a.simulated_contacts, b.simulated_contacts);
}

// ---- 10. common random numbers ------------------------------------------------------------------

// Two plans that differ only in the front's staffing (5 agents, overloaded, against 12): the same
// arrivals, so the same issues; the same required level for issue k, and the same resolve draw for
// its first contact, whatever the order in which contacts end. Nobody abandons (no patience; the
// front stays at the close while callers wait), so every first contact is answered in both plans:
// per interval and replication, the level-2 issues (escalated to a work order), the level-1 issues
// not resolved (escalated to a call-back) and those resolved at once are the same in both plans.
// An engine that drew these outcomes from a stream in event order would differ here, because the
// plans end contacts in different orders (checked: the waits differ).
TEST(SimEscalation, PlansDifferingInStaffingSeeTheSameIssuesAndOutcomes) {
  constexpr std::size_t n = 8;
  auto plan = [&](int front_agents) {
    Scenario s;
    s.horizon.interval_s = 1800;
    s.horizon.intervals_per_day = static_cast<int>(n);
    ContactType calls;
    calls.name = "calls";
    calls.arrivals.rate_per_s.assign(n, 0.04);
    calls.handle_time = Exponential{180};
    calls.routing = {{0, 0}};
    IssueModel im;
    im.required_authority = {0.6, 0.4};
    im.resolve_probability = 0.7;
    im.escalation = {std::nullopt, work_order_to(1, 0, 86400)};
    im.escalation[1]->work_order.processing = Exponential{600};
    CallbackPolicy cb = callback_policy(2, 0, 3600, 0.5);
    cb.handle_time = Exponential{120};
    im.unresolved = callback_by(cb);
    calls.issues = im;
    s.contact_types = {calls};
    s.agent_groups = {agent_group("front", std::vector<int>(n, front_agents), 1),
                      agent_group("back office", std::vector<int>(n, 2), 2),
                      agent_group("outbound", std::vector<int>(n, 2), 1)};
    s.replications = 1;
    s.seed = 77;
    return s;
  };
  const Scenario few = plan(5), many = plan(12);
  validate(few);
  validate(many);
  const CompiledScenario mf(few), mm(many);
  double waits_few = 0, waits_many = 0;
  for (int rep = 0; rep < 5; ++rep) {
    SCOPED_TRACE(rep);
    const ReplicationTally a = run_replication(mf, 77, rep);
    const ReplicationTally b = run_replication(mm, 77, rep);
    for (std::size_t i = 0; i < n; ++i) {
      SCOPED_TRACE(i);
      const IssueTally& x = issues(a, mf, i, 0);
      const IssueTally& y = issues(b, mm, i, 0);
      EXPECT_EQ(x.issues, y.issues);
      EXPECT_EQ(contacts(a, mf, i, 0).answered, x.issues);  // everyone is answered in both plans
      EXPECT_EQ(contacts(b, mm, i, 0).answered, y.issues);
      EXPECT_EQ(x.escalated[kWorkOrder], y.escalated[kWorkOrder]);
      EXPECT_EQ(x.escalated[kCallback], y.escalated[kCallback]);
      EXPECT_EQ(x.resolved_first_contact, y.resolved_first_contact);
    }
    waits_few += contacts(a, mf, horizon(mf), 0).wait_answered_s;
    waits_many += contacts(b, mm, horizon(mm), 0).wait_answered_s;
  }
  EXPECT_GT(waits_few, 2 * waits_many);  // the plans do differ
}

// calls: nobody may answer them (their only group has no agents), so every first contact hangs up
// (patience) or is closed at the close at the same time in both plans. After that first failure the
// customer calls again with probability 0.5 after a random delay, as a complaint (complaint_after
// 1). Complaints go to a complaint desk whose staffing is the only difference between the plans (1
// agent, overloaded, against 4); a complaint is never resolved (resolve probability 0) and its
// customer never calls again (repeat probability 0, a draw all the same). So complaint contacts
// fail at times that depend on the plan, and their repeat draws interleave with the first
// failures' draws in a different order in each plan. With draws keyed by (issue, attempt) the same
// customers call again at the same times: per interval and replication, the complaints offered
// (all of them repeat calls) are the same in both plans, as are the calls' figures.
TEST(SimEscalation, PlansDifferingInStaffingSeeTheSameCustomersCallAgainAtTheSameTimes) {
  constexpr std::size_t n = 16;
  auto plan = [&](int desk_agents) {
    Scenario s;
    s.horizon.interval_s = 1800;
    s.horizon.intervals_per_day = 8;
    s.horizon.days = 2;
    ContactType calls;
    calls.name = "calls";
    calls.arrivals.rate_per_s.assign(n, 0.02);
    calls.handle_time = Exponential{180};
    calls.patience = Exponential{60};
    calls.routing = {{0, 0}};
    calls.issues = IssueModel{};
    RepeatBehaviour r;
    r.probability = 0.5;
    r.delay = Exponential{3600};
    r.complaint_after = 1;
    r.complaint_type = 1;
    calls.repeat = r;
    ContactType complaints;
    complaints.name = "complaints";
    complaints.arrivals.rate_per_s.assign(n, 0.0);
    complaints.handle_time = Exponential{300};
    complaints.routing = {{1, 0}};
    complaints.issues = IssueModel{};
    complaints.issues->resolve_probability = 0;
    complaints.repeat = RepeatBehaviour{};  // probability 0
    s.contact_types = {calls, complaints};
    s.agent_groups = {agent_group("nobody", std::vector<int>(n, 0), 1),
                      agent_group("complaint desk", std::vector<int>(n, desk_agents), 1)};
    s.replications = 1;
    s.seed = 91;
    return s;
  };
  const Scenario few = plan(1), many = plan(4);
  validate(few);
  validate(many);
  const CompiledScenario mf(few), mm(many);
  std::int64_t complaints = 0;
  double waits_few = 0, waits_many = 0;
  for (int rep = 0; rep < 5; ++rep) {
    SCOPED_TRACE(rep);
    const ReplicationTally a = run_replication(mf, 91, rep);
    const ReplicationTally b = run_replication(mm, 91, rep);
    for (std::size_t i = 0; i < n; ++i) {
      SCOPED_TRACE(i);
      EXPECT_EQ(contacts(a, mf, i, 0).offered, contacts(b, mm, i, 0).offered);
      EXPECT_EQ(contacts(a, mf, i, 0).abandoned, contacts(b, mm, i, 0).abandoned);
      EXPECT_EQ(std::bit_cast<std::uint64_t>(contacts(a, mf, i, 0).wait_all_s),
                std::bit_cast<std::uint64_t>(contacts(b, mm, i, 0).wait_all_s));
      EXPECT_EQ(issues(a, mf, i, 0).complaints, issues(b, mm, i, 0).complaints);
      EXPECT_EQ(contacts(a, mf, i, 1).offered, contacts(b, mm, i, 1).offered);
      EXPECT_EQ(issues(a, mf, i, 1).repeats, issues(b, mm, i, 1).repeats);
      EXPECT_EQ(issues(a, mf, i, 1).repeats, contacts(a, mf, i, 1).offered);
    }
    complaints += contacts(a, mf, horizon(mf), 1).offered;
    waits_few += contacts(a, mf, horizon(mf), 1).wait_answered_s;
    waits_many += contacts(b, mm, horizon(mm), 1).wait_answered_s;
  }
  EXPECT_GT(complaints, 0);
  EXPECT_GT(waits_few, 2 * waits_many);  // the complaint desk's plans do differ
}

}  // namespace
}  // namespace staffsim::sim
