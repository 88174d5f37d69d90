// Calendar-indexed interval counts: the history a volume forecast is made from.
//
// Model: a contact centre counts arrivals on a regular intraday grid. Every open day has the same
// grid of slots [day_begin_s + i * interval_s, min(day_begin_s + (i + 1) * interval_s, day_end_s)),
// i = 0 .. slot_count() - 1, in seconds after local midnight (see models/calendar.hpp); only the
// last slot can be shorter than interval_s (a "partial" slot, e.g. the lone 21:00-21:05 interval of
// a day that ends at 21:05 when counted in 30-minute slots). Slots outside a weekday's opening
// hours simply hold 0 calls.
//
// Days are indexed by their date (days since 1970-01-01), NEVER by row number: a day that is
// absent (a holiday, a weekday the centre does not open, a gap in the data) is just not stored, so
// "the same weekday one week earlier" is always a calendar lookup and a gap never shifts the weekly
// pattern. Counts are calls per slot (>= 0, finite; fractional values are allowed for synthetic
// or adjusted series).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace staffsim::models {

// The slots of one day. All values in seconds.
struct IntradayGrid {
  std::int64_t interval_s = 0;   // slot length, > 0, divides nothing in particular
  std::int64_t day_begin_s = 0;  // start of the first slot, seconds after local midnight, >= 0
  std::int64_t day_end_s = 0;    // end of the last slot, <= 86,400, > day_begin_s

  int slot_count() const {
    return static_cast<int>((day_end_s - day_begin_s + interval_s - 1) / interval_s);
  }
  std::int64_t slot_start_s(int slot) const { return day_begin_s + slot * interval_s; }
  // Length of a slot: interval_s, or less for a final partial slot.
  std::int64_t slot_length_s(int slot) const;
  bool is_partial(int slot) const { return slot_length_s(slot) < interval_s; }
};

// Throws InvalidInput unless 0 < interval_s, 0 <= day_begin_s < day_end_s <= 86,400.
void validate(const IntradayGrid& grid);

class IntervalSeries {
 public:
  explicit IntervalSeries(IntradayGrid grid);  // validates the grid

  // Appends one day. `day` (days since 1970-01-01) must be later than every stored day; counts
  // must have grid().slot_count() finite values >= 0. Throws InvalidInput otherwise.
  void add_day(std::int64_t day, std::span<const double> counts);

  const IntradayGrid& grid() const { return grid_; }
  int slot_count() const { return slots_; }
  std::size_t day_count() const { return days_.size(); }
  bool empty() const { return days_.empty(); }
  std::int64_t day(std::size_t index) const { return days_[index]; }
  const std::vector<std::int64_t>& days() const { return days_; }
  std::span<const double> counts(std::size_t index) const {
    return {counts_.data() + index * static_cast<std::size_t>(slots_),
            static_cast<std::size_t>(slots_)};
  }
  double total(std::size_t index) const { return totals_[index]; }
  // Index of a stored day, or nullopt.
  std::optional<std::size_t> find_day(std::int64_t day) const;
  // Weekdays (0 = Monday .. 6 = Sunday) that occur among the stored days.
  std::array<bool, 7> open_weekdays() const;

 private:
  IntradayGrid grid_;
  int slots_ = 0;
  std::vector<std::int64_t> days_;
  std::vector<double> counts_;  // day-major
  std::vector<double> totals_;
};

// Sums a series into coarser slots of interval_s seconds, aligned on the series' day_begin_s:
// coarse slot j holds the fine slots starting in [begin + j * interval_s, begin + (j+1) *
// interval_s). interval_s must be a positive multiple of the series' interval (else
// InvalidInput). The day end is kept, so a day ending at 21:05 gives a final partial slot
// 21:00-21:05 at 30 minutes. Daily totals are unchanged.
IntervalSeries aggregate(const IntervalSeries& series, std::int64_t interval_s);
// The same summation for one day's values given on `fine`'s grid.
std::vector<double> aggregate_day(const IntradayGrid& fine, std::span<const double> values,
                                  std::int64_t interval_s);
IntradayGrid aggregate_grid(const IntradayGrid& fine, std::int64_t interval_s);

// The first `count` days after the last stored day whose weekday occurs in the history (open
// weekdays) and that are not listed in `closed_days`. Throws InvalidInput on an empty series or
// count < 1.
std::vector<std::int64_t> next_open_days(const IntervalSeries& history, int count,
                                         std::span<const std::int64_t> closed_days = {});
// The open days in [first_day, last_day] (same rule). Throws InvalidInput if first_day is not
// after the last stored day, if last_day < first_day, or if no open day falls in the range.
std::vector<std::int64_t> open_days_between(const IntervalSeries& history, std::int64_t first_day,
                                            std::int64_t last_day,
                                            std::span<const std::int64_t> closed_days = {});

}  // namespace staffsim::models
