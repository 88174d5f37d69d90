// Errors of the command-line layer and the exit codes main() maps them to.
//
//   exit 0  success
//   exit 1  bad input: a flag value, a scenario or a data file failed validation
//           (staffsim::InvalidInput from the libraries, InputError from tools/)
//   exit 2  usage error: unknown subcommand or flag (UsageError, naming the nearest valid one),
//           missing required flag (reported by CLI11)
//   exit 3  I/O error: a file could not be read or written
//   exit 4  internal error: a bug in staffsim; please report it
//   exit 5  --check: a target was missed (every output was still written)
//   exit 6  --check=strict: no target was missed, but one is uncertain (its confidence interval
//           straddles the target: run more replications, e.g. with --precision)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "models/error.hpp"

namespace staffsim::tools {

enum ExitCode : int {
  kExitOk = 0,
  kExitBadInput = 1,
  kExitUsage = 2,
  kExitIo = 3,
  kExitInternal = 4,
  kExitTargetMissed = 5,
  kExitTargetUncertain = 6,
};

// Text a message shows as it is, except control characters, written as escapes ("\n", "\t",
// "\x00"): a value (or a YAML parser's remark on one) never breaks a message over two lines, where
// each line is one problem with its position.
inline std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      constexpr const char* kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

// A value as messages quote it: "\"" + printable(text) + "\"" (`found "4q"`, `found "a\nb"`).
inline std::string quote(std::string_view text) {
  return "\"" + printable(text) + "\"";
}

// "a, b, c": the items of a list as messages show them ("expected one of: a, b, c").
inline std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

// Invalid content of a file or flag, already formatted with its location
// ("plan.yaml:14:7: agent_groups[1].skills[0]: unknown contact type \"vip\"" or
//  "--aht: expected a duration such as 20s, 5m or 1.5h, found \"x\"").
class InputError : public Error {
 public:
  using Error::Error;
};

// The command line names a subcommand or flag that does not exist.
class UsageError : public Error {
 public:
  using Error::Error;
};

// A file could not be opened, read, written or renamed.
class IoError : public Error {
 public:
  using Error::Error;
};

// --check found targets missed (or, strict, uncertain): not an error of the input; the outputs
// are complete. Carries the exit code and the list of targets for stderr.
class CheckFailed : public Error {
 public:
  CheckFailed(int exit_code, const std::string& message) : Error(message), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

}  // namespace staffsim::tools
