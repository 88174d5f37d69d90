// Choosing among forecasting methods from their rolling-origin losses, robustly to ties: the rule
// `auto` applies (models/backtest.hpp runs it at every origin, nested, and for the final forecast).
//
// Input: losses[c][i] >= 0, the loss of candidate c at origin i, the same origins (in date order)
// for every candidate. A loss is the sum of absolute errors over the scored target days of that
// origin (calls, at the selection resolution): the actuals are common to all candidates, so the
// lowest mean loss is the lowest WAPE. Consecutive origins' targets overlap by up to h - 1 days
// (h = horizon in open days), so their losses are autocorrelated up to lag h - 1.
//
// Rule. The best candidate b has the lowest mean loss (the first in candidate order on equal
// means). Every other candidate c is compared with b by the Diebold-Mariano test on the loss
// differentials d_i = L_c,i - L_b,i (Diebold & Mariano 1995, J. Bus. Econ. Stat. 13:253):
//     DM = mean(d) / sqrt(V / n),   V = g0 + 2 sum_{k=1}^{h-1} g_k   (g0 alone when V <= 0),
// g_k the lag-k sample autocovariance of d (divisor n), with the small-sample correction of
// Harvey, Leybourne & Newbold (1997, Int. J. Forecasting 13:281):
//     DM* = DM sqrt((n + 1 - 2h + h(h - 1) / n) / n),   compared with Student's t, n - 1 d.f.
// c is *tied* with b unless it is worse at the one-sided level `level` (p = P(t > DM*) < level);
// identical losses are tied, a constant positive difference is not. `auto` forecasts the equal-
// weight mean of b and every candidate tied with it: a simple average of indistinguishable
// forecasts is rarely beaten by a choice among them (Clemen 1989, Int. J. Forecasting 5:559;
// Smith & Wallis 2009, Oxford Bull. Econ. Stat. 71:331, "the forecast combination puzzle"); the
// test against the selected best is a one-step version of the model confidence set of Hansen,
// Lunde & Nason (2011, Econometrica 79:453). With fewer than max(min_origins, 2h) origins there is
// no evidence to tell the candidates apart: every candidate is tied (the mean of all).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace staffsim::models {

struct SelectionRule {
  double level = 0.05;           // one-sided level of the test, in (0, 1)
  std::size_t min_origins = 10;  // fewer origins (or fewer than 2h): every candidate tied
};

// One-sided p-value of "the first loss series is no worse than the second" against "worse", from
// their differentials d_i = L_1,i - L_2,i (see above): P(t_{n-1} > DM*). Needs n >= 2 and
// n + 1 - 2h + h(h - 1) / n > 0; returns 1 when every d_i is 0, 0 when they are all one positive
// value. Throws InvalidInput otherwise (naming n and h), or for h < 1.
double diebold_mariano_p(std::span<const double> differentials, int horizon_days);

// The candidates `auto` combines using origins [begin, end): the indices, increasing, of the best
// and every candidate tied with it (see above). losses must be non-empty, rectangular, and hold
// `end` origins or more. Throws InvalidInput otherwise.
std::vector<std::size_t> tied_best(const std::vector<std::vector<double>>& losses,
                                   std::size_t begin, std::size_t end, int horizon_days,
                                   const SelectionRule& rule = {});

}  // namespace staffsim::models
