#include "tools/datetime.hpp"

#include <cstdio>

#include "models/calendar.hpp"
#include "models/error.hpp"

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
  return models::days_from_civil(date) * models::kSecondsPerDay + hour * 3600 + minute * 60 +
         second;
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

}  // namespace staffsim::tools
