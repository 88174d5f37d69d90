#include "models/repeat_callers.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "models/error.hpp"

namespace staffsim::models {
std::vector<RepeatFlags> classify_repeat_calls(std::span<const CallerContact> calls,
                                               double window_s) {
  if (!(window_s >= 0) || !std::isfinite(window_s)) {
    throw InvalidInput("window_s must be non-negative and finite, found " + number_text(window_s));
  }
  std::vector<std::size_t> order;
  order.reserve(calls.size());
  for (std::size_t i = 0; i < calls.size(); ++i) {
    if (!std::isfinite(calls[i].time_s)) {
      throw InvalidInput("time_s must be finite, found " + number_text(calls[i].time_s) +
                         " at index " + std::to_string(i));
    }
    if (calls[i].customer < 0) {
      throw InvalidInput("customer must be >= 0 (0 = not identified), found " +
                         std::to_string(calls[i].customer) + " at index " + std::to_string(i));
    }
    if (calls[i].customer != 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (calls[a].customer != calls[b].customer) return calls[a].customer < calls[b].customer;
    return calls[a].time_s < calls[b].time_s;
  });
  std::vector<RepeatFlags> flags(calls.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    flags[order[k]].identified = true;
    if (k + 1 < order.size()) {
      const CallerContact& a = calls[order[k]];
      const CallerContact& b = calls[order[k + 1]];
      if (a.customer == b.customer && b.time_s - a.time_s <= window_s) {
        flags[order[k]].followed = true;
        flags[order[k + 1]].preceded = true;
      }
    }
  }
  return flags;
}

double RepeatShare::share_followed() const {
  return identified_calls == 0
             ? 0.0
             : static_cast<double>(followed) / static_cast<double>(identified_calls);
}

double RepeatShare::share_preceded() const {
  return identified_calls == 0
             ? 0.0
             : static_cast<double>(preceded) / static_cast<double>(identified_calls);
}

RepeatShare summarize_repeats(std::span<const RepeatFlags> flags) {
  RepeatShare share;
  for (const RepeatFlags& f : flags) {
    if (!f.identified) continue;
    ++share.identified_calls;
    if (f.followed) ++share.followed;
    if (f.preceded) ++share.preceded;
  }
  return share;
}

}  // namespace staffsim::models
