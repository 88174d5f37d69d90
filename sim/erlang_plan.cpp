#include "sim/erlang_plan.hpp"

#include <cstddef>
#include <string>
#include <utility>
#include <variant>

namespace staffsim::sim {
namespace {

std::string percent(double fraction) {
  return number_text(fraction * 100) + "%";
}

std::string what_of(const std::vector<PlanProblem>& problems) {
  std::string text;
  for (const PlanProblem& p : problems) {
    if (!text.empty()) text += "\n";
    text += p.path + ": " + p.message;
  }
  return text;
}

// The model and targets of one type, and the problems of targets no staffing meets.
TypePlan type_plan(const Scenario& s, std::size_t t, std::vector<PlanProblem>& problems) {
  const ContactType& type = s.contact_types[t];
  const std::string where = "contact_types[" + std::to_string(t) + "].targets";
  TypePlan plan;
  plan.group = type.routing.front().group;
  const AgentGroup& group = s.agent_groups[static_cast<std::size_t>(plan.group)];
  plan.aht_s = mean_of(type.handle_time) * group.authority_cost.handle_time_factor +
               group.authority_cost.added_s;
  if (type.patience) {
    plan.model = models::QueueModel::erlang_a;
    plan.patience_s = mean_of(*type.patience);
    plan.patience_not_exponential = !std::holds_alternative<Exponential>(*type.patience);
  }
  const bool erlang_a = plan.model == models::QueueModel::erlang_a;
  const Targets& targets = type.targets;
  if (targets.service_level) {
    const ServiceLevelTarget& sl = *targets.service_level;
    if (!(sl.at_least > 0 && sl.at_least < 1)) {
      problems.push_back({where + ".service_level.at_least",
                          "expected a service level above 0% and below 100% to plan for (no "
                          "finite staffing answers every contact in time), found " +
                              percent(sl.at_least)});
    }
    models::ServiceLevelGoal goal;
    goal.at_least = sl.at_least;
    goal.within_s = sl.within_s;
    goal.basis = sl.definition == ServiceLevelDefinition::answered
                     ? models::ServiceLevelBasis::answered
                     : models::ServiceLevelBasis::offered;
    plan.service_level_as_offered =
        erlang_a && sl.definition == ServiceLevelDefinition::exclude_short_abandons;
    plan.targets.service_level = goal;
  }
  if (targets.max_asa_s) {
    if (!(*targets.max_asa_s > 0)) {
      problems.push_back({where + ".max_asa",
                          "expected an ASA above 0s to plan for (callers wait at any finite "
                          "staffing), found " +
                              number_text(*targets.max_asa_s) + "s"});
    }
    plan.targets.max_asa_s = targets.max_asa_s;
  }
  if (targets.max_abandon) {
    if (!erlang_a) {
      plan.abandon_target_left_out = true;  // nobody abandons: met at every stable staffing
    } else {
      if (!(*targets.max_abandon > 0)) {
        problems.push_back({where + ".max_abandon",
                            "expected an abandonment above 0% to plan for (impatient callers "
                            "abandon at any finite staffing), found " +
                                percent(*targets.max_abandon)});
      }
      plan.targets.max_abandon = targets.max_abandon;
    }
  }
  plan.has_targets =
      plan.targets.service_level || plan.targets.max_asa_s || plan.targets.max_abandon;
  return plan;
}

}  // namespace

PlanError::PlanError(std::vector<PlanProblem> problems)
    : InvalidInput(what_of(problems)), problems_(std::move(problems)) {}

ErlangPlan erlang_plan(const Scenario& s) {
  validate(s);
  const auto intervals = static_cast<std::size_t>(s.horizon.total_intervals());
  ErlangPlan plan;
  std::vector<PlanProblem> problems;
  for (std::size_t t = 0; t < s.contact_types.size(); ++t) {
    plan.types.push_back(type_plan(s, t, problems));
  }
  if (!problems.empty()) throw PlanError(std::move(problems));

  const std::size_t groups = s.agent_groups.size();
  plan.required_on_duty.assign(groups, std::vector<int>(intervals, 0));
  plan.offered_load.assign(groups, std::vector<double>(intervals, 0.0));
  for (std::size_t t = 0; t < s.contact_types.size(); ++t) {
    const ContactType& type = s.contact_types[t];
    TypePlan& p = plan.types[t];
    p.rate_per_s.resize(intervals);
    p.need.resize(intervals);
    const auto g = static_cast<std::size_t>(p.group);
    for (std::size_t i = 0; i < intervals; ++i) {
      const bool closed = i < type.open.size() && type.open[i] == 0;
      const double rate = closed ? 0.0 : type.arrivals.rate_per_s[i];
      p.rate_per_s[i] = rate;
      const models::Workload w{rate, p.aht_s, p.patience_s};
      plan.offered_load[g][i] += rate * p.aht_s;
      models::StaffingResult& need = p.need[i];
      if (!p.has_targets) {
        need.binding_target = "none";
        need.metrics.model = p.model;
        need.metrics.offered_load = rate * p.aht_s;
        continue;
      }
      try {
        need = models::required_agents(p.model, w, p.targets);
      } catch (const InvalidInput& e) {
        throw InvalidInput("contact type \"" + type.name + "\", horizon interval " +
                           std::to_string(i + 1) + ": " + e.what());
      }
      plan.required_on_duty[g][i] += need.agents;
    }
  }
  plan.scheduled.assign(groups, std::vector<int>(intervals, 0));
  for (std::size_t g = 0; g < groups; ++g) {
    for (std::size_t i = 0; i < intervals; ++i) {
      plan.scheduled[g][i] =
          models::agents_to_schedule(plan.required_on_duty[g][i], s.agent_groups[g].shrinkage);
    }
  }
  return plan;
}

}  // namespace staffsim::sim
