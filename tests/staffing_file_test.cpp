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

}  // namespace
}  // namespace staffsim::tools
