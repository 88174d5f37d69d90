// The Student-t quantile of the 95% confidence intervals over independent replications (see
// sim/results.hpp for the intervals and sim/reduction.hpp for how they are formed).
#pragma once

namespace staffsim::sim {

// Two-sided 95% Student-t quantile t_{0.975, degrees_of_freedom} (degrees_of_freedom >= 1).
double student_t_975(int degrees_of_freedom);

}  // namespace staffsim::sim
