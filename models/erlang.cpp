#include "models/erlang.hpp"

#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/log1p.hpp>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numbers>
#include <string>

#include "models/error.hpp"

// Notation (Erlang A): mu = 1/aht, theta = 1/patience, x = N mu / theta, y = lambda / theta,
// rho = y / x = a / N. The stationary distribution of the number in system is
//   pi_n = pi_0 a^n / n!                               n <= N
//   pi_{N+k} = pi_N T_k,  T_k = prod_{j=1..k} y / (x + j)
// S = sum_k T_k = x e^y y^-x gamma(x, y) = 1 + e^y y^-x gamma(x+1, y), with gamma the lower
// incomplete gamma function, and 1/pi_N = 1/B - 1 + S where B is Erlang B at N.
// An arrival that finds k contacts waiting is served with probability N mu / (N mu + (k+1) theta);
// the offered wait V of an arrival that must wait has the (defective) density
//   pi_N alpha exp(-alpha tau) exp(y (1 - exp(-theta tau))),  alpha = N mu,
// from which the service level follows in closed form:
//   P(served within t, waited) = pi_N (x/y) e^y y^-x [gamma(x+1, y) - gamma(x+1, y e^{-theta t})].
// References: Garnett, Mandelbaum & Reiman (2002), "Designing a call center with impatient
// customers", MSOM 4(3); Mandelbaum & Zeltyn (2007), "Service engineering in action: the
// Palm/Erlang-A queue".

namespace staffsim::models {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void require(bool ok, const char* name, double value, const char* rule) {
  if (!ok)
    throw InvalidInput(std::string(name) + " must be " + rule + ", found " + number_text(value));
}

void check_queue_input(double rate_per_s, double aht_s, int agents) {
  require(std::isfinite(rate_per_s) && rate_per_s >= 0, "arrival rate", rate_per_s,
          "non-negative and finite");
  require(std::isfinite(aht_s) && aht_s > 0, "aht_s", aht_s, "positive and finite");
  require(agents >= 1, "agents", agents, "at least 1");
}

// lgamma(x) - [(x - 1/2) log x - x + log(2 pi)/2], the remainder of Stirling's formula.
double stirling_remainder(double x) {
  if (x >= 15) {
    const double r = 1 / x, r2 = r * r;
    return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 / 1680)));
  }
  return std::lgamma(x) - ((x - 0.5) * std::log(x) - x + 0.5 * std::log(2 * std::numbers::pi));
}

// log(e^-y y^(x-1) / Gamma(x)), without the cancellation of the naive form when x is large and
// y is close to x.
double log_gamma_p_derivative(double x, double y) {
  return x * boost::math::log1pmx((y - x) / x) - std::log(y) + 0.5 * std::log(x) -
         0.5 * std::log(2 * std::numbers::pi) - stirling_remainder(x);
}

double erlang_b_recursion(double load, int agents) {
  double b = 1;
  for (int n = 1; n <= agents; ++n) b = load * b / (n + load * b);
  return b;
}

// log of Erlang B; finite even where B itself underflows.
double log_erlang_b(double load, int agents) {
  if (agents == 0) return 0;
  if (load == 0) return -kInf;
  if (agents <= 256) {
    const double b = erlang_b_recursion(load, agents);
    if (b > 1e-250) return std::log(b);
  }
  // B = P(Poisson(a) = N) / P(Poisson(a) <= N).
  const double q = boost::math::gamma_q(agents + 1.0, load);
  if (q > 1e-250) return log_gamma_p_derivative(agents + 1.0, load) - std::log(q);
  // N far below the load: B is near 1 - N/a and the recursion is accurate.
  return std::log(erlang_b_recursion(load, agents));
}

// log(1 + e^r) without overflow.
double softplus(double r) {
  return r > 0 ? r + std::log1p(std::exp(-r)) : std::log1p(std::exp(r));
}

// e^-u - 1 + u, accurate for small |u|.
double exp_minus_one_plus(double u) {
  if (std::fabs(u) < 1e-2) {
    return u * u * (1.0 / 2 - u * (1.0 / 6 - u * (1.0 / 24 - u * (1.0 / 120 - u / 720))));
  }
  return std::expm1(-u) + u;
}

// The strongly underloaded regime, where the tail sums converge fast and the incomplete gamma
// function would underflow: sum directly.
bool use_series(double x, double y) {
  return y < 0.5 * x || y <= x - 10 * std::sqrt(x);
}

// sum_{k>=0} y^k / ((x+1+s)...(x+k+s)) for s = 0 or 1 (terms decrease since y < x).
double tail_series(double x, double y, double s) {
  double term = 1, sum = 1;
  for (int k = 1; k < 100'000'000; ++k) {
    term *= y / (x + s + k);
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

}  // namespace

double offered_load(double rate_per_s, double aht_s) {
  require(std::isfinite(rate_per_s) && rate_per_s >= 0, "arrival rate", rate_per_s,
          "non-negative and finite");
  require(std::isfinite(aht_s) && aht_s > 0, "aht_s", aht_s, "positive and finite");
  return rate_per_s * aht_s;
}

double erlang_b(double load_erlangs, int agents) {
  require(std::isfinite(load_erlangs) && load_erlangs >= 0, "load", load_erlangs,
          "non-negative and finite");
  require(agents >= 0, "agents", agents, "non-negative");
  return std::exp(log_erlang_b(load_erlangs, agents));
}

double erlang_c_wait_probability(double load_erlangs, int agents) {
  require(std::isfinite(load_erlangs) && load_erlangs >= 0, "load", load_erlangs,
          "non-negative and finite");
  require(agents >= 1, "agents", agents, "at least 1");
  if (load_erlangs >= agents) return 1;
  const double b = erlang_b(load_erlangs, agents);
  return agents * b / (agents - load_erlangs * (1 - b));
}

// ---- Erlang C ------------------------------------------------------------------------------

ErlangC::ErlangC(double rate_per_s, double aht_s, int agents)
    : aht_(aht_s), load_(0), agents_(agents), stable_(false), p_wait_(kNaN) {
  check_queue_input(rate_per_s, aht_s, agents);
  load_ = rate_per_s * aht_s;
  stable_ = load_ < agents;
  if (stable_) p_wait_ = erlang_c_wait_probability(load_, agents);
}

double ErlangC::occupancy() const {
  return stable_ ? load_ / agents_ : kNaN;
}
double ErlangC::p_wait() const {
  return p_wait_;
}

double ErlangC::service_level(double within_s) const {
  require(std::isfinite(within_s) && within_s >= 0, "service-level threshold", within_s,
          "non-negative and finite");
  if (!stable_) return kNaN;
  return 1 - p_wait_ * std::exp(-(agents_ - load_) * within_s / aht_);
}

double ErlangC::asa_s() const {
  return stable_ ? p_wait_ * aht_ / (agents_ - load_) : kNaN;
}
double ErlangC::mean_wait_delayed_s() const {
  return stable_ ? aht_ / (agents_ - load_) : kNaN;
}
double ErlangC::mean_queue_length() const {
  return stable_ ? p_wait_ * load_ / (agents_ - load_) : kNaN;
}

// ---- Erlang A ------------------------------------------------------------------------------

ErlangA::ErlangA(double rate_per_s, double aht_s, double patience_s, int agents)
    : rate_(rate_per_s),
      aht_(aht_s),
      patience_(patience_s),
      load_(0),
      agents_(agents),
      x_(0),
      y_(0),
      log_pi_n_(-kInf),
      p_wait_(0),
      p_no_wait_(1),
      p_abandon_(0) {
  check_queue_input(rate_per_s, aht_s, agents);
  require(std::isfinite(patience_s) && patience_s > 0, "patience_s", patience_s,
          "positive and finite");
  load_ = rate_per_s * aht_s;
  x_ = agents * patience_s / aht_s;
  y_ = rate_per_s * patience_s;
  if (rate_per_s == 0) return;  // nobody arrives: nobody waits or abandons

  // log S and the conditional abandonment probability P(Ab | W > 0).
  double log_s = 0, p_abandon_given_wait = 0;
  const double rho = y_ / x_;
  if (use_series(x_, y_)) {
    // S = sum T_k, and P(Ab | W > 0) = sum k T_k / (y S): all terms positive.
    double term = 1, s = 1, first_moment = 0;
    for (int k = 1; k < 100'000'000; ++k) {
      term *= y_ / (x_ + k);
      s += term;
      first_moment += k * term;
      if (term < 1e-17 * s && k * term < 1e-17 * first_moment) break;
    }
    log_s = std::log(s);
    p_abandon_given_wait = first_moment / (y_ * s);
  } else {
    log_s =
        std::log(x_ / y_) + std::log(boost::math::gamma_p(x_, y_)) - log_gamma_p_derivative(x_, y_);
    p_abandon_given_wait = 1 - (-std::expm1(-log_s)) / rho;  // 1 - (1 - 1/S) / rho
  }
  const double log_b = log_erlang_b(load_, agents);
  // r = log((1/B - 1) / S); P(W > 0) = S / (1/B - 1 + S) = 1 / (1 + e^r).
  const double r = std::log1p(-std::exp(log_b)) - log_b - log_s;
  log_pi_n_ = -(log_s + softplus(r));
  p_wait_ = std::exp(-softplus(r));
  p_no_wait_ = std::exp(r - softplus(r));  // 1 - P(W > 0) without cancellation
  p_abandon_ = p_wait_ * p_abandon_given_wait;
}

double ErlangA::occupancy() const {
  return load_ * (1 - p_abandon_) / agents_;
}
double ErlangA::mean_wait_s() const {
  return p_abandon_ * patience_;
}
double ErlangA::mean_queue_length() const {
  return rate_ * mean_wait_s();
}

double ErlangA::service_level(double within_s) const {
  require(std::isfinite(within_s) && within_s >= 0, "service-level threshold", within_s,
          "non-negative and finite");
  if (rate_ == 0) return 1;
  const double theta_t = within_s / patience_;
  double served_after_wait = 0;
  if (use_series(x_, y_)) {
    // pi_N x/(x+1) [M(y) - exp(-(x+1) theta t + y (1 - e^{-theta t})) M(z)], with
    // M(u) = sum_k u^k / ((x+2)...(x+1+k)) and z = y e^{-theta t}.
    const double z = y_ * std::exp(-theta_t);
    const double decay = std::exp(-(x_ + 1) * theta_t - y_ * std::expm1(-theta_t));
    const double bracket = tail_series(x_, y_, 1) - decay * tail_series(x_, z, 1);
    served_after_wait = std::exp(log_pi_n_) * x_ / (x_ + 1) * bracket;
  } else {
    // pi_N (x/y) [P(x+1, y) - P(x+1, z)] / (e^-y y^x / Gamma(x+1)), P regularised.
    const double z = y_ * std::exp(-theta_t);
    const double p_y = boost::math::gamma_p(x_ + 1, y_);
    const double difference =
        p_y < 0.5 ? p_y - boost::math::gamma_p(x_ + 1, z)
                  : boost::math::gamma_q(x_ + 1, z) - boost::math::gamma_q(x_ + 1, y_);
    if (difference > 0) {
      served_after_wait = std::exp(log_pi_n_ + std::log(x_ / y_) + std::log(difference) -
                                   log_gamma_p_derivative(x_ + 1, y_));
    }
  }
  return p_no_wait_ + served_after_wait;
}

double ErlangA::service_level_answered(double within_s) const {
  return service_level(within_s) / (1 - p_abandon_);
}

double ErlangA::asa_s() const {
  if (rate_ == 0 || p_wait_ == 0) return 0;
  // E[V; served, waited] = pi_N alpha int_0^inf tau exp(g(tau)) dtau,
  // g(tau) = -(alpha + theta) tau + y (1 - e^{-theta tau}), integrated around its maximum tau*.
  const double theta = 1 / patience_;
  const double alpha = agents_ / aht_;
  const double lambda = rate_;
  const double peak = lambda > alpha + theta ? std::log(lambda / (alpha + theta)) / theta : 0.0;
  double log_scale = 0;              // g(tau*)
  auto exponent = [&](double tau) {  // g(tau) - g(tau*), evaluated without cancellation
    if (peak > 0) return -((alpha + theta) / theta) * exp_minus_one_plus(theta * (tau - peak));
    return (lambda - alpha - theta) * tau - y_ * exp_minus_one_plus(theta * tau);
  };
  if (peak > 0) log_scale = -(alpha + theta) * peak + (lambda - alpha - theta) / theta;
  auto integrand = [&](double tau) { return tau * std::exp(exponent(tau)); };
  // Natural width of the peak, from the slope and curvature of g there.
  const double slope = peak > 0 ? 0.0 : alpha + theta - lambda;
  const double curvature = lambda * theta * std::exp(-theta * peak);
  const double width = 1 / (slope + std::sqrt(curvature));
  using Quadrature = boost::math::quadrature::gauss_kronrod<double, 31>;
  double total = 0;
  // Right of the peak: segments of doubling width until they no longer matter.
  double lo = peak, step = width;
  for (int i = 0; i < 200; ++i) {
    const double part = Quadrature::integrate(integrand, lo, lo + step, 8, 1e-13);
    total += part;
    lo += step;
    step *= 2;
    if (part <= 1e-17 * total && exponent(lo) < -60) break;
  }
  // Left of the peak, down to 0.
  double hi = peak;
  step = width;
  while (hi > 0) {
    const double a = std::max(0.0, hi - step);
    const double part = Quadrature::integrate(integrand, a, hi, 8, 1e-13);
    total += part;
    hi = a;
    step *= 2;
    if (part <= 1e-17 * total && exponent(hi) < -60) break;
  }
  const double served_wait = std::exp(log_pi_n_ + std::log(alpha) + log_scale) * total;
  return served_wait / (1 - p_abandon_);
}

}  // namespace staffsim::models
