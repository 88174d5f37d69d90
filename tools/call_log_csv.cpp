#include "tools/call_log_csv.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "models/calendar.hpp"
#include "models/error.hpp"
#include "tools/cli_error.hpp"
#include "tools/csv.hpp"
#include "tools/datetime.hpp"
#include "tools/file_io.hpp"
#include "tools/nearest_name.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

constexpr const char* kAnonymousBankColumns[] = {
    "vru_line",  "call_id",    "customer_key", "priority", "type",     "arrival",
    "vru_exit",  "vru_time_s", "q_start",      "q_exit",   "q_time_s", "outcome",
    "ser_start", "ser_exit",   "ser_time_s",   "agent"};

// Reads the fields of one row with messages "file:line: column: expected ..., found \"...\"".
class RowReader {
 public:
  RowReader(const CsvTable& table, const CsvTable::Row& row) : table_(table), row_(row) {}

  const std::string& text(std::size_t column) const { return row_.fields[column]; }

  [[noreturn]] void fail(std::size_t column, std::string_view expected) const {
    throw InputError(table_.where(row_) + table_.header()[column] + ": expected " +
                     std::string(expected) + ", found " + quote(text(column)));
  }

  std::int64_t datetime(std::size_t column) const {
    try {
      return parse_local_datetime(text(column));
    } catch (const InvalidInput&) {
      fail(column, "an ISO 8601 local date-time such as 1999-01-01T07:00:00");
    }
  }

  // Empty, or a valid date-time.
  bool optional_datetime(std::size_t column) const {
    if (text(column).empty()) return false;
    datetime(column);
    return true;
  }

  double seconds(std::size_t column) const {
    double value = -1;
    try {
      value = parse_number(text(column));
    } catch (const InvalidInput&) {
      fail(column, "a duration in seconds >= 0");
    }
    if (value < 0) fail(column, "a duration in seconds >= 0");
    return value;
  }

  std::int64_t whole_number(std::size_t column, std::int64_t min, std::int64_t max,
                            std::string_view expected) const {
    try {
      return parse_integer(text(column), min, max);
    } catch (const InvalidInput&) {
      fail(column, expected);
    }
  }

  std::string type(std::size_t column) const {
    if (text(column).empty()) fail(column, "a contact type name");
    return text(column);
  }

 private:
  const CsvTable& table_;
  const CsvTable::Row& row_;
};

constexpr std::int64_t kMaxKey = std::numeric_limits<std::int64_t>::max();

void read_anonymous_bank(const CsvTable& table, CallLog& log) {
  std::size_t c[std::size(kAnonymousBankColumns)];
  for (std::size_t i = 0; i < std::size(kAnonymousBankColumns); ++i) {
    c[i] = table.column(kAnonymousBankColumns[i]);
  }
  enum {
    kVruLine,
    kCallId,
    kCustomer,
    kPriority,
    kType,
    kArrival,
    kVruExit,
    kVruTime,
    kQueueStart,
    kQueueExit,
    kQueueTime,
    kOutcome,
    kServiceStart,
    kServiceExit,
    kServiceTime,
    kAgent
  };
  log.calls.reserve(table.rows().size());
  for (const auto& row : table.rows()) {
    const RowReader r(table, row);
    CallRecord call;
    call.line = row.line;
    call.customer =
        r.whole_number(c[kCustomer], 0, kMaxKey, "a whole number >= 0 (0 = caller not identified)");
    call.priority = static_cast<int>(r.whole_number(c[kPriority], 0, 2, "0, 1 or 2"));
    call.type = r.type(c[kType]);
    call.arrival_local_s = r.datetime(c[kArrival]);
    r.optional_datetime(c[kVruExit]);
    // vru_time_s is not used; the source holds a few negative values (IVR and switch clocks
    // disagree by up to a minute), so only its form is checked.
    table.number(row, c[kVruTime]);
    call.queued = r.optional_datetime(c[kQueueStart]);
    r.optional_datetime(c[kQueueExit]);
    const double queue_time = r.seconds(c[kQueueTime]);
    r.optional_datetime(c[kServiceStart]);
    r.optional_datetime(c[kServiceExit]);
    const double service_time = r.seconds(c[kServiceTime]);
    const std::string& outcome = r.text(c[kOutcome]);
    if (outcome == "AGENT") {
      call.outcome = CallOutcome::served;
      call.wait_s = queue_time;
      call.service_s = service_time;
    } else if (outcome == "HANG") {
      call.outcome = call.queued ? CallOutcome::abandoned : CallOutcome::hung_up_in_ivr;
      call.wait_s = call.queued ? queue_time : 0;
    } else if (outcome == "PHANTOM") {
      call.outcome = CallOutcome::phantom;
    } else {
      r.fail(c[kOutcome], "AGENT, HANG or PHANTOM");
    }
    log.calls.push_back(std::move(call));
  }
}

void read_generic(const CsvTable& table, CallLog& log) {
  const std::size_t arrival = table.column("arrival");
  const std::size_t wait = table.column("wait_s");
  const std::size_t outcome_column = table.column("outcome");
  const std::size_t service = table.column("service_s");
  const auto type = table.find_column("type");
  const auto customer = table.find_column("customer");
  log.calls.reserve(table.rows().size());
  for (const auto& row : table.rows()) {
    const RowReader r(table, row);
    CallRecord call;
    call.line = row.line;
    call.arrival_local_s = r.datetime(arrival);
    call.wait_s = r.seconds(wait);
    const std::string& outcome = r.text(outcome_column);
    if (outcome == "served") {
      call.outcome = CallOutcome::served;
      call.service_s = r.seconds(service);
    } else if (outcome == "abandoned") {
      call.outcome = CallOutcome::abandoned;
      if (!r.text(service).empty()) r.seconds(service);
    } else {
      r.fail(outcome_column, "served or abandoned");
    }
    call.queued = call.wait_s > 0 || call.outcome == CallOutcome::abandoned;
    call.type = type ? r.type(*type) : "default";
    if (customer) {
      call.customer =
          r.whole_number(*customer, 0, kMaxKey, "a whole number >= 0 (0 = caller not identified)");
    }
    log.calls.push_back(std::move(call));
  }
}

}  // namespace

std::vector<std::string> CallLog::types() const {
  std::set<std::string> names;
  for (const auto& call : calls) names.insert(call.type);
  return {names.begin(), names.end()};
}

std::string_view format_name(CallLogFormat format) {
  return format == CallLogFormat::anonymous_bank ? "Anonymous Bank" : "generic";
}

bool has_call_log_columns(const CsvTable& table) {
  return table.find_column("vru_line") || table.find_column("wait_s");
}

CallLog parse_call_log(std::string_view text, std::string name) {
  return read_call_log_table(CsvTable::parse(text, std::move(name)));
}

CallLog read_call_log_table(const CsvTable& table) {
  CallLog log;
  log.name = table.name();
  if (table.find_column("vru_line")) {
    log.format = CallLogFormat::anonymous_bank;
    read_anonymous_bank(table, log);
  } else if (table.find_column("wait_s")) {
    log.format = CallLogFormat::generic;
    read_generic(table, log);
  } else {
    std::string names;
    for (const auto& h : table.header()) names += (names.empty() ? "" : ",") + h;
    throw InputError(log.name +
                     ":1: expected the columns of a call log (the Anonymous Bank "
                     "columns vru_line,...,agent or "
                     "arrival,wait_s,outcome,service_s[,type][,customer]), found " +
                     quote(names));
  }
  if (log.calls.empty()) {
    throw InputError(log.name + ":1: expected at least one call after the header, found none");
  }
  std::set<std::int64_t> days;
  for (const auto& call : log.calls) days.insert(models::day_of(call.arrival_local_s));
  log.observed_days.assign(days.begin(), days.end());
  return log;
}

CallLog read_call_log(const std::string& path) {
  return parse_call_log(read_file(path), display_name(path));
}

CallCount parse_call_count(std::string_view text) {
  const std::vector<std::string> names = {"offered", "answered", "arrived"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (text == names[i]) return static_cast<CallCount>(i);
  }
  throw InvalidInput("expected offered, answered or arrived, found " + quote(text) +
                     did_you_mean(text, names));
}

std::string_view call_count_name(CallCount count) {
  switch (count) {
    case CallCount::offered:
      return "offered";
    case CallCount::answered:
      return "answered";
    case CallCount::arrived:
      return "arrived";
  }
  return "";
}

bool counts(const CallRecord& call, CallCount count) {
  switch (count) {
    case CallCount::offered:
      return call.outcome == CallOutcome::served || call.outcome == CallOutcome::abandoned;
    case CallCount::answered:
      return call.outcome == CallOutcome::served;
    case CallCount::arrived:
      return call.outcome != CallOutcome::phantom;
  }
  return false;
}

std::vector<std::string> select_types(const CallLog& log, const std::string& text) {
  std::vector<std::string> all = log.types();
  if (text.empty()) return all;
  std::vector<std::string> chosen;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string type = text.substr(start, comma - start);
    start = comma + 1;
    if (std::find(all.begin(), all.end(), type) == all.end()) {
      throw InvalidInput("unknown contact type " + quote(type) + did_you_mean(type, all) +
                         " (types in " + log.name + ": " + join(all) + ")");
    }
    if (std::find(chosen.begin(), chosen.end(), type) == chosen.end()) chosen.push_back(type);
  }
  return chosen;
}

}  // namespace staffsim::tools
