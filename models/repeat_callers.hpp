// Repeat callers: which calls are followed (or preceded) by another call of the same customer
// within a time window.
//
// Input: each call's arrival time (seconds, any common origin) and customer key (0 = caller not
// identified; such calls are never repeats and are not counted). Calls of one customer are
// ordered by (time, input position). A call is "followed" when the customer's next call arrives
// at most window_s seconds later, and "preceded" when the customer's previous call arrived at most
// window_s seconds earlier. The share of identified calls that are followed is the fraction of
// contacts that did not settle the matter (a first-contact-resolution proxy); the share preceded
// is the fraction of calls that are callbacks. In a finite log they differ by edge effects: calls
// near the end cannot be seen to be followed, calls near the start cannot be seen to be preceded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace staffsim::models {

struct CallerContact {
  double time_s = 0;
  std::int64_t customer = 0;  // 0 = not identified
};

struct RepeatFlags {
  bool identified = false;
  bool followed = false;  // the same customer called again within the window
  bool preceded = false;  // the same customer had called within the window before
};

// One entry per call, in input order. Throws InvalidInput when window_s is negative or not
// finite, a time is not finite, or a customer key is negative.
std::vector<RepeatFlags> classify_repeat_calls(std::span<const CallerContact> calls,
                                               double window_s);

struct RepeatShare {
  std::size_t identified_calls = 0;
  std::size_t followed = 0;
  std::size_t preceded = 0;
  double share_followed() const;  // followed / identified_calls (0 when none identified)
  double share_preceded() const;
};

// Counts over the given flags (pass a subset, e.g. the calls of one contact type, to count those).
RepeatShare summarize_repeats(std::span<const RepeatFlags> flags);

}  // namespace staffsim::models
