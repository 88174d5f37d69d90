// Chart.js, the charting library of the HTML reports, embedded in the binary: the build copies
// the minified file of Debian's libjs-chart.js (/usr/share/javascript/chart.js/chart.min.js,
// Chart.js 3.9.1, MIT License, its copyright notice included) into a generated source
// (cmake/embed_script.cmake), so a report works offline and staffsim needs no JavaScript package
// at run time. The bytes contain neither "</script" nor "<!--": they can go into an inline
// <script> element as they are.
#pragma once

#include <string_view>

namespace staffsim::tools {

// The library's source, exactly as the package installs it.
std::string_view chart_js();
// Its version as its leading comment names it ("3.9.1"); empty when the comment has none.
std::string_view chart_js_version();

}  // namespace staffsim::tools
