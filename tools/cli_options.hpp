// The conventions every staffsim subcommand shares, so that the same flag means the same thing in
// each of them:
//
//  - --format table|json|csv: what the command prints. Default: table; for a command whose --out
//    is the file of its result, the format that file's extension names (.csv, .json).
//  - --out: where the result goes, a file for a command with one output (erlang, forecast,
//    backtest; fit writes its scenario there) and a folder for several (run). "-" is standard
//    output; "-" as an input file is standard input.
//  - One name for one thing: --history is the centre's past calls (timestamp,calls counts or a
//    per-call log) in forecast, backtest and fit; --interval a planning interval with its unit;
//    --type and --count choose the calls of a log; --days the open days ahead; --weeks the k of
//    weekday_mean. Durations always carry their unit (tools/units.hpp).
//  - An unknown subcommand or flag is a usage error naming the nearest valid one; an option that
//    does not apply to the command as given is an error, never silently ignored.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/error.hpp"
#include "tools/cli_error.hpp"

namespace staffsim::tools {

// Runs a parser of tools/units.hpp or tools/datetime.hpp on a flag's value; its InvalidInput
// becomes InputError "<flag>: <message>".
template <typename Parse>
auto flag_value(const std::string& flag, std::string_view text, Parse&& parse) {
  try {
    return parse(text);
  } catch (const InvalidInput& e) {
    throw InputError(flag + ": " + e.what());
  }
}

// A whole-number flag in [minimum, maximum] ("--replications: expected a whole number from 1 to
// 1000000, found \"0\"").
std::int64_t integer_flag(const std::string& flag, std::string_view text, std::int64_t minimum,
                          std::int64_t maximum);

enum class OutputFormat { table, json, csv };

// --format's value, or the default: the extension of `out` (.csv, .json) when
// `out_is_result_file`, else table. `allowed` lists the formats the command can print; anything
// else is an InputError naming them.
OutputFormat output_format(const std::string& format, const std::string& out,
                           bool out_is_result_file,
                           const std::vector<OutputFormat>& allowed = {
                               OutputFormat::table, OutputFormat::json, OutputFormat::csv});

// The help texts of the shared flags, the same in every subcommand.
namespace shared_help {
inline constexpr const char* kFormat =
    "What to print: table, json or csv (default: table, or the format the --out file's "
    "extension names: .csv, .json)";
inline constexpr const char* kFormatToTerminal =
    "What to print: table, json or csv (default: table)";
inline constexpr const char* kOutFile =
    "Write the result to this file instead of standard output (one file, written whole or not "
    "at all; - = standard output)";
inline constexpr const char* kHistory =
    "The centre's past calls, CSV: timestamp,calls counts at any regular interval, or a per-call "
    "log (- = standard input)";
inline constexpr const char* kInterval =
    "Planning interval with its unit, dividing a day, e.g. 30m: the history is summed or counted "
    "into it (default: a counts history's own interval, 30m for a call log)";
inline constexpr const char* kType =
    "Contact types of a call log to use, comma-separated (default: all)";
inline constexpr const char* kCount =
    "Which calls of a call log count: offered (reached the agents' queue: served or abandoned "
    "there; the default, as fit counts), answered (served), or arrived (every real call, IVR "
    "included)";
inline constexpr const char* kDays = "Open days ahead (default 1)";
inline constexpr const char* kWeeks = "Same weekdays averaged by weekday_mean, its k (default 4)";
inline constexpr const char* kBacktestWeeks =
    "Weeks at the end of the usable history holding the rolling origins (default: all of it)";
}  // namespace shared_help

// A flag renamed for consistency: `old_name` in `subcommand` now is `new_name`; `note` explains.
struct RenamedFlag {
  std::string subcommand, old_name, new_name, note;
};

// Checks the subcommand and the flags of a command line against `app` before CLI11 parses it, so
// that a mistyped name is reported with the nearest valid one. Throws UsageError
//   unknown subcommand "fo", did you mean "fit"? (expected one of: erlang, run, ...)
//   run: unknown flag "--replication", did you mean "--replications"?
// and for a renamed flag
//   fit: unknown flag "--calls", did you mean "--history"? (the call log to fit; --calls is a
//   count of calls in erlang)
void check_command_line(const CLI::App& app, const std::vector<std::string>& args,
                        const std::vector<RenamedFlag>& renamed);

}  // namespace staffsim::tools
