#include "sim/scenario.hpp"

#include <cmath>
#include <string>
#include <type_traits>

#include "models/error.hpp"
#include "models/staffing.hpp"

namespace staffsim::sim {
namespace {

bool positive(double x) {
  return std::isfinite(x) && x > 0;
}
bool non_negative(double x) {
  return std::isfinite(x) && x >= 0;
}
// A duration in seconds: 0 .. kMaxDurationS.
bool duration(double x) {
  return non_negative(x) && x <= kMaxDurationS;
}
const std::string kDurationRange = "0 to 366d";

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
          check(duration(v.sd_s),
                where + ": sd must be at most 366d, found " + number_text(v.sd_s) + " s");
        } else if constexpr (std::is_same_v<T, Weibull>) {
          check(positive(v.shape), where + ": shape must be positive");
          check(positive(v.scale_s), where + ": scale must be positive");
        } else if constexpr (std::is_same_v<T, Deterministic>) {
          check(non_negative(v.value_s), where + ": value must be non-negative");
        } else {
          check(!v.values_s.empty(), where + ": empirical distribution needs at least one value");
          check(v.values_s.size() <= kMaxEmpiricalValues,
                where + ": an empirical distribution takes at most " +
                    std::to_string(kMaxEmpiricalValues) + " values, found " +
                    std::to_string(v.values_s.size()));
          for (double x : v.values_s) {
            check(duration(x), where + ": values must be from " + kDurationRange + ", found " +
                                   number_text(x) + " s");
          }
        }
      },
      d);
  const double mean = mean_of(d);
  check(duration(mean), where + ": mean must be at most 366d, found " + number_text(mean) + " s");
}

bool probability(double x) {
  return std::isfinite(x) && x >= 0 && x <= 1;
}

bool valid_group(const Scenario& s, int g) {
  return g >= 0 && static_cast<std::size_t>(g) < s.agent_groups.size();
}

void check_callback(const Scenario& s, const CallbackPolicy& c, const std::string& where) {
  check(valid_group(s, c.group), where + ".group must name an agent group");
  check((positive(c.within_s) && duration(c.within_s)),
        where + ".within must be positive and at most 366d");
  check(std::isfinite(c.reach) && c.reach > 0 && c.reach <= 1, where + ".reach must be in (0, 1]");
  check(c.attempts >= 1, where + ".attempts must be at least 1");
  check(duration(c.retry_after_s), where + ".retry_after must be from 0 to 366d");
  check(duration(c.attempt_s), where + ".attempt_time must be from 0 to 366d");
  if (c.handle_time) check_distribution(*c.handle_time, where + ".handle_time");
}

// An escalation of issues of `level`: its target must be able to resolve them.
void check_escalation(const Scenario& s, const Escalation& e, int level, const std::string& where) {
  auto authority = [&](int g) { return s.agent_groups[static_cast<std::size_t>(g)].authority; };
  switch (e.kind) {
    case EscalationKind::transfer:
      check(valid_group(s, e.transfer.to), where + ".transfer.to must name an agent group");
      check(level == 0 || authority(e.transfer.to) >= level,
            where + ".transfer.to must have the authority of the level it takes");
      check_distribution(e.transfer.handle_time, where + ".transfer.handle_time");
      if (e.transfer.patience)
        check_distribution(*e.transfer.patience, where + ".transfer.patience");
      break;
    case EscalationKind::work_order:
      check(valid_group(s, e.work_order.to), where + ".work_order.to must name an agent group");
      check(level == 0 || authority(e.work_order.to) >= level,
            where + ".work_order.to must have the authority of the level it takes");
      check((positive(e.work_order.deadline_s) && duration(e.work_order.deadline_s)),
            where + ".work_order.deadline must be positive and at most 366d");
      check_distribution(e.work_order.processing, where + ".work_order.processing");
      if (e.work_order.hand_off) {
        check_distribution(*e.work_order.hand_off, where + ".work_order.hand_off");
      }
      if (e.work_order.then_callback) {
        check_callback(s, *e.work_order.then_callback, where + ".work_order.then.callback");
      }
      break;
    case EscalationKind::callback:
      check_callback(s, e.callback, where + ".callback");
      break;
    case EscalationKind::ask_to_call_again:
      break;
  }
}

void check_issue_model(const Scenario& s, const ContactType& type, const std::string& where) {
  const IssueModel& m = *type.issues;
  const std::string at = where + ".issues";
  check(!m.required_authority.empty() &&
            m.required_authority.size() <= static_cast<std::size_t>(kMaxAuthority),
        at + ".required_authority must give 1 to " + std::to_string(kMaxAuthority) + " levels");
  double sum = 0;
  for (double p : m.required_authority) {
    check(probability(p), at + ".required_authority shares must be in [0, 1]");
    sum += p;
  }
  check(std::abs(sum - 1) < 1e-9, at + ".required_authority shares must sum to 1");
  check(probability(m.resolve_probability), at + ".resolve_probability must be in [0, 1]");
  check(m.max_transfers >= 0, at + ".max_transfers must be non-negative");
  check(m.escalation.size() <= m.required_authority.size(),
        at + ".escalation names a level above the highest required level");
  for (std::size_t l = 0; l < m.escalation.size(); ++l) {
    if (m.escalation[l]) {
      check_escalation(s, *m.escalation[l], static_cast<int>(l) + 1,
                       at + ".escalation[" + std::to_string(l + 1) + "]");
    }
  }
  check_escalation(s, m.unresolved, 0, at + ".unresolved");
  // Every level some group that may take the contact cannot resolve needs an escalation path.
  for (std::size_t l = 0; l < m.required_authority.size(); ++l) {
    if (m.required_authority[l] == 0) continue;
    const int level = static_cast<int>(l) + 1;
    for (const RouteStep& step : type.routing) {
      if (!valid_group(s, step.group)) continue;
      const auto& g = s.agent_groups[static_cast<std::size_t>(step.group)];
      check(g.authority >= level || (l < m.escalation.size() && m.escalation[l]),
            at + ".escalation: level " + std::to_string(level) + " has no escalation path, and " +
                g.name + " (authority " + std::to_string(g.authority) + ") takes these contacts");
    }
  }
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

double expected_first_contacts(const Scenario& s) {
  const Horizon& h = s.horizon;
  const auto per_day = static_cast<std::size_t>(h.intervals_per_day);
  double total = 0;
  for (const auto& type : s.contact_types) {
    const auto& rates = type.arrivals.rate_per_s;
    double horizon_sum = 0;
    for (double r : rates) horizon_sum += r * h.interval_s;
    total += horizon_sum;
    // Warm-up days repeat the horizon's days backwards; a warm-up runs the first interval's rates
    // (before every day when days are independent).
    if (h.days > 0) total += horizon_sum / h.days * h.warmup_days;
    for (std::size_t d = 0; d < static_cast<std::size_t>(h.days_independent ? h.days : 1); ++d) {
      if (d * per_day < rates.size()) total += rates[d * per_day] * h.warmup_s;
    }
  }
  return total;
}

std::vector<int> agents_on_duty(const AgentGroup& group) {
  std::vector<int> on_duty = group.staffing;
  for (std::size_t i = 0; i < on_duty.size(); ++i) {
    const bool closed = i < group.open.size() && group.open[i] == 0;
    on_duty[i] = closed ? 0 : models::agents_on_duty(on_duty[i], group.shrinkage);
  }
  return on_duty;
}

void validate(const Scenario& s) {
  const Horizon& h = s.horizon;
  check((positive(h.interval_s) && duration(h.interval_s)),
        "horizon.interval must be positive and at most 366d");
  check(h.intervals_per_day > 0, "horizon.intervals must be at least 1");
  check(h.days > 0, "horizon.days must be at least 1");
  check(h.total_intervals() <= kMaxHorizonIntervals,
        "horizon: intervals x days must be at most " + std::to_string(kMaxHorizonIntervals) +
            ", found " + std::to_string(h.total_intervals()));
  check(duration(h.warmup_s), "horizon.warmup must be from " + kDurationRange + ", found " +
                                  number_text(h.warmup_s) + " s");
  check(h.warmup_days >= 0 && h.warmup_days <= kMaxWarmupDays,
        "horizon.warmup_days must be from 0 to " + std::to_string(kMaxWarmupDays) + ", found " +
            std::to_string(h.warmup_days));
  check(!(h.days_independent && h.warmup_days > 0),
        "horizon.warmup_days needs continuous days (days_independent is set)");
  check(h.days == 1 || h.window_s() <= 86400.0 + 1e-9,
        "horizon: a day's intervals must fit in 24 hours when there are several days");
  check(s.replications > 0 && s.replications <= kMaxReplications,
        "replications must be from 1 to " + std::to_string(kMaxReplications) + ", found " +
            std::to_string(s.replications));
  check(duration(s.short_abandon_s), "short_abandon must be from 0 to 366d");
  check(!s.contact_types.empty(), "contact_types must not be empty");
  check(!s.agent_groups.empty(), "agent_groups must not be empty");
  const auto n = static_cast<std::size_t>(h.total_intervals());
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    const auto& group = s.agent_groups[g];
    std::string where = "agent_groups[" + std::to_string(g) + "]";
    check(group.staffing.size() == n, where + ".staffing must have one entry per interval");
    for (int a : group.staffing) {
      check(a >= 0 && a <= kMaxAgentsPerInterval, where + ".staffing must be from 0 to " +
                                                      std::to_string(kMaxAgentsPerInterval) +
                                                      " agents, found " + std::to_string(a));
    }
    check(group.open.empty() || group.open.size() == n,
          where + ".open must be empty or have one entry per interval");
  }
  for (std::size_t c = 0; c < s.contact_types.size(); ++c) {
    const auto& type = s.contact_types[c];
    std::string where = "contact_types[" + std::to_string(c) + "]";
    check(type.arrivals.rate_per_s.size() == n,
          where + ".arrivals must have one rate per interval");
    for (double r : type.arrivals.rate_per_s) {
      check(non_negative(r) && r <= kMaxArrivalRatePerS,
            where + ".arrivals rates must be from 0 to " + number_text(kMaxArrivalRatePerS) +
                " a second, found " + number_text(r));
    }
    check(non_negative(type.arrivals.day_cv) && type.arrivals.day_cv <= kMaxDayCv,
          where + ".arrivals.day_cv must be from 0 to " + number_text(kMaxDayCv) + ", found " +
              number_text(type.arrivals.day_cv));
    check(type.open.empty() || type.open.size() == n,
          where + ".open must be empty or have one entry per interval");
    check_distribution(type.handle_time, where + ".handle_time");
    if (type.patience) check_distribution(*type.patience, where + ".patience");
    check(!type.routing.empty(), where + ": routing must name at least one group");
    for (const auto& step : type.routing) {
      check(step.group >= 0 && static_cast<std::size_t>(step.group) < s.agent_groups.size(),
            where + ": routing names an unknown group");
      check(duration(step.after_s), where + ": routing delay must be from 0 to 366d");
    }
    if (type.issues) check_issue_model(s, type, where);
    if (type.repeat) {
      const RepeatBehaviour& r = *type.repeat;
      check(probability(r.probability), where + ".repeat.probability must be in [0, 1]");
      check_distribution(r.delay, where + ".repeat.delay");
      check(r.complaint_after >= 0, where + ".repeat.complaint_after must be non-negative");
      if (r.complaint_after > 0) {
        check(r.complaint_type >= 0 &&
                  static_cast<std::size_t>(r.complaint_type) < s.contact_types.size() &&
                  &s.contact_types[static_cast<std::size_t>(r.complaint_type)] != &type,
              where + ".repeat.complaint_type must name another contact type");
      }
    }
  }
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    const auto& group = s.agent_groups[g];
    std::string where = "agent_groups[" + std::to_string(g) + "]";
    check(group.authority >= 1 && group.authority <= kMaxAuthority,
          where + ".authority must be 1 to " + std::to_string(kMaxAuthority));
    const AuthorityCost& cost = group.authority_cost;
    check(positive(cost.handle_time_factor),
          where + ".authority_cost.handle_time_factor must be positive");
    check(duration(cost.added_s), where + ".authority_cost.added_time must be from 0 to 366d");
    check(probability(cost.audit_share), where + ".authority_cost.audit_share must be in [0, 1]");
    if (cost.audit_share > 0) {
      check(cost.audit && valid_group(s, cost.audit->to),
            where + ".authority_cost.audit must name the group that does the audits");
      check_distribution(cost.audit->processing, where + ".authority_cost.audit.processing");
    }
    check(std::isfinite(group.shrinkage) && group.shrinkage >= 0 && group.shrinkage < 1,
          where + ".shrinkage must be at least 0 and below 1");
    check(group.reserve >= 0, where + ".reserve must be non-negative");
    check(group.callbacks_when.idle_at_least >= 0,
          where + ".callbacks_when.idle_at_least must be non-negative");
    if (group.cost_per_hour) {
      check(non_negative(*group.cost_per_hour), where + ".cost_per_hour must be non-negative");
    }
  }
  for (std::size_t r = 0; r < s.reinforcement.size(); ++r) {
    const Reinforcement& rule = s.reinforcement[r];
    std::string where = "reinforcement[" + std::to_string(r) + "]";
    check(valid_group(s, rule.group), where + ".group must name an agent group");
    check(rule.type >= 0 && static_cast<std::size_t>(rule.type) < s.contact_types.size(),
          where + ".takes must name a contact type");
    check(rule.start_queue.has_value() != rule.start_oldest_wait_s.has_value(),
          where + ".start must give either queue or oldest_wait");
    if (rule.start_queue) {
      check(*rule.start_queue >= 1, where + ".start.queue must be at least 1");
      check(rule.stop_queue >= 0 && rule.stop_queue < *rule.start_queue,
            where + ".stop.queue must be non-negative and below start.queue");
    }
    if (rule.start_oldest_wait_s) {
      check((positive(*rule.start_oldest_wait_s) && duration(*rule.start_oldest_wait_s)),
            where + ".start.oldest_wait must be positive and at most 366d");
      check(rule.stop_queue >= 0, where + ".stop.queue must be non-negative");
    }
  }
}

}  // namespace staffsim::sim
