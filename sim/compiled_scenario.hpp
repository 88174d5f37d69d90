// The scenario prepared for fast simulation: read-only, shared by all worker threads.
//
// It turns the planner's description (sim/scenario.hpp) into what the engine looks up on its hot
// path:
//   - queues: one per contact type (its inbound queue), and one per escalation path that needs
//     one (a transfer queue at the target group, a work-order queue at the back office, a
//     call-back queue at the outbound group) and per group that receives audits. Live queues hold
//     customers on the line (they have patience and keep a group on duty after the close);
//     deferred queues hold work that waits overnight. Each queue is ordered by its key: the time
//     an item joined it, or its deadline (earliest deadline first);
//   - per queue, the groups a new item may go to at once (in preference order) and the overflow
//     delays after which more groups may take it;
//   - per group, its candidates: the queues it serves, each with the delay after which it may take
//     a waiting item, a service level (0 = served first) and an optional condition (agents kept
//     free for escalations, the call-back rule, an active reinforcement). A freed agent takes the
//     best waiting item of the best level; items of one level are compared by queue key, then by
//     generation order;
//   - per contact type, its issue model with the escalation paths compiled;
//   - per-interval rates with opening hours applied (closed = 0), and the agents on duty per
//     interval: the staffing after shrinkage, 0 while the group is closed (sim::agents_on_duty).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/duration_sampler.hpp"
#include "sim/scenario.hpp"
#include "sim/work_queue.hpp"

namespace staffsim::sim {

using QueueKind = WorkKind;

// When a candidate queue may be served.
enum class Condition : std::uint8_t {
  always,
  reserve,        // inbound calls at a group that keeps agents free for escalations
  callbacks,      // the group's call-back rule
  reinforcement,  // while the reinforcement rule `reinforcement` is active
};

struct CompiledScenario {
  // An escalation path of one contact type (sim::Escalation compiled).
  struct Path {
    EscalationKind kind = EscalationKind::ask_to_call_again;
    int queue = -1;  // transfer, work-order or call-back queue
    int group = -1;  // its group
    bool warm = false;
    DurationSampler handle;  // transfer leg or reached call-back
    bool has_patience = false;
    DurationSampler patience;    // transfer hold
    double deadline_s = 0;       // work order
    DurationSampler processing;  // work order
    bool has_hand_off = false;
    DurationSampler hand_off;  // work order
    int then_callback = -1;    // work order: path of its call-back, or -1
    double within_s = 0, reach = 1, retry_after_s = 0, attempt_s = 0;  // call-back
    int attempts = 1;
  };
  struct Issues {                   // sim::IssueModel compiled
    std::vector<double> level_cdf;  // P(level <= l + 1)
    double resolve_probability = 1;
    std::vector<int> path_by_level;  // [level - 1]: path index, -1 when none
    int unresolved_path = -1;
    int max_transfers = 2;
  };
  struct Type {
    std::string name;
    std::string key;  // names its random streams: ContactType::key, or the name
    int priority = 0;
    double day_cv = 0;
    DurationSampler handle;
    bool has_patience = false;
    DurationSampler patience;
    double sl_threshold_s = 20;
    std::vector<double> rate_per_s;  // [horizon interval], 0 while the type is closed
    std::vector<std::uint8_t> open;  // [horizon interval] 1 = open
    bool tracks_issues = false;      // issues or repeat given: contacts belong to issues
    bool has_issue_model = false;
    Issues issues;
    std::vector<Path> paths;
    bool has_repeat = false;
    double repeat_probability = 0;
    DurationSampler repeat_delay;
    int complaint_after = 0;
    int complaint_type = -1;
  };
  struct EntryGroup {  // a group a new item may go to at once
    int group;
    Condition condition;
    int reinforcement;
  };
  // A queue: where items wait for an agent.
  struct Queue {
    QueueKind kind;
    bool live;                                      // a customer on the line waits in it
    bool by_deadline;                               // keyed by deadline, else by joining time
    int type;                                       // contact type of its items (inbound)
    std::vector<EntryGroup> groups_at_entry;        // may take an item at once, by preference
    std::vector<double> delays_s;                   // distinct positive delays, ascending
    std::vector<std::vector<int>> groups_by_delay;  // [delay index], in preference order
    std::vector<int> reinforcements;                // rules that watch this (inbound) queue
  };
  // A queue a group serves: it may take the queue's head once that has waited `after_s`.
  struct Candidate {
    int queue;
    int level;  // 0 is served first; equal levels: the item with the earliest key
    double after_s;
    Condition condition;
    int reinforcement;  // for Condition::reinforcement
  };
  struct Group {
    std::string name;
    std::vector<int> staffing;          // [horizon interval] agents on duty (after shrinkage)
    std::vector<Candidate> candidates;  // by level, then order of creation
    int most_agents = 0;                // largest staffing of any interval
    int authority = 1;
    double handle_factor = 1;
    double added_s = 0;
    double audit_share = 0;
    int audit_queue = -1;  // -1 without audits
    DurationSampler audit_processing;
    int reserve = 0;
    int callbacks_idle_at_least = 1;
    bool callbacks_need_empty_queues = true;
    bool has_authority_cost = false;  // handle times change: factor != 1 or added time
    bool has_callbacks = false;       // serves a call-back queue
    bool takes_transfers = false;     // serves a transfer queue
  };
  struct ReinforcementRule {
    int group, type, queue;
    std::int64_t start_queue;  // -1 when the rule starts on the oldest wait
    double start_oldest_wait_s;
    std::int64_t stop_queue;
  };

  explicit CompiledScenario(const Scenario& scenario);

  const Scenario& scenario;
  int types, groups, queues, intervals_per_day, days;
  std::int64_t intervals, periods;  // horizon intervals; periods = intervals + days + 1
  double interval_s;
  std::vector<Type> type;
  std::vector<Queue> queue;
  std::vector<Group> group;
  std::vector<ReinforcementRule> reinforcement;
  bool tracks_issues = false;  // some type's contacts belong to issues
  bool has_callbacks = false;  // some group has a call-back queue
  bool has_transfers = false;  // some path is a transfer
  // Record each group's load distribution per interval (ReplicationTally::load_time), for the
  // iterative staffing of sim/optimize.hpp. Off by default: it costs time on every change.
  bool record_load = false;
  // Scripted arrivals for hand-worked test timelines: when scripted_arrivals_s[type] is non-empty
  // it replaces that type's Poisson arrivals by these times relative to each simulated day's first
  // interval (ascending, before the day's close; negative times fall in the warm-up), the same
  // every day. Empty by default.
  std::vector<std::vector<double>> scripted_arrivals_s;
};

}  // namespace staffsim::sim
