// Fuzz target: the units of the command line and of every loader (tools/units.hpp) and the clock
// times and dates beside them (tools/datetime.hpp). See fuzz_targets.hpp for the input layout.
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_targets.hpp"
#include "models/error.hpp"
#include "sim/limits.hpp"
#include "tools/cli_error.hpp"
#include "tools/datetime.hpp"
#include "tools/units.hpp"

namespace staffsim::fuzz {
namespace {

[[noreturn]] void violated(std::string_view text, const std::string& what) {
  throw PropertyViolation(tools::quote(text) + ": " + what);
}

// Parses the text a formatter wrote; a formatter's output that does not parse breaks a property.
template <typename Parse>
auto reparse(std::string_view text, const std::string& written, Parse&& parse) {
  try {
    return parse(written);
  } catch (const InvalidInput& e) {
    violated(text, "formatted as " + tools::quote(written) + ", which does not parse: " + e.what());
  }
}

void duration(std::string_view text) {
  const double seconds = tools::parse_duration_s(text);
  if (!std::isfinite(seconds) || std::fabs(seconds) > sim::kMaxDurationS) {
    violated(text, "a duration of " + number_text(seconds) + " s");
  }
  // format_duration writes 6 significant digits: the value comes back to within that.
  const std::string written = tools::format_duration(seconds);
  const double again = reparse(text, written, tools::parse_duration_s);
  if (!(std::fabs(again - seconds) <= 1e-5 * std::fabs(seconds))) {
    violated(text, number_text(seconds) + " s formatted as " + tools::quote(written) +
                       " reads back as " + number_text(again) + " s");
  }
}

void interval(std::string_view text) {
  const std::int64_t seconds = tools::parse_interval_s(text);
  if (seconds < 1 || seconds > 86400 || 86400 % seconds != 0) {
    violated(text, "an interval of " + std::to_string(seconds) + " s");
  }
  const std::string written = tools::format_duration(static_cast<double>(seconds));
  if (reparse(text, written, tools::parse_interval_s) != seconds) {
    violated(text, "formatted as " + tools::quote(written) + ", which reads back differently");
  }
}

void finite(std::string_view text, double value, const char* what) {
  if (!std::isfinite(value)) violated(text, std::string("a ") + what + " of " + number_text(value));
}

void integer(std::string_view text) {
  std::int64_t value = 0;
  bool parsed = true;
  try {
    value = tools::parse_integer(text);
  } catch (const InvalidInput&) {
    parsed = false;
  }
  // The same text within 1..1000: the same value when it is in range, an error otherwise.
  const bool in_range = parsed && value >= 1 && value <= 1000;
  try {
    if (tools::parse_integer(text, 1, 1000) != value || !in_range) {
      violated(text, "read differently within 1..1000");
    }
  } catch (const InvalidInput&) {
    if (in_range) violated(text, "refused within 1..1000");
  }
  if (parsed && reparse(text, std::to_string(value),
                        [](std::string_view t) { return tools::parse_integer(t); }) != value) {
    violated(text, "does not read back");
  }
}

void clock(std::string_view text) {
  if (text.find('-') != std::string_view::npos) {
    const auto [start, end] = tools::parse_clock_range_s(text);
    if (!(start >= 0 && start < end && end <= 86400)) {
      violated(text, "a part of the day from " + number_text(start) + " to " + number_text(end));
    }
    return;
  }
  const double seconds = tools::parse_clock_s(text);
  if (!(seconds >= 0 && seconds < 86400)) violated(text, "a clock time of " + number_text(seconds));
  const std::string written = tools::format_clock(seconds);
  if (reparse(text, written, tools::parse_clock_s) != seconds) {
    violated(text, "formatted as " + tools::quote(written) + ", which reads back differently");
  }
}

void date_time(std::string_view text) {
  const std::int64_t seconds = tools::parse_local_datetime(text);
  const std::string written = tools::format_local_datetime(seconds);
  if (reparse(text, written, tools::parse_local_datetime) != seconds) {
    violated(text, "formatted as " + tools::quote(written) + ", which reads back differently");
  }
}

}  // namespace

void units_target(std::string_view bytes) {
  if (bytes.empty()) return;
  const unsigned kind = (static_cast<unsigned char>(bytes[0]) & 0x0f) % 9;
  const std::string_view text = bytes.substr(1);
  try {
    switch (kind) {
      case 0:
        return duration(text);
      case 1:
        return interval(text);
      case 2:
        return finite(text, tools::parse_rate_per_s(text), "rate");
      case 3:
        return finite(text, tools::parse_fraction(text), "fraction");
      case 4:
        return integer(text);
      case 5: {
        const std::uint64_t seed = tools::parse_unsigned(text);
        if (reparse(text, std::to_string(seed), tools::parse_unsigned) != seed) {
          violated(text, "does not read back");
        }
        return;
      }
      case 6: {
        const double value = tools::parse_number(text);
        finite(text, value, "number");
        if (reparse(text, number_text(value), tools::parse_number) != value) {
          violated(text, "does not read back");
        }
        return;
      }
      case 7:
        return clock(text);
      default:
        return date_time(text);
    }
  } catch (const InvalidInput& e) {
    // The parsers' documented error: it quotes what it found.
    if (std::string(e.what()).find('"') == std::string::npos) {
      violated(text, std::string("an error that quotes nothing: ") + e.what());
    }
  }
}

}  // namespace staffsim::fuzz
