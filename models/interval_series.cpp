#include "models/interval_series.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "models/calendar.hpp"
#include "models/error.hpp"

namespace staffsim::models {
namespace {

std::string str(std::int64_t v) {
  return std::to_string(v);
}

bool is_closed(std::span<const std::int64_t> closed_days, std::int64_t day) {
  return std::find(closed_days.begin(), closed_days.end(), day) != closed_days.end();
}

}  // namespace

std::int64_t IntradayGrid::slot_length_s(int slot) const {
  const std::int64_t start = slot_start_s(slot);
  return std::min(start + interval_s, day_end_s) - start;
}

void validate(const IntradayGrid& grid) {
  if (grid.interval_s <= 0) {
    throw InvalidInput("interval_s must be positive, found " + str(grid.interval_s));
  }
  if (grid.day_begin_s < 0 || grid.day_begin_s >= kSecondsPerDay) {
    throw InvalidInput("day_begin_s must be in [0, 86400), found " + str(grid.day_begin_s));
  }
  if (grid.day_end_s <= grid.day_begin_s || grid.day_end_s > kSecondsPerDay) {
    throw InvalidInput("day_end_s must be in (day_begin_s, 86400] = (" + str(grid.day_begin_s) +
                       ", 86400], found " + str(grid.day_end_s));
  }
}

IntervalSeries::IntervalSeries(IntradayGrid grid) : grid_(grid) {
  validate(grid_);
  slots_ = grid_.slot_count();
}

void IntervalSeries::add_day(std::int64_t day, std::span<const double> counts) {
  if (!days_.empty() && day <= days_.back()) {
    throw InvalidInput("day must be later than the last stored day " + str(days_.back()) +
                       ", found " + str(day));
  }
  if (counts.size() != static_cast<std::size_t>(slots_)) {
    throw InvalidInput("counts must have one value per slot (" + std::to_string(slots_) +
                       "), found " + std::to_string(counts.size()));
  }
  double total = 0.0;
  for (double c : counts) {
    if (!(c >= 0.0) || !std::isfinite(c)) {
      throw InvalidInput("counts must be finite and >= 0, found " + std::to_string(c));
    }
    total += c;
  }
  days_.push_back(day);
  counts_.insert(counts_.end(), counts.begin(), counts.end());
  totals_.push_back(total);
}

std::optional<std::size_t> IntervalSeries::find_day(std::int64_t day) const {
  auto it = std::lower_bound(days_.begin(), days_.end(), day);
  if (it == days_.end() || *it != day) return std::nullopt;
  return static_cast<std::size_t>(it - days_.begin());
}

std::array<bool, 7> IntervalSeries::open_weekdays() const {
  std::array<bool, 7> open{};
  for (std::int64_t d : days_) open[weekday_from_days(d)] = true;
  return open;
}

IntradayGrid aggregate_grid(const IntradayGrid& fine, std::int64_t interval_s) {
  validate(fine);
  if (interval_s <= 0 || interval_s % fine.interval_s != 0) {
    throw InvalidInput("interval_s must be a positive multiple of the series interval " +
                       str(fine.interval_s) + " s, found " + str(interval_s));
  }
  return IntradayGrid{interval_s, fine.day_begin_s, fine.day_end_s};
}

std::vector<double> aggregate_day(const IntradayGrid& fine, std::span<const double> values,
                                  std::int64_t interval_s) {
  const IntradayGrid coarse = aggregate_grid(fine, interval_s);
  const std::int64_t ratio = interval_s / fine.interval_s;
  std::vector<double> out(static_cast<std::size_t>(coarse.slot_count()), 0.0);
  for (std::size_t i = 0; i < values.size(); ++i) {
    out[i / static_cast<std::size_t>(ratio)] += values[i];
  }
  return out;
}

IntervalSeries aggregate(const IntervalSeries& series, std::int64_t interval_s) {
  IntervalSeries out(aggregate_grid(series.grid(), interval_s));
  for (std::size_t d = 0; d < series.day_count(); ++d) {
    out.add_day(series.day(d), aggregate_day(series.grid(), series.counts(d), interval_s));
  }
  return out;
}

std::vector<std::int64_t> next_open_days(const IntervalSeries& history, int count,
                                         std::span<const std::int64_t> closed_days) {
  if (history.empty()) throw InvalidInput("history must hold at least one day, found none");
  if (count < 1) throw InvalidInput("days must be at least 1, found " + std::to_string(count));
  const auto open = history.open_weekdays();
  std::vector<std::int64_t> days;
  for (std::int64_t d = history.days().back() + 1; static_cast<int>(days.size()) < count; ++d) {
    if (open[weekday_from_days(d)] && !is_closed(closed_days, d)) days.push_back(d);
  }
  return days;
}

std::vector<std::int64_t> open_days_between(const IntervalSeries& history, std::int64_t first_day,
                                            std::int64_t last_day,
                                            std::span<const std::int64_t> closed_days) {
  if (history.empty()) throw InvalidInput("history must hold at least one day, found none");
  if (first_day <= history.days().back()) {
    throw InvalidInput("first_day must be after the last day of the history (" +
                       str(history.days().back()) + "), found " + str(first_day));
  }
  if (last_day < first_day) {
    throw InvalidInput("last_day must not be before first_day (" + str(first_day) + "), found " +
                       str(last_day));
  }
  const auto open = history.open_weekdays();
  std::vector<std::int64_t> days;
  for (std::int64_t d = first_day; d <= last_day; ++d) {
    if (open[weekday_from_days(d)] && !is_closed(closed_days, d)) days.push_back(d);
  }
  if (days.empty()) {
    throw InvalidInput("the range " + str(first_day) + ".." + str(last_day) +
                       " must contain an open weekday of the history, found none");
  }
  return days;
}

}  // namespace staffsim::models
