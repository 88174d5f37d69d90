#include "sim/simulator.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <limits>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "models/error.hpp"
#include "sim/estimate.hpp"
#include "sim/numbers.hpp"
#include "sim/replication.hpp"

namespace staffsim::sim {
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

template <typename Tally, typename Field>
std::vector<double> column(const std::vector<const Tally*>& tallies, Field field) {
  std::vector<double> values;
  values.reserve(tallies.size());
  for (const Tally* t : tallies) values.push_back(static_cast<double>(field(*t)));
  return values;
}

ContactKpis contact_kpis(const std::vector<const ContactTally*>& t, const ContactType& type,
                         double period_s) {
  using T = ContactTally;
  ContactKpis k;
  const auto offered = column(t, [](const T& x) { return x.offered; });
  const auto answered = column(t, [](const T& x) { return x.answered; });
  const auto abandoned = column(t, [](const T& x) { return x.abandoned; });
  const auto short_abandoned = column(t, [](const T& x) { return x.short_abandoned; });
  const auto within = column(t, [](const T& x) { return x.answered_within_target; });
  k.offered = mean_estimate(offered);
  k.answered = mean_estimate(answered);
  k.abandoned = mean_estimate(abandoned);
  k.short_abandoned = mean_estimate(short_abandoned);
  k.answered_within_target = mean_estimate(within);
  k.unanswered_at_close =
      mean_estimate(column(t, [](const T& x) { return x.unanswered_at_close; }));
  const auto definition = type.targets.service_level ? type.targets.service_level->definition
                                                     : ServiceLevelDefinition::offered;
  switch (definition) {
    case ServiceLevelDefinition::offered:
      k.service_level = ratio_estimate(within, offered);
      break;
    case ServiceLevelDefinition::answered:
      k.service_level = ratio_estimate(within, answered);
      break;
    case ServiceLevelDefinition::exclude_short_abandons: {
      std::vector<double> denominator(offered.size());
      for (std::size_t r = 0; r < offered.size(); ++r) {
        denominator[r] = offered[r] - short_abandoned[r];
      }
      k.service_level = ratio_estimate(within, denominator);
      break;
    }
  }
  k.abandon_rate = ratio_estimate(abandoned, offered);
  k.p_wait = ratio_estimate(column(t, [](const T& x) { return x.queued; }), offered);
  k.asa_s = ratio_estimate(column(t, [](const T& x) { return x.wait_answered_s; }), answered);
  k.wait_mean_s = ratio_estimate(column(t, [](const T& x) { return x.wait_all_s; }), offered);
  k.wait_p90_s = mean_estimate(column(t, [](const T& x) { return x.wait_p90_s; }));
  k.queue_mean = mean_estimate(column(t, [&](const T& x) { return x.queue_area_s / period_s; }));
  k.max_queue = mean_estimate(column(t, [](const T& x) { return x.max_queue; }));
  if (type.targets.service_level) {
    k.verdicts.service_level = at_least(k.service_level, type.targets.service_level->at_least);
  }
  if (type.targets.max_abandon) {
    k.verdicts.abandon_rate = at_most(k.abandon_rate, *type.targets.max_abandon);
  }
  if (type.targets.max_asa_s) k.verdicts.asa = at_most(k.asa_s, *type.targets.max_asa_s);
  return k;
}

// The issue and escalation KPIs of one type and period (sim/results.hpp), from the raw issue
// tallies of every replication and the contact tallies (for the offered and answered counts).
void issue_kpis(ContactKpis& k, const std::vector<const IssueTally*>& t,
                const std::vector<const ContactTally*>& contacts, double period_s) {
  using T = IssueTally;
  const auto issues = column(t, [](const T& x) { return x.issues; });
  const auto resolved = column(t, [](const T& x) { return x.resolved; });
  k.issues = mean_estimate(issues);
  k.issues_resolved = mean_estimate(resolved);
  k.issues_abandoned = mean_estimate(column(t, [](const T& x) { return x.abandoned; }));
  k.issues_open_end = mean_estimate(column(t, [](const T& x) { return x.open_end; }));
  k.first_contact_resolution =
      ratio_estimate(column(t, [](const T& x) { return x.resolved_first_contact; }), issues);
  k.contacts_per_resolved_issue =
      ratio_estimate(column(t, [](const T& x) { return x.contacts_of_resolved; }), resolved);
  k.resolution_time_s =
      ratio_estimate(column(t, [](const T& x) { return x.resolution_s; }), resolved);
  k.resolution_time_p90_s = mean_estimate(column(t, [](const T& x) { return x.resolution_p90_s; }));
  k.complaints = mean_estimate(column(t, [](const T& x) { return x.complaints; }));
  k.repeat_share =
      ratio_estimate(column(t, [](const T& x) { return x.repeats; }),
                     column(contacts, [](const ContactTally& x) { return x.offered; }));
  std::vector<double> handled(t.size());
  for (std::size_t r = 0; r < t.size(); ++r) {
    handled[r] = static_cast<double>(contacts[r]->answered + t[r]->transfers_answered);
  }
  auto escalated = [&](EscalationKind kind) {
    return ratio_estimate(
        column(t, [kind](const T& x) { return x.escalated[static_cast<int>(kind)]; }), handled);
  };
  k.escalation_rate_transfer = escalated(EscalationKind::transfer);
  k.escalation_rate_work_order = escalated(EscalationKind::work_order);
  k.escalation_rate_callback = escalated(EscalationKind::callback);
  k.escalation_rate_ask_to_call_again = escalated(EscalationKind::ask_to_call_again);
  const auto transfers =
      column(t, [](const T& x) { return x.transfers_answered + x.transfers_abandoned; });
  k.transfers = mean_estimate(transfers);
  k.transfer_hold_s =
      ratio_estimate(column(t, [](const T& x) { return x.transfer_hold_s; }), transfers);
  k.transfer_abandon_rate =
      ratio_estimate(column(t, [](const T& x) { return x.transfers_abandoned; }), transfers);
  k.work_orders = mean_estimate(column(t, [](const T& x) { return x.work_orders; }));
  k.work_orders_within_deadline =
      ratio_estimate(column(t, [](const T& x) { return x.work_orders_in_time; }),
                     column(t, [](const T& x) { return x.work_orders_done; }));
  k.work_order_age_p90_s =
      mean_estimate(column(t, [](const T& x) { return x.work_order_age_p90_s; }));
  k.work_orders_open_end =
      mean_estimate(column(t, [](const T& x) { return x.work_orders_open_end; }));
  k.work_order_backlog =
      mean_estimate(column(t, [&](const T& x) { return x.work_order_area_s / period_s; }));
  const auto promised = column(t, [](const T& x) { return x.callbacks_promised; });
  k.callbacks_promised = mean_estimate(promised);
  k.callbacks_kept_share =
      ratio_estimate(column(t, [](const T& x) { return x.callbacks_kept; }), promised);
  k.audits = mean_estimate(column(t, [](const T& x) { return x.audits; }));
}

}  // namespace

Results simulate(const Scenario& scenario, const RunOptions& options) {
  validate(scenario);
  if (options.threads < 0) {
    throw InvalidInput("threads must be non-negative, found " + std::to_string(options.threads));
  }
  if (options.replications_override < 0) {
    throw InvalidInput("replications_override must be non-negative, found " +
                       std::to_string(options.replications_override));
  }
  auto stream_key = [&](std::size_t c) -> const std::string& {
    return scenario.contact_types[c].stream_key();
  };
  for (std::size_t c = 0; c < scenario.contact_types.size(); ++c) {
    for (std::size_t other = 0; other < c; ++other) {
      if (stream_key(c) != stream_key(other)) continue;
      const auto& t = scenario.contact_types[c];
      if (t.key.empty() && scenario.contact_types[other].key.empty()) {
        throw InvalidInput("contact_types[" + std::to_string(c) + "].name \"" + t.name +
                           "\" repeats contact_types[" + std::to_string(other) +
                           "].name; names must be unique (they name the random streams)");
      }
      throw InvalidInput("contact_types[" + std::to_string(c) + "] has the stream key \"" +
                         stream_key(c) + "\" of contact_types[" + std::to_string(other) +
                         "]; keys (by default the names) must be unique (they name the random "
                         "streams)");
    }
  }
  const int replications =
      options.replications_override > 0 ? options.replications_override : scenario.replications;
  const std::uint64_t seed = options.seed_override.value_or(scenario.seed);
  const CompiledScenario model(scenario);

  // Replications on a thread pool: each writes its own slot.
  std::vector<ReplicationTally> tallies(static_cast<std::size_t>(replications));
  int threads =
      options.threads > 0 ? options.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, replications);
  std::atomic<int> next{0};
  std::mutex progress_mutex;
  int done = 0;
  std::exception_ptr failure;
  auto worker = [&] {
    for (;;) {
      const int r = next.fetch_add(1);
      if (r >= replications) return;
      try {
        tallies[static_cast<std::size_t>(r)] = run_replication(model, seed, r);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(progress_mutex);
        if (!failure) failure = std::current_exception();
        next.store(replications);
        return;
      }
      const std::lock_guard<std::mutex> lock(progress_mutex);
      ++done;
      try {
        if (options.progress) options.progress(done, replications);
      } catch (...) {
        if (!failure) failure = std::current_exception();
        next.store(replications);
        return;
      }
    }
  };
  if (threads == 1) {
    worker();
  } else {
    std::vector<std::thread> pool;
    pool.reserve(static_cast<std::size_t>(threads));
    for (int i = 0; i < threads; ++i) pool.emplace_back(worker);
    for (auto& thread : pool) thread.join();
  }
  if (failure) std::rethrow_exception(failure);

  // Reduction in replication order.
  const auto types = static_cast<std::size_t>(model.types);
  const auto groups = static_cast<std::size_t>(model.groups);
  const auto intervals = static_cast<std::size_t>(model.intervals);
  const auto days = static_cast<std::size_t>(model.days);
  const double interval_s = scenario.horizon.interval_s;
  const double day_s = interval_s * scenario.horizon.intervals_per_day;

  auto contact_period = [&](std::size_t period, std::size_t c, double period_s) {
    std::vector<const ContactTally*> t;
    t.reserve(tallies.size());
    for (const auto& r : tallies) t.push_back(&r.contacts[period * types + c]);
    ContactKpis k = contact_kpis(t, scenario.contact_types[c], period_s);
    if (!tallies.empty() && !tallies.front().issues.empty()) {
      std::vector<const IssueTally*> issues;
      issues.reserve(tallies.size());
      for (const auto& r : tallies) issues.push_back(&r.issues[period * types + c]);
      issue_kpis(k, issues, t, period_s);
    }
    return k;
  };
  auto group_period = [&](std::size_t period, std::size_t g) {
    std::vector<const GroupTally*> t;
    t.reserve(tallies.size());
    for (const auto& r : tallies) t.push_back(&r.groups[period * groups + g]);
    using T = GroupTally;
    GroupKpis k;
    const auto busy = column(t, [](const T& x) { return x.busy_agent_s; });
    const auto duty = column(t, [](const T& x) { return x.on_duty_agent_s; });
    const auto handled = column(t, [](const T& x) { return x.handled; });
    k.occupancy = ratio_estimate(busy, duty);
    k.busy_agent_s = mean_estimate(busy);
    k.on_duty_agent_s = mean_estimate(duty);
    k.handled = mean_estimate(handled);
    k.agent_hours = mean_estimate(column(t, [](const T& x) { return x.on_duty_agent_s / 3600; }));
    const auto& cost = scenario.agent_groups[g].cost_per_hour;
    k.cost =
        cost
            ? mean_estimate(column(t, [&](const T& x) { return x.on_duty_agent_s / 3600 * *cost; }))
            : Estimate{kNaN, kNaN, kNaN};
    k.reinforcement_s = mean_estimate(column(t, [](const T& x) { return x.reinforcing_s; }));
    for (std::size_t c = 0; c < types; ++c) {
      std::vector<double> by_type;
      by_type.reserve(tallies.size());
      for (const auto& r : tallies) {
        by_type.push_back(static_cast<double>(r.handled[(period * groups + g) * types + c]));
      }
      k.handled_by_type.push_back(mean_estimate(by_type));
      k.handled_share_by_type.push_back(ratio_estimate(by_type, handled));
    }
    return k;
  };

  Results results;
  results.replications = replications;
  results.seed = seed;
  results.by_type_interval.resize(intervals);
  results.by_group_interval.resize(intervals);
  for (std::size_t i = 0; i < intervals; ++i) {
    for (std::size_t c = 0; c < types; ++c) {
      results.by_type_interval[i].push_back(contact_period(i, c, interval_s));
    }
    for (std::size_t g = 0; g < groups; ++g)
      results.by_group_interval[i].push_back(group_period(i, g));
  }
  results.by_type_day.resize(days);
  results.by_group_day.resize(days);
  for (std::size_t d = 0; d < days; ++d) {
    for (std::size_t c = 0; c < types; ++c) {
      results.by_type_day[d].push_back(contact_period(intervals + d, c, day_s));
    }
    for (std::size_t g = 0; g < groups; ++g) {
      results.by_group_day[d].push_back(group_period(intervals + d, g));
    }
  }
  const std::size_t horizon = intervals + days;
  for (std::size_t c = 0; c < types; ++c) {
    results.by_type.push_back(contact_period(horizon, c, day_s * static_cast<double>(days)));
  }
  for (std::size_t g = 0; g < groups; ++g) results.by_group.push_back(group_period(horizon, g));
  std::vector<double> agent_hours, cost;
  bool any_cost = false;
  for (const auto& group : scenario.agent_groups) any_cost = any_cost || group.cost_per_hour;
  for (const auto& r : tallies) {
    double hours = 0, money = 0;
    for (std::size_t g = 0; g < groups; ++g) {
      const double h = r.groups[horizon * groups + g].on_duty_agent_s / 3600;
      hours += h;
      money += h * scenario.agent_groups[g].cost_per_hour.value_or(0.0);
    }
    agent_hours.push_back(hours);
    cost.push_back(money);
    if (!r.issues.empty()) {
      std::vector<IssueCounts> issue_counts;
      for (std::size_t c = 0; c < types; ++c) {
        const IssueTally& t = r.issues[horizon * types + c];
        issue_counts.push_back({t.issues, t.resolved, t.abandoned, t.open_end, t.repeats});
      }
      results.replication_issues.push_back(std::move(issue_counts));
    }
  }
  results.agent_hours = mean_estimate(agent_hours);
  results.cost = any_cost ? mean_estimate(cost) : Estimate{kNaN, kNaN, kNaN};
  for (const auto& r : tallies) {
    std::vector<ReplicationCounts> counts;
    for (std::size_t c = 0; c < types; ++c) {
      const ContactTally& t = r.contacts[horizon * types + c];
      counts.push_back({t.offered, t.answered, t.abandoned, t.short_abandoned,
                        t.answered_within_target, t.unanswered_at_close, t.wait_all_s});
    }
    results.replication_counts.push_back(std::move(counts));
    results.simulated_contacts += r.contacts_generated;
    results.events_processed += r.events;
    results.peak_contacts_in_system = std::max(results.peak_contacts_in_system, r.peak_contacts);
  }
  return results;
}

}  // namespace staffsim::sim
