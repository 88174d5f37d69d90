// Simulation-optimized staffing: the smallest staffing per interval and group with which the
// SIMULATED centre meets every target of every contact type in every interval, at the 95%
// confidence of the verdicts of sim/results.hpp ("met": the whole confidence interval is on the
// right side of the target), starting from an analytic plan (the Erlang plan of
// sim/erlang_plan.hpp).
//
// Method: the iterative staffing algorithm (ISA) of Feldman, Mandelbaum, Massey and Whitt,
// "Staffing of time-varying queues to achieve time-stable performance", Management Science 54(2),
// 2008, with a search over its one parameter:
//   1. ISA. Given a staffing n^(k), simulate the centre and record, per group and interval, the
//      distribution of the group's load L (its busy agents plus the callers waiting of the types
//      that list it first). The next staffing is, per interval, the smallest n with
//      P(L^(k) >= n) <= alpha: the staffing under which the load the centre actually carried
//      (abandonment, carry-over between intervals and overflow included) would find all agents
//      busy with probability at most alpha. Repeat until the staffing no longer changes (or
//      `isa_iterations`). FMMW show that the fixed point stabilises the delay probability at
//      alpha over time, and with it the other performance measures.
//   2. Search over alpha. The targets (service level, abandon rate, ASA) are not a delay
//      probability, so alpha is searched by bisection (in log scale, `alpha_steps` steps between
//      `alpha_low` and `alpha_high`) for the largest alpha whose ISA fixed point meets every
//      target in every interval; larger alpha means fewer agents.
//      The starting plan itself is kept when it meets every target with fewer agent-hours than
//      any fixed point found.
//   3. Repair. When no alpha meets every target (the smallest one leaves some interval missed or
//      uncertain), agents are added one at a time to the first group of each type whose target
//      fails in an interval, until every target is met or `repair_iterations` is reached.
// Multi-skill: step 1 runs per group on the types that list the group first (the planned
// groups); groups no type lists first (overflow desks, back offices) keep the scenario's
// staffing, and the search of steps 2-3 runs on all planned groups together, the simulation
// accounting for overflow between them.
//
// Every simulation uses the scenario's seed and replication count (or the run options'), so the
// plans compare under common random numbers, and results do not depend on threads.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "sim/results.hpp"
#include "sim/scenario.hpp"
#include "sim/simulator.hpp"

namespace staffsim::sim {

struct OptimizeOptions {
  RunOptions run;  // replications, seed, threads (precision is not used)
  int isa_iterations = 6;
  int alpha_steps = 6;
  double alpha_low = 0.002;
  double alpha_high = 0.6;
  int repair_iterations = 40;
  // Scenario staffing (scheduled agents) of group g for n agents on duty; identity by default
  // (a group with shrinkage schedules more).
  std::function<int(int group, int on_duty)> to_staffing;
};

struct OptimizeResult {
  std::vector<bool> planned;               // [group]: staffing searched (a type lists it first)
  std::vector<std::vector<int>> start;     // [group][interval] staffing of the starting plan
  std::vector<std::vector<int>> staffing;  // [group][interval] the optimized staffing
  std::vector<std::vector<int>> on_duty;   // [group][interval] on duty in the optimized plan
  Results start_results;                   // the starting plan, simulated
  Results results;                         // the optimized plan, simulated
  bool met = false;                        // every target met in every interval
  double alpha = 0;                        // the ISA parameter of the result (before repair)
  int simulations = 0;
  int repairs = 0;  // agents added by step 3
};

// Whether every target of every contact type is met in every interval where the type is offered
// and over the horizon; when not, the (group, interval) pairs to reinforce: the first group of
// each type that misses or is uncertain there.
struct TargetGaps {
  bool met = true;
  std::vector<std::pair<int, std::int64_t>> gaps;
};
TargetGaps target_gaps(const Scenario& scenario, const Results& results);

// `start_on_duty` [group][interval]: agents on duty of the starting plan for the planned groups
// (ignored for the others). Throws InvalidInput for a scenario that simulate() refuses.
OptimizeResult optimize_staffing(const Scenario& scenario,
                                 const std::vector<std::vector<int>>& start_on_duty,
                                 const OptimizeOptions& options);

}  // namespace staffsim::sim
