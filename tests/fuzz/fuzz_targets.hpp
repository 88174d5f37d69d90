// Fuzz targets of every parser of user input: the scenario loader, the CSV files (histories, call
// logs, forecast and staffing files) and the units of the command line. Each target takes any
// bytes, runs a parser on them and checks properties of what comes out, not only that nothing
// crashed:
//   scenario  a loaded scenario (and each of its variants) passes sim::validate; every line of a
//             loader error is "file:line:col: ..." with the line and column inside the input.
//   csv       an error names the file, and its line (when it gives one) is inside the input; what
//             parses holds what the format promises (finite, non-negative, one value per interval).
//   units     durations are finite and within sim::kMaxDurationS, rates and numbers finite;
//             formatting a parsed value and parsing it again gives it back (durations to the 6
//             significant digits format_duration writes); errors quote what they found.
// A broken property throws PropertyViolation; any other exception that is not the parser's
// documented error (staffsim::InputError, InvalidInput where the parser documents it) escapes
// too. The libFuzzer entry points (fuzz_main.cpp, clang only) turn either into a crash; the
// regression test (tests/fuzz_replay_test.cpp) into a test failure naming the input file.
//
// Input layout: the scenario target takes the YAML text itself. The csv and units targets read a
// selector first, so one target covers several parsers; seeds write it as an ASCII digit:
//   csv    byte 0 % 4: 0 history (timestamp,calls or a call log), 1 call log, 2 forecast file of a
//          scenario, 3 staffing file of a scenario; byte 1: options (history interval and count;
//          the horizon the file must fit, its group); then the CSV text.
//   units  (byte 0 & 15) % 9: 0 duration, 1 interval, 2 rate, 3 fraction or percentage, 4 whole
//          number, 5 seed (unsigned), 6 number, 7 clock time (a part of the day when it has a
//          '-'), 8 date-time; then the text.
// Files a scenario names are read from a scratch folder holding copies of tests/fuzz/files.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace staffsim::fuzz {

class PropertyViolation : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

void scenario_target(std::string_view bytes);
void csv_target(std::string_view bytes);
void units_target(std::string_view bytes);

// Checks that every line of a loader error (`message`, about `text` read as `file`) starts with
// "file:line:col: " inside the text (lines split at '\n'; the column may be one past the line's
// end). Lines "in variant \"name\":" that head a variant's problems are allowed. Throws
// PropertyViolation.
void check_scenario_message(const std::string& message, const std::string& file,
                            std::string_view text);
// Checks that a CSV error starts with "file:" and either a line inside the text ("file:12: ") or
// a message about the whole file ("file: "). Throws PropertyViolation.
void check_csv_message(const std::string& message, const std::string& file, std::string_view text);

}  // namespace staffsim::fuzz
