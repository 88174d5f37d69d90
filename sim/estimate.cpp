#include "sim/estimate.hpp"

#include <boost/math/distributions/students_t.hpp>

namespace staffsim::sim {

double student_t_975(int degrees_of_freedom) {
  const boost::math::students_t distribution(static_cast<double>(degrees_of_freedom));
  return boost::math::quantile(boost::math::complement(distribution, 0.025));
}

}  // namespace staffsim::sim
