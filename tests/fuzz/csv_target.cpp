// Fuzz target: the CSV files staffsim reads (histories, call logs, and the forecast and staffing
// files a scenario names). See fuzz_targets.hpp for the input layout.
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_targets.hpp"
#include "models/calendar.hpp"
#include "models/error.hpp"
#include "scratch_files.hpp"
#include "sim/limits.hpp"
#include "sim/scenario.hpp"
#include "tools/call_log_csv.hpp"
#include "tools/cli_error.hpp"
#include "tools/datetime.hpp"
#include "tools/forecast_source.hpp"
#include "tools/history_csv.hpp"
#include "tools/staffing_file.hpp"

namespace staffsim::fuzz {
namespace {

const std::string kName = "fuzz.csv";

[[noreturn]] void violated(const std::string& what) {
  throw PropertyViolation(what);
}

// Option bits 0-1: the planning interval a call log is counted into; bits 2-3: which calls count
// (none given, offered, answered, arrived).
void history(std::string_view text, unsigned options) {
  constexpr std::array<std::int64_t, 4> kIntervals = {1800, 300, 3600, 900};
  constexpr std::array<tools::CallCount, 3> kCounts = {
      tools::CallCount::offered, tools::CallCount::answered, tools::CallCount::arrived};
  tools::HistoryOptions chosen;
  chosen.log_interval_s = kIntervals[options & 3];
  if (const unsigned count = (options >> 2) & 3; count > 0) chosen.count = kCounts[count - 1];
  std::optional<tools::History> history;
  try {
    history.emplace(tools::parse_history(text, kName, chosen));
  } catch (const tools::InputError& e) {
    // Counting a file that is not a log of outcomes is the option's error (as --count names it).
    if (!(chosen.count && std::string_view(e.what()).starts_with("--count: "))) {
      check_csv_message(e.what(), kName, text);
    }
    return;
  }
  const models::IntervalSeries& series = history->series;
  if (!series.empty() && series.slot_count() < 1) {
    violated("a history of " + std::to_string(series.day_count()) + " days has no slots");
  }
  tools::long_gaps(series);
}

void call_log(std::string_view text) {
  tools::CallLog log;
  try {
    log = tools::parse_call_log(text, kName);
  } catch (const tools::InputError& e) {
    check_csv_message(e.what(), kName, text);
    return;
  }
  if (log.calls.empty()) violated("a call log without calls was accepted");
  for (const tools::CallRecord& call : log.calls) {
    if (!(call.wait_s >= 0 && std::isfinite(call.wait_s)) ||
        !(call.service_s >= 0 && std::isfinite(call.service_s))) {
      violated("line " + std::to_string(call.line) + ": a wait of " + number_text(call.wait_s) +
               " s or a handle time of " + number_text(call.service_s) + " s was accepted");
    }
  }
  if (tools::select_types(log, "").empty()) violated("a call log without contact types");
}

// Option bits 0-1: the horizon; bit 2: the group of a staffing file; bit 3: a forecast from a
// given date on.
sim::Horizon horizon_of(unsigned options) {
  struct Shape {
    double interval_s;
    int intervals_per_day;
    int days;
    double day_start_s;
  };
  constexpr std::array<Shape, 4> kShapes = {Shape{1800, 4, 2, 8 * 3600.0},
                                            Shape{1800, 28, 1, 7 * 3600.0},
                                            Shape{300, 12, 1, 8 * 3600.0}, Shape{3600, 24, 3, 0}};
  const Shape& shape = kShapes[options & 3];
  sim::Horizon horizon;
  horizon.interval_s = shape.interval_s;
  horizon.intervals_per_day = shape.intervals_per_day;
  horizon.days = shape.days;
  horizon.day_start_s = shape.day_start_s;
  return horizon;
}

void forecast_file(std::string_view text, unsigned options) {
  const std::string path = write_scratch_file(kName, text);
  tools::ForecastSource source;
  source.forecast_path = path;
  if (options & 8) source.from_day = tools::parse_local_date("2024-03-19") / models::kSecondsPerDay;
  const sim::Horizon horizon = horizon_of(options);
  std::vector<double> calls;
  try {
    calls = tools::forecast_calls_for_horizon(source, horizon);
  } catch (const tools::InputError& e) {
    check_csv_message(e.what(), path, text);
    return;
  } catch (const InvalidInput&) {
    return;  // documented: a horizon off the forecast's grid
  }
  if (static_cast<std::int64_t>(calls.size()) != horizon.total_intervals()) {
    violated("a forecast of " + std::to_string(calls.size()) + " values for " +
             std::to_string(horizon.total_intervals()) + " intervals");
  }
  for (double c : calls) {
    if (!(c >= 0 && std::isfinite(c))) violated("a forecast of " + number_text(c) + " calls");
  }
}

void staffing_file(std::string_view text, unsigned options) {
  const std::string path = write_scratch_file(kName, text);
  const sim::Horizon horizon = horizon_of(options);
  std::vector<int> agents;
  try {
    agents = tools::staffing_for_horizon(path, "agents", horizon, (options & 4) ? "desk" : "");
  } catch (const tools::InputError& e) {
    check_csv_message(e.what(), path, text);
    return;
  }
  if (static_cast<std::int64_t>(agents.size()) != horizon.total_intervals()) {
    violated("a staffing of " + std::to_string(agents.size()) + " values for " +
             std::to_string(horizon.total_intervals()) + " intervals");
  }
  for (int a : agents) {
    if (a < 0 || a > sim::kMaxAgentsPerInterval) violated(std::to_string(a) + " agents");
  }
}

}  // namespace

void csv_target(std::string_view bytes) {
  if (bytes.size() < 2) return;
  const unsigned kind = static_cast<unsigned char>(bytes[0]) % 4;
  const unsigned options = static_cast<unsigned char>(bytes[1]);
  const std::string_view text = bytes.substr(2);
  switch (kind) {
    case 0:
      return history(text, options);
    case 1:
      return call_log(text);
    case 2:
      return forecast_file(text, options);
    default:
      return staffing_file(text, options);
  }
}

}  // namespace staffsim::fuzz
