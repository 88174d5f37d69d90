#include "models/method_selection.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "models/error.hpp"

namespace staffsim::models {
namespace {

// Student's t upper tail in closed form for 2 and 3 degrees of freedom (Abramowitz & Stegun
// 26.7.3), independent of the library the code uses.
double t2_upper(double t) {
  return 0.5 * (1.0 - t / std::sqrt(t * t + 2.0));
}
double t3_upper(double t) {
  const double x = t / std::sqrt(3.0);
  return 0.5 - (x / (1.0 + x * x) + std::atan(x)) / std::numbers::pi;
}

// One day ahead, the test is the paired t-test: d = 1, 2, 3 has mean 2, sd 1, t = 2 sqrt(3).
TEST(DieboldMariano, OneDayAheadIsThePairedTTest) {
  const std::vector<double> d{1, 2, 3};
  EXPECT_NEAR(diebold_mariano_p(d, 1), t2_upper(2.0 * std::sqrt(3.0)), 1e-12);
}

// Two days ahead, by hand: d = 1, 3, 2, 4, mean 2.5, g0 = 1.25, g1 = -0.4375, V = 0.375,
// DM = 2.5 / sqrt(0.375 / 4), HLN factor sqrt((4 + 1 - 4 + 2 / 4) / 4): DM* = 5 on 3 d.f.
TEST(DieboldMariano, TwoDaysAheadByHand) {
  const std::vector<double> d{1, 3, 2, 4};
  EXPECT_NEAR(diebold_mariano_p(d, 2), t3_upper(5.0), 1e-12);
}

TEST(DieboldMariano, DegenerateDifferentials) {
  EXPECT_EQ(diebold_mariano_p(std::vector<double>{0, 0, 0}, 1), 1.0);
  EXPECT_EQ(diebold_mariano_p(std::vector<double>{2, 2, 2}, 1), 0.0);
  EXPECT_EQ(diebold_mariano_p(std::vector<double>{-2, -2, -2}, 1), 1.0);
  try {
    diebold_mariano_p(std::vector<double>{1, 2, 3}, 3);
    FAIL();
  } catch (const InvalidInput& e) {
    EXPECT_STREQ(e.what(),
                 "the Diebold-Mariano test needs n >= 2 and n + 1 - 2h + h(h-1)/n > 0, found n 3 "
                 "and h 3");
  }
}

// Losses of three candidates over 40 origins: 1 clearly worse than 0, 2 within noise of 0.
std::vector<std::vector<double>> three_candidates() {
  std::vector<std::vector<double>> losses(3);
  for (int i = 0; i < 40; ++i) {
    const double wobble = (i * 37 % 11) - 5.0;  // deterministic, mean near 0
    losses[0].push_back(100.0 + wobble);
    losses[1].push_back(130.0 + wobble + (i % 3));
    losses[2].push_back(100.0 + wobble + ((i * 7 % 5) - 2.0) * 2.0);
  }
  return losses;
}

TEST(TiedBest, ClearlyWorseIsLeftOutTiedIsCombined) {
  EXPECT_EQ(tied_best(three_candidates(), 0, 40, 1), (std::vector<std::size_t>{0, 2}));
}

TEST(TiedBest, IdenticalLossesAreTied) {
  auto losses = three_candidates();
  losses[2] = losses[0];
  EXPECT_EQ(tied_best(losses, 0, 40, 1), (std::vector<std::size_t>{0, 2}));
}

// Too few origins to tell anything apart: every candidate (min_origins, or 2h when larger).
TEST(TiedBest, FewOriginsCombineAll) {
  const auto losses = three_candidates();
  EXPECT_EQ(tied_best(losses, 0, 9, 1), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(tied_best(losses, 0, 19, 10), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(tied_best(losses, 30, 30, 1), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(tied_best(losses, 0, 20, 10), (std::vector<std::size_t>{0, 2}));
}

TEST(TiedBest, BadArguments) {
  auto message = [](auto f) {
    try {
      f();
    } catch (const InvalidInput& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message([] { tied_best({}, 0, 0, 1); }),
            "losses must hold at least one candidate, found none");
  EXPECT_EQ(message([] {
              tied_best({{1, 2}, {1}}, 0, 1, 1);
            }),
            "losses must hold the same origins for every candidate, found 1 and 2");
  EXPECT_EQ(message([] {
              tied_best({{1, 2}}, 1, 3, 1);
            }),
            "origins [1, 3) must lie within the 2 origins of the losses");
  EXPECT_EQ(message([] {
              tied_best({{1, 2}}, 0, 2, 0);
            }),
            "horizon_days must be at least 1, found 0");
  EXPECT_EQ(message([] {
              tied_best({{1, 2}}, 0, 2, 1, SelectionRule{1.5, 10});
            }),
            "level must be in (0, 1), found 1.5");
}

}  // namespace
}  // namespace staffsim::models
