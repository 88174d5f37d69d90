#include "tools/units.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string>

#include "models/error.hpp"
#include "sim/limits.hpp"
#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr const char* kDurationExpectation = "a duration with its unit such as 20s, 5m or 1.5h";
constexpr const char* kRateExpectation = "a rate with its interval such as 2.5/s, 90/h or 120/30m";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses the longest numeric prefix of s; returns the number of characters used (0 if none).
std::size_t parse_prefix(std::string_view s, double& value) {
  if (s.empty()) return 0;
  // from_chars does not accept a leading '+'.
  std::size_t skip = (s.front() == '+') ? 1 : 0;
  const char* first = s.data() + skip;
  auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), value);
  if (ec != std::errc() || ptr == first) return 0;
  return static_cast<std::size_t>(ptr - s.data());
}

// Seconds in one unit, or 0 if the unit is unknown.
double unit_seconds(std::string_view unit) {
  if (unit == "s" || unit == "sec") return 1.0;
  if (unit == "ms") return 1e-3;
  if (unit == "m" || unit == "min") return 60.0;
  if (unit == "h") return 3600.0;
  if (unit == "d") return 86400.0;
  return 0.0;
}

// The integer of an optional sign and digits, or false (not that form, or out of 64 bits).
template <typename Integer>
bool parse_whole(std::string_view s, Integer& value) {
  if (!s.empty() && s.front() == '+') {
    s.remove_prefix(1);
    if (s.empty() || s.front() == '-') return false;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

double parse_number(std::string_view text) {
  std::string_view s = trim(text);
  double value = 0.0;
  std::size_t used = parse_prefix(s, value);
  if (used == 0 || used != s.size() || !std::isfinite(value)) {
    throw InvalidInput("expected a number, found " + quote(text));
  }
  return value;
}

double parse_duration_s(std::string_view text) {
  std::string_view s = trim(text);
  double value = 0.0;
  std::size_t used = parse_prefix(s, value);
  if (used == 0 || !std::isfinite(value)) {
    throw InvalidInput(std::string("expected ") + kDurationExpectation + ", found " + quote(text));
  }
  std::string_view unit = trim(s.substr(used));
  if (unit.empty()) {
    throw InvalidInput(std::string("expected ") + kDurationExpectation + ", found " + quote(text) +
                       " (no unit)");
  }
  double scale = unit_seconds(unit);
  if (scale == 0.0) {
    throw InvalidInput("unknown duration unit " + quote(unit) + " in " + quote(text) +
                       " (expected s, m, h or d, e.g. 20s, 5m, 1.5h)");
  }
  if (std::abs(value * scale) > sim::kMaxDurationS) {
    throw InvalidInput("expected a duration of at most 366d, found " + quote(text));
  }
  return value * scale;
}

std::int64_t parse_interval_s(std::string_view text) {
  const double seconds = parse_duration_s(text);
  const bool divides_day = seconds >= 1 && seconds <= static_cast<double>(kSecondsPerDay) &&
                           seconds == std::floor(seconds) &&
                           kSecondsPerDay % static_cast<std::int64_t>(seconds) == 0;
  if (!divides_day) {
    throw InvalidInput(
        "expected a length that divides a day, in whole seconds, such as 5m, 15m, 30m or 1h, "
        "found " +
        quote(text));
  }
  return static_cast<std::int64_t>(seconds);
}

double parse_rate_per_s(std::string_view text) {
  std::string_view s = trim(text);
  std::size_t slash = s.find('/');
  const std::string expectation = std::string("expected ") + kRateExpectation + ", found ";
  if (slash == std::string_view::npos) throw InvalidInput(expectation + quote(text));
  double count = 0.0;
  std::string_view count_text = trim(s.substr(0, slash));
  if (parse_prefix(count_text, count) != count_text.size() || count_text.empty() ||
      !std::isfinite(count)) {
    throw InvalidInput(expectation + quote(text));
  }
  std::string_view per = trim(s.substr(slash + 1));
  double seconds = unit_seconds(per);
  if (seconds == 0.0) {
    // "120/30m": a count per duration.
    double n = 0.0;
    std::size_t used = parse_prefix(per, n);
    if (used == 0) {
      throw InvalidInput("unknown rate interval " + quote(per) + " in " + quote(text) +
                         " (expected /s, /m, /h, /d or a duration such as /30m)");
    }
    if (trim(per.substr(used)).empty()) {
      throw InvalidInput(expectation + quote(text) + " (the interval has no unit)");
    }
    seconds = parse_duration_s(per);
    if (!(seconds > 0.0)) {
      throw InvalidInput("the interval of a rate must be positive, found " + quote(text));
    }
  }
  const double rate = count / seconds;
  if (!std::isfinite(rate)) {
    // A huge count over a tiny interval ("1e308/1ms") overflows.
    throw InvalidInput("expected a rate of at most 1e308 a second, found " + quote(text));
  }
  return rate;
}

double parse_fraction(std::string_view text) {
  std::string_view s = trim(text);
  bool percent = !s.empty() && s.back() == '%';
  if (percent) s = trim(s.substr(0, s.size() - 1));
  double value = 0.0;
  std::size_t used = parse_prefix(s, value);
  if (used == 0 || used != s.size() || !std::isfinite(value)) {
    throw InvalidInput("expected a percentage such as 80% or a fraction such as 0.8, found " +
                       quote(text));
  }
  return percent ? value / 100.0 : value;
}

std::int64_t parse_integer(std::string_view text, std::int64_t minimum, std::int64_t maximum) {
  std::int64_t value = 0;
  if (parse_whole(trim(text), value) && value >= minimum && value <= maximum) return value;
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  std::string expectation = "a whole number";
  if (maximum != kMax) {
    expectation += minimum == kMin
                       ? " of at most " + std::to_string(maximum)
                       : " from " + std::to_string(minimum) + " to " + std::to_string(maximum);
  } else if (minimum == 0) {
    expectation = "a non-negative whole number";
  } else if (minimum != kMin) {
    expectation += " of at least " + std::to_string(minimum);
  }
  throw InvalidInput("expected " + expectation + ", found " + quote(text));
}

std::uint64_t parse_unsigned(std::string_view text) {
  std::uint64_t value = 0;
  if (parse_whole(trim(text), value)) return value;
  throw InvalidInput("expected a whole number from 0 to " +
                     std::to_string(std::numeric_limits<std::uint64_t>::max()) + ", found " +
                     quote(text));
}

std::string format_duration(double seconds) {
  auto fmt = [](double v, const char* unit) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g%s", v, unit);
    return std::string(buf);
  };
  double a = std::fabs(seconds);
  if (a >= 3600.0 && std::fmod(a, 360.0) == 0.0) return fmt(seconds / 3600.0, "h");
  if (a >= 60.0 && std::fmod(a, 6.0) == 0.0) return fmt(seconds / 60.0, "m");
  return fmt(seconds, "s");
}

std::string format_decimal(double value, int max_decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", max_decimals, value);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string format_percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "n/a";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f%%", decimals, 100.0 * fraction);
  return buf;
}

std::string format_fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace staffsim::tools
