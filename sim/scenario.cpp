#include "sim/scenario.hpp"

#include <cmath>
#include <string>
#include <type_traits>

#include "models/error.hpp"

namespace staffsim::sim {
namespace {

bool positive(double x) {
  return std::isfinite(x) && x > 0;
}
bool non_negative(double x) {
  return std::isfinite(x) && x >= 0;
}

void check(bool ok, const std::string& what) {
  if (!ok) throw InvalidInput(what);
}

void check_distribution(const DurationDistribution& d, const std::string& where) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Exponential>) {
          check(positive(v.mean_s), where + ": mean must be positive");
        } else if constexpr (std::is_same_v<T, Lognormal> || std::is_same_v<T, Gamma>) {
          check(positive(v.mean_s), where + ": mean must be positive");
          check(positive(v.sd_s), where + ": sd must be positive");
        } else if constexpr (std::is_same_v<T, Weibull>) {
          check(positive(v.shape), where + ": shape must be positive");
          check(positive(v.scale_s), where + ": scale must be positive");
        } else if constexpr (std::is_same_v<T, Deterministic>) {
          check(non_negative(v.value_s), where + ": value must be non-negative");
        } else {
          check(!v.values_s.empty(), where + ": empirical distribution needs at least one value");
          for (double x : v.values_s)
            check(non_negative(x), where + ": values must be non-negative");
        }
      },
      d);
}

}  // namespace

double mean_of(const DurationDistribution& d) {
  return std::visit(
      [](const auto& v) -> double {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Exponential> || std::is_same_v<T, Lognormal> ||
                      std::is_same_v<T, Gamma>) {
          return v.mean_s;
        } else if constexpr (std::is_same_v<T, Weibull>) {
          return v.scale_s * std::tgamma(1.0 + 1.0 / v.shape);
        } else if constexpr (std::is_same_v<T, Deterministic>) {
          return v.value_s;
        } else {
          double sum = 0;
          for (double x : v.values_s) sum += x;
          return v.values_s.empty() ? 0.0 : sum / static_cast<double>(v.values_s.size());
        }
      },
      d);
}

void validate(const Scenario& s) {
  const Horizon& h = s.horizon;
  check(positive(h.interval_s), "horizon.interval must be positive");
  check(h.intervals_per_day > 0, "horizon.intervals must be at least 1");
  check(h.days > 0, "horizon.days must be at least 1");
  check(h.total_intervals() <= kMaxHorizonIntervals,
        "horizon: intervals x days must be at most " + std::to_string(kMaxHorizonIntervals) +
            ", found " + std::to_string(h.total_intervals()));
  check(non_negative(h.warmup_s), "horizon.warmup must be non-negative");
  check(h.warmup_days >= 0, "horizon.warmup_days must be non-negative");
  check(!(h.days_independent && h.warmup_days > 0),
        "horizon.warmup_days needs continuous days (days_independent is set)");
  check(h.days == 1 || h.window_s() <= 86400.0 + 1e-9,
        "horizon: a day's intervals must fit in 24 hours when there are several days");
  check(s.replications > 0, "replications must be at least 1");
  check(non_negative(s.short_abandon_s), "short_abandon must be non-negative");
  check(!s.contact_types.empty(), "contact_types must not be empty");
  check(!s.agent_groups.empty(), "agent_groups must not be empty");
  const auto n = static_cast<std::size_t>(h.total_intervals());
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    const auto& group = s.agent_groups[g];
    std::string where = "agent_groups[" + std::to_string(g) + "]";
    check(group.staffing.size() == n, where + ".staffing must have one entry per interval");
    for (int a : group.staffing) check(a >= 0, where + ".staffing must be non-negative");
    check(group.open.empty() || group.open.size() == n,
          where + ".open must be empty or have one entry per interval");
  }
  for (std::size_t c = 0; c < s.contact_types.size(); ++c) {
    const auto& type = s.contact_types[c];
    std::string where = "contact_types[" + std::to_string(c) + "]";
    check(type.arrivals.rate_per_s.size() == n,
          where + ".arrivals must have one rate per interval");
    for (double r : type.arrivals.rate_per_s) {
      check(non_negative(r), where + ".arrivals rates must be non-negative");
    }
    check(non_negative(type.arrivals.day_cv), where + ".arrivals.day_cv must be non-negative");
    check(type.open.empty() || type.open.size() == n,
          where + ".open must be empty or have one entry per interval");
    check_distribution(type.handle_time, where + ".handle_time");
    if (type.patience) check_distribution(*type.patience, where + ".patience");
    check(!type.routing.empty(), where + ": routing must name at least one group");
    for (const auto& step : type.routing) {
      check(step.group >= 0 && static_cast<std::size_t>(step.group) < s.agent_groups.size(),
            where + ": routing names an unknown group");
      check(non_negative(step.after_s), where + ": routing delay must be non-negative");
    }
  }
}

}  // namespace staffsim::sim
