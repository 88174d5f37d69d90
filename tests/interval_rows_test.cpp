#include "tools/interval_rows.hpp"

#include <gtest/gtest.h>

#include "error_message.hpp"
#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

using test_support::error_message;

IntervalRows rows_of(const std::string& text) {
  return read_interval_rows(CsvTable::parse(text, "f.csv"));
}

std::string read_error(const std::string& text) {
  return error_message<InputError>([&] { rows_of(text); });
}

TEST(IntervalRows, LengthsFromTheColumnOrTheSpacing) {
  const IntervalRows a = rows_of(
      "interval_start,interval_s,calls\n2003-10-13T20:30:00,1800,5\n2003-10-13T21:00:00,300,1\n");
  ASSERT_EQ(a.rows.size(), 2u);
  EXPECT_EQ(a.interval_s, 1800);
  EXPECT_EQ(a.rows[1].length_s, 300);
  EXPECT_EQ(a.rows[1].start_s, 21 * 3600);
  EXPECT_EQ(a.start_text(a.rows[1]), "2003-10-13T21:00:00");
  const IntervalRows b = rows_of("interval_start,calls\n07:00,1\n07:15,2\n07:30,3\n");
  EXPECT_EQ(b.interval_s, 900);
  EXPECT_FALSE(b.rows[0].day.has_value());
  EXPECT_EQ(b.rows[2].length_s, 900);
  EXPECT_EQ(b.start_text(b.rows[2]), "07:30");
  EXPECT_EQ(b.spacing_line_a, 2u);
  EXPECT_EQ(b.spacing_line_b, 3u);
  // One row per day: the length is unknown until the caller says it.
  IntervalRows c = rows_of("interval_start,calls\n2003-10-13T07:00:00,1\n2003-10-14T07:00:00,2\n");
  EXPECT_FALSE(c.interval_s.has_value());
  c.assume_interval(1800);
  EXPECT_EQ(c.rows[1].length_s, 1800);
}

TEST(IntervalRows, ErrorsSayWhatWasExpected) {
  EXPECT_EQ(read_error("interval_start,calls\n"),
            "f.csv: expected at least one row of data after the header, found none");
  EXPECT_EQ(read_error("interval_start,calls\n7am,1\n"),
            "f.csv:2: interval_start: expected an ISO 8601 local date-time such as "
            "2003-03-03T07:00:00 or a clock time such as 07:00, found \"7am\"");
  EXPECT_EQ(read_error("interval_start,calls\n07:00,1\n2003-10-13T07:30:00,1\n"),
            "f.csv:3: interval_start: expected a clock time such as 07:00 as in the rows above, "
            "found \"2003-10-13T07:30:00\"");
  EXPECT_EQ(read_error("interval_start,calls\n07:30,1\n07:00,1\n"),
            "f.csv:3: interval_start: expected a time after 07:30 (rows in increasing time "
            "order), found \"07:00\"");
  EXPECT_EQ(read_error("interval_start,interval_s,calls\n07:00,3600,1\n07:30,1800,1\n"),
            "f.csv:3: interval_start: expected 08:00 or later (the row above lasts 1h), found "
            "\"07:30\"");
  EXPECT_EQ(read_error("interval_start,interval_s,calls\n07:00,0,1\n"),
            "f.csv:2: interval_s: expected the row's length, a whole number of seconds from 1 to "
            "86400, found \"0\"");
  EXPECT_EQ(read_error("interval_start,calls\n07:00,1\n07:30,1\n07:45,1\n"),
            "f.csv:4: interval_start: expected 08:00 (rows 30m apart, as at lines 2 and 3), found "
            "\"07:45\"; give rows of other lengths an interval_s column");
}

sim::Horizon horizon(int intervals, int days, double start_s) {
  sim::Horizon h;
  h.interval_s = 1800;
  h.intervals_per_day = intervals;
  h.days = days;
  h.day_start_s = start_s;
  return h;
}

TEST(RowsOnHorizon, ByClockTimeDayAfterDay) {
  const IntervalRows rows = rows_of(
      "interval_start,interval_s,v\n"
      "2003-10-13T07:00:00,1800,1\n2003-10-13T07:30:00,1800,2\n2003-10-13T08:00:00,300,3\n"
      "2003-10-14T07:00:00,1800,4\n2003-10-14T07:30:00,1800,5\n2003-10-14T08:00:00,300,6\n");
  auto lines = [](const std::vector<const IntervalRow*>& used) {
    std::vector<std::size_t> out;
    for (const IntervalRow* r : used) out.push_back(r->csv->line);
    return out;
  };
  // The 08:00 rows are not in the horizon: not used.
  EXPECT_EQ(lines(rows_on_horizon(rows, horizon(2, 2, 7 * 3600), {})),
            (std::vector<std::size_t>{2, 3, 5, 6}));
  EXPECT_EQ(lines(rows_on_horizon(rows, horizon(1, 1, 7.5 * 3600), {12339, false, ""})),
            (std::vector<std::size_t>{6}));  // from 2003-10-14, day 12339 since 1970-01-01
  EXPECT_EQ(error_message<InputError>([&] { rows_on_horizon(rows, horizon(3, 1, 7 * 3600), {}); }),
            "f.csv:4: interval_s: the horizon interval at 08:00 is only partly covered by this "
            "row, 5m long (the file's day ends at 08:05): end the horizon by 08:00");
  EXPECT_EQ(error_message<InputError>([&] { rows_on_horizon(rows, horizon(2, 3, 7 * 3600), {}); }),
            "f.csv: expected rows for 3 day(s), found 2");
  EXPECT_EQ(
      error_message<InputError>([&] { rows_on_horizon(rows, horizon(2, 1, 6.5 * 3600), {}); }),
      "f.csv: no row for 2003-10-13T06:30:00, expected one row per interval of the horizon "
      "on each day used");
  const IntervalRows one_day = rows_of("interval_start,v\n07:00,1\n07:30,2\n");
  EXPECT_EQ(lines(rows_on_horizon(one_day, horizon(2, 3, 7 * 3600), {std::nullopt, true, ""})),
            (std::vector<std::size_t>{2, 3, 2, 3, 2, 3}));
  EXPECT_EQ(error_message<InputError>([&] {
              rows_on_horizon(rows_of("interval_start,v\n07:00,1\n08:00,2\n"),
                              horizon(2, 1, 7 * 3600), {std::nullopt, false, "remedy"});
            }),
            "f.csv:3: interval_start: rows 1h apart, expected the horizon's interval of 30m "
            "(remedy)");
}

}  // namespace
}  // namespace staffsim::tools
