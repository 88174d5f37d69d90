// The Erlang staffing plan of a scenario: for every interval of the horizon and every contact type,
// the agents that Erlang C or Erlang A requires for the type's targets; for every agent group, the
// agents it needs on duty and the agents to schedule for them after its shrinkage. It is the
// analytic starting point that a simulation then checks (`staffsim plan`, scenarios/REFERENCE.md).
//
// Model, interval by interval, each interval in its own steady state (models/staffing.hpp, the
// solver of `staffsim erlang`, with the same arguments):
//   offered rate   the type's arrival rate in the interval (arrivals.factor included; 0 while the
//                  type's hours close it). The day busyness factor (day_cv) has mean 1 and is left
//                  out; so are repeat calls, transfers, work orders, call-backs and audits: only
//                  the contacts that arrive are planned for.
//   handle time    exponential with the mean of the type's handle-time distribution, times the
//                  handle_time_factor and plus the added_time of the group that answers it (its
//                  authority cost), in seconds.
//   patience       a type with a patience distribution is solved with Erlang A (M/M/N+M), whose
//                  patience is exponential: its rate is 1 / the MEAN of the type's patience,
//                  whatever the distribution's family. A type without patience (nobody abandons)
//                  is solved with Erlang C (M/M/N).
//   targets        service_level (definitions `offered` and `answered` as stated;
//                  `exclude_short_abandons` is solved as `offered`, whose denominator is larger,
//                  so it needs at least as many agents: exact for Erlang C, where nobody
//                  abandons), max_abandon (Erlang A; a type without patience never abandons, so
//                  the target is met and left out of the solve), max_asa. Every target of a type
//                  is met at once. A type with no target to solve gets no requirement (0).
//
// Types to groups: a type's requirement goes to the FIRST group of its routing list, and a group
// requires the sum over the types that list it first. This is conservative: one pool answering
// several types needs fewer agents than the sum of their separate requirements (economies of
// scale), and overflow to later groups is not counted. A group that no type lists first requires
// 0 (it serves overflow, transfers, work orders or call-backs, which the plan leaves to the
// simulation).
//
// Scheduled agents: models::agents_to_schedule(required on duty, the group's shrinkage), the
// smallest roster that the simulator's floor(scheduled * (1 - shrinkage)) turns into at least the
// required agents on duty (sim/scenario.hpp).
//
// Errors: PlanError (an InvalidInput) lists every target that no finite staffing can meet (a
// service level of 100%, an ASA of 0 s, no abandonment at all with patience), each with the path of
// its scenario field; InvalidInput names the type and interval when an interval needs more than
// models' limit of agents.
#pragma once

#include <string>
#include <vector>

#include "models/error.hpp"
#include "models/staffing.hpp"
#include "sim/scenario.hpp"

namespace staffsim::sim {

// What the plan of one contact type solved, and the requirement of each interval.
struct TypePlan {
  int group = 0;  // the first group of its routing list: where its requirement goes
  models::QueueModel model = models::QueueModel::erlang_c;  // erlang_c or erlang_a
  double aht_s = 0;                                         // mean handle time at that group
  double patience_s = 0;            // mean patience (Erlang A), seconds; 0 for Erlang C
  models::StaffingTargets targets;  // the targets solved for (shrinkage 0: groups shrink)
  bool has_targets = false;         // false: nothing to solve for, no requirement
  // Notes on how the scenario's figures were read, for the planner.
  bool patience_not_exponential = false;     // Erlang A took the mean of another family
  bool service_level_as_offered = false;     // exclude_short_abandons with patience
  bool abandon_target_left_out = false;      // max_abandon of a type without patience
  std::vector<double> rate_per_s;            // [horizon interval] offered rate
  std::vector<models::StaffingResult> need;  // [horizon interval] the solve (agents, metrics)
};

struct ErlangPlan {
  std::vector<TypePlan> types;  // one per contact type, in scenario order
  // [group][horizon interval]: agents required ON DUTY, the sum over the types that list the group
  // first. This is the "requirement" a report draws staffing against.
  std::vector<std::vector<int>> required_on_duty;
  // [group][horizon interval]: agents to schedule, agents_to_schedule(required, shrinkage).
  std::vector<std::vector<int>> scheduled;
  // [group][horizon interval]: the Erlangs offered to the group by the types that list it first.
  std::vector<std::vector<double>> offered_load;
};

// One target of the scenario that no finite staffing meets.
struct PlanProblem {
  std::string path;     // the scenario field, "contact_types[0].targets.max_asa"
  std::string message;  // "expected ..., found ..."
};

class PlanError : public InvalidInput {
 public:
  explicit PlanError(std::vector<PlanProblem> problems);
  const std::vector<PlanProblem>& problems() const { return problems_; }

 private:
  std::vector<PlanProblem> problems_;
};

// The plan of a valid scenario (sim::validate); throws PlanError or InvalidInput (above).
ErlangPlan erlang_plan(const Scenario& scenario);

}  // namespace staffsim::sim
