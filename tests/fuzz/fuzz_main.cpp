// The libFuzzer entry point of one target (STAFFSIM_FUZZ_TARGET, a function of fuzz_targets.hpp):
// a broken property aborts with its description, which libFuzzer reports as a crash and saves.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    staffsim::fuzz::STAFFSIM_FUZZ_TARGET({reinterpret_cast<const char*>(data), size});
  } catch (const staffsim::fuzz::PropertyViolation& e) {
    std::fprintf(stderr, "property violated: %s\n", e.what());
    std::abort();
  }
  return 0;
}
