// Streaming reduction of replications into estimates (sim/results.hpp), for one plan or for
// several plans simulated under common random numbers.
//
// Each replication's raw tallies (sim/recorder.hpp) go into the reduction as soon as they are
// complete and are then dropped: memory holds, per KPI, period and contact type (or group), the
// running means and co-moments of the KPI's per-replication numerator x and denominator y
// (Welford's update, numerically stable), never replications x intervals x KPIs.
//
// Each KPI is one of two kinds (sim/results.hpp):
//   mean   per-replication values x_r (y_r = 1); NaN values (a percentile of an empty period) are
//          skipped; estimate mean(x) +- t sd(x) / sqrt(n);
//   ratio  ratio of sums X = sum x / sum y; delta-method interval
//          X +- t sd(x_r - X y_r) / (sqrt(R) mean(y)); NaN when sum y = 0.
//
// Paired differences. With several plans, replication r of every plan uses the same seed and
// replication index, hence the same random streams (common random numbers). For plan p > 0 the
// difference to plan 0 is estimated replication by replication:
//   mean   d_r = x_pr - x_0r (replications where both are finite): mean(d) +- t sd(d) / sqrt(n);
//   ratio  D = X_p - X_0 with the delta-method interval of the paired linearisation
//          z_r = (x_pr - X_p y_pr) / mean(y_p) - (x_0r - X_0 y_0r) / mean(y_0):
//          D +- t sd(z) / sqrt(R); NaN when either sum y is 0.
// Positive correlation between the plans (the same callers, the same handle times) makes sd(z)
// much smaller than either plan's own spread: that is the point of common random numbers.
//
// Sums run in replication order, so results do not depend on the number of threads.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "sim/recorder.hpp"
#include "sim/results.hpp"
#include "sim/scenario.hpp"

namespace staffsim::sim {

// Several plans of one centre and their paired differences.
struct Comparison {
  std::vector<Results> plans;        // [plan]
  std::vector<Results> differences;  // [plan - 1]: plan p minus plan 0, paired by replication;
                                     // verdicts are `none`, replication_counts empty; group
                                     // figures only when both plans have the same groups
};

// Whether a paired difference excludes 0 at the 95% level (its whole interval is on one side).
inline bool significant(const Estimate& difference) {
  return difference.ci_low > 0 || difference.ci_high < 0;
}

class Reduction {
 public:
  // `plans` are validated scenarios with the same horizon and the same contact types (in order);
  // they must outlive the reduction.
  explicit Reduction(const std::vector<const Scenario*>& plans);
  ~Reduction();
  Reduction(const Reduction&) = delete;
  Reduction& operator=(const Reduction&) = delete;

  // Adds the next replication: one tally per plan, in plan order. Replications must be added in
  // replication order for reproducible sums.
  void add(const std::vector<ReplicationTally>& replication);

  int replications() const;

  // Estimates of everything added so far (at least one replication).
  Comparison results() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace staffsim::sim
