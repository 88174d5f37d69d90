// What `staffsim plan` shows and writes: the Erlang plan of a scenario (sim/erlang_plan.hpp) as a
// table, JSON or CSV, and the notes that say how the scenario was read.
//
// Units: loads in Erlangs, durations in seconds (keys and columns ending in _s), shares as
// fractions in the files and percentages in the table; agent-hours are agents x interval length.
//   required agents   on duty, as Erlang requires them (per type; per group: the sum over the
//                     types that list the group first)
//   agents            per group: the agents to SCHEDULE, ceil(required / (1 - shrinkage))
//   on-duty agents    per group: what the simulator puts on duty out of them,
//                     floor(agents * (1 - shrinkage)) >= required
//   cost              on-duty agent-hours x the group's cost_per_hour (the cost of an agent-hour on
//                     duty, as in `staffsim run`)
//
// The CSV (--format csv, --out plan.csv) is a staffing file a scenario reads with
// `staffing: {file: plan.csv}` (tools/staffing_file.hpp): one row per interval and group, columns
//   [day,]interval_start,interval_s,group,agents,required_agents,on_duty_agents,offered_load_erlangs
// interval_start is YYYY-MM-DDTHH:MM when the horizon has a start_date; else a clock time HH:MM,
// after a day column (1, 2, ...) that says the day of the horizon when it has several days.
#pragma once

#include <string>
#include <vector>

#include "sim/erlang_plan.hpp"
#include "sim/scenario.hpp"

namespace staffsim::tools {

// One line each, without the "note: " prefix: how the plan read the scenario where it had to
// choose (patience families, service-level definitions, targets left out, groups no type lists
// first, closed groups, work the plan does not see).
std::vector<std::string> plan_notes(const sim::Scenario& scenario, const sim::ErlangPlan& plan);

// The table printed by default: the models, then per interval each type's load and required
// agents and each group's required and scheduled agents, then agent-hours (and cost) per group.
std::string render_plan_table(const sim::Scenario& scenario, const sim::ErlangPlan& plan);

// The plan as one JSON object: scenario, horizon, per contact type its model, workload, targets
// and group, per group its shrinkage, types and totals, the totals, the notes, and per interval
// every type's and group's figures. Ends with a newline.
std::string render_plan_json(const sim::Scenario& scenario, const sim::ErlangPlan& plan);

// The Erlang plan of a scenario read from `text` (the file `name`): sim::erlang_plan, its
// problems (targets no staffing meets) reported as one InputError, each at its position in the
// file.
sim::ErlangPlan erlang_plan_for(const sim::Scenario& scenario, const std::string& text,
                                const std::string& name);

// The staffing file (above). Ends with a newline.
std::string render_plan_csv(const sim::Scenario& scenario, const sim::ErlangPlan& plan);

}  // namespace staffsim::tools
