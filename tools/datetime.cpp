#include "tools/datetime.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>

#include "models/calendar.hpp"
#include "models/error.hpp"
#include "tools/cli_error.hpp"

namespace staffsim::tools {
namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& value) {
  if (pos + n > s.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    value = value * 10 + (s[i] - '0');
  }
  return true;
}

// Parses "YYYY-MM-DD" at the start of s; returns false if malformed or not a real date.
bool parse_date_part(std::string_view s, models::CivilDate& date) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s, 0, 4, date.year) || !digits(s, 5, 2, date.month) || !digits(s, 8, 2, date.day)) {
    return false;
  }
  return date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         date.day <= models::days_in_month(date.year, date.month);
}

[[noreturn]] void fail_datetime(std::string_view text) {
  throw InvalidInput("expected an ISO 8601 local date-time such as 2003-03-03T07:00:00, found \"" +
                     std::string(text) + "\"");
}

}  // namespace

std::int64_t parse_local_datetime(std::string_view text) {
  models::CivilDate date;
  if (!parse_date_part(text, date)) fail_datetime(text);
  std::string_view rest = text.substr(10);
  if (rest.empty() || (rest[0] != 'T' && rest[0] != ' ')) fail_datetime(text);
  int hour = 0, minute = 0, second = 0;
  if (!digits(rest, 1, 2, hour) || rest.size() < 6 || rest[3] != ':' ||
      !digits(rest, 4, 2, minute)) {
    fail_datetime(text);
  }
  if (rest.size() == 9 && rest[6] == ':' && digits(rest, 7, 2, second)) {
  } else if (rest.size() != 6) {
    fail_datetime(text);
  }
  if (hour > 23 || minute > 59 || second > 59) fail_datetime(text);
  return models::days_from_civil(date) * models::kSecondsPerDay + std::int64_t{hour} * 3600 +
         std::int64_t{minute} * 60 + second;
}

std::int64_t parse_local_date(std::string_view text) {
  models::CivilDate date;
  if (text.size() != 10 || !parse_date_part(text, date)) {
    throw InvalidInput("expected an ISO 8601 date such as 2003-03-03, found \"" +
                       std::string(text) + "\"");
  }
  return models::days_from_civil(date) * models::kSecondsPerDay;
}

std::string format_local_datetime(std::int64_t local_seconds) {
  const models::CivilDate d = models::civil_from_days(models::day_of(local_seconds));
  const std::int64_t s = models::second_of_day(local_seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day,
                static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60),
                static_cast<int>(s % 60));
  return buf;
}

std::string format_local_date(std::int64_t local_seconds) {
  return format_local_datetime(local_seconds).substr(0, 10);
}

namespace {

// "HH:MM" or "HH:MM:SS" with hours up to `max_hours`, or nullopt when malformed.
std::optional<double> clock_of(std::string_view text, int max_hours) {
  if (text.size() != 5 && text.size() != 8) return std::nullopt;
  int hours = 0, minutes = 0, seconds = 0;
  if (!digits(text, 0, 2, hours) || text[2] != ':' || !digits(text, 3, 2, minutes)) {
    return std::nullopt;
  }
  if (text.size() == 8 && (text[5] != ':' || !digits(text, 6, 2, seconds))) return std::nullopt;
  if (hours > max_hours || minutes > 59 || seconds > 59) return std::nullopt;
  const double value = hours * 3600.0 + minutes * 60.0 + seconds;
  if (value > 86400.0) return std::nullopt;
  return value;
}

constexpr std::array<std::string_view, 7> kWeekdayShort = {"Mon", "Tue", "Wed", "Thu",
                                                           "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kWeekdayFull = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

bool same_letters(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

double parse_clock_s(std::string_view text) {
  const auto value = clock_of(text, 23);
  if (!value) {
    throw InvalidInput("expected a clock time such as \"07:00\" (00:00 to 23:59:59), found " +
                       quote(text));
  }
  return *value;
}

std::pair<double, double> parse_clock_range_s(std::string_view text) {
  const std::size_t dash = text.find('-');
  std::optional<double> start, end;
  if (dash != std::string_view::npos) {
    start = clock_of(text.substr(0, dash), 23);
    end = clock_of(text.substr(dash + 1), 24);
  }
  if (!start || !end || *start >= *end) {
    throw InvalidInput(
        "expected a part of the day such as 07:00-21:00 (start before end, end at most 24:00), "
        "found " +
        quote(text));
  }
  return {*start, *end};
}

std::string format_clock(double seconds_since_midnight) {
  long long total = std::llround(seconds_since_midnight);
  long long hours = total / 3600;
  long long minutes = (total % 3600) / 60;
  long long seconds = total % 60;
  char buffer[32];
  if (seconds == 0) {
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", hours, minutes);
  } else {
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", hours, minutes, seconds);
  }
  return buffer;
}

int parse_weekday(std::string_view text) {
  for (int w = 0; w < 7; ++w) {
    if (same_letters(text, kWeekdayShort[w]) || same_letters(text, kWeekdayFull[w])) return w;
  }
  throw InvalidInput("expected a weekday such as mon or monday, found " + quote(text));
}

std::string_view weekday_short_name(int weekday) {
  return kWeekdayShort.at(static_cast<std::size_t>(weekday));
}

std::string_view weekday_full_name(int weekday) {
  return kWeekdayFull.at(static_cast<std::size_t>(weekday));
}

}  // namespace staffsim::tools
