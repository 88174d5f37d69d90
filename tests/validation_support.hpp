// Comparisons of simulated estimates with exact values, for the validation tests.
//
// Each comparison allows |estimate - exact| <= q * se, with se the standard error behind the
// estimate's 95% interval (Student t, R - 1 degrees of freedom) and q the t quantile of
// 1 - 2.5e-6: one comparison fails falsely with probability 5e-6, so a file of at most 20
// comparisons fails falsely with probability below 1e-4.
#pragma once

#include <gtest/gtest.h>

#include <boost/math/distributions/students_t.hpp>
#include <cmath>

#include "sim/estimate.hpp"
#include "sim/results.hpp"

namespace staffsim::sim::test_support {

inline double allowed_deviation(const Estimate& e, int replications) {
  const double se = (e.ci_high - e.mean) / student_t_975(replications - 1);
  const boost::math::students_t t(replications - 1);
  return boost::math::quantile(boost::math::complement(t, 2.5e-6)) * se;
}

// The estimate agrees with `exact`, and its interval is at most `relative_width` of the mean wide.
inline void expect_matches(const Estimate& e, double exact, int replications, const char* what,
                           double relative_width = 0.01) {
  SCOPED_TRACE(what);
  EXPECT_LE((e.ci_high - e.mean) / std::abs(e.mean), relative_width) << "interval too wide";
  EXPECT_NEAR(e.mean, exact, allowed_deviation(e, replications));
}

}  // namespace staffsim::sim::test_support
