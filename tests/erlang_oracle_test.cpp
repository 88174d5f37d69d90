// Erlang B, C and A against independent exact computations (Release only, label validation):
//  - Erlang B/C: the Erlang B recursion carried out in 50-digit arithmetic.
//  - Erlang A: the stationary distribution of the M/M/N+M birth-death chain summed state by state
//    in 50-digit arithmetic; the service level and ASA from the per-state law of the offered wait
//    (an arrival finding k waiting is served after a sum of exponentials with rates
//    N mu + j theta, j = 1..k+1, whose distribution is -log(U)/theta with U ~ Beta(N mu/theta + 1,
//    k + 1): Boost's incomplete beta function, a route independent of the incomplete gamma used by
//    the implementation); and the chain's balance equations solved as a linear system with Eigen.
// Published table values and the other checks are in erlang_test.cpp.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <boost/math/special_functions/beta.hpp>
#include <boost/multiprecision/cpp_bin_float.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "models/erlang.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

using Big = boost::multiprecision::cpp_bin_float_50;

// Erlang B by its recursion in 50 digits.
Big exact_erlang_b(double load, int agents) {
  Big b = 1, a = load;
  for (int n = 1; n <= agents; ++n) b = a * b / (n + a * b);
  return b;
}

struct ExactErlangC {
  double p_wait, service_level_20s, asa_s;
};
ExactErlangC exact_erlang_c(double rate, double aht, int agents) {
  const Big a = Big(rate) * aht;
  const Big b = exact_erlang_b(static_cast<double>(a), agents);
  const Big c = agents * b / (agents - a * (1 - b));
  const Big sl = 1 - c * exp(-(agents - a) * 20 / aht);
  const Big asa = c * aht / (agents - a);
  return {static_cast<double>(c), static_cast<double>(sl), static_cast<double>(asa)};
}

void expect_relative(double actual, double expected, double tolerance, const char* what) {
  if (expected == 0) {
    EXPECT_EQ(actual, 0) << what;
    return;
  }
  EXPECT_LE(std::fabs(actual - expected), tolerance * std::fabs(expected))
      << what << ": actual " << actual << " expected " << expected;
}

TEST(ErlangB, MatchesFiftyDigitRecursion) {
  for (int agents : {1, 2, 7, 50, 300, 1000, 5000, 20000}) {
    for (double factor : {0.01, 0.5, 0.9, 0.999, 1.0, 1.5, 10.0}) {
      const double load = factor * agents;
      const double exact = static_cast<double>(exact_erlang_b(load, agents));
      SCOPED_TRACE(testing::Message() << "N=" << agents << " a=" << load);
      expect_relative(erlang_b(load, agents), exact, 1e-11, "B");
    }
  }
  EXPECT_EQ(erlang_b(0.0, 5), 0.0);
  EXPECT_EQ(erlang_b(3.0, 0), 1.0);
}

TEST(ErlangC, MatchesFiftyDigitValues) {
  const double aht = 240;
  for (int agents : {1, 2, 10, 100, 1000, 20000}) {
    for (double factor : {0.1, 0.5, 0.9, 0.999}) {
      const double rate = factor * agents / aht;
      SCOPED_TRACE(testing::Message() << "N=" << agents << " rho=" << factor);
      const ExactErlangC exact = exact_erlang_c(rate, aht, agents);
      const ErlangC c(rate, aht, agents);
      ASSERT_TRUE(c.stable());
      expect_relative(c.p_wait(), exact.p_wait, 1e-10, "P(wait)");
      expect_relative(c.service_level(20), exact.service_level_20s, 1e-10, "SL");
      expect_relative(c.asa_s(), exact.asa_s, 1e-10, "ASA");
      expect_relative(c.occupancy(), factor, 1e-14, "occupancy");
    }
  }
}

// ---- Erlang A -------------------------------------------------------------------------------

struct ExactErlangA {
  double p_wait = 0, p_abandon = 0, service_level = 0, asa = 0, occupancy = 0;
};

// The M/M/N+M chain summed state by state in 50-digit arithmetic.
ExactErlangA exact_erlang_a(double rate, double aht, double patience, int agents, double within) {
  const Big lambda = rate, mu = Big(1) / aht, theta = Big(1) / patience;
  // Unnormalised weights relative to pi_0 = 1.
  std::vector<Big> below;  // n = 0..N
  Big w = 1;
  below.push_back(w);
  for (int n = 1; n <= agents; ++n) {
    w = w * lambda / (n * mu);
    below.push_back(w);
  }
  const Big alpha = agents * mu;
  std::vector<Big> queue;  // k waiting = 0, 1, ... (queue[0] = pi_N)
  queue.push_back(w);
  Big queue_sum = w;
  for (int k = 1; k < 50'000'000; ++k) {
    w = w * lambda / (alpha + k * theta);
    queue.push_back(w);
    queue_sum += w;
    if (k * w < Big("1e-25") * queue_sum && lambda < alpha + k * theta) break;
  }
  Big total = queue_sum;
  for (int n = 0; n < agents; ++n) total += below[n];
  ExactErlangA out;
  Big busy = 0, waiting = 0, sl_after_wait = 0, served_wait = 0, harmonic = 0;
  for (int n = 0; n < agents; ++n) busy += n * below[n];
  busy += agents * queue_sum;
  const double x = static_cast<double>(alpha / theta);
  const double decay = std::exp(-within / patience);
  for (std::size_t k = 0; k < queue.size(); ++k) {
    const Big p = queue[k] / total;
    waiting += k * p;
    const Big served = alpha / (alpha + (k + 1) * theta);
    harmonic += 1 / (alpha + (k + 1) * theta);  // mean of the k+1 stages given service
    // P(V <= t | served, k) = P(U >= e^{-theta t}), U ~ Beta(x + 1, k + 1).
    const double within_prob = boost::math::ibetac(x + 1, static_cast<double>(k + 1), decay);
    sl_after_wait += p * served * within_prob;
    served_wait += p * served * harmonic;
  }
  const Big p_wait = queue_sum / total;
  const Big p_abandon = theta * waiting / lambda;
  out.p_wait = static_cast<double>(p_wait);
  out.p_abandon = static_cast<double>(p_abandon);
  out.service_level = static_cast<double>(1 - p_wait + sl_after_wait);
  out.asa = static_cast<double>(served_wait / (1 - p_abandon));
  out.occupancy = static_cast<double>(busy / total / agents);
  return out;
}

struct ErlangACase {
  int agents;
  double load_factor;       // a / N
  double patience_per_aht;  // patience / AHT
};

class ErlangAGrid : public testing::TestWithParam<ErlangACase> {};

TEST_P(ErlangAGrid, MatchesExactChain) {
  const ErlangACase c = GetParam();
  const double aht = 300, patience = c.patience_per_aht * aht;
  const double rate = c.load_factor * c.agents / aht;
  const double within = 20;
  const ExactErlangA exact = exact_erlang_a(rate, aht, patience, c.agents, within);
  const ErlangA a(rate, aht, patience, c.agents);
  expect_relative(a.p_wait(), exact.p_wait, 1e-9, "P(wait)");
  expect_relative(a.p_abandon(), exact.p_abandon, 1e-9, "P(abandon)");
  expect_relative(a.service_level(within), exact.service_level, 1e-9, "SL offered");
  expect_relative(a.service_level_answered(within), exact.service_level / (1 - exact.p_abandon),
                  1e-9, "SL answered");
  expect_relative(a.asa_s(), exact.asa, 1e-9, "ASA");
  expect_relative(a.occupancy(), exact.occupancy, 1e-9, "occupancy");
  expect_relative(a.mean_wait_s(), exact.p_abandon * patience, 1e-9, "mean wait");
}

INSTANTIATE_TEST_SUITE_P(
    Grid, ErlangAGrid,
    testing::Values(
        // one agent; light, critical and heavy load; tiny, ordinary and huge patience
        ErlangACase{1, 0.5, 1}, ErlangACase{1, 0.999, 1}, ErlangACase{1, 3.0, 1},
        ErlangACase{1, 0.5, 0.001}, ErlangACase{1, 0.9, 1000}, ErlangACase{1, 1.5, 1000},
        ErlangACase{10, 0.9, 0.5}, ErlangACase{10, 1.2, 5}, ErlangACase{50, 0.1, 1},
        ErlangACase{100, 0.8, 0.6}, ErlangACase{100, 0.999, 10}, ErlangACase{100, 2.0, 0.01},
        ErlangACase{100, 0.95, 0.001}, ErlangACase{100, 0.95, 10000}, ErlangACase{1000, 0.97, 0.7},
        ErlangACase{1000, 1.1, 2}, ErlangACase{1000, 0.5, 100}, ErlangACase{20000, 0.999, 0.6},
        ErlangACase{20000, 0.98, 5}, ErlangACase{20000, 1.05, 0.3}, ErlangACase{20000, 0.9, 0.01}),
    [](const testing::TestParamInfo<ErlangACase>& info) {
      const auto& c = info.param;
      return "N" + std::to_string(c.agents) + "_rho" +
             std::to_string(static_cast<int>(c.load_factor * 1000)) + "permille_patience" +
             std::to_string(static_cast<int>(c.patience_per_aht * 1000)) + "permille";
    });

// The balance equations of the truncated chain, solved as a sparse linear system with Eigen:
// pi Q = 0, sum pi = 1 (the last balance equation replaced by the normalisation).
TEST(ErlangA, MatchesBirthDeathChainSolvedWithEigen) {
  struct Case {
    int agents;
    double rate, aht, patience;
  };
  for (const Case& c : {Case{3, 0.02, 120, 60}, Case{25, 0.09, 300, 180}, Case{80, 0.3, 240, 600},
                        Case{200, 0.8, 270, 90}}) {
    const double mu = 1 / c.aht, theta = 1 / c.patience;
    const int states = c.agents + 2000;
    Eigen::SparseMatrix<double> qt(states, states);  // transpose of the generator
    std::vector<Eigen::Triplet<double>> entries;
    for (int n = 0; n < states; ++n) {
      const double down = std::min(n, c.agents) * mu + std::max(n - c.agents, 0) * theta;
      const double up = n + 1 < states ? c.rate : 0.0;
      if (n + 1 < states) entries.emplace_back(n + 1, n, up);
      if (n > 0) entries.emplace_back(n - 1, n, down);
      entries.emplace_back(n, n, -(up + down));
    }
    qt.setFromTriplets(entries.begin(), entries.end());
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(states);
    for (int n = 0; n < states; ++n) qt.coeffRef(states - 1, n) = 1.0;
    rhs(states - 1) = 1;
    qt.makeCompressed();
    Eigen::SparseLU<Eigen::SparseMatrix<double>> lu(qt);
    const Eigen::VectorXd pi = lu.solve(rhs);
    double p_wait = 0, queue = 0, busy = 0;
    for (int n = 0; n < states; ++n) {
      if (n >= c.agents) p_wait += pi(n);
      queue += std::max(n - c.agents, 0) * pi(n);
      busy += std::min(n, c.agents) * pi(n);
    }
    const ErlangA a(c.rate, c.aht, c.patience, c.agents);
    SCOPED_TRACE(testing::Message() << "N=" << c.agents);
    expect_relative(a.p_wait(), p_wait, 1e-9, "P(wait)");
    expect_relative(a.p_abandon(), theta * queue / c.rate, 1e-9, "P(abandon)");
    expect_relative(a.occupancy(), busy / c.agents, 1e-9, "occupancy");
    expect_relative(a.mean_queue_length(), queue, 1e-9, "queue length");
  }
}

}  // namespace
}  // namespace staffsim::models
