// `staffsim compare` and the CI flags of run and compare as a user sees them: the built binary on
// plans and variants, compare.json and report.html, --check exit codes, JUnit XML, --precision, and
// the positioned messages for plans that cannot be compared.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/cli_runner.hpp"
#include "tests/html_report_checks.hpp"

namespace {

using staffsim::testing::count_of;
using staffsim::testing::embedded_report_data;
using staffsim::testing::external_references;
using staffsim::testing::run_staffsim;
using staffsim::testing::slurp;
using staffsim::testing::TempDir;
using Json = nlohmann::json;

// A small one-type centre over four half-hours; `frontline` gives the staffing line.
std::string scenario(const std::string& frontline, const std::string& extra = "") {
  return "name: small\n"
         "horizon: {interval: 30m, intervals: 4, start: \"09:00\"}\n"
         "replications: 40\n"
         "seed: 11\n"
         "contact_types:\n"
         "  - name: calls\n"
         "    arrivals: {per_interval: [200, 260, 240, 180]}\n"
         "    handle_time: {distribution: exponential, mean: 3m}\n"
         "    patience: {distribution: exponential, mean: 4m}\n"
         "    targets:\n"
         "      service_level: {within: 20s, at_least: 80%}\n"
         "      max_abandon: 5%\n"
         "agent_groups:\n"
         "  - name: frontline\n"
         "    cost_per_hour: 30\n"
         "    staffing: " +
         frontline +
         "\n"
         "routing:\n"
         "  calls: [{group: frontline}]\n" +
         extra;
}

double half(const Json& e) {
  return (e["ci_high"].get<double>() - e["ci_low"].get<double>()) / 2;
}

TEST(CompareCli, PairedDifferencesOfTwoFilesAreNarrowerThanEachPlansInterval) {
  // Plan b has one agent more in the second interval only.
  TempDir dir;
  dir.write("a.yaml", scenario("[24, 30, 28, 22]"));
  dir.write("b.yaml", scenario("[24, 31, 28, 22]"));
  const auto r = run_staffsim("compare a.yaml b.yaml --out out", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("b - a"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Wrote compare.json and report.html to out"), std::string::npos);
  const Json j = Json::parse(slurp(dir / "out/compare.json"));
  ASSERT_EQ(j["plans"].size(), 2u);
  EXPECT_EQ(j["plans"][0]["name"], "a");
  EXPECT_EQ(j["plans"][1]["source"], "b.yaml");
  const Json& d = j["differences"][0];
  EXPECT_EQ(d["plan"], "b");
  EXPECT_EQ(d["versus"], "a");
  // The same callers in both plans.
  EXPECT_EQ(d["contact_types"]["calls"]["offered"]["mean"].get<double>(), 0);
  EXPECT_FALSE(d["contact_types"]["calls"]["offered"]["significant"].get<bool>());
  // One agent for 30 minutes: +0.5 agent-hours exactly in every replication (no close-out
  // overtime difference can be excluded, so allow the close-out's share).
  EXPECT_NEAR(d["agent_hours"]["mean"].get<double>(), 0.5, 0.1);
  for (const char* kpi : {"service_level", "abandon_rate", "asa_s"}) {
    SCOPED_TRACE(kpi);
    const double paired = half(d["contact_types"]["calls"][kpi]);
    const double own_a = half(j["plans"][0]["contact_types"]["calls"][kpi]);
    const double own_b = half(j["plans"][1]["contact_types"]["calls"][kpi]);
    EXPECT_LT(paired, own_a / 3);
    EXPECT_LT(paired, own_b / 3);
  }
  EXPECT_TRUE(d["contact_types"]["calls"]["service_level"]["significant"].get<bool>());
  EXPECT_GT(d["contact_types"]["calls"]["service_level"]["mean"].get<double>(), 0);
  EXPECT_GT(d["cost"]["mean"].get<double>(), 0);

  // report.html: self-contained; the plans overlaid and their differences drawn from the same
  // numbers as compare.json.
  const std::string html = slurp(dir / "out/report.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_EQ(external_references(html), std::vector<std::string>{});
  const auto data = embedded_report_data(html);
  ASSERT_TRUE(data.is_object());
  std::vector<std::string> ids;
  for (const auto& chart : data["charts"]) ids.push_back(chart["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "plans-cost", "offered-type1", "service-level-type1", "abandon-rate-type1",
                     "asa-type1", "service-level-difference-type1", "abandon-rate-difference-type1",
                     "agents-group1", "occupancy-group1"}));
  EXPECT_EQ(count_of(html, "<canvas "), ids.size());
  const auto& service = data["charts"][2];
  ASSERT_EQ(service["series"].size(), 2u);
  EXPECT_EQ(service["series"][1]["label"], "b");
  EXPECT_EQ(service["targets"][0]["value"], 0.8);
  const auto& difference = data["charts"][5];
  EXPECT_EQ(difference["series"][0]["label"], "b \u2212 a");
  EXPECT_EQ(difference["targets"][0]["value"], 0);
  // Only the second interval differs: there the service level is higher, elsewhere the same.
  const auto& by_interval = difference["series"][0]["values"];
  ASSERT_EQ(by_interval.size(), 4u);
  EXPECT_GT(by_interval[1].get<double>(), 0);
  EXPECT_GT(difference["series"][0]["low"][1].get<double>(), 0);
  const auto& agents = data["charts"][7]["series"];
  EXPECT_EQ(agents[0]["values"], Json({24, 30, 28, 22}));
  EXPECT_EQ(agents[1]["values"], Json({24, 31, 28, 22}));
  EXPECT_NE(html.find("<td>+0.5 [+"), std::string::npos);  // agent-hours difference
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
    ++files;
  }
  EXPECT_EQ(files, 2);
}

// compare.json and report.html are written together or not at all: with a folder in the way of
// report.html, no compare.json either, and an earlier run's files stay as they were.
TEST(CompareCli, NoFileWhenReportCannotBeWritten) {
  namespace fs = std::filesystem;
  TempDir dir;
  dir.write("a.yaml", scenario("[24, 30, 28, 22]"));
  dir.write("b.yaml", scenario("[24, 31, 28, 22]"));
  fs::create_directories(dir / "out/report.html");
  auto r = run_staffsim("compare a.yaml b.yaml --replications 5 --out out", dir.path());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "staffsim: error: cannot write out/report.html: Is a directory\n");
  EXPECT_FALSE(fs::exists(dir / "out/compare.json"));
  EXPECT_TRUE(fs::is_directory(dir / "out/report.html"));

  fs::remove_all(dir / "out");
  ASSERT_EQ(run_staffsim("compare a.yaml b.yaml --replications 5 --out out", dir.path()).exit_code,
            0);
  const std::string json = slurp(dir / "out/compare.json");
  const std::string html = slurp(dir / "out/report.html");
  fs::remove(dir / "out/compare.json");
  fs::create_directories(dir / "out/compare.json");
  r = run_staffsim("compare a.yaml b.yaml --replications 5 --seed 9 --out out", dir.path());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(slurp(dir / "out/report.html"), html);
  EXPECT_NE(json, "");
}

TEST(CompareCli, VariantsOfOneScenarioAreItsPlans) {
  TempDir dir;
  dir.write("plan.yaml", scenario("[24, 30, 28, 22]",
                                  "variants:\n"
                                  "  plus-one:\n"
                                  "    agent_groups:\n"
                                  "      frontline: {staffing: [25, 31, 29, 23]}\n"
                                  "  busier:\n"
                                  "    contact_types:\n"
                                  "      calls: {arrivals: {factor: 1.1}}\n"));
  const auto r = run_staffsim("compare plan.yaml --format json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  ASSERT_EQ(j["plans"].size(), 3u);
  EXPECT_EQ(j["plans"][1]["name"], "plus-one");
  EXPECT_EQ(j["plans"][1]["source"], "plan.yaml, variant plus-one");
  EXPECT_EQ(j["plans"][2]["name"], "busier");
  // Staffing up: fewer abandons; volume up by 10%: about 10% more calls offered.
  EXPECT_LT(j["differences"][0]["contact_types"]["calls"]["abandon_rate"]["mean"].get<double>(), 0);
  const double offered = j["plans"][0]["contact_types"]["calls"]["offered"]["mean"].get<double>();
  const double more =
      j["differences"][1]["contact_types"]["calls"]["offered"]["mean"].get<double>();
  EXPECT_NEAR(more / offered, 0.1, 0.03);
  EXPECT_EQ(j["plans"][2]["targets"][0]["contact_type"], "calls");

  // `run` simulates the scenario itself and names its variants.
  const auto run = run_staffsim("run plan.yaml", dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("Variants: 2 (plus-one, busier); staffsim compare plan.yaml runs them"),
            std::string::npos)
      << run.out;
}

TEST(CompareCli, BadVariantsGetPositionedMessages) {
  TempDir dir;
  dir.write("plan.yaml", scenario("[24, 30, 28, 22]",
                                  "variants:\n"
                                  "  more:\n"
                                  "    agent_groups:\n"
                                  "      frontlin: {staffing: 30}\n"
                                  "  slower:\n"
                                  "    contact_types:\n"
                                  "      calls: {handle_tme: 4m}\n"
                                  "  longer:\n"
                                  "    horizon: {days: 2}\n"));
  const auto r = run_staffsim("compare plan.yaml --out out", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
  EXPECT_NE(r.err.find("in variant \"more\":\nplan.yaml:22:7: variants.more.agent_groups.frontlin: "
                       "no agent group named \"frontlin\", did you mean \"frontline\"? (expected "
                       "one of: frontline)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("in variant \"slower\":\nplan.yaml:25:15: contact_types[0].handle_tme: "
                       "unknown key \"handle_tme\""),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("in variant \"longer\":\nplan.yaml:27:5: variants.longer.horizon: a variant "
                       "cannot override horizon: plans compare only over the same horizon"),
            std::string::npos)
      << r.err;
  // The same file is not valid for run either: its variants are checked too.
  EXPECT_EQ(run_staffsim("run plan.yaml", dir.path()).exit_code, 1);
}

TEST(CompareCli, PlansOfDifferentCentresAreRefused) {
  TempDir dir;
  dir.write("a.yaml", scenario("[24, 30, 28, 22]"));
  std::string other = scenario("[24, 30, 28, 22]");
  other.replace(other.find("intervals: 4"), 12, "intervals: 4, days: 2");
  dir.write("b.yaml", other);
  auto r = run_staffsim("compare a.yaml b.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: b.yaml:2:10: horizon: expected the horizon of a.yaml (1 days of 4 "
            "intervals of 30m from 09:00), found 2 days of 4 intervals of 30m from 09:00: plans "
            "compare only over the same horizon\n");
  std::string renamed = scenario("[24, 30, 28, 22]");
  renamed.replace(renamed.find("- name: calls"), 13, "- name: phone");
  renamed.replace(renamed.find("calls: [{group"), 6, "phone:");
  dir.write("c.yaml", renamed);
  r = run_staffsim("compare a.yaml c.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: c.yaml:6:5: contact_types[0]: expected contact type \"calls\" as in "
            "a.yaml, found \"phone\": plans compare only with the same contact types (by key, in "
            "order; give a renamed type the old name as its key)\n");
  r = run_staffsim("compare a.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: compare: expected at least two plans (two scenario files, or a "
            "scenario with variants), found one: a.yaml\n");
}

TEST(CompareCli, CheckExitsWithTheDocumentedCodesAfterWritingEverything) {
  TempDir dir;
  dir.write("thin.yaml", scenario("[20, 22, 22, 18]"));  // far too few agents
  dir.write("ample.yaml", scenario("[40, 50, 48, 40]"));
  auto r = run_staffsim("run thin.yaml --check --out out --junit out.xml", dir.path());
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "out/summary.json"));
  EXPECT_NE(r.out.find("Contact type calls"), std::string::npos);
  EXPECT_NE(r.err.find("staffsim: check failed: targets missed:\n  calls service level 20s >= "
                       "80.0%: missed: "),
            std::string::npos)
      << r.err;
  const std::string xml = slurp(dir / "out.xml");
  EXPECT_NE(xml.find("<testsuites name=\"staffsim targets\" tests=\"2\" failures=\"2\""),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("<testcase classname=\"staffsim.small.calls\" name=\"service level 20s "
                     "&gt;= 80.0%\">\n      <failure message=\"missed: "),
            std::string::npos)
      << xml;

  r = run_staffsim("run ample.yaml --check", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = run_staffsim("compare ample.yaml thin.yaml --check --junit -", dir.path());
  EXPECT_EQ(r.exit_code, 5);
  EXPECT_NE(r.err.find("  thin: calls service level"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("  ample: calls"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("<testsuite name=\"ample\" tests=\"2\" failures=\"0\""), std::string::npos);

  // Strict: one replication leaves every interval undefined, hence uncertain.
  r = run_staffsim("run ample.yaml --check=strict --replications 1", dir.path());
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_NE(r.err.find("targets uncertain (run more replications, e.g. with --precision):"),
            std::string::npos);
  r = run_staffsim("run ample.yaml --check=lenient", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --check: expected nothing (fail on a missed target) or strict (also "
            "on an uncertain one), found \"lenient\"\n");
}

TEST(CompareCli, PrecisionRunsReplicationsUntilTheTargetsArePrecise) {
  TempDir dir;
  dir.write("a.yaml", scenario("[24, 30, 28, 22]"));
  auto r = run_staffsim("run a.yaml --precision 3% --format json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(r.out);
  EXPECT_GT(j["replications"].get<int>(), 40);
  const Json& sl = j["contact_types"]["calls"]["service_level"];
  EXPECT_LE(half(sl), 0.03);
  r = run_staffsim("run a.yaml --precision 3%", dir.path());
  EXPECT_NE(r.out.find("Precision: every target KPI within its limit after "), std::string::npos);
  r = run_staffsim("run a.yaml --precision 0.1% --max-replications 50", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("Precision: not reached after 50 replications (the cap, "
                       "--max-replications): widest calls "),
            std::string::npos)
      << r.out;
  r = run_staffsim("run a.yaml --precision 3", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --precision: expected a share above 0% and below 100%, found "
            "\"3\"\n");
  r = run_staffsim("run a.yaml --precision asa=2", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("staffsim: error: --precision: asa: "), std::string::npos) << r.err;
  r = run_staffsim("run a.yaml --max-replications 50", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --max-replications: applies only with --precision (it caps the "
            "replications --precision may run)\n");
}

TEST(SweepCli, StaffingSweepUnderCommonRandomNumbers) {
  TempDir dir;
  dir.write("a.yaml", scenario("[24, 30, 28, 22]"));
  auto r = run_staffsim("sweep a.yaml --vary frontline.staffing=26..32:2 --out out", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Wrote sweep.json, sweep.csv and report.html to out"), std::string::npos);
  const Json j = Json::parse(slurp(dir / "out/sweep.json"));
  ASSERT_EQ(j["points"].size(), 4u);
  EXPECT_EQ(j["frontier_cost"], "cost");
  double last_level = -1, last_cost = -1;
  for (const auto& point : j["points"]) {
    // More agents: more cost and, under common random numbers, a higher service level at every
    // point; so every point is on the frontier.
    const double level = point["contact_types"]["calls"]["service_level"]["mean"].get<double>();
    const double cost = point["cost"]["mean"].get<double>();
    EXPECT_GT(level, last_level);
    EXPECT_GT(cost, last_cost);
    EXPECT_TRUE(point["frontier"].get<bool>());
    last_level = level;
    last_cost = cost;
  }
  // A point is the scenario with that value written in: the same results as `run` of it.
  dir.write("b.yaml", scenario("28"));
  const auto run = run_staffsim("run b.yaml --format json", dir.path());
  const Json b = Json::parse(run.out);
  EXPECT_EQ(j["points"][1]["values"]["frontline.staffing"], "28");
  EXPECT_EQ(j["points"][1]["contact_types"]["calls"]["service_level"],
            b["contact_types"]["calls"]["service_level"]);

  // report.html from the same rows: the frontier (cost against the lowest service level) and the
  // service level and abandon rate against the staffing, with their targets.
  const std::string html = slurp(dir / "out/report.html");
  EXPECT_EQ(external_references(html), std::vector<std::string>{});
  const auto data = embedded_report_data(html);
  ASSERT_TRUE(data.is_object());
  ASSERT_EQ(data["charts"].size(), 3u);
  EXPECT_EQ(count_of(html, "<canvas "), 3u);
  const auto& frontier = data["charts"][0];
  EXPECT_EQ(frontier["id"], "frontier");
  EXPECT_EQ(frontier["x"]["title"], "cost");
  EXPECT_EQ(frontier["series"][0]["x"].size(), 4u);
  EXPECT_EQ(frontier["series"][1]["label"], "frontier");
  EXPECT_NEAR(frontier["series"][0]["x"][2].get<double>(),
              j["points"][2]["cost"]["mean"].get<double>(),
              1e-3 * j["points"][2]["cost"]["mean"].get<double>());
  EXPECT_EQ(frontier["targets"][0]["label"], "calls target >= 80.0%");
  const auto& service = data["charts"][1];
  EXPECT_EQ(service["id"], "service-level-type1");
  EXPECT_EQ(service["x"]["title"], "frontline.staffing");
  EXPECT_EQ(service["series"][0]["x"], Json({26, 28, 30, 32}));
  EXPECT_NEAR(service["series"][0]["values"][1].get<double>(),
              j["points"][1]["contact_types"]["calls"]["service_level"]["mean"].get<double>(),
              1e-5);
  EXPECT_EQ(data["charts"][2]["targets"][0]["value"], 0.05);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
    ++files;
  }
  EXPECT_EQ(files, 3);

  // Two --vary: a grid, first axis slowest; CSV rows.
  r = run_staffsim(
      "sweep a.yaml --vary calls.arrivals.factor=0.9,1.1 --vary frontline.staffing=28..30 "
      "--format csv",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "calls.arrivals.factor,frontline.staffing,agent_hours,agent_hours_ci_low,"
            "agent_hours_ci_high,cost,cost_ci_low,cost_ci_high,calls.service_level,"
            "calls.service_level_ci_low,calls.service_level_ci_high,calls.abandon_rate,"
            "calls.abandon_rate_ci_low,calls.abandon_rate_ci_high,calls.asa_s,calls.asa_s_ci_low,"
            "calls.asa_s_ci_high,targets_met,frontier");
  EXPECT_NE(r.out.find("\n0.9,28,"), std::string::npos);
  EXPECT_NE(r.out.find("\n1.1,30,"), std::string::npos);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 7);
}

// A grid in report.html: x is the first varied field, one series per value of the second. Written
// with sweep.json and sweep.csv, or none of them.
TEST(SweepCli, GridReportAndNoFileWhenOneCannotBeWritten) {
  namespace fs = std::filesystem;
  TempDir dir;
  dir.write("a.yaml", scenario("[24, 30, 28, 22]"));
  auto r = run_staffsim(
      "sweep a.yaml --replications 5 --vary frontline.staffing=28..30 --vary "
      "calls.arrivals.factor=0.9,1.1 --out out",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto data = embedded_report_data(slurp(dir / "out/report.html"));
  ASSERT_EQ(data["charts"].size(), 3u);
  const auto& service = data["charts"][1];
  ASSERT_EQ(service["series"].size(), 2u);
  EXPECT_EQ(service["series"][0]["label"], "calls.arrivals.factor=0.9");
  EXPECT_EQ(service["series"][1]["label"], "calls.arrivals.factor=1.1");
  EXPECT_EQ(service["series"][1]["x"], Json({28, 29, 30}));
  // More calls, same agents: a lower service level at every staffing.
  for (int i = 0; i < 3; ++i) {
    EXPECT_LT(service["series"][1]["values"][i].get<double>(),
              service["series"][0]["values"][i].get<double>());
  }

  fs::remove_all(dir / "out");
  fs::create_directories(dir / "out/report.html");
  r = run_staffsim("sweep a.yaml --replications 5 --vary frontline.staffing=28..30 --out out",
                   dir.path());
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "staffsim: error: cannot write out/report.html: Is a directory\n");
  EXPECT_FALSE(fs::exists(dir / "out/sweep.json"));
  EXPECT_FALSE(fs::exists(dir / "out/sweep.csv"));
  r = run_staffsim("sweep a.yaml --vary frontline.staffing=28 --out -", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --out: expected a folder for sweep.json, sweep.csv and report.html, "
            "found \"-\" (use --format csv or json to print one)\n");
}

TEST(SweepCli, BadVaryGetsAClearMessage) {
  TempDir dir;
  dir.write("a.yaml", scenario("[24, 30, 28, 22]"));
  auto r = run_staffsim("sweep a.yaml --vary frontlin.staffing=20..30", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --vary frontlin.staffing=20: unknown field "
            "\"frontlin.staffing\": \"frontlin\" is neither a scenario section nor an agent "
            "group or contact type, did you mean \"frontline\"?\n");
  r = run_staffsim("sweep a.yaml --vary frontline.stafing=20", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(
      r.err,
      "staffsim: error: --vary frontline.stafing=20:\nagent_groups[0].stafing: unknown key "
      "\"stafing\", expected one of: name, staffing, shrinkage, hours, authority, authority_cost, "
      "first, reserve, order, callbacks_when, cost_per_hour\n");
  r = run_staffsim("sweep a.yaml --vary frontline.staffing=-3", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --vary frontline.staffing=-3:\na.yaml:16:5: "
            "agent_groups[0].staffing: expected a non-negative whole number, found \"-3\"\n");
  r = run_staffsim("sweep a.yaml --vary frontline.staffing=1..1000", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --vary frontline.staffing=1..1000: expected at most 500 values, "
            "found 1000\n");
  r = run_staffsim("sweep a.yaml --vary horizon.days=2", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --vary horizon.days=2: the horizon cannot be varied: points compare "
            "only over the same horizon\n");
  r = run_staffsim("sweep a.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir / "out"));
}

TEST(OptimizeCli, TheOptimizedScenarioMeetsEveryTargetAndItsPlanReadsBack) {
  TempDir dir;
  dir.write("a.yaml", scenario("[24, 30, 28, 22]"));
  auto r = run_staffsim("optimize a.yaml --out out", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Method:   iterative staffing algorithm (Feldman et al. 2008) from the "
                       "Erlang plan"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("agent-hours on duty"), std::string::npos);
  EXPECT_NE(r.out.find("Wrote plan.csv and optimized.yaml to out"), std::string::npos);
  // The optimized scenario passes the check that CI would run on it.
  const auto check = run_staffsim("run out/optimized.yaml --check", dir.path());
  EXPECT_EQ(check.exit_code, 0) << check.err;
  // plan.csv is a staffing file: the scenario reading it runs the same plan.
  std::string from_file = scenario("{file: out/plan.csv}");
  dir.write("b.yaml", from_file);
  const auto a = run_staffsim("run out/optimized.yaml --format json", dir.path());
  const auto b = run_staffsim("run b.yaml --format json", dir.path());
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(Json::parse(a.out)["contact_types"], Json::parse(b.out)["contact_types"]);

  const auto j = run_staffsim("optimize a.yaml --format json", dir.path());
  ASSERT_EQ(j.exit_code, 0);
  const Json out = Json::parse(j.out);
  EXPECT_TRUE(out["targets_met"]["optimized"].get<bool>());
  EXPECT_EQ(out["staffing"]["frontline"]["optimized"].size(), 4u);

  r = run_staffsim("optimize a.yaml --precision 1%", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --precision: optimize judges every plan with the scenario's "
            "replications (or --replications); give more of those instead\n");
}

TEST(RunCli, SummaryNamesTheForecastBehindTheArrivals) {
  // forecast-week.yaml forecasts its arrivals from the bank's 5-minute history with method auto:
  // summary.json says which method auto chose and for which dates.
  TempDir dir;
  const auto r = run_staffsim("run '" STAFFSIM_SOURCE_DIR
                              "/scenarios/forecast-week.yaml' --replications 2 --format json",
                              dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json arrivals = Json::parse(r.out)["contact_types"]["general"]["arrivals"];
  EXPECT_NE(arrivals["forecast_source"].get<std::string>().find("bank_calls_5min_train.csv"),
            std::string::npos);
  EXPECT_NE(arrivals["forecast_method"], "auto");
  EXPECT_FALSE(arrivals["forecast_method"].get<std::string>().empty());
  ASSERT_EQ(arrivals["forecast_dates"].size(), 5u);  // the horizon's five days
  EXPECT_EQ(arrivals["forecast_dates"][0], "2003-10-13");
}

}  // namespace
