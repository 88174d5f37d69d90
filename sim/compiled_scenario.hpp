// The scenario prepared for fast simulation: read-only, shared by all worker threads.
//
// It turns the planner's description (sim/scenario.hpp) into what the engine looks up on its hot
// path:
//   - queues: one per contact type (the inbound queue), each FIFO by arrival;
//   - per queue, the groups an arriving contact may go to at once (in preference order) and the
//     overflow delays after which more groups may take it;
//   - per group, its candidates: the queues it serves, each with the delay after which it may take
//     a contact and a service level (0 = served first). A freed agent takes the best waiting item
//     of the best level; items of one level are compared by their queue key (arrival time), then by
//     generation order;
//   - per-interval rates and staffing with opening hours applied (closed = 0).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/duration_sampler.hpp"
#include "sim/scenario.hpp"

namespace staffsim::sim {

struct CompiledScenario {
  struct Type {
    std::string name;
    int priority;
    double day_cv;
    DurationSampler handle;
    bool has_patience;
    DurationSampler patience;
    double sl_threshold_s;
    std::vector<double> rate_per_s;  // [horizon interval], 0 while the type is closed
  };
  // A queue: where items wait for an agent.
  struct Queue {
    int type;                                       // contact type of its items
    std::vector<int> groups_at_entry;               // may take an item at once, by preference
    std::vector<double> delays_s;                   // distinct positive delays, ascending
    std::vector<std::vector<int>> groups_by_delay;  // [delay index], in preference order
  };
  // A queue a group serves: it may take the queue's head once that has waited `after_s`.
  struct Candidate {
    int queue;
    int level;  // 0 is served first; equal levels: the item that entered its queue first
    double after_s;
  };
  struct Group {
    std::string name;
    std::vector<int> staffing;          // [horizon interval], 0 while the group is closed
    std::vector<Candidate> candidates;  // by level, then scenario order
    int most_agents;                    // largest staffing of any interval
  };

  explicit CompiledScenario(const Scenario& scenario);

  const Scenario& scenario;
  int types, groups, queues, intervals_per_day, days;
  std::int64_t intervals, periods;  // horizon intervals; periods = intervals + days + 1
  double interval_s;
  std::vector<Type> type;
  std::vector<Queue> queue;
  std::vector<Group> group;
  // Scripted arrivals for hand-worked test timelines: when scripted_arrivals_s[type] is non-empty
  // it replaces that type's Poisson arrivals by these times relative to each simulated day's first
  // interval (ascending, before the day's close; negative times fall in the warm-up), the same
  // every day. Empty by default.
  std::vector<std::vector<double>> scripted_arrivals_s;
};

}  // namespace staffsim::sim
