// Validation of the simulator against queueing theory, where theory is exact: the stationary
// M/M/N (Erlang C) and M/M/N+M (Erlang A) queues, and Little's law.
//
// The references are computed here, independently of models/ and of the simulator:
//   Erlang C from the Erlang B recursion B_n = a B_{n-1} / (n + a B_{n-1}),
//     C = N B / (N - a (1 - B)), SL(t) = 1 - C exp(-(N - a) t / AHT), ASA = C AHT / (N - a),
//     P(W > x) = C exp(-(N - a) x / AHT) for the 90th percentile;
//   Erlang A from the birth-death chain on the number in system n (truncated where the terms
//     fall below 1e-20 of the largest): up-rate lambda, down-rate min(n, N) mu + max(n - N, 0)
//     theta, solved by detailed balance; P(wait) = P(n >= N) (PASTA), E[Q], P(abandon) = theta E[Q]
//     / lambda, mean wait of all contacts = E[Q] / lambda (Little), occupancy = E[min(n, N)] / N.
//
// Simulation: one long interval after a warm-up of 50 handle times, R = 40 replications, so that
// the relative half-width of every 95% interval is at most 1% (asserted). Each comparison allows
// |estimate - exact| <= q * se with q the Student-t (39 df) quantile of 1 - 2.5e-6, so each of the
// at most 20 comparisons fails falsely with probability 5e-6 and the whole file below 1e-4.
// The time-varying test below uses the same bound. Fixed seeds; runs in a few seconds in Release
// (label "validation", not run under sanitizers).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "models/erlang.hpp"
#include "sim/estimate.hpp"
#include "sim/simulator.hpp"
#include "tests/validation_support.hpp"

namespace staffsim::sim {
namespace {

constexpr int kReplications = 40;

double allowed_deviation(const Estimate& e) {
  return test_support::allowed_deviation(e, kReplications);
}

void expect_matches(const Estimate& e, double exact, const char* what) {
  test_support::expect_matches(e, exact, kReplications, what);
}

Scenario stationary_queue(double rate_per_s, double aht_s, int agents, double length_s,
                          std::optional<double> patience_s) {
  Scenario s;
  s.name = "stationary";
  s.horizon.interval_s = length_s;
  s.horizon.warmup_s = 50 * aht_s;
  ContactType t;
  t.name = "calls";
  t.arrivals.rate_per_s = {rate_per_s};
  t.handle_time = Exponential{aht_s};
  if (patience_s) t.patience = Exponential{*patience_s};
  t.routing = {{0, 0}};
  s.contact_types = {t};
  AgentGroup g;
  g.name = "agents";
  g.staffing = {agents};
  s.agent_groups = {g};
  s.replications = kReplications;
  s.seed = 20261123;
  return s;
}

struct ErlangCReference {
  double p_wait, service_level_20, asa_s, occupancy, wait_p90_s;
};

ErlangCReference erlang_c(double rate_per_s, double aht_s, int agents) {
  const double a = rate_per_s * aht_s;
  double b = 1;
  for (int n = 1; n <= agents; ++n) b = a * b / (n + a * b);
  const double c = agents * b / (agents - a * (1 - b));
  const double decay = (agents - a) / aht_s;
  return {c, 1 - c * std::exp(-decay * 20), c / decay, a / agents,
          c > 0.1 ? std::log(c / 0.1) / decay : 0.0};
}

struct ErlangAReference {
  double p_wait, p_abandon, mean_wait_s, mean_queue, occupancy;
  double p_abandon_by_tagged_contact;  // the same P(abandon), computed the other way round
  double asa_s, service_level_20;
};

// The tagged arriving contact that finds j >= 0 contacts waiting ahead of it (all N agents busy)
// moves to j - 1 at rate r_j = N mu + j theta (the head is served or one ahead abandons), is
// answered from j = 0 at rate N mu, and abandons at rate theta throughout. Its time to answer is
// V_j = sum of independent Exp(r_i), i = 0..j, and it is answered iff V_j < patience, so
//   P(answered | j) = L_j = prod_i r_i / (r_i + theta)       (Laplace transform at theta),
//   E[V_j; answered] = L_j * sum_i 1 / (r_i + theta)          (minus its derivative),
// and P(answered within t | j) is the transient absorption probability of that chain, computed
// by uniformisation (sums of positive terms only).
ErlangAReference erlang_a(double rate_per_s, double aht_s, double patience_s, int agents) {
  const double mu = 1 / aht_s, theta = 1 / patience_s;
  // Unnormalised pi_n by detailed balance; beyond N the terms shrink geometrically, so stopping
  // when they fall below 1e-20 of the largest leaves a relative error far below 1e-15.
  std::vector<double> p{1.0};
  double largest = 1;
  for (int n = 0; n <= agents || p.back() > 1e-20 * largest; ++n) {
    const double down = std::min(n + 1, agents) * mu + std::max(n + 1 - agents, 0) * theta;
    p.push_back(p.back() * rate_per_s / down);
    largest = std::max(largest, p.back());
  }
  double total = 0;
  for (double x : p) total += x;
  double waiting = 0, queue = 0, busy = 0;
  std::vector<double> ahead;  // pi_{N + j}: an arrival finds j waiting
  for (std::size_t n = 0; n < p.size(); ++n) {
    const double pi = p[n] / total;
    const int in_system = static_cast<int>(n);
    if (in_system >= agents) {
      waiting += pi;
      ahead.push_back(pi);
    }
    queue += std::max(in_system - agents, 0) * pi;
    busy += std::min(in_system, agents) * pi;
  }
  auto r = [&](std::size_t j) { return agents * mu + static_cast<double>(j) * theta; };
  double answered_after_waiting = 0, wait_answered = 0;
  double transform = 1, inverse_sum = 0;
  for (std::size_t j = 0; j < ahead.size(); ++j) {
    transform *= r(j) / (r(j) + theta);
    inverse_sum += 1 / (r(j) + theta);
    answered_after_waiting += ahead[j] * transform;
    wait_answered += ahead[j] * transform * inverse_sum;
  }
  const double p_answered = (1 - waiting) + answered_after_waiting;
  // Uniformisation over [0, 20 s]: v[j] the mass with j ahead, `absorbed` the mass answered.
  const double t = 20;
  const double uniform_rate = r(ahead.size()) + theta;
  std::vector<double> v = ahead, next(ahead.size());
  double absorbed = 0, within = 0, poisson = std::exp(-uniform_rate * t), cumulative = 0;
  for (int step = 0; cumulative < 1 - 1e-15 && step < 100000; ++step) {
    within += poisson * absorbed;
    cumulative += poisson;
    absorbed += v[0] * r(0) / uniform_rate;
    for (std::size_t j = 0; j < v.size(); ++j) {
      const double from_above = j + 1 < v.size() ? v[j + 1] * r(j + 1) / uniform_rate : 0;
      next[j] = v[j] * (1 - (r(j) + theta) / uniform_rate) + from_above;
    }
    v.swap(next);
    poisson *= uniform_rate * t / (step + 1);
  }
  return {waiting,        theta * queue / rate_per_s, queue / rate_per_s,    queue, busy / agents,
          1 - p_answered, wait_answered / p_answered, (1 - waiting) + within};
}

// lambda = 0.5/s, AHT 16 s, 10 agents: a = 8 Erlangs, C = 0.409, SL(20 s) = 0.966,
// ASA = 3.27 s; 40 replications of 10^6 s (2 * 10^7 contacts).
TEST(SimValidation, ErlangC) {
  const double rate = 0.5, aht = 16;
  const int agents = 10;
  const Results r = simulate(stationary_queue(rate, aht, agents, 1e6, std::nullopt));
  const ErlangCReference exact = erlang_c(rate, aht, agents);
  const ContactKpis& k = r.by_type[0];
  expect_matches(k.p_wait, exact.p_wait, "P(wait)");
  expect_matches(k.service_level, exact.service_level_20, "service level within 20 s");
  expect_matches(k.asa_s, exact.asa_s, "ASA");
  expect_matches(r.by_group[0].occupancy, exact.occupancy, "occupancy");
  // 90th percentile of the wait: also allow the histogram resolution (0.5 s).
  EXPECT_NEAR(k.wait_p90_s.mean, exact.wait_p90_s, allowed_deviation(k.wait_p90_s) + 0.5);
  // Little's law for the queue: time-average number waiting = lambda * mean wait.
  const double little = rate * k.wait_mean_s.mean;
  EXPECT_NEAR(k.queue_mean.mean, little,
              allowed_deviation(k.queue_mean) + rate * allowed_deviation(k.wait_mean_s));
  for (const auto& counts : r.replication_counts) {
    EXPECT_EQ(counts[0].offered, counts[0].answered);
  }
  // The product's Erlang C (models/) agrees with this reference, so the simulator and models/
  // agree with each other within the simulation's confidence intervals.
  const models::ErlangC model(rate, aht, agents);
  EXPECT_NEAR(model.p_wait(), exact.p_wait, 1e-12);
  EXPECT_NEAR(model.service_level(20), exact.service_level_20, 1e-12);
  EXPECT_NEAR(model.asa_s(), exact.asa_s, 1e-12 * exact.asa_s);
  EXPECT_NEAR(model.occupancy(), exact.occupancy, 1e-14);
}

// lambda = 0.5/s, AHT 16 s, mean patience 30 s, 10 agents; 40 replications of 5 * 10^5 s.
TEST(SimValidation, ErlangA) {
  const double rate = 0.5, aht = 16, patience = 30;
  const int agents = 10;
  const Results r = simulate(stationary_queue(rate, aht, agents, 5e5, patience));
  const ErlangAReference exact = erlang_a(rate, aht, patience, agents);
  const ContactKpis& k = r.by_type[0];
  expect_matches(k.p_wait, exact.p_wait, "P(wait)");
  expect_matches(k.abandon_rate, exact.p_abandon, "P(abandon)");
  expect_matches(k.wait_mean_s, exact.mean_wait_s, "mean wait of all contacts");
  expect_matches(k.queue_mean, exact.mean_queue, "mean queue length");
  expect_matches(r.by_group[0].occupancy, exact.occupancy, "occupancy");
  expect_matches(k.asa_s, exact.asa_s, "ASA");
  expect_matches(k.service_level, exact.service_level_20, "service level within 20 s");
  // The two routes to P(abandon) agree (a check of the reference itself).
  EXPECT_NEAR(exact.p_abandon_by_tagged_contact, exact.p_abandon, 1e-12);
  for (const auto& counts : r.replication_counts) {
    EXPECT_EQ(counts[0].offered, counts[0].answered + counts[0].abandoned);
  }
  // The product's Erlang A (models/) agrees with this reference (the reference's service level
  // and ASA come from a truncated uniformisation, hence the looser tolerance there).
  const models::ErlangA model(rate, aht, patience, agents);
  EXPECT_NEAR(model.p_wait(), exact.p_wait, 1e-10);
  EXPECT_NEAR(model.p_abandon(), exact.p_abandon, 1e-10);
  EXPECT_NEAR(model.mean_wait_s(), exact.mean_wait_s, 1e-9);
  EXPECT_NEAR(model.occupancy(), exact.occupancy, 1e-10);
  EXPECT_NEAR(model.service_level(20), exact.service_level_20, 1e-7);
  EXPECT_NEAR(model.asa_s(), exact.asa_s, 1e-7 * exact.asa_s);
}

// Time-varying arrivals, by interval: the M_t/M/infinity queue (more agents than are ever busy).
// With piecewise-constant rate lambda_k and mean handle time tau, the mean number busy m(t)
// solves m' = lambda(t) - m / tau from m(0) = 0, so over interval k starting at m_0:
//   m(t) = lambda_k tau + (m_0 - lambda_k tau) exp(-(t - t_k) / tau),
//   busy agent-seconds = lambda_k tau D + (m_0 - lambda_k tau) tau (1 - exp(-D / tau)),
// and after the last interval (no arrivals) the close-out adds m_end tau to the last interval.
// Offered per interval: lambda_k D. Checks interval attribution by arrival and by clock time.
TEST(SimValidation, TimeVaryingInfiniteServerQueue) {
  const std::vector<double> rates = {0.2, 1.5, 0.0, 0.8};
  const double interval = 1800, tau = 240;
  Scenario s = stationary_queue(0, tau, 2000, interval, std::nullopt);
  s.horizon.warmup_s = 0;
  s.horizon.intervals_per_day = 4;
  s.contact_types[0].arrivals.rate_per_s = rates;
  s.agent_groups[0].staffing.assign(4, 2000);
  const Results r = simulate(s);
  double m = 0;
  for (std::size_t k = 0; k < rates.size(); ++k) {
    SCOPED_TRACE(k);
    const double steady = rates[k] * tau;
    double busy = steady * interval + (m - steady) * tau * (1 - std::exp(-interval / tau));
    m = steady + (m - steady) * std::exp(-interval / tau);
    if (k + 1 == rates.size()) busy += m * tau;
    const Estimate& offered = r.by_type_interval[k][0].offered;
    const Estimate& busy_s = r.by_group_interval[k][0].busy_agent_s;
    if (rates[k] > 0) {
      EXPECT_NEAR(offered.mean, rates[k] * interval, allowed_deviation(offered));
    } else {
      EXPECT_EQ(offered.mean, 0);
    }
    EXPECT_NEAR(busy_s.mean, busy, allowed_deviation(busy_s));
  }
}

}  // namespace
}  // namespace staffsim::sim
