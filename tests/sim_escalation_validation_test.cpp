// Validation of issues and escalation against queueing theory, where theory is exact:
//   - a tandem front line -> expert desk (cold transfers, Poisson arrivals, exponential times, no
//     abandonment) is a Jackson network: by Burke's theorem the transfers reach the desk as a
//     Poisson stream of rate lambda q, and each station is an M/M/c queue (Erlang C);
//   - repeat calls: when every contact fails and the customer calls again with probability p,
//     offered volume is lambda / (1 - p) in the stationary regime;
//   - a work-order queue with ample capacity: by Little's law the mean number of open work orders
//     is lambda q (H + P) (hand-off H, processing P), and with a deterministic hand-off and
//     exponential processing the share done by the deadline D is 1 - exp(-(D - H) / P).
// References are computed here from the formulas (the Erlang B recursion for Erlang C), never
// taken from staffsim. Simulation: one long interval after a warm-up, R = 40 replications, every
// interval at most 3% of its mean wide; each
// comparison allows q = t_{39}(1 - 2.5e-6) standard errors, so with at most 20 comparisons in the
// file a false failure is rarer than 1e-4 (tests/validation_support.hpp). Label "validation".
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/simulator.hpp"
#include "tests/validation_support.hpp"

namespace staffsim::sim {
namespace {

constexpr int kReplications = 40;

// Intervals at most 3% of the mean wide: tight enough that a wrong rule shows.
void expect_matches(const Estimate& e, double exact, const char* what) {
  test_support::expect_matches(e, exact, kReplications, what, 0.03);
}

struct ErlangC {
  double p_wait, mean_wait_s;
};

// Erlang C of an M/M/c queue: load a = lambda S, C = c B / (c - a (1 - B)), mean wait C S / (c -
// a).
ErlangC erlang_c(double rate_per_s, double service_s, int agents) {
  const double a = rate_per_s * service_s;
  double b = 1;
  for (int n = 1; n <= agents; ++n) b = a * b / (n + a * b);
  const double c = agents * b / (agents - a * (1 - b));
  return {c, c * service_s / (agents - a)};
}

Scenario one_type(double rate_per_s, double handle_s, int agents, double length_s,
                  double warmup_s) {
  Scenario s;
  s.name = "validation";
  s.horizon.interval_s = length_s;
  s.horizon.warmup_s = warmup_s;
  ContactType t;
  t.name = "calls";
  t.arrivals.rate_per_s = {rate_per_s};
  t.handle_time = Exponential{handle_s};
  t.routing = {{0, 0}};
  s.contact_types = {t};
  AgentGroup front;
  front.name = "frontline";
  front.staffing = {agents};
  s.agent_groups = {front};
  s.replications = kReplications;
  s.seed = 20261202;
  return s;
}

// lambda = 0.5/s; front line: AHT 16 s, 10 agents (a = 8); a share q = 0.3 of the issues needs
// authority 2 and is transferred cold to a desk of 8 agents with AHT 40 s (load 0.15 x 40 = 6).
TEST(SimEscalationValidation, TandemFrontLineAndExpertDeskIsAJacksonNetwork) {
  const double rate = 0.5, front_s = 16, desk_s = 40, q = 0.3;
  const int front_agents = 10, desk_agents = 8;
  Scenario s = one_type(rate, front_s, front_agents, 4e5, 50 * desk_s);
  AgentGroup desk;
  desk.name = "desk";
  desk.staffing = {desk_agents};
  desk.authority = 2;
  s.agent_groups.push_back(desk);
  IssueModel issues;
  issues.required_authority = {1 - q, q};
  Escalation transfer;
  transfer.kind = EscalationKind::transfer;
  transfer.transfer.to = 1;
  transfer.transfer.handle_time = Exponential{desk_s};
  issues.escalation = {std::nullopt, transfer};
  s.contact_types[0].issues = issues;
  const Results r = simulate(s);
  const ContactKpis& k = r.by_type[0];
  const ErlangC front = erlang_c(rate, front_s, front_agents);
  const ErlangC second = erlang_c(rate * q, desk_s, desk_agents);
  expect_matches(k.p_wait, front.p_wait, "front line P(wait)");
  expect_matches(k.asa_s, front.mean_wait_s, "front line ASA");
  expect_matches(k.transfer_hold_s, second.mean_wait_s, "desk: mean hold of transfers");
  expect_matches(r.by_group[1].occupancy, rate * q * desk_s / desk_agents, "desk occupancy");
  expect_matches(r.by_group[0].occupancy, rate * front_s / front_agents, "front occupancy");
  // One transfer per escalated issue, per contact handled (answered + transfers answered).
  expect_matches(k.escalation_rate_transfer, q / (1 + q), "transfer rate");
  EXPECT_EQ(k.transfer_abandon_rate.mean, 0);
}

// Every contact fails (resolve probability 0, asked to call again) and the customer calls again
// with p = 0.4 after an exponential 300 s: offered = lambda / (1 - p) = 1 / 0.6 per second, and
// repeat contacts / offered = p. Ample agents, so nobody waits.
TEST(SimEscalationValidation, RepeatCallsRaiseOfferedVolumeToLambdaOverOneMinusP) {
  const double rate = 1, p = 0.4, length = 1e5;
  Scenario s = one_type(rate, 10, 200, length, 20 * 300);
  IssueModel issues;
  issues.resolve_probability = 0;  // unresolved: ask_to_call_again (the default)
  s.contact_types[0].issues = issues;
  RepeatBehaviour repeat;
  repeat.probability = p;
  repeat.delay = Exponential{300};
  s.contact_types[0].repeat = repeat;
  const Results r = simulate(s);
  const ContactKpis& k = r.by_type[0];
  expect_matches(k.offered, rate / (1 - p) * length, "offered");
  expect_matches(k.repeat_share, p, "repeat contacts / offered");
  expect_matches(k.escalation_rate_ask_to_call_again, 1.0, "every contact asked to call again");
  EXPECT_EQ(k.issues_resolved.mean, 0);
}

// Work orders with ample back-office capacity (nobody waits for an agent): lambda = 0.5/s, a share
// q = 0.2 needs authority 2 and becomes a work order with a deterministic hand-off of 600 s and
// exponential processing of mean 300 s: mean open work orders = 0.5 x 0.2 x 900 = 90 (Little);
// done by a 900 s deadline: P(600 + X <= 900) = 1 - exp(-1).
TEST(SimEscalationValidation, WorkOrderBacklogFollowsLittlesLaw) {
  const double rate = 0.5, q = 0.2, hand_off = 600, processing = 300, deadline = 900;
  Scenario s = one_type(rate, 20, 40, 2e5, 20 * (hand_off + processing));
  AgentGroup office;
  office.name = "back_office";
  office.staffing = {400};
  office.authority = 2;
  s.agent_groups.push_back(office);
  IssueModel issues;
  issues.required_authority = {1 - q, q};
  Escalation order;
  order.kind = EscalationKind::work_order;
  order.work_order.to = 1;
  order.work_order.deadline_s = deadline;
  order.work_order.processing = Exponential{processing};
  order.work_order.hand_off = Deterministic{hand_off};
  issues.escalation = {std::nullopt, order};
  s.contact_types[0].issues = issues;
  const Results r = simulate(s);
  const ContactKpis& k = r.by_type[0];
  expect_matches(k.work_order_backlog, rate * q * (hand_off + processing), "open work orders");
  expect_matches(k.work_orders_within_deadline, 1 - std::exp(-(deadline - hand_off) / processing),
                 "done by the deadline");
  expect_matches(r.by_group[1].occupancy, rate * q * processing / 400, "back-office occupancy");
}

}  // namespace
}  // namespace staffsim::sim
