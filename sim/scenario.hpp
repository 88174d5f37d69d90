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

#include "models/calendar.hpp"

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

// The simulated time. One clock runs over the whole horizon, in seconds from the start of day 1's
// first interval; day d (0-based) opens at d * day_length_s(). Every day has the same window of
// `intervals_per_day` intervals; outside it the centre is closed (no arrivals, no agents), and what
// is still open at the close carries over the night: work waiting for an agent, customers who will
// call again. A window of 24 hours is open around the clock.
inline constexpr std::int64_t kMaxHorizonIntervals = 1'000'000;  // intervals x days

struct Horizon {
  double interval_s = 1800;   // length of one planning interval
  int intervals_per_day = 1;  // planning intervals in one day
  int days = 1;               // days of the horizon, reported
  double day_start_s = 0;     // clock time of the first interval (for reports), e.g. 7h = 25200
  double warmup_s = 0;        // simulated before the first simulated day (with its first interval's
                        // rates and staffing) and discarded; before EVERY day if days_independent
  int warmup_days = 0;  // whole days simulated before day 1 and discarded (they repeat the
                        // horizon's days backwards: the last warm-up day is the horizon's last day)
  bool days_independent = false;  // each day starts empty (a fresh "typical day"), as if alone
  std::optional<std::int64_t> start_date;  // day 1 in days since 1970-01-01 (reports, weekdays)

  // Intervals of the whole horizon, as a 64-bit count (the product can exceed int).
  std::int64_t total_intervals() const {
    return static_cast<std::int64_t>(intervals_per_day) * days;
  }
  double window_s() const { return interval_s * intervals_per_day; }
  // 24 hours, or the window when one day's window is longer (a single long day built in C++).
  double day_length_s() const { return window_s() > 86400.0 ? window_s() : 86400.0; }
  // The window covers the whole day: no closing between days.
  bool open_around_the_clock() const { return window_s() >= day_length_s(); }
  // Weekday of day d (0-based), 0 = Monday; day 1 is a Monday when no start_date is given.
  int weekday(std::int64_t d) const {
    return start_date ? models::weekday_from_days(*start_date + d) : static_cast<int>(d % 7);
  }
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

// Opening hours: one flag per interval of the horizon (1 = open); empty = open in every interval.
// A closed contact type has no arrivals; a closed group has no agent on duty.
using OpenIntervals = std::vector<std::uint8_t>;

struct ContactType {
  std::string name;
  int priority = 0;  // higher is served first
  Arrivals arrivals;
  DurationDistribution handle_time = Exponential{300};
  std::optional<DurationDistribution> patience;  // nullopt: nobody abandons
  Targets targets;
  std::vector<RouteStep> routing;  // in order of preference; never empty
  OpenIntervals open;              // when contacts of this type may arrive
};

struct AgentGroup {
  std::string name;
  std::vector<int> staffing;  // agents on duty, one per interval of the horizon
  OpenIntervals open;         // staffing counts only in open intervals
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
