#include "tools/chart_js.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>

namespace staffsim::tools {
namespace {

// The embedded bytes are the file the build found (STAFFSIM_CHART_JS), exactly.
TEST(ChartJs, EmbeddedFromTheDebianPackage) {
  std::ifstream in(STAFFSIM_CHART_JS_FILE, std::ios::binary);
  ASSERT_TRUE(in) << "cannot read " << STAFFSIM_CHART_JS_FILE;
  std::ostringstream file;
  file << in.rdbuf();
  const std::string js(chart_js());
  EXPECT_EQ(js, file.str());
  EXPECT_EQ(chart_js_version(), "3.9.1");
  EXPECT_EQ(js.rfind("/*!\n * Chart.js v3.9.1\n", 0), 0u);
  // Nothing that would end or change an inline <script> element.
  std::string lower = js;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  EXPECT_EQ(lower.find("</script"), std::string::npos);
  EXPECT_EQ(lower.find("<!--"), std::string::npos);
}

}  // namespace
}  // namespace staffsim::tools
