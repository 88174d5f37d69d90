// The scenario: a plain, validated description of one contact-centre day (or several days) that the
// simulator runs. It is built by the YAML loader in tools/ (or directly in C++), never read from a
// file here.
//
// Units: every duration is in seconds, every rate in contacts per second, every probability a
// fraction in [0, 1]. Per-interval vectors cover the whole horizon (intervals_per_day * days
// entries); the loader expands a one-day pattern to every day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace staffsim::sim {

// Distributions of a duration (handle time, patience), parameterised as a planner states them.
struct Exponential {
  double mean_s = 0;
};
struct Lognormal {  // by the mean and standard deviation of the duration itself (not of its log)
  double mean_s = 0;
  double sd_s = 0;
};
struct Gamma {  // by mean and standard deviation: shape = (mean/sd)^2, scale = sd^2/mean
  double mean_s = 0;
  double sd_s = 0;
};
struct Weibull {
  double shape = 0;
  double scale_s = 0;
};
struct Deterministic {
  double value_s = 0;
};
struct Empirical {  // resampled uniformly from observed durations
  std::vector<double> values_s;
};
using DurationDistribution =
    std::variant<Exponential, Lognormal, Gamma, Weibull, Deterministic, Empirical>;

// Mean of a duration distribution, in seconds.
double mean_of(const DurationDistribution& d);

struct Horizon {
  double interval_s = 1800;   // length of one planning interval
  int intervals_per_day = 1;  // planning intervals in one day
  int days = 1;               // days simulated back to back (each a fresh day: queues empty)
  double day_start_s = 0;     // clock time of the first interval (for reports), e.g. 7h = 25200
  double warmup_s = 0;        // simulated before the first interval and discarded
  int total_intervals() const { return intervals_per_day * days; }
};

enum class ServiceLevelDefinition {
  offered,                 // answered within T / offered
  answered,                // answered within T / answered
  exclude_short_abandons,  // answered within T / (offered - abandoned within the short-abandon
                           // threshold)
};

struct ServiceLevelTarget {
  double within_s = 20;
  double at_least = 0.8;
  ServiceLevelDefinition definition = ServiceLevelDefinition::offered;
};

struct Targets {
  std::optional<ServiceLevelTarget> service_level;
  std::optional<double> max_abandon;  // fraction of offered
  std::optional<double> max_asa_s;
};

struct Arrivals {
  std::vector<double>
      rate_per_s;     // piecewise-constant Poisson rate, one per interval of the horizon
  double day_cv = 0;  // CV of a gamma(mean 1) busyness factor drawn once per day; 0 = none
};

// One step of a contact type's routing list: the group may take the contact once it has waited
// `after_s` seconds (0 = at once).
struct RouteStep {
  int group = 0;  // index into Scenario::agent_groups
  double after_s = 0;
};

struct ContactType {
  std::string name;
  int priority = 0;  // higher is served first
  Arrivals arrivals;
  DurationDistribution handle_time = Exponential{300};
  std::optional<DurationDistribution> patience;  // nullopt: nobody abandons
  Targets targets;
  std::vector<RouteStep> routing;  // in order of preference; never empty
};

struct AgentGroup {
  std::string name;
  std::vector<int> staffing;  // agents on duty, one per interval of the horizon
};

struct Scenario {
  std::string name;
  Horizon horizon;
  std::vector<ContactType> contact_types;
  std::vector<AgentGroup> agent_groups;
  int replications = 30;
  std::uint64_t seed = 1;
  double short_abandon_s = 5;  // abandons faster than this are "short abandons"
};

// Checks the invariants above (sizes, signs, indices) and throws staffsim::InvalidInput naming the
// first violation. The YAML loader reports positioned errors before this runs; this guards callers
// that build scenarios in C++.
void validate(const Scenario& scenario);

}  // namespace staffsim::sim
