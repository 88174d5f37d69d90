#include "sim/compiled_scenario.hpp"

#include <algorithm>

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

}  // namespace

CompiledScenario::CompiledScenario(const Scenario& s)
    : scenario(s),
      types(static_cast<int>(s.contact_types.size())),
      groups(static_cast<int>(s.agent_groups.size())),
      queues(static_cast<int>(s.contact_types.size())),
      intervals_per_day(s.horizon.intervals_per_day),
      days(s.horizon.days),
      intervals(s.horizon.total_intervals()),
      periods(s.horizon.total_intervals() + s.horizon.days + 1),
      interval_s(s.horizon.interval_s),
      scripted_arrivals_s(s.contact_types.size()) {
  for (const AgentGroup& g : s.agent_groups) {
    Group compiled{g.name, only_when_open(g.staffing, g.open), {}, 0};
    for (int a : compiled.staffing) compiled.most_agents = std::max(compiled.most_agents, a);
    group.push_back(std::move(compiled));
  }
  // Service levels of the inbound queues: higher type priority first.
  std::vector<int> priorities;
  for (const ContactType& t : s.contact_types) priorities.push_back(t.priority);
  std::sort(priorities.begin(), priorities.end(), std::greater<>());
  priorities.erase(std::unique(priorities.begin(), priorities.end()), priorities.end());
  auto level_of = [&](int priority) {
    return static_cast<int>(std::find(priorities.begin(), priorities.end(), priority) -
                            priorities.begin());
  };
  for (int c = 0; c < types; ++c) {
    const ContactType& t = s.contact_types[static_cast<std::size_t>(c)];
    type.push_back(
        {t.name, t.priority, t.arrivals.day_cv, DurationSampler(t.handle_time),
         t.patience.has_value(),
         DurationSampler(t.patience ? *t.patience : DurationDistribution{Deterministic{}}),
         t.targets.service_level ? t.targets.service_level->within_s : 20.0,
         only_when_open(t.arrivals.rate_per_s, t.open)});
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
    Queue q{c, {}, {}, {}};
    for (const RouteStep& r : routes) {
      if (r.after_s == 0) {
        q.groups_at_entry.push_back(r.group);
      } else if (std::find(q.delays_s.begin(), q.delays_s.end(), r.after_s) == q.delays_s.end()) {
        q.delays_s.push_back(r.after_s);
      }
      group[static_cast<std::size_t>(r.group)].candidates.push_back(
          {c, level_of(t.priority), r.after_s});
    }
    std::sort(q.delays_s.begin(), q.delays_s.end());
    q.groups_by_delay.resize(q.delays_s.size());
    for (std::size_t i = 0; i < q.delays_s.size(); ++i) {
      for (const RouteStep& r : routes) {
        if (r.after_s == q.delays_s[i]) q.groups_by_delay[i].push_back(r.group);
      }
    }
    queue.push_back(std::move(q));
  }
  for (Group& g : group) {
    std::stable_sort(g.candidates.begin(), g.candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.level < b.level; });
  }
}

}  // namespace staffsim::sim
