#include "tools/staffing_file.hpp"

#include "models/error.hpp"
#include "tools/cli_error.hpp"
#include "tools/interval_rows.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {

std::vector<int> staffing_for_horizon(const std::string& path, const std::string& column,
                                      const sim::Horizon& horizon) {
  const IntervalRows rows = read_interval_rows_file(path);
  const std::size_t agents_column = rows.table.column(column);
  const std::string remedy =
      "solve it at that interval with staffsim erlang --volumes, or write one row per interval";
  std::vector<int> staffing;
  for (const IntervalRow* row : rows_on_horizon(rows, horizon, {std::nullopt, true, remedy})) {
    const std::string& text = row->csv->fields[agents_column];
    try {
      staffing.push_back(static_cast<int>(parse_integer(text, 0, kMaxAgentsPerInterval)));
    } catch (const InvalidInput&) {
      throw InputError(rows.table.where(*row->csv) + column +
                       ": expected a whole number of agents from 0 to " +
                       std::to_string(kMaxAgentsPerInterval) + ", found " + quote(text));
    }
  }
  return staffing;
}

}  // namespace staffsim::tools
