// Small builders of scenario parts for simulator tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "sim/scenario.hpp"

namespace staffsim::sim::test_support {

// A contact type with one arrival rate per interval (contacts per second) and its routing.
inline ContactType contact_type(const std::string& name, std::vector<double> rates,
                                std::vector<RouteStep> routing) {
  ContactType t;
  t.name = name;
  t.arrivals.rate_per_s = std::move(rates);
  t.routing = std::move(routing);
  return t;
}

// An agent group with its agents per interval.
inline AgentGroup agent_group(const std::string& name, std::vector<int> staffing) {
  AgentGroup g;
  g.name = name;
  g.staffing = std::move(staffing);
  return g;
}

}  // namespace staffsim::sim::test_support
