// Civil calendar arithmetic for local clock times, without time zones.
//
// Contact-centre data are stamped in the centre's local clock time with no zone or offset, so a
// time is represented as seconds since 1970-01-01T00:00:00 of that same local clock ("local
// seconds"): arithmetic on it is plain integer arithmetic, days are 86,400 s, and daylight-saving
// shifts are not modelled (data are indexed by date and time of day, which is what planners use).
// Dates use the proleptic Gregorian calendar (algorithms of H. Hinnant, "chrono-compatible
// low-level date algorithms").
#pragma once

#include <cstdint>

namespace staffsim::models {

inline constexpr std::int64_t kSecondsPerDay = 86'400;

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

// Days since 1970-01-01 of a civil date (negative before it).
constexpr std::int64_t days_from_civil(CivilDate date) {
  const std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (date.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

constexpr CivilDate civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t doe = days - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return CivilDate{year, month, day};
}

constexpr int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Day of the week of a day number: 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday).
constexpr int weekday_from_days(std::int64_t days) {
  const std::int64_t w = (days + 3) % 7;
  return static_cast<int>(w >= 0 ? w : w + 7);
}

// Splits local seconds into the day number and the seconds since that day's midnight.
constexpr std::int64_t day_of(std::int64_t local_seconds) {
  return local_seconds >= 0 ? local_seconds / kSecondsPerDay
                            : -((-local_seconds + kSecondsPerDay - 1) / kSecondsPerDay);
}
constexpr std::int64_t second_of_day(std::int64_t local_seconds) {
  return local_seconds - day_of(local_seconds) * kSecondsPerDay;
}

}  // namespace staffsim::models
