#include "tools/history_csv.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "error_message.hpp"
#include "models/calendar.hpp"
#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

using test_support::error_message;

HistoryOptions at(std::int64_t interval_s) {
  HistoryOptions options;
  options.log_interval_s = interval_s;
  return options;
}

std::string error_of(const std::string& text, std::int64_t interval_s = 1800) {
  try {
    parse_history(text, "history.csv", at(interval_s));
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

// Two days of a 15-minute grid 08:00-09:00 with a missing day in between.
const char* kGood =
    "timestamp,calls\n"
    "2003-03-03T08:00:00,5\n2003-03-03T08:15:00,6\n2003-03-03T08:30:00,7\n"
    "2003-03-03T08:45:00,8\n"
    "2003-03-05T08:00:00,1\n2003-03-05T08:15:00,0\n2003-03-05T08:30:00,2\n"
    "2003-03-05T08:45:00,3\n";

TEST(HistoryCsv, ReadsCountsOnACalendarIndex) {
  const History h = parse_history(kGood, "history.csv", at(1800));
  EXPECT_FALSE(h.from_call_log);
  EXPECT_EQ(h.series.grid().interval_s, 900);
  EXPECT_EQ(h.series.grid().day_begin_s, 8 * 3600);
  EXPECT_EQ(h.series.grid().day_end_s, 9 * 3600);
  ASSERT_EQ(h.series.day_count(), 2u);
  EXPECT_EQ(h.series.day(1), models::days_from_civil({2003, 3, 5}));
  EXPECT_EQ(h.series.counts(1)[2], 2.0);
  EXPECT_EQ(h.series.total(0), 26.0);
}

TEST(HistoryCsv, CountsACallLogIntoSlots) {
  // Calls at 08:10, 08:20, 08:50 on Monday, 09:05 on Tuesday: 30-minute slots 08:00-09:30.
  const std::string log =
      "id,arrival\n1,2003-03-03T08:10:00\n2,2003-03-03T08:20:59\n3,2003-03-03T08:50:00\n"
      "4,2003-03-04T09:05:00\n";
  const History h = parse_history(log, "log.csv", at(1800));
  EXPECT_TRUE(h.from_call_log);
  EXPECT_EQ(h.series.grid().day_begin_s, 8 * 3600);
  EXPECT_EQ(h.series.grid().day_end_s, 9 * 3600 + 1800);
  ASSERT_EQ(h.series.day_count(), 2u);
  EXPECT_EQ(h.series.counts(0)[0], 2.0);
  EXPECT_EQ(h.series.counts(0)[1], 1.0);
  EXPECT_EQ(h.series.counts(0)[2], 0.0);  // a slot inside opening hours without calls counts 0
  EXPECT_EQ(h.series.counts(1)[2], 1.0);
}

TEST(HistoryCsv, BadInputMessages) {
  EXPECT_EQ(error_of("timestamp,calls\n2003-03-03T08:00:00,-3\n"),
            "history.csv:2: calls: expected a count >= 0, found \"-3\"");
  EXPECT_EQ(error_of("timestamp,calls\n2003-03-03T08:00:00,2.5\n"),
            "history.csv:2: calls: expected a count >= 0, found \"2.5\"");
  EXPECT_EQ(error_of("timestamp,calls\n2003-03-03 8am,3\n"),
            "history.csv:2: timestamp: expected an ISO 8601 local date-time such as "
            "2003-03-03T07:00:00, found \"2003-03-03 8am\"");
  EXPECT_EQ(error_of("timestamp,calls\n"),
            "history.csv: expected at least one row of data after the header, found none");
  EXPECT_EQ(error_of("time,volume\n1,2\n"),
            "history.csv:1: expected a `timestamp,calls` history or a call log with an "
            "`arrival` column, found columns: time, volume");
  EXPECT_EQ(error_of("timestamp\n2003-03-03T08:00:00\n"),
            "history.csv:1: missing column \"calls\" (columns are: timestamp)");
  EXPECT_EQ(error_of("timestamp,calls\n2003-03-03T08:15:00,1\n2003-03-03T08:00:00,1\n"),
            "history.csv:3: timestamp: expected a time after 2003-03-03T08:15:00 (rows in "
            "increasing time order), found \"2003-03-03T08:00:00\"");
  // Irregular grids.
  EXPECT_EQ(error_of("timestamp,calls\n2003-03-03T08:00:00,1\n2003-03-03T08:15:00,1\n"
                     "2003-03-03T08:40:00,1\n"),
            "history.csv:4: timestamp: expected a time on the grid of 15m intervals from 08:00 "
            "(irregular grid), found \"2003-03-03T08:40:00\"");
  EXPECT_EQ(error_of("timestamp,calls\n2003-03-03T08:00:00,1\n2003-03-03T08:15:00,1\n"
                     "2003-03-03T08:30:00,1\n2003-03-04T08:00:00,1\n2003-03-04T08:30:00,1\n"),
            "history.csv:6: timestamp: expected 2003-03-04T08:15:00 (every day holds every "
            "interval from 08:00 to 08:45), found \"2003-03-04T08:30:00\"");
  EXPECT_EQ(error_of("timestamp,calls\n2003-03-03T08:00:00,1\n2003-03-03T08:15:00,1\n"
                     "2003-03-03T08:30:00,1\n2003-03-04T08:00:00,1\n"),
            "history.csv:5: timestamp: day 2003-03-04 ends at 08:15, expected every interval up "
            "to 08:45 (a day is complete or absent)");
  EXPECT_EQ(error_of("timestamp,calls\n2003-03-03T08:00:00,1\n2003-03-04T08:00:00,1\n"),
            "history.csv:2: timestamp: expected at least two intervals on one day to infer the "
            "interval length, found one row per day");
  EXPECT_EQ(error_of("arrival\n2003-03-03T08:00:61\n"),
            "history.csv:2: arrival: expected an ISO 8601 local date-time such as "
            "2003-03-03T07:00:00, found \"2003-03-03T08:00:61\"");
  EXPECT_EQ(error_of("arrival\n2003-03-03T08:00:00\n", 7 * 60 * 60),
            "--interval: expected a length that divides a day, in whole seconds, such as 5m, 15m, "
            "30m or 1h, found 7h");
  HistoryOptions offered = at(1800);
  offered.count = CallCount::offered;
  EXPECT_EQ(error_message<InputError>(
                [&] { parse_history("arrival\n2003-03-03T08:00:00\n", "list.csv", offered); }),
            "--count: list.csv lists arrivals only (no outcome or wait_s column), so only --count "
            "arrived applies, found \"offered\"");
  EXPECT_EQ(error_message<InputError>([&] { parse_history(kGood, "history.csv", offered); }),
            "--count: applies to a per-call log; history.csv holds counts per interval "
            "(timestamp,calls)");
}

// A log with outcomes counts the calls offered to agents by default (as fit does), or those
// --count and --type ask for, and says what it counted.
TEST(HistoryCsv, CountsWhatItIsAskedAndSaysSo) {
  const std::string log =
      "arrival,wait_s,outcome,service_s,type\n"
      "2003-03-03T08:10:00,0,served,60,A\n"
      "2003-03-03T08:20:00,30,abandoned,,A\n"
      "2003-03-03T08:40:00,5,served,60,B\n"
      "2003-03-04T08:05:00,0,served,60,A\n";
  History h = parse_history(log, "log.csv", at(1800));
  EXPECT_EQ(h.series.total(0) + h.series.total(1), 4.0);
  EXPECT_EQ(h.counted,
            "counted 4 calls offered to agents (served, or abandoned in the queue), out of 4 "
            "records (--count offered|answered|arrived, --type)");
  HistoryOptions options = at(1800);
  options.count = CallCount::answered;
  options.types = "A";
  h = parse_history(log, "log.csv", options);
  // 08:10 and 08:05 (A, served) count; 08:20 abandoned and 08:40 (B) do not: one slot, 08:00.
  ASSERT_EQ(h.series.slot_count(), 1);
  EXPECT_EQ(h.series.counts(0)[0], 1.0);
  EXPECT_EQ(h.series.counts(1)[0], 1.0);
  EXPECT_EQ(h.counted,
            "counted 2 calls answered by agents of type A, out of 4 records; not counted: 1 of "
            "another type, 1 abandoned in the queue (--count offered|answered|arrived, --type)");
  h = parse_history("arrival\n2003-03-03T08:10:00\n2003-03-03T08:15:00\n", "list.csv", at(1800));
  EXPECT_EQ(h.counted,
            "counted every one of the 2 rows as a call that arrived (the log has no outcome "
            "column)");
}

TEST(HistoryCsv, LongGapsAreAWeekOrMore) {
  models::IntervalSeries s(models::IntradayGrid{1800, 0, 3600});
  for (int day : {0, 3, 9, 10, 30}) s.add_day(day, std::vector<double>{1, 2});
  const auto gaps = long_gaps(s);
  ASSERT_EQ(gaps.size(), 1u);  // 4-8 is 5 days: not long; 11-29 is 19
  EXPECT_EQ(gaps[0].first_day, 11);
  EXPECT_EQ(gaps[0].last_day, 29);
}

// The real data: the North American bank's 5-minute counts.
TEST(HistoryCsv, RealBankSeries) {
  const std::string path = std::string(STAFFSIM_SHARED_DATA_DIR) + "/bank_calls_5min_train.csv";
  ASSERT_TRUE(std::filesystem::exists(path))
      << "real data missing: " << path
      << " (STAFFSIM_SHARED_DATA_DIR must point at the shared data folder)";
  const History h = read_history(path, at(1800));
  EXPECT_EQ(h.series.day_count(), 155u);
  EXPECT_EQ(h.series.slot_count(), 169);
  EXPECT_EQ(h.series.grid().day_end_s, 21 * 3600 + 300);
  // Five weekdays absent (holidays among them): 2003-09-01 (Labor Day) is not a row.
  EXPECT_FALSE(h.series.find_day(models::days_from_civil({2003, 9, 1})).has_value());
  EXPECT_TRUE(h.series.find_day(models::days_from_civil({2003, 9, 2})).has_value());
  // The README's figures: the maximum daily total 42,889 on the Tuesday after Labor Day.
  EXPECT_EQ(h.series.total(*h.series.find_day(models::days_from_civil({2003, 9, 2}))), 42889.0);
}

}  // namespace
}  // namespace staffsim::tools
