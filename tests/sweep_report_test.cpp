#include "tools/sweep_report.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "tests/html_report_checks.hpp"

namespace staffsim::tools {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(SweepFrontier, NoOtherPointIsCheaperAndBetter) {
  // Point 2 costs more than point 1 for a lower level; point 4 ties point 3 on cost, lower level.
  const std::vector<double> cost = {10, 12, 13, 15, 15, kNaN};
  const std::vector<double> level = {0.5, 0.8, 0.7, 0.9, 0.85, 0.99};
  EXPECT_EQ(frontier_points(cost, level),
            (std::vector<bool>{true, true, false, true, false, false}));
  EXPECT_EQ(frontier_points({}, {}), std::vector<bool>{});
  // Equal points are both on it: neither is strictly better.
  EXPECT_EQ(frontier_points({5, 5}, {0.8, 0.8}), (std::vector<bool>{true, true}));
}

TEST(SweepFrontier, WorstServiceLevelSkipsUndefinedTypes) {
  sim::Results r;
  r.by_type.resize(3);
  r.by_type[0].service_level.mean = 0.9;
  r.by_type[1].service_level.mean = kNaN;
  r.by_type[2].service_level.mean = 0.7;
  EXPECT_DOUBLE_EQ(worst_service_level(r), 0.7);
  r.by_type = {r.by_type[1]};
  EXPECT_TRUE(std::isnan(worst_service_level(r)));
}

// A 3 x 2 grid by hand: staffing 12, 10, 11 (given unsorted) by arrival factor 0.9, 1.1.
struct Grid {
  sim::Scenario scenario;
  std::vector<sim::Results> results;
  Sweep sweep;

  Grid(std::vector<std::string> first_values, std::vector<std::string> second_values) {
    scenario.name = "grid";
    sim::ContactType calls;
    calls.name = "calls";
    calls.targets.service_level = sim::ServiceLevelTarget{};
    calls.targets.service_level->at_least = 0.8;
    calls.targets.max_abandon = 0.05;
    scenario.contact_types.push_back(calls);
    sweep.axes = {{"frontline.staffing", std::move(first_values)}};
    if (!second_values.empty()) {
      sweep.axes.push_back({"calls.arrivals.factor", std::move(second_values)});
    }
    const std::size_t rest = sweep.axes.size() > 1 ? sweep.axes[1].values.size() : 1;
    const std::size_t n = sweep.axes[0].values.size() * rest;
    results.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      sim::ContactKpis kpis;
      kpis.service_level = {0.5 + 0.01 * static_cast<double>(k), 0.4, 0.6};
      kpis.abandon_rate = {0.02 * static_cast<double>(k), 0.0, 0.1};
      results[k].by_type = {kpis};
      results[k].agent_hours = {100.0 + static_cast<double>(k), 99, 101};
      results[k].cost = {kNaN, kNaN, kNaN};
    }
    sweep.replications = 7;
    sweep.seed = 3;
    for (std::size_t k = 0; k < n; ++k) {
      SweepPoint point;
      point.values.push_back(sweep.axes[0].values[k / rest]);
      if (rest > 1) point.values.push_back(sweep.axes[1].values[k % rest]);
      point.scenario = &scenario;
      point.results = &results[k];
      point.frontier_cost = results[k].agent_hours.mean;
      point.worst_service_level = results[k].by_type[0].service_level.mean;
      point.frontier = k % 2 == 0;
      sweep.points.push_back(point);
    }
  }
};

TEST(SweepReportPage, GridHasASeriesPerValueOfTheSecondFieldSortedByTheFirst) {
  const Grid grid({"12", "10", "11"}, {"0.9", "1.1"});
  const HtmlPage page = sweep_report_page(grid.sweep);
  ASSERT_EQ(page.sections.size(), 2u);
  const HtmlChart& frontier = page.sections[0].charts.at(0);
  EXPECT_EQ(frontier.id, "frontier");
  ASSERT_TRUE(frontier.x_numeric.has_value());
  EXPECT_EQ(frontier.x_numeric->title, "agent-hours");
  ASSERT_EQ(frontier.series.size(), 2u);
  EXPECT_EQ(frontier.series[0].x, (std::vector<double>{100, 101, 102, 103, 104, 105}));
  EXPECT_EQ(frontier.series[1].label, "frontier");
  EXPECT_EQ(frontier.series[1].x, (std::vector<double>{100, 102, 104}));
  ASSERT_EQ(frontier.targets.size(), 1u);
  EXPECT_EQ(frontier.targets[0].label, "calls target >= 80.0%");
  ASSERT_EQ(page.sections[0].tables.size(), 1u);
  EXPECT_EQ(page.sections[0].tables[0].rows.size(), 6u);
  EXPECT_EQ(page.sections[0].tables[0].rows[1][0], "12");
  EXPECT_EQ(page.sections[0].tables[0].rows[1][1], "1.1");

  const HtmlChart& service = page.sections[1].charts.at(0);
  EXPECT_EQ(service.id, "service-level-type1");
  ASSERT_TRUE(service.x_numeric.has_value());
  EXPECT_EQ(service.x_numeric->unit, ValueUnit::count);
  ASSERT_EQ(service.series.size(), 2u);
  EXPECT_EQ(service.series[1].label, "calls.arrivals.factor=1.1");
  // x sorted: 10 (points 2, 3), 11 (4, 5), 12 (0, 1).
  EXPECT_EQ(service.series[0].x, (std::vector<double>{10, 11, 12}));
  EXPECT_EQ(service.series[0].values, (std::vector<double>{0.52, 0.54, 0.5}));
  EXPECT_EQ(service.series[1].values, (std::vector<double>{0.53, 0.55, 0.51}));
  EXPECT_EQ(service.series[1].ci_low.size(), 3u);  // two series: bands
  EXPECT_EQ(service.targets.at(0).value, 0.8);
  const HtmlChart& abandon = page.sections[1].charts.at(1);
  EXPECT_EQ(abandon.id, "abandon-rate-type1");
  EXPECT_EQ(abandon.targets.at(0).value, 0.05);

  const std::string html = render_sweep_report_html(grid.sweep);
  EXPECT_EQ(testing::count_of(html, "<canvas "), 3u);
  EXPECT_EQ(testing::external_references(html), std::vector<std::string>{});
}

TEST(SweepReportPage, ValuesThatAreNotPlainNumbersAreLabelsInTheirOrder) {
  const Grid grid({"5m", "3m", "4m"}, {});
  const HtmlPage page = sweep_report_page(grid.sweep);
  const HtmlChart& service = page.sections[1].charts.at(0);
  EXPECT_FALSE(service.x_numeric.has_value());
  EXPECT_EQ(service.x_labels, (std::vector<std::string>{"5m", "3m", "4m"}));
  ASSERT_EQ(service.series.size(), 1u);
  EXPECT_EQ(service.series[0].label, "service level 20s");
  EXPECT_EQ(service.series[0].values, (std::vector<double>{0.5, 0.51, 0.52}));
  // Fractions: the ratio unit on a numeric axis.
  const Grid factors({"0.9", "1.05"}, {});
  EXPECT_EQ(sweep_report_page(factors.sweep).sections[1].charts[0].x_numeric->unit,
            ValueUnit::ratio);
}

}  // namespace
}  // namespace staffsim::tools
