// `staffsim run` as a user sees it: the built binary on good and broken scenarios, its exit codes,
// its messages on stderr and the files it leaves behind (or not).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "tests/cli_runner.hpp"
#include "tests/html_report_checks.hpp"

namespace {

namespace fs = std::filesystem;
using staffsim::testing::fields_of;
using staffsim::testing::lines_of;

struct Outcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

class RunCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("staffsim_run_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path write(const std::string& name, const std::string& content) {
    fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  // Runs `staffsim <args>` (args already shell-quoted where needed).
  Outcome staffsim(const std::string& args) {
    fs::path out = dir_ / "stdout.txt";
    fs::path err = dir_ / "stderr.txt";
    std::string command = std::string("'") + STAFFSIM_BINARY + "' " + args + " >'" + out.string() +
                          "' 2>'" + err.string() + "'";
    int status = std::system(command.c_str());
    Outcome outcome;
    outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    outcome.out = slurp(out);
    outcome.err = slurp(err);
    fs::remove(out);
    fs::remove(err);
    return outcome;
  }

  fs::path dir_;
};

// Small enough to simulate in milliseconds: two half-hours, a dozen calls each, 4 replications.
const char* const kSmallScenario = R"(name: small test line
horizon: {interval: 30m, intervals: 2, start: "09:00"}
replications: 4
seed: 11
contact_types:
  - name: general
    arrivals: {per_interval: [12, 18]}
    handle_time: {distribution: exponential, mean: 4m}
    patience: {distribution: exponential, mean: 2m}
    targets: {service_level: {within: 20s, at_least: 80%}, max_abandon: 5%}
  - name: vip
    priority: 1
    arrivals: {rate: 6/h}
    handle_time: {distribution: lognormal, mean: 5m, sd: 3m}
agent_groups:
  - {name: vip_desk, staffing: 1}
  - {name: frontline, staffing: [3, 4]}
routing:
  general: [{group: frontline}]
  vip: [{group: vip_desk}, {group: frontline, after: 30s}]
)";

TEST_F(RunCli, WritesSummaryAndBothTables) {
  fs::path scenario = write("plan.yaml", kSmallScenario);
  fs::path out = dir_ / "results" / "monday";  // created with its parent
  Outcome r = staffsim("run '" + scenario.string() + "' --out '" + out.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // stderr is not a terminal: no progress
  EXPECT_EQ(r.out.rfind("Scenario: small test line\n", 0), 0u) << r.out;
  EXPECT_NE(
      r.out.find(
          "\nContact type general (priority 0; service level = answered within 20s / offered)\n"),
      std::string::npos);
  EXPECT_NE(r.out.find(
                "\nContact type vip (priority 1; service level = answered within 20s / offered)\n"),
            std::string::npos);
  EXPECT_NE(r.out.find("\nAgent groups\n"), std::string::npos);
  EXPECT_NE(r.out.find("\nWrote summary.json, intervals.csv, days.csv, groups.csv and report.html "
                       "to " +
                       out.string() + "\n"),
            std::string::npos);

  auto intervals = lines_of(slurp(out / "intervals.csv"));
  ASSERT_EQ(intervals.size(), 1u + 2 * 2);  // header + intervals x contact types
  EXPECT_EQ(intervals[0].rfind("day,date,interval_start,contact_type,offered,offered_ci_low,", 0),
            0u);
  EXPECT_EQ(intervals[1].rfind("1,,09:00,general,", 0), 0u);
  EXPECT_EQ(intervals[2].rfind("1,,09:00,vip,", 0), 0u);
  EXPECT_EQ(intervals[3].rfind("1,,09:30,general,", 0), 0u);
  EXPECT_EQ(intervals[4].rfind("1,,09:30,vip,", 0), 0u);
  // The contact KPIs: intervals.csv has three columns for each (kpi, kpi_ci_low, kpi_ci_high).
  const std::vector<std::string> columns = fields_of(intervals[0]);
  std::vector<std::string> kpis;
  for (std::size_t i = 4; i < columns.size(); i += 3) kpis.push_back(columns[i]);
  EXPECT_EQ(kpis.size(), 13u);  // the documented contact KPIs; this scenario has no issues

  auto summary = nlohmann::json::parse(slurp(out / "summary.json"));
  EXPECT_EQ(summary["scenario"], "small test line");
  EXPECT_EQ(summary["seed"], 11);
  EXPECT_EQ(summary["replications"], 4);
  for (const char* type : {"general", "vip"}) {
    const auto& estimates = summary["contact_types"][type];
    for (const std::string& kpi : kpis) {
      ASSERT_TRUE(estimates.contains(kpi)) << type << " " << kpi;
      for (const char* part : {"mean", "ci_low", "ci_high"}) {
        EXPECT_TRUE(estimates[kpi].contains(part)) << type << " " << kpi << " " << part;
      }
    }
    // Every offered contact is answered or abandoned, in every replication, so in the mean too.
    double offered = estimates["offered"]["mean"];
    double answered = estimates["answered"]["mean"];
    double abandoned = estimates["abandoned"]["mean"];
    EXPECT_NEAR(offered, answered + abandoned, 1e-9 * (1 + offered)) << type;
  }
  EXPECT_EQ(summary["contact_types"]["general"]["targets"]["service_level"]["at_least"], 0.8);
  EXPECT_FALSE(summary["contact_types"]["vip"]["targets"].contains("service_level"));
  for (const char* group : {"vip_desk", "frontline"}) {
    EXPECT_TRUE(summary["agent_groups"][group].contains("occupancy")) << group;
    EXPECT_FALSE(summary["agent_groups"][group].contains("cost")) << group;  // no cost per hour
  }
  // Agents are on duty while scheduled (vip_desk 1 agent for an hour, frontline 3 then 4 for half
  // an hour each) and while they finish a call after the close; all groups are their sum.
  const double vip_hours = summary["agent_groups"]["vip_desk"]["agent_hours"]["mean"];
  const double frontline_hours = summary["agent_groups"]["frontline"]["agent_hours"]["mean"];
  EXPECT_GE(vip_hours, 1.0);
  EXPECT_GE(frontline_hours, 3.5);
  EXPECT_NEAR(double(summary["agent_hours"]["mean"]), vip_hours + frontline_hours, 1e-9);
  EXPECT_FALSE(summary.contains("cost"));
  EXPECT_FALSE(summary.contains("days"));  // one day

  auto groups = lines_of(slurp(out / "groups.csv"));
  ASSERT_EQ(groups.size(), 1u + 2 * 2);
  EXPECT_EQ(groups[1].rfind("1,,09:00,vip_desk,1,", 0), 0u);
  EXPECT_EQ(groups[4].rfind("1,,09:30,frontline,4,", 0), 0u);
  // One day: its row per contact type holds the figures of the whole horizon (no date without a
  // start_date).
  auto days = lines_of(slurp(out / "days.csv"));
  ASSERT_EQ(days.size(), 1u + 2);  // header + contact types
  EXPECT_EQ(days[0], "day,date," + intervals[0].substr(intervals[0].find("contact_type")));
  EXPECT_EQ(days[1].rfind("1,,general,", 0), 0u);
  EXPECT_EQ(days[2].rfind("1,,vip,", 0), 0u);
  EXPECT_NEAR(std::stod(fields_of(days[1])[3]),
              double(summary["contact_types"]["general"]["offered"]["mean"]), 1e-6);
  // report.html: self-contained, a canvas per chart, the charts drawn from the data it embeds.
  const std::string html = slurp(out / "report.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_EQ(staffsim::testing::external_references(html), std::vector<std::string>{});
  const auto data = staffsim::testing::embedded_report_data(html);
  ASSERT_TRUE(data.is_object());
  ASSERT_EQ(data["charts"].size(), 10u);  // 4 per contact type, staffing, occupancy
  EXPECT_EQ(staffsim::testing::count_of(html, "<canvas "), 10u);
  EXPECT_EQ(data["charts"][0]["id"], "offered-type1");
  EXPECT_EQ(data["charts"][0]["x"]["labels"], nlohmann::json({"09:00", "09:30"}));
  const auto& offered = data["charts"][0]["series"][0]["values"];
  EXPECT_NEAR(double(offered[0]) + double(offered[1]),
              double(summary["contact_types"]["general"]["offered"]["mean"]), 1e-3);
  // Nothing but the five files: no temporaries left behind.
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(out)) ++files;
  EXPECT_EQ(files, 5);
}

// All files or none: when one cannot be put in place (here a folder named days.csv is in the
// way), the files put in place before it are taken back.
TEST_F(RunCli, NoFileWhenOneCannotBeWritten) {
  fs::path scenario = write("plan.yaml", kSmallScenario);
  fs::path out = dir_ / "out";
  fs::create_directories(out / "days.csv");
  Outcome r = staffsim("run '" + scenario.string() + "' --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "staffsim: error: cannot write " + (out / "days.csv").string() + ": Is a directory\n");
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(out))
    left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"days.csv"});
}

// The same for report.html, the last of the files: a folder in its way, and no file remains,
// a report.html of an earlier run neither.
TEST_F(RunCli, NoReportWhenItCannotBeWritten) {
  fs::path scenario = write("plan.yaml", kSmallScenario);
  fs::path out = dir_ / "out";
  fs::create_directories(out / "report.html");
  Outcome r = staffsim("run '" + scenario.string() + "' --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "staffsim: error: cannot write " + (out / "report.html").string() +
                       ": Is a directory\n");
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(out))
    left.push_back(entry.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"report.html"});
  EXPECT_TRUE(fs::is_directory(out / "report.html"));

  // An earlier run's files stay as they were when a later run fails.
  fs::remove_all(out);
  ASSERT_EQ(staffsim("run '" + scenario.string() + "' --out '" + out.string() + "'").exit_code, 0);
  const std::string before = slurp(out / "report.html");
  fs::create_directories(out / "groups.csv.blocker");
  fs::remove(out / "groups.csv");
  fs::rename(out / "groups.csv.blocker", out / "groups.csv");
  r = staffsim("run '" + scenario.string() + "' --seed 99 --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(slurp(out / "report.html"), before);
}

TEST_F(RunCli, JsonFormatPrintsSummaryJsonAndIsReproducible) {
  fs::path scenario = write("plan.yaml", kSmallScenario);
  Outcome first = staffsim("run '" + scenario.string() + "' --format json --out '" +
                           (dir_ / "out").string() + "'");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out, slurp(dir_ / "out" / "summary.json"));
  Outcome again = staffsim("run '" + scenario.string() + "' --format json --threads 1");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, first.out);  // same seed, any thread count: the same figures
  Outcome overridden =
      staffsim("run '" + scenario.string() + "' --format json --replications 3 --seed 5");
  ASSERT_EQ(overridden.exit_code, 0) << overridden.err;
  auto summary = nlohmann::json::parse(overridden.out);
  EXPECT_EQ(summary["replications"], 3);
  EXPECT_EQ(summary["seed"], 5);
}

TEST_F(RunCli, BrokenScenarioReportsEveryErrorAndWritesNothing) {
  std::string text = kSmallScenario;
  text.replace(text.find("[12, 18]"), 8, "[12, 18, 30]");
  text.replace(text.find("mean: 4m"), 8, "mean: -4m");
  text.replace(text.find("{group: frontline, after"), 17, "{group: front");
  fs::path scenario = write("plan.yaml", text);
  fs::path out = dir_ / "out";
  Outcome r = staffsim("run '" + scenario.string() + "' --out '" + out.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  const std::string file = scenario.string();
  EXPECT_EQ(r.err, "staffsim: error: " + file +
                       ":7:30: contact_types[0].arrivals.per_interval: expected 2 values (one per "
                       "interval), found 3\n" +
                       file +
                       ":8:52: contact_types[0].handle_time.mean: expected a positive duration, "
                       "found \"-4m\"\n" +
                       file +
                       ":20:36: routing.vip[1].group: unknown agent group \"front\", expected one "
                       "of: vip_desk, frontline\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(RunCli, YamlSyntaxError) {
  fs::path scenario = write("plan.yaml", "name: x\nhorizon: [1, 2\n");
  Outcome r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: " + scenario.string() +
                       ":3:1: invalid YAML: end of sequence flow not found\n");
}

TEST_F(RunCli, MissingScenarioFileIsAnIoError) {
  std::string missing = (dir_ / "nope.yaml").string();
  Outcome r = staffsim("run '" + missing + "' --out '" + (dir_ / "out").string() + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err, "staffsim: error: cannot read " + missing + ": No such file or directory\n");
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(RunCli, BadFlagValuesAreBadInput) {
  fs::path scenario = write("plan.yaml", kSmallScenario);
  const std::string run =
      "run '" + scenario.string() + "' --out '" + (dir_ / "out").string() + "' ";
  Outcome r = staffsim(run + "--replications 0");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --replications: expected a whole number from 1 to 1000000, found "
            "\"0\"\n");
  r = staffsim(run + "--seed -3");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --seed: expected a whole number from 0 to 18446744073709551615, "
            "found \"-3\"\n");
  r = staffsim(run + "--threads two");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --threads: expected a whole number from 0 to 1024, found \"two\"\n");
  r = staffsim(run + "--format xml");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: --format: expected table, json or csv, found \"xml\"\n");
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

// The seed is a 64-bit number: every value up to 2^64 - 1 is accepted, in the file and on the
// command line, and reported as given.
TEST_F(RunCli, SeedsTakeTheWholeSixtyFourBitRange) {
  std::string text = kSmallScenario;
  text.replace(text.find("seed: 11"), 8, "seed: 18446744073709551615");
  fs::path scenario = write("plan.yaml", text);
  Outcome r = staffsim("run '" + scenario.string() + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["seed"].get<std::uint64_t>(), 18446744073709551615u);
  r = staffsim("run '" + scenario.string() + "' --seed 1000000000000000000 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["seed"].get<std::uint64_t>(), 1000000000000000000u);
  r = staffsim("run '" + scenario.string() + "' --seed 18446744073709551616");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --seed: expected a whole number from 0 to 18446744073709551615, "
            "found \"18446744073709551616\"\n");
  text.replace(text.find("seed: 18446744073709551615"), 26, "seed: 18446744073709551616");
  scenario = write("plan.yaml", text);
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: " + scenario.string() +
                       ":4:7: seed: expected a whole number from 0 to 18446744073709551615, found "
                       "\"18446744073709551616\"\n");
}

TEST_F(RunCli, UsageErrors) {
  Outcome r = staffsim("run");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "staffsim: error: scenario is required\nRun with --help for more information.\n");
  fs::path scenario = write("plan.yaml", kSmallScenario);
  r = staffsim("run '" + scenario.string() + "' --replication 5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "staffsim: error: run: unknown flag \"--replication\", did you mean "
            "\"--replications\"?\nRun with --help for more information.\n");
  r = staffsim("run '" + scenario.string() + "' --bogus 3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "staffsim: error: run: unknown flag \"--bogus\", expected one of: --help, "
            "--replications, --seed, --threads, --precision, --max-replications, --out, --format, "
            "--check, --junit\n"
            "Run with --help for more information.\n");
}

TEST_F(RunCli, OutputFolderThatIsAFile) {
  fs::path scenario = write("plan.yaml", kSmallScenario);
  fs::path blocker = write("taken", "not a folder\n");
  Outcome r = staffsim("run '" + scenario.string() + "' --out '" + blocker.string() + "'");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err,
            "staffsim: error: cannot create directory " + blocker.string() + ": Not a directory\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(slurp(blocker), "not a folder\n");
}

TEST_F(RunCli, EmpiricalFileIsReadNextToTheScenario) {
  std::string text = kSmallScenario;
  text.replace(text.find("{distribution: exponential, mean: 4m}"), 37,
               "{distribution: empirical, file: talk.csv, column: seconds}");
  fs::create_directories(dir_ / "plans");
  fs::path scenario = dir_ / "plans" / "plan.yaml";
  std::ofstream(scenario, std::ios::binary) << text;
  std::ofstream(dir_ / "plans" / "talk.csv", std::ios::binary) << "seconds\n120\n240\n360\n";
  // Run from another folder: the CSV is found relative to the scenario, not to the caller.
  Outcome r = staffsim("run '" + scenario.string() + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  fs::remove(dir_ / "plans" / "talk.csv");
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: " + scenario.string() +
                       ":8:50: contact_types[0].handle_time.file: cannot read " +
                       (dir_ / "plans" / "talk.csv").string() + ": No such file or directory\n");
}

// Erlang C for N agents and offered load A Erlangs, from the Erlang B recursion
// B(k) = A B(k-1) / (k + A B(k-1)), C = N B / (N - A (1 - B)).
double erlang_c(int agents, double load) {
  double b = 1;
  for (int k = 1; k <= agents; ++k) b = load * b / (k + load * b);
  return agents * b / (agents - load * (1 - b));
}

// scenarios/mmn-validation.yaml end to end against the exact M/M/10 figures it quotes.
// Tolerance: 2.2 confidence half-widths. Each 95% half-width is 1.98 standard errors (t, 99 df),
// so 2.2 of them are 4.36 standard errors: a false failure has probability about 1.3e-5 per
// figure, 4e-5 for the three (normal approximation over 100 replications of ~800 calls). The
// close of each day (agents who finish after 17:00) moves the occupancy by about 0.2 points,
// well inside that tolerance.
TEST_F(RunCli, MmnExampleMatchesErlangC) {
  Outcome r = staffsim("run '" + std::string(STAFFSIM_SOURCE_DIR) +
                       "/scenarios/mmn-validation.yaml' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto summary = nlohmann::json::parse(r.out);
  const double load = 100.0 / 3600.0 * 300.0;  // 100 calls/h x 5 min
  const int agents = 10;
  const double p_wait = erlang_c(agents, load);
  const double service_level = 1 - p_wait * std::exp(-(agents - load) * 20.0 / 300.0);
  const double asa_s = p_wait * 300.0 / (agents - load);
  auto check = [](const nlohmann::json& estimate, double exact, const char* what) {
    double mean = estimate["mean"];
    double half_width = (double(estimate["ci_high"]) - double(estimate["ci_low"])) / 2;
    EXPECT_NEAR(mean, exact, 2.2 * half_width) << what;
  };
  const auto& calls = summary["contact_types"]["calls"];
  check(calls["service_level"], service_level, "service level");
  check(calls["asa_s"], asa_s, "ASA");
  check(summary["agent_groups"]["agents"]["occupancy"], load / agents, "occupancy");
  EXPECT_EQ(double(calls["abandoned"]["mean"]), 0.0);
}

// --format csv prints intervals.csv; "-" reads the scenario from standard input (its files from
// the current folder) and is refused as the output folder.
TEST_F(RunCli, CsvFormatStandardInputAndNoFolderOnStandardOutput) {
  fs::path scenario = write("plan.yaml", kSmallScenario);
  Outcome r = staffsim("run '" + scenario.string() + "' --format csv --out '" +
                       (dir_ / "out").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, slurp(dir_ / "out" / "intervals.csv"));
  Outcome piped = staffsim("run - --format csv < '" + scenario.string() + "'");
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out, r.out);
  r = staffsim("run '" + scenario.string() + "' --out -");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --out: expected a folder for summary.json, intervals.csv, days.csv, "
            "groups.csv and report.html, found \"-\" (standard output holds one of them: use "
            "--format json or csv)\n");
}

// A staffing file in place of a list: read relative to the scenario, each problem positioned at
// the `file` key with the CSV line.
TEST_F(RunCli, StaffingFromAFile) {
  std::string text = kSmallScenario;
  text.replace(text.find("staffing: [3, 4]"), 16, "staffing: {file: frontline.csv}");
  fs::path scenario = write("plan.yaml", text);
  write("frontline.csv", "interval_start,agents\n09:00,3\n09:30,4\n");
  Outcome r = staffsim("run '" + scenario.string() + "' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Outcome listed =
      staffsim("run '" + write("listed.yaml", kSmallScenario).string() + "' --format json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  auto a = nlohmann::json::parse(r.out), b = nlohmann::json::parse(listed.out);
  a.erase("scenario");
  b.erase("scenario");
  EXPECT_EQ(a, b);  // the same staffing gives the same figures

  const std::string at = scenario.string() + ":17:40: agent_groups[1].staffing.file: ";
  write("frontline.csv", "interval_start,agents\n09:00,3\n09:30,four\n");
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: " + at + (dir_ / "frontline.csv").string() +
                       ":3: agents: expected a whole number of agents from 0 to 1000000, found "
                       "\"four\"\n");
  write("frontline.csv", "interval_start,agents\n09:00,3\n10:00,4\n");
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.err, "staffsim: error: " + at + (dir_ / "frontline.csv").string() +
                       ":3: interval_start: rows 1h apart, expected the horizon's interval of 30m "
                       "(solve it at that interval with staffsim erlang --volumes or staffsim "
                       "plan, or write one row per interval)\n");
  write("frontline.csv", "interval_start,interval_s,agents\n09:00,1800,3\n09:30,300,4\n");
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.err, "staffsim: error: " + at + (dir_ / "frontline.csv").string() +
                       ":3: interval_s: the horizon interval at 09:30 is only partly covered by "
                       "this row, 5m long (the file's day ends at 09:35): end the horizon by "
                       "09:30\n");
  fs::remove(dir_ / "frontline.csv");
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: " + at + "cannot read " + (dir_ / "frontline.csv").string() +
                       ": No such file or directory\n");
  text.replace(text.find("{file: frontline.csv}"), 21, "{column: agents}");
  scenario = write("plan.yaml", text);
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.err, "staffsim: error: " + scenario.string() +
                       ":17:33: agent_groups[1].staffing: missing required key \"file\"\n");
}

// A forecast CSV's shorter last row of a day is refused where the horizon would read it as a
// whole interval, as a history's is.
TEST_F(RunCli, ForecastFileWithAPartialRow) {
  const std::string data = std::string(STAFFSIM_SHARED_DATA_DIR) + "/bank_calls_5min_train.csv";
  const fs::path forecast = dir_ / "forecast.csv";
  Outcome r =
      staffsim("forecast --history '" + data +
               "' --interval 30m --days 1 --method profile --out '" + forecast.string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string text = kSmallScenario;
  text.replace(text.find("{interval: 30m, intervals: 2, start: \"09:00\"}"), 45,
               "{interval: 30m, intervals: 29, start: \"07:00\"}");
  text.replace(text.find("{per_interval: [12, 18]}"), 24,
               "{forecast: {file: forecast.csv, share: 90%}}");
  text.replace(text.find("[3, 4]"), 6, "40");
  fs::path scenario = write("plan.yaml", text);
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: " + scenario.string() +
                       ":7:33: contact_types[0].arrivals.forecast.file: " + forecast.string() +
                       ":30: interval_s: the horizon interval at 21:00 is only partly covered by "
                       "this row, 5m long (the file's day ends at 21:05): end the horizon by "
                       "21:00\n");
  text.replace(text.find("intervals: 29"), 13, "intervals: 28");
  scenario = write("plan.yaml", text);
  r = staffsim("run '" + scenario.string() + "' --replications 2");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// Limits are stated and checked, never clamped: weekday_mean's weeks, intervals x days.
TEST_F(RunCli, LimitsAreErrorsNotClamps) {
  std::string text = kSmallScenario;
  text.replace(text.find("{interval: 30m, intervals: 2, start: \"09:00\"}"), 45,
               "{interval: 1m, intervals: 1440, days: 1000}");
  text.replace(text.find("[3, 4]"), 6, "4");
  text.replace(text.find("{per_interval: [12, 18]}"), 24, "{rate: 1/m}");
  fs::path scenario = write("plan.yaml", text);
  Outcome r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: " + scenario.string() +
                       ":2:48: horizon.days: expected intervals x days at most 1000000, found "
                       "1440 x 1000 = 1440000\n");
  write("history.csv", "timestamp,calls\n2003-03-03T09:00:00,4\n2003-03-03T09:30:00,5\n");
  text = kSmallScenario;
  text.replace(text.find("{per_interval: [12, 18]}"), 24,
               "{forecast: {history: history.csv, method: weekday_mean, weeks: 5000}}");
  scenario = write("plan.yaml", text);
  r = staffsim("run '" + scenario.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: " + scenario.string() +
                       ":7:78: contact_types[0].arrivals.forecast.weeks: expected at most 1000 "
                       "weeks, found \"5000\"\n");
}

// A slip of the keyboard that once started a run without end (a count of 1e308 or 99999999999
// calls in one interval of a shipped scenario) is refused where it stands, before anything runs.
TEST_F(RunCli, HugeCountsAndDurationsAreRefusedAtTheirPosition) {
  const fs::path shipped = fs::path(STAFFSIM_SOURCE_DIR) / "scenarios";
  struct Slip {
    const char* file;
    const char* from;
    const char* to;
    const char* message;  // after "<path>:"
  };
  const std::vector<Slip> slips = {
      {"multi-day.yaml", "per_interval: [50, 88,", "per_interval: [50, 1e308,",
       "22:26: contact_types[0].arrivals.per_interval[1]: expected at most 3600000 calls in 1h "
       "(1000 a second), found \"1e308\""},
      {"default.yaml", "per_interval: [38, 43,", "per_interval: [38, 99999999999,",
       "38:26: contact_types[1].arrivals.per_interval[1]: expected at most 1800000 calls in 30m "
       "(1000 a second), found \"99999999999\""},
      {"default.yaml", "per_interval: [38, 43,", "per_interval: [38, 1e308,",
       "38:26: contact_types[1].arrivals.per_interval[1]: expected at most 1800000 calls in 30m "
       "(1000 a second), found \"1e308\""},
      {"default.yaml", "mean: 177s, sd: 242s", "mean: 1e300s, sd: 242s",
       "30:50: contact_types[0].handle_time.mean: expected a duration of at most 366d, found "
       "\"1e300s\""},
  };
  for (const Slip& slip : slips) {
    std::string text = slurp(shipped / slip.file);
    ASSERT_NE(text.find(slip.from), std::string::npos) << slip.file << ": " << slip.from;
    text.replace(text.find(slip.from), std::string(slip.from).size(), slip.to);
    const fs::path scenario = write(slip.file, text);
    const fs::path out = dir_ / "out";
    Outcome r = staffsim("run '" + scenario.string() + "' --out '" + out.string() + "'");
    EXPECT_EQ(r.exit_code, 1) << slip.to;
    EXPECT_EQ(r.err, "staffsim: error: " + scenario.string() + ":" + slip.message + "\n");
    EXPECT_FALSE(fs::exists(out));
  }
}

// A run larger than the limit of contacts is refused with its size, before it starts; a large one
// says how many contacts it will simulate.
TEST_F(RunCli, RunSizeIsSaidAndLimited) {
  std::string text = kSmallScenario;
  text.replace(text.find("{per_interval: [12, 18]}"), 24, "{rate: 1000/s}");
  text.replace(text.find("replications: 4"), 15, "replications: 1000000");
  const fs::path big = write("big.yaml", text);
  Outcome r = staffsim("run '" + big.string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  // 1000 a second for an hour, and vip's 6 an hour: 3,600,006 a replication.
  EXPECT_EQ(r.err,
            "staffsim: error: the run would simulate about 3.6e+03 billion contacts (1000000 "
            "replications of about 3.6 million), more than the limit of 10 billion: ask for fewer "
            "replications (--replications, --max-replications), days or calls\n");
}

// Ctrl-C or SIGTERM during a run: the process stops at once, exit code 128 + the signal, and
// nothing is written (not even the --out folder).
TEST_F(RunCli, InterruptedRunLeavesNothing) {
  const fs::path scenario = fs::path(STAFFSIM_SOURCE_DIR) / "scenarios" / "default.yaml";
  const fs::path out = dir_ / "out";
  const fs::path err = dir_ / "stderr.txt";
  const std::string command = "'" + std::string(STAFFSIM_BINARY) + "' run '" + scenario.string() +
                              "' --replications 100000 --out '" + out.string() + "' 2>'" +
                              err.string() +
                              "' & pid=\\$!; sleep 2; kill -TERM \\$pid; wait \\$pid";
  const int status = std::system(("bash -c \"" + command + "\"").c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 128 + 15);
  EXPECT_NE(slurp(err).find("staffsim: interrupted: nothing was written"), std::string::npos);
  EXPECT_FALSE(fs::exists(out));
}

// A file-size limit (a full disk, as ulimit -f makes one) fails the write with a message and exit
// code 3; nothing is left, not even the folder the run created, and an earlier run's files stay.
TEST_F(RunCli, FullDiskLeavesNothingAndKeepsEarlierResults) {
  const fs::path scenario = write("plan.yaml", kSmallScenario);
  const fs::path out = dir_ / "new" / "out";
  auto limited = [&](const std::string& args) {
    const fs::path err = dir_ / "stderr.txt";
    const std::string command = "ulimit -f 4; '" + std::string(STAFFSIM_BINARY) + "' " + args +
                                " >/dev/null 2>'" + err.string() + "'";
    const int status = std::system(("bash -c \"" + command + "\"").c_str());
    return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(err));
  };
  auto [code, message] = limited("run '" + scenario.string() + "' --out '" + out.string() + "'");
  EXPECT_EQ(code, 3);
  EXPECT_NE(message.find("staffsim: error: cannot write " + out.string()), std::string::npos)
      << message;
  EXPECT_NE(message.find(": File too large"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(dir_ / "new"));

  const fs::path kept = dir_ / "kept";
  ASSERT_EQ(staffsim("run '" + scenario.string() + "' --out '" + kept.string() + "'").exit_code, 0);
  const std::string summary = slurp(kept / "summary.json");
  std::tie(code, message) =
      limited("run '" + scenario.string() + "' --seed 5 --out '" + kept.string() + "'");
  EXPECT_EQ(code, 3);
  EXPECT_EQ(slurp(kept / "summary.json"), summary);
  std::vector<std::string> left;
  for (const auto& entry : fs::directory_iterator(kept))
    left.push_back(entry.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{"days.csv", "groups.csv", "intervals.csv",
                                            "report.html", "summary.json"}));
}

}  // namespace
