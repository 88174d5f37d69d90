#include "tools/history_csv.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
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
    throw InputError(table.name() + ": expected at least one row of data after the header, " +
                     "found none");
  }
}

History read_counts(const CsvTable& table, bool partial_last_day) {
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
  std::optional<PartialDay> partial;
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
    if (expected != slots && partial_last_day && j == entries.size() && !series.empty()) {
      day_counts.resize(static_cast<std::size_t>(expected));
      partial = PartialDay{day, day_counts};
      break;
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
  return History{std::move(series), false, "", std::move(partial), {}};
}

// Counts the arrival times into slots of `interval` seconds; every day in `days` is a day of the
// history, with or without a counted call.
History count_arrivals(const CsvTable& table, const std::vector<std::int64_t>& arrivals,
                       const std::set<std::int64_t>& days, std::int64_t interval,
                       std::string counted) {
  if (interval <= 0 || kSecondsPerDay % interval != 0) {
    throw InputError(
        "--interval: expected a length that divides a day, in whole seconds, such "
        "as 5m, 15m, 30m or 1h, found " +
        format_duration(static_cast<double>(interval)));
  }
  if (arrivals.empty()) {
    throw InputError(table.name() + ": no call to count: " + counted);
  }
  std::map<std::int64_t, std::vector<double>> per_day;
  const std::size_t slots_per_day = static_cast<std::size_t>(kSecondsPerDay / interval);
  for (std::int64_t day : days) per_day[day].assign(slots_per_day, 0.0);
  std::size_t first_slot = slots_per_day, last_slot = 0;
  for (std::int64_t t : arrivals) {
    const std::size_t slot = static_cast<std::size_t>(second_of_day(t) / interval);
    per_day[day_of(t)][slot] += 1.0;
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
  return History{std::move(series), true, std::move(counted), std::nullopt, {}};
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A log in a known format: the calls `count` names, of the types asked.
History read_known_call_log(const CsvTable& table, const HistoryOptions& options) {
  const CallLog log = read_call_log_table(table);
  const CallCount count = options.count.value_or(CallCount::offered);
  std::vector<std::string> types;
  try {
    types = select_types(log, options.types);
  } catch (const InvalidInput& e) {
    throw InputError(std::string("--type: ") + e.what());
  }
  std::vector<std::int64_t> arrivals;
  std::set<std::int64_t> days;
  std::size_t other_type = 0, abandoned = 0, ivr = 0, phantom = 0;
  for (const CallRecord& call : log.calls) {
    days.insert(day_of(call.arrival_local_s));
    if (std::find(types.begin(), types.end(), call.type) == types.end()) {
      ++other_type;
    } else if (counts(call, count)) {
      arrivals.push_back(call.arrival_local_s);
    } else if (call.outcome == CallOutcome::abandoned) {
      ++abandoned;
    } else if (call.outcome == CallOutcome::hung_up_in_ivr) {
      ++ivr;
    } else {
      ++phantom;
    }
  }
  const char* what = count == CallCount::offered    ? "offered to agents (served, or abandoned "
                                                      "in the queue)"
                     : count == CallCount::answered ? "answered by agents"
                                                    : "that arrived (IVR included)";
  std::string counted = "counted " + plural(arrivals.size(), "call ", "calls ") + what;
  if (!options.types.empty()) {
    counted += " of type" + std::string(types.size() == 1 ? " " : "s ") + join(types);
  }
  counted += ", out of " + plural(log.calls.size(), "record", "records");
  std::vector<std::string> left_out;
  if (other_type > 0) left_out.push_back(plural(other_type, "of another type", "of other types"));
  if (abandoned > 0) left_out.push_back(std::to_string(abandoned) + " abandoned in the queue");
  if (ivr > 0) left_out.push_back(std::to_string(ivr) + " hung up in the IVR");
  if (phantom > 0) left_out.push_back(plural(phantom, "phantom record", "phantom records"));
  if (!left_out.empty()) counted += "; not counted: " + join(left_out);
  counted += " (--count offered|answered|arrived, --type)";
  History history =
      count_arrivals(table, arrivals, days, options.log_interval_s, std::move(counted));
  for (const CallRecord& call : log.calls) {
    if (call.outcome == CallOutcome::served &&
        std::find(types.begin(), types.end(), call.type) != types.end()) {
      history.served.emplace_back(call.arrival_local_s, call.service_s);
    }
  }
  return history;
}

// A bare list of arrival times: every row is a call that arrived.
History read_arrival_list(const CsvTable& table, const HistoryOptions& options) {
  if (options.count && *options.count != CallCount::arrived) {
    throw InputError("--count: " + table.name() +
                     " lists arrivals only (no outcome or wait_s column), so only --count "
                     "arrived applies, found " +
                     quote(call_count_name(*options.count)));
  }
  if (!options.types.empty()) {
    throw InputError("--type: " + table.name() +
                     " lists arrivals only, without a type column: --type does not apply");
  }
  const std::size_t arrival_col = table.column("arrival");
  require_rows(table);
  std::vector<std::int64_t> arrivals;
  std::set<std::int64_t> days;
  for (const auto& row : table.rows()) {
    arrivals.push_back(parse_time(table, row, arrival_col));
    days.insert(day_of(arrivals.back()));
  }
  return count_arrivals(table, arrivals, days, options.log_interval_s,
                        "counted every one of the " + std::to_string(arrivals.size()) +
                            " rows as a call that arrived (the log has no outcome column)");
}

}  // namespace

History parse_history(std::string_view text, const std::string& name,
                      const HistoryOptions& options) {
  const CsvTable table = CsvTable::parse(text, name);
  if (table.find_column("arrival") && !table.find_column("calls")) {
    return has_call_log_columns(table) ? read_known_call_log(table, options)
                                       : read_arrival_list(table, options);
  }
  if (!table.find_column("timestamp") && !table.find_column("calls")) {
    std::string names;
    for (const auto& h : table.header()) names += (names.empty() ? "" : ", ") + h;
    throw InputError(name + ":1: expected a `timestamp,calls` history or a call log with an " +
                     "`arrival` column, found columns: " + names);
  }
  if (options.count) {
    throw InputError("--count: applies to a per-call log; " + name +
                     " holds counts per interval (timestamp,calls)");
  }
  if (!options.types.empty()) {
    throw InputError("--type: applies to a per-call log; " + name +
                     " holds counts per interval (timestamp,calls)");
  }
  return read_counts(table, options.partial_last_day);
}

History read_history(const std::string& path, const HistoryOptions& options) {
  return parse_history(read_file(path), display_name(path), options);
}

std::vector<HistoryGap> long_gaps(const models::IntervalSeries& series, std::int64_t min_days) {
  std::vector<HistoryGap> gaps;
  for (std::size_t i = 1; i < series.day_count(); ++i) {
    const std::int64_t missing = series.day(i) - series.day(i - 1) - 1;
    if (missing >= min_days) gaps.push_back({series.day(i - 1) + 1, series.day(i) - 1});
  }
  return gaps;
}

}  // namespace staffsim::tools
