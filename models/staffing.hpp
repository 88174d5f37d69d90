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
// on the phones after breaks, training and absence. The inverse, the agents a roster puts on the
// phones, is floor(scheduled * (1 - shrinkage)); both forgive the rounding error of the
// arithmetic (70 / 0.7 is 100 scheduled, and 100 scheduled at 30% shrinkage are 70 on duty), so
// that agents_on_duty(agents_to_schedule(n, s), s) >= n always holds.
#pragma once

#include <limits>
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
  double within_s = 20;  // the service-level threshold t used below
  static constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
  double p_block = kUndefined;                 // Erlang B
  double p_wait = kUndefined;                  // Erlang C, A: P(W > 0)
  double service_level = kUndefined;           // answered within t / offered
  double service_level_answered = kUndefined;  // answered within t / answered (= offered for C)
  double asa_s = kUndefined;                   // mean wait of answered contacts
  double mean_wait_s = kUndefined;             // mean time in queue of all contacts
  double p_abandon = kUndefined;               // Erlang A
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
  int agents = 0;            // smallest on-phone staffing meeting every target
  int scheduled_agents = 0;  // ceil(agents / (1 - shrinkage))
  // The target that one agent fewer would miss: "service_level", "asa", "wait_probability",
  // "abandon", "occupancy" or "block"; "stability" when one agent fewer would leave an Erlang C
  // queue unstable (load >= agents) and every target is met at the first stable level; "none"
  // when nothing binds (zero volume needs no agent; one agent already meets every target).
  std::string binding_target;
  QueueMetrics metrics;  // the figures at `agents`
};

// Scheduled agents that put at least `agents` on duty after `shrinkage` (a fraction in [0, 1)): the
// smallest m with agents_on_duty(m, shrinkage) >= agents, which is ceil(agents / (1 - shrinkage)).
// Throws InvalidInput for agents < 0 or a shrinkage outside [0, 1).
int agents_to_schedule(int agents, double shrinkage);
// Agents on duty out of `scheduled` after `shrinkage`: floor(scheduled * (1 - shrinkage) + 1e-9).
// Throws InvalidInput for scheduled < 0 or a shrinkage outside [0, 1).
int agents_on_duty(int scheduled, double shrinkage);

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
