#include "sim/reduction.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "sim/estimate.hpp"
#include "sim/numbers.hpp"

namespace staffsim::sim {
namespace {

// Running means and co-moments of K variables (Welford): c[i][j] = sum (v_i - mean_i)(v_j -
// mean_j).
template <int K>
struct Moments {
  double n = 0;
  double mean[K] = {};
  double c[K][K] = {};

  void add(const double (&v)[K]) {
    n += 1;
    double before[K];
    for (int i = 0; i < K; ++i) {
      before[i] = v[i] - mean[i];
      mean[i] += before[i] / n;
    }
    for (int i = 0; i < K; ++i) {
      for (int j = 0; j < K; ++j) c[i][j] += before[i] * (v[j] - mean[j]);
    }
  }
};

enum class Kind { mean, ratio };

struct Sample {
  double x;
  double y;
};

Sample value(double x) {
  return {x, 1};
}
Sample ratio(double x, double y) {
  return {x, y};
}
template <typename T>
double d(T v) {
  return static_cast<double>(v);
}

double t_975(double n) {
  // Student-t quantiles are asked for often and for few degrees of freedom: cache them.
  static thread_local std::vector<double> cache;
  const auto dof = static_cast<std::size_t>(n) - 1;
  if (dof >= 4096) return student_t_975(static_cast<int>(dof));
  if (cache.size() <= dof) cache.resize(dof + 1, 0.0);
  if (cache[dof] == 0) cache[dof] = student_t_975(static_cast<int>(dof));
  return cache[dof];
}

Estimate estimate(Kind kind, const Moments<2>& m) {
  if (m.n == 0) return {kNaN, kNaN, kNaN};
  if (kind == Kind::mean) {
    const double mean = m.mean[0];
    if (m.n < 2) return {mean, kNaN, kNaN};
    const double half = t_975(m.n) * std::sqrt(std::max(m.c[0][0], 0.0) / (m.n - 1) / m.n);
    return {mean, mean - half, mean + half};
  }
  if (!(m.mean[1] != 0)) return {kNaN, kNaN, kNaN};
  const double x = m.mean[0] / m.mean[1];
  if (m.n < 2) return {x, kNaN, kNaN};
  const double squares = m.c[0][0] - 2 * x * m.c[0][1] + x * x * m.c[1][1];
  const double half =
      t_975(m.n) * std::sqrt(std::max(squares, 0.0) / (m.n - 1) / m.n) / std::abs(m.mean[1]);
  return {x, x - half, x + half};
}

// Paired difference from the moments of (x_0, y_0, dx, dy), dx = x_p - x_0 and dy = y_p - y_0.
// Moments of the differences themselves (exactly 0 where the plans agree) keep the variance free
// of cancellation: identical plans, or intervals before a change, get exactly [0, 0].
Estimate difference(Kind kind, const Moments<4>& m) {
  if (m.n == 0) return {kNaN, kNaN, kNaN};
  if (kind == Kind::mean) {
    const double mean = m.mean[2];
    if (m.n < 2) return {mean, kNaN, kNaN};
    const double half = t_975(m.n) * std::sqrt(std::max(m.c[2][2], 0.0) / (m.n - 1) / m.n);
    return {mean, mean - half, mean + half};
  }
  const double y0 = m.mean[1];
  const double yp = m.mean[1] + m.mean[3];
  if (!(y0 != 0) || !(yp != 0)) return {kNaN, kNaN, kNaN};
  const double x0 = m.mean[0] / y0;
  const double xp = (m.mean[0] + m.mean[2]) / yp;
  const double diff = xp - x0;
  if (m.n < 2) return {diff, kNaN, kNaN};
  // z = (x_p - X_p y_p) / mean(y_p) - (x_0 - X_0 y_0) / mean(y_0)
  //   = b . (x_0, y_0, dx, dy).
  const double b[4] = {-m.mean[3] / (y0 * yp), x0 / y0 - xp / yp, 1 / yp, -xp / yp};
  double squares = 0;
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < 4; ++j) squares += b[i] * b[j] * m.c[i][j];
  }
  const double half = t_975(m.n) * std::sqrt(std::max(squares, 0.0) / (m.n - 1) / m.n);
  return {diff, diff - half, diff + half};
}

// ---- the KPIs of a contact type
// ------------------------------------------------------------------

struct ContactSource {
  const ContactTally& c;
  const IssueTally& i;
  double period_s;
  ServiceLevelDefinition definition;
};

struct ContactKpi {
  Estimate ContactKpis::*field;
  Kind kind;
  Sample (*sample)(const ContactSource&);
};

using C = ContactSource;
using CK = ContactKpis;

// The plain contact KPIs first, then those of issues (only reduced when some plan has issues).
const ContactKpi kContactKpis[] = {
    {&CK::offered, Kind::mean, [](const C& s) { return value(d(s.c.offered)); }},
    {&CK::answered, Kind::mean, [](const C& s) { return value(d(s.c.answered)); }},
    {&CK::abandoned, Kind::mean, [](const C& s) { return value(d(s.c.abandoned)); }},
    {&CK::short_abandoned, Kind::mean, [](const C& s) { return value(d(s.c.short_abandoned)); }},
    {&CK::answered_within_target, Kind::mean,
     [](const C& s) { return value(d(s.c.answered_within_target)); }},
    {&CK::unanswered_at_close, Kind::mean,
     [](const C& s) { return value(d(s.c.unanswered_at_close)); }},
    {&CK::service_level, Kind::ratio,
     [](const C& s) {
       const double within = d(s.c.answered_within_target);
       switch (s.definition) {
         case ServiceLevelDefinition::answered:
           return ratio(within, d(s.c.answered));
         case ServiceLevelDefinition::exclude_short_abandons:
           return ratio(within, d(s.c.offered) - d(s.c.short_abandoned));
         case ServiceLevelDefinition::offered:
           break;
       }
       return ratio(within, d(s.c.offered));
     }},
    {&CK::abandon_rate, Kind::ratio,
     [](const C& s) { return ratio(d(s.c.abandoned), d(s.c.offered)); }},
    {&CK::p_wait, Kind::ratio, [](const C& s) { return ratio(d(s.c.queued), d(s.c.offered)); }},
    {&CK::asa_s, Kind::ratio,
     [](const C& s) { return ratio(s.c.wait_answered_s, d(s.c.answered)); }},
    {&CK::wait_mean_s, Kind::ratio,
     [](const C& s) { return ratio(s.c.wait_all_s, d(s.c.offered)); }},
    {&CK::wait_p90_s, Kind::mean, [](const C& s) { return value(s.c.wait_p90_s); }},
    {&CK::queue_mean, Kind::mean, [](const C& s) { return value(s.c.queue_area_s / s.period_s); }},
    {&CK::max_queue, Kind::mean, [](const C& s) { return value(d(s.c.max_queue)); }},
    // Issues.
    {&CK::issues, Kind::mean, [](const C& s) { return value(d(s.i.issues)); }},
    {&CK::issues_resolved, Kind::mean, [](const C& s) { return value(d(s.i.resolved)); }},
    {&CK::issues_abandoned, Kind::mean, [](const C& s) { return value(d(s.i.abandoned)); }},
    {&CK::issues_open_end, Kind::mean, [](const C& s) { return value(d(s.i.open_end)); }},
    {&CK::first_contact_resolution, Kind::ratio,
     [](const C& s) { return ratio(d(s.i.resolved_first_contact), d(s.i.issues)); }},
    {&CK::contacts_per_resolved_issue, Kind::ratio,
     [](const C& s) { return ratio(d(s.i.contacts_of_resolved), d(s.i.resolved)); }},
    {&CK::resolution_time_s, Kind::ratio,
     [](const C& s) { return ratio(s.i.resolution_s, d(s.i.resolved)); }},
    {&CK::resolution_time_p90_s, Kind::mean,
     [](const C& s) { return value(s.i.resolution_p90_s); }},
    {&CK::complaints, Kind::mean, [](const C& s) { return value(d(s.i.complaints)); }},
    {&CK::repeat_share, Kind::ratio,
     [](const C& s) { return ratio(d(s.i.repeats), d(s.c.offered)); }},
    {&CK::escalation_rate_transfer, Kind::ratio,
     [](const C& s) {
       return ratio(d(s.i.escalated[static_cast<int>(EscalationKind::transfer)]),
                    d(s.c.answered + s.i.transfers_answered));
     }},
    {&CK::escalation_rate_work_order, Kind::ratio,
     [](const C& s) {
       return ratio(d(s.i.escalated[static_cast<int>(EscalationKind::work_order)]),
                    d(s.c.answered + s.i.transfers_answered));
     }},
    {&CK::escalation_rate_callback, Kind::ratio,
     [](const C& s) {
       return ratio(d(s.i.escalated[static_cast<int>(EscalationKind::callback)]),
                    d(s.c.answered + s.i.transfers_answered));
     }},
    {&CK::escalation_rate_ask_to_call_again, Kind::ratio,
     [](const C& s) {
       return ratio(d(s.i.escalated[static_cast<int>(EscalationKind::ask_to_call_again)]),
                    d(s.c.answered + s.i.transfers_answered));
     }},
    {&CK::transfers, Kind::mean,
     [](const C& s) { return value(d(s.i.transfers_answered + s.i.transfers_abandoned)); }},
    {&CK::transfer_hold_s, Kind::ratio,
     [](const C& s) {
       return ratio(s.i.transfer_hold_s, d(s.i.transfers_answered + s.i.transfers_abandoned));
     }},
    {&CK::transfer_abandon_rate, Kind::ratio,
     [](const C& s) {
       return ratio(d(s.i.transfers_abandoned),
                    d(s.i.transfers_answered + s.i.transfers_abandoned));
     }},
    {&CK::work_orders, Kind::mean, [](const C& s) { return value(d(s.i.work_orders)); }},
    {&CK::work_orders_within_deadline, Kind::ratio,
     [](const C& s) { return ratio(d(s.i.work_orders_in_time), d(s.i.work_orders_done)); }},
    {&CK::work_order_age_p90_s, Kind::mean,
     [](const C& s) { return value(s.i.work_order_age_p90_s); }},
    {&CK::work_orders_open_end, Kind::mean,
     [](const C& s) { return value(d(s.i.work_orders_open_end)); }},
    {&CK::work_order_backlog, Kind::mean,
     [](const C& s) { return value(s.i.work_order_area_s / s.period_s); }},
    {&CK::callbacks_promised, Kind::mean,
     [](const C& s) { return value(d(s.i.callbacks_promised)); }},
    {&CK::callbacks_kept_share, Kind::ratio,
     [](const C& s) { return ratio(d(s.i.callbacks_kept), d(s.i.callbacks_promised)); }},
    {&CK::audits, Kind::mean, [](const C& s) { return value(d(s.i.audits)); }},
};
constexpr std::size_t kPlainContactKpis = 14;
constexpr std::size_t kAllContactKpis = std::size(kContactKpis);

// ---- the KPIs of an agent group
// ------------------------------------------------------------------

struct GroupSource {
  const GroupTally& g;
  double cost_per_hour;  // 0 without a cost
};

struct GroupKpi {
  Estimate GroupKpis::*field;
  Kind kind;
  Sample (*sample)(const GroupSource&);
};

using G = GroupSource;
using GK = GroupKpis;

const GroupKpi kGroupKpis[] = {
    {&GK::occupancy, Kind::ratio,
     [](const G& s) { return ratio(s.g.busy_agent_s, s.g.on_duty_agent_s); }},
    {&GK::busy_agent_s, Kind::mean, [](const G& s) { return value(s.g.busy_agent_s); }},
    {&GK::on_duty_agent_s, Kind::mean, [](const G& s) { return value(s.g.on_duty_agent_s); }},
    {&GK::handled, Kind::mean, [](const G& s) { return value(d(s.g.handled)); }},
    {&GK::agent_hours, Kind::mean, [](const G& s) { return value(s.g.on_duty_agent_s / 3600); }},
    {&GK::cost, Kind::mean,
     [](const G& s) { return value(s.g.on_duty_agent_s / 3600 * s.cost_per_hour); }},
    {&GK::reinforcement_s, Kind::mean, [](const G& s) { return value(s.g.reinforcing_s); }},
};
constexpr std::size_t kGroupKpiCount = std::size(kGroupKpis);

bool has_issues(const Scenario& scenario) {
  for (const auto& t : scenario.contact_types) {
    if (t.issues || t.repeat) return true;
  }
  return false;
}

bool has_cost(const Scenario& scenario) {
  for (const auto& g : scenario.agent_groups) {
    if (g.cost_per_hour) return true;
  }
  return false;
}

bool same_groups(const Scenario& a, const Scenario& b) {
  if (a.agent_groups.size() != b.agent_groups.size()) return false;
  for (std::size_t g = 0; g < a.agent_groups.size(); ++g) {
    if (a.agent_groups[g].name != b.agent_groups[g].name) return false;
  }
  return true;
}

template <typename T>
const T& zero() {
  static const T value{};
  return value;
}

}  // namespace

struct Reduction::State {
  std::vector<const Scenario*> plans;
  std::size_t types = 0, intervals = 0, days = 0, periods = 0;
  std::size_t contact_kpis = 0;         // kPlainContactKpis, or all of them when issues are tracked
  std::vector<std::size_t> groups;      // [plan]
  std::vector<std::size_t> group_kpis;  // [plan]: kGroupKpiCount + 2 x types
  std::vector<bool> paired_groups;      // [plan]: same groups as plan 0
  std::vector<std::vector<Moments<2>>> contact;       // [plan][(period * types + c) * kpis + k]
  std::vector<std::vector<Moments<4>>> contact_pair;  // [plan - 1][same]: (x_0, y_0, dx, dy)
  std::vector<std::vector<Moments<2>>> group;         // [plan][(period * groups + g) * kpis + k]
  std::vector<std::vector<Moments<4>>> group_pair;    // [plan - 1][same], empty if not paired
  std::vector<Moments<2>> hours, cost;                // [plan]: all groups, whole horizon
  std::vector<Moments<4>> hours_pair, cost_pair;      // [plan - 1]
  std::vector<Results> counts;  // [plan]: replication counts and engine figures
  std::vector<std::vector<std::vector<double>>> load;  // [plan]: summed load_time
  int replications = 0;

  double period_s(std::size_t period) const {
    const Horizon& h = plans.front()->horizon;
    if (period < intervals) return h.interval_s;
    if (period < intervals + days) return h.window_s();
    return h.window_s() * static_cast<double>(days);
  }
};

Reduction::Reduction(const std::vector<const Scenario*>& plans) : state_(new State) {
  State& s = *state_;
  s.plans = plans;
  const Scenario& first = *plans.front();
  s.types = first.contact_types.size();
  s.intervals = static_cast<std::size_t>(first.horizon.total_intervals());
  s.days = static_cast<std::size_t>(first.horizon.days);
  s.periods = s.intervals + s.days + 1;
  bool issues = false;
  for (const Scenario* p : plans) issues = issues || has_issues(*p);
  s.contact_kpis = issues ? kAllContactKpis : kPlainContactKpis;
  const std::size_t contact_slots = s.periods * s.types * s.contact_kpis;
  for (std::size_t p = 0; p < plans.size(); ++p) {
    const std::size_t groups = plans[p]->agent_groups.size();
    s.groups.push_back(groups);
    s.group_kpis.push_back(kGroupKpiCount + 2 * s.types);
    s.paired_groups.push_back(same_groups(first, *plans[p]));
    s.contact.emplace_back(contact_slots);
    s.group.emplace_back(s.periods * groups * s.group_kpis.back());
    if (p > 0) {
      s.contact_pair.emplace_back(contact_slots);
      s.group_pair.emplace_back(s.paired_groups.back() ? s.group.back().size() : 0);
    }
  }
  s.hours.resize(plans.size());
  s.cost.resize(plans.size());
  s.hours_pair.resize(plans.size() - 1);
  s.cost_pair.resize(plans.size() - 1);
  s.counts.resize(plans.size());
  s.load.resize(plans.size());
}

Reduction::~Reduction() = default;

int Reduction::replications() const {
  return state_->replications;
}

void Reduction::add(const std::vector<ReplicationTally>& replication) {
  State& s = *state_;
  const std::size_t plans = s.plans.size();
  const std::size_t types = s.types;
  std::vector<Sample> first;  // plan 0's samples of the slot being reduced

  // Contacts: slot by slot, plan 0 first (its samples pair with every other plan's).
  for (std::size_t period = 0; period < s.periods; ++period) {
    const double period_s = s.period_s(period);
    for (std::size_t c = 0; c < types; ++c) {
      for (std::size_t p = 0; p < plans; ++p) {
        const ContactType& type = s.plans[p]->contact_types[c];
        const ReplicationTally& r = replication[p];
        const std::size_t at = period * types + c;
        const ContactSource source{
            r.contacts[at], r.issues.empty() ? zero<IssueTally>() : r.issues[at], period_s,
            type.targets.service_level ? type.targets.service_level->definition
                                       : ServiceLevelDefinition::offered};
        Moments<2>* own = &s.contact[p][at * s.contact_kpis];
        Moments<4>* pair = p > 0 ? &s.contact_pair[p - 1][at * s.contact_kpis] : nullptr;
        if (p == 0) first.resize(s.contact_kpis);
        for (std::size_t k = 0; k < s.contact_kpis; ++k) {
          const Sample v = kContactKpis[k].sample(source);
          if (std::isfinite(v.x)) own[k].add({v.x, v.y});
          if (p == 0) {
            first[k] = v;
          } else if (std::isfinite(v.x) && std::isfinite(first[k].x)) {
            pair[k].add({first[k].x, first[k].y, v.x - first[k].x, v.y - first[k].y});
          }
        }
      }
    }
  }

  // Groups.
  std::vector<Sample> group_first;
  for (std::size_t period = 0; period < s.periods; ++period) {
    for (std::size_t p = 0; p < plans; ++p) {
      const std::size_t groups = s.groups[p];
      const std::size_t kpis = s.group_kpis[p];
      const ReplicationTally& r = replication[p];
      for (std::size_t g = 0; g < groups; ++g) {
        const std::size_t at = period * groups + g;
        const GroupSource source{r.groups[at],
                                 s.plans[p]->agent_groups[g].cost_per_hour.value_or(0.0)};
        std::vector<Sample> samples;
        samples.reserve(kpis);
        for (const auto& kpi : kGroupKpis) samples.push_back(kpi.sample(source));
        const double handled = d(r.groups[at].handled);
        for (std::size_t c = 0; c < types; ++c) {
          const double by_type = d(r.handled[at * types + c]);
          samples.push_back(value(by_type));
          samples.push_back(ratio(by_type, handled));
        }
        Moments<2>* own = &s.group[p][at * kpis];
        for (std::size_t k = 0; k < kpis; ++k) own[k].add({samples[k].x, samples[k].y});
        if (p == 0) {
          if (g == 0) group_first.clear();
          group_first.insert(group_first.end(), samples.begin(), samples.end());
        } else if (s.paired_groups[p]) {
          Moments<4>* pair = &s.group_pair[p - 1][at * kpis];
          for (std::size_t k = 0; k < kpis; ++k) {
            const Sample& f = group_first[g * kpis + k];
            pair[k].add({f.x, f.y, samples[k].x - f.x, samples[k].y - f.y});
          }
        }
      }
    }
  }

  // Whole-horizon totals and per-replication counts.
  const std::size_t horizon = s.periods - 1;
  double hours0 = 0, cost0 = 0;
  for (std::size_t p = 0; p < plans; ++p) {
    const ReplicationTally& r = replication[p];
    const Scenario& plan = *s.plans[p];
    double hours = 0, money = 0;
    for (std::size_t g = 0; g < s.groups[p]; ++g) {
      const double h = r.groups[horizon * s.groups[p] + g].on_duty_agent_s / 3600;
      hours += h;
      money += h * plan.agent_groups[g].cost_per_hour.value_or(0.0);
    }
    s.hours[p].add({hours, 1});
    s.cost[p].add({money, 1});
    if (p == 0) {
      hours0 = hours;
      cost0 = money;
    } else {
      s.hours_pair[p - 1].add({hours0, 1, hours - hours0, 0});
      s.cost_pair[p - 1].add({cost0, 1, money - cost0, 0});
    }
    Results& counts = s.counts[p];
    std::vector<ReplicationCounts> contact_counts;
    for (std::size_t c = 0; c < types; ++c) {
      const ContactTally& t = r.contacts[horizon * types + c];
      contact_counts.push_back({t.offered, t.answered, t.abandoned, t.short_abandoned,
                                t.answered_within_target, t.unanswered_at_close, t.wait_all_s});
    }
    counts.replication_counts.push_back(std::move(contact_counts));
    if (!r.issues.empty()) {
      std::vector<IssueCounts> issue_counts;
      for (std::size_t c = 0; c < types; ++c) {
        const IssueTally& t = r.issues[horizon * types + c];
        issue_counts.push_back({t.issues, t.resolved, t.abandoned, t.open_end, t.repeats});
      }
      counts.replication_issues.push_back(std::move(issue_counts));
    }
    if (!r.load_time.empty()) {
      auto& load = s.load[p];
      load.resize(r.load_time.size());
      for (std::size_t at = 0; at < r.load_time.size(); ++at) {
        if (load[at].size() < r.load_time[at].size()) load[at].resize(r.load_time[at].size(), 0.0);
        for (std::size_t n = 0; n < r.load_time[at].size(); ++n) load[at][n] += r.load_time[at][n];
      }
    }
    counts.simulated_contacts += r.contacts_generated;
    counts.events_processed += r.events;
    counts.peak_contacts_in_system = std::max(counts.peak_contacts_in_system, r.peak_contacts);
  }
  ++s.replications;
}

namespace {

TargetVerdict at_least(const Estimate& e, double target) {
  if (e.ci_low >= target) return TargetVerdict::met;
  if (e.ci_high < target) return TargetVerdict::missed;
  return TargetVerdict::uncertain;
}

TargetVerdict at_most(const Estimate& e, double target) {
  if (e.ci_high <= target) return TargetVerdict::met;
  if (e.ci_low > target) return TargetVerdict::missed;
  return TargetVerdict::uncertain;
}

void set_verdicts(ContactKpis& k, const Targets& targets) {
  if (targets.service_level) {
    k.verdicts.service_level = at_least(k.service_level, targets.service_level->at_least);
  }
  if (targets.max_abandon) k.verdicts.abandon_rate = at_most(k.abandon_rate, *targets.max_abandon);
  if (targets.max_asa_s) k.verdicts.asa = at_most(k.asa_s, *targets.max_asa_s);
}

// Fills the periods of a Results from slot estimates: `contact(period, c)` and `group(period, g)`
// give the KPIs of one slot.
template <typename ContactFn, typename GroupFn>
void fill(Results& out, std::size_t types, std::size_t groups, std::size_t intervals,
          std::size_t days, ContactFn contact, GroupFn group) {
  out.by_type_interval.assign(intervals, {});
  out.by_group_interval.assign(intervals, {});
  for (std::size_t i = 0; i < intervals; ++i) {
    for (std::size_t c = 0; c < types; ++c) out.by_type_interval[i].push_back(contact(i, c));
    for (std::size_t g = 0; g < groups; ++g) out.by_group_interval[i].push_back(group(i, g));
  }
  out.by_type_day.assign(days, {});
  out.by_group_day.assign(days, {});
  for (std::size_t d = 0; d < days; ++d) {
    for (std::size_t c = 0; c < types; ++c) out.by_type_day[d].push_back(contact(intervals + d, c));
    for (std::size_t g = 0; g < groups; ++g) out.by_group_day[d].push_back(group(intervals + d, g));
  }
  for (std::size_t c = 0; c < types; ++c) out.by_type.push_back(contact(intervals + days, c));
  for (std::size_t g = 0; g < groups; ++g) out.by_group.push_back(group(intervals + days, g));
}

}  // namespace

Comparison Reduction::results() const {
  const State& s = *state_;
  const std::size_t plans = s.plans.size();
  const std::size_t types = s.types;
  Comparison out;
  for (std::size_t p = 0; p < plans; ++p) {
    const Scenario& plan = *s.plans[p];
    const std::size_t groups = s.groups[p];
    const std::size_t kpis = s.group_kpis[p];
    Results r = s.counts[p];
    r.replications = s.replications;
    auto contact = [&](std::size_t period, std::size_t c) {
      ContactKpis k;
      const Moments<2>* m = &s.contact[p][(period * types + c) * s.contact_kpis];
      for (std::size_t i = 0; i < s.contact_kpis; ++i) {
        k.*kContactKpis[i].field = estimate(kContactKpis[i].kind, m[i]);
      }
      if (s.contact_kpis == kAllContactKpis && !has_issues(plan)) {
        for (std::size_t i = kPlainContactKpis; i < kAllContactKpis; ++i) {
          k.*kContactKpis[i].field = Estimate{};  // a plan without issues reports none
        }
      }
      set_verdicts(k, plan.contact_types[c].targets);
      return k;
    };
    auto group = [&](std::size_t period, std::size_t g) {
      GroupKpis k;
      const Moments<2>* m = &s.group[p][(period * groups + g) * kpis];
      for (std::size_t i = 0; i < kGroupKpiCount; ++i) {
        k.*kGroupKpis[i].field = estimate(kGroupKpis[i].kind, m[i]);
      }
      if (!plan.agent_groups[g].cost_per_hour) k.cost = {kNaN, kNaN, kNaN};
      for (std::size_t c = 0; c < types; ++c) {
        k.handled_by_type.push_back(estimate(Kind::mean, m[kGroupKpiCount + 2 * c]));
        k.handled_share_by_type.push_back(estimate(Kind::ratio, m[kGroupKpiCount + 2 * c + 1]));
      }
      return k;
    };
    fill(r, types, groups, s.intervals, s.days, contact, group);
    const double share = 1 / (plan.horizon.interval_s * s.replications);
    for (const auto& time : s.load[p]) {
      r.load_distribution.emplace_back(time.size());
      for (std::size_t n = 0; n < time.size(); ++n) r.load_distribution.back()[n] = time[n] * share;
    }
    r.agent_hours = estimate(Kind::mean, s.hours[p]);
    r.cost = has_cost(plan) ? estimate(Kind::mean, s.cost[p]) : Estimate{kNaN, kNaN, kNaN};
    out.plans.push_back(std::move(r));
  }
  for (std::size_t p = 1; p < plans; ++p) {
    const Scenario& plan = *s.plans[p];
    const Scenario& base = *s.plans.front();
    Results r;
    r.replications = s.replications;
    r.seed = s.counts[p].seed;
    const std::size_t groups = s.paired_groups[p] ? s.groups[p] : 0;
    const std::size_t kpis = s.group_kpis[p];
    auto contact = [&](std::size_t period, std::size_t c) {
      ContactKpis k;
      const Moments<4>* m = &s.contact_pair[p - 1][(period * types + c) * s.contact_kpis];
      for (std::size_t i = 0; i < s.contact_kpis; ++i) {
        k.*kContactKpis[i].field = difference(kContactKpis[i].kind, m[i]);
      }
      return k;
    };
    auto group = [&](std::size_t period, std::size_t g) {
      GroupKpis k;
      const Moments<4>* m = &s.group_pair[p - 1][(period * groups + g) * kpis];
      for (std::size_t i = 0; i < kGroupKpiCount; ++i) {
        k.*kGroupKpis[i].field = difference(kGroupKpis[i].kind, m[i]);
      }
      if (!plan.agent_groups[g].cost_per_hour || !base.agent_groups[g].cost_per_hour) {
        k.cost = {kNaN, kNaN, kNaN};
      }
      for (std::size_t c = 0; c < types; ++c) {
        k.handled_by_type.push_back(difference(Kind::mean, m[kGroupKpiCount + 2 * c]));
        k.handled_share_by_type.push_back(difference(Kind::ratio, m[kGroupKpiCount + 2 * c + 1]));
      }
      return k;
    };
    fill(r, types, groups, s.intervals, s.days, contact, group);
    r.agent_hours = difference(Kind::mean, s.hours_pair[p - 1]);
    r.cost = has_cost(plan) || has_cost(base) ? difference(Kind::mean, s.cost_pair[p - 1])
                                              : Estimate{kNaN, kNaN, kNaN};
    out.differences.push_back(std::move(r));
  }
  return out;
}

}  // namespace staffsim::sim
