// End-to-end runs of the intraday parts of `staffsim forecast` and `staffsim backtest`: a history
// that stops partway through a day (the rest of it reforecast), backtest --as-of, and --adjust.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "cli_runner.hpp"
#include "models/calendar.hpp"
#include "tools/datetime.hpp"

namespace {

using staffsim::testing::CliResult;
using staffsim::testing::fields_of;
using staffsim::testing::lines_of;
using staffsim::testing::run_staffsim;
using staffsim::testing::TempDir;

// Six weeks of weekdays from Monday 2003-03-03 to Friday 2003-04-11, 30-minute slots 09:00-12:00
// (6 slots), days of different levels, then, with `partial_slots` > 0, Monday 2003-04-14 up to
// 09:00 + 30m x partial_slots with calls `partial_calls` each.
std::string history(int partial_slots, int partial_calls) {
  std::string out = "timestamp,calls\n";
  const std::int64_t monday = staffsim::models::days_from_civil({2003, 3, 3});
  auto row = [&](std::int64_t day, int slot, int calls) {
    out += staffsim::tools::format_local_datetime(day * 86400 + 9 * 3600 + slot * 1800) + "," +
           std::to_string(calls) + "\n";
  };
  for (int d = 0; d < 40; ++d) {
    if (staffsim::models::weekday_from_days(monday + d) >= 5) continue;
    // Days differ in level by up to 15% either way, all slots of a day alike, in no weekly
    // pattern (a level the forecast cannot know the day before).
    const double level = 1.0 + 0.03 * ((d * d * 13 + d * 5) % 11 - 5);
    for (int s = 0; s < 6; ++s) {
      row(monday + d, s, static_cast<int>(std::lround((20 + (d * 7 + s * 3) % 5) * level)));
    }
  }
  for (int s = 0; s < partial_slots; ++s) row(monday + 42, s, partial_calls);
  return out;
}

struct Row {
  std::string start;
  double calls = 0, lo80 = 0, hi80 = 0, lo95 = 0, hi95 = 0;
  std::string adjustment;
};

std::vector<Row> rows_of(const std::string& csv) {
  std::vector<Row> rows;
  const auto lines = lines_of(csv);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto f = fields_of(lines[i]);
    Row r{f.at(0),
          std::stod(f.at(2)),
          std::stod(f.at(3)),
          std::stod(f.at(4)),
          std::stod(f.at(5)),
          std::stod(f.at(6)),
          f.size() > 7 ? f[7] : ""};
    rows.push_back(r);
  }
  return rows;
}

// The history stops at 10:30 on Monday 14 April, its morning 40% above the usual ~22 calls: the
// rest of that day is the day-ahead forecast times one factor, between 1 and the morning's ratio.
TEST(ForecastMidDay, ReforecastsTheRestOfTheDay) {
  TempDir dir;
  dir.write("full.csv", history(0, 0));
  dir.write("partial.csv", history(3, 31));
  const CliResult day_ahead = run_staffsim(
      "forecast --history full.csv --from 2003-04-14 --to 2003-04-15 --method profile "
      "--out day_ahead.csv",
      dir.path());
  ASSERT_EQ(day_ahead.exit_code, 0) << day_ahead.err;
  const CliResult r = run_staffsim(
      "forecast --history partial.csv --from 2003-04-14 --to 2003-04-15 --method profile "
      "--out updated.csv",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n  and 2003-04-14 up to 10:30: the day it stops partway through\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("intraday update: 2003-04-14 seen up to 10:30, 93 calls against "),
            std::string::npos)
      << r.out;
  const std::string csv = staffsim::testing::slurp(dir / "updated.csv");
  EXPECT_EQ(lines_of(csv).at(0), "interval_start,interval_s,calls,lo80,hi80,lo95,hi95");
  const auto before = rows_of(staffsim::testing::slurp(dir / "day_ahead.csv"));
  const auto after = rows_of(csv);
  ASSERT_EQ(before.size(), 12u);
  ASSERT_EQ(after.size(), 3u + 6u);  // the rest of Monday, then Tuesday
  EXPECT_EQ(after.front().start, "2003-04-14T10:30:00");
  double morning = 0;
  for (int s = 0; s < 3; ++s) morning += before[static_cast<std::size_t>(s)].calls;
  const double ratio = 93.0 / morning;
  const double factor = after[0].calls / before[3].calls;
  EXPECT_GT(factor, 1.0);
  EXPECT_LT(factor, ratio);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(after[i].calls / before[3 + i].calls, factor, 1e-3);  // 3 decimals in the CSV
    EXPECT_LE(after[i].lo95, after[i].calls);
    EXPECT_GE(after[i].hi95, after[i].calls);
  }
  for (std::size_t i = 3; i < 9; ++i) {  // Tuesday stays the day-ahead forecast
    EXPECT_EQ(after[i].start, before[i + 3].start);
    EXPECT_DOUBLE_EQ(after[i].calls, before[i + 3].calls);
  }
}

// --days starts with the rest of the day the history stops in.
TEST(ForecastMidDay, DaysStartWithTheRestOfThatDay) {
  TempDir dir;
  dir.write("partial.csv", history(4, 22));
  const CliResult r =
      run_staffsim("forecast --history partial.csv --days 1 --format csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = lines_of(r.out);
  ASSERT_EQ(lines.size(), 1u + 2u) << r.out;
  EXPECT_EQ(lines[1].substr(0, 19), "2003-04-14T11:00:00");
}

TEST(ForecastMidDay, Errors) {
  TempDir dir;
  dir.write("partial.csv", history(3, 22));
  CliResult r = run_staffsim(
      "forecast --history partial.csv --from 2003-04-11 --to 2003-04-15 --out f.csv", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --from: expected 2003-04-14 (the day the history stops partway "
            "through) or a later date, found \"2003-04-11\"\n");
  r = run_staffsim("forecast --history partial.csv --days 1 --interval 1h --out f.csv", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --interval: the history stops at 10:30 on 2003-04-14, inside a 1h "
            "interval: expected it to stop at the end of one to forecast the rest of that day, "
            "found \"1h\"\n");
  EXPECT_FALSE(std::filesystem::exists(dir / "f.csv"));
  // backtest scores whole days only.
  r = run_staffsim("backtest --history partial.csv", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("(a day is complete or absent)"), std::string::npos) << r.err;
}

// A later --from leaves the partial day alone and says so.
TEST(ForecastMidDay, ALaterFromDoesNotUseTheMorning) {
  TempDir dir;
  dir.write("partial.csv", history(3, 22));
  const CliResult r = run_staffsim(
      "forecast --history partial.csv --from 2003-04-15 --to 2003-04-15 --out f.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("note: the history stops at 10:30 on 2003-04-14; that day is not "
                       "forecast, so its calls so far are not used\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(lines_of(staffsim::testing::slurp(dir / "f.csv")).size(), 1u + 6u);
}

// erlang --volumes plans the intervals of a forecast that starts mid-day.
TEST(ForecastMidDay, ErlangPlansTheReforecast) {
  TempDir dir;
  dir.write("partial.csv", history(3, 31));
  ASSERT_EQ(
      run_staffsim("forecast --history partial.csv --days 2 --out f.csv", dir.path()).exit_code, 0);
  const CliResult r = run_staffsim(
      "erlang --volumes f.csv --aht 3m --sl 80/20s --format csv --out plan.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plan = lines_of(staffsim::testing::slurp(dir / "plan.csv"));
  ASSERT_EQ(plan.size(), 1u + 3u + 6u);
  EXPECT_EQ(plan[1].substr(0, 19), "2003-04-14T10:30:00");
}

TEST(BacktestAsOf, ScoresTheThreeForecastsOfTheRestOfTheDay) {
  TempDir dir;
  dir.write("history.csv", history(0, 0));
  CliResult r = run_staffsim(
      "backtest --history history.csv --methods profile --as-of 10:30 --format json", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* key :
       {"\"as_of\": \"10:30\"", "\"method\": \"profile\"", "\"wape_interval_day_ahead\":",
        "\"wape_interval_updated\":", "\"wape_interval_plain_ratio\":",
        "\"wape_rest_total_updated\":", "\"coverage80_updated\":", "\"by_day\": ["}) {
    EXPECT_NE(r.out.find(key), std::string::npos) << key << "\n" << r.out;
  }
  EXPECT_NE(r.err.find("intraday update as of 10:30, method profile; "), std::string::npos)
      << r.err;
  r = run_staffsim("backtest --history history.csv --methods profile --as-of 10:30 --format csv",
                   dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(lines_of(r.out).at(0),
            "date,observed,forecast_so_far,plain_ratio,weight,factor,rest_actual,rest_day_ahead,"
            "rest_updated,rest_plain_ratio,wape_day_ahead,wape_updated,wape_plain_ratio");
}

TEST(BacktestAsOf, Errors) {
  TempDir dir;
  dir.write("history.csv", history(0, 0));
  CliResult r = run_staffsim("backtest --history history.csv --as-of 09:00", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --as-of: expected the start of a 30m interval after the day's first "
            "(09:00) and before its end (12:00), found \"09:00\"\n");
  r = run_staffsim("backtest --history history.csv --as-of 10:15", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --as-of: expected the start of a 30m interval after the day's first "
            "(09:00) and before its end (12:00), found \"10:15\"\n");
  r = run_staffsim("backtest --history history.csv --as-of 10:30 --days 2", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "staffsim: error: --as-of: scores the rest of the next day (lead 1), so --days must "
            "be 1, found \"2\"\n");
  r = run_staffsim("backtest --history history.csv --as-of noon", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("staffsim: error: --as-of: expected a clock time", 0), 0u) << r.err;
}

TEST(ForecastAdjust, ScalesShiftsAndListsTheAdjustments) {
  TempDir dir;
  dir.write("history.csv", history(0, 0));
  const std::string base =
      "forecast --history history.csv --from 2003-04-14 --to 2003-04-15 --method profile";
  ASSERT_EQ(run_staffsim(base + " --out plain.csv", dir.path()).exit_code, 0);
  const CliResult r = run_staffsim(
      base +
          " --adjust '2003-04-14=+10%' --adjust '2003-04-15T10:00-11:00=+30calls;mailing, late'"
          " --out adjusted.csv",
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("adjusted: --adjust 2003-04-14=+10% changed 6 intervals\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("adjusted: --adjust 2003-04-15T10:00-11:00=+30calls;mailing, late changed "
                       "2 intervals\n"),
            std::string::npos)
      << r.out;
  const std::string csv = staffsim::testing::slurp(dir / "adjusted.csv");
  EXPECT_EQ(lines_of(csv).at(0), "interval_start,interval_s,calls,lo80,hi80,lo95,hi95,adjustment");
  const std::string ten = lines_of(csv).at(9);
  EXPECT_EQ(ten.rfind("2003-04-15T10:00:00,1800,", 0), 0u) << ten;
  EXPECT_TRUE(ten.ends_with(",\"+30calls (mailing, late)\"")) << ten;
  const auto plain = rows_of(staffsim::testing::slurp(dir / "plain.csv"));
  const auto adjusted = rows_of(csv);
  ASSERT_EQ(adjusted.size(), plain.size());
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_NEAR(adjusted[i].calls, plain[i].calls * 1.1, 2e-3);
    EXPECT_EQ(adjusted[i].adjustment, "+10%");
    EXPECT_LE(adjusted[i].lo80, plain[i].lo80 * 1.1);
    EXPECT_GE(adjusted[i].hi80, plain[i].hi80 * 1.1);
  }
  for (std::size_t i = 6; i < 12; ++i) {
    const bool window = i == 8 || i == 9;  // 10:00 and 10:30
    EXPECT_NEAR(adjusted[i].calls, plain[i].calls + (window ? 30 : 0), 1e-9);
    EXPECT_DOUBLE_EQ(adjusted[i].hi95, plain[i].hi95 + (window ? 30 : 0));
  }
  // The table lists the adjustments under it.
  const CliResult table = run_staffsim(base + " --adjust '2003-04-14=-5%;quiet'", dir.path());
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("  -5% (quiet)\n"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("adjusted: --adjust 2003-04-14=-5%;quiet changed 6 intervals\n"),
            std::string::npos)
      << table.out;
}

TEST(ForecastAdjust, BadValueNamesTheFlag) {
  TempDir dir;
  dir.write("history.csv", history(0, 0));
  const CliResult r = run_staffsim(
      "forecast --history history.csv --days 1 --adjust 2003-04-14+10% --out f.csv", dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err.rfind("staffsim: error: --adjust: expected WHEN=CHANGE in "
                        "DATE[..DATE][THH:MM-HH:MM]=+N% or =+Ncalls",
                        0),
            0u)
      << r.err;
  EXPECT_NE(r.err.find("found \"2003-04-14+10%\""), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "f.csv"));
}

// A call log with handle times: forecast writes aht_s beside the calls, the mean of each
// weekday's interval (many calls and a small spread within: close to the interval's own mean of
// 100 s or 300 s), and erlang --volumes plans with it.
TEST(ForecastHandleTime, CallLogGivesAhtBesideTheCalls) {
  TempDir dir;
  std::string log = "arrival,wait_s,outcome,service_s\n";
  const std::int64_t monday = staffsim::models::days_from_civil({2003, 3, 3});
  for (int d = 0; d < 42; ++d) {
    if (staffsim::models::weekday_from_days(monday + d) >= 5) continue;
    for (int slot = 0; slot < 2; ++slot) {
      for (int call = 0; call < 4; ++call) {
        const std::int64_t t = (monday + d) * 86400 + 9 * 3600 + slot * 1800 + call * 300;
        const int service = (slot == 0 ? 100 : 300) + (call % 2 == 0 ? 10 : -10);
        log += staffsim::tools::format_local_datetime(t) + ",5,served," + std::to_string(service) +
               "\n";
      }
    }
  }
  dir.write("log.csv", log);
  CliResult r = run_staffsim("forecast --history log.csv --days 1 --out f.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("aht_s: mean handle time of the 240 served calls in each weekday's "
                       "interval, shrunk toward the mean of all, 200.0 s"),
            std::string::npos)
      << r.out;
  const auto lines = lines_of(staffsim::testing::slurp(dir / "f.csv"));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "interval_start,interval_s,calls,lo80,hi80,lo95,hi95,aht_s");
  EXPECT_NEAR(std::stod(fields_of(lines[1]).at(7)), 100, 0.5);
  EXPECT_NEAR(std::stod(fields_of(lines[2]).at(7)), 300, 0.5);
  r = run_staffsim("erlang --volumes f.csv --sl 80/20s --format csv --out plan.csv", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto plan = lines_of(staffsim::testing::slurp(dir / "plan.csv"));
  ASSERT_EQ(plan.size(), 3u);
}

}  // namespace
