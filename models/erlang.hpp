// Exact analytic queueing models of one contact queue: Erlang B, Erlang C and Erlang A.
//
// Assumptions shared by all three: Poisson arrivals at rate lambda (contacts per second),
// exponentially distributed handle times with mean aht_s (seconds), `agents` identical agents,
// first-come first-served, steady state. Offered load a = lambda * aht_s (Erlangs).
//
//   Erlang B (M/M/N/N)   no queue: a contact that finds every agent busy is lost.
//   Erlang C (M/M/N)     infinite patience; stable only when a < N.
//   Erlang A (M/M/N+M)   exponential patience with mean patience_s; stable for every load.
//
// Definitions of the figures returned:
//   p_wait            P(an arriving contact waits at all) = P(W > 0).
//   service_level(t)  contacts answered within t seconds / all offered contacts (answered ones
//                     that waited 0 count as within t). For Erlang C every contact is answered.
//   service_level_answered(t)  answered within t / answered contacts (Erlang A).
//   asa_s             average speed of answer: mean wait of answered contacts.
//   mean_wait_s       mean time in queue over all offered contacts; an abandoning contact counts
//                     the time until it hung up (Erlang A), 0 for those served at once.
//   occupancy         mean fraction of on-duty agent time spent handling contacts.
//
// Numerics: Erlang B by its stable forward recursion; Erlang A through the regularised incomplete
// gamma function in log space. No factorials or powers are formed, so every figure is finite and
// accurate from 1 to well beyond 20,000 agents and loads. Relative accuracy is about 1e-12 except
// where a figure is itself tiny and formed by cancellation (Erlang A abandonment with patience many
// orders of magnitude above the handle time, then accurate to about 1e-16 absolute).
#pragma once

namespace staffsim::models {

// Offered load in Erlangs; throws InvalidInput unless rate >= 0 and aht > 0 (both finite).
double offered_load(double rate_per_s, double aht_s);

// Erlang B blocking probability for a load (Erlangs, >= 0) on `agents` (>= 0) servers.
double erlang_b(double load_erlangs, int agents);

// Erlang C waiting probability P(W > 0) for load < agents; 1 when load >= agents (unstable).
double erlang_c_wait_probability(double load_erlangs, int agents);

class ErlangC {
 public:
  // Throws InvalidInput for rate < 0, aht <= 0, agents < 1 or non-finite values.
  ErlangC(double rate_per_s, double aht_s, int agents);

  int agents() const { return agents_; }
  double offered_load() const { return load_; }
  // False when offered load >= agents: the queue grows without bound and the figures below other
  // than offered_load() and agents() are meaningless (they return NaN).
  bool stable() const { return stable_; }
  double occupancy() const;
  double p_wait() const;
  double service_level(double within_s) const;  // P(W <= t)
  double asa_s() const;                         // mean wait of all (= answered) contacts
  double mean_wait_delayed_s() const;           // mean wait of contacts that wait at all
  double mean_queue_length() const;             // time-average number waiting

 private:
  double aht_, load_;
  int agents_;
  bool stable_;
  double p_wait_;
};

class ErlangA {
 public:
  // Throws InvalidInput for rate < 0, aht <= 0, patience <= 0, agents < 1 or non-finite values.
  ErlangA(double rate_per_s, double aht_s, double patience_s, int agents);

  int agents() const { return agents_; }
  double offered_load() const { return load_; }
  double occupancy() const;
  double p_wait() const { return p_wait_; }
  double p_abandon() const { return p_abandon_; }
  double service_level(double within_s) const;           // answered within t / offered
  double service_level_answered(double within_s) const;  // answered within t / answered
  double asa_s() const;                                  // mean wait of answered contacts
  double mean_wait_s() const;                            // mean time in queue, all contacts
  double mean_queue_length() const;                      // time-average number waiting

 private:
  double rate_, aht_, patience_, load_;
  int agents_;
  // x = N mu / theta, y = lambda / theta; log of pi_N (probability of exactly N in system).
  double x_, y_, log_pi_n_;
  double p_wait_, p_no_wait_, p_abandon_;
};

}  // namespace staffsim::models
