// Checks of the HTML reports shared by their tests: the data a page embeds, and whether it
// refers to anything outside itself.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "tools/chart_js.hpp"

namespace staffsim::testing {

// Occurrences of `needle` in `text` (not overlapping).
inline std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

// The JSON object of <script type="application/json" id="report-data">; null when absent.
inline nlohmann::ordered_json embedded_report_data(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const std::size_t begin = html.find(open);
  if (begin == std::string::npos) return nullptr;
  const std::size_t end = html.find("</script>", begin);
  if (end == std::string::npos) return nullptr;
  return nlohmann::ordered_json::parse(html.substr(begin + open.size(), end - begin - open.size()));
}

// What in the page could load something from outside it: an src= or href= attribute, a <link>,
// <img>, <iframe>, <object> or <embed> element, a CSS @import or url(), an http(s) URL; each
// with the text around it. The embedded Chart.js is left out (its comments name its web site;
// it loads nothing). Empty for a self-contained page.
inline std::vector<std::string> external_references(std::string html) {
  const std::string_view library = tools::chart_js();
  if (const std::size_t at = html.find(library); at != std::string::npos) {
    html.erase(at, library.size());
  }
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::vector<std::string> found;
  for (const char* pattern : {"src=", "href=", "<link", "<img", "<iframe", "<object", "<embed",
                              "@import", "url(", "http:", "https:"}) {
    for (std::size_t at = lower.find(pattern); at != std::string::npos;
         at = lower.find(pattern, at + 1)) {
      const std::size_t from = at < 40 ? 0 : at - 40;
      found.push_back(std::string(pattern) + ": " + html.substr(from, 100));
    }
  }
  return found;
}

}  // namespace staffsim::testing
