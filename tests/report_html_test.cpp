#include "tools/report_html.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "tests/html_report_checks.hpp"
#include "tools/chart_js.hpp"
#include "tools/run_report.hpp"
#include "tools/scenario_yaml.hpp"

namespace staffsim::tools {
namespace {

using testing::count_of;
using testing::embedded_report_data;
using testing::external_references;

// Two contact types, two groups, two half-hours from 09:00; the VIP desk opens at 09:30.
const char* const kScenario = R"(name: small <test> line
horizon: {interval: 30m, intervals: 2, start: "09:00"}
replications: 4
seed: 11
contact_types:
  - name: general
    arrivals: {per_interval: [12, 18]}
    handle_time: {distribution: exponential, mean: 4m}
    patience: {distribution: exponential, mean: 2m}
    targets: {service_level: {within: 20s, at_least: 80%}, max_abandon: 5%, max_asa: 30s}
  - name: vip
    priority: 1
    arrivals: {rate: 6/h}
    handle_time: {distribution: lognormal, mean: 5m, sd: 3m}
agent_groups:
  - {name: vip_desk, staffing: 2, hours: "09:30-10:00"}
  - {name: frontline, staffing: [3, 4]}
routing:
  general: [{group: frontline}]
  vip: [{group: vip_desk}, {group: frontline, after: 30s}]
)";

sim::Scenario scenario_with(const std::string& horizon) {
  std::string text = kScenario;
  const std::string one_day = R"(horizon: {interval: 30m, intervals: 2, start: "09:00"})";
  text.replace(text.find(one_day), one_day.size(), horizon);
  return parse_scenario_yaml(text, "plan.yaml");
}

// The scenario simulated with `replications` replications.
sim::Results simulate_with(const sim::Scenario& scenario, int replications) {
  sim::RunOptions options;
  options.replications_override = replications;
  return sim::simulate(scenario, options);
}

sim::Scenario one_day() {
  return parse_scenario_yaml(kScenario, "plan.yaml");
}

std::vector<std::string> chart_ids(const HtmlPage& page) {
  std::vector<std::string> ids;
  for (const auto& section : page.sections) {
    for (const auto& chart : section.charts) ids.push_back(chart.id);
  }
  return ids;
}

std::vector<std::string> section_titles(const HtmlPage& page) {
  std::vector<std::string> titles;
  for (const auto& section : page.sections) titles.push_back(section.title);
  return titles;
}

const HtmlChart& chart_of(const HtmlPage& page, const std::string& id) {
  for (const auto& section : page.sections) {
    for (const auto& chart : section.charts) {
      if (chart.id == id) return chart;
    }
  }
  throw std::out_of_range("no chart " + id);
}

TEST(RunReportPage, ChartsOfOneDay) {
  const sim::Scenario scenario = one_day();
  const sim::Results results = sim::simulate(scenario);
  const HtmlPage page = run_report_page({scenario, results, {}});
  EXPECT_EQ(page.title, "staffsim run: small <test> line");
  ASSERT_EQ(page.facts.size(), 3u);
  EXPECT_EQ(page.facts[1].second, "1 day, 09:00 to 10:00 in 2 intervals of 30m");
  EXPECT_EQ(page.facts[2].second,
            "4 replications, seed 11; each figure is a mean with its 95% confidence interval (the "
            "shaded band)");
  EXPECT_EQ(section_titles(page), (std::vector<std::string>{"Summary", "Contact type general",
                                                            "Contact type vip", "Agent groups"}));
  EXPECT_EQ(chart_ids(page),
            (std::vector<std::string>{"offered-type1", "service-level-type1", "abandon-rate-type1",
                                      "queue-wait-type1", "offered-type2", "service-level-type2",
                                      "abandon-rate-type2", "queue-wait-type2", "staffing",
                                      "occupancy"}));

  // Offered: the means and the confidence bounds of each interval, labelled by clock time.
  const HtmlChart& offered = chart_of(page, "offered-type1");
  EXPECT_EQ(offered.x_labels, (std::vector<std::string>{"09:00", "09:30"}));
  ASSERT_EQ(offered.series.size(), 1u);
  for (std::size_t i = 0; i < 2; ++i) {
    const sim::Estimate& e = results.by_type_interval[i][0].offered;
    EXPECT_EQ(offered.series[0].values[i], e.mean);
    EXPECT_EQ(offered.series[0].ci_low[i], std::max(e.ci_low, 0.0));
    EXPECT_EQ(offered.series[0].ci_high[i], e.ci_high);
  }
  // Service level and abandon rate against the targets, each interval's verdict in the table.
  const HtmlChart& service = chart_of(page, "service-level-type1");
  EXPECT_EQ(service.title, "general: service level 20s per interval");
  ASSERT_EQ(service.targets.size(), 1u);
  EXPECT_EQ(service.targets[0].label, "target >= 80.0%");
  EXPECT_EQ(service.targets[0].value, 0.8);
  ASSERT_EQ(service.table_columns.size(), 1u);
  EXPECT_EQ(service.table_columns[0].values[0],
            verdict_word(results.by_type_interval[0][0].verdicts.service_level));
  EXPECT_EQ(chart_of(page, "abandon-rate-type1").targets[0].value, 0.05);
  EXPECT_TRUE(chart_of(page, "service-level-type2").targets.empty());  // vip has no targets
  EXPECT_TRUE(chart_of(page, "service-level-type2").table_columns.empty());
  // Queue on the left, ASA and its target on the right.
  const HtmlChart& queue = chart_of(page, "queue-wait-type1");
  ASSERT_EQ(queue.series.size(), 2u);
  EXPECT_EQ(queue.series[0].label, "mean queue length");
  EXPECT_FALSE(queue.series[0].right_axis);
  EXPECT_EQ(queue.series[1].label, "ASA");
  EXPECT_TRUE(queue.series[1].right_axis);
  ASSERT_EQ(queue.targets.size(), 1u);
  EXPECT_TRUE(queue.targets[0].right_axis);
  EXPECT_EQ(queue.targets[0].value, 30);
  // Agents on duty: the staffing, 0 while the VIP desk is closed; no requirement given.
  const HtmlChart& staffing = chart_of(page, "staffing");
  EXPECT_EQ(staffing.title, "Agents on duty per interval");
  ASSERT_EQ(staffing.series.size(), 2u);
  EXPECT_EQ(staffing.series[0].label, "vip_desk on duty");
  EXPECT_EQ(staffing.series[0].values, (std::vector<double>{0, 2}));
  EXPECT_EQ(staffing.series[0].style, SeriesStyle::step);
  EXPECT_EQ(staffing.series[1].values, (std::vector<double>{3, 4}));
  const HtmlChart& occupancy = chart_of(page, "occupancy");
  ASSERT_EQ(occupancy.series.size(), 2u);
  EXPECT_EQ(occupancy.series[1].values[1], results.by_group_interval[1][1].occupancy.mean);
  EXPECT_EQ(occupancy.y.max, 1.0);
}

TEST(RunReportPage, RequirementAgainstStaffing) {
  const sim::Scenario scenario = one_day();
  const sim::Results results = simulate_with(scenario, 2);
  const HtmlPage page = run_report_page({scenario, results, {{}, {2.5, std::nan("")}}});
  const HtmlChart& staffing = chart_of(page, "staffing");
  EXPECT_EQ(staffing.title, "Agents on duty against the requirement");
  ASSERT_EQ(staffing.series.size(), 3u);  // vip_desk has no requirement
  EXPECT_EQ(staffing.series[2].label, "frontline required");
  EXPECT_EQ(staffing.series[2].style, SeriesStyle::dashed);
  EXPECT_EQ(staffing.series[2].color, staffing.series[1].color);  // the group's colour
  EXPECT_EQ(staffing.series[2].values[0], 2.5);
  EXPECT_EQ(embedded_report_data(render_run_report_html(
                {scenario, results, {{}, {2.5, NAN}}}))["charts"][8]["series"][2]["values"]
                .dump(),
            "[2.5,null]");
}

TEST(RunReportPage, RequirementOfAnotherShapeIsRefused) {
  const sim::Scenario scenario = one_day();
  const sim::Results results = simulate_with(scenario, 2);
  try {
    run_report_page({scenario, results, {{1, 2}}});
    ADD_FAILURE() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "requirement: expected one row per agent group (2), found 1");
  }
  try {
    run_report_page({scenario, results, {{1, 2}, {1, 2, 3}}});
    ADD_FAILURE() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()),
              "requirement of frontline: expected one value per interval of the horizon (2), "
              "found 3");
  }
}

TEST(RunReportPage, SeveralDaysAreLabelledByDateAndHaveTheirCharts) {
  const sim::Scenario scenario = scenario_with(
      R"(horizon: {interval: 30m, intervals: 2, start: "09:00", days: 2, start_date: 2003-10-13})");
  const sim::Results results = simulate_with(scenario, 2);
  const HtmlPage page = run_report_page({scenario, results, {}});
  EXPECT_EQ(page.facts[1].second,
            "2 days from Mon 2003-10-13, 09:00 to 10:00 in 2 intervals of 30m");
  EXPECT_EQ(chart_of(page, "offered-type1").x_labels,
            (std::vector<std::string>{"Mon 2003-10-13 09:00", "Mon 2003-10-13 09:30",
                                      "Tue 2003-10-14 09:00", "Tue 2003-10-14 09:30"}));
  EXPECT_EQ(section_titles(page).back(), "By day");
  const HtmlChart& service = chart_of(page, "days-service-level");
  EXPECT_EQ(service.x_labels, (std::vector<std::string>{"Mon 2003-10-13", "Tue 2003-10-14"}));
  ASSERT_EQ(service.series.size(), 2u);  // one per contact type
  EXPECT_EQ(service.series[0].label, "general service level 20s");
  EXPECT_EQ(service.series[0].values[1], results.by_type_day[1][0].service_level.mean);
  ASSERT_EQ(service.targets.size(), 1u);  // general's; vip has none
  EXPECT_EQ(service.targets[0].label, "general target >= 80.0%");
  EXPECT_EQ(service.targets[0].color, service.series[0].color);
  EXPECT_NO_THROW(chart_of(page, "days-offered"));
  EXPECT_NO_THROW(chart_of(page, "days-abandon-rate"));

  const sim::Scenario undated =
      scenario_with(R"(horizon: {interval: 30m, intervals: 2, start: "09:00", days: 2})");
  const HtmlPage plain = run_report_page({undated, sim::simulate(undated), {}});
  EXPECT_EQ(chart_of(plain, "occupancy").x_labels[2], "day 2 09:00");
  EXPECT_EQ(chart_of(plain, "days-offered").x_labels, (std::vector<std::string>{"day 1", "day 2"}));
}

TEST(RunReportPage, IssuesHaveTheirOutcomes) {
  const sim::Scenario scenario =
      load_scenario_file(std::string(STAFFSIM_SOURCE_DIR) + "/scenarios/telecom-authority.yaml");
  const sim::Results results = simulate_with(scenario, 2);
  const HtmlPage page = run_report_page({scenario, results, {}});
  ASSERT_EQ(section_titles(page).back(), "Issues");
  const HtmlSection& issues = page.sections.back();
  ASSERT_EQ(issues.tables.size(), 1u);
  ASSERT_EQ(issues.tables[0].rows.size(), 1u);  // issues open with support calls only
  EXPECT_EQ(issues.tables[0].rows[0][0], "support");
  const HtmlChart& outcomes = chart_of(page, "issue-outcomes");
  EXPECT_EQ(outcomes.x_labels.size(), 9u);
  EXPECT_EQ(outcomes.x_labels[0], "first-contact resolution");
  ASSERT_EQ(outcomes.series.size(), 2u);  // support, and complaint (complaints are repeats)
  EXPECT_EQ(outcomes.series[0].style, SeriesStyle::bar);
  EXPECT_EQ(outcomes.series[0].values[0], results.by_type[0].first_contact_resolution.mean);
}

// One replication: no confidence interval, so null bounds in the data and "-" in the tables.
TEST(RenderRunReportHtml, OneReplicationHasNoBands) {
  const sim::Scenario scenario = one_day();
  const sim::Results results = simulate_with(scenario, 1);
  const std::string html = render_run_report_html({scenario, results, {}});
  const auto data = embedded_report_data(html);
  ASSERT_TRUE(data.is_object());
  EXPECT_EQ(data["charts"][0]["series"][0]["low"].dump(), "[null,null]");
  EXPECT_EQ(data["charts"][0]["series"][0]["high"].dump(), "[null,null]");
  std::string own = html;  // the page without the library, which has its own NaN checks
  own.erase(own.find(chart_js()), chart_js().size());
  EXPECT_EQ(own.find("NaN"), std::string::npos);
  for (const char* printed : {">nan", "[nan", "nan]", "-nan"}) {  // as printf writes NaN
    EXPECT_EQ(own.find(printed), std::string::npos) << printed;
  }
  EXPECT_NE(html.find("<td>-</td>"), std::string::npos);
}

TEST(RenderRunReportHtml, SelfContainedWithOneCanvasPerChart) {
  const sim::Scenario scenario = one_day();
  const sim::Results results = sim::simulate(scenario);
  const std::string html = render_run_report_html({scenario, results, {}});
  EXPECT_EQ(external_references(html), std::vector<std::string>{});
  const auto data = embedded_report_data(html);
  EXPECT_EQ(data, html_page_data(run_report_page({scenario, results, {}})));
  ASSERT_EQ(data["charts"].size(), 10u);
  EXPECT_EQ(count_of(html, "<canvas "), 10u);
  for (const auto& chart : data["charts"]) {
    const std::string id = chart["id"];
    EXPECT_EQ(count_of(html, "<canvas id=\"chart-" + id + "\""), 1u) << id;
  }
  // The scenario's name is escaped in the page and in its data.
  EXPECT_NE(html.find("<h1>staffsim run: small &lt;test&gt; line</h1>"), std::string::npos);
  EXPECT_NE(html.find(R"("title":"staffsim run: small \u003ctest> line")"), std::string::npos);
}

}  // namespace
}  // namespace staffsim::tools
