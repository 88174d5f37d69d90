#include "models/arrival_profile.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim::models {
ArrivalProfile arrival_profile(std::span<const std::int64_t> arrivals_local_s,
                               std::span<const std::int64_t> observed_days, double interval_s) {
  if (!(interval_s >= 1) || interval_s != std::floor(interval_s) ||
      static_cast<std::int64_t>(interval_s) > kSecondsPerDay ||
      kSecondsPerDay % static_cast<std::int64_t>(interval_s) != 0) {
    throw InvalidInput("interval_s must be a whole number of seconds dividing 86400, found " +
                       number_text(interval_s));
  }
  const auto interval = static_cast<std::int64_t>(interval_s);
  ArrivalProfile profile;
  profile.interval_s = interval_s;
  profile.intervals_per_day = static_cast<int>(kSecondsPerDay / interval);
  std::vector<std::int64_t> days(observed_days.begin(), observed_days.end());
  std::sort(days.begin(), days.end());
  if (auto dup = std::adjacent_find(days.begin(), days.end()); dup != days.end()) {
    throw InvalidInput("observed_days must list each day once, found day " + std::to_string(*dup) +
                       " twice");
  }
  for (std::int64_t day : days) ++profile.days_observed[weekday_from_days(day)];
  profile.total_days_observed = static_cast<int>(days.size());

  std::array<std::vector<double>, 7> counts;
  for (auto& c : counts) c.assign(profile.intervals_per_day, 0.0);
  for (std::int64_t t : arrivals_local_s) {
    const std::int64_t day = day_of(t);
    if (!std::binary_search(days.begin(), days.end(), day)) {
      throw InvalidInput("arrivals_local_s must fall on observed days, found an arrival on day " +
                         std::to_string(day) + " which observed_days does not list");
    }
    counts[weekday_from_days(day)][second_of_day(t) / interval] += 1;
  }
  profile.calls = arrivals_local_s.size();
  profile.mean_all_days.assign(profile.intervals_per_day, 0.0);
  for (int w = 0; w < 7; ++w) {
    profile.mean_per_interval[w].assign(profile.intervals_per_day, 0.0);
    for (int i = 0; i < profile.intervals_per_day; ++i) {
      if (profile.days_observed[w] > 0) {
        profile.mean_per_interval[w][i] = counts[w][i] / profile.days_observed[w];
      }
      profile.mean_all_days[i] += counts[w][i];
    }
  }
  if (profile.total_days_observed > 0) {
    for (double& m : profile.mean_all_days) m /= profile.total_days_observed;
  }
  return profile;
}

}  // namespace staffsim::models
