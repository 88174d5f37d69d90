// Erlang B, C and A: published table values, closed forms, the unstable queue, limits, input
// errors, and properties over a random sweep. The exact oracles (50-digit arithmetic, the chain's
// balance equations with Eigen) are in erlang_oracle_test.cpp (Release only: their 50-digit
// arithmetic is slow to build and to run under the sanitizers).
#include "models/erlang.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "error_message.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

void expect_relative(double actual, double expected, double tolerance, const char* what) {
  if (expected == 0) {
    EXPECT_EQ(actual, 0) << what;
    return;
  }
  EXPECT_LE(std::fabs(actual - expected), tolerance * std::fabs(expected))
      << what << ": actual " << actual << " expected " << expected;
}

TEST(ErlangB, ReproducesPublishedTableAtOnePercentBlocking) {
  // Erlang B tables (e.g. the ITU-T / Cisco traffic tables): the load carried by N circuits at
  // 1% blocking is 4.46 E for 10, 12.03 E for 20 and 84.06 E for 100 circuits.
  auto load_at = [](int agents, double blocking) {
    double lo = 0, hi = agents;
    for (int i = 0; i < 200; ++i) {
      const double mid = 0.5 * (lo + hi);
      (erlang_b(mid, agents) < blocking ? lo : hi) = mid;
    }
    return lo;
  };
  EXPECT_NEAR(load_at(10, 0.01), 4.46, 0.005);
  EXPECT_NEAR(load_at(20, 0.01), 12.03, 0.005);
  EXPECT_NEAR(load_at(100, 0.01), 84.06, 0.005);
}

TEST(ErlangC, ClosedFormsForOneAndTwoAgents) {
  // M/M/1: P(wait) = rho, P(W > t) = rho e^{-(mu - lambda) t}, mean wait = rho / (mu - lambda).
  const double lambda = 1.0 / 400, mu = 1.0 / 300, rho = lambda / mu;
  const ErlangC one(lambda, 300, 1);
  expect_relative(one.p_wait(), rho, 1e-14, "M/M/1 P(wait)");
  expect_relative(one.service_level(45), 1 - rho * std::exp(-(mu - lambda) * 45), 1e-14, "SL");
  expect_relative(one.asa_s(), rho / (mu - lambda), 1e-14, "ASA");
  // M/M/2 with a = lambda / mu: P(wait) = a^2 / (2 + a).
  const double a = 1.3;
  expect_relative(ErlangC(a / 300, 300, 2).p_wait(), a * a / (2 + a), 1e-14, "M/M/2 P(wait)");
}

TEST(ErlangC, UnstableQueueIsFlaggedNotComputed) {
  const ErlangC c(1.0, 300, 300);  // a = 300 = N
  EXPECT_FALSE(c.stable());
  EXPECT_TRUE(std::isnan(c.p_wait()));
  EXPECT_TRUE(std::isnan(c.service_level(20)));
  EXPECT_TRUE(std::isnan(c.asa_s()));
  EXPECT_DOUBLE_EQ(c.offered_load(), 300);
  EXPECT_EQ(erlang_c_wait_probability(400, 300), 1.0);
}

TEST(ErlangA, ApproachesErlangCAsPatienceGrows) {
  const ErlangC c(0.9, 100, 100);
  const ErlangA a(0.9, 100, 1e9, 100);
  EXPECT_NEAR(a.p_wait(), c.p_wait(), 1e-6);
  EXPECT_NEAR(a.service_level(20), c.service_level(20), 1e-6);
  EXPECT_NEAR(a.asa_s(), c.asa_s(), 1e-4 * c.asa_s());
}

TEST(ErlangA, StableAtEveryLoad) {
  const ErlangA a(10.0, 300, 120, 100);  // a = 3000 E on 100 agents
  EXPECT_GT(a.p_wait(), 0.999999);
  // Throughput balance: served = N mu (all busy), so P(abandon) -> 1 - N/a.
  EXPECT_NEAR(a.p_abandon(), 1 - 100.0 / 3000, 1e-3);
  EXPECT_NEAR(a.occupancy(), 1.0, 1e-6);
  EXPECT_TRUE(std::isfinite(a.asa_s()));
}

TEST(ErlangA, ZeroVolume) {
  const ErlangA a(0.0, 300, 120, 3);
  EXPECT_EQ(a.p_wait(), 0);
  EXPECT_EQ(a.p_abandon(), 0);
  EXPECT_EQ(a.service_level(20), 1);
  EXPECT_EQ(a.asa_s(), 0);
  EXPECT_EQ(a.occupancy(), 0);
}

TEST(Erlang, RejectsInvalidInputWithMessage) {
  EXPECT_EQ(staffsim::test_support::error_message([] { ErlangC(1, -3, 10); }),
            "aht_s must be positive and finite, found -3");
  EXPECT_EQ(staffsim::test_support::error_message([] { ErlangC(-1, 300, 10); }),
            "arrival rate must be non-negative and finite, found -1");
  EXPECT_EQ(staffsim::test_support::error_message([] { ErlangC(1, 300, 0); }),
            "agents must be at least 1, found 0");
  EXPECT_EQ(staffsim::test_support::error_message([] { ErlangA(1, 300, 0, 10); }),
            "patience_s must be positive and finite, found 0");
  EXPECT_EQ(
      staffsim::test_support::error_message([] { ErlangA(1, 300, 60, 400).service_level(-1); }),
      "service-level threshold must be non-negative and finite, found -1");
  EXPECT_EQ(staffsim::test_support::error_message([] { erlang_b(std::nan(""), 3); }),
            "load must be non-negative and finite, found nan");
}

}  // namespace
}  // namespace staffsim::models

namespace staffsim::models {
namespace {

// Over a wide random sweep every figure is finite, a probability lies in [0, 1], the service level
// grows with the threshold, and adding an agent never makes anything worse.
TEST(ErlangA, PropertiesHoldAcrossARandomSweep) {
  std::mt19937_64 rng(20261123);
  std::uniform_real_distribution<double> unit(0, 1);
  for (int trial = 0; trial < 400; ++trial) {
    const int agents = 1 + static_cast<int>(std::pow(20000.0, unit(rng)));
    const double rho = 0.05 + 2.5 * unit(rng);
    const double aht = 30 + 900 * unit(rng);
    const double patience = aht * std::pow(10.0, -3 + 6 * unit(rng));
    const double rate = rho * agents / aht;
    const double t1 = 60 * unit(rng), t2 = t1 + 60 * unit(rng);
    SCOPED_TRACE(testing::Message()
                 << "N=" << agents << " rho=" << rho << " aht=" << aht << " patience=" << patience);
    const ErlangA a(rate, aht, patience, agents), more(rate, aht, patience, agents + 1);
    for (double p : {a.p_wait(), a.p_abandon(), a.service_level(t1), a.service_level_answered(t1),
                     a.occupancy()}) {
      ASSERT_TRUE(std::isfinite(p));
      EXPECT_GE(p, 0);
      EXPECT_LE(p, 1 + 1e-12);
    }
    ASSERT_TRUE(std::isfinite(a.asa_s()));
    EXPECT_GE(a.asa_s(), 0);
    EXPECT_LE(a.service_level(t1), a.service_level(t2) + 1e-12);
    EXPECT_LE(more.p_wait(), a.p_wait() * (1 + 1e-9) + 1e-300);
    EXPECT_LE(more.p_abandon(), a.p_abandon() * (1 + 1e-9) + 1e-300);
    EXPECT_GE(more.service_level(t1), a.service_level(t1) - 1e-9);
    EXPECT_LE(more.asa_s(), a.asa_s() * (1 + 1e-7) + 1e-12);
  }
}

}  // namespace
}  // namespace staffsim::models
