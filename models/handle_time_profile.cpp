#include "models/handle_time_profile.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "models/error.hpp"

namespace staffsim::models {

HandleTimeProfile handle_time_profile(std::span<const ServedCall> calls, int slot_count) {
  if (slot_count < 1) {
    throw InvalidInput("slot_count must be at least 1, found " + std::to_string(slot_count));
  }
  if (calls.empty()) throw InvalidInput("calls must hold at least one served call, found none");
  HandleTimeProfile p;
  const auto slots = static_cast<std::size_t>(slot_count);
  std::array<std::vector<double>, 7> sum;
  for (int w = 0; w < 7; ++w) {
    sum[w].assign(slots, 0.0);
    p.calls[w].assign(slots, 0);
  }
  double total = 0;
  for (const ServedCall& c : calls) {
    if (c.weekday < 0 || c.weekday > 6) {
      throw InvalidInput("weekday must be in 0..6, found " + std::to_string(c.weekday));
    }
    if (c.slot < 0 || c.slot >= slot_count) {
      throw InvalidInput("slot must be in 0.." + std::to_string(slot_count - 1) + ", found " +
                         std::to_string(c.slot));
    }
    if (!(c.handle_s >= 0) || !std::isfinite(c.handle_s)) {
      throw InvalidInput("handle_s must be finite and >= 0, found " + number_text(c.handle_s));
    }
    sum[c.weekday][static_cast<std::size_t>(c.slot)] += c.handle_s;
    ++p.calls[c.weekday][static_cast<std::size_t>(c.slot)];
    total += c.handle_s;
  }
  const auto n_all = static_cast<double>(calls.size());
  p.overall_mean_s = total / n_all;
  // Within-cell squared deviations, then the between-cell spread.
  double within = 0;
  for (const ServedCall& c : calls) {
    const auto s = static_cast<std::size_t>(c.slot);
    const double mean = sum[c.weekday][s] / static_cast<double>(p.calls[c.weekday][s]);
    within += (c.handle_s - mean) * (c.handle_s - mean);
  }
  double cells = 0, between = 0, n_sq = 0;
  for (int w = 0; w < 7; ++w) {
    for (std::size_t s = 0; s < slots; ++s) {
      const auto n = static_cast<double>(p.calls[w][s]);
      if (n == 0) continue;
      ++cells;
      const double d = sum[w][s] / n - p.overall_mean_s;
      between += n * d * d;
      n_sq += n * n;
    }
  }
  p.within_variance = n_all > cells ? within / (n_all - cells) : 0.0;
  const double spread = n_all - n_sq / n_all;
  p.between_variance =
      spread > 0 ? std::max(0.0, (between - (cells - 1) * p.within_variance) / spread) : 0.0;
  for (int w = 0; w < 7; ++w) {
    p.mean_s[w].assign(slots, p.overall_mean_s);
    if (p.between_variance <= 0) continue;
    const double k = p.within_variance / p.between_variance;
    for (std::size_t s = 0; s < slots; ++s) {
      const auto n = static_cast<double>(p.calls[w][s]);
      if (n == 0) continue;
      const double z = n / (n + k);
      p.mean_s[w][s] = p.overall_mean_s + z * (sum[w][s] / n - p.overall_mean_s);
    }
  }
  return p;
}

}  // namespace staffsim::models
