#include "tools/run_report.hpp"

#include <gtest/gtest.h>

#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace staffsim::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One contact type, one group, two half-hour intervals from 08:00; hand-made results.
sim::Scenario tiny_scenario() {
  sim::Scenario s;
  s.name = "tiny";
  s.horizon.interval_s = 1800;
  s.horizon.intervals_per_day = 2;
  s.horizon.day_start_s = 8 * 3600;
  sim::ContactType calls;
  calls.name = "calls";
  calls.arrivals.rate_per_s = {0.05, 0.05};
  calls.targets.service_level =
      sim::ServiceLevelTarget{20, 0.8, sim::ServiceLevelDefinition::offered};
  calls.targets.max_abandon = 0.05;
  calls.routing = {{0, 0}};
  s.contact_types = {calls};
  sim::AgentGroup team;
  team.name = "team";
  team.staffing = {3, 4};
  s.agent_groups = {team};
  return s;
}

sim::ContactKpis contact_kpis(double scale) {
  sim::ContactKpis k;
  k.offered = {100 * scale, 90 * scale, 110 * scale};
  k.answered = {95 * scale, 85 * scale, 105 * scale};
  k.abandoned = {5 * scale, 4 * scale, 6 * scale};
  k.short_abandoned = {2 * scale, 1.5 * scale, 2.5 * scale};
  k.unanswered_at_close = {0.5 * scale, 0, 1 * scale};
  k.service_level = {0.82, 0.78, 0.86};
  k.abandon_rate = {0.03, 0.02, 0.04};
  k.p_wait = {0.4, 0.35, 0.45};
  k.asa_s = {12.5, 10, 15};
  k.wait_mean_s = {8, 6.5, 9.5};
  k.wait_p90_s = {40, 35, 45};
  k.queue_mean = {1.5, 1.25, 1.75};
  k.max_queue = {6, 5, 7};
  k.verdicts.service_level = sim::TargetVerdict::uncertain;
  k.verdicts.abandon_rate = sim::TargetVerdict::met;
  return k;
}

sim::GroupKpis group_kpis(double scale) {
  sim::GroupKpis g;
  g.occupancy = {0.9, 0.88, 0.92};
  g.handled = {95 * scale, 85 * scale, 105 * scale};
  g.handled_by_type = {{95 * scale, 85 * scale, 105 * scale}};
  g.handled_share_by_type = {{1, 1, 1}};
  return g;
}

sim::Results tiny_results() {
  sim::Results r;
  r.replications = 10;
  r.seed = 7;
  r.by_type = {contact_kpis(1)};
  r.by_type_interval = {{contact_kpis(0.5)}, {contact_kpis(0.5)}};
  r.by_type_interval[0][0].verdicts.service_level = sim::TargetVerdict::missed;
  r.by_type_interval[1][0].verdicts.service_level = sim::TargetVerdict::met;
  r.by_type_interval[1][0].asa_s = {12.25, kNaN, kNaN};
  r.by_group = {group_kpis(1)};
  r.by_group[0].agent_hours = {3.6, 3.5, 3.7};  // 3 then 4 agents for half an hour, and overtime
  r.by_group_interval = {{group_kpis(0.5)}, {group_kpis(0.5)}};
  r.agent_hours = r.by_group[0].agent_hours;
  return r;
}

// The contact KPIs of intervals.csv and days.csv, and the issue KPIs added for types whose
// contacts belong to issues, in their documented order.
const std::vector<std::string> kContactKpiNames = {"offered",
                                                   "answered",
                                                   "abandoned",
                                                   "service_level",
                                                   "asa_s",
                                                   "abandon_rate",
                                                   "wait_p90_s",
                                                   "p_wait",
                                                   "wait_mean_s",
                                                   "queue_mean",
                                                   "queue_max",
                                                   "short_abandoned",
                                                   "unanswered_at_close"};
const std::vector<std::string> kIssueKpiNames = {"issues",
                                                 "issues_resolved",
                                                 "issues_abandoned",
                                                 "issues_open_end",
                                                 "first_contact_resolution",
                                                 "contacts_per_resolved_issue",
                                                 "resolution_time_s",
                                                 "resolution_time_p90_s",
                                                 "repeat_share",
                                                 "complaints",
                                                 "escalation_rate_transfer",
                                                 "escalation_rate_work_order",
                                                 "escalation_rate_callback",
                                                 "escalation_rate_ask_to_call_again",
                                                 "transfers",
                                                 "transfer_hold_s",
                                                 "transfer_abandon_rate",
                                                 "work_orders",
                                                 "work_orders_within_deadline",
                                                 "work_order_age_p90_s",
                                                 "work_orders_open_end",
                                                 "work_order_backlog",
                                                 "callbacks_promised",
                                                 "callbacks_kept_share",
                                                 "audits"};

// ",kpi,kpi_ci_low,kpi_ci_high" for each KPI: the CSV columns of these KPIs.
std::string csv_columns(const std::vector<std::string>& kpis) {
  std::string out;
  for (const auto& kpi : kpis) out += "," + kpi + "," + kpi + "_ci_low," + kpi + "_ci_high";
  return out;
}

// contact_kpis(0.5) in the CSV columns of kContactKpiNames, around the ASA (which tiny_results
// changes in its second interval).
const std::string kHalfKpisBeforeAsa = "50,45,55,47.5,42.5,52.5,2.5,2,3,0.82,0.78,0.86";
const std::string kHalfKpisAfterAsa =
    "0.03,0.02,0.04,40,35,45,0.4,0.35,0.45,8,6.5,9.5,1.5,1.25,1.75,6,5,7,1,0.75,1.25,0.25,0,0.5";

// The lines of `text` from the one that starts with `first` up to the next empty line.
std::string block(const std::string& text, const std::string& first) {
  const auto start = text.find("\n" + first);
  if (start == std::string::npos) return "no block \"" + first + "\"";
  const auto end = text.find("\n\n", start + 1);
  return text.substr(start + 1, end == std::string::npos ? std::string::npos : end - start);
}

TEST(RunReport, SummaryTable) {
  EXPECT_EQ(render_summary_table(tiny_scenario(), tiny_results()),
            "Scenario: tiny\n"
            "Horizon:  1 day, 08:00 to 09:00 in 2 intervals of 30m\n"
            "Runs:     10 replications, seed 7; each figure is a mean [95% confidence interval]\n"
            "\n"
            "Contact type calls (priority 0; service level = answered within 20s / offered)\n"
            "  KPI                               mean  95% confidence interval   target\n"
            "  offered                          100.0  [90.0, 110.0]\n"
            "  answered                          95.0  [85.0, 105.0]\n"
            "  abandoned                          5.0  [4.0, 6.0]\n"
            "  service level 20s                82.0%  [78.0%, 86.0%]            target >= 80.0%: "
            "uncertain; by interval: 1 of 2 missed\n"
            "  abandon rate                      3.0%  [2.0%, 4.0%]              target <= 5.0%: "
            "met\n"
            "  ASA (answered)                   12.5s  [10.0s, 15.0s]\n"
            "  wait p90 (all)                   40.0s  [35.0s, 45.0s]\n"
            "  P(wait > 0)                      40.0%  [35.0%, 45.0%]\n"
            "  mean wait (all)                   8.0s  [6.5s, 9.5s]\n"
            "\n"
            "Agent groups\n"
            "  group             agents  occupancy                        handled  agent-hours  "
            "share by contact type\n"
            "  team                 3-4  90.0% [88.0%, 92.0%]                95.0          3.6  "
            "calls 100.0%\n"
            "  all groups                                                                  3.6\n");
}

// With shrinkage the table shows the agents on duty (6 * 0.6 = 3.6 and 7 * 0.6 = 4.2: 3 and 4)
// and names the scheduled range; groups.csv has both.
TEST(RunReport, ShrinkageShowsAgentsOnDutyAndScheduled) {
  sim::Scenario s = tiny_scenario();
  s.agent_groups[0].staffing = {6, 7};
  s.agent_groups[0].shrinkage = 0.4;
  const std::string table = render_summary_table(s, tiny_results());
  EXPECT_NE(table.find("\n  team                 3-4  90.0% [88.0%, 92.0%]"), std::string::npos)
      << table;
  EXPECT_NE(table.find("\n  agents are on duty after shrinkage: team 6-7 scheduled, 40.0% "
                       "shrinkage\n"),
            std::string::npos)
      << table;
  const std::string csv = render_groups_csv(s, tiny_results());
  EXPECT_NE(csv.find("\n1,,08:00,team,6,3,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n1,,08:30,team,7,4,"), std::string::npos) << csv;
}

// Seconds below 1000 s, minutes below 3 hours, hours below 3 days, days beyond: each side of
// every boundary.
TEST(RunReport, LongDurationsInTheTable) {
  sim::Results r = tiny_results();
  r.by_type[0].asa_s = {999.9, 1000, 10799};
  r.by_type[0].wait_p90_s = {10800, 259199, 259200};
  const std::string table = render_summary_table(tiny_scenario(), r);
  EXPECT_NE(table.find("\n  ASA (answered)                  999.9s  [16.7m, 180.0m]\n"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("\n  wait p90 (all)                    3.0h  [72.0h, 3.0d]\n"),
            std::string::npos)
      << table;
}

TEST(RunReport, ServiceLevelDefinitionInTheHeading) {
  sim::Scenario s = tiny_scenario();
  s.short_abandon_s = 10;
  s.contact_types[0].targets.service_level->definition =
      sim::ServiceLevelDefinition::exclude_short_abandons;
  EXPECT_NE(render_summary_table(s, tiny_results())
                .find("\nContact type calls (priority 0; service level = answered within 20s / "
                      "(offered - abandoned in under 10s))\n"),
            std::string::npos);
  s.contact_types[0].targets.service_level->definition = sim::ServiceLevelDefinition::answered;
  EXPECT_NE(render_summary_table(s, tiny_results())
                .find("; service level = answered within 20s / answered)\n"),
            std::string::npos);
}

TEST(RunReport, SummaryJson) {
  std::string text = render_summary_json(tiny_scenario(), tiny_results());
  auto expected = nlohmann::json::parse(R"({
    "scenario": "tiny", "seed": 7, "replications": 10,
    "horizon": {"start": "08:00", "interval_s": 1800, "intervals_per_day": 2, "days": 1,
                "warmup_s": 0, "warmup_days": 0, "days_independent": false},
    "contact_types": {"calls": {
      "offered": {"mean": 100, "ci_low": 90, "ci_high": 110},
      "answered": {"mean": 95, "ci_low": 85, "ci_high": 105},
      "abandoned": {"mean": 5, "ci_low": 4, "ci_high": 6},
      "service_level": {"mean": 0.82, "ci_low": 0.78, "ci_high": 0.86},
      "asa_s": {"mean": 12.5, "ci_low": 10, "ci_high": 15},
      "abandon_rate": {"mean": 0.03, "ci_low": 0.02, "ci_high": 0.04},
      "wait_p90_s": {"mean": 40, "ci_low": 35, "ci_high": 45},
      "p_wait": {"mean": 0.4, "ci_low": 0.35, "ci_high": 0.45},
      "wait_mean_s": {"mean": 8, "ci_low": 6.5, "ci_high": 9.5},
      "queue_mean": {"mean": 1.5, "ci_low": 1.25, "ci_high": 1.75},
      "queue_max": {"mean": 6, "ci_low": 5, "ci_high": 7},
      "short_abandoned": {"mean": 2, "ci_low": 1.5, "ci_high": 2.5},
      "unanswered_at_close": {"mean": 0.5, "ci_low": 0, "ci_high": 1},
      "targets": {
        "service_level": {"within_s": 20, "at_least": 0.8, "definition": "offered",
                          "verdict": "uncertain"},
        "abandon_rate": {"at_most": 0.05, "verdict": "met"}}}},
    "agent_groups": {"team": {
      "occupancy": {"mean": 0.9, "ci_low": 0.88, "ci_high": 0.92},
      "handled": {"mean": 95, "ci_low": 85, "ci_high": 105},
      "handled_share": {"calls": {"mean": 1, "ci_low": 1, "ci_high": 1}},
      "agent_hours": {"mean": 3.6, "ci_low": 3.5, "ci_high": 3.7}}},
    "agent_hours": {"mean": 3.6, "ci_low": 3.5, "ci_high": 3.7}
  })");
  EXPECT_EQ(nlohmann::json::parse(text), expected);
  // Keys keep the documented order, and the file ends with a newline.
  EXPECT_EQ(text.rfind("{\n  \"scenario\": \"tiny\",\n  \"seed\": 7,", 0), 0u);
  EXPECT_EQ(text.back(), '\n');
}

TEST(RunReport, UndefinedValuesAreNullInJson) {
  sim::Results r = tiny_results();
  r.by_type[0].asa_s = {kNaN, kNaN, kNaN};
  auto json = nlohmann::json::parse(render_summary_json(tiny_scenario(), r));
  EXPECT_TRUE(json["contact_types"]["calls"]["asa_s"]["mean"].is_null());
  EXPECT_TRUE(json["contact_types"]["calls"]["asa_s"]["ci_high"].is_null());
}

TEST(RunReport, ReinforcementTimeInJson) {
  sim::Scenario s = tiny_scenario();
  sim::Reinforcement rule;
  rule.group = 0;
  rule.type = 0;
  rule.start_queue = 10;
  s.reinforcement = {rule};
  sim::Results r = tiny_results();
  r.by_group[0].reinforcement_s = {600, 500, 700};
  auto json = nlohmann::json::parse(render_summary_json(s, r));
  EXPECT_EQ(json["agent_groups"]["team"]["reinforcement_s"],
            nlohmann::json::parse(R"({"mean": 600, "ci_low": 500, "ci_high": 700})"));
}

TEST(RunReport, IntervalsCsv) {
  EXPECT_EQ(render_intervals_csv(tiny_scenario(), tiny_results()),
            "day,date,interval_start,contact_type" + csv_columns(kContactKpiNames) + "\n" +
                "1,,08:00,calls," + kHalfKpisBeforeAsa + ",12.5,10,15," + kHalfKpisAfterAsa + "\n" +
                "1,,08:30,calls," + kHalfKpisBeforeAsa + ",12.25,,," + kHalfKpisAfterAsa + "\n");
}

TEST(RunReport, GroupsCsv) {
  EXPECT_EQ(render_groups_csv(tiny_scenario(), tiny_results()),
            "day,date,interval_start,group,agents,agents_on_duty,occupancy,occupancy_ci_low,"
            "occupancy_ci_high,handled,handled_ci_low,handled_ci_high,handled_calls\n"
            "1,,08:00,team,3,3,0.9,0.88,0.92,47.5,42.5,52.5,47.5\n"
            "1,,08:30,team,4,4,0.9,0.88,0.92,47.5,42.5,52.5,47.5\n");
}

TEST(RunReport, DaysAndClockTimesOfLaterDays) {
  sim::Scenario s = tiny_scenario();
  s.horizon.days = 2;
  s.agent_groups[0].staffing = {3, 4, 5, 6};
  sim::Results r = tiny_results();
  r.by_group_interval = {{group_kpis(1)}, {group_kpis(1)}, {group_kpis(1)}, {group_kpis(1)}};
  std::string csv = render_groups_csv(s, r);
  EXPECT_NE(csv.find("\n2,,08:00,team,5,5,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n2,,08:30,team,6,6,"), std::string::npos) << csv;
}

// --- two days from Thursday 29 February 2024, with costs ------------------------------------

// tiny over two days with a start date; team costs 20 per agent-hour, a backup agent none.
sim::Scenario two_day_scenario() {
  sim::Scenario s = tiny_scenario();
  s.horizon.days = 2;
  s.horizon.start_date = 19782;  // 2024-02-29: 54 years of 365 days and 13 leap days, then 58 days
  s.contact_types[0].arrivals.rate_per_s = {0.05, 0.05, 0.05, 0.05};
  s.agent_groups[0].staffing = {3, 4, 3, 4};
  s.agent_groups[0].cost_per_hour = 20;
  sim::AgentGroup backup;
  backup.name = "backup";
  backup.staffing = {1, 1, 1, 1};
  s.agent_groups.push_back(backup);
  return s;
}

// Agent-hours: team 3.5 a day (3 then 4 agents for half an hour), backup 1; cost 20 a team hour.
sim::Results two_day_results() {
  sim::Results r = tiny_results();
  sim::GroupKpis backup;
  backup.occupancy = {0.1, 0.08, 0.12};
  backup.handled_by_type = {{0, 0, 0}};
  backup.handled_share_by_type = {{0, 0, 0}};
  backup.cost = {kNaN, kNaN, kNaN};
  r.by_group.push_back(backup);
  r.by_group[0].agent_hours = {7, 7, 7};
  r.by_group[0].cost = {140, 140, 140};
  r.by_group[1].agent_hours = {2, 2, 2};
  r.agent_hours = {9, 9, 9};
  r.cost = {140, 140, 140};
  r.by_type_day = {{contact_kpis(0.5)}, {contact_kpis(0.5)}};
  r.by_type_day[1][0].asa_s = {1500, 1400, 1600};
  r.by_group_day = {{r.by_group[0], r.by_group[1]}, {r.by_group[0], r.by_group[1]}};
  for (auto& day : r.by_group_day) {
    day[0].agent_hours = {3.5, 3.5, 3.5};
    day[0].cost = {70, 70, 70};
    day[1].agent_hours = {1, 1, 1};
  }
  return r;
}

TEST(RunReport, CostsAndDaysInTheTable) {
  const std::string table = render_summary_table(two_day_scenario(), two_day_results());
  EXPECT_EQ(block(table, "Agent groups"),
            "Agent groups\n"
            "  group             agents  occupancy                        handled  agent-hours  "
            "      cost  share by contact type\n"
            "  team                 3-4  90.0% [88.0%, 92.0%]                95.0          7.0  "
            "     140.0  calls 100.0%\n"
            "  backup                 1  10.0% [8.0%, 12.0%]                  0.0          2.0  "
            "         -  -\n"
            "  all groups                                                                  9.0  "
            "     140.0\n");
  EXPECT_EQ(block(table, "By day"),
            "By day (mean over replications)\n"
            "  day         contact type       offered   service   abandon       ASA\n"
            "  2024-02-29  calls                 50.0     82.0%      3.0%     12.5s\n"
            "  2024-03-01  calls                 50.0     82.0%      3.0%     25.0m\n");
}

TEST(RunReport, DaysCsv) {
  EXPECT_EQ(render_days_csv(two_day_scenario(), two_day_results()),
            "day,date,contact_type" + csv_columns(kContactKpiNames) + "\n" + "1,2024-02-29,calls," +
                kHalfKpisBeforeAsa + ",12.5,10,15," + kHalfKpisAfterAsa + "\n" +
                "2,2024-03-01,calls," + kHalfKpisBeforeAsa + ",1500,1400,1600," +
                kHalfKpisAfterAsa + "\n");
  // Without a start date the date column stays empty.
  sim::Scenario undated = two_day_scenario();
  undated.horizon.start_date.reset();
  const std::string csv = render_days_csv(undated, two_day_results());
  EXPECT_NE(csv.find("\n2,,calls," + kHalfKpisBeforeAsa + ",1500,"), std::string::npos) << csv;
}

TEST(RunReport, CostsAndDaysInJson) {
  auto json = nlohmann::json::parse(render_summary_json(two_day_scenario(), two_day_results()));
  auto estimate = [](double mean, double low, double high) {
    return nlohmann::json{{"mean", mean}, {"ci_low", low}, {"ci_high", high}};
  };
  EXPECT_EQ(json["horizon"]["start_date"], "2024-02-29");
  EXPECT_EQ(json["agent_groups"]["team"]["agent_hours"], estimate(7, 7, 7));
  EXPECT_EQ(json["agent_groups"]["team"]["cost"], estimate(140, 140, 140));
  EXPECT_FALSE(json["agent_groups"]["backup"].contains("cost"));  // no cost per hour
  EXPECT_EQ(json["agent_hours"], estimate(9, 9, 9));
  EXPECT_EQ(json["cost"], estimate(140, 140, 140));
  ASSERT_EQ(json["days"].size(), 2u);
  const auto& second = json["days"][1];
  EXPECT_EQ(second["day"], 2);
  EXPECT_EQ(second["date"], "2024-03-01");
  EXPECT_EQ(second["contact_types"]["calls"]["asa_s"], estimate(1500, 1400, 1600));
  EXPECT_EQ(second["agent_groups"]["team"]["cost"], estimate(70, 70, 70));
  EXPECT_EQ(second["agent_groups"]["backup"]["agent_hours"], estimate(1, 1, 1));
}

// --- issues -------------------------------------------------------------------------------------

// tiny with issues on calls, whose customers complain (type complaints) after two failures; email
// has nothing to do with issues.
sim::Scenario issue_scenario() {
  sim::Scenario s = tiny_scenario();
  s.contact_types[0].issues = sim::IssueModel{};
  sim::RepeatBehaviour repeat;
  repeat.probability = 0.5;
  repeat.complaint_after = 2;
  repeat.complaint_type = 1;
  s.contact_types[0].repeat = repeat;
  for (const char* name : {"complaints", "email"}) {
    sim::ContactType type;
    type.name = name;
    type.arrivals.rate_per_s = {0, 0};
    type.routing = {{0, 0}};
    s.contact_types.push_back(type);
  }
  return s;
}

// Each issue KPI of calls and complaints with a mean of its own: 0.01, 0.02, ... in the order of
// kIssueKpiNames, so that a KPI under another's name shows.
sim::Results issue_results_by_number() {
  sim::Results r = tiny_results();
  r.by_type = {contact_kpis(1), contact_kpis(0.1), contact_kpis(0.2)};
  r.by_type_interval.clear();
  sim::Estimate sim::ContactKpis::*const members[] = {
      &sim::ContactKpis::issues,
      &sim::ContactKpis::issues_resolved,
      &sim::ContactKpis::issues_abandoned,
      &sim::ContactKpis::issues_open_end,
      &sim::ContactKpis::first_contact_resolution,
      &sim::ContactKpis::contacts_per_resolved_issue,
      &sim::ContactKpis::resolution_time_s,
      &sim::ContactKpis::resolution_time_p90_s,
      &sim::ContactKpis::repeat_share,
      &sim::ContactKpis::complaints,
      &sim::ContactKpis::escalation_rate_transfer,
      &sim::ContactKpis::escalation_rate_work_order,
      &sim::ContactKpis::escalation_rate_callback,
      &sim::ContactKpis::escalation_rate_ask_to_call_again,
      &sim::ContactKpis::transfers,
      &sim::ContactKpis::transfer_hold_s,
      &sim::ContactKpis::transfer_abandon_rate,
      &sim::ContactKpis::work_orders,
      &sim::ContactKpis::work_orders_within_deadline,
      &sim::ContactKpis::work_order_age_p90_s,
      &sim::ContactKpis::work_orders_open_end,
      &sim::ContactKpis::work_order_backlog,
      &sim::ContactKpis::callbacks_promised,
      &sim::ContactKpis::callbacks_kept_share,
      &sim::ContactKpis::audits,
  };
  for (std::size_t i = 0; i < std::size(members); ++i) {
    const double mean = 0.01 * static_cast<double>(i + 1);
    r.by_type[0].*members[i] = {mean, mean, mean};
    r.by_type[1].*members[i] = {mean, mean, mean};
  }
  return r;
}

TEST(RunReport, IssueKpisInJsonAndCsv) {
  const sim::Scenario s = issue_scenario();
  const sim::Results r = issue_results_by_number();
  const auto json = nlohmann::ordered_json::parse(render_summary_json(s, r));
  std::vector<std::string> with_issues = kContactKpiNames;
  with_issues.insert(with_issues.end(), kIssueKpiNames.begin(), kIssueKpiNames.end());
  with_issues.push_back("targets");
  std::vector<std::string> without_issues = kContactKpiNames;
  without_issues.push_back("targets");
  auto keys_of = [&](const std::string& type) {
    std::vector<std::string> keys;
    for (const auto& item : json["contact_types"][type].items()) keys.push_back(item.key());
    return keys;
  };
  EXPECT_EQ(keys_of("calls"), with_issues);
  EXPECT_EQ(keys_of("complaints"), with_issues);  // it receives the complaints of calls
  EXPECT_EQ(keys_of("email"), without_issues);
  for (std::size_t i = 0; i < kIssueKpiNames.size(); ++i) {
    EXPECT_EQ(json["contact_types"]["calls"][kIssueKpiNames[i]]["mean"],
              0.01 * static_cast<double>(i + 1))
        << kIssueKpiNames[i];
  }
  // intervals.csv and days.csv have the issue columns for every type once any type tracks issues.
  const std::string header =
      "contact_type" + csv_columns(kContactKpiNames) + csv_columns(kIssueKpiNames) + "\n";
  EXPECT_EQ(render_intervals_csv(s, r), "day,date,interval_start," + header);
  EXPECT_EQ(render_days_csv(s, r), "day,date," + header);
}

TEST(RunReport, IssueBlockOfTheTable) {
  sim::Results r = issue_results_by_number();
  sim::ContactKpis& calls = r.by_type[0];
  calls.issues = {40, 36, 44};
  calls.issues_resolved = {30, 27, 33};
  calls.issues_abandoned = {4, 3, 5};
  calls.issues_open_end = {6, 5, 7};
  calls.first_contact_resolution = {0.55, 0.5, 0.6};
  calls.contacts_per_resolved_issue = {1.24, 1.12, 1.36};
  calls.resolution_time_s = {19080, 7200, 30960};
  calls.resolution_time_p90_s = {207360, 86400, 345600};
  calls.complaints = {2, 1, 3};
  calls.repeat_share = {0.12, 0.1, 0.14};
  calls.escalation_rate_transfer = {0.2, 0.18, 0.22};
  calls.escalation_rate_work_order = {0.1, 0.08, 0.12};
  calls.escalation_rate_callback = {0.05, 0.04, 0.06};
  calls.escalation_rate_ask_to_call_again = {0.03, 0.02, 0.04};
  calls.transfers = {20, 18, 22};
  calls.transfer_hold_s = {95, 45, 150};
  calls.transfer_abandon_rate = {0.1, 0.05, 0.15};
  calls.work_orders = {8, 7, 9};
  calls.work_orders_within_deadline = {0.9, 0.85, 1.02};  // the bound is cut at 100%
  calls.work_order_age_p90_s = {172800, 86400, 216000};
  calls.work_orders_open_end = {1, 0.5, 1.5};
  calls.callbacks_promised = {5, 4, 6};
  calls.callbacks_kept_share = {0.8, 0.7, 0.9};
  r.by_type[1] = contact_kpis(0.1);
  r.by_type[1].repeat_share = {0.3, 0.2, 0.4};
  const std::string table = render_summary_table(issue_scenario(), r);
  EXPECT_EQ(block(table, "  P(wait > 0)"),
            "  P(wait > 0)                      40.0%  [35.0%, 45.0%]\n"
            "  mean wait (all)                   8.0s  [6.5s, 9.5s]\n"
            "  issues (counted in the interval of their first contact)\n"
            "  issues                            40.0  [36.0, 44.0]\n"
            "    resolved                        30.0  [27.0, 33.0]\n"
            "    abandoned for good               4.0  [3.0, 5.0]\n"
            "    open at the end                  6.0  [5.0, 7.0]\n"
            "  first-contact resolution         55.0%  [50.0%, 60.0%]\n"
            "  contacts per resolved issue       1.24  [1.12, 1.36]\n"
            "  resolution time (mean)            5.3h  [120.0m, 8.6h]\n"
            "  resolution time p90              57.6h  [24.0h, 4.0d]\n"
            "  complaints                         2.0  [1.0, 3.0]\n"
            "  repeat contacts / offered        12.0%  [10.0%, 14.0%]\n"
            "  escalations (per contact handled)\n"
            "    transfer                       20.0%  [18.0%, 22.0%]\n"
            "    work order                     10.0%  [8.0%, 12.0%]\n"
            "    call-back promised              5.0%  [4.0%, 6.0%]\n"
            "    asked to call again             3.0%  [2.0%, 4.0%]\n"
            "  transfer hold (mean)             95.0s  [45.0s, 150.0s]\n"
            "  transfers abandoned on hold      10.0%  [5.0%, 15.0%]\n"
            "  work orders                        8.0  [7.0, 9.0]\n"
            "    within deadline                90.0%  [85.0%, 100.0%]\n"
            "    age p90                        48.0h  [24.0h, 60.0h]\n"
            "    open at the end                  1.0  [0.5, 1.5]\n"
            "  call-backs promised                5.0  [4.0, 6.0]\n"
            "    kept (reached in time)         80.0%  [70.0%, 90.0%]\n");
  // complaints: contacts about issues, but no issues of their own and nothing escalated.
  const std::string mean_wait = "  mean wait (all)                   8.0s  [6.5s, 9.5s]\n";
  EXPECT_TRUE(block(table, "Contact type complaints")
                  .ends_with(mean_wait +
                             "  repeat contacts / offered        30.0%  [20.0%, 40.0%]\n"
                             "  escalations (per contact handled)\n"
                             "    transfer                        0.0%  [0.0%, 0.0%]\n"
                             "    work order                      0.0%  [0.0%, 0.0%]\n"
                             "    call-back promised              0.0%  [0.0%, 0.0%]\n"
                             "    asked to call again             0.0%  [0.0%, 0.0%]\n"))
      << table;
  EXPECT_TRUE(block(table, "Contact type email").ends_with(mean_wait)) << table;
}

}  // namespace
}  // namespace staffsim::tools
