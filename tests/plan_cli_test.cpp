// `staffsim plan` end to end: the built binary on good and bad scenarios. Its agents agree with
// `staffsim erlang` run on the same inputs (both binaries, compared here), its plan.csv is a
// staffing file that the scenario runs with, and its errors carry their position.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace staffsim {
namespace {

using staffsim::testing::fields_of;
using staffsim::testing::lines_of;
using staffsim::testing::run_staffsim;
using staffsim::testing::slurp;
using staffsim::testing::TempDir;
using Json = nlohmann::json;

// A CSV as rows of named fields.
std::vector<std::map<std::string, std::string>> csv_rows(const std::string& text) {
  const auto lines = lines_of(text);
  std::vector<std::map<std::string, std::string>> rows;
  if (lines.empty()) return rows;
  const auto header = fields_of(lines[0]);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto fields = fields_of(lines[i]);
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < header.size() && c < fields.size(); ++c) row[header[c]] = fields[c];
    rows.push_back(row);
  }
  return rows;
}

// "line:col" (1-based) of the character at `offset` of `text`, counted here.
std::string position(const std::string& text, std::size_t offset) {
  const std::size_t line_start = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n');
  return std::to_string(line) + ":" +
         std::to_string(offset - (line_start == std::string::npos ? 0 : line_start + 1) + 1);
}

// "line:col" of the text that follows the first `key` in `text`.
std::string after(const std::string& text, const std::string& key) {
  return position(text, text.find(key) + key.size());
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

// Agents per interval of `plan --format json`, for one contact type.
std::vector<int> type_agents(const Json& plan, const std::string& type) {
  std::vector<int> agents;
  for (const Json& row : plan["intervals"]) {
    agents.push_back(row["contact_types"][type]["required_agents"].get<int>());
  }
  return agents;
}

std::vector<int> group_column(const Json& plan, const std::string& group, const char* key) {
  std::vector<int> values;
  for (const Json& row : plan["intervals"]) {
    values.push_back(row["agent_groups"][group][key].get<int>());
  }
  return values;
}

// A stationary day: Poisson arrivals at 100 an hour, 5-minute calls (8.33 Erlangs).
const char* const kStationary = R"(name: stationary
horizon: {interval: 30m, intervals: 4, start: "09:00"}
contact_types:
  - name: calls
    arrivals: {rate: 100/h}
    handle_time: {distribution: exponential, mean: 5m}
    targets: {service_level: {within: 20s, at_least: 80%}, max_asa: 30s}
agent_groups:
  - {name: team, staffing: 1}
routing:
  calls: [{group: team}]
)";

TEST(PlanCli, StationaryScenarioAgreesWithErlang) {
  TempDir dir;
  dir.write("stationary.yaml", kStationary);
  const auto plan = run_staffsim("plan stationary.yaml --format json", dir.path());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const auto erlang =
      run_staffsim("erlang --rate 100/h --aht 5m --sl 80/20s --asa 30s --format json", dir.path());
  ASSERT_EQ(erlang.exit_code, 0) << erlang.err;
  const Json p = Json::parse(plan.out), e = Json::parse(erlang.out);
  const int agents = e["agents"].get<int>();
  EXPECT_EQ(type_agents(p, "calls"), std::vector<int>(4, agents));
  EXPECT_EQ(group_column(p, "team", "required_agents"), std::vector<int>(4, agents));
  EXPECT_EQ(group_column(p, "team", "agents"), std::vector<int>(4, agents));
  EXPECT_EQ(p["intervals"][0]["contact_types"]["calls"]["binding_target"], e["binding_target"]);
  EXPECT_DOUBLE_EQ(
      p["intervals"][0]["contact_types"]["calls"]["offered_load_erlangs"].get<double>(),
      e["offered_load_erlangs"].get<double>());
  EXPECT_EQ(p["contact_types"]["calls"]["model"], "erlang_c");
  // 2 hours of that staffing.
  EXPECT_DOUBLE_EQ(p["agent_groups"]["team"]["required_agent_hours"].get<double>(), 2.0 * agents);
}

// A day of changing volumes, impatient callers (Erlang A) and a group with 30% shrinkage: each
// interval agrees with `erlang --volumes` on the same calls, and the scheduled agents with its
// --shrinkage.
TEST(PlanCli, ErlangAWithShrinkageAgreesWithErlangVolumes) {
  TempDir dir;
  dir.write("day.yaml", R"(name: a day
horizon: {interval: 30m, intervals: 4, start: "09:00"}
contact_types:
  - name: calls
    arrivals: {per_interval: [120, 300, 450, 60]}
    handle_time: {distribution: exponential, mean: 4m}
    patience: {distribution: exponential, mean: 3m}
    targets: {service_level: {within: 20s, at_least: 80%}, max_abandon: 3%}
agent_groups:
  - {name: team, staffing: 1, shrinkage: 30%}
routing:
  calls: [{group: team}]
)");
  dir.write("volumes.csv", "interval_start,calls\n09:00,120\n09:30,300\n10:00,450\n10:30,60\n");
  const auto plan = run_staffsim("plan day.yaml --format json", dir.path());
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const auto erlang = run_staffsim(
      "erlang --volumes volumes.csv --aht 4m --patience 3m --sl 80/20s --max-abandon 3% "
      "--shrinkage 30% --format json",
      dir.path());
  ASSERT_EQ(erlang.exit_code, 0) << erlang.err;
  const Json p = Json::parse(plan.out), e = Json::parse(erlang.out);
  std::vector<int> agents, scheduled;
  for (const Json& row : e) {
    agents.push_back(row["agents"].get<int>());
    scheduled.push_back(row["scheduled_agents"].get<int>());
  }
  EXPECT_EQ(p["contact_types"]["calls"]["model"], "erlang_a");
  EXPECT_EQ(type_agents(p, "calls"), agents);
  EXPECT_EQ(group_column(p, "team", "required_agents"), agents);
  EXPECT_EQ(group_column(p, "team", "agents"), scheduled);
  // On duty out of the scheduled: floor(scheduled * 7 / 10) in integers, at least the required.
  const auto on_duty = group_column(p, "team", "on_duty_agents");
  for (std::size_t i = 0; i < agents.size(); ++i) {
    EXPECT_EQ(on_duty[i], scheduled[i] * 7 / 10) << i;
    EXPECT_GE(on_duty[i], agents[i]) << i;
    EXPECT_LT((scheduled[i] - 1) * 7 / 10, agents[i]) << i;  // one fewer would not do
  }
  EXPECT_EQ(plan.err, "");  // exponential patience, offered service level: nothing to note
}

// arrivals.factor scales the rates the plan solves for: 150 calls at 200% are 300 calls.
TEST(PlanCli, VolumeFactorIsPlannedFor) {
  TempDir dir;
  const std::string base = R"(name: factor
horizon: {interval: 30m, intervals: 1, start: "09:00"}
contact_types:
  - name: calls
    arrivals: {per_interval: [300]}
    handle_time: {distribution: exponential, mean: 4m}
    targets: {service_level: {within: 20s, at_least: 80%}}
agent_groups:
  - {name: team, staffing: 1}
routing:
  calls: [{group: team}]
)";
  dir.write("plain.yaml", base);
  dir.write("factor.yaml", replaced(base, "[300]}", "[150], factor: 200%}"));
  const auto plain = run_staffsim("plan plain.yaml --format csv", dir.path());
  const auto factor = run_staffsim("plan factor.yaml --format csv", dir.path());
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  ASSERT_EQ(factor.exit_code, 0) << factor.err;
  EXPECT_EQ(factor.out, plain.out);
  // 40 Erlangs for 80% in 20 s: 46 agents (exact rational computation, tests/erlang_cli_test.cpp).
  EXPECT_EQ(csv_rows(plain.out).at(0).at("agents"), "46");
}

// Two types, two groups with shrinkage: the plan's CSV is a staffing file. A scenario that reads
// it runs, and its groups get the scheduled agents, floor(scheduled (1 - s)) of them on duty.
const char* const kTwoGroups = R"(name: two groups
horizon: {interval: 30m, intervals: 3, start: "09:00"}
replications: 2
contact_types:
  - name: general
    arrivals: {per_interval: [200, 300, 100]}
    handle_time: {distribution: exponential, mean: 4m}
    patience: {distribution: exponential, mean: 5m}
    targets: {service_level: {within: 20s, at_least: 80%}, max_abandon: 5%}
  - name: vip
    arrivals: {per_interval: [20, 30, 10]}
    handle_time: {distribution: exponential, mean: 5m}
    targets: {max_asa: 15s}
agent_groups:
  - {name: frontline, staffing: [1, 1, 1], shrinkage: 30%}
  - {name: vip_desk, staffing: [1, 1, 1], shrinkage: 10%}
routing:
  general: [{group: frontline}]
  vip: [{group: vip_desk}, {group: frontline, after: 30s}]
)";

TEST(PlanCli, PlanCsvIsAStaffingFileTheScenarioRuns) {
  TempDir dir;
  dir.write("two.yaml", kTwoGroups);
  auto r = run_staffsim("plan two.yaml --out plan.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "wrote plan.csv (6 rows)\n");
  const std::string csv = slurp(dir / "plan.csv");
  const auto plan = csv_rows(csv);
  ASSERT_EQ(plan.size(), 6u);
  EXPECT_EQ(lines_of(csv)[0],
            "interval_start,interval_s,group,agents,required_agents,on_duty_agents,"
            "offered_load_erlangs");
  EXPECT_EQ(plan[0].at("interval_start"), "09:00");
  EXPECT_EQ(plan[0].at("interval_s"), "1800");
  EXPECT_EQ(plan[0].at("group"), "frontline");
  EXPECT_EQ(plan[1].at("group"), "vip_desk");
  EXPECT_EQ(plan[5].at("interval_start"), "10:00");

  std::string text = kTwoGroups;
  text = replaced(text, "staffing: [1, 1, 1], shrinkage: 30%",
                  "staffing: {file: plan.csv}, shrinkage: 30%");
  text = replaced(text, "staffing: [1, 1, 1], shrinkage: 10%",
                  "staffing: {file: plan.csv}, shrinkage: 10%");
  dir.write("planned.yaml", text);
  r = run_staffsim("run planned.yaml --out out", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto groups = csv_rows(slurp(dir / "out" / "groups.csv"));
  ASSERT_EQ(groups.size(), 6u);
  for (std::size_t i = 0; i < groups.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(groups[i].at("group"), plan[i].at("group"));
    EXPECT_EQ(groups[i].at("interval_start"), plan[i].at("interval_start"));
    const int scheduled = std::stoi(plan[i].at("agents"));
    EXPECT_EQ(std::stoi(groups[i].at("agents")), scheduled);
    const int tenths_on_duty = plan[i].at("group") == "frontline" ? 7 : 9;
    EXPECT_EQ(std::stoi(groups[i].at("agents_on_duty")), scheduled * tenths_on_duty / 10);
    EXPECT_EQ(std::stoi(plan[i].at("on_duty_agents")), scheduled * tenths_on_duty / 10);
    EXPECT_GE(scheduled * tenths_on_duty / 10, std::stoi(plan[i].at("required_agents")));
  }
  // The plan of the planned scenario is the same plan: staffing is not an input of it.
  r = run_staffsim("plan planned.yaml --format csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, csv);
}

TEST(PlanCli, DatedDaysGetDatedIntervalStartsUndatedDaysADayColumn) {
  TempDir dir;
  const std::string dated = replaced(kTwoGroups, "start: \"09:00\"}",
                                     "start: \"09:00\", days: 3, start_date: 2024-02-28}");
  dir.write("dated.yaml", dated);
  auto r = run_staffsim("plan dated.yaml --format csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto rows = csv_rows(r.out);
  ASSERT_EQ(rows.size(), 3u * 3 * 2);
  EXPECT_EQ(lines_of(r.out)[0].rfind("interval_start,interval_s,group,agents,", 0), 0u);
  EXPECT_EQ(rows[0].at("interval_start"), "2024-02-28T09:00");
  EXPECT_EQ(rows[6].at("interval_start"), "2024-02-29T09:00");  // a leap day
  EXPECT_EQ(rows[17].at("interval_start"), "2024-03-01T10:00");
  // The table names the days.
  r = run_staffsim("plan dated.yaml", dir.path());
  EXPECT_NE(r.out.find("\nThu 2024-02-29 09:30 "), std::string::npos) << r.out;

  const std::string undated =
      replaced(kTwoGroups, "start: \"09:00\"}", "start: \"09:00\", days: 2}");
  dir.write("undated.yaml", undated);
  r = run_staffsim("plan undated.yaml --out plan.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rows = csv_rows(slurp(dir / "plan.csv"));
  ASSERT_EQ(rows.size(), 2u * 3 * 2);
  EXPECT_EQ(rows[0].at("day"), "1");
  EXPECT_EQ(rows[6].at("day"), "2");
  EXPECT_EQ(rows[6].at("interval_start"), "09:00");
  // Both read back as staffing files.
  for (const std::string& name : {std::string("dated"), std::string("undated")}) {
    std::string text = name == "dated" ? dated : undated;
    text = replaced(text, "staffing: [1, 1, 1], shrinkage: 30%", "staffing: {file: plan.csv}");
    text = replaced(text, "staffing: [1, 1, 1], shrinkage: 10%", "staffing: {file: plan.csv}");
    r = run_staffsim("plan " + name + ".yaml --out plan.csv", dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    dir.write("read.yaml", text);
    r = run_staffsim("run read.yaml --replications 1 --out out", dir.path());
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
  }
}

TEST(PlanCli, JsonAndTableAndNotes) {
  TempDir dir;
  dir.write("two.yaml", kTwoGroups);
  auto r = run_staffsim("plan two.yaml --out plan.json", dir.path());  // json by its extension
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "wrote plan.json\n");
  const Json j = Json::parse(slurp(dir / "plan.json"));
  EXPECT_EQ(j["scenario"], "two groups");
  EXPECT_EQ(j["contact_types"]["vip"]["model"], "erlang_c");
  EXPECT_EQ(j["contact_types"]["vip"]["group"], "vip_desk");
  EXPECT_EQ(j["agent_groups"]["frontline"]["contact_types"], Json::array({"general"}));
  EXPECT_DOUBLE_EQ(j["agent_groups"]["frontline"]["shrinkage"].get<double>(), 0.3);
  ASSERT_EQ(j["intervals"].size(), 3u);
  // Agent-hours: the half-hours' agents / 2.
  double required = 0, scheduled = 0;
  for (const Json& row : j["intervals"]) {
    required += row["agent_groups"]["frontline"]["required_agents"].get<int>() / 2.0;
    scheduled += row["agent_groups"]["frontline"]["agents"].get<int>() / 2.0;
  }
  EXPECT_DOUBLE_EQ(j["agent_groups"]["frontline"]["required_agent_hours"].get<double>(), required);
  EXPECT_DOUBLE_EQ(j["agent_groups"]["frontline"]["scheduled_agent_hours"].get<double>(),
                   scheduled);
  EXPECT_FALSE(j.contains("cost"));

  // A group that no type lists first, and a type without a target, are noted.
  std::string text = replaced(kTwoGroups, "    targets: {max_asa: 15s}\n", "");
  text = replaced(text, "routing:\n", "  - {name: backup, staffing: 2}\nrouting:\n");
  text = replaced(text, "after: 30s}]", "after: 30s}, {group: backup, after: 1m}]");
  dir.write("notes.yaml", text);
  r = run_staffsim("plan notes.yaml", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err,
            "note: vip: no target to plan for, so no agents are required for it; give it targets "
            "(service_level, max_abandon with patience, max_asa)\n"
            "note: group backup: no contact type lists it first, so it requires 0 agents here (it "
            "takes overflow, transfers, work orders or call-backs: size it by simulation)\n");
  EXPECT_NE(r.out.find("\n  backup     shrinkage 0%; first for no contact type\n"),
            std::string::npos)
      << r.out;
  const auto lines = lines_of(r.out);
  EXPECT_EQ(lines.back().rfind("  all groups ", 0), 0u) << r.out;
}

TEST(PlanCli, TargetsNoStaffingMeetsArePositioned) {
  TempDir dir;
  const std::string text = replaced(replaced(kTwoGroups, "at_least: 80%", "at_least: 100%"),
                                    "max_asa: 15s", "max_asa: 0s");
  dir.write("bad.yaml", text);
  const auto r = run_staffsim("plan bad.yaml --out plan.csv", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "staffsim: error: bad.yaml:" + after(text, "at_least: ") +
                       ": contact_types[0].targets.service_level.at_least: expected a service "
                       "level above 0% and below 100% to plan for (no finite staffing answers "
                       "every contact in time), found 100%\n"
                       "bad.yaml:" +
                       after(text, "max_asa: ") +
                       ": contact_types[1].targets.max_asa: expected an ASA above 0s to plan for "
                       "(callers wait at any finite staffing), found 0s\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "plan.csv"));
}

TEST(PlanCli, ShrinkageAndStaffingFileErrorsArePositioned) {
  TempDir dir;
  std::string text = replaced(kTwoGroups, "shrinkage: 30%", "shrinkage: 100%");
  dir.write("bad.yaml", text);
  auto r = run_staffsim("plan bad.yaml --out plan.csv", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "staffsim: error: bad.yaml:" + after(text, "shrinkage: ") +
                       ": agent_groups[0].shrinkage: expected a shrinkage from 0% to below 100% "
                       "(the share of the scheduled agents off the phones), found \"100%\"\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "plan.csv"));

  // A file of several groups without this group's rows, and one whose rows repeat.
  dir.write("plan.csv",
            "interval_start,group,agents\n09:00,frontline,5\n09:30,frontline,6\n10:00,"
            "frontline,7\n09:00,vip_desk,1\n09:30,vip_desk,1\n09:30,vip_desk,2\n");
  text = replaced(kTwoGroups, "staffing: [1, 1, 1], shrinkage: 30%", "staffing: {file: plan.csv}");
  text = replaced(text, "staffing: [1, 1, 1], shrinkage: 10%", "staffing: {file: plan.csv}");
  text = replaced(text, "routing:\n", "  - {name: backup, staffing: {file: plan.csv}}\nrouting:\n");
  text = replaced(text, "after: 30s}]", "after: 30s}, {group: backup, after: 1m}]");
  dir.write("read.yaml", text);
  r = run_staffsim("run read.yaml", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  // Each problem at the value of its `file` key, the CSV's line after the file's name.
  const std::string key = "staffing: {file: ";
  const auto at = [&](const std::string& group) {
    return position(text, text.find(key, text.find("name: " + group)) + key.size());
  };
  EXPECT_EQ(r.err, "staffsim: error: read.yaml:" + at("vip_desk") +
                       ": agent_groups[1].staffing.file: plan.csv:7: interval_start: expected each "
                       "interval once per group, found \"09:30\" of group \"vip_desk\" again "
                       "(first at line 6)\n"
                       "read.yaml:" +
                       at("backup") +
                       ": agent_groups[2].staffing.file: plan.csv: group: expected rows of group "
                       "\"backup\", found rows of frontline, vip_desk only\n");
}

}  // namespace
}  // namespace staffsim
