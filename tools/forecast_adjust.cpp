#include "tools/forecast_adjust.hpp"

#include <algorithm>
#include <cmath>

#include "models/calendar.hpp"
#include "models/error.hpp"
#include "tools/datetime.hpp"
#include "tools/units.hpp"

namespace staffsim::tools {
namespace {

constexpr const char* kSyntax =
    "DATE[..DATE][THH:MM-HH:MM]=+N% or =+Ncalls, with an optional ;note (2003-10-15=+10%, "
    "2003-10-13..2003-10-17=-5%;mailing, 2003-10-15T12:00-14:00=+30calls)";

[[noreturn]] void fail(const std::string& what, std::string_view found, std::string_view text) {
  throw InvalidInput("expected " + what + " in " + kSyntax + ", found \"" + std::string(found) +
                     "\" in \"" + std::string(text) + "\"");
}

std::int64_t date_part(std::string_view part, std::string_view text) {
  try {
    return models::day_of(parse_local_date(part));
  } catch (const InvalidInput&) {
    fail("a date such as 2003-10-15", part, text);
  }
}

}  // namespace

std::string ForecastAdjustment::label() const {
  std::string out =
      (amount >= 0 ? "+" : "") + format_decimal(amount, 6) + (percent ? "%" : "calls");
  if (!note.empty()) out += " (" + note + ")";
  return out;
}

ForecastAdjustment parse_adjustment(std::string_view text) {
  ForecastAdjustment a;
  a.text = std::string(text);
  std::string_view rest = text;
  if (const auto semicolon = rest.find(';'); semicolon != std::string_view::npos) {
    a.note = std::string(rest.substr(semicolon + 1));
    rest = rest.substr(0, semicolon);
    if (a.note.empty()) fail("a note after the semicolon", "", text);
  }
  const auto equals = rest.find('=');
  if (equals == std::string_view::npos) fail("WHEN=CHANGE", rest, text);
  std::string_view when = rest.substr(0, equals), change = rest.substr(equals + 1);

  if (const auto t = when.find('T'); t != std::string_view::npos) {
    const std::string_view window = when.substr(t + 1);
    when = when.substr(0, t);
    try {
      const auto [begin, end] = parse_clock_range_s(window);
      a.window_begin_s = static_cast<std::int64_t>(std::llround(begin));
      a.window_end_s = static_cast<std::int64_t>(std::llround(end));
    } catch (const InvalidInput&) {
      fail("a part of the day such as 12:00-14:00 after the T", window, text);
    }
  }
  if (const auto dots = when.find(".."); dots != std::string_view::npos) {
    a.first_day = date_part(when.substr(0, dots), text);
    a.last_day = date_part(when.substr(dots + 2), text);
    if (a.last_day < a.first_day)
      fail("a range whose last date is not before its first", when, text);
  } else {
    a.first_day = a.last_day = date_part(when, text);
  }

  std::string_view number = change;
  if (change.ends_with('%')) {
    number.remove_suffix(1);
  } else if (change.ends_with("calls")) {
    a.percent = false;
    number.remove_suffix(5);
  } else {
    fail("a change ending in % or calls", change, text);
  }
  if (number.empty() || (number.front() != '+' && number.front() != '-')) {
    fail("a signed change such as +10% or -30calls", change, text);
  }
  try {
    a.amount = parse_number(number.front() == '+' ? number.substr(1) : number);
  } catch (const InvalidInput&) {
    fail("a signed number such as +10 or -2.5", number, text);
  }
  if (a.percent && a.amount <= -100) fail("a percentage above -100%", change, text);
  return a;
}

void apply_adjustments(std::span<const ForecastAdjustment> adjustments, std::int64_t day,
                       std::int64_t start_s, std::int64_t length_s, std::int64_t interval_s,
                       AdjustedInterval& interval) {
  for (const ForecastAdjustment& a : adjustments) {
    if (day < a.first_day || day > a.last_day || start_s < a.window_begin_s ||
        start_s >= a.window_end_s) {
      continue;
    }
    double* values[] = {&interval.calls, &interval.lo80, &interval.hi80, &interval.lo95,
                        &interval.hi95};
    if (a.percent) {
      const double k = 1.0 + a.amount / 100.0;
      for (double* v : values) *v *= k;
      interval.lo80 = std::floor(interval.lo80 + 1e-9);
      interval.lo95 = std::floor(interval.lo95 + 1e-9);
      interval.hi80 = std::ceil(interval.hi80 - 1e-9);
      interval.hi95 = std::ceil(interval.hi95 - 1e-9);
    } else {
      const double add = a.amount * static_cast<double>(length_s) / static_cast<double>(interval_s);
      for (double* v : values) *v = std::max(0.0, *v + add);
    }
    interval.applied += (interval.applied.empty() ? "" : " + ") + a.label();
  }
}

}  // namespace staffsim::tools
