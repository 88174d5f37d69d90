#include "tools/staffing_file.hpp"

#include <map>
#include <set>
#include <utility>

#include "models/error.hpp"
#include "tools/cli_error.hpp"
#include "tools/csv.hpp"
#include "tools/interval_rows.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

constexpr long long kMaxDay = 1'000'000;

const char* const kRemedy =
    "solve it at that interval with staffsim erlang --volumes or staffsim plan, or write one row "
    "per interval";

// The rows of `group` in a file with a group column, each interval at most once.
CsvTable rows_of_group(const CsvTable& table, std::size_t group_column, const std::string& group) {
  const std::size_t start_column = table.column("interval_start");
  const auto day_column = table.find_column("day");
  std::vector<CsvTable::Row> rows;
  std::set<std::string> others;
  std::map<std::pair<std::string, std::string>, std::size_t> first_line;  // (day, start) -> line
  for (const CsvTable::Row& row : table.rows()) {
    const std::string& name = row.fields[group_column];
    if (name != group) {
      others.insert(name);
      continue;
    }
    const std::string& start = row.fields[start_column];
    const auto [at, inserted] =
        first_line.emplace(std::pair(day_column ? row.fields[*day_column] : "", start), row.line);
    if (!inserted) {
      throw InputError(
          table.where(row) + "interval_start: expected each interval once per group, " + "found " +
          quote(start) + (day_column ? " of day " + row.fields[*day_column] : std::string()) +
          " of group " + quote(group) + " again (first at line " + std::to_string(at->second) +
          ")");
    }
    rows.push_back(row);
  }
  if (rows.empty()) {
    throw InputError(table.name() + ": group: expected rows of group " + quote(group) + ", found " +
                     (others.empty()
                          ? std::string("no rows")
                          : "rows of " + join({others.begin(), others.end()}) + " only"));
  }
  return table.with_rows(std::move(rows));
}

std::vector<int> agents_of(const IntervalRows& rows, const std::vector<const IntervalRow*>& used,
                           std::size_t agents_column) {
  std::vector<int> staffing;
  staffing.reserve(used.size());
  for (const IntervalRow* row : used) {
    const std::string& text = row->csv->fields[agents_column];
    try {
      staffing.push_back(static_cast<int>(parse_integer(text, 0, sim::kMaxAgentsPerInterval)));
    } catch (const InvalidInput&) {
      throw InputError(rows.table.where(*row->csv) + rows.table.header()[agents_column] +
                       ": expected a whole number of agents from 0 to " +
                       std::to_string(sim::kMaxAgentsPerInterval) + ", found " + quote(text));
    }
  }
  return staffing;
}

// A file with a day column: the rows of day d are horizon day d's (day 1 alone: every day's).
std::vector<int> staffing_by_day_number(const CsvTable& table, std::size_t day_column,
                                        std::size_t agents_column, const sim::Horizon& horizon) {
  const std::size_t start_column = table.column("interval_start");
  std::map<long long, std::vector<CsvTable::Row>> days;
  for (const CsvTable::Row& row : table.rows()) {
    const std::string& start = row.fields[start_column];
    if (start.size() > 8) {  // a date and a time (read_interval_rows tells them apart the same way)
      throw InputError(table.where(row) +
                       "interval_start: expected a clock time such as 07:00 beside the day column "
                       "(or dates without a day column), found " +
                       quote(start));
    }
    const std::string& text = row.fields[day_column];
    long long day = 0;
    try {
      day = parse_integer(text, 1, kMaxDay);
    } catch (const InvalidInput&) {
      throw InputError(table.where(row) + "day: expected the day of the horizon, a whole number " +
                       "from 1, found " + quote(text));
    }
    days[day].push_back(row);
  }
  const bool repeat = days.size() == 1 && days.begin()->first == 1;
  sim::Horizon one_day = horizon;
  one_day.days = 1;
  std::vector<int> staffing;
  for (int d = 1; d <= horizon.days; ++d) {
    const auto found = days.find(repeat ? 1 : d);
    if (found == days.end()) {
      throw InputError(table.name() + ": day: expected rows for day " + std::to_string(d) +
                       " (one per day of the horizon's " + std::to_string(horizon.days) +
                       ", or day 1 alone for every day), found none");
    }
    const IntervalRows rows = read_interval_rows(table.with_rows(found->second));
    const std::vector<int> day = agents_of(
        rows, rows_on_horizon(rows, one_day, {std::nullopt, false, kRemedy}), agents_column);
    staffing.insert(staffing.end(), day.begin(), day.end());
  }
  return staffing;
}

}  // namespace

std::vector<int> staffing_for_horizon(const std::string& path, const std::string& column,
                                      const sim::Horizon& horizon, const std::string& group) {
  CsvTable table = CsvTable::read(path);
  const std::size_t agents_column = table.column(column);
  if (const auto group_column = table.find_column("group")) {
    if (group.empty()) {
      throw InputError(table.name() +
                       ":1: group: expected no group column (no group name to select its rows "
                       "by), found one");
    }
    table = rows_of_group(table, *group_column, group);
  }
  if (const auto day_column = table.find_column("day")) {
    return staffing_by_day_number(table, *day_column, agents_column, horizon);
  }
  const IntervalRows rows = read_interval_rows(std::move(table));
  return agents_of(rows, rows_on_horizon(rows, horizon, {std::nullopt, true, kRemedy}),
                   agents_column);
}

}  // namespace staffsim::tools
