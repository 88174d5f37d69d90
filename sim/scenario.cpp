#include "sim/scenario.hpp"

#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>

#include "models/error.hpp"
#include "models/staffing.hpp"

namespace staffsim::sim {
namespace {

// Every message reads "<path>: expected <what>, found <value>", as the loader's do.
[[noreturn]] void fail(const std::string& where, const std::string& expected,
                       const std::string& found) {
  throw InvalidInput(where + ": expected " + expected + ", found " + found);
}
void expect(bool ok, const std::string& where, const std::string& expected,
            const std::string& found) {
  if (!ok) fail(where, expected, found);
}

std::string seconds_text(double x) {
  return number_text(x) + " s";
}
// Three significant digits: a derived value such as a mean, not one the caller typed.
std::string rough_text(double x) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", x);
  return buffer;
}
std::string int_text(std::int64_t x) {
  return std::to_string(x);
}

// A duration: finite, from 0 (or above 0) to kMaxDurationS.
void expect_duration(double x, const std::string& where, bool allow_zero) {
  const bool ok = std::isfinite(x) && (allow_zero ? x >= 0 : x > 0) && x <= kMaxDurationS;
  expect(ok, where,
         allow_zero ? "a duration from 0 to 366d" : "a positive duration of at most 366d",
         seconds_text(x));
}
void expect_positive(double x, const std::string& where, const std::string& what) {
  expect(std::isfinite(x) && x > 0, where, "a positive " + what, number_text(x));
}
void expect_probability(double x, const std::string& where) {
  expect(std::isfinite(x) && x >= 0 && x <= 1, where, "a probability from 0 to 1", number_text(x));
}
void expect_at_least(std::int64_t x, std::int64_t minimum, const std::string& where) {
  expect(x >= minimum, where, "a whole number of at least " + int_text(minimum), int_text(x));
}
void expect_index(int index, std::size_t size, const std::string& where, const std::string& what) {
  expect(index >= 0 && static_cast<std::size_t>(index) < size, where,
         "the index of " + what + " (0 to " + int_text(static_cast<std::int64_t>(size) - 1) + ")",
         int_text(index));
}
void expect_group(const Scenario& s, int g, const std::string& where) {
  expect_index(g, s.agent_groups.size(), where, "an agent group");
}
void expect_per_interval(std::size_t size, std::size_t n, const std::string& where,
                         bool may_be_empty) {
  expect(size == n || (may_be_empty && size == 0), where,
         (may_be_empty ? "none or " : "") + int_text(static_cast<std::int64_t>(n)) +
             " values (one per interval of the horizon)",
         int_text(static_cast<std::int64_t>(size)));
}

void check_distribution(const DurationDistribution& d, const std::string& where) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, Exponential>) {
          expect_duration(v.mean_s, where + ".mean", false);
        } else if constexpr (std::is_same_v<T, Lognormal> || std::is_same_v<T, Gamma>) {
          expect_duration(v.mean_s, where + ".mean", false);
          expect_duration(v.sd_s, where + ".sd", false);
        } else if constexpr (std::is_same_v<T, Weibull>) {
          expect_positive(v.shape, where + ".shape", "shape");
          expect_duration(v.scale_s, where + ".scale", false);
          const double mean = mean_of(d);
          expect(mean <= kMaxDurationS, where + ".shape",
                 "a shape that keeps the mean at most 366d",
                 number_text(v.shape) + " (mean " + rough_text(mean) + " s)");
        } else if constexpr (std::is_same_v<T, Deterministic>) {
          expect_duration(v.value_s, where + ".value", true);
        } else {
          expect(!v.values_s.empty() && v.values_s.size() <= kMaxEmpiricalValues, where,
                 "1 to " + int_text(static_cast<std::int64_t>(kMaxEmpiricalValues)) +
                     " observed durations",
                 int_text(static_cast<std::int64_t>(v.values_s.size())));
          for (std::size_t i = 0; i < v.values_s.size(); ++i) {
            expect_duration(v.values_s[i],
                            where + ".values[" + int_text(static_cast<std::int64_t>(i)) + "]",
                            true);
          }
        }
      },
      d);
}

void check_callback(const Scenario& s, const CallbackPolicy& c, const std::string& where) {
  expect_group(s, c.group, where + ".group");
  expect_duration(c.within_s, where + ".within", false);
  expect(std::isfinite(c.reach) && c.reach > 0 && c.reach <= 1, where + ".reach",
         "a probability above 0 and at most 1", number_text(c.reach));
  expect_at_least(c.attempts, 1, where + ".attempts");
  expect_duration(c.retry_after_s, where + ".retry_after", true);
  expect_duration(c.attempt_s, where + ".attempt_time", true);
  if (c.handle_time) check_distribution(*c.handle_time, where + ".handle_time");
}

// An escalation of issues of `level` (0: the unresolved policy) and its target.
void check_escalation(const Scenario& s, const Escalation& e, int level, const std::string& where) {
  auto check_target = [&](int g, const std::string& at) {
    expect_group(s, g, at);
    const AgentGroup& group = s.agent_groups[static_cast<std::size_t>(g)];
    expect(level == 0 || group.authority >= level, at,
           "a group with authority of at least " + int_text(level) + " (the level it takes)",
           group.name + " (authority " + int_text(group.authority) + ")");
  };
  switch (e.kind) {
    case EscalationKind::transfer:
      check_target(e.transfer.to, where + ".transfer.to");
      check_distribution(e.transfer.handle_time, where + ".transfer.handle_time");
      if (e.transfer.patience) {
        check_distribution(*e.transfer.patience, where + ".transfer.patience");
      }
      break;
    case EscalationKind::work_order:
      check_target(e.work_order.to, where + ".work_order.to");
      expect_duration(e.work_order.deadline_s, where + ".work_order.deadline", false);
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
  const auto levels = static_cast<std::int64_t>(m.required_authority.size());
  expect(levels >= 1 && levels <= kMaxAuthority, at + ".required_authority",
         "shares of 1 to " + int_text(kMaxAuthority) + " levels", int_text(levels));
  double sum = 0;
  for (std::size_t l = 0; l < m.required_authority.size(); ++l) {
    expect_probability(m.required_authority[l],
                       at + ".required_authority[" + int_text(static_cast<std::int64_t>(l)) + "]");
    sum += m.required_authority[l];
  }
  expect(std::abs(sum - 1) < 1e-9, at + ".required_authority", "shares that sum to 1",
         "a sum of " + number_text(sum));
  expect_probability(m.resolve_probability, at + ".resolve_probability");
  expect_at_least(m.max_transfers, 0, at + ".max_transfers");
  expect(m.escalation.size() <= m.required_authority.size(), at + ".escalation",
         "levels up to " + int_text(levels) + " (the highest required level)",
         "level " + int_text(static_cast<std::int64_t>(m.escalation.size())));
  for (std::size_t l = 0; l < m.escalation.size(); ++l) {
    if (m.escalation[l]) {
      check_escalation(s, *m.escalation[l], static_cast<int>(l) + 1,
                       at + ".escalation[" + int_text(static_cast<std::int64_t>(l) + 1) + "]");
    }
  }
  check_escalation(s, m.unresolved, 0, at + ".unresolved");
  // Every level some group that may take the contact cannot resolve needs an escalation path.
  for (std::size_t l = 0; l < m.required_authority.size(); ++l) {
    if (m.required_authority[l] == 0) continue;
    const int level = static_cast<int>(l) + 1;
    const bool path = l < m.escalation.size() && m.escalation[l];
    for (const RouteStep& step : type.routing) {
      if (step.group < 0 || static_cast<std::size_t>(step.group) >= s.agent_groups.size()) {
        continue;
      }
      const auto& g = s.agent_groups[static_cast<std::size_t>(step.group)];
      expect(g.authority >= level || path, at + ".escalation[" + int_text(level) + "]",
             "an escalation path for level " + int_text(level) + " (" + g.name + ", authority " +
                 int_text(g.authority) + ", takes these contacts)",
             "none");
    }
  }
}

// Names are unique within their list; contact types' stream keys too (they name the random
// streams, so that plans compare under common random numbers).
void check_names(const Scenario& s) {
  auto unique = [](const auto& items, const std::string& list, auto name_of,
                   const std::string& what) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (name_of(items[i]) != name_of(items[j])) continue;
        fail(list + "[" + int_text(static_cast<std::int64_t>(i)) + "]." + what,
             "a unique " + what + " (" + list + "[" + int_text(static_cast<std::int64_t>(j)) +
                 "] has it" + (what == "name" ? "" : "; keys are by default the names") + ")",
             "\"" + name_of(items[i]) + "\"");
      }
    }
  };
  for (std::size_t c = 0; c < s.contact_types.size(); ++c) {
    expect(!s.contact_types[c].name.empty(),
           "contact_types[" + int_text(static_cast<std::int64_t>(c)) + "].name", "a name", "\"\"");
  }
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    expect(!s.agent_groups[g].name.empty(),
           "agent_groups[" + int_text(static_cast<std::int64_t>(g)) + "].name", "a name", "\"\"");
  }
  unique(
      s.contact_types, "contact_types", [](const ContactType& t) { return t.name; }, "name");
  unique(
      s.contact_types, "contact_types", [](const ContactType& t) { return t.stream_key(); }, "key");
  unique(
      s.agent_groups, "agent_groups", [](const AgentGroup& g) { return g.name; }, "name");
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
  expect_duration(h.interval_s, "horizon.interval", false);
  expect_at_least(h.intervals_per_day, 1, "horizon.intervals");
  expect_at_least(h.days, 1, "horizon.days");
  expect(h.total_intervals() <= kMaxHorizonIntervals, "horizon",
         "intervals x days at most " + int_text(kMaxHorizonIntervals),
         int_text(h.intervals_per_day) + " x " + int_text(h.days) + " = " +
             int_text(h.total_intervals()));
  expect_duration(h.warmup_s, "horizon.warmup", true);
  expect(h.warmup_days >= 0 && h.warmup_days <= kMaxWarmupDays, "horizon.warmup_days",
         "a whole number from 0 to " + int_text(kMaxWarmupDays), int_text(h.warmup_days));
  expect(!(h.days_independent && h.warmup_days > 0), "horizon.warmup_days",
         "none with days_independent (each day starts empty)", int_text(h.warmup_days));
  expect(h.days == 1 || h.window_s() <= 86400.0 + 1e-9, "horizon",
         "a day's intervals within 24 hours when there are several days",
         int_text(h.intervals_per_day) + " x " + seconds_text(h.interval_s));
  expect(s.replications >= 1 && s.replications <= kMaxReplications, "replications",
         "a whole number from 1 to " + int_text(kMaxReplications), int_text(s.replications));
  expect_duration(s.short_abandon_s, "short_abandon", true);
  expect(!s.contact_types.empty(), "contact_types", "at least one contact type", "none");
  expect(!s.agent_groups.empty(), "agent_groups", "at least one agent group", "none");
  check_names(s);
  const auto n = static_cast<std::size_t>(h.total_intervals());
  for (std::size_t g = 0; g < s.agent_groups.size(); ++g) {
    const auto& group = s.agent_groups[g];
    const std::string where = "agent_groups[" + int_text(static_cast<std::int64_t>(g)) + "]";
    expect_per_interval(group.staffing.size(), n, where + ".staffing", false);
    for (std::size_t i = 0; i < n; ++i) {
      expect(group.staffing[i] >= 0 && group.staffing[i] <= kMaxAgentsPerInterval,
             where + ".staffing[" + int_text(static_cast<std::int64_t>(i)) + "]",
             "0 to " + int_text(kMaxAgentsPerInterval) + " agents", int_text(group.staffing[i]));
    }
    expect_per_interval(group.open.size(), n, where + ".open", true);
    expect(group.authority >= 1 && group.authority <= kMaxAuthority, where + ".authority",
           "an authority level from 1 to " + int_text(kMaxAuthority), int_text(group.authority));
    const AuthorityCost& cost = group.authority_cost;
    expect_positive(cost.handle_time_factor, where + ".authority_cost.handle_time_factor",
                    "factor");
    expect_duration(cost.added_s, where + ".authority_cost.added_time", true);
    expect_probability(cost.audit_share, where + ".authority_cost.audit_share");
    if (cost.audit_share > 0) {
      expect(
          cost.audit.has_value(), where + ".authority_cost.audit",
          "the group that does the audits (audit_share is " + number_text(cost.audit_share) + ")",
          "none");
      expect_group(s, cost.audit->to, where + ".authority_cost.audit.to");
      check_distribution(cost.audit->processing, where + ".authority_cost.audit.processing");
    }
    expect(std::isfinite(group.shrinkage) && group.shrinkage >= 0 && group.shrinkage < 1,
           where + ".shrinkage", "a fraction from 0 to below 1", number_text(group.shrinkage));
    expect_at_least(group.reserve, 0, where + ".reserve");
    expect_at_least(group.callbacks_when.idle_at_least, 0, where + ".callbacks_when.idle_at_least");
    if (group.cost_per_hour) {
      expect(std::isfinite(*group.cost_per_hour) && *group.cost_per_hour >= 0,
             where + ".cost_per_hour", "a non-negative cost", number_text(*group.cost_per_hour));
    }
  }
  for (std::size_t c = 0; c < s.contact_types.size(); ++c) {
    const auto& type = s.contact_types[c];
    const std::string where = "contact_types[" + int_text(static_cast<std::int64_t>(c)) + "]";
    const auto& rates = type.arrivals.rate_per_s;
    expect_per_interval(rates.size(), n, where + ".arrivals.rate", false);
    for (std::size_t i = 0; i < n; ++i) {
      expect(std::isfinite(rates[i]) && rates[i] >= 0 && rates[i] <= kMaxArrivalRatePerS,
             where + ".arrivals.rate[" + int_text(static_cast<std::int64_t>(i)) + "]",
             "a rate from 0 to " + number_text(kMaxArrivalRatePerS) + " a second",
             number_text(rates[i]));
    }
    const double cv = type.arrivals.day_cv;
    expect(std::isfinite(cv) && cv >= 0 && cv <= kMaxDayCv, where + ".arrivals.day_cv",
           "a CV from 0 to " + number_text(kMaxDayCv), number_text(cv));
    expect_per_interval(type.open.size(), n, where + ".open", true);
    check_distribution(type.handle_time, where + ".handle_time");
    if (type.patience) check_distribution(*type.patience, where + ".patience");
    expect(!type.routing.empty(), where + ".routing", "at least one group", "none");
    for (std::size_t r = 0; r < type.routing.size(); ++r) {
      const std::string at = where + ".routing[" + int_text(static_cast<std::int64_t>(r)) + "]";
      expect_group(s, type.routing[r].group, at + ".group");
      expect_duration(type.routing[r].after_s, at + ".after", true);
    }
    if (type.issues) check_issue_model(s, type, where);
    if (type.repeat) {
      const RepeatBehaviour& r = *type.repeat;
      expect_probability(r.probability, where + ".repeat.probability");
      check_distribution(r.delay, where + ".repeat.delay");
      expect_at_least(r.complaint_after, 0, where + ".repeat.complaint_after");
      if (r.complaint_after > 0) {
        expect_index(r.complaint_type, s.contact_types.size(), where + ".repeat.complaint_type",
                     "another contact type");
        expect(static_cast<std::size_t>(r.complaint_type) != c, where + ".repeat.complaint_type",
               "another contact type than this one", int_text(r.complaint_type));
      }
    }
  }
  for (std::size_t r = 0; r < s.reinforcement.size(); ++r) {
    const Reinforcement& rule = s.reinforcement[r];
    const std::string where = "reinforcement[" + int_text(static_cast<std::int64_t>(r)) + "]";
    expect_group(s, rule.group, where + ".group");
    expect_index(rule.type, s.contact_types.size(), where + ".takes", "a contact type");
    expect(rule.start_queue.has_value() != rule.start_oldest_wait_s.has_value(), where + ".start",
           "either queue or oldest_wait", rule.start_queue ? "both" : "neither");
    if (rule.start_queue) {
      expect_at_least(*rule.start_queue, 1, where + ".start.queue");
      expect(rule.stop_queue >= 0 && rule.stop_queue < *rule.start_queue, where + ".stop.queue",
             "a whole number from 0 to below start.queue (" + int_text(*rule.start_queue) + ")",
             int_text(rule.stop_queue));
    } else {
      expect_duration(*rule.start_oldest_wait_s, where + ".start.oldest_wait", false);
      expect_at_least(rule.stop_queue, 0, where + ".stop.queue");
    }
  }
}

}  // namespace staffsim::sim
