// Rows of a CSV keyed by the start of an interval: a volumes file for `erlang --volumes`, a
// forecast CSV written by `staffsim forecast`, a staffing file written by `erlang --out`.
//
// Columns read here (the caller reads the others):
//   interval_start  ISO 8601 local date-time ("2003-10-13T07:00:00"), or a clock time ("07:00")
//                   for a file of one undated day; all rows dated or none.
//   interval_s      optional: the row's length in seconds, a whole number > 0. A forecast's last
//                   interval of a day may be shorter than the others (the bank data's day ends at
//                   21:05, so its 30-minute forecast ends with a 21:00 row of 300 s).
// Rows are in increasing time order and do not overlap. A row's length is its interval_s; without
// that column every row is as long as the spacing of the rows, which must then be even within a
// day (07:00, 07:30, 08:00: 30 minutes). The file's interval is the longest row (interval_s
// column) or that spacing; it is unknown when every day holds a single row and the column is
// absent (the caller must be told the length).
// Errors: InputError "file:line: column: expected ..., found \"...\"".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario.hpp"
#include "tools/csv.hpp"

namespace staffsim::tools {

struct IntervalRow {
  const CsvTable::Row* csv = nullptr;  // the row in the table (line, fields)
  std::optional<std::int64_t> day;     // days since 1970-01-01; nullopt in an undated file
  std::int64_t start_s = 0;            // second of the day the interval starts
  std::int64_t length_s = 0;           // 0 while the interval is unknown
};

struct IntervalRows {
  IntervalRows() = default;
  IntervalRows(IntervalRows&&) = default;  // rows point into table: never copied
  IntervalRows& operator=(IntervalRows&&) = default;
  IntervalRows(const IntervalRows&) = delete;
  IntervalRows& operator=(const IntervalRows&) = delete;

  CsvTable table;
  std::vector<IntervalRow> rows;
  bool has_length_column = false;
  // The longest row (interval_s column) or the spacing of the rows; nullopt when unknown.
  std::optional<std::int64_t> interval_s;
  // Where the spacing was seen, for messages: the lines of two neighbouring rows.
  std::size_t spacing_line_a = 0, spacing_line_b = 0;

  // Gives every row the length `interval_s` (when the file cannot tell it).
  void assume_interval(std::int64_t interval_s);
  // "2003-10-13T07:00:00" or "07:00": how messages name a row's start.
  std::string start_text(const IntervalRow& row) const;
};

IntervalRows read_interval_rows(CsvTable table);
IntervalRows read_interval_rows_file(const std::string& path);

// Which rows of a file hold the intervals of a scenario's horizon (one per interval, day-major).
// Days: the file's dates in order, from `from_day` on when given; with `repeat_one_day`, a file
// of a single date (or undated) serves every day of the horizon. Each horizon interval needs the
// row that starts at its clock time on its day, as long as the horizon's interval; rows outside
// the horizon's hours are not used. Throws InputError naming the file, the line and what was
// expected; `remedy` ends the message about a file of another interval ("make the forecast with
// --interval 30m"). Throws InvalidInput when the horizon's interval is not whole seconds.
struct HorizonRowsRequest {
  std::optional<std::int64_t> from_day;
  bool repeat_one_day = false;
  std::string remedy;
};
std::vector<const IntervalRow*> rows_on_horizon(const IntervalRows& rows,
                                                const sim::Horizon& horizon,
                                                const HorizonRowsRequest& request);

}  // namespace staffsim::tools
