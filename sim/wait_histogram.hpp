// A fixed-size histogram of waiting times (seconds) for quantiles in constant memory.
//
// Waits of exactly 0 (served at once) are counted apart. Positive waits fall in bins of 0.5 s up
// to 600 s, of 5 s up to 1 hour, of 60 s up to 1 day, of 10 minutes up to 7 days and of 1 hour up
// to 61 days (work that waits overnight or over a weekend); longer waits share one overflow bin
// whose upper edge is the largest wait seen. quantile(p) returns the smallest x with
// P(W <= x) >= p, interpolating linearly inside the bin that holds it (0 when the p-quantile falls
// among the exact zeros, NaN when the histogram is empty). Error at most one bin width.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>

namespace staffsim::sim {

class WaitHistogram {
 public:
  static constexpr double kDay = 86400;
  static constexpr double kWeek = 7 * kDay;
  static constexpr double kLongest = 61 * kDay;
  static constexpr int kFineBins = 1200;    // 0.5 s up to 600 s
  static constexpr int kMediumBins = 600;   // 5 s up to 3600 s
  static constexpr int kCoarseBins = 1380;  // 60 s up to 1 day
  static constexpr int kDayBins = 864;      // 10 min up to 7 days
  static constexpr int kWeekBins = 1296;    // 1 h up to 61 days
  static constexpr int kBins =
      kFineBins + kMediumBins + kCoarseBins + kDayBins + kWeekBins + 1;  // + overflow

  void add(double wait_s) {
    ++count_;
    if (wait_s <= 0) {
      ++zeros_;
      return;
    }
    max_ = std::max(max_, wait_s);
    ++bins_[bin_of(wait_s)];
  }

  void merge(const WaitHistogram& other) {
    count_ += other.count_;
    zeros_ += other.zeros_;
    max_ = std::max(max_, other.max_);
    for (int i = 0; i < kBins; ++i) bins_[i] += other.bins_[i];
  }

  void clear() {
    count_ = 0;
    zeros_ = 0;
    max_ = 0;
    bins_.fill(0);
  }

  std::int64_t count() const { return count_; }

  double quantile(double p) const {
    if (count_ == 0) return std::numeric_limits<double>::quiet_NaN();
    const double rank = p * static_cast<double>(count_);
    if (rank <= static_cast<double>(zeros_)) return 0;
    double cumulative = static_cast<double>(zeros_);
    for (int i = 0; i < kBins; ++i) {
      const double in_bin = static_cast<double>(bins_[i]);
      if (in_bin > 0 && cumulative + in_bin >= rank) {
        const double low = lower_edge(i);
        const double high = i == kBins - 1 ? std::max(max_, low) : lower_edge(i + 1);
        return low + (rank - cumulative) / in_bin * (high - low);
      }
      cumulative += in_bin;
    }
    return max_;
  }

  static int bin_of(double wait_s) {
    if (wait_s < 600) return static_cast<int>(wait_s * 2);
    if (wait_s < 3600) return kFineBins + static_cast<int>((wait_s - 600) / 5);
    if (wait_s < kDay) return kFineBins + kMediumBins + static_cast<int>((wait_s - 3600) / 60);
    if (wait_s < kWeek) {
      return kFineBins + kMediumBins + kCoarseBins + static_cast<int>((wait_s - kDay) / 600);
    }
    if (wait_s < kLongest) {
      return kFineBins + kMediumBins + kCoarseBins + kDayBins +
             static_cast<int>((wait_s - kWeek) / 3600);
    }
    return kBins - 1;
  }

  static double lower_edge(int bin) {
    if (bin < kFineBins) return bin * 0.5;
    bin -= kFineBins;
    if (bin < kMediumBins) return 600 + bin * 5.0;
    bin -= kMediumBins;
    if (bin < kCoarseBins) return 3600 + bin * 60.0;
    bin -= kCoarseBins;
    if (bin < kDayBins) return kDay + bin * 600.0;
    bin -= kDayBins;
    return kWeek + bin * 3600.0;
  }

 private:
  std::int64_t count_ = 0;
  std::int64_t zeros_ = 0;
  double max_ = 0;
  std::array<std::uint32_t, kBins> bins_{};
};

}  // namespace staffsim::sim
