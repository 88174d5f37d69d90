// `staffsim erlang` end to end: the built binary on good and bad input, its output formats, exit
// codes and error messages, and that a failure leaves no output file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "models/erlang.hpp"
#include "models/staffing.hpp"

namespace staffsim {
namespace {

using staffsim::testing::run_staffsim;
using staffsim::testing::TempDir;

TEST(ErlangCli, SolveAsJsonHasTheDocumentedKeys) {
  TempDir dir;
  const auto r = run_staffsim(
      "erlang --calls 300 --interval 30m --aht 4m --sl 80/20s --shrinkage 30% --format json",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["model"], "erlang_c");
  // a = 40 E: 46 agents give SL 0.838790 (45 give 0.775393; exact rational computation).
  EXPECT_EQ(j["agents"], 46);
  EXPECT_EQ(j["scheduled_agents"], 66);  // ceil(46 / 0.7)
  EXPECT_EQ(j["binding_target"], "service_level");
  EXPECT_DOUBLE_EQ(j["offered_load_erlangs"].get<double>(), 40.0);
  EXPECT_NEAR(j["service_level"].get<double>(), 0.8387898060604344, 1e-12);
  EXPECT_NEAR(j["p_wait"].get<double>(), 0.2657906758018547, 1e-12);
  EXPECT_NEAR(j["occupancy"].get<double>(), 40.0 / 46, 1e-15);
  EXPECT_DOUBLE_EQ(j["within_s"].get<double>(), 20.0);
  EXPECT_TRUE(j.contains("asa_s"));
  EXPECT_TRUE(j.contains("mean_wait_s"));
  EXPECT_FALSE(j.contains("p_abandon"));
}

TEST(ErlangCli, EvaluateErlangA) {
  TempDir dir;
  const auto r = run_staffsim(
      "erlang --rate 2.5/s --aht 240s --patience 3m --agents 600 --within 30s --format json",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const models::ErlangA a(2.5, 240, 180, 600);
  EXPECT_EQ(j["model"], "erlang_a");
  EXPECT_DOUBLE_EQ(j["p_abandon"].get<double>(), a.p_abandon());
  EXPECT_DOUBLE_EQ(j["service_level"].get<double>(), a.service_level(30));
  EXPECT_DOUBLE_EQ(j["service_level_answered"].get<double>(), a.service_level_answered(30));
  EXPECT_DOUBLE_EQ(j["within_s"].get<double>(), 30.0);
  EXPECT_FALSE(j.contains("binding_target"));
}

TEST(ErlangCli, UnstableErlangCIsFlagged) {
  TempDir dir;
  auto r = run_staffsim("erlang --rate 1/s --aht 5m --agents 280 --format json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["stable"], false);
  EXPECT_FALSE(j.contains("p_wait"));
  EXPECT_FALSE(j.contains("service_level"));
  r = run_staffsim("erlang --rate 1/s --aht 5m --agents 280", dir.path());
  EXPECT_NE(r.out.find("UNSTABLE"), std::string::npos) << r.out;
}

TEST(ErlangCli, TableIsReadable) {
  TempDir dir;
  const auto r = run_staffsim(
      "erlang --calls 300 --interval 30m --aht 4m --patience 3m --sl 80/20s --max-abandon 5%",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Erlang A"), std::string::npos);
  EXPECT_NE(r.out.find("agents needed"), std::string::npos);
  EXPECT_NE(r.out.find("binding target"), std::string::npos);
}

TEST(ErlangCli, VolumesSeriesWritesOneRowPerInterval) {
  TempDir dir;
  dir.write("day.csv",
            "interval_start,calls,aht_s\n"
            "2003-03-03T07:00:00,300,\n"
            "2003-03-03T07:30:00,0,\n"
            "2003-03-03T08:00:00,300,240\n");
  const auto r = run_staffsim(
      "erlang --volumes day.csv --interval 30m --aht 4m --sl 80/20s --format csv --out plan.csv",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string csv = staffsim::testing::slurp(dir / "plan.csv");
  std::istringstream lines(csv);
  std::string header, first, second, third;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  std::getline(lines, third);
  EXPECT_EQ(header.rfind("interval_start,interval_s,calls,aht_s,model,agents,binding_target", 0),
            0u)
      << header;
  EXPECT_EQ(first.rfind("2003-03-03T07:00:00,1800,300,240,erlang_c,46,service_level", 0), 0u)
      << first;
  EXPECT_EQ(second.rfind("2003-03-03T07:30:00,1800,0,240,erlang_c,0,none", 0), 0u) << second;
  EXPECT_EQ(third.rfind("2003-03-03T08:00:00,1800,300,240,erlang_c,46,", 0), 0u) << third;
  EXPECT_EQ(r.out, "wrote plan.csv (3 rows)\n");
}

struct BadInput {
  const char* args;
  const char* message;
};

class ErlangCliBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(ErlangCliBadInput, ExitsOneWithMessage) {
  TempDir dir;
  const auto r = run_staffsim(GetParam().args, dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, std::string("staffsim: error: ") + GetParam().message + "\n");
  EXPECT_EQ(r.out, "");
}

INSTANTIATE_TEST_SUITE_P(
    Messages, ErlangCliBadInput,
    ::testing::Values(
        BadInput{"erlang --calls 300 --interval 30m --aht -3s --sl 80/20s",
                 "--aht: must be a positive duration, found \"-3s\""},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --sl 120/20s",
                 "--sl: the service level must be above 0% and below 100%, found \"120/20s\""},
        BadInput{"erlang --calls 300 --interval 30m --aht 4q --sl 80/20s",
                 "--aht: unknown duration unit \"q\" in \"4q\" (expected s, m, h or d, e.g. 20s, "
                 "5m, 1.5h)"},
        // A duration without its unit is refused: 30 would be read as seconds.
        BadInput{"erlang --calls 300 --interval 30 --aht 4m --sl 80/20s",
                 "--interval: expected a duration with its unit such as 20s, 5m or 1.5h, found "
                 "\"30\" (no unit)"},
        BadInput{"erlang --calls 300 --interval 30m --aht 240 --sl 80/20s",
                 "--aht: expected a duration with its unit such as 20s, 5m or 1.5h, found "
                 "\"240\" (no unit)"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --sl 80/20",
                 "--sl: expected a duration with its unit such as 20s, 5m or 1.5h, found \"20\" "
                 "(no unit)"},
        BadInput{"erlang --rate 120/30 --aht 4m --sl 80/20s",
                 "--rate: expected a rate with its interval such as 2.5/s, 90/h or 120/30m, found "
                 "\"120/30\" (the interval has no unit)"},
        BadInput{"erlang --aht 4m --sl 80/20s",
                 "missing volume: give --calls N --interval 30m, --rate 2.5/s, or --volumes "
                 "FILE.csv"},
        BadInput{"erlang --rate 3 --aht 4m --sl 80/20s",
                 "--rate: expected a rate with its interval such as 2.5/s, 90/h or 120/30m, "
                 "found \"3\""},
        BadInput{"erlang --calls 300 --aht 4m --sl 80/20s",
                 "--calls: give --interval too, the period the calls arrive in (e.g. 30m)"},
        BadInput{"erlang --calls 300 --interval 30m --sl 80/20s",
                 "missing --aht, the mean handle time (e.g. --aht 240s)"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --sl 80",
                 "--sl: expected <percent>/<time> such as 80/20s, found \"80\""},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --max-abandon 5%",
                 "an abandonment target needs Erlang A (give a mean patience)"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --model a --sl 80/20s",
                 "--model a: Erlang A needs --patience"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --agents 2.5",
                 "--agents: expected a whole number of agents of at least 1, or a range such as "
                 "42-48, found \"2.5\""},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --agents 48-42",
                 "--agents: expected a range from fewer to more agents such as 42-48, found "
                 "\"48-42\""},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --agents 1-1001",
                 "--agents: expected a range of at most 1000 staffing levels, found \"1-1001\""},
        // Options that would be ignored are errors.
        BadInput{"erlang --rate 10/m --interval 30m --aht 4m --sl 80/20s",
                 "--interval: applies to --calls and --volumes; --rate states its own interval "
                 "(e.g. 120/30m)"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --asa 15s --sl-of answered",
                 "--sl-of: chooses the definition of the --sl target; give --sl too"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --agents 42-44 --emit-scenario p.yaml",
                 "--emit-scenario: a scenario has one staffing level; give --agents N"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --max-block 1% --emit-scenario p.yaml",
                 "--emit-scenario: Erlang B has no queue, a scenario's callers wait; use --model "
                 "c or --patience"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --sl 80/20s --format xml",
                 "--format: expected table, json or csv, found \"xml\""},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --sl 80/20s --format jsn",
                 "--format: expected table, json or csv, found \"jsn\", did you mean \"json\"?"},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m",
                 "nothing to do: give --agents N to evaluate a staffing level, or a target (--sl, "
                 "--asa, --max-wait-prob, --max-abandon, --max-occupancy, --max-block) to find "
                 "the agents needed"}),
    [](const ::testing::TestParamInfo<BadInput>& info) {
      return "case" + std::to_string(info.index);
    });

TEST(ErlangCli, BadVolumesFileLeavesNoOutput) {
  TempDir dir;
  dir.write("bad.csv", "interval_start,calls\n2003-03-03T07:00:00,12\n2003-03-03T07:30:00,-4\n");
  const auto r = run_staffsim(
      "erlang --volumes bad.csv --interval 30m --aht 4m --sl 80/20s --out plan.csv", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: bad.csv:3: calls: expected a count >= 0, found \"-4\"\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "plan.csv"));
  const auto missing =
      run_staffsim("erlang --volumes nowhere.csv --interval 30m --aht 4m --sl 80/20s", dir.path());
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_EQ(missing.err, "staffsim: error: cannot read nowhere.csv: No such file or directory\n");
}

TEST(ErlangCli, UnknownFlagIsAUsageError) {
  TempDir dir;
  const auto r = run_staffsim("erlang --bogus 3", dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--bogus"), std::string::npos) << r.err;
}

// A row shorter than the others (a forecast's last interval of a day, 21:00-21:05) is solved for
// its own length: 50 calls in 5 minutes are the same load as 300 in 30 (40 Erlangs at 4 minutes).
TEST(ErlangCli, EachRowIsSolvedForItsOwnLength) {
  TempDir dir;
  dir.write("day.csv",
            "interval_start,interval_s,calls\n"
            "2003-03-03T20:30:00,1800,300\n"
            "2003-03-03T21:00:00,300,50\n");
  const auto r =
      run_staffsim("erlang --volumes day.csv --aht 4m --sl 80/20s --format json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& row : rows) {
    EXPECT_DOUBLE_EQ(row["offered_load_erlangs"].get<double>(), 40.0) << row;
    EXPECT_EQ(row["agents"], 46) << row;  // 40 E: 46 agents (SL 0.838790, 45 give 0.775393)
  }
  EXPECT_EQ(rows[1]["interval_s"], 300);
}

// The real forecast ends each day with the 5-minute 21:00 row; its load is that of 5 minutes.
TEST(ErlangCli, RealForecastsPartialLastRow) {
  TempDir dir;
  const std::string data = std::string(STAFFSIM_SHARED_DATA_DIR) + "/bank_calls_5min_train.csv";
  auto r = run_staffsim("forecast --history '" + data +
                            "' --interval 30m --days 1 --method profile --out forecast.csv",
                        dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The 21:00 row of the forecast, read here from the CSV.
  const std::string csv = staffsim::testing::slurp(dir / "forecast.csv");
  const std::size_t at = csv.find("T21:00:00,");
  ASSERT_NE(at, std::string::npos) << csv;
  std::istringstream row(csv.substr(at + 10));
  std::string length, calls;
  std::getline(row, length, ',');
  std::getline(row, calls, ',');
  EXPECT_EQ(length, "300");
  r = run_staffsim("erlang --volumes forecast.csv --aht 177s --sl 80/20s --format json",
                   dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 29u);
  EXPECT_EQ(rows[28]["interval_start"], "2003-10-13T21:00:00");
  EXPECT_NEAR(rows[28]["offered_load_erlangs"].get<double>(), std::stod(calls) / 300 * 177, 1e-9);
  EXPECT_GT(rows[28]["offered_load_erlangs"].get<double>(), 30);  // not 7.6 (calls / 30 minutes)
}

// Without an interval_s column the rows' length is their spacing; --interval must agree with it.
TEST(ErlangCli, IntervalIsInferredFromTheTimestamps) {
  TempDir dir;
  dir.write("day.csv",
            "interval_start,calls\n2003-03-03T07:00:00,300\n2003-03-03T07:30:00,300\n"
            "2003-03-04T07:00:00,300\n");
  auto r = run_staffsim("erlang --volumes day.csv --aht 4m --sl 80/20s --format json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& row : nlohmann::json::parse(r.out)) {
    EXPECT_EQ(row["interval_s"], 1800);
    EXPECT_DOUBLE_EQ(row["offered_load_erlangs"].get<double>(), 40.0);
  }
  r = run_staffsim("erlang --volumes day.csv --interval 15m --aht 4m --sl 80/20s", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --interval: 15m disagrees with day.csv, whose rows are 30m apart "
            "(lines 2 and 3); give --interval 30m or leave it out\n");
  dir.write("long.csv", "interval_start,interval_s,calls\n07:00,1800,300\n07:30,1800,300\n");
  r = run_staffsim("erlang --volumes long.csv --interval 1h --aht 4m --sl 80/20s", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --interval: 1h disagrees with long.csv, whose rows are 30m long (its "
            "interval_s column); give --interval 30m or leave it out\n");
  dir.write("uneven.csv", "interval_start,calls\n07:00,300\n07:30,300\n07:45,300\n");
  r = run_staffsim("erlang --volumes uneven.csv --aht 4m --sl 80/20s", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: uneven.csv:4: interval_start: expected 08:00 (rows 30m apart, as at "
            "lines 2 and 3), found \"07:45\"; give rows of other lengths an interval_s column\n");
  dir.write("single.csv", "interval_start,calls\n2003-03-03T07:00:00,300\n");
  r = run_staffsim("erlang --volumes single.csv --aht 4m --sl 80/20s", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --volumes: single.csv holds one row per day and no interval_s "
            "column, so the rows' length is unknown: give --interval (e.g. 30m)\n");
  r = run_staffsim("erlang --volumes single.csv --interval 30m --aht 4m --sl 80/20s --format json",
                   dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_DOUBLE_EQ(nlohmann::json::parse(r.out)[0]["offered_load_erlangs"].get<double>(), 40.0);
}

// --agents A-B: every staffing level's figures. 40 Erlangs in Erlang C: 45 agents give SL 0.775393
// and 46 give 0.838790 (exact rational computation, as above).
TEST(ErlangCli, StaffingTableOverARange) {
  TempDir dir;
  auto r = run_staffsim("erlang --calls 300 --interval 30m --aht 4m --agents 44-46 --format json",
                        dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = nlohmann::json::parse(r.out);
  ASSERT_EQ(rows.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(rows[i]["agents"], 44 + i);
  EXPECT_NEAR(rows[1]["service_level"].get<double>(), 0.775393, 5e-7);
  EXPECT_NEAR(rows[2]["service_level"].get<double>(), 0.838790, 5e-7);
  EXPECT_NEAR(rows[2]["occupancy"].get<double>(), 40.0 / 46, 1e-15);
  r = run_staffsim("erlang --calls 300 --interval 30m --aht 4m --agents 45-46", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("   agents  occupancy    P(wait)     SL 20s        ASA  mean wait\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n       45     88.89%     34.07%     77.54%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n       46     86.96%     26.58%     83.88%"), std::string::npos) << r.out;
}

// --within sets the threshold of the reported service level when solving too.
TEST(ErlangCli, WithinAppliesWhenSolving) {
  TempDir dir;
  const auto r = run_staffsim(
      "erlang --calls 300 --interval 30m --aht 4m --asa 15s --within 30s --format json",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["within_s"].get<double>(), 30.0);
  const models::ErlangC c(10.0 / 60, 240, j["agents"].get<int>());
  EXPECT_NEAR(j["service_level"].get<double>(), c.service_level(30), 1e-12);
}

// The staffing file erlang writes is a scenario's staffing as it is.
TEST(ErlangCli, StaffingFileFeedsAScenario) {
  TempDir dir;
  dir.write("day.csv", "interval_start,calls\n09:00,120\n09:30,300\n10:00,60\n");
  auto r =
      run_staffsim("erlang --volumes day.csv --aht 4m --sl 80/20s --out staffing.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  dir.write("plan.yaml",
            "name: staffed from a file\n"
            "horizon: {interval: 30m, intervals: 3, start: \"09:00\", days: 2}\n"
            "replications: 2\n"
            "contact_types:\n"
            "  - name: calls\n"
            "    arrivals: {per_interval: [120, 300, 60]}\n"
            "    handle_time: {distribution: exponential, mean: 4m}\n"
            "agent_groups:\n"
            "  - {name: agents, staffing: {file: staffing.csv}}\n"
            "routing:\n"
            "  calls: [{group: agents}]\n");
  r = run_staffsim("run plan.yaml --out out", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The agents on duty in groups.csv, day after day, are the solved ones: 120 calls in 30 minutes
  // at 4 minutes is 16 Erlangs, 300 is 40 and 60 is 8.
  const std::string groups = staffsim::testing::slurp(dir / "out" / "groups.csv");
  std::vector<int> agents;
  std::istringstream lines(groups);
  std::string line;
  std::getline(lines, line);
  const auto column = [&] {
    std::istringstream header(line);
    std::string name;
    for (int i = 0; std::getline(header, name, ','); ++i) {
      if (name == "agents") return i;
    }
    return -1;
  }();
  ASSERT_GE(column, 0) << line;
  while (std::getline(lines, line)) {
    std::istringstream fields(line);
    std::string field;
    for (int i = 0; i <= column; ++i) std::getline(fields, field, ',');
    agents.push_back(static_cast<int>(std::stod(field)));
  }
  models::StaffingTargets targets;
  targets.service_level = models::ServiceLevelGoal{0.8, 20};
  std::vector<int> expected;
  for (double calls : {120.0, 300.0, 60.0}) {
    expected.push_back(
        models::required_agents(models::QueueModel::erlang_c, {calls / 1800, 240, 0}, targets)
            .agents);
  }
  EXPECT_EQ(expected[1], 46);
  expected.insert(expected.end(), expected.begin(), expected.end());  // both days
  EXPECT_EQ(agents, expected);
}

// --emit-scenario writes a scenario that runs as it is, with the solved staffing.
TEST(ErlangCli, EmittedScenarioRuns) {
  TempDir dir;
  dir.write("day.csv",
            "interval_start,interval_s,calls,aht_s\n"
            "2003-03-03T09:00:00,1800,120,240\n2003-03-03T09:30:00,1800,300,240\n"
            "2003-03-03T10:00:00,300,50,240\n"
            "2003-03-04T09:00:00,1800,150,240\n2003-03-04T09:30:00,1800,240,240\n"
            "2003-03-04T10:00:00,300,40,240\n");
  auto r = run_staffsim(
      "erlang --volumes day.csv --patience 3m --sl 80/20s --max-abandon 5% --format json "
      "--out plan.json --emit-scenario plan.yaml",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "wrote plan.yaml\nwrote plan.json (6 rows)\n");
  EXPECT_EQ(r.err,
            "note: 2 shorter last row(s) of a day left out of the scenario (90 calls): its "
            "intervals are all 30m long\n");
  const std::string yaml = staffsim::testing::slurp(dir / "plan.yaml");
  EXPECT_NE(yaml.find("horizon: {interval: 30m, intervals: 2, start: \"09:00\", days: 2}"),
            std::string::npos)
      << yaml;
  EXPECT_NE(yaml.find("arrivals: {per_interval: [120, 300, 150, 240]}"), std::string::npos);
  EXPECT_NE(yaml.find("handle_time: {distribution: exponential, mean: 240s}"), std::string::npos);
  EXPECT_NE(yaml.find("patience: {distribution: exponential, mean: 180s}"), std::string::npos);
  EXPECT_NE(yaml.find("targets: {service_level: {within: 20s, at_least: 80%, definition: "
                      "offered}, max_abandon: 5%}"),
            std::string::npos);
  const auto rows = nlohmann::json::parse(staffsim::testing::slurp(dir / "plan.json"));
  std::string staffing = "staffing: [";
  for (int i : {0, 1, 3, 4}) {
    staffing += (i ? ", " : "") + std::to_string(rows[i]["agents"].get<int>());
  }
  EXPECT_NE(yaml.find(staffing + "]"), std::string::npos) << yaml;
  r = run_staffsim("run plan.yaml --replications 2", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;

  // One interval: a warm-up as long, so the interval starts near steady state.
  r = run_staffsim(
      "erlang --calls 300 --interval 30m --aht 4m --sl 80/20s --emit-scenario one.yaml",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string one = staffsim::testing::slurp(dir / "one.yaml");
  EXPECT_NE(one.find("horizon: {interval: 30m, intervals: 1, start: \"00:00\", warmup: 30m}"),
            std::string::npos)
      << one;
  EXPECT_NE(one.find("staffing: [46]"), std::string::npos) << one;
  EXPECT_NE(one.find("arrivals: {per_interval: [300]}"), std::string::npos) << one;
  EXPECT_EQ(run_staffsim("run one.yaml --replications 2", dir.path()).exit_code, 0);
}

// "-" is standard input for --volumes and standard output for --out.
TEST(ErlangCli, DashIsStandardInputAndOutput) {
  TempDir dir;
  dir.write("day.csv", "interval_start,calls\n07:00,300\n07:30,300\n");
  const auto r = run_staffsim("erlang --volumes - --aht 4m --sl 80/20s --out - --format csv",
                              dir.path(), "day.csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("interval_start,interval_s,calls,aht_s,model,agents,binding_target", 0), 0u)
      << r.out;
  EXPECT_NE(r.out.find("\n07:30,1800,300,240,erlang_c,46,"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(dir / "-"));
}

// The README's `staffsim erlang` examples are what the binary prints, to the character.
TEST(ErlangCli, ReadmeExamplesAreTrue) {
  std::istringstream readme(
      staffsim::testing::slurp(std::string(STAFFSIM_SOURCE_DIR) + "/README.md"));
  const std::string prompt = "    $ build/staffsim erlang ";
  int examples = 0;
  std::string line;
  std::getline(readme, line);
  while (readme) {
    if (line.rfind(prompt, 0) != 0) {
      std::getline(readme, line);
      continue;
    }
    const std::string args = "erlang " + line.substr(prompt.size());
    std::string expected;
    while (std::getline(readme, line) && line.rfind("    ", 0) == 0 && line.rfind(prompt, 0) != 0) {
      expected += line.substr(4) + "\n";
    }
    TempDir dir;
    const auto r = run_staffsim(args, dir.path());
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.err;
    EXPECT_EQ(r.out, expected) << args;
    ++examples;
  }
  EXPECT_EQ(examples, 2);
}

}  // namespace
}  // namespace staffsim
