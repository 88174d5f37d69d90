// Reading per-call logs of a contact centre (one row per call) for `staffsim fit`.
//
// Two formats, told apart by the header row (CSV as in tools/csv.hpp):
//
// 1. The Anonymous Bank format (Technion SEE Center "Anonymous Bank" call log, as tidied in the
//    shared data folder), recognised by a `vru_line` column. Columns, all required:
//      vru_line, call_id, customer_key, priority, type, arrival, vru_exit, vru_time_s, q_start,
//      q_exit, q_time_s, outcome, ser_start, ser_exit, ser_time_s, agent
//    outcome AGENT = served (waited q_time_s, talked ser_time_s); HANG with q_start set = abandoned
//    the queue after q_time_s; HANG without q_start = hung up in the IVR, never offered to an
//    agent; PHANTOM = a virtual call the source says to ignore. customer_key 0 = not identified;
//    priority 2 = priority customer (0 and 1 regular).
//
// 2. The generic format, recognised by a `wait_s` column:
//      arrival,wait_s,outcome,service_s[,type][,customer]
//    arrival   ISO 8601 local date-time the call was offered (2024-03-04T08:15:00)
//    wait_s    seconds waited in queue (>= 0): until answered, or until the caller hung up
//    outcome   served | abandoned
//    service_s handle time in seconds (>= 0) of a served call; ignored (may be empty) when
//    abandoned type      contact type name (optional column; without it every call is of type
//    "default") customer  caller key, a whole number >= 0, 0 = not identified (optional column)
//
// Times are the centre's local clock (models/calendar.hpp). Every field is validated; a bad one
// is an InputError "file:line: column: expected ..., found \"...\"". A log with no calls is an
// InputError too. Timestamps other than `arrival` are only checked for form, and so is
// vru_time_s (unused; the source has a few negative values where the IVR clock ran ahead).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tools/csv.hpp"

namespace staffsim::tools {

enum class CallOutcome {
  served,          // reached an agent
  abandoned,       // hung up while waiting in the agents' queue
  hung_up_in_ivr,  // left before being offered to an agent (Anonymous Bank HANG without q_start)
  phantom,         // a virtual record to ignore (Anonymous Bank PHANTOM)
};

enum class CallLogFormat { anonymous_bank, generic };

struct CallRecord {
  std::size_t line = 0;  // line in the file, for messages
  std::string type;
  std::int64_t arrival_local_s = 0;  // local seconds (models/calendar.hpp)
  std::int64_t customer = 0;         // 0 = not identified
  int priority = 0;                  // Anonymous Bank: 2 = priority customer; generic: 0
  CallOutcome outcome = CallOutcome::served;
  bool queued = false;   // joined the agents' queue (Anonymous Bank: q_start set; generic: wait > 0
                         // or abandoned)
  double wait_s = 0;     // time in the agents' queue, 0 if it never queued
  double service_s = 0;  // served calls: handle (talk) time; otherwise 0
};

struct CallLog {
  std::string name;
  CallLogFormat format = CallLogFormat::generic;
  std::vector<CallRecord> calls;  // in file order
  // Days (since 1970-01-01) with at least one call of any outcome: the days the log covers.
  std::vector<std::int64_t> observed_days;
  // Distinct contact types, sorted.
  std::vector<std::string> types() const;
};

std::string_view format_name(CallLogFormat format);  // "Anonymous Bank", "generic"

// Parses text (`name` is used in messages) or reads a file (IoError if unreadable).
CallLog parse_call_log(std::string_view text, std::string name);
CallLog read_call_log(const std::string& path);
// A table already read: a call log when it has the columns of one of the formats above (a
// `vru_line` or a `wait_s` column); read_call_log_table throws InputError otherwise.
bool has_call_log_columns(const CsvTable& table);
CallLog read_call_log_table(const CsvTable& table);

// Which calls of a log count, the same in fit, forecast and backtest:
//   offered   reached the agents' queue: served, or abandoned while waiting (what fit fits)
//   answered  served by an agent
//   arrived   every real call: offered ones and those that hung up in the IVR (phantom records,
//             which the source says to ignore, never count)
enum class CallCount { offered, answered, arrived };
// "offered", "answered" or "arrived"; throws InvalidInput naming them (and the nearest).
CallCount parse_call_count(std::string_view text);
std::string_view call_count_name(CallCount count);
bool counts(const CallRecord& call, CallCount count);

// The contact types `text` names, comma-separated ("" = every type of the log), each checked
// against the log: InvalidInput "unknown contact type \"PZ\", did you mean \"PS\"? (types in
// log.csv: IN, NE, PS)".
std::vector<std::string> select_types(const CallLog& log, const std::string& text);

}  // namespace staffsim::tools
