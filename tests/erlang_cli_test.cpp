// `staffsim erlang` end to end: the built binary on good and bad input, its output formats, exit
// codes and error messages, and that a failure leaves no output file.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "models/erlang.hpp"

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
  EXPECT_EQ(header.rfind("interval_start,calls,aht_s,model,agents,binding_target", 0), 0u)
      << header;
  EXPECT_EQ(first.rfind("2003-03-03T07:00:00,300,240,erlang_c,46,service_level", 0), 0u) << first;
  EXPECT_EQ(second.rfind("2003-03-03T07:30:00,0,240,erlang_c,0,none", 0), 0u) << second;
  EXPECT_EQ(third.rfind("2003-03-03T08:00:00,300,240,erlang_c,46,", 0), 0u) << third;
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
                 "--agents: expected a whole number of agents of at least 1, found \"2.5\""},
        BadInput{"erlang --calls 300 --interval 30m --aht 4m --sl 80/20s --format xml",
                 "--format: expected table, json or csv, found \"xml\""},
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

}  // namespace
}  // namespace staffsim
