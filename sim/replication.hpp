// One replication of the contact-centre model described in sim/simulator.hpp: the engine itself.
// simulate() compiles the scenario once (CompiledScenario), runs replications on worker threads
// with run_replication() and reduces their ReplicationTally values in replication order.
//
// Tallies are raw per-replication sums (counts, waiting-time sums, agent-seconds); the estimates
// and confidence intervals of sim/results.hpp are formed from them across replications.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/duration_sampler.hpp"
#include "sim/scenario.hpp"

namespace staffsim::sim {

// Raw statistics of one contact type over one period of one replication.
struct ContactTally {
  std::int64_t offered = 0;
  std::int64_t answered = 0;
  std::int64_t abandoned = 0;
  std::int64_t short_abandoned = 0;
  std::int64_t answered_within_target = 0;
  std::int64_t unanswered_at_close = 0;
  std::int64_t queued = 0;     // found no agent free on arrival
  double wait_answered_s = 0;  // sum of waits of answered contacts
  double wait_all_s = 0;       // sum of waits of all contacts
  double wait_p90_s = 0;       // NaN when no contact arrived
  double queue_area_s = 0;     // integral of the number waiting over clock time
  std::int64_t max_queue = 0;
};

// Raw statistics of one agent group over one period of one replication.
struct GroupTally {
  double busy_agent_s = 0;
  double on_duty_agent_s = 0;
  std::int64_t handled = 0;
};

// Periods: the global intervals [0, I), then the days [I, I + D), then the whole horizon I + D.
struct ReplicationTally {
  std::vector<ContactTally> contacts;  // [period * types + type]
  std::vector<GroupTally> groups;      // [period * groups + group]
  std::vector<std::int64_t> handled;   // [(period * groups + group) * types + type]
  std::int64_t contacts_generated = 0;
  std::int64_t events = 0;
  std::int64_t peak_contacts = 0;
};

// The scenario prepared for fast simulation (read-only, shared by all worker threads).
struct CompiledScenario {
  struct Route {  // one group a type may be routed to
    int group;
    double after_s;
  };
  struct Type {
    std::string name;
    int priority;
    double day_cv;
    DurationSampler handle;
    bool has_patience;
    DurationSampler patience;
    double sl_threshold_s;
    std::vector<int> groups_at_arrival;             // after_s == 0, in preference order
    std::vector<double> delays_s;                   // distinct positive delays, ascending
    std::vector<std::vector<int>> groups_by_delay;  // [delay index], in preference order
  };
  struct Candidate {  // a type a group may serve once the contact has waited after_s
    int type;
    int priority;
    double after_s;
  };
  explicit CompiledScenario(const Scenario& scenario);

  const Scenario& scenario;
  int types, groups, intervals_per_day, days, intervals, periods;
  std::vector<Type> type;
  std::vector<std::vector<Candidate>> candidates;  // [group], by priority descending, then type
  // Scripted arrivals for hand-worked test timelines: when scripted_arrivals_s[type] is non-empty
  // it replaces that type's Poisson arrivals by these day-local times (seconds from the start of
  // the first interval, ascending, before the close), the same every day. Empty by default.
  std::vector<std::vector<double>> scripted_arrivals_s;
};

ReplicationTally run_replication(const CompiledScenario& model, std::uint64_t seed,
                                 int replication);

}  // namespace staffsim::sim
