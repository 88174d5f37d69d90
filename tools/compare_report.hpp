// What `staffsim compare` shows and writes: several plans of one centre simulated under common
// random numbers (sim/reduction.hpp), each KPI per plan with its 95% confidence interval, the
// paired difference of each plan to the first with its interval and whether it is significant
// (the interval excludes 0), agent-hours and cost, and which targets each plan meets
// (tools/target_check.hpp).
//
// compare.json:
//   {"replications", "seed",
//    "plans": [{"name", "source", "agent_hours": {mean, ci_low, ci_high}, "cost": ... | null,
//               "targets_met": true|false,
//               "targets": [{"contact_type", "target", "label", "verdict", "horizon",
//                            "intervals", "intervals_missed", "intervals_uncertain"}],
//               "contact_types": {NAME: {KPI: {mean, ci_low, ci_high}}},   (summary.json's names)
//               "agent_groups": {NAME: {...}}}],
//    "differences": [{"plan", "versus", "agent_hours": {mean, ci_low, ci_high, significant},
//                     "cost": ..., "contact_types": {NAME: {KPI: {mean, ci_low, ci_high,
//                     significant}}}, "agent_groups": ... (only when both plans have the same
//                     groups)}]}
// Differences are plan minus first plan, in the KPI's unit (fractions as fractions).
#pragma once

#include <string>
#include <vector>

#include "sim/reduction.hpp"
#include "sim/scenario.hpp"

namespace staffsim::tools {

struct ComparedPlan {
  std::string name;
  std::string source;  // "plan.yaml" or "plan.yaml, variant plus-two"
  const sim::Scenario* scenario;
};

std::string render_compare_table(const std::vector<ComparedPlan>& plans,
                                 const sim::Comparison& comparison);
std::string render_compare_json(const std::vector<ComparedPlan>& plans,
                                const sim::Comparison& comparison);

}  // namespace staffsim::tools
