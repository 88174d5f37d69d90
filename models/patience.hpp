// Patience (time a caller is willing to wait in queue before abandoning), estimated from waits
// that are right-censored by service.
//
// Data: for every caller offered to the agents, the time waited in queue W_i (seconds, >= 0) and
// whether the wait ended by abandonment. An abandoned caller's patience equals W_i; a served
// caller's patience is only known to exceed W_i (right-censored). Assumption: patience is
// independent of the wait the queue imposes (independent censoring), as in Erlang A (M/M/N+M).
//
// Estimators:
// - Kaplan-Meier: S(t) = prod over event times t_j <= t of (1 - d_j / n_j), with d_j abandons at
//   t_j and n_j callers still waiting just before t_j (at a tie, abandons are counted before the
//   services, the usual convention). Greenwood standard errors. Quantile p: the smallest event
//   time with S(t) <= 1 - p; absent when the curve never falls that low (heavy censoring).
// - Exponential maximum likelihood (censored): mean = total time waited by ALL callers
//   (abandoned and served) / number of abandons; standard error mean / sqrt(abandons).
// - Weibull maximum likelihood (censored): S(t) = exp(-(t / scale)^shape). The scale is profiled
//   out (scale^shape = sum of wait^shape over all callers / abandons) and the shape solves
//   1/shape + mean(log t over abandons) = sum t^shape log t / sum t^shape (over all callers) by
//   safeguarded Newton steps on log(shape). shape < 1: the urge to abandon fades with waiting
//   (many early hang-ups); shape = 1 is the exponential. Abandon times must be positive (the
//   density of a Weibull with shape < 1 is unbounded at 0); callers with whole-second data treat
//   a 0 s abandonment as 0.5 s.
// - The naive mean of the abandoned callers' waits is returned only for contrast: it ignores the
//   served callers and so estimates E[patience | patience < wait], biased low, often severely.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace staffsim::models {

struct WaitObservation {
  double wait_s = 0;       // time in queue, seconds, >= 0
  bool abandoned = false;  // true: patience = wait_s; false: patience > wait_s (served)
};

struct KaplanMeierStep {
  double time_s = 0;         // a distinct abandonment time
  std::size_t at_risk = 0;   // callers still waiting just before time_s
  std::size_t abandons = 0;  // abandonments at time_s
  double survival = 1;       // S(time_s), after the step
  double std_error = 0;      // Greenwood standard error of survival
};

struct KaplanMeierCurve {
  std::vector<KaplanMeierStep> steps;  // one per distinct abandonment time, increasing
  std::size_t observations = 0;
  std::size_t abandons = 0;

  // S(t): the probability that patience exceeds t seconds (1 before the first step).
  double survival_at(double time_s) const;
  // Smallest abandonment time t with S(t) <= 1 - probability; nullopt when not reached.
  // probability in (0, 1), else InvalidInput.
  std::optional<double> quantile_s(double probability) const;
  std::optional<double> median_s() const { return quantile_s(0.5); }
};

struct ExponentialPatience {
  std::size_t observations = 0;
  std::size_t abandons = 0;
  double total_wait_s = 0;  // summed over abandoned and served callers
  // total_wait_s / abandons; +infinity when nobody abandoned.
  double mean_s() const;
  // mean_s() / sqrt(abandons); +infinity when nobody abandoned.
  double std_error_s() const;

  // Censored log-likelihood at the MLE (densities per second): -abandons (log mean + 1).
  double log_likelihood() const;
};

struct WeibullPatience {
  double shape = 1;
  double scale_s = 0;
  double log_likelihood = 0;  // censored, densities per second
  double mean_s() const;      // scale * Gamma(1 + 1/shape)
  double median_s() const;    // scale * (log 2)^(1/shape)
};

// All throw InvalidInput when a wait is negative or not finite, or when there is no observation.
KaplanMeierCurve kaplan_meier(std::span<const WaitObservation> waits);
ExponentialPatience fit_exponential_patience(std::span<const WaitObservation> waits);
// Also throws InvalidInput when fewer than 2 callers abandoned, when an abandonment is at 0 s, or
// when all abandon times are equal and nobody waited longer (no finite maximum).
WeibullPatience fit_weibull_patience(std::span<const WaitObservation> waits);

// Mean wait of the abandoned callers only (biased, for contrast); nullopt when nobody abandoned.
std::optional<double> naive_mean_abandon_wait(std::span<const WaitObservation> waits);

}  // namespace staffsim::models
