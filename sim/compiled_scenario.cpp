#include "sim/compiled_scenario.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

namespace staffsim::sim {
namespace {

// Rates or staffing with the opening hours applied: 0 wherever `open` says closed.
template <typename T>
std::vector<T> only_when_open(std::vector<T> values, const OpenIntervals& open) {
  if (open.empty()) return values;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (open[i] == 0) values[i] = T{};
  }
  return values;
}

// Tiers of the work a group serves, in the order it serves them.
enum Tier { kFirstLive = 0, kSecondLive = 1, kReinforcing = 2, kDeferred = 3, kCallbacks = 4 };

// Audits come after every work order of their group's deferred tier.
constexpr int kAuditPriority = std::numeric_limits<int>::min();

// A candidate before levels are known: tier, then type priority (higher first).
struct Draft {
  CompiledScenario::Candidate candidate;
  int tier;
  int priority;
};

}  // namespace

CompiledScenario::CompiledScenario(const Scenario& s)
    : scenario(s),
      types(static_cast<int>(s.contact_types.size())),
      groups(static_cast<int>(s.agent_groups.size())),
      queues(0),
      intervals_per_day(s.horizon.intervals_per_day),
      days(s.horizon.days),
      intervals(s.horizon.total_intervals()),
      periods(s.horizon.total_intervals() + s.horizon.days + 1),
      interval_s(s.horizon.interval_s),
      scripted_arrivals_s(s.contact_types.size()) {
  for (const AgentGroup& g : s.agent_groups) {
    Group compiled;
    compiled.name = g.name;
    compiled.staffing = agents_on_duty(g);  // shrinkage and hours applied once, here
    compiled.most_agents = 0;
    compiled.authority = g.authority;
    compiled.handle_factor = g.authority_cost.handle_time_factor;
    compiled.added_s = g.authority_cost.added_s;
    compiled.audit_share = g.authority_cost.audit_share;
    compiled.audit_queue = -1;
    if (g.authority_cost.audit) {
      compiled.audit_processing = DurationSampler(g.authority_cost.audit->processing);
    }
    compiled.reserve = g.reserve;
    compiled.callbacks_idle_at_least = g.callbacks_when.idle_at_least;
    compiled.callbacks_need_empty_queues = g.callbacks_when.queue_empty;
    for (int a : compiled.staffing) compiled.most_agents = std::max(compiled.most_agents, a);
    group.push_back(std::move(compiled));
  }
  std::vector<std::vector<Draft>> drafts(group.size());
  auto add_queue = [&](QueueKind kind, bool live, bool by_deadline, int type_index) {
    queue.push_back({kind, live, by_deadline, type_index, {}, {}, {}, {}});
    return static_cast<int>(queue.size() - 1);
  };
  auto tier_of_inbound = [&](int g) {
    return s.agent_groups[static_cast<std::size_t>(g)].first == ServiceOrder::calls_first
               ? kFirstLive
               : kSecondLive;
  };

  // Inbound queues first: queue c is the inbound queue of type c.
  for (int c = 0; c < types; ++c) add_queue(QueueKind::inbound, true, false, c);
  for (int c = 0; c < types; ++c) {
    const ContactType& t = s.contact_types[static_cast<std::size_t>(c)];
    Type compiled;
    compiled.name = t.name;
    compiled.key = t.stream_key();
    compiled.priority = t.priority;
    compiled.day_cv = t.arrivals.day_cv;
    compiled.handle = DurationSampler(t.handle_time);
    compiled.has_patience = t.patience.has_value();
    if (t.patience) compiled.patience = DurationSampler(*t.patience);
    compiled.sl_threshold_s = t.targets.service_level ? t.targets.service_level->within_s : 20.0;
    compiled.rate_per_s = only_when_open(t.arrivals.rate_per_s, t.open);
    compiled.open =
        t.open.empty() ? std::vector<std::uint8_t>(static_cast<std::size_t>(intervals), 1) : t.open;
    // A group listed twice may take the contact after the shorter of its delays; its place in the
    // preference order is its first appearance.
    std::vector<RouteStep> routes;
    for (const RouteStep& step : t.routing) {
      auto same = std::find_if(routes.begin(), routes.end(),
                               [&](const RouteStep& r) { return r.group == step.group; });
      if (same == routes.end()) {
        routes.push_back(step);
      } else {
        same->after_s = std::min(same->after_s, step.after_s);
      }
    }
    Queue& q = queue[static_cast<std::size_t>(c)];
    for (const RouteStep& r : routes) {
      const Condition condition = s.agent_groups[static_cast<std::size_t>(r.group)].reserve > 0
                                      ? Condition::reserve
                                      : Condition::always;
      if (r.after_s == 0) {
        q.groups_at_entry.push_back({r.group, condition, -1});
      } else if (std::find(q.delays_s.begin(), q.delays_s.end(), r.after_s) == q.delays_s.end()) {
        q.delays_s.push_back(r.after_s);
      }
      drafts[static_cast<std::size_t>(r.group)].push_back(
          {{c, 0, r.after_s, condition, -1}, tier_of_inbound(r.group), t.priority});
    }
    std::sort(q.delays_s.begin(), q.delays_s.end());
    q.groups_by_delay.resize(q.delays_s.size());
    for (std::size_t i = 0; i < q.delays_s.size(); ++i) {
      for (const RouteStep& r : routes) {
        if (r.after_s == q.delays_s[i]) q.groups_by_delay[i].push_back(r.group);
      }
    }

    // Escalation paths, each with its own queue at its group.
    auto add_callback_path = [&](const CallbackPolicy& cb) {
      Path path;
      path.kind = EscalationKind::callback;
      path.group = cb.group;
      path.queue = add_queue(QueueKind::callback, false, true, c);
      path.handle = DurationSampler(cb.handle_time ? *cb.handle_time : t.handle_time);
      path.within_s = cb.within_s;
      path.reach = cb.reach;
      path.attempts = cb.attempts;
      path.retry_after_s = cb.retry_after_s;
      path.attempt_s = cb.attempt_s;
      queue[static_cast<std::size_t>(path.queue)].groups_at_entry.push_back(
          {cb.group, Condition::callbacks, -1});
      drafts[static_cast<std::size_t>(cb.group)].push_back(
          {{path.queue, 0, 0, Condition::callbacks, -1}, kCallbacks, t.priority});
      compiled.paths.push_back(std::move(path));
      has_callbacks = true;
      return static_cast<int>(compiled.paths.size() - 1);
    };
    auto add_path = [&](const Escalation& e) {
      Path path;
      path.kind = e.kind;
      switch (e.kind) {
        case EscalationKind::transfer: {
          const int to = e.transfer.to;
          path.group = to;
          path.queue = add_queue(QueueKind::transfer, true, false, c);
          path.warm = e.transfer.warm;
          path.handle = DurationSampler(e.transfer.handle_time);
          path.has_patience = e.transfer.patience.has_value();
          if (e.transfer.patience) path.patience = DurationSampler(*e.transfer.patience);
          queue[static_cast<std::size_t>(path.queue)].groups_at_entry.push_back(
              {to, Condition::always, -1});
          const int tier =
              s.agent_groups[static_cast<std::size_t>(to)].first == ServiceOrder::calls_first
                  ? kSecondLive
                  : kFirstLive;
          drafts[static_cast<std::size_t>(to)].push_back(
              {{path.queue, 0, 0, Condition::always, -1}, tier, t.priority});
          has_transfers = true;
          break;
        }
        case EscalationKind::work_order: {
          const int to = e.work_order.to;
          path.group = to;
          const bool edf = s.agent_groups[static_cast<std::size_t>(to)].order ==
                           WorkOrderOrder::earliest_deadline;
          path.queue = add_queue(QueueKind::work_order, false, edf, c);
          path.deadline_s = e.work_order.deadline_s;
          path.processing = DurationSampler(e.work_order.processing);
          path.has_hand_off = e.work_order.hand_off.has_value();
          if (e.work_order.hand_off) path.hand_off = DurationSampler(*e.work_order.hand_off);
          queue[static_cast<std::size_t>(path.queue)].groups_at_entry.push_back(
              {to, Condition::always, -1});
          drafts[static_cast<std::size_t>(to)].push_back(
              {{path.queue, 0, 0, Condition::always, -1}, kDeferred, t.priority});
          break;
        }
        case EscalationKind::callback:
          return add_callback_path(e.callback);
        case EscalationKind::ask_to_call_again:
          break;
      }
      compiled.paths.push_back(std::move(path));
      const int index = static_cast<int>(compiled.paths.size() - 1);
      if (e.kind == EscalationKind::work_order && e.work_order.then_callback) {
        const int callback = add_callback_path(*e.work_order.then_callback);
        compiled.paths[static_cast<std::size_t>(index)].then_callback = callback;
      }
      return index;
    };
    compiled.tracks_issues = t.issues.has_value() || t.repeat.has_value();
    if (t.issues) {
      const IssueModel& m = *t.issues;
      compiled.has_issue_model = true;
      double cumulative = 0;
      for (double p : m.required_authority) {
        cumulative += p;
        compiled.issues.level_cdf.push_back(cumulative);
      }
      compiled.issues.level_cdf.back() = 1.0;
      compiled.issues.resolve_probability = m.resolve_probability;
      compiled.issues.max_transfers = m.max_transfers;
      compiled.issues.path_by_level.assign(m.required_authority.size(), -1);
      for (std::size_t l = 0; l < m.escalation.size(); ++l) {
        if (m.escalation[l]) compiled.issues.path_by_level[l] = add_path(*m.escalation[l]);
      }
      compiled.issues.unresolved_path = add_path(m.unresolved);
    }
    if (t.repeat) {
      compiled.has_repeat = true;
      compiled.repeat_probability = t.repeat->probability;
      compiled.repeat_delay = DurationSampler(t.repeat->delay);
      compiled.complaint_after = t.repeat->complaint_after;
      compiled.complaint_type = t.repeat->complaint_type;
    }
    tracks_issues = tracks_issues || compiled.tracks_issues;
    type.push_back(std::move(compiled));
  }
  // A complaint type receives the issues of other types.
  for (Type& t : type) {
    if (t.complaint_after > 0 && t.complaint_type >= 0) {
      type[static_cast<std::size_t>(t.complaint_type)].tracks_issues = true;
    }
  }

  // Audit work: one queue per group whose resolutions are audited, at the auditing group.
  for (std::size_t g = 0; g < group.size(); ++g) {
    const AuthorityCost& cost = s.agent_groups[g].authority_cost;
    if (!(cost.audit_share > 0) || !cost.audit) continue;
    const int to = cost.audit->to;
    const bool edf =
        s.agent_groups[static_cast<std::size_t>(to)].order == WorkOrderOrder::earliest_deadline;
    group[g].audit_queue = add_queue(QueueKind::audit, false, edf, -1);
    queue[static_cast<std::size_t>(group[g].audit_queue)].groups_at_entry.push_back(
        {to, Condition::always, -1});
    drafts[static_cast<std::size_t>(to)].push_back(
        {{group[g].audit_queue, 0, 0, Condition::always, -1}, kDeferred, kAuditPriority});
  }

  // Reinforcement: the second-line group takes the type, at the end of its preference list.
  for (std::size_t r = 0; r < s.reinforcement.size(); ++r) {
    const Reinforcement& rule = s.reinforcement[r];
    const int index = static_cast<int>(r);
    reinforcement.push_back({rule.group, rule.type, rule.type, rule.start_queue.value_or(-1),
                             rule.start_oldest_wait_s.value_or(0), rule.stop_queue});
    Queue& q = queue[static_cast<std::size_t>(rule.type)];
    q.groups_at_entry.push_back({rule.group, Condition::reinforcement, index});
    q.reinforcements.push_back(index);
    drafts[static_cast<std::size_t>(rule.group)].push_back(
        {{rule.type, 0, 0, Condition::reinforcement, index},
         kReinforcing,
         s.contact_types[static_cast<std::size_t>(rule.type)].priority});
  }

  // Levels: per group, by tier, then priority (higher first); stable in order of creation.
  for (std::size_t g = 0; g < group.size(); ++g) {
    auto& list = drafts[g];
    std::stable_sort(list.begin(), list.end(), [](const Draft& a, const Draft& b) {
      return std::tie(a.tier, b.priority) < std::tie(b.tier, a.priority);
    });
    int level = -1;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i == 0 || list[i].tier != list[i - 1].tier || list[i].priority != list[i - 1].priority) {
        ++level;
      }
      list[i].candidate.level = level;
      group[g].candidates.push_back(list[i].candidate);
    }
  }
  queues = static_cast<int>(queue.size());
  for (Group& g : group) {
    g.has_authority_cost = g.handle_factor != 1 || g.added_s != 0;
    for (const Candidate& candidate : g.candidates) {
      const QueueKind kind = queue[static_cast<std::size_t>(candidate.queue)].kind;
      g.has_callbacks = g.has_callbacks || kind == QueueKind::callback;
      g.takes_transfers = g.takes_transfers || kind == QueueKind::transfer;
    }
  }
}

}  // namespace staffsim::sim
