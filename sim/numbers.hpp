// Two values the simulator's parts share: kNaN marks a figure that is undefined (a ratio over
// nothing, a percentile of no contact), kInfinity a time that never comes (no patience, no next
// arrival). One definition, so that the parts can be compiled together (unity builds).
#pragma once

#include <limits>

namespace staffsim::sim {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace staffsim::sim
