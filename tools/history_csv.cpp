#include "tools/history_csv.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "models/calendar.hpp"
#include "models/error.hpp"
#include "tools/cli_error.hpp"
#include "tools/csv.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

using models::day_of;
using models::kSecondsPerDay;
using models::second_of_day;

std::string clock_text(std::int64_t seconds_of_day) {
  return format_clock(static_cast<double>(seconds_of_day));
}

std::int64_t parse_time(const CsvTable& table, const CsvTable::Row& row, std::size_t column) {
  try {
    return parse_local_datetime(row.fields[column]);
  } catch (const InvalidInput& e) {
    throw InputError(table.where(row) + table.header()[column] + ": " + e.what());
  }
}

long long parse_count(const CsvTable& table, const CsvTable::Row& row, std::size_t column) {
  try {
    return parse_integer(row.fields[column], 0);
  } catch (const InvalidInput&) {
    throw InputError(table.where(row) + table.header()[column] + ": expected a count >= 0, found " +
                     quote(row.fields[column]));
  }
}

void require_rows(const CsvTable& table) {
  if (table.rows().empty()) {
    throw InputError(table.name() + ":2: expected at least one row of data after the header, " +
                     "found none");
  }
}

History read_counts(const CsvTable& table) {
  const std::size_t time_col = table.column("timestamp");
  const std::size_t calls_col = table.column("calls");
  require_rows(table);
  struct Entry {
    std::int64_t time;
    double calls;
    const CsvTable::Row* row;
  };
  std::vector<Entry> entries;
  entries.reserve(table.rows().size());
  for (const auto& row : table.rows()) {
    const std::int64_t t = parse_time(table, row, time_col);
    const double calls = static_cast<double>(parse_count(table, row, calls_col));
    if (!entries.empty() && t <= entries.back().time) {
      throw InputError(table.where(row) + "timestamp: expected a time after " +
                       format_local_datetime(entries.back().time) +
                       " (rows in increasing time order), found " + quote(row.fields[time_col]));
    }
    entries.push_back({t, calls, &row});
  }
  // Interval: the smallest gap between rows of one day.
  std::int64_t interval = 0;
  for (std::size_t i = 1; i < entries.size(); ++i) {
    if (day_of(entries[i].time) != day_of(entries[i - 1].time)) continue;
    const std::int64_t gap = entries[i].time - entries[i - 1].time;
    if (interval == 0 || gap < interval) interval = gap;
  }
  if (interval == 0) {
    throw InputError(table.where(*entries.front().row) +
                     "timestamp: expected at least two intervals on one day to infer the " +
                     "interval length, found one row per day");
  }
  std::int64_t begin = kSecondsPerDay, end = 0;
  for (const Entry& e : entries) {
    begin = std::min(begin, second_of_day(e.time));
    end = std::max(end, second_of_day(e.time) + interval);
  }
  for (const Entry& e : entries) {
    if ((second_of_day(e.time) - begin) % interval != 0) {
      throw InputError(table.where(*e.row) + "timestamp: expected a time on the grid of " +
                       format_duration(static_cast<double>(interval)) + " intervals from " +
                       clock_text(begin) + " (irregular grid), found " +
                       quote(e.row->fields[time_col]));
    }
  }
  if (end > kSecondsPerDay) {
    throw InputError(table.name() + ": timestamp: intervals of " +
                     format_duration(static_cast<double>(interval)) + " from " + clock_text(begin) +
                     " run past midnight; expected a grid within one day");
  }
  const models::IntradayGrid grid{interval, begin, end};
  models::IntervalSeries series(grid);
  const int slots = grid.slot_count();
  std::vector<double> day_counts;
  for (std::size_t i = 0; i < entries.size();) {
    const std::int64_t day = day_of(entries[i].time);
    day_counts.assign(static_cast<std::size_t>(slots), 0.0);
    int expected = 0;
    std::size_t j = i;
    for (; j < entries.size() && day_of(entries[j].time) == day; ++j, ++expected) {
      const int slot = static_cast<int>((second_of_day(entries[j].time) - begin) / interval);
      if (slot != expected) {
        throw InputError(table.where(*entries[j].row) + "timestamp: expected " +
                         format_local_datetime(day * kSecondsPerDay + grid.slot_start_s(expected)) +
                         " (every day holds every interval from " + clock_text(begin) + " to " +
                         clock_text(end) + "), found " + quote(entries[j].row->fields[time_col]));
      }
      day_counts[static_cast<std::size_t>(slot)] = entries[j].calls;
    }
    if (expected != slots) {
      throw InputError(table.where(*entries[j - 1].row) + "timestamp: day " +
                       format_local_date(day * kSecondsPerDay) + " ends at " +
                       clock_text(grid.slot_start_s(expected - 1) + interval) +
                       ", expected every interval up to " + clock_text(end) +
                       " (a day is complete or absent)");
    }
    series.add_day(day, day_counts);
    i = j;
  }
  return History{std::move(series), false};
}

History read_call_log(const CsvTable& table, std::int64_t interval) {
  const std::size_t arrival_col = table.column("arrival");
  require_rows(table);
  if (interval <= 0 || kSecondsPerDay % interval != 0) {
    throw InputError("--interval: expected a length that divides a day (such as 5m, 15m, 30m, " +
                     std::string("1h), found ") + format_duration(static_cast<double>(interval)));
  }
  std::map<std::int64_t, std::vector<double>> per_day;
  const std::size_t slots_per_day = static_cast<std::size_t>(kSecondsPerDay / interval);
  std::size_t first_slot = slots_per_day, last_slot = 0;
  for (const auto& row : table.rows()) {
    const std::int64_t t = parse_time(table, row, arrival_col);
    auto& counts = per_day[day_of(t)];
    if (counts.empty()) counts.assign(slots_per_day, 0.0);
    const std::size_t slot = static_cast<std::size_t>(second_of_day(t) / interval);
    counts[slot] += 1.0;
    first_slot = std::min(first_slot, slot);
    last_slot = std::max(last_slot, slot);
  }
  const models::IntradayGrid grid{interval, static_cast<std::int64_t>(first_slot) * interval,
                                  static_cast<std::int64_t>(last_slot + 1) * interval};
  models::IntervalSeries series(grid);
  for (const auto& [day, counts] : per_day) {
    series.add_day(day,
                   std::span<const double>(counts).subspan(first_slot, last_slot - first_slot + 1));
  }
  return History{std::move(series), true};
}

}  // namespace

History parse_history(std::string_view text, const std::string& name, std::int64_t log_interval_s) {
  const CsvTable table = CsvTable::parse(text, name);
  if (table.find_column("arrival") && !table.find_column("calls")) {
    return read_call_log(table, log_interval_s);
  }
  if (!table.find_column("timestamp") && !table.find_column("calls")) {
    std::string names;
    for (const auto& h : table.header()) names += (names.empty() ? "" : ", ") + h;
    throw InputError(name + ":1: expected a `timestamp,calls` history or a call log with an " +
                     "`arrival` column, found columns: " + names);
  }
  return read_counts(table);
}

History read_history(const std::string& path, std::int64_t log_interval_s) {
  return parse_history(read_file(path), display_name(path), log_interval_s);
}

}  // namespace staffsim::tools
