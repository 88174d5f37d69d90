// Mean handle time by weekday and slot of the day, from the served calls of a call log: the
// handle time a staffing plan needs beside each interval's forecast calls.
//
// Model: the handle time of a call served on weekday w in slot s has mean m(w, s) and a common
// within-cell variance s2; the cell means vary around the all-call mean m with variance tau2.
// Cells with few calls say little about their own mean, so each is shrunk toward m with
// Buhlmann-Straub credibility (Buhlmann & Gisler, "A Course in Credibility Theory", 2005, ch. 4):
//     aht(w, s) = m + Z (xbar(w, s) - m),   Z = n / (n + s2 / tau2),
// n the cell's calls, xbar its mean. Estimates, over the C cells with calls (N calls in all):
//     s2   = sum over calls (x - xbar(cell))^2 / (N - C),
//     tau2 = max(0, [sum_cells n (xbar - m)^2 - (C - 1) s2] / (N - sum_cells n^2 / N)).
// With tau2 = 0 (the cells differ no more than chance) every cell gets m; a cell without calls
// gets m. Handle times are in seconds (>= 0); weekday 0 = Monday .. 6 = Sunday.
#pragma once

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace staffsim::models {

struct ServedCall {
  int weekday = 0;      // 0 = Monday .. 6 = Sunday
  int slot = 0;         // slot of the day, 0 .. slot_count - 1
  double handle_s = 0;  // seconds, >= 0
};

struct HandleTimeProfile {
  double overall_mean_s = 0;                      // m
  double within_variance = 0;                     // s2, seconds^2
  double between_variance = 0;                    // tau2, seconds^2
  std::array<std::vector<double>, 7> mean_s;      // aht(w, s), slot_count values per weekday
  std::array<std::vector<std::size_t>, 7> calls;  // n(w, s)
};

// Throws InvalidInput on no calls, slot_count < 1, a weekday or slot out of range, or a negative
// or non-finite handle time.
HandleTimeProfile handle_time_profile(std::span<const ServedCall> calls, int slot_count);

}  // namespace staffsim::models
