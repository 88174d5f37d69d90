// The text of the error a call throws, for tests that assert exact messages.
#pragma once

#include <string>

#include "models/error.hpp"

namespace staffsim::test_support {

// Runs call(); returns what() of the Error it throws, or "no error" when it throws none.
template <typename Error = InvalidInput, typename Call>
std::string error_message(Call&& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace staffsim::test_support
