// Scenario arrivals from a forecast (tools/forecast_source.hpp through the scenario loader): a
// synthetic history with a pure weekly pattern, which seasonal_naive reproduces exactly, so the
// expected calls of every simulated interval are known by construction.
#include "tools/forecast_source.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "cli_runner.hpp"
#include "models/calendar.hpp"
#include "tools/cli_error.hpp"
#include "tools/datetime.hpp"
#include "tools/scenario_yaml.hpp"

namespace staffsim::tools {
namespace {

using staffsim::testing::TempDir;

// Calls in the 30-minute slot `slot` (0 = 08:00) of a day with weekday w (0 = Monday).
double pattern(int weekday, int slot) {
  return 10.0 * (weekday + 1) + slot;
}

// Six weeks of weekdays, 08:00-10:00 in 30-minute slots, starting Monday 2003-03-03; Friday
// 2003-03-14 is missing (a closure), which must not shift the weekly pattern.
std::string weekly_history() {
  std::ostringstream csv;
  csv << "timestamp,calls\n";
  const std::int64_t first = models::days_from_civil({2003, 3, 3});
  for (std::int64_t day = first; day < first + 42; ++day) {
    const int weekday = models::weekday_from_days(day);
    if (weekday >= 5 || day == models::days_from_civil({2003, 3, 14})) continue;
    for (int slot = 0; slot < 4; ++slot) {
      csv << format_local_datetime(day * models::kSecondsPerDay + 8 * 3600 + slot * 1800) << ","
          << pattern(weekday, slot) << "\n";
    }
  }
  return csv.str();
}

std::string scenario(const std::string& horizon, const std::string& forecast) {
  return "name: t\nhorizon: " + horizon +
         "\ncontact_types:\n  - name: calls\n    arrivals: {forecast: " + forecast +
         "}\n    handle_time: {distribution: exponential, mean: 60s}\n"
         "agent_groups:\n  - {name: agents, staffing: 3}\nrouting:\n  calls: [{group: agents}]\n";
}

std::string load_error(const std::string& text, const TempDir& dir) {
  try {
    parse_scenario_yaml(text, "s.yaml", dir.path().string());
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// The history ends on Friday 2003-04-11; the next open days are Mon 14 April, Tue 15, ...
TEST(ForecastArrivals, SeasonalNaiveReproducesTheWeeklyPattern) {
  TempDir dir;
  dir.write("history.csv", weekly_history());
  const sim::Scenario s =
      parse_scenario_yaml(scenario("{interval: 30m, intervals: 4, start: \"08:00\", days: 2}",
                                   "{history: history.csv, method: seasonal_naive, share: 50%}"),
                          "s.yaml", dir.path().string());
  const auto& rates = s.contact_types[0].arrivals.rate_per_s;
  ASSERT_EQ(rates.size(), 8u);
  for (int day = 0; day < 2; ++day) {
    for (int slot = 0; slot < 4; ++slot) {
      EXPECT_DOUBLE_EQ(rates[day * 4 + slot] * 1800, 0.5 * pattern(day, slot)) << day << slot;
    }
  }
}

// Contact types that split one forecast by share get the same forecast scaled (the loader makes
// it once); a type with another method gets its own.
TEST(ForecastArrivals, SharesOfOneForecastAndAnotherMethod) {
  TempDir dir;
  dir.write("history.csv", weekly_history());
  auto type = [](const std::string& name, const std::string& forecast) {
    return "  - name: " + name + "\n    arrivals: {forecast: " + forecast +
           "}\n    handle_time: {distribution: exponential, mean: 60s}\n";
  };
  const std::string text =
      "name: t\nhorizon: {interval: 30m, intervals: 4, start: \"08:00\", days: 2}\n"
      "contact_types:\n" +
      type("a", "{history: history.csv, method: seasonal_naive, share: 30%}") +
      type("b", "{history: history.csv, method: weekday_mean, weeks: 2}") +
      type("c", "{history: history.csv, method: seasonal_naive, share: 70%}") +
      "agent_groups:\n  - {name: agents, staffing: 3}\n"
      "routing:\n  a: [{group: agents}]\n  b: [{group: agents}]\n  c: [{group: agents}]\n";
  const sim::Scenario s = parse_scenario_yaml(text, "s.yaml", dir.path().string());
  ASSERT_EQ(s.contact_types.size(), 3u);
  for (int day = 0; day < 2; ++day) {
    for (int slot = 0; slot < 4; ++slot) {
      const std::size_t i = static_cast<std::size_t>(day * 4 + slot);
      SCOPED_TRACE(i);
      EXPECT_DOUBLE_EQ(s.contact_types[0].arrivals.rate_per_s[i] * 1800, 0.3 * pattern(day, slot));
      EXPECT_DOUBLE_EQ(s.contact_types[2].arrivals.rate_per_s[i] * 1800, 0.7 * pattern(day, slot));
      // A pure weekly pattern: the mean of the same weekdays is the pattern too.
      EXPECT_DOUBLE_EQ(s.contact_types[1].arrivals.rate_per_s[i] * 1800, pattern(day, slot));
    }
  }
  EXPECT_EQ(s.contact_types[0].arrivals.origin->method, "seasonal_naive");
  EXPECT_EQ(s.contact_types[2].arrivals.origin->method, "seasonal_naive");
  EXPECT_EQ(s.contact_types[1].arrivals.origin->method, "weekday_mean(k=2)");
  EXPECT_EQ(s.contact_types[2].arrivals.origin->days, s.contact_types[0].arrivals.origin->days);
}

TEST(ForecastArrivals, FromDateClosedDaysAndHoursOutsideTheHistory) {
  TempDir dir;
  dir.write("history.csv", weekly_history());
  // From Wednesday 16 April with Thursday 17 closed: the days are Wed 16 and Fri 18. The horizon
  // starts at 07:00, an hour before the history's day: those two intervals get no calls.
  const sim::Scenario s = parse_scenario_yaml(
      scenario("{interval: 30m, intervals: 6, start: \"07:00\", days: 2}",
               "{history: history.csv, method: seasonal_naive, from: 2003-04-16, "
               "closed: [2003-04-17]}"),
      "s.yaml", dir.path().string());
  const auto& rates = s.contact_types[0].arrivals.rate_per_s;
  ASSERT_EQ(rates.size(), 12u);
  const int weekdays[] = {2, 4};
  for (int day = 0; day < 2; ++day) {
    EXPECT_EQ(rates[day * 6 + 0], 0);
    EXPECT_EQ(rates[day * 6 + 1], 0);
    for (int slot = 0; slot < 4; ++slot) {
      EXPECT_DOUBLE_EQ(rates[day * 6 + 2 + slot] * 1800, pattern(weekdays[day], slot));
    }
  }
}

TEST(ForecastArrivals, ForecastCsvMadeEarlier) {
  TempDir dir;
  dir.write("forecast.csv",
            "interval_start,calls,lo80,hi80,lo95,hi95\n"
            "2003-04-14T08:00:00,10,8,12,7,13\n2003-04-14T08:30:00,11,9,13,8,14\n"
            "2003-04-15T08:00:00,20,18,22,17,23\n2003-04-15T08:30:00,21,19,23,18,24\n");
  const sim::Scenario s =
      parse_scenario_yaml(scenario("{interval: 30m, intervals: 2, start: \"08:00\"}",
                                   "{file: forecast.csv, from: 2003-04-15, share: 0.25}"),
                          "s.yaml", dir.path().string());
  const auto& rates = s.contact_types[0].arrivals.rate_per_s;
  ASSERT_EQ(rates.size(), 2u);
  EXPECT_DOUBLE_EQ(rates[0] * 1800, 5.0);
  EXPECT_DOUBLE_EQ(rates[1] * 1800, 5.25);
}

// A forecast written mid-day (`forecast` on a history that stops partway through 2003-04-14)
// starts at 08:30 that day: a horizon from 08:30 takes it as it is, one from the day's start says
// where the file starts.
TEST(ForecastArrivals, ForecastCsvStartingMidDay) {
  TempDir dir;
  dir.write("forecast.csv",
            "interval_start,interval_s,calls,lo80,hi80,lo95,hi95\n"
            "2003-04-14T08:30:00,1800,12,9,15,8,16\n2003-04-14T09:00:00,1800,13,10,16,9,17\n"
            "2003-04-15T08:00:00,1800,20,18,22,17,23\n2003-04-15T08:30:00,1800,21,19,23,18,24\n"
            "2003-04-15T09:00:00,1800,22,19,25,18,26\n");
  const sim::Scenario s = parse_scenario_yaml(
      scenario("{interval: 30m, intervals: 2, start: \"08:30\", days: 2}", "{file: forecast.csv}"),
      "s.yaml", dir.path().string());
  const auto& rates = s.contact_types[0].arrivals.rate_per_s;
  ASSERT_EQ(rates.size(), 4u);
  EXPECT_DOUBLE_EQ(rates[0] * 1800, 12.0);
  EXPECT_DOUBLE_EQ(rates[1] * 1800, 13.0);
  EXPECT_DOUBLE_EQ(rates[2] * 1800, 21.0);
  EXPECT_DOUBLE_EQ(rates[3] * 1800, 22.0);
  EXPECT_EQ(
      load_error(
          scenario("{interval: 30m, intervals: 3, start: \"08:00\"}", "{file: forecast.csv}"), dir),
      "s.yaml:5:33: contact_types[0].arrivals.forecast.file: " + (dir / "forecast.csv").string() +
          ": no row for 2003-04-14T08:00:00: the file starts at 08:30 that day (a forecast "
          "of the rest of a day): start the horizon at 08:30 or later, or skip the day with "
          "from: 2003-04-15");
}

TEST(ForecastArrivals, ErrorsArePositionedAndSayWhatWasExpected) {
  TempDir dir;
  dir.write("history.csv", weekly_history());
  dir.write("fine.csv", "interval_start,calls\n2003-04-14T08:00:00,10\n2003-04-14T08:05:00,11\n");
  const std::string horizon = "{interval: 30m, intervals: 4, start: \"08:00\"}";
  EXPECT_EQ(load_error(scenario(horizon, "{history: history.csv, file: fine.csv}"), dir),
            "s.yaml:5:55: contact_types[0].arrivals.forecast.file: expected either history (a "
            "call history to forecast from) or file (a forecast CSV), found both");
  EXPECT_EQ(load_error(scenario(horizon, "{method: auto}"), dir),
            "s.yaml:5:26: contact_types[0].arrivals.forecast: missing key, expected history (a "
            "call history to forecast from) or file (a forecast CSV)");
  EXPECT_EQ(load_error(scenario(horizon, "{file: fine.csv, method: profile}"), dir),
            "s.yaml:5:51: contact_types[0].arrivals.forecast.method: expected method only with "
            "history: a forecast file is used as it is");
  EXPECT_EQ(load_error(scenario(horizon, "{history: history.csv, from: 2003-04-11}"), dir),
            "s.yaml:5:36: contact_types[0].arrivals.forecast.history: from must be after the "
            "history's last day 2003-04-11, found 2003-04-11");
  EXPECT_EQ(load_error(scenario("{interval: 30m, intervals: 4, start: \"08:15\"}",
                                "{history: history.csv}"),
                       dir),
            "s.yaml:5:36: contact_types[0].arrivals.forecast.history: the horizon interval at "
            "08:15 is not on the forecast's grid, which starts at 08:00 in steps of 30m");
  EXPECT_EQ(load_error(scenario(horizon, "{file: fine.csv}"), dir),
            "s.yaml:5:33: contact_types[0].arrivals.forecast.file: " + (dir / "fine.csv").string() +
                ":3: interval_start: rows 5m apart, expected the horizon's interval of 30m (make "
                "the forecast with --interval 30m)");
  EXPECT_EQ(load_error(scenario(horizon, "{history: missing.csv}"), dir),
            "s.yaml:5:36: contact_types[0].arrivals.forecast.history: cannot read " +
                (dir / "missing.csv").string() + ": No such file or directory");
}

}  // namespace
}  // namespace staffsim::tools
