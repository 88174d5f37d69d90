// Exponential smoothing state-space models (ETS) of a seasonal series observed once per period:
// here the daily call totals of the open days, whose season is the week (m = the open weekdays,
// 5 for a Monday-Friday centre). Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with
// Exponential Smoothing: The State Space Approach" (Springer), chapters 2, 5 and 7; Hyndman &
// Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed., 2021), chapter 8.
//
// Input: y_t > 0 in time order (t = 1 .. n; days missing from the series, such as holidays, are
// simply absent) and the position j(t) in [0, m) of each observation in the season. The seasonal
// state is indexed by position, not by row offset: s_j(t) is the value last updated at the same
// position (s_{t-m} when no observation is missing). Models, with e_t the innovation:
//   ETS(A,N,A):   yhat_t = l + s_j;          e_t = y_t - yhat_t
//                 l <- l + alpha e_t;         s_j <- s_j + gamma e_t
//   ETS(A,Ad,A):  yhat_t = l + phi b + s_j;   e_t = y_t - yhat_t
//                 l <- l + phi b + alpha e_t; b <- phi b + beta e_t;   s_j <- s_j + gamma e_t
//   ETS(M,N,M):   yhat_t = l s_j;             e_t = (y_t - yhat_t) / yhat_t
//                 l <- l (1 + alpha e_t);     s_j <- s_j (1 + gamma e_t)
//   ETS(M,Ad,M):  yhat_t = (l + phi b) s_j;   e_t = (y_t - yhat_t) / yhat_t
//                 l <- (l + phi b)(1 + alpha e_t); b <- phi b + beta (l + phi b) e_t;
//                 s_j <- s_j (1 + gamma e_t)
// Point forecast h steps after the last observation, at position j: l + phi_h b + s_j (additive
// season) or (l + phi_h b) s_j (multiplicative), phi_h = phi + phi^2 + ... + phi^h (b = 0 without
// trend): the forecast with every future innovation 0, which is the conditional mean for the
// additive models and, for the multiplicative ones, for h <= m (beyond, the mean exceeds it by a
// term of order sigma^2; HKOS chapter 6).
// Parameters are restricted to the usual region 0 < alpha < 1, 0 < gamma < 1 - alpha,
// 0 < beta < alpha, 0.8 < phi < 0.98 (FPP3 section 8.6; forecast::ets bounds), enforced by the
// transformation alpha = L(x1), gamma = (1 - alpha) L(x2), beta = alpha L(x3),
// phi = 0.8 + 0.18 L(x4), L the logistic function.
//
// Initial states (HKOS section 2.6.1; forecast::ets): a classical decomposition of the first
// min(n, 4m) observations, a centred moving average of order m (2 x m when m is even) as the
// trend, the seasonal indices the mean of y - trend (y / trend) at each position, normalised to
// sum 0 (mean 1); on the seasonally adjusted series of the first max(10, 2m) observations (all
// when fewer) l0 is the mean (no trend), or l0 and b0 the intercept and slope of a least-squares
// line (damped trend). The smoothing parameters maximise the Gaussian likelihood, concentrated
// over sigma (HKOS section 5.2):
//   L*(additive error) = n log(sum e_t^2),
//   L*(multiplicative) = n log(sum e_t^2) + 2 sum log |yhat_t|,
// -2 log-likelihood up to one constant common to all models, minimised by Nelder-Mead
// (models/nelder_mead.hpp). A model is chosen by AICc = L* + 2k + 2k(k + 1) / (n - k - 1), k the
// number of smoothing parameters plus initial states plus one for sigma (the initial states are
// counted although they come from the decomposition rather than the likelihood, as in
// forecast::ets where they are estimated: m + 3 without trend, m + 6 with a damped trend). The
// multiplicative models need every y_t > 0; a model with n <= k + 1 is not considered.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace staffsim::models {

enum class EtsModel { kAdditive, kAdditiveDamped, kMultiplicative, kMultiplicativeDamped };

struct EtsFit {
  EtsModel model = EtsModel::kAdditive;
  double alpha = 0.0, beta = 0.0, gamma = 0.0, phi = 1.0;  // beta = 0, phi = 1 without trend
  // States after the last observation: level and trend (calls per period), and per position of
  // the season its index (calls per period added, or a factor with mean near 1).
  double level = 0.0, trend = 0.0;
  std::vector<double> seasonal;
  double aicc = 0.0;
  int observations = 0;
};

// "ETS(A,N,A)", "ETS(A,Ad,A)", "ETS(M,N,M)", "ETS(M,Ad,M)".
std::string ets_model_name(EtsModel model);

// Fits the given model, or (nullopt) every admissible one of the four and returns the one with
// the lowest AICc (the first in the order above on equal values). y and position must have the
// same length n >= 2 (position[t] in [0, seasons)); seasons >= 1. Throws InvalidInput otherwise,
// or when the model asked is multiplicative and some y_t <= 0, or has too few observations.
EtsFit fit_ets(std::span<const double> y, std::span<const int> position, int seasons,
               std::optional<EtsModel> model = std::nullopt);

// The point forecast `steps` >= 1 periods after the last observation, at position `position`.
double ets_forecast(const EtsFit& fit, int steps, int position);

}  // namespace staffsim::models
