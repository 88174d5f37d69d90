// Staffing: the smallest number of agents that meets every service target at once, for one
// interval or a series of intervals, with the queueing models of models/erlang.hpp.
//
// Targets (any combination; at least one):
//   service level  at least p of contacts answered within t, in the `offered` definition (answered
//                  within t / offered) or the `answered` one (answered within t / answered)
//   max ASA        mean wait of answered contacts <= x seconds
//   max P(wait)    P(W > 0) <= p
//   max abandon    P(abandon) <= p (Erlang A only)
//   max occupancy  offered load / agents <= p (Erlang B: carried load / agents)
//   max block      blocking probability <= p (Erlang B only)
// Every target improves as agents are added, so the answer is found by a doubling search followed
// by bisection; the binding target is the one that the next smaller staffing level would violate.
// Scheduled agents = ceil(agents / (1 - shrinkage)): the headcount to roster so that `agents` are
// on the phones after breaks, training and absence.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace staffsim::models {

enum class QueueModel { erlang_b, erlang_c, erlang_a };
enum class ServiceLevelBasis { offered, answered };

const char* to_string(QueueModel model);
const char* to_string(ServiceLevelBasis basis);

struct Workload {
  double rate_per_s = 0;  // arrival rate, contacts per second
  double aht_s = 0;       // mean handle time, seconds
  double patience_s = 0;  // mean patience, seconds (Erlang A only)
};

// All figures of one model at one staffing level; figures a model does not define are NaN.
struct QueueMetrics {
  QueueModel model = QueueModel::erlang_c;
  int agents = 0;
  double offered_load = 0;  // Erlangs
  bool stable = true;       // false only for Erlang C with load >= agents
  double occupancy = 0;
  double within_s = 20;           // the service-level threshold t used below
  double p_block;                 // Erlang B
  double p_wait;                  // Erlang C, A: P(W > 0)
  double service_level;           // answered within t / offered
  double service_level_answered;  // answered within t / answered (Erlang A; = service_level for C)
  double asa_s;                   // mean wait of answered contacts
  double mean_wait_s;             // mean time in queue of all contacts
  double p_abandon;               // Erlang A
};

// Evaluates `model` at `agents`; throws InvalidInput on an invalid workload or agents < 1.
QueueMetrics evaluate(QueueModel model, const Workload& workload, int agents, double within_s);

struct ServiceLevelGoal {
  double at_least = 0.8;  // fraction in (0, 1]
  double within_s = 20;
  ServiceLevelBasis basis = ServiceLevelBasis::offered;
};

struct StaffingTargets {
  std::optional<ServiceLevelGoal> service_level;
  std::optional<double> max_asa_s;
  std::optional<double> max_wait_probability;
  std::optional<double> max_abandon;
  std::optional<double> max_occupancy;
  std::optional<double> max_block;
  double shrinkage = 0;  // fraction in [0, 1)
};

struct StaffingResult {
  int agents = 0;              // smallest on-phone staffing meeting every target
  int scheduled_agents = 0;    // ceil(agents / (1 - shrinkage))
  std::string binding_target;  // "service_level", "asa", "wait_probability", "abandon",
                               // "occupancy", "block" or "none" (no agent needed: zero volume)
  QueueMetrics metrics;        // the figures at `agents`
};

// Throws InvalidInput for an invalid workload, a target outside its range or a target the model
// cannot express (max_abandon without Erlang A, max_block without Erlang B, ...), and when no
// staffing up to `max_agents` meets the targets (for example a service level of 100%).
StaffingResult required_agents(QueueModel model, const Workload& workload,
                               const StaffingTargets& targets, int max_agents = 1'000'000);

// One solve per interval; workloads[i] is the interval's rate, AHT and patience.
std::vector<StaffingResult> required_agents_series(QueueModel model,
                                                   const std::vector<Workload>& workloads,
                                                   const StaffingTargets& targets);

}  // namespace staffsim::models
