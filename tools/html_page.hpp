// Self-contained HTML reports: the page skeleton every report shares (the run report of
// tools/report_html.hpp; comparisons of plans and sweeps can build on it too).
//
// A report is described as data: sections of charts, each chart a list of series over either
// labelled x positions (intervals, days, KPI names) or a numeric x axis (a cost against a service
// level, say). render_html_page turns that description into one HTML file that needs nothing
// else: the CSS, Chart.js (embedded at build time, tools/chart_js.hpp) and a small script that
// draws every chart from the page's data, one JSON object in a <script type="application/json">
// element. Under each chart a table holds the same numbers, so the file also reads without
// JavaScript, prints, and can be searched.
//
// Numbers: values are written with 6 significant digits; a value that is not finite (an
// undefined confidence bound with one replication, a ratio over nothing) is null in the data, a
// gap in the chart and "-" in the table. Confidence bands are drawn as given: clip them to the
// quantity's range before (run_report.hpp, estimate_in_range).
//
// Self-check: opened with the fragment #selfcheck (report.html#selfcheck), the page checks itself
// once the charts are drawn and appends one line to the page:
//   <pre id="selfcheck">selfcheck: 12 of 12 charts drawn, 0 blank, 0 errors</pre>
// followed by a line per blank chart ("blank: <id>") and per script error ("error: <message>").
// A chart is blank when its plot area has fewer than 20 pixels in the colour of its data series
// (targets do not count). Headless browsers use it to test the page (tests/report_browser_test).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace staffsim::tools {

// How a value reads in tables, axis ticks and tooltips.
enum class ValueUnit {
  count,    // contacts, agents, items, with one decimal as the summary table: "29829.7", "46.0"
  percent,  // a fraction shown as a percentage: 0.851 -> "85.1%"
  seconds,  // a duration in the unit a planner reads best: "12.5s", "28.4m", "5.3h", "2.4d"
  ratio,    // a plain number with two decimals: "1.35"
};

// The text of a value in its unit; "-" when it is not finite.
std::string format_value(double value, ValueUnit unit);

enum class SeriesStyle {
  line,    // a line through the values
  step,    // constant over each x position (agents on duty in an interval)
  dashed,  // a dashed line (a requirement, a plan to compare against)
  bar,     // bars (labelled x only)
  points,  // markers without a line
};

// One series of a chart. With a labelled x axis it has one value per label; with a numeric x
// axis, its own x of each value.
struct ChartSeries {
  std::string label;
  std::vector<double> values;   // NaN: no value (a gap)
  std::vector<double> ci_low;   // 95% confidence band, as long as values; empty: no band
  std::vector<double> ci_high;  //
  std::vector<double> x;        // numeric x axis only: the x of each value
  std::string color;            // "#4e79a7"; empty: palette_color of the series' position
  SeriesStyle style = SeriesStyle::line;
  bool right_axis = false;  // measured on the chart's second y axis (HtmlChart::y2)
};

// A horizontal reference line across the whole chart (a target), named in the legend and in the
// table's caption.
struct ChartTarget {
  std::string label;  // "service level target >= 80.0%"
  double value = 0;
  std::string color;  // empty: dark red
  bool right_axis = false;
};

struct ChartAxis {
  std::string title;
  ValueUnit unit = ValueUnit::count;
  std::optional<double> min;  // unset: from the data
  std::optional<double> max;
};

// A column shown in the chart's table only, one text per x label (a verdict per interval).
struct TableColumn {
  std::string title;
  std::vector<std::string> values;
};

struct HtmlChart {
  std::string id;     // unique in the page; letters, digits, '-' and '_'
  std::string title;  // above the chart, and the table's caption
  std::string note;   // one or two sentences under the title; may be empty
  // The x axis: labels (one per value of every series) or, when x_numeric is set, numbers.
  std::string x_title;
  std::vector<std::string> x_labels;
  std::optional<ChartAxis> x_numeric;
  ChartAxis y;
  std::optional<ChartAxis> y2;  // a second y axis on the right, for series with right_axis
  std::vector<ChartSeries> series;
  std::vector<ChartTarget> targets;
  std::vector<TableColumn> table_columns;  // labelled x axis only
};

// A table without a chart (a summary), every cell already formatted.
struct HtmlTable {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

struct HtmlSection {
  std::string title;
  std::string note;               // may be empty
  std::vector<HtmlTable> tables;  // shown before the charts
  std::vector<HtmlChart> charts;
};

struct HtmlPage {
  std::string title;
  std::vector<std::pair<std::string, std::string>> facts;  // (label, text) under the title
  std::vector<HtmlSection> sections;
  std::string footer;  // a sentence before the standard footer; may be empty
};

// The page as one HTML document (UTF-8, ends with a newline). Throws std::invalid_argument when a
// chart is malformed: an id that is empty, repeated or has other characters than letters, digits,
// '-' and '_'; a series, band or table column whose length differs from the chart's labels (or,
// on a numeric x axis, from its own x); a right-axis series or target without y2; a colour that is
// not #rrggbb; bars or table columns on a numeric x axis.
std::string render_html_page(const HtmlPage& page);

// The data the page's script draws from, the JSON object embedded in the page:
//   {"title": ..., "charts": [{"id", "x": {"title", "labels"} or {"title", "unit", "min", "max"},
//     "y": {"title", "unit", "min", "max"}, "y2": {...}, "series": [{"label", "color", "style",
//     "axis": "y" or "y2", "values", "low", "high", "x"}], "targets": [{"label", "value", "color",
//     "axis"}]}]}
// Units and styles are their names ("percent", "step"); numbers are rounded to 6 significant
// digits and not-finite ones are null. Does not check the charts (render_html_page does).
nlohmann::ordered_json html_page_data(const HtmlPage& page);

// JSON text that can stand inside an HTML <script> element: every '<' is written \u003c (so
// neither "</script" nor "<!--" can occur); invalid UTF-8 is replaced by U+FFFD.
std::string json_for_script(const nlohmann::ordered_json& data);

// Text for HTML content and attribute values: & < > " ' escaped.
std::string html_escape(std::string_view text);

// The k-th colour of the reports' palette (Tableau 10 without its grey; cycles after 9).
std::string palette_color(std::size_t k);

}  // namespace staffsim::tools
