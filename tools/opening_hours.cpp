#include "tools/opening_hours.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "models/error.hpp"
#include "tools/cli_error.hpp"
#include "tools/datetime.hpp"

namespace staffsim::tools {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

Weekdays parse_weekdays(std::string_view text) {
  Weekdays days{};
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string_view part =
        trim(text.substr(start, comma == std::string_view::npos ? comma : comma - start));
    if (part.empty()) {
      throw InvalidInput("expected weekdays such as mon-fri or mon,wed,fri, found " + quote(text));
    }
    const std::size_t dash = part.find('-');
    if (dash == std::string_view::npos) {
      days[static_cast<std::size_t>(parse_weekday(part))] = true;
    } else {
      const int from = parse_weekday(part.substr(0, dash));
      const int to = parse_weekday(part.substr(dash + 1));
      for (int d = from;; d = (d + 1) % 7) {
        days[static_cast<std::size_t>(d)] = true;
        if (d == to) break;
      }
    }
    if (comma == std::string_view::npos) return days;
    start = comma + 1;
  }
}

std::pair<double, double> parse_time_range(std::string_view text) {
  const std::string expectation =
      "expected a time range such as \"09:00-17:00\" (the end after the start, at most 24:00), "
      "found " +
      quote(text);
  const std::string_view range = trim(text);
  const std::size_t dash = range.find('-');
  if (dash == std::string_view::npos) throw InvalidInput(expectation);
  const std::string_view from_text = trim(range.substr(0, dash));
  const std::string_view to_text = trim(range.substr(dash + 1));
  double from = 0;
  double to = 0;
  try {
    from = parse_clock_s(from_text);
    to = to_text == "24:00" ? 86400.0 : parse_clock_s(to_text);
  } catch (const InvalidInput&) {
    throw InvalidInput(expectation);
  }
  if (!(to > from)) throw InvalidInput(expectation);
  return {from, to};
}

sim::OpenIntervals open_intervals(const std::vector<OpeningRule>& rules,
                                  const sim::Horizon& horizon) {
  const auto ipd = static_cast<std::size_t>(horizon.intervals_per_day);
  sim::OpenIntervals open(static_cast<std::size_t>(horizon.total_intervals()), 0);
  for (std::size_t d = 0; d < static_cast<std::size_t>(horizon.days); ++d) {
    const auto weekday = static_cast<std::size_t>(horizon.weekday(static_cast<std::int64_t>(d)));
    for (std::size_t i = 0; i < ipd; ++i) {
      const double start = horizon.day_start_s + static_cast<double>(i) * horizon.interval_s;
      const double end = start + horizon.interval_s;
      for (const OpeningRule& rule : rules) {
        // On the interval grid: open when the interval lies inside the range (half a second of
        // slack for times written to the minute).
        if (rule.weekdays[weekday] && start >= rule.from_s - 0.5 && end <= rule.to_s + 0.5) {
          open[d * ipd + i] = 1;
        }
      }
    }
  }
  return open;
}

}  // namespace staffsim::tools
