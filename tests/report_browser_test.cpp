// report.html in a real browser: Debian's chromium, headless, opens the page with #selfcheck and
// dumps the DOM; the page's self-check (tools/html_page.hpp) has then drawn every chart, looked at
// the pixels of each and written its verdict ("selfcheck: 10 of 10 charts drawn, 0 blank, 0
// errors"). Label "browser": run with the Release tests, not under the sanitizers. Skipped when no
// chromium is installed (bash scripts/install-deps.sh --test installs it); STAFFSIM_CHROMIUM
// names another browser binary. Each browser gets a fresh profile folder, so the tests may run
// in parallel. About two seconds per page.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "sim/simulator.hpp"
#include "tests/cli_runner.hpp"
#include "tests/html_report_checks.hpp"
#include "tools/file_io.hpp"
#include "tools/report_html.hpp"
#include "tools/scenario_yaml.hpp"

namespace staffsim {
namespace {

namespace fs = std::filesystem;
using testing::count_of;
using testing::run_staffsim;
using testing::slurp;
using testing::TempDir;

// The browser: $STAFFSIM_CHROMIUM, else chromium or chromium-browser on the PATH; "" if none.
std::string find_chromium() {
  if (const char* named = std::getenv("STAFFSIM_CHROMIUM"); named != nullptr && *named != '\0') {
    return named;
  }
  const char* path = std::getenv("PATH");
  std::string folders = path != nullptr ? path : "/usr/bin:/bin";
  for (const char* name : {"chromium", "chromium-browser"}) {
    std::size_t start = 0;
    while (start <= folders.size()) {
      std::size_t end = folders.find(':', start);
      if (end == std::string::npos) end = folders.size();
      const fs::path candidate = fs::path(folders.substr(start, end - start)) / name;
      if (!candidate.parent_path().empty() && ::access(candidate.c_str(), X_OK) == 0) {
        return candidate.string();
      }
      start = end + 1;
    }
  }
  return "";
}

// The scenario simulated with `replications` replications.
sim::Results simulate_with(const sim::Scenario& scenario, int replications) {
  sim::RunOptions options;
  options.replications_override = replications;
  return sim::simulate(scenario, options);
}

struct SelfCheck {
  std::string verdict;  // the first line, "selfcheck: ..."
  std::string text;     // every line
  std::string log;      // what the browser said, for failure messages
};

// Opens page#selfcheck in headless chromium and returns the self-check's lines ("" when the page
// wrote none). The flags: new headless mode; no sandbox (it refuses to run as root otherwise, and
// the page is our own); no GPU; a profile folder of its own inside `scratch`, which is also its
// HOME (nothing of the user's settings, nothing shared between tests running in parallel);
// virtual time, so the page's timers run at once and the DOM is dumped when the page is idle (or
// after 10 s of its time); a 60 s wall-clock limit on the whole browser.
SelfCheck run_self_check(const std::string& chromium, const fs::path& page,
                         const TempDir& scratch) {
  const fs::path profile = scratch / "chromium-profile";
  const fs::path dom = scratch / "dom.html";
  const fs::path log = scratch / "chromium.log";
  const std::string command =
      "HOME='" + scratch.path().string() + "' timeout -k 5 60 '" + chromium +
      "' --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
      "--no-default-browser-check --disable-extensions --disable-background-networking "
      "--disable-component-update --disable-sync --mute-audio --user-data-dir='" +
      profile.string() + "' --virtual-time-budget=10000 --dump-dom 'file://" + page.string() +
      "#selfcheck' >'" + dom.string() + "' 2>'" + log.string() + "'";
  const int status = std::system(command.c_str());
  SelfCheck check;
  check.log = "browser exit status " +
              std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + "\n" + slurp(log);
  const std::string html = slurp(dom);
  const std::string open = "<pre id=\"selfcheck\">";
  const std::size_t begin = html.find(open);
  if (begin == std::string::npos) return check;
  const std::size_t end = html.find("</pre>", begin);
  check.text = html.substr(begin + open.size(), end - begin - open.size());
  check.verdict = check.text.substr(0, check.text.find('\n'));
  return check;
}

#define REQUIRE_CHROMIUM(variable)                                                             \
  const std::string variable = find_chromium();                                                \
  if (variable.empty()) {                                                                      \
    GTEST_SKIP() << "chromium not found: install it (bash scripts/install-deps.sh --test, or " \
                    "apt-get install chromium) or set STAFFSIM_CHROMIUM to a browser binary";  \
  }

// The user's path: `staffsim run scenarios/default.yaml --out DIR`, then the report in a browser.
TEST(ReportBrowser, DefaultScenarioDrawsEveryChart) {
  REQUIRE_CHROMIUM(chromium);
  TempDir dir;
  const auto run = run_staffsim("run '" STAFFSIM_SOURCE_DIR
                                "/scenarios/default.yaml' --replications 5 --out out",
                                dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path page = dir / "out" / "report.html";
  const std::size_t charts = count_of(slurp(page), "<canvas ");
  ASSERT_EQ(charts, 10u);
  const SelfCheck check = run_self_check(chromium, page, dir);
  EXPECT_EQ(check.verdict, "selfcheck: 10 of 10 charts drawn, 0 blank, 0 errors")
      << check.text << "\n"
      << check.log;
}

// `staffsim compare scenarios/default.yaml --out DIR` (the scenario and its variant): the plans
// overlaid, their differences, the groups per plan and the agent-hours bars.
TEST(ReportBrowser, CompareReportDrawsEveryChart) {
  REQUIRE_CHROMIUM(chromium);
  TempDir dir;
  const auto run = run_staffsim("compare '" STAFFSIM_SOURCE_DIR
                                "/scenarios/default.yaml' --replications 5 --out out",
                                dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path page = dir / "out" / "report.html";
  const std::size_t charts = count_of(slurp(page), "<canvas ");
  ASSERT_EQ(charts, 17u);  // bars, 6 per contact type (2), 2 per group (2)
  const SelfCheck check = run_self_check(chromium, page, dir);
  EXPECT_EQ(check.verdict, "selfcheck: 17 of 17 charts drawn, 0 blank, 0 errors")
      << check.text << "\n"
      << check.log;
}

// `staffsim sweep` over a grid: the frontier on a numeric axis, and per contact type one line
// per value of the second field against the first.
TEST(ReportBrowser, SweepReportDrawsEveryChart) {
  REQUIRE_CHROMIUM(chromium);
  TempDir dir;
  const auto run = run_staffsim("sweep '" STAFFSIM_SOURCE_DIR
                                "/scenarios/mmn-validation.yaml' --replications 5 --vary "
                                "agents.staffing=9..12 --vary calls.handle_time.mean=4m,5m "
                                "--out out",
                                dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path page = dir / "out" / "report.html";
  const std::size_t charts = count_of(slurp(page), "<canvas ");
  ASSERT_EQ(charts, 3u);  // the frontier, service level and abandon rate of calls
  const SelfCheck check = run_self_check(chromium, page, dir);
  EXPECT_EQ(check.verdict, "selfcheck: 3 of 3 charts drawn, 0 blank, 0 errors")
      << check.text << "\n"
      << check.log;
}

// Everything else the page can show, in one browser run: several days, issues, a requirement,
// one replication (no confidence bands: null bounds), and a section a later report could add
// (a frontier on a numeric x axis). A chart with nothing to draw must be found blank: the check
// is not blind.
TEST(ReportBrowser, DaysIssuesRequirementOneReplicationAndABlankChart) {
  REQUIRE_CHROMIUM(chromium);
  const sim::Scenario scenario =
      tools::load_scenario_file(STAFFSIM_SOURCE_DIR "/scenarios/telecom-authority.yaml");
  const sim::Results results = simulate_with(scenario, 1);
  std::vector<std::vector<double>> requirement;
  for (const auto& group : scenario.agent_groups) {
    std::vector<double> row;
    for (int agents : group.staffing) row.push_back(0.9 * agents);
    requirement.push_back(row);
  }
  tools::HtmlPage page = tools::run_report_page({scenario, results, requirement});

  tools::HtmlSection extra;
  extra.title = "Frontier";
  tools::HtmlChart frontier;
  frontier.id = "frontier";
  frontier.title = "Cost against service level";
  frontier.x_numeric = tools::ChartAxis{"service level", tools::ValueUnit::percent, 0.6, 1.0};
  frontier.y = {"cost per day", tools::ValueUnit::count, std::nullopt, std::nullopt};
  tools::ChartSeries plans;
  plans.label = "plans";
  plans.x = {0.7, 0.8, 0.85, 0.9};
  plans.values = {9000, 9800, 10400, 11900};
  plans.ci_low = {8800, 9600, 10100, 11500};
  plans.ci_high = {9200, 10000, 10700, 12300};
  plans.style = tools::SeriesStyle::points;
  frontier.series.push_back(plans);
  frontier.targets.push_back({"budget", 10500, "", false});
  extra.charts.push_back(frontier);
  tools::HtmlChart nothing;
  nothing.id = "nothing";
  nothing.title = "Nothing to draw";
  nothing.x_labels = {"a", "b"};
  nothing.series.push_back({"empty", {NAN, NAN}, {}, {}, {}, "", tools::SeriesStyle::line, false});
  extra.charts.push_back(nothing);
  page.sections.push_back(extra);

  TempDir dir;
  const std::string html = tools::render_html_page(page);
  tools::write_file_atomically((dir / "report.html").string(), html);
  const std::size_t charts = count_of(html, "<canvas ");
  ASSERT_EQ(charts, 16u);  // 4 per contact type (2), staffing, occupancy, 3 by day, issues, 2 more
  const SelfCheck check = run_self_check(chromium, dir / "report.html", dir);
  EXPECT_EQ(check.text, "selfcheck: 16 of 16 charts drawn, 1 blank, 0 errors\nblank: nothing")
      << check.log;
}

}  // namespace
}  // namespace staffsim
