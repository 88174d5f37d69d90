#include "tools/html_page.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/html_report_checks.hpp"
#include "tools/chart_js.hpp"

namespace staffsim::tools {
namespace {

using testing::count_of;
using testing::embedded_report_data;
using testing::external_references;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

HtmlChart interval_chart(const std::string& id) {
  HtmlChart chart;
  chart.id = id;
  chart.title = "Offered & answered <per interval>";
  chart.note = "A note.";
  chart.x_title = "interval start";
  chart.x_labels = {"09:00", "09:30", "10:00"};
  chart.y = {"contacts", ValueUnit::count, 0.0, std::nullopt};
  ChartSeries offered;
  offered.label = "offered";
  offered.values = {10, 12.25, kNaN};
  offered.ci_low = {8, 11, kNaN};
  offered.ci_high = {12, 13.5, kNaN};
  chart.series.push_back(offered);
  ChartSeries agents;
  agents.label = "agents";
  agents.values = {3, 4, 4};
  agents.style = SeriesStyle::step;
  agents.color = "#123456";
  chart.series.push_back(agents);
  chart.targets.push_back({"target <= 11", 11, "", false});
  chart.table_columns.push_back({"verdict", {"met", "missed", ""}});
  return chart;
}

HtmlPage two_chart_page() {
  HtmlPage page;
  page.title = "A & B";
  page.facts = {{"Scenario", "x < y"}};
  HtmlSection section;
  section.title = "Section";
  section.tables.push_back({"Summary", {"name", "value"}, {{"a", "1"}, {"b", "2"}}});
  section.charts.push_back(interval_chart("first"));
  HtmlChart frontier;
  frontier.id = "frontier";
  frontier.title = "Cost against service level";
  frontier.x_numeric = ChartAxis{"service level", ValueUnit::percent, std::nullopt, std::nullopt};
  frontier.y = {"cost", ValueUnit::count, std::nullopt, std::nullopt};
  ChartSeries plans;
  plans.label = "plans";
  plans.x = {0.7, 0.8, 0.9};
  plans.values = {1000, 1200, 1500};
  plans.style = SeriesStyle::points;
  frontier.series.push_back(plans);
  section.charts.push_back(frontier);
  page.sections.push_back(section);
  return page;
}

TEST(FormatValue, EachUnitAsTheTablesShowIt) {
  EXPECT_EQ(format_value(29829.66, ValueUnit::count), "29829.7");
  EXPECT_EQ(format_value(46, ValueUnit::count), "46.0");
  EXPECT_EQ(format_value(0.8512, ValueUnit::percent), "85.1%");
  EXPECT_EQ(format_value(12.54, ValueUnit::seconds), "12.5s");
  EXPECT_EQ(format_value(1704, ValueUnit::seconds), "28.4m");
  EXPECT_EQ(format_value(5.3 * 3600, ValueUnit::seconds), "5.3h");
  EXPECT_EQ(format_value(2.4 * 86400, ValueUnit::seconds), "57.6h");  // below 3 days: hours
  EXPECT_EQ(format_value(3.5 * 86400, ValueUnit::seconds), "3.5d");
  EXPECT_EQ(format_value(1.346, ValueUnit::ratio), "1.35");
  EXPECT_EQ(format_value(kNaN, ValueUnit::percent), "-");
  EXPECT_EQ(format_value(std::numeric_limits<double>::infinity(), ValueUnit::count), "-");
}

TEST(HtmlEscape, EscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
  EXPECT_EQ(html_escape("plain"), "plain");
}

TEST(JsonForScript, NoClosingTagOrCommentCanOccur) {
  nlohmann::ordered_json data = {{"name", "</script><!-- x"}, {"n", 1}};
  const std::string text = json_for_script(data);
  EXPECT_EQ(text, R"({"name":"\u003c/script>\u003c!-- x","n":1})");
  EXPECT_EQ(nlohmann::json::parse(text)["name"], "</script><!-- x");  // still the same JSON
}

TEST(HtmlPageData, NotFiniteNumbersAreNullAndNumbersHaveSixDigits) {
  const auto data = html_page_data(two_chart_page());
  ASSERT_EQ(data["charts"].size(), 2u);
  const auto& chart = data["charts"][0];
  EXPECT_EQ(chart["id"], "first");
  EXPECT_EQ(chart["x"]["labels"], nlohmann::ordered_json({"09:00", "09:30", "10:00"}));
  EXPECT_EQ(chart["y"]["unit"], "count");
  EXPECT_EQ(chart["y"]["min"], 0);
  EXPECT_FALSE(chart["y"].contains("max"));
  const auto& offered = chart["series"][0];
  EXPECT_EQ(offered["color"], palette_color(0));  // no colour of its own: the palette's
  EXPECT_EQ(offered["style"], "line");
  EXPECT_EQ(offered["axis"], "y");
  EXPECT_EQ(offered["values"].dump(), "[10.0,12.25,null]");
  EXPECT_EQ(offered["low"].dump(), "[8.0,11.0,null]");
  EXPECT_EQ(offered["high"].dump(), "[12.0,13.5,null]");
  const auto& agents = chart["series"][1];
  EXPECT_EQ(agents["color"], "#123456");
  EXPECT_EQ(agents["style"], "step");
  EXPECT_FALSE(agents.contains("low"));  // no band
  EXPECT_EQ(chart["targets"][0]["label"], "target <= 11");
  EXPECT_EQ(chart["targets"][0]["value"], 11);

  const auto& frontier = data["charts"][1];
  EXPECT_EQ(frontier["x"]["unit"], "percent");
  EXPECT_EQ(frontier["x"]["title"], "service level");
  EXPECT_FALSE(frontier["x"].contains("labels"));
  EXPECT_EQ(frontier["series"][0]["x"].dump(), "[0.7,0.8,0.9]");

  HtmlPage page = two_chart_page();
  page.sections[0].charts[0].series[0].values[0] = 1.0 / 3;
  EXPECT_EQ(html_page_data(page)["charts"][0]["series"][0]["values"][0].dump(), "0.333333");
}

TEST(RenderHtmlPage, OneCanvasAndOneTablePerChartAndTheDataEmbedded) {
  const std::string html = render_html_page(two_chart_page());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0), 0u);
  EXPECT_EQ(html.substr(html.size() - 8), "</html>\n");
  EXPECT_NE(html.find("<title>A &amp; B</title>"), std::string::npos);
  EXPECT_NE(html.find("<dt>Scenario</dt><dd>x &lt; y</dd>"), std::string::npos);
  EXPECT_EQ(count_of(html, "<canvas "), 2u);
  EXPECT_NE(html.find("<canvas id=\"chart-first\" data-chart=\"first\""), std::string::npos);
  EXPECT_NE(html.find("<canvas id=\"chart-frontier\" data-chart=\"frontier\""), std::string::npos);
  EXPECT_EQ(count_of(html, "<table"), 3u);  // the summary and one per chart
  EXPECT_EQ(embedded_report_data(html), html_page_data(two_chart_page()));
  // The chart's table: its caption names the targets; each row the label, the value and its
  // interval, the agents and the extra column; an undefined value or interval reads "-".
  EXPECT_NE(html.find("<caption>Offered &amp; answered &lt;per interval&gt; (target &lt;= "
                      "11)</caption><thead><tr><th scope=\"col\">interval start</th><th "
                      "scope=\"col\">offered</th><th scope=\"col\">offered 95% CI</th><th "
                      "scope=\"col\">agents</th><th scope=\"col\">verdict</th></tr></thead>"),
            std::string::npos);
  EXPECT_NE(html.find("<tr><th scope=\"row\">09:30</th><td>12.2</td><td>[11.0, 13.5]</td><td>4.0</"
                      "td><td>missed</td></tr>"),
            std::string::npos);
  EXPECT_NE(html.find("<tr><th scope=\"row\">10:00</th><td>-</td><td>-</td><td>4.0</td><td></td></"
                      "tr>"),
            std::string::npos);
  // A numeric x axis: a row per point.
  EXPECT_NE(
      html.find("<tr><th scope=\"row\">plans</th><td>80.0%</td><td>1200.0</td><td></td></tr>"),
      std::string::npos);
}

TEST(RenderHtmlPage, SelfContained) {
  const std::string html = render_html_page(two_chart_page());
  EXPECT_EQ(external_references(html), std::vector<std::string>{});
  // Chart.js is in the page, exactly once; the only URLs are those of its own comments.
  EXPECT_EQ(count_of(html, std::string(chart_js())), 1u);
  EXPECT_EQ(count_of(html, "http"), count_of(std::string(chart_js()), "http"));
  // Four inline scripts: the error collector, the data, Chart.js and the drawing script.
  EXPECT_EQ(count_of(html, "<script"), 4u);
  EXPECT_EQ(count_of(html, "</script>"), 4u);
}

void expect_invalid(const HtmlPage& page, const std::string& message) {
  try {
    render_html_page(page);
    ADD_FAILURE() << "no exception, expected: " << message;
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(RenderHtmlPage, MalformedChartsAreRefused) {
  HtmlPage page = two_chart_page();
  page.sections[0].charts[1].id = "first";
  expect_invalid(page, "chart \"first\": id used twice");

  page = two_chart_page();
  page.sections[0].charts[0].id = "a b";
  expect_invalid(page,
                 "chart \"a b\": id with a character other than letters, digits, '-' and '_'");

  page = two_chart_page();
  page.sections[0].charts[0].id.clear();
  expect_invalid(page, "chart \"\": empty id");

  page = two_chart_page();
  page.sections[0].charts[0].series[1].values.pop_back();
  expect_invalid(page, "chart \"first\": series \"agents\" has 2 values for 3 labels");

  page = two_chart_page();
  page.sections[0].charts[0].series[0].ci_high.pop_back();
  expect_invalid(page,
                 "chart \"first\": series \"offered\": its band is not as long as its values");

  page = two_chart_page();
  page.sections[0].charts[1].series[0].x.pop_back();
  expect_invalid(page, "chart \"frontier\": series \"plans\" has 3 values for 2 x values");

  page = two_chart_page();
  page.sections[0].charts[0].series[0].right_axis = true;
  expect_invalid(page, "chart \"first\": series \"offered\" on a second axis it lacks");

  page = two_chart_page();
  page.sections[0].charts[0].series[1].color = "red";
  expect_invalid(page, "chart \"first\": series \"agents\": colour \"red\" is not #rrggbb");

  page = two_chart_page();
  page.sections[0].charts[0].targets[0].color = "#12345";
  expect_invalid(page,
                 "chart \"first\": target \"target <= 11\": colour \"#12345\" is not #rrggbb");

  page = two_chart_page();
  page.sections[0].charts[0].table_columns[0].values.pop_back();
  expect_invalid(page, "chart \"first\": table column \"verdict\" has 2 values for 3 labels");
}

}  // namespace
}  // namespace staffsim::tools
