#include "tools/run_report.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <string>

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
  s.agent_groups = {{"team", {3, 4}, {}}};
  return s;
}

sim::ContactKpis contact_kpis(double scale) {
  sim::ContactKpis k;
  k.offered = {100 * scale, 90 * scale, 110 * scale};
  k.answered = {95 * scale, 85 * scale, 105 * scale};
  k.abandoned = {5 * scale, 4 * scale, 6 * scale};
  k.service_level = {0.82, 0.78, 0.86};
  k.abandon_rate = {0.03, 0.02, 0.04};
  k.asa_s = {12.5, 10, 15};
  k.wait_p90_s = {40, 35, 45};
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
  r.by_group_interval = {{group_kpis(0.5)}, {group_kpis(0.5)}};
  return r;
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
            "\n"
            "Agent groups\n"
            "  group             agents  occupancy                        handled  share by "
            "contact type\n"
            "  team                 3-4  90.0% [88.0%, 92.0%]                95.0  calls 100.0%\n");
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
      "targets": {
        "service_level": {"within_s": 20, "at_least": 0.8, "definition": "offered",
                          "verdict": "uncertain"},
        "abandon_rate": {"at_most": 0.05, "verdict": "met"}}}},
    "agent_groups": {"team": {
      "occupancy": {"mean": 0.9, "ci_low": 0.88, "ci_high": 0.92},
      "handled": {"mean": 95, "ci_low": 85, "ci_high": 105},
      "handled_share": {"calls": {"mean": 1, "ci_low": 1, "ci_high": 1}}}}
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

TEST(RunReport, IntervalsCsv) {
  EXPECT_EQ(render_intervals_csv(tiny_scenario(), tiny_results()),
            "day,interval_start,contact_type,offered,offered_ci_low,offered_ci_high,answered,"
            "answered_ci_low,answered_ci_high,abandoned,abandoned_ci_low,abandoned_ci_high,"
            "service_level,service_level_ci_low,service_level_ci_high,asa_s,asa_s_ci_low,"
            "asa_s_ci_high,abandon_rate,abandon_rate_ci_low,abandon_rate_ci_high,wait_p90_s,"
            "wait_p90_s_ci_low,wait_p90_s_ci_high\n"
            "1,08:00,calls,50,45,55,47.5,42.5,52.5,2.5,2,3,0.82,0.78,0.86,12.5,10,15,0.03,0.02,"
            "0.04,40,35,45\n"
            "1,08:30,calls,50,45,55,47.5,42.5,52.5,2.5,2,3,0.82,0.78,0.86,12.25,,,0.03,0.02,"
            "0.04,40,35,45\n");
}

TEST(RunReport, GroupsCsv) {
  EXPECT_EQ(render_groups_csv(tiny_scenario(), tiny_results()),
            "day,interval_start,group,agents,occupancy,occupancy_ci_low,occupancy_ci_high,"
            "handled,handled_ci_low,handled_ci_high,handled_calls\n"
            "1,08:00,team,3,0.9,0.88,0.92,47.5,42.5,52.5,47.5\n"
            "1,08:30,team,4,0.9,0.88,0.92,47.5,42.5,52.5,47.5\n");
}

TEST(RunReport, DaysAndClockTimesOfLaterDays) {
  sim::Scenario s = tiny_scenario();
  s.horizon.days = 2;
  s.agent_groups[0].staffing = {3, 4, 5, 6};
  sim::Results r = tiny_results();
  r.by_group_interval = {{group_kpis(1)}, {group_kpis(1)}, {group_kpis(1)}, {group_kpis(1)}};
  std::string csv = render_groups_csv(s, r);
  EXPECT_NE(csv.find("\n2,08:00,team,5,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n2,08:30,team,6,"), std::string::npos) << csv;
}

}  // namespace
}  // namespace staffsim::tools
