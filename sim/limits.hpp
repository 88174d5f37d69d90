// The limits on every input that decides how much work or memory a run takes. A value past a limit
// is refused with a message (sim::validate, and the loaders with the value's position), never
// clamped. Each limit is far above anything a contact centre needs, and low enough that a slip of
// the keyboard (1e308 calls, a handle time of 1e300 s) cannot start a run that never ends or
// exhaust memory. scenarios/REFERENCE.md lists them with these reasons.
#pragma once

#include <cstddef>
#include <cstdint>

namespace staffsim::sim {

// Arrival rate of one contact type in one interval: 1,000 contacts a second (3.6 million an hour).
// The largest centres take tens a second; at this rate one replication of a day already simulates
// tens of millions of contacts.
inline constexpr double kMaxArrivalRatePerS = 1000;

// Any duration (handle time, patience, delays, deadlines, warm-up): 366 days. Nothing in a contact
// centre lasts a year; a longer value is a typing slip, and would put events past any horizon.
inline constexpr double kMaxDurationS = 366.0 * 86400.0;

// Intervals x days of a horizon: the simulator holds a tally per interval (a year of 5-minute
// intervals around the clock is 105,120).
inline constexpr std::int64_t kMaxHorizonIntervals = 1'000'000;

// Whole days simulated before day 1 and discarded.
inline constexpr int kMaxWarmupDays = 1000;

// Replications of one run (a precision target stops far earlier; the sample of a
// 1,000-replication run already gives half-widths a thirtieth of one replication's spread).
inline constexpr std::int64_t kMaxReplications = 1'000'000;

// Agents of one group in one interval.
inline constexpr int kMaxAgentsPerInterval = 1'000'000;

// Observed durations of one empirical distribution (80 MB of samples).
inline constexpr std::size_t kMaxEmpiricalValues = 10'000'000;

// The day-to-day busyness CV of a contact type (a gamma factor of mean 1): 100%. The bank data's is
// about 10%; a CV of 100% already makes one day in twenty over three times the mean.
inline constexpr double kMaxDayCv = 1.0;

// Authority levels 1 .. 9.
inline constexpr int kMaxAuthority = 9;

// First contacts the arrival rates promise over a whole run (every replication, warm-up included):
// 10^10, about half an hour on one core at the engine's 5-6 million contacts a second. A larger
// run is refused with the estimate; from kAnnounceContacts on, the command line says how many it
// will simulate before it starts.
inline constexpr double kMaxRunContacts = 1e10;
inline constexpr double kAnnounceContacts = 2e7;

}  // namespace staffsim::sim
