#include "tools/html_page.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "tools/chart_js.hpp"

namespace staffsim::tools {
namespace {

using Json = nlohmann::ordered_json;

// --- what every page has -----------------------------------------------------------------------

const char* const kStyle = R"css(
:root { --ink: #1d2733; --muted: #5b6773; --rule: #d8dde3; --band: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
       font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
header, main, footer { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 18px; margin: 32px 0 4px; padding-top: 12px; border-top: 2px solid var(--rule); }
h3 { font-size: 15px; margin: 0 0 2px; }
p { margin: 4px 0 10px; }
.note, footer { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 8px; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
figure.chart { margin: 18px 0 28px; }
.canvas-box { position: relative; height: 300px; }
.table-box { display: inline-block; max-width: 100%; max-height: 22em; overflow: auto;
             margin-top: 8px; border: 1px solid var(--rule); }
table { border-collapse: collapse; font-size: 12.5px; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; padding: 4px 8px; color: var(--muted); }
th, td { padding: 3px 10px; border-bottom: 1px solid var(--rule); text-align: right;
         white-space: nowrap; }
thead th { background: var(--band); position: sticky; top: 0; }
tbody th { font-weight: 500; }
th:first-child, td:first-child { text-align: left; }
.summary-box { max-width: 100%; overflow-x: auto; margin: 8px 0 16px; }
table.summary { border: 1px solid var(--rule); }
table.summary th, table.summary td { padding: 3px 8px; }
table.summary td { white-space: normal; }
footer { margin-top: 36px; padding-bottom: 28px; border-top: 1px solid var(--rule);
         padding-top: 10px; font-size: 12.5px; }
#selfcheck { max-width: 1120px; margin: 12px auto; padding: 0 24px; }
@media print {
  .table-box { max-height: none; overflow: visible; }
  figure.chart { break-inside: avoid; }
}
)css";

// Runs before anything else: every script error and console.error is kept for the self-check.
const char* const kErrorCollector = R"js(
window.staffsimReport = { errors: [] };
window.addEventListener('error', function (event) {
  window.staffsimReport.errors.push(String(event.message || event.error || 'error'));
});
(function () {
  var original = console.error;
  console.error = function () {
    window.staffsimReport.errors.push(Array.prototype.map.call(arguments, String).join(' '));
    return original.apply(console, arguments);
  };
})();
)js";

// Draws every chart of the page's data (the element #report-data), then, with #selfcheck in the
// URL, checks them.
const char* const kDrawCharts = R"js(
(function () {
  'use strict';
  var report = window.staffsimReport;
  var data = JSON.parse(document.getElementById('report-data').textContent);

  function isNumber(v) { return typeof v === 'number' && isFinite(v); }
  function trim(text) { return text.replace(/\.0(?=[a-z%]*$)/, ''); }
  // The same texts as the tables (tools/html_page.cpp, format_value).
  function format(v, unit) {
    if (!isNumber(v)) return '-';
    switch (unit) {
      case 'percent': return (v * 100).toFixed(1) + '%';
      case 'seconds':
        if (v < 1000) return v.toFixed(1) + 's';
        if (v < 3 * 3600) return (v / 60).toFixed(1) + 'm';
        if (v < 3 * 86400) return (v / 3600).toFixed(1) + 'h';
        return (v / 86400).toFixed(1) + 'd';
      case 'ratio': return v.toFixed(2);
      default: return v.toFixed(1);
    }
  }
  function tick(v, unit) { return trim(format(v, unit)); }
  function rgb(hex) {
    var n = parseInt(hex.slice(1), 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  function rgba(hex, alpha) { return 'rgba(' + rgb(hex).join(',') + ',' + alpha + ')'; }

  function axisOptions(axis, position) {
    var options = {
      position: position,
      title: { display: axis.title !== '', text: axis.title },
      ticks: { callback: function (v) { return tick(v, axis.unit); } },
      grid: { drawOnChartArea: position !== 'right' }
    };
    if (isNumber(axis.min)) options.min = axis.min;
    if (isNumber(axis.max)) options.max = axis.max;
    return options;
  }

  function points(values, xs) {
    if (!xs) return values;
    return values.map(function (v, i) { return { x: xs[i], y: v }; });
  }

  function datasets(spec) {
    var sets = [];
    var many = spec.x.labels ? spec.x.labels.length > 60 : false;
    spec.series.forEach(function (s) {
      var axis = s.axis === 'y2' ? 'y2' : 'y';
      if (s.low && s.high && s.style !== 'bar') {
        sets.push({ label: '', band: true, data: points(s.low, s.x), yAxisID: axis,
                    borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: false, order: 2 });
        sets.push({ label: '', band: true, data: points(s.high, s.x), yAxisID: axis,
                    borderWidth: 0, pointRadius: 0, pointHitRadius: 0, fill: sets.length - 1,
                    backgroundColor: rgba(s.color, 0.18), order: 2 });
      }
      var set = { label: s.label, data: points(s.values, s.x), yAxisID: axis, series: s,
                  borderColor: s.color, backgroundColor: s.color, order: 0 };
      if (s.style === 'bar') {
        set.type = 'bar';
      } else {
        set.type = 'line';
        set.fill = false;
        set.borderWidth = 2;
        set.pointRadius = s.style === 'points' ? 3 : (many ? 0 : 2);
        set.pointHitRadius = 6;
        set.showLine = s.style !== 'points';
        if (s.style === 'step') set.stepped = true;
        if (s.style === 'dashed') set.borderDash = [6, 4];
      }
      sets.push(set);
    });
    spec.targets.forEach(function (t) {
      var data;
      if (spec.x.labels) {
        data = spec.x.labels.map(function () { return t.value; });
      } else {
        var xs = [];
        spec.series.forEach(function (s) { xs = xs.concat(s.x.filter(isNumber)); });
        data = [{ x: Math.min.apply(null, xs), y: t.value }, { x: Math.max.apply(null, xs), y: t.value }];
      }
      sets.push({ type: 'line', label: t.label, target: true, data: data,
                  yAxisID: t.axis === 'y2' ? 'y2' : 'y', borderColor: t.color,
                  backgroundColor: t.color, borderDash: [6, 4], borderWidth: 1.5,
                  pointRadius: 0, pointHitRadius: 0, fill: false, order: 1 });
    });
    return sets;
  }

  function unitOf(spec, dataset) {
    return dataset.yAxisID === 'y2' ? spec.y2.unit : spec.y.unit;
  }

  function config(spec) {
    var bars = spec.series.some(function (s) { return s.style === 'bar'; });
    var scales = { y: axisOptions(spec.y, 'left') };
    if (spec.y2) scales.y2 = axisOptions(spec.y2, 'right');
    // A few labels (days, outcomes) are all shown, slanted if need be; many (intervals) are
    // thinned out, level.
    var few = spec.x.labels && spec.x.labels.length <= 16;
    if (spec.x.labels) {
      scales.x = { type: 'category', offset: bars,
                   title: { display: spec.x.title !== '', text: spec.x.title },
                   ticks: few ? { autoSkip: false, maxRotation: 40 }
                              : { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } };
    } else {
      scales.x = axisOptions(spec.x, 'bottom');
      scales.x.type = 'linear';
    }
    return {
      type: bars ? 'bar' : 'line',
      data: { labels: spec.x.labels || undefined, datasets: datasets(spec) },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: spec.x.labels ? { mode: 'index', intersect: false }
                                   : { mode: 'nearest', intersect: true },
        scales: scales,
        plugins: {
          legend: { labels: { filter: function (item) { return item.text !== ''; } } },
          tooltip: {
            filter: function (item) { return !item.dataset.band && !item.dataset.target; },
            callbacks: {
              label: function (item) {
                var dataset = item.dataset;
                var unit = unitOf(spec, dataset);
                var s = dataset.series;
                var text = dataset.label + ': ' + format(item.parsed.y, unit);
                if (s && s.low && s.high && isNumber(s.low[item.dataIndex])) {
                  text += ' [' + format(s.low[item.dataIndex], unit) + ', ' +
                          format(s.high[item.dataIndex], unit) + ']';
                }
                if (!spec.x.labels) text += ' at ' + format(item.parsed.x, spec.x.unit);
                return text;
              }
            }
          }
        }
      }
    };
  }

  var drawn = [];
  data.charts.forEach(function (spec) {
    try {
      var canvas = document.getElementById('chart-' + spec.id);
      drawn.push({ spec: spec, chart: new Chart(canvas.getContext('2d'), config(spec)) });
    } catch (e) {
      report.errors.push('chart ' + spec.id + ': ' + (e && e.message ? e.message : String(e)));
    }
  });

  // A chart is blank when its plot area has fewer than 20 opaque pixels near the colour of one
  // of its data series (targets do not count: a target alone is not a drawn chart).
  function blank(entry) {
    var chart = entry.chart;
    var area = chart.chartArea;
    var ratio = chart.currentDevicePixelRatio || 1;
    var left = Math.floor(area.left * ratio), top = Math.floor(area.top * ratio);
    var width = Math.floor((area.right - area.left) * ratio);
    var height = Math.floor((area.bottom - area.top) * ratio);
    if (width <= 0 || height <= 0) return true;
    var colours = entry.spec.series.map(function (s) { return rgb(s.color); });
    var pixels = chart.ctx.getImageData(left, top, width, height).data;
    var hits = 0;
    for (var i = 0; i < pixels.length && hits < 20; i += 4) {
      if (pixels[i + 3] < 200) continue;
      for (var k = 0; k < colours.length; ++k) {
        var c = colours[k];
        if (Math.abs(pixels[i] - c[0]) + Math.abs(pixels[i + 1] - c[1]) +
            Math.abs(pixels[i + 2] - c[2]) <= 48) {
          ++hits;
          break;
        }
      }
    }
    return hits < 20;
  }

  function selfCheck() {
    var lines = [];
    var blanks = 0;
    drawn.forEach(function (entry) {
      try {
        if (blank(entry)) {
          ++blanks;
          lines.push('blank: ' + entry.spec.id);
        }
      } catch (e) {
        report.errors.push('self-check of ' + entry.spec.id + ': ' + e.message);
      }
    });
    report.errors.forEach(function (e) { lines.push('error: ' + e); });
    var canvases = document.querySelectorAll('canvas[data-chart]').length;
    lines.unshift('selfcheck: ' + drawn.length + ' of ' + canvases + ' charts drawn, ' + blanks +
                  ' blank, ' + report.errors.length + ' errors');
    var pre = document.createElement('pre');
    pre.id = 'selfcheck';
    pre.textContent = lines.join('\n');
    document.body.appendChild(pre);
  }
  if (window.location.hash === '#selfcheck') {
    window.addEventListener('load', function () { window.setTimeout(selfCheck, 50); });
  }
})();
)js";

// --- numbers -----------------------------------------------------------------------------------

std::string formatted(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

Json number_json(double value) {
  if (!std::isfinite(value)) return nullptr;
  return std::strtod(formatted("%.6g", value).c_str(), nullptr);
}

Json numbers_json(const std::vector<double>& values) {
  Json out = Json::array();
  for (double v : values) out.push_back(number_json(v));
  return out;
}

const char* unit_name(ValueUnit unit) {
  switch (unit) {
    case ValueUnit::percent:
      return "percent";
    case ValueUnit::seconds:
      return "seconds";
    case ValueUnit::ratio:
      return "ratio";
    default:
      return "count";
  }
}

const char* style_name(SeriesStyle style) {
  switch (style) {
    case SeriesStyle::step:
      return "step";
    case SeriesStyle::dashed:
      return "dashed";
    case SeriesStyle::bar:
      return "bar";
    case SeriesStyle::points:
      return "points";
    default:
      return "line";
  }
}

const char* const kTargetColor = "#b2182b";

Json axis_json(const ChartAxis& axis) {
  Json out{{"title", axis.title}, {"unit", unit_name(axis.unit)}};
  if (axis.min) out["min"] = number_json(*axis.min);
  if (axis.max) out["max"] = number_json(*axis.max);
  return out;
}

std::string series_color(const ChartSeries& series, std::size_t k) {
  return series.color.empty() ? palette_color(k) : series.color;
}

Json chart_json(const HtmlChart& chart) {
  Json out;
  out["id"] = chart.id;
  if (chart.x_numeric) {
    out["x"] = axis_json(*chart.x_numeric);
    out["x"]["title"] = chart.x_title.empty() ? chart.x_numeric->title : chart.x_title;
  } else {
    out["x"] = Json{{"title", chart.x_title}, {"labels", chart.x_labels}};
  }
  out["y"] = axis_json(chart.y);
  if (chart.y2) out["y2"] = axis_json(*chart.y2);
  Json series = Json::array();
  for (std::size_t k = 0; k < chart.series.size(); ++k) {
    const ChartSeries& s = chart.series[k];
    Json entry{{"label", s.label},
               {"color", series_color(s, k)},
               {"style", style_name(s.style)},
               {"axis", s.right_axis ? "y2" : "y"},
               {"values", numbers_json(s.values)}};
    if (!s.ci_low.empty() || !s.ci_high.empty()) {
      entry["low"] = numbers_json(s.ci_low);
      entry["high"] = numbers_json(s.ci_high);
    }
    if (chart.x_numeric) entry["x"] = numbers_json(s.x);
    series.push_back(entry);
  }
  out["series"] = series;
  Json targets = Json::array();
  for (const ChartTarget& t : chart.targets) {
    targets.push_back(Json{{"label", t.label},
                           {"value", number_json(t.value)},
                           {"color", t.color.empty() ? kTargetColor : t.color},
                           {"axis", t.right_axis ? "y2" : "y"}});
  }
  out["targets"] = targets;
  return out;
}

// --- checks ------------------------------------------------------------------------------------

// "" (the default) or "#rrggbb": the page's script reads colours as such.
bool valid_color(const std::string& color) {
  if (color.empty()) return true;
  if (color.size() != 7 || color[0] != '#') return false;
  return std::all_of(color.begin() + 1, color.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

void check_chart(const HtmlChart& chart, std::set<std::string>& ids) {
  auto fail = [&chart](const std::string& what) {
    throw std::invalid_argument("chart \"" + chart.id + "\": " + what);
  };
  if (chart.id.empty()) fail("empty id");
  for (char c : chart.id) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                         (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!allowed) fail("id with a character other than letters, digits, '-' and '_'");
  }
  if (!ids.insert(chart.id).second) fail("id used twice");
  for (const ChartSeries& s : chart.series) {
    const std::size_t n = chart.x_numeric ? s.x.size() : chart.x_labels.size();
    const std::string what = chart.x_numeric ? " x values" : " labels";
    if (s.values.size() != n) {
      fail("series \"" + s.label + "\" has " + std::to_string(s.values.size()) + " values for " +
           std::to_string(n) + what);
    }
    if (!(s.ci_low.empty() && s.ci_high.empty()) &&
        (s.ci_low.size() != n || s.ci_high.size() != n)) {
      fail("series \"" + s.label + "\": its band is not as long as its values");
    }
    if (s.right_axis && !chart.y2) fail("series \"" + s.label + "\" on a second axis it lacks");
    if (!valid_color(s.color)) {
      fail("series \"" + s.label + "\": colour \"" + s.color + "\" is not #rrggbb");
    }
    if (chart.x_numeric && s.style == SeriesStyle::bar) fail("bars on a numeric x axis");
  }
  for (const ChartTarget& t : chart.targets) {
    if (t.right_axis && !chart.y2) fail("target \"" + t.label + "\" on a second axis it lacks");
    if (!valid_color(t.color)) {
      fail("target \"" + t.label + "\": colour \"" + t.color + "\" is not #rrggbb");
    }
  }
  for (const TableColumn& column : chart.table_columns) {
    if (chart.x_numeric) fail("table columns on a numeric x axis");
    if (column.values.size() != chart.x_labels.size()) {
      fail("table column \"" + column.title + "\" has " + std::to_string(column.values.size()) +
           " values for " + std::to_string(chart.x_labels.size()) + " labels");
    }
  }
}

// --- HTML --------------------------------------------------------------------------------------

std::string element(const char* tag, std::string_view text, const char* attributes = "") {
  return std::string("<") + tag + attributes + ">" + html_escape(text) + "</" + tag + ">";
}

std::string table_html(const std::vector<std::string>& header,
                       const std::vector<std::vector<std::string>>& rows,
                       const std::string& caption, const char* attributes) {
  std::string out = std::string("<table") + attributes + ">";
  if (!caption.empty()) out += element("caption", caption);
  out += "<thead><tr>";
  for (const auto& cell : header) out += element("th", cell, " scope=\"col\"");
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c) {
      out += c == 0 ? element("th", row[c], " scope=\"row\"") : element("td", row[c]);
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table>";
}

ValueUnit unit_of(const HtmlChart& chart, bool right_axis) {
  return right_axis && chart.y2 ? chart.y2->unit : chart.y.unit;
}

bool has_band(const ChartSeries& s) {
  return !s.ci_low.empty();
}

std::string interval_text(double low, double high, ValueUnit unit) {
  if (!std::isfinite(low) && !std::isfinite(high)) return "-";
  return "[" + format_value(low, unit) + ", " + format_value(high, unit) + "]";
}

std::string targets_text(const HtmlChart& chart) {
  std::string out;
  for (const ChartTarget& t : chart.targets) {
    out += (out.empty() ? "" : "; ") + t.label;
  }
  return out;
}

// The chart's numbers as a table: one row per label (or per point of a numeric x axis).
std::string chart_table(const HtmlChart& chart) {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::string caption = chart.title;
  const std::string targets = targets_text(chart);
  if (!targets.empty()) caption += " (" + targets + ")";
  if (chart.x_numeric) {
    header = {"series", chart.x_title.empty() ? chart.x_numeric->title : chart.x_title, "value",
              "95% CI"};
    for (const ChartSeries& s : chart.series) {
      const ValueUnit unit = unit_of(chart, s.right_axis);
      for (std::size_t i = 0; i < s.values.size(); ++i) {
        rows.push_back({s.label, format_value(s.x[i], chart.x_numeric->unit),
                        format_value(s.values[i], unit),
                        has_band(s) ? interval_text(s.ci_low[i], s.ci_high[i], unit) : ""});
      }
    }
    return table_html(header, rows, caption, "");
  }
  header.push_back(chart.x_title);
  for (const ChartSeries& s : chart.series) {
    header.push_back(s.label);
    if (has_band(s)) header.push_back(s.label + " 95% CI");
  }
  for (const TableColumn& column : chart.table_columns) header.push_back(column.title);
  for (std::size_t i = 0; i < chart.x_labels.size(); ++i) {
    std::vector<std::string> row{chart.x_labels[i]};
    for (const ChartSeries& s : chart.series) {
      const ValueUnit unit = unit_of(chart, s.right_axis);
      row.push_back(format_value(s.values[i], unit));
      if (has_band(s)) row.push_back(interval_text(s.ci_low[i], s.ci_high[i], unit));
    }
    for (const TableColumn& column : chart.table_columns) row.push_back(column.values[i]);
    rows.push_back(std::move(row));
  }
  return table_html(header, rows, caption, "");
}

std::string chart_html(const HtmlChart& chart) {
  std::string out = "<figure class=\"chart\" id=\"figure-" + chart.id + "\">\n";
  out += element("h3", chart.title) + "\n";
  if (!chart.note.empty()) out += element("p", chart.note, " class=\"note\"") + "\n";
  out += "<div class=\"canvas-box\"><canvas id=\"chart-" + chart.id + "\" data-chart=\"" +
         chart.id + "\" role=\"img\" aria-label=\"" + html_escape(chart.title) +
         "\"></canvas></div>\n";
  out += "<div class=\"table-box\">" + chart_table(chart) + "</div>\n";
  return out + "</figure>\n";
}

}  // namespace

std::string format_value(double value, ValueUnit unit) {
  if (!std::isfinite(value)) return "-";
  switch (unit) {
    case ValueUnit::percent:
      return formatted("%.1f%%", value * 100.0);
    case ValueUnit::seconds:
      if (value < 1000) return formatted("%.1fs", value);
      if (value < 3 * 3600.0) return formatted("%.1fm", value / 60);
      if (value < 3 * 86400.0) return formatted("%.1fh", value / 3600);
      return formatted("%.1fd", value / 86400);
    case ValueUnit::ratio:
      return formatted("%.2f", value);
    default:
      return formatted("%.1f", value);
  }
}

std::string palette_color(std::size_t k) {
  static const char* const kPalette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2",
                                         "#edc948", "#b07aa1", "#ff9da7", "#9c755f"};
  return kPalette[k % (sizeof kPalette / sizeof kPalette[0])];
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string json_for_script(const nlohmann::ordered_json& data) {
  const std::string text = data.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size() + 64);
  for (char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

nlohmann::ordered_json html_page_data(const HtmlPage& page) {
  Json charts = Json::array();
  for (const HtmlSection& section : page.sections) {
    for (const HtmlChart& chart : section.charts) charts.push_back(chart_json(chart));
  }
  return Json{{"title", page.title}, {"charts", charts}};
}

std::string render_html_page(const HtmlPage& page) {
  std::set<std::string> ids;
  for (const HtmlSection& section : page.sections) {
    for (const HtmlChart& chart : section.charts) check_chart(chart, ids);
  }
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"staffsim\">\n";
  out += element("title", page.title) + "\n";
  out += std::string("<style>") + kStyle + "</style>\n";
  out += std::string("<script>") + kErrorCollector + "</script>\n";
  out += "</head>\n<body>\n<header>\n" + element("h1", page.title) + "\n";
  if (!page.facts.empty()) {
    out += "<dl class=\"facts\">\n";
    for (const auto& [label, text] : page.facts) {
      out += element("dt", label) + element("dd", text) + "\n";
    }
    out += "</dl>\n";
  }
  out +=
      "<noscript><p class=\"note\">The charts need JavaScript; the tables hold the same "
      "numbers.</p></noscript>\n</header>\n<main>\n";
  for (std::size_t s = 0; s < page.sections.size(); ++s) {
    const HtmlSection& section = page.sections[s];
    out += "<section id=\"section-" + std::to_string(s + 1) + "\">\n" +
           element("h2", section.title) + "\n";
    if (!section.note.empty()) out += element("p", section.note, " class=\"note\"") + "\n";
    for (const HtmlTable& table : section.tables) {
      out += "<div class=\"summary-box\">" +
             table_html(table.header, table.rows, table.caption, " class=\"summary\"") + "</div>\n";
    }
    for (const HtmlChart& chart : section.charts) out += chart_html(chart);
    out += "</section>\n";
  }
  out += "</main>\n<footer>\n";
  if (!page.footer.empty()) out += element("p", page.footer) + "\n";
  std::string version(chart_js_version());
  out += element("p", "Made by staffsim. Charts drawn with Chart.js" +
                          (version.empty() ? std::string() : " " + version) +
                          " (MIT License), embedded in this file: it needs no network. Under "
                          "each chart a table holds the same numbers.") +
         "\n</footer>\n";
  out += "<script type=\"application/json\" id=\"report-data\">" +
         json_for_script(html_page_data(page)) + "</script>\n";
  out += "<script>\n";
  out += chart_js();
  out += "\n</script>\n";
  out += std::string("<script>") + kDrawCharts + "</script>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace staffsim::tools
