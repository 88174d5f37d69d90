#include "sim/simulator.hpp"

#include <string>

#include "models/error.hpp"

namespace staffsim::sim {

// Placeholder until the engine lands: validates and returns correctly shaped, all-zero results.
Results simulate(const Scenario& scenario, const RunOptions& options) {
  validate(scenario);
  if (options.threads < 0) {
    throw InvalidInput("threads must be non-negative, found " + std::to_string(options.threads));
  }
  if (options.replications_override < 0) {
    throw InvalidInput("replications_override must be non-negative, found " +
                       std::to_string(options.replications_override));
  }
  const auto types = scenario.contact_types.size();
  const auto groups = scenario.agent_groups.size();
  const auto intervals = static_cast<std::size_t>(scenario.horizon.total_intervals());
  const auto days = static_cast<std::size_t>(scenario.horizon.days);
  GroupKpis group;
  group.handled_by_type.resize(types);
  group.handled_share_by_type.resize(types);
  Results results;
  results.replications =
      options.replications_override > 0 ? options.replications_override : scenario.replications;
  results.seed = options.seed_override.value_or(scenario.seed);
  results.by_type.resize(types);
  results.by_type_day.assign(days, std::vector<ContactKpis>(types));
  results.by_type_interval.assign(intervals, std::vector<ContactKpis>(types));
  results.by_group.assign(groups, group);
  results.by_group_day.assign(days, std::vector<GroupKpis>(groups, group));
  results.by_group_interval.assign(intervals, std::vector<GroupKpis>(groups, group));
  results.replication_counts.assign(static_cast<std::size_t>(results.replications),
                                    std::vector<ReplicationCounts>(types));
  return results;
}

}  // namespace staffsim::sim
