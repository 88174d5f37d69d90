#include "tools/interval_rows.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "models/calendar.hpp"
#include "models/error.hpp"
#include "tools/cli_error.hpp"
#include "tools/datetime.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {

void IntervalRows::assume_interval(std::int64_t length_s) {
  interval_s = length_s;
  for (IntervalRow& row : rows) row.length_s = length_s;
}

std::string IntervalRows::start_text(const IntervalRow& row) const {
  return row.day ? format_local_datetime(*row.day * models::kSecondsPerDay + row.start_s)
                 : format_clock(static_cast<double>(row.start_s));
}

IntervalRows read_interval_rows(CsvTable table) {
  IntervalRows result;
  result.table = std::move(table);
  const CsvTable& t = result.table;
  const std::size_t start_column = t.column("interval_start");
  const auto length_column = t.find_column("interval_s");
  result.has_length_column = length_column.has_value();
  if (t.rows().empty()) {
    throw InputError(t.name() +
                     ": expected at least one row of data after the header, found "
                     "none");
  }
  for (const auto& csv : t.rows()) {
    IntervalRow row;
    row.csv = &csv;
    const std::string& text = csv.fields[start_column];
    const bool dated = text.size() > 8;
    try {
      if (dated) {
        const std::int64_t at = parse_local_datetime(text);
        row.day = models::day_of(at);
        row.start_s = models::second_of_day(at);
      } else {
        row.start_s = static_cast<std::int64_t>(parse_clock_s(text));
      }
    } catch (const InvalidInput&) {
      throw InputError(t.where(csv) +
                       "interval_start: expected an ISO 8601 local date-time such as "
                       "2003-03-03T07:00:00 or a clock time such as 07:00, found " +
                       quote(text));
    }
    if (!result.rows.empty() && result.rows.front().day.has_value() != dated) {
      throw InputError(t.where(csv) + "interval_start: expected " +
                       (dated ? std::string("a clock time such as 07:00 as in the rows above")
                              : std::string("a date and time as in the rows above")) +
                       ", found " + quote(text));
    }
    if (length_column) {
      try {
        row.length_s = parse_integer(csv.fields[*length_column], 1, models::kSecondsPerDay);
      } catch (const InvalidInput&) {
        throw InputError(t.where(csv) +
                         "interval_s: expected the row's length, a whole number of seconds from 1 "
                         "to 86400, found " +
                         quote(csv.fields[*length_column]));
      }
      if (!result.interval_s || row.length_s > *result.interval_s) result.interval_s = row.length_s;
    }
    if (!result.rows.empty()) {
      const IntervalRow& previous = result.rows.back();
      const bool same_day = previous.day == row.day;
      if (row.day < previous.day || (same_day && row.start_s <= previous.start_s)) {
        throw InputError(t.where(csv) + "interval_start: expected a time after " +
                         result.start_text(previous) + " (rows in increasing time order), found " +
                         quote(text));
      }
      if (same_day && length_column && previous.start_s + previous.length_s > row.start_s) {
        throw InputError(t.where(csv) + "interval_start: expected " +
                         format_clock(static_cast<double>(previous.start_s + previous.length_s)) +
                         " or later (the row above lasts " +
                         format_duration(static_cast<double>(previous.length_s)) + "), found " +
                         quote(text));
      }
    }
    result.rows.push_back(row);
  }
  if (length_column) return result;
  // Without lengths, the rows of a day must be evenly spaced: that spacing is their length.
  for (std::size_t i = 1; i < result.rows.size(); ++i) {
    const IntervalRow& a = result.rows[i - 1];
    const IntervalRow& b = result.rows[i];
    if (a.day != b.day) continue;
    const std::int64_t gap = b.start_s - a.start_s;
    if (!result.interval_s) {
      result.interval_s = gap;
      result.spacing_line_a = a.csv->line;
      result.spacing_line_b = b.csv->line;
    } else if (gap != *result.interval_s) {
      throw InputError(t.where(*b.csv) + "interval_start: expected " +
                       format_clock(static_cast<double>(a.start_s + *result.interval_s)) +
                       " (rows " + format_duration(static_cast<double>(*result.interval_s)) +
                       " apart, as at lines " + std::to_string(result.spacing_line_a) + " and " +
                       std::to_string(result.spacing_line_b) + "), found " +
                       quote(b.csv->fields[start_column]) +
                       "; give rows of other lengths an interval_s column");
    }
  }
  if (result.interval_s) result.assume_interval(*result.interval_s);
  return result;
}

IntervalRows read_interval_rows_file(const std::string& path) {
  return read_interval_rows(CsvTable::read(path));
}

std::vector<const IntervalRow*> rows_on_horizon(const IntervalRows& rows,
                                                const sim::Horizon& horizon,
                                                const HorizonRowsRequest& request) {
  const auto interval = static_cast<std::int64_t>(std::llround(horizon.interval_s));
  if (std::fabs(horizon.interval_s - static_cast<double>(interval)) > 1e-9 || interval <= 0) {
    throw InvalidInput("rows of a file need a horizon interval of whole seconds, found " +
                       format_duration(horizon.interval_s));
  }
  const CsvTable& t = rows.table;
  const std::string expected_interval = ", expected the horizon's interval of " +
                                        format_duration(static_cast<double>(interval)) +
                                        (request.remedy.empty() ? "" : " (" + request.remedy + ")");
  if (rows.interval_s && *rows.interval_s != interval) {
    if (rows.has_length_column) {
      const auto longest = std::find_if(rows.rows.begin(), rows.rows.end(), [&](const auto& r) {
        return r.length_s == *rows.interval_s;
      });
      throw InputError(t.where(*longest->csv) + "interval_s: rows " +
                       format_duration(static_cast<double>(*rows.interval_s)) + " long" +
                       expected_interval);
    }
    throw InputError(
        t.name() + ":" + std::to_string(rows.spacing_line_b) + ": interval_start: rows " +
        format_duration(static_cast<double>(*rows.interval_s)) + " apart" + expected_interval);
  }
  // The file's days in order, each with its rows by second of the day.
  std::vector<std::pair<std::optional<std::int64_t>, std::map<std::int64_t, const IntervalRow*>>>
      days;
  for (const IntervalRow& row : rows.rows) {
    if (request.from_day && row.day && *row.day < *request.from_day) continue;
    if (days.empty() || days.back().first != row.day)
      days.emplace_back(row.day, std::map<std::int64_t, const IntervalRow*>());
    days.back().second.emplace(row.start_s, &row);
  }
  const auto wanted = static_cast<std::size_t>(horizon.days);
  const bool repeat = request.repeat_one_day && days.size() == 1;
  if (days.size() < wanted && !repeat) {
    const std::string from =
        request.from_day ? " from " + format_local_date(*request.from_day * models::kSecondsPerDay)
                         : std::string();
    throw InputError(t.name() + ": expected rows for " +
                     (request.repeat_one_day && wanted > 1
                          ? "1 day (repeated on every day) or " + std::to_string(wanted) + " days"
                          : std::to_string(wanted) + " day(s)") +
                     from + ", found " + std::to_string(days.size()));
  }
  const auto first_start = static_cast<std::int64_t>(std::llround(horizon.day_start_s));
  std::vector<const IntervalRow*> out;
  out.reserve(static_cast<std::size_t>(horizon.total_intervals()));
  for (std::size_t d = 0; d < wanted; ++d) {
    const auto& [day, by_start] = days[repeat ? 0 : d];
    for (int i = 0; i < horizon.intervals_per_day; ++i) {
      const std::int64_t start = first_start + i * interval;
      const auto found = by_start.find(start);
      if (found == by_start.end() && d == 0 && day && !by_start.empty() &&
          start < by_start.begin()->first && days.size() > 1 && !repeat &&
          by_start.begin()->first > days[1].second.begin()->first) {
        // The file's first day starts later than the others: the rest of a day reforecast
        // mid-day.
        const std::int64_t first_row = by_start.begin()->first;
        throw InputError(t.name() + ": no row for " +
                         format_local_datetime(*day * models::kSecondsPerDay + start) +
                         ": the file starts at " + format_clock(static_cast<double>(first_row)) +
                         " that day (a forecast of the rest of a day): start the horizon at " +
                         format_clock(static_cast<double>(first_row)) +
                         " or later, or skip the day with from: " +
                         format_local_date(*days[1].first * models::kSecondsPerDay));
      }
      if (found == by_start.end()) {
        const std::string when = day ? format_local_datetime(*day * models::kSecondsPerDay + start)
                                     : format_clock(static_cast<double>(start));
        throw InputError(t.name() + ": no row for " + when +
                         ", expected one row per interval of the horizon on each day used");
      }
      const IntervalRow& row = *found->second;
      if (row.length_s > 0 && row.length_s < interval) {
        throw InputError(
            t.where(*row.csv) + "interval_s: the horizon interval at " +
            format_clock(static_cast<double>(start)) + " is only partly covered by this row, " +
            format_duration(static_cast<double>(row.length_s)) + " long (the file's day ends at " +
            format_clock(static_cast<double>(start + row.length_s)) + "): end the horizon by " +
            format_clock(static_cast<double>(start)));
      }
      out.push_back(&row);
    }
  }
  return out;
}

}  // namespace staffsim::tools
