#include "tools/staffing_file.hpp"

#include <gtest/gtest.h>

#include "cli_runner.hpp"
#include "error_message.hpp"
#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

using staffsim::testing::TempDir;
using test_support::error_message;

sim::Horizon horizon(int intervals, int days) {
  sim::Horizon h;
  h.interval_s = 1800;
  h.intervals_per_day = intervals;
  h.days = days;
  h.day_start_s = 9 * 3600;
  return h;
}

TEST(StaffingFile, OneDayRepeatsOrOneDatePerDay) {
  TempDir dir;
  dir.write("one.csv", "interval_start,agents,scheduled_agents\n09:00,3,5\n09:30,4,6\n");
  const std::string one = (dir / "one.csv").string();
  EXPECT_EQ(staffing_for_horizon(one, "agents", horizon(2, 3)),
            (std::vector<int>{3, 4, 3, 4, 3, 4}));
  EXPECT_EQ(staffing_for_horizon(one, "scheduled_agents", horizon(2, 1)), (std::vector<int>{5, 6}));
  dir.write("week.csv",
            "interval_start,interval_s,agents\n"
            "2003-10-13T09:00:00,1800,3\n2003-10-13T09:30:00,1800,4\n"
            "2003-10-14T09:00:00,1800,5\n2003-10-14T09:30:00,1800,6\n"
            "2003-10-14T10:00:00,300,1\n");
  const std::string week = (dir / "week.csv").string();
  EXPECT_EQ(staffing_for_horizon(week, "agents", horizon(2, 2)), (std::vector<int>{3, 4, 5, 6}));
  EXPECT_EQ(error_message<InputError>([&] { staffing_for_horizon(week, "agents", horizon(2, 3)); }),
            week + ": expected rows for 1 day (repeated on every day) or 3 days, found 2");
  EXPECT_EQ(error_message<InputError>([&] { staffing_for_horizon(week, "staff", horizon(2, 1)); }),
            week +
                ":1: missing column \"staff\" (columns are: interval_start, interval_s, "
                "agents)");
  dir.write("bad.csv", "interval_start,agents\n09:00,3\n09:30,-1\n");
  const std::string bad = (dir / "bad.csv").string();
  EXPECT_EQ(error_message<InputError>([&] { staffing_for_horizon(bad, "agents", horizon(2, 1)); }),
            bad + ":3: agents: expected a whole number of agents from 0 to 1000000, found \"-1\"");
}

// A file of several groups (as staffsim plan writes): each group reads its own rows.
TEST(StaffingFile, GroupColumnSelectsTheRowsOfTheGroup) {
  TempDir dir;
  dir.write("plan.csv",
            "interval_start,interval_s,group,agents,required_agents\n"
            "09:00,1800,frontline,10,7\n09:00,1800,vip_desk,3,2\n"
            "09:30,1800,frontline,12,8\n09:30,1800,vip_desk,4,3\n");
  const std::string plan = (dir / "plan.csv").string();
  EXPECT_EQ(staffing_for_horizon(plan, "agents", horizon(2, 2), "frontline"),
            (std::vector<int>{10, 12, 10, 12}));
  EXPECT_EQ(staffing_for_horizon(plan, "agents", horizon(2, 1), "vip_desk"),
            (std::vector<int>{3, 4}));
  EXPECT_EQ(staffing_for_horizon(plan, "required_agents", horizon(2, 1), "vip_desk"),
            (std::vector<int>{2, 3}));
  EXPECT_EQ(error_message<InputError>(
                [&] { staffing_for_horizon(plan, "agents", horizon(2, 1), "back_office"); }),
            plan +
                ": group: expected rows of group \"back_office\", found rows of frontline, "
                "vip_desk only");
  EXPECT_EQ(error_message<InputError>([&] { staffing_for_horizon(plan, "agents", horizon(2, 1)); }),
            plan +
                ":1: group: expected no group column (no group name to select its rows by), "
                "found one");
  // Errors in a group's rows keep the file's line numbers.
  dir.write("repeat.csv",
            "interval_start,group,agents\n09:00,a,1\n09:00,b,2\n09:30,a,3\n09:00,a,4\n");
  const std::string repeat = (dir / "repeat.csv").string();
  EXPECT_EQ(error_message<InputError>(
                [&] { staffing_for_horizon(repeat, "agents", horizon(2, 1), "a"); }),
            repeat +
                ":5: interval_start: expected each interval once per group, found \"09:00\" of "
                "group \"a\" again (first at line 2)");
  EXPECT_EQ(
      error_message<InputError>(
          [&] { staffing_for_horizon(repeat, "agents", horizon(2, 1), "b"); }),
      repeat + ": no row for 09:30, expected one row per interval of the horizon on each day used");
  dir.write("bad.csv", "interval_start,group,agents\n09:00,a,1\n09:30,a,2\n09:00,b,x\n09:30,b,3\n");
  const std::string bad = (dir / "bad.csv").string();
  EXPECT_EQ(staffing_for_horizon(bad, "agents", horizon(2, 1), "a"), (std::vector<int>{1, 2}));
  EXPECT_EQ(
      error_message<InputError>([&] { staffing_for_horizon(bad, "agents", horizon(2, 1), "b"); }),
      bad + ":4: agents: expected a whole number of agents from 0 to 1000000, found \"x\"");
}

// Clock times with a day column (the CSVs of staffsim run, and staffsim plan's for undated
// horizons of several days): day d's rows are horizon day d's.
TEST(StaffingFile, DayColumnGivesEachDayItsRows) {
  TempDir dir;
  dir.write("days.csv",
            "day,interval_start,group,agents\n"
            "1,09:00,team,3\n1,09:30,team,4\n2,09:00,team,5\n2,09:30,team,6\n"
            "3,09:00,team,7\n3,09:30,team,8\n");
  const std::string days = (dir / "days.csv").string();
  EXPECT_EQ(staffing_for_horizon(days, "agents", horizon(2, 3), "team"),
            (std::vector<int>{3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(staffing_for_horizon(days, "agents", horizon(2, 2), "team"),
            (std::vector<int>{3, 4, 5, 6}));  // days beyond the horizon are not used
  EXPECT_EQ(error_message<InputError>(
                [&] { staffing_for_horizon(days, "agents", horizon(2, 4), "team"); }),
            days +
                ": day: expected rows for day 4 (one per day of the horizon's 4, or day 1 alone "
                "for every day), found none");
  dir.write("one.csv", "day,interval_start,agents\n1,09:00,3\n1,09:30,4\n");
  EXPECT_EQ(staffing_for_horizon((dir / "one.csv").string(), "agents", horizon(2, 3)),
            (std::vector<int>{3, 4, 3, 4, 3, 4}));
  dir.write("repeat.csv",
            "day,interval_start,group,agents\n1,09:00,t,3\n2,09:00,t,4\n"
            "1,09:30,t,5\n2,09:30,t,6\n2,09:00,t,7\n");
  const std::string repeat = (dir / "repeat.csv").string();
  EXPECT_EQ(error_message<InputError>(
                [&] { staffing_for_horizon(repeat, "agents", horizon(2, 2), "t"); }),
            repeat +
                ":6: interval_start: expected each interval once per group, found \"09:00\" of day "
                "2 of group \"t\" again (first at line 3)");
  dir.write("dated.csv", "day,interval_start,agents\n1,2003-10-13T09:00,3\n");
  const std::string dated = (dir / "dated.csv").string();
  EXPECT_EQ(
      error_message<InputError>([&] { staffing_for_horizon(dated, "agents", horizon(2, 1)); }),
      dated +
          ":2: interval_start: expected a clock time such as 07:00 beside the day "
          "column (or dates without a day column), found \"2003-10-13T09:00\"");
  dir.write("zero.csv", "day,interval_start,agents\n0,09:00,3\n");
  const std::string zero = (dir / "zero.csv").string();
  EXPECT_EQ(error_message<InputError>([&] { staffing_for_horizon(zero, "agents", horizon(2, 1)); }),
            zero + ":2: day: expected the day of the horizon, a whole number from 1, found \"0\"");
}

}  // namespace
}  // namespace staffsim::tools
