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
//
// report.html (the page skeleton of tools/html_page.hpp, each chart with a table of its numbers):
//   - the plans: name, source, agent-hours, cost, whether every target is met, with the paired
//     differences of agent-hours and cost to the first plan; each target's verdict per plan;
//     agent-hours and cost per plan as bars;
//   - per contact type: the horizon's offered, service level, abandon rate and ASA per plan and
//     their differences to the first plan ("*" where significant); per interval the plans
//     overlaid: offered, service level and abandon rate with their targets, ASA (95% bands while
//     there are at most three plans); per interval the paired differences of the service level
//     and the abandon rate to the first plan with their 95% bands, a zero line, and in the table
//     whether each is significant;
//   - the agent groups: each plan's groups over the horizon; when every plan has the first
//     plan's groups, per group and interval the agents on duty and the occupancy of each plan.
// Targets drawn are each plan's (one line when the plans share them).
#pragma once

#include <string>
#include <vector>

#include "sim/reduction.hpp"
#include "sim/scenario.hpp"
#include "tools/html_page.hpp"

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
// report.html as a page description, and rendered. At least two plans, simulated together.
HtmlPage compare_report_page(const std::vector<ComparedPlan>& plans,
                             const sim::Comparison& comparison);
std::string render_compare_report_html(const std::vector<ComparedPlan>& plans,
                                       const sim::Comparison& comparison);

}  // namespace staffsim::tools
