// staffsim error hierarchy for the pure libraries (models/, sim/).
//
// The libraries never print; they report a caller's mistake by throwing InvalidInput (a value is
// outside its domain: negative handle time, probability above 1, ...). The message names the
// parameter, quotes the value and states the rule, e.g.
//   "aht_s must be positive and finite, found -3".
// The command line (tools/) catches staffsim::Error in one place and maps it to an exit code.
#pragma once

#include <charconv>
#include <stdexcept>
#include <string>

namespace staffsim {

// Base of every error staffsim throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A value handed to a model or the simulator is outside its documented domain.
class InvalidInput : public Error {
 public:
  using Error::Error;
};

// The shortest text that reads back as exactly `value` ("0.1", "-3", "1e+300", "nan"): how
// messages quote a number.
inline std::string number_text(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace staffsim
